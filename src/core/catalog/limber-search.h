/* limber-search.h — matching exercises against what the user typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-exercise.h"
#include "limber-fold.h"

G_BEGIN_DECLS

/* Not a GObject: the catalog pane owns one and changes it per keystroke. */
typedef struct _LimberQuery LimberQuery;

LimberQuery *limber_query_new           (void);
void         limber_query_free          (LimberQuery      *self);
gboolean     limber_query_set_text      (LimberQuery      *self,
                                         const char       *text);
gboolean     limber_query_set_word      (LimberQuery      *self,
                                         LimberVocabulary  kind,
                                         int               index);
gboolean     limber_query_set_tissue    (LimberQuery      *self,
                                         const char       *tissue);
gboolean     limber_query_is_empty      (const LimberQuery *self);
gboolean     limber_query_matches       (const LimberQuery *self,
                                         LimberExercise    *exercise);

/* The catalog's exercises, laid out for one fast pass per keystroke. */
typedef struct _LimberSearchIndex LimberSearchIndex;

LimberSearchIndex *limber_search_index_new    (GListModel        *exercises);
void               limber_search_index_free   (LimberSearchIndex *self);
guint              limber_search_index_get_n  (LimberSearchIndex *self);
int                limber_search_index_lookup (LimberSearchIndex *self,
                                               LimberExercise    *exercise);
guint              limber_search_index_run    (LimberSearchIndex *self,
                                               const LimberQuery *query,
                                               guint8            *matches,
                                               gboolean           refine);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberQuery, limber_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberSearchIndex, limber_search_index_free)

G_END_DECLS
