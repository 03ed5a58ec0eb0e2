/* limber-figure-read.c — reading an exercise's pictogram
 *
 * Reads the <figure> element (data/catalog/FIGURES.md and the schemas
 * say what it holds) and checks what a schema cannot (a hand cannot
 * reach a point of its own arm, a chair held must be in the picture).
 * Every problem is a LimberProblem in words a therapist can act on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "limber-figure-private.h"
#include "limber-xml.h"

/* More than any picture needs; a file with more is refused, not slow. */
#define MAX_PARTS   32    /* props, highlights */
#define MAX_INTENTS 48    /* per phase */

/* ------------------------------------------------------------------ */
/* Reading attributes                                                 */

typedef struct
{
  LimberFigure *figure;
  const char   *display;
  GPtrArray    *problems;
} Parser;

typedef enum
{
  ATTR_ABSENT,
  ATTR_OK,
  ATTR_BAD,
} AttrResult;

/* "right hand" for right-hand: a word of the format, as in a sentence. */
static char *
human (LimberWords words,
       int         index)
{
  return g_strdelimit (g_strdup (limber_figure_word (words, index)), "-", ' ');
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  return (char *) xmlGetNoNsProp (node, (const xmlChar *) name);
}

/* A plain decimal as the schema's xsd:decimal: a sign, digits, a
 * point; no exponent, "nan", "inf" or hex. */
static gboolean
parse_decimal (const char *text,
               double     *value)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (*s == '\0' || strspn (s, "0123456789+-.") != strlen (s))
    return FALSE;
  *value = g_ascii_strtod (s, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

static AttrResult
read_number (Parser     *p,
             xmlNode    *node,
             const char *name,
             double      min,
             double      max,
             double     *value)
{
  g_autofree char *text = get_attr (node, name);

  if (text == NULL)
    return ATTR_ABSENT;
  if (!parse_decimal (text, value) || *value < min || *value > max)
    {
      g_autofree char *lo = g_strdup_printf ("%g", min);
      g_autofree char *hi = g_strdup_printf ("%g", max);

      limber_xml_add_problem (p->problems, p->display, node,
                              _("%s=\"%s\" on <%s> must be a number from %s to %s"),
                              name, text, node->name, lo, hi);
      return ATTR_BAD;
    }
  return ATTR_OK;
}

static AttrResult
read_word (Parser      *p,
           xmlNode     *node,
           const char  *name,
           LimberWords  words,
           const char  *what,
           int         *index)
{
  g_autofree char *text = get_attr (node, name);

  if (text == NULL)
    return ATTR_ABSENT;
  *index = limber_figure_word_lookup (words, text);
  if (*index < 0)
    {
      g_autofree char *list = limber_figure_word_list (words);

      limber_xml_add_problem (p->problems, p->display, node,
                              _("‘%s’ is not %s Limber knows (%s=\"…\" on <%s>); use one of: %s"),
                              text, what, name, node->name, list);
      return ATTR_BAD;
    }
  return ATTR_OK;
}

static gboolean
require (Parser     *p,
         xmlNode    *node,
         const char *name,
         AttrResult  result)
{
  if (result == ATTR_ABSENT)
    limber_xml_add_problem (p->problems, p->display, node,
                            _("<%s> needs a %s=\"…\" attribute"), node->name, name);
  return result == ATTR_OK;
}

/* Each attribute must be one of @allowed (NULL-terminated). */
static gboolean
check_attributes (Parser             *p,
                  xmlNode            *node,
                  const char * const *allowed)
{
  gboolean ok = TRUE;

  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (a->ns != NULL || !g_strv_contains (allowed, (const char *) a->name))
      {
        g_autofree char *list = g_strjoinv (", ", (GStrv) allowed);

        limber_xml_add_problem (p->problems, p->display, node,
                                _("<%s> cannot have %s=\"…\"; it can have: %s"),
                                node->name, a->name, list);
        ok = FALSE;
      }
  return ok;
}

/* ------------------------------------------------------------------ */
/* Props, highlight, pressure, arrow                                  */

static const LimberProp *
find_prop (LimberFigure   *self,
           LimberPropKind  kind)
{
  for (guint i = 0; i < self->props->len; i++)
    if (g_array_index (self->props, LimberProp, i).kind == kind)
      return &g_array_index (self->props, LimberProp, i);
  return NULL;
}

static void
parse_prop_place (Parser     *p,
                  xmlNode    *node,
                  LimberProp *prop)
{
  int surface = LIMBER_SURFACE_NONE;

  prop->has_x = read_number (p, node, "x", -PLACE_MAX, PLACE_MAX, &prop->x) == ATTR_OK;
  prop->has_width = read_number (p, node, "width", WIDTH_MIN, WIDTH_MAX, &prop->width) == ATTR_OK;
  prop->has_height = read_number (p, node, "height", 0, HEIGHT_MAX, &prop->height) == ATTR_OK;
  if (read_word (p, node, "segment", LIMBER_WORDS_SEGMENT, _("a body segment"), &prop->segment) != ATTR_OK)
    prop->segment = -1;
  if (read_number (p, node, "at", 0, 1, &prop->at) != ATTR_OK)
    prop->at = 0.5;
  read_word (p, node, "surface", LIMBER_WORDS_SURFACE, _("a side of a segment"), &surface);
  prop->surface = surface;
}

static void
parse_prop (Parser  *p,
            xmlNode *node)
{
  static const char * const allowed[] = {
    "kind", "x", "width", "height", "facing", "segment", "at", "surface", "from", "to", NULL
  };
  LimberProp prop = { 0 };
  g_autofree char *facing = get_attr (node, "facing");
  int kind, index;

  check_attributes (p, node, allowed);
  prop.line = limber_xml_line (node);
  prop.from = prop.to = -1;
  if (!require (p, node, "kind",
                read_word (p, node, "kind", LIMBER_WORDS_PROP, _("a prop"), &kind)))
    return;
  prop.kind = kind;
  parse_prop_place (p, node, &prop);

  if (facing != NULL)
    {
      prop.has_facing = TRUE;
      prop.facing = g_str_equal (facing, "left") ? -1 : 1;
      if (!g_str_equal (facing, "left") && !g_str_equal (facing, "right"))
        limber_xml_add_problem (p->problems, p->display, node,
                                _("facing=\"%s\" must be left or right"), facing);
    }
  if (prop.kind == LIMBER_PROP_CHAIR && !prop.has_facing)
    prop.facing = prop.x >= 0 ? 1 : -1;   /* its back toward the figure */

  if ((prop.kind == LIMBER_PROP_CHAIR || prop.kind == LIMBER_PROP_WALL) && !prop.has_x)
    limber_xml_add_problem (p->problems, p->display, node,
                            _("a %s needs x=\"…\": where it stands, in body heights from the pelvis"),
                            limber_figure_word (LIMBER_WORDS_PROP, prop.kind));
  if (prop.segment >= 0 && prop.kind != LIMBER_PROP_BALL && prop.kind != LIMBER_PROP_FOAM_ROLLER
      && prop.kind != LIMBER_PROP_TOWEL && prop.kind != LIMBER_PROP_PILLOW)
    limber_xml_add_problem (p->problems, p->display, node,
                            _("only a ball, a foam-roller or a towel can be put under a segment"));
  if (prop.kind == LIMBER_PROP_STRAP)
    {
      if (require (p, node, "from", read_word (p, node, "from", LIMBER_WORDS_POINT, _("a hand"), &index)))
        {
          prop.from = index;
          if (index != LIMBER_POINT_RIGHT_HAND && index != LIMBER_POINT_LEFT_HAND)
            limber_xml_add_problem (p->problems, p->display, node,
                                    _("a strap is held in a hand: from=\"right-hand\" or \"left-hand\""));
        }
      if (require (p, node, "to", read_word (p, node, "to", LIMBER_WORDS_SEGMENT, _("a foot"), &index)))
        {
          prop.to = index;
          if (index != LIMBER_SEGMENT_RIGHT_FOOT && index != LIMBER_SEGMENT_LEFT_FOOT)
            limber_xml_add_problem (p->problems, p->display, node,
                                    _("a strap goes around a foot: to=\"right-foot\" or \"left-foot\""));
        }
    }
  g_array_append_val (p->figure->props, prop);
}

static void
parse_highlight (Parser  *p,
                 xmlNode *node)
{
  static const char * const allowed[] = { "segment", "from", "to", "surface", NULL };
  LimberHighlight h = { 0 };
  int surface = LIMBER_SURFACE_NONE;

  check_attributes (p, node, allowed);
  h.line = limber_xml_line (node);
  if (!require (p, node, "segment",
                read_word (p, node, "segment", LIMBER_WORDS_SEGMENT, _("a body segment"), &h.segment)))
    return;
  if (read_number (p, node, "from", 0, 1, &h.from) != ATTR_OK)
    h.from = 0;
  if (read_number (p, node, "to", 0, 1, &h.to) != ATTR_OK)
    h.to = 1;
  read_word (p, node, "surface", LIMBER_WORDS_SURFACE, _("a side of a segment"), &surface);
  h.surface = surface;
  if (h.from >= h.to)
    limber_xml_add_problem (p->problems, p->display, node,
                            _("the highlight must go from a smaller to a larger number (from=\"%g\" to=\"%g\")"),
                            h.from, h.to);
  g_array_append_val (p->figure->highlights, h);
}

static void
parse_pressure (Parser  *p,
                xmlNode *node)
{
  static const char * const allowed[] = { "segment", "at", "surface", "by", "hand", NULL };
  LimberPressure *pr = &p->figure->pressure;
  int by = LIMBER_PRESSURE_HAND, hand = LIMBER_POINT_RIGHT_HAND, surface = LIMBER_SURFACE_NONE;

  if (p->figure->has_pressure)
    {
      limber_xml_add_problem (p->problems, p->display, node, _("a figure has one <pressure> at most"));
      return;
    }
  check_attributes (p, node, allowed);
  p->figure->has_pressure = TRUE;
  pr->line = limber_xml_line (node);
  if (read_number (p, node, "at", 0, 1, &pr->at) != ATTR_OK)
    pr->at = 0.5;
  /* Each word is checked only once it is known to be one. */
  if (!require (p, node, "segment",
                read_word (p, node, "segment", LIMBER_WORDS_SEGMENT, _("a body segment"), &pr->segment))
      || read_word (p, node, "surface", LIMBER_WORDS_SURFACE, _("a side of a segment"), &surface) == ATTR_BAD
      || read_word (p, node, "by", LIMBER_WORDS_PRESSURE, _("a way to press"), &by) == ATTR_BAD
      || read_word (p, node, "hand", LIMBER_WORDS_POINT, _("a hand"), &hand) == ATTR_BAD)
    return;
  pr->surface = surface;
  pr->by = by;
  pr->hand = hand;
  if (hand != LIMBER_POINT_RIGHT_HAND && hand != LIMBER_POINT_LEFT_HAND)
    limber_xml_add_problem (p->problems, p->display, node,
                            _("hand=\"%s\" must be right-hand or left-hand"),
                            limber_figure_word (LIMBER_WORDS_POINT, hand));
  else if (by == LIMBER_PRESSURE_HAND
           && limber_segment_limb (pr->segment) == (hand == LIMBER_POINT_RIGHT_HAND ? LIMBER_LIMB_RIGHT_ARM
                                                                                     : LIMBER_LIMB_LEFT_ARM))
    {
      g_autofree char *who = human (LIMBER_WORDS_POINT, hand);

      limber_xml_add_problem (p->problems, p->display, node, _("the %s cannot press on its own arm"), who);
    }
}

static void
parse_arrow (Parser  *p,
             xmlNode *node)
{
  static const char * const allowed[] = { "kind", "point", "around", "toes", NULL };
  LimberFigure *self = p->figure;
  int kind = LIMBER_ARROW_AUTO;

  check_attributes (p, node, allowed);
  read_word (p, node, "kind", LIMBER_WORDS_ARROW, _("a kind of arrow"), &kind);
  self->arrow_kind = kind;
  if (read_word (p, node, "point", LIMBER_WORDS_POINT, _("a point of the body"), &self->arrow_point) != ATTR_OK)
    self->arrow_point = -1;
  if (read_word (p, node, "around", LIMBER_WORDS_POINT, _("a point of the body"), &self->arrow_around) != ATTR_OK)
    self->arrow_around = -1;
  if (read_word (p, node, "toes", LIMBER_WORDS_SEGMENT, _("a body segment"), &self->arrow_toes) != ATTR_OK)
    self->arrow_toes = -1;
  else if (self->arrow_toes != LIMBER_SEGMENT_RIGHT_FOOT && self->arrow_toes != LIMBER_SEGMENT_LEFT_FOOT)
    limber_xml_add_problem (p->problems, p->display, node,
                            _("toes=\"…\" on <arrow> names a foot: right-foot or left-foot"));
  if (self->arrow_around >= 0 && self->arrow_point < 0)
    limber_xml_add_problem (p->problems, p->display, node,
                            _("an arrow turning around=\"…\" also needs the point=\"…\" that moves"));
  if (self->arrow_around >= 0 && self->arrow_around == self->arrow_point)
    limber_xml_add_problem (p->problems, p->display, node,
                            _("an arrow cannot turn around the point that moves"));
}

/* ------------------------------------------------------------------ */
/* Phases                                                             */

/* Whether a reach target moves with the limb that reaches for it. */
static gboolean
target_on_own_chain (const LimberConstraint *c)
{
  int bones = 0;
  int chain = limber_reach_chain (c->subject, &bones);
  LimberLimb limb;

  if (chain < 0)
    return FALSE;
  limb = limber_segment_limb (chain);
  if (c->target == LIMBER_TARGET_POINT)
    return limber_point_on_limb (c->index, limb);
  if (c->target == LIMBER_TARGET_SEGMENT)
    return limber_segment_limb (c->index) == limb;
  return FALSE;
}

static gboolean
read_target (Parser           *p,
             xmlNode          *node,
             LimberConstraint *c)
{
  g_autofree char *to = get_attr (node, "to");
  int index;

  if (to == NULL)
    {
      limber_xml_add_problem (p->problems, p->display, node,
                              _("<reach> needs to=\"…\": a point of the body, a segment, or floor, bench, "
                                "bed, chair, wall"));
      return FALSE;
    }
  if ((index = limber_figure_word_lookup (LIMBER_WORDS_POINT, to)) >= 0)
    c->target = LIMBER_TARGET_POINT;
  else if ((index = limber_figure_word_lookup (LIMBER_WORDS_SEGMENT, to)) >= 0)
    c->target = LIMBER_TARGET_SEGMENT;
  else if ((index = limber_figure_word_lookup (LIMBER_WORDS_PROP, to)) >= 0
           && index <= LIMBER_PROP_WALL)
    c->target = LIMBER_TARGET_PROP;
  else
    {
      g_autofree char *points = limber_figure_word_list (LIMBER_WORDS_POINT);
      g_autofree char *segments = limber_figure_word_list (LIMBER_WORDS_SEGMENT);

      limber_xml_add_problem (p->problems, p->display, node,
                              _("a limb cannot reach to=\"%s\"; use a point (%s), a segment (%s) "
                                "or floor, mat, bench, bed, chair, wall"), to, points, segments);
      return FALSE;
    }
  c->index = index;
  return TRUE;
}

static gboolean
check_reach (Parser                 *p,
             xmlNode                *node,
             const LimberConstraint *c)
{
  g_autofree char *limb = human (LIMBER_WORDS_EFFECTOR, limber_effector_for_point (c->subject));
  int bones = 0;
  int chain = limber_reach_chain (c->subject, &bones);

  if (target_on_own_chain (c) || (c->target == LIMBER_TARGET_POINT && c->index == c->subject))
    {
      gboolean arm = chain >= 0 && (limber_segment_limb (chain) == LIMBER_LIMB_RIGHT_ARM
                                    || limber_segment_limb (chain) == LIMBER_LIMB_LEFT_ARM);

      limber_xml_add_problem (p->problems, p->display, node,
                              arm ? _("the %s cannot reach a point of its own arm")
                                  : _("the %s cannot reach a point of its own leg"), limb);
      return FALSE;
    }
  if (c->target == LIMBER_TARGET_PROP && c->index != LIMBER_PROP_FLOOR && c->index != LIMBER_PROP_MAT
      && find_prop (p->figure, c->index) == NULL)
    {
      limber_xml_add_problem (p->problems, p->display, node,
                              _("the %s reaches for a %s, but the figure has no <prop kind=\"%s\"/>"),
                              limb, limber_figure_word (LIMBER_WORDS_PROP, c->index),
                              limber_figure_word (LIMBER_WORDS_PROP, c->index));
      return FALSE;
    }
  if ((c->has_x || c->has_y) && c->target != LIMBER_TARGET_PROP)
    {
      limber_xml_add_problem (p->problems, p->display, node,
                              _("x=\"…\" and y=\"…\" only go with to=\"floor\", \"bench\", \"wall\"…"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_reach (Parser           *p,
             xmlNode          *node,
             LimberConstraint *c)
{
  static const char * const allowed[] = { "limb", "to", "at", "surface", "x", "y", NULL };
  g_autofree char *at = get_attr (node, "at");
  int effector, surface = LIMBER_SURFACE_NONE;

  check_attributes (p, node, allowed);
  if (!require (p, node, "limb", read_word (p, node, "limb", LIMBER_WORDS_EFFECTOR,
                                            _("a limb that can reach"), &effector)))
    return FALSE;
  c->subject = limber_effector_point (effector);
  if (!read_target (p, node, c))
    return FALSE;
  if (read_number (p, node, "at", 0, 1, &c->at) != ATTR_OK)
    c->at = 0.5;
  read_word (p, node, "surface", LIMBER_WORDS_SURFACE, _("a side of a segment"), &surface);
  c->surface = surface;
  c->has_x = read_number (p, node, "x", -PLACE_MAX, PLACE_MAX, &c->x) == ATTR_OK;
  c->has_y = read_number (p, node, "y", -PLACE_MAX, PLACE_MAX, &c->y) == ATTR_OK;
  if ((at != NULL || surface != LIMBER_SURFACE_NONE) && c->target != LIMBER_TARGET_SEGMENT)
    {
      limber_xml_add_problem (p->problems, p->display, node,
                              _("at=\"…\" and surface=\"…\" only go with a segment, as in "
                                "to=\"right-thigh\" at=\"0.3\""));
      return FALSE;
    }
  return check_reach (p, node, c);
}

static gboolean
parse_flat (Parser           *p,
            xmlNode          *node,
            LimberConstraint *c)
{
  static const char * const allowed[] = { "limb", "on", NULL };
  int on;

  check_attributes (p, node, allowed);
  if (!require (p, node, "limb", read_word (p, node, "limb", LIMBER_WORDS_SEGMENT,
                                            _("a body segment"), &c->subject)))
    return FALSE;
  if (c->subject == LIMBER_SEGMENT_HEAD)
    {
      limber_xml_add_problem (p->problems, p->display, node, _("the head cannot be laid flat"));
      return FALSE;
    }
  c->index = -1;
  switch (read_word (p, node, "on", LIMBER_WORDS_SUPPORT, _("something to rest on"), &on))
    {
    case ATTR_BAD:
      return FALSE;
    case ATTR_OK:
      c->index = limber_support_prop (on);
      if (c->index != LIMBER_PROP_FLOOR && find_prop (p->figure, c->index) == NULL)
        {
          g_autofree char *what = human (LIMBER_WORDS_SEGMENT, c->subject);

          limber_xml_add_problem (p->problems, p->display, node,
                                  _("the %s is flat on a %s, but the figure has no <prop kind=\"%s\"/>"),
                                  what,
                                  limber_figure_word (LIMBER_WORDS_PROP, c->index),
                                  limber_figure_word (LIMBER_WORDS_PROP, c->index));
          return FALSE;
        }
      break;
    case ATTR_ABSENT:
    default:
      break;
    }
  return TRUE;
}

static gboolean
parse_limb_only (Parser           *p,
                 xmlNode          *node,
                 LimberWords       words,
                 LimberConstraint *c)
{
  static const char * const allowed[] = { "limb", NULL };
  int index;

  check_attributes (p, node, allowed);
  if (!require (p, node, "limb", read_word (p, node, "limb", words, _("a limb"), &index)))
    return FALSE;
  c->subject = words == LIMBER_WORDS_EFFECTOR ? (int) limber_effector_point (index) : index;
  return TRUE;
}

static void
parse_foreshorten (Parser     *p,
                   xmlNode    *node,
                   LimberPose *pose)
{
  static const char * const allowed[] = { "segment", "scale", NULL };
  int segment;
  double scale;
  gboolean ok;

  check_attributes (p, node, allowed);
  ok = require (p, node, "segment",
                read_word (p, node, "segment", LIMBER_WORDS_SEGMENT, _("a body segment"), &segment));
  ok = require (p, node, "scale", read_number (p, node, "scale", SCALE_MIN, SCALE_MAX, &scale)) && ok;
  if (!ok)
    return;
  if (segment == LIMBER_SEGMENT_HEAD)
    limber_xml_add_problem (p->problems, p->display, node, _("the head is round: it cannot be foreshortened"));
  else
    pose->scale[segment] = scale;
}

/* One intent per hand or foot: two would pull it two ways. */
static gboolean
placed_twice (Parser                 *p,
              xmlNode                *node,
              const LimberPose       *pose,
              const LimberConstraint *c)
{
  if (c->kind != LIMBER_CONSTRAINT_REACH && c->kind != LIMBER_CONSTRAINT_STAY)
    return FALSE;
  for (guint i = 0; i < pose->constraints->len; i++)
    {
      const LimberConstraint *o = &g_array_index (pose->constraints, LimberConstraint, i);

      if ((o->kind == LIMBER_CONSTRAINT_REACH || o->kind == LIMBER_CONSTRAINT_STAY)
          && o->subject == c->subject)
        {
          g_autofree char *what = human (LIMBER_WORDS_POINT, c->subject);

          limber_xml_add_problem (p->problems, p->display, node,
                                  _("the %s is already placed on line %ld: it cannot go two places"),
                                  what, o->line);
          return TRUE;
        }
    }
  return FALSE;
}

static void
parse_intent (Parser      *p,
              xmlNode     *node,
              LimberPhase  phase)
{
  LimberPose *pose = &p->figure->poses[phase];
  LimberConstraint c = { 0 };
  gboolean ok;
  guint first = p->problems->len;

  if (pose->constraints->len >= MAX_INTENTS)
    {
      limber_xml_add_problem (p->problems, p->display, node,
                              _("a phase can have at most %d reach, flat, stay and behind elements"),
                              MAX_INTENTS);
      return;
    }
  c.line = limber_xml_line (node);
  if (limber_xml_is (node, "foreshorten"))
    {
      parse_foreshorten (p, node, pose);
      return;
    }
  if (limber_xml_is (node, "reach"))
    {
      c.kind = LIMBER_CONSTRAINT_REACH;
      ok = parse_reach (p, node, &c);
    }
  else if (limber_xml_is (node, "flat"))
    {
      c.kind = LIMBER_CONSTRAINT_FLAT;
      ok = parse_flat (p, node, &c);
    }
  else if (limber_xml_is (node, "stay"))
    {
      c.kind = LIMBER_CONSTRAINT_STAY;
      ok = parse_limb_only (p, node, LIMBER_WORDS_EFFECTOR, &c);
      if (ok && phase == LIMBER_PHASE_SHORTENED)
        {
          limber_xml_add_problem (p->problems, p->display, node,
                                  _("<stay> keeps a hand or foot where it was in the shortened phase: "
                                    "it belongs in <lengthened>"));
          ok = FALSE;
        }
    }
  else if (limber_xml_is (node, "behind"))
    {
      c.kind = LIMBER_CONSTRAINT_BEHIND;
      ok = parse_limb_only (p, node, LIMBER_WORDS_LIMB, &c);
    }
  else
    {
      limber_xml_add_problem (p->problems, p->display, node,
                              _("<%s> does not belong in <%s>; it can hold foreshorten, reach, flat, "
                                "stay and behind"), node->name, _limber_phase_names[phase]);
      return;
    }
  if (!ok || p->problems->len > first || placed_twice (p, node, pose, &c))
    return;
  g_array_append_val (pose->constraints, c);
}

static void
parse_phase_attributes (Parser      *p,
                        xmlNode     *node,
                        LimberPhase  phase)
{
  LimberPose *pose = &p->figure->poses[phase];
  int on;

  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      const char *name = (const char *) a->name;
      int joint = a->ns == NULL ? limber_figure_word_lookup (LIMBER_WORDS_JOINT, name) : -1;
      int turn = a->ns == NULL ? limber_figure_word_lookup (LIMBER_WORDS_TURN, name) : -1;
      double lo, hi;

      if (joint >= 0)
        {
          if (read_number (p, node, name, -ANGLE_MAX, ANGLE_MAX, &pose->angle[joint]) == ATTR_OK)
            pose->angle_set |= 1u << joint;
        }
      else if (turn >= 0)
        {
          /* The joint limits: a pose nobody can take is refused. */
          limber_turn_limits (turn, &lo, &hi);
          if (read_number (p, node, name, lo, hi, &pose->turn[turn]) == ATTR_OK)
            pose->turn_set |= 1u << turn;
        }
      else if (a->ns != NULL || !(g_str_equal (name, "x") || g_str_equal (name, "y")
                                  || g_str_equal (name, "on") || g_str_equal (name, "keep")))
        {
          g_autofree char *joints = limber_figure_word_list (LIMBER_WORDS_JOINT);
          g_autofree char *turns = limber_figure_word_list (LIMBER_WORDS_TURN);
          g_autofree char *list = g_strconcat (joints, ", ", turns, NULL);

          limber_xml_add_problem (p->problems, p->display, node,
                                  _("‘%s’ is not a joint of the figure; the joints are: %s "
                                    "(and x, y, on, keep place the body)"), name, list);
        }
    }
  pose->has_x = read_number (p, node, "x", -PLACE_MAX, PLACE_MAX, &pose->x) == ATTR_OK;
  pose->has_y = read_number (p, node, "y", -PLACE_MAX, PLACE_MAX, &pose->y) == ATTR_OK;
  if (read_word (p, node, "on", LIMBER_WORDS_SUPPORT, _("something to rest on"), &on) == ATTR_OK)
    {
      pose->has_on = TRUE;
      pose->on = limber_support_prop (on);
      if (pose->on != LIMBER_PROP_FLOOR && find_prop (p->figure, pose->on) == NULL)
        limber_xml_add_problem (p->problems, p->display, node,
                                _("the body rests on a %s, but the figure has no <prop kind=\"%s\"/>"),
                                limber_figure_word (LIMBER_WORDS_PROP, pose->on),
                                limber_figure_word (LIMBER_WORDS_PROP, pose->on));
    }
  if (read_word (p, node, "keep", LIMBER_WORDS_POINT, _("a point of the body"), &pose->keep) != ATTR_OK)
    pose->keep = -1;
  else if (phase == LIMBER_PHASE_SHORTENED)
    limber_xml_add_problem (p->problems, p->display, node,
                            _("keep=\"…\" says what stays where it was in the shortened phase: "
                              "it belongs on <lengthened>"));
  else if (pose->has_x)
    limber_xml_add_problem (p->problems, p->display, node,
                            _("use either x=\"…\" or keep=\"…\" to place the lengthened phase, not both"));
}

static void
parse_phase (Parser      *p,
             xmlNode     *node,
             LimberPhase  phase,
             gboolean    *seen)
{
  if (seen[phase])
    {
      limber_xml_add_problem (p->problems, p->display, node,
                              _("a figure has one <%s> phase"), _limber_phase_names[phase]);
      return;
    }
  seen[phase] = TRUE;
  parse_phase_attributes (p, node, phase);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      parse_intent (p, child, phase);
}

static void
parse_child (Parser  *p,
             xmlNode *node,
             gboolean seen[LIMBER_N_PHASES])
{
  if ((limber_xml_is (node, "prop") && p->figure->props->len >= MAX_PARTS)
      || (limber_xml_is (node, "highlight") && p->figure->highlights->len >= MAX_PARTS))
    limber_xml_add_problem (p->problems, p->display, node,
                            _("a figure can have at most %d <%s> elements"), MAX_PARTS, node->name);
  else if (limber_xml_is (node, "prop"))
    parse_prop (p, node);
  else if (limber_xml_is (node, "highlight"))
    parse_highlight (p, node);
  else if (limber_xml_is (node, "pressure"))
    parse_pressure (p, node);
  else if (limber_xml_is (node, "arrow"))
    parse_arrow (p, node);
  else if (limber_xml_is (node, "shortened"))
    parse_phase (p, node, LIMBER_PHASE_SHORTENED, seen);
  else if (limber_xml_is (node, "lengthened"))
    parse_phase (p, node, LIMBER_PHASE_LENGTHENED, seen);
  else
    limber_xml_add_problem (p->problems, p->display, node,
                            _("<%s> does not belong in a <figure>; it holds prop, highlight, pressure, "
                              "arrow, shortened and lengthened"), node->name);
}

/* feet="round" (the default) or "shaped". */
static void
read_feet (Parser   *p,
           xmlNode  *node,
           gboolean *shaped)
{
  g_autofree char *text = get_attr (node, "feet");

  *shaped = g_strcmp0 (text, "shaped") == 0;
  if (text != NULL && !*shaped && strcmp (text, "round") != 0)
    limber_xml_add_problem (p->problems, p->display, node,
                            _("‘%s’ is not a way to draw feet (feet=\"…\" on <figure>); use one of: round, shaped"),
                            text);
}

/**
 * limber_figure_new_from_xml:
 * @node: a `<figure>` element
 * @display_name: the file, as messages name it
 * @problems: (element-type LimberProblem): where problems are added
 *
 * Reads a figure and solves its two phases.  A limb told to reach a
 * point it cannot reach goes as far as it can: that is not a problem.
 *
 * Returns: (transfer full) (nullable): the figure, or %NULL when the
 *   element has a problem (then at least one is added to @problems)
 */
LimberFigure *
limber_figure_new_from_xml (xmlNode    *node,
                            const char *display_name,
                            GPtrArray  *problems)
{
  static const char * const allowed[] = { "view", "yaw", "pitch", "feet", NULL };
  g_autoptr(LimberFigure) self = g_object_new (LIMBER_TYPE_FIGURE, NULL);
  Parser p = { self, display_name, problems };
  gboolean seen[LIMBER_N_PHASES] = { FALSE, FALSE };
  guint first = problems->len;
  int view = LIMBER_VIEW_SIDE;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  check_attributes (&p, node, allowed);
  read_word (&p, node, "view", LIMBER_WORDS_VIEW, _("a view"), &view);
  self->view = view;
  /* A camera (either angle) draws the figure in 3D; none: as of old. */
  self->camera.on = (read_number (&p, node, "yaw", -YAW_MAX, YAW_MAX, &self->camera.yaw) != ATTR_ABSENT)
                    | (read_number (&p, node, "pitch", -PITCH_MAX, PITCH_MAX, &self->camera.pitch) != ATTR_ABSENT);
  read_feet (&p, node, &self->shaped_feet);
  if (self->camera.on && view == LIMBER_VIEW_FRONT)
    limber_xml_add_problem (problems, display_name, node,
                            _("a figure with a camera (yaw, pitch) has view=\"side\" or \"top\"; "
                              "to see it from the front, write yaw=\"90\""));

  /* Props first: intents of the phases refer to them. */
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && limber_xml_is (child, "prop"))
      parse_child (&p, child, seen);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && !limber_xml_is (child, "prop"))
      parse_child (&p, child, seen);

  for (int i = 0; i < LIMBER_N_PHASES; i++)
    if (!seen[i])
      limber_xml_add_problem (problems, display_name, node,
                              _("the figure needs a <%s> phase (both shortened and lengthened)"),
                              _limber_phase_names[i]);
  if (problems->len > first)
    return NULL;

  _limber_figure_add_pressing_hand (self);
  _limber_figure_solve (self);
  return g_steal_pointer (&self);
}
