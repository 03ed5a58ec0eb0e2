/* limber-catalog-row.c — one stretch in the catalog list
 *
 * Its thumbnail, name, regions and tissues; a check when the stretch is
 * already in the open program, a "Custom" badge for the therapist's own;
 * a star, "show" and "add" buttons.  The row knows nothing of the
 * catalog, the favourites or the program: the pane sets its marks and
 * answers what the buttons and the row menu ask for, through the pane's
 * "catalog.*" actions, each with the stretch's id.
 *
 * The buttons take no focus, so the list has one tab stop per row;
 * Enter adds the stretch and the row menu (Menu key, Shift+F10, a
 * right click, or "…" on custom rows) has the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-catalog-row"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-catalog-row.h"
#include "limber-thumbnail.h"

struct _LimberCatalogRow
{
  GtkWidget        parent_instance;

  LimberExercise  *exercise;
  gboolean         custom;
  gboolean         favourite;
  gboolean         in_program;
  guint            updating;
  GtkWidget       *popover;

  /* Template widgets */
  GtkWidget       *box;
  GtkDrawingArea  *picture;
  GtkLabel        *name;
  GtkImage        *in_program_icon;
  GtkWidget       *custom_badge;
  GtkLabel        *detail;
  GtkToggleButton *star;
  GtkWidget       *menu_button;
  GtkDragSource   *drag;
};

G_DEFINE_FINAL_TYPE (LimberCatalogRow, limber_catalog_row, GTK_TYPE_WIDGET)

static void
activate_pane_action (LimberCatalogRow *self,
                      const char       *action)
{
  if (self->exercise != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), action, "s", limber_exercise_get_id (self->exercise));
}

static void
on_star_toggled (LimberCatalogRow *self)
{
  if (self->updating == 0)
    activate_pane_action (self, "catalog.star");
}

static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LimberCatalogRow *self = LIMBER_CATALOG_ROW (widget);

  if (g_str_equal (action_name, "row.menu"))
    limber_catalog_row_popup_menu (self);
  else if (g_str_equal (action_name, "row.show"))
    activate_pane_action (self, "catalog.show");
  else
    activate_pane_action (self, "catalog.add");
}

static GMenuModel *
build_menu (LimberCatalogRow *self)
{
  const char *id = limber_exercise_get_id (self->exercise);
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) main_section = g_menu_new ();
  g_autoptr(GMenu) custom_section = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

#define ADD(section, label, action) \
  G_STMT_START { \
    g_autoptr(GMenuItem) it = g_menu_item_new (label, NULL); \
    g_menu_item_set_action_and_target (it, action, "s", id); \
    g_menu_append_item (section, it); \
  } G_STMT_END
  ADD (main_section, _("_Add to the Program"), "catalog.add");
  ADD (main_section, _("_Show the Stretch"), "catalog.show");
  ADD (main_section, self->favourite ? _("Remove from _Favourites") : _("Add to _Favourites"), "catalog.star");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (main_section));
  if (self->custom)
    {
      ADD (custom_section, _("_Edit…"), "catalog.edit");
      ADD (custom_section, _("_Delete…"), "catalog.delete");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (custom_section));
    }
#undef ADD
  return G_MENU_MODEL (menu);
}

/**
 * limber_catalog_row_popup_menu:
 *
 * Opens the row's menu: add, show, favourite, and for a custom stretch
 * edit and delete.
 */
void
limber_catalog_row_popup_menu (LimberCatalogRow *self)
{
  g_autoptr(GMenuModel) model = NULL;

  g_return_if_fail (LIMBER_IS_CATALOG_ROW (self));

  if (self->exercise == NULL)
    return;
  model = build_menu (self);
  if (self->popover == NULL)
    {
      self->popover = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
      gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), TRUE);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->popover), model);
  if (gtk_widget_get_visible (self->menu_button))
    {
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (self->menu_button, GTK_WIDGET (self), &bounds))
        gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                                     &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                       bounds.size.width, bounds.size.height });
    }
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
on_right_click (GtkGestureClick  *gesture,
                int               n_press,
                double            x,
                double            y,
                LimberCatalogRow *self)
{
  limber_catalog_row_popup_menu (self);
  if (self->popover != NULL)
    gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &(GdkRectangle) { x, y, 1, 1 });
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* The focus lands on the list's own row widget around ours, which GTK
 * 4.8 names by nothing (gtk_list_item_set_accessible_label() is 4.12):
 * it is our parent once the list has taken us. */
static void
name_list_item (LimberCatalogRow *self,
                const char       *label)
{
  GtkWidget *list_row = gtk_widget_get_parent (GTK_WIDGET (self));

  if (list_row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update_spoken (LimberCatalogRow *self)
{
  const char *lang = g_get_language_names ()[0];
  g_autofree char *regions = limber_exercise_describe_words (self->exercise, LIMBER_VOCABULARY_REGION);
  g_autofree char *tissues = limber_exercise_describe_tissues (self->exercise);
  g_autoptr(GString) spoken = g_string_new (NULL);

  /* Translators: a catalog row as a screen reader says it: the stretch's
   * name, its regions, its tissues */
  g_string_printf (spoken, _("%1$s, %2$s, %3$s"), limber_exercise_get_name (self->exercise, lang), regions,
                   tissues);
  if (self->custom)
    g_string_append_printf (spoken, ", %s", _("custom"));
  if (self->favourite)
    g_string_append_printf (spoken, ", %s", _("favourite"));
  if (self->in_program)
    g_string_append_printf (spoken, ", %s", _("in the program"));
  name_list_item (self, spoken->str);
}

/**
 * limber_catalog_row_set_exercise:
 * @custom: whether it is one of the therapist's own stretches
 */
void
limber_catalog_row_set_exercise (LimberCatalogRow *self,
                                 LimberExercise   *exercise,
                                 gboolean          custom)
{
  const char *lang = g_get_language_names ()[0];
  g_autofree char *regions = NULL;
  g_autofree char *tissues = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GdkContentProvider) content = NULL;

  g_return_if_fail (LIMBER_IS_CATALOG_ROW (self));
  g_return_if_fail (LIMBER_IS_EXERCISE (exercise));

  g_set_object (&self->exercise, exercise);
  self->custom = custom;
  regions = limber_exercise_describe_words (exercise, LIMBER_VOCABULARY_REGION);
  tissues = limber_exercise_describe_tissues (exercise);
  text = g_strdup_printf ("%s · %s", regions, tissues);
  gtk_label_set_label (self->name, limber_exercise_get_name (exercise, lang));
  gtk_label_set_label (self->detail, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->detail), text);
  gtk_widget_set_visible (self->custom_badge, custom);
  gtk_widget_set_visible (self->menu_button, custom);
  limber_thumbnail_attach (self->picture, exercise, LIMBER_FIGURE_SHOW_OVERLAID, FALSE);
  content = gdk_content_provider_new_typed (LIMBER_TYPE_EXERCISE, exercise);
  gtk_drag_source_set_content (self->drag, content);
  update_spoken (self);
}

LimberExercise *
limber_catalog_row_get_exercise (LimberCatalogRow *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG_ROW (self), NULL);

  return self->exercise;
}

gboolean
limber_catalog_row_get_in_program (LimberCatalogRow *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG_ROW (self), FALSE);

  return self->in_program;
}

/**
 * limber_catalog_row_set_marks:
 * @favourite: the stretch is starred
 * @in_program: the open program has it
 */
void
limber_catalog_row_set_marks (LimberCatalogRow *self,
                              gboolean          favourite,
                              gboolean          in_program)
{
  g_return_if_fail (LIMBER_IS_CATALOG_ROW (self));

  self->favourite = favourite;
  self->in_program = in_program;
  self->updating++;
  gtk_toggle_button_set_active (self->star, favourite);
  self->updating--;
  gtk_button_set_icon_name (GTK_BUTTON (self->star), favourite ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->star),
                               favourite ? _("Remove from Favourites") : _("Add to Favourites"));
  gtk_widget_set_visible (GTK_WIDGET (self->in_program_icon), in_program);
  if (self->exercise != NULL)
    update_spoken (self);
}

GtkWidget *
limber_catalog_row_new (void)
{
  return g_object_new (LIMBER_TYPE_CATALOG_ROW, NULL);
}

/* The box fills the row; the menu, a popover, is placed on its own. */
static void
limber_catalog_row_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  gtk_widget_measure (LIMBER_CATALOG_ROW (widget)->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
limber_catalog_row_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  LimberCatalogRow *self = LIMBER_CATALOG_ROW (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
limber_catalog_row_dispose (GObject *object)
{
  LimberCatalogRow *self = LIMBER_CATALOG_ROW (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_CATALOG_ROW);
  g_clear_object (&self->exercise);
  G_OBJECT_CLASS (limber_catalog_row_parent_class)->dispose (object);
}

static void
limber_catalog_row_class_init (LimberCatalogRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_catalog_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/limber/Limber/limber-catalog-row.ui");
  widget_class->measure = limber_catalog_row_measure;
  widget_class->size_allocate = limber_catalog_row_size_allocate;
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogRow, box);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogRow, picture);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogRow, name);
  gtk_widget_class_bind_template_child_full (widget_class, "in_program", FALSE,
                                             G_STRUCT_OFFSET (LimberCatalogRow, in_program_icon));
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogRow, custom_badge);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogRow, detail);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogRow, star);
  gtk_widget_class_bind_template_child (widget_class, LimberCatalogRow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, on_star_toggled);
  gtk_widget_class_install_action (widget_class, "row.menu", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "row.show", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "row.add", NULL, row_action);
}

static void
limber_catalog_row_init (LimberCatalogRow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Rows can be dragged into the program. */
  self->drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (self->drag, GDK_ACTION_COPY);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_right_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}
