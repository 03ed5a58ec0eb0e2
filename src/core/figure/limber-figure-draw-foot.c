/* limber-figure-draw-foot.c — a foot drawn as a shoe-like wedge
 *
 * With feet="shaped" and a camera, a foot is not the short capsule of
 * the other segments: it is a wedge built in 3D (a narrow heel behind
 * and below the ankle, a wide, flat toe end, a sole under both) and
 * drawn as the outline of its corners seen through the camera, so which
 * way the toes point shows from any direction: from above a foot widens
 * toward its toes, from the side it is high at the ankle and low at the
 * toes, and where the sole faces the viewer it is drawn lighter inside
 * a dark rim.  Without feet="shaped" nothing here is used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <math.h>
#include <string.h>

#include "limber-figure-draw-private.h"
#include "limber-figure-vec-private.h"

/* In body heights: the foot segment (ankle to toe) is 0.10 long. */
#define HEEL_BACK     0.035   /* the heel behind the ankle */
#define SOLE_DOWN     0.028   /* the sole below the ankle and the toe */
#define INSTEP_UP     0.014   /* the top of the foot above the ankle */
#define TOE_BEYOND    0.014   /* the toe end past the toe point */
#define HEEL_HALF     0.022   /* half the heel's width */
#define TOE_HALF      0.040   /* half the toe end's width */
#define INSTEP_HALF   0.026
#define CORNER        0.008   /* the wedge's rounded corners */
#define SOLE_SHOWS    0.2     /* how squarely the sole faces the viewer */
#define SOLE_INSET    0.72    /* the light sole inside its dark rim */
#define SOLE_TONE     0.5     /* how far the sole fades toward the background */

enum { HEEL_L, HEEL_R, TOE_L, TOE_R, INSTEP_L, INSTEP_R, TOP_L, TOP_R, N_CORNERS };

static gboolean
shaped (Ctx                    *ctx,
        const LimberPoseSolved *s,
        LimberSegment           segment)
{
  return s->projected && (segment == LIMBER_SEGMENT_RIGHT_FOOT || segment == LIMBER_SEGMENT_LEFT_FOOT)
         && limber_figure_get_shaped_feet (ctx->figure);
}

/* The foot's frame in 3D: along it (heel to toes), across it, and up
 * out of its top (away from the sole, toward the shin). */
static void
foot_frame (const LimberPoseSolved *s,
            LimberSegment           segment,
            Vec                     along,
            Vec                     across,
            Vec                     up)
{
  LimberPoint ankle = limber_segment_start (segment), toe = limber_segment_end (segment);
  LimberPoint knee = limber_segment_start (limber_segment_parent (segment));
  Vec shin;

  for (int i = 0; i < 3; i++)
    {
      along[i] = s->world[toe][i] - s->world[ankle][i];
      shin[i] = s->world[ankle][i] - s->world[knee][i];
    }
  vec_norm (along);
  vec_norm (shin);
  vec_cross (along, shin, across);
  if (vec_norm (across) < 0.25)
    {
      /* The foot in line with the shin (pointed): across is the hips'
       * line, made square to the foot. */
      Vec hips;
      double d;

      for (int i = 0; i < 3; i++)
        hips[i] = s->world[LIMBER_POINT_RIGHT_HIP][i] - s->world[LIMBER_POINT_LEFT_HIP][i];
      d = vec_dot (hips, along);
      for (int i = 0; i < 3; i++)
        across[i] = hips[i] - d * along[i];
      if (vec_norm (across) < 1e-6)
        across[0] = 0, across[1] = 0, across[2] = 1;
    }
  vec_cross (across, along, up);
  vec_norm (up);
  if (vec_dot (up, shin) > 0 || (fabs (vec_dot (up, shin)) < 1e-3 && up[1] < 0))
    for (int i = 0; i < 3; i++)
      up[i] = -up[i];
}

/* The wedge's corners in 3D. */
static void
foot_corners (const LimberPoseSolved *s,
              LimberSegment           segment,
              Vec                     corner[N_CORNERS],
              Vec                     up)
{
  LimberPoint ankle = limber_segment_start (segment);
  double len;
  Vec along, across;
  static const struct { double along, up, half; } place[N_CORNERS / 2] = {
    { -HEEL_BACK, -SOLE_DOWN, HEEL_HALF },
    { 1, -SOLE_DOWN, TOE_HALF },            /* along 1: the toe point… */
    { 0, INSTEP_UP, INSTEP_HALF },
    { 1, -SOLE_DOWN * 0.15, TOE_HALF * 0.9 },
  };
  const double *a = s->world[ankle], *t = s->world[limber_segment_end (segment)];

  foot_frame (s, segment, along, across, up);
  len = sqrt ((t[0] - a[0]) * (t[0] - a[0]) + (t[1] - a[1]) * (t[1] - a[1]) + (t[2] - a[2]) * (t[2] - a[2]));
  for (int k = 0; k < N_CORNERS / 2; k++)
    {
      /* …plus a little: the toe end is blunt, past the toe point. */
      double f = place[k].along == 1 ? len + TOE_BEYOND : place[k].along;

      for (int side = 0; side < 2; side++)
        for (int i = 0; i < 3; i++)
          corner[2 * k + side][i] = a[i] + along[i] * f + up[i] * place[k].up
                                    + across[i] * place[k].half * (side ? 1 : -1);
    }
}

static void
project_all (Ctx         *ctx,
             const Vec   *p,
             int          n,
             double      *x,
             double      *y)
{
  const LimberCamera *camera = limber_figure_get_camera (ctx->figure);
  double depth;

  for (int i = 0; i < n; i++)
    limber_camera_project (camera, p[i], &x[i], &y[i], &depth);
}

/* Counter-clockwise convex hull (Andrew's monotone chain), in place;
 * returns how many points it keeps. */
static int
hull (double *x,
      double *y,
      int     n)
{
  double px[2 * N_CORNERS], py[2 * N_CORNERS];
  int order[N_CORNERS], k = 0;

  for (int i = 0; i < n; i++)
    order[i] = i;
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && (x[order[j]] < x[order[j - 1]]
                              || (x[order[j]] == x[order[j - 1]] && y[order[j]] < y[order[j - 1]])); j--)
      {
        int t = order[j];

        order[j] = order[j - 1];
        order[j - 1] = t;
      }
  for (int pass = 0; pass < 2; pass++)
    {
      int start = k;

      for (int m = 0; m < n; m++)
        {
          int i = order[pass == 0 ? m : n - 1 - m];

          while (k >= start + 2
                 && (px[k - 1] - px[k - 2]) * (y[i] - py[k - 2]) - (py[k - 1] - py[k - 2]) * (x[i] - px[k - 2]) <= 1e-12)
            k--;
          px[k] = x[i], py[k] = y[i], k++;
        }
      k--;   /* the last point is the first of the next chain */
    }
  for (int i = 0; i < k; i++)
    x[i] = px[i], y[i] = py[i];
  return k;
}

/* The foot's outline as seen, counter-clockwise: FALSE when this
 * segment is not drawn as a wedge. */
static gboolean
outline (Ctx                    *ctx,
         const LimberPoseSolved *s,
         LimberSegment           segment,
         double                  x[N_CORNERS],
         double                  y[N_CORNERS],
         int                    *n)
{
  Vec corner[N_CORNERS], up;

  if (!shaped (ctx, s, segment))
    return FALSE;
  foot_corners (s, segment, corner, up);
  project_all (ctx, (const Vec *) corner, N_CORNERS, x, y);
  *n = hull (x, y, N_CORNERS);
  return *n >= 3;
}

gboolean
_limber_draw_path_foot (Ctx                    *ctx,
                        const LimberPoseSolved *s,
                        LimberSegment           segment,
                        double                  grow)
{
  double x[N_CORNERS], y[N_CORNERS];
  int n;

  if (!outline (ctx, s, segment, x, y, &n))
    return FALSE;
  _limber_draw_path_rounded_polygon (ctx->cr, x, y, n, CORNER + grow);
  return TRUE;
}

void
_limber_draw_foot_bounds (Ctx                    *ctx,
                          const LimberPoseSolved *s,
                          Bounds                 *b)
{
  static const LimberSegment feet[] = { LIMBER_SEGMENT_RIGHT_FOOT, LIMBER_SEGMENT_LEFT_FOOT };
  double x[N_CORNERS], y[N_CORNERS];
  int n;

  for (guint f = 0; f < G_N_ELEMENTS (feet); f++)
    if (outline (ctx, s, feet[f], x, y, &n))
      for (int i = 0; i < n; i++)
        _limber_draw_bounds_add (b, x[i], y[i], CORNER + LIMBER_FIGURE_OUTLINE);
}

/* The sole, lighter, inside a dark rim, when it faces the viewer. */
void
_limber_draw_foot_sole (Ctx                    *ctx,
                        const LimberPoseSolved *s,
                        LimberLimb              limb,
                        LimberFigureColor       color,
                        const Palette          *pal)
{
  LimberSegment segment = limber_limb_last (limb);
  const LimberCamera *camera = limber_figure_get_camera (ctx->figure);
  Vec corner[N_CORNERS], up, sole[4];
  double x[4], y[4], cx = 0, cy = 0, facing, unused, area = 0;

  if ((limb != LIMBER_LIMB_RIGHT_LEG && limb != LIMBER_LIMB_LEFT_LEG) || !shaped (ctx, s, segment))
    return;
  foot_corners (s, segment, corner, up);
  for (int i = 0; i < 3; i++)
    up[i] = -up[i];
  limber_camera_project (camera, up, &unused, &unused, &facing);
  if (facing < SOLE_SHOWS)
    return;
  memcpy (sole[0], corner[HEEL_L], sizeof (Vec));
  memcpy (sole[1], corner[TOE_L], sizeof (Vec));
  memcpy (sole[2], corner[TOE_R], sizeof (Vec));
  memcpy (sole[3], corner[HEEL_R], sizeof (Vec));
  project_all (ctx, (const Vec *) sole, 4, x, y);
  for (int i = 0; i < 4; i++)
    {
      cx += x[i] / 4, cy += y[i] / 4;
      area += x[i] * y[(i + 1) % 4] - x[(i + 1) % 4] * y[i];
    }
  for (int i = 0; i < 4; i++)
    x[i] = cx + (x[i] - cx) * SOLE_INSET, y[i] = cy + (y[i] - cy) * SOLE_INSET;
  if (area < 0)
    {
      /* Counter-clockwise for the rounded polygon. */
      double t;

      t = x[1], x[1] = x[3], x[3] = t;
      t = y[1], y[1] = y[3], y[3] = t;
    }
  _limber_draw_set_color (ctx->cr, _limber_draw_mix (color, pal->background, SOLE_TONE));
  cairo_new_path (ctx->cr);
  _limber_draw_path_rounded_polygon (ctx->cr, x, y, 4, CORNER * 0.5);
  cairo_fill (ctx->cr);
}

/* ------------------------------------------------------------------ */
/* The turn of the toes: <arrow toes="right-foot">                    */

#define TURN_MIN      5.0     /* degrees: a smaller turn gets no arc */
#define TURN_BEYOND   0.05    /* the arc outside the toe end */

/* How far the toes turn out (+) from the shortened phase to the
 * lengthened one: the ankle's turn and the hip's about the leg. */
static double
toe_turn (LimberFigure  *figure,
          LimberSegment  foot)
{
  gboolean right = foot == LIMBER_SEGMENT_RIGHT_FOOT;
  LimberTurn ankle = right ? LIMBER_TURN_RIGHT_ANKLE_TURN : LIMBER_TURN_LEFT_ANKLE_TURN;
  LimberTurn hip = right ? LIMBER_TURN_RIGHT_HIP_TURN : LIMBER_TURN_LEFT_HIP_TURN;
  const LimberPose *a = limber_figure_get_pose (figure, LIMBER_PHASE_SHORTENED);
  const LimberPose *b = limber_figure_get_pose (figure, LIMBER_PHASE_LENGTHENED);

  return (b->turn[ankle] + b->turn[hip]) - (a->turn[ankle] + a->turn[hip]);
}

/**
 * _limber_draw_foot_turn:
 *
 * The arc around the lengthened phase's foot, from where its toes
 * pointed before the turn to where they point now, seen through the
 * camera: at most @max points into @x, @y.
 *
 * Returns: how many points (0: no arc)
 */
int
_limber_draw_foot_turn (Ctx    *ctx,
                        double *x,
                        double *y,
                        int     max)
{
  int foot = limber_figure_get_arrow_toes (ctx->figure);
  const LimberPoseSolved *s = limber_figure_get_solved (ctx->figure, LIMBER_PHASE_LENGTHENED);
  double turn, radius, side;
  Vec along, across, up, shin, e1, e2, toe, p[1];
  LimberPoint ankle, knee;
  double d;

  if (foot < 0 || !s->projected || max < 2)
    return 0;
  turn = toe_turn (ctx->figure, foot);
  if (fabs (turn) < TURN_MIN)
    return 0;
  ankle = limber_segment_start (foot);
  knee = limber_segment_start (limber_segment_parent (foot));
  side = limber_segment_side (foot);
  foot_frame (s, foot, along, across, up);
  for (int i = 0; i < 3; i++)
    shin[i] = s->world[ankle][i] - s->world[knee][i];
  vec_norm (shin);
  /* The toes turn about the shin (as the solver turns them): the arc
   * lies square to it, through the toe end. */
  d = vec_dot (along, shin);
  for (int i = 0; i < 3; i++)
    e1[i] = along[i] - d * shin[i];
  if (vec_norm (e1) < 1e-6)
    return 0;
  vec_cross (shin, e1, e2);
  for (int i = 0; i < 3; i++)
    toe[i] = s->world[limber_segment_end (foot)][i] - s->world[ankle][i];
  radius = sqrt (vec_dot (toe, toe));
  radius += TOE_BEYOND + TURN_BEYOND;
  for (int k = 0; k < max; k++)
    {
      double phi = side * turn * G_PI / 180 * ((double) k / (max - 1) - 1);

      for (int i = 0; i < 3; i++)
        p[0][i] = s->world[ankle][i] + radius * (e1[i] * cos (phi) + e2[i] * sin (phi)) - up[i] * SOLE_DOWN * 0.5;
      project_all (ctx, (const Vec *) p, 1, &x[k], &y[k]);
    }
  return max;
}
