/* test-program.c — opening programs; dosages and multilingual text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "limber-catalog.h"
#include "limber-dosage.h"
#include "limber-paths.h"
#include "limber-problem.h"
#include "limber-program.h"
#include "limber-test-utils.h"
#include "limber-text.h"
#include "limber-xml.h"

static char *
test_file (const char *kind,
           const char *validity,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "files", kind, validity, name, NULL);
}

static LimberCatalog *
catalog_from (const char *name)
{
  LimberCatalog *catalog = limber_catalog_new ();
  g_autofree char *path = test_file ("catalog", "valid", name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (limber_catalog_add_file (catalog, file, &error));
  g_assert_no_error (error);
  return catalog;
}

static LimberProgramItem *
item_at (LimberProgram *program,
         guint          i)
{
  /* The program keeps its own reference: borrow it. */
  LimberProgramItem *item = g_list_model_get_item (G_LIST_MODEL (program), i);

  g_assert (item != NULL);
  g_object_unref (item);
  return item;
}

static void
test_example (void)
{
  g_autoptr(GFile) file = limber_paths_example ("tight-hips.limber");
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GPtrArray) warnings = limber_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberProgram) program = NULL;
  const struct
  {
    const char *id;
    const char *name;
    int         sets, reps, hold, per_day, days;
    const char *note_start;
  } items[] = {
    { "iliopsoas-half-kneeling", "Half-kneeling hip flexor release", 2, 8, 3, 2, 7, "Left side only" },
    { "rectus-femoris-side-lying", "Side-lying front thigh release", 2, 8, 3, 2, 7, "Lie on your right side" },
    { "tensor-fasciae-latae-standing", NULL, 2, 8, 3, 2, 7, "Hold the chair" },
    { "piriformis-supine-figure-4", NULL, 2, 6, 3, 2, 7, "Go gently" },
    { "hamstrings-supine-strap", NULL, 2, 8, 3, 1, 7, "Lift your leg only as high" },
  };

  limber_catalog_load_standard (catalog, NULL);
  program = limber_program_load (file, catalog, warnings, &error);
  g_assert_no_error (error);
  g_assert (program != NULL);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_true (g_file_equal (limber_program_get_file (program), file));
  g_assert_cmpstr (limber_program_get_language (program), ==, "en");
  g_assert_cmpstr (limber_program_get_title (program), ==, "Tight hips — week 1");
  g_assert_cmpstr (limber_program_get_patient_name (program), ==, "Sam Rivera");
  g_assert_cmpstr (limber_program_get_patient_id (program), ==, "MRN-0042");
  g_assert_cmpstr (limber_program_get_therapist (program), ==, "Alex Kim");
  g_assert_cmpstr (limber_program_get_clinic (program), ==, "Riverside Physio");
  g_assert_cmpstr (limber_program_get_created (program), ==, "2026-11-24");
  g_assert_true (g_str_has_prefix (limber_program_get_notes (program), "These stretches loosen the tight muscles"));
  g_assert_cmpuint (limber_program_get_n_exams (program), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (program)), ==, G_N_ELEMENTS (items));

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      LimberProgramItem *item = item_at (program, i);
      LimberExercise *e = limber_program_item_get_exercise (item);
      LimberExercise *in_catalog = limber_catalog_lookup (catalog, items[i].id);
      const LimberDosage *override = limber_program_item_get_override (item);
      LimberDosage d;

      g_test_message ("item %u: %s", i, items[i].id);
      g_assert_cmpstr (limber_exercise_get_id (e), ==, items[i].id);
      g_assert_nonnull (in_catalog);
      g_assert_cmpstr (limber_exercise_get_name (e, "en"), ==, limber_exercise_get_name (in_catalog, "en"));
      if (items[i].name != NULL)
        g_assert_cmpstr (limber_exercise_get_name (e, NULL), ==, items[i].name);
      g_assert_false (limber_program_item_get_from_snapshot (item));
      g_assert_true (g_str_has_prefix (limber_program_item_get_note (item), items[i].note_start));

      /* The item gives side and most numbers, never days-per-week: that
       * comes from the exercise (7), and the item's side wins over "both". */
      g_assert_false (limber_dosage_is_set (override, LIMBER_DOSAGE_DAYS_PER_WEEK));
      g_assert_cmpint (limber_exercise_get_dosage (e)->side, ==, LIMBER_SIDE_BOTH);
      limber_program_item_get_dosage (item, &d);
      g_assert_cmpint (d.side, ==, LIMBER_SIDE_LEFT);
      g_assert_cmpint (limber_dosage_get (&d, LIMBER_DOSAGE_SETS), ==, items[i].sets);
      g_assert_cmpint (limber_dosage_get (&d, LIMBER_DOSAGE_REPS), ==, items[i].reps);
      g_assert_cmpint (limber_dosage_get (&d, LIMBER_DOSAGE_HOLD_SECONDS), ==, items[i].hold);
      g_assert_cmpint (limber_dosage_get (&d, LIMBER_DOSAGE_PER_DAY), ==, items[i].per_day);
      g_assert_true (limber_dosage_is_set (&d, LIMBER_DOSAGE_DAYS_PER_WEEK));
      g_assert_cmpint (limber_dosage_get (&d, LIMBER_DOSAGE_DAYS_PER_WEEK), ==, items[i].days);
    }
  /* Where item and exercise differ, the item wins. */
  g_assert_cmpint (limber_dosage_get (limber_exercise_get_dosage (limber_program_item_get_exercise (item_at (program, 3))),
                                      LIMBER_DOSAGE_REPS), ==, 8);
  g_assert_cmpint (limber_dosage_get (limber_exercise_get_dosage (limber_program_item_get_exercise (item_at (program, 4))),
                                      LIMBER_DOSAGE_PER_DAY), ==, 2);
}

static void
test_snapshot_fallback (void)
{
  g_autofree char *path = test_file ("program", "valid", "minimal.limber");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LimberCatalog) catalog = catalog_from ("minimal.xml");
  g_autoptr(LimberCatalog) empty = limber_catalog_new ();
  g_autoptr(LimberProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s:3: ", path);
  LimberProgramItem *item;

  /* No copy in the file, and no catalog: a clear error naming the id. */
  g_assert_null (limber_program_load (file, NULL, NULL, &error));
  g_assert_nonnull (error);
  if (error != NULL)
    {
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_nonnull (strstr (error->message, "hip-flexor-release"));
    }
  g_clear_error (&error);
  g_assert_null (limber_program_load (file, empty, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  program = limber_program_load (file, catalog, NULL, &error);
  g_assert_no_error (error);
  g_assert (program != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (program)), ==, 1);
  item = item_at (program, 0);
  g_assert_true (limber_program_item_get_exercise (item) == limber_catalog_lookup (catalog, "hip-flexor-release"));
  g_assert_false (limber_program_item_get_from_snapshot (item));
  g_assert_true (limber_dosage_is_empty (limber_program_item_get_override (item)));
  g_assert_null (limber_program_item_get_note (item));
  g_assert_cmpstr (limber_program_get_language (program), ==, "en");
  g_assert_null (limber_program_get_title (program));
}

static void
test_from_snapshot (void)
{
  g_autofree char *path = test_file ("program", "valid", "full.limber");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LimberCatalog) empty = limber_catalog_new ();
  g_autoptr(LimberCatalog) full = catalog_from ("full.xml");
  g_autoptr(LimberProgram) program = NULL;
  g_autoptr(LimberProgram) with_catalog = NULL;
  g_autoptr(GPtrArray) warnings = limber_problem_list_new ();
  g_autoptr(GError) error = NULL;
  const char *types[] = { "image/png", "image/jpeg", "image/svg+xml" };

  program = limber_program_load (file, empty, warnings, &error);
  g_assert_no_error (error);
  g_assert (program != NULL);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (program)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      LimberProgramItem *item = item_at (program, i);
      LimberExercise *e = limber_program_item_get_exercise (item);
      const char *type = NULL;

      g_assert_true (limber_program_item_get_from_snapshot (item));
      g_assert_nonnull (limber_exercise_get_name (e, "en"));
      g_assert_nonnull (limber_exercise_get_image_data (e, &type));
      g_assert_cmpstr (type, ==, types[i]);
    }
  g_assert_cmpstr (limber_exercise_get_name (limber_program_item_get_exercise (item_at (program, 2)), "en"), ==,
                   "Seated piriformis release");

  /* With the exercise in the catalog, the program still keeps its own copy. */
  with_catalog = limber_program_load (file, full, NULL, &error);
  g_assert_no_error (error);
  g_assert (with_catalog != NULL);
  g_assert_false (limber_program_item_get_from_snapshot (item_at (with_catalog, 0)));
  g_assert_true (limber_program_item_get_from_snapshot (item_at (with_catalog, 2)));
  g_assert_true (limber_program_item_get_exercise (item_at (with_catalog, 0))
                 != limber_catalog_lookup (full, "iliopsoas-half-kneeling"));
}

/* xml:lang="en" on the root: the handout's texts are the English ones,
 * whatever order the translations come in. */
static void
test_languages (void)
{
  g_autofree char *path = test_file ("program", "valid", "full.limber");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LimberProgram) program = limber_program_load (file, NULL, NULL, NULL);

  g_assert (program != NULL);
  g_assert_cmpstr (limber_program_get_language (program), ==, "en");
  g_assert_cmpstr (limber_program_get_title (program), ==, "Hip mobility — week 1");
  g_assert_cmpstr (limber_program_get_notes (program), ==, "Do the exercises slowly; a stretch, never pain.");
  g_assert_cmpstr (limber_program_item_get_note (item_at (program, 0)), ==, "Go gently on the left side.");
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Loads @file in the background and waits for it. */
static LimberProgram *
load_async (GFile          *file,
            LimberCatalog  *catalog,
            GPtrArray      *warnings,
            GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  limber_program_load_async (file, catalog, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return limber_program_load_finish (result, warnings, error);
}

/* Read in a worker: the same program as read on the spot, the same
 * warnings, the same error for a file that cannot open. */
static void
test_load_async (void)
{
  g_autoptr(GFile) sample = limber_paths_example ("tight-hips.limber");
  g_autofree char *bad_path = test_file ("program", "invalid", "image-huge-png.limber");
  g_autofree char *broken_path = test_file ("program", "invalid", "malformed.limber");
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/limber/program.limber");
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(LimberProgram) sync = NULL;
  g_autoptr(LimberProgram) async = NULL;
  g_autoptr(GPtrArray) warnings = limber_problem_list_new ();
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sync_text = NULL;
  g_autofree char *async_text = NULL;

  limber_catalog_load_standard (catalog, NULL);
  sync = limber_program_load (sample, catalog, NULL, NULL);
  async = load_async (sample, catalog, NULL, &error);
  g_assert_no_error (error);
  sync_text = limber_program_to_string (sync, NULL);
  async_text = limber_program_to_string (async, NULL);
  g_assert_cmpstr (sync_text, ==, async_text);
  g_assert_true (g_file_equal (limber_program_get_file (async), sample));
  g_assert_false (limber_program_is_modified (async));
  g_clear_object (&async);

  async = load_async (bad, NULL, warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (async);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpuint (((LimberProblem *) g_ptr_array_index (warnings, 0))->line, ==, 13);
  g_clear_object (&async);

  /* An unreadable file (as root, "nobody" in every thread: the worker
   * reads it). */
  {
    g_autofree char *dir = g_dir_make_tmp ("limber-unreadable-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "unreadable.limber", NULL);
    g_autoptr(GFile) unreadable = g_file_new_for_path (path);
    gboolean obeying = FALSE;

    g_assert_true (g_file_set_contents (path, "<limber-program version=\"1\"/>", -1, NULL));
    g_assert_cmpint (g_chmod (path, 0), ==, 0);
    g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
    if (geteuid () != 0 || (obeying = limber_test_obey_permissions_everywhere (TRUE)))
      {
        g_clear_error (&sync_error);
        g_clear_error (&error);
        g_assert_null (limber_program_load (unreadable, NULL, NULL, &sync_error));
        g_assert_null (load_async (unreadable, NULL, NULL, &error));
        if (obeying)
          g_assert_true (limber_test_obey_permissions_everywhere (FALSE));
        g_assert_nonnull (error);
        g_assert_cmpstr (error->message, ==, sync_error->message);
        g_assert_nonnull (strstr (error->message, "Permission denied"));
      }
    else
      g_test_message ("not tried: root reads any file here");
    g_remove (path);
    g_rmdir (dir);
  }

  for (guint i = 0; i < 2; i++)
    {
      GFile *file = i == 0 ? broken : missing;

      g_clear_error (&sync_error);
      g_clear_error (&error);
      g_assert_null (limber_program_load (file, catalog, NULL, &sync_error));
      g_assert_null (load_async (file, catalog, NULL, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, sync_error->message);
    }
}

static void
test_bad_image (void)
{
  const char *files[] = { "image-huge-png.limber", "image-svg-external.limber", "image-not-an-image.limber" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = test_file ("program", "invalid", files[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GPtrArray) warnings = limber_problem_list_new ();
      g_autoptr(GPtrArray) problems = limber_problem_list_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(LimberProgram) program = NULL;
      LimberProblem *p;
      LimberExercise *e;

      g_test_message ("%s", files[i]);
      /* The app opens it, without the picture, and says why. */
      program = limber_program_load (file, NULL, warnings, &error);
      g_assert_no_error (error);
      g_assert (program != NULL);
      g_assert (warnings->len == 1);
      p = g_ptr_array_index (warnings, 0);
      g_test_message ("%s", p->message);
      g_assert_cmpstr (p->file, ==, path);
      g_assert_cmpuint (p->line, ==, 13);
      g_assert_nonnull (strstr (p->message, "hip-flexor-release"));
      e = limber_program_item_get_exercise (item_at (program, 0));
      g_assert_null (limber_exercise_get_image_data (e, NULL));
      g_assert_cmpstr (limber_exercise_get_name (e, NULL), ==, "Hip flexor release");

      /* `limber --validate` calls it an error. */
      g_assert_false (limber_program_check_file (file, path, NULL, problems));
      g_assert (problems->len >= 1);
      p = g_ptr_array_index (problems, 0);
      g_assert_cmpstr (p->file, ==, path);
      g_assert_cmpuint (p->line, ==, 13);
    }
}

static void
test_dosage_parse (void)
{
  const struct
  {
    LimberDosageField field;
    const char       *text;
    int               value;   /* -1: refused */
  } cases[] = {
    { LIMBER_DOSAGE_SETS, "2", 2 }, { LIMBER_DOSAGE_SETS, "1", 1 }, { LIMBER_DOSAGE_SETS, "10", 10 },
    { LIMBER_DOSAGE_SETS, "0", -1 }, { LIMBER_DOSAGE_SETS, "11", -1 },
    /* As xsd:integer reads them (the schema accepts these too). */
    { LIMBER_DOSAGE_SETS, "+3", 3 }, { LIMBER_DOSAGE_REPS, " 7 ", 7 }, { LIMBER_DOSAGE_REPS, "007", 7 },
    { LIMBER_DOSAGE_REPS, "100", 100 }, { LIMBER_DOSAGE_REPS, "101", -1 }, { LIMBER_DOSAGE_REPS, "-5", -1 },
    { LIMBER_DOSAGE_REPS, "", -1 }, { LIMBER_DOSAGE_REPS, "  ", -1 }, { LIMBER_DOSAGE_REPS, "five", -1 },
    { LIMBER_DOSAGE_REPS, "5.0", -1 }, { LIMBER_DOSAGE_REPS, "5 reps", -1 }, { LIMBER_DOSAGE_REPS, "0x10", -1 },
    { LIMBER_DOSAGE_REPS, "99999999999999999999", -1 }, { LIMBER_DOSAGE_REPS, "4294967301", -1 },
    { LIMBER_DOSAGE_HOLD_SECONDS, "0", 0 }, { LIMBER_DOSAGE_HOLD_SECONDS, "600", 600 },
    { LIMBER_DOSAGE_HOLD_SECONDS, "601", -1 }, { LIMBER_DOSAGE_PER_DAY, "10", 10 },
    { LIMBER_DOSAGE_PER_DAY, "0", -1 }, { LIMBER_DOSAGE_DAYS_PER_WEEK, "7", 7 },
    { LIMBER_DOSAGE_DAYS_PER_WEEK, "8", -1 },
  };
  const char *attributes[] = { "sets", "reps", "hold-seconds", "per-day", "days-per-week" };
  const int bounds[][2] = { { 1, 10 }, { 1, 100 }, { 0, 600 }, { 1, 10 }, { 1, 7 } };
  LimberSide side = LIMBER_SIDE_UNSET;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;
      int value = -42;
      gboolean ok = limber_dosage_parse_field (cases[i].field, cases[i].text, &value, &message);

      if (ok != (cases[i].value >= 0) || (ok && value != cases[i].value))
        g_test_fail_printf ("%s=\"%s\": %s %d (%s)", attributes[cases[i].field], cases[i].text,
                            ok ? "read as" : "refused", value, message ? message : "");
      else if (!ok)
        {
          g_autofree char *range = g_strdup_printf ("from %d to %d", bounds[cases[i].field][0],
                                                    bounds[cases[i].field][1]);
          g_autofree char *quoted = g_strdup_printf ("‘%s’", cases[i].text);

          g_assert_nonnull (message);
          g_assert_nonnull (strstr (message, attributes[cases[i].field]));
          g_assert_nonnull (strstr (message, range));
          g_assert_nonnull (strstr (message, quoted));
        }
    }

  for (LimberDosageField f = 0; f < LIMBER_DOSAGE_N_FIELDS; f++)
    {
      int min, max;

      limber_dosage_field_bounds (f, &min, &max);
      g_assert_cmpint (min, ==, bounds[f][0]);
      g_assert_cmpint (max, ==, bounds[f][1]);
      g_assert_cmpstr (limber_dosage_field_attribute (f), ==, attributes[f]);
    }

  g_assert_true (limber_dosage_parse_side ("left", &side) && side == LIMBER_SIDE_LEFT);
  g_assert_true (limber_dosage_parse_side ("both", &side) && side == LIMBER_SIDE_BOTH);
  g_assert_false (limber_dosage_parse_side ("up", &side));
  g_assert_false (limber_dosage_parse_side ("Left", &side));
  g_assert_false (limber_dosage_parse_side (NULL, &side));
  g_assert_cmpint (side, ==, LIMBER_SIDE_BOTH);
  g_assert_cmpstr (limber_side_to_string (LIMBER_SIDE_RIGHT), ==, "right");
  g_assert_null (limber_side_to_string (LIMBER_SIDE_UNSET));
}

static void
test_dosage_merge (void)
{
  LimberDosage base = { { 0 }, 0, LIMBER_SIDE_BOTH };
  LimberDosage override = { { 0 }, 0, LIMBER_SIDE_UNSET };
  LimberDosage empty = { { 0 }, 0, LIMBER_SIDE_UNSET };
  LimberDosage merged, again;

  limber_dosage_set (&base, LIMBER_DOSAGE_SETS, 2);
  limber_dosage_set (&base, LIMBER_DOSAGE_REPS, 5);
  limber_dosage_set (&base, LIMBER_DOSAGE_DAYS_PER_WEEK, 7);
  limber_dosage_set (&override, LIMBER_DOSAGE_REPS, 8);
  limber_dosage_set (&override, LIMBER_DOSAGE_PER_DAY, 3);
  override.side = LIMBER_SIDE_LEFT;

  limber_dosage_merge (&merged, &base, &override);
  g_assert_cmpint (limber_dosage_get (&merged, LIMBER_DOSAGE_SETS), ==, 2);      /* base */
  g_assert_cmpint (limber_dosage_get (&merged, LIMBER_DOSAGE_REPS), ==, 8);      /* override */
  g_assert_cmpint (limber_dosage_get (&merged, LIMBER_DOSAGE_PER_DAY), ==, 3);   /* override only */
  g_assert_cmpint (limber_dosage_get (&merged, LIMBER_DOSAGE_DAYS_PER_WEEK), ==, 7);
  g_assert_false (limber_dosage_is_set (&merged, LIMBER_DOSAGE_HOLD_SECONDS));
  g_assert_cmpint (limber_dosage_get (&merged, LIMBER_DOSAGE_HOLD_SECONDS), ==, 0);
  g_assert_cmpint (merged.side, ==, LIMBER_SIDE_LEFT);
  /* The inputs are untouched. */
  g_assert_cmpint (limber_dosage_get (&base, LIMBER_DOSAGE_REPS), ==, 5);
  g_assert_cmpint (base.side, ==, LIMBER_SIDE_BOTH);

  limber_dosage_merge (&again, &base, &empty);
  g_assert_true (limber_dosage_equal (&again, &base));
  limber_dosage_merge (&again, &empty, &base);
  g_assert_true (limber_dosage_equal (&again, &base));
  g_assert_false (limber_dosage_equal (&merged, &base));
  g_assert_true (limber_dosage_is_empty (&empty));
  g_assert_false (limber_dosage_is_empty (&override));

  /* Equal looks at the fields that are given, not at leftovers. */
  again = base;
  again.value[LIMBER_DOSAGE_HOLD_SECONDS] = 99;
  g_assert_true (limber_dosage_equal (&again, &base));
  limber_dosage_set (&again, LIMBER_DOSAGE_HOLD_SECONDS, 0);
  g_assert_false (limber_dosage_equal (&again, &base));
  limber_dosage_unset (&again, LIMBER_DOSAGE_HOLD_SECONDS);
  g_assert_true (limber_dosage_equal (&again, &base));
  again.side = LIMBER_SIDE_RIGHT;
  g_assert_false (limber_dosage_equal (&again, &base));

  /* Set keeps values in bounds. */
  limber_dosage_set (&again, LIMBER_DOSAGE_SETS, 50);
  g_assert_cmpint (limber_dosage_get (&again, LIMBER_DOSAGE_SETS), ==, 10);
  limber_dosage_set (&again, LIMBER_DOSAGE_REPS, -3);
  g_assert_cmpint (limber_dosage_get (&again, LIMBER_DOSAGE_REPS), ==, 1);
}

static void
test_dosage_describe (void)
{
  const struct
  {
    int         sets, reps, hold, per_day, days;   /* -1: not given */
    LimberSide  side;
    const char *text;
  } cases[] = {
    { 2, 5, 3, 2, 7, LIMBER_SIDE_LEFT, "2 sets of 5 reps · hold 3 s · twice a day · left side" },
    { 1, 10, 0, 3, 5, LIMBER_SIDE_BOTH, "1 set of 10 reps · 3 times a day · 5 days a week · both sides" },
    { -1, 1, 30, 1, -1, LIMBER_SIDE_RIGHT, "1 rep · hold 30 s · once a day · right side" },
    { 3, -1, -1, -1, -1, LIMBER_SIDE_UNSET, "3 sets" },
    { -1, -1, -1, -1, -1, LIMBER_SIDE_UNSET, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LimberDosage d = { { 0 }, 0, cases[i].side };
      int values[] = { cases[i].sets, cases[i].reps, cases[i].hold, cases[i].per_day, cases[i].days };
      g_autofree char *text = NULL;

      for (LimberDosageField f = 0; f < LIMBER_DOSAGE_N_FIELDS; f++)
        if (values[f] >= 0)
          limber_dosage_set (&d, f, values[f]);
      text = limber_dosage_describe (&d);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_text (void)
{
  g_autoptr(LimberText) text = limber_text_new ();
  g_autoptr(LimberText) copy = NULL;
  g_autoptr(LimberText) reordered = limber_text_new ();
  g_autoptr(LimberText) no_english = limber_text_new ();
  g_autoptr(LimberText) mexican = limber_text_new ();

  g_assert_null (limber_text_get (text, "en"));
  g_assert_null (limber_text_get (text, NULL));
  g_assert_cmpuint (limber_text_get_n (text), ==, 0);

  limber_text_set (text, "en", "Hip flexor release");
  limber_text_set (text, "es", "Liberación del flexor de cadera");
  g_assert_cmpstr (limber_text_get (text, "es"), ==, "Liberación del flexor de cadera");
  g_assert_cmpstr (limber_text_get (text, "en"), ==, "Hip flexor release");
  g_assert_cmpstr (limber_text_get (text, "fr"), ==, "Hip flexor release");    /* → English */
  g_assert_cmpstr (limber_text_get (text, NULL), ==, "Hip flexor release");
  g_assert_cmpstr (limber_text_get (text, "es-MX"), ==, "Liberación del flexor de cadera");
  g_assert_cmpstr (limber_text_get (text, "es_ES.UTF-8"), ==, "Liberación del flexor de cadera");
  g_assert_cmpstr (limber_text_get (text, "ES"), ==, "Liberación del flexor de cadera");
  g_assert_null (limber_text_get_exact (text, "fr"));
  g_assert_null (limber_text_get_exact (text, "e"));
  g_assert_null (limber_text_get_exact (text, "est"));
  g_assert_cmpuint (limber_text_get_n (text), ==, 2);
  g_assert_cmpstr (limber_text_nth_lang (text, 1), ==, "es");
  g_assert_cmpstr (limber_text_nth_text (text, 0), ==, "Hip flexor release");

  /* Setting a language again replaces it. */
  limber_text_set (text, "EN", "Hip flexor stretch");
  g_assert_cmpuint (limber_text_get_n (text), ==, 2);
  g_assert_cmpstr (limber_text_get (text, "en"), ==, "Hip flexor stretch");

  /* No English: the first one set. */
  limber_text_set (no_english, "de", "Hüftbeuger");
  limber_text_set (no_english, "es", "Flexor de cadera");
  g_assert_cmpstr (limber_text_get (no_english, "fr"), ==, "Hüftbeuger");
  g_assert_cmpstr (limber_text_get (no_english, "es"), ==, "Flexor de cadera");

  /* Text written for es-MX is found for es. */
  limber_text_set (mexican, "es-MX", "Flexor de cadera");
  g_assert_cmpstr (limber_text_get_exact (mexican, "es"), ==, "Flexor de cadera");

  copy = limber_text_copy (text);
  g_assert_true (limber_text_equal (copy, text));
  g_assert_true (limber_text_equal (text, copy));
  limber_text_set (reordered, "es", "Liberación del flexor de cadera");
  limber_text_set (reordered, "en", "Hip flexor stretch");
  g_assert_true (limber_text_equal (reordered, text));
  limber_text_set (copy, "es", "Otra cosa");
  g_assert_false (limber_text_equal (copy, text));
  g_assert_cmpstr (limber_text_get (text, "es"), ==, "Liberación del flexor de cadera");
  limber_text_set (reordered, "de", "Hüftbeuger");
  g_assert_false (limber_text_equal (reordered, text));
  g_assert_false (limber_text_equal (no_english, text));
}

/* A program whose handout is in a language a stretch has no name in (a
 * custom stretch named in English, in a German or Spanish program) is
 * written with the names' own xml:lang and opens again, unchanged. */
static void
test_snapshot_other_language (void)
{
  const char *languages[] = { "de", "fr", "es" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(LimberProgram) program = limber_program_new ();
      g_autoptr(LimberProgram) back = NULL;
      g_autoptr(LimberCatalog) catalog = catalog_from ("minimal.xml");
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL, *again = NULL;
      gsize length;

      g_assert_null (limber_text_get_exact (limber_exercise_peek_text (exercise, LIMBER_EXERCISE_NAME),
                                            languages[i]));
      limber_program_set_field (program, LIMBER_PROGRAM_LANGUAGE, languages[i]);
      limber_program_insert_exercise (program, 0, exercise);
      text = limber_program_to_string (program, &length);
      g_assert_nonnull (strstr (text, "<name xml:lang=\"en\">"));
      bytes = g_bytes_new (text, length);
      back = limber_program_load_bytes (bytes, "other.limber", NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (limber_program_get_language (back), ==, languages[i]);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (back)), ==, 1);
      g_assert_cmpstr (limber_exercise_get_name (limber_program_item_get_exercise (item_at (back, 0)), "en"), ==,
                       limber_exercise_get_name (exercise, "en"));
      again = limber_program_to_string (back, NULL);
      g_assert_cmpstr (again, ==, text);
    }
}

/* The patient's e-mail: written, read back, checked by the schema too. */
static void
test_email_round_trip (void)
{
  g_autoptr(LimberProgram) program = limber_program_new ();
  g_autoptr(LimberProgram) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  limber_program_set_field (program, LIMBER_PROGRAM_PATIENT_NAME, "Sam Rivera");
  limber_program_set_field (program, LIMBER_PROGRAM_PATIENT_EMAIL, "sam.rivera+hips@example.org");
  text = limber_program_to_string (program, &length);
  g_assert_nonnull (strstr (text, "email=\"sam.rivera+hips@example.org\""));
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);
  back = limber_program_load_bytes (bytes, "sam.limber", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (limber_program_get_patient_email (back), ==, "sam.rivera+hips@example.org");
  g_assert_cmpstr (limber_program_get_patient_name (back), ==, "Sam Rivera");

  g_assert_true (limber_program_email_is_valid ("a@b"));
  g_assert_false (limber_program_email_is_valid ("sam"));
  g_assert_false (limber_program_email_is_valid ("@example.org"));
  g_assert_false (limber_program_email_is_valid ("sam@"));
  g_assert_false (limber_program_email_is_valid ("-sam@example.org"));
  g_assert_false (limber_program_email_is_valid ("sam@example.org, eve@example.org"));
  g_assert_false (limber_program_email_is_valid ("sam@example.org\n"));
}

static void
expect_refused (const char *attribute,
                const char *words)
{
  g_autofree char *text = g_strdup_printf ("<limber-program version=\"1\">\n"
                                           "  <title>Hips</title>\n"
                                           "  <patient name=\"Sam\" email=\"%s\"/>\n"
                                           "</limber-program>\n", attribute);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberProgram) program = limber_program_load_bytes (bytes, "hostile.limber", NULL, NULL, &error);

  g_assert_null (program);
  g_assert_nonnull (error);
  if (error == NULL)
    return;
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "hostile.limber:3: "));
  g_assert_nonnull (strstr (error->message, words));
}

/* Too long, control characters (as character references), two
 * addresses, an option for xdg-email's command line: refused with
 * FILE:LINE, and the refused text is not echoed raw. */
static void
test_email_hostile (void)
{
  g_autofree char *local = g_strnfill (250, 'a');
  g_autofree char *too_long = g_strconcat (local, "@example.org", NULL);

  expect_refused (too_long, "at most 254 characters");
  expect_refused ("sam&#10;Bcc: eve@example.org", "e-mail address");
  expect_refused ("sam@example.org&#9;", "e-mail address");
  expect_refused ("sam@example.org,eve@example.org", "e-mail address");
  expect_refused ("--attach=/etc/passwd@x", "e-mail address");
  expect_refused ("no-at-sign", "e-mail address");
}

int
main (int   argc,
      char *argv[])
{
  /* Dosage descriptions are checked in the untranslated words. */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  limber_xml_init ();

  g_test_add_func ("/program/load/example", test_example);
  g_test_add_func ("/program/load/snapshot-fallback", test_snapshot_fallback);
  g_test_add_func ("/program/load/from-snapshot", test_from_snapshot);
  g_test_add_func ("/program/load/languages", test_languages);
  g_test_add_func ("/program/load/snapshot-other-language", test_snapshot_other_language);
  g_test_add_func ("/program/load/bad-image", test_bad_image);
  g_test_add_func ("/program/load/async", test_load_async);
  g_test_add_func ("/program/email/round-trip", test_email_round_trip);
  g_test_add_func ("/program/email/hostile", test_email_hostile);
  g_test_add_func ("/dosage/parse", test_dosage_parse);
  g_test_add_func ("/dosage/merge", test_dosage_merge);
  g_test_add_func ("/dosage/describe", test_dosage_describe);
  g_test_add_func ("/text/languages", test_text);

  return g_test_run ();
}
