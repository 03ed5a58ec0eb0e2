/* test-figure-3d.c — figures in 3D: old data solves as before, the
 * camera, the turns and their limits, depth order, reaches in 3D,
 * mirroring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "limber-figure-draw.h"
#include "limber-figure.h"
#include "limber-problem.h"
#include "limber-xml.h"

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

static const LimberPoseSolved *
end_of (LimberFigure *figure)
{
  return limber_figure_get_solved (figure, LIMBER_PHASE_LENGTHENED);
}

/* ------------------------------------------------------------------ */

/* Every bundled figure as it was before the camera came (the fixture)
 * solves to the very points the old solver gave (old-format.points,
 * written by the solver of that time). */
static void
test_old_format (void)
{
  g_autofree char *xml_path = g_test_build_filename (G_TEST_DIST, "files", "figure", "old-format.xml", NULL);
  g_autofree char *points_path = g_test_build_filename (G_TEST_DIST, "files", "figure", "old-format.points", NULL);
  g_autofree char *points = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_auto(GStrv) lines = NULL;
  xmlDoc *doc;
  guint line = 0;

  g_assert_true (g_file_get_contents (points_path, &points, NULL, NULL));
  lines = g_strsplit (points, "\n", -1);
  bytes = g_file_load_bytes (g_file_new_for_path (xml_path), NULL, NULL, NULL);
  doc = limber_xml_parse_plain (bytes, "old-format.xml", problems);
  g_assert_nonnull (doc);
  for (xmlNode *item = xmlDocGetRootElement (doc)->children; item != NULL; item = item->next)
    {
      g_autoptr(LimberFigure) figure = NULL;
      g_autofree char *id = NULL;

      if (item->type != XML_ELEMENT_NODE)
        continue;
      id = (char *) xmlGetNoNsProp (item, (const xmlChar *) "id");
      figure = limber_figure_new_from_xml (limber_xml_find_child (item, "figure"), id, problems);
      g_assert_nonnull (figure);
      g_assert_false (limber_figure_get_camera (figure)->on);
      for (LimberPhase phase = 0; phase < LIMBER_N_PHASES; phase++, line++)
        {
          g_auto(GStrv) f = g_strsplit (lines[line], " ", -1);
          const LimberPoseSolved *s = limber_figure_get_solved (figure, phase);

          g_assert_cmpstr (f[0], ==, id);
          g_assert_cmpint (atoi (f[1]), ==, phase);
          for (int p = 0; p < LIMBER_N_POINTS; p++)
            {
              if (fabs (s->x[p] - g_ascii_strtod (f[2 + 2 * p], NULL)) > 2e-6
                  || fabs (s->y[p] - g_ascii_strtod (f[3 + 2 * p], NULL)) > 2e-6)
                g_test_fail_printf ("%s, phase %d, point %s: %g,%g, was %s,%s", id, phase,
                                    limber_figure_word (LIMBER_WORDS_POINT, p), s->x[p], s->y[p],
                                    f[2 + 2 * p], f[3 + 2 * p]);
              g_assert_false (s->projected);
            }
        }
    }
  xmlFreeDoc (doc);
  g_assert_cmpuint (line, ==, 94);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* A camera at yaw 0, pitch 0 is the side view: the same picture. */
static void
test_side_camera (void)
{
  const char *pose = "<shortened trunk='-90' right-hip='60' right-knee='90' left-hip='30'>"
                     "<flat limb='left-foot' on='floor'/></shortened>"
                     "<lengthened trunk='-90' right-hip='100' right-knee='20' left-hip='30'>"
                     "<reach limb='right-hand' to='right-knee'/></lengthened></figure>";
  g_autofree char *a_xml = g_strconcat ("<figure><prop kind='mat'/>", pose, NULL);
  g_autofree char *b_xml = g_strconcat ("<figure yaw='0' pitch='0'><prop kind='mat'/>", pose, NULL);
  g_autoptr(LimberFigure) a = good_figure (a_xml);
  g_autoptr(LimberFigure) b = good_figure (b_xml);

  g_assert_false (limber_figure_equal (a, b));
  g_assert_true (end_of (b)->projected);
  for (int p = 0; p < LIMBER_N_POINTS; p++)
    {
      /* The reach is solved again in 3D: the hand crosses to the knee
       * beside it, so only the arm may differ. */
      if (limber_point_on_limb (p, LIMBER_LIMB_RIGHT_ARM))
        continue;
      g_assert_cmpfloat_with_epsilon (end_of (a)->x[p], end_of (b)->x[p], 1e-9);
      g_assert_cmpfloat_with_epsilon (end_of (a)->y[p], end_of (b)->y[p], 1e-9);
    }
}

/* The turns have joint limits; a value past one is refused, with the
 * file's line, and the limit itself is fine. */
static void
test_limits (void)
{
  for (LimberTurn t = 0; t < LIMBER_N_TURNS; t++)
    {
      const char *name = limber_figure_word (LIMBER_WORDS_TURN, t);
      double lo, hi;

      limber_turn_limits (t, &lo, &hi);
      g_assert_cmpfloat (lo, <, 0);
      g_assert_cmpfloat (hi, >, 0);
      for (int k = 0; k < 4; k++)
        {
          double value = k == 0 ? lo : k == 1 ? hi : k == 2 ? lo - 1 : hi + 1;
          g_autofree char *xml = g_strdup_printf ("<figure yaw='30'><shortened %s='%g'/><lengthened/></figure>",
                                                  name, value);
          g_autoptr(GPtrArray) problems = limber_problem_list_new ();
          g_autoptr(LimberFigure) figure = figure_from_string (xml, problems);

          if (k < 2)
            {
              g_assert_nonnull (figure);
              g_assert_cmpfloat (limber_figure_get_pose (figure, LIMBER_PHASE_SHORTENED)->turn[t], ==, value);
            }
          else
            {
              g_assert_null (figure);
              g_assert_cmpuint (problems->len, ==, 1);
              g_assert_nonnull (strstr (((LimberProblem *) g_ptr_array_index (problems, 0))->message, name));
            }
        }
    }
}

static void
test_bad_camera (void)
{
  const char *bad[] = {
    "<figure yaw='181'><shortened/><lengthened/></figure>",
    "<figure pitch='-91'><shortened/><lengthened/></figure>",
    "<figure yaw='nan'><shortened/><lengthened/></figure>",
    "<figure view='front' yaw='10'><shortened/><lengthened/></figure>",
    "<figure yaw='10'><shortened right-hip-spin='3'/><lengthened/></figure>",
    "<figure yaw='10'><prop kind='pillow' segment='right-knee'/><shortened/><lengthened/></figure>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) problems = limber_problem_list_new ();
      g_autoptr(LimberFigure) figure = figure_from_string (bad[i], problems);

      g_assert_null (figure);
      g_assert_cmpuint (problems->len, >=, 1);
    }
}

/* The turns move the right things the right way: a leg out goes to its
 * own side, a straight leg turned out points its toes out, a knee
 * falls out toward the floor lying on the back. */
static void
test_turns (void)
{
  g_autoptr(LimberFigure) out = good_figure (
    "<figure yaw='30'><shortened/><lengthened right-hip-out='40' left-hip-out='40' "
    "right-hip-turn='40' left-hip-turn='40'/></figure>");
  g_autoptr(LimberFigure) hook = good_figure (
    "<figure yaw='30' pitch='30'><prop kind='mat'/>"
    "<shortened trunk='-90' right-hip='50' right-knee='100'/>"
    "<lengthened trunk='-90' right-hip='50' right-knee='100' right-hip-out='45'/></figure>");
  const LimberPoseSolved *s = end_of (out);
  const LimberPoseSolved *h0 = limber_figure_get_solved (hook, LIMBER_PHASE_SHORTENED), *h1 = end_of (hook);

  g_assert_cmpfloat (s->world[LIMBER_POINT_RIGHT_ANKLE][2], >, 0.15);
  g_assert_cmpfloat (s->world[LIMBER_POINT_LEFT_ANKLE][2], <, -0.15);
  /* Toes out: further out than the ankle. */
  g_assert_cmpfloat (s->world[LIMBER_POINT_RIGHT_TOE][2], >, s->world[LIMBER_POINT_RIGHT_ANKLE][2] + 0.03);
  g_assert_cmpfloat (s->world[LIMBER_POINT_LEFT_TOE][2], <, s->world[LIMBER_POINT_LEFT_ANKLE][2] - 0.03);
  /* The knee falls out and down. */
  g_assert_cmpfloat (h1->world[LIMBER_POINT_RIGHT_KNEE][2], >, h0->world[LIMBER_POINT_RIGHT_KNEE][2] + 0.1);
  g_assert_cmpfloat (h1->world[LIMBER_POINT_RIGHT_KNEE][1], <, h0->world[LIMBER_POINT_RIGHT_KNEE][1] - 0.05);
}

/* Seen from the right, the right limbs are nearer; from the left, the
 * left ones; from the front, neither leg is behind the other. */
static void
test_depth_order (void)
{
  const double yaws[] = { 0, 180, 90 };

  for (guint i = 0; i < G_N_ELEMENTS (yaws); i++)
    {
      g_autofree char *xml = g_strdup_printf ("<figure yaw='%g'><shortened/><lengthened/></figure>", yaws[i]);
      g_autoptr(LimberFigure) figure = good_figure (xml);
      const LimberPoseSolved *s = end_of (figure);
      double d = s->depth[LIMBER_POINT_RIGHT_KNEE] - s->depth[LIMBER_POINT_LEFT_KNEE];

      if (i == 0)
        g_assert_cmpfloat (d, >, 0.05);
      else if (i == 1)
        g_assert_cmpfloat (d, <, -0.05);
      else
        g_assert_cmpfloat (fabs (d), <, 1e-9);
    }
}

/* An ankle told to rest on the other knee gets there in 3D (figure-4). */
static void
test_reach_3d (void)
{
  g_autoptr(LimberFigure) figure = good_figure (
    "<figure yaw='60' pitch='35'><prop kind='mat'/><shortened trunk='-90'/>"
    "<lengthened trunk='-90' right-hip='70' right-knee='100' left-hip='100' left-knee='90' "
    "right-hip-out='40' right-hip-turn='40'><reach limb='right-foot' to='left-knee'/></lengthened></figure>");
  const LimberPoseSolved *s = end_of (figure);
  double d = 0;

  for (int k = 0; k < 3; k++)
    d += pow (s->world[LIMBER_POINT_RIGHT_ANKLE][k] - s->world[LIMBER_POINT_LEFT_KNEE][k], 2);
  g_assert_cmpfloat (sqrt (d), <, 0.02);
}

/* On its side on a bed (view top), the body rests on the bed's top on
 * its trunk: a leg lowered behind and across hangs below the top
 * instead of lifting the body off the bed. */
static void
test_side_on_bed (void)
{
  g_autoptr(LimberFigure) figure = good_figure (
    "<figure view='top' yaw='-150' pitch='35'><prop kind='bed'/><shortened trunk='90'/>"
    "<lengthened trunk='90' right-hip='-30' right-hip-out='-28'/></figure>");
  const LimberPoseSolved *start = limber_figure_get_solved (figure, LIMBER_PHASE_SHORTENED);
  const LimberPoseSolved *s = end_of (figure);

  for (int phase = 0; phase < 2; phase++)
    {
      const LimberPoseSolved *p = phase ? s : start;

      g_assert_cmpfloat (p->world[LIMBER_POINT_LEFT_HIP][1], >, 0.32);
      g_assert_cmpfloat (p->world[LIMBER_POINT_LEFT_HIP][1], <, 0.32 + 0.1);
      g_assert_cmpfloat (p->world[LIMBER_POINT_RIGHT_HIP][1], >, p->world[LIMBER_POINT_LEFT_HIP][1]);
    }
  g_assert_cmpfloat_with_epsilon (s->world[LIMBER_POINT_LEFT_HIP][1], start->world[LIMBER_POINT_LEFT_HIP][1], 1e-6);
  g_assert_cmpfloat (s->world[LIMBER_POINT_RIGHT_ANKLE][1], <, 0.32);
  /* Behind the body: away from the front (+z). */
  g_assert_cmpfloat (s->world[LIMBER_POINT_RIGHT_ANKLE][2], <, s->world[LIMBER_POINT_PELVIS][2] - 0.1);
}

/* A pillow under someone lying on their side lies on the mat straight
 * under the head (or the knee) it is put under, not beside it in the
 * picture plane. */
static void
test_pillow_on_side (void)
{
  g_autoptr(LimberFigure) figure = good_figure (
    "<figure view='top' yaw='0' pitch='30'><prop kind='mat'/>"
    "<prop kind='pillow' segment='head' at='0.5' surface='back'/>"
    "<prop kind='pillow' segment='right-shin' at='0.5' surface='back'/>"
    "<shortened trunk='90'/><lengthened trunk='90' right-hip='40' right-knee='60'/></figure>");
  const LimberPoseSolved *s = end_of (figure);
  const LimberCamera *camera = limber_figure_get_camera (figure);
  guint n;
  const LimberProp *props = limber_figure_get_props (figure, &n);
  double floor = LIMBER_FIGURE_MAT_THICKNESS, x, y, r, mid[3], mx, my, depth;

  g_assert_cmpuint (n, ==, 3);
  g_assert_true (s->projected);
  limber_pose_pillow_on_side (s, camera, &props[1], floor, &x, &y, &r);
  /* Seen from the side (yaw 0), under the head is straight below it. */
  g_assert_cmpfloat_with_epsilon (x, s->x[LIMBER_POINT_HEAD], 1e-9);
  g_assert_cmpfloat (y, <, s->y[LIMBER_POINT_HEAD] - 0.02);
  g_assert_cmpfloat (r, >, LIMBER_FIGURE_HEAD_RADIUS);
  /* Under the middle of the shin, on the mat. */
  limber_pose_pillow_on_side (s, camera, &props[2], floor, &x, &y, &r);
  for (int k = 0; k < 3; k++)
    mid[k] = (s->world[LIMBER_POINT_RIGHT_KNEE][k] + s->world[LIMBER_POINT_RIGHT_ANKLE][k]) / 2;
  mid[1] = floor + r * 0.75;
  limber_camera_project (camera, mid, &mx, &my, &depth);
  g_assert_cmpfloat_with_epsilon (x, mx, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, my, 1e-9);
  g_assert_cmpfloat (y, <, (s->y[LIMBER_POINT_RIGHT_KNEE] + s->y[LIMBER_POINT_RIGHT_ANKLE]) / 2);
}

/* A 3D figure mirrored is the mirror image of its ink. */
static void
test_mirror (void)
{
  g_autoptr(LimberFigure) figure = good_figure (
    "<figure yaw='40' pitch='25'><prop kind='bed'/><shortened trunk='-90' on='bed'/>"
    "<lengthened trunk='-90' on='bed' right-hip-out='30'/></figure>");
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
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &ext[m][0], &ext[m][1], &ext[m][2], &ext[m][3]);
      cairo_surface_destroy (surface);
    }
  g_assert_cmpfloat (ext[0][2], >, 100);
  g_assert_cmpfloat_with_epsilon (ext[0][0], 200 - ext[1][0] - ext[1][2], 1.01);
  g_assert_cmpfloat_with_epsilon (ext[0][1], ext[1][1], 1e-6);
}

/* feet="shaped" is read, written back and compared; a wrong word is
 * refused; through a camera it changes the drawing (and stays inside
 * the box, mirrored too); without a camera it changes nothing. */
static cairo_surface_t *
draw_lengthened (LimberFigure *figure,
                 gboolean      mirror)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 160, 160);
  cairo_t *cr = cairo_create (surface);
  LimberFigureStyle style;

  limber_figure_style_init (&style);
  style.show = LIMBER_FIGURE_SHOW_LENGTHENED;
  style.mirror = mirror;
  style.fill_background = TRUE;
  limber_figure_draw (figure, cr, 0, 0, 160, 160, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);

  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (size_t) stride * cairo_image_surface_get_height (a)) == 0;
}

/* Someone on their side on a bed (view top): a pillow between the legs
 * stays there, on the bed, where its segment puts it; the mat's rule (a
 * pillow dropped straight down to the mat) would put it on the floor
 * under the bed. */
static void
test_pillow_on_bed (void)
{
  const char *props = "<prop kind='bed'/>";
  const char *pillow = "<prop kind='pillow' segment='left-thigh' at='0.7' surface='outer'/>";
  const char *poses = "<shortened trunk='90'/><lengthened trunk='90' right-hip='-20'/></figure>";
  g_autofree char *with_xml = g_strconcat ("<figure view='top' yaw='-150' pitch='35'>", props, pillow, poses, NULL);
  g_autofree char *without_xml = g_strconcat ("<figure view='top' yaw='-150' pitch='35'>", props, poses, NULL);
  g_autoptr(LimberFigure) with = good_figure (with_xml);
  g_autoptr(LimberFigure) without = good_figure (without_xml);
  cairo_surface_t *a = draw_lengthened (with, FALSE);
  cairo_surface_t *b = draw_lengthened (without, FALSE);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  int lowest = -1, changed = 0;

  for (int y = 0; y < 160; y++)
    if (memcmp (pa + y * stride, pb + y * stride, 160 * 4) != 0)
      lowest = y, changed++;
  /* The pillow is drawn, and high on the picture with the body on the
   * bed's top, not down by the floor. */
  g_assert_cmpint (changed, >, 3);
  g_test_message ("lowest changed row %d", lowest);
  g_assert_cmpint (lowest, <, 160 * 6 / 10);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_shaped_feet (void)
{
  const char *pose = "<shortened trunk='-90' right-hip='60' right-knee='90'><flat limb='right-foot' on='floor'/></shortened>"
                     "<lengthened trunk='-90' right-hip='5' right-knee='5' right-ankle-turn='20'/></figure>";
  g_autofree char *shaped_xml = g_strconcat ("<figure feet='shaped' yaw='60' pitch='50'><prop kind='mat'/>", pose, NULL);
  g_autofree char *round_xml = g_strconcat ("<figure yaw='60' pitch='50'><prop kind='mat'/>", pose, NULL);
  g_autofree char *flat_shaped_xml = g_strconcat ("<figure feet='shaped'><prop kind='mat'/>", pose, NULL);
  g_autofree char *flat_xml = g_strconcat ("<figure><prop kind='mat'/>", pose, NULL);
  g_autoptr(LimberFigure) shaped = good_figure (shaped_xml);
  g_autoptr(LimberFigure) round = good_figure (round_xml);
  g_autoptr(LimberFigure) flat_shaped = good_figure (flat_shaped_xml);
  g_autoptr(LimberFigure) flat = good_figure (flat_xml);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_autoptr(LimberFigure) bad = figure_from_string (
    "<figure feet='square' yaw='10'><shortened/><lengthened/></figure>", problems);
  xmlDoc *doc = xmlNewDoc (BAD_CAST "1.0");
  xmlNode *root = xmlNewNode (NULL, BAD_CAST "root");
  xmlNode *written;
  g_autoptr(LimberFigure) again = NULL;
  g_autoptr(LimberFigure) copy = limber_figure_copy (shaped);
  g_autofree xmlChar *word = NULL;
  cairo_surface_t *img[4];

  g_assert_null (bad);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_nonnull (strstr (((LimberProblem *) g_ptr_array_index (problems, 0))->message, "shaped"));

  g_assert_true (limber_figure_get_shaped_feet (shaped));
  g_assert_false (limber_figure_get_shaped_feet (round));
  g_assert_false (limber_figure_equal (shaped, round));
  g_assert_true (limber_figure_equal (shaped, copy));
  xmlDocSetRootElement (doc, root);
  written = limber_figure_write_xml (shaped, root);
  word = xmlGetProp (written, BAD_CAST "feet");
  g_assert_cmpstr ((const char *) word, ==, "shaped");
  again = limber_figure_new_from_xml (written, "test.xml", problems);
  g_assert_nonnull (again);
  g_assert_true (limber_figure_equal (shaped, again));
  g_assert_null (xmlHasProp (limber_figure_write_xml (round, root), BAD_CAST "feet"));
  xmlFreeDoc (doc);

  img[0] = draw_lengthened (shaped, FALSE);
  img[1] = draw_lengthened (round, FALSE);
  img[2] = draw_lengthened (flat_shaped, FALSE);
  img[3] = draw_lengthened (flat, FALSE);
  g_assert_false (same_pixels (img[0], img[1]));
  g_assert_true (same_pixels (img[2], img[3]));
  for (int i = 0; i < 4; i++)
    cairo_surface_destroy (img[i]);

  /* Inside the box and mirrored: the ink of both ways is as wide. */
  for (int m = 0; m < 2; m++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      LimberFigureStyle style;
      double ext[4];

      limber_figure_style_init (&style);
      style.mirror = m;
      limber_figure_draw (shaped, cr, 0, 0, 200, 100, &style);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &ext[0], &ext[1], &ext[2], &ext[3]);
      cairo_surface_destroy (surface);
      g_assert_cmpfloat (ext[0], >=, 0);
      g_assert_cmpfloat (ext[1], >=, 0);
      g_assert_cmpfloat (ext[0] + ext[2], <=, 200);
      g_assert_cmpfloat (ext[1] + ext[3], <=, 100);
      g_assert_cmpfloat (ext[2], >, 150);
    }
}

/* <arrow toes="right-foot">: read, written back and compared; only a
 * foot is taken; through a camera it draws an arc (more ink) when the
 * toes turn between the phases, and nothing when they do not. */
static double
ink_of (LimberFigure *figure)
{
  cairo_surface_t *surface = draw_lengthened (figure, FALSE);
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  double red = 0;

  /* The arrows are the accent red: count its pixels. */
  for (int y = 0; y < 160; y++)
    for (int x = 0; x < 160; x++)
      {
        guint32 px = *(guint32 *) (data + y * stride + 4 * x);

        if (((px >> 16) & 0xff) > 0xc0 && ((px >> 8) & 0xff) < 0x60)
          red++;
      }
  cairo_surface_destroy (surface);
  return red;
}

static void
test_toes_arrow (void)
{
  const char *turned = "<shortened trunk='-90' right-hip='5' right-ankle-turn='-30'/>"
                       "<lengthened trunk='-90' right-hip='5' right-ankle-turn='20'/></figure>";
  const char *still = "<shortened trunk='-90' right-hip='5'/><lengthened trunk='-90' right-hip='5'/></figure>";
  g_autofree char *with_xml = g_strconcat ("<figure yaw='40' pitch='50'><arrow kind='none' toes='right-foot'/>", turned, NULL);
  g_autofree char *without_xml = g_strconcat ("<figure yaw='40' pitch='50'><arrow kind='none'/>", turned, NULL);
  g_autofree char *still_xml = g_strconcat ("<figure yaw='40' pitch='50'><arrow kind='none' toes='right-foot'/>", still, NULL);
  g_autoptr(LimberFigure) with = good_figure (with_xml);
  g_autoptr(LimberFigure) without = good_figure (without_xml);
  g_autoptr(LimberFigure) unturned = good_figure (still_xml);
  g_autoptr(LimberFigure) copy = limber_figure_copy (with);
  g_autoptr(LimberFigure) again = NULL;
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_autoptr(LimberFigure) bad = figure_from_string (
    "<figure yaw='10'><arrow toes='right-knee'/><shortened/><lengthened/></figure>", problems);
  xmlDoc *doc = xmlNewDoc (BAD_CAST "1.0");
  xmlNode *root = xmlNewNode (NULL, BAD_CAST "root");

  g_assert_null (bad);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_cmpint (limber_figure_get_arrow_toes (with), ==, LIMBER_SEGMENT_RIGHT_FOOT);
  g_assert_cmpint (limber_figure_get_arrow_toes (without), ==, -1);
  g_assert_false (limber_figure_equal (with, without));
  g_assert_true (limber_figure_equal (with, copy));
  xmlDocSetRootElement (doc, root);
  again = limber_figure_new_from_xml (limber_figure_write_xml (with, root), "test.xml", problems);
  g_assert_nonnull (again);
  g_assert_true (limber_figure_equal (with, again));
  xmlFreeDoc (doc);

  g_assert_cmpfloat (ink_of (without), ==, 0);
  g_assert_cmpfloat (ink_of (unturned), ==, 0);
  g_assert_cmpfloat (ink_of (with), >, 20);
}

/* The pose editor's calls: a turn is kept within its limits, the
 * camera comes on, and what is set is what is written. */
static void
test_edit (void)
{
  g_autoptr(LimberFigure) figure = good_figure ("<figure><shortened/><lengthened/></figure>");
  g_autoptr(LimberFigure) front = good_figure ("<figure view='front'><shortened/><lengthened/></figure>");
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *root = xmlNewNode (NULL, (const xmlChar *) "exercise");
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_autoptr(LimberFigure) again = NULL;

  limber_figure_set_angle (figure, LIMBER_PHASE_LENGTHENED, "right-hip-out", 99);
  g_assert_cmpfloat (limber_figure_get_angle (figure, LIMBER_PHASE_LENGTHENED, "right-hip-out"), ==, 60);
  g_assert_false (limber_figure_get_camera (figure)->on);
  g_assert_true (limber_figure_set_camera (figure, 400, -30));
  g_assert_true (limber_figure_get_camera (figure)->on);
  g_assert_cmpfloat (limber_figure_get_camera (figure)->yaw, ==, 180);
  g_assert_cmpfloat (end_of (figure)->world[LIMBER_POINT_RIGHT_ANKLE][2], >, 0.2);
  g_assert_false (limber_figure_set_camera (front, 10, 10));
  g_assert_false (limber_figure_joint_is_placed (figure, LIMBER_PHASE_LENGTHENED, "right-hip-out"));

  xmlDocSetRootElement (doc, root);
  again = limber_figure_new_from_xml (limber_figure_write_xml (figure, root), "written", problems);
  g_assert_nonnull (again);
  g_assert_true (limber_figure_equal (figure, again));
  xmlFreeDoc (doc);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/figure-3d/old-format", test_old_format);
  g_test_add_func ("/figure-3d/side-camera", test_side_camera);
  g_test_add_func ("/figure-3d/limits", test_limits);
  g_test_add_func ("/figure-3d/bad-camera", test_bad_camera);
  g_test_add_func ("/figure-3d/turns", test_turns);
  g_test_add_func ("/figure-3d/depth-order", test_depth_order);
  g_test_add_func ("/figure-3d/reach", test_reach_3d);
  g_test_add_func ("/figure-3d/side-on-bed", test_side_on_bed);
  g_test_add_func ("/figure-3d/mirror", test_mirror);
  g_test_add_func ("/figure-3d/pillow-on-side", test_pillow_on_side);
  g_test_add_func ("/figure-3d/pillow-on-bed", test_pillow_on_bed);
  g_test_add_func ("/figure-3d/edit", test_edit);
  g_test_add_func ("/figure-3d/shaped-feet", test_shaped_feet);
  g_test_add_func ("/figure-3d/toes-arrow", test_toes_arrow);
  return g_test_run ();
}
