/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fault-recovery.c — drafts after a crash, the last test of test-faults
 *
 * A fork()ed copy of test-faults edits a program and writes a draft
 * every few edits, as the window does, until it is killed; the draft
 * the next start would offer must load and hold the last edits written.
 */
#include "config.h"

#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "limber-drafts.h"
#include "limber-paths.h"
#include "limber-test-utils.h"

#include "fault-fixtures.h"
#include "fault-recovery.h"

#define RECOVERIES   20
#define EDITS_PER_DRAFT 3

/* ------------------------------------------------------------------ */
/* Drafts after a crash                                               */

/* The @k-th edit (from 1) of the editing child, the same every time:
 * the notes, a stretch added (or, past 15, the last one taken out), a
 * dosage. */
static void
apply_edit (LimberProgram *program,
            guint          k)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (program));

  switch (k % 3)
    {
    case 0:
      {
        g_autofree char *notes = g_strdup_printf ("Edit %u: walk for a minute every half hour.", k);

        limber_program_set_field (program, LIMBER_PROGRAM_NOTES, notes);
      }
      break;
    case 1:
      if (n < 15)
        limber_program_insert_exercise (program, k % (n + 1), exercise_at (k * 7));
      else
        limber_program_remove (program, n - 1);
      break;
    default:
      {
        LimberDosage dosage = { 0 };

        limber_dosage_set (&dosage, LIMBER_DOSAGE_SETS, 1 + k % 4);
        limber_dosage_set (&dosage, LIMBER_DOSAGE_REPS, 5 + k % 10);
        dosage.side = k % 2 ? LIMBER_SIDE_LEFT : LIMBER_SIDE_BOTH;
        limber_program_set_item_dosage (program, k % n, &dosage);
      }
      break;
    }
}

/* In the child: edit, with a short pause after each edit, and write a
 * draft after every EDITS_PER_DRAFT edits, as the window does once its
 * debounce runs out; the number of edits each draft holds goes on
 * @report_fd once it is written. */
static void G_GNUC_NORETURN
edit_until_killed (LimberProgram *program,
                   int            report_fd)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (guint32 k = 1; g_get_monotonic_time () < end; k++)
    {
      apply_edit (program, k);
      g_usleep (500);
      if (k % EDITS_PER_DRAFT == 0)
        {
          g_autoptr(GError) error = NULL;

          if (!limber_drafts_save (DRAFT_ID, program, &error))
            _exit (2);
          if (write (report_fd, &k, sizeof k) != sizeof k)
            break;
        }
    }
  _exit (0);
}

/* The program after @k edits (a multiple of EDITS_PER_DRAFT), as
 * text: the same edits replayed on a copy of our own, the text after
 * each draft's worth kept once made. */
static const char *
expected_after (LimberProgram *replay,
                GPtrArray     *texts,
                guint          k)
{
  guint index = k / EDITS_PER_DRAFT;

  g_assert_cmpuint (k % EDITS_PER_DRAFT, ==, 0);
  if (texts->len == 0)
    g_ptr_array_add (texts, limber_program_to_string (replay, NULL));
  while (texts->len <= index)
    {
      for (guint e = (texts->len - 1) * EDITS_PER_DRAFT + 1; e <= texts->len * EDITS_PER_DRAFT; e++)
        apply_edit (replay, e);
      g_ptr_array_add (texts, limber_program_to_string (replay, NULL));
    }
  return g_ptr_array_index (texts, index);
}

void
test_draft_recovery (void)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LimberProgram) replay = load_sample ();
  /* Each child edits its own copy of this one: fork() copies it. */
  g_autoptr(LimberProgram) program = load_sample ();
  g_autoptr(GFile) drafts_folder = limber_paths_drafts ();
  guint survived = 0, drafts_total = 0, edits_total = 0;
  g_autofree char *line = NULL;

  for (guint round = 0; round < RECOVERIES; round++)
    {
      g_autoptr(GPtrArray) drafts = NULL;
      g_autofree char *problem = NULL;
      LimberDraft *found = NULL;
      guint32 last = 0, k;
      guint edits = 0;
      int fds[2];
      int status;
      pid_t pid;
      ssize_t n;

      /* Every round starts with no draft at all. */
      limber_test_delete_tree (drafts_folder);
      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          edit_until_killed (program, fds[1]);
        }
      close (fds[1]);
      /* Once the first draft is written (before it there is nothing to
       * restore), anywhere in the next few dozen. */
      if (read (fds[0], &k, sizeof k) == sizeof k)
        {
          last = k;
          drafts_total++;
        }
      g_usleep (g_test_rand_int_range (0, 300 * 1000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFSIGNALED (status))
        problem = g_strdup_printf ("the editing child ended by itself (status %d): a draft failed", status);
      while ((n = read (fds[0], &k, sizeof k)) == sizeof k)
        {
          last = k;
          drafts_total++;
        }
      close (fds[0]);

      /* What the next start offers. */
      drafts = limber_drafts_list ();
      for (guint i = 0; i < drafts->len; i++)
        if (g_str_equal (((LimberDraft *) g_ptr_array_index (drafts, i))->id, DRAFT_ID))
          found = g_ptr_array_index (drafts, i);
      if (problem != NULL)
        ;
      else if (last == 0)
        problem = g_strdup ("the child wrote no draft");
      else if (found == NULL)
        problem = g_strdup_printf ("%u edits were in a draft, but no draft is found", last);
      else
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(LimberProgram) restored = limber_drafts_load (found, catalog, &error);
          g_autofree char *text = restored ? limber_program_to_string (restored, NULL) : NULL;

          /* The last draft reported, or the one after it (written, the
           * child killed before it could say so). */
          if (restored == NULL)
            problem = g_strdup_printf ("the draft does not load: %s", error->message);
          else if (g_strcmp0 (text, expected_after (replay, texts, last)) == 0)
            edits = last;
          else if (g_strcmp0 (text, expected_after (replay, texts, last + EDITS_PER_DRAFT)) == 0)
            edits = last + EDITS_PER_DRAFT;
          else
            problem = g_strdup_printf ("the draft holds neither %u nor %u edits", last, last + EDITS_PER_DRAFT);
        }
      if (problem == NULL)
        {
          survived++;
          edits_total += edits;
        }
      else
        g_test_message ("round %u: %s", round, problem);
      g_test_message ("round %u: %u edits reported in a draft, the draft restored holds %u", round, last, edits);
    }
  line = g_strdup_printf ("draft crash recovery: kills survived %u/%u (%u drafts written, a restored draft held "
                          "%.0f edits on average)", survived, RECOVERIES, drafts_total,
                          (double) edits_total / MAX (survived, 1));
  g_test_message ("%s", line);
  g_printerr ("%s\n", line);
  if (survived != RECOVERIES)
    g_test_fail_printf ("kills survived %u/%u", survived, RECOVERIES);
}
