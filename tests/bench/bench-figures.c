/* bench-figures.c — drawing 1,000 thumbnails at 64 px
 *
 * Every bundled figure, cycled to 1,000 draws into a 64×64 image surface,
 * one phase, side by side and overlaid (what the catalog rows draw), and
 * one phase of only the figures seen through a camera (3D).
 * Run: meson test -C _build --benchmark --verbose figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <time.h>

#include "limber-catalog.h"
#include "limber-figure-draw.h"
#include "limber-xml.h"

#define N_DRAWS 1000
#define SIZE 64

/* Wall time in ms; in @cpu_ms the process's CPU time, which a loaded
 * machine (other builds running) changes far less. */
static double
time_draws (GPtrArray        *figures,
            LimberFigureShow  show,
            double           *cpu_ms)
{
  clock_t cpu_start;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);
  LimberFigureStyle style;
  gint64 start;
  double ms;

  limber_figure_style_init (&style);
  style.show = show;
  start = g_get_monotonic_time ();
  cpu_start = clock ();
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
  *cpu_ms = (clock () - cpu_start) * 1000.0 / CLOCKS_PER_SEC;
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
  g_autoptr(GPtrArray) in_3d = g_ptr_array_new ();
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
      if (limber_exercise_get_figure (e) == NULL)
        continue;
      g_ptr_array_add (figures, limber_exercise_get_figure (e));
      if (limber_figure_get_camera (limber_exercise_get_figure (e))->on)
        g_ptr_array_add (in_3d, limber_exercise_get_figure (e));
    }
  if (figures->len == 0)
    g_error ("The bundled catalog has no figures");

  g_print ("figures benchmark: %u bundled figures, %d draws at %dx%d px\n", figures->len, N_DRAWS, SIZE, SIZE);
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      double cpu, ms = time_draws (figures, modes[m].show, &cpu);
      g_print ("  %-24s %7.1f ms in all, %.3f ms each, %.3f ms CPU each\n", modes[m].name, ms, ms / N_DRAWS,
               cpu / N_DRAWS);
    }
  /* The figures drawn through a camera (3D props, depth order): the
   * target is 0.3 ms each, one phase. */
  if (in_3d->len > 0)
    {
      double cpu, ms = time_draws (in_3d, LIMBER_FIGURE_SHOW_LENGTHENED, &cpu);

      g_print ("  %-24s %7.1f ms in all, %.3f ms each, %.3f ms CPU each (%u figures)\n", "one phase, 3D only",
               ms, ms / N_DRAWS, cpu / N_DRAWS, in_3d->len);
    }
  return 0;
}
