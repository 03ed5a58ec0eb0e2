/* limber-library-folder-row.c — the program library's folder, in Preferences
 *
 * A row that shows where programs are saved (the library-folder
 * setting), with a button to choose another folder — any GIO location,
 * so a clinic's shared folder works — and one to go back to the default.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-library-folder-row.h"
#include "limber-library.h"

struct _LimberLibraryFolderRow
{
  AdwActionRow          parent_instance;

  GSettings            *settings;
  GtkFileChooserNative *chooser;
  GtkWidget            *reset;
};

G_DEFINE_FINAL_TYPE (LimberLibraryFolderRow, limber_library_folder_row, ADW_TYPE_ACTION_ROW)

static void
update (LimberLibraryFolderRow *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "library-folder");
  g_autoptr(GFile) folder = limber_library_folder_for (setting);
  g_autofree char *name = g_file_get_parse_name (folder);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), name);
  gtk_widget_set_visible (self->reset, *setting != '\0');
}

/**
 * limber_library_folder_row_set_folder:
 * @folder: (nullable): the new library folder; %NULL for the default
 */
void
limber_library_folder_row_set_folder (LimberLibraryFolderRow *self,
                                      GFile                  *folder)
{
  g_autofree char *uri = folder ? g_file_get_uri (folder) : g_strdup ("");

  g_return_if_fail (LIMBER_IS_LIBRARY_FOLDER_ROW (self));
  g_settings_set_string (self->settings, "library-folder", uri);
}

static void
on_chosen (GtkNativeDialog        *chooser,
           int                     response,
           LimberLibraryFolderRow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      limber_library_folder_row_set_folder (self, folder);
    }
  g_clear_object (&self->chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberLibraryFolderRow *self = LIMBER_LIBRARY_FOLDER_ROW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose the Program Library"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"),
                                               _("_Cancel"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  limber_library_folder_row_set_folder (LIMBER_LIBRARY_FOLDER_ROW (widget), NULL);
}

static GtkWidget *
button (const char *icon,
        const char *tooltip,
        const char *action)
{
  GtkWidget *widget = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (widget, tooltip);
  gtk_widget_add_css_class (widget, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), action);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return widget;
}

static void
limber_library_folder_row_dispose (GObject *object)
{
  LimberLibraryFolderRow *self = LIMBER_LIBRARY_FOLDER_ROW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (limber_library_folder_row_parent_class)->dispose (object);
}

static void
limber_library_folder_row_class_init (LimberLibraryFolderRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = limber_library_folder_row_dispose;
  gtk_widget_class_install_action (widget_class, "library-folder.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "library-folder.reset", NULL, reset_action);
}

static void
limber_library_folder_row_init (LimberLibraryFolderRow *self)
{
  self->settings = g_settings_new (APP_ID);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Programs Folder"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  self->reset = button ("edit-undo-symbolic", _("Back to the Default Folder"), "library-folder.reset");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->reset);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self),
                             button ("folder-open-symbolic", _("Choose Another Folder"), "library-folder.choose"));
  g_signal_connect_object (self->settings, "changed::library-folder", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);
}
