/* limber-phrases-de.c — the handout's fixed words in German
 *
 * "Sie" as patient material says it, and words that fit anyone: no
 * "Patient" or "Therapeut" where the word would say a gender.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "limber-phrases-private.h"

/* Whole words only, in every ending of the adjective; catalog texts use
 * no compounds ("rechtsseitig") for a side. */
static const LimberSidePair side_words[] = {
  { "rechts", "links", LIMBER_GENDER_ANY },
  { "rechte", "linke", LIMBER_GENDER_ANY },
  { "rechten", "linken", LIMBER_GENDER_ANY },
  { "rechter", "linker", LIMBER_GENDER_ANY },
  { "rechtes", "linkes", LIMBER_GENDER_ANY },
  { "rechtem", "linkem", LIMBER_GENDER_ANY },
  { NULL, NULL, LIMBER_GENDER_ANY },
};

/* "im rechten Winkel" is an angle, not a side. */
static const char * const not_side_before[] = { NULL };
static const char * const not_side_after[] = { "winkel", "winkeln", NULL };

/* Wörter der Dehnungen, die eine einfache Erklärung brauchen.  The
 * forms to find are case-folded: "ß" is "ss" there. */
static const LimberGlossaryEntry glossary[] = {
  { "Hüftbeuger", "hüftbeuger", "die Muskeln vorn an der Hüfte, die das Knie anheben." },
  { "Rückenlage", "rückenlage", "Sie liegen auf dem Rücken." },
  { "Seitenlage", "seitenlage", "Sie liegen auf der Seite." },
  { "Bauchlage", "bauchlage", "Sie liegen auf dem Bauch." },
  { "Figur 4", "figur 4|wie eine 4", "ein Knöchel liegt auf dem anderen Knie: die Beine bilden eine 4." },
  { "Gesäß", "gesäss", "der Po." },
  { "Hüftdreher", "hüftdreher", "kleine Muskeln tief im Po, die das Bein drehen." },
  { "Leistenfalte", "leistenfalte", "die Falte, wo das Bein in den Bauch übergeht." },
  { "Achillessehne", "achillessehne", "der dicke Strang hinten am Knöchel, direkt über der Ferse." },
  { "Band außen am Oberschenkel", "band aussen", "ein langes, festes Band an der Außenseite des Oberschenkels, von der Hüfte bis zum Knie." },
  { NULL, NULL, NULL },
};

const LimberPhrasesLanguage _limber_phrases_de = {
  .code = "de",
  .phrases = {
    [LIMBER_PHRASE_PAGE_N_OF_M] = "Seite %d von %d",
    [LIMBER_PHRASE_SETS] = "Durchgänge",
    [LIMBER_PHRASE_THERAPIST] = "Behandelt von",
    [LIMBER_PHRASE_PATIENT] = "Name",
    [LIMBER_PHRASE_DATE] = "Datum",
    [LIMBER_PHRASE_YOUR_NOTES] = "Ihre Notizen",
    [LIMBER_PHRASE_CAUTIONS] = "Vorsicht",
    [LIMBER_PHRASE_CAREFUL] = "Vorsicht:",
    [LIMBER_PHRASE_TICK_A_BOX] = "Kreuzen Sie jedes Mal ein Kästchen an, wenn Sie die Dehnung machen",
    [LIMBER_PHRASE_BOTH_SIDES] = "Machen Sie beide Seiten: erst rechts, dann links",
    [LIMBER_PHRASE_THERAPIST_NOTE] = "Ein Hinweis für Sie:",
    [LIMBER_PHRASE_ADVICE] = "Tipps aus Ihrer Therapie",
    [LIMBER_PHRASE_EXAMINATION] = "Untersuchung",
    [LIMBER_PHRASE_PROGRESS] = "Verlauf",
    [LIMBER_PHRASE_THERAPIST_COPY] = "Exemplar für die Praxis",
    [LIMBER_PHRASE_STRETCH] = "Dehnung",
    [LIMBER_PHRASE_LOG] = "Ihr Übungsplan zum Abhaken",
    [LIMBER_PHRASE_QUESTIONS] = "Fragen? Rufen Sie uns an:",
    [LIMBER_PHRASE_NO_STRETCHES] = "Noch keine Dehnungen.",
    [LIMBER_PHRASE_PATIENT_ID] = "Nr.",
    [LIMBER_PHRASE_FEEL] = "So soll es sich anfühlen:",
    [LIMBER_PHRASE_PAIN_HEADING] = "Schmerz beim Dehnen: geben Sie ihm eine Zahl von 0 (kein Schmerz) bis 10 (am schlimmsten)",
    [LIMBER_PHRASE_WORDS] = "Wörter auf diesem Blatt",
    [LIMBER_PHRASE_CAPTION_START] = "Anfang",
    [LIMBER_PHRASE_CAPTION_MOVE] = "Bewegung",
    [LIMBER_PHRASE_SUMMARY] = "Ihr Programm:",
    [LIMBER_PHRASE_NEXT_VISIT] = "Nächster Termin",
    [LIMBER_PHRASE_FOR_THERAPIST] = "In der Behandlung:",
    [LIMBER_PHRASE_CALL_YOUR_THERAPIST] = "Hören Sie mit der Dehnung auf und rufen Sie in Ihrer Praxis an.",
    [LIMBER_PHRASE_BACK_TO_START] = "Gehen Sie langsam zurück in die Anfangsstellung.",
    [LIMBER_PHRASE_KEY_POINTS] = "Das Wichtigste",
    [LIMBER_PHRASE_KEY_DO] = "Machen Sie jede Dehnung langsam, Schritt für Schritt. Machen Sie sie so oft, wie es unter ihrem Namen steht.",
    [LIMBER_PHRASE_KEY_STOP] = "Hören Sie auf, wenn der Schmerz über 5 steigt. Hören Sie auch auf, wenn Sie ein taubes Gefühl oder Kribbeln spüren.",
    [LIMBER_PHRASE_KEY_CALL] = "Wenn der Schmerz stärker wird oder nicht weggeht, rufen Sie uns an:",
    [LIMBER_PHRASE_KEY_CALL_NO_PHONE] = "Wenn der Schmerz stärker wird oder nicht weggeht, rufen Sie in Ihrer Praxis an.",
    [LIMBER_PHRASE_KEY_LOG] = "Kreuzen Sie jedes Mal an. Bringen Sie dieses Blatt zum nächsten Termin mit.",
  },
  .weekdays = { "Mo", "Di", "Mi", "Do", "Fr", "Sa", "So" },
  .weekday_initials = { "M", "D", "M", "D", "F", "S", "S" },
  .months = { "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
              "September", "Oktober", "November", "Dezember" },
  .date = "%d. %s %d",
  .colon = ":",

  /* "2 Durchgänge, je 8 langsame Wiederholungen": "je" keeps the
   * adjective's ending the same as without a count of sets. */
  .sets = { "%d Durchgang", "%d Durchgänge" },
  .sets_of_reps = ", je ",
  .reps = { "%d langsame Wiederholung", "%d langsame Wiederholungen" },
  .hold = { "Endstellung %d Sekunde halten", "Endstellung %d Sekunden halten" },
  .once_a_day = "einmal am Tag",
  .twice_a_day = "zweimal am Tag",
  .times_a_day = "%d-mal am Tag",
  .days_a_week = { "%d Tag pro Woche", "%d Tage pro Woche" },
  .side_left = "linke Seite",
  .side_right = "rechte Seite",
  .side_both = "beide Seiten",

  .stretches = { "%d Dehnung", "%d Dehnungen" },
  .times_a_day_range = "%d- bis %d-mal am Tag",
  .about_minutes = "jedes Mal etwa %d Minuten",

  .pain_ranges = { "0–2", "3–5", "6–10" },
  .pain_words = { "Weitermachen.", "Sanfter machen.", "Aufhören." },
  .pain_advice = { "Ein leichtes Ziehen ist in Ordnung.", "Drücken Sie leichter und bewegen Sie sich weniger weit.",
                   "Hören Sie mit der Dehnung auf und rufen Sie uns an:" },

  .terms = { "Wiederholung", "Durchgang", "Halten", "Lösen" },
  .meanings = {
    "eine langsame Bewegung, vom Anfang bis zum Ende.",
    "ein paar Wiederholungen nacheinander, dann eine kurze Pause.",
    "am Ende so viele Sekunden still bleiben, wie angegeben.",
    "eine Dehnung, bei der Sie auf den festen Muskel drücken.",
  },

  .glossary = glossary,
  .hold_step = { "Halten Sie die Endstellung %d Sekunde lang still. Gehen Sie dann langsam zum Anfang zurück.",
                 "Halten Sie die Endstellung %d Sekunden lang still. Gehen Sie dann langsam zum Anfang zurück." },

  .side_words = side_words,
  .not_side_before = not_side_before,
  .not_side_after = not_side_after,
};
