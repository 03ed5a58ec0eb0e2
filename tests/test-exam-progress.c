/* test-exam-progress.c — examinations in words, in the C locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "limber-exam-progress.h"
#include "limber-problem.h"
#include "limber-program.h"

static void
test_labels (void)
{
  g_autofree char *rom = limber_exam_rom_label ("hip", "internal-rotation");
  g_autofree char *lumbar = limber_exam_rom_label ("lumbar", "side-bending");

  g_assert_cmpstr (limber_exam_motion_label ("flexion"), ==, "Flexion");
  g_assert_cmpstr (limber_exam_motion_label ("external-rotation"), ==, "External rotation");
  g_assert_cmpstr (limber_exam_motion_label ("side-bending"), ==, "Side bending");
  g_assert_cmpstr (limber_exam_motion_label ("circumduction"), ==, "circumduction");

  g_assert_cmpstr (limber_exam_test_label ("thomas"), ==, "Thomas");
  g_assert_cmpstr (limber_exam_test_label ("ober"), ==, "Ober");
  g_assert_cmpstr (limber_exam_test_label ("faber"), ==, "FABER");
  g_assert_cmpstr (limber_exam_test_label ("fadir"), ==, "FADIR");
  g_assert_cmpstr (limber_exam_test_label ("90-90-hamstring"), ==, "90-90 hamstring");
  g_assert_cmpstr (limber_exam_test_label ("fair"), ==, "Piriformis (FAIR)");
  g_assert_cmpstr (limber_exam_test_label ("slr"), ==, "Straight-leg raise");
  g_assert_cmpstr (limber_exam_test_label ("ely"), ==, "Ely");
  g_assert_cmpstr (limber_exam_test_label ("apley"), ==, "apley");

  g_assert_cmpstr (rom, ==, "Hip internal rotation");
  g_assert_cmpstr (lumbar, ==, "Lumbar side bending");
  g_assert_cmpstr (limber_exam_side_abbreviation (LIMBER_SIDE_LEFT), ==, "L");
  g_assert_cmpstr (limber_exam_side_abbreviation (LIMBER_SIDE_RIGHT), ==, "R");
  g_assert_cmpstr (limber_exam_side_abbreviation (LIMBER_SIDE_UNSET), ==, "");
}

static void
test_format_date (void)
{
  struct { const char *date; const char *text; } cases[] = {
    { "2026-11-24", "24 Nov 2026" },
    { "2027-01-05", "5 Jan 2027" },
    { "2026-11-24Z", "24 Nov 2026" },
    { "2026-11-24+01:00", "24 Nov 2026" },
    { "2026-02-30", "2026-02-30" },   /* not a day: shown as written */
    { "next week", "next week" },
    { NULL, "Undated" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = limber_exam_format_date (cases[i].date);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* What the editor's fields accept, tested without widgets. */
static void
test_date_is_valid (void)
{
  g_assert_true (limber_exam_date_is_valid ("2026-11-24"));
  g_assert_true (limber_exam_date_is_valid ("2028-02-29"));
  g_assert_false (limber_exam_date_is_valid ("2026-02-29"));
  g_assert_false (limber_exam_date_is_valid ("2026-02-30"));
  g_assert_false (limber_exam_date_is_valid ("2026-13-01"));
  g_assert_false (limber_exam_date_is_valid ("0000-01-01"));
  g_assert_false (limber_exam_date_is_valid ("2026-1-24"));
  g_assert_false (limber_exam_date_is_valid ("24/11/2026"));
  g_assert_false (limber_exam_date_is_valid ("2026-11-24Z"));
  g_assert_false (limber_exam_date_is_valid ("2026-11-2a"));
  g_assert_false (limber_exam_date_is_valid (""));
}

static void
test_parse_degrees (void)
{
  struct { const char *text; gboolean ok; gboolean measured; int degrees; } cases[] = {
    { "", TRUE, FALSE, 0 },
    { "  ", TRUE, FALSE, 0 },
    { "°", TRUE, FALSE, 0 },
    { "12", TRUE, TRUE, 12 },
    { " 12 ", TRUE, TRUE, 12 },
    { "15°", TRUE, TRUE, 15 },
    { "15 °", TRUE, TRUE, 15 },
    { "0", TRUE, TRUE, 0 },
    { "-5", TRUE, TRUE, -5 },
    { "−5°", TRUE, TRUE, -5 },
    { "+7", TRUE, TRUE, 7 },
    { "180", TRUE, TRUE, 180 },
    { "-180", TRUE, TRUE, -180 },
    { "181", FALSE, FALSE, 0 },
    { "-181", FALSE, FALSE, 0 },
    { "--5", FALSE, FALSE, 0 },
    { "- 5", FALSE, FALSE, 0 },
    { "5.5", FALSE, FALSE, 0 },
    { "lots", FALSE, FALSE, 0 },
    { "12abc", FALSE, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean measured = -1;
      int degrees = 999;
      gboolean ok = limber_exam_parse_degrees (cases[i].text, &measured, &degrees);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      g_assert_cmpint (measured, ==, cases[i].measured);
      if (cases[i].measured)
        g_assert_cmpint (degrees, ==, cases[i].degrees);
    }
}

/* The sample program's exam, built by hand, in another order than the
 * one it is described in. */
static LimberExam *
tight_hips_exam (void)
{
  LimberExam *exam = limber_exam_new ();

  exam->date = g_strdup ("2026-11-24");
  exam->pain = 6;
  exam->note = g_strdup ("Central and left low-back pain.");
  limber_exam_set_test (exam, "ely", LIMBER_SIDE_LEFT, TRUE);
  limber_exam_set_rom (exam, "hip", LIMBER_SIDE_RIGHT, "extension", 15);
  limber_exam_set_rom (exam, "hip", LIMBER_SIDE_LEFT, "extension", 5);
  limber_exam_set_test (exam, "thomas", LIMBER_SIDE_RIGHT, FALSE);
  limber_exam_set_test (exam, "thomas", LIMBER_SIDE_LEFT, TRUE);
  limber_exam_set_rom (exam, "lumbar", LIMBER_SIDE_UNSET, "flexion", 40);
  limber_exam_set_rom (exam, "hip", LIMBER_SIDE_LEFT, "flexion", 110);
  limber_exam_set_rom (exam, "hip", LIMBER_SIDE_LEFT, "adduction", -5);
  limber_exam_set_test (exam, "fair", LIMBER_SIDE_LEFT, FALSE);
  return exam;
}

static void
test_describe (void)
{
  g_autoptr(LimberExam) exam = tight_hips_exam ();
  g_autoptr(LimberExam) empty = limber_exam_new ();
  g_autofree char *text = limber_exam_describe (exam);
  g_autofree char *empty_text = limber_exam_describe (empty);

  g_assert_cmpstr (text, ==,
                   "24 Nov 2026 · Pain 6/10 · Hip flexion L 110° · Hip extension L 5°, R 15°"
                   " · Hip adduction L -5° · Lumbar flexion 40°"
                   " · Thomas positive L, negative R · Piriformis (FAIR) negative L · Ely positive L");
  g_assert_cmpstr (empty_text, ==, "Undated");

  /* Describing does not reorder the exam. */
  g_assert_cmpstr (g_array_index (exam->tests, LimberSpecialTest, 0).name, ==, "ely");
  g_assert_cmpstr (g_array_index (exam->rom, LimberRom, 0).motion, ==, "extension");
}

static char *
write_program (const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("limber-exam-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, "progress.limber", NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_program (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static LimberProgram *
load_program (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) warnings = limber_problem_list_new ();
  g_autoptr(GError) error = NULL;
  LimberProgram *program = limber_program_load (file, NULL, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (program);
  g_assert_cmpuint (warnings->len, ==, 0);
  return program;
}

/* Three exams, the newest first in the file, one of them undated (left
 * out: it cannot be placed in time). */
static const char program_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<limber-program version=\"1\" xml:lang=\"en\">\n"
  "  <title>Tight hips</title>\n"
  "  <exam date=\"2027-01-05\">\n"
  "    <rom joint=\"hip\" side=\"left\" motion=\"extension\" degrees=\"12\"/>\n"
  "    <rom joint=\"hip\" side=\"right\" motion=\"extension\" degrees=\"15\"/>\n"
  "    <rom joint=\"hip\" side=\"left\" motion=\"internal-rotation\" degrees=\"30\"/>\n"
  "    <rom joint=\"knee\" side=\"left\" motion=\"flexion\" degrees=\"130\"/>\n"
  "    <test name=\"thomas\" side=\"left\" result=\"negative\"/>\n"
  "    <test name=\"ober\" side=\"left\" result=\"positive\"/>\n"
  "    <pain scale=\"0-10\" value=\"3\"/>\n"
  "  </exam>\n"
  "  <exam>\n"
  "    <rom joint=\"hip\" side=\"left\" motion=\"extension\" degrees=\"-20\"/>\n"
  "    <pain scale=\"0-10\" value=\"9\"/>\n"
  "  </exam>\n"
  "  <exam date=\"2026-11-24\">\n"
  "    <rom joint=\"hip\" side=\"right\" motion=\"extension\" degrees=\"15\"/>\n"
  "    <rom joint=\"hip\" side=\"left\" motion=\"extension\" degrees=\"-5\"/>\n"
  "    <rom joint=\"hip\" side=\"left\" motion=\"flexion\" degrees=\"110\"/>\n"
  "    <rom joint=\"knee\" side=\"left\" motion=\"flexion\" degrees=\"120\"/>\n"
  "    <test name=\"ober\" side=\"left\" result=\"positive\"/>\n"
  "    <test name=\"thomas\" side=\"left\" result=\"positive\"/>\n"
  "    <test name=\"thomas\" side=\"right\" result=\"negative\"/>\n"
  "    <pain scale=\"0-10\" value=\"6\"/>\n"
  "  </exam>\n"
  "</limber-program>\n";

/* The progress lines with plain spaces: a date's own spaces are
 * no-break spaces, so that a line never breaks inside one. */
static char *
progress_text (LimberProgram *program)
{
  g_autofree char *text = limber_exam_describe_progress (program);
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return NULL;
  parts = g_strsplit (text, "\u00a0", -1);
  return g_strjoinv (" ", parts);
}

static void
test_progress_in_date_order (void)
{
  g_autofree char *path = write_program (program_xml);
  g_autoptr(LimberProgram) program = load_program (path);
  g_autofree char *progress = NULL;
  g_autofree char *raw = NULL;

  g_assert_cmpuint (limber_program_get_n_exams (program), ==, 3);
  raw = limber_exam_describe_progress (program);
  g_assert_nonnull (strstr (raw, "(24\u00a0Nov\u00a02026)"));
  progress = progress_text (program);
  /* Every region; measured in two dated exams at least; by date, each
   * value with its date (the year too: the exams span two). */
  g_assert_cmpstr (progress, ==,
                   "Hip extension, left: -5° (24 Nov 2026) → 12° (5 Jan 2027)\n"
                   "Hip extension, right: 15° (24 Nov 2026) → 15° (5 Jan 2027)\n"
                   "Knee flexion, left: 120° (24 Nov 2026) → 130° (5 Jan 2027)\n"
                   "Thomas test, left: positive (24 Nov 2026) → negative (5 Jan 2027)\n"
                   "Ober test, left: positive (24 Nov 2026) → positive (5 Jan 2027)\n"
                   "Pain: 6 (24 Nov 2026) → 3 (5 Jan 2027)");
  remove_program (path);
}

static void
test_progress_needs_two_exams (void)
{
  g_autoptr(LimberProgram) program = limber_program_new ();
  g_autoptr(LimberExam) first = tight_hips_exam ();
  g_autoptr(LimberExam) undated = tight_hips_exam ();
  g_autoptr(LimberExam) unrelated = limber_exam_new ();
  g_autofree char *none = limber_exam_describe_progress (program);
  g_autofree char *one = NULL;
  g_autofree char *with_undated = NULL;
  g_autofree char *nothing_twice = NULL;
  g_autofree char *two = NULL;

  g_assert_null (none);

  limber_program_add_exam (program, first);
  one = limber_exam_describe_progress (program);
  g_assert_null (one);

  g_clear_pointer (&undated->date, g_free);
  limber_program_add_exam (program, undated);
  with_undated = limber_exam_describe_progress (program);
  g_assert_null (with_undated);

  /* A second dated exam that shares no measurement. */
  unrelated->date = g_strdup ("2026-12-01");
  limber_exam_set_rom (unrelated, "knee", LIMBER_SIDE_LEFT, "flexion", 120);
  limber_program_add_exam (program, unrelated);
  nothing_twice = limber_exam_describe_progress (program);
  g_assert_null (nothing_twice);

  /* Through the undoable edit: the second exam now has a pain score. */
  unrelated->pain = 2;
  limber_program_set_exam (program, 2, unrelated);
  two = progress_text (program);
  g_assert_cmpstr (two, ==, "Pain: 6 (24 Nov) → 2 (1 Dec)");
}

/* Three visits in one year: every value keeps its date, a value missing
 * at one visit is left out of its line, and the new regions (ankle, low
 * back, their tests) are followed like the hip. */
static void
test_progress_three_visits (void)
{
  g_autoptr(LimberProgram) program = limber_program_new ();
  const char *dates[] = { "2026-11-24", "2026-12-01", "2026-12-08" };
  const int dorsiflexion[] = { 8, 12, 15 };
  g_autofree char *progress = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(LimberExam) exam = limber_exam_new ();

      exam->date = g_strdup (dates[i]);
      limber_exam_set_rom (exam, "ankle", LIMBER_SIDE_RIGHT, "dorsiflexion", dorsiflexion[i]);
      if (i != 1)
        limber_exam_set_rom (exam, "lumbar", LIMBER_SIDE_UNSET, "flexion", 40 + 5 * (int) i);
      limber_exam_set_test (exam, "slump", LIMBER_SIDE_LEFT, i == 0);
      limber_program_add_exam (program, exam);
    }
  progress = progress_text (program);
  g_assert_cmpstr (progress, ==,
                   "Ankle dorsiflexion, right: 8° (24 Nov) → 12° (1 Dec) → 15° (8 Dec)\n"
                   "Lumbar flexion: 40° (24 Nov) → 50° (8 Dec)\n"
                   "Slump test, left: positive (24 Nov) → negative (1 Dec) → negative (8 Dec)");
}

static void
test_sample_program (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIMBER_DATA_DIR") ? g_getenv ("LIMBER_DATA_DIR") : "data",
                                            "examples", "tight-hips.limber", NULL);
  g_autoptr(LimberProgram) program = NULL;
  g_autofree char *text = NULL;
  g_autofree char *progress = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the sample program is not where LIMBER_DATA_DIR says");
      return;
    }
  program = load_program (path);
  g_assert_cmpuint (limber_program_get_n_exams (program), >=, 1);
  text = limber_exam_describe (limber_program_get_exam (program, 0));
  g_assert_true (g_str_has_prefix (text, "24 Nov 2026 · Pain 6/10 · Hip flexion L 110°, R 120° · "
                                         "Hip extension L 5°, R 15° · "));
  g_assert_nonnull (strstr (text, " · Thomas positive L, negative R · Ober positive L, negative R · "));
  /* Region by region: the hip's tests, the knee's, then the low back's. */
  g_assert_nonnull (strstr (text, " · Piriformis (FAIR) negative L · Ely positive L · 90-90 hamstring "));
  g_assert_true (g_str_has_suffix (text, " · Straight-leg raise negative L"));
  progress = limber_exam_describe_progress (program);
  g_assert_null (progress);
}

int
main (int   argc,
      char *argv[])
{
  /* The expected strings are the untranslated ones. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exam/labels", test_labels);
  g_test_add_func ("/exam/format-date", test_format_date);
  g_test_add_func ("/exam/date-is-valid", test_date_is_valid);
  g_test_add_func ("/exam/parse-degrees", test_parse_degrees);
  g_test_add_func ("/exam/describe", test_describe);
  g_test_add_func ("/exam/progress/date-order", test_progress_in_date_order);
  g_test_add_func ("/exam/progress/needs-two-exams", test_progress_needs_two_exams);
  g_test_add_func ("/exam/progress/sample-program", test_sample_program);
  g_test_add_func ("/exam/progress/three-visits", test_progress_three_visits);
  return g_test_run ();
}
