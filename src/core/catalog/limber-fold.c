/* limber-fold.c — text folded for matching, and how near two words are
 *
 * The search index folds each exercise's texts into words when it is
 * built, and a query folds what the user typed the same way.  The
 * folding lives here, apart from either, so that the exercise and the
 * search each use it without the exercise depending on the search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-fold"

#include "config.h"

#include <string.h>

#include "limber-fold.h"

/* The letters that fold to two: "Gesäß" is written "Gesaess" or
 * "GESÄSS" when there is no ß to type, "œ" and "æ" as two letters. */
static const char *
fold_ligature (gunichar c)
{
  switch (c)
    {
    case 0x00DF: case 0x1E9E: return "ss";   /* ß, ẞ */
    case 0x0153: case 0x0152: return "oe";   /* œ, Œ */
    case 0x00E6: case 0x00C6: return "ae";   /* æ, Æ */
    default: return NULL;
    }
}

/* Appends @text folded for matching, then a newline so that no match
 * spans two texts.  Letters lose case and accents ("Glúteo" → "gluteo",
 * "Gesäß" → "gesass", "cœur" → "coeur"); anything that is not a letter
 * or digit becomes one space. */
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
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (fold_ligature (c) != NULL)
        {
          g_string_append (out, fold_ligature (c));
          continue;
        }
      if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
        c = decomposed[0];
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
  g_string_append_c (out, '\n');
}

/* Whether @a and @b are at most @max edits apart (insert, delete,
 * replace, or swap two neighbours: "piriformus" is one from
 * "piriformis").  Byte by byte, on folded words; no allocation: words
 * longer than LIMBER_FOLD_MAX_EDIT_WORD are never near. */
gboolean
limber_fold_within_edits (const char *a,
                          gsize       la,
                          const char *b,
                          gsize       lb,
                          guint       max)
{
  guint rows[3][LIMBER_FOLD_MAX_EDIT_WORD + 1];
  guint *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

  if (la > LIMBER_FOLD_MAX_EDIT_WORD || lb > LIMBER_FOLD_MAX_EDIT_WORD
      || (la > lb ? la - lb : lb - la) > max)
    return FALSE;
  for (guint j = 0; j <= lb; j++)
    prev[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      guint best = cur[0] = i;

      for (guint j = 1; j <= lb; j++)
        {
          guint cost = a[i - 1] != b[j - 1];
          guint d = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);

          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            d = MIN (d, prev2[j - 2] + 1);
          cur[j] = d;
          best = MIN (best, d);
        }
      if (best > max)
        return FALSE;
      { guint *t = prev2; prev2 = prev; prev = cur; cur = t; }
    }
  return prev[lb] <= max;
}
