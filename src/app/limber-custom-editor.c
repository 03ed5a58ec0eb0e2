/* limber-custom-editor.c — a window to make a custom stretch
 *
 * The therapist types the stretch's words on the left and illustrates it
 * on the right, either by posing a figure (a copy of a catalog stretch's,
 * adjusted joint by joint with a live preview) or with a photo or drawing
 * of their own.  Save checks the required fields in place, then hands
 * everything to limber_custom_save(), which writes the user's catalog;
 * "saved" tells the window to reload it.  Nothing is written before Save,
 * and Cancel asks before throwing away what was typed.
 *
 * The window is made of three sections, each a widget with its own
 * template: LimberStretchFields (the words), LimberPoseEditor (the
 * figure) and LimberPictureChooser (the picture).  This file only wires
 * them together: the Figure/Photo switch, a picture dropped on the
 * window, whether anything changed, Save and Cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-custom-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-custom-editor.h"
#include "limber-custom.h"
#include "limber-fit.h"
#include "limber-picture-chooser.h"
#include "limber-pose-editor.h"
#include "limber-stretch-fields.h"

struct _LimberCustomEditor
{
  AdwWindow             parent_instance;

  LimberCatalog        *catalog;
  guint                 updating;  /* > 0 while the code fills widgets */
  gboolean              dirty;
  gboolean              closing;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwLeaflet           *leaflet;
  LimberStretchFields  *fields;
  GtkToggleButton      *figure_toggle;
  GtkToggleButton      *photo_toggle;
  GtkStack             *mode_stack;
  LimberPoseEditor     *pose_editor;
  LimberPictureChooser *picture_chooser;
};

G_DEFINE_FINAL_TYPE (LimberCustomEditor, limber_custom_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The therapist changed something (not the code filling the widgets):
 * Cancel will ask. */
static void
on_changed (LimberCustomEditor *self)
{
  if (self->updating == 0)
    self->dirty = TRUE;
}

/* The figure or the picture illustrates the stretch. */
static void
on_mode_toggled (LimberCustomEditor *self)
{
  gboolean figure = gtk_toggle_button_get_active (self->figure_toggle);

  gtk_stack_set_visible_child_name (self->mode_stack, figure ? "figure" : "photo");
  on_changed (self);
}

/**
 * limber_custom_editor_set_image_file:
 *
 * Illustrates the stretch with the picture in @file, as choosing it or
 * dropping it on the window does: it is read and checked in the
 * background, then shown, or the window says why it cannot be used.
 */
void
limber_custom_editor_set_image_file (LimberCustomEditor *self,
                                     GFile              *file)
{
  g_return_if_fail (LIMBER_IS_CUSTOM_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  gtk_toggle_button_set_active (self->photo_toggle, TRUE);
  limber_picture_chooser_set_file (self->picture_chooser, file);
}

/* A picture dropped anywhere on the window illustrates the stretch. */
static gboolean
on_drop (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         LimberCustomEditor *self)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  gboolean taken = files != NULL;

  if (taken)
    limber_custom_editor_set_image_file (self, files->data);
  g_slist_free (files);
  return taken;
}

/* In a narrow window (the leaflet folded), one half at a time. */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LimberCustomEditor *self = LIMBER_CUSTOM_EDITOR (widget);

  adw_leaflet_set_visible_child_name (self->leaflet,
                                      g_str_equal (action_name, "editor.show-words") ? "words" : "illustration");
}

/* ------------------------------------------------------------------ */
/* Save and cancel                                                    */

static void
show_error (LimberCustomEditor *self,
            const char         *heading,
            const char         *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberCustomEditor *self = LIMBER_CUSTOM_EDITOR (widget);
  gboolean photo = gtk_toggle_button_get_active (self->photo_toggle);
  GBytes *image = photo ? limber_picture_chooser_get_image (self->picture_chooser) : NULL;
  const char *image_type = photo ? limber_picture_chooser_get_image_type (self->picture_chooser) : NULL;
  g_autoptr(LimberExercise) exercise = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (!limber_stretch_fields_check_required (self->fields))
    return;
  exercise = limber_stretch_fields_build (self->fields, photo ? NULL : limber_pose_editor_get_figure (self->pose_editor),
                                          &error);
  if (exercise == NULL || !limber_custom_save (exercise, image, image_type, &error))
    {
      show_error (self, _("The Stretch Was Not Saved"), error->message);
      return;
    }
  id = g_strdup (limber_exercise_get_id (exercise));
  g_signal_emit (self, signals[SAVED], 0, id);
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_now (gpointer data)
{
  gtk_window_close (data);
  return G_SOURCE_REMOVE;
}

/* Closed once the dialog asking is gone: it belongs to this window and
 * would be destroyed with it while it still answers. */
static void
on_discard_response (AdwMessageDialog   *dialog,
                     const char         *response,
                     LimberCustomEditor *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_now, g_object_ref (self), g_object_unref);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberCustomEditor *self = LIMBER_CUSTOM_EDITOR (widget);
  GtkWidget *dialog;

  if (!self->dirty)
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard This Stretch?"),
                                   _("What you typed and posed has not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window's close button asks as Cancel does. */
static gboolean
limber_custom_editor_close_request (GtkWindow *window)
{
  LimberCustomEditor *self = LIMBER_CUSTOM_EDITOR (window);

  if (!self->closing && self->dirty)
    {
      cancel_action (GTK_WIDGET (self), "editor.cancel", NULL);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (limber_custom_editor_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */

static void
limber_custom_editor_dispose (GObject *object)
{
  LimberCustomEditor *self = LIMBER_CUSTOM_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_CUSTOM_EDITOR);

  G_OBJECT_CLASS (limber_custom_editor_parent_class)->dispose (object);
}

static void
limber_custom_editor_finalize (GObject *object)
{
  LimberCustomEditor *self = LIMBER_CUSTOM_EDITOR (object);

  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (limber_custom_editor_parent_class)->finalize (object);
}

static void
limber_custom_editor_class_init (LimberCustomEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = limber_custom_editor_dispose;
  object_class->finalize = limber_custom_editor_finalize;
  window_class->close_request = limber_custom_editor_close_request;

  /**
   * LimberCustomEditor::saved:
   * @id: the saved stretch's id
   *
   * The stretch is in the user's catalog; the window closes next.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.show-illustration", NULL, show_page_action);
  gtk_widget_class_install_action (widget_class, "editor.show-words", NULL, show_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);

  g_type_ensure (LIMBER_TYPE_PICTURE_CHOOSER);
  g_type_ensure (LIMBER_TYPE_POSE_EDITOR);
  g_type_ensure (LIMBER_TYPE_STRETCH_FIELDS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/limber/Limber/limber-custom-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, fields);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, figure_toggle);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, photo_toggle);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, pose_editor);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, picture_chooser);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled);
}

static void
limber_custom_editor_init (LimberCustomEditor *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating--;
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

static void
on_own_picture_loaded (LimberCustomEditor *self)
{
  self->dirty = FALSE;
  g_signal_handlers_disconnect_by_func (self->picture_chooser, on_own_picture_loaded, self);
}

/**
 * limber_custom_editor_new_for_exercise:
 * @exercise: a custom stretch (limber_custom_is_custom())
 *
 * An editor filled with @exercise: its words, its figure or its
 * picture.  Saving replaces it in custom.xml, under the same id.
 *
 * Returns: (transfer none): a new editor window; present it
 */
GtkWindow *
limber_custom_editor_new_for_exercise (GtkWindow      *parent,
                                       LimberCatalog  *catalog,
                                       LimberExercise *exercise)
{
  LimberCustomEditor *self;

  g_return_val_if_fail (LIMBER_IS_EXERCISE (exercise), NULL);

  self = LIMBER_CUSTOM_EDITOR (limber_custom_editor_new (parent, catalog));
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Custom Stretch"));
  adw_window_title_set_title (self->window_title, _("Edit Custom Stretch"));
  self->updating++;
  limber_stretch_fields_set_exercise (self->fields, exercise);
  if (limber_exercise_get_image_src (exercise) != NULL)
    {
      g_autoptr(GFile) custom = limber_custom_file ();
      g_autoptr(GFile) folder = g_file_get_parent (custom);
      g_autoptr(GFile) image = g_file_resolve_relative_path (folder, limber_exercise_get_image_src (exercise));

      limber_custom_editor_set_image_file (self, image);
      /* The picture arrives later, read in the background: that is no
       * change of the therapist's. */
      g_signal_connect_object (self->picture_chooser, "notify::image", G_CALLBACK (on_own_picture_loaded), self,
                               G_CONNECT_SWAPPED);
    }
  else if (limber_exercise_get_figure (exercise) != NULL)
    limber_pose_editor_start_from (self->pose_editor, exercise);
  self->updating--;
  self->dirty = FALSE;
  return GTK_WINDOW (self);
}

/**
 * limber_custom_editor_new:
 * @parent: the window it belongs to (modal over it)
 * @catalog: where the base poses and the tissue suggestions come from
 *
 * Returns: (transfer none): a new editor window; present it.  Its
 *   "saved" signal gives the new stretch's id.
 */
GtkWindow *
limber_custom_editor_new (GtkWindow     *parent,
                          LimberCatalog *catalog)
{
  LimberCustomEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), NULL);

  self = g_object_new (LIMBER_TYPE_CUSTOM_EDITOR, "transient-for", parent, "destroy-with-parent", TRUE, NULL);
  limber_fit_default_size (GTK_WINDOW (self), parent, 1100, 780);
  self->catalog = g_object_ref (catalog);
  self->updating++;
  limber_stretch_fields_set_catalog (self->fields, catalog);
  limber_pose_editor_set_catalog (self->pose_editor, catalog);
  if (limber_pose_editor_get_figure (self->pose_editor) == NULL)
    {
      /* Nothing to start a pose from: a picture is the only way. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->figure_toggle), FALSE);
      gtk_toggle_button_set_active (self->photo_toggle, TRUE);
    }
  self->updating--;
  gtk_widget_grab_focus (GTK_WIDGET (self->fields));
  return GTK_WINDOW (self);
}
