/* limber-handout-private.h — the handout's blocks, between the files
 * that build, measure and draw them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "limber-exam-chart.h"
#include "limber-figure-draw.h"
#include "limber-handout.h"

G_BEGIN_DECLS

/* Sans-serif that Debian ships by default (fonts-dejavu-core), then
 * whatever the system calls Sans. */
#define LIMBER_HANDOUT_FONT "DejaVu Sans, Sans"

/* ------------------------------------------------------------------ */
/* Pictures: a clinic's logo, an exercise's photo or drawing           */

typedef struct _LimberHandoutPicture LimberHandoutPicture;

LimberHandoutPicture *_limber_handout_picture_new       (GBytes                *bytes,
                                                         const char            *declared_type,
                                                         char                 **message);
LimberHandoutPicture *_limber_handout_picture_load_file (const char            *path,
                                                         char                 **message);
LimberHandoutPicture *_limber_handout_picture_ref       (LimberHandoutPicture  *self);
void                  _limber_handout_picture_unref     (LimberHandoutPicture  *self);
void                  _limber_handout_picture_get_size  (LimberHandoutPicture  *self,
                                                         double                *width,
                                                         double                *height);
void                  _limber_handout_picture_draw      (LimberHandoutPicture  *self,
                                                         cairo_t               *cr,
                                                         double                 x,
                                                         double                 y,
                                                         double                 width,
                                                         double                 height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberHandoutPicture, _limber_handout_picture_unref)

/* ------------------------------------------------------------------ */
/* Blocks and their parts                                             */

typedef enum
{
  LIMBER_PART_TEXT,      /* a PangoLayout, its top left at x, y */
  LIMBER_PART_BOX,       /* a rectangle, filled, or stroked if line_width > 0 */
  LIMBER_PART_LINE,      /* from x, y to x + w, y + h */
  LIMBER_PART_DISC,      /* a filled circle in the box */
  LIMBER_PART_WARNING,   /* a warning triangle in the box */
  LIMBER_PART_FIGURE,    /* a pictogram */
  LIMBER_PART_PICTURE,   /* a logo or a photo */
  LIMBER_PART_CHART,     /* a row of the exams' progress chart, w wide */
} LimberPartKind;

typedef struct
{
  double red, green, blue;
} LimberRgb;

typedef struct
{
  LimberPartKind        kind;
  double                x, y, w, h;
  LimberRgb             color;
  double                line_width;
  double                radius;
  PangoLayout          *layout;
  LimberFigure         *figure;
  LimberFigureStyle     style;
  double                figure_x, figure_y;  /* the box given to limber_figure_draw() */
  double                figure_w, figure_h;
  LimberHandoutPicture *picture;
  gboolean              mirror;              /* a picture, for the left side */
  LimberExamChart      *chart;
  int                   chart_row;           /* -1 for its legend */
  double                chart_size;          /* its text size */
} LimberHandoutPart;

typedef enum
{
  LIMBER_BLOCK_HEADER,       /* page 1: clinic, title, patient */
  LIMBER_BLOCK_STRETCH,      /* one stretch, never split */
  LIMBER_BLOCK_TEXT,         /* notes, exams */
  LIMBER_BLOCK_GUIDE,        /* page 1: the summary, the pain rule, the words */
  LIMBER_BLOCK_LOG,          /* the tick-box log, or a part of it */
  LIMBER_BLOCK_YOUR_NOTES,   /* lines to write on, only if there is room */
  LIMBER_BLOCK_CONTACT,      /* the clinic's contact line, at the bottom */
} LimberBlockKind;

typedef struct
{
  LimberBlockKind kind;
  int             item;      /* the stretch's position in the program, or -1 */
  double          height;    /* natural, in points */
  GArray         *parts;     /* LimberHandoutPart */

  /* Where pagination put it. */
  int             page;
  double          y;
  double          scale;     /* < 1 for a stretch taller than a page */
} LimberHandoutBlock;

/* Sizes in points for one layout. */
typedef struct
{
  double body;           /* steps, notes */
  double small;          /* labels, the running header, the footer */
  double name;           /* a stretch's name */
  double heading;        /* section headings */
  double title;          /* the program's title */
  double gap;            /* between blocks */
  double margin;         /* around the page: at least 15 mm */
  double body_height;    /* of every figure, in points */
  double picture_height; /* the most a photo may take */
  double log;            /* the tick-box log's words */
  double line_spacing;   /* pango_layout_set_line_spacing(): 0 for the font's own */
  int    max_per_page;   /* stretches; 0 for no limit */
  gboolean picture_beside; /* the picture left of the steps, not above */
} LimberHandoutMetrics;

/* What the block builders share. */
typedef struct
{
  PangoContext               *pango;
  const LimberHandoutMetrics *m;
  const LimberHandoutOptions *options;
  LimberProgram              *program;
  const char                 *lang;        /* of texts: the handout's language */
  double                      width;       /* of the text column */
  double                      page_room;   /* the height of a later page's body */
  GPtrArray                  *blocks;      /* LimberHandoutBlock */
  LimberHandoutPicture       *logo;
  LimberHandoutBorrowed       borrowed;    /* program texts taken from another language */
  double                      picture_scale; /* a stretch's picture, > 1 for one alone on its page; 0 is 1 */
} LimberHandoutBuilder;

/* Colours: black on white, one dark blue that prints as dark grey. */
extern const LimberRgb limber_handout_ink;
extern const LimberRgb limber_handout_grey;
extern const LimberRgb limber_handout_accent;
extern const LimberRgb limber_handout_tint;
extern const LimberRgb limber_handout_rule;

LimberHandoutBlock *_limber_handout_block_new      (LimberHandoutBuilder *b,
                                                    LimberBlockKind       kind,
                                                    int                   item);
void                _limber_handout_block_free     (LimberHandoutBlock   *block);
PangoLayout        *_limber_handout_layout         (LimberHandoutBuilder *b,
                                                    const char           *markup,
                                                    double                size,
                                                    gboolean              bold,
                                                    double                width);
double              _limber_handout_add_text       (LimberHandoutBlock   *block,
                                                    PangoLayout          *layout,
                                                    double                x,
                                                    double                y,
                                                    LimberRgb             color);
LimberHandoutPart  *_limber_handout_add_part       (LimberHandoutBlock   *block,
                                                    LimberPartKind        kind,
                                                    double                x,
                                                    double                y,
                                                    double                w,
                                                    double                h,
                                                    LimberRgb             color);
void                _limber_handout_draw_block     (const LimberHandoutBlock *block,
                                                    cairo_t              *cr);
PangoContext       *_limber_handout_pango_context  (void);

/* limber-handout.c */
const char         *_limber_handout_get_title      (LimberHandout        *self);
const char         *_limber_handout_get_author     (LimberHandout        *self);

/* limber-handout-stretch.c */
void                _limber_handout_build_stretch  (LimberHandoutBuilder *b,
                                                    guint                 index);
void                _limber_handout_build_row      (LimberHandoutBuilder *b,
                                                    guint                 index,
                                                    gboolean              pictures);
gboolean            _limber_handout_item_has_picture (LimberProgram      *program,
                                                    guint                 index);
GPtrArray          *_limber_handout_stretch_steps  (LimberExercise       *exercise,
                                                    const LimberDosage   *dosage,
                                                    const char           *lang);

/* limber-handout-guide.c */
void                _limber_handout_build_summary  (LimberHandoutBuilder *b);
void                _limber_handout_build_pain     (LimberHandoutBuilder *b);
void                _limber_handout_build_words    (LimberHandoutBuilder *b);
void                _limber_handout_build_key_points (LimberHandoutBuilder *b);
int                 _limber_handout_estimate_minutes (LimberProgram      *program);

/* limber-handout-sections.c */
const char         *_limber_handout_program_text   (LimberHandoutBuilder *b,
                                                    LimberProgramField    field);
void                _limber_handout_build_header   (LimberHandoutBuilder *b);
void                _limber_handout_build_notes    (LimberHandoutBuilder *b);
void                _limber_handout_build_exams    (LimberHandoutBuilder *b);

/* limber-handout-chart.c */
void                _limber_handout_build_chart    (LimberHandoutBuilder *b);
void                _limber_handout_build_log      (LimberHandoutBuilder *b);
gboolean            _limber_handout_log_day        (const LimberDosage   *dosage,
                                                    int                   day);
void                _limber_handout_build_your_notes (LimberHandoutBuilder *b);
void                _limber_handout_build_contact  (LimberHandoutBuilder *b);
char               *_limber_handout_escape         (const char           *text);
char               *_limber_handout_side_text      (LimberExercise       *exercise,
                                                    const LimberText     *text,
                                                    const char           *lang,
                                                    LimberSide            side);

G_END_DECLS
