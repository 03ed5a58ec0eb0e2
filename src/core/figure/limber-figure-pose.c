/* limber-figure-pose.c — poses and solving them
 *
 * A phase is solved in passes, each the same fixed sequence, so the
 * result depends only on the data: (1) segments made level and limbs
 * put on points of the body, (2) the body set down on what it rests on
 * and placed along the floor, (3) feet and hands put on the floor, a
 * bench or a chair, or left where they were, (4) levels again.  A few
 * passes let the steps agree with each other (a foot set flat on the
 * floor moves the knee another ankle rests on).  A target out of reach
 * is reached as far as the limb goes: never an error at this point.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <string.h>

#include "limber-figure-pose-private.h"

#define N_PASSES 4

/* ------------------------------------------------------------------ */
/* Poses                                                              */

void
limber_pose_init (LimberPose *pose)
{
  memset (pose, 0, sizeof *pose);
  for (int i = 0; i < LIMBER_N_SEGMENTS; i++)
    pose->scale[i] = 1;
  pose->on = LIMBER_PROP_FLOOR;
  pose->keep = -1;
  pose->constraints = g_array_new (FALSE, TRUE, sizeof (LimberConstraint));
}

void
limber_pose_clear (LimberPose *pose)
{
  g_clear_pointer (&pose->constraints, g_array_unref);
}

void
limber_pose_copy (LimberPose       *dest,
                  const LimberPose *src)
{
  *dest = *src;
  dest->constraints = g_array_copy (src->constraints);
}

double
limber_pose_scale (const LimberPose *pose,
                   LimberSegment     segment)
{
  return pose->scale[segment];
}

static gboolean
constraint_equal (const LimberConstraint *a,
                  const LimberConstraint *b)
{
  return a->kind == b->kind && a->subject == b->subject && a->target == b->target
         && a->index == b->index && a->at == b->at && a->surface == b->surface
         && a->has_x == b->has_x && (!a->has_x || a->x == b->x)
         && a->has_y == b->has_y && (!a->has_y || a->y == b->y);
}

/* The same pose as written (what the user can see in a file): the
 * constraints Limber adds itself are not compared. */
gboolean
limber_pose_equal (const LimberPose *a,
                   const LimberPose *b)
{
  guint i = 0, j = 0;

  for (int k = 0; k < LIMBER_N_SEGMENTS; k++)
    if (a->angle[k] != b->angle[k] || a->scale[k] != b->scale[k])
      return FALSE;
  for (int k = 0; k < LIMBER_N_TURNS; k++)
    if (a->turn[k] != b->turn[k])
      return FALSE;
  if (a->has_x != b->has_x || (a->has_x && a->x != b->x)
      || a->has_y != b->has_y || (a->has_y && a->y != b->y)
      || a->has_on != b->has_on || (a->has_on && a->on != b->on) || a->keep != b->keep)
    return FALSE;
  for (;;)
    {
      while (i < a->constraints->len && g_array_index (a->constraints, LimberConstraint, i).implicit)
        i++;
      while (j < b->constraints->len && g_array_index (b->constraints, LimberConstraint, j).implicit)
        j++;
      if (i == a->constraints->len || j == b->constraints->len)
        return i == a->constraints->len && j == b->constraints->len;
      if (!constraint_equal (&g_array_index (a->constraints, LimberConstraint, i),
                             &g_array_index (b->constraints, LimberConstraint, j)))
        return FALSE;
      i++, j++;
    }
}

/**
 * limber_pose_solve:
 * @start: (nullable): the solved shortened phase, when solving the
 *   lengthened one (for keep and stay)
 * @out: where every point ends up
 *
 * Solves a phase: angles, then constraints, then grounding.  The result
 * depends only on the arguments.
 */
void
limber_pose_solve (const LimberPose       *pose,
                   const LimberScene      *scene,
                   const LimberPoseSolved *start,
                   LimberPoseSolved       *out)
{
  State st = { 0 };

  st.view = scene->view;
  memcpy (st.angle, pose->angle, sizeof st.angle);
  memcpy (st.scale, pose->scale, sizeof st.scale);
  st.root_x = pose->has_x ? pose->x : 0;
  st.root_y = pose->has_y ? pose->y : 0;
  _limber_pose_forward (&st);

  for (int pass = 0; pass < N_PASSES; pass++)
    {
      _limber_pose_apply_body (&st, pose);
      _limber_pose_ground (&st, pose, scene, start);
      _limber_pose_apply_world (&st, pose, scene, start);
    }

  for (guint i = 0; i < pose->constraints->len; i++)
    {
      const LimberConstraint *c = &g_array_index (pose->constraints, LimberConstraint, i);

      if (c->kind == LIMBER_CONSTRAINT_BEHIND)
        st.s.behind |= 1u << c->subject;
    }
  if (scene->camera.on)
    _limber_pose_space (&st, pose, scene);
  *out = st.s;
}
