/* limber-handout-stretch.c — one stretch on a handout, measured
 *
 * A stretch is one block that is never split across pages: a number and
 * its name, what it is for, the dosage line, the picture with its two
 * phases captioned, short numbered steps in the order they are done
 * (a ball under the body first; the start position; a hand's press;
 * the slow movement while pressing; the hold and back to the start),
 * how it should feel, the cautions and the therapist's note; on the
 * therapist's copy also the therapist's own contact.  The compact
 * layout makes a table row of it instead:
 * picture, name, dosage.
 *
 * Catalog texts are written for the right side.  For a left-side item
 * the words right and left are swapped and the figure is mirrored; the
 * therapist's own note is left as written, for this patient.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-handout"

#include "config.h"

#include <math.h>

#include "limber-handout-private.h"
#include "limber-phrases.h"
#include "limber-vocabulary.h"

/* A figure is never taller than this many body heights with its props. */
#define FIGURE_ROOM 4.0

/* Text in the handout's language, else English, else the first there
 * is (as limber_text_get()), and the language it turned out to be in:
 * mirroring needs it. */
static const char *
text_in (const LimberText  *text,
         const char        *lang,
         const char       **found)
{
  const char *s;

  if (limber_text_get_n (text) == 0)
    return NULL;
  if ((s = limber_text_get_exact (text, lang)) != NULL)
    *found = lang;
  else if ((s = limber_text_get_exact (text, "en")) != NULL)
    *found = "en";
  else
    {
      s = limber_text_nth_text (text, 0);
      *found = limber_text_nth_lang (text, 0);
    }
  return s;
}

/**
 * _limber_handout_side_text:
 * @exercise: the exercise @text is of
 *
 * A catalog text for the patient, for the item's side: when the
 * exercise says which side its texts are written for and the item is
 * for the other, the words for right and left are swapped; otherwise it
 * is as written.
 *
 * Returns: (nullable): the text, or %NULL if there is none
 */
char *
_limber_handout_side_text (LimberExercise   *exercise,
                           const LimberText *text,
                           const char       *lang,
                           LimberSide        side)
{
  LimberSide written_for = limber_exercise_get_written_for (exercise);
  const char *found = lang;
  const char *s = text_in (text, lang, &found);

  if (s == NULL || *s == '\0')
    return NULL;
  if (written_for != LIMBER_SIDE_UNSET && (side == LIMBER_SIDE_LEFT || side == LIMBER_SIDE_RIGHT)
      && side != written_for)
    return limber_phrases_mirror_sides (s, found);
  return g_strdup (s);
}

static const char *
item_note (LimberProgramItem *item,
           const char        *lang,
           const char        *program_lang)
{
  const LimberText *others = _limber_program_item_get_note_translations (item);
  const char *note = NULL;

  if (others != NULL && g_strcmp0 (lang, program_lang) != 0)
    note = limber_text_get_exact (others, lang);
  if (note == NULL)
    note = limber_program_item_get_note (item);
  return note != NULL && *note != '\0' ? note : NULL;
}

/* Whether the hand or ball goes in place before the start position: a
 * ball or roller the patient lies or sits on has to be there first; a
 * hand presses once the patient is in position.  The figure says which
 * contact it is; without one, the equipment. */
static gboolean
contact_goes_first (LimberExercise *exercise)
{
  LimberFigure *figure = limber_exercise_get_figure (exercise);
  const LimberPressure *pressure = figure != NULL ? limber_figure_get_pressure (figure) : NULL;
  guint64 equipment = limber_exercise_get_words (exercise, LIMBER_VOCABULARY_EQUIPMENT);
  int ball = limber_vocabulary_lookup (LIMBER_VOCABULARY_EQUIPMENT, "ball");
  int roller = limber_vocabulary_lookup (LIMBER_VOCABULARY_EQUIPMENT, "foam-roller");

  if (pressure != NULL)
    return pressure->by != LIMBER_PRESSURE_HAND;
  return (ball >= 0 && (equipment & (G_GUINT64_CONSTANT (1) << ball)))
         || (roller >= 0 && (equipment & (G_GUINT64_CONSTANT (1) << roller)));
}

/* Whether the exercise has active release texts (start position and
 * movement), not generic steps. */
static gboolean
has_art_texts (LimberExercise *exercise)
{
  return limber_text_get_n (limber_exercise_peek_text (exercise, LIMBER_EXERCISE_SHORTEN)) > 0
         || limber_text_get_n (limber_exercise_peek_text (exercise, LIMBER_EXERCISE_LENGTHEN)) > 0;
}

/**
 * _limber_handout_stretch_steps:
 *
 * The numbered steps, in the order the patient does them: with the
 * exercise's active release texts, a ball under the body goes in
 * place first, then the start position, then the hand's press (when it
 * is a hand), then the slow movement while pressing, then what to hold
 * and for how long and back to the start; else its generic steps.
 * For both sides, last, the order of the sides.
 */
GPtrArray *
_limber_handout_stretch_steps (LimberExercise     *exercise,
                               const LimberDosage *dosage,
                               const char         *lang)
{
  static const LimberExerciseText ball_first[] = {
    LIMBER_EXERCISE_PRESSURE_SELF, LIMBER_EXERCISE_SHORTEN, LIMBER_EXERCISE_LENGTHEN,
  };
  static const LimberExerciseText hand_after[] = {
    LIMBER_EXERCISE_SHORTEN, LIMBER_EXERCISE_PRESSURE_SELF, LIMBER_EXERCISE_LENGTHEN,
  };
  GPtrArray *steps = g_ptr_array_new_with_free_func (g_free);
  gboolean has_art = has_art_texts (exercise);
  const LimberExerciseText *art = contact_goes_first (exercise) ? ball_first : hand_after;
  LimberSide side = dosage->side;
  char *text;

  if (has_art)
    {
      for (guint i = 0; i < G_N_ELEMENTS (ball_first); i++)
        if ((text = _limber_handout_side_text (exercise, limber_exercise_peek_text (exercise, art[i]), lang, side)) != NULL)
          g_ptr_array_add (steps, text);
      g_ptr_array_add (steps, limber_phrases_hold_step (limber_dosage_get (dosage, LIMBER_DOSAGE_HOLD_SECONDS), lang));
    }
  else
    {
      for (guint i = 0; i < limber_exercise_get_n_steps (exercise); i++)
        if ((text = _limber_handout_side_text (exercise, limber_exercise_peek_step (exercise, i), lang, side)) != NULL)
          g_ptr_array_add (steps, text);
    }
  if (side == LIMBER_SIDE_BOTH)
    g_ptr_array_add (steps, g_strdup (limber_phrases_get (LIMBER_PHRASE_BOTH_SIDES, lang)));
  return steps;
}

static LimberHandoutPicture *
item_picture (LimberExercise *exercise)
{
  const char *type = NULL;
  GBytes *bytes = limber_exercise_get_image_data (exercise, &type);
  g_autofree char *message = NULL;
  LimberHandoutPicture *picture;

  if (bytes == NULL)
    return NULL;
  picture = _limber_handout_picture_new (bytes, type, &message);
  if (picture == NULL)
    g_debug ("%s: picture left out: %s", limber_exercise_get_id (exercise), message);
  return picture;
}

/**
 * _limber_handout_item_has_picture:
 *
 * Whether the stretch at @index shows a picture: its own image, or its
 * figure.  Neither: nothing is drawn, not an empty box.
 */
gboolean
_limber_handout_item_has_picture (LimberProgram *program,
                                  guint          index)
{
  LimberProgramItem *item = limber_program_get_item (program, index);
  LimberExercise *exercise = limber_program_item_get_exercise (item);

  return limber_exercise_get_figure (exercise) != NULL
         || limber_exercise_get_image_data (exercise, NULL) != NULL;
}

static gboolean
scale_is_fixed (LimberFigure            *figure,
                const LimberFigureStyle *style,
                double                   width,
                double                   height)
{
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  _limber_figure_locate (figure, 0, 0, width, height, style, LIMBER_PHASE_LENGTHENED, 0, 0, &x0, &y0);
  _limber_figure_locate (figure, 0, 0, width, height, style, LIMBER_PHASE_LENGTHENED, 1, 0, &x1, &y1);
  return fabs (x1 - x0) >= style->body_height * 0.999;
}

/* Adds the figure, centred in @width at @y, at the handout's one body
 * height (narrower than @width if it needs less: the two phases stay
 * close together).  Its height is its ink, found by drawing it once on
 * a recording surface, so there is no empty band above or below. */
static double
add_figure (LimberHandoutBlock *block,
            LimberFigure       *figure,
            double              x,
            double              y,
            double              width,
            double              body_height,
            gboolean            mirror,
            LimberRgb           background)
{
  LimberFigureStyle style;
  LimberHandoutPart *part;
  cairo_surface_t *recording;
  cairo_t *cr;
  double tall = FIGURE_ROOM * body_height, lo = body_height * 0.3, hi = width, w = width;
  double ix, iy, iw, ih;

  limber_figure_style_init (&style);
  style.show = LIMBER_FIGURE_SHOW_SIDE_BY_SIDE;
  style.scale = LIMBER_FIGURE_SCALE_FIXED;
  style.body_height = body_height;
  style.mirror = mirror;
  style.background = (LimberFigureColor) { background.red, background.green, background.blue };

  /* The narrowest box that still shows the figure at full size. */
  if (scale_is_fixed (figure, &style, width, tall))
    {
      while (hi - lo > 2)
        {
          double mid = (lo + hi) / 2;

          if (scale_is_fixed (figure, &style, mid, tall))
            hi = mid;
          else
            lo = mid;
        }
      w = MIN (width, hi * 1.15);
    }

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  limber_figure_draw (figure, cr, 0, 0, w, tall, &style);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &ix, &iy, &iw, &ih);
  cairo_surface_destroy (recording);
  if (!(ih > 0))
    return 0;

  part = _limber_handout_add_part (block, LIMBER_PART_FIGURE, x + (width - w) / 2, y, w, ih + 2,
                                   limber_handout_ink);
  part->figure = g_object_ref (figure);
  part->style = style;
  part->figure_x = part->x;
  part->figure_y = y + 1 - iy;
  part->figure_w = w;
  part->figure_h = tall;
  return part->h;
}

/* Under a figure's two phases, side by side: "Start" and "Move", so the
 * picture reads with the steps.  The phases' centres are where
 * limber_figure_draw() puts them in its box.  Returns the height. */
static double
add_captions (LimberHandoutBuilder    *b,
              LimberHandoutBlock      *block,
              const LimberHandoutPart *figure,
              double                   y)
{
  /* Copied: adding the captions moves the block's parts in memory. */
  double w = figure->figure_w, pad = 0.04 * MIN (w, figure->figure_h), gap = 0.05 * w;
  double pw = (w - 2 * pad - gap) / 2, h = 0, x0 = figure->figure_x;
  double size = MAX (b->m->small, 10);

  for (int i = 0; i < 2; i++)
    {
      LimberPhrase phrase = i == 0 ? LIMBER_PHRASE_CAPTION_START : LIMBER_PHRASE_CAPTION_MOVE;
      g_autofree char *text = _limber_handout_escape (limber_phrases_get (phrase, b->lang));
      g_autofree char *markup = g_strdup_printf ("<b>%s</b>", text);
      double cx = x0 + pad + pw * (i + 0.5) + gap * i;
      double cw = MAX (pw, size * 6);
      PangoLayout *layout = _limber_handout_layout (b, markup, size, FALSE, cw);
      double th;

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      /* Not inside MAX (), which would add it twice. */
      th = _limber_handout_add_text (block, layout, cx - cw / 2, y, limber_handout_ink);
      h = MAX (h, th);
    }
  return h;
}

/* The stretch's picture in a box @width wide: its image, else its
 * figure.  Returns the height used, 0 for none. */
static double
add_picture (LimberHandoutBuilder *b,
             LimberHandoutBlock   *block,
             LimberExercise       *exercise,
             double                x,
             double                y,
             double                width,
             double                body_height,
             double                max_height,
             gboolean              mirror,
             LimberRgb             background)
{
  g_autoptr(LimberHandoutPicture) picture = item_picture (exercise);
  LimberFigure *figure = limber_exercise_get_figure (exercise);

  if (picture != NULL)
    {
      LimberHandoutPart *part;
      double pw, ph, s;

      _limber_handout_picture_get_size (picture, &pw, &ph);
      s = MIN (width / pw, max_height / ph);
      part = _limber_handout_add_part (block, LIMBER_PART_PICTURE, x + (width - pw * s) / 2, y,
                                       pw * s, ph * s, limber_handout_ink);
      part->picture = g_steal_pointer (&picture);
      part->mirror = mirror;
      return part->h;
    }
  if (figure != NULL)
    {
      double h = add_figure (block, figure, x, y, width, body_height, mirror, background);
      const LimberHandoutPart *part = &g_array_index (block->parts, LimberHandoutPart, block->parts->len - 1);

      if (h > 0 && part->kind == LIMBER_PART_FIGURE && b->options->layout != LIMBER_HANDOUT_COMPACT)
        h += b->m->body * 0.2 + add_captions (b, block, part, y + h + b->m->body * 0.2);
      return h;
    }
  return 0;
}

/* The height of the first line of @layout, to centre a number on it. */
static double
first_line_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_line_get_extents (pango_layout_get_line_readonly (layout, 0), NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* A number in a disc, its centre level with the first line of the text
 * beside it; returns the height of both. */
static double
add_numbered (LimberHandoutBuilder *b,
              LimberHandoutBlock   *block,
              int                   number,
              double                x,
              double                disc,
              double                number_size,
              PangoLayout          *text,
              double                text_x,
              double                y)
{
  g_autofree char *digits = g_strdup_printf ("%d", number);
  PangoLayout *label = _limber_handout_layout (b, digits, number_size, TRUE, disc);
  double line = first_line_height (text);
  double disc_y = y + MAX (0, (line - disc) / 2);
  double text_y = y + MAX (0, (disc - line) / 2);
  PangoRectangle ink;
  double th;

  _limber_handout_add_part (block, LIMBER_PART_DISC, x, disc_y, disc, disc, limber_handout_accent);
  pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
  /* Centre the digits' ink, not their line box: the line box has room
   * for descenders that digits do not have. */
  pango_layout_get_extents (label, &ink, NULL);
  _limber_handout_add_text (block, label, x,
                            disc_y + disc / 2 - ((double) ink.y + ink.height / 2.0) / PANGO_SCALE,
                            (LimberRgb) { 1, 1, 1 });
  th = _limber_handout_add_text (block, text, text_x, text_y, limber_handout_ink);
  return MAX (disc_y + disc, text_y + th) - y;
}

/* The cautions in a pale box, after a warning sign: the first says
 * "Careful:", each is a paragraph of its own. */
static double
add_cautions (LimberHandoutBuilder *b,
              LimberHandoutBlock   *block,
              LimberExercise       *exercise,
              LimberSide            side,
              double                y)
{
  const LimberHandoutMetrics *m = b->m;
  double pad = m->body * 0.5, sign = m->body * 1.5, text_x = pad + sign + m->body * 0.6;
  double text_y = y + pad, first_line = 0;
  guint box_index = block->parts->len, n = 0;
  LimberHandoutPart *box;
  double h;

  box = _limber_handout_add_part (block, LIMBER_PART_BOX, 0, y, b->width, 0, (LimberRgb) { 1.0, 0.96, 0.84 });
  box->radius = 4;
  for (guint i = 0; i < limber_exercise_get_n_cautions (exercise); i++)
    {
      g_autofree char *text = _limber_handout_side_text (exercise, limber_exercise_peek_caution (exercise, i), b->lang, side);
      g_autofree char *escaped = _limber_handout_escape (text);
      g_autofree char *markup = NULL;
      PangoLayout *layout;

      if (text == NULL)
        continue;
      if (n++ == 0)
        {
          g_autofree char *careful = _limber_handout_escape (limber_phrases_get (LIMBER_PHRASE_CAREFUL, b->lang));

          markup = g_strdup_printf ("<b>%s</b> %s", careful, escaped);
        }
      layout = _limber_handout_layout (b, markup ? markup : escaped, m->body, FALSE, b->width - text_x - pad);
      if (n == 1)
        {
          /* The first line level with the middle of the sign. */
          first_line = first_line_height (layout);
          text_y += MAX (0, (sign - first_line) / 2);
        }
      text_y += _limber_handout_add_text (block, layout, text_x, text_y, limber_handout_ink) + m->body * 0.35;
    }
  if (n == 0)
    {
      g_array_set_size (block->parts, box_index);
      return 0;
    }
  _limber_handout_add_part (block, LIMBER_PART_WARNING, pad, y + pad + MAX (0, (first_line - sign) / 2),
                            sign, sign, limber_handout_ink);
  h = MAX (text_y - m->body * 0.35 - y - pad, sign) + 2 * pad;
  g_array_index (block->parts, LimberHandoutPart, box_index).h = h;
  return h;
}

/* The therapist's note for this patient: a tinted box with a bar. */
static double
add_note (LimberHandoutBuilder *b,
          LimberHandoutBlock   *block,
          const char           *note,
          double                y)
{
  const LimberHandoutMetrics *m = b->m;
  g_autofree char *label = _limber_handout_escape (limber_phrases_get (LIMBER_PHRASE_THERAPIST_NOTE, b->lang));
  g_autofree char *text = _limber_handout_escape (note);
  g_autofree char *markup = g_strdup_printf ("<b>%s</b> %s", label, text);
  double pad = m->body * 0.5, bar = 4;
  PangoLayout *layout = _limber_handout_layout (b, markup, m->body, FALSE, b->width - bar - 2 * pad);
  LimberHandoutPart *part;
  PangoRectangle logical;
  double h;

  pango_layout_get_extents (layout, NULL, &logical);
  h = (double) logical.height / PANGO_SCALE + 2 * pad;
  part = _limber_handout_add_part (block, LIMBER_PART_BOX, 0, y, b->width, h, limber_handout_tint);
  part->radius = 4;
  _limber_handout_add_part (block, LIMBER_PART_BOX, 0, y, bar, h, limber_handout_accent);
  _limber_handout_add_text (block, layout, bar + pad, y + pad, limber_handout_ink);
  return h;
}

/* "<b>Label</b> text" as a paragraph of the body; returns its height,
 * 0 if @text is %NULL. */
static double
add_labelled (LimberHandoutBuilder *b,
              LimberHandoutBlock   *block,
              LimberPhrase          label,
              const char           *text,
              double                y)
{
  g_autofree char *l = NULL;
  g_autofree char *t = NULL;
  g_autofree char *markup = NULL;

  if (text == NULL)
    return 0;
  l = _limber_handout_escape (limber_phrases_get (label, b->lang));
  t = _limber_handout_escape (text);
  markup = g_strdup_printf ("<b>%s</b> %s", l, t);
  return _limber_handout_add_text (block, _limber_handout_layout (b, markup, b->m->body, FALSE, b->width),
                                   0, y, limber_handout_ink);
}

static double
add_heading (LimberHandoutBuilder *b,
             LimberHandoutBlock   *block,
             guint                 index,
             LimberExercise       *exercise,
             LimberSide            side,
             double                disc,
             double                size)
{
  g_autofree char *name = _limber_handout_side_text (exercise, limber_exercise_peek_text (exercise, LIMBER_EXERCISE_NAME), b->lang, side);
  g_autofree char *escaped = _limber_handout_escape (name ? name : limber_exercise_get_id (exercise));
  double x = disc + b->m->body * 0.6;
  PangoLayout *layout = _limber_handout_layout (b, escaped, size, TRUE, b->width - x);

  return add_numbered (b, block, index + 1, 0, disc, size * 0.9, layout, x, 0);
}

static double
add_dosage (LimberHandoutBuilder *b,
            LimberHandoutBlock   *block,
            const LimberDosage   *dosage,
            double                x,
            double                y,
            double                width,
            gboolean              band)
{
  g_autofree char *line = limber_phrases_dosage (dosage, b->lang);
  g_autofree char *escaped = NULL;
  g_auto(GStrv) parts = g_strsplit (line, " · ", -1);

  /* Break the line only between its parts: "left side" together. */
  for (guint i = 0; parts[i] != NULL; i++)
    g_strdelimit (parts[i], " ", '\x01');
  g_free (line);
  line = g_strjoinv (" · ", parts);
  {
    g_auto(GStrv) words = g_strsplit (line, "\x01", -1);

    g_free (line);
    line = g_strjoinv ("\u00a0", words);
  }
  escaped = _limber_handout_escape (line);
  double pad = band ? b->m->body * 0.45 : 0;
  PangoLayout *layout;
  LimberHandoutPart *part;
  double h;

  if (*line == '\0')
    return 0;
  if (band)
    {
      part = _limber_handout_add_part (block, LIMBER_PART_BOX, x, y, width, 0, limber_handout_tint);
      part->radius = 4;
    }
  /* Bold in its band; in the compact table's narrow column, regular. */
  layout = _limber_handout_layout (b, escaped, b->m->body, band, width - 2 * pad);
  h = _limber_handout_add_text (block, layout, x + pad, y + pad, band ? limber_handout_accent : limber_handout_ink);
  if (band)
    g_array_index (block->parts, LimberHandoutPart, block->parts->len - 2).h = h + 2 * pad;
  return h + 2 * pad;
}

/* What the parts of one stretch's block share while it is built. */
typedef struct
{
  LimberHandoutBuilder *b;
  LimberHandoutBlock   *block;
  LimberExercise       *exercise;
  LimberDosage          dosage;
  double                space;      /* between the parts */
} Stretch;

/* The picture's light panel, and which parts are the picture. */
typedef struct
{
  guint    index;                   /* the panel's part */
  guint    end;                     /* after the picture and its captions */
  double   top, width, height;
  gboolean beside;                  /* left of the steps, not above */
} Panel;

/* A catalog text of the stretch as a paragraph; returns the height
 * with the space after it, 0 if it has none. */
static double
add_paragraph (Stretch            *s,
               LimberExerciseText  which,
               LimberPhrase        label,
               gboolean            labelled,
               double              y,
               double              space)
{
  g_autofree char *text = _limber_handout_side_text (s->exercise, limber_exercise_peek_text (s->exercise, which),
                                                     s->b->lang, s->dosage.side);
  g_autofree char *escaped = NULL;
  double h;

  if (text == NULL)
    return 0;
  if (labelled)
    h = add_labelled (s->b, s->block, label, text, y);
  else
    {
      escaped = _limber_handout_escape (text);
      h = _limber_handout_add_text (s->block, _limber_handout_layout (s->b, escaped, s->b->m->body, FALSE, s->b->width),
                                    0, y, limber_handout_ink);
    }
  return h + space;
}

/* The picture on a light panel: above the steps, or in the standard
 * layout beside them (two or three stretches fit a page).  Returns the
 * y under it when it is above, else @y. */
static double
add_panel (Stretch *s,
           Panel   *panel,
           double   y,
           guint    index)
{
  const LimberHandoutMetrics *m = s->b->m;
  const LimberRgb tint = { 0.965, 0.965, 0.96 };
  double pad = m->body * 0.6, grow = s->b->picture_scale > 0 ? s->b->picture_scale : 1;
  LimberHandoutPart *part;

  panel->beside = m->picture_beside && _limber_handout_item_has_picture (s->b->program, index);
  panel->width = panel->beside ? s->b->width * 0.37 : s->b->width;
  panel->top = y;
  part = _limber_handout_add_part (s->block, LIMBER_PART_BOX, 0, y, panel->width, 0, tint);
  part->radius = 6;
  panel->index = s->block->parts->len - 1;
  panel->height = add_picture (s->b, s->block, s->exercise, 0, y + pad, panel->width, m->body_height * grow,
                               m->picture_height * grow, s->dosage.side == LIMBER_SIDE_LEFT, tint);
  panel->end = s->block->parts->len;
  if (panel->height > 0)
    panel->height += 2 * pad;
  else
    panel->beside = FALSE;   /* a picture that could not be read: no empty box */
  if (panel->height > 0 && !panel->beside)
    y += panel->height + s->space;
  return y;
}

/* The numbered steps from @x, @y; returns the y under them. */
static double
add_steps (Stretch *s,
           double   x,
           double   y)
{
  const LimberHandoutMetrics *m = s->b->m;
  g_autoptr(GPtrArray) steps = _limber_handout_stretch_steps (s->exercise, &s->dosage, s->b->lang);
  double disc = m->body * 1.6, text_x = x + disc + m->body * 0.6;

  for (guint i = 0; i < steps->len; i++)
    {
      g_autofree char *escaped = _limber_handout_escape (g_ptr_array_index (steps, i));
      PangoLayout *layout = _limber_handout_layout (s->b, escaped, m->body, FALSE, s->b->width - text_x);

      y += add_numbered (s->b, s->block, i + 1, x, disc, MAX (m->body * 0.85, m->small), layout, text_x, y)
           + s->space * 0.8;
    }
  if (steps->len > 0)
    y += s->space * 0.2;
  return y;
}

/* A panel beside the steps is as tall as they are, the picture in its
 * middle.  Returns the y under both. */
static double
close_panel (Stretch     *s,
             const Panel *panel,
             double       steps_end)
{
  double height = panel->height, y = steps_end;

  if (panel->beside)
    {
      double tall = MAX (panel->height, steps_end - s->space - panel->top);

      for (guint i = panel->index + 1; i < panel->end; i++)
        {
          LimberHandoutPart *part = &g_array_index (s->block->parts, LimberHandoutPart, i);

          part->y += (tall - panel->height) / 2;
          part->figure_y += (tall - panel->height) / 2;
        }
      height = tall;
      y = MAX (steps_end, panel->top + height + s->space);
    }
  g_array_index (s->block->parts, LimberHandoutPart, panel->index).h = height;
  return y;
}

/* After the steps: how it should feel, the cautions, the therapist's
 * note, and on the therapist's copy their own contact.  Returns the y
 * under them. */
static double
add_after_steps (Stretch    *s,
                 const char *note,
                 double      y)
{
  double h;

  y += add_paragraph (s, LIMBER_EXERCISE_FEEL, LIMBER_PHRASE_FEEL, TRUE, y, s->space);
  if ((h = add_cautions (s->b, s->block, s->exercise, s->dosage.side, y)) > 0)
    y += h + s->space;
  if (note != NULL)
    y += add_note (s->b, s->block, note, y) + s->space;
  if (s->b->options->therapist_copy)
    y += add_paragraph (s, LIMBER_EXERCISE_PRESSURE_THERAPIST, LIMBER_PHRASE_FOR_THERAPIST, TRUE, y, s->space);
  return y;
}

/**
 * _limber_handout_build_stretch:
 *
 * Adds the block of the stretch at @index, for the large and standard
 * layouts: its name, what it is for, the dosage, the picture, the
 * steps, then what comes after them.
 */
void
_limber_handout_build_stretch (LimberHandoutBuilder *b,
                               guint                 index)
{
  const LimberHandoutMetrics *m = b->m;
  LimberProgramItem *item = limber_program_get_item (b->program, index);
  /* Tighter in the standard layout, so two stretches share a page. */
  Stretch s = {
    .b = b,
    .block = _limber_handout_block_new (b, LIMBER_BLOCK_STRETCH, index),
    .exercise = limber_program_item_get_exercise (item),
    .space = m->body * (m->picture_beside ? 0.4 : 0.6),
  };
  LimberDosage shown;
  Panel panel;
  double y, h;

  limber_program_item_get_dosage (item, &s.dosage);
  /* The hold is said where it is done, in the steps: not twice. */
  shown = s.dosage;
  if (has_art_texts (s.exercise))
    limber_dosage_unset (&shown, LIMBER_DOSAGE_HOLD_SECONDS);
  y = add_heading (b, s.block, index, s.exercise, s.dosage.side, m->name * 1.55, m->name) + s.space * 0.4;
  y += add_paragraph (&s, LIMBER_EXERCISE_SUMMARY, 0, FALSE, y, s.space * 0.6);
  if ((h = add_dosage (b, s.block, &shown, 0, y, b->width, TRUE)) > 0)
    y += h + s.space;
  y = add_panel (&s, &panel, y, index);
  y = close_panel (&s, &panel, add_steps (&s, panel.beside ? panel.width + m->body : 0, y));
  y = add_after_steps (&s, item_note (item, b->lang, limber_program_get_language (b->program)), y);
  s.block->height = y - s.space;
}

/**
 * _limber_handout_build_row:
 * @pictures: whether the table has a picture column
 *
 * Adds the compact layout's row for the stretch at @index: number,
 * picture, name, dosage and the therapist's note.
 */
void
_limber_handout_build_row (LimberHandoutBuilder *b,
                           guint                 index,
                           gboolean              pictures)
{
  const LimberHandoutMetrics *m = b->m;
  LimberProgramItem *item = limber_program_get_item (b->program, index);
  LimberExercise *exercise = limber_program_item_get_exercise (item);
  LimberHandoutBlock *block = _limber_handout_block_new (b, LIMBER_BLOCK_STRETCH, index);
  const char *note = item_note (item, b->lang, limber_program_get_language (b->program));
  double pad = m->body * 0.3, disc = m->name * 1.6, gap = m->body;
  double pic_w = pictures ? b->width * 0.22 : 0;
  double text_x = disc + gap + (pictures ? pic_w + gap : 0), text_w = b->width - text_x;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  LimberDosage dosage;
  double text_h, pic_h = 0;

  limber_program_item_get_dosage (item, &dosage);
  name = _limber_handout_side_text (exercise, limber_exercise_peek_text (exercise, LIMBER_EXERCISE_NAME), b->lang, dosage.side);
  escaped = _limber_handout_escape (name ? name : limber_exercise_get_id (exercise));

  text_h = add_numbered (b, block, index + 1, 0, disc, m->name * 0.9,
                         _limber_handout_layout (b, escaped, m->name, TRUE, text_w), text_x, pad);
  text_h += m->body * 0.2;
  text_h += add_dosage (b, block, &dosage, text_x, pad + text_h, text_w, FALSE);
  if (note != NULL)
    {
      g_autofree char *text = _limber_handout_escape (note);
      g_autofree char *markup = g_strdup_printf ("<i>%s</i>", text);

      text_h += m->body * 0.2;
      text_h += _limber_handout_add_text (block, _limber_handout_layout (b, markup, m->body, FALSE, text_w),
                                          text_x, pad + text_h, limber_handout_grey);
    }
  if (pictures)
    pic_h = add_picture (b, block, exercise, disc + gap, pad, pic_w, m->body_height, m->picture_height,
                         dosage.side == LIMBER_SIDE_LEFT, (LimberRgb) { 1, 1, 1 });

  block->height = MAX (text_h, pic_h) + 2 * pad;
  _limber_handout_add_part (block, LIMBER_PART_LINE, 0, block->height, b->width, 0,
                            limber_handout_rule)->line_width = 0.75;
}
