/* test-custom.c — saving custom stretches to the user's catalog
 *
 * Each test starts from an empty $XDG_DATA_HOME (a temporary folder set
 * before anything asks GLib for it), saves, and reads the result back
 * with the catalog and the validator, as the app and `limber --validate`
 * would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "limber-catalog.h"
#include "limber-custom.h"
#include "limber-figure.h"
#include "limber-paths.h"
#include "limber-problem.h"
#include "limber-test-utils.h"
#include "limber-validate.h"
#include "limber-xml.h"

static char *data_home;

/* Every test starts with no user catalog at all. */
static void
clean_user_catalog (void)
{
  g_autoptr(GFile) folder = limber_paths_user_catalog ();

  limber_test_delete_tree (folder);
  g_assert_false (g_file_query_exists (folder, NULL));
}

static LimberCatalog *
bundled_catalog (void)
{
  LimberCatalog *catalog = limber_catalog_new ();
  g_autoptr(GFile) bundled = limber_paths_bundled_catalog ();

  g_assert_cmpuint (limber_catalog_add_folder (catalog, bundled), >, 0);
  return catalog;
}

/* custom.xml passes `limber --validate` and loads. */
static LimberCatalog *
load_custom (void)
{
  g_autoptr(GFile) file = limber_custom_file ();
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_autoptr(GError) error = NULL;
  LimberCatalog *catalog = limber_catalog_new ();

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (!limber_validate_file (path, NULL, problems))
    for (guint i = 0; i < problems->len; i++)
      g_test_message ("%s", ((LimberProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (limber_catalog_add_file (catalog, file, &error));
  g_assert_no_error (error);
  return catalog;
}

static void
fields_init (LimberCustomFields *fields,
             const char         *name)
{
  memset (fields, 0, sizeof *fields);
  fields->texts[LIMBER_EXERCISE_NAME] = name;
  fields->region = "ankle-foot";
  fields->tissues = "Gastrocnemius";
  fields->position = "standing";
  fields->texts[LIMBER_EXERCISE_SUMMARY] = "Loosen your calf against a wall.";
  limber_dosage_set (&fields->dosage, LIMBER_DOSAGE_SETS, 2);
  limber_dosage_set (&fields->dosage, LIMBER_DOSAGE_REPS, 8);
  fields->dosage.side = LIMBER_SIDE_BOTH;
}

static char *
save_fields (const LimberCustomFields *fields,
             GBytes                   *image,
             const char               *type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberExercise) exercise = limber_custom_build (fields, &error);

  g_assert_no_error (error);
  g_assert_nonnull (exercise);
  limber_custom_save (exercise, image, type, &error);
  g_assert_no_error (error);
  return g_strdup (limber_exercise_get_id (exercise));
}

static void
test_ids (void)
{
  const struct { const char *name, *id; } cases[] = {
    { "Wall calf release", "custom-wall-calf-release" },
    { "  Half-kneeling   Hip Flexor! ", "custom-half-kneeling-hip-flexor" },
    { "Étirement du psoas (côté droit)", "custom-etirement-du-psoas-cote-droit" },
    { "Child's pose 2", "custom-childs-pose-2" },
  };
  g_auto(GStrv) tissues = limber_custom_parse_tissues ("Rectus femoris, ILIOPSOAS; rectus  femoris,, tensor fasciae-latae");
  g_auto(GStrv) none = limber_custom_parse_tissues (" , ;");
  g_autofree char *greek = limber_custom_make_id ("Διάταση");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = limber_custom_make_id (cases[i].name);
      g_assert_cmpstr (id, ==, cases[i].id);
    }
  /* No Latin letters: still a valid id, the same for the same name. */
  g_assert_true (limber_is_valid_id (greek));
  g_assert_true (g_str_has_prefix (greek, "custom-"));

  g_assert_cmpuint (g_strv_length (tissues), ==, 3);
  g_assert_cmpstr (tissues[0], ==, "rectus-femoris");
  g_assert_cmpstr (tissues[1], ==, "iliopsoas");
  g_assert_cmpstr (tissues[2], ==, "tensor-fasciae-latae");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_required (void)
{
  LimberCustomFields fields;
  g_autoptr(GError) error = NULL;
  LimberExercise *exercise;

  fields_init (&fields, "  ");
  g_assert_null (limber_custom_build (&fields, &error));
  g_assert_error (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_NO_NAME);
  g_clear_error (&error);

  fields_init (&fields, "Calf");
  fields.region = NULL;
  g_assert_null (limber_custom_build (&fields, &error));
  g_assert_error (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_NO_REGION);
  g_clear_error (&error);

  fields_init (&fields, "Calf");
  fields.tissues = " ,, 42 ";
  g_assert_null (limber_custom_build (&fields, &error));
  g_assert_error (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_NO_TISSUE);
  g_clear_error (&error);

  fields_init (&fields, "Calf");
  fields.region = "elbow";
  g_assert_null (limber_custom_build (&fields, &error));
  g_assert_error (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_BAD_FIELD);
  g_assert_nonnull (strstr (error->message, "elbow-forearm"));
  g_clear_error (&error);

  fields_init (&fields, "Calf");
  exercise = limber_custom_build (&fields, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (limber_exercise_get_tissues (exercise)[0], ==, "gastrocnemius");
  g_object_unref (exercise);
}

/* Copying a figure gives an equal one; setting an angle changes the
 * copy only, and a joint a constraint places is said to be placed. */
static void
test_figure_edit (void)
{
  g_autoptr(LimberCatalog) catalog = bundled_catalog ();
  LimberExercise *base = limber_catalog_lookup (catalog, "iliopsoas-half-kneeling");
  LimberFigure *original = limber_exercise_get_figure (base);
  g_autoptr(LimberFigure) copy = limber_figure_copy (original);
  double neck_x = limber_figure_get_solved (copy, LIMBER_PHASE_LENGTHENED)->x[LIMBER_POINT_HEAD];

  g_assert_true (limber_figure_equal (copy, original));
  g_assert_cmpfloat (limber_figure_get_angle (copy, LIMBER_PHASE_LENGTHENED, "trunk"), ==, -3);
  g_assert_cmpfloat (limber_figure_get_angle (copy, LIMBER_PHASE_SHORTENED, "left-elbow"), ==, 0);

  limber_figure_set_angle (copy, LIMBER_PHASE_LENGTHENED, "trunk", 25);
  g_assert_cmpfloat (limber_figure_get_angle (copy, LIMBER_PHASE_LENGTHENED, "trunk"), ==, 25);
  g_assert_cmpfloat (limber_figure_get_angle (original, LIMBER_PHASE_LENGTHENED, "trunk"), ==, -3);
  g_assert_false (limber_figure_equal (copy, original));
  /* Solved again: leaning forward moves the head forward. */
  g_assert_cmpfloat (limber_figure_get_solved (copy, LIMBER_PHASE_LENGTHENED)->x[LIMBER_POINT_HEAD], >, neck_x + 0.05);

  /* Back as it was: equal again, whatever was written. */
  limber_figure_set_angle (copy, LIMBER_PHASE_LENGTHENED, "trunk", -3);
  g_assert_true (limber_figure_equal (copy, original));

  /* The right shin lies flat on the floor: the hip and knee are placed;
   * the left hand reaches the left knee: the left arm is placed. */
  g_assert_true (limber_figure_joint_is_placed (copy, LIMBER_PHASE_LENGTHENED, "right-hip"));
  g_assert_true (limber_figure_joint_is_placed (copy, LIMBER_PHASE_LENGTHENED, "right-knee"));
  g_assert_true (limber_figure_joint_is_placed (copy, LIMBER_PHASE_SHORTENED, "left-shoulder"));
  g_assert_true (limber_figure_joint_is_placed (copy, LIMBER_PHASE_SHORTENED, "left-elbow"));
  g_assert_false (limber_figure_joint_is_placed (copy, LIMBER_PHASE_SHORTENED, "trunk"));
  g_assert_false (limber_figure_joint_is_placed (copy, LIMBER_PHASE_SHORTENED, "neck"));
}

/* The issue's case: a figure copied from a bundled stretch, one angle
 * changed, saved, validated and loaded back with that angle. */
static void
test_save_figure (void)
{
  g_autoptr(LimberCatalog) bundled = bundled_catalog ();
  LimberExercise *base = limber_catalog_lookup (bundled, "iliopsoas-half-kneeling");
  g_autoptr(LimberFigure) figure = limber_figure_copy (limber_exercise_get_figure (base));
  g_autoptr(LimberCatalog) catalog = NULL;
  const char * const equipment[] = { "mat", "wall", NULL };
  LimberCustomFields fields;
  g_autofree char *id = NULL;
  LimberExercise *saved;

  clean_user_catalog ();
  limber_figure_set_angle (figure, LIMBER_PHASE_LENGTHENED, "trunk", 12);
  fields_init (&fields, "Kneeling psoas & <rectus> \"release\"");
  fields.region = "hip";
  fields.tissues = "iliopsoas, Rectus femoris";
  fields.position = "half-kneeling";
  fields.equipment = equipment;
  fields.texts[LIMBER_EXERCISE_SHORTEN] = "Kneel on your right knee.\n\nLean forward.";
  fields.texts[LIMBER_EXERCISE_LENGTHEN] = "Move your hips forward.";
  fields.texts[LIMBER_EXERCISE_PRESSURE_SELF] = "Press just inside the hip bone.";
  fields.texts[LIMBER_EXERCISE_PRESSURE_THERAPIST] = "Contact medial to the ASIS.";
  fields.caution = "Stop if\x01 it hurts.";
  fields.figure = figure;
  id = save_fields (&fields, NULL, NULL);
  g_assert_cmpstr (id, ==, "custom-kneeling-psoas-rectus-release");

  catalog = load_custom ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 1);
  saved = limber_catalog_lookup (catalog, id);
  g_assert_nonnull (saved);
  g_assert_cmpstr (limber_exercise_get_name (saved, "en"), ==, "Kneeling psoas & <rectus> \"release\"");
  g_assert_cmpstr (limber_exercise_get_text (saved, LIMBER_EXERCISE_SHORTEN, "en"), ==,
                   "Kneel on your right knee. Lean forward.");
  g_assert_cmpstr (limber_exercise_get_text (saved, LIMBER_EXERCISE_PRESSURE_THERAPIST, "en"), ==,
                   "Contact medial to the ASIS.");
  g_assert_cmpuint (limber_exercise_get_n_cautions (saved), ==, 1);
  g_assert_cmpstr (limber_exercise_get_caution (saved, 0, "en"), ==, "Stop if it hurts.");
  g_assert_cmpstr (limber_exercise_get_tissues (saved)[1], ==, "rectus-femoris");
  g_assert_cmpint (limber_dosage_get (limber_exercise_get_dosage (saved), LIMBER_DOSAGE_REPS), ==, 8);
  g_assert_nonnull (limber_exercise_get_figure (saved));
  g_assert_cmpfloat (limber_figure_get_angle (limber_exercise_get_figure (saved), LIMBER_PHASE_LENGTHENED, "trunk"),
                     ==, 12);
  g_assert_cmpfloat (limber_figure_get_angle (limber_exercise_get_figure (saved), LIMBER_PHASE_SHORTENED, "trunk"),
                     ==, 20);
  g_assert_true (limber_figure_equal (limber_exercise_get_figure (saved), figure));
  g_assert_null (limber_exercise_get_image_src (saved));
}

static void
test_save_image (void)
{
  g_autofree char *dot = g_test_build_filename (G_TEST_DIST, "files", "catalog", "valid", "images", "dot.png",
                                                NULL);
  g_autoptr(GFile) dot_file = g_file_new_for_path (dot);
  g_autoptr(GBytes) png = g_file_load_bytes (dot_file, NULL, NULL, NULL);
  g_autoptr(GFile) folder = limber_paths_user_catalog ();
  g_autoptr(GFile) copied = g_file_resolve_relative_path (folder, "images/custom-wall-calf-release.png");
  g_autoptr(GBytes) copied_bytes = NULL;
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(GBytes) custom = NULL;
  g_autoptr(GFile) file = limber_custom_file ();
  LimberCustomFields fields;
  g_autofree char *id = NULL;
  LimberExercise *saved;
  const char *type = NULL;

  clean_user_catalog ();
  fields_init (&fields, "Wall calf release");
  id = save_fields (&fields, png, "image/png");

  copied_bytes = g_file_load_bytes (copied, NULL, NULL, NULL);
  g_assert_nonnull (copied_bytes);
  g_assert_true (g_bytes_equal (copied_bytes, png));

  custom = g_file_load_bytes (file, NULL, NULL, NULL);
  g_assert_nonnull (strstr (g_bytes_get_data (custom, NULL), "src=\"images/custom-wall-calf-release.png\""));
  g_assert_true (g_str_has_prefix (g_bytes_get_data (custom, NULL), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
  g_assert_nonnull (strstr (g_bytes_get_data (custom, NULL), "<limber-catalog version=\"1\" xml:lang=\"en\">"));

  catalog = load_custom ();
  saved = limber_catalog_lookup (catalog, id);
  g_assert_cmpstr (limber_exercise_get_image_src (saved), ==, "images/custom-wall-calf-release.png");
  g_assert_nonnull (limber_exercise_get_image_data (saved, &type));
  g_assert_cmpstr (type, ==, "image/png");
  g_assert_null (limber_exercise_get_figure (saved));

  /* Saved again with a figure instead: the picture file goes too. */
  {
    g_autoptr(LimberCatalog) bundled = bundled_catalog ();
    g_autoptr(LimberFigure) figure = limber_figure_copy (limber_exercise_get_figure (
                                                           limber_catalog_lookup (bundled, "iliopsoas-half-kneeling")));
    g_autofree char *again = NULL;

    fields.figure = figure;
    again = save_fields (&fields, NULL, NULL);
    g_assert_cmpstr (again, ==, id);
    g_assert_false (g_file_query_exists (copied, NULL));
    g_clear_object (&catalog);
    catalog = load_custom ();
    g_assert_null (limber_exercise_get_image_src (limber_catalog_lookup (catalog, id)));
  }
}

static guint
count_exercises (void)
{
  g_autoptr(LimberCatalog) catalog = load_custom ();

  return g_list_model_get_n_items (G_LIST_MODEL (catalog));
}

static void
test_replace_and_add (void)
{
  LimberCustomFields fields;
  g_autofree char *first = NULL, *again = NULL, *other = NULL, *clash = NULL;
  g_autoptr(LimberCatalog) catalog = NULL;

  clean_user_catalog ();
  fields_init (&fields, "Wall calf release");
  first = save_fields (&fields, NULL, NULL);
  g_assert_cmpuint (count_exercises (), ==, 1);

  /* The same name again (in other letters' case): replaced in place. */
  fields_init (&fields, "Wall Calf Release");
  fields.texts[LIMBER_EXERCISE_SUMMARY] = "A second version.";
  again = save_fields (&fields, NULL, NULL);
  g_assert_cmpstr (again, ==, first);
  g_assert_cmpuint (count_exercises (), ==, 1);

  /* A different name: added. */
  fields_init (&fields, "Step calf release");
  other = save_fields (&fields, NULL, NULL);
  g_assert_cmpstr (other, !=, first);
  g_assert_cmpuint (count_exercises (), ==, 2);

  /* A different name that makes the same words: a new id, not a
   * replacement of someone else's stretch. */
  fields_init (&fields, "Wall calf release!");
  clash = save_fields (&fields, NULL, NULL);
  g_assert_cmpstr (clash, ==, "custom-wall-calf-release-2");
  g_assert_cmpuint (count_exercises (), ==, 3);

  catalog = load_custom ();
  g_assert_cmpstr (limber_exercise_get_text (limber_catalog_lookup (catalog, first), LIMBER_EXERCISE_SUMMARY, "en"),
                   ==, "A second version.");
  g_assert_cmpstr (limber_exercise_get_name (limber_catalog_lookup (catalog, first), "en"), ==, "Wall Calf Release");

  /* The user catalog loads after the bundled one, as the app loads it. */
  {
    g_autoptr(LimberCatalog) all = limber_catalog_new ();

    limber_catalog_load_standard (all, NULL);
    g_assert_nonnull (limber_catalog_lookup (all, "iliopsoas-half-kneeling"));
    g_assert_nonnull (limber_catalog_lookup (all, other));
    g_assert_cmpuint (limber_catalog_get_problems (all)->len, ==, 0);
  }
}

/* A PNG whose header declares 30000×30000 pixels (a few bytes, which a
 * decoder would spend gigabytes on). */
static GBytes *
huge_png (void)
{
  static const guchar header[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30,   /* 30000 × 30000 */
    8, 2, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef,
  };

  return g_bytes_new_static (header, sizeof header);
}

static void
assert_refused (GBytes     *image,
                const char *type,
                const char *words)
{
  g_autoptr(GFile) file = limber_custom_file ();
  g_autoptr(GFile) folder = limber_paths_user_catalog ();
  g_autoptr(GFile) images = g_file_get_child (folder, "images");
  g_autoptr(GBytes) before = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberExercise) exercise = NULL;
  LimberCustomFields fields;

  fields_init (&fields, "Hostile picture");
  exercise = limber_custom_build (&fields, &error);
  g_assert_no_error (error);
  g_assert_false (limber_custom_save (exercise, image, type, &error));
  g_assert_error (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_IMAGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));

  /* Nothing written: the file as it was, no picture copied. */
  after = g_file_load_bytes (file, NULL, NULL, NULL);
  g_assert_true ((before == NULL && after == NULL) || g_bytes_equal (before, after));
  g_assert_false (g_file_query_exists (images, NULL));
}

static void
test_hostile_images (void)
{
  static const char text[] = "Dear colleague,\nthis is not a picture.\n";
  g_autoptr(GBytes) letter = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GBytes) huge = huge_png ();
  g_autofree char *dot = g_test_build_filename (G_TEST_DIST, "files", "catalog", "valid", "images", "dot.png",
                                                NULL);
  g_autoptr(GFile) dot_file = g_file_new_for_path (dot);
  g_autoptr(GBytes) png = g_file_load_bytes (dot_file, NULL, NULL, NULL);
  g_autoptr(GFile) file = limber_custom_file ();
  static const char svg[] = "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'"
                            " width='10' height='10'><image xlink:href='file:///etc/passwd'/></svg>";
  g_autoptr(GBytes) leaky = g_bytes_new_static (svg, sizeof svg - 1);
  LimberCustomFields fields;
  g_autofree char *id = NULL;

  /* With no catalog yet: none is made. */
  clean_user_catalog ();
  assert_refused (letter, NULL, "not a PNG, JPEG or SVG");
  g_assert_false (g_file_query_exists (file, NULL));
  assert_refused (huge, "image/png", "30000");
  assert_refused (png, "image/jpeg", "image/png");
  assert_refused (leaky, NULL, "outside itself");
  g_assert_false (g_file_query_exists (file, NULL));

  /* With a catalog: it stays as it was. */
  fields_init (&fields, "Wall calf release");
  id = save_fields (&fields, NULL, NULL);
  assert_refused (letter, NULL, "not a PNG, JPEG or SVG");
  assert_refused (huge, NULL, "30000");
  g_assert_cmpuint (count_exercises (), ==, 1);
}

/* The picture a therapist picks: read, checked, drawn small. */
static void
test_picture (void)
{
  static const char svg[] = "<svg xmlns='http://www.w3.org/2000/svg' width='120' height='80'>"
                            "<rect width='120' height='80' fill='red'/></svg>";
  g_autofree char *dot = g_test_build_filename (G_TEST_DIST, "files", "catalog", "valid", "images", "dot.png",
                                                NULL);
  g_autofree char *text = g_test_build_filename (G_TEST_DIST, "files", "README.md", NULL);
  g_autoptr(GFile) dot_file = g_file_new_for_path (dot);
  g_autoptr(GFile) text_file = g_file_new_for_path (text);
  g_autoptr(GFile) folder = g_file_new_for_path (data_home);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) drawing = g_bytes_new_static (svg, sizeof svg - 1);
  g_autoptr(GBytes) huge = huge_png ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  const char *type = NULL;

  png = limber_custom_read_picture (dot_file, NULL, &type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (type, ==, "image/png");

  g_assert_null (limber_custom_read_picture (text_file, NULL, &type, &error));
  g_assert_error (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_IMAGE);
  g_assert_nonnull (strstr (error->message, "not a PNG, JPEG or SVG"));
  g_clear_error (&error);
  g_assert_null (limber_custom_read_picture (folder, NULL, &type, &error));
  g_assert_error (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_IMAGE);
  g_clear_error (&error);

  /* A photo is never made larger; a drawing fills the space. */
  surface = limber_custom_render_picture (png, "image/png", 100, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 4);
  cairo_surface_destroy (surface);
  surface = limber_custom_render_picture (drawing, "image/svg+xml", 600, 300, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 450);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 300);
  /* Red, drawn: the middle pixel is opaque red (ARGB32). */
  cairo_surface_flush (surface);
  g_assert_cmphex (((guint32 *) (cairo_image_surface_get_data (surface)
                                 + 150 * cairo_image_surface_get_stride (surface)))[225], ==, 0xffff0000);
  cairo_surface_destroy (surface);

  /* Never decoded: refused from the header. */
  g_assert_null (limber_custom_render_picture (huge, "image/png", 100, 100, &error));
  g_assert_error (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_IMAGE);
}

/* A custom.xml that does not load (edited by hand) is not overwritten:
 * what it holds would be lost. */
static void
test_broken_file (void)
{
  static const char broken[] = "<limber-catalog version=\"1\"><exercise id=\"x\"><name>Half";
  g_autoptr(GFile) file = limber_custom_file ();
  g_autoptr(GFile) folder = limber_paths_user_catalog ();
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberExercise) exercise = NULL;
  LimberCustomFields fields;

  clean_user_catalog ();
  g_assert_true (g_file_make_directory_with_parents (folder, NULL, NULL));
  g_assert_true (g_file_set_contents (path, broken, -1, NULL));

  fields_init (&fields, "Wall calf release");
  exercise = limber_custom_build (&fields, &error);
  g_assert_no_error (error);
  g_assert_false (limber_custom_save (exercise, NULL, NULL, &error));
  g_assert_error (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_BROKEN_FILE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "custom.xml"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, broken);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) home = NULL;
  int ret;

  /* Before anything asks GLib where user data goes: it remembers. */
  data_home = g_dir_make_tmp ("limber-test-custom-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);
  limber_xml_init ();

  g_test_add_func ("/custom/ids", test_ids);
  g_test_add_func ("/custom/build/required", test_required);
  g_test_add_func ("/custom/figure/copy-and-set", test_figure_edit);
  g_test_add_func ("/custom/save/figure", test_save_figure);
  g_test_add_func ("/custom/save/image", test_save_image);
  g_test_add_func ("/custom/save/replace-and-add", test_replace_and_add);
  g_test_add_func ("/custom/save/hostile-images", test_hostile_images);
  g_test_add_func ("/custom/save/broken-file", test_broken_file);
  g_test_add_func ("/custom/picture", test_picture);

  ret = g_test_run ();

  /* LIMBER_KEEP_TEST_DATA=1 keeps the files to look at. */
  home = g_file_new_for_path (data_home);
  if (g_getenv ("LIMBER_KEEP_TEST_DATA") == NULL)
    limber_test_delete_tree (home);
  else
    g_printerr ("# kept %s\n", data_home);
  g_free (data_home);
  return ret;
}
