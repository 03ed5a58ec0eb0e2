/* fuzz-figure.c — a <figure>: read, solved, drawn, written back
 *
 * Figures come in catalogs and, copied, in program files.  The input is
 * parsed as plain XML (no schema: limber_figure_new_from_xml() must
 * refuse what the schema would, by itself, as the custom editor relies
 * on); every <figure> element in it is read.  A figure that reads is
 * drawn in each way the app shows one, and written back: the written
 * element must read as an equal figure, the round trip the editor and
 * the program's snapshots rely on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz.h"
#include "limber-figure-draw.h"
#include "limber-problem.h"
#include "limber-xml.h"

/* A catalog of the seeds has 47 figures; more only slows the fuzzer. */
#define MAX_FIGURES 64

static cairo_surface_t *surface;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 96, 96);
  return 0;
}

static void
draw (LimberFigure *figure)
{
  static const LimberFigureShow shows[] = {
    LIMBER_FIGURE_SHOW_SHORTENED,
    LIMBER_FIGURE_SHOW_LENGTHENED,
    LIMBER_FIGURE_SHOW_SIDE_BY_SIDE,
    LIMBER_FIGURE_SHOW_OVERLAID,
  };

  for (guint i = 0; i < G_N_ELEMENTS (shows); i++)
    {
      LimberFigureStyle style;
      cairo_t *cr = cairo_create (surface);

      limber_figure_style_init (&style);
      style.show = shows[i];
      /* The left side, and the handout's fixed scale, once each. */
      style.mirror = i == 1;
      if (i == 2)
        {
          style.scale = LIMBER_FIGURE_SCALE_FIXED;
          style.body_height = 40;
        }
      limber_figure_draw (figure, cr, 2, 2, 92, 92, &style);
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        g_error ("The figure drew with an error: %s", cairo_status_to_string (cairo_status (cr)));
      cairo_destroy (cr);
    }
}

static void
round_trip (LimberFigure *figure)
{
  g_autoptr(GPtrArray) problems = fuzz_problems_new ();
  g_autoptr(LimberFigure) again = NULL;
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *root = xmlNewDocNode (doc, NULL, (const xmlChar *) "exercise", NULL);
  xmlNode *node;

  xmlDocSetRootElement (doc, root);
  node = limber_figure_write_xml (figure, root);
  again = limber_figure_new_from_xml (node, "written", problems);
  if (again == NULL || !limber_figure_equal (figure, again))
    {
      xmlBuffer *buf = xmlBufferCreate ();

      xmlNodeDump (buf, doc, node, 0, 1);
      g_error ("A figure written back %s:\n%s\n%s", again == NULL ? "does not read" : "reads as another",
               (const char *) xmlBufferContent (buf),
               problems->len > 0 ? ((LimberProblem *) g_ptr_array_index (problems, 0))->message : "");
    }
  xmlFreeDoc (doc);
}

static void
read_figures (xmlNode *node,
              guint   *n_figures)
{
  for (; node != NULL && *n_figures < MAX_FIGURES; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (limber_xml_is (node, "figure"))
        {
          g_autoptr(GPtrArray) problems = fuzz_problems_new ();
          g_autoptr(LimberFigure) figure = limber_figure_new_from_xml (node, "fuzz.xml", problems);

          (*n_figures)++;
          /* NULL always comes with a problem to show the user. */
          g_assert (figure != NULL || problems->len > 0);
          if (figure != NULL)
            {
              draw (figure);
              round_trip (figure);
            }
        }
      else
        read_figures (node->children, n_figures);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) problems = fuzz_problems_new ();
  xmlDoc *doc = limber_xml_parse_plain (bytes, "fuzz.xml", problems);
  guint n_figures = 0;

  if (doc == NULL)
    return 0;
  read_figures (xmlDocGetRootElement (doc), &n_figures);
  xmlFreeDoc (doc);
  return 0;
}
