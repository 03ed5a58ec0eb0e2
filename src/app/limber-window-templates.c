/* limber-window-templates.c — saving the program as a template, named,
 * and the Manage Templates window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-window-templates"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-paths.h"
#include "limber-templates-window.h"
#include "limber-window-private.h"

/* Templates keep the stretches and advice, never the patient. */
static void
save_template_named (LimberWindow *self,
                     const char   *name)
{
  g_autoptr(LimberProgram) copy = limber_program_copy_as_template (self->program);
  g_autoptr(GFile) dir = limber_paths_templates ();
  g_autofree char *file_name = limber_template_file_name (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (file_name != NULL);
  file = g_file_get_child (dir, file_name);
  if ((!g_file_make_directory_with_parents (dir, NULL, &error)
       && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS)))
    {
      _limber_window_error (self, _("The Template Was Not Saved"), error->message);
      return;
    }
  g_clear_error (&error);
  if (!limber_program_save (copy, file, &error))
    {
      _limber_window_error (self, _("The Template Was Not Saved"), error->message);
      return;
    }
  _limber_window_toast (self, _("Saved as a template, without patient details"));
  _limber_window_fill_new_menus (self);
}

/* Save waits for a name; a name taken says that saving replaces it. */
static void
on_template_name_changed (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  g_autofree char *file_name = limber_template_file_name (gtk_editable_get_text (entry));
  g_autoptr(GFile) dir = limber_paths_templates ();
  g_autoptr(GFile) file = file_name != NULL ? g_file_get_child (dir, file_name) : NULL;
  gboolean taken = file != NULL && g_file_query_exists (file, NULL);

  adw_message_dialog_set_response_enabled (dialog, "save", file_name != NULL);
  adw_message_dialog_set_response_label (dialog, "save", taken ? _("_Replace") : _("_Save"));
  adw_message_dialog_set_response_appearance (dialog, "save", taken ? ADW_RESPONSE_DESTRUCTIVE
                                                                    : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_body (dialog, taken ? _("A template of this name exists: saving replaces it.")
                                             : _("The stretches and the advice, never the patient."));
}

static void
on_template_name_response (AdwMessageDialog *dialog,
                           const char       *response,
                           LimberWindow     *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *file_name = limber_template_file_name (gtk_editable_get_text (entry));

  if (g_strcmp0 (response, "save") == 0 && self->program != NULL && file_name != NULL)
    save_template_named (self, gtk_editable_get_text (entry));
}

/* Asks for the template's name, the program's title to start with. */
static void
save_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  const char *title = limber_program_get_title (self->program);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save as Template"), NULL);
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of the template"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_template_name_changed), dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), title != NULL && *title != '\0' ? title : _("Template"));
  on_template_name_changed (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_template_name_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
manage_templates_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  GtkWindow *window = limber_templates_window_new (GTK_WINDOW (self));

  g_signal_connect_object (window, "changed", G_CALLBACK (_limber_window_fill_new_menus), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (window);
}

void
_limber_window_class_add_template_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save-template", NULL, save_template_action);
  gtk_widget_class_install_action (widget_class, "win.manage-templates", NULL, manage_templates_action);
}
