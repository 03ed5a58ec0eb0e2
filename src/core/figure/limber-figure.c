/* limber-figure.c — an exercise's pictogram, as data
 *
 * Solves both phases once, so drawing costs no solving, and answers
 * what the drawing and the editor ask.  Reading and writing the
 * <figure> element are in limber-figure-read.c and limber-figure-write.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <math.h>

#include "limber-figure-private.h"

const char * const _limber_phase_names[LIMBER_N_PHASES] = { "shortened", "lengthened" };

G_DEFINE_FINAL_TYPE (LimberFigure, limber_figure, G_TYPE_OBJECT)

static void
limber_figure_finalize (GObject *object)
{
  LimberFigure *self = (LimberFigure *) object;

  g_array_unref (self->props);
  g_array_unref (self->highlights);
  for (int i = 0; i < LIMBER_N_PHASES; i++)
    limber_pose_clear (&self->poses[i]);

  G_OBJECT_CLASS (limber_figure_parent_class)->finalize (object);
}

static void
limber_figure_class_init (LimberFigureClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_figure_finalize;
}

static void
limber_figure_init (LimberFigure *self)
{
  self->props = g_array_new (FALSE, TRUE, sizeof (LimberProp));
  self->highlights = g_array_new (FALSE, TRUE, sizeof (LimberHighlight));
  self->arrow_kind = LIMBER_ARROW_AUTO;
  self->arrow_point = self->arrow_around = self->arrow_toes = -1;
  for (int i = 0; i < LIMBER_N_PHASES; i++)
    limber_pose_init (&self->poses[i]);
}

/* ------------------------------------------------------------------ */
/* Solving                                                            */

/* The hand that presses goes where it presses, in both phases, unless a
 * phase puts it somewhere itself. */
void
_limber_figure_add_pressing_hand (LimberFigure *self)
{
  LimberConstraint c = { 0 };

  if (!self->has_pressure || self->pressure.by != LIMBER_PRESSURE_HAND)
    return;
  c.kind = LIMBER_CONSTRAINT_REACH;
  c.subject = self->pressure.hand;
  c.target = LIMBER_TARGET_SEGMENT;
  c.index = self->pressure.segment;
  c.at = self->pressure.at;
  c.surface = self->pressure.surface;
  c.implicit = TRUE;
  c.line = self->pressure.line;
  for (int phase = 0; phase < LIMBER_N_PHASES; phase++)
    {
      GArray *list = self->poses[phase].constraints;
      gboolean placed = FALSE;

      for (guint i = 0; i < list->len; i++)
        {
          LimberConstraint *o = &g_array_index (list, LimberConstraint, i);

          placed |= (o->kind == LIMBER_CONSTRAINT_REACH || o->kind == LIMBER_CONSTRAINT_STAY)
                    && o->subject == c.subject;
        }
      if (!placed)
        g_array_append_val (list, c);
    }
}

void
_limber_figure_solve (LimberFigure *self)
{
  LimberScene scene;

  limber_figure_get_scene (self, &scene);
  limber_pose_solve (&self->poses[LIMBER_PHASE_SHORTENED], &scene, NULL,
                     &self->solved[LIMBER_PHASE_SHORTENED]);
  limber_pose_solve (&self->poses[LIMBER_PHASE_LENGTHENED], &scene,
                     &self->solved[LIMBER_PHASE_SHORTENED], &self->solved[LIMBER_PHASE_LENGTHENED]);

  /* The arrow the file asks for, filled in from the movement. */
  self->arrow_from = self->arrow_point;
  limber_pose_auto_arrow (&self->solved[0], &self->solved[1], scene.pressure,
                          &self->arrow_from, &self->arrow_pivot, &self->arrow);
  if (self->arrow_kind == LIMBER_ARROW_NONE || self->arrow == LIMBER_ARROW_NONE)
    self->arrow = LIMBER_ARROW_NONE;
  else if (self->arrow_kind == LIMBER_ARROW_STRAIGHT)
    self->arrow = LIMBER_ARROW_STRAIGHT;
  else if (self->arrow_around >= 0)
    {
      self->arrow_pivot = self->arrow_around;
      self->arrow = LIMBER_ARROW_ARC;
    }
  else if (self->arrow_kind == LIMBER_ARROW_ARC && self->arrow_pivot < 0)
    self->arrow = LIMBER_ARROW_STRAIGHT;
  else if (self->arrow_kind == LIMBER_ARROW_ARC)
    self->arrow = LIMBER_ARROW_ARC;
}

/* ------------------------------------------------------------------ */
/* Comparing and reading back                                         */

static gboolean
prop_equal (const LimberProp *a,
            const LimberProp *b)
{
  return a->kind == b->kind && a->has_x == b->has_x && (!a->has_x || a->x == b->x)
         && a->has_width == b->has_width && (!a->has_width || a->width == b->width)
         && a->has_height == b->has_height && (!a->has_height || a->height == b->height)
         && a->facing == b->facing && a->segment == b->segment
         && (a->segment < 0 || (a->at == b->at && a->surface == b->surface))
         && a->from == b->from && a->to == b->to;
}

static gboolean
highlight_equal (const LimberHighlight *a,
                 const LimberHighlight *b)
{
  return a->segment == b->segment && a->from == b->from && a->to == b->to && a->surface == b->surface;
}

/**
 * limber_figure_equal:
 *
 * Returns: whether @a and @b describe the same figure (as written: the
 *   same props, marks and poses, whatever the spacing or order of
 *   attributes in their files)
 */
gboolean
limber_figure_equal (LimberFigure *a,
                     LimberFigure *b)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE (a) && LIMBER_IS_FIGURE (b), FALSE);

  if (a->camera.on != b->camera.on
      || (a->camera.on && (a->camera.yaw != b->camera.yaw || a->camera.pitch != b->camera.pitch)))
    return FALSE;
  if (a->shaped_feet != b->shaped_feet)
    return FALSE;
  if (a->view != b->view || a->props->len != b->props->len || a->highlights->len != b->highlights->len
      || a->has_pressure != b->has_pressure || a->arrow_kind != b->arrow_kind
      || a->arrow_point != b->arrow_point || a->arrow_around != b->arrow_around
      || a->arrow_toes != b->arrow_toes)
    return FALSE;
  if (a->has_pressure
      && (a->pressure.segment != b->pressure.segment || a->pressure.at != b->pressure.at
          || a->pressure.surface != b->pressure.surface || a->pressure.by != b->pressure.by
          || (a->pressure.by == LIMBER_PRESSURE_HAND && a->pressure.hand != b->pressure.hand)))
    return FALSE;
  for (guint i = 0; i < a->props->len; i++)
    if (!prop_equal (&g_array_index (a->props, LimberProp, i), &g_array_index (b->props, LimberProp, i)))
      return FALSE;
  for (guint i = 0; i < a->highlights->len; i++)
    if (!highlight_equal (&g_array_index (a->highlights, LimberHighlight, i),
                          &g_array_index (b->highlights, LimberHighlight, i)))
      return FALSE;
  for (int i = 0; i < LIMBER_N_PHASES; i++)
    if (!limber_pose_equal (&a->poses[i], &b->poses[i]))
      return FALSE;
  return TRUE;
}

LimberView
limber_figure_get_view (LimberFigure *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE (self), LIMBER_VIEW_SIDE);
  return self->view;
}

/* The camera: when on, the figure is posed and drawn in 3D. */
const LimberCamera *
limber_figure_get_camera (LimberFigure *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE (self), NULL);
  return &self->camera;
}

/* <arrow toes="right-foot">: the foot whose turn between the phases
 * gets a small arc around it (through a camera), or -1. */
int
limber_figure_get_arrow_toes (LimberFigure *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE (self), -1);
  return self->arrow_toes;
}

/* feet="shaped": through a camera, feet are drawn as wedges. */
gboolean
limber_figure_get_shaped_feet (LimberFigure *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE (self), FALSE);
  return self->shaped_feet;
}

const LimberPose *
limber_figure_get_pose (LimberFigure *self,
                        LimberPhase   phase)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE (self), NULL);
  g_return_val_if_fail (phase < LIMBER_N_PHASES, NULL);
  return &self->poses[phase];
}

/* Where every point of a phase is, in body heights (y up, floor 0). */
const LimberPoseSolved *
limber_figure_get_solved (LimberFigure *self,
                          LimberPhase   phase)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE (self), NULL);
  g_return_val_if_fail (phase < LIMBER_N_PHASES, NULL);
  return &self->solved[phase];
}

const LimberProp *
limber_figure_get_props (LimberFigure *self,
                         guint        *n_props)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE (self), NULL);
  *n_props = self->props->len;
  return (const LimberProp *) self->props->data;
}

const LimberHighlight *
limber_figure_get_highlights (LimberFigure *self,
                              guint        *n_highlights)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE (self), NULL);
  *n_highlights = self->highlights->len;
  return (const LimberHighlight *) self->highlights->data;
}

/* Returns: (nullable): the pressure point, if the figure has one */
const LimberPressure *
limber_figure_get_pressure (LimberFigure *self)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE (self), NULL);
  return self->has_pressure ? &self->pressure : NULL;
}

/**
 * limber_figure_get_arrow:
 * @point: (out): the point whose movement the arrow shows
 * @pivot: (out): for an arc, the point it turns around
 *
 * Returns: the movement arrow to draw, worked out from the <arrow> the
 *   file gives, or from the two phases
 */
LimberArrowKind
limber_figure_get_arrow (LimberFigure *self,
                         int          *point,
                         int          *pivot)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE (self), LIMBER_ARROW_NONE);
  *point = self->arrow_from;
  *pivot = self->arrow_pivot;
  return self->arrow;
}

void
limber_figure_get_scene (LimberFigure *self,
                         LimberScene  *scene)
{
  g_return_if_fail (LIMBER_IS_FIGURE (self));
  scene->view = self->view;
  scene->camera = self->camera;
  scene->props = (const LimberProp *) self->props->data;
  scene->n_props = self->props->len;
  scene->pressure = self->has_pressure ? &self->pressure : NULL;
}

/* ------------------------------------------------------------------ */
/* Editing: a custom exercise starts from a copy of a bundled figure  */

/**
 * limber_figure_copy:
 *
 * Returns: (transfer full): a figure equal to @self (limber_figure_equal()),
 *   which can be changed without changing @self
 */
LimberFigure *
limber_figure_copy (LimberFigure *self)
{
  LimberFigure *copy;

  g_return_val_if_fail (LIMBER_IS_FIGURE (self), NULL);

  copy = g_object_new (LIMBER_TYPE_FIGURE, NULL);
  copy->view = self->view;
  copy->camera = self->camera;
  copy->shaped_feet = self->shaped_feet;
  g_array_append_vals (copy->props, self->props->data, self->props->len);
  g_array_append_vals (copy->highlights, self->highlights->data, self->highlights->len);
  copy->pressure = self->pressure;
  copy->has_pressure = self->has_pressure;
  copy->arrow_kind = self->arrow_kind;
  copy->arrow_point = self->arrow_point;
  copy->arrow_around = self->arrow_around;
  copy->arrow_toes = self->arrow_toes;
  for (int i = 0; i < LIMBER_N_PHASES; i++)
    {
      /* The pressing hand's implicit reach comes along: it was added
       * when @self was read, and is not written either way. */
      limber_pose_clear (&copy->poses[i]);
      limber_pose_copy (&copy->poses[i], &self->poses[i]);
      copy->solved[i] = self->solved[i];
    }
  copy->arrow = self->arrow;
  copy->arrow_from = self->arrow_from;
  copy->arrow_pivot = self->arrow_pivot;
  return copy;
}

static int
joint_index (const char *joint)
{
  return limber_figure_word_lookup (LIMBER_WORDS_JOINT, joint);
}

/* A turn of the 3D pose ("right-hip-out"…), or -1. */
static int
turn_index (const char *joint)
{
  return limber_figure_word_lookup (LIMBER_WORDS_TURN, joint);
}

/**
 * limber_figure_get_angle:
 * @joint: a joint of the format: "trunk", "neck", "right-knee"…, or a
 *   turn: "right-hip-out", "trunk-turn"…
 *
 * Returns: the joint's angle in @phase as written, in degrees (0, the
 *   person standing straight, when the file does not give it)
 */
double
limber_figure_get_angle (LimberFigure *self,
                         LimberPhase   phase,
                         const char   *joint)
{
  int index = joint_index (joint), turn = turn_index (joint);

  g_return_val_if_fail (LIMBER_IS_FIGURE (self), 0);
  g_return_val_if_fail (phase < LIMBER_N_PHASES, 0);
  g_return_val_if_fail (index >= 0 || turn >= 0, 0);
  return index >= 0 ? self->poses[phase].angle[index] : self->poses[phase].turn[turn];
}

/**
 * limber_figure_set_angle:
 * @joint: a joint of the format: "trunk", "neck", "right-knee"…, or a
 *   turn: "right-hip-out", "trunk-turn"…
 * @degrees: kept within what the format allows (a turn: its joint limits)
 *
 * Changes one angle of one phase and solves the figure again: the
 * reaches, flat limbs and stays still apply, and the lengthened phase
 * follows a change of the shortened one (what stays where it was).  A
 * turn shows only through a camera (limber_figure_set_camera()).
 */
void
limber_figure_set_angle (LimberFigure *self,
                         LimberPhase   phase,
                         const char   *joint,
                         double        degrees)
{
  int index = joint_index (joint), turn = turn_index (joint);
  LimberPose *pose;
  double *value, lo = -ANGLE_MAX, hi = ANGLE_MAX;
  guint *set, bit;

  g_return_if_fail (LIMBER_IS_FIGURE (self));
  g_return_if_fail (phase < LIMBER_N_PHASES);
  g_return_if_fail (index >= 0 || turn >= 0);
  g_return_if_fail (isfinite (degrees));

  pose = &self->poses[phase];
  if (index >= 0)
    value = &pose->angle[index], set = &pose->angle_set, bit = 1u << index;
  else
    {
      value = &pose->turn[turn], set = &pose->turn_set, bit = 1u << turn;
      limber_turn_limits (turn, &lo, &hi);
    }
  degrees = CLAMP (degrees, lo, hi);
  if (*value == degrees && (degrees == 0 || (*set & bit)))
    return;
  *value = degrees;
  /* 0 is what an absent attribute means: the file stays short. */
  if (degrees == 0)
    *set &= ~bit;
  else
    *set |= bit;
  _limber_figure_solve (self);
}

/**
 * limber_figure_set_camera:
 * @yaw: degrees, -180 to 180: 0 from the right side, 90 from the front
 * @pitch: degrees, -90 to 90: 90 from above
 *
 * Turns the camera on (the figure is then posed and drawn in 3D) and
 * points it.  A figure of the old front view has no camera.
 *
 * Returns: %FALSE if the figure cannot have a camera (view front)
 */
gboolean
limber_figure_set_camera (LimberFigure *self,
                          double        yaw,
                          double        pitch)
{
  g_return_val_if_fail (LIMBER_IS_FIGURE (self), FALSE);
  g_return_val_if_fail (isfinite (yaw) && isfinite (pitch), FALSE);

  if (self->view == LIMBER_VIEW_FRONT)
    return FALSE;
  yaw = CLAMP (yaw, -YAW_MAX, YAW_MAX);
  pitch = CLAMP (pitch, -PITCH_MAX, PITCH_MAX);
  if (self->camera.on && self->camera.yaw == yaw && self->camera.pitch == pitch)
    return TRUE;
  self->camera.on = TRUE;
  self->camera.yaw = yaw;
  self->camera.pitch = pitch;
  _limber_figure_solve (self);
  return TRUE;
}

/**
 * limber_figure_joint_is_placed:
 * @joint: a joint of the format: "trunk", "neck", "right-knee"…
 *
 * Whether a reach, a flat limb or a stay of @phase turns this joint:
 * then its angle is only where the solver starts, and changing it
 * barely shows.  An editor says so rather than offer a slider that
 * seems to do nothing.
 *
 * Returns: %TRUE if the joint is placed by what the phase asks for
 */
gboolean
limber_figure_joint_is_placed (LimberFigure *self,
                               LimberPhase   phase,
                               const char   *joint)
{
  int index = joint_index (joint);
  GArray *constraints;

  g_return_val_if_fail (LIMBER_IS_FIGURE (self), FALSE);
  g_return_val_if_fail (phase < LIMBER_N_PHASES, FALSE);
  g_return_val_if_fail (index >= 0 || turn_index (joint) >= 0, FALSE);
  if (index < 0)
    return FALSE;   /* a turn: no reach or flat limb sets it */

  constraints = self->poses[phase].constraints;
  for (guint i = 0; i < constraints->len; i++)
    {
      const LimberConstraint *c = &g_array_index (constraints, LimberConstraint, i);
      int first = -1, bones = 0;

      if (c->kind == LIMBER_CONSTRAINT_REACH || c->kind == LIMBER_CONSTRAINT_STAY)
        first = limber_reach_chain (c->subject, &bones);
      else if (c->kind == LIMBER_CONSTRAINT_FLAT)
        {
          /* Levelled; set down on something, the bones above it turn too. */
          first = c->subject;
          bones = 1;
          if (c->index >= 0 && limber_segment_parent (c->subject) >= 0
              && limber_segment_limb (c->subject) == limber_segment_limb (limber_segment_parent (c->subject)))
            {
              int parent = limber_segment_parent (c->subject);
              gboolean foot = c->subject == LIMBER_SEGMENT_RIGHT_FOOT || c->subject == LIMBER_SEGMENT_LEFT_FOOT;

              first = foot ? limber_segment_parent (parent) : parent;
              bones = foot ? 3 : 2;
            }
        }
      /* A limb's segments follow each other in LimberSegment. */
      if (first >= 0 && index >= first && index < first + bones)
        return TRUE;
    }
  return FALSE;
}
