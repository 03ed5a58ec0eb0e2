/* limber-figure-draw-private.h — what the files that draw a figure
 * share: the drawing's context, its colours and bounds, and the parts
 * each file draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-figure-draw.h"

G_BEGIN_DECLS

typedef struct
{
  double x0, y0, x1, y1;
} Bounds;

typedef struct
{
  LimberFigureColor near, far, accent, background, prop, prop_dark;
} Palette;

typedef struct
{
  LimberFigure            *figure;
  cairo_t                 *cr;
  const LimberFigureStyle *style;
  LimberView               view;
  Bounds                   body;   /* of the drawn phases: floor and mat go under it */
} Ctx;

/* Colours and paths: limber-figure-draw-paths.c */
LimberFigureColor _limber_draw_mix             (LimberFigureColor        a,
                                                LimberFigureColor        b,
                                                double                   t);
void              _limber_draw_palette_init    (Palette                 *pal,
                                                const LimberFigureStyle *style,
                                                gboolean                 faded);
void              _limber_draw_set_color       (cairo_t                 *cr,
                                                LimberFigureColor        c);
void              _limber_draw_path_circle     (cairo_t                 *cr,
                                                double                   x,
                                                double                   y,
                                                double                   r);
void              _limber_draw_path_segment    (Ctx                     *ctx,
                                                const LimberPoseSolved  *s,
                                                LimberSegment            segment,
                                                double                   grow);
void              _limber_draw_path_rounded_polygon (cairo_t            *cr,
                                                const double            *cx,
                                                const double            *cy,
                                                int                      n,
                                                double                   r);

/* Feet drawn as wedges (feet="shaped"): limber-figure-draw-foot.c */
gboolean          _limber_draw_path_foot       (Ctx                     *ctx,
                                                const LimberPoseSolved  *s,
                                                LimberSegment            segment,
                                                double                   grow);
void              _limber_draw_foot_bounds     (Ctx                     *ctx,
                                                const LimberPoseSolved  *s,
                                                Bounds                  *b);
int               _limber_draw_foot_turn       (Ctx                     *ctx,
                                                double                  *x,
                                                double                  *y,
                                                int                      max);
void              _limber_draw_foot_sole       (Ctx                     *ctx,
                                                const LimberPoseSolved  *s,
                                                LimberLimb               limb,
                                                LimberFigureColor        color,
                                                const Palette           *pal);

/* Bounds: limber-figure-draw-paths.c */
void              _limber_draw_bounds_empty    (Bounds                  *b);
void              _limber_draw_bounds_add      (Bounds                  *b,
                                                double                   x,
                                                double                   y,
                                                double                   r);
void              _limber_draw_bounds_union    (Bounds                  *b,
                                                const Bounds            *other);

/* The body: limber-figure-draw-body.c */
void              _limber_draw_body_bounds     (Ctx                     *ctx,
                                                const LimberPoseSolved  *s,
                                                Bounds                  *b);
void              _limber_draw_body            (Ctx                     *ctx,
                                                const LimberPoseSolved  *s,
                                                const Palette           *pal,
                                                gboolean                 marks);

/* The floor and the props: limber-figure-draw-props.c */
void              _limber_draw_scene_bounds    (Ctx                     *ctx,
                                                Bounds                  *b);
void              _limber_draw_attached_bounds (Ctx                     *ctx,
                                                const LimberPoseSolved  *s,
                                                Bounds                  *b);
void              _limber_draw_scene           (Ctx                     *ctx,
                                                const Palette           *pal);
void              _limber_draw_attached        (Ctx                     *ctx,
                                                const LimberPoseSolved  *s,
                                                const Palette           *pal,
                                                gboolean                 marks);
void              _limber_draw_straps          (Ctx                     *ctx,
                                                const LimberPoseSolved  *s,
                                                const Palette           *pal);

/* The floor and props through a camera: limber-figure-draw-room.c */
void              _limber_draw_room_bounds     (Ctx                     *ctx,
                                                Bounds                  *b);
void              _limber_draw_room            (Ctx                     *ctx,
                                                const Palette           *pal);

/* The movement arrow: limber-figure-draw-arrow.c */
void              _limber_draw_arrow_bounds    (Ctx                     *ctx,
                                                Bounds                  *b);
void              _limber_draw_arrow           (Ctx                     *ctx);

G_END_DECLS
