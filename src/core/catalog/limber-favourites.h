/* limber-favourites.h — the stretches a therapist starred
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_FAVOURITES (limber_favourites_get_type ())

G_DECLARE_FINAL_TYPE (LimberFavourites, limber_favourites, LIMBER, FAVOURITES, GObject)

GFile            *limber_favourites_default_file (void);
LimberFavourites *limber_favourites_new          (GFile            *file);
gboolean          limber_favourites_contains     (LimberFavourites *self,
                                                  const char       *id);
guint             limber_favourites_get_n        (LimberFavourites *self);
gboolean          limber_favourites_set          (LimberFavourites *self,
                                                  const char       *id,
                                                  gboolean          favourite,
                                                  GError          **error);
GPtrArray        *limber_favourites_get_problems (LimberFavourites *self);

G_END_DECLS
