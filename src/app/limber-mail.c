/* limber-mail.c — hands a message with one attachment to the desktop's
 * e-mail app
 *
 * First through the XDG desktop portal (org.freedesktop.portal.Email),
 * which takes the attachment as an open file descriptor, so it works
 * from a sandbox too, and says through its request's Response signal
 * whether a mail app took the message; where no portal answers, or it
 * found no mail app, through `xdg-email
 * --attach`.  Neither opens a network connection: the user's own mail
 * app shows the message, and the user sends it.  When neither exists,
 * or xdg-email fails, the error is LIMBER_MAIL_ERROR_NO_HANDLER and the
 * caller offers the file instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-mail"

#include "config.h"

#include <fcntl.h>
#include <gio/gunixfdlist.h>
#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "limber-mail.h"

struct _LimberMail
{
  GObject  parent_instance;

  char    *address;     /* NULL: the user types it in the mail app */
  char    *subject;
  char    *body;
  GFile   *attachment;
};

G_DEFINE_FINAL_TYPE (LimberMail, limber_mail, G_TYPE_OBJECT)

G_DEFINE_QUARK (limber-mail-error-quark, limber_mail_error)

/* A portal call in flight: it answers with a request object whose
 * Response signal says how it went. */
typedef struct
{
  GDBusConnection *bus;
  char            *request_path;
  guint            subscription;
} PortalCall;

static void
portal_call_free (gpointer data)
{
  PortalCall *call = data;

  if (call->subscription != 0)
    g_dbus_connection_signal_unsubscribe (call->bus, call->subscription);
  g_clear_object (&call->bus);
  g_free (call->request_path);
  g_free (call);
}

static void
limber_mail_finalize (GObject *object)
{
  LimberMail *self = LIMBER_MAIL (object);

  g_free (self->address);
  g_free (self->subject);
  g_free (self->body);
  g_clear_object (&self->attachment);
  G_OBJECT_CLASS (limber_mail_parent_class)->finalize (object);
}

static void
limber_mail_class_init (LimberMailClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_mail_finalize;
}

static void
limber_mail_init (LimberMail *self)
{
}

/**
 * limber_mail_new:
 * @address: (nullable): the recipient, or %NULL to leave it to the user
 * @attachment: a local file
 */
LimberMail *
limber_mail_new (const char *address,
                 const char *subject,
                 const char *body,
                 GFile      *attachment)
{
  LimberMail *self = g_object_new (LIMBER_TYPE_MAIL, NULL);

  g_return_val_if_fail (G_IS_FILE (attachment), NULL);
  self->address = address && *address ? g_strdup (address) : NULL;
  self->subject = g_strdup (subject);
  self->body = g_strdup (body);
  self->attachment = g_object_ref (attachment);
  return self;
}

static void
on_xdg_email_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_new_error (task, LIMBER_MAIL_ERROR, LIMBER_MAIL_ERROR_NO_HANDLER,
                             _("The e-mail app could not be started (%s)."), error->message);
}

/* The fallback: xdg-email opens the user's mail app with a draft. */
static void
send_with_xdg_email (GTask *task)
{
  LimberMail *self = g_task_get_source_object (task);
  g_autofree char *program = g_find_program_in_path ("xdg-email");
  g_autofree char *path = g_file_get_path (self->attachment);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  GError *error = NULL;

  if (program == NULL)
    {
      g_task_return_new_error (task, LIMBER_MAIL_ERROR, LIMBER_MAIL_ERROR_NO_HANDLER,
                               _("No e-mail app was found on this computer."));
      g_object_unref (task);
      return;
    }
  g_ptr_array_add (argv, program);
  g_ptr_array_add (argv, "--utf8");
  g_ptr_array_add (argv, "--subject");
  g_ptr_array_add (argv, self->subject);
  g_ptr_array_add (argv, "--body");
  g_ptr_array_add (argv, self->body);
  g_ptr_array_add (argv, "--attach");
  g_ptr_array_add (argv, path);
  if (self->address != NULL)
    g_ptr_array_add (argv, self->address);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  if (process == NULL)
    {
      g_task_return_new_error (task, LIMBER_MAIL_ERROR, LIMBER_MAIL_ERROR_NO_HANDLER,
                               _("The e-mail app could not be started (%s)."), error->message);
      g_error_free (error);
      g_object_unref (task);
      return;
    }
  g_subprocess_wait_check_async (process, g_task_get_cancellable (task), on_xdg_email_done, task);
}

static void
forget_portal (GTask *task)
{
  PortalCall *call = g_task_get_task_data (task);

  if (call != NULL && call->subscription != 0)
    {
      g_dbus_connection_signal_unsubscribe (call->bus, call->subscription);
      call->subscription = 0;
    }
}

/* 0: the mail app has the message; 1: the user closed the portal's
 * dialog (nothing to say); 2: the portal found no mail app. */
static void
on_response (GDBusConnection *bus,
             const char      *sender,
             const char      *path,
             const char      *interface,
             const char      *signal,
             GVariant        *parameters,
             gpointer         user_data)
{
  GTask *task = user_data;
  guint32 response = 2;

  if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    g_variant_get (parameters, "(u@a{sv})", &response, NULL);
  forget_portal (task);
  if (response == 0 || response == 1)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  g_debug ("The mail portal could not compose (response %u): trying xdg-email", response);
  send_with_xdg_email (task);
}

static guint
subscribe_response (GDBusConnection *bus,
                    const char      *request_path,
                    GTask           *task)
{
  return g_dbus_connection_signal_subscribe (bus, "org.freedesktop.portal.Desktop",
                                             "org.freedesktop.portal.Request", "Response",
                                             request_path, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                             on_response, task, NULL);
}

static void
on_portal_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  /* The call's own reference: the task's other one follows the Response
   * (which may already have come) or the fallback. */
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_with_unix_fd_list_finish (G_DBUS_CONNECTION (source), NULL, result, &error);
  if (g_task_get_completed (task))
    return;
  if (reply != NULL)
    {
      PortalCall *call = g_task_get_task_data (task);
      const char *handle;

      /* Older portals do not honour handle_token: listen where it says. */
      g_variant_get (reply, "(&o)", &handle);
      if (g_strcmp0 (handle, call->request_path) != 0)
        {
          g_dbus_connection_signal_unsubscribe (call->bus, call->subscription);
          g_free (call->request_path);
          call->request_path = g_strdup (handle);
          call->subscription = subscribe_response (call->bus, handle, task);
        }
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
    }
  else
    {
      g_debug ("No mail portal (%s): trying xdg-email", error->message);
      forget_portal (task);
      send_with_xdg_email (task);
    }
}

static GVariant *
portal_options (LimberMail *self,
                const char *token,
                int         fd_index)
{
  GVariantBuilder options;
  GVariantBuilder fds;

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  if (self->address != NULL)
    {
      const char *addresses[] = { self->address, NULL };
      g_variant_builder_add (&options, "{sv}", "addresses", g_variant_new_strv (addresses, -1));
    }
  g_variant_builder_add (&options, "{sv}", "subject", g_variant_new_string (self->subject));
  g_variant_builder_add (&options, "{sv}", "body", g_variant_new_string (self->body));
  g_variant_builder_init (&fds, G_VARIANT_TYPE ("ah"));
  g_variant_builder_add (&fds, "h", fd_index);
  g_variant_builder_add (&options, "{sv}", "attachment_fds", g_variant_builder_end (&fds));
  return g_variant_new ("(sa{sv})", "", &options);
}

static void
on_bus (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  GTask *task = user_data;
  LimberMail *self = g_task_get_source_object (task);
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, NULL);
  g_autoptr(GUnixFDList) fd_list = g_unix_fd_list_new ();
  g_autofree char *path = g_file_get_path (self->attachment);
  int fd = path ? open (path, O_RDONLY | O_CLOEXEC) : -1;
  int index = -1;

  if (fd >= 0)
    {
      index = g_unix_fd_list_append (fd_list, fd, NULL);
      close (fd);
    }
  g_autofree char *token = g_strdup_printf ("limber%u", g_random_int ());
  g_autofree char *sender = NULL;
  PortalCall *call;

  if (bus == NULL || index < 0)
    {
      send_with_xdg_email (task);
      return;
    }
  /* Listen before calling: the Response may come right after the reply. */
  sender = g_strdelimit (g_strdup (g_dbus_connection_get_unique_name (bus) + 1), ".", '_');
  call = g_new0 (PortalCall, 1);
  call->bus = g_object_ref (bus);
  call->request_path = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", sender, token);
  call->subscription = subscribe_response (bus, call->request_path, task);
  g_task_set_task_data (task, call, portal_call_free);
  g_dbus_connection_call_with_unix_fd_list (bus, "org.freedesktop.portal.Desktop",
                                            "/org/freedesktop/portal/desktop",
                                            "org.freedesktop.portal.Email", "ComposeEmail",
                                            portal_options (self, token, index), G_VARIANT_TYPE ("(o)"),
                                            G_DBUS_CALL_FLAGS_NONE, -1, fd_list,
                                            g_task_get_cancellable (task), on_portal_done,
                                            g_object_ref (task));
}

/**
 * limber_mail_send_async:
 *
 * Opens a new message in the user's e-mail app, with the subject, body,
 * recipient and attachment filled in.  Finishes when the app has it (the
 * user still sends it).
 */
void
limber_mail_send_async (LimberMail          *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (LIMBER_IS_MAIL (self));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, limber_mail_send_async);
  g_bus_get (G_BUS_TYPE_SESSION, cancellable, on_bus, task);
}

gboolean
limber_mail_send_finish (LimberMail    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* The folders of earlier sends                                        */

/* Whether @info is one of our send folders: named as we name them, a
 * real folder (not a link to one), the user's own. */
static gboolean
is_send_folder (GFileInfo *info)
{
  const char *name = g_file_info_get_name (info);

  return g_str_has_prefix (name, LIMBER_MAIL_FOLDER_PREFIX)
         && strlen (name) == strlen (LIMBER_MAIL_FOLDER_PREFIX) + 6
         && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY
         && g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_UID) == getuid ();
}

/* Removes the files a send wrote in @folder (never a subfolder's, never
 * what a link points to), then the folder if that emptied it. */
static gboolean
remove_send_folder (GFile *folder)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      GFileType type = g_file_info_get_file_type (info);

      if (type == G_FILE_TYPE_REGULAR || type == G_FILE_TYPE_SYMBOLIC_LINK)
        {
          g_autoptr(GFile) child = g_file_get_child (folder, g_file_info_get_name (info));
          g_file_delete (child, NULL, NULL);
        }
      g_object_unref (info);
    }
  return g_file_delete (folder, NULL, NULL);
}

/**
 * limber_mail_remove_old_folders:
 * @parent: the folder holding the send folders (g_get_tmp_dir())
 * @max_age_seconds: how long ago a folder was last changed, at least
 *
 * Sends leave their copy behind, for the mail app to read whenever it
 * does: the folders of sends older than @max_age_seconds are removed,
 * and nothing else is.
 *
 * Returns: how many folders were removed
 */
guint
limber_mail_remove_old_folders (const char *parent,
                                gint64      max_age_seconds)
{
  g_autoptr(GFile) dir = g_file_new_for_path (parent);
  g_autoptr(GFileEnumerator) children = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC - max_age_seconds;
  GFileInfo *info;
  guint removed = 0;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_UNIX_UID "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      if (is_send_folder (info)
          && (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) < before)
        {
          g_autoptr(GFile) folder = g_file_get_child (dir, g_file_info_get_name (info));
          removed += remove_send_folder (folder);
        }
      g_object_unref (info);
    }
  return removed;
}

static void
remove_old_folders_thread (GTask        *task,
                           gpointer      source,
                           gpointer      data,
                           GCancellable *cancellable)
{
  guint removed = limber_mail_remove_old_folders (g_get_tmp_dir (), 24 * 60 * 60);

  if (removed > 0)
    g_debug ("Removed %u folders of sends older than a day", removed);
  g_task_return_boolean (task, TRUE);
}

/**
 * limber_mail_remove_old_folders_async:
 *
 * At start-up: removes the folders of sends older than a day, in the
 * background.
 */
void
limber_mail_remove_old_folders_async (void)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_source_tag (task, limber_mail_remove_old_folders_async);
  g_task_run_in_thread (task, remove_old_folders_thread);
}
