/* limber-window-visits.c — the program library and returning patients
 *
 * The start page lists the program library (a folder from the
 * settings); Save of a new program proposes that folder and a name from
 * the patient and the date; Next Visit and For Another Patient start a
 * new program from the one shown (limber-visit.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-window"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-drafts.h"
#include "limber-visit.h"
#include "limber-window-private.h"

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static GFile *
library_folder (LimberWindow *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "library-folder");

  return limber_library_folder_for (setting);
}

static void
on_library_folder_changed (LimberWindow *self)
{
  g_autoptr(GFile) folder = library_folder (self);

  limber_library_set_folder (limber_library_page_get_library (self->library_page), folder);
}

/* A program chosen on the start page opens as Open opens it. */
static void
on_library_open (LimberWindow *self,
                 GFile        *file)
{
  limber_window_open_file_async (self, file, LIMBER_WINDOW_OPEN_BESIDE_UNSAVED);
}

/* Called once from the window's init: the start page lists the library
 * folder of the settings, and follows them. */
void
_limber_window_watch_library (LimberWindow *self)
{
  g_signal_connect_object (self->settings, "changed::library-folder",
                           G_CALLBACK (on_library_folder_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->library_page, "open", G_CALLBACK (on_library_open), self);
  on_library_folder_changed (self);
}

/**
 * _limber_window_propose_save:
 *
 * What the Save dialog offers: for a program with a file, that file; for
 * a new one, the library folder (made if it is not there yet) and
 * "PATIENT DATE.limber", never a name already taken.
 */
void
_limber_window_propose_save (LimberWindow   *self,
                             GtkFileChooser *chooser)
{
  GFile *file = limber_program_get_file (self->program);
  g_autofree char *name = limber_visit_file_name (self->program, "limber");
  g_autoptr(GFile) folder = file ? g_file_get_parent (file) : library_folder (self);
  g_autoptr(GFile) proposed = NULL;
  g_autofree char *proposed_name = NULL;
  g_autoptr(GError) error = NULL;

  if (file == NULL && !g_file_make_directory_with_parents (folder, NULL, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      /* The dialog then opens where it would; the user picks a folder. */
      g_debug ("The library folder cannot be made: %s", error->message);
      gtk_file_chooser_set_current_name (chooser, name);
      return;
    }
  proposed = file ? g_object_ref (file) : limber_library_unique_file (folder, name);
  proposed_name = g_file_get_basename (proposed);
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
  gtk_file_chooser_set_current_name (chooser, proposed_name);
}

static void
show_copy (LimberWindow  *self,
           LimberProgram *copy,
           const char    *message)
{
  /* Unsaved work shown stays; the copy goes to a window of its own. */
  LimberWindow *window = _limber_window_for_program (self, LIMBER_WINDOW_OPEN_BESIDE_UNSAVED);

  _limber_window_set_program (window, copy);
  _limber_window_toast (window, message);
}

static void
next_visit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_autofree char *date = today ();
  g_autoptr(LimberProgram) copy = NULL;

  if (self->program == NULL)
    return;
  copy = limber_visit_copy_next (self->program, date);
  show_copy (self, copy, _("Next visit: a new program with the same stretches and exams. "
                           "Save it to keep it."));
}

static void
for_another_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_autofree char *date = today ();
  g_autoptr(LimberProgram) copy = NULL;

  if (self->program == NULL)
    return;
  copy = limber_visit_copy_for_another (self->program, date);
  show_copy (self, copy, _("A copy without the patient’s details or exams"));
}

/* Once the program asked about is saved, the start page. */
static void
on_saved_then_library (LimberProgram *program,
                       GParamSpec    *pspec,
                       LimberWindow  *self)
{
  if (limber_program_is_modified (program))
    return;
  g_signal_handlers_disconnect_by_func (program, on_saved_then_library, self);
  if (self->program == program)
    _limber_window_set_program (self, NULL);
}

/* Saved or not, once the Save dialog is answered the program no longer
 * leads to the start page by itself. */
static void
on_leave_chooser_response (GtkNativeDialog *chooser,
                           int              response,
                           LimberWindow    *self)
{
  LimberProgram *program = g_object_get_data (G_OBJECT (chooser), "leaving");

  g_signal_handlers_disconnect_by_func (program, on_saved_then_library, self);
}

static void
on_leave_response (AdwMessageDialog *dialog,
                   const char       *response,
                   LimberWindow     *self)
{
  if (self->program == NULL)
    return;
  if (g_strcmp0 (response, "discard") == 0)
    {
      limber_drafts_delete (self->draft_id);
      _limber_window_set_program (self, NULL);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      /* Saving may ask where first: the page comes once it is saved,
       * not if the dialog is cancelled. */
      LimberProgram *program = self->program;

      g_signal_connect_object (program, "notify::modified", G_CALLBACK (on_saved_then_library), self, 0);
      _limber_window_save (self, FALSE, FALSE);
      if (self->chooser == NULL)
        g_signal_handlers_disconnect_by_func (program, on_saved_then_library, self);
      else
        {
          g_object_set_data_full (G_OBJECT (self->chooser), "leaving", g_object_ref (program), g_object_unref);
          g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_leave_chooser_response),
                                   self, G_CONNECT_AFTER);
        }
    }
}

/* Back to the start page, to find the next patient; unsaved work is
 * asked about first, as when the window closes. */
static void
show_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  const char *title;
  GtkWidget *dialog;

  if (self->program == NULL)
    return;
  if (!limber_program_is_modified (self->program))
    {
      _limber_window_set_program (self, NULL);
      return;
    }
  title = limber_program_get_title (self->program);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has changes that are not saved. Leaving without saving "
                                    "loses them."), title ? title : _("Untitled Program"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "discard", _("_Discard"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_limber_window_class_add_visit_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-library", NULL, show_library_action);
  gtk_widget_class_install_action (widget_class, "win.next-visit", NULL, next_visit_action);
  gtk_widget_class_install_action (widget_class, "win.for-another", NULL, for_another_action);
}
