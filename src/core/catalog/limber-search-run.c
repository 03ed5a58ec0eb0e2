/* limber-search-run.c — one keystroke: rank the catalog for a query
 *
 * 1. The query's words become terms: a synonym phrase of the search
 *    words ("knee pain", "dolor de rodilla") is one term; stop words
 *    ("de", "the") are skipped unless the query has nothing else.
 * 2. Each term is compared with the index's dictionary: a whole word, a
 *    word start, or (3 letters or more) a match inside a word.  A term
 *    that is nowhere a whole word or a word start forgives typos: one
 *    edit for 4 letters or more, two for 8 or more ("piriformus").
 * 3. The postings of every dictionary word that matched give each
 *    exercise the term's best score: weights[where][how].
 * 4. An exercise's key is how many terms it matched, then the sum of
 *    their scores (an exact name adds the most); a stable counting sort
 *    puts the best first and keeps catalog order for ties.
 * All of it in buffers the results keep: no allocation per keystroke.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-search"

#include "config.h"

#include <string.h>

#include "limber-search-private.h"

typedef enum
{
  QUALITY_WHOLE,    /* the whole word */
  QUALITY_START,    /* the start of a word */
  QUALITY_TYPO,     /* a word one or two edits away */
  QUALITY_INSIDE,   /* inside a word */
  N_QUALITIES
} Quality;

/* Name, tissue and synonym beat region, which beats the texts; whole
 * words and word starts beat the rest.  A whole word in a region beats
 * a word start in a name: "knee" finds knee stretches before kneeling. */
static const guint8 weights[LIMBER_N_TIERS][N_QUALITIES] = {
  /*                     whole start typo inside */
  [LIMBER_TIER_NAME] =   { 30,   20,   14,   6 },
  [LIMBER_TIER_REGION] = { 25,   15,   10,   4 },
  [LIMBER_TIER_TEXT] =   { 10,    7,    4,   2 },
};
#define EXACT_NAME_BONUS 200
#define SCORE_BITS       10
#define N_KEYS           ((LIMBER_QUERY_MAX_WORDS + 1) << SCORE_BITS)

G_STATIC_ASSERT (LIMBER_QUERY_MAX_WORDS * 30 + EXACT_NAME_BONUS < (1 << SCORE_BITS));

typedef struct
{
  const char *text;     /* a query word, or NULL for a phrase */
  guint       len;
  guint32     phrase;   /* the phrase's term id */
} Term;

struct _LimberSearchResults
{
  guint     capacity;   /* exercises of the index last run */
  guint8   *best;       /* LIMBER_QUERY_MAX_WORDS × capacity: score per term */
  guint8   *exact;      /* capacity */
  guint16  *key;        /* capacity: 0 when not a result */
  guint32  *order;      /* capacity: slots, best first */
  guint32  *rank;       /* capacity: position in @order, or G_MAXUINT32 */
  guint32  *histogram;  /* N_KEYS */
  guint     n_results;
  guint     n_terms;
  Term      terms[LIMBER_QUERY_MAX_WORDS];
};

LimberSearchResults *
limber_search_results_new (void)
{
  LimberSearchResults *self = g_new0 (LimberSearchResults, 1);

  self->histogram = g_new (guint32, N_KEYS);
  return self;
}

void
limber_search_results_free (LimberSearchResults *self)
{
  if (self == NULL)
    return;
  g_free (self->best);
  g_free (self->exact);
  g_free (self->key);
  g_free (self->order);
  g_free (self->rank);
  g_free (self->histogram);
  g_free (self);
}

/* Allocates only when the catalog changed size. */
static void
fit (LimberSearchResults *self,
     guint                n)
{
  if (self->capacity == n && self->key != NULL)
    return;
  self->capacity = n;
  g_free (self->best);
  g_free (self->exact);
  g_free (self->key);
  g_free (self->order);
  g_free (self->rank);
  self->best = g_new0 (guint8, (gsize) LIMBER_QUERY_MAX_WORDS * MAX (n, 1));
  self->exact = g_new0 (guint8, MAX (n, 1));
  self->key = g_new0 (guint16, MAX (n, 1));
  self->order = g_new0 (guint32, MAX (n, 1));
  self->rank = g_new0 (guint32, MAX (n, 1));
}

static inline const char *
query_word (const LimberQuery *query,
            guint              w)
{
  return query->folded->str + query->word_start[w];
}

/* How many query words from @w on the phrase @text spells, or 0. */
static guint
phrase_length (const LimberQuery *query,
               guint              w,
               const char        *text)
{
  for (guint k = w; k < query->n_words; k++)
    {
      if (strncmp (text, query_word (query, k), query->word_len[k]) != 0)
        return 0;
      text += query->word_len[k];
      if (*text == '\0')
        return k - w + 1;
      if (*text++ != ' ')
        return 0;
    }
  return 0;
}

/* The longest phrase starting at word @w, as its term id; 0 words if none. */
static guint
match_phrase (LimberSearchIndex *index,
              const LimberQuery *query,
              guint              w,
              guint32           *phrase)
{
  guint longest = 0;

  for (guint p = 0; p < index->n_phrases; p++)
    {
      guint len = phrase_length (query, w, index->term[index->phrases[p]]);

      if (len > longest)
        {
          longest = len;
          *phrase = index->phrases[p];
        }
    }
  return longest;
}

static void
prepare_terms (LimberSearchIndex   *index,
               const LimberQuery   *query,
               LimberSearchResults *results)
{
  gboolean all_stop = TRUE;

  for (guint w = 0; w < query->n_words; w++)
    all_stop = all_stop && g_hash_table_contains (index->stop, query_word (query, w));
  results->n_terms = 0;
  for (guint w = 0; w < query->n_words; )
    {
      Term *term = &results->terms[results->n_terms];
      guint len = match_phrase (index, query, w, &term->phrase);

      if (len > 0)
        {
          term->text = NULL;
          results->n_terms++;
          w += len;
          continue;
        }
      if (all_stop || !g_hash_table_contains (index->stop, query_word (query, w)))
        {
          term->text = query_word (query, w);
          term->len = query->word_len[w];
          results->n_terms++;
        }
      w++;
    }
}

static void
add_postings (LimberSearchIndex *index,
              guint8            *best,
              guint32            t,
              Quality            quality)
{
  for (guint32 p = index->post_start[t]; p < index->post_start[t + 1]; p++)
    {
      guint32 posting = index->postings[p];
      guint8 w = weights[posting & 3][quality];

      if (w > best[posting >> 2])
        best[posting >> 2] = w;
    }
}

static int
quality_of (const Term *term,
            const char *word,
            guint       len)
{
  if (len < term->len || memcmp (word, term->text, term->len) != 0)
    return term->len >= 3 && len > term->len && strstr (word, term->text) ? QUALITY_INSIDE : -1;
  return len == term->len ? QUALITY_WHOLE : QUALITY_START;
}

static void
score_term (LimberSearchIndex *index,
            const Term        *term,
            guint8            *best)
{
  gboolean found = FALSE;
  guint edits = term->len >= 8 ? 2 : 1;

  if (term->text == NULL)
    {
      add_postings (index, best, term->phrase, QUALITY_WHOLE);
      return;
    }
  for (guint32 t = 0; t < index->n_terms; t++)
    {
      int quality;

      if (index->term_phrase[t] || (quality = quality_of (term, index->term[t], index->term_len[t])) < 0)
        continue;
      found = found || quality <= QUALITY_START;
      add_postings (index, best, t, quality);
    }
  if (found || term->len < 4)
    return;
  for (guint32 t = 0; t < index->n_terms; t++)
    if (!index->term_phrase[t]
        && limber_fold_within_edits (term->text, term->len, index->term[t], index->term_len[t], edits))
      add_postings (index, best, t, QUALITY_TYPO);
}

/* strcmp (@name, the query's words joined by spaces), without joining. */
static int
compare_with_query (const char        *name,
                    const LimberQuery *query)
{
  const char *s = name;

  for (guint w = 0; w < query->n_words; w++)
    {
      if (w > 0 && *s++ != ' ')
        return (guchar) s[-1] - ' ';
      for (const char *t = query_word (query, w); *t; t++, s++)
        if (*s != *t)
          return (guchar) *s - (guchar) *t;
    }
  return *s != '\0';
}

static void
mark_exact_names (LimberSearchIndex   *index,
                  const LimberQuery   *query,
                  LimberSearchResults *results)
{
  guint lo = 0, hi = index->n_names;

  memset (results->exact, 0, index->n);
  if (query->n_words == 0)
    return;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (compare_with_query (index->names[mid].text, query) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (; lo < index->n_names && compare_with_query (index->names[lo].text, query) == 0; lo++)
    results->exact[index->names[lo].slot] = 1;
}

static gboolean
passes_filters (LimberSearchIndex *index,
                const LimberQuery *query,
                guint              slot)
{
  const guint64 *words = &index->words[slot * LIMBER_VOCABULARY_N_KINDS];

  for (guint k = 0; k < LIMBER_VOCABULARY_N_KINDS; k++)
    if (query->words[k] != 0 && (words[k] & query->words[k]) == 0)
      return FALSE;
  if (query->tissue != 0)
    {
      for (const GQuark *q = index->tissues[slot]; *q != 0; q++)
        if (*q == query->tissue)
          return TRUE;
      return FALSE;
    }
  return TRUE;
}

/* The key of each exercise: terms matched, then score; 0 if no result. */
static void
compute_keys (LimberSearchIndex   *index,
              const LimberQuery   *query,
              LimberSearchResults *results)
{
  guint n = index->n;

  for (guint slot = 0; slot < n; slot++)
    {
      guint count = 0, sum = 0;

      results->key[slot] = 0;
      if (!passes_filters (index, query, slot))
        continue;
      for (guint j = 0; j < results->n_terms; j++)
        {
          guint8 s = results->best[(gsize) j * n + slot];

          count += s > 0;
          sum += s;
        }
      if (results->exact[slot])
        {
          sum += EXACT_NAME_BONUS;
          count = MAX (count, results->n_terms);
        }
      if (count == 0 && results->n_terms > 0)
        continue;
      results->key[slot] = (guint16) ((MIN (count, LIMBER_QUERY_MAX_WORDS) + 1) << SCORE_BITS | MIN (sum, (1u << SCORE_BITS) - 1));
    }
}

/* Best first; a counting sort, stable, so ties keep catalog order. */
static void
sort_results (LimberSearchResults *results,
              guint                n)
{
  guint32 total = 0;

  memset (results->histogram, 0, sizeof (guint32) * N_KEYS);
  for (guint slot = 0; slot < n; slot++)
    {
      results->rank[slot] = G_MAXUINT32;
      if (results->key[slot] != 0)
        results->histogram[N_KEYS - 1 - results->key[slot]]++;
    }
  for (guint k = 0; k < N_KEYS; k++)
    {
      guint32 c = results->histogram[k];

      results->histogram[k] = total;
      total += c;
    }
  for (guint slot = 0; slot < n; slot++)
    if (results->key[slot] != 0)
      {
        guint32 pos = results->histogram[N_KEYS - 1 - results->key[slot]]++;

        results->order[pos] = slot;
        results->rank[slot] = pos;
      }
  results->n_results = total;
}

/**
 * limber_search_index_run:
 * @results: where the answer goes (its buffers are reused)
 *
 * Ranks the index's exercises for @query: those that pass its filters
 * and match at least one of its words (all of them when it has none),
 * best first.
 *
 * Returns: how many exercises are results
 */
guint
limber_search_index_run (LimberSearchIndex   *self,
                         const LimberQuery   *query,
                         LimberSearchResults *results)
{
  g_return_val_if_fail (self != NULL && query != NULL && results != NULL, 0);

  fit (results, self->n);
  prepare_terms (self, query, results);
  memset (results->best, 0, (gsize) results->n_terms * self->n);
  for (guint j = 0; j < results->n_terms; j++)
    score_term (self, &results->terms[j], results->best + (gsize) j * self->n);
  mark_exact_names (self, query, results);
  compute_keys (self, query, results);
  sort_results (results, self->n);
  return results->n_results;
}

guint
limber_search_results_get_n (LimberSearchResults *self)
{
  return self->n_results;
}

/* The slot (see limber_search_index_get_exercise()) at @position, best first. */
guint
limber_search_results_get_slot (LimberSearchResults *self,
                                guint                position)
{
  g_return_val_if_fail (position < self->n_results, 0);
  return self->order[position];
}

gboolean
limber_search_results_contains (LimberSearchResults *self,
                                guint                slot)
{
  return slot < self->capacity && self->rank[slot] != G_MAXUINT32;
}

/* The position of @slot among the results, or G_MAXUINT when it is none. */
guint
limber_search_results_get_rank (LimberSearchResults *self,
                                guint                slot)
{
  return limber_search_results_contains (self, slot) ? self->rank[slot] : G_MAXUINT;
}

/* What ranks it: terms matched × 1024 + score; 0 when not a result. */
guint
limber_search_results_get_score (LimberSearchResults *self,
                                 guint                slot)
{
  return slot < self->capacity ? self->key[slot] : 0;
}
