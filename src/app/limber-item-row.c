/* limber-item-row.c — one stretch of the open program, editable in place
 *
 * The row is compact at first: the drag handle, then one toggle button
 * that shows the thumbnail, the stretch's name, its dosage in one short
 * line and the side.  The toggle expands the row in place to the
 * buttons for what can be done to it and a LimberDosageEditor for the
 * dosage and the note; the compact line and the editor both bind to the
 * item's properties, so an edit, an undo or a redo updates the row in
 * place; the list box bound to the program builds rows only when items
 * are inserted, removed or moved.  Every change goes through the
 * LimberProgram API, so it can be undone.  Drag and drop is set up by
 * limber-item-row-dnd.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-item-row"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/tree.h>

#include "limber-dosage-editor.h"
#include "limber-exercise-xml.h"
#include "limber-item-row-private.h"
#include "limber-item-row.h"

struct _LimberItemRow
{
  GtkListBoxRow       parent_instance;

  LimberProgram      *program;
  LimberProgramItem  *item;
  LimberCatalog      *catalog;
  LimberExercise     *newer;     /* the catalog's version, when it differs */

  gboolean            expanded;

  /* Template widgets */
  GtkWidget          *handle;
  GtkToggleButton    *summary_button;
  GtkDrawingArea     *thumbnail;
  GtkLabel           *name_label;
  GtkLabel           *summary_label;
  GtkLabel           *side_label;
  GtkImage           *arrow;
  GtkWidget          *details;
  GtkLabel           *tissues_label;
  GtkWidget          *update_button;
  LimberDosageEditor *dosage_editor;
};

enum { PROP_0, PROP_EXPANDED, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LimberItemRow, limber_item_row, GTK_TYPE_LIST_BOX_ROW)

/* Where the item is in the program; -1 once it is gone. */
static int
item_index (LimberItemRow *self)
{
  guint position;

  if (self->program == NULL || !limber_program_find_item (self->program, self->item, &position))
    return -1;
  return position;
}

/* What can be done depends on where the row is and what it holds. */
static void
update_actions (LimberItemRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int index = item_index (self);
  int n = self->program != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->program)) : 0;

  gtk_widget_action_set_enabled (widget, "row.move-up", index > 0);
  gtk_widget_action_set_enabled (widget, "row.move-down", index >= 0 && index + 1 < n);
  gtk_widget_action_set_enabled (widget, "row.duplicate", index >= 0);
  gtk_widget_action_set_enabled (widget, "row.remove", index >= 0);
  gtk_widget_action_set_enabled (widget, "row.reset", index >= 0
                                 && !limber_dosage_is_empty (limber_program_item_get_override (self->item)));
  gtk_widget_action_set_enabled (widget, "row.update", index >= 0 && self->newer != NULL);
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

/* The compact line follows the item's dosage (an edit, an undo). */
static void
update_summary (LimberItemRow *self)
{
  LimberDosage dosage;
  g_autofree char *line = NULL;
  const char *side;

  limber_program_item_get_dosage (self->item, &dosage);
  line = _limber_item_row_describe_dosage (&dosage);
  side = _limber_item_row_side_word (dosage.side);
  gtk_label_set_label (self->summary_label, line);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), *line != '\0');
  gtk_label_set_label (self->side_label, side ? side : "");
  gtk_widget_set_visible (GTK_WIDGET (self->side_label), side != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_label (self->name_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, line,
                                  -1);
}

/* Follows the item's exercise: at first, and after "Update from catalog". */
static void
show_exercise (LimberItemRow *self)
{
  LimberExercise *exercise = limber_program_item_get_exercise (self->item);
  const char *name = limber_exercise_get_name (exercise, limber_program_get_language (self->program));
  g_autofree char *tissues = limber_exercise_describe_tissues (exercise);

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->tissues_label, tissues);
  gtk_widget_set_visible (GTK_WIDGET (self->tissues_label), *tissues != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->thumbnail));
  update_summary (self);
  update_newer (self);
  update_actions (self);
}

/* The thumbnail shows the side; reset is offered for an override. */
static void
on_override_changed (LimberItemRow *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->thumbnail));
  update_summary (self);
  update_actions (self);
}

static GtkWidget *
focus_widget (GtkWidget *row)
{
  GtkRoot *root = gtk_widget_get_root (row);

  return root != NULL ? gtk_root_get_focus (root) : NULL;
}

/* Where the focus is in @row, as the child indices that lead to it from
 * the row (empty for the row itself), and the cursor if it is in text;
 * NULL when the focus is elsewhere. */
static GArray *
focus_path (GtkWidget *row,
            int       *cursor)
{
  GtkWidget *focus = focus_widget (row);
  GArray *path;

  *cursor = focus != NULL && GTK_IS_EDITABLE (focus) ? gtk_editable_get_position (GTK_EDITABLE (focus)) : -1;
  if (focus == NULL || (focus != row && !gtk_widget_is_ancestor (focus, row)))
    return NULL;
  path = g_array_new (FALSE, FALSE, sizeof (guint));
  for (GtkWidget *w = focus; w != row; w = gtk_widget_get_parent (w))
    {
      guint n = 0;

      for (GtkWidget *s = gtk_widget_get_prev_sibling (w); s != NULL; s = gtk_widget_get_prev_sibling (s))
        n++;
      g_array_prepend_val (path, n);
    }
  return path;
}

static void
focus_along (GtkWidget *row,
             GArray    *path,
             int        cursor)
{
  GtkWidget *target = row;

  for (guint i = 0; i < path->len && target != NULL; i++)
    {
      target = gtk_widget_get_first_child (target);
      for (guint n = g_array_index (path, guint, i); n > 0 && target != NULL; n--)
        target = gtk_widget_get_next_sibling (target);
    }
  if (target == NULL || !gtk_widget_is_sensitive (target))
    target = row;
  if (GTK_IS_TEXT (target))
    gtk_text_grab_focus_without_selecting (GTK_TEXT (target));
  else
    gtk_widget_grab_focus (target);
  if (cursor >= 0 && GTK_IS_EDITABLE (target))
    gtk_editable_set_position (GTK_EDITABLE (target), cursor);
}

/* A move is the one edit after which the list box builds this row anew
 * (it has no move of its own): the focus goes to the same control of the
 * new row, in the same template, so the keyboard user can go on. */
static void
move_by (LimberItemRow *self,
         int            delta)
{
  g_autoptr(LimberProgram) program = g_object_ref (self->program);
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  g_autoptr(GtkListBox) box = GTK_IS_LIST_BOX (parent) ? g_object_ref (GTK_LIST_BOX (parent)) : NULL;
  g_autoptr(GArray) path = NULL;
  int index = item_index (self);
  int to = index + delta;
  GtkListBoxRow *row;
  gboolean expanded;
  int cursor;

  if (index < 0 || to < 0 || to >= (int) g_list_model_get_n_items (G_LIST_MODEL (program)))
    return;
  path = focus_path (GTK_WIDGET (self), &cursor);
  expanded = self->expanded;
  limber_program_move (program, index, to);
  row = box != NULL ? gtk_list_box_get_row_at_index (box, to) : NULL;
  /* The new row shows what this one showed, so the focus has a place. */
  if (LIMBER_IS_ITEM_ROW (row) && expanded)
    limber_item_row_set_expanded (LIMBER_ITEM_ROW (row), TRUE);
  if (row != NULL && path != NULL)
    focus_along (GTK_WIDGET (row), path, cursor);
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

/* The focus goes to the row that takes its place (or the new last). */
static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberItemRow *self = LIMBER_ITEM_ROW (widget);
  g_autoptr(LimberProgram) program = g_object_ref (self->program);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  g_autoptr(GtkListBox) box = GTK_IS_LIST_BOX (parent) ? g_object_ref (GTK_LIST_BOX (parent)) : NULL;
  g_autoptr(GArray) path = NULL;
  int index = item_index (self);
  GtkListBoxRow *row = NULL;
  int cursor, n;

  if (index < 0)
    return;
  path = focus_path (widget, &cursor);
  /* The window, when the row is in one, offers to undo it; asked first,
   * for the row leaves the window with the item. */
  gtk_widget_activate_action (widget, "win.toast-undo", "s", _("Stretch removed"));
  limber_program_remove (program, index);
  n = g_list_model_get_n_items (G_LIST_MODEL (program));
  if (box != NULL && path != NULL && n > 0)
    row = gtk_list_box_get_row_at_index (box, MIN (index, n - 1));
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LimberItemRow *self = LIMBER_ITEM_ROW (widget);
  int index = item_index (self);

  if (index >= 0)
    limber_program_duplicate (self->program, index);
}

/* Reset and Update grey out or hide their own button: a keyboard user
 * who pressed it is left on the row rather than nowhere. */
static void
keep_focus_in_row (GtkWidget *row,
                   GtkWidget *focus_before)
{
  GtkWidget *focus = focus_widget (row);

  if (focus_before == NULL || (focus_before != row && !gtk_widget_is_ancestor (focus_before, row)))
    return;
  if (focus == NULL || !gtk_widget_is_sensitive (focus) || !gtk_widget_is_visible (focus))
    gtk_widget_grab_focus (row);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LimberItemRow *self = LIMBER_ITEM_ROW (widget);
  const LimberDosage empty = { { 0 }, 0, LIMBER_SIDE_UNSET };
  int index = item_index (self);

  GtkWidget *focus = focus_widget (widget);

  if (index >= 0)
    limber_program_set_item_dosage (self->program, index, &empty);
  keep_focus_in_row (widget, focus);
}

static void
update_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberItemRow *self = LIMBER_ITEM_ROW (widget);
  g_autoptr(LimberExercise) newer = self->newer ? g_object_ref (self->newer) : NULL;
  int index = item_index (self);

  GtkWidget *focus = focus_widget (widget);

  if (index >= 0 && newer != NULL)
    limber_program_update_item (self->program, index, newer);
  keep_focus_in_row (widget, focus);
}

/* Delete removes the row, but never a character the user meant. */
static gboolean
remove_shortcut (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  GtkWidget *focus = focus_widget (widget);

  if (focus != NULL && GTK_IS_EDITABLE (focus))
    return FALSE;
  return gtk_widget_activate_action (widget, "row.remove", NULL);
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
  limber_dosage_editor_set_program (self->dosage_editor, program);
  limber_dosage_editor_set_item (self->dosage_editor, item);
  _limber_item_row_add_dnd (GTK_WIDGET (self), self->handle, program, item);

  /* The rows that stay learn where they are now. */
  g_signal_connect_object (program, "items-changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::exercise", G_CALLBACK (show_exercise), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::override", G_CALLBACK (on_override_changed), self,
                           G_CONNECT_SWAPPED);
  show_exercise (self);
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
 * @draw_func: (nullable): draws the stretch's picture, 44 px square
 *
 * Shows a thumbnail at the start of the row, drawn by @draw_func; with
 * %NULL the thumbnail is hidden (as it is at first).  It is drawn again
 * when the item's exercise or dosage (the side) changes.
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

gboolean
limber_item_row_get_expanded (LimberItemRow *self)
{
  g_return_val_if_fail (LIMBER_IS_ITEM_ROW (self), FALSE);
  return self->expanded;
}

/**
 * limber_item_row_set_expanded:
 * @expanded: show the dosage editor and the row's buttons
 *
 * Expands the row to edit in place, or folds it back to its compact
 * line.  A focus inside what folds away goes to the compact line, so
 * the keyboard user is never left nowhere.
 */
void
limber_item_row_set_expanded (LimberItemRow *self,
                              gboolean       expanded)
{
  GtkWidget *focus;

  g_return_if_fail (LIMBER_IS_ITEM_ROW (self));

  expanded = !!expanded;
  if (self->expanded == expanded)
    return;
  self->expanded = expanded;
  focus = focus_widget (GTK_WIDGET (self));
  if (!expanded && focus != NULL && gtk_widget_is_ancestor (focus, self->details))
    gtk_widget_grab_focus (GTK_WIDGET (self->summary_button));
  gtk_widget_set_visible (self->details, expanded);
  gtk_image_set_from_icon_name (self->arrow, expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  if (gtk_toggle_button_get_active (self->summary_button) != expanded)
    gtk_toggle_button_set_active (self->summary_button, expanded);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->summary_button),
                               GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
  if (expanded)
    gtk_widget_add_css_class (GTK_WIDGET (self), "expanded");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "expanded");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

static void
on_summary_toggled (LimberItemRow *self)
{
  limber_item_row_set_expanded (self, gtk_toggle_button_get_active (self->summary_button));
}

static void
limber_item_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LimberItemRow *self = LIMBER_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      g_value_set_boolean (value, self->expanded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_item_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LimberItemRow *self = LIMBER_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      limber_item_row_set_expanded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_item_row_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (limber_item_row_parent_class)->root (widget);
  /* In its list box now: the row knows whether it is first or last. */
  update_actions (LIMBER_ITEM_ROW (widget));
}

static void
limber_item_row_dispose (GObject *object)
{
  LimberItemRow *self = LIMBER_ITEM_ROW (object);

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
  object_class->get_property = limber_item_row_get_property;
  object_class->set_property = limber_item_row_set_property;
  widget_class->root = limber_item_row_root;

  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIMBER_TYPE_DOSAGE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/limber/Limber/limber-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, handle);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, summary_button);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, thumbnail);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, side_label);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, arrow);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, details);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, tissues_label);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, update_button);
  gtk_widget_class_bind_template_child (widget_class, LimberItemRow, dosage_editor);

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
  g_signal_connect_swapped (self->summary_button, "toggled", G_CALLBACK (on_summary_toggled), self);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->summary_button), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
}
