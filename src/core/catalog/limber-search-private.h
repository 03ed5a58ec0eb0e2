/* limber-search-private.h — what the index, the query and a run share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-search.h"

G_BEGIN_DECLS

#define LIMBER_QUERY_MAX_WORDS 16

/* Where a word was found, best first: a match in the name, a tissue or
 * a synonym beats one in a region, which beats one in the texts. */
typedef enum
{
  LIMBER_TIER_NAME,
  LIMBER_TIER_REGION,
  LIMBER_TIER_TEXT,
  LIMBER_N_TIERS
} LimberTier;

struct _LimberQuery
{
  GString *folded;             /* the words, NUL-separated */
  guint    word_start[LIMBER_QUERY_MAX_WORDS];
  guint    word_len[LIMBER_QUERY_MAX_WORDS];
  guint    n_words;
  guint64  words[LIMBER_VOCABULARY_N_KINDS];   /* 0 = any */
  GQuark   tissue;                             /* 0 = any */
};

typedef struct
{
  const char *text;   /* folded, words separated by one space */
  guint       slot;
} LimberSearchName;

/* The dictionary: every distinct folded word (or synonym phrase) of the
 * catalog, each with the exercises that have it and where (a posting is
 * slot << 2 | tier, slots ascending).  A keystroke compares each query
 * word with the dictionary, a few thousand words, not with 25,000
 * exercises, then walks the postings of the words that matched. */
struct _LimberSearchIndex
{
  guint              n;
  LimberExercise   **exercises;    /* refs, in catalog order */
  guint64           *words;        /* n × LIMBER_VOCABULARY_N_KINDS */
  const GQuark     **tissues;      /* n: the exercises' own */

  GStringChunk      *strings;      /* dictionary words, names, stop words */
  guint              n_terms;
  const char       **term;         /* n_terms */
  guint16           *term_len;     /* n_terms */
  guint8            *term_phrase;  /* n_terms: has a space (a synonym phrase) */
  guint32           *post_start;   /* n_terms + 1 */
  guint32           *postings;

  guint              n_phrases;
  guint32           *phrases;      /* term ids of the phrases */
  guint              n_names;
  LimberSearchName  *names;        /* sorted by text: exact names */
  GHashTable        *stop;         /* folded stop words */
};

G_END_DECLS
