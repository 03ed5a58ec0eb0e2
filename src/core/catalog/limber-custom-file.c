/* limber-custom-file.c — custom.xml, the file custom stretches are in
 *
 * Where the file is, a fresh one, reading it and finding a stretch in
 * it: what building a stretch (limber-custom.c, to give it an id no
 * other stretch has) and saving it (limber-custom-save.c) both need, kept
 * apart so that neither calls into the other for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-custom"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-custom-file-private.h"
#include "limber-custom.h"
#include "limber-paths.h"
#include "limber-problem.h"
#include "limber-xml.h"

/**
 * limber_custom_file:
 *
 * Returns: (transfer full): where custom stretches are saved
 */
GFile *
limber_custom_file (void)
{
  g_autoptr(GFile) folder = limber_paths_user_catalog ();

  return g_file_get_child (folder, CUSTOM_FILE);
}

/* An empty custom file, titled. */
xmlDoc *
_limber_custom_file_new_doc (void)
{
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *root = xmlNewDocNode (doc, NULL, (const xmlChar *) "limber-catalog", NULL);

  xmlDocSetRootElement (doc, root);
  xmlSetProp (root, (const xmlChar *) "version", (const xmlChar *) "1");
  xmlNodeSetLang (root, (const xmlChar *) CUSTOM_LANG);
  /* Translators: the title of the catalog file that holds custom stretches */
  xmlNewTextChild (root, NULL, (const xmlChar *) "title", (const xmlChar *) _("My custom stretches"));
  return doc;
}

/* The exercise element of @doc with @id, or NULL. */
xmlNode *
_limber_custom_file_find_exercise (xmlDoc     *doc,
                                   const char *id)
{
  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    if (limber_xml_is (node, "exercise"))
      {
        g_autofree char *own = (char *) xmlGetNoNsProp (node, (const xmlChar *) "id");

        if (g_strcmp0 (own, id) == 0)
          return node;
      }
  return NULL;
}

/* custom.xml as it is on disk, or NULL with its problems added to
 * @problems (if not NULL). */
xmlDoc *
_limber_custom_file_read (GFile     *file,
                          GPtrArray *problems)
{
  g_autoptr(GPtrArray) own_problems = limber_problem_list_new ();
  g_autofree char *display = limber_xml_display_name (file);
  LimberXmlKind kind = LIMBER_XML_KIND_CATALOG;

  return limber_xml_read_file (file, display, &kind, problems ? problems : own_problems, NULL);
}

/**
 * limber_custom_is_custom:
 *
 * Returns: whether @exercise is one of the therapist's own stretches,
 *   read from custom.xml (so it can be edited and deleted)
 */
gboolean
limber_custom_is_custom (LimberExercise *exercise)
{
  g_autoptr(GFile) file = limber_custom_file ();
  g_autofree char *display = limber_xml_display_name (file);

  g_return_val_if_fail (LIMBER_IS_EXERCISE (exercise), FALSE);

  return g_strcmp0 (limber_exercise_get_source (exercise), display) == 0;
}
