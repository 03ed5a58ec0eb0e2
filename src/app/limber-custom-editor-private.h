/* limber-custom-editor-private.h — shared by the custom stretch
 * editor's source files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-custom-editor.h"
#include "limber-exercise.h"

G_BEGIN_DECLS

/* The joints with a slider (the table is in limber-custom-editor-figure.c). */
#define N_JOINTS 12

struct _LimberCustomEditor
{
  AdwWindow             parent_instance;

  LimberCatalog        *catalog;
  GPtrArray            *bases;     /* LimberExercise with a figure, as base_row lists them */
  LimberFigure         *figure;    /* the pose being made: always a copy */
  GtkScale             *scales[LIMBER_N_PHASES][N_JOINTS];
  GtkWidget            *joint_labels[LIMBER_N_PHASES][N_JOINTS];
  GPtrArray            *equipment; /* GtkCheckButton, in vocabulary order */
  GBytes               *image;
  char                 *image_type;
  GCancellable         *loading;
  GtkFileChooserNative *chooser;
  guint                 updating;  /* > 0 while the code fills widgets */
  gboolean              dirty;
  gboolean              closing;

  /* Template widgets */
  AdwEntryRow          *name_row;
  AdwComboRow          *region_row;
  AdwEntryRow          *tissue_row;
  GtkMenuButton        *tissue_menu;
  AdwComboRow          *position_row;
  AdwExpanderRow       *equipment_row;
  GtkLabel             *fields_error;
  AdwEntryRow          *summary_row;
  GtkTextView          *texts[LIMBER_EXERCISE_N_TEXTS];  /* the long texts only */
  AdwEntryRow          *caution_row;
  GtkSpinButton        *spins[LIMBER_DOSAGE_N_FIELDS];
  AdwComboRow          *side_row;
  GtkToggleButton      *figure_toggle;
  GtkToggleButton      *photo_toggle;
  GtkStack             *mode_stack;
  GtkDrawingArea       *preview;
  AdwComboRow          *base_row;
  GtkStack             *phase_stack;
  GtkStack             *picture_stack;
  GtkPicture           *picture;
  GtkLabel             *picture_name;
  GtkLabel             *picture_error;
};

void            _limber_custom_editor_changed           (LimberCustomEditor  *self);

/* The figure: limber-custom-editor-figure.c */
void            _limber_custom_editor_class_add_figure  (GtkWidgetClass      *widget_class);
void            _limber_custom_editor_init_figure       (LimberCustomEditor  *self);
void            _limber_custom_editor_fill_bases        (LimberCustomEditor  *self);

/* The picture: limber-custom-editor-picture.c */
void            _limber_custom_editor_class_add_picture (GtkWidgetClass      *widget_class);
void            _limber_custom_editor_init_picture      (LimberCustomEditor  *self);

/* The fields: limber-custom-editor-fields.c */
void            _limber_custom_editor_class_add_fields  (GtkWidgetClass      *widget_class);
void            _limber_custom_editor_init_fields       (LimberCustomEditor  *self);
void            _limber_custom_editor_fill_tissue_menu  (LimberCustomEditor  *self);
gboolean        _limber_custom_editor_check_required    (LimberCustomEditor  *self);
LimberExercise *_limber_custom_editor_build_exercise    (LimberCustomEditor  *self,
                                                         GError             **error);

G_END_DECLS
