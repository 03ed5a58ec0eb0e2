/* limber-custom-save.c — custom stretches written to the user's catalog
 *
 * A custom stretch is saved in custom.xml in the user's catalog folder;
 * its picture, if any, is copied beside it into images/ and named by the
 * exercise's id.  Saving a stretch of the same name again replaces it.
 *
 * The whole file is checked again before anything is written, so what is
 * saved always passes `limber --validate`.  Nothing is written until
 * every check has passed: a refused picture leaves the catalog as it
 * was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-custom"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "limber-atomic.h"
#include "limber-catalog.h"
#include "limber-custom-private.h"
#include "limber-custom.h"
#include "limber-exercise-xml.h"
#include "limber-image.h"
#include "limber-paths.h"
#include "limber-problem.h"
#include "limber-xml.h"

#define IMAGES       "images"
#define SAME_ID_MAX  100    /* custom-hip-stretch-2 … -100 */

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
_limber_custom_new_catalog_doc (void)
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
static xmlNode *
find_exercise (xmlDoc     *doc,
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

/* The exercise's name in the file's own language. */
static char *
exercise_name (xmlNode *exercise)
{
  for (xmlNode *node = exercise->children; node != NULL; node = node->next)
    if (limber_xml_is (node, "name") && limber_xml_get_lang (node) == NULL)
      return limber_xml_get_text (node);
  return NULL;
}

/* Returns: (nullable): the document, or %NULL with a problem added to
 * @problems (if not %NULL) */
static xmlDoc *
read_custom_file (GFile     *file,
                  GPtrArray *problems)
{
  g_autoptr(GPtrArray) own_problems = limber_problem_list_new ();
  g_autofree char *display = limber_xml_display_name (file);
  LimberXmlKind kind = LIMBER_XML_KIND_CATALOG;

  return limber_xml_read_file (file, display, &kind, problems ? problems : own_problems, NULL);
}

/* The name's id, unless a different stretch already has it: saving a
 * stretch of the same name again replaces it, a new name adds one. */
char *
_limber_custom_unique_id (const char *name)
{
  g_autofree char *base = limber_custom_make_id (name);
  g_autoptr(GFile) file = limber_custom_file ();
  g_autofree char *folded = g_utf8_casefold (name, -1);
  xmlDoc *doc = g_file_query_exists (file, NULL) ? read_custom_file (file, NULL) : NULL;
  char *id = NULL;

  if (doc == NULL)
    return g_steal_pointer (&base);
  for (guint n = 1; n <= SAME_ID_MAX && id == NULL; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);
      xmlNode *node = find_exercise (doc, candidate);
      g_autofree char *other = node ? exercise_name (node) : NULL;
      g_autofree char *other_folded = other ? g_utf8_casefold (other, -1) : NULL;

      if (node == NULL || g_strcmp0 (other_folded, folded) == 0)
        id = g_steal_pointer (&candidate);
    }
  xmlFreeDoc (doc);
  return id ? id : g_steal_pointer (&base);
}

/* Drops the white space between elements, so that the file, once saved,
 * is indented as a whole (libxml2 indents only where there is none). */
static void
strip_blanks (xmlNode *node)
{
  gboolean has_elements = FALSE;
  xmlNode *next;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    has_elements |= child->type == XML_ELEMENT_NODE;
  if (!has_elements)
    return;
  for (xmlNode *child = node->children; child != NULL; child = next)
    {
      next = child->next;
      if (child->type == XML_TEXT_NODE && xmlIsBlankNode (child))
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      else if (child->type == XML_ELEMENT_NODE)
        strip_blanks (child);
    }
}

static const char *
image_extension (const char *type)
{
  if (g_strcmp0 (type, "image/png") == 0)
    return "png";
  if (g_strcmp0 (type, "image/jpeg") == 0)
    return "jpg";
  return "svg";
}

/* The document as it will be written, checked as loading checks it:
 * the schema, then each exercise, then ids used twice. */
static gboolean
check_document (xmlDoc     *doc,
                const char *display,
                GPtrArray  *problems)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *lang = limber_xml_get_lang (xmlDocGetRootElement (doc));

  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    if (limber_xml_is (node, "exercise"))
      {
        g_autoptr(LimberExercise) e = limber_exercise_new_from_xml (node, lang ? lang : CUSTOM_LANG, display,
                                                                    LIMBER_EXERCISE_FROM_CATALOG, problems);

        if (e != NULL && !g_hash_table_add (seen, g_strdup (limber_exercise_get_id (e))))
          limber_xml_add_problem (problems, display, node, _("duplicate id ‘%s’"), limber_exercise_get_id (e));
      }
  if (problems->len == 0)
    limber_xml_validate (doc, LIMBER_XML_KIND_CATALOG, display, problems);
  return problems->len == 0;
}

/* The custom file as it is now (a fresh one if there is none), refused
 * if it does not load: saving over it would lose what it holds. */
static xmlDoc *
load_current (GFile   *file,
              GError **error)
{
  g_autofree char *display = limber_xml_display_name (file);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  xmlDoc *doc;

  if (!g_file_query_exists (file, NULL))
    return _limber_custom_new_catalog_doc ();
  if (!limber_catalog_check_file (file, display, problems)
      || (doc = read_custom_file (file, problems)) == NULL)
    {
      /* Translators: %s is a file; what follows lists its problems */
      g_autofree char *what = g_strdup_printf (_("Nothing was saved: %s has problems. Correct them or move "
                                                 "the file away, then save again:"), display);
      _limber_custom_fail_with_problems (problems, LIMBER_CUSTOM_ERROR_BROKEN_FILE, what, error);
      return NULL;
    }
  return doc;
}

/* Pictures of this id left over from an earlier save (another format,
 * or the picture dropped for a figure); @keep is the one still used. */
static void
remove_old_images (GFile      *images,
                   const char *id,
                   const char *keep)
{
  static const char * const extensions[] = { "png", "jpg", "svg" };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *src = g_strdup_printf (IMAGES "/%s.%s", id, extensions[i]);
      g_autoptr(GFile) old = g_file_get_child (images, src + strlen (IMAGES "/"));

      if (g_strcmp0 (src, keep) != 0)
        g_file_delete (old, NULL, NULL);
    }
}

static gboolean
make_folder (GFile   *folder,
             GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_make_directory_with_parents (folder, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_image (GFile       *images,
             const char  *name,
             GBytes      *image,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_get_child (images, name);

  return make_folder (images, error)
         && limber_atomic_write (file, g_bytes_get_data (image, NULL), g_bytes_get_size (image), FALSE, error);
}

/**
 * limber_custom_save:
 * @exercise: a custom stretch (limber_custom_build())
 * @image: (nullable): its photo or drawing, PNG, JPEG or SVG
 * @image_type: (nullable): the picture's MIME type, checked against what
 *   it is
 *
 * Adds @exercise to the user's custom.xml, or replaces the one with its
 * id there, with @image copied to images/ID.EXT beside it.  The picture
 * is checked (limber_image_check()) and the whole file validated before
 * anything is written; both are written atomically.
 *
 * Returns: %TRUE if saved; on %FALSE nothing on disk changed
 */
gboolean
limber_custom_save (LimberExercise  *exercise,
                    GBytes          *image,
                    const char      *image_type,
                    GError         **error)
{
  g_autoptr(GFile) file = limber_custom_file ();
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GFile) images = g_file_get_child (folder, IMAGES);
  g_autofree char *display = limber_xml_display_name (file);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_autofree char *message = NULL;
  g_autofree char *image_name = NULL;
  g_autofree char *kept = NULL;
  const char *id, *lang;
  xmlChar *text = NULL;
  xmlNode *node, *old, *picture;
  xmlDoc *doc;
  int length = 0;
  gboolean ok;

  g_return_val_if_fail (LIMBER_IS_EXERCISE (exercise), FALSE);

  id = limber_exercise_get_id (exercise);
  if (image != NULL)
    {
      if (!limber_image_check (image, image_type, &message))
        {
          g_set_error (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_IMAGE,
                       _("This picture cannot be used: %s."), message);
          return FALSE;
        }
      image_name = g_strdup_printf ("%s.%s", id, image_extension (limber_image_sniff (image)));
    }

  if ((doc = load_current (file, error)) == NULL)
    return FALSE;
  strip_blanks (xmlDocGetRootElement (doc));
  lang = limber_xml_get_lang (xmlDocGetRootElement (doc));
  node = limber_exercise_write_xml (exercise, xmlDocGetRootElement (doc), lang ? lang : CUSTOM_LANG,
                                    LIMBER_EXERCISE_FROM_CATALOG);
  if (image != NULL)
    {
      g_autofree char *src = g_strdup_printf (IMAGES "/%s", image_name);

      /* The new picture in place of any the exercise had. */
      if ((picture = limber_xml_find_child (node, "image")) != NULL)
        {
          xmlUnlinkNode (picture);
          xmlFreeNode (picture);
        }
      picture = xmlNewChild (node, NULL, (const xmlChar *) "image", NULL);
      xmlSetProp (picture, (const xmlChar *) "src", (const xmlChar *) src);
      xmlSetProp (picture, (const xmlChar *) "alt",
                  (const xmlChar *) limber_exercise_get_name (exercise, lang ? lang : CUSTOM_LANG));
    }
  if ((old = find_exercise (doc, id)) != NULL && old != node)
    {
      xmlReplaceNode (old, node);
      xmlFreeNode (old);
    }

  /* Every check before the first byte is written. */
  if (!check_document (doc, display, problems))
    {
      xmlFreeDoc (doc);
      return _limber_custom_fail_with_problems (problems, LIMBER_CUSTOM_ERROR_INVALID,
                                                _("The stretch cannot be saved:"), error);
    }
  picture = limber_xml_find_child (node, "image");
  kept = picture ? (char *) xmlGetNoNsProp (picture, (const xmlChar *) "src") : NULL;
  xmlDocDumpFormatMemoryEnc (doc, &text, &length, "UTF-8", 1);
  xmlFreeDoc (doc);

  /* The picture first: the catalog never names a file not yet there. */
  ok = (image == NULL || write_image (images, image_name, image, error))
       && make_folder (folder, error)
       && limber_atomic_write (file, (const char *) text, length, TRUE, error);
  xmlFree (text);
  if (ok)
    remove_old_images (images, id, kept);
  return ok;
}
