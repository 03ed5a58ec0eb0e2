/* limber-item-row-dnd.c — dragging the item row, and dropping on it
 *
 * The handle drags the item itself (an object, so only this process's
 * lists can take it, and a stale index can't mislead); the row takes
 * items to reorder and catalog exercises to insert.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-item-row"

#include "config.h"

#include "limber-item-row-private.h"

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
  int index = _limber_item_row_item_index (self);
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
      _limber_item_row_commit_edits (self);
      limber_program_move (program, from, from < gap ? gap - 1 : gap);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, LIMBER_TYPE_EXERCISE) && g_value_get_object (value) != NULL)
    {
      _limber_item_row_commit_edits (self);
      limber_program_insert_exercise (program, gap, g_value_get_object (value));
      return TRUE;
    }
  return FALSE;
}

void
_limber_item_row_init_dnd (LimberItemRow *self)
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
