/* limber-item-row-actions.c — what the item row's buttons and shortcuts do
 *
 * Move up and down, duplicate, reset the dosage, update from the catalog
 * and remove.  Each commits what is typed first, then edits the program,
 * then puts the focus where the user will look for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-item-row"

#include "config.h"

#include "limber-item-row-private.h"

/* What can be done depends on where the row is and what it holds. */
void
_limber_item_row_update_actions (LimberItemRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int index = _limber_item_row_item_index (self);
  int n = g_list_model_get_n_items (G_LIST_MODEL (self->program));

  gtk_widget_action_set_enabled (widget, "row.move-up", index > 0);
  gtk_widget_action_set_enabled (widget, "row.move-down", index >= 0 && index + 1 < n);
  gtk_widget_action_set_enabled (widget, "row.duplicate", index >= 0);
  gtk_widget_action_set_enabled (widget, "row.remove", index >= 0);
  gtk_widget_action_set_enabled (widget, "row.reset", index >= 0
                                 && !limber_dosage_is_empty (limber_program_item_get_override (self->item)));
  gtk_widget_action_set_enabled (widget, "row.update", index >= 0 && self->newer != NULL);
}

static int
begin_action (LimberItemRow *self,
              FocusMemo     *memo)
{
  _limber_item_row_focus_memo_take (memo, self);
  _limber_item_row_commit_edits (self);
  return _limber_item_row_item_index (self);
}

static void
move_by (LimberItemRow *self,
         int            delta)
{
  g_autoptr(LimberProgram) program = g_object_ref (self->program);
  FocusMemo memo;
  int index = begin_action (self, &memo);
  int to = index + delta;

  if (index < 0 || to < 0 || to >= (int) g_list_model_get_n_items (G_LIST_MODEL (program)))
    {
      _limber_item_row_focus_memo_restore (&memo, index);
      return;
    }
  limber_program_move (program, index, to);
  _limber_item_row_focus_memo_restore (&memo, to);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_by (LIMBER_ITEM_ROW (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_by (LIMBER_ITEM_ROW (widget), +1);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberItemRow *self = LIMBER_ITEM_ROW (widget);
  g_autoptr(LimberProgram) program = g_object_ref (self->program);
  FocusMemo memo;
  int index = begin_action (self, &memo);
  int n;

  if (index >= 0)
    limber_program_remove (program, index);
  /* The focus goes to the row that took its place (or the new last). */
  n = g_list_model_get_n_items (G_LIST_MODEL (program));
  memo.slot = SLOT_ROW;
  _limber_item_row_focus_memo_restore (&memo, MIN (index, n - 1));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LimberItemRow *self = LIMBER_ITEM_ROW (widget);
  g_autoptr(LimberProgram) program = g_object_ref (self->program);
  FocusMemo memo;
  int index = begin_action (self, &memo);

  if (index >= 0)
    limber_program_duplicate (program, index);
  _limber_item_row_focus_memo_restore (&memo, index);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LimberItemRow *self = LIMBER_ITEM_ROW (widget);
  g_autoptr(LimberProgram) program = g_object_ref (self->program);
  const LimberDosage empty = { { 0 }, 0, LIMBER_SIDE_UNSET };
  FocusMemo memo;
  int index = begin_action (self, &memo);

  if (index >= 0)
    limber_program_set_item_dosage (program, index, &empty);
  _limber_item_row_focus_memo_restore (&memo, index);
}

static void
update_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberItemRow *self = LIMBER_ITEM_ROW (widget);
  g_autoptr(LimberProgram) program = g_object_ref (self->program);
  g_autoptr(LimberExercise) newer = self->newer ? g_object_ref (self->newer) : NULL;
  FocusMemo memo;
  int index = begin_action (self, &memo);

  if (index >= 0 && newer != NULL)
    limber_program_update_item (program, index, newer);
  _limber_item_row_focus_memo_restore (&memo, index);
}

/* Delete removes the row, but never a character the user meant. */
static gboolean
remove_shortcut (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && GTK_IS_EDITABLE (focus))
    return FALSE;
  return gtk_widget_activate_action (widget, "row.remove", NULL);
}

void
_limber_item_row_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "row.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "row.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "row.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "row.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "row.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "row.update", NULL, update_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "row.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "row.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "row.duplicate", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, remove_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, remove_shortcut, NULL);
}
