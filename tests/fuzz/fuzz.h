/* fuzz.h — what the fuzz targets share
 *
 * Each fuzz-*.c is one libFuzzer target.  With -Dfuzzing=true they are
 * linked with libFuzzer (clang's -fsanitize=fuzzer); otherwise with
 * replay-main.c, a plain main() that runs each file it is given once, so
 * that the regular test suite replays the kept crashers without clang.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "limber-catalog.h"

G_BEGIN_DECLS

/* libFuzzer's entry points; declared here because the project builds
 * with -Werror=missing-prototypes. */
int            LLVMFuzzerInitialize   (int           *argc,
                                       char        ***argv);
int            LLVMFuzzerTestOneInput (const uint8_t *data,
                                       size_t         size);

void           fuzz_init              (void);
GPtrArray     *fuzz_problems_new      (void);
LimberCatalog *fuzz_catalog_new       (void);

G_END_DECLS
