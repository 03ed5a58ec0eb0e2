/* limber-search.h — finding and ranking exercises for what the user typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-exercise.h"
#include "limber-fold.h"
#include "limber-search-words.h"

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

/* The catalog's exercises and the words that find them
 * (limber-search-index.c): derived from the exercises and the search
 * words alone, so it can be kept and reused as long as they are. */
typedef struct _LimberSearchIndex LimberSearchIndex;

LimberSearchIndex *limber_search_index_new          (GListModel        *exercises,
                                                     LimberSearchWords *words);
void               limber_search_index_free         (LimberSearchIndex *self);
guint              limber_search_index_get_n        (LimberSearchIndex *self);
LimberExercise    *limber_search_index_get_exercise (LimberSearchIndex *self,
                                                     guint              slot);
int                limber_search_index_lookup       (LimberSearchIndex *self,
                                                     LimberExercise    *exercise);

/* The answer to one query, best first (limber-search-run.c).  Owned by
 * whoever searches; its buffers are reused, so a keystroke allocates
 * nothing. */
typedef struct _LimberSearchResults LimberSearchResults;

LimberSearchResults *limber_search_results_new      (void);
void                 limber_search_results_free     (LimberSearchResults *self);
guint                limber_search_index_run        (LimberSearchIndex   *self,
                                                     const LimberQuery   *query,
                                                     LimberSearchResults *results);
guint                limber_search_results_get_n    (LimberSearchResults *self);
guint                limber_search_results_get_slot (LimberSearchResults *self,
                                                     guint                position);
gboolean             limber_search_results_contains (LimberSearchResults *self,
                                                     guint                slot);
guint                limber_search_results_get_rank (LimberSearchResults *self,
                                                     guint                slot);
guint                limber_search_results_get_score (LimberSearchResults *self,
                                                      guint                slot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberQuery, limber_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberSearchIndex, limber_search_index_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberSearchResults, limber_search_results_free)

G_END_DECLS
