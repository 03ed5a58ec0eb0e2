/* limber-fold.h — text folded for matching, and its byte-pair set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 2048 bits: 1024 for byte pairs, 1024 for byte triples (limber-fold.c). */
#define LIMBER_BIGRAM_WORDS 32
/* An exercise's search block: its byte-pair set, then its key and the
 * key's NUL, rounded up to keep blocks aligned in the search index. */
#define LIMBER_SEARCH_BLOCK_SIZE(key_len) \
  ((LIMBER_BIGRAM_WORDS * sizeof (guint64) + (key_len) + 1 + 7) & ~(gsize) 7)

/* Longer words are never a typo of another (limber_fold_within_edits). */
#define LIMBER_FOLD_MAX_EDIT_WORD 32

void     limber_fold_append       (GString    *out,
                                   const char *text);
gboolean limber_fold_within_edits (const char *a,
                                   gsize       la,
                                   const char *b,
                                   gsize       lb,
                                   guint       max);
void limber_bigrams_fill (guint64    *bigrams,
                          const char *folded);

G_END_DECLS
