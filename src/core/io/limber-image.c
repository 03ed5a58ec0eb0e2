/* limber-image.c — checking pictures before anything decodes them
 *
 * Only PNG, JPEG and SVG are accepted, recognised by their bytes (never
 * by name: g_content_type_guess(), shared-mime-info's magic), and their
 * size is read from the header before a decoder runs: a tiny PNG can
 * declare 30000×30000 pixels and take gigabytes to decode.  gdk-pixbuf
 * reads that size (as gdk_pixbuf_get_file_info() does, from memory, with
 * the PNG or JPEG loader only: Debian enables many legacy loaders).
 * What gdk-pixbuf does not check is checked here by hand: a PNG or JPEG
 * cut short (it decodes one without a word, the rest as garbage), an SVG
 * that refers to anything outside itself, the 40-megapixel cap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-image"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <librsvg/rsvg.h>
#include <string.h>

#include "limber-image.h"
#include "limber-problem.h"
#include "limber-xml.h"

/* Returns the MIME type the bytes really are, or NULL. */
const char *
limber_image_sniff (GBytes *bytes)
{
  gsize len;
  const guchar *data = g_bytes_get_data (bytes, &len);
  gsize head = MIN (len, 4096);
  g_autofree char *type = NULL;

  /* An empty GBytes may have no data at all. */
  if (data == NULL || len == 0)
    return NULL;
  type = g_content_type_guess (NULL, data, head, NULL);
  if (g_content_type_equals (type, "image/png"))
    return "image/png";
  if (g_content_type_equals (type, "image/jpeg"))
    return "image/jpeg";
  if (g_content_type_is_a (type, "image/svg+xml"))
    return "image/svg+xml";
  /* shared-mime-info looks for <svg in the first 256 bytes only: an SVG
   * after a long comment or prologue is still one (check_svg() parses
   * it to be sure). */
  if (g_content_type_is_a (type, "text/plain") && g_strstr_len ((const char *) data, head, "<svg") != NULL)
    return "image/svg+xml";
  return NULL;
}

static guint32
be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The size a PNG's IHDR declares, read by hand: gdk-pixbuf stops at a
 * header whose checksum is wrong before it tells the size, and a
 * hostile file's declared size is still the best reason to give. */
static gboolean
png_declared_size (const guchar *data,
                   gsize         len,
                   guint64      *w,
                   guint64      *h)
{
  if (len < 24 || memcmp (data + 12, "IHDR", 4) != 0)
    return FALSE;
  *w = be32 (data + 16);
  *h = be32 (data + 20);
  return *w > 0 && *h > 0;
}

typedef struct
{
  gboolean known;
  int      width;
  int      height;
} HeaderSize;

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  HeaderSize *size = user_data;

  size->known = TRUE;
  size->width = width;
  size->height = height;
  /* Nothing more: a loader asked for 0 × 0 stops before it allocates. */
  gdk_pixbuf_loader_set_size (loader, 0, 0);
}

/* The size in a PNG's or JPEG's header, read by gdk-pixbuf's loader for
 * @type as gdk_pixbuf_get_file_info() reads a file's: piece by piece
 * until the header is through, never decoding the pixels. */
static gboolean
header_size (GBytes     *bytes,
             const char *type,
             guint64    *w,
             guint64    *h)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_mime_type (type, NULL);
  HeaderSize size = { FALSE, 0, 0 };
  gsize len;
  const guchar *data = g_bytes_get_data (bytes, &len);

  if (loader == NULL)
    return FALSE;
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &size);
  for (gsize at = 0; at < len && !size.known;)
    {
      gsize piece = MIN (len - at, 4096);

      if (!gdk_pixbuf_loader_write (loader, data + at, piece, NULL))
        break;
      at += piece;
    }
  /* It stopped on purpose or the data ran out: its complaint is no news. */
  gdk_pixbuf_loader_close (loader, NULL);
  if (!size.known || size.width <= 0 || size.height <= 0)
    return FALSE;
  *w = (guint64) size.width;
  *h = (guint64) size.height;
  return TRUE;
}

/* Steps over a JPEG's markers and segments, from its start, to the
 * first marker @stop takes: TRUE with its offset in @at, or FALSE when
 * the data is broken or ends first. */
static gboolean
jpeg_seek (const guchar  *data,
           gsize          len,
           gboolean     (*stop) (guchar marker),
           gsize         *at)
{
  gsize i = 2;

  while (i + 4 <= len)
    {
      guchar marker;
      gsize seg;

      if (data[i] != 0xff)
        return FALSE;
      marker = data[i + 1];
      if (marker == 0xff)
        {
          i++;
          continue;
        }
      if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        {
          i += 2;
          continue;
        }
      if (stop (marker))
        {
          *at = i;
          return TRUE;
        }
      seg = ((gsize) data[i + 2] << 8) | data[i + 3];
      if (seg < 2)
        return FALSE;
      i += 2 + seg;
    }
  return FALSE;
}

static gboolean
is_scan_or_end (guchar marker)
{
  return marker == 0xda || marker == 0xd9;
}

/* Whether a PNG's chunks run, whole, to its IEND: gdk-pixbuf decodes a
 * PNG cut short without a word, and draws what it did not get as
 * garbage. */
static gboolean
png_complete (const guchar *data,
              gsize         len)
{
  gsize i = 8;

  while (i + 12 <= len)
    {
      guint64 chunk = be32 (data + i);

      if (memcmp (data + i + 4, "IEND", 4) == 0)
        return TRUE;
      /* length, type, data, CRC */
      if (chunk > len - i - 12)
        return FALSE;
      i += 12 + chunk;
    }
  return FALSE;
}

/* Whether a JPEG's image data ends with its end-of-image marker.  After
 * the first start of scan, 0xFF is followed by 0x00 (a stuffed byte), a
 * restart marker or another table or scan: FF D9 is only the end.
 * The segments before it (an EXIF thumbnail has an end of its own) are
 * stepped over. */
static gboolean
jpeg_complete (const guchar *data,
               gsize         len)
{
  gsize i;

  if (!jpeg_seek (data, len, is_scan_or_end, &i))
    return FALSE;
  if (data[i + 1] == 0xd9)
    return TRUE;
  for (i += 2; i + 1 < len; i++)
    if (data[i] == 0xff && data[i + 1] == 0xd9)
      return TRUE;
  return FALSE;
}

static gboolean
is_local_reference (const char *ref)
{
  while (g_ascii_isspace (*ref))
    ref++;
  return *ref == '#' || *ref == '\0' || g_ascii_strncasecmp (ref, "data:", 5) == 0;
}

/* url(…) in CSS must point inside the document; @import never may. */
static gboolean
css_is_local (const char *text)
{
  /* CSS is case-insensitive: URL( is url(. */
  g_autofree char *css = g_ascii_strdown (text, -1);
  const char *p = css;

  if (strstr (css, "@import") != NULL)
    return FALSE;
  while ((p = strstr (p, "url(")) != NULL)
    {
      p += 4;
      while (*p == ' ' || *p == '"' || *p == '\'')
        p++;
      if (!is_local_reference (p))
        return FALSE;
    }
  return TRUE;
}

static gboolean
svg_is_self_contained (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (node->ns != NULL && strstr ((const char *) node->ns->href, "XInclude") != NULL)
        return FALSE;
      if (limber_xml_is (node, "style") || limber_xml_is (node, "script"))
        {
          g_autofree char *css = (char *) xmlNodeGetContent (node);
          if (limber_xml_is (node, "script") || !css_is_local (css))
            return FALSE;
        }
      for (xmlAttr *a = node->properties; a != NULL; a = a->next)
        {
          g_autofree char *value = (char *) xmlNodeGetContent ((xmlNode *) a);
          const char *name = (const char *) a->name;

          if ((g_str_equal (name, "href") || g_str_equal (name, "src"))
              && !is_local_reference (value))
            return FALSE;
          if (!css_is_local (value))
            return FALSE;
        }
      if (!svg_is_self_contained (node->children))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_svg (GBytes  *bytes,
           guint64 *w,
           guint64 *h,
           char   **message)
{
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  RsvgHandle *handle;
  xmlDoc *doc = limber_xml_parse_plain (bytes, "svg", problems);
  gboolean contained;
  gsize len;
  const guchar *data = g_bytes_get_data (bytes, &len);
  double dw = 0, dh = 0;

  if (doc == NULL)
    {
      *message = g_strdup (_("the SVG picture is not valid XML"));
      return FALSE;
    }
  contained = svg_is_self_contained (xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);
  if (!contained)
    {
      *message = g_strdup (_("the SVG picture refers to files or addresses outside itself"));
      return FALSE;
    }

  /* No base file: even if a reference slipped through, nothing beside
   * the picture could be read: librsvg reads the files beside an SVG loaded
   * from a file, and would draw their text into the handout. */
  handle = rsvg_handle_new_from_data (data, len, NULL);
  if (handle == NULL)
    {
      *message = g_strdup (_("the SVG picture cannot be read"));
      return FALSE;
    }
  if (rsvg_handle_get_intrinsic_size_in_pixels (handle, &dw, &dh))
    {
      *w = (guint64) MAX (dw, 0);
      *h = (guint64) MAX (dh, 0);
    }
  g_object_unref (handle);
  return TRUE;
}

/**
 * limber_image_check:
 * @declared_type: (nullable): the type the file claims, checked against
 *   what it is
 * @message: (out): on failure, why, in plain words
 *
 * Returns: %TRUE if the picture is a PNG, JPEG or self-contained SVG of
 *   at most 40 megapixels
 */
gboolean
limber_image_check (GBytes      *bytes,
                    const char  *declared_type,
                    char       **message)
{
  const char *type = limber_image_sniff (bytes);
  gsize len;
  const guchar *data = g_bytes_get_data (bytes, &len);
  guint64 w = 0, h = 0;
  gboolean known, readable;   /* the size, and read by gdk-pixbuf */

  if (len > LIMBER_IMAGE_MAX_BYTES)
    {
      *message = g_strdup (_("the picture is too big (over 32 MB)"));
      return FALSE;
    }
  if (type == NULL)
    {
      *message = g_strdup (_("the picture is not a PNG, JPEG or SVG"));
      return FALSE;
    }
  if (declared_type != NULL && !g_str_equal (declared_type, type))
    {
      *message = g_strdup_printf (_("the picture says it is %s but it is %s"), declared_type, type);
      return FALSE;
    }
  if (g_str_equal (type, "image/svg+xml"))
    {
      if (!check_svg (bytes, &w, &h, message))
        return FALSE;
      readable = known = TRUE;
    }
  else
    {
      readable = known = header_size (bytes, type, &w, &h);
      if (!known && g_str_equal (type, "image/png"))
        known = png_declared_size (data, len, &w, &h);
    }
  if (known && w * h > LIMBER_IMAGE_MAX_PIXELS)
    {
      /* Header sizes are 32-bit (PNG, SVG) or 16-bit (JPEG): they fit. */
      *message = g_strdup_printf (_("the picture is %u×%u pixels; the limit is 40 megapixels"),
                                  (guint) MIN (w, G_MAXUINT), (guint) MIN (h, G_MAXUINT));
      return FALSE;
    }
  /* gdk-pixbuf would decode a PNG or JPEG cut short and draw the rest as
   * garbage. */
  if ((g_str_equal (type, "image/png") && !png_complete (data, len))
      || (g_str_equal (type, "image/jpeg") && !jpeg_complete (data, len)))
    {
      *message = g_strdup (_("the picture is cut short: the file is not complete"));
      return FALSE;
    }
  if (!readable)
    {
      *message = g_strdup (_("the picture is damaged (its size cannot be read)"));
      return FALSE;
    }
  return TRUE;
}
