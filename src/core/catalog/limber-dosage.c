/* limber-dosage.c — how much of a stretch, how often
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-dosage"

#include "config.h"

#include <glib/gi18n.h>
#include "limber-dosage.h"
#include "limber-xml.h"

/* Keep in sync with the dosage pattern of data/schemas/ (the .rng files). */
static const struct
{
  const char *attribute;
  int         min;
  int         max;
} fields[LIMBER_DOSAGE_N_FIELDS] = {
  [LIMBER_DOSAGE_SETS]          = { "sets", 1, 10 },
  [LIMBER_DOSAGE_REPS]          = { "reps", 1, 100 },
  [LIMBER_DOSAGE_HOLD_SECONDS]  = { "hold-seconds", 0, 600 },
  [LIMBER_DOSAGE_PER_DAY]       = { "per-day", 1, 10 },
  [LIMBER_DOSAGE_DAYS_PER_WEEK] = { "days-per-week", 1, 7 },
};

G_DEFINE_BOXED_TYPE (LimberDosage, limber_dosage, limber_dosage_copy, limber_dosage_free)

LimberDosage *
limber_dosage_copy (const LimberDosage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_memdup2 (self, sizeof *self);
}

void
limber_dosage_free (LimberDosage *self)
{
  g_free (self);
}

const char *
limber_dosage_field_attribute (LimberDosageField field)
{
  g_return_val_if_fail (field < LIMBER_DOSAGE_N_FIELDS, NULL);
  return fields[field].attribute;
}

void
limber_dosage_field_bounds (LimberDosageField  field,
                            int               *min,
                            int               *max)
{
  g_return_if_fail (field < LIMBER_DOSAGE_N_FIELDS);
  *min = fields[field].min;
  *max = fields[field].max;
}

/**
 * limber_dosage_parse_field:
 * @message: (out): on failure, a sentence for the user
 *
 * Reads one dosage attribute as the schema defines it: a whole number in
 * the field's bounds.
 */
gboolean
limber_dosage_parse_field (LimberDosageField   field,
                           const char         *text,
                           int                *value,
                           char              **message)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gint64 number;
  char *end = NULL;

  g_return_val_if_fail (field < LIMBER_DOSAGE_N_FIELDS, FALSE);

  number = g_ascii_strtoll (stripped, &end, 10);
  if (*stripped == '\0' || *end != '\0' || number < fields[field].min
      || number > fields[field].max)
    {
      *message = g_strdup_printf (_("%s must be a whole number from %d to %d, not ‘%s’"),
                                  fields[field].attribute,
                                  fields[field].min, fields[field].max, text);
      return FALSE;
    }
  *value = (int) number;
  return TRUE;
}

gboolean
limber_dosage_parse_side (const char *text,
                          LimberSide *side)
{
  if (g_strcmp0 (text, "left") == 0)
    *side = LIMBER_SIDE_LEFT;
  else if (g_strcmp0 (text, "right") == 0)
    *side = LIMBER_SIDE_RIGHT;
  else if (g_strcmp0 (text, "both") == 0)
    *side = LIMBER_SIDE_BOTH;
  else
    return FALSE;
  return TRUE;
}

const char *
limber_side_to_string (LimberSide side)
{
  switch (side)
    {
    case LIMBER_SIDE_LEFT: return "left";
    case LIMBER_SIDE_RIGHT: return "right";
    case LIMBER_SIDE_BOTH: return "both";
    case LIMBER_SIDE_UNSET:
    default: return NULL;
    }
}

gboolean
limber_dosage_is_set (const LimberDosage *self,
                      LimberDosageField   field)
{
  return (self->set & (1u << field)) != 0;
}

int
limber_dosage_get (const LimberDosage *self,
                   LimberDosageField   field)
{
  return limber_dosage_is_set (self, field) ? self->value[field] : 0;
}

void
limber_dosage_set (LimberDosage      *self,
                   LimberDosageField  field,
                   int                value)
{
  g_return_if_fail (field < LIMBER_DOSAGE_N_FIELDS);
  self->value[field] = CLAMP (value, fields[field].min, fields[field].max);
  self->set |= 1u << field;
}

void
limber_dosage_unset (LimberDosage      *self,
                     LimberDosageField  field)
{
  self->value[field] = 0;
  self->set &= ~(1u << field);
}

/* Fields of @override win over @base, one by one. */
void
limber_dosage_merge (LimberDosage       *result,
                     const LimberDosage *base,
                     const LimberDosage *override)
{
  LimberDosage merged = *base;

  for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS; i++)
    if (limber_dosage_is_set (override, i))
      limber_dosage_set (&merged, i, override->value[i]);
  if (override->side != LIMBER_SIDE_UNSET)
    merged.side = override->side;
  *result = merged;
}

gboolean
limber_dosage_equal (const LimberDosage *a,
                     const LimberDosage *b)
{
  if (a->set != b->set || a->side != b->side)
    return FALSE;
  for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS; i++)
    if (limber_dosage_is_set (a, i) && a->value[i] != b->value[i])
      return FALSE;
  return TRUE;
}

gboolean
limber_dosage_is_empty (const LimberDosage *self)
{
  return self->set == 0 && self->side == LIMBER_SIDE_UNSET;
}

/**
 * limber_dosage_read_xml:
 * @node: a `<dosage>` element
 *
 * Reads the attributes that are there; each wrong one adds a problem.
 *
 * Returns: %TRUE if every attribute was right
 */
gboolean
limber_dosage_read_xml (LimberDosage *self,
                        xmlNode      *node,
                        const char   *display_name,
                        GPtrArray    *problems)
{
  guint first = problems->len;

  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      g_autofree char *value = (char *) xmlNodeGetContent ((xmlNode *) a);
      const char *name = (const char *) a->name;
      gboolean known = FALSE;

      if (a->ns != NULL)
        continue;
      if (g_str_equal (name, "side"))
        {
          known = TRUE;
          if (!limber_dosage_parse_side (value, &self->side))
            limber_xml_add_problem (problems, display_name, node,
                                    _("side must be left, right or both, not ‘%s’"), value);
        }
      for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS && !known; i++)
        if (g_str_equal (name, fields[i].attribute))
          {
            g_autofree char *message = NULL;
            int number;

            known = TRUE;
            if (limber_dosage_parse_field (i, value, &number, &message))
              limber_dosage_set (self, i, number);
            else
              limber_xml_add_problem (problems, display_name, node, "%s", message);
          }
      if (!known)
        limber_xml_add_problem (problems, display_name, node,
                                _("<dosage> has no attribute ‘%s’ (it has sets, reps, hold-seconds, "
                                  "per-day, days-per-week and side)"), name);
    }
  return problems->len == first;
}

/* Writes the fields that are given, in the format's order. */
void
limber_dosage_write_xml (const LimberDosage *self,
                         xmlNode            *node)
{
  for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS; i++)
    if (limber_dosage_is_set (self, i))
      {
        char number[16];

        g_snprintf (number, sizeof number, "%d", self->value[i]);
        xmlSetProp (node, (const xmlChar *) fields[i].attribute, (const xmlChar *) number);
      }
  if (self->side != LIMBER_SIDE_UNSET)
    xmlSetProp (node, (const xmlChar *) "side", (const xmlChar *) limber_side_to_string (self->side));
}

/**
 * limber_dosage_describe:
 *
 * The dosage in the user interface's words: "2 sets of 5 reps · hold
 * 3 s · twice a day · left side".  (Handouts word it in the program's
 * language with their own phrase book.)
 */
char *
limber_dosage_describe (const LimberDosage *self)
{
  GString *s = g_string_new (NULL);
  int sets = limber_dosage_get (self, LIMBER_DOSAGE_SETS);
  int reps = limber_dosage_get (self, LIMBER_DOSAGE_REPS);
  int per_day = limber_dosage_get (self, LIMBER_DOSAGE_PER_DAY);

#define SEP() if (s->len) g_string_append (s, " · ")
  if (sets && reps)
    g_string_append_printf (s, ngettext ("%d set of %d reps", "%d sets of %d reps", sets), sets, reps);
  else if (reps)
    g_string_append_printf (s, ngettext ("%d rep", "%d reps", reps), reps);
  else if (sets)
    g_string_append_printf (s, ngettext ("%d set", "%d sets", sets), sets);
  if (limber_dosage_is_set (self, LIMBER_DOSAGE_HOLD_SECONDS)
      && limber_dosage_get (self, LIMBER_DOSAGE_HOLD_SECONDS) > 0)
    {
      SEP ();
      g_string_append_printf (s, _("hold %d s"), limber_dosage_get (self, LIMBER_DOSAGE_HOLD_SECONDS));
    }
  if (per_day)
    {
      SEP ();
      if (per_day == 1)
        g_string_append (s, _("once a day"));
      else if (per_day == 2)
        g_string_append (s, _("twice a day"));
      else
        g_string_append_printf (s, _("%d times a day"), per_day);
    }
  if (limber_dosage_is_set (self, LIMBER_DOSAGE_DAYS_PER_WEEK)
      && limber_dosage_get (self, LIMBER_DOSAGE_DAYS_PER_WEEK) < 7)
    {
      SEP ();
      g_string_append_printf (s, _("%d days a week"), limber_dosage_get (self, LIMBER_DOSAGE_DAYS_PER_WEEK));
    }
  if (self->side != LIMBER_SIDE_UNSET)
    {
      SEP ();
      g_string_append (s, self->side == LIMBER_SIDE_LEFT ? _("left side")
                          : self->side == LIMBER_SIDE_RIGHT ? _("right side") : _("both sides"));
    }
#undef SEP
  return g_string_free (s, FALSE);
}
