/* test-open-hostile.c — hostile program files opened through the window
 *
 * Every broken or hostile program file is opened the three ways a user
 * opens one: the Open dialog's response (Open Recent calls the same),
 * the application's open (a file manager, the command line) and a drop
 * on the window.  The files are those of tests/files/program/invalid/
 * and more made here, so that nothing big is committed: DOCTYPEs and
 * XInclude aimed at a secret file, a file over the size cap, binary
 * garbage, UTF-16, a cut file, a folder, a link loop, a pipe, /dev/zero,
 * a socket, an unreadable and a vanished file…
 *
 * The window holds the sample program with unsaved edits.  After each
 * file: one error dialog over that window names FILE:LINE and the words
 * the file's "expect" comment lists; no window opened; the program is
 * the same object, written out byte for byte the same, still modified;
 * undo and redo work, and so does dropping a stretch from the catalog;
 * no message shows the secret file's text or /etc/hostname's.  A file
 * whose only fault is a picture opens without it (data/schemas/program.rng): in a new
 * window, the unsaved work left alone, with a toast naming FILE:LINE.
 * Valid files dropped open (the control), and the real Open dialog is
 * driven once to its response.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <fcntl.h>
#include <signal.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "limber-application.h"
#include "limber-test-gui.h"
#include "limber-window.h"

#define SECRET  "SECRET-4f1c9e-never-shown"
#define HEADING "Cannot Open the Program"

typedef enum { VIA_OPEN, VIA_APP, VIA_DROP, N_VIAS } Via;
static const char *via_names[] = { "open", "application", "drop" };

typedef struct
{
  GFile    *file;
  long      line;        /* the line the message names */
  GStrv     words;       /* words the message holds, any case */
  gboolean  opens;       /* only a picture is wrong: opens without it */
  gboolean  unreadable;  /* no read permission, which root ignores */
} Case;

static LimberApplication *app;
static char *tmpdir;
static char *secret;      /* a private file the hostile ones aim at */
static GPtrArray *cases;
static char *hostname;    /* a pattern: /etc/hostname's text as a word */

/* A valid program: @IMAGE@ is on line 11, @NOTES@ on line 14. */
static const char program_template[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<limber-program version=\"1\" xml:lang=\"en\">\n"
  "  <title>Hip mobility</title>\n"
  "  <patient name=\"Jane Doe\"/>\n"
  "  <created>2026-11-24</created>\n"
  "  <item exercise=\"hip-flexor-release\">\n"
  "    <exercise id=\"hip-flexor-release\">\n"
  "      <name>Hip flexor release</name>\n"
  "      <region>hip</region>\n"
  "      <tissue>iliopsoas</tissue>\n"
  "      @IMAGE@\n"
  "    </exercise>\n"
  "  </item>\n"
  "  <notes>@NOTES@</notes>\n"
  "</limber-program>\n";

/* DOCTYPEs, each refused at line 2 before anything in it is read. */
static const char *doctypes[][2] = {
  { "external-entity-secret.limber", "<!DOCTYPE limber-program [\n  <!ENTITY x SYSTEM \"file://@SECRET@\">\n]>\n"
                                     "<limber-program version=\"1\"><notes>&x;</notes></limber-program>\n" },
  { "parameter-entity.limber", "<!DOCTYPE limber-program [\n  <!ENTITY % p SYSTEM \"file://@SECRET@\">\n  %p;\n]>\n"
                               "<limber-program version=\"1\"/>\n" },
  { "external-dtd.limber", "<!DOCTYPE limber-program SYSTEM \"file://@SECRET@\">\n<limber-program version=\"1\"/>\n" },
  { "external-entity-http.limber", "<!DOCTYPE limber-program [\n  <!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">\n]>\n"
                                   "<limber-program version=\"1\"><notes>&x;</notes></limber-program>\n" },
};

static char *
replace (const char *text,
         const char *token,
         const char *with)
{
  g_auto(GStrv) parts = g_strsplit (text, token, -1);

  return g_strjoinv (with, parts);
}

static void
case_free (Case *c)
{
  g_object_unref (c->file);
  g_strfreev (c->words);
  g_free (c);
}

static Case *
add_case (GFile      *file,
          long        line,
          const char *words)
{
  Case *c = g_new0 (Case, 1);

  c->file = file;
  c->line = line;
  c->words = g_strsplit (words, " ", -1);
  g_ptr_array_add (cases, c);
  return c;
}

/* A case for @name in the temporary folder, made by the caller. */
static const char *
add_path (const char *name,
          long        line,
          const char *words)
{
  return g_file_peek_path (add_case (g_file_new_build_filename (tmpdir, name, NULL), line, words)->file);
}

static Case *
add_made (const char *name,
          const char *data,
          gssize      len,
          long        line,
          const char *words)
{
  g_assert_true (g_file_set_contents (add_path (name, line, words), data, len, NULL));
  return g_ptr_array_index (cases, cases->len - 1);
}

static Case *
add_program (const char *name,
             const char *image,
             const char *notes,
             long        line,
             const char *words)
{
  g_autofree char *with_image = replace (program_template, "@IMAGE@", image);
  g_autofree char *text = replace (with_image, "@NOTES@", notes);

  return add_made (name, text, -1, line, words);
}

/* A file of tests/files/program/invalid/. */
static char *
read_invalid (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "program", "invalid", name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static char *
read_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples", "tight-hips.limber", NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* @text as UTF-16 LE with a byte order mark, declared so. */
static GBytes *
to_utf16 (const char *text)
{
  g_autofree char *declared = replace (text, "encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *body = NULL;
  gsize len;

  body = g_convert (declared, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_assert_nonnull (body);
  g_byte_array_append (out, (const guint8 *) "\xff\xfe", 2);
  g_byte_array_append (out, (const guint8 *) body, len);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* tests/files/program/invalid/: line 2's "expect" comment gives the
 * line and the words, as in tests/files/README.md. */
static void
add_shipped (void)
{
  static const char *without_picture[] = {
    "image-huge-png.limber", "image-not-an-image.limber", "image-svg-external.limber", NULL
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "program", "invalid", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *text = read_invalid (name);
      g_autofree char *words = g_strdup ("empty");  /* empty.limber has no comment */
      const char *expect = strstr (text, "<!-- expect: ");
      char *end = NULL;
      long line = 1;

      if (expect != NULL)
        {
          line = strtol (expect + strlen ("<!-- expect: "), &end, 10);
          g_free (words);
          words = g_strstrip (g_strndup (end + 1, strstr (end, "-->") - end - 1));
        }
      add_case (g_file_new_build_filename (path, name, NULL), line, words)->opens
        = g_strv_contains (without_picture, name);
    }
  g_assert_cmpuint (cases->len, >=, 16);
}

/* Hostile files that tests/files/program/invalid/ lacks. */
static void
add_made_here (void)
{
  g_autofree char *sample = read_sample ();
  g_autofree char *malformed = read_invalid ("malformed.limber");
  g_autofree char *svg_external = read_invalid ("image-svg-external.limber");
  g_autofree char *xinclude = replace ("<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
                                       "href=\"file://@SECRET@\" parse=\"text\"/>", "@SECRET@", secret);
  g_autofree char *svg = replace ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\">"
                                  "<image href=\"file://@SECRET@\" width=\"4\" height=\"4\"/></svg>", "@SECRET@", secret);
  g_autofree char *svg64 = g_base64_encode ((const guchar *) svg, strlen (svg));
  g_autofree char *image = g_strdup_printf ("<image type=\"image/svg+xml\" alt=\"A dot\">%s</image>", svg64);
  g_autoptr(GBytes) utf16 = to_utf16 (malformed);
  g_autoptr(GString) big = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE limber-program [\n  <!ENTITY a \"");
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  char garbage[4096] = "\x89PNG\r\n\x1a\n";  /* a picture renamed */
  const char *cut, *path;
  int fd, line = 1;

  /* A 5,000-character entity used 3,000 times: the quadratic blowup. */
  for (int i = 0; i < 5000; i++)
    g_string_append_c (big, 'a');
  g_string_append (big, "\">\n]>\n<limber-program version=\"1\"><notes>");
  for (int i = 0; i < 3000; i++)
    g_string_append (big, "&a;");
  g_string_append (big, "</notes></limber-program>\n");
  add_made ("quadratic-blowup.limber", big->str, -1, 2, "DOCTYPE");
  for (guint i = 0; i < G_N_ELEMENTS (doctypes); i++)
    {
      g_autofree char *body = replace (doctypes[i][1], "@SECRET@", secret);
      g_autofree char *text = g_strconcat ("<?xml version=\"1.0\"?>\n", body, NULL);

      add_made (doctypes[i][0], text, -1, 2, "DOCTYPE");
    }
  /* XInclude is text to Limber, and the schema refuses it; an SVG that
   * would draw the secret opens without its picture. */
  add_program ("xinclude-secret.limber", "", xinclude, 14, "notes include");
  add_program ("svg-secret.limber", image, "", 11, "image svg")->opens = TRUE;
  add_made ("Hip & knee <2>.limber", svg_external, -1, 13, "image svg")->opens = TRUE;  /* not markup */

  /* What the parser stops at. */
  g_string_truncate (big, 0);
  for (int i = 0; i < 10000; i++)
    g_string_append (big, "<b>");
  add_program ("deep-nesting.limber", "", big->str, 14, "nested deeply");
  add_program ("invalid-utf8.limber", "", "caf\xc3\x28", 14, "UTF-8");
  for (gsize i = 8; i < sizeof garbage; i++)
    garbage[i] = g_rand_int_range (rand, 0, 256);
  add_made ("binary.limber", garbage, sizeof garbage, 1, "");
  add_made ("not-xml.limber", "Dear colleague,\nthe program for Sam is attached.\n", -1, 1, "XML");
  add_made ("whitespace-only.limber", "\n  \n\t\n", -1, 1, "empty");
  add_made ("utf16-malformed.limber", g_bytes_get_data (utf16, NULL), g_bytes_get_size (utf16), 4, "title");
  /* The sample cut inside a tag, as a failed download leaves it. */
  cut = strstr (sample + strlen (sample) / 2, "<") + 4;
  for (const char *p = sample; p < cut; p++)
    line += *p == '\n';
  add_made ("truncated.limber", sample, cut - sample, line, "");

  /* Over the 8 MB cap: refused from its size, never read (sparse). */
  fd = g_open (add_path ("huge.limber", 1, "too big 8 MB"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (ftruncate (fd, 9 * 1024 * 1024), ==, 0);
  close (fd);

  /* Not plain files, some of which never end. */
  g_assert_cmpint (g_mkdir (add_path ("folder.limber", 1, "folder"), 0755), ==, 0);
  g_assert_cmpint (symlink ("loop.limber", add_path ("loop.limber", 1, "cannot read")), ==, 0);
  g_assert_cmpint (symlink ("nowhere", add_path ("dangling.limber", 1, "no such file")), ==, 0);
  g_assert_cmpint (symlink (secret, add_path ("link-to-secret.limber", 1, "not XML")), ==, 0);
  g_assert_cmpint (mkfifo (add_path ("fifo.limber", 1, "pipe"), 0644), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", add_path ("zero.limber", 1, "device")), ==, 0);
  g_strlcpy (address.sun_path, add_path ("socket.limber", 1, "socket"), sizeof address.sun_path);
  fd = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &address, sizeof address), ==, 0);
  close (fd);
  path = g_file_peek_path (add_made ("vanished.limber", sample, -1, 1, "no such file")->file);
  g_assert_cmpint (g_unlink (path), ==, 0);
  path = g_file_peek_path (add_made ("unreadable.limber", sample, -1, 1, "cannot read permission denied")->file);
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  ((Case *) g_ptr_array_index (cases, cases->len - 1))->unreadable = TRUE;
}

/* ------------------------------------------------------------------ */
/* The window, its program with unsaved edits, and what to drop on it  */

typedef struct
{
  LimberWindow   *window;
  LimberProgram  *program;
  char           *before_edit;   /* written out before the last edit */
  char           *edited;        /* with every edit */
  GtkDropTarget  *file_drop;     /* the window's, for program files */
  GtkDropTarget  *stretch_drop;  /* the program side's, for stretches */
  LimberExercise *stretch;
} Fixture;

/* What GTK does once a drop is accepted and its data read. */
static void
drop (GtkDropTarget *target,
      GType          type,
      gpointer       object)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean done = FALSE;

  g_value_init (&value, type);
  if (type == GDK_TYPE_FILE_LIST)
    g_value_take_boxed (&value, gdk_file_list_new_from_array ((GFile **) &object, 1));
  else
    g_value_set_object (&value, object);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &done);
  g_assert_true (done);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  LimberCatalog *catalog = limber_application_get_catalog (app);
  g_autofree char *path = g_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples", "tight-hips.limber", NULL);
  g_autoptr(GFile) sample = g_file_new_for_path (path);

  f->window = limber_window_new (app, catalog);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (limber_test_wait_for (limber_test_is_mapped, f->window));
  f->file_drop = limber_test_find_drop_target (GTK_WIDGET (f->window), GDK_TYPE_FILE_LIST);
  f->stretch_drop = limber_test_find_drop_target (GTK_WIDGET (f->window), LIMBER_TYPE_EXERCISE);
  g_assert_nonnull (f->file_drop);
  g_assert_nonnull (f->stretch_drop);
  f->stretch = g_list_model_get_item (G_LIST_MODEL (catalog), 0);

  /* The sample, retitled, and a stretch dropped from the catalog. */
  g_assert_true (limber_window_open_file (f->window, sample));
  f->program = g_object_ref (limber_window_get_program (f->window));
  limber_program_set_field (f->program, LIMBER_PROGRAM_TITLE, "Tight hips — Sam, not saved yet");
  f->before_edit = limber_program_to_string (f->program, NULL);
  drop (f->stretch_drop, LIMBER_TYPE_EXERCISE, f->stretch);
  f->edited = limber_program_to_string (f->program, NULL);
  g_assert_cmpstr (f->edited, !=, f->before_edit);
  g_assert_true (limber_program_is_modified (f->program));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->program);
  g_clear_object (&f->stretch);
  g_free (f->before_edit);
  g_free (f->edited);
}

/* ------------------------------------------------------------------ */
/* Checks                                                             */

static gboolean
no_message_dialog (gpointer data)
{
  return limber_test_count_toplevels (ADW_TYPE_MESSAGE_DIALOG) == 0;
}

/* What its Close button does: the response, then closing. */
static void
close_dialog (AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (limber_test_wait_for (no_message_dialog, NULL));
}

/* A main window other than @window, or NULL. */
static LimberWindow *
find_other_window (LimberWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (LIMBER_IS_WINDOW (w) && w != GTK_WIDGET (window) && gtk_widget_get_visible (w))
        return LIMBER_WINDOW (w);
    }
  return NULL;
}

static gboolean
has_other_window (gpointer window)
{
  return find_other_window (window) != NULL;
}

typedef struct { GtkWidget *root; const char *text; GtkWidget *found; } LabelWait;

static gboolean
has_label_containing (gpointer data)
{
  LabelWait *w = data;

  w->found = limber_test_find_label_containing (w->root, w->text);
  return w->found != NULL;
}

/* A message the user sees names the file and line, holds the expected
 * words, and never shows what another file holds. */
static void
check_message (const char *text,
               Case       *c,
               const char *where)
{
  const char *path = g_file_peek_path (c->file);
  g_autofree char *name_line = g_strdup_printf ("%s:%ld: ", path, c->line);
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *without_path = replace (text, path, "");

  g_test_message ("%s: %s", where, text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  if (!g_str_has_prefix (text, name_line))
    g_test_fail_printf ("%s: “%s” does not start with “%s”", where, text, name_line);
  for (guint i = 0; c->words[i] != NULL; i++)
    {
      g_autofree char *word = g_utf8_casefold (c->words[i], -1);

      if (strstr (folded, word) == NULL)
        g_test_fail_printf ("%s: “%s” does not say “%s”", where, text, c->words[i]);
    }
  if (strstr (text, SECRET) != NULL || (hostname != NULL && g_regex_match_simple (hostname, without_path, 0, 0)))
    g_test_fail_printf ("%s: “%s” shows what another file holds", where, text);
}

static void
check_program_text (LimberProgram *program,
                    const char    *expected,
                    const char    *where,
                    const char    *when)
{
  g_autofree char *text = limber_program_to_string (program, NULL);

  if (g_strcmp0 (text, expected) != 0)
    g_error ("%s: the program is not as it was %s", where, when);
}

/* The program with unsaved edits is as it was, and the window works. */
static void
check_untouched (Fixture    *f,
                 const char *where)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->program));
  GtkWidget *window = GTK_WIDGET (f->window);

  g_assert_true (limber_window_get_program (f->window) == f->program);
  check_program_text (f->program, f->edited, where, "before");
  g_assert_true (limber_program_is_modified (f->program));
  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  check_program_text (f->program, f->before_edit, where, "before the last edit, after undo");
  g_assert_true (gtk_widget_activate_action (window, "win.redo", NULL));
  check_program_text (f->program, f->edited, where, "after redo");

  drop (f->stretch_drop, LIMBER_TYPE_EXERCISE, f->stretch);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->program)), ==, n + 1);
  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  check_program_text (f->program, f->edited, where, "after a stretch was dropped and undone");
}

/* A picture left out: the program opens in a window of its own, which
 * says why in a toast; that window is then closed. */
static void
check_opened_beside (Fixture    *f,
                     Case       *c,
                     const char *where,
                     guint       windows)
{
  g_autofree char *name_line = g_strdup_printf ("%s:%ld: ", g_file_peek_path (c->file), c->line);
  LabelWait toast = { NULL, name_line, NULL };
  LimberProgram *program;
  LimberWindow *other;
  g_autofree char *text = NULL;

  g_assert_true (limber_test_wait_for (has_other_window, f->window));
  other = find_other_window (f->window);
  g_assert_cmpuint (limber_test_count_toplevels (LIMBER_TYPE_WINDOW), ==, windows + 1);
  g_assert_cmpuint (limber_test_count_toplevels (ADW_TYPE_MESSAGE_DIALOG), ==, 0);
  program = limber_window_get_program (other);
  g_assert_false (limber_program_is_modified (program));
  g_assert_null (limber_exercise_get_image_data (limber_program_item_get_exercise (
                                                   limber_program_get_item (program, 0)), NULL));
  text = limber_program_to_string (program, NULL);
  g_assert_null (strstr (text, SECRET));

  toast.root = GTK_WIDGET (other);
  if (limber_test_wait_for (has_label_containing, &toast))
    check_message (gtk_label_get_text (GTK_LABEL (toast.found)), c, where);
  else
    g_test_fail_printf ("%s: no toast says “%s…”", where, name_line);
  gtk_window_destroy (GTK_WINDOW (other));
  g_assert_cmpuint (limber_test_count_toplevels (LIMBER_TYPE_WINDOW), ==, windows);
}

static const char *opening;  /* the file being opened, for on_alarm() */

static void
on_alarm (int signum)
{
  static const char says[] = "Bail out! Opening this hangs: ";

  if (write (STDOUT_FILENO, says, strlen (says)) < 0 || write (STDOUT_FILENO, opening, strlen (opening)) < 0)
    _exit (2);
  _exit (1);
}

/* Opens @c's file through @via, over the window's unsaved work. */
static void
try_case (Fixture *f,
          Case    *c,
          Via      via)
{
  g_autofree char *where = g_strdup_printf ("%s (%s)", g_file_peek_path (c->file), via_names[via]);
  guint windows = limber_test_count_toplevels (LIMBER_TYPE_WINDOW);
  gboolean obeying = FALSE;
  AdwMessageDialog *dialog;

  /* Root reads a file whatever its permissions say: unless it can be
   * made to obey them for a while, the case tests nothing. */
  /* Root can be made to obey only in this thread (capabilities are per
   * thread): the file manager's and a drop's files are read in a worker,
   * so there root would read it.  test-program tries that reading as
   * "nobody"; here GTK would reread its root-only recent files
   * meanwhile. */
  if (c->unreadable && geteuid () == 0
      && (via != VIA_OPEN || !(obeying = limber_test_obey_permissions (TRUE))))
    {
      g_test_message ("%s: not tried, root reads any file here", where);
      return;
    }
  /* Nothing may hang: a pipe or /dev/zero would block here for ever. */
  opening = where;
  alarm (30);
  if (via == VIA_OPEN)
    limber_window_open_file_full (f->window, c->file, LIMBER_WINDOW_OPEN_BESIDE_UNSAVED);  /* Open's response */
  else if (via == VIA_APP)
    g_application_open (G_APPLICATION (app), &c->file, 1, "");
  else
    drop (f->file_drop, GDK_TYPE_FILE_LIST, c->file);
  alarm (0);
  if (obeying)
    g_assert_true (limber_test_obey_permissions (FALSE));

  if (c->opens)
    check_opened_beside (f, c, where, windows);
  else
    {
      g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) HEADING));
      dialog = limber_test_find_message_dialog (HEADING);
      check_message (adw_message_dialog_get_body (dialog), c, where);
      g_assert_cmpuint (limber_test_count_toplevels (ADW_TYPE_MESSAGE_DIALOG), ==, 1);
      g_assert_cmpuint (limber_test_count_toplevels (LIMBER_TYPE_WINDOW), ==, windows);
      g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
      close_dialog (dialog);
    }
  check_untouched (f, where);
}

static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  Via via = GPOINTER_TO_INT (data);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < cases->len; i++)
    try_case (f, g_ptr_array_index (cases, i), via);
  g_test_message ("%u files through %s in %.1f s", cases->len, via_names[via],
                  (g_get_monotonic_time () - start) / 1e6);
}

typedef struct
{
  LimberWindow  *window;
  LimberProgram *before;
} ProgramWait;

static gboolean
program_replaced (gpointer data)
{
  ProgramWait *wait = data;

  return limber_window_get_program (wait->window) != wait->before;
}

/* The control: valid files dropped open beside unsaved work, or in
 * place of a saved program; UTF-16 reads as UTF-8 does. */
static void
test_drop_valid (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *sample = read_sample ();
  g_autoptr(GBytes) utf16 = to_utf16 (sample);
  g_autoptr(GFile) utf8_file = g_file_new_build_filename (tmpdir, "valid.limber", NULL);
  g_autoptr(GFile) utf16_file = g_file_new_build_filename (tmpdir, "valid-utf16.limber", NULL);
  g_autoptr(LimberProgram) expected = NULL;
  g_autofree char *expected_text = NULL;
  LimberProgram *first;
  LimberWindow *other;

  g_assert_true (g_file_set_contents (g_file_peek_path (utf8_file), sample, -1, NULL));
  g_assert_true (g_file_set_contents (g_file_peek_path (utf16_file), g_bytes_get_data (utf16, NULL),
                                      g_bytes_get_size (utf16), NULL));
  expected = limber_program_load (utf8_file, limber_application_get_catalog (app), NULL, NULL);
  expected_text = limber_program_to_string (expected, NULL);

  drop (f->file_drop, GDK_TYPE_FILE_LIST, utf8_file);
  g_assert_true (limber_test_wait_for (has_other_window, f->window));
  other = find_other_window (f->window);
  first = limber_window_get_program (other);
  check_program_text (first, expected_text, "valid drop", "in the file");
  g_assert_false (limber_program_is_modified (first));
  g_assert_null (limber_test_find_message_dialog (NULL));
  check_untouched (f, "valid drop");

  drop (limber_test_find_drop_target (GTK_WIDGET (other), GDK_TYPE_FILE_LIST), GDK_TYPE_FILE_LIST, utf16_file);
  /* Read in the background, then in place of the saved program. */
  g_assert_true (limber_test_wait_for (program_replaced, &(ProgramWait) { other, first }));
  g_assert_cmpuint (limber_test_count_toplevels (LIMBER_TYPE_WINDOW), ==, 2);
  g_assert_true (limber_window_get_program (other) != first);
  check_program_text (limber_window_get_program (other), expected_text, "UTF-16 drop", "in the file");
  g_assert_null (limber_test_find_message_dialog (NULL));
  gtk_window_destroy (GTK_WINDOW (other));
}

static gboolean
chooser_has_file (gpointer chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);

  return file != NULL;
}

/* Once through the real Open dialog: its response opens no window for
 * a file that is refused. */
static void
test_open_dialog (Fixture       *f,
                  gconstpointer  data)
{
  Case *c = NULL;
  GtkWindow *chooser;
  AdwMessageDialog *dialog;

  for (guint i = 0; i < cases->len; i++)
    if (g_str_has_suffix (g_file_peek_path (((Case *) g_ptr_array_index (cases, i))->file), "/malformed.limber"))
      c = g_ptr_array_index (cases, i);
  g_assert_nonnull (c);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open", NULL));
  g_assert_true (limber_test_wait_for (limber_test_has_toplevel_of_type,
                                       GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG)));
  chooser = limber_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), c->file, NULL));
  g_assert_true (limber_test_wait_for (chooser_has_file, chooser));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  g_assert_true (limber_test_wait_for (limber_test_has_message_dialog, (gpointer) HEADING));
  g_assert_cmpuint (limber_test_count_toplevels (LIMBER_TYPE_WINDOW), ==, 1);
  dialog = limber_test_find_message_dialog (HEADING);
  check_message (adw_message_dialog_get_body (dialog), c, "the Open dialog");
  close_dialog (dialog);
  check_untouched (f, "the Open dialog");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *name = NULL;
  int ret;

  /* Drafts and recent files go to a fresh folder (set before any
   * thread starts). */
  tmpdir = g_dir_make_tmp ("limber-open-hostile-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);

  if (!limber_test_gui_init (&argc, &argv))
    return 77;

  /* The machine's name, as a word: a short one is in many words. */
  if (g_file_get_contents ("/etc/hostname", &name, NULL, NULL) && *g_strstrip (name) != '\0')
    {
      g_autofree char *escaped = g_regex_escape_string (name, -1);

      hostname = g_strdup_printf ("(?<![[:alnum:]])%s(?![[:alnum:]])", escaped);
    }
  secret = g_build_filename (tmpdir, "secret.txt", NULL);
  g_assert_true (g_file_set_contents (secret, SECRET "\n", -1, NULL));

  app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  limber_test_wait_catalog (limber_application_get_catalog (app));

  signal (SIGALRM, on_alarm);
  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);
  add_shipped ();
  add_made_here ();
  for (Via via = 0; via < N_VIAS; via++)
    {
      g_autofree char *path = g_strdup_printf ("/open-hostile/%s", via_names[via]);

      g_test_add (path, Fixture, GINT_TO_POINTER (via), fixture_set_up, test_hostile, fixture_tear_down);
    }
  g_test_add ("/open-hostile/drop-valid", Fixture, NULL, fixture_set_up, test_drop_valid, fixture_tear_down);
  g_test_add ("/open-hostile/open-dialog", Fixture, NULL, fixture_set_up, test_open_dialog, fixture_tear_down);
  ret = g_test_run ();

  g_ptr_array_unref (cases);
  g_clear_object (&app);
  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmpdir);
    limber_test_delete_tree (dir);
  }
  g_free (hostname);
  g_free (secret);
  g_free (tmpdir);
  return ret;
}
