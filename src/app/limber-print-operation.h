/* limber-print-operation.h — printing a program's handout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "limber-handout.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PRINT_OPERATION (limber_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (LimberPrintOperation, limber_print_operation, LIMBER, PRINT_OPERATION, GtkPrintOperation)

LimberPrintOperation *limber_print_operation_new         (LimberProgram              *program,
                                                          const LimberHandoutOptions *options);
LimberHandout        *limber_print_operation_get_handout (LimberPrintOperation       *self);

G_END_DECLS
