/* limber-search.c — the query: what the user typed, and the filters
 *
 * A keystroke folds the text (lower case, accents dropped, punctuation
 * made spaces: limber-fold.c) into a buffer the query keeps, split into
 * words in place, so it allocates nothing.  The catalog's index ranks
 * exercises for it (limber-search-run.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-search"

#include "config.h"

#include <string.h>

#include "limber-exercise-private.h"
#include "limber-search-private.h"

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
      if (i > start && self->n_words < LIMBER_QUERY_MAX_WORDS)
        {
          guint w = self->n_words++;

          self->word_start[w] = start;
          self->word_len[w] = i - start;
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
