/* test-handout-preview.c — the handout preview in a real window (Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "limber-catalog.h"
#include "limber-handout-preview.h"
#include "limber-paths.h"
#include "limber-print-operation.h"
#include "limber-program.h"
#include "limber-test-gui.h"

static guint
count_pages (GtkWidget *preview)
{
  GtkWidget *area = limber_test_find_widget (preview, GTK_TYPE_DRAWING_AREA);
  guint n = 0;

  for (GtkWidget *w = area; w != NULL; w = gtk_widget_get_next_sibling (w))
    n += GTK_IS_DRAWING_AREA (w);
  return n;
}

/* How many of the widget's pixels are dark: text and figures drawn. */
static guint
dark_pixels (GtkWidget *widget)
{
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *data = NULL;
  guint dark = 0;

  /* Not laid out or not drawn yet (slow under the sanitizers): nothing. */
  if (w <= 0 || h <= 0)
    return 0;
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return 0;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  data = g_malloc ((gsize) w * h * 4);
  gdk_texture_download (texture, data, w * 4);
  for (gsize i = 0; i < (gsize) w * h; i++)
    {
      /* Cairo order, premultiplied: B G R A. */
      const guchar *p = data + i * 4;

      dark += p[3] > 200 && p[0] < 90 && p[1] < 90 && p[2] < 90;
    }
  return dark;
}

static gboolean
page_is_drawn (gpointer widget)
{
  return dark_pixels (widget) > 500;
}

typedef struct { GtkWidget *preview; guint n; } PagesWait;

static gboolean
pages_are (gpointer data)
{
  PagesWait *w = data;
  return count_pages (w->preview) == w->n;
}

static void
test_preview (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GFile) file = limber_paths_example ("tight-hips.limber");
  g_autoptr(LimberProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *preview = limber_handout_preview_new ();
  LimberHandoutPreview *self = LIMBER_HANDOUT_PREVIEW (preview);
  GtkWidget *first;
  GtkDropDown *layout;
  PagesWait w = { preview, 0 };
  int large_pages, width_before;

  limber_catalog_load_standard (catalog, NULL);
  program = limber_program_load (file, catalog, NULL, &error);
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  gtk_window_set_child (GTK_WINDOW (window), preview);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, window));

  limber_handout_preview_set_program (self, program);
  large_pages = limber_handout_get_n_pages (limber_handout_preview_get_handout (self));
  g_assert_cmpint (large_pages, >, 1);
  w.n = large_pages;
  g_assert_true (limber_test_wait_for (pages_are, &w));
  g_assert_cmpint (limber_handout_preview_get_options (self)->layout, ==, LIMBER_HANDOUT_LARGE);
  g_assert_cmpstr (limber_handout_preview_get_options (self)->language, ==, "en");

  /* The first page is drawn: dark text and figures on white. */
  first = limber_test_find_widget (preview, GTK_TYPE_DRAWING_AREA);
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, first));
  g_assert_true (limber_test_wait_for (page_is_drawn, first));
  limber_test_maybe_screenshot (window, "handout-preview.png");

  /* Fit to width, then zoom in: the page grows. */
  width_before = gtk_widget_get_width (first);
  g_assert_cmpint (width_before, >, 400);
  g_assert_true (gtk_widget_activate_action (preview, "preview.zoom-in", NULL));
  limber_test_spin (200);
  g_assert_cmpint (gtk_widget_get_width (first), >, width_before);

  /* The compact layout: a one-page reminder. */
  layout = GTK_DROP_DOWN (limber_test_find_widget (preview, GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (layout, LIMBER_HANDOUT_COMPACT);
  w.n = 1;
  g_assert_true (limber_test_wait_for (pages_are, &w));
  g_assert_cmpint (limber_handout_preview_get_options (self)->layout, ==, LIMBER_HANDOUT_COMPACT);
  g_assert_cmpint (limber_handout_get_n_pages (limber_handout_preview_get_handout (self)), ==, 1);
  limber_test_maybe_screenshot (window, "handout-preview-compact.png");

  /* An edit of the program shows, after a short pause. */
  limber_program_remove (program, 0);
  limber_test_spin (400);
  g_assert_true (limber_test_wait_for (pages_are, &w));

  /* The print operation takes the same options, and prints the same
   * pages (GTK's export to PDF runs begin_print and draw_page with no
   * dialog). */
  {
    g_autoptr(LimberPrintOperation) print = limber_print_operation_new (program,
                                                                       limber_handout_preview_get_options (self));
    g_autofree char *dir = g_dir_make_tmp ("limber-print-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
    GtkPrintOperationResult result;

    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (print), path);
    result = gtk_print_operation_run (GTK_PRINT_OPERATION (print), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                      GTK_WINDOW (window), &error);
    g_assert_no_error (error);
    g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_nonnull (limber_print_operation_get_handout (print));
    g_assert_cmpint (limber_handout_get_n_pages (limber_print_operation_get_handout (print)), ==, 1);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    g_unlink (path);
    g_rmdir (dir);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_with_tooltip (GtkWidget  *root,
                   const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The four handout languages, each in its own words; the program's is
 * shown, and another chosen is the handout's. */
static void
test_languages (void)
{
  g_autoptr(LimberProgram) program = limber_program_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *preview = limber_handout_preview_new ();
  LimberHandoutPreview *self = LIMBER_HANDOUT_PREVIEW (preview);
  const char *names[] = { "English", "Español", "Deutsch", "Français" };
  GtkDropDown *language;
  GListModel *model;

  gtk_window_set_child (GTK_WINDOW (window), preview);
  gtk_window_present (GTK_WINDOW (window));
  language = GTK_DROP_DOWN (find_with_tooltip (preview, "Language of the handout"));
  g_assert_nonnull (language);
  model = gtk_drop_down_get_model (language);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), ==, names[i]);

  limber_program_set_field (program, LIMBER_PROGRAM_LANGUAGE, "fr");
  limber_handout_preview_set_program (self, program);
  g_assert_cmpuint (gtk_drop_down_get_selected (language), ==, 3);
  g_assert_cmpstr (limber_handout_preview_get_options (self)->language, ==, "fr");
  gtk_drop_down_set_selected (language, 2);
  g_assert_cmpstr (limber_handout_preview_get_options (self)->language, ==, "de");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!limber_test_gui_init (&argc, &argv))
    return 77;

  g_test_add_func ("/handout-preview/pages", test_preview);
  g_test_add_func ("/handout-preview/languages", test_languages);
  return g_test_run ();
}
