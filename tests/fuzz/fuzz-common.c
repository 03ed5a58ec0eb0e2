/* fuzz-common.c — the set-up every fuzz target does once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "fuzz.h"
#include "limber-paths.h"
#include "limber-problem.h"
#include "limber-xml.h"

void
fuzz_init (void)
{
  /* The source tree's data (the bundled catalog), unless the caller
   * points somewhere else: the fuzzers are never installed. */
  g_setenv ("LIMBER_DATA_DIR", FUZZ_DATA_DIR, FALSE);
  /* Never the developer's own catalogs, drafts or settings. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  /* One locale whatever the machine's, so a crasher replays the same;
   * UTF-8 like the app's users. */
  setlocale (LC_ALL, "C.UTF-8");

  /* A failed g_return_if_fail() is a bug reached from a file: make it a
   * crash that libFuzzer reports and keeps, not a line in the log. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);

  limber_xml_init ();
}

GPtrArray *
fuzz_problems_new (void)
{
  return limber_problem_list_new ();
}

/* The bundled catalog, and the tests' minimal one that the programs of
 * tests/files use, read once: the catalog program items refer to. */
LimberCatalog *
fuzz_catalog_new (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GFile) bundled = limber_paths_bundled_catalog ();
  g_autofree char *path = g_build_filename (FUZZ_TEST_FILES_DIR, "catalog", "valid", "minimal.xml", NULL);
  g_autoptr(GFile) minimal = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (limber_catalog_add_folder (catalog, bundled) == 0)
    g_error ("No catalog in %s", g_file_peek_path (bundled));
  if (!limber_catalog_add_file (catalog, minimal, &error))
    g_error ("%s", error->message);
  return g_steal_pointer (&catalog);
}
