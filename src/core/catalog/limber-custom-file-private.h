/* limber-custom-file-private.h — custom.xml, for the files that build
 * and save custom stretches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define CUSTOM_FILE  "custom.xml"
#define CUSTOM_LANG  "en"

xmlDoc  *_limber_custom_file_new_doc       (void);
xmlDoc  *_limber_custom_file_read          (GFile       *file,
                                            GPtrArray   *problems);
xmlNode *_limber_custom_file_find_exercise (xmlDoc      *doc,
                                            const char  *id);

G_END_DECLS
