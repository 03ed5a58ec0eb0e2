/* limber-figure-skeleton.c — the skeleton and forward kinematics
 *
 * What each segment hangs from, how wide it is, and where every point
 * of the body ends up from the joint angles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <math.h>

#include "limber-figure-pose-private.h"

/* Lengths and widths (near end, far end) in body heights, as measured
 * for figures that read well: a head of radius 0.074 floating above a
 * trunk of 0.26, thighs and shins of 0.25, tapered limbs. */
const SkeletonBone _limber_skeleton[LIMBER_N_SEGMENTS] = {
  [LIMBER_SEGMENT_TRUNK] = { KIND_TRUNK, 0, -1, LIMBER_POINT_PELVIS, LIMBER_POINT_NECK,
                             0.26, 0.064, 0.070, -1 },
  [LIMBER_SEGMENT_HEAD] = { KIND_HEAD, 0, LIMBER_SEGMENT_TRUNK, LIMBER_POINT_NECK, LIMBER_POINT_HEAD,
                            0.135, 0.148, 0.148, -1 },
  [LIMBER_SEGMENT_RIGHT_UPPER_ARM] = { KIND_UPPER_ARM, 1, LIMBER_SEGMENT_TRUNK,
                                       LIMBER_POINT_RIGHT_SHOULDER, LIMBER_POINT_RIGHT_ELBOW,
                                       0.165, 0.036, 0.031, LIMBER_LIMB_RIGHT_ARM },
  [LIMBER_SEGMENT_RIGHT_FOREARM] = { KIND_FOREARM, 1, LIMBER_SEGMENT_RIGHT_UPPER_ARM,
                                     LIMBER_POINT_RIGHT_ELBOW, LIMBER_POINT_RIGHT_HAND,
                                     0.17, 0.031, 0.025, LIMBER_LIMB_RIGHT_ARM },
  [LIMBER_SEGMENT_LEFT_UPPER_ARM] = { KIND_UPPER_ARM, -1, LIMBER_SEGMENT_TRUNK,
                                      LIMBER_POINT_LEFT_SHOULDER, LIMBER_POINT_LEFT_ELBOW,
                                      0.165, 0.036, 0.031, LIMBER_LIMB_LEFT_ARM },
  [LIMBER_SEGMENT_LEFT_FOREARM] = { KIND_FOREARM, -1, LIMBER_SEGMENT_LEFT_UPPER_ARM,
                                    LIMBER_POINT_LEFT_ELBOW, LIMBER_POINT_LEFT_HAND,
                                    0.17, 0.031, 0.025, LIMBER_LIMB_LEFT_ARM },
  [LIMBER_SEGMENT_RIGHT_THIGH] = { KIND_THIGH, 1, LIMBER_SEGMENT_TRUNK,
                                   LIMBER_POINT_RIGHT_HIP, LIMBER_POINT_RIGHT_KNEE,
                                   0.25, 0.054, 0.040, LIMBER_LIMB_RIGHT_LEG },
  [LIMBER_SEGMENT_RIGHT_SHIN] = { KIND_SHIN, 1, LIMBER_SEGMENT_RIGHT_THIGH,
                                  LIMBER_POINT_RIGHT_KNEE, LIMBER_POINT_RIGHT_ANKLE,
                                  0.25, 0.040, 0.029, LIMBER_LIMB_RIGHT_LEG },
  [LIMBER_SEGMENT_RIGHT_FOOT] = { KIND_FOOT, 1, LIMBER_SEGMENT_RIGHT_SHIN,
                                  LIMBER_POINT_RIGHT_ANKLE, LIMBER_POINT_RIGHT_TOE,
                                  0.10, 0.030, 0.020, LIMBER_LIMB_RIGHT_LEG },
  [LIMBER_SEGMENT_LEFT_THIGH] = { KIND_THIGH, -1, LIMBER_SEGMENT_TRUNK,
                                  LIMBER_POINT_LEFT_HIP, LIMBER_POINT_LEFT_KNEE,
                                  0.25, 0.054, 0.040, LIMBER_LIMB_LEFT_LEG },
  [LIMBER_SEGMENT_LEFT_SHIN] = { KIND_SHIN, -1, LIMBER_SEGMENT_LEFT_THIGH,
                                 LIMBER_POINT_LEFT_KNEE, LIMBER_POINT_LEFT_ANKLE,
                                 0.25, 0.040, 0.029, LIMBER_LIMB_LEFT_LEG },
  [LIMBER_SEGMENT_LEFT_FOOT] = { KIND_FOOT, -1, LIMBER_SEGMENT_LEFT_SHIN,
                                 LIMBER_POINT_LEFT_ANKLE, LIMBER_POINT_LEFT_TOE,
                                 0.10, 0.030, 0.020, LIMBER_LIMB_LEFT_LEG },
};

/* How a joint angle turns a segment from its parent's direction, per
 * view: direction = parent + base + sign × angle.  In the front view the
 * limbs of the two sides turn opposite ways: there base is front_base +
 * front_side_base × side and sign is front_sign × side (side: +1 right,
 * -1 left), except for the trunk and head (no side).  Side view:
 * positive is flexion (trunk: leaning forward; ankle: toes up).  Front
 * view: positive moves a limb away from the body's middle at the hip and
 * shoulder, toward it at the knee and elbow; the trunk and neck lean to
 * the figure's right. */
static const struct
{
  double base;
  double sign;
  double front_base;
  double front_side_base;
  double front_sign;
} turn[N_KINDS] = {
  [KIND_TRUNK] = { 0, 1, 0, 0, -1 },
  [KIND_HEAD] = { 0, 1, 0, 0, -1 },
  [KIND_UPPER_ARM] = { 180, -1, 180, 0, 1 },
  [KIND_FOREARM] = { 0, -1, 0, 0, -1 },
  [KIND_THIGH] = { 180, -1, 180, 0, 1 },
  [KIND_SHIN] = { 0, 1, 0, 0, -1 },
  [KIND_FOOT] = { -90, -1, 0, 90, 1 },
};

/* ------------------------------------------------------------------ */
/* The skeleton                                                       */

LimberPoint
limber_segment_start (LimberSegment segment)
{
  return _limber_skeleton[segment].start;
}

LimberPoint
limber_segment_end (LimberSegment segment)
{
  return _limber_skeleton[segment].end;
}

int
limber_segment_parent (LimberSegment segment)
{
  return _limber_skeleton[segment].parent;
}

/* Returns: the limb, or -1 for the trunk and the head */
LimberLimb
limber_segment_limb (LimberSegment segment)
{
  return _limber_skeleton[segment].limb;
}

int
limber_segment_side (LimberSegment segment)
{
  return _limber_skeleton[segment].side;
}

LimberSegment
limber_limb_first (LimberLimb limb)
{
  static const LimberSegment first[] = {
    LIMBER_SEGMENT_RIGHT_UPPER_ARM, LIMBER_SEGMENT_LEFT_UPPER_ARM,
    LIMBER_SEGMENT_RIGHT_THIGH, LIMBER_SEGMENT_LEFT_THIGH,
  };
  return first[limb];
}

LimberSegment
limber_limb_last (LimberLimb limb)
{
  static const LimberSegment last[] = {
    LIMBER_SEGMENT_RIGHT_FOREARM, LIMBER_SEGMENT_LEFT_FOREARM,
    LIMBER_SEGMENT_RIGHT_FOOT, LIMBER_SEGMENT_LEFT_FOOT,
  };
  return last[limb];
}

/* Returns: the segment that ends at @point, or -1 (the pelvis, a hip,
 * a shoulder) */
int
limber_point_segment (LimberPoint point)
{
  for (int i = 0; i < LIMBER_N_SEGMENTS; i++)
    if (_limber_skeleton[i].end == point)
      return i;
  return -1;
}

/* The point a point turns around when its nearest joint moves. */
int
_limber_pose_point_parent (LimberPoint point)
{
  int segment = limber_point_segment (point);

  if (point == LIMBER_POINT_PELVIS)
    return -1;
  if (segment < 0)   /* a hip or a shoulder: fixed to the trunk */
    return LIMBER_POINT_PELVIS;
  return _limber_skeleton[segment].start;
}

/* Whether @point moves when @limb moves (its root does not). */
gboolean
limber_point_on_limb (LimberPoint point,
                      LimberLimb  limb)
{
  for (LimberSegment s = limber_limb_first (limb); s <= limber_limb_last (limb); s++)
    if (_limber_skeleton[s].end == point)
      return TRUE;
  return FALSE;
}

/* Returns: the first segment of the chain IK turns to move @effector
 * (a hand, an elbow, an ankle or a knee), and in @n_bones how many. */
int
limber_reach_chain (LimberPoint  effector,
                    int         *n_bones)
{
  int segment = limber_point_segment (effector);

  if (segment < 0 || _limber_skeleton[segment].limb < 0)
    return -1;
  switch (_limber_skeleton[segment].kind)
    {
    case KIND_UPPER_ARM:
    case KIND_THIGH:
      *n_bones = 1;
      return segment;
    case KIND_FOREARM:
    case KIND_SHIN:
      *n_bones = 2;
      return _limber_skeleton[segment].parent;
    case KIND_TRUNK:
    case KIND_HEAD:
    case KIND_FOOT:
    case N_KINDS:
    default:
      return -1;
    }
}

/* Half the width of @segment at @t (0 near end, 1 far end). */
double
limber_segment_radius (LimberSegment segment,
                       LimberView    view,
                       double        t)
{
  if (segment == LIMBER_SEGMENT_HEAD)
    return LIMBER_FIGURE_HEAD_RADIUS;
  if (segment == LIMBER_SEGMENT_TRUNK && view == LIMBER_VIEW_FRONT)
    return FRONT_PELVIS_HALF + (FRONT_SHOULDER_HALF - FRONT_PELVIS_HALF) * t;
  return (_limber_skeleton[segment].w0 + (_limber_skeleton[segment].w1 - _limber_skeleton[segment].w0) * t) / 2;
}

/* Half the width of a solved segment: through a camera, the trunk is
 * as wide as the part of its breadth that faces the viewer. */
double
limber_pose_radius (const LimberPoseSolved *solved,
                    LimberView              view,
                    LimberSegment           segment,
                    double                  t)
{
  double side, front;

  if (!solved->projected || segment != LIMBER_SEGMENT_TRUNK)
    return limber_segment_radius (segment, view, t);
  side = limber_segment_radius (segment, LIMBER_VIEW_SIDE, t);
  front = FRONT_PELVIS_HALF + (FRONT_SHOULDER_HALF - FRONT_PELVIS_HALF) * t;
  return side + (front - side) * solved->trunk_wide;
}

/* ------------------------------------------------------------------ */
/* Forward kinematics                                                 */

void
_limber_pose_turn_of (LimberView     view,
                      LimberSegment  segment,
                      double        *base,
                      double        *sign)
{
  Kind kind = _limber_skeleton[segment].kind;
  double side = _limber_skeleton[segment].side;

  if (view != LIMBER_VIEW_FRONT)
    {
      *base = turn[kind].base;
      *sign = turn[kind].sign;
    }
  else
    {
      *base = turn[kind].front_base + turn[kind].front_side_base * side;
      *sign = turn[kind].front_sign * (side != 0 ? side : 1);
    }
}

static double
segment_length (LimberView    view,
                LimberSegment segment,
                double        scale)
{
  double length = _limber_skeleton[segment].length * scale;

  if (segment == LIMBER_SEGMENT_HEAD)
    return (view == LIMBER_VIEW_FRONT ? FRONT_CORNER : _limber_skeleton[LIMBER_SEGMENT_TRUNK].w1 / 2)
           + LIMBER_FIGURE_HEAD_GAP + LIMBER_FIGURE_HEAD_RADIUS;
  if (view == LIMBER_VIEW_FRONT && _limber_skeleton[segment].kind == KIND_FOOT)
    length *= FRONT_FOOT_FACTOR;
  return length;
}

/* Where a segment starts: its parent's end, or beside the trunk. */
static void
segment_origin (State         *st,
                LimberSegment  segment,
                double        *x,
                double        *y)
{
  LimberPoseSolved *s = &st->s;
  double t = s->dir[LIMBER_SEGMENT_TRUNK];
  double lateral = 0;

  switch (_limber_skeleton[segment].kind)
    {
    case KIND_TRUNK:
      *x = st->root_x;
      *y = st->root_y;
      return;
    case KIND_UPPER_ARM:
      if (st->view == LIMBER_VIEW_FRONT)
        lateral = FRONT_SHOULDER * _limber_skeleton[segment].side;
      *x = s->x[LIMBER_POINT_PELVIS] + SHOULDER_ALONG * s->len[LIMBER_SEGMENT_TRUNK] * sin (t);
      *y = s->y[LIMBER_POINT_PELVIS] + SHOULDER_ALONG * s->len[LIMBER_SEGMENT_TRUNK] * cos (t);
      break;
    case KIND_THIGH:
      if (st->view == LIMBER_VIEW_FRONT)
        lateral = FRONT_HIP * _limber_skeleton[segment].side;
      *x = s->x[LIMBER_POINT_PELVIS];
      *y = s->y[LIMBER_POINT_PELVIS];
      break;
    case KIND_HEAD:
    case KIND_FOREARM:
    case KIND_SHIN:
    case KIND_FOOT:
    case N_KINDS:
    default:
      *x = s->x[_limber_skeleton[_limber_skeleton[segment].parent].end];
      *y = s->y[_limber_skeleton[_limber_skeleton[segment].parent].end];
      return;
    }
  /* The figure's right is on the viewer's left when it faces us. */
  *x += lateral * -cos (t);
  *y += lateral * sin (t);
}

void
_limber_pose_forward (State *st)
{
  LimberPoseSolved *s = &st->s;

  for (int i = 0; i < LIMBER_N_SEGMENTS; i++)
    {
      int parent = _limber_skeleton[i].parent;
      double base, sign, x, y;

      _limber_pose_turn_of (st->view, i, &base, &sign);
      s->angle[i] = st->angle[i];
      s->dir[i] = (parent < 0 ? 0 : s->dir[parent]) + radians (base + sign * st->angle[i]);
      s->len[i] = segment_length (st->view, i, st->scale[i]);
      segment_origin (st, i, &x, &y);
      s->x[_limber_skeleton[i].start] = x;
      s->y[_limber_skeleton[i].start] = y;
      s->x[_limber_skeleton[i].end] = x + s->len[i] * sin (s->dir[i]);
      s->y[_limber_skeleton[i].end] = y + s->len[i] * cos (s->dir[i]);
    }
}

/* Turns @segment to the absolute direction @dir (radians), as the
 * joint angle that gives it. */
void
_limber_pose_set_direction (State         *st,
                            LimberSegment  segment,
                            double         dir)
{
  int parent = _limber_skeleton[segment].parent;
  double base, sign;
  double parent_dir = parent < 0 ? 0 : st->s.dir[parent];

  _limber_pose_turn_of (st->view, segment, &base, &sign);
  st->angle[segment] = normalize ((degrees (dir - parent_dir) - base) / sign);
  _limber_pose_forward (st);
}
