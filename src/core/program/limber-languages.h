/* limber-languages.h — the languages a handout can be written in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *code;       /* "de" */
  const char *own_name;   /* as its speakers write it: "Deutsch" */
  const char *name;       /* N_("German"), for the interface's own words */
} LimberLanguage;

guint                 limber_languages_get_n (void);
const LimberLanguage *limber_languages_get   (guint               index);
guint                 limber_languages_find  (const char         *tag);
const char           *limber_languages_pick  (const char * const *tags);
const char           *limber_languages_name  (const char         *tag);

G_END_DECLS
