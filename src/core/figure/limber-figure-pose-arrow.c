/* limber-figure-pose-arrow.c — where the movement arrow goes
 *
 * Chooses the arrow from the difference of the two solved phases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <math.h>

#include "limber-figure-pose-private.h"

/* ------------------------------------------------------------------ */
/* The movement arrow                                                 */

static double
moved (const LimberPoseSolved *a,
       const LimberPoseSolved *b,
       int                     point)
{
  return hypot (b->x[point] - a->x[point], b->y[point] - a->y[point]);
}

/**
 * limber_pose_auto_arrow:
 * @point: (inout): the point the arrow follows, or -1 to choose the
 *   one that moves most (not a toe, not the hand that presses); -1 when
 *   nothing moves
 * @pivot: (out): for an arc, the joint it turns around
 *
 * Chooses the movement arrow from the difference of the two phases: an
 * arc when the point turns around a joint that stays (nearly) still, a
 * straight arrow otherwise.
 */
void
limber_pose_auto_arrow (const LimberPoseSolved *start,
                        const LimberPoseSolved *end,
                        const LimberPressure   *pressure,
                        int                    *point,
                        int                    *pivot,
                        LimberArrowKind        *kind)
{
  double best = 0.02;
  gboolean choose = *point < 0;

  *pivot = -1;
  *kind = LIMBER_ARROW_NONE;
  if (!choose)
    {
      if (moved (start, end, *point) < 0.005)
        {
          *point = -1;
          return;
        }
      best = moved (start, end, *point);
    }
  for (int p = 0; choose && p < LIMBER_N_POINTS; p++)
    {
      if (p == LIMBER_POINT_RIGHT_TOE || p == LIMBER_POINT_LEFT_TOE
          || (pressure != NULL && pressure->by == LIMBER_PRESSURE_HAND && p == pressure->hand))
        continue;
      if (moved (start, end, p) > best + 1e-9)
        {
          best = moved (start, end, p);
          *point = p;
        }
    }
  if (*point < 0)
    return;

  *kind = LIMBER_ARROW_STRAIGHT;
  for (int a = _limber_pose_point_parent (*point); a >= 0; a = _limber_pose_point_parent (a))
    {
      double a0 = direction_to (start->x[a], start->y[a], start->x[*point], start->y[*point]);
      double a1 = direction_to (end->x[a], end->y[a], end->x[*point], end->y[*point]);

      if (moved (start, end, a) < 0.3 * best
          && hypot (end->x[*point] - end->x[a], end->y[*point] - end->y[a]) > 0.05
          && fabs (normalize (degrees (a1 - a0))) > 15)
        {
          *pivot = a;
          *kind = LIMBER_ARROW_ARC;
          return;
        }
    }
}
