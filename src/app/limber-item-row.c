/* limber-item-row.c — one stretch of the open program, editable in place
 *
 * The row changes its item only through the LimberProgram API, so every
 * edit can be undone.  The program announces each edit with
 * items-changed, and a list box bound to it replaces the row with a new
 * one: so edits are committed from an idle (never from inside a
 * widget's own signal, a focus change or a popover's click), and the
 * focus moves on to the same control of the new row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-item-row"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/tree.h>

#include "limber-exercise-xml.h"
#include "limber-item-row.h"

/* Edits waiting for the commit: one bit per dosage field, then these. */
#define DIRTY_SIDE   (1u << LIMBER_DOSAGE_N_FIELDS)
#define DIRTY_NOTE   (1u << (LIMBER_DOSAGE_N_FIELDS + 1))
#define DIRTY_DOSAGE (DIRTY_SIDE | ((1u << LIMBER_DOSAGE_N_FIELDS) - 1))

/* The controls that keep the focus when the row is replaced. */
enum
{
  SLOT_ROW = -1,
  SLOT_UPDATE,
  SLOT_UP,
  SLOT_DOWN,
  SLOT_DUPLICATE,
  SLOT_RESET,
  SLOT_REMOVE,
  SLOT_SIDE,
  SLOT_NOTE,
  SLOT_SPIN,
  N_SLOTS = SLOT_SPIN + LIMBER_DOSAGE_N_FIELDS
};

struct _LimberItemRow
{
  GtkListBoxRow      parent_instance;

  LimberProgram     *program;
  LimberProgramItem *item;
  LimberCatalog     *catalog;
  LimberExercise    *newer;     /* the catalog's version, when it differs */
  int                shown[LIMBER_DOSAGE_N_FIELDS];
  guint              unset;     /* fields neither the item nor its exercise give */
  guint              dirty;     /* edits not committed yet */
  guint              commit_id;
  gboolean           updating;  /* setting the widgets from the item */
  graphene_point_t   drag_point;

  GtkSpinButton     *spins[LIMBER_DOSAGE_N_FIELDS];
  GtkWidget         *slots[N_SLOTS];

  /* Template widgets */
  GtkWidget         *handle;
  GtkDrawingArea    *thumbnail;
  GtkLabel          *name_label;
  GtkLabel          *tissues_label;
  GtkLabel          *dosage_label;
  GtkWidget         *update_button;
  GtkWidget         *up_button;
  GtkWidget         *down_button;
  GtkWidget         *duplicate_button;
  GtkWidget         *reset_button;
  GtkWidget         *remove_button;
  GtkSpinButton     *sets_spin;
  GtkSpinButton     *reps_spin;
  GtkSpinButton     *hold_spin;
  GtkSpinButton     *per_day_spin;
  GtkSpinButton     *days_spin;
  GtkDropDown       *side_dropdown;
  GtkEntry          *note_entry;
};

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
static int
item_index (LimberItemRow *self)
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

/* Carrying the focus over to the row that replaces this one. */
typedef struct
{
  GtkListBox *box;     /* NULL when the focus was not in the row */
  int         slot;
  int         cursor;
} FocusMemo;

static void
focus_memo_take (FocusMemo     *memo,
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
static void
focus_memo_restore (FocusMemo *memo,
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

/* Stores what waits in the widgets: one undoable step for the dosage
 * and one for the note.  The list box may replace the row meanwhile. */
static void
commit_edits (LimberItemRow *self)
{
  g_autoptr(LimberProgram) program = g_object_ref (self->program);
  g_autofree char *note = NULL;
  LimberDosage override;
  guint dirty = self->dirty;
  int index = item_index (self);

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
  int index = item_index (self);
  FocusMemo memo;

  self->commit_id = 0;
  focus_memo_take (&memo, self);
  commit_edits (self);
  focus_memo_restore (&memo, index);
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
static void
show_spin (LimberItemRow      *self,
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

/* What can be done depends on where the row is and what it holds. */
static void
update_actions (LimberItemRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int index = item_index (self);
  int n = g_list_model_get_n_items (G_LIST_MODEL (self->program));

  gtk_widget_action_set_enabled (widget, "row.move-up", index > 0);
  gtk_widget_action_set_enabled (widget, "row.move-down", index >= 0 && index + 1 < n);
  gtk_widget_action_set_enabled (widget, "row.duplicate", index >= 0);
  gtk_widget_action_set_enabled (widget, "row.remove", index >= 0);
  gtk_widget_action_set_enabled (widget, "row.reset", index >= 0
                                 && !limber_dosage_is_empty (limber_program_item_get_override (self->item)));
  gtk_widget_action_set_enabled (widget, "row.update", index >= 0 && self->newer != NULL);
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
      show_spin (self, i, &dosage);
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
  update_actions (self);
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
      && item_index (self) == index)
    update_from_item (self);
  else
    update_actions (self);
}

/* Actions.  Each commits what is typed first, then edits the program,
 * then puts the focus where the user will look for it. */

static int
begin_action (LimberItemRow *self,
              FocusMemo     *memo)
{
  focus_memo_take (memo, self);
  commit_edits (self);
  return item_index (self);
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
      focus_memo_restore (&memo, index);
      return;
    }
  limber_program_move (program, index, to);
  focus_memo_restore (&memo, to);
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
  focus_memo_restore (&memo, MIN (index, n - 1));
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
  focus_memo_restore (&memo, index);
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
  focus_memo_restore (&memo, index);
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
  focus_memo_restore (&memo, index);
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

/* Drag and drop: the handle drags the item itself (an object, so only
 * this process's lists can take it, and a stale index can't mislead);
 * the row takes items to reorder and catalog exercises to insert. */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 LimberItemRow *self)
{
  if (!gtk_widget_compute_point (self->handle, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y),
                                 &self->drag_point))
    self->drag_point = GRAPHENE_POINT_INIT (x, y);
  return gdk_content_provider_new_typed (LIMBER_TYPE_PROGRAM_ITEM, self->item);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               LimberItemRow *self)
{
  g_autoptr(GdkPaintable) live = gtk_widget_paintable_new (GTK_WIDGET (self));
  g_autoptr(GdkPaintable) image = gdk_paintable_get_current_image (live);

  gtk_drag_source_set_icon (source, image, self->drag_point.x, self->drag_point.y);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
}

static void
on_drag_end (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             LimberItemRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
}

static gboolean
drop_goes_after (LimberItemRow *self,
                 double         y)
{
  return y > gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
}

static void
show_drop (LimberItemRow *self,
           gboolean       shown,
           gboolean       after)
{
  if (shown && !after)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-above");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-above");
  if (shown && after)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-below");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-below");
}

static GdkDragAction
on_drop_motion (GtkDropTarget *target,
                double         x,
                double         y,
                LimberItemRow *self)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);

  show_drop (self, TRUE, drop_goes_after (self, y));
  if (drop != NULL && gdk_content_formats_contain_gtype (gdk_drop_get_formats (drop), LIMBER_TYPE_EXERCISE))
    return GDK_ACTION_COPY;
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget *target,
               LimberItemRow *self)
{
  show_drop (self, FALSE, FALSE);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LimberItemRow *self)
{
  g_autoptr(LimberProgram) program = g_object_ref (self->program);
  int index = item_index (self);
  int gap = index + (drop_goes_after (self, y) ? 1 : 0);

  show_drop (self, FALSE, FALSE);
  if (index < 0)
    return FALSE;

  if (G_VALUE_HOLDS (value, LIMBER_TYPE_PROGRAM_ITEM))
    {
      LimberProgramItem *item = g_value_get_object (value);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (program));
      int from = -1;

      for (guint i = 0; i < n && from < 0; i++)
        if (limber_program_get_item (program, i) == item)
          from = i;
      if (from < 0)
        return FALSE;  /* another program's: not ours to move */
      commit_edits (self);
      limber_program_move (program, from, from < gap ? gap - 1 : gap);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, LIMBER_TYPE_EXERCISE) && g_value_get_object (value) != NULL)
    {
      commit_edits (self);
      limber_program_insert_exercise (program, gap, g_value_get_object (value));
      return TRUE;
    }
  return FALSE;
}

static void
setup_drag_and_drop (LimberItemRow *self)
{
  GType types[] = { LIMBER_TYPE_PROGRAM_ITEM, LIMBER_TYPE_EXERCISE };
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE | GDK_ACTION_COPY);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (self->handle, GTK_EVENT_CONTROLLER (source));
  gtk_widget_set_cursor_from_name (self->handle, "grab");

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
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
    update_actions (LIMBER_ITEM_ROW (widget));
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
  gtk_widget_class_bind_template_callback (widget_class, on_side_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_note_changed);

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
  setup_drag_and_drop (self);
}
