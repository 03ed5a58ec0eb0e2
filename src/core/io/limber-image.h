/* limber-image.h — checking pictures before anything decodes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIMBER_IMAGE_MAX_PIXELS (40u * 1000 * 1000)
#define LIMBER_IMAGE_MAX_BYTES  (32u * 1024 * 1024)

const char *limber_image_sniff  (GBytes      *bytes);
gboolean    limber_image_check  (GBytes      *bytes,
                                 const char  *declared_type,
                                 char       **message);

G_END_DECLS
