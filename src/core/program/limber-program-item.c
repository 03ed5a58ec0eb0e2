/* limber-program-item.c — one stretch in a patient's program
 *
 * An item tells of its own changes: "exercise", "override" and "note"
 * are notified when (and only when) they change, whether by an edit, an
 * undo or a redo, so that a row bound to the item follows it without the
 * list it is in being told to rebuild the row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-program-item"

#include "config.h"

#include "limber-program-item.h"

struct _LimberProgramItem
{
  GObject         parent_instance;

  LimberExercise *exercise;       /* the snapshot, or the catalog's */
  LimberDosage    override;       /* fields given for this patient */
  char           *note;
  LimberText     *note_translations;  /* other languages, as read */
  gboolean        from_snapshot;  /* TRUE if the catalog lacked it */
};

enum { PROP_0, PROP_EXERCISE, PROP_OVERRIDE, PROP_NOTE, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LimberProgramItem, limber_program_item, G_TYPE_OBJECT)

static void
limber_program_item_finalize (GObject *object)
{
  LimberProgramItem *self = (LimberProgramItem *) object;

  g_clear_object (&self->exercise);
  g_free (self->note);
  limber_text_free (self->note_translations);
  G_OBJECT_CLASS (limber_program_item_parent_class)->finalize (object);
}

static void
limber_program_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LimberProgramItem *self = LIMBER_PROGRAM_ITEM (object);

  switch (prop_id)
    {
    case PROP_EXERCISE:
      g_value_set_object (value, self->exercise);
      break;
    case PROP_OVERRIDE:
      g_value_set_boxed (value, &self->override);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_program_item_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LimberProgramItem *self = LIMBER_PROGRAM_ITEM (object);

  switch (prop_id)
    {
    case PROP_OVERRIDE:
      if (g_value_get_boxed (value) != NULL)
        limber_program_item_set_override (self, g_value_get_boxed (value));
      break;
    case PROP_NOTE:
      limber_program_item_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_program_item_class_init (LimberProgramItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_program_item_finalize;
  object_class->get_property = limber_program_item_get_property;
  object_class->set_property = limber_program_item_set_property;

  /**
   * LimberProgramItem:exercise:
   *
   * The stretch: the catalog's, or the program's snapshot of it.  It
   * changes when the item is updated from the catalog (or that is undone).
   */
  properties[PROP_EXERCISE] =
    g_param_spec_object ("exercise", NULL, NULL, LIMBER_TYPE_EXERCISE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LimberProgramItem:override:
   *
   * The #LimberDosage fields given for this patient, over the exercise's
   * default (see limber_program_item_get_dosage()); one property for the
   * whole dosage, as one edit may change several fields (a reset).
   */
  properties[PROP_OVERRIDE] =
    g_param_spec_boxed ("override", NULL, NULL, LIMBER_TYPE_DOSAGE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LimberProgramItem:note:
   *
   * The therapist's note for the patient, or %NULL.
   */
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_program_item_init (LimberProgramItem *self)
{
}

LimberProgramItem *
limber_program_item_new (LimberExercise *exercise)
{
  LimberProgramItem *self;

  g_return_val_if_fail (LIMBER_IS_EXERCISE (exercise), NULL);

  self = g_object_new (LIMBER_TYPE_PROGRAM_ITEM, NULL);
  self->exercise = g_object_ref (exercise);
  return self;
}

LimberExercise *
limber_program_item_get_exercise (LimberProgramItem *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM_ITEM (self), NULL);
  return self->exercise;
}

const char *
limber_program_item_get_note (LimberProgramItem *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM_ITEM (self), NULL);
  return self->note;
}

void
limber_program_item_set_note (LimberProgramItem *self,
                              const char        *note)
{
  g_return_if_fail (LIMBER_IS_PROGRAM_ITEM (self));

  if (note != NULL && *note == '\0')
    note = NULL;
  if (g_strcmp0 (self->note, note) == 0)
    return;
  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const LimberDosage *
limber_program_item_get_override (LimberProgramItem *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM_ITEM (self), NULL);
  return &self->override;
}

void
limber_program_item_set_override (LimberProgramItem  *self,
                                  const LimberDosage *dosage)
{
  g_return_if_fail (LIMBER_IS_PROGRAM_ITEM (self));
  g_return_if_fail (dosage != NULL);

  if (limber_dosage_equal (&self->override, dosage))
    return;
  self->override = *dosage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERRIDE]);
}

/* The dosage the patient gets: the exercise's default, overridden
 * attribute by attribute by this item's. */
void
limber_program_item_get_dosage (LimberProgramItem *self,
                                LimberDosage      *dosage)
{
  g_return_if_fail (LIMBER_IS_PROGRAM_ITEM (self));
  limber_dosage_merge (dosage, limber_exercise_get_dosage (self->exercise), &self->override);
}

gboolean
limber_program_item_get_from_snapshot (LimberProgramItem *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM_ITEM (self), FALSE);
  return self->from_snapshot;
}

void
limber_program_item_set_from_snapshot (LimberProgramItem *self,
                                       gboolean           from_snapshot)
{
  g_return_if_fail (LIMBER_IS_PROGRAM_ITEM (self));
  self->from_snapshot = from_snapshot;
}

/* Only LimberProgram calls this, inside an undoable command. */
void
_limber_program_item_set_exercise (LimberProgramItem *self,
                                   LimberExercise    *exercise)
{
  g_return_if_fail (LIMBER_IS_PROGRAM_ITEM (self));
  g_return_if_fail (LIMBER_IS_EXERCISE (exercise));
  if (g_set_object (&self->exercise, exercise))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXERCISE]);
}

void
_limber_program_item_set_note_translations (LimberProgramItem *self,
                                            const LimberText  *text)
{
  limber_text_free (self->note_translations);
  self->note_translations = limber_text_get_n (text) > 0 ? limber_text_copy (text) : NULL;
}

const LimberText *
_limber_program_item_get_note_translations (LimberProgramItem *self)
{
  return self->note_translations;
}
