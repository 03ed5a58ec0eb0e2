/* limber-stretch-spanish.c — a custom stretch's words in Spanish
 *
 * The name, summary, steps, caution and the therapist's note as the
 * Spanish handout prints them, saved as xml:lang="es" texts beside the
 * English ones (limber_custom_build()).  Folded away until wanted: most
 * custom stretches are written in one language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-stretch-fields"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-stretch-spanish.h"

struct _LimberStretchSpanish
{
  AdwBin          parent_instance;

  guint           updating;

  /* Template widgets */
  AdwExpanderRow *expander;
  AdwEntryRow    *rows[LIMBER_EXERCISE_N_TEXTS];  /* the texts a custom stretch has */
  AdwEntryRow    *caution_row;
};

G_DEFINE_FINAL_TYPE (LimberStretchSpanish, limber_stretch_spanish, ADW_TYPE_BIN)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_changed (LimberStretchSpanish *self)
{
  if (self->updating == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_row (LimberStretchSpanish *self,
         AdwEntryRow          *row,
         const LimberText     *text,
         gboolean             *any)
{
  const char *es = text ? limber_text_get_exact (text, "es") : NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), es ? es : "");
  *any |= es != NULL;
}

/**
 * limber_stretch_spanish_set_exercise:
 *
 * Shows @exercise's Spanish texts (open when it has any).
 */
void
limber_stretch_spanish_set_exercise (LimberStretchSpanish *self,
                                     LimberExercise       *exercise)
{
  gboolean any = FALSE;

  g_return_if_fail (LIMBER_IS_STRETCH_SPANISH (self));
  g_return_if_fail (LIMBER_IS_EXERCISE (exercise));

  self->updating++;
  for (guint i = 0; i < LIMBER_EXERCISE_N_TEXTS; i++)
    if (self->rows[i] != NULL)
      set_row (self, self->rows[i], limber_exercise_peek_text (exercise, i), &any);
  set_row (self, self->caution_row,
           limber_exercise_get_n_cautions (exercise) ? limber_exercise_peek_caution (exercise, 0) : NULL, &any);
  adw_expander_row_set_expanded (self->expander, any);
  self->updating--;
}

/**
 * limber_stretch_spanish_fill:
 *
 * Puts the Spanish texts into @fields; they point into the rows, so use
 * @fields before the rows change.
 */
void
limber_stretch_spanish_fill (LimberStretchSpanish *self,
                             LimberCustomFields   *fields)
{
  g_return_if_fail (LIMBER_IS_STRETCH_SPANISH (self));

  for (guint i = 0; i < LIMBER_EXERCISE_N_TEXTS; i++)
    if (self->rows[i] != NULL)
      fields->texts_es[i] = gtk_editable_get_text (GTK_EDITABLE (self->rows[i]));
  fields->caution_es = gtk_editable_get_text (GTK_EDITABLE (self->caution_row));
}

static void
limber_stretch_spanish_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIMBER_TYPE_STRETCH_SPANISH);
  G_OBJECT_CLASS (limber_stretch_spanish_parent_class)->dispose (object);
}

static void
limber_stretch_spanish_class_init (LimberStretchSpanishClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_stretch_spanish_dispose;

  /**
   * LimberStretchSpanish::changed:
   *
   * The therapist typed something.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/limber/Limber/limber-stretch-spanish.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberStretchSpanish, expander);
  gtk_widget_class_bind_template_child (widget_class, LimberStretchSpanish, caution_row);
#define BIND_AT(id, which) \
  gtk_widget_class_bind_template_child_full (widget_class, id, FALSE, G_STRUCT_OFFSET (LimberStretchSpanish, rows[which]))
  BIND_AT ("name_row", LIMBER_EXERCISE_NAME);
  BIND_AT ("summary_row", LIMBER_EXERCISE_SUMMARY);
  BIND_AT ("shorten_row", LIMBER_EXERCISE_SHORTEN);
  BIND_AT ("lengthen_row", LIMBER_EXERCISE_LENGTHEN);
  BIND_AT ("pressure_self_row", LIMBER_EXERCISE_PRESSURE_SELF);
  BIND_AT ("pressure_therapist_row", LIMBER_EXERCISE_PRESSURE_THERAPIST);
#undef BIND_AT
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
limber_stretch_spanish_init (LimberStretchSpanish *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
