/* limber-export.h — `limber --export`: a program's handout as a PDF, no
 * display needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int limber_export_run (const char         *program_path,
                       const char         *output,
                       const char         *paper,
                       const char         *layout,
                       const char         *language,
                       gboolean            therapist_copy,
                       const char * const *catalogs);

G_END_DECLS
