/* limber-stretch-translations.c — a custom stretch's words in Spanish,
 * German and French
 *
 * The name, summary, steps, caution and the therapist's note as a
 * handout in another language prints them, saved as xml:lang texts
 * beside the English ones (limber_custom_build()).  One set of fields:
 * the therapist picks the language, and the fields show its words; the
 * words of every language are kept while another is shown.  Folded away
 * until wanted: most custom stretches are written in one language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-stretch-fields"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-languages.h"
#include "limber-stretch-translations.h"

/* The texts a custom stretch has, and its caution after them. */
#define CAUTION  LIMBER_EXERCISE_N_TEXTS
#define N_FIELDS (LIMBER_EXERCISE_N_TEXTS + 1)

struct _LimberStretchTranslations
{
  AdwBin          parent_instance;

  guint           updating;
  guint           shown;   /* the language in the fields */
  /* What was typed, per language: every handout language but English. */
  char           *words[LIMBER_CUSTOM_N_TRANSLATIONS][N_FIELDS];

  /* Template widgets */
  AdwExpanderRow *expander;
  AdwComboRow    *language_row;
  AdwEntryRow    *rows[N_FIELDS];  /* NULL for a text the editor does not offer */
};

G_DEFINE_FINAL_TYPE (LimberStretchTranslations, limber_stretch_translations, ADW_TYPE_BIN)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
set_words (char       **slot,
           const char  *words)
{
  if (g_strcmp0 (*slot, words) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (words);
}

/* The n-th translation's language: the handout languages after English. */
static const LimberLanguage *
language (guint n)
{
  return limber_languages_get (n + 1);
}

/* "Español, Français", or that there are none. */
static void
update_subtitle (LimberStretchTranslations *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *list = NULL;

  for (guint l = 0; l < LIMBER_CUSTOM_N_TRANSLATIONS; l++)
    for (guint f = 0; f < N_FIELDS; f++)
      if (self->words[l][f] != NULL && *self->words[l][f] != '\0')
        {
          g_ptr_array_add (names, (gpointer) language (l)->own_name);
          break;
        }
  g_ptr_array_add (names, NULL);
  list = g_strjoinv (", ", (char **) names->pdata);
  adw_expander_row_set_subtitle (self->expander, *list != '\0' ? list : _("None yet"));
}

static void
show_language (LimberStretchTranslations *self,
               guint                      n)
{
  self->shown = n;
  self->updating++;
  for (guint f = 0; f < N_FIELDS; f++)
    if (self->rows[f] != NULL)
      gtk_editable_set_text (GTK_EDITABLE (self->rows[f]), self->words[n][f] ? self->words[n][f] : "");
  if (adw_combo_row_get_selected (self->language_row) != n)
    adw_combo_row_set_selected (self->language_row, n);
  self->updating--;
}

static void
on_changed (LimberStretchTranslations *self,
            GtkEditable               *row)
{
  if (self->updating > 0)
    return;
  for (guint f = 0; f < N_FIELDS; f++)
    if (self->rows[f] == (AdwEntryRow *) row)
      set_words (&self->words[self->shown][f], gtk_editable_get_text (row));
  update_subtitle (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_language_selected (LimberStretchTranslations *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (self->updating == 0 && selected < LIMBER_CUSTOM_N_TRANSLATIONS)
    show_language (self, selected);
}

/**
 * limber_stretch_translations_set_exercise:
 *
 * Shows @exercise's translated texts, opened at the first language it
 * has words in (and folded when it has none).
 */
void
limber_stretch_translations_set_exercise (LimberStretchTranslations *self,
                                          LimberExercise            *exercise)
{
  int first = -1;

  g_return_if_fail (LIMBER_IS_STRETCH_TRANSLATIONS (self));
  g_return_if_fail (LIMBER_IS_EXERCISE (exercise));

  for (guint l = 0; l < LIMBER_CUSTOM_N_TRANSLATIONS; l++)
    for (guint f = 0; f < N_FIELDS; f++)
      {
        const LimberText *text = f == CAUTION
          ? (limber_exercise_get_n_cautions (exercise) ? limber_exercise_peek_caution (exercise, 0) : NULL)
          : limber_exercise_peek_text (exercise, f);
        const char *words = self->rows[f] != NULL && text != NULL
                            ? limber_text_get_exact (text, language (l)->code) : NULL;

        set_words (&self->words[l][f], words);
        if (words != NULL && first < 0)
          first = (int) l;
      }
  show_language (self, first < 0 ? 0 : (guint) first);
  update_subtitle (self);
  adw_expander_row_set_expanded (self->expander, first >= 0);
}

/**
 * limber_stretch_translations_set_language:
 * @lang: "es", "de" or "fr"
 *
 * Shows @lang's words in the fields (a language with no translation
 * here is ignored).
 */
void
limber_stretch_translations_set_language (LimberStretchTranslations *self,
                                          const char                *lang)
{
  guint index;

  g_return_if_fail (LIMBER_IS_STRETCH_TRANSLATIONS (self));

  index = limber_languages_find (lang);
  if (index > 0 && index <= LIMBER_CUSTOM_N_TRANSLATIONS)
    show_language (self, index - 1);
}

/**
 * limber_stretch_translations_fill:
 *
 * Puts the translated texts of every language into @fields; they point
 * into @self, so use @fields before it changes.
 */
void
limber_stretch_translations_fill (LimberStretchTranslations *self,
                                  LimberCustomFields        *fields)
{
  g_return_if_fail (LIMBER_IS_STRETCH_TRANSLATIONS (self));

  for (guint l = 0; l < LIMBER_CUSTOM_N_TRANSLATIONS; l++)
    {
      LimberCustomTranslation *translation = &fields->translations[l];

      translation->lang = language (l)->code;
      for (guint f = 0; f < LIMBER_EXERCISE_N_TEXTS; f++)
        translation->texts[f] = self->words[l][f];
      translation->caution = self->words[l][CAUTION];
    }
}

static void
limber_stretch_translations_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIMBER_TYPE_STRETCH_TRANSLATIONS);
  G_OBJECT_CLASS (limber_stretch_translations_parent_class)->dispose (object);
}

static void
limber_stretch_translations_finalize (GObject *object)
{
  LimberStretchTranslations *self = LIMBER_STRETCH_TRANSLATIONS (object);

  for (guint l = 0; l < LIMBER_CUSTOM_N_TRANSLATIONS; l++)
    for (guint f = 0; f < N_FIELDS; f++)
      g_free (self->words[l][f]);
  G_OBJECT_CLASS (limber_stretch_translations_parent_class)->finalize (object);
}

static void
limber_stretch_translations_class_init (LimberStretchTranslationsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A translation for every handout language but English. */
  g_assert (limber_languages_get_n () == LIMBER_CUSTOM_N_TRANSLATIONS + 1);
  object_class->dispose = limber_stretch_translations_dispose;
  object_class->finalize = limber_stretch_translations_finalize;

  /**
   * LimberStretchTranslations::changed:
   *
   * The therapist typed something.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/limber/Limber/limber-stretch-translations.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberStretchTranslations, expander);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchTranslations, language_row);
#define BIND_AT(id, which) \
  gtk_widget_class_bind_template_child_full (widget_class, id, FALSE, \
                                             G_STRUCT_OFFSET (LimberStretchTranslations, rows[which]))
  BIND_AT ("name_row", LIMBER_EXERCISE_NAME);
  BIND_AT ("summary_row", LIMBER_EXERCISE_SUMMARY);
  BIND_AT ("shorten_row", LIMBER_EXERCISE_SHORTEN);
  BIND_AT ("lengthen_row", LIMBER_EXERCISE_LENGTHEN);
  BIND_AT ("pressure_self_row", LIMBER_EXERCISE_PRESSURE_SELF);
  BIND_AT ("pressure_therapist_row", LIMBER_EXERCISE_PRESSURE_THERAPIST);
  BIND_AT ("caution_row", CAUTION);
#undef BIND_AT
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected);
}

static void
limber_stretch_translations_init (LimberStretchTranslations *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating++;
  /* Each language in its own words, as its speakers look for it. */
  for (guint l = 0; l < LIMBER_CUSTOM_N_TRANSLATIONS; l++)
    gtk_string_list_append (names, language (l)->own_name);
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  self->updating--;
  update_subtitle (self);
}
