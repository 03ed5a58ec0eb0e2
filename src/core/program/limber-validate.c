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
  guint first = problems->len;
  xmlDoc *doc;

  /* Read once to learn the kind; the kind's own check reads it again,
   * which costs little next to being sure the two agree. */
  doc = limber_xml_read_file (file, path, &kind, problems, NULL);
  if (doc == NULL)
    return FALSE;
  xmlFreeDoc (doc);
  g_assert (problems->len == first);

  if (kind == LIMBER_XML_KIND_CATALOG)
    return limber_catalog_check_file (file, path, problems);
  return limber_program_check_file (file, path, catalog, problems);
}
