/* limber-figure-pose-props.c — the props around a solved body
 *
 * How high a bench, bed, chair or mat is, where a hand holds a chair,
 * and where a ball, roller or towel under the body is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include "limber-figure-pose-private.h"

#define CHAIR_DEPTH         0.24
#define CHAIR_BACK          0.25    /* above the seat */
#define PILLOW_RADIUS       0.045
#define SIDE_PILLOW_RADIUS  0.1     /* under someone lying on their side */

double
limber_prop_default_height (LimberPropKind kind)
{
  switch (kind)
    {
    case LIMBER_PROP_BENCH:
      return 0.27;
    case LIMBER_PROP_BED:
      return 0.32;
    case LIMBER_PROP_CHAIR:
      return 0.27;
    case LIMBER_PROP_MAT:
      return LIMBER_FIGURE_MAT_THICKNESS;
    case LIMBER_PROP_WALL:
      return 1.15;
    case LIMBER_PROP_TOWEL:
      return 0.035;
    case LIMBER_PROP_FLOOR:
    case LIMBER_PROP_BALL:
    case LIMBER_PROP_FOAM_ROLLER:
    case LIMBER_PROP_STRAP:
    case LIMBER_N_PROPS:
    default:
      return 0;
    }
}

static double
prop_height (const LimberProp *prop)
{
  return prop->has_height ? prop->height : limber_prop_default_height (prop->kind);
}

/* Where a hand holds a chair: the top of its back. */
void
limber_scene_chair_grip (const LimberProp *chair,
                         double           *x,
                         double           *y)
{
  int facing = chair->has_facing ? chair->facing : 1;

  *x = chair->x - facing * CHAIR_DEPTH / 2;
  *y = prop_height (chair) + CHAIR_BACK;
}

const LimberProp *
_limber_scene_find (const LimberScene *scene,
                    LimberPropKind     kind)
{
  for (guint i = 0; i < scene->n_props; i++)
    if (scene->props[i].kind == kind)
      return &scene->props[i];
  return NULL;
}

/* The height of the top of what something rests on. */
double
limber_scene_surface (const LimberScene *scene,
                      LimberPropKind     kind)
{
  const LimberProp *prop;

  if (kind == LIMBER_PROP_FLOOR || kind == LIMBER_PROP_MAT)
    {
      prop = _limber_scene_find (scene, LIMBER_PROP_MAT);
      return prop != NULL ? prop_height (prop) : 0;
    }
  prop = _limber_scene_find (scene, kind);
  return prop != NULL ? prop_height (prop) : limber_prop_default_height (kind);
}

static double
prop_radius (LimberPropKind kind)
{
  switch (kind)
    {
    case LIMBER_PROP_BALL:
      return LIMBER_FIGURE_BALL_RADIUS;
    case LIMBER_PROP_FOAM_ROLLER:
      return LIMBER_FIGURE_ROLLER_RADIUS;
    case LIMBER_PROP_TOWEL:
      return limber_prop_default_height (LIMBER_PROP_TOWEL) / 2;
    case LIMBER_PROP_PILLOW:
      return PILLOW_RADIUS;
    case LIMBER_PROP_FLOOR:
    case LIMBER_PROP_MAT:
    case LIMBER_PROP_BENCH:
    case LIMBER_PROP_BED:
    case LIMBER_PROP_CHAIR:
    case LIMBER_PROP_WALL:
    case LIMBER_PROP_STRAP:
    case LIMBER_N_PROPS:
    default:
      return 0;
    }
}

/* A ball, a roller or a towel pressed into the body sinks into it a
 * little, and is drawn behind it. */
static void
attached_center (const LimberPoseSolved *solved,
                 LimberView              view,
                 int                     segment,
                 double                  at,
                 LimberSurface           surface,
                 double                  radius,
                 double                 *x,
                 double                 *y)
{
  if (surface == LIMBER_SURFACE_NONE)
    surface = view == LIMBER_VIEW_FRONT ? LIMBER_SURFACE_OUTER : LIMBER_SURFACE_BACK;
  limber_pose_segment_point (solved, view, segment, at, surface, radius * 0.5, x, y);
}

/* A ball, roller or towel: its centre and radius.  One on the floor
 * (no segment) lies at @x. */
void
limber_pose_prop_center (const LimberPoseSolved *solved,
                         LimberView              view,
                         const LimberProp       *prop,
                         double                 *x,
                         double                 *y,
                         double                 *radius)
{
  *radius = prop_radius (prop->kind);
  if (prop->segment >= 0)
    attached_center (solved, view, prop->segment, prop->at, prop->surface, *radius, x, y);
  else
    {
      *x = prop->x;
      *y = solved->support + *radius;
    }
}

/**
 * limber_pose_pillow_on_side:
 * @camera: the figure's camera (on)
 * @floor: the top of the mat
 *
 * A pillow under someone lying on their side (a top view through a
 * camera): it lies on the mat straight under its point of the body (a
 * head, a knee), larger than the pillow of a side view.  The surface
 * offsets of the picture plane cannot say "under" once the body is
 * rolled onto its side.
 */
void
limber_pose_pillow_on_side (const LimberPoseSolved *solved,
                            const LimberCamera     *camera,
                            const LimberProp       *prop,
                            double                  floor,
                            double                 *x,
                            double                 *y,
                            double                 *radius)
{
  LimberPoint a = _limber_skeleton[prop->segment].start, b = _limber_skeleton[prop->segment].end;
  double p[3], depth;

  for (int k = 0; k < 3; k++)
    p[k] = prop->segment == LIMBER_SEGMENT_HEAD
             ? solved->world[b][k]
             : solved->world[a][k] + (solved->world[b][k] - solved->world[a][k]) * prop->at;
  *radius = SIDE_PILLOW_RADIUS;
  /* The oval is drawn 0.75 of its radius high: it rests on the mat. */
  p[1] = floor + SIDE_PILLOW_RADIUS * 0.75;
  limber_camera_project (camera, p, x, y, &depth);
}

void
limber_pose_pressure_ball (const LimberPoseSolved *solved,
                           LimberView              view,
                           const LimberPressure   *pressure,
                           double                 *x,
                           double                 *y,
                           double                 *radius)
{
  *radius = pressure->by == LIMBER_PRESSURE_FOAM_ROLLER ? LIMBER_FIGURE_ROLLER_RADIUS
                                                        : LIMBER_FIGURE_BALL_RADIUS;
  attached_center (solved, view, pressure->segment, pressure->at, pressure->surface, *radius, x, y);
}
