/* limber-custom-picture.c — the photo or drawing of a custom stretch
 *
 * The picture a therapist chooses is read and checked here, and drawn
 * at the size an editor shows it, by the one decoder its bytes say it
 * needs: gdk-pixbuf would otherwise try every loader it has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-custom"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <librsvg/rsvg.h>

#include "limber-custom.h"
#include "limber-image.h"

/**
 * limber_custom_read_picture:
 * @type: (out): the picture's MIME type, from its bytes
 *
 * Reads a picture file a therapist chose: anything but a plain file, or
 * over 32 MB, is refused before it is read, the rest after
 * limber_image_check().  The error's message is a reason in plain words
 * ("the picture is not a PNG, JPEG or SVG"), to follow the file's name.
 *
 * Returns: (transfer full) (nullable): the picture's bytes
 */
GBytes *
limber_custom_read_picture (GFile         *file,
                            GCancellable  *cancellable,
                            const char   **type,
                            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    message = g_strdup (_("it is not a file"));
  else if ((guint64) g_file_info_get_size (info) > LIMBER_IMAGE_MAX_BYTES)
    message = g_strdup (_("the picture is too big (over 32 MB)"));
  else if ((bytes = g_file_load_bytes (file, cancellable, NULL, error)) == NULL)
    return NULL;
  else if (limber_image_check (bytes, NULL, &message))
    {
      *type = limber_image_sniff (bytes);
      return g_steal_pointer (&bytes);
    }
  g_set_error_literal (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_IMAGE, message);
  return NULL;
}

/* Fits @width × @height into @max_width × @max_height, proportions kept;
 * only a drawing (@grow) may get larger. */
static void
fit (int      *width,
     int      *height,
     int       max_width,
     int       max_height,
     gboolean  grow)
{
  double scale = MIN ((double) max_width / MAX (*width, 1), (double) max_height / MAX (*height, 1));

  if (!grow)
    scale = MIN (scale, 1.0);
  *width = CLAMP ((int) (*width * scale), 1, max_width);
  *height = CLAMP ((int) (*height * scale), 1, max_height);
}

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  const int       *max)
{
  fit (&width, &height, max[0], max[1], FALSE);
  gdk_pixbuf_loader_set_size (loader, width, height);
}

/* Cairo's ARGB32 is native-endian and premultiplied; a pixbuf is RGB(A)
 * bytes, not premultiplied. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf), stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  guchar *out;
  int out_stride;

  cairo_surface_flush (surface);
  out = cairo_image_surface_get_data (surface);
  out_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guchar *p = pixels + (gsize) y * stride + (gsize) x * channels;
        guint32 a = channels == 4 ? p[3] : 255;

        ((guint32 *) (out + (gsize) y * out_stride))[x] =
          a << 24 | (p[0] * a / 255) << 16 | (p[1] * a / 255) << 8 | (p[2] * a / 255);
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static cairo_surface_t *
render_raster (GBytes      *bytes,
               const char  *type,
               int          max[2],
               GError     **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_mime_type (type, error);
  GdkPixbuf *pixbuf;

  if (loader == NULL)
    return NULL;
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), max);
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, error))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  if (!gdk_pixbuf_loader_close (loader, error))
    return NULL;
  if ((pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      g_set_error_literal (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_IMAGE, _("the picture is damaged"));
      return NULL;
    }
  return surface_from_pixbuf (pixbuf);
}

/* From its bytes with no base file: it can load nothing beside it. */
static cairo_surface_t *
render_svg (GBytes      *bytes,
            int          max[2],
            GError     **error)
{
  gsize len;
  const guchar *data = g_bytes_get_data (bytes, &len);
  RsvgHandle *handle = rsvg_handle_new_from_data (data, len, error);
  RsvgRectangle viewport = { 0 };
  double dw = 0, dh = 0;
  cairo_surface_t *surface;
  cairo_t *cr;
  int w, h;

  if (handle == NULL)
    return NULL;
  if (!rsvg_handle_get_intrinsic_size_in_pixels (handle, &dw, &dh) || dw < 1 || dh < 1)
    dw = 4, dh = 3;   /* only a viewBox: it fills the space as a photo would */
  w = (int) MIN (dw, 1e5);
  h = (int) MIN (dh, 1e5);
  fit (&w, &h, max[0], max[1], TRUE);
  viewport.width = w;
  viewport.height = h;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  rsvg_handle_render_document (handle, cr, &viewport, NULL);
  cairo_destroy (cr);
  g_object_unref (handle);
  cairo_surface_flush (surface);
  return surface;
}

/**
 * limber_custom_render_picture:
 * @bytes: a picture limber_image_check() accepts
 * @type: its MIME type (limber_image_sniff())
 *
 * Draws the picture within @width × @height, its proportions kept, for
 * a preview: a photo is only made smaller (and decoded at that size), a
 * drawing as large as fits.
 *
 * Returns: (transfer full) (nullable): an ARGB32 image surface
 */
cairo_surface_t *
limber_custom_render_picture (GBytes      *bytes,
                              const char  *type,
                              int          width,
                              int          height,
                              GError     **error)
{
  g_autofree char *message = NULL;
  int max[2] = { width, height };

  g_return_val_if_fail (bytes != NULL && type != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  /* Checked again: this is the one place that decodes. */
  if (!limber_image_check (bytes, type, &message))
    {
      g_set_error_literal (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_IMAGE, message);
      return NULL;
    }
  if (g_str_equal (type, "image/svg+xml"))
    return render_svg (bytes, max, error);
  return render_raster (bytes, type, max, error);
}
