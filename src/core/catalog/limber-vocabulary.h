/* limber-vocabulary.h — the controlled words of the catalog format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LIMBER_VOCABULARY_REGION,
  LIMBER_VOCABULARY_POSITION,
  LIMBER_VOCABULARY_EQUIPMENT,
  LIMBER_VOCABULARY_N_KINDS
} LimberVocabulary;

guint        limber_vocabulary_count    (LimberVocabulary kind);
int          limber_vocabulary_lookup   (LimberVocabulary kind,
                                         const char      *word);
const char  *limber_vocabulary_word     (LimberVocabulary kind,
                                         guint            index);
const char  *limber_vocabulary_label    (LimberVocabulary kind,
                                         guint            index);
const char  *limber_vocabulary_name     (LimberVocabulary kind);
char        *limber_vocabulary_list     (LimberVocabulary kind);
char        *limber_tissue_label        (const char      *tissue);

G_END_DECLS
