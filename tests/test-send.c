/* test-send.c — Send to Patient and Send to Colleague, end to end
 *
 * On the test's private session bus (dbus-run-session) this test owns
 * org.freedesktop.portal.Desktop itself and answers ComposeEmail as the
 * real portal would be asked: it records the addresses, subject, body
 * and the bytes read from the passed file descriptor.  Then, with no
 * portal, a fake xdg-email first on PATH records its arguments; with
 * neither, the window must say so and offer the file, and "Show in
 * Files" must ask the file manager (a stand-in FileManager1, also here)
 * to show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gunixfdlist.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "limber-application.h"
#include "limber-mail.h"
#include "limber-program.h"
#include "limber-test-gui.h"
#include "limber-window.h"

static LimberApplication *app;
static GDBusConnection *bus;

/* What the stand-ins were given. */
static struct
{
  GVariant *options;      /* ComposeEmail's a{sv} */
  GBytes   *attachment;   /* read from the fd it was passed */
  char     *shown_uri;    /* FileManager1.ShowItems */
  gboolean  portal_owned;
  guint32   response;     /* what the stand-in portal answers: 2, no mail app */
} got;

static const char portal_xml[] =
  "<node><interface name='org.freedesktop.portal.Email'>"
  "<method name='ComposeEmail'><arg type='s' direction='in'/><arg type='a{sv}' direction='in'/>"
  "<arg type='o' direction='out'/></method></interface></node>";
static const char file_manager_xml[] =
  "<node><interface name='org.freedesktop.FileManager1'>"
  "<method name='ShowItems'><arg type='as' direction='in'/><arg type='s' direction='in'/></method>"
  "</interface></node>";

static GBytes *
read_fd (int fd)
{
  GByteArray *bytes = g_byte_array_new ();
  guint8 buffer[8192];
  gssize n;

  lseek (fd, 0, SEEK_SET);
  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_byte_array_append (bytes, buffer, n);
  return g_byte_array_free_to_bytes (bytes);
}

static void
on_compose_email (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *path,
                  const char            *interface,
                  const char            *method,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  GUnixFDList *fds = g_dbus_message_get_unix_fd_list (g_dbus_method_invocation_get_message (invocation));
  g_autoptr(GVariant) handles = NULL;
  int fd;

  g_clear_pointer (&got.options, g_variant_unref);
  g_clear_pointer (&got.attachment, g_bytes_unref);
  g_variant_get_child (parameters, 1, "@a{sv}", &got.options);
  handles = g_variant_lookup_value (got.options, "attachment_fds", G_VARIANT_TYPE ("ah"));
  g_assert_nonnull (handles);
  g_assert_cmpuint (g_variant_n_children (handles), ==, 1);
  g_assert_nonnull (fds);
  fd = g_unix_fd_list_get (fds, g_variant_get_handle (g_variant_get_child_value (handles, 0)), NULL);
  g_assert_cmpint (fd, >=, 0);
  g_autofree char *token = NULL;
  g_autofree char *caller = g_strdelimit (g_strdup (sender + 1), ".", '_');
  g_autofree char *request = NULL;

  got.attachment = read_fd (fd);
  close (fd);
  /* As the real portal: a request object named after the caller and its
   * token, then its Response signal, to the caller alone. */
  g_assert_true (g_variant_lookup (got.options, "handle_token", "s", &token));
  request = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", caller, token);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", request));
  g_dbus_connection_emit_signal (connection, sender, request, "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(u@a{sv})", got.response,
                                                g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0)),
                                 NULL);
}

static void
on_show_items (GDBusConnection       *connection,
               const char            *sender,
               const char            *path,
               const char            *interface,
               const char            *method,
               GVariant              *parameters,
               GDBusMethodInvocation *invocation,
               gpointer               user_data)
{
  g_autofree const char **uris = NULL;

  g_variant_get (parameters, "(^a&s&s)", &uris, NULL);
  g_assert_cmpuint (g_strv_length ((char **) uris), ==, 1);
  g_free (got.shown_uri);
  got.shown_uri = g_strdup (uris[0]);
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
export_stand_in (const char                *xml,
                 const char                *path,
                 GDBusInterfaceMethodCallFunc call)
{
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (xml, NULL);
  GDBusInterfaceVTable vtable = { call, NULL, NULL, { 0 } };
  g_autoptr(GError) error = NULL;

  g_dbus_connection_register_object (bus, path, node->interfaces[0], &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  if (g_str_equal (name, "org.freedesktop.portal.Desktop"))
    got.portal_owned = TRUE;
}

static gboolean
portal_is_owned (gpointer data)
{
  return got.portal_owned;
}

static gboolean
has_attachment (gpointer data)
{
  return got.attachment != NULL;
}

static gboolean
has_shown_uri (gpointer data)
{
  return got.shown_uri != NULL;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* A window with a copy of the sample program (Sam Rivera, five
 * stretches), from a file the test can check is never touched. */
static LimberWindow *
window_with_program (char **path)
{
  g_autofree char *sample = g_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples", "tight-hips.limber", NULL);
  g_autofree char *dir = g_dir_make_tmp ("test-send-XXXXXX", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LimberWindow *window = limber_window_new (app, limber_application_get_catalog (app));
  gsize length;

  g_settings_set_string (settings, "clinic-phone", "555-0134");
  g_assert_true (g_file_get_contents (sample, &text, &length, NULL));
  *path = g_build_filename (dir, "Sam's own file.limber", NULL);
  g_assert_true (g_file_set_contents (*path, text, length, NULL));
  file = g_file_new_for_path (*path);
  g_assert_true (limber_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, window));
  return window;
}

static void
assert_untouched (const char *path)
{
  g_autofree char *sample = g_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples", "tight-hips.limber", NULL);
  g_autofree char *before = NULL, *after = NULL;

  g_assert_true (g_file_get_contents (sample, &before, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

static char *
option_string (const char *key)
{
  g_autofree char *value = NULL;

  g_assert_true (g_variant_lookup (got.options, key, "s", &value));
  return g_steal_pointer (&value);
}

/* The PDF's text, lines joined: what a patient reads. */
static char *
pdf_text (GBytes *pdf)
{
  g_autofree char *dir = g_dir_make_tmp ("test-send-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  g_rmdir (dir);
  return g_strdelimit (g_steal_pointer (&out), "\n", ' ');
}

static void
test_patient_through_portal (void)
{
  g_autofree char *path = NULL;
  LimberWindow *window = window_with_program (&path);
  LimberProgram *program = limber_window_get_program (window);
  g_autofree const char **addresses = NULL;
  g_autofree char *subject = NULL, *body = NULL, *text = NULL;
  g_autoptr(GVariant) value = NULL;

  limber_program_set_field (program, LIMBER_PROGRAM_PATIENT_EMAIL, "sam.rivera@example.org");
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (window), "Patient’s E-mail (optional)", LIMBER_TEST_ANY));
  limber_test_maybe_screenshot (GTK_WIDGET (window), "send-editor");
  g_clear_pointer (&got.attachment, g_bytes_unref);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-patient", NULL));
  g_assert_true (limber_test_wait_for (has_attachment, NULL));

  value = g_variant_lookup_value (got.options, "addresses", G_VARIANT_TYPE_STRING_ARRAY);
  g_assert_nonnull (value);
  addresses = g_variant_get_strv (value, NULL);
  g_assert_cmpuint (g_strv_length ((char **) addresses), ==, 1);
  g_assert_cmpstr (addresses[0], ==, "sam.rivera@example.org");
  subject = option_string ("subject");
  body = option_string ("body");
  g_assert_cmpstr (subject, ==, "Your home exercise program");
  g_assert_true (g_str_has_prefix (body, "Hello Sam Rivera,"));
  g_assert_nonnull (strstr (body, "Call Riverside Physio at 555-0134."));

  g_assert_cmpuint (g_bytes_get_size (got.attachment), >, 1000);
  g_assert_true (memcmp (g_bytes_get_data (got.attachment, NULL), "%PDF", 4) == 0);
  text = pdf_text (got.attachment);
  g_assert_nonnull (strstr (text, "Sam Rivera"));
  g_assert_nonnull (strstr (text, "hip flexor"));
  g_assert_true (limber_test_wait_for_label (GTK_WIDGET (window), "The message is ready in your e-mail app"));
  assert_untouched (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
no_check_dialog (gpointer data)
{
  return limber_test_find_message_dialog ("Check the Handout First") == NULL;
}

/* Without the clinic's phone number the window says what the patient
 * would miss, as Print and Export do: Cancel sends nothing, Send Anyway
 * sends.  A colleague's copy is sent without asking. */
static void
test_patient_without_phone (void)
{
  g_autofree char *path = NULL;
  LimberWindow *window = window_with_program (&path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwMessageDialog *dialog;

  g_settings_set_string (settings, "clinic-phone", " ");
  g_clear_pointer (&got.attachment, g_bytes_unref);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-patient", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, "Check the Handout First"));
  dialog = limber_test_find_message_dialog ("Check the Handout First");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "No clinic phone number is set"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  limber_test_maybe_screenshot (GTK_WIDGET (dialog), "send-no-phone.png");
  /* As its buttons do: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  limber_test_spin (500);
  g_assert_null (got.attachment);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-patient", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, "Check the Handout First"));
  dialog = limber_test_find_message_dialog ("Check the Handout First");
  adw_message_dialog_response (dialog, "send");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (limber_test_wait_for (has_attachment, NULL));
  g_assert_true (memcmp (g_bytes_get_data (got.attachment, NULL), "%PDF", 4) == 0);

  g_assert_true (limber_test_wait_for (no_check_dialog, NULL));
  g_clear_pointer (&got.attachment, g_bytes_unref);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-colleague", NULL));
  g_assert_true (limber_test_wait_for (has_attachment, NULL));
  g_assert_null (limber_test_find_message_dialog ("Check the Handout First"));
  g_settings_set_string (settings, "clinic-phone", "555-0134");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+M sends to the patient, Ctrl+Shift+M to a colleague. */
static void
test_shortcuts (void)
{
  g_auto(GStrv) patient = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.send-patient");
  g_auto(GStrv) colleague = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.send-colleague");

  g_assert_cmpstr (patient[0], ==, "<Control>m");
  g_assert_cmpstr (colleague[0], ==, "<Shift><Control>m");
}

static void
make_folder (const char *parent,
             const char *name,
             gboolean    old,
             const char *file)
{
  g_autofree char *path = g_build_filename (parent, name, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  if (file != NULL)
    {
      g_autofree char *inside = g_build_filename (path, file, NULL);
      g_assert_true (g_file_set_contents (inside, "%PDF", 4, NULL));
    }
  if (old)
    g_assert_true (g_file_set_attribute_uint64 (folder, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                g_get_real_time () / G_USEC_PER_SEC - 2 * 24 * 3600,
                                                G_FILE_QUERY_INFO_NONE, NULL, NULL));
}

static gboolean
exists_in (const char *parent,
           const char *name)
{
  g_autofree char *path = g_build_filename (parent, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK);
}

/* Old send folders go; a recent one, another program's folder, a link
 * named like ours and a folder holding a folder of its own stay. */
static void
test_remove_old_folders (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("test-send-clean-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (tmp, "elsewhere", NULL);
  g_autofree char *link = g_build_filename (tmp, "limber-send-linked", NULL);
  g_autofree char *nested = g_build_filename (tmp, "limber-send-nested", "inner", NULL);
  g_autoptr(GFile) nested_folder = NULL;

  make_folder (tmp, "limber-send-aaaaaa", TRUE, "Sam Rivera 2026-11-24.pdf");
  make_folder (tmp, "limber-send-bbbbbb", TRUE, NULL);
  make_folder (tmp, "limber-send-cccccc", FALSE, "Sam Rivera 2026-11-24.limber");
  make_folder (tmp, "limber-sendXXdddddd", TRUE, "keep.pdf");
  make_folder (tmp, "elsewhere", TRUE, "keep.pdf");
  g_assert_cmpint (symlink (target, link), ==, 0);
  make_folder (tmp, "limber-send-nested", FALSE, "a.pdf");
  g_assert_cmpint (g_mkdir (nested, 0700), ==, 0);
  nested_folder = g_file_new_build_filename (tmp, "limber-send-nested", NULL);
  g_assert_true (g_file_set_attribute_uint64 (nested_folder, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                              g_get_real_time () / G_USEC_PER_SEC - 2 * 24 * 3600,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));

  g_assert_cmpuint (limber_mail_remove_old_folders (tmp, 24 * 3600), ==, 2);
  g_assert_false (exists_in (tmp, "limber-send-aaaaaa"));
  g_assert_false (exists_in (tmp, "limber-send-bbbbbb"));
  g_assert_true (exists_in (tmp, "limber-send-cccccc"));
  g_assert_true (exists_in (tmp, "limber-sendXXdddddd/keep.pdf"));
  g_assert_true (exists_in (tmp, "elsewhere/keep.pdf"));
  g_assert_true (exists_in (tmp, "limber-send-linked"));
  /* Its file went, its own folder did not, so it stays. */
  g_assert_true (exists_in (tmp, "limber-send-nested/inner"));
  g_assert_false (exists_in (tmp, "limber-send-nested/a.pdf"));
}

static void
test_colleague_through_portal (void)
{
  g_autofree char *path = NULL;
  LimberWindow *window = window_with_program (&path);
  LimberProgram *program = limber_window_get_program (window);
  g_autoptr(LimberProgram) sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL, *body = NULL;

  /* An unsaved change goes along: the colleague gets what is on screen. */
  limber_program_set_field (program, LIMBER_PROGRAM_PATIENT_EMAIL, "sam.rivera@example.org");
  limber_program_set_field (program, LIMBER_PROGRAM_TITLE, "Tight hips — week 2");
  g_clear_pointer (&got.attachment, g_bytes_unref);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-colleague", NULL));
  g_assert_true (limber_test_wait_for (has_attachment, NULL));

  /* The colleague's address is the therapist's to type. */
  g_assert_false (g_variant_lookup (got.options, "addresses", "^as", NULL));
  subject = option_string ("subject");
  body = option_string ("body");
  g_assert_cmpstr (subject, ==, "Home exercise program: Tight hips — week 2");
  g_assert_nonnull (strstr (body, "for Sam Rivera as a Limber file"));
  g_assert_nonnull (strstr (body, "Alex Kim\nRiverside Physio"));

  sent = limber_program_load_bytes (got.attachment, "sent.limber", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (limber_program_get_title (sent), ==, "Tight hips — week 2");
  g_assert_cmpstr (limber_program_get_patient_email (sent), ==, "sam.rivera@example.org");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sent)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (program)));
  assert_untouched (path);
  g_assert_true (limber_program_is_modified (program));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The message is in the handout's language, not the interface's. */
static void
test_patient_in_spanish (void)
{
  g_autofree char *path = NULL;
  LimberWindow *window = window_with_program (&path);
  LimberProgram *program = limber_window_get_program (window);
  g_autofree char *subject = NULL, *body = NULL;

  limber_program_set_field (program, LIMBER_PROGRAM_LANGUAGE, "es");
  g_clear_pointer (&got.attachment, g_bytes_unref);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-patient", NULL));
  g_assert_true (limber_test_wait_for (has_attachment, NULL));
  subject = option_string ("subject");
  body = option_string ("body");
  g_assert_cmpstr (subject, ==, "Tu programa de ejercicios en casa");
  g_assert_true (g_str_has_prefix (body, "Hola, Sam Rivera:"));
  g_assert_nonnull (strstr (body, "Llama a Riverside Physio al 555-0134."));
  /* No address in the program: the patient's is typed in the mail app. */
  g_assert_false (g_variant_lookup (got.options, "addresses", "^as", NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* German and French: "Sie" and "vous", the clinic's number in each. */
static void
test_patient_in_german_and_french (void)
{
  const struct { const char *lang, *subject, *hello, *call; } cases[] = {
    { "de", "Ihr Übungsprogramm für zu Hause", "Guten Tag Sam Rivera,",
      "Rufen Sie Riverside Physio an unter 555-0134." },
    { "fr", "Votre programme d’exercices à la maison", "Bonjour Sam Rivera,",
      "Appelez Riverside Physio au 555-0134." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = NULL;
      LimberWindow *window = window_with_program (&path);
      g_autofree char *subject = NULL, *body = NULL;

      limber_program_set_field (limber_window_get_program (window), LIMBER_PROGRAM_LANGUAGE, cases[i].lang);
      g_clear_pointer (&got.attachment, g_bytes_unref);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-patient", NULL));
      g_assert_true (limber_test_wait_for (has_attachment, NULL));
      subject = option_string ("subject");
      body = option_string ("body");
      g_assert_cmpstr (subject, ==, cases[i].subject);
      g_assert_true (g_str_has_prefix (body, cases[i].hello));
      g_assert_nonnull (strstr (body, cases[i].call));
      /* Nothing of the English message is left. */
      g_assert_null (strstr (body, "Attached"));
      g_assert_null (strstr (body, "Questions"));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* The portal runs but finds no mail app (response 2), and there is no
 * xdg-email: the window says so. */
static void
test_portal_without_mail_app (void)
{
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *empty = g_dir_make_tmp ("test-send-empty-XXXXXX", NULL);
  g_autofree char *path = NULL;
  LimberWindow *window = window_with_program (&path);

  got.response = 2;
  g_clear_pointer (&got.attachment, g_bytes_unref);
  g_setenv ("PATH", empty, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-patient", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, "No E-mail App Found"));
  g_setenv ("PATH", old_path, TRUE);
  got.response = 0;
  g_assert_nonnull (got.attachment);
  g_assert_null (limber_test_find_label (GTK_WIDGET (window), "The message is ready in your e-mail app",
                                         LIMBER_TEST_ANY));
  gtk_window_destroy (GTK_WINDOW (limber_test_find_message_dialog ("No E-mail App Found")));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
stop_portal (void)
{
  static gboolean stopped;

  if (stopped)
    return;
  g_bus_unown_name (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (bus), "portal-owner")));
  stopped = TRUE;
  limber_test_spin (200);
}

/* xdg-email is a shell script: its stand-in records its arguments. */
static char *
fake_xdg_email (const char *dir,
                const char *log)
{
  g_autofree char *script = g_build_filename (dir, "xdg-email", NULL);
  g_autofree char *text = g_strdup_printf ("#!/bin/sh\n"
                                           "for arg in \"$@\"; do printf '%%s\\n=====\\n' \"$arg\"; done > '%s'\n"
                                           "for arg in \"$@\"; do [ \"$prev\" = --attach ] && cp \"$arg\" '%s.attachment'; prev=$arg; done\n"
                                           "exit 0\n", log, log);

  g_assert_true (g_file_set_contents (script, text, -1, NULL));
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);
  return g_steal_pointer (&script);
}

static void
test_patient_through_xdg_email (void)
{
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *dir = g_dir_make_tmp ("test-send-bin-XXXXXX", NULL);
  g_autofree char *log = g_build_filename (dir, "args.txt", NULL);
  g_autofree char *copy = g_strconcat (log, ".attachment", NULL);
  g_autofree char *script = fake_xdg_email (dir, log);
  g_autofree char *path = NULL;
  g_autofree char *args = NULL, *copied = NULL;
  g_auto(GStrv) argv = NULL;
  LimberWindow *window;
  gsize length;

  g_autofree char *new_path = g_strjoin (G_SEARCHPATH_SEPARATOR_S, dir, old_path, NULL);

  stop_portal ();
  g_setenv ("PATH", new_path, TRUE);
  window = window_with_program (&path);
  limber_program_set_field (limber_window_get_program (window), LIMBER_PROGRAM_PATIENT_EMAIL, "sam@example.org");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-patient", NULL));
  g_assert_true (limber_test_wait_for (file_exists, copy));
  limber_test_spin (100);
  g_setenv ("PATH", old_path, TRUE);

  g_assert_true (g_file_get_contents (log, &args, NULL, NULL));
  argv = g_strsplit (args, "\n=====\n", -1);
  g_assert_cmpuint (g_strv_length (argv), ==, 9);   /* 8 arguments and the empty tail */
  g_assert_cmpstr (argv[0], ==, "--utf8");
  g_assert_cmpstr (argv[1], ==, "--subject");
  g_assert_cmpstr (argv[2], ==, "Your home exercise program");
  g_assert_cmpstr (argv[3], ==, "--body");
  g_assert_true (g_str_has_prefix (argv[4], "Hello Sam Rivera,\n\n"));
  g_assert_cmpstr (argv[5], ==, "--attach");
  g_assert_true (g_str_has_suffix (argv[6], "/Sam Rivera 2026-11-24.pdf"));
  g_assert_cmpstr (argv[7], ==, "sam@example.org");
  g_assert_true (g_file_get_contents (copy, &copied, &length, NULL));
  g_assert_true (length > 1000 && memcmp (copied, "%PDF", 4) == 0);
  g_assert_true (limber_test_wait_for_label (GTK_WIDGET (window), "The message is ready in your e-mail app"));
  assert_untouched (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_no_mail_app (void)
{
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *empty = g_dir_make_tmp ("test-send-empty-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) shown = NULL;
  g_autofree char *shown_name = NULL;
  AdwMessageDialog *dialog;
  LimberWindow *window;

  stop_portal ();
  window = window_with_program (&path);
  g_setenv ("PATH", empty, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-colleague", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, "No E-mail App Found"));
  g_setenv ("PATH", old_path, TRUE);
  dialog = limber_test_find_message_dialog ("No E-mail App Found");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Sam Rivera 2026-11-24.limber” is ready"));
  g_assert_true (adw_message_dialog_has_response (dialog, "show"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "show");
  limber_test_maybe_screenshot (GTK_WIDGET (dialog), "send-no-mail-app");

  g_clear_pointer (&got.shown_uri, g_free);
  adw_message_dialog_response (dialog, "show");
  g_assert_true (limber_test_wait_for (has_shown_uri, NULL));
  shown = g_file_new_for_uri (got.shown_uri);
  shown_name = g_file_get_basename (shown);
  g_assert_cmpstr (shown_name, ==, "Sam Rivera 2026-11-24.limber");
  g_assert_true (g_file_query_exists (shown, NULL));
  assert_untouched (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  guint owner;

  if (!limber_test_gui_init (&argc, &argv))
    return 77;
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  export_stand_in (portal_xml, "/org/freedesktop/portal/desktop", on_compose_email);
  export_stand_in (file_manager_xml, "/org/freedesktop/FileManager1", on_show_items);
  owner = g_bus_own_name_on_connection (bus, "org.freedesktop.portal.Desktop", G_BUS_NAME_OWNER_FLAGS_NONE,
                                        on_name_acquired, NULL, NULL, NULL);
  g_object_set_data (G_OBJECT (bus), "portal-owner", GUINT_TO_POINTER (owner));
  g_bus_own_name_on_connection (bus, "org.freedesktop.FileManager1", G_BUS_NAME_OWNER_FLAGS_NONE,
                                NULL, NULL, NULL, NULL);
  g_assert_true (limber_test_wait_for (portal_is_owned, NULL));

  app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  limber_test_wait_catalog (limber_application_get_catalog (app));

  /* Suites run in the order made: the portal answers the first,
   * then goes. */
  g_test_add_func ("/send/portal/patient", test_patient_through_portal);
  g_test_add_func ("/send/portal/no-phone", test_patient_without_phone);
  g_test_add_func ("/send/portal/colleague", test_colleague_through_portal);
  g_test_add_func ("/send/shortcuts", test_shortcuts);
  g_test_add_func ("/send/remove-old-folders", test_remove_old_folders);
  g_test_add_func ("/send/portal/spanish", test_patient_in_spanish);
  g_test_add_func ("/send/portal/german-french", test_patient_in_german_and_french);
  g_test_add_func ("/send/portal/no-mail-app", test_portal_without_mail_app);
  g_test_add_func ("/send/xdg-email/patient", test_patient_through_xdg_email);
  g_test_add_func ("/send/none/colleague", test_no_mail_app);
  return g_test_run ();
}
