/* limber-visit.c — the next visit's program, a copy for another
 * patient, and the file names programs and handouts are offered under
 *
 * A therapist's day is mostly returning patients: next week's program
 * starts as a copy of last week's.  The copies here are new, unsaved
 * programs with no file, so that Save asks where (the library) and last
 * week's file is never overwritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-visit"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "limber-languages.h"
#include "limber-program-private.h"
#include "limber-visit.h"

/* Longest file name offered, in characters, before the extension:
 * file systems allow 255 bytes, and a name that long helps nobody. */
#define MAX_NAME_CHARS 80

/* The word for "week" in the handout's language: a title is suggested
 * in the language the patient reads.  Adding a language adds a row. */
static const struct { const char *language; const char *week; } week_words[] = {
  { "en", "week" },
  { "es", "semana" },
  { "de", "Woche" },     /* a noun: capitalised in German */
  { "fr", "semaine" },
};

/* Words after which a number counts visits or weeks, in any language
 * Limber writes: "week 3", "Semana 3", "visit 2".  A number after
 * anything else (a year, "hip 2") is left alone. */
static const char *const counting_words[] = {
  "week", "wk", "visit", "session", "semana", "sem", "visita", "sesión", "sesion",
  "woche", "besuch", "sitzung", "termin", "semaine", "visite", "séance", "seance",
};

/* A copy through the file format, so that it holds exactly what a saved
 * file would (items with their snapshots and pictures, translations,
 * exams), and none of the original's undo history. */
static LimberProgram *
copy_program (LimberProgram *program)
{
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LimberProgram *copy;
  gsize length;

  data = limber_program_to_string (program, &length);
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  copy = limber_program_load_bytes (bytes, _("copy"), NULL, NULL, &error);
  if (copy == NULL)
    {
      /* The program may hold what the schema refuses (a bad date typed
       * by hand): the copy then keeps what the template copy keeps. */
      g_debug ("Copying through the file format failed: %s", error->message);
      copy = limber_program_copy_as_template (program);
      for (guint i = 0; i < limber_program_get_n_exams (program); i++)
        _limber_program_take_exam (copy, limber_exam_copy (limber_program_get_exam (program, i)));
      _limber_program_take_field (copy, LIMBER_PROGRAM_PATIENT_NAME,
                                  g_strdup (limber_program_get_patient_name (program)));
      _limber_program_take_field (copy, LIMBER_PROGRAM_PATIENT_ID,
                                  g_strdup (limber_program_get_patient_id (program)));
    }
  limber_program_set_file (copy, NULL);
  return copy;
}

/**
 * limber_visit_copy_next:
 * @today: the new program's date, YYYY-MM-DD
 *
 * The program for a returning patient's next visit: everything of
 * @program (patient, stretches, advice, and the exams, so that progress
 * carries on), dated @today, with no next-visit date yet and the title
 * of the next week.  It has no file and counts as unsaved.
 *
 * Returns: (transfer full): the new program
 */
LimberProgram *
limber_visit_copy_next (LimberProgram *program,
                        const char    *today)
{
  LimberProgram *copy;

  g_return_val_if_fail (LIMBER_IS_PROGRAM (program), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  copy = copy_program (program);
  _limber_program_take_field (copy, LIMBER_PROGRAM_CREATED, g_strdup (today));
  _limber_program_take_field (copy, LIMBER_PROGRAM_NEXT_VISIT, NULL);
  _limber_program_take_field (copy, LIMBER_PROGRAM_TITLE,
                              limber_visit_next_title (limber_program_get_title (program),
                                                       limber_program_get_language (program)));
  _limber_program_mark_unsaved (copy);
  return copy;
}

/**
 * limber_visit_copy_for_another:
 * @today: the new program's date, YYYY-MM-DD
 *
 * The same stretches, dosages, notes and advice for someone else: no
 * patient, no exam, no next visit; dated @today.  No file, unsaved.
 *
 * Returns: (transfer full): the new program
 */
LimberProgram *
limber_visit_copy_for_another (LimberProgram *program,
                               const char    *today)
{
  LimberProgram *copy;

  g_return_val_if_fail (LIMBER_IS_PROGRAM (program), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  copy = limber_program_copy_as_template (program);
  limber_program_start (copy, today, NULL, NULL, NULL);
  _limber_program_mark_unsaved (copy);
  return copy;
}

static gboolean
is_counting_word (const char *start,
                  const char *end)
{
  g_autofree char *word = g_utf8_casefold (start, end - start);

  for (guint i = 0; i < G_N_ELEMENTS (counting_words); i++)
    if (strcmp (word, counting_words[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char *
week_word (const char *language)
{
  const char *code = limber_languages_get (limber_languages_find (language))->code;

  for (guint i = 0; i < G_N_ELEMENTS (week_words); i++)
    if (strcmp (code, week_words[i].language) == 0)
      return week_words[i].week;
  return week_words[0].week;
}

/**
 * limber_visit_next_title:
 * @title: (nullable): last visit's title
 * @language: (nullable): the handout's language
 *
 * "Hip mobility — week 1" becomes "Hip mobility — week 2"; a title that
 * counts no weeks gets " — week 2" added, in @language.  An empty title
 * stays empty.
 *
 * Returns: (transfer full) (nullable): the suggested title
 */
char *
limber_visit_next_title (const char *title,
                         const char *language)
{
  const char *end, *digits, *word_end, *word;
  guint64 number;

  if (title == NULL || *title == '\0')
    return NULL;

  end = title + strlen (title);
  while (end > title && g_ascii_isspace (end[-1]))
    end--;
  digits = end;
  while (digits > title && g_ascii_isdigit (digits[-1]))
    digits--;
  word_end = digits;
  while (word_end > title && (word_end[-1] == ' ' || word_end[-1] == '.'))
    word_end--;
  word = word_end;
  while (word > title && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (word))))
    word = g_utf8_prev_char (word);

  if (digits < end && end - digits <= 6 && word < word_end && word_end < digits
      && is_counting_word (word, word_end))
    {
      number = g_ascii_strtoull (digits, NULL, 10);
      return g_strdup_printf ("%.*s%" G_GUINT64_FORMAT "%s",
                              (int) (digits - title), title, number + 1, end);
    }
  return g_strdup_printf ("%.*s — %s 2", (int) (end - title), title, week_word (language));
}

/**
 * limber_visit_safe_name:
 *
 * @text as a file name any file system takes: valid UTF-8, no "/", "\",
 * ":" or control characters, no leading dot or space, runs of space as
 * one, at most MAX_NAME_CHARS characters.
 *
 * Returns: (transfer full): the name, possibly empty
 */
char *
limber_visit_safe_name (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_new (NULL);
  guint chars = 0;

  for (const char *p = valid; *p != '\0' && chars < MAX_NAME_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar gap = g_unichar_isspace (c) ? ' ' : (c == '/' || c == '\\' || c == ':') ? '-' : 0;

      if (gap == 0 && (g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_FORMAT))
        continue;   /* a control or invisible character: dropped */
      if (gap != 0)
        {
          /* One separator, never at the start, never two in a row. */
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '-')
            {
              g_string_append_c (out, (char) gap);
              chars++;
            }
          continue;
        }
      if (out->len == 0 && c == '.')
        continue;   /* no hidden file */
      g_string_append_unichar (out, c);
      chars++;
    }
  while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '.'
                          || out->str[out->len - 1] == '-'))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/**
 * limber_visit_file_name:
 * @extension: "limber" or "pdf"
 *
 * The name a program or its handout is offered under: the patient and
 * the date ("Sam Rivera 2026-11-24.limber"), which is how a therapist
 * looks for it, not the title, which repeats across patients.  Without a
 * patient, the title and the date; without either, "Program".
 *
 * Returns: (transfer full): a file name safe for any file system
 */
char *
limber_visit_file_name (LimberProgram *program,
                        const char    *extension)
{
  const char *who, *date;
  g_autofree char *base = NULL;
  g_autofree char *safe = NULL;

  g_return_val_if_fail (LIMBER_IS_PROGRAM (program), NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  who = limber_program_get_patient_name (program);
  if (is_blank (who))
    who = limber_program_get_title (program);
  date = limber_program_get_created (program);
  base = g_strdup_printf ("%s %s", who ? who : "", date ? date : "");
  safe = limber_visit_safe_name (base);
  if (*safe == '\0')
    {
      g_free (safe);
      safe = g_strdup (_("Program"));
    }
  return g_strdup_printf ("%s.%s", safe, extension);
}
