/* limber-thumbnail.c — a stretch's figure, small, on a white card
 *
 * Drawn with the same renderer as the handout, straight into the widget:
 * vector, so sharp at any scale factor, and GTK keeps the drawing until
 * the row is bound to another stretch (only visible rows are drawn).
 *
 * A drawing area is no picture to a screen reader: where a figure says
 * something the text beside it does not, limber_thumbnail_set_accessible()
 * makes it an image with words a listener can use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-thumbnail"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <librsvg/rsvg.h>

#include "limber-image.h"
#include "limber-thumbnail.h"

#define RADIUS 6.0

static void
card (cairo_t *cr,
      double   width,
      double   height)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, width - RADIUS, RADIUS, RADIUS, -G_PI / 2, 0);
  cairo_arc (cr, width - RADIUS, height - RADIUS, RADIUS, 0, G_PI / 2);
  cairo_arc (cr, RADIUS, height - RADIUS, RADIUS, G_PI / 2, G_PI);
  cairo_arc (cr, RADIUS, RADIUS, RADIUS, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A photo or drawing of a custom exercise, scaled to fit. */
static gboolean
draw_image (cairo_t        *cr,
            int             width,
            int             height,
            LimberExercise *exercise)
{
  const char *type = NULL;
  GBytes *bytes = limber_exercise_get_image_data (exercise, &type);
  g_autofree char *message = NULL;
  double scale;

  if (bytes == NULL || !limber_image_check (bytes, type, &message))
    return FALSE;

  if (g_strcmp0 (type, "image/svg+xml") == 0)
    {
      /* No base file: the picture can reach nothing beside it. */
      RsvgHandle *handle = rsvg_handle_new_from_data (g_bytes_get_data (bytes, NULL),
                                                      g_bytes_get_size (bytes), NULL);
      RsvgRectangle viewport = { 4, 4, width - 8, height - 8 };
      gboolean ok = handle != NULL && rsvg_handle_render_document (handle, cr, &viewport, NULL);

      g_clear_object (&handle);
      return ok;
    }
  else
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, width * 2, height * 2,
                                                                         TRUE, NULL, NULL);
      int pw, ph;

      if (pixbuf == NULL)
        return FALSE;
      pw = gdk_pixbuf_get_width (pixbuf);
      ph = gdk_pixbuf_get_height (pixbuf);
      scale = MIN ((width - 8.0) / pw, (height - 8.0) / ph);
      cairo_save (cr);
      cairo_translate (cr, (width - pw * scale) / 2, (height - ph * scale) / 2);
      cairo_scale (cr, scale, scale);
      gdk_cairo_set_source_pixbuf (cr, pixbuf, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      return TRUE;
    }
}

/**
 * limber_thumbnail_draw:
 * @show: which phases (a thumbnail reads best overlaid: the start faded
 *   under the end)
 * @mirror: for a left-side item
 *
 * Draws the exercise's figure, or its own picture, on a white card; a
 * stretch with neither gets an empty card.
 */
void
limber_thumbnail_draw (cairo_t          *cr,
                       int               width,
                       int               height,
                       LimberExercise   *exercise,
                       LimberFigureShow  show,
                       gboolean          mirror)
{
  LimberFigure *figure = limber_exercise_get_figure (exercise);
  LimberFigureStyle style;

  card (cr, width, height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  card (cr, width, height);
  cairo_clip (cr);
  if (figure == NULL)
    {
      draw_image (cr, width, height, exercise);
      return;
    }
  limber_figure_style_init (&style);
  style.show = show;
  style.mirror = mirror;
  limber_figure_draw (figure, cr, 2, 2, width - 4, height - 4, &style);
}

typedef struct
{
  LimberExercise   *exercise;
  LimberFigureShow  show;
  gboolean          mirror;
} Attached;

static void
attached_free (gpointer data)
{
  Attached *a = data;

  g_clear_object (&a->exercise);
  g_free (a);
}

static void
draw_attached (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  Attached *a = user_data;

  limber_thumbnail_draw (cr, width, height, a->exercise, a->show, a->mirror);
}

/* Makes @area draw @exercise (or nothing, for %NULL) from now on. */
void
limber_thumbnail_attach (GtkDrawingArea   *area,
                         LimberExercise   *exercise,
                         LimberFigureShow  show,
                         gboolean          mirror)
{
  Attached *a;

  if (exercise == NULL)
    {
      gtk_drawing_area_set_draw_func (area, NULL, NULL, NULL);
      return;
    }
  a = g_new0 (Attached, 1);
  a->exercise = g_object_ref (exercise);
  a->show = show;
  a->mirror = mirror;
  gtk_drawing_area_set_draw_func (area, draw_attached, a, attached_free);
}

/**
 * limber_thumbnail_set_accessible:
 * @area: a drawing area made with the %GTK_ACCESSIBLE_ROLE_IMG role
 * @exercise: (nullable): the stretch it shows
 *
 * Names @area for a screen reader by the stretch and what its figure
 * shows, "Name: start position, then the movement", and describes it
 * with the stretch's summary, or else its start and movement texts.
 */
void
limber_thumbnail_set_accessible (GtkWidget      *area,
                                 LimberExercise *exercise)
{
  const char *lang = g_get_language_names ()[0];
  const char *name, *summary, *shorten, *lengthen;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (GTK_IS_WIDGET (area));

  if (exercise == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  name = limber_exercise_get_name (exercise, lang);
  summary = limber_exercise_get_text (exercise, LIMBER_EXERCISE_SUMMARY, lang);
  shorten = limber_exercise_get_text (exercise, LIMBER_EXERCISE_SHORTEN, lang);
  lengthen = limber_exercise_get_text (exercise, LIMBER_EXERCISE_LENGTHEN, lang);

  if (limber_exercise_get_figure (exercise) != NULL)
    /* Translators: a figure's name for a screen reader; %s is the stretch */
    label = g_strdup_printf (_("%s: start position, then the movement"), name);
  else
    /* Translators: a custom stretch's own picture; %s is the stretch */
    label = g_strdup_printf (_("Picture of %s"), name);

  if (summary != NULL && *summary != '\0')
    description = g_strdup (summary);
  else if (shorten != NULL && lengthen != NULL)
    /* Translators: the two positions a figure shows, for a screen reader */
    description = g_strdup_printf (_("Start: %s Then: %s"), shorten, lengthen);
  else
    description = g_strdup (shorten != NULL ? shorten : lengthen != NULL ? lengthen : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}
