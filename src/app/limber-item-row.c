/* limber-item-row.c — one stretch of the open program, editable in place
 *
 * The row changes its item only through the LimberProgram API, so every
 * edit can be undone.  The program announces each edit with
 * items-changed, and a list box bound to it replaces the row with a new
 * one: so edits are committed from an idle (never from inside a
 * widget's own signal, a focus change or a popover's click), and the
 * focus moves on to the same control of the new row.
 *
 * This file builds the row and shows its item; the dosage and the note
 * are edited in limber-item-row-dosage.c, the buttons and shortcuts are
 * in limber-item-row-actions.c and drag and drop in limber-item-row-dnd.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-item-row"

#include "config.h"

#include <libxml/tree.h>

#include "limber-exercise-xml.h"
#include "limber-item-row-private.h"

G_DEFINE_FINAL_TYPE (LimberItemRow, limber_item_row, GTK_TYPE_LIST_BOX_ROW)

/* The row's place in its list box, or -1.  A row its list box let go
 * keeps a stale pointer into the box's list: don't ask GTK then. */
static int
row_index (LimberItemRow *self)
{
  if (!GTK_IS_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (self))))
    return -1;
  return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self));
}

/* Where the item is in the program: the row's own place, or (for a row
 * outside a list box) a search; -1 once the item is gone. */
int
_limber_item_row_item_index (LimberItemRow *self)
{
  GListModel *model = G_LIST_MODEL (self->program);
  guint n = g_list_model_get_n_items (model);
  int index = row_index (self);

  if (index >= 0 && (guint) index < n && limber_program_get_item (self->program, index) == self->item)
    return index;
  for (guint i = 0; i < n; i++)
    if (limber_program_get_item (self->program, i) == self->item)
      return i;
  return -1;
}

/* Notes where the focus is in the row, if it is there, to carry it over
 * to the row that replaces this one. */
void
_limber_item_row_focus_memo_take (FocusMemo     *memo,
                                  LimberItemRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  memo->box = NULL;
  memo->slot = SLOT_ROW;
  memo->cursor = -1;
  if (focus == NULL || !GTK_IS_LIST_BOX (parent)
      || (focus != GTK_WIDGET (self) && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self))))
    return;

  memo->box = g_object_ref (GTK_LIST_BOX (parent));
  for (int i = 0; i < N_SLOTS; i++)
    if (focus == self->slots[i] || gtk_widget_is_ancestor (focus, self->slots[i]))
      {
        memo->slot = i;
        if (GTK_IS_EDITABLE (self->slots[i]))
          memo->cursor = gtk_editable_get_position (GTK_EDITABLE (self->slots[i]));
        break;
      }
}

static void
focus_slot (LimberItemRow *self,
            int            slot,
            int            cursor)
{
  GtkWidget *widget = slot != SLOT_ROW ? self->slots[slot] : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (widget == NULL || !gtk_widget_get_visible (widget) || !gtk_widget_is_sensitive (widget))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      return;
    }
  /* Still there (the row was kept): leave the cursor alone. */
  if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
    return;
  if (GTK_IS_ENTRY (widget))
    gtk_entry_grab_focus_without_selecting (GTK_ENTRY (widget));
  else
    gtk_widget_grab_focus (widget);
  if (cursor >= 0 && GTK_IS_EDITABLE (widget))
    gtk_editable_set_position (GTK_EDITABLE (widget), cursor);
}

/* Puts the focus back on the row now at @index, in the same control. */
void
_limber_item_row_focus_memo_restore (FocusMemo *memo,
                                     int        index)
{
  GtkListBoxRow *row;

  if (memo->box == NULL)
    return;
  row = index >= 0 ? gtk_list_box_get_row_at_index (memo->box, index) : NULL;
  if (LIMBER_IS_ITEM_ROW (row))
    focus_slot (LIMBER_ITEM_ROW (row), memo->slot, memo->cursor);
  else if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  g_clear_object (&memo->box);
}

/* The exercise as a program file would keep it, to compare versions. */
static char *
exercise_to_xml (LimberExercise *exercise,
                 const char     *lang)
{
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *root = xmlNewDocNode (doc, NULL, (const xmlChar *) "item", NULL);
  xmlBuffer *buffer = xmlBufferCreate ();
  xmlNode *node;
  char *text;

  xmlDocSetRootElement (doc, root);
  node = limber_exercise_write_xml (exercise, root, lang, LIMBER_EXERCISE_FROM_SNAPSHOT);
  xmlNodeDump (buffer, doc, node, 0, 0);
  text = g_strdup ((const char *) xmlBufferContent (buffer));
  xmlBufferFree (buffer);
  xmlFreeDoc (doc);
  return text;
}

/* Offers "Update from catalog" when the catalog's version of the
 * stretch says something else than the program's copy. */
static void
update_newer (LimberItemRow *self)
{
  LimberExercise *exercise = limber_program_item_get_exercise (self->item);
  const char *lang = limber_program_get_language (self->program);
  LimberExercise *current = NULL;

  g_clear_object (&self->newer);
  if (self->catalog != NULL)
    current = limber_catalog_lookup (self->catalog, limber_exercise_get_id (exercise));
  if (current != NULL && current != exercise)
    {
      g_autofree char *ours = exercise_to_xml (exercise, lang);
      g_autofree char *theirs = exercise_to_xml (current, lang);

      if (g_strcmp0 (ours, theirs) != 0)
        self->newer = g_object_ref (current);
    }
  gtk_widget_set_visible (self->update_button, self->newer != NULL);
}

static void
update_from_item (LimberItemRow *self)
{
  LimberExercise *exercise = limber_program_item_get_exercise (self->item);
  const char *name = limber_exercise_get_name (exercise, limber_program_get_language (self->program));
  const char *note = limber_program_item_get_note (self->item);
  g_autofree char *tissues = limber_exercise_describe_tissues (exercise);
  g_autofree char *words = NULL;
  LimberDosage dosage;

  limber_program_item_get_dosage (self->item, &dosage);
  words = limber_dosage_describe (&dosage);

  self->updating = TRUE;
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->tissues_label, tissues);
  gtk_widget_set_visible (GTK_WIDGET (self->tissues_label), *tissues != '\0');
  for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS; i++)
    if (!(self->dirty & (1u << i)))
      _limber_item_row_show_spin (self, i, &dosage);
  if (!(self->dirty & DIRTY_SIDE))
    gtk_drop_down_set_selected (self->side_dropdown, dosage.side == LIMBER_SIDE_UNSET
                                                     ? GTK_INVALID_LIST_POSITION
                                                     : (guint) (dosage.side - LIMBER_SIDE_LEFT));
  /* Only when it differs, so the cursor stays where the user left it. */
  if (!(self->dirty & DIRTY_NOTE)
      && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->note_entry)), note ? note : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note ? note : "");
  self->updating = FALSE;

  gtk_label_set_label (self->dosage_label, words);
  gtk_widget_set_visible (GTK_WIDGET (self->dosage_label), *words != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  update_newer (self);
  _limber_item_row_update_actions (self);
}

static void
on_items_changed (LimberItemRow *self,
                  guint          position,
                  guint          removed,
                  guint          added)
{
  int index = row_index (self);

  /* A bound list box has replaced a changed row by now; a row that is
   * kept (another container) follows its item. */
  if (index >= 0 && (guint) index >= position && (guint) index < position + added
      && _limber_item_row_item_index (self) == index)
    update_from_item (self);
  else
    _limber_item_row_update_actions (self);
}

/**
 * limber_item_row_new:
 * @program: the program the item is in
 * @item: the item this row shows and edits
 * @catalog: (nullable): where to look for a newer version of the stretch
 *
 * A row for a #GtkListBox bound to @program.  It edits @item in place,
 * through @program, so every edit can be undone.
 */
GtkWidget *
limber_item_row_new (LimberProgram     *program,
                     LimberProgramItem *item,
                     LimberCatalog     *catalog)
{
  LimberItemRow *self;

  g_return_val_if_fail (LIMBER_IS_PROGRAM (program), NULL);
  g_return_val_if_fail (LIMBER_IS_PROGRAM_ITEM (item), NULL);
  g_return_val_if_fail (catalog == NULL || LIMBER_IS_CATALOG (catalog), NULL);

  self = g_object_new (LIMBER_TYPE_ITEM_ROW, NULL);
  self->program = g_object_ref (program);
  self->item = g_object_ref (item);
  self->catalog = catalog ? g_object_ref (catalog) : NULL;
  g_signal_connect_object (program, "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED);
  /* Whatever the widgets said while being built is not an edit. */
  g_clear_handle_id (&self->commit_id, g_source_remove);
  self->dirty = 0;
  update_from_item (self);
  return GTK_WIDGET (self);
}

LimberProgramItem *
limber_item_row_get_item (LimberItemRow *self)
{
  g_return_val_if_fail (LIMBER_IS_ITEM_ROW (self), NULL);
  return self->item;
}

/**
 * limber_item_row_set_thumbnail_draw_func:
 * @draw_func: (nullable): draws the stretch's picture, 64 px square
 *
 * Shows a thumbnail at the start of the row, drawn by @draw_func; with
 * %NULL the thumbnail is hidden (as it is at first).
 */
void
limber_item_row_set_thumbnail_draw_func (LimberItemRow          *self,
                                         GtkDrawingAreaDrawFunc  draw_func,
                                         gpointer                user_data,
                                         GDestroyNotify          destroy)
{
  g_return_if_fail (LIMBER_IS_ITEM_ROW (self));

  gtk_drawing_area_set_draw_func (self->thumbnail, draw_func, user_data, destroy);
  gtk_widget_set_visible (GTK_WIDGET (self->thumbnail), draw_func != NULL);
}

static void
limber_item_row_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (limber_item_row_parent_class)->root (widget);
  /* In its list box now: the row knows whether it is first or last. */
  if (LIMBER_ITEM_ROW (widget)->program != NULL)
    _limber_item_row_update_actions (LIMBER_ITEM_ROW (widget));
}

static void
limber_item_row_dispose (GObject *object)
{
  LimberItemRow *self = LIMBER_ITEM_ROW (object);

  g_clear_handle_id (&self->commit_id, g_source_remove);
  if (self->program != NULL)
    g_signal_handlers_disconnect_by_data (self->program, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_ITEM_ROW);
  g_clear_object (&self->program);
  g_clear_object (&self->item);
  g_clear_object (&self->catalog);
  g_clear_object (&self->newer);

  G_OBJECT_CLASS (limber_item_row_parent_class)->dispose (object);
}

static void
limber_item_row_class_init (LimberItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_item_row_dispose;
  widget_class->root = limber_item_row_root;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/limber/Limber/limber-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, handle);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, thumbnail);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, tissues_label);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, dosage_label);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, update_button);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, reset_button);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, sets_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, reps_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, hold_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, per_day_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, days_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, side_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, note_entry);

  _limber_item_row_class_add_dosage (widget_class);
  _limber_item_row_class_add_actions (widget_class);
}

static void
limber_item_row_init (LimberItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->spins[LIMBER_DOSAGE_SETS] = self->sets_spin;
  self->spins[LIMBER_DOSAGE_REPS] = self->reps_spin;
  self->spins[LIMBER_DOSAGE_HOLD_SECONDS] = self->hold_spin;
  self->spins[LIMBER_DOSAGE_PER_DAY] = self->per_day_spin;
  self->spins[LIMBER_DOSAGE_DAYS_PER_WEEK] = self->days_spin;

  self->slots[SLOT_UPDATE] = self->update_button;
  self->slots[SLOT_UP] = self->up_button;
  self->slots[SLOT_DOWN] = self->down_button;
  self->slots[SLOT_DUPLICATE] = self->duplicate_button;
  self->slots[SLOT_RESET] = self->reset_button;
  self->slots[SLOT_REMOVE] = self->remove_button;
  self->slots[SLOT_SIDE] = GTK_WIDGET (self->side_dropdown);
  self->slots[SLOT_NOTE] = GTK_WIDGET (self->note_entry);

  _limber_item_row_init_dosage (self);
  _limber_item_row_init_dnd (self);
}
