/* limber-search-words.c — the words people search with (vocabulary.txt)
 *
 * The bundled catalog folder has a vocabulary.txt, and any catalog folder
 * (a clinic's) may have one: each line maps lay words, short names and
 * symptoms ("hammies", "TFL", "knee pain", "isquios") to a tissue or a
 * region, or lists words a search skips.  The format is described at the
 * top of data/catalog/vocabulary.txt.  The file is read strictly: a
 * line that breaks a rule is a FILE:LINE: problem and the whole file is
 * left out, so a half-read file never changes what a search finds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-search-words"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "limber-fold.h"
#include "limber-problem.h"
#include "limber-search-words.h"
#include "limber-vocabulary.h"
#include "limber-xml.h"

#define MAX_TERM_BYTES 64
#define MAX_PROBLEMS   20

typedef struct
{
  LimberSearchWordsKind kind;
  char                 *target;
  gboolean              prefix;    /* target ended with '*' */
  GStrv                 terms;     /* folded */
} Rule;

struct _LimberSearchWords
{
  GPtrArray  *rules;   /* Rule */
  GHashTable *stop;    /* folded word → itself */
};

static void
rule_free (gpointer data)
{
  Rule *rule = data;

  g_free (rule->target);
  g_strfreev (rule->terms);
  g_free (rule);
}

LimberSearchWords *
limber_search_words_new (void)
{
  LimberSearchWords *self = g_new0 (LimberSearchWords, 1);

  self->rules = g_ptr_array_new_with_free_func (rule_free);
  self->stop = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
limber_search_words_free (LimberSearchWords *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->rules);
  g_hash_table_unref (self->stop);
  g_free (self);
}

/* One parse: what a file adds, kept apart until the file proves whole. */
typedef struct
{
  const char *file;
  guint       line;
  GPtrArray  *problems;
  guint       n_problems;
  GPtrArray  *rules;
  GPtrArray  *stop;
} Parse;

static void
problem (Parse      *p,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (Parse      *p,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  p->n_problems++;
  if (p->n_problems > MAX_PROBLEMS)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  limber_problem_list_add (p->problems, p->file, p->line, "%s", message);
}

/* "Glúteos  Medios" → "gluteos medios"; NULL (and a problem) if it is
 * not a term. */
static char *
fold_term (Parse      *p,
           const char *raw)
{
  g_autoptr(GString) folded = g_string_new (NULL);
  guint n_words = 1;

  if (strlen (raw) > MAX_TERM_BYTES)
    {
      problem (p, _("the term ‘%.20s…’ is longer than %d bytes"), raw, MAX_TERM_BYTES);
      return NULL;
    }
  limber_fold_append (folded, raw);
  g_string_truncate (folded, folded->len - 1);   /* its newline */
  if (folded->len == 0)
    {
      problem (p, _("‘%s’ has no letters or digits: a term is one to four words"), raw);
      return NULL;
    }
  for (const char *c = folded->str; *c; c++)
    n_words += *c == ' ';
  if (n_words > LIMBER_SEARCH_WORDS_MAX_TERM_WORDS)
    {
      problem (p, _("‘%s’ has %u words: a term has at most %d"), raw, n_words,
               LIMBER_SEARCH_WORDS_MAX_TERM_WORDS);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&folded), FALSE);
}

/* The comma-separated terms after the colon; NULL if one is wrong. */
static GStrv
parse_terms (Parse      *p,
             const char *text,
             gboolean    single_words)
{
  g_auto(GStrv) raw = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) terms = g_strv_builder_new ();
  guint n = 0, bad = 0;

  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_autofree char *term = NULL;

      g_strstrip (raw[i]);
      if (raw[i][0] == '\0')
        {
          problem (p, _("an empty term: write words between the commas"));
          bad++;
          continue;
        }
      term = fold_term (p, raw[i]);
      if (term != NULL && single_words && strchr (term, ' ') != NULL)
        {
          problem (p, _("‘%s’: a stop word is one word"), raw[i]);
          g_clear_pointer (&term, g_free);
        }
      if (term == NULL)
        bad++;
      else
        {
          g_strv_builder_add (terms, term);
          n++;
        }
    }
  if (n == 0 && bad == 0)
    problem (p, _("no terms after the colon: write words, separated by commas"));
  if (bad > 0 || n == 0)
    return NULL;
  return g_strv_builder_end (terms);
}

static gboolean
is_tissue_target (const char *target)
{
  gsize len = strlen (target);

  if (len == 0 || target[0] == '*' || target[0] == '-')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!(g_ascii_islower (target[i]) || g_ascii_isdigit (target[i]) || target[i] == '-'
          || (target[i] == '*' && i == len - 1)))
      return FALSE;
  return TRUE;
}

/* "tissue gluteus-*" or "region knee" or "stop", before the colon. */
static gboolean
parse_head (Parse  *p,
            char   *head,
            Rule   *rule,
            gboolean *stop)
{
  char *space = strchr (g_strstrip (head), ' ');
  const char *target = space ? g_strstrip (space + 1) : NULL;

  if (space != NULL)
    *space = '\0';
  *stop = strcmp (head, "stop") == 0;
  if (*stop)
    {
      if (target != NULL)
        problem (p, _("a stop line has no target: write ‘stop: word, word’"));
      return target == NULL;
    }
  if (strcmp (head, "tissue") != 0 && strcmp (head, "region") != 0)
    {
      problem (p, _("‘%s’ is not a kind of line: write tissue, region or stop"), head);
      return FALSE;
    }
  rule->kind = head[0] == 't' ? LIMBER_SEARCH_WORDS_TISSUE : LIMBER_SEARCH_WORDS_REGION;
  if (target == NULL || *target == '\0')
    {
      problem (p, _("a ‘%s’ line names its target before the colon"), head);
      return FALSE;
    }
  if (rule->kind == LIMBER_SEARCH_WORDS_REGION && limber_vocabulary_lookup (LIMBER_VOCABULARY_REGION, target) < 0)
    {
      g_autofree char *list = limber_vocabulary_list (LIMBER_VOCABULARY_REGION);
      problem (p, _("‘%s’ is not a region; regions are: %s"), target, list);
      return FALSE;
    }
  if (rule->kind == LIMBER_SEARCH_WORDS_TISSUE && !is_tissue_target (target))
    {
      problem (p, _("‘%s’ is not a tissue: lower-case letters, digits and ‘-’, "
                    "and a final ‘*’ for every tissue starting so"), target);
      return FALSE;
    }
  rule->prefix = g_str_has_suffix (target, "*");
  rule->target = g_strndup (target, strlen (target) - rule->prefix);
  return TRUE;
}

static void
parse_line (Parse *p,
            char  *line)
{
  char *colon;
  g_autofree Rule *rule = g_new0 (Rule, 1);
  gboolean stop = FALSE;
  GStrv terms;

  g_strstrip (line);
  if (line[0] == '\0' || line[0] == '#')
    return;
  colon = strchr (line, ':');
  if (colon == NULL)
    {
      problem (p, _("no colon: a line is ‘tissue NAME: term, term’, ‘region NAME: term’ or ‘stop: word’"));
      return;
    }
  *colon = '\0';
  if (!parse_head (p, line, rule, &stop))
    return;
  terms = parse_terms (p, colon + 1, stop);
  if (terms == NULL)
    {
      g_free (rule->target);
      return;
    }
  if (stop)
    {
      for (guint i = 0; terms[i] != NULL; i++)
        g_ptr_array_add (p->stop, terms[i]);
      g_free (terms);   /* the strings moved to p->stop */
      return;
    }
  rule->terms = terms;
  g_ptr_array_add (p->rules, g_steal_pointer (&rule));
}

static gboolean
check_bytes (Parse      *p,
             const char *line,
             gsize       length)
{
  const char *end;

  if (length > LIMBER_SEARCH_WORDS_MAX_LINE)
    {
      problem (p, _("the line is longer than %d bytes"), LIMBER_SEARCH_WORDS_MAX_LINE);
      return FALSE;
    }
  if (memchr (line, '\0', length) != NULL)
    {
      problem (p, _("the line has a NUL byte: this is not a text file"));
      return FALSE;
    }
  if (!g_utf8_validate (line, length, &end))
    {
      problem (p, _("the line is not UTF-8 text (at byte %d)"), (int) (end - line) + 1);
      return FALSE;
    }
  return TRUE;
}

/**
 * limber_search_words_add_data:
 * @display_name: the file as the user knows it, for problems
 * @problems: (element-type LimberProblem): where problems are added
 *
 * Adds the rules of one vocabulary file's text.  A file with any
 * problem adds nothing.
 *
 * Returns: %TRUE if the file was whole and its rules were added
 */
gboolean
limber_search_words_add_data (LimberSearchWords *self,
                              const char        *data,
                              gsize              length,
                              const char        *display_name,
                              GPtrArray         *problems)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (rule_free);
  g_autoptr(GPtrArray) stop = g_ptr_array_new_with_free_func (g_free);
  Parse p = { display_name, 1, problems, 0, rules, stop };
  const char *end = data + length;

  if (length > LIMBER_SEARCH_WORDS_MAX_BYTES)
    {
      problem (&p, _("the file is bigger than %d MB: is it really a vocabulary file?"),
               LIMBER_SEARCH_WORDS_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  for (const char *line = data; line < end; p.line++)
    {
      const char *nl = memchr (line, '\n', end - line);
      gsize len = (nl ? nl : end) - line;

      if (check_bytes (&p, line, len))
        {
          g_autofree char *copy = g_strndup (line, len);
          parse_line (&p, copy);
        }
      line += len + 1;
    }
  if (p.n_problems > MAX_PROBLEMS)
    limber_problem_list_add (problems, display_name, 0,
                             ngettext ("%u more problem", "%u more problems", p.n_problems - MAX_PROBLEMS),
                             p.n_problems - MAX_PROBLEMS);
  if (p.n_problems > 0)
    return FALSE;
  g_ptr_array_extend_and_steal (self->rules, g_steal_pointer (&rules));
  for (guint i = 0; i < stop->len; i++)
    g_hash_table_add (self->stop, g_strdup (g_ptr_array_index (stop, i)));
  return TRUE;
}

/**
 * limber_search_words_add_file:
 *
 * Reads @file (any GIO location) with limber_search_words_add_data().
 * Returns: %TRUE if its rules were added
 */
gboolean
limber_search_words_add_file (LimberSearchWords *self,
                              GFile             *file,
                              GPtrArray         *problems)
{
  g_autofree char *name = limber_xml_display_name (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info != NULL && g_file_info_get_size (info) > LIMBER_SEARCH_WORDS_MAX_BYTES)
    return limber_search_words_add_data (self, "", LIMBER_SEARCH_WORDS_MAX_BYTES + 1, name, problems);
  if (info == NULL || !g_file_load_contents (file, NULL, &data, &length, NULL, &error))
    {
      limber_problem_list_add (problems, name, 0, _("cannot read the vocabulary: %s"), error->message);
      return FALSE;
    }
  return limber_search_words_add_data (self, data, length, name, problems);
}

static gboolean
rule_targets (const Rule *rule,
              const char *target)
{
  return rule->prefix ? g_str_has_prefix (target, rule->target) : strcmp (target, rule->target) == 0;
}

/**
 * limber_search_words_collect:
 * @target: a tissue or a region word
 * @terms: (element-type utf8): where the folded terms are added,
 *   borrowed from @self
 *
 * Adds every term that names @target.
 */
void
limber_search_words_collect (LimberSearchWords     *self,
                             LimberSearchWordsKind  kind,
                             const char            *target,
                             GPtrArray             *terms)
{
  for (guint i = 0; i < self->rules->len; i++)
    {
      const Rule *rule = g_ptr_array_index (self->rules, i);

      if (rule->kind == kind && rule_targets (rule, target))
        for (guint j = 0; rule->terms[j] != NULL; j++)
          g_ptr_array_add (terms, rule->terms[j]);
    }
}

/* Whether a search skips this (folded) word. */
gboolean
limber_search_words_is_stop (LimberSearchWords *self,
                             const char        *folded)
{
  return g_hash_table_contains (self->stop, folded);
}

guint
limber_search_words_get_n_rules (LimberSearchWords *self)
{
  return self->rules->len;
}
