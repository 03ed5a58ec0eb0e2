/* limber-cache-fallback.c — an exercise's texts from its catalog XML,
 * when its cache file no longer holds them
 *
 * An exercise loaded from the catalog cache reads its texts from the
 * cache file when first asked for (limber-catalog-cache.c).  If that
 * file was changed or cut short meanwhile, they are read from the
 * catalog file it was made from instead: streamed and checked exactly
 * as loading checks it (limber_xml_stream_file(), with the schema),
 * once for all the exercises of that cache file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-catalog-cache"

#include "config.h"

#include "limber-exercise-private.h"
#include "limber-problem.h"
#include "limber-xml.h"

typedef struct
{
  const char *display_name;
  char       *lang;
  GHashTable *exercises;   /* id → LimberExercise, texts packed */
  GPtrArray  *problems;
} FallbackState;

static void
keep_element (xmlNode  *node,
              gpointer  user_data)
{
  FallbackState *st = user_data;
  LimberExercise *exercise;

  if (node->type != XML_ELEMENT_NODE || !limber_xml_is (node, "exercise"))
    return;
  exercise = limber_exercise_new_from_xml (node, st->lang, st->display_name,
                                           LIMBER_EXERCISE_FROM_CATALOG, st->problems);
  /* A duplicate id: the file would not load, so none is taken. */
  if (exercise != NULL
      && !g_hash_table_insert (st->exercises, g_strdup (limber_exercise_get_id (exercise)), exercise))
    limber_xml_add_problem (st->problems, st->display_name, node, "duplicate id");
}

/**
 * _limber_cache_fallback_read:
 * @display_name: the catalog file, as the catalog names it (its path,
 *   or its URI when it has none: limber_xml_display_name())
 *
 * Reads a catalog file again, as loading reads it, keeping each
 * exercise with its texts packed.
 *
 * Returns: (transfer full) (nullable): id → #LimberExercise, or %NULL if
 *   the file is gone or would not load (then nothing in it is trusted)
 */
GHashTable *
_limber_cache_fallback_read (const char *display_name)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GHashTable) exercises = NULL;
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_autoptr(GPtrArray) schema_problems = limber_problem_list_new ();
  FallbackState st;
  gboolean ok;

  if (display_name == NULL)
    return NULL;
  /* A path (absolute, as loading names it) or a URI. */
  file = g_file_new_for_commandline_arg (display_name);
  exercises = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  st = (FallbackState) { display_name, NULL, exercises, problems };
  ok = limber_xml_stream_file (file, display_name, LIMBER_XML_KIND_CATALOG, &st.lang,
                               keep_element, &st, problems, schema_problems);
  g_free (st.lang);
  if (!ok || problems->len > 0 || schema_problems->len > 0)
    return NULL;
  return g_steal_pointer (&exercises);
}
