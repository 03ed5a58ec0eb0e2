/* limber-pose-editor.h — posing a stick figure, joint by joint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "limber-catalog.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_POSE_EDITOR (limber_pose_editor_get_type ())

G_DECLARE_FINAL_TYPE (LimberPoseEditor, limber_pose_editor, LIMBER, POSE_EDITOR, GtkBox)

GtkWidget     *limber_pose_editor_new         (LimberCatalog    *catalog);
LimberCatalog *limber_pose_editor_get_catalog (LimberPoseEditor *self);
void           limber_pose_editor_set_catalog (LimberPoseEditor *self,
                                               LimberCatalog    *catalog);
LimberFigure  *limber_pose_editor_get_figure  (LimberPoseEditor *self);
void           limber_pose_editor_start_from  (LimberPoseEditor *self,
                                               LimberExercise   *exercise);

G_END_DECLS
