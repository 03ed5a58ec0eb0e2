/* fuzz-program.c — a program file (.limber), as the app opens it
 *
 * Program files come by e-mail: the least trusted input Limber reads.
 * Items refer to exercises of the catalog, so the bundled catalog (and
 * the tests' minimal one, which the test programs use) is read once.
 * What loads is written back and must load again: a program Limber
 * saves and cannot open is lost work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz.h"
#include "limber-program.h"

static LimberCatalog *catalog;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  catalog = fuzz_catalog_new ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) warnings = fuzz_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberProgram) program = NULL;
  g_autoptr(LimberProgram) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  gsize length;
  char *text;

  program = limber_program_load_bytes (bytes, "fuzz.limber", catalog, warnings, &error);
  if (program == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }

  text = limber_program_to_string (program, &length);
  saved = g_bytes_new_take (text, length);
  again = limber_program_load_bytes (saved, "saved.limber", catalog, NULL, &error);
  if (again == NULL)
    g_error ("A program that loaded was saved as a file that does not load: %s\n%s",
             error->message, text);
  return 0;
}
