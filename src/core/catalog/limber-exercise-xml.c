/* limber-exercise-xml.c — writing an exercise back as XML
 *
 * Elements go in the order data/schemas/catalog.rng lists them; each text in every language
 * it has, the file's own language without an xml:lang.  A program's copy
 * (the snapshot) embeds its picture; a catalog's names the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-exercise-xml"

#include "config.h"

#include <string.h>

#include "limber-exercise-xml.h"
#include "limber-figure.h"
#include "limber-problem.h"
#include "limber-xml.h"

static void
add_text (xmlNode          *parent,
          const char       *element,
          const char       *by,
          const LimberText *text,
          const char       *file_lang)
{
  for (guint i = 0; i < limber_text_get_n (text); i++)
    {
      const char *lang = limber_text_nth_lang (text, i);
      xmlNode *node;

      node = xmlNewTextChild (parent, NULL, (const xmlChar *) element,
                              (const xmlChar *) limber_text_nth_text (text, i));
      if (by != NULL)
        xmlSetProp (node, (const xmlChar *) "by", (const xmlChar *) by);
      if (g_ascii_strcasecmp (lang, file_lang) != 0)
        xmlNodeSetLang (node, (const xmlChar *) lang);
    }
}

static void
add_words (xmlNode          *parent,
           LimberExercise   *self,
           LimberVocabulary  kind)
{
  guint64 words = limber_exercise_get_words (self, kind);

  for (guint i = 0; i < limber_vocabulary_count (kind); i++)
    if (words & (G_GUINT64_CONSTANT (1) << i))
      xmlNewTextChild (parent, NULL, (const xmlChar *) limber_vocabulary_name (kind),
                       (const xmlChar *) limber_vocabulary_word (kind, i));
}

static void
add_image (xmlNode              *parent,
           LimberExercise       *self,
           LimberExerciseOrigin  form)
{
  const char *type = NULL;
  GBytes *data = limber_exercise_get_image_data (self, &type);
  const char *alt = limber_exercise_get_image_alt (self);
  xmlNode *node;

  if (form == LIMBER_EXERCISE_FROM_CATALOG)
    {
      if (limber_exercise_get_image_src (self) == NULL)
        return;
      node = xmlNewChild (parent, NULL, (const xmlChar *) "image", NULL);
      xmlSetProp (node, (const xmlChar *) "src", (const xmlChar *) limber_exercise_get_image_src (self));
    }
  else
    {
      g_autofree char *base64 = NULL;

      if (data == NULL)
        return;
      base64 = g_base64_encode (g_bytes_get_data (data, NULL), g_bytes_get_size (data));
      node = xmlNewTextChild (parent, NULL, (const xmlChar *) "image", (const xmlChar *) base64);
      xmlSetProp (node, (const xmlChar *) "type", (const xmlChar *) type);
    }
  if (alt != NULL)
    xmlSetProp (node, (const xmlChar *) "alt", (const xmlChar *) alt);
}

/* The figure in its canonical form, so two copies of the same figure
 * write the same bytes whatever their indentation was. */
static void
add_figure (xmlNode        *parent,
            LimberExercise *self)
{
  const char *xml = limber_exercise_get_figure_xml (self);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  xmlDoc *doc;

  if (limber_exercise_get_figure (self) != NULL)
    {
      limber_figure_write_xml (limber_exercise_get_figure (self), parent);
      return;
    }
  if (xml == NULL)
    return;
  bytes = g_bytes_new_static (xml, strlen (xml));
  problems = limber_problem_list_new ();
  doc = limber_xml_parse_plain (bytes, "figure", problems);
  if (doc == NULL)
    return;
  xmlAddChild (parent, xmlDocCopyNode (xmlDocGetRootElement (doc), parent->doc, 1));
  xmlFreeDoc (doc);
}

/**
 * limber_exercise_write_xml:
 * @parent: where the `<exercise>` element is added
 * @file_lang: the language of the file being written
 * @form: LIMBER_EXERCISE_FROM_SNAPSHOT to embed the picture
 *
 * Returns: (transfer none): the new `<exercise>` element
 */
xmlNode *
limber_exercise_write_xml (LimberExercise       *self,
                           xmlNode              *parent,
                           const char           *file_lang,
                           LimberExerciseOrigin  form)
{
  xmlNode *node;
  const char * const *tissues;
  const LimberDosage *dosage;

  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  node = xmlNewChild (parent, NULL, (const xmlChar *) "exercise", NULL);
  xmlSetProp (node, (const xmlChar *) "id", (const xmlChar *) limber_exercise_get_id (self));
  if (limber_exercise_get_written_for (self) != LIMBER_SIDE_UNSET)
    xmlSetProp (node, (const xmlChar *) "written-for",
                (const xmlChar *) (limber_exercise_get_written_for (self) == LIMBER_SIDE_LEFT ? "left" : "right"));

  add_text (node, "name", NULL, limber_exercise_peek_text (self, LIMBER_EXERCISE_NAME), file_lang);
  add_words (node, self, LIMBER_VOCABULARY_REGION);
  tissues = limber_exercise_get_tissues (self);
  for (guint i = 0; tissues[i] != NULL; i++)
    xmlNewTextChild (node, NULL, (const xmlChar *) "tissue", (const xmlChar *) tissues[i]);
  add_words (node, self, LIMBER_VOCABULARY_POSITION);
  add_words (node, self, LIMBER_VOCABULARY_EQUIPMENT);
  add_text (node, "summary", NULL, limber_exercise_peek_text (self, LIMBER_EXERCISE_SUMMARY), file_lang);
  add_text (node, "shorten", NULL, limber_exercise_peek_text (self, LIMBER_EXERCISE_SHORTEN), file_lang);
  add_text (node, "lengthen", NULL, limber_exercise_peek_text (self, LIMBER_EXERCISE_LENGTHEN), file_lang);
  add_text (node, "pressure", "self", limber_exercise_peek_text (self, LIMBER_EXERCISE_PRESSURE_SELF),
            file_lang);
  add_text (node, "pressure", "therapist", limber_exercise_peek_text (self, LIMBER_EXERCISE_PRESSURE_THERAPIST),
            file_lang);
  add_text (node, "feel", NULL, limber_exercise_peek_text (self, LIMBER_EXERCISE_FEEL), file_lang);
  for (guint i = 0; i < limber_exercise_get_n_steps (self); i++)
    add_text (node, "step", NULL, limber_exercise_peek_step (self, i), file_lang);
  for (guint i = 0; i < limber_exercise_get_n_cautions (self); i++)
    add_text (node, "caution", NULL, limber_exercise_peek_caution (self, i), file_lang);

  dosage = limber_exercise_get_dosage (self);
  if (!limber_dosage_is_empty (dosage))
    limber_dosage_write_xml (dosage, xmlNewChild (node, NULL, (const xmlChar *) "dosage", NULL));
  add_figure (node, self);
  add_image (node, self, form);
  return node;
}
