/* limber-figure-draw.c — drawing a figure as a pictogram with cairo
 *
 * What makes a pictogram read well: tapered capsules, a floating round
 * head, far limbs grey and near limbs dark, drawn far arm, far leg,
 * trunk and head, near leg, near arm; near limbs outlined in the
 * background colour as one unit each, not where they join the trunk.
 * Everything is filled paths in known colours (no groups with CLEAR or
 * DEST_OUT, no images), so a PDF stays vector; and all of it is clipped
 * to the box it is given.
 *
 * This file lays the phases out in the box and scales them; the body is
 * drawn in limber-figure-draw-body.c, the floor and props in
 * limber-figure-draw-props.c, the arrow in limber-figure-draw-arrow.c,
 * with the colours, paths and bounds of limber-figure-draw-paths.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <string.h>

#include "limber-figure-draw-private.h"

#define PAD            0.04    /* of the box's smaller side */
#define PANEL_GAP      0.05    /* of the box's width, side by side */

/* One panel of the box: which phases it shows, how model maps to it. */
typedef struct
{
  gboolean phase[LIMBER_N_PHASES];
  gboolean overlaid;
  gboolean arrow;
  double   cx, cy;       /* the panel's centre, in the caller's units */
  double   mx, my;       /* the model point drawn there */
  double   scale;
} Panel;

/* Contrast for older eyes and grey printers (WCAG's 3:1 for graphics):
 * the far grey is 3.8:1 on the handout's pale panel and 3.4:1 on a mat;
 * props keep a light fill, so limbs on them stand out, and are drawn
 * round in an edge colour at 4.6:1 on the panel. */
static const LimberFigureColor default_near = { 0x2e / 255.0, 0x34 / 255.0, 0x36 / 255.0 };
static const LimberFigureColor default_far = { 0x7e / 255.0, 0x7d / 255.0, 0x7a / 255.0 };
/* Red reads as "here" and, at about half the lightness of the far grey
 * and twice that of the near colour, stays apart from both in greyscale. */
static const LimberFigureColor default_accent = { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0 };
static const LimberFigureColor default_background = { 1, 1, 1 };
static const LimberFigureColor default_prop = { 0xe9 / 255.0, 0xe8 / 255.0, 0xe5 / 255.0 };
static const LimberFigureColor default_prop_edge = { 0x6f / 255.0, 0x6e / 255.0, 0x6b / 255.0 };

/**
 * limber_figure_style_init:
 *
 * The default style: both phases side by side, fit to the box, facing
 * right (the right side), dark near limbs, grey far limbs, a red accent
 * on white, with props, highlight, pressure and arrow.
 */
void
limber_figure_style_init (LimberFigureStyle *style)
{
  g_return_if_fail (style != NULL);

  style->show = LIMBER_FIGURE_SHOW_SIDE_BY_SIDE;
  style->mirror = FALSE;
  style->scale = LIMBER_FIGURE_SCALE_FIT;
  style->body_height = 100;
  style->near = default_near;
  style->far = default_far;
  style->accent = default_accent;
  style->background = default_background;
  style->prop = default_prop;
  style->prop_edge = default_prop_edge;
  style->fill_background = FALSE;
  style->draw_props = TRUE;
  style->draw_highlight = TRUE;
  style->draw_pressure = TRUE;
  style->draw_arrow = TRUE;
}

/* ------------------------------------------------------------------ */
/* Layout                                                             */

/* Side by side, both panels frame the same room (floor, mat): the body
 * is seen to move in it. */
static void
panel_bounds (Ctx          *ctx,
              const Panel  *panel,
              Bounds       *b)
{
  gboolean both = ctx->style->show == LIMBER_FIGURE_SHOW_SIDE_BY_SIDE;

  _limber_draw_bounds_empty (&ctx->body);
  for (int i = 0; i < LIMBER_N_PHASES; i++)
    if (panel->phase[i] || both)
      _limber_draw_body_bounds (ctx, limber_figure_get_solved (ctx->figure, i), &ctx->body);
  *b = ctx->body;
  for (int i = 0; i < LIMBER_N_PHASES; i++)
    if (panel->phase[i])
      _limber_draw_attached_bounds (ctx, limber_figure_get_solved (ctx->figure, i), b);
  if (ctx->style->draw_props)
    _limber_draw_scene_bounds (ctx, b);
  if (panel->arrow)
    _limber_draw_arrow_bounds (ctx, b);
}

/* Splits the box into panels and finds one scale for all of them. */
static int
layout (Ctx    *ctx,
        double  x,
        double  y,
        double  width,
        double  height,
        Panel   panels[2])
{
  const LimberFigureStyle *style = ctx->style;
  int n = style->show == LIMBER_FIGURE_SHOW_SIDE_BY_SIDE ? 2 : 1;
  double pad = PAD * MIN (width, height);
  double gap = n == 2 ? PANEL_GAP * width : 0;
  double pw = (width - 2 * pad - gap) / n, ph = height - 2 * pad;
  double scale = G_MAXDOUBLE, y0 = G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  Bounds b[2];

  memset (panels, 0, 2 * sizeof (Panel));
  panels[0].phase[LIMBER_PHASE_SHORTENED] = style->show != LIMBER_FIGURE_SHOW_LENGTHENED;
  panels[0].phase[LIMBER_PHASE_LENGTHENED] = style->show == LIMBER_FIGURE_SHOW_LENGTHENED
                                             || style->show == LIMBER_FIGURE_SHOW_OVERLAID;
  panels[0].overlaid = style->show == LIMBER_FIGURE_SHOW_OVERLAID;
  panels[0].arrow = panels[0].phase[LIMBER_PHASE_LENGTHENED] && style->draw_arrow;
  panels[1].phase[LIMBER_PHASE_LENGTHENED] = TRUE;
  panels[1].arrow = style->draw_arrow;

  for (int i = 0; i < n; i++)
    {
      panel_bounds (ctx, &panels[i], &b[i]);
      y0 = MIN (y0, b[i].y0);
      y1 = MAX (y1, b[i].y1);
    }
  for (int i = 0; i < n; i++)
    {
      /* Side by side, both panels share one height: the floors line up. */
      b[i].y0 = y0;
      b[i].y1 = y1;
      scale = MIN (scale, pw / MAX (b[i].x1 - b[i].x0, 1e-3));
      scale = MIN (scale, ph / MAX (b[i].y1 - b[i].y0, 1e-3));
    }
  if (style->scale == LIMBER_FIGURE_SCALE_FIXED && style->body_height > 0)
    scale = MIN (scale, style->body_height);
  scale = MAX (scale, 1e-6);

  for (int i = 0; i < n; i++)
    {
      panels[i].scale = scale;
      panels[i].cx = x + pad + pw * (i + 0.5) + gap * i;
      panels[i].cy = y + height / 2;
      panels[i].mx = (b[i].x0 + b[i].x1) / 2;
      panels[i].my = (b[i].y0 + b[i].y1) / 2;
    }
  return n;
}

static void
panel_transform (cairo_t     *cr,
                 const Panel *panel,
                 gboolean     mirror)
{
  cairo_translate (cr, panel->cx, panel->cy);
  cairo_scale (cr, mirror ? -panel->scale : panel->scale, -panel->scale);
  cairo_translate (cr, -panel->mx, -panel->my);
}

static void
draw_panel (Ctx         *ctx,
            const Panel *panel)
{
  Bounds unused;
  Palette full, faded;

  _limber_draw_palette_init (&full, ctx->style, FALSE);
  _limber_draw_palette_init (&faded, ctx->style, TRUE);
  panel_bounds (ctx, panel, &unused);

  cairo_save (ctx->cr);
  panel_transform (ctx->cr, panel, ctx->style->mirror);
  if (ctx->style->draw_props)
    _limber_draw_scene (ctx, &full);
  if (panel->phase[LIMBER_PHASE_SHORTENED])
    _limber_draw_body (ctx, limber_figure_get_solved (ctx->figure, LIMBER_PHASE_SHORTENED),
                       panel->overlaid ? &faded : &full, !panel->overlaid);
  if (panel->phase[LIMBER_PHASE_LENGTHENED])
    _limber_draw_body (ctx, limber_figure_get_solved (ctx->figure, LIMBER_PHASE_LENGTHENED), &full, TRUE);
  if (panel->arrow)
    _limber_draw_arrow (ctx);
  cairo_restore (ctx->cr);
}

/**
 * limber_figure_draw:
 * @style: (nullable): how; %NULL for limber_figure_style_init()'s
 *
 * Draws @figure inside the box (@x, @y, @width, @height) of @cr's user
 * space, and nowhere else.  Only filled and stroked paths: vector in a
 * PDF, at any size.
 */
void
limber_figure_draw (LimberFigure            *figure,
                    cairo_t                 *cr,
                    double                   x,
                    double                   y,
                    double                   width,
                    double                   height,
                    const LimberFigureStyle *style)
{
  LimberFigureStyle defaults;
  Ctx ctx = { figure, cr, style, limber_figure_get_view (figure) };
  Panel panels[2];
  int n;

  g_return_if_fail (LIMBER_IS_FIGURE (figure));
  g_return_if_fail (cr != NULL);

  if (style == NULL)
    {
      limber_figure_style_init (&defaults);
      ctx.style = &defaults;
    }
  if (!(width > 0 && height > 0) || cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  if (ctx.style->fill_background)
    {
      _limber_draw_set_color (cr, ctx.style->background);
      cairo_paint (cr);
    }
  n = layout (&ctx, x, y, width, height, panels);
  for (int i = 0; i < n; i++)
    draw_panel (&ctx, &panels[i]);
  cairo_restore (cr);
}

gboolean
_limber_figure_locate (LimberFigure            *figure,
                       double                   x,
                       double                   y,
                       double                   width,
                       double                   height,
                       const LimberFigureStyle *style,
                       LimberPhase              phase,
                       double                   model_x,
                       double                   model_y,
                       double                  *box_x,
                       double                  *box_y)
{
  LimberFigureStyle defaults;
  Ctx ctx = { figure, NULL, style, limber_figure_get_view (figure) };
  Panel panels[2];
  int n;

  g_return_val_if_fail (LIMBER_IS_FIGURE (figure), FALSE);
  if (style == NULL)
    {
      limber_figure_style_init (&defaults);
      ctx.style = style = &defaults;
    }
  n = layout (&ctx, x, y, width, height, panels);

  for (int i = 0; i < n; i++)
    if (panels[i].phase[phase])
      {
        double dx = (model_x - panels[i].mx) * panels[i].scale;

        *box_x = panels[i].cx + (style->mirror ? -dx : dx);
        *box_y = panels[i].cy - (model_y - panels[i].my) * panels[i].scale;
        return TRUE;
      }
  return FALSE;
}
