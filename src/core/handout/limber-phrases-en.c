/* limber-phrases-en.c — the handout's fixed words in English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "limber-phrases-private.h"

static const LimberSidePair side_words[] = {
  { "right", "left", LIMBER_GENDER_ANY },
  { NULL, NULL, LIMBER_GENDER_ANY },
};

/* "right" that is not a side: "all right", "just right"; "right away",
 * "the right spot".  Catalog authors should say "correct" instead, but a
 * few common phrases are kept as they are. */
static const char * const not_side_before[] = { "all", "just", NULL };
static const char * const not_side_after[] = {
  "away", "now", "after", "before", "angle", "angles", "angled", "here", "there",
  "spot", "place", "amount", "way", "time", NULL
};

/* Words the bundled stretches use that need a plain meaning. */
static const LimberGlossaryEntry glossary[] = {
  { "Hip flexor", "hip flexor", "the muscles that lift your knee, at the front of the hip." },
  { "Half-kneeling", "half-kneeling", "kneeling on one knee, with the other foot flat on the floor in front." },
  { "Side-lying", "side-lying", "lying on your side." },
  { "Long-sitting", "long-sitting", "sitting on the floor with your legs straight out in front." },
  { "Face-down", "face-down", "lying on your front." },
  { "Figure-4", "figure-4|figure 4", "one ankle rests on the other knee: your legs make a 4." },
  { "Hip rotators", "hip rotator", "small muscles deep in your buttock that turn your leg." },
  { "Groin crease", "groin crease|crease of your hip", "the fold where your leg meets your belly." },
  { "Heel cord", "heel cord", "the thick cord at the back of your ankle, just above your heel." },
  { "Thigh band", "thigh band", "a long, tough band down the outside of your thigh." },
  { NULL, NULL, NULL },
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
    [LIMBER_PHRASE_FEEL] = "How it should feel:",
    [LIMBER_PHRASE_PAIN_HEADING] = "Pain while you stretch: rate it from 0 (none) to 10 (the worst)",
    [LIMBER_PHRASE_WORDS] = "Words on this sheet",
    [LIMBER_PHRASE_CAPTION_START] = "Start",
    [LIMBER_PHRASE_CAPTION_MOVE] = "Move",
    [LIMBER_PHRASE_SUMMARY] = "Your program:",
    [LIMBER_PHRASE_NEXT_VISIT] = "Next visit",
    [LIMBER_PHRASE_FOR_THERAPIST] = "For the therapist:",
    [LIMBER_PHRASE_CALL_YOUR_THERAPIST] = "Stop the stretch and call your therapist.",
    [LIMBER_PHRASE_BACK_TO_START] = "Slowly go back to the start position.",
    [LIMBER_PHRASE_KEY_POINTS] = "Key points",
    [LIMBER_PHRASE_KEY_DO] = "Do each stretch slowly, step by step, as often as it says under its name.",
    [LIMBER_PHRASE_KEY_STOP] = "Stop if your pain goes above 5, or if you feel numbness or tingling.",
    [LIMBER_PHRASE_KEY_CALL] = "If pain gets worse or does not go away, call us:",
    [LIMBER_PHRASE_KEY_CALL_NO_PHONE] = "If pain gets worse or does not go away, call your therapist.",
    [LIMBER_PHRASE_KEY_LOG] = "Tick the log each time, and bring this sheet to your next visit.",
  },
  .weekdays = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" },
  .weekday_initials = { "M", "T", "W", "T", "F", "S", "S" },
  .months = { "January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December" },
  .date = "%d %s %d",
  .colon = ":",

  .sets = { "%d set", "%d sets" },
  .sets_of_reps = " of ",
  .reps = { "%d slow rep", "%d slow reps" },
  .hold = { "hold the end position %d second", "hold the end position %d seconds" },
  .once_a_day = "once a day",
  .twice_a_day = "twice a day",
  .times_a_day = "%d times a day",
  .days_a_week = { "%d day a week", "%d days a week" },
  .side_left = "left side",
  .side_right = "right side",
  .side_both = "both sides",

  .stretches = { "%d stretch", "%d stretches" },
  .times_a_day_range = "%d to %d times a day",
  .about_minutes = "about %d minutes each time",

  .pain_ranges = { "0–2", "3–5", "6–10" },
  .pain_words = { "Keep going.", "Ease off.", "Stop." },
  .pain_advice = { "A mild stretch is fine.", "Press more lightly and move less far.",
                   "Stop the stretch and call us:" },

  .terms = { "Rep", "Set", "Hold", "Release" },
  .meanings = {
    "one slow movement, from start to end.",
    "a group of reps in a row, then a short rest.",
    "keep still at the end for the seconds given.",
    "a stretch done while you press on the tight muscle.",
  },

  .glossary = glossary,
  .hold_step = { "Hold the end position still for %d second. Then slowly go back to the start.",
                 "Hold the end position still for %d seconds. Then slowly go back to the start." },

  .side_words = side_words,
  .not_side_before = not_side_before,
  .not_side_after = not_side_after,
};
