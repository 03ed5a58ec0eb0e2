/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fault-tmpfs.c — a real full disk for test-faults
 *
 * The file size limit of test-faults makes write() fail with EFBIG in
 * one process; a full file system fails every write with ENOSPC, also
 * the creation of a temporary file, the copy, the .bak and the
 * companion.  Both are run.
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "fault-tmpfs.h"

/* Room for the old and the new file several times over: the filler
 * takes what a test does not want free. */
#define TMPFS_SIZE  "16m"

static char *unavailable;

void
tmpfs_init (void)
{
  if (unshare (CLONE_NEWNS) != 0)
    {
      unavailable = g_strdup_printf ("no mount namespace: %s", g_strerror (errno));
      return;
    }
  /* Mounts made from here on stay in this process and its children,
   * even where / is a shared mount (systemd makes it one). */
  /* (source and type are ignored here; valgrind wants them readable) */
  if (mount ("none", "/", "none", MS_REC | MS_PRIVATE, NULL) != 0)
    unavailable = g_strdup_printf ("cannot make / private: %s", g_strerror (errno));
}

const char *
tmpfs_unavailable (void)
{
  return unavailable;
}

gboolean
tmpfs_mount (const char  *folder,
             GError     **error)
{
  int saved;

  if (g_mkdir_with_parents (folder, 0755) == 0
      && mount ("limber-test", folder, "tmpfs", MS_NOSUID | MS_NODEV, "size=" TMPFS_SIZE ",mode=0755") == 0)
    return TRUE;
  saved = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "cannot mount a tmpfs on %s: %s", folder,
               g_strerror (saved));
  return FALSE;
}

void
tmpfs_unmount (const char *folder)
{
  if (umount2 (folder, MNT_DETACH) != 0)
    g_error ("cannot unmount %s: %s", folder, g_strerror (errno));
}

guint64
tmpfs_free (const char *folder)
{
  struct statvfs st;

  g_assert_cmpint (statvfs (folder, &st), ==, 0);
  return (guint64) st.f_bavail * st.f_frsize;
}

guint64
tmpfs_leave (const char *folder,
             guint64     bytes)
{
  g_autofree char *filler = g_build_filename (folder, TMPFS_FILLER_NAME, NULL);
  guint64 take;
  int fd;

  g_unlink (filler);
  take = tmpfs_free (folder);
  g_assert_cmpuint (take, >=, bytes);
  take -= bytes;
  fd = open (filler, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  g_assert_cmpint (fd, >=, 0);
  /* Real pages, not a hole: tmpfs counts only what is allocated. */
  if (take > 0)
    g_assert_cmpint (posix_fallocate (fd, 0, (off_t) take), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
  return tmpfs_free (folder);
}
