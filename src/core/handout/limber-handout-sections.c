/* limber-handout-sections.c — a handout's blocks other than the stretches:
 * the first page's header, the notes, the exams (therapist's copy), the
 * tick-box log, lines for the patient's notes and the contact line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-handout"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "limber-exam-progress.h"
#include "limber-handout-private.h"
#include "limber-phrases.h"

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static const char *
clinic_name (LimberHandoutBuilder *b)
{
  return !is_empty (b->options->clinic_name) ? b->options->clinic_name
                                             : limber_program_get_clinic (b->program);
}

static PangoLayout *
plain_layout (LimberHandoutBuilder *b,
              const char           *text,
              double                size,
              gboolean              bold,
              double                width)
{
  g_autofree char *escaped = _limber_handout_escape (text);

  return _limber_handout_layout (b, escaped, size, bold, width);
}

/* "Therapist's copy" in a frame, at the top right; returns its width. */
static double
add_copy_mark (LimberHandoutBuilder *b,
               LimberHandoutBlock   *block)
{
  const char *text = limber_phrases_get (LIMBER_PHRASE_THERAPIST_COPY, b->lang);
  PangoLayout *layout = plain_layout (b, text, b->m->small, TRUE, b->width / 2);
  PangoRectangle logical;
  LimberHandoutPart *frame;
  double pad = b->m->small * 0.5, w, h;

  pango_layout_get_extents (layout, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE + 2 * pad;
  h = (double) logical.height / PANGO_SCALE + pad;
  frame = _limber_handout_add_part (block, LIMBER_PART_BOX, b->width - w, 0, w, h, limber_handout_accent);
  frame->line_width = 1.2;
  frame->radius = 3;
  _limber_handout_add_text (block, layout, b->width - w + pad, pad / 2, limber_handout_accent);
  return w;
}

/* The clinic: logo, name, address and phone.  Returns the height. */
static double
add_clinic (LimberHandoutBuilder *b,
            LimberHandoutBlock   *block,
            double                right)
{
  const LimberHandoutMetrics *m = b->m;
  const char *name = clinic_name (b);
  const LimberHandoutOptions *o = b->options;
  double logo_w = 0, logo_h = 0, x = 0, y = 0, width;
  g_autoptr(GString) contact = g_string_new (NULL);

  if (b->logo != NULL)
    {
      double pw, ph, s;
      LimberHandoutPart *part;

      _limber_handout_picture_get_size (b->logo, &pw, &ph);
      s = MIN (m->title * 2.4 / ph, b->width * 0.3 / pw);
      logo_w = pw * s;
      logo_h = ph * s;
      part = _limber_handout_add_part (block, LIMBER_PART_PICTURE, 0, 0, logo_w, logo_h, limber_handout_ink);
      part->picture = _limber_handout_picture_ref (b->logo);
      x = logo_w + m->body;
    }
  width = b->width - x - right;
  if (!is_empty (name))
    y += _limber_handout_add_text (block, plain_layout (b, name, m->heading, TRUE, width), x, y,
                                   limber_handout_ink);
  if (!is_empty (o->clinic_address))
    g_string_append (contact, o->clinic_address);
  if (!is_empty (o->clinic_phone))
    g_string_append_printf (contact, "%s%s", contact->len ? " · " : "", o->clinic_phone);
  if (contact->len > 0)
    y += _limber_handout_add_text (block, plain_layout (b, contact->str, m->small, FALSE, width), x, y,
                                   limber_handout_grey);
  /* Centre the words on the logo. */
  if (logo_h > y)
    for (guint i = 0; i < block->parts->len; i++)
      {
        LimberHandoutPart *part = &g_array_index (block->parts, LimberHandoutPart, i);

        if (part->kind == LIMBER_PART_TEXT && part->x == x)
          part->y += (logo_h - y) / 2;
      }
  return MAX (y, logo_h);
}

/* Label over value, for the patient, the therapist and the date. */
static double
add_field (LimberHandoutBuilder *b,
           LimberHandoutBlock   *block,
           LimberPhrase          label,
           const char           *value,
           double                x,
           double                y,
           double                width)
{
  double h = _limber_handout_add_text (block, plain_layout (b, limber_phrases_get (label, b->lang),
                                                            b->m->small, FALSE, width),
                                       x, y, limber_handout_grey);

  return h + _limber_handout_add_text (block, plain_layout (b, value, b->m->body, TRUE, width),
                                       x, y + h, limber_handout_ink);
}

/**
 * _limber_handout_build_header:
 *
 * The first page's header: the clinic (logo, name, address, phone), the
 * program's title, then the patient, the therapist and the date.
 */
void
_limber_handout_build_header (LimberHandoutBuilder *b)
{
  const LimberHandoutMetrics *m = b->m;
  LimberHandoutBlock *block = _limber_handout_block_new (b, LIMBER_BLOCK_HEADER, -1);
  const char *title = _limber_handout_program_text (b, LIMBER_PROGRAM_TITLE);
  const char *patient = limber_program_get_patient_name (b->program);
  const char *patient_id = limber_program_get_patient_id (b->program);
  const char *therapist = limber_program_get_therapist (b->program);
  g_autofree char *date = limber_phrases_date (limber_program_get_created (b->program), b->lang);
  g_autofree char *next = limber_phrases_date (limber_program_get_field (b->program, LIMBER_PROGRAM_NEXT_VISIT),
                                               b->lang);
  g_autofree char *patient_text = NULL;
  struct { LimberPhrase label; const char *value; } fields[4];
  guint n = 0;
  double y = 0, right = 0, h = 0, x = 0, total = 0, natural[4];

  if (b->options->therapist_copy)
    right = add_copy_mark (b, block) + m->body;
  y = add_clinic (b, block, right);
  if (y > 0)
    {
      y += m->body * 0.6;
      _limber_handout_add_part (block, LIMBER_PART_LINE, 0, y, b->width, 0,
                                limber_handout_accent)->line_width = 1.5;
      y += m->body * 0.9;
    }
  else if (right > 0)
    y = m->small * 2.4;

  if (!is_empty (title))
    y += _limber_handout_add_text (block, plain_layout (b, title, m->title, TRUE, b->width), 0, y,
                                   limber_handout_ink) + m->body * 0.6;

  /* The patient's record number is for the clinic's eyes only. */
  if (!is_empty (patient) && b->options->therapist_copy && !is_empty (patient_id))
    patient_text = g_strdup_printf ("%s (%s)", patient, patient_id);
  if (!is_empty (patient))
    fields[n++] = (typeof (fields[0])) { LIMBER_PHRASE_PATIENT, patient_text ? patient_text : patient };
  if (!is_empty (therapist))
    fields[n++] = (typeof (fields[0])) { LIMBER_PHRASE_THERAPIST, therapist };
  if (date != NULL)
    fields[n++] = (typeof (fields[0])) { LIMBER_PHRASE_DATE, date };
  /* When to come back, where the patient looks first. */
  if (next != NULL)
    fields[n++] = (typeof (fields[0])) { LIMBER_PHRASE_NEXT_VISIT, next };
  /* Each column as wide as its value needs, the rest shared out; if
   * they cannot all fit on a line (four at 14 pt, or long names), two
   * a line in equal columns rather than dates broken over lines. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) probe = plain_layout (b, fields[i].value, m->body, TRUE, b->width);
      g_autoptr(PangoLayout) label = plain_layout (b, limber_phrases_get (fields[i].label, b->lang), m->small,
                                                   FALSE, b->width);
      PangoRectangle logical, label_logical;

      /* As wide as the value or its label, whichever is wider. */
      pango_layout_get_extents (probe, NULL, &logical);
      pango_layout_get_extents (label, NULL, &label_logical);
      natural[i] = (double) MAX (logical.width, label_logical.width) / PANGO_SCALE + m->body;
      total += natural[i];
    }
  for (guint i = 0; i < n; i++)
    {
      gboolean one_line = total <= b->width;
      double width = one_line ? natural[i] + (b->width - total) / n : b->width / MIN (n, 2);
      double field_h;

      if (!one_line && i > 0 && i % 2 == 0)
        {
          y += h + m->body * 0.4;
          h = 0;
          x = 0;
        }
      field_h = add_field (b, block, fields[i].label, fields[i].value, x, y, width - m->body);
      h = MAX (h, field_h);
      x += width;
    }
  y += h;
  block->height = y;
}

/* Paragraphs are separated by blank lines; single line breaks stay. */
static char **
paragraphs (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("\\n\\s*\\n", text, 0, 0);
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *p = g_strstrip (g_strdup (parts[i]));

      if (*p != '\0')
        g_ptr_array_add (kept, p);
      else
        g_free (p);
    }
  g_ptr_array_add (kept, NULL);
  return (char **) g_ptr_array_free (kept, FALSE);
}

/* A heading and its first paragraph in one block (a heading is never
 * left alone at the foot of a page), then a block per paragraph. */
static void
add_section (LimberHandoutBuilder *b,
             const char           *heading,
             const char           *text,
             gboolean              italic)
{
  const LimberHandoutMetrics *m = b->m;
  g_auto(GStrv) paras = paragraphs (text);
  LimberHandoutBlock *block = NULL;

  for (guint i = 0; paras[i] != NULL; i++)
    {
      g_autofree char *escaped = _limber_handout_escape (paras[i]);
      g_autofree char *markup = italic ? g_strdup_printf ("<i>%s</i>", escaped) : g_strdup (escaped);
      double y = 0;

      block = _limber_handout_block_new (b, LIMBER_BLOCK_TEXT, -1);
      if (i == 0 && heading != NULL)
        y = _limber_handout_add_text (block, plain_layout (b, heading, m->heading, TRUE, b->width), 0, 0,
                                      limber_handout_ink) + m->body * 0.4;
      y += _limber_handout_add_text (block, _limber_handout_layout (b, markup, m->body, FALSE, b->width),
                                     0, y, limber_handout_ink);
      block->height = y;
    }
}

void
_limber_handout_build_notes (LimberHandoutBuilder *b)
{
  const char *notes = _limber_handout_program_text (b, LIMBER_PROGRAM_NOTES);

  if (!is_empty (notes))
    add_section (b, limber_phrases_get (LIMBER_PHRASE_ADVICE, b->lang), notes, FALSE);
}

/**
 * _limber_handout_build_exams:
 *
 * For the therapist's copy: each exam and the progress between the
 * first and the last.  The measurements are described in the user
 * interface's words (limber_exam_describe()): this part is read by the
 * therapist, not the patient.
 */
void
_limber_handout_build_exams (LimberHandoutBuilder *b)
{
  g_autofree char *progress = NULL;

  for (guint i = 0; i < limber_program_get_n_exams (b->program); i++)
    {
      const LimberExam *exam = limber_program_get_exam (b->program, i);
      g_autofree char *summary = limber_exam_describe (exam);
      g_auto(GStrv) parts = g_strsplit (summary, " · ", -1);
      g_autofree char *lines = g_strjoinv ("\n", parts);

      add_section (b, i == 0 ? limber_phrases_get (LIMBER_PHRASE_EXAMINATION, b->lang) : NULL, lines, FALSE);
      if (!is_empty (exam->note))
        add_section (b, NULL, exam->note, TRUE);
    }
  progress = limber_exam_describe_progress (b->program);
  if (progress != NULL)
    {
      add_section (b, limber_phrases_get (LIMBER_PHRASE_PROGRESS, b->lang), progress, FALSE);
      _limber_handout_build_chart (b);
    }
}

/* ------------------------------------------------------------------ */
/* The tick-box log                                                   */

typedef struct
{
  double name_w, day_w, box, pad, size;
  GDate  start;
} Grid;

static double
add_grid_header (LimberHandoutBuilder *b,
                 LimberHandoutBlock   *block,
                 const Grid           *g,
                 double                y)
{
  int days = b->options->days;
  double size = g->size, h = 0;

  _limber_handout_add_text (block, plain_layout (b, limber_phrases_get (LIMBER_PHRASE_STRETCH, b->lang),
                                                 size, TRUE, g->name_w),
                            0, y, limber_handout_ink);
  for (int d = 0; d < days; d++)
    {
      GDate date = g->start;
      g_autofree char *label = NULL;
      PangoLayout *layout;
      double label_h;

      g_date_add_days (&date, d);
      label = g_strdup_printf ("%s\n%d", limber_phrases_weekday (g_date_get_weekday (&date), days > 7, b->lang),
                               g_date_get_day (&date));
      layout = plain_layout (b, label, size, TRUE, g->day_w);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      label_h = _limber_handout_add_text (block, layout, g->name_w + d * g->day_w, y, limber_handout_ink);
      h = MAX (h, label_h);
    }
  y += h + g->pad * 0.5;
  _limber_handout_add_part (block, LIMBER_PART_LINE, 0, y, b->width, 0, limber_handout_ink)->line_width = 1;
  return h + g->pad * 0.5;
}

/**
 * _limber_handout_log_day:
 * @day: from the log's first day, 0
 *
 * Whether the log has boxes on @day for a stretch of @dosage: every day
 * for one done daily; for one done n days a week, n days of each week
 * spread out (3: days 1, 4 and 6), the others rest days.
 */
gboolean
_limber_handout_log_day (const LimberDosage *dosage,
                         int                 day)
{
  int n = limber_dosage_get (dosage, LIMBER_DOSAGE_DAYS_PER_WEEK);

  if (n <= 0 || n >= 7)
    return TRUE;
  return (day * n) % 7 < n;
}

/* A row: the stretch's number and name, and for each of its days as
 * many boxes as times a day. */
static double
add_grid_row (LimberHandoutBuilder *b,
              LimberHandoutBlock   *block,
              const Grid           *g,
              guint                 index,
              double                y)
{
  LimberProgramItem *item = limber_program_get_item (b->program, index);
  LimberExercise *exercise = limber_program_item_get_exercise (item);
  g_autofree char *side_name = NULL;
  g_autofree char *label = NULL;
  LimberDosage dosage;
  PangoLayout *layout;
  int boxes;
  gboolean across;
  double name_h, cell_w, cell_h, h;

  limber_program_item_get_dosage (item, &dosage);
  boxes = CLAMP (limber_dosage_get (&dosage, LIMBER_DOSAGE_PER_DAY), 1, 3);
  side_name = _limber_handout_side_text (exercise, limber_exercise_peek_text (exercise, LIMBER_EXERCISE_NAME),
                                         b->lang, dosage.side);
  label = g_strdup_printf ("%u. %s", index + 1, side_name ? side_name : limber_exercise_get_id (exercise));

  layout = plain_layout (b, label, g->size, FALSE, g->name_w - g->pad);
  /* The compact sheet's log is a reminder: one line a stretch. */
  if (b->options->layout == LIMBER_HANDOUT_COMPACT)
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  name_h = _limber_handout_add_text (block, layout, 0, y + g->pad, limber_handout_ink);
  /* Side by side if they fit the day's column, else one above the other. */
  across = boxes * g->box + (boxes - 1) * g->box * 0.3 <= g->day_w * 0.8;
  cell_w = across ? boxes * g->box + (boxes - 1) * g->box * 0.3 : g->box;
  cell_h = across ? g->box : boxes * g->box + (boxes - 1) * g->box * 0.3;
  h = MAX (name_h, cell_h) + 2 * g->pad;
  for (int d = 0; d < b->options->days; d++)
    {
      if (!_limber_handout_log_day (&dosage, d))
        {
          /* A rest day: a dash, not a box to feel guilty about. */
          PangoLayout *rest = plain_layout (b, "–", g->size, FALSE, g->day_w);
          PangoRectangle logical;

          pango_layout_set_alignment (rest, PANGO_ALIGN_CENTER);
          pango_layout_get_extents (rest, NULL, &logical);
          _limber_handout_add_text (block, rest, g->name_w + d * g->day_w,
                                    y + (h - (double) logical.height / PANGO_SCALE) / 2, limber_handout_grey);
          continue;
        }
      for (int k = 0; k < boxes; k++)
        {
          LimberHandoutPart *box;
          double bx = g->name_w + d * g->day_w + (g->day_w - cell_w) / 2 + (across ? k * g->box * 1.3 : 0);
          double by = y + (h - cell_h) / 2 + (across ? 0 : k * g->box * 1.3);

          box = _limber_handout_add_part (block, LIMBER_PART_BOX, bx, by, g->box, g->box, limber_handout_ink);
          box->line_width = 1;
          box->radius = 2;
        }
    }
  /* Light lines between the days, so each day's boxes read as one. */
  for (int d = 1; d < b->options->days; d++)
    _limber_handout_add_part (block, LIMBER_PART_LINE, g->name_w + d * g->day_w, y, 0, h,
                              limber_handout_rule)->line_width = 0.5;
  _limber_handout_add_part (block, LIMBER_PART_LINE, 0, y + h, b->width, 0, limber_handout_rule)->line_width = 0.6;
  return h;
}

static void
start_date (LimberHandoutBuilder *b,
            GDate                *date)
{
  const char *created = limber_program_get_created (b->program);
  int year, month, day;

  g_date_clear (date, 1);
  if (created != NULL && sscanf (created, "%4d-%2d-%2d", &year, &month, &day) == 3
      && g_date_valid_dmy (day, month, year))
    g_date_set_dmy (date, day, month, year);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
}

/**
 * _limber_handout_build_log:
 *
 * The tick-box log: a row per stretch, a column per day from the
 * program's date.  Split into blocks that each fit a page, the column
 * heads repeated on each.
 */
void
_limber_handout_build_log (LimberHandoutBuilder *b)
{
  const LimberHandoutMetrics *m = b->m;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (b->program));
  LimberHandoutBlock *block = NULL;
  guint keep = 0, rows = 0;
  Grid g;
  double y = 0;

  if (n == 0)
    return;
  start_date (b, &g.start);
  g.size = m->log;
  g.name_w = b->width * (b->options->days > 7 ? 0.3 : m->body < 12 ? 0.42 : m->log > 12 ? 0.3 : 0.36);
  g.day_w = (b->width - g.name_w) / b->options->days;
  g.box = MIN (g.day_w * 0.6, m->body * 1.15);
  g.pad = m->body * (m->body < 12 ? 0.35 : 0.4);

  for (guint i = 0; i < n;)
    {
      double h;

      if (block == NULL)
        {
          block = _limber_handout_block_new (b, LIMBER_BLOCK_LOG, -1);
          y = 0;
          rows = 0;
          if (i == 0)
            {
              const char *log = limber_phrases_get (LIMBER_PHRASE_LOG, b->lang);
              const char *tick = limber_phrases_get (LIMBER_PHRASE_TICK_A_BOX, b->lang);

              y += _limber_handout_add_text (block, plain_layout (b, log, m->heading, TRUE, b->width),
                                             0, y, limber_handout_ink);
              y += _limber_handout_add_text (block, plain_layout (b, tick, m->body, FALSE, b->width),
                                             0, y, limber_handout_ink) + m->body * 0.6;
            }
          y += add_grid_header (b, block, &g, y);
          keep = block->parts->len;
        }
      h = add_grid_row (b, block, &g, i, y);
      if (y + h > b->page_room && rows > 0)
        {
          /* Full: this row starts the next block, under the column heads. */
          g_array_set_size (block->parts, keep);
          block = NULL;
          continue;
        }
      y += h;
      block->height = y;
      keep = block->parts->len;
      rows++;
      i++;
    }
}

/* ------------------------------------------------------------------ */

/**
 * _limber_handout_build_your_notes:
 *
 * A few lines for the patient to write on, at the end, if the last
 * page has room for them (the handout never gets a page for them).
 */
void
_limber_handout_build_your_notes (LimberHandoutBuilder *b)
{
  const LimberHandoutMetrics *m = b->m;
  LimberHandoutBlock *block = _limber_handout_block_new (b, LIMBER_BLOCK_YOUR_NOTES, -1);
  double y = _limber_handout_add_text (block, plain_layout (b, limber_phrases_get (LIMBER_PHRASE_YOUR_NOTES, b->lang),
                                                            m->heading, TRUE, b->width),
                                       0, 0, limber_handout_ink);

  for (int i = 0; i < 4; i++)
    {
      y += m->body * 2.2;
      _limber_handout_add_part (block, LIMBER_PART_LINE, 0, y, b->width, 0, limber_handout_rule)->line_width = 0.75;
    }
  block->height = y;
}

/**
 * _limber_handout_build_contact:
 *
 * The clinic's contact line, placed at the foot of the last page.
 */
void
_limber_handout_build_contact (LimberHandoutBuilder *b)
{
  const LimberHandoutOptions *o = b->options;
  const char *name = clinic_name (b);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *next = limber_phrases_date (limber_program_get_field (b->program, LIMBER_PROGRAM_NEXT_VISIT),
                                               b->lang);
  LimberHandoutBlock *block;
  PangoLayout *layout;
  double gap = b->m->body * 0.45;

  if (!is_empty (o->clinic_phone))
    {
      g_autofree char *questions = _limber_handout_escape (limber_phrases_get (LIMBER_PHRASE_QUESTIONS, b->lang));
      g_autofree char *phone = _limber_handout_escape (o->clinic_phone);

      g_string_append_printf (markup, "<b>%s %s</b>", questions, phone);
    }
  for (guint i = 0; i < 2; i++)
    {
      const char *part = i == 0 ? name : o->clinic_address;
      g_autofree char *escaped = _limber_handout_escape (part);

      if (!is_empty (part))
        g_string_append_printf (markup, "%s%s", markup->len ? " · " : "", escaped);
    }
  /* When to come back, first. */
  if (next != NULL)
    {
      g_autofree char *label = _limber_handout_escape (limber_phrases_get (LIMBER_PHRASE_NEXT_VISIT, b->lang));
      g_autofree char *date = _limber_handout_escape (next);
      g_autofree char *line = g_strdup_printf ("<b>%s%s %s</b>%s", label, limber_phrases_colon (b->lang), date,
                                               markup->len ? " · " : "");

      g_string_prepend (markup, line);
    }
  if (markup->len == 0)
    return;

  block = _limber_handout_block_new (b, LIMBER_BLOCK_CONTACT, -1);
  _limber_handout_add_part (block, LIMBER_PART_LINE, 0, 0, b->width, 0, limber_handout_accent)->line_width = 1.5;
  layout = _limber_handout_layout (b, markup->str, MAX (b->m->small, b->m->body * 0.85), FALSE, b->width);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  block->height = gap + _limber_handout_add_text (block, layout, 0, gap, limber_handout_ink);
}
