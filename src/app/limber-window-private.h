/* limber-window-private.h — shared by the window's source files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-catalog-pane.h"
#include "limber-library-page.h"
#include "limber-program-editor.h"
#include "limber-program.h"
#include "limber-window.h"

G_BEGIN_DECLS

struct _LimberWindow
{
  AdwApplicationWindow  parent_instance;

  LimberCatalog        *catalog;
  LimberProgram        *program;
  GSettings            *settings;
  GtkFileChooserNative *chooser;
  char                 *draft_id;
  guint                 draft_timeout;
  gboolean              closing;    /* the user chose to close: no more asking */
  guint                 exporting;  /* handouts being written in the background */

  /* Template widgets */
  AdwToastOverlay      *toasts;
  AdwWindowTitle       *title;
  GtkRevealer          *banner;
  GtkLabel             *banner_label;
  LimberCatalogPane    *catalog_pane;
  GtkStack             *program_stack;
  LimberProgramEditor  *program_editor;
  LimberLibraryPage    *library_page;
  GtkMenuButton        *new_button;
  AdwLeaflet           *leaflet;
  GtkWidget            *catalog_side;
  GtkWidget            *program_side;
};

void _limber_window_class_add_actions (GtkWidgetClass *widget_class);
void _limber_window_class_add_handout_actions (GtkWidgetClass *widget_class);
void _limber_window_class_add_send_actions (GtkWidgetClass *widget_class);
void _limber_window_class_add_template_actions (GtkWidgetClass *widget_class);
void _limber_window_update_actions    (LimberWindow   *self);
LimberProgram *_limber_window_new_program (LimberWindow *self);
void _limber_window_set_program       (LimberWindow   *self,
                                       LimberProgram  *program);
LimberWindow *_limber_window_for_program (LimberWindow     *self,
                                          LimberWindowOpen  where);
void _limber_window_toast             (LimberWindow   *self,
                                       const char     *message);
void _limber_window_toast_undo        (LimberWindow   *self,
                                       const char     *message);
void _limber_window_error             (LimberWindow   *self,
                                       const char     *heading,
                                       const char     *message);
void _limber_window_save              (LimberWindow   *self,
                                       gboolean        choose_file,
                                       gboolean        then_close);
void _limber_window_class_add_visit_actions (GtkWidgetClass *widget_class);
void _limber_window_watch_library    (LimberWindow   *self);
void _limber_window_propose_save     (LimberWindow   *self,
                                       GtkFileChooser *chooser);
void _limber_window_close_now        (LimberWindow   *self);
void _limber_window_fill_new_menu    (LimberWindow   *self);
void _limber_window_fill_new_menus   (LimberWindow   *self);
void _limber_window_class_add_adaptive (GtkWidgetClass *widget_class);
void _limber_window_show_catalog      (LimberWindow   *self);
void _limber_window_show_program      (LimberWindow   *self);

G_END_DECLS
