/* limber-figure-pose.c — forward kinematics, IK and grounding
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

#include <math.h>
#include <string.h>

#include "limber-figure-pose.h"

#define N_PASSES 4

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

/* Front view: the trunk is a rounded trapezoid, the joints beside it. */
#define FRONT_PELVIS_HALF   0.075
#define FRONT_SHOULDER_HALF 0.105
#define FRONT_CORNER        0.03
#define FRONT_HIP           0.05
#define FRONT_SHOULDER      0.085
#define FRONT_FOOT_FACTOR   0.45
#define SHOULDER_ALONG      0.9     /* of the trunk, from the pelvis */

#define CHAIR_DEPTH         0.24
#define CHAIR_BACK          0.25    /* above the seat */
#define LYING_SLACK         0.05

typedef struct
{
  LimberView       view;
  double           angle[LIMBER_N_SEGMENTS];
  double           scale[LIMBER_N_SEGMENTS];
  double           root_x, root_y;
  LimberPoseSolved s;
} State;

/* ------------------------------------------------------------------ */
/* Words                                                              */

static const char * const view_words[] = { "side", "front", "top", NULL };
static const char * const segment_words[] = {
  "trunk", "head", "right-upper-arm", "right-forearm", "left-upper-arm", "left-forearm",
  "right-thigh", "right-shin", "right-foot", "left-thigh", "left-shin", "left-foot", NULL
};
static const char * const joint_words[] = {
  "trunk", "neck", "right-shoulder", "right-elbow", "left-shoulder", "left-elbow",
  "right-hip", "right-knee", "right-ankle", "left-hip", "left-knee", "left-ankle", NULL
};
static const char * const point_words[] = {
  "pelvis", "neck", "head", "right-shoulder", "right-elbow", "right-hand",
  "left-shoulder", "left-elbow", "left-hand", "right-hip", "right-knee", "right-ankle",
  "right-toe", "left-hip", "left-knee", "left-ankle", "left-toe", NULL
};
static const char * const limb_words[] = { "right-arm", "left-arm", "right-leg", "left-leg", NULL };
static const char * const surface_words[] = { "middle", "front", "back", "outer", "inner", NULL };
static const char * const prop_words[] = {
  "floor", "mat", "bench", "bed", "chair", "wall", "ball", "foam-roller", "towel", "strap", NULL
};
static const char * const pressure_words[] = { "hand", "ball", "foam-roller", NULL };
static const char * const arrow_words[] = { "auto", "none", "straight", "arc", NULL };
static const char * const effector_words[] = {
  "right-hand", "left-hand", "right-foot", "left-foot", "right-knee", "left-knee",
  "right-elbow", "left-elbow", NULL
};
static const char * const support_words[] = { "floor", "bench", "bed", "chair", NULL };

static const LimberPoint effector_points[] = {
  LIMBER_POINT_RIGHT_HAND, LIMBER_POINT_LEFT_HAND, LIMBER_POINT_RIGHT_ANKLE,
  LIMBER_POINT_LEFT_ANKLE, LIMBER_POINT_RIGHT_KNEE, LIMBER_POINT_LEFT_KNEE,
  LIMBER_POINT_RIGHT_ELBOW, LIMBER_POINT_LEFT_ELBOW,
};
static const LimberPropKind support_props[] = {
  LIMBER_PROP_FLOOR, LIMBER_PROP_BENCH, LIMBER_PROP_BED, LIMBER_PROP_CHAIR,
};

static const char * const *word_lists[LIMBER_N_WORDS] = {
  [LIMBER_WORDS_VIEW] = view_words,
  [LIMBER_WORDS_SEGMENT] = segment_words,
  [LIMBER_WORDS_JOINT] = joint_words,
  [LIMBER_WORDS_POINT] = point_words,
  [LIMBER_WORDS_LIMB] = limb_words,
  [LIMBER_WORDS_SURFACE] = surface_words,
  [LIMBER_WORDS_PROP] = prop_words,
  [LIMBER_WORDS_PRESSURE] = pressure_words,
  [LIMBER_WORDS_ARROW] = arrow_words,
  [LIMBER_WORDS_EFFECTOR] = effector_words,
  [LIMBER_WORDS_SUPPORT] = support_words,
};

const char *
limber_figure_word (LimberWords words,
                    int         index)
{
  g_return_val_if_fail (words < LIMBER_N_WORDS, NULL);
  g_return_val_if_fail (index >= 0 && index < (int) g_strv_length ((GStrv) word_lists[words]), NULL);
  return word_lists[words][index];
}

/* Returns: the word's index in its list, or -1 */
int
limber_figure_word_lookup (LimberWords  words,
                           const char  *text)
{
  g_return_val_if_fail (words < LIMBER_N_WORDS, -1);
  if (text == NULL)
    return -1;
  for (int i = 0; word_lists[words][i] != NULL; i++)
    if (strcmp (word_lists[words][i], text) == 0)
      return i;
  return -1;
}

/* "a, b, c": for messages that say what would be right. */
char *
limber_figure_word_list (LimberWords words)
{
  g_return_val_if_fail (words < LIMBER_N_WORDS, NULL);
  return g_strjoinv (", ", (GStrv) word_lists[words]);
}

LimberPoint
limber_effector_point (int effector)
{
  g_return_val_if_fail (effector >= 0 && effector < (int) G_N_ELEMENTS (effector_points),
                        LIMBER_POINT_RIGHT_HAND);
  return effector_points[effector];
}

int
limber_effector_for_point (LimberPoint point)
{
  for (guint i = 0; i < G_N_ELEMENTS (effector_points); i++)
    if (effector_points[i] == point)
      return i;
  return -1;
}

LimberPropKind
limber_support_prop (int support)
{
  g_return_val_if_fail (support >= 0 && support < (int) G_N_ELEMENTS (support_props),
                        LIMBER_PROP_FLOOR);
  return support_props[support];
}

int
limber_prop_support (LimberPropKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (support_props); i++)
    if (support_props[i] == kind)
      return i;
  return -1;
}

/* ------------------------------------------------------------------ */
/* The skeleton                                                       */

LimberPoint
limber_segment_start (LimberSegment segment)
{
  return skeleton[segment].start;
}

LimberPoint
limber_segment_end (LimberSegment segment)
{
  return skeleton[segment].end;
}

int
limber_segment_parent (LimberSegment segment)
{
  return skeleton[segment].parent;
}

/* Returns: the limb, or -1 for the trunk and the head */
LimberLimb
limber_segment_limb (LimberSegment segment)
{
  return skeleton[segment].limb;
}

int
limber_segment_side (LimberSegment segment)
{
  return skeleton[segment].side;
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
    if (skeleton[i].end == point)
      return i;
  return -1;
}

/* The point a point turns around when its nearest joint moves. */
static int
point_parent (LimberPoint point)
{
  int segment = limber_point_segment (point);

  if (point == LIMBER_POINT_PELVIS)
    return -1;
  if (segment < 0)   /* a hip or a shoulder: fixed to the trunk */
    return LIMBER_POINT_PELVIS;
  return skeleton[segment].start;
}

/* Whether @point moves when @limb moves (its root does not). */
gboolean
limber_point_on_limb (LimberPoint point,
                      LimberLimb  limb)
{
  for (LimberSegment s = limber_limb_first (limb); s <= limber_limb_last (limb); s++)
    if (skeleton[s].end == point)
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

  if (segment < 0 || skeleton[segment].limb < 0)
    return -1;
  switch (skeleton[segment].kind)
    {
    case KIND_UPPER_ARM:
    case KIND_THIGH:
      *n_bones = 1;
      return segment;
    case KIND_FOREARM:
    case KIND_SHIN:
      *n_bones = 2;
      return skeleton[segment].parent;
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
  return (skeleton[segment].w0 + (skeleton[segment].w1 - skeleton[segment].w0) * t) / 2;
}

/* ------------------------------------------------------------------ */
/* Forward kinematics                                                 */

static double
radians (double degrees)
{
  return degrees * G_PI / 180;
}

static double
degrees (double radians)
{
  return radians * 180 / G_PI;
}

/* An angle in (-180, 180]. */
static double
normalize (double deg)
{
  deg = fmod (deg, 360);
  if (deg <= -180)
    deg += 360;
  else if (deg > 180)
    deg -= 360;
  return deg;
}

static void
turn_of (LimberView     view,
         LimberSegment  segment,
         double        *base,
         double        *sign)
{
  Kind kind = skeleton[segment].kind;
  double side = skeleton[segment].side;

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
  double length = skeleton[segment].length * scale;

  if (segment == LIMBER_SEGMENT_HEAD)
    return (view == LIMBER_VIEW_FRONT ? FRONT_CORNER : skeleton[LIMBER_SEGMENT_TRUNK].w1 / 2)
           + LIMBER_FIGURE_HEAD_GAP + LIMBER_FIGURE_HEAD_RADIUS;
  if (view == LIMBER_VIEW_FRONT && skeleton[segment].kind == KIND_FOOT)
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

  switch (skeleton[segment].kind)
    {
    case KIND_TRUNK:
      *x = st->root_x;
      *y = st->root_y;
      return;
    case KIND_UPPER_ARM:
      if (st->view == LIMBER_VIEW_FRONT)
        lateral = FRONT_SHOULDER * skeleton[segment].side;
      *x = s->x[LIMBER_POINT_PELVIS] + SHOULDER_ALONG * s->len[LIMBER_SEGMENT_TRUNK] * sin (t);
      *y = s->y[LIMBER_POINT_PELVIS] + SHOULDER_ALONG * s->len[LIMBER_SEGMENT_TRUNK] * cos (t);
      break;
    case KIND_THIGH:
      if (st->view == LIMBER_VIEW_FRONT)
        lateral = FRONT_HIP * skeleton[segment].side;
      *x = s->x[LIMBER_POINT_PELVIS];
      *y = s->y[LIMBER_POINT_PELVIS];
      break;
    case KIND_HEAD:
    case KIND_FOREARM:
    case KIND_SHIN:
    case KIND_FOOT:
    case N_KINDS:
    default:
      *x = s->x[skeleton[skeleton[segment].parent].end];
      *y = s->y[skeleton[skeleton[segment].parent].end];
      return;
    }
  /* The figure's right is on the viewer's left when it faces us. */
  *x += lateral * -cos (t);
  *y += lateral * sin (t);
}

static void
forward (State *st)
{
  LimberPoseSolved *s = &st->s;

  for (int i = 0; i < LIMBER_N_SEGMENTS; i++)
    {
      int parent = skeleton[i].parent;
      double base, sign, x, y;

      turn_of (st->view, i, &base, &sign);
      s->angle[i] = st->angle[i];
      s->dir[i] = (parent < 0 ? 0 : s->dir[parent]) + radians (base + sign * st->angle[i]);
      s->len[i] = segment_length (st->view, i, st->scale[i]);
      segment_origin (st, i, &x, &y);
      s->x[skeleton[i].start] = x;
      s->y[skeleton[i].start] = y;
      s->x[skeleton[i].end] = x + s->len[i] * sin (s->dir[i]);
      s->y[skeleton[i].end] = y + s->len[i] * cos (s->dir[i]);
    }
}

/* Turns @segment to the absolute direction @dir (radians), as the
 * joint angle that gives it. */
static void
set_direction (State         *st,
               LimberSegment  segment,
               double         dir)
{
  int parent = skeleton[segment].parent;
  double base, sign;
  double parent_dir = parent < 0 ? 0 : st->s.dir[parent];

  turn_of (st->view, segment, &base, &sign);
  st->angle[segment] = normalize ((degrees (dir - parent_dir) - base) / sign);
  forward (st);
}

static double
direction_to (double from_x,
              double from_y,
              double to_x,
              double to_y)
{
  return atan2 (to_x - from_x, to_y - from_y);
}

/* ------------------------------------------------------------------ */
/* Inverse kinematics                                                 */

/* Turns one bone about its root so that its end points at (tx, ty). */
static void
reach_one_bone (State         *st,
                LimberSegment  bone,
                double         tx,
                double         ty)
{
  LimberPoint root = skeleton[bone].start;

  if (hypot (tx - st->s.x[root], ty - st->s.y[root]) < 1e-9)
    return;
  set_direction (st, bone, direction_to (st->s.x[root], st->s.y[root], tx, ty));
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
  LimberPoint root = skeleton[upper].start;
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

      turn_of (st->view, lower, &base, &sign);
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
  set_direction (st, upper, best_dir[0]);
  set_direction (st, lower, best_dir[1]);
}

/* Turns one bone so that its end is at height @ty, turning as little
 * as possible (a knee set down on the floor). */
static void
lower_one_bone (State         *st,
                LimberSegment  bone,
                double         ty)
{
  LimberPoint root = skeleton[bone].start;
  double a = st->s.len[bone];
  double c, dir;

  if (a < 1e-9)
    return;
  c = CLAMP ((ty - st->s.y[root]) / a, -1, 1);
  dir = acos (c);
  if (sin (st->s.dir[bone]) < 0)
    dir = -dir;
  set_direction (st, bone, dir);
}

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
  int side = skeleton[segment].side;
  gboolean axial = skeleton[segment].kind == KIND_TRUNK || skeleton[segment].kind == KIND_HEAD;

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
  LimberPoint start = skeleton[segment].start, end = skeleton[segment].end;
  double nx, ny, r;

  *x = solved->x[start] + (solved->x[end] - solved->x[start]) * at;
  *y = solved->y[start] + (solved->y[end] - solved->y[start]) * at;
  if (segment == LIMBER_SEGMENT_HEAD)
    {
      *x = solved->x[end];
      *y = solved->y[end];
    }
  limber_pose_surface_normal (solved, view, segment, surface, &nx, &ny);
  r = limber_segment_radius (segment, view, at) + beyond;
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

static const LimberProp *
scene_find (const LimberScene *scene,
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
      prop = scene_find (scene, LIMBER_PROP_MAT);
      return prop != NULL ? prop_height (prop) : 0;
    }
  prop = scene_find (scene, kind);
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

/* ------------------------------------------------------------------ */
/* Grounding                                                          */

static double
segment_bottom (const State   *st,
                LimberSegment  segment)
{
  const LimberPoseSolved *s = &st->s;
  LimberPoint a = skeleton[segment].start, b = skeleton[segment].end;

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
  int limb = skeleton[segment].limb;

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
          && segment >= 0 && skeleton[segment].limb >= 0)
        placed |= 1u << skeleton[segment].limb;
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
  lower_one_bone (st, LIMBER_SEGMENT_HEAD, surface + LIMBER_FIGURE_HEAD_RADIUS);
}

static void
ground (State                  *st,
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
  forward (st);
  rest_head (st, surface);

  if (pose->keep >= 0 && start != NULL)
    st->root_x += start->x[pose->keep] - st->s.x[pose->keep];
  else
    st->root_x = pose->has_x ? pose->x : 0;
  forward (st);
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
  set_direction (st, segment, dir);
}

/* Sets a level segment down on a surface by turning the bones above it. */
static void
set_down (State         *st,
          LimberSegment  segment,
          double         surface)
{
  LimberPoint near = skeleton[segment].start;
  double ty = surface + limber_segment_radius (segment, st->view, 0);
  int parent = skeleton[segment].parent;

  switch (skeleton[segment].kind)
    {
    case KIND_FOOT:
      reach_two_bones (st, skeleton[parent].parent, st->s.x[near], ty);
      break;
    case KIND_SHIN:
    case KIND_FOREARM:
      lower_one_bone (st, parent, ty);
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
  const LimberProp *prop = scene_find (scene, c->index);
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

static void
apply_body (State            *st,
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

static void
apply_world (State                  *st,
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
  forward (&st);

  for (int pass = 0; pass < N_PASSES; pass++)
    {
      apply_body (&st, pose);
      ground (&st, pose, scene, start);
      apply_world (&st, pose, scene, start);
    }

  for (guint i = 0; i < pose->constraints->len; i++)
    {
      const LimberConstraint *c = &g_array_index (pose->constraints, LimberConstraint, i);

      if (c->kind == LIMBER_CONSTRAINT_BEHIND)
        st.s.behind |= 1u << c->subject;
    }
  *out = st.s;
}

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
  for (int a = point_parent (*point); a >= 0; a = point_parent (a))
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
