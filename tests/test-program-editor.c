/* test-program-editor.c — the program editor with 30 stretches
 *
 * The real LimberProgramEditor in a real window (Xvfb in CI): compact
 * rows that fit a long program in a few screens, one row expanded at a
 * time (or all), the expansion and the focus kept through edits and
 * moves, and the dates picked on a calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "limber-date-row.h"
#include "limber-item-row.h"
#include "limber-program-editor.h"
#include "limber-test-gui.h"

#define N_STRETCHES 30

static LimberCatalog *catalog;

typedef struct
{
  LimberProgram       *program;
  GtkWidget           *window;
  LimberProgramEditor *editor;
  GtkListBox          *list;
} Fixture;

/* @n stretches of the bundled catalog, each with its catalog dosage,
 * in an editor in a window @width px wide. */
static void
fixture_show (Fixture *f,
              guint    n,
              int      width)
{
  guint in_catalog = g_list_model_get_n_items (G_LIST_MODEL (catalog));

  f->program = limber_program_new ();
  limber_program_start (f->program, "2026-11-24", "Alex Kim", "Riverside Physio", "en");
  limber_program_set_field (f->program, LIMBER_PROGRAM_TITLE, "Hips and low back — week 3");
  limber_program_set_field (f->program, LIMBER_PROGRAM_PATIENT_NAME, "Sam Rivera");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (catalog), i % in_catalog);
      limber_program_insert_exercise (f->program, i, exercise);
    }
  f->editor = g_object_new (LIMBER_TYPE_PROGRAM_EDITOR, NULL);
  limber_program_editor_set_program (f->editor, f->program, catalog);
  f->list = limber_program_editor_get_list (f->editor);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 900);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->editor));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, f->window));
  limber_test_spin (200);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  fixture_show (f, N_STRETCHES, 760);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  limber_test_spin (10);
  g_clear_object (&f->program);
}

static LimberItemRow *
row_at (Fixture *f,
        int      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (f->list, index);

  g_assert_true (LIMBER_IS_ITEM_ROW (row));
  return LIMBER_ITEM_ROW (row);
}

static guint
n_expanded (Fixture *f)
{
  guint n = 0;

  for (int i = 0; i < N_STRETCHES; i++)
    n += limber_item_row_get_expanded (row_at (f, i));
  return n;
}

static gboolean
list_has_height (gpointer list)
{
  return gtk_widget_get_height (list) > 0;
}

/* The compact toggle of a row: the button that opens and folds it. */
static GtkWidget *
summary_button (LimberItemRow *row)
{
  GtkWidget *button = limber_test_find_widget (GTK_WIDGET (row), GTK_TYPE_TOGGLE_BUTTON);

  g_assert_nonnull (button);
  return button;
}

/* A click, as the user's (gtk_widget_activate() waits for a press
 * animation first). */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The old rows were ~260 px each: 30 of them 7,800 px, about ten
 * screens of a 800 px window.  A compact row is a 44 px thumbnail and two
 * short lines: at most 72 px, so 30 fit in 2,160 px (under three
 * screens), and expanding one adds the editor to that one only. */
static void
test_editor_compact (Fixture       *f,
                     gconstpointer  data)
{
  int total, one, expanded;

  g_assert_true (limber_test_wait_for (list_has_height, f->list));
  limber_test_spin (100);
  total = gtk_widget_get_height (GTK_WIDGET (f->list));
  g_test_message ("30 compact rows: %d px", total);
  g_assert_cmpint (total, <=, N_STRETCHES * 72);
  g_assert_cmpuint (n_expanded (f), ==, 0);
  for (int i = 0; i < N_STRETCHES; i++)
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (row_at (f, i))), <=, 72);

  /* What the compact line says: the name and the dosage in short. */
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (row_at (f, 0)),
                                            limber_exercise_get_name (limber_program_item_get_exercise (
                                              limber_program_get_item (f->program, 0)), "en"),
                                            LIMBER_TEST_MAPPED));
  {
    LimberDosage dosage = { { 2, 5, 3, 2, 7 }, 0x1f, LIMBER_SIDE_LEFT };

    limber_program_set_item_dosage (f->program, 0, &dosage);
    /* Each part kept on one line (no-break spaces): it wraps between them. */
    g_assert_nonnull (limber_test_find_label (GTK_WIDGET (row_at (f, 0)),
                                              "2\u00a0×\u00a05\u00a0· hold\u00a03\u00a0s\u00a0· twice\u00a0a\u00a0day",
                                              LIMBER_TEST_MAPPED));
    g_assert_nonnull (limber_test_find_label (GTK_WIDGET (row_at (f, 0)), "Left", LIMBER_TEST_MAPPED));
  }

  one = gtk_widget_get_height (GTK_WIDGET (row_at (f, 3)));
  limber_item_row_set_expanded (row_at (f, 3), TRUE);
  limber_test_spin (100);
  expanded = gtk_widget_get_height (GTK_WIDGET (row_at (f, 3)));
  g_test_message ("a row: %d px compact, %d px expanded", one, expanded);
  g_assert_cmpint (expanded, >, one + 100);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->list)), <=, total - one + expanded + 2);
  limber_test_maybe_screenshot (f->window, "editor-30.png");
}

/* One row open at a time; Expand All opens them all and keeps them. */
static void
test_editor_one_at_a_time (Fixture       *f,
                           gconstpointer  data)
{
  GtkToggleButton *all = NULL;

  click (summary_button (row_at (f, 2)));
  g_assert_true (limber_item_row_get_expanded (row_at (f, 2)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (limber_test_find_widget (GTK_WIDGET (row_at (f, 2)),
                                                                             GTK_TYPE_SPIN_BUTTON))));
  click (summary_button (row_at (f, 5)));
  g_assert_true (limber_item_row_get_expanded (row_at (f, 5)));
  g_assert_false (limber_item_row_get_expanded (row_at (f, 2)));
  g_assert_cmpuint (n_expanded (f), ==, 1);
  click (summary_button (row_at (f, 5)));
  g_assert_cmpuint (n_expanded (f), ==, 0);

  for (GtkWidget *w = limber_test_find_label (GTK_WIDGET (f->editor), "E_xpand All", LIMBER_TEST_ANY);
       w != NULL && all == NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_TOGGLE_BUTTON (w))
      all = GTK_TOGGLE_BUTTON (w);
  g_assert_nonnull (all);
  gtk_toggle_button_set_active (all, TRUE);
  g_assert_cmpuint (n_expanded (f), ==, N_STRETCHES);
  /* Opening, folding one leaves the others open. */
  click (summary_button (row_at (f, 4)));
  g_assert_cmpuint (n_expanded (f), ==, N_STRETCHES - 1);
  click (summary_button (row_at (f, 4)));
  g_assert_cmpuint (n_expanded (f), ==, N_STRETCHES);
  /* A stretch added while all are open comes open. */
  limber_program_insert_exercise (f->program, G_MAXUINT, limber_program_item_get_exercise (
                                    limber_program_get_item (f->program, 0)));
  g_assert_true (limber_item_row_get_expanded (row_at (f, N_STRETCHES)));
  limber_program_undo (f->program);
  gtk_toggle_button_set_active (all, FALSE);
  g_assert_cmpuint (n_expanded (f), ==, 0);
}

/* The focus stays where the user is: on the toggle when a row opens or
 * folds, in the note being typed into while the item changes, and in a
 * folded row's toggle when what had it folds away. */
static void
test_editor_focus (Fixture       *f,
                   gconstpointer  data)
{
  LimberItemRow *row = row_at (f, 1);
  LimberProgramItem *item = limber_program_get_item (f->program, 1);
  GtkWidget *toggle = summary_button (row);
  GtkWidget *note;
  GtkWidget *reps;

  gtk_widget_grab_focus (toggle);
  click (toggle);
  limber_test_spin (50);
  g_assert_true (limber_item_row_get_expanded (row));
  g_assert_true (limber_test_focus_is_in (toggle));

  /* Typing in the note: each letter reaches the item, the row stays. */
  note = limber_test_find_widget (GTK_WIDGET (row), GTK_TYPE_ENTRY);
  g_assert_true (gtk_widget_get_mapped (note));
  gtk_entry_grab_focus_without_selecting (GTK_ENTRY (note));
  for (const char *c = "Go gently"; *c != '\0'; c++)
    {
      int end = gtk_editable_get_position (GTK_EDITABLE (note));

      gtk_editable_insert_text (GTK_EDITABLE (note), c, 1, &end);
      gtk_editable_set_position (GTK_EDITABLE (note), end);
      g_assert_true (row_at (f, 1) == row);
      g_assert_true (limber_test_focus_is_in (note));
    }
  g_assert_cmpstr (limber_program_item_get_note (item), ==, "Go gently");

  /* Reps in the expanded row: the item and the compact line follow. */
  reps = limber_test_find_nth_widget (GTK_WIDGET (row), GTK_TYPE_SPIN_BUTTON, 1);
  gtk_widget_grab_focus (reps);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (reps), 12);
  {
    LimberDosage dosage;

    limber_program_item_get_dosage (item, &dosage);
    g_assert_cmpint (limber_dosage_get (&dosage, LIMBER_DOSAGE_REPS), ==, 12);
  }
  g_assert_nonnull (limber_test_find_label_containing (GTK_WIDGET (row), "×\u00a012"));
  g_assert_true (limber_test_focus_is_in (reps));

  /* Folded with the focus inside: the focus goes to the toggle. */
  gtk_entry_grab_focus_without_selecting (GTK_ENTRY (note));
  limber_item_row_set_expanded (row, FALSE);
  g_assert_true (limber_test_focus_is_in (toggle));

  /* Opening another row from the keyboard folds this one, the focus
   * stays on the toggle pressed. */
  limber_item_row_set_expanded (row, TRUE);
  gtk_widget_grab_focus (summary_button (row_at (f, 6)));
  click (summary_button (row_at (f, 6)));
  g_assert_false (limber_item_row_get_expanded (row));
  g_assert_true (limber_test_focus_is_in (summary_button (row_at (f, 6))));
}

/* Alt+Down on an open row: it moves, stays open, and the focus is in the
 * same field of it; a drag of a folded row reorders as before. */
static void
test_editor_reorder (Fixture       *f,
                     gconstpointer  data)
{
  LimberExercise *a = limber_program_item_get_exercise (limber_program_get_item (f->program, 0));
  LimberExercise *b = limber_program_item_get_exercise (limber_program_get_item (f->program, 1));
  GtkWidget *note;

  limber_item_row_set_expanded (row_at (f, 0), TRUE);
  note = limber_test_find_widget (GTK_WIDGET (row_at (f, 0)), GTK_TYPE_ENTRY);
  gtk_entry_grab_focus_without_selecting (GTK_ENTRY (note));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (f, 0)), "row.move-down", NULL));
  g_assert_true (limber_program_item_get_exercise (limber_program_get_item (f->program, 1)) == a);
  g_assert_true (limber_item_row_get_expanded (row_at (f, 1)));
  g_assert_false (limber_item_row_get_expanded (row_at (f, 0)));
  g_assert_true (limber_test_focus_is_in (limber_test_find_widget (GTK_WIDGET (row_at (f, 1)), GTK_TYPE_ENTRY)));
  g_assert_cmpuint (n_expanded (f), ==, 1);

  /* From a folded row's toggle, Alt+Up moves it, the focus follows. */
  gtk_widget_grab_focus (summary_button (row_at (f, 5)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (f, 5)), "row.move-up", NULL));
  g_assert_true (limber_test_focus_is_in (summary_button (row_at (f, 4))));
  g_assert_false (limber_item_row_get_expanded (row_at (f, 4)));

  limber_program_undo (f->program);
  limber_program_undo (f->program);
  g_assert_true (limber_program_item_get_exercise (limber_program_get_item (f->program, 0)) == a);
  g_assert_true (limber_program_item_get_exercise (limber_program_get_item (f->program, 1)) == b);
}

/* The dates are on top, picked on the calendar, undone like any edit. */
static void
test_editor_dates (Fixture       *f,
                   gconstpointer  data)
{
  LimberDateRow *created = LIMBER_DATE_ROW (limber_test_find_nth_widget (GTK_WIDGET (f->editor),
                                                                         LIMBER_TYPE_DATE_ROW, 0));
  LimberDateRow *next = LIMBER_DATE_ROW (limber_test_find_nth_widget (GTK_WIDGET (f->editor),
                                                                      LIMBER_TYPE_DATE_ROW, 1));
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 12, 8, 0, 0, 0);
  GtkWidget *calendar, *first_row;
  graphene_point_t top;

  g_assert_cmpstr (limber_date_row_get_date (created), ==, "2026-11-24");
  g_assert_null (limber_date_row_get_date (next));
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (created), "Tuesday, 24 November 2026", LIMBER_TEST_MAPPED));

  /* Above the stretches. */
  first_row = GTK_WIDGET (row_at (f, 0));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (next), first_row, &GRAPHENE_POINT_INIT (0, 0), &top));
  g_assert_cmpfloat (top.y, <, 0);

  /* Picked on the calendar of the popover. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (limber_test_find_widget (GTK_WIDGET (next), GTK_TYPE_MENU_BUTTON)));
  limber_test_spin (100);
  calendar = limber_test_find_widget (GTK_WIDGET (next), GTK_TYPE_CALENDAR);
  g_assert_true (gtk_widget_get_mapped (calendar));
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  g_assert_cmpstr (limber_program_get_field (f->program, LIMBER_PROGRAM_NEXT_VISIT), ==, "2026-12-08");
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (next), "Tuesday, 8 December 2026", LIMBER_TEST_ANY));
  limber_test_maybe_screenshot (gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER), "editor-date-popover.png");

  /* Undo puts the row back as it was. */
  limber_program_undo (f->program);
  g_assert_null (limber_program_get_field (f->program, LIMBER_PROGRAM_NEXT_VISIT));
  g_assert_null (limber_date_row_get_date (next));

  /* No Date clears a next visit. */
  limber_date_row_set_date (next, "2026-12-15");
  g_assert_cmpstr (limber_program_get_field (f->program, LIMBER_PROGRAM_NEXT_VISIT), ==, "2026-12-15");
  click (gtk_widget_get_ancestor (limber_test_find_label (GTK_WIDGET (next), "_No Date", LIMBER_TEST_ANY),
                                  GTK_TYPE_BUTTON));
  g_assert_null (limber_date_row_get_date (next));
  g_assert_cmpstr (limber_program_get_field (f->program, LIMBER_PROGRAM_NEXT_VISIT) ?: "", ==, "");
}

/* At a phone's width the rows stay compact enough and nothing is cut. */
static void
test_editor_narrow (void)
{
  Fixture f = { 0 };
  int total;

  fixture_show (&f, N_STRETCHES, 360);
  g_assert_true (limber_test_wait_for (list_has_height, f.list));
  limber_test_spin (100);
  total = gtk_widget_get_height (GTK_WIDGET (f.list));
  g_test_message ("30 compact rows at 360 px: %d px", total);
  /* Long names and dosages take two lines there: at most 100 px a row,
   * 3,000 px, under four 800 px screens (the old cards were taller than
   * 260 px there, their spin buttons one or two to a line). */
  g_assert_cmpint (total, <=, N_STRETCHES * 100);
  g_assert_cmpint (gtk_widget_get_width (f.window), <=, 400);
  limber_item_row_set_expanded (row_at (&f, 0), TRUE);
  limber_test_maybe_screenshot (f.window, "editor-30-narrow.png");
  fixture_teardown (&f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;
  int ret;

  if (!limber_test_gui_init (&argc, &argv))
    return 77;
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/limber/Limber/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  catalog = limber_catalog_new ();
  limber_catalog_load_standard (catalog, NULL);

  g_test_add ("/program-editor/compact", Fixture, NULL, fixture_setup, test_editor_compact, fixture_teardown);
  g_test_add ("/program-editor/one-at-a-time", Fixture, NULL, fixture_setup, test_editor_one_at_a_time,
              fixture_teardown);
  g_test_add ("/program-editor/focus", Fixture, NULL, fixture_setup, test_editor_focus, fixture_teardown);
  g_test_add ("/program-editor/reorder", Fixture, NULL, fixture_setup, test_editor_reorder, fixture_teardown);
  g_test_add ("/program-editor/dates", Fixture, NULL, fixture_setup, test_editor_dates, fixture_teardown);
  g_test_add_func ("/program-editor/narrow", test_editor_narrow);
  ret = g_test_run ();
  g_clear_object (&catalog);
  return ret;
}
