/* limber-pose-editor.c — posing a stick figure, joint by joint
 *
 * The pose starts as a copy of a catalog stretch's figure, chosen in the
 * base row, and is adjusted joint by joint with a slider for each joint
 * and phase; the preview draws both phases side by side as the sliders
 * move.  The figure is always a copy: the catalog's stays as it was.
 *
 * "changed" says the therapist moved something; filling the widgets
 * from the catalog does not emit it, so the window it is in only asks
 * before discarding real work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-pose-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-figure-draw.h"
#include "limber-pose-editor.h"

/* The sliders, legs before arms: the catalog is mostly lower body.
 * The turns ("…-out", "…-turn") are the 3D pose's: they show through
 * the camera, which moving one turns on. */
static const struct
{
  const char *joint;
  const char *label;
  const char *group;   /* a heading before the first joint of a group */
  gboolean    turn;    /* a turn of the 3D pose, within its limits */
} joints[] = {
  { "trunk", N_("Trunk"), N_("Body"), FALSE },
  { "trunk-side", N_("Trunk side-bend"), NULL, TRUE },
  { "trunk-turn", N_("Trunk turn"), NULL, TRUE },
  { "neck", N_("Neck"), NULL, FALSE },
  { "right-hip", N_("Right hip"), N_("Right leg (near, dark)"), FALSE },
  { "right-hip-out", N_("Right hip out"), NULL, TRUE },
  { "right-hip-turn", N_("Right hip turn"), NULL, TRUE },
  { "right-knee", N_("Right knee"), NULL, FALSE },
  { "right-ankle", N_("Right ankle"), NULL, FALSE },
  { "right-ankle-turn", N_("Right foot turn"), NULL, TRUE },
  { "left-hip", N_("Left hip"), N_("Left leg (far, light)"), FALSE },
  { "left-hip-out", N_("Left hip out"), NULL, TRUE },
  { "left-hip-turn", N_("Left hip turn"), NULL, TRUE },
  { "left-knee", N_("Left knee"), NULL, FALSE },
  { "left-ankle", N_("Left ankle"), NULL, FALSE },
  { "left-ankle-turn", N_("Left foot turn"), NULL, TRUE },
  { "right-shoulder", N_("Right shoulder"), N_("Right arm (near, dark)"), FALSE },
  { "right-shoulder-out", N_("Right shoulder out"), NULL, TRUE },
  { "right-elbow", N_("Right elbow"), NULL, FALSE },
  { "left-shoulder", N_("Left shoulder"), N_("Left arm (far, light)"), FALSE },
  { "left-shoulder-out", N_("Left shoulder out"), NULL, TRUE },
  { "left-elbow", N_("Left elbow"), NULL, FALSE },
};

#define N_JOINTS 22

/* The camera's two sliders, on each phase's page (one camera). */
enum { CAMERA_YAW, CAMERA_PITCH, N_CAMERA };
#define CAMERA_START_YAW   30.0   /* where a turn first shows well */
#define CAMERA_START_PITCH 20.0
G_STATIC_ASSERT (G_N_ELEMENTS (joints) == N_JOINTS);

struct _LimberPoseEditor
{
  GtkBox          parent_instance;

  LimberCatalog  *catalog;
  GPtrArray      *bases;     /* LimberExercise with a figure, as base_row lists them */
  LimberFigure   *figure;    /* the pose being made: always a copy */
  GtkScale       *scales[LIMBER_N_PHASES][N_JOINTS];
  GtkWidget      *joint_labels[LIMBER_N_PHASES][N_JOINTS];
  GtkScale       *camera_scales[LIMBER_N_PHASES][N_CAMERA];
  guint           updating;  /* > 0 while the code fills widgets */

  /* Template widgets */
  GtkDrawingArea *preview;
  AdwComboRow    *base_row;
  GtkStack       *phase_stack;
};

G_DEFINE_FINAL_TYPE (LimberPoseEditor, limber_pose_editor, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_CATALOG,
  PROP_FIGURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  LimberPoseEditor *self = user_data;
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

static void
show_camera (LimberPoseEditor *self)
{
  const LimberCamera *camera = self->figure != NULL ? limber_figure_get_camera (self->figure) : NULL;
  gboolean can = self->figure != NULL && limber_figure_get_view (self->figure) != LIMBER_VIEW_FRONT;

  for (int phase = 0; phase < LIMBER_N_PHASES; phase++)
    for (int k = 0; k < N_CAMERA; k++)
      {
        double value = camera == NULL || !camera->on ? 0 : k == CAMERA_YAW ? camera->yaw : camera->pitch;

        gtk_range_set_value (GTK_RANGE (self->camera_scales[phase][k]), value);
        gtk_widget_set_sensitive (GTK_WIDGET (self->camera_scales[phase][k]), can);
      }
}

/* The sliders show the figure's angles; a joint that a reach or a flat
 * limb places says so, since moving it barely shows. */
static void
show_angles (LimberPoseEditor *self)
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
  show_camera (self);
  self->updating--;
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
on_scale_changed (GtkRange         *range,
                  LimberPoseEditor *self)
{
  int phase = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (range), "phase"));
  guint j = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (range), "joint"));

  if (self->updating > 0 || self->figure == NULL)
    return;
  /* A turn shows only in 3D: the first one turns the camera on. */
  if (joints[j].turn && !limber_figure_get_camera (self->figure)->on
      && limber_figure_set_camera (self->figure, CAMERA_START_YAW, CAMERA_START_PITCH))
    {
      self->updating++;
      show_camera (self);
      self->updating--;
    }
  limber_figure_set_angle (self->figure, phase, joints[j].joint, gtk_range_get_value (range));
  g_signal_emit (self, signals[CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
on_camera_changed (GtkRange         *range,
                   LimberPoseEditor *self)
{
  int phase = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (range), "phase"));

  if (self->updating > 0 || self->figure == NULL)
    return;
  if (limber_figure_set_camera (self->figure,
                                gtk_range_get_value (GTK_RANGE (self->camera_scales[phase][CAMERA_YAW])),
                                gtk_range_get_value (GTK_RANGE (self->camera_scales[phase][CAMERA_PITCH]))))
    {
      self->updating++;
      show_camera (self);
      self->updating--;
      g_signal_emit (self, signals[CHANGED], 0);
      gtk_widget_queue_draw (GTK_WIDGET (self->preview));
    }
}

static char *
format_degrees (GtkScale *scale,
                double    value,
                gpointer  user_data)
{
  /* Translators: a joint angle on a slider: "90°" */
  return g_strdup_printf (_("%d°"), (int) value);
}

static void
add_heading (GtkGrid    *grid,
             const char *text,
             int        *row)
{
  GtkWidget *heading = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_set_margin_top (heading, *row == 0 ? 0 : 12);
  gtk_grid_attach (grid, heading, 0, (*row)++, 2, 1);
}

/* Where the figure is seen from: around it, and from above. */
static void
camera_sliders (LimberPoseEditor *self,
                GtkGrid          *grid,
                LimberPhase       phase,
                int              *row)
{
  const char *labels[N_CAMERA] = { N_("Around"), N_("From above") };
  const char *names[N_CAMERA] = { "camera-yaw", "camera-pitch" };
  const double ranges[N_CAMERA] = { 180, 90 };

  add_heading (grid, _("Camera"), row);
  for (int k = 0; k < N_CAMERA; k++)
    {
      GtkWidget *label = gtk_label_new (_(labels[k]));
      GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, -ranges[k], ranges[k], 1);
      g_autofree char *name = g_strdup_printf ("%s-%s", names[k], phase == LIMBER_PHASE_SHORTENED ? "shortened" : "lengthened");

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (scale, TRUE);
      gtk_widget_set_name (scale, name);
      gtk_scale_set_draw_value (GTK_SCALE (scale), TRUE);
      gtk_scale_set_value_pos (GTK_SCALE (scale), GTK_POS_RIGHT);
      gtk_scale_add_mark (GTK_SCALE (scale), 0, GTK_POS_BOTTOM, NULL);
      gtk_scale_set_format_value_func (GTK_SCALE (scale), format_degrees, NULL, NULL);
      gtk_range_set_increments (GTK_RANGE (scale), 1, 10);
      gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL, _(labels[k]), -1);
      g_object_set_data (G_OBJECT (scale), "phase", GINT_TO_POINTER (phase));
      g_signal_connect_object (scale, "value-changed", G_CALLBACK (on_camera_changed), self, 0);
      gtk_grid_attach (grid, label, 0, *row, 1, 1);
      gtk_grid_attach (grid, scale, 1, (*row)++, 1, 1);
      self->camera_scales[phase][k] = GTK_SCALE (scale);
    }
}

static GtkWidget *
phase_sliders (LimberPoseEditor *self,
               LimberPhase       phase)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  int row = 0;

  gtk_grid_set_column_spacing (grid, 12);
  for (guint j = 0; j < N_JOINTS; j++)
    {
      GtkWidget *label = gtk_label_new (_(joints[j].label));
      double lo = -180, hi = 180;
      GtkWidget *scale;
      g_autofree char *name = g_strdup_printf ("%s-%s", joints[j].joint,
                                               phase == LIMBER_PHASE_SHORTENED ? "shortened" : "lengthened");
      g_autofree char *accessible = g_strdup_printf (phase == LIMBER_PHASE_SHORTENED
                                                     /* Translators: names a slider for screen readers */
                                                     ? _("%s, shortened, degrees")
                                                     /* Translators: names a slider for screen readers */
                                                     : _("%s, lengthened, degrees"), _(joints[j].label));

      if (joints[j].turn)
        limber_turn_limits (limber_figure_word_lookup (LIMBER_WORDS_TURN, joints[j].joint), &lo, &hi);
      scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, lo, hi, 1);
      if (joints[j].group != NULL)
        add_heading (grid, _(joints[j].group), &row);
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
  camera_sliders (self, grid, phase, &row);
  return GTK_WIDGET (grid);
}

/* A new base replaces the pose with a copy of its figure. */
static void
on_base_selected (LimberPoseEditor *self)
{
  guint index = adw_combo_row_get_selected (self->base_row);

  if (index >= self->bases->len)
    return;
  g_clear_object (&self->figure);
  self->figure = limber_figure_copy (limber_exercise_get_figure (g_ptr_array_index (self->bases, index)));
  show_angles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE]);
  if (self->updating == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* The catalog's stretches that have a figure, to start a pose from. */
static void
fill_bases (LimberPoseEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *model = G_LIST_MODEL (self->catalog);
  const char *lang = g_get_language_names ()[0];
  gboolean had_figure = self->figure != NULL;

  g_ptr_array_set_size (self->bases, 0);
  for (guint i = 0; self->catalog != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberExercise) e = g_list_model_get_item (model, i);

      if (limber_exercise_get_figure (e) == NULL)
        continue;
      gtk_string_list_append (names, limber_exercise_get_name (e, lang));
      g_ptr_array_add (self->bases, g_steal_pointer (&e));
    }
  /* Setting the model selects its first entry, which copies its figure. */
  g_clear_object (&self->figure);
  self->updating++;
  adw_combo_row_set_model (self->base_row, G_LIST_MODEL (names));
  if (self->figure == NULL)
    on_base_selected (self);
  self->updating--;
  if (self->figure == NULL)
    {
      /* Nothing to start from: nothing to pose. */
      show_angles (self);
      if (had_figure)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE]);
    }
}

/**
 * limber_pose_editor_new:
 * @catalog: (nullable): where the base poses come from
 */
GtkWidget *
limber_pose_editor_new (LimberCatalog *catalog)
{
  g_return_val_if_fail (catalog == NULL || LIMBER_IS_CATALOG (catalog), NULL);

  return g_object_new (LIMBER_TYPE_POSE_EDITOR, "catalog", catalog, NULL);
}

LimberCatalog *
limber_pose_editor_get_catalog (LimberPoseEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_POSE_EDITOR (self), NULL);

  return self->catalog;
}

/* The base row lists the stretches of @catalog that have a figure; the
 * pose starts as a copy of the first. */
void
limber_pose_editor_set_catalog (LimberPoseEditor *self,
                                LimberCatalog    *catalog)
{
  g_return_if_fail (LIMBER_IS_POSE_EDITOR (self));
  g_return_if_fail (catalog == NULL || LIMBER_IS_CATALOG (catalog));

  if (!g_set_object (&self->catalog, catalog))
    return;
  fill_bases (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

/**
 * limber_pose_editor_get_figure:
 *
 * Returns: (transfer none) (nullable): the pose as it is now, or %NULL
 *   when the catalog has no figure to start from
 */
LimberFigure *
limber_pose_editor_get_figure (LimberPoseEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_POSE_EDITOR (self), NULL);

  return self->figure;
}

/**
 * limber_pose_editor_start_from:
 *
 * Starts the pose from @exercise's own figure (a custom stretch being
 * edited), if the base row lists it; does not emit "changed".
 */
void
limber_pose_editor_start_from (LimberPoseEditor *self,
                               LimberExercise   *exercise)
{
  g_return_if_fail (LIMBER_IS_POSE_EDITOR (self));
  g_return_if_fail (LIMBER_IS_EXERCISE (exercise));

  for (guint i = 0; i < self->bases->len; i++)
    if (g_strcmp0 (limber_exercise_get_id (g_ptr_array_index (self->bases, i)),
                   limber_exercise_get_id (exercise)) == 0)
      {
        self->updating++;
        adw_combo_row_set_selected (self->base_row, i);
        self->updating--;
        return;
      }
}

static void
limber_pose_editor_dispose (GObject *object)
{
  LimberPoseEditor *self = LIMBER_POSE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_POSE_EDITOR);

  G_OBJECT_CLASS (limber_pose_editor_parent_class)->dispose (object);
}

static void
limber_pose_editor_finalize (GObject *object)
{
  LimberPoseEditor *self = LIMBER_POSE_EDITOR (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->figure);
  g_ptr_array_unref (self->bases);

  G_OBJECT_CLASS (limber_pose_editor_parent_class)->finalize (object);
}

static void
limber_pose_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LimberPoseEditor *self = LIMBER_POSE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_FIGURE:
      g_value_set_object (value, self->figure);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_pose_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LimberPoseEditor *self = LIMBER_POSE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      limber_pose_editor_set_catalog (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_pose_editor_class_init (LimberPoseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_pose_editor_dispose;
  object_class->finalize = limber_pose_editor_finalize;
  object_class->get_property = limber_pose_editor_get_property;
  object_class->set_property = limber_pose_editor_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, LIMBER_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The pose being made, a copy of the base's; changed in place as the
   * sliders move ("changed"), replaced when another base is chosen. */
  properties[PROP_FIGURE] =
    g_param_spec_object ("figure", NULL, NULL, LIMBER_TYPE_FIGURE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberPoseEditor::changed:
   *
   * The therapist chose another base or moved a joint.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/limber/Limber/limber-pose-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPoseEditor, preview);
  gtk_widget_class_bind_template_child (widget_class, LimberPoseEditor, base_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPoseEditor, phase_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_base_selected);
}

/* A page of sliders for each phase, and the preview. */
static void
limber_pose_editor_init (LimberPoseEditor *self)
{
  self->bases = g_ptr_array_new_with_free_func (g_object_unref);
  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Its group has no title to name its list for a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self->base_row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Start from"), -1);
  gtk_stack_add_titled (self->phase_stack, phase_sliders (self, LIMBER_PHASE_SHORTENED), "shortened",
                        _("Shortened (start)"));
  gtk_stack_add_titled (self->phase_stack, phase_sliders (self, LIMBER_PHASE_LENGTHENED), "lengthened",
                        _("Lengthened (end)"));
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  show_angles (self);
  self->updating--;
}
