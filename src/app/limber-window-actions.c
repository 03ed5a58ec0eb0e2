/* limber-window-actions.c — what the window's buttons and shortcuts do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-window-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "limber-custom-editor.h"
#include "limber-custom.h"
#include "limber-drafts.h"
#include "limber-exam-editor.h"
#include "limber-languages.h"
#include "limber-paths.h"
#include "limber-problem.h"
#include "limber-window-private.h"

/* A new program's handout is in the language last chosen for one; until
 * one is chosen, in the interface's language when the handout has words
 * for it, else in English. */
static const char *
new_program_language (LimberWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-language");
  const char * const *interface = g_get_language_names ();
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  g_auto(GStrv) wanted = NULL;

  /* A last language Limber cannot write (set by hand) counts for nothing. */
  g_strv_builder_add (tags, last);
  g_strv_builder_addv (tags, (const char **) interface);
  wanted = g_strv_builder_end (tags);
  return limber_languages_pick ((const char * const *) wanted + (*last == '\0' ? 1 : 0));
}

/* A new program, dated today, by the therapist and clinic of the settings. */
LimberProgram *
_limber_window_new_program (LimberWindow *self)
{
  LimberProgram *program = limber_program_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *therapist = g_settings_get_string (self->settings, "therapist-name");
  g_autofree char *clinic = g_settings_get_string (self->settings, "clinic-name");

  limber_program_start (program, today, therapist, clinic, new_program_language (self));
  return program;
}

/* Where a new program goes, the same whether the program shown is saved
 * or not: a program with anything in it (a stretch, a file, an edit)
 * stays on screen, and the new one opens in a window of its own, so
 * Ctrl+N never takes away what the therapist is looking at (last week's
 * program, to copy from) nor asks first.  Only the start page or an
 * untouched empty program gives its place. */
static LimberWindow *
window_for_new (LimberWindow *self)
{
  LimberProgram *shown = self->program;
  gboolean keep = shown != NULL && (g_list_model_get_n_items (G_LIST_MODEL (shown)) > 0
                                    || limber_program_get_file (shown) != NULL
                                    || limber_program_is_modified (shown));

  return _limber_window_for_program (self, keep ? LIMBER_WINDOW_OPEN_BESIDE_ANY : LIMBER_WINDOW_OPEN_HERE);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LimberWindow *self = window_for_new (LIMBER_WINDOW (widget));
  g_autoptr(LimberProgram) program = _limber_window_new_program (self);

  _limber_window_set_program (self, program);
}

/* A template is a program without patient: the new program copies its
 * stretches and advice and is dated today, with no file of its own. */
static void
new_from_template_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberProgram) loaded = limber_program_load (file, self->catalog, NULL, &error);
  g_autoptr(LimberProgram) copy = NULL;
  g_autoptr(LimberProgram) program = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (loaded == NULL)
    {
      _limber_window_error (self, _("Cannot Use the Template"), error->message);
      return;
    }
  copy = limber_program_copy_as_template (loaded);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    limber_program_start (copy, today, NULL, NULL, NULL);
  }
  data = limber_program_to_string (copy, &length);
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  program = limber_program_load_bytes (bytes, _("template"), self->catalog, NULL, NULL);
  self = window_for_new (self);
  _limber_window_set_program (self, program);
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  LimberWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      limber_window_open_file_async (self, file, LIMBER_WINDOW_OPEN_BESIDE_UNSAVED);
    }
  g_clear_object (&self->chooser);
}

static GtkFileFilter *
program_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Limber programs"));
  gtk_file_filter_add_mime_type (filter, "application/x-limber-program");
  gtk_file_filter_add_pattern (filter, "*.limber");
  return filter;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = program_filter ();

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Open Program"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  limber_window_open_file_async (self, file, LIMBER_WINDOW_OPEN_BESIDE_UNSAVED);
}

static gboolean
save_to (LimberWindow *self,
         GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!limber_program_save (self->program, file, &error))
    {
      /* Say that nothing is lost yet, and the way out. */
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message,
                                               _("Your changes are still here, in this window. To keep "
                                                 "them, save them elsewhere with Save As (Ctrl+Shift+S)."));

      _limber_window_error (self, _("The Program Was Not Saved"), body);
      return FALSE;
    }
  limber_drafts_delete (self->draft_id);
  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  _limber_window_toast (self, _("Saved"));
  limber_library_reload (limber_library_page_get_library (self->library_page));
  return TRUE;
}

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  LimberWindow    *self)
{
  gboolean then_close = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "then-close"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      /* Written where the user (or the portal) said, as it is: the name
       * offered ends in .limber, and in a sandbox only the file the
       * portal returned can be written, not a sibling with another
       * name. */
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (save_to (self, file) && then_close)
        _limber_window_close_now (self);
    }
  g_clear_object (&self->chooser);
}

/**
 * _limber_window_save:
 * @choose_file: ask where even if the program has a file (Save As)
 * @then_close: close the window once saved
 */
void
_limber_window_save (LimberWindow *self,
                     gboolean      choose_file,
                     gboolean      then_close)
{
  g_autoptr(GtkFileFilter) filter = NULL;

  if (self->program == NULL)
    return;
  if (!choose_file && limber_program_get_file (self->program) != NULL)
    {
      if (save_to (self, limber_program_get_file (self->program)) && then_close)
        _limber_window_close_now (self);
      return;
    }

  filter = program_filter ();
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save Program"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* The name offered ends in .limber, so that the file opens with
   * Limber; it is not added afterwards (see on_save_response()). */
  _limber_window_propose_save (self, GTK_FILE_CHOOSER (self->chooser));
  g_object_set_data (G_OBJECT (self->chooser), "then-close", GINT_TO_POINTER (then_close));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _limber_window_save (LIMBER_WINDOW (widget), FALSE, FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _limber_window_save (LIMBER_WINDOW (widget), TRUE, FALSE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  if (self->program != NULL)
    limber_program_undo (self->program);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  if (self->program != NULL)
    limber_program_redo (self->program);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _limber_window_show_catalog (LIMBER_WINDOW (widget));
  limber_catalog_pane_focus_search (LIMBER_WINDOW (widget)->catalog_pane);
}

static void
on_exam_response (AdwMessageDialog *dialog,
                  const char       *response,
                  LimberWindow     *self)
{
  LimberExamEditor *editor = g_object_get_data (G_OBJECT (dialog), "editor");
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "index"));
  g_autoptr(LimberExam) exam = NULL;

  if (g_strcmp0 (response, "save") != 0 || self->program == NULL)
    return;
  exam = limber_exam_editor_dup_exam (editor);
  if (index < 0)
    limber_program_add_exam (self->program, exam);
  else if ((guint) index < limber_program_get_n_exams (self->program))
    limber_program_set_exam (self->program, index, exam);
}

/* Save waits until the exam's date is a real date. */
static void
on_exam_valid (LimberExamEditor *editor,
               GParamSpec       *pspec,
               AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "save", limber_exam_editor_get_valid (editor));
}

/* The progress chart shows the program's other exams with this one. */
static void
set_exam_history (LimberWindow     *self,
                  LimberExamEditor *editor,
                  int               index)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new ();

  for (guint i = 0; i < limber_program_get_n_exams (self->program); i++)
    if ((int) i != index)
      g_ptr_array_add (others, (gpointer) limber_program_get_exam (self->program, i));
  limber_exam_editor_set_history (editor, others);
}

static void
show_exam_dialog (LimberWindow *self,
                  int           index)
{
  g_autoptr(LimberExam) fresh = NULL;
  const LimberExam *exam;
  GtkWidget *dialog, *editor;

  if (index >= 0)
    exam = limber_program_get_exam (self->program, index);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      fresh = limber_exam_new ();
      fresh->date = g_date_time_format (now, "%Y-%m-%d");
      exam = fresh;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), index < 0 ? _("New Examination") : _("Examination"), NULL);
  editor = limber_exam_editor_new ();
  limber_exam_editor_set_exam (LIMBER_EXAM_EDITOR (editor), exam);
  set_exam_history (self, LIMBER_EXAM_EDITOR (editor), index);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), editor);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "editor", editor);
  g_object_set_data (G_OBJECT (dialog), "index", GINT_TO_POINTER (index));
  g_signal_connect (dialog, "response", G_CALLBACK (on_exam_response), self);
  g_signal_connect_object (editor, "notify::valid", G_CALLBACK (on_exam_valid), dialog, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_exam_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  show_exam_dialog (LIMBER_WINDOW (widget), -1);
}

static void
edit_exam_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (self->program != NULL && index < limber_program_get_n_exams (self->program))
    show_exam_dialog (self, index);
}

static void
remove_exam_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (self->program != NULL && index < limber_program_get_n_exams (self->program))
    {
      limber_program_remove_exam (self->program, index);
      _limber_window_toast_undo (self, _("Exam removed"));
    }
}

/* Parts of the window that remove something (a stretch's row) say so
 * through this action, without knowing the window. */
static void
toast_undo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _limber_window_toast_undo (LIMBER_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* A custom stretch lands in the user's catalog, which is read again:
 * the new stretch shows in the list at once. */
static void
on_custom_saved (LimberWindow *self,
                 const char   *id)
{
  g_autoptr(GFile) file = limber_custom_file ();
  g_autoptr(GError) error = NULL;
  LimberExercise *exercise;

  if (!limber_catalog_add_file (self->catalog, file, &error))
    {
      _limber_window_error (self, _("The Custom Stretch Cannot Be Shown"), error->message);
      return;
    }
  exercise = limber_catalog_lookup (self->catalog, id);
  if (exercise != NULL)
    _limber_window_toast (self, _("Custom stretch saved to your catalog"));
}

static void
new_custom_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  GtkWindow *editor = limber_custom_editor_new (GTK_WINDOW (self), self->catalog);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_custom_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (editor);
}

static void
catalog_report_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  GPtrArray *problems = limber_catalog_get_problems (self->catalog);
  GPtrArray *notices = limber_catalog_get_notices (self->catalog);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = limber_problem_to_string (g_ptr_array_index (problems, i));
      g_string_append_printf (body, "%s\n", line);
    }
  if (problems->len > 0 && notices->len > 0)
    g_string_append (body, "\n");
  for (guint i = 0; i < notices->len; i++)
    {
      g_autofree char *line = limber_problem_to_string (g_ptr_array_index (notices, i));
      g_string_append_printf (body, "%s\n", line);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Catalog Files"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_template (GMenu      *menu,
              GFile      *file,
              const char *label)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, "win.new-from-template", "s", uri);
  g_menu_append_item (menu, item);
}

/* The New menu lists the bundled sample and the user's templates. */
static void
fill_new_menu (LimberWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) templates = g_menu_new ();
  g_autoptr(GFile) sample = limber_paths_example ("tight-hips.limber");
  g_autoptr(GFile) dir = limber_paths_templates ();
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  g_menu_append (menu, _("_Empty Program"), "win.new");
  g_menu_append (menu, _("_Custom Stretch…"), "win.new-custom");
  add_template (templates, sample, _("Tight hips (sample)"));
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, ".limber"))
        {
          g_autoptr(GFile) file = g_file_get_child (dir, name);
          g_autofree char *label = g_strndup (name, strlen (name) - strlen (".limber"));
          add_template (templates, file, label);
        }
      g_object_unref (info);
    }
  g_menu_append (templates, _("_Manage Templates…"), "win.manage-templates");
  g_menu_append_section (menu, _("From a Template"), G_MENU_MODEL (templates));
  gtk_menu_button_set_menu_model (self->new_button, G_MENU_MODEL (menu));
}

/* Filled when the window opens and after a template is saved. */
void
_limber_window_fill_new_menu (LimberWindow *self)
{
  fill_new_menu (self);
}

/* After templates are saved, renamed or deleted: every window's menu. */
void
_limber_window_fill_new_menus (LimberWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL)
    {
      fill_new_menu (self);
      return;
    }
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (LIMBER_IS_WINDOW (l->data))
      fill_new_menu (l->data);
}

void
_limber_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-template", "s", new_from_template_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.add-exam", NULL, add_exam_action);
  gtk_widget_class_install_action (widget_class, "win.edit-exam", "u", edit_exam_action);
  gtk_widget_class_install_action (widget_class, "win.remove-exam", "u", remove_exam_action);
  gtk_widget_class_install_action (widget_class, "win.toast-undo", "s", toast_undo_action);
  gtk_widget_class_install_action (widget_class, "win.catalog-report", NULL, catalog_report_action);
  gtk_widget_class_install_action (widget_class, "win.new-custom", NULL, new_custom_action);
  _limber_window_class_add_handout_actions (widget_class);
  _limber_window_class_add_send_actions (widget_class);
  _limber_window_class_add_template_actions (widget_class);
}

void
limber_window_set_accels (GtkApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.preview", { "<Control><Shift>p", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.send-patient", { "<Control>m", NULL } },
    { "win.send-colleague", { "<Control><Shift>m", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.next-visit", { "<Control><Shift>n", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}
