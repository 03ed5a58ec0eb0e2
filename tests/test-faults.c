/* test-faults.c — saving when things go wrong
 *
 * Every writer Limber has (a program, a template, a draft, a PDF
 * handout, the custom-stretch catalog) is run into every fault that can
 * be made without root or a special file system:
 *
 *  - a full disk: a file size limit (RLIMIT_FSIZE, with SIGXFSZ
 *    ignored) in a child process, reached at several points of the file;
 *  - a folder where the file should be;
 *  - a symlink to a file elsewhere: the link may become the new file,
 *    the file it points to must not change;
 *  - a read-only folder (root gives up CAP_DAC_OVERRIDE for it);
 *  - kill -9 at a random moment while a child process saves in a loop,
 *    100 times.
 *
 * After each, the file is the old one, byte for byte, or the new one,
 * complete, and it loads with Limber's own reader; a refused save says
 * so with the file's name; nothing else in the folder changed.  A last
 * test kills a process while it edits a program and checks that its
 * last draft is there to restore, as after a crash.
 *
 * Every outcome is counted and printed, one line a writer at the end
 * ("program save: kill -9 100 times, intact 100/100 …").
 *
 * The child processes are fork()ed copies of this one: the catalog,
 * the fonts and what is saved are loaded already, so that a kill lands
 * in a save and not in start-up, and a run stays short under the
 * sanitizers (where a new process takes 2 s to start).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#ifdef LIMBER_TEST_POPPLER
#include <poppler.h>
#endif

#include "limber-catalog.h"
#include "limber-custom.h"
#include "limber-drafts.h"
#include "limber-handout.h"
#include "limber-paths.h"
#include "limber-program.h"
#include "limber-test-utils.h"
#include "limber-xml.h"

typedef enum
{
  WRITER_PROGRAM,
  WRITER_TEMPLATE,
  WRITER_DRAFT,
  WRITER_PDF,
  WRITER_CUSTOM,
  N_WRITERS
} Writer;

typedef enum
{
  FAULT_FULL_DISK,
  FAULT_FOLDER,
  FAULT_SYMLINK,
  FAULT_READ_ONLY,
  FAULT_KILL,
  N_FAULTS
} Fault;

/* What a writer writes: the file as it was, and the one a save makes. */
typedef enum
{
  OLD,
  NEW,
  N_VERSIONS,
  BAD = -1
} Version;

static const struct { const char *slug, *name; } writers[N_WRITERS] = {
  { "program", "program save" },
  { "template", "template save" },
  { "draft", "draft save" },
  { "pdf", "PDF export" },
  { "custom", "custom catalog save" },
};

static const struct { const char *slug, *name; } faults[N_FAULTS] = {
  { "full-disk", "full disk" },
  { "folder", "target is a folder" },
  { "symlink", "target is a symlink" },
  { "read-only", "read-only folder" },
  { "kill", "kill -9" },
};

/* Real draft ids are UUIDs (limber_drafts_new_id()). */
#define DRAFT_ID     "3f0c2a8e-5b7d-4e61-9a43-2d8b6c1e7f05"
/* AddressSanitizer makes fork() and the loaders some ten times slower
 * (a program loads in 0.2–0.4 s).  There, so that the test stays under
 * a minute on 2 cores (CI runs it with and without): 25 kills a writer
 * instead of 100 (LIMBER_FAULT_KILLS overrides both), and a file whose
 * bytes the real loader has already accepted in this test is not
 * loaded again. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LIMBER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(LIMBER_ASAN)
#define KILLS           25
#define REUSE_VERDICTS  TRUE
#else
#define KILLS           100
#define REUSE_VERDICTS  FALSE
#endif
#define KILL_MIN_WINDOW_MS  30
#define KILL_MAX_WINDOW_MS  150
#define RECOVERIES   20
#define EDITS_PER_DRAFT 3

/* What happened, for the summary. */
typedef struct
{
  guint     runs;
  guint     intact;
  guint     old;         /* the old file was there after */
  guint     new;         /* the new one */
  guint     left;        /* temporary files a killed save left */
  guint     failed;      /* saves a killed child reported as failed */
  gint64    save_us;     /* how long one save takes */
  gint64    window_us;   /* kills land in 0 … this */
  gboolean  skipped;
  char     *note;
  char     *problem;     /* after the kills: a leftover taken for a file… */
} Tally;

static Tally tallies[N_WRITERS][N_FAULTS];

static char *tmpdir;
static LimberCatalog *catalog;
static LimberProgram *programs[N_VERSIONS];
static LimberHandout *handouts[N_VERSIONS];
static LimberExercise *old_stretches[3];
static LimberExercise *new_stretch;
static const char *titles[N_VERSIONS] = { "Tight hips, week 1", "Tight hips, week 2" };

/* ------------------------------------------------------------------ */
/* What is saved                                                      */

static LimberExercise *
exercise_at (guint i)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  g_autoptr(LimberExercise) e = g_list_model_get_item (G_LIST_MODEL (catalog), i % n);

  return e;   /* the catalog keeps it alive */
}

static LimberProgram *
load_sample (void)
{
  g_autoptr(GFile) file = limber_paths_example ("tight-hips.limber");
  g_autoptr(GError) error = NULL;
  LimberProgram *program = limber_program_load (file, catalog, NULL, &error);

  g_assert_no_error (error);
  return program;
}

static LimberExercise *
build_stretch (const char *id,
               const char *name)
{
  LimberCustomFields fields = { 0 };
  g_autoptr(GError) error = NULL;
  LimberExercise *exercise;

  fields.id = id;
  fields.texts[LIMBER_EXERCISE_NAME] = name;
  fields.texts[LIMBER_EXERCISE_SUMMARY] = "Loosen your calf against a wall.";
  fields.texts[LIMBER_EXERCISE_SHORTEN] = "Stand facing a wall, one foot forward, and point your toes up.";
  fields.texts[LIMBER_EXERCISE_LENGTHEN] = "Lean slowly toward the wall until the back of your leg stretches.";
  fields.region = "ankle-foot";
  fields.tissues = "Gastrocnemius, soleus";
  fields.position = "standing";
  fields.caution = "Stop if you feel pain behind your knee.";
  limber_dosage_set (&fields.dosage, LIMBER_DOSAGE_SETS, 2);
  limber_dosage_set (&fields.dosage, LIMBER_DOSAGE_REPS, 8);
  fields.dosage.side = LIMBER_SIDE_BOTH;
  exercise = limber_custom_build (&fields, &error);
  g_assert_no_error (error);
  return exercise;
}

/* The old and the new of each writer: two weeks of a program, their
 * handouts, and a custom catalog before and after one more stretch. */
static void
make_fixtures (void)
{
  LimberDosage dosage = { 0 };

  for (int v = OLD; v < N_VERSIONS; v++)
    {
      programs[v] = load_sample ();
      limber_program_set_field (programs[v], LIMBER_PROGRAM_TITLE, titles[v]);
    }
  /* The new one is longer, so a full disk can cut it anywhere. */
  limber_program_insert_exercise (programs[NEW], 0, exercise_at (3));
  limber_dosage_set (&dosage, LIMBER_DOSAGE_SETS, 3);
  limber_dosage_set (&dosage, LIMBER_DOSAGE_REPS, 5);
  limber_program_set_item_dosage (programs[NEW], 1, &dosage);
  for (int v = OLD; v < N_VERSIONS; v++)
    handouts[v] = limber_handout_new (programs[v], NULL);

  old_stretches[0] = build_stretch ("custom-wall-calf", "Wall calf release");
  old_stretches[1] = build_stretch ("custom-step-calf", "Step calf release");
  old_stretches[2] = build_stretch ("custom-towel-calf", "Towel calf release");
  new_stretch = build_stretch ("custom-bench-calf", "Bench calf release");
}

/* ------------------------------------------------------------------ */
/* Where it is saved                                                  */

typedef struct
{
  Writer   writer;
  Fault    fault;
  char    *base;        /* this test's own folder */
  char    *folder;      /* the folder the writer writes in */
  char    *target;      /* the file it writes */
  char    *companion;   /* written with it (a draft's .ini), or NULL */
  char    *elsewhere;   /* where a symlink points */
  GBytes  *ref[N_VERSIONS];  /* the old and the new file, as written */
  GBytes  *companion_old;
  GHashTable *verdicts;      /* checksums of contents that loaded, or NULL */
} Place;

static char *
path_of (GFile *file)
{
  return g_file_get_path (file);
}

/* Paths only: place_setup() makes them. */
static void
place_init (Place  *p,
            Writer  writer,
            Fault   fault)
{
  memset (p, 0, sizeof *p);
  p->writer = writer;
  p->fault = fault;
  p->base = g_strdup_printf ("%s/%s-%s", tmpdir, writers[writer].slug, faults[fault].slug);
  p->elsewhere = g_build_filename (p->base, "elsewhere", NULL);
  if (REUSE_VERDICTS)
    p->verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  switch (writer)
    {
    case WRITER_PROGRAM:
      p->folder = g_build_filename (p->base, "Patients", NULL);
      p->target = g_build_filename (p->folder, "Sam Rivera.limber", NULL);
      break;
    case WRITER_TEMPLATE:
      {
        /* Where the window saves templates ($XDG_DATA_HOME is fixed for
         * the process: one folder, emptied for each test). */
        g_autoptr(GFile) folder = limber_paths_templates ();

        p->folder = path_of (folder);
        p->target = g_build_filename (p->folder, "Tight hips.limber", NULL);
      }
      break;
    case WRITER_DRAFT:
      {
        /* $XDG_STATE_HOME is fixed for the process too (setenv() is not
         * safe once threads run): one folder, emptied for each test. */
        g_autoptr(GFile) folder = limber_paths_drafts ();

        p->folder = path_of (folder);
        p->target = g_build_filename (p->folder, DRAFT_ID ".limber", NULL);
        p->companion = g_build_filename (p->folder, DRAFT_ID ".ini", NULL);
      }
      break;
    case WRITER_PDF:
      p->folder = g_build_filename (p->base, "Handouts", NULL);
      p->target = g_build_filename (p->folder, "Sam Rivera.pdf", NULL);
      break;
    case WRITER_CUSTOM:
      {
        g_autoptr(GFile) file = limber_custom_file ();
        g_autoptr(GFile) folder = limber_paths_user_catalog ();

        p->folder = path_of (folder);
        p->target = path_of (file);
      }
      break;
    case N_WRITERS:
    default:
      g_assert_not_reached ();
    }
}

static void
place_clear (Place *p)
{
  g_free (p->base);
  g_free (p->folder);
  g_free (p->target);
  g_free (p->companion);
  g_free (p->elsewhere);
  for (int v = OLD; v < N_VERSIONS; v++)
    g_clear_pointer (&p->ref[v], g_bytes_unref);
  g_clear_pointer (&p->companion_old, g_bytes_unref);
  g_clear_pointer (&p->verdicts, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Place, place_clear)

/* The save itself, as the app makes it. */
static gboolean
writer_write (Place    *p,
              Version   version,
              GError  **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (p->target);

  switch (p->writer)
    {
    case WRITER_PROGRAM:
      return limber_program_save (programs[version], file, error);
    case WRITER_TEMPLATE:
      {
        g_autoptr(LimberProgram) copy = limber_program_copy_as_template (programs[version]);

        return limber_program_save (copy, file, error);
      }
    case WRITER_DRAFT:
      return limber_drafts_save (DRAFT_ID, programs[version], error);
    case WRITER_PDF:
      return limber_handout_write_pdf (handouts[version], file, error);
    case WRITER_CUSTOM:
      /* The old catalog is three stretches, saved one by one; the new
       * one has a fourth.  Saving the fourth again gives the same file. */
      if (version == OLD)
        {
          for (guint i = 0; i < G_N_ELEMENTS (old_stretches); i++)
            if (!limber_custom_save (old_stretches[i], NULL, NULL, error))
              return FALSE;
          return TRUE;
        }
      return limber_custom_save (new_stretch, NULL, NULL, error);
    case N_WRITERS:
    default:
      g_assert_not_reached ();
    }
}

/* ".NAME." + 6 letters or digits: the temporary name limber-atomic.c
 * gives a file it writes (when the file system has no O_TMPFILE, or
 * for an instant before the rename). */
static gboolean
is_temp_of (const char *name,
            const char *prefix)
{
  gsize n = strlen (prefix);

  if (!g_str_has_prefix (name, prefix) || strlen (name) != n + 6)
    return FALSE;
  for (const char *c = name + n; *c; c++)
    if (!g_ascii_isalnum (*c))
      return FALSE;
  return TRUE;
}

static gboolean
is_temp_name (const Place *p,
              const char  *name)
{
  const char *files[] = { p->target, p->companion };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *base = files[i] ? g_path_get_basename (files[i]) : NULL;
      g_autofree char *temp = base ? g_strconcat (".", base, ".", NULL) : NULL;
      g_autofree char *bak_temp = base ? g_strconcat (".", base, ".bak.", NULL) : NULL;

      if (base != NULL && (is_temp_of (name, temp) || is_temp_of (name, bak_temp)))
        return TRUE;
    }
  return FALSE;
}

/* The writer's own files: its target, the companion, their .bak and
 * their temporary files. */
static gboolean
is_writer_file (const Place *p,
                const char  *name)
{
  const char *files[] = { p->target, p->companion };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *base = files[i] ? g_path_get_basename (files[i]) : NULL;
      g_autofree char *bak = base ? g_strconcat (base, ".bak", NULL) : NULL;

      if (base != NULL && (g_str_equal (name, base) || g_str_equal (name, bak)))
        return TRUE;
    }
  return is_temp_name (p, name);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every entry of @folder (and below) but the writer's own files: name,
 * kind, size, mode and a checksum of the contents. */
static void
list_into (GString     *out,
           const char  *folder,
           const char  *indent,
           const Place *p)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    {
      g_string_append_printf (out, "%s(no folder)\n", indent);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (p == NULL || !is_writer_file (p, name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *child = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (folder, child, NULL);
      struct stat st;

      if (lstat (path, &st) != 0)
        g_string_append_printf (out, "%s%s (gone)\n", indent, child);
      else if (S_ISLNK (st.st_mode))
        {
          g_autofree char *to = g_file_read_link (path, NULL);
          g_string_append_printf (out, "%s%s -> %s\n", indent, child, to);
        }
      else if (S_ISDIR (st.st_mode))
        {
          g_autofree char *deeper = g_strconcat (indent, "  ", NULL);

          g_string_append_printf (out, "%s%s/ %o\n", indent, child, st.st_mode & 07777);
          list_into (out, path, deeper, NULL);
        }
      else
        {
          g_autofree char *data = NULL;
          g_autofree char *sum = NULL;
          gsize len = 0;

          g_file_get_contents (path, &data, &len, NULL);
          sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
          g_string_append_printf (out, "%s%s %o %" G_GSIZE_FORMAT " %s\n", indent, child,
                                  st.st_mode & 07777, (gsize) st.st_size, sum);
        }
    }
}

static char *
listing (const char  *folder,
         const Place *p)
{
  GString *out = g_string_new (NULL);

  list_into (out, folder, "", p);
  return g_string_free (out, FALSE);
}

/* Temporary files in the folder: a save that failed cleanly leaves
 * none; a killed one may. */
/* Adds the names of the temporary files now in the folder to @seen. */
static void
collect_temps (const Place *p,
               GHashTable  *seen)
{
  g_autoptr(GDir) dir = g_dir_open (p->folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_temp_name (p, name))
      g_hash_table_add (seen, g_strdup (name));
}

static guint
count_temps (const Place *p)
{
  g_autoptr(GDir) dir = g_dir_open (p->folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_temp_name (p, name))
      n++;
  return n;
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

static void
delete_writer_files (const Place *p)
{
  g_autoptr(GDir) dir = g_dir_open (p->folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_writer_file (p, name))
      {
        g_autofree char *path = g_build_filename (p->folder, name, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);

        limber_test_delete_tree (file);
      }
}

/* A fresh folder with a file of the user's in it and the old version
 * saved by the writer itself; the new version is written once first,
 * so that both are known byte for byte. */
static void
place_setup (Place *p)
{
  g_autoptr(GFile) base = g_file_new_for_path (p->base);
  g_autoptr(GFile) folder = g_file_new_for_path (p->folder);
  g_autofree char *notes = g_build_filename (p->folder, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;

  limber_test_delete_tree (base);
  limber_test_delete_tree (folder);
  g_assert_cmpint (g_mkdir_with_parents (p->folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (notes, "The user's own file: no save may touch it.\n", -1, NULL));
  if (p->writer == WRITER_PROGRAM)
    {
      /* Another patient's program beside it. */
      g_autofree char *other = g_build_filename (p->folder, "Other patient.limber", NULL);
      g_autoptr(GFile) sample = limber_paths_example ("tight-hips.limber");
      g_autofree char *sample_path = path_of (sample);
      g_autofree char *data = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (sample_path, &data, &len, NULL));
      g_assert_true (g_file_set_contents (other, data, len, NULL));
    }

  g_assert_true (writer_write (p, OLD, &error));
  g_assert_no_error (error);
  g_assert_true (writer_write (p, NEW, &error));
  g_assert_no_error (error);
  p->ref[NEW] = read_bytes (p->target);
  g_assert_nonnull (p->ref[NEW]);

  delete_writer_files (p);
  g_assert_true (writer_write (p, OLD, &error));
  g_assert_no_error (error);
  p->ref[OLD] = read_bytes (p->target);
  g_assert_nonnull (p->ref[OLD]);
  if (p->companion != NULL)
    p->companion_old = read_bytes (p->companion);
}

/* ------------------------------------------------------------------ */
/* Is it the old file, the new one, or something else?                */

/* Whether @needle is in @data, which may hold NUL bytes (a PDF's
 * streams do: g_strstr_len() would stop at the first). */
static gboolean
contains (const char *data,
          gsize       len,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; n <= len && i <= len - n; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static char *
pdf_title (GBytes  *bytes,
           char   **why)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  /* A PDF ends with its trailer; a cut one does not. */
  if (len < 16 || memcmp (data, "%PDF-", 5) != 0
      || !contains (data + len - MIN (len, 32), MIN (len, 32), "%%EOF"))
    {
      *why = g_strdup_printf ("not a complete PDF (%" G_GSIZE_FORMAT " bytes, no %%%%EOF at the end)", len);
      return NULL;
    }
#ifdef LIMBER_TEST_POPPLER
  {
    g_autoptr(GError) error = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, &error);
    char *title = NULL;

    if (doc == NULL)
      *why = g_strdup_printf ("poppler cannot read it: %s", error->message);
    else if (poppler_document_get_n_pages (doc) < 1)
      *why = g_strdup ("a PDF without pages");
    else
      title = poppler_document_get_title (doc);
    g_clear_object (&doc);
    return title;
  }
#else
  /* Without poppler: the title in the document information, as cairo
   * writes it (UTF-16 in hex, or a plain string). */
  for (int v = OLD; v < N_VERSIONS; v++)
    {
      g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (titles[v], -1, NULL, NULL, NULL);
      g_autoptr(GString) hex = g_string_new ("/Title <FEFF");
      g_autofree char *plain = g_strdup_printf ("/Title (%s)", titles[v]);

      for (const gunichar2 *u = utf16; *u; u++)
        g_string_append_printf (hex, "%04X", *u);
      g_string_append_c (hex, '>');
      if (contains (data, len, hex->str) || contains (data, len, plain))
        return g_strdup (titles[v]);
    }
  *why = g_strdup ("a PDF without its title");
  return NULL;
#endif
}

/* The start-up restore would offer it. */
static gboolean
draft_listed (char **why)
{
  g_autoptr(GPtrArray) drafts = limber_drafts_list ();

  for (guint i = 0; i < drafts->len; i++)
    if (g_strcmp0 (((LimberDraft *) g_ptr_array_index (drafts, i))->id, DRAFT_ID) == 0)
      return TRUE;
  *why = g_strdup ("limber_drafts_list() does not find the draft");
  return FALSE;
}

/* Loads the draft as the start-up restore does. */
static char *
draft_title (char **why)
{
  g_autoptr(GPtrArray) drafts = limber_drafts_list ();

  for (guint i = 0; i < drafts->len; i++)
    {
      LimberDraft *draft = g_ptr_array_index (drafts, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(LimberProgram) program = NULL;

      if (g_strcmp0 (draft->id, DRAFT_ID) != 0)
        continue;
      program = limber_drafts_load (draft, catalog, &error);
      if (program == NULL)
        {
          *why = g_strdup_printf ("the draft does not load: %s", error->message);
          return NULL;
        }
      return g_strdup (limber_program_get_title (program));
    }
  *why = g_strdup ("limber_drafts_list() does not find the draft");
  return NULL;
}

/* Which stretches the custom catalog holds, as the catalog loads it. */
static char *
custom_state (const Place  *p,
              char        **why)
{
  g_autoptr(LimberCatalog) custom = limber_catalog_new ();
  g_autoptr(GFile) file = g_file_new_for_path (p->target);
  g_autoptr(GError) error = NULL;

  if (!limber_catalog_add_file (custom, file, &error))
    {
      *why = g_strdup_printf ("the catalog does not load it: %s", error ? error->message : "?");
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (old_stretches); i++)
    if (limber_catalog_lookup (custom, limber_exercise_get_id (old_stretches[i])) == NULL)
      {
        *why = g_strdup_printf ("%s is missing", limber_exercise_get_id (old_stretches[i]));
        return NULL;
      }
  return g_strdup (limber_catalog_lookup (custom, limber_exercise_get_id (new_stretch)) ? titles[NEW] : titles[OLD]);
}

/* OLD if the target is the old file, NEW if it is the new one, complete
 * (for everything but PDFs, which hold the time they were made: byte
 * for byte), BAD with @why otherwise.  Either way it must load with the
 * reader Limber opens it with (REUSE_VERDICTS: once per content). */
static Version
classify (const Place  *p,
          char        **why)
{
  g_autoptr(GBytes) bytes = read_bytes (p->target);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *sum = NULL;
  Version version;

  *why = NULL;
  if (bytes == NULL)
    {
      *why = g_strdup ("cannot be read");
      return BAD;
    }
  if (g_bytes_equal (bytes, p->ref[OLD]))
    version = OLD;
  else if (p->writer == WRITER_PDF || g_bytes_equal (bytes, p->ref[NEW]))
    version = NEW;
  else
    {
      *why = g_strdup_printf ("neither the old file nor the new one (%" G_GSIZE_FORMAT " bytes; old %"
                              G_GSIZE_FORMAT ", new %" G_GSIZE_FORMAT ")", g_bytes_get_size (bytes),
                              g_bytes_get_size (p->ref[OLD]), g_bytes_get_size (p->ref[NEW]));
      return BAD;
    }
  if (p->writer == WRITER_DRAFT && !draft_listed (why))
    return BAD;
  if (p->verdicts != NULL)
    {
      sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      if (g_hash_table_contains (p->verdicts, sum))
        return version;
    }

  switch (p->writer)
    {
    case WRITER_PROGRAM:
    case WRITER_TEMPLATE:
      {
        g_autoptr(GFile) file = g_file_new_for_path (p->target);
        g_autoptr(LimberProgram) program = limber_program_load (file, catalog, NULL, &error);

        if (program == NULL)
          *why = g_strdup_printf ("does not load: %s", error->message);
        else
          title = g_strdup (limber_program_get_title (program));
      }
      break;
    case WRITER_DRAFT:
      title = draft_title (why);
      break;
    case WRITER_PDF:
      title = pdf_title (bytes, why);
      break;
    case WRITER_CUSTOM:
      title = custom_state (p, why);
      break;
    case N_WRITERS:
    default:
      g_assert_not_reached ();
    }
  if (title == NULL)
    return BAD;
  if (g_strcmp0 (title, titles[version]) != 0)
    {
      *why = g_strdup_printf ("loads, but as '%s', not '%s'", title, titles[version]);
      return BAD;
    }
  if (sum != NULL)
    g_hash_table_add (p->verdicts, g_steal_pointer (&sum));
  return version;
}

/* A refused save says so, naming the file. */
static gboolean
error_is_clear (const Place  *p,
                const char   *message,
                char        **why)
{
  g_autofree char *name = g_path_get_basename (p->target);

  if (message == NULL || *message == '\0')
    *why = g_strdup ("the save failed with no message");
  else if (strstr (message, name) == NULL)
    *why = g_strdup_printf ("the message does not name %s: '%s'", name, message);
  else
    return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Counting                                                           */

static void
report_line (Writer  writer,
             Fault   fault,
             GString *out)
{
  Tally *t = &tallies[writer][fault];

  if (t->skipped)
    {
      g_string_append_printf (out, "%s: %s skipped (%s)", writers[writer].name, faults[fault].name,
                              t->note ? t->note : "");
      return;
    }
  if (fault == FAULT_KILL)
    g_string_append_printf (out, "%s: kill -9 %u times, intact %u/%u (old %u, new %u); "
                            "temporary files left %u%s, removed by the next save; saves that failed %u; "
                            "a save takes %.1f ms, kills at 0-%.0f ms",
                            writers[writer].name, t->runs, t->intact, t->runs, t->old, t->new,
                            t->left, t->left ? ", none taken for a real file" : "", t->failed,
                            t->save_us / 1e3, t->window_us / 1e3);
  else
    g_string_append_printf (out, "%s: %s, intact %u/%u", writers[writer].name, faults[fault].name,
                            t->intact, t->runs);
  if (t->note != NULL && fault != FAULT_KILL)
    g_string_append_printf (out, " (%s)", t->note);
}

static void
report (Writer writer,
        Fault  fault)
{
  g_autoptr(GString) line = g_string_new (NULL);

  report_line (writer, fault, line);
  g_test_message ("%s", line->str);
  g_printerr ("%s\n", line->str);
}

static void
set_note (Tally      *t,
          const char *note)
{
  g_free (t->note);
  t->note = g_strdup (note);
}

/* One outcome: counted, and told in full when it is wrong. */
static void
count (Tally      *t,
       Version     version,
       const char *problem)
{
  t->runs++;
  if (problem == NULL && version != BAD)
    {
      t->intact++;
      if (version == OLD)
        t->old++;
      else
        t->new++;
    }
  else
    g_test_message ("NOT INTACT (run %u): %s", t->runs, problem ? problem : "?");
}

/* The checks every fault but kill -9 shares: the save was refused with
 * a clear message, the file is the old one, nothing else changed, no
 * temporary file is left.  Returns the first problem, or NULL. */
static char *
check_refused (const Place *p,
               gboolean     saved,
               const char  *message,
               const char  *before,
               Version     *version)
{
  g_autofree char *after = listing (p->folder, p);
  g_autoptr(GBytes) companion = p->companion ? read_bytes (p->companion) : NULL;
  char *why = NULL;

  /* The file first: what matters most. */
  *version = BAD;
  if (p->ref[OLD] != NULL && (*version = classify (p, &why)) != OLD)
    {
      *version = BAD;
      return why ? why : g_strdup ("the new file replaced the old one");
    }
  if (saved)
    return g_strdup ("the save reported success");
  if (!error_is_clear (p, message, &why))
    return why;
  if (g_strcmp0 (before, after) != 0)
    return g_strdup_printf ("the folder changed:\n--- before\n%s--- after\n%s", before, after);
  if (p->companion_old != NULL && (companion == NULL || !g_bytes_equal (companion, p->companion_old)))
    return g_strdup_printf ("%s changed", p->companion);
  if (count_temps (p) > 0)
    return g_strdup_printf ("%u temporary files left", count_temps (p));
  return NULL;
}

/* ------------------------------------------------------------------ */
/* The faults                                                         */

/* In the child: the save with the file size limit; its error message
 * (or "(saved)") goes to @report_fd. */
static void G_GNUC_NORETURN
save_with_limit (Place *p,
                 gsize  bytes,
                 int    report_fd)
{
  GError *error = NULL;
  struct rlimit limit;
  const char *message;
  gsize len;

  /* Past the limit write() fails with EFBIG; SIGXFSZ would kill us. */
  signal (SIGXFSZ, SIG_IGN);
  if (getrlimit (RLIMIT_FSIZE, &limit) != 0)
    _exit (3);
  limit.rlim_cur = bytes;
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    _exit (3);
  message = writer_write (p, NEW, &error) ? "(saved)" : error && error->message ? error->message : "";
  len = strlen (message);
  _exit (write (report_fd, message, len) == (ssize_t) len ? 0 : 4);
}

/* A full disk, simulated with a file size limit (no root, no small
 * file system needed) in a copy of this process: everything is loaded
 * there already, where a g_test_trap_subprocess() child would load the
 * catalog and the fonts again (2 s each under AddressSanitizer). */
static void
fault_full_disk (Place *p,
                 Tally *t)
{
  gsize size;
  gsize limits[4];

  place_setup (p);
  /* Cut the new file at its first byte, at a third, two thirds and
   * its last byte. */
  size = g_bytes_get_size (p->ref[NEW]);
  limits[0] = 0;
  limits[1] = size / 3;
  limits[2] = 2 * size / 3;
  limits[3] = size - 1;
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autofree char *before = listing (p->folder, p);
      g_autoptr(GString) message = g_string_new (NULL);
      g_autofree char *problem = NULL;
      Version version = BAD;
      char buf[512];
      ssize_t n;
      int fds[2];
      int status;
      pid_t pid;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          save_with_limit (p, limits[i], fds[1]);
        }
      close (fds[1]);
      while ((n = read (fds[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0)
          g_string_append_len (message, buf, n);
      close (fds[0]);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        problem = g_strdup_printf ("the child saving failed (wait status %d)", status);
      else
        problem = check_refused (p, g_str_equal (message->str, "(saved)"), message->str, before, &version);
      if (problem == NULL)
        g_test_message ("limit %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes: %s", limits[i], size,
                        message->str);
      else
        {
          char *more = g_strdup_printf ("limit %" G_GSIZE_FORMAT " bytes: %s", limits[i], problem);

          g_free (problem);
          problem = more;
        }
      count (t, version, problem);
    }
}

static void
fault_folder (Place *p,
              Tally *t)
{
  g_autofree char *inside = g_build_filename (p->target, "inside.txt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *before_inside = NULL;
  g_autofree char *after_inside = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) no_old = NULL;
  Version version = BAD;
  gboolean saved;

  place_setup (p);
  /* A folder of the same name, with something in it, where the file
   * was. */
  g_assert_cmpint (g_unlink (p->target), ==, 0);
  g_assert_cmpint (g_mkdir (p->target, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "Not a program.\n", -1, NULL));
  no_old = g_steal_pointer (&p->ref[OLD]);
  before = listing (p->folder, p);
  before_inside = listing (p->target, NULL);

  saved = writer_write (p, NEW, &error);
  problem = check_refused (p, saved, error ? error->message : NULL, before, &version);
  after_inside = listing (p->target, NULL);
  if (problem == NULL && !g_file_test (p->target, G_FILE_TEST_IS_DIR))
    problem = g_strdup ("the folder is gone");
  if (problem == NULL && g_strcmp0 (before_inside, after_inside) != 0)
    problem = g_strdup_printf ("the folder's contents changed:\n%s\n%s", before_inside, after_inside);
  if (problem == NULL)
    g_test_message ("%s", error->message);
  /* Nothing to be old or new: the folder stayed a folder. */
  count (t, problem ? BAD : OLD, problem);
  p->ref[OLD] = g_steal_pointer (&no_old);
}

static void
fault_symlink (Place *p,
               Tally *t)
{
  g_autofree char *name = g_path_get_basename (p->target);
  g_autofree char *real = g_build_filename (p->elsewhere, name, NULL);
  g_autofree char *before = NULL;
  g_autofree char *before_elsewhere = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_elsewhere = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;
  Version version = BAD;
  gboolean saved;

  place_setup (p);
  /* The old file lives elsewhere; the target is a link to it. */
  g_assert_cmpint (g_mkdir_with_parents (p->elsewhere, 0755), ==, 0);
  g_assert_cmpint (g_rename (p->target, real), ==, 0);
  g_assert_cmpint (symlink (real, p->target), ==, 0);
  before = listing (p->folder, p);
  before_elsewhere = listing (p->elsewhere, NULL);

  saved = writer_write (p, NEW, &error);
  after = listing (p->folder, p);
  after_elsewhere = listing (p->elsewhere, NULL);
  if (g_strcmp0 (before_elsewhere, after_elsewhere) != 0)
    problem = g_strdup_printf ("the file the link points to changed:\n%s\n%s", before_elsewhere, after_elsewhere);
  else if (!saved && !error_is_clear (p, error ? error->message : NULL, &problem))
    ;
  else if ((version = classify (p, &problem)) == BAD)
    ;
  else if (version != (saved ? NEW : OLD))
    problem = g_strdup_printf ("the save said %s but the file is the %s one", saved ? "saved" : "not saved",
                               version == NEW ? "new" : "old");
  else if (g_strcmp0 (before, after) != 0)
    problem = g_strdup_printf ("the folder changed:\n%s\n%s", before, after);
  else if (count_temps (p) > 0)
    problem = g_strdup_printf ("%u temporary files left", count_temps (p));
  if (problem != NULL)
    version = BAD;
  else
    {
      struct stat st;

      g_assert_cmpint (lstat (p->target, &st), ==, 0);
      set_note (t, !saved ? "refused, link kept"
                : S_ISLNK (st.st_mode) ? "saved through the link"
                : "saved, the link replaced by the new file");
    }
  count (t, version, problem);
}

static void
fault_read_only (Place *p,
                 Tally *t)
{
  g_autofree char *before = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;
  Version version = BAD;
  gboolean saved;

  place_setup (p);
  before = listing (p->folder, p);
  g_assert_cmpint (g_chmod (p->folder, 0555), ==, 0);
  /* Root (CI) writes in a read-only folder all the same, unless it
   * gives up the capability to. */
  if (!limber_test_obey_permissions (TRUE))
    {
      t->skipped = TRUE;
      set_note (t, "running as root: chmod is not enforced");
      g_assert_cmpint (g_chmod (p->folder, 0755), ==, 0);
      g_test_skip ("root who cannot drop CAP_DAC_OVERRIDE: a read-only folder is writable");
      return;
    }
  saved = writer_write (p, NEW, &error);
  g_assert_true (limber_test_obey_permissions (FALSE));
  g_assert_cmpint (g_chmod (p->folder, 0755), ==, 0);
  problem = check_refused (p, saved, error ? error->message : NULL, before, &version);
  if (problem == NULL)
    g_test_message ("%s", error->message);
  count (t, version, problem);
}

/* In the child: save the new version until killed (or, if the parent
 * is gone, for 10 s), a byte on @report after each save. */
static void G_GNUC_NORETURN
save_until_killed (Place *p,
                   int    report_fd)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_autoptr(GError) error = NULL;
      char c = writer_write (p, NEW, &error) ? '+' : 'E';

      if (write (report_fd, &c, 1) != 1)
        break;
    }
  /* Never the test framework's exit path: this is a copy of it. */
  _exit (0);
}

static void
restore_old (const Place *p)
{
  g_assert_true (g_file_set_contents (p->target, g_bytes_get_data (p->ref[OLD], NULL),
                                      g_bytes_get_size (p->ref[OLD]), NULL));
  if (p->companion_old != NULL)
    g_assert_true (g_file_set_contents (p->companion, g_bytes_get_data (p->companion_old, NULL),
                                        g_bytes_get_size (p->companion_old), NULL));
}

/* How long, from fork() on, a child takes to finish one save: the mean
 * of a few. */
#define CALIBRATIONS 2

static gint64
first_save_time (Place *p)
{
  gint64 total = 0;

  for (guint i = 0; i < CALIBRATIONS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      int fds[2];
      int status;
      pid_t pid;
      char c = 0;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          c = writer_write (p, NEW, NULL) ? '+' : 'E';
          _exit (write (fds[1], &c, 1) == 1 ? 0 : 1);
        }
      close (fds[1]);
      g_assert_cmpint (read (fds[0], &c, 1), ==, 1);
      total += g_get_monotonic_time () - start;
      g_assert_cmpint (c, ==, '+');
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      close (fds[0]);
    }
  restore_old (p);
  return total / CALIBRATIONS;
}

static guint
n_kills (void)
{
  const char *text = g_getenv ("LIMBER_FAULT_KILLS");

  return text != NULL ? (guint) g_ascii_strtoull (text, NULL, 10) : KILLS;
}

/* What a leftover temporary file could be taken for: the file choosers
 * and the New menu list "*.limber", the start-up restore lists drafts
 * by their ".ini", the catalog loads "*.xml", a PDF is "*.pdf". */
static char *
check_leftovers (const Place *p)
{
  static const char *suffixes[N_WRITERS] = { ".limber", ".limber", ".ini", ".pdf", ".xml" };
  g_autoptr(GDir) dir = g_dir_open (p->folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_temp_name (p, name) && (g_str_has_suffix (name, suffixes[p->writer])
                                   || g_str_has_suffix (name, ".limber")))
      return g_strdup_printf ("the temporary file %s looks like a real one", name);

  if (p->writer == WRITER_DRAFT)
    {
      g_autoptr(GPtrArray) drafts = limber_drafts_list ();

      if (drafts->len != 1)
        return g_strdup_printf ("limber_drafts_list() finds %u drafts, not 1", drafts->len);
    }
  if (p->writer == WRITER_CUSTOM)
    {
      g_autoptr(LimberCatalog) custom = limber_catalog_new ();
      g_autoptr(GFile) folder = g_file_new_for_path (p->folder);
      guint loaded = limber_catalog_add_folder (custom, folder);
      GPtrArray *problems = limber_catalog_get_problems (custom);

      if (loaded != 1 || problems->len > 0)
        return g_strdup_printf ("the user catalog loads %u files with %u problems%s%s", loaded, problems->len,
                                problems->len ? ": " : "",
                                problems->len ? (char *) g_ptr_array_index (problems, 0) : "");
    }
  return NULL;
}

static void
fault_kill (Place *p,
            Tally *t)
{
  g_autofree char *before = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;
  guint kills = n_kills ();
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GHashTable) temps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char *why = NULL;

  place_setup (p);
  before = listing (p->folder, p);

  /* Kills land anywhere in 0–30 ms, or in twice the time a child takes
   * to finish its first save when that is longer (the copy of this
   * process pays for its first touch of memory, and a PDF takes a while
   * to draw), so that some land after the rename: a window shorter than
   * a save would only ever find the old file.  At most 150 ms, for the
   * time the test takes under the sanitizers. */
  t->save_us = first_save_time (p);
  t->window_us = CLAMP (2 * t->save_us, KILL_MIN_WINDOW_MS * 1000, KILL_MAX_WINDOW_MS * 1000);

  for (guint i = 0; i < kills; i++)
    {
      g_autofree char *after = NULL;
      g_autofree char *trouble = NULL;
      guint saves = 0;
      int fds[2];
      int status;
      pid_t pid;
      char buf[256];
      ssize_t n;
      Version version;

      restore_old (p);
      g_assert_cmpint (pipe (fds), ==, 0);
      /* A copy of this process, everything loaded: it starts saving at
       * once, so the delay is all inside saves. */
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          save_until_killed (p, fds[1]);
        }
      close (fds[1]);
      g_usleep (g_test_rand_int_range (0, t->window_us + 1));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      while ((n = read (fds[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
        for (ssize_t j = 0; j < n; j++)
          {
            if (buf[j] == '+')
              saves++;
            else
              t->failed++;
          }
      close (fds[0]);
      collect_temps (p, temps);

      /* The old file or the new one, loading; once a save has
       * finished, the new one. */
      version = classify (p, &why);
      after = listing (p->folder, p);
      if (version == BAD)
        trouble = g_steal_pointer (&why);
      else if (saves > 0 && version != NEW)
        trouble = g_strdup_printf ("%u saves finished, but the file is the old one", saves);
      else if (g_strcmp0 (before, after) != 0)
        trouble = g_strdup_printf ("the folder changed:\n%s\n%s", before, after);
      g_clear_pointer (&why, g_free);
      if (trouble != NULL)
        {
          char *more = g_strdup_printf ("killed after %u saves: %s", saves, trouble);
          g_free (trouble);
          trouble = more;
        }
      count (t, trouble ? BAD : version, trouble);
    }

  /* Temporary files killed saves left (each seen once): counted; they
   * must not pass for real files, nor stop the next save, which
   * removes them. */
  t->left = g_hash_table_size (temps);
  problem = check_leftovers (p);
  if (problem == NULL && !writer_write (p, NEW, &error))
    problem = g_strdup_printf ("the save after the kills failed: %s", error->message);
  if (problem == NULL && classify (p, &why) != NEW)
    problem = g_strdup_printf ("the save after the kills: %s", why ? why : "not the new file");
  if (problem == NULL && count_temps (p) > 0)
    problem = g_strdup_printf ("the save after the kills left %u temporary files in place", count_temps (p));
  g_free (why);
  if (problem != NULL)
    {
      g_test_message ("NOT INTACT: %s", problem);
      t->problem = g_steal_pointer (&problem);
    }
  g_test_message ("%s: %u kills in %.1f s", writers[p->writer].name, kills,
                  (g_get_monotonic_time () - start) / 1e6);
}

static void
test_fault (gconstpointer data)
{
  guint which = GPOINTER_TO_UINT (data);
  Writer writer = which / N_FAULTS;
  Fault fault = which % N_FAULTS;
  Tally *t = &tallies[writer][fault];
  g_auto(Place) p;

  place_init (&p, writer, fault);
  switch (fault)
    {
    case FAULT_FULL_DISK:
      fault_full_disk (&p, t);
      break;
    case FAULT_FOLDER:
      fault_folder (&p, t);
      break;
    case FAULT_SYMLINK:
      fault_symlink (&p, t);
      break;
    case FAULT_READ_ONLY:
      fault_read_only (&p, t);
      break;
    case FAULT_KILL:
      fault_kill (&p, t);
      break;
    case N_FAULTS:
    default:
      g_assert_not_reached ();
    }
  report (writer, fault);
  /* A failure fails this test only: the others still run and count. */
  if (!t->skipped && (t->runs == 0 || t->intact != t->runs))
    g_test_fail_printf ("%s, %s: intact %u/%u", writers[writer].name, faults[fault].name, t->intact, t->runs);
  else if (t->failed > 0)
    g_test_fail_printf ("%s, %s: %u saves failed in the killed child", writers[writer].name, faults[fault].name,
                        t->failed);
  else if (t->problem != NULL)
    g_test_fail_printf ("%s, %s: %s", writers[writer].name, faults[fault].name, t->problem);
}

/* ------------------------------------------------------------------ */
/* Drafts after a crash                                               */

/* The @k-th edit (from 1) of the editing child, the same every time:
 * the notes, a stretch added (or, past 15, the last one taken out), a
 * dosage. */
static void
apply_edit (LimberProgram *program,
            guint          k)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (program));

  switch (k % 3)
    {
    case 0:
      {
        g_autofree char *notes = g_strdup_printf ("Edit %u: walk for a minute every half hour.", k);

        limber_program_set_field (program, LIMBER_PROGRAM_NOTES, notes);
      }
      break;
    case 1:
      if (n < 15)
        limber_program_insert_exercise (program, k % (n + 1), exercise_at (k * 7));
      else
        limber_program_remove (program, n - 1);
      break;
    default:
      {
        LimberDosage dosage = { 0 };

        limber_dosage_set (&dosage, LIMBER_DOSAGE_SETS, 1 + k % 4);
        limber_dosage_set (&dosage, LIMBER_DOSAGE_REPS, 5 + k % 10);
        dosage.side = k % 2 ? LIMBER_SIDE_LEFT : LIMBER_SIDE_BOTH;
        limber_program_set_item_dosage (program, k % n, &dosage);
      }
      break;
    }
}

/* In the child: edit, with a short pause after each edit, and write a
 * draft after every EDITS_PER_DRAFT edits, as the window does once its
 * debounce runs out; the number of edits each draft holds goes on
 * @report_fd once it is written. */
static void G_GNUC_NORETURN
edit_until_killed (LimberProgram *program,
                   int            report_fd)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (guint32 k = 1; g_get_monotonic_time () < end; k++)
    {
      apply_edit (program, k);
      g_usleep (500);
      if (k % EDITS_PER_DRAFT == 0)
        {
          g_autoptr(GError) error = NULL;

          if (!limber_drafts_save (DRAFT_ID, program, &error))
            _exit (2);
          if (write (report_fd, &k, sizeof k) != sizeof k)
            break;
        }
    }
  _exit (0);
}

/* The program after @k edits (a multiple of EDITS_PER_DRAFT), as
 * text: the same edits replayed on a copy of our own, the text after
 * each draft's worth kept once made. */
static const char *
expected_after (LimberProgram *replay,
                GPtrArray     *texts,
                guint          k)
{
  guint index = k / EDITS_PER_DRAFT;

  g_assert_cmpuint (k % EDITS_PER_DRAFT, ==, 0);
  if (texts->len == 0)
    g_ptr_array_add (texts, limber_program_to_string (replay, NULL));
  while (texts->len <= index)
    {
      for (guint e = (texts->len - 1) * EDITS_PER_DRAFT + 1; e <= texts->len * EDITS_PER_DRAFT; e++)
        apply_edit (replay, e);
      g_ptr_array_add (texts, limber_program_to_string (replay, NULL));
    }
  return g_ptr_array_index (texts, index);
}

static void
test_draft_recovery (void)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LimberProgram) replay = load_sample ();
  /* Each child edits its own copy of this one: fork() copies it. */
  g_autoptr(LimberProgram) program = load_sample ();
  g_autoptr(GFile) drafts_folder = limber_paths_drafts ();
  guint survived = 0, drafts_total = 0, edits_total = 0;
  g_autofree char *line = NULL;

  for (guint round = 0; round < RECOVERIES; round++)
    {
      g_autoptr(GPtrArray) drafts = NULL;
      g_autofree char *problem = NULL;
      LimberDraft *found = NULL;
      guint32 last = 0, k;
      guint edits = 0;
      int fds[2];
      int status;
      pid_t pid;
      ssize_t n;

      /* Every round starts with no draft at all. */
      limber_test_delete_tree (drafts_folder);
      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          edit_until_killed (program, fds[1]);
        }
      close (fds[1]);
      /* Once the first draft is written (before it there is nothing to
       * restore), anywhere in the next few dozen. */
      if (read (fds[0], &k, sizeof k) == sizeof k)
        {
          last = k;
          drafts_total++;
        }
      g_usleep (g_test_rand_int_range (0, 300 * 1000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFSIGNALED (status))
        problem = g_strdup_printf ("the editing child ended by itself (status %d): a draft failed", status);
      while ((n = read (fds[0], &k, sizeof k)) == sizeof k)
        {
          last = k;
          drafts_total++;
        }
      close (fds[0]);

      /* What the next start offers. */
      drafts = limber_drafts_list ();
      for (guint i = 0; i < drafts->len; i++)
        if (g_str_equal (((LimberDraft *) g_ptr_array_index (drafts, i))->id, DRAFT_ID))
          found = g_ptr_array_index (drafts, i);
      if (problem != NULL)
        ;
      else if (last == 0)
        problem = g_strdup ("the child wrote no draft");
      else if (found == NULL)
        problem = g_strdup_printf ("%u edits were in a draft, but no draft is found", last);
      else
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(LimberProgram) restored = limber_drafts_load (found, catalog, &error);
          g_autofree char *text = restored ? limber_program_to_string (restored, NULL) : NULL;

          /* The last draft reported, or the one after it (written, the
           * child killed before it could say so). */
          if (restored == NULL)
            problem = g_strdup_printf ("the draft does not load: %s", error->message);
          else if (g_strcmp0 (text, expected_after (replay, texts, last)) == 0)
            edits = last;
          else if (g_strcmp0 (text, expected_after (replay, texts, last + EDITS_PER_DRAFT)) == 0)
            edits = last + EDITS_PER_DRAFT;
          else
            problem = g_strdup_printf ("the draft holds neither %u nor %u edits", last, last + EDITS_PER_DRAFT);
        }
      if (problem == NULL)
        {
          survived++;
          edits_total += edits;
        }
      else
        g_test_message ("round %u: %s", round, problem);
      g_test_message ("round %u: %u edits reported in a draft, the draft restored holds %u", round, last, edits);
    }
  line = g_strdup_printf ("draft crash recovery: kills survived %u/%u (%u drafts written, a restored draft held "
                          "%.0f edits on average)", survived, RECOVERIES, drafts_total,
                          (double) edits_total / MAX (survived, 1));
  g_test_message ("%s", line);
  g_printerr ("%s\n", line);
  if (survived != RECOVERIES)
    g_test_fail_printf ("kills survived %u/%u", survived, RECOVERIES);
}

/* ------------------------------------------------------------------ */

static void
print_summary (void)
{
  g_printerr ("\nSummary\n");
  for (Writer w = 0; w < N_WRITERS; w++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (Fault f = 0; f < N_FAULTS; f++)
        {
          Tally *t = &tallies[w][f];

          if (t->runs == 0 && !t->skipped)
            continue;   /* not run (-p, -s) */
          if (line->len > 0)
            g_string_append (line, "; ");
          if (t->skipped)
            g_string_append_printf (line, "%s skipped (root)", faults[f].name);
          else if (f == FAULT_KILL)
            g_string_append_printf (line, "kill -9 %u times, intact %u/%u (old %u, new %u, %u temporary files "
                                    "left, removed by the next save)",
                                    t->runs, t->intact, t->runs, t->old, t->new, t->left);
          else
            g_string_append_printf (line, "%s intact %u/%u", faults[f].name, t->intact, t->runs);
        }
      if (line->len == 0)
        continue;
      g_test_message ("%s: %s", writers[w].name, line->str);
      g_printerr ("%s: %s\n", writers[w].name, line->str);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *state_home = NULL;
  int ret;

  /* A folder of our own for everything, set before anything asks GLib
   * for $XDG_DATA_HOME (it is read once) and before any thread runs. */
  tmpdir = g_dir_make_tmp ("limber-faults-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  data_home = g_build_filename (tmpdir, "data", NULL);
  state_home = g_build_filename (tmpdir, "state", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_STATE_HOME", state_home, TRUE);

  g_test_init (&argc, &argv, NULL);
  limber_xml_init ();
  catalog = limber_catalog_new ();
  limber_catalog_load_standard (catalog, NULL);
  make_fixtures ();

  for (Writer w = 0; w < N_WRITERS; w++)
    for (Fault f = 0; f < N_FAULTS; f++)
      {
        g_autofree char *path = g_strdup_printf ("/faults/%s/%s", writers[w].slug, faults[f].slug);

        g_test_add_data_func (path, GUINT_TO_POINTER (w * N_FAULTS + f), test_fault);
      }
  g_test_add_func ("/faults/draft/crash-recovery", test_draft_recovery);

  ret = g_test_run ();

  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmpdir);

    print_summary ();
    limber_test_delete_tree (dir);
  }
  for (int v = OLD; v < N_VERSIONS; v++)
    {
      g_clear_object (&handouts[v]);
      g_clear_object (&programs[v]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (old_stretches); i++)
    g_clear_object (&old_stretches[i]);
  g_clear_object (&new_stretch);
  g_clear_object (&catalog);
  for (Writer w = 0; w < N_WRITERS; w++)
    for (Fault f = 0; f < N_FAULTS; f++)
      {
        g_free (tallies[w][f].note);
        g_free (tallies[w][f].problem);
      }
  g_free (tmpdir);
  return ret;
}
