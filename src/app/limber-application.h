/* limber-application.h — the application: actions, command line, catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "limber-catalog.h"
#include "limber-favourites.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_APPLICATION (limber_application_get_type ())

G_DECLARE_FINAL_TYPE (LimberApplication, limber_application, LIMBER, APPLICATION, AdwApplication)

LimberApplication *limber_application_new         (void);
LimberCatalog     *limber_application_get_catalog (LimberApplication *self);
LimberFavourites  *limber_application_get_favourites (LimberApplication *self);
void               limber_application_offer_drafts (LimberApplication *self,
                                                    GtkWindow         *window);

G_END_DECLS
