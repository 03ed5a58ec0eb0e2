/* bench-catalog.c — load, validate and search a big catalog
 *
 * Writes N realistic exercises (the bundled ones, cycled, names varied),
 * then times loading them, xmllint on the same files, and one search
 * pass over every exercise per keystroke, counting the mallocs the
 * keystrokes make.  Run: meson test -C _build --benchmark --verbose catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-catalog"

#include "config.h"

#include <errno.h>
#include <execinfo.h>
#include <glib/gstdio.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "limber-catalog-cache.h"
#include "limber-catalog.h"
#include "limber-search.h"
#include "limber-xml.h"

/* ---- Counting mallocs: a glibc program may replace malloc & co. ---- */

extern void *__libc_malloc (size_t size);
extern void *__libc_calloc (size_t n, size_t size);
extern void *__libc_realloc (void *ptr, size_t size);
extern void *__libc_memalign (size_t align, size_t size);

static volatile gboolean counting;
static guint64 n_allocs;
static void *first_trace[24];
static int first_trace_len;

static void
count_alloc (void)
{
  if (counting && __atomic_fetch_add (&n_allocs, 1, __ATOMIC_RELAXED) == 0)
    {
      counting = FALSE;   /* backtrace() allocates the first time */
      first_trace_len = backtrace (first_trace, G_N_ELEMENTS (first_trace));
      counting = TRUE;
    }
}

void *malloc (size_t size) { count_alloc (); return __libc_malloc (size); }
void *calloc (size_t n, size_t size) { count_alloc (); return __libc_calloc (n, size); }
void *realloc (void *ptr, size_t size) { count_alloc (); return __libc_realloc (ptr, size); }
void *memalign (size_t align, size_t size) { count_alloc (); return __libc_memalign (align, size); }
void *aligned_alloc (size_t align, size_t size) { count_alloc (); return __libc_memalign (align, size); }

int
posix_memalign (void   **out,
                size_t   align,
                size_t   size)
{
  count_alloc ();
  *out = __libc_memalign (align, size);
  return *out != NULL || size == 0 ? 0 : ENOMEM;
}

/* ---- Writing the catalog ---- */

static const char *variations[][2] = {
  { "gentle", "suave" }, { "deep", "profunda" }, { "slow", "lenta" },
  { "assisted", "asistida" }, { "progressed", "avanzada" },
  { "morning", "de mañana" }, { "evening", "de tarde" },
  { "short hold", "pausa corta" }, { "long hold", "pausa larga" },
  { "warm-up", "calentamiento" }, { "recovery", "recuperación" },
};

static const char header[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<limber-catalog version=\"1\" xml:lang=\"en\">\n"
                             "  <title>Benchmark catalog</title>\n"
                             "  <title xml:lang=\"es\">Catálogo de prueba</title>\n";
static const char footer[] = "</limber-catalog>\n";

static int n_languages = 4;

static void
put_element (GString    *out,
             const char *element,
             const char *attrs,
             const char *lang,
             const char *text)
{
  g_autofree char *escaped = NULL;

  /* --languages 2: English and Spanish only, as the catalog was before
   * its German and French (the bundled one has them now). */
  if (n_languages < 4 && lang != NULL && g_strcmp0 (lang, "en") != 0 && g_strcmp0 (lang, "es") != 0)
    return;
  escaped = g_markup_escape_text (text, -1);
  g_string_append_printf (out, "    <%s%s", element, attrs);
  if (lang != NULL && g_strcmp0 (lang, "en") != 0)
    g_string_append_printf (out, " xml:lang=\"%s\"", lang);
  g_string_append_printf (out, ">%s</%s>\n", escaped, element);
}

/* Tomorrow's catalog has German and French beside the Spanish: a text
 * without them gets copies of its Spanish (--languages 4, the default;
 * --languages 2 leaves out every language but English and Spanish),
 * their ASCII letters shifted (by 7 for de, 13 for fr) so that they are
 * words of their own, as a translation's are: the same length and
 * letter statistics, but nothing a compressor or the search dictionary
 * could share with the Spanish. */
static const char *copied_langs[] = { "de", "fr" };

static void
put_copies (GString          *out,
            const char       *element,
            const char       *attrs,
            const LimberText *have,
            const char       *lang,
            const char       *text)
{
  if (n_languages < 4 || g_strcmp0 (lang, "es") != 0)
    return;
  for (guint c = 0; c < G_N_ELEMENTS (copied_langs); c++)
    if (limber_text_get_exact (have, copied_langs[c]) == NULL)
      {
        g_autofree char *shifted = g_strdup (text);

        for (char *p = shifted; *p; p++)
          if (g_ascii_islower (*p))
            *p = 'a' + (*p - 'a' + 7 + 6 * c) % 26;
          else if (g_ascii_isupper (*p))
            *p = 'A' + (*p - 'A' + 7 + 6 * c) % 26;
        put_element (out, element, attrs, copied_langs[c], shifted);
      }
}

static void
put_text (GString            *out,
          const char         *element,
          const char         *attrs,
          LimberExercise     *ex,
          LimberExerciseText  which)
{
  const LimberText *text = limber_exercise_peek_text (ex, which);

  for (guint i = 0; i < limber_text_get_n (text); i++)
    {
      put_element (out, element, attrs, limber_text_nth_lang (text, i), limber_text_nth_text (text, i));
      put_copies (out, element, attrs, text, limber_text_nth_lang (text, i), limber_text_nth_text (text, i));
    }
}

/* Steps and cautions are read per language: in the name's languages. */
static void
put_list (GString        *out,
          const char     *element,
          LimberExercise *ex,
          guint           n,
          const char   *(*get) (LimberExercise *, guint, const char *))
{
  const LimberText *names = limber_exercise_peek_text (ex, LIMBER_EXERCISE_NAME);

  for (guint k = 0; k < n; k++)
    for (guint i = 0; i < limber_text_get_n (names); i++)
      {
        const char *lang = limber_text_nth_lang (names, i);

        put_element (out, element, "", lang, get (ex, k, lang));
        put_copies (out, element, "", names, lang, get (ex, k, lang));
      }
}

static void
put_exercise (GString        *out,
              LimberExercise *ex,
              guint           round)
{
  const LimberText *names = limber_exercise_peek_text (ex, LIMBER_EXERCISE_NAME);
  const LimberDosage *dosage = limber_exercise_get_dosage (ex);
  const char * const *tissues = limber_exercise_get_tissues (ex);
  const char **word = variations[round % G_N_ELEMENTS (variations)];

  g_string_append_printf (out, "  <exercise id=\"%s-v%u\">\n", limber_exercise_get_id (ex), round);
  for (guint i = 0; i < limber_text_get_n (names); i++)
    {
      const char *lang = limber_text_nth_lang (names, i);
      g_autofree char *name = g_strdup_printf ("%s — %s %u", limber_text_nth_text (names, i),
                                               word[g_str_has_prefix (lang, "es")], round);
      put_element (out, "name", "", lang, name);
      put_copies (out, "name", "", names, lang, name);
    }
  /* In the order the schema gives: region, tissue, position, equipment. */
  for (LimberVocabulary kind = 0; kind < LIMBER_VOCABULARY_N_KINDS; kind++)
    {
      for (guint i = 0; i < limber_vocabulary_count (kind); i++)
        if (limber_exercise_get_words (ex, kind) & (G_GUINT64_CONSTANT (1) << i))
          put_element (out, limber_vocabulary_name (kind), "", NULL, limber_vocabulary_word (kind, i));
      for (guint i = 0; kind == LIMBER_VOCABULARY_REGION && tissues[i] != NULL; i++)
        put_element (out, "tissue", "", NULL, tissues[i]);
    }
  put_text (out, "summary", "", ex, LIMBER_EXERCISE_SUMMARY);
  put_text (out, "shorten", "", ex, LIMBER_EXERCISE_SHORTEN);
  put_text (out, "lengthen", "", ex, LIMBER_EXERCISE_LENGTHEN);
  put_text (out, "pressure", " by=\"self\"", ex, LIMBER_EXERCISE_PRESSURE_SELF);
  put_text (out, "pressure", " by=\"therapist\"", ex, LIMBER_EXERCISE_PRESSURE_THERAPIST);
  put_list (out, "step", ex, limber_exercise_get_n_steps (ex), limber_exercise_get_step);
  put_list (out, "caution", ex, limber_exercise_get_n_cautions (ex), limber_exercise_get_caution);
  if (dosage->set != 0 || dosage->side != LIMBER_SIDE_UNSET)
    {
      g_string_append (out, "    <dosage");
      for (LimberDosageField f = 0; f < LIMBER_DOSAGE_N_FIELDS; f++)
        if (limber_dosage_is_set (dosage, f))
          g_string_append_printf (out, " %s=\"%d\"", limber_dosage_field_attribute (f),
                                  limber_dosage_get (dosage, f));
      if (dosage->side != LIMBER_SIDE_UNSET)
        g_string_append_printf (out, " side=\"%s\"", limber_side_to_string (dosage->side));
      g_string_append (out, "/>\n");
    }
  if (limber_exercise_get_figure_xml (ex) != NULL)
    g_string_append_printf (out, "    %s\n", limber_exercise_get_figure_xml (ex));
  /* No <image>: it would need the picture file beside the catalog. */
  g_string_append (out, "  </exercise>\n");
}

static FILE *
open_part (GPtrArray  *paths,
           const char *base)
{
  g_autofree char *stem = g_strndup (base, strlen (base) - (g_str_has_suffix (base, ".xml") ? 4 : 0));
  char *path = paths->len == 0 ? g_strdup (base) : g_strdup_printf ("%s-%u.xml", stem, paths->len + 1);
  FILE *f = fopen (path, "w");

  if (f == NULL || fputs (header, f) < 0)
    g_error ("Cannot write %s: %s", path, g_strerror (errno));
  g_ptr_array_add (paths, path);
  return f;
}

static void
close_part (FILE *f)
{
  if (fputs (footer, f) < 0 || fclose (f) != 0)
    g_error ("Cannot write the catalog: %s", g_strerror (errno));
}

/* Streams the catalog (the writer's memory must not count in the peak
 * RSS), in as many files as it takes to keep each within the size Limber
 * accepts; one catalog then loads them all, as from a clinic folder.
 * Returns the total size. */
static gsize
write_catalog (const char *base,
               GListModel *source,
               guint       n_exercises,
               GPtrArray  *paths)
{
  g_autoptr(GString) out = g_string_sized_new (8192);
  guint n_source = g_list_model_get_n_items (source);
  gsize part_size = strlen (header), size = 0;
  FILE *f = open_part (paths, base);

  for (guint i = 0; i < n_exercises; i++)
    {
      g_autoptr(LimberExercise) ex = g_list_model_get_item (source, i % n_source);

      g_string_truncate (out, 0);
      put_exercise (out, ex, i / n_source + 1);
      if (part_size + out->len + strlen (footer) > LIMBER_XML_MAX_STREAMED_BYTES)
        {
          close_part (f);
          size += part_size + strlen (footer);
          f = open_part (paths, base);
          part_size = strlen (header);
        }
      if (fwrite (out->str, 1, out->len, f) != out->len)
        g_error ("Cannot write the catalog: %s", g_strerror (errno));
      part_size += out->len;
    }
  close_part (f);
  return size + part_size + strlen (footer);
}

/* ---- Measuring ---- */

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static long
rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return strtol (line + strlen ("VmRSS:"), NULL, 10) / 1024;
}

static long
peak_rss_mb (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_maxrss / 1024;
}

/* Best of 3, each run loading every part into a new catalog, which is
 * kept in @catalog.  Returns -1 if a part does not load. */
static double
time_load (GPtrArray      *paths,
           LimberCatalog **catalog,
           long           *rss_loaded,
           long           *peak_loaded)
{
  double best = G_MAXDOUBLE;

  for (int run = 0; run < 3; run++)
    {
      g_autoptr(LimberCatalog) fresh = NULL;
      gint64 start;

      /* As the app does on a reload: the old catalog goes first. */
      g_clear_object (catalog);
      fresh = limber_catalog_new ();
      start = g_get_monotonic_time ();

      for (guint i = 0; i < paths->len; i++)
        {
          g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));
          g_autoptr(GError) error = NULL;

          if (!limber_catalog_add_file (fresh, file, &error))
            {
              g_printerr ("Loading the generated catalog failed: %s\n", error->message);
              return -1;
            }
        }
      /* As the app does once its catalogs are read. */
      malloc_trim (0);
      best = MIN (best, ms_since (start));
      if (run == 0)
        {
          *rss_loaded = rss_mb ();
          *peak_loaded = peak_rss_mb (RUSAGE_SELF);
        }
      g_set_object (catalog, fresh);
    }
  return best;
}

/* Best of 3 runs over every part; -1 if there is no xmllint. */
static double
time_xmllint (const char *schema,
              GPtrArray  *paths)
{
  double best = G_MAXDOUBLE;

  for (int run = 0; run < 3; run++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < paths->len; i++)
        {
          const char *argv[] = { "xmllint", "--noout", "--relaxng", schema, g_ptr_array_index (paths, i), NULL };
          g_autofree char *err = NULL;
          int status;

          if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                             NULL, NULL, NULL, &err, &status, NULL))
            return -1;
          if (!g_spawn_check_wait_status (status, NULL))
            g_error ("xmllint finds the generated catalog invalid:\n%s", err);
        }
      best = MIN (best, ms_since (start));
    }
  return best;
}


/* ---- Other processes: limber --validate, xmllint, the window ---- */

typedef struct
{
  double  ms;        /* wall, from before the spawn to the exit */
  long    peak_mb;   /* the child's own peak RSS */
  gint64  start;     /* g_get_monotonic_time() before the spawn */
  char   *out;       /* its stdout */
  int     status;
} Child;

static void
child_clear (Child *c)
{
  g_clear_pointer (&c->out, g_free);
}

/* Runs @argv with @envp (NULL: ours) to its end. */
static gboolean
run_child (const char * const *argv,
           char              **envp,
           Child              *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  struct rusage usage;
  GPid pid;
  int fd;
  char buf[4096];
  gssize n;

  c->start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, envp,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &pid, NULL, &fd, NULL, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return FALSE;
    }
  while ((n = read (fd, buf, sizeof buf)) > 0)
    g_string_append_len (out, buf, n);
  close (fd);
  if (wait4 (pid, &c->status, 0, &usage) < 0)
    return FALSE;
  c->ms = ms_since (c->start);
  c->peak_mb = usage.ru_maxrss / 1024;
  c->out = g_string_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}

/* Best wall time of @runs runs of @argv; the peak of the last. */
static double
best_of (const char * const *argv,
         int                 runs,
         long               *peak_mb)
{
  double best = -1;

  for (int run = 0; run < runs; run++)
    {
      Child c = { 0 };

      if (!run_child (argv, NULL, &c))
        return -1;
      if (best < 0 || c.ms < best)
        best = c.ms;
      *peak_mb = c.peak_mb;
      child_clear (&c);
    }
  return best;
}

static gint64
field (const char *out,
       const char *name)
{
  g_autofree char *key = g_strdup_printf ("%s ", name);
  const char *at = out ? strstr (out, key) : NULL;

  return at ? g_ascii_strtoll (at + strlen (key), NULL, 10) : -1;
}

typedef struct
{
  double window_ms;   /* first drawn, from the spawn */
  double list_ms;     /* full list drawn */
  long   items;
  long   peak_mb;
} WindowRun;

/* One start of the window with @data_home and @cache_home.  FALSE when
 * there is no display. */
static gboolean
run_window (const char *exe,
            const char *data_home,
            const char *cache_home,
            WindowRun  *run)
{
  const char *argv[] = { exe, NULL };
  g_auto(GStrv) env = g_get_environ ();
  Child c = { 0 };

  env = g_environ_setenv (env, "XDG_DATA_HOME", data_home, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", cache_home, TRUE);
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", FALSE);
  env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);
  if (!run_child (argv, env, &c) || !WIFEXITED (c.status) || WEXITSTATUS (c.status) != 0)
    {
      child_clear (&c);
      return FALSE;
    }
  run->window_ms = (field (c.out, "window") - c.start) / 1000.0;
  run->list_ms = (field (c.out, "list") - c.start) / 1000.0;
  run->items = field (c.out, "items");
  run->peak_mb = c.peak_mb;
  child_clear (&c);
  return TRUE;
}

static char *
make_dir (const char *tmpdir,
          const char *name)
{
  char *path = g_build_filename (tmpdir, name, NULL);

  g_mkdir_with_parents (path, 0755);
  return path;
}

/* The window with the bundled catalog only, then cold (no cache) and
 * warm with @catalog_path in the user's catalog folder. */
static void
bench_window (const char *exe,
              const char *tmpdir,
              const char *catalog_path,
              int         n_exercises)
{
  g_autofree char *empty = make_dir (tmpdir, "data-bundled");
  g_autofree char *folder = make_dir (tmpdir, "data-big/limber/catalog");
  g_autofree char *data = g_build_filename (tmpdir, "data-big", NULL);
  g_autofree char *linked = g_build_filename (folder, "big.xml", NULL);
  g_autofree char *rm = NULL;
  WindowRun bundled = { 0 }, cold = { 0 }, warm = { 0 }, run;
  guint hits_before = limber_catalog_cache_get_hits ();

  if (link (catalog_path, linked) != 0)
    g_error ("Cannot link the catalog into %s", folder);
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *cache = make_dir (tmpdir, "cache-bundled");

      if (!run_window (exe, empty, cache, &run))
        {
          g_print ("  window: not measured (no display: run under xvfb-run)\n");
          g_unlink (linked);
          return;
        }
      if (i == 1)
        bundled = run;
    }
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("cache-cold-%d", i);
      g_autofree char *cache = make_dir (tmpdir, name);

      if (run_window (exe, data, cache, &run) && (i == 0 || run.list_ms < cold.list_ms))
        cold = run;
    }
  for (int i = 0; i < 3; i++)
    {
      /* The cache the first cold start wrote. */
      g_autofree char *cache = g_build_filename (tmpdir, "cache-cold-0", NULL);

      if (run_window (exe, data, cache, &run) && (i == 0 || run.list_ms < warm.list_ms))
        warm = run;
    }
  g_print ("  window, bundled catalog only: drawn %.0f ms, list %.0f ms after the start (%ld stretches), peak RSS %ld MB\n",
           bundled.window_ms, bundled.list_ms, bundled.items, bundled.peak_mb);
  g_print ("  window, %d more in the user's folder, cold (no cache): drawn %.0f ms (target <= 300), "
           "full list %.0f ms (%ld stretches), peak RSS %ld MB (+%ld MB; target <= +100)\n",
           n_exercises, cold.window_ms, cold.list_ms, cold.items, cold.peak_mb, cold.peak_mb - bundled.peak_mb);
  g_print ("  window, warm (cache): drawn %.0f ms, full list %.0f ms (target <= 500; %ld stretches), "
           "peak RSS %ld MB (+%ld MB; target <= +100)\n",
           warm.window_ms, warm.list_ms, warm.items, warm.peak_mb, warm.peak_mb - bundled.peak_mb);
  (void) hits_before;
  g_unlink (linked);
  rm = g_strdup_printf ("rm -rf '%s'/data-* '%s'/cache-*", tmpdir, tmpdir);
  if (system (rm) != 0)
    g_printerr ("Could not remove the window runs' folders\n");
}

/* limber --validate on the one big file, against xmllint on it and a
 * bare streaming parse (the floor). */
static void
bench_validate (const char *limber,
                const char *schema,
                const char *path,
                double      lint_ms)
{
  const char *validate[] = { limber, "--validate", path, NULL };
  const char *lint[] = { "xmllint", "--noout", "--relaxng", schema, path, NULL };
  const char *stream[] = { "xmllint", "--stream", "--noout", path, NULL };
  long peak = -1, lint_peak = -1, stream_peak = -1;
  double ms = best_of (validate, 3, &peak);
  double stream_ms = best_of (stream, 3, &stream_peak);

  if (lint_ms >= 0)
    best_of (lint, 1, &lint_peak);
  g_print ("  limber --validate, the one file (best of 3): %.0f ms, peak RSS %ld MB (target <= 150 MB)\n", ms, peak);
  if (lint_ms >= 0)
    g_print ("    vs xmllint --relaxng: ratio %.2f (target <= 1; xmllint's peak %ld MB); "
             "bare streaming parse (xmllint --stream): %.0f ms, %.1f x that\n",
             ms / lint_ms, lint_peak, stream_ms, ms / stream_ms);
}

static volatile guint sink;

/* This thread's CPU time in ms: what a keystroke costs even when other
 * work on the machine delays it (the wall time says that). */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static GArray *cpu_times;

/* Types @text a character at a time; each keystroke refolds the query
 * and ranks the whole catalog's search index for it (matches, typos,
 * synonyms, scores, the sort), as the catalog pane does. */
static void
type_query (LimberQuery         *query,
            LimberSearchIndex   *index,
            LimberSearchResults *results,
            const char          *text,
            GArray              *times)
{
  for (const char *end = text; *end; )
    {
      char prefix[128];
      guint matches = 0;
      double elapsed, cpu_start, cpu;
      gint64 start;

      end = g_utf8_next_char (end);
      g_strlcpy (prefix, text, MIN ((gsize) (end - text) + 1, sizeof prefix));

      cpu_start = cpu_ms ();
      start = g_get_monotonic_time ();
      counting = TRUE;
      limber_query_set_text (query, prefix);
      matches = limber_search_index_run (index, query, results);
      counting = FALSE;
      elapsed = ms_since (start);
      cpu = cpu_ms () - cpu_start;
      g_array_append_val (times, elapsed);
      g_array_append_val (cpu_times, cpu);
      if (g_getenv ("LIMBER_BENCH_VERBOSE") != NULL)
        g_printerr ("  %-20s %6.2f ms  %u matches\n", prefix, elapsed, matches);
      sink += matches;
    }
}

static void
time_keystrokes (LimberCatalog *catalog,
                 GArray        *times)
{
  static const char *queries[] = {
    "psoas", "hip flexor", "cadera", "glúteo", "hamstring strap", "piriformis", "calf",
    "knee", "rectus fem", "adductor", "quadratus", "lower back", "zzz", "side lying", "ball",
    /* Typos, lay words, symptoms, Spanish: what ranking and forgiving cost. */
    "piriformus", "hamstirng", "hammies", "knee pain", "low back pain", "isquios",
    "dolor de rodilla", "it band", "glutes",
  };
  static const char *filtered[][2] = { { "hip", "release" }, { "thigh", "muslo" }, { "lumbar", "gentle" } };
  g_autoptr(LimberQuery) query = limber_query_new ();
  LimberSearchIndex *index = limber_catalog_get_search_index (catalog);
  g_autoptr(LimberSearchResults) results = limber_search_results_new ();
  void * volatile probe;

  /* The counter must see GLib's allocations (this also loads what
   * backtrace() needs, so that it does not count later). */
  counting = TRUE;
  probe = g_malloc (16);
  counting = FALSE;
  g_free (probe);
  if (n_allocs == 0)
    g_printerr ("WARNING: mallocs are not counted here; the allocation count means nothing\n");
  n_allocs = 0;
  /* The results' buffers are sized once, on the first search (as the
   * pane's are when the catalog changes), not per keystroke. */
  limber_search_index_run (index, query, results);
  n_allocs = 0;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    type_query (query, index, results, queries[q], times);
  for (guint q = 0; q < G_N_ELEMENTS (filtered); q++)
    {
      limber_query_set_word (query, LIMBER_VOCABULARY_REGION,
                             limber_vocabulary_lookup (LIMBER_VOCABULARY_REGION, filtered[q][0]));
      type_query (query, index, results, filtered[q][1], times);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest rank: the smallest time that @p per cent of keystrokes meet. */
static double
percentile (GArray *sorted,
            double  p)
{
  guint rank = (guint) MAX (1.0, (p / 100.0) * sorted->len + 0.999999);

  return g_array_index (sorted, double, MIN (rank, sorted->len) - 1);
}

static void
remove_files (GPtrArray  *paths,
              const char *tmpdir)
{
  for (guint i = 0; i < paths->len; i++)
    g_remove (g_ptr_array_index (paths, i));
  g_rmdir (tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  int n_exercises = 25000;
  gboolean window_only = FALSE;
  g_autofree char *keep = NULL;
  g_autofree char *limber = NULL;
  g_autofree char *window = NULL;
  GOptionEntry entries[] = {
    { "limber", 0, 0, G_OPTION_ARG_FILENAME, &limber, "Time this limber's --validate on the file", "EXE" },
    { "window", 0, 0, G_OPTION_ARG_FILENAME, &window, "Time the window with bench-window", "EXE" },
    { "exercises", 0, 0, G_OPTION_ARG_INT, &n_exercises, "How many exercises (25000)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Leave the generated catalog at FILE", "FILE" },
    { "languages", 0, 0, G_OPTION_ARG_INT, &n_languages,
      "4: German and French as bundled, copies of the Spanish where missing (default); 2: English and Spanish only", "N" },
    { "window-only", 0, 0, G_OPTION_ARG_NONE, &window_only, "Only the other processes, not the in-process load", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— catalog load and search benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberCatalog) source = limber_catalog_new ();
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(GFile) bundled = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *tmpdir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *schema = NULL;
  const char *data_dir = g_getenv ("LIMBER_DATA_DIR") ? g_getenv ("LIMBER_DATA_DIR") : "data";
  double load_ms, lint_ms, index_ms, index_cpu_ms;
  long rss_loaded = -1, peak_loaded = -1;
  gsize size;

  /* As limber's main() does, so that memory is measured as the app has it. */
  mallopt (M_MXFAST, 0);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_exercises < 1)
    {
      g_printerr ("%s\n", error ? error->message : "--exercises must be at least 1");
      return 2;
    }
  limber_xml_init ();
  schema = g_build_filename (data_dir, "schemas", "catalog.rng", NULL);
  bundled = g_file_new_build_filename (data_dir, "catalog", NULL);
  if (limber_catalog_add_folder (source, bundled) == 0)
    {
      g_printerr ("No bundled catalog in %s/catalog (set LIMBER_DATA_DIR)\n", data_dir);
      return 1;
    }

  tmpdir = g_dir_make_tmp ("limber-bench-XXXXXX", &error);
  g_assert_no_error (error);
  base = keep ? g_strdup (keep) : g_build_filename (tmpdir, "catalog.xml", NULL);
  size = write_catalog (base, G_LIST_MODEL (source), n_exercises, paths);
  g_print ("wrote %d exercises (the %u bundled ones, cycled; %d languages) in %u file(s), %.1f MB: %s%s\n",
           n_exercises, g_list_model_get_n_items (G_LIST_MODEL (source)), n_languages, paths->len, size / 1e6, base,
           paths->len > 1 ? " and its -N.xml siblings" : "");

  /* The other processes first, while this one is small: a child's peak
   * RSS counts what it had from us before its exec(). */
  g_clear_object (&source);
  malloc_trim (0);
  /* --window-only without --limber needs no xmllint (a minute at 4 languages). */
  lint_ms = window_only && limber == NULL ? -1 : time_xmllint (schema, paths);
  g_print ("  (this process before the children: %ld MB RSS)\n", rss_mb ());
  if (limber != NULL && paths->len == 1)
    bench_validate (limber, schema, g_ptr_array_index (paths, 0), lint_ms);
  if (window != NULL && paths->len == 1)
    {
      struct utimbuf old = { time (NULL) - 3600, time (NULL) - 3600 };

      /* Settled, as a clinic's catalog is: so the first start caches it. */
      utime (g_ptr_array_index (paths, 0), &old);
      bench_window (window, tmpdir, g_ptr_array_index (paths, 0), n_exercises);
    }

  if (window_only)
    {
      if (keep == NULL)
        remove_files (paths, tmpdir);
      return 0;
    }
  load_ms = time_load (paths, &catalog, &rss_loaded, &peak_loaded);
  if (load_ms < 0)
    {
      if (keep == NULL)
        remove_files (paths, tmpdir);
      return 1;
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, n_exercises);
  {
    /* The bundled search words, as the app has them from its catalog folder. */
    g_autoptr(GFile) vocabulary = g_file_new_build_filename (data_dir, "catalog", LIMBER_CATALOG_VOCABULARY, NULL);
    gint64 start;
    double cpu_start;

    limber_catalog_add_search_words (catalog, vocabulary);
    start = g_get_monotonic_time ();
    cpu_start = cpu_ms ();
    limber_catalog_get_search_index (catalog);
    index_ms = ms_since (start);
    index_cpu_ms = cpu_ms () - cpu_start;
  }
  cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  time_keystrokes (catalog, times);
  g_array_sort (times, compare_doubles);
  g_array_sort (cpu_times, compare_doubles);

  g_print ("\ncatalog benchmark: %d exercises, %.1f MB ", n_exercises, size / 1e6);
  if (paths->len == 1)
    g_print ("file\n");
  else
    g_print ("in %u files (one file would be over Limber's %u MiB limit)\n",
             paths->len, LIMBER_XML_MAX_STREAMED_BYTES >> 20);
  g_print ("  load + validate (best of 3):   %.0f ms\n", load_ms);
  if (lint_ms < 0)
    g_print ("  xmllint --relaxng:             not found, no ratio\n");
  else
    g_print ("  xmllint --relaxng (best of 3): %.0f ms    ratio %.2f (target <= 2)\n",
             lint_ms, load_ms / lint_ms);
  g_print ("  search index (built once, in the loading thread): %.0f ms, CPU %.0f ms\n", index_ms, index_cpu_ms);
  g_print ("  ranked keystrokes: %u  median %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms (target p99 <= 2 ms)\n",
           times->len, percentile (times, 50), percentile (times, 90), percentile (times, 99),
           g_array_index (times, double, times->len - 1));
  g_print ("  their CPU time: median %.2f ms  p99 %.2f ms  max %.2f ms\n",
           percentile (cpu_times, 50), percentile (cpu_times, 99),
           g_array_index (cpu_times, double, cpu_times->len - 1));
  g_print ("  allocations during %u keystrokes: %" G_GUINT64_FORMAT "\n", times->len, n_allocs);
  g_print ("  RSS after the first load: %ld MB, peak until then: %ld MB\n", rss_loaded, peak_loaded);
  g_print ("  heap in use with the catalog loaded: %zu MB\n", mallinfo2 ().uordblks >> 20);
  g_print ("  peak RSS: %ld MB (target <= 200 MB); xmllint's: %ld MB\n",
           peak_rss_mb (RUSAGE_SELF), peak_rss_mb (RUSAGE_CHILDREN));
  if (n_allocs > 0)
    {
      g_print ("  the first allocation during a keystroke came from:\n");
      fflush (stdout);
      backtrace_symbols_fd (first_trace, first_trace_len, fileno (stdout));
    }

  if (keep == NULL)
    remove_files (paths, tmpdir);
  else
    g_rmdir (tmpdir);
  return 0;
}
