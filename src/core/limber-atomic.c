/* limber-atomic.c — writing a file so that it is never half written
 *
 * Either the old version or the new one, never a mixture.  GLib 2.74's
 * g_file_replace_contents() renames a truncated temporary file over the
 * original when the disk fills (RELIABILITY.md), so local files go
 * through g_file_set_contents_full() (temp file, fsync, rename, fsync of
 * the folder), and other locations through g_file_replace() with the
 * write cancelled, not committed, on any error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-atomic"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "limber-atomic.h"

static gboolean
write_local (const char  *path,
             const char  *data,
             gsize        length,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  /* A symlink is replaced by the new file, never followed to wherever
   * it points; a folder is refused before anything is written. */
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s is a folder"), path);
      return FALSE;
    }
  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_gio (GFile       *file,
           const char  *data,
           gsize        length,
           GError     **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFileOutputStream) out = NULL;
  gsize written = 0;

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (out == NULL)
    return FALSE;
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), data, length, &written, cancellable, error))
    {
      /* Closing a cancelled stream drops the temporary file. */
      g_cancellable_cancel (cancellable);
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

/**
 * limber_atomic_write:
 * @keep_backup: keep the previous version as FILE.bak
 *
 * Returns: %TRUE if @file now holds @data; on %FALSE it holds what it
 *   held before
 */
gboolean
limber_atomic_write (GFile       *file,
                     const char  *data,
                     gsize        length,
                     gboolean     keep_backup,
                     GError     **error)
{
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (keep_backup && g_file_query_exists (file, NULL))
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *backup_uri = g_strconcat (uri, ".bak", NULL);
      g_autoptr(GFile) backup = g_file_new_for_uri (backup_uri);
      g_autoptr(GBytes) old = g_file_load_bytes (file, NULL, NULL, NULL);

      /* The backup is written the same careful way; if even that fails,
       * the save goes on: the original is still untouched. */
      if (old != NULL)
        {
          if (path != NULL)
            {
              g_autofree char *backup_path = g_strconcat (path, ".bak", NULL);
              write_local (backup_path, g_bytes_get_data (old, NULL), g_bytes_get_size (old), NULL);
            }
          else
            write_gio (backup, g_bytes_get_data (old, NULL), g_bytes_get_size (old), NULL);
        }
    }

  if (path != NULL)
    return write_local (path, data, length, error);
  return write_gio (file, data, length, error);
}
