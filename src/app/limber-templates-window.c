/* limber-templates-window.c — the user's program templates: rename, delete
 *
 * Templates are the .limber files in $XDG_DATA_HOME/limber/templates/,
 * named after the file ("Hips week 1.limber" is "Hips week 1").  Each is
 * an entry row: a new name is applied with Enter or the row's apply
 * button, and renames the file (never over another template).  Delete
 * keeps the file's bytes, so the toast's Undo writes it back as it
 * was.  "changed" says the list of templates changed, for the New menus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-templates-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "limber-paths.h"
#include "limber-templates-window.h"
#include "limber-toast-guard.h"

#define SUFFIX ".limber"

typedef struct
{
  char   *name;
  GBytes *bytes;
} Deleted;

struct _LimberTemplatesWindow
{
  AdwPreferencesWindow  parent_instance;

  GPtrArray            *rows;     /* the group's rows, to remove on reload */
  GPtrArray            *deleted;  /* Deleted, the last one last, for Undo */

  /* Template widgets */
  AdwPreferencesGroup  *group;
  GtkWidget            *empty_label;
};

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LimberTemplatesWindow, limber_templates_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  g_free (deleted->name);
  g_bytes_unref (deleted->bytes);
  g_free (deleted);
}

/**
 * limber_template_file_name:
 * @name: a template's name, as the user typed it
 *
 * The file name a template of that name is kept in: the name, without
 * the characters a file name cannot hold, and ".limber"; %NULL for a
 * name with nothing left.
 */
char *
limber_template_file_name (const char *name)
{
  g_autofree char *slug = g_strstrip (g_strdup (name != NULL ? name : ""));

  g_strdelimit (slug, "/\\:", '-');
  if (*slug == '\0' || *slug == '.')
    return NULL;
  return g_strconcat (slug, SUFFIX, NULL);
}

static GFile *
template_file (const char *name)
{
  g_autoptr(GFile) dir = limber_paths_templates ();
  g_autofree char *file_name = limber_template_file_name (name);

  return file_name != NULL ? g_file_get_child (dir, file_name) : NULL;
}

static void
toast (LimberTemplatesWindow *self,
       AdwToast              *toast)
{
  limber_toast_add_to_preferences (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
toast_text (LimberTemplatesWindow *self,
            const char            *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  toast (self, adw_toast_new (escaped));
}

static void
changed (LimberTemplatesWindow *self)
{
  limber_templates_window_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Renames the file; the row keeps the old name if it cannot. */
static void
on_apply (AdwEntryRow           *row,
          LimberTemplatesWindow *self)
{
  const char *old_name = g_object_get_data (G_OBJECT (row), "template-name");
  const char *new_name = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GFile) from = template_file (old_name);
  g_autoptr(GFile) to = template_file (new_name);
  g_autoptr(GError) error = NULL;

  if (to == NULL)
    {
      toast_text (self, _("A template needs a name"));
      gtk_editable_set_text (GTK_EDITABLE (row), old_name);
      return;
    }
  if (g_file_equal (from, to))
    return;
  /* Never over another template: G_FILE_COPY_NONE refuses to. */
  if (!g_file_move (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    {
      g_autofree char *message = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS)
        ? g_strdup_printf (_("There is already a template named “%s”"), new_name)
        : g_strdup_printf (_("“%s” was not renamed: %s"), old_name, error->message);

      toast_text (self, message);
      gtk_editable_set_text (GTK_EDITABLE (row), old_name);
      return;
    }
  changed (self);
}

static void
on_delete_clicked (GtkButton             *button,
                   LimberTemplatesWindow *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "template-name");
  g_autoptr(GFile) file = template_file (name);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *undo;
  Deleted *deleted;
  char *data;
  gsize length;

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error) || !g_file_delete (file, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” was not deleted: %s"), name, error->message);

      toast_text (self, message);
      return;
    }
  deleted = g_new0 (Deleted, 1);
  deleted->name = g_strdup (name);
  deleted->bytes = g_bytes_new_take (data, length);
  g_ptr_array_add (self->deleted, deleted);

  title = g_strdup_printf (_("Template “%s” deleted"), name);
  escaped = g_markup_escape_text (title, -1);
  undo = adw_toast_new (escaped);
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_action_name (undo, "templates.undo");
  toast (self, undo);
  changed (self);
}

/* Writes the last template deleted back, byte for byte. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberTemplatesWindow *self = LIMBER_TEMPLATES_WINDOW (widget);
  g_autoptr(GFile) dir = limber_paths_templates ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  Deleted *deleted;
  gsize length;
  const char *data;

  if (self->deleted->len == 0)
    return;
  deleted = g_ptr_array_steal_index (self->deleted, self->deleted->len - 1);
  file = template_file (deleted->name);
  path = g_file_get_path (file);
  data = g_bytes_get_data (deleted->bytes, &length);
  /* Never over a template made since with the same name. */
  if (g_file_query_exists (file, NULL))
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("another template has its name now"));
  else
    {
      g_file_make_directory_with_parents (dir, NULL, NULL);
      g_file_set_contents_full (path, data, length,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0644, &error);
    }
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” was not brought back: %s"), deleted->name,
                                                  error->message);

      toast_text (self, message);
    }
  deleted_free (deleted);
  changed (self);
}

static GtkWidget *
create_row (LimberTemplatesWindow *self,
            const char            *name)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *label = g_strdup_printf (_("Delete the template “%s”"), name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Name"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), name);
  g_object_set_data_full (G_OBJECT (row), "template-name", g_strdup (name), g_free);
  g_signal_connect (row, "apply", G_CALLBACK (on_apply), self);

  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (delete), "template-name", g_strdup (name), g_free);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_clicked), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), delete);
  return row;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* The template names in the folder, sorted. */
static GPtrArray *
list_names (void)
{
  g_autoptr(GFile) dir = limber_paths_templates ();
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *file_name = g_file_info_get_name (info);

      if (g_str_has_suffix (file_name, SUFFIX) && file_name[0] != '.')
        g_ptr_array_add (names, g_strndup (file_name, strlen (file_name) - strlen (SUFFIX)));
      g_object_unref (info);
    }
  g_ptr_array_sort (names, compare_names);
  return names;
}

/**
 * limber_templates_window_reload:
 *
 * Lists the templates in the folder again.
 */
void
limber_templates_window_reload (LimberTemplatesWindow *self)
{
  g_autoptr(GPtrArray) names = list_names ();

  g_return_if_fail (LIMBER_IS_TEMPLATES_WINDOW (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < names->len; i++)
    {
      GtkWidget *row = create_row (self, g_ptr_array_index (names, i));

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (self->empty_label, names->len == 0);
}

GtkWindow *
limber_templates_window_new (GtkWindow *parent)
{
  return g_object_new (LIMBER_TYPE_TEMPLATES_WINDOW, "transient-for", parent, NULL);
}

static void
limber_templates_window_dispose (GObject *object)
{
  LimberTemplatesWindow *self = LIMBER_TEMPLATES_WINDOW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->deleted, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_TEMPLATES_WINDOW);
  G_OBJECT_CLASS (limber_templates_window_parent_class)->dispose (object);
}

static void
limber_templates_window_class_init (LimberTemplatesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_templates_window_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/limber/Limber/limber-templates-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberTemplatesWindow, group);
  gtk_widget_class_bind_template_child (widget_class, LimberTemplatesWindow, empty_label);
  gtk_widget_class_install_action (widget_class, "templates.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "templates.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
limber_templates_window_init (LimberTemplatesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->deleted = g_ptr_array_new_with_free_func (deleted_free);
  limber_templates_window_reload (self);
}
