/* test-custom-editor.c — making a custom stretch in a real window (Xvfb in CI)
 *
 * The fields are filled through the widgets, as a therapist would; Save
 * must leave a custom.xml that the catalog loads.  $XDG_DATA_HOME is a
 * temporary folder, set before anything asks GLib for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "limber-custom-editor.h"
#include "limber-custom.h"
#include "limber-paths.h"
#include "limber-problem.h"
#include "limber-test-gui.h"
#include "limber-validate.h"
#include "limber-xml.h"

/* Screenshots wait for the style transitions to end. */
#define SETTLE_MS 600

static char *data_home;
static LimberCatalog *catalog;

static gboolean
is_null (gpointer pointer_to_pointer)
{
  return *(gpointer *) pointer_to_pointer == NULL;
}

static GtkWidget *
control (GtkWindow  *window,
         const char *name)
{
  GtkWidget *widget = limber_test_find_named (GTK_WIDGET (window), name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

typedef struct
{
  GtkWindow *parent;
  GtkWindow *editor;
  char      *saved_id;
} Fixture;

static void
on_saved (GtkWindow  *editor,
          const char *id,
          Fixture    *f)
{
  g_free (f->saved_id);
  f->saved_id = g_strdup (id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) user = limber_paths_user_catalog ();

  limber_test_delete_tree (user);
  f->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (f->parent);
  f->editor = limber_custom_editor_new (f->parent, catalog);
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  g_signal_connect (f->editor, "saved", G_CALLBACK (on_saved), f);
  gtk_window_present (f->editor);
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, f->editor));
  limber_test_spin (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->editor != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
      gtk_window_destroy (f->editor);
    }
  gtk_window_destroy (f->parent);
  g_free (f->saved_id);
  limber_test_spin (50);
}

static void
set_text (Fixture    *f,
          const char *name,
          const char *text)
{
  GtkWidget *widget = control (f->editor, name);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* Picks the entry of a combo row whose label is @label. */
static void
choose (Fixture    *f,
        const char *name,
        const char *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (control (f->editor, name));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("%s has no entry %s", name, label);
}

static void
fill_required (Fixture    *f,
               const char *name)
{
  set_text (f, "name", name);
  choose (f, "region", "Hip");
  set_text (f, "tissue", "Iliopsoas, rectus femoris");
}

static LimberCatalog *
load_custom (void)
{
  g_autoptr(GFile) file = limber_custom_file ();
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  LimberCatalog *custom = limber_catalog_new ();

  g_assert_true (limber_validate_file (path, NULL, problems));
  g_assert_true (limber_catalog_add_file (custom, file, NULL));
  return custom;
}

static void
save_and_wait_closed (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL));
  g_assert_true (limber_test_wait_for (is_null, &f->editor));
  g_assert_nonnull (f->saved_id);
}

/* Ctrl+S saves and Escape cancels: the window's own shortcuts. */
static void
test_shortcuts (Fixture       *f,
                gconstpointer  data)
{
  const char *expected[][2] = { { "<Control>s", "editor.save" }, { "Escape", "editor.cancel" } };
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->editor));
  guint found = 0;

  /* Typing starts in the name. */
  g_assert_true (limber_test_wait_for (limber_test_focus_is_in, control (f->editor, "name")));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
            if (g_str_equal (trigger, expected[k][0]) && strstr (action, expected[k][1]) != NULL)
              found |= 1u << k;
        }
    }
  g_assert_cmpuint (found, ==, 3);
}

/* The case: a figure from the catalog, one slider moved. */
static void
test_figure (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(LimberCatalog) custom = NULL;
  LimberExercise *saved;
  LimberFigure *figure;

  fill_required (f, "Kneeling psoas release");
  choose (f, "position", "Half kneeling");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (control (f->editor, "mat")), TRUE);
  set_text (f, "summary", "Loosen the front of your hip.");
  set_text (f, "shorten", "Kneel on your right knee, the left foot in front.");
  set_text (f, "lengthen", "Kneel up tall and move your hips forward.");
  set_text (f, "pressure-self", "Press just inside the bony point of your hip.");
  set_text (f, "pressure-therapist", "Fingertips medial to the ASIS.");
  set_text (f, "caution", "Stop if your back hurts.");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control (f->editor, "reps")), 10);
  choose (f, "side", "Right side");
  choose (f, "base-pose", "Half-kneeling hip flexor release");

  /* The slider names itself for a screen reader, and moves the figure. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (control (f->editor, "right-knee-lengthened")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Right knee, lengthened, degrees");
  gtk_stack_set_visible_child_name (GTK_STACK (control (f->editor, "phase")), "lengthened");
  gtk_range_set_value (GTK_RANGE (control (f->editor, "trunk-lengthened")), 15);
  limber_test_maybe_screenshot_full (GTK_WIDGET (f->editor), "custom-editor-figure.png", SETTLE_MS);
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (control (f->editor, "fields-scroller")));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    limber_test_maybe_screenshot_full (GTK_WIDGET (f->editor), "custom-editor-figure-end.png", SETTLE_MS);
  }

  save_and_wait_closed (f);
  g_assert_cmpstr (f->saved_id, ==, "custom-kneeling-psoas-release");
  custom = load_custom ();
  saved = limber_catalog_lookup (custom, f->saved_id);
  g_assert_nonnull (saved);
  g_assert_cmpstr (limber_exercise_get_name (saved, "en"), ==, "Kneeling psoas release");
  g_assert_cmpstr (limber_exercise_get_tissues (saved)[1], ==, "rectus-femoris");
  g_assert_cmpstr (limber_exercise_get_text (saved, LIMBER_EXERCISE_PRESSURE_THERAPIST, "en"), ==,
                   "Fingertips medial to the ASIS.");
  g_assert_cmpstr (limber_exercise_get_caution (saved, 0, "en"), ==, "Stop if your back hurts.");
  g_assert_true (limber_exercise_get_words (saved, LIMBER_VOCABULARY_EQUIPMENT)
                 & (1u << limber_vocabulary_lookup (LIMBER_VOCABULARY_EQUIPMENT, "mat")));
  g_assert_cmpint (limber_dosage_get (limber_exercise_get_dosage (saved), LIMBER_DOSAGE_REPS), ==, 10);
  g_assert_cmpint (limber_exercise_get_dosage (saved)->side, ==, LIMBER_SIDE_RIGHT);
  figure = limber_exercise_get_figure (saved);
  g_assert_nonnull (figure);
  g_assert_cmpfloat (limber_figure_get_angle (figure, LIMBER_PHASE_LENGTHENED, "trunk"), ==, 15);
  g_assert_cmpfloat (limber_figure_get_angle (figure, LIMBER_PHASE_SHORTENED, "trunk"), ==, 20);
  g_assert_null (limber_exercise_get_image_src (saved));
}

/* Translations: the therapist picks Spanish, German or French and types
 * that language's words in the same fields; each language keeps its own
 * words while another is shown, all are saved, and editing the stretch
 * again shows them. */
static void
test_translations (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LimberCatalog) custom = NULL;
  LimberExercise *saved;
  AdwExpanderRow *expander;

  fill_required (f, "Doorway chest stretch");
  set_text (f, "summary", "Loosen your chest in a doorway.");
  set_text (f, "caution", "Stop if your arm tingles.");
  expander = ADW_EXPANDER_ROW (control (f->editor, "translations"));
  adw_expander_row_set_expanded (expander, TRUE);
  g_assert_cmpstr (adw_expander_row_get_subtitle (expander), ==, "None yet");

  choose (f, "translation-language", "Deutsch");
  set_text (f, "translation-name", "Brustdehnung im Türrahmen");
  set_text (f, "translation-summary", "Lockern Sie Ihre Brust im Türrahmen.");
  set_text (f, "translation-caution", "Hören Sie auf, wenn Ihr Arm kribbelt.");
  choose (f, "translation-language", "Français");
  /* French starts empty: the German words are not French ones. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (f->editor, "translation-name"))), ==, "");
  set_text (f, "translation-name", "Étirement de la poitrine dans une porte");
  set_text (f, "translation-caution", "Arrêtez si votre bras fourmille.");
  choose (f, "translation-language", "Deutsch");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (f->editor, "translation-name"))), ==,
                   "Brustdehnung im Türrahmen");
  g_assert_cmpstr (adw_expander_row_get_subtitle (expander), ==, "Deutsch, Français");
  limber_test_maybe_screenshot_full (GTK_WIDGET (f->editor), "custom-editor-translations.png", SETTLE_MS);

  save_and_wait_closed (f);
  custom = load_custom ();
  saved = limber_catalog_lookup (custom, f->saved_id);
  g_assert_nonnull (saved);
  g_assert_cmpstr (limber_exercise_get_name (saved, "de"), ==, "Brustdehnung im Türrahmen");
  g_assert_cmpstr (limber_exercise_get_text (saved, LIMBER_EXERCISE_SUMMARY, "de"), ==,
                   "Lockern Sie Ihre Brust im Türrahmen.");
  g_assert_cmpstr (limber_exercise_get_caution (saved, 0, "de"), ==, "Hören Sie auf, wenn Ihr Arm kribbelt.");
  g_assert_cmpstr (limber_exercise_get_name (saved, "fr"), ==, "Étirement de la poitrine dans une porte");
  g_assert_cmpstr (limber_exercise_get_caution (saved, 0, "fr"), ==, "Arrêtez si votre bras fourmille.");
  g_assert_null (limber_text_get_exact (limber_exercise_peek_text (saved, LIMBER_EXERCISE_SUMMARY), "fr"));
  g_assert_null (limber_text_get_exact (limber_exercise_peek_text (saved, LIMBER_EXERCISE_NAME), "es"));

  /* Edited again: open at German, the first language with words, and
   * French is still there. */
  f->editor = limber_custom_editor_new_for_exercise (f->parent, catalog, saved);
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  gtk_window_present (f->editor);
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, f->editor));
  expander = ADW_EXPANDER_ROW (control (f->editor, "translations"));
  g_assert_true (adw_expander_row_get_expanded (expander));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (control (f->editor, "translation-language"))), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (f->editor, "translation-summary"))), ==,
                   "Lockern Sie Ihre Brust im Türrahmen.");
  choose (f, "translation-language", "Français");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (f->editor, "translation-caution"))), ==,
                   "Arrêtez si votre bras fourmille.");
}

/* Save with what is required missing says which, in place. */
static void
test_required (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GFile) file = limber_custom_file ();
  GtkWidget *error = control (f->editor, "fields-error");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL));
  limber_test_spin (50);
  g_assert_nonnull (f->editor);
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error)), "name"));
  g_assert_true (gtk_widget_has_css_class (control (f->editor, "name"), "error"));
  g_assert_true (gtk_widget_has_css_class (control (f->editor, "region"), "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (control (f->editor, "name")), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  limber_test_maybe_screenshot_full (GTK_WIDGET (f->editor), "custom-editor-required.png", SETTLE_MS);

  /* As each is filled, its complaint goes. */
  set_text (f, "name", "Calf release");
  g_assert_false (gtk_widget_has_css_class (control (f->editor, "name"), "error"));
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (error)), "name"));
  choose (f, "region", "Lower leg");
  set_text (f, "tissue", "42");   /* no letters: not a tissue */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL));
  limber_test_spin (50);
  g_assert_nonnull (f->editor);
  g_assert_true (gtk_widget_has_css_class (control (f->editor, "tissue"), "error"));
  g_assert_false (g_file_query_exists (file, NULL));

  set_text (f, "tissue", "Gastrocnemius");
  g_assert_false (gtk_widget_get_visible (error));
  save_and_wait_closed (f);
  g_assert_true (g_file_query_exists (file, NULL));
}

static gboolean
picture_settled (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_visible (control (f->editor, "picture-error"))
         || gtk_picture_get_paintable (GTK_PICTURE (control (f->editor, "picture"))) != NULL;
}

static gboolean
error_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_visible (control (f->editor, "picture-error"));
}

static GFile *
temp_file (const char *name,
           const void *data,
           gsize       len)
{
  g_autofree char *path = g_build_filename (data_home, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return g_file_new_for_path (path);
}

/* A photo-sized PNG (900×600): a floor, a mat and a kneeling stick person. */
static GFile *
photo_file (void)
{
  g_autofree char *path = g_build_filename (data_home, "photo.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 600);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *sky = cairo_pattern_create_linear (0, 0, 0, 600);

  cairo_pattern_add_color_stop_rgb (sky, 0, 0.93, 0.95, 0.98);
  cairo_pattern_add_color_stop_rgb (sky, 1, 0.80, 0.84, 0.90);
  cairo_set_source (cr, sky);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.45, 0.62, 0.55);
  cairo_rectangle (cr, 150, 500, 600, 20);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.25);
  cairo_set_line_width (cr, 28);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_arc (cr, 450, 150, 50, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_move_to (cr, 450, 210);
  cairo_line_to (cr, 440, 360);
  cairo_line_to (cr, 380, 490);
  cairo_line_to (cr, 250, 490);
  cairo_move_to (cr, 440, 360);
  cairo_line_to (cr, 560, 360);
  cairo_line_to (cr, 570, 490);
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_pattern_destroy (sky);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_file_new_for_path (path);
}

static void
assert_refused (Fixture    *f,
                GFile      *file,
                const char *words)
{
  GtkWidget *error = control (f->editor, "picture-error");

  gtk_widget_set_visible (error, FALSE);
  limber_custom_editor_set_image_file (LIMBER_CUSTOM_EDITOR (f->editor), file);
  g_assert_true (limber_test_wait_for (error_shown, f));
  g_test_message ("%s", gtk_label_get_label (GTK_LABEL (error)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error)), words));
}

/* A photo instead of a figure; hostile files are refused, with why. */
static void
test_photo (Fixture       *f,
            gconstpointer  data)
{
  static const guchar huge[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 2, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef,
  };
  static const char letter[] = "Dear colleague, this is not a picture.\n";
  static const char svg[] = "<svg xmlns='http://www.w3.org/2000/svg' width='120' height='80'>"
                            "<rect width='120' height='80' fill='#3584e4'/>"
                            "<circle cx='60' cy='40' r='30' fill='#e01b24'/></svg>";
  g_autoptr(GFile) png = photo_file ();
  g_autoptr(GFile) huge_file = temp_file ("huge.png", huge, sizeof huge);
  g_autoptr(GFile) text_file = temp_file ("letter.png", letter, sizeof letter - 1);
  g_autoptr(GFile) svg_file = temp_file ("drawing.svg", svg, sizeof svg - 1);
  g_autoptr(GFile) folder = limber_paths_user_catalog ();
  g_autoptr(GFile) copied = NULL;
  g_autoptr(LimberCatalog) custom = NULL;
  LimberExercise *saved;
  GtkPicture *picture = GTK_PICTURE (control (f->editor, "picture"));

  fill_required (f, "Psoas release with a photo");

  /* An SVG drawing is drawn without reading anything beside it. */
  limber_custom_editor_set_image_file (LIMBER_CUSTOM_EDITOR (f->editor), svg_file);
  g_assert_true (limber_test_wait_for (picture_settled, f));
  g_assert_false (gtk_widget_get_visible (control (f->editor, "picture-error")));
  /* Drawn as large as the preview (120×80 grows, still 3:2): it stays sharp. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (picture)), >, 400);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (picture)) * 2, >=,
                   gdk_paintable_get_intrinsic_height (gtk_picture_get_paintable (picture)) * 3 - 3);
  limber_test_maybe_screenshot_full (GTK_WIDGET (f->editor), "custom-editor-svg.png", SETTLE_MS);

  gtk_picture_set_paintable (picture, NULL);
  limber_custom_editor_set_image_file (LIMBER_CUSTOM_EDITOR (f->editor), png);
  g_assert_true (limber_test_wait_for (picture_settled, f));
  g_assert_false (gtk_widget_get_visible (control (f->editor, "picture-error")));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (control (f->editor, "photo-toggle"))));
  /* Decoded no bigger than shown: a photo is never held at full size. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (picture)), <=, 900);
  limber_test_maybe_screenshot_full (GTK_WIDGET (f->editor), "custom-editor-photo.png", SETTLE_MS);

  /* Refused files leave the good picture in place. */
  assert_refused (f, text_file, "not a PNG, JPEG or SVG");
  assert_refused (f, huge_file, "30000");
  limber_test_maybe_screenshot_full (GTK_WIDGET (f->editor), "custom-editor-photo-refused.png", SETTLE_MS);

  save_and_wait_closed (f);
  copied = g_file_resolve_relative_path (folder, "images/custom-psoas-release-with-a-photo.png");
  g_assert_true (g_file_query_exists (copied, NULL));
  custom = load_custom ();
  saved = limber_catalog_lookup (custom, f->saved_id);
  g_assert_cmpstr (limber_exercise_get_image_src (saved), ==, "images/custom-psoas-release-with-a-photo.png");
  g_assert_null (limber_exercise_get_figure (saved));
}

/* Cancel closes at once when nothing was typed, and asks otherwise. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) file = limber_custom_file ();
  AdwMessageDialog *dialog;

  set_text (f, "name", "Half a stretch");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.cancel", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, NULL));
  dialog = limber_test_find_message_dialog (NULL);
  limber_test_maybe_screenshot_full (GTK_WIDGET (dialog), "custom-editor-discard.png", SETTLE_MS);
  adw_message_dialog_response (dialog, "keep");
  limber_test_spin (100);
  g_assert_nonnull (f->editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->editor)));

  /* The window's own close button asks too. */
  gtk_window_close (f->editor);
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, NULL));
  adw_message_dialog_response (limber_test_find_message_dialog (NULL), "discard");
  g_assert_true (limber_test_wait_for (is_null, &f->editor));
  g_assert_null (f->saved_id);
  g_assert_false (g_file_query_exists (file, NULL));

  /* Nothing typed: nothing to ask. */
  f->editor = limber_custom_editor_new (f->parent, catalog);
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  gtk_window_present (f->editor);
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, f->editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.cancel", NULL));
  g_assert_true (limber_test_wait_for (is_null, &f->editor));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) bundled = NULL;
  g_autoptr(GFile) home = NULL;
  int ret;

  /* Before anything asks GLib where user data goes: it remembers. */
  data_home = g_dir_make_tmp ("limber-test-custom-editor-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GTK_A11Y", "test", FALSE);
  if (!limber_test_gui_init (&argc, &argv))
    return 77;
  limber_xml_init ();

  catalog = limber_catalog_new ();
  bundled = limber_paths_bundled_catalog ();
  g_assert_cmpuint (limber_catalog_add_folder (catalog, bundled), >, 0);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/custom-editor/figure", test_figure);
  ADD ("/custom-editor/required", test_required);
  ADD ("/custom-editor/translations", test_translations);
  ADD ("/custom-editor/photo", test_photo);
  ADD ("/custom-editor/cancel", test_cancel);
  ADD ("/custom-editor/shortcuts", test_shortcuts);
#undef ADD

  ret = g_test_run ();

  g_clear_object (&catalog);
  home = g_file_new_for_path (data_home);
  limber_test_delete_tree (home);
  g_free (data_home);
  return ret;
}
