/* limber-search-words.h — the words people search with (vocabulary.txt)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A vocabulary file is at most this big, and a line this long. */
#define LIMBER_SEARCH_WORDS_MAX_BYTES (1024 * 1024)
#define LIMBER_SEARCH_WORDS_MAX_LINE  4096
/* A term has at most this many words. */
#define LIMBER_SEARCH_WORDS_MAX_TERM_WORDS 4

typedef enum
{
  LIMBER_SEARCH_WORDS_TISSUE,
  LIMBER_SEARCH_WORDS_REGION,
} LimberSearchWordsKind;

/* Not a GObject: a catalog owns one and the search index reads it. */
typedef struct _LimberSearchWords LimberSearchWords;

LimberSearchWords *limber_search_words_new       (void);
void               limber_search_words_free      (LimberSearchWords     *self);
gboolean           limber_search_words_add_data  (LimberSearchWords     *self,
                                                  const char            *data,
                                                  gsize                  length,
                                                  const char            *display_name,
                                                  GPtrArray             *problems);
gboolean           limber_search_words_add_file  (LimberSearchWords     *self,
                                                  GFile                 *file,
                                                  GPtrArray             *problems);
void               limber_search_words_collect   (LimberSearchWords     *self,
                                                  LimberSearchWordsKind  kind,
                                                  const char            *target,
                                                  GPtrArray             *terms);
gboolean           limber_search_words_is_stop   (LimberSearchWords     *self,
                                                  const char            *folded);
guint              limber_search_words_get_n_rules (LimberSearchWords   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberSearchWords, limber_search_words_free)

G_END_DECLS
