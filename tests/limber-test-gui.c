/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-test-gui.c — helpers the GUI tests share */
#include "config.h"

#include <string.h>

#include "limber-test-gui.h"

/* The start of a GUI test's main(): g_test_init(), then GTK and
 * libadwaita.  FALSE, with a message, when there is no display: main()
 * then returns 77, which meson counts as skipped. */
gboolean
limber_test_gui_init (int    *argc,
                      char ***argv)
{
  gtk_disable_setlocale ();
  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("No display: run under xvfb-run\n");
      return FALSE;
    }
  adw_init ();
  /* No animations: what the tests check is where a window ends up, not
   * how it moves there.  (They were also off because libadwaita 1.2's
   * toast overlay can free a toast while its show animation still runs;
   * the app now guards against that, src/app/limber-toast-guard.c, and
   * test-toasts checks it with animations on.) */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  return TRUE;
}

static gboolean
catalog_loaded (gpointer catalog)
{
  return !limber_catalog_get_loading (catalog);
}

/* Waits until @catalog is read (the app reads it in the background). */
void
limber_test_wait_catalog (LimberCatalog *catalog)
{
  g_assert_true (limber_test_wait_for (catalog_loaded, catalog));
}

/* For limber_test_wait_for(): @widget is on screen. */
gboolean
limber_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* For limber_test_wait_for(): the focus is @widget or inside it (an
 * entry's text part holds the actual focus). */
gboolean
limber_test_focus_is_in (gpointer widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL
         && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Says whether @widget is the one looked for. */
typedef gboolean (*Match) (GtkWidget *widget,
                           gpointer   data);

/* The first widget at or under @root, depth first, that @match takes. */
static GtkWidget *
find_first (GtkWidget *root,
            Match      match,
            gpointer   data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GType type;
  guint n;  /* how many more to pass over */
} NthWidget;

static gboolean
is_nth_widget (GtkWidget *widget,
               gpointer   data)
{
  NthWidget *nth = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, nth->type) && nth->n-- == 0;
}

/* The first widget of @type at or under @root (depth first), or NULL. */
GtkWidget *
limber_test_find_widget (GtkWidget *root,
                         GType      type)
{
  return limber_test_find_nth_widget (root, type, 0);
}

/* The @n-th widget of @type at or under @root, counting from 0 in
 * depth-first order, or NULL. */
GtkWidget *
limber_test_find_nth_widget (GtkWidget *root,
                             GType      type,
                             guint      n)
{
  NthWidget nth = { type, n };

  return find_first (root, is_nth_widget, &nth);
}

static gboolean
is_named (GtkWidget *widget,
          gpointer   name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* The first widget at or under @root whose gtk_widget_get_name() is
 * @name, or NULL. */
GtkWidget *
limber_test_find_named (GtkWidget  *root,
                        const char *name)
{
  return find_first (root, is_named, (gpointer) name);
}

typedef struct
{
  const char     *text;
  LimberTestShown shown;
} WantedLabel;

static gboolean
is_label (GtkWidget *widget,
          gpointer   data)
{
  WantedLabel *label = data;

  if (!GTK_IS_LABEL (widget))
    return FALSE;
  if (label->shown == LIMBER_TEST_VISIBLE && !gtk_widget_get_visible (widget))
    return FALSE;
  if (label->shown == LIMBER_TEST_MAPPED && !gtk_widget_get_mapped (widget))
    return FALSE;
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), label->text) == 0;
}

/* The first GtkLabel at or under @root that reads @text and is as
 * @shown asks, or NULL. */
GtkWidget *
limber_test_find_label (GtkWidget      *root,
                        const char     *text,
                        LimberTestShown shown)
{
  WantedLabel label = { text, shown };

  return find_first (root, is_label, &label);
}

/* A visible AdwMessageDialog among the toplevels whose heading is
 * @heading, or any when @heading is NULL; NULL when there is none. */
AdwMessageDialog *
limber_test_find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w))
          && (heading == NULL
              || g_strcmp0 (adw_message_dialog_get_heading (
                              ADW_MESSAGE_DIALOG (w)), heading) == 0))
        return ADW_MESSAGE_DIALOG (w);  /* the toplevels list keeps it */
    }
  return NULL;
}

/* For limber_test_wait_for(): limber_test_find_message_dialog (@heading)
 * finds one. */
gboolean
limber_test_has_message_dialog (gpointer heading)
{
  return limber_test_find_message_dialog (heading) != NULL;
}

/* A visible toplevel window of @type whose title is @title, or any
 * title when @title is NULL; NULL when there is none. */
GtkWindow *
limber_test_find_toplevel (GType       type,
                           const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type)
          && gtk_widget_get_visible (GTK_WIDGET (w))
          && (title == NULL
              || g_strcmp0 (gtk_window_get_title (w), title) == 0))
        return w;  /* the toplevels list keeps it */
    }
  return NULL;
}

/* For limber_test_wait_for(): a visible window titled @title is open. */
gboolean
limber_test_has_toplevel_titled (gpointer title)
{
  return limber_test_find_toplevel (GTK_TYPE_WINDOW, title) != NULL;
}

/* For limber_test_wait_for(): a visible window of the type @type
 * (a GType passed with GSIZE_TO_POINTER()) is open. */
gboolean
limber_test_has_toplevel_of_type (gpointer type)
{
  return limber_test_find_toplevel (GPOINTER_TO_SIZE (type), NULL) != NULL;
}

/* How many visible toplevel windows of @type are open. */
guint
limber_test_count_toplevels (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* (transfer none) */
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      n += G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (w);
    }
  return n;
}

/* The first drop target at or under @root (depth first) that takes
 * @type and nothing else, or NULL. */
GtkDropTarget *
limber_test_find_drop_target (GtkWidget *root,
                              GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (root);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      gsize n = 0;
      const GType *types = GTK_IS_DROP_TARGET (controller)
                           ? gtk_drop_target_get_gtypes (GTK_DROP_TARGET (controller), &n) : NULL;

      if (n == 1 && types[0] == type)
        return GTK_DROP_TARGET (controller);  /* the widget keeps it */
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropTarget *found = limber_test_find_drop_target (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_label_containing (GtkWidget *widget,
                     gpointer   text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* The first GtkLabel at or under @root whose text, as shown (markup
 * parsed), contains @text, or NULL. */
GtkWidget *
limber_test_find_label_containing (GtkWidget  *root,
                                   const char *text)
{
  return find_first (root, is_label_containing, (gpointer) text);
}

/* LIMBER_SCREENSHOT=DIR saves what @widget (a window) shows as
 * DIR/@name, a PNG to look at, after 300 ms for it to settle. */
void
limber_test_maybe_screenshot (GtkWidget  *widget,
                              const char *name)
{
  limber_test_maybe_screenshot_full (widget, name, 300);
}

/* limber_test_maybe_screenshot(), after @settle_ms of the main loop. */
void
limber_test_maybe_screenshot_full (GtkWidget  *widget,
                                   const char *name,
                                   guint       settle_ms)
{
  const char *dir = g_getenv ("LIMBER_SCREENSHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int w, h;

  if (dir == NULL)
    return;
  /* On a busy machine a new window takes a while to be drawn at all. */
  limber_test_wait_for (limber_test_is_mapped, widget);
  limber_test_spin (settle_ms);
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL || w <= 0 || h <= 0)
    {
      g_test_message ("no screenshot %s: nothing drawn yet", name);
      return;
    }
  texture = gsk_renderer_render_texture (
    gtk_native_get_renderer (GTK_NATIVE (widget)), node,
    &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_is_there (gpointer data)
{
  LabelWait *wait = data;

  return limber_test_find_label (wait->root, wait->text, LIMBER_TEST_ANY) != NULL;
}

/* Waits until a label reading @text is in @root (a toast, say). */
gboolean
limber_test_wait_for_label (GtkWidget  *root,
                            const char *text)
{
  LabelWait wait = { root, text };

  return limber_test_wait_for (label_is_there, &wait);
}
