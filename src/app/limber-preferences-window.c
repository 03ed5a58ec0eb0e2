/* limber-preferences-window.c — the clinic, the therapist, printing, catalog folders
 *
 * Every row is bound to a key of io.github.limber.Limber and takes
 * effect at once: the next handout, preview or print reads the
 * settings again.  The logo is copied into Limber's own folder
 * (limber-clinic-logo.c) when it is chosen, so that it stays in the
 * handouts when the original moves; a picture that cannot be read is
 * refused with the reason, and the logo stays what it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-clinic-logo.h"
#include "limber-library-folder-row.h"
#include "limber-preferences-window.h"
#include "limber-toast-guard.h"

struct _LimberPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  AdwEntryRow          *clinic_name_row;
  AdwEntryRow          *clinic_address_row;
  AdwEntryRow          *clinic_phone_row;
  AdwActionRow         *logo_row;
  GtkDrawingArea       *logo_preview;
  AdwEntryRow          *therapist_name_row;
  AdwComboRow          *layout_row;
  AdwComboRow          *paper_row;
  AdwComboRow          *days_row;
  GtkListBox           *folders_list;
};

G_DEFINE_FINAL_TYPE (LimberPreferencesWindow, limber_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* ------------------------------------------------------------------ */
/* Drop-down rows and the settings' enums                             */

/* The rows list the enums' nicks in the schema's order. */
static const char * const layout_nicks[] = { "large", "standard", "compact", NULL };
static const char * const paper_nicks[] = { "a4", "letter", NULL };

static gboolean
nick_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  nicks)
{
  const char *nick = g_variant_get_string (variant, NULL);
  const char * const *names = nicks;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_nick (const GValue       *value,
                  const GVariantType *type,
                  gpointer            nicks)
{
  const char * const *names = nicks;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) names))
    return NULL;
  return g_variant_new_string (names[selected]);
}

/* handout-days is 7 or 14: one week or two. */
static gboolean
days_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  unused)
{
  g_value_set_uint (value, g_variant_get_int32 (variant) > 7 ? 1 : 0);
  return TRUE;
}

static GVariant *
selected_to_days (const GValue       *value,
                  const GVariantType *type,
                  gpointer            unused)
{
  return g_variant_new_int32 (g_value_get_uint (value) == 1 ? 14 : 7);
}

/* ------------------------------------------------------------------ */
/* The logo                                                           */

static void
draw_logo (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  LimberPreferencesWindow *self = user_data;
  g_autofree char *path = g_settings_get_string (self->settings, "clinic-logo");
  const double dash[] = { 4, 3 };

  if (limber_clinic_logo_draw (path, cr, width, height))
    return;
  /* No logo (or one that cannot be read): an empty frame where it goes. */
  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.6);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  cairo_stroke (cr);
}

static void
update_logo (LimberPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "clinic-logo");
  gboolean has = *path != '\0';

  adw_action_row_set_subtitle (self->logo_row, has ? _("Printed on page 1 of every handout") : _("None"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->logo_preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  has ? _("The clinic’s logo") : _("No logo"), -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->logo_preview));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.remove-logo", has);
}

static void
show_error (LimberPreferencesWindow *self,
            const char              *heading,
            const char              *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * limber_preferences_window_set_logo:
 * @file: the picture the therapist chose
 *
 * Copies @file as the clinic's logo and points the settings at the
 * copy; a picture that is refused is explained in a dialog.
 *
 * Returns: %TRUE if the logo is now @file's picture
 */
gboolean
limber_preferences_window_set_logo (LimberPreferencesWindow *self,
                                    GFile                   *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (LIMBER_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!limber_clinic_logo_import (file, &error))
    {
      show_error (self, _("The Logo Was Not Changed"), error->message);
      return FALSE;
    }
  copy = limber_clinic_logo_file ();
  path = g_file_get_path (copy);
  g_settings_set_string (self->settings, "clinic-logo", path);
  update_logo (self);
  limber_toast_add_to_preferences (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Logo changed")));
  return TRUE;
}

static void
on_logo_chosen (GtkNativeDialog         *chooser,
                int                      response,
                LimberPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      limber_preferences_window_set_logo (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Pictures (PNG, JPEG, SVG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose the Clinic’s Logo"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_logo_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
remove_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (widget);
  g_autoptr(GFile) copy = limber_clinic_logo_file ();
  g_autofree char *copy_path = g_file_get_path (copy);
  g_autofree char *path = g_settings_get_string (self->settings, "clinic-logo");
  g_autoptr(GError) error = NULL;

  /* Only Limber's own copy is deleted, never a file of the user's that
   * an older setting points to. */
  if (g_strcmp0 (path, copy_path) == 0 && !limber_clinic_logo_remove (&error))
    {
      show_error (self, _("The Logo Was Not Removed"), error->message);
      return;
    }
  g_settings_set_string (self->settings, "clinic-logo", "");
  update_logo (self);
}

/* ------------------------------------------------------------------ */
/* Catalog folders                                                    */

static void fill_folders (LimberPreferencesWindow *self);

static void
on_remove_folder (GtkButton               *button,
                  LimberPreferencesWindow *self)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "uri");
  g_auto(GStrv) folders = g_settings_get_strv (self->settings, "catalog-folders");
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; folders[i] != NULL; i++)
    if (g_strcmp0 (folders[i], uri) != 0)
      g_strv_builder_add (kept, folders[i]);
  result = g_strv_builder_end (kept);
  g_settings_set_strv (self->settings, "catalog-folders", (const char * const *) result);
  fill_folders (self);
}

static void
fill_folders (LimberPreferencesWindow *self)
{
  g_auto(GStrv) folders = g_settings_get_strv (self->settings, "catalog-folders");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->folders_list))) != NULL)
    gtk_list_box_remove (self->folders_list, child);

  if (folders[0] == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("None: only Limber’s own stretches and yours"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->folders_list, row);
      return;
    }
  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autoptr(GFile) folder = g_file_new_for_commandline_arg (folders[i]);
      g_autofree char *name = g_file_get_parse_name (folder);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Stop Reading This Folder"));
      g_object_set_data_full (G_OBJECT (remove), "uri", g_strdup (folders[i]), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_folder), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->folders_list, row);
    }
}

/**
 * limber_preferences_window_add_folder:
 *
 * Adds @folder to the catalog folders read at start-up (once).
 */
void
limber_preferences_window_add_folder (LimberPreferencesWindow *self,
                                      GFile                   *folder)
{
  g_auto(GStrv) folders = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *uri = NULL;
  g_auto(GStrv) result = NULL;

  g_return_if_fail (LIMBER_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  uri = g_file_get_uri (folder);
  folders = g_settings_get_strv (self->settings, "catalog-folders");
  if (g_strv_contains ((const char * const *) folders, uri))
    return;
  g_strv_builder_addv (builder, (const char **) folders);
  g_strv_builder_add (builder, uri);
  result = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "catalog-folders", (const char * const *) result);
  fill_folders (self);
  limber_toast_add_to_preferences (ADW_PREFERENCES_WINDOW (self),
                                   adw_toast_new (_("Limber reads the new folder when it starts next")));
}

static void
on_folder_chosen (GtkNativeDialog         *chooser,
                  int                      response,
                  LimberPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      limber_preferences_window_add_folder (self, folder);
    }
  g_clear_object (&self->chooser);
}

static void
add_folder_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (widget);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Add a Catalog Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Add"), _("_Cancel"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_folder_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------------------ */
/* Drag and drop                                                      */

/* A picture dropped on the logo row is the logo; a folder dropped on
 * the folders' list is read at the next start. */
static gboolean
on_drop_logo (GtkDropTarget           *target,
              const GValue            *value,
              double                   x,
              double                   y,
              LimberPreferencesWindow *self)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  gboolean taken = files != NULL && limber_preferences_window_set_logo (self, files->data);

  g_slist_free (files);
  return taken;
}

static gboolean
on_drop_folders (GtkDropTarget           *target,
                 const GValue            *value,
                 double                   x,
                 double                   y,
                 LimberPreferencesWindow *self)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  gboolean taken = FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    if (g_file_query_file_type (l->data, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
      {
        limber_preferences_window_add_folder (self, l->data);
        taken = TRUE;
      }
  g_slist_free (files);
  return taken;
}

static void
add_drop_targets (LimberPreferencesWindow *self)
{
  GtkDropTarget *logo = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  GtkDropTarget *folders = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (logo, "drop", G_CALLBACK (on_drop_logo), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->logo_row), GTK_EVENT_CONTROLLER (logo));
  g_signal_connect_object (folders, "drop", G_CALLBACK (on_drop_folders), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->folders_list), GTK_EVENT_CONTROLLER (folders));
}

/* ------------------------------------------------------------------ */

static void
bind_settings (LimberPreferencesWindow *self)
{
  g_settings_bind (self->settings, "clinic-name", self->clinic_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "clinic-address", self->clinic_address_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "clinic-phone", self->clinic_phone_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "therapist-name", self->therapist_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "handout-layout", self->layout_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_selected, selected_to_nick,
                                (gpointer) layout_nicks, NULL);
  g_settings_bind_with_mapping (self->settings, "paper-size", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_selected, selected_to_nick,
                                (gpointer) paper_nicks, NULL);
  g_settings_bind_with_mapping (self->settings, "handout-days", self->days_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, days_to_selected, selected_to_days, NULL, NULL);
  gtk_drawing_area_set_draw_func (self->logo_preview, draw_logo, self, NULL);
  g_signal_connect_object (self->settings, "changed::clinic-logo", G_CALLBACK (update_logo), self,
                           G_CONNECT_SWAPPED);
  update_logo (self);
  fill_folders (self);
  add_drop_targets (self);
}

/**
 * limber_preferences_window_new:
 * @settings: the application's settings
 */
GtkWindow *
limber_preferences_window_new (GtkWindow *parent,
                               GSettings *settings)
{
  LimberPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LIMBER_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  bind_settings (self);
  return GTK_WINDOW (self);
}

static void
limber_preferences_window_dispose (GObject *object)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (limber_preferences_window_parent_class)->dispose (object);
}

static void
limber_preferences_window_finalize (GObject *object)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (limber_preferences_window_parent_class)->finalize (object);
}

static void
limber_preferences_window_class_init (LimberPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_preferences_window_dispose;
  object_class->finalize = limber_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/limber/Limber/limber-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, clinic_name_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, clinic_address_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, clinic_phone_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, logo_preview);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, therapist_name_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, layout_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, days_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, folders_list);

  g_type_ensure (LIMBER_TYPE_LIBRARY_FOLDER_ROW);
  gtk_widget_class_install_action (widget_class, "prefs.choose-logo", NULL, choose_logo_action);
  gtk_widget_class_install_action (widget_class, "prefs.remove-logo", NULL, remove_logo_action);
  gtk_widget_class_install_action (widget_class, "prefs.add-folder", NULL, add_folder_action);
}

/* The first search entry at or under @widget, or NULL. */
static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
limber_preferences_window_init (LimberPreferencesWindow *self)
{
  GtkWidget *search;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* AdwPreferencesWindow's own search entry (hidden here, search being
   * off) has no name of its own: a screen reader would say "entry". */
  search = find_search_entry (GTK_WIDGET (self));
  if (search != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Search the preferences"), -1);
}
