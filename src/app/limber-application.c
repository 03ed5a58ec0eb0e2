/* limber-application.c — the application: actions, catalog, files to open
 *
 * The commands that need no window (--validate, --export…) are in
 * src/cli/limber-command-line.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-application"

#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "limber-application.h"
#include "limber-paths.h"
#include "limber-command-line.h"
#include "limber-drafts.h"
#include "limber-mail.h"
#include "limber-preferences-window.h"
#include "limber-window.h"
#include "limber-xml.h"

struct _LimberApplication
{
  AdwApplication  parent_instance;

  LimberCatalog  *catalog;   /* loaded on first use, shared by windows */
  LimberFavourites *favourites;  /* read on first use, shared by windows */
  GSettings      *settings;
  GPtrArray      *pending;   /* GFile: from the command line, opened on activate */
  GPtrArray      *waiting;   /* GFile: to open once the catalog is loaded */
  gboolean        drafts_offered;
};

G_DEFINE_FINAL_TYPE (LimberApplication, limber_application, ADW_TYPE_APPLICATION)

LimberApplication *
limber_application_new (void)
{
  return g_object_new (LIMBER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/limber/Limber",
                       NULL);
}

static void open_files (LimberApplication *self,
                        GFile            **files,
                        guint              n_files);
static void offer_drafts (LimberApplication *self,
                          LimberWindow      *window);
static LimberWindow *last_window (LimberApplication *self);

/* The catalog is in: open what waited for it, then offer the drafts
 * (restoring one may need its stretches). */
static void
on_catalog_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LimberApplication) self = user_data;
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting);
  LimberWindow *window;

  limber_catalog_load_standard_finish (LIMBER_CATALOG (source), result, NULL);
#ifdef __GLIBC__
  /* The readers' buffers are gone: hand their memory back. */
  malloc_trim (0);
#endif
  if (waiting != NULL)
    open_files (self, (GFile **) waiting->pdata, waiting->len);
  window = last_window (self);
  if (window != NULL)
    offer_drafts (self, window);
}

/**
 * limber_application_get_catalog:
 *
 * The catalog every window shows.  The first call starts reading it in
 * the background (#LimberCatalog:loading), so that the window is up at
 * once; the stretches fill in when it is read.
 *
 * Returns: (transfer none): the catalog
 */
LimberCatalog *
limber_application_get_catalog (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);

  if (self->catalog == NULL)
    {
      g_auto(GStrv) folders = g_settings_get_strv (self->settings, "catalog-folders");
      g_autoptr(GFile) cache = limber_paths_catalog_cache ();

      self->catalog = limber_catalog_new ();
      limber_catalog_set_cache_dir (self->catalog, cache);
      limber_catalog_load_standard_async (self->catalog, (const char * const *) folders, NULL,
                                          on_catalog_loaded, g_object_ref (self));
    }
  return self->catalog;
}

/**
 * limber_application_get_favourites:
 *
 * Returns: (transfer none): the starred stretches, read from the user's
 *   data folder the first time they are asked for
 */
LimberFavourites *
limber_application_get_favourites (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);

  if (self->favourites == NULL)
    self->favourites = limber_favourites_new (NULL);
  return self->favourites;
}

static int
limber_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  g_autofree const char **files = NULL;
  g_autoptr(GError) error = NULL;
  int status = limber_command_line_run (options);

  if (status >= 0)
    return status;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  /* Files to open as programs: hand them to the running instance, or
   * open them once this one is up. */
  if (files != NULL && files[0] != NULL)
    {
      g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; files[i] != NULL; i++)
        g_ptr_array_add (gfiles, g_file_new_for_commandline_arg (files[i]));
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        {
          g_application_open (app, (GFile **) gfiles->pdata, gfiles->len, "");
          return 0;
        }
      self->pending = g_steal_pointer (&gfiles);
    }
  return -1;
}

static LimberWindow *
new_window (LimberApplication *self)
{
  LimberWindow *window = limber_window_new (self, limber_application_get_catalog (self));

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
on_drafts_response (AdwMessageDialog  *dialog,
                    const char        *response,
                    LimberApplication *self)
{
  GPtrArray *drafts = g_object_get_data (G_OBJECT (dialog), "drafts");
  LimberWindow *window = LIMBER_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  for (guint i = 0; i < drafts->len; i++)
    {
      LimberDraft *draft = g_ptr_array_index (drafts, i);
      g_autoptr(LimberProgram) program = NULL;
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (response, "restore") != 0)
        {
          limber_drafts_delete (draft->id);
          continue;
        }
      program = limber_drafts_load (draft, limber_application_get_catalog (self), &error);
      if (program == NULL)
        {
          /* Said once, and not offered again at every start. */
          limber_window_show_error (window, _("A Draft Could Not Be Restored"), error->message);
          limber_drafts_set_aside (draft->id);
          continue;
        }
      if (!limber_window_is_empty (window))
        window = new_window (self);
      limber_window_take_draft (window, program, draft->id);
    }
}

/* After a crash or a kill, the drafts of the last session are still on
 * disk: offer them once, at the first window. */
static void
offer_drafts (LimberApplication *self,
              LimberWindow      *window)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  if (self->drafts_offered || limber_catalog_get_loading (limber_application_get_catalog (self)))
    return;
  self->drafts_offered = TRUE;
  drafts = limber_drafts_list ();
  if (drafts->len == 0)
    return;

  g_string_append (body, ngettext ("Limber closed before this program was saved:",
                                   "Limber closed before these programs were saved:", drafts->len));
  for (guint i = 0; i < drafts->len; i++)
    {
      LimberDraft *draft = g_ptr_array_index (drafts, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (draft->saved);
      g_autofree char *time = when ? g_date_time_format (when, "%Y-%m-%d %H:%M") : g_strdup ("");

      g_string_append_printf (body, "\n• %s (%s)", draft->title ? draft->title : _("Untitled Program"), time);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Restore Unsaved Work?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  g_object_set_data_full (G_OBJECT (dialog), "drafts", g_steal_pointer (&drafts), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_drafts_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * limber_application_offer_drafts:
 *
 * Shows the restore prompt over @window if drafts are waiting (once per
 * run).  Called at start-up; public for the tests.
 */
void
limber_application_offer_drafts (LimberApplication *self,
                                 GtkWindow         *window)
{
  g_return_if_fail (LIMBER_IS_APPLICATION (self));
  offer_drafts (self, LIMBER_WINDOW (window));
}

static void
limber_application_activate (GApplication *app)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending);

  if (pending != NULL)
    g_application_open (app, (GFile **) pending->pdata, pending->len, "");
  else if (window != NULL)
    gtk_window_present (window);
  else
    window = GTK_WINDOW (new_window (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    offer_drafts (self, LIMBER_WINDOW (window));
}

/* The main window used last: the active window may be a dialog, the
 * preview or a stretch shown on its own. */
static LimberWindow *
last_window (LimberApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (LIMBER_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Each program gets a window of its own, unless the last one used is
 * empty; a file that cannot open opens none, and the window the user
 * was in says why.  Items without their own copy of a stretch look it
 * up in the catalog, so files wait until it is read. */
static void
open_files (LimberApplication  *self,
            GFile             **files,
            guint               n_files)
{
  for (guint i = 0; i < n_files; i++)
    {
      LimberWindow *window = last_window (self);

      if (window == NULL)
        window = new_window (self);
      if (limber_catalog_get_loading (self->catalog))
        {
          if (self->waiting == NULL)
            self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (self->waiting, g_object_ref (files[i]));
          continue;
        }
      /* The window is raised first, so that an error about the file
       * comes up above it, not under it. */
      gtk_window_present (GTK_WINDOW (window));
      limber_window_open_file_async (window, files[i], LIMBER_WINDOW_OPEN_BESIDE_ANY);
    }
}

static void
limber_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  open_files (LIMBER_APPLICATION (app), files, n_files);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);

  /* Close each window in turn so each can ask about unsaved work. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  static const char *developers[] = { "The Limber developers", NULL };
  GtkApplication *app = user_data;
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", "Limber",
                        "application-icon", APP_ID,
                        "developer-name", _("The Limber developers"),
                        "version", PACKAGE_VERSION,
                        /* The same addresses as the metainfo's. */
                        "website", "https://github.com/limber/limber",
                        "issue-url", "https://github.com/limber/limber/issues",
                        "comments", _("Build illustrated home programs of active release stretches, "
                                      "print them as handouts your patients can follow, "
                                      "and share them with colleagues."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  LimberApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (limber_preferences_window_new (parent, self->settings));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "about", .activate = about_activated },
};

static void
limber_application_startup (GApplication *app)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (limber_application_parent_class)->startup (app);

  limber_xml_init ();
  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  limber_window_set_accels (GTK_APPLICATION (app));
  limber_mail_remove_old_folders_async ();
}

static void
limber_application_dispose (GObject *object)
{
  LimberApplication *self = LIMBER_APPLICATION (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->favourites);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  G_OBJECT_CLASS (limber_application_parent_class)->dispose (object);
}

static void
limber_application_class_init (LimberApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = limber_application_dispose;
  app_class->handle_local_options = limber_application_handle_local_options;
  app_class->startup = limber_application_startup;
  app_class->activate = limber_application_activate;
  app_class->open = limber_application_open;
}

static void
limber_application_init (LimberApplication *self)
{
  limber_command_line_add_options (G_APPLICATION (self));
}
