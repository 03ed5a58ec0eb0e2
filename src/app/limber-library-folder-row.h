/* limber-library-folder-row.h — the program library's folder, in Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_LIBRARY_FOLDER_ROW (limber_library_folder_row_get_type ())

G_DECLARE_FINAL_TYPE (LimberLibraryFolderRow, limber_library_folder_row, LIMBER, LIBRARY_FOLDER_ROW, AdwActionRow)

void limber_library_folder_row_set_folder (LimberLibraryFolderRow *self,
                                           GFile                  *folder);

G_END_DECLS
