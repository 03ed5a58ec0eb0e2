/* limber-exam.c — one dated examination (active release's first step)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-exam"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-exam.h"
#include "limber-xml.h"

static void
rom_clear (gpointer data)
{
  LimberRom *rom = data;

  g_clear_pointer (&rom->joint, g_free);
  g_clear_pointer (&rom->motion, g_free);
}

static void
test_clear (gpointer data)
{
  LimberSpecialTest *test = data;

  g_clear_pointer (&test->name, g_free);
}

LimberExam *
limber_exam_new (void)
{
  LimberExam *self = g_new0 (LimberExam, 1);

  self->rom = g_array_new (FALSE, TRUE, sizeof (LimberRom));
  g_array_set_clear_func (self->rom, rom_clear);
  self->tests = g_array_new (FALSE, TRUE, sizeof (LimberSpecialTest));
  g_array_set_clear_func (self->tests, test_clear);
  self->pain = -1;
  return self;
}

void
limber_exam_free (LimberExam *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_array_unref (self->rom);
  g_array_unref (self->tests);
  g_free (self->note);
  g_free (self);
}

LimberExam *
limber_exam_copy (const LimberExam *self)
{
  LimberExam *copy = limber_exam_new ();

  copy->date = g_strdup (self->date);
  copy->pain = self->pain;
  copy->note = g_strdup (self->note);
  for (guint i = 0; i < self->rom->len; i++)
    {
      const LimberRom *r = &g_array_index (self->rom, LimberRom, i);
      limber_exam_set_rom (copy, r->joint, r->side, r->motion, r->degrees);
    }
  for (guint i = 0; i < self->tests->len; i++)
    {
      const LimberSpecialTest *t = &g_array_index (self->tests, LimberSpecialTest, i);
      limber_exam_set_test (copy, t->name, t->side, t->positive);
    }
  return copy;
}

gboolean
limber_exam_equal (const LimberExam *a,
                   const LimberExam *b)
{
  if (g_strcmp0 (a->date, b->date) != 0 || a->pain != b->pain || g_strcmp0 (a->note, b->note) != 0
      || a->rom->len != b->rom->len || a->tests->len != b->tests->len)
    return FALSE;
  for (guint i = 0; i < a->rom->len; i++)
    {
      const LimberRom *ra = &g_array_index (a->rom, LimberRom, i);
      const LimberRom *rb = limber_exam_find_rom (b, ra->joint, ra->side, ra->motion);

      if (rb == NULL || rb->degrees != ra->degrees)
        return FALSE;
    }
  for (guint i = 0; i < a->tests->len; i++)
    {
      const LimberSpecialTest *ta = &g_array_index (a->tests, LimberSpecialTest, i);
      const LimberSpecialTest *tb = &g_array_index (b->tests, LimberSpecialTest, i);

      if (g_strcmp0 (ta->name, tb->name) != 0 || ta->side != tb->side || ta->positive != tb->positive)
        return FALSE;
    }
  return TRUE;
}

const LimberRom *
limber_exam_find_rom (const LimberExam *self,
                      const char       *joint,
                      LimberSide        side,
                      const char       *motion)
{
  for (guint i = 0; i < self->rom->len; i++)
    {
      const LimberRom *r = &g_array_index (self->rom, LimberRom, i);

      if (g_strcmp0 (r->joint, joint) == 0 && r->side == side && g_strcmp0 (r->motion, motion) == 0)
        return r;
    }
  return NULL;
}

/* Sets (or replaces) one measurement: one value per joint, side and motion. */
void
limber_exam_set_rom (LimberExam *self,
                     const char *joint,
                     LimberSide  side,
                     const char *motion,
                     int         degrees)
{
  LimberRom *found = (LimberRom *) limber_exam_find_rom (self, joint, side, motion);
  LimberRom rom = { g_strdup (joint), side, g_strdup (motion), CLAMP (degrees, -180, 180) };

  if (found != NULL)
    {
      found->degrees = rom.degrees;
      rom_clear (&rom);
      return;
    }
  g_array_append_val (self->rom, rom);
}

void
limber_exam_set_test (LimberExam *self,
                      const char *name,
                      LimberSide  side,
                      gboolean    positive)
{
  LimberSpecialTest test = { g_strdup (name), side, positive };

  for (guint i = 0; i < self->tests->len; i++)
    {
      LimberSpecialTest *t = &g_array_index (self->tests, LimberSpecialTest, i);

      if (g_strcmp0 (t->name, name) == 0 && t->side == side)
        {
          t->positive = positive;
          test_clear (&test);
          return;
        }
    }
  g_array_append_val (self->tests, test);
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  char *value = (char *) xmlGetNoNsProp (node, (const xmlChar *) name);

  return value ? g_strstrip (value) : NULL;
}

/* The words and ranges were checked already (limber-program.c); this
 * only keeps what is there. */
LimberExam *
limber_exam_read_xml (xmlNode    *node,
                      const char *display_name,
                      GPtrArray  *problems)
{
  g_autoptr(LimberExam) self = limber_exam_new ();

  self->date = attr (node, "date");
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *side_text = attr (child, "side");
      LimberSide side = LIMBER_SIDE_UNSET;

      if (side_text != NULL)
        limber_dosage_parse_side (side_text, &side);

      if (limber_xml_is (child, "rom"))
        {
          g_autofree char *joint = attr (child, "joint");
          g_autofree char *motion = attr (child, "motion");
          g_autofree char *degrees = attr (child, "degrees");

          if (joint && motion && degrees)
            limber_exam_set_rom (self, joint, side, motion, (int) g_ascii_strtoll (degrees, NULL, 10));
        }
      else if (limber_xml_is (child, "test"))
        {
          g_autofree char *name = attr (child, "name");
          g_autofree char *result = attr (child, "result");

          if (name && result)
            limber_exam_set_test (self, name, side, g_strcmp0 (result, "positive") == 0);
        }
      else if (limber_xml_is (child, "pain"))
        {
          g_autofree char *value = attr (child, "value");

          if (value != NULL)
            self->pain = (int) g_ascii_strtoll (value, NULL, 10);
        }
      else if (limber_xml_is (child, "note"))
        {
          g_free (self->note);
          self->note = limber_xml_get_text (child);
        }
      else if (child->type == XML_ELEMENT_NODE)
        limber_xml_add_problem (problems, display_name, child,
                                _("<%s> does not belong in an <exam>"), child->name);
    }
  return g_steal_pointer (&self);
}

void
limber_exam_write_xml (const LimberExam *self,
                       xmlNode          *parent)
{
  xmlNode *exam = xmlNewChild (parent, NULL, (const xmlChar *) "exam", NULL);

  if (self->date != NULL)
    xmlSetProp (exam, (const xmlChar *) "date", (const xmlChar *) self->date);
  for (guint i = 0; i < self->rom->len; i++)
    {
      const LimberRom *r = &g_array_index (self->rom, LimberRom, i);
      xmlNode *node = xmlNewChild (exam, NULL, (const xmlChar *) "rom", NULL);
      char degrees[16];

      g_snprintf (degrees, sizeof degrees, "%d", r->degrees);
      xmlSetProp (node, (const xmlChar *) "joint", (const xmlChar *) r->joint);
      if (r->side != LIMBER_SIDE_UNSET)
        xmlSetProp (node, (const xmlChar *) "side", (const xmlChar *) limber_side_to_string (r->side));
      xmlSetProp (node, (const xmlChar *) "motion", (const xmlChar *) r->motion);
      xmlSetProp (node, (const xmlChar *) "degrees", (const xmlChar *) degrees);
    }
  for (guint i = 0; i < self->tests->len; i++)
    {
      const LimberSpecialTest *t = &g_array_index (self->tests, LimberSpecialTest, i);
      xmlNode *node = xmlNewChild (exam, NULL, (const xmlChar *) "test", NULL);

      xmlSetProp (node, (const xmlChar *) "name", (const xmlChar *) t->name);
      if (t->side != LIMBER_SIDE_UNSET)
        xmlSetProp (node, (const xmlChar *) "side", (const xmlChar *) limber_side_to_string (t->side));
      xmlSetProp (node, (const xmlChar *) "result", (const xmlChar *) (t->positive ? "positive" : "negative"));
    }
  if (self->pain >= 0)
    {
      xmlNode *node = xmlNewChild (exam, NULL, (const xmlChar *) "pain", NULL);
      char value[8];

      g_snprintf (value, sizeof value, "%d", self->pain);
      xmlSetProp (node, (const xmlChar *) "scale", (const xmlChar *) "0-10");
      xmlSetProp (node, (const xmlChar *) "value", (const xmlChar *) value);
    }
  if (self->note != NULL)
    xmlNewTextChild (exam, NULL, (const xmlChar *) "note", (const xmlChar *) self->note);
}
