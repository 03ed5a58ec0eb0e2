/* limber-problem.c — one problem found in a file, and lists of them
 *
 * A problem keeps its file, line and message apart until it is shown,
 * so that "FILE:LINE: message" is written in one place: here.  The
 * messages translators see never carry the file or the line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-problem"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-problem.h"

G_DEFINE_BOXED_TYPE (LimberProblem, limber_problem, limber_problem_copy, limber_problem_free)

/**
 * limber_problem_new:
 * @file: the file's display name
 * @line: from 1, or 0 when the problem has no line
 * @message: what is wrong, without the file or the line
 *
 * Returns: (transfer full): a new problem
 */
LimberProblem *
limber_problem_new (const char *file,
                    guint       line,
                    const char *message)
{
  LimberProblem *self;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_new0 (LimberProblem, 1);
  self->file = g_strdup (file);
  self->line = line;
  self->message = g_strdup (message);
  return self;
}

LimberProblem *
limber_problem_copy (const LimberProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return limber_problem_new (self->file, self->line, self->message);
}

void
limber_problem_free (LimberProblem *self)
{
  if (self == NULL)
    return;
  g_free (self->file);
  g_free (self->message);
  g_free (self);
}

/**
 * limber_problem_format_place:
 * @file: a file's display name
 * @line: from 1, or 0 for none
 *
 * Returns: (transfer full): "FILE:LINE", or "FILE" without a line
 */
char *
limber_problem_format_place (const char *file,
                             guint       line)
{
  g_return_val_if_fail (file != NULL, NULL);

  if (line == 0)
    return g_strdup (file);
  return g_strdup_printf ("%s:%u", file, line);
}

/**
 * limber_problem_to_string:
 *
 * The problem as the user reads it, in a window or on a terminal.
 *
 * Returns: (transfer full): "FILE:LINE: message", or "FILE: message"
 *   when the problem has no line
 */
char *
limber_problem_to_string (const LimberProblem *self)
{
  g_autofree char *place = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  place = limber_problem_format_place (self->file, self->line);
  return g_strdup_printf ("%s: %s", place, self->message);
}

/**
 * limber_problem_list_new:
 *
 * Returns: (transfer full) (element-type LimberProblem): an empty list
 *   that frees its problems
 */
GPtrArray *
limber_problem_list_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) limber_problem_free);
}

/**
 * limber_problem_list_add:
 * @problems: (element-type LimberProblem): the list
 * @file: the file's display name
 * @line: from 1, or 0 for none
 * @format: the message, translated, without the file or the line
 *
 * Adds a problem at the end of @problems.
 */
void
limber_problem_list_add (GPtrArray  *problems,
                         const char *file,
                         guint       line,
                         const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (problems != NULL);
  g_return_if_fail (format != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, limber_problem_new (file, line, message));
}

/**
 * limber_problem_list_append:
 * @problems: (element-type LimberProblem): the list
 * @from: (element-type LimberProblem): problems to add, copied
 */
void
limber_problem_list_append (GPtrArray *problems,
                            GPtrArray *from)
{
  g_return_if_fail (problems != NULL);
  g_return_if_fail (from != NULL);

  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (problems, limber_problem_copy (g_ptr_array_index (from, i)));
}

/**
 * limber_problem_list_to_string:
 * @problems: (element-type LimberProblem): the list
 *
 * Returns: (transfer full): each problem formatted, one a line, with no
 *   newline after the last
 */
char *
limber_problem_list_to_string (GPtrArray *problems)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (problems != NULL, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = limber_problem_to_string (g_ptr_array_index (problems, i));

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
    }
  return g_string_free (out, FALSE);
}

/**
 * limber_problem_list_set_error:
 * @problems: (element-type LimberProblem): the list
 * @first: the length @problems had before the work began
 * @domain: the error's domain
 * @code: the error's code
 * @error: (nullable): set to the first problem added since @first
 *
 * The one place a problem becomes a #GError (see #LimberProblem).
 *
 * Returns: %TRUE if no problem was added since @first; otherwise
 *   %FALSE, with @error set
 */
gboolean
limber_problem_list_set_error (GPtrArray  *problems,
                               guint       first,
                               GQuark      domain,
                               int         code,
                               GError    **error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (problems != NULL, FALSE);

  if (problems->len <= first)
    return TRUE;
  message = limber_problem_to_string (g_ptr_array_index (problems, first));
  g_set_error_literal (error, domain, code, message);
  return FALSE;
}
