/* limber-window-send.c — the window's send actions: the handout to the
 * patient, the program file to a colleague
 *
 * Both write a copy to a new temporary folder (the handout as PDF, in
 * the background; the program as a .limber copy: the user's own file is
 * never touched) and hand it to the desktop's e-mail app (LimberMail),
 * with a subject and body in the program's language, the handout's.
 * When there is no e-mail app the window says so and offers to show the
 * file in the file manager, so the therapist can attach it by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-window-send"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-handout.h"
#include "limber-mail.h"
#include "limber-window-private.h"

/* The formats below come from mail_words, our own constant table. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* The message, in the handout's language (not the interface's: the
 * patient reads it).  One row per language; English is the fallback. */
typedef struct
{
  const char *lang;
  const char *patient_subject;
  const char *hello_named;       /* %s: the patient's name */
  const char *hello;
  const char *patient_text;
  const char *call_named;        /* %s: clinic, %s: phone */
  const char *call;              /* %s: phone */
  const char *colleague_subject; /* %s: the program's title */
  const char *colleague_subject_untitled;
  const char *colleague_named;   /* %s: the patient's name */
  const char *colleague_text;
} MailWords;

static const MailWords mail_words[] = {
  { "en", "Your home exercise program", "Hello %s,", "Hello,",
    "Attached is your home exercise program as a PDF file. Open it to see each stretch "
    "and how often to do it.",
    "Questions? Call %s at %s.", "Questions? Call us at %s.",
    "Home exercise program: %s", "A home exercise program",
    "Attached is the home exercise program for %s as a Limber file. Open it in Limber "
    "to see, change or print it.",
    "Attached is a home exercise program as a Limber file. Open it in Limber to see, "
    "change or print it." },
  { "es", "Tu programa de ejercicios en casa", "Hola, %s:", "Hola:",
    "Te enviamos tu programa de ejercicios en casa en un archivo PDF. Ábrelo para ver "
    "cada estiramiento y cada cuánto hacerlo.",
    "¿Preguntas? Llama a %s al %s.", "¿Preguntas? Llámanos al %s.",
    "Programa de ejercicios en casa: %s", "Un programa de ejercicios en casa",
    "Te envío el programa de ejercicios en casa de %s como archivo de Limber. Ábrelo en "
    "Limber para verlo, cambiarlo o imprimirlo.",
    "Te envío un programa de ejercicios en casa como archivo de Limber. Ábrelo en "
    "Limber para verlo, cambiarlo o imprimirlo." },
  { "de", "Ihr Übungsprogramm für zu Hause", "Guten Tag %s,", "Guten Tag,",
    "Im Anhang finden Sie Ihr Übungsprogramm für zu Hause als PDF-Datei. Darin sehen Sie "
    "jede Dehnung und wie oft Sie sie machen.",
    "Fragen? Rufen Sie %s an unter %s.", "Fragen? Rufen Sie uns an unter %s.",
    "Übungsprogramm für zu Hause: %s", "Ein Übungsprogramm für zu Hause",
    "Im Anhang ist das Übungsprogramm für zu Hause für %s als Limber-Datei. Öffnen Sie "
    "es in Limber, um es anzusehen, zu ändern oder zu drucken.",
    "Im Anhang ist ein Übungsprogramm für zu Hause als Limber-Datei. Öffnen Sie es in "
    "Limber, um es anzusehen, zu ändern oder zu drucken." },
  { "fr", "Votre programme d’exercices à la maison", "Bonjour %s,", "Bonjour,",
    "Vous trouverez en pièce jointe votre programme d’exercices à la maison, en PDF. "
    "Ouvrez-le pour voir chaque étirement et combien de fois le faire.",
    "Des questions ? Appelez %s au %s.", "Des questions ? Appelez-nous au %s.",
    "Programme d’exercices à la maison : %s", "Un programme d’exercices à la maison",
    "Voici en pièce jointe le programme d’exercices à la maison de %s, en fichier Limber. "
    "Ouvrez-le dans Limber pour le voir, le modifier ou l’imprimer.",
    "Voici en pièce jointe un programme d’exercices à la maison, en fichier Limber. "
    "Ouvrez-le dans Limber pour le voir, le modifier ou l’imprimer." },
};

static const MailWords *
words_for (LimberProgram *program)
{
  const char *lang = limber_program_get_language (program);

  for (guint i = 0; i < G_N_ELEMENTS (mail_words); i++)
    if (lang != NULL && g_ascii_strncasecmp (lang, mail_words[i].lang, 2) == 0)
      return &mail_words[i];
  return &mail_words[0];
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

typedef struct
{
  LimberWindow  *window;
  LimberProgram *program;
  GFile         *file;
  gboolean       to_patient;
} SendJob;

static void
send_job_free (SendJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->program);
  g_clear_object (&job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SendJob, send_job_free)

/* The lines under the message: whom to call, and who wrote. */
static void
append_signature (SendJob  *job,
                  GString  *body)
{
  const MailWords *words = words_for (job->program);
  g_autofree char *phone = g_settings_get_string (job->window->settings, "clinic-phone");
  g_autofree char *clinic_setting = g_settings_get_string (job->window->settings, "clinic-name");
  const char *clinic = limber_program_get_clinic (job->program);
  const char *therapist = limber_program_get_therapist (job->program);

  if (!has_text (clinic))
    clinic = clinic_setting;
  g_string_append (body, "\n\n");
  if (job->to_patient && has_text (phone) && has_text (clinic))
    g_string_append_printf (body, words->call_named, clinic, phone);
  else if (job->to_patient && has_text (phone))
    g_string_append_printf (body, words->call, phone);
  if (job->to_patient && has_text (phone))
    g_string_append (body, "\n\n");
  if (has_text (therapist))
    g_string_append_printf (body, "%s\n", therapist);
  if (has_text (clinic))
    g_string_append_printf (body, "%s\n", clinic);
}

static char *
compose_body (SendJob *job)
{
  const MailWords *words = words_for (job->program);
  const char *name = limber_program_get_patient_name (job->program);
  GString *body = g_string_new (NULL);

  if (job->to_patient)
    {
      if (has_text (name))
        g_string_append_printf (body, words->hello_named, name);
      else
        g_string_append (body, words->hello);
      g_string_append_printf (body, "\n\n%s", words->patient_text);
    }
  else
    {
      g_string_append_printf (body, "%s\n\n", words->hello);
      if (has_text (name))
        g_string_append_printf (body, words->colleague_named, name);
      else
        g_string_append (body, words->colleague_text);
    }
  append_signature (job, body);
  return g_string_free (body, FALSE);
}

static char *
compose_subject (SendJob *job)
{
  const MailWords *words = words_for (job->program);
  const char *title = limber_program_get_title (job->program);

  if (job->to_patient)
    return g_strdup (words->patient_subject);
  if (has_text (title))
    return g_strdup_printf (words->colleague_subject, title);
  return g_strdup (words->colleague_subject_untitled);
}

/* "Sam Rivera 2026-11-24.pdf" in a new private temporary folder. */
static GFile *
temporary_file (LimberProgram *program,
                const char    *extension,
                GError       **error)
{
  const char *name = limber_program_get_patient_name (program);
  const char *date = limber_program_get_created (program);
  g_autofree char *dir = g_dir_make_tmp (LIMBER_MAIL_FOLDER_PREFIX "XXXXXX", error);
  g_autofree char *base = NULL;

  if (dir == NULL)
    return NULL;
  if (!has_text (name))
    name = has_text (limber_program_get_title (program)) ? limber_program_get_title (program) : _("Program");
  base = has_text (date) ? g_strdup_printf ("%s %s%s", name, date, extension)
                         : g_strconcat (name, extension, NULL);
  g_strdelimit (base, "/\\:", '-');
  return g_file_new_build_filename (dir, base, NULL);
}

static void
on_file_manager_done (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *uri = g_file_get_uri (folder);

      g_debug ("No file manager on the bus (%s): opening the folder", error->message);
      g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
    }
}

/* Shows the file selected in the file manager, or at least its folder. */
static void
show_in_files (GFile *file)
{
  GDBusConnection *bus = g_application_get_dbus_connection (g_application_get_default ());
  g_autofree char *uri = g_file_get_uri (file);
  const char *uris[] = { uri, NULL };

  if (bus == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *folder_uri = g_file_get_uri (folder);
      g_app_info_launch_default_for_uri_async (folder_uri, NULL, NULL, NULL, NULL);
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, -1,
                          NULL, on_file_manager_done, g_object_ref (file));
}

static void
on_no_handler_response (AdwMessageDialog *dialog,
                        const char       *response,
                        GFile            *file)
{
  if (g_strcmp0 (response, "show") == 0)
    show_in_files (file);
}

static void
say_no_handler (SendJob      *job,
                const GError *error)
{
  g_autofree char *base = g_file_get_basename (job->file);
  g_autofree char *body = g_strdup_printf (_("%s\n\nThe file “%s” is ready: you can attach it to an e-mail yourself."),
                                           error->message, base);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (job->window), _("No E-mail App Found"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"), "show", _("_Show in Files"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "show", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "show");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_no_handler_response),
                         g_object_ref (job->file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SendJob) job = user_data;
  g_autoptr(GError) error = NULL;

  if (limber_mail_send_finish (LIMBER_MAIL (source), result, &error))
    _limber_window_toast (job->window, _("The message is ready in your e-mail app"));
  else if (g_error_matches (error, LIMBER_MAIL_ERROR, LIMBER_MAIL_ERROR_NO_HANDLER))
    say_no_handler (job, error);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _limber_window_error (job->window, _("Nothing Was Sent"), error->message);
}

static void
hand_to_mail (SendJob *job)
{
  g_autofree char *subject = compose_subject (job);
  g_autofree char *body = compose_body (job);
  const char *address = job->to_patient ? limber_program_get_patient_email (job->program) : NULL;
  g_autoptr(LimberMail) mail = limber_mail_new (address, subject, body, job->file);

  limber_mail_send_async (mail, NULL, on_sent, job);
}

static void
on_copy_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SendJob *job = user_data;
  g_autoptr(GError) error = NULL;
  gboolean written;

  if (job->to_patient)
    written = limber_handout_export_pdf_finish (result, &error);
  else
    written = g_file_replace_contents_finish (G_FILE (source), result, NULL, &error);
  if (!written)
    {
      _limber_window_error (job->window, _("Nothing Was Sent"), error->message);
      send_job_free (job);
      return;
    }
  hand_to_mail (job);
}

static void
send_now (LimberWindow *self,
          gboolean      to_patient)
{
  g_autoptr(GError) error = NULL;
  SendJob *job;

  if (self->program == NULL)
    return;
  job = g_new0 (SendJob, 1);
  job->window = g_object_ref (self);
  job->program = g_object_ref (self->program);
  job->to_patient = to_patient;
  job->file = temporary_file (self->program, to_patient ? ".pdf" : ".limber", &error);
  if (job->file == NULL)
    {
      _limber_window_error (self, _("Nothing Was Sent"), error->message);
      send_job_free (job);
      return;
    }
  if (to_patient)
    {
      g_auto(LimberHandoutOptions) options = { 0 };

      limber_handout_options_init (&options);
      limber_handout_options_load_settings (&options, self->settings);
      limber_handout_export_pdf_async (self->program, &options, job->file, NULL, on_copy_written, job);
    }
  else
    {
      gsize length;
      char *text = limber_program_to_string (self->program, &length);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, length);

      g_file_replace_contents_bytes_async (job->file, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                           NULL, on_copy_written, job);
    }
}

static void
on_no_phone_response (AdwMessageDialog *dialog,
                      const char       *response,
                      LimberWindow     *self)
{
  if (g_strcmp0 (response, "send") == 0)
    send_now (self, TRUE);
}

/* As before printing: a handout without the clinic's phone number
 * cannot tell the patient whom to call when pain gets worse.  The
 * therapist may send it anyway; a colleague's copy needs no number. */
static void
send (LimberWindow *self,
      gboolean      to_patient)
{
  g_autofree char *phone = NULL;
  GtkWidget *dialog;

  if (self->program == NULL)
    return;
  phone = g_settings_get_string (self->settings, "clinic-phone");
  if (!to_patient || has_text (g_strstrip (phone)))
    {
      send_now (self, to_patient);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Check the Handout First"),
                                   _("No clinic phone number is set, so the handout cannot tell the patient "
                                     "whom to call when pain gets worse. Add it in Preferences."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "send", _("_Send Anyway"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "send", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_no_phone_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
send_patient_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  send (LIMBER_WINDOW (widget), TRUE);
}

static void
send_colleague_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  send (LIMBER_WINDOW (widget), FALSE);
}

void
_limber_window_class_add_send_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.send-patient", NULL, send_patient_action);
  gtk_widget_class_install_action (widget_class, "win.send-colleague", NULL, send_colleague_action);
}
