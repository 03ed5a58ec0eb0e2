/* test-handout.c — handouts read back from the PDF: pages, words, order,
 * margins, languages, mirroring, the log, metadata, and failing safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <poppler.h>
#include <string.h>
#include <unistd.h>

#include "limber-catalog.h"
#include "limber-command-line.h"
#include "limber-figure-draw.h"
#include "limber-handout-private.h"
#include "limber-paths.h"
#include "limber-phrases.h"
#include "limber-program.h"
#include "limber-program-private.h"
#include "limber-test-utils.h"
#include "limber-vocabulary.h"
#include "limber-xml.h"

#define MM15 42.52   /* the least margin, in points */

/* poppler-glib 22.12 has no autoptr cleanups: names of our own, so a
 * newer poppler that has them does not clash. */
typedef PopplerDocument Doc;
typedef PopplerPage Page;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Doc, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Page, g_object_unref)

static LimberCatalog *catalog;
static char *tmp_dir;

static const LimberHandoutLayout all_layouts[] = {
  LIMBER_HANDOUT_LARGE, LIMBER_HANDOUT_STANDARD, LIMBER_HANDOUT_COMPACT,
};
static const LimberPaper all_papers[] = { LIMBER_PAPER_A4, LIMBER_PAPER_LETTER };

/* ------------------------------------------------------------------ */
/* Helpers                                                            */

static LimberProgram *
load_program (GFile *file)
{
  g_autoptr(GError) error = NULL;
  LimberProgram *program = limber_program_load (file, catalog, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (program);
  return program;
}

static LimberProgram *
load_sample (void)
{
  g_autoptr(GFile) file = limber_paths_example ("tight-hips.limber");

  return load_program (file);
}

/* The sample without its Spanish title, advice and notes. */
static LimberProgram *
load_sample_english_only (void)
{
  g_autoptr(GFile) sample = limber_paths_example ("tight-hips.limber");
  g_autoptr(GRegex) spanish = g_regex_new ("\\s*<(title|notes|note) xml:lang=\"es\">[^<]*</\\1>", 0, 0, NULL);
  g_autofree char *xml = NULL;
  g_autofree char *english = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "english-only.limber", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_load_contents (sample, NULL, &xml, NULL, NULL, NULL));
  english = g_regex_replace (spanish, xml, -1, 0, "", 0, NULL);
  g_assert_null (strstr (english, "xml:lang=\"es\">Caderas"));
  g_assert_true (g_file_set_contents (path, english, -1, NULL));
  return load_program (file);
}

static LimberProgram *
load_test_program (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "program", "valid", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return load_program (file);
}

static LimberHandoutOptions
options_for (LimberHandoutLayout layout,
             LimberPaper         paper)
{
  LimberHandoutOptions options;

  limber_handout_options_init (&options);
  options.layout = layout;
  options.paper = paper;
  return options;
}

/* Writes the handout to a PDF and opens it with poppler. */
static PopplerDocument *
export (LimberHandout *handout,
        const char    *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc;

  g_assert_true (limber_handout_write_pdf (handout, file, &error));
  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* Without any white space: poppler joins words that are far apart on a
 * line ("PatientTherapist", "1Kneel") and breaks lines where the page
 * does, so texts are compared without it. */
static char *
normalize (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

static char *
page_text (PopplerDocument *doc,
           int              n)
{
  g_autoptr(Page) page = poppler_document_get_page (doc, n);
  g_autofree char *raw = poppler_page_get_text (page);

  return normalize (raw);
}

/* All pages, with "\f" between them. */
static char *
document_text (PopplerDocument *doc)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *text = page_text (doc, i);

      g_string_append_printf (s, "%s\f", text);
    }
  return g_string_free (s, FALSE);
}

/* The page @needle is first on, or -1. */
static int
page_of (PopplerDocument *doc,
         const char      *needle)
{
  g_autofree char *want = normalize (needle);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *text = page_text (doc, i);

      if (strstr (text, want) != NULL)
        return i;
    }
  return -1;
}

/* Finds @needle in @text after *@from, and moves *@from past it. */
static void
assert_next (const char  *text,
             const char **from,
             const char  *needle,
             const char  *what)
{
  g_autofree char *want = normalize (needle);
  const char *found = strstr (*from, want);

  if (found == NULL)
    {
      if (strstr (text, want) != NULL)
        g_error ("%s: “%s” is out of order", what, want);
      g_error ("%s: “%s” is missing", what, want);
    }
  *from = found + strlen (want);
}

/* Each of the |-separated day labels is somewhere in @text. */
static void
assert_days (const char *text,
             const char *days)
{
  g_auto(GStrv) labels = g_strsplit (days, "|", -1);

  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autofree char *want = normalize (labels[i]);

      if (strstr (text, want) == NULL)
        g_error ("the log has no “%s”", labels[i]);
    }
}

static char *
side_text (const char *text,
           const char *lang,
           LimberSide  side)
{
  return side == LIMBER_SIDE_LEFT ? limber_phrases_mirror_sides (text, lang) : g_strdup (text);
}

/* Whether the contact is one the patient lies or sits on (it goes in
 * place before the start position): the figure's, else a ball or
 * roller among the equipment. */
static gboolean
ball_under_body (LimberExercise *exercise)
{
  LimberFigure *figure = limber_exercise_get_figure (exercise);
  const LimberPressure *pressure = figure != NULL ? limber_figure_get_pressure (figure) : NULL;
  guint64 equipment = limber_exercise_get_words (exercise, LIMBER_VOCABULARY_EQUIPMENT);

  if (pressure != NULL)
    return pressure->by != LIMBER_PRESSURE_HAND;
  return (equipment & (G_GUINT64_CONSTANT (1) << limber_vocabulary_lookup (LIMBER_VOCABULARY_EQUIPMENT, "ball")))
         || (equipment & (G_GUINT64_CONSTANT (1) << limber_vocabulary_lookup (LIMBER_VOCABULARY_EQUIPMENT,
                                                                              "foam-roller")));
}

/* What a stretch must show, in order: its name, (unless compact) what it
 * is for, its dosage line (with the hold only when the steps do not say
 * it) and (unless compact) its steps in the order they are done (a ball
 * under the body first, else after the start position; then the hold
 * and back to the start), then how it should feel. */
static GPtrArray *
expected_texts (LimberProgram *program,
                guint          i,
                const char    *lang,
                gboolean       steps)
{
  static const LimberExerciseText ball_first[] = {
    LIMBER_EXERCISE_PRESSURE_SELF, LIMBER_EXERCISE_SHORTEN, LIMBER_EXERCISE_LENGTHEN,
  };
  static const LimberExerciseText hand_after[] = {
    LIMBER_EXERCISE_SHORTEN, LIMBER_EXERCISE_PRESSURE_SELF, LIMBER_EXERCISE_LENGTHEN,
  };
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  LimberProgramItem *item = limber_program_get_item (program, i);
  LimberExercise *exercise = limber_program_item_get_exercise (item);
  gboolean art = limber_exercise_get_text (exercise, LIMBER_EXERCISE_SHORTEN, lang)
                 || limber_exercise_get_text (exercise, LIMBER_EXERCISE_LENGTHEN, lang);
  const LimberExerciseText *order = ball_under_body (exercise) ? ball_first : hand_after;
  LimberDosage dosage, shown;
  char *dosage_line;

  limber_program_item_get_dosage (item, &dosage);
  shown = dosage;
  if (steps && art)
    limber_dosage_unset (&shown, LIMBER_DOSAGE_HOLD_SECONDS);
  g_ptr_array_add (texts, side_text (limber_exercise_get_name (exercise, lang), lang, dosage.side));
  if (steps && limber_exercise_get_text (exercise, LIMBER_EXERCISE_SUMMARY, lang))
    g_ptr_array_add (texts, side_text (limber_exercise_get_text (exercise, LIMBER_EXERCISE_SUMMARY, lang), lang,
                                       dosage.side));
  dosage_line = limber_phrases_dosage (&shown, lang);
  if (*dosage_line)
    g_ptr_array_add (texts, dosage_line);
  else
    g_free (dosage_line);
  if (!steps)
    return texts;
  if (art)
    {
      for (guint k = 0; k < G_N_ELEMENTS (ball_first); k++)
        if (limber_exercise_get_text (exercise, order[k], lang))
          g_ptr_array_add (texts, side_text (limber_exercise_get_text (exercise, order[k], lang), lang, dosage.side));
      g_ptr_array_add (texts, limber_phrases_hold_step (limber_dosage_get (&dosage, LIMBER_DOSAGE_HOLD_SECONDS), lang));
    }
  else
    for (guint k = 0; k < limber_exercise_get_n_steps (exercise); k++)
      g_ptr_array_add (texts, side_text (limber_exercise_get_step (exercise, k, lang), lang, dosage.side));
  if (dosage.side == LIMBER_SIDE_BOTH)
    g_ptr_array_add (texts, g_strdup (limber_phrases_get (LIMBER_PHRASE_BOTH_SIDES, lang)));
  if (limber_exercise_get_text (exercise, LIMBER_EXERCISE_FEEL, lang))
    g_ptr_array_add (texts, side_text (limber_exercise_get_text (exercise, LIMBER_EXERCISE_FEEL, lang), lang,
                                       dosage.side));
  return texts;
}

/* Every word is inside the page, 15 mm from each edge. */
static void
assert_inside_margins (PopplerDocument *doc)
{
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(Page) page = poppler_document_get_page (doc, i);
      PopplerRectangle *rects = NULL;
      guint n = 0;
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
      g_assert_cmpuint (n, >, 0);
      for (guint k = 0; k < n; k++)
        {
          g_assert_cmpfloat (rects[k].x1, >=, MM15 - 0.5);
          g_assert_cmpfloat (rects[k].y1, >=, MM15 - 0.5);
          g_assert_cmpfloat (rects[k].x2, <=, w - MM15 + 0.5);
          g_assert_cmpfloat (rects[k].y2, <=, h - MM15 + 0.5);
        }
      g_free (rects);
    }
}

static void
check_handout (LimberProgram       *program,
               LimberHandoutLayout  layout,
               LimberPaper          paper,
               const char          *name)
{
  g_auto(LimberHandoutOptions) options = options_for (layout, paper);
  g_autoptr(LimberHandout) handout = limber_handout_new (program, &options);
  g_autoptr(Doc) doc = export (handout, name);
  g_autofree char *text = document_text (doc);
  const char *lang = limber_program_get_language (program);
  const char *from = text;
  double pw, ph;

  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, limber_handout_get_n_pages (handout));
  limber_paper_get_size (paper, &pw, &ph);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(Page) page = poppler_document_get_page (doc, i);
      g_autofree char *page_number = limber_phrases_page (i + 1, poppler_document_get_n_pages (doc), lang);
      g_autofree char *number = normalize (page_number);
      g_autofree char *words = page_text (doc, i);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, pw, 0.5);
      g_assert_cmpfloat_with_epsilon (h, ph, 0.5);
      g_assert_nonnull (strstr (words, number));
    }
  /* 595 × 842 and 612 × 792, as the brief says. */
  g_assert_cmpfloat_with_epsilon (pw, paper == LIMBER_PAPER_A4 ? 595 : 612, 0.5);
  g_assert_cmpfloat_with_epsilon (ph, paper == LIMBER_PAPER_A4 ? 842 : 792, 0.5);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (program)); i++)
    {
      g_autoptr(GPtrArray) expected = expected_texts (program, i, lang, layout != LIMBER_HANDOUT_COMPACT);

      for (guint k = 0; k < expected->len; k++)
        assert_next (text, &from, g_ptr_array_index (expected, k), name);
    }
  assert_inside_margins (doc);
  if (layout == LIMBER_HANDOUT_COMPACT && g_list_model_get_n_items (G_LIST_MODEL (program)) <= 6)
    g_assert_cmpint (limber_handout_get_n_pages (handout), ==, 1);
}

/* ------------------------------------------------------------------ */
/* Tests                                                              */

static void
test_layouts (void)
{
  const char *programs[] = { NULL, "formats-example.limber", "full.limber", "minimal.limber", "spanish.limber" };

  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      g_autoptr(LimberProgram) program = programs[p] ? load_test_program (programs[p]) : load_sample ();

      for (guint l = 0; l < G_N_ELEMENTS (all_layouts); l++)
        for (guint s = 0; s < G_N_ELEMENTS (all_papers); s++)
          {
            g_autofree char *name = g_strdup_printf ("%s-%u-%u.pdf", programs[p] ? programs[p] : "sample", l, s);

            g_test_message ("%s", name);
            check_handout (program, all_layouts[l], all_papers[s], name);
          }
    }
}

/* The sample, word for word where it matters. */
static void
test_sample (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  g_autoptr(LimberHandout) handout = limber_handout_new (program, NULL);
  g_autoptr(Doc) doc = export (handout, "sample.pdf");
  g_autofree char *text = document_text (doc);
  const char *from = text;

  assert_next (text, &from, "Tight hips — week 1", "sample");
  /* Labels over values: four a line, or two when they do not fit. */
  assert_next (text, &from, "Patient Therapist", "sample");
  assert_next (text, &from, "Sam Rivera Alex Kim", "sample");
  assert_next (text, &from, "24 November 2026", "sample");
  assert_next (text, &from, "8 December 2026", "sample");
  /* Page 1: the program in a line, the pain rule, the words, the advice. */
  assert_next (text, &from, "Your program: 5 stretches · 1 to 2 times a day · about 20 minutes each time", "sample");
  /* What the program is for, in the therapist's words, before the rest. */
  assert_next (text, &from, "Advice from your therapist", "sample");
  assert_next (text, &from, "These stretches loosen the tight muscles around your left hip", "sample");
  assert_next (text, &from, "Pain while you stretch: rate it from 0 (none) to 10 (the worst)", "sample");
  assert_next (text, &from, "0–2 Keep going.", "sample");
  assert_next (text, &from, "3–5 Ease off.", "sample");
  assert_next (text, &from, "6–10 Stop. Stop the stretch and call your therapist.", "sample");
  assert_next (text, &from, "Words on this sheet", "sample");
  assert_next (text, &from, "Rep: one slow movement", "sample");
  assert_next (text, &from, "Set: a group of reps", "sample");
  assert_next (text, &from, "Hold: keep still at the end", "sample");
  assert_next (text, &from, "Release: a stretch done while you press", "sample");
  /* The stretches' own words, explained: in the glossary's order. */
  assert_next (text, &from, "Hip flexor: the muscles that lift your knee", "sample");
  assert_next (text, &from, "Half-kneeling: kneeling on one knee", "sample");
  assert_next (text, &from, "Side-lying: lying on your side.", "sample");
  assert_next (text, &from, "Figure-4: one ankle rests on the other knee", "sample");
  assert_next (text, &from, "Groin crease: the fold where your leg meets your belly.", "sample");
  assert_next (text, &from, "Half-kneeling hip flexor release", "sample");
  /* What it is for, under its name, for the left side. */
  assert_next (text, &from, "Loosen the front of your left hip while you kneel.", "sample");
  /* The hold is in the steps, not on this line. */
  assert_next (text, &from, "2 sets of 8 slow reps · twice a day · left side", "sample");
  /* The figure's phases, captioned. */
  assert_next (text, &from, "Start Move", "sample");
  /* Steps in the order they are done: for a hand, the start position,
   * then the press, then the move; written for the right side,
   * printed for the left. */
  assert_next (text, &from, "Kneel on your left knee on a soft mat, right foot flat in front.", "sample");
  assert_next (text, &from, "Press your left fingers gently into the soft spot", "sample");
  assert_next (text, &from, "Kneel up tall and squeeze your left buttock.", "sample");
  assert_next (text, &from, "Hold the end position still for 3 seconds. Then slowly go back to the start.", "sample");
  assert_next (text, &from, "Careful:", "sample");
  assert_next (text, &from, "Left side only: kneel on your left knee.", "sample");
  assert_next (text, &from, "Then gently push your left hip out to the side.", "sample");
  /* A ball under the body goes in place before lying down on it. */
  assert_next (text, &from, "Lying figure-4 buttock release", "sample");
  assert_next (text, &from, "Put a soft ball under the middle of your left buttock.", "sample");
  assert_next (text, &from, "Lie on your back with both knees bent.", "sample");
  assert_next (text, &from, "Rest your left ankle on your right knee.", "sample");
  /* The recap, after the stretches. */
  assert_next (text, &from, "Key points", "sample");
  assert_next (text, &from, "Do each stretch slowly, step by step", "sample");
  assert_next (text, &from, "Stop if your pain goes above 5", "sample");
  assert_next (text, &from, "call your therapist.", "sample");
  assert_next (text, &from, "Next visit: 8 December 2026", "sample");
  assert_next (text, &from, "Your exercise log", "sample");
  assert_next (text, &from, "Tick a box each time you do the stretch", "sample");
  /* 24 November 2026 is a Tuesday; each day's name over its date (in
   * any order: poppler reads the table's columns in an order of its own).
   * The next visit is two weeks on: the log covers both, to Monday 7
   * December (poppler reads the first ten columns as one line). */
  assert_days (text, "T W T F S S M T W T|24 25 26 27 28 29 30 1 2 3|S M 6 7");
  /* When to come back, at the end too. */
  assert_next (text, &from, "Next visit: 8 December 2026", "sample");
  g_assert_cmpint (page_of (doc, "Pain while you stretch"), ==, 0);
  /* No phone: no "call us" without a number. */
  g_assert_null (strstr (text, "Callus"));
  /* The therapist's contact only on their copy. */
  g_assert_null (strstr (text, "Fingertip or thumb contact"));
  g_assert_null (strstr (text, "Forthetherapist"));
  g_assert_null (strstr (text, "pushyourrighthip"));
  /* The record number only on the therapist's copy. */
  g_assert_null (strstr (text, "MRN-0042"));
  g_assert_null (strstr (text, "Examination"));
  assert_inside_margins (doc);
}

static void
test_body_size (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  const double least[] = { 14, 12, 10 };

  for (guint l = 0; l < G_N_ELEMENTS (all_layouts); l++)
    {
      g_auto(LimberHandoutOptions) options = options_for (all_layouts[l], LIMBER_PAPER_A4);
      g_autoptr(LimberHandout) handout = limber_handout_new (program, &options);
      g_autofree char *name = g_strdup_printf ("size-%u.pdf", l);
      g_autoptr(Doc) doc = export (handout, name);
      /* A step in the large layouts, the dosage line in the compact one. */
      const char *probe = all_layouts[l] == LIMBER_HANDOUT_COMPACT ? "2 sets of 8" : "Kneel on your";
      gboolean found = FALSE;

      for (int i = 0; i < poppler_document_get_n_pages (doc) && !found; i++)
        {
          g_autoptr(Page) page = poppler_document_get_page (doc, i);
          g_autofree char *raw = poppler_page_get_text (page);
          const char *at = strstr (raw, probe);
          GList *attributes;
          glong index;

          if (at == NULL)
            continue;
          found = TRUE;
          index = g_utf8_pointer_to_offset (raw, at);
          attributes = poppler_page_get_text_attributes (page);
          for (GList *a = attributes; a != NULL; a = a->next)
            {
              PopplerTextAttributes *attr = a->data;

              if (attr->start_index <= index && index <= attr->end_index)
                {
                  g_test_message ("layout %u: %s at %.1f pt", l, probe, attr->font_size);
                  g_assert_cmpfloat (attr->font_size, >=, least[l] - 0.01);
                }
            }
          poppler_page_free_text_attributes (attributes);
        }
      g_assert_true (found);
    }
}

static void
test_spanish (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  g_autoptr(LimberHandout) handout = NULL;
  g_autoptr(Doc) doc = NULL;
  g_autofree char *text = NULL;
  const char *from;

  limber_program_set_field (program, LIMBER_PROGRAM_LANGUAGE, "es");
  handout = limber_handout_new (program, NULL);
  doc = export (handout, "spanish.pdf");
  text = document_text (doc);
  from = text;

  assert_next (text, &from, "Paciente Fisioterapeuta Sam Rivera Alex Kim", "spanish");
  assert_next (text, &from, "Fecha Próxima cita 24 de noviembre de 2026 8 de diciembre de 2026", "spanish");
  assert_next (text, &from, "Tu programa: 5 estiramientos · de 1 a 2 veces al día · unos 20 minutos cada vez", "spanish");
  assert_next (text, &from, "Consejos de tu fisioterapeuta", "spanish");
  assert_next (text, &from, "Dolor mientras estiras: puntúalo de 0 (nada) a 10 (el peor)", "spanish");
  assert_next (text, &from, "0–2 Sigue.", "spanish");
  assert_next (text, &from, "3–5 Afloja.", "spanish");
  assert_next (text, &from, "6–10 Detente. Deja el estiramiento y llama a tu fisioterapeuta.", "spanish");
  assert_next (text, &from, "Palabras de esta hoja", "spanish");
  assert_next (text, &from, "Repetición: un movimiento lento", "spanish");
  assert_next (text, &from, "Liberación: estirar mientras presionas", "spanish");
  assert_next (text, &from, "Flexor de cadera: los músculos que suben la rodilla.", "spanish");
  assert_next (text, &from, "Figura de 4: un tobillo sobre la otra rodilla", "spanish");
  assert_next (text, &from, "Glúteo: la nalga.", "spanish");
  assert_next (text, &from, "Liberación del flexor de cadera, rodilla en el suelo", "spanish");
  assert_next (text, &from, "Afloja tu cadera izquierda por delante, de rodillas.", "spanish");
  assert_next (text, &from, "2 series de 8 repeticiones lentas · dos veces al día · lado izquierdo", "spanish");
  assert_next (text, &from, "Inicio Movimiento", "spanish");
  /* The catalog's "Apoya la rodilla derecha…", for the left side. */
  assert_next (text, &from, "Apoya la rodilla izquierda en una colchoneta blanda, con el pie derecho delante.",
               "spanish");
  assert_next (text, &from, "Con los dedos de la mano izquierda, presiona suave", "spanish");
  assert_next (text, &from, "Mantén la posición final 3 segundos, sin moverte. Después vuelve despacio al inicio.",
               "spanish");
  assert_next (text, &from, "Cuidado:", "spanish");
  assert_next (text, &from, "Tu fisioterapeuta dice:", "spanish");
  assert_next (text, &from, "Lo más importante", "spanish");
  assert_next (text, &from, "Detente si el dolor pasa de 5", "spanish");
  assert_next (text, &from, "Tu registro de ejercicios", "spanish");
  assert_next (text, &from, "Marca una casilla cada vez que hagas el estiramiento", "spanish");
  assert_days (text, "M X J V S D L M X|24 25 26 27 28 29 30 1 2|L 7");
  g_assert_nonnull (strstr (text, "Página1de"));
  g_assert_nonnull (strstr (text, "Próximacita:8dediciembrede2026"));
  g_assert_null (strstr (text, "Page1of"));
  g_assert_null (strstr (text, "Careful:"));

  /* A language override prints the English program in Spanish too. */
  {
    g_autoptr(LimberProgram) english = load_sample ();
    g_auto(LimberHandoutOptions) options = options_for (LIMBER_HANDOUT_COMPACT, LIMBER_PAPER_LETTER);
    g_autoptr(LimberHandout) other = NULL;
    g_autoptr(Doc) other_doc = NULL;
    g_autofree char *other_text = NULL;

    options.language = g_strdup ("es");
    other = limber_handout_new (english, &options);
    other_doc = export (other, "spanish-override.pdf");
    other_text = document_text (other_doc);
    g_assert_nonnull (strstr (other_text, "Página1de1"));
    g_assert_nonnull (strstr (other_text, "ladoizquierdo"));
    /* The sample's own Spanish title and notes, nothing borrowed. */
    g_assert_nonnull (strstr (other_text, "Caderastensas—semana1"));
    g_assert_nonnull (strstr (other_text, "Túmbatesobreelladoderecho"));
    g_assert_null (strstr (other_text, "Tighthips"));
    g_assert_cmpint (limber_handout_get_borrowed (other), ==, LIMBER_HANDOUT_BORROWED_NONE);
  }
  /* The large layout in Spanish, from the English program: the advice
   * too, and every stretch at full size (none scaled under 14 pt). */
  {
    g_autoptr(LimberProgram) english = load_sample ();
    g_auto(LimberHandoutOptions) options = options_for (LIMBER_HANDOUT_LARGE, LIMBER_PAPER_A4);
    g_autoptr(LimberHandout) other = NULL;
    g_autoptr(Doc) other_doc = NULL;
    g_autofree char *other_text = NULL;

    options.language = g_strdup ("es");
    other = limber_handout_new (english, &options);
    other_doc = export (other, "spanish-large.pdf");
    other_text = document_text (other_doc);
    g_assert_nonnull (strstr (other_text, "Hazcadaestiramientodespacio."));
    g_assert_cmpint (limber_handout_get_borrowed (other), ==, LIMBER_HANDOUT_BORROWED_NONE);
  }
}

static void
test_sides (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  g_autoptr(LimberHandout) handout = NULL;
  g_autoptr(Doc) doc = NULL;
  g_autofree char *text = NULL;
  LimberDosage both = { 0 }, right = { 0 };
  const char *from;

  /* The first stretch on both sides, the third on the right. */
  limber_program_item_get_dosage (limber_program_get_item (program, 0), &both);
  both.side = LIMBER_SIDE_BOTH;
  limber_program_set_item_dosage (program, 0, &both);
  limber_program_item_get_dosage (limber_program_get_item (program, 2), &right);
  right.side = LIMBER_SIDE_RIGHT;
  limber_program_set_item_dosage (program, 2, &right);

  handout = limber_handout_new (program, NULL);
  doc = export (handout, "sides.pdf");
  text = document_text (doc);
  from = text;
  assert_next (text, &from, "both sides", "sides");
  assert_next (text, &from, "Kneel on your right knee on a soft mat, left foot flat in front.", "sides");
  assert_next (text, &from, "Do both sides: right first, then left", "sides");
  /* Left as before: mirrored. */
  assert_next (text, &from, "Bend your left knee and move your left thigh back behind you.", "sides");
  assert_next (text, &from, "right side", "sides");
  assert_next (text, &from, "Then gently push your right hip out to the side.", "sides");
  g_assert_null (strstr (text, "Thengentlypushyourlefthip"));
}

static void
test_log (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  g_auto(LimberHandoutOptions) options = options_for (LIMBER_HANDOUT_STANDARD, LIMBER_PAPER_A4);
  g_autoptr(LimberHandout) handout = NULL;
  g_autoptr(Doc) doc = NULL;
  g_autofree char *text = NULL;
  const char *from;

  options.days = 14;
  handout = limber_handout_new (program, &options);
  doc = export (handout, "log-14.pdf");
  text = document_text (doc);
  from = text;
  assert_next (text, &from, "Your exercise log", "log");
  /* Two weeks from Tuesday 24 November, in initials. */
  assert_days (text, "T 24|W 25|T 26|F 27|S 28|S 29|M 30|T 1|W 2|T 3|F 4|S 5|S 6|M 7");
  assert_next (text, &from, "1. Half-kneeling hip flexor release", "log");
  assert_next (text, &from, "5. Lying back-of-thigh release with a strap", "log");
}

/* A long program: no stretch is split, the log is split with its
 * column heads, and each layout keeps its number of stretches a page. */
static void
test_forty (void)
{
  g_autoptr(LimberProgram) program = limber_program_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalog));

  g_assert_cmpuint (n, >=, 40);
  limber_program_set_field (program, LIMBER_PROGRAM_TITLE, "Forty stretches");
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      LimberDosage dosage = { 0 };

      limber_program_insert_exercise (program, i, exercise);
      limber_program_item_get_dosage (limber_program_get_item (program, i), &dosage);
      dosage.side = i % 3 == 0 ? LIMBER_SIDE_LEFT : i % 3 == 1 ? LIMBER_SIDE_RIGHT : LIMBER_SIDE_BOTH;
      limber_program_set_item_dosage (program, i, &dosage);
    }

  for (guint l = 0; l < G_N_ELEMENTS (all_layouts); l++)
    {
      g_auto(LimberHandoutOptions) options = options_for (all_layouts[l], LIMBER_PAPER_LETTER);
      g_autoptr(LimberHandout) handout = limber_handout_new (program, &options);
      g_autofree char *name = g_strdup_printf ("forty-%u.pdf", l);
      g_autoptr(Doc) doc = export (handout, name);
      int per_page[64] = { 0 };
      int most = all_layouts[l] == LIMBER_HANDOUT_LARGE ? 2 : all_layouts[l] == LIMBER_HANDOUT_STANDARD ? 3 : 40;

      g_test_message ("layout %u: %d pages", l, poppler_document_get_n_pages (doc));
      g_assert_cmpint (poppler_document_get_n_pages (doc), <, 64);
      for (guint i = 0; i < 40; i++)
        {
          g_autoptr(GPtrArray) expected = expected_texts (program, i, "en", all_layouts[l] != LIMBER_HANDOUT_COMPACT);
          int first = page_of (doc, g_ptr_array_index (expected, 0));
          int last = page_of (doc, g_ptr_array_index (expected, expected->len - 1));

          g_assert_cmpint (first, >=, 0);
          /* Its last line is on the page of its name (a step shared by
           * many, like "Do both sides", is found on an earlier page). */
          if (last != first)
            {
              g_autofree char *words = page_text (doc, first);
              g_autofree char *want = normalize (g_ptr_array_index (expected, expected->len - 1));

              g_assert_nonnull (strstr (words, want));
            }
          per_page[first]++;
        }
      for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
        g_assert_cmpint (per_page[p], <=, most);
      assert_inside_margins (doc);
    }
}

static void
test_metadata (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  g_autoptr(LimberHandout) handout = limber_handout_new (program, NULL);
  g_autoptr(Doc) doc = export (handout, "metadata.pdf");
  g_autofree char *title = poppler_document_get_title (doc);
  g_autofree char *author = poppler_document_get_author (doc);
  g_autofree char *creator = poppler_document_get_creator (doc);

  g_assert_cmpstr (title, ==, "Tight hips — week 1");
  g_assert_cmpstr (author, ==, "Alex Kim");
  g_assert_cmpstr (creator, ==, "Limber");
}

static gboolean
pdf_has_images (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  const char *needle = "/Subtype /Image";
  gsize n = strlen (needle);

  /* Byte by byte: a PDF has NUL bytes, where g_strstr_len() would stop. */
  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Figures are vector: no image in the PDF unless a photo is used. */
static void
test_vector (void)
{
  g_autoptr(LimberProgram) sample = load_sample ();
  g_autoptr(LimberProgram) photos = load_test_program ("full.limber");
  gboolean figures = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sample)); i++)
    figures |= limber_exercise_get_figure (limber_program_item_get_exercise (limber_program_get_item (sample, i)))
               != NULL;
  if (!figures)
    g_test_message ("the sample has no figures yet");

  for (guint l = 0; l < G_N_ELEMENTS (all_layouts); l++)
    {
      g_auto(LimberHandoutOptions) options = options_for (all_layouts[l], LIMBER_PAPER_A4);
      g_autoptr(LimberHandout) handout = limber_handout_new (sample, &options);
      g_autoptr(LimberHandout) with_photos = limber_handout_new (photos, &options);
      g_autofree char *name = g_strdup_printf ("vector-%u.pdf", l);
      g_autofree char *photo_name = g_strdup_printf ("photos-%u.pdf", l);
      g_autoptr(Doc) doc = export (handout, name);
      g_autoptr(Doc) photo_doc = export (with_photos, photo_name);

      g_assert_false (pdf_has_images (name));
      /* The scan finds images when there are some. */
      g_assert_true (pdf_has_images (photo_name));
    }
}

static gboolean
folder_is_empty (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  g_assert_nonnull (dir);
  return g_dir_read_name (dir) == NULL;
}

/* A failed export leaves no file: no target, no temporary file. */
static void
test_write_errors (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  g_autoptr(LimberHandout) handout = limber_handout_new (program, NULL);
  g_autofree char *folder = g_build_filename (tmp_dir, "errors", NULL);
  g_autofree char *inside = g_build_filename (folder, "sub", NULL);
  g_autofree char *missing = g_build_filename (folder, "no-such-folder", "out.pdf", NULL);
  g_autofree char *readonly = g_build_filename (folder, "readonly", NULL);
  g_autofree char *in_readonly = g_build_filename (readonly, "out.pdf", NULL);
  g_autoptr(GFile) dir_file = g_file_new_for_path (inside);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) readonly_file = g_file_new_for_path (in_readonly);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (inside, 0755), ==, 0);

  /* The target is a folder. */
  g_assert_false (limber_handout_write_pdf (handout, dir_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_DIR));
  g_assert_true (folder_is_empty (inside));

  /* In a folder that does not exist. */
  g_assert_false (limber_handout_write_pdf (handout, missing_file, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* In a read-only folder (root gives up its right to write there). */
  g_assert_cmpint (g_mkdir (readonly, 0555), ==, 0);
  g_assert_true (limber_test_obey_permissions (TRUE));
  g_assert_false (limber_handout_write_pdf (handout, readonly_file, &error));
  g_assert_true (limber_test_obey_permissions (FALSE));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "readonly"));
  g_clear_error (&error);
  g_assert_true (folder_is_empty (readonly));

  /* Nothing was left beside them either. */
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_true (g_str_equal (name, "sub") || g_str_equal (name, "readonly"));
  }
  g_chmod (readonly, 0755);

  /* An existing file is replaced whole. */
  {
    g_autofree char *path = g_build_filename (folder, "replace.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *data = NULL;
    gsize len;

    g_assert_true (g_file_set_contents (path, "old", -1, NULL));
    g_assert_true (limber_handout_write_pdf (handout, file, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &data, &len, NULL));
    g_assert_true (g_str_has_prefix (data, "%PDF-"));
  }
}

/* `limber --export` on hostile programs: exit 1, no file. */
static void
test_export_hostile (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "files", "program", "invalid", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *out = g_build_filename (tmp_dir, "hostile.pdf", NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (!g_str_has_suffix (name, ".limber"))
        continue;
      g_test_message ("%s", name);
      g_assert_cmpint (limber_command_line_export (path, out, NULL, NULL, NULL, FALSE, NULL), ==, 1);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      n++;
    }
  g_assert_cmpuint (n, >=, 10);
}

/* What the command line prints for a bad file, and its other errors. */
static void
test_export_messages (void)
{
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "files", "program", "invalid", "malformed.limber", NULL);
  g_autofree char *out = g_build_filename (tmp_dir, "messages.pdf", NULL);
  g_autoptr(GFile) sample = limber_paths_example ("tight-hips.limber");
  g_autofree char *sample_path = g_file_get_path (sample);

  if (g_test_subprocess ())
    {
      int rc = limber_command_line_export (bad, out, NULL, NULL, NULL, FALSE, NULL);

      g_assert_cmpint (rc, ==, 1);
      g_assert_cmpint (limber_command_line_export (sample_path, out, "a5", NULL, NULL, FALSE, NULL), ==, 2);
      g_assert_cmpint (limber_command_line_export (sample_path, out, NULL, "huge", NULL, FALSE, NULL), ==, 2);
      g_assert_cmpint (limber_command_line_export (sample_path, NULL, NULL, NULL, NULL, FALSE, NULL), ==, 2);
      g_assert_cmpint (limber_command_line_export (sample_path, sample_path, NULL, NULL, NULL, FALSE, NULL), ==, 2);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      g_assert_cmpint (limber_command_line_export (sample_path, out, "letter", "compact", "es", TRUE, NULL), ==, 0);
      g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*malformed.limber:*: *");
  g_test_trap_assert_stderr ("*--paper must be a4 or letter*");
}

static void
test_therapist_copy (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  g_auto(LimberHandoutOptions) options = options_for (LIMBER_HANDOUT_STANDARD, LIMBER_PAPER_A4);
  g_autoptr(LimberHandout) handout = NULL;
  g_autoptr(Doc) doc = NULL;
  g_autofree char *text = NULL;
  const char *from;

  options.therapist_copy = TRUE;
  options.clinic_name = g_strdup ("Riverside Physio & Co");
  options.clinic_address = g_strdup ("12 High Street");
  options.clinic_phone = g_strdup ("555 0100");
  handout = limber_handout_new (program, &options);
  doc = export (handout, "therapist.pdf");
  text = document_text (doc);
  from = text;
  assert_next (text, &from, "Riverside Physio & Co", "therapist");
  assert_next (text, &from, "12 High Street · 555 0100", "therapist");
  assert_next (text, &from, "Sam Rivera (MRN-0042)", "therapist");
  /* With a phone, the pain rule gives it. */
  assert_next (text, &from, "6–10 Stop. Stop the stretch and call us: 555 0100", "therapist");
  /* Each stretch's contact for the therapist, on this copy only. */
  assert_next (text, &from, "Half-kneeling hip flexor release", "therapist");
  assert_next (text, &from, "For the therapist: Fingertip or thumb contact on the iliacus/psoas", "therapist");
  assert_next (text, &from, "Examination", "therapist");
  assert_next (text, &from, "Central and left low-back pain", "therapist");
  assert_next (text, &from, "Your exercise log", "therapist");
  /* The contact line, at the foot of the last page. */
  assert_next (text, &from, "Next visit: 8 December 2026 · Questions? Call us: 555 0100 · Riverside Physio & Co · "
               "12 High Street", "therapist");
  g_assert_cmpint (page_of (doc, "Questions? Call us:"), ==, poppler_document_get_n_pages (doc) - 1);
  g_assert_nonnull (strstr (text, "Therapist’scopy"));
}

/* The clinic's logo: PNG as an image, SVG as vector, a bad one left out
 * (the handout is still written). */
static void
test_logo (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  g_autofree char *png = g_build_filename (tmp_dir, "logo.png", NULL);
  g_autofree char *svg = g_build_filename (tmp_dir, "logo.svg", NULL);
  g_autofree char *evil = g_build_filename (tmp_dir, "evil.svg", NULL);
  g_autofree char *missing = g_build_filename (tmp_dir, "no-logo.png", NULL);
  const char *logos[] = { png, svg, evil, missing };
  const gboolean images[] = { TRUE, FALSE, FALSE, FALSE };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 40, 20);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.1, 0.3, 0.6);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_set_contents (svg, "<svg xmlns='http://www.w3.org/2000/svg' width='80' height='40'>"
                                      "<rect width='80' height='40' fill='#1a4a80'/></svg>", -1, NULL));
  g_assert_true (g_file_set_contents (evil, "<svg xmlns='http://www.w3.org/2000/svg' "
                                      "xmlns:xlink='http://www.w3.org/1999/xlink' width='80' height='40'>"
                                      "<image xlink:href='file:///etc/hostname' width='80' height='40'/></svg>",
                                      -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (logos); i++)
    {
      g_auto(LimberHandoutOptions) options = options_for (LIMBER_HANDOUT_COMPACT, LIMBER_PAPER_A4);
      g_autoptr(LimberHandout) handout = NULL;
      g_autofree char *name = g_strdup_printf ("logo-%u.pdf", i);
      g_autoptr(Doc) doc = NULL;
      g_autofree char *text = NULL;

      options.clinic_logo = g_strdup (logos[i]);
      options.clinic_name = g_strdup ("Riverside Physio");
      handout = limber_handout_new (program, &options);
      doc = export (handout, name);
      text = document_text (doc);
      g_assert_nonnull (strstr (text, "RiversidePhysio"));
      g_assert_cmpint (pdf_has_images (name), ==, images[i]);
    }
}

/* An empty program still prints: a header and a word. */
static void
test_empty (void)
{
  g_autoptr(LimberProgram) program = limber_program_new ();
  g_autoptr(LimberHandout) handout = limber_handout_new (program, NULL);
  g_autoptr(Doc) doc = export (handout, "empty.pdf");
  g_autofree char *text = document_text (doc);

  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  g_assert_nonnull (strstr (text, "Nostretchesyet."));
}

/* The PDF bytes without their creation date, to compare two exports. */
static char *
pdf_without_date (const char *path,
                  gsize      *length)
{
  const char *key = "/CreationDate (D:";
  char *data = NULL;
  char *date = NULL;

  g_assert_true (g_file_get_contents (path, &data, length, NULL));
  for (gsize i = 0; date == NULL && i + strlen (key) < *length; i++)
    if (memcmp (data + i, key, strlen (key)) == 0)
      date = data + i;
  g_assert_nonnull (date);
  for (char *p = date + strlen ("/CreationDate (D:"); *p != ')'; p++)
    *p = '0';
  return data;
}

/* Finished: NULL stays NULL on success but the loop must end, so a
 * success is marked by a "done" error that export_async() clears. */
static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  if (limber_handout_export_pdf_finish (result, error))
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static GError *
wait_export (GError **error)
{
  while (*error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_str_equal ((*error)->message, "done"))
    g_clear_error (error);
  return g_steal_pointer (error);
}

/* In the background: the same PDF, byte for byte, as written on the
 * spot, from the program as it was when asked (an edit made meanwhile
 * is not in it); an error comes back as an error. */
static void
test_export_async (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  g_auto(LimberHandoutOptions) options = options_for (LIMBER_HANDOUT_LARGE, LIMBER_PAPER_A4);
  g_autoptr(LimberHandout) handout = limber_handout_new (program, &options);
  g_autofree char *sync_path = g_build_filename (tmp_dir, "sync.pdf", NULL);
  g_autofree char *async_path = g_build_filename (tmp_dir, "async.pdf", NULL);
  g_autofree char *folder_path = g_build_filename (tmp_dir, "a-folder.pdf", NULL);
  g_autoptr(GFile) sync_file = g_file_new_for_path (sync_path);
  g_autoptr(GFile) async_file = g_file_new_for_path (async_path);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autofree char *sync_data = NULL;
  g_autofree char *async_data = NULL;
  GError *pending = NULL;
  g_autoptr(GError) error = NULL;
  gsize sync_length, async_length;

  g_assert_true (limber_handout_write_pdf (handout, sync_file, NULL));
  limber_handout_export_pdf_async (program, &options, async_file, NULL, on_exported, &pending);
  limber_program_set_field (program, LIMBER_PROGRAM_TITLE, "Changed after the export began");
  error = wait_export (&pending);
  g_assert_no_error (error);

  sync_data = pdf_without_date (sync_path, &sync_length);
  async_data = pdf_without_date (async_path, &async_length);
  g_assert_cmpmem (sync_data, sync_length, async_data, async_length);

  g_assert_cmpint (g_mkdir (folder_path, 0755), ==, 0);
  limber_handout_export_pdf_async (program, &options, folder, NULL, on_exported, &pending);
  error = wait_export (&pending);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "a-folder.pdf"));
  g_assert_true (g_file_test (folder_path, G_FILE_TEST_IS_DIR));
  g_rmdir (folder_path);
}


/* WCAG's relative luminance of an sRGB colour, and the contrast of two. */
static double
luminance (double r, double g, double b)
{
  double c[3] = { r, g, b };

  for (int i = 0; i < 3; i++)
    c[i] = c[i] <= 0.04045 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double
contrast (double l1, double l2)
{
  return (MAX (l1, l2) + 0.05) / (MIN (l1, l2) + 0.05);
}

/* The font size of the text at @needle on @page, or 0. */
static double
size_at (PopplerPage *page,
         const char  *needle)
{
  g_autofree char *raw = poppler_page_get_text (page);
  const char *at = strstr (raw, needle);
  GList *attributes;
  glong index;
  double size = 0;

  if (at == NULL)
    return 0;
  index = g_utf8_pointer_to_offset (raw, at);
  attributes = poppler_page_get_text_attributes (page);
  for (GList *a = attributes; a != NULL; a = a->next)
    {
      PopplerTextAttributes *attr = a->data;

      if (attr->start_index <= index && index <= attr->end_index)
        size = attr->font_size;
    }
  poppler_page_free_text_attributes (attributes);
  return size;
}

/* Large print for older eyes, read back from the PDF: nothing under
 * 12 pt, the log at 14 pt, every text (but white on a colour) 4.5:1
 * against white, and the lines of a paragraph 1.3 em apart or more. */
static void
test_large_print (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  g_auto(LimberHandoutOptions) options = options_for (LIMBER_HANDOUT_LARGE, LIMBER_PAPER_A4);
  g_autoptr(LimberHandout) handout = NULL;
  g_autoptr(Doc) doc = NULL;
  const char *probe = "Press your left fingers gently into the soft spot";
  gboolean spaced = FALSE;
  int log_page;

  options.clinic_name = g_strdup ("Riverside Physio");
  options.clinic_phone = g_strdup ("555 0100");
  handout = limber_handout_new (program, &options);
  doc = export (handout, "large-print.pdf");
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(Page) page = poppler_document_get_page (doc, i);
      GList *attributes = poppler_page_get_text_attributes (page);

      for (GList *a = attributes; a != NULL; a = a->next)
        {
          PopplerTextAttributes *attr = a->data;
          double r = attr->color.red / 65535.0, g = attr->color.green / 65535.0, b = attr->color.blue / 65535.0;

          g_assert_cmpfloat (attr->font_size, >=, 12 - 0.01);
          if (r < 0.99 || g < 0.99 || b < 0.99)
            g_assert_cmpfloat (contrast (luminance (r, g, b), 1), >=, 4.5);
        }
      poppler_page_free_text_attributes (attributes);
    }

  /* The log at the body's size. */
  log_page = page_of (doc, "Your exercise log");
  {
    g_autoptr(Page) page = poppler_document_get_page (doc, log_page);

    g_assert_cmpfloat (size_at (page, "1. Half-kneeling"), >=, 14 - 0.01);
  }

  /* The first step of the first stretch runs over several lines: its
   * lines' tops are 1.3 × 14 pt apart or more. */
  for (int i = 0; i < poppler_document_get_n_pages (doc) && !spaced; i++)
    {
      g_autoptr(Page) page = poppler_document_get_page (doc, i);
      g_autofree char *raw = poppler_page_get_text (page);
      const char *at = strstr (raw, probe);
      PopplerRectangle *rects = NULL;
      guint n = 0;
      glong start;
      double size, last_top = -1, least = G_MAXDOUBLE;
      int lines = 0;

      if (at == NULL)
        continue;
      size = size_at (page, probe);
      start = g_utf8_pointer_to_offset (raw, at);
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
      for (guint k = start; k < n && k < (guint) start + 150; k++)
        {
          if (rects[k].x2 - rects[k].x1 <= 0.01)
            continue;   /* a line break */
          if (last_top < 0 || rects[k].y1 > last_top + size * 0.5)
            {
              if (last_top >= 0)
                least = MIN (least, rects[k].y1 - last_top);
              last_top = rects[k].y1;
              lines++;
            }
        }
      g_free (rects);
      g_test_message ("%d lines, %.1f pt apart at %.1f pt: %.2f", lines, least, size, least / size);
      g_assert_cmpint (lines, >=, 2);
      g_assert_cmpfloat (least / size, >=, 1.3);
      spaced = TRUE;
    }
  g_assert_true (spaced);
}

/* The figures' grey far limbs and their props read against the picture's
 * panel (3:1), the handout's grey words against white (4.5:1). */
static void
test_contrast (void)
{
  LimberFigureStyle style;
  double panel = luminance (0.965, 0.965, 0.96);

  limber_figure_style_init (&style);
  g_assert_cmpfloat (contrast (luminance (style.far.red, style.far.green, style.far.blue), panel), >=, 3);
  g_assert_cmpfloat (contrast (luminance (style.far.red, style.far.green, style.far.blue), 1), >=, 3);
  g_assert_cmpfloat (contrast (luminance (style.prop_edge.red, style.prop_edge.green, style.prop_edge.blue), panel), >=, 3);
  /* Far limbs on a mat still stand out. */
  g_assert_cmpfloat (contrast (luminance (style.far.red, style.far.green, style.far.blue),
                               luminance (style.prop.red, style.prop.green, style.prop.blue)), >=, 3);
}

/* A stretch done 3 days a week: the log has boxes on 3 days of the week
 * and a dash on the 4 others, in each of the sample's two weeks (its
 * next visit is two weeks on). */
static void
test_log_days (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  LimberDosage dosage;
  int dashes[2];

  for (int round = 0; round < 2; round++)
    {
      g_auto(LimberHandoutOptions) options = options_for (LIMBER_HANDOUT_LARGE, LIMBER_PAPER_A4);
      g_autoptr(LimberHandout) handout = limber_handout_new (program, &options);
      g_autofree char *name = g_strdup_printf ("log-days-%d.pdf", round);
      g_autoptr(Doc) doc = export (handout, name);
      g_autofree char *text = page_text (doc, page_of (doc, "Your exercise log"));

      dashes[round] = 0;
      for (const char *p = text; (p = strstr (p, "–")) != NULL; p += strlen ("–"))
        dashes[round]++;
      limber_program_item_get_dosage (limber_program_get_item (program, 0), &dosage);
      limber_dosage_set (&dosage, LIMBER_DOSAGE_DAYS_PER_WEEK, 3);
      limber_program_set_item_dosage (program, 0, &dosage);
    }
  g_assert_cmpint (dashes[1] - dashes[0], ==, 8);
  for (int d = 0; d < 14; d++)
    g_assert_cmpint (_limber_handout_log_day (&dosage, d), ==, d % 7 == 0 || d % 7 == 3 || d % 7 == 5);
}

/* Short stretches share a page in the large layout, two at most. */
static void
test_two_per_page (void)
{
  g_autoptr(LimberProgram) program = limber_program_new ();
  LimberExercise *short_one;
  g_auto(LimberHandoutOptions) options = options_for (LIMBER_HANDOUT_LARGE, LIMBER_PAPER_A4);
  g_autoptr(LimberHandout) handout = NULL;
  g_autoptr(Doc) doc = NULL;
  int most = 0;

  short_one = limber_catalog_lookup (catalog, "hip-flexor-release");
  g_assert_nonnull (short_one);
  for (guint i = 0; i < 5; i++)
    limber_program_insert_exercise (program, i, short_one);
  handout = limber_handout_new (program, &options);
  doc = export (handout, "two-per-page.pdf");
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *text = page_text (doc, i);
      int names = 0, rows = 0;

      for (const char *p = text; (p = strstr (p, "Hipflexorrelease")) != NULL; p++)
        names++;
      for (const char *p = text; (p = strstr (p, ".Hipflexorrelease")) != NULL; p++)
        rows++;
      g_test_message ("page %d: %d stretches", i + 1, names - rows);
      most = MAX (most, names - rows);
      g_assert_cmpint (names - rows, <=, 2);
    }
  g_assert_cmpint (most, ==, 2);
}

/* What the handout tells of a stretch when the exercise says it: how it
 * should feel, in English and Spanish, after the steps; the summary
 * line's time and how often. */
static const char feel_program[] =
  "<?xml version='1.0' encoding='UTF-8'?>"
  "<limber-program version='1' xml:lang='en'>"
  "<title>Feel</title>"
  "<item exercise='feel-test'>"
  "<dosage sets='1' reps='5' hold-seconds='4' per-day='3' days-per-week='3'/>"
  "<exercise id='feel-test' written-for='right'>"
  "<name>Calf release</name><name xml:lang='es'>Liberación del gemelo</name>"
  "<region>knee</region><tissue>gastrocnemius</tissue>"
  "<summary>Loosen your right calf.</summary><summary xml:lang='es'>Afloja tu gemelo derecho.</summary>"
  "<shorten>Sit with your right foot pointed.</shorten><shorten xml:lang='es'>Siéntate con el pie derecho en punta.</shorten>"
  "<lengthen>Pull your toes up slowly.</lengthen><lengthen xml:lang='es'>Sube los dedos despacio.</lengthen>"
  "<pressure by='self'>Press the middle of your right calf.</pressure>"
  "<pressure by='self' xml:lang='es'>Presiona el centro de tu gemelo derecho.</pressure>"
  "<feel>A gentle pull in your right calf, never sharp pain.</feel>"
  "<feel xml:lang='es'>Un tirón suave en el gemelo derecho, nunca dolor agudo.</feel>"
  "</exercise></item></limber-program>";

/* The page where @continued ("1. Name", a stretch's name over the part
 * of it on the next page) is, before the log, which names the stretches
 * the same way; -1 if nowhere. */
static int
continued_page (PopplerDocument *doc,
                const char      *continued,
                const char      *lang)
{
  g_autofree char *text = document_text (doc);
  g_autofree char *want = normalize (continued);
  g_autofree char *log = normalize (limber_phrases_get (LIMBER_PHRASE_LOG, lang));
  const char *found = strstr (text, want), *log_at = strstr (text, log);
  int page = 0;

  if (found == NULL || (log_at != NULL && found > log_at))
    return -1;
  for (const char *p = text; p < found; p++)
    page += *p == '\f';
  return page;
}

/* A stretch too long for one page goes on over it under its name again
 * ("1. Name"): it starts where it first fits with its picture and first
 * steps together (never a picture alone at a page foot), on the page
 * before when that has room, not on a fresh page that leaves the room
 * above blank.  The German sample's first stretch is such a one: it
 * starts under the words list that ran over from page 1. */
static void
test_split_stretch (void)
{
  static const char *const langs[] = { "en", "es", "de", "fr" };
  guint split = 0;

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr(LimberProgram) program = load_sample ();
      g_autoptr(LimberHandout) handout = NULL;
      g_autoptr(Doc) doc = NULL;
      g_autofree char *name = g_strdup_printf ("split-%s.pdf", langs[l]);

      limber_program_set_field (program, LIMBER_PROGRAM_LANGUAGE, langs[l]);
      handout = limber_handout_new (program, NULL);
      doc = export (handout, name);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (program)); i++)
        {
          g_autoptr(GPtrArray) texts = expected_texts (program, i, langs[l], TRUE);
          const char *stretch = g_ptr_array_index (texts, 0);
          g_autofree char *continued = g_strdup_printf ("%u. %s", i + 1, stretch);
          int start = page_of (doc, stretch), over = continued_page (doc, continued, langs[l]);

          if (over < 0)
            continue;
          split++;
          g_assert_cmpint (over, ==, start + 1);
          /* Name, what it is for, dosage, then the first two steps. */
          for (guint k = 1; k < MIN (texts->len, 5); k++)
            if (page_of (doc, g_ptr_array_index (texts, k)) != start)
              g_test_fail_printf ("%s, stretch %u: “%s” is not on page %d with the picture",
                                  langs[l], i + 1, (char *) g_ptr_array_index (texts, k), start + 1);
          if (i == 0 && g_str_equal (langs[l], "de"))
            g_assert_cmpint (start, ==, page_of (doc, limber_phrases_get (LIMBER_PHRASE_WORDS, "de")));
        }
    }
  /* The German and the French sample each have one. */
  g_assert_cmpuint (split, >=, 2);
}

static void
test_feel (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (feel_program, sizeof feel_program - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberProgram) program = limber_program_load_bytes (bytes, "feel.limber", catalog, NULL, &error);
  const char *langs[] = { "en", "es" };
  const char *expect[][6] = {
    { "1 stretch · 3 times a day · 3 days a week · about 2 minutes each time",
      "Calf release", "Loosen your right calf.", "Press the middle of your right calf.",
      "Pull your toes up slowly.", "How it should feel: A gentle pull in your right calf, never sharp pain." },
    { "1 estiramiento · 3 veces al día · 3 días a la semana · unos 2 minutos cada vez",
      "Liberación del gemelo", "Afloja tu gemelo derecho.", "Presiona el centro de tu gemelo derecho.",
      "Sube los dedos despacio.", "Cómo debes notarlo: Un tirón suave en el gemelo derecho, nunca dolor agudo." },
  };

  g_assert_no_error (error);
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    for (guint k = 0; k < G_N_ELEMENTS (all_layouts) - 1; k++)
      {
        g_auto(LimberHandoutOptions) options = options_for (all_layouts[k], LIMBER_PAPER_LETTER);
        g_autoptr(LimberHandout) handout = NULL;
        g_autofree char *name = g_strdup_printf ("feel-%s-%u.pdf", langs[l], k);
        g_autoptr(Doc) doc = NULL;
        g_autofree char *text = NULL;
        const char *from;

        options.language = g_strdup (langs[l]);
        handout = limber_handout_new (program, &options);
        doc = export (handout, name);
        text = document_text (doc);
        from = text;
        for (guint e = 0; e < G_N_ELEMENTS (expect[l]); e++)
          assert_next (text, &from, expect[l][e], name);
      }
}

/* A Spanish handout of a program written in English: what it had to
 * print in English is reported, and a translation is used when there. */
static void
test_borrowed (void)
{
  g_autoptr(LimberProgram) program = load_sample_english_only ();
  g_autoptr(LimberProgram) spanish = load_test_program ("spanish.limber");
  g_auto(LimberHandoutOptions) options = options_for (LIMBER_HANDOUT_LARGE, LIMBER_PAPER_A4);
  g_autoptr(LimberHandout) handout = NULL;
  g_autoptr(Doc) doc = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (limber_handout_find_borrowed (program, NULL), ==, LIMBER_HANDOUT_BORROWED_NONE);
  g_assert_cmpint (limber_handout_find_borrowed (spanish, NULL), ==, LIMBER_HANDOUT_BORROWED_NONE);
  options.language = g_strdup ("es");
  g_assert_cmpint (limber_handout_find_borrowed (program, &options), ==,
                   LIMBER_HANDOUT_BORROWED_TITLE | LIMBER_HANDOUT_BORROWED_NOTES | LIMBER_HANDOUT_BORROWED_ITEM_NOTES);

  _limber_program_add_translation (program, LIMBER_PROGRAM_TITLE, "es", g_strdup ("Caderas rígidas — semana 1"));
  handout = limber_handout_new (program, &options);
  g_assert_cmpint (limber_handout_get_borrowed (handout), ==,
                   LIMBER_HANDOUT_BORROWED_NOTES | LIMBER_HANDOUT_BORROWED_ITEM_NOTES);
  doc = export (handout, "borrowed.pdf");
  text = document_text (doc);
  g_assert_nonnull (strstr (text, "Caderasrígidas—semana1"));
  g_assert_null (strstr (text, "Tighthips—week1"));
}

/* A clinic's header with its logo on Letter: page 1 still holds what
 * it holds on A4 (the summary, the pain rule, the words and the
 * advice), and the first stretch comes right after, on page 2. */
static void
test_letter_logo (void)
{
  g_autoptr(LimberProgram) program = load_sample ();
  g_autofree char *png = g_build_filename (tmp_dir, "letter-logo.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 60, 60);
  int pages[2];

  cairo_surface_write_to_png (surface, png);
  cairo_surface_destroy (surface);
  for (guint p = 0; p < G_N_ELEMENTS (all_papers); p++)
    {
      g_auto(LimberHandoutOptions) options = options_for (LIMBER_HANDOUT_LARGE, all_papers[p]);
      g_autoptr(LimberHandout) handout = NULL;
      g_autofree char *name = g_strdup_printf ("letter-logo-%u.pdf", p);
      g_autoptr(Doc) doc = NULL;

      options.clinic_logo = g_strdup (png);
      options.clinic_name = g_strdup ("Riverside Physio");
      options.clinic_address = g_strdup ("12 High Street, Springfield");
      options.clinic_phone = g_strdup ("555 0100");
      handout = limber_handout_new (program, &options);
      doc = export (handout, name);
      g_assert_cmpint (page_of (doc, "Pain while you stretch"), ==, 0);
      g_assert_cmpint (page_of (doc, "Words on this sheet"), ==, 0);
      g_assert_cmpint (page_of (doc, "Advice from your therapist"), ==, 0);
      g_assert_cmpint (page_of (doc, "Half-kneeling hip flexor release"), ==, 1);
      pages[p] = poppler_document_get_n_pages (doc);
    }
  g_assert_cmpint (pages[0], ==, pages[1]);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  limber_xml_init ();

  catalog = limber_catalog_new ();
  limber_catalog_load_standard (catalog, NULL);
  {
    g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "files", "catalog", "valid", "minimal.xml", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (minimal);

    g_assert_true (limber_catalog_add_file (catalog, file, NULL));
  }
  tmp_dir = g_dir_make_tmp ("limber-handout-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/handout/layouts", test_layouts);
  g_test_add_func ("/handout/sample", test_sample);
  g_test_add_func ("/handout/body-size", test_body_size);
  g_test_add_func ("/handout/spanish", test_spanish);
  g_test_add_func ("/handout/sides", test_sides);
  g_test_add_func ("/handout/log", test_log);
  g_test_add_func ("/handout/forty", test_forty);
  g_test_add_func ("/handout/metadata", test_metadata);
  g_test_add_func ("/handout/vector", test_vector);
  g_test_add_func ("/handout/write-errors", test_write_errors);
  g_test_add_func ("/handout/export-async", test_export_async);
  g_test_add_func ("/handout/split-stretch", test_split_stretch);
  g_test_add_func ("/handout/export/hostile", test_export_hostile);
  g_test_add_func ("/handout/export/messages", test_export_messages);
  g_test_add_func ("/handout/therapist-copy", test_therapist_copy);
  g_test_add_func ("/handout/empty", test_empty);
  g_test_add_func ("/handout/logo", test_logo);
  g_test_add_func ("/handout/large-print", test_large_print);
  g_test_add_func ("/handout/contrast", test_contrast);
  g_test_add_func ("/handout/log-days", test_log_days);
  g_test_add_func ("/handout/two-per-page", test_two_per_page);
  g_test_add_func ("/handout/feel", test_feel);
  g_test_add_func ("/handout/borrowed", test_borrowed);
  g_test_add_func ("/handout/letter-logo", test_letter_logo);

  status = g_test_run ();
  if (status == 0 && !g_getenv ("LIMBER_KEEP_PDFS"))
    {
      g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);

      /* Delete what the tests wrote (a flat folder and one below). */
      g_autoptr(GFileEnumerator) e = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                G_FILE_QUERY_INFO_NONE, NULL, NULL);
      GFileInfo *info;

      while (e != NULL && (info = g_file_enumerator_next_file (e, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));
          g_autoptr(GFileEnumerator) sub = g_file_enumerate_children (child, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                      G_FILE_QUERY_INFO_NONE, NULL, NULL);
          GFileInfo *sub_info;

          while (sub != NULL && (sub_info = g_file_enumerator_next_file (sub, NULL, NULL)) != NULL)
            {
              g_autoptr(GFile) grandchild = g_file_get_child (child, g_file_info_get_name (sub_info));

              g_file_delete (grandchild, NULL, NULL);
              g_object_unref (sub_info);
            }
          g_file_delete (child, NULL, NULL);
          g_object_unref (info);
        }
      g_file_delete (dir, NULL, NULL);
    }
  else
    g_printerr ("# PDFs kept in %s\n", tmp_dir);
  g_clear_object (&catalog);
  g_free (tmp_dir);
  return status;
}
