/* limber-phrases.h — a handout's fixed words, in the program's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "limber-dosage.h"

G_BEGIN_DECLS

typedef enum
{
  LIMBER_PHRASE_PAGE_N_OF_M,       /* "Page %d of %d" */
  LIMBER_PHRASE_SETS,
  LIMBER_PHRASE_THERAPIST,
  LIMBER_PHRASE_PATIENT,
  LIMBER_PHRASE_DATE,
  LIMBER_PHRASE_YOUR_NOTES,
  LIMBER_PHRASE_CAUTIONS,
  LIMBER_PHRASE_CAREFUL,           /* before a caution: "Careful:" */
  LIMBER_PHRASE_TICK_A_BOX,
  LIMBER_PHRASE_BOTH_SIDES,        /* "Do both sides: right first, then left" */
  LIMBER_PHRASE_THERAPIST_NOTE,    /* before an item's note */
  LIMBER_PHRASE_ADVICE,            /* the heading of the program's notes */
  LIMBER_PHRASE_EXAMINATION,
  LIMBER_PHRASE_PROGRESS,
  LIMBER_PHRASE_THERAPIST_COPY,
  LIMBER_PHRASE_STRETCH,
  LIMBER_PHRASE_LOG,               /* the heading of the tick-box log */
  LIMBER_PHRASE_QUESTIONS,         /* before the clinic's phone number */
  LIMBER_PHRASE_NO_STRETCHES,
  LIMBER_PHRASE_PATIENT_ID,
  LIMBER_PHRASE_FEEL,              /* before the exercise's feel text */
  LIMBER_PHRASE_PAIN_HEADING,      /* the pain rule's first line */
  LIMBER_PHRASE_WORDS,             /* the heading of the words explained */
  LIMBER_PHRASE_CAPTION_START,     /* under the figure's first phase */
  LIMBER_PHRASE_CAPTION_MOVE,      /* under its second */
  LIMBER_PHRASE_SUMMARY,           /* before the summary line: "Your program:" */
  LIMBER_PHRASE_NEXT_VISIT,        /* label of the next visit's date */
  LIMBER_PHRASE_FOR_THERAPIST,     /* before the therapist's contact, on their copy */
  LIMBER_PHRASE_CALL_YOUR_THERAPIST, /* the pain rule's last advice, without a phone number */
  LIMBER_PHRASE_BACK_TO_START,     /* the last step when there is no hold: "Slowly go back to the start." */
  LIMBER_PHRASE_KEY_POINTS,        /* the heading of the recap at the end */
  LIMBER_PHRASE_KEY_DO,            /* "Do each stretch slowly, step by step, %s." (how often) */
  LIMBER_PHRASE_KEY_STOP,          /* when to stop */
  LIMBER_PHRASE_KEY_CALL,          /* "If pain gets worse or does not go away, call us:" (the number after) */
  LIMBER_PHRASE_KEY_CALL_NO_PHONE, /* the same, without a number */
  LIMBER_PHRASE_KEY_LOG,           /* tick the log */
  LIMBER_N_PHRASES
} LimberPhrase;

const char *limber_phrases_language      (const char        *lang);
const char *limber_phrases_get           (LimberPhrase       phrase,
                                          const char        *lang);
const char *limber_phrases_colon         (const char        *lang);
char       *limber_phrases_page          (int                page,
                                          int                n_pages,
                                          const char        *lang);
const char *limber_phrases_weekday       (GDateWeekday       weekday,
                                          gboolean           initial,
                                          const char        *lang);
char       *limber_phrases_date          (const char        *iso_date,
                                          const char        *lang);
char       *limber_phrases_dosage        (const LimberDosage *dosage,
                                          const char        *lang);
char       *limber_phrases_mirror_sides  (const char        *text,
                                          const char        *lang);
GStrv       limber_phrases_unresolved_sides (const char     *text,
                                             const char     *lang);
char       *limber_phrases_summary       (guint              n_stretches,
                                          int                least_per_day,
                                          int                most_per_day,
                                          int                days_per_week,
                                          int                minutes,
                                          const char        *lang);
void        limber_phrases_pain_row      (guint              row,
                                          const char        *lang,
                                          const char       **range,
                                          const char       **word,
                                          const char       **advice);
void        limber_phrases_term          (guint              term,
                                          const char        *lang,
                                          const char       **word,
                                          const char       **meaning);
char       *limber_phrases_hold_step     (int                hold_seconds,
                                          const char        *lang);
guint       limber_phrases_glossary_size (const char        *lang);
gboolean    limber_phrases_glossary_used (guint              entry,
                                          const char        *folded_text,
                                          const char        *lang);
void        limber_phrases_glossary      (guint              entry,
                                          const char        *lang,
                                          const char       **word,
                                          const char       **meaning);

/* The pain rule's rows (0–2, 3–5, above 5) and the words explained. */
#define LIMBER_PHRASES_N_PAIN_ROWS 3
#define LIMBER_PHRASES_N_TERMS     4

G_END_DECLS
