/* limber-exam-editor.c — the form for one examination
 *
 * The form shows what a therapist measures, region by region (hip, knee,
 * ankle, low back: one page each, limber-exam-form.c): the range of
 * motion, left and right where the joint has sides, and the special
 * tests; then pain and a note for the whole exam.  A last page charts
 * the progress across the program's dated exams and this one, as it is
 * typed.  It works on its own state and gives a new LimberExam on request
 * (limber_exam_editor_dup_exam()); whoever shows it commits that to the
 * program, so Cancel loses nothing.  What the exam holds that the form
 * does not show (a knee measurement, a test without a side) is kept as
 * it was, in its place, so opening and saving an exam never drops data.
 *
 * "Not measured" is not a number: each degree field may be empty, and
 * only a field the therapist filled is stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-exam-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "limber-date-row.h"
#include "limber-exam-chart-view.h"
#include "limber-exam-editor.h"
#include "limber-exam-form.h"
#include "limber-exam-progress.h"

#define N_SIDES 2

static const LimberSide form_sides[N_SIDES] = { LIMBER_SIDE_LEFT, LIMBER_SIDE_RIGHT };

/* One degree field: a measurement and its side (UNSET on the midline). */
typedef struct
{
  const LimberExamMeasure *measure;
  LimberSide               side;
  GtkSpinButton           *spin;
  gboolean                 measured;
} RomField;

typedef struct
{
  const char  *test;
  LimberSide   side;
  GtkDropDown *dropdown;
} TestField;

/* The positions in a test's drop-down. */
enum
{
  RESULT_NONE,
  RESULT_POSITIVE,
  RESULT_NEGATIVE,
};

struct _LimberExamEditor
{
  GtkWidget       parent_instance;

  LimberExam     *exam;      /* as set: keeps what the form does not show */
  gboolean        valid;
  guint           updating;  /* > 0 while the form is filled from an exam */

  GArray         *rom_fields;   /* RomField */
  GArray         *test_fields;  /* TestField */
  GPtrArray      *history;      /* LimberExam: the program's other exams */
  LimberExamChartView *chart_view;

  /* Template widgets */
  LimberDateRow  *date_row;
  GtkStack       *region_stack;
  GtkLabel       *caption;
  GtkScale       *pain_scale;
  GtkCheckButton *pain_check;
  GtkTextView    *note_view;
};

G_DEFINE_FINAL_TYPE (LimberExamEditor, limber_exam_editor, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_chart (LimberExamEditor *self);

static void
emit_changed (LimberExamEditor *self)
{
  if (self->updating > 0)
    return;
  update_chart (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Date: picked on a calendar (LimberDateRow, as the program's dates),
 * so it is always a date the file can keep.  The form is always valid;
 * the property stays for the dialog that asks. */

/* The row's day, or NULL for none.  The exam's own date is kept as it
 * was while its day is not changed, even with a time zone after it (the
 * file format allows one). */
static char *
row_date (LimberExamEditor *self)
{
  const char *day = limber_date_row_get_date (self->date_row);
  const char *own = self->exam ? self->exam->date : NULL;

  if (day == NULL)
    return NULL;
  if (own != NULL && g_str_has_prefix (own, day))
    return g_strdup (own);
  return g_strdup (day);
}

static void
on_date_changed (LimberExamEditor *self)
{
  emit_changed (self);
}

/* Range of motion: a spin button that may be empty */

static RomField *
find_spin (LimberExamEditor *self,
           GtkSpinButton    *spin)
{
  for (guint i = 0; i < self->rom_fields->len; i++)
    if (g_array_index (self->rom_fields, RomField, i).spin == spin)
      return &g_array_index (self->rom_fields, RomField, i);
  return NULL;
}

static void
show_degrees (GtkSpinButton *spin,
              gboolean       measured)
{
  g_autofree char *text = NULL;

  if (measured)
    /* Translators: degrees in a range-of-motion field: "15°" */
    text = g_strdup_printf (_("%d°"), gtk_spin_button_get_value_as_int (spin));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text ? text : "");
}

/* Empty text is "not measured"; a number, with or without its degree
 * sign, is a measurement; anything else puts the last value back. */
static int
on_rom_input (GtkSpinButton    *spin,
              double           *new_value,
              LimberExamEditor *self)
{
  RomField *field = find_spin (self, spin);
  gboolean measured;
  int degrees;

  if (field == NULL)
    return FALSE;
  *new_value = gtk_spin_button_get_value (spin);
  if (!limber_exam_parse_degrees (gtk_editable_get_text (GTK_EDITABLE (spin)), &measured, &degrees))
    return GTK_INPUT_ERROR;
  if (measured)
    *new_value = degrees;
  if (field->measured != measured)
    {
      field->measured = measured;
      /* When the value does not change (0 typed in an empty field),
       * only "output" follows, not "value-changed". */
      if (fabs (*new_value - gtk_spin_button_get_value (spin)) < 0.5)
        emit_changed (self);
    }
  return TRUE;
}

static gboolean
on_rom_output (GtkSpinButton    *spin,
               LimberExamEditor *self)
{
  RomField *field = find_spin (self, spin);

  if (field == NULL)
    return FALSE;
  show_degrees (spin, field->measured);
  return TRUE;
}

/* The arrows, Up and Down, or a typed number: a measurement now. */
static void
on_rom_value_changed (GtkSpinButton    *spin,
                      LimberExamEditor *self)
{
  RomField *field = find_spin (self, spin);

  if (self->updating > 0 || field == NULL)
    return;
  if (!field->measured)
    {
      field->measured = TRUE;
      show_degrees (spin, TRUE);
    }
  emit_changed (self);
}

static GtkWidget *
row_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  /* Not ellipsized: the message dialog is as wide as the form's
   * minimum, so the words set the width. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

/* "rom-hip-extension-left", "rom-lumbar-flexion": for tests and tools. */
static char *
rom_widget_name (const LimberExamMeasure *measure,
                 LimberSide               side)
{
  if (side == LIMBER_SIDE_UNSET)
    return g_strdup_printf ("rom-%s-%s", measure->joint, measure->motion);
  return g_strdup_printf ("rom-%s-%s-%s", measure->joint, measure->motion, limber_side_to_string (side));
}

static GtkSpinButton *
rom_spin_new (LimberExamEditor        *self,
              const LimberExamMeasure *measure,
              LimberSide               side)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (-180, 180, 1));
  g_autofree char *rom = limber_exam_rom_label (measure->joint, measure->motion);
  g_autofree char *with_side = limber_exam_with_side (rom, side);
  /* Translators: "Hip flexion, left, degrees": names a field for screen readers */
  g_autofree char *label = g_strdup_printf (_("%s, degrees"), with_side);
  g_autofree char *name = rom_widget_name (measure, side);
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (spin));
  RomField field = { measure, side, spin, FALSE };

  gtk_widget_set_name (GTK_WIDGET (spin), name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (spin), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* new_with_range() makes it numeric, which would refuse the degree
   * sign; on_rom_input() checks what is typed. */
  gtk_spin_button_set_numeric (spin, FALSE);
  gtk_spin_button_set_digits (spin, 0);
  gtk_spin_button_set_increments (spin, 1, 5);
  gtk_spin_button_set_update_policy (spin, GTK_UPDATE_IF_VALID);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 5);
  gtk_editable_set_alignment (GTK_EDITABLE (spin), 1.0);
  if (GTK_IS_TEXT (text))
    /* Translators: an empty degree field: not measured */
    gtk_text_set_placeholder_text (GTK_TEXT (text), _("—"));
  g_signal_connect_object (spin, "input", G_CALLBACK (on_rom_input), self, 0);
  g_signal_connect_object (spin, "output", G_CALLBACK (on_rom_output), self, 0);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_rom_value_changed), self, 0);
  g_array_append_val (self->rom_fields, field);
  return spin;
}

/* A grid's first row: its title, then "Left" and "Right" over the
 * columns of fields. */
static GtkGrid *
side_grid_new (const char *title)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *heading = row_label (title);

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 6);
  gtk_widget_set_valign (GTK_WIDGET (grid), GTK_ALIGN_START);
  gtk_widget_add_css_class (heading, "heading");
  gtk_grid_attach (grid, heading, 0, 0, 1, 1);
  for (guint s = 0; s < N_SIDES; s++)
    {
      GtkWidget *side = gtk_label_new (s == 0 ? _("Left") : _("Right"));

      gtk_widget_add_css_class (side, "caption-heading");
      gtk_widget_add_css_class (side, "dim-label");
      gtk_grid_attach (grid, side, s + 1, 0, 1, 1);
    }
  return grid;
}

static GtkWidget *
build_rom_grid (LimberExamEditor *self,
                guint             region)
{
  GtkGrid *grid = side_grid_new (_("Range of Motion"));

  for (guint m = 0; m < limber_exam_form_n_measures (region); m++)
    {
      const LimberExamMeasure *measure = limber_exam_form_measure (region, m);

      gtk_grid_attach (grid, row_label (limber_exam_motion_label (measure->motion)), 0, m + 1, 1, 1);
      if (!measure->sided)
        {
          /* A midline measurement: one field, under both sides. */
          GtkWidget *spin = GTK_WIDGET (rom_spin_new (self, measure, LIMBER_SIDE_UNSET));

          gtk_widget_set_halign (spin, GTK_ALIGN_CENTER);
          gtk_grid_attach (grid, spin, 1, m + 1, N_SIDES, 1);
          continue;
        }
      for (guint s = 0; s < N_SIDES; s++)
        gtk_grid_attach (grid, GTK_WIDGET (rom_spin_new (self, measure, form_sides[s])), s + 1, m + 1, 1, 1);
    }
  return GTK_WIDGET (grid);
}

/* Special tests */

static void
on_test_selected (LimberExamEditor *self)
{
  emit_changed (self);
}

static GtkDropDown *
test_dropdown_new (LimberExamEditor *self,
                   GListModel       *results,
                   const char       *test,
                   LimberSide        side)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (results), NULL));
  g_autofree char *name = g_strdup_printf ("test-%s-%s", test, limber_side_to_string (side));
  g_autofree char *label = g_strdup_printf (side == LIMBER_SIDE_LEFT
                                            /* Translators: "Thomas test, left": names a field */
                                            ? _("%s test, left")
                                            /* Translators: "Thomas test, right": names a field */
                                            : _("%s test, right"), limber_exam_test_label (test));
  TestField field = { test, side, dropdown };

  gtk_widget_set_name (GTK_WIDGET (dropdown), name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* As wide as "Negative", so the columns do not move as results are
   * picked (a longer translation makes it wider). */
  gtk_widget_set_size_request (GTK_WIDGET (dropdown), 120, -1);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_test_selected), self, G_CONNECT_SWAPPED);
  g_array_append_val (self->test_fields, field);
  return dropdown;
}

static GtkWidget *
build_test_grid (LimberExamEditor *self,
                 guint             region)
{
  const char * const results[] = {
    /* Translators: a special test not done */
    C_("test result", "—"),
    C_("test result", "Positive"),
    C_("test result", "Negative"),
    NULL
  };
  g_autoptr(GtkStringList) model = gtk_string_list_new (results);
  GtkGrid *grid = side_grid_new (_("Special Tests"));

  for (guint t = 0; t < limber_exam_form_n_tests (region); t++)
    {
      const char *test = limber_exam_form_test (region, t);

      gtk_grid_attach (grid, row_label (limber_exam_test_label (test)), 0, t + 1, 1, 1);
      for (guint s = 0; s < N_SIDES; s++)
        gtk_grid_attach (grid, GTK_WIDGET (test_dropdown_new (self, G_LIST_MODEL (model), test, form_sides[s])),
                         s + 1, t + 1, 1, 1);
    }
  return GTK_WIDGET (grid);
}

/* One page per region: its range of motion beside its special tests. */
static void
build_regions (LimberExamEditor *self)
{
  for (guint r = 0; r < limber_exam_form_n_regions (); r++)
    {
      GtkWidget *page = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 36);
      g_autofree char *name = g_strdup_printf ("region-%s", limber_exam_form_region (r));

      gtk_box_set_homogeneous (GTK_BOX (page), TRUE);
      gtk_widget_set_name (page, name);
      gtk_box_append (GTK_BOX (page), build_rom_grid (self, r));
      gtk_box_append (GTK_BOX (page), build_test_grid (self, r));
      gtk_stack_add_titled (self->region_stack, page, limber_exam_form_region (r),
                            limber_exam_form_region_label (r));
    }
}

/* Pain and note */

static void
on_pain_toggled (LimberExamEditor *self)
{
  gboolean recorded = !gtk_check_button_get_active (self->pain_check);

  gtk_widget_set_sensitive (GTK_WIDGET (self->pain_scale), recorded);
  gtk_scale_set_draw_value (self->pain_scale, recorded);
  emit_changed (self);
}

static void
on_pain_changed (LimberExamEditor *self)
{
  emit_changed (self);
}

static void
on_note_changed (LimberExamEditor *self)
{
  emit_changed (self);
}

/* From and to the exam */

/* The degree field that shows @rom, if the form has one. */
static RomField *
rom_field (LimberExamEditor *self,
           const char       *joint,
           const char       *motion,
           LimberSide        side)
{
  for (guint i = 0; i < self->rom_fields->len; i++)
    {
      RomField *field = &g_array_index (self->rom_fields, RomField, i);

      if (field->side == side && g_strcmp0 (field->measure->joint, joint) == 0
          && g_strcmp0 (field->measure->motion, motion) == 0)
        return field;
    }
  return NULL;
}

static TestField *
test_field (LimberExamEditor *self,
            const char       *test,
            LimberSide        side)
{
  for (guint i = 0; i < self->test_fields->len; i++)
    {
      TestField *field = &g_array_index (self->test_fields, TestField, i);

      if (field->side == side && g_strcmp0 (field->test, test) == 0)
        return field;
    }
  return NULL;
}

static void
fill_form (LimberExamEditor *self)
{
  const LimberExam *exam = self->exam;
  const char *date = exam->date;

  self->updating++;

  /* The day of a date with a time zone after it ("2026-11-24Z"). */
  {
    g_autofree char *day = date != NULL ? g_strndup (date, 10) : NULL;

    limber_date_row_set_date (self->date_row, day);
  }

  for (guint i = 0; i < self->rom_fields->len; i++)
    {
      RomField *field = &g_array_index (self->rom_fields, RomField, i);
      const LimberRom *rom = limber_exam_find_rom (exam, field->measure->joint, field->side, field->measure->motion);

      field->measured = rom != NULL;
      gtk_spin_button_set_value (field->spin, rom ? rom->degrees : 0);
      show_degrees (field->spin, rom != NULL);
    }

  for (guint i = 0; i < self->test_fields->len; i++)
    gtk_drop_down_set_selected (g_array_index (self->test_fields, TestField, i).dropdown, RESULT_NONE);
  for (guint i = 0; i < exam->tests->len; i++)
    {
      const LimberSpecialTest *test = &g_array_index (exam->tests, LimberSpecialTest, i);
      TestField *field = test_field (self, test->name, test->side);

      if (field != NULL)
        gtk_drop_down_set_selected (field->dropdown, test->positive ? RESULT_POSITIVE : RESULT_NEGATIVE);
    }

  gtk_check_button_set_active (self->pain_check, exam->pain < 0);
  gtk_range_set_value (GTK_RANGE (self->pain_scale), exam->pain < 0 ? 0 : exam->pain);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), exam->note ? exam->note : "", -1);

  self->updating--;
}

/* Commits a number typed in a field that still has the focus. */
static void
commit_typing (LimberExamEditor *self)
{
  for (guint i = 0; i < self->rom_fields->len; i++)
    gtk_spin_button_update (g_array_index (self->rom_fields, RomField, i).spin);
}

static void
read_rom (LimberExamEditor *self,
          LimberExam       *result)
{
  /* What the exam had, in its order: the form's value, or as it was. */
  for (guint i = 0; i < self->exam->rom->len; i++)
    {
      const LimberRom *rom = &g_array_index (self->exam->rom, LimberRom, i);
      RomField *field = rom_field (self, rom->joint, rom->motion, rom->side);

      if (field == NULL)
        limber_exam_set_rom (result, rom->joint, rom->side, rom->motion, rom->degrees);
      else if (field->measured)
        limber_exam_set_rom (result, rom->joint, rom->side, rom->motion,
                             gtk_spin_button_get_value_as_int (field->spin));
    }
  /* Then what was newly measured, in the form's order. */
  for (guint i = 0; i < self->rom_fields->len; i++)
    {
      RomField *field = &g_array_index (self->rom_fields, RomField, i);

      if (field->measured)
        limber_exam_set_rom (result, field->measure->joint, field->side, field->measure->motion,
                             gtk_spin_button_get_value_as_int (field->spin));
    }
}

static int
test_result (TestField *field)
{
  return gtk_drop_down_get_selected (field->dropdown);
}

static void
read_tests (LimberExamEditor *self,
            LimberExam       *result)
{
  for (guint i = 0; i < self->exam->tests->len; i++)
    {
      const LimberSpecialTest *test = &g_array_index (self->exam->tests, LimberSpecialTest, i);
      TestField *field = test_field (self, test->name, test->side);

      if (field == NULL)
        limber_exam_set_test (result, test->name, test->side, test->positive);
      else if (test_result (field) != RESULT_NONE)
        limber_exam_set_test (result, test->name, test->side, test_result (field) == RESULT_POSITIVE);
    }
  for (guint i = 0; i < self->test_fields->len; i++)
    {
      TestField *field = &g_array_index (self->test_fields, TestField, i);

      if (test_result (field) != RESULT_NONE)
        limber_exam_set_test (result, field->test, field->side, test_result (field) == RESULT_POSITIVE);
    }
}

static char *
read_note (LimberExamEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* An empty note is no note, unless the exam had an empty one. */
  if (text[0] == '\0' && (self->exam->note == NULL || self->exam->note[0] != '\0'))
    return NULL;
  return g_steal_pointer (&text);
}

/* The exam as the form shows it, without committing what is being
 * typed (which would move the focus's text under the user). */
static LimberExam *
read_exam (LimberExamEditor *self)
{
  LimberExam *result = limber_exam_new ();

  result->date = row_date (self);
  read_rom (self, result);
  read_tests (self, result);
  if (!gtk_check_button_get_active (self->pain_check))
    result->pain = CLAMP ((int) lround (gtk_range_get_value (GTK_RANGE (self->pain_scale))), 0, 10);
  result->note = read_note (self);
  return result;
}

/* The progress chart: the other exams and this one */

static void
update_chart (LimberExamEditor *self)
{
  g_autoptr(GPtrArray) exams = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_exam_free);
  g_autoptr(LimberExamChart) chart = NULL;

  if (self->exam == NULL || self->chart_view == NULL)
    return;
  for (guint i = 0; self->history != NULL && i < self->history->len; i++)
    g_ptr_array_add (exams, limber_exam_copy (g_ptr_array_index (self->history, i)));
  g_ptr_array_add (exams, read_exam (self));
  chart = limber_exam_chart_new (exams);
  limber_exam_chart_view_set_chart (self->chart_view, chart);
}

static void
build_chart_page (LimberExamEditor *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->chart_view = LIMBER_EXAM_CHART_VIEW (limber_exam_chart_view_new ());
  gtk_widget_set_name (GTK_WIDGET (self->chart_view), "progress-chart");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->chart_view));
  gtk_stack_add_titled (self->region_stack, scroller, "progress", _("Progress"));
}

/* The caption under the pages says how to fill them in, or, under the
 * chart, what its band means. */
static void
on_page_changed (LimberExamEditor *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->region_stack);

  if (g_strcmp0 (page, "progress") == 0)
    gtk_label_set_label (self->caption, _("Shaded: the normal range, the AAOS or AMA reference value ± 5°."));
  else
    gtk_label_set_label (self->caption, _("Range of motion in degrees. Leave a field empty if it was not measured."));
  update_chart (self);
}

/* An exam of the knee only opens on the knee's page; one with nothing
 * yet, or with the hip, on the hip's. */
static void
show_first_measured_region (LimberExamEditor *self)
{
  for (guint r = 0; r < limber_exam_form_n_regions (); r++)
    {
      const char *region = limber_exam_form_region (r);
      gboolean measured = FALSE;

      for (guint i = 0; i < self->rom_fields->len && !measured; i++)
        {
          RomField *field = &g_array_index (self->rom_fields, RomField, i);
          measured = field->measured && g_strcmp0 (field->measure->joint, region) == 0;
        }
      for (guint t = 0; t < limber_exam_form_n_tests (r) && !measured; t++)
        for (guint s = 0; s < N_SIDES && !measured; s++)
          {
            TestField *field = test_field (self, limber_exam_form_test (r, t), form_sides[s]);
            measured = field != NULL && test_result (field) != RESULT_NONE;
          }
      if (measured)
        {
          gtk_stack_set_visible_child_name (self->region_stack, region);
          return;
        }
    }
  gtk_stack_set_visible_child_name (self->region_stack, limber_exam_form_region (0));
}

/* GObject */

static void
limber_exam_editor_dispose (GObject *object)
{
  LimberExamEditor *self = LIMBER_EXAM_EDITOR (object);

  self->chart_view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_EXAM_EDITOR);
  /* The template's sections are not bound children: unparent them here. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (limber_exam_editor_parent_class)->dispose (object);
}

static void
limber_exam_editor_finalize (GObject *object)
{
  LimberExamEditor *self = LIMBER_EXAM_EDITOR (object);

  g_clear_pointer (&self->exam, limber_exam_free);
  g_clear_pointer (&self->rom_fields, g_array_unref);
  g_clear_pointer (&self->test_fields, g_array_unref);
  g_clear_pointer (&self->history, g_ptr_array_unref);

  G_OBJECT_CLASS (limber_exam_editor_parent_class)->finalize (object);
}

static void
limber_exam_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LimberExamEditor *self = LIMBER_EXAM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_exam_editor_class_init (LimberExamEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_exam_editor_dispose;
  object_class->finalize = limber_exam_editor_finalize;
  object_class->get_property = limber_exam_editor_get_property;

  /**
   * LimberExamEditor:valid:
   *
   * Whether the form holds an exam that can be saved.  Always %TRUE
   * since the date is picked on a calendar, never typed.
   */
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberExamEditor::changed:
   *
   * The therapist changed something in the form (not emitted by
   * limber_exam_editor_set_exam()).
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (LIMBER_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/limber/Limber/limber-exam-editor.ui");
  gtk_widget_class_set_css_name (widget_class, "exameditor");
  gtk_widget_class_bind_template_child (widget_class, LimberExamEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, LimberExamEditor, region_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberExamEditor, caption);
  gtk_widget_class_bind_template_child (widget_class, LimberExamEditor, pain_scale);
  gtk_widget_class_bind_template_child (widget_class, LimberExamEditor, pain_check);
  gtk_widget_class_bind_template_child (widget_class, LimberExamEditor, note_view);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_pain_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_pain_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
}

static void
limber_exam_editor_init (LimberExamEditor *self)
{
  g_autoptr(LimberExam) today = limber_exam_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->valid = TRUE;
  self->rom_fields = g_array_new (FALSE, FALSE, sizeof (RomField));
  self->test_fields = g_array_new (FALSE, FALSE, sizeof (TestField));
  gtk_widget_init_template (GTK_WIDGET (self));
  build_regions (self);
  build_chart_page (self);
  for (int mark = 0; mark <= 10; mark++)
    {
      g_autofree char *text = g_strdup_printf ("%d", mark);
      gtk_scale_add_mark (self->pain_scale, mark, GTK_POS_BOTTOM, text);
    }
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_note_changed), self, G_CONNECT_SWAPPED);

  /* A new exam is today's. */
  today->date = g_date_time_format (now, "%Y-%m-%d");
  limber_exam_editor_set_exam (self, today);
}

/**
 * limber_exam_editor_new:
 *
 * Returns: (transfer floating): a form holding a new exam dated today.
 */
GtkWidget *
limber_exam_editor_new (void)
{
  return g_object_new (LIMBER_TYPE_EXAM_EDITOR, NULL);
}

/**
 * limber_exam_editor_set_exam:
 * @exam: the exam to show; the form keeps a copy
 *
 * Fills the form; does not emit ::changed.
 */
void
limber_exam_editor_set_exam (LimberExamEditor *self,
                             const LimberExam *exam)
{
  g_return_if_fail (LIMBER_IS_EXAM_EDITOR (self));
  g_return_if_fail (exam != NULL);

  if (self->exam != exam)
    {
      LimberExam *copy = limber_exam_copy (exam);

      g_clear_pointer (&self->exam, limber_exam_free);
      self->exam = copy;
    }
  fill_form (self);
  show_first_measured_region (self);
  update_chart (self);
}

/**
 * limber_exam_editor_set_history:
 * @exams: (element-type LimberExam) (nullable): the program's other
 *   exams; the form keeps copies
 *
 * The progress chart shows these with the exam being edited.
 */
void
limber_exam_editor_set_history (LimberExamEditor *self,
                                GPtrArray        *exams)
{
  g_return_if_fail (LIMBER_IS_EXAM_EDITOR (self));

  g_clear_pointer (&self->history, g_ptr_array_unref);
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_exam_free);
  for (guint i = 0; exams != NULL && i < exams->len; i++)
    g_ptr_array_add (self->history, limber_exam_copy (g_ptr_array_index (exams, i)));
  update_chart (self);
}

/**
 * limber_exam_editor_show_region:
 * @region: "hip", "knee", "ankle", "lumbar", or "progress" for the chart
 *
 * Shows that page of the form.
 */
void
limber_exam_editor_show_region (LimberExamEditor *self,
                                const char       *region)
{
  g_return_if_fail (LIMBER_IS_EXAM_EDITOR (self));
  gtk_stack_set_visible_child_name (self->region_stack, region);
}

/**
 * limber_exam_editor_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart as the Progress page
 *   shows it now
 */
LimberExamChart *
limber_exam_editor_get_chart (LimberExamEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_EXAM_EDITOR (self), NULL);
  return limber_exam_chart_view_get_chart (self->chart_view);
}

/**
 * limber_exam_editor_dup_exam:
 *
 * The exam as the form shows it.  A number still being typed counts.
 *
 * Returns: (transfer full): a new exam.
 */
LimberExam *
limber_exam_editor_dup_exam (LimberExamEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_EXAM_EDITOR (self), NULL);

  commit_typing (self);
  return read_exam (self);
}

/**
 * limber_exam_editor_get_valid:
 *
 * Returns: whether the form can be saved: %TRUE, the date being picked
 *   on a calendar (kept for the dialog, which asks)
 */
gboolean
limber_exam_editor_get_valid (LimberExamEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_EXAM_EDITOR (self), FALSE);
  return self->valid;
}
