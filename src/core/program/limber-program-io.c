/* limber-program-io.c — reading and writing program files
 *
 * A program file is self-contained: every item carries a copy of its
 * exercise (the snapshot), pictures embedded, so a colleague without that
 * exercise still sees and prints it.  Reading checks everything the
 * schema says and more, with FILE:LINE messages; writing produces what
 * the schema accepts, atomically, keeping one .bak.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-program-io"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "limber-atomic.h"
#include "limber-exercise-private.h"
#include "limber-exercise-xml.h"
#include "limber-image.h"
#include "limber-problem.h"
#include "limber-program-private.h"
#include "limber-xml.h"

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  return (char *) xmlGetNoNsProp (node, (const xmlChar *) name);
}

/* Text in the program's own language (no xml:lang, or the same) is the
 * one Limber shows and edits; other languages are kept and written back. */
static gboolean
is_main_language (xmlNode       *node,
                  LimberProgram *program)
{
  const char *lang = limber_xml_get_lang (node);

  return lang == NULL || g_ascii_strcasecmp (lang, limber_program_get_language (program)) == 0;
}

/* YYYY-MM-DD and a real day. */
static gboolean
is_iso_date (const char *text)
{
  int y, m, d;
  char tail;

  return text != NULL && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3
         && strlen (text) == 10 && g_date_valid_dmy (d, m, y);
}

typedef struct
{
  const char    *display;
  LimberCatalog *catalog;
  GPtrArray     *problems;   /* the file cannot open */
  GPtrArray     *warnings;   /* it opens, without something */
} LoadState;

typedef struct
{
  const char *element;
  const char *attribute;
  const char *words;   /* "a|b|c", or NULL for a number */
  int         min;
  int         max;
} ExamRule;

/* Keep in sync with the exam part of data/schemas/program.rng: the
 * schema would refuse these too, but libxml2 often cannot say the line. */
static const ExamRule exam_rules[] = {
  { "rom", "joint", "hip|knee|ankle|lumbar|thoracic|neck|shoulder", 0, 0 },
  { "rom", "side", "left|right", 0, 0 },
  { "rom", "motion", "flexion|extension|internal-rotation|external-rotation|abduction|adduction|rotation|side-bending|dorsiflexion|plantarflexion", 0, 0 },
  { "rom", "degrees", NULL, -180, 180 },
  { "test", "name", "thomas|ober|faber|fadir|90-90-hamstring|fair|slr|ely|noble|silfverskiold|slump|prone-knee-bend", 0, 0 },
  { "test", "side", "left|right|both", 0, 0 },
  { "test", "result", "positive|negative", 0, 0 },
  { "pain", "value", NULL, 0, 10 },
};

static void
check_exam (xmlNode   *exam,
            LoadState *st)
{
  for (xmlNode *node = exam->children; node != NULL; node = node->next)
    for (guint i = 0; i < G_N_ELEMENTS (exam_rules); i++)
      {
        const ExamRule *rule = &exam_rules[i];
        g_autofree char *value = NULL;

        if (!limber_xml_is (node, rule->element)
            || (value = get_attr (node, rule->attribute)) == NULL)
          continue;
        g_strstrip (value);
        if (rule->words != NULL)
          {
            g_auto(GStrv) words = g_strsplit (rule->words, "|", -1);

            if (!g_strv_contains ((const char * const *) words, value))
              {
                g_autofree char *list = g_strjoinv (", ", words);
                limber_xml_add_problem (st->problems, st->display, node,
                                        _("<%s %s> must be one of %s, not ‘%s’"),
                                        rule->element, rule->attribute, list, value);
              }
          }
        else
          {
            char *end = NULL;
            gint64 number = g_ascii_strtoll (value, &end, 10);

            if (*value == '\0' || *end != '\0' || number < rule->min || number > rule->max)
              limber_xml_add_problem (st->problems, st->display, node,
                                      _("<%s %s> must be a whole number from %d to %d, not ‘%s’"),
                                      rule->element, rule->attribute, rule->min, rule->max, value);
          }
      }
}

/* <patient email>: optional, checked loosely; a hostile value is not
 * kept (it would reach xdg-email's command line). */
static void
read_email (LimberProgram *self,
            xmlNode       *node,
            LoadState     *st)
{
  g_autofree char *email = get_attr (node, "email");

  if (email == NULL)
    return;
  if (!limber_program_email_is_valid (email))
    {
      g_autofree char *shown = g_utf8_make_valid (email, MIN (strlen (email), 60));

      g_strcanon (shown, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@.-_+", '?');
      limber_xml_add_problem (st->problems, st->display, node,
                              _("<patient email> must be one e-mail address (name@example.org), "
                                "at most 254 characters, not ‘%s’"), shown);
      return;
    }
  _limber_program_take_field (self, LIMBER_PROGRAM_PATIENT_EMAIL, g_steal_pointer (&email));
}

/* The language a snapshot is read in: the program's, unless the
 * exercise has no name in it (a German handout of a stretch named only
 * in English, a custom one in one language): Limber then wrote every
 * name with its xml:lang, and the first one's counts. */
static const char *
snapshot_language (LimberProgram *self,
                   xmlNode       *exercise)
{
  const char *program_lang = limber_program_get_language (self);
  const char *first = NULL;

  for (xmlNode *child = exercise->children; child != NULL; child = child->next)
    if (limber_xml_is (child, "name"))
      {
        const char *lang = limber_xml_get_lang (child);

        if (lang == NULL || program_lang == NULL || g_ascii_strcasecmp (lang, program_lang) == 0)
          return program_lang;
        if (first == NULL)
          first = lang;
      }
  return first != NULL ? first : program_lang;
}

static LimberProgramItem *
parse_item (LimberProgram *self,
            xmlNode       *node,
            LoadState     *st)
{
  g_autofree char *id = get_attr (node, "exercise");
  g_autoptr(LimberExercise) snapshot = NULL;
  g_autoptr(LimberProgramItem) item = NULL;
  LimberDosage override = { { 0 }, 0, LIMBER_SIDE_UNSET };
  g_autofree char *note = NULL;
  g_autoptr(LimberText) translations = limber_text_new ();
  LimberExercise *exercise;
  guint first = st->problems->len;

  if (id == NULL)
    {
      limber_xml_add_problem (st->problems, st->display, node,
                              _("this <item> has no exercise attribute naming its exercise"));
      return NULL;
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (limber_xml_is (child, "dosage"))
        limber_dosage_read_xml (&override, child, st->display, st->problems);
      else if (limber_xml_is (child, "note") && is_main_language (child, self))
        {
          g_free (note);
          note = limber_xml_get_text (child);
        }
      else if (limber_xml_is (child, "note"))
        {
          g_autofree char *text = limber_xml_get_text (child);
          limber_text_set (translations, limber_xml_get_lang (child), text);
        }
      else if (limber_xml_is (child, "exercise"))
        {
          g_clear_object (&snapshot);
          snapshot = limber_exercise_new_from_xml (child, snapshot_language (self, child), st->display,
                                                   LIMBER_EXERCISE_FROM_SNAPSHOT, st->problems);
          if (snapshot != NULL && g_strcmp0 (limber_exercise_get_id (snapshot), id) != 0)
            limber_xml_add_problem (st->problems, st->display, child,
                                    _("the item is for ‘%s’ but its copy of the exercise is ‘%s’"),
                                    id, limber_exercise_get_id (snapshot));
          if (snapshot != NULL && limber_exercise_get_image_data (snapshot, NULL) != NULL)
            {
              const char *type;
              GBytes *bytes = limber_exercise_get_image_data (snapshot, &type);
              g_autofree char *message = NULL;

              if (!limber_image_check (bytes, type, &message))
                {
                  limber_xml_add_problem (st->warnings, st->display,
                                          limber_xml_find_child (child, "image"),
                                          _("the image of ‘%s’ was left out: %s"), id, message);
                  _limber_exercise_drop_image (snapshot);
                }
            }
        }
      else if (child->type == XML_ELEMENT_NODE)
        limber_xml_add_problem (st->problems, st->display, child,
                                _("<%s> does not belong in an <item>"), child->name);
    }
  if (st->problems->len > first)
    return NULL;

  /* The program's own copy wins; without one, the catalog's. */
  exercise = snapshot;
  if (exercise == NULL && st->catalog != NULL)
    exercise = limber_catalog_lookup (st->catalog, id);
  if (exercise == NULL)
    {
      limber_xml_add_problem (st->problems, st->display, node,
                              _("the exercise ‘%s’ is not in this file nor in the catalog"), id);
      return NULL;
    }

  item = limber_program_item_new (exercise);
  limber_program_item_set_override (item, &override);
  limber_program_item_set_note (item, note);
  _limber_program_item_set_note_translations (item, translations);
  limber_program_item_set_from_snapshot (item, st->catalog != NULL && snapshot != NULL
                                               && limber_catalog_lookup (st->catalog, id) == NULL);
  return g_steal_pointer (&item);
}

static void
parse_program (LimberProgram *self,
               xmlNode       *root,
               LoadState     *st)
{
  const char *lang = limber_xml_get_lang (root);

  if (lang != NULL)
    _limber_program_take_field (self, LIMBER_PROGRAM_LANGUAGE, g_strdup (lang));

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if ((limber_xml_is (node, "title") || limber_xml_is (node, "notes")) && !is_main_language (node, self))
        _limber_program_add_translation (self, limber_xml_is (node, "title") ? LIMBER_PROGRAM_TITLE
                                                                             : LIMBER_PROGRAM_NOTES,
                                         limber_xml_get_lang (node), limber_xml_get_text (node));
      else if (limber_xml_is (node, "title"))
        _limber_program_take_field (self, LIMBER_PROGRAM_TITLE, limber_xml_get_text (node));
      else if (limber_xml_is (node, "patient"))
        {
          _limber_program_take_field (self, LIMBER_PROGRAM_PATIENT_NAME, get_attr (node, "name"));
          _limber_program_take_field (self, LIMBER_PROGRAM_PATIENT_ID, get_attr (node, "id"));
          read_email (self, node, st);
        }
      else if (limber_xml_is (node, "therapist"))
        {
          _limber_program_take_field (self, LIMBER_PROGRAM_THERAPIST, get_attr (node, "name"));
          _limber_program_take_field (self, LIMBER_PROGRAM_CLINIC, get_attr (node, "clinic"));
        }
      else if (limber_xml_is (node, "created"))
        {
          g_autofree char *date = limber_xml_get_text (node);

          if (!is_iso_date (date))
            limber_xml_add_problem (st->problems, st->display, node,
                                    _("<created> must be a date written YYYY-MM-DD, not ‘%s’"), date);
          _limber_program_take_field (self, LIMBER_PROGRAM_CREATED, g_steal_pointer (&date));
        }
      else if (limber_xml_is (node, "next-visit"))
        {
          g_autofree char *date = limber_xml_get_text (node);

          if (!is_iso_date (date))
            limber_xml_add_problem (st->problems, st->display, node,
                                    _("<next-visit> must be a date written YYYY-MM-DD, not ‘%s’"), date);
          _limber_program_take_field (self, LIMBER_PROGRAM_NEXT_VISIT, g_steal_pointer (&date));
        }
      else if (limber_xml_is (node, "exam"))
        {
          guint first = st->problems->len;

          g_autofree char *date = (char *) xmlGetNoNsProp (node, (const xmlChar *) "date");

          if (date != NULL && !is_iso_date (g_strstrip (date)))
            limber_xml_add_problem (st->problems, st->display, node,
                                    _("<exam date> must be a date written YYYY-MM-DD, not ‘%s’"), date);
          check_exam (node, st);
          if (st->problems->len == first)
            _limber_program_take_exam (self, limber_exam_read_xml (node, st->display, st->problems));
        }
      else if (limber_xml_is (node, "notes"))
        _limber_program_take_field (self, LIMBER_PROGRAM_NOTES, limber_xml_get_text (node));
      else if (limber_xml_is (node, "item"))
        {
          LimberProgramItem *item = parse_item (self, node, st);

          if (item != NULL)
            _limber_program_take_item (self, item);
        }
      else
        limber_xml_add_problem (st->problems, st->display, node,
                                _("<%s> does not belong in a program"), node->name);
    }
}

static LimberProgram *
read_program (GFile         *file,
              GBytes        *bytes,
              const char    *display_name,
              LimberCatalog *catalog,
              GPtrArray     *problems,
              GPtrArray     *warnings)
{
  g_autoptr(LimberProgram) self = limber_program_new ();
  LimberXmlKind kind = LIMBER_XML_KIND_PROGRAM;
  LoadState st = { display_name, catalog, problems, warnings };
  guint first = problems->len;
  xmlDoc *doc;

  if (bytes != NULL)
    doc = limber_xml_read_bytes (bytes, display_name, &kind, problems, NULL);
  else
    doc = limber_xml_read_file (file, display_name, &kind, problems, NULL);
  if (doc == NULL)
    return NULL;
  parse_program (self, xmlDocGetRootElement (doc), &st);
  if (problems->len == first)
    limber_xml_validate (doc, LIMBER_XML_KIND_PROGRAM, display_name, problems);
  xmlFreeDoc (doc);

  if (problems->len > first)
    return NULL;
  limber_program_set_file (self, file);
  return g_steal_pointer (&self);
}

/**
 * limber_program_load:
 * @catalog: (nullable): where items without a copy of their exercise
 *   look it up
 * @warnings: (nullable) (element-type LimberProblem): what was left out
 *   (a picture that breaks the rules)
 *
 * Returns: (transfer full) (nullable): the program, or %NULL with @error
 *   set to the file's first problem, formatted as "FILE:LINE: message"
 */
LimberProgram *
limber_program_load (GFile          *file,
                     LimberCatalog  *catalog,
                     GPtrArray      *warnings,
                     GError        **error)
{
  g_autofree char *display_name = limber_xml_display_name (file);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_autoptr(GPtrArray) own_warnings = limber_problem_list_new ();
  LimberProgram *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = read_program (file, NULL, display_name, catalog, problems,
                       warnings != NULL ? warnings : own_warnings);
  if (self == NULL)
    limber_problem_list_set_error (problems, 0, LIMBER_XML_ERROR, LIMBER_XML_ERROR_INVALID, error);
  return self;
}

typedef struct
{
  GFile         *file;
  char          *display_name;
  LimberCatalog *catalog;
  GPtrArray     *warnings;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *open = data;

  g_object_unref (open->file);
  g_free (open->display_name);
  g_clear_object (&open->catalog);
  g_ptr_array_unref (open->warnings);
  g_free (open);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OpenData *open = task_data;
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  GError *error = NULL;
  GBytes *bytes = limber_xml_load_file (open->file, open->display_name, LIMBER_XML_KIND_PROGRAM,
                                        problems, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

/* The bytes are read: parse them here, on the thread that owns the
 * catalog. */
static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpenData *open = g_task_get_task_data (task);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_autoptr(GBytes) bytes = NULL;
  LimberProgram *self;
  GError *error = NULL;

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  self = read_program (open->file, bytes, open->display_name, open->catalog, problems, open->warnings);
  if (self == NULL)
    {
      limber_problem_list_set_error (problems, 0, LIMBER_XML_ERROR, LIMBER_XML_ERROR_INVALID, &error);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, self, g_object_unref);
}

/**
 * limber_program_load_async:
 * @catalog: (nullable): where items without a copy of their exercise
 *   look it up
 *
 * Opens a program as limber_program_load() does, the file read in a
 * worker thread (a slow disk or a network folder never holds the
 * window) and parsed when it is in.
 */
void
limber_program_load_async (GFile               *file,
                           LimberCatalog       *catalog,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) reader = NULL;
  OpenData *open;
  GTask *task;

  g_return_if_fail (G_IS_FILE (file));

  open = g_new0 (OpenData, 1);
  open->file = g_object_ref (file);
  open->display_name = limber_xml_display_name (file);
  open->catalog = catalog ? g_object_ref (catalog) : NULL;
  open->warnings = limber_problem_list_new ();
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, limber_program_load_async);
  g_task_set_task_data (task, open, open_data_free);

  reader = g_task_new (NULL, cancellable, on_read, task);
  g_task_set_task_data (reader, open, NULL);
  g_task_run_in_thread (reader, read_in_thread);
}

/**
 * limber_program_load_finish:
 * @warnings: (nullable) (element-type LimberProblem): what was left out
 *
 * Returns: (transfer full) (nullable): the program, or %NULL with @error
 *   set as limber_program_load() sets it
 */
LimberProgram *
limber_program_load_finish (GAsyncResult  *result,
                            GPtrArray     *warnings,
                            GError       **error)
{
  GTask *task = G_TASK (result);
  OpenData *open;
  LimberProgram *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  open = g_task_get_task_data (task);
  self = g_task_propagate_pointer (task, error);
  if (self != NULL && warnings != NULL)
    limber_problem_list_append (warnings, open->warnings);
  return self;
}

/* For `limber --validate`: a picture that would be left out is an error. */
gboolean
limber_program_check_file (GFile         *file,
                           const char    *display_name,
                           LimberCatalog *catalog,
                           GPtrArray     *problems)
{
  g_autoptr(LimberProgram) self = NULL;
  guint first = problems->len;

  self = read_program (file, NULL, display_name, catalog, problems, problems);
  return self != NULL && problems->len == first;
}

/**
 * limber_program_load_bytes:
 *
 * Like limber_program_load(), from memory (a draft, a template); the
 * program has no file.
 */
LimberProgram *
limber_program_load_bytes (GBytes         *bytes,
                           const char     *display_name,
                           LimberCatalog  *catalog,
                           GPtrArray      *warnings,
                           GError        **error)
{
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_autoptr(GPtrArray) own_warnings = limber_problem_list_new ();
  LimberProgram *self;

  self = read_program (NULL, bytes, display_name, catalog, problems,
                       warnings != NULL ? warnings : own_warnings);
  if (self == NULL)
    limber_problem_list_set_error (problems, 0, LIMBER_XML_ERROR, LIMBER_XML_ERROR_INVALID, error);
  return self;
}

static void
set_attr (xmlNode    *node,
          const char *name,
          const char *value)
{
  if (value != NULL)
    xmlSetProp (node, (const xmlChar *) name, (const xmlChar *) value);
}

/* Versions of a text in other languages than the program's, as read. */
static void
write_translations (xmlNode          *parent,
                    const char       *element,
                    const LimberText *text,
                    const char       *lang)
{
  for (guint i = 0; i < limber_text_get_n (text); i++)
    {
      xmlNode *node;

      if (g_ascii_strcasecmp (limber_text_nth_lang (text, i), lang) == 0)
        continue;
      node = xmlNewTextChild (parent, NULL, (const xmlChar *) element,
                              (const xmlChar *) limber_text_nth_text (text, i));
      xmlNodeSetLang (node, (const xmlChar *) limber_text_nth_lang (text, i));
    }
}

static xmlDoc *
build_document (LimberProgram *self)
{
  const char *lang = limber_program_get_language (self);
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *root = xmlNewNode (NULL, (const xmlChar *) "limber-program");
  xmlNode *node;

  xmlDocSetRootElement (doc, root);
  xmlSetProp (root, (const xmlChar *) "version", (const xmlChar *) "1");
  xmlNodeSetLang (root, (const xmlChar *) lang);

  if (limber_program_get_title (self) != NULL)
    xmlNewTextChild (root, NULL, (const xmlChar *) "title", (const xmlChar *) limber_program_get_title (self));
  write_translations (root, "title", _limber_program_get_translations (self, LIMBER_PROGRAM_TITLE), lang);
  if (limber_program_get_patient_name (self) != NULL || limber_program_get_patient_email (self) != NULL)
    {
      const char *name = limber_program_get_patient_name (self);

      node = xmlNewChild (root, NULL, (const xmlChar *) "patient", NULL);
      set_attr (node, "name", name ? name : "");
      set_attr (node, "id", limber_program_get_patient_id (self));
      if (limber_program_email_is_valid (limber_program_get_patient_email (self)))
        set_attr (node, "email", limber_program_get_patient_email (self));
    }
  if (limber_program_get_therapist (self) != NULL || limber_program_get_clinic (self) != NULL)
    {
      node = xmlNewChild (root, NULL, (const xmlChar *) "therapist", NULL);
      set_attr (node, "name", limber_program_get_therapist (self));
      set_attr (node, "clinic", limber_program_get_clinic (self));
    }
  if (limber_program_get_created (self) != NULL)
    xmlNewTextChild (root, NULL, (const xmlChar *) "created", (const xmlChar *) limber_program_get_created (self));
  if (limber_program_get_field (self, LIMBER_PROGRAM_NEXT_VISIT) != NULL)
    xmlNewTextChild (root, NULL, (const xmlChar *) "next-visit",
                     (const xmlChar *) limber_program_get_field (self, LIMBER_PROGRAM_NEXT_VISIT));
  for (guint i = 0; i < limber_program_get_n_exams (self); i++)
    limber_exam_write_xml (limber_program_get_exam (self, i), root);
  if (limber_program_get_notes (self) != NULL)
    xmlNewTextChild (root, NULL, (const xmlChar *) "notes", (const xmlChar *) limber_program_get_notes (self));
  write_translations (root, "notes", _limber_program_get_translations (self, LIMBER_PROGRAM_NOTES), lang);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self)); i++)
    {
      LimberProgramItem *item = limber_program_get_item (self, i);
      LimberExercise *exercise = limber_program_item_get_exercise (item);
      const LimberDosage *dosage = limber_program_item_get_override (item);

      node = xmlNewChild (root, NULL, (const xmlChar *) "item", NULL);
      xmlSetProp (node, (const xmlChar *) "exercise", (const xmlChar *) limber_exercise_get_id (exercise));
      if (!limber_dosage_is_empty (dosage))
        limber_dosage_write_xml (dosage, xmlNewChild (node, NULL, (const xmlChar *) "dosage", NULL));
      if (limber_program_item_get_note (item) != NULL)
        xmlNewTextChild (node, NULL, (const xmlChar *) "note", (const xmlChar *) limber_program_item_get_note (item));
      write_translations (node, "note", _limber_program_item_get_note_translations (item), lang);
      limber_exercise_write_xml (exercise, node, lang, LIMBER_EXERCISE_FROM_SNAPSHOT);
    }
  return doc;
}

/**
 * limber_program_to_string:
 *
 * Returns: (transfer full): the program as a file's bytes (UTF-8 XML)
 */
char *
limber_program_to_string (LimberProgram *self,
                          gsize         *length)
{
  xmlDoc *doc;
  xmlChar *buffer = NULL;
  int size = 0;
  char *result;

  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), NULL);

  doc = build_document (self);
  xmlDocDumpFormatMemoryEnc (doc, &buffer, &size, "UTF-8", 1);
  xmlFreeDoc (doc);
  result = g_strndup ((const char *) buffer, size);
  xmlFree (buffer);
  if (length != NULL)
    *length = size;
  return result;
}

/**
 * limber_program_save:
 *
 * Writes the program to @file atomically, keeping the previous version
 * as FILE.bak.  What is written is first checked against the schema, so
 * Limber never writes a file it would refuse to open.
 */
gboolean
limber_program_save (LimberProgram  *self,
                     GFile          *file,
                     GError        **error)
{
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_autofree char *display_name = NULL;
  g_autofree char *first = NULL;
  g_autofree char *data = NULL;
  xmlDoc *doc;
  xmlChar *buffer = NULL;
  int size = 0;
  gboolean valid;

  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  display_name = limber_xml_display_name (file);
  doc = build_document (self);
  valid = limber_xml_validate (doc, LIMBER_XML_KIND_PROGRAM, display_name, problems);
  if (valid)
    xmlDocDumpFormatMemoryEnc (doc, &buffer, &size, "UTF-8", 1);
  xmlFreeDoc (doc);
  if (!valid)
    {
      first = limber_problem_to_string (g_ptr_array_index (problems, 0));
      g_set_error (error, LIMBER_XML_ERROR, LIMBER_XML_ERROR_INVALID,
                   _("The program was not saved: it would not be a valid file (%s)"), first);
      return FALSE;
    }

  data = g_strndup ((const char *) buffer, size);
  xmlFree (buffer);
  if (!limber_atomic_write (file, data, size, TRUE, error))
    return FALSE;

  limber_program_set_file (self, file);
  limber_program_mark_saved (self);
  return TRUE;
}

/**
 * limber_program_copy_as_template:
 *
 * A copy for a template: the stretches, their dosages and notes, and
 * the general advice, with no patient, no exam and no date.
 */
LimberProgram *
limber_program_copy_as_template (LimberProgram *self)
{
  LimberProgram *copy = limber_program_new ();
  static const LimberProgramField kept[] = {
    LIMBER_PROGRAM_TITLE, LIMBER_PROGRAM_THERAPIST, LIMBER_PROGRAM_CLINIC,
    LIMBER_PROGRAM_NOTES, LIMBER_PROGRAM_LANGUAGE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    _limber_program_take_field (copy, kept[i], g_strdup (limber_program_get_field (self, kept[i])));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self)); i++)
    {
      LimberProgramItem *item = limber_program_get_item (self, i);
      LimberProgramItem *dup = limber_program_item_new (limber_program_item_get_exercise (item));

      limber_program_item_set_override (dup, limber_program_item_get_override (item));
      limber_program_item_set_note (dup, limber_program_item_get_note (item));
      _limber_program_take_item (copy, dup);
    }
  return copy;
}
