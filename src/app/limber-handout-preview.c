/* limber-handout-preview.c — the handout's pages, as they will print
 *
 * Each page is a drawing area that calls limber_handout_draw_page(), the
 * function that also prints and writes the PDF: what the therapist sees
 * here is what the patient gets.  The layout, paper, language and
 * therapist's copy chosen here are the options the window prints and
 * exports with (limber_handout_preview_get_options()); the layout and
 * paper are remembered in the settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-handout-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-handout-preview.h"
#include "limber-languages.h"

#define SHADOW      6       /* pixels around a page for its shadow */
#define ZOOM_MIN    0.25    /* pixels per point */
#define ZOOM_MAX    4.0
#define ZOOM_STEP   1.25
#define REBUILD_MS  150     /* after the last edit of the program */


struct _LimberHandoutPreview
{
  GtkWidget             parent_instance;

  LimberProgram        *program;
  LimberHandout        *handout;
  LimberHandoutOptions  options;
  GSettings            *settings;     /* NULL without the installed schema */
  double                zoom;
  gboolean              fit;
  gboolean              updating;     /* setting the controls from the options */
  guint                 rebuild_id;
  guint                 fit_id;

  /* Template widgets */
  GtkDropDown          *layout_dropdown;
  GtkDropDown          *paper_dropdown;
  GtkDropDown          *language_dropdown;
  GtkCheckButton       *therapist_check;
  GtkLabel             *pages_label;
  GtkDropDown          *narrow_layout;
  GtkDropDown          *narrow_paper;
  GtkDropDown          *narrow_language;
  GtkCheckButton       *narrow_therapist;
  GtkLabel             *narrow_pages_label;
  GtkScrolledWindow    *scroller;
  GtkBox               *pages;
};

G_DEFINE_FINAL_TYPE (LimberHandoutPreview, limber_handout_preview, GTK_TYPE_WIDGET)

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  LimberHandoutPreview *self = user_data;
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "limber-page"));
  double page_width, page_height, scale;

  if (self->handout == NULL || index >= limber_handout_get_n_pages (self->handout))
    return;
  limber_handout_get_page_size (self->handout, &page_width, &page_height);
  scale = MIN ((width - 2.0 * SHADOW) / page_width, (height - 2.0 * SHADOW) / page_height);
  if (!(scale > 0))
    return;

  /* A soft shadow under the sheet: a few widening translucent frames. */
  for (int i = SHADOW; i > 0; i--)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, 0.035);
      cairo_rectangle (cr, SHADOW - i * 0.6, SHADOW - i * 0.4, page_width * scale + i * 1.2,
                       page_height * scale + i * 1.2);
      cairo_fill (cr);
    }
  cairo_translate (cr, SHADOW, SHADOW);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, page_width, page_height);
  cairo_clip (cr);
  limber_handout_draw_page (self->handout, cr, index);
}

static void
size_pages (LimberHandoutPreview *self)
{
  double page_width = 595, page_height = 842;

  if (self->handout != NULL)
    limber_handout_get_page_size (self->handout, &page_width, &page_height);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (child), (int) (page_width * self->zoom) + 2 * SHADOW);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (child), (int) (page_height * self->zoom) + 2 * SHADOW);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in", self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", self->zoom > ZOOM_MIN);
}

/* Fit mode: the page as wide as the view. */
static gboolean
fit_width (gpointer user_data)
{
  LimberHandoutPreview *self = user_data;
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->scroller);
  double page_width = 595, room = gtk_adjustment_get_page_size (h) - 24 - 2 * SHADOW;

  self->fit_id = 0;
  if (!self->fit || room <= 0)
    return G_SOURCE_REMOVE;
  if (self->handout != NULL)
    limber_handout_get_page_size (self->handout, &page_width, NULL);
  self->zoom = CLAMP (room / page_width, ZOOM_MIN, ZOOM_MAX);
  size_pages (self);
  return G_SOURCE_REMOVE;
}

static void
on_view_width (LimberHandoutPreview *self)
{
  /* Not in the middle of the allocation that changed it. */
  if (self->fit && self->fit_id == 0)
    self->fit_id = g_idle_add (fit_width, self);
}

/* Lays the handout out again and makes one drawing area per page. */
static void
rebuild (LimberHandoutPreview *self)
{
  GtkWidget *child;
  int n = 0, i = 0;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_object (&self->handout);
  if (self->program != NULL)
    {
      self->handout = limber_handout_new (self->program, &self->options);
      n = limber_handout_get_n_pages (self->handout);
    }

  child = gtk_widget_get_first_child (GTK_WIDGET (self->pages));
  for (; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf (_("Page %d of %d"), i + 1, n);

      if (child == NULL)
        {
          /* A picture of the page to a screen reader, named below. */
          child = g_object_new (GTK_TYPE_DRAWING_AREA, "accessible-role", GTK_ACCESSIBLE_ROLE_IMG, NULL);
          gtk_widget_set_halign (child, GTK_ALIGN_CENTER);
          gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (child), draw_page, self, NULL);
          gtk_box_append (self->pages, child);
        }
      g_object_set_data (G_OBJECT (child), "limber-page", GINT_TO_POINTER (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_queue_draw (child);
      child = gtk_widget_get_next_sibling (child);
    }
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_box_remove (self->pages, child);
      child = next;
    }

  if (n > 0)
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%d page", "%d pages", n), n);
      gtk_label_set_label (self->pages_label, count);
    }
  else
    gtk_label_set_label (self->pages_label, "");
  size_pages (self);
  if (self->fit)
    on_view_width (self);
}

static gboolean
rebuild_later (gpointer user_data)
{
  LimberHandoutPreview *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
on_program_changed (LimberHandoutPreview *self)
{
  /* Typing a note changes the program at every key: lay out once. */
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->rebuild_id = g_timeout_add (REBUILD_MS, rebuild_later, self);
}

/* Each language in its own words, as a patient would look for it. */
static void
fill_languages (LimberHandoutPreview *self)
{
  GtkStringList *names = GTK_STRING_LIST (gtk_drop_down_get_model (self->language_dropdown));

  self->updating = TRUE;
  for (guint i = 0; i < limber_languages_get_n (); i++)
    gtk_string_list_append (names, limber_languages_get (i)->own_name);
  self->updating = FALSE;
}

static void
show_options (LimberHandoutPreview *self)
{
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->layout_dropdown, self->options.layout);
  gtk_drop_down_set_selected (self->paper_dropdown, self->options.paper);
  gtk_drop_down_set_selected (self->language_dropdown, limber_languages_find (self->options.language));
  gtk_check_button_set_active (self->therapist_check, self->options.therapist_copy);
  self->updating = FALSE;
}

static void
on_option_changed (LimberHandoutPreview *self)
{
  guint language;

  if (self->updating)
    return;
  self->options.layout = MIN (gtk_drop_down_get_selected (self->layout_dropdown), LIMBER_HANDOUT_COMPACT);
  self->options.paper = gtk_drop_down_get_selected (self->paper_dropdown) == 1 ? LIMBER_PAPER_LETTER
                                                                              : LIMBER_PAPER_A4;
  language = MIN (gtk_drop_down_get_selected (self->language_dropdown), limber_languages_get_n () - 1);
  g_free (self->options.language);
  self->options.language = g_strdup (limber_languages_get (language)->code);
  self->options.therapist_copy = gtk_check_button_get_active (self->therapist_check);

  /* The next handout starts from the same layout and paper. */
  if (self->settings != NULL)
    {
      g_settings_set_enum (self->settings, "handout-layout", self->options.layout);
      g_settings_set_enum (self->settings, "paper-size", self->options.paper);
    }
  rebuild (self);
}

static void
zoom_by (LimberHandoutPreview *self,
         double                factor)
{
  self->fit = FALSE;
  self->zoom = CLAMP (self->zoom * factor, ZOOM_MIN, ZOOM_MAX);
  size_pages (self);
}

static void
zoom_in_activated (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  zoom_by (LIMBER_HANDOUT_PREVIEW (widget), ZOOM_STEP);
}

static void
zoom_out_activated (GtkWidget  *widget,
                    const char *action,
                    GVariant   *parameter)
{
  zoom_by (LIMBER_HANDOUT_PREVIEW (widget), 1 / ZOOM_STEP);
}

static void
zoom_fit_activated (GtkWidget  *widget,
                    const char *action,
                    GVariant   *parameter)
{
  LimberHandoutPreview *self = LIMBER_HANDOUT_PREVIEW (widget);

  self->fit = TRUE;
  g_clear_handle_id (&self->fit_id, g_source_remove);
  fit_width (self);
}

static void
load_settings (LimberHandoutPreview *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  /* Without the schema (a test, an uninstalled run) the defaults do. */
  if (schema == NULL)
    return;
  self->settings = g_settings_new_full (schema, NULL, NULL);
  limber_handout_options_load_settings (&self->options, self->settings);
}

static void
add_css (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done || gdk_display_get_default () == NULL)
    return;
  done = TRUE;
  /* The sheets stand out on a slightly darker desk. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   ".limber-handout-pages { background-color: "
                                   "mix(@window_bg_color, @window_fg_color, 0.1); }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The narrow row's menu shows the same options as the wide row: the
 * same lists and choices, bound both ways, so the wide row's controls
 * stay the only ones the preview reads. */
static void
bind_narrow_options (LimberHandoutPreview *self)
{
  const GBindingFlags both = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;
  GtkDropDown *wide[] = { self->layout_dropdown, self->paper_dropdown, self->language_dropdown };
  GtkDropDown *narrow[] = { self->narrow_layout, self->narrow_paper, self->narrow_language };

  for (guint i = 0; i < G_N_ELEMENTS (wide); i++)
    {
      g_object_bind_property (wide[i], "model", narrow[i], "model", G_BINDING_SYNC_CREATE);
      g_object_bind_property (wide[i], "selected", narrow[i], "selected", both);
      g_object_bind_property (wide[i], "tooltip-text", narrow[i], "tooltip-text", G_BINDING_SYNC_CREATE);
    }
  g_object_bind_property (self->therapist_check, "active", self->narrow_therapist, "active", both);
  g_object_bind_property (self->pages_label, "label", self->narrow_pages_label, "label", G_BINDING_SYNC_CREATE);
}

static void
limber_handout_preview_dispose (GObject *object)
{
  LimberHandoutPreview *self = LIMBER_HANDOUT_PREVIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->fit_id, g_source_remove);
  if (self->program != NULL)
    g_signal_handlers_disconnect_by_data (self->program, self);
  g_clear_object (&self->program);
  g_clear_object (&self->handout);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_HANDOUT_PREVIEW);
  /* GTK 4.8 unparents only the bound children; the separator too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (limber_handout_preview_parent_class)->dispose (object);
}

static void
limber_handout_preview_finalize (GObject *object)
{
  LimberHandoutPreview *self = LIMBER_HANDOUT_PREVIEW (object);

  limber_handout_options_clear (&self->options);
  G_OBJECT_CLASS (limber_handout_preview_parent_class)->finalize (object);
}

static void
limber_handout_preview_class_init (LimberHandoutPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_handout_preview_dispose;
  object_class->finalize = limber_handout_preview_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/limber/Limber/limber-handout-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberHandoutPreview, layout_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LimberHandoutPreview, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LimberHandoutPreview, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LimberHandoutPreview, therapist_check);
  gtk_widget_class_bind_template_child (widget_class, LimberHandoutPreview, pages_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHandoutPreview, narrow_layout);
  gtk_widget_class_bind_template_child (widget_class, LimberHandoutPreview, narrow_paper);
  gtk_widget_class_bind_template_child (widget_class, LimberHandoutPreview, narrow_language);
  gtk_widget_class_bind_template_child (widget_class, LimberHandoutPreview, narrow_therapist);
  gtk_widget_class_bind_template_child (widget_class, LimberHandoutPreview, narrow_pages_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHandoutPreview, scroller);
  gtk_widget_class_bind_template_child (widget_class, LimberHandoutPreview, pages);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed);

  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_activated);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_activated);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, zoom_fit_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "preview.zoom-fit", NULL);
}

static void
limber_handout_preview_init (LimberHandoutPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Filled before the narrow row shares the list, as a list in the
   * template would be. */
  fill_languages (self);
  bind_narrow_options (self);
  add_css ();

  limber_handout_options_init (&self->options);
  load_settings (self);
  self->zoom = 1;
  self->fit = TRUE;
  show_options (self);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "notify::page-size",
                           G_CALLBACK (on_view_width), self, G_CONNECT_SWAPPED);
  size_pages (self);
}

GtkWidget *
limber_handout_preview_new (void)
{
  return g_object_new (LIMBER_TYPE_HANDOUT_PREVIEW, NULL);
}

/**
 * limber_handout_preview_set_program:
 * @program: (nullable): the program to show
 *
 * Shows @program's handout, in its own language, and follows its edits.
 */
void
limber_handout_preview_set_program (LimberHandoutPreview *self,
                                    LimberProgram        *program)
{
  g_return_if_fail (LIMBER_IS_HANDOUT_PREVIEW (self));
  g_return_if_fail (program == NULL || LIMBER_IS_PROGRAM (program));

  if (self->program == program)
    return;
  if (self->program != NULL)
    g_signal_handlers_disconnect_by_data (self->program, self);
  g_set_object (&self->program, program);
  if (program != NULL)
    {
      g_signal_connect_swapped (program, "changed", G_CALLBACK (on_program_changed), self);
      g_free (self->options.language);
      self->options.language =
        g_strdup (limber_languages_get (limber_languages_find (limber_program_get_language (program)))->code);
    }
  show_options (self);
  rebuild (self);
}

LimberProgram *
limber_handout_preview_get_program (LimberHandoutPreview *self)
{
  g_return_val_if_fail (LIMBER_IS_HANDOUT_PREVIEW (self), NULL);
  return self->program;
}

/**
 * limber_handout_preview_get_options:
 *
 * Returns: (transfer none): the options chosen in the preview, to print
 *   or export with; valid until they change
 */
const LimberHandoutOptions *
limber_handout_preview_get_options (LimberHandoutPreview *self)
{
  g_return_val_if_fail (LIMBER_IS_HANDOUT_PREVIEW (self), NULL);
  return &self->options;
}

/**
 * limber_handout_preview_get_handout:
 *
 * Returns: (transfer none) (nullable): the handout shown
 */
LimberHandout *
limber_handout_preview_get_handout (LimberHandoutPreview *self)
{
  g_return_val_if_fail (LIMBER_IS_HANDOUT_PREVIEW (self), NULL);
  return self->handout;
}
