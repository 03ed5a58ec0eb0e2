/* limber-print-operation.c — printing a program's handout
 *
 * A GtkPrintOperation over the same page renderer that writes the PDF
 * and draws the preview (limber_handout_draw_page()): begin_print lays
 * the handout out for the paper chosen in the dialog, draw_page draws a
 * page.  The print settings and page setup chosen are remembered for
 * the rest of the session, as GNOME Text Editor does: printing three
 * handouts in a row asks for the printer once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-print-operation"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "limber-print-operation.h"

struct _LimberPrintOperation
{
  GtkPrintOperation     parent_instance;

  LimberProgram        *program;
  LimberHandoutOptions  options;
  LimberHandout        *handout;
};

G_DEFINE_FINAL_TYPE (LimberPrintOperation, limber_print_operation, GTK_TYPE_PRINT_OPERATION)

/* For the session, shared by every print operation. */
static GtkPrintSettings *last_settings;
static GtkPageSetup *last_page_setup;

/* The handout's paper nearest to the printer's: A4 or Letter by name,
 * else by shape (the page is scaled to fit whatever it is). */
static LimberPaper
paper_for (GtkPageSetup *setup)
{
  GtkPaperSize *size = gtk_page_setup_get_paper_size (setup);
  const char *name = gtk_paper_size_get_name (size);
  double w = gtk_paper_size_get_width (size, GTK_UNIT_POINTS);
  double h = gtk_paper_size_get_height (size, GTK_UNIT_POINTS);
  double ratio = MAX (w, h) / MAX (MIN (w, h), 1);

  if (g_strcmp0 (name, GTK_PAPER_NAME_A4) == 0)
    return LIMBER_PAPER_A4;
  if (g_strcmp0 (name, GTK_PAPER_NAME_LETTER) == 0)
    return LIMBER_PAPER_LETTER;
  return fabs (ratio - 842.0 / 595.0) <= fabs (ratio - 792.0 / 612.0) ? LIMBER_PAPER_A4 : LIMBER_PAPER_LETTER;
}

static void
limber_print_operation_begin_print (GtkPrintOperation *operation,
                                    GtkPrintContext   *context)
{
  LimberPrintOperation *self = LIMBER_PRINT_OPERATION (operation);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);

  g_clear_object (&last_page_setup);
  last_page_setup = gtk_page_setup_copy (setup);

  self->options.paper = paper_for (setup);
  g_clear_object (&self->handout);
  self->handout = limber_handout_new (self->program, &self->options);
  gtk_print_operation_set_n_pages (operation, limber_handout_get_n_pages (self->handout));
}

static void
limber_print_operation_draw_page (GtkPrintOperation *operation,
                                  GtkPrintContext   *context,
                                  int                page_nr)
{
  LimberPrintOperation *self = LIMBER_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double page_width, page_height, scale;

  g_return_if_fail (self->handout != NULL);

  /* The context is the whole sheet in points (full page): the handout's
   * own margins apply.  Another paper or landscape: scaled to fit. */
  limber_handout_get_page_size (self->handout, &page_width, &page_height);
  scale = MIN (width / page_width, height / page_height);
  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  limber_handout_draw_page (self->handout, cr, page_nr);
  cairo_restore (cr);
}

static void
limber_print_operation_done (GtkPrintOperation       *operation,
                             GtkPrintOperationResult  result)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
}

static void
limber_print_operation_finalize (GObject *object)
{
  LimberPrintOperation *self = (LimberPrintOperation *) object;

  g_clear_object (&self->program);
  g_clear_object (&self->handout);
  limber_handout_options_clear (&self->options);

  G_OBJECT_CLASS (limber_print_operation_parent_class)->finalize (object);
}

static void
limber_print_operation_class_init (LimberPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = limber_print_operation_finalize;
  print_class->begin_print = limber_print_operation_begin_print;
  print_class->draw_page = limber_print_operation_draw_page;
  print_class->done = limber_print_operation_done;
}

static void
limber_print_operation_init (LimberPrintOperation *self)
{
  limber_handout_options_init (&self->options);
}

/**
 * limber_print_operation_new:
 * @options: (nullable): the layout, language, clinic…; the paper is the
 *   default until the user picks another in the dialog
 *
 * Returns: (transfer full): an operation to run with
 *   gtk_print_operation_run()
 */
LimberPrintOperation *
limber_print_operation_new (LimberProgram              *program,
                            const LimberHandoutOptions *options)
{
  LimberPrintOperation *self;
  GtkPrintOperation *operation;
  const char *title;

  g_return_val_if_fail (LIMBER_IS_PROGRAM (program), NULL);

  self = g_object_new (LIMBER_TYPE_PRINT_OPERATION, NULL);
  operation = GTK_PRINT_OPERATION (self);
  self->program = g_object_ref (program);
  if (options != NULL)
    limber_handout_options_copy (&self->options, options);

  title = limber_program_get_title (program);
  gtk_print_operation_set_job_name (operation, title != NULL && *title ? title : _("Handout"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  /* The page setup of the last print, unless the handout has been set
   * to another paper since. */
  if (last_page_setup != NULL && paper_for (last_page_setup) == self->options.paper)
    gtk_print_operation_set_default_page_setup (operation, last_page_setup);
  else
    {
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
      GtkPaperSize *paper = gtk_paper_size_new (self->options.paper == LIMBER_PAPER_LETTER
                                                ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);

      gtk_page_setup_set_paper_size (setup, paper);
      gtk_paper_size_free (paper);
      gtk_print_operation_set_default_page_setup (operation, setup);
    }
  return self;
}

/**
 * limber_print_operation_get_handout:
 *
 * Returns: (nullable) (transfer none): the handout being printed, once
 *   printing has begun
 */
LimberHandout *
limber_print_operation_get_handout (LimberPrintOperation *self)
{
  g_return_val_if_fail (LIMBER_IS_PRINT_OPERATION (self), NULL);
  return self->handout;
}
