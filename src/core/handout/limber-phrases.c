/* limber-phrases.c — a handout's fixed words, in the program's language
 *
 * A handout is written in the language of the PROGRAM (its xml:lang),
 * not in the language of the user interface: a therapist working in
 * English prints a Spanish handout for a Spanish-speaking patient.  So
 * these words are a table in C, not gettext: gettext picks translations
 * through the process locale (LC_MESSAGES), which is set once for the
 * whole program, and glibc ignores translations for a locale that is not
 * installed (a Debian system often has only en_US.UTF-8 and C.UTF-8
 * generated).  A table works on every system and in every thread, and
 * the tests can check each language on any machine.  Each language's
 * words are data in a file of their own (limber-phrases-en.c…);
 * adding a language is adding such a file and a line to languages[].
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-phrases"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "limber-phrases-private.h"

typedef const LimberPhrasesLanguage Lang;

/* The first is the one used for a language without words here. */
static const LimberPhrasesLanguage * const languages[] = {
  &_limber_phrases_en,
  &_limber_phrases_es,
  &_limber_phrases_de,
  &_limber_phrases_fr,
};

/* Formats come from the tables of limber-phrases-*.c, never from a file. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

static Lang *
lang_of (const char *lang)
{
  gsize len;

  if (lang == NULL)
    return languages[0];
  len = strcspn (lang, "-_.@");
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (len == strlen (languages[i]->code) && g_ascii_strncasecmp (lang, languages[i]->code, len) == 0)
      return languages[i];
  return languages[0];
}

const LimberPhrasesLanguage * const *
_limber_phrases_get_languages (guint *n_languages)
{
  *n_languages = G_N_ELEMENTS (languages);
  return languages;
}

/**
 * limber_phrases_language:
 * @lang: (nullable): a language tag: "es", "es-MX"
 *
 * Returns: the language the handout's words will be in: "en", "es",
 *   "de" or "fr"; English for a language without a table
 */
const char *
limber_phrases_language (const char *lang)
{
  return lang_of (lang)->code;
}

const char *
limber_phrases_get (LimberPhrase  phrase,
                    const char   *lang)
{
  g_return_val_if_fail (phrase < LIMBER_N_PHRASES, "");
  return lang_of (lang)->phrases[phrase];
}

/**
 * limber_phrases_colon:
 *
 * Returns: what follows a label before its value: ":", or in French a
 *   non-breaking space and ":" ("Prochain rendez-vous\u00a0: 8 décembre")
 */
const char *
limber_phrases_colon (const char *lang)
{
  return lang_of (lang)->colon;
}

/* "Page 2 of 3" */
char *
limber_phrases_page (int         page,
                     int         n_pages,
                     const char *lang)
{
  return g_strdup_printf (lang_of (lang)->phrases[LIMBER_PHRASE_PAGE_N_OF_M], page, n_pages);
}

/**
 * limber_phrases_weekday:
 * @initial: %TRUE for one letter ("M"), %FALSE for three ("Mon")
 */
const char *
limber_phrases_weekday (GDateWeekday  weekday,
                        gboolean      initial,
                        const char   *lang)
{
  Lang *l = lang_of (lang);

  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, "");
  return (initial ? l->weekday_initials : l->weekdays)[weekday - 1];
}

/**
 * limber_phrases_date:
 * @iso_date: "2026-11-24"
 *
 * Returns: (nullable): the date written out: "24 November 2026",
 *   "24 de noviembre de 2026", "24. November 2026", "1er décembre 2026";
 *   %NULL if @iso_date is not a valid date
 */
char *
limber_phrases_date (const char *iso_date,
                     const char *lang)
{
  Lang *l = lang_of (lang);
  int year, month, day;
  char tail;

  if (iso_date == NULL || strlen (iso_date) != 10
      || sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3
      || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf (day == 1 && l->date_first != NULL ? l->date_first : l->date,
                          day, l->months[month - 1], year);
}

static void
separate (GString *s)
{
  if (s->len > 0)
    g_string_append (s, " · ");
}

/* "5 slow reps": a count in its form for one or for more. */
static void
append_count (GString           *s,
              const char * const forms[2],
              int                n)
{
  g_string_append_printf (s, forms[n == 1 ? 0 : 1], n);
}

static void
append_dosage (GString            *s,
               const LimberDosage *d,
               Lang               *l)
{
  int sets = limber_dosage_get (d, LIMBER_DOSAGE_SETS);
  int reps = limber_dosage_get (d, LIMBER_DOSAGE_REPS);
  int hold = limber_dosage_get (d, LIMBER_DOSAGE_HOLD_SECONDS);
  int per_day = limber_dosage_get (d, LIMBER_DOSAGE_PER_DAY);
  int days = limber_dosage_get (d, LIMBER_DOSAGE_DAYS_PER_WEEK);

  if (sets > 0)
    append_count (s, l->sets, sets);
  if (sets > 0 && reps > 0)
    g_string_append (s, l->sets_of_reps);
  if (reps > 0)
    append_count (s, l->reps, reps);
  if (hold > 0)
    {
      separate (s);
      append_count (s, l->hold, hold);
    }
  if (per_day > 0)
    {
      separate (s);
      if (per_day <= 2)
        g_string_append (s, per_day == 1 ? l->once_a_day : l->twice_a_day);
      else
        g_string_append_printf (s, l->times_a_day, per_day);
    }
  if (days > 0 && days < 7)
    {
      separate (s);
      append_count (s, l->days_a_week, days);
    }
  if (d->side != LIMBER_SIDE_UNSET)
    {
      separate (s);
      g_string_append (s, d->side == LIMBER_SIDE_LEFT ? l->side_left
                          : d->side == LIMBER_SIDE_RIGHT ? l->side_right : l->side_both);
    }
}

/**
 * limber_phrases_dosage:
 *
 * The dosage as one line for the patient: "2 sets of 5 slow reps · hold
 * 3 seconds · twice a day · left side".  Fields that are not given are
 * left out; every day of the week is not said.
 *
 * Returns: the line, empty if nothing is given
 */
char *
limber_phrases_dosage (const LimberDosage *dosage,
                       const char         *lang)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (dosage != NULL, g_string_free (s, FALSE));

  append_dosage (s, dosage, lang_of (lang));
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------ */
/* Mirroring                                                          */

typedef struct
{
  const char *start;
  gsize       len;
} Word;

static GArray *
split_words (const char *text)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = text;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      Word w = { p, 0 };

      if (!g_unichar_isalpha (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      while (*p && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      w.len = p - w.start;
      g_array_append_val (words, w);
    }
  return words;
}

static gboolean
word_in (const Word         *w,
         const char * const *list)
{
  g_autofree char *lower = NULL;

  if (w == NULL)
    return FALSE;
  lower = g_utf8_strdown (w->start, w->len);
  return g_strv_contains (list, lower);
}

/* The gender of the noun right before word @i, where side words agree
 * with their noun: LIMBER_GENDER_ANY when the language has no such
 * nouns, and *@known FALSE when the word before is not one of them. */
static LimberGender
gender_before (GArray   *words,
               guint     i,
               Lang     *l,
               gboolean *known)
{
  g_autofree char *lower = NULL;
  const Word *before;

  *known = TRUE;
  if (l->side_nouns == NULL)
    return LIMBER_GENDER_ANY;
  *known = FALSE;
  if (i == 0)
    return LIMBER_GENDER_ANY;
  before = &g_array_index (words, Word, i - 1);
  lower = g_utf8_strdown (before->start, before->len);
  for (const LimberSideNoun *noun = l->side_nouns; noun->singular != NULL; noun++)
    if (g_str_equal (lower, noun->singular) || g_str_equal (lower, noun->plural))
      {
        *known = TRUE;
        return noun->gender;
      }
  return LIMBER_GENDER_ANY;
}

/* The side word @lower is of @gender: a right word's pair says it, a
 * left word has none (LIMBER_GENDER_ANY). */
static LimberGender
gender_of_side_word (const char *lower,
                     Lang       *l)
{
  for (const LimberSidePair *pair = l->side_words; pair->right != NULL; pair++)
    if (g_str_equal (lower, pair->right))
      return pair->gender;
  return LIMBER_GENDER_ANY;
}

/* The other side's word for @lower, or NULL.  A left word with more
 * than one right word takes the one of @gender, or the first listed
 * when the gender is not known. */
static const char *
swap_of (const char   *lower,
         LimberGender  gender,
         Lang         *l)
{
  const char *first = NULL;

  for (const LimberSidePair *pair = l->side_words; pair->right != NULL; pair++)
    {
      if (g_str_equal (lower, pair->right))
        return pair->left;
      if (!g_str_equal (lower, pair->left))
        continue;
      if (pair->gender == LIMBER_GENDER_ANY || pair->gender == gender)
        return pair->right;
      if (first == NULL)
        first = pair->right;
    }
  return first;
}

static gboolean
is_side_word (GArray *words,
              guint   i,
              Lang   *l)
{
  const Word *before = i > 0 ? &g_array_index (words, Word, i - 1) : NULL;
  const Word *after = i + 1 < words->len ? &g_array_index (words, Word, i + 1) : NULL;

  return !word_in (before, l->not_side_before) && !word_in (after, l->not_side_after);
}

/* The replacement in the case of the original: left, Left, LEFT. */
static void
append_in_case (GString    *out,
                const Word *w,
                const char *replacement)
{
  g_autofree char *upper = g_utf8_strup (w->start, w->len);
  gboolean all_upper = w->len > 1 && strncmp (upper, w->start, w->len) == 0;
  gboolean capital = g_unichar_isupper (g_utf8_get_char (w->start));

  if (all_upper)
    {
      g_autofree char *up = g_ascii_strup (replacement, -1);
      g_string_append (out, up);
    }
  else if (capital)
    {
      g_string_append_c (out, g_ascii_toupper (replacement[0]));
      g_string_append (out, replacement + 1);
    }
  else
    g_string_append (out, replacement);
}

/**
 * limber_phrases_mirror_sides:
 * @text: (nullable): a catalog text, written for the right side
 * @lang: the language @text is in
 *
 * Swaps the words for right and left, keeping their case ("Right knee"
 * becomes "Left knee"; in Spanish "derecha" and "izquierda", "derecho"
 * and "izquierdo"; in German "rechte" and "linke"…), so a stretch
 * written for the right side reads right for the left.  Words inside
 * other words ("upright") and a few phrases where "right" is not a side
 * ("right away", "le dos droit") are left alone.  In French "gauche"
 * becomes "droit" or "droite" by the gender of the noun before it
 * ("le pied gauche", "la jambe gauche"); limber_phrases_unresolved_sides()
 * finds a side word after a noun that is not known.
 *
 * Returns: (nullable): the mirrored text
 */
char *
limber_phrases_mirror_sides (const char *text,
                             const char *lang)
{
  Lang *l = lang_of (lang);
  g_autoptr(GArray) words = NULL;
  GString *out;
  const char *copied;

  if (text == NULL)
    return NULL;
  words = split_words (text);
  out = g_string_sized_new (strlen (text) + 8);
  copied = text;
  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);
      g_autofree char *lower = g_utf8_strdown (w->start, w->len);
      gboolean known;
      const char *other;

      if (swap_of (lower, LIMBER_GENDER_ANY, l) == NULL || !is_side_word (words, i, l))
        continue;
      other = swap_of (lower, gender_before (words, i, l, &known), l);
      g_string_append_len (out, copied, w->start - copied);
      append_in_case (out, w, other);
      copied = w->start + w->len;
    }
  g_string_append (out, copied);
  return g_string_free (out, FALSE);
}

/**
 * limber_phrases_unresolved_sides:
 * @text: (nullable): a catalog text, written for the right side
 * @lang: the language @text is in
 *
 * The side words of @text that mirroring cannot be sure of, in a
 * language where a side word agrees with the noun right before it
 * (French): a side word after a word that is not one of the language's
 * nouns ("votre gauche", or "la tête droite" meaning straight), or one
 * that does not agree with its noun ("la jambe droit").  Each is given
 * with the word before it.  A catalog text with none mirrors right by
 * construction; the tests check every bundled text.
 *
 * Returns: (transfer full): the words, an empty vector if none
 */
GStrv
limber_phrases_unresolved_sides (const char *text,
                                 const char *lang)
{
  Lang *l = lang_of (lang);
  g_autoptr(GStrvBuilder) found = g_strv_builder_new ();
  g_autoptr(GArray) words = NULL;

  if (text == NULL || l->side_nouns == NULL)
    return g_strv_builder_end (found);
  words = split_words (text);
  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);
      const Word *before = i > 0 ? &g_array_index (words, Word, i - 1) : w;
      g_autofree char *lower = g_utf8_strdown (w->start, w->len);
      LimberGender gender, own;
      gboolean known;

      if (swap_of (lower, LIMBER_GENDER_ANY, l) == NULL || !is_side_word (words, i, l))
        continue;
      gender = gender_before (words, i, l, &known);
      own = gender_of_side_word (lower, l);
      if (!known || (own != LIMBER_GENDER_ANY && gender != LIMBER_GENDER_ANY && own != gender))
        {
          g_autofree char *excerpt = g_strndup (before->start, w->start + w->len - before->start);

          g_strv_builder_add (found, excerpt);
        }
    }
  return g_strv_builder_end (found);
}

/* ------------------------------------------------------------------ */
/* Page 1: the summary, the pain rule, the words explained             */

/**
 * limber_phrases_summary:
 * @least_per_day: the fewest times a day of any stretch, or 0
 * @most_per_day: the most
 * @days_per_week: the days a week of every stretch if they agree and
 *   are fewer than 7, else 0
 * @minutes: the estimate of one session, or 0
 *
 * The program in one line: "5 stretches · twice a day · about 15
 * minutes each time".
 */
char *
limber_phrases_summary (guint       n_stretches,
                        int         least_per_day,
                        int         most_per_day,
                        int         days_per_week,
                        int         minutes,
                        const char *lang)
{
  Lang *l = lang_of (lang);
  GString *s = g_string_new (NULL);

  append_count (s, l->stretches, (int) n_stretches);
  if (least_per_day > 0 && least_per_day == most_per_day)
    {
      separate (s);
      if (most_per_day <= 2)
        g_string_append (s, most_per_day == 1 ? l->once_a_day : l->twice_a_day);
      else
        g_string_append_printf (s, l->times_a_day, most_per_day);
    }
  else if (least_per_day > 0 && most_per_day > least_per_day)
    {
      separate (s);
      g_string_append_printf (s, l->times_a_day_range, least_per_day, most_per_day);
    }
  if (days_per_week > 0 && days_per_week < 7)
    {
      separate (s);
      append_count (s, l->days_a_week, days_per_week);
    }
  if (minutes > 0)
    {
      separate (s);
      g_string_append_printf (s, l->about_minutes, minutes);
    }
  return g_string_free (s, FALSE);
}

/**
 * limber_phrases_pain_row:
 * @row: 0 for the least pain, up to %LIMBER_PHRASES_N_PAIN_ROWS - 1
 *
 * One band of the pain rule: its range, its word, what to do.
 */
void
limber_phrases_pain_row (guint        row,
                         const char  *lang,
                         const char **range,
                         const char **word,
                         const char **advice)
{
  Lang *l = lang_of (lang);

  g_return_if_fail (row < LIMBER_PHRASES_N_PAIN_ROWS);
  *range = l->pain_ranges[row];
  *word = l->pain_words[row];
  *advice = l->pain_advice[row];
}

/**
 * limber_phrases_term:
 * @term: from 0 to %LIMBER_PHRASES_N_TERMS - 1
 *
 * A word of the handout and what it means, in plain words.
 */
void
limber_phrases_term (guint        term,
                     const char  *lang,
                     const char **word,
                     const char **meaning)
{
  Lang *l = lang_of (lang);

  g_return_if_fail (term < LIMBER_PHRASES_N_TERMS);
  *word = l->terms[term];
  *meaning = l->meanings[term];
}

/**
 * limber_phrases_hold_step:
 * @hold_seconds: 0 for no hold
 *
 * The last step of a stretch: what is held, for how long, and back to
 * the start.
 */
char *
limber_phrases_hold_step (int         hold_seconds,
                          const char *lang)
{
  Lang *l = lang_of (lang);

  if (hold_seconds <= 0)
    return g_strdup (l->phrases[LIMBER_PHRASE_BACK_TO_START]);
  return g_strdup_printf (l->hold_step[hold_seconds == 1 ? 0 : 1], hold_seconds);
}

guint
limber_phrases_glossary_size (const char *lang)
{
  Lang *l = lang_of (lang);
  guint n = 0;

  while (l->glossary != NULL && l->glossary[n].word != NULL)
    n++;
  return n;
}

/**
 * limber_phrases_glossary_used:
 * @folded_text: the handout's texts, g_utf8_casefold()ed
 *
 * Whether the handout uses the glossary's word @entry.
 */
gboolean
limber_phrases_glossary_used (guint       entry,
                              const char *folded_text,
                              const char *lang)
{
  Lang *l = lang_of (lang);
  g_auto(GStrv) forms = NULL;

  g_return_val_if_fail (entry < limber_phrases_glossary_size (lang), FALSE);
  forms = g_strsplit (l->glossary[entry].find, "|", -1);
  for (guint i = 0; forms[i] != NULL; i++)
    if (*forms[i] != '\0' && strstr (folded_text, forms[i]) != NULL)
      return TRUE;
  return FALSE;
}

void
limber_phrases_glossary (guint        entry,
                         const char  *lang,
                         const char **word,
                         const char **meaning)
{
  Lang *l = lang_of (lang);

  g_return_if_fail (entry < limber_phrases_glossary_size (lang));
  *word = l->glossary[entry].word;
  *meaning = l->glossary[entry].meaning;
}
