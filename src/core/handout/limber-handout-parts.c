/* limber-handout-parts.c — what a handout block is made of, and drawing it
 *
 * A block (a stretch, the header, a part of the log) is measured once,
 * when the handout is built: its text laid out, its figure sized, each
 * piece given a place.  Drawing only replays those pieces, so the page
 * on screen, on paper and in the PDF is the same page: the layouts are
 * made on one Pango context with hinted metrics off and unrounded glyph
 * positions, so they do not depend on the surface they are drawn on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-handout"

#include "config.h"

#include <math.h>

#include "limber-handout-private.h"

const LimberRgb limber_handout_ink = { 0.07, 0.07, 0.07 };
const LimberRgb limber_handout_grey = { 0.32, 0.32, 0.32 };
const LimberRgb limber_handout_accent = { 0.10, 0.29, 0.50 };
const LimberRgb limber_handout_tint = { 0.93, 0.95, 0.97 };
const LimberRgb limber_handout_rule = { 0.70, 0.70, 0.70 };

static void
clear_part (gpointer data)
{
  LimberHandoutPart *part = data;

  g_clear_object (&part->layout);
  g_clear_object (&part->figure);
  g_clear_pointer (&part->picture, _limber_handout_picture_unref);
  g_clear_object (&part->chart);
}

/* Text for Pango markup: the handout's words and the user's, as they are. */
char *
_limber_handout_escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

LimberHandoutBlock *
_limber_handout_block_new (LimberHandoutBuilder *b,
                           LimberBlockKind       kind,
                           int                   item)
{
  LimberHandoutBlock *block = g_new0 (LimberHandoutBlock, 1);

  block->kind = kind;
  block->item = item;
  block->parts = g_array_new (FALSE, TRUE, sizeof (LimberHandoutPart));
  g_array_set_clear_func (block->parts, clear_part);
  block->page = -1;
  block->scale = 1;
  g_ptr_array_add (b->blocks, block);
  return block;
}

void
_limber_handout_block_free (LimberHandoutBlock *block)
{
  g_array_unref (block->parts);
  g_free (block);
}

/**
 * _limber_handout_pango_context:
 *
 * The context every layout of a handout is made on: 72 dpi, so a size
 * in points is a size in the page's units; no hinting and no rounding,
 * so lines break the same in the PDF, on paper and at any zoom on
 * screen (with hint metrics on, PNG and PDF wrapped text differently).
 */
PangoContext *
_limber_handout_pango_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

/**
 * _limber_handout_layout:
 * @markup: Pango markup: escape what comes from files
 * @width: the width to wrap at, in points
 */
PangoLayout *
_limber_handout_layout (LimberHandoutBuilder *b,
                        const char           *markup,
                        double                size,
                        gboolean              bold,
                        double                width)
{
  PangoLayout *layout = pango_layout_new (b->pango);
  PangoFontDescription *desc = pango_font_description_from_string (LIMBER_HANDOUT_FONT);
  PangoAttrList *attrs;

  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  pango_layout_set_markup (layout, markup, -1);
  /* A hyphen that is not in the text would break copying from the PDF
   * and a search for the words; words are short enough not to need it. */
  attrs = pango_layout_get_attributes (layout);
  attrs = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Wider lines read more easily for older eyes (the large layout). */
  if (b->m != NULL && b->m->line_spacing > 0)
    pango_layout_set_line_spacing (layout, b->m->line_spacing);
  return layout;
}

LimberHandoutPart *
_limber_handout_add_part (LimberHandoutBlock *block,
                          LimberPartKind      kind,
                          double              x,
                          double              y,
                          double              w,
                          double              h,
                          LimberRgb           color)
{
  LimberHandoutPart part = { 0 };

  part.kind = kind;
  part.x = x;
  part.y = y;
  part.w = w;
  part.h = h;
  part.color = color;
  g_array_append_val (block->parts, part);
  return &g_array_index (block->parts, LimberHandoutPart, block->parts->len - 1);
}

/* Adds @layout (taking it) at @x, @y; returns its height. */
double
_limber_handout_add_text (LimberHandoutBlock *block,
                          PangoLayout        *layout,
                          double              x,
                          double              y,
                          LimberRgb           color)
{
  LimberHandoutPart *part;
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  part = _limber_handout_add_part (block, LIMBER_PART_TEXT, x, y,
                                   (double) logical.width / PANGO_SCALE,
                                   (double) logical.height / PANGO_SCALE, color);
  part->layout = layout;
  return part->h;
}

static void
set_rgb (cairo_t   *cr,
         LimberRgb  c)
{
  cairo_set_source_rgb (cr, c.red, c.green, c.blue);
}

static void
path_rounded (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_path (cr);
  if (r <= 0)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A warning sign as on a road: a rounded triangle, an exclamation mark.
 * Drawn, not a glyph: DejaVu's ⚠ is thin, and an emoji font may be
 * missing or print in colour. */
static void
draw_warning (cairo_t                 *cr,
              const LimberHandoutPart *part)
{
  double s = MIN (part->w, part->h);
  double x = part->x + (part->w - s) / 2, y = part->y + (part->h - s) / 2;
  double lw = s * 0.09;

  cairo_new_path (cr);
  cairo_move_to (cr, x + s / 2, y + lw);
  cairo_line_to (cr, x + s - lw, y + s * 0.92 - lw);
  cairo_line_to (cr, x + lw, y + s * 0.92 - lw);
  cairo_close_path (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, lw * 2);
  set_rgb (cr, part->color);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, 1.0, 0.80, 0.22);
  cairo_fill (cr);

  set_rgb (cr, part->color);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, s * 0.1);
  cairo_move_to (cr, x + s / 2, y + s * 0.36);
  cairo_line_to (cr, x + s / 2, y + s * 0.58);
  cairo_stroke (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x + s / 2, y + s * 0.73, s * 0.055, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_part (cairo_t                 *cr,
           const LimberHandoutPart *part)
{
  switch (part->kind)
    {
    case LIMBER_PART_TEXT:
      set_rgb (cr, part->color);
      cairo_move_to (cr, part->x, part->y);
      pango_cairo_show_layout (cr, part->layout);
      /* Pango leaves a current point: the next arc would start with a
       * line from it in the PDF. */
      cairo_new_path (cr);
      break;

    case LIMBER_PART_BOX:
      path_rounded (cr, part->x, part->y, part->w, part->h, part->radius);
      set_rgb (cr, part->color);
      if (part->line_width > 0)
        {
          cairo_set_line_width (cr, part->line_width);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
      break;

    case LIMBER_PART_LINE:
      cairo_new_path (cr);
      cairo_move_to (cr, part->x, part->y);
      cairo_line_to (cr, part->x + part->w, part->y + part->h);
      cairo_set_line_width (cr, part->line_width);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      set_rgb (cr, part->color);
      cairo_stroke (cr);
      break;

    case LIMBER_PART_DISC:
      cairo_new_path (cr);
      cairo_arc (cr, part->x + part->w / 2, part->y + part->h / 2, MIN (part->w, part->h) / 2, 0, 2 * G_PI);
      set_rgb (cr, part->color);
      cairo_fill (cr);
      break;

    case LIMBER_PART_WARNING:
      draw_warning (cr, part);
      break;

    case LIMBER_PART_FIGURE:
      /* The figure was measured in a taller box: clip to its ink. */
      cairo_save (cr);
      cairo_new_path (cr);
      cairo_rectangle (cr, part->x, part->y, part->w, part->h);
      cairo_clip (cr);
      limber_figure_draw (part->figure, cr, part->figure_x, part->figure_y,
                          part->figure_w, part->figure_h, &part->style);
      cairo_restore (cr);
      cairo_new_path (cr);
      break;

    case LIMBER_PART_PICTURE:
      cairo_save (cr);
      if (part->mirror)
        {
          cairo_translate (cr, 2 * part->x + part->w, 0);
          cairo_scale (cr, -1, 1);
        }
      _limber_handout_picture_draw (part->picture, cr, part->x, part->y, part->w, part->h);
      cairo_restore (cr);
      break;

    case LIMBER_PART_CHART:
      cairo_save (cr);
      cairo_translate (cr, part->x, part->y);
      if (part->chart_row < 0)
        limber_exam_chart_draw_legend (part->chart, cr, part->w, part->chart_size);
      else
        limber_exam_chart_draw_row (part->chart, cr, part->w, part->chart_size, part->chart_row);
      cairo_restore (cr);
      cairo_new_path (cr);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Draws @block with its top left corner at the origin of @cr. */
void
_limber_handout_draw_block (const LimberHandoutBlock *block,
                            cairo_t                  *cr)
{
  cairo_save (cr);
  for (guint i = 0; i < block->parts->len; i++)
    draw_part (cr, &g_array_index (block->parts, LimberHandoutPart, i));
  cairo_restore (cr);
}
