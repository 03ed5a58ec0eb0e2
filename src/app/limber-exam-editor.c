/* limber-exam-editor.c — the form for one examination
 *
 * The form shows what a therapist measures for tight hips: the date, the
 * hip's range of motion left and right, the special tests, pain and a
 * note.  It works on its own state and gives a new LimberExam on request
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

#include "limber-exam-editor.h"
#include "limber-exam-progress.h"

/* The rows of the form: the hip form of limber-exam-progress.c. */
#define N_MOTIONS LIMBER_EXAM_HIP_N_MOTIONS
#define N_TESTS LIMBER_EXAM_HIP_N_TESTS
#define N_SIDES 2

static const LimberSide form_sides[N_SIDES] = { LIMBER_SIDE_LEFT, LIMBER_SIDE_RIGHT };

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

  GtkSpinButton  *rom_spins[N_MOTIONS][N_SIDES];
  gboolean        rom_measured[N_MOTIONS][N_SIDES];
  GtkDropDown    *test_dropdowns[N_TESTS][N_SIDES];

  /* Template widgets */
  GtkEntry       *date_entry;
  GtkLabel       *date_error;
  GtkCalendar    *calendar;
  GtkGrid        *rom_grid;
  GtkGrid        *test_grid;
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

static void
emit_changed (LimberExamEditor *self)
{
  if (self->updating == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Date */

static void
set_valid (LimberExamEditor *self,
           gboolean          valid)
{
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), !valid);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->date_entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  if (self->valid == valid)
    return;
  self->valid = valid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

/* The entry's date, or NULL when it is empty.  While the entry holds
 * something that is not a date, *@valid is FALSE and the date is the
 * exam's own, as set.  The exam's own date is good even with a time
 * zone after it (the file format allows one). */
static char *
entry_date (LimberExamEditor *self,
            gboolean         *valid)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));
  const char *own = self->exam ? self->exam->date : NULL;

  *valid = TRUE;
  if (text[0] == '\0')
    return NULL;
  if (limber_exam_date_is_valid (text) || g_strcmp0 (text, own) == 0)
    return g_steal_pointer (&text);
  *valid = FALSE;
  return g_strdup (own);
}

/* The entry says what is wrong as it is typed; "valid" tells the dialog
 * to hold Save. */
static void
on_date_changed (LimberExamEditor *self)
{
  gboolean valid;
  g_autofree char *date = entry_date (self, &valid);

  set_valid (self, valid);
  emit_changed (self);
}

static void
on_calendar_shown (LimberExamEditor *self)
{
  gboolean valid;
  g_autofree char *date = entry_date (self, &valid);
  g_autoptr(GDateTime) day = NULL;

  if (date != NULL && strlen (date) >= 10)
    {
      g_autofree char *iso = g_strdup_printf ("%.10sT00:00:00", date);
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      day = g_date_time_new_from_iso8601 (iso, local);
    }
  if (day == NULL)
    day = g_date_time_new_now_local ();
  self->updating++;
  gtk_calendar_select_day (self->calendar, day);
  self->updating--;
}

/* Picking a day writes it in the entry at once; the popover stays open
 * so the month can be changed, and closes like any other. */
static void
on_day_selected (LimberExamEditor *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  if (self->updating > 0)
    return;
  date = gtk_calendar_get_date (self->calendar);
  text = g_date_time_format (date, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
}

/* Range of motion: a spin button that may be empty */

static gboolean
find_spin (LimberExamEditor *self,
           GtkSpinButton    *spin,
           guint            *motion,
           guint            *side)
{
  for (guint m = 0; m < N_MOTIONS; m++)
    for (guint s = 0; s < N_SIDES; s++)
      if (self->rom_spins[m][s] == spin)
        {
          *motion = m;
          *side = s;
          return TRUE;
        }
  return FALSE;
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
  gboolean measured;
  int degrees;
  guint m, s;

  if (!find_spin (self, spin, &m, &s))
    return FALSE;
  *new_value = gtk_spin_button_get_value (spin);
  if (!limber_exam_parse_degrees (gtk_editable_get_text (GTK_EDITABLE (spin)), &measured, &degrees))
    return GTK_INPUT_ERROR;
  if (measured)
    *new_value = degrees;
  if (self->rom_measured[m][s] != measured)
    {
      self->rom_measured[m][s] = measured;
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
  guint m, s;

  if (!find_spin (self, spin, &m, &s))
    return FALSE;
  show_degrees (spin, self->rom_measured[m][s]);
  return TRUE;
}

/* The arrows, Up and Down, or a typed number: a measurement now. */
static void
on_rom_value_changed (GtkSpinButton    *spin,
                      LimberExamEditor *self)
{
  guint m, s;

  if (self->updating > 0 || !find_spin (self, spin, &m, &s))
    return;
  if (!self->rom_measured[m][s])
    {
      self->rom_measured[m][s] = TRUE;
      show_degrees (spin, TRUE);
    }
  emit_changed (self);
}

static GtkWidget *
row_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

static GtkSpinButton *
rom_spin_new (LimberExamEditor *self,
              const char       *motion,
              LimberSide        side)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (-180, 180, 1));
  g_autofree char *rom = limber_exam_rom_label ("hip", motion);
  g_autofree char *label = NULL;
  g_autofree char *name = g_strdup_printf ("rom-%s-%s", motion, limber_side_to_string (side));
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (spin));

  label = g_strdup_printf (side == LIMBER_SIDE_LEFT
                           /* Translators: "Hip flexion, left, degrees": names a field for screen readers */
                           ? _("%s, left, degrees")
                           /* Translators: "Hip flexion, right, degrees": names a field for screen readers */
                           : _("%s, right, degrees"), rom);
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
  return spin;
}

static void
build_rom_grid (LimberExamEditor *self)
{
  for (guint m = 0; m < N_MOTIONS; m++)
    {
      gtk_grid_attach (self->rom_grid, row_label (limber_exam_motion_label (limber_exam_hip_motion (m))), 0, m + 1, 1, 1);
      for (guint s = 0; s < N_SIDES; s++)
        {
          self->rom_spins[m][s] = rom_spin_new (self, limber_exam_hip_motion (m), form_sides[s]);
          gtk_grid_attach (self->rom_grid, GTK_WIDGET (self->rom_spins[m][s]), s + 1, m + 1, 1, 1);
        }
    }
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

  gtk_widget_set_name (GTK_WIDGET (dropdown), name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* As wide as "Negative", so the columns do not move as results are
   * picked (a longer translation makes it wider). */
  gtk_widget_set_size_request (GTK_WIDGET (dropdown), 120, -1);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_test_selected), self, G_CONNECT_SWAPPED);
  return dropdown;
}

static void
build_test_grid (LimberExamEditor *self)
{
  const char * const results[] = {
    /* Translators: a special test not done */
    C_("test result", "—"),
    C_("test result", "Positive"),
    C_("test result", "Negative"),
    NULL
  };
  g_autoptr(GtkStringList) model = gtk_string_list_new (results);

  for (guint t = 0; t < N_TESTS; t++)
    {
      gtk_grid_attach (self->test_grid, row_label (limber_exam_test_label (limber_exam_hip_test (t))), 0, t + 1, 1, 1);
      for (guint s = 0; s < N_SIDES; s++)
        {
          self->test_dropdowns[t][s] = test_dropdown_new (self, G_LIST_MODEL (model), limber_exam_hip_test (t), form_sides[s]);
          gtk_grid_attach (self->test_grid, GTK_WIDGET (self->test_dropdowns[t][s]), s + 1, t + 1, 1, 1);
        }
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

static int
motion_index (const char *motion)
{
  for (guint m = 0; m < N_MOTIONS; m++)
    if (g_strcmp0 (limber_exam_hip_motion (m), motion) == 0)
      return (int) m;
  return -1;
}

static int
test_index (const char *name)
{
  for (guint t = 0; t < N_TESTS; t++)
    if (g_strcmp0 (limber_exam_hip_test (t), name) == 0)
      return (int) t;
  return -1;
}

static int
side_index (LimberSide side)
{
  for (guint s = 0; s < N_SIDES; s++)
    if (form_sides[s] == side)
      return (int) s;
  return -1;
}

/* The spin button that shows @rom, if the form has one. */
static gboolean
rom_cell (const LimberRom *rom,
          guint           *motion,
          guint           *side)
{
  int m = motion_index (rom->motion);
  int s = side_index (rom->side);

  if (g_strcmp0 (rom->joint, "hip") != 0 || m < 0 || s < 0)
    return FALSE;
  *motion = m;
  *side = s;
  return TRUE;
}

static gboolean
test_cell (const LimberSpecialTest *test,
           guint                   *index,
           guint                   *side)
{
  int t = test_index (test->name);
  int s = side_index (test->side);

  if (t < 0 || s < 0)
    return FALSE;
  *index = t;
  *side = s;
  return TRUE;
}

static void
fill_form (LimberExamEditor *self)
{
  const LimberExam *exam = self->exam;
  const char *date = exam->date;

  self->updating++;

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date ? date : "");

  for (guint m = 0; m < N_MOTIONS; m++)
    for (guint s = 0; s < N_SIDES; s++)
      {
        const LimberRom *rom = limber_exam_find_rom (exam, "hip", form_sides[s], limber_exam_hip_motion (m));

        self->rom_measured[m][s] = rom != NULL;
        gtk_spin_button_set_value (self->rom_spins[m][s], rom ? rom->degrees : 0);
        show_degrees (self->rom_spins[m][s], rom != NULL);
      }

  for (guint t = 0; t < N_TESTS; t++)
    for (guint s = 0; s < N_SIDES; s++)
      gtk_drop_down_set_selected (self->test_dropdowns[t][s], RESULT_NONE);
  for (guint i = 0; i < exam->tests->len; i++)
    {
      const LimberSpecialTest *test = &g_array_index (exam->tests, LimberSpecialTest, i);
      guint t, s;

      if (test_cell (test, &t, &s))
        gtk_drop_down_set_selected (self->test_dropdowns[t][s], test->positive ? RESULT_POSITIVE : RESULT_NEGATIVE);
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
  for (guint m = 0; m < N_MOTIONS; m++)
    for (guint s = 0; s < N_SIDES; s++)
      gtk_spin_button_update (self->rom_spins[m][s]);
}

static int
test_result (LimberExamEditor *self,
             guint             t,
             guint             s)
{
  return gtk_drop_down_get_selected (self->test_dropdowns[t][s]);
}

static void
read_rom (LimberExamEditor *self,
          LimberExam       *result)
{
  /* What the exam had, in its order: the form's value, or as it was. */
  for (guint i = 0; i < self->exam->rom->len; i++)
    {
      const LimberRom *rom = &g_array_index (self->exam->rom, LimberRom, i);
      guint m, s;

      if (!rom_cell (rom, &m, &s))
        limber_exam_set_rom (result, rom->joint, rom->side, rom->motion, rom->degrees);
      else if (self->rom_measured[m][s])
        limber_exam_set_rom (result, rom->joint, rom->side, rom->motion,
                             gtk_spin_button_get_value_as_int (self->rom_spins[m][s]));
    }
  /* Then what was newly measured, in the form's order. */
  for (guint m = 0; m < N_MOTIONS; m++)
    for (guint s = 0; s < N_SIDES; s++)
      if (self->rom_measured[m][s])
        limber_exam_set_rom (result, "hip", form_sides[s], limber_exam_hip_motion (m),
                             gtk_spin_button_get_value_as_int (self->rom_spins[m][s]));
}

static void
read_tests (LimberExamEditor *self,
            LimberExam       *result)
{
  for (guint i = 0; i < self->exam->tests->len; i++)
    {
      const LimberSpecialTest *test = &g_array_index (self->exam->tests, LimberSpecialTest, i);
      guint t, s;

      if (!test_cell (test, &t, &s))
        limber_exam_set_test (result, test->name, test->side, test->positive);
      else if (test_result (self, t, s) != RESULT_NONE)
        limber_exam_set_test (result, test->name, test->side, test_result (self, t, s) == RESULT_POSITIVE);
    }
  for (guint t = 0; t < N_TESTS; t++)
    for (guint s = 0; s < N_SIDES; s++)
      if (test_result (self, t, s) != RESULT_NONE)
        limber_exam_set_test (result, limber_exam_hip_test (t), form_sides[s], test_result (self, t, s) == RESULT_POSITIVE);
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

/* GObject */

static void
limber_exam_editor_dispose (GObject *object)
{
  LimberExamEditor *self = LIMBER_EXAM_EDITOR (object);

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
   * Whether the form holds an exam that can be saved: %FALSE while the
   * date entry holds something that is not a date.
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/limber/Limber/limber-exam-editor.ui");
  gtk_widget_class_set_css_name (widget_class, "exameditor");
  gtk_widget_class_bind_template_child (widget_class, LimberExamEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, LimberExamEditor, date_error);
  gtk_widget_class_bind_template_child (widget_class, LimberExamEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, LimberExamEditor, rom_grid);
  gtk_widget_class_bind_template_child (widget_class, LimberExamEditor, test_grid);
  gtk_widget_class_bind_template_child (widget_class, LimberExamEditor, pain_scale);
  gtk_widget_class_bind_template_child (widget_class, LimberExamEditor, pain_check);
  gtk_widget_class_bind_template_child (widget_class, LimberExamEditor, note_view);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_pain_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_pain_changed);
}

static void
limber_exam_editor_init (LimberExamEditor *self)
{
  g_autoptr(LimberExam) today = limber_exam_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->valid = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  build_rom_grid (self);
  build_test_grid (self);
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
}

/**
 * limber_exam_editor_dup_exam:
 *
 * The exam as the form shows it.  A number still being typed counts.
 * While the date entry holds something that is not a date (see
 * LimberExamEditor:valid), the exam keeps the date it was set with.
 *
 * Returns: (transfer full): a new exam.
 */
LimberExam *
limber_exam_editor_dup_exam (LimberExamEditor *self)
{
  LimberExam *result;
  gboolean valid;

  g_return_val_if_fail (LIMBER_IS_EXAM_EDITOR (self), NULL);

  commit_typing (self);
  result = limber_exam_new ();
  result->date = entry_date (self, &valid);
  read_rom (self, result);
  read_tests (self, result);
  if (!gtk_check_button_get_active (self->pain_check))
    result->pain = CLAMP ((int) lround (gtk_range_get_value (GTK_RANGE (self->pain_scale))), 0, 10);
  result->note = read_note (self);
  return result;
}

/**
 * limber_exam_editor_get_valid:
 *
 * Returns: %FALSE while the date entry holds something that is not a
 *   date, so the dialog can hold its Save button.
 */
gboolean
limber_exam_editor_get_valid (LimberExamEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_EXAM_EDITOR (self), FALSE);
  return self->valid;
}
