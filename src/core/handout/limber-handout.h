/* limber-handout.h — a program laid out as pages for the patient
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "limber-program.h"

G_BEGIN_DECLS

typedef enum
{
  LIMBER_HANDOUT_LARGE,     /* body ≥ 14 pt, one or two stretches a page */
  LIMBER_HANDOUT_STANDARD,  /* body ≥ 12 pt, two or three a page */
  LIMBER_HANDOUT_COMPACT,   /* a one-page reminder: picture, name, dosage */
} LimberHandoutLayout;

typedef enum
{
  LIMBER_PAPER_A4,
  LIMBER_PAPER_LETTER,
} LimberPaper;

/* What to print and how.  Strings are owned: limber_handout_options_clear()
 * frees them. */
typedef struct
{
  LimberHandoutLayout layout;
  LimberPaper         paper;
  char               *language;        /* NULL: the program's */
  char               *clinic_name;     /* NULL or "": the program's clinic */
  char               *clinic_address;
  char               *clinic_phone;
  char               *clinic_logo;     /* a PNG, JPEG or SVG file, or NULL */
  int                 days;            /* in the tick-box log: 7 or 14 */
  gboolean            therapist_copy;  /* adds the exams and progress */
} LimberHandoutOptions;

/* Program texts a handout had to print in another language than its
 * own, because the program has none in it. */
typedef enum
{
  LIMBER_HANDOUT_BORROWED_NONE       = 0,
  LIMBER_HANDOUT_BORROWED_TITLE      = 1 << 0,
  LIMBER_HANDOUT_BORROWED_NOTES      = 1 << 1,  /* the program's advice */
  LIMBER_HANDOUT_BORROWED_ITEM_NOTES = 1 << 2,  /* a stretch's note */
} LimberHandoutBorrowed;

#define LIMBER_TYPE_HANDOUT (limber_handout_get_type ())

G_DECLARE_FINAL_TYPE (LimberHandout, limber_handout, LIMBER, HANDOUT, GObject)

void           limber_handout_options_init          (LimberHandoutOptions       *options);
void           limber_handout_options_clear         (LimberHandoutOptions       *options);
void           limber_handout_options_copy          (LimberHandoutOptions       *dest,
                                                     const LimberHandoutOptions *src);
void           limber_handout_options_load_settings (LimberHandoutOptions       *options,
                                                     GSettings                  *settings);
gboolean       limber_handout_layout_from_string    (const char                 *text,
                                                     LimberHandoutLayout        *layout);
gboolean       limber_paper_from_string             (const char                 *text,
                                                     LimberPaper                *paper);
void           limber_paper_get_size                (LimberPaper                 paper,
                                                     double                     *width,
                                                     double                     *height);

LimberHandout *limber_handout_new                   (LimberProgram              *program,
                                                     const LimberHandoutOptions *options);
int            limber_handout_get_n_pages           (LimberHandout              *self);
LimberHandoutBorrowed limber_handout_get_borrowed   (LimberHandout              *self);
LimberHandoutBorrowed limber_handout_find_borrowed  (LimberProgram              *program,
                                                     const LimberHandoutOptions *options);
void           limber_handout_get_page_size         (LimberHandout              *self,
                                                     double                     *width,
                                                     double                     *height);
void           limber_handout_draw_page             (LimberHandout              *self,
                                                     cairo_t                    *cr,
                                                     int                         page);
gboolean       limber_handout_write_pdf             (LimberHandout              *self,
                                                     GFile                      *file,
                                                     GError                    **error);
void           limber_handout_export_pdf_async      (LimberProgram              *program,
                                                     const LimberHandoutOptions *options,
                                                     GFile                      *file,
                                                     GCancellable               *cancellable,
                                                     GAsyncReadyCallback         callback,
                                                     gpointer                    user_data);
gboolean       limber_handout_export_pdf_finish     (GAsyncResult               *result,
                                                     GError                    **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LimberHandoutOptions, limber_handout_options_clear)

G_END_DECLS
