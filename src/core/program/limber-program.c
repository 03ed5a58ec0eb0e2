/* limber-program.c — a patient's home program: the document
 *
 * Every edit goes through a command that knows how to undo itself, so
 * undo and redo cover every change and the core tests can check them.
 * Typing into one field coalesces into one command.  items-changed is
 * for inserting, removing and moving items; an edit of one item is
 * notified by the item's own properties.  Loading and saving
 * live in limber-program-io.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-program"

#include "config.h"

#include <string.h>

#include "limber-program-private.h"

/* Edits of one field closer together than this undo as one. */
#define COALESCE_USEC (2 * G_USEC_PER_SEC)

typedef enum
{
  CMD_SET_FIELD,
  CMD_INSERT,
  CMD_REMOVE,
  CMD_MOVE,
  CMD_SET_DOSAGE,
  CMD_SET_NOTE,
  CMD_SET_EXERCISE,
  CMD_ADD_EXAM,
  CMD_SET_EXAM,
  CMD_REMOVE_EXAM,
} CommandType;

typedef struct
{
  CommandType        type;
  guint              pos;
  guint              pos2;
  LimberProgramField field;
  char              *old_text;
  char              *new_text;
  LimberProgramItem *item;
  LimberDosage       old_dosage;
  LimberDosage       new_dosage;
  LimberExercise    *old_exercise;
  LimberExercise    *new_exercise;
  LimberExam        *old_exam;
  LimberExam        *new_exam;
  gint64             time;
} Command;

struct _LimberProgram
{
  GObject    parent_instance;

  GFile     *file;
  char      *fields[LIMBER_PROGRAM_N_FIELDS];
  LimberText *translations[LIMBER_PROGRAM_N_FIELDS];  /* other languages, as read */
  GPtrArray *items;      /* LimberProgramItem */
  GPtrArray *exams;      /* LimberExam */
  GPtrArray *undo;       /* Command, oldest first */
  GPtrArray *redo;       /* Command, next to redo last */
  int        saved_at;   /* undo->len when last saved; -1 if unreachable */
};

enum { PROP_0, PROP_MODIFIED, PROP_CAN_UNDO, PROP_CAN_REDO, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberProgram, limber_program, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return LIMBER_TYPE_PROGRAM_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return LIMBER_PROGRAM (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  LimberProgram *self = LIMBER_PROGRAM (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
command_free (gpointer data)
{
  Command *cmd = data;

  g_free (cmd->old_text);
  g_free (cmd->new_text);
  g_clear_object (&cmd->item);
  g_clear_object (&cmd->old_exercise);
  g_clear_object (&cmd->new_exercise);
  limber_exam_free (cmd->old_exam);
  limber_exam_free (cmd->new_exam);
  g_free (cmd);
}

static void
limber_program_finalize (GObject *object)
{
  LimberProgram *self = (LimberProgram *) object;

  g_clear_object (&self->file);
  for (guint i = 0; i < LIMBER_PROGRAM_N_FIELDS; i++)
    {
      g_free (self->fields[i]);
      limber_text_free (self->translations[i]);
    }
  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->exams);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);

  G_OBJECT_CLASS (limber_program_parent_class)->finalize (object);
}

static void
limber_program_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LimberProgram *self = LIMBER_PROGRAM (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, limber_program_is_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, limber_program_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, limber_program_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_program_class_init (LimberProgramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_program_finalize;
  object_class->get_property = limber_program_get_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberProgram::changed:
   *
   * Emitted after any edit, undo or redo: the drafts autosave on it.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_program_init (LimberProgram *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->exams = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_exam_free);
  self->undo = g_ptr_array_new_with_free_func (command_free);
  self->redo = g_ptr_array_new_with_free_func (command_free);
  self->fields[LIMBER_PROGRAM_LANGUAGE] = g_strdup ("en");
}

LimberProgram *
limber_program_new (void)
{
  return g_object_new (LIMBER_TYPE_PROGRAM, NULL);
}

/* Makes the change a command describes, forward or back. */
static void
command_run (LimberProgram *self,
             Command       *cmd,
             gboolean       forward)
{
  LimberProgramItem *item;

  switch (cmd->type)
    {
    case CMD_SET_FIELD:
      g_free (self->fields[cmd->field]);
      self->fields[cmd->field] = g_strdup (forward ? cmd->new_text : cmd->old_text);
      break;

    case CMD_INSERT:
    case CMD_REMOVE:
      if (forward == (cmd->type == CMD_INSERT))
        {
          g_ptr_array_insert (self->items, cmd->pos, g_object_ref (cmd->item));
          g_list_model_items_changed (G_LIST_MODEL (self), cmd->pos, 0, 1);
        }
      else
        {
          g_ptr_array_remove_index (self->items, cmd->pos);
          g_list_model_items_changed (G_LIST_MODEL (self), cmd->pos, 1, 0);
        }
      break;

    case CMD_MOVE:
      {
        guint from = forward ? cmd->pos : cmd->pos2;
        guint to = forward ? cmd->pos2 : cmd->pos;

        item = g_ptr_array_steal_index (self->items, from);
        g_ptr_array_insert (self->items, to, item);
        g_list_model_items_changed (G_LIST_MODEL (self), MIN (from, to), MAX (from, to) - MIN (from, to) + 1,
                                    MAX (from, to) - MIN (from, to) + 1);
      }
      break;

    case CMD_SET_DOSAGE:
    case CMD_SET_NOTE:
    case CMD_SET_EXERCISE:
      item = g_ptr_array_index (self->items, cmd->pos);
      if (cmd->type == CMD_SET_DOSAGE)
        limber_program_item_set_override (item, forward ? &cmd->new_dosage : &cmd->old_dosage);
      else if (cmd->type == CMD_SET_NOTE)
        limber_program_item_set_note (item, forward ? cmd->new_text : cmd->old_text);
      else
        _limber_program_item_set_exercise (item, forward ? cmd->new_exercise : cmd->old_exercise);
      /* The item notifies its property: the list itself is unchanged. */
      break;

    case CMD_ADD_EXAM:
    case CMD_REMOVE_EXAM:
      if (forward == (cmd->type == CMD_ADD_EXAM))
        g_ptr_array_insert (self->exams, cmd->pos, limber_exam_copy (cmd->new_exam ? cmd->new_exam : cmd->old_exam));
      else
        g_ptr_array_remove_index (self->exams, cmd->pos);
      break;

    case CMD_SET_EXAM:
      limber_exam_free (g_ptr_array_index (self->exams, cmd->pos));
      g_ptr_array_index (self->exams, cmd->pos) = limber_exam_copy (forward ? cmd->new_exam : cmd->old_exam);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
notify_state (LimberProgram *self,
              gboolean       was_modified,
              gboolean       could_undo,
              gboolean       could_redo)
{
  if (was_modified != limber_program_is_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (could_undo != limber_program_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != limber_program_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Runs a new command and records it; a new edit clears what could be redone. */
static void
push (LimberProgram *self,
      Command       *cmd)
{
  gboolean was_modified = limber_program_is_modified (self);
  gboolean could_undo = limber_program_can_undo (self);
  gboolean could_redo = limber_program_can_redo (self);

  cmd->time = g_get_monotonic_time ();
  command_run (self, cmd, TRUE);
  g_ptr_array_set_size (self->redo, 0);
  if (self->saved_at > (int) self->undo->len)
    self->saved_at = -1;
  g_ptr_array_add (self->undo, cmd);
  notify_state (self, was_modified, could_undo, could_redo);
}

/* The last command, if an edit of the same kind on the same target can
 * join it (typing, clicking a spin button): recent, nothing to redo, and
 * not what was saved. */
static Command *
joinable (LimberProgram *self,
          CommandType    type,
          guint          pos,
          guint          field)
{
  Command *last = self->undo->len ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;

  if (last != NULL && last->type == type && last->pos == pos && last->field == field
      && self->redo->len == 0 && self->saved_at != (int) self->undo->len
      && g_get_monotonic_time () - last->time < COALESCE_USEC)
    return last;
  return NULL;
}

/* Runs @last again with its new value, as part of the same undo step. */
static void
rerun (LimberProgram *self,
       Command       *last)
{
  gboolean was_modified = limber_program_is_modified (self);

  last->time = g_get_monotonic_time ();
  command_run (self, last, TRUE);
  notify_state (self, was_modified, TRUE, FALSE);
}

static Command *
command_new (CommandType type,
             guint       pos)
{
  Command *cmd = g_new0 (Command, 1);

  cmd->type = type;
  cmd->pos = pos;
  return cmd;
}

const char *
limber_program_get_field (LimberProgram      *self,
                          LimberProgramField  field)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (field < LIMBER_PROGRAM_N_FIELDS, NULL);
  return self->fields[field];
}

/**
 * limber_program_set_field:
 * @value: (nullable): the new text; empty means none
 *
 * Sets a header field, undoably.  Quick successive edits of the same
 * field (typing) undo together, as do those of one item's note or dosage.
 */
void
limber_program_set_field (LimberProgram      *self,
                          LimberProgramField  field,
                          const char         *value)
{
  Command *last, *cmd;

  g_return_if_fail (LIMBER_IS_PROGRAM (self));
  g_return_if_fail (field < LIMBER_PROGRAM_N_FIELDS);


  if (value != NULL && *value == '\0')
    value = NULL;
  if (field == LIMBER_PROGRAM_LANGUAGE && value == NULL)
    value = "en";
  if (g_strcmp0 (self->fields[field], value) == 0)
    return;

  if ((last = joinable (self, CMD_SET_FIELD, 0, field)) != NULL)
    {
      g_free (last->new_text);
      last->new_text = g_strdup (value);
      rerun (self, last);
      return;
    }

  cmd = command_new (CMD_SET_FIELD, 0);
  cmd->field = field;
  cmd->old_text = g_strdup (self->fields[field]);
  cmd->new_text = g_strdup (value);
  push (self, cmd);
}

/* Shorthands for limber_program_get_field(). */
const char *
limber_program_get_title (LimberProgram *self)
{
  return limber_program_get_field (self, LIMBER_PROGRAM_TITLE);
}

const char *
limber_program_get_patient_name (LimberProgram *self)
{
  return limber_program_get_field (self, LIMBER_PROGRAM_PATIENT_NAME);
}

const char *
limber_program_get_patient_id (LimberProgram *self)
{
  return limber_program_get_field (self, LIMBER_PROGRAM_PATIENT_ID);
}

const char *
limber_program_get_patient_email (LimberProgram *self)
{
  return limber_program_get_field (self, LIMBER_PROGRAM_PATIENT_EMAIL);
}

/**
 * limber_program_email_is_valid:
 *
 * A loose check: something@something, at most 254 bytes (RFC 5321's
 * limit), no spaces or control characters, and nothing that would make
 * it two addresses (, ;), a header (< > " ?) or, first, a command-line
 * option (-) when handed to xdg-email.
 */
gboolean
limber_program_email_is_valid (const char *address)
{
  const char *at;

  if (address == NULL || *address == '\0' || *address == '-' || strlen (address) > 254
      || !g_utf8_validate (address, -1, NULL))
    return FALSE;
  for (const char *p = address; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f || strchr (",;<>\"?\\", *p) != NULL)
      return FALSE;
  at = strchr (address, '@');
  return at != NULL && at != address && at[1] != '\0' && strchr (at + 1, '@') == NULL;
}

const char *
limber_program_get_therapist (LimberProgram *self)
{
  return limber_program_get_field (self, LIMBER_PROGRAM_THERAPIST);
}

const char *
limber_program_get_clinic (LimberProgram *self)
{
  return limber_program_get_field (self, LIMBER_PROGRAM_CLINIC);
}

const char *
limber_program_get_created (LimberProgram *self)
{
  return limber_program_get_field (self, LIMBER_PROGRAM_CREATED);
}

const char *
limber_program_get_notes (LimberProgram *self)
{
  return limber_program_get_field (self, LIMBER_PROGRAM_NOTES);
}

const char *
limber_program_get_language (LimberProgram *self)
{
  return limber_program_get_field (self, LIMBER_PROGRAM_LANGUAGE);
}

GFile *
limber_program_get_file (LimberProgram *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), NULL);
  return self->file;
}

void
limber_program_set_file (LimberProgram *self,
                         GFile         *file)
{
  g_return_if_fail (LIMBER_IS_PROGRAM (self));
  g_set_object (&self->file, file);
}

LimberProgramItem *
limber_program_get_item (LimberProgram *self,
                         guint          position)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);
  return g_ptr_array_index (self->items, position);
}

/**
 * limber_program_find_item:
 * @position: (out) (optional): where @item is
 *
 * Returns: whether @item is in the program (a row may outlive its item).
 */
gboolean
limber_program_find_item (LimberProgram     *self,
                          LimberProgramItem *item,
                          guint             *position)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), FALSE);

  return g_ptr_array_find (self->items, item, position);
}

/* Adds a stretch at @position (clamped to the end); the same exercise
 * may be there already (left and right, two positions). */
void
limber_program_insert_exercise (LimberProgram  *self,
                                guint           position,
                                LimberExercise *exercise)
{
  Command *cmd;

  g_return_if_fail (LIMBER_IS_PROGRAM (self));
  g_return_if_fail (LIMBER_IS_EXERCISE (exercise));

  cmd = command_new (CMD_INSERT, MIN (position, self->items->len));
  cmd->item = limber_program_item_new (exercise);
  push (self, cmd);
}

void
limber_program_remove (LimberProgram *self,
                       guint          position)
{
  Command *cmd;

  g_return_if_fail (LIMBER_IS_PROGRAM (self));
  g_return_if_fail (position < self->items->len);

  cmd = command_new (CMD_REMOVE, position);
  cmd->item = g_object_ref (g_ptr_array_index (self->items, position));
  push (self, cmd);
}

void
limber_program_move (LimberProgram *self,
                     guint          from,
                     guint          to)
{
  Command *cmd;

  g_return_if_fail (LIMBER_IS_PROGRAM (self));
  g_return_if_fail (from < self->items->len);

  to = MIN (to, self->items->len - 1);
  if (from == to)
    return;
  cmd = command_new (CMD_MOVE, from);
  cmd->pos2 = to;
  push (self, cmd);
}

/* A copy right below, with the same dosage and note. */
void
limber_program_duplicate (LimberProgram *self,
                          guint          position)
{
  LimberProgramItem *original;
  Command *cmd;

  g_return_if_fail (LIMBER_IS_PROGRAM (self));
  g_return_if_fail (position < self->items->len);

  original = g_ptr_array_index (self->items, position);
  cmd = command_new (CMD_INSERT, position + 1);
  cmd->item = limber_program_item_new (limber_program_item_get_exercise (original));
  limber_program_item_set_override (cmd->item, limber_program_item_get_override (original));
  limber_program_item_set_note (cmd->item, limber_program_item_get_note (original));
  push (self, cmd);
}

void
limber_program_set_item_dosage (LimberProgram      *self,
                                guint               position,
                                const LimberDosage *override)
{
  LimberProgramItem *item;
  Command *cmd;

  g_return_if_fail (LIMBER_IS_PROGRAM (self));
  g_return_if_fail (position < self->items->len);

  item = g_ptr_array_index (self->items, position);
  if (limber_dosage_equal (limber_program_item_get_override (item), override))
    return;
  if ((cmd = joinable (self, CMD_SET_DOSAGE, position, 0)) != NULL)
    {
      cmd->new_dosage = *override;
      rerun (self, cmd);
      return;
    }
  cmd = command_new (CMD_SET_DOSAGE, position);
  cmd->old_dosage = *limber_program_item_get_override (item);
  cmd->new_dosage = *override;
  push (self, cmd);
}

void
limber_program_set_item_note (LimberProgram *self,
                              guint          position,
                              const char    *note)
{
  LimberProgramItem *item;
  Command *cmd;

  g_return_if_fail (LIMBER_IS_PROGRAM (self));
  g_return_if_fail (position < self->items->len);

  if (note != NULL && *note == '\0')
    note = NULL;
  item = g_ptr_array_index (self->items, position);
  if (g_strcmp0 (limber_program_item_get_note (item), note) == 0)
    return;
  if ((cmd = joinable (self, CMD_SET_NOTE, position, 0)) != NULL)
    {
      g_free (cmd->new_text);
      cmd->new_text = g_strdup (note);
      rerun (self, cmd);
      return;
    }
  cmd = command_new (CMD_SET_NOTE, position);
  cmd->old_text = g_strdup (limber_program_item_get_note (item));
  cmd->new_text = g_strdup (note);
  push (self, cmd);
}

/* "Update from catalog": the item takes the catalog's current version. */
void
limber_program_update_item (LimberProgram  *self,
                            guint           position,
                            LimberExercise *exercise)
{
  LimberProgramItem *item;
  Command *cmd;

  g_return_if_fail (LIMBER_IS_PROGRAM (self));
  g_return_if_fail (position < self->items->len);
  g_return_if_fail (LIMBER_IS_EXERCISE (exercise));

  item = g_ptr_array_index (self->items, position);
  cmd = command_new (CMD_SET_EXERCISE, position);
  cmd->old_exercise = g_object_ref (limber_program_item_get_exercise (item));
  cmd->new_exercise = g_object_ref (exercise);
  push (self, cmd);
}

guint
limber_program_get_n_exams (LimberProgram *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), 0);
  return self->exams->len;
}

const LimberExam *
limber_program_get_exam (LimberProgram *self,
                         guint          index)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (index < self->exams->len, NULL);
  return g_ptr_array_index (self->exams, index);
}

void
limber_program_add_exam (LimberProgram    *self,
                         const LimberExam *exam)
{
  Command *cmd;

  g_return_if_fail (LIMBER_IS_PROGRAM (self));

  cmd = command_new (CMD_ADD_EXAM, self->exams->len);
  cmd->new_exam = limber_exam_copy (exam);
  push (self, cmd);
}

void
limber_program_set_exam (LimberProgram    *self,
                         guint             index,
                         const LimberExam *exam)
{
  Command *cmd;

  g_return_if_fail (LIMBER_IS_PROGRAM (self));
  g_return_if_fail (index < self->exams->len);

  if (limber_exam_equal (g_ptr_array_index (self->exams, index), exam))
    return;
  cmd = command_new (CMD_SET_EXAM, index);
  cmd->old_exam = limber_exam_copy (g_ptr_array_index (self->exams, index));
  cmd->new_exam = limber_exam_copy (exam);
  push (self, cmd);
}

void
limber_program_remove_exam (LimberProgram *self,
                            guint          index)
{
  Command *cmd;

  g_return_if_fail (LIMBER_IS_PROGRAM (self));
  g_return_if_fail (index < self->exams->len);

  cmd = command_new (CMD_REMOVE_EXAM, index);
  cmd->old_exam = limber_exam_copy (g_ptr_array_index (self->exams, index));
  push (self, cmd);
}

gboolean
limber_program_can_undo (LimberProgram *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), FALSE);
  return self->undo->len > 0;
}

gboolean
limber_program_can_redo (LimberProgram *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), FALSE);
  return self->redo->len > 0;
}

void
limber_program_undo (LimberProgram *self)
{
  gboolean was_modified, could_redo;
  Command *cmd;

  g_return_if_fail (LIMBER_IS_PROGRAM (self));
  if (self->undo->len == 0)
    return;

  was_modified = limber_program_is_modified (self);
  could_redo = limber_program_can_redo (self);
  cmd = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  command_run (self, cmd, FALSE);
  g_ptr_array_add (self->redo, cmd);
  notify_state (self, was_modified, TRUE, could_redo);
}

void
limber_program_redo (LimberProgram *self)
{
  gboolean was_modified, could_undo;
  Command *cmd;

  g_return_if_fail (LIMBER_IS_PROGRAM (self));
  if (self->redo->len == 0)
    return;

  was_modified = limber_program_is_modified (self);
  could_undo = limber_program_can_undo (self);
  cmd = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  command_run (self, cmd, TRUE);
  g_ptr_array_add (self->undo, cmd);
  notify_state (self, was_modified, could_undo, TRUE);
}

/* Modified means: not where the last save (or load) left it.  Undoing
 * back to that point makes the program unmodified again. */
gboolean
limber_program_is_modified (LimberProgram *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), FALSE);
  return self->saved_at != (int) self->undo->len;
}

void
limber_program_mark_saved (LimberProgram *self)
{
  gboolean was_modified;

  g_return_if_fail (LIMBER_IS_PROGRAM (self));

  was_modified = limber_program_is_modified (self);
  self->saved_at = self->undo->len;
  if (was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
_limber_program_take_field (LimberProgram      *self,
                            LimberProgramField  field,
                            char               *value)
{
  g_free (self->fields[field]);
  self->fields[field] = value;
}

void
_limber_program_take_item (LimberProgram     *self,
                           LimberProgramItem *item)
{
  g_ptr_array_add (self->items, item);
  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
}

void
_limber_program_take_exam (LimberProgram *self,
                           LimberExam    *exam)
{
  g_ptr_array_add (self->exams, exam);
}

/* A restored draft holds work that was never saved. */
void
_limber_program_mark_unsaved (LimberProgram *self)
{
  self->saved_at = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * limber_program_start:
 * @self: a program not yet edited
 * @date: its date of creation, as YYYY-MM-DD
 * @therapist: (nullable): the therapist's name, from the settings
 * @clinic: (nullable): the clinic's name, from the settings
 * @language: (nullable): the handout's language ("en", "es"), or %NULL
 *   to keep the one it has
 *
 * Dates a new program and fills in who made it and in which language
 * its handout is.  Not an edit: nothing to undo, nothing unsaved.
 */
void
limber_program_start (LimberProgram *self,
                      const char    *date,
                      const char    *therapist,
                      const char    *clinic,
                      const char    *language)
{
  g_return_if_fail (LIMBER_IS_PROGRAM (self));

  _limber_program_take_field (self, LIMBER_PROGRAM_CREATED, g_strdup (date));
  if (therapist != NULL && *therapist)
    _limber_program_take_field (self, LIMBER_PROGRAM_THERAPIST, g_strdup (therapist));
  if (clinic != NULL && *clinic)
    _limber_program_take_field (self, LIMBER_PROGRAM_CLINIC, g_strdup (clinic));
  if (language != NULL && *language)
    _limber_program_take_field (self, LIMBER_PROGRAM_LANGUAGE, g_strdup (language));
}

void
_limber_program_add_translation (LimberProgram      *self,
                                 LimberProgramField  field,
                                 const char         *lang,
                                 char               *text)
{
  if (self->translations[field] == NULL)
    self->translations[field] = limber_text_new ();
  limber_text_set (self->translations[field], lang, text);
  g_free (text);
}

const LimberText *
_limber_program_get_translations (LimberProgram      *self,
                                  LimberProgramField  field)
{
  return self->translations[field];
}
