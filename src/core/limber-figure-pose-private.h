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

/* Lengths and widths (near end, far end) in body heights: FIGURES.md. */
static const struct
{
  Kind        kind;
  int         side;     /* +1 right, -1 left, 0 the middle */
  int         parent;
  LimberPoint start;
  LimberPoint end;
  double      length;
  double      w0, w1;
  int         limb;
} skeleton[LIMBER_N_SEGMENTS] = {
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
const LimberProp *_limber_scene_find          (const LimberScene *scene,
                                               LimberPropKind     kind);

G_END_DECLS
