/* limber-fold.h — text folded for matching, and how near two words are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longer words are never a typo of another (limber_fold_within_edits). */
#define LIMBER_FOLD_MAX_EDIT_WORD 32

void     limber_fold_append       (GString    *out,
                                   const char *text);
gboolean limber_fold_within_edits (const char *a,
                                   gsize       la,
                                   const char *b,
                                   gsize       lb,
                                   guint       max);

G_END_DECLS
