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
#include "fault-place.h"

const Label writers[N_WRITERS] = {
  { "program", "program save" },
  { "template", "template save" },
  { "draft", "draft save" },
  { "pdf", "PDF export" },
  { "custom", "custom catalog save" },
  { "logo", "clinic logo save" },
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
GFile *logos[N_VERSIONS];

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

/* A clinic's logo as a PNG of @width × @height, speckled so that it does
 * not compress to nothing (the new one spans several pages of a full
 * disk); kept in the test's folder, outside every writer's. */
static GFile *
make_logo (const char *name,
           int         width,
           int         height)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  guchar *data = cairo_image_surface_get_data (surface);
  GRand *rand = g_rand_new_with_seed (width);

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      ((guint32 *) (data + y * cairo_image_surface_get_stride (surface)))[x] = 0x204080 + g_rand_int_range (rand, 0, 64);
  cairo_surface_mark_dirty (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_rand_free (rand);
  return g_file_new_for_path (path);
}

/* The old and the new of each writer: two weeks of a program, their
 * handouts, a custom catalog before and after one more stretch, and two
 * logos. */
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
  logos[OLD] = make_logo ("old logo.png", 120, 48);
  logos[NEW] = make_logo ("new logo.png", 200, 80);
}

/* After the tests: what make_fixtures() made (the catalog is main()'s). */
void
free_fixtures (void)
{
  for (int v = OLD; v < N_VERSIONS; v++)
    {
      g_clear_object (&handouts[v]);
      g_clear_object (&programs[v]);
      g_clear_object (&logos[v]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (old_stretches); i++)
    g_clear_object (&old_stretches[i]);
  g_clear_object (&new_stretch);
}
