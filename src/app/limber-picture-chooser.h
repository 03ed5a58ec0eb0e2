/* limber-picture-chooser.h — a photo or drawing, chosen and checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_PICTURE_CHOOSER (limber_picture_chooser_get_type ())

G_DECLARE_FINAL_TYPE (LimberPictureChooser, limber_picture_chooser, LIMBER, PICTURE_CHOOSER, GtkBox)

GtkWidget  *limber_picture_chooser_new            (void);
GFile      *limber_picture_chooser_get_file       (LimberPictureChooser *self);
void        limber_picture_chooser_set_file       (LimberPictureChooser *self,
                                                   GFile                *file);
GBytes     *limber_picture_chooser_get_image      (LimberPictureChooser *self);
const char *limber_picture_chooser_get_image_type (LimberPictureChooser *self);
const char *limber_picture_chooser_get_error      (LimberPictureChooser *self);

G_END_DECLS
