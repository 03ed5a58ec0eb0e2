/* limber-screenshots.c — the screenshots of the AppStream metainfo
 *
 * Not a test: build-aux/screenshots.sh runs it under Xvfb, with its own
 * D-Bus session, settings in memory and empty XDG folders, so that the
 * pictures show Limber as a new user sees it.  It opens the example
 * program in a real window and saves, as PNGs in $LIMBER_SCREENSHOT,
 * what GTK draws of the main window, the handout preview (win.preview)
 * and the examination dialog (win.add-exam).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "limber-application.h"
#include "limber-paths.h"
#include "limber-test-gui.h"
#include "limber-window.h"

/* The size Flathub shows well (16:10, under 1920 pixels wide). */
#define WIDTH  1280
#define HEIGHT 800

static void
shoot_main_window (LimberWindow *window)
{
  limber_test_maybe_screenshot_full (GTK_WIDGET (window), "main-window.png", 1000);
}

static void
shoot_preview (LimberWindow *window)
{
  GtkWindow *preview;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preview", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_toplevel_titled, (gpointer) "Handout"));
  preview = limber_test_find_toplevel (GTK_TYPE_WINDOW, "Handout");
  gtk_window_set_default_size (preview, WIDTH, HEIGHT);
  limber_test_maybe_screenshot_full (GTK_WIDGET (preview), "handout-preview.png", 1500);
  gtk_window_destroy (preview);
}

static void
shoot_exam_dialog (LimberWindow *window)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-exam", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) "New Examination"));
  dialog = limber_test_find_message_dialog ("New Examination");
  limber_test_maybe_screenshot_full (GTK_WIDGET (dialog), "exam-dialog.png", 1000);
  adw_message_dialog_response (dialog, "cancel");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberApplication) app = NULL;
  g_autoptr(GFile) example = NULL;
  LimberWindow *window;

  if (g_getenv ("LIMBER_SCREENSHOT") == NULL)
    {
      g_printerr ("Set LIMBER_SCREENSHOT to the folder for the PNGs (build-aux/screenshots.sh does)\n");
      return 1;
    }
  if (!limber_test_gui_init (&argc, &argv))
    return 1;

  app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  limber_test_wait_catalog (limber_application_get_catalog (app));

  window = limber_window_new (app, limber_application_get_catalog (app));
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, window));
  example = limber_paths_example ("tight-hips.limber");
  g_assert_true (limber_window_open_file (window, example));

  shoot_main_window (window);
  shoot_preview (window);
  shoot_exam_dialog (window);

  gtk_window_destroy (GTK_WINDOW (window));
  limber_test_spin (100);
  return 0;
}
