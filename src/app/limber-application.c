/* limber-application.c — the application: actions, command line, catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-application"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-application.h"
#include "limber-contact-sheet.h"
#include "limber-drafts.h"
#include "limber-export.h"
#include "limber-preferences-window.h"
#include "limber-validate.h"
#include "limber-window.h"
#include "limber-xml.h"

struct _LimberApplication
{
  AdwApplication  parent_instance;

  LimberCatalog  *catalog;   /* loaded on first use, shared by windows */
  GSettings      *settings;
  GPtrArray      *pending;   /* GFile: from the command line, opened on activate */
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

LimberCatalog *
limber_application_get_catalog (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);

  if (self->catalog == NULL)
    {
      g_auto(GStrv) folders = g_settings_get_strv (self->settings, "catalog-folders");

      self->catalog = limber_catalog_new ();
      limber_catalog_load_standard (self->catalog, (const char * const *) folders);
    }
  return self->catalog;
}

/* `limber --validate FILE…`: no window, no display needed. */
static int
validate_files (LimberApplication  *self,
                const char * const *paths,
                const char * const *catalogs)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  guint n_bad = 0, n = 0;

  /* Program items without their own copy look in the usual catalogs,
   * then in those given with --catalog (a file or a folder). */
  limber_catalog_load_standard (catalog, NULL);
  for (guint i = 0; catalogs != NULL && catalogs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (catalogs[i]);

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        limber_catalog_add_folder (catalog, file);
      else
        limber_catalog_add_file (catalog, file, NULL);
    }
  for (guint i = 0; i < limber_catalog_get_problems (catalog)->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (limber_catalog_get_problems (catalog), i));

  for (; paths != NULL && paths[n] != NULL; n++)
    {
      g_ptr_array_set_size (problems, 0);
      if (!limber_validate_file (paths[n], catalog, problems))
        n_bad++;
      for (guint i = 0; i < problems->len; i++)
        g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));
    }
  if (n == 0)
    {
      g_printerr (_("Usage: limber --validate FILE…\n"));
      return 2;
    }
  if (n_bad == 0)
    g_print (ngettext ("%u file is valid\n", "All %u files are valid\n", n), n);
  return n_bad == 0 ? 0 : 1;
}

/* `limber --contact-sheet OUT.pdf`: every figure of the catalogs, named,
 * a few per page, to check them by eye. */
static int
write_contact_sheet (const char         *path,
                     const char * const *catalogs)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GError) error = NULL;

  limber_catalog_load_standard (catalog, NULL);
  for (guint i = 0; catalogs != NULL && catalogs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (catalogs[i]);

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        limber_catalog_add_folder (catalog, file);
      else
        limber_catalog_add_file (catalog, file, NULL);
    }
  for (guint i = 0; i < limber_catalog_get_problems (catalog)->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (limber_catalog_get_problems (catalog), i));
  if (!limber_figure_write_contact_sheet (G_LIST_MODEL (catalog), path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

static int
limber_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  g_autofree const char **files = NULL;
  g_autofree const char **catalogs = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("limber %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (options, "catalog", "^a&ay", &catalogs);

  if (g_variant_dict_contains (options, "validate"))
    return validate_files (self, files, catalogs);

  if (g_variant_dict_contains (options, "contact-sheet"))
    {
      const char *path = NULL;

      g_variant_dict_lookup (options, "contact-sheet", "^&ay", &path);
      return write_contact_sheet (path, catalogs);
    }

  /* `limber --export PROGRAM -o OUT.pdf`: the handout, no window. */
  if (g_variant_dict_contains (options, "export"))
    {
      const char *program = NULL, *output = NULL, *paper = NULL, *layout = NULL, *language = NULL;

      g_variant_dict_lookup (options, "export", "^&ay", &program);
      g_variant_dict_lookup (options, "output", "^&ay", &output);
      g_variant_dict_lookup (options, "paper", "&s", &paper);
      g_variant_dict_lookup (options, "layout", "&s", &layout);
      g_variant_dict_lookup (options, "language", "&s", &language);
      return limber_export_run (program, output, paper, layout, language,
                                g_variant_dict_contains (options, "therapist-copy"), catalogs);
    }

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

  if (self->drafts_offered)
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

static void
limber_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  LimberApplication *self = LIMBER_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      LimberWindow *window = last_window (self);
      LimberWindow *shown;

      if (window == NULL)
        window = new_window (self);
      /* Each program gets a window of its own, unless the last one used
       * is empty; a file that cannot open opens none, and the window
       * the user was in says why. */
      /* The window is raised first, so that an error about the file
       * comes up above it, not under it. */
      gtk_window_present (GTK_WINDOW (window));
      shown = limber_window_open_file_full (window, files[i], LIMBER_WINDOW_OPEN_BESIDE_ANY);
      if (shown != NULL && shown != window)
        gtk_window_present (GTK_WINDOW (shown));
    }
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
}

static void
limber_application_dispose (GObject *object)
{
  LimberApplication *self = LIMBER_APPLICATION (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
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
  static const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Check catalog and program files and print each problem as FILE:LINE: message"), NULL },
    { "catalog", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      N_("Also look up exercises in this catalog file or folder (repeatable)"), N_("PATH") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the handout of a program as a PDF (with -o) and exit"), N_("PROGRAM") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL, N_("The PDF file to write with --export"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Paper size of the handout: a4 or letter"), N_("SIZE") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Layout of the handout: large, standard or compact"), N_("LAYOUT") },
    { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Language of the handout (en, es); the program's by default"), N_("LANG") },
    { "therapist-copy", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Export the therapist's copy, with the examinations and progress"), NULL },
    { "contact-sheet", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Draw every figure of the catalogs into a PDF, to check them"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Open programs (*.limber) or check files with --validate."));
}
