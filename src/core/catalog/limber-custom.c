/* limber-custom.c — a therapist's own stretches, made from what they type
 *
 * A custom stretch is written to custom.xml in the user's catalog folder
 * ($XDG_DATA_HOME/limber/catalog), which loads after the bundled one like
 * any other catalog file.  This file turns the fields a therapist fills
 * in into an exercise: its id, its tissues, and the checks.
 *
 * The exercise is built as XML and read back with the catalog's own
 * reader, so a custom stretch passes exactly the checks a hand-written
 * one does.  Saving it is in limber-custom-save.c, the picture a
 * therapist chooses in limber-custom-picture.c, and reading custom.xml,
 * which both this file and saving need, in limber-custom-file.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-custom"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "limber-custom-file-private.h"
#include "limber-custom-private.h"
#include "limber-custom.h"
#include "limber-exercise-xml.h"
#include "limber-problem.h"
#include "limber-xml.h"

#define ID_PREFIX    "custom-"
#define SLUG_MAX     60     /* ids stay readable in a file */
#define SAME_ID_MAX  100    /* custom-hip-stretch-2 … -100 */

G_DEFINE_QUARK (limber-custom-error-quark, limber_custom_error)

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

static gboolean
clean_text_present (const char *text)
{
  g_autofree char *clean = clean_text (text);

  return clean != NULL;
}

static void
add_text_lang (xmlNode    *parent,
               const char *element,
               const char *by,
               const char *text,
               const char *lang)
{
  g_autofree char *clean = clean_text (text);
  xmlNode *node;

  if (clean == NULL)
    return;
  /* xmlNewTextChild escapes &, < and >; xmlNewChild would not. */
  node = xmlNewTextChild (parent, NULL, (const xmlChar *) element, (const xmlChar *) clean);
  if (by != NULL)
    xmlSetProp (node, (const xmlChar *) "by", (const xmlChar *) by);
  if (lang != NULL)
    xmlNodeSetLang (node, (const xmlChar *) lang);
}

static void
add_text (xmlNode    *parent,
          const char *element,
          const char *by,
          const char *text)
{
  add_text_lang (parent, element, by, text, NULL);
}

/* A text in English, then in each language the therapist gave it in. */
static void
add_texts (xmlNode                  *parent,
           const char               *element,
           const char               *by,
           const LimberCustomFields *fields,
           LimberExerciseText        which)
{
  add_text (parent, element, by, fields->texts[which]);
  for (guint i = 0; i < LIMBER_CUSTOM_N_TRANSLATIONS; i++)
    if (fields->translations[i].lang != NULL)
      add_text_lang (parent, element, by, fields->translations[i].texts[which], fields->translations[i].lang);
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

/* The exercise's name in the file's own language. */
static char *
exercise_name (xmlNode *exercise)
{
  for (xmlNode *node = exercise->children; node != NULL; node = node->next)
    if (limber_xml_is (node, "name") && limber_xml_get_lang (node) == NULL)
      return limber_xml_get_text (node);
  return NULL;
}

/* The name's id, unless a different stretch already has it: saving a
 * stretch of the same name again replaces it, a new name adds one. */
static char *
unique_id (const char *name)
{
  g_autofree char *base = limber_custom_make_id (name);
  g_autoptr(GFile) file = limber_custom_file ();
  g_autofree char *folded = g_utf8_casefold (name, -1);
  xmlDoc *doc = g_file_query_exists (file, NULL) ? _limber_custom_file_read (file, NULL) : NULL;
  char *id = NULL;

  if (doc == NULL)
    return g_steal_pointer (&base);
  for (guint n = 1; n <= SAME_ID_MAX && id == NULL; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);
      xmlNode *node = _limber_custom_file_find_exercise (doc, candidate);
      g_autofree char *other = node ? exercise_name (node) : NULL;
      g_autofree char *other_folded = other ? g_utf8_casefold (other, -1) : NULL;

      if (node == NULL || g_strcmp0 (other_folded, folded) == 0)
        id = g_steal_pointer (&candidate);
    }
  xmlFreeDoc (doc);
  return id ? id : g_steal_pointer (&base);
}

/* The <exercise> element, in the order the catalog schema lists it
 * (data/schemas/catalog.rng). */
static xmlNode *
write_fields (const LimberCustomFields *fields,
              const char               *id,
              GStrv                     tissues,
              xmlNode                  *parent)
{
  xmlNode *node = xmlNewChild (parent, NULL, (const xmlChar *) "exercise", NULL);

  xmlSetProp (node, (const xmlChar *) "id", (const xmlChar *) id);
  add_texts (node, "name", NULL, fields, LIMBER_EXERCISE_NAME);
  add_text (node, "region", NULL, fields->region);
  for (guint i = 0; tissues[i] != NULL; i++)
    add_text (node, "tissue", NULL, tissues[i]);
  add_text (node, "position", NULL, fields->position);
  for (guint i = 0; fields->equipment != NULL && fields->equipment[i] != NULL; i++)
    add_text (node, "equipment", NULL, fields->equipment[i]);
  add_texts (node, "summary", NULL, fields, LIMBER_EXERCISE_SUMMARY);
  add_texts (node, "shorten", NULL, fields, LIMBER_EXERCISE_SHORTEN);
  add_texts (node, "lengthen", NULL, fields, LIMBER_EXERCISE_LENGTHEN);
  add_texts (node, "pressure", "self", fields, LIMBER_EXERCISE_PRESSURE_SELF);
  add_texts (node, "pressure", "therapist", fields, LIMBER_EXERCISE_PRESSURE_THERAPIST);
  add_text (node, "caution", NULL, fields->caution);
  /* A translated caution pairs with the English one: only with it. */
  for (guint i = 0; i < LIMBER_CUSTOM_N_TRANSLATIONS && clean_text_present (fields->caution); i++)
    if (fields->translations[i].lang != NULL)
      add_text_lang (node, "caution", NULL, fields->translations[i].caution, fields->translations[i].lang);
  if (!limber_dosage_is_empty (&fields->dosage))
    limber_dosage_write_xml (&fields->dosage, xmlNewChild (node, NULL, (const xmlChar *) "dosage", NULL));
  if (fields->figure != NULL)
    limber_figure_write_xml (fields->figure, node);
  return node;
}

/* Sets @error to @what, then the problems (LimberProblems) one a line.
 * Returns: %FALSE */
gboolean
_limber_custom_fail_with_problems (GPtrArray          *problems,
                                   LimberCustomError   code,
                                   const char         *what,
                                   GError            **error)
{
  g_autofree char *list = NULL;

  list = limber_problem_list_to_string (problems);
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
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
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

  doc = _limber_custom_file_new_doc ();
  node = write_fields (fields, id, tissues, xmlDocGetRootElement (doc));
  exercise = limber_exercise_new_from_xml (node, CUSTOM_LANG, CUSTOM_FILE, LIMBER_EXERCISE_FROM_CATALOG,
                                           problems);
  if (exercise != NULL)
    limber_xml_validate (doc, LIMBER_XML_KIND_CATALOG, CUSTOM_FILE, problems);
  xmlFreeDoc (doc);
  if (problems->len > 0)
    {
      g_clear_object (&exercise);
      _limber_custom_fail_with_problems (problems, LIMBER_CUSTOM_ERROR_INVALID,
                                         _("The stretch cannot be saved:"), error);
    }
  return exercise;
}
