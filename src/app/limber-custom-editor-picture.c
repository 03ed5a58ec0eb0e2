/* limber-custom-editor-picture.c — the custom stretch editor's picture
 *
 * A photo or drawing, chosen or dropped on the window, illustrates the
 * stretch instead of a figure: it is read, checked and drawn small in a
 * thread, then shown, or the window says why it cannot be used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-custom-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-custom-editor-private.h"
#include "limber-custom.h"

/* A picture is decoded at the size the window shows it, at most. */
#define PICTURE_WIDTH  620
#define PICTURE_HEIGHT 328

typedef struct
{
  GBytes     *bytes;
  const char *type;
  GdkTexture *texture;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->bytes, g_bytes_unref);
  g_clear_object (&loaded->texture);
  g_free (loaded);
}

static void
load_image_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Loaded *loaded = g_new0 (Loaded, 1);
  cairo_surface_t *surface = NULL;
  GError *error = NULL;

  loaded->bytes = limber_custom_read_picture (task_data, cancellable, &loaded->type, &error);
  if (loaded->bytes != NULL)
    surface = limber_custom_render_picture (loaded->bytes, loaded->type, PICTURE_WIDTH, PICTURE_HEIGHT, &error);
  if (surface == NULL)
    {
      loaded_free (loaded);
      g_task_return_error (task, error);
      return;
    }
  {
    int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
    int stride = cairo_image_surface_get_stride (surface);
    g_autoptr(GBytes) pixels = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * h);

    /* Cairo's ARGB32 is GDK_MEMORY_DEFAULT. */
    loaded->texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, pixels, stride);
  }
  cairo_surface_destroy (surface);
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

static void
on_image_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LimberCustomEditor) self = user_data;   /* held while loading */
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (loaded == NULL)
    {
      /* The picture shown before, if any, stays. */
      g_autofree char *text = g_strdup_printf (_("“%s” cannot be used: %s."), name, error->message);

      gtk_label_set_label (self->picture_error, text);
      gtk_widget_set_visible (GTK_WIDGET (self->picture_error), TRUE);
      return;
    }
  g_clear_pointer (&self->image, g_bytes_unref);
  g_free (self->image_type);
  self->image = g_bytes_ref (loaded->bytes);
  self->image_type = g_strdup (loaded->type);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (loaded->texture));
  {
    /* Translators: names the picture for screen readers; %s is its file */
    g_autofree char *label = g_strdup_printf (_("Picture of the stretch: %s"), name);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  gtk_stack_set_visible_child_name (self->picture_stack, "picture");
  gtk_label_set_label (self->picture_name, name);
  gtk_widget_set_visible (GTK_WIDGET (self->picture_error), FALSE);
  _limber_custom_editor_changed (self);
  loaded_free (loaded);
}

/**
 * limber_custom_editor_set_image_file:
 *
 * Illustrates the stretch with the picture in @file, as choosing it or
 * dropping it on the window does: it is read and checked in the
 * background, then shown, or the window says why it cannot be used.
 */
void
limber_custom_editor_set_image_file (LimberCustomEditor *self,
                                     GFile              *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LIMBER_IS_CUSTOM_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  gtk_toggle_button_set_active (self->photo_toggle, TRUE);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  task = g_task_new (NULL, self->loading, on_image_loaded, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_image_thread);
}

static void
on_chooser_response (GtkNativeDialog    *chooser,
                     int                 response,
                     LimberCustomEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        limber_custom_editor_set_image_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LimberCustomEditor *self = LIMBER_CUSTOM_EDITOR (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Pictures (PNG, JPEG, SVG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a Picture"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* A picture dropped anywhere on the window illustrates the stretch. */
static gboolean
on_drop (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         LimberCustomEditor *self)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  gboolean taken = files != NULL;

  if (taken)
    limber_custom_editor_set_image_file (self, files->data);
  g_slist_free (files);
  return taken;
}

void
_limber_custom_editor_class_add_picture (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.choose-image", NULL, choose_image_action);
}

void
_limber_custom_editor_init_picture (LimberCustomEditor *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
