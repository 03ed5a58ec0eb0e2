/* limber-window.h — the main window: catalog on the left, program on the right
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "limber-application.h"
#include "limber-program.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_WINDOW (limber_window_get_type ())

G_DECLARE_FINAL_TYPE (LimberWindow, limber_window, LIMBER, WINDOW, AdwApplicationWindow)

/* Where limber_window_open_file_full() puts the program it opens. */
typedef enum
{
  LIMBER_WINDOW_OPEN_HERE,            /* in this window, replacing its program */
  LIMBER_WINDOW_OPEN_BESIDE_UNSAVED,  /* in a new window if this one has unsaved work */
  LIMBER_WINDOW_OPEN_BESIDE_ANY,      /* in a new window if this one has any program */
} LimberWindowOpen;

LimberWindow  *limber_window_new            (LimberApplication *app,
                                             LimberCatalog     *catalog);
void           limber_window_set_accels     (GtkApplication    *app);
gboolean       limber_window_is_empty       (LimberWindow      *self);
gboolean       limber_window_open_file      (LimberWindow      *self,
                                             GFile             *file);
LimberWindow  *limber_window_open_file_full (LimberWindow      *self,
                                             GFile             *file,
                                             LimberWindowOpen   where);
void           limber_window_open_file_async (LimberWindow     *self,
                                              GFile            *file,
                                              LimberWindowOpen  where);
LimberProgram *limber_window_get_program    (LimberWindow      *self);
void           limber_window_take_draft     (LimberWindow      *self,
                                             LimberProgram     *program,
                                             const char        *draft_id);
const char    *limber_window_get_draft_id   (LimberWindow      *self);
void           limber_window_show_error     (LimberWindow      *self,
                                             const char        *heading,
                                             const char        *message);

G_END_DECLS
