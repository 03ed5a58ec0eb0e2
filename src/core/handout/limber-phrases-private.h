/* limber-phrases-private.h — the handout's words in one language, as data
 *
 * Each language is one LimberPhrasesLanguage, in its own file
 * (limber-phrases-en.c, -es.c, -de.c, -fr.c); limber-phrases.c holds
 * the code that uses them and the list of languages.  Adding a language
 * is adding a file like those and a line to that list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-phrases.h"

G_BEGIN_DECLS

/* The grammatical gender of a noun, where a side word agrees with it. */
typedef enum
{
  LIMBER_GENDER_ANY,
  LIMBER_GENDER_MASCULINE,
  LIMBER_GENDER_FEMININE,
} LimberGender;

/* Two words for the two sides ("right", "left"), swapped by mirroring.
 * Where one left word has two right words (French "gauche": "droit" or
 * "droite"), each pair says the gender of its right word, and the noun
 * right before the side word picks one (LimberSideNoun); elsewhere the
 * gender is LIMBER_GENDER_ANY. */
typedef struct
{
  const char   *right;
  const char   *left;
  LimberGender  gender;
} LimberSidePair;

/* A noun a side word may follow ("la jambe gauche"), in its singular and
 * plural, lower case, and its gender. */
typedef struct
{
  const char   *singular;
  const char   *plural;
  LimberGender  gender;
} LimberSideNoun;

/* A word a stretch's texts may use that not every patient knows, and
 * what it means: printed with the words explained only when the
 * handout uses it (one of the |-separated, case-folded forms in find). */
typedef struct
{
  const char *word;
  const char *find;
  const char *meaning;
} LimberGlossaryEntry;

/* Counts come in two forms, [0] for one and [1] for more (every
 * language here says "1 set" but "2 sets"; a count is never 0 on a
 * handout).  Formats take the count as their only %d. */
typedef struct
{
  const char           *code;                      /* "en" */
  const char           *phrases[LIMBER_N_PHRASES];
  const char           *weekdays[7];               /* Monday first */
  const char           *weekday_initials[7];
  const char           *months[12];
  const char           *date;                      /* "%d %s %d": day, month, year */
  const char           *date_first;                /* the first of a month, if it differs: "%der %s %d" */
  const char           *colon;                     /* after a label: ":", in French "\u00a0:" */

  /* The dosage line: "2 sets of 5 slow reps · hold 3 seconds · …" */
  const char           *sets[2];
  const char           *sets_of_reps;              /* between sets and reps: " of " */
  const char           *reps[2];
  const char           *hold[2];
  const char           *once_a_day;
  const char           *twice_a_day;
  const char           *times_a_day;               /* three or more: "%d times a day" */
  const char           *days_a_week[2];
  const char           *side_left;
  const char           *side_right;
  const char           *side_both;

  /* The summary at the top of page 1: "5 stretches · twice a day ·
   * about 15 minutes each time". */
  const char           *stretches[2];
  const char           *times_a_day_range;         /* "%d to %d times a day": least, most */
  const char           *about_minutes;             /* "about %d minutes each time" */

  /* The pain rule, a row for each band: its range ("0–2"), its word in
   * bold ("Keep going"), and what to do.  In words, so it reads in
   * greyscale and to a colour-blind patient. */
  const char           *pain_ranges[LIMBER_PHRASES_N_PAIN_ROWS];
  const char           *pain_words[LIMBER_PHRASES_N_PAIN_ROWS];
  const char           *pain_advice[LIMBER_PHRASES_N_PAIN_ROWS];

  /* The words of the dosage line and the names, explained once on page
   * 1 before the first stretch: rep, set, hold, release. */
  const char           *terms[LIMBER_PHRASES_N_TERMS];
  const char           *meanings[LIMBER_PHRASES_N_TERMS];
  const LimberGlossaryEntry *glossary;             /* ends with { NULL } */

  /* The step after the movement: "Hold the end position still for 3
   * seconds. Then slowly go back to the start." */
  const char           *hold_step[2];

  /* Mirroring a text written for the right side. */
  const LimberSidePair *side_words;                /* ends with { NULL, NULL } */
  const char * const   *not_side_before;           /* "just right": NULL-terminated */
  const char * const   *not_side_after;            /* "right away": NULL-terminated */
  /* Where a side word agrees with its noun (French): the only nouns it
   * may follow, ending with { NULL }; NULL for a language without. */
  const LimberSideNoun *side_nouns;
} LimberPhrasesLanguage;

extern const LimberPhrasesLanguage _limber_phrases_en;
extern const LimberPhrasesLanguage _limber_phrases_es;
extern const LimberPhrasesLanguage _limber_phrases_de;
extern const LimberPhrasesLanguage _limber_phrases_fr;

/* For tests: every language with words here. */
const LimberPhrasesLanguage * const *_limber_phrases_get_languages (guint *n_languages);

G_END_DECLS
