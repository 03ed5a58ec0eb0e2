/* limber-custom-private.h — shared by the files that build and save
 * custom stretches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "limber-custom.h"

G_BEGIN_DECLS

#define CUSTOM_FILE  "custom.xml"
#define CUSTOM_LANG  "en"

xmlDoc   *_limber_custom_new_catalog_doc    (void);
char     *_limber_custom_unique_id          (const char         *name);
gboolean  _limber_custom_fail_with_problems (GPtrArray          *problems,
                                             LimberCustomError   code,
                                             const char         *what,
                                             GError            **error);

G_END_DECLS
