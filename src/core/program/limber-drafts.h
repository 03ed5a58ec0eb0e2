/* limber-drafts.h — autosaved copies of unsaved programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-program.h"

G_BEGIN_DECLS

typedef struct
{
  char   *id;        /* the window's draft id */
  char   *uri;       /* the program's own file, or NULL if never saved */
  char   *title;     /* for the restore prompt */
  gint64  saved;     /* when the draft was written, Unix seconds */
} LimberDraft;

void           limber_draft_free      (LimberDraft    *draft);
char          *limber_drafts_new_id   (void);
gboolean       limber_drafts_save     (const char     *id,
                                       LimberProgram  *program,
                                       GError        **error);
void           limber_drafts_delete   (const char     *id);
void           limber_drafts_set_aside (const char    *id);
GPtrArray     *limber_drafts_list     (void);
LimberProgram *limber_drafts_load     (const LimberDraft *draft,
                                       LimberCatalog  *catalog,
                                       GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberDraft, limber_draft_free)

G_END_DECLS
