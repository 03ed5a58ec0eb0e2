/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fault-no-link.c — a save where the file system refuses links
 *
 * limber-atomic.c writes an unnamed file (O_TMPFILE) and links it in.
 * Some file systems (FUSE ones) take O_TMPFILE but refuse the link;
 * then the writer copies the file to a named temporary one.  To make
 * that happen here, a child process installs a seccomp filter that
 * fails linkat() with EPERM, as such a file system would, and saves.
 */
#include "config.h"

#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fault-no-link.h"

/* In the child: linkat() fails with EPERM from here on. */
static gboolean
refuse_links (void)
{
  struct sock_filter filter[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, nr)),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, __NR_linkat, 0, 1),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA)),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog program = { G_N_ELEMENTS (filter), filter };

  return prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0
         && prctl (PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) == 0;
}

/**
 * save_with_links_refused:
 *
 * Saves the new version of @p in a child process whose linkat() fails.
 *
 * Returns: '+' if the child saved, 'E' if its save failed (@error says
 *   why), 'S' if it could not refuse links (no seccomp here)
 */
char
save_with_links_refused (Place   *p,
                         GError **error)
{
  char result = 0;
  char message[512] = "";
  int fds[2];
  int status;
  pid_t pid;
  ssize_t n;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) local = NULL;
      char c;

      close (fds[0]);
      if (!refuse_links ())
        c = 'S';
      else
        c = writer_write (p, NEW, &local) ? '+' : 'E';
      if (write (fds[1], &c, 1) != 1
          || (local != NULL && write (fds[1], local->message, MIN (strlen (local->message), sizeof message - 1)) < 0))
        _exit (1);
      _exit (0);
    }
  close (fds[1]);
  if (read (fds[0], &result, 1) != 1)
    result = 'E';
  n = read (fds[0], message, sizeof message - 1);
  message[MAX (n, 0)] = '\0';
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (result == 'E')
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", *message ? message : "the child died");
  return result;
}
