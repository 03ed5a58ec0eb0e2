/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fault-tmpfs.h — a real full disk for test-faults
 *
 * A small tmpfs mounted over a writer's folder, in a mount namespace of
 * the test's own (so nothing outside the test process sees it), and
 * filled so that exactly so many bytes are left: write() then fails
 * with ENOSPC, as on a full disk, wherever the writer is in its file.
 * Needs CAP_SYS_ADMIN (root, as in CI); without it the fault is skipped.
 */
#pragma once

#include <glib.h>

/* Call first thing in main(), before any thread is started: a process
 * with threads cannot have a mount namespace of its own. */
void      tmpfs_init      (void);
/* Why mounting is not possible here, or NULL if it is. */
const char *tmpfs_unavailable (void);
gboolean  tmpfs_mount     (const char  *folder,
                           GError     **error);
void      tmpfs_unmount   (const char  *folder);
/* Fills the tmpfs at @folder with FILLER_NAME, leaving @bytes free
 * (rounded down to whole pages); what is free after. */
guint64   tmpfs_leave     (const char  *folder,
                           guint64      bytes);
guint64   tmpfs_free      (const char  *folder);

#define TMPFS_FILLER_NAME  "filler.bin"
#define TMPFS_PAGE         4096
