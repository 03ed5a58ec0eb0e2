/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-test-utils.c — helpers the tests share, GLib only */
/* setresuid() */
#define _GNU_SOURCE
#include "config.h"

#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "limber-test-utils.h"

/* Runs the main loop for @ms milliseconds, whatever happens. */
void
limber_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until @done says so, or 5 s pass; returns what
 * @done says then. */
gboolean
limber_test_wait_for (LimberTestDoneFunc done,
                      gpointer           data)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return done (data);
}

/* Deletes @file and, if it is a folder, all that is in it.  Errors are
 * ignored: this cleans up after a test. */
void
limber_test_delete_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  /* A link is removed, never followed: it may point at a real folder. */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_file_delete (file, NULL, NULL);
      return;
    }
  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  while (children != NULL
         && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autoptr(GFile) child =
        g_file_get_child (file, g_file_info_get_name (info));

      limber_test_delete_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

/**
 * limber_test_obey_permissions_everywhere:
 * @obey: %TRUE to make every thread obey file permissions, %FALSE to go
 *   back
 *
 * As limber_test_obey_permissions(), for work done in worker threads
 * too (capabilities are per thread, and a thread pool's threads do not
 * take the caller's): as root, the effective user becomes "nobody"
 * (glibc changes it in every thread) and root stays the saved one, so
 * that @obey %FALSE can come back.
 *
 * Returns: %TRUE if permissions are now obeyed (@obey) or root is back
 */
gboolean
limber_test_obey_permissions_everywhere (gboolean obey)
{
  const uid_t nobody = 65534;

  if (obey)
    return getuid () == 0 && setresuid ((uid_t) -1, nobody, 0) == 0 && geteuid () == nobody;
  return setresuid ((uid_t) -1, 0, (uid_t) -1) == 0 && geteuid () == 0;
}

/**
 * limber_test_obey_permissions:
 * @obey: %TRUE to make this thread obey file permissions, %FALSE to go
 *   back to what it could do before
 *
 * Root (as in CI) reads and writes whatever the permissions say, so a
 * read-only folder tests nothing.  This drops the two capabilities
 * behind that (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) from the calling
 * thread's effective set, keeping them permitted so that @obey %FALSE
 * can raise them again; processes forked meanwhile inherit the lower
 * set.  Without them, root is one more user to the permission checks.
 *
 * Returns: %TRUE if permissions are now obeyed (@obey) or the
 *   capabilities are back (not @obey)
 */
gboolean
limber_test_obey_permissions (gboolean obey)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];
  const guint32 dac = (1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH);

  if (syscall (SYS_capget, &header, data) != 0)
    return FALSE;
  if (obey)
    data[0].effective &= ~dac;
  else
    data[0].effective |= data[0].permitted & dac;
  if (syscall (SYS_capset, &header, data) != 0)
    return FALSE;
  return obey ? (data[0].effective & dac) == 0 : TRUE;
}
