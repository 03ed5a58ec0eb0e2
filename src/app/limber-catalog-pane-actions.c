/* limber-catalog-pane-actions.c — what the catalog's rows ask for
 *
 * Each action takes a stretch's id: add it to the program, show it,
 * star it, and for a custom stretch edit or delete it.  The rows, their
 * menus and the stretch's own window (LimberExerciseView) all use them.
 * Deleting asks first; the stretch then leaves custom.xml and the list,
 * and programs that have it keep their own copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-catalog-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-catalog-pane-private.h"
#include "limber-custom-editor.h"
#include "limber-custom.h"
#include "limber-exercise-view.h"
#include "limber-toast-guard.h"

static GtkWindow *
parent_window (LimberCatalogPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Toasts go to the window's overlay, when the pane is in one. */
void
_limber_catalog_pane_toast (LimberCatalogPane *self,
                            const char        *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    limber_toast_add (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
  else
    g_message ("%s", message);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LimberCatalogPane *self = LIMBER_CATALOG_PANE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_toggle_button_set_active (self->favourites_toggle, FALSE);
  limber_catalog_filters_reset (self->filters);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LimberCatalogPane *self = LIMBER_CATALOG_PANE (widget);
  LimberExercise *exercise = _limber_catalog_pane_lookup (self, parameter);

  if (exercise != NULL)
    _limber_catalog_pane_emit_activated (self, exercise);
}

/* The stretch in full: its figure large, its steps and notes. */
static void
show_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberCatalogPane *self = LIMBER_CATALOG_PANE (widget);
  LimberExercise *exercise = _limber_catalog_pane_lookup (self, parameter);

  if (exercise != NULL)
    limber_exercise_view_present (exercise, parent_window (self), self);
}

static void
star_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberCatalogPane *self = LIMBER_CATALOG_PANE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;

  if (self->favourites == NULL || !limber_is_valid_id (id))
    return;
  if (!limber_favourites_set (self->favourites, id, !limber_favourites_contains (self->favourites, id), &error))
    _limber_catalog_pane_toast (self, error->message);
  _limber_catalog_pane_update_marks (self);
}

/* An edited stretch replaces the old one in the list at once. */
static void
on_custom_saved (LimberCatalogPane *self,
                 const char        *id)
{
  g_autoptr(GFile) file = limber_custom_file ();
  g_autoptr(GError) error = NULL;

  if (self->catalog == NULL)
    return;
  if (!limber_catalog_add_file (self->catalog, file, &error))
    _limber_catalog_pane_toast (self, error->message);
  else
    _limber_catalog_pane_toast (self, _("Custom stretch saved"));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberCatalogPane *self = LIMBER_CATALOG_PANE (widget);
  LimberExercise *exercise = _limber_catalog_pane_lookup (self, parameter);
  GtkWindow *editor;

  if (exercise == NULL || !limber_custom_is_custom (exercise))
    return;
  editor = limber_custom_editor_new_for_exercise (parent_window (self), self->catalog, exercise);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_custom_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (editor);
}

static void
on_delete_response (AdwMessageDialog  *dialog,
                    const char        *response,
                    LimberCatalogPane *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->catalog == NULL)
    return;
  if (!limber_custom_delete (id, &error))
    {
      _limber_catalog_pane_toast (self, error->message);
      return;
    }
  limber_catalog_remove (self->catalog, id);
  _limber_catalog_pane_toast (self, _("Custom stretch deleted"));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberCatalogPane *self = LIMBER_CATALOG_PANE (widget);
  LimberExercise *exercise = _limber_catalog_pane_lookup (self, parameter);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (exercise == NULL || !limber_custom_is_custom (exercise))
    return;
  heading = g_strdup_printf (_("Delete “%s”?"), limber_exercise_get_name (exercise, g_get_language_names ()[0]));
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("It leaves your catalog for good. Programs that have it keep their own "
                                     "copy."));
  g_object_set_data_full (G_OBJECT (dialog), "id", g_strdup (limber_exercise_get_id (exercise)), g_free);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_limber_catalog_pane_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "catalog.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "catalog.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "catalog.show", "s", show_action);
  gtk_widget_class_install_action (widget_class, "catalog.star", "s", star_action);
  gtk_widget_class_install_action (widget_class, "catalog.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "catalog.delete", "s", delete_action);
}
