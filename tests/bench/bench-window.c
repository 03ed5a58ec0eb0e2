/* bench-window.c — one start of the app's window, timed
 *
 * Run by bench-catalog (which writes the big catalog and sets
 * XDG_DATA_HOME and XDG_CACHE_HOME for each start): starts the real
 * application, and prints on stdout when the window was first drawn and
 * when the full list was, as CLOCK_MONOTONIC microseconds, then the
 * number of stretches.  The caller takes the peak memory from wait4().
 * Exits 77 without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-window"

#include "config.h"

#include <adwaita.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "limber-application.h"
#include "limber-catalog-cache.h"
#include "limber-catalog.h"
#include "limber-paths.h"

static gint64 window_drawn;
static gint64 list_drawn;
static GtkWindow *window;

static void
on_list_painted (GdkFrameClock *clock,
                 gpointer       app)
{
  LimberCatalog *catalog = limber_application_get_catalog (app);

  if (list_drawn != 0)
    return;
  list_drawn = g_get_monotonic_time ();
  printf ("window %" G_GINT64_FORMAT "\nlist %" G_GINT64_FORMAT "\nitems %u\n", window_drawn, list_drawn,
          g_list_model_get_n_items (G_LIST_MODEL (catalog)));
  fflush (stdout);
}

static void
on_loading (LimberCatalog *catalog,
            GParamSpec    *pspec,
            gpointer       app)
{
  if (!limber_catalog_get_loading (catalog))
    g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                      G_CALLBACK (on_list_painted), app);
}

static void
on_window_painted (GdkFrameClock *clock,
                   gpointer       app)
{
  LimberCatalog *catalog = limber_application_get_catalog (app);

  if (window_drawn != 0)
    return;
  window_drawn = g_get_monotonic_time ();
  if (limber_catalog_get_loading (catalog))
    g_signal_connect (catalog, "notify::loading", G_CALLBACK (on_loading), app);
  else
    on_list_painted (clock, app);
}

static void
on_map (GtkWidget *widget,
        gpointer   app)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (on_window_painted), app);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *added)
{
  if (window == NULL)
    {
      window = added;
      g_signal_connect (added, "map", G_CALLBACK (on_map), app);
    }
}

/* With LIMBER_BENCH_TRACE=FILE: the process's memory every 20 ms, to
 * see where the peak is (a line: ms since the start, RSS, its anonymous
 * and file parts, malloc's arenas and mapped blocks, the bytes in use;
 * all in kB) and the moments the window and list were drawn. */
static long
status_kb (const char *status,
           const char *field)
{
  const char *line = strstr (status, field);

  return line != NULL ? strtol (line + strlen (field), NULL, 10) : -1;
}

static gpointer
trace_memory (gpointer path)
{
  FILE *out = fopen (path, "w");
  gint64 start = g_get_monotonic_time ();

  if (out == NULL)
    return NULL;
  for (;;)
    {
      g_autofree char *status = NULL;
      struct mallinfo2 mi = mallinfo2 ();

      g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
      fprintf (out, "%.0f rss %ld anon %ld file %ld heap %zu mmap %zu used %zu%s%s\n",
               (g_get_monotonic_time () - start) / 1000.0, status_kb (status, "VmRSS:"),
               status_kb (status, "RssAnon:"), status_kb (status, "RssFile:"),
               mi.arena / 1024, mi.hblkhd / 1024, mi.uordblks / 1024,
               window_drawn ? " window" : "", list_drawn ? " list" : "");
      fflush (out);
      g_usleep (20000);
    }
  return NULL;
}

/* Done once the list is drawn and (first start) the cache is written:
 * the writer runs after the list shows. */
static gboolean
check_done (gpointer app)
{
  static int cache_waits, settle;
  g_autoptr(GFile) cache = limber_paths_catalog_cache ();
  g_autoptr(GFile) user = limber_paths_user_catalog ();
  g_autoptr(GFile) big = g_file_get_child (user, "big.xml");
  g_autoptr(GFile) big_cache = limber_catalog_cache_file (cache, big);
  g_autoptr(GFileEnumerator) files = NULL;
  gboolean cached = FALSE;
  GFileInfo *info;

  if (list_drawn == 0)
    return G_SOURCE_CONTINUE;
  /* The big file's cache is the last written; written atomically, it is
   * whole once it is there. */
  if (g_file_query_exists (big, NULL))
    cached = g_file_query_exists (big_cache, NULL);
  else
    {
      files = g_file_enumerate_children (cache, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
      while (files != NULL && (info = g_file_enumerator_next_file (files, NULL, NULL)) != NULL)
        {
          cached |= g_str_has_suffix (g_file_info_get_name (info), ".cache");
          g_object_unref (info);
        }
    }
  if (!cached && cache_waits++ < 600)
    return G_SOURCE_CONTINUE;
  /* A second with the list drawn, as a user would look at it. */
  if (settle++ < 10)
    return G_SOURCE_CONTINUE;
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberApplication) app = NULL;
  char *args[] = { argv[0], NULL };

  /* As limber's main() does. */
  mallopt (M_MXFAST, 0);
  if (!gtk_init_check ())
    {
      g_printerr ("No display: run under xvfb-run\n");
      return 77;
    }
  if (g_getenv ("LIMBER_BENCH_TRACE") != NULL)
    g_thread_unref (g_thread_new ("trace", trace_memory, (gpointer) g_getenv ("LIMBER_BENCH_TRACE")));
  app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  g_timeout_add (100, check_done, app);
  return g_application_run (G_APPLICATION (app), 1, args);
}
