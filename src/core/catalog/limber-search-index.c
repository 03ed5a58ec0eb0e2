/* limber-search-index.c — the catalog's exercises and the words that find them
 *
 * Built from the exercises and the search words (vocabulary.txt) alone,
 * by limber_search_index_new(), when the catalog is first searched.  Each
 * exercise gives its words, each in the best place it has it:
 *   name tier    its names (every language), tissues, and the synonyms of
 *                its tissues ("hammies", "it band", "knee pain")
 *   region tier  its regions and their synonyms ("rodilla", "low back")
 *   text tier    the rest of its texts, folded when the index is built
 *                (and not kept): summary, steps, how it should feel,
 *                positions and equipment
 * and the dictionary keeps, for every distinct word, which exercises have
 * it and where.  Synonyms of two words or more ("knee pain") are kept
 * whole, as one entry, and found only as that phrase.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-search"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "limber-exercise-private.h"
#include "limber-search-private.h"

/* While building: the dictionary and the postings of all exercises. */
typedef struct
{
  LimberSearchIndex *index;
  GHashTable        *ids;        /* word → id + 1 */
  GPtrArray         *terms;      /* id → word (in index->strings) */
  GArray            *last_slot;  /* id → last slot that had it + 1 */
  GArray            *last_pos;   /* id → its posting in @pairs */
  GArray            *pairs;      /* guint32: id << 2 | tier, slot by slot */
  guint32           *slot_end;   /* slot → the end of its pairs */
  GString           *text;       /* an exercise's folded text */
  GPtrArray         *names;      /* LimberSearchName */
  guint              slot;
} Builder;

static void
add_token (Builder    *b,
           const char *word,
           LimberTier  tier)
{
  guint id = GPOINTER_TO_UINT (g_hash_table_lookup (b->ids, word));
  guint32 pair;

  if (id == 0)
    {
      const char *kept = g_string_chunk_insert (b->index->strings, word);

      g_ptr_array_add (b->terms, (gpointer) kept);
      id = b->terms->len;
      g_hash_table_insert (b->ids, (gpointer) kept, GUINT_TO_POINTER (id));
      g_array_set_size (b->last_slot, id);
      g_array_set_size (b->last_pos, id);
    }
  id--;
  if (g_array_index (b->last_slot, guint32, id) == b->slot + 1)
    {
      /* The exercise has it already: keep the better place. */
      guint32 *posting = &g_array_index (b->pairs, guint32, g_array_index (b->last_pos, guint32, id));

      if ((LimberTier) (*posting & 3) > tier)
        *posting = (id << 2) | tier;
      return;
    }
  g_array_index (b->last_slot, guint32, id) = b->slot + 1;
  g_array_index (b->last_pos, guint32, id) = b->pairs->len;
  pair = (id << 2) | tier;
  g_array_append_val (b->pairs, pair);
}

/* Every word of a folded text ("half kneeling hip\nmedia rodilla"). */
static void
add_words (Builder    *b,
           char       *folded,
           LimberTier  tier)
{
  char *word = folded;

  for (char *p = folded; ; p++)
    {
      char c = *p;

      if (c == ' ' || c == '\n' || c == '\0')
        {
          *p = '\0';
          if (*word)
            add_token (b, word, tier);
          *p = c;
          word = p + 1;
        }
      if (c == '\0')
        break;
    }
}

static void
add_text (Builder    *b,
          const char *text,
          LimberTier  tier)
{
  g_autoptr(GString) folded = g_string_new (NULL);

  limber_fold_append (folded, text);
  add_words (b, folded->str, tier);
}

/* A synonym: one word, or a phrase kept whole. */
static void
add_terms (Builder   *b,
           GPtrArray *terms,
           LimberTier tier)
{
  for (guint i = 0; i < terms->len; i++)
    {
      const char *term = g_ptr_array_index (terms, i);

      if (strchr (term, ' ') != NULL)
        add_token (b, term, tier);
      else
        add_text (b, term, tier);
    }
  g_ptr_array_set_size (terms, 0);
}

static void
add_names (Builder        *b,
           LimberExercise *exercise)
{
  const LimberText *names = limber_exercise_peek_text (exercise, LIMBER_EXERCISE_NAME);

  for (guint i = 0; i < limber_text_get_n (names); i++)
    {
      g_autoptr(GString) folded = g_string_new (NULL);
      LimberSearchName *name = g_new (LimberSearchName, 1);

      limber_fold_append (folded, limber_text_nth_text (names, i));
      g_string_truncate (folded, folded->len - 1);
      name->text = g_string_chunk_insert_const (b->index->strings, folded->str);
      name->slot = b->slot;
      g_ptr_array_add (b->names, name);
      add_words (b, folded->str, LIMBER_TIER_NAME);
    }
}

static void
add_exercise (Builder           *b,
              LimberExercise    *exercise,
              LimberSearchWords *words)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new ();
  const char * const *tissues = limber_exercise_get_tissues (exercise);

  add_names (b, exercise);
  for (guint i = 0; tissues[i] != NULL; i++)
    {
      add_text (b, tissues[i], LIMBER_TIER_NAME);
      if (words != NULL)
        limber_search_words_collect (words, LIMBER_SEARCH_WORDS_TISSUE, tissues[i], terms);
      add_terms (b, terms, LIMBER_TIER_NAME);
    }
  for (guint i = 0; i < limber_vocabulary_count (LIMBER_VOCABULARY_REGION); i++)
    if (limber_exercise_get_words (exercise, LIMBER_VOCABULARY_REGION) & (G_GUINT64_CONSTANT (1) << i))
      {
        const char *region = limber_vocabulary_word (LIMBER_VOCABULARY_REGION, i);

        add_text (b, region, LIMBER_TIER_REGION);
        if (words != NULL)
          limber_search_words_collect (words, LIMBER_SEARCH_WORDS_REGION, region, terms);
        add_terms (b, terms, LIMBER_TIER_REGION);
      }
  for (LimberVocabulary kind = LIMBER_VOCABULARY_POSITION; kind < LIMBER_VOCABULARY_N_KINDS; kind++)
    for (guint i = 0; i < limber_vocabulary_count (kind); i++)
      if (limber_exercise_get_words (exercise, kind) & (G_GUINT64_CONSTANT (1) << i))
        add_text (b, limber_vocabulary_word (kind, i), LIMBER_TIER_TEXT);
  g_string_truncate (b->text, 0);
  _limber_exercise_fold_search_text (exercise, b->text);
  add_words (b, b->text->str, LIMBER_TIER_TEXT);
  b->slot_end[b->slot] = b->pairs->len;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const LimberSearchName *x = a, *y = b;
  int c = strcmp (x->text, y->text);

  return c != 0 ? c : (x->slot > y->slot) - (x->slot < y->slot);
}

/* The postings, grouped by word (counting sort: slots stay ascending). */
static void
finish_postings (Builder *b)
{
  LimberSearchIndex *self = b->index;
  guint n_pairs = b->pairs->len;
  const guint32 *pairs = (const guint32 *) b->pairs->data;
  g_autofree guint32 *fill = NULL;

  self->n_terms = b->terms->len;
  self->term = g_new (const char *, MAX (self->n_terms, 1));
  self->term_len = g_new (guint16, MAX (self->n_terms, 1));
  self->term_phrase = g_new (guint8, MAX (self->n_terms, 1));
  self->post_start = g_new0 (guint32, self->n_terms + 1);
  self->postings = g_new (guint32, MAX (n_pairs, 1));
  self->phrases = g_new (guint32, MAX (self->n_terms, 1));
  for (guint t = 0; t < self->n_terms; t++)
    {
      self->term[t] = g_ptr_array_index (b->terms, t);
      self->term_len[t] = MIN (strlen (self->term[t]), G_MAXUINT16);
      self->term_phrase[t] = strchr (self->term[t], ' ') != NULL;
      if (self->term_phrase[t])
        self->phrases[self->n_phrases++] = t;
    }
  for (guint i = 0; i < n_pairs; i++)
    self->post_start[(pairs[i] >> 2) + 1]++;
  for (guint t = 0; t < self->n_terms; t++)
    self->post_start[t + 1] += self->post_start[t];
  fill = g_memdup2 (self->post_start, sizeof (guint32) * (self->n_terms + 1));
  for (guint slot = 0, i = 0; slot < self->n; slot++)
    for (; i < b->slot_end[slot]; i++)
      self->postings[fill[pairs[i] >> 2]++] = (slot << 2) | (pairs[i] & 3);
}

static void
copy_stop_words (LimberSearchIndex *self,
                 LimberSearchWords *words)
{
  self->stop = g_hash_table_new (g_str_hash, g_str_equal);
  if (words == NULL)
    return;
  for (guint t = 0; t < self->n_terms; t++)
    if (limber_search_words_is_stop (words, self->term[t]))
      g_hash_table_add (self->stop, (gpointer) self->term[t]);
}

/**
 * limber_search_index_new:
 * @exercises: a list model of LimberExercise (a catalog)
 * @words: (nullable): the search words: synonyms and stop words
 *
 * Everything a keystroke needs, derived from @exercises and @words only.
 */
LimberSearchIndex *
limber_search_index_new (GListModel        *exercises,
                         LimberSearchWords *words)
{
  LimberSearchIndex *self = g_new0 (LimberSearchIndex, 1);
  Builder b = { self };

  self->n = g_list_model_get_n_items (exercises);
  self->exercises = g_new0 (LimberExercise *, MAX (self->n, 1));
  self->words = g_new0 (guint64, MAX (self->n, 1) * LIMBER_VOCABULARY_N_KINDS);
  self->tissues = g_new0 (const GQuark *, MAX (self->n, 1));
  self->strings = g_string_chunk_new (64 * 1024);
  for (guint i = 0; i < self->n; i++)
    {
      self->exercises[i] = g_list_model_get_item (exercises, i);
      _limber_exercise_set_search_slot (self->exercises[i], i);
      self->tissues[i] = _limber_exercise_get_tissue_quarks (self->exercises[i]);
      for (guint k = 0; k < LIMBER_VOCABULARY_N_KINDS; k++)
        self->words[i * LIMBER_VOCABULARY_N_KINDS + k] = limber_exercise_get_words (self->exercises[i], k);
    }

  b.ids = g_hash_table_new (g_str_hash, g_str_equal);
  b.terms = g_ptr_array_new ();
  b.last_slot = g_array_new (FALSE, TRUE, sizeof (guint32));
  b.last_pos = g_array_new (FALSE, TRUE, sizeof (guint32));
  /* Tens of megabytes at 25,000 exercises: a big block is mapped, and
   * grows by remapping, not copying; its untouched end costs no memory. */
  b.pairs = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 256 * MAX (self->n, 1));
  b.slot_end = g_new0 (guint32, MAX (self->n, 1));
  b.text = g_string_sized_new (8192);
  b.names = g_ptr_array_new_with_free_func (g_free);
  for (b.slot = 0; b.slot < self->n; b.slot++)
    add_exercise (&b, self->exercises[b.slot], words);
  finish_postings (&b);
  copy_stop_words (self, words);

  self->n_names = b.names->len;
  self->names = g_new (LimberSearchName, MAX (self->n_names, 1));
  for (guint i = 0; i < self->n_names; i++)
    self->names[i] = *(LimberSearchName *) g_ptr_array_index (b.names, i);
  qsort (self->names, self->n_names, sizeof (LimberSearchName), compare_names);

  g_hash_table_unref (b.ids);
  g_ptr_array_unref (b.terms);
  g_array_unref (b.last_slot);
  g_array_unref (b.last_pos);
  g_array_unref (b.pairs);
  g_free (b.slot_end);
  g_string_free (b.text, TRUE);
  g_ptr_array_unref (b.names);
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
  g_free (self->tissues);
  g_free (self->term);
  g_free (self->term_len);
  g_free (self->term_phrase);
  g_free (self->post_start);
  g_free (self->postings);
  g_free (self->phrases);
  g_free (self->names);
  g_hash_table_unref (self->stop);
  g_string_chunk_free (self->strings);
  g_free (self);
}

guint
limber_search_index_get_n (LimberSearchIndex *self)
{
  return self->n;
}

/* Returns: (transfer none): the exercise in @slot (catalog order) */
LimberExercise *
limber_search_index_get_exercise (LimberSearchIndex *self,
                                  guint              slot)
{
  g_return_val_if_fail (slot < self->n, NULL);
  return self->exercises[slot];
}

/* The exercise's position in the index, or -1 if it is not this index's. */
int
limber_search_index_lookup (LimberSearchIndex *self,
                            LimberExercise    *exercise)
{
  guint slot = _limber_exercise_get_search_slot (exercise);

  return slot < self->n && self->exercises[slot] == exercise ? (int) slot : -1;
}
