/* test-search-rank.c — in what order a search lists stretches: where a
 * word is found, how whole it is, typos, the words people use, symptoms,
 * Spanish, and a clinic's own words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "limber-catalog.h"
#include "limber-search.h"
#include "limber-xml.h"

/* Loaded once (with data/catalog/vocabulary.txt): no test changes it. */
static LimberCatalog *bundled;

/* The ids a search lists, best first. */
static GStrv
ranked (LimberCatalog *catalog,
        const char    *text)
{
  LimberSearchIndex *index = limber_catalog_get_search_index (catalog);
  g_autoptr(LimberQuery) query = limber_query_new ();
  g_autoptr(LimberSearchResults) results = limber_search_results_new ();
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  guint n;

  limber_query_set_text (query, text);
  n = limber_search_index_run (index, query, results);
  for (guint i = 0; i < n; i++)
    {
      guint slot = limber_search_results_get_slot (results, i);

      g_assert_cmpuint (limber_search_results_get_rank (results, slot), ==, i);
      g_strv_builder_add (ids, limber_exercise_get_id (limber_search_index_get_exercise (index, slot)));
    }
  return g_strv_builder_end (ids);
}

static gboolean
has_tissue (const char *id,
            const char *tissues)
{
  LimberExercise *e = limber_catalog_lookup (bundled, id);
  g_auto(GStrv) wanted = g_strsplit (tissues, " ", -1);

  g_assert_nonnull (e);
  for (guint i = 0; wanted[i] != NULL; i++)
    if (g_strv_contains (limber_exercise_get_tissues (e), wanted[i]))
      return TRUE;
  return FALSE;
}

static gboolean
in_region (const char *id,
           const char *region)
{
  LimberExercise *e = limber_catalog_lookup (bundled, id);
  int r = limber_vocabulary_lookup (LIMBER_VOCABULARY_REGION, region);

  return (limber_exercise_get_words (e, LIMBER_VOCABULARY_REGION) >> r) & 1;
}

/* The first @n results all release one of @tissues (space-separated). */
static void
assert_top (const char *text,
            guint       n,
            const char *tissues)
{
  g_auto(GStrv) ids = ranked (bundled, text);

  if (g_strv_length (ids) < n)
    {
      g_test_fail_printf ("‘%s’ finds %u stretches, not %u or more", text, g_strv_length (ids), n);
      return;
    }
  for (guint i = 0; i < n; i++)
    if (!has_tissue (ids[i], tissues))
      g_test_fail_printf ("‘%s’ lists %s at %u: not one of %s", text, ids[i], i + 1, tissues);
}

static guint
position (GStrv       ids,
          const char *id)
{
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], id))
      return i;
  return G_MAXUINT;
}

static LimberCatalog *
load_file (const char *name)
{
  LimberCatalog *catalog = limber_catalog_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "catalog", "search", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (limber_catalog_add_file (catalog, file, &error));
  g_assert_no_error (error);
  return catalog;
}

static void
test_where_and_how (void)
{
  g_autoptr(LimberCatalog) catalog = load_file ("rank.xml");
  g_auto(GStrv) pelvis = ranked (catalog, "pelvis");
  g_auto(GStrv) wobble = ranked (catalog, "wobble");
  g_auto(GStrv) twin = ranked (catalog, "twin");
  const char *by_place[] = { "pelvis-in-the-name", "pelvis-as-region", "pelvis-in-a-step", NULL };
  const char *by_shape[] = { "whole-word", "start-of-a-word", "inside-a-word", NULL };
  const char *ties[] = { "tie-first", "tie-second", NULL };

  /* Name beats region beats steps; whole word beats its start beats
   * inside a word; the file lists them the other way round. */
  g_assert_cmpstrv (pelvis, by_place);
  g_assert_cmpstrv (wobble, by_shape);
  /* Equal scores keep catalog order. */
  g_assert_cmpstrv (twin, ties);
}

static void
test_knee (void)
{
  g_auto(GStrv) ids = ranked (bundled, "knee");
  guint last_knee = 0;

  g_assert_true (in_region (ids[0], "knee"));
  for (guint i = 0; ids[i] != NULL; i++)
    if (in_region (ids[i], "knee"))
      last_knee = i;
  /* Kneeling stretches come, but after every stretch of the knee. */
  g_assert_cmpuint (position (ids, "iliopsoas-half-kneeling"), !=, G_MAXUINT);
  g_assert_cmpuint (position (ids, "iliopsoas-half-kneeling"), >, last_knee);
  g_assert_cmpuint (position (ids, "soleus-half-kneeling"), >, last_knee);
}

static void
test_exact_name (void)
{
  const char *names[][2] = {
    { "Half-kneeling hip flexor release", "iliopsoas-half-kneeling" },
    { "standing hip flexor release", "iliopsoas-standing" },
    { "Seated back-of-knee release", "popliteus-seated" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_auto(GStrv) ids = ranked (bundled, names[i][0]);

      g_assert_cmpstr (ids[0], ==, names[i][1]);
    }
  /* In Spanish too: every name, exactly as the catalog writes it. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (bundled)); i++)
    {
      g_autoptr(LimberExercise) e = g_list_model_get_item (G_LIST_MODEL (bundled), i);
      g_auto(GStrv) ids = ranked (bundled, limber_exercise_get_name (e, "es"));

      if (!g_str_equal (ids[0], limber_exercise_get_id (e)))
        g_test_fail_printf ("‘%s’ lists %s first, not %s", limber_exercise_get_name (e, "es"), ids[0],
                            limber_exercise_get_id (e));
    }
}

static void
test_typos (void)
{
  g_auto(GStrv) none_short = ranked (bundled, "psaoz");   /* two edits, five letters */
  g_auto(GStrv) none = ranked (bundled, "zzzqqq");

  assert_top ("piriformus", 3, "piriformis");     /* one edit */
  assert_top ("piryformus", 3, "piriformis");     /* two edits, ten letters */
  assert_top ("psoaz", 3, "iliopsoas");           /* one edit, five letters */
  assert_top ("hamstirng", 3, "biceps-femoris semitendinosus semimembranosus");  /* two swapped */
  assert_top ("gastrocnemious", 2, "gastrocnemius");
  g_assert_cmpuint (g_strv_length (none_short), ==, 0);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_words_people_use (void)
{
  const char *hamstrings = "biceps-femoris semitendinosus semimembranosus";
  const char *quads = "rectus-femoris vastus-lateralis";

  assert_top ("hammies", 3, hamstrings);
  assert_top ("hamstrings", 3, hamstrings);
  assert_top ("quads", 3, quads);
  assert_top ("psoas", 3, "iliopsoas");
  assert_top ("IT band", 1, "iliotibial-band tensor-fasciae-latae");
  assert_top ("TFL", 3, "tensor-fasciae-latae");
  assert_top ("glutes", 4, "gluteus-maximus gluteus-medius gluteus-minimus piriformis deep-hip-rotators");
  assert_top ("calf", 4, "gastrocnemius soleus");
  assert_top ("groin", 3, "adductor-longus adductor-brevis adductor-magnus gracilis pectineus");
  assert_top ("QL", 3, "quadratus-lumborum");
}

static void
test_spanish (void)
{
  g_auto(GStrv) accented = ranked (bundled, "cuádriceps");
  g_auto(GStrv) plain = ranked (bundled, "CUADRICEPS");

  assert_top ("isquios", 3, "biceps-femoris semitendinosus semimembranosus");
  assert_top ("isquiotibiales", 3, "biceps-femoris semitendinosus semimembranosus");
  assert_top ("cuádriceps", 3, "rectus-femoris vastus-lateralis");
  assert_top ("pantorrilla", 3, "gastrocnemius soleus");
  assert_top ("glúteos", 3, "gluteus-maximus gluteus-medius gluteus-minimus piriformis deep-hip-rotators");
  g_assert_cmpstrv (accented, (const char * const *) plain);
}

/* German and French lay words, with or without their letters: "ß" is
 * "ss", accents fold ("Gesäß", "Gesass", "GESÄSS"; "fléchisseur",
 * "flechisseur"). */
static void
test_german_french (void)
{
  const char *hamstrings = "biceps-femoris semitendinosus semimembranosus";
  const char *glutes = "gluteus-maximus gluteus-medius gluteus-minimus piriformis deep-hip-rotators";
  const char *back = "iliopsoas quadratus-lumborum lumbar-erectors";
  const char *knee = "rectus-femoris vastus-lateralis iliotibial-band tensor-fasciae-latae popliteus";
  const char *groin = "adductor-longus adductor-brevis adductor-magnus gracilis pectineus";
  g_auto(GStrv) gesaess = ranked (bundled, "Gesäß");
  g_auto(GStrv) gesass = ranked (bundled, "Gesass");
  g_auto(GStrv) upper = ranked (bundled, "GESÄSS");
  g_auto(GStrv) flechisseur = ranked (bundled, "flechisseur de hanche");
  g_auto(GStrv) accented = ranked (bundled, "FLÉCHISSEUR de hanche");
  g_auto(GStrv) thigh = ranked (bundled, "Oberschenkel");

  /* German */
  for (guint i = 0; i < 6; i++)
    g_assert_true (in_region (thigh[i], "thigh"));
  assert_top ("Gesäß", 4, glutes);
  assert_top ("Po", 4, glutes);
  g_assert_cmpstrv (gesaess, (const char * const *) gesass);
  g_assert_cmpstrv (gesaess, (const char * const *) upper);
  assert_top ("Leiste", 3, groin);
  assert_top ("Wade", 3, "gastrocnemius soleus");
  assert_top ("Kniekehle", 2, "popliteus");
  assert_top ("Hüftbeuger", 3, "iliopsoas");
  assert_top ("Huftbeuger", 3, "iliopsoas");
  assert_top ("Beinbeuger", 3, hamstrings);
  assert_top ("Rückenschmerzen", 5, back);
  assert_top ("Knieschmerzen", 5, knee);
  assert_top ("Quadrizeps", 3, "rectus-femoris vastus-lateralis");
  /* French */
  assert_top ("fessier", 4, glutes);
  assert_top ("FESSES", 4, glutes);
  assert_top ("ischio", 3, hamstrings);
  assert_top ("ischio-jambiers", 3, hamstrings);
  assert_top ("mollet", 3, "gastrocnemius soleus");
  assert_top ("aine", 3, groin);
  assert_top ("psoas", 3, "iliopsoas");
  assert_top ("quadriceps", 3, "rectus-femoris vastus-lateralis");
  assert_top ("mal de dos", 5, back);
  assert_top ("douleur au genou", 5, knee);
  assert_top ("creux du genou", 2, "popliteus");
  g_assert_cmpstr (flechisseur[0], ==, "iliopsoas-half-kneeling");
  g_assert_cmpstrv (flechisseur, (const char * const *) accented);
}

static void
test_symptoms (void)
{
  const char *knee = "rectus-femoris vastus-lateralis iliotibial-band tensor-fasciae-latae popliteus";
  const char *back = "iliopsoas quadratus-lumborum lumbar-erectors";
  g_auto(GStrv) knee_pain = ranked (bundled, "knee pain");
  g_auto(GStrv) dolor = ranked (bundled, "dolor de rodilla");
  g_auto(GStrv) sore = ranked (bundled, "sore knee");

  assert_top ("knee pain", 5, knee);
  assert_top ("dolor de rodilla", 5, knee);
  assert_top ("low back pain", 6, back);
  assert_top ("dolor lumbar", 6, back);
  /* "pain" alone is in every stretch's texts: the phrase finds the knee. */
  for (guint i = 0; i < 5; i++)
    g_assert_true (has_tissue (knee_pain[i], knee) || in_region (knee_pain[i], "knee"));
  g_assert_cmpstr (knee_pain[0], ==, dolor[0]);
  /* A phrase of the knee region only: stretches of the knee first. */
  for (guint i = 0; i < 5; i++)
    g_assert_true (in_region (sore[i], "knee"));
}

/* The stretches that have both words come before those with one. */
static void
test_multi_word (void)
{
  g_auto(GStrv) both = ranked (bundled, "calf ball");
  g_auto(GStrv) calf = ranked (bundled, "calf");
  g_auto(GStrv) ball = ranked (bundled, "ball");
  gboolean seen_one = FALSE;
  guint n_both = 0;

  for (guint i = 0; both[i] != NULL; i++)
    {
      gboolean has_both = g_strv_contains ((const char * const *) calf, both[i])
                          && g_strv_contains ((const char * const *) ball, both[i]);

      if (has_both && seen_one)
        g_test_fail_printf ("%s has both words but comes after one that has one", both[i]);
      seen_one = seen_one || !has_both;
      n_both += has_both;
    }
  g_assert_cmpuint (n_both, >=, 1);
  g_assert_true (seen_one);
  g_assert_cmpstr (both[0], ==, "gastrocnemius-long-sitting");
}

static void
test_filters_keep_rank (void)
{
  LimberSearchIndex *index = limber_catalog_get_search_index (bundled);
  g_autoptr(LimberQuery) query = limber_query_new ();
  g_autoptr(LimberSearchResults) results = limber_search_results_new ();
  guint n, n_all;

  limber_query_set_text (query, "release");
  n_all = limber_search_index_run (index, query, results);
  limber_query_set_word (query, LIMBER_VOCABULARY_REGION, limber_vocabulary_lookup (LIMBER_VOCABULARY_REGION, "knee"));
  n = limber_search_index_run (index, query, results);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (n, <, n_all);
  for (guint i = 0; i < n; i++)
    {
      LimberExercise *e = limber_search_index_get_exercise (index, limber_search_results_get_slot (results, i));

      g_assert_true (in_region (limber_exercise_get_id (e), "knee"));
      if (i > 0)
        g_assert_cmpuint (limber_search_results_get_score (results, limber_search_results_get_slot (results, i - 1)), >=,
                          limber_search_results_get_score (results, limber_search_results_get_slot (results, i)));
    }
}

/* A clinic's folder adds its words for its own stretches. */
static void
test_clinic_words (void)
{
  g_autoptr(LimberCatalog) with = limber_catalog_new ();
  g_autoptr(LimberCatalog) without = limber_catalog_new ();
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "files", "catalog", "search", "clinic", NULL);
  g_autofree char *xml = g_build_filename (dir, "clinic.xml", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) file = g_file_new_for_path (xml);
  g_auto(GStrv) lats = NULL, phrase = NULL, plain = NULL, polite = NULL;

  limber_catalog_load_standard (with, NULL);
  g_assert_cmpuint (limber_catalog_add_folder (with, folder), ==, 1);
  g_assert_cmpuint (limber_catalog_get_problems (with)->len, ==, 0);
  limber_catalog_load_standard (without, NULL);
  g_assert_true (limber_catalog_add_file (without, file, NULL));

  lats = ranked (with, "lats");
  phrase = ranked (with, "swimmer's stretch");
  polite = ranked (with, "please lats");
  g_assert_cmpstr (lats[0], ==, "clinic-lat-release");
  g_assert_cmpstr (phrase[0], ==, "clinic-lat-release");
  g_assert_cmpstrv (polite, (const char * const *) lats);
  /* The bundled words still work beside the clinic's. */
  plain = ranked (with, "hammies");
  g_assert_true (has_tissue (plain[0], "biceps-femoris semitendinosus semimembranosus"));
  g_clear_pointer (&phrase, g_strfreev);
  phrase = ranked (with, "dorsal ancho");
  g_assert_cmpstr (phrase[0], ==, "clinic-lat-release");
  /* Without its words the clinic's stretch has neither ("ancho" is in
   * Spanish steps: "a un ancho de mano"). */
  g_clear_pointer (&phrase, g_strfreev);
  phrase = ranked (without, "dorsal ancho");
  g_assert_false (g_strv_contains ((const char * const *) phrase, "clinic-lat-release"));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  limber_xml_init ();

  bundled = limber_catalog_new ();
  limber_catalog_load_standard (bundled, NULL);
  if (g_list_model_get_n_items (G_LIST_MODEL (bundled)) == 0)
    g_error ("The bundled catalog did not load (LIMBER_DATA_DIR=%s)", g_getenv ("LIMBER_DATA_DIR"));
  g_assert_cmpuint (limber_catalog_get_problems (bundled)->len, ==, 0);

  g_test_add_func ("/search/rank/where-and-how", test_where_and_how);
  g_test_add_func ("/search/rank/knee", test_knee);
  g_test_add_func ("/search/rank/exact-name", test_exact_name);
  g_test_add_func ("/search/rank/typos", test_typos);
  g_test_add_func ("/search/rank/words-people-use", test_words_people_use);
  g_test_add_func ("/search/rank/spanish", test_spanish);
  g_test_add_func ("/search/rank/symptoms", test_symptoms);
  g_test_add_func ("/search/rank/german-french", test_german_french);
  g_test_add_func ("/search/rank/multi-word", test_multi_word);
  g_test_add_func ("/search/rank/filters", test_filters_keep_rank);
  g_test_add_func ("/search/rank/clinic-words", test_clinic_words);

  ret = g_test_run ();
  g_clear_object (&bundled);
  return ret;
}
