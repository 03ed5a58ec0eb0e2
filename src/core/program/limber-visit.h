/* limber-visit.h — the next visit's program, a copy for another
 * patient, and the file names programs and handouts are offered under
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-program.h"

G_BEGIN_DECLS

LimberProgram *limber_visit_copy_next          (LimberProgram *program,
                                                const char    *today);
LimberProgram *limber_visit_copy_for_another   (LimberProgram *program,
                                                const char    *today);
char          *limber_visit_next_title         (const char    *title,
                                                const char    *language);
char          *limber_visit_file_name          (LimberProgram *program,
                                                const char    *extension);
char          *limber_visit_safe_name          (const char    *text);

G_END_DECLS
