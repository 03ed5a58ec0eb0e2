/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-test-library.h — a program library as a clinic's would be:
 * 50 programs of 20 patients, and broken and hostile files among them
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_TEST_LIBRARY_PATIENTS 20
#define LIMBER_TEST_LIBRARY_PROGRAMS 50
#define LIMBER_TEST_LIBRARY_BROKEN   6

GFile *limber_test_library_make       (gboolean    with_broken);
void   limber_test_library_write      (GFile      *folder,
                                       guint       n_programs,
                                       gboolean    with_broken);
char  *limber_test_library_program    (const char *title,
                                       const char *patient,
                                       const char *id,
                                       const char *created);

G_END_DECLS
