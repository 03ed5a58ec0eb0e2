/* limber-handout.c — a program laid out as pages for the patient
 *
 * The handout is built once from the program: every block (the header,
 * each stretch, the notes, the log) is measured with Pango and placed
 * on a page; limber_handout_draw_page() then draws page N onto any
 * cairo_t, in points.  The preview, the printer and the PDF all call
 * it, so what the therapist sees is what the patient gets.  A stretch
 * is never split across pages: one taller than a page is scaled down,
 * never clipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-handout"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "limber-handout-private.h"
#include "limber-phrases.h"
#include "limber-program-private.h"

struct _LimberHandout
{
  GObject               parent_instance;

  LimberHandoutOptions  options;
  LimberHandoutMetrics  metrics;
  PangoContext         *pango;
  char                 *lang;
  char                 *title;
  char                 *therapist;
  double                page_width, page_height;
  PangoLayout          *running_left;   /* later pages: title and patient */
  PangoLayout          *running_right;  /* later pages: the clinic */
  GPtrArray            *blocks;         /* LimberHandoutBlock */
  int                   n_pages;
  LimberHandoutBorrowed borrowed;
};

G_DEFINE_FINAL_TYPE (LimberHandout, limber_handout, G_TYPE_OBJECT)

/* 15 mm is 42.5 pt: every margin is more, so nothing falls in a
 * printer's unprintable border.  The large layout is for older eyes:
 * nothing under 12 pt, the log at the body's 14 pt, and lines 1.3 em
 * apart or more (DejaVu's own line is 1.16 em: 1.16 × 1.15 = 1.34). */
static const LimberHandoutMetrics layouts[] = {
  [LIMBER_HANDOUT_LARGE] = {
    .body = 14, .small = 12, .name = 19, .heading = 17, .title = 24, .gap = 20,
    .margin = 45, .body_height = 135, .picture_height = 200, .log = 14, .line_spacing = 1.15,
    .max_per_page = 2,
  },
  [LIMBER_HANDOUT_STANDARD] = {
    .body = 12, .small = 10, .name = 16, .heading = 15, .title = 21, .gap = 16,
    .margin = 44, .body_height = 92, .picture_height = 150, .log = 10, .max_per_page = 3,
    .picture_beside = TRUE,
  },
  [LIMBER_HANDOUT_COMPACT] = {
    .body = 10, .small = 9, .name = 11, .heading = 12, .title = 17, .gap = 7,
    .margin = 44, .body_height = 42, .picture_height = 60, .log = 10, .max_per_page = 0,
  },
};

/* ------------------------------------------------------------------ */
/* Options                                                            */

void
limber_handout_options_init (LimberHandoutOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->layout = LIMBER_HANDOUT_LARGE;
  options->paper = LIMBER_PAPER_A4;
  options->days = 7;
}

void
limber_handout_options_clear (LimberHandoutOptions *options)
{
  g_clear_pointer (&options->language, g_free);
  g_clear_pointer (&options->clinic_name, g_free);
  g_clear_pointer (&options->clinic_address, g_free);
  g_clear_pointer (&options->clinic_phone, g_free);
  g_clear_pointer (&options->clinic_logo, g_free);
}

void
limber_handout_options_copy (LimberHandoutOptions       *dest,
                             const LimberHandoutOptions *src)
{
  g_return_if_fail (dest != NULL && src != NULL);

  if (dest == src)
    return;
  limber_handout_options_clear (dest);
  *dest = *src;
  dest->language = g_strdup (src->language);
  dest->clinic_name = g_strdup (src->clinic_name);
  dest->clinic_address = g_strdup (src->clinic_address);
  dest->clinic_phone = g_strdup (src->clinic_phone);
  dest->clinic_logo = g_strdup (src->clinic_logo);
}

static void
set_string (char       **field,
            GSettings   *settings,
            const char  *key)
{
  g_free (*field);
  *field = g_settings_get_string (settings, key);
  if (**field == '\0')
    g_clear_pointer (field, g_free);
}

/**
 * limber_handout_options_load_settings:
 * @settings: the application's settings (io.github.limber.Limber)
 *
 * Fills in the clinic, the paper, the layout and the days of the log
 * from the settings.
 */
void
limber_handout_options_load_settings (LimberHandoutOptions *options,
                                      GSettings            *settings)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_SETTINGS (settings));

  set_string (&options->clinic_name, settings, "clinic-name");
  set_string (&options->clinic_address, settings, "clinic-address");
  set_string (&options->clinic_phone, settings, "clinic-phone");
  set_string (&options->clinic_logo, settings, "clinic-logo");
  /* The schema's enums are in the order of ours. */
  options->paper = g_settings_get_enum (settings, "paper-size") == 1 ? LIMBER_PAPER_LETTER : LIMBER_PAPER_A4;
  options->layout = CLAMP (g_settings_get_enum (settings, "handout-layout"),
                           LIMBER_HANDOUT_LARGE, LIMBER_HANDOUT_COMPACT);
  options->days = g_settings_get_int (settings, "handout-days") > 7 ? 14 : 7;
}

gboolean
limber_handout_layout_from_string (const char          *text,
                                   LimberHandoutLayout *layout)
{
  static const char * const names[] = { "large", "standard", "compact" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *layout = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
limber_paper_from_string (const char  *text,
                          LimberPaper *paper)
{
  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "a4") == 0)
    *paper = LIMBER_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "letter") == 0)
    *paper = LIMBER_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/* In points: A4 is 210 × 297 mm, Letter 8.5 × 11 in. */
void
limber_paper_get_size (LimberPaper  paper,
                       double      *width,
                       double      *height)
{
  *width = paper == LIMBER_PAPER_LETTER ? 612.0 : 595.276;
  *height = paper == LIMBER_PAPER_LETTER ? 792.0 : 841.890;
}

/* ------------------------------------------------------------------ */
/* The object                                                         */

static void
limber_handout_finalize (GObject *object)
{
  LimberHandout *self = (LimberHandout *) object;

  limber_handout_options_clear (&self->options);
  g_clear_object (&self->running_left);
  g_clear_object (&self->running_right);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_free (self->lang);
  g_free (self->title);
  g_free (self->therapist);

  G_OBJECT_CLASS (limber_handout_parent_class)->finalize (object);
}

static void
limber_handout_class_init (LimberHandoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_handout_finalize;
}

static void
limber_handout_init (LimberHandout *self)
{
  limber_handout_options_init (&self->options);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) _limber_handout_block_free);
}

/* ------------------------------------------------------------------ */
/* Pages                                                              */

static double
running_height (LimberHandout *self)
{
  return self->metrics.small * 1.3 + self->metrics.small;
}

static double
footer_height (LimberHandout *self)
{
  return self->metrics.small * 1.3;
}

/* The body of page @page: where blocks go. */
static double
page_top (LimberHandout *self,
          int            page)
{
  return self->metrics.margin + (page > 0 ? running_height (self) : 0);
}

static double
page_bottom (LimberHandout *self)
{
  return self->page_height - self->metrics.margin - footer_height (self) - self->metrics.small;
}

/* The contact line may come down into the space above the page number. */
static double
block_bottom (LimberHandout            *self,
              const LimberHandoutBlock *block)
{
  return page_bottom (self) + (block->kind == LIMBER_BLOCK_CONTACT ? self->metrics.small * 0.7 : 0);
}

static gboolean
fits (LimberHandout            *self,
      const LimberHandoutBlock *block,
      double                    y)
{
  return y + block->height <= block_bottom (self, block) + 0.01;
}

static gboolean
page_has_other (LimberHandout            *self,
                const LimberHandoutBlock *block)
{
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const LimberHandoutBlock *other = g_ptr_array_index (self->blocks, i);

      if (other != block && other->page == block->page)
        return TRUE;
    }
  return FALSE;
}

/* The contact line never has a page to itself: the block before it
 * moves over to keep it company. */
static void
keep_contact_company (LimberHandout *self)
{
  LimberHandoutBlock *contact, *before = NULL;
  guint n = self->blocks->len;

  if (n < 2)
    return;
  contact = g_ptr_array_index (self->blocks, n - 1);
  /* The last block that was placed (the notes' lines may not be). */
  for (guint i = n - 1; i > 0 && before == NULL; i--)
    {
      LimberHandoutBlock *block = g_ptr_array_index (self->blocks, i - 1);

      if (block->page >= 0)
        before = block;
    }
  if (contact->kind != LIMBER_BLOCK_CONTACT || contact->page == 0 || before == NULL
      || before->page == contact->page || before->kind == LIMBER_BLOCK_HEADER
      || !page_has_other (self, before)
      || page_top (self, contact->page) + before->height * before->scale + self->metrics.gap > contact->y)
    return;
  before->page = contact->page;
  before->y = page_top (self, contact->page);
}

/* Puts each block on a page, in order.  A block goes to the next page if
 * it does not fit on this one (or if this page has its layout's number
 * of stretches); one taller than a whole page is scaled down.  The
 * lines for the patient's notes are left out rather than given a page
 * of their own; the contact line goes at the foot of the last page. */
static gboolean start_split_here (LimberHandout        *self,
                                  LimberHandoutBuilder *b,
                                  guint                 index,
                                  double                room);

static void
paginate (LimberHandout        *self,
          LimberHandoutBuilder *b)
{
  const LimberHandoutMetrics *m = &self->metrics;
  const LimberHandoutBlock *contact = NULL;
  int page = 0, stretches = 0;
  double y = page_top (self, 0);
  gboolean empty = TRUE;

  if (self->blocks->len > 0)
    {
      const LimberHandoutBlock *last = g_ptr_array_index (self->blocks, self->blocks->len - 1);

      if (last->kind == LIMBER_BLOCK_CONTACT)
        contact = last;
    }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      LimberHandoutBlock *block = g_ptr_array_index (self->blocks, i);
      gboolean stretch = block->kind == LIMBER_BLOCK_STRETCH;
      double room;

      if (block->kind == LIMBER_BLOCK_YOUR_NOTES)
        {
          double need = block->height + (contact ? m->gap + contact->height : 0);

          if (y + need > page_bottom (self) || empty)
            continue;
        }
      if (!empty && !fits (self, block, y) && !(m->max_per_page > 0 && stretches >= m->max_per_page)
          && start_split_here (self, b, i, block_bottom (self, block) - y))
        block = g_ptr_array_index (self->blocks, i);
      if (!empty && (!fits (self, block, y) || (stretch && m->max_per_page > 0 && stretches >= m->max_per_page)))
        {
          page++;
          y = page_top (self, page);
          stretches = 0;
          empty = TRUE;
        }
      room = block_bottom (self, block) - y;
      block->page = page;
      block->scale = block->height > room ? room / block->height : 1;
      block->y = block->kind == LIMBER_BLOCK_CONTACT ? block_bottom (self, block) - block->height : y;
      g_debug ("block %u (kind %d): page %d, y %.1f, height %.1f, scale %.2f",
               i, block->kind, page, block->y, block->height, block->scale);
      y += block->height * block->scale + m->gap;
      stretches += stretch;
      empty = FALSE;
    }
  self->n_pages = page + 1;
  keep_contact_company (self);
}

/* The room left at the foot of @page: under its last block, above the
 * contact line when it is there. */
static double
page_spare (LimberHandout *self,
            int            page)
{
  double end = page_top (self, page), bottom = page_bottom (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const LimberHandoutBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->page != page)
        continue;
      if (block->kind == LIMBER_BLOCK_CONTACT)
        bottom = MIN (bottom, block->y - self->metrics.gap);
      else
        end = MAX (end, block->y + block->height * block->scale);
    }
  return bottom - end;
}

static guint
stretches_on (LimberHandout *self,
              int            page)
{
  guint n = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const LimberHandoutBlock *block = g_ptr_array_index (self->blocks, i);

      n += block->page == page && block->kind == LIMBER_BLOCK_STRETCH;
    }
  return n;
}

/* Stretch @item built again with the largest picture scale in
 * [@lo, @hi] whose block is at most @limit tall, found by halving the
 * range @tries times; NULL when no scale tried fits.  The first try is
 * @first, the end of the range that settles it: @hi when growing (it
 * fits: done), @lo when shrinking (it does not: nothing will). */
static LimberHandoutBlock *
rebuild_stretch (LimberHandout        *self,
                 LimberHandoutBuilder *b,
                 int                   item,
                 double                lo,
                 double                hi,
                 double                first,
                 double                limit,
                 int                   tries)
{
  LimberHandoutBlock *best = NULL;

  for (int k = 0; k < tries; k++)
    {
      double mid = k == 0 ? first : (lo + hi) / 2;
      LimberHandoutBlock *built;

      b->picture_scale = mid;
      _limber_handout_build_stretch (b, item);
      built = g_ptr_array_steal_index (self->blocks, self->blocks->len - 1);
      if (built->height <= limit)
        {
          g_clear_pointer (&best, _limber_handout_block_free);
          best = built;
          lo = mid;
        }
      else
        {
          _limber_handout_block_free (built);
          hi = mid;
        }
      if (hi <= lo)
        break;   /* the end tried first settled it */
    }
  b->picture_scale = 1;
  return best;
}

/* A stretch alone on its page, with room to spare under it, is built
 * again with a bigger picture (up to 1.5 times): the page is its own
 * anyway, and the picture is what the patient copies.  Only the room
 * its page had is used, so the pages stay as they were. */
static void
grow_lone_pictures (LimberHandout        *self,
                    LimberHandoutBuilder *b)
{
  for (guint i = 0; i < self->blocks->len; i++)
    {
      LimberHandoutBlock *block = g_ptr_array_index (self->blocks, i);
      LimberHandoutBlock *best;
      double spare;

      if (block->kind != LIMBER_BLOCK_STRETCH || block->scale < 1 || stretches_on (self, block->page) != 1
          || (spare = page_spare (self, block->page)) < self->metrics.body * 3)
        continue;
      /* The largest picture whose block still fits in the room. */
      best = rebuild_stretch (self, b, block->item, 1, 1.5, 1.5, block->height + spare, 5);
      if (best == NULL)
        continue;
      /* What follows on the page moves down by as much. */
      for (guint k = i + 1; k < self->blocks->len; k++)
        {
          LimberHandoutBlock *next = g_ptr_array_index (self->blocks, k);

          if (next->page == block->page && next->kind != LIMBER_BLOCK_CONTACT)
            next->y += best->height - block->height;
        }
      best->page = block->page;
      best->y = block->y;
      best->scale = 1;
      g_ptr_array_index (self->blocks, i) = best;
      _limber_handout_block_free (block);
    }
}

/* The name of a stretch again, in bold, over the part of it that goes
 * on over the page, so its cautions are never read as another's; the
 * parts under it move down.  Returns the height it added. */
static double
continued_title (LimberHandoutBuilder *b,
                 LimberHandoutBlock   *rest)
{
  LimberProgramItem *item = limber_program_get_item (b->program, (guint) rest->item);
  LimberExercise *exercise = limber_program_item_get_exercise (item);
  LimberDosage dosage;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *markup = NULL;
  PangoLayout *layout;
  PangoRectangle logical;
  double height;

  limber_program_item_get_dosage (item, &dosage);
  name = _limber_handout_side_text (exercise, limber_exercise_peek_text (exercise, LIMBER_EXERCISE_NAME),
                                    b->lang, dosage.side);
  escaped = _limber_handout_escape (name ? name : limber_exercise_get_id (exercise));
  markup = g_strdup_printf ("%d. %s", rest->item + 1, escaped);
  layout = _limber_handout_layout (b, markup, b->m->body, TRUE, b->width);
  pango_layout_get_extents (layout, NULL, &logical);
  height = (double) logical.height / PANGO_SCALE + b->m->body * 0.4;
  for (guint i = 0; i < rest->parts->len; i++)
    {
      LimberHandoutPart *part = &g_array_index (rest->parts, LimberHandoutPart, i);

      part->y += height;
      part->figure_y += height;
    }
  _limber_handout_add_text (rest, layout, 0, 0, limber_handout_ink);
  return height;
}

/* The lowest top of a part of @block, at most @room down, that no other
 * part spans: where the block can go on over the page; 0 for none. */
static double
find_cut (const LimberHandoutBlock *block,
          double                    room)
{
  double cut = 0;

  for (guint i = 0; i < block->parts->len; i++)
    {
      double top = g_array_index (block->parts, LimberHandoutPart, i).y;
      gboolean clear = top > 0 && top <= room && top > cut;

      for (guint k = 0; clear && k < block->parts->len; k++)
        {
          const LimberHandoutPart *other = &g_array_index (block->parts, LimberHandoutPart, k);

          clear = !(other->y < top - 0.01 && other->y + other->h > top + 0.01);
        }
      if (clear)
        cut = top;
    }
  return cut;
}

/* Block @index, a stretch, cut at @cut into its head (a stretch) and the
 * rest (under its name again), which take its place in the list. */
static void
cut_stretch (LimberHandout        *self,
             LimberHandoutBuilder *b,
             guint                 index,
             double                cut)
{
  LimberHandoutBlock *block = g_ptr_array_index (self->blocks, index);
  LimberHandoutBlock *head, *rest;

  head = _limber_handout_block_new (b, LIMBER_BLOCK_STRETCH, block->item);
  rest = _limber_handout_block_new (b, LIMBER_BLOCK_TEXT, block->item);
  g_ptr_array_steal_index (self->blocks, self->blocks->len - 1);
  g_ptr_array_steal_index (self->blocks, self->blocks->len - 1);
  for (guint i = 0; i < block->parts->len; i++)
    {
      LimberHandoutPart part = g_array_index (block->parts, LimberHandoutPart, i);

      if (part.y >= cut - 0.01)
        {
          part.y -= cut;
          part.figure_y -= cut;
          g_array_append_val (rest->parts, part);
        }
      else
        g_array_append_val (head->parts, part);
    }
  head->height = cut;
  rest->height = block->height - cut + continued_title (b, rest);
  /* The parts moved, not copied: the old block goes without clearing them. */
  g_array_set_clear_func (block->parts, NULL);
  _limber_handout_block_free (block);
  g_ptr_array_index (self->blocks, index) = head;
  g_ptr_array_insert (self->blocks, index + 1, rest);
}

/* A stretch still taller than a page once its picture is at half size
 * (many long cautions, a long note): its end (the cautions, the note)
 * goes on to the next page, cut where no part is cut, rather than the
 * whole stretch printed in smaller type. */
static void
split_stretch (LimberHandout        *self,
               LimberHandoutBuilder *b,
               guint                 index)
{
  double cut = find_cut (g_ptr_array_index (self->blocks, index), b->page_room);

  if (cut < b->page_room / 2)
    return;   /* no good place: the whole of it scaled, as before */
  cut_stretch (self, b, index, cut);
}

/* Whether block @index is the head of a stretch split_stretch() split:
 * the rest of it follows, as text of the same stretch. */
static gboolean
is_split_head (LimberHandout *self,
               guint          index)
{
  const LimberHandoutBlock *head = g_ptr_array_index (self->blocks, index);
  const LimberHandoutBlock *rest;

  if (head->kind != LIMBER_BLOCK_STRETCH || index + 1 >= self->blocks->len)
    return FALSE;
  rest = g_ptr_array_index (self->blocks, index + 1);
  return rest->kind == LIMBER_BLOCK_TEXT && rest->item == head->item;
}

/* Where a stretch may be cut at a page's foot: not above its second
 * step, so that its picture and its first step stay together.  Steps,
 * like the stretch's name, are numbered in discs, and a step's text may
 * start up to half a line above its disc.  G_MAXDOUBLE for a stretch of
 * one step. */
static double
second_step_top (const LimberHandoutBlock *block,
                 double                    body)
{
  guint discs = 0;

  for (guint i = 0; i < block->parts->len; i++)
    {
      const LimberHandoutPart *part = &g_array_index (block->parts, LimberHandoutPart, i);

      if (part->kind == LIMBER_PART_DISC && ++discs == 3)
        return part->y - body;
    }
  return G_MAXDOUBLE;
}

/* A split stretch that does not fit under what a page holds already
 * would start on the next page and leave the rest of this one blank: it
 * starts here instead, cut again to the @room there is, if that keeps
 * its picture and first step above the cut and the rest still fits on
 * one page (its name again takes under 3 lines).  TRUE when block
 * @index was cut again: it is then the new head. */
static gboolean
start_split_here (LimberHandout        *self,
                  LimberHandoutBuilder *b,
                  guint                 index,
                  double                room)
{
  LimberHandoutBlock *whole;
  double cut;

  if (!is_split_head (self, index))
    return FALSE;
  _limber_handout_build_stretch (b, ((LimberHandoutBlock *) g_ptr_array_index (self->blocks, index))->item);
  whole = g_ptr_array_steal_index (self->blocks, self->blocks->len - 1);
  cut = find_cut (whole, room);
  if (cut < second_step_top (whole, b->m->body) || whole->height - cut + b->m->body * 3 > b->page_room)
    {
      _limber_handout_block_free (whole);
      return FALSE;
    }
  /* The whole stretch takes the places of its head and its rest, and is
   * cut anew. */
  _limber_handout_block_free (g_ptr_array_steal_index (self->blocks, index + 1));
  _limber_handout_block_free (g_ptr_array_index (self->blocks, index));
  g_ptr_array_index (self->blocks, index) = whole;
  cut_stretch (self, b, index, cut);
  return TRUE;
}

/* A stretch taller than a page would be printed smaller, type and
 * all (paginate() scales a block to its room), and the type must stay
 * large: so the picture gives way first, down to half its size; if
 * that is not enough, the stretch goes on over the page.  A German or
 * French stretch with many cautions needs this. */
static void
fit_tall_stretches (LimberHandout        *self,
                    LimberHandoutBuilder *b)
{
  for (guint i = 0; i < self->blocks->len; i++)
    {
      LimberHandoutBlock *block = g_ptr_array_index (self->blocks, i);
      LimberHandoutBlock *best;

      if (block->kind != LIMBER_BLOCK_STRETCH || block->height <= b->page_room)
        continue;
      /* The largest picture whose block fits a page. */
      best = rebuild_stretch (self, b, block->item, 0.5, 1, 0.5, b->page_room, 6);
      if (best == NULL)
        {
          /* Even half a picture leaves it too tall: the picture stays
           * whole, and the stretch goes on over the page. */
          split_stretch (self, b, i);
          continue;
        }
      g_ptr_array_index (self->blocks, i) = best;
      _limber_handout_block_free (block);
    }
}

static void
build (LimberHandout *self,
       LimberProgram *program)
{
  LimberHandoutBuilder b = { 0 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (program));
  gboolean compact = self->options.layout == LIMBER_HANDOUT_COMPACT;
  gboolean pictures = FALSE;
  g_autofree char *message = NULL;

  b.pango = self->pango;
  b.m = &self->metrics;
  b.options = &self->options;
  b.program = program;
  b.lang = self->lang;
  b.width = self->page_width - 2 * self->metrics.margin;
  b.page_room = page_bottom (self) - page_top (self, 1);
  b.blocks = self->blocks;
  if (self->options.clinic_logo != NULL && *self->options.clinic_logo != '\0')
    {
      b.logo = _limber_handout_picture_load_file (self->options.clinic_logo, &message);
      if (b.logo == NULL)
        g_message ("The clinic’s logo %s is left out: %s", self->options.clinic_logo, message);
    }

  _limber_handout_build_header (&b);
  /* Page 1 says what the program is and what it is for (the
   * therapist's advice), when to stop, and the words the stretches
   * use, before the first of them: at 14 pt a stretch takes most of a
   * page, so page 1 is a "read this first" page rather than a header
   * and blank paper.  The compact sheet, a one-page reminder, leaves
   * the advice and the words out for its log. */
  if (n > 0)
    _limber_handout_build_summary (&b);
  if (!compact)
    _limber_handout_build_notes (&b);
  if (n > 0)
    {
      _limber_handout_build_pain (&b);
      if (!compact)
        _limber_handout_build_words (&b);
    }
  if (n == 0)
    {
      LimberHandoutBlock *block = _limber_handout_block_new (&b, LIMBER_BLOCK_TEXT, -1);
      g_autofree char *text = _limber_handout_escape (limber_phrases_get (LIMBER_PHRASE_NO_STRETCHES, b.lang));

      block->height = _limber_handout_add_text (block, _limber_handout_layout (&b, text, b.m->body, FALSE, b.width),
                                                0, 0, limber_handout_grey);
    }
  for (guint i = 0; compact && i < n; i++)
    pictures |= _limber_handout_item_has_picture (program, i);
  for (guint i = 0; i < n; i++)
    {
      if (compact)
        _limber_handout_build_row (&b, i, pictures);
      else
        _limber_handout_build_stretch (&b, i);
    }
  /* The recap, after the stretches; the compact sheet is itself one. */
  if (n > 0 && !compact)
    _limber_handout_build_key_points (&b);
  if (self->options.therapist_copy)
    _limber_handout_build_exams (&b);
  _limber_handout_build_log (&b);
  if (!compact)
    _limber_handout_build_your_notes (&b);
  _limber_handout_build_contact (&b);
  if (!compact)
    fit_tall_stretches (self, &b);
  paginate (self, &b);
  if (!compact)
    grow_lone_pictures (self, &b);
  g_clear_pointer (&b.logo, _limber_handout_picture_unref);
}

static void
build_running_header (LimberHandout *self,
                      LimberProgram *program)
{
  LimberHandoutBuilder b = { .pango = self->pango };
  const char *patient = limber_program_get_patient_name (program);
  const char *clinic = self->options.clinic_name && *self->options.clinic_name
                       ? self->options.clinic_name : limber_program_get_clinic (program);
  double width = self->page_width - 2 * self->metrics.margin;
  g_autoptr(GString) left = g_string_new (NULL);
  g_autofree char *left_markup = NULL;
  g_autofree char *right_markup = _limber_handout_escape (clinic);

  if (self->title != NULL)
    g_string_append (left, self->title);
  if (patient != NULL && *patient != '\0')
    g_string_append_printf (left, "%s%s", left->len ? " · " : "", patient);
  left_markup = _limber_handout_escape (left->str);
  self->running_left = _limber_handout_layout (&b, left_markup, self->metrics.small, FALSE, width * 0.62);
  self->running_right = _limber_handout_layout (&b, right_markup, self->metrics.small, FALSE, width * 0.36);
  pango_layout_set_ellipsize (self->running_left, PANGO_ELLIPSIZE_END);
  pango_layout_set_ellipsize (self->running_right, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (self->running_right, PANGO_ALIGN_RIGHT);
}

/**
 * limber_handout_new:
 * @options: (nullable): how; %NULL for the defaults
 *
 * Lays out @program as it is now: later edits to it do not change the
 * handout (make a new one).
 */
static gboolean
read_iso_date (const char *text,
               GDate      *date)
{
  int year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* The patient is asked to bring the log to the next visit: when that is
 * more than a week after the program's date, a one-week log would leave
 * days with nowhere to tick, so the log covers two weeks. */
static gboolean
visit_after_a_week (LimberProgram *program)
{
  GDate created, next;

  return read_iso_date (limber_program_get_created (program), &created)
         && read_iso_date (limber_program_get_field (program, LIMBER_PROGRAM_NEXT_VISIT), &next)
         && g_date_days_between (&created, &next) > 7;
}

LimberHandout *
limber_handout_new (LimberProgram              *program,
                    const LimberHandoutOptions *options)
{
  LimberHandout *self;
  const char *lang;

  g_return_val_if_fail (LIMBER_IS_PROGRAM (program), NULL);

  self = g_object_new (LIMBER_TYPE_HANDOUT, NULL);
  if (options != NULL)
    limber_handout_options_copy (&self->options, options);
  if (self->options.days != 14)
    self->options.days = 7;
  /* Not in the compact layout: its promise is one sheet. */
  if (self->options.days == 7 && self->options.layout != LIMBER_HANDOUT_COMPACT
      && visit_after_a_week (program))
    self->options.days = 14;
  self->metrics = layouts[CLAMP (self->options.layout, LIMBER_HANDOUT_LARGE, LIMBER_HANDOUT_COMPACT)];
  limber_paper_get_size (self->options.paper, &self->page_width, &self->page_height);

  lang = self->options.language != NULL && *self->options.language ? self->options.language
         : limber_program_get_language (program);
  self->lang = g_strdup (lang != NULL && *lang ? lang : "en");
  {
    LimberHandoutBuilder b = { .program = program, .lang = self->lang };

    self->title = g_strdup (_limber_handout_program_text (&b, LIMBER_PROGRAM_TITLE));
  }
  self->therapist = g_strdup (limber_program_get_therapist (program));

  self->pango = _limber_handout_pango_context ();
  pango_context_set_language (self->pango, pango_language_from_string (self->lang));
  build_running_header (self, program);
  build (self, program);
  self->borrowed = limber_handout_find_borrowed (program, &self->options);
  return self;
}

/**
 * limber_handout_get_borrowed:
 *
 * Which of the program's own texts (its title, its advice, the notes
 * of its stretches) the handout printed in another language than its
 * own, because the program has none in the handout's: the app warns
 * the therapist before printing.
 */
LimberHandoutBorrowed
limber_handout_get_borrowed (LimberHandout *self)
{
  g_return_val_if_fail (LIMBER_IS_HANDOUT (self), LIMBER_HANDOUT_BORROWED_NONE);
  return self->borrowed;
}

static gboolean
same_language (const char *a,
               const char *b)
{
  gsize la, lb;

  a = a != NULL && *a ? a : "en";
  b = b != NULL && *b ? b : "en";
  la = strcspn (a, "-_.@");
  lb = strcspn (b, "-_.@");
  return la == lb && g_ascii_strncasecmp (a, b, la) == 0;
}

/* The program's title or notes in the handout's language: its own text
 * when it is in that language, else its translation, else its own text
 * (which is then borrowed, and said so). */
const char *
_limber_handout_program_text (LimberHandoutBuilder *b,
                              LimberProgramField    field)
{
  const char *own = limber_program_get_field (b->program, field);
  const LimberText *others;
  const char *text;

  if (own == NULL || *own == '\0' || same_language (b->lang, limber_program_get_language (b->program)))
    return own;
  others = _limber_program_get_translations (b->program, field);
  if (others != NULL && (text = limber_text_get_exact (others, b->lang)) != NULL && *text != '\0')
    return text;
  b->borrowed |= field == LIMBER_PROGRAM_TITLE ? LIMBER_HANDOUT_BORROWED_TITLE : LIMBER_HANDOUT_BORROWED_NOTES;
  return own;
}

/**
 * limber_handout_find_borrowed:
 * @options: (nullable): as for limber_handout_new()
 *
 * What limber_handout_get_borrowed() would say of the handout of
 * @program, without laying it out.
 */
LimberHandoutBorrowed
limber_handout_find_borrowed (LimberProgram              *program,
                              const LimberHandoutOptions *options)
{
  const char *lang = options != NULL && options->language != NULL && *options->language
                     ? options->language : limber_program_get_language (program);
  LimberHandoutBuilder b = { .program = program, .lang = lang != NULL && *lang ? lang : "en" };

  g_return_val_if_fail (LIMBER_IS_PROGRAM (program), LIMBER_HANDOUT_BORROWED_NONE);

  _limber_handout_program_text (&b, LIMBER_PROGRAM_TITLE);
  _limber_handout_program_text (&b, LIMBER_PROGRAM_NOTES);
  if (!same_language (b.lang, limber_program_get_language (program)))
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (program)); i++)
      {
        LimberProgramItem *item = limber_program_get_item (program, i);
        const char *note = limber_program_item_get_note (item);
        const LimberText *others = _limber_program_item_get_note_translations (item);
        const char *text = others != NULL ? limber_text_get_exact (others, b.lang) : NULL;

        if (note != NULL && *note != '\0' && (text == NULL || *text == '\0'))
          b.borrowed |= LIMBER_HANDOUT_BORROWED_ITEM_NOTES;
      }
  return b.borrowed;
}

int
limber_handout_get_n_pages (LimberHandout *self)
{
  g_return_val_if_fail (LIMBER_IS_HANDOUT (self), 0);
  return self->n_pages;
}

/* In points. */
void
limber_handout_get_page_size (LimberHandout *self,
                              double        *width,
                              double        *height)
{
  g_return_if_fail (LIMBER_IS_HANDOUT (self));
  if (width != NULL)
    *width = self->page_width;
  if (height != NULL)
    *height = self->page_height;
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y,
           LimberRgb    color)
{
  cairo_set_source_rgb (cr, color.red, color.green, color.blue);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static void
draw_rule (cairo_t   *cr,
           double     x0,
           double     x1,
           double     y,
           double     width,
           LimberRgb  color)
{
  cairo_new_path (cr);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_set_line_width (cr, width);
  cairo_set_source_rgb (cr, color.red, color.green, color.blue);
  cairo_stroke (cr);
}

/* The slim header of later pages, and the page number at the foot. */
static void
draw_chrome (LimberHandout *self,
             cairo_t       *cr,
             int            page)
{
  const LimberHandoutMetrics *m = &self->metrics;
  LimberHandoutBuilder b = { .pango = self->pango };
  double width = self->page_width - 2 * m->margin;
  g_autofree char *number = limber_phrases_page (page + 1, self->n_pages, self->lang);
  g_autofree char *escaped = _limber_handout_escape (number);
  g_autoptr(PangoLayout) footer = _limber_handout_layout (&b, escaped, m->small, FALSE, width);

  if (page > 0)
    {
      draw_text (cr, self->running_left, m->margin, m->margin, limber_handout_grey);
      draw_text (cr, self->running_right, m->margin + width * 0.64, m->margin, limber_handout_grey);
      draw_rule (cr, m->margin, m->margin + width, m->margin + m->small * 1.45, 0.75, limber_handout_rule);
    }
  pango_layout_set_alignment (footer, PANGO_ALIGN_CENTER);
  draw_text (cr, footer, m->margin, self->page_height - m->margin - footer_height (self), limber_handout_grey);
}

/**
 * limber_handout_draw_page:
 * @cr: any cairo context, in points: one unit is 1/72 inch on paper
 * @page: from 0
 *
 * Draws the page, white background included, with its top left corner
 * at @cr's origin.  The preview, the printer and the PDF file all draw
 * pages with this.
 */
void
limber_handout_draw_page (LimberHandout *self,
                          cairo_t       *cr,
                          int            page)
{
  const LimberHandoutMetrics *m;
  double width;
  const LimberHandoutBlock *previous = NULL;

  g_return_if_fail (LIMBER_IS_HANDOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page >= 0 && page < self->n_pages);

  m = &self->metrics;
  width = self->page_width - 2 * m->margin;
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  draw_chrome (self, cr, page);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const LimberHandoutBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->page != page)
        continue;
      /* A thin rule between two stretches of the large layouts. */
      if (block->kind == LIMBER_BLOCK_STRETCH && previous != NULL && previous->kind == LIMBER_BLOCK_STRETCH
          && self->options.layout != LIMBER_HANDOUT_COMPACT)
        draw_rule (cr, m->margin, m->margin + width, block->y - m->gap / 2, 0.75, limber_handout_rule);
      cairo_save (cr);
      cairo_translate (cr, m->margin + width * (1 - block->scale) / 2, block->y);
      cairo_scale (cr, block->scale, block->scale);
      _limber_handout_draw_block (block, cr);
      cairo_restore (cr);
      previous = block;
    }
  cairo_restore (cr);
}

/* For the PDF's metadata. */
const char *
_limber_handout_get_title (LimberHandout *self)
{
  return self->title;
}

const char *
_limber_handout_get_author (LimberHandout *self)
{
  return self->therapist;
}
