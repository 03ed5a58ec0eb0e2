/* fuzz-catalog.c — a catalog file, as limber_catalog_add_file() reads it
 *
 * Catalogs are read from files with libxml2's streaming reader (they can
 * be big), so the bytes are written to a file of a private temporary
 * folder and read from there: the same path as a catalog dropped in the
 * user's folder, images next to it included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "limber-catalog.h"

static char *tmp_dir;
static char *tmp_path;
static GFile *tmp_file;

static void
remove_tmp (void)
{
  g_unlink (tmp_path);
  g_rmdir (tmp_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  fuzz_init ();
  tmp_dir = g_dir_make_tmp ("limber-fuzz-catalog-XXXXXX", &error);
  if (tmp_dir == NULL)
    g_error ("%s", error->message);
  tmp_path = g_build_filename (tmp_dir, "catalog.xml", NULL);
  tmp_file = g_file_new_for_path (tmp_path);
  atexit (remove_tmp);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GError) error = NULL;
  FILE *out = fopen (tmp_path, "wb");

  if (out == NULL || (size > 0 && fwrite (data, 1, size, out) != size) || fclose (out) != 0)
    g_error ("Cannot write %s", tmp_path);

  if (limber_catalog_add_file (catalog, tmp_file, &error))
    {
      /* What the catalog pane does next: the search index over every
       * exercise read. */
      g_autoptr(LimberQuery) query = limber_query_new ();
      g_autoptr(LimberSearchResults) results = limber_search_results_new ();
      LimberSearchIndex *index = limber_catalog_get_search_index (catalog);

      limber_query_set_text (query, "stretch");
      limber_search_index_run (index, query, results);
    }
  else
    g_assert (error != NULL);
  return 0;
}
