/* bench-handout.c — a 40-stretch program to PDF, in every layout
 *
 * Builds a program of 40 bundled stretches (left, right and both sides),
 * then times laying it out and writing the PDF, a few runs each, and
 * reports the time and pages per second.  The target: under a second
 * for the whole export.  Run:
 *   meson test -C _build --benchmark --verbose handout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-handout"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "limber-catalog.h"
#include "limber-handout.h"
#include "limber-program.h"
#include "limber-xml.h"

#define N_STRETCHES 40
#define RUNS        5
#define TARGET_S    1.0

static LimberProgram *
forty_stretches (LimberCatalog *catalog)
{
  LimberProgram *program = limber_program_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalog));

  limber_program_set_field (program, LIMBER_PROGRAM_TITLE, "Forty stretches");
  limber_program_set_field (program, LIMBER_PROGRAM_PATIENT_NAME, "Sam Rivera");
  limber_program_set_field (program, LIMBER_PROGRAM_THERAPIST, "Alex Kim");
  limber_program_set_field (program, LIMBER_PROGRAM_CREATED, "2026-11-24");
  limber_program_set_field (program, LIMBER_PROGRAM_NOTES, "Go gently. Stop if it hurts.");
  for (guint i = 0; i < N_STRETCHES; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (catalog), i % n);
      LimberDosage dosage = { 0 };

      limber_program_insert_exercise (program, i, exercise);
      limber_program_item_get_dosage (limber_program_get_item (program, i), &dosage);
      dosage.side = (LimberSide) (1 + i % 3);
      limber_program_set_item_dosage (program, i, &dosage);
      limber_program_set_item_note (program, i, "Keep the other knee bent.");
    }
  return program;
}

int
main (int    argc,
      char **argv)
{
  static const char * const names[] = { "large", "standard", "compact" };
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(LimberProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  guint figures = 0;
  int status = 0;

  limber_xml_init ();
  limber_catalog_load_standard (catalog, NULL);
  if (g_list_model_get_n_items (G_LIST_MODEL (catalog)) == 0)
    {
      g_printerr ("No bundled catalog: set LIMBER_DATA_DIR\n");
      return 1;
    }
  program = forty_stretches (catalog);
  for (guint i = 0; i < N_STRETCHES; i++)
    figures += limber_exercise_get_figure (limber_program_item_get_exercise (limber_program_get_item (program, i)))
               != NULL;

  dir = g_dir_make_tmp ("limber-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "handout.pdf", NULL);
  file = g_file_new_for_path (path);

  printf ("%d stretches, %u with a figure; best of %d runs\n", N_STRETCHES, figures, RUNS);
  printf ("%-9s %6s %10s %10s %10s %9s %9s\n", "layout", "pages", "layout ms", "pdf ms", "total ms",
          "pages/s", "PDF KB");
  for (guint l = 0; l < G_N_ELEMENTS (names); l++)
    {
      LimberHandoutOptions options;
      double best_layout = G_MAXDOUBLE, best_pdf = G_MAXDOUBLE, best_total = G_MAXDOUBLE;
      int pages = 0;
      GStatBuf st = { 0 };

      limber_handout_options_init (&options);
      options.layout = l;
      options.paper = LIMBER_PAPER_A4;
      for (int run = 0; run < RUNS; run++)
        {
          gint64 t0 = g_get_monotonic_time (), t1, t2;
          g_autoptr(LimberHandout) handout = limber_handout_new (program, &options);

          t1 = g_get_monotonic_time ();
          if (!limber_handout_write_pdf (handout, file, &error))
            g_error ("%s", error->message);
          t2 = g_get_monotonic_time ();
          pages = limber_handout_get_n_pages (handout);
          best_layout = MIN (best_layout, (t1 - t0) / 1000.0);
          best_pdf = MIN (best_pdf, (t2 - t1) / 1000.0);
          best_total = MIN (best_total, (t2 - t0) / 1000.0);
        }
      g_stat (path, &st);
      printf ("%-9s %6d %10.1f %10.1f %10.1f %9.0f %9.0f%s\n", names[l], pages, best_layout, best_pdf,
              best_total, pages / (best_total / 1000.0), st.st_size / 1024.0,
              best_total / 1000.0 < TARGET_S ? "" : "  (over the 1 s target)");
      if (best_total / 1000.0 >= TARGET_S)
        status = 1;
      limber_handout_options_clear (&options);
    }
  g_unlink (path);
  g_rmdir (dir);
  return status;
}
