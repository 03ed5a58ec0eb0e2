/* limber-catalog.c — every exercise Limber knows, from all its files
 *
 * Files load in order (bundled, user, clinic folders); a later file may
 * replace an exercise by id on purpose, and that is reported.  A broken
 * file is skipped whole, with its problems kept for the window to show,
 * and never stops the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-catalog"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-catalog-cache.h"
#include "limber-catalog.h"
#include "limber-exercise-private.h"
#include "limber-image.h"
#include "limber-paths.h"
#include "limber-problem.h"
#include "limber-search.h"
#include "limber-xml.h"

struct _LimberCatalog
{
  GObject     parent_instance;

  GPtrArray  *items;     /* LimberExercise, in order of first appearance */
  GHashTable *by_id;     /* id → index in items (+1) */
  GPtrArray  *problems;  /* LimberProblem, of skipped files */
  GPtrArray  *notices;   /* LimberProblem, of overrides */
  LimberSearchIndex *index;  /* built on first search, dropped on change */
  LimberSearchWords *words;  /* the vocabulary.txt of each folder read */
  gboolean    loading;   /* limber_catalog_load_standard_async() runs */
  GFile      *cache_dir; /* NULL: no cache (limber_catalog_set_cache_dir()) */
  GPtrArray  *to_cache;  /* CacheEntry: files read from XML, to cache */
};

typedef struct
{
  GFile     *source;
  char      *key;
  GPtrArray *exercises;
} CacheEntry;

static void
cache_entry_free (CacheEntry *entry)
{
  g_object_unref (entry->source);
  g_free (entry->key);
  g_ptr_array_unref (entry->exercises);
  g_free (entry);
}

enum { PROP_0, PROP_LOADING, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberCatalog, limber_catalog, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return LIMBER_TYPE_EXERCISE;
}

static guint
get_n_items (GListModel *model)
{
  return LIMBER_CATALOG (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  LimberCatalog *self = LIMBER_CATALOG (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
limber_catalog_finalize (GObject *object)
{
  LimberCatalog *self = (LimberCatalog *) object;

  g_ptr_array_unref (self->items);
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->notices);
  g_clear_pointer (&self->index, limber_search_index_free);
  g_clear_pointer (&self->words, limber_search_words_free);
  g_clear_object (&self->cache_dir);
  g_ptr_array_unref (self->to_cache);

  G_OBJECT_CLASS (limber_catalog_parent_class)->finalize (object);
}

static void
limber_catalog_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LimberCatalog *self = LIMBER_CATALOG (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_catalog_class_init (LimberCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_catalog_finalize;
  object_class->get_property = limber_catalog_get_property;

  /**
   * LimberCatalog:loading:
   *
   * Whether the catalog's files are being read in the background
   * (limber_catalog_load_standard_async()); the exercises appear when
   * it turns %FALSE.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_catalog_init (LimberCatalog *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->problems = limber_problem_list_new ();
  self->notices = limber_problem_list_new ();
  self->words = limber_search_words_new ();
  self->to_cache = g_ptr_array_new_with_free_func ((GDestroyNotify) cache_entry_free);
}

LimberCatalog *
limber_catalog_new (void)
{
  return g_object_new (LIMBER_TYPE_CATALOG, NULL);
}

/* TRUE if a folder between @top and @file is a symbolic link: a link
 * could lead anywhere on the disk. */
static gboolean
has_linked_folder (GFile *top,
                   GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  while (dir != NULL && !g_file_equal (dir, top) && g_file_has_prefix (dir, top))
    {
      GFile *parent;

      if (g_file_query_file_type (dir, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_SYMBOLIC_LINK)
        return TRUE;
      parent = g_file_get_parent (dir);
      g_object_unref (dir);
      dir = parent;
    }
  return FALSE;
}

/* The picture must be a real file inside the catalog's folder (a symlink
 * could point anywhere), of a kind and size Limber accepts. */
static void
check_image (LimberExercise *exercise,
             GFile          *catalog_file,
             const char     *display_name,
             xmlNode        *node,
             GPtrArray      *problems)
{
  const char *src = limber_exercise_get_image_src (exercise);
  g_autoptr(GFile) folder = g_file_get_parent (catalog_file);
  g_autoptr(GFile) image = g_file_resolve_relative_path (folder, src);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *message = NULL;

  info = g_file_query_info (image, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (info != NULL && has_linked_folder (folder, image))
    limber_xml_add_problem (problems, display_name, node,
                            _("the image ‘%s’ is inside a linked folder (links are not followed)"), src);
  else if (info == NULL)
    limber_xml_add_problem (problems, display_name, node,
                            _("the image ‘%s’ is not in the catalog's folder"), src);
  else if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    limber_xml_add_problem (problems, display_name, node,
                            _("the image ‘%s’ is not a plain file (links are not followed)"), src);
  else if ((guint64) g_file_info_get_size (info) > LIMBER_IMAGE_MAX_BYTES)
    limber_xml_add_problem (problems, display_name, node,
                            _("the image ‘%s’ is too big (over 32 MB)"), src);
  else if ((bytes = g_file_load_bytes (image, NULL, NULL, NULL)) == NULL)
    limber_xml_add_problem (problems, display_name, node, _("the image ‘%s’ cannot be read"), src);
  else if (!limber_image_check (bytes, NULL, &message))
    limber_xml_add_problem (problems, display_name, node, "%s: %s", src, message);
  else
    _limber_exercise_set_image_data (exercise, bytes, limber_image_sniff (bytes));
}

typedef struct
{
  GFile      *file;
  const char *display_name;
  char       *lang;
  GPtrArray  *exercises;  /* NULL when only checking: each is dropped once read */
  GHashTable *seen;       /* id → its line, for duplicates */
  GPtrArray  *problems;
} ParseState;

/* One element under the root, while the reader holds only it. */
static void
parse_element (xmlNode  *node,
               gpointer  user_data)
{
  ParseState *st = user_data;
  g_autoptr(LimberExercise) exercise = NULL;
  const char *id;

  if (node->type != XML_ELEMENT_NODE || limber_xml_is (node, "title"))
    return;
  if (!limber_xml_is (node, "exercise"))
    {
      limber_xml_add_problem (st->problems, st->display_name, node,
                              _("<%s> does not belong in a catalog (it holds <title> and <exercise>)"),
                              node->name);
      return;
    }
  exercise = limber_exercise_new_from_xml (node, st->lang, st->display_name,
                                           st->exercises != NULL ? LIMBER_EXERCISE_FROM_CATALOG
                                                                 : LIMBER_EXERCISE_CHECK_CATALOG,
                                           st->problems);
  if (exercise == NULL)
    return;

  id = limber_exercise_get_id (exercise);
  if (g_hash_table_contains (st->seen, id))
    limber_xml_add_problem (st->problems, st->display_name, node,
                            _("duplicate id ‘%s’: it is used twice in this file (first on line %ld)"), id,
                            (long) GPOINTER_TO_SIZE (g_hash_table_lookup (st->seen, id)));
  else
    g_hash_table_insert (st->seen, g_strdup (id), GSIZE_TO_POINTER (limber_exercise_get_line (exercise)));
  if (limber_exercise_get_image_src (exercise) != NULL)
    check_image (exercise, st->file, st->display_name, limber_xml_find_child (node, "image"), st->problems);
  if (st->exercises != NULL)
    {
      _limber_exercise_drop_figure (exercise);
      g_ptr_array_add (st->exercises, g_steal_pointer (&exercise));
    }
}

/* Parses one catalog file into a list of exercises, or adds problems
 * and returns NULL: a file is taken whole or not at all.  With @keep
 * FALSE it only checks, holding one exercise at a time, and returns an
 * empty list for a good file. */
static GPtrArray *
parse_catalog (GFile      *file,
               const char *display_name,
               gboolean    keep,
               GPtrArray  *problems)
{
  g_autoptr(GPtrArray) exercises = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) schema_problems = limber_problem_list_new ();
  ParseState st = { file, display_name, NULL, keep ? exercises : NULL, seen, problems };
  guint first = problems->len;

  limber_xml_stream_file (file, display_name, LIMBER_XML_KIND_CATALOG, &st.lang,
                          parse_element, &st, problems, schema_problems);
  g_free (st.lang);

  /* The schema's terse words only when there is nothing plainer to say. */
  if (problems->len == first)
    limber_problem_list_append (problems, schema_problems);

  return problems->len == first ? g_steal_pointer (&exercises) : NULL;
}

/**
 * limber_catalog_check_file:
 * @problems: every problem found is appended
 *
 * Checks a catalog file as loading would, without keeping it.
 *
 * Returns: %TRUE if the file would load
 */
gboolean
limber_catalog_check_file (GFile      *file,
                           const char *display_name,
                           GPtrArray  *problems)
{
  g_autoptr(GPtrArray) exercises = parse_catalog (file, display_name, FALSE, problems);

  return exercises != NULL;
}

/* The exercises of a cached file, if its cache is good and the pictures
 * it names are still there and good (they are read again, not cached). */
static GPtrArray *
read_cached (LimberCatalog *self,
             GFile         *file,
             const char    *display_name,
             const char    *key)
{
  g_autoptr(GPtrArray) exercises = limber_catalog_cache_load (self->cache_dir, file, key, display_name);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();

  for (guint i = 0; exercises != NULL && i < exercises->len; i++)
    if (limber_exercise_get_image_src (g_ptr_array_index (exercises, i)) != NULL)
      check_image (g_ptr_array_index (exercises, i), file, display_name, NULL, problems);
  return problems->len == 0 ? g_steal_pointer (&exercises) : NULL;
}

/* A catalog file from its cache, else from its XML (then it is queued
 * to be cached, if it has settled: see limber-catalog-cache.c). */
static GPtrArray *
read_catalog (LimberCatalog *self,
              GFile         *file,
              const char    *display_name,
              GPtrArray     *problems)
{
  g_autofree char *key = NULL;
  gboolean settled = FALSE;
  GPtrArray *exercises = NULL;

  if (self->cache_dir != NULL && (key = limber_catalog_cache_key (file, &settled)) != NULL)
    exercises = read_cached (self, file, display_name, key);
  if (exercises != NULL)
    return exercises;

  exercises = parse_catalog (file, display_name, TRUE, problems);
  if (exercises != NULL && key != NULL && settled)
    {
      CacheEntry *entry = g_new0 (CacheEntry, 1);

      entry->source = g_object_ref (file);
      entry->key = g_steal_pointer (&key);
      entry->exercises = g_ptr_array_ref (exercises);
      g_ptr_array_add (self->to_cache, entry);
    }
  return exercises;
}

/**
 * limber_catalog_set_cache_dir:
 * @cache_dir: (nullable): where validated catalog files are cached, or
 *   %NULL for no cache
 *
 * From now on, each catalog file is read from its cache when it has a
 * good one; those read from XML are cached by
 * limber_catalog_write_cache().
 */
void
limber_catalog_set_cache_dir (LimberCatalog *self,
                              GFile         *cache_dir)
{
  g_return_if_fail (LIMBER_IS_CATALOG (self));
  g_set_object (&self->cache_dir, cache_dir);
}

/* Writes what the entries of @to_cache hold: safe in any thread, as the
 * exercises are not changed once read. */
static void
write_entries (GFile     *cache_dir,
               GPtrArray *to_cache)
{
  for (guint i = 0; i < to_cache->len; i++)
    {
      CacheEntry *entry = g_ptr_array_index (to_cache, i);
      g_autoptr(GError) error = NULL;

      /* A cache that cannot be written costs the next start time, no more. */
      if (!limber_catalog_cache_store (cache_dir, entry->source, entry->key, entry->exercises, &error))
        g_debug ("Not caching the catalog: %s", error->message);
    }
}

/**
 * limber_catalog_write_cache:
 *
 * Caches the catalog files read from XML since the last call.
 */
void
limber_catalog_write_cache (LimberCatalog *self)
{
  g_autoptr(GPtrArray) to_cache = NULL;

  g_return_if_fail (LIMBER_IS_CATALOG (self));
  if (self->cache_dir == NULL)
    return;
  to_cache = g_steal_pointer (&self->to_cache);
  self->to_cache = g_ptr_array_new_with_free_func ((GDestroyNotify) cache_entry_free);
  write_entries (self->cache_dir, to_cache);
}

/**
 * limber_catalog_add_file:
 *
 * Loads one catalog file after those already loaded.  On failure the
 * catalog is unchanged and the file's problems are kept (see
 * limber_catalog_get_problems()).
 */
gboolean
limber_catalog_add_file (LimberCatalog  *self,
                         GFile          *file,
                         GError        **error)
{
  g_autofree char *display_name = limber_xml_display_name (file);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_autoptr(GPtrArray) exercises = NULL;
  guint old_len = self->items->len;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  exercises = read_catalog (self, file, display_name, problems);
  if (exercises == NULL)
    {
      g_assert (problems->len > 0);
      limber_problem_list_set_error (problems, 0, LIMBER_XML_ERROR, LIMBER_XML_ERROR_INVALID, error);
      limber_problem_list_append (self->problems, problems);
      return FALSE;
    }

  for (guint i = 0; i < exercises->len; i++)
    {
      LimberExercise *exercise = g_ptr_array_index (exercises, i);
      const char *id = limber_exercise_get_id (exercise);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, id));

      g_object_ref (exercise);
      if (index == 0)
        {
          g_ptr_array_add (self->items, exercise);
          g_hash_table_insert (self->by_id, (gpointer) id, GUINT_TO_POINTER (self->items->len));
          continue;
        }

      {
        LimberExercise *old = g_ptr_array_index (self->items, index - 1);

        /* The same file read again (after an edit) is no override. */
        if (g_strcmp0 (limber_exercise_get_source (old), display_name) != 0)
          {
            g_autofree char *place = limber_problem_format_place (limber_exercise_get_source (old),
                                                                  MAX (limber_exercise_get_line (old), 0));

            /* Translators: the last %s is where the replaced exercise is, as FILE:LINE */
            limber_problem_list_add (self->notices, display_name, MAX (limber_exercise_get_line (exercise), 0),
                                     _("‘%s’ replaces the exercise of the same id from %s"), id, place);
          }
        /* Replace the key too: the old one belongs to the exercise freed below. */
        g_hash_table_replace (self->by_id, (gpointer) id, GUINT_TO_POINTER (index));
        g_ptr_array_index (self->items, index - 1) = exercise;
        g_object_unref (old);
      }
    }

  g_clear_pointer (&self->index, limber_search_index_free);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->items->len);
  return TRUE;
}

/**
 * limber_catalog_remove:
 * @id: the exercise to take out (a custom stretch just deleted)
 *
 * Returns: %TRUE if the catalog had it
 */
gboolean
limber_catalog_remove (LimberCatalog *self,
                       const char    *id)
{
  guint index;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, id));
  if (index == 0)
    return FALSE;
  g_hash_table_remove (self->by_id, id);
  g_ptr_array_remove_index (self->items, index - 1);
  /* The ones after it moved up by one. */
  for (guint i = index - 1; i < self->items->len; i++)
    g_hash_table_insert (self->by_id, (gpointer) limber_exercise_get_id (g_ptr_array_index (self->items, i)),
                         GUINT_TO_POINTER (i + 1));
  g_clear_pointer (&self->index, limber_search_index_free);
  g_list_model_items_changed (G_LIST_MODEL (self), index - 1, 1, 0);
  return TRUE;
}

static int
compare_infos (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (g_file_info_get_name (*(GFileInfo **) a),
                    g_file_info_get_name (*(GFileInfo **) b));
}

/**
 * limber_catalog_add_folder:
 *
 * Loads every `*.xml` in @folder (any GIO location), in name order.  A
 * missing folder is not a problem: most users have no catalog of their own.
 *
 * Returns: how many files loaded
 */
guint
limber_catalog_add_folder (LimberCatalog *self,
                           GFile         *folder)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GFileInfo *info;
  guint loaded = 0;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), 0);

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (children == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_autofree char *name = limber_xml_display_name (folder);
          limber_problem_list_add (self->problems, name, 1, _("cannot read the folder: %s"), error->message);
        }
      return 0;
    }

  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
          && g_str_has_suffix (g_file_info_get_name (info), ".xml"))
        g_ptr_array_add (infos, info);
      else
        g_object_unref (info);
    }
  g_ptr_array_sort (infos, compare_infos);
  {
    g_autoptr(GFile) vocabulary = g_file_get_child (folder, LIMBER_CATALOG_VOCABULARY);
    limber_catalog_add_search_words (self, vocabulary);
  }

  for (guint i = 0; i < infos->len; i++)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, g_file_info_get_name (g_ptr_array_index (infos, i)));

      if (limber_catalog_add_file (self, child, NULL))
        loaded++;
    }
  return loaded;
}

/**
 * limber_catalog_add_search_words:
 * @file: a vocabulary file (data/catalog/vocabulary.txt tells its format)
 *
 * Adds the words people search with that @file maps to tissues and
 * regions; a folder's LIMBER_CATALOG_VOCABULARY is added with its
 * catalogs.  A missing file is no problem; a broken one is a problem
 * of the catalog, and adds nothing.
 */
void
limber_catalog_add_search_words (LimberCatalog *self,
                                 GFile         *file)
{
  g_return_if_fail (LIMBER_IS_CATALOG (self));

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return;
  if (limber_search_words_add_file (self->words, file, self->problems))
    g_clear_pointer (&self->index, limber_search_index_free);
}

/**
 * limber_catalog_load_standard:
 * @extra_uris: (nullable): clinic folders from the settings, as URIs
 *
 * Loads the bundled catalog, then the user's, then each clinic folder.
 */
void
limber_catalog_load_standard (LimberCatalog      *self,
                              const char * const *extra_uris)
{
  g_autoptr(GFile) bundled = limber_paths_bundled_catalog ();
  g_autoptr(GFile) user = limber_paths_user_catalog ();

  limber_catalog_add_folder (self, bundled);
  limber_catalog_add_folder (self, user);
  for (guint i = 0; extra_uris != NULL && extra_uris[i] != NULL; i++)
    {
      g_autoptr(GFile) folder = g_file_new_for_commandline_arg (extra_uris[i]);
      limber_catalog_add_folder (self, folder);
    }
}

/**
 * limber_catalog_get_search_index:
 *
 * Returns: (transfer none): the index of the exercises as they are now
 */
LimberSearchIndex *
limber_catalog_get_search_index (LimberCatalog *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);

  if (self->index == NULL)
    self->index = limber_search_index_new (G_LIST_MODEL (self), self->words);
  return self->index;
}

LimberExercise *
limber_catalog_lookup (LimberCatalog *self,
                       const char    *id)
{
  guint index;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, id));
  return index > 0 ? g_ptr_array_index (self->items, index - 1) : NULL;
}

/**
 * limber_catalog_get_problems:
 *
 * Returns: (transfer none) (element-type LimberProblem): the problems of
 *   the files that were skipped
 */
GPtrArray *
limber_catalog_get_problems (LimberCatalog *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  return self->problems;
}

/**
 * limber_catalog_get_notices:
 *
 * Returns: (transfer none) (element-type LimberProblem): exercises that
 *   replaced one of the same id from an earlier file
 */
GPtrArray *
limber_catalog_get_notices (LimberCatalog *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  return self->notices;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Every tissue in the catalog, sorted, each once: for the filter. */
GStrv
limber_catalog_dup_tissues (LimberCatalog *self)
{
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);
  GStrv result;
  guint n = 0;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      const char * const *tissues = limber_exercise_get_tissues (g_ptr_array_index (self->items, i));

      for (guint j = 0; tissues[j] != NULL; j++)
        g_hash_table_add (set, (gpointer) tissues[j]);
    }

  result = g_new0 (char *, g_hash_table_size (set) + 1);
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    result[n++] = g_strdup (key);
  g_qsort_with_data (result, n, sizeof (char *), compare_strings, NULL);
  return result;
}

/* ------------------------------------------------------------------ */
/* Loading in the background                                          */

/* Puts @exercise in, or in place of the one with its id. */
static void
put_exercise (LimberCatalog  *self,
              LimberExercise *exercise)
{
  const char *id = limber_exercise_get_id (exercise);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, id));

  g_object_ref (exercise);
  if (index == 0)
    {
      g_ptr_array_add (self->items, exercise);
      g_hash_table_insert (self->by_id, (gpointer) id, GUINT_TO_POINTER (self->items->len));
      return;
    }
  g_hash_table_replace (self->by_id, (gpointer) id, GUINT_TO_POINTER (index));
  g_object_unref (g_ptr_array_index (self->items, index - 1));
  g_ptr_array_index (self->items, index - 1) = exercise;
}

/* @loaded, read by a worker, becomes the start of this catalog: its
 * exercises first, then those this one already had (added while it
 * loaded: they are newer), which win over the same id. */
static void
adopt (LimberCatalog *self,
       LimberCatalog *loaded)
{
  guint old_len = self->items->len;
  g_autoptr(GPtrArray) had = self->items;
  g_autoptr(GPtrArray) had_problems = self->problems;
  g_autoptr(GPtrArray) had_notices = self->notices;

  self->items = g_steal_pointer (&loaded->items);
  self->problems = g_steal_pointer (&loaded->problems);
  self->notices = g_steal_pointer (&loaded->notices);
  /* Words added here while it loaded are rare; the loaded folders' win. */
  limber_search_words_free (self->words);
  self->words = g_steal_pointer (&loaded->words);
  loaded->words = limber_search_words_new ();
  loaded->items = g_ptr_array_new_with_free_func (g_object_unref);
  loaded->problems = limber_problem_list_new ();
  loaded->notices = limber_problem_list_new ();
  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < self->items->len; i++)
    g_hash_table_insert (self->by_id, (gpointer) limber_exercise_get_id (g_ptr_array_index (self->items, i)),
                         GUINT_TO_POINTER (i + 1));
  g_hash_table_remove_all (loaded->by_id);

  for (guint i = 0; i < had->len; i++)
    put_exercise (self, g_ptr_array_index (had, i));
  g_ptr_array_extend_and_steal (self->problems, g_steal_pointer (&had_problems));
  g_ptr_array_extend_and_steal (self->notices, g_steal_pointer (&had_notices));

  g_clear_pointer (&self->index, limber_search_index_free);
  /* The worker's index is this catalog's when nothing came in meanwhile. */
  if (had->len == 0)
    self->index = g_steal_pointer (&loaded->index);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->items->len);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char * const *extra_uris = task_data;
  LimberCatalog *loaded = limber_catalog_new ();

  limber_catalog_set_cache_dir (loaded, LIMBER_CATALOG (source_object)->cache_dir);
  limber_catalog_load_standard (loaded, extra_uris);
  /* The files read from XML are cached now, before the list shows (it
   * shows a few seconds later at 25,000 exercises): their exercises then
   * read their texts from the cache, and no longer hold them packed, so
   * the index below is built on 55 MB less (four languages). */
  limber_catalog_write_cache (loaded);
  /* Ranking needs an index that takes a while to build at 25,000
   * exercises: build it here, not on the first keystroke. */
  limber_catalog_get_search_index (loaded);
  g_task_return_pointer (task, loaded, g_object_unref);
}

static void
write_cache_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  limber_catalog_write_cache (source_object);
  g_task_return_boolean (task, TRUE);
}

static void
set_loading (LimberCatalog *self,
             gboolean       loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LimberCatalog *self = LIMBER_CATALOG (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(LimberCatalog) loaded = g_task_propagate_pointer (G_TASK (result), NULL);

  /* The exercises are in before anyone hears that loading ended. */
  if (loaded != NULL)
    adopt (self, loaded);
  set_loading (self, FALSE);
  /* The cache is written after the list is shown. */
  if (loaded != NULL && loaded->to_cache->len > 0)
    {
      g_autoptr(GTask) writer = g_task_new (loaded, NULL, NULL, NULL);

      g_task_run_in_thread (writer, write_cache_in_thread);
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * limber_catalog_load_standard_async:
 * @extra_uris: (nullable): clinic folders from the settings, as URIs
 *
 * Loads what limber_catalog_load_standard() loads, in a worker thread,
 * so that a window can be up meanwhile.  The catalog is
 * #LimberCatalog:loading until then; the exercises arrive in one
 * items-changed, before @callback runs.
 */
void
limber_catalog_load_standard_async (LimberCatalog       *self,
                                    const char * const  *extra_uris,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) worker = NULL;
  GTask *task;

  g_return_if_fail (LIMBER_IS_CATALOG (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, limber_catalog_load_standard_async);
  set_loading (self, TRUE);

  /* The worker fills a catalog of its own that nobody else sees, so no
   * signal is emitted off the main thread. */
  worker = g_task_new (self, NULL, on_loaded, task);
  g_task_set_task_data (worker, g_strdupv ((char **) extra_uris), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (worker, load_in_thread);
}

gboolean
limber_catalog_load_standard_finish (LimberCatalog  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
limber_catalog_get_loading (LimberCatalog *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), FALSE);
  return self->loading;
}
