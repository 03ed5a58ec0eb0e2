/* limber-stretch-fields.c — the words of a custom stretch
 *
 * Its name, region, tissues, position, equipment, texts and default
 * dosage, in a scrolled column.  The required ones are checked in place
 * (limber_stretch_fields_check_required()), and all are made into an
 * exercise with limber_custom_build() (limber_stretch_fields_build()).
 * The tissue row suggests the tissues of "catalog".
 *
 * "changed" says the therapist typed or chose something; filling the
 * widgets does not emit it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-stretch-fields"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-custom.h"
#include "limber-stretch-fields.h"
#include "limber-stretch-translations.h"

struct _LimberStretchFields
{
  AdwBin          parent_instance;

  LimberCatalog  *catalog;
  char           *id;        /* the stretch being edited, or NULL for a new one */
  GPtrArray      *equipment; /* GtkCheckButton, in vocabulary order */
  guint           updating;  /* > 0 while the code fills widgets */

  /* Template widgets */
  AdwEntryRow    *name_row;
  AdwComboRow    *region_row;
  AdwEntryRow    *tissue_row;
  GtkMenuButton  *tissue_menu;
  AdwComboRow    *position_row;
  AdwExpanderRow *equipment_row;
  GtkLabel       *fields_error;
  AdwEntryRow    *summary_row;
  GtkTextView    *texts[LIMBER_EXERCISE_N_TEXTS];  /* the long texts only */
  AdwEntryRow    *caution_row;
  GtkSpinButton  *spins[LIMBER_DOSAGE_N_FIELDS];
  AdwComboRow    *side_row;
  LimberStretchTranslations *translations;
};

G_DEFINE_FINAL_TYPE (LimberStretchFields, limber_stretch_fields, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The sides a default dosage can name, in the side row's order. */
static const LimberSide sides[] = { LIMBER_SIDE_BOTH, LIMBER_SIDE_RIGHT, LIMBER_SIDE_LEFT };

/* The therapist changed something, not the code filling the widgets. */
static void
on_changed (LimberStretchFields *self)
{
  if (self->updating == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static GStrv
chosen_equipment (LimberStretchFields *self,
                  gboolean             labels)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->equipment->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->equipment, i)))
      g_strv_builder_add (builder, labels ? limber_vocabulary_label (LIMBER_VOCABULARY_EQUIPMENT, i)
                                          : limber_vocabulary_word (LIMBER_VOCABULARY_EQUIPMENT, i));
  return g_strv_builder_end (builder);
}

static void
on_equipment_toggled (LimberStretchFields *self)
{
  g_auto(GStrv) labels = chosen_equipment (self, TRUE);
  g_autofree char *list = g_strjoinv (", ", labels);

  adw_expander_row_set_subtitle (self->equipment_row, *list ? list : _("None"));
  on_changed (self);
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
  LimberStretchFields *self = LIMBER_STRETCH_FIELDS (widget);
  g_autofree char *label = limber_tissue_label (g_variant_get_string (parameter, NULL));
  g_autofree char *now = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tissue_row))));
  g_autofree char *text = *now ? g_strdup_printf ("%s, %s", now, label) : g_strdup (label);

  gtk_editable_set_text (GTK_EDITABLE (self->tissue_row), text);
  gtk_widget_grab_focus (GTK_WIDGET (self->tissue_row));
}

/* The tissues the catalog names, to add to the tissue row. */
static void
fill_tissue_menu (LimberStretchFields *self)
{
  g_auto(GStrv) tissues = self->catalog ? limber_catalog_dup_tissues (self->catalog) : NULL;
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; tissues != NULL && tissues[i] != NULL; i++)
    {
      g_autofree char *label = limber_tissue_label (tissues[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "fields.add-tissue", "s", tissues[i]);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->tissue_menu, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->tissue_menu), tissues != NULL && tissues[0] != NULL);
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
set_dosage_bounds (LimberStretchFields *self)
{
  for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS; i++)
    {
      int min, max;

      limber_dosage_field_bounds (i, &min, &max);
      gtk_spin_button_set_range (self->spins[i], min, max);
    }
}

static void
build_equipment (LimberStretchFields *self)
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

/**
 * limber_stretch_fields_check_required:
 *
 * Says, next to the fields, which required ones are missing, and
 * focuses the first.
 *
 * Returns: whether all are there
 */
gboolean
limber_stretch_fields_check_required (LimberStretchFields *self)
{
  g_autofree char *name = NULL;
  g_auto(GStrv) tissues = NULL;
  gboolean no_name, no_region, no_tissue;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (LIMBER_IS_STRETCH_FIELDS (self), FALSE);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  tissues = limber_custom_parse_tissues (gtk_editable_get_text (GTK_EDITABLE (self->tissue_row)));
  no_name = *name == '\0';
  no_region = row_word (self->region_row, LIMBER_VOCABULARY_REGION) == NULL;
  no_tissue = tissues[0] == NULL;
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
on_required_changed (LimberStretchFields *self)
{
  on_changed (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->fields_error)))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      limber_stretch_fields_check_required (self);
      if (focus != NULL)
        gtk_widget_grab_focus (focus);
    }
}

/**
 * limber_stretch_fields_build:
 * @figure: (nullable): the figure that illustrates the stretch
 *
 * Returns: (transfer full) (nullable): the exercise the fields and
 *   @figure make (limber_custom_build()), or %NULL with @error set
 */
LimberExercise *
limber_stretch_fields_build (LimberStretchFields *self,
                             LimberFigure        *figure,
                             GError             **error)
{
  LimberCustomFields fields = { 0 };
  g_autofree char *long_texts[LIMBER_EXERCISE_N_TEXTS] = { NULL };
  g_auto(GStrv) equipment = NULL;
  LimberExercise *exercise;

  g_return_val_if_fail (LIMBER_IS_STRETCH_FIELDS (self), NULL);
  g_return_val_if_fail (figure == NULL || LIMBER_IS_FIGURE (figure), NULL);

  equipment = chosen_equipment (self, FALSE);
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
  fields.figure = figure;
  fields.id = self->id;
  limber_stretch_translations_fill (self->translations, &fields);

  exercise = limber_custom_build (&fields, error);
  for (guint i = 0; i < LIMBER_EXERCISE_N_TEXTS; i++)
    g_free (long_texts[i]);
  return exercise;
}

static int
first_word (LimberExercise   *e,
            LimberVocabulary  kind)
{
  guint64 words = limber_exercise_get_words (e, kind);

  return words ? g_bit_nth_lsf (words, -1) : -1;
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

/**
 * limber_stretch_fields_set_exercise:
 *
 * Fills the fields from @exercise, a custom stretch to edit: what is
 * built then keeps its id, so saving replaces it.  Does not emit
 * "changed".
 */
void
limber_stretch_fields_set_exercise (LimberStretchFields *self,
                                    LimberExercise      *exercise)
{
  const char *lang = "en";  /* custom.xml's own language */
  const LimberDosage *dosage = limber_exercise_get_dosage (exercise);
  const char * const *tissues = limber_exercise_get_tissues (exercise);
  g_autoptr(GString) tissue_text = g_string_new (NULL);
  guint64 equipment = limber_exercise_get_words (exercise, LIMBER_VOCABULARY_EQUIPMENT);

  g_return_if_fail (LIMBER_IS_STRETCH_FIELDS (self));
  g_return_if_fail (LIMBER_IS_EXERCISE (exercise));

  self->updating++;
  g_free (self->id);
  self->id = g_strdup (limber_exercise_get_id (exercise));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), limber_exercise_get_name (exercise, lang));
  adw_combo_row_set_selected (self->region_row, first_word (exercise, LIMBER_VOCABULARY_REGION) + 1);
  adw_combo_row_set_selected (self->position_row, first_word (exercise, LIMBER_VOCABULARY_POSITION) + 1);
  for (guint i = 0; tissues[i] != NULL; i++)
    {
      g_autofree char *label = limber_tissue_label (tissues[i]);

      g_string_append_printf (tissue_text, "%s%s", i ? ", " : "", label);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->tissue_row), tissue_text->str);
  for (guint i = 0; i < self->equipment->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->equipment, i), (equipment >> i) & 1);
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row),
                         limber_exercise_get_text (exercise, LIMBER_EXERCISE_SUMMARY, lang)
                         ? limber_exercise_get_text (exercise, LIMBER_EXERCISE_SUMMARY, lang) : "");
  for (guint i = 0; i < LIMBER_EXERCISE_N_TEXTS; i++)
    if (self->texts[i] != NULL)
      set_view_text (self->texts[i], limber_exercise_get_text (exercise, i, lang));
  gtk_editable_set_text (GTK_EDITABLE (self->caution_row), limber_exercise_get_n_cautions (exercise)
                                                           ? limber_exercise_get_caution (exercise, 0, lang) : "");
  for (guint i = 0; i < LIMBER_DOSAGE_N_FIELDS; i++)
    if (limber_dosage_is_set (dosage, i))
      gtk_spin_button_set_value (self->spins[i], limber_dosage_get (dosage, i));
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    if (sides[i] == dosage->side)
      adw_combo_row_set_selected (self->side_row, i);
  limber_stretch_translations_set_exercise (self->translations, exercise);
  self->updating--;
}

/**
 * limber_stretch_fields_new:
 * @catalog: (nullable): whose tissues the tissue row suggests
 */
GtkWidget *
limber_stretch_fields_new (LimberCatalog *catalog)
{
  g_return_val_if_fail (catalog == NULL || LIMBER_IS_CATALOG (catalog), NULL);

  return g_object_new (LIMBER_TYPE_STRETCH_FIELDS, "catalog", catalog, NULL);
}

LimberCatalog *
limber_stretch_fields_get_catalog (LimberStretchFields *self)
{
  g_return_val_if_fail (LIMBER_IS_STRETCH_FIELDS (self), NULL);

  return self->catalog;
}

void
limber_stretch_fields_set_catalog (LimberStretchFields *self,
                                   LimberCatalog       *catalog)
{
  g_return_if_fail (LIMBER_IS_STRETCH_FIELDS (self));
  g_return_if_fail (catalog == NULL || LIMBER_IS_CATALOG (catalog));

  if (!g_set_object (&self->catalog, catalog))
    return;
  fill_tissue_menu (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

/* Typing starts in the name. */
static gboolean
limber_stretch_fields_grab_focus (GtkWidget *widget)
{
  LimberStretchFields *self = LIMBER_STRETCH_FIELDS (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
limber_stretch_fields_dispose (GObject *object)
{
  LimberStretchFields *self = LIMBER_STRETCH_FIELDS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_STRETCH_FIELDS);

  G_OBJECT_CLASS (limber_stretch_fields_parent_class)->dispose (object);
}

static void
limber_stretch_fields_finalize (GObject *object)
{
  LimberStretchFields *self = LIMBER_STRETCH_FIELDS (object);

  g_clear_object (&self->catalog);
  g_free (self->id);
  g_ptr_array_unref (self->equipment);

  G_OBJECT_CLASS (limber_stretch_fields_parent_class)->finalize (object);
}

static void
limber_stretch_fields_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LimberStretchFields *self = LIMBER_STRETCH_FIELDS (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_stretch_fields_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LimberStretchFields *self = LIMBER_STRETCH_FIELDS (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      limber_stretch_fields_set_catalog (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_stretch_fields_class_init (LimberStretchFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_stretch_fields_dispose;
  object_class->finalize = limber_stretch_fields_finalize;
  object_class->get_property = limber_stretch_fields_get_property;
  object_class->set_property = limber_stretch_fields_set_property;
  widget_class->grab_focus = limber_stretch_fields_grab_focus;

  g_type_ensure (LIMBER_TYPE_STRETCH_TRANSLATIONS);

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, LIMBER_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberStretchFields::changed:
   *
   * The therapist typed or chose something.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "fields.add-tissue", "s", add_tissue_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/limber/Limber/limber-stretch-fields.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberStretchFields, name_row);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchFields, region_row);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchFields, tissue_row);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchFields, tissue_menu);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchFields, position_row);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchFields, equipment_row);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchFields, fields_error);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchFields, summary_row);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchFields, caution_row);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchFields, side_row);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchFields, translations);
#define BIND_AT(id, member) \
  gtk_widget_class_bind_template_child_full (widget_class, id, FALSE, G_STRUCT_OFFSET (LimberStretchFields, member))
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
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_required_changed);
}

static void
limber_stretch_fields_init (LimberStretchFields *self)
{
  self->equipment = g_ptr_array_new ();
  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Its group has no title to name its list for a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self->caution_row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Caution (when to stop)"), -1);
  word_row (self->region_row, LIMBER_VOCABULARY_REGION, _("Choose…"));
  word_row (self->position_row, LIMBER_VOCABULARY_POSITION, _("Not given"));
  build_equipment (self);
  set_dosage_bounds (self);
  fill_tissue_menu (self);
  self->updating--;
}
