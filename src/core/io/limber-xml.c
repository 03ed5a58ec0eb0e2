/* limber-xml.c — the one place that reads Limber's XML files
 *
 * Every file Limber reads may come from a stranger, so parsing here
 * never touches the network, never loads a DTD or an external entity,
 * never follows XInclude, refuses any DOCTYPE and caps sizes before
 * parsing.  Problems come out as LimberProblems (limber-problem.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-xml"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include "limber-problem.h"
#include "limber-xml.h"

#include <string.h>

#define SAFE_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING \
                            | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA)

G_DEFINE_QUARK (limber-xml-error-quark, limber_xml_error)

static guint refused_loads;

/* Whatever asks for an external resource (an entity, a DTD, a schema
 * include) gets nothing.  XML_PARSE_NONET alone lets file:// through. */
static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  g_atomic_int_inc (&refused_loads);
  return NULL;
}

/**
 * limber_xml_init:
 *
 * Installs the entity loader that refuses every external load.  Call it
 * once at start-up, before any libxml2 parsing; later calls do nothing.
 */
void
limber_xml_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&done, 1);
    }
}

/* For tests: how many external loads were asked for and refused. */
guint
limber_xml_get_refused_loads (void)
{
  return g_atomic_int_get (&refused_loads);
}

char *
limber_xml_display_name (GFile *file)
{
  if (g_file_peek_path (file) != NULL)
    return g_strdup (g_file_peek_path (file));
  return g_file_get_uri (file);
}

long
limber_xml_line (xmlNode *node)
{
  return node != NULL ? xmlGetLineNo (node) : 0;
}

/* A line for a problem: from 1, as a problem with no node is taken to
 * be at the start of the file. */
static guint
problem_line (long line)
{
  return (guint) CLAMP (line, 1, G_MAXUINT);
}

/**
 * limber_xml_add_problem:
 * @problems: (element-type LimberProblem): the list
 * @node: (nullable): where the problem is; %NULL for line 1
 * @format: the message, translated, without the file or the line
 *
 * Adds a problem at @node's line to @problems.
 */
void
limber_xml_add_problem (GPtrArray  *problems,
                        const char *display_name,
                        xmlNode    *node,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, limber_problem_new (display_name, problem_line (limber_xml_line (node)),
                                                 message));
}

/* The size limits are in whole megabytes. */
static void
add_too_big (GPtrArray  *problems,
             const char *display_name,
             gsize       max)
{
  g_autofree char *size = g_strdup_printf ("%u MB", (guint) (max >> 20));

  limber_xml_add_problem (problems, display_name, NULL,
                          _("the file is too big to be a Limber file (the limit is %s)"), size);
}

/* Whatever the parser said before the DOCTYPE stopped it is noise:
 * this is the file's one problem. */
static void
set_doctype_problem (GPtrArray  *problems,
                     guint       first,
                     const char *display_name,
                     long        line)
{
  g_ptr_array_remove_range (problems, first, problems->len - first);
  g_ptr_array_add (problems, limber_problem_new (display_name, problem_line (line),
                                                 _("the file has a DOCTYPE; Limber files never do, "
                                                   "and it is refused for safety")));
}

typedef struct
{
  const char *display_name;
  GPtrArray  *problems;
  gboolean    saw_doctype;
  long        doctype_line;
} Collector;

/* libxml2's own words are terse and technical; say the common ones the
 * way a therapist who edits a file by hand can act on. */
static char *
plain_words (xmlError *error)
{
  g_autofree char *raw = g_strstrip (g_strdup (error->message ? error->message : ""));

  if (error->domain == XML_FROM_RELAXNGV || error->domain == XML_FROM_RELAXNGP)
    return g_strdup_printf (_("does not match the format: %s"), raw);

  if (strstr (raw, "Excessive depth") != NULL)
    return g_strdup (_("elements are nested too deeply (the depth limit is 256 levels)"));
  if (strstr (raw, "Start tag expected") != NULL)
    return g_strdup (_("this is not XML: a Limber file starts with <limber-catalog> or <limber-program>"));

  switch (error->code)
    {
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
      return g_strdup (_("the file has bytes that are not valid UTF-8 text (save it as UTF-8)"));
    case XML_ERR_DOCUMENT_EMPTY:
      return g_strdup (_("the file is empty"));
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_TAG_NAME_MISMATCH:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_GT_REQUIRED:
      return g_strdup_printf (_("a tag is not closed properly (%s)"), raw);
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      return g_strdup_printf (_("unknown entity (%s); write the character itself instead"), raw);
    case XML_ERR_ENTITY_LOOP:
      return g_strdup (_("entities refer to each other in a loop; the file is refused"));
    case XML_ERR_DOCUMENT_END:
      return g_strdup_printf (_("there is text after the end of the document (%s)"), raw);
    default:
      return g_steal_pointer (&raw);
    }
}

static void
collect_error (void     *data,
               xmlError *error)
{
  Collector *c = data;
  g_autofree char *words = NULL;

  /* Warnings are not problems; one message per line is enough. */
  if (error->level == XML_ERR_WARNING)
    return;

  words = plain_words (error);
  g_ptr_array_add (c->problems, limber_problem_new (c->display_name, problem_line (error->line), words));
}

/* The DOCTYPE is where every entity trick lives: stop at its first sign,
 * before any entity is declared, let alone expanded. */
static void
stop_at_doctype (void          *ctx,
                 const xmlChar *name,
                 const xmlChar *external_id,
                 const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  Collector *c = ctxt->_private;

  c->saw_doctype = TRUE;
  c->doctype_line = xmlSAX2GetLineNumber (ctxt);
  xmlStopParser (ctxt);
}

static gboolean
is_blank (GBytes *bytes)
{
  gsize len;
  const guchar *data = g_bytes_get_data (bytes, &len);

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (data[i]) && data[i] != 0)
      return FALSE;
  return TRUE;
}

static const char *
root_name_for (LimberXmlKind kind)
{
  return kind == LIMBER_XML_KIND_CATALOG ? "limber-catalog" : "limber-program";
}

/* Whether a root element called @name, in a namespace or not, with
 * @version (nullable) starts a Limber file of @kind.  If it does, @kind
 * becomes the kind found and the result is %NULL; if not, the result
 * says why and @code which error it is.  Both readers (whole and
 * streaming) check the root here. */
static char *
root_problem (const char    *name,
              gboolean       has_ns,
              char          *version,
              LimberXmlKind *kind,
              int           *code)
{
  LimberXmlKind found = LIMBER_XML_KIND_ANY;

  if (!has_ns && g_strcmp0 (name, "limber-catalog") == 0)
    found = LIMBER_XML_KIND_CATALOG;
  else if (!has_ns && g_strcmp0 (name, "limber-program") == 0)
    found = LIMBER_XML_KIND_PROGRAM;

  *code = LIMBER_XML_ERROR_WRONG_ROOT;
  if (found == LIMBER_XML_KIND_ANY && *kind == LIMBER_XML_KIND_ANY)
    return g_strdup_printf (_("this is not a Limber file (it starts with <%s>, not <limber-catalog> or <limber-program>)"),
                            name ? name : "?");
  if (found == LIMBER_XML_KIND_ANY || (*kind != LIMBER_XML_KIND_ANY && *kind != found))
    return g_strdup_printf (_("this is not a Limber %s (it starts with <%s>, not <%s>)"),
                            *kind == LIMBER_XML_KIND_CATALOG ? _("catalog") : _("program"),
                            name ? name : "?", root_name_for (*kind));
  *kind = found;

  *code = LIMBER_XML_ERROR_VERSION;
  if (version == NULL)
    return g_strdup_printf (_("<%s> has no version attribute (write version=\"1\")"), name);
  if (g_strcmp0 (g_strstrip (version), "1") != 0)
    return g_strdup_printf (_("this file is version %s, but this Limber reads version 1 only; "
                              "open it with a newer Limber"), version);
  return NULL;
}

static gboolean
check_root (xmlDoc         *doc,
            const char     *display_name,
            LimberXmlKind  *kind,
            GPtrArray      *problems,
            GError        **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autofree char *version = NULL;
  g_autofree char *message = NULL;
  guint first = problems->len;
  int code;

  if (root != NULL)
    version = (char *) xmlGetNoNsProp (root, (const xmlChar *) "version");
  message = root_problem (root ? (const char *) root->name : NULL, root != NULL && root->ns != NULL,
                          version, kind, &code);
  if (message != NULL)
    limber_xml_add_problem (problems, display_name, root, "%s", message);
  return limber_problem_list_set_error (problems, first, LIMBER_XML_ERROR, code, error);
}

static xmlDoc *
parse_safely (GBytes     *bytes,
              const char *display_name,
              GPtrArray  *problems,
              int        *code)
{
  Collector c = { display_name, problems, FALSE, 0 };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;
  gsize len;
  const char *data;
  guint first = problems->len;

  limber_xml_init ();
  data = g_bytes_get_data (bytes, &len);

  if (len > LIMBER_XML_MAX_CATALOG_BYTES)
    {
      add_too_big (problems, display_name, LIMBER_XML_MAX_CATALOG_BYTES);
      *code = LIMBER_XML_ERROR_TOO_LARGE;
      return NULL;
    }
  if (len == 0 || is_blank (bytes))
    {
      limber_xml_add_problem (problems, display_name, NULL, _("the file is empty"));
      *code = LIMBER_XML_ERROR_EMPTY;
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory creating an XML parser");
  ctxt->_private = &c;
  ctxt->sax->internalSubset = stop_at_doctype;
  xmlSetStructuredErrorFunc (&c, collect_error);
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, display_name, NULL, SAFE_PARSE_OPTIONS);
  xmlSetStructuredErrorFunc (NULL, NULL);

  if (c.saw_doctype || (doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL)))
    {
      set_doctype_problem (problems, first, display_name, c.doctype_line);
      g_clear_pointer (&doc, xmlFreeDoc);
      *code = LIMBER_XML_ERROR_DOCTYPE;
    }
  else if (doc == NULL || !ctxt->wellFormed || problems->len > first)
    {
      if (problems->len == first)
        limber_xml_add_problem (problems, display_name, NULL, _("the file is not valid XML"));
      g_clear_pointer (&doc, xmlFreeDoc);
      *code = LIMBER_XML_ERROR_MALFORMED;
    }
  xmlFreeParserCtxt (ctxt);
  return doc;
}

/**
 * limber_xml_parse_plain:
 * @problems: every problem found is appended, as a #LimberProblem
 *
 * Parses any XML document safely (an SVG, say), with the same limits
 * and refusals as Limber's own files.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL
 */
xmlDoc *
limber_xml_parse_plain (GBytes     *bytes,
                        const char *display_name,
                        GPtrArray  *problems)
{
  int code;

  return parse_safely (bytes, display_name, problems, &code);
}

/**
 * limber_xml_read_bytes:
 * @kind: (inout): the file kind wanted, or LIMBER_XML_KIND_ANY to learn it
 * @problems: every problem found is appended (see #LimberProblem
 *   for how @error relates to them)
 *
 * Parses safely and checks the root element and version.  It does not
 * validate against the schema: the loaders first give their own, plainer
 * messages, then call limber_xml_validate().
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 *   set to the first problem
 */
xmlDoc *
limber_xml_read_bytes (GBytes         *bytes,
                       const char     *display_name,
                       LimberXmlKind  *kind,
                       GPtrArray      *problems,
                       GError        **error)
{
  gsize max = *kind == LIMBER_XML_KIND_PROGRAM ? LIMBER_XML_MAX_PROGRAM_BYTES
                                               : LIMBER_XML_MAX_CATALOG_BYTES;
  guint first = problems->len;
  int code = LIMBER_XML_ERROR_MALFORMED;
  xmlDoc *doc;

  if (g_bytes_get_size (bytes) > max)
    {
      add_too_big (problems, display_name, max);
      limber_problem_list_set_error (problems, first, LIMBER_XML_ERROR, LIMBER_XML_ERROR_TOO_LARGE, error);
      return NULL;
    }
  doc = parse_safely (bytes, display_name, problems, &code);
  if (doc == NULL)
    {
      limber_problem_list_set_error (problems, first, LIMBER_XML_ERROR, code, error);
      return NULL;
    }
  if (!check_root (doc, display_name, kind, problems, error))
    g_clear_pointer (&doc, xmlFreeDoc);
  return doc;
}

/* Refuses a folder, a device or a file over @max before a byte is
 * read.  Returns FALSE with a problem added. */
static gboolean
check_readable (GFile      *file,
                const char *display_name,
                gsize       max,
                GPtrArray  *problems,
                int        *code)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  *code = LIMBER_XML_ERROR_READ;
  if (info == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      limber_xml_add_problem (problems, display_name, NULL, _("there is no such file"));
      return FALSE;
    }
  g_clear_error (&local_error);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      limber_xml_add_problem (problems, display_name, NULL, _("this is a folder, not a file"));
      return FALSE;
    }
  /* Reading a pipe waits for a writer and /dev/zero never ends: either
   * would hang the window that opened it (a link may point at one). */
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      limber_xml_add_problem (problems, display_name, NULL, _("this is a device, a pipe or a socket, not a file"));
      return FALSE;
    }
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE)
      && (guint64) g_file_info_get_size (info) > max)
    {
      add_too_big (problems, display_name, max);
      *code = LIMBER_XML_ERROR_TOO_LARGE;
      return FALSE;
    }
  return TRUE;
}

/* Reads a file whole, after check_readable().  Returns NULL with a
 * problem added. */
static GBytes *
load_checked (GFile      *file,
              const char *display_name,
              gsize       max,
              GPtrArray  *problems,
              int        *code)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  if (!check_readable (file, display_name, max, problems, code))
    return NULL;
  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    limber_xml_add_problem (problems, display_name, NULL, _("cannot read the file: %s"),
                            local_error->message);
  return bytes;
}

/**
 * limber_xml_load_file:
 * @kind: what the file should be: it sets the size limit
 *
 * Reads a file whole, as limber_xml_read_file() does before parsing it:
 * a folder, a device, a pipe or a file over the limit is refused before
 * a byte is read.  Safe in any thread.
 *
 * Returns: (transfer full) (nullable): the bytes, or %NULL with a
 *   problem added and @error set to it
 */
GBytes *
limber_xml_load_file (GFile          *file,
                      const char     *display_name,
                      LimberXmlKind   kind,
                      GPtrArray      *problems,
                      GError        **error)
{
  g_autofree char *own_name = NULL;
  gsize max = kind == LIMBER_XML_KIND_PROGRAM ? LIMBER_XML_MAX_PROGRAM_BYTES
                                              : LIMBER_XML_MAX_CATALOG_BYTES;
  guint first = problems->len;
  GBytes *bytes;
  int code;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (display_name == NULL)
    display_name = own_name = limber_xml_display_name (file);
  bytes = load_checked (file, display_name, max, problems, &code);
  if (bytes == NULL)
    limber_problem_list_set_error (problems, first, LIMBER_XML_ERROR, code, error);
  return bytes;
}

xmlDoc *
limber_xml_read_file (GFile          *file,
                      const char     *display_name,
                      LimberXmlKind  *kind,
                      GPtrArray      *problems,
                      GError        **error)
{
  g_autofree char *own_name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (display_name == NULL)
    display_name = own_name = limber_xml_display_name (file);
  bytes = limber_xml_load_file (file, display_name, *kind, problems, error);
  if (bytes == NULL)
    return NULL;
  return limber_xml_read_bytes (bytes, display_name, kind, problems, error);
}

static xmlRelaxNGPtr
load_schema (LimberXmlKind kind)
{
  g_autofree char *path = g_strdup_printf ("/io/github/limber/Limber/schemas/%s.rng",
                                           kind == LIMBER_XML_KIND_CATALOG ? "catalog" : "program");
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  xmlRelaxNGParserCtxtPtr pctxt;
  xmlRelaxNGPtr schema;
  gsize len;
  const char *data;

  if (bytes == NULL)
    g_error ("The schema %s is missing from the resources", path);
  data = g_bytes_get_data (bytes, &len);
  pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) len);
  schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  if (schema == NULL)
    g_error ("The schema %s does not compile", path);
  return schema;
}

/* Compiled once, kept for the life of the process. */
static xmlRelaxNGPtr
get_schema (LimberXmlKind kind)
{
  static xmlRelaxNGPtr schemas[3];
  static GMutex lock;
  xmlRelaxNGPtr schema;

  g_mutex_lock (&lock);
  if (schemas[kind] == NULL)
    schemas[kind] = load_schema (kind);
  schema = schemas[kind];
  g_mutex_unlock (&lock);
  return schema;
}

/**
 * limber_xml_validate:
 *
 * Validates @doc against its RELAX NG schema (compiled once, kept for the
 * life of the process), adding a problem per error.
 *
 * Returns: %TRUE if the document is valid
 */
gboolean
limber_xml_validate (xmlDoc        *doc,
                     LimberXmlKind  kind,
                     const char    *display_name,
                     GPtrArray     *problems)
{
  Collector c = { display_name, problems, FALSE, 0 };
  xmlRelaxNGValidCtxtPtr vctxt;
  guint first = problems->len;
  int ret;

  g_return_val_if_fail (kind == LIMBER_XML_KIND_CATALOG || kind == LIMBER_XML_KIND_PROGRAM, FALSE);

  vctxt = xmlRelaxNGNewValidCtxt (get_schema (kind));
  xmlRelaxNGSetValidStructuredErrors (vctxt, collect_error, &c);
  ret = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);

  if (ret != 0 && problems->len == first)
    limber_xml_add_problem (problems, display_name, xmlDocGetRootElement (doc),
                            _("the file does not match the Limber format"));
  return ret == 0;
}

gboolean
limber_xml_is (xmlNode    *node,
               const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && g_strcmp0 ((const char *) node->name, name) == 0;
}

/* The element's text with runs of white space made single spaces, as
 * hand-edited files wrap long lines. */
char *
limber_xml_get_text (xmlNode *node)
{
  g_autofree char *raw = (char *) xmlNodeGetContent (node);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = raw ? raw : ""; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* The node's own xml:lang, or NULL when it has none. */
const char *
limber_xml_get_lang (xmlNode *node)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (a->ns != NULL && g_strcmp0 ((const char *) a->ns->href,
                                    (const char *) XML_XML_NAMESPACE) == 0
        && g_strcmp0 ((const char *) a->name, "lang") == 0
        && a->children != NULL)
      return (const char *) a->children->content;
  return NULL;
}

/* Strict base64: the alphabet, white space between, and correct padding. */
gboolean
limber_is_base64 (const char *text)
{
  gsize n = 0, pad = 0;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      if (*p == '=')
        pad++;
      else if (pad > 0 || !(g_ascii_isalnum (*p) || *p == '+' || *p == '/'))
        return FALSE;
      n++;
    }
  return n > 0 && n % 4 == 0 && pad <= 2;
}

/* The first child element called @name, or NULL. */
xmlNode *
limber_xml_find_child (xmlNode    *node,
                       const char *name)
{
  for (xmlNode *child = node ? node->children : NULL; child != NULL; child = child->next)
    if (limber_xml_is (child, name))
      return child;
  return NULL;
}

/* ---- Streaming: big catalogs, one exercise in memory at a time ----- */

typedef struct
{
  const char *display_name;
  GPtrArray  *problems;         /* the parser's */
  GPtrArray  *schema_problems;  /* the schema's, kept apart */
  gboolean   *content;          /* the file has more than white space */
} StreamCollector;

static void
collect_stream_error (void     *data,
                      xmlError *error)
{
  StreamCollector *c = data;
  Collector plain = { c->display_name, NULL, FALSE, 0 };

  plain.problems = (error->domain == XML_FROM_RELAXNGV || error->domain == XML_FROM_RELAXNGP)
                   ? c->schema_problems : c->problems;
  /* The push parser says "empty" of text that is not XML. */
  if (error->code == XML_ERR_DOCUMENT_EMPTY && c->content != NULL && *c->content)
    {
      limber_xml_add_problem (c->problems, c->display_name, NULL,
                              _("this is not XML: a Limber file starts with <limber-catalog> or <limber-program>"));
      return;
    }
  collect_error (&plain, error);
}

/* The reader pulls the file through this, a buffer at a time, so a big
 * catalog is never in memory whole. */
typedef struct
{
  GInputStream *stream;
  gsize         max;
  gsize         total;
  gboolean      too_big;
  gboolean      content;    /* anything but white space and NULs seen */
  GError       *error;
  /* The prologue, scanned as it goes by: a DOCTYPE is never handed to
   * the parser (its entities are never even declared), and its line is
   * known (the parser reads ahead of the node the reader is at). */
  guint         line;
  guint         matched;    /* bytes of "<!DOCTYPE" matched */
  gboolean      in_root;    /* past the prologue */
  gboolean      doctype;
  guint         doctype_line;
} StreamSource;

/* Returns how many bytes of @buffer may go to the parser. */
static gssize
scan_prologue (StreamSource *src,
               const char   *buffer,
               gssize        n)
{
  static const char doctype[] = "<!DOCTYPE";

  for (gssize i = 0; i < n && !src->in_root; i++)
    {
      char ch = buffer[i];

      if (ch == '\n')
        src->line++;
      if (src->matched == 1 && (g_ascii_isalpha (ch) || ch == '_' || ch == ':'))
        src->in_root = TRUE;
      else if (ch == doctype[src->matched])
        src->matched++;
      else
        src->matched = ch == '<' ? 1 : 0;
      if (src->matched == strlen (doctype))
        {
          src->doctype = TRUE;
          src->doctype_line = src->line + 1;
          return i + 1 - (gssize) strlen (doctype);
        }
    }
  return n;
}

static int
read_stream (void *context,
             char *buffer,
             int   len)
{
  StreamSource *src = context;
  gssize n;

  if (src->error != NULL || src->too_big || src->doctype)
    return src->doctype ? 0 : -1;
  /* Small pieces, as the reader hands the parser 512 bytes at a time:
   * the parser's line (for DOCTYPE and root problems) stays near the
   * node. */
  n = g_input_stream_read (src->stream, buffer, MIN (len, 512), NULL, &src->error);
  if (n < 0)
    return -1;
  src->total += n;
  /* A file may grow after its size was checked, or have no size. */
  if (src->total > src->max)
    {
      src->too_big = TRUE;
      return -1;
    }
  for (gssize i = 0; i < n && !src->content; i++)
    src->content = !g_ascii_isspace (buffer[i]) && buffer[i] != 0;
  return (int) scan_prologue (src, buffer, n);
}

/* Opens @file for the streaming reader, refusing what check_readable()
 * refuses.  Returns NULL with a problem added. */
static xmlTextReaderPtr
open_reader (GFile        *file,
             const char   *display_name,
             gsize         max,
             StreamSource *src,
             GPtrArray    *problems)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  xmlTextReaderPtr reader;
  int code;

  limber_xml_init ();
  if (!check_readable (file, display_name, max, problems, &code))
    return NULL;
  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      limber_xml_add_problem (problems, display_name, NULL, _("cannot read the file: %s"),
                              local_error->message);
      return NULL;
    }
  src->stream = g_buffered_input_stream_new_sized (G_INPUT_STREAM (in), 256 * 1024);
  src->max = max;
  reader = xmlReaderForIO (read_stream, NULL, src, display_name, NULL, SAFE_PARSE_OPTIONS);
  if (reader == NULL)
    g_error ("Out of memory creating an XML reader");
  return reader;
}

/* After the reader stopped: what the source has to say, if the parser
 * has said nothing (a read error, a file over the limit, an empty one). */
static void
close_source (StreamSource *src,
              const char   *display_name,
              gboolean      root_seen,
              guint         first,
              GPtrArray    *problems)
{
  if (src->doctype)
    set_doctype_problem (problems, first, display_name, src->doctype_line);
  else if (src->too_big)
    {
      g_ptr_array_remove_range (problems, first, problems->len - first);
      add_too_big (problems, display_name, src->max);
    }
  else if (src->error != NULL)
    {
      g_ptr_array_remove_range (problems, first, problems->len - first);
      limber_xml_add_problem (problems, display_name, NULL, _("cannot read the file: %s"),
                              src->error->message);
    }
  else if (!src->content && !root_seen)
    {
      g_ptr_array_remove_range (problems, first, problems->len - first);
      limber_xml_add_problem (problems, display_name, NULL, _("the file is empty"));
    }
  g_clear_error (&src->error);
  g_clear_object (&src->stream);
}

/**
 * limber_xml_sniff_kind:
 * @kind: (inout): the kind wanted, or LIMBER_XML_KIND_ANY to learn it
 *
 * Reads @file only as far as its root element, to learn what it is
 * (and refuse what is neither, with the same words as
 * limber_xml_read_file()), without reading a big catalog whole.
 *
 * Returns: %TRUE if the root is a Limber file of @kind; otherwise a
 *   problem is added
 */
gboolean
limber_xml_sniff_kind (GFile          *file,
                       const char     *display_name,
                       LimberXmlKind  *kind,
                       GPtrArray      *problems)
{
  StreamSource src = { 0 };
  StreamCollector c = { display_name, problems, problems, &src.content };
  xmlTextReaderPtr reader;
  guint first = problems->len;
  gboolean root_seen = FALSE;
  int ret, code;

  reader = open_reader (file, display_name, *kind == LIMBER_XML_KIND_PROGRAM ? LIMBER_XML_MAX_PROGRAM_BYTES
                                                                              : LIMBER_XML_MAX_STREAMED_BYTES,
                        &src, problems);
  if (reader == NULL)
    return FALSE;
  xmlTextReaderSetStructuredErrorHandler (reader, collect_stream_error, &c);
  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int line = xmlTextReaderGetParserLineNumber (reader);

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          set_doctype_problem (problems, first, display_name, line);
          break;
        }
      if (type == XML_READER_TYPE_ELEMENT)
        {
          g_autofree char *version = (char *) xmlTextReaderGetAttribute (reader, (const xmlChar *) "version");
          g_autofree char *message = NULL;

          root_seen = TRUE;
          line = xmlGetLineNo (xmlTextReaderCurrentNode (reader));
          message = root_problem ((const char *) xmlTextReaderConstLocalName (reader),
                                  xmlTextReaderConstNamespaceUri (reader) != NULL, version, kind, &code);
          if (message != NULL)
            g_ptr_array_add (problems, limber_problem_new (display_name, problem_line (line), message));
          break;
        }
    }
  if (!root_seen && problems->len == first)
    limber_xml_add_problem (problems, display_name, NULL, _("the file is not valid XML"));
  close_source (&src, display_name, root_seen, first, problems);
  xmlFreeTextReader (reader);
  return problems->len == first;
}

/**
 * limber_xml_stream_file:
 * @lang: (out) (transfer full): the root's xml:lang, or %NULL
 * @func: called with each element under the root, expanded (valid only
 *   during the call); it adds its own problems to @problems
 * @problems: the file's problems (parser, root, version, @func's own)
 * @schema_problems: the schema's, kept apart: the caller shows them only
 *   if there is nothing plainer to say
 *
 * Reads a catalog with libxml2's streaming reader and validates it
 * against the schema on the way, so that memory holds one exercise's
 * elements at a time, not the whole document (a 25,000-exercise catalog
 * would take about six times its size as a tree).  Same refusals as
 * limber_xml_read_bytes(): no network, no entities, no DOCTYPE.
 *
 * Returns: %TRUE if neither list gained a problem
 */
gboolean
limber_xml_stream_file (GFile                *file,
                        const char           *display_name,
                        LimberXmlKind         kind,
                        char                **lang,
                        LimberXmlElementFunc  func,
                        gpointer              user_data,
                        GPtrArray            *problems,
                        GPtrArray            *schema_problems)
{
  StreamSource src = { 0 };
  StreamCollector c = { display_name, problems, schema_problems, &src.content };
  xmlTextReaderPtr reader;
  guint first = problems->len, first_schema = schema_problems->len;
  gboolean root_seen = FALSE;
  int code, ret;

  *lang = NULL;
  reader = open_reader (file, display_name, kind == LIMBER_XML_KIND_PROGRAM ? LIMBER_XML_MAX_PROGRAM_BYTES
                                                                             : LIMBER_XML_MAX_STREAMED_BYTES,
                        &src, problems);
  if (reader == NULL)
    return FALSE;
  xmlTextReaderSetStructuredErrorHandler (reader, collect_stream_error, &c);
  if (xmlTextReaderRelaxNGSetSchema (reader, get_schema (kind)) != 0)
    g_error ("The schema cannot be used for streaming");

  ret = xmlTextReaderRead (reader);
  while (ret == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);
      int line = xmlTextReaderGetParserLineNumber (reader);

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          /* Stop here, before any entity could be used. */
          set_doctype_problem (problems, first, display_name, line);
          break;
        }

      if (type == XML_READER_TYPE_ELEMENT && depth == 0)
        {
          const char *name = (const char *) xmlTextReaderConstLocalName (reader);
          g_autofree char *version = (char *) xmlTextReaderGetAttribute (reader, (const xmlChar *) "version");
          LimberXmlKind found = kind;
          g_autofree char *message = NULL;

          root_seen = TRUE;
          line = xmlGetLineNo (xmlTextReaderCurrentNode (reader));
          message = root_problem (name, xmlTextReaderConstNamespaceUri (reader) != NULL, version, &found, &code);
          if (message != NULL)
            {
              g_ptr_array_add (problems, limber_problem_new (display_name, problem_line (line), message));
              break;
            }
          if (xmlTextReaderConstXmlLang (reader) != NULL)
            *lang = g_strdup ((const char *) xmlTextReaderConstXmlLang (reader));
        }
      else if (type == XML_READER_TYPE_ELEMENT && depth == 1)
        {
          xmlNode *node = xmlTextReaderExpand (reader);

          if (node == NULL)
            break;
          func (node, user_data);
          /* On to the next sibling: the reader frees what it built of this
           * one, and the loop looks at where Next() landed. */
          ret = xmlTextReaderNext (reader);
          continue;
        }
      ret = xmlTextReaderRead (reader);
    }
  if (ret == 0 && !root_seen && problems->len == first)
    limber_xml_add_problem (problems, display_name, NULL, _("the file is not valid XML"));
  if (ret < 0 && problems->len == first && schema_problems->len == first_schema)
    limber_xml_add_problem (problems, display_name, NULL, _("the file is not valid XML"));
  if (xmlTextReaderIsValid (reader) == 0 && schema_problems->len == first_schema)
    limber_xml_add_problem (schema_problems, display_name, NULL, _("the file does not match the Limber format"));
  close_source (&src, display_name, root_seen, first, problems);
  xmlFreeTextReader (reader);
  return problems->len == first && schema_problems->len == first_schema;
}
