/* limber-clinic-logo.c — the clinic's logo, kept in Limber's own folder
 *
 * The logo printed on page 1 of every handout is a copy, made when the
 * therapist chooses it, in $XDG_DATA_HOME/limber/clinic/logo: a logo
 * left on a USB stick, renamed or deleted would otherwise drop out of
 * handouts unnoticed.  The settings' clinic-logo holds that copy's path.
 *
 * The picture is checked (PNG, JPEG or self-contained SVG, at most 40
 * megapixels) and decoded once before anything is written, and written
 * like every other file of Limber's (limber-atomic.c): the copy is the
 * old logo or the new one, never half of one.  One name for every
 * format: the readers go by what the bytes are, not by the name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-clinic-logo"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-atomic.h"
#include "limber-clinic-logo.h"
#include "limber-custom.h"
#include "limber-handout-private.h"

/**
 * limber_clinic_logo_file:
 *
 * Returns: (transfer full): where the copy of the logo is kept
 */
GFile *
limber_clinic_logo_file (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "limber", "clinic", "logo", NULL);
}

/* The reason a picture was refused, after its name, in plain words:
 * limber_custom_read_picture() gives its own reasons, but GIO's words
 * ("Error when getting information for file …") for the two a
 * therapist meets. */
static void
say_why (GFile   *source,
         GError  *local,
         GError **error)
{
  g_autofree char *name = g_file_get_parse_name (source);

  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s: there is no such file"), name);
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, _("%s: you are not allowed to read it"), name);
  else
    g_set_error (error, local->domain, local->code, "%s: %s", name, local->message);
}

/**
 * limber_clinic_logo_import:
 * @source: the picture the therapist chose
 *
 * Checks @source and copies it to limber_clinic_logo_file().
 *
 * Returns: %TRUE if the copy is now @source's picture; on %FALSE the
 *   copy is what it was
 */
gboolean
limber_clinic_logo_import (GFile   *source,
                           GError **error)
{
  g_autoptr(GFile) dest = limber_clinic_logo_file ();
  g_autoptr(GFile) folder = g_file_get_parent (dest);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LimberHandoutPicture) picture = NULL;
  g_autoptr(GError) mkdir_error = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *message = NULL;
  const char *type = NULL;

  g_return_val_if_fail (G_IS_FILE (source), FALSE);

  /* Read and checked as a custom stretch's picture is (a plain file, at
   * most 32 MB, a PNG, JPEG or self-contained SVG of at most 40 MP)... */
  bytes = limber_custom_read_picture (source, NULL, &type, &local);
  if (bytes == NULL)
    {
      say_why (source, local, error);
      return FALSE;
    }
  /* ...then decoded once, so that a picture that only looks right (a
   * good header, a broken body) is refused now, not left out of
   * handouts. */
  picture = _limber_handout_picture_new (bytes, type, &message);
  if (picture == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (source);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", name, message);
      return FALSE;
    }
  if (!g_file_make_directory_with_parents (folder, NULL, &mkdir_error)
      && !g_error_matches (mkdir_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&mkdir_error));
      return FALSE;
    }
  return limber_atomic_write (dest, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), FALSE, error);
}

/**
 * limber_clinic_logo_remove:
 *
 * Deletes the copy of the logo; no copy is no error.
 */
gboolean
limber_clinic_logo_remove (GError **error)
{
  g_autoptr(GFile) file = limber_clinic_logo_file ();
  g_autoptr(GError) local = NULL;

  if (g_file_delete (file, NULL, &local) || g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/**
 * limber_clinic_logo_draw:
 * @path: a logo, as the settings give it
 *
 * Draws the logo as large as fits in @width × @height, centred, the way
 * the handout reads it.
 *
 * Returns: %FALSE if there is nothing to draw (no file, not a picture)
 */
gboolean
limber_clinic_logo_draw (const char *path,
                         cairo_t    *cr,
                         double      width,
                         double      height)
{
  g_autoptr(LimberHandoutPicture) picture = NULL;
  g_autofree char *message = NULL;
  double w, h, scale;

  g_return_val_if_fail (cr != NULL, FALSE);

  if (path == NULL || *path == '\0')
    return FALSE;
  picture = _limber_handout_picture_load_file (path, &message);
  if (picture == NULL)
    return FALSE;
  _limber_handout_picture_get_size (picture, &w, &h);
  if (w <= 0 || h <= 0)
    return FALSE;
  scale = MIN (width / w, height / h);
  _limber_handout_picture_draw (picture, cr, (width - w * scale) / 2, (height - h * scale) / 2, w * scale,
                                h * scale);
  return TRUE;
}
