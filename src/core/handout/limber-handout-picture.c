/* limber-handout-picture.c — a logo or a photo on a handout, decoded safely
 *
 * Pictures come from settings (the clinic's logo) and from program files
 * e-mailed by other clinics, so every one is checked by
 * limber_image_check() before any decoder sees it: PNG, JPEG or a
 * self-contained SVG, at most 40 megapixels (a small PNG can declare
 * 30000×30000 and take gigabytes to decode).  An SVG is
 * read from its bytes with no base file, so it can load nothing beside
 * it, and stays vector in the PDF.  PNG and JPEG go to the one
 * gdk-pixbuf loader their bytes say they are (never a guess among all
 * the loaders Debian enables), scaled down while decoding if huge: a
 * handout needs no more than 300 dpi across a page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-handout"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <librsvg/rsvg.h>

#include "limber-handout-private.h"
#include "limber-image.h"

/* 300 dpi over a Letter page's width. */
#define MAX_SIDE 2550

struct _LimberHandoutPicture
{
  gatomicrefcount  ref;
  RsvgHandle      *svg;
  cairo_surface_t *raster;
  double           width, height;   /* natural, for the aspect ratio */
};

LimberHandoutPicture *
_limber_handout_picture_ref (LimberHandoutPicture *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
_limber_handout_picture_unref (LimberHandoutPicture *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  g_clear_object (&self->svg);
  g_clear_pointer (&self->raster, cairo_surface_destroy);
  g_free (self);
}

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  double shrink = MIN (1.0, (double) MAX_SIDE / MAX (width, height));

  if (shrink < 1.0)
    {
      gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * shrink)), MAX (1, (int) (height * shrink)));
      g_object_set_data (G_OBJECT (loader), "scaled", GINT_TO_POINTER (TRUE));
    }
}

/* Cairo wants premultiplied native-endian ARGB; gdk-pixbuf gives RGB(A)
 * bytes.  (gdk_cairo_set_source_pixbuf() does this, but is GTK.) */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  const guchar *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                                         width, height);
  guchar *dst;
  int dst_stride;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;
  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  dst_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      const guchar *s = src + (gsize) y * src_stride;
      guint32 *d = (guint32 *) (dst + (gsize) y * dst_stride);

      for (int x = 0; x < width; x++, s += channels)
        {
          guint a = alpha ? s[3] : 255;
          guint r = (s[0] * a + 127) / 255, g = (s[1] * a + 127) / 255, b = (s[2] * a + 127) / 255;

          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static gboolean
decode_raster (LimberHandoutPicture  *self,
               GBytes                *bytes,
               const char            *type,
               char                 **message)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;
  gsize len;
  const guchar *data = g_bytes_get_data (bytes, &len);

  loader = gdk_pixbuf_loader_new_with_type (g_str_equal (type, "image/png") ? "png" : "jpeg", &error);
  if (loader == NULL)
    {
      *message = g_strdup_printf (_("the picture cannot be read: %s"), error->message);
      return FALSE;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), NULL);
  if (!gdk_pixbuf_loader_write (loader, data, len, &error) || !gdk_pixbuf_loader_close (loader, &error))
    {
      *message = g_strdup_printf (_("the picture cannot be read: %s"), error->message);
      return FALSE;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      *message = g_strdup (_("the picture cannot be read"));
      return FALSE;
    }
  self->raster = surface_from_pixbuf (pixbuf);
  if (cairo_surface_status (self->raster) != CAIRO_STATUS_SUCCESS)
    {
      *message = g_strdup (_("the picture is too big to show"));
      return FALSE;
    }
  self->width = gdk_pixbuf_get_width (pixbuf);
  self->height = gdk_pixbuf_get_height (pixbuf);
  /* A JPEG shown at its own size goes into the PDF as the file itself,
   * not as decoded pixels: ten times smaller. */
  if (g_str_equal (type, "image/jpeg") && !g_object_get_data (G_OBJECT (loader), "scaled"))
    cairo_surface_set_mime_data (self->raster, CAIRO_MIME_TYPE_JPEG, data, len,
                                 (cairo_destroy_func_t) g_bytes_unref, g_bytes_ref (bytes));
  return TRUE;
}

static gboolean
decode_svg (LimberHandoutPicture  *self,
            GBytes                *bytes,
            char                 **message)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const guchar *data = g_bytes_get_data (bytes, &len);
  gboolean has_width, has_height, has_viewbox;
  RsvgLength w, h;
  RsvgRectangle viewbox;

  self->svg = rsvg_handle_new_from_data (data, len, &error);
  if (self->svg == NULL)
    {
      *message = g_strdup_printf (_("the picture cannot be read: %s"), error->message);
      return FALSE;
    }
  if (!rsvg_handle_get_intrinsic_size_in_pixels (self->svg, &self->width, &self->height))
    {
      rsvg_handle_get_intrinsic_dimensions (self->svg, &has_width, &w, &has_height, &h,
                                            &has_viewbox, &viewbox);
      self->width = has_viewbox ? viewbox.width : 100;
      self->height = has_viewbox ? viewbox.height : 100;
    }
  if (!(self->width > 0 && self->height > 0))
    {
      *message = g_strdup (_("the picture has no size"));
      return FALSE;
    }
  return TRUE;
}

/**
 * _limber_handout_picture_new:
 * @declared_type: (nullable): the type the program file gives
 * @message: (out): why not, on failure
 *
 * Returns: (nullable): the picture, ready to draw
 */
LimberHandoutPicture *
_limber_handout_picture_new (GBytes      *bytes,
                             const char  *declared_type,
                             char       **message)
{
  g_autoptr(LimberHandoutPicture) self = NULL;
  const char *type;

  if (!limber_image_check (bytes, declared_type, message))
    return NULL;
  type = limber_image_sniff (bytes);
  self = g_new0 (LimberHandoutPicture, 1);
  g_atomic_ref_count_init (&self->ref);
  if (g_str_equal (type, "image/svg+xml") ? !decode_svg (self, bytes, message)
                                          : !decode_raster (self, bytes, type, message))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * _limber_handout_picture_load_file:
 * @path: a PNG, JPEG or SVG file, such as the clinic's logo
 *
 * Reads at most LIMBER_IMAGE_MAX_BYTES: a logo setting pointing at a
 * huge file fails with a message instead of filling the memory.
 */
LimberHandoutPicture *
_limber_handout_picture_load_file (const char  *path,
                                   char       **message)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      *message = g_strdup (error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      *message = g_strdup_printf (_("%s is not a file"), path);
      return NULL;
    }
  if (g_file_info_get_size (info) > LIMBER_IMAGE_MAX_BYTES)
    {
      *message = g_strdup (_("the picture is too big (over 32 MB)"));
      return NULL;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      *message = g_strdup (error->message);
      return NULL;
    }
  return _limber_handout_picture_new (bytes, NULL, message);
}

void
_limber_handout_picture_get_size (LimberHandoutPicture *self,
                                  double               *width,
                                  double               *height)
{
  *width = self->width;
  *height = self->height;
}

/* Draws the whole picture into the box, which the caller has given the
 * picture's aspect ratio. */
void
_limber_handout_picture_draw (LimberHandoutPicture *self,
                              cairo_t              *cr,
                              double                x,
                              double                y,
                              double                width,
                              double                height)
{
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  if (self->svg != NULL)
    {
      RsvgRectangle viewport = { x, y, width, height };

      rsvg_handle_render_document (self->svg, cr, &viewport, NULL);
    }
  else
    {
      cairo_translate (cr, x, y);
      cairo_scale (cr, width / self->width, height / self->height);
      cairo_set_source_surface (cr, self->raster, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
    }
  cairo_restore (cr);
  cairo_new_path (cr);
}
