/* test-custom-edit.c — custom stretches edited in two languages, and
 * deleted
 *
 * The Spanish, German and French words a therapist types are written
 * as xml:lang texts beside the English ones, pass `limber --validate`, and read back
 * the same; saving under the same id replaces the stretch; deleting
 * takes it and its picture out of custom.xml and leaves the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "limber-catalog.h"
#include "limber-custom.h"
#include "limber-paths.h"
#include "limber-problem.h"
#include "limber-test-utils.h"
#include "limber-validate.h"

static char *data_home;

static LimberCatalog *
load_custom (void)
{
  g_autoptr(GFile) file = limber_custom_file ();
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  LimberCatalog *catalog = limber_catalog_new ();

  g_assert_true (limber_validate_file (path, NULL, problems));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (limber_catalog_add_file (catalog, file, NULL));
  return catalog;
}

static LimberExercise *
save (const char *id,
      const char *name,
      const char *name_es,
      const char *summary_es)
{
  LimberCustomFields fields = { 0 };
  g_autoptr(GError) error = NULL;
  LimberExercise *exercise;

  fields.id = id;
  fields.texts[LIMBER_EXERCISE_NAME] = name;
  fields.texts[LIMBER_EXERCISE_SUMMARY] = "Loosen your calf against a wall.";
  fields.texts[LIMBER_EXERCISE_SHORTEN] = "Stand with your hands on a wall.";
  fields.translations[0].lang = "es";
  fields.translations[0].texts[LIMBER_EXERCISE_NAME] = name_es;
  fields.translations[0].texts[LIMBER_EXERCISE_SUMMARY] = summary_es;
  fields.translations[0].texts[LIMBER_EXERCISE_SHORTEN] = "  De pie, con las manos en la pared.  ";
  fields.translations[0].texts[LIMBER_EXERCISE_PRESSURE_THERAPIST] = "";
  fields.caution = "Stop if your knee hurts.";
  fields.translations[0].caution = "Pare si le duele la rodilla.";
  fields.region = "lower-leg";
  fields.tissues = "Gastrocnemius";
  exercise = limber_custom_build (&fields, &error);
  g_assert_no_error (error);
  g_assert_true (limber_custom_save (exercise, NULL, NULL, &error));
  g_assert_no_error (error);
  return exercise;
}

static void
test_spanish_round_trip (void)
{
  g_autoptr(LimberExercise) built = save (NULL, "Wall calf stretch", "Estiramiento de pantorrilla en la pared",
                                          "Afloje la pantorrilla & el tobillo <con cuidado>.");
  g_autoptr(LimberCatalog) catalog = load_custom ();
  LimberExercise *e = limber_catalog_lookup (catalog, limber_exercise_get_id (built));
  g_autoptr(GFile) file = limber_custom_file ();
  g_autofree char *text = NULL;

  g_assert_nonnull (e);
  g_assert_true (limber_custom_is_custom (e));
  g_assert_cmpstr (limber_exercise_get_name (e, "en"), ==, "Wall calf stretch");
  g_assert_cmpstr (limber_exercise_get_name (e, "es"), ==, "Estiramiento de pantorrilla en la pared");
  g_assert_cmpstr (limber_exercise_get_text (e, LIMBER_EXERCISE_SUMMARY, "es"), ==,
                   "Afloje la pantorrilla & el tobillo <con cuidado>.");
  g_assert_cmpstr (limber_exercise_get_text (e, LIMBER_EXERCISE_SHORTEN, "es"), ==,
                   "De pie, con las manos en la pared.");
  g_assert_cmpstr (limber_exercise_get_caution (e, 0, "es"), ==, "Pare si le duele la rodilla.");
  g_assert_cmpstr (limber_exercise_get_caution (e, 0, "en"), ==, "Stop if your knee hurts.");
  /* Nothing in Spanish where nothing was typed: English is the fallback. */
  g_assert_null (limber_text_get_exact (limber_exercise_peek_text (e, LIMBER_EXERCISE_LENGTHEN), "es"));

  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "<name xml:lang=\"es\">Estiramiento de pantorrilla en la pared</name>"));
  g_assert_nonnull (strstr (text, "&amp; el tobillo &lt;con cuidado&gt;"));
}

/* German and French beside Spanish: each text in each language reads
 * back as typed, the file passes its schema, and the texts stand in the
 * contract's order (es, de, fr after the English one). */
static void
test_german_french_round_trip (void)
{
  LimberCustomFields fields = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberExercise) built = NULL;
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(GFile) file = limber_custom_file ();
  g_autofree char *text = NULL;
  LimberExercise *e;
  const char *es, *de, *fr;

  fields.texts[LIMBER_EXERCISE_NAME] = "Doorway chest stretch";
  fields.texts[LIMBER_EXERCISE_SUMMARY] = "Loosen your chest in a doorway.";
  fields.texts[LIMBER_EXERCISE_LENGTHEN] = "Step through the door.";
  fields.caution = "Stop if your arm tingles.";
  fields.translations[0].lang = "es";
  fields.translations[0].texts[LIMBER_EXERCISE_NAME] = "Estiramiento de pecho en la puerta";
  fields.translations[1].lang = "de";
  fields.translations[1].texts[LIMBER_EXERCISE_NAME] = "Brustdehnung im Türrahmen";
  fields.translations[1].texts[LIMBER_EXERCISE_SUMMARY] = "Lockern Sie Ihre Brust im Türrahmen.";
  fields.translations[1].texts[LIMBER_EXERCISE_LENGTHEN] = "Machen Sie einen Schritt durch die Tür.";
  fields.translations[1].caution = "Hören Sie auf, wenn Ihr Arm kribbelt.";
  fields.translations[2].lang = "fr";
  fields.translations[2].texts[LIMBER_EXERCISE_NAME] = "Étirement de la poitrine dans l’encadrement";
  fields.translations[2].texts[LIMBER_EXERCISE_SUMMARY] = "Détendez la poitrine dans une porte.";
  fields.translations[2].texts[LIMBER_EXERCISE_PRESSURE_THERAPIST] = "  Pression douce & lente  ";
  fields.translations[2].caution = "Arrêtez si votre bras fourmille.";
  fields.region = "chest";
  fields.tissues = "Pectoralis major";
  built = limber_custom_build (&fields, &error);
  g_assert_no_error (error);
  g_assert_true (limber_custom_save (built, NULL, NULL, &error));
  g_assert_no_error (error);

  catalog = load_custom ();
  e = limber_catalog_lookup (catalog, limber_exercise_get_id (built));
  g_assert_nonnull (e);
  g_assert_cmpstr (limber_exercise_get_name (e, "de"), ==, "Brustdehnung im Türrahmen");
  g_assert_cmpstr (limber_exercise_get_name (e, "fr"), ==, "Étirement de la poitrine dans l’encadrement");
  g_assert_cmpstr (limber_exercise_get_text (e, LIMBER_EXERCISE_SUMMARY, "de"), ==,
                   "Lockern Sie Ihre Brust im Türrahmen.");
  g_assert_cmpstr (limber_exercise_get_text (e, LIMBER_EXERCISE_LENGTHEN, "de"), ==,
                   "Machen Sie einen Schritt durch die Tür.");
  g_assert_cmpstr (limber_exercise_get_text (e, LIMBER_EXERCISE_PRESSURE_THERAPIST, "fr"), ==,
                   "Pression douce & lente");
  g_assert_cmpstr (limber_exercise_get_caution (e, 0, "de"), ==, "Hören Sie auf, wenn Ihr Arm kribbelt.");
  g_assert_cmpstr (limber_exercise_get_caution (e, 0, "fr"), ==, "Arrêtez si votre bras fourmille.");
  g_assert_cmpstr (limber_exercise_get_caution (e, 0, "en"), ==, "Stop if your arm tingles.");
  /* Nothing typed in French for the movement: no French text, English prints. */
  g_assert_null (limber_text_get_exact (limber_exercise_peek_text (e, LIMBER_EXERCISE_LENGTHEN), "fr"));
  g_assert_null (limber_text_get_exact (limber_exercise_peek_text (e, LIMBER_EXERCISE_SUMMARY), "es"));

  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  es = strstr (text, "<name xml:lang=\"es\">Estiramiento de pecho");
  de = strstr (text, "<name xml:lang=\"de\">Brustdehnung");
  fr = strstr (text, "<name xml:lang=\"fr\">Étirement");
  g_assert_true (es != NULL && de != NULL && fr != NULL);
  g_assert_true (es < de && de < fr);
  g_assert_nonnull (strstr (text, "douce &amp; lente"));
}

/* Saving with the same id replaces the stretch, renamed or not; the
 * other stays. */
static void
test_edit_keeps_id (void)
{
  g_autoptr(LimberExercise) first = save (NULL, "Calf stretch one", "Uno", NULL);
  g_autoptr(LimberExercise) other = save (NULL, "Calf stretch two", "Dos", NULL);
  g_autoptr(LimberExercise) edited = save (limber_exercise_get_id (first), "Calf stretch one, edited",
                                           "Uno, corregido", "Nuevo resumen.");
  g_autoptr(LimberCatalog) catalog = load_custom ();
  LimberExercise *e = limber_catalog_lookup (catalog, limber_exercise_get_id (first));

  g_assert_cmpstr (limber_exercise_get_id (edited), ==, limber_exercise_get_id (first));
  g_assert_nonnull (e);
  g_assert_cmpstr (limber_exercise_get_name (e, "en"), ==, "Calf stretch one, edited");
  g_assert_cmpstr (limber_exercise_get_name (e, "es"), ==, "Uno, corregido");
  g_assert_cmpstr (limber_exercise_get_text (e, LIMBER_EXERCISE_SUMMARY, "es"), ==, "Nuevo resumen.");
  g_assert_nonnull (limber_catalog_lookup (catalog, limber_exercise_get_id (other)));
}

static void
test_delete (void)
{
  g_autoptr(LimberExercise) keep = save (NULL, "Calf stretch to keep", NULL, NULL);
  g_autoptr(LimberExercise) gone = save (NULL, "Calf stretch to delete", NULL, NULL);
  g_autoptr(LimberCatalog) before = load_custom ();
  g_autoptr(LimberCatalog) after = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (before));

  g_assert_true (limber_custom_delete (limber_exercise_get_id (gone), &error));
  g_assert_no_error (error);
  after = load_custom ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (after)), ==, n - 1);
  g_assert_null (limber_catalog_lookup (after, limber_exercise_get_id (gone)));
  g_assert_nonnull (limber_catalog_lookup (after, limber_exercise_get_id (keep)));

  /* Deleting what is not there says so and changes nothing. */
  g_assert_false (limber_custom_delete (limber_exercise_get_id (gone), &error));
  g_assert_nonnull (error);

  /* The catalog in memory lets it go too. */
  g_assert_true (limber_catalog_remove (before, limber_exercise_get_id (gone)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (before)), ==, n - 1);
  g_assert_nonnull (limber_catalog_lookup (before, limber_exercise_get_id (keep)));
  g_assert_false (limber_catalog_remove (before, limber_exercise_get_id (gone)));
}

/* A bundled stretch is no custom one: it cannot be edited or deleted. */
static void
test_bundled_not_custom (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GFile) bundled = limber_paths_bundled_catalog ();
  g_autoptr(LimberExercise) first = NULL;

  g_assert_cmpuint (limber_catalog_add_folder (catalog, bundled), >, 0);
  first = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  g_assert_false (limber_custom_is_custom (first));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  data_home = g_dir_make_tmp ("limber-test-custom-edit-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/custom-edit/spanish-round-trip", test_spanish_round_trip);
  g_test_add_func ("/custom-edit/german-french-round-trip", test_german_french_round_trip);
  g_test_add_func ("/custom-edit/edit-keeps-id", test_edit_keeps_id);
  g_test_add_func ("/custom-edit/delete", test_delete);
  g_test_add_func ("/custom-edit/bundled-not-custom", test_bundled_not_custom);
  ret = g_test_run ();
  {
    g_autoptr(GFile) home = g_file_new_for_path (data_home);
    limber_test_delete_tree (home);
  }
  g_free (data_home);
  return ret;
}
