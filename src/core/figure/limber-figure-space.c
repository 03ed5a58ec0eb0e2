/* limber-figure-space.c — a solved pose in 3D, seen through a camera
 *
 * A figure with a camera is posed in two steps.  The side view's solver
 * (bends in the body's middle plane, the constraints, the grounding)
 * runs first, as for every figure; then its points are lifted into 3D
 * (hips and shoulders beside the middle plane), the turns that a side
 * view cannot show are made as rotations of whole parts of the body
 * (a leg out to the side, a foot turned out, the chest turned), the
 * reaches to the body are solved again in 3D (an ankle crosses over to
 * the other knee), a body on its side is rolled down, and everything is
 * projected through the camera (orthographic), keeping each point's
 * depth for the draw order and the tones.
 *
 * Axes: x toward where the figure faces, y up, z toward the figure's
 * right.  A figure without a camera never comes here: it draws exactly
 * as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <string.h>

#include "limber-figure-pose-private.h"
#include "limber-figure-vec-private.h"

#define IK_PASSES    2
#define REACH_SLACK  0.08   /* the most a reach stops off its target in 2D */

/* Turns point @p by @degrees around the axis (unit @axis) through @o,
 * counter-clockwise looking down the axis (Rodrigues). */
static void
rotate_point (double *p, const Vec o, const Vec axis, double deg)
{
  double a = radians (deg), c = cos (a), s = sin (a);
  Vec v = { p[0] - o[0], p[1] - o[1], p[2] - o[2] };
  double d = vec_dot (axis, v);
  Vec k = { axis[1] * v[2] - axis[2] * v[1], axis[2] * v[0] - axis[0] * v[2], axis[0] * v[1] - axis[1] * v[0] };

  for (int i = 0; i < 3; i++)
    p[i] = o[i] + v[i] * c + k[i] * s + axis[i] * d * (1 - c);
}

static void
rotate_points (double           (*w)[3],
               const LimberPoint *points,
               int                n,
               LimberPoint        origin,
               const Vec          axis,
               double             deg)
{
  Vec o = { w[origin][0], w[origin][1], w[origin][2] };

  if (deg == 0)
    return;
  for (int i = 0; i < n; i++)
    rotate_point (w[points[i]], o, axis, deg);
}

static void
axis_of (double (*w)[3], LimberPoint from, LimberPoint to, Vec axis)
{
  vec_set (axis, w[to][0] - w[from][0], w[to][1] - w[from][1], w[to][2] - w[from][2]);
  if (vec_norm (axis) < 1e-9)
    vec_set (axis, 0, -1, 0);
}

/* ------------------------------------------------------------------ */
/* Lifting and turning                                                */

/* How far beside the middle plane a point is: the hips and shoulders,
 * and every point of a limb hung from them. */
static double
lateral (LimberPoint point)
{
  for (LimberLimb limb = 0; limb < LIMBER_N_LIMBS; limb++)
    if (limber_point_on_limb (point, limb) || point == limber_segment_start (limber_limb_first (limb)))
      {
        LimberSegment first = limber_limb_first (limb);
        double half = _limber_skeleton[first].kind == KIND_THIGH ? FRONT_HIP : FRONT_SHOULDER;

        return half * _limber_skeleton[first].side;
      }
  return 0;
}

/* One leg or arm: its foot turned, the limb turned about its own axis,
 * then moved out to the side: in the plane of the limb and the body's
 * side, so a hanging leg rises sideways, a bent knee of someone lying
 * on the back falls out toward the floor, a sitting thigh opens. */
static void
turn_limb (double (*w)[3], LimberLimb limb, const double *turn, const Vec forward)
{
  LimberSegment first = limber_limb_first (limb);
  gboolean leg = _limber_skeleton[first].kind == KIND_THIGH;
  double side = _limber_skeleton[first].side;
  LimberPoint root = _limber_skeleton[first].start, mid = _limber_skeleton[first].end;
  LimberPoint end = _limber_skeleton[first + 1].end;
  int base = leg ? (side > 0 ? LIMBER_TURN_RIGHT_HIP_OUT : LIMBER_TURN_LEFT_HIP_OUT)
                 : (side > 0 ? LIMBER_TURN_RIGHT_SHOULDER_OUT : LIMBER_TURN_LEFT_SHOULDER_OUT);
  LimberPoint below_mid[2] = { end, leg ? _limber_skeleton[first + 2].end : end };
  LimberPoint whole[3] = { mid, end, below_mid[1] };
  Vec axis, bone;

  if (leg)
    {
      LimberPoint toe = _limber_skeleton[first + 2].end;

      axis_of (w, mid, end, axis);
      rotate_points (w, &toe, 1, end, axis, side * turn[base + 2]);
    }
  axis_of (w, root, mid, bone);
  rotate_points (w, below_mid, leg ? 2 : 1, root, bone, side * turn[base + 1]);
  /* The bone crossed with the body's side (z, this limb's way). */
  vec_set (axis, bone[1] * side, -bone[0] * side, 0);
  if (vec_norm (axis) < 1e-6)
    memcpy (axis, forward, sizeof (Vec));
  rotate_points (w, whole, leg ? 3 : 2, root, axis, turn[base]);
}

static void
turn_body (double (*w)[3], const double *turn, double trunk_dir)
{
  static const LimberPoint upper[] = {
    LIMBER_POINT_NECK, LIMBER_POINT_HEAD, LIMBER_POINT_RIGHT_SHOULDER, LIMBER_POINT_RIGHT_ELBOW,
    LIMBER_POINT_RIGHT_HAND, LIMBER_POINT_LEFT_SHOULDER, LIMBER_POINT_LEFT_ELBOW, LIMBER_POINT_LEFT_HAND,
  };
  LimberPoint head = LIMBER_POINT_HEAD;
  Vec forward, up;

  vec_set (forward, cos (trunk_dir), -sin (trunk_dir), 0);
  vec_set (up, sin (trunk_dir), cos (trunk_dir), 0);
  for (LimberLimb limb = 0; limb < LIMBER_N_LIMBS; limb++)
    turn_limb (w, limb, turn, forward);
  rotate_points (w, upper, G_N_ELEMENTS (upper), LIMBER_POINT_PELVIS, up, -turn[LIMBER_TURN_TRUNK_TURN]);
  rotate_points (w, upper, G_N_ELEMENTS (upper), LIMBER_POINT_PELVIS, forward, turn[LIMBER_TURN_TRUNK_SIDE]);
  rotate_points (w, &head, 1, LIMBER_POINT_NECK, forward, turn[LIMBER_TURN_NECK_SIDE]);
}

/* ------------------------------------------------------------------ */
/* Reaching in 3D                                                     */

/* Where a reach aims in 3D: the target's point on the middle line,
 * moved off it as the side view's solver moved the hand off it (onto
 * the surface, the hand's thickness). */
static gboolean
reach_target (const State            *st,
              double                  (*w)[3],
              const LimberConstraint *c,
              Vec                     target)
{
  double ax, ay, dx, dy, n;

  if (c->target == LIMBER_TARGET_POINT)
    {
      memcpy (target, w[c->index], sizeof (Vec));
      return TRUE;
    }
  if (c->target != LIMBER_TARGET_SEGMENT)
    return FALSE;
  limber_pose_segment_point (&st->s, LIMBER_VIEW_SIDE, c->index, c->at, LIMBER_SURFACE_NONE, 0, &ax, &ay);
  dx = st->s.x[c->subject] - ax;
  dy = st->s.y[c->subject] - ay;
  n = hypot (dx, dy);
  if (n > REACH_SLACK)
    dx *= REACH_SLACK / n, dy *= REACH_SLACK / n;
  if (c->index == LIMBER_SEGMENT_HEAD)
    memcpy (target, w[LIMBER_POINT_HEAD], sizeof (Vec));
  else
    {
      LimberPoint a = _limber_skeleton[c->index].start, b = _limber_skeleton[c->index].end;

      for (int i = 0; i < 3; i++)
        target[i] = w[a][i] + (w[b][i] - w[a][i]) * c->at;
    }
  target[0] += dx;
  target[1] += dy;
  return TRUE;
}

/* Bends a one- or two-bone chain so its end touches @target (or points
 * at it, out of reach), keeping the plane it bends in; what hangs below
 * the end (a foot) moves with it. */
static void
reach_3d (double (*w)[3], LimberPoint effector, const Vec target, const double *len)
{
  int bones = 0, first = limber_reach_chain (effector, &bones);
  LimberPoint root, mid;
  int below = -1;
  Vec to, pole, old_end;
  double d, a, h, along;

  if (first < 0)
    return;
  root = _limber_skeleton[first].start;
  mid = _limber_skeleton[first].end;
  if (effector == LIMBER_POINT_RIGHT_ANKLE)
    below = LIMBER_POINT_RIGHT_TOE;
  else if (effector == LIMBER_POINT_LEFT_ANKLE)
    below = LIMBER_POINT_LEFT_TOE;
  memcpy (old_end, w[effector], sizeof (Vec));
  vec_set (to, target[0] - w[root][0], target[1] - w[root][1], target[2] - w[root][2]);
  d = vec_norm (to);
  if (d < 1e-9)
    return;
  if (bones == 1)
    {
      /* A knee or an elbow: the bone points at it; the rest follows. */
      Vec bone, axis;
      double angle;

      axis_of (w, root, mid, bone);
      vec_set (axis, bone[1] * to[2] - bone[2] * to[1], bone[2] * to[0] - bone[0] * to[2],
               bone[0] * to[1] - bone[1] * to[0]);
      angle = degrees (atan2 (vec_norm (axis), vec_dot (bone, to)));
      if (vec_dot (axis, axis) > 0.5)
        for (int seg = first; seg <= (int) limber_limb_last (limber_segment_limb (first)); seg++)
          rotate_point (w[_limber_skeleton[seg].end], w[root], axis, angle);
      return;
    }
  /* Two bones: the middle joint on the circle where both lengths meet,
   * on the side it bends to now. */
  d = CLAMP (d, fabs (len[0] - len[1]) + 1e-6, len[0] + len[1] - 1e-6);
  a = (len[0] * len[0] - len[1] * len[1] + d * d) / (2 * d);
  h = sqrt (MAX (len[0] * len[0] - a * a, 0));
  vec_set (pole, w[mid][0] - w[root][0], w[mid][1] - w[root][1], w[mid][2] - w[root][2]);
  along = vec_dot (pole, to);
  for (int k = 0; k < 3; k++)
    pole[k] -= along * to[k];
  if (vec_norm (pole) < 1e-9)
    vec_set (pole, 0, 0, 1);
  for (int k = 0; k < 3; k++)
    {
      w[mid][k] = w[root][k] + to[k] * a + pole[k] * h;
      w[effector][k] = w[root][k] + to[k] * d;
    }
  if (below >= 0)
    for (int k = 0; k < 3; k++)
      w[below][k] += w[effector][k] - old_end[k];
}

static void
reach_all (const State *st, const LimberPose *pose, double (*w)[3])
{
  for (int pass = 0; pass < IK_PASSES; pass++)
    for (guint i = 0; i < pose->constraints->len; i++)
      {
        const LimberConstraint *c = &g_array_index (pose->constraints, LimberConstraint, i);
        int bones = 0, first;
        double len[2];
        Vec target;

        if (c->kind != LIMBER_CONSTRAINT_REACH || !reach_target (st, w, c, target))
          continue;
        first = limber_reach_chain (c->subject, &bones);
        if (first < 0)
          continue;
        len[0] = st->s.len[first];
        len[1] = bones > 1 ? st->s.len[first + 1] : 0;
        reach_3d (w, c->subject, target, len);
      }
}

/* ------------------------------------------------------------------ */
/* Seeing                                                             */

/**
 * limber_camera_project:
 * @p: a point in 3D, in body heights
 * @x: (out): where it is drawn, across
 * @y: (out): where it is drawn, up
 * @depth: (out): how near the viewer (larger is nearer)
 *
 * An orthographic camera: yaw turns it around the figure from its
 * right side (0) to its front (90); pitch raises it (90: from above).
 */
void
limber_camera_project (const LimberCamera *camera,
                       const double        p[3],
                       double             *x,
                       double             *y,
                       double             *depth)
{
  double yaw = radians (camera->yaw), pitch = radians (camera->pitch);
  double sy = sin (yaw), cy = cos (yaw), sp = sin (pitch), cp = cos (pitch);

  *x = p[0] * cy - p[2] * sy;
  *y = -p[0] * sy * sp + p[1] * cp - p[2] * cy * sp;
  *depth = p[0] * sy * cp + p[1] * sp + p[2] * cy * cp;
}

/* The points a body on its side rests on when a limb may hang down
 * past a bed's edge: the trunk, the hips and shoulders, the head. */
static gboolean
on_trunk (LimberPoint point)
{
  return point == LIMBER_POINT_PELVIS || point == LIMBER_POINT_NECK || point == LIMBER_POINT_HEAD
         || point == LIMBER_POINT_LEFT_HIP || point == LIMBER_POINT_RIGHT_HIP
         || point == LIMBER_POINT_LEFT_SHOULDER || point == LIMBER_POINT_RIGHT_SHOULDER;
}

/* On the side: the body's middle plane laid flat, its right side up,
 * on the floor (or the mat): x stays, the old up is now away from the
 * right side's viewer.  On a bed it rests on its trunk, on the bed's
 * top, so a leg lowered behind hangs down past the edge. */
static void
roll_onto_side (double (*w)[3], double floor, gboolean trunk_only)
{
  double low = G_MAXDOUBLE;

  for (int i = 0; i < LIMBER_N_POINTS; i++)
    {
      double y = w[i][1];

      w[i][1] = w[i][2];
      w[i][2] = -y;
      if (!trunk_only || on_trunk (i))
        low = MIN (low, w[i][1]);
    }
  for (int i = 0; i < LIMBER_N_POINTS; i++)
    w[i][1] += floor + FRONT_HIP - low;
}

static void
directions (LimberPoseSolved *s)
{
  for (int i = 0; i < LIMBER_N_SEGMENTS; i++)
    {
      LimberPoint a = _limber_skeleton[i].start, b = _limber_skeleton[i].end;
      double len = hypot (s->x[b] - s->x[a], s->y[b] - s->y[a]);

      s->len[i] = len;
      s->dir[i] = len > 1e-9 ? direction_to (s->x[a], s->y[a], s->x[b], s->y[b]) : 0;
    }
}

static void
project (State *st, const LimberPose *pose, const LimberCamera *camera, double (*w)[3])
{
  LimberPoseSolved *s = &st->s;
  double lx, ly, unused;
  Vec lateral_axis;

  for (int i = 0; i < LIMBER_N_POINTS; i++)
    {
      memcpy (s->world[i], w[i], sizeof (Vec));
      limber_camera_project (camera, w[i], &s->x[i], &s->y[i], &s->depth[i]);
    }
  directions (s);
  /* How much of the trunk's width faces the viewer. */
  axis_of (w, LIMBER_POINT_LEFT_HIP, LIMBER_POINT_RIGHT_HIP, lateral_axis);
  limber_camera_project (camera, lateral_axis, &lx, &ly, &unused);
  s->trunk_wide = CLAMP (hypot (lx, ly), 0, 1);
  s->projected = TRUE;
  s->support = -G_MAXDOUBLE / 4;
  /* A hand on a face of a segment is drawn on that face as seen (the
   * 3D reach put it there to within the hand's thickness). */
  for (guint i = 0; i < pose->constraints->len; i++)
    {
      const LimberConstraint *c = &g_array_index (pose->constraints, LimberConstraint, i);
      int segment = limber_point_segment (c->subject);

      if (c->kind == LIMBER_CONSTRAINT_REACH && c->target == LIMBER_TARGET_SEGMENT && segment >= 0)
        limber_pose_segment_point (s, LIMBER_VIEW_SIDE, c->index, c->at, c->surface,
                                   limber_segment_radius (segment, LIMBER_VIEW_SIDE, 1),
                                   &s->x[c->subject], &s->y[c->subject]);
    }
  directions (s);
}

/* After the side view's solver: lift, turn, reach, roll, project. */
void
_limber_pose_space (State             *st,
                    const LimberPose  *pose,
                    const LimberScene *scene)
{
  double w[LIMBER_N_POINTS][3];

  for (int i = 0; i < LIMBER_N_POINTS; i++)
    vec_set (w[i], st->s.x[i], st->s.y[i], lateral (i));
  turn_body (w, pose->turn, st->s.dir[LIMBER_SEGMENT_TRUNK]);
  reach_all (st, pose, w);
  if (scene->view == LIMBER_VIEW_TOP && _limber_scene_find (scene, LIMBER_PROP_BED) != NULL)
    roll_onto_side (w, limber_scene_surface (scene, LIMBER_PROP_BED), TRUE);
  else if (scene->view == LIMBER_VIEW_TOP)
    roll_onto_side (w, limber_scene_surface (scene, LIMBER_PROP_MAT), FALSE);
  project (st, pose, &scene->camera, w);
}
