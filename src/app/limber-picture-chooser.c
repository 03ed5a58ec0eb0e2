/* limber-picture-chooser.c — a photo or drawing, chosen and checked
 *
 * A photo or drawing illustrates a custom stretch instead of a figure.
 * Setting "file" (from the Choose button, or from a drop on the window
 * the chooser is in) reads, checks and draws it small in a thread; then
 * it is shown and becomes "image", or "error" says why it cannot be used
 * and the picture shown before, if any, stays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-picture-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-custom.h"
#include "limber-picture-chooser.h"

/* A picture is decoded at the size the window shows it, at most. */
#define PICTURE_WIDTH  620
#define PICTURE_HEIGHT 328

struct _LimberPictureChooser
{
  GtkBox                parent_instance;

  GFile                *file;
  GBytes               *image;
  char                 *image_type;
  char                 *error;
  GCancellable         *loading;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkStack             *picture_stack;
  GtkPicture           *picture;
  GtkLabel             *picture_name;
  GtkLabel             *picture_error;
};

G_DEFINE_FINAL_TYPE (LimberPictureChooser, limber_picture_chooser, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_FILE,
  PROP_IMAGE,
  PROP_IMAGE_TYPE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
set_error (LimberPictureChooser *self,
           const char           *error)
{
  gtk_label_set_label (self->picture_error, error ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->picture_error), error != NULL);
  if (g_strcmp0 (self->error, error) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
show_loaded (LimberPictureChooser *self,
             Loaded               *loaded,
             const char           *name)
{
  /* Translators: names the picture for screen readers; %s is its file */
  g_autofree char *label = g_strdup_printf (_("Picture of the stretch: %s"), name);

  g_clear_pointer (&self->image, g_bytes_unref);
  g_free (self->image_type);
  self->image = g_bytes_ref (loaded->bytes);
  self->image_type = g_strdup (loaded->type);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (loaded->texture));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_stack_set_visible_child_name (self->picture_stack, "picture");
  gtk_label_set_label (self->picture_name, name);
  set_error (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMAGE_TYPE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMAGE]);
}

static void
on_image_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LimberPictureChooser) self = user_data;   /* held while loading */
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

      set_error (self, text);
      return;
    }
  show_loaded (self, loaded, name);
  loaded_free (loaded);
}

/**
 * limber_picture_chooser_set_file:
 *
 * Asks for the picture in @file, as choosing it does: it is read and
 * checked in the background, then shown and made "image", or "error"
 * says why it cannot be used.
 */
void
limber_picture_chooser_set_file (LimberPictureChooser *self,
                                 GFile                *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LIMBER_IS_PICTURE_CHOOSER (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  if (file == NULL)
    return;
  self->loading = g_cancellable_new ();
  task = g_task_new (NULL, self->loading, on_image_loaded, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_image_thread);
}

/* Returns: (transfer none) (nullable): the file last asked for */
GFile *
limber_picture_chooser_get_file (LimberPictureChooser *self)
{
  g_return_val_if_fail (LIMBER_IS_PICTURE_CHOOSER (self), NULL);

  return self->file;
}

/* Returns: (transfer none) (nullable): the picture shown, as read */
GBytes *
limber_picture_chooser_get_image (LimberPictureChooser *self)
{
  g_return_val_if_fail (LIMBER_IS_PICTURE_CHOOSER (self), NULL);

  return self->image;
}

/* Returns: (nullable): the shown picture's MIME type */
const char *
limber_picture_chooser_get_image_type (LimberPictureChooser *self)
{
  g_return_val_if_fail (LIMBER_IS_PICTURE_CHOOSER (self), NULL);

  return self->image_type;
}

/* Returns: (nullable): why the file last asked for cannot be used */
const char *
limber_picture_chooser_get_error (LimberPictureChooser *self)
{
  g_return_val_if_fail (LIMBER_IS_PICTURE_CHOOSER (self), NULL);

  return self->error;
}

GtkWidget *
limber_picture_chooser_new (void)
{
  return g_object_new (LIMBER_TYPE_PICTURE_CHOOSER, NULL);
}

static void
on_chooser_response (GtkNativeDialog      *chooser,
                     int                   response,
                     LimberPictureChooser *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        limber_picture_chooser_set_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberPictureChooser *self = LIMBER_PICTURE_CHOOSER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Pictures (PNG, JPEG, SVG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a Picture"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
limber_picture_chooser_dispose (GObject *object)
{
  LimberPictureChooser *self = LIMBER_PICTURE_CHOOSER (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PICTURE_CHOOSER);

  G_OBJECT_CLASS (limber_picture_chooser_parent_class)->dispose (object);
}

static void
limber_picture_chooser_finalize (GObject *object)
{
  LimberPictureChooser *self = LIMBER_PICTURE_CHOOSER (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->image, g_bytes_unref);
  g_free (self->image_type);
  g_free (self->error);

  G_OBJECT_CLASS (limber_picture_chooser_parent_class)->finalize (object);
}

static void
limber_picture_chooser_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LimberPictureChooser *self = LIMBER_PICTURE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_IMAGE:
      g_value_set_boxed (value, self->image);
      break;
    case PROP_IMAGE_TYPE:
      g_value_set_string (value, self->image_type);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_picture_chooser_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LimberPictureChooser *self = LIMBER_PICTURE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      limber_picture_chooser_set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_picture_chooser_class_init (LimberPictureChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_picture_chooser_dispose;
  object_class->finalize = limber_picture_chooser_finalize;
  object_class->get_property = limber_picture_chooser_get_property;
  object_class->set_property = limber_picture_chooser_set_property;

  /* The file last asked for; setting it loads it. */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The picture shown, as read from its file: what is saved. */
  properties[PROP_IMAGE] =
    g_param_spec_boxed ("image", NULL, NULL, G_TYPE_BYTES,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IMAGE_TYPE] =
    g_param_spec_string ("image-type", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Why the file last asked for cannot be used, in the user's words. */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "picture.choose", NULL, choose_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/limber/Limber/limber-picture-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPictureChooser, picture_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberPictureChooser, picture);
  gtk_widget_class_bind_template_child (widget_class, LimberPictureChooser, picture_name);
  gtk_widget_class_bind_template_child (widget_class, LimberPictureChooser, picture_error);
}

static void
limber_picture_chooser_init (LimberPictureChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
