/* limber-text.h — text that comes in several languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A piece of catalog text (a name, a step…) with one version per
 * language.  The version without a language tag belongs to the file's
 * own language.  Not a GObject: exercises hold many of these. */
typedef struct _LimberText LimberText;

LimberText  *limber_text_new        (void);
void         limber_text_free       (LimberText *self);
void         limber_text_set        (LimberText *self,
                                     const char *lang,
                                     const char *text);
const char  *limber_text_get        (const LimberText *self,
                                     const char       *lang);
const char  *limber_text_get_exact  (const LimberText *self,
                                     const char       *lang);
guint        limber_text_get_n      (const LimberText *self);
const char  *limber_text_nth_lang   (const LimberText *self,
                                     guint             n);
const char  *limber_text_nth_text   (const LimberText *self,
                                     guint             n);
gboolean     limber_text_equal      (const LimberText *a,
                                     const LimberText *b);
LimberText  *limber_text_copy       (const LimberText *self);
LimberText  *limber_text_new_from_data (guint       n,
                                        const char *data,
                                        gsize       size);
const char  *limber_text_peek_data  (const LimberText *self,
                                     guint            *n,
                                     gsize            *size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberText, limber_text_free)

G_END_DECLS
