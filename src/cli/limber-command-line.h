/* limber-command-line.h — what `limber` does without a window:
 * --validate, --export, --contact-sheet, --version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void limber_command_line_add_options (GApplication       *app);
int  limber_command_line_run         (GVariantDict       *options);
int  limber_command_line_export      (const char         *program_path,
                                      const char         *output,
                                      const char         *paper,
                                      const char         *layout,
                                      const char         *language,
                                      gboolean            therapist_copy,
                                      const char * const *catalogs);

G_END_DECLS
