/* limber-exercise-view.c — one stretch in full: figure, steps, notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-exercise-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "limber-custom.h"
#include "limber-exercise-view.h"
#include "limber-fit.h"
#include "limber-thumbnail.h"

struct _LimberExerciseView
{
  GtkWidget       parent_instance;

  LimberExercise *exercise;

  /* Template widgets */
  GtkDrawingArea *figure;
  GtkLabel       *summary;
  GtkLabel       *steps;
  GtkLabel       *cautions;
  GtkLabel       *therapist;
  GtkLabel       *details;
};

G_DEFINE_FINAL_TYPE (LimberExerciseView, limber_exercise_view, GTK_TYPE_WIDGET)

static void
append_step (GString    *s,
             guint      *n,
             const char *text)
{
  if (text == NULL)
    return;
  g_string_append_printf (s, "%s%u. %s", s->len ? "\n" : "", ++*n, text);
}

static char *
describe_steps (LimberExercise *e,
                const char     *lang)
{
  GString *s = g_string_new (NULL);
  guint n = 0;

  append_step (s, &n, limber_exercise_get_text (e, LIMBER_EXERCISE_SHORTEN, lang));
  append_step (s, &n, limber_exercise_get_text (e, LIMBER_EXERCISE_LENGTHEN, lang));
  append_step (s, &n, limber_exercise_get_text (e, LIMBER_EXERCISE_PRESSURE_SELF, lang));
  for (guint i = 0; i < limber_exercise_get_n_steps (e); i++)
    append_step (s, &n, limber_exercise_get_step (e, i, lang));
  return g_string_free (s, FALSE);
}

static void
fill (LimberExerciseView *self)
{
  LimberExercise *e = self->exercise;
  const char *lang = g_get_language_names ()[0];
  const char *pressure = limber_exercise_get_text (e, LIMBER_EXERCISE_PRESSURE_THERAPIST, lang);
  g_autofree char *steps = describe_steps (e, lang);
  g_autofree char *regions = limber_exercise_describe_words (e, LIMBER_VOCABULARY_REGION);
  g_autofree char *positions = limber_exercise_describe_words (e, LIMBER_VOCABULARY_POSITION);
  g_autofree char *equipment = limber_exercise_describe_words (e, LIMBER_VOCABULARY_EQUIPMENT);
  g_autofree char *tissues = limber_exercise_describe_tissues (e);
  g_autofree char *dosage = limber_dosage_describe (limber_exercise_get_dosage (e));
  g_autoptr(GString) cautions = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *for_therapist = NULL;

  for (guint i = 0; i < limber_exercise_get_n_cautions (e); i++)
    g_string_append_printf (cautions, "%s⚠ %s", cautions->len ? "\n" : "",
                            limber_exercise_get_caution (e, i, lang));

  g_string_append_printf (details, _("Region: %s"), regions);
  g_string_append_printf (details, "\n%s", tissues);
  if (*positions)
    g_string_append_printf (details, "\n%s", positions);
  if (*equipment)
    g_string_append_printf (details, "\n%s", equipment);
  if (*dosage)
    g_string_append_printf (details, "\n%s", dosage);
  g_string_append_printf (details, "\n%s (%s:%ld)", limber_exercise_get_id (e),
                          limber_exercise_get_source (e), limber_exercise_get_line (e));

  if (pressure != NULL)
    for_therapist = g_strdup_printf (_("For the therapist: %s"), pressure);

  gtk_label_set_label (self->summary, limber_exercise_get_text (e, LIMBER_EXERCISE_SUMMARY, lang)
                                      ? limber_exercise_get_text (e, LIMBER_EXERCISE_SUMMARY, lang) : "");
  gtk_label_set_label (self->steps, steps);
  gtk_label_set_label (self->cautions, cautions->str);
  gtk_widget_set_visible (GTK_WIDGET (self->cautions), cautions->len > 0);
  gtk_label_set_label (self->therapist, for_therapist ? for_therapist : "");
  gtk_widget_set_visible (GTK_WIDGET (self->therapist), for_therapist != NULL);
  gtk_label_set_label (self->details, details->str);
  limber_thumbnail_attach (self->figure, e, LIMBER_FIGURE_SHOW_SIDE_BY_SIDE, FALSE);
  limber_thumbnail_set_accessible (GTK_WIDGET (self->figure), e);
  gtk_widget_set_visible (GTK_WIDGET (self->figure), limber_exercise_get_figure (e) != NULL
                                                     || limber_exercise_get_image_data (e, NULL) != NULL);
}

GtkWidget *
limber_exercise_view_new (LimberExercise *exercise)
{
  LimberExerciseView *self;

  g_return_val_if_fail (LIMBER_IS_EXERCISE (exercise), NULL);

  self = g_object_new (LIMBER_TYPE_EXERCISE_VIEW, NULL);
  self->exercise = g_object_ref (exercise);
  fill (self);
  return GTK_WIDGET (self);
}

/* The header's star follows the favourites, wherever they change. */
static void
sync_star (GtkToggleButton *star)
{
  LimberFavourites *favourites = g_object_get_data (G_OBJECT (star), "favourites");
  const char *id = g_object_get_data (G_OBJECT (star), "id");
  gboolean on = limber_favourites_contains (favourites, id);

  g_object_set_data (G_OBJECT (star), "syncing", GINT_TO_POINTER (TRUE));
  gtk_toggle_button_set_active (star, on);
  g_object_set_data (G_OBJECT (star), "syncing", NULL);
  gtk_button_set_icon_name (GTK_BUTTON (star), on ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (star), on ? _("Remove from Favourites") : _("Add to Favourites"));
}

/* The header's buttons ask the catalog pane, which owns what they do. */
static void
on_header_button (GtkWidget *button,
                  GtkWidget *pane)
{
  const char *action = g_object_get_data (G_OBJECT (button), "action");
  const char *id = g_object_get_data (G_OBJECT (button), "id");

  if (g_object_get_data (G_OBJECT (button), "syncing") != NULL)
    return;
  gtk_widget_activate_action (pane, action, "s", id);
  /* Edit and delete change the stretch: this view of it goes. */
  if (!g_str_equal (action, "catalog.star"))
    gtk_window_close (GTK_WINDOW (gtk_widget_get_root (button)));
}

static GtkWidget *
header_button (GtkWidget      *header,
               GtkWidget      *button,
               const char     *action,
               const char     *label,
               LimberExercise *exercise,
               GtkWidget      *pane)
{
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "action", (gpointer) action);
  g_object_set_data_full (G_OBJECT (button), "id", g_strdup (limber_exercise_get_id (exercise)), g_free);
  g_signal_connect_object (button, GTK_IS_TOGGLE_BUTTON (button) ? "toggled" : "clicked",
                           G_CALLBACK (on_header_button), pane, 0);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  return button;
}

/* Star, and for a custom stretch edit and delete, when there is a pane
 * to do them. */
static void
add_header_buttons (GtkWidget         *header,
                    LimberExercise    *exercise,
                    LimberCatalogPane *pane)
{
  LimberFavourites *favourites = pane ? limber_catalog_pane_get_favourites (pane) : NULL;

  if (favourites != NULL)
    {
      GtkWidget *star = header_button (header, gtk_toggle_button_new (), "catalog.star", _("Favourite"),
                                       exercise, GTK_WIDGET (pane));

      g_object_set_data_full (G_OBJECT (star), "favourites", g_object_ref (favourites), g_object_unref);
      sync_star (GTK_TOGGLE_BUTTON (star));
      g_signal_connect_object (favourites, "changed", G_CALLBACK (sync_star), star, G_CONNECT_SWAPPED);
    }
  if (pane != NULL && limber_custom_is_custom (exercise))
    {
      header_button (header, gtk_button_new_from_icon_name ("user-trash-symbolic"), "catalog.delete",
                     _("Delete This Custom Stretch"), exercise, GTK_WIDGET (pane));
      header_button (header, gtk_button_new_from_icon_name ("document-edit-symbolic"), "catalog.edit",
                     _("Edit This Custom Stretch"), exercise, GTK_WIDGET (pane));
    }
}

/**
 * limber_exercise_view_present:
 * @pane: (nullable): the catalog pane, whose actions the header's star,
 *   edit and delete buttons use
 *
 * Opens a window showing @exercise (Escape closes it).
 *
 * Returns: (transfer none): the window
 */
GtkWindow *
limber_exercise_view_present (LimberExercise    *exercise,
                              GtkWindow         *parent,
                              LimberCatalogPane *pane)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (limber_exercise_get_name (exercise, g_get_language_names ()[0]), NULL);
  GtkEventController *keys = gtk_shortcut_controller_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  add_header_buttons (header, exercise, pane);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), limber_exercise_view_new (exercise));
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), limber_exercise_get_name (exercise, g_get_language_names ()[0]));
  limber_fit_default_size (GTK_WINDOW (window), parent, 720, 680);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, keys);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
limber_exercise_view_dispose (GObject *object)
{
  LimberExerciseView *self = LIMBER_EXERCISE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_EXERCISE_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->exercise);
  G_OBJECT_CLASS (limber_exercise_view_parent_class)->dispose (object);
}

static void
limber_exercise_view_class_init (LimberExerciseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_exercise_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/limber/Limber/limber-exercise-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LimberExerciseView, figure);
  gtk_widget_class_bind_template_child (widget_class, LimberExerciseView, summary);
  gtk_widget_class_bind_template_child (widget_class, LimberExerciseView, steps);
  gtk_widget_class_bind_template_child (widget_class, LimberExerciseView, cautions);
  gtk_widget_class_bind_template_child (widget_class, LimberExerciseView, therapist);
  gtk_widget_class_bind_template_child (widget_class, LimberExerciseView, details);
}

static void
limber_exercise_view_init (LimberExerciseView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
