/* limber-custom.h — a therapist's own stretches, saved to their catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "limber-exercise.h"

G_BEGIN_DECLS

#define LIMBER_CUSTOM_ERROR (limber_custom_error_quark ())

typedef enum
{
  LIMBER_CUSTOM_ERROR_NO_NAME,
  LIMBER_CUSTOM_ERROR_NO_REGION,
  LIMBER_CUSTOM_ERROR_NO_TISSUE,
  LIMBER_CUSTOM_ERROR_BAD_FIELD,    /* a word Limber does not know */
  LIMBER_CUSTOM_ERROR_IMAGE,        /* the picture is refused */
  LIMBER_CUSTOM_ERROR_BROKEN_FILE,  /* custom.xml is there but does not load */
  LIMBER_CUSTOM_ERROR_INVALID,      /* the result would not pass its checks */
} LimberCustomError;

/* The same words in another language, written as xml:lang texts beside
 * the English ones. */
typedef struct
{
  const char *lang;                              /* "es", "de", "fr"; NULL: none */
  const char *texts[LIMBER_EXERCISE_N_TEXTS];
  const char *caution;
} LimberCustomTranslation;

/* Spanish, German and French: the handout languages besides English. */
#define LIMBER_CUSTOM_N_TRANSLATIONS 3

/* What a therapist fills in; every string may be NULL or empty except
 * the name, the region and the tissues. */
typedef struct
{
  const char         *id;         /* NULL: made from the name */
  const char         *texts[LIMBER_EXERCISE_N_TEXTS];  /* the name first */
  const char         *region;     /* a region word: "hip" */
  const char         *tissues;    /* "Rectus femoris, iliopsoas" */
  const char         *position;   /* a position word */
  const char * const *equipment;  /* equipment words, NULL-terminated */
  const char         *caution;
  LimberCustomTranslation translations[LIMBER_CUSTOM_N_TRANSLATIONS];
  LimberDosage        dosage;
  LimberFigure       *figure;
} LimberCustomFields;

GQuark          limber_custom_error_quark   (void);
GFile          *limber_custom_file          (void);
char           *limber_custom_make_id       (const char               *name);
GStrv           limber_custom_parse_tissues (const char               *text);
LimberExercise *limber_custom_build         (const LimberCustomFields *fields,
                                             GError                  **error);
gboolean        limber_custom_is_custom     (LimberExercise           *exercise);
gboolean        limber_custom_delete        (const char               *id,
                                             GError                  **error);
gboolean        limber_custom_save          (LimberExercise           *exercise,
                                             GBytes                   *image,
                                             const char               *image_type,
                                             GError                  **error);

/* The photo or drawing a therapist chooses. */
GBytes          *limber_custom_read_picture   (GFile         *file,
                                              GCancellable  *cancellable,
                                              const char   **type,
                                              GError       **error);
cairo_surface_t *limber_custom_render_picture (GBytes        *bytes,
                                              const char    *type,
                                              int            width,
                                              int            height,
                                              GError       **error);

G_END_DECLS
