/* test-crash-recovery.c — kill -9 while a therapist edits, then restart
 *
 * The application is started 21 times, each time in a new process (this
 * test again, with --crash-child), as main.c starts it.  Each start first
 * answers for the last one: the restore prompt must list its draft,
 * Restore must open it, and Discard on closing must delete it.  Then it
 * opens data/examples/tight-hips.limber and edits it through the widgets,
 * with 50–300 ms between edits, until the test kills it (SIGKILL) at a
 * random moment 1–10 s after its first edit.  The edits, in turn: " Edit
 * K." typed key by key at the end of the advice, the title's ", edit K"
 * typed over, a stretch's Reps stepped, a stretch added from the catalog
 * list.
 *
 * Each edit is reported as it lands in the program: its number, when,
 * and a checksum of the program as a file holds it.  The program
 * restored must be exactly the one after some edit N (no mixture), its
 * title and advice fields must show N, and the edits lost (from the
 * first after N to the kill) must span at most the draft delay and a
 * margin (so a kill sooner than that after the first edit may find no
 * draft: those are counted apart).  The counts end the log in one line:
 * "crash recovery: 20 kills, drafts offered 9/9 of the kills over …".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "limber-application.h"
#include "limber-catalog-pane.h"
#include "limber-drafts.h"
#include "limber-program-editor.h"
#include "limber-test-gui.h"
#include "limber-window.h"

#define KILLS 20
/* As in limber-window.c: a draft is written this long after the first
 * change it does not hold. */
#define DRAFT_DELAY_MS 3000
/* How late a draft may be: its timer waits for the main loop, busy
 * typing or drawing, on a busy machine. */
#if defined(__SANITIZE_ADDRESS__)
#define LATE_MS 3000
#else
#define LATE_MS 2000
#endif
#define LIMIT_MS (DRAFT_DELAY_MS + LATE_MS)
/* A start that reports nothing for this long is stuck. */
#define START_TIMEOUT_US (120 * G_USEC_PER_SEC)
/* Where a start reports to the test: its stdout is GLib's. */
#define REPORT_FD 3

/* ------------------------------------------------------------------ */
/* A start: the application, driven through its widgets                */

typedef struct
{
  LimberProgram *program;
  GtkWidget     *editor;
  GtkEditable   *title;
  GtkWidget     *notes_view;
  GtkTextBuffer *notes;
  GtkWidget     *catalog;  /* the catalog pane's list view */
  guint          pending;  /* the edit whose last change is coming */
} Editing;

/* One line to the test, at once (shorter than PIPE_BUF: written whole);
 * a test that is gone ends us. */
static void G_GNUC_PRINTF (1, 2)
report (const char *format,
        ...)
{
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  line = g_strconcat (text, "\n", NULL);
  if (write (REPORT_FD, line, strlen (line)) != (ssize_t) strlen (line))
    _exit (5);
}

static void G_GNUC_NORETURN
child_fail (const char *what)
{
  report ("FAIL %s", what);
  _exit (3);
}

static gboolean
clear_flag (gpointer flag)
{
  *(guint *) flag = 0;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms, or until *@until is 0; it sleeps when
 * idle, the machine being shared. */
static void
run_loop (guint  ms,
          guint *until)
{
  guint running = 1, id = g_timeout_add (ms, clear_flag, &running);

  while (running && (until == NULL || *until != 0))
    g_main_context_iteration (NULL, TRUE);
  if (running)
    g_source_remove (id);
}

static char *
checksum (LimberProgram *program)
{
  g_autofree char *xml = limber_program_to_string (program, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, xml, -1);
}

/* "changed" comes once per change: at the last change of an edit, the
 * edit is made, and reported before the main loop can write a draft. */
static void
on_changed (LimberProgram *program,
            Editing       *ed)
{
  gint64 now = g_get_monotonic_time ();
  g_autofree char *sum = NULL;

  if (ed->pending == 0)
    return;
  sum = checksum (program);
  report ("EDIT %u %" G_GINT64_FORMAT " %s", ed->pending, now, sum);
  ed->pending = 0;
}

/* " Edit K." at the end of the advice, a key at a time, put at the
 * cursor as the text view puts what is typed. */
static void
type_advice (Editing *ed,
             guint    k)
{
  g_autofree char *words = g_strdup_printf (" Edit %u.", k);
  GtkTextIter end;

  gtk_widget_grab_focus (ed->notes_view);
  gtk_text_buffer_get_end_iter (ed->notes, &end);
  gtk_text_buffer_place_cursor (ed->notes, &end);
  for (const char *c = words; *c != '\0'; c++)
    {
      ed->pending = c[1] == '\0' ? k : 0;
      gtk_text_buffer_insert_interactive_at_cursor (ed->notes, c, 1, TRUE);
    }
}

/* The title ends in ", edit K": Backspace over the old number, then
 * the new one typed. */
static void
type_title (Editing *ed,
            guint    k)
{
  const char *text = gtk_editable_get_text (ed->title);
  const char *mark = g_strrstr (text, ", edit ");
  g_autofree char *typed = g_strdup_printf (mark ? "%u" : ", edit %u", k);
  int end = g_utf8_strlen (text, -1);
  int keep = mark ? g_utf8_pointer_to_offset (text, mark) + (int) strlen (", edit ") : end;

  gtk_widget_grab_focus (GTK_WIDGET (ed->title));
  for (; end > keep; end--)
    gtk_editable_delete_text (ed->title, end - 1, end);
  for (const char *c = typed; *c != '\0'; c++)
    {
      ed->pending = c[1] == '\0' ? k : 0;
      gtk_editable_insert_text (ed->title, c, 1, &end);
    }
}

/* A click on a stretch's Reps + (- at the top): the row stores it at
 * once; the main loop runs until the edit has landed, to be sure. */
static void
step_reps (Editing *ed,
           guint    k)
{
  GtkListBox *list = limber_program_editor_get_list (LIMBER_PROGRAM_EDITOR (ed->editor));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (ed->program));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (k / 4) % n);
  GtkWidget *reps = row ? limber_test_find_nth_widget (GTK_WIDGET (row), GTK_TYPE_SPIN_BUTTON, 1) : NULL;
  GtkAdjustment *adjustment;

  if (reps == NULL)
    child_fail ("no Reps spin button");
  adjustment = gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (reps));
  gtk_widget_grab_focus (reps);
  ed->pending = k;
  gtk_spin_button_spin (GTK_SPIN_BUTTON (reps),
                        gtk_adjustment_get_value (adjustment) < gtk_adjustment_get_upper (adjustment)
                        ? GTK_SPIN_STEP_FORWARD : GTK_SPIN_STEP_BACKWARD, 1);
  run_loop (10000, &ed->pending);
}

/* Enter on a stretch of the catalog list adds it to the program. */
static void
add_stretch (Editing *ed,
             guint    k)
{
  GListModel *catalog = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (ed->catalog)));

  ed->pending = k;
  gtk_widget_activate_action (ed->catalog, "list.activate-item", "u", (k * 7) % g_list_model_get_n_items (catalog));
}

/* The catalog's own list, not the one inside a drop-down's popover. */
static GtkWidget *
find_catalog_list (GtkWidget *root)
{
  GtkWidget *found = GTK_IS_LIST_VIEW (root) ? root : NULL;

  if (GTK_IS_DROP_DOWN (root))
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL && found == NULL;
       child = gtk_widget_get_next_sibling (child))
    found = find_catalog_list (child);
  return found;
}

static void
find_fields (Editing   *ed,
             GtkWidget *window)
{
  ed->program = limber_window_get_program (LIMBER_WINDOW (window));
  ed->editor = limber_test_find_widget (window, LIMBER_TYPE_PROGRAM_EDITOR);
  ed->title = GTK_EDITABLE (limber_test_find_widget (ed->editor, ADW_TYPE_ENTRY_ROW));
  ed->notes_view = limber_test_find_widget (ed->editor, GTK_TYPE_TEXT_VIEW);
  ed->notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ed->notes_view));
  ed->catalog = find_catalog_list (limber_test_find_widget (window, LIMBER_TYPE_CATALOG_PANE));
}

/* The number after the last @prefix in @text, or 0. */
static guint
number_after (const char *text,
              const char *prefix)
{
  const char *last = g_strrstr (text, prefix);

  return last ? (guint) g_ascii_strtoull (last + strlen (prefix), NULL, 10) : 0;
}

/* What the last start left: "NONE", or "RESTORED" with the checksum of
 * the program restored, how many programs the prompt listed, whether it
 * named this one, the edits its title and advice show, and how many
 * drafts are still on disk once it is closed with Discard. */
static void
restore (GtkWidget *window)
{
  AdwMessageDialog *dialog = limber_test_find_message_dialog ("Restore Unsaved Work?");
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *named = NULL;
  g_autofree char *notes = NULL;
  GtkTextIter start, end;
  Editing ed = { 0 };
  guint listed = 0, title;
  gboolean named_it;

  if (dialog == NULL)
    {
      report ("NONE");
      return;
    }
  for (const char *p = adw_message_dialog_get_body (dialog); (p = strstr (p, "\n• ")) != NULL; p++)
    listed++;
  adw_message_dialog_response (dialog, "restore");
  run_loop (100, NULL);
  find_fields (&ed, window);
  if (ed.program == NULL)
    child_fail ("Restore opened no program");
  gtk_text_buffer_get_bounds (ed.notes, &start, &end);
  notes = gtk_text_buffer_get_text (ed.notes, &start, &end, FALSE);
  sum = checksum (ed.program);
  named = g_strdup_printf ("• %s (", limber_program_get_title (ed.program));
  named_it = strstr (adw_message_dialog_get_body (dialog), named) != NULL;
  title = number_after (gtk_editable_get_text (ed.title), ", edit ");

  /* Closing asks; Discard throws the work and its draft away. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  if (!limber_test_wait_for (limber_test_has_message_dialog, (gpointer) "Save Changes?"))
    child_fail ("closing the restored program did not ask");
  adw_message_dialog_response (limber_test_find_message_dialog ("Save Changes?"), "discard");
  for (guint i = 0; i < 100 && window != NULL; i++)
    run_loop (100, NULL);
  if (window != NULL)
    child_fail ("Discard did not close the window");
  drafts = limber_drafts_list ();
  report ("RESTORED %s %u %d %u %u %u", sum, listed, named_it, title, number_after (notes, "Edit "), drafts->len);
}

static int
child_main (guint32  seed,
            gboolean last)
{
  g_autoptr(LimberApplication) app = limber_application_new ();
  g_autoptr(GFile) sample = g_file_new_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples",
                                                       "tight-hips.limber", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Editing ed = { 0 };
  GtkWidget *window;
  gint64 give_up;

  /* As main.c starts it, but alone: the test's other processes are not
   * instances to hand files to. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    child_fail ("cannot register the application");
  g_application_activate (G_APPLICATION (app));
  /* Drafts are offered once the catalog is read. */
  limber_test_wait_catalog (limber_application_get_catalog (app));
  window = GTK_WIDGET (limber_test_find_toplevel (LIMBER_TYPE_WINDOW, NULL));
  if (window == NULL)
    child_fail ("no window at the start");
  restore (window);
  if (last)
    {
      report ("DONE");
      return 0;
    }

  g_application_open (G_APPLICATION (app), &sample, 1, "");
  window = GTK_WIDGET (limber_test_find_toplevel (LIMBER_TYPE_WINDOW, NULL));
  /* The file is read in the background. */
  for (guint i = 0; i < 100 && window != NULL && limber_window_get_program (LIMBER_WINDOW (window)) == NULL; i++)
    run_loop (50, NULL);
  if (window == NULL || limber_window_get_program (LIMBER_WINDOW (window)) == NULL)
    child_fail ("the sample program did not open");
  for (guint i = 0; i < 100 && !gtk_widget_get_mapped (window); i++)
    run_loop (100, NULL);
  run_loop (100, NULL);
  find_fields (&ed, window);
  if (ed.notes_view == NULL || ed.title == NULL || ed.catalog == NULL)
    child_fail ("the window has no advice, title or catalog list");
  g_signal_connect (ed.program, "changed", G_CALLBACK (on_changed), &ed);

  /* Until killed, within 10 s of the first edit. */
  give_up = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  for (guint k = 1; g_get_monotonic_time () < give_up; k++)
    {
      switch (k % 4)
        {
        case 1: type_advice (&ed, k); break;
        case 2: type_title (&ed, k); break;
        case 3: step_reps (&ed, k); break;
        default: add_stretch (&ed, k); break;
        }
      if (ed.pending != 0)
        child_fail ("an edit did not change the program");
      run_loop (g_rand_int_range (rand, 50, 301), NULL);
    }
  child_fail ("not killed");
}

/* ------------------------------------------------------------------ */
/* The test: starts, kills and judges                                  */

typedef struct
{
  GPid     pid;
  int      fd;   /* its reports; -1 once closed */
  GString *buf;
} Child;

typedef struct
{
  gint64 time;
  char   sum[41];
} Edit;

typedef struct
{
  guint   due, due_offered;  /* kills over LIMIT_MS after the first edit */
  guint   early_offered;     /* sooner kills that found a draft anyway */
  guint   offered, exact;
  GArray *lost;              /* double, s: of the kills above and those that found one */
} Tally;

static const char *self_path;
static char *tmpdir;

static void
child_start (Child   *c,
             guint32  seed,
             gboolean last)
{
  g_autofree char *seed_arg = g_strdup_printf ("%u", seed);
  const char *argv[] = { self_path, "--crash-child", seed_arg, last ? "last" : "edit", NULL };
  g_autoptr(GError) error = NULL;
  int fds[2], target = REPORT_FD;

  c->buf = g_string_new (NULL);
  g_assert_no_errno (pipe (fds));
  /* Its stdout to our stderr: GLib's lines must not reach our TAP. */
  if (!g_spawn_async_with_pipes_and_fds (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                         -1, STDERR_FILENO, -1, &fds[1], &target, 1,
                                         &c->pid, NULL, NULL, NULL, &error))
    g_error ("cannot start %s: %s", self_path, error->message);
  close (fds[1]);
  c->fd = fds[0];
}

/* The next line @c reported, or NULL at @deadline or once it is gone. */
static char *
child_line (Child  *c,
            gint64  deadline)
{
  for (;;)
    {
      const char *nl = memchr (c->buf->str, '\n', c->buf->len);
      struct pollfd p = { c->fd, POLLIN, 0 };
      gint64 now = g_get_monotonic_time ();
      char chunk[4096];
      ssize_t n;

      if (nl != NULL)
        {
          char *line = g_strndup (c->buf->str, nl - c->buf->str);

          g_string_erase (c->buf, 0, nl - c->buf->str + 1);
          return line;
        }
      if (c->fd < 0 || now >= deadline)
        return NULL;
      if (poll (&p, 1, (int) MIN ((deadline - now) / 1000 + 1, 1000)) <= 0)
        continue;
      n = read (c->fd, chunk, sizeof chunk);
      if (n > 0)
        g_string_append_len (c->buf, chunk, n);
      else if (n == 0 || errno != EINTR)
        {
          close (c->fd);
          c->fd = -1;
        }
    }
}

/* Kills @c if it is still there, and reaps it: its wait status.  No
 * start outlives the test, whatever failed. */
static int
child_stop (Child *c)
{
  int status = 0;

  kill (c->pid, SIGKILL);
  while (waitpid (c->pid, &status, 0) < 0 && errno == EINTR)
    ;
  g_spawn_close_pid (c->pid);
  if (c->fd >= 0)
    close (c->fd);
  g_string_free (c->buf, TRUE);
  return status;
}

/* Adds "EDIT K TIME SUM" to @edits; FALSE if @line is not the next edit. */
static gboolean
take_edit (GArray     *edits,
           const char *line)
{
  Edit e = { 0 };
  guint k;

  if (line == NULL || sscanf (line, "EDIT %u %" G_GINT64_FORMAT " %40s", &k, &e.time, e.sum) != 3
      || k != edits->len + 1)
    return FALSE;
  g_array_append_val (edits, e);
  return TRUE;
}

/* Lets @c edit until a random moment 1–10 s after its first edit, and
 * kills it: the time of the kill, or 0 (and *@problem) if it made no
 * edit or ended by itself. */
static gint64
edit_until_killed (Child   *c,
                   GArray  *edits,
                   char   **problem)
{
  g_autofree char *line = child_line (c, g_get_monotonic_time () + START_TIMEOUT_US);
  g_autofree char *said = NULL;
  gint64 deadline, killed;
  int status;

  if (!take_edit (edits, line))
    {
      *problem = g_strdup_printf ("made no edit: %s", line ? line : "silent");
      child_stop (c);
      return 0;
    }
  deadline = g_array_index (edits, Edit, 0).time + g_test_rand_int_range (1000, 10001) * G_GINT64_CONSTANT (1000);
  while (said == NULL && g_get_monotonic_time () < deadline)
    {
      g_free (line);
      if ((line = child_line (c, deadline)) != NULL && !take_edit (edits, line))
        said = g_steal_pointer (&line);
    }
  killed = g_get_monotonic_time ();
  kill (c->pid, SIGKILL);
  /* What it reported before it died was done before it died. */
  while (said == NULL && (g_free (line), line = child_line (c, G_MAXINT64)) != NULL)
    if (!take_edit (edits, line))
      said = g_steal_pointer (&line);
  status = child_stop (c);
  if (said == NULL && WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
    return killed;
  *problem = g_strdup_printf ("ended by itself (wait status %d): %s", status, said ? said : "");
  return 0;
}

/* The newest edit up to @n of the kind @kind (k % 4), or 0. */
static guint
last_of_kind (guint n,
              guint kind)
{
  return n < kind ? 0 : n - (n - kind) % 4;
}

/* What the next start found after @edits and a kill at @killed: a
 * problem, or NULL. */
static char *
judge (guint       kill_number,
       GArray     *edits,
       gint64      killed,
       const char *answer,
       Tally      *t)
{
  gint64 first = g_array_index (edits, Edit, 0).time;
  gboolean due = killed - first > LIMIT_MS * G_GINT64_CONSTANT (1000);
  guint listed = 0, named = 0, title = 0, advice = 0, left = 0, n = 0;
  double lost = (killed - first) / 1e6;
  g_autofree char *what = NULL;
  char sum[41] = "";
  char *problem = NULL;

  t->due += due;
  if (sscanf (answer, "RESTORED %40s %u %u %u %u %u", sum, &listed, &named, &title, &advice, &left) == 6)
    {
      t->offered++;
      t->due_offered += due;
      t->early_offered += !due;
      for (guint k = edits->len; k > 0 && n == 0; k--)
        if (g_str_equal (g_array_index (edits, Edit, k - 1).sum, sum))
          n = k;
      t->exact += n > 0;
      lost = n < edits->len ? (killed - g_array_index (edits, Edit, n).time) / 1e6 : 0;
      if (n == 0)
        problem = g_strdup ("the restored program is not the program after any one edit");
      else if (title != last_of_kind (n, 2) || advice != last_of_kind (n, 1))
        problem = g_strdup_printf ("the restored window shows the title of edit %u and the advice of edit %u, "
                                   "not those of edit %u", title, advice, n);
      else if (listed != 1)
        problem = g_strdup_printf ("the prompt listed %u programs", listed);
      else if (left != 0)
        problem = g_strdup_printf ("closing with Discard left %u drafts behind", left);
      else if (lost * 1000 > LIMIT_MS)
        problem = g_strdup_printf ("%.1f s of edits lost", lost);
    }
  else if (due)
    problem = g_strdup ("no draft was offered");
  if (due || n > 0)
    g_array_append_val (t->lost, lost);
  what = n > 0 ? g_strdup_printf ("restored edit %u%s", n, named ? "" : " (the prompt named an older title)")
               : g_strdup ("nothing restored");
  g_test_message ("kill %u: %.1f s after the first edit, at edit %u; %s, %.2f s lost%s%s", kill_number,
                  (killed - first) / 1e6, edits->len, what, lost, problem ? ": " : "", problem ? problem : "");
  return problem;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
test_crash_recovery (void)
{
  g_autoptr(GArray) lost = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) edits = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (tmpdir);
  Tally t = { .lost = lost };
  gint64 start = g_get_monotonic_time (), killed = 0;
  g_autofree char *line = NULL;

  /* Start i answers for kill i (what start i - 1 left), then edits
   * until kill i + 1; the last start only answers. */
  for (guint i = 0; i <= KILLS; i++)
    {
      gint64 spawned = g_get_monotonic_time (), deadline = spawned + START_TIMEOUT_US;
      g_autofree char *answer = NULL;
      g_autofree char *problem = NULL;
      Child c = { 0 };

      child_start (&c, g_test_rand_int (), i == KILLS);
      answer = child_line (&c, deadline);
      if (answer == NULL || (!g_str_equal (answer, "NONE") && !g_str_has_prefix (answer, "RESTORED ")))
        {
          child_stop (&c);
          g_string_append_printf (problems, "start %u: %s", i, answer ? answer : "silent");
          break;
        }
      if (i > 0 && (problem = judge (i, edits, killed, answer, &t)) != NULL)
        g_string_append_printf (problems, "kill %u: %s; ", i, problem);
      g_clear_pointer (&problem, g_free);
      g_clear_pointer (&edits, g_array_unref);
      if (i == KILLS)
        {
          line = child_line (&c, deadline);
          child_stop (&c);
          if (g_strcmp0 (line, "DONE") != 0)
            g_string_append_printf (problems, "the last start did not finish: %s", line ? line : "silent");
          break;
        }
      edits = g_array_new (FALSE, FALSE, sizeof (Edit));
      if ((killed = edit_until_killed (&c, edits, &problem)) == 0)
        {
          g_string_append_printf (problems, "start %u %s", i, problem);
          break;
        }
      g_test_message ("start %u: first edit %.1f s after the start", i,
                      (g_array_index (edits, Edit, 0).time - spawned) / 1e6);
    }

  g_array_sort (lost, compare_doubles);
  line = g_strdup_printf ("crash recovery: %u kills, drafts offered %u/%u of the kills over %.1f s after the first "
                          "edit (and %u/%u of the sooner ones), restored state exact %u/%u, edits lost at most "
                          "%.1f s (median %.1f s, limit %.1f s); %.0f s", KILLS, t.due_offered, t.due,
                          LIMIT_MS / 1000.0, t.early_offered, KILLS - t.due, t.exact, t.offered,
                          lost->len ? g_array_index (lost, double, lost->len - 1) : 0,
                          lost->len ? g_array_index (lost, double, lost->len / 2) : 0, LIMIT_MS / 1000.0,
                          (g_get_monotonic_time () - start) / 1e6);
  g_test_message ("%s", line);
  g_printerr ("%s\n", line);
  /* The folder goes now: a failed test ends the program. */
  limber_test_delete_tree (folder);
  if (problems->len > 0)
    g_test_fail_printf ("%s", problems->str);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) folder = NULL;
  int ret;

  if (argc == 4 && g_str_equal (argv[1], "--crash-child"))
    {
      guint32 seed = g_ascii_strtoull (argv[2], NULL, 10);
      gboolean last = g_str_equal (argv[3], "last");

      argc = 1;
      if (!limber_test_gui_init (&argc, &argv))
        return 77;
      return child_main (seed, last);
    }

  /* Drafts, settings and recent files of every start in one folder of
   * ours, set before any thread runs; the starts inherit it. */
  tmpdir = g_dir_make_tmp ("limber-crash-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmpdir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  self_path = argv[0];

  if (!limber_test_gui_init (&argc, &argv))
    return 77;
  g_test_add_func ("/crash-recovery/kill-while-editing", test_crash_recovery);
  ret = g_test_run ();
  folder = g_file_new_for_path (tmpdir);
  limber_test_delete_tree (folder);
  g_free (tmpdir);
  return ret;
}
