/* limber-export.c — `limber --export`: a program's handout as a PDF, no
 * display needed
 *
 * The same handout as the app prints, written by the same code.  The
 * clinic's details come from the settings when Limber's settings schema
 * is installed; a machine without it (a server, a script in a build
 * tree) still exports, without them, instead of aborting as
 * g_settings_new() would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-export"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-catalog.h"
#include "limber-export.h"
#include "limber-handout.h"
#include "limber-phrases.h"
#include "limber-program.h"
#include "limber-xml.h"

static void
load_catalogs (LimberCatalog      *catalog,
               const char * const *catalogs)
{
  /* Items without their own copy of an exercise look in the usual
   * catalogs, then in those given with --catalog (a file or a folder). */
  limber_catalog_load_standard (catalog, NULL);
  for (guint i = 0; catalogs != NULL && catalogs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (catalogs[i]);
      g_autoptr(GError) error = NULL;

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        limber_catalog_add_folder (catalog, file);
      else if (!limber_catalog_add_file (catalog, file, &error))
        g_printerr ("%s\n", error->message);
    }
}

/* The settings, if their schema is installed; else nothing. */
static void
load_settings (LimberHandoutOptions *options)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return;
  settings = g_settings_new_full (schema, NULL, NULL);
  limber_handout_options_load_settings (options, settings);
}

/**
 * limber_export_run:
 * @program_path: the program, as typed
 * @output: the PDF to write, as typed
 * @paper: (nullable): "a4" or "letter"; %NULL for the settings' (A4)
 * @layout: (nullable): "large", "standard" or "compact"
 * @language: (nullable): the handout's language; %NULL for the program's
 * @catalogs: (nullable): more catalog files or folders
 *
 * Writes the handout of @program_path to @output.  Problems are printed
 * on stderr, a bad file as "FILE:LINE: message"; nothing is written
 * unless the whole PDF is.
 *
 * Returns: the exit code: 0 done, 1 a bad program or a failed write,
 *   2 a wrong command line
 */
int
limber_export_run (const char         *program_path,
                   const char         *output,
                   const char         *paper,
                   const char         *layout,
                   const char         *language,
                   gboolean            therapist_copy,
                   const char * const *catalogs)
{
  g_auto(LimberHandoutOptions) options = { 0 };
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(LimberProgram) program = NULL;
  g_autoptr(LimberHandout) handout = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;

  if (program_path == NULL || output == NULL)
    {
      g_printerr (_("Usage: limber --export PROGRAM -o OUT.pdf [--paper a4|letter] "
                    "[--layout large|standard|compact] [--language LANG] [--therapist-copy]\n"));
      return 2;
    }

  limber_handout_options_init (&options);
  load_settings (&options);
  if (paper != NULL && !limber_paper_from_string (paper, &options.paper))
    {
      g_printerr (_("limber: --paper must be a4 or letter, not ‘%s’\n"), paper);
      return 2;
    }
  if (layout != NULL && !limber_handout_layout_from_string (layout, &options.layout))
    {
      g_printerr (_("limber: --layout must be large, standard or compact, not ‘%s’\n"), layout);
      return 2;
    }
  if (language != NULL && *language != '\0')
    {
      options.language = g_strdup (language);
      if (g_ascii_strncasecmp (limber_phrases_language (language), language, 2) != 0)
        g_printerr (_("limber: handouts have no words in ‘%s’ yet; they will be in English\n"), language);
    }
  options.therapist_copy = therapist_copy;

  file = g_file_new_for_commandline_arg (program_path);
  out = g_file_new_for_commandline_arg (output);
  if (g_file_equal (file, out))
    {
      g_printerr (_("limber: the handout would replace the program %s: choose another file with -o\n"),
                  program_path);
      return 2;
    }

  limber_xml_init ();
  catalog = limber_catalog_new ();
  load_catalogs (catalog, catalogs);
  program = limber_program_load (file, catalog, warnings, &error);
  if (program == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* A picture that breaks the rules makes the file invalid (FORMATS.md):
   * the app opens it without the picture and says so, but a command
   * that prints nothing else must not hand out a silently different
   * handout. */
  for (guint i = 0; i < warnings->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (warnings, i));
  if (warnings->len > 0)
    return 1;

  handout = limber_handout_new (program, &options);
  if (!limber_handout_write_pdf (handout, out, &error))
    {
      g_printerr ("limber: %s\n", error->message);
      return 1;
    }
  return 0;
}
