/* test-phrases.c — a handout's fixed words in each language, and
 * mirroring catalog texts for the left side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "limber-phrases-private.h"

static void
test_language (void)
{
  g_assert_cmpstr (limber_phrases_language ("en"), ==, "en");
  g_assert_cmpstr (limber_phrases_language ("es"), ==, "es");
  g_assert_cmpstr (limber_phrases_language ("es-MX"), ==, "es");
  g_assert_cmpstr (limber_phrases_language ("ES_es"), ==, "es");
  /* No table for French yet: English, never nothing. */
  g_assert_cmpstr (limber_phrases_language ("fr"), ==, "en");
  g_assert_cmpstr (limber_phrases_language (NULL), ==, "en");
  g_assert_cmpstr (limber_phrases_language ("e"), ==, "en");
}

static void
test_words (void)
{
  g_autofree char *en = limber_phrases_page (2, 3, "en");
  g_autofree char *es = limber_phrases_page (2, 3, "es");
  g_autofree char *fr = limber_phrases_page (1, 1, "fr");

  g_assert_cmpstr (en, ==, "Page 2 of 3");
  g_assert_cmpstr (es, ==, "Página 2 de 3");
  g_assert_cmpstr (fr, ==, "Page 1 of 1");

  g_assert_cmpstr (limber_phrases_get (LIMBER_PHRASE_SETS, "en"), ==, "Sets");
  g_assert_cmpstr (limber_phrases_get (LIMBER_PHRASE_SETS, "es"), ==, "Series");
  g_assert_cmpstr (limber_phrases_get (LIMBER_PHRASE_THERAPIST, "es"), ==, "Fisioterapeuta");
  g_assert_cmpstr (limber_phrases_get (LIMBER_PHRASE_PATIENT, "es"), ==, "Paciente");
  g_assert_cmpstr (limber_phrases_get (LIMBER_PHRASE_DATE, "es"), ==, "Fecha");
  g_assert_cmpstr (limber_phrases_get (LIMBER_PHRASE_YOUR_NOTES, "en"), ==, "Your notes");
  g_assert_cmpstr (limber_phrases_get (LIMBER_PHRASE_CAUTIONS, "es"), ==, "Precauciones");
  g_assert_cmpstr (limber_phrases_get (LIMBER_PHRASE_TICK_A_BOX, "en"), ==,
                   "Tick a box each time you do the stretch");
  g_assert_cmpstr (limber_phrases_get (LIMBER_PHRASE_BOTH_SIDES, "en"), ==,
                   "Do both sides: right first, then left");
  g_assert_cmpstr (limber_phrases_get (LIMBER_PHRASE_BOTH_SIDES, "es"), ==,
                   "Haz los dos lados: primero el derecho, luego el izquierdo");

  /* Every phrase exists in every language, and none is empty. */
  for (int i = 0; i < LIMBER_N_PHRASES; i++)
    {
      g_assert_cmpuint (strlen (limber_phrases_get (i, "en")), >, 0);
      g_assert_cmpuint (strlen (limber_phrases_get (i, "es")), >, 0);
    }
}

/* A format with exactly one %d and no other conversion. */
static void
assert_count_format (const char *format)
{
  const char *d;

  g_assert_nonnull (format);
  d = strstr (format, "%d");
  g_assert_nonnull (d);
  g_assert_null (strchr (d + 1, '%'));
  g_assert_true (strchr (format, '%') == d);
}

/* Every language's table has every word: a language added as data
 * cannot leave a hole that prints "(null)". */
static void
test_tables_complete (void)
{
  guint n;
  const LimberPhrasesLanguage * const *languages = _limber_phrases_get_languages (&n);

  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    {
      const LimberPhrasesLanguage *l = languages[i];

      g_test_message ("%s", l->code);
      g_assert_cmpstr (limber_phrases_language (l->code), ==, l->code);
      for (int p = 0; p < LIMBER_N_PHRASES; p++)
        g_assert_true (l->phrases[p] != NULL && *l->phrases[p] != '\0');
      for (int d = 0; d < 7; d++)
        g_assert_true (l->weekdays[d] != NULL && l->weekday_initials[d] != NULL);
      for (int m = 0; m < 12; m++)
        g_assert_nonnull (l->months[m]);
      g_assert_true (strstr (l->date, "%d") != NULL && strstr (l->date, "%s") != NULL);
      for (int f = 0; f < 2; f++)
        {
          assert_count_format (l->sets[f]);
          assert_count_format (l->reps[f]);
          assert_count_format (l->hold[f]);
          assert_count_format (l->days_a_week[f]);
        }
      assert_count_format (l->times_a_day);
      g_assert_true (l->sets_of_reps && l->once_a_day && l->twice_a_day);
      g_assert_true (l->side_left && l->side_right && l->side_both);
      g_assert_true (l->side_words != NULL && l->side_words[0].right != NULL);
      g_assert_true (l->not_side_before != NULL && l->not_side_after != NULL);
      /* Page 1's summary, pain rule and words. */
      for (int f = 0; f < 2; f++)
        assert_count_format (l->stretches[f]);
      assert_count_format (l->about_minutes);
      g_assert_nonnull (l->times_a_day_range);
      g_assert_nonnull (strstr (l->times_a_day_range, "%d"));
      g_assert_null (strstr (strstr (strstr (l->times_a_day_range, "%d") + 2, "%d") + 2, "%"));
      for (int r = 0; r < LIMBER_PHRASES_N_PAIN_ROWS; r++)
        g_assert_true (l->pain_ranges[r] && *l->pain_ranges[r] && l->pain_words[r] && *l->pain_words[r]
                       && l->pain_advice[r] && *l->pain_advice[r]);
      for (int t = 0; t < LIMBER_PHRASES_N_TERMS; t++)
        g_assert_true (l->terms[t] && *l->terms[t] && l->meanings[t] && *l->meanings[t]);
      /* The dosage line says what is held. */
      g_assert_cmpuint (strlen (l->hold[1]), >, strlen ("hold %d seconds"));
    }
}

/* Page 1's summary line: how many, how often, about how long. */
static void
test_summary (void)
{
  g_autofree char *en = limber_phrases_summary (5, 2, 2, 7, 15, "en");
  g_autofree char *range = limber_phrases_summary (5, 1, 2, 3, 20, "en");
  g_autofree char *es = limber_phrases_summary (1, 1, 1, 0, 5, "es");
  const char *range_text, *word, *advice;

  g_assert_cmpstr (en, ==, "5 stretches · twice a day · about 15 minutes each time");
  g_assert_cmpstr (range, ==, "5 stretches · 1 to 2 times a day · 3 days a week · about 20 minutes each time");
  g_assert_cmpstr (es, ==, "1 estiramiento · una vez al día · unos 5 minutos cada vez");

  limber_phrases_pain_row (2, "es", &range_text, &word, &advice);
  g_assert_cmpstr (range_text, ==, "6–10");
  g_assert_cmpstr (word, ==, "Detente.");
  limber_phrases_term (0, "en", &word, &advice);
  g_assert_cmpstr (word, ==, "Rep");
}

static void
test_weekdays (void)
{
  g_assert_cmpstr (limber_phrases_weekday (G_DATE_MONDAY, FALSE, "en"), ==, "Mon");
  g_assert_cmpstr (limber_phrases_weekday (G_DATE_SUNDAY, FALSE, "en"), ==, "Sun");
  g_assert_cmpstr (limber_phrases_weekday (G_DATE_MONDAY, FALSE, "es"), ==, "lun");
  g_assert_cmpstr (limber_phrases_weekday (G_DATE_SUNDAY, FALSE, "es"), ==, "dom");
  g_assert_cmpstr (limber_phrases_weekday (G_DATE_WEDNESDAY, TRUE, "en"), ==, "W");
  /* Spanish calendars: X for miércoles, M for martes. */
  g_assert_cmpstr (limber_phrases_weekday (G_DATE_WEDNESDAY, TRUE, "es"), ==, "X");
  g_assert_cmpstr (limber_phrases_weekday (G_DATE_TUESDAY, TRUE, "es"), ==, "M");
}

static void
test_dates (void)
{
  g_autofree char *en = limber_phrases_date ("2026-11-24", "en");
  g_autofree char *es = limber_phrases_date ("2026-11-24", "es");
  g_autofree char *first = limber_phrases_date ("2027-01-01", "es");

  g_assert_cmpstr (en, ==, "24 November 2026");
  g_assert_cmpstr (es, ==, "24 de noviembre de 2026");
  g_assert_cmpstr (first, ==, "1 de enero de 2027");
  g_assert_null (limber_phrases_date (NULL, "en"));
  g_assert_null (limber_phrases_date ("", "en"));
  g_assert_null (limber_phrases_date ("2026-02-30", "en"));
  g_assert_null (limber_phrases_date ("2026-11-24x", "en"));
  g_assert_null (limber_phrases_date ("24/11/2026", "en"));
}

static LimberDosage
dosage (int sets, int reps, int hold, int per_day, int days, LimberSide side)
{
  LimberDosage d = { 0 };

  if (sets)
    limber_dosage_set (&d, LIMBER_DOSAGE_SETS, sets);
  if (reps)
    limber_dosage_set (&d, LIMBER_DOSAGE_REPS, reps);
  if (hold >= 0)
    limber_dosage_set (&d, LIMBER_DOSAGE_HOLD_SECONDS, hold);
  if (per_day)
    limber_dosage_set (&d, LIMBER_DOSAGE_PER_DAY, per_day);
  if (days)
    limber_dosage_set (&d, LIMBER_DOSAGE_DAYS_PER_WEEK, days);
  d.side = side;
  return d;
}

static void
check_dosage (LimberDosage d,
              const char  *lang,
              const char  *expected)
{
  g_autofree char *line = limber_phrases_dosage (&d, lang);

  g_assert_cmpstr (line, ==, expected);
}

static void
test_dosage (void)
{
  check_dosage (dosage (2, 5, 3, 2, 7, LIMBER_SIDE_LEFT), "en",
                "2 sets of 5 slow reps · hold the end position 3 seconds · twice a day · left side");
  check_dosage (dosage (2, 5, 3, 2, 7, LIMBER_SIDE_LEFT), "es",
                "2 series de 5 repeticiones lentas · mantén la posición final 3 segundos · dos veces al día · "
                "lado izquierdo");
  check_dosage (dosage (1, 1, 1, 1, 3, LIMBER_SIDE_RIGHT), "en",
                "1 set of 1 slow rep · hold the end position 1 second · once a day · 3 days a week · right side");
  check_dosage (dosage (1, 1, 1, 1, 1, LIMBER_SIDE_RIGHT), "es",
                "1 serie de 1 repetición lenta · mantén la posición final 1 segundo · una vez al día · 1 día a la semana "
                "· lado derecho");
  check_dosage (dosage (0, 10, 0, 3, 0, LIMBER_SIDE_BOTH), "en", "10 slow reps · 3 times a day · both sides");
  check_dosage (dosage (0, 10, 0, 3, 0, LIMBER_SIDE_BOTH), "es",
                "10 repeticiones lentas · 3 veces al día · ambos lados");
  check_dosage (dosage (3, 0, -1, 0, 0, LIMBER_SIDE_UNSET), "en", "3 sets");
  check_dosage (dosage (0, 0, -1, 0, 0, LIMBER_SIDE_UNSET), "en", "");
  /* Unknown language: English. */
  check_dosage (dosage (2, 5, -1, 0, 0, LIMBER_SIDE_UNSET), "de", "2 sets of 5 slow reps");
}

static void
check_mirror (const char *text,
              const char *lang,
              const char *expected)
{
  g_autofree char *mirrored = limber_phrases_mirror_sides (text, lang);

  g_assert_cmpstr (mirrored, ==, expected);
}

static void
test_mirror_en (void)
{
  check_mirror ("Kneel on your right knee, left foot flat in front.", "en",
                "Kneel on your left knee, right foot flat in front.");
  check_mirror ("Right hand on the right hip. LEFT foot back.", "en",
                "Left hand on the left hip. RIGHT foot back.");
  check_mirror ("Press the right-hand side.", "en", "Press the left-hand side.");
  /* Not sides: inside other words, and "right" meaning now or correct. */
  check_mirror ("Sit upright and stop right away if it hurts.", "en",
                "Sit upright and stop right away if it hurts.");
  check_mirror ("Find the right spot, all right? Then lift your right leg.", "en",
                "Find the right spot, all right? Then lift your left leg.");
  check_mirror ("No sides here.", "en", "No sides here.");
  check_mirror ("", "en", "");
  g_assert_null (limber_phrases_mirror_sides (NULL, "en"));
  /* A language with no table mirrors as English. */
  check_mirror ("right knee", "fr", "left knee");
}

static void
test_mirror_es (void)
{
  check_mirror ("Apoya la rodilla derecha, con el pie izquierdo delante.", "es",
                "Apoya la rodilla izquierda, con el pie derecho delante.");
  check_mirror ("Derecha arriba, IZQUIERDO abajo; los brazos derechos.", "es",
                "Izquierda arriba, DERECHO abajo; los brazos izquierdos.");
  check_mirror ("Gira a la derecha.", "es", "Gira a la izquierda.");
  /* "Derecho" meaning straight stays. */
  check_mirror ("Ponte derecho y mantén la espalda derecha; sube el brazo derecho.", "es",
                "Ponte derecho y mantén la espalda derecha; sube el brazo izquierdo.");
  /* English words are not Spanish sides. */
  check_mirror ("right knee", "es", "right knee");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phrases/language", test_language);
  g_test_add_func ("/phrases/words", test_words);
  g_test_add_func ("/phrases/tables-complete", test_tables_complete);
  g_test_add_func ("/phrases/weekdays", test_weekdays);
  g_test_add_func ("/phrases/dates", test_dates);
  g_test_add_func ("/phrases/dosage", test_dosage);
  g_test_add_func ("/phrases/summary", test_summary);
  g_test_add_func ("/phrases/mirror/en", test_mirror_en);
  g_test_add_func ("/phrases/mirror/es", test_mirror_es);

  return g_test_run ();
}
