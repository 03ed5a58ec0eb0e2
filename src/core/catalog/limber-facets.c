/* limber-facets.c — how many stretches have each filter value
 *
 * The catalog pane's filters list only the values the catalog has, each
 * with its count ("Hip (12)").  Counting is one pass over the catalog per
 * kind of word, done when the catalog changes, not per keystroke.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-facets"

#include "config.h"

#include "limber-exercise.h"
#include "limber-facets.h"

/**
 * limber_facets_count_words:
 * @exercises: a list model of LimberExercise (a catalog)
 * @kind: region, position or equipment
 *
 * Returns: (transfer full): limber_vocabulary_count (@kind) + 1 counts:
 *   entry i is how many exercises have word i; the last, how many have
 *   no word of @kind at all ("No equipment").  Free with g_free().
 */
guint *
limber_facets_count_words (GListModel       *exercises,
                           LimberVocabulary  kind)
{
  guint n_words = limber_vocabulary_count (kind);
  guint *counts = g_new0 (guint, n_words + 1);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (exercises), counts);

  n = g_list_model_get_n_items (exercises);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberExercise) e = g_list_model_get_item (exercises, i);
      guint64 words = limber_exercise_get_words (e, kind);

      if (words == 0)
        counts[n_words]++;
      for (guint w = 0; w < n_words; w++)
        if (words & (G_GUINT64_CONSTANT (1) << w))
          counts[w]++;
    }
  return counts;
}

/**
 * limber_facets_count_tissues:
 * @tissues: the tissue words to count (limber_catalog_dup_tissues())
 *
 * Returns: (transfer full): one count per entry of @tissues: how many
 *   exercises name that tissue.  Free with g_free().
 */
guint *
limber_facets_count_tissues (GListModel         *exercises,
                             const char * const *tissues)
{
  guint n_tissues = tissues ? g_strv_length ((char **) tissues) : 0;
  guint *counts = g_new0 (guint, MAX (n_tissues, 1));
  g_autoptr(GHashTable) slots = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (exercises), counts);

  for (guint t = 0; t < n_tissues; t++)
    g_hash_table_insert (slots, (gpointer) tissues[t], GUINT_TO_POINTER (t + 1));
  n = g_list_model_get_n_items (exercises);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberExercise) e = g_list_model_get_item (exercises, i);
      const char * const *own = limber_exercise_get_tissues (e);

      for (guint k = 0; own != NULL && own[k] != NULL; k++)
        {
          guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (slots, own[k]));

          if (slot > 0)
            counts[slot - 1]++;
        }
    }
  return counts;
}
