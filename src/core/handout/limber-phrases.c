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
 * the tests can check each language on any machine.  Adding a language
 * is adding one column below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-phrases"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "limber-phrases.h"

typedef enum
{
  LANG_EN,
  LANG_ES,
  N_LANGS
} Lang;

static const char * const lang_codes[N_LANGS] = { "en", "es" };

static const char * const phrases[LIMBER_N_PHRASES][N_LANGS] = {
  [LIMBER_PHRASE_PAGE_N_OF_M] = { "Page %d of %d", "Página %d de %d" },
  [LIMBER_PHRASE_SETS] = { "Sets", "Series" },
  [LIMBER_PHRASE_THERAPIST] = { "Therapist", "Fisioterapeuta" },
  [LIMBER_PHRASE_PATIENT] = { "Patient", "Paciente" },
  [LIMBER_PHRASE_DATE] = { "Date", "Fecha" },
  [LIMBER_PHRASE_YOUR_NOTES] = { "Your notes", "Tus notas" },
  [LIMBER_PHRASE_CAUTIONS] = { "Cautions", "Precauciones" },
  [LIMBER_PHRASE_CAREFUL] = { "Careful:", "Cuidado:" },
  [LIMBER_PHRASE_TICK_A_BOX] = { "Tick a box each time you do the stretch",
                                 "Marca una casilla cada vez que hagas el estiramiento" },
  [LIMBER_PHRASE_BOTH_SIDES] = { "Do both sides: right first, then left",
                                 "Haz los dos lados: primero el derecho, luego el izquierdo" },
  [LIMBER_PHRASE_THERAPIST_NOTE] = { "Your therapist says:", "Tu fisioterapeuta dice:" },
  [LIMBER_PHRASE_ADVICE] = { "Advice from your therapist", "Consejos de tu fisioterapeuta" },
  [LIMBER_PHRASE_EXAMINATION] = { "Examination", "Exploración" },
  [LIMBER_PHRASE_PROGRESS] = { "Progress", "Evolución" },
  [LIMBER_PHRASE_THERAPIST_COPY] = { "Therapist’s copy", "Copia del fisioterapeuta" },
  [LIMBER_PHRASE_STRETCH] = { "Stretch", "Estiramiento" },
  [LIMBER_PHRASE_LOG] = { "Your exercise log", "Tu registro de ejercicios" },
  [LIMBER_PHRASE_QUESTIONS] = { "Questions? Call us:", "¿Dudas? Llámanos:" },
  [LIMBER_PHRASE_NO_STRETCHES] = { "No stretches yet.", "Todavía no hay estiramientos." },
  [LIMBER_PHRASE_PATIENT_ID] = { "ID", "N.º" },
};

/* GDateWeekday order: Monday is 1. */
static const char * const weekdays[N_LANGS][7] = {
  { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" },
  { "lun", "mar", "mié", "jue", "vie", "sáb", "dom" },
};

/* Spanish calendars write X for miércoles, so Tuesday's M stays apart. */
static const char * const weekday_initials[N_LANGS][7] = {
  { "M", "T", "W", "T", "F", "S", "S" },
  { "L", "M", "X", "J", "V", "S", "D" },
};

static const char * const months[N_LANGS][12] = {
  { "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December" },
  { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
    "septiembre", "octubre", "noviembre", "diciembre" },
};

static Lang
lang_of (const char *lang)
{
  gsize len;

  if (lang == NULL)
    return LANG_EN;
  len = strcspn (lang, "-_.@");
  for (int i = 0; i < N_LANGS; i++)
    if (len == strlen (lang_codes[i]) && g_ascii_strncasecmp (lang, lang_codes[i], len) == 0)
      return i;
  return LANG_EN;
}

/**
 * limber_phrases_language:
 * @lang: (nullable): a language tag: "es", "es-MX"
 *
 * Returns: the language the handout's words will be in: "en" or "es";
 *   English for a language without a table
 */
const char *
limber_phrases_language (const char *lang)
{
  return lang_codes[lang_of (lang)];
}

const char *
limber_phrases_get (LimberPhrase  phrase,
                    const char   *lang)
{
  g_return_val_if_fail (phrase < LIMBER_N_PHRASES, "");
  return phrases[phrase][lang_of (lang)];
}

/* "Page 2 of 3" */
char *
limber_phrases_page (int         page,
                     int         n_pages,
                     const char *lang)
{
  const char *format = phrases[LIMBER_PHRASE_PAGE_N_OF_M][lang_of (lang)];

  /* The format comes from the table above, never from a file. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (format, page, n_pages);
#pragma GCC diagnostic pop
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
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, "");
  return (initial ? weekday_initials : weekdays)[lang_of (lang)][weekday - 1];
}

/**
 * limber_phrases_date:
 * @iso_date: "2026-11-24"
 *
 * Returns: (nullable): the date written out: "24 November 2026",
 *   "24 de noviembre de 2026"; %NULL if @iso_date is not a valid date
 */
char *
limber_phrases_date (const char *iso_date,
                     const char *lang)
{
  int year, month, day;
  char tail;

  if (iso_date == NULL || strlen (iso_date) != 10
      || sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3
      || !g_date_valid_dmy (day, month, year))
    return NULL;
  if (lang_of (lang) == LANG_ES)
    return g_strdup_printf ("%d de %s de %d", day, months[LANG_ES][month - 1], year);
  return g_strdup_printf ("%d %s %d", day, months[LANG_EN][month - 1], year);
}

static void
separate (GString *s)
{
  if (s->len > 0)
    g_string_append (s, " · ");
}

static void
dosage_en (GString            *s,
           const LimberDosage *d)
{
  int sets = limber_dosage_get (d, LIMBER_DOSAGE_SETS);
  int reps = limber_dosage_get (d, LIMBER_DOSAGE_REPS);
  int hold = limber_dosage_get (d, LIMBER_DOSAGE_HOLD_SECONDS);
  int per_day = limber_dosage_get (d, LIMBER_DOSAGE_PER_DAY);
  int days = limber_dosage_get (d, LIMBER_DOSAGE_DAYS_PER_WEEK);

  if (sets > 0)
    g_string_append_printf (s, sets == 1 ? "%d set" : "%d sets", sets);
  if (sets > 0 && reps > 0)
    g_string_append (s, " of ");
  if (reps > 0)
    g_string_append_printf (s, reps == 1 ? "%d slow rep" : "%d slow reps", reps);
  if (hold > 0)
    {
      separate (s);
      g_string_append_printf (s, hold == 1 ? "hold %d second" : "hold %d seconds", hold);
    }
  if (per_day > 0)
    {
      separate (s);
      if (per_day <= 2)
        g_string_append (s, per_day == 1 ? "once a day" : "twice a day");
      else
        g_string_append_printf (s, "%d times a day", per_day);
    }
  if (days > 0 && days < 7)
    {
      separate (s);
      g_string_append_printf (s, days == 1 ? "%d day a week" : "%d days a week", days);
    }
  if (d->side != LIMBER_SIDE_UNSET)
    {
      separate (s);
      g_string_append (s, d->side == LIMBER_SIDE_LEFT ? "left side"
                          : d->side == LIMBER_SIDE_RIGHT ? "right side" : "both sides");
    }
}

static void
dosage_es (GString            *s,
           const LimberDosage *d)
{
  int sets = limber_dosage_get (d, LIMBER_DOSAGE_SETS);
  int reps = limber_dosage_get (d, LIMBER_DOSAGE_REPS);
  int hold = limber_dosage_get (d, LIMBER_DOSAGE_HOLD_SECONDS);
  int per_day = limber_dosage_get (d, LIMBER_DOSAGE_PER_DAY);
  int days = limber_dosage_get (d, LIMBER_DOSAGE_DAYS_PER_WEEK);

  if (sets > 0)
    g_string_append_printf (s, sets == 1 ? "%d serie" : "%d series", sets);
  if (sets > 0 && reps > 0)
    g_string_append (s, " de ");
  if (reps > 0)
    g_string_append_printf (s, reps == 1 ? "%d repetición lenta" : "%d repeticiones lentas", reps);
  if (hold > 0)
    {
      separate (s);
      g_string_append_printf (s, hold == 1 ? "mantén %d segundo" : "mantén %d segundos", hold);
    }
  if (per_day > 0)
    {
      separate (s);
      if (per_day <= 2)
        g_string_append (s, per_day == 1 ? "una vez al día" : "dos veces al día");
      else
        g_string_append_printf (s, "%d veces al día", per_day);
    }
  if (days > 0 && days < 7)
    {
      separate (s);
      g_string_append_printf (s, days == 1 ? "%d día a la semana" : "%d días a la semana", days);
    }
  if (d->side != LIMBER_SIDE_UNSET)
    {
      separate (s);
      g_string_append (s, d->side == LIMBER_SIDE_LEFT ? "lado izquierdo"
                          : d->side == LIMBER_SIDE_RIGHT ? "lado derecho" : "ambos lados");
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

  /* Word order and plurals differ too much for one format string. */
  if (lang_of (lang) == LANG_ES)
    dosage_es (s, dosage);
  else
    dosage_en (s, dosage);
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------ */
/* Mirroring                                                          */

typedef struct
{
  const char *a, *b;
} Pair;

static const Pair en_pairs[] = { { "right", "left" } };
static const Pair es_pairs[] = {
  { "derecha", "izquierda" }, { "derecho", "izquierdo" },
  { "derechas", "izquierdas" }, { "derechos", "izquierdos" },
};

/* "right" that is not a side: "right away", "all right", "the right
 * spot".  Catalog authors should say "correct" instead, but a few
 * common phrases are kept as they are. */
static const char * const en_not_side_before[] = { "all", "just", NULL };
static const char * const en_not_side_after[] = {
  "away", "now", "after", "before", "angle", "angles", "angled", "here", "there",
  "spot", "place", "amount", "way", "time", NULL
};
/* "derecho" that means straight: "espalda derecha", "ponte derecho". */
static const char * const es_not_side_before[] = {
  "espalda", "ponte", "siéntate", "sentado", "sentada", "mantente", "quédate",
  "tronco", "cuerpo", "todo", "bien", "muy", "más", NULL
};

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

/* The other side's word for @lower, or NULL. */
static const char *
swap_of (const char *lower,
         Lang        lang)
{
  const Pair *pairs = lang == LANG_ES ? es_pairs : en_pairs;
  guint n = lang == LANG_ES ? G_N_ELEMENTS (es_pairs) : G_N_ELEMENTS (en_pairs);

  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (lower, pairs[i].a))
        return pairs[i].b;
      if (g_str_equal (lower, pairs[i].b))
        return pairs[i].a;
    }
  return NULL;
}

static gboolean
is_side_word (GArray *words,
              guint   i,
              Lang    lang)
{
  const Word *before = i > 0 ? &g_array_index (words, Word, i - 1) : NULL;
  const Word *after = i + 1 < words->len ? &g_array_index (words, Word, i + 1) : NULL;

  if (lang == LANG_ES)
    return !word_in (before, es_not_side_before);
  return !word_in (before, en_not_side_before) && !word_in (after, en_not_side_after);
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
 * and "izquierdo"), so a stretch written for the right side reads
 * right for the left.  Words inside other words ("upright") and a few
 * phrases where "right" is not a side ("right away") are left alone.
 *
 * Returns: (nullable): the mirrored text
 */
char *
limber_phrases_mirror_sides (const char *text,
                             const char *lang)
{
  Lang l = lang_of (lang);
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
      const char *other = swap_of (lower, l);

      if (other == NULL || !is_side_word (words, i, l))
        continue;
      g_string_append_len (out, copied, w->start - copied);
      append_in_case (out, w, other);
      copied = w->start + w->len;
    }
  g_string_append (out, copied);
  return g_string_free (out, FALSE);
}
