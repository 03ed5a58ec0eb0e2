/* limber-dosage-editor.c — a program item's dosage and note, edited in place
 *
 * The sets, reps, hold, times a day, days a week and side of one item,
 * the dosage in the patient's words, and the therapist's note.  The
 * editor binds to its item: it shows what the item's "override", "note"
 * and "exercise" say whenever they change (an edit, an undo, a redo),
 * and writes every edit through the program's undoable setters at once,
 * which join one burst of typing or clicking into one undo step.  The
 * item's notifications never rebuild the widgets, so the focus and the
 * cursor stay where the user left them.
 *
 * A field that neither the item nor its exercise gives shows no number,
 * and only whole numbers in the schema's bounds are read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-dosage-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-dosage-editor.h"

struct _LimberDosageEditor
{
  GtkWidget          parent_instance;

  LimberProgram     *program;
  LimberProgramItem *item;
  int                shown[LIMBER_DOSAGE_N_FIELDS];
  guint              unset;     /* fields neither the item nor its exercise give */
  gboolean           updating;  /* setting the widgets from the item */
  GtkSpinButton     *spins[LIMBER_DOSAGE_N_FIELDS];

  /* Template widgets */
  GtkWidget         *box;
  GtkSpinButton     *sets_spin;
  GtkSpinButton     *reps_spin;
  GtkSpinButton     *hold_spin;
  GtkSpinButton     *per_day_spin;
  GtkSpinButton     *days_spin;
  GtkDropDown       *side_dropdown;
  GtkLabel          *dosage_label;
  GtkEntry          *note_entry;
};

enum { PROP_0, PROP_PROGRAM, PROP_ITEM, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LimberDosageEditor, limber_dosage_editor, GTK_TYPE_WIDGET)

/* The item's place in the program, or FALSE once it is not there. */
static gboolean
item_position (LimberDosageEditor *self,
               guint              *position)
{
  return self->program != NULL && self->item != NULL
         && limber_program_find_item (self->program, self->item, position);
}

static void
store_override (LimberDosageEditor *self,
                const LimberDosage *override)
{
  guint position;

  if (item_position (self, &position))
    limber_program_set_item_dosage (self->program, position, override);
}

static guint
spin_field (LimberDosageEditor *self,
            GtkSpinButton      *spin)
{
  for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS; i++)
    if (self->spins[i] == spin)
      return i;
  g_assert_not_reached ();
}

/* A field that neither the item nor its exercise gives shows no number.
 * A field that did not change is left alone (unless @all), so that
 * what is being typed into it stays. */
static void
show_spin (LimberDosageEditor *self,
           LimberDosageField   field,
           const LimberDosage *dosage,
           gboolean            all)
{
  gboolean given = limber_dosage_is_set (dosage, field);
  char text[16] = "";
  int min, max, shown;

  limber_dosage_field_bounds (field, &min, &max);
  shown = given ? dosage->value[field] : min;
  if (!all && shown == self->shown[field] && given == !(self->unset & (1u << field)))
    return;
  self->shown[field] = shown;
  if (given)
    {
      self->unset &= ~(1u << field);
      g_snprintf (text, sizeof text, "%d", self->shown[field]);
    }
  else
    self->unset |= 1u << field;
  gtk_spin_button_set_value (self->spins[field], self->shown[field]);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->spins[field])), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->spins[field]), text);
}

/* Follows the item's dosage: all of it on binding, then what changes. */
static void
show_dosage (LimberDosageEditor *self,
             gboolean            all)
{
  g_autofree char *words = NULL;
  LimberDosage dosage;

  if (self->item == NULL)
    return;
  limber_program_item_get_dosage (self->item, &dosage);
  words = limber_dosage_describe (&dosage);

  self->updating = TRUE;
  for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS; i++)
    show_spin (self, i, &dosage, all);
  gtk_drop_down_set_selected (self->side_dropdown, dosage.side == LIMBER_SIDE_UNSET
                                                   ? GTK_INVALID_LIST_POSITION
                                                   : (guint) (dosage.side - LIMBER_SIDE_LEFT));
  self->updating = FALSE;

  gtk_label_set_label (self->dosage_label, words);
  gtk_widget_set_visible (GTK_WIDGET (self->dosage_label), *words != '\0');
}

static void
on_item_dosage_changed (LimberDosageEditor *self)
{
  show_dosage (self, FALSE);
}

/* Only when it differs, so the cursor stays where the user left it:
 * the note just typed comes back here as the item's notify. */
static void
show_note (LimberDosageEditor *self)
{
  const char *note = self->item != NULL ? limber_program_item_get_note (self->item) : NULL;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->note_entry)), note ? note : "") == 0)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note ? note : "");
  self->updating = FALSE;
}

static void
store_field (LimberDosageEditor *self,
             LimberDosageField   field,
             int                 value)
{
  LimberDosage override = *limber_program_item_get_override (self->item);

  limber_dosage_set (&override, field, value);
  store_override (self, &override);
}

static void
on_spin_value_changed (GtkSpinButton      *spin,
                       LimberDosageEditor *self)
{
  guint field = spin_field (self, spin);
  int value = gtk_spin_button_get_value_as_int (spin);

  /* GTK also says "changed" when it puts back the number it had. */
  if (self->updating || self->item == NULL || value == self->shown[field])
    return;
  self->shown[field] = value;
  if (self->unset & (1u << field))
    {
      g_autofree char *text = g_strdup_printf ("%d", value);

      self->unset &= ~(1u << field);
      gtk_editable_set_text (GTK_EDITABLE (spin), text);
    }
  store_field (self, field, value);
}

/* Only whole numbers in the schema's bounds are read; anything else
 * (even an empty field, which GTK would read as 0) puts the old value
 * back.  Typing into a field that shows none sets it, even to the
 * number the button holds underneath (which GTK would not call a
 * change). */
static int
on_spin_input (GtkSpinButton      *spin,
               double             *value,
               LimberDosageEditor *self)
{
  guint field = spin_field (self, spin);
  g_autofree char *message = NULL;
  int number;

  if (!limber_dosage_parse_field (field, gtk_editable_get_text (GTK_EDITABLE (spin)), &number, &message))
    return GTK_INPUT_ERROR;
  *value = number;
  if ((self->unset & (1u << field)) && number == self->shown[field] && self->item != NULL)
    {
      self->unset &= ~(1u << field);
      store_field (self, field, number);
    }
  return TRUE;
}

static gboolean
on_spin_output (GtkSpinButton      *spin,
                LimberDosageEditor *self)
{
  if (!(self->unset & (1u << spin_field (self, spin))))
    return FALSE;
  if (*gtk_editable_get_text (GTK_EDITABLE (spin)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (spin), "");
  return TRUE;
}

static void
on_side_changed (LimberDosageEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->side_dropdown);
  LimberDosage override;

  if (self->updating || self->item == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  override = *limber_program_item_get_override (self->item);
  override.side = LIMBER_SIDE_LEFT + selected;
  store_override (self, &override);
}

static void
on_note_changed (LimberDosageEditor *self)
{
  guint position;

  if (!self->updating && item_position (self, &position))
    limber_program_set_item_note (self->program, position,
                                  gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
}

GtkWidget *
limber_dosage_editor_new (void)
{
  return g_object_new (LIMBER_TYPE_DOSAGE_EDITOR, NULL);
}

LimberProgram *
limber_dosage_editor_get_program (LimberDosageEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_DOSAGE_EDITOR (self), NULL);
  return self->program;
}

/**
 * limber_dosage_editor_set_program:
 * @program: (nullable): the program the item is in, through which every
 *   edit goes (so that it can be undone); without it, nothing is stored
 */
void
limber_dosage_editor_set_program (LimberDosageEditor *self,
                                  LimberProgram      *program)
{
  g_return_if_fail (LIMBER_IS_DOSAGE_EDITOR (self));
  g_return_if_fail (program == NULL || LIMBER_IS_PROGRAM (program));

  if (g_set_object (&self->program, program))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM]);
}

LimberProgramItem *
limber_dosage_editor_get_item (LimberDosageEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_DOSAGE_EDITOR (self), NULL);
  return self->item;
}

/**
 * limber_dosage_editor_set_item:
 * @item: (nullable): the item to show and edit
 *
 * Binds the editor to @item: it shows the item's dosage and note, and
 * follows them as they change.
 */
void
limber_dosage_editor_set_item (LimberDosageEditor *self,
                               LimberProgramItem  *item)
{
  g_return_if_fail (LIMBER_IS_DOSAGE_EDITOR (self));
  g_return_if_fail (item == NULL || LIMBER_IS_PROGRAM_ITEM (item));

  if (self->item == item)
    return;
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    {
      g_signal_connect_object (item, "notify::override", G_CALLBACK (on_item_dosage_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (item, "notify::exercise", G_CALLBACK (on_item_dosage_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (item, "notify::note", G_CALLBACK (show_note), self, G_CONNECT_SWAPPED);
    }
  show_dosage (self, TRUE);
  show_note (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

static void
limber_dosage_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LimberDosageEditor *self = LIMBER_DOSAGE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROGRAM:
      g_value_set_object (value, self->program);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_dosage_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LimberDosageEditor *self = LIMBER_DOSAGE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROGRAM:
      limber_dosage_editor_set_program (self, g_value_get_object (value));
      break;
    case PROP_ITEM:
      limber_dosage_editor_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_dosage_editor_dispose (GObject *object)
{
  LimberDosageEditor *self = LIMBER_DOSAGE_EDITOR (object);

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_DOSAGE_EDITOR);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->program);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (limber_dosage_editor_parent_class)->dispose (object);
}

static void
limber_dosage_editor_class_init (LimberDosageEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_dosage_editor_dispose;
  object_class->get_property = limber_dosage_editor_get_property;
  object_class->set_property = limber_dosage_editor_set_property;

  properties[PROP_PROGRAM] =
    g_param_spec_object ("program", NULL, NULL, LIMBER_TYPE_PROGRAM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, LIMBER_TYPE_PROGRAM_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/limber/Limber/limber-dosage-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LimberDosageEditor, box);
  gtk_widget_class_bind_template_child (widget_class, LimberDosageEditor, sets_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberDosageEditor, reps_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberDosageEditor, hold_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberDosageEditor, per_day_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberDosageEditor, days_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberDosageEditor, side_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LimberDosageEditor, dosage_label);
  gtk_widget_class_bind_template_child (widget_class, LimberDosageEditor, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_side_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_note_changed);
}

static void
limber_dosage_editor_init (LimberDosageEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->spins[LIMBER_DOSAGE_SETS] = self->sets_spin;
  self->spins[LIMBER_DOSAGE_REPS] = self->reps_spin;
  self->spins[LIMBER_DOSAGE_HOLD_SECONDS] = self->hold_spin;
  self->spins[LIMBER_DOSAGE_PER_DAY] = self->per_day_spin;
  self->spins[LIMBER_DOSAGE_DAYS_PER_WEEK] = self->days_spin;

  for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS; i++)
    {
      g_autofree char *tooltip = NULL;
      int min, max;

      limber_dosage_field_bounds (i, &min, &max);
      /* The schema's bounds, so what is typed is what can be saved. */
      gtk_spin_button_set_range (self->spins[i], min, max);
      tooltip = g_strdup_printf (_("A whole number from %d to %d"), min, max);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->spins[i]), tooltip);
      g_signal_connect (self->spins[i], "value-changed", G_CALLBACK (on_spin_value_changed), self);
      g_signal_connect (self->spins[i], "input", G_CALLBACK (on_spin_input), self);
      g_signal_connect (self->spins[i], "output", G_CALLBACK (on_spin_output), self);
    }
}
