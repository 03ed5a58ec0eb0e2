/* limber-item-row-dosage.c — the item row's dosage and note, edited in place
 *
 * What is typed waits in the widgets and is committed from an idle: one
 * undoable step for the dosage and one for the note.  A field that
 * neither the item nor its exercise gives shows no number, and only
 * whole numbers in the schema's bounds are read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-item-row-private.h"

/* Stores what waits in the widgets: one undoable step for the dosage
 * and one for the note.  The list box may replace the row meanwhile. */
void
_limber_item_row_commit_edits (LimberItemRow *self)
{
  g_autoptr(LimberProgram) program = g_object_ref (self->program);
  g_autofree char *note = NULL;
  LimberDosage override;
  guint dirty = self->dirty;
  int index = _limber_item_row_item_index (self);

  g_clear_handle_id (&self->commit_id, g_source_remove);
  self->dirty = 0;
  if (dirty == 0 || index < 0)
    return;

  override = *limber_program_item_get_override (self->item);
  for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS; i++)
    if (dirty & (1u << i))
      limber_dosage_set (&override, i, gtk_spin_button_get_value_as_int (self->spins[i]));
  if ((dirty & DIRTY_SIDE) && gtk_drop_down_get_selected (self->side_dropdown) != GTK_INVALID_LIST_POSITION)
    override.side = LIMBER_SIDE_LEFT + gtk_drop_down_get_selected (self->side_dropdown);
  note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));

  if (dirty & DIRTY_DOSAGE)
    limber_program_set_item_dosage (program, index, &override);
  if (dirty & DIRTY_NOTE)
    limber_program_set_item_note (program, index, note);
}

static gboolean
commit_idle (gpointer data)
{
  g_autoptr(LimberItemRow) self = g_object_ref (data);
  int index = _limber_item_row_item_index (self);
  FocusMemo memo;

  self->commit_id = 0;
  _limber_item_row_focus_memo_take (&memo, self);
  _limber_item_row_commit_edits (self);
  _limber_item_row_focus_memo_restore (&memo, index);
  return G_SOURCE_REMOVE;
}

static void
schedule_commit (LimberItemRow *self,
                 guint          dirty)
{
  if (self->program == NULL)
    return;
  self->dirty |= dirty;
  if (self->commit_id == 0)
    self->commit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, commit_idle, self, NULL);
}

static guint
spin_field (LimberItemRow *self,
            GtkSpinButton *spin)
{
  for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS; i++)
    if (self->spins[i] == spin)
      return i;
  g_assert_not_reached ();
}

/* A field that neither the item nor its exercise gives shows no number. */
void
_limber_item_row_show_spin (LimberItemRow      *self,
                            LimberDosageField   field,
                            const LimberDosage *dosage)
{
  gboolean given = limber_dosage_is_set (dosage, field);
  char text[16] = "";
  int min, max;

  limber_dosage_field_bounds (field, &min, &max);
  self->shown[field] = given ? dosage->value[field] : min;
  if (given)
    {
      self->unset &= ~(1u << field);
      g_snprintf (text, sizeof text, "%d", self->shown[field]);
    }
  else
    self->unset |= 1u << field;
  gtk_spin_button_set_value (self->spins[field], self->shown[field]);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->spins[field])), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->spins[field]), text);
}

static void
on_spin_value_changed (GtkSpinButton *spin,
                       LimberItemRow *self)
{
  guint field = spin_field (self, spin);
  int value = gtk_spin_button_get_value_as_int (spin);

  /* GTK also says "changed" when it puts back the number it had. */
  if (self->updating || value == self->shown[field])
    return;
  self->shown[field] = value;
  if (self->unset & (1u << field))
    {
      g_autofree char *text = g_strdup_printf ("%d", value);

      self->unset &= ~(1u << field);
      gtk_editable_set_text (GTK_EDITABLE (spin), text);
    }
  schedule_commit (self, 1u << field);
}

/* Only whole numbers in the schema's bounds are read; anything else
 * (even an empty field, which GTK would read as 0) puts the old value
 * back.  Typing into a field that shows none sets it, even to the
 * number the button holds underneath (which GTK would not call a
 * change). */
static int
on_spin_input (GtkSpinButton *spin,
               double        *value,
               LimberItemRow *self)
{
  guint field = spin_field (self, spin);
  g_autofree char *message = NULL;
  int number;

  if (!limber_dosage_parse_field (field, gtk_editable_get_text (GTK_EDITABLE (spin)), &number, &message))
    return GTK_INPUT_ERROR;
  *value = number;
  if (self->unset & (1u << field))
    {
      self->unset &= ~(1u << field);
      self->shown[field] = number;
      schedule_commit (self, 1u << field);
    }
  return TRUE;
}

static gboolean
on_spin_output (GtkSpinButton *spin,
                LimberItemRow *self)
{
  if (!(self->unset & (1u << spin_field (self, spin))))
    return FALSE;
  if (*gtk_editable_get_text (GTK_EDITABLE (spin)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (spin), "");
  return TRUE;
}

static void
on_side_changed (LimberItemRow *self)
{
  if (!self->updating)
    schedule_commit (self, DIRTY_SIDE);
}

static void
on_note_changed (LimberItemRow *self)
{
  if (!self->updating)
    schedule_commit (self, DIRTY_NOTE);
}

void
_limber_item_row_class_add_dosage (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_side_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_note_changed);
}

void
_limber_item_row_init_dosage (LimberItemRow *self)
{
  for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS; i++)
    {
      g_autofree char *tooltip = NULL;
      int min, max;

      limber_dosage_field_bounds (i, &min, &max);
      /* The schema's bounds, so what is typed is what can be saved. */
      gtk_spin_button_set_range (self->spins[i], min, max);
      tooltip = g_strdup_printf (_("A whole number from %d to %d"), min, max);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->spins[i]), tooltip);
      self->slots[SLOT_SPIN + i] = GTK_WIDGET (self->spins[i]);
      g_signal_connect (self->spins[i], "value-changed", G_CALLBACK (on_spin_value_changed), self);
      g_signal_connect (self->spins[i], "input", G_CALLBACK (on_spin_input), self);
      g_signal_connect (self->spins[i], "output", G_CALLBACK (on_spin_output), self);
    }
}
