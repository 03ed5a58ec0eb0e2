/* limber-library.c — the program library: a folder of programs,
 * listed by patient
 *
 * Programs are saved in one folder (a setting: any GIO location, so a
 * clinic can share one).  The library reads it in a worker thread —
 * only the patient, the date and the title of each file, through the
 * same safe reader as Open (limber-xml.h) — and lists it as a
 * GListModel of LimberLibraryPatient, the patient seen last first.  A
 * file that cannot be read is a problem (FILE:LINE: message) and the
 * others are listed all the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-library"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "limber-fold.h"
#include "limber-library.h"
#include "limber-problem.h"
#include "limber-xml.h"

/* Folders inside the library (one per therapist, per year) are read
 * this deep, and no deeper: a link loop ends here. */
#define MAX_DEPTH 4

/* Changes in the folder are read this long after the last one. */
#define RELOAD_DELAY_MS 500

struct _LimberLibrary
{
  GObject       parent_instance;

  GFile        *folder;
  GPtrArray    *patients;  /* every LimberLibraryPatient */
  GPtrArray    *shown;     /* those the query matches: the model */
  GPtrArray    *problems;  /* LimberProblem: files that cannot be read */
  char         *query;
  guint         n_programs;
  GCancellable *loading;   /* the read under way, or NULL */
  GFileMonitor *monitor;   /* the folder, where it can be watched */
  guint         changed_id;
};

enum { PROP_0, PROP_LOADING, PROP_N_PROGRAMS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberLibrary, limber_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return LIMBER_TYPE_LIBRARY_PATIENT;
}

static guint
get_n_items (GListModel *model)
{
  return LIMBER_LIBRARY (model)->shown->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  LimberLibrary *self = LIMBER_LIBRARY (model);

  return position < self->shown->len ? g_object_ref (g_ptr_array_index (self->shown, position)) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
limber_library_dispose (GObject *object)
{
  LimberLibrary *self = LIMBER_LIBRARY (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->changed_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->folder);
  G_OBJECT_CLASS (limber_library_parent_class)->dispose (object);
}

static void
limber_library_finalize (GObject *object)
{
  LimberLibrary *self = LIMBER_LIBRARY (object);

  g_ptr_array_unref (self->patients);
  g_ptr_array_unref (self->shown);
  g_ptr_array_unref (self->problems);
  g_free (self->query);
  G_OBJECT_CLASS (limber_library_parent_class)->finalize (object);
}

static void
limber_library_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LimberLibrary *self = LIMBER_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading != NULL);
      break;
    case PROP_N_PROGRAMS:
      g_value_set_uint (value, self->n_programs);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_library_class_init (LimberLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_library_dispose;
  object_class->finalize = limber_library_finalize;
  object_class->get_property = limber_library_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_PROGRAMS] =
    g_param_spec_uint ("n-programs", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_library_init (LimberLibrary *self)
{
  self->patients = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = limber_problem_list_new ();
}

LimberLibrary *
limber_library_new (void)
{
  return g_object_new (LIMBER_TYPE_LIBRARY, NULL);
}

/**
 * limber_library_default_folder:
 *
 * Returns: (transfer full): "Limber Programs" in the user's documents
 *   folder, or in the home folder where there is no documents folder
 */
GFile *
limber_library_default_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) parent = g_file_new_for_path (documents ? documents : g_get_home_dir ());

  /* Not translated: a library that moved when the interface's language
   * changed would look empty. */
  return g_file_get_child (parent, "Limber Programs");
}

/**
 * limber_library_folder_for:
 * @setting: (nullable): the library-folder setting: a URI or a path;
 *   empty for the default
 *
 * Returns: (transfer full): the folder
 */
GFile *
limber_library_folder_for (const char *setting)
{
  if (setting == NULL || *setting == '\0')
    return limber_library_default_folder ();
  return g_file_new_for_commandline_arg (setting);
}

/* ---- Reading the folder, in a worker thread ----------------------- */

typedef struct
{
  GPtrArray *entries;   /* LimberLibraryEntry */
  GPtrArray *problems;
  GPtrArray *patients;  /* LimberLibraryPatient, sorted */
} Scan;

static void
scan_free (Scan *scan)
{
  g_ptr_array_unref (scan->entries);
  g_ptr_array_unref (scan->problems);
  g_clear_pointer (&scan->patients, g_ptr_array_unref);
  g_free (scan);
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value = node ? xmlGetNoNsProp (node, (const xmlChar *) name) : NULL;
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* The title in the handout's language: the one without xml:lang, or the
 * root's language. */
static xmlNode *
main_title (xmlNode *root)
{
  const char *lang = limber_xml_get_lang (root);
  xmlNode *first = NULL;

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    if (limber_xml_is (node, "title"))
      {
        const char *own = limber_xml_get_lang (node);

        if (own == NULL || g_strcmp0 (own, lang) == 0)
          return node;
        first = first ? first : node;
      }
  return first;
}

static LimberLibraryEntry *
read_entry (GFile     *file,
            gint64     modified,
            GPtrArray *problems)
{
  g_autofree char *display = limber_xml_display_name (file);
  g_autofree char *title = NULL, *created = NULL, *name = NULL, *id = NULL;
  LimberXmlKind kind = LIMBER_XML_KIND_PROGRAM;
  xmlNode *root, *patient;
  xmlDoc *doc;

  doc = limber_xml_read_file (file, display, &kind, problems, NULL);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  patient = limber_xml_find_child (root, "patient");
  name = attr (patient, "name");
  id = attr (patient, "id");
  if (main_title (root) != NULL)
    title = limber_xml_get_text (main_title (root));
  if (limber_xml_find_child (root, "created") != NULL)
    created = limber_xml_get_text (limber_xml_find_child (root, "created"));
  xmlFreeDoc (doc);
  return limber_library_entry_new (file, name, id, created, title, modified);
}

static gboolean
is_program_name (const char *name)
{
  return name[0] != '.' && g_str_has_suffix (name, ".limber");
}

static void
scan_folder (GFile        *folder,
             guint         depth,
             Scan         *scan,
             GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (children == NULL)
    {
      /* A library not made yet is empty, not broken. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
          && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *display = limber_xml_display_name (folder);
          limber_problem_list_add (scan->problems, display, 0, _("the folder cannot be read: %s"),
                                   error->message);
        }
      return;
    }
  while (g_file_enumerator_iterate (children, &info, &child, cancellable, NULL) && info != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_file_info_get_is_hidden (info))
        continue;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY && depth < MAX_DEPTH)
        scan_folder (child, depth + 1, scan, cancellable);
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && is_program_name (name))
        {
          gint64 modified = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
          LimberLibraryEntry *entry = read_entry (child, modified, scan->problems);

          if (entry != NULL)
            g_ptr_array_add (scan->entries, entry);
        }
    }
}

static int
compare_patients (gconstpointer a,
                  gconstpointer b)
{
  return limber_library_patient_compare (*(gpointer *) a, *(gpointer *) b);
}

/* Groups the programs by patient, the patient seen last first. */
static GPtrArray *
group (GPtrArray *entries)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GPtrArray *patients = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < entries->len; i++)
    {
      char *key = limber_library_entry_dup_patient_key (g_ptr_array_index (entries, i));
      GPtrArray *list = g_hash_table_lookup (by_key, key);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_key, key, list);
          g_ptr_array_add (keys, key);
        }
      else
        g_free (key);
      g_ptr_array_add (list, g_ptr_array_index (entries, i));
    }
  for (guint i = 0; i < keys->len; i++)
    g_ptr_array_add (patients, limber_library_patient_new (g_hash_table_lookup (by_key, keys->pdata[i])));
  g_ptr_array_sort (patients, compare_patients);
  return patients;
}

static void
scan_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *folder = task_data;
  Scan *scan = g_new0 (Scan, 1);

  scan->entries = g_ptr_array_new_with_free_func (g_object_unref);
  scan->problems = limber_problem_list_new ();
  scan_folder (folder, 0, scan, cancellable);
  scan->patients = group (scan->entries);
  g_task_return_pointer (task, scan, (GDestroyNotify) scan_free);
}

static char **
query_words (const char *query)
{
  g_autoptr(GString) folded = g_string_new (NULL);

  limber_fold_append (folded, query ? query : "");
  return g_strsplit_set (g_strstrip (folded->str), " \n", -1);
}

/* The model shows the patients with a program the query matches. */
static void
refilter (LimberLibrary *self)
{
  g_auto(GStrv) raw = query_words (self->query);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  guint removed = self->shown->len;

  for (guint i = 0; raw[i] != NULL; i++)
    if (*raw[i] != '\0')
      g_ptr_array_add (words, raw[i]);
  g_ptr_array_add (words, NULL);

  g_ptr_array_set_size (self->shown, 0);
  for (guint i = 0; i < self->patients->len; i++)
    {
      LimberLibraryPatient *patient = g_ptr_array_index (self->patients, i);

      if (limber_library_patient_filter (patient, (const char *const *) words->pdata))
        g_ptr_array_add (self->shown, g_object_ref (patient));
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->shown->len);
}

static void
on_scanned (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LimberLibrary) self = user_data;
  g_autoptr(GError) error = NULL;
  Scan *scan = g_task_propagate_pointer (G_TASK (result), &error);

  if (scan == NULL)
    return;   /* cancelled: a newer read is under way, or the library went */
  g_clear_object (&self->loading);
  g_ptr_array_unref (self->patients);
  self->patients = g_steal_pointer (&scan->patients);
  g_ptr_array_set_size (self->problems, 0);
  limber_problem_list_append (self->problems, scan->problems);
  self->n_programs = scan->entries->len;
  scan_free (scan);
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROGRAMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * limber_library_reload:
 *
 * Reads the folder again in the background; "loading" is %TRUE until
 * the list changes.  A read under way is dropped for this one.
 */
void
limber_library_reload (LimberLibrary *self)
{
  g_autoptr(GTask) task = NULL;
  gboolean was_loading;

  g_return_if_fail (LIMBER_IS_LIBRARY (self));

  if (self->folder == NULL)
    return;
  was_loading = self->loading != NULL;
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  task = g_task_new (NULL, self->loading, on_scanned, g_object_ref (self));
  g_task_set_source_tag (task, limber_library_reload);
  g_task_set_task_data (task, g_object_ref (self->folder), g_object_unref);
  g_task_run_in_thread (task, scan_in_thread);
  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Returns: (transfer none) (nullable): the folder listed */
GFile *
limber_library_get_folder (LimberLibrary *self)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY (self), NULL);
  return self->folder;
}

static gboolean
reload_after_change (gpointer user_data)
{
  LimberLibrary *self = user_data;

  self->changed_id = 0;
  limber_library_reload (self);
  return G_SOURCE_REMOVE;
}

/* A colleague saved into the shared folder, or a file manager moved a
 * program: read again once the changes settle (a save is several). */
static void
on_folder_changed (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other,
                   GFileMonitorEvent  event,
                   LimberLibrary     *self)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGED || event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;   /* the done-hint follows, or nothing listed changed */
  g_clear_handle_id (&self->changed_id, g_source_remove);
  self->changed_id = g_timeout_add (RELOAD_DELAY_MS, reload_after_change, self);
}

/* Lists @folder, read in the background (limber_library_reload()), and
 * reads it again when files come and go in it. */
void
limber_library_set_folder (LimberLibrary *self,
                           GFile         *folder)
{
  g_return_if_fail (LIMBER_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (folder));

  if (self->folder != NULL && g_file_equal (self->folder, folder))
    return;
  g_set_object (&self->folder, folder);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  /* Not every location can be watched (some network shares): those are
   * read again when the start page shows. */
  self->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_folder_changed), self);
  limber_library_reload (self);
}

gboolean
limber_library_get_loading (LimberLibrary *self)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY (self), FALSE);
  return self->loading != NULL;
}

/* The number of programs read, whatever the query. */
guint
limber_library_get_n_programs (LimberLibrary *self)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY (self), 0);
  return self->n_programs;
}

/**
 * limber_library_get_problems:
 *
 * Returns: (transfer none) (element-type LimberProblem): the files that
 *   could not be read at the last reading
 */
GPtrArray *
limber_library_get_problems (LimberLibrary *self)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY (self), NULL);
  return self->problems;
}

const char *
limber_library_get_query (LimberLibrary *self)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY (self), NULL);
  return self->query ? self->query : "";
}

/**
 * limber_library_set_query:
 * @query: words of a patient's name, id or a program's title, in any
 *   case, with or without accents
 *
 * Lists only the programs that match every word, under their patients.
 */
void
limber_library_set_query (LimberLibrary *self,
                          const char    *query)
{
  g_return_if_fail (LIMBER_IS_LIBRARY (self));

  if (g_strcmp0 (self->query, query) == 0)
    return;
  g_free (self->query);
  self->query = g_strdup (query);
  refilter (self);
}

/**
 * limber_library_unique_file:
 * @name: a file name ending in an extension ("Sam Rivera 2026-11-24.limber")
 *
 * Returns: (transfer full): @name in @folder, or "NAME (2).EXT", "NAME
 *   (3).EXT"… if it is taken, so that nothing is written over
 */
GFile *
limber_library_unique_file (GFile      *folder,
                            const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = g_strndup (name, dot ? (gsize) (dot - name) : strlen (name));
  GFile *file = g_file_get_child (folder, name);

  for (guint n = 2; g_file_query_exists (file, NULL) && n < 1000; n++)
    {
      g_autofree char *next = g_strdup_printf ("%s (%u)%s", stem, n, dot ? dot : "");

      g_object_unref (file);
      file = g_file_get_child (folder, next);
    }
  return file;
}
