/* test-exam-editor.c — the examination form in a real window (Xvfb in CI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "limber-date-row.h"
#include "limber-exam-editor.h"
#include "limber-program.h"
#include "limber-test-gui.h"

typedef struct
{
  GtkWindow        *window;
  LimberExamEditor *editor;
  LimberProgram    *program;
  guint             changed;
} Fixture;

static void
count_changed (Fixture *f)
{
  f->changed++;
}

/* The editor in a window, as the exam dialog will show it. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples", "tight-hips.limber", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *editor = limber_exam_editor_new ();

  f->program = limber_program_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limber_program_get_n_exams (f->program), >=, 1);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (f->window, "Examination");
  gtk_widget_set_margin_start (editor, 24);
  gtk_widget_set_margin_end (editor, 24);
  gtk_widget_set_margin_top (editor, 24);
  gtk_widget_set_margin_bottom (editor, 24);
  gtk_window_set_child (f->window, editor);
  f->editor = LIMBER_EXAM_EDITOR (editor);
  g_signal_connect_swapped (editor, "changed", G_CALLBACK (count_changed), f);
  gtk_window_present (f->window);
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, f->window));
  limber_test_spin (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->program);
}

static const LimberExam *
sample_exam (Fixture *f)
{
  return limber_program_get_exam (f->program, 0);
}

static GtkWidget *
control (Fixture    *f,
         const char *name)
{
  GtkWidget *widget = limber_test_find_named (GTK_WIDGET (f->editor), name);

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_mapped (widget));
  return widget;
}

/* Types @text in a degree field and presses Enter. */
static void
type_degrees (GtkSpinButton *spin_button,
              const char    *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (spin_button));
  gtk_editable_set_text (GTK_EDITABLE (spin_button), text);
  /* What Enter does in the spin button's text. */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (spin_button)), "activate");
}

static const LimberRom *
hip (const LimberExam *exam,
     LimberSide        side,
     const char       *motion)
{
  return limber_exam_find_rom (exam, "hip", side, motion);
}

static const LimberSpecialTest *
find_test (const LimberExam *exam,
           const char       *name,
           LimberSide        side)
{
  for (guint i = 0; i < exam->tests->len; i++)
    {
      const LimberSpecialTest *t = &g_array_index (exam->tests, LimberSpecialTest, i);

      if (g_strcmp0 (t->name, name) == 0 && t->side == side)
        return t;
    }
  return NULL;
}

static void
test_new_is_today (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LimberExam) exam = limber_exam_editor_dup_exam (f->editor);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GtkSpinButton *flexion = GTK_SPIN_BUTTON (control (f, "rom-hip-flexion-left"));

  g_assert_cmpstr (exam->date, ==, today);
  g_assert_cmpuint (exam->rom->len, ==, 0);
  g_assert_cmpuint (exam->tests->len, ==, 0);
  g_assert_cmpint (exam->pain, ==, -1);
  g_assert_null (exam->note);
  g_assert_true (limber_exam_editor_get_valid (f->editor));
  /* "Not measured" is an empty field, not a zero. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (flexion)), ==, "");
  g_assert_cmpuint (f->changed, ==, 0);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LimberExam) exam = NULL;
  GtkWidget *extension = NULL;

  limber_exam_editor_set_exam (f->editor, sample_exam (f));
  g_assert_cmpuint (f->changed, ==, 0);
  exam = limber_exam_editor_dup_exam (f->editor);
  g_assert_true (limber_exam_equal (exam, sample_exam (f)));
  g_assert_cmpuint (f->changed, ==, 0);

  /* The fields show the numbers, with their unit. */
  extension = control (f, "rom-hip-extension-left");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (extension)), ==, "5°");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (f, "rom-hip-abduction-left"))), ==, "");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (control (f, "test-thomas-left"))), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (control (f, "test-faber-left"))), ==, 0);

  /* Every control is named for screen readers and in a tooltip. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (extension), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Hip extension, left, degrees");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (control (f, "rom-hip-internal-rotation-right")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Hip internal rotation, right, degrees");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (control (f, "test-fair-right")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Piriformis (FAIR) test, right");
  limber_test_maybe_screenshot (GTK_WIDGET (f->window), "exam-editor.png");
  /* The knee's tests are on the knee's page. */
  limber_exam_editor_show_region (f->editor, "knee");
  limber_test_spin (50);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (control (f, "test-90-90-hamstring-left")), ==,
                   "90-90 hamstring test, left");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (control (f, "test-ely-left"))), ==, 1);
  /* An exam written before the form had regions: its straight-leg raise
   * is now on the low back's page. */
  limber_exam_editor_show_region (f->editor, "lumbar");
  limber_test_spin (50);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (control (f, "test-slr-left"))), ==, 2);
  limber_exam_editor_show_region (f->editor, "hip");
  limber_test_spin (50);

  /* Another exam replaces everything the form showed. */
  {
    g_autoptr(LimberExam) empty = limber_exam_new ();
    g_autoptr(LimberExam) back = NULL;

    limber_exam_editor_set_exam (f->editor, empty);
    back = limber_exam_editor_dup_exam (f->editor);
    g_assert_true (limber_exam_equal (back, empty));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (extension)), ==, "");
    g_assert_cmpuint (f->changed, ==, 0);
  }
}

/* What the form does not show (a test without a side, a hip motion it
 * has no row for) comes back as it was, in its place. */
static void
test_keeps_what_it_does_not_show (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(LimberExam) exam = limber_exam_new ();
  g_autoptr(LimberExam) back = NULL;

  exam->date = g_strdup ("2026-11-24Z");
  exam->note = g_strdup ("");
  limber_exam_set_rom (exam, "knee", LIMBER_SIDE_LEFT, "flexion", 130);
  limber_exam_set_rom (exam, "hip", LIMBER_SIDE_LEFT, "extension", -10);
  limber_exam_set_rom (exam, "hip", LIMBER_SIDE_UNSET, "rotation", 30);
  limber_exam_set_rom (exam, "lumbar", LIMBER_SIDE_UNSET, "flexion", 40);
  limber_exam_set_test (exam, "ely", LIMBER_SIDE_RIGHT, TRUE);
  limber_exam_set_test (exam, "slr", LIMBER_SIDE_UNSET, FALSE);
  limber_exam_set_test (exam, "thomas", LIMBER_SIDE_LEFT, TRUE);
  limber_exam_set_test (exam, "slr", LIMBER_SIDE_BOTH, TRUE);

  limber_exam_editor_set_exam (f->editor, exam);
  back = limber_exam_editor_dup_exam (f->editor);
  g_assert_true (limber_exam_equal (back, exam));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (f, "rom-hip-extension-left"))), ==, "-10°");
}

/* The knee and the low back, each on its own page: typed values and a
 * picked test become the exam's, a midline measurement has one field
 * and no side, and the Progress page charts them with the history. */
static void
test_knee_and_lumbar (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_exam_free);
  g_autoptr(LimberExam) earlier = limber_exam_new ();
  g_autoptr(LimberExam) exam = NULL;
  LimberExamChart *chart;
  GtkWidget *area;
  g_autofree char *description = NULL;
  char *found;

  earlier->date = g_strdup ("2026-11-24");
  limber_exam_set_rom (earlier, "knee", LIMBER_SIDE_LEFT, "flexion", 118);
  limber_exam_set_rom (earlier, "lumbar", LIMBER_SIDE_UNSET, "flexion", 35);
  g_ptr_array_add (history, g_steal_pointer (&earlier));
  limber_exam_editor_set_history (f->editor, history);
  {
    g_autoptr(LimberExam) today = limber_exam_new ();

    today->date = g_strdup ("2026-12-01");
    limber_exam_editor_set_exam (f->editor, today);
  }

  limber_exam_editor_show_region (f->editor, "knee");
  limber_test_spin (50);
  type_degrees (GTK_SPIN_BUTTON (control (f, "rom-knee-flexion-left")), "126");
  /* The earlier exam, opened again, shows the page of its first region:
   * the knee (it measured no hip). */
  {
    g_autoptr(LimberExam) knee_only = limber_exam_copy (g_ptr_array_index (history, 0));
    g_autoptr(LimberExam) typed = limber_exam_editor_dup_exam (f->editor);
    GtkWidget *knee_page = limber_test_find_named (GTK_WIDGET (f->editor), "region-knee");

    limber_exam_editor_show_region (f->editor, "ankle");
    limber_exam_editor_set_exam (f->editor, knee_only);
    limber_test_spin (50);
    g_assert_true (gtk_widget_get_mapped (knee_page));
    limber_exam_editor_set_exam (f->editor, typed);
    limber_test_spin (50);
    g_assert_true (gtk_widget_get_mapped (knee_page));
  }
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (control (f, "rom-knee-flexion-left")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Knee flexion, left, degrees");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (control (f, "test-noble-right")), 2);
  limber_test_maybe_screenshot (GTK_WIDGET (f->window), "exam-editor-knee.png");

  limber_exam_editor_show_region (f->editor, "lumbar");
  limber_test_spin (50);
  g_assert_null (limber_test_find_named (GTK_WIDGET (f->editor), "rom-lumbar-flexion-left"));
  type_degrees (GTK_SPIN_BUTTON (control (f, "rom-lumbar-flexion")), "45°");
  type_degrees (GTK_SPIN_BUTTON (control (f, "rom-lumbar-side-bending-right")), "20");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (control (f, "rom-lumbar-flexion")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Lumbar flexion, degrees");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (control (f, "test-slump-left")), 1);
  limber_test_maybe_screenshot (GTK_WIDGET (f->window), "exam-editor-lumbar.png");

  exam = limber_exam_editor_dup_exam (f->editor);
  g_assert_cmpint (limber_exam_find_rom (exam, "knee", LIMBER_SIDE_LEFT, "flexion")->degrees, ==, 126);
  g_assert_cmpint (limber_exam_find_rom (exam, "lumbar", LIMBER_SIDE_UNSET, "flexion")->degrees, ==, 45);
  g_assert_cmpint (limber_exam_find_rom (exam, "lumbar", LIMBER_SIDE_RIGHT, "side-bending")->degrees, ==, 20);
  g_assert_null (limber_exam_find_rom (exam, "lumbar", LIMBER_SIDE_LEFT, "side-bending"));
  g_assert_false (find_test (exam, "noble", LIMBER_SIDE_RIGHT)->positive);
  g_assert_true (find_test (exam, "slump", LIMBER_SIDE_LEFT)->positive);
  g_assert_cmpuint (exam->rom->len, ==, 3);
  g_assert_cmpuint (exam->tests->len, ==, 2);

  /* The chart: the earlier exam and this one, as typed. */
  limber_exam_editor_show_region (f->editor, "progress");
  area = control (f, "progress-chart");
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (f->editor),
                                            "Shaded: the normal range, the AAOS or AMA reference value ± 5°.",
                                            LIMBER_TEST_ANY));
  limber_test_spin (100);
  g_assert_cmpint (gtk_widget_get_height (area), >, 200);
  chart = limber_exam_editor_get_chart (f->editor);
  g_assert_cmpuint (limber_exam_chart_get_n_exams (chart), ==, 2);
  g_assert_cmpuint (limber_exam_chart_get_n_panels (chart), ==, 3);
  g_assert_cmpstr (limber_exam_chart_get_panel_title (chart, 0), ==, "Knee flexion");
  g_assert_cmpuint (limber_exam_chart_get_n_points (chart, 0, LIMBER_CHART_LEFT), ==, 2);
  description = limber_exam_chart_describe (chart);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, "Progress chart");
  found = strstr (description, "Knee flexion, left: 118° on 24 Nov 2026, 126° on 1 Dec 2026; normal 130° to 140°.");
  g_assert_nonnull (found);
  g_assert_nonnull (strstr (description, "Lumbar flexion: 35° on 24 Nov 2026, 45° on 1 Dec 2026; normal 55° to 65°."));
  limber_test_maybe_screenshot (GTK_WIDGET (f->window), "exam-editor-progress.png");

  /* A new value redraws the chart at once. */
  limber_exam_editor_show_region (f->editor, "knee");
  limber_test_spin (50);
  type_degrees (GTK_SPIN_BUTTON (control (f, "rom-knee-flexion-right")), "133");
  chart = limber_exam_editor_get_chart (f->editor);
  g_assert_cmpuint (limber_exam_chart_get_n_points (chart, 0, LIMBER_CHART_RIGHT), ==, 1);
}

static void
test_rom_through_spin_button (Fixture       *f,
                              gconstpointer  data)
{
  GtkSpinButton *extension = GTK_SPIN_BUTTON (control (f, "rom-hip-extension-left"));
  GtkSpinButton *abduction = GTK_SPIN_BUTTON (control (f, "rom-hip-abduction-right"));
  GtkSpinButton *flexion = GTK_SPIN_BUTTON (control (f, "rom-hip-flexion-right"));
  g_autoptr(LimberExam) typed = NULL;
  g_autoptr(LimberExam) arrowed = NULL;
  g_autoptr(LimberExam) cleared = NULL;
  g_autoptr(LimberExam) refused = NULL;
  g_autoptr(LimberExam) pending = NULL;

  limber_exam_editor_set_exam (f->editor, sample_exam (f));

  type_degrees (extension, "12");
  g_assert_cmpuint (f->changed, >, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (extension)), ==, "12°");
  typed = limber_exam_editor_dup_exam (f->editor);
  g_assert_cmpint (hip (typed, LIMBER_SIDE_LEFT, "extension")->degrees, ==, 12);
  g_assert_cmpint (hip (typed, LIMBER_SIDE_RIGHT, "extension")->degrees, ==, 15);
  g_assert_cmpuint (typed->rom->len, ==, sample_exam (f)->rom->len);

  /* An empty field's arrow measures from zero. */
  g_assert_null (hip (typed, LIMBER_SIDE_RIGHT, "abduction"));
  gtk_spin_button_spin (abduction, GTK_SPIN_STEP_FORWARD, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (abduction)), ==, "1°");
  arrowed = limber_exam_editor_dup_exam (f->editor);
  g_assert_cmpint (hip (arrowed, LIMBER_SIDE_RIGHT, "abduction")->degrees, ==, 1);

  /* Emptying a field takes the measurement out. */
  type_degrees (flexion, "");
  cleared = limber_exam_editor_dup_exam (f->editor);
  g_assert_null (hip (cleared, LIMBER_SIDE_RIGHT, "flexion"));
  g_assert_cmpint (hip (cleared, LIMBER_SIDE_LEFT, "flexion")->degrees, ==, 110);

  /* Not a number, or out of range: the last value comes back. */
  type_degrees (extension, "lots");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (extension)), ==, "12°");
  type_degrees (extension, "200");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (extension)), ==, "12°");
  type_degrees (extension, "−15°");
  refused = limber_exam_editor_dup_exam (f->editor);
  g_assert_cmpint (hip (refused, LIMBER_SIDE_LEFT, "extension")->degrees, ==, -15);

  /* A number typed and not yet confirmed counts. */
  gtk_editable_set_text (GTK_EDITABLE (extension), "14");
  pending = limber_exam_editor_dup_exam (f->editor);
  g_assert_cmpint (hip (pending, LIMBER_SIDE_LEFT, "extension")->degrees, ==, 14);
}

static void
test_special_test_through_dropdown (Fixture       *f,
                                    gconstpointer  data)
{
  GtkDropDown *thomas = GTK_DROP_DOWN (control (f, "test-thomas-left"));
  GtkDropDown *faber = GTK_DROP_DOWN (control (f, "test-faber-right"));
  GtkDropDown *ober = GTK_DROP_DOWN (control (f, "test-ober-right"));
  g_autoptr(LimberExam) negative = NULL;
  g_autoptr(LimberExam) added = NULL;
  guint before;

  limber_exam_editor_set_exam (f->editor, sample_exam (f));
  before = f->changed;
  gtk_drop_down_set_selected (thomas, 2);   /* Negative */
  g_assert_cmpuint (f->changed, ==, before + 1);
  negative = limber_exam_editor_dup_exam (f->editor);
  g_assert_nonnull (find_test (negative, "thomas", LIMBER_SIDE_LEFT));
  g_assert_false (find_test (negative, "thomas", LIMBER_SIDE_LEFT)->positive);
  /* In its place: only that result differs. */
  g_assert_cmpstr (g_array_index (negative->tests, LimberSpecialTest, 0).name, ==, "thomas");
  g_assert_cmpuint (negative->tests->len, ==, sample_exam (f)->tests->len);

  gtk_drop_down_set_selected (faber, 1);    /* Positive */
  gtk_drop_down_set_selected (ober, 0);     /* — */
  added = limber_exam_editor_dup_exam (f->editor);
  g_assert_true (find_test (added, "faber", LIMBER_SIDE_RIGHT)->positive);
  g_assert_null (find_test (added, "ober", LIMBER_SIDE_RIGHT));
  g_assert_cmpuint (added->tests->len, ==, sample_exam (f)->tests->len);
}

static void
test_pain (Fixture       *f,
           gconstpointer  data)
{
  GtkCheckButton *not_recorded = GTK_CHECK_BUTTON (control (f, "pain-not-recorded"));
  GtkRange *scale = GTK_RANGE (control (f, "pain-scale"));
  g_autoptr(LimberExam) cleared = NULL;
  g_autoptr(LimberExam) three = NULL;

  limber_exam_editor_set_exam (f->editor, sample_exam (f));
  g_assert_false (gtk_check_button_get_active (not_recorded));
  g_assert_cmpfloat (gtk_range_get_value (scale), ==, 6);

  gtk_check_button_set_active (not_recorded, TRUE);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (scale)));
  cleared = limber_exam_editor_dup_exam (f->editor);
  g_assert_cmpint (cleared->pain, ==, -1);

  gtk_check_button_set_active (not_recorded, FALSE);
  gtk_range_set_value (scale, 3);
  three = limber_exam_editor_dup_exam (f->editor);
  g_assert_cmpint (three->pain, ==, 3);
}

/* The date is picked on a calendar, as the program's: the row shows it
 * in words, "No Date" clears it, and there is nothing to type wrong. */
static void
test_date (Fixture       *f,
           gconstpointer  data)
{
  LimberDateRow *row = LIMBER_DATE_ROW (limber_test_find_widget (GTK_WIDGET (f->editor), LIMBER_TYPE_DATE_ROW));
  g_autoptr(LimberExam) moved = NULL;
  g_autoptr(LimberExam) undated = NULL;
  guint before;

  g_assert_nonnull (row);
  g_assert_null (limber_test_find_widget (GTK_WIDGET (f->editor), GTK_TYPE_ENTRY));
  limber_exam_editor_set_exam (f->editor, sample_exam (f));
  g_assert_cmpstr (limber_date_row_get_date (row), ==, "2026-11-24");
  g_assert_true (limber_date_row_get_clearable (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Tuesday, 24 November 2026");
  g_assert_true (limber_exam_editor_get_valid (f->editor));

  before = f->changed;
  limber_date_row_set_date (row, "2027-01-05");
  g_assert_cmpuint (f->changed, >, before);
  moved = limber_exam_editor_dup_exam (f->editor);
  g_assert_cmpstr (moved->date, ==, "2027-01-05");

  limber_date_row_set_date (row, NULL);
  g_assert_true (limber_exam_editor_get_valid (f->editor));
  undated = limber_exam_editor_dup_exam (f->editor);
  g_assert_null (undated->date);
}

static void
test_note (Fixture       *f,
           gconstpointer  data)
{
  GtkTextView *view = GTK_TEXT_VIEW (limber_test_find_widget (GTK_WIDGET (f->editor), GTK_TYPE_TEXT_VIEW));
  g_autoptr(LimberExam) edited = NULL;
  g_autoptr(LimberExam) emptied = NULL;

  limber_exam_editor_set_exam (f->editor, sample_exam (f));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Better after two weeks.", -1);
  g_assert_cmpuint (f->changed, >, 0);
  edited = limber_exam_editor_dup_exam (f->editor);
  g_assert_cmpstr (edited->note, ==, "Better after two weeks.");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "", -1);
  emptied = limber_exam_editor_dup_exam (f->editor);
  g_assert_null (emptied->note);
}

/* Picking a day in the calendar sets the exam's date; the calendar
 * opens on the exam's date. */
static void
test_calendar (Fixture       *f,
               gconstpointer  data)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (limber_test_find_widget (GTK_WIDGET (f->editor), GTK_TYPE_MENU_BUTTON));
  GtkCalendar *calendar = GTK_CALENDAR (limber_test_find_widget (GTK_WIDGET (button), GTK_TYPE_CALENDAR));
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 12, 1, 0, 0, 0);
  g_autoptr(LimberExam) picked = NULL;
  guint before;

  limber_exam_editor_set_exam (f->editor, sample_exam (f));
  g_assert_nonnull (calendar);
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, calendar));
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 11);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 24);

  before = f->changed;
  gtk_calendar_select_day (calendar, day);
  g_assert_cmpuint (f->changed, >, before);
  limber_test_maybe_screenshot (GTK_WIDGET (f->window), "exam-editor-calendar.png");
  gtk_menu_button_popdown (button);
  picked = limber_exam_editor_dup_exam (f->editor);
  g_assert_cmpstr (picked->date, ==, "2026-12-01");
}

/* The lead shows the form in an AdwMessageDialog: it must fit a
 * 1280×800 laptop screen there, with room for the window's frame. */
static void
test_fits_in_message_dialog (void)
{
  GtkWidget *parent = gtk_window_new ();
  GtkWidget *editor = limber_exam_editor_new ();
  GtkWidget *dialog;

  gtk_window_set_default_size (GTK_WINDOW (parent), 1100, 760);
  gtk_window_present (GTK_WINDOW (parent));
  dialog = adw_message_dialog_new (GTK_WINDOW (parent), "Examination", NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", "_Cancel", "save", "_Save", NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), editor);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, dialog));
  limber_test_spin (200);
  g_test_message ("dialog %d x %d, form %d x %d", gtk_widget_get_width (dialog), gtk_widget_get_height (dialog),
                  gtk_widget_get_width (editor), gtk_widget_get_height (editor));
  g_assert_cmpint (gtk_widget_get_width (dialog), <=, 1200);
  g_assert_cmpint (gtk_widget_get_height (dialog), <=, 740);
  limber_test_maybe_screenshot (dialog, "exam-editor-dialog.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (parent));
}

int
main (int   argc,
      char *argv[])
{
  /* The accessible names are checked in GTK's own test context: no
   * accessibility bus needed, nor a warning when there is none. */
  g_setenv ("GTK_A11Y", "test", FALSE);
  if (!limber_test_gui_init (&argc, &argv))
    return 77;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/exam-editor/new-is-today", test_new_is_today);
  ADD ("/exam-editor/round-trip", test_round_trip);
  ADD ("/exam-editor/keeps-what-it-does-not-show", test_keeps_what_it_does_not_show);
  ADD ("/exam-editor/rom-through-spin-button", test_rom_through_spin_button);
  ADD ("/exam-editor/knee-and-lumbar", test_knee_and_lumbar);
  ADD ("/exam-editor/test-through-dropdown", test_special_test_through_dropdown);
  ADD ("/exam-editor/pain", test_pain);
  ADD ("/exam-editor/date", test_date);
  ADD ("/exam-editor/note", test_note);
  ADD ("/exam-editor/calendar", test_calendar);
#undef ADD
  g_test_add_func ("/exam-editor/fits-in-message-dialog", test_fits_in_message_dialog);
  return g_test_run ();
}
