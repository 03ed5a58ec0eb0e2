/* test-adaptive.c — the main window at a phone's width, a laptop's and a
 * wide screen's
 *
 * The window folds to one pane when narrow and shows both when wide; at
 * every width nothing needs more room than the window has and no name
 * is broken in the middle of a word.  LIMBER_SCREENSHOT=DIR keeps a
 * picture of each width to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "limber-application.h"
#include "limber-custom-editor.h"
#include "limber-handout-preview.h"
#include "limber-test-gui.h"
#include "limber-window-private.h"

static LimberApplication *app;

typedef struct
{
  GtkWidget *widget;
  int        width;
} SizeWait;

/* The window is @width wide, less its frame: under Xvfb, without a
 * compositor, GTK keeps a few pixels of the size asked for a border. */
static gboolean
has_width (gpointer data)
{
  SizeWait *wait = data;
  int width = gtk_widget_get_width (wait->widget);

  return width <= wait->width && width > wait->width - 24;
}

/* A window @width × @height, laid out at that size. */
static LimberWindow *
open_window_sized (int width,
                   int height)
{
  LimberWindow *window = limber_window_new (app, limber_application_get_catalog (app));
  SizeWait wait = { GTK_WIDGET (window), width };

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, window));
  if (!limber_test_wait_for (has_width, &wait))
    g_test_message ("asked for %d px, the window is %d px wide", width,
                    gtk_widget_get_width (GTK_WIDGET (window)));
  limber_test_spin (300);
  return window;
}

static void
open_sample (LimberWindow *window)
{
  g_autoptr(GFile) sample = g_file_new_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples",
                                                       "tight-hips.limber", NULL);

  g_assert_true (limber_window_open_file (window, sample));
  limber_test_spin (300);
}

/* The window and what it holds fit in @width: the window was not made
 * wider than asked, and neither the window nor either pane asks for
 * more than that. */
static void
assert_fits (LimberWindow *window,
             int           width)
{
  int minimum;

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, width);
  gtk_widget_measure (window->catalog_side, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, width);
  gtk_widget_measure (window->program_side, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, width);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '\'' || c == 0x2019;
}

/* Counts the labels on screen under @widget that break a line in the
 * middle of a word ("relea-se"): a letter ends one line and the next
 * begins with a letter, with no space between. */
static void
count_broken_words (GtkWidget *widget,
                    guint     *broken)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));
      const char *text = pango_layout_get_text (layout);
      GSList *lines = pango_layout_get_lines_readonly (layout);

      for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
        {
          PangoLayoutLine *line = l->data;
          const char *start = text + line->start_index;
          const char *before = g_utf8_find_prev_char (text, start);

          if (before != NULL && *start != '\0'
              && is_word_char (g_utf8_get_char (before)) && is_word_char (g_utf8_get_char (start)))
            {
              g_printerr ("# broken mid-word: “%s”\n", text);
              (*broken)++;
              break;
            }
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    count_broken_words (child, broken);
}

static void
assert_no_broken_words (LimberWindow *window)
{
  guint broken = 0;

  count_broken_words (GTK_WIDGET (window), &broken);
  g_assert_cmpuint (broken, ==, 0);
}

static gboolean
shows (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_child_visible (widget);
}

static gboolean
hidden (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

/* At 360 px, a phone's width: one pane at a time, a way between them,
 * and a stretch added from the catalog shows the program again. */
static void
test_adaptive_narrow (void)
{
  LimberWindow *window = open_window_sized (360, 640);
  LimberCatalog *catalog = limber_application_get_catalog (app);
  g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  guint n;

  /* No program: the catalog alone. */
  g_assert_true (adw_leaflet_get_folded (window->leaflet));
  g_assert_true (limber_test_wait_for (shows, window->catalog_side));
  g_assert_true (limber_test_wait_for (hidden, window->program_side));
  assert_fits (window, 360);
  assert_no_broken_words (window);
  limber_test_maybe_screenshot (GTK_WIDGET (window), "adaptive-360-catalog.png");

  /* A program opened: the program alone, with a way back. */
  open_sample (window);
  g_assert_true (limber_test_wait_for (shows, window->program_side));
  g_assert_true (limber_test_wait_for (hidden, window->catalog_side));
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (window), "Half-kneeling hip flexor release",
                                            LIMBER_TEST_MAPPED));
  assert_fits (window, 360);
  assert_no_broken_words (window);
  limber_test_maybe_screenshot (GTK_WIDGET (window), "adaptive-360-program.png");

  /* The back button leads to the catalog. */
  g_assert_true (limber_test_wait_for (shows, window->program_side));
  g_signal_emit_by_name (limber_test_find_named (GTK_WIDGET (window), "back_button"), "clicked");
  g_assert_true (limber_test_wait_for (shows, window->catalog_side));
  g_assert_true (limber_test_wait_for (hidden, window->program_side));
  limber_test_maybe_screenshot (GTK_WIDGET (window), "adaptive-360-back.png");

  /* A stretch chosen there is added and the program comes back. */
  n = g_list_model_get_n_items (G_LIST_MODEL (limber_window_get_program (window)));
  g_signal_emit_by_name (window->catalog_pane, "exercise-activated", exercise);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (limber_window_get_program (window))), ==, n + 1);
  g_assert_true (limber_test_wait_for (shows, window->program_side));
  g_assert_true (limber_test_wait_for (hidden, window->catalog_side));

  /* Ctrl+F's action brings the catalog to search it; the forward button
   * leads back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_true (limber_test_wait_for (shows, window->catalog_side));
  g_assert_true (limber_test_wait_for (limber_test_focus_is_in, window->catalog_pane));
  g_signal_emit_by_name (limber_test_find_named (GTK_WIDGET (window), "forward_button"), "clicked");
  g_assert_true (limber_test_wait_for (shows, window->program_side));

  limber_program_mark_saved (limber_window_get_program (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* At @width, both panes side by side, nothing cut off or broken. */
static void
check_wide (int width)
{
  LimberWindow *window = open_window_sized (width, 800);
  g_autofree char *name = g_strdup_printf ("adaptive-%d.png", width);

  open_sample (window);
  g_assert_false (adw_leaflet_get_folded (window->leaflet));
  g_assert_true (limber_test_wait_for (shows, window->catalog_side));
  g_assert_true (limber_test_wait_for (shows, window->program_side));
  g_assert_false (gtk_widget_get_mapped (limber_test_find_named (GTK_WIDGET (window), "back_button")));
  assert_fits (window, width);
  assert_no_broken_words (window);
  limber_test_maybe_screenshot (GTK_WIDGET (window), name);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_adaptive_800 (void)
{
  check_wide (800);
}

static void
test_adaptive_1400 (void)
{
  check_wide (1400);
}

/* A window made narrow after it is shown folds, and unfolds again. */
static void
test_adaptive_resize (void)
{
  LimberWindow *window = open_window_sized (1000, 700);
  SizeWait wait = { GTK_WIDGET (window), 360 };

  open_sample (window);
  g_assert_false (adw_leaflet_get_folded (window->leaflet));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  g_assert_true (limber_test_wait_for (has_width, &wait));
  limber_test_spin (300);
  g_assert_true (adw_leaflet_get_folded (window->leaflet));
  g_assert_true (limber_test_wait_for (shows, window->program_side));
  g_assert_true (limber_test_wait_for (hidden, window->catalog_side));
  assert_fits (window, 360);
  assert_no_broken_words (window);

  wait.width = 1000;
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_assert_true (limber_test_wait_for (has_width, &wait));
  limber_test_spin (300);
  g_assert_false (adw_leaflet_get_folded (window->leaflet));
  g_assert_true (limber_test_wait_for (shows, window->catalog_side));
  g_assert_true (limber_test_wait_for (shows, window->program_side));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_handout_window (gpointer data)
{
  GtkWindow **found = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_mapped (window)
          && limber_test_find_widget (window, LIMBER_TYPE_HANDOUT_PREVIEW) != NULL)
        *found = GTK_WINDOW (window);
    }
  return *found != NULL;
}

/* The widget named @name under @root. */
static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = limber_test_find_named (root, name);

  g_assert_nonnull (widget);
  return widget;
}

/* The preview over a window @width wide: its header and its options
 * need no more room than that.  Narrow, Print and Export are icons
 * and the options a menu; wide, words and a row.  With the three
 * window buttons a title bar may have, it still fits. */
static void
check_preview (int         width,
               const char *layout)
{
  LimberWindow *window;
  GtkWindow *preview = NULL;
  g_autofree char *name = g_strdup_printf ("preview-%d%s.png", width, layout[0] == 'm' ? "-buttons" : "");
  gboolean narrow = width < 500;
  int minimum;

  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", layout, NULL);
  window = open_window_sized (width, 700);
  open_sample (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preview", NULL));
  g_assert_true (limber_test_wait_for (is_handout_window, &preview));
  limber_test_spin (500);
  limber_test_maybe_screenshot (GTK_WIDGET (preview), name);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (preview)), <=, width);
  gtk_widget_measure (GTK_WIDGET (preview), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, width);
  g_assert_true (limber_test_wait_for (shows, named (GTK_WIDGET (preview), narrow ? "preview-icons"
                                                                                   : "preview-words")));
  g_assert_true (limber_test_wait_for (shows, named (GTK_WIDGET (preview), narrow ? "narrow_toolbar" : "toolbar")));
  g_assert_false (gtk_widget_get_mapped (named (GTK_WIDGET (preview), narrow ? "toolbar" : "narrow_toolbar")));

  if (narrow)
    {
      /* The menu holds the same options: a choice there is the
       * preview's choice. */
      LimberHandoutPreview *view = LIMBER_HANDOUT_PREVIEW (limber_test_find_widget (GTK_WIDGET (preview),
                                                                                    LIMBER_TYPE_HANDOUT_PREVIEW));
      GtkWidget *options = named (GTK_WIDGET (preview), "options_button");

      gtk_menu_button_popup (GTK_MENU_BUTTON (options));
      g_assert_true (limber_test_wait_for (shows, named (GTK_WIDGET (preview), "narrow_paper")));
      limber_test_maybe_screenshot (gtk_widget_get_ancestor (named (GTK_WIDGET (preview), "narrow_paper"),
                                                             GTK_TYPE_POPOVER), "preview-360-options.png");
      gtk_drop_down_set_selected (GTK_DROP_DOWN (named (GTK_WIDGET (preview), "narrow_paper")), 1);
      g_assert_cmpint (limber_handout_preview_get_options (view)->paper, ==, LIMBER_PAPER_LETTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (named (GTK_WIDGET (preview), "narrow_therapist")), TRUE);
      g_assert_true (limber_handout_preview_get_options (view)->therapist_copy);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (named (GTK_WIDGET (preview), "narrow_paper")), 0);
      gtk_menu_button_popdown (GTK_MENU_BUTTON (options));
    }
  gtk_window_destroy (preview);
  limber_program_mark_saved (limber_window_get_program (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
}

static void
test_adaptive_preview (void)
{
  check_preview (360, "appmenu:close");
  check_preview (360, "menu:minimize,maximize,close");
  check_preview (800, "appmenu:close");
  check_preview (1400, "appmenu:close");
}

/* Opened over a 360 × 600 window, the preview and the custom-stretch
 * editor are no bigger than it. */
static void
test_adaptive_secondary_windows (void)
{
  LimberWindow *window = open_window_sized (360, 600);
  /* The size asked for the main window (its own frame aside). */
  int width = 360;
  int height = 600;
  GtkWindow *preview = NULL;
  GtkWindow *editor;

  open_sample (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preview", NULL));
  g_assert_true (limber_test_wait_for (is_handout_window, &preview));
  limber_test_spin (300);
  limber_test_maybe_screenshot (GTK_WIDGET (preview), "adaptive-360-preview.png");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (preview)), <=, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (preview)), <=, height);
  gtk_window_destroy (preview);

  editor = limber_custom_editor_new (GTK_WINDOW (window), limber_application_get_catalog (app));
  gtk_window_present (editor);
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, editor));
  limber_test_spin (300);
  limber_test_maybe_screenshot (GTK_WIDGET (editor), "adaptive-360-custom-editor.png");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), <=, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (editor)), <=, height);
  /* One half at a time, each whole: no field title broken mid-word
   * ("Regi-on"), and a button from the words to the picture and back. */
  {
    guint broken = 0;

    count_broken_words (GTK_WIDGET (editor), &broken);
    g_assert_cmpuint (broken, ==, 0);
    g_assert_true (limber_test_wait_for (shows, limber_test_find_named (GTK_WIDGET (editor), "to-illustration")));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.show-illustration", NULL));
    limber_test_spin (500);
    limber_test_maybe_screenshot (GTK_WIDGET (editor), "adaptive-360-custom-editor-illustration.png");
    g_assert_true (limber_test_wait_for (shows, limber_test_find_named (GTK_WIDGET (editor), "to-words")));
    count_broken_words (GTK_WIDGET (editor), &broken);
    g_assert_cmpuint (broken, ==, 0);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), <=, width);
  }
  gtk_window_destroy (editor);

  limber_program_mark_saved (limber_window_get_program (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!limber_test_gui_init (&argc, &argv))
    return 77;
  /* GNOME's own title buttons (and a phone's): a close button only.
   * Minimize and maximize as well would take the headers 5 px past
   * 360. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  limber_test_wait_catalog (limber_application_get_catalog (app));

  g_test_add_func ("/adaptive/narrow", test_adaptive_narrow);
  g_test_add_func ("/adaptive/800", test_adaptive_800);
  g_test_add_func ("/adaptive/1400", test_adaptive_1400);
  g_test_add_func ("/adaptive/resize", test_adaptive_resize);
  g_test_add_func ("/adaptive/secondary-windows", test_adaptive_secondary_windows);
  g_test_add_func ("/adaptive/preview", test_adaptive_preview);
  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
