/* limber-xml.h — the one place that reads Limber's XML files
 *
 * Every GPtrArray *problems here holds LimberProblems (limber-problem.h);
 * where a function takes an error too, see LimberProblem for the rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "limber-problem.h"

G_BEGIN_DECLS

#define LIMBER_XML_ERROR (limber_xml_error_quark ())

typedef enum
{
  LIMBER_XML_ERROR_READ,
  LIMBER_XML_ERROR_TOO_LARGE,
  LIMBER_XML_ERROR_EMPTY,
  LIMBER_XML_ERROR_MALFORMED,
  LIMBER_XML_ERROR_DOCTYPE,
  LIMBER_XML_ERROR_WRONG_ROOT,
  LIMBER_XML_ERROR_VERSION,
  LIMBER_XML_ERROR_INVALID,
} LimberXmlError;

typedef enum
{
  LIMBER_XML_KIND_ANY = 0,
  LIMBER_XML_KIND_CATALOG,
  LIMBER_XML_KIND_PROGRAM,
} LimberXmlKind;

/* Catalogs can be big; program files come by e-mail and are small.
 * A catalog read whole (as a tree) keeps the first limit; one streamed
 * (limber_xml_stream_file(), one exercise in memory at a time) the
 * second: validating it takes the same memory whatever its size, and
 * the exercises kept take about as much as their XML. */
#define LIMBER_XML_MAX_CATALOG_BYTES (32u * 1024 * 1024)
#define LIMBER_XML_MAX_STREAMED_BYTES (256u * 1024 * 1024)
#define LIMBER_XML_MAX_PROGRAM_BYTES (8u * 1024 * 1024)

typedef void (*LimberXmlElementFunc) (xmlNode *node,
                                      gpointer user_data);

GQuark        limber_xml_error_quark        (void);
void          limber_xml_init               (void);
guint         limber_xml_get_refused_loads  (void);
char         *limber_xml_display_name       (GFile         *file);
xmlDoc       *limber_xml_read_bytes         (GBytes        *bytes,
                                             const char    *display_name,
                                             LimberXmlKind *kind,
                                             GPtrArray     *problems,
                                             GError       **error);
GBytes       *limber_xml_load_file          (GFile         *file,
                                             const char    *display_name,
                                             LimberXmlKind  kind,
                                             GPtrArray     *problems,
                                             GError       **error);
xmlDoc       *limber_xml_read_file          (GFile         *file,
                                             const char    *display_name,
                                             LimberXmlKind *kind,
                                             GPtrArray     *problems,
                                             GError       **error);
xmlDoc       *limber_xml_parse_plain        (GBytes        *bytes,
                                             const char    *display_name,
                                             GPtrArray     *problems);
gboolean      limber_xml_stream_file        (GFile                *file,
                                             const char           *display_name,
                                             LimberXmlKind         kind,
                                             char                **lang,
                                             LimberXmlElementFunc  func,
                                             gpointer              user_data,
                                             GPtrArray            *problems,
                                             GPtrArray            *schema_problems);
gboolean      limber_xml_sniff_kind         (GFile                *file,
                                             const char           *display_name,
                                             LimberXmlKind        *kind,
                                             GPtrArray            *problems);
gboolean      limber_xml_validate           (xmlDoc        *doc,
                                             LimberXmlKind  kind,
                                             const char    *display_name,
                                             GPtrArray     *problems);
void          limber_xml_add_problem        (GPtrArray     *problems,
                                             const char    *display_name,
                                             xmlNode       *node,
                                             const char    *format,
                                             ...) G_GNUC_PRINTF (4, 5);
long          limber_xml_line               (xmlNode       *node);
char         *limber_xml_get_text           (xmlNode       *node);
const char   *limber_xml_get_lang           (xmlNode       *node);
gboolean      limber_is_base64              (const char    *text);
xmlNode      *limber_xml_find_child         (xmlNode       *node,
                                             const char    *name);
gboolean      limber_xml_is                 (xmlNode       *node,
                                             const char    *name);

G_END_DECLS
