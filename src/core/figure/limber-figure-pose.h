/* limber-figure-pose.h — a pictogram's skeleton: poses, constraints, IK
 *
 * The body is a 2D skeleton of segments, each hung from its parent by a
 * joint angle in degrees.  Lengths and widths are fractions of the body
 * height H (proportions that read well as a pictogram); coordinates are
 * in body heights with y up and the floor at y = 0.  A figure always
 * faces right (+x) with its RIGHT side nearest the viewer; the renderer
 * mirrors it for a left-side program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LIMBER_VIEW_SIDE,   /* the sagittal plane, right side toward the viewer */
  LIMBER_VIEW_FRONT,  /* the frontal plane, the figure faces the viewer */
  LIMBER_VIEW_TOP,    /* seen from above: side-view angles, no floor */
  LIMBER_N_VIEWS
} LimberView;

/* In the order forward kinematics visits them: a parent before its
 * children, and each limb's segments one after the other. */
typedef enum
{
  LIMBER_SEGMENT_TRUNK,
  LIMBER_SEGMENT_HEAD,
  LIMBER_SEGMENT_RIGHT_UPPER_ARM,
  LIMBER_SEGMENT_RIGHT_FOREARM,
  LIMBER_SEGMENT_LEFT_UPPER_ARM,
  LIMBER_SEGMENT_LEFT_FOREARM,
  LIMBER_SEGMENT_RIGHT_THIGH,
  LIMBER_SEGMENT_RIGHT_SHIN,
  LIMBER_SEGMENT_RIGHT_FOOT,
  LIMBER_SEGMENT_LEFT_THIGH,
  LIMBER_SEGMENT_LEFT_SHIN,
  LIMBER_SEGMENT_LEFT_FOOT,
  LIMBER_N_SEGMENTS
} LimberSegment;

typedef enum
{
  LIMBER_POINT_PELVIS,
  LIMBER_POINT_NECK,
  LIMBER_POINT_HEAD,
  LIMBER_POINT_RIGHT_SHOULDER,
  LIMBER_POINT_RIGHT_ELBOW,
  LIMBER_POINT_RIGHT_HAND,
  LIMBER_POINT_LEFT_SHOULDER,
  LIMBER_POINT_LEFT_ELBOW,
  LIMBER_POINT_LEFT_HAND,
  LIMBER_POINT_RIGHT_HIP,
  LIMBER_POINT_RIGHT_KNEE,
  LIMBER_POINT_RIGHT_ANKLE,
  LIMBER_POINT_RIGHT_TOE,
  LIMBER_POINT_LEFT_HIP,
  LIMBER_POINT_LEFT_KNEE,
  LIMBER_POINT_LEFT_ANKLE,
  LIMBER_POINT_LEFT_TOE,
  LIMBER_N_POINTS
} LimberPoint;

typedef enum
{
  LIMBER_LIMB_RIGHT_ARM,
  LIMBER_LIMB_LEFT_ARM,
  LIMBER_LIMB_RIGHT_LEG,
  LIMBER_LIMB_LEFT_LEG,
  LIMBER_N_LIMBS
} LimberLimb;

/* Which face of a segment a point, a highlight or a pressure is on. */
typedef enum
{
  LIMBER_SURFACE_NONE,   /* on the segment's middle line */
  LIMBER_SURFACE_FRONT,  /* side view: the front (a foot's top) */
  LIMBER_SURFACE_BACK,   /* side view: the back (a foot's sole) */
  LIMBER_SURFACE_OUTER,  /* front view: away from the body's middle */
  LIMBER_SURFACE_INNER,  /* front view: toward the body's middle */
  LIMBER_SURFACE_SIDE,   /* the trunk's right flank (front view: its edge) */
  LIMBER_N_SURFACES
} LimberSurface;

typedef enum
{
  LIMBER_PROP_FLOOR,
  LIMBER_PROP_MAT,
  LIMBER_PROP_BENCH,
  LIMBER_PROP_BED,
  LIMBER_PROP_CHAIR,
  LIMBER_PROP_WALL,
  LIMBER_PROP_BALL,
  LIMBER_PROP_FOAM_ROLLER,
  LIMBER_PROP_TOWEL,
  LIMBER_PROP_STRAP,
  LIMBER_PROP_PILLOW,
  LIMBER_N_PROPS
} LimberPropKind;

typedef struct
{
  LimberPropKind kind;
  double         x;        /* floor props: centre (a wall: its face) */
  double         width;
  double         height;   /* bench, bed, chair: the top of the seat */
  int            facing;   /* chair: +1 its seat faces right, -1 left */
  int            segment;  /* ball, roller, towel: under this segment… */
  double         at;       /* …this far along it (0 near end, 1 far) */
  LimberSurface  surface;
  int            from;     /* strap: a hand (LimberPoint) */
  int            to;       /* strap: a foot (LimberSegment) */
  guint          has_x : 1;
  guint          has_width : 1;
  guint          has_height : 1;
  guint          has_facing : 1;
  long           line;
} LimberProp;

/* The turns a 3D pose adds to the side view's bends, each in degrees
 * from standing straight (0), with its limits in limber_turn_limits(). */
typedef enum
{
  LIMBER_TURN_TRUNK_SIDE,          /* bend to the right (+) or left */
  LIMBER_TURN_TRUNK_TURN,          /* turn the chest to the right (+) */
  LIMBER_TURN_NECK_SIDE,           /* tip the head to the right (+) */
  LIMBER_TURN_RIGHT_SHOULDER_OUT,  /* abduction (+), adduction (-) */
  LIMBER_TURN_RIGHT_SHOULDER_TURN, /* external (+), internal rotation */
  LIMBER_TURN_LEFT_SHOULDER_OUT,
  LIMBER_TURN_LEFT_SHOULDER_TURN,
  LIMBER_TURN_RIGHT_HIP_OUT,       /* abduction (+), adduction (-) */
  LIMBER_TURN_RIGHT_HIP_TURN,      /* external (+), internal rotation */
  LIMBER_TURN_RIGHT_ANKLE_TURN,    /* eversion, toes out (+); inversion */
  LIMBER_TURN_LEFT_HIP_OUT,
  LIMBER_TURN_LEFT_HIP_TURN,
  LIMBER_TURN_LEFT_ANKLE_TURN,
  LIMBER_N_TURNS
} LimberTurn;

/* How the picture is seen when a figure has a camera (yaw, pitch). */
typedef struct
{
  gboolean on;       /* FALSE: the side, front or top view of old */
  double   yaw;      /* degrees: 0 from the right side, 90 from the front */
  double   pitch;    /* degrees: 0 level, 90 from above */
} LimberCamera;

typedef enum
{
  LIMBER_PRESSURE_HAND,
  LIMBER_PRESSURE_BALL,
  LIMBER_PRESSURE_FOAM_ROLLER,
  LIMBER_N_PRESSURE_BY
} LimberPressureBy;

typedef struct
{
  int              segment;
  double           at;
  LimberSurface    surface;
  LimberPressureBy by;
  int              hand;     /* LimberPoint: the hand that presses */
  long             line;
} LimberPressure;

typedef enum
{
  LIMBER_CONSTRAINT_REACH,   /* put a hand, foot, knee or elbow on a target */
  LIMBER_CONSTRAINT_FLAT,    /* a segment level (and resting on a surface) */
  LIMBER_CONSTRAINT_STAY,    /* lengthened: a hand or foot stays put */
  LIMBER_CONSTRAINT_BEHIND,  /* a limb is drawn behind the trunk */
} LimberConstraintKind;

typedef enum
{
  LIMBER_TARGET_NONE,
  LIMBER_TARGET_POINT,     /* a joint of the body */
  LIMBER_TARGET_SEGMENT,   /* a point along a segment, maybe on a surface */
  LIMBER_TARGET_PROP,      /* the floor, a bench's top, a chair's back… */
} LimberTargetKind;

typedef struct
{
  LimberConstraintKind kind;
  int                  subject;  /* REACH, STAY: LimberPoint; FLAT:
                                  * LimberSegment; BEHIND: LimberLimb */
  LimberTargetKind     target;
  int                  index;    /* LimberPoint, LimberSegment or
                                  * LimberPropKind; FLAT: a prop or -1 */
  double               at;
  LimberSurface        surface;
  double               x, y;     /* REACH to a prop: where on it */
  guint                has_x : 1;
  guint                has_y : 1;
  guint                implicit : 1; /* the pressing hand: not written */
  long                 line;
} LimberConstraint;

/* One phase as written: angles, foreshortening, placement, intents. */
typedef struct
{
  double  angle[LIMBER_N_SEGMENTS];  /* degrees, 0 = standing straight */
  guint   angle_set;                 /* bit per segment: written in the file */
  double  scale[LIMBER_N_SEGMENTS];  /* foreshortening, 0.3–1 */
  double  turn[LIMBER_N_TURNS];      /* degrees: the 3D turns */
  guint   turn_set;                  /* bit per LimberTurn: written */
  double  x, y;                      /* the pelvis, in body heights */
  int     on;                        /* LimberPropKind it rests on */
  int     keep;                      /* LimberPoint kept still, or -1 */
  guint   has_x : 1;
  guint   has_y : 1;
  guint   has_on : 1;
  GArray *constraints;               /* LimberConstraint */
} LimberPose;

/* One phase solved: where everything is. */
typedef struct
{
  double x[LIMBER_N_POINTS];
  double y[LIMBER_N_POINTS];
  double dir[LIMBER_N_SEGMENTS];    /* radians; direction (sin, cos) */
  double len[LIMBER_N_SEGMENTS];    /* after foreshortening */
  double angle[LIMBER_N_SEGMENTS];  /* degrees, after the constraints */
  guint  behind;                    /* bit per LimberLimb */
  double support;                   /* height of what it rests on */
  /* Through a camera: every point in 3D (x, y up, z the figure's
   * right) before it was projected, its depth toward the viewer, and
   * how much of the trunk's width shows (0 side on, 1 face on). */
  gboolean projected;
  double   world[LIMBER_N_POINTS][3];
  double   depth[LIMBER_N_POINTS];
  double   trunk_wide;
} LimberPoseSolved;

/* What the solver needs to know of the world around the body. */
typedef struct
{
  LimberView            view;
  const LimberProp     *props;
  guint                 n_props;
  const LimberPressure *pressure;   /* nullable */
  LimberCamera          camera;
} LimberScene;

typedef enum
{
  LIMBER_ARROW_AUTO,
  LIMBER_ARROW_NONE,
  LIMBER_ARROW_STRAIGHT,
  LIMBER_ARROW_ARC,
} LimberArrowKind;

/* Sizes of the drawing, in body heights. */
#define LIMBER_FIGURE_HEAD_RADIUS   0.074
#define LIMBER_FIGURE_HEAD_GAP      0.026
#define LIMBER_FIGURE_OUTLINE       0.016
#define LIMBER_FIGURE_MAT_THICKNESS 0.016
#define LIMBER_FIGURE_BALL_RADIUS   0.036
#define LIMBER_FIGURE_ROLLER_RADIUS 0.05

/* The words of the format, each list in the order of its enum. */
typedef enum
{
  LIMBER_WORDS_VIEW,       /* LimberView */
  LIMBER_WORDS_SEGMENT,    /* LimberSegment */
  LIMBER_WORDS_JOINT,      /* LimberSegment: the joint that turns it */
  LIMBER_WORDS_POINT,      /* LimberPoint */
  LIMBER_WORDS_LIMB,       /* LimberLimb */
  LIMBER_WORDS_SURFACE,    /* LimberSurface */
  LIMBER_WORDS_PROP,       /* LimberPropKind */
  LIMBER_WORDS_PRESSURE,   /* LimberPressureBy */
  LIMBER_WORDS_ARROW,      /* LimberArrowKind */
  LIMBER_WORDS_EFFECTOR,   /* what can reach: see limber_effector_point() */
  LIMBER_WORDS_SUPPORT,    /* what a body can rest on */
  LIMBER_WORDS_TURN,       /* LimberTurn */
  LIMBER_N_WORDS
} LimberWords;

const char    *limber_figure_word        (LimberWords   words,
                                          int           index);
int            limber_figure_word_lookup (LimberWords   words,
                                          const char   *text);
char          *limber_figure_word_list   (LimberWords   words);
LimberPoint    limber_effector_point     (int           effector);
int            limber_effector_for_point (LimberPoint   point);
LimberPropKind limber_support_prop       (int           support);
int            limber_prop_support       (LimberPropKind kind);

void           limber_turn_limits        (LimberTurn    turn,
                                          double       *min,
                                          double       *max);

/* The skeleton. */
LimberPoint    limber_segment_start      (LimberSegment segment);
LimberPoint    limber_segment_end        (LimberSegment segment);
int            limber_segment_parent     (LimberSegment segment);
LimberLimb     limber_segment_limb       (LimberSegment segment);
int            limber_segment_side       (LimberSegment segment);
double         limber_segment_radius     (LimberSegment segment,
                                          LimberView    view,
                                          double        t);
LimberSegment  limber_limb_first         (LimberLimb    limb);
LimberSegment  limber_limb_last          (LimberLimb    limb);
int            limber_point_segment      (LimberPoint   point);
gboolean       limber_point_on_limb      (LimberPoint   point,
                                          LimberLimb    limb);
int            limber_reach_chain        (LimberPoint   effector,
                                          int          *n_bones);

/* Poses. */
void           limber_pose_init          (LimberPose       *pose);
void           limber_pose_clear         (LimberPose       *pose);
void           limber_pose_copy          (LimberPose       *dest,
                                          const LimberPose *src);
gboolean       limber_pose_equal         (const LimberPose *a,
                                          const LimberPose *b);
double         limber_pose_scale         (const LimberPose *pose,
                                          LimberSegment     segment);
void           limber_pose_solve         (const LimberPose       *pose,
                                          const LimberScene      *scene,
                                          const LimberPoseSolved *start,
                                          LimberPoseSolved       *out);
double         limber_pose_radius        (const LimberPoseSolved *solved,
                                          LimberView              view,
                                          LimberSegment           segment,
                                          double                  t);
void           limber_pose_segment_point (const LimberPoseSolved *solved,
                                          LimberView              view,
                                          LimberSegment           segment,
                                          double                  at,
                                          LimberSurface           surface,
                                          double                  beyond,
                                          double                 *x,
                                          double                 *y);
void           limber_pose_surface_normal (const LimberPoseSolved *solved,
                                           LimberView              view,
                                           LimberSegment           segment,
                                           LimberSurface           surface,
                                           double                 *nx,
                                           double                 *ny);
void           limber_pose_front_trunk   (const LimberPoseSolved *solved,
                                          double                  cx[4],
                                          double                  cy[4],
                                          double                 *radius);
void           limber_pose_prop_center   (const LimberPoseSolved *solved,
                                          LimberView              view,
                                          const LimberProp       *prop,
                                          double                 *x,
                                          double                 *y,
                                          double                 *radius);
void           limber_pose_pillow_on_side (const LimberPoseSolved *solved,
                                           const LimberCamera     *camera,
                                           const LimberProp       *prop,
                                           double                  floor,
                                           double                 *x,
                                           double                 *y,
                                           double                 *radius);
void           limber_pose_pressure_ball (const LimberPoseSolved *solved,
                                          LimberView              view,
                                          const LimberPressure   *pressure,
                                          double                 *x,
                                          double                 *y,
                                          double                 *radius);
double         limber_prop_default_height (LimberPropKind kind);
void           limber_camera_project     (const LimberCamera *camera,
                                          const double        p[3],
                                          double             *x,
                                          double             *y,
                                          double             *depth);
void           limber_scene_chair_grip   (const LimberProp *chair,
                                          double           *x,
                                          double           *y);
double         limber_scene_surface      (const LimberScene *scene,
                                          LimberPropKind     kind);
void           limber_pose_auto_arrow    (const LimberPoseSolved *start,
                                          const LimberPoseSolved *end,
                                          const LimberPressure   *pressure,
                                          int                    *point,
                                          int                    *pivot,
                                          LimberArrowKind        *kind);

G_END_DECLS
