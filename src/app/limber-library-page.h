/* limber-library-page.h — the start page: the program library by patient
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "limber-library.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_LIBRARY_PAGE (limber_library_page_get_type ())

G_DECLARE_FINAL_TYPE (LimberLibraryPage, limber_library_page, LIMBER, LIBRARY_PAGE, GtkWidget)

LimberLibrary *limber_library_page_get_library  (LimberLibraryPage *self);
void           limber_library_page_focus_search (LimberLibraryPage *self);

G_END_DECLS
