/* test-faults.c — saving when things go wrong
 *
 * Every writer Limber has (a program, a template, a draft, a PDF
 * handout, the custom-stretch catalog) is run into every fault that can
 * be made without root or a special file system:
 *
 *  - a full disk: a file size limit (RLIMIT_FSIZE, with SIGXFSZ
 *    ignored) in a child process, reached at several points of the file;
 *  - a really full disk: a small tmpfs over the folder, filled so that
 *    several sizes short of the new file are free (as root only);
 *  - a folder where the file should be;
 *  - a symlink to a file elsewhere: the link may become the new file,
 *    the file it points to must not change;
 *  - a read-only folder (root gives up CAP_DAC_OVERRIDE for it);
 *  - a file system that refuses links (a seccomp filter fails linkat()):
 *    the writer falls back to a copy under a temporary name;
 *  - kill -9 at a random moment while a child process saves in a loop,
 *    100 times.
 *
 * After each, the file is the old one, byte for byte, or the new one,
 * complete, and it loads with Limber's own reader; a refused save says
 * so with the file's name; nothing else in the folder changed.  A last
 * test kills a process while it edits a program and checks that its
 * last draft is there to restore, as after a crash.
 *
 * Every outcome is counted and printed, one line a writer at the end
 * ("program save: kill -9 100 times, intact 100/100 …").
 *
 * The child processes are fork()ed copies of this one: the catalog,
 * the fonts and what is saved are loaded already, so that a kill lands
 * in a save and not in start-up, and a run stays short under the
 * sanitizers (where a new process takes 2 s to start).
 *
 * What is saved is in fault-fixtures.c, where it is saved in
 * fault-place.c, the verdict on a file in fault-verdict.c and the
 * draft test in fault-recovery.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "limber-catalog.h"
#include "limber-drafts.h"
#include "limber-problem.h"
#include "limber-test-utils.h"
#include "limber-xml.h"

#include "fault-fixtures.h"
#include "fault-no-link.h"
#include "fault-place.h"
#include "fault-recovery.h"
#include "fault-tmpfs.h"
#include "fault-verdict.h"

#define KILL_MIN_WINDOW_MS  30
#define KILL_MAX_WINDOW_MS  150

/* What happened, for the summary. */
typedef struct
{
  guint     runs;
  guint     intact;
  guint     old;         /* the old file was there after */
  guint     new;         /* the new one */
  guint     left;        /* temporary files a killed save left */
  guint     failed;      /* saves a killed child reported as failed */
  gint64    save_us;     /* how long one save takes */
  gint64    window_us;   /* kills land in 0 … this */
  gboolean  skipped;
  char     *note;
  char     *problem;     /* after the kills: a leftover taken for a file… */
} Tally;

static Tally tallies[N_WRITERS][N_FAULTS];

/* ------------------------------------------------------------------ */
/* Counting                                                           */

static void
report_line (Writer  writer,
             Fault   fault,
             GString *out)
{
  Tally *t = &tallies[writer][fault];

  if (t->skipped)
    {
      g_string_append_printf (out, "%s: %s skipped (%s)", writers[writer].name, faults[fault].name,
                              t->note ? t->note : "");
      return;
    }
  if (fault == FAULT_KILL)
    g_string_append_printf (out, "%s: kill -9 %u times, intact %u/%u (old %u, new %u); "
                            "temporary files left %u%s, removed by the next save; saves that failed %u; "
                            "a save takes %.1f ms, kills at 0-%.0f ms",
                            writers[writer].name, t->runs, t->intact, t->runs, t->old, t->new,
                            t->left, t->left ? ", none taken for a real file" : "", t->failed,
                            t->save_us / 1e3, t->window_us / 1e3);
  else
    g_string_append_printf (out, "%s: %s, intact %u/%u", writers[writer].name, faults[fault].name,
                            t->intact, t->runs);
  if (t->note != NULL && fault != FAULT_KILL)
    g_string_append_printf (out, " (%s)", t->note);
}

static void
report (Writer writer,
        Fault  fault)
{
  g_autoptr(GString) line = g_string_new (NULL);

  report_line (writer, fault, line);
  g_test_message ("%s", line->str);
  g_printerr ("%s\n", line->str);
}

static void
set_note (Tally      *t,
          const char *note)
{
  g_free (t->note);
  t->note = g_strdup (note);
}

/* One outcome: counted, and told in full when it is wrong. */
static void
count (Tally      *t,
       Version     version,
       const char *problem)
{
  t->runs++;
  if (problem == NULL && version != BAD)
    {
      t->intact++;
      if (version == OLD)
        t->old++;
      else
        t->new++;
    }
  else
    g_test_message ("NOT INTACT (run %u): %s", t->runs, problem ? problem : "?");
}

/* ------------------------------------------------------------------ */
/* The faults                                                         */

/* In the child: the save with the file size limit; its error message
 * (or "(saved)") goes to @report_fd. */
static void G_GNUC_NORETURN
save_with_limit (Place *p,
                 gsize  bytes,
                 int    report_fd)
{
  GError *error = NULL;
  struct rlimit limit;
  const char *message;
  gsize len;

  /* Past the limit write() fails with EFBIG; SIGXFSZ would kill us. */
  signal (SIGXFSZ, SIG_IGN);
  if (getrlimit (RLIMIT_FSIZE, &limit) != 0)
    _exit (3);
  limit.rlim_cur = bytes;
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    _exit (3);
  message = writer_write (p, NEW, &error) ? "(saved)" : error && error->message ? error->message : "";
  len = strlen (message);
  _exit (write (report_fd, message, len) == (ssize_t) len ? 0 : 4);
}

/* A full disk, simulated with a file size limit (no root, no small
 * file system needed) in a copy of this process: everything is loaded
 * there already, where a g_test_trap_subprocess() child would load the
 * catalog and the fonts again (2 s each under AddressSanitizer). */
static void
fault_full_disk (Place *p,
                 Tally *t)
{
  gsize size;
  gsize limits[4];

  place_setup (p);
  /* Cut the new file at its first byte, at a third, two thirds and
   * its last byte. */
  size = g_bytes_get_size (p->ref[NEW]);
  limits[0] = 0;
  limits[1] = size / 3;
  limits[2] = 2 * size / 3;
  limits[3] = size - 1;
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autofree char *before = listing (p->folder, p);
      g_autoptr(GString) message = g_string_new (NULL);
      g_autofree char *problem = NULL;
      Version version = BAD;
      char buf[512];
      ssize_t n;
      int fds[2];
      int status;
      pid_t pid;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          save_with_limit (p, limits[i], fds[1]);
        }
      close (fds[1]);
      while ((n = read (fds[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0)
          g_string_append_len (message, buf, n);
      close (fds[0]);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        problem = g_strdup_printf ("the child saving failed (wait status %d)", status);
      else
        problem = check_refused (p, g_str_equal (message->str, "(saved)"), message->str, before, &version);
      if (problem == NULL)
        g_test_message ("limit %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes: %s", limits[i], size,
                        message->str);
      else
        {
          char *more = g_strdup_printf ("limit %" G_GSIZE_FORMAT " bytes: %s", limits[i], problem);

          g_free (problem);
          problem = more;
        }
      count (t, version, problem);
    }
}

/* A file system that is full: a tmpfs over the writer's folder (in this
 * process's own mount namespace), with the old files in it, filled so
 * that no space, a third, two thirds of the new file or all of it but
 * one page is free.  Every save must be refused; once the filler is
 * gone, the next save must give the new file and leave nothing
 * behind. */
static void
fault_full_tmpfs (Place *p,
                  Tally *t)
{
  g_autoptr(GError) mount_error = NULL;
  g_autofree char *filler = g_build_filename (p->folder, TMPFS_FILLER_NAME, NULL);
  guint64 pages;
  guint64 leave[4];

  if (tmpfs_unavailable () != NULL)
    {
      t->skipped = TRUE;
      set_note (t, tmpfs_unavailable ());
      g_test_skip (tmpfs_unavailable ());
      return;
    }
  /* Mounted first (tmpfs_mount() makes the folder): place_setup()
   * then writes the old files into the tmpfs with the writer itself. */
  g_assert_true (tmpfs_mount (p->folder, &mount_error));
  g_assert_no_error (mount_error);
  place_setup (p);

  pages = (g_bytes_get_size (p->ref[NEW]) + TMPFS_PAGE - 1) / TMPFS_PAGE;
  leave[0] = 0;
  leave[1] = pages / 3;
  leave[2] = 2 * pages / 3;
  leave[3] = pages - 1;
  for (guint i = 0; i < G_N_ELEMENTS (leave); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *problem = NULL;
      Version version = BAD;
      guint64 free_bytes;
      gboolean saved;

      if (i > 0 && leave[i] == leave[i - 1])
        continue;   /* a small file: fewer cut points */
      free_bytes = tmpfs_leave (p->folder, leave[i] * TMPFS_PAGE);
      before = listing (p->folder, p);
      saved = writer_write (p, NEW, &error);
      problem = check_refused (p, saved, error ? error->message : NULL, before, &version);
      if (problem == NULL)
        g_test_message ("%" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " pages free: %s",
                        free_bytes / TMPFS_PAGE, pages, error->message);
      else
        {
          char *more = g_strdup_printf ("%" G_GUINT64_FORMAT " bytes free: %s", free_bytes, problem);

          g_free (problem);
          problem = more;
        }
      count (t, version, problem);
    }

  /* Room again: the save goes through, and cleans up after itself. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *why = NULL;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autofree char *problem = NULL;
    Version version = BAD;

    g_assert_cmpint (g_unlink (filler), ==, 0);
    before = listing (p->folder, p);
    if (!writer_write (p, NEW, &error))
      problem = g_strdup_printf ("with room again, the save failed: %s", error->message);
    else if ((version = classify (p, &why)) != NEW)
      problem = g_strdup_printf ("with room again, the file is not the new one: %s", why ? why : "the old one");
    else if (count_temps (p) > 0)
      problem = g_strdup_printf ("with room again, %u temporary files are left", count_temps (p));
    else if (g_strcmp0 (before, after = listing (p->folder, p)) != 0)
      problem = g_strdup_printf ("with room again, the folder changed:\n%s\n%s", before, after);
    count (t, problem ? BAD : version, problem);
  }
  set_note (t, "then saved with room again");
  tmpfs_unmount (p->folder);
}

static void
fault_folder (Place *p,
              Tally *t)
{
  g_autofree char *inside = g_build_filename (p->target, "inside.txt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *before_inside = NULL;
  g_autofree char *after_inside = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) no_old = NULL;
  Version version = BAD;
  gboolean saved;

  place_setup (p);
  /* A folder of the same name, with something in it, where the file
   * was. */
  g_assert_cmpint (g_unlink (p->target), ==, 0);
  g_assert_cmpint (g_mkdir (p->target, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "Not a program.\n", -1, NULL));
  no_old = g_steal_pointer (&p->ref[OLD]);
  before = listing (p->folder, p);
  before_inside = listing (p->target, NULL);

  saved = writer_write (p, NEW, &error);
  problem = check_refused (p, saved, error ? error->message : NULL, before, &version);
  after_inside = listing (p->target, NULL);
  if (problem == NULL && !g_file_test (p->target, G_FILE_TEST_IS_DIR))
    problem = g_strdup ("the folder is gone");
  if (problem == NULL && g_strcmp0 (before_inside, after_inside) != 0)
    problem = g_strdup_printf ("the folder's contents changed:\n%s\n%s", before_inside, after_inside);
  if (problem == NULL)
    g_test_message ("%s", error->message);
  /* Nothing to be old or new: the folder stayed a folder. */
  count (t, problem ? BAD : OLD, problem);
  p->ref[OLD] = g_steal_pointer (&no_old);
}

static void
fault_symlink (Place *p,
               Tally *t)
{
  g_autofree char *name = g_path_get_basename (p->target);
  g_autofree char *real = g_build_filename (p->elsewhere, name, NULL);
  g_autofree char *before = NULL;
  g_autofree char *before_elsewhere = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_elsewhere = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;
  Version version = BAD;
  gboolean saved;

  place_setup (p);
  /* The old file lives elsewhere; the target is a link to it. */
  g_assert_cmpint (g_mkdir_with_parents (p->elsewhere, 0755), ==, 0);
  g_assert_cmpint (g_rename (p->target, real), ==, 0);
  g_assert_cmpint (symlink (real, p->target), ==, 0);
  before = listing (p->folder, p);
  before_elsewhere = listing (p->elsewhere, NULL);

  saved = writer_write (p, NEW, &error);
  after = listing (p->folder, p);
  after_elsewhere = listing (p->elsewhere, NULL);
  if (g_strcmp0 (before_elsewhere, after_elsewhere) != 0)
    problem = g_strdup_printf ("the file the link points to changed:\n%s\n%s", before_elsewhere, after_elsewhere);
  else if (!saved && !error_is_clear (p, error ? error->message : NULL, &problem))
    ;
  else if ((version = classify (p, &problem)) == BAD)
    ;
  else if (version != (saved ? NEW : OLD))
    problem = g_strdup_printf ("the save said %s but the file is the %s one", saved ? "saved" : "not saved",
                               version == NEW ? "new" : "old");
  else if (g_strcmp0 (before, after) != 0)
    problem = g_strdup_printf ("the folder changed:\n%s\n%s", before, after);
  else if (count_temps (p) > 0)
    problem = g_strdup_printf ("%u temporary files left", count_temps (p));
  if (problem != NULL)
    version = BAD;
  else
    {
      struct stat st;

      g_assert_cmpint (lstat (p->target, &st), ==, 0);
      set_note (t, !saved ? "refused, link kept"
                : S_ISLNK (st.st_mode) ? "saved through the link"
                : "saved, the link replaced by the new file");
    }
  count (t, version, problem);
}

static void
fault_read_only (Place *p,
                 Tally *t)
{
  g_autofree char *before = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;
  Version version = BAD;
  gboolean saved;

  place_setup (p);
  before = listing (p->folder, p);
  g_assert_cmpint (g_chmod (p->folder, 0555), ==, 0);
  /* Root (CI) writes in a read-only folder all the same, unless it
   * gives up the capability to. */
  if (!limber_test_obey_permissions (TRUE))
    {
      t->skipped = TRUE;
      set_note (t, "running as root: chmod is not enforced");
      g_assert_cmpint (g_chmod (p->folder, 0755), ==, 0);
      g_test_skip ("root who cannot drop CAP_DAC_OVERRIDE: a read-only folder is writable");
      return;
    }
  saved = writer_write (p, NEW, &error);
  g_assert_true (limber_test_obey_permissions (FALSE));
  g_assert_cmpint (g_chmod (p->folder, 0755), ==, 0);
  problem = check_refused (p, saved, error ? error->message : NULL, before, &version);
  if (problem == NULL)
    g_test_message ("%s", error->message);
  count (t, version, problem);
}

/* A file system that refuses links: the save must still give the new
 * file, complete, and leave no temporary file. */
static void
fault_no_link (Place *p,
               Tally *t)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;
  char *why = NULL;
  Version version;
  char result;

  place_setup (p);
  before = listing (p->folder, p);
  result = save_with_links_refused (p, &error);
  if (result == 'S')
    {
      t->skipped = TRUE;
      set_note (t, "no seccomp filter here");
      g_test_skip ("links cannot be refused here (no seccomp)");
      return;
    }
  version = classify (p, &why);
  after = listing (p->folder, p);
  if (result != '+')
    problem = g_strdup_printf ("the save failed: %s", error->message);
  else if (version != NEW)
    problem = g_strdup_printf ("the file is not the new one: %s", why ? why : "the old one");
  else if (count_temps (p) > 0)
    problem = g_strdup_printf ("%u temporary files were left", count_temps (p));
  else if (g_strcmp0 (before, after) != 0)
    problem = g_strdup_printf ("the folder changed:\n%s\n%s", before, after);
  g_free (why);
  count (t, problem ? BAD : version, problem);
}

/* In the child: save the new version until killed (or, if the parent
 * is gone, for 10 s), a byte on @report after each save. */
static void G_GNUC_NORETURN
save_until_killed (Place *p,
                   int    report_fd)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_autoptr(GError) error = NULL;
      char c = writer_write (p, NEW, &error) ? '+' : 'E';

      if (write (report_fd, &c, 1) != 1)
        break;
    }
  /* Never the test framework's exit path: this is a copy of it. */
  _exit (0);
}

static void
restore_old (const Place *p)
{
  g_assert_true (g_file_set_contents (p->target, g_bytes_get_data (p->ref[OLD], NULL),
                                      g_bytes_get_size (p->ref[OLD]), NULL));
  if (p->companion_old != NULL)
    g_assert_true (g_file_set_contents (p->companion, g_bytes_get_data (p->companion_old, NULL),
                                        g_bytes_get_size (p->companion_old), NULL));
}

/* How long, from fork() on, a child takes to finish one save: the mean
 * of a few. */
#define CALIBRATIONS 2

static gint64
first_save_time (Place *p)
{
  gint64 total = 0;

  for (guint i = 0; i < CALIBRATIONS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      int fds[2];
      int status;
      pid_t pid;
      char c = 0;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          c = writer_write (p, NEW, NULL) ? '+' : 'E';
          _exit (write (fds[1], &c, 1) == 1 ? 0 : 1);
        }
      close (fds[1]);
      g_assert_cmpint (read (fds[0], &c, 1), ==, 1);
      total += g_get_monotonic_time () - start;
      g_assert_cmpint (c, ==, '+');
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      close (fds[0]);
    }
  restore_old (p);
  return total / CALIBRATIONS;
}

static guint
n_kills (void)
{
  const char *text = g_getenv ("LIMBER_FAULT_KILLS");

  return text != NULL ? (guint) g_ascii_strtoull (text, NULL, 10) : KILLS;
}

/* What a leftover temporary file could be taken for: the file choosers
 * and the New menu list "*.limber", the start-up restore lists drafts
 * by their ".ini", the catalog loads "*.xml", a PDF is "*.pdf"; the logo
 * is read by its one exact name ("/" ends no name). */
static char *
check_leftovers (const Place *p)
{
  static const char *suffixes[N_WRITERS] = { ".limber", ".limber", ".ini", ".pdf", ".xml", "/" };
  g_autoptr(GDir) dir = g_dir_open (p->folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_temp_name (p, name) && (g_str_has_suffix (name, suffixes[p->writer])
                                   || g_str_has_suffix (name, ".limber")))
      return g_strdup_printf ("the temporary file %s looks like a real one", name);

  if (p->writer == WRITER_DRAFT)
    {
      g_autoptr(GPtrArray) drafts = limber_drafts_list ();

      if (drafts->len != 1)
        return g_strdup_printf ("limber_drafts_list() finds %u drafts, not 1", drafts->len);
    }
  if (p->writer == WRITER_CUSTOM)
    {
      g_autoptr(LimberCatalog) custom = limber_catalog_new ();
      g_autoptr(GFile) folder = g_file_new_for_path (p->folder);
      guint loaded = limber_catalog_add_folder (custom, folder);
      GPtrArray *problems = limber_catalog_get_problems (custom);
      g_autofree char *first = problems->len ? limber_problem_to_string (g_ptr_array_index (problems, 0)) : NULL;

      if (loaded != 1 || problems->len > 0)
        return g_strdup_printf ("the user catalog loads %u files with %u problems%s%s", loaded, problems->len,
                                problems->len ? ": " : "", first ? first : "");
    }
  return NULL;
}

static void
fault_kill (Place *p,
            Tally *t)
{
  g_autofree char *before = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;
  guint kills = n_kills ();
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GHashTable) temps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char *why = NULL;

  place_setup (p);
  before = listing (p->folder, p);

  /* Kills land anywhere in 0–30 ms, or in twice the time a child takes
   * to finish its first save when that is longer (the copy of this
   * process pays for its first touch of memory, and a PDF takes a while
   * to draw), so that some land after the rename: a window shorter than
   * a save would only ever find the old file.  At most 150 ms, for the
   * time the test takes under the sanitizers. */
  t->save_us = first_save_time (p);
  t->window_us = CLAMP (2 * t->save_us, KILL_MIN_WINDOW_MS * 1000, KILL_MAX_WINDOW_MS * 1000);

  for (guint i = 0; i < kills; i++)
    {
      g_autofree char *after = NULL;
      g_autofree char *trouble = NULL;
      guint saves = 0;
      int fds[2];
      int status;
      pid_t pid;
      char buf[256];
      ssize_t n;
      Version version;

      restore_old (p);
      g_assert_cmpint (pipe (fds), ==, 0);
      /* A copy of this process, everything loaded: it starts saving at
       * once, so the delay is all inside saves. */
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          save_until_killed (p, fds[1]);
        }
      close (fds[1]);
      g_usleep (g_test_rand_int_range (0, t->window_us + 1));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      while ((n = read (fds[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
        for (ssize_t j = 0; j < n; j++)
          {
            if (buf[j] == '+')
              saves++;
            else
              t->failed++;
          }
      close (fds[0]);
      collect_temps (p, temps);

      /* The old file or the new one, loading; once a save has
       * finished, the new one. */
      version = classify (p, &why);
      after = listing (p->folder, p);
      if (version == BAD)
        trouble = g_steal_pointer (&why);
      else if (saves > 0 && version != NEW)
        trouble = g_strdup_printf ("%u saves finished, but the file is the old one", saves);
      else if (g_strcmp0 (before, after) != 0)
        trouble = g_strdup_printf ("the folder changed:\n%s\n%s", before, after);
      g_clear_pointer (&why, g_free);
      if (trouble != NULL)
        {
          char *more = g_strdup_printf ("killed after %u saves: %s", saves, trouble);
          g_free (trouble);
          trouble = more;
        }
      count (t, trouble ? BAD : version, trouble);
    }

  /* Temporary files killed saves left (each seen once): counted; they
   * must not pass for real files, nor stop the next save, which
   * removes them. */
  t->left = g_hash_table_size (temps);
  problem = check_leftovers (p);
  if (problem == NULL && !writer_write (p, NEW, &error))
    problem = g_strdup_printf ("the save after the kills failed: %s", error->message);
  if (problem == NULL && classify (p, &why) != NEW)
    problem = g_strdup_printf ("the save after the kills: %s", why ? why : "not the new file");
  if (problem == NULL && count_temps (p) > 0)
    problem = g_strdup_printf ("the save after the kills left %u temporary files in place", count_temps (p));
  g_free (why);
  if (problem != NULL)
    {
      g_test_message ("NOT INTACT: %s", problem);
      t->problem = g_steal_pointer (&problem);
    }
  g_test_message ("%s: %u kills in %.1f s", writers[p->writer].name, kills,
                  (g_get_monotonic_time () - start) / 1e6);
}

static void
test_fault (gconstpointer data)
{
  guint which = GPOINTER_TO_UINT (data);
  Writer writer = which / N_FAULTS;
  Fault fault = which % N_FAULTS;
  Tally *t = &tallies[writer][fault];
  g_auto(Place) p;

  place_init (&p, writer, fault);
  switch (fault)
    {
    case FAULT_FULL_DISK:
      fault_full_disk (&p, t);
      break;
    case FAULT_FULL_TMPFS:
      fault_full_tmpfs (&p, t);
      break;
    case FAULT_FOLDER:
      fault_folder (&p, t);
      break;
    case FAULT_SYMLINK:
      fault_symlink (&p, t);
      break;
    case FAULT_READ_ONLY:
      fault_read_only (&p, t);
      break;
    case FAULT_NO_LINK:
      fault_no_link (&p, t);
      break;
    case FAULT_KILL:
      fault_kill (&p, t);
      break;
    case N_FAULTS:
    default:
      g_assert_not_reached ();
    }
  report (writer, fault);
  /* A failure fails this test only: the others still run and count. */
  if (!t->skipped && (t->runs == 0 || t->intact != t->runs))
    g_test_fail_printf ("%s, %s: intact %u/%u", writers[writer].name, faults[fault].name, t->intact, t->runs);
  else if (t->failed > 0)
    g_test_fail_printf ("%s, %s: %u saves failed in the killed child", writers[writer].name, faults[fault].name,
                        t->failed);
  else if (t->problem != NULL)
    g_test_fail_printf ("%s, %s: %s", writers[writer].name, faults[fault].name, t->problem);
}

/* ------------------------------------------------------------------ */

static void
print_summary (void)
{
  g_printerr ("\nSummary\n");
  for (Writer w = 0; w < N_WRITERS; w++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (Fault f = 0; f < N_FAULTS; f++)
        {
          Tally *t = &tallies[w][f];

          if (t->runs == 0 && !t->skipped)
            continue;   /* not run (-p, -s) */
          if (line->len > 0)
            g_string_append (line, "; ");
          if (t->skipped)
            g_string_append_printf (line, "%s skipped (%s)", faults[f].name, t->note ? t->note : "");
          else if (f == FAULT_KILL)
            g_string_append_printf (line, "kill -9 %u times, intact %u/%u (old %u, new %u, %u temporary files "
                                    "left, removed by the next save)",
                                    t->runs, t->intact, t->runs, t->old, t->new, t->left);
          else
            g_string_append_printf (line, "%s intact %u/%u", faults[f].name, t->intact, t->runs);
        }
      if (line->len == 0)
        continue;
      g_test_message ("%s: %s", writers[w].name, line->str);
      g_printerr ("%s: %s\n", writers[w].name, line->str);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *state_home = NULL;
  int ret;

  /* Before any thread: a mount namespace of this process's own, for the
   * tiny tmpfs of the full-disk fault. */
  tmpfs_init ();

  /* A folder of our own for everything, set before anything asks GLib
   * for $XDG_DATA_HOME (it is read once) and before any thread runs. */
  tmpdir = g_dir_make_tmp ("limber-faults-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  data_home = g_build_filename (tmpdir, "data", NULL);
  state_home = g_build_filename (tmpdir, "state", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_STATE_HOME", state_home, TRUE);

  g_test_init (&argc, &argv, NULL);
  limber_xml_init ();
  catalog = limber_catalog_new ();
  limber_catalog_load_standard (catalog, NULL);
  make_fixtures ();

  for (Writer w = 0; w < N_WRITERS; w++)
    for (Fault f = 0; f < N_FAULTS; f++)
      {
        g_autofree char *path = g_strdup_printf ("/faults/%s/%s", writers[w].slug, faults[f].slug);

        g_test_add_data_func (path, GUINT_TO_POINTER (w * N_FAULTS + f), test_fault);
      }
  g_test_add_func ("/faults/draft/crash-recovery", test_draft_recovery);

  ret = g_test_run ();

  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmpdir);

    print_summary ();
    limber_test_delete_tree (dir);
  }
  free_fixtures ();
  g_clear_object (&catalog);
  for (Writer w = 0; w < N_WRITERS; w++)
    for (Fault f = 0; f < N_FAULTS; f++)
      {
        g_free (tallies[w][f].note);
        g_free (tallies[w][f].problem);
      }
  g_free (tmpdir);
  return ret;
}
