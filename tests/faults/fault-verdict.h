/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fault-verdict.h — is it the old file, the new one, or something else?
 *
 * After a fault, the file a writer writes is classified: the old one,
 * the new one, complete and loading with Limber's own reader, or bad;
 * and a refused save must say so clearly and leave the folder as it
 * was.
 */
#pragma once

#include "fault-place.h"

Version   classify       (const Place  *p,
                          char        **why);
gboolean  error_is_clear (const Place  *p,
                          const char   *message,
                          char        **why);
char     *check_refused  (const Place  *p,
                          gboolean      saved,
                          const char   *message,
                          const char   *before,
                          Version      *version);
