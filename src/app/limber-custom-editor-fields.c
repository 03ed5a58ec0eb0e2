/* limber-custom-editor-fields.c — the custom stretch editor's fields
 *
 * The words of the stretch: its name, region, tissues, position,
 * equipment, texts and default dosage.  The required ones are checked in
 * place before Save, and all are gathered into the fields
 * limber_custom_build() makes an exercise of.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-custom-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-custom-editor-private.h"
#include "limber-custom.h"

/* The sides a default dosage can name, in the side row's order. */
static const LimberSide sides[] = { LIMBER_SIDE_BOTH, LIMBER_SIDE_RIGHT, LIMBER_SIDE_LEFT };

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
  _limber_custom_editor_changed (self);
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

/* The tissues the catalog names, to add to the tissue row. */
void
_limber_custom_editor_fill_tissue_menu (LimberCustomEditor *self)
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
gboolean
_limber_custom_editor_check_required (LimberCustomEditor *self)
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
  _limber_custom_editor_changed (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->fields_error)))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      _limber_custom_editor_check_required (self);
      if (focus != NULL)
        gtk_widget_grab_focus (focus);
    }
}

/* The exercise the fields and the figure make (limber_custom_build()). */
LimberExercise *
_limber_custom_editor_build_exercise (LimberCustomEditor *self,
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

void
_limber_custom_editor_class_add_fields (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.add-tissue", "s", add_tissue_action);
  gtk_widget_class_bind_template_callback (widget_class, on_required_changed);
}

void
_limber_custom_editor_init_fields (LimberCustomEditor *self)
{
  word_row (self->region_row, LIMBER_VOCABULARY_REGION, _("Choose…"));
  word_row (self->position_row, LIMBER_VOCABULARY_POSITION, _("Not given"));
  build_equipment (self);
  set_dosage_bounds (self);
}
