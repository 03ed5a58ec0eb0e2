/* limber-window.c — the main window: catalog on the left, program on the right
 *
 * The window owns one program at a time.  Every change is autosaved as a
 * draft a few seconds later; closing with unsaved changes asks first.
 * Actions live in limber-window-actions.c; folding to one pane in
 * limber-window-adaptive.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-window"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-drafts.h"
#include "limber-problem.h"
#include "limber-toast-guard.h"
#include "limber-window-private.h"

/* A draft is written this long after the first change it does not hold
 * yet (README: Reliability). */
#define DRAFT_DELAY_MS 3000

enum { PROP_0, PROP_CATALOG, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LimberWindow, limber_window, ADW_TYPE_APPLICATION_WINDOW)

LimberWindow *
limber_window_new (LimberApplication *app,
                   LimberCatalog     *catalog)
{
  return g_object_new (LIMBER_TYPE_WINDOW,
                       "application", app,
                       "catalog", catalog,
                       NULL);
}

/* libadwaita 1.2 reads a toast's title as Pango markup: a message that
 * quotes a file name such as "Hip & knee.limber" would show nothing. */
void
_limber_window_toast (LimberWindow *self,
                      const char   *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  limber_toast_add (self->toasts, adw_toast_new (escaped));
}

/* After a change the user may regret (a removal), the toast offers the
 * same undo as Ctrl+Z, as a button: the HIG's way, and one a pointer
 * user finds. */
void
_limber_window_toast_undo (LimberWindow *self,
                           const char   *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  limber_toast_add (self->toasts, toast);
}

void
_limber_window_error (LimberWindow *self,
                      const char   *heading,
                      const char   *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * limber_window_show_error:
 *
 * Shows @message under @heading in a dialog over the window.
 */
void
limber_window_show_error (LimberWindow *self,
                          const char   *heading,
                          const char   *message)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));

  _limber_window_error (self, heading, message);
}

/* Say which catalog files were skipped or replaced exercises: a log line
 * nobody reads is not enough for a therapist who edited a file. */
static void
update_banner (LimberWindow *self)
{
  GPtrArray *problems = limber_catalog_get_problems (self->catalog);
  GPtrArray *notices = limber_catalog_get_notices (self->catalog);
  g_autofree char *text = NULL;

  if (problems->len > 0)
    text = g_strdup_printf (ngettext ("A catalog file has a problem and was skipped",
                                      "Catalog files have %u problems; those files were skipped",
                                      problems->len), problems->len);
  else if (notices->len > 0)
    text = g_strdup_printf (ngettext ("%u exercise was replaced by a later catalog",
                                      "%u exercises were replaced by later catalogs",
                                      notices->len), notices->len);
  gtk_label_set_label (self->banner_label, text ? text : "");
  gtk_revealer_set_reveal_child (self->banner, text != NULL);
}

static void
update_title (LimberWindow *self)
{
  const char *title = self->program ? limber_program_get_title (self->program) : NULL;
  g_autofree char *subtitle = NULL;

  if (self->program == NULL)
    subtitle = g_strdup ("");
  else
    subtitle = g_strdup_printf ("%s%s", limber_program_is_modified (self->program) ? "• " : "",
                                title ? title : _("Untitled Program"));
  adw_window_title_set_subtitle (self->title, subtitle);
}

static gboolean
write_draft (gpointer user_data)
{
  LimberWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  self->draft_timeout = 0;
  if (self->program == NULL || !limber_program_is_modified (self->program))
    return G_SOURCE_REMOVE;
  if (!limber_drafts_save (self->draft_id, self->program, &error))
    _limber_window_toast (self, error->message);
  return G_SOURCE_REMOVE;
}

/* The draft is written DRAFT_DELAY_MS after the first change it does
 * not hold yet, not after the last one: a therapist who types a long
 * note without a pause still has all but the last few seconds of it on
 * disk if Limber is killed. */
static void
on_program_changed (LimberWindow *self)
{
  if (limber_program_is_modified (self->program))
    {
      if (self->draft_timeout == 0)
        self->draft_timeout = g_timeout_add (DRAFT_DELAY_MS, write_draft, self);
    }
  else
    {
      g_clear_handle_id (&self->draft_timeout, g_source_remove);
      limber_drafts_delete (self->draft_id);
    }
  update_title (self);
  _limber_window_update_actions (self);
}

void
_limber_window_set_program (LimberWindow  *self,
                            LimberProgram *program)
{
  if (self->program != NULL)
    g_signal_handlers_disconnect_by_data (self->program, self);
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  g_set_object (&self->program, program);
  limber_program_editor_set_program (self->program_editor, program, self->catalog);
  limber_catalog_pane_set_program (self->catalog_pane, program);
  gtk_stack_set_visible_child_name (self->program_stack, program ? "program" : "empty");
  /* Back on the start page, the library as it is now. */
  if (program == NULL)
    limber_library_reload (limber_library_page_get_library (self->library_page));
  /* In one pane, the program shown is the work at hand. */
  if (program != NULL)
    _limber_window_show_program (self);
  else
    _limber_window_show_catalog (self);
  if (program != NULL)
    {
      g_signal_connect_swapped (program, "changed", G_CALLBACK (on_program_changed), self);
      g_signal_connect_swapped (program, "notify::modified", G_CALLBACK (update_title), self);
    }
  update_title (self);
  _limber_window_update_actions (self);
}

gboolean
limber_window_is_empty (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), FALSE);
  return self->program == NULL;
}

LimberProgram *
limber_window_get_program (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return self->program;
}

const char *
limber_window_get_draft_id (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return self->draft_id;
}

/* A restored draft: the window takes over its id, so saving deletes it. */
void
limber_window_take_draft (LimberWindow  *self,
                          LimberProgram *program,
                          const char    *draft_id)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));

  g_free (self->draft_id);
  self->draft_id = g_strdup (draft_id);
  _limber_window_set_program (self, program);
}

/* The window a program being opened or started goes to: this one, or a
 * new one beside it so that the work shown is not replaced. */
LimberWindow *
_limber_window_for_program (LimberWindow     *self,
                            LimberWindowOpen  where)
{
  LimberWindow *window;

  if (self->program == NULL || where == LIMBER_WINDOW_OPEN_HERE
      || (where == LIMBER_WINDOW_OPEN_BESIDE_UNSAVED && !limber_program_is_modified (self->program)))
    return self;
  window = limber_window_new (LIMBER_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                              self->catalog);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* One place decides what can be done now. */
void
_limber_window_update_actions (LimberWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has = self->program != NULL;

  gtk_widget_action_set_enabled (widget, "win.save", has);
  gtk_widget_action_set_enabled (widget, "win.save-as", has);
  gtk_widget_action_set_enabled (widget, "win.save-template", has && g_list_model_get_n_items (G_LIST_MODEL (self->program)) > 0);
  gtk_widget_action_set_enabled (widget, "win.undo", has && limber_program_can_undo (self->program));
  gtk_widget_action_set_enabled (widget, "win.redo", has && limber_program_can_redo (self->program));
  gtk_widget_action_set_enabled (widget, "win.add-exam", has);
  gtk_widget_action_set_enabled (widget, "win.print", has);
  gtk_widget_action_set_enabled (widget, "win.export", has && self->exporting == 0);
  gtk_widget_action_set_enabled (widget, "win.preview", has);
  gtk_widget_action_set_enabled (widget, "win.send-patient", has);
  gtk_widget_action_set_enabled (widget, "win.send-colleague", has);
  gtk_widget_action_set_enabled (widget, "win.next-visit", has);
  gtk_widget_action_set_enabled (widget, "win.show-library", has);
  gtk_widget_action_set_enabled (widget, "win.for-another", has);
}

/**
 * limber_window_open_file:
 *
 * Opens a program in this window, replacing the one shown.  A file that
 * cannot open leaves the window as it was and says why, with the file
 * and line.
 */
gboolean
limber_window_open_file (LimberWindow *self,
                         GFile        *file)
{
  return limber_window_open_file_full (self, file, LIMBER_WINDOW_OPEN_HERE) != NULL;
}

/**
 * limber_window_open_file_full:
 * @where: this window, or a new one beside it
 *
 * Opens a program as limber_window_open_file() does.  The file is read
 * before a window is chosen: one that cannot open opens no window, and
 * this window says why.
 *
 * Returns: (transfer none) (nullable): the window showing the program
 */
/* Shows a program just read from @file, with what was left out of it. */
static LimberWindow *
show_opened (LimberWindow     *self,
             GFile            *file,
             LimberProgram    *program,
             GPtrArray        *warnings,
             LimberWindowOpen  where)
{
  g_autofree char *uri = g_file_get_uri (file);
  LimberWindow *window = _limber_window_for_program (self, where);

  _limber_window_set_program (window, program);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *warning = limber_problem_to_string (g_ptr_array_index (warnings, i));
      _limber_window_toast (window, warning);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (program)); i++)
    if (limber_program_item_get_from_snapshot (limber_program_get_item (program, i)))
      {
        _limber_window_toast (window, _("Some stretches are not in your catalog: "
                                        "they were opened from the copy inside the file"));
        break;
      }
  return window;
}

LimberWindow *
limber_window_open_file_full (LimberWindow     *self,
                              GFile            *file,
                              LimberWindowOpen  where)
{
  g_autoptr(GPtrArray) warnings = limber_problem_list_new ();
  g_autoptr(LimberProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  program = limber_program_load (file, self->catalog, warnings, &error);
  if (program == NULL)
    {
      _limber_window_error (self, _("Cannot Open the Program"), error->message);
      return NULL;
    }
  return show_opened (self, file, program, warnings, where);
}

typedef struct
{
  LimberWindow     *self;
  GFile            *file;
  LimberWindowOpen  where;
  char             *opening;   /* "Opening…" in the title, once it takes a while */
  char             *subtitle;  /* what the title said before */
  guint             opening_id;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_clear_handle_id (&job->opening_id, g_source_remove);
  /* Unless the title has moved on (to the program opened), it says again
   * what it said. */
  if (job->opening != NULL
      && g_strcmp0 (adw_window_title_get_subtitle (job->self->title), job->opening) == 0)
    adw_window_title_set_subtitle (job->self->title, job->subtitle);
  g_free (job->opening);
  g_free (job->subtitle);
  g_object_unref (job->self);
  g_object_unref (job->file);
  g_free (job);
}

/* A file that opens at once needs no word; a slow one says it is
 * coming, in the title (a toast dismissed early upsets libadwaita 1.2's
 * toast overlay when its window goes). */
static gboolean
show_opening (gpointer user_data)
{
  OpenJob *job = user_data;
  g_autofree char *name = g_file_get_basename (job->file);

  job->opening_id = 0;
  job->subtitle = g_strdup (adw_window_title_get_subtitle (job->self->title));
  job->opening = g_strdup_printf (_("Opening “%s”…"), name);
  adw_window_title_set_subtitle (job->self->title, job->opening);
  return G_SOURCE_REMOVE;
}

static void
on_program_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  OpenJob *job = user_data;
  g_autoptr(GPtrArray) warnings = limber_problem_list_new ();
  g_autoptr(LimberProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  program = limber_program_load_finish (result, warnings, &error);
  if (program == NULL)
    _limber_window_error (job->self, _("Cannot Open the Program"), error->message);
  else
    show_opened (job->self, job->file, program, warnings, job->where);
  open_job_free (job);
}

/**
 * limber_window_open_file_async:
 * @where: this window, or a new one beside it
 *
 * Opens a program as limber_window_open_file_full() does, the file read
 * in the background: the window stays responsive, and says so if it
 * takes a while.  What the user opens (the Open dialog, recent files,
 * the file manager, a drop) opens this way.
 */
void
limber_window_open_file_async (LimberWindow     *self,
                               GFile            *file,
                               LimberWindowOpen  where)
{
  OpenJob *job;

  g_return_if_fail (LIMBER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (OpenJob, 1);
  job->self = g_object_ref (self);
  job->file = g_object_ref (file);
  job->where = where;
  job->opening_id = g_timeout_add (300, show_opening, job);
  limber_program_load_async (file, self->catalog, NULL, on_program_read, job);
}

static gboolean
program_has_exercise (LimberProgram  *program,
                      LimberExercise *exercise)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (program)); i++)
    if (g_strcmp0 (limber_exercise_get_id (limber_program_item_get_exercise (limber_program_get_item (program, i))),
                   limber_exercise_get_id (exercise)) == 0)
      return TRUE;
  return FALSE;
}

/* A stretch chosen in the catalog goes to the end of the program; with
 * no program open, a new one starts.  One already in the program is
 * added again (the same stretch twice, e.g. with another side or
 * dosage, is a real program), and the toast says so with Undo, for the
 * double-click that was a slip. */
static void
on_exercise_activated (LimberWindow   *self,
                       LimberExercise *exercise)
{
  if (self->program == NULL)
    {
      g_autoptr(LimberProgram) program = _limber_window_new_program (self);

      _limber_window_set_program (self, program);
    }
  if (program_has_exercise (self->program, exercise))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” was already in this program: added again"),
                         limber_exercise_get_name (exercise, limber_program_get_language (self->program)));

      _limber_window_toast_undo (self, message);
    }
  limber_program_insert_exercise (self->program, G_MAXUINT, exercise);
  /* In one pane, back to the program, to see the stretch added. */
  _limber_window_show_program (self);
}

static gboolean
on_program_drop (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 LimberWindow  *self)
{
  LimberExercise *exercise = g_value_get_object (value);

  if (!LIMBER_IS_EXERCISE (exercise))
    return FALSE;
  on_exercise_activated (self, exercise);
  return TRUE;
}

/* Program files dropped from a file manager open as Open opens them:
 * beside unsaved work, never over it; each further file in a window of
 * its own. */
static gboolean
on_file_drop (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              LimberWindow  *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr(GSList) files = list != NULL ? gdk_file_list_get_files (list) : NULL;

  for (GSList *l = files; l != NULL; l = l->next)
    limber_window_open_file_async (self, l->data, l == files ? LIMBER_WINDOW_OPEN_BESIDE_UNSAVED
                                                            : LIMBER_WINDOW_OPEN_BESIDE_ANY);
  return files != NULL;
}

/* Closed from the main loop: the dialog that asked is still finishing
 * its response, and closing the window would destroy it under its feet. */
static gboolean
close_later (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

void
_limber_window_close_now (LimberWindow *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later, g_object_ref (self), g_object_unref);
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   LimberWindow     *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      limber_drafts_delete (self->draft_id);
      _limber_window_close_now (self);
    }
  else if (g_strcmp0 (response, "save") == 0)
    _limber_window_save (self, FALSE, TRUE);
}

static void
save_window_state (LimberWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
limber_window_close_request (GtkWindow *window)
{
  LimberWindow *self = LIMBER_WINDOW (window);

  if (!self->closing && self->program != NULL && limber_program_is_modified (self->program))
    {
      const char *title = limber_program_get_title (self->program);
      GtkWidget *dialog = adw_message_dialog_new (window, _("Save Changes?"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("“%s” has changes that are not saved. Closing without saving "
                                        "loses them."), title ? title : _("Untitled Program"));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  save_window_state (self);
  return GTK_WINDOW_CLASS (limber_window_parent_class)->close_request (window);
}

/* The catalog pane stars the stretches the application keeps. */
static void
on_application_set (LimberWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (LIMBER_IS_APPLICATION (app))
    limber_catalog_pane_set_favourites (self->catalog_pane,
                                        limber_application_get_favourites (LIMBER_APPLICATION (app)));
}

static void
limber_window_constructed (GObject *object)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  G_OBJECT_CLASS (limber_window_parent_class)->constructed (object);

  limber_catalog_pane_set_catalog (self->catalog_pane, self->catalog);
  /* "application" is set after constructed(). */
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_set), NULL);
  update_banner (self);
  _limber_window_fill_new_menu (self);
  _limber_window_update_actions (self);
}

static void
limber_window_dispose (GObject *object)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  /* Pending edits reach the draft before the window goes. */
  if (self->draft_timeout != 0)
    {
      g_clear_handle_id (&self->draft_timeout, g_source_remove);
      if (!self->closing)
        write_draft (self);
    }
  if (self->program != NULL)
    g_signal_handlers_disconnect_by_data (self->program, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_WINDOW);
  g_clear_object (&self->catalog);
  g_clear_object (&self->program);
  g_clear_object (&self->settings);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->draft_id, g_free);

  G_OBJECT_CLASS (limber_window_parent_class)->dispose (object);
}

static void
limber_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_set_object (&self->catalog, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_window_class_init (LimberWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = limber_window_constructed;
  object_class->dispose = limber_window_dispose;
  object_class->set_property = limber_window_set_property;
  object_class->get_property = limber_window_get_property;
  window_class->close_request = limber_window_close_request;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, LIMBER_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIMBER_TYPE_CATALOG_PANE);
  g_type_ensure (LIMBER_TYPE_PROGRAM_EDITOR);
  g_type_ensure (LIMBER_TYPE_LIBRARY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/limber/Limber/limber-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, title);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, catalog_pane);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, program_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, program_editor);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, library_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, new_button);

  _limber_window_class_add_actions (widget_class);
  _limber_window_class_add_adaptive (widget_class);
  _limber_window_class_add_visit_actions (widget_class);
}

static void
limber_window_init (LimberWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->draft_id = limber_drafts_new_id ();
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_swapped (self->catalog_pane, "exercise-activated", G_CALLBACK (on_exercise_activated), self);
  _limber_window_watch_library (self);

  /* Stretches dragged from the catalog onto the program side. */
  drop = gtk_drop_target_new (LIMBER_TYPE_EXERCISE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_program_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->program_stack), GTK_EVENT_CONTROLLER (drop));

  /* Program files from a file manager, anywhere on the window.  Only a
   * file list is taken, so the stretches dragged above still reach the
   * program's own targets. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_file_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
