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
#include "limber-catalog-pane.h"
#include "limber-custom-editor.h"
#include "limber-dosage-editor.h"
#include "limber-exam-editor.h"
#include "limber-exercise-view.h"
#include "limber-handout-preview.h"
#include "limber-item-row.h"
#include "limber-picture-chooser.h"
#include "limber-pose-editor.h"
#include "limber-preferences-window.h"
#include "limber-program-editor.h"
#include "limber-stretch-fields.h"
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

  if (type == LIMBER_TYPE_ITEM_ROW)
    {
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_append (GTK_LIST_BOX (list),
                           limber_item_row_new (program, limber_program_get_item (program, 0), catalog));
      widget = list;
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
  else if (type == LIMBER_TYPE_CATALOG_PANE)
    {
      widget = g_object_new (type, NULL);
      limber_catalog_pane_set_catalog (LIMBER_CATALOG_PANE (widget), catalog);
    }
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
    LIMBER_TYPE_CATALOG_PANE, LIMBER_TYPE_CUSTOM_EDITOR, LIMBER_TYPE_DOSAGE_EDITOR,
    LIMBER_TYPE_EXAM_EDITOR, LIMBER_TYPE_EXERCISE_VIEW, LIMBER_TYPE_HANDOUT_PREVIEW,
    LIMBER_TYPE_ITEM_ROW, LIMBER_TYPE_PICTURE_CHOOSER, LIMBER_TYPE_POSE_EDITOR,
    LIMBER_TYPE_PREFERENCES_WINDOW, LIMBER_TYPE_PROGRAM_EDITOR, LIMBER_TYPE_STRETCH_FIELDS,
    LIMBER_TYPE_WINDOW,
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

/* The shortcuts window (gtk/help-overlay.ui): it builds, every
 * accelerator in it is one GTK can parse, and it shows. */
static void
test_templates_shortcuts (void)
{
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
        }
      n_shortcuts++;
    }
  g_assert_cmpuint (n_shortcuts, >=, 10);
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
