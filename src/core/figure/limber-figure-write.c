/* limber-figure-write.c — writing an exercise's pictogram back
 *
 * The <figure> element as it was read, in the schema's order, each
 * number the shortest plain decimal that reads back the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <string.h>

#include "limber-figure-private.h"

/* ------------------------------------------------------------------ */
/* Writing                                                            */

/* The shortest plain decimal (no exponent: the schema's xsd:decimal)
 * that reads back as the same number. */
static void
set_number (xmlNode    *node,
            const char *name,
            double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 32];

  for (int digits = 0; digits <= 20; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%df", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  if (strcmp (buf, "-0") == 0)
    strcpy (buf, "0");
  xmlSetProp (node, (const xmlChar *) name, (const xmlChar *) buf);
}

static void
set_word (xmlNode     *node,
          const char  *name,
          LimberWords  words,
          int          index)
{
  xmlSetProp (node, (const xmlChar *) name, (const xmlChar *) limber_figure_word (words, index));
}

static xmlNode *
add_element (xmlNode    *parent,
             const char *name)
{
  return xmlNewChild (parent, NULL, (const xmlChar *) name, NULL);
}

static void
write_prop (xmlNode          *parent,
            const LimberProp *prop)
{
  xmlNode *node = add_element (parent, "prop");

  set_word (node, "kind", LIMBER_WORDS_PROP, prop->kind);
  if (prop->has_x)
    set_number (node, "x", prop->x);
  if (prop->has_width)
    set_number (node, "width", prop->width);
  if (prop->has_height)
    set_number (node, "height", prop->height);
  if (prop->has_facing)
    xmlSetProp (node, (const xmlChar *) "facing", (const xmlChar *) (prop->facing < 0 ? "left" : "right"));
  if (prop->segment >= 0)
    {
      set_word (node, "segment", LIMBER_WORDS_SEGMENT, prop->segment);
      set_number (node, "at", prop->at);
      if (prop->surface != LIMBER_SURFACE_NONE)
        set_word (node, "surface", LIMBER_WORDS_SURFACE, prop->surface);
    }
  if (prop->kind == LIMBER_PROP_STRAP)
    {
      set_word (node, "from", LIMBER_WORDS_POINT, prop->from);
      set_word (node, "to", LIMBER_WORDS_SEGMENT, prop->to);
    }
}

static void
write_marks (LimberFigure *self,
             xmlNode      *parent)
{
  for (guint i = 0; i < self->highlights->len; i++)
    {
      const LimberHighlight *h = &g_array_index (self->highlights, LimberHighlight, i);
      xmlNode *node = add_element (parent, "highlight");

      set_word (node, "segment", LIMBER_WORDS_SEGMENT, h->segment);
      set_number (node, "from", h->from);
      set_number (node, "to", h->to);
      if (h->surface != LIMBER_SURFACE_NONE)
        set_word (node, "surface", LIMBER_WORDS_SURFACE, h->surface);
    }
  if (self->has_pressure)
    {
      xmlNode *node = add_element (parent, "pressure");

      set_word (node, "segment", LIMBER_WORDS_SEGMENT, self->pressure.segment);
      set_number (node, "at", self->pressure.at);
      if (self->pressure.surface != LIMBER_SURFACE_NONE)
        set_word (node, "surface", LIMBER_WORDS_SURFACE, self->pressure.surface);
      set_word (node, "by", LIMBER_WORDS_PRESSURE, self->pressure.by);
      if (self->pressure.by == LIMBER_PRESSURE_HAND)
        set_word (node, "hand", LIMBER_WORDS_POINT, self->pressure.hand);
    }
  if (self->arrow_kind != LIMBER_ARROW_AUTO || self->arrow_point >= 0 || self->arrow_toes >= 0)
    {
      xmlNode *node = add_element (parent, "arrow");

      set_word (node, "kind", LIMBER_WORDS_ARROW, self->arrow_kind);
      if (self->arrow_point >= 0)
        set_word (node, "point", LIMBER_WORDS_POINT, self->arrow_point);
      if (self->arrow_around >= 0)
        set_word (node, "around", LIMBER_WORDS_POINT, self->arrow_around);
      if (self->arrow_toes >= 0)
        set_word (node, "toes", LIMBER_WORDS_SEGMENT, self->arrow_toes);
    }
}

static void
write_constraint (xmlNode                *parent,
                  const LimberConstraint *c)
{
  static const char * const names[] = { "reach", "flat", "stay", "behind" };
  xmlNode *node = add_element (parent, names[c->kind]);

  switch (c->kind)
    {
    case LIMBER_CONSTRAINT_REACH:
    case LIMBER_CONSTRAINT_STAY:
      set_word (node, "limb", LIMBER_WORDS_EFFECTOR, limber_effector_for_point (c->subject));
      break;
    case LIMBER_CONSTRAINT_FLAT:
      set_word (node, "limb", LIMBER_WORDS_SEGMENT, c->subject);
      if (c->index >= 0)
        set_word (node, "on", LIMBER_WORDS_SUPPORT, limber_prop_support (c->index));
      return;
    case LIMBER_CONSTRAINT_BEHIND:
    default:
      set_word (node, "limb", LIMBER_WORDS_LIMB, c->subject);
      return;
    }
  if (c->kind != LIMBER_CONSTRAINT_REACH)
    return;
  if (c->target == LIMBER_TARGET_POINT)
    set_word (node, "to", LIMBER_WORDS_POINT, c->index);
  else if (c->target == LIMBER_TARGET_PROP)
    set_word (node, "to", LIMBER_WORDS_PROP, c->index);
  else
    {
      set_word (node, "to", LIMBER_WORDS_SEGMENT, c->index);
      set_number (node, "at", c->at);
      if (c->surface != LIMBER_SURFACE_NONE)
        set_word (node, "surface", LIMBER_WORDS_SURFACE, c->surface);
    }
  if (c->has_x)
    set_number (node, "x", c->x);
  if (c->has_y)
    set_number (node, "y", c->y);
}

static void
write_phase (LimberFigure *self,
             xmlNode      *parent,
             LimberPhase   phase)
{
  const LimberPose *pose = &self->poses[phase];
  xmlNode *node = add_element (parent, _limber_phase_names[phase]);

  for (int i = 0; i < LIMBER_N_SEGMENTS; i++)
    if (pose->angle_set & (1u << i))
      set_number (node, limber_figure_word (LIMBER_WORDS_JOINT, i), pose->angle[i]);
  for (int i = 0; i < LIMBER_N_TURNS; i++)
    if (pose->turn_set & (1u << i))
      set_number (node, limber_figure_word (LIMBER_WORDS_TURN, i), pose->turn[i]);
  if (pose->has_x)
    set_number (node, "x", pose->x);
  if (pose->has_y)
    set_number (node, "y", pose->y);
  if (pose->has_on)
    set_word (node, "on", LIMBER_WORDS_SUPPORT, limber_prop_support (pose->on));
  if (pose->keep >= 0)
    set_word (node, "keep", LIMBER_WORDS_POINT, pose->keep);

  for (int i = 0; i < LIMBER_N_SEGMENTS; i++)
    if (pose->scale[i] != 1)
      {
        xmlNode *f = add_element (node, "foreshorten");

        set_word (f, "segment", LIMBER_WORDS_SEGMENT, i);
        set_number (f, "scale", pose->scale[i]);
      }
  for (guint i = 0; i < pose->constraints->len; i++)
    if (!g_array_index (pose->constraints, LimberConstraint, i).implicit)
      write_constraint (node, &g_array_index (pose->constraints, LimberConstraint, i));
}

/**
 * limber_figure_write_xml:
 * @parent: where the `<figure>` element is added
 *
 * Writes the figure as it was read (what Limber adds itself, such as
 * the pressing hand's reach, is left out), in the schema's order.
 *
 * Returns: (transfer none): the new `<figure>` element
 */
xmlNode *
limber_figure_write_xml (LimberFigure *self,
                         xmlNode      *parent)
{
  xmlNode *node;

  g_return_val_if_fail (LIMBER_IS_FIGURE (self), NULL);
  g_return_val_if_fail (parent != NULL, NULL);

  node = add_element (parent, "figure");
  if (self->view != LIMBER_VIEW_SIDE)
    set_word (node, "view", LIMBER_WORDS_VIEW, self->view);
  if (self->camera.on)
    {
      set_number (node, "yaw", self->camera.yaw);
      set_number (node, "pitch", self->camera.pitch);
    }
  if (self->shaped_feet)
    xmlSetProp (node, BAD_CAST "feet", BAD_CAST "shaped");
  for (guint i = 0; i < self->props->len; i++)
    write_prop (node, &g_array_index (self->props, LimberProp, i));
  write_marks (self, node);
  write_phase (self, node, LIMBER_PHASE_SHORTENED);
  write_phase (self, node, LIMBER_PHASE_LENGTHENED);
  return node;
}
