/* limber-figure-private.h — the figure's fields, between the files
 * that read, write and solve it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-figure.h"

G_BEGIN_DECLS

struct _LimberFigure
{
  GObject          parent_instance;

  LimberView       view;
  LimberCamera     camera;       /* on: drawn in 3D (yaw, pitch) */
  gboolean         shaped_feet;  /* feet="shaped": wedge feet in 3D */
  GArray          *props;        /* LimberProp */
  GArray          *highlights;   /* LimberHighlight */
  LimberPressure   pressure;
  gboolean         has_pressure;
  LimberArrowKind  arrow_kind;   /* as written */
  int              arrow_point;
  int              arrow_around;
  int              arrow_toes;   /* a foot whose turn gets a small arc, or -1 */
  LimberPose       poses[LIMBER_N_PHASES];

  /* Worked out once, from the above. */
  LimberPoseSolved solved[LIMBER_N_PHASES];
  LimberArrowKind  arrow;
  int              arrow_from;
  int              arrow_pivot;
};

/* The phases' element names, in limber-figure.c. */
extern const char * const _limber_phase_names[LIMBER_N_PHASES];

/* Bounds, in body heights and degrees; keep in sync with the schemas. */
#define ANGLE_MAX   360.0
#define SCALE_MIN   0.3
#define SCALE_MAX   1.0
#define PLACE_MAX   3.0
#define HEIGHT_MAX  1.5
#define WIDTH_MIN   0.05
#define WIDTH_MAX   4.0
#define YAW_MAX     180.0
#define PITCH_MAX   90.0

void _limber_figure_add_pressing_hand (LimberFigure *self);
void _limber_figure_solve             (LimberFigure *self);

G_END_DECLS
