/* test-templates.c — every widget template and the shortcuts window build
 *
 * GTK 4.8's gtk4-builder-tool cannot check a template of our own
 * classes, so this builds each one for real: every .ui file in the
 * resource is either the template of a Limber class, which is made
 * (through its constructor, with a real catalog and program) and shown
 * in a window, or the shortcuts window, which is built and shown.  A
 * misspelt property, class, signal or handler, a child bound in C but
 * missing from the .ui, or any warning on the way is fatal
 * (g_test_init() makes warnings and criticals abort).  A .ui file that
 * no class claims fails the test, so a new one cannot be forgotten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "limber-application.h"
#include "limber-catalog-filters.h"
#include "limber-catalog-pane.h"
#include "limber-catalog-row.h"
#include "limber-custom-editor.h"
#include "limber-date-row.h"
#include "limber-dosage-editor.h"
#include "limber-exam-editor.h"
#include "limber-exercise-view.h"
#include "limber-handout-preview.h"
#include "limber-item-row.h"
#include "limber-library-page.h"
#include "limber-picture-chooser.h"
#include "limber-pose-editor.h"
#include "limber-preferences-window.h"
#include "limber-program-editor.h"
#include "limber-stretch-fields.h"
#include "limber-stretch-translations.h"
#include "limber-templates-window.h"
#include "limber-test-gui.h"
#include "limber-window.h"

#define RESOURCES "/io/github/limber/Limber/"

static LimberApplication *app;

/* The class a template file is for, or NULL if it is not a template. */
static char *
template_class (const char *resource)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
  const char *text = g_bytes_get_data (bytes, NULL);
  const char *start = strstr (text, "<template class=\"");
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen ("<template class=\"");
  end = strchr (start, '"');
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static LimberProgram *
program_with_two_items (LimberCatalog *catalog)
{
  LimberProgram *program = limber_program_new ();

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      limber_program_insert_exercise (program, G_MAXUINT, exercise);
    }
  return program;
}

/* Makes a widget of @type as the app does; a window, or a widget put
 * into a plain window, is returned shown. */
static GtkWindow *
make (GType type)
{
  LimberCatalog *catalog = limber_application_get_catalog (app);
  g_autoptr(LimberProgram) program = program_with_two_items (catalog);
  g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *widget = NULL;
  GtkWindow *window;

  if (type == LIMBER_TYPE_WINDOW)
    return GTK_WINDOW (limber_window_new (app, catalog));
  if (type == LIMBER_TYPE_CUSTOM_EDITOR)
    return limber_custom_editor_new (NULL, catalog);
  if (type == LIMBER_TYPE_PREFERENCES_WINDOW)
    return limber_preferences_window_new (NULL, settings);
  if (type == LIMBER_TYPE_TEMPLATES_WINDOW)
    return limber_templates_window_new (NULL);

  if (type == LIMBER_TYPE_ITEM_ROW)
    {
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_append (GTK_LIST_BOX (list),
                           limber_item_row_new (program, limber_program_get_item (program, 0), catalog));
      widget = list;
    }
  else if (type == LIMBER_TYPE_DATE_ROW)
    {
      GtkWidget *row = limber_date_row_new ();

      widget = gtk_list_box_new ();
      limber_date_row_set_date (LIMBER_DATE_ROW (row), "2026-11-24");
      gtk_list_box_append (GTK_LIST_BOX (widget), row);
    }
  else if (type == LIMBER_TYPE_DOSAGE_EDITOR)
    {
      widget = limber_dosage_editor_new ();
      limber_dosage_editor_set_program (LIMBER_DOSAGE_EDITOR (widget), program);
      limber_dosage_editor_set_item (LIMBER_DOSAGE_EDITOR (widget), limber_program_get_item (program, 1));
    }
  else if (type == LIMBER_TYPE_EXERCISE_VIEW)
    widget = limber_exercise_view_new (exercise);
  else if (type == LIMBER_TYPE_EXAM_EDITOR)
    widget = limber_exam_editor_new ();
  else if (type == LIMBER_TYPE_HANDOUT_PREVIEW)
    {
      widget = limber_handout_preview_new ();
      limber_handout_preview_set_program (LIMBER_HANDOUT_PREVIEW (widget), program);
    }
  else if (type == LIMBER_TYPE_POSE_EDITOR)
    widget = limber_pose_editor_new (catalog);
  else if (type == LIMBER_TYPE_PICTURE_CHOOSER)
    widget = limber_picture_chooser_new ();
  else if (type == LIMBER_TYPE_STRETCH_FIELDS)
    widget = limber_stretch_fields_new (catalog);
  else if (type == LIMBER_TYPE_CATALOG_ROW)
    {
      widget = limber_catalog_row_new ();
      limber_catalog_row_set_exercise (LIMBER_CATALOG_ROW (widget), exercise, TRUE);
      limber_catalog_row_set_marks (LIMBER_CATALOG_ROW (widget), TRUE, TRUE);
    }
  else if (type == LIMBER_TYPE_CATALOG_FILTERS)
    {
      widget = g_object_new (type, NULL);
      limber_catalog_filters_set_catalog (LIMBER_CATALOG_FILTERS (widget), catalog);
    }
  else if (type == LIMBER_TYPE_STRETCH_TRANSLATIONS)
    {
      widget = g_object_new (type, NULL);
      limber_stretch_translations_set_exercise (LIMBER_STRETCH_TRANSLATIONS (widget), exercise);
    }
  else if (type == LIMBER_TYPE_CATALOG_PANE)
    {
      widget = g_object_new (type, NULL);
      limber_catalog_pane_set_catalog (LIMBER_CATALOG_PANE (widget), catalog);
    }
  else if (type == LIMBER_TYPE_LIBRARY_PAGE)
    widget = g_object_new (type, NULL);
  else if (type == LIMBER_TYPE_PROGRAM_EDITOR)
    {
      widget = g_object_new (type, NULL);
      limber_program_editor_set_program (LIMBER_PROGRAM_EDITOR (widget), program, catalog);
    }
  else
    g_error ("%s has a template but this test does not know how to make it: add it to make()",
             g_type_name (type));

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 800, 600);
  gtk_window_set_child (window, widget);
  return window;
}

static void
show_and_close (GtkWindow *window)
{
  gtk_window_present (window);
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, window));
  limber_test_spin (100);
  gtk_window_destroy (window);
  limber_test_spin (50);
}

static void
test_templates_build (void)
{
  /* Every class of ours that may have a template is registered first,
   * so that a template names a known type. */
  GType types[] = {
    LIMBER_TYPE_CATALOG_FILTERS, LIMBER_TYPE_CATALOG_PANE, LIMBER_TYPE_CATALOG_ROW, LIMBER_TYPE_STRETCH_TRANSLATIONS,
    LIMBER_TYPE_CUSTOM_EDITOR, LIMBER_TYPE_DATE_ROW, LIMBER_TYPE_DOSAGE_EDITOR,
    LIMBER_TYPE_EXAM_EDITOR, LIMBER_TYPE_EXERCISE_VIEW, LIMBER_TYPE_HANDOUT_PREVIEW,
    LIMBER_TYPE_ITEM_ROW, LIMBER_TYPE_LIBRARY_PAGE, LIMBER_TYPE_PICTURE_CHOOSER, LIMBER_TYPE_POSE_EDITOR,
    LIMBER_TYPE_PREFERENCES_WINDOW, LIMBER_TYPE_PROGRAM_EDITOR, LIMBER_TYPE_STRETCH_FIELDS,
    LIMBER_TYPE_TEMPLATES_WINDOW, LIMBER_TYPE_WINDOW,
  };
  g_auto(GStrv) names = g_resources_enumerate_children (RESOURCES, 0, NULL);
  guint n_templates = 0;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_type_ensure (types[i]);
  g_assert_nonnull (names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (RESOURCES, names[i], NULL);
      g_autofree char *class_name = NULL;
      GType type;

      if (!g_str_has_suffix (names[i], ".ui"))
        continue;
      class_name = template_class (path);
      g_assert_nonnull (class_name);
      type = g_type_from_name (class_name);
      if (type == 0)
        g_error ("%s is the template of %s, which is not a registered type", names[i], class_name);
      g_test_message ("%s: %s", names[i], class_name);
      show_and_close (make (type));
      n_templates++;
    }
  g_assert_cmpuint (n_templates, ==, G_N_ELEMENTS (types));
}

/* One name for a key combination: the keypad's keys are the same
 * shortcut as the main ones, and the window lists only those. */
static char *
accel_key (guint           key,
           GdkModifierType mods)
{
  static const struct { guint keypad, main; } same[] = {
    { GDK_KEY_KP_Up, GDK_KEY_Up }, { GDK_KEY_KP_Down, GDK_KEY_Down },
    { GDK_KEY_KP_Delete, GDK_KEY_Delete }, { GDK_KEY_KP_Add, GDK_KEY_plus },
    { GDK_KEY_KP_Subtract, GDK_KEY_minus }, { GDK_KEY_KP_Enter, GDK_KEY_Return },
  };

  key = gdk_keyval_to_lower (key);
  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    if (key == same[i].keypad)
      key = same[i].main;
  return gtk_accelerator_name (key, mods & gtk_accelerator_get_default_mod_mask ());
}

/* Adds the key combinations of @trigger to @keys. */
static void
add_trigger_keys (GHashTable         *keys,
                  GtkShortcutTrigger *trigger)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    g_hash_table_add (keys, accel_key (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                       gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
  else if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      add_trigger_keys (keys, gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)));
      add_trigger_keys (keys, gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)));
    }
}

/* Every key combination in @widget's shortcut controllers (its class's
 * bindings, its parents' and any added). */
static GHashTable *
widget_keys (GtkWidget *widget)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          add_trigger_keys (keys, gtk_shortcut_get_trigger (shortcut));
        }
    }
  return keys;
}

/* The key combinations a class of ours adds to what its parent class
 * has: its own bindings (gtk_widget_class_add_binding*). */
static GHashTable *
own_keys (GType type)
{
  GtkWindow *window = make (type);
  GtkWidget *widget = GTK_IS_WIDGET (window) && G_TYPE_CHECK_INSTANCE_TYPE (window, type)
                      ? GTK_WIDGET (window) : limber_test_find_widget (GTK_WIDGET (window), type);
  GType parent = g_type_parent (type);
  GHashTable *keys;

  g_assert_nonnull (widget);
  keys = widget_keys (widget);
  if (!G_TYPE_IS_ABSTRACT (parent))
    {
      GtkWidget *plain = g_object_ref_sink (g_object_new (parent, NULL));
      g_autoptr(GHashTable) inherited = widget_keys (plain);
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, inherited);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_remove (keys, key);
      if (GTK_IS_WINDOW (plain))
        gtk_window_destroy (GTK_WINDOW (plain));
      g_object_unref (plain);
    }
  gtk_window_destroy (window);
  limber_test_spin (50);
  return keys;
}

/* Every accelerator the app sets for an action and every key binding
 * of our widget classes is in the shortcuts window (@listed). */
static void
check_all_listed (GHashTable *listed)
{
  GType types[] = {
    LIMBER_TYPE_CATALOG_FILTERS, LIMBER_TYPE_CATALOG_PANE, LIMBER_TYPE_CATALOG_ROW, LIMBER_TYPE_STRETCH_TRANSLATIONS,
    LIMBER_TYPE_CUSTOM_EDITOR, LIMBER_TYPE_DATE_ROW, LIMBER_TYPE_DOSAGE_EDITOR,
    LIMBER_TYPE_EXAM_EDITOR, LIMBER_TYPE_EXERCISE_VIEW, LIMBER_TYPE_HANDOUT_PREVIEW,
    LIMBER_TYPE_ITEM_ROW, LIMBER_TYPE_LIBRARY_PAGE, LIMBER_TYPE_PICTURE_CHOOSER, LIMBER_TYPE_POSE_EDITOR,
    LIMBER_TYPE_PREFERENCES_WINDOW, LIMBER_TYPE_PROGRAM_EDITOR, LIMBER_TYPE_STRETCH_FIELDS,
    LIMBER_TYPE_TEMPLATES_WINDOW, LIMBER_TYPE_WINDOW,
  };
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  guint n_accels = 0, n_bindings = 0;

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint key = 0;
          GdkModifierType mods = 0;
          g_autofree char *name = NULL;

          g_assert_true (gtk_accelerator_parse (accels[j], &key, &mods));
          name = accel_key (key, mods);
          if (!g_hash_table_contains (listed, name))
            g_error ("%s has the shortcut %s, which the shortcuts window does not list", actions[i], accels[j]);
          n_accels++;
        }
    }
  g_assert_cmpuint (n_accels, >=, 14);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GHashTable) keys = own_keys (types[i]);
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, keys);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          if (!g_hash_table_contains (listed, key))
            g_error ("%s binds %s, which the shortcuts window does not list", g_type_name (types[i]), (char *) key);
          n_bindings++;
        }
    }
  /* Alt+Up, Alt+Down, Ctrl+D, Delete; zoom in, out and fit; the custom
   * stretch editor's Ctrl+S and Escape. */
  g_assert_cmpuint (n_bindings, >=, 9);
}

/* The shortcuts window (gtk/help-overlay.ui): it builds, every
 * accelerator in it is one GTK can parse, it lists every shortcut
 * Limber has, and it shows. */
static void
test_templates_shortcuts (void)
{
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCES "gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  guint n_shortcuts = 0;

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) accels = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, NULL);
      if (accelerator == NULL)
        continue;
      accels = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; accels[i] != NULL; i++)
        {
          guint key = 0;
          GdkModifierType mods = 0;

          /* A range like "<Alt>Up…Down" is not one accelerator. */
          if (strstr (accels[i], "…") != NULL || *accels[i] == '\0')
            continue;
          if (!gtk_accelerator_parse (accels[i], &key, &mods))
            g_error ("the shortcuts window lists ‘%s’, which is no accelerator", accels[i]);
          g_hash_table_add (listed, accel_key (key, mods));
        }
      n_shortcuts++;
    }
  g_assert_cmpuint (n_shortcuts, >=, 10);
  check_all_listed (listed);
  show_and_close (g_object_ref (GTK_WINDOW (overlay)));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!limber_test_gui_init (&argc, &argv))
    return 77;

  app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  limber_test_wait_catalog (limber_application_get_catalog (app));

  g_test_add_func ("/templates/build", test_templates_build);
  g_test_add_func ("/templates/shortcuts", test_templates_shortcuts);
  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
