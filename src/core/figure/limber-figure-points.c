/* limber-figure-points.c — points on a solved body
 *
 * Where a point along a segment, on one of its faces, is; which way
 * a face looks; the corners of the trunk in the front view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <math.h>

#include "limber-figure-pose-private.h"

/* ------------------------------------------------------------------ */
/* Points on the body                                                 */

void
limber_pose_surface_normal (const LimberPoseSolved *solved,
                            LimberView              view,
                            LimberSegment           segment,
                            LimberSurface           surface,
                            double                 *nx,
                            double                 *ny)
{
  double dir = solved->dir[segment];
  double normal;
  int side = _limber_skeleton[segment].side;
  gboolean axial = _limber_skeleton[segment].kind == KIND_TRUNK || _limber_skeleton[segment].kind == KIND_HEAD;

  *nx = *ny = 0;
  if (view != LIMBER_VIEW_FRONT && (surface == LIMBER_SURFACE_FRONT || surface == LIMBER_SURFACE_BACK))
    {
      /* A limb's front is a quarter turn back from its direction (a
       * hanging thigh faces forward); the trunk's a quarter turn on. */
      normal = dir + (axial ? G_PI_2 : -G_PI_2);
      if (surface == LIMBER_SURFACE_BACK)
        normal += G_PI;
    }
  else if (view == LIMBER_VIEW_FRONT && side != 0
           && (surface == LIMBER_SURFACE_OUTER || surface == LIMBER_SURFACE_INNER))
    {
      normal = dir + side * G_PI_2;
      if (surface == LIMBER_SURFACE_INNER)
        normal += G_PI;
    }
  else if (view == LIMBER_VIEW_FRONT && axial && surface == LIMBER_SURFACE_SIDE)
    {
      /* The trunk's right flank: its edge on the figure's right (the
       * viewer's left).  Seen from the side the flank faces the viewer,
       * so there it stays on the middle line. */
      normal = dir - G_PI_2;
    }
  else
    return;
  *nx = sin (normal);
  *ny = cos (normal);
}

/**
 * limber_pose_segment_point:
 * @at: 0 at the segment's near end, 1 at its far end
 * @surface: which face; LIMBER_SURFACE_NONE for the middle line
 * @beyond: how far out from that face (e.g. the radius of a hand on it)
 *
 * A point on a solved segment, in body heights.
 */
void
limber_pose_segment_point (const LimberPoseSolved *solved,
                           LimberView              view,
                           LimberSegment           segment,
                           double                  at,
                           LimberSurface           surface,
                           double                  beyond,
                           double                 *x,
                           double                 *y)
{
  LimberPoint start = _limber_skeleton[segment].start, end = _limber_skeleton[segment].end;
  double nx, ny, r;

  *x = solved->x[start] + (solved->x[end] - solved->x[start]) * at;
  *y = solved->y[start] + (solved->y[end] - solved->y[start]) * at;
  if (segment == LIMBER_SEGMENT_HEAD)
    {
      *x = solved->x[end];
      *y = solved->y[end];
    }
  limber_pose_surface_normal (solved, view, segment, surface, &nx, &ny);
  r = limber_pose_radius (solved, view, segment, at) + beyond;
  *x += nx * r;
  *y += ny * r;
}

/* The centres of the four round corners of the trunk in the front view,
 * counter-clockwise from the pelvis on the figure's right. */
void
limber_pose_front_trunk (const LimberPoseSolved *solved,
                         double                  cx[4],
                         double                  cy[4],
                         double                 *radius)
{
  double t = solved->dir[LIMBER_SEGMENT_TRUNK];
  double px = -cos (t), py = sin (t);  /* toward the figure's right */
  double half[2] = { FRONT_PELVIS_HALF - FRONT_CORNER, FRONT_SHOULDER_HALF - FRONT_CORNER };
  LimberPoint ends[2] = { LIMBER_POINT_PELVIS, LIMBER_POINT_NECK };
  /* Right-bottom, left-bottom, left-top, right-top: counter-clockwise
   * as drawn (the right is on the viewer's left). */
  const int order[4][2] = { { 0, 1 }, { 0, -1 }, { 1, -1 }, { 1, 1 } };

  for (int i = 0; i < 4; i++)
    {
      int e = order[i][0];

      cx[i] = solved->x[ends[e]] + order[i][1] * half[e] * px;
      cy[i] = solved->y[ends[e]] + order[i][1] * half[e] * py;
    }
  *radius = FRONT_CORNER;
}
