/* limber-exercise.c — one stretch of the catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-exercise"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "limber-exercise-private.h"
#include "limber-figure.h"
#include "limber-fold.h"
#include "limber-xml.h"

struct _LimberExercise
{
  GObject       parent_instance;

  char         *id;
  LimberSide    written_for;   /* the side its texts say; UNSET: never swapped */
  char         *source;        /* the file, as shown to the user: one
                                * string for all its exercises (GRefString) */
  long          line;
  LimberText   *texts[LIMBER_EXERCISE_N_TEXTS];
  GPtrArray    *steps;         /* LimberText */
  GPtrArray    *cautions;      /* LimberText */
  guint64       words[LIMBER_VOCABULARY_N_KINDS];
  GStrv         tissues;
  GQuark       *tissue_quarks; /* 0-terminated */
  LimberDosage  dosage;
  char         *image_src;
  char         *image_alt;
  GBytes       *image_data;
  char         *image_type;
  char         *figure_xml;
  LimberFigure *figure;        /* from the cache: parsed when first asked for */
  gboolean      figure_tried;
  /* A catalog exercise's texts but its names, and its figure XML, are
   * packed here until first asked for (then NULL, and those fields are
   * set): limber-exercise-pack.c. */
  guint8       *packed;
  gsize         packed_len;
  /* Or, read from the catalog cache, they stay in its file until first
   * asked for: where, and their checksum (the file may change). */
  LimberCacheFile *cached;
  guint64       cached_at;
  guint32       cached_len;
  guint64       cached_sum;

  /* Its place in its catalog's search index (limber-search-index.c). */
  guint          search_slot;
};

G_DEFINE_FINAL_TYPE (LimberExercise, limber_exercise, G_TYPE_OBJECT)

static void
limber_exercise_finalize (GObject *object)
{
  LimberExercise *self = (LimberExercise *) object;

  g_free (self->id);
  g_clear_pointer (&self->source, g_ref_string_release);
  for (guint i = 0; i < LIMBER_EXERCISE_N_TEXTS; i++)
    limber_text_free (self->texts[i]);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->cautions, g_ptr_array_unref);
  _limber_exercise_packed_free (self->packed);
  g_clear_pointer (&self->cached, _limber_cache_file_unref);
  g_strfreev (self->tissues);
  g_free (self->tissue_quarks);
  g_free (self->image_src);
  g_free (self->image_alt);
  g_clear_pointer (&self->image_data, g_bytes_unref);
  g_free (self->image_type);
  g_free (self->figure_xml);
  g_clear_object (&self->figure);

  G_OBJECT_CLASS (limber_exercise_parent_class)->finalize (object);
}

static void
limber_exercise_class_init (LimberExerciseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_exercise_finalize;
}

static void
limber_exercise_init (LimberExercise *self)
{
  for (guint i = 0; i < LIMBER_EXERCISE_N_TEXTS; i++)
    self->texts[i] = limber_text_new ();
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_text_free);
  self->cautions = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_text_free);
}

static GMutex body_lock;

/* A file's name, shared by all its exercises (25,000 copies otherwise). */
static char *
shared_name (const char *name)
{
  return name != NULL ? g_ref_string_new_intern (name) : NULL;
}

/* Packs the texts the list does not show (all but the names). */
static void
pack_body (LimberExercise *self)
{
  LimberExerciseBody body = { { NULL }, self->steps, self->cautions, self->figure_xml };

  for (guint i = LIMBER_EXERCISE_NAME + 1; i < LIMBER_EXERCISE_N_TEXTS; i++)
    body.texts[i] = self->texts[i];
  self->packed = _limber_exercise_body_pack (&body, &self->packed_len);
  for (guint i = LIMBER_EXERCISE_NAME + 1; i < LIMBER_EXERCISE_N_TEXTS; i++)
    g_clear_pointer (&self->texts[i], limber_text_free);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->cautions, g_ptr_array_unref);
  g_clear_pointer (&self->figure_xml, g_free);
  /* Parsed again from the XML when first drawn. */
  g_clear_object (&self->figure);
  self->figure_tried = FALSE;
}

/* The texts of an exercise read from the cache, read from its file
 * again (checked again, as the file may have changed since).  FALSE if
 * they no longer read (limber-catalog-cache.c says so, once a file). */
static gboolean
read_cached_body (LimberExercise     *self,
                  LimberExerciseBody *body)
{
  return _limber_cache_file_read_body (self->cached, self->cached_at, self->cached_len, self->cached_sum,
                                       self->source, body);
}

/* When they no longer read from the cache: the same exercise (same id,
 * names and side) as its catalog file has it now, read again as loading
 * reads it (limber-cache-fallback.c; once a cache file, under the body
 * lock: it only happens when a cache file changed under the app). */
static gboolean
read_source_body (LimberExercise     *self,
                  LimberExerciseBody *body)
{
  LimberExercise *fresh = _limber_cache_file_lookup_source (self->cached, self->source, self->id);

  if (fresh == NULL || fresh->packed == NULL || fresh->written_for != self->written_for
      || !limber_text_equal (fresh->texts[LIMBER_EXERCISE_NAME], self->texts[LIMBER_EXERCISE_NAME]))
    return FALSE;
  _limber_exercise_body_unpack (fresh->packed, fresh->packed_len, body);
  return TRUE;
}

/* Texts read from nowhere: no steps, and a summary and a caution that
 * say so, which the details and the handout show (its steps silently
 * empty, a handout could give the stretch without its cautions). */
static void
lost_body (LimberExerciseBody *body)
{
  const char *lost = N_("The texts of this stretch could not be read (its catalog changed while "
                        "Limber was open): do not give it until the catalog is read again.");
  LimberText *caution = limber_text_new ();

  _limber_exercise_body_init_empty (body);
  /* In the interface's language, under "en": every handout falls back
   * to it (limber_text_get()). */
  limber_text_set (body->texts[LIMBER_EXERCISE_SUMMARY], "en", _(lost));
  limber_text_set (caution, "en", _(lost));
  g_ptr_array_add (body->cautions, caution);
}

/* The texts of an exercise that no longer read from its cache file. */
static void
read_body_again (LimberExercise     *self,
                 LimberExerciseBody *body)
{
  if (!read_source_body (self, body))
    lost_body (body);
}

/* @body (transfer full) becomes its texts, no longer packed or cached. */
static void
take_body (LimberExercise     *self,
           LimberExerciseBody *body)
{
  for (guint i = LIMBER_EXERCISE_NAME + 1; i < LIMBER_EXERCISE_N_TEXTS; i++)
    self->texts[i] = body->texts[i];
  self->steps = body->steps;
  self->cautions = body->cautions;
  self->figure_xml = body->figure_xml;
  _limber_exercise_packed_free (self->packed);
  g_atomic_pointer_set (&self->packed, NULL);
  _limber_cache_file_unref (self->cached);
  g_atomic_pointer_set (&self->cached, NULL);
}

/* Before any of the packed texts is read: they stay unpacked from then
 * on (the pointers handed out stay valid).  Texts that no longer read
 * from the cache are read from the catalog file again, if they can be. */
static void
unpack_body (LimberExercise *self)
{
  LimberExerciseBody body = { { NULL } };

  if (g_atomic_pointer_get (&self->packed) == NULL && g_atomic_pointer_get (&self->cached) == NULL)
    return;
  g_mutex_lock (&body_lock);
  if (self->packed != NULL || self->cached != NULL)
    {
      if (self->packed != NULL)
        _limber_exercise_body_unpack (self->packed, self->packed_len, &body);
      else if (!read_cached_body (self, &body))
        read_body_again (self, &body);
      take_body (self, &body);
    }
  g_mutex_unlock (&body_lock);
}

/* Whether its texts are still packed or in the cache file: for tests. */
gboolean
_limber_exercise_is_packed (LimberExercise *self)
{
  return g_atomic_pointer_get (&self->packed) != NULL || g_atomic_pointer_get (&self->cached) != NULL;
}

/**
 * _limber_exercise_move_body:
 *
 * Its packed texts, just written to a cache file at @at, are read from
 * there from now on (limber-catalog-cache.c): they are not held twice.
 * Nothing changes if they are unpacked already.  Safe while others
 * read the exercise: it always has its texts packed, in the file or
 * unpacked.
 */
void
_limber_exercise_move_body (LimberExercise  *self,
                            LimberCacheFile *file,
                            guint64          at,
                            guint32          len,
                            guint64          sum)
{
  g_mutex_lock (&body_lock);
  if (self->packed != NULL && self->cached == NULL)
    {
      self->cached_at = at;
      self->cached_len = len;
      self->cached_sum = sum;
      g_atomic_pointer_set (&self->cached, _limber_cache_file_ref (file));
      _limber_exercise_packed_free (self->packed);
      g_atomic_pointer_set (&self->packed, NULL);
    }
  g_mutex_unlock (&body_lock);
}

/**
 * _limber_exercise_borrow_body:
 * @body: (out caller-allocates): the exercise's texts but its names
 *
 * For reading every exercise once (the search index, the cache writer)
 * without unpacking them all for good.
 *
 * Returns: %TRUE if @body holds its own copies, to free with
 *   _limber_exercise_body_clear(); %FALSE if it points into @self
 */
gboolean
_limber_exercise_borrow_body (LimberExercise     *self,
                              LimberExerciseBody *body)
{
  gboolean owned = FALSE;

  g_mutex_lock (&body_lock);
  *body = (LimberExerciseBody) { { NULL } };
  if (self->packed != NULL)
    {
      _limber_exercise_body_unpack (self->packed, self->packed_len, body);
      owned = TRUE;
    }
  else if (self->cached != NULL && read_cached_body (self, body))
    owned = TRUE;
  else
    {
      /* Texts that no longer read from the cache: read again, or lost,
       * from now on. */
      if (self->cached != NULL)
        {
          LimberExerciseBody again;

          read_body_again (self, &again);
          take_body (self, &again);
        }
      for (guint i = LIMBER_EXERCISE_NAME + 1; i < LIMBER_EXERCISE_N_TEXTS; i++)
        body->texts[i] = self->texts[i];
      body->steps = self->steps;
      body->cautions = self->cautions;
      body->figure_xml = self->figure_xml;
    }
  g_mutex_unlock (&body_lock);
  return owned;
}

static gboolean
is_id (const char *id,
       gboolean    allow_digits)
{
  gboolean dash = TRUE;   /* no leading dash */

  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p; p++)
    {
      if (*p == '-')
        {
          if (dash)
            return FALSE;
          dash = TRUE;
        }
      else if (g_ascii_islower (*p) || (allow_digits && g_ascii_isdigit (*p)))
        dash = FALSE;
      else
        return FALSE;
    }
  return !dash;
}

gboolean
limber_is_valid_id (const char *id)
{
  return is_id (id, TRUE);
}

/* Repeated elements (steps, cautions) pair up across languages by their
 * order: the second Spanish step translates the second English one. */
static void
add_nth_text (GPtrArray  *list,
              GHashTable *counters,
              const char *lang,
              const char *text)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counters, lang));

  if (n >= list->len)
    g_ptr_array_add (list, limber_text_new ());
  limber_text_set (g_ptr_array_index (list, n), lang, text);
  g_hash_table_insert (counters, g_strdup (lang), GUINT_TO_POINTER (n + 1));
}

typedef struct
{
  const char          *display;
  const char          *file_lang;
  LimberExerciseOrigin origin;
  GPtrArray           *problems;
  GHashTable          *step_counters;
  GHashTable          *caution_counters;
  GPtrArray           *tissues;
} ParseState;

static void
parse_dosage (LimberExercise *self,
              xmlNode        *node,
              ParseState     *st)
{
  limber_dosage_read_xml (&self->dosage, node, st->display, st->problems);
}

/* Image paths in a catalog are relative and stay inside its folder. */
gboolean
limber_image_src_is_safe (const char *src)
{
  g_auto(GStrv) parts = NULL;

  if (src == NULL || *src == '\0' || src[0] == '/' || src[0] == '\\'
      || strchr (src, ':') != NULL || strchr (src, '\\') != NULL)
    return FALSE;
  parts = g_strsplit (src, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      return FALSE;
  return TRUE;
}

static void
parse_image (LimberExercise *self,
             xmlNode        *node,
             ParseState     *st)
{
  g_autofree char *src = (char *) xmlGetNoNsProp (node, (const xmlChar *) "src");
  g_autofree char *type = (char *) xmlGetNoNsProp (node, (const xmlChar *) "type");

  /* A second <image> (refused by the schema, but read on) replaces the
   * first, which must not leak. */
  g_clear_pointer (&self->image_src, g_free);
  g_clear_pointer (&self->image_alt, g_free);
  g_clear_pointer (&self->image_data, g_bytes_unref);
  g_clear_pointer (&self->image_type, g_free);
  self->image_alt = (char *) xmlGetNoNsProp (node, (const xmlChar *) "alt");

  if (st->origin == LIMBER_EXERCISE_FROM_SNAPSHOT)
    {
      g_autofree char *text = NULL;
      gsize len = 0;
      guchar *data;

      if (src != NULL)
        {
          limber_xml_add_problem (st->problems, st->display, node,
                                  _("an image in a program must be embedded, not a path (src=\"%s\")"),
                                  src);
          return;
        }
      if (type == NULL || !(g_str_equal (type, "image/png") || g_str_equal (type, "image/jpeg")
                            || g_str_equal (type, "image/svg+xml")))
        {
          limber_xml_add_problem (st->problems, st->display, node,
                                  _("an embedded image needs type=\"image/png\", \"image/jpeg\" or \"image/svg+xml\""));
          return;
        }
      text = limber_xml_get_text (node);
      if (!limber_is_base64 (text))
        {
          limber_xml_add_problem (st->problems, st->display, node,
                                  _("the embedded image is not valid base64"));
          return;
        }
      data = g_base64_decode (text, &len);
      self->image_data = g_bytes_new_take (data, len);
      self->image_type = g_steal_pointer (&type);
      return;
    }

  if (src == NULL)
    limber_xml_add_problem (st->problems, st->display, node,
                            _("<image> needs a src attribute with the picture's file name"));
  else if (!limber_image_src_is_safe (src))
    limber_xml_add_problem (st->problems, st->display, node,
                            _("the image path ‘%s’ must be relative and stay inside the catalog's folder "
                              "(no ‘..’, no ‘/’ at the start, no ‘scheme:’)"), src);
  else
    self->image_src = g_steal_pointer (&src);
}

static void
parse_word (LimberExercise   *self,
            xmlNode          *node,
            LimberVocabulary  kind,
            ParseState       *st)
{
  g_autofree char *word = limber_xml_get_text (node);
  int index = limber_vocabulary_lookup (kind, word);

  if (index < 0)
    {
      g_autofree char *list = limber_vocabulary_list (kind);
      limber_xml_add_problem (st->problems, st->display, node,
                              _("‘%s’ is not a word Limber knows for <%s>; use one of: %s"),
                              word, limber_vocabulary_name (kind), list);
      return;
    }
  self->words[kind] |= G_GUINT64_CONSTANT (1) << index;
}

/* written-for="right": the texts speak of the right side, and a handout
 * for the left swaps the side words.  Without it they are never swapped:
 * a catalog that does not say so may use "right" in other senses. */
static void
parse_written_for (LimberExercise *self,
                   xmlNode        *node,
                   ParseState     *st)
{
  g_autofree char *side = (char *) xmlGetNoNsProp (node, (const xmlChar *) "written-for");

  if (side == NULL)
    self->written_for = LIMBER_SIDE_UNSET;
  else if (g_str_equal (side, "right"))
    self->written_for = LIMBER_SIDE_RIGHT;
  else if (g_str_equal (side, "left"))
    self->written_for = LIMBER_SIDE_LEFT;
  else
    limber_xml_add_problem (st->problems, st->display, node,
                            _("written-for must be \"right\" or \"left\", not ‘%s’"), side);
}

static void
parse_child (LimberExercise *self,
             xmlNode        *node,
             ParseState     *st)
{
  static const char *text_elements[] = { "name", "summary", "shorten", "lengthen" };
  const char *lang = limber_xml_get_lang (node);
  g_autofree char *text = NULL;

  if (lang == NULL)
    lang = st->file_lang;

  for (guint i = 0; i < G_N_ELEMENTS (text_elements); i++)
    if (limber_xml_is (node, text_elements[i]))
      {
        text = limber_xml_get_text (node);
        limber_text_set (self->texts[LIMBER_EXERCISE_NAME + i], lang, text);
        return;
      }

  if (limber_xml_is (node, "feel"))
    {
      text = limber_xml_get_text (node);
      limber_text_set (self->texts[LIMBER_EXERCISE_FEEL], lang, text);
    }
  else if (limber_xml_is (node, "pressure"))
    {
      g_autofree char *by = (char *) xmlGetNoNsProp (node, (const xmlChar *) "by");

      text = limber_xml_get_text (node);
      if (g_strcmp0 (by, "self") == 0)
        limber_text_set (self->texts[LIMBER_EXERCISE_PRESSURE_SELF], lang, text);
      else if (g_strcmp0 (by, "therapist") == 0)
        limber_text_set (self->texts[LIMBER_EXERCISE_PRESSURE_THERAPIST], lang, text);
      else
        limber_xml_add_problem (st->problems, st->display, node,
                                _("<pressure> needs by=\"self\" or by=\"therapist\""));
    }
  else if (limber_xml_is (node, "step"))
    add_nth_text (self->steps, st->step_counters, lang, (text = limber_xml_get_text (node)));
  else if (limber_xml_is (node, "caution"))
    add_nth_text (self->cautions, st->caution_counters, lang, (text = limber_xml_get_text (node)));
  else if (limber_xml_is (node, "region"))
    parse_word (self, node, LIMBER_VOCABULARY_REGION, st);
  else if (limber_xml_is (node, "position"))
    parse_word (self, node, LIMBER_VOCABULARY_POSITION, st);
  else if (limber_xml_is (node, "equipment"))
    parse_word (self, node, LIMBER_VOCABULARY_EQUIPMENT, st);
  else if (limber_xml_is (node, "tissue"))
    {
      text = limber_xml_get_text (node);
      if (!is_id (text, FALSE))
        limber_xml_add_problem (st->problems, st->display, node,
                                _("the tissue ‘%s’ must be written in lower-case letters joined by ‘-’ "
                                  "(for example rectus-femoris)"), text);
      else
        g_ptr_array_add (st->tissues, g_steal_pointer (&text));
    }
  else if (limber_xml_is (node, "dosage"))
    parse_dosage (self, node, st);
  else if (limber_xml_is (node, "image"))
    parse_image (self, node, st);
  else if (limber_xml_is (node, "figure"))
    {
      g_autoptr(GString) out = g_string_new (NULL);
      xmlBufferPtr buf = xmlBufferCreate ();

      xmlNodeDump (buf, node->doc, node, 0, 0);
      g_string_append_len (out, (const char *) xmlBufferContent (buf), xmlBufferLength (buf));
      xmlBufferFree (buf);
      /* A second <figure> (refused by the schema, but read on) replaces
       * the first. */
      g_free (self->figure_xml);
      self->figure_xml = g_string_free (g_steal_pointer (&out), FALSE);
      /* Its problems are the exercise's: the exercise is refused. */
      g_clear_object (&self->figure);
      self->figure = limber_figure_new_from_xml (node, st->display, st->problems);
    }
  else
    limber_xml_add_problem (st->problems, st->display, node,
                            _("<%s> is not something an exercise can have"), node->name);
}

/* Appends the texts a search finds the exercise by, folded
 * (limber-fold.c): all but the therapist's pressure, in every language,
 * with its tissues, id and steps.  Made when the search index is built,
 * and not kept: the index keeps the words. */
void
_limber_exercise_fold_search_text (LimberExercise *self,
                                   GString        *out)
{
  LimberExerciseBody body;
  gboolean owned = _limber_exercise_borrow_body (self, &body);

  body.texts[LIMBER_EXERCISE_NAME] = self->texts[LIMBER_EXERCISE_NAME];
  for (guint i = 0; i < LIMBER_EXERCISE_N_TEXTS; i++)
    if (i != LIMBER_EXERCISE_PRESSURE_THERAPIST)
      for (guint j = 0; j < limber_text_get_n (body.texts[i]); j++)
        limber_fold_append (out, limber_text_nth_text (body.texts[i], j));
  body.texts[LIMBER_EXERCISE_NAME] = NULL;
  for (guint i = 0; self->tissues[i] != NULL; i++)
    limber_fold_append (out, self->tissues[i]);
  limber_fold_append (out, self->id);
  for (guint i = 0; i < body.steps->len; i++)
    for (guint j = 0; j < limber_text_get_n (g_ptr_array_index (body.steps, i)); j++)
      limber_fold_append (out, limber_text_nth_text (g_ptr_array_index (body.steps, i), j));
  if (owned)
    _limber_exercise_body_clear (&body);
}

/**
 * limber_exercise_new_from_xml:
 * @node: an `<exercise>` element
 * @file_lang: the file's language (its root's xml:lang)
 * @problems: (element-type LimberProblem): where problems are added
 *
 * Returns: (transfer full) (nullable): the exercise, or %NULL when the
 *   element has a problem (then at least one is added to @problems)
 */
LimberExercise *
limber_exercise_new_from_xml (xmlNode             *node,
                              const char          *file_lang,
                              const char          *display_name,
                              LimberExerciseOrigin origin,
                              GPtrArray           *problems)
{
  g_autoptr(LimberExercise) self = g_object_new (LIMBER_TYPE_EXERCISE, NULL);
  g_autoptr(GHashTable) steps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) cautions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) tissues = g_ptr_array_new_with_free_func (g_free);
  ParseState st = { display_name, file_lang ? file_lang : "en", origin, problems,
                    steps, cautions, tissues };
  guint first = problems->len;

  self->source = shared_name (display_name);
  self->line = limber_xml_line (node);
  self->id = (char *) xmlGetNoNsProp (node, (const xmlChar *) "id");

  if (self->id == NULL)
    limber_xml_add_problem (problems, display_name, node, _("this exercise has no id attribute"));
  else if (!is_id (self->id, TRUE))
    limber_xml_add_problem (problems, display_name, node,
                            _("the id ‘%s’ may only have lower-case letters, digits and ‘-’ "
                              "(for example hip-flexor-kneeling)"), self->id);

  parse_written_for (self, node, &st);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      parse_child (self, child, &st);

  if (limber_text_get_exact (self->texts[LIMBER_EXERCISE_NAME], st.file_lang) == NULL)
    limber_xml_add_problem (problems, display_name, node,
                            _("exercise ‘%s’ has no <name> in the file's language (%s)"),
                            self->id ? self->id : "?", st.file_lang);
  if (self->words[LIMBER_VOCABULARY_REGION] == 0 && problems->len == first)
    limber_xml_add_problem (problems, display_name, node,
                            _("exercise ‘%s’ needs at least one <region>"), self->id ? self->id : "?");
  if (tissues->len == 0 && problems->len == first)
    limber_xml_add_problem (problems, display_name, node,
                            _("exercise ‘%s’ needs at least one <tissue>"), self->id ? self->id : "?");
  if (problems->len > first)
    return NULL;

  self->tissue_quarks = g_new0 (GQuark, tissues->len + 1);
  for (guint i = 0; i < tissues->len; i++)
    self->tissue_quarks[i] = g_quark_from_string (g_ptr_array_index (tissues, i));
  g_ptr_array_add (tissues, NULL);
  self->tissues = (GStrv) g_ptr_array_free (g_steal_pointer (&tissues), FALSE);
  if (origin == LIMBER_EXERCISE_FROM_CATALOG)
    pack_body (self);
  return g_steal_pointer (&self);
}

const char *
limber_exercise_get_id (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->id;
}

const char *
limber_exercise_get_source (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->source;
}

/**
 * limber_exercise_get_written_for:
 *
 * Returns: the side the exercise's texts are written for, or
 *   %LIMBER_SIDE_UNSET when they do not say (then they are shown as
 *   written whatever the side)
 */
LimberSide
limber_exercise_get_written_for (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), LIMBER_SIDE_UNSET);
  return self->written_for;
}

long
limber_exercise_get_line (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 0);
  return self->line;
}

const LimberText *
limber_exercise_peek_text (LimberExercise     *self,
                           LimberExerciseText  which)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  g_return_val_if_fail (which < LIMBER_EXERCISE_N_TEXTS, NULL);
  if (which != LIMBER_EXERCISE_NAME)
    unpack_body (self);
  return self->texts[which];
}

const char *
limber_exercise_get_text (LimberExercise     *self,
                          LimberExerciseText  which,
                          const char         *lang)
{
  return limber_text_get (limber_exercise_peek_text (self, which), lang);
}

const char *
limber_exercise_get_name (LimberExercise *self,
                          const char     *lang)
{
  return limber_exercise_get_text (self, LIMBER_EXERCISE_NAME, lang);
}

guint
limber_exercise_get_n_steps (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 0);
  unpack_body (self);
  return self->steps->len;
}

const char *
limber_exercise_get_step (LimberExercise *self,
                          guint           n,
                          const char     *lang)
{
  g_return_val_if_fail (n < limber_exercise_get_n_steps (self), NULL);
  unpack_body (self);
  return limber_text_get (g_ptr_array_index (self->steps, n), lang);
}

guint
limber_exercise_get_n_cautions (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 0);
  unpack_body (self);
  return self->cautions->len;
}

const char *
limber_exercise_get_caution (LimberExercise *self,
                             guint           n,
                             const char     *lang)
{
  g_return_val_if_fail (n < limber_exercise_get_n_cautions (self), NULL);
  unpack_body (self);
  return limber_text_get (g_ptr_array_index (self->cautions, n), lang);
}

/* A bit set of vocabulary indexes: bit i is limber_vocabulary_word (kind, i). */
guint64
limber_exercise_get_words (LimberExercise   *self,
                           LimberVocabulary  kind)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 0);
  g_return_val_if_fail (kind < LIMBER_VOCABULARY_N_KINDS, 0);
  return self->words[kind];
}

const char * const *
limber_exercise_get_tissues (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return (const char * const *) self->tissues;
}

const LimberDosage *
limber_exercise_get_dosage (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return &self->dosage;
}

const char *
limber_exercise_get_image_src (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->image_src;
}

const char *
limber_exercise_get_image_alt (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->image_alt;
}

GBytes *
limber_exercise_get_image_data (LimberExercise  *self,
                                const char     **mime_type)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  if (mime_type != NULL)
    *mime_type = self->image_type;
  return self->image_data;
}

const char *
limber_exercise_get_figure_xml (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  unpack_body (self);
  return self->figure_xml;
}

/* Returns: (transfer none) (nullable): the pictogram, if it has one */
LimberFigure *
limber_exercise_get_figure (LimberExercise *self)
{
  static GMutex lock;

  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  unpack_body (self);

  /* An exercise from the catalog cache has its figure as XML only: most
   * are never drawn, and 25,000 parsed figures cost memory and time. */
  if (self->figure == NULL && self->figure_xml != NULL)
    {
      g_mutex_lock (&lock);
      if (!self->figure_tried)
        self->figure = _limber_exercise_parse_figure (self->figure_xml, self->source);
      self->figure_tried = TRUE;
      g_mutex_unlock (&lock);
    }
  return self->figure;
}

/* "Hip, Thigh": the exercise's words of one kind, as labels. */
char *
limber_exercise_describe_words (LimberExercise   *self,
                                LimberVocabulary  kind)
{
  GString *s = g_string_new (NULL);
  guint64 words = limber_exercise_get_words (self, kind);

  for (guint i = 0; i < limber_vocabulary_count (kind); i++)
    if (words & (G_GUINT64_CONSTANT (1) << i))
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", limber_vocabulary_label (kind, i));
  return g_string_free (s, FALSE);
}

char *
limber_exercise_describe_tissues (LimberExercise *self)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; self->tissues[i] != NULL; i++)
    {
      g_autofree char *label = limber_tissue_label (self->tissues[i]);

      if (i > 0)
        g_string_append (s, ", ");
      /* Only the first keeps its capital: "Iliopsoas, rectus femoris". */
      if (i > 0)
        label[0] = g_ascii_tolower (label[0]);
      g_string_append (s, label);
    }
  return g_string_free (s, FALSE);
}

gboolean
_limber_exercise_has_tissue (LimberExercise *self,
                             GQuark          tissue)
{
  for (guint i = 0; self->tissue_quarks[i] != 0; i++)
    if (self->tissue_quarks[i] == tissue)
      return TRUE;
  return FALSE;
}

/* A program opens without a picture that breaks the rules. */
void
_limber_exercise_drop_image (LimberExercise *self)
{
  g_clear_pointer (&self->image_data, g_bytes_unref);
  g_clear_pointer (&self->image_type, g_free);
}

/* A catalog's picture, read once at load, so a program can embed it. */
void
_limber_exercise_set_image_data (LimberExercise *self,
                                 GBytes         *bytes,
                                 const char     *mime_type)
{
  g_clear_pointer (&self->image_data, g_bytes_unref);
  g_free (self->image_type);
  self->image_data = bytes ? g_bytes_ref (bytes) : NULL;
  self->image_type = g_strdup (mime_type);
}

const LimberText *
limber_exercise_peek_step (LimberExercise *self,
                           guint           n)
{
  g_return_val_if_fail (n < limber_exercise_get_n_steps (self), NULL);
  unpack_body (self);
  return g_ptr_array_index (self->steps, n);
}

const LimberText *
limber_exercise_peek_caution (LimberExercise *self,
                              guint           n)
{
  g_return_val_if_fail (n < limber_exercise_get_n_cautions (self), NULL);
  unpack_body (self);
  return g_ptr_array_index (self->cautions, n);
}

void
_limber_exercise_set_search_slot (LimberExercise *self,
                                  guint           slot)
{
  self->search_slot = slot;
}

guint
_limber_exercise_get_search_slot (LimberExercise *self)
{
  return self->search_slot;
}

const GQuark *
_limber_exercise_get_tissue_quarks (LimberExercise *self)
{
  return self->tissue_quarks;
}

/* The figure of a cached exercise, from its XML; NULL (with a warning
 * for the log) if it does not parse: the cache said it did. */
LimberFigure *
_limber_exercise_parse_figure (const char *figure_xml,
                               const char *display_name)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (figure_xml, strlen (figure_xml));
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  LimberFigure *figure = NULL;
  xmlDoc *doc = limber_xml_parse_plain (bytes, display_name, problems);

  if (doc != NULL && limber_xml_is (xmlDocGetRootElement (doc), "figure"))
    figure = limber_figure_new_from_xml (xmlDocGetRootElement (doc), display_name, problems);
  if (doc != NULL)
    xmlFreeDoc (doc);
  if (figure != NULL && problems->len > 0)
    g_clear_object (&figure);
  if (figure == NULL)
    g_debug ("A cached figure of %s does not read", display_name);
  return figure;
}

void
_limber_exercise_parts_clear (LimberExerciseParts *parts)
{
  g_clear_pointer (&parts->id, g_free);
  for (guint i = 0; i < LIMBER_EXERCISE_N_TEXTS; i++)
    g_clear_pointer (&parts->texts[i], limber_text_free);
  g_clear_pointer (&parts->steps, g_ptr_array_unref);
  g_clear_pointer (&parts->cautions, g_ptr_array_unref);
  g_clear_pointer (&parts->tissues, g_ptr_array_unref);
  g_clear_pointer (&parts->image_src, g_free);
  g_clear_pointer (&parts->image_alt, g_free);
  g_clear_pointer (&parts->figure_xml, g_free);
  g_clear_pointer (&parts->body_file, _limber_cache_file_unref);
}

/* Its texts but the names, steps, cautions and figure stay in the cache
 * file, read when first asked for. */
static void
set_cached_body (LimberExercise      *self,
                 LimberExerciseParts *parts)
{
  for (guint i = LIMBER_EXERCISE_NAME + 1; i < LIMBER_EXERCISE_N_TEXTS; i++)
    g_clear_pointer (&self->texts[i], limber_text_free);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->cautions, g_ptr_array_unref);
  g_clear_pointer (&self->figure_xml, g_free);
  self->cached = g_steal_pointer (&parts->body_file);
  self->cached_at = parts->body_at;
  self->cached_len = parts->body_len;
  self->cached_sum = parts->body_sum;
}

/**
 * _limber_exercise_new_from_parts:
 * @parts: (transfer full): what the catalog cache read, every part
 *   checked by its reader as the XML reader checks it; emptied
 * @source: the catalog file, as shown to the user
 *
 * Returns: (transfer full): the exercise, the same as one read from XML
 */
LimberExercise *
_limber_exercise_new_from_parts (LimberExerciseParts *parts,
                                 const char          *source)
{
  LimberExercise *self = g_object_new (LIMBER_TYPE_EXERCISE, NULL);
  GPtrArray *tissues = parts->tissues;

  self->id = g_steal_pointer (&parts->id);
  self->source = shared_name (source);
  self->line = parts->line;
  self->written_for = parts->written_for;
  for (guint i = 0; i < LIMBER_EXERCISE_N_TEXTS; i++)
    if (parts->texts[i] != NULL)
      {
        limber_text_free (self->texts[i]);
        self->texts[i] = g_steal_pointer (&parts->texts[i]);
      }
  if (parts->steps != NULL)
    {
      g_ptr_array_unref (self->steps);
      self->steps = g_steal_pointer (&parts->steps);
    }
  if (parts->cautions != NULL)
    {
      g_ptr_array_unref (self->cautions);
      self->cautions = g_steal_pointer (&parts->cautions);
    }
  memcpy (self->words, parts->words, sizeof self->words);
  self->dosage = parts->dosage;
  self->image_src = g_steal_pointer (&parts->image_src);
  self->image_alt = g_steal_pointer (&parts->image_alt);
  self->figure_xml = g_steal_pointer (&parts->figure_xml);

  self->tissue_quarks = g_new0 (GQuark, tissues->len + 1);
  for (guint i = 0; i < tissues->len; i++)
    self->tissue_quarks[i] = g_quark_from_string (g_ptr_array_index (tissues, i));
  g_ptr_array_set_free_func (tissues, NULL);
  g_ptr_array_add (tissues, NULL);
  self->tissues = (GStrv) g_ptr_array_free (g_steal_pointer (&parts->tissues), FALSE);
  if (parts->body_file != NULL)
    set_cached_body (self, parts);
  else
    pack_body (self);
  _limber_exercise_parts_clear (parts);
  return self;
}

/* A catalog's exercise keeps its figure as XML only, once read (and so
 * checked): it is parsed again when first drawn.  A 25,000-exercise
 * catalog's figures would otherwise stay in memory, most never drawn. */
void
_limber_exercise_drop_figure (LimberExercise *self)
{
  if (self->figure_xml != NULL)
    {
      g_clear_object (&self->figure);
      self->figure_tried = FALSE;
    }
}
