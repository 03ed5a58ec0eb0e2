/* limber-command-line.c — what `limber` does without a window:
 * --validate, --export, --search, --contact-sheet, --version
 *
 * All of it runs in handle-local-options, before GTK is initialised, so
 * none of it needs a display.  Each command loads the catalogs the same
 * way (load_catalogs()) and prints what is wrong as FILE:LINE: message.
 * The clinic's details for --export come from the settings when
 * Limber's settings schema is installed; a machine without it (a server,
 * a script in a build tree) still exports, without them, instead of
 * aborting as g_settings_new() would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-command-line"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-catalog.h"
#include "limber-command-line.h"
#include "limber-contact-sheet.h"
#include "limber-handout.h"
#include "limber-paths.h"
#include "limber-phrases.h"
#include "limber-problem.h"
#include "limber-program.h"
#include "limber-validate.h"
#include "limber-xml.h"

/* Each problem on a line of its own, on stdout or stderr. */
static void
print_problems (GPtrArray *problems,
                gboolean   to_stderr)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = limber_problem_to_string (g_ptr_array_index (problems, i));

      if (to_stderr)
        g_printerr ("%s\n", line);
      else
        g_print ("%s\n", line);
    }
}

/* The usual catalogs, then those given with --catalog (a file or a
 * folder), where program items without their own copy of an exercise
 * look; every problem found in them is printed. */
static LimberCatalog *
load_catalogs (const char * const *catalogs)
{
  LimberCatalog *catalog;

  limber_xml_init ();
  catalog = limber_catalog_new ();
  limber_catalog_load_standard (catalog, NULL);
  for (guint i = 0; catalogs != NULL && catalogs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (catalogs[i]);

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        limber_catalog_add_folder (catalog, file);
      else
        limber_catalog_add_file (catalog, file, NULL);
    }
  print_problems (limber_catalog_get_problems (catalog), TRUE);
  return catalog;
}

/* An empty catalog makes --search print nothing and --contact-sheet a
 * blank page, which look like answers: the usual cause is a run from
 * the build tree without LIMBER_DATA_DIR, where the bundled catalog is
 * looked for where `meson install` would put it.  So say where Limber
 * looked and how to point it at a catalog. */
static gboolean
has_exercises (LimberCatalog      *catalog,
               const char * const *catalogs)
{
  g_autoptr(GFile) bundled = limber_paths_bundled_catalog ();
  g_autoptr(GFile) user = limber_paths_user_catalog ();
  g_autofree char *bundled_name = g_file_get_parse_name (bundled);
  g_autofree char *user_name = g_file_get_parse_name (user);
  g_autoptr(GString) looked = g_string_new (NULL);

  if (g_list_model_get_n_items (G_LIST_MODEL (catalog)) > 0)
    return TRUE;
  g_string_append_printf (looked, "%s, %s", bundled_name, user_name);
  for (guint i = 0; catalogs != NULL && catalogs[i] != NULL; i++)
    g_string_append_printf (looked, ", %s", catalogs[i]);
  g_printerr (_("limber: no catalog found: no stretches in %s\n"), looked->str);
  g_printerr (_("Set LIMBER_DATA_DIR to the folder that holds catalog/ "
                "(in a source tree: LIMBER_DATA_DIR=$PWD/data), "
                "or give --catalog FILE-OR-FOLDER.\n"));
  return FALSE;
}

/* `limber --validate FILE…`: exit 0 when all are valid, 1 if not. */
static int
validate (const char * const *paths,
          const char * const *catalogs)
{
  g_autoptr(LimberCatalog) catalog = load_catalogs (catalogs);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  guint n_bad = 0, n = 0;

  for (; paths != NULL && paths[n] != NULL; n++)
    {
      g_ptr_array_set_size (problems, 0);
      if (!limber_validate_file (paths[n], catalog, problems))
        n_bad++;
      print_problems (problems, FALSE);
    }
  if (n == 0)
    {
      g_printerr (_("Usage: limber --validate FILE…\n"));
      return 2;
    }
  if (n_bad == 0)
    g_print (ngettext ("%u file is valid\n", "All %u files are valid\n", n), n);
  return n_bad == 0 ? 0 : 1;
}

/* `limber --search QUERY`: the stretches the catalog pane would list,
 * best first, one a line as ID<TAB>NAME.  Exit 0 when something was
 * found, 1 when nothing was (or there is no catalog: then it says so on
 * stderr), 2 for a wrong command line. */
static int
search (const char         *text,
        int                 limit,
        const char         *language,
        const char * const *catalogs)
{
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(LimberQuery) query = limber_query_new ();
  g_autoptr(LimberSearchResults) results = limber_search_results_new ();
  const char *lang = language != NULL && *language ? language : g_get_language_names ()[0];
  LimberSearchIndex *index;
  guint n;

  if (limit < 0)
    {
      g_printerr (_("limber: --limit must be 0 (no limit) or more, not %d\n"), limit);
      return 2;
    }
  catalog = load_catalogs (catalogs);
  if (!has_exercises (catalog, catalogs))
    return 1;
  index = limber_catalog_get_search_index (catalog);
  limber_query_set_text (query, text);
  n = limber_search_index_run (index, query, results);
  for (guint i = 0; i < n && (limit == 0 || i < (guint) limit); i++)
    {
      LimberExercise *exercise = limber_search_index_get_exercise (index, limber_search_results_get_slot (results, i));

      g_print ("%s\t%s\n", limber_exercise_get_id (exercise), limber_exercise_get_name (exercise, lang));
    }
  return n > 0 ? 0 : 1;
}

/* `limber --contact-sheet OUT.pdf`: every figure of the catalogs, named,
 * a few per page, to check them by eye. */
static int
contact_sheet (const char         *path,
               const char * const *catalogs)
{
  g_autoptr(LimberCatalog) catalog = load_catalogs (catalogs);
  g_autoptr(GError) error = NULL;

  if (!has_exercises (catalog, catalogs))
    return 1;
  if (!limber_figure_write_contact_sheet (G_LIST_MODEL (catalog), path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
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
 * limber_command_line_export:
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
limber_command_line_export (const char         *program_path,
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
  g_autoptr(GPtrArray) warnings = limber_problem_list_new ();
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

  catalog = load_catalogs (catalogs);
  program = limber_program_load (file, catalog, warnings, &error);
  if (program == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* A picture that breaks the rules makes the file invalid (data/schemas/program.rng):
   * the app opens it without the picture and says so, but a command
   * that prints nothing else must not hand out a silently different
   * handout. */
  print_problems (warnings, TRUE);
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

/**
 * limber_command_line_add_options:
 * @app: the application
 *
 * Adds the options of `limber --help`.
 */
void
limber_command_line_add_options (GApplication *app)
{
  static const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Check catalog and program files and print each problem as FILE:LINE: message"), NULL },
    { "catalog", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      N_("Also look up exercises in this catalog file or folder (repeatable)"), N_("PATH") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the handout of a program as a PDF (with -o) and exit"), N_("PROGRAM") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL, N_("The PDF file to write with --export"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Paper size of the handout: a4 or letter"), N_("SIZE") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Layout of the handout: large, standard or compact"), N_("LAYOUT") },
    { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Language of the handout, or of the names --search prints (en, es, de, fr)"), N_("LANG") },
    { "therapist-copy", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Export the therapist's copy, with the examinations and progress"), NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Print the stretches that match QUERY, best first, as ID<TAB>NAME, and exit"), N_("QUERY") },
    { "limit", 0, 0, G_OPTION_ARG_INT, NULL, N_("Print at most N results with --search (0: all)"), N_("N") },
    { "contact-sheet", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Draw every figure of the catalogs into a PDF, to check them"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
    { NULL }
  };

  g_return_if_fail (G_IS_APPLICATION (app));

  g_application_add_main_option_entries (app, entries);
  g_application_set_option_context_summary (app, _("Open programs (*.limber) or check files with --validate."));
}

/**
 * limber_command_line_run:
 * @options: the parsed options of limber_command_line_add_options()
 *
 * Runs the command the options name, if any.
 *
 * Returns: the exit code, or -1 when no command was given and the
 *   application should go on (to open its window and any files)
 */
int
limber_command_line_run (GVariantDict *options)
{
  g_autofree const char **files = NULL;
  g_autofree const char **catalogs = NULL;
  const char *program = NULL, *output = NULL, *paper = NULL, *layout = NULL, *language = NULL;
  const char *sheet = NULL, *query = NULL;
  int limit = 0;

  g_return_val_if_fail (options != NULL, 2);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("limber %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (options, "catalog", "^a&ay", &catalogs);

  if (g_variant_dict_contains (options, "validate"))
    return validate (files, catalogs);

  if (g_variant_dict_lookup (options, "search", "&s", &query))
    {
      g_variant_dict_lookup (options, "limit", "i", &limit);
      g_variant_dict_lookup (options, "language", "&s", &language);
      return search (query, limit, language, catalogs);
    }

  if (g_variant_dict_lookup (options, "contact-sheet", "^&ay", &sheet))
    return contact_sheet (sheet, catalogs);

  if (!g_variant_dict_lookup (options, "export", "^&ay", &program))
    return -1;
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  g_variant_dict_lookup (options, "paper", "&s", &paper);
  g_variant_dict_lookup (options, "layout", "&s", &layout);
  g_variant_dict_lookup (options, "language", "&s", &language);
  return limber_command_line_export (program, output, paper, layout, language,
                                     g_variant_dict_contains (options, "therapist-copy"), catalogs);
}
