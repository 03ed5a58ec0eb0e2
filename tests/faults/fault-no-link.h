/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fault-no-link.h — a save where the file system refuses links */
#pragma once

#include "fault-place.h"

char save_with_links_refused (Place   *p,
                              GError **error);
