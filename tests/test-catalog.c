/* test-catalog.c — the bundled catalog, folders, overrides, broken files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "limber-catalog.h"
#include "limber-paths.h"
#include "limber-problem.h"
#include "limber-xml.h"

/* The tissues issue 3 asks the bundled catalog to release. */
static const char *issue3_tissues[] = {
  "iliopsoas", "rectus-femoris", "tensor-fasciae-latae", "iliotibial-band", "sartorius",
  "gluteus-maximus", "gluteus-medius", "gluteus-minimus", "piriformis", "deep-hip-rotators",
  "adductor-longus", "adductor-brevis", "adductor-magnus", "gracilis", "pectineus",
  "biceps-femoris", "semitendinosus", "semimembranosus", "quadratus-lumborum",
  "lumbar-erectors", "vastus-lateralis", "gastrocnemius", "soleus", "popliteus",
};

static char *
test_file (const char *folder,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "files", "catalog", folder, name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Whether a problem of the list, as the user reads it, has @needle. */
static gboolean
contains (GPtrArray  *problems,
          const char *needle)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = limber_problem_to_string (g_ptr_array_index (problems, i));

      if (strstr (text, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
print_all (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = limber_problem_to_string (g_ptr_array_index (problems, i));
      g_test_message ("%s", text);
    }
}

static void
test_bundled (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *model = G_LIST_MODEL (catalog);
  guint n;

  limber_catalog_load_standard (catalog, NULL);
  print_all (limber_catalog_get_problems (catalog));
  print_all (limber_catalog_get_notices (catalog));
  g_assert_cmpuint (limber_catalog_get_problems (catalog)->len, ==, 0);
  g_assert_cmpuint (limber_catalog_get_notices (catalog)->len, ==, 0);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >=, 44);
  g_assert_true (g_list_model_get_item_type (model) == LIMBER_TYPE_EXERCISE);
  g_assert_null (g_list_model_get_item (model, n));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberExercise) e = g_list_model_get_item (model, i);
      const char *id = limber_exercise_get_id (e);
      const LimberDosage *dosage = limber_exercise_get_dosage (e);

      g_test_message ("%s", id);
      g_hash_table_add (ids, g_strdup (id));
      g_assert_true (limber_catalog_lookup (catalog, id) == e);
      for (LimberExerciseText t = 0; t < LIMBER_EXERCISE_N_TEXTS; t++)
        {
          const LimberText *text = limber_exercise_peek_text (e, t);

          if (limber_text_get_exact (text, "en") == NULL || limber_text_get_exact (text, "es") == NULL)
            g_test_fail_printf ("%s: text %d is not in both English and Spanish", id, t);
        }
      for (guint c = 0; c < limber_exercise_get_n_cautions (e); c++)
        g_assert_cmpstr (limber_exercise_get_caution (e, c, "es"), !=, limber_exercise_get_caution (e, c, "en"));
      g_assert_true (limber_dosage_is_set (dosage, LIMBER_DOSAGE_SETS));
      g_assert_true (limber_dosage_is_set (dosage, LIMBER_DOSAGE_REPS));
      g_assert_cmpint (limber_dosage_get (dosage, LIMBER_DOSAGE_SETS), >=, 1);
      g_assert_cmpint (limber_dosage_get (dosage, LIMBER_DOSAGE_REPS), >=, 1);
      g_assert_cmpuint (limber_exercise_get_words (e, LIMBER_VOCABULARY_REGION), !=, 0);
      g_assert_cmpuint (limber_exercise_get_words (e, LIMBER_VOCABULARY_POSITION), !=, 0);
    }
  g_assert_cmpuint (g_hash_table_size (ids), ==, n);
}

static void
test_bundled_tissues (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_auto(GStrv) tissues = NULL;
  const char *twice[] = { "iliopsoas", "rectus-femoris", "tensor-fasciae-latae", "piriformis",
                          "quadratus-lumborum" };

  limber_catalog_load_standard (catalog, NULL);
  tissues = limber_catalog_dup_tissues (catalog);
  for (guint i = 0; i < G_N_ELEMENTS (issue3_tissues); i++)
    if (!g_strv_contains ((const char * const *) tissues, issue3_tissues[i]))
      g_test_fail_printf ("no exercise releases %s", issue3_tissues[i]);

  /* In at least two positions each, for patients who cannot kneel or lie down. */
  for (guint i = 0; i < G_N_ELEMENTS (twice); i++)
    {
      guint64 positions = 0;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (catalog)); j++)
        {
          g_autoptr(LimberExercise) e = g_list_model_get_item (G_LIST_MODEL (catalog), j);

          if (g_strv_contains (limber_exercise_get_tissues (e), twice[i]))
            positions |= limber_exercise_get_words (e, LIMBER_VOCABULARY_POSITION);
        }
      if (__builtin_popcountll (positions) < 2)
        g_test_fail_printf ("%s is released in fewer than two positions", twice[i]);
    }
}

static void
test_dup_tissues (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autofree char *full = test_file ("valid", "full.xml");
  g_autofree char *spanish = test_file ("valid", "spanish.xml");
  g_autoptr(GFile) f1 = g_file_new_for_path (full);
  g_autoptr(GFile) f2 = g_file_new_for_path (spanish);
  g_auto(GStrv) tissues = NULL;
  g_auto(GStrv) bundled_tissues = NULL;
  g_autoptr(LimberCatalog) bundled = limber_catalog_new ();

  g_assert_true (limber_catalog_add_file (catalog, f1, NULL));
  g_assert_true (limber_catalog_add_file (catalog, f2, NULL));
  tissues = limber_catalog_dup_tissues (catalog);
  /* full: iliopsoas, rectus-femoris, hamstrings; spanish: iliopsoas, gluteus-maximus… */
  g_assert_cmpstr (tissues[0], ==, "gluteus-maximus");
  g_assert_true (g_strv_contains ((const char * const *) tissues, "hamstrings"));
  g_assert_true (g_strv_contains ((const char * const *) tissues, "rectus-femoris"));

  limber_catalog_load_standard (bundled, NULL);
  bundled_tissues = limber_catalog_dup_tissues (bundled);
  g_assert_cmpuint (g_strv_length (bundled_tissues), >=, G_N_ELEMENTS (issue3_tissues));
  for (GStrv list = tissues; list != NULL; list = list == tissues ? bundled_tissues : NULL)
    for (guint i = 0; list[i] != NULL && list[i + 1] != NULL; i++)
      if (strcmp (list[i], list[i + 1]) >= 0)
        g_test_fail_printf ("not sorted and unique: %s, %s", list[i], list[i + 1]);
}

static void
test_full_content (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autofree char *path = test_file ("valid", "full.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LimberExercise *e;
  const LimberDosage *d;
  int hip = limber_vocabulary_lookup (LIMBER_VOCABULARY_REGION, "hip");
  int pelvis = limber_vocabulary_lookup (LIMBER_VOCABULARY_REGION, "pelvis");
  int half_kneeling = limber_vocabulary_lookup (LIMBER_VOCABULARY_POSITION, "half-kneeling");
  int mat = limber_vocabulary_lookup (LIMBER_VOCABULARY_EQUIPMENT, "mat");
  int ball = limber_vocabulary_lookup (LIMBER_VOCABULARY_EQUIPMENT, "ball");
  const char *tissues[] = { "iliopsoas", "rectus-femoris", NULL };

  g_assert_true (limber_catalog_add_file (catalog, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 2);

  e = limber_catalog_lookup (catalog, "iliopsoas-half-kneeling");
  g_assert (e != NULL);
  g_assert_cmpstr (limber_exercise_get_source (e), ==, path);
  g_assert_cmpint (limber_exercise_get_line (e), ==, 6);
  g_assert_cmpstr (limber_exercise_get_name (e, "en"), ==, "Half-kneeling hip flexor release");
  g_assert_cmpstr (limber_exercise_get_name (e, "es"), ==, "Liberación del flexor de cadera en semiarrodillado");
  g_assert_cmpstr (limber_exercise_get_name (e, "fr"), ==, "Half-kneeling hip flexor release");
  g_assert_cmpstr (limber_exercise_get_name (e, "es-MX"), ==, limber_exercise_get_name (e, "es"));
  g_assert_cmpstr (limber_exercise_get_text (e, LIMBER_EXERCISE_SUMMARY, "en"), ==,
                   "Kneel on one knee and press into the front of the hip while you shift forward.");
  g_assert_cmpstr (limber_exercise_get_text (e, LIMBER_EXERCISE_PRESSURE_THERAPIST, "es"), ==,
                   "Contacto en el ilíaco, medial a la EIAS, con presión posterior y craneal.");
  g_assert_cmpstr (limber_exercise_get_text (e, LIMBER_EXERCISE_PRESSURE_SELF, "en"), ==,
                   "Press two fingers (or a ball) just inside the hip bone, then shift forward.");
  g_assert_cmpuint (limber_exercise_get_n_steps (e), ==, 0);
  g_assert_cmpuint (limber_exercise_get_n_cautions (e), ==, 2);
  g_assert_cmpstr (limber_exercise_get_caution (e, 1, "en"), ==,
                   "Not after a recent hip replacement without your surgeon's approval.");
  g_assert_cmpstr (limber_exercise_get_caution (e, 1, "es"), ==,
                   "No lo haga tras una prótesis de cadera reciente sin el visto bueno de su cirujano.");
  g_assert_cmpuint (limber_exercise_get_words (e, LIMBER_VOCABULARY_REGION), ==, (1u << hip) | (1u << pelvis));
  g_assert_cmpuint (limber_exercise_get_words (e, LIMBER_VOCABULARY_POSITION), ==, 1u << half_kneeling);
  g_assert_cmpuint (limber_exercise_get_words (e, LIMBER_VOCABULARY_EQUIPMENT), ==, (1u << mat) | (1u << ball));
  g_assert_true (g_strv_equal (limber_exercise_get_tissues (e), tissues));
  g_assert_cmpstr (limber_exercise_get_image_src (e), ==, "images/dot.png");
  g_assert_cmpstr (limber_exercise_get_image_alt (e), ==, "Kneeling on the right knee, fingers on the front of the hip");
  {
    /* If the catalog keeps the picture (to embed it in programs), it is dot.png. */
    g_autofree char *dot = test_file ("valid", "images/dot.png"), *expected = NULL;
    const char *type = NULL;
    GBytes *data = limber_exercise_get_image_data (e, &type);
    gsize len;

    g_assert_true (g_file_get_contents (dot, &expected, &len, NULL));
    if (data != NULL)
      g_assert_cmpmem (g_bytes_get_data (data, NULL), g_bytes_get_size (data), expected, len);
    g_assert_true (data == NULL || g_strcmp0 (type, "image/png") == 0);
  }

  d = limber_exercise_get_dosage (e);
  g_assert_cmpint (limber_dosage_get (d, LIMBER_DOSAGE_SETS), ==, 2);
  g_assert_cmpint (limber_dosage_get (d, LIMBER_DOSAGE_REPS), ==, 5);
  g_assert_cmpint (limber_dosage_get (d, LIMBER_DOSAGE_HOLD_SECONDS), ==, 3);
  g_assert_cmpint (limber_dosage_get (d, LIMBER_DOSAGE_PER_DAY), ==, 2);
  g_assert_cmpint (limber_dosage_get (d, LIMBER_DOSAGE_DAYS_PER_WEEK), ==, 7);
  g_assert_cmpint (d->side, ==, LIMBER_SIDE_BOTH);

  e = limber_catalog_lookup (catalog, "hamstring-strap-supine");
  g_assert (e != NULL);
  g_assert_cmpuint (limber_exercise_get_n_steps (e), ==, 3);
  g_assert_cmpstr (limber_exercise_get_step (e, 0, "en"), ==, "Lie on your back with both legs straight.");
  g_assert_cmpstr (limber_exercise_get_step (e, 1, "en"), ==,
                   "Loop the strap around one foot and raise the leg until you feel a stretch.");
  g_assert_cmpstr (limber_exercise_get_step (e, 1, "es"), ==,
                   "Pase la cinta por un pie y eleve la pierna hasta notar el estiramiento.");
  g_assert_cmpstr (limber_exercise_get_step (e, 2, "es"), ==, "Mantenga y baje la pierna despacio.");
  g_assert_null (limber_exercise_get_text (e, LIMBER_EXERCISE_SHORTEN, "en"));
  g_assert_null (limber_exercise_get_image_src (e));
  d = limber_exercise_get_dosage (e);
  g_assert_cmpint (limber_dosage_get (d, LIMBER_DOSAGE_SETS), ==, 3);
  g_assert_cmpint (limber_dosage_get (d, LIMBER_DOSAGE_HOLD_SECONDS), ==, 30);
  g_assert_cmpint (limber_dosage_get (d, LIMBER_DOSAGE_DAYS_PER_WEEK), ==, 5);
  g_assert_cmpint (d->side, ==, LIMBER_SIDE_LEFT);

  /* minimal.xml: nothing optional is set. */
  {
    g_autofree char *minimal = test_file ("valid", "minimal.xml");
    g_autoptr(GFile) mfile = g_file_new_for_path (minimal);

    g_assert_true (limber_catalog_add_file (catalog, mfile, NULL));
    e = limber_catalog_lookup (catalog, "hip-flexor-release");
    g_assert (e != NULL);
    g_assert_true (limber_dosage_is_empty (limber_exercise_get_dosage (e)));
    g_assert_false (limber_dosage_is_set (limber_exercise_get_dosage (e), LIMBER_DOSAGE_SETS));
    g_assert_cmpstr (limber_exercise_get_name (e, "es"), ==, "Hip flexor release");
    g_assert_cmpuint (limber_exercise_get_words (e, LIMBER_VOCABULARY_EQUIPMENT), ==, 0);
  }
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *count)
{
  (*count)++;
}

static void
test_override (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "files", "catalog", "override", NULL);
  g_autofree char *first = test_file ("override", "a-first.xml");
  g_autofree char *second = test_file ("override", "b-second.xml");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) spray = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *notices;
  LimberExercise *e;
  guint changes = 0;

  g_signal_connect (catalog, "items-changed", G_CALLBACK (count_changes), &changes);
  g_assert_cmpuint (limber_catalog_add_folder (catalog, folder), ==, 2);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (limber_catalog_get_problems (catalog)->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 3);

  notices = limber_catalog_get_notices (catalog);
  print_all (notices);
  g_assert (notices->len == 1);
  g_assert_cmpstr (((LimberProblem *) g_ptr_array_index (notices, 0))->file, ==, second);
  g_assert_true (contains (notices, first));
  g_assert_true (contains (notices, "override-shared-release"));

  /* The replaced exercise is gone: reuse its memory before looking up. */
  for (guint i = 0; i < 4096; i++)
    g_ptr_array_add (spray, g_strnfill (strlen ("override-shared-release"), 'X'));

  e = limber_catalog_lookup (catalog, "override-shared-release");
  g_assert_nonnull (e);
  if (e == NULL)
    return;
  g_assert_cmpstr (limber_exercise_get_name (e, "en"), ==, "Shared release, second version");
  g_assert_cmpstr (limber_exercise_get_source (e), ==, second);
  g_assert_cmpint (limber_dosage_get (limber_exercise_get_dosage (e), LIMBER_DOSAGE_SETS), ==, 3);
  {
    /* Still where the first file put it, not moved to the end. */
    g_autoptr(LimberExercise) at0 = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
    g_autoptr(LimberExercise) at2 = g_list_model_get_item (G_LIST_MODEL (catalog), 2);

    g_assert_true (at0 == e);
    g_assert_cmpstr (limber_exercise_get_id (at2), ==, "override-only-second");
  }
  g_assert_nonnull (limber_catalog_lookup (catalog, "override-only-first"));
  g_assert_nonnull (limber_catalog_lookup (catalog, "override-only-second"));
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

static const char good_catalog[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<limber-catalog version=\"1\">\n"
  "  <exercise id=\"good-one\"><name>Good</name><region>hip</region><tissue>iliopsoas</tissue></exercise>\n"
  "</limber-catalog>\n";

static void
test_broken_file (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autofree char *dir = g_dir_make_tmp ("limber-test-XXXXXX", NULL);
  g_autofree char *malformed_src = test_file ("invalid", "malformed.xml");
  g_autofree char *malformed = NULL;
  g_autofree char *good = write_temp (dir, "a-good.xml", good_catalog);
  g_autofree char *broken = NULL, *half = NULL, *text = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) broken_file = NULL, half_file = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = limber_catalog_get_problems (catalog);
  guint n_problems, changes = 0;

  g_assert_true (g_file_get_contents (malformed_src, &malformed, NULL, NULL));
  broken = write_temp (dir, "b-broken.xml", malformed);
  g_free (write_temp (dir, "c-notes.txt", "not a catalog: ignored"));

  g_assert_cmpuint (limber_catalog_add_folder (catalog, folder), ==, 1);
  g_assert_nonnull (limber_catalog_lookup (catalog, "good-one"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 1);
  print_all (problems);
  g_assert (problems->len >= 1);
  g_assert_cmpstr (((LimberProblem *) g_ptr_array_index (problems, 0))->file, ==, broken);
  g_assert_cmpuint (((LimberProblem *) g_ptr_array_index (problems, 0))->line, ==, 5);

  /* Loading it alone: FALSE, the first problem as the error, nothing changed. */
  g_signal_connect (catalog, "items-changed", G_CALLBACK (count_changes), &changes);
  n_problems = problems->len;
  broken_file = g_file_new_for_path (broken);
  g_assert_false (limber_catalog_add_file (catalog, broken_file, &error));
  g_assert_error (error, LIMBER_XML_ERROR, LIMBER_XML_ERROR_INVALID);
  g_assert (problems->len > n_problems);
  text = limber_problem_to_string (g_ptr_array_index (problems, n_problems));
  g_assert_cmpstr (error->message, ==, text);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 1);
  g_assert_cmpuint (changes, ==, 0);
  g_clear_error (&error);

  /* A file is taken whole or not at all: one bad exercise sinks the file. */
  half = write_temp (dir, "d-half.xml",
                     "<limber-catalog version=\"1\">\n"
                     "  <exercise id=\"half-good\"><name>Fine</name><region>hip</region><tissue>soleus</tissue></exercise>\n"
                     "  <exercise id=\"good-one\"><name>Replacement</name><region>hips</region><tissue>soleus</tissue></exercise>\n"
                     "</limber-catalog>\n");
  half_file = g_file_new_for_path (half);
  g_assert_false (limber_catalog_add_file (catalog, half_file, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, half));
  g_assert_nonnull (strstr (error->message, ":3: "));
  g_assert_null (limber_catalog_lookup (catalog, "half-good"));
  g_assert_cmpstr (limber_exercise_get_name (limber_catalog_lookup (catalog, "good-one"), NULL), ==, "Good");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 1);
  g_assert_cmpuint (limber_catalog_get_notices (catalog)->len, ==, 0);
  g_assert_cmpuint (changes, ==, 0);

  remove_tree (dir);
}

static void
test_missing_folder (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autofree char *dir = g_dir_make_tmp ("limber-test-XXXXXX", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no", "such", "folder", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (nowhere);
  g_autoptr(GFile) file = g_file_new_for_path (nowhere);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (limber_catalog_add_folder (catalog, folder), ==, 0);
  g_assert_cmpuint (limber_catalog_get_problems (catalog)->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 0);

  /* A missing file, though, is a problem. */
  g_assert_false (limber_catalog_add_file (catalog, file, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (limber_catalog_get_problems (catalog)->len, ==, 1);
  g_rmdir (dir);
}

static char *
image_catalog (const char *dir,
               const char *src)
{
  g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n<limber-catalog version=\"1\">\n"
                                          "  <exercise id=\"with-image\"><name>Pictured</name>"
                                          "<region>hip</region><tissue>iliopsoas</tissue>\n"
                                          "    <image src=\"%s\" alt=\"a dot\"/>\n"
                                          "  </exercise>\n</limber-catalog>\n", src);
  g_autofree char *sub = g_build_filename (dir, "images", NULL);

  g_mkdir_with_parents (sub, 0755);
  return write_temp (dir, "catalog.xml", xml);
}

/* Loads @path; returns the first problem, or NULL if it loaded. */
static char *
try_load (const char *path)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (limber_catalog_add_file (catalog, file, &error))
    {
      LimberExercise *e = limber_catalog_lookup (catalog, "with-image");
      g_assert (e != NULL);
      g_assert_nonnull (limber_exercise_get_image_src (e));
      return NULL;
    }
  g_test_message ("%s", error->message);
  return g_strdup (error->message);
}

static void
test_images (void)
{
  g_autofree char *top = g_dir_make_tmp ("limber-test-XXXXXX", NULL);
  g_autofree char *dot = g_test_build_filename (G_TEST_DIST, "files", "catalog", "valid", "images",
                                                "dot.png", NULL);
  g_autofree char *png = NULL;
  gsize png_len;
  struct { const char *name; const char *src; const char *word; } cases[] = {
    { "plain", "images/ok.png", NULL },
    { "symlink", "images/link.png", "not a plain file" },
    { "folder", "images", "not a plain file" },
    { "folder-link", "images/ok.png", NULL },   /* images/ links to plain/images */
    { "text", "images/text.png", "PNG" },
    { "missing", "images/nope.png", "images/nope.png" },
  };

  g_assert_true (g_file_get_contents (dot, &png, &png_len, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = g_build_filename (top, cases[i].name, NULL);
      g_autofree char *path = NULL, *problem = NULL, *images = NULL, *target = NULL;

      g_mkdir_with_parents (dir, 0755);
      images = g_build_filename (dir, "images", NULL);
      if (g_str_equal (cases[i].name, "folder-link"))
        {
          target = g_build_filename (top, "plain", "images", NULL);
          g_assert_cmpint (symlink (target, images), ==, 0);
        }
      path = image_catalog (dir, cases[i].src);
      if (g_str_equal (cases[i].name, "plain"))
        {
          g_autofree char *ok = g_build_filename (images, "ok.png", NULL);
          g_assert_true (g_file_set_contents (ok, png, png_len, NULL));
        }
      else if (g_str_equal (cases[i].name, "symlink"))
        {
          g_autofree char *link = g_build_filename (images, "link.png", NULL);
          g_assert_cmpint (symlink (dot, link), ==, 0);
        }
      else if (g_str_equal (cases[i].name, "text"))
        {
          g_autofree char *text = g_build_filename (images, "text.png", NULL);
          g_assert_true (g_file_set_contents (text, "just words\n", -1, NULL));
        }

      g_test_message ("case %s", cases[i].name);
      problem = try_load (path);
      if (g_str_equal (cases[i].name, "plain"))
        g_assert_null (problem);
      else if (problem == NULL)
        g_test_fail_printf ("the %s picture was accepted", cases[i].name);
      else
        {
          g_autofree char *prefix = g_strdup_printf ("%s:4: ", path);

          g_assert_true (g_str_has_prefix (problem, prefix));
          if (cases[i].word != NULL)
            g_assert_nonnull (strstr (problem, cases[i].word));
        }
    }
  remove_tree (top);
}

/* Two exercises wrong in two ways: the file reports both, each a
 * LimberProblem at its own line, and the error is the first. */
static const char two_problems_catalog[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<limber-catalog version=\"1\" xml:lang=\"en\">\n"
  "  <exercise id=\"Bad Id\">\n"
  "    <name>First</name><region>hip</region><tissue>iliopsoas</tissue>\n"
  "  </exercise>\n"
  "  <exercise id=\"second-one\">\n"
  "    <name>Second</name><region>hip</region><tissue>iliopsoas</tissue>\n"
  "    <dosage sets=\"2\" reps=\"five\"/>\n"
  "  </exercise>\n"
  "</limber-catalog>\n";

static void
test_two_problems (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autofree char *dir = g_dir_make_tmp ("limber-test-XXXXXX", NULL);
  g_autofree char *path = write_temp (dir, "två problem.xml", two_problems_catalog);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) checked = limber_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  GPtrArray *problems = limber_catalog_get_problems (catalog);
  LimberProblem *p;

  g_assert_false (limber_catalog_add_file (catalog, file, &error));
  g_assert_error (error, LIMBER_XML_ERROR, LIMBER_XML_ERROR_INVALID);
  print_all (problems);
  g_assert_cmpuint (problems->len, ==, 2);

  p = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (p->file, ==, path);
  g_assert_cmpuint (p->line, ==, 3);
  g_assert_nonnull (strstr (p->message, "Bad Id"));
  g_assert_false (g_str_has_prefix (p->message, path));
  first = limber_problem_to_string (p);
  g_assert_cmpstr (error->message, ==, first);

  p = g_ptr_array_index (problems, 1);
  g_assert_cmpstr (p->file, ==, path);
  g_assert_cmpuint (p->line, ==, 8);
  g_assert_nonnull (strstr (p->message, "five"));

  /* Checking the file without loading it says the same. */
  g_assert_false (limber_catalog_check_file (file, path, checked));
  g_assert_cmpuint (checked->len, ==, 2);
  for (guint i = 0; i < checked->len; i++)
    {
      LimberProblem *a = g_ptr_array_index (checked, i), *b = g_ptr_array_index (problems, i);

      g_assert_cmpstr (a->file, ==, b->file);
      g_assert_cmpuint (a->line, ==, b->line);
      g_assert_cmpstr (a->message, ==, b->message);
    }
  remove_tree (dir);
}

/* "NAME MTIME SHA256" for each bundled catalog file. */
static char *
bundled_state (void)
{
  g_autoptr(GFile) folder = limber_paths_bundled_catalog ();
  g_autofree char *dir = g_file_get_path (folder);
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert (gdir != NULL);
  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL, *sum = NULL;
      gsize len;
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
      g_ptr_array_add (lines, g_strdup_printf ("%s %" G_GINT64_FORMAT " %s", name, (gint64) st.st_mtime, sum));
    }
  g_assert_cmpuint (lines->len, >=, 4);
  g_ptr_array_sort (lines, compare_names);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* Reading a catalog never writes it. */
static void
test_read_only (void)
{
  g_autofree char *before = bundled_state ();
  g_autofree char *after = NULL;
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();

  limber_catalog_load_standard (catalog, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), >, 0);
  after = bundled_state ();
  g_assert_cmpstr (before, ==, after);
}

typedef struct
{
  GThread *main_thread;
  guint    changes;
  guint    loading_notices;
  gboolean done;
} AsyncWatch;

static void
on_async_items_changed (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        AsyncWatch *watch)
{
  g_assert_true (g_thread_self () == watch->main_thread);
  watch->changes++;
}

static void
on_async_loading (LimberCatalog *catalog,
                  GParamSpec    *pspec,
                  AsyncWatch    *watch)
{
  g_assert_true (g_thread_self () == watch->main_thread);
  watch->loading_notices++;
}

static void
on_async_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AsyncWatch *watch = user_data;

  g_assert_true (limber_catalog_load_standard_finish (LIMBER_CATALOG (source), result, NULL));
  g_assert_false (limber_catalog_get_loading (LIMBER_CATALOG (source)));
  watch->done = TRUE;
}

/* Read in a worker: the same exercises in the same order as read on the
 * spot, signals only on the main thread, one items-changed; and an
 * exercise put in while it loads (a custom stretch saved meanwhile) is
 * kept, after the others and over the same id. */
static void
test_load_async (void)
{
  g_autoptr(LimberCatalog) sync = limber_catalog_new ();
  g_autoptr(LimberCatalog) async = limber_catalog_new ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) extra = NULL;
  AsyncWatch watch = { g_thread_self (), 0, 0, FALSE };
  guint n;

  limber_catalog_load_standard (sync, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (sync));
  g_assert_cmpuint (n, >=, 44);

  g_signal_connect (async, "items-changed", G_CALLBACK (on_async_items_changed), &watch);
  g_signal_connect (async, "notify::loading", G_CALLBACK (on_async_loading), &watch);
  limber_catalog_load_standard_async (async, NULL, NULL, on_async_loaded, &watch);
  g_assert_true (limber_catalog_get_loading (async));
  g_assert_cmpuint (watch.loading_notices, ==, 1);

  /* Added on the main thread while the worker reads. */
  path = g_test_build_filename (G_TEST_DIST, "files", "catalog", "valid", "minimal.xml", NULL);
  extra = g_file_new_for_path (path);
  g_assert_true (limber_catalog_add_file (async, extra, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (async)), ==, 1);

  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (watch.loading_notices, ==, 2);
  g_assert_cmpuint (watch.changes, ==, 2);  /* the file added, then the catalog */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (async)), ==, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberExercise) a = g_list_model_get_item (G_LIST_MODEL (sync), i);
      g_autoptr(LimberExercise) b = g_list_model_get_item (G_LIST_MODEL (async), i);

      g_assert_cmpstr (limber_exercise_get_id (a), ==, limber_exercise_get_id (b));
      g_assert_true (limber_catalog_lookup (async, limber_exercise_get_id (a)) == b);
    }
  {
    g_autoptr(LimberExercise) last = g_list_model_get_item (G_LIST_MODEL (async), n);
    g_assert_true (limber_catalog_lookup (async, limber_exercise_get_id (last)) == last);
  }
  g_assert_cmpuint (limber_catalog_get_problems (async)->len, ==, limber_catalog_get_problems (sync)->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  limber_xml_init ();

  g_test_add_func ("/catalog/bundled/contents", test_bundled);
  g_test_add_func ("/catalog/bundled/tissues", test_bundled_tissues);
  g_test_add_func ("/catalog/bundled/read-only", test_read_only);
  g_test_add_func ("/catalog/exercise/full", test_full_content);
  g_test_add_func ("/catalog/tissues/sorted-unique", test_dup_tissues);
  g_test_add_func ("/catalog/load/override", test_override);
  g_test_add_func ("/catalog/load/broken-file", test_broken_file);
  g_test_add_func ("/catalog/load/two-problems", test_two_problems);
  g_test_add_func ("/catalog/load/missing-folder", test_missing_folder);
  g_test_add_func ("/catalog/load/images", test_images);
  g_test_add_func ("/catalog/load/async", test_load_async);

  return g_test_run ();
}
