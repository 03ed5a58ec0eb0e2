/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fault-place.c — where a writer of test-faults writes
 *
 * Each writer's folder and file, set up with the old version in it;
 * the save as the app makes it; listings and temporary files.
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "limber-clinic-logo.h"
#include "limber-custom.h"
#include "limber-drafts.h"
#include "limber-paths.h"
#include "limber-test-utils.h"

#include "fault-place.h"

char *tmpdir;

/* ------------------------------------------------------------------ */
/* Where it is saved                                                  */

static char *
path_of (GFile *file)
{
  return g_file_get_path (file);
}

/* Paths only: place_setup() makes them. */
void
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
    case WRITER_LOGO:
      {
        g_autoptr(GFile) file = limber_clinic_logo_file ();
        g_autoptr(GFile) folder = g_file_get_parent (file);

        p->folder = path_of (folder);
        p->target = path_of (file);
      }
      break;
    case N_WRITERS:
    default:
      g_assert_not_reached ();
    }
}

void
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

/* The save itself, as the app makes it. */
gboolean
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
    case WRITER_LOGO:
      return limber_clinic_logo_import (logos[version], error);
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

gboolean
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

char *
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
void
collect_temps (const Place *p,
               GHashTable  *seen)
{
  g_autoptr(GDir) dir = g_dir_open (p->folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_temp_name (p, name))
      g_hash_table_add (seen, g_strdup (name));
}

guint
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

GBytes *
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
void
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
