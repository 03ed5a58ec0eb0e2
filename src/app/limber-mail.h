/* limber-mail.h — hands a message with one attachment to the desktop's
 * e-mail app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_MAIL_ERROR (limber_mail_error_quark ())

typedef enum
{
  LIMBER_MAIL_ERROR_NO_HANDLER,   /* no portal, no xdg-email, or it failed */
} LimberMailError;

/* The private temporary folders sends are written in: "limber-send-XXXXXX". */
#define LIMBER_MAIL_FOLDER_PREFIX "limber-send-"

#define LIMBER_TYPE_MAIL (limber_mail_get_type ())

G_DECLARE_FINAL_TYPE (LimberMail, limber_mail, LIMBER, MAIL, GObject)

GQuark      limber_mail_error_quark (void);
LimberMail *limber_mail_new         (const char          *address,
                                     const char          *subject,
                                     const char          *body,
                                     GFile               *attachment);
void        limber_mail_send_async  (LimberMail          *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean    limber_mail_send_finish (LimberMail          *self,
                                     GAsyncResult        *result,
                                     GError             **error);
guint       limber_mail_remove_old_folders       (const char          *parent,
                                                  gint64               max_age_seconds);
void        limber_mail_remove_old_folders_async (void);

G_END_DECLS
