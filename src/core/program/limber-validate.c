/* limber-validate.c — `limber --validate`: check files, say what is wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-validate"

#include "config.h"

#include "limber-program.h"
#include "limber-validate.h"
#include "limber-xml.h"

/**
 * limber_validate_file:
 * @path: as the user typed it (messages name the file the same way)
 * @catalog: (nullable): where program items without a copy look
 * @problems: (element-type LimberProblem): each problem is added
 *
 * Checks a catalog or a program file, whichever it is.
 *
 * Returns: %TRUE if the file is valid
 */
gboolean
limber_validate_file (const char    *path,
                      LimberCatalog *catalog,
                      GPtrArray     *problems)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  /* A .limber file is a program whatever it holds; an .xml one either. */
  LimberXmlKind kind = g_str_has_suffix (path, ".limber") ? LIMBER_XML_KIND_PROGRAM
                                                          : LIMBER_XML_KIND_ANY;

  /* Only the root, to learn the kind: a catalog may be big, and is then
   * read once, streamed, by its own check. */
  if (!limber_xml_sniff_kind (file, path, &kind, problems))
    return FALSE;

  if (kind == LIMBER_XML_KIND_CATALOG)
    return limber_catalog_check_file (file, path, problems);
  return limber_program_check_file (file, path, catalog, problems);
}
