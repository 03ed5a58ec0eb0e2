/* test-toasts.c — toasts dismissed while they slide in, with animations on
 *
 * libadwaita 1.2's toast overlay frees a toast dismissed during its show
 * animation before that animation ends (a use after free that valgrind
 * shows), and aborts on an assertion when a high-priority toast is
 * dismissed while the toast it pushed aside still fades out.  Limber
 * adds its toasts through limber_toast_add(), which holds such a
 * dismissal back until the animations are over.  Here a toast is closed
 * (adw_toast_dismiss(), what its close button, its Undo and Escape call)
 * the moment it appears, as a quick user does: nothing may crash, and
 * each toast must still go.  The other GUI tests turn animations off;
 * these turn them on.  Unguarded, /toasts/high-priority-dismissed aborts;
 * the use after free of the others shows under valgrind ("Invalid read"
 * and "Invalid write" of a block freed by an animation's "done"):
 *   xvfb-run -a valgrind _build/tests/test-toasts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "limber-test-gui.h"
#include "limber-toast-guard.h"

typedef struct
{
  GtkWindow       *window;
  AdwToastOverlay *overlay;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (fixture->overlay, gtk_label_new ("Program"));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->overlay));
  gtk_window_set_default_size (fixture->window, 600, 400);
  gtk_window_present (fixture->window);
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, fixture->overlay));
  limber_test_spin (200);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  limber_test_spin (100);
}

typedef struct
{
  GtkWidget  *root;
  const char *title;
} Shown;

static gboolean
toast_gone (gpointer data)
{
  Shown *shown = data;

  return limber_test_find_label (shown->root, shown->title, LIMBER_TEST_ANY) == NULL;
}

/* Waits, spinning the frame clock, until no label reads @title: for
 * up to 30 s, as under valgrind a frame can take a second. */
static void
assert_goes (Fixture    *fixture,
             const char *title)
{
  Shown shown = { GTK_WIDGET (fixture->overlay), title };
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!toast_gone (&shown) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  if (!toast_gone (&shown))
    g_test_fail_printf ("the toast “%s” is still there", title);
}

/* Dismissed the moment it is added, as a click on its close button the
 * moment it appears: it stays until it has slid in, then goes. */
static void
test_dismiss_at_once (Fixture      *fixture,
                      gconstpointer data)
{
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("Saved %d", i);
      g_autoptr(AdwToast) toast = adw_toast_new (title);

      limber_toast_add (fixture->overlay, g_object_ref (toast));
      adw_toast_dismiss (toast);
      g_assert_nonnull (limber_test_find_label (GTK_WIDGET (fixture->overlay), title, LIMBER_TEST_ANY));
      assert_goes (fixture, title);
    }
}

/* Closed 50 ms after it appears, and again, twice, as a double click. */
static void
test_dismiss_soon (Fixture      *fixture,
                   gconstpointer data)
{
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("Exam removed %d", i);
      g_autoptr(AdwToast) toast = adw_toast_new (title);

      limber_toast_add (fixture->overlay, g_object_ref (toast));
      limber_test_spin (50);
      adw_toast_dismiss (toast);
      adw_toast_dismiss (toast);
      assert_goes (fixture, title);
    }
}

/* A high-priority toast (Limber's "moved to the trash", with Undo)
 * pushes the shown one aside; closed at once, the pushed one comes back
 * once it has faded out, not before (libadwaita 1.2 aborts then). */
static void
test_high_priority_dismissed (Fixture      *fixture,
                              gconstpointer data)
{
  g_autoptr(AdwToast) first = adw_toast_new ("Saved");
  g_autoptr(AdwToast) trashed = adw_toast_new ("Moved to the trash");

  limber_toast_add (fixture->overlay, g_object_ref (first));
  adw_toast_set_priority (trashed, ADW_TOAST_PRIORITY_HIGH);
  limber_toast_add (fixture->overlay, g_object_ref (trashed));
  limber_test_spin (20);
  adw_toast_dismiss (trashed);
  assert_goes (fixture, "Moved to the trash");
  g_assert_nonnull (limber_test_find_label (GTK_WIDGET (fixture->overlay), "Saved", LIMBER_TEST_ANY));
  adw_toast_dismiss (first);
  assert_goes (fixture, "Saved");
}

/* Toasts queued behind one closed at once go one after the other. */
static void
test_queue_dismissed (Fixture      *fixture,
                      gconstpointer data)
{
  const char *titles[] = { "First", "Second", "Third" };
  AdwToast *toasts[G_N_ELEMENTS (titles)];

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      toasts[i] = adw_toast_new (titles[i]);
      limber_toast_add (fixture->overlay, g_object_ref (toasts[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    adw_toast_dismiss (toasts[i]);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      assert_goes (fixture, titles[i]);
      g_object_unref (toasts[i]);
    }
}

/* A toast closed as its window closes: the window goes at once and
 * nothing is left to fire afterwards. */
static void
test_close_window (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(AdwToast) toast = adw_toast_new ("Handout exported as PDF");
  GtkWidget *overlay = GTK_WIDGET (fixture->overlay);

  g_object_add_weak_pointer (G_OBJECT (overlay), (gpointer *) &overlay);
  limber_toast_add (fixture->overlay, g_object_ref (toast));
  limber_test_spin (30);
  adw_toast_dismiss (toast);
  gtk_window_destroy (g_steal_pointer (&fixture->window));
  limber_test_spin (800);
  g_assert_null (overlay);
}

int
main (int   argc,
      char *argv[])
{
  if (!limber_test_gui_init (&argc, &argv))
    return 77;
  /* What is tested is the animations: on, unlike the other GUI tests. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);

  g_test_add ("/toasts/dismiss-at-once", Fixture, NULL,
              fixture_set_up, test_dismiss_at_once, fixture_tear_down);
  g_test_add ("/toasts/dismiss-soon", Fixture, NULL,
              fixture_set_up, test_dismiss_soon, fixture_tear_down);
  g_test_add ("/toasts/high-priority-dismissed", Fixture, NULL,
              fixture_set_up, test_high_priority_dismissed, fixture_tear_down);
  g_test_add ("/toasts/queue-dismissed", Fixture, NULL,
              fixture_set_up, test_queue_dismissed, fixture_tear_down);
  g_test_add ("/toasts/close-window", Fixture, NULL,
              fixture_set_up, test_close_window, fixture_tear_down);
  return g_test_run ();
}
