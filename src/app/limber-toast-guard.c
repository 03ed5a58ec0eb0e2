/* limber-toast-guard.c — toasts that libadwaita 1.2 can take away safely
 *
 * libadwaita 1.2's AdwToastOverlay slides a toast in with a "show"
 * animation (300 ms, 500 ms when it replaces one) and fades it out with
 * a "hide" one (300 ms) that frees the toast's bookkeeping when done.
 * Dismissed while it still slides in, the toast can have both animations
 * end in the same frame, hide first (GTK runs the newest tick callback
 * first): show's end then writes into freed memory (fixed in 1.3, commit
 * "toast-overlay: Prevent show_done from firing after hide_done").  And a
 * high-priority toast dismissed while the toast it pushed aside still
 * fades out brings that one back too early: an assertion aborts the app.
 * Both happen only when a dismissal follows a change within ~500 ms: a
 * click on the close button or on Undo, Escape, and under valgrind even
 * a toast added and closed with the window.
 *
 * So every toast Limber shows goes through here: its "dismissed" signal
 * (which the overlay listens to) is held back, by a handler that runs
 * before the overlay's, until the overlay's animations are over: it is
 * emitted again from a tick of the overlay's frame clock, the frame after
 * the first one SETTLE past the last time a toast was added or dismissed
 * there.  Toasts start to show or hide only then, so by that frame every
 * animation has ended.  Without animations (unmapped, or animations off)
 * nothing animates and nothing waits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-toast-guard"

#include "config.h"

#include "limber-toast-guard.h"

/* The longest show animation (500 ms), and room for the frame clock's
 * smoothing, which may put an animation's start a frame ahead. */
#define SETTLE (650 * G_TIME_SPAN_MILLISECOND)

#define GUARD_KEY "limber-toast-guard"

/* One per overlay (or window holding one), kept in its object data. */
typedef struct
{
  gint64     last_change; /* monotonic µs: a toast added or let go */
  gint64     settled;     /* the last_change a frame has settled after */
  GPtrArray *pending;     /* AdwToast dismissed too early, oldest first */
  guint      tick_id;
  AdwToast  *releasing;   /* the one being let go, not to hold again */
} Guard;

static void
guard_free (gpointer data)
{
  Guard *guard = data;

  /* The widget is being finalized: its tick callbacks go with it. */
  g_ptr_array_unref (guard->pending);
  g_free (guard);
}

static Guard *
guard_for (GtkWidget *widget)
{
  Guard *guard = g_object_get_data (G_OBJECT (widget), GUARD_KEY);

  if (guard == NULL)
    {
      guard = g_new0 (Guard, 1);
      guard->pending = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_data_full (G_OBJECT (widget), GUARD_KEY, guard, guard_free);
    }
  return guard;
}

static gboolean
animates (GtkWidget *widget)
{
  gboolean enabled = TRUE;

  if (!gtk_widget_get_mapped (widget))
    return FALSE; /* libadwaita skips animations of unmapped widgets */
  g_object_get (gtk_widget_get_settings (widget), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

/* Lets the oldest held-back toast go, one per SETTLE: letting one go may
 * show the next toast in the queue, which must settle in its turn.  Not
 * in the first frame past SETTLE but in the next: GTK runs this tick
 * before the overlay's older ones, so only then have the animations
 * that ended in that frame said so. */
static gboolean
release_tick (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  Guard *guard = user_data;
  g_autoptr(AdwToast) toast = NULL;

  if (gdk_frame_clock_get_frame_time (clock) < guard->last_change + SETTLE)
    return G_SOURCE_CONTINUE;
  if (guard->settled != guard->last_change)
    {
      guard->settled = guard->last_change;
      return G_SOURCE_CONTINUE;
    }

  toast = g_ptr_array_steal_index (guard->pending, 0);
  /* Not adw_toast_dismiss(): the toast's own handler, which runs before
   * ours, has already forgotten its overlay, and without one the call
   * does nothing.  The overlay's handler still waits for the signal. */
  guard->releasing = toast;
  g_signal_emit_by_name (toast, "dismissed");
  guard->releasing = NULL;

  if (guard->pending->len > 0)
    return G_SOURCE_CONTINUE;
  guard->tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* Runs before the overlay's own handler (connected later, when the
 * toast is added), after the toast's own (connected when made). */
static void
on_dismissed (AdwToast  *toast,
              GtkWidget *widget)
{
  Guard *guard = guard_for (widget);

  if (toast == guard->releasing || !animates (widget))
    {
      guard->last_change = g_get_monotonic_time ();
      g_signal_handlers_disconnect_by_func (toast, on_dismissed, widget);
      return;
    }

  g_signal_stop_emission_by_name (toast, "dismissed");
  if (!g_ptr_array_find (guard->pending, toast, NULL))
    g_ptr_array_add (guard->pending, g_object_ref (toast));
  if (guard->tick_id == 0)
    guard->tick_id = gtk_widget_add_tick_callback (widget, release_tick, guard, NULL);
}

static void
guard_toast (GtkWidget *widget,
             AdwToast  *toast)
{
  guard_for (widget)->last_change = g_get_monotonic_time ();
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_dismissed), widget, 0);
}

/**
 * limber_toast_add:
 * @overlay: the overlay to show @toast in
 * @toast: (transfer full): a toast not shown yet
 *
 * adw_toast_overlay_add_toast(), with @toast's dismissal held back until
 * the overlay's animations allow it (see above).
 */
void
limber_toast_add (AdwToastOverlay *overlay,
                  AdwToast        *toast)
{
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  guard_toast (GTK_WIDGET (overlay), toast);
  adw_toast_overlay_add_toast (overlay, toast);
}

/**
 * limber_toast_add_to_preferences:
 * @window: the preferences window to show @toast in
 * @toast: (transfer full): a toast not shown yet
 *
 * adw_preferences_window_add_toast(), guarded as limber_toast_add() is;
 * the window's own overlay shares its frame clock and its mapping.
 */
void
limber_toast_add_to_preferences (AdwPreferencesWindow *window,
                                 AdwToast             *toast)
{
  g_return_if_fail (ADW_IS_PREFERENCES_WINDOW (window));
  g_return_if_fail (ADW_IS_TOAST (toast));

  guard_toast (GTK_WIDGET (window), toast);
  adw_preferences_window_add_toast (window, toast);
}
