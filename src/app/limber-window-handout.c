/* limber-window-handout.c — the window's handout actions: preview, print, PDF
 *
 * All three draw the same pages with the same code (LimberHandout), with
 * the options from the settings; the preview window lets the therapist
 * change them for this handout before printing or exporting.  Before
 * printing or exporting, the therapist is told what the patient would
 * miss: no clinic phone number to call when pain gets worse, or the
 * program's own texts printed in another language than the handout's;
 * they can go on anyway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-window-handout"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-fit.h"
#include "limber-handout-preview.h"
#include "limber-languages.h"
#include "limber-print-operation.h"
#include "limber-toast-guard.h"
#include "limber-visit.h"
#include "limber-window-private.h"

static void
options_from_settings (LimberWindow         *self,
                       LimberHandoutOptions *options)
{
  limber_handout_options_init (options);
  limber_handout_options_load_settings (options, self->settings);
}

static void
print_with (LimberWindow               *self,
            GtkWindow                  *parent,
            LimberProgram              *program,
            const LimberHandoutOptions *options)
{
  g_autoptr(LimberPrintOperation) operation = limber_print_operation_new (program, options);
  g_autoptr(GError) error = NULL;

  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _limber_window_error (self, _("The Handout Was Not Printed"), error->message);
}

typedef struct
{
  LimberWindow        *window;
  LimberProgram       *program;
  LimberHandoutOptions options;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->program);
  limber_handout_options_clear (&job->options);
  g_free (job);
}

/* The toast offers to open what was just written: the therapist often
 * wants to look at it, or to print it from the viewer. */
static void
toast_exported (LimberWindow *self,
                GFile        *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (_("Handout exported as PDF"));

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-export");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  limber_toast_add (self->toasts, toast);
}

/* The window that says when the file is written, and the file. */
typedef struct
{
  LimberWindow *window;
  GFile        *file;
} Exporting;

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Exporting *exporting = user_data;
  LimberWindow *self = exporting->window;
  g_autoptr(GError) error = NULL;

  self->exporting--;
  _limber_window_update_actions (self);
  if (limber_handout_export_pdf_finish (result, &error))
    toast_exported (self, exporting->file);
  else
    _limber_window_error (self, _("The Handout Was Not Exported"), error->message);
  g_object_unref (exporting->window);
  g_object_unref (exporting->file);
  g_free (exporting);
}

static void
on_export_opened (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LimberWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    _limber_window_error (self, _("The Handout Cannot Be Opened"), error->message);
}

/* GTK 4.8 has no GtkFileLauncher: the desktop's default for PDF opens it. */
static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));
  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL), context, NULL,
                                           on_export_opened, g_object_ref (widget));
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    ExportJob       *job)
{
  LimberWindow *self = job->window;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      /* Written as chosen, with nothing added: in a sandbox the portal
       * grants this one file (the dialog offered a name ending in .pdf). */
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      Exporting *exporting;

      /* Written in the background; the window says when it is done. */
      self->exporting++;
      _limber_window_update_actions (self);
      _limber_window_toast (self, _("Exporting the handout…"));
      exporting = g_new0 (Exporting, 1);
      exporting->window = g_object_ref (self);
      exporting->file = g_object_ref (file);
      limber_handout_export_pdf_async (job->program, &job->options, file, NULL, on_exported, exporting);
    }
  g_object_set_data (G_OBJECT (chooser), "job", NULL);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_with (LimberWindow               *self,
             GtkWindow                  *parent,
             LimberProgram              *program,
             const LimberHandoutOptions *options)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  /* "Sam Rivera 2026-11-24.pdf", beside the program of that name. */
  g_autofree char *name = limber_visit_file_name (program, "pdf");
  ExportJob *job = g_new0 (ExportJob, 1);

  job->window = self;
  job->program = g_object_ref (program);
  limber_handout_options_copy (&job->options, options);

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  chooser = gtk_file_chooser_native_new (_("Export Handout"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (limber_program_get_file (program) != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (limber_program_get_file (program));
      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "job", job, export_job_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------ */
/* Checks before the patient gets the handout                          */

typedef struct
{
  LimberWindow        *window;
  GtkWindow           *parent;
  LimberProgram       *program;
  LimberHandoutOptions options;
  gboolean             export;
} PendingJob;

static void
pending_job_free (gpointer data)
{
  PendingJob *job = data;

  g_clear_object (&job->window);
  g_clear_object (&job->parent);
  g_clear_object (&job->program);
  limber_handout_options_clear (&job->options);
  g_free (job);
}

/* What the patient would miss, as paragraphs for the dialog; NULL for
 * nothing. */
static char *
handout_problems (LimberProgram              *program,
                  const LimberHandoutOptions *options)
{
  g_autoptr(GString) body = g_string_new (NULL);
  LimberHandoutBorrowed borrowed = limber_handout_find_borrowed (program, options);

  if (options->clinic_phone == NULL || *options->clinic_phone == '\0')
    g_string_append (body, _("No clinic phone number is set, so the handout cannot tell the patient whom to call "
                             "when pain gets worse. Add it in Preferences."));
  if (borrowed != LIMBER_HANDOUT_BORROWED_NONE)
    {
      const char *lang = options->language != NULL && *options->language ? options->language
                         : limber_program_get_language (program);
      g_autoptr(GPtrArray) what = g_ptr_array_new ();
      g_autofree char *list = NULL;

      if (borrowed & LIMBER_HANDOUT_BORROWED_TITLE)
        g_ptr_array_add (what, (gpointer) _("the title"));
      if (borrowed & LIMBER_HANDOUT_BORROWED_NOTES)
        g_ptr_array_add (what, (gpointer) _("the advice"));
      if (borrowed & LIMBER_HANDOUT_BORROWED_ITEM_NOTES)
        g_ptr_array_add (what, (gpointer) _("the notes on stretches"));
      g_ptr_array_add (what, NULL);
      list = g_strjoinv (", ", (char **) what->pdata);
      if (body->len > 0)
        g_string_append (body, "\n\n");
      /* Translators: the first %s is a language ("Spanish"), the second a
       * list such as "the title, the advice". */
      g_string_append_printf (body, _("The handout is in %s, but %s of this program are not written in it: "
                                      "they will be printed as they are."),
                              limber_languages_name (lang), list);
    }
  return body->len > 0 ? g_strdup (body->str) : NULL;
}

static void
on_check_response (AdwMessageDialog *dialog,
                   const char       *response,
                   PendingJob       *job)
{
  if (g_strcmp0 (response, "continue") != 0)
    return;
  if (job->export)
    export_with (job->window, job->parent, job->program, &job->options);
  else
    print_with (job->window, job->parent, job->program, &job->options);
}

/* Prints or exports, after saying what the patient would miss if
 * anything; the therapist may go on anyway. */
static void
check_then (LimberWindow               *self,
            GtkWindow                  *parent,
            LimberProgram              *program,
            const LimberHandoutOptions *options,
            gboolean                    export)
{
  g_autofree char *problems = handout_problems (program, options);
  GtkWidget *dialog;
  PendingJob *job;

  if (problems == NULL)
    {
      if (export)
        export_with (self, parent, program, options);
      else
        print_with (self, parent, program, options);
      return;
    }

  job = g_new0 (PendingJob, 1);
  job->window = g_object_ref (self);
  job->parent = g_object_ref (parent);
  job->program = g_object_ref (program);
  job->export = export;
  limber_handout_options_copy (&job->options, options);

  dialog = adw_message_dialog_new (parent, _("Check the Handout First"), problems);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "continue", export ? _("_Export Anyway") : _("_Print Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "job", job, pending_job_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_check_response), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_auto(LimberHandoutOptions) options = { 0 };

  if (self->program == NULL)
    return;
  options_from_settings (self, &options);
  check_then (self, GTK_WINDOW (self), self->program, &options, FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_auto(LimberHandoutOptions) options = { 0 };

  if (self->program == NULL)
    return;
  options_from_settings (self, &options);
  check_then (self, GTK_WINDOW (self), self->program, &options, TRUE);
}

static void
on_preview_print (GtkButton *button,
                  gpointer   user_data)
{
  LimberHandoutPreview *preview = user_data;
  GtkWindow *preview_window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (preview)));
  LimberWindow *self = LIMBER_WINDOW (gtk_window_get_transient_for (preview_window));

  check_then (self, preview_window, limber_handout_preview_get_program (preview),
              limber_handout_preview_get_options (preview), FALSE);
}

static void
on_preview_export (GtkButton *button,
                   gpointer   user_data)
{
  LimberHandoutPreview *preview = user_data;
  GtkWindow *preview_window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (preview)));
  LimberWindow *self = LIMBER_WINDOW (gtk_window_get_transient_for (preview_window));

  check_then (self, preview_window, limber_handout_preview_get_program (preview),
              limber_handout_preview_get_options (preview), TRUE);
}

static GtkWidget *
header_button (const char *label,
               const char *icon_name,
               const char *description,
               gboolean    suggested,
               GCallback   clicked,
               GtkWidget  *preview)
{
  GtkWidget *button = label != NULL ? gtk_button_new_with_mnemonic (label)
                                    : gtk_button_new_from_icon_name (icon_name);

  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  if (label == NULL)
    {
      gtk_widget_set_tooltip_text (button, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
    }
  g_signal_connect (button, "clicked", clicked, preview);
  return button;
}

/* Print and Export in words, or as icons where the words do not fit
 * (a phone's width, a long translation, a title bar with three window
 * buttons). */
static GtkWidget *
preview_header_buttons (GtkWidget *preview)
{
  GtkWidget *squeezer = adw_squeezer_new ();
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (words), header_button (_("_Print…"), NULL, NULL, FALSE,
                                                  G_CALLBACK (on_preview_print), preview));
  gtk_box_append (GTK_BOX (words), header_button (_("_Export PDF…"), NULL, NULL, TRUE,
                                                  G_CALLBACK (on_preview_export), preview));
  gtk_box_append (GTK_BOX (icons), header_button (NULL, "printer-symbolic", _("Print the handout"), FALSE,
                                                  G_CALLBACK (on_preview_print), preview));
  gtk_box_append (GTK_BOX (icons), header_button (NULL, "x-office-document-symbolic",
                                                  _("Export the handout as PDF"), TRUE,
                                                  G_CALLBACK (on_preview_export), preview));
  gtk_widget_set_name (words, "preview-words");
  gtk_widget_set_name (icons, "preview-icons");
  adw_squeezer_add (ADW_SQUEEZER (squeezer), words);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), icons);
  return squeezer;
}

/* The handout as the patient will get it, page by page. */
static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  GtkWidget *window, *box, *header, *preview;
  GtkEventController *keys;

  if (self->program == NULL)
    return;

  window = adw_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  preview = limber_handout_preview_new ();

  limber_handout_preview_set_program (LIMBER_HANDOUT_PREVIEW (preview), self->program);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), preview_header_buttons (preview));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Handout"), NULL));
  gtk_widget_set_vexpand (preview, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), preview);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), _("Handout"));
  limber_fit_default_size (GTK_WINDOW (window), GTK_WINDOW (self), 900, 900);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);

  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, keys);
  gtk_window_present (GTK_WINDOW (window));
}

void
_limber_window_class_add_handout_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);
  gtk_widget_class_install_action (widget_class, "win.preview", NULL, preview_action);
}
