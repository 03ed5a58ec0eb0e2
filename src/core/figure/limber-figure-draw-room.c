/* limber-figure-draw-room.c — the floor and the props of a figure seen
 * through a camera: boxes in the body's 3D space, projected
 *
 * A mat, a bench, a bed, a chair and a wall are boxes (a bench is a
 * slab on four legs); each box shows the faces that look toward the
 * viewer, the top lighter than the sides, with an edge, so a leg that
 * hangs over a bed's edge is seen to hang over it.  The floor is the
 * patch of ground under the body, with its near edge drawn as the floor
 * line of the side view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <math.h>

#include "limber-figure-draw-private.h"

#define ROOM_MARGIN   0.1     /* ground beyond the body, in body heights */
#define FLOOR_THICK   0.014
#define MAT_MARGIN    0.06
#define EDGE_WIDTH    0.008
#define LEG           0.022
#define MAX_BOXES     24

typedef struct
{
  double lo[3], hi[3];
  double shade;               /* the sides: 0 the prop's fill, 1 its edge */
  gboolean dark;              /* legs: in the edge colour */
} Box;

typedef struct
{
  double x0, x1, z0, z1;      /* the body's extent over the ground */
  Box    boxes[MAX_BOXES];
  int    n;
} Room;

static void
body_extent (Ctx  *ctx,
             Room *room)
{
  room->x0 = room->z0 = G_MAXDOUBLE;
  room->x1 = room->z1 = -G_MAXDOUBLE;
  for (int phase = 0; phase < LIMBER_N_PHASES; phase++)
    {
      const LimberPoseSolved *s = limber_figure_get_solved (ctx->figure, phase);

      for (int i = 0; i < LIMBER_N_POINTS; i++)
        {
          room->x0 = MIN (room->x0, s->world[i][0]);
          room->x1 = MAX (room->x1, s->world[i][0]);
          room->z0 = MIN (room->z0, s->world[i][2]);
          room->z1 = MAX (room->z1, s->world[i][2]);
        }
    }
}

static void
add_box (Room   *room,
         double  x0, double y0, double z0,
         double  x1, double y1, double z1,
         gboolean dark)
{
  Box *b;

  if (room->n >= MAX_BOXES)
    return;
  b = &room->boxes[room->n++];
  b->lo[0] = MIN (x0, x1), b->hi[0] = MAX (x0, x1);
  b->lo[1] = MIN (y0, y1), b->hi[1] = MAX (y0, y1);
  b->lo[2] = MIN (z0, z1), b->hi[2] = MAX (z0, z1);
  b->shade = 0.18;
  b->dark = dark;
}

static double
prop_top (const LimberProp *prop)
{
  return prop->has_height ? prop->height : limber_prop_default_height (prop->kind);
}

/* Along x: where the figure says, or under the whole body. */
static void
prop_span (const Room       *room,
           const LimberProp *prop,
           double            margin,
           double           *x0,
           double           *x1)
{
  double mid = (room->x0 + room->x1) / 2;

  if (prop->has_x)
    mid = prop->x;
  if (prop->has_width)
    *x0 = mid - prop->width / 2, *x1 = mid + prop->width / 2;
  else
    *x0 = room->x0 - margin, *x1 = room->x1 + margin;
}

static void
add_table (Room *room, double x0, double x1, double z0, double z1, double top, double slab)
{
  double lx[2] = { x0 + 0.03, x1 - 0.03 - LEG }, lz[2] = { z0 + 0.02, z1 - 0.02 - LEG };

  for (int i = 0; i < 2; i++)
    for (int k = 0; k < 2; k++)
      add_box (room, lx[i], 0, lz[k], lx[i] + LEG, top - slab, lz[k] + LEG, TRUE);
  add_box (room, x0, top - slab, z0, x1, top, z1, FALSE);
}

/* Across a bed under a body on its side: from the back of the trunk
 * when a limb hangs below the top (the person lies with the back at
 * the edge), else under the whole body; to the front of the body. */
static void
bed_across (Ctx        *ctx,
            const Room *room,
            double      top,
            double     *z0,
            double     *z1)
{
  static const LimberPoint trunk[] = { LIMBER_POINT_PELVIS, LIMBER_POINT_NECK };
  double back = G_MAXDOUBLE, low = G_MAXDOUBLE;
  double radius = MAX (limber_segment_radius (LIMBER_SEGMENT_TRUNK, LIMBER_VIEW_SIDE, 0),
                       limber_segment_radius (LIMBER_SEGMENT_TRUNK, LIMBER_VIEW_SIDE, 1));

  for (int phase = 0; phase < LIMBER_N_PHASES; phase++)
    {
      const LimberPoseSolved *s = limber_figure_get_solved (ctx->figure, phase);

      for (guint i = 0; i < G_N_ELEMENTS (trunk); i++)
        back = MIN (back, s->world[trunk[i]][2] - radius);
      for (int i = 0; i < LIMBER_N_POINTS; i++)
        low = MIN (low, s->world[i][1]);
    }
  *z0 = low < top - 0.01 ? back : room->z0 - MAT_MARGIN;
  *z1 = room->z1 + MAT_MARGIN;
}

static void
build_room (Ctx  *ctx,
            Room *room)
{
  guint n;
  const LimberProp *props = limber_figure_get_props (ctx->figure, &n);
  double x0, x1, z0, z1, gx, gy, top, half_z;

  room->n = 0;
  body_extent (ctx, room);
  half_z = MAX (fabs (room->z0), fabs (room->z1));
  for (guint i = 0; i < n; i++)
    {
      const LimberProp *prop = &props[i];

      top = prop_top (prop);
      switch (prop->kind)
        {
        case LIMBER_PROP_MAT:
          prop_span (room, prop, MAT_MARGIN, &x0, &x1);
          add_box (room, x0, 0, room->z0 - MAT_MARGIN, x1, top, room->z1 + MAT_MARGIN, FALSE);
          break;
        case LIMBER_PROP_BENCH:
        case LIMBER_PROP_BED:
          prop_span (room, prop, 0.02, &x0, &x1);
          z0 = -MAX (0.16, half_z * 0.7), z1 = -z0;
          if (prop->kind == LIMBER_PROP_BED && ctx->view == LIMBER_VIEW_TOP)
            bed_across (ctx, room, top, &z0, &z1);
          add_table (room, x0, x1, z0, z1, top, prop->kind == LIMBER_PROP_BED ? 0.05 : 0.035);
          break;
        case LIMBER_PROP_CHAIR:
          limber_scene_chair_grip (prop, &gx, &gy);
          add_table (room, MIN (gx, 2 * prop->x - gx) - 0.012, MAX (gx, 2 * prop->x - gx) + 0.012,
                     -0.12, 0.12, top, 0.03);
          add_box (room, gx - 0.012, top, -0.12, gx + 0.012, gy, 0.12, FALSE);
          break;
        case LIMBER_PROP_WALL:
          x0 = prop->x > (room->x0 + room->x1) / 2 ? prop->x + 0.035 : prop->x - 0.035;
          add_box (room, prop->x, 0, -0.35, x0, top, 0.35, FALSE);
          break;
        case LIMBER_PROP_FLOOR:
        case LIMBER_PROP_BALL:
        case LIMBER_PROP_FOAM_ROLLER:
        case LIMBER_PROP_TOWEL:
        case LIMBER_PROP_STRAP:
        case LIMBER_PROP_PILLOW:
        case LIMBER_N_PROPS:
        default:
          break;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Projecting                                                         */

static void
to_screen (Ctx *ctx, double x, double y, double z, double *sx, double *sy, double *depth)
{
  const double p[3] = { x, y, z };
  double unused;

  limber_camera_project (limber_figure_get_camera (ctx->figure), p, sx, sy, depth ? depth : &unused);
}

static void
corner (const Box *b, int i, double p[3])
{
  p[0] = (i & 1) ? b->hi[0] : b->lo[0];
  p[1] = (i & 2) ? b->hi[1] : b->lo[1];
  p[2] = (i & 4) ? b->hi[2] : b->lo[2];
}

static double
box_depth (Ctx *ctx, const Box *b)
{
  double x, y, d;

  to_screen (ctx, (b->lo[0] + b->hi[0]) / 2, (b->lo[1] + b->hi[1]) / 2, (b->lo[2] + b->hi[2]) / 2,
             &x, &y, &d);
  return d;
}

static void
ground (Ctx *ctx, const Room *room, double sx[4], double sy[4])
{
  double x[2] = { room->x0 - ROOM_MARGIN, room->x1 + ROOM_MARGIN };
  double z[2] = { room->z0 - ROOM_MARGIN, room->z1 + ROOM_MARGIN };
  const int order[4][2] = { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 0, 1 } };

  for (int i = 0; i < 4; i++)
    to_screen (ctx, x[order[i][0]], 0, z[order[i][1]], &sx[i], &sy[i], NULL);
}

void
_limber_draw_room_bounds (Ctx    *ctx,
                          Bounds *b)
{
  Room room;
  double sx[4], sy[4], p[3], x, y;

  build_room (ctx, &room);
  ground (ctx, &room, sx, sy);
  for (int i = 0; i < 4; i++)
    _limber_draw_bounds_add (b, sx[i], sy[i], FLOOR_THICK);
  for (int k = 0; k < room.n; k++)
    for (int i = 0; i < 8; i++)
      {
        corner (&room.boxes[k], i, p);
        to_screen (ctx, p[0], p[1], p[2], &x, &y, NULL);
        _limber_draw_bounds_add (b, x, y, EDGE_WIDTH);
      }
}

/* ------------------------------------------------------------------ */
/* Drawing                                                            */

/* The faces of a box, as corner numbers, and which way each looks. */
static const int faces[6][4] = {
  { 0, 2, 6, 4 }, { 1, 3, 7, 5 },   /* -x, +x */
  { 0, 1, 5, 4 }, { 2, 3, 7, 6 },   /* -y, +y */
  { 0, 1, 3, 2 }, { 4, 5, 7, 6 },   /* -z, +z */
};

static void
draw_box (Ctx *ctx, const Box *b, const Palette *pal)
{
  cairo_t *cr = ctx->cr;
  double sx[8], sy[8], sd[8], p[3], ox, oy, od, dir[3];
  const LimberCamera *camera = limber_figure_get_camera (ctx->figure);

  /* Toward the viewer, in the room's axes. */
  to_screen (ctx, 0, 0, 0, &ox, &oy, &od);
  for (int a = 0; a < 3; a++)
    {
      double q[3] = { a == 0, a == 1, a == 2 }, x, y;

      limber_camera_project (camera, q, &x, &y, &dir[a]);
      dir[a] -= od;
    }
  for (int i = 0; i < 8; i++)
    {
      corner (b, i, p);
      to_screen (ctx, p[0], p[1], p[2], &sx[i], &sy[i], &sd[i]);
    }
  for (int f = 0; f < 6; f++)
    {
      double facing = dir[f / 2] * (f % 2 ? 1 : -1);
      LimberFigureColor fill;

      if (facing <= 1e-6)
        continue;
      fill = b->dark ? pal->prop_dark
                     : f == 3 ? pal->prop : _limber_draw_mix (pal->prop, pal->prop_dark, b->shade);
      cairo_new_path (cr);
      for (int k = 0; k < 4; k++)
        cairo_line_to (cr, sx[faces[f][k]], sy[faces[f][k]]);
      cairo_close_path (cr);
      _limber_draw_set_color (cr, fill);
      cairo_fill_preserve (cr);
      _limber_draw_set_color (cr, pal->prop_dark);
      cairo_set_line_width (cr, EDGE_WIDTH);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
}

void
_limber_draw_room (Ctx           *ctx,
                   const Palette *pal)
{
  cairo_t *cr = ctx->cr;
  Room room;
  double sx[4], sy[4];
  int order[MAX_BOXES];

  build_room (ctx, &room);
  ground (ctx, &room, sx, sy);
  cairo_new_path (cr);
  for (int i = 0; i < 4; i++)
    cairo_line_to (cr, sx[i], sy[i]);
  cairo_close_path (cr);
  _limber_draw_set_color (cr, _limber_draw_mix (pal->background, pal->prop, 0.5));
  cairo_fill (cr);
  /* The near edge of the ground: the floor line. */
  _limber_draw_set_color (cr, pal->prop_dark);
  cairo_set_line_width (cr, FLOOR_THICK);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_new_path (cr);
  {
    double d0, d1, x, y;

    to_screen (ctx, 0, 0, room.z0, &x, &y, &d0);
    to_screen (ctx, 0, 0, room.z1, &x, &y, &d1);
    if (d1 >= d0)
      cairo_move_to (cr, sx[3], sy[3]), cairo_line_to (cr, sx[2], sy[2]);
    else
      cairo_move_to (cr, sx[0], sy[0]), cairo_line_to (cr, sx[1], sy[1]);
  }
  cairo_stroke (cr);

  /* Far boxes first. */
  for (int i = 0; i < room.n; i++)
    order[i] = i;
  for (int i = 1; i < room.n; i++)
    for (int k = i; k > 0 && box_depth (ctx, &room.boxes[order[k]]) < box_depth (ctx, &room.boxes[order[k - 1]]); k--)
      {
        int t = order[k];

        order[k] = order[k - 1];
        order[k - 1] = t;
      }
  for (int i = 0; i < room.n; i++)
    draw_box (ctx, &room.boxes[order[i]], pal);
}
