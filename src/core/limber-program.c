/* limber-program.c — a patient's home program: the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-program"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-exercise-private.h"
#include "limber-image.h"
#include "limber-program.h"
#include "limber-xml.h"

struct _LimberProgram
{
  GObject    parent_instance;

  GFile     *file;
  char      *language;
  char      *title;
  char      *patient_name;
  char      *patient_id;
  char      *therapist;
  char      *clinic;
  char      *created;
  char      *notes;
  guint      n_exams;
  GPtrArray *items;   /* LimberProgramItem */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberProgram, limber_program, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return LIMBER_TYPE_PROGRAM_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return LIMBER_PROGRAM (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  LimberProgram *self = LIMBER_PROGRAM (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
limber_program_finalize (GObject *object)
{
  LimberProgram *self = (LimberProgram *) object;

  g_clear_object (&self->file);
  g_free (self->language);
  g_free (self->title);
  g_free (self->patient_name);
  g_free (self->patient_id);
  g_free (self->therapist);
  g_free (self->clinic);
  g_free (self->created);
  g_free (self->notes);
  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (limber_program_parent_class)->finalize (object);
}

static void
limber_program_class_init (LimberProgramClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_program_finalize;
}

static void
limber_program_init (LimberProgram *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->language = g_strdup ("en");
}

LimberProgram *
limber_program_new (void)
{
  return g_object_new (LIMBER_TYPE_PROGRAM, NULL);
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  return (char *) xmlGetNoNsProp (node, (const xmlChar *) name);
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
  { "rom", "motion", "flexion|extension|internal-rotation|external-rotation|abduction|adduction|rotation|side-bending", 0, 0 },
  { "rom", "degrees", NULL, -180, 180 },
  { "test", "name", "thomas|ober|faber|fadir|90-90-hamstring|fair|slr|ely", 0, 0 },
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
      else if (limber_xml_is (child, "note"))
        note = limber_xml_get_text (child);
      else if (limber_xml_is (child, "exercise"))
        {
          g_clear_object (&snapshot);
          snapshot = limber_exercise_new_from_xml (child, self->language, st->display,
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
                                          _("the picture of ‘%s’ was left out: %s"), id, message);
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
    {
      g_free (self->language);
      self->language = g_strdup (lang);
    }

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (limber_xml_is (node, "title"))
        self->title = limber_xml_get_text (node);
      else if (limber_xml_is (node, "patient"))
        {
          self->patient_name = get_attr (node, "name");
          self->patient_id = get_attr (node, "id");
        }
      else if (limber_xml_is (node, "therapist"))
        {
          self->therapist = get_attr (node, "name");
          self->clinic = get_attr (node, "clinic");
        }
      else if (limber_xml_is (node, "created"))
        self->created = limber_xml_get_text (node);
      else if (limber_xml_is (node, "exam"))
        {
          check_exam (node, st);
          self->n_exams++;
        }
      else if (limber_xml_is (node, "notes"))
        self->notes = limber_xml_get_text (node);
      else if (limber_xml_is (node, "item"))
        {
          LimberProgramItem *item = parse_item (self, node, st);

          if (item != NULL)
            g_ptr_array_add (self->items, item);
        }
      else
        limber_xml_add_problem (st->problems, st->display, node,
                                _("<%s> does not belong in a program"), node->name);
    }
}

static LimberProgram *
read_program (GFile         *file,
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

  doc = limber_xml_read_file (file, display_name, &kind, problems, NULL);
  if (doc == NULL)
    return NULL;
  parse_program (self, xmlDocGetRootElement (doc), &st);
  if (problems->len == first)
    limber_xml_validate (doc, LIMBER_XML_KIND_PROGRAM, display_name, problems);
  xmlFreeDoc (doc);

  if (problems->len > first)
    return NULL;
  self->file = g_object_ref (file);
  return g_steal_pointer (&self);
}

/**
 * limber_program_load:
 * @catalog: (nullable): where items without a copy of their exercise
 *   look it up
 * @warnings: (nullable): what was left out (a picture that breaks the
 *   rules), as "FILE:LINE: message"
 *
 * Returns: (transfer full) (nullable): the program, or %NULL with @error
 *   set to "FILE:LINE: message"
 */
LimberProgram *
limber_program_load (GFile          *file,
                     LimberCatalog  *catalog,
                     GPtrArray      *warnings,
                     GError        **error)
{
  g_autofree char *display_name = limber_xml_display_name (file);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) own_warnings = g_ptr_array_new_with_free_func (g_free);
  LimberProgram *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = read_program (file, display_name, catalog, problems,
                       warnings != NULL ? warnings : own_warnings);
  if (self == NULL)
    g_set_error_literal (error, LIMBER_XML_ERROR, LIMBER_XML_ERROR_INVALID,
                         g_ptr_array_index (problems, 0));
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

  self = read_program (file, display_name, catalog, problems, problems);
  return self != NULL && problems->len == first;
}

#define GETTER(field) \
const char * \
limber_program_get_##field (LimberProgram *self) \
{ \
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), NULL); \
  return self->field; \
}

GETTER (title)
GETTER (patient_name)
GETTER (patient_id)
GETTER (therapist)
GETTER (clinic)
GETTER (created)
GETTER (notes)

const char *
limber_program_get_language (LimberProgram *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), NULL);
  return self->language;
}

guint
limber_program_get_n_exams (LimberProgram *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), 0);
  return self->n_exams;
}

GFile *
limber_program_get_file (LimberProgram *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), NULL);
  return self->file;
}
