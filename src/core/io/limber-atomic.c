/* limber-atomic.c — writing a file so that it is never half written
 *
 * Either the old version or the new one, never a mixture.  GLib 2.74's
 * g_file_replace_contents() renames a truncated temporary file over the
 * original when the disk fills (it ignores the failed close), so local
 * files are written here, the same way every time:
 *
 *  1. an unnamed file in the target's folder (O_TMPFILE), or where the
 *     file system has none a hidden one, ".NAME.XXXXXX";
 *  2. the data, then fsync();
 *  3. the file takes the target's name: linked in place when there is
 *     no target yet, else linked as ".NAME.XXXXXX" and renamed over it;
 *     then the folder is synced too.
 *
 * A kill at any moment leaves the old file or the new one, and at most
 * one hidden temporary file, in the short gap of step 3 or on a file
 * system without O_TMPFILE.  Each writer holds a lock on its temporary
 * file (the kernel drops it when the writer dies), so the next save of
 * the same file removes what a killed one left and leaves a running
 * one's alone.  Other GIO locations go through g_file_replace() with
 * the write cancelled, not committed, on any error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-atomic"
/* O_TMPFILE, linkat() */
#define _GNU_SOURCE 1

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "limber-atomic.h"

/* Bytes of the target's name kept in a temporary name: with the dots
 * and the six letters, it stays under NAME_MAX (255). */
#define TEMP_NAME_MAX 200
#define TEMP_TRIES    100

struct _LimberAtomicFile
{
  char     *path;
  char     *folder;
  char     *prefix;      /* ".NAME.": temporary names are this + 6 letters */
  char     *temp;        /* the temporary file's path, NULL while unnamed */
  int       fd;
  gboolean  committed;
};

/* Sets @error to a sentence a user can act on, naming @path, for the
 * errno value @errsv. */
static void
limber_atomic_set_error (GError     **error,
                         int          errsv,
                         const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);
  GIOErrorEnum code = g_io_error_from_errno (errsv);

  switch (errsv)
    {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      g_set_error (error, G_IO_ERROR, code, _("%s was not saved: the disk is full."), name);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, G_IO_ERROR, code, _("%s was not saved: its folder is read-only or not yours."), name);
      break;
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, G_IO_ERROR, code, _("%s was not saved: its folder does not exist."), name);
      break;
    case EISDIR:
      g_set_error (error, G_IO_ERROR, code, _("%s is a folder"), name);
      break;
    case ENAMETOOLONG:
      g_set_error (error, G_IO_ERROR, code, _("%s was not saved: the name is too long."), name);
      break;
    default:
      g_set_error (error, G_IO_ERROR, code, _("%s was not saved: %s."), name, g_strerror (errsv));
      break;
    }
}

static gboolean
fail (LimberAtomicFile  *self,
      GError           **error)
{
  limber_atomic_set_error (error, errno, self->path);
  return FALSE;
}

static gboolean
is_temp_name (const char *name,
              const char *prefix)
{
  gsize n = strlen (prefix);

  if (strncmp (name, prefix, n) != 0 || strlen (name) != n + 6)
    return FALSE;
  for (const char *c = name + n; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c))
      return FALSE;
  return TRUE;
}

static char *
random_temp (const LimberAtomicFile *self)
{
  static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  char name[7];

  for (int i = 0; i < 6; i++)
    name[i] = letters[g_random_int_range (0, sizeof letters - 1)];
  name[6] = '\0';
  return g_strconcat (self->folder, G_DIR_SEPARATOR_S, self->prefix, name, NULL);
}

/* What killed saves of this file left: temporary files nobody holds a
 * lock on. */
static void
sweep (const LimberAtomicFile *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!is_temp_name (name, self->prefix))
        continue;
      path = g_build_filename (self->folder, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
}

/* An unnamed file in @folder, or -1 with errno EOPNOTSUPP where the
 * kernel or the file system has none, or where /proc (needed to give
 * it a name) is missing. */
static int
open_unnamed (const char *folder)
{
#ifdef O_TMPFILE
  int fd;

  if (access ("/proc/self/fd", X_OK) != 0)
    {
      errno = EOPNOTSUPP;
      return -1;
    }
  fd = open (folder, O_TMPFILE | O_RDWR | O_CLOEXEC, 0644);
  /* Older kernels take O_TMPFILE for O_DIRECTORY: EISDIR. */
  if (fd < 0 && (errno == EISDIR || errno == EINVAL || errno == ENOSYS))
    errno = EOPNOTSUPP;
  return fd;
#else
  errno = EOPNOTSUPP;
  return -1;
#endif
}

/* A new hidden temporary file beside the target, locked: its
 * descriptor, its path in self->temp; or -1 with errno set. */
static int
open_named_temp (LimberAtomicFile *self)
{
  int fd = -1;

  for (int tries = 0; fd < 0 && tries < TEMP_TRIES; tries++)
    {
      g_free (self->temp);
      self->temp = random_temp (self);
      fd = open (self->temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
      if (fd < 0 && errno != EEXIST)
        break;
    }
  if (fd < 0)
    {
      int errsv = errno;

      g_clear_pointer (&self->temp, g_free);
      errno = errsv;
      return -1;
    }
  /* Held until the writer closes the file or dies: sweep() leaves a
   * locked temporary file alone. */
  if (flock (fd, LOCK_EX) != 0)
    g_debug ("No lock on the temporary file for %s: %s", self->path, g_strerror (errno));
  return fd;
}

/**
 * limber_atomic_file_new:
 * @path: the local file to replace (or create)
 *
 * Starts writing @path: write with limber_atomic_file_write(), then
 * limber_atomic_file_commit().  Freeing it without a
 * commit leaves @path as it was.
 *
 * Returns: (transfer full): the file, or %NULL with @error set
 */
LimberAtomicFile *
limber_atomic_file_new (const char  *path,
                        GError     **error)
{
  g_autoptr(LimberAtomicFile) self = g_new0 (LimberAtomicFile, 1);
  g_autofree char *base = g_path_get_basename (path);
  struct stat st;

  self->fd = -1;
  self->path = g_strdup (path);
  self->folder = g_path_get_dirname (path);
  self->prefix = g_strdup_printf (".%.*s.", (int) MIN (strlen (base), TEMP_NAME_MAX), base);

  /* A symlink is replaced by the new file, never followed to wherever
   * it points; a folder is refused before anything is written. */
  if (lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
    {
      limber_atomic_set_error (error, EISDIR, path);
      return NULL;
    }
  sweep (self);

  self->fd = open_unnamed (self->folder);
  if (self->fd >= 0)
    {
      /* The lock stays with the file once it is linked under a
       * temporary name (see open_named_temp()). */
      if (flock (self->fd, LOCK_EX) != 0)
        g_debug ("No lock on the temporary file for %s: %s", path, g_strerror (errno));
    }
  else if (errno != EOPNOTSUPP || (self->fd = open_named_temp (self)) < 0)
    {
      fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

gboolean
limber_atomic_file_write (LimberAtomicFile  *self,
                          const void        *data,
                          gsize              length,
                          GError           **error)
{
  const char *p = data;

  while (length > 0)
    {
      ssize_t n = write (self->fd, p, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return fail (self, error);
        }
      p += n;
      length -= n;
    }
  return TRUE;
}

/* Where an unnamed file cannot be linked (some FUSE file systems take
 * O_TMPFILE but not the link): its bytes copied to a named temporary
 * file, which takes its place. */
static gboolean
copy_to_named (LimberAtomicFile  *self,
               GError           **error)
{
  char buffer[64 * 1024];
  off_t offset = 0;
  int in = self->fd;
  ssize_t n;

  self->fd = open_named_temp (self);
  if (self->fd < 0)
    {
      int errsv = errno;

      self->fd = in;
      errno = errsv;
      return fail (self, error);
    }
  while ((n = pread (in, buffer, sizeof buffer, offset)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 || !limber_atomic_file_write (self, buffer, n, error))
        {
          if (n < 0)
            fail (self, error);
          close (in);
          return FALSE;
        }
      offset += n;
    }
  close (in);
  if (fsync (self->fd) != 0)
    return fail (self, error);
  return TRUE;
}

/* The unnamed file takes the target's name, or a temporary one when
 * the target exists (link() never replaces a file). */
static gboolean
name_unnamed (LimberAtomicFile  *self,
              gboolean          *in_place,
              GError           **error)
{
  char proc[64];

  g_snprintf (proc, sizeof proc, "/proc/self/fd/%d", self->fd);
  *in_place = linkat (AT_FDCWD, proc, AT_FDCWD, self->path, AT_SYMLINK_FOLLOW) == 0;
  if (*in_place)
    return TRUE;
  if (errno != EEXIST)
    return copy_to_named (self, error);
  for (int tries = 0; tries < TEMP_TRIES; tries++)
    {
      self->temp = random_temp (self);
      if (linkat (AT_FDCWD, proc, AT_FDCWD, self->temp, AT_SYMLINK_FOLLOW) == 0)
        return TRUE;
      g_clear_pointer (&self->temp, g_free);
      if (errno != EEXIST)
        return copy_to_named (self, error);
    }
  return fail (self, error);
}

/**
 * limber_atomic_file_commit:
 *
 * Syncs what was written and puts it in the target's place.
 *
 * Returns: %TRUE if the target now holds it; on %FALSE it holds what it
 *   held before
 */
gboolean
limber_atomic_file_commit (LimberAtomicFile  *self,
                           GError           **error)
{
  gboolean in_place = FALSE;
  int folder_fd;

  g_return_val_if_fail (self->fd >= 0 && !self->committed, FALSE);

  if (fsync (self->fd) != 0)
    return fail (self, error);
  if (self->temp == NULL && !name_unnamed (self, &in_place, error))
    return FALSE;
  if (!in_place && rename (self->temp, self->path) != 0)
    return fail (self, error);
  g_clear_pointer (&self->temp, g_free);
  self->committed = TRUE;

  /* The new name itself survives a power cut only once the folder is
   * synced. */
  folder_fd = open (self->folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder_fd >= 0)
    {
      fsync (folder_fd);
      close (folder_fd);
    }
  return TRUE;
}

/**
 * limber_atomic_file_free:
 *
 * Closes the file; without a commit, the temporary file is removed and
 * the target stays as it was.
 */
void
limber_atomic_file_free (LimberAtomicFile *self)
{
  if (self == NULL)
    return;
  if (self->temp != NULL)
    g_unlink (self->temp);
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->path);
  g_free (self->folder);
  g_free (self->prefix);
  g_free (self->temp);
  g_free (self);
}

static gboolean
write_local (const char  *path,
             const char  *data,
             gsize        length,
             GError     **error)
{
  g_autoptr(LimberAtomicFile) out = limber_atomic_file_new (path, error);

  return out != NULL
         && limber_atomic_file_write (out, data, length, error)
         && limber_atomic_file_commit (out, error);
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
