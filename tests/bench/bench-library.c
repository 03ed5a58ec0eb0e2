/* bench-library.c — a program library of hundreds of files
 *
 * Writes 500 programs of 20 patients (the bundled sample, 22 KB each,
 * as a clinic's year would hold), then measures: reading the library
 * (in its worker thread) while the main loop runs a 1 ms tick, so that
 * the longest the main thread went without a tick says whether the
 * window would stay responsive; and search keystrokes over it.  Run:
 *   meson test -C _build --benchmark --verbose library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-library"

#include "config.h"

#include <stdio.h>

#include "limber-library.h"
#include "limber-test-library.h"
#include "limber-test-utils.h"

#define N_PROGRAMS 500
#define RUNS       3

typedef struct { gint64 last; gint64 longest; } Ticks;

static gboolean
tick (gpointer data)
{
  Ticks *t = data;
  gint64 now = g_get_monotonic_time ();

  t->longest = MAX (t->longest, now - t->last);
  t->last = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
is_loaded (gpointer data)
{
  return !limber_library_get_loading (data);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  static const char *const typed[] = { "s", "sa", "sam", "sam ", "sam r", "sam ri", "sam riv", "",
                                       "w", "we", "wee", "week", "week ", "week 1", "week 12", "",
                                       "m", "mr", "mrn", "mrn-", "mrn-1", "mrn-10", "mrn-103", "mrn-1037" };
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = g_dir_make_tmp ("limber-bench-library-XXXXXX", NULL);

  folder = g_file_new_for_path (path);
  limber_test_library_write (folder, N_PROGRAMS, TRUE);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(LimberLibrary) library = limber_library_new ();
      Ticks ticks = { g_get_monotonic_time (), 0 };
      guint source = g_timeout_add (1, tick, &ticks);
      gint64 start = g_get_monotonic_time ();
      double seconds;

      limber_library_set_folder (library, folder);
      /* Blocking iterations: the main loop sleeps between ticks, as the
       * window's would, and leaves the cores to the worker. */
      while (!is_loaded (library))
        g_main_context_iteration (NULL, TRUE);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_source_remove (source);
      printf ("read %u programs (%u patients, %u problems): %.3f s; main thread's longest wait %.1f ms\n",
              limber_library_get_n_programs (library),
              g_list_model_get_n_items (G_LIST_MODEL (library)),
              limber_library_get_problems (library)->len, seconds, ticks.longest / 1000.0);

      for (guint i = 0; run == RUNS - 1 && i < G_N_ELEMENTS (typed); i++)
        {
          gint64 t0 = g_get_monotonic_time ();
          double ms;

          limber_library_set_query (library, typed[i]);
          ms = (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (keys, ms);
        }
    }
  g_array_sort (keys, compare_doubles);
  printf ("search keystroke over %u programs (%u typed): median %.3f ms, max %.3f ms\n", N_PROGRAMS,
          keys->len, g_array_index (keys, double, keys->len / 2), g_array_index (keys, double, keys->len - 1));
  limber_test_delete_tree (folder);
  return 0;
}
