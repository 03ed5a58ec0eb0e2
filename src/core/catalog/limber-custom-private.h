/* limber-custom-private.h — what saving a custom stretch takes from
 * building one (limber-custom.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-custom.h"

G_BEGIN_DECLS

gboolean  _limber_custom_fail_with_problems (GPtrArray          *problems,
                                             LimberCustomError   code,
                                             const char         *what,
                                             GError            **error);

G_END_DECLS
