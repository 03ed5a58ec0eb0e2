/* limber-custom.c — a therapist's own stretches, saved to their catalog
 *
 * A custom stretch is written to custom.xml in the user's catalog folder
 * ($XDG_DATA_HOME/limber/catalog), which loads after the bundled one like
 * any other catalog file.  Its picture, if any, is copied beside it into
 * images/ and named by the exercise's id.
 *
 * The exercise is built as XML and read back with the catalog's own
 * reader, so a custom stretch passes exactly the checks a hand-written
 * one does; the whole file is checked again before anything is written,
 * so what is saved always passes `limber --validate`.  Nothing is
 * written until every check has passed: a refused picture leaves the
 * catalog as it was.
 *
 * The picture a therapist chooses is read and checked here too, and
 * drawn at the size an editor shows it, by the one decoder its bytes say
 * it needs (RELIABILITY.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-custom"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <librsvg/rsvg.h>
#include <string.h>

#include "limber-atomic.h"
#include "limber-catalog.h"
#include "limber-custom.h"
#include "limber-exercise-xml.h"
#include "limber-image.h"
#include "limber-paths.h"
#include "limber-xml.h"

#define CUSTOM_FILE  "custom.xml"
#define CUSTOM_LANG  "en"
#define IMAGES       "images"
#define ID_PREFIX    "custom-"
#define SLUG_MAX     60     /* ids stay readable in a file */
#define SAME_ID_MAX  100    /* custom-hip-stretch-2 … -100 */

G_DEFINE_QUARK (limber-custom-error-quark, limber_custom_error)

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

/* Lower-case ASCII words joined by '-': "Côté droit #2" → "cote-droit-2". */
static char *
slug (const char *text,
      gboolean    digits,
      gsize       max)
{
  g_autofree char *ascii = g_str_to_ascii (text ? text : "", "C");
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalpha (*p) || (digits && g_ascii_isdigit (*p)))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else if (*p != '\'')   /* "Child's pose": childs-pose */
        dash = TRUE;
    }
  /* Cut long names at a word boundary. */
  if (out->len > max)
    {
      char *cut;

      g_string_truncate (out, max);
      cut = strrchr (out->str, '-');
      if (cut != NULL && cut > out->str)
        g_string_truncate (out, cut - out->str);
    }
  return g_string_free (out, FALSE);
}

/**
 * limber_custom_make_id:
 *
 * Returns: (transfer full): the id a stretch called @name gets:
 *   "custom-" and the name's words in lower case, joined by '-' (a name
 *   with no Latin letters or digits gets a short code made from it)
 */
char *
limber_custom_make_id (const char *name)
{
  g_autofree char *words = slug (name, TRUE, SLUG_MAX);

  if (*words == '\0')
    {
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, name ? name : "", -1);

      return g_strdup_printf (ID_PREFIX "%.8s", sum);
    }
  return g_strconcat (ID_PREFIX, words, NULL);
}

/**
 * limber_custom_parse_tissues:
 * @text: tissues as typed, separated by commas: "Rectus femoris, iliopsoas"
 *
 * Returns: (transfer full): each tissue once, as the catalog writes them
 *   ("rectus-femoris"); empty when @text names none
 */
GStrv
limber_custom_parse_tissues (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,;\n]", text ? text : "", 0, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tissue = slug (parts[i], FALSE, SLUG_MAX);

      if (*tissue == '\0' || g_hash_table_contains (seen, tissue))
        {
          g_free (tissue);
          continue;
        }
      g_strv_builder_add (builder, tissue);
      g_hash_table_add (seen, tissue);
    }
  return g_strv_builder_end (builder);
}

/* One line of plain text, as the catalog reads it back: runs of white
 * space made one space, and no control characters, which XML cannot
 * hold.  NULL when nothing is left. */
static char *
clean_text (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_string_free (out, TRUE), NULL;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c < 0x20 || c == 0x7f || c == 0xfffe || c == 0xffff)
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  if (out->len == 0)
    return g_string_free (out, TRUE), NULL;
  return g_string_free (out, FALSE);
}

static xmlDoc *
new_catalog_doc (void)
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

static xmlDoc *
read_custom_file (GFile   *file,
                  GError **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *display = limber_xml_display_name (file);
  LimberXmlKind kind = LIMBER_XML_KIND_CATALOG;

  return limber_xml_read_file (file, display, &kind, problems, error);
}

/* The name's id, unless a different stretch already has it: saving a
 * stretch of the same name again replaces it, a new name adds one. */
static char *
unique_id (const char *name)
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

static void
add_text (xmlNode    *parent,
          const char *element,
          const char *by,
          const char *text)
{
  g_autofree char *clean = clean_text (text);
  xmlNode *node;

  if (clean == NULL)
    return;
  /* xmlNewTextChild escapes &, < and >; xmlNewChild would not. */
  node = xmlNewTextChild (parent, NULL, (const xmlChar *) element, (const xmlChar *) clean);
  if (by != NULL)
    xmlSetProp (node, (const xmlChar *) "by", (const xmlChar *) by);
}

static gboolean
check_word (LimberVocabulary   kind,
            const char        *word,
            GError           **error)
{
  g_autofree char *list = NULL;

  if (limber_vocabulary_lookup (kind, word) >= 0)
    return TRUE;
  list = limber_vocabulary_list (kind);
  g_set_error (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_BAD_FIELD,
               _("‘%s’ is not a word Limber knows for the %s; use one of: %s"),
               word, limber_vocabulary_name (kind), list);
  return FALSE;
}

static gboolean
check_fields (const LimberCustomFields *fields,
              GStrv                     tissues,
              GError                  **error)
{
  g_autofree char *name = clean_text (fields->texts[LIMBER_EXERCISE_NAME]);

  if (name == NULL)
    {
      g_set_error_literal (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_NO_NAME,
                           _("The stretch needs a name"));
      return FALSE;
    }
  if (fields->region == NULL || *fields->region == '\0')
    {
      g_set_error_literal (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_NO_REGION,
                           _("Choose the region of the body the stretch is for"));
      return FALSE;
    }
  if (tissues[0] == NULL)
    {
      g_set_error_literal (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_NO_TISSUE,
                           _("Name the tissue the stretch releases, for example rectus femoris"));
      return FALSE;
    }
  if (fields->id != NULL && !limber_is_valid_id (fields->id))
    {
      g_set_error (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_BAD_FIELD,
                   _("the id ‘%s’ may only have lower-case letters, digits and ‘-’"), fields->id);
      return FALSE;
    }
  if (!check_word (LIMBER_VOCABULARY_REGION, fields->region, error))
    return FALSE;
  if (fields->position != NULL && *fields->position != '\0'
      && !check_word (LIMBER_VOCABULARY_POSITION, fields->position, error))
    return FALSE;
  for (guint i = 0; fields->equipment != NULL && fields->equipment[i] != NULL; i++)
    if (!check_word (LIMBER_VOCABULARY_EQUIPMENT, fields->equipment[i], error))
      return FALSE;
  return TRUE;
}

/* The <exercise> element, in the order FORMATS.md writes it. */
static xmlNode *
write_fields (const LimberCustomFields *fields,
              const char               *id,
              GStrv                     tissues,
              xmlNode                  *parent)
{
  xmlNode *node = xmlNewChild (parent, NULL, (const xmlChar *) "exercise", NULL);

  xmlSetProp (node, (const xmlChar *) "id", (const xmlChar *) id);
  add_text (node, "name", NULL, fields->texts[LIMBER_EXERCISE_NAME]);
  add_text (node, "region", NULL, fields->region);
  for (guint i = 0; tissues[i] != NULL; i++)
    add_text (node, "tissue", NULL, tissues[i]);
  add_text (node, "position", NULL, fields->position);
  for (guint i = 0; fields->equipment != NULL && fields->equipment[i] != NULL; i++)
    add_text (node, "equipment", NULL, fields->equipment[i]);
  add_text (node, "summary", NULL, fields->texts[LIMBER_EXERCISE_SUMMARY]);
  add_text (node, "shorten", NULL, fields->texts[LIMBER_EXERCISE_SHORTEN]);
  add_text (node, "lengthen", NULL, fields->texts[LIMBER_EXERCISE_LENGTHEN]);
  add_text (node, "pressure", "self", fields->texts[LIMBER_EXERCISE_PRESSURE_SELF]);
  add_text (node, "pressure", "therapist", fields->texts[LIMBER_EXERCISE_PRESSURE_THERAPIST]);
  add_text (node, "caution", NULL, fields->caution);
  if (!limber_dosage_is_empty (&fields->dosage))
    limber_dosage_write_xml (&fields->dosage, xmlNewChild (node, NULL, (const xmlChar *) "dosage", NULL));
  if (fields->figure != NULL)
    limber_figure_write_xml (fields->figure, node);
  return node;
}

static gboolean
fail_with_problems (GPtrArray          *problems,
                    LimberCustomError   code,
                    const char         *what,
                    GError            **error)
{
  g_autofree char *list = NULL;

  g_ptr_array_add (problems, NULL);
  list = g_strjoinv ("\n", (GStrv) problems->pdata);
  g_ptr_array_remove_index (problems, problems->len - 1);
  g_set_error (error, LIMBER_CUSTOM_ERROR, code, "%s\n%s", what, list);
  return FALSE;
}

/**
 * limber_custom_build:
 *
 * Makes an exercise of the fields, checked as the catalog checks an
 * exercise it loads.  Its id is @fields' own, or one made from its name
 * (limber_custom_make_id()) that no other custom stretch has.
 *
 * Returns: (transfer full) (nullable): the exercise, or %NULL with
 *   @error saying which field is missing or wrong
 */
LimberExercise *
limber_custom_build (const LimberCustomFields *fields,
                     GError                  **error)
{
  g_auto(GStrv) tissues = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  LimberExercise *exercise;
  xmlDoc *doc;
  xmlNode *node;

  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (fields->figure == NULL || LIMBER_IS_FIGURE (fields->figure), NULL);

  tissues = limber_custom_parse_tissues (fields->tissues);
  if (!check_fields (fields, tissues, error))
    return NULL;
  name = clean_text (fields->texts[LIMBER_EXERCISE_NAME]);
  id = fields->id != NULL ? g_strdup (fields->id) : unique_id (name);

  doc = new_catalog_doc ();
  node = write_fields (fields, id, tissues, xmlDocGetRootElement (doc));
  exercise = limber_exercise_new_from_xml (node, CUSTOM_LANG, CUSTOM_FILE, LIMBER_EXERCISE_FROM_CATALOG,
                                           problems);
  if (exercise != NULL)
    limber_xml_validate (doc, LIMBER_XML_KIND_CATALOG, CUSTOM_FILE, problems);
  xmlFreeDoc (doc);
  if (problems->len > 0)
    {
      g_clear_object (&exercise);
      fail_with_problems (problems, LIMBER_CUSTOM_ERROR_INVALID, _("The stretch cannot be saved:"), error);
    }
  return exercise;
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
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  xmlDoc *doc;

  if (!g_file_query_exists (file, NULL))
    return new_catalog_doc ();
  if (!limber_catalog_check_file (file, display, problems)
      || (doc = read_custom_file (file, &local_error)) == NULL)
    {
      if (local_error != NULL)
        g_ptr_array_add (problems, g_strdup (local_error->message));
      /* Translators: %s is a file; what follows lists its problems */
      g_autofree char *what = g_strdup_printf (_("Nothing was saved: %s has problems. Correct them or move "
                                                 "the file away, then save again:"), display);
      fail_with_problems (problems, LIMBER_CUSTOM_ERROR_BROKEN_FILE, what, error);
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
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
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
      return fail_with_problems (problems, LIMBER_CUSTOM_ERROR_INVALID, _("The stretch cannot be saved:"), error);
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

/* ------------------------------------------------------------------ */
/* The chosen picture                                                 */

/**
 * limber_custom_read_picture:
 * @type: (out): the picture's MIME type, from its bytes
 *
 * Reads a picture file a therapist chose: anything but a plain file, or
 * over 32 MB, is refused before it is read, the rest after
 * limber_image_check().  The error's message is a reason in plain words
 * ("the picture is not a PNG, JPEG or SVG"), to follow the file's name.
 *
 * Returns: (transfer full) (nullable): the picture's bytes
 */
GBytes *
limber_custom_read_picture (GFile         *file,
                            GCancellable  *cancellable,
                            const char   **type,
                            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    message = g_strdup (_("it is not a file"));
  else if ((guint64) g_file_info_get_size (info) > LIMBER_IMAGE_MAX_BYTES)
    message = g_strdup (_("the picture is too big (over 32 MB)"));
  else if ((bytes = g_file_load_bytes (file, cancellable, NULL, error)) == NULL)
    return NULL;
  else if (limber_image_check (bytes, NULL, &message))
    {
      *type = limber_image_sniff (bytes);
      return g_steal_pointer (&bytes);
    }
  g_set_error_literal (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_IMAGE, message);
  return NULL;
}

/* Fits @width × @height into @max_width × @max_height, proportions kept;
 * only a drawing (@grow) may get larger. */
static void
fit (int      *width,
     int      *height,
     int       max_width,
     int       max_height,
     gboolean  grow)
{
  double scale = MIN ((double) max_width / MAX (*width, 1), (double) max_height / MAX (*height, 1));

  if (!grow)
    scale = MIN (scale, 1.0);
  *width = CLAMP ((int) (*width * scale), 1, max_width);
  *height = CLAMP ((int) (*height * scale), 1, max_height);
}

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  const int       *max)
{
  fit (&width, &height, max[0], max[1], FALSE);
  gdk_pixbuf_loader_set_size (loader, width, height);
}

/* Cairo's ARGB32 is native-endian and premultiplied; a pixbuf is RGB(A)
 * bytes, not premultiplied. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf), stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  guchar *out;
  int out_stride;

  cairo_surface_flush (surface);
  out = cairo_image_surface_get_data (surface);
  out_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guchar *p = pixels + (gsize) y * stride + (gsize) x * channels;
        guint32 a = channels == 4 ? p[3] : 255;

        ((guint32 *) (out + (gsize) y * out_stride))[x] =
          a << 24 | (p[0] * a / 255) << 16 | (p[1] * a / 255) << 8 | (p[2] * a / 255);
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static cairo_surface_t *
render_raster (GBytes      *bytes,
               const char  *type,
               int          max[2],
               GError     **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_mime_type (type, error);
  GdkPixbuf *pixbuf;

  if (loader == NULL)
    return NULL;
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), max);
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, error))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  if (!gdk_pixbuf_loader_close (loader, error))
    return NULL;
  if ((pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      g_set_error_literal (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_IMAGE, _("the picture is damaged"));
      return NULL;
    }
  return surface_from_pixbuf (pixbuf);
}

/* From its bytes with no base file: it can load nothing beside it. */
static cairo_surface_t *
render_svg (GBytes      *bytes,
            int          max[2],
            GError     **error)
{
  gsize len;
  const guchar *data = g_bytes_get_data (bytes, &len);
  RsvgHandle *handle = rsvg_handle_new_from_data (data, len, error);
  RsvgRectangle viewport = { 0 };
  double dw = 0, dh = 0;
  cairo_surface_t *surface;
  cairo_t *cr;
  int w, h;

  if (handle == NULL)
    return NULL;
  if (!rsvg_handle_get_intrinsic_size_in_pixels (handle, &dw, &dh) || dw < 1 || dh < 1)
    dw = 4, dh = 3;   /* only a viewBox: it fills the space as a photo would */
  w = (int) MIN (dw, 1e5);
  h = (int) MIN (dh, 1e5);
  fit (&w, &h, max[0], max[1], TRUE);
  viewport.width = w;
  viewport.height = h;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  rsvg_handle_render_document (handle, cr, &viewport, NULL);
  cairo_destroy (cr);
  g_object_unref (handle);
  cairo_surface_flush (surface);
  return surface;
}

/**
 * limber_custom_render_picture:
 * @bytes: a picture limber_image_check() accepts
 * @type: its MIME type (limber_image_sniff())
 *
 * Draws the picture within @width × @height, its proportions kept, for
 * a preview: a photo is only made smaller (and decoded at that size), a
 * drawing as large as fits.
 *
 * Returns: (transfer full) (nullable): an ARGB32 image surface
 */
cairo_surface_t *
limber_custom_render_picture (GBytes      *bytes,
                              const char  *type,
                              int          width,
                              int          height,
                              GError     **error)
{
  g_autofree char *message = NULL;
  int max[2] = { width, height };

  g_return_val_if_fail (bytes != NULL && type != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  /* Checked again: this is the one place that decodes. */
  if (!limber_image_check (bytes, type, &message))
    {
      g_set_error_literal (error, LIMBER_CUSTOM_ERROR, LIMBER_CUSTOM_ERROR_IMAGE, message);
      return NULL;
    }
  if (g_str_equal (type, "image/svg+xml"))
    return render_svg (bytes, max, error);
  return render_raster (bytes, type, max, error);
}
