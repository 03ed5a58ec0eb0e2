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
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-custom-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-custom-editor.h"
#include "limber-custom.h"
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

#define N_JOINTS G_N_ELEMENTS (joints)
/* A picture is decoded at the size the window shows it, at most. */
#define PICTURE_WIDTH  620
#define PICTURE_HEIGHT 328

/* The sides a default dosage can name, in the side row's order. */
static const LimberSide sides[] = { LIMBER_SIDE_BOTH, LIMBER_SIDE_RIGHT, LIMBER_SIDE_LEFT };

struct _LimberCustomEditor
{
  AdwWindow             parent_instance;

  LimberCatalog        *catalog;
  GPtrArray            *bases;     /* LimberExercise with a figure, as base_row lists them */
  LimberFigure         *figure;    /* the pose being made: always a copy */
  GtkScale             *scales[LIMBER_N_PHASES][N_JOINTS];
  GtkWidget            *joint_labels[LIMBER_N_PHASES][N_JOINTS];
  GPtrArray            *equipment; /* GtkCheckButton, in vocabulary order */
  GBytes               *image;
  char                 *image_type;
  GCancellable         *loading;
  GtkFileChooserNative *chooser;
  guint                 updating;  /* > 0 while the code fills widgets */
  gboolean              dirty;
  gboolean              closing;

  /* Template widgets */
  AdwEntryRow          *name_row;
  AdwComboRow          *region_row;
  AdwEntryRow          *tissue_row;
  GtkMenuButton        *tissue_menu;
  AdwComboRow          *position_row;
  AdwExpanderRow       *equipment_row;
  GtkLabel             *fields_error;
  AdwEntryRow          *summary_row;
  GtkTextView          *texts[LIMBER_EXERCISE_N_TEXTS];  /* the long texts only */
  AdwEntryRow          *caution_row;
  GtkSpinButton        *spins[LIMBER_DOSAGE_N_FIELDS];
  AdwComboRow          *side_row;
  GtkToggleButton      *figure_toggle;
  GtkToggleButton      *photo_toggle;
  GtkStack             *mode_stack;
  GtkDrawingArea       *preview;
  AdwComboRow          *base_row;
  GtkStack             *phase_stack;
  GtkStack             *picture_stack;
  GtkPicture           *picture;
  GtkLabel             *picture_name;
  GtkLabel             *picture_error;
};

G_DEFINE_FINAL_TYPE (LimberCustomEditor, limber_custom_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
changed (LimberCustomEditor *self)
{
  if (self->updating == 0)
    self->dirty = TRUE;
}

/* ------------------------------------------------------------------ */
/* The figure                                                         */

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
  changed (self);
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
  changed (self);
  show_angles (self);
}

static void
fill_bases (LimberCustomEditor *self)
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

static void
on_mode_toggled (LimberCustomEditor *self)
{
  gboolean figure = gtk_toggle_button_get_active (self->figure_toggle);

  gtk_stack_set_visible_child_name (self->mode_stack, figure ? "figure" : "photo");
  changed (self);
}

/* ------------------------------------------------------------------ */
/* The picture: read, checked and drawn small in a thread             */

typedef struct
{
  GBytes     *bytes;
  const char *type;
  GdkTexture *texture;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->bytes, g_bytes_unref);
  g_clear_object (&loaded->texture);
  g_free (loaded);
}

static void
load_image_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Loaded *loaded = g_new0 (Loaded, 1);
  cairo_surface_t *surface = NULL;
  GError *error = NULL;

  loaded->bytes = limber_custom_read_picture (task_data, cancellable, &loaded->type, &error);
  if (loaded->bytes != NULL)
    surface = limber_custom_render_picture (loaded->bytes, loaded->type, PICTURE_WIDTH, PICTURE_HEIGHT, &error);
  if (surface == NULL)
    {
      loaded_free (loaded);
      g_task_return_error (task, error);
      return;
    }
  {
    int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
    int stride = cairo_image_surface_get_stride (surface);
    g_autoptr(GBytes) pixels = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * h);

    /* Cairo's ARGB32 is GDK_MEMORY_DEFAULT. */
    loaded->texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, pixels, stride);
  }
  cairo_surface_destroy (surface);
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

static void
on_image_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LimberCustomEditor) self = user_data;   /* held while loading */
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (loaded == NULL)
    {
      /* The picture shown before, if any, stays. */
      g_autofree char *text = g_strdup_printf (_("“%s” cannot be used: %s."), name, error->message);

      gtk_label_set_label (self->picture_error, text);
      gtk_widget_set_visible (GTK_WIDGET (self->picture_error), TRUE);
      return;
    }
  g_clear_pointer (&self->image, g_bytes_unref);
  g_free (self->image_type);
  self->image = g_bytes_ref (loaded->bytes);
  self->image_type = g_strdup (loaded->type);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (loaded->texture));
  {
    /* Translators: names the picture for screen readers; %s is its file */
    g_autofree char *label = g_strdup_printf (_("Picture of the stretch: %s"), name);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  gtk_stack_set_visible_child_name (self->picture_stack, "picture");
  gtk_label_set_label (self->picture_name, name);
  gtk_widget_set_visible (GTK_WIDGET (self->picture_error), FALSE);
  changed (self);
  loaded_free (loaded);
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
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LIMBER_IS_CUSTOM_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  gtk_toggle_button_set_active (self->photo_toggle, TRUE);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  task = g_task_new (NULL, self->loading, on_image_loaded, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_image_thread);
}

static void
on_chooser_response (GtkNativeDialog    *chooser,
                     int                 response,
                     LimberCustomEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        limber_custom_editor_set_image_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LimberCustomEditor *self = LIMBER_CUSTOM_EDITOR (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Pictures (PNG, JPEG, SVG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a Picture"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
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

/* ------------------------------------------------------------------ */
/* The fields                                                         */

static GStrv
chosen_equipment (LimberCustomEditor *self,
                  gboolean            labels)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->equipment->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->equipment, i)))
      g_strv_builder_add (builder, labels ? limber_vocabulary_label (LIMBER_VOCABULARY_EQUIPMENT, i)
                                          : limber_vocabulary_word (LIMBER_VOCABULARY_EQUIPMENT, i));
  return g_strv_builder_end (builder);
}

static void
on_equipment_toggled (LimberCustomEditor *self)
{
  g_auto(GStrv) labels = chosen_equipment (self, TRUE);
  g_autofree char *list = g_strjoinv (", ", labels);

  adw_expander_row_set_subtitle (self->equipment_row, *list ? list : _("None"));
  changed (self);
}

static void
word_row (AdwComboRow      *row,
          LimberVocabulary  kind,
          const char       *first)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, first);
  for (guint i = 0; i < limber_vocabulary_count (kind); i++)
    gtk_string_list_append (labels, limber_vocabulary_label (kind, i));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

/* A word of the vocabulary, or NULL for the row's first entry. */
static const char *
row_word (AdwComboRow      *row,
          LimberVocabulary  kind)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected == 0 || selected == GTK_INVALID_LIST_POSITION
         ? NULL : limber_vocabulary_word (kind, selected - 1);
}

static void
add_tissue_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LimberCustomEditor *self = LIMBER_CUSTOM_EDITOR (widget);
  g_autofree char *label = limber_tissue_label (g_variant_get_string (parameter, NULL));
  g_autofree char *now = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tissue_row))));
  g_autofree char *text = *now ? g_strdup_printf ("%s, %s", now, label) : g_strdup (label);

  gtk_editable_set_text (GTK_EDITABLE (self->tissue_row), text);
  gtk_widget_grab_focus (GTK_WIDGET (self->tissue_row));
}

static void
fill_tissue_menu (LimberCustomEditor *self)
{
  g_auto(GStrv) tissues = limber_catalog_dup_tissues (self->catalog);
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; tissues[i] != NULL; i++)
    {
      g_autofree char *label = limber_tissue_label (tissues[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "editor.add-tissue", "s", tissues[i]);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->tissue_menu, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->tissue_menu), tissues[0] != NULL);
}

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The rows hold the catalog's most common dosage; the bounds are the
 * format's. */
static void
set_dosage_bounds (LimberCustomEditor *self)
{
  for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS; i++)
    {
      int min, max;

      limber_dosage_field_bounds (i, &min, &max);
      gtk_spin_button_set_range (self->spins[i], min, max);
    }
}

static void
build_equipment (LimberCustomEditor *self)
{
  for (guint i = 0; i < limber_vocabulary_count (LIMBER_VOCABULARY_EQUIPMENT); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_name (check, limber_vocabulary_word (LIMBER_VOCABULARY_EQUIPMENT, i));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), limber_vocabulary_label (LIMBER_VOCABULARY_EQUIPMENT, i));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_equipment_toggled), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->equipment_row, row);
      g_ptr_array_add (self->equipment, check);
    }
}

/* ------------------------------------------------------------------ */
/* Save and cancel                                                    */

static void
mark (GtkWidget *row,
      gboolean   wrong)
{
  if (wrong)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               wrong ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

/* Says, next to the fields, which required ones are missing; focuses
 * the first.  Returns: whether all are there */
static gboolean
check_required (LimberCustomEditor *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_auto(GStrv) tissues = limber_custom_parse_tissues (gtk_editable_get_text (GTK_EDITABLE (self->tissue_row)));
  gboolean no_name = *name == '\0';
  gboolean no_region = row_word (self->region_row, LIMBER_VOCABULARY_REGION) == NULL;
  gboolean no_tissue = tissues[0] == NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  mark (GTK_WIDGET (self->name_row), no_name);
  mark (GTK_WIDGET (self->region_row), no_region);
  mark (GTK_WIDGET (self->tissue_row), no_tissue);
  if (no_name)
    g_string_append (text, _("Give the stretch a name."));
  if (no_region)
    g_string_append_printf (text, "%s%s", text->len ? " " : "", _("Choose its region."));
  if (no_tissue)
    g_string_append_printf (text, "%s%s", text->len ? " " : "",
                            _("Name the tissue it releases (for example: rectus femoris)."));
  gtk_label_set_label (self->fields_error, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->fields_error), text->len > 0);
  if (no_name || no_region || no_tissue)
    {
      gtk_widget_grab_focus (GTK_WIDGET (no_name ? (gpointer) self->name_row
                                         : no_region ? (gpointer) self->region_row : (gpointer) self->tissue_row));
      return FALSE;
    }
  return TRUE;
}

/* Once said, what is missing is said again as the therapist fixes it. */
static void
on_required_changed (LimberCustomEditor *self)
{
  changed (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->fields_error)))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      check_required (self);
      if (focus != NULL)
        gtk_widget_grab_focus (focus);
    }
}

static void
show_error (LimberCustomEditor *self,
            const char         *heading,
            const char         *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static LimberExercise *
build_exercise (LimberCustomEditor *self,
                GError            **error)
{
  LimberCustomFields fields = { 0 };
  g_autofree char *long_texts[LIMBER_EXERCISE_N_TEXTS] = { NULL };
  g_auto(GStrv) equipment = chosen_equipment (self, FALSE);
  LimberExercise *exercise;

  for (guint i = 0; i < LIMBER_EXERCISE_N_TEXTS; i++)
    if (self->texts[i] != NULL)
      fields.texts[i] = long_texts[i] = text_of (self->texts[i]);
  fields.texts[LIMBER_EXERCISE_NAME] = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  fields.texts[LIMBER_EXERCISE_SUMMARY] = gtk_editable_get_text (GTK_EDITABLE (self->summary_row));
  fields.region = row_word (self->region_row, LIMBER_VOCABULARY_REGION);
  fields.tissues = gtk_editable_get_text (GTK_EDITABLE (self->tissue_row));
  fields.position = row_word (self->position_row, LIMBER_VOCABULARY_POSITION);
  fields.equipment = (const char * const *) equipment;
  fields.caution = gtk_editable_get_text (GTK_EDITABLE (self->caution_row));
  for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS; i++)
    {
      gtk_spin_button_update (self->spins[i]);
      limber_dosage_set (&fields.dosage, i, gtk_spin_button_get_value_as_int (self->spins[i]));
    }
  fields.dosage.side = sides[MIN (adw_combo_row_get_selected (self->side_row), G_N_ELEMENTS (sides) - 1)];
  if (gtk_toggle_button_get_active (self->figure_toggle))
    fields.figure = self->figure;

  exercise = limber_custom_build (&fields, error);
  for (guint i = 0; i < LIMBER_EXERCISE_N_TEXTS; i++)
    g_free (long_texts[i]);
  return exercise;
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

  if (!check_required (self))
    return;
  exercise = build_exercise (self, &error);
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
  gtk_widget_class_install_action (widget_class, "editor.choose-image", NULL, choose_image_action);
  gtk_widget_class_install_action (widget_class, "editor.add-tissue", "s", add_tissue_action);
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
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_required_changed);
  gtk_widget_class_bind_template_callback (widget_class, changed);
}

static void
limber_custom_editor_init (LimberCustomEditor *self)
{
  GtkDropTarget *drop;

  self->bases = g_ptr_array_new_with_free_func (g_object_unref);
  self->equipment = g_ptr_array_new ();
  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));

  word_row (self->region_row, LIMBER_VOCABULARY_REGION, _("Choose…"));
  word_row (self->position_row, LIMBER_VOCABULARY_POSITION, _("Not given"));
  build_equipment (self);
  set_dosage_bounds (self);
  gtk_stack_add_titled (self->phase_stack, phase_sliders (self, LIMBER_PHASE_SHORTENED), "shortened",
                        _("Shortened (start)"));
  gtk_stack_add_titled (self->phase_stack, phase_sliders (self, LIMBER_PHASE_LENGTHENED), "lengthened",
                        _("Lengthened (end)"));
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
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
  fill_bases (self);
  fill_tissue_menu (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WINDOW (self);
}
