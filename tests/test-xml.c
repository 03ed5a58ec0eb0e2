/* test-xml.c — the safe reader, and every hostile file of tests/files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "limber-catalog.h"
#include "limber-image.h"
#include "limber-problem.h"
#include "limber-validate.h"
#include "limber-xml.h"

/* Loaded with catalog/valid/minimal.xml, so that program items resolve. */
static LimberCatalog *minimal_catalog;

/* Files that cannot carry an expect comment: the words of the table in
 * tests/files/README.md. */
static const struct
{
  const char *name;
  const char *words;
} no_comment_words[] = {
  { "empty.xml", "empty" },
  { "whitespace-only.xml", "empty" },
  { "not-xml.xml", "XML" },
  { "empty.limber", "empty" },
};

static gboolean
contains_nocase (const char *haystack,
                 const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack, -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);

  return strstr (h, n) != NULL;
}

/* Reads "<!-- expect: LINE: WORDS -->" from line 2 of @path. */
static void
read_expectation (const char  *path,
                  long        *line,
                  GStrv       *words)
{
  g_autofree char *contents = NULL;
  g_autofree char *base = g_path_get_basename (path);
  gsize len;
  const char *p;

  *line = 1;
  *words = NULL;
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  if (len > 0 && (p = strchr (contents, '\n')) != NULL
      && g_str_has_prefix (p + 1, "<!-- expect: "))
    {
      g_autofree char *rest = NULL;
      char *end;

      p += 1 + strlen ("<!-- expect: ");
      *line = strtol (p, &end, 10);
      g_assert_cmpint (*line, >, 0);
      g_assert_true (end[0] == ':');
      rest = g_strndup (end + 1, strstr (end, "-->") - (end + 1));
      *words = g_strsplit (g_strstrip (rest), " ", -1);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (no_comment_words); i++)
    if (g_str_equal (base, no_comment_words[i].name))
      *words = g_strsplit (no_comment_words[i].words, " ", -1);
}

static void
test_invalid_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_auto(GStrv) words = NULL;
  g_autofree char *text = NULL;
  LimberProblem *first;
  long line;

  read_expectation (path, &line, &words);
  g_assert_false (limber_validate_file (path, minimal_catalog, problems));
  g_assert_cmpuint (problems->len, >=, 1);
  if (problems->len == 0)
    return;
  first = g_ptr_array_index (problems, 0);
  text = limber_problem_to_string (first);
  g_test_message ("%s", text);

  if (g_strcmp0 (first->file, path) != 0 || first->line != (guint) line)
    {
      g_test_fail_printf ("the first problem is not at %s:%ld: %s", path, line, text);
      return;
    }
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (!contains_nocase (first->message, words[i]))
      g_test_fail_printf ("‘%s’ is not in the first problem: %s", words[i], text);
}

static void
test_valid_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  gboolean ok = limber_validate_file (path, minimal_catalog, problems);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = limber_problem_to_string (g_ptr_array_index (problems, i));
      g_printerr ("%s\n", text);
    }
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (ok);
}

/* What a file must never leak into a message. */
static GPtrArray *
secrets (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  const char *files[] = { "/etc/hostname", "/etc/passwd" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *text = NULL;

      /* The first line: the host name, root's entry. */
      if (g_file_get_contents (files[i], &text, NULL, NULL) && *g_strstrip (text))
        g_ptr_array_add (list, g_strndup (text, strcspn (text, "\n")));
    }
  return list;
}

static void
test_hostile_no_load (void)
{
  const char *files[][2] = {
    { "catalog", "external-entity-file.xml" },
    { "catalog", "external-dtd.xml" },
    { "catalog", "external-entity-http.xml" },
    { "catalog", "xinclude.xml" },
    { "program", "external-entity-file.limber" },
    { "program", "xinclude.limber" },
  };
  g_autoptr(GPtrArray) leaks = secrets ();

  g_assert_cmpuint (leaks->len, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", files[i][0], "invalid",
                                                     files[i][1], NULL);
      g_autoptr(GPtrArray) problems = limber_problem_list_new ();
      guint before = limber_xml_get_refused_loads ();

      g_assert_false (limber_validate_file (path, minimal_catalog, problems));
      g_assert_cmpuint (limber_xml_get_refused_loads (), ==, before);
      g_assert_cmpuint (problems->len, >, 0);
      for (guint j = 0; j < problems->len; j++)
        {
          LimberProblem *problem = g_ptr_array_index (problems, j);
          const char *message = problem->message;

          g_assert_cmpstr (problem->file, ==, path);
          for (guint k = 0; k < leaks->len; k++)
            g_assert_null (strstr (message, g_ptr_array_index (leaks, k)));
        }
    }
}

/* A schema error is worded as one: libxml2's RELAX NG codes are another
 * enum than its parser's, so they must not get the parser's wording
 * (XML_RELAXNG_ERR_EXTRACONTENT has the number of XML_ERR_UNDECLARED_ENTITY). */
static void
test_schema_wording (void)
{
  const char *files[][2] = {
    { "catalog", "xinclude.xml" },
    { "program", "xinclude.limber" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", files[i][0], "invalid",
                                                     files[i][1], NULL);
      g_autoptr(GPtrArray) problems = limber_problem_list_new ();

      g_assert_false (limber_validate_file (path, minimal_catalog, problems));
      for (guint j = 0; j < problems->len; j++)
        {
          LimberProblem *problem = g_ptr_array_index (problems, j);

          if (contains_nocase (problem->message, "entity"))
            g_test_fail_printf ("a schema error worded as an entity problem: %s", problem->message);
        }
    }
}

static void
test_entity_bombs (void)
{
  const char *files[] = { "billion-laughs.xml", "quadratic-blowup.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "catalog", "invalid",
                                                     files[i], NULL);
      g_autoptr(GPtrArray) problems = limber_problem_list_new ();
      gint64 start = g_get_monotonic_time ();

      g_assert_false (limber_validate_file (path, minimal_catalog, problems));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
      g_assert (problems->len == 1);
      g_assert_true (contains_nocase (((LimberProblem *) g_ptr_array_index (problems, 0))->message, "DOCTYPE"));
    }
}

static GBytes *
repeated_bytes (gsize n,
                char  c)
{
  char *data = g_malloc (n);

  memset (data, c, n);
  return g_bytes_new_take (data, n);
}

static void
test_read_bytes_codes (void)
{
  const struct
  {
    const char    *text;      /* NULL: @size bytes of 'a' */
    gsize          size;
    LimberXmlKind  kind;
    int            code;      /* -1: no error */
  } cases[] = {
    { "", 0, LIMBER_XML_KIND_ANY, LIMBER_XML_ERROR_EMPTY },
    { " \n\t\r\n  \n", 0, LIMBER_XML_KIND_CATALOG, LIMBER_XML_ERROR_EMPTY },
    { NULL, LIMBER_XML_MAX_CATALOG_BYTES + 1024 * 1024, LIMBER_XML_KIND_CATALOG, LIMBER_XML_ERROR_TOO_LARGE },
    { NULL, LIMBER_XML_MAX_CATALOG_BYTES + 1024 * 1024, LIMBER_XML_KIND_ANY, LIMBER_XML_ERROR_TOO_LARGE },
    { NULL, LIMBER_XML_MAX_PROGRAM_BYTES + 1, LIMBER_XML_KIND_PROGRAM, LIMBER_XML_ERROR_TOO_LARGE },
    { "<limber-catalog version=\"1\">", 0, LIMBER_XML_KIND_CATALOG, LIMBER_XML_ERROR_MALFORMED },
    { "<!DOCTYPE x []>\n<limber-catalog version=\"1\"/>", 0, LIMBER_XML_KIND_CATALOG, LIMBER_XML_ERROR_DOCTYPE },
    { "<catalog version=\"1\"/>", 0, LIMBER_XML_KIND_CATALOG, LIMBER_XML_ERROR_WRONG_ROOT },
    { "<limber-program version=\"1\"/>", 0, LIMBER_XML_KIND_CATALOG, LIMBER_XML_ERROR_WRONG_ROOT },
    { "<limber-catalog version=\"2\"/>", 0, LIMBER_XML_KIND_ANY, LIMBER_XML_ERROR_VERSION },
    { "<limber-catalog version=\"1\"/>", 0, LIMBER_XML_KIND_ANY, -1 },
    { "<limber-program version=\"1\"/>", 0, LIMBER_XML_KIND_PROGRAM, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = cases[i].text ? g_bytes_new_static (cases[i].text, strlen (cases[i].text))
                                              : repeated_bytes (cases[i].size, 'a');
      g_autoptr(GPtrArray) problems = limber_problem_list_new ();
      g_autoptr(GError) error = NULL;
      LimberXmlKind kind = cases[i].kind;
      xmlDoc *doc;

      g_test_message ("case %u", i);
      doc = limber_xml_read_bytes (bytes, "mem.xml", &kind, problems, &error);
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_nonnull (doc);
          g_assert_cmpuint (problems->len, ==, 0);
          g_assert_cmpint (kind, !=, LIMBER_XML_KIND_ANY);
          xmlFreeDoc (doc);
          continue;
        }
      g_assert_null (doc);
      g_assert_error (error, LIMBER_XML_ERROR, cases[i].code);
      g_assert (error != NULL && problems->len >= 1);
      {
        g_autofree char *first = limber_problem_to_string (g_ptr_array_index (problems, 0));
        g_assert_cmpstr (error->message, ==, first);
      }
      if (cases[i].code == LIMBER_XML_ERROR_EMPTY || cases[i].code == LIMBER_XML_ERROR_TOO_LARGE)
        {
          g_assert_true (g_str_has_prefix (error->message, "mem.xml:1: "));
          g_assert_true (contains_nocase (error->message,
                                          cases[i].code == LIMBER_XML_ERROR_EMPTY ? "empty" : "too big"));
        }
    }
}

/* A problem is formatted in one place: "FILE:LINE: message", or
 * "FILE: message" when it has no line; a file name is kept byte for byte. */
static void
test_problem_to_string (void)
{
  g_autoptr(LimberProblem) with_line = limber_problem_new ("stretches.xml", 12, "reps must be a whole number");
  g_autoptr(LimberProblem) no_line = limber_problem_new ("stretches.xml", 0, "there is no such file");
  g_autoptr(LimberProblem) accents = limber_problem_new ("/srv/añña/Übungen/estiramientos — cadera.xml", 3,
                                                         "‘cadera’ no es una región");
  g_autoptr(LimberProblem) copy = NULL;
  g_autoptr(GPtrArray) list = limber_problem_list_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *a = limber_problem_to_string (with_line);
  g_autofree char *b = limber_problem_to_string (no_line);
  g_autofree char *c = limber_problem_to_string (accents);
  g_autofree char *d = NULL;
  g_autofree char *joined = NULL;

  g_assert_cmpstr (a, ==, "stretches.xml:12: reps must be a whole number");
  g_assert_cmpstr (b, ==, "stretches.xml: there is no such file");
  g_assert_cmpstr (c, ==, "/srv/añña/Übungen/estiramientos — cadera.xml:3: ‘cadera’ no es una región");
  g_assert_true (g_utf8_validate (c, -1, NULL));

  copy = limber_problem_copy (accents);
  g_assert_true (copy != accents);
  d = limber_problem_to_string (copy);
  g_assert_cmpstr (c, ==, d);
  g_assert_true (G_TYPE_IS_BOXED (LIMBER_TYPE_PROBLEM));

  /* A list, and the one rule for the error: the first problem added. */
  g_assert_true (limber_problem_list_set_error (list, 0, LIMBER_XML_ERROR, LIMBER_XML_ERROR_INVALID, &error));
  g_assert_no_error (error);
  limber_problem_list_add (list, "a.xml", 1, "first %s", "problem");
  limber_problem_list_add (list, "b.xml", 0, "second problem");
  g_assert_false (limber_problem_list_set_error (list, 1, LIMBER_XML_ERROR, LIMBER_XML_ERROR_INVALID, &error));
  g_assert_error (error, LIMBER_XML_ERROR, LIMBER_XML_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "b.xml: second problem");
  joined = limber_problem_list_to_string (list);
  g_assert_cmpstr (joined, ==, "a.xml:1: first problem\nb.xml: second problem");
}

static void
test_program_too_big (void)
{
  g_autofree char *dir = g_dir_make_tmp ("limber-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.limber", NULL);
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE limber-program []>\n"
                                          "<limber-program version=\"1\">\n<notes>");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = limber_problem_list_new ();
  g_autoptr(GError) error = NULL;
  LimberXmlKind kind = LIMBER_XML_KIND_PROGRAM;
  g_autofree char *prefix = g_strdup_printf ("%s:1: ", path);

  g_assert (dir != NULL);
  while (text->len <= LIMBER_XML_MAX_PROGRAM_BYTES)
    g_string_append (text, "Stretch slowly, never into pain. ");
  g_string_append (text, "</notes>\n</limber-program>\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  /* Refused from its size alone: the DOCTYPE is never reached. */
  g_assert_null (limber_xml_read_file (file, NULL, &kind, problems, &error));
  g_assert_error (error, LIMBER_XML_ERROR, LIMBER_XML_ERROR_TOO_LARGE);
  g_assert (error != NULL && problems->len == 1);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_true (contains_nocase (error->message, "too big"));
  g_ptr_array_set_size (problems, 0);

  g_assert_false (limber_validate_file (path, minimal_catalog, problems));
  g_assert (problems->len == 1);
  g_assert_true (contains_nocase (((LimberProblem *) g_ptr_array_index (problems, 0))->message, "too big"));
  g_assert_false (contains_nocase (((LimberProblem *) g_ptr_array_index (problems, 0))->message, "DOCTYPE"));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_utf16 (void)
{
  g_autofree char *path16 = g_test_build_filename (G_TEST_DIST, "files", "catalog", "valid", "utf16.xml", NULL);
  g_autofree char *raw = NULL, *utf8 = NULL, *dir = g_dir_make_tmp ("limber-test-XXXXXX", NULL);
  g_autofree char *path8 = g_build_filename (dir, "utf8.xml", NULL);
  g_autoptr(GFile) file16 = g_file_new_for_path (path16);
  g_autoptr(GFile) file8 = g_file_new_for_path (path8);
  g_autoptr(LimberCatalog) cat16 = limber_catalog_new ();
  g_autoptr(LimberCatalog) cat8 = limber_catalog_new ();
  g_autoptr(GError) error = NULL;
  LimberExercise *a, *b;
  char *decl;
  gsize len;

  /* The UTF-8 twin, made from the UTF-16 file itself. */
  g_assert_true (g_file_get_contents (path16, &raw, &len, NULL));
  g_assert_true ((guchar) raw[0] == 0xff && (guchar) raw[1] == 0xfe);
  utf8 = g_convert (raw + 2, len - 2, "UTF-8", "UTF-16LE", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert (utf8 != NULL);
  decl = strstr (utf8, "UTF-16");
  g_assert (decl != NULL);
  memcpy (decl, "UTF-8\" ", 7);   /* same length: "UTF-16\"" */
  g_assert_true (g_file_set_contents (path8, utf8, -1, NULL));

  g_assert_true (limber_catalog_add_file (cat16, file16, &error));
  g_assert_no_error (error);
  g_assert_true (limber_catalog_add_file (cat8, file8, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cat16)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cat8)), ==, 1);
  a = limber_catalog_lookup (cat16, "gluteo-sentado");
  b = limber_catalog_lookup (cat8, "gluteo-sentado");
  g_assert (a != NULL && b != NULL);
  g_assert_cmpstr (limber_exercise_get_name (a, "es"), ==, "Liberación del glúteo mayor, sentado");
  g_assert_cmpstr (limber_exercise_get_name (a, "es"), ==, limber_exercise_get_name (b, "es"));
  g_assert_cmpstr (limber_exercise_get_name (a, "en"), ==, "Seated gluteus maximus release");
  g_assert_cmpstr (limber_exercise_get_name (a, "en"), ==, limber_exercise_get_name (b, "en"));
  g_assert_cmpstr (limber_exercise_get_caution (a, 0, NULL), ==, limber_exercise_get_caution (b, 0, NULL));
  g_assert_cmpint (g_unlink (path8), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_is_base64 (void)
{
  const struct { const char *text; gboolean ok; } cases[] = {
    { "aGVsbG8=", TRUE }, { "aGVsbA==", TRUE }, { "aGVsbG8h", TRUE },
    { "\n  aGVs\n  bG8=\n", TRUE }, { "aGVs bG8=", TRUE }, { "+/+/", TRUE },
    { "", FALSE }, { "   \n", FALSE }, { "aGVsbG8", FALSE }, { "aGVs!bG8=", FALSE },
    { "aGVsb===", FALSE }, { "====", FALSE }, { "aG=sbG8=", FALSE }, { "ab==abcd", FALSE },
    { "aGVsbG8-", FALSE }, { "aGVsbG8_", FALSE }, { "aGVsbG8=\x01", FALSE }, { "=", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (limber_is_base64 (cases[i].text) != cases[i].ok)
      {
        g_autofree char *escaped = g_strescape (cases[i].text, NULL);
        g_test_fail_printf ("limber_is_base64 (\"%s\") should be %d", escaped, cases[i].ok);
      }
}

static void
test_image_src_is_safe (void)
{
  const struct { const char *src; gboolean ok; } cases[] = {
    { "images/a.png", TRUE }, { "a.png", TRUE }, { "images/sub/a.svg", TRUE }, { "./a.png", TRUE },
    { "...png", TRUE },
    { "../a.png", FALSE }, { "/etc/passwd", FALSE }, { "http://x/a.png", FALSE },
    { "file:///etc/passwd", FALSE }, { "a/../../b.png", FALSE }, { "images/..", FALSE },
    { "C:\\x.png", FALSE }, { "images\\..\\a.png", FALSE }, { "\\\\server\\a.png", FALSE },
    { "data:image/png;base64,AAAA", FALSE }, { "", FALSE }, { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (limber_image_src_is_safe (cases[i].src) != cases[i].ok)
      g_test_fail_printf ("limber_image_src_is_safe (\"%s\") should be %d", cases[i].src, cases[i].ok);
}

static GBytes *
dot_png (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "catalog", "valid", "images",
                                                 "dot.png", NULL);
  char *data;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

static GBytes *
make_jpeg (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 16, 8);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize len = 0;

  gdk_pixbuf_fill (pixbuf, 0x1c71d8ff);
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &len, "jpeg", &error, NULL))
    return NULL;
  return g_bytes_new_take (buffer, len);
}

/* PNG's CRC-32 (ISO 3309) of a chunk's type and data. */
static guint32
png_crc (const guchar *p,
         gsize         len)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= p[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }
  return crc ^ 0xffffffff;
}

/* A copy of @bytes with its size fields set to @w × @h. */
static GBytes *
patch_size (GBytes  *bytes,
            gboolean jpeg,
            guint32  w,
            guint32  h)
{
  gsize len = g_bytes_get_size (bytes);
  guchar *data = g_memdup2 (g_bytes_get_data (bytes, NULL), len);

  if (!jpeg)
    {
      guchar be[8] = { w >> 24, w >> 16, w >> 8, w, h >> 24, h >> 16, h >> 8, h };
      guint32 crc;

      memcpy (data + 16, be, 8);
      /* A hostile file gets its checksum right: libpng would stop at a
       * wrong one before telling the size. */
      crc = png_crc (data + 12, 4 + 13);
      data[29] = crc >> 24, data[30] = crc >> 16, data[31] = crc >> 8, data[32] = crc;
    }
  else
    {
      gsize i;

      for (i = 2; i + 9 < len && !(data[i] == 0xff && data[i + 1] == 0xc0); i++)
        ;
      g_assert_cmpuint (i + 9, <, len);
      data[i + 5] = h >> 8, data[i + 6] = h & 0xff, data[i + 7] = w >> 8, data[i + 8] = w & 0xff;
    }
  return g_bytes_new_take (data, len);
}

static void
check_image (GBytes     *bytes,
             const char *declared,
             gboolean    ok,
             const char *word)
{
  g_autofree char *message = NULL;
  gint64 start = g_get_monotonic_time ();
  gboolean result = limber_image_check (bytes, declared, &message);

  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  if (result != ok)
    g_test_fail_printf ("limber_image_check (%.40s…, %s) should be %s (%s)",
                        (const char *) g_bytes_get_data (bytes, NULL), declared,
                        ok ? "TRUE" : "FALSE", message ? message : "no message");
  else if (!ok)
    {
      g_assert_nonnull (message);
      if (message != NULL && word != NULL && !contains_nocase (message, word))
        g_test_fail_printf ("‘%s’ is not in: %s", word, message);
    }
}

static void
check_svg (const char *body,
           gboolean    ok,
           const char *word)
{
  g_autofree char *svg = g_strdup_printf ("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                          "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                                          "width=\"10\" height=\"10\">%s</svg>", body);
  g_autoptr(GBytes) bytes = g_bytes_new (svg, strlen (svg));

  g_test_message ("SVG: %s", body);
  check_image (bytes, "image/svg+xml", ok, word);
}

static void
test_image_check (void)
{
  g_autoptr(GBytes) png = dot_png ();
  g_autoptr(GBytes) huge_png = patch_size (png, FALSE, 30000, 30000);
  g_autoptr(GBytes) jpeg = make_jpeg ();
  g_autoptr(GBytes) text = g_bytes_new_static ("Kneel on the right knee.\n", 25);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) big_svg = NULL;
  const char *big = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20000\" height=\"20000\"/>";

  check_image (png, NULL, TRUE, NULL);
  check_image (png, "image/png", TRUE, NULL);
  check_image (png, "image/jpeg", FALSE, "image/png");
  check_image (huge_png, "image/png", FALSE, "megapixels");
  check_image (text, NULL, FALSE, "PNG");
  check_image (text, "image/png", FALSE, NULL);
  check_image (empty, NULL, FALSE, NULL);

  g_assert (jpeg != NULL);
  g_assert_cmpstr (limber_image_sniff (jpeg), ==, "image/jpeg");
  check_image (jpeg, "image/jpeg", TRUE, NULL);
  check_image (jpeg, "image/png", FALSE, "image/jpeg");
  {
    g_autoptr(GBytes) huge_jpeg = patch_size (jpeg, TRUE, 30000, 30000);
    check_image (huge_jpeg, "image/jpeg", FALSE, "megapixels");
  }

  big_svg = g_bytes_new_static (big, strlen (big));
  check_image (big_svg, "image/svg+xml", FALSE, "megapixels");

  check_svg ("<circle cx=\"5\" cy=\"5\" r=\"4\"/>", TRUE, NULL);
  check_svg ("<defs><circle id=\"a\" r=\"2\"/></defs><use xlink:href=\"#a\"/>", TRUE, NULL);
  check_svg ("<rect width=\"5\" height=\"5\" style=\"fill:url(#g)\"/>", TRUE, NULL);
  check_svg ("<image href=\"file:///etc/hostname\"/>", FALSE, "outside");
  check_svg ("<image xlink:href=\"dot.png\"/>", FALSE, "outside");
  check_svg ("<use href=\"http://127.0.0.1:9/x.svg#a\"/>", FALSE, "outside");
  check_svg ("<rect width=\"5\" height=\"5\" style=\"fill:url(http://x/y)\"/>", FALSE, "outside");
  check_svg ("<rect width=\"5\" height=\"5\" fill=\"url('file:///etc/passwd#g')\"/>", FALSE, NULL);
  check_svg ("<style>@import url(http://x/y.css);</style>", FALSE, NULL);
  check_svg ("<script>alert(1)</script>", FALSE, NULL);
  check_svg ("<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/hostname\" "
             "parse=\"text\"/>", FALSE, NULL);
  /* CSS function names are case-insensitive. */
  check_svg ("<rect width=\"5\" height=\"5\" style=\"fill:URL(http://x/y)\"/>", FALSE, NULL);
  check_svg ("<rect width=\"5\" height=\"5\"", FALSE, NULL);
}

/* The type comes from the bytes (shared-mime-info's magic), not from
 * what the file says, and only PNG, JPEG and SVG pass. */
static void
test_image_sniff (void)
{
  g_autoptr(GBytes) png = dot_png ();
  g_autoptr(GBytes) wide_png = patch_size (png, FALSE, 2000000, 1);
  g_autoptr(GBytes) gif = g_bytes_new_static ("GIF89a\x01\0\x01\0\0\0\0;<svg/>", 20);
  g_autoptr(GBytes) xml = g_bytes_new_static ("<?xml version=\"1.0\"?><note>Kneel</note>", 39);
  g_autofree char *late = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!-- %0400d -->\n"
                                           "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" "
                                           "height=\"4\"/>", 0);
  g_autoptr(GBytes) late_svg = g_bytes_new (late, strlen (late));

  g_assert_cmpstr (limber_image_sniff (png), ==, "image/png");
  g_assert_null (limber_image_sniff (gif));
  check_image (gif, NULL, FALSE, "PNG");
  g_assert_null (limber_image_sniff (xml));
  /* <svg after the 256 bytes shared-mime-info looks at */
  g_assert_cmpstr (limber_image_sniff (late_svg), ==, "image/svg+xml");
  check_image (late_svg, NULL, TRUE, NULL);
  /* Wider than libpng reads: refused, as damaged. */
  check_image (wide_png, NULL, FALSE, NULL);
}

/* gdk-pixbuf decodes a PNG or JPEG cut short without a word (the rest
 * is garbage): such a file is refused, at every length. */
static void
test_image_cut_short (void)
{
  g_autoptr(GBytes) png = dot_png ();
  g_autoptr(GBytes) jpeg = make_jpeg ();
  GBytes *pictures[] = { png, jpeg };

  for (guint p = 0; p < G_N_ELEMENTS (pictures); p++)
    {
      gsize len = g_bytes_get_size (pictures[p]);
      const char *data = g_bytes_get_data (pictures[p], NULL);
      /* Once the size is readable, the message says what is wrong. */
      gsize readable = p == 0 ? 24 : len / 2;

      for (gsize cut = 0; cut < len; cut++)
        {
          g_autoptr(GBytes) part = g_bytes_new (data, cut);

          check_image (part, NULL, FALSE, cut >= readable ? "cut short" : NULL);
        }
    }
  /* Bytes after the end (some cameras pad their JPEGs) are no harm. */
  {
    gsize len;
    const char *data = g_bytes_get_data (jpeg, &len);
    g_autofree char *padded = g_malloc0 (len + 100);
    g_autoptr(GBytes) bytes = NULL;

    memcpy (padded, data, len);
    bytes = g_bytes_new (padded, len + 100);
    check_image (bytes, "image/jpeg", TRUE, NULL);
  }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_folder_tests (const char *kind,
                  const char *validity,
                  GTestDataFunc func)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "files", kind, validity, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert (dir != NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".limber"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >, 0);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *stem = g_strndup (file, strrchr (file, '.') - file);
      g_autofree char *test_path = g_strdup_printf ("/xml/%s/%s/%s", validity, kind, stem);

      g_test_add_data_func_full (test_path, g_build_filename (folder, file, NULL), func, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *minimal = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  /* A failed check fails its test; the others still run and report. */
  g_test_set_nonfatal_assertions ();
  limber_xml_init ();

  minimal = g_test_build_filename (G_TEST_DIST, "files", "catalog", "valid", "minimal.xml", NULL);
  file = g_file_new_for_path (minimal);
  minimal_catalog = limber_catalog_new ();
  if (!limber_catalog_add_file (minimal_catalog, file, &error))
    g_error ("%s", error->message);

  add_folder_tests ("catalog", "invalid", test_invalid_file);
  add_folder_tests ("program", "invalid", test_invalid_file);
  add_folder_tests ("catalog", "valid", test_valid_file);
  add_folder_tests ("program", "valid", test_valid_file);

  g_test_add_func ("/xml/hostile/no-external-load", test_hostile_no_load);
  g_test_add_func ("/xml/hostile/entity-bombs", test_entity_bombs);
  g_test_add_func ("/xml/messages/schema-wording", test_schema_wording);
  g_test_add_func ("/xml/read-bytes/error-codes", test_read_bytes_codes);
  g_test_add_func ("/xml/problem/to-string", test_problem_to_string);
  g_test_add_func ("/xml/read-file/program-too-big", test_program_too_big);
  g_test_add_func ("/xml/encoding/utf16", test_utf16);
  g_test_add_func ("/xml/base64", test_is_base64);
  g_test_add_func ("/image/src-is-safe", test_image_src_is_safe);
  g_test_add_func ("/image/check", test_image_check);
  g_test_add_func ("/image/cut-short", test_image_cut_short);
  g_test_add_func ("/image/sniff", test_image_sniff);

  ret = g_test_run ();
  g_clear_object (&minimal_catalog);
  return ret;
}
