/* test-search.c — which stretches a search finds (test-search-rank.c:
 * in what order; test-search-words.c: the vocabulary files)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "limber-catalog.h"
#include "limber-search.h"
#include "limber-xml.h"

/* Loaded once: every test reads it, none changes it. */
static LimberCatalog *bundled;

static guint
n_exercises (LimberCatalog *catalog)
{
  return g_list_model_get_n_items (G_LIST_MODEL (catalog));
}

static LimberExercise *
nth (LimberCatalog *catalog,
     guint          i)
{
  /* The catalog keeps its own reference: borrow it. */
  LimberExercise *e = g_list_model_get_item (G_LIST_MODEL (catalog), i);

  g_object_unref (e);
  return e;
}

/* Which exercises the catalog's index finds, one byte per exercise
 * ('1' or '0'), to compare sets. */
static char *
match_set (LimberCatalog     *catalog,
           const LimberQuery *query)
{
  LimberSearchIndex *index = limber_catalog_get_search_index (catalog);
  g_autoptr(LimberSearchResults) results = limber_search_results_new ();
  guint n = n_exercises (catalog);
  char *set = g_malloc0 (n + 1);

  limber_search_index_run (index, query, results);
  for (guint i = 0; i < n; i++)
    {
      int slot = limber_search_index_lookup (index, nth (catalog, i));

      g_assert_cmpint (slot, >=, 0);
      set[i] = limber_search_results_contains (results, slot) ? '1' : '0';
    }
  return set;
}

static guint
count_set (const char *set)
{
  guint n = 0;

  for (; *set; set++)
    n += *set == '1';
  return n;
}

static char *
text_set (LimberCatalog *catalog,
          const char    *text)
{
  g_autoptr(LimberQuery) query = limber_query_new ();

  limber_query_set_text (query, text);
  return match_set (catalog, query);
}

static guint
count_text (const char *text)
{
  g_autofree char *set = text_set (bundled, text);

  return count_set (set);
}

static gboolean
has_tissue (LimberExercise *e,
            const char     *tissue)
{
  return g_strv_contains (limber_exercise_get_tissues (e), tissue);
}

static void
test_psoas (void)
{
  g_autofree char *set = text_set (bundled, "psoas");
  guint with_tissue = 0;

  for (guint i = 0; i < n_exercises (bundled); i++)
    if (has_tissue (nth (bundled, i), "iliopsoas"))
      {
        with_tissue++;
        g_assert_cmpint (set[i], ==, '1');
      }
  g_assert_cmpuint (with_tissue, >=, 3);
  g_assert_cmpuint (count_set (set), >=, with_tissue);
  for (guint i = 0; i < 3; i++)
    {
      const char *variant = (const char *[]) { "PSOAS", "Psoas", "  psoas  " }[i];
      g_autofree char *other = text_set (bundled, variant);

      g_assert_cmpstr (other, ==, set);
    }
  /* Half-typed, it already finds them. */
  g_assert_cmpuint (count_text ("psoa"), >=, count_set (set));
}

static void
test_spanish (void)
{
  g_autofree char *hamstrings = text_set (bundled, "isquiotibiales");

  g_assert_cmpuint (count_text ("cadera"), >=, 3);
  g_assert_cmpuint (count_text ("glúteo"), >=, 1);
  g_assert_cmpuint (count_text ("glúteo"), ==, count_text ("gluteo"));
  g_assert_cmpuint (count_text ("GLÚTEO"), ==, count_text ("gluteo"));
  g_assert_cmpuint (count_text ("rodilla"), ==, count_text ("RODILLA"));

  g_assert_cmpuint (count_set (hamstrings), >=, 3);
  for (guint i = 0; i < n_exercises (bundled); i++)
    if (hamstrings[i] == '1')
      {
        LimberExercise *e = nth (bundled, i);

        g_assert_true (has_tissue (e, "biceps-femoris") || has_tissue (e, "semitendinosus")
                       || has_tissue (e, "semimembranosus"));
      }
}

static void
test_multi_word (void)
{
  g_autofree char *hip = text_set (bundled, "hip");
  g_autofree char *kneel = text_set (bundled, "kneel");
  g_autofree char *both = text_set (bundled, "hip kneel");
  g_autofree char *reversed = text_set (bundled, "kneel hip");
  g_autofree char *punctuated = text_set (bundled, "hip, kneel!");

  /* Any word finds a stretch; how many words it has ranks it
   * (test-search-rank.c). */
  g_assert_cmpuint (count_set (both), >=, 1);
  g_assert_cmpstr (both, ==, reversed);
  g_assert_cmpstr (both, ==, punctuated);
  for (guint i = 0; i < n_exercises (bundled); i++)
    g_assert_cmpint (both[i] == '1', ==, hip[i] == '1' || kneel[i] == '1');
  g_assert_cmpuint (count_set (both), >, count_set (kneel));
}

static void
test_punctuation (void)
{
  g_assert_cmpuint (count_text ("rectus femoris"), >=, 3);
  g_assert_cmpuint (count_text ("rectus femoris"), ==, count_text ("rectus-femoris"));
  g_assert_cmpuint (count_text ("Rectus-Femoris."), ==, count_text ("rectus-femoris"));
  g_assert_cmpuint (count_text ("tensor fasciae latae"), ==, count_text ("tensor-fasciae-latae"));
}

static void
test_nothing_and_everything (void)
{
  g_autoptr(LimberQuery) query = limber_query_new ();
  guint all = n_exercises (bundled);

  g_assert_true (limber_query_is_empty (query));
  g_assert_cmpuint (count_text ("zzzqqq"), ==, 0);
  g_assert_cmpuint (count_text ("zzzqqq xxyyxx"), ==, 0);
  g_assert_cmpuint (count_text ("psoas zzzqqq"), ==, count_text ("psoas"));
  g_assert_cmpuint (count_text (""), ==, all);
  g_assert_cmpuint (count_text (NULL), ==, all);
  g_assert_cmpuint (count_text (" ,.;- "), ==, all);
  limber_query_set_text (query, " ,.;- ");
  g_assert_true (limber_query_is_empty (query));
  limber_query_set_text (query, "hip");
  g_assert_false (limber_query_is_empty (query));
  limber_query_set_text (query, "");
  g_assert_true (limber_query_is_empty (query));
}

/* How many exercises pass @pred, counted by hand. */
static guint
count_where (gboolean (*pred) (LimberExercise *e, gconstpointer data),
             gconstpointer data)
{
  guint n = 0;

  for (guint i = 0; i < n_exercises (bundled); i++)
    n += pred (nth (bundled, i), data);
  return n;
}

static gboolean
in_hip_region (LimberExercise *e,
               gconstpointer   data)
{
  int hip = limber_vocabulary_lookup (LIMBER_VOCABULARY_REGION, "hip");

  return (limber_exercise_get_words (e, LIMBER_VOCABULARY_REGION) >> hip) & 1;
}

static gboolean
piriformis_seated (LimberExercise *e,
                   gconstpointer   data)
{
  int seated = limber_vocabulary_lookup (LIMBER_VOCABULARY_POSITION, "seated");

  return has_tissue (e, "piriformis")
         && ((limber_exercise_get_words (e, LIMBER_VOCABULARY_POSITION) >> seated) & 1);
}

static gboolean
uses_strap (LimberExercise *e,
            gconstpointer   data)
{
  int strap = limber_vocabulary_lookup (LIMBER_VOCABULARY_EQUIPMENT, "strap");

  return (limber_exercise_get_words (e, LIMBER_VOCABULARY_EQUIPMENT) >> strap) & 1;
}

static void
test_filters (void)
{
  g_autoptr(LimberQuery) query = limber_query_new ();
  int hip = limber_vocabulary_lookup (LIMBER_VOCABULARY_REGION, "hip");
  int seated = limber_vocabulary_lookup (LIMBER_VOCABULARY_POSITION, "seated");
  int strap = limber_vocabulary_lookup (LIMBER_VOCABULARY_EQUIPMENT, "strap");
  int ankle = limber_vocabulary_lookup (LIMBER_VOCABULARY_REGION, "ankle-foot");
  g_autofree char *text_only = text_set (bundled, "ball");
  g_autofree char *region_only = NULL, *combined = NULL, *cleared = NULL;
  guint all = n_exercises (bundled);

  g_assert_cmpint (hip, >=, 0);
  g_assert_cmpint (seated, >=, 0);
  g_assert_cmpint (strap, >=, 0);
  g_assert_cmpint (ankle, >=, 0);

  /* Region alone. */
  g_assert_true (limber_query_set_word (query, LIMBER_VOCABULARY_REGION, hip));
  g_assert_false (limber_query_set_word (query, LIMBER_VOCABULARY_REGION, hip));
  g_assert_false (limber_query_is_empty (query));
  region_only = match_set (bundled, query);
  g_assert_cmpuint (count_set (region_only), ==, count_where (in_hip_region, NULL));
  g_assert_cmpuint (count_set (region_only), >, 0);
  g_assert_cmpuint (count_set (region_only), <, all);

  /* Region and text: both must hold. */
  limber_query_set_text (query, "ball");
  combined = match_set (bundled, query);
  for (guint i = 0; i < all; i++)
    g_assert_cmpint (combined[i] == '1', ==, region_only[i] == '1' && text_only[i] == '1');
  g_assert_cmpuint (count_set (combined), >, 0);

  /* Tissue and position. */
  limber_query_set_text (query, NULL);
  limber_query_set_word (query, LIMBER_VOCABULARY_REGION, -1);
  g_assert_true (limber_query_set_tissue (query, "piriformis"));
  g_assert_false (limber_query_set_tissue (query, "piriformis"));
  limber_query_set_word (query, LIMBER_VOCABULARY_POSITION, seated);
  g_clear_pointer (&combined, g_free);
  combined = match_set (bundled, query);
  g_assert_cmpuint (count_set (combined), ==, count_where (piriformis_seated, NULL));
  g_assert_cmpuint (count_set (combined), >=, 1);

  /* Equipment alone. */
  limber_query_set_tissue (query, NULL);
  limber_query_set_word (query, LIMBER_VOCABULARY_POSITION, -1);
  limber_query_set_word (query, LIMBER_VOCABULARY_EQUIPMENT, strap);
  g_clear_pointer (&combined, g_free);
  combined = match_set (bundled, query);
  g_assert_cmpuint (count_set (combined), ==, count_where (uses_strap, NULL));
  g_assert_cmpuint (count_set (combined), >=, 1);

  /* Nothing releases the iliopsoas at the ankle. */
  limber_query_set_word (query, LIMBER_VOCABULARY_EQUIPMENT, -1);
  limber_query_set_word (query, LIMBER_VOCABULARY_REGION, ankle);
  limber_query_set_tissue (query, "iliopsoas");
  g_clear_pointer (&combined, g_free);
  combined = match_set (bundled, query);
  g_assert_cmpuint (count_set (combined), ==, 0);
  limber_query_set_word (query, LIMBER_VOCABULARY_REGION, -1);
  limber_query_set_tissue (query, "no-such-tissue");
  g_clear_pointer (&combined, g_free);
  combined = match_set (bundled, query);
  g_assert_cmpuint (count_set (combined), ==, 0);

  /* Cleared, everything is back. */
  g_assert_true (limber_query_set_tissue (query, NULL));
  limber_query_set_tissue (query, "");
  g_assert_true (limber_query_is_empty (query));
  cleared = match_set (bundled, query);
  g_assert_cmpuint (count_set (cleared), ==, all);
}

static void
test_steps_searched (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "catalog", "search", "search.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *step = NULL, *step_es = NULL, *therapist = NULL, *self = NULL, *everything = NULL;

  g_assert_true (limber_catalog_add_file (catalog, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_exercises (catalog), ==, 2);
  g_assert_cmpstr (limber_exercise_get_id (nth (catalog, 0)), ==, "search-step-word");

  step = text_set (catalog, "zephyrwobble");
  g_assert_cmpstr (step, ==, "10");
  step_es = text_set (catalog, "balanceo");
  g_assert_cmpstr (step_es, ==, "10");
  self = text_set (catalog, "hip bone");
  g_assert_cmpstr (self, ==, "10");
  /* By design: the clinician's wording is not what a user searches. */
  therapist = text_set (catalog, "quixotrance");
  g_assert_cmpstr (therapist, ==, "00");
  everything = text_set (catalog, "release");
  g_assert_cmpstr (everything, ==, "11");
}

static void
test_fold (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "Glúteo Máximo", "gluteo maximo\n" },
    { "Tensor-fasciae  latae", "tensor fasciae latae\n" },
    { "ÑANDÚ", "nandu\n" },
    { "  (Iliopsoas) ", "iliopsoas\n" },
    { "Ça, c'est ÉTÉ", "ca c est ete\n" },
    { "90-90 hamstring", "90 90 hamstring\n" },
    { "", "\n" },
    { "Glu\xcc\x81teo", "gluteo\n" },   /* decomposed: u + combining acute */
    /* ß (and capital ẞ) is ss, as German writes it without the letter. */
    { "Gesäß", "gesass\n" },
    { "GESÄSS", "gesass\n" },
    { "Gesass", "gesass\n" },
    { "GESÄẞ", "gesass\n" },
    { "Fuß-Schmerzen", "fuss schmerzen\n" },
    /* French: accents and œ. */
    { "Fléchisseur de la hanche, l’aine", "flechisseur de la hanche l aine\n" },
    { "Œdème du cœur", "oedeme du coeur\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      limber_fold_append (out, cases[i].in);
      if (!g_str_equal (out->str, cases[i].out))
        {
          g_autofree char *got = g_strescape (out->str, NULL);
          g_test_fail_printf ("fold (\"%s\") gave \"%s\"", cases[i].in, got);
        }
    }
  {
    /* Texts are kept apart: no match may span two of them. */
    g_autoptr(GString) out = g_string_new (NULL);

    limber_fold_append (out, "Hip");
    limber_fold_append (out, "-Flexor");
    g_assert_cmpstr (out->str, ==, "hip\nflexor\n");
  }
}

static void
test_stable (void)
{
  const char *typed[] = { "p", "ps", "pso", "psoa", "psoas", "psoas k", "psoas kn", "cadera", "",
                          "glúteo", "zzzqqq", "rectus-femoris" };
  g_autoptr(LimberQuery) query = limber_query_new ();
  g_autoptr(LimberSearchResults) results = limber_search_results_new ();
  LimberSearchIndex *index = limber_catalog_get_search_index (bundled);
  guint expected[G_N_ELEMENTS (typed)];

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    expected[i] = count_text (typed[i]);
  g_assert_cmpuint (expected[0], >=, expected[4]);
  g_assert_cmpuint (expected[1], >=, expected[4]);

  /* One query and one answer, reused as the search field does on
   * every keystroke. */
  for (guint round = 0; round < 200; round++)
    {
      guint i = round % G_N_ELEMENTS (typed);
      guint n;

      limber_query_set_text (query, typed[i]);
      n = limber_search_index_run (index, query, results);
      if (n != expected[i])
        {
          g_test_fail_printf ("round %u, ‘%s’: %u matches, not %u", round, typed[i], n, expected[i]);
          break;
        }
    }
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
  if (n_exercises (bundled) == 0)
    g_error ("The bundled catalog did not load (LIMBER_DATA_DIR=%s)", g_getenv ("LIMBER_DATA_DIR"));

  g_test_add_func ("/search/text/psoas", test_psoas);
  g_test_add_func ("/search/text/spanish", test_spanish);
  g_test_add_func ("/search/text/multi-word", test_multi_word);
  g_test_add_func ("/search/text/punctuation", test_punctuation);
  g_test_add_func ("/search/text/nothing-and-everything", test_nothing_and_everything);
  g_test_add_func ("/search/text/steps", test_steps_searched);
  g_test_add_func ("/search/filters", test_filters);
  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/stable", test_stable);

  ret = g_test_run ();
  g_clear_object (&bundled);
  return ret;
}
