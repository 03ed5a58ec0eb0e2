/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fault-fixtures.c — what test-faults saves, and who saves it
 *
 * The names of the writers and the faults, and the old and the new
 * of each writer: built once, before the tests fork.
 */
#include "config.h"

#include "limber-custom.h"
#include "limber-paths.h"

#include "fault-fixtures.h"

const Label writers[N_WRITERS] = {
  { "program", "program save" },
  { "template", "template save" },
  { "draft", "draft save" },
  { "pdf", "PDF export" },
  { "custom", "custom catalog save" },
};

const Label faults[N_FAULTS] = {
  { "full-disk", "full disk (file size limit)" },
  { "full-tmpfs", "full disk (tiny tmpfs)" },
  { "folder", "target is a folder" },
  { "symlink", "target is a symlink" },
  { "read-only", "read-only folder" },
  { "no-link", "links refused" },
  { "kill", "kill -9" },
};

LimberCatalog *catalog;
LimberProgram *programs[N_VERSIONS];
LimberHandout *handouts[N_VERSIONS];
LimberExercise *old_stretches[3];
LimberExercise *new_stretch;
const char *titles[N_VERSIONS] = { "Tight hips, week 1", "Tight hips, week 2" };

/* ------------------------------------------------------------------ */
/* What is saved                                                      */

LimberExercise *
exercise_at (guint i)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  g_autoptr(LimberExercise) e = g_list_model_get_item (G_LIST_MODEL (catalog), i % n);

  return e;   /* the catalog keeps it alive */
}

LimberProgram *
load_sample (void)
{
  g_autoptr(GFile) file = limber_paths_example ("tight-hips.limber");
  g_autoptr(GError) error = NULL;
  LimberProgram *program = limber_program_load (file, catalog, NULL, &error);

  g_assert_no_error (error);
  return program;
}

static LimberExercise *
build_stretch (const char *id,
               const char *name)
{
  LimberCustomFields fields = { 0 };
  g_autoptr(GError) error = NULL;
  LimberExercise *exercise;

  fields.id = id;
  fields.texts[LIMBER_EXERCISE_NAME] = name;
  fields.texts[LIMBER_EXERCISE_SUMMARY] = "Loosen your calf against a wall.";
  fields.texts[LIMBER_EXERCISE_SHORTEN] = "Stand facing a wall, one foot forward, and point your toes up.";
  fields.texts[LIMBER_EXERCISE_LENGTHEN] = "Lean slowly toward the wall until the back of your leg stretches.";
  fields.region = "ankle-foot";
  fields.tissues = "Gastrocnemius, soleus";
  fields.position = "standing";
  fields.caution = "Stop if you feel pain behind your knee.";
  limber_dosage_set (&fields.dosage, LIMBER_DOSAGE_SETS, 2);
  limber_dosage_set (&fields.dosage, LIMBER_DOSAGE_REPS, 8);
  fields.dosage.side = LIMBER_SIDE_BOTH;
  exercise = limber_custom_build (&fields, &error);
  g_assert_no_error (error);
  return exercise;
}

/* The old and the new of each writer: two weeks of a program, their
 * handouts, and a custom catalog before and after one more stretch. */
void
make_fixtures (void)
{
  LimberDosage dosage = { 0 };

  for (int v = OLD; v < N_VERSIONS; v++)
    {
      programs[v] = load_sample ();
      limber_program_set_field (programs[v], LIMBER_PROGRAM_TITLE, titles[v]);
    }
  /* The new one is longer, so a full disk can cut it anywhere. */
  limber_program_insert_exercise (programs[NEW], 0, exercise_at (3));
  limber_dosage_set (&dosage, LIMBER_DOSAGE_SETS, 3);
  limber_dosage_set (&dosage, LIMBER_DOSAGE_REPS, 5);
  limber_program_set_item_dosage (programs[NEW], 1, &dosage);
  for (int v = OLD; v < N_VERSIONS; v++)
    handouts[v] = limber_handout_new (programs[v], NULL);

  old_stretches[0] = build_stretch ("custom-wall-calf", "Wall calf release");
  old_stretches[1] = build_stretch ("custom-step-calf", "Step calf release");
  old_stretches[2] = build_stretch ("custom-towel-calf", "Towel calf release");
  new_stretch = build_stretch ("custom-bench-calf", "Bench calf release");
}

/* After the tests: what make_fixtures() made (the catalog is main()'s). */
void
free_fixtures (void)
{
  for (int v = OLD; v < N_VERSIONS; v++)
    {
      g_clear_object (&handouts[v]);
      g_clear_object (&programs[v]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (old_stretches); i++)
    g_clear_object (&old_stretches[i]);
  g_clear_object (&new_stretch);
}
