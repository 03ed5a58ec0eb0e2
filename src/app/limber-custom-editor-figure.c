/* limber-custom-editor-figure.c — the custom stretch editor's figure
 *
 * The pose starts as a copy of a catalog stretch's figure, chosen in the
 * base row, and is adjusted joint by joint with a slider for each joint
 * and phase; the preview draws both phases side by side as the sliders
 * move.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-custom-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-custom-editor-private.h"
#include "limber-figure-draw.h"

/* The sliders, legs before arms: the catalog is mostly lower body. */
static const struct
{
  const char *joint;
  const char *label;
  const char *group;   /* a heading before the first joint of a group */
} joints[] = {
  { "trunk", N_("Trunk"), N_("Body") },
  { "neck", N_("Neck"), NULL },
  { "right-hip", N_("Right hip"), N_("Right leg (near, dark)") },
  { "right-knee", N_("Right knee"), NULL },
  { "right-ankle", N_("Right ankle"), NULL },
  { "left-hip", N_("Left hip"), N_("Left leg (far, light)") },
  { "left-knee", N_("Left knee"), NULL },
  { "left-ankle", N_("Left ankle"), NULL },
  { "right-shoulder", N_("Right shoulder"), N_("Right arm (near, dark)") },
  { "right-elbow", N_("Right elbow"), NULL },
  { "left-shoulder", N_("Left shoulder"), N_("Left arm (far, light)") },
  { "left-elbow", N_("Left elbow"), NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (joints) == N_JOINTS);

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  LimberCustomEditor *self = user_data;
  LimberFigureStyle style;

  /* A white card, as the handout and the catalog show figures. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  if (self->figure == NULL)
    return;
  limber_figure_style_init (&style);
  style.show = LIMBER_FIGURE_SHOW_SIDE_BY_SIDE;
  limber_figure_draw (self->figure, cr, 4, 4, width - 8, height - 8, &style);
}

/* The sliders show the figure's angles; a joint that a reach or a flat
 * limb places says so, since moving it barely shows. */
static void
show_angles (LimberCustomEditor *self)
{
  self->updating++;
  for (int phase = 0; phase < LIMBER_N_PHASES; phase++)
    for (guint j = 0; j < N_JOINTS; j++)
      {
        GtkScale *scale = self->scales[phase][j];
        gboolean placed = self->figure != NULL
                          && limber_figure_joint_is_placed (self->figure, phase, joints[j].joint);

        gtk_range_set_value (GTK_RANGE (scale), self->figure == NULL ? 0
                             : limber_figure_get_angle (self->figure, phase, joints[j].joint));
        gtk_widget_set_sensitive (GTK_WIDGET (scale), self->figure != NULL);
        gtk_widget_set_tooltip_text (GTK_WIDGET (scale), placed
                                     ? _("Guided by the pose: a hand or foot placed somewhere, or a limb laid "
                                         "flat, sets this joint, so changing it barely moves the figure")
                                     : NULL);
        if (placed)
          gtk_widget_add_css_class (self->joint_labels[phase][j], "dim-label");
        else
          gtk_widget_remove_css_class (self->joint_labels[phase][j], "dim-label");
      }
  self->updating--;
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
on_scale_changed (GtkRange           *range,
                  LimberCustomEditor *self)
{
  int phase = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (range), "phase"));
  guint j = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (range), "joint"));

  if (self->updating > 0 || self->figure == NULL)
    return;
  limber_figure_set_angle (self->figure, phase, joints[j].joint, gtk_range_get_value (range));
  _limber_custom_editor_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static char *
format_degrees (GtkScale *scale,
                double    value,
                gpointer  user_data)
{
  /* Translators: a joint angle on a slider: "90°" */
  return g_strdup_printf (_("%d°"), (int) value);
}

static GtkWidget *
phase_sliders (LimberCustomEditor *self,
               LimberPhase         phase)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  int row = 0;

  gtk_grid_set_column_spacing (grid, 12);
  for (guint j = 0; j < N_JOINTS; j++)
    {
      GtkWidget *label = gtk_label_new (_(joints[j].label));
      GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, -180, 180, 1);
      g_autofree char *name = g_strdup_printf ("%s-%s", joints[j].joint,
                                               phase == LIMBER_PHASE_SHORTENED ? "shortened" : "lengthened");
      g_autofree char *accessible = g_strdup_printf (phase == LIMBER_PHASE_SHORTENED
                                                     /* Translators: names a slider for screen readers */
                                                     ? _("%s, shortened, degrees")
                                                     /* Translators: names a slider for screen readers */
                                                     : _("%s, lengthened, degrees"), _(joints[j].label));

      if (joints[j].group != NULL)
        {
          GtkWidget *heading = gtk_label_new (_(joints[j].group));

          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "caption-heading");
          gtk_widget_add_css_class (heading, "dim-label");
          gtk_widget_set_margin_top (heading, row == 0 ? 0 : 12);
          gtk_grid_attach (grid, heading, 0, row++, 2, 1);
        }
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_widget_set_hexpand (scale, TRUE);
      gtk_widget_set_name (scale, name);
      gtk_scale_set_draw_value (GTK_SCALE (scale), TRUE);
      gtk_scale_set_value_pos (GTK_SCALE (scale), GTK_POS_RIGHT);
      gtk_scale_add_mark (GTK_SCALE (scale), 0, GTK_POS_BOTTOM, NULL);
      gtk_scale_set_format_value_func (GTK_SCALE (scale), format_degrees, NULL, NULL);
      gtk_range_set_increments (GTK_RANGE (scale), 1, 10);
      gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_set_data (G_OBJECT (scale), "phase", GINT_TO_POINTER (phase));
      g_object_set_data (G_OBJECT (scale), "joint", GUINT_TO_POINTER (j));
      g_signal_connect_object (scale, "value-changed", G_CALLBACK (on_scale_changed), self, 0);
      gtk_grid_attach (grid, label, 0, row, 1, 1);
      gtk_grid_attach (grid, scale, 1, row++, 1, 1);
      self->scales[phase][j] = GTK_SCALE (scale);
      self->joint_labels[phase][j] = label;
    }
  return GTK_WIDGET (grid);
}

static void
on_base_selected (LimberCustomEditor *self)
{
  guint index = adw_combo_row_get_selected (self->base_row);

  if (index >= self->bases->len)
    return;
  g_clear_object (&self->figure);
  self->figure = limber_figure_copy (limber_exercise_get_figure (g_ptr_array_index (self->bases, index)));
  _limber_custom_editor_changed (self);
  show_angles (self);
}

/* The catalog's stretches that have a figure, to start a pose from. */
void
_limber_custom_editor_fill_bases (LimberCustomEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *model = G_LIST_MODEL (self->catalog);
  const char *lang = g_get_language_names ()[0];

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberExercise) e = g_list_model_get_item (model, i);

      if (limber_exercise_get_figure (e) == NULL)
        continue;
      gtk_string_list_append (names, limber_exercise_get_name (e, lang));
      g_ptr_array_add (self->bases, g_steal_pointer (&e));
    }
  self->updating++;
  adw_combo_row_set_model (self->base_row, G_LIST_MODEL (names));
  self->updating--;
  if (self->bases->len == 0)
    {
      /* Nothing to start from: a picture is the only way. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->figure_toggle), FALSE);
      gtk_toggle_button_set_active (self->photo_toggle, TRUE);
      return;
    }
  self->updating++;
  on_base_selected (self);
  self->updating--;
  g_signal_connect_object (self->base_row, "notify::selected", G_CALLBACK (on_base_selected), self,
                           G_CONNECT_SWAPPED);
}

/* The figure or the picture illustrates the stretch. */
static void
on_mode_toggled (LimberCustomEditor *self)
{
  gboolean figure = gtk_toggle_button_get_active (self->figure_toggle);

  gtk_stack_set_visible_child_name (self->mode_stack, figure ? "figure" : "photo");
  _limber_custom_editor_changed (self);
}

void
_limber_custom_editor_class_add_figure (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled);
}

/* A page of sliders for each phase, and the preview. */
void
_limber_custom_editor_init_figure (LimberCustomEditor *self)
{
  gtk_stack_add_titled (self->phase_stack, phase_sliders (self, LIMBER_PHASE_SHORTENED), "shortened",
                        _("Shortened (start)"));
  gtk_stack_add_titled (self->phase_stack, phase_sliders (self, LIMBER_PHASE_LENGTHENED), "lengthened",
                        _("Lengthened (end)"));
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
}
