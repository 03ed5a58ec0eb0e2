/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-test-utils.h — helpers the tests share, GLib only
 *
 * For every test, core or GUI: running the main loop for a while or
 * until something holds, removing a temporary folder, and making root
 * obey file permissions for a while.  The GTK
 * helpers are in limber-test-gui.h, so that the core tests need not
 * link GTK.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What limber_test_wait_for() waits on: TRUE when it holds. */
typedef gboolean (*LimberTestDoneFunc) (gpointer data);

void     limber_test_spin        (guint              ms);
gboolean limber_test_wait_for    (LimberTestDoneFunc done,
                                  gpointer           data);
void     limber_test_delete_tree (GFile             *file);
gboolean limber_test_obey_permissions (gboolean      obey);
gboolean limber_test_obey_permissions_everywhere (gboolean obey);

G_END_DECLS
