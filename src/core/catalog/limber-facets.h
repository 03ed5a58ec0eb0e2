/* limber-facets.h — how many stretches have each filter value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "limber-vocabulary.h"

G_BEGIN_DECLS

guint *limber_facets_count_words   (GListModel         *exercises,
                                    LimberVocabulary    kind);
guint *limber_facets_count_tissues (GListModel         *exercises,
                                    const char * const *tissues);

G_END_DECLS
