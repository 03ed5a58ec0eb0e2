/* bench-figures.c — drawing 1,000 thumbnails at 64 px
 *
 * Every bundled figure, cycled to 1,000 draws into a 64×64 image surface,
 * one phase, side by side and overlaid (what the catalog rows draw).
 * Run: meson test -C _build --benchmark --verbose figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "limber-catalog.h"
#include "limber-figure-draw.h"
#include "limber-xml.h"

#define N_DRAWS 1000
#define SIZE 64

static double
time_draws (GPtrArray        *figures,
            LimberFigureShow  show)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);
  LimberFigureStyle style;
  gint64 start;
  double ms;

  limber_figure_style_init (&style);
  style.show = show;
  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_DRAWS; i++)
    {
      cairo_save (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_restore (cr);
      limber_figure_draw (g_ptr_array_index (figures, i % figures->len), cr, 0, 0, SIZE, SIZE, &style);
    }
  cairo_surface_flush (surface);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GPtrArray) figures = g_ptr_array_new ();
  static const struct { LimberFigureShow show; const char *name; } modes[] = {
    { LIMBER_FIGURE_SHOW_LENGTHENED, "one phase" },
    { LIMBER_FIGURE_SHOW_OVERLAID, "overlaid (catalog rows)" },
    { LIMBER_FIGURE_SHOW_SIDE_BY_SIDE, "side by side" },
  };

  limber_xml_init ();
  limber_catalog_load_standard (catalog, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(LimberExercise) e = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      if (limber_exercise_get_figure (e) != NULL)
        g_ptr_array_add (figures, limber_exercise_get_figure (e));
    }
  if (figures->len == 0)
    g_error ("The bundled catalog has no figures");

  g_print ("figures benchmark: %u bundled figures, %d draws at %dx%d px\n", figures->len, N_DRAWS, SIZE, SIZE);
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      double ms = time_draws (figures, modes[m].show);
      g_print ("  %-24s %7.1f ms in all, %.3f ms each\n", modes[m].name, ms, ms / N_DRAWS);
    }
  return 0;
}
