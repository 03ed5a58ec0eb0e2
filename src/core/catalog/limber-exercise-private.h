/* limber-exercise-private.h — what the search needs to see
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-exercise.h"

G_BEGIN_DECLS

void           _limber_exercise_fold_search_text (LimberExercise *self,
                                                  GString        *out);
gboolean       _limber_exercise_has_tissue  (LimberExercise *self,
                                             GQuark          tissue);

G_END_DECLS

G_BEGIN_DECLS
void           _limber_exercise_set_search_slot       (LimberExercise *self,
                                                       guint           slot);
guint          _limber_exercise_get_search_slot       (LimberExercise *self);
const GQuark  *_limber_exercise_get_tissue_quarks     (LimberExercise *self);
void           _limber_exercise_drop_image  (LimberExercise *self);
void           _limber_exercise_set_image_data (LimberExercise *self,
                                                GBytes         *bytes,
                                                const char     *mime_type);
G_END_DECLS

G_BEGIN_DECLS
/* An open catalog cache file that exercises read their texts from
 * (limber-catalog-cache.c); shared by the exercises of one cache. */
typedef struct _LimberCacheFile LimberCacheFile;

LimberCacheFile *_limber_cache_file_ref   (LimberCacheFile *file);
void             _limber_cache_file_unref (LimberCacheFile *file);

/* An exercise in parts, as the catalog cache stores it. */
typedef struct
{
  char        *id;
  long         line;
  LimberSide   written_for;
  LimberText  *texts[LIMBER_EXERCISE_N_TEXTS];   /* NULL: none */
  GPtrArray   *steps;      /* LimberText; NULL: none */
  GPtrArray   *cautions;   /* LimberText; NULL: none */
  guint64      words[LIMBER_VOCABULARY_N_KINDS];
  GPtrArray   *tissues;    /* char *, at least one */
  LimberDosage dosage;
  char        *image_src;
  char        *image_alt;
  char        *figure_xml;
  /* Or, instead of texts but the name, steps, cautions and figure XML:
   * where they are in a cache file, and their checksum. */
  LimberCacheFile *body_file;
  guint64      body_at;
  guint32      body_len;
  guint64      body_sum;
} LimberExerciseParts;

/* The texts the list never shows: packed in a catalog exercise
 * (limber-exercise-pack.c).  texts[LIMBER_EXERCISE_NAME] is not part. */
typedef struct
{
  LimberText *texts[LIMBER_EXERCISE_N_TEXTS];
  GPtrArray  *steps;      /* LimberText */
  GPtrArray  *cautions;   /* LimberText */
  char       *figure_xml;
} LimberExerciseBody;

guint8   *_limber_exercise_body_pack   (const LimberExerciseBody *body,
                                        gsize                    *len);
void      _limber_exercise_packed_free (guint8                   *packed);
void      _limber_exercise_body_unpack (const guint8             *packed,
                                        gsize                     len,
                                        LimberExerciseBody       *body);
void      _limber_exercise_body_clear  (LimberExerciseBody       *body);
void      _limber_exercise_body_init_empty (LimberExerciseBody   *body);
gboolean  _limber_cache_file_read_body (LimberCacheFile          *file,
                                        guint64                   at,
                                        guint32                   len,
                                        guint64                   sum,
                                        const char               *display_name,
                                        LimberExerciseBody       *body);
LimberExercise *_limber_cache_file_lookup_source (LimberCacheFile *file,
                                                  const char      *display_name,
                                                  const char      *id);
GHashTable *_limber_cache_fallback_read (const char               *display_name);
gboolean  _limber_exercise_borrow_body (LimberExercise           *self,
                                        LimberExerciseBody       *body);
gboolean  _limber_exercise_is_packed   (LimberExercise           *self);
void      _limber_exercise_move_body   (LimberExercise           *self,
                                        LimberCacheFile          *file,
                                        guint64                   at,
                                        guint32                   len,
                                        guint64                   sum);

LimberExercise *_limber_exercise_new_from_parts (LimberExerciseParts *parts,
                                                 const char          *source);
void            _limber_exercise_parts_clear    (LimberExerciseParts *parts);
void            _limber_exercise_drop_figure    (LimberExercise      *self);
LimberFigure   *_limber_exercise_parse_figure   (const char          *figure_xml,
                                                 const char          *display_name);
G_END_DECLS
