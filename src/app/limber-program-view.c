/* limber-program-view.c — the open program, as the therapist reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-program-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "limber-program-view.h"

struct _LimberProgramView
{
  GtkWidget      parent_instance;

  LimberProgram *program;

  /* Template widgets */
  GtkLabel      *title_label;
  GtkLabel      *people_label;
  GtkLabel      *notes_label;
  GtkListBox    *items;
};

G_DEFINE_FINAL_TYPE (LimberProgramView, limber_program_view, GTK_TYPE_WIDGET)

static GtkWidget *
create_item_row (gpointer item,
                 gpointer user_data)
{
  LimberProgramItem *program_item = item;
  LimberProgramView *self = user_data;
  LimberExercise *exercise = limber_program_item_get_exercise (program_item);
  const char *lang = limber_program_get_language (self->program);
  LimberDosage dosage;
  g_autofree char *dose = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  limber_program_item_get_dosage (program_item, &dosage);
  dose = limber_dosage_describe (&dosage);
  if (limber_program_item_get_note (program_item) != NULL)
    subtitle = g_strdup_printf ("%s\n%s", dose, limber_program_item_get_note (program_item));
  else
    subtitle = g_steal_pointer (&dose);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), limber_exercise_get_name (exercise, lang));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static char *
describe_people (LimberProgram *program)
{
  GString *s = g_string_new (NULL);

  if (limber_program_get_patient_name (program) != NULL)
    g_string_append_printf (s, _("Patient: %s"), limber_program_get_patient_name (program));
  if (limber_program_get_patient_id (program) != NULL)
    g_string_append_printf (s, " (%s)", limber_program_get_patient_id (program));
  if (limber_program_get_therapist (program) != NULL)
    {
      if (s->len)
        g_string_append (s, "\n");
      g_string_append_printf (s, _("Therapist: %s"), limber_program_get_therapist (program));
      if (limber_program_get_clinic (program) != NULL)
        g_string_append_printf (s, " · %s", limber_program_get_clinic (program));
    }
  if (limber_program_get_created (program) != NULL)
    {
      if (s->len)
        g_string_append (s, "\n");
      g_string_append_printf (s, _("Created: %s"), limber_program_get_created (program));
    }
  return g_string_free (s, FALSE);
}

void
limber_program_view_set_program (LimberProgramView *self,
                                 LimberProgram     *program)
{
  g_autofree char *people = NULL;

  g_return_if_fail (LIMBER_IS_PROGRAM_VIEW (self));

  g_set_object (&self->program, program);
  gtk_list_box_bind_model (self->items, G_LIST_MODEL (program), create_item_row, self, NULL);
  if (program == NULL)
    return;

  people = describe_people (program);
  gtk_label_set_label (self->title_label, limber_program_get_title (program)
                                          ? limber_program_get_title (program) : _("Untitled Program"));
  gtk_label_set_label (self->people_label, people);
  gtk_label_set_label (self->notes_label, limber_program_get_notes (program)
                                          ? limber_program_get_notes (program) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), limber_program_get_notes (program) != NULL);
}

static void
limber_program_view_dispose (GObject *object)
{
  LimberProgramView *self = LIMBER_PROGRAM_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PROGRAM_VIEW);
  /* The template's root box is not a bound child: unparent it here. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->program);
  G_OBJECT_CLASS (limber_program_view_parent_class)->dispose (object);
}

static void
limber_program_view_class_init (LimberProgramViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_program_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/limber/Limber/limber-program-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramView, people_label);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramView, notes_label);
  gtk_widget_class_bind_template_child (widget_class, LimberProgramView, items);
}

static void
limber_program_view_init (LimberProgramView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
