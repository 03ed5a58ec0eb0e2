/* limber-figure.h — an exercise's pictogram, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <libxml/tree.h>

#include "limber-figure-pose.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_FIGURE (limber_figure_get_type ())

G_DECLARE_FINAL_TYPE (LimberFigure, limber_figure, LIMBER, FIGURE, GObject)

typedef enum
{
  LIMBER_PHASE_SHORTENED,
  LIMBER_PHASE_LENGTHENED,
  LIMBER_N_PHASES
} LimberPhase;

/* A stretch of the tissue on one segment (FORMATS: <highlight>). */
typedef struct
{
  int           segment;
  double        from, to;   /* along the segment, 0 near end, 1 far */
  LimberSurface surface;
  long          line;
} LimberHighlight;

LimberFigure           *limber_figure_new_from_xml   (xmlNode       *node,
                                                      const char    *display_name,
                                                      GPtrArray     *problems);
xmlNode                *limber_figure_write_xml      (LimberFigure  *self,
                                                      xmlNode       *parent);
gboolean                limber_figure_equal          (LimberFigure  *a,
                                                      LimberFigure  *b);
LimberView              limber_figure_get_view       (LimberFigure  *self);
const LimberCamera     *limber_figure_get_camera     (LimberFigure  *self);
gboolean                limber_figure_get_shaped_feet (LimberFigure *self);
int                     limber_figure_get_arrow_toes (LimberFigure  *self);
const LimberPose       *limber_figure_get_pose       (LimberFigure  *self,
                                                      LimberPhase    phase);
const LimberPoseSolved *limber_figure_get_solved     (LimberFigure  *self,
                                                      LimberPhase    phase);
const LimberProp       *limber_figure_get_props      (LimberFigure  *self,
                                                      guint         *n_props);
const LimberHighlight  *limber_figure_get_highlights (LimberFigure  *self,
                                                      guint         *n_highlights);
const LimberPressure   *limber_figure_get_pressure   (LimberFigure  *self);
LimberArrowKind         limber_figure_get_arrow      (LimberFigure  *self,
                                                      int           *point,
                                                      int           *pivot);
void                    limber_figure_get_scene      (LimberFigure  *self,
                                                      LimberScene   *scene);

G_END_DECLS

/* Editing (the custom exercise editor). */
G_BEGIN_DECLS
LimberFigure           *limber_figure_copy            (LimberFigure  *self);
double                  limber_figure_get_angle       (LimberFigure  *self,
                                                       LimberPhase    phase,
                                                       const char    *joint);
void                    limber_figure_set_angle       (LimberFigure  *self,
                                                       LimberPhase    phase,
                                                       const char    *joint,
                                                       double         degrees);
gboolean                limber_figure_set_camera      (LimberFigure  *self,
                                                       double         yaw,
                                                       double         pitch);
gboolean                limber_figure_joint_is_placed (LimberFigure  *self,
                                                       LimberPhase    phase,
                                                       const char    *joint);
G_END_DECLS
