/* limber-contact-sheet.c — every figure on a few A4 pages, to check them
 *
 * One row per exercise that has a figure: its name, the two phases side
 * by side, and the overlaid version, all at one scale (a lying figure
 * is not drawn bigger than a kneeling one).  The PDF is written to a
 * temporary file beside the target and renamed over it only when
 * complete, so a failed export leaves nothing behind (limber-atomic.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-contact-sheet"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "limber-atomic.h"
#include "limber-contact-sheet.h"
#include "limber-exercise.h"
#include "limber-figure-draw.h"

/* A4 in points, and the grid on it. */
#define PAGE_WIDTH   595.276
#define PAGE_HEIGHT  841.890
#define MARGIN       40.0
#define HEADER       28.0
#define ROWS         4
#define TITLE_HEIGHT 22.0
#define GAP          12.0
#define BODY_HEIGHT  118.0   /* points per body height, for every figure */

typedef struct
{
  LimberAtomicFile *atomic;
  GError           *error;   /* the first write error */
} Sink;

static cairo_status_t
write_to_file (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error == NULL)
    limber_atomic_file_write (sink->atomic, data, length, &sink->error);
  return sink->error != NULL ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *font)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *desc = pango_font_description_from_string (font);

  /* Without hinted metrics, text breaks the same in a PDF and a PNG. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  cairo_font_options_destroy (options);
  return layout;
}

static void
show_text (cairo_t        *cr,
           const char     *font,
           const char     *text,
           double          x,
           double          y,
           double          width,
           double          grey,
           PangoAlignment  align)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, font);

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  /* pango leaves a current point: a later arc would start with a line. */
  cairo_new_path (cr);
}

static void
frame (cairo_t *cr,
       double   x,
       double   y,
       double   width,
       double   height)
{
  cairo_new_path (cr);
  cairo_rectangle (cr, x + 0.25, y + 0.25, width - 0.5, height - 0.5);
  cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
}

static void
draw_row (cairo_t        *cr,
          LimberExercise *exercise,
          double          top,
          double          height)
{
  LimberFigure *figure = limber_exercise_get_figure (exercise);
  double width = PAGE_WIDTH - 2 * MARGIN;
  double box = height - TITLE_HEIGHT;
  double wide = width - box - GAP;
  LimberFigureStyle style;

  show_text (cr, "DejaVu Sans Bold 10", limber_exercise_get_name (exercise, NULL),
             MARGIN, top, width * 0.66, 0.1, PANGO_ALIGN_LEFT);
  show_text (cr, "DejaVu Sans 7.5", limber_exercise_get_id (exercise),
             MARGIN + width * 0.68, top + 2, width * 0.32, 0.45, PANGO_ALIGN_RIGHT);

  limber_figure_style_init (&style);
  style.scale = LIMBER_FIGURE_SCALE_FIXED;
  style.body_height = BODY_HEIGHT;
  style.show = LIMBER_FIGURE_SHOW_SIDE_BY_SIDE;
  frame (cr, MARGIN, top + TITLE_HEIGHT, wide, box);
  limber_figure_draw (figure, cr, MARGIN, top + TITLE_HEIGHT, wide, box, &style);

  style.show = LIMBER_FIGURE_SHOW_OVERLAID;
  frame (cr, MARGIN + wide + GAP, top + TITLE_HEIGHT, box, box);
  limber_figure_draw (figure, cr, MARGIN + wide + GAP, top + TITLE_HEIGHT, box, box, &style);
}

static void
draw_pages (cairo_t    *cr,
            GListModel *exercises)
{
  guint n = g_list_model_get_n_items (exercises);
  double row = (PAGE_HEIGHT - 2 * MARGIN - HEADER) / ROWS;
  guint on_page = 0, page = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);
      g_autofree char *header = NULL;

      if (!LIMBER_IS_EXERCISE (exercise) || limber_exercise_get_figure (exercise) == NULL)
        continue;
      if (on_page == ROWS)
        {
          cairo_show_page (cr);
          on_page = 0;
        }
      if (on_page == 0)
        {
          header = g_strdup_printf (_("Limber figures — page %u"), ++page);
          show_text (cr, "DejaVu Sans 8", header, MARGIN, MARGIN - 12, PAGE_WIDTH - 2 * MARGIN, 0.45,
                     PANGO_ALIGN_LEFT);
        }
      draw_row (cr, exercise, MARGIN + HEADER + row * on_page, row - GAP);
      on_page++;
    }
  if (page == 0)
    show_text (cr, "DejaVu Sans 10", _("No exercise has a figure."), MARGIN, MARGIN,
               PAGE_WIDTH - 2 * MARGIN, 0.1, PANGO_ALIGN_LEFT);
}

static gboolean
render (GListModel  *exercises,
        Sink        *sink,
        GError     **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_file, sink,
                                                                  PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  draw_pages (cr, exercises);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the contact sheet: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * limber_figure_write_contact_sheet:
 * @exercises: a list of #LimberExercise (a catalog, say); those without
 *   a figure are left out
 * @path: the PDF file to write (replaced only on success)
 *
 * Writes an A4 PDF with every exercise's figure: its name, both phases
 * side by side, and the phases overlaid, a few exercises a page.
 *
 * Returns: %TRUE on success
 */
gboolean
limber_figure_write_contact_sheet (GListModel  *exercises,
                                   const char  *path,
                                   GError     **error)
{
  Sink sink = { NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (G_IS_LIST_MODEL (exercises), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sink.atomic = limber_atomic_file_new (path, error);
  if (sink.atomic == NULL)
    return FALSE;
  ok = render (exercises, &sink, error) && limber_atomic_file_commit (sink.atomic, error);
  limber_atomic_file_free (sink.atomic);
  return ok;
}
