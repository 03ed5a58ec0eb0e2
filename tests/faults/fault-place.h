/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fault-place.h — where a writer of test-faults writes
 *
 * A Place is one test's folder: the file a writer writes, its
 * companion, the old and the new version as written; place_setup()
 * fills it.  Around it: the save itself, a listing of a folder to
 * compare before and after, the temporary files a save may leave, and
 * reading a file back.
 */
#pragma once

#include "fault-fixtures.h"

/* The folder of the whole test, made by main(). */
extern char *tmpdir;

typedef struct
{
  Writer   writer;
  Fault    fault;
  char    *base;        /* this test's own folder */
  char    *folder;      /* the folder the writer writes in */
  char    *target;      /* the file it writes */
  char    *companion;   /* written with it (a draft's .ini), or NULL */
  char    *elsewhere;   /* where a symlink points */
  GBytes  *ref[N_VERSIONS];  /* the old and the new file, as written */
  GBytes  *companion_old;
  GHashTable *verdicts;      /* checksums of contents that loaded, or NULL */
} Place;

void      place_init    (Place       *p,
                         Writer       writer,
                         Fault        fault);
void      place_clear   (Place       *p);
void      place_setup   (Place       *p);
gboolean  writer_write  (Place       *p,
                         Version      version,
                         GError     **error);
gboolean  is_temp_name  (const Place *p,
                         const char  *name);
char     *listing       (const char  *folder,
                         const Place *p);
void      collect_temps (const Place *p,
                         GHashTable  *seen);
guint     count_temps   (const Place *p);
GBytes   *read_bytes    (const char  *path);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Place, place_clear)
