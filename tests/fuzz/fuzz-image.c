/* fuzz-image.c — a picture: sniffed, checked, decoded and drawn
 *
 * Pictures reach Limber from strangers: embedded, in base64, in program
 * files, and as photos and logos a therapist picks.  limber-image.c
 * reads their headers by hand (PNG chunks, JPEG markers, the SVG's
 * size and references) to refuse a file before any decoder sees it;
 * that parsing is what this target is for.  A picture that passes is
 * decoded and drawn as the handout does, so that "checked" keeps
 * meaning "safe to decode".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz.h"
#include "limber-handout-private.h"
#include "limber-image.h"

static cairo_surface_t *surface;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *declared[] = { NULL, "image/png", "image/jpeg", "image/svg+xml" };
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(LimberHandoutPicture) picture = NULL;
  g_autofree char *message = NULL;
  const char *type = limber_image_sniff (bytes);
  gboolean ok = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (declared); i++)
    {
      g_autofree char *why = NULL;
      gboolean this_ok = limber_image_check (bytes, declared[i], &why);

      /* Refused or not, with a reason exactly when refused. */
      if (this_ok == (why != NULL))
        g_error ("limber_image_check (%s) gave %s with %s reason", declared[i] ? declared[i] : "any",
                 this_ok ? "TRUE" : "FALSE", why ? "a" : "no");
      /* What passes unlabelled is what it says it is. */
      if (i == 0)
        ok = this_ok;
      else if (this_ok && g_strcmp0 (declared[i], type) != 0)
        g_error ("A picture sniffed as %s passed as %s", type ? type : "nothing", declared[i]);
    }
  if (!ok)
    return 0;
  if (limber_image_sniff (bytes) == NULL)
    g_error ("A picture passed the check without a type");

  picture = _limber_handout_picture_new (bytes, NULL, &message);
  if (picture != NULL)
    {
      cairo_t *cr = cairo_create (surface);
      double w, h;

      _limber_handout_picture_get_size (picture, &w, &h);
      if (!(w > 0 && h > 0))
        g_error ("A decoded picture has no size: %g × %g", w, h);
      _limber_handout_picture_draw (picture, cr, 2, 2, 60, 60 * h / w);
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        g_error ("The picture drew with an error: %s", cairo_status_to_string (cairo_status (cr)));
      cairo_destroy (cr);
    }
  return 0;
}
