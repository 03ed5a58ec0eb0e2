/* limber-figure-pose-private.h — the skeleton and the solver's state,
 * between the files that solve a pose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "limber-figure-pose.h"

G_BEGIN_DECLS

typedef enum
{
  KIND_TRUNK,
  KIND_HEAD,
  KIND_UPPER_ARM,
  KIND_FOREARM,
  KIND_THIGH,
  KIND_SHIN,
  KIND_FOOT,
  N_KINDS
} Kind;

/* One segment of the skeleton: its kind, side, parent, end points, length
 * and widths (near end, far end) in body heights. */
typedef struct
{
  Kind        kind;
  int         side;     /* +1 right, -1 left, 0 the middle */
  int         parent;
  LimberPoint start;
  LimberPoint end;
  double      length;
  double      w0, w1;
  int         limb;
} SkeletonBone;

/* The segments, in limber-figure-skeleton.c. */
extern const SkeletonBone _limber_skeleton[LIMBER_N_SEGMENTS];

/* Front view: the trunk is a rounded trapezoid, the joints beside it. */
#define FRONT_PELVIS_HALF   0.075
#define FRONT_SHOULDER_HALF 0.105
#define FRONT_CORNER        0.03
#define FRONT_HIP           0.05
#define FRONT_SHOULDER      0.085
#define FRONT_FOOT_FACTOR   0.45
#define SHOULDER_ALONG      0.9     /* of the trunk, from the pelvis */

typedef struct
{
  LimberView       view;
  double           angle[LIMBER_N_SEGMENTS];
  double           scale[LIMBER_N_SEGMENTS];
  double           root_x, root_y;
  LimberPoseSolved s;
} State;

static inline double
radians (double degrees)
{
  return degrees * G_PI / 180;
}

static inline double
degrees (double radians)
{
  return radians * 180 / G_PI;
}

/* An angle in (-180, 180]. */
static inline double
normalize (double deg)
{
  deg = fmod (deg, 360);
  if (deg <= -180)
    deg += 360;
  else if (deg > 180)
    deg -= 360;
  return deg;
}

static inline double
direction_to (double from_x,
              double from_y,
              double to_x,
              double to_y)
{
  return atan2 (to_x - from_x, to_y - from_y);
}

int               _limber_pose_point_parent   (LimberPoint    point);
void              _limber_pose_turn_of        (LimberView     view,
                                               LimberSegment  segment,
                                               double        *base,
                                               double        *sign);
void              _limber_pose_forward        (State         *st);
void              _limber_pose_set_direction  (State         *st,
                                               LimberSegment  segment,
                                               double         dir);
void              _limber_pose_lower_one_bone (State         *st,
                                               LimberSegment  bone,
                                               double         ty);
void              _limber_pose_apply_body     (State                  *st,
                                               const LimberPose       *pose);
void              _limber_pose_apply_world    (State                  *st,
                                               const LimberPose       *pose,
                                               const LimberScene      *scene,
                                               const LimberPoseSolved *start);
void              _limber_pose_ground         (State                  *st,
                                               const LimberPose       *pose,
                                               const LimberScene      *scene,
                                               const LimberPoseSolved *start);
void              _limber_pose_space          (State                  *st,
                                               const LimberPose       *pose,
                                               const LimberScene      *scene);
const LimberProp *_limber_scene_find          (const LimberScene *scene,
                                               LimberPropKind     kind);

G_END_DECLS
