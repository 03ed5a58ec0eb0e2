/* test-figure.c — figures: IK, mirroring, bounds, vector output, bad data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "limber-catalog.h"
#include "limber-contact-sheet.h"
#include "limber-figure-draw.h"
#include "limber-figure.h"
#include "limber-paths.h"
#include "limber-problem.h"
#include "limber-xml.h"

/* The bundled figures, from the catalog (shared by the tests). */
static LimberCatalog *bundled;

static const char *five[] = {
  "iliopsoas-half-kneeling", "piriformis-supine-figure-4", "rectus-femoris-side-lying",
  "tensor-fasciae-latae-standing", "hamstrings-supine-strap",
};

static const LimberFigureShow all_shows[] = {
  LIMBER_FIGURE_SHOW_SHORTENED, LIMBER_FIGURE_SHOW_LENGTHENED,
  LIMBER_FIGURE_SHOW_SIDE_BY_SIDE, LIMBER_FIGURE_SHOW_OVERLAID,
};

static gboolean
contains_nocase (const char *haystack,
                 const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack, -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);

  return strstr (h, n) != NULL;
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "files", "figure", name, NULL);
}

/* A figure from the text of a <figure> element. */
static LimberFigure *
figure_from_string (const char *xml,
                    GPtrArray  *problems)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  xmlDoc *doc = limber_xml_parse_plain (bytes, "test.xml", problems);
  LimberFigure *figure;

  g_assert_nonnull (doc);
  figure = limber_figure_new_from_xml (xmlDocGetRootElement (doc), "test.xml", problems);
  xmlFreeDoc (doc);
  return figure;
}

static LimberFigure *
good_figure (const char *xml)
{
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  LimberFigure *figure = figure_from_string (xml, problems);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((LimberProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (figure);
  return figure;
}

/* Every exercise of the bundled catalog that has a figure. */
static GPtrArray *
bundled_figures (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (bundled));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (bundled), i);

      if (limber_exercise_get_figure (exercise) != NULL)
        g_ptr_array_add (list, g_object_ref (exercise));
    }
  return list;
}

static double
box_distance (LimberFigure            *figure,
              const LimberFigureStyle *style,
              double                   size,
              LimberPhase              phase,
              double                   ax,
              double                   ay,
              double                   bx,
              double                   by)
{
  double x0, y0, x1, y1;

  g_assert_true (_limber_figure_locate (figure, 0, 0, size, size, style, phase, ax, ay, &x0, &y0));
  g_assert_true (_limber_figure_locate (figure, 0, 0, size, size, style, phase, bx, by, &x1, &y1));
  return hypot (x1 - x0, y1 - y0);
}

/* ------------------------------------------------------------------ */

static void
test_bundled_have_figures (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (five); i++)
    {
      LimberExercise *exercise = limber_catalog_lookup (bundled, five[i]);

      g_assert_nonnull (exercise);
      g_assert_nonnull (limber_exercise_get_figure (exercise));
      g_assert_nonnull (limber_exercise_get_figure_xml (exercise));
    }
}

/* The program's snapshots carry the same figures as the catalog. */
static void
test_example_snapshots (void)
{
  g_autoptr(GFile) file = limber_paths_example ("tight-hips.limber");
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  xmlDoc *doc;
  guint found = 0;

  g_assert_nonnull (bytes);
  doc = limber_xml_parse_plain (bytes, "tight-hips.limber", problems);
  g_assert_nonnull (doc);
  for (xmlNode *item = xmlDocGetRootElement (doc)->children; item != NULL; item = item->next)
    {
      xmlNode *exercise = item->type == XML_ELEMENT_NODE ? limber_xml_find_child (item, "exercise") : NULL;
      xmlNode *node = exercise != NULL ? limber_xml_find_child (exercise, "figure") : NULL;
      g_autofree char *id = NULL;
      g_autoptr(LimberFigure) figure = NULL;
      LimberExercise *original;

      if (node == NULL)
        continue;
      id = (char *) xmlGetNoNsProp (exercise, (const xmlChar *) "id");
      figure = limber_figure_new_from_xml (node, "tight-hips.limber", problems);
      original = limber_catalog_lookup (bundled, id);
      g_assert_nonnull (figure);
      g_assert_nonnull (original);
      g_assert_true (limber_figure_equal (figure, limber_exercise_get_figure (original)));
      found++;
    }
  xmlFreeDoc (doc);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (five));
}

/* ------------------------------------------------------------------ */
/* Inverse kinematics                                                 */

static void
test_hand_on_knee (void)
{
  g_autoptr(LimberFigure) figure = good_figure (
    "<figure>"
    "  <shortened trunk='30' right-hip='100' right-knee='100'>"
    "    <reach limb='left-hand' to='right-knee'/>"
    "  </shortened>"
    "  <lengthened trunk='60' left-hip='110' left-knee='90'>"
    "    <reach limb='right-hand' to='left-knee'/>"
    "    <reach limb='left-hand' to='left-thigh' at='0.3' surface='front'/>"
    "  </lengthened>"
    "</figure>");
  const LimberPoseSolved *s = limber_figure_get_solved (figure, LIMBER_PHASE_SHORTENED);
  const LimberPoseSolved *l = limber_figure_get_solved (figure, LIMBER_PHASE_LENGTHENED);
  LimberFigureStyle style;
  double d, tx, ty, r;

  limber_figure_style_init (&style);
  style.show = LIMBER_FIGURE_SHOW_OVERLAID;

  d = box_distance (figure, &style, 200, LIMBER_PHASE_SHORTENED,
                    s->x[LIMBER_POINT_LEFT_HAND], s->y[LIMBER_POINT_LEFT_HAND],
                    s->x[LIMBER_POINT_RIGHT_KNEE], s->y[LIMBER_POINT_RIGHT_KNEE]);
  g_test_message ("left hand to right knee: %g px", d);
  g_assert_cmpfloat (d, <, 1.0);

  d = box_distance (figure, &style, 200, LIMBER_PHASE_LENGTHENED,
                    l->x[LIMBER_POINT_RIGHT_HAND], l->y[LIMBER_POINT_RIGHT_HAND],
                    l->x[LIMBER_POINT_LEFT_KNEE], l->y[LIMBER_POINT_LEFT_KNEE]);
  g_assert_cmpfloat (d, <, 1.0);

  /* On a surface: the hand touches it, its middle one hand's radius out. */
  r = limber_segment_radius (LIMBER_SEGMENT_LEFT_FOREARM, LIMBER_VIEW_SIDE, 1);
  limber_pose_segment_point (l, LIMBER_VIEW_SIDE, LIMBER_SEGMENT_LEFT_THIGH, 0.3, LIMBER_SURFACE_FRONT, r,
                             &tx, &ty);
  d = box_distance (figure, &style, 200, LIMBER_PHASE_LENGTHENED,
                    l->x[LIMBER_POINT_LEFT_HAND], l->y[LIMBER_POINT_LEFT_HAND], tx, ty);
  g_assert_cmpfloat (d, <, 1.0);
}

/* The pressing hand goes where the pressure is, in both phases. */
static void
test_pressing_hand (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (five); i++)
    {
      LimberFigure *figure = limber_exercise_get_figure (limber_catalog_lookup (bundled, five[i]));
      const LimberPressure *pressure = limber_figure_get_pressure (figure);
      LimberFigureStyle style;

      limber_figure_style_init (&style);
      if (pressure == NULL || pressure->by != LIMBER_PRESSURE_HAND)
        continue;
      for (LimberPhase phase = 0; phase < LIMBER_N_PHASES; phase++)
        {
          const LimberPoseSolved *s = limber_figure_get_solved (figure, phase);
          double r = limber_segment_radius (LIMBER_SEGMENT_RIGHT_FOREARM, LIMBER_VIEW_SIDE, 1);
          double tx, ty, d;

          limber_pose_segment_point (s, limber_figure_get_view (figure), pressure->segment, pressure->at,
                                     pressure->surface, r, &tx, &ty);
          d = box_distance (figure, &style, 200, phase, s->x[pressure->hand], s->y[pressure->hand], tx, ty);
          g_test_message ("%s, phase %d: the hand is %g px from the pressure point", five[i], phase, d);
          g_assert_cmpfloat (d, <, 1.0);
        }
    }
}

/* surface="side" on the trunk: in the front view the point (and the
 * pressing hand) sits on the figure's right edge, between rib and
 * pelvis; seen from the side the flank faces the viewer, so it stays on
 * the middle line. */
static void
test_flank_pressure (void)
{
  g_autoptr(LimberFigure) figure = good_figure (
    "<figure view='front'>"
    "  <pressure segment='trunk' at='0.35' surface='side' by='hand' hand='right-hand'/>"
    "  <shortened trunk='10'/>"
    "  <lengthened trunk='-20'/>"
    "</figure>");
  LimberFigureStyle style;
  double mx, my, fx, fy, sx, sy, r, d;

  limber_figure_style_init (&style);
  for (LimberPhase phase = 0; phase < LIMBER_N_PHASES; phase++)
    {
      const LimberPoseSolved *s = limber_figure_get_solved (figure, phase);

      limber_pose_segment_point (s, LIMBER_VIEW_FRONT, LIMBER_SEGMENT_TRUNK, 0.35, LIMBER_SURFACE_NONE, 0,
                                 &mx, &my);
      limber_pose_segment_point (s, LIMBER_VIEW_FRONT, LIMBER_SEGMENT_TRUNK, 0.35, LIMBER_SURFACE_SIDE, 0,
                                 &fx, &fy);
      r = limber_pose_radius (s, LIMBER_VIEW_FRONT, LIMBER_SEGMENT_TRUNK, 0.35);
      g_assert_cmpfloat (r, >, 0.05);
      /* Half the trunk's width from the middle, toward the right hip. */
      g_assert_cmpfloat_with_epsilon (hypot (fx - mx, fy - my), r, 1e-9);
      g_assert_cmpfloat ((fx - mx) * (s->x[LIMBER_POINT_RIGHT_HIP] - s->x[LIMBER_POINT_LEFT_HIP]), >, 0);
      /* The pressing hand goes there. */
      r = limber_segment_radius (LIMBER_SEGMENT_RIGHT_FOREARM, LIMBER_VIEW_SIDE, 1);
      limber_pose_segment_point (s, LIMBER_VIEW_FRONT, LIMBER_SEGMENT_TRUNK, 0.35, LIMBER_SURFACE_SIDE, r,
                                 &fx, &fy);
      d = box_distance (figure, &style, 200, phase, s->x[LIMBER_POINT_RIGHT_HAND], s->y[LIMBER_POINT_RIGHT_HAND],
                        fx, fy);
      g_assert_cmpfloat (d, <, 1.0);
      /* From the side: the middle line. */
      limber_pose_segment_point (s, LIMBER_VIEW_SIDE, LIMBER_SEGMENT_TRUNK, 0.35, LIMBER_SURFACE_SIDE, 0.02,
                                 &sx, &sy);
      limber_pose_segment_point (s, LIMBER_VIEW_SIDE, LIMBER_SEGMENT_TRUNK, 0.35, LIMBER_SURFACE_NONE, 0.02,
                                 &mx, &my);
      g_assert_cmpfloat_with_epsilon (sx, mx, 1e-9);
      g_assert_cmpfloat_with_epsilon (sy, my, 1e-9);
    }
}

static void
assert_flat_on (const LimberPoseSolved *s,
                LimberView              view,
                LimberSegment           foot,
                double                  floor)
{
  LimberPoint ankle = limber_segment_start (foot), toe = limber_segment_end (foot);
  double under_heel = s->y[ankle] - limber_segment_radius (foot, view, 0);
  double under_toe = s->y[toe] - limber_segment_radius (foot, view, 1);

  /* Its underside is level, and on the floor. */
  g_assert_cmpfloat_with_epsilon (under_heel, under_toe, 1e-9);
  g_assert_cmpfloat_with_epsilon (under_heel, floor, 1e-6);
}

static void
test_foot_flat (void)
{
  g_autoptr(LimberFigure) figure = good_figure (
    "<figure>"
    "  <prop kind='mat'/>"
    "  <shortened right-ankle='-30' left-ankle='25'>"
    "    <flat limb='right-foot' on='floor'/>"
    "    <flat limb='left-foot' on='floor'/>"
    "  </shortened>"
    "  <lengthened trunk='-90' right-hip='50' right-knee='100'>"
    "    <flat limb='right-foot' on='floor'/>"
    "  </lengthened>"
    "</figure>");
  const LimberPoseSolved *s = limber_figure_get_solved (figure, LIMBER_PHASE_SHORTENED);
  const LimberPoseSolved *l = limber_figure_get_solved (figure, LIMBER_PHASE_LENGTHENED);

  assert_flat_on (s, LIMBER_VIEW_SIDE, LIMBER_SEGMENT_RIGHT_FOOT, LIMBER_FIGURE_MAT_THICKNESS);
  assert_flat_on (s, LIMBER_VIEW_SIDE, LIMBER_SEGMENT_LEFT_FOOT, LIMBER_FIGURE_MAT_THICKNESS);
  /* Lying with a knee bent: the back and the head on the mat, the foot
   * set down on it. */
  assert_flat_on (l, LIMBER_VIEW_SIDE, LIMBER_SEGMENT_RIGHT_FOOT, LIMBER_FIGURE_MAT_THICKNESS);
  g_assert_cmpfloat_with_epsilon (MIN (l->y[LIMBER_POINT_PELVIS]
                                       - limber_segment_radius (LIMBER_SEGMENT_TRUNK, LIMBER_VIEW_SIDE, 0),
                                       l->y[LIMBER_POINT_NECK]
                                       - limber_segment_radius (LIMBER_SEGMENT_TRUNK, LIMBER_VIEW_SIDE, 1)),
                                  LIMBER_FIGURE_MAT_THICKNESS, 1e-6);
  g_assert_cmpfloat_with_epsilon (l->y[LIMBER_POINT_HEAD] - LIMBER_FIGURE_HEAD_RADIUS,
                                  LIMBER_FIGURE_MAT_THICKNESS, 1e-6);
}

/* Out of reach, a limb points straight at its target; nothing fails. */
static void
test_unreachable (void)
{
  g_autofree char *path = fixture ("unreachable.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GError) error = NULL;
  LimberFigure *figure;
  const LimberPoseSolved *s;
  double sx, sy, ex, ey, hx, hy;
  double tx = 2.5 - limber_segment_radius (LIMBER_SEGMENT_RIGHT_FOREARM, LIMBER_VIEW_SIDE, 1), ty = 0.8;

  g_assert_true (limber_catalog_add_file (catalog, file, &error));
  g_assert_no_error (error);
  figure = limber_exercise_get_figure (limber_catalog_lookup (catalog, "unreachable"));
  g_assert_nonnull (figure);
  s = limber_figure_get_solved (figure, LIMBER_PHASE_SHORTENED);

  /* The right arm is straight and points at the wall's point (2.5, 0.8). */
  sx = s->x[LIMBER_POINT_RIGHT_SHOULDER], sy = s->y[LIMBER_POINT_RIGHT_SHOULDER];
  ex = s->x[LIMBER_POINT_RIGHT_ELBOW], ey = s->y[LIMBER_POINT_RIGHT_ELBOW];
  hx = s->x[LIMBER_POINT_RIGHT_HAND], hy = s->y[LIMBER_POINT_RIGHT_HAND];
  g_assert_cmpfloat (fabs ((ex - sx) * (hy - ey) - (ey - sy) * (hx - ex)), <, 1e-9);
  g_assert_cmpfloat (fabs ((hx - sx) * (ty - sy) - (hy - sy) * (tx - sx)), <, 1e-9);
  g_assert_cmpfloat (hx, >, sx);
  for (int i = 0; i < LIMBER_N_POINTS; i++)
    for (LimberPhase phase = 0; phase < LIMBER_N_PHASES; phase++)
      {
        g_assert_true (isfinite (limber_figure_get_solved (figure, phase)->x[i]));
        g_assert_true (isfinite (limber_figure_get_solved (figure, phase)->y[i]));
      }
}

/* The same data gives the same figure, to the last bit. */
static void
test_deterministic (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (five); i++)
    {
      LimberExercise *exercise = limber_catalog_lookup (bundled, five[i]);
      g_autoptr(LimberFigure) again = good_figure (limber_exercise_get_figure_xml (exercise));

      for (LimberPhase phase = 0; phase < LIMBER_N_PHASES; phase++)
        g_assert_true (memcmp (limber_figure_get_solved (again, phase),
                               limber_figure_get_solved (limber_exercise_get_figure (exercise), phase),
                               sizeof (LimberPoseSolved)) == 0);
    }
}

/* ------------------------------------------------------------------ */
/* Drawing                                                            */

static void
test_mirror (void)
{
  g_autoptr(GPtrArray) figures = bundled_figures ();
  const double bx = 10, by = 20, bw = 300, bh = 200;

  g_assert_cmpuint (figures->len, >=, G_N_ELEMENTS (five));
  for (guint i = 0; i < figures->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (all_shows); k++)
      {
        LimberFigure *figure = limber_exercise_get_figure (g_ptr_array_index (figures, i));
        const LimberPoseSolved *s = limber_figure_get_solved (figure, LIMBER_PHASE_LENGTHENED);
        LimberFigureStyle style, mirrored;

        if (all_shows[k] == LIMBER_FIGURE_SHOW_SIDE_BY_SIDE)
          continue;   /* each panel mirrors in place: not about the box */
        limber_figure_style_init (&style);
        style.show = all_shows[k];
        mirrored = style;
        mirrored.mirror = TRUE;
        for (int p = 0; p < LIMBER_N_POINTS; p++)
          {
            double x0, y0, x1, y1;
            LimberPhase phase = all_shows[k] == LIMBER_FIGURE_SHOW_SHORTENED ? LIMBER_PHASE_SHORTENED
                                                                             : LIMBER_PHASE_LENGTHENED;

            s = limber_figure_get_solved (figure, phase);
            g_assert_true (_limber_figure_locate (figure, bx, by, bw, bh, &style, phase, s->x[p], s->y[p], &x0, &y0));
            g_assert_true (_limber_figure_locate (figure, bx, by, bw, bh, &mirrored, phase, s->x[p], s->y[p],
                                                  &x1, &y1));
            g_assert_cmpfloat_with_epsilon (x0 + x1, 2 * (bx + bw / 2), 1e-9);
            g_assert_cmpfloat_with_epsilon (y0, y1, 1e-9);
          }
      }
}

/* The right hand is on the left of the box when mirrored, and the ink
 * of a mirrored drawing is the mirror image of the ink. */
static void
test_mirror_ink (void)
{
  LimberFigure *figure = limber_exercise_get_figure (limber_catalog_lookup (bundled, "iliopsoas-half-kneeling"));
  LimberFigureStyle style;
  double ext[2][4];

  limber_figure_style_init (&style);
  style.show = LIMBER_FIGURE_SHOW_LENGTHENED;
  for (int m = 0; m < 2; m++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);

      style.mirror = m;
      limber_figure_draw (figure, cr, 0, 0, 200, 200, &style);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &ext[m][0], &ext[m][1], &ext[m][2], &ext[m][3]);
      cairo_surface_destroy (surface);
    }
  g_assert_cmpfloat_with_epsilon (ext[0][0], 200 - ext[1][0] - ext[1][2], 1.01);
  g_assert_cmpfloat_with_epsilon (ext[0][1], ext[1][1], 1e-6);
  g_assert_cmpfloat_with_epsilon (ext[0][2], ext[1][2], 1.01);
}

/* Nothing is cut off: the ink stays clear of the box's edges (it would
 * touch them where the clip cut something). */
static void
test_bounds (void)
{
  g_autoptr(GPtrArray) figures = bundled_figures ();
  const double sizes[][2] = { { 64, 64 }, { 300, 300 }, { 128, 64 }, { 64, 128 }, { 600, 300 } };
  const double bx = 7, by = 11;

  for (guint i = 0; i < figures->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (all_shows); k++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        for (int m = 0; m < 2; m++)
          {
            LimberExercise *exercise = g_ptr_array_index (figures, i);
            cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
            cairo_t *cr = cairo_create (surface);
            LimberFigureStyle style;
            double x, y, w, h;

            limber_figure_style_init (&style);
            style.show = all_shows[k];
            style.mirror = m;
            limber_figure_draw (limber_exercise_get_figure (exercise), cr, bx, by, sizes[z][0], sizes[z][1],
                                &style);
            g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
            cairo_destroy (cr);
            cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
            cairo_surface_destroy (surface);
            if (x < bx + 0.5 || y < by + 0.5 || x + w > bx + sizes[z][0] - 0.5 || y + h > by + sizes[z][1] - 0.5)
              g_test_fail_printf ("%s, show %d, %gx%g%s: ink %g,%g %gx%g reaches the box's edge",
                                  limber_exercise_get_id (exercise), all_shows[k], sizes[z][0], sizes[z][1],
                                  m ? " mirrored" : "", x, y, w, h);
            g_assert_cmpfloat (w, >, sizes[z][0] * 0.3);
          }
}

/* A fixed scale is the same for every figure, unless one would not fit. */
static void
test_fixed_scale (void)
{
  LimberFigure *kneeling = limber_exercise_get_figure (limber_catalog_lookup (bundled, "iliopsoas-half-kneeling"));
  LimberFigure *lying = limber_exercise_get_figure (limber_catalog_lookup (bundled, "hamstrings-supine-strap"));
  LimberFigureStyle style;
  double x0, y0, x1, y1;

  limber_figure_style_init (&style);
  style.show = LIMBER_FIGURE_SHOW_SHORTENED;
  style.scale = LIMBER_FIGURE_SCALE_FIXED;
  style.body_height = 100;
  g_assert_true (_limber_figure_locate (kneeling, 0, 0, 400, 400, &style, 0, 0, 0, &x0, &y0));
  g_assert_true (_limber_figure_locate (kneeling, 0, 0, 400, 400, &style, 0, 0, 1, &x1, &y1));
  g_assert_cmpfloat_with_epsilon (y0 - y1, 100, 1e-9);
  g_assert_true (_limber_figure_locate (lying, 0, 0, 400, 400, &style, 0, 0, 0, &x0, &y0));
  g_assert_true (_limber_figure_locate (lying, 0, 0, 400, 400, &style, 0, 0, 1, &x1, &y1));
  g_assert_cmpfloat_with_epsilon (y0 - y1, 100, 1e-9);
  /* In a box too small for 100 per body height, it shrinks. */
  g_assert_true (_limber_figure_locate (lying, 0, 0, 60, 60, &style, 0, 0, 0, &x0, &y0));
  g_assert_true (_limber_figure_locate (lying, 0, 0, 60, 60, &style, 0, 0, 1, &x1, &y1));
  g_assert_cmpfloat (y0 - y1, <, 100);
}

static void
test_render_status (void)
{
  g_autoptr(GPtrArray) figures = bundled_figures ();
  g_autofree char *dir = g_dir_make_tmp ("limber-figure-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "status.pdf", NULL);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 300);
  cairo_surface_t *vector = cairo_pdf_surface_create (pdf, 300, 300);

  for (guint i = 0; i < figures->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (all_shows); k++)
      {
        LimberFigure *figure = limber_exercise_get_figure (g_ptr_array_index (figures, i));
        cairo_surface_t *targets[] = { image, vector };
        LimberFigureStyle style;

        limber_figure_style_init (&style);
        style.show = all_shows[k];
        style.fill_background = TRUE;
        for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
          for (double size = 64; size <= 300; size += 236)
            {
              cairo_t *cr = cairo_create (targets[t]);

              limber_figure_draw (figure, cr, 0, 0, size, size, &style);
              g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
              cairo_destroy (cr);
            }
      }
  cairo_surface_finish (vector);
  g_assert_cmpint (cairo_surface_status (vector), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (vector);
  cairo_surface_destroy (image);
  g_unlink (pdf);
  g_rmdir (dir);
}

static gboolean
has_image (GBytes *pdf)
{
  gsize len;
  const char *data = g_bytes_get_data (pdf, &len);
  const char *needles[] = { "/Subtype /Image", "/Subtype/Image" };

  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    if (g_strstr_len (data, len, needles[i]) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_contact_sheet (void)
{
  g_autofree char *dir = g_dir_make_tmp ("limber-sheet-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "figures.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  g_assert_true (limber_figure_write_contact_sheet (G_LIST_MODEL (bundled), path, &error));
  g_assert_no_error (error);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  g_assert_true (memcmp (g_bytes_get_data (bytes, NULL), "%PDF", 4) == 0);
  /* All vector: no image XObject (cairo falls back to images for some
   * operators; the figures must not use them). */
  g_assert_false (has_image (bytes));

  /* Nothing left beside it. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_contact_sheet_fails (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (limber_figure_write_contact_sheet (G_LIST_MODEL (bundled),
                                                     "/nonexistent-limber-dir/figures.pdf", &error));
  g_assert_nonnull (error);
  g_assert_true (strstr (error->message, "/nonexistent-limber-dir") != NULL);
  g_assert_false (g_file_test ("/nonexistent-limber-dir", G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------------ */
/* Bad data                                                           */

/* The file's "expect: WORDS" comments: each names the next line. */
static void
test_bad_data (void)
{
  g_autofree char *path = fixture ("bad-figures.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint expected = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_false (limber_catalog_check_file (file, path, problems));
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((LimberProblem *) g_ptr_array_index (problems, i))->message);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *at = strstr (lines[i], "<!-- expect: ");
      guint line = i + 2;
      g_auto(GStrv) words = NULL;
      g_autofree char *list = NULL;
      gboolean found = FALSE;

      if (at == NULL)
        continue;
      expected++;
      list = g_strndup (at + strlen ("<!-- expect: "), strstr (at, " -->") - at - strlen ("<!-- expect: "));
      words = g_strsplit (list, " ", -1);
      for (guint k = 0; k < problems->len && !found; k++)
        {
          LimberProblem *problem = g_ptr_array_index (problems, k);
          gboolean all = g_strcmp0 (problem->file, path) == 0 && problem->line == line;

          for (guint w = 0; all && words[w] != NULL; w++)
            all = contains_nocase (problem->message, words[w]);
          found = all;
        }
      if (!found)
        g_test_fail_printf ("no problem at %s:%u has the words ‘%s’", path, line, list);
    }
  g_assert_cmpuint (expected, >=, 10);
  g_assert_cmpuint (problems->len, ==, expected);
}

/* Each bad figure alone: NULL and a problem, never a crash. */
static void
test_bad_figures_alone (void)
{
  g_autofree char *path = fixture ("bad-figures.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  xmlDoc *doc = limber_xml_parse_plain (bytes, path, problems);
  guint n = 0;

  g_assert_nonnull (doc);
  for (xmlNode *e = xmlDocGetRootElement (doc)->children; e != NULL; e = e->next)
    {
      xmlNode *node = e->type == XML_ELEMENT_NODE ? limber_xml_find_child (e, "figure") : NULL;
      guint before = problems->len;

      if (node == NULL)
        continue;
      g_assert_null (limber_figure_new_from_xml (node, path, problems));
      g_assert_cmpuint (problems->len, >, before);
      n++;
    }
  xmlFreeDoc (doc);
  g_assert_cmpuint (n, >=, 10);
}

/* ------------------------------------------------------------------ */
/* Round trip                                                         */

static char *
write_figure (LimberFigure *figure)
{
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *root = xmlNewNode (NULL, (const xmlChar *) "exercise");
  xmlChar *out = NULL;
  int len = 0;
  char *text;

  xmlDocSetRootElement (doc, root);
  limber_figure_write_xml (figure, root);
  xmlDocDumpFormatMemoryEnc (doc, &out, &len, "UTF-8", 1);
  text = g_strndup ((const char *) out, len);
  xmlFree (out);
  xmlFreeDoc (doc);
  return text;
}

/* The written figure, inside a catalog, passes the catalog schema. */
static void
assert_schema_valid (LimberFigure *figure)
{
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *root = xmlNewNode (NULL, (const xmlChar *) "limber-catalog");
  xmlNode *exercise;
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();

  xmlDocSetRootElement (doc, root);
  xmlSetProp (root, (const xmlChar *) "version", (const xmlChar *) "1");
  exercise = xmlNewChild (root, NULL, (const xmlChar *) "exercise", NULL);
  xmlSetProp (exercise, (const xmlChar *) "id", (const xmlChar *) "round-trip");
  xmlNewTextChild (exercise, NULL, (const xmlChar *) "name", (const xmlChar *) "Round trip");
  xmlNewTextChild (exercise, NULL, (const xmlChar *) "region", (const xmlChar *) "hip");
  xmlNewTextChild (exercise, NULL, (const xmlChar *) "tissue", (const xmlChar *) "iliopsoas");
  limber_figure_write_xml (figure, exercise);
  limber_xml_validate (doc, LIMBER_XML_KIND_CATALOG, "round-trip", problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((LimberProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
  xmlFreeDoc (doc);
}

static void
assert_round_trip (LimberFigure *figure,
                   const char   *what)
{
  g_autofree char *first = write_figure (figure);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (first, strlen (first));
  xmlDoc *doc = limber_xml_parse_plain (bytes, what, problems);
  g_autoptr(LimberFigure) again = NULL;
  g_autofree char *second = NULL;

  g_test_message ("%s:\n%s", what, first);
  g_assert_nonnull (doc);
  again = limber_figure_new_from_xml (limber_xml_find_child (xmlDocGetRootElement (doc), "figure"), what,
                                      problems);
  xmlFreeDoc (doc);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (again);
  g_assert_true (limber_figure_equal (figure, again));
  for (LimberPhase phase = 0; phase < LIMBER_N_PHASES; phase++)
    g_assert_true (memcmp (limber_figure_get_solved (figure, phase), limber_figure_get_solved (again, phase),
                           sizeof (LimberPoseSolved)) == 0);
  second = write_figure (again);
  g_assert_cmpstr (first, ==, second);
  assert_schema_valid (again);
}

static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) figures = bundled_figures ();
  g_autofree char *path = fixture ("full.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LimberCatalog) full = limber_catalog_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < figures->len; i++)
    {
      LimberExercise *exercise = g_ptr_array_index (figures, i);

      assert_round_trip (limber_exercise_get_figure (exercise), limber_exercise_get_id (exercise));
    }

  g_assert_true (limber_catalog_add_file (full, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (full)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (full), i);

      assert_round_trip (limber_exercise_get_figure (exercise), limber_exercise_get_id (exercise));
    }
}

/* A different figure is not equal. */
static void
test_not_equal (void)
{
  g_autoptr(LimberFigure) a = good_figure ("<figure><shortened trunk='10'/><lengthened/></figure>");
  g_autoptr(LimberFigure) b = good_figure ("<figure><shortened trunk='10.5'/><lengthened/></figure>");
  g_autoptr(LimberFigure) c = good_figure ("<figure>  <shortened  trunk='10.0' /><lengthened></lengthened></figure>");

  g_assert_false (limber_figure_equal (a, b));
  g_assert_true (limber_figure_equal (a, c));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  /* A failed check fails its test; the others still run and report. */
  g_test_set_nonfatal_assertions ();
  limber_xml_init ();

  bundled = limber_catalog_new ();
  limber_catalog_load_standard (bundled, NULL);
  for (guint i = 0; i < limber_catalog_get_problems (bundled)->len; i++)
    {
      g_autofree char *text = limber_problem_to_string (g_ptr_array_index (limber_catalog_get_problems (bundled), i));
      g_printerr ("%s\n", text);
    }

  g_test_add_func ("/figure/catalog/bundled", test_bundled_have_figures);
  g_test_add_func ("/figure/catalog/example-snapshots", test_example_snapshots);
  g_test_add_func ("/figure/ik/hand-on-knee", test_hand_on_knee);
  g_test_add_func ("/figure/ik/pressing-hand", test_pressing_hand);
  g_test_add_func ("/figure/ik/flank-pressure", test_flank_pressure);
  g_test_add_func ("/figure/ik/foot-flat", test_foot_flat);
  g_test_add_func ("/figure/ik/unreachable", test_unreachable);
  g_test_add_func ("/figure/ik/deterministic", test_deterministic);
  g_test_add_func ("/figure/draw/mirror", test_mirror);
  g_test_add_func ("/figure/draw/mirror-ink", test_mirror_ink);
  g_test_add_func ("/figure/draw/bounds", test_bounds);
  g_test_add_func ("/figure/draw/fixed-scale", test_fixed_scale);
  g_test_add_func ("/figure/draw/status", test_render_status);
  g_test_add_func ("/figure/contact-sheet/vector", test_contact_sheet);
  g_test_add_func ("/figure/contact-sheet/fails", test_contact_sheet_fails);
  g_test_add_func ("/figure/parse/bad-data", test_bad_data);
  g_test_add_func ("/figure/parse/bad-figures-alone", test_bad_figures_alone);
  g_test_add_func ("/figure/parse/round-trip", test_round_trip);
  g_test_add_func ("/figure/parse/not-equal", test_not_equal);

  ret = g_test_run ();
  g_clear_object (&bundled);
  return ret;
}
