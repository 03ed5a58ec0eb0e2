/* test-exam-chart.c — the progress chart: what it holds, the pixels it
 * draws, its words in a PDF, and the therapist's copy that carries it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "limber-exam-chart.h"
#include "limber-exam-form.h"
#include "limber-exam-progress.h"
#include "limber-handout.h"
#include "limber-program.h"
#include "limber-xml.h"

typedef PopplerDocument Doc;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Doc, g_object_unref)

static char *tmp_dir;

/* The chart's colours, as 8-bit pixels (limber-exam-chart.c). */
#define BAND_RGB 204, 232, 204
#define LEFT_RGB 28, 79, 158
#define RIGHT_RGB 204, 84, 13

static LimberExam *
exam_on (const char *date)
{
  LimberExam *exam = limber_exam_new ();

  exam->date = g_strdup (date);
  return exam;
}

/* Hip extension left 5 → 12 → 20 and right 15 → 18, lumbar flexion
 * (midline), lumbar rotation (no normal range), pain; given out of
 * order, with an undated exam that cannot be placed. */
static GPtrArray *
three_visits (void)
{
  GPtrArray *exams = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_exam_free);
  LimberExam *e;

  e = exam_on ("2026-12-15");
  limber_exam_set_rom (e, "hip", LIMBER_SIDE_LEFT, "extension", 20);
  limber_exam_set_rom (e, "hip", LIMBER_SIDE_RIGHT, "extension", 18);
  limber_exam_set_rom (e, "lumbar", LIMBER_SIDE_UNSET, "flexion", 55);
  e->pain = 2;
  g_ptr_array_add (exams, e);
  e = exam_on ("2026-11-24");
  limber_exam_set_rom (e, "hip", LIMBER_SIDE_LEFT, "extension", 5);
  limber_exam_set_rom (e, "hip", LIMBER_SIDE_RIGHT, "extension", 15);
  limber_exam_set_rom (e, "lumbar", LIMBER_SIDE_UNSET, "flexion", 40);
  limber_exam_set_rom (e, "lumbar", LIMBER_SIDE_RIGHT, "rotation", 5);
  e->pain = 6;
  g_ptr_array_add (exams, e);
  e = exam_on (NULL);
  limber_exam_set_rom (e, "knee", LIMBER_SIDE_LEFT, "flexion", 90);
  g_ptr_array_add (exams, e);
  e = exam_on ("2026-12-01");
  limber_exam_set_rom (e, "hip", LIMBER_SIDE_LEFT, "extension", 12);
  e->pain = 4;
  g_ptr_array_add (exams, e);
  return exams;
}

static void
test_model (void)
{
  g_autoptr(GPtrArray) exams = three_visits ();
  g_autoptr(LimberExamChart) chart = limber_exam_chart_new (exams);
  g_autofree char *description = NULL;
  int low, high;

  g_ptr_array_set_size (exams, 0);   /* the chart keeps what it needs */
  g_assert_cmpuint (limber_exam_chart_get_n_exams (chart), ==, 3);
  /* One panel per measurement, in the reading order; pain last; the
   * undated knee is nowhere. */
  g_assert_cmpuint (limber_exam_chart_get_n_panels (chart), ==, 4);
  g_assert_cmpstr (limber_exam_chart_get_panel_title (chart, 0), ==, "Hip extension");
  g_assert_cmpstr (limber_exam_chart_get_panel_title (chart, 1), ==, "Lumbar flexion");
  g_assert_cmpstr (limber_exam_chart_get_panel_title (chart, 2), ==, "Lumbar rotation");
  g_assert_cmpstr (limber_exam_chart_get_panel_title (chart, 3), ==, "Pain");
  /* One line per side measured. */
  g_assert_cmpuint (limber_exam_chart_get_n_points (chart, 0, LIMBER_CHART_LEFT), ==, 3);
  g_assert_cmpuint (limber_exam_chart_get_n_points (chart, 0, LIMBER_CHART_RIGHT), ==, 2);
  g_assert_cmpuint (limber_exam_chart_get_n_points (chart, 0, LIMBER_CHART_MIDLINE), ==, 0);
  g_assert_cmpuint (limber_exam_chart_get_n_points (chart, 1, LIMBER_CHART_MIDLINE), ==, 2);
  g_assert_cmpuint (limber_exam_chart_get_n_points (chart, 1, LIMBER_CHART_LEFT), ==, 0);
  g_assert_cmpuint (limber_exam_chart_get_n_points (chart, 3, LIMBER_CHART_MIDLINE), ==, 3);
  /* The normal bands: AAOS hip extension 30°, AMA lumbar flexion 60°,
   * none for lumbar rotation or pain. */
  g_assert_true (limber_exam_chart_get_band (chart, 0, &low, &high));
  g_assert_cmpint (low, ==, 25);
  g_assert_cmpint (high, ==, 35);
  g_assert_true (limber_exam_chart_get_band (chart, 1, &low, &high));
  g_assert_cmpint (low, ==, 55);
  g_assert_cmpint (high, ==, 65);
  g_assert_false (limber_exam_chart_get_band (chart, 2, &low, &high));
  g_assert_false (limber_exam_chart_get_band (chart, 3, &low, &high));

  description = limber_exam_chart_describe (chart);
  g_assert_true (g_str_has_prefix (description, "Progress chart of 3 exams, from 24 Nov 2026 to 15 Dec 2026."));
  g_assert_nonnull (strstr (description, "\nHip extension, left: 5° on 24 Nov 2026, 12° on 1 Dec 2026, "
                                         "20° on 15 Dec 2026; normal 25° to 35°."));
  g_assert_nonnull (strstr (description, "\nHip extension, right: 15° on 24 Nov 2026, 18° on 15 Dec 2026; "
                                         "normal 25° to 35°."));
  g_assert_nonnull (strstr (description, "\nLumbar rotation, right: 5° on 24 Nov 2026."));
  g_assert_nonnull (strstr (description, "\nPain: 6 on 24 Nov 2026, 4 on 1 Dec 2026, 2 on 15 Dec 2026."));
}

/* Every form measurement has a reference and a band around it, or says
 * it has none (lumbar rotation only). */
static void
test_form_normals (void)
{
  guint n = 0, without = 0;

  for (guint r = 0; r < limber_exam_form_n_regions (); r++)
    for (guint m = 0; m < limber_exam_form_n_measures (r); m++)
      {
        const LimberExamMeasure *measure = limber_exam_form_measure (r, m);
        int low, high;

        n++;
        g_assert_true (limber_exam_form_find_measure (measure->joint, measure->motion) == measure);
        if (!limber_exam_measure_normal_band (measure, &low, &high))
          {
            without++;
            g_assert_cmpstr (measure->motion, ==, "rotation");
            continue;
          }
        g_assert_nonnull (measure->source);
        g_assert_cmpint (high - low, ==, 2 * LIMBER_EXAM_NORMAL_TOLERANCE);
        g_assert_cmpint (low, <=, measure->normal);
        g_assert_cmpint (measure->normal, <=, high);
      }
  g_assert_cmpuint (n, ==, 14);
  g_assert_cmpuint (without, ==, 1);
  g_assert_cmpstr (limber_exam_form_region_label (3), ==, "Low Back");
}

static gboolean
is_rgb (const guint8 *px,
        int           r,
        int           g,
        int           b)
{
  /* ARGB32, native endian: B G R A in memory on little-endian. */
  guint32 v = *(const guint32 *) px;

  return ABS ((int) ((v >> 16) & 0xff) - r) <= 2 && ABS ((int) ((v >> 8) & 0xff) - g) <= 2
         && ABS ((int) (v & 0xff) - b) <= 2;
}

typedef struct
{
  cairo_surface_t *surface;
  int              margin;
} Image;

/* The chart on white, @margin pixels in from every edge. */
static Image
render (LimberExamChart *chart,
        double           width,
        double           size,
        int              margin)
{
  int w = (int) width + 2 * margin;
  int h = (int) ceil (limber_exam_chart_get_height (chart, width, size)) + 2 * margin;
  Image image = { cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h), margin };
  cairo_t *cr = cairo_create (image.surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, margin, margin);
  limber_exam_chart_draw (chart, cr, width, size);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (image.surface);
  return image;
}

static const guint8 *
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  return cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4;
}

static guint
count_rgb (cairo_surface_t *surface,
           int              r,
           int              g,
           int              b,
           int             *top,
           int             *bottom)
{
  guint n = 0;

  *top = G_MAXINT, *bottom = -1;
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (is_rgb (pixel (surface, x, y), r, g, b))
        {
          n++;
          *top = MIN (*top, y), *bottom = MAX (*bottom, y);
        }
  return n;
}

/* Nothing is drawn outside the size the chart says it takes. */
static void
assert_inside (const Image *image)
{
  cairo_surface_t *s = image->surface;
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (x < image->margin || y < image->margin || x >= w - image->margin || y >= h - image->margin)
        if (!is_rgb (pixel (s, x, y), 255, 255, 255))
          g_error ("ink at %d, %d, outside the chart", x, y);
}

/* One panel, hip extension: the band at 25°–35° of an axis from 0° to
 * 40°, the left line from 5° up, the right line, inside the bounds. */
static void
test_pixels (void)
{
  g_autoptr(GPtrArray) exams = three_visits ();
  g_autoptr(LimberExamChart) chart = NULL;
  const double size = 10, width = 180;   /* one column */
  double plot_top, plot_h, x_first;
  int top, bottom;
  Image image;

  /* Keep only the hip. */
  for (guint i = 0; i < exams->len; i++)
    {
      LimberExam *e = g_ptr_array_index (exams, i);
      g_autoptr(GArray) keep = g_array_new (FALSE, FALSE, sizeof (int));

      e->pain = -1;
      for (guint r = 0; r < e->rom->len;)
        if (g_strcmp0 (g_array_index (e->rom, LimberRom, r).joint, "hip") != 0)
          g_array_remove_index (e->rom, r);
        else
          r++;
    }
  chart = limber_exam_chart_new (exams);
  g_assert_cmpuint (limber_exam_chart_get_n_panels (chart), ==, 1);
  g_assert_cmpuint (limber_exam_chart_get_n_rows (chart, width, size), ==, 1);
  image = render (chart, width, size, 20);
  if (g_getenv ("LIMBER_SCREENSHOT") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("LIMBER_SCREENSHOT"), "exam-chart-pixels.png", NULL);
      cairo_surface_write_to_png (image.surface, path);
    }
  assert_inside (&image);

  /* The geometry of limber-exam-chart.c: the legend (two lines here:
   * it wraps), then the panel's title 2.2 size, a plot 8.2 size tall. */
  g_assert_cmpfloat (limber_exam_chart_get_legend_height (chart, width, size), ==, size * 0.6 + 2 * size * 1.6);
  plot_top = image.margin + limber_exam_chart_get_legend_height (chart, width, size) + size * 2.2;
  plot_h = size * 13 - size * 2.2 - size * 2.6;
  g_assert_cmpuint (count_rgb (image.surface, BAND_RGB, &top, &bottom), >, 500);
  /* The legend's sample is above the plot: look in the plot only. */
  {
    int band_top = G_MAXINT, band_bottom = -1;

    for (int y = (int) plot_top; y < (int) (plot_top + plot_h); y++)
      for (int x = image.margin; x < image.margin + (int) width; x++)
        if (is_rgb (pixel (image.surface, x, y), BAND_RGB))
          band_top = MIN (band_top, y), band_bottom = MAX (band_bottom, y);
    g_assert_cmpint (ABS (band_top - (int) (plot_top + plot_h * (1 - 35.0 / 40))), <=, 2);
    g_assert_cmpint (ABS (band_bottom - (int) (plot_top + plot_h * (1 - 25.0 / 40))), <=, 2);
  }
  /* The left line's first dot: 5° on the first date. */
  x_first = image.margin + size * 3.2 + size * 1.6;
  g_assert_true (is_rgb (pixel (image.surface, (int) x_first, (int) (plot_top + plot_h * (1 - 5.0 / 40))),
                         LEFT_RGB));
  g_assert_cmpuint (count_rgb (image.surface, LEFT_RGB, &top, &bottom), >, 100);
  g_assert_cmpuint (count_rgb (image.surface, RIGHT_RGB, &top, &bottom), >, 50);
  cairo_surface_destroy (image.surface);

  /* Only the left side measured: no right line, not even in the legend. */
  for (guint i = 0; i < exams->len; i++)
    {
      LimberExam *e = g_ptr_array_index (exams, i);

      for (guint r = 0; r < e->rom->len;)
        if (g_array_index (e->rom, LimberRom, r).side == LIMBER_SIDE_RIGHT)
          g_array_remove_index (e->rom, r);
        else
          r++;
    }
  g_clear_object (&chart);
  chart = limber_exam_chart_new (exams);
  image = render (chart, width, size, 20);
  g_assert_cmpuint (count_rgb (image.surface, RIGHT_RGB, &top, &bottom), ==, 0);
  g_assert_cmpuint (count_rgb (image.surface, LEFT_RGB, &top, &bottom), >, 100);
  cairo_surface_destroy (image.surface);
}

/* No band where there is no reference; nothing at all with no exam. */
static void
test_pixels_no_band (void)
{
  g_autoptr(GPtrArray) exams = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_exam_free);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(LimberExamChart) chart = NULL;
  g_autoptr(LimberExamChart) empty = limber_exam_chart_new (none);
  g_autofree char *nothing = limber_exam_chart_describe (empty);
  LimberExam *e = exam_on ("2026-11-24");
  Image image;
  int top, bottom;

  limber_exam_set_rom (e, "lumbar", LIMBER_SIDE_LEFT, "rotation", 5);
  g_ptr_array_add (exams, e);
  chart = limber_exam_chart_new (exams);
  image = render (chart, 400, 10, 10);
  assert_inside (&image);
  g_assert_cmpuint (count_rgb (image.surface, BAND_RGB, &top, &bottom), ==, 0);
  g_assert_cmpuint (count_rgb (image.surface, LEFT_RGB, &top, &bottom), >, 10);
  cairo_surface_destroy (image.surface);

  g_assert_cmpfloat (limber_exam_chart_get_height (empty, 400, 10), ==, 0);
  g_assert_cmpstr (nothing, ==, "Progress chart: nothing measured yet.");
}

/* Extremes stay inside: the schema's bounds, 120 exams (dates that
 * would overlap are left out), exams all on one day, a value repeated. */
static void
test_pixels_extremes (void)
{
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_exam_free);
  g_autoptr(GPtrArray) one_day = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_exam_free);
  g_autoptr(LimberExamChart) chart = NULL;
  g_autoptr(LimberExamChart) same = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  Image image;

  for (guint i = 0; i < 120; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, (int) i * 3);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      LimberExam *e = exam_on (date);

      limber_exam_set_rom (e, "hip", LIMBER_SIDE_LEFT, "flexion", i % 2 ? -180 : 180);
      limber_exam_set_rom (e, "knee", LIMBER_SIDE_RIGHT, "extension", g_rand_int_range (rand, -180, 181));
      e->pain = g_rand_int_range (rand, 0, 11);
      g_ptr_array_add (many, e);
      e = exam_on ("2026-11-24");
      limber_exam_set_rom (e, "lumbar", LIMBER_SIDE_UNSET, "flexion", 40);
      g_ptr_array_add (one_day, e);
    }
  chart = limber_exam_chart_new (many);
  g_assert_cmpuint (limber_exam_chart_get_n_exams (chart), ==, 120);
  image = render (chart, 300, 10, 16);
  assert_inside (&image);
  cairo_surface_destroy (image.surface);

  same = limber_exam_chart_new (one_day);
  g_assert_cmpuint (limber_exam_chart_get_n_points (same, 0, LIMBER_CHART_MIDLINE), ==, 120);
  image = render (same, 300, 10, 16);
  assert_inside (&image);
  cairo_surface_destroy (image.surface);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(Doc) doc = poppler_document_new_from_file (uri, NULL, &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (s, text);
      g_string_append_c (s, '\n');
      g_object_unref (page);
    }
  return g_string_free (s, FALSE);
}

/* In a PDF the chart is vector and its words are text: titles, axis
 * values, dates, the legend. */
static void
test_pdf_labels (void)
{
  g_autoptr(GPtrArray) exams = three_visits ();
  g_autoptr(LimberExamChart) chart = limber_exam_chart_new (exams);
  g_autofree char *path = g_build_filename (g_getenv ("CHART_PDF") ? g_getenv ("CHART_PDF") : tmp_dir, "chart.pdf", NULL);
  g_autofree char *text = NULL;
  double width = 500, size = 10;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width + 40,
                                                       limber_exam_chart_get_height (chart, width, size) + 40);
  cairo_t *cr = cairo_create (surface);

  cairo_translate (cr, 20, 20);
  limber_exam_chart_draw (chart, cr, width, size);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  text = pdf_text (path);
  for (guint i = 0; i < limber_exam_chart_get_n_panels (chart); i++)
    g_assert_nonnull (strstr (text, limber_exam_chart_get_panel_title (chart, i)));
  g_assert_nonnull (strstr (text, "24 Nov"));
  g_assert_nonnull (strstr (text, "1 Dec"));
  g_assert_nonnull (strstr (text, "15 Dec"));
  g_assert_nonnull (strstr (text, "30°"));
  g_assert_nonnull (strstr (text, "Left"));
  g_assert_nonnull (strstr (text, "Right"));
  g_assert_nonnull (strstr (text, "Normal range (AAOS, AMA)"));
}

/* Without white space (poppler breaks lines where the page does, and
 * reads a no-break space as a space). */
static char *
squeeze (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (s, g_utf8_get_char (p));
  return g_string_free (s, FALSE);
}

static LimberProgram *
load (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "files", "program", "valid", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LimberProgram *program = limber_program_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return program;
}

static char *
export (LimberProgram *program,
        gboolean       therapist_copy,
        const char    *name)
{
  g_auto(LimberHandoutOptions) options;
  g_autoptr(LimberHandout) handout = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  limber_handout_options_init (&options);
  options.therapist_copy = therapist_copy;
  handout = limber_handout_new (program, &options);
  g_assert_true (limber_handout_write_pdf (handout, file, &error));
  g_assert_no_error (error);
  return pdf_text (path);
}

/* The therapist's copy: the progress lines with their dates, then the
 * chart with a panel per measurement; the patient's copy has neither. */
static void
test_therapist_copy (void)
{
  g_autoptr(LimberProgram) program = load ("exam-regions.limber");
  g_autofree char *raw = export (program, TRUE, "therapist.pdf");
  g_autofree char *copy = squeeze (raw);
  g_autofree char *patient = export (program, FALSE, "patient.pdf");
  const char *progress, *legend;

  progress = strstr (copy, "Progress");
  g_assert_nonnull (progress);
  g_assert_nonnull (strstr (progress, "Kneeflexion,left:120°(24Nov)→126°(1Dec)→131°(15Dec)"));
  g_assert_nonnull (strstr (progress, "Lumbarflexion:40°(24Nov)→48°(1Dec)→55°(15Dec)"));
  g_assert_nonnull (strstr (progress, "Slumptest,left:positive(24Nov)→negative(1Dec)"));
  /* Then the chart: its legend, a panel per measurement, the dates. */
  legend = strstr (progress, "Normalrange(AAOS,AMA)");
  g_assert_nonnull (legend);
  g_assert_nonnull (strstr (legend, "Kneeflexion"));
  g_assert_nonnull (strstr (legend, "Ankledorsiflexion"));
  g_assert_nonnull (strstr (legend, "Lumbarflexion"));
  g_assert_nonnull (strstr (legend, "Pain"));
  g_assert_nonnull (strstr (legend, "15Dec"));
  g_assert_null (strstr (patient, "Normal range (AAOS, AMA)"));
  g_assert_null (strstr (patient, "Knee flexion, left"));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* The expected strings are the untranslated ones. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  limber_xml_init ();
  tmp_dir = g_dir_make_tmp ("limber-chart-XXXXXX", NULL);

  g_test_add_func ("/exam-chart/model", test_model);
  g_test_add_func ("/exam-chart/form-normals", test_form_normals);
  g_test_add_func ("/exam-chart/pixels", test_pixels);
  g_test_add_func ("/exam-chart/pixels-no-band", test_pixels_no_band);
  g_test_add_func ("/exam-chart/pixels-extremes", test_pixels_extremes);
  g_test_add_func ("/exam-chart/pdf-labels", test_pdf_labels);
  g_test_add_func ("/exam-chart/therapist-copy", test_therapist_copy);
  ret = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (tmp_dir);
  }
  return ret;
}
