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
  g_assert_cmpstr (limber_phrases_language ("de"), ==, "de");
  g_assert_cmpstr (limber_phrases_language ("de-AT"), ==, "de");
  g_assert_cmpstr (limber_phrases_language ("fr_CA"), ==, "fr");
  /* No table for Italian: English, never nothing. */
  g_assert_cmpstr (limber_phrases_language ("it"), ==, "en");
  g_assert_cmpstr (limber_phrases_language (NULL), ==, "en");
  g_assert_cmpstr (limber_phrases_language ("e"), ==, "en");
}

static void
test_words (void)
{
  g_autofree char *en = limber_phrases_page (2, 3, "en");
  g_autofree char *es = limber_phrases_page (2, 3, "es");
  g_autofree char *de = limber_phrases_page (2, 3, "de");
  g_autofree char *fr = limber_phrases_page (1, 1, "fr");
  g_autofree char *it = limber_phrases_page (1, 1, "it");

  g_assert_cmpstr (en, ==, "Page 2 of 3");
  g_assert_cmpstr (es, ==, "Página 2 de 3");
  g_assert_cmpstr (de, ==, "Seite 2 von 3");
  g_assert_cmpstr (fr, ==, "Page 1 sur 1");
  g_assert_cmpstr (it, ==, "Page 1 of 1");
  g_assert_cmpstr (limber_phrases_get (LIMBER_PHRASE_SETS, "de"), ==, "Durchgänge");
  g_assert_cmpstr (limber_phrases_get (LIMBER_PHRASE_SETS, "fr"), ==, "Séries");
  g_assert_cmpstr (limber_phrases_get (LIMBER_PHRASE_BOTH_SIDES, "de"), ==,
                   "Machen Sie beide Seiten: erst rechts, dann links");
  /* French typography: a non-breaking space before a colon. */
  g_assert_cmpstr (limber_phrases_get (LIMBER_PHRASE_CAREFUL, "fr"), ==, "Attention\u00a0:");
  g_assert_cmpstr (limber_phrases_colon ("fr"), ==, "\u00a0:");
  g_assert_cmpstr (limber_phrases_colon ("de"), ==, ":");

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

/* Each language's words are its own: no phrase of another language's
 * table left in it (a copied row that was never translated).  Short
 * words that are the same in two languages ("Date", "Page %d…" is not)
 * are listed. */
static void
test_own_words (void)
{
  static const char * const same_anyway[] = { "Date", "Patient", "ID", "Start", "Stretch", "Examen", NULL };
  guint n;
  const LimberPhrasesLanguage * const *languages = _limber_phrases_get_languages (&n);

  g_assert_cmpuint (n, ==, 4);
  for (guint a = 0; a < n; a++)
    for (guint b = 0; b < n; b++)
      {
        if (a == b)
          continue;
        for (int p = 0; p < LIMBER_N_PHRASES; p++)
          if (g_str_equal (languages[a]->phrases[p], languages[b]->phrases[p])
              && !g_strv_contains (same_anyway, languages[a]->phrases[p]))
            g_error ("phrase %d of %s is %s's: “%s”", p, languages[a]->code, languages[b]->code,
                     languages[a]->phrases[p]);
        for (guint t = 0; t < LIMBER_PHRASES_N_TERMS; t++)
          g_assert_cmpstr (languages[a]->meanings[t], !=, languages[b]->meanings[t]);
        g_assert_cmpstr (languages[a]->hold_step[1], !=, languages[b]->hold_step[1]);
        g_assert_cmpstr (languages[a]->months[11], !=, languages[b]->months[11]);
      }
}

/* The glossary's forms are found in case-folded text, so they must be
 * case-folded themselves ("gesäss", not "Gesäß"). */
static void
test_glossary_forms (void)
{
  guint n;
  const LimberPhrasesLanguage * const *languages = _limber_phrases_get_languages (&n);

  for (guint i = 0; i < n; i++)
    for (guint e = 0; e < limber_phrases_glossary_size (languages[i]->code); e++)
      {
        g_autofree char *folded = g_utf8_casefold (languages[i]->glossary[e].find, -1);

        g_assert_cmpstr (languages[i]->glossary[e].find, ==, folded);
        g_assert_true (g_utf8_validate (languages[i]->glossary[e].meaning, -1, NULL));
      }
  {
    g_autofree char *text = g_utf8_casefold ("Legen Sie einen Ball unter Ihr rechtes GESÄSS.", -1);
    g_autofree char *fr = g_utf8_casefold ("Restez au-dessus du pli de l’aine.", -1);
    guint gesaess = G_MAXUINT, aine = G_MAXUINT;
    const char *word, *meaning;

    for (guint e = 0; e < limber_phrases_glossary_size ("de"); e++)
      if (limber_phrases_glossary (e, "de", &word, &meaning), g_str_equal (word, "Gesäß"))
        gesaess = e;
    for (guint e = 0; e < limber_phrases_glossary_size ("fr"); e++)
      if (limber_phrases_glossary (e, "fr", &word, &meaning), g_str_equal (word, "Pli de l’aine"))
        aine = e;
    g_assert_true (limber_phrases_glossary_used (gesaess, text, "de"));
    g_assert_true (limber_phrases_glossary_used (aine, fr, "fr"));
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
      g_assert_true (l->colon != NULL && g_str_has_suffix (l->colon, ":"));
      g_assert_cmpstr (limber_phrases_colon (l->code), ==, l->colon);
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
  g_autofree char *de = limber_phrases_summary (5, 1, 2, 3, 20, "de");
  g_autofree char *fr = limber_phrases_summary (1, 2, 2, 1, 5, "fr");
  const char *range_text, *word, *advice;

  g_assert_cmpstr (en, ==, "5 stretches · twice a day · about 15 minutes each time");
  g_assert_cmpstr (range, ==, "5 stretches · 1 to 2 times a day · 3 days a week · about 20 minutes each time");
  g_assert_cmpstr (es, ==, "1 estiramiento · una vez al día · unos 5 minutos cada vez");
  g_assert_cmpstr (de, ==, "5 Dehnungen · 1- bis 2-mal am Tag · 3 Tage pro Woche · jedes Mal etwa 20 Minuten");
  g_assert_cmpstr (fr, ==, "1 étirement · deux fois par jour · 1 jour par semaine · environ 5 minutes chaque fois");

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
  g_assert_cmpstr (limber_phrases_weekday (G_DATE_TUESDAY, FALSE, "de"), ==, "Di");
  g_assert_cmpstr (limber_phrases_weekday (G_DATE_THURSDAY, TRUE, "de"), ==, "D");
  g_assert_cmpstr (limber_phrases_weekday (G_DATE_WEDNESDAY, FALSE, "fr"), ==, "mer");
  g_assert_cmpstr (limber_phrases_weekday (G_DATE_THURSDAY, TRUE, "fr"), ==, "J");
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
  {
    g_autofree char *de = limber_phrases_date ("2026-12-08", "de");
    g_autofree char *de_march = limber_phrases_date ("2027-03-01", "de");
    g_autofree char *fr = limber_phrases_date ("2026-12-08", "fr");
    g_autofree char *fr_first = limber_phrases_date ("2027-08-01", "fr");
    g_autofree char *fr_second = limber_phrases_date ("2027-02-02", "fr");

    g_assert_cmpstr (de, ==, "8. Dezember 2026");
    g_assert_cmpstr (de_march, ==, "1. März 2027");
    g_assert_cmpstr (fr, ==, "8 décembre 2026");
    /* The first of the month is "1er" in French. */
    g_assert_cmpstr (fr_first, ==, "1er août 2027");
    g_assert_cmpstr (fr_second, ==, "2 février 2027");
  }
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
  check_dosage (dosage (2, 5, -1, 0, 0, LIMBER_SIDE_UNSET), "it", "2 sets of 5 slow reps");
}

/* German and French: one and more, never 0 (a count of 0 is not
 * printed: the field is left out). */
static void
test_dosage_de_fr (void)
{
  check_dosage (dosage (2, 5, 3, 2, 7, LIMBER_SIDE_LEFT), "de",
                "2 Durchgänge, je 5 langsame Wiederholungen · Endstellung 3 Sekunden halten · zweimal am Tag · "
                "linke Seite");
  check_dosage (dosage (1, 1, 1, 1, 1, LIMBER_SIDE_RIGHT), "de",
                "1 Durchgang, je 1 langsame Wiederholung · Endstellung 1 Sekunde halten · einmal am Tag · "
                "1 Tag pro Woche · rechte Seite");
  check_dosage (dosage (0, 10, 0, 3, 5, LIMBER_SIDE_BOTH), "de",
                "10 langsame Wiederholungen · 3-mal am Tag · 5 Tage pro Woche · beide Seiten");
  check_dosage (dosage (2, 5, 3, 2, 7, LIMBER_SIDE_LEFT), "fr",
                "2 séries de 5 répétitions lentes · tenez la position finale 3 secondes · deux fois par jour · "
                "côté gauche");
  check_dosage (dosage (1, 1, 1, 1, 1, LIMBER_SIDE_RIGHT), "fr",
                "1 série de 1 répétition lente · tenez la position finale 1 seconde · une fois par jour · "
                "1 jour par semaine · côté droit");
  check_dosage (dosage (0, 10, 0, 3, 2, LIMBER_SIDE_BOTH), "fr",
                "10 répétitions lentes · 3 fois par jour · 2 jours par semaine · les deux côtés");
  check_dosage (dosage (3, 0, 0, 0, 0, LIMBER_SIDE_UNSET), "fr", "3 séries");
  {
    g_autofree char *de = limber_phrases_hold_step (1, "de");
    g_autofree char *fr = limber_phrases_hold_step (5, "fr");
    g_autofree char *none = limber_phrases_hold_step (0, "fr");

    g_assert_cmpstr (de, ==, "Halten Sie die Endstellung 1 Sekunde lang still. Gehen Sie dann langsam zum Anfang zurück.");
    g_assert_cmpstr (fr, ==, "Tenez la position finale 5 secondes sans bouger. Puis revenez lentement au départ.");
    g_assert_cmpstr (none, ==, "Revenez lentement à la position de départ.");
  }
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
  check_mirror ("right knee", "it", "left knee");
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

static void
test_mirror_de (void)
{
  check_mirror ("Das rechte Bein", "de", "Das linke Bein");
  check_mirror ("Knien Sie auf dem rechten Knie, der linke Fuß steht vorn.", "de",
                "Knien Sie auf dem linken Knie, der rechte Fuß steht vorn.");
  check_mirror ("Rechts zuerst, dann LINKS. Ihr rechter Arm, Ihr rechtes Knie, mit rechtem Fuß.", "de",
                "Links zuerst, dann RECHTS. Ihr linker Arm, Ihr linkes Knie, mit linkem Fuß.");
  check_mirror ("Drehen Sie sich zur rechten Seite.", "de", "Drehen Sie sich zur linken Seite.");
  /* Whole words only, and an angle is not a side. */
  check_mirror ("Beugen Sie das Knie im rechten Winkel. Rechtzeitig aufhören.", "de",
                "Beugen Sie das Knie im rechten Winkel. Rechtzeitig aufhören.");
  /* English and French words are not German sides. */
  check_mirror ("right knee, le pied droit", "de", "right knee, le pied droit");
  {
    g_auto(GStrv) none = limber_phrases_unresolved_sides ("Das rechte Bein, nach rechts", "de");

    g_assert_cmpuint (g_strv_length (none), ==, 0);
  }
}

static void
test_mirror_fr (void)
{
  check_mirror ("la jambe gauche", "fr", "la jambe droite");
  check_mirror ("le pied gauche", "fr", "le pied droit");
  check_mirror ("la jambe droite", "fr", "la jambe gauche");
  check_mirror ("le pied droit", "fr", "le pied gauche");
  check_mirror ("Les genoux gauches, les mains gauches, les bras droits, les cuisses droites.", "fr",
                "Les genoux droits, les mains droites, les bras gauches, les cuisses gauches.");
  check_mirror ("Posez le genou droit sur un tapis, le pied gauche à plat devant.", "fr",
                "Posez le genou gauche sur un tapis, le pied droit à plat devant.");
  check_mirror ("Allongez-vous sur le côté gauche. Appuyez sur l’os droit, du côté droit de la hanche gauche.", "fr",
                "Allongez-vous sur le côté droit. Appuyez sur l’os gauche, du côté gauche de la hanche droite.");
  /* Case kept. */
  check_mirror ("JAMBE GAUCHE, Pied Droit, la Main Gauche", "fr", "JAMBE DROITE, Pied Gauche, la Main Droite");
  /* Straight, not a side; the therapist's muscle names. */
  check_mirror ("Gardez le dos droit.", "fr", "Gardez le dos droit.");
  check_mirror ("Tenez-vous bien droit, restez droit, regardez tout droit.", "fr",
                "Tenez-vous bien droit, restez droit, regardez tout droit.");
  check_mirror ("Pliez le genou à angle droit. Contact sur le droit fémoral droit.", "fr",
                "Pliez le genou à angle droit. Contact sur le droit fémoral gauche.");
  /* Spanish and German words are not French sides. */
  check_mirror ("la pierna derecha, das rechte Bein", "fr", "la pierna derecha, das rechte Bein");
}

/* A French side word after a word that is not one of the nouns (or
 * that does not agree with it) is found: mirroring cannot be sure. */
static void
test_unresolved_fr (void)
{
  const char *fine = "Posez le pied gauche à plat et la main droite sur la hanche droite. Gardez le dos droit.";
  g_auto(GStrv) none = limber_phrases_unresolved_sides (fine, "fr");
  g_auto(GStrv) after_votre = limber_phrases_unresolved_sides ("Tournez vers votre gauche, à droite.", "fr");
  g_auto(GStrv) straight = limber_phrases_unresolved_sides ("Gardez la nuque droite.", "fr");
  g_auto(GStrv) disagree = limber_phrases_unresolved_sides ("la jambe droit et le pied droite", "fr");
  g_auto(GStrv) first = limber_phrases_unresolved_sides ("Gauche d’abord.", "fr");
  g_auto(GStrv) other = limber_phrases_unresolved_sides ("your right knee", "en");
  const char *expect_votre[] = { "votre gauche", "à droite", NULL };
  const char *expect_disagree[] = { "jambe droit", "pied droite", NULL };
  const char *expect_straight[] = { "nuque droite", NULL };
  const char *expect_first[] = { "Gauche", NULL };

  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpstrv (after_votre, expect_votre);
  g_assert_cmpstrv (straight, expect_straight);
  g_assert_cmpstrv (disagree, expect_disagree);
  g_assert_cmpstrv (first, expect_first);
  g_assert_cmpuint (g_strv_length (other), ==, 0);
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
  g_test_add_func ("/phrases/mirror/de", test_mirror_de);
  g_test_add_func ("/phrases/mirror/fr", test_mirror_fr);
  g_test_add_func ("/phrases/unresolved/fr", test_unresolved_fr);
  g_test_add_func ("/phrases/own-words", test_own_words);
  g_test_add_func ("/phrases/glossary-forms", test_glossary_forms);
  g_test_add_func ("/phrases/dosage/de-fr", test_dosage_de_fr);

  return g_test_run ();
}
