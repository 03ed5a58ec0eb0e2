/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-test-gui.h — helpers the GUI tests share
 *
 * Starting GTK for a test, finding widgets and windows, conditions to
 * wait on with limber_test_wait_for(), and screenshots to look at.
 */
#pragma once

#include <adwaita.h>

#include "limber-catalog.h"

#include "limber-test-utils.h"

G_BEGIN_DECLS

/* Which labels limber_test_find_label() takes. */
typedef enum
{
  LIMBER_TEST_ANY,     /* shown or not */
  LIMBER_TEST_VISIBLE, /* gtk_widget_get_visible () */
  LIMBER_TEST_MAPPED,  /* on screen: gtk_widget_get_mapped () */
} LimberTestShown;

gboolean          limber_test_gui_init              (int            *argc,
                                                     char         ***argv);

gboolean          limber_test_is_mapped             (gpointer        widget);
void              limber_test_wait_catalog          (LimberCatalog  *catalog);
gboolean          limber_test_focus_is_in           (gpointer        widget);

GtkWidget        *limber_test_find_widget           (GtkWidget      *root,
                                                     GType           type);
GtkWidget        *limber_test_find_nth_widget       (GtkWidget      *root,
                                                     GType           type,
                                                     guint           n);
GtkWidget        *limber_test_find_named            (GtkWidget      *root,
                                                     const char     *name);
GtkWidget        *limber_test_find_label            (GtkWidget      *root,
                                                     const char     *text,
                                                     LimberTestShown shown);

AdwMessageDialog *limber_test_find_message_dialog   (const char     *heading);
gboolean          limber_test_has_message_dialog    (gpointer        heading);
GtkWindow        *limber_test_find_toplevel         (GType           type,
                                                     const char     *title);
gboolean          limber_test_has_toplevel_titled   (gpointer        title);
gboolean          limber_test_has_toplevel_of_type  (gpointer        type);
guint             limber_test_count_toplevels       (GType           type);

GtkDropTarget    *limber_test_find_drop_target      (GtkWidget      *root,
                                                     GType           type);
GtkWidget        *limber_test_find_label_containing (GtkWidget      *root,
                                                     const char     *text);
gboolean          limber_test_wait_for_label        (GtkWidget      *root,
                                                     const char     *text);

void              limber_test_maybe_screenshot      (GtkWidget      *widget,
                                                     const char     *name);
void              limber_test_maybe_screenshot_full (GtkWidget      *widget,
                                                     const char     *name,
                                                     guint           settle_ms);

G_END_DECLS
