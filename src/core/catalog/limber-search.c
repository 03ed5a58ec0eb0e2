/* limber-search.c — matching exercises against what the user typed
 *
 * Each exercise keeps one folded key (all its languages: lower case,
 * accents dropped, punctuation made spaces, each word once) and a
 * 2048-bit set of the byte pairs and triples in it, made once at load
 * (limber-fold.c folds and fills the set, for the exercise and the query
 * alike).  A keystroke folds the query into a buffer the query keeps, so
 * matching allocates nothing: a word whose byte pairs are not all in the
 * set is out at once, the rest are confirmed with strstr().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-search"

#include "config.h"

#include <string.h>

#include "limber-exercise-private.h"
#include "limber-search.h"

#define MAX_WORDS 16

struct _LimberQuery
{
  GString *folded;             /* the words, NUL-separated */
  guint    word_start[MAX_WORDS];
  guint    n_words;
  guint64  word_bigrams[MAX_WORDS][LIMBER_BIGRAM_WORDS];
  /* The non-zero words of each word's set: only those are tested, so a
   * short word touches one or two cache lines of a block, not four. */
  guint8   word_n_parts[MAX_WORDS];
  guint8   word_part[MAX_WORDS][LIMBER_BIGRAM_WORDS];
  guint64  words[LIMBER_VOCABULARY_N_KINDS];   /* 0 = any */
  GQuark   tissue;                             /* 0 = any */
};

LimberQuery *
limber_query_new (void)
{
  LimberQuery *self = g_new0 (LimberQuery, 1);

  self->folded = g_string_sized_new (256);
  return self;
}

void
limber_query_free (LimberQuery *self)
{
  if (self == NULL)
    return;
  g_string_free (self->folded, TRUE);
  g_free (self);
}

/**
 * limber_query_set_text:
 *
 * Returns: %TRUE if the query changed
 */
gboolean
limber_query_set_text (LimberQuery *self,
                       const char  *text)
{
  gsize start = 0;
  GString *f = self->folded;

  g_return_val_if_fail (self != NULL, FALSE);

  g_string_truncate (f, 0);
  limber_fold_append (f, text ? text : "");
  self->n_words = 0;

  /* Split on spaces in place: each word becomes a C string. */
  for (gsize i = 0; i < f->len; i++)
    {
      if (f->str[i] != ' ' && f->str[i] != '\n')
        continue;
      f->str[i] = '\0';
      if (i > start && self->n_words < MAX_WORDS)
        {
          guint w = self->n_words++;

          self->word_start[w] = start;
          limber_bigrams_fill (self->word_bigrams[w], f->str + start);
          self->word_n_parts[w] = 0;
          for (guint b = 0; b < LIMBER_BIGRAM_WORDS; b++)
            if (self->word_bigrams[w][b] != 0)
              self->word_part[w][self->word_n_parts[w]++] = b;
        }
      start = i + 1;
    }
  return TRUE;
}

gboolean
limber_query_set_word (LimberQuery      *self,
                       LimberVocabulary  kind,
                       int               index)
{
  guint64 bits = index < 0 ? 0 : G_GUINT64_CONSTANT (1) << index;
  gboolean changed;

  g_return_val_if_fail (kind < LIMBER_VOCABULARY_N_KINDS, FALSE);
  g_return_val_if_fail (index < (int) limber_vocabulary_count (kind), FALSE);

  changed = self->words[kind] != bits;
  self->words[kind] = bits;
  return changed;
}

gboolean
limber_query_set_tissue (LimberQuery *self,
                         const char  *tissue)
{
  GQuark q = tissue != NULL && *tissue ? g_quark_from_string (tissue) : 0;
  gboolean changed = self->tissue != q;

  self->tissue = q;
  return changed;
}

gboolean
limber_query_is_empty (const LimberQuery *self)
{
  for (guint i = 0; i < LIMBER_VOCABULARY_N_KINDS; i++)
    if (self->words[i] != 0)
      return FALSE;
  return self->n_words == 0 && self->tissue == 0;
}

gboolean
limber_query_matches (const LimberQuery *self,
                      LimberExercise    *exercise)
{
  const guint64 *bigrams;
  const char *key;

  for (guint i = 0; i < LIMBER_VOCABULARY_N_KINDS; i++)
    if (self->words[i] != 0 && (limber_exercise_get_words (exercise, i) & self->words[i]) == 0)
      return FALSE;
  if (self->tissue != 0 && !_limber_exercise_has_tissue (exercise, self->tissue))
    return FALSE;
  if (self->n_words == 0)
    return TRUE;

  bigrams = _limber_exercise_get_bigrams (exercise);
  key = _limber_exercise_get_key (exercise);
  for (guint w = 0; w < self->n_words; w++)
    {
      for (guint i = 0; i < LIMBER_BIGRAM_WORDS; i++)
        if ((self->word_bigrams[w][i] & bigrams[i]) != self->word_bigrams[w][i])
          return FALSE;
      if (strstr (key, self->folded->str + self->word_start[w]) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* ---- The catalog's search index ------------------------------------ */

struct _LimberSearchIndex
{
  guint            n;
  LimberExercise **exercises;   /* refs, in catalog order */
  guint64         *words;       /* n × LIMBER_VOCABULARY_N_KINDS */
  const guint64  **blocks;      /* n: each exercise's block in the arena */
  GBytes          *arena;
};

/**
 * limber_search_index_new:
 * @exercises: a list model of LimberExercise (a catalog)
 *
 * Copies every exercise's folded key and byte-pair set into one
 * contiguous arena, in list order, and moves the exercises onto it, so
 * a keystroke's pass reads memory front to back instead of chasing
 * 25,000 scattered allocations.
 */
LimberSearchIndex *
limber_search_index_new (GListModel *exercises)
{
  LimberSearchIndex *self = g_new0 (LimberSearchIndex, 1);
  gsize total = 0, offset = 0;
  char *buffer;

  self->n = g_list_model_get_n_items (exercises);
  self->exercises = g_new0 (LimberExercise *, MAX (self->n, 1));
  self->words = g_new0 (guint64, MAX (self->n, 1) * LIMBER_VOCABULARY_N_KINDS);
  self->blocks = g_new0 (const guint64 *, MAX (self->n, 1));

  for (guint i = 0; i < self->n; i++)
    {
      self->exercises[i] = g_list_model_get_item (exercises, i);
      total += _limber_exercise_get_search_block_size (self->exercises[i]);
      for (guint k = 0; k < LIMBER_VOCABULARY_N_KINDS; k++)
        self->words[i * LIMBER_VOCABULARY_N_KINDS + k] = limber_exercise_get_words (self->exercises[i], k);
    }

  buffer = g_malloc (MAX (total, 8));
  for (guint i = 0; i < self->n; i++)
    {
      _limber_exercise_copy_search_block (self->exercises[i], buffer + offset);
      self->blocks[i] = (const guint64 *) (buffer + offset);
      offset += _limber_exercise_get_search_block_size (self->exercises[i]);
    }
  self->arena = g_bytes_new_take (buffer, MAX (total, 8));

  offset = 0;
  for (guint i = 0; i < self->n; i++)
    {
      gsize size = _limber_exercise_get_search_block_size (self->exercises[i]);

      _limber_exercise_rehome_search_block (self->exercises[i], self->arena, offset, i);
      offset += size;
    }
  return self;
}

void
limber_search_index_free (LimberSearchIndex *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n; i++)
    g_object_unref (self->exercises[i]);
  g_free (self->exercises);
  g_free (self->words);
  g_free (self->blocks);
  g_bytes_unref (self->arena);
  g_free (self);
}

guint
limber_search_index_get_n (LimberSearchIndex *self)
{
  return self->n;
}

/* The exercise's position in the index, or -1 if it is not this index's. */
int
limber_search_index_lookup (LimberSearchIndex *self,
                            LimberExercise    *exercise)
{
  guint slot = _limber_exercise_get_search_slot (exercise);

  return slot < self->n && self->exercises[slot] == exercise ? (int) slot : -1;
}

static gboolean
has_tissue (const GQuark *tissues,
            GQuark        tissue)
{
  for (guint i = 0; tissues[i] != 0; i++)
    if (tissues[i] == tissue)
      return TRUE;
  return FALSE;
}

/**
 * limber_search_index_run:
 * @matches: one byte per exercise: set to 1 for a match, 0 otherwise
 * @refine: only re-test exercises that matched before (the query only
 *   got stricter: a letter typed at the end, a filter added)
 *
 * One pass over the arena; allocates nothing.
 *
 * Returns: how many exercises match
 */
guint
limber_search_index_run (LimberSearchIndex *self,
                         const LimberQuery *query,
                         guint8            *matches,
                         gboolean           refine)
{
  guint count = 0;

  for (guint i = 0; i < self->n; i++)
    {
      const guint64 *words = &self->words[i * LIMBER_VOCABULARY_N_KINDS];
      const guint64 *bigrams = self->blocks[i];
      const char *key = (const char *) (bigrams + LIMBER_BIGRAM_WORDS);
      gboolean ok = TRUE;

      if (refine && !matches[i])
        continue;
      for (guint k = 0; k < LIMBER_VOCABULARY_N_KINDS && ok; k++)
        ok = query->words[k] == 0 || (words[k] & query->words[k]) != 0;
      if (ok && query->tissue != 0)
        ok = has_tissue (_limber_exercise_get_tissue_quarks (self->exercises[i]), query->tissue);
      for (guint w = 0; w < query->n_words && ok; w++)
        {
          for (guint p = 0; p < query->word_n_parts[w] && ok; p++)
            {
              guint b = query->word_part[w][p];
              ok = (query->word_bigrams[w][b] & bigrams[b]) == query->word_bigrams[w][b];
            }
          ok = ok && strstr (key, query->folded->str + query->word_start[w]) != NULL;
        }
      matches[i] = ok;
      count += ok;
    }
  return count;
}
