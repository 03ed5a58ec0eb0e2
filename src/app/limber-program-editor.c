/* limber-program-editor.c — the open program: header, exam, stretches
 *
 * Who and when on top (title, patient, the dates, picked on a calendar),
 * then the stretches, each a compact row that expands to edit in place
 * (one at a time, or all with Expand All), then what the handout says
 * besides.  Every field writes through LimberProgram's undoable setters;
 * when the program changes underneath (undo, redo), the fields follow,
 * without moving the cursor of the one being typed in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-program-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "limber-date-row.h"
#include "limber-exam-progress.h"
#include "limber-item-row.h"
#include "limber-languages.h"
#include "limber-program-editor.h"
#include "limber-thumbnail.h"

struct _LimberProgramEditor
{
  GtkWidget      parent_instance;

  LimberProgram *program;
  LimberCatalog *catalog;
  GSettings     *settings;   /* where the language chosen is remembered */
  gboolean       updating;   /* filling the fields from the program */
  LimberProgramItem *expanded_item;  /* the one row open, unless all are */
  gboolean       expanding;  /* opening or folding rows in bulk */

  /* Template widgets */
  GtkLabel      *count_label;
  GtkListBox    *items;
  AdwEntryRow   *title_row;
  AdwEntryRow   *patient_row;
  AdwEntryRow   *patient_id_row;
  AdwEntryRow   *patient_email_row;
  AdwEntryRow   *therapist_row;
  AdwEntryRow   *clinic_row;
  LimberDateRow *created_row;
  LimberDateRow *next_visit_row;
  GtkToggleButton *expand_all_button;
  AdwComboRow   *language_row;
  GtkTextView   *notes_view;
  GtkListBox    *exams;
  GtkLabel      *progress_label;
};

G_DEFINE_FINAL_TYPE (LimberProgramEditor, limber_program_editor, GTK_TYPE_WIDGET)

static AdwEntryRow *
row_for_field (LimberProgramEditor *self,
               LimberProgramField   field)
{
  switch (field)
    {
    case LIMBER_PROGRAM_TITLE: return self->title_row;
    case LIMBER_PROGRAM_PATIENT_NAME: return self->patient_row;
    case LIMBER_PROGRAM_PATIENT_ID: return self->patient_id_row;
    case LIMBER_PROGRAM_PATIENT_EMAIL: return self->patient_email_row;
    case LIMBER_PROGRAM_THERAPIST: return self->therapist_row;
    case LIMBER_PROGRAM_CLINIC: return self->clinic_row;
    case LIMBER_PROGRAM_CREATED:
    case LIMBER_PROGRAM_NEXT_VISIT:
    case LIMBER_PROGRAM_NOTES:
    case LIMBER_PROGRAM_LANGUAGE:
    case LIMBER_PROGRAM_N_FIELDS:
    default: return NULL;
    }
}

static void
set_text_if_different (GtkEditable *editable,
                       const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

static void
update_count (LimberProgramEditor *self)
{
  guint n = self->program ? g_list_model_get_n_items (G_LIST_MODEL (self->program)) : 0;
  g_autofree char *text = NULL;

  if (n > LIMBER_PROGRAM_GENTLE_LIMIT)
    text = g_strdup_printf (_("%u stretches. Patients usually keep up better with 3 to 5: "
                              "consider splitting this program."), n);
  else
    text = g_strdup_printf (ngettext ("%u stretch", "%u stretches", n), n);
  gtk_label_set_label (self->count_label, text);
  if (n > LIMBER_PROGRAM_GENTLE_LIMIT)
    gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "warning");
}

static GtkWidget *
create_exam_row (LimberProgramEditor *self,
                 guint                index)
{
  const LimberExam *exam = limber_program_get_exam (self->program, index);
  g_autofree char *summary = limber_exam_describe (exam);
  g_autofree char *date = limber_exam_format_date (exam->date);
  g_autofree char *target = g_strdup_printf ("%u", index);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (edit, _("Edit This Exam"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit this exam"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "win.edit-exam");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "u", index);
  gtk_widget_add_css_class (edit, "flat");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove This Exam"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove this exam"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.remove-exam");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", index);
  gtk_widget_add_css_class (remove, "flat");

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
update_exams (LimberProgramEditor *self)
{
  g_autofree char *progress = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->exams))) != NULL)
    gtk_list_box_remove (self->exams, child);
  for (guint i = 0; i < limber_program_get_n_exams (self->program); i++)
    gtk_list_box_append (self->exams, create_exam_row (self, i));
  gtk_widget_set_visible (GTK_WIDGET (self->exams), limber_program_get_n_exams (self->program) > 0);

  progress = limber_exam_describe_progress (self->program);
  gtk_label_set_label (self->progress_label, progress ? progress : "");
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), progress != NULL);
}

/* Fills the fields from the program (after load, undo or redo). */
static void
update_fields (LimberProgramEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  const char *notes = limber_program_get_notes (self->program);
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  self->updating = TRUE;
  for (guint f = 0; f < LIMBER_PROGRAM_N_FIELDS; f++)
    if (row_for_field (self, f) != NULL)
      set_text_if_different (GTK_EDITABLE (row_for_field (self, f)),
                             limber_program_get_field (self->program, f));
  limber_date_row_set_date (self->created_row, limber_program_get_field (self->program, LIMBER_PROGRAM_CREATED));
  limber_date_row_set_date (self->next_visit_row,
                            limber_program_get_field (self->program, LIMBER_PROGRAM_NEXT_VISIT));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, notes ? notes : "") != 0)
    gtk_text_buffer_set_text (buffer, notes ? notes : "", -1);

  adw_combo_row_set_selected (self->language_row,
                              limber_languages_find (limber_program_get_language (self->program)));
  update_exams (self);
  update_count (self);
  self->updating = FALSE;
}

static void
on_field_changed (LimberProgramEditor *self,
                  GtkEditable         *editable)
{
  if (self->updating || self->program == NULL)
    return;
  for (guint f = 0; f < LIMBER_PROGRAM_N_FIELDS; f++)
    if (row_for_field (self, f) != NULL && GTK_EDITABLE (row_for_field (self, f)) == editable)
      {
        const char *text = gtk_editable_get_text (editable);

        /* An e-mail address is kept once it is one (the file only holds
         * those); until then the row says it is not. */
        if (f == LIMBER_PROGRAM_PATIENT_EMAIL && *text != '\0' && !limber_program_email_is_valid (text))
          {
            gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
            return;
          }
        gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
        limber_program_set_field (self->program, f, text);
      }
}

/* A date picked on a calendar is always one the file can keep. */
static void
on_date_changed (LimberProgramEditor *self,
                 GParamSpec          *pspec,
                 LimberDateRow       *row)
{
  const char *date = limber_date_row_get_date (row);

  if (self->updating || self->program == NULL)
    return;
  limber_program_set_field (self->program,
                            row == self->created_row ? LIMBER_PROGRAM_CREATED : LIMBER_PROGRAM_NEXT_VISIT,
                            date != NULL ? date : "");
}

static void
on_notes_changed (LimberProgramEditor *self,
                  GtkTextBuffer       *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || self->program == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  limber_program_set_field (self->program, LIMBER_PROGRAM_NOTES, text);
}

/* Each language in its own words, as a patient would look for it. */
static void
fill_languages (AdwComboRow *row)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < limber_languages_get_n (); i++)
    gtk_string_list_append (names, limber_languages_get (i)->own_name);
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
}

static void
on_language_changed (LimberProgramEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);
  const char *code;

  if (self->updating || self->program == NULL || selected >= limber_languages_get_n ())
    return;
  code = limber_languages_get (selected)->code;
  limber_program_set_field (self->program, LIMBER_PROGRAM_LANGUAGE, code);
  /* The next new program starts in it. */
  g_settings_set_string (self->settings, "last-language", code);
}

static void
draw_item_thumbnail (GtkDrawingArea *area,
                     cairo_t        *cr,
                     int             width,
                     int             height,
                     gpointer        user_data)
{
  LimberProgramItem *item = user_data;
  LimberDosage dosage;

  /* A left-side item shows the stretch mirrored, as the handout does. */
  limber_program_item_get_dosage (item, &dosage);
  limber_thumbnail_draw (cr, width, height, limber_program_item_get_exercise (item),
                         LIMBER_FIGURE_SHOW_OVERLAID, dosage.side == LIMBER_SIDE_LEFT);
}

/* Opens or folds every row but @except. */
static void
expand_rows (LimberProgramEditor *self,
             gboolean             expanded,
             GtkWidget           *except)
{
  self->expanding = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->items)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (LIMBER_IS_ITEM_ROW (row) && row != except)
      limber_item_row_set_expanded (LIMBER_ITEM_ROW (row), expanded);
  self->expanding = FALSE;
}

/* One row open at a time, unless Expand All is on: opening one folds
 * the one open before.  The item open is remembered, so the row built
 * anew after a move opens again. */
static void
on_row_expanded (LimberProgramEditor *self,
                 GParamSpec          *pspec,
                 LimberItemRow       *row)
{
  LimberProgramItem *item = limber_item_row_get_item (row);

  if (self->expanding)
    return;
  if (limber_item_row_get_expanded (row))
    {
      g_set_object (&self->expanded_item, item);
      if (!gtk_toggle_button_get_active (self->expand_all_button))
        expand_rows (self, FALSE, GTK_WIDGET (row));
    }
  else if (self->expanded_item == item)
    g_clear_object (&self->expanded_item);
}

static void
on_expand_all_toggled (LimberProgramEditor *self)
{
  gboolean all = gtk_toggle_button_get_active (self->expand_all_button);

  if (!all)
    g_clear_object (&self->expanded_item);
  expand_rows (self, all, NULL);
}

static GtkWidget *
create_item_row (gpointer item,
                 gpointer user_data)
{
  LimberProgramEditor *self = user_data;
  GtkWidget *row = limber_item_row_new (self->program, item, self->catalog);

  limber_item_row_set_thumbnail_draw_func (LIMBER_ITEM_ROW (row), draw_item_thumbnail,
                                           g_object_ref (item), g_object_unref);
  limber_item_row_set_expanded (LIMBER_ITEM_ROW (row), gtk_toggle_button_get_active (self->expand_all_button)
                                                       || item == (gpointer) self->expanded_item);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_row_expanded), self, G_CONNECT_SWAPPED);
  return row;
}

void
limber_program_editor_set_program (LimberProgramEditor *self,
                                   LimberProgram       *program,
                                   LimberCatalog       *catalog)
{
  g_return_if_fail (LIMBER_IS_PROGRAM_EDITOR (self));

  if (self->program != NULL)
    g_signal_handlers_disconnect_by_data (self->program, self);
  g_set_object (&self->program, program);
  g_set_object (&self->catalog, catalog);
  g_clear_object (&self->expanded_item);
  gtk_list_box_bind_model (self->items, G_LIST_MODEL (program), program ? create_item_row : NULL, self, NULL);
  if (program == NULL)
    return;

  g_signal_connect_swapped (program, "changed", G_CALLBACK (update_fields), self);
  update_fields (self);
}

GtkListBox *
limber_program_editor_get_list (LimberProgramEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM_EDITOR (self), NULL);
  return self->items;
}

/* libadwaita 1.2's entry and combo rows show a pencil or an arrow as a
 * bare image, which a screen reader would read out as "GtkImage": the
 * row's title already says what the field is, so the icon is hidden
 * from it. */
static void
hide_row_icons (GtkWidget *widget,
                gboolean   in_row)
{
  in_row = in_row || ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget);
  if (in_row && GTK_IS_IMAGE (widget))
    gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    hide_row_icons (child, in_row);
}

static void
limber_program_editor_dispose (GObject *object)
{
  LimberProgramEditor *self = LIMBER_PROGRAM_EDITOR (object);

  if (self->program != NULL)
    g_signal_handlers_disconnect_by_data (self->program, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PROGRAM_EDITOR);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->program);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  g_clear_object (&self->expanded_item);
  G_OBJECT_CLASS (limber_program_editor_parent_class)->dispose (object);
}

static void
limber_program_editor_class_init (LimberProgramEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_program_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/limber/Limber/limber-program-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, count_label);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, items);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, patient_row);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, patient_id_row);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, patient_email_row);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, therapist_row);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, clinic_row);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, created_row);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, next_visit_row);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, expand_all_button);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, exams);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramEditor, progress_label);
}

static void
limber_program_editor_init (LimberProgramEditor *self)
{
  g_type_ensure (LIMBER_TYPE_DATE_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  hide_row_icons (GTK_WIDGET (self), FALSE);
  self->settings = g_settings_new (APP_ID);
  fill_languages (self->language_row);

  for (guint f = 0; f < LIMBER_PROGRAM_N_FIELDS; f++)
    if (row_for_field (self, f) != NULL)
      g_signal_connect_swapped (row_for_field (self, f), "changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_notes_changed), self);
  g_signal_connect_swapped (self->language_row, "notify::selected", G_CALLBACK (on_language_changed), self);
  g_signal_connect_swapped (self->created_row, "notify::date", G_CALLBACK (on_date_changed), self);
  g_signal_connect_swapped (self->next_visit_row, "notify::date", G_CALLBACK (on_date_changed), self);
  g_signal_connect_swapped (self->expand_all_button, "toggled", G_CALLBACK (on_expand_all_toggled), self);
}
