/* limber-figure-ground.c — setting the body down
 *
 * Sets the body down on what it rests on (the floor, a bench, a bed,
 * a chair) and places it along the floor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include "limber-figure-pose-private.h"

#define LYING_SLACK         0.05

/* ------------------------------------------------------------------ */
/* Grounding                                                          */

static double
segment_bottom (const State   *st,
                LimberSegment  segment)
{
  const LimberPoseSolved *s = &st->s;
  LimberPoint a = _limber_skeleton[segment].start, b = _limber_skeleton[segment].end;

  if (segment == LIMBER_SEGMENT_HEAD)
    return s->y[b] - LIMBER_FIGURE_HEAD_RADIUS;
  if (segment == LIMBER_SEGMENT_TRUNK && st->view == LIMBER_VIEW_FRONT)
    {
      double cx[4], cy[4], r, low = G_MAXDOUBLE;

      limber_pose_front_trunk (s, cx, cy, &r);
      for (int i = 0; i < 4; i++)
        low = MIN (low, cy[i] - r);
      return low;
    }
  return MIN (s->y[a] - limber_segment_radius (segment, st->view, 0),
              s->y[b] - limber_segment_radius (segment, st->view, 1));
}

/* Whether @segment holds the body up: the trunk always; a limb unless
 * only the trunk does, or a constraint places it. */
static gboolean
carries (int      segment,
         gboolean trunk_only,
         guint    placed)
{
  int limb = _limber_skeleton[segment].limb;

  if (segment == LIMBER_SEGMENT_HEAD)
    return FALSE;
  return limb < 0 || (!trunk_only && !(placed & (1u << limb)));
}

/* The lowest point of the trunk (@trunk_only) or of the body but the
 * @placed limbs, and of any ball, roller or towel under it.  Not the
 * head: it rests on the floor, it does not hold the body up (see
 * rest_head()). */
static double
lowest_point (const State       *st,
              const LimberScene *scene,
              gboolean           trunk_only,
              guint              placed)
{
  double low = G_MAXDOUBLE, x, y, r;

  for (int i = 0; i < LIMBER_N_SEGMENTS; i++)
    if (carries (i, trunk_only, placed))
      low = MIN (low, segment_bottom (st, i));
  for (guint i = 0; i < scene->n_props; i++)
    if (scene->props[i].segment >= 0 && carries (scene->props[i].segment, trunk_only, placed))
      {
        limber_pose_prop_center (&st->s, st->view, &scene->props[i], &x, &y, &r);
        low = MIN (low, y - r);
      }
  if (scene->pressure != NULL && scene->pressure->by != LIMBER_PRESSURE_HAND
      && carries (scene->pressure->segment, trunk_only, placed))
    {
      limber_pose_pressure_ball (&st->s, st->view, scene->pressure, &x, &y, &r);
      low = MIN (low, y - r);
    }
  return low;
}

/* The limbs a constraint puts somewhere in the world (a foot that
 * stays, a hand on the chair): they follow the body, they do not hold
 * it up.  Unless that is both legs: then they are what it stands on. */
static guint
placed_limbs (const LimberPose *pose)
{
  guint placed = 0;
  guint legs = (1u << LIMBER_LIMB_RIGHT_LEG) | (1u << LIMBER_LIMB_LEFT_LEG);

  for (guint i = 0; i < pose->constraints->len; i++)
    {
      const LimberConstraint *c = &g_array_index (pose->constraints, LimberConstraint, i);
      int segment = limber_point_segment (c->subject);

      if ((c->kind == LIMBER_CONSTRAINT_STAY
           || (c->kind == LIMBER_CONSTRAINT_REACH && c->target == LIMBER_TARGET_PROP))
          && segment >= 0 && _limber_skeleton[segment].limb >= 0)
        placed |= 1u << _limber_skeleton[segment].limb;
    }
  return (placed & legs) == legs ? placed & ~legs : placed;
}

/* What the body rests on: on a bench, a bed or a chair, its trunk (the
 * legs may hang down); on the floor, its lowest point, unless that is
 * a limb hardly lower than the trunk (a foot that its flat or reach
 * will set down): then the trunk, as when lying with knees bent. */
static double
resting_point (const State       *st,
               const LimberPose  *pose,
               const LimberScene *scene,
               LimberPropKind     on)
{
  double trunk = lowest_point (st, scene, TRUE, 0);
  double all = lowest_point (st, scene, FALSE, placed_limbs (pose));

  if (on != LIMBER_PROP_FLOOR || all > trunk - LYING_SLACK)
    return trunk;
  return all;
}

/* The pictogram's head is wider than its trunk: lying, it would go
 * through the floor.  It is tipped up until it rests on it instead. */
static void
rest_head (State  *st,
           double  surface)
{
  double bottom = st->s.y[LIMBER_POINT_HEAD] - LIMBER_FIGURE_HEAD_RADIUS;

  if (st->view == LIMBER_VIEW_TOP || bottom >= surface - 1e-9)
    return;
  _limber_pose_lower_one_bone (st, LIMBER_SEGMENT_HEAD, surface + LIMBER_FIGURE_HEAD_RADIUS);
}

void
_limber_pose_ground (State                  *st,
                     const LimberPose       *pose,
                     const LimberScene      *scene,
                     const LimberPoseSolved *start)
{
  LimberPropKind on = pose->has_on ? pose->on : LIMBER_PROP_FLOOR;
  double surface = limber_scene_surface (scene, on);

  st->s.support = surface;
  if (pose->has_y)
    st->root_y = pose->y;
  else if (st->view != LIMBER_VIEW_TOP)
    st->root_y += surface - resting_point (st, pose, scene, on);
  _limber_pose_forward (st);
  rest_head (st, surface);

  if (pose->keep >= 0 && start != NULL)
    st->root_x += start->x[pose->keep] - st->s.x[pose->keep];
  else
    st->root_x = pose->has_x ? pose->x : 0;
  _limber_pose_forward (st);
}
