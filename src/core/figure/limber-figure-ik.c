/* limber-figure-ik.c — inverse kinematics and the constraints
 *
 * Turns limbs so that a hand, foot, knee or elbow reaches its target
 * (REACH, STAY), and segments level or set down on a surface (FLAT).
 * A target out of reach is reached as far as the limb goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <math.h>

#include "limber-figure-pose-private.h"

/* ------------------------------------------------------------------ */
/* Inverse kinematics                                                 */

/* Turns one bone about its root so that its end points at (tx, ty). */
static void
reach_one_bone (State         *st,
                LimberSegment  bone,
                double         tx,
                double         ty)
{
  LimberPoint root = _limber_skeleton[bone].start;

  if (hypot (tx - st->s.x[root], ty - st->s.y[root]) < 1e-9)
    return;
  _limber_pose_set_direction (st, bone, direction_to (st->s.x[root], st->s.y[root], tx, ty));
}

/* Two-bone analytic IK: the triangle root–middle–target, with the bend
 * on the side the limb was already bent to (a knee does not bend
 * forward because its target moved).  Out of reach: the limb points
 * straight at the target, as far as it goes. */
static void
reach_two_bones (State         *st,
                 LimberSegment  upper,
                 double         tx,
                 double         ty)
{
  LimberSegment lower = upper + 1;
  LimberPoint root = _limber_skeleton[upper].start;
  double rx = st->s.x[root], ry = st->s.y[root];
  double a = st->s.len[upper], b = st->s.len[lower];
  double d = hypot (tx - rx, ty - ry);
  double toward, alpha, want;
  double best_dir[2] = { 0, 0 };
  double best_score = -G_MAXDOUBLE;

  if (a < 1e-9 || b < 1e-9)
    return;
  want = st->angle[lower] < -1 ? -1 : 1;
  toward = d < 1e-9 ? st->s.dir[upper] : direction_to (rx, ry, tx, ty);
  d = CLAMP (d, fabs (a - b) + 1e-9, a + b);
  alpha = acos (CLAMP ((a * a + d * d - b * b) / (2 * a * d), -1, 1));

  for (int side = -1; side <= 1; side += 2)
    {
      double up = toward + side * alpha;
      double mx = rx + a * sin (up), my = ry + a * cos (up);
      double low = direction_to (mx, my, rx + d * sin (toward), ry + d * cos (toward));
      double base, sign, bend, score;

      _limber_pose_turn_of (st->view, lower, &base, &sign);
      bend = normalize ((degrees (low - up) - base) / sign);
      /* The preferred side, then the smaller change of direction. */
      score = (bend * want >= -1e-6 ? 1000 : 0) - fabs (normalize (degrees (up - st->s.dir[upper])));
      if (score > best_score)
        {
          best_score = score;
          best_dir[0] = up;
          best_dir[1] = low;
        }
    }
  _limber_pose_set_direction (st, upper, best_dir[0]);
  _limber_pose_set_direction (st, lower, best_dir[1]);
}

/* Turns one bone so that its end is at height @ty, turning as little
 * as possible (a knee set down on the floor). */
void
_limber_pose_lower_one_bone (State         *st,
                             LimberSegment  bone,
                             double         ty)
{
  LimberPoint root = _limber_skeleton[bone].start;
  double a = st->s.len[bone];
  double c, dir;

  if (a < 1e-9)
    return;
  c = CLAMP ((ty - st->s.y[root]) / a, -1, 1);
  dir = acos (c);
  if (sin (st->s.dir[bone]) < 0)
    dir = -dir;
  _limber_pose_set_direction (st, bone, dir);
}

/* ------------------------------------------------------------------ */
/* Constraints                                                        */

static double
effector_radius (LimberPoint point)
{
  int segment = limber_point_segment (point);

  return segment < 0 ? 0 : limber_segment_radius (segment, LIMBER_VIEW_SIDE, 1);
}

static void
reach (State       *st,
       LimberPoint  effector,
       double       tx,
       double       ty)
{
  int bones = 0;
  int chain = limber_reach_chain (effector, &bones);

  if (chain < 0)
    return;
  if (bones == 2)
    reach_two_bones (st, chain, tx, ty);
  else
    reach_one_bone (st, chain, tx, ty);
}

static void
make_level (State         *st,
            LimberSegment  segment)
{
  double len = st->s.len[segment];
  double r0 = limber_segment_radius (segment, st->view, 0);
  double r1 = limber_segment_radius (segment, st->view, 1);
  double tilt, dir;

  if (segment == LIMBER_SEGMENT_HEAD || len < 1e-9)
    return;
  /* Tilted so that its underside, not its middle line, is level. */
  tilt = asin (CLAMP ((r0 - r1) / len, -1, 1));
  dir = sin (st->s.dir[segment]) >= 0 ? G_PI_2 + tilt : 3 * G_PI_2 - tilt;
  _limber_pose_set_direction (st, segment, dir);
}

/* Sets a level segment down on a surface by turning the bones above it. */
static void
set_down (State         *st,
          LimberSegment  segment,
          double         surface)
{
  LimberPoint near = _limber_skeleton[segment].start;
  double ty = surface + limber_segment_radius (segment, st->view, 0);
  int parent = _limber_skeleton[segment].parent;

  switch (_limber_skeleton[segment].kind)
    {
    case KIND_FOOT:
      reach_two_bones (st, _limber_skeleton[parent].parent, st->s.x[near], ty);
      break;
    case KIND_SHIN:
    case KIND_FOREARM:
      _limber_pose_lower_one_bone (st, parent, ty);
      break;
    case KIND_TRUNK:
    case KIND_HEAD:
    case KIND_UPPER_ARM:
    case KIND_THIGH:
    case N_KINDS:
    default:
      break;
    }
  make_level (st, segment);
}

static gboolean
is_body_target (const LimberConstraint *c)
{
  return c->target == LIMBER_TARGET_POINT || c->target == LIMBER_TARGET_SEGMENT;
}

static void
body_target (const State            *st,
             const LimberConstraint *c,
             double                 *tx,
             double                 *ty)
{
  double beyond = c->surface != LIMBER_SURFACE_NONE ? effector_radius (c->subject) : 0;

  if (c->target == LIMBER_TARGET_POINT)
    {
      *tx = st->s.x[c->index];
      *ty = st->s.y[c->index];
    }
  else
    limber_pose_segment_point (&st->s, st->view, c->index, c->at, c->surface, beyond, tx, ty);
}

static gboolean
prop_target (const State            *st,
             const LimberScene      *scene,
             const LimberConstraint *c,
             double                 *tx,
             double                 *ty)
{
  const LimberProp *prop = _limber_scene_find (scene, c->index);
  double r = effector_radius (c->subject);

  *tx = c->has_x ? c->x : st->s.x[c->subject];
  *ty = c->has_y ? c->y : st->s.y[c->subject];
  switch ((LimberPropKind) c->index)
    {
    case LIMBER_PROP_FLOOR:
    case LIMBER_PROP_MAT:
    case LIMBER_PROP_BENCH:
    case LIMBER_PROP_BED:
      *ty = limber_scene_surface (scene, c->index) + r;
      return TRUE;
    case LIMBER_PROP_CHAIR:
      if (prop == NULL)
        return FALSE;
      limber_scene_chair_grip (prop, tx, ty);
      return TRUE;
    case LIMBER_PROP_WALL:
      if (prop == NULL)
        return FALSE;
      *tx = prop->x + (prop->x > st->s.x[LIMBER_POINT_PELVIS] ? -r : r);
      return TRUE;
    case LIMBER_PROP_BALL:
    case LIMBER_PROP_FOAM_ROLLER:
    case LIMBER_PROP_TOWEL:
    case LIMBER_PROP_STRAP:
    case LIMBER_N_PROPS:
    default:
      return FALSE;
    }
}

void
_limber_pose_apply_body (State            *st,
                         const LimberPose *pose)
{
  for (guint i = 0; i < pose->constraints->len; i++)
    {
      const LimberConstraint *c = &g_array_index (pose->constraints, LimberConstraint, i);
      double tx, ty;

      if (c->kind == LIMBER_CONSTRAINT_FLAT)
        make_level (st, c->subject);
      else if (c->kind == LIMBER_CONSTRAINT_REACH && is_body_target (c))
        {
          body_target (st, c, &tx, &ty);
          reach (st, c->subject, tx, ty);
        }
    }
}

void
_limber_pose_apply_world (State                  *st,
                          const LimberPose       *pose,
                          const LimberScene      *scene,
                          const LimberPoseSolved *start)
{
  for (guint i = 0; i < pose->constraints->len; i++)
    {
      const LimberConstraint *c = &g_array_index (pose->constraints, LimberConstraint, i);
      double tx, ty;

      if (c->kind == LIMBER_CONSTRAINT_FLAT && c->index >= 0)
        set_down (st, c->subject, limber_scene_surface (scene, c->index));
      else if (c->kind == LIMBER_CONSTRAINT_REACH && c->target == LIMBER_TARGET_PROP
               && prop_target (st, scene, c, &tx, &ty))
        reach (st, c->subject, tx, ty);
      else if (c->kind == LIMBER_CONSTRAINT_STAY && start != NULL)
        reach (st, c->subject, start->x[c->subject], start->y[c->subject]);
    }
  for (guint i = 0; i < pose->constraints->len; i++)
    {
      const LimberConstraint *c = &g_array_index (pose->constraints, LimberConstraint, i);

      if (c->kind == LIMBER_CONSTRAINT_FLAT)
        make_level (st, c->subject);
    }
}
