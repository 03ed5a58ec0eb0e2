/* fuzz-handout.c — a program file, laid out and printed as a handout
 *
 * The handout is what reaches the patient: every text, dosage, figure
 * and embedded picture of the program goes through Pango and cairo.  The
 * pages are drawn onto a PDF surface whose bytes are thrown away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>

#include "fuzz.h"
#include "limber-handout.h"

static LimberCatalog *catalog;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  catalog = fuzz_catalog_new ();
  return 0;
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(LimberProgram) program = NULL;
  g_autoptr(LimberHandout) handout = NULL;
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  int n_pages;

  program = limber_program_load_bytes (bytes, "fuzz.limber", catalog, NULL, NULL);
  if (program == NULL)
    return 0;

  handout = limber_handout_new (program, NULL);
  n_pages = limber_handout_get_n_pages (handout);
  limber_handout_get_page_size (handout, &width, &height);
  g_assert (n_pages >= 1);
  g_assert (width > 0 && height > 0);

  surface = cairo_pdf_surface_create_for_stream (discard, NULL, width, height);
  cr = cairo_create (surface);
  for (int page = 0; page < n_pages; page++)
    {
      limber_handout_draw_page (handout, cr, page);
      cairo_show_page (cr);
    }
  /* A drawing error (a NaN coordinate, an unbalanced save/restore)
   * leaves cairo in an error state: a bug, even if nothing crashed. */
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    g_error ("The handout drew with an error: %s", cairo_status_to_string (cairo_status (cr)));
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return 0;
}
