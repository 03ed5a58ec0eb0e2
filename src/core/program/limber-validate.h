/* limber-validate.h — `limber --validate`: check files, say what is wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-catalog.h"

G_BEGIN_DECLS

gboolean limber_validate_file (const char    *path,
                               LimberCatalog *catalog,
                               GPtrArray     *problems);

G_END_DECLS
