/* limber-figure-draw.c — drawing a figure as a pictogram with cairo
 *
 * What FIGURES.md learned, applied: tapered capsules, a floating round
 * head, far limbs grey and near limbs dark, drawn far arm, far leg,
 * trunk and head, near leg, near arm; near limbs outlined in the
 * background colour as one unit each, not where they join the trunk.
 * Everything is filled paths in known colours (no groups with CLEAR or
 * DEST_OUT, no images), so a PDF stays vector; and all of it is clipped
 * to the box it is given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <math.h>
#include <string.h>

#include "limber-figure-draw.h"

#define PAD            0.04    /* of the box's smaller side */
#define PANEL_GAP      0.05    /* of the box's width, side by side */
#define FLOOR_MARGIN   0.1     /* body heights beyond the body */
#define FLOOR_THICK    0.014
#define MAT_MARGIN     0.06
#define ARROW_WIDTH    0.014
#define ARROW_HEAD     0.05
#define ARROW_OFFSET   0.07
#define ARROW_MIN      0.09
#define ARROW_STEPS    24
#define PRESSURE_DOT   0.024
#define FADE           0.62    /* how far the start pose fades to the background */
#define STRAP_WIDTH    0.014
#define BIG            100.0   /* beyond any figure, in body heights */

typedef struct
{
  double x0, y0, x1, y1;
} Bounds;

typedef struct
{
  LimberFigureColor near, far, accent, background, prop, prop_dark;
} Palette;

typedef struct
{
  LimberFigure            *figure;
  cairo_t                 *cr;
  const LimberFigureStyle *style;
  LimberView               view;
  Bounds                   body;   /* of the drawn phases: floor and mat go under it */
} Ctx;

typedef struct
{
  int    n;
  double x[ARROW_STEPS + 1];
  double y[ARROW_STEPS + 1];
} Polyline;

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

static const LimberFigureColor default_near = { 0x2e / 255.0, 0x34 / 255.0, 0x36 / 255.0 };
static const LimberFigureColor default_far = { 0x9a / 255.0, 0x99 / 255.0, 0x96 / 255.0 };
/* Red reads as "here" and, at about half the lightness of the far grey
 * and twice that of the near colour, stays apart from both in greyscale. */
static const LimberFigureColor default_accent = { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0 };
static const LimberFigureColor default_background = { 1, 1, 1 };
static const LimberFigureColor default_prop = { 0xc8 / 255.0, 0xc7 / 255.0, 0xc4 / 255.0 };

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
  style->fill_background = FALSE;
  style->draw_props = TRUE;
  style->draw_highlight = TRUE;
  style->draw_pressure = TRUE;
  style->draw_arrow = TRUE;
}

/* ------------------------------------------------------------------ */
/* Colours and paths                                                  */

static LimberFigureColor
mix (LimberFigureColor a,
     LimberFigureColor b,
     double            t)
{
  LimberFigureColor c = { a.red + (b.red - a.red) * t, a.green + (b.green - a.green) * t,
                          a.blue + (b.blue - a.blue) * t };
  return c;
}

static void
palette_init (Palette                 *pal,
              const LimberFigureStyle *style,
              gboolean                 faded)
{
  double t = faded ? FADE : 0;

  pal->near = mix (style->near, style->background, t);
  pal->far = mix (style->far, style->background, t);
  pal->accent = mix (style->accent, style->background, t);
  pal->background = style->background;
  pal->prop = mix (style->prop, style->background, t);
  pal->prop_dark = mix (mix (style->prop, style->near, 0.45), style->background, t);
}

static void
set_color (cairo_t           *cr,
           LimberFigureColor  c)
{
  cairo_set_source_rgb (cr, c.red, c.green, c.blue);
}

static void
path_circle (cairo_t *cr,
             double   x,
             double   y,
             double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_close_path (cr);
}

/* Two circles joined by their outer tangents, counter-clockwise (so that
 * several make one union with the winding rule). */
static void
path_capsule (cairo_t *cr,
              double   x0,
              double   y0,
              double   r0,
              double   x1,
              double   y1,
              double   r1)
{
  double d = hypot (x1 - x0, y1 - y0);
  double theta, alpha;

  if (d <= fabs (r0 - r1) + 1e-9)
    {
      if (r0 >= r1)
        path_circle (cr, x0, y0, r0);
      else
        path_circle (cr, x1, y1, r1);
      return;
    }
  theta = atan2 (y1 - y0, x1 - x0);
  alpha = acos ((r0 - r1) / d);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x1, y1, r1, theta - alpha, theta + alpha);
  cairo_arc (cr, x0, y0, r0, theta + alpha, theta - alpha + 2 * G_PI);
  cairo_close_path (cr);
}

/* A convex polygon of equal round corners, counter-clockwise. */
static void
path_rounded_polygon (cairo_t      *cr,
                      const double *cx,
                      const double *cy,
                      int           n,
                      double        r)
{
  cairo_new_sub_path (cr);
  for (int i = 0; i < n; i++)
    {
      int prev = (i + n - 1) % n, next = (i + 1) % n;
      double a_in = atan2 (cy[i] - cy[prev], cx[i] - cx[prev]) - G_PI_2;
      double a_out = atan2 (cy[next] - cy[i], cx[next] - cx[i]) - G_PI_2;

      while (a_out < a_in)
        a_out += 2 * G_PI;
      cairo_arc (cr, cx[i], cy[i], r, a_in, a_out);
    }
  cairo_close_path (cr);
}

static void
path_segment (Ctx                    *ctx,
              const LimberPoseSolved *s,
              LimberSegment           segment,
              double                  grow)
{
  LimberPoint a = limber_segment_start (segment), b = limber_segment_end (segment);

  if (segment == LIMBER_SEGMENT_HEAD)
    path_circle (ctx->cr, s->x[b], s->y[b], LIMBER_FIGURE_HEAD_RADIUS + grow);
  else if (segment == LIMBER_SEGMENT_TRUNK && ctx->view == LIMBER_VIEW_FRONT)
    {
      double cx[4], cy[4], r;

      limber_pose_front_trunk (s, cx, cy, &r);
      path_rounded_polygon (ctx->cr, cx, cy, 4, r + grow);
    }
  else
    path_capsule (ctx->cr, s->x[a], s->y[a], limber_segment_radius (segment, ctx->view, 0) + grow,
                  s->x[b], s->y[b], limber_segment_radius (segment, ctx->view, 1) + grow);
}

/* ------------------------------------------------------------------ */
/* Bounds                                                             */

static void
bounds_empty (Bounds *b)
{
  b->x0 = b->y0 = G_MAXDOUBLE;
  b->x1 = b->y1 = -G_MAXDOUBLE;
}

static void
bounds_add (Bounds *b,
            double  x,
            double  y,
            double  r)
{
  b->x0 = MIN (b->x0, x - r);
  b->y0 = MIN (b->y0, y - r);
  b->x1 = MAX (b->x1, x + r);
  b->y1 = MAX (b->y1, y + r);
}

static void
bounds_union (Bounds       *b,
              const Bounds *other)
{
  bounds_add (b, other->x0, other->y0, 0);
  bounds_add (b, other->x1, other->y1, 0);
}

/* The body with the outlines of its near limbs. */
static void
body_bounds (Ctx                    *ctx,
             const LimberPoseSolved *s,
             Bounds                 *b)
{
  const double o = LIMBER_FIGURE_OUTLINE;

  for (int i = 0; i < LIMBER_N_SEGMENTS; i++)
    {
      LimberPoint start = limber_segment_start (i), end = limber_segment_end (i);

      if (i == LIMBER_SEGMENT_HEAD)
        bounds_add (b, s->x[end], s->y[end], LIMBER_FIGURE_HEAD_RADIUS);
      else if (i == LIMBER_SEGMENT_TRUNK && ctx->view == LIMBER_VIEW_FRONT)
        {
          double cx[4], cy[4], r;

          limber_pose_front_trunk (s, cx, cy, &r);
          for (int k = 0; k < 4; k++)
            bounds_add (b, cx[k], cy[k], r);
        }
      else
        {
          bounds_add (b, s->x[start], s->y[start], limber_segment_radius (i, ctx->view, 0) + o);
          bounds_add (b, s->x[end], s->y[end], limber_segment_radius (i, ctx->view, 1) + o);
        }
    }
}

static void
prop_extent (Ctx              *ctx,
             const LimberProp *prop,
             double           *x0,
             double           *x1)
{
  double margin = prop->kind == LIMBER_PROP_MAT ? MAT_MARGIN : 0.02;

  if (prop->has_x && prop->has_width)
    {
      *x0 = prop->x - prop->width / 2;
      *x1 = prop->x + prop->width / 2;
    }
  else if (prop->has_width)
    {
      *x0 = (ctx->body.x0 + ctx->body.x1 - prop->width) / 2;
      *x1 = *x0 + prop->width;
    }
  else
    {
      *x0 = ctx->body.x0 - margin;
      *x1 = ctx->body.x1 + margin;
    }
}

/* The top of a bench's seat, a chair's seat, a mat, a wall. */
static double
prop_top (const LimberProp *prop)
{
  return prop->has_height ? prop->height : limber_prop_default_height (prop->kind);
}

/* Props that stand on the floor, and the floor. */
static void
scene_bounds (Ctx    *ctx,
              Bounds *b)
{
  guint n;
  const LimberProp *props = limber_figure_get_props (ctx->figure, &n);
  double x0, x1, top, gx, gy;

  for (guint i = 0; i < n; i++)
    {
      const LimberProp *prop = &props[i];

      top = prop_top (prop);
      switch (prop->kind)
        {
        case LIMBER_PROP_MAT:
        case LIMBER_PROP_BENCH:
        case LIMBER_PROP_BED:
          prop_extent (ctx, prop, &x0, &x1);
          bounds_add (b, x0, 0, 0);
          bounds_add (b, x1, top, 0);
          break;
        case LIMBER_PROP_CHAIR:
          limber_scene_chair_grip (prop, &gx, &gy);
          bounds_add (b, prop->x - 0.13, 0, 0);
          bounds_add (b, prop->x + 0.13, gy + 0.015, 0);
          break;
        case LIMBER_PROP_WALL:
          bounds_add (b, prop->x - 0.04, 0, 0);
          bounds_add (b, prop->x + 0.04, top, 0);
          break;
        case LIMBER_PROP_FLOOR:
        case LIMBER_PROP_BALL:
        case LIMBER_PROP_FOAM_ROLLER:
        case LIMBER_PROP_TOWEL:
        case LIMBER_PROP_STRAP:
        case LIMBER_N_PROPS:
        default:
          break;
        }
    }
  if (ctx->view != LIMBER_VIEW_TOP)
    {
      x0 = MIN (b->x0, ctx->body.x0) - FLOOR_MARGIN;
      x1 = MAX (b->x1, ctx->body.x1) + FLOOR_MARGIN;
      bounds_add (b, x0, -FLOOR_THICK, 0);
      bounds_add (b, x1, -FLOOR_THICK, 0);
    }
  else
    {
      bounds_add (b, ctx->body.x0 - MAT_MARGIN, ctx->body.y0 - MAT_MARGIN, 0);
      bounds_add (b, ctx->body.x1 + MAT_MARGIN, ctx->body.y1 + MAT_MARGIN, 0);
    }
}

/* Balls, rollers and towels under the body move with it. */
static void
attached_bounds (Ctx                    *ctx,
                 const LimberPoseSolved *s,
                 Bounds                 *b)
{
  guint n;
  const LimberProp *props = limber_figure_get_props (ctx->figure, &n);
  const LimberPressure *pressure = limber_figure_get_pressure (ctx->figure);
  double x, y, r;

  for (guint i = 0; i < n; i++)
    if (props[i].kind == LIMBER_PROP_BALL || props[i].kind == LIMBER_PROP_FOAM_ROLLER
        || props[i].kind == LIMBER_PROP_TOWEL)
      {
        limber_pose_prop_center (s, ctx->view, &props[i], &x, &y, &r);
        bounds_add (b, x, y, r);
      }
  if (pressure != NULL && pressure->by != LIMBER_PRESSURE_HAND)
    {
      limber_pose_pressure_ball (s, ctx->view, pressure, &x, &y, &r);
      bounds_add (b, x, y, r);
    }
}

/* ------------------------------------------------------------------ */
/* The movement arrow                                                 */

/* How much of the body is near (x, y): a straight arrow goes on the
 * emptier side of the movement. */
static int
crowding (Ctx                    *ctx,
          const LimberPoseSolved *s,
          double                  x,
          double                  y)
{
  int count = 0;

  for (int i = 0; i < LIMBER_N_SEGMENTS; i++)
    {
      LimberPoint a = limber_segment_start (i), b = limber_segment_end (i);
      double dx = s->x[b] - s->x[a], dy = s->y[b] - s->y[a];
      double len2 = dx * dx + dy * dy;
      double t = len2 > 0 ? CLAMP (((x - s->x[a]) * dx + (y - s->y[a]) * dy) / len2, 0, 1) : 0;
      double r = limber_segment_radius (i, ctx->view, t) + 0.03;

      if (hypot (x - s->x[a] - t * dx, y - s->y[a] - t * dy) < r)
        count++;
    }
  return count;
}

/* The radius of the body at a point the trunk carries (0 elsewhere). */
static double
trunk_point_radius (Ctx *ctx,
                    int  point)
{
  switch (point)
    {
    case LIMBER_POINT_PELVIS:
    case LIMBER_POINT_RIGHT_HIP:
    case LIMBER_POINT_LEFT_HIP:
      return limber_segment_radius (LIMBER_SEGMENT_TRUNK, ctx->view, 0);
    case LIMBER_POINT_NECK:
    case LIMBER_POINT_RIGHT_SHOULDER:
    case LIMBER_POINT_LEFT_SHOULDER:
      return limber_segment_radius (LIMBER_SEGMENT_TRUNK, ctx->view, 1);
    case LIMBER_POINT_HEAD:
      return LIMBER_FIGURE_HEAD_RADIUS;
    default:
      return 0;
    }
}

/* A hand or foot: an arrow beside its path, on the emptier side and
 * above the floor.  The pelvis, the chest or the head: an arrow that
 * pushes it, its tip at the body's back. */
static void
straight_arrow (Ctx                    *ctx,
                const LimberPoseSolved *end,
                int                     point,
                double                  x0,
                double                  y0,
                double                  x1,
                double                  y1,
                Polyline               *line)
{
  double len = hypot (x1 - x0, y1 - y0);
  double ux = (x1 - x0) / len, uy = (y1 - y0) / len;
  double nx = -uy, ny = ux;
  double mx = (x0 + x1) / 2, my = (y0 + y1) / 2;
  double half = MAX (len, ARROW_MIN) / 2;
  double push = trunk_point_radius (ctx, point);
  double side;

  line->n = 2;
  if (push > 0)
    {
      line->x[1] = x1 - ux * (push + ARROW_HEAD);
      line->y[1] = y1 - uy * (push + ARROW_HEAD);
      line->x[0] = line->x[1] - ux * 2 * half;
      line->y[0] = line->y[1] - uy * 2 * half;
      return;
    }
  side = crowding (ctx, end, mx + nx * ARROW_OFFSET, my + ny * ARROW_OFFSET)
         <= crowding (ctx, end, mx - nx * ARROW_OFFSET, my - ny * ARROW_OFFSET) ? 1 : -1;
  if (ctx->view != LIMBER_VIEW_TOP && my + side * ny * ARROW_OFFSET < end->support + ARROW_HEAD)
    side = -side;
  line->x[0] = mx - ux * half + side * nx * ARROW_OFFSET;
  line->y[0] = my - uy * half + side * ny * ARROW_OFFSET;
  line->x[1] = mx + ux * half + side * nx * ARROW_OFFSET;
  line->y[1] = my + uy * half + side * ny * ARROW_OFFSET;
}

/* An arc (a spiral, when the distance changes) around the pivot, just
 * outside the path of the moving point. */
static void
arc_arrow (const LimberPoseSolved *a,
           const LimberPoseSolved *b,
           int                     point,
           int                     pivot,
           Polyline               *line)
{
  double a0 = atan2 (a->y[point] - a->y[pivot], a->x[point] - a->x[pivot]);
  double a1 = atan2 (b->y[point] - b->y[pivot], b->x[point] - b->x[pivot]);
  double r0 = hypot (a->y[point] - a->y[pivot], a->x[point] - a->x[pivot]) + ARROW_OFFSET;
  double r1 = hypot (b->y[point] - b->y[pivot], b->x[point] - b->x[pivot]) + ARROW_OFFSET;
  double sweep = remainder (a1 - a0, 2 * G_PI);

  line->n = ARROW_STEPS + 1;
  for (int i = 0; i <= ARROW_STEPS; i++)
    {
      /* Starting a little late leaves the start pose's limb clear. */
      double t = 0.1 + 0.9 * i / (double) ARROW_STEPS;
      double cx = a->x[pivot] + (b->x[pivot] - a->x[pivot]) * t;
      double cy = a->y[pivot] + (b->y[pivot] - a->y[pivot]) * t;
      double r = r0 + (r1 - r0) * t, angle = a0 + sweep * t;

      line->x[i] = cx + r * cos (angle);
      line->y[i] = cy + r * sin (angle);
    }
}

static gboolean
arrow_line (Ctx      *ctx,
            Polyline *line)
{
  const LimberPoseSolved *a = limber_figure_get_solved (ctx->figure, LIMBER_PHASE_SHORTENED);
  const LimberPoseSolved *b = limber_figure_get_solved (ctx->figure, LIMBER_PHASE_LENGTHENED);
  int point, pivot;
  LimberArrowKind kind = limber_figure_get_arrow (ctx->figure, &point, &pivot);

  if (kind == LIMBER_ARROW_ARC)
    arc_arrow (a, b, point, pivot, line);
  else if (kind == LIMBER_ARROW_STRAIGHT)
    straight_arrow (ctx, b, point, a->x[point], a->y[point], b->x[point], b->y[point], line);
  else
    return FALSE;
  return TRUE;
}

static void
arrow_bounds (Ctx    *ctx,
              Bounds *b)
{
  Polyline line;

  if (!ctx->style->draw_arrow || !arrow_line (ctx, &line))
    return;
  for (int i = 0; i < line.n; i++)
    bounds_add (b, line.x[i], line.y[i], ARROW_HEAD);
}

static void
arrow_head_path (cairo_t        *cr,
                 const Polyline *line,
                 double          grow)
{
  int n = line->n;
  double dx = line->x[n - 1] - line->x[n - 2], dy = line->y[n - 1] - line->y[n - 2];
  double len = hypot (dx, dy), ux = dx / len, uy = dy / len;
  double tip_x = line->x[n - 1] + ux * ARROW_HEAD * 0.5, tip_y = line->y[n - 1] + uy * ARROW_HEAD * 0.5;
  double base_x = tip_x - ux * (ARROW_HEAD + grow * 2), base_y = tip_y - uy * (ARROW_HEAD + grow * 2);
  double w = ARROW_HEAD * 0.6 + grow;

  cairo_new_sub_path (cr);
  cairo_move_to (cr, tip_x + ux * grow * 1.5, tip_y + uy * grow * 1.5);
  cairo_line_to (cr, base_x - uy * w, base_y + ux * w);
  cairo_line_to (cr, base_x + uy * w, base_y - ux * w);
  cairo_close_path (cr);
}

static void
draw_arrow (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  Polyline line;

  if (!arrow_line (ctx, &line))
    return;
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (int pass = 0; pass < 2; pass++)
    {
      double grow = pass == 0 ? LIMBER_FIGURE_OUTLINE * 0.6 : 0;

      set_color (cr, pass == 0 ? ctx->style->background : ctx->style->accent);
      cairo_new_path (cr);
      cairo_move_to (cr, line.x[0], line.y[0]);
      for (int i = 1; i < line.n - 1; i++)
        cairo_line_to (cr, line.x[i], line.y[i]);
      /* The line stops inside the head, which ends in a sharp point. */
      cairo_line_to (cr, line.x[line.n - 1], line.y[line.n - 1]);
      cairo_set_line_width (cr, ARROW_WIDTH + 2 * grow);
      cairo_stroke (cr);
      arrow_head_path (cr, &line, grow);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* Props                                                              */

static void
fill_rect (cairo_t *cr,
           double   x0,
           double   y0,
           double   x1,
           double   y1)
{
  cairo_new_path (cr);
  cairo_rectangle (cr, MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0));
  cairo_fill (cr);
}

static void
draw_bench (Ctx              *ctx,
            const LimberProp *prop,
            const Palette    *pal)
{
  cairo_t *cr = ctx->cr;
  double x0, x1, top;
  double slab = prop->kind == LIMBER_PROP_BED ? 0.05 : 0.035;

  prop_extent (ctx, prop, &x0, &x1);
  top = prop_top (prop);
  set_color (cr, pal->prop);
  fill_rect (cr, x0, top - slab, x1, top);
  set_color (cr, pal->prop_dark);
  fill_rect (cr, x0 + 0.04, 0, x0 + 0.065, top - slab);
  fill_rect (cr, x1 - 0.065, 0, x1 - 0.04, top - slab);
}

static void
draw_chair (Ctx              *ctx,
            const LimberProp *prop,
            const Palette    *pal)
{
  cairo_t *cr = ctx->cr;
  double gx, gy, top, front;

  top = prop_top (prop);
  limber_scene_chair_grip (prop, &gx, &gy);
  front = prop->x + (prop->x - gx);
  set_color (cr, pal->prop_dark);
  fill_rect (cr, gx - 0.012, 0, gx + 0.012, gy);                 /* back leg and back */
  fill_rect (cr, front - 0.012, 0, front + 0.012, top);           /* front leg */
  set_color (cr, pal->prop);
  fill_rect (cr, MIN (gx, front) - 0.012, top - 0.03, MAX (gx, front) + 0.012, top);
  fill_rect (cr, gx - 0.02, gy - 0.11, gx + 0.02, gy);           /* the back rest */
}

static void
draw_round_prop (Ctx               *ctx,
                 LimberPropKind     kind,
                 double             x,
                 double             y,
                 double             r,
                 LimberFigureColor  fill,
                 const Palette     *pal)
{
  cairo_t *cr = ctx->cr;

  set_color (cr, fill);
  cairo_new_path (cr);
  path_circle (cr, x, y, r);
  cairo_fill (cr);
  if (kind == LIMBER_PROP_FOAM_ROLLER)
    {
      set_color (cr, pal->background);
      cairo_new_path (cr);
      path_circle (cr, x, y, r * 0.35);
      cairo_fill (cr);
    }
}

/* The floor, and what stands on it: drawn once under the phases. */
static void
draw_scene (Ctx           *ctx,
            const Palette *pal)
{
  cairo_t *cr = ctx->cr;
  guint n;
  const LimberProp *props = limber_figure_get_props (ctx->figure, &n);
  Bounds all;
  double x0, x1, top;

  bounds_empty (&all);
  bounds_union (&all, &ctx->body);
  scene_bounds (ctx, &all);
  if (ctx->view != LIMBER_VIEW_TOP)
    {
      set_color (cr, pal->prop_dark);
      fill_rect (cr, all.x0, -FLOOR_THICK, all.x1, 0);
    }
  for (guint i = 0; i < n; i++)
    {
      switch (props[i].kind)
        {
        case LIMBER_PROP_MAT:
          set_color (cr, pal->prop);
          prop_extent (ctx, &props[i], &x0, &x1);
          top = prop_top (&props[i]);
          /* Seen from above, the mat is all around: lighter, so the
           * far limbs still stand out on it. */
          if (ctx->view == LIMBER_VIEW_TOP)
            {
              set_color (cr, mix (pal->prop, pal->background, 0.55));
              fill_rect (cr, all.x0, all.y0, all.x1, all.y1);
            }
          else
            fill_rect (cr, x0, 0, x1, top);
          break;
        case LIMBER_PROP_BENCH:
        case LIMBER_PROP_BED:
          draw_bench (ctx, &props[i], pal);
          break;
        case LIMBER_PROP_CHAIR:
          draw_chair (ctx, &props[i], pal);
          break;
        case LIMBER_PROP_WALL:
          top = prop_top (&props[i]);
          set_color (cr, pal->prop);
          x0 = props[i].x > (ctx->body.x0 + ctx->body.x1) / 2 ? props[i].x + 0.035 : props[i].x - 0.035;
          fill_rect (cr, props[i].x, 0, x0, top);
          break;
        case LIMBER_PROP_FLOOR:
        case LIMBER_PROP_BALL:
        case LIMBER_PROP_FOAM_ROLLER:
        case LIMBER_PROP_TOWEL:
        case LIMBER_PROP_STRAP:
        case LIMBER_N_PROPS:
        default:
          break;
        }
    }
}

static void
draw_attached (Ctx                    *ctx,
               const LimberPoseSolved *s,
               const Palette          *pal,
               gboolean                marks)
{
  guint n;
  const LimberProp *props = limber_figure_get_props (ctx->figure, &n);
  const LimberPressure *pressure = limber_figure_get_pressure (ctx->figure);
  double x, y, r;

  if (ctx->style->draw_props)
    for (guint i = 0; i < n; i++)
      if (props[i].kind == LIMBER_PROP_BALL || props[i].kind == LIMBER_PROP_FOAM_ROLLER
          || props[i].kind == LIMBER_PROP_TOWEL)
        {
          limber_pose_prop_center (s, ctx->view, &props[i], &x, &y, &r);
          draw_round_prop (ctx, props[i].kind, x, y, r, pal->prop, pal);
        }
  /* The ball that presses is the pressure mark: in the accent colour. */
  if (pressure != NULL && pressure->by != LIMBER_PRESSURE_HAND)
    {
      limber_pose_pressure_ball (s, ctx->view, pressure, &x, &y, &r);
      draw_round_prop (ctx, pressure->by == LIMBER_PRESSURE_BALL ? LIMBER_PROP_BALL : LIMBER_PROP_FOAM_ROLLER,
                       x, y, r, marks && ctx->style->draw_pressure ? pal->accent : pal->prop, pal);
    }
}

static void
draw_straps (Ctx                    *ctx,
             const LimberPoseSolved *s,
             const Palette          *pal)
{
  cairo_t *cr = ctx->cr;
  guint n;
  const LimberProp *props = limber_figure_get_props (ctx->figure, &n);

  for (guint i = 0; i < n && ctx->style->draw_props; i++)
    {
      double top_x, top_y, sole_x, sole_y;

      if (props[i].kind != LIMBER_PROP_STRAP)
        continue;
      limber_pose_segment_point (s, ctx->view, props[i].to, 0.6, LIMBER_SURFACE_FRONT, 0.004, &top_x, &top_y);
      limber_pose_segment_point (s, ctx->view, props[i].to, 0.6, LIMBER_SURFACE_BACK, 0.004, &sole_x, &sole_y);
      set_color (cr, pal->prop_dark);
      cairo_set_line_width (cr, STRAP_WIDTH);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_new_path (cr);
      cairo_move_to (cr, s->x[props[i].from], s->y[props[i].from]);
      cairo_line_to (cr, sole_x, sole_y);
      cairo_line_to (cr, top_x, top_y);
      cairo_stroke (cr);
    }
}

/* ------------------------------------------------------------------ */
/* The body                                                           */

typedef enum
{
  UNIT_RIGHT_ARM = LIMBER_LIMB_RIGHT_ARM,
  UNIT_LEFT_ARM = LIMBER_LIMB_LEFT_ARM,
  UNIT_RIGHT_LEG = LIMBER_LIMB_RIGHT_LEG,
  UNIT_LEFT_LEG = LIMBER_LIMB_LEFT_LEG,
  UNIT_TRUNK,
  N_UNITS
} Unit;

/* Far arm, far leg, trunk and head, near leg, near arm.  A limb that
 * passes behind the body goes just before the trunk in a side view (the
 * far limbs are further still), first of all in a front view (where
 * the far limbs are no further than the near ones). */
static int
draw_order (Ctx                    *ctx,
            const LimberPoseSolved *s,
            Unit                    order[N_UNITS])
{
  static const Unit far[] = { UNIT_LEFT_ARM, UNIT_LEFT_LEG };
  static const Unit near[] = { UNIT_RIGHT_LEG, UNIT_RIGHT_ARM };
  gboolean front = ctx->view == LIMBER_VIEW_FRONT;
  int n = 0;

  for (guint i = 0; front && i < G_N_ELEMENTS (far); i++)
    if (s->behind & (1u << far[i]))
      order[n++] = far[i];
  for (guint i = 0; front && i < G_N_ELEMENTS (near); i++)
    if (s->behind & (1u << near[i]))
      order[n++] = near[i];
  for (guint i = 0; i < G_N_ELEMENTS (far); i++)
    if (!front || !(s->behind & (1u << far[i])))
      order[n++] = far[i];
  for (guint i = 0; !front && i < G_N_ELEMENTS (near); i++)
    if (s->behind & (1u << near[i]))
      order[n++] = near[i];
  order[n++] = UNIT_TRUNK;
  for (guint i = 0; i < G_N_ELEMENTS (near); i++)
    if (!(s->behind & (1u << near[i])))
      order[n++] = near[i];
  return n;
}

static Unit
unit_of (LimberSegment segment)
{
  int limb = limber_segment_limb (segment);

  return limb < 0 ? UNIT_TRUNK : (Unit) limb;
}

static void
path_unit (Ctx                    *ctx,
           const LimberPoseSolved *s,
           Unit                    unit,
           double                  grow)
{
  cairo_new_path (ctx->cr);
  if (unit == UNIT_TRUNK)
    {
      path_segment (ctx, s, LIMBER_SEGMENT_TRUNK, grow);
      path_segment (ctx, s, LIMBER_SEGMENT_HEAD, grow);
      return;
    }
  for (LimberSegment i = limber_limb_first ((LimberLimb) unit); i <= limber_limb_last ((LimberLimb) unit); i++)
    path_segment (ctx, s, i, grow);
}

/* A near limb's outline in the background colour, as one shape, left
 * out where it joins the trunk (a disc around the hip or shoulder). */
static void
draw_outline (Ctx                    *ctx,
              const LimberPoseSolved *s,
              Unit                    unit,
              const Palette          *pal)
{
  cairo_t *cr = ctx->cr;
  LimberSegment first = limber_limb_first ((LimberLimb) unit);
  LimberPoint root = limber_segment_start (first);
  double r = limber_segment_radius (first, ctx->view, 0) + LIMBER_FIGURE_OUTLINE + 0.006;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, -BIG, -BIG, 2 * BIG, 2 * BIG);
  path_circle (cr, s->x[root], s->y[root], r);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  /* Nor where it rests on the floor: a foot stands on the floor line,
   * not on a gap in it. */
  if (ctx->view != LIMBER_VIEW_TOP)
    {
      cairo_rectangle (cr, -BIG, s->support, 2 * BIG, BIG);
      cairo_clip (cr);
    }
  set_color (cr, pal->background);
  path_unit (ctx, s, unit, LIMBER_FIGURE_OUTLINE);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The highlighted stretch of one segment: a band across it, or the half
 * on one side, clipped to the segment's own shape. */
static void
draw_highlight_part (Ctx                    *ctx,
                     const LimberPoseSolved *s,
                     const LimberHighlight  *h,
                     const Palette          *pal)
{
  cairo_t *cr = ctx->cr;
  LimberPoint a = limber_segment_start (h->segment), b = limber_segment_end (h->segment);
  double len = hypot (s->x[b] - s->x[a], s->y[b] - s->y[a]);
  double ux = len > 0 ? (s->x[b] - s->x[a]) / len : 0, uy = len > 0 ? (s->y[b] - s->y[a]) / len : 1;
  double w = MAX (limber_segment_radius (h->segment, ctx->view, 0),
                  limber_segment_radius (h->segment, ctx->view, 1)) + 0.01;
  double e0 = h->from <= 0 ? w : 0, e1 = h->to >= 1 ? w : 0;
  double x0 = s->x[a] + ux * (len * h->from - e0), y0 = s->y[a] + uy * (len * h->from - e0);
  double x1 = s->x[a] + ux * (len * h->to + e1), y1 = s->y[a] + uy * (len * h->to + e1);
  double nx, ny, lo = -w, hi = w;

  cairo_save (cr);
  cairo_new_path (cr);
  path_segment (ctx, s, h->segment, 0);
  cairo_clip (cr);
  if (h->segment == LIMBER_SEGMENT_HEAD)
    {
      x0 = x1 = s->x[b];
      y0 = s->y[b] - w;
      y1 = s->y[b] + w;
      ux = 0, uy = 1;
    }
  limber_pose_surface_normal (s, ctx->view, h->segment, h->surface, &nx, &ny);
  if (nx != 0 || ny != 0)
    {
      /* The side's own half: from the middle line outward. */
      lo = 0;
      if (nx * -uy + ny * ux < 0)
        lo = -w, hi = 0;
    }
  set_color (cr, pal->accent);
  cairo_new_path (cr);
  cairo_move_to (cr, x0 - uy * lo, y0 + ux * lo);
  cairo_line_to (cr, x1 - uy * lo, y1 + ux * lo);
  cairo_line_to (cr, x1 - uy * hi, y1 + ux * hi);
  cairo_line_to (cr, x0 - uy * hi, y0 + ux * hi);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_highlights_after (Ctx                    *ctx,
                       const LimberPoseSolved *s,
                       Unit                    unit,
                       const Unit             *order,
                       int                     n_order,
                       const Palette          *pal)
{
  guint n;
  const LimberHighlight *h = limber_figure_get_highlights (ctx->figure, &n);
  int last = -1;

  /* The tissue is drawn with whichever of its segments comes last. */
  for (guint i = 0; i < n; i++)
    for (int k = 0; k < n_order; k++)
      if (order[k] == unit_of (h[i].segment))
        last = MAX (last, k);
  if (last < 0 || order[last] != unit)
    return;
  for (guint i = 0; i < n; i++)
    draw_highlight_part (ctx, s, &h[i], pal);
}

/* Where the hand presses: a dot in the accent colour, outlined. */
static void
draw_pressure_dot (Ctx                    *ctx,
                   const LimberPoseSolved *s,
                   const Palette          *pal)
{
  cairo_t *cr = ctx->cr;
  const LimberPressure *pressure = limber_figure_get_pressure (ctx->figure);
  double x, y;

  if (pressure == NULL || pressure->by != LIMBER_PRESSURE_HAND)
    return;
  limber_pose_segment_point (s, ctx->view, pressure->segment, pressure->at, pressure->surface, 0, &x, &y);
  set_color (cr, pal->background);
  cairo_new_path (cr);
  path_circle (cr, x, y, PRESSURE_DOT + LIMBER_FIGURE_OUTLINE * 0.6);
  cairo_fill (cr);
  set_color (cr, pal->accent);
  cairo_new_path (cr);
  path_circle (cr, x, y, PRESSURE_DOT);
  cairo_fill (cr);
}

static void
draw_body (Ctx                    *ctx,
           const LimberPoseSolved *s,
           const Palette          *pal,
           gboolean                marks)
{
  Unit order[N_UNITS];
  int n = draw_order (ctx, s, order);

  for (int i = 0; i < n; i++)
    {
      gboolean near = order[i] == UNIT_RIGHT_ARM || order[i] == UNIT_RIGHT_LEG;

      /* Balls and rollers under the body: behind the trunk, but in
       * front of the limbs that lie beside it on the far side. */
      if (order[i] == UNIT_TRUNK)
        draw_attached (ctx, s, pal, marks);

      if (order[i] == UNIT_RIGHT_ARM)
        draw_straps (ctx, s, pal);
      if (near)
        draw_outline (ctx, s, order[i], pal);
      set_color (ctx->cr, near || order[i] == UNIT_TRUNK ? pal->near : pal->far);
      path_unit (ctx, s, order[i], 0);
      cairo_fill (ctx->cr);
      if (marks && ctx->style->draw_highlight)
        draw_highlights_after (ctx, s, order[i], order, n, pal);
    }
  if (marks && ctx->style->draw_pressure)
    draw_pressure_dot (ctx, s, pal);
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

  bounds_empty (&ctx->body);
  for (int i = 0; i < LIMBER_N_PHASES; i++)
    if (panel->phase[i] || both)
      body_bounds (ctx, limber_figure_get_solved (ctx->figure, i), &ctx->body);
  *b = ctx->body;
  for (int i = 0; i < LIMBER_N_PHASES; i++)
    if (panel->phase[i])
      attached_bounds (ctx, limber_figure_get_solved (ctx->figure, i), b);
  if (ctx->style->draw_props)
    scene_bounds (ctx, b);
  if (panel->arrow)
    arrow_bounds (ctx, b);
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

  palette_init (&full, ctx->style, FALSE);
  palette_init (&faded, ctx->style, TRUE);
  panel_bounds (ctx, panel, &unused);

  cairo_save (ctx->cr);
  panel_transform (ctx->cr, panel, ctx->style->mirror);
  if (ctx->style->draw_props)
    draw_scene (ctx, &full);
  if (panel->phase[LIMBER_PHASE_SHORTENED])
    draw_body (ctx, limber_figure_get_solved (ctx->figure, LIMBER_PHASE_SHORTENED),
               panel->overlaid ? &faded : &full, !panel->overlaid);
  if (panel->phase[LIMBER_PHASE_LENGTHENED])
    draw_body (ctx, limber_figure_get_solved (ctx->figure, LIMBER_PHASE_LENGTHENED), &full, TRUE);
  if (panel->arrow)
    draw_arrow (ctx);
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
      set_color (cr, ctx.style->background);
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
