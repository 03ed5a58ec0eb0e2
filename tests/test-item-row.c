/* test-item-row.c — one stretch of a program, edited in a real window
 *
 * A list box bound to a program, with LimberItemRow rows, as the program
 * editor has it; the tests drive the real widgets under Xvfb and check
 * the program (and its undo) behind them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "limber-item-row.h"
#include "limber-test-gui.h"

static LimberCatalog *catalog;

typedef struct
{
  LimberProgram *program;
  GtkWidget     *window;
  GtkListBox    *list;
} Fixture;

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  Fixture *f = user_data;

  return limber_item_row_new (f->program, item, catalog);
}

/* The program editor's layout: a boxed list in a clamp, scrolled. */
static void
fixture_show (Fixture       *f,
              LimberProgram *program)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *list = gtk_list_box_new ();

  f->program = program;
  f->window = gtk_window_new ();
  f->list = GTK_LIST_BOX (list);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 760, 860);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  gtk_widget_set_margin_start (list, 18);
  gtk_widget_set_margin_end (list, 18);
  gtk_widget_set_margin_top (list, 18);
  gtk_widget_set_margin_bottom (list, 18);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_bind_model (f->list, G_LIST_MODEL (program), create_row, f, NULL);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_window_set_child (GTK_WINDOW (f->window), scrolled);

  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, f->window));
  limber_test_spin (100);
}

static LimberExercise *
catalog_exercise (guint n)
{
  g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (catalog), n);

  return exercise;  /* the catalog keeps it */
}

/* Three stretches from the bundled catalog, as they come. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  LimberProgram *program = limber_program_new ();

  for (guint i = 0; i < 3; i++)
    limber_program_insert_exercise (program, i, catalog_exercise (i));
  fixture_show (f, program);
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
n_rows (Fixture *f)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (f->list, n) != NULL)
    n++;
  return n;
}

/* The @n-th widget of @type under @root, in the row's order. */
static GtkWidget *
find_widget (gpointer root,
             GType    type,
             guint    n)
{
  GtkWidget *found = limber_test_find_nth_widget (root, type, n);

  g_assert_nonnull (found);
  return found;
}

static GtkSpinButton *
dosage_spin (Fixture          *f,
             int               row,
             LimberDosageField field)
{
  return GTK_SPIN_BUTTON (find_widget (row_at (f, row), GTK_TYPE_SPIN_BUTTON, field));
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static LimberExercise *
exercise_at (Fixture *f,
             guint    index)
{
  return limber_program_item_get_exercise (limber_program_get_item (f->program, index));
}

static const LimberDosage *
override_at (Fixture *f,
             guint    index)
{
  return limber_program_item_get_override (limber_program_get_item (f->program, index));
}

/* What the program should hold after an edit in the row. */
typedef struct
{
  LimberProgram    *program;
  guint             index;
  LimberDosageField field;
  int               value;
  LimberSide        side;
  const char       *note;
} Expect;

static gboolean
override_has (gpointer data)
{
  Expect *e = data;
  const LimberDosage *o = limber_program_item_get_override (limber_program_get_item (e->program, e->index));

  return limber_dosage_is_set (o, e->field) && o->value[e->field] == e->value;
}

static gboolean
override_side_is (gpointer data)
{
  Expect *e = data;

  return limber_program_item_get_override (limber_program_get_item (e->program, e->index))->side == e->side;
}

static gboolean
note_is (gpointer data)
{
  Expect *e = data;

  return g_strcmp0 (limber_program_item_get_note (limber_program_get_item (e->program, e->index)), e->note) == 0;
}

static void
test_row_shows_item (Fixture       *f,
                     gconstpointer  data)
{
  g_assert_cmpuint (n_rows (f), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      LimberItemRow *row = row_at (f, i);
      LimberProgramItem *item = limber_program_get_item (f->program, i);
      LimberExercise *exercise = limber_program_item_get_exercise (item);
      g_autofree char *tissues = limber_exercise_describe_tissues (exercise);
      g_autofree char *words = NULL;
      LimberDosage dosage;

      g_assert_true (limber_item_row_get_item (row) == item);
      limber_program_item_get_dosage (item, &dosage);
      words = limber_dosage_describe (&dosage);
      g_assert_nonnull (limber_test_find_label (GTK_WIDGET (row), limber_exercise_get_name (exercise, "en"),
                                                LIMBER_TEST_VISIBLE));
      g_assert_nonnull (limber_test_find_label (GTK_WIDGET (row), tissues, LIMBER_TEST_VISIBLE));
      g_assert_nonnull (limber_test_find_label (GTK_WIDGET (row), words, LIMBER_TEST_VISIBLE));

      /* Each spin button shows the exercise's dosage; the side too. */
      for (guint field = 0; field < LIMBER_DOSAGE_N_FIELDS; field++)
        {
          GtkSpinButton *spin_button = dosage_spin (f, i, field);
          int min, max;

          limber_dosage_field_bounds (field, &min, &max);
          g_assert_cmpint (gtk_spin_button_get_value_as_int (spin_button), ==, dosage.value[field]);
          g_assert_cmpfloat (gtk_adjustment_get_lower (gtk_spin_button_get_adjustment (spin_button)), ==, min);
          g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (spin_button)), ==, max);
        }
      g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find_widget (row, GTK_TYPE_DROP_DOWN, 0))),
                        ==, dosage.side - LIMBER_SIDE_LEFT);

      /* No figure drawer yet: no empty square either. */
      g_assert_false (gtk_widget_get_visible (find_widget (row, GTK_TYPE_DRAWING_AREA, 0)));
      /* Fresh from the catalog: nothing to update, nothing to reset. */
      g_assert_false (gtk_widget_get_visible (find_action_button (GTK_WIDGET (row), "row.update")));
      g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (row), "row.reset")));
    }
  limber_test_maybe_screenshot (f->window, "item-rows.png");

  /* Narrow: the dosage fields wrap, nothing is cut off. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 860);
  limber_test_spin (200);
  limber_test_maybe_screenshot (f->window, "item-rows-narrow.png");
}

/* A spin button stores its value in the item's override; undo takes it
 * back, and the row shows the default again. */
static void
test_row_dosage_and_undo (Fixture       *f,
                          gconstpointer  data)
{
  LimberExercise *exercise = limber_program_item_get_exercise (limber_program_get_item (f->program, 0));
  int reps = limber_exercise_get_dosage (exercise)->value[LIMBER_DOSAGE_REPS];
  Expect e = { f->program, 0, LIMBER_DOSAGE_REPS, 12 };
  LimberDosage dosage;

  g_assert_cmpint (reps, !=, 12);
  gtk_spin_button_set_value (dosage_spin (f, 0, LIMBER_DOSAGE_REPS), 12);
  g_assert_true (limber_test_wait_for (override_has, &e));
  limber_program_item_get_dosage (limber_program_get_item (f->program, 0), &dosage);
  g_assert_cmpint (dosage.value[LIMBER_DOSAGE_REPS], ==, 12);
  /* Only the field that changed is overridden. */
  g_assert_cmpuint (override_at (f, 0)->set, ==,
                    1u << LIMBER_DOSAGE_REPS);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (dosage_spin (f, 0, LIMBER_DOSAGE_REPS)), ==, 12);
  {
    g_autofree char *words = limber_dosage_describe (&dosage);
    g_assert_nonnull (strstr (words, "12 reps"));
    g_assert_nonnull (limber_test_find_label (GTK_WIDGET (row_at (f, 0)), words, LIMBER_TEST_VISIBLE));
  }
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (row_at (f, 0)), "row.reset")));

  g_assert_true (limber_program_can_undo (f->program));
  limber_program_undo (f->program);
  limber_test_spin (50);
  g_assert_true (limber_dosage_is_empty (override_at (f, 0)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (dosage_spin (f, 0, LIMBER_DOSAGE_REPS)), ==, reps);
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (row_at (f, 0)), "row.reset")));

  /* One edit, one undo step: the one before it is the last insert. */
  limber_program_undo (f->program);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->program)), ==, 2);
}

static void
test_row_side (Fixture       *f,
               gconstpointer  data)
{
  Expect e = { f->program, 1, .side = LIMBER_SIDE_LEFT };
  GtkDropDown *side = GTK_DROP_DOWN (find_widget (row_at (f, 1), GTK_TYPE_DROP_DOWN, 0));
  g_autofree char *words = NULL;
  LimberDosage dosage;

  gtk_drop_down_set_selected (side, 0);  /* Left */
  g_assert_true (limber_test_wait_for (override_side_is, &e));
  side = GTK_DROP_DOWN (find_widget (row_at (f, 1), GTK_TYPE_DROP_DOWN, 0));
  g_assert_cmpuint (gtk_drop_down_get_selected (side), ==, 0);

  /* The plain-language line follows. */
  limber_program_item_get_dosage (limber_program_get_item (f->program, 1), &dosage);
  words = limber_dosage_describe (&dosage);
  g_assert_nonnull (strstr (words, "left side"));
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (row_at (f, 1)), words, LIMBER_TEST_VISIBLE));
}

/* Typing a note: the program gets each keystroke at once, and the row,
 * bound to its item, stays the same widget: the focus and the cursor
 * stay in the entry, through the edits and their undo and redo.  The
 * typing is one undo step. */
static void
test_row_note (Fixture       *f,
               gconstpointer  data)
{
  const char *text = "Keep it gentle";
  Expect e = { f->program, 2 };
  char typed[64] = "";
  LimberItemRow *row = row_at (f, 2);
  GtkWidget *entry = find_widget (row, GTK_TYPE_ENTRY, 0);

  gtk_entry_grab_focus_without_selecting (GTK_ENTRY (entry));
  for (guint i = 0; text[i] != '\0'; i++)
    {
      int position = gtk_editable_get_position (GTK_EDITABLE (entry));

      g_assert_cmpint (position, ==, i);
      gtk_editable_insert_text (GTK_EDITABLE (entry), text + i, 1, &position);
      gtk_editable_set_position (GTK_EDITABLE (entry), position);
      typed[i] = text[i];
      e.note = typed;
      g_assert_true (note_is (&e));
      limber_test_spin (5);
      g_assert_true (row_at (f, 2) == row);
      g_assert_true (find_widget (row, GTK_TYPE_ENTRY, 0) == entry);
      g_assert_true (limber_test_focus_is_in (entry));
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, text);
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (entry)), ==, strlen (text));

  /* Undo takes the whole note back, in the same row; redo brings it. */
  limber_program_undo (f->program);
  limber_test_spin (5);
  g_assert_null (limber_program_item_get_note (limber_program_get_item (f->program, 2)));
  g_assert_true (row_at (f, 2) == row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (limber_test_focus_is_in (entry));
  limber_program_redo (f->program);
  limber_test_spin (5);
  g_assert_true (row_at (f, 2) == row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, text);
  g_assert_true (limber_test_focus_is_in (entry));
  limber_program_undo (f->program);
  limber_program_undo (f->program);   /* the step before the note: the last insert */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->program)), ==, 2);
  limber_program_redo (f->program);
  limber_program_redo (f->program);

  /* Emptying it removes the note. */
  row = row_at (f, 2);
  entry = find_widget (row, GTK_TYPE_ENTRY, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  e.note = NULL;
  g_assert_true (note_is (&e));
}

/* A spin button's edit, its undo and redo keep the row and the focus. */
static void
test_row_spin_keeps_row (Fixture       *f,
                         gconstpointer  data)
{
  LimberItemRow *row = row_at (f, 1);
  GtkSpinButton *reps = dosage_spin (f, 1, LIMBER_DOSAGE_REPS);
  int before = gtk_spin_button_get_value_as_int (reps);
  int after = before < 100 ? before + 1 : before - 1;

  gtk_widget_grab_focus (GTK_WIDGET (reps));
  gtk_spin_button_set_value (reps, after);
  g_assert_cmpint (override_at (f, 1)->value[LIMBER_DOSAGE_REPS], ==, after);
  limber_program_undo (f->program);
  limber_test_spin (5);
  g_assert_true (row_at (f, 1) == row);
  g_assert_true (dosage_spin (f, 1, LIMBER_DOSAGE_REPS) == reps);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (reps), ==, before);
  g_assert_true (limber_test_focus_is_in (GTK_WIDGET (reps)));
  limber_program_redo (f->program);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (reps), ==, after);
  g_assert_true (row_at (f, 1) == row);

  /* Reset greys its own button out: the focus stays on the row. */
  g_assert_true (gtk_widget_grab_focus (find_action_button (GTK_WIDGET (row), "row.reset")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.reset", NULL));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (reps), ==, before);
  g_assert_true (row_at (f, 1) == row);
  g_assert_true (limber_test_focus_is_in (GTK_WIDGET (row)));
  g_assert_false (limber_test_focus_is_in (find_action_button (GTK_WIDGET (row), "row.reset")));
}

static void
test_row_actions (Fixture       *f,
                  gconstpointer  data)
{
  LimberExercise *a = exercise_at (f, 0), *b = exercise_at (f, 1), *c = exercise_at (f, 2);
  const LimberDosage reps = { { [LIMBER_DOSAGE_REPS] = 9 }, 1u << LIMBER_DOSAGE_REPS, LIMBER_SIDE_RIGHT };

  /* The ends: no moving past them. */
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (row_at (f, 0)), "row.move-up")));
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (row_at (f, 0)), "row.move-down")));
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (row_at (f, 1)), "row.move-up")));
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (row_at (f, 1)), "row.move-down")));
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (row_at (f, 2)), "row.move-down")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (f, 0)), "row.move-down", NULL));
  g_assert_true (exercise_at (f, 0) == b);
  g_assert_true (exercise_at (f, 1) == a);
  g_assert_true (exercise_at (f, 2) == c);
  /* The rows that stayed learn where they are now. */
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (row_at (f, 0)), "row.move-up")));
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (row_at (f, 1)), "row.move-up")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (f, 2)), "row.move-up", NULL));
  g_assert_true (exercise_at (f, 1) == c);
  g_assert_true (exercise_at (f, 2) == a);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (f, 0)), "row.remove", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->program)), ==, 2);
  g_assert_cmpuint (n_rows (f), ==, 2);
  g_assert_true (exercise_at (f, 0) == c);
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (row_at (f, 1)), "row.move-down")));

  /* A copy keeps the dosage. */
  limber_program_set_item_dosage (f->program, 1, &reps);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (f, 1)), "row.duplicate", NULL));
  g_assert_cmpuint (n_rows (f), ==, 3);
  g_assert_true (exercise_at (f, 1) == a);
  g_assert_true (exercise_at (f, 2) == a);
  g_assert_true (limber_dosage_equal (override_at (f, 2), &reps));

  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (row_at (f, 2)), "row.reset")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (f, 2)), "row.reset", NULL));
  g_assert_true (limber_dosage_is_empty (override_at (f, 2)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (dosage_spin (f, 2, LIMBER_DOSAGE_REPS)), ==,
                   limber_exercise_get_dosage (a)->value[LIMBER_DOSAGE_REPS]);
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (row_at (f, 2)), "row.reset")));

  /* Every one of them can be undone: two moves, a removal, a dosage,
   * a copy and a reset. */
  for (guint i = 0; i < 6; i++)
    limber_program_undo (f->program);
  g_assert_cmpuint (n_rows (f), ==, 3);
  g_assert_true (exercise_at (f, 0) == a && exercise_at (f, 1) == b && exercise_at (f, 2) == c);
}

/* What is typed stays in the schema's bounds. */
static void
test_row_bounds (Fixture       *f,
                 gconstpointer  data)
{
  Expect e = { f->program, 0, LIMBER_DOSAGE_REPS, 100 };
  GtkSpinButton *reps = dosage_spin (f, 0, LIMBER_DOSAGE_REPS);
  GtkSpinButton *hold;
  int min, max, held;

  limber_dosage_field_bounds (LIMBER_DOSAGE_REPS, &min, &max);
  g_assert_cmpint (max, ==, 100);
  gtk_spin_button_set_value (reps, 1000);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (reps), ==, max);
  g_assert_true (limber_test_wait_for (override_has, &e));

  /* Out of range, empty, or not a number: the old value comes back,
   * and nothing is stored. */
  reps = dosage_spin (f, 0, LIMBER_DOSAGE_REPS);
  gtk_editable_set_text (GTK_EDITABLE (reps), "500");
  gtk_spin_button_update (reps);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (reps), ==, 100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reps)), ==, "100");

  hold = dosage_spin (f, 0, LIMBER_DOSAGE_HOLD_SECONDS);
  held = gtk_spin_button_get_value_as_int (hold);
  gtk_editable_set_text (GTK_EDITABLE (hold), "");
  gtk_spin_button_update (hold);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (hold), ==, held);
  g_assert_cmpint (atoi (gtk_editable_get_text (GTK_EDITABLE (hold))), ==, held);
  gtk_editable_set_text (GTK_EDITABLE (hold), "abc");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hold)), ==, "");  /* numeric: letters can't go in */
  gtk_spin_button_update (hold);
  g_assert_cmpint (atoi (gtk_editable_get_text (GTK_EDITABLE (hold))), ==, held);
  limber_test_spin (50);
  g_assert_cmpuint (override_at (f, 0)->set, ==,
                    1u << LIMBER_DOSAGE_REPS);

  /* Below the bottom: the least the schema allows. */
  gtk_spin_button_set_value (dosage_spin (f, 0, LIMBER_DOSAGE_SETS), -3);
  limber_dosage_field_bounds (LIMBER_DOSAGE_SETS, &min, &max);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (dosage_spin (f, 0, LIMBER_DOSAGE_SETS)), ==, min);
}

/* Every control says what it is; every icon-only button has a tooltip
 * and a name for screen readers. */
static void
check_named (GtkWidget *widget,
             guint     *buttons,
             guint     *unnamed)
{
  /* GTK's own parts of a spin button or a drop-down are its business. */
  if (GTK_IS_SPIN_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_ENTRY (widget))
    {
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
          && !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        {
          g_printerr ("# control without a name: %s\n", G_OBJECT_TYPE_NAME (widget));
          (*unnamed)++;
        }
      return;
    }
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    {
      (*buttons)++;
      if (gtk_widget_get_tooltip_text (widget) == NULL
          || !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        {
          g_printerr ("# unnamed button: %s\n", gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)));
          (*unnamed)++;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_named (child, buttons, unnamed);
}

static void
test_row_named (Fixture       *f,
                gconstpointer  data)
{
  guint buttons = 0, unnamed = 0;

  check_named (GTK_WIDGET (row_at (f, 1)), &buttons, &unnamed);
  g_assert_cmpuint (buttons, ==, 7);  /* the compact line's toggle and six actions */
  g_assert_cmpuint (unnamed, ==, 0);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row_at (f, 1)), GTK_ACCESSIBLE_PROPERTY_LABEL));
}

/* The shortcuts bound to the row's actions, as its class's shortcut
 * controller holds them. */
static GtkShortcut *
find_shortcut (GtkWidget  *row,
               const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger))
            return shortcut;  /* the controller keeps it */
        }
    }
  return NULL;
}

static const char *
shortcut_action (GtkWidget  *row,
                 const char *trigger)
{
  GtkShortcut *shortcut = find_shortcut (row, trigger);
  GtkShortcutAction *action;

  if (shortcut == NULL)
    return NULL;
  action = gtk_shortcut_get_action (shortcut);
  return GTK_IS_NAMED_ACTION (action) ? gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)) : "callback";
}

/* What pressing the keys would run. */
static gboolean
run_shortcut (GtkWidget  *row,
              const char *trigger)
{
  GtkShortcut *shortcut = find_shortcut (row, trigger);

  g_assert_nonnull (shortcut);
  return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                       row, gtk_shortcut_get_arguments (shortcut));
}

static void
test_row_keyboard (Fixture       *f,
                   gconstpointer  data)
{
  LimberExercise *a = exercise_at (f, 0), *b = exercise_at (f, 1);
  GtkWidget *entry;

  g_assert_cmpstr (shortcut_action (GTK_WIDGET (row_at (f, 0)), "<Alt>Up"), ==, "row.move-up");
  g_assert_cmpstr (shortcut_action (GTK_WIDGET (row_at (f, 0)), "<Alt>Down"), ==, "row.move-down");
  g_assert_cmpstr (shortcut_action (GTK_WIDGET (row_at (f, 0)), "<Control>d"), ==, "row.duplicate");
  g_assert_cmpstr (shortcut_action (GTK_WIDGET (row_at (f, 0)), "Delete"), ==, "callback");

  /* Alt+Down on the row: it moves, and keeps the focus. */
  gtk_widget_grab_focus (GTK_WIDGET (row_at (f, 0)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (f, 0)), "row.move-down", NULL));
  g_assert_true (exercise_at (f, 1) == a);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row_at (f, 1))));

  /* From inside the note of an expanded row, the focus stays in the
   * note, and the row moved stays expanded. */
  limber_item_row_set_expanded (row_at (f, 1), TRUE);
  entry = find_widget (row_at (f, 1), GTK_TYPE_ENTRY, 0);
  gtk_entry_grab_focus_without_selecting (GTK_ENTRY (entry));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (f, 1)), "row.move-down", NULL));
  g_assert_true (exercise_at (f, 2) == a);
  g_assert_true (limber_item_row_get_expanded (row_at (f, 2)));
  g_assert_true (limber_test_focus_is_in (find_widget (row_at (f, 2), GTK_TYPE_ENTRY, 0)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (f, 2)), "row.move-up", NULL));
  g_assert_true (exercise_at (f, 1) == a);
  g_assert_true (limber_test_focus_is_in (find_widget (row_at (f, 1), GTK_TYPE_ENTRY, 0)));

  /* Delete in the note deletes text, not the stretch. */
  g_assert_false (run_shortcut (GTK_WIDGET (row_at (f, 1)), "Delete"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->program)), ==, 3);

  /* Ctrl+D, then Delete on the copy. */
  gtk_widget_grab_focus (GTK_WIDGET (row_at (f, 0)));
  g_assert_true (run_shortcut (GTK_WIDGET (row_at (f, 0)), "<Control>d"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->program)), ==, 4);
  g_assert_true (exercise_at (f, 0) == b && exercise_at (f, 1) == b);
  gtk_widget_grab_focus (GTK_WIDGET (row_at (f, 1)));
  g_assert_true (run_shortcut (GTK_WIDGET (row_at (f, 1)), "Delete"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->program)), ==, 3);
  /* The focus goes to the row that took its place. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row_at (f, 1))));

  /* Alt+Up on the first row does nothing. */
  gtk_widget_grab_focus (GTK_WIDGET (row_at (f, 0)));
  gtk_widget_activate_action (GTK_WIDGET (row_at (f, 0)), "row.move-up", NULL);
  g_assert_true (exercise_at (f, 0) == b);
}

/* Drag and drop, by the signals GTK sends when the pointer lets go. */
static GtkDropTarget *
row_drop_target (LimberItemRow *row)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (row));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  g_assert_not_reached ();
}

static GtkDragSource *
find_drag_source (GtkWidget *root)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (root);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DRAG_SOURCE (controller))
        return GTK_DRAG_SOURCE (controller);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkDragSource *found = find_drag_source (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_height (gpointer widget)
{
  return gtk_widget_get_height (widget) > 0;
}

static gboolean
drop_on (LimberItemRow *row,
         GType          type,
         gpointer       object,
         gboolean       lower_half)
{
  GtkDropTarget *target = row_drop_target (row);
  GdkDragAction action = 0;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean done = FALSE;
  double y;

  /* Rows just made have no size until the next frame. */
  g_assert_true (limber_test_wait_for (has_height, row));
  y = lower_half ? gtk_widget_get_height (GTK_WIDGET (row)) - 2 : 2;
  g_signal_emit_by_name (target, "motion", 10.0, y, &action);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), lower_half ? "drop-below" : "drop-above"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), lower_half ? "drop-above" : "drop-below"));
  limber_test_maybe_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (row))), "item-row-drop.png");
  g_value_init (&value, type);
  g_value_set_object (&value, object);
  g_signal_emit_by_name (target, "drop", &value, 10.0, y, &done);
  return done;
}

static void
test_row_drag_and_drop (Fixture       *f,
                        gconstpointer  data)
{
  LimberExercise *a = exercise_at (f, 0), *b = exercise_at (f, 1), *c = exercise_at (f, 2);
  LimberExercise *d = catalog_exercise (5);
  LimberItemRow *row = row_at (f, 0);
  GtkDragSource *source = find_drag_source (GTK_WIDGET (row));
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(LimberProgram) other = limber_program_new ();

  /* The handle drags the item itself. */
  g_assert_nonnull (source);
  g_signal_emit_by_name (source, "prepare", 4.0, 4.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, LIMBER_TYPE_PROGRAM_ITEM);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_true (g_value_get_object (&value) == limber_program_get_item (f->program, 0));

  /* Onto the lower half of the last row: it goes last. */
  g_assert_true (drop_on (row_at (f, 2), LIMBER_TYPE_PROGRAM_ITEM, g_value_get_object (&value), TRUE));
  g_assert_true (exercise_at (f, 0) == b && exercise_at (f, 1) == c && exercise_at (f, 2) == a);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row_at (f, 2)), "drop-below"));

  /* Onto the upper half of the first: it goes first. */
  g_assert_true (drop_on (row_at (f, 0), LIMBER_TYPE_PROGRAM_ITEM, limber_program_get_item (f->program, 2),
                         FALSE));
  g_assert_true (exercise_at (f, 0) == a && exercise_at (f, 1) == b && exercise_at (f, 2) == c);

  /* A catalog exercise dropped between two rows is added there. */
  g_assert_true (drop_on (row_at (f, 1), LIMBER_TYPE_EXERCISE, d, FALSE));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->program)), ==, 4);
  g_assert_true (exercise_at (f, 1) == d && exercise_at (f, 2) == b);

  /* Another program's item is not ours to move. */
  limber_program_insert_exercise (other, 0, a);
  g_assert_false (drop_on (row_at (f, 1), LIMBER_TYPE_PROGRAM_ITEM, limber_program_get_item (other, 0), TRUE));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->program)), ==, 4);

  limber_program_undo (f->program);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->program)), ==, 3);
}

/* A program saved with an older version of a stretch offers the
 * catalog's; one that matches the catalog does not. */
static void
test_row_update_from_catalog (void)
{
  g_autoptr(GFile) sample = g_file_new_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples",
                                                       "tight-hips.limber", NULL);
  g_autofree char *dir = g_dir_make_tmp ("limber-item-row-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.limber", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  LimberExercise *current;
  Fixture f = { 0 };
  GtkWidget *button;

  g_assert_true (g_file_load_contents (sample, NULL, &text, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "<name>Half-kneeling hip flexor release</name>"));
  {
    g_auto(GStrv) parts = g_strsplit (text, "<name>Half-kneeling hip flexor release</name>", 2);
    changed = g_strjoin ("<name>Half-kneeling hip flexor stretch</name>", parts[0], parts[1], NULL);
  }
  g_assert_true (g_file_set_contents (path, changed, -1, &error));
  g_assert_no_error (error);

  fixture_show (&f, limber_program_load (file, catalog, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows (&f), >=, 2);

  /* Its snapshot says "stretch"; the catalog says "release". */
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (row_at (&f, 0)), "Half-kneeling hip flexor stretch",
                                            LIMBER_TEST_VISIBLE));
  button = find_action_button (GTK_WIDGET (row_at (&f, 0)), "row.update");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_false (gtk_widget_get_visible (find_action_button (GTK_WIDGET (row_at (&f, 1)), "row.update")));
  limber_test_maybe_screenshot (f.window, "item-row-update.png");

  /* Updating takes the catalog's version, undoably. */
  current = limber_catalog_lookup (catalog, limber_exercise_get_id (exercise_at (&f, 0)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (&f, 0)), "row.update", NULL));
  g_assert_true (exercise_at (&f, 0) == current);
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (row_at (&f, 0)), "Half-kneeling hip flexor release",
                                            LIMBER_TEST_VISIBLE));
  g_assert_false (gtk_widget_get_visible (find_action_button (GTK_WIDGET (row_at (&f, 0)), "row.update")));
  limber_program_undo (f.program);
  g_assert_true (gtk_widget_get_visible (find_action_button (GTK_WIDGET (row_at (&f, 0)), "row.update")));

  fixture_teardown (&f, NULL);
  g_unlink (path);
  g_rmdir (dir);
}

/* A stretch without a dosage shows empty fields, not made-up numbers,
 * and any number typed in (even the lowest) is stored. */
static void
test_row_unset_fields (void)
{
  g_autoptr(LimberCatalog) minimal = limber_catalog_new ();
  g_autoptr(GFile) file = g_file_new_build_filename (g_getenv ("G_TEST_SRCDIR"), "files", "catalog",
                                                     "valid", "minimal.xml", NULL);
  g_autoptr(LimberExercise) exercise = NULL;
  LimberProgram *program = limber_program_new ();
  Fixture f = { 0 };
  Expect e = { program, 0, LIMBER_DOSAGE_SETS, 1 };
  GtkSpinButton *sets;
  GtkDropDown *side;

  g_assert_true (limber_catalog_add_file (minimal, file, NULL));
  exercise = g_list_model_get_item (G_LIST_MODEL (minimal), 0);
  limber_program_insert_exercise (program, 0, exercise);
  fixture_show (&f, program);

  for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS; i++)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dosage_spin (&f, 0, i))), ==, "");
  side = GTK_DROP_DOWN (find_widget (row_at (&f, 0), GTK_TYPE_DROP_DOWN, 0));
  g_assert_cmpuint (gtk_drop_down_get_selected (side), ==, GTK_INVALID_LIST_POSITION);

  sets = dosage_spin (&f, 0, LIMBER_DOSAGE_SETS);
  gtk_editable_set_text (GTK_EDITABLE (sets), "1");
  gtk_spin_button_update (sets);
  g_assert_true (limber_test_wait_for (override_has, &e));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dosage_spin (&f, 0, LIMBER_DOSAGE_SETS))), ==, "1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dosage_spin (&f, 0, LIMBER_DOSAGE_REPS))), ==, "");

  /* The + button starts from the lowest too. */
  gtk_spin_button_spin (dosage_spin (&f, 0, LIMBER_DOSAGE_REPS), GTK_SPIN_STEP_FORWARD, 1);
  e.field = LIMBER_DOSAGE_REPS;
  e.value = 2;
  g_assert_true (limber_test_wait_for (override_has, &e));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dosage_spin (&f, 0, LIMBER_DOSAGE_REPS))), ==, "2");

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
  /* The application's own style sheet, as the window has it. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/limber/Limber/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  catalog = limber_catalog_new ();
  limber_catalog_load_standard (catalog, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), >=, 6);

  g_test_add ("/item-row/shows-item", Fixture, NULL, fixture_setup, test_row_shows_item, fixture_teardown);
  g_test_add ("/item-row/dosage-and-undo", Fixture, NULL, fixture_setup, test_row_dosage_and_undo,
              fixture_teardown);
  g_test_add ("/item-row/side", Fixture, NULL, fixture_setup, test_row_side, fixture_teardown);
  g_test_add ("/item-row/note", Fixture, NULL, fixture_setup, test_row_note, fixture_teardown);
  g_test_add ("/item-row/spin-keeps-row", Fixture, NULL, fixture_setup, test_row_spin_keeps_row,
              fixture_teardown);
  g_test_add ("/item-row/actions", Fixture, NULL, fixture_setup, test_row_actions, fixture_teardown);
  g_test_add ("/item-row/bounds", Fixture, NULL, fixture_setup, test_row_bounds, fixture_teardown);
  g_test_add ("/item-row/named", Fixture, NULL, fixture_setup, test_row_named, fixture_teardown);
  g_test_add ("/item-row/keyboard", Fixture, NULL, fixture_setup, test_row_keyboard, fixture_teardown);
  g_test_add ("/item-row/drag-and-drop", Fixture, NULL, fixture_setup, test_row_drag_and_drop, fixture_teardown);
  g_test_add_func ("/item-row/update-from-catalog", test_row_update_from_catalog);
  g_test_add_func ("/item-row/unset-fields", test_row_unset_fields);
  ret = g_test_run ();
  g_clear_object (&catalog);
  return ret;
}
