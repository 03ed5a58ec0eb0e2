/* limber-phrases-en.c — the handout's fixed words in English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "limber-phrases-private.h"

static const LimberSidePair side_words[] = {
  { "right", "left" },
  { NULL, NULL },
};

/* "right" that is not a side: "all right", "just right"; "right away",
 * "the right spot".  Catalog authors should say "correct" instead, but a
 * few common phrases are kept as they are. */
static const char * const not_side_before[] = { "all", "just", NULL };
static const char * const not_side_after[] = {
  "away", "now", "after", "before", "angle", "angles", "angled", "here", "there",
  "spot", "place", "amount", "way", "time", NULL
};

const LimberPhrasesLanguage _limber_phrases_en = {
  .code = "en",
  .phrases = {
    [LIMBER_PHRASE_PAGE_N_OF_M] = "Page %d of %d",
    [LIMBER_PHRASE_SETS] = "Sets",
    [LIMBER_PHRASE_THERAPIST] = "Therapist",
    [LIMBER_PHRASE_PATIENT] = "Patient",
    [LIMBER_PHRASE_DATE] = "Date",
    [LIMBER_PHRASE_YOUR_NOTES] = "Your notes",
    [LIMBER_PHRASE_CAUTIONS] = "Cautions",
    [LIMBER_PHRASE_CAREFUL] = "Careful:",
    [LIMBER_PHRASE_TICK_A_BOX] = "Tick a box each time you do the stretch",
    [LIMBER_PHRASE_BOTH_SIDES] = "Do both sides: right first, then left",
    [LIMBER_PHRASE_THERAPIST_NOTE] = "Your therapist says:",
    [LIMBER_PHRASE_ADVICE] = "Advice from your therapist",
    [LIMBER_PHRASE_EXAMINATION] = "Examination",
    [LIMBER_PHRASE_PROGRESS] = "Progress",
    [LIMBER_PHRASE_THERAPIST_COPY] = "Therapist’s copy",
    [LIMBER_PHRASE_STRETCH] = "Stretch",
    [LIMBER_PHRASE_LOG] = "Your exercise log",
    [LIMBER_PHRASE_QUESTIONS] = "Questions? Call us:",
    [LIMBER_PHRASE_NO_STRETCHES] = "No stretches yet.",
    [LIMBER_PHRASE_PATIENT_ID] = "ID",
  },
  .weekdays = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" },
  .weekday_initials = { "M", "T", "W", "T", "F", "S", "S" },
  .months = { "January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December" },
  .date = "%d %s %d",

  .sets = { "%d set", "%d sets" },
  .sets_of_reps = " of ",
  .reps = { "%d slow rep", "%d slow reps" },
  .hold = { "hold %d second", "hold %d seconds" },
  .once_a_day = "once a day",
  .twice_a_day = "twice a day",
  .times_a_day = "%d times a day",
  .days_a_week = { "%d day a week", "%d days a week" },
  .side_left = "left side",
  .side_right = "right side",
  .side_both = "both sides",

  .side_words = side_words,
  .not_side_before = not_side_before,
  .not_side_after = not_side_after,
};
