/* limber-search.c — matching exercises against what the user typed
 *
 * Each exercise keeps one folded key (all its languages: lower case,
 * accents dropped, punctuation made spaces) and a 1024-bit set of the
 * byte pairs in it, both made once at load.  A keystroke folds the query
 * into a buffer the query keeps, so matching allocates nothing: a word
 * whose byte pairs are not all in the set is out at once, the rest are
 * confirmed with strstr().
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
  guint64  words[LIMBER_VOCABULARY_N_KINDS];   /* 0 = any */
  GQuark   tissue;                             /* 0 = any */
};

static inline guint
bigram_bit (guchar a,
            guchar b)
{
  return ((guint) a * 31u + (guint) b) & (LIMBER_BIGRAM_WORDS * 64 - 1);
}

void
limber_bigrams_fill (guint64    *bigrams,
                     const char *folded)
{
  memset (bigrams, 0, sizeof (guint64) * LIMBER_BIGRAM_WORDS);
  for (const guchar *p = (const guchar *) folded; p[0] && p[1]; p++)
    {
      guint bit = bigram_bit (p[0], p[1]);
      bigrams[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
    }
}

/* Appends @text folded for matching, then a newline so that no match
 * spans two texts.  Letters lose case and accents ("Glúteo" → "gluteo");
 * anything that is not a letter or digit becomes one space. */
void
limber_fold_append (GString    *out,
                    const char *text)
{
  gboolean space = FALSE;

  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      gunichar decomposed[4];

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      /* A separate accent ("u" + U+0301) belongs to its letter. */
      if (g_unichar_ismark (c))
        continue;
      if (!g_unichar_isalnum (c))
        {
          space = out->len > 0 && out->str[out->len - 1] != '\n';
          continue;
        }
      if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
        c = decomposed[0];
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
  g_string_append_c (out, '\n');
}

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
          self->word_start[self->n_words] = start;
          limber_bigrams_fill (self->word_bigrams[self->n_words], f->str + start);
          self->n_words++;
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
