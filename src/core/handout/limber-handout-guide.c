/* limber-handout-guide.c — page 1's guide to the stretches: the
 * program in one line, the pain rule, and the words explained
 *
 * A patient alone at home needs to know, before the first stretch, how
 * much there is to do and how long it takes, when pain means stop, and
 * what "set", "rep", "hold" and "release" mean (PEMAT-P asks for all of
 * it).  These blocks come after the header, before the first stretch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-handout"

#include "config.h"

#include "limber-handout-private.h"
#include "limber-phrases.h"

/* Seconds: one slow rep beside its hold, a rest between sets, getting
 * into position.  Rough on purpose: the handout says "about". */
#define SECONDS_PER_REP    6
#define SECONDS_REST       30
#define SECONDS_SETUP      30

/* The pain rule's bands, green, amber and red: the colour only helps,
 * the words say it (the rule reads the same in greyscale).  Each range
 * is printed on its colour at 4.5:1 or more. */
static const LimberRgb band_colors[LIMBER_PHRASES_N_PAIN_ROWS] = {
  { 0.13, 0.45, 0.20 },
  { 0.96, 0.73, 0.15 },
  { 0.75, 0.10, 0.10 },
};
static const gboolean band_white_text[LIMBER_PHRASES_N_PAIN_ROWS] = { TRUE, FALSE, TRUE };

static int
count_or (const LimberDosage *dosage,
          LimberDosageField   field,
          int                 fallback)
{
  int value = limber_dosage_get (dosage, field);

  return value > 0 ? value : fallback;
}

/**
 * _limber_handout_estimate_minutes:
 *
 * About how long one session of the whole program takes, from each
 * stretch's sets, reps and hold (both sides count twice), rounded up
 * to whole minutes, then to five past ten.
 */
int
_limber_handout_estimate_minutes (LimberProgram *program)
{
  double seconds = 0;
  int minutes;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (program)); i++)
    {
      LimberDosage dosage;
      int sets, reps, hold;
      double one;

      limber_program_item_get_dosage (limber_program_get_item (program, i), &dosage);
      sets = count_or (&dosage, LIMBER_DOSAGE_SETS, 1);
      reps = count_or (&dosage, LIMBER_DOSAGE_REPS, 1);
      hold = count_or (&dosage, LIMBER_DOSAGE_HOLD_SECONDS, 0);
      one = sets * reps * (double) (hold + SECONDS_PER_REP) + (sets - 1) * SECONDS_REST + SECONDS_SETUP;
      seconds += dosage.side == LIMBER_SIDE_BOTH ? 2 * one : one;
    }
  minutes = (int) ((seconds + 59) / 60);
  if (minutes > 10)
    minutes = (minutes + 4) / 5 * 5;
  return MAX (minutes, 1);
}

/**
 * _limber_handout_build_summary:
 *
 * "Your program: 5 stretches · twice a day · about 15 minutes each time".
 */
void
_limber_handout_build_summary (LimberHandoutBuilder *b)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (b->program));
  int least = 0, most = 0, days = -1;
  LimberHandoutBlock *block;
  g_autofree char *line = NULL;
  g_autofree char *label = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *markup = NULL;

  for (guint i = 0; i < n; i++)
    {
      LimberDosage dosage;
      int per_day, d;

      limber_program_item_get_dosage (limber_program_get_item (b->program, i), &dosage);
      per_day = limber_dosage_get (&dosage, LIMBER_DOSAGE_PER_DAY);
      d = count_or (&dosage, LIMBER_DOSAGE_DAYS_PER_WEEK, 7);
      if (per_day > 0)
        {
          least = least == 0 ? per_day : MIN (least, per_day);
          most = MAX (most, per_day);
        }
      /* Days a week only if every stretch says the same. */
      days = days == -1 || days == d ? d : 0;
    }
  line = limber_phrases_summary (n, least, most, MAX (days, 0), _limber_handout_estimate_minutes (b->program),
                                 b->lang);
  label = _limber_handout_escape (limber_phrases_get (LIMBER_PHRASE_SUMMARY, b->lang));
  escaped = _limber_handout_escape (line);
  markup = g_strdup_printf ("<b>%s</b> %s", label, escaped);

  block = _limber_handout_block_new (b, LIMBER_BLOCK_GUIDE, -1);
  block->height = _limber_handout_add_text (block, _limber_handout_layout (b, markup, b->m->body, FALSE, b->width),
                                            0, 0, limber_handout_ink);
}

/* The red band's advice: with the clinic's number when there is one. */
static char *
stop_advice (LimberHandoutBuilder *b,
             const char           *advice)
{
  const char *phone = b->options->clinic_phone;

  if (phone == NULL || *phone == '\0')
    return _limber_handout_escape (limber_phrases_get (LIMBER_PHRASE_CALL_YOUR_THERAPIST, b->lang));
  {
    g_autofree char *text = g_strdup_printf ("%s %s", advice, phone);

    return _limber_handout_escape (text);
  }
}

/**
 * _limber_handout_build_pain:
 *
 * The pain rule, a traffic light from 0 to 10: keep going, ease off,
 * stop and call.  A framed box, a row per band: its range on its
 * colour, then the word and the advice.
 */
void
_limber_handout_build_pain (LimberHandoutBuilder *b)
{
  const LimberHandoutMetrics *m = b->m;
  LimberHandoutBlock *block = _limber_handout_block_new (b, LIMBER_BLOCK_GUIDE, -1);
  g_autofree char *heading = _limber_handout_escape (limber_phrases_get (LIMBER_PHRASE_PAIN_HEADING, b->lang));
  g_autofree char *heading_markup = g_strdup_printf ("<b>%s</b>", heading);
  /* The compact sheet is one page: its bands side by side. */
  gboolean across = b->options->layout == LIMBER_HANDOUT_COMPACT;
  double pad = m->body * (across ? 0.4 : 0.6), pill = m->body * 3.6, y, top, bottom = 0;
  double column = across ? (b->width - 2 * pad) / LIMBER_PHRASES_N_PAIN_ROWS : b->width - 2 * pad;
  LimberHandoutPart *frame;

  frame = _limber_handout_add_part (block, LIMBER_PART_BOX, 0, 0, b->width, 0, limber_handout_ink);
  frame->line_width = 1.5;
  frame->radius = 4;
  y = pad + _limber_handout_add_text (block, _limber_handout_layout (b, heading_markup, m->body, FALSE,
                                                                     b->width - 2 * pad),
                                      pad, pad, limber_handout_ink) + m->body * 0.35;
  top = y;
  for (guint i = 0; i < LIMBER_PHRASES_N_PAIN_ROWS; i++)
    {
      double x = pad + (across ? i * column : 0), text_x = x + pill + m->body * 0.6;
      const char *range, *word, *advice;
      g_autofree char *range_markup = NULL;
      g_autofree char *word_text = NULL;
      g_autofree char *advice_text = NULL;
      g_autofree char *markup = NULL;
      PangoLayout *label, *text;
      PangoRectangle ink, logical;
      double row_h, label_h, text_h;
      LimberHandoutPart *band;

      limber_phrases_pain_row (i, b->lang, &range, &word, &advice);
      range_markup = g_strdup_printf ("<b>%s</b>", range);
      word_text = _limber_handout_escape (word);
      advice_text = i == LIMBER_PHRASES_N_PAIN_ROWS - 1 ? stop_advice (b, advice) : _limber_handout_escape (advice);
      markup = g_strdup_printf ("<b>%s</b> %s", word_text, advice_text);

      text = _limber_handout_layout (b, markup, m->body, FALSE, x + column - text_x - m->body * 0.3);
      pango_layout_get_extents (text, NULL, &logical);
      text_h = (double) logical.height / PANGO_SCALE;
      row_h = MAX (text_h, m->body * 1.6);

      band = _limber_handout_add_part (block, LIMBER_PART_BOX, x, y, pill, row_h, band_colors[i]);
      band->radius = 4;
      label = _limber_handout_layout (b, range_markup, m->body, FALSE, pill);
      pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
      pango_layout_get_extents (label, &ink, &logical);
      label_h = (double) logical.height / PANGO_SCALE;
      _limber_handout_add_text (block, label, x, y + (row_h - label_h) / 2,
                                band_white_text[i] ? (LimberRgb) { 1, 1, 1 } : limber_handout_ink);
      _limber_handout_add_text (block, text, text_x, y + (row_h - text_h) / 2,
                                limber_handout_ink);
      bottom = MAX (bottom, y + row_h);
      if (!across)
        y += row_h + m->body * 0.3;
      else
        y = top;
    }
  y = bottom + pad;
  g_array_index (block->parts, LimberHandoutPart, 0).h = y;
  block->height = y;
}

/* One "<b>Word:</b> meaning" line of the words explained. */
static double
add_term (LimberHandoutBuilder *b,
          LimberHandoutBlock   *block,
          const char           *word,
          const char           *meaning,
          double                y)
{
  g_autofree char *w = _limber_handout_escape (word);
  g_autofree char *mn = _limber_handout_escape (meaning);
  g_autofree char *markup = g_strdup_printf ("<b>%s%s</b> %s", w, limber_phrases_colon (b->lang), mn);
  double indent = b->m->body;

  return _limber_handout_add_text (block, _limber_handout_layout (b, markup, b->m->body, FALSE, b->width - indent),
                                   indent, y, limber_handout_ink);
}

/* Everything the stretches print for the patient, case-folded, to find
 * the words that need explaining. */
static char *
stretch_texts_folded (LimberHandoutBuilder *b)
{
  static const LimberExerciseText texts[] = {
    LIMBER_EXERCISE_NAME, LIMBER_EXERCISE_SUMMARY, LIMBER_EXERCISE_SHORTEN, LIMBER_EXERCISE_LENGTHEN,
    LIMBER_EXERCISE_PRESSURE_SELF, LIMBER_EXERCISE_FEEL,
  };
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (b->program)); i++)
    {
      LimberExercise *exercise = limber_program_item_get_exercise (limber_program_get_item (b->program, i));

      for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
        g_string_append_printf (all, "%s\n", limber_exercise_get_text (exercise, texts[k], b->lang) ?: "");
      for (guint k = 0; k < limber_exercise_get_n_cautions (exercise); k++)
        g_string_append_printf (all, "%s\n", limber_exercise_get_caution (exercise, k, b->lang) ?: "");
      for (guint k = 0; k < limber_exercise_get_n_steps (exercise); k++)
        g_string_append_printf (all, "%s\n", limber_exercise_get_step (exercise, k, b->lang) ?: "");
    }
  return g_utf8_casefold (all->str, -1);
}

/**
 * _limber_handout_build_words:
 *
 * The words the stretches use, explained once, before the first of
 * them: rep, set, hold, release, then those of the language's glossary
 * that this handout's stretches use (hip flexor, groin crease…).
 */
void
_limber_handout_build_words (LimberHandoutBuilder *b)
{
  const LimberHandoutMetrics *m = b->m;
  LimberHandoutBlock *block = _limber_handout_block_new (b, LIMBER_BLOCK_GUIDE, -1);
  g_autofree char *heading = _limber_handout_escape (limber_phrases_get (LIMBER_PHRASE_WORDS, b->lang));
  g_autofree char *heading_markup = g_strdup_printf ("<b>%s</b>", heading);
  g_autofree char *folded = stretch_texts_folded (b);
  const char *word, *meaning;
  double y;

  y = _limber_handout_add_text (block, _limber_handout_layout (b, heading_markup, m->body, FALSE, b->width),
                                0, 0, limber_handout_ink) + m->body * 0.15;
  for (guint i = 0; i < LIMBER_PHRASES_N_TERMS; i++)
    {
      limber_phrases_term (i, b->lang, &word, &meaning);
      y += add_term (b, block, word, meaning, y);
    }
  for (guint i = 0; i < limber_phrases_glossary_size (b->lang); i++)
    if (limber_phrases_glossary_used (i, folded, b->lang))
      {
        limber_phrases_glossary (i, b->lang, &word, &meaning);
        y += add_term (b, block, word, meaning, y);
      }
  block->height = y;
}

/**
 * _limber_handout_build_key_points:
 *
 * The recap after the stretches, in a framed box: do them slowly as
 * often as each says, when to stop, whom to call (with the clinic's
 * number when there is one), the log, the next visit.
 */
void
_limber_handout_build_key_points (LimberHandoutBuilder *b)
{
  const LimberHandoutMetrics *m = b->m;
  LimberHandoutBlock *block = _limber_handout_block_new (b, LIMBER_BLOCK_GUIDE, -1);
  g_autofree char *heading = _limber_handout_escape (limber_phrases_get (LIMBER_PHRASE_KEY_POINTS, b->lang));
  g_autofree char *heading_markup = g_strdup_printf ("<b>%s</b>", heading);
  g_autofree char *next = limber_phrases_date (limber_program_get_field (b->program, LIMBER_PROGRAM_NEXT_VISIT),
                                               b->lang);
  const char *phone = b->options->clinic_phone;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  double pad = m->body * 0.6, y;
  LimberHandoutPart *frame;

  g_ptr_array_add (lines, g_strdup (limber_phrases_get (LIMBER_PHRASE_KEY_DO, b->lang)));
  g_ptr_array_add (lines, g_strdup (limber_phrases_get (LIMBER_PHRASE_KEY_STOP, b->lang)));
  if (phone != NULL && *phone != '\0')
    g_ptr_array_add (lines, g_strdup_printf ("%s %s", limber_phrases_get (LIMBER_PHRASE_KEY_CALL, b->lang), phone));
  else
    g_ptr_array_add (lines, g_strdup (limber_phrases_get (LIMBER_PHRASE_KEY_CALL_NO_PHONE, b->lang)));
  g_ptr_array_add (lines, g_strdup (limber_phrases_get (LIMBER_PHRASE_KEY_LOG, b->lang)));
  if (next != NULL)
    g_ptr_array_add (lines, g_strdup_printf ("%s%s %s", limber_phrases_get (LIMBER_PHRASE_NEXT_VISIT, b->lang),
                                             limber_phrases_colon (b->lang), next));

  frame = _limber_handout_add_part (block, LIMBER_PART_BOX, 0, 0, b->width, 0, limber_handout_accent);
  frame->line_width = 1.5;
  frame->radius = 4;
  y = pad + _limber_handout_add_text (block, _limber_handout_layout (b, heading_markup, m->heading, FALSE,
                                                                     b->width - 2 * pad),
                                      pad, pad, limber_handout_ink) + m->body * 0.3;
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *escaped = _limber_handout_escape (g_ptr_array_index (lines, i));
      double indent = pad + m->body * 1.2;

      /* A bullet, then the line. */
      _limber_handout_add_text (block, _limber_handout_layout (b, "•", m->body, TRUE, m->body),
                                pad + m->body * 0.2, y, limber_handout_accent);
      y += _limber_handout_add_text (block, _limber_handout_layout (b, escaped, m->body, FALSE,
                                                                    b->width - indent - pad),
                                     indent, y, limber_handout_ink) + m->body * 0.2;
    }
  y += pad - m->body * 0.2;
  g_array_index (block->parts, LimberHandoutPart, 0).h = y;
  block->height = y;
}
