/* limber-problem.h — one problem found in a file, and lists of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_PROBLEM (limber_problem_get_type ())

/**
 * LimberProblem:
 * @file: the file as the user knows it (a path as typed, or a URI)
 * @line: the line the problem is on, from 1; 0 when it has none
 * @message: what is wrong, in the user's words, without the file or
 *   the line (limber_problem_to_string() adds them)
 *
 * Problems travel in lists: a #GPtrArray of #LimberProblem made by
 * limber_problem_list_new(), which frees them.
 *
 * The rule for a function that takes both a list and a #GError: every
 * problem it finds goes into the list; when it fails, it also sets the
 * #GError, whose message is the first problem it added, formatted by
 * limber_problem_to_string() (limber_problem_list_set_error() is the one
 * place that does this).  Callers that show every problem read the list;
 * callers that show one line show the error.  Nothing else copies a
 * problem into a #GError.
 */
typedef struct
{
  char  *file;
  guint  line;
  char  *message;
} LimberProblem;

GType          limber_problem_get_type       (void) G_GNUC_CONST;
LimberProblem *limber_problem_new            (const char           *file,
                                              guint                 line,
                                              const char           *message);
LimberProblem *limber_problem_copy           (const LimberProblem  *self);
void           limber_problem_free           (LimberProblem        *self);
char          *limber_problem_to_string      (const LimberProblem  *self);
char          *limber_problem_format_place   (const char           *file,
                                              guint                 line);

GPtrArray     *limber_problem_list_new       (void);
void           limber_problem_list_add       (GPtrArray            *problems,
                                              const char           *file,
                                              guint                 line,
                                              const char           *format,
                                              ...) G_GNUC_PRINTF (4, 5);
void           limber_problem_list_append    (GPtrArray            *problems,
                                              GPtrArray            *from);
char          *limber_problem_list_to_string (GPtrArray            *problems);
gboolean       limber_problem_list_set_error (GPtrArray            *problems,
                                              guint                 first,
                                              GQuark                domain,
                                              int                   code,
                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberProblem, limber_problem_free)

G_END_DECLS
