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
 * This file holds the window, Save and Cancel; the figure, the picture
 * and the fields are in limber-custom-editor-figure.c, -picture.c and
 * -fields.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-custom-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-custom-editor-private.h"
#include "limber-custom.h"

G_DEFINE_FINAL_TYPE (LimberCustomEditor, limber_custom_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The therapist changed something (not the code filling the widgets):
 * Cancel will ask. */
void
_limber_custom_editor_changed (LimberCustomEditor *self)
{
  if (self->updating == 0)
    self->dirty = TRUE;
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
  g_autoptr(LimberExercise) exercise = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (!_limber_custom_editor_check_required (self))
    return;
  exercise = _limber_custom_editor_build_exercise (self, &error);
  if (exercise == NULL
      || !limber_custom_save (exercise, photo ? self->image : NULL, photo ? self->image_type : NULL, &error))
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

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_CUSTOM_EDITOR);

  G_OBJECT_CLASS (limber_custom_editor_parent_class)->dispose (object);
}

static void
limber_custom_editor_finalize (GObject *object)
{
  LimberCustomEditor *self = LIMBER_CUSTOM_EDITOR (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->figure);
  g_ptr_array_unref (self->bases);
  g_ptr_array_unref (self->equipment);
  g_clear_pointer (&self->image, g_bytes_unref);
  g_free (self->image_type);

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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/limber/Limber/limber-custom-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, tissue_row);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, tissue_menu);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, position_row);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, equipment_row);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, fields_error);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, summary_row);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, caution_row);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, side_row);
#define BIND_AT(id, member) \
  gtk_widget_class_bind_template_child_full (widget_class, id, FALSE, G_STRUCT_OFFSET (LimberCustomEditor, member))
  BIND_AT ("shorten_view", texts[LIMBER_EXERCISE_SHORTEN]);
  BIND_AT ("lengthen_view", texts[LIMBER_EXERCISE_LENGTHEN]);
  BIND_AT ("pressure_self_view", texts[LIMBER_EXERCISE_PRESSURE_SELF]);
  BIND_AT ("pressure_therapist_view", texts[LIMBER_EXERCISE_PRESSURE_THERAPIST]);
  BIND_AT ("sets_spin", spins[LIMBER_DOSAGE_SETS]);
  BIND_AT ("reps_spin", spins[LIMBER_DOSAGE_REPS]);
  BIND_AT ("hold_spin", spins[LIMBER_DOSAGE_HOLD_SECONDS]);
  BIND_AT ("per_day_spin", spins[LIMBER_DOSAGE_PER_DAY]);
  BIND_AT ("days_spin", spins[LIMBER_DOSAGE_DAYS_PER_WEEK]);
#undef BIND_AT
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, figure_toggle);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, photo_toggle);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, preview);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, base_row);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, phase_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, picture_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, picture);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, picture_name);
  gtk_widget_class_bind_template_child (widget_class, LimberCustomEditor, picture_error);
  gtk_widget_class_bind_template_callback_full (widget_class, "changed",
                                                G_CALLBACK (_limber_custom_editor_changed));

  _limber_custom_editor_class_add_figure (widget_class);
  _limber_custom_editor_class_add_picture (widget_class);
  _limber_custom_editor_class_add_fields (widget_class);
}

static void
limber_custom_editor_init (LimberCustomEditor *self)
{
  self->bases = g_ptr_array_new_with_free_func (g_object_unref);
  self->equipment = g_ptr_array_new ();
  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));

  _limber_custom_editor_init_fields (self);
  _limber_custom_editor_init_figure (self);
  _limber_custom_editor_init_picture (self);
  self->updating--;
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
  self->catalog = g_object_ref (catalog);
  _limber_custom_editor_fill_bases (self);
  _limber_custom_editor_fill_tissue_menu (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WINDOW (self);
}
