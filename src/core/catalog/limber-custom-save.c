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
#include "limber-custom-file-private.h"
#include "limber-custom-private.h"
#include "limber-custom.h"
#include "limber-exercise-xml.h"
#include "limber-image.h"
#include "limber-paths.h"
#include "limber-problem.h"
#include "limber-xml.h"

#define IMAGES       "images"

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
    return _limber_custom_file_new_doc ();
  if (!limber_catalog_check_file (file, display, problems)
      || (doc = _limber_custom_file_read (file, problems)) == NULL)
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
  if ((old = _limber_custom_file_find_exercise (doc, id)) != NULL && old != node)
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

/**
 * limber_custom_delete:
 * @id: a custom stretch's id
 *
 * Takes the stretch with @id out of the user's custom.xml and deletes
 * its picture.  The file is checked as a save checks it and written
 * atomically.
 *
 * Returns: %TRUE if it is gone; on %FALSE nothing on disk changed
 */
gboolean
limber_custom_delete (const char  *id,
                      GError     **error)
{
  g_autoptr(GFile) file = limber_custom_file ();
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GFile) images = g_file_get_child (folder, IMAGES);
  g_autofree char *display = limber_xml_display_name (file);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  xmlChar *text = NULL;
  xmlNode *node;
  xmlDoc *doc;
  int length = 0;
  gboolean ok;

  g_return_val_if_fail (id != NULL, FALSE);

  if (!g_file_query_exists (file, NULL) || (doc = load_current (file, error)) == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_BROKEN_FILE,
                     _("There is no custom stretch ‘%s’ to delete"), id);
      return FALSE;
    }
  if ((node = _limber_custom_file_find_exercise (doc, id)) == NULL)
    {
      xmlFreeDoc (doc);
      g_set_error (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_BROKEN_FILE,
                   _("There is no custom stretch ‘%s’ in %s"), id, display);
      return FALSE;
    }
  xmlUnlinkNode (node);
  xmlFreeNode (node);
  strip_blanks (xmlDocGetRootElement (doc));
  if (!check_document (doc, display, problems))
    {
      xmlFreeDoc (doc);
      return _limber_custom_fail_with_problems (problems, LIMBER_CUSTOM_ERROR_INVALID,
                                                _("The stretch cannot be deleted:"), error);
    }
  xmlDocDumpFormatMemoryEnc (doc, &text, &length, "UTF-8", 1);
  xmlFreeDoc (doc);
  ok = limber_atomic_write (file, (const char *) text, length, TRUE, error);
  xmlFree (text);
  if (ok)
    remove_old_images (images, id, NULL);
  return ok;
}
