/* replay-main.c — a fuzz target without libFuzzer: each file once
 *
 * Linked with a fuzz-*.c when -Dfuzzing is off (the normal build, gcc),
 * so that `meson test fuzz-replay` runs the kept crashers and the test
 * files through the targets on every CI run.  Usage: fuzz-replay-TARGET
 * FILE…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "fuzz.h"

int
main (int   argc,
      char *argv[])
{
  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree uint8_t *data = NULL;
      gsize size;

      if (!g_file_get_contents (argv[i], &contents, &size, &error))
        g_error ("%s", error->message);
      /* Exactly the file's bytes, without the 0 GLib adds after them, as
       * libFuzzer passes them: under AddressSanitizer, reading past the
       * end is caught here too. */
      data = g_memdup2 (contents, size);
      /* Said before, so that a crash names its file. */
      printf ("%s\n", argv[i]);
      fflush (stdout);
      LLVMFuzzerTestOneInput (data, size);
    }
  return 0;
}
