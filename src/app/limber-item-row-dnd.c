/* limber-item-row-dnd.c — dragging the item row, and dropping on it
 *
 * The handle drags the item itself (an object, so only this process's
 * lists can take it, and a stale index can't mislead); the row takes
 * items to reorder and catalog exercises to insert.  It knows the row
 * only as a widget: what it needs of the row's item is given once, when
 * the row is made, and it calls nothing back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-item-row-private.h"

typedef struct
{
  GtkWidget         *row;        /* owns this */
  GtkWidget         *handle;
  LimberProgram     *program;
  LimberProgramItem *item;
  graphene_point_t   drag_point;
} Dnd;

static void
dnd_free (gpointer data)
{
  Dnd *dnd = data;

  g_clear_object (&dnd->program);
  g_clear_object (&dnd->item);
  g_free (dnd);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 Dnd           *self)
{
  if (!gtk_widget_compute_point (self->handle, self->row, &GRAPHENE_POINT_INIT (x, y),
                                 &self->drag_point))
    self->drag_point = GRAPHENE_POINT_INIT (x, y);
  return gdk_content_provider_new_typed (LIMBER_TYPE_PROGRAM_ITEM, self->item);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               Dnd           *self)
{
  g_autoptr(GdkPaintable) live = gtk_widget_paintable_new (self->row);
  g_autoptr(GdkPaintable) image = gdk_paintable_get_current_image (live);

  gtk_drag_source_set_icon (source, image, self->drag_point.x, self->drag_point.y);
  gtk_widget_add_css_class (self->row, "dragging");
}

static void
on_drag_end (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             Dnd           *self)
{
  gtk_widget_remove_css_class (self->row, "dragging");
}

static gboolean
drop_goes_after (Dnd    *self,
                 double  y)
{
  return y > gtk_widget_get_height (self->row) / 2.0;
}

static void
show_drop (Dnd      *self,
           gboolean  shown,
           gboolean  after)
{
  if (shown && !after)
    gtk_widget_add_css_class (self->row, "drop-above");
  else
    gtk_widget_remove_css_class (self->row, "drop-above");
  if (shown && after)
    gtk_widget_add_css_class (self->row, "drop-below");
  else
    gtk_widget_remove_css_class (self->row, "drop-below");
}

static GdkDragAction
on_drop_motion (GtkDropTarget *target,
                double         x,
                double         y,
                Dnd           *self)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);

  show_drop (self, TRUE, drop_goes_after (self, y));
  if (drop != NULL && gdk_content_formats_contain_gtype (gdk_drop_get_formats (drop), LIMBER_TYPE_EXERCISE))
    return GDK_ACTION_COPY;
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget *target,
               Dnd           *self)
{
  show_drop (self, FALSE, FALSE);
}

/* As the window does for a stretch added from the catalog: it is added
 * again, and the window's toast says so, with Undo. */
static void
say_if_already_in (Dnd            *self,
                   LimberExercise *exercise)
{
  const char *id = limber_exercise_get_id (exercise);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->program)); i++)
    if (g_strcmp0 (limber_exercise_get_id (limber_program_item_get_exercise (limber_program_get_item (self->program, i))),
                   id) == 0)
      {
        g_autofree char *message =
          g_strdup_printf (_("“%s” was already in this program: added again"),
                           limber_exercise_get_name (exercise, limber_program_get_language (self->program)));

        gtk_widget_activate_action (self->row, "win.toast-undo", "s", message);
        return;
      }
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         Dnd           *self)
{
  g_autoptr(LimberProgram) program = g_object_ref (self->program);
  guint index, from;
  int gap;

  show_drop (self, FALSE, FALSE);
  if (!limber_program_find_item (program, self->item, &index))
    return FALSE;
  gap = index + (drop_goes_after (self, y) ? 1 : 0);

  if (G_VALUE_HOLDS (value, LIMBER_TYPE_PROGRAM_ITEM))
    {
      if (!limber_program_find_item (program, g_value_get_object (value), &from))
        return FALSE;  /* another program's: not ours to move */
      limber_program_move (program, from, (int) from < gap ? gap - 1 : gap);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, LIMBER_TYPE_EXERCISE) && g_value_get_object (value) != NULL)
    {
      LimberExercise *exercise = g_value_get_object (value);

      say_if_already_in (self, exercise);
      limber_program_insert_exercise (program, gap, exercise);
      return TRUE;
    }
  return FALSE;
}

/* Makes @handle drag @item and @row take drops; @row keeps what it
 * needs for that. */
void
_limber_item_row_add_dnd (GtkWidget         *row,
                          GtkWidget         *handle,
                          LimberProgram     *program,
                          LimberProgramItem *item)
{
  GType types[] = { LIMBER_TYPE_PROGRAM_ITEM, LIMBER_TYPE_EXERCISE };
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  Dnd *self = g_new0 (Dnd, 1);

  self->row = row;
  self->handle = handle;
  self->program = g_object_ref (program);
  self->item = g_object_ref (item);
  g_object_set_data_full (G_OBJECT (row), "limber-item-row-dnd", self, dnd_free);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (source));
  gtk_widget_set_cursor_from_name (handle, "grab");

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}
