/* limber-figure-draw.h — drawing a figure as a pictogram with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "limber-figure.h"

G_BEGIN_DECLS

typedef enum
{
  LIMBER_FIGURE_SHOW_SHORTENED,    /* the start position only */
  LIMBER_FIGURE_SHOW_LENGTHENED,   /* the end position, with the arrow */
  LIMBER_FIGURE_SHOW_SIDE_BY_SIDE, /* start on the left, end on the right */
  LIMBER_FIGURE_SHOW_OVERLAID,     /* the start faded under the end */
} LimberFigureShow;

typedef enum
{
  LIMBER_FIGURE_SCALE_FIT,         /* as large as the box allows */
  LIMBER_FIGURE_SCALE_FIXED,       /* body_height units per body height */
} LimberFigureScale;

typedef struct
{
  double red, green, blue;         /* 0–1 */
} LimberFigureColor;

typedef struct
{
  LimberFigureShow  show;
  gboolean          mirror;        /* for the left side: the figure faces left */
  LimberFigureScale scale;
  double            body_height;   /* FIXED: the same for every figure of a
                                    * handout, so a lying figure is not drawn
                                    * bigger than a kneeling one; shrunk only
                                    * if the figure would not fit */
  LimberFigureColor near;          /* trunk, head and the right limbs */
  LimberFigureColor far;           /* the left limbs */
  LimberFigureColor accent;        /* tissue, pressure, arrow */
  LimberFigureColor background;    /* also the outlines of near limbs */
  LimberFigureColor prop;          /* mat, bench, ball…: their fill */
  LimberFigureColor prop_edge;     /* the floor, legs, and props' outlines */
  gboolean          fill_background;
  gboolean          draw_props;
  gboolean          draw_highlight;
  gboolean          draw_pressure;
  gboolean          draw_arrow;
} LimberFigureStyle;

void     limber_figure_style_init (LimberFigureStyle       *style);
void     limber_figure_draw       (LimberFigure            *figure,
                                   cairo_t                 *cr,
                                   double                   x,
                                   double                   y,
                                   double                   width,
                                   double                   height,
                                   const LimberFigureStyle *style);

/* For tests: where a point of a phase is drawn in the box. */
gboolean _limber_figure_locate    (LimberFigure            *figure,
                                   double                   x,
                                   double                   y,
                                   double                   width,
                                   double                   height,
                                   const LimberFigureStyle *style,
                                   LimberPhase              phase,
                                   double                   model_x,
                                   double                   model_y,
                                   double                  *box_x,
                                   double                  *box_y);

G_END_DECLS
