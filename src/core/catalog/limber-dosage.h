/* limber-dosage.h — how much of a stretch, how often
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

typedef enum
{
  LIMBER_SIDE_UNSET = 0,
  LIMBER_SIDE_LEFT,
  LIMBER_SIDE_RIGHT,
  LIMBER_SIDE_BOTH,
} LimberSide;

typedef enum
{
  LIMBER_DOSAGE_SETS,
  LIMBER_DOSAGE_REPS,
  LIMBER_DOSAGE_HOLD_SECONDS,
  LIMBER_DOSAGE_PER_DAY,
  LIMBER_DOSAGE_DAYS_PER_WEEK,
  LIMBER_DOSAGE_N_FIELDS
} LimberDosageField;

/* Every field is optional: a field is given when its bit is in @set (or
 * @side is not LIMBER_SIDE_UNSET), so an item's dosage can override an
 * exercise's field by field. */
typedef struct
{
  int        value[LIMBER_DOSAGE_N_FIELDS];
  guint      set;
  LimberSide side;
} LimberDosage;

/* Boxed, so that a program item can offer its override as a property. */
#define LIMBER_TYPE_DOSAGE (limber_dosage_get_type ())

GType         limber_dosage_get_type        (void) G_GNUC_CONST;
LimberDosage *limber_dosage_copy            (const LimberDosage *self);
void          limber_dosage_free            (LimberDosage       *self);

const char *limber_dosage_field_attribute (LimberDosageField field);
void        limber_dosage_field_bounds    (LimberDosageField field,
                                           int              *min,
                                           int              *max);
gboolean    limber_dosage_parse_field     (LimberDosageField field,
                                           const char       *text,
                                           int              *value,
                                           char            **message);
gboolean    limber_dosage_parse_side      (const char       *text,
                                           LimberSide       *side);
const char *limber_side_to_string         (LimberSide        side);
gboolean    limber_dosage_is_set          (const LimberDosage *self,
                                           LimberDosageField   field);
int         limber_dosage_get             (const LimberDosage *self,
                                           LimberDosageField   field);
void        limber_dosage_set             (LimberDosage       *self,
                                           LimberDosageField   field,
                                           int                 value);
void        limber_dosage_unset           (LimberDosage       *self,
                                           LimberDosageField   field);
void        limber_dosage_merge           (LimberDosage       *result,
                                           const LimberDosage *base,
                                           const LimberDosage *override);
gboolean    limber_dosage_equal           (const LimberDosage *a,
                                           const LimberDosage *b);
gboolean    limber_dosage_is_empty        (const LimberDosage *self);
gboolean    limber_dosage_read_xml        (LimberDosage       *self,
                                           xmlNode            *node,
                                           const char         *display_name,
                                           GPtrArray          *problems);
void        limber_dosage_write_xml       (const LimberDosage *self,
                                           xmlNode            *node);

G_END_DECLS

G_BEGIN_DECLS
char       *limber_dosage_describe        (const LimberDosage *self);
G_END_DECLS
