/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber-test-library.c — a program library as a clinic's would be
 *
 * The programs are the bundled sample (five stretches and an exam) with
 * the patient, title and dates of each visit.  Patient i has programs
 * for weeks 1, 2, 3… a week apart; patient 0 was seen last.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "limber-test-library.h"

static const char *const names[LIMBER_TEST_LIBRARY_PATIENTS] = {
  "Sam Rivera", "José Núñez", "Aisha Khan", "Margaret O'Brien", "Wei Chen",
  "Fatima Haddad", "Tom Becker", "Priya Patel", "Lars Nilsson", "Ana Souza",
  "Kwame Mensah", "Emma Dubois", "Hiro Tanaka", "Olga Ivanova", "Diego Ramírez",
  "Grace Okafor", "Noah Fischer", "Mia Rossi", "Liam Murphy", "Zoe Papadopoulos",
};

static const char *const topics[] = {
  "Hip mobility", "Low back", "Knee after surgery", "Tight calves", "Desk neck",
};

static char *
sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIMBER_DATA_DIR"), "examples", "tight-hips.limber", NULL);
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    g_error ("The sample program is missing: %s", path);
  return text;
}

static void
replace_line (GString    *text,
              const char *start_tag,
              const char *end_tag,
              const char *line)
{
  const char *from = strstr (text->str, start_tag);
  const char *to = from ? strstr (from, end_tag) : NULL;

  g_assert (to != NULL);
  to += strlen (end_tag);
  g_string_erase (text, from - text->str, to - from);
  g_string_insert (text, from - text->str, line);
}

/* The sample as another visit: @id may be NULL. */
char *
limber_test_library_program (const char *title,
                             const char *patient,
                             const char *id,
                             const char *created)
{
  static char *base = NULL;
  GString *text;
  g_autofree char *t = g_markup_printf_escaped ("<title>%s</title>", title);
  g_autofree char *p = id ? g_markup_printf_escaped ("<patient name=\"%s\" id=\"%s\"/>", patient, id)
                          : g_markup_printf_escaped ("<patient name=\"%s\"/>", patient);
  g_autofree char *c = g_strdup_printf ("<created>%s</created>", created);

  if (base == NULL)
    base = sample ();
  text = g_string_new (base);
  replace_line (text, "<title>", "</title>", t);
  replace_line (text, "<patient ", "/>", p);
  replace_line (text, "<created>", "</created>", c);
  return g_string_free (text, FALSE);
}

static void
write_file (GFile      *folder,
       const char *name,
       const char *text,
       gssize      length)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, text, length < 0 ? strlen (text) : (gsize) length, NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Files a library may hold that are not programs, or are hostile:
 * LIMBER_TEST_LIBRARY_BROKEN of them are .limber files that cannot be
 * read; the others are not listed at all. */
static void
write_broken (GFile *folder)
{
  g_autofree char *big = g_malloc (9 * 1024 * 1024);

  write_file (folder, "cut off.limber", "<limber-program version=\"1\">\n  <title>Half a fi", -1);
  write_file (folder, "empty.limber", "", -1);
  write_file (folder, "catalog by mistake.limber",
         "<limber-catalog version=\"1\"><title>x</title></limber-catalog>", -1);
  write_file (folder, "entities.limber",
         "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\">"
         "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
         "<limber-program version=\"1\"><title>&b;</title></limber-program>", -1);
  write_file (folder, "future.limber", "<limber-program version=\"99\"><title>New</title></limber-program>", -1);
  memset (big, ' ', 9 * 1024 * 1024);
  memcpy (big, "<limber-program version=\"1\">", strlen ("<limber-program version=\"1\">"));
  write_file (folder, "huge.limber", big, 9 * 1024 * 1024);
  /* Not programs: never listed, never a problem. */
  write_file (folder, "notes.txt", "Call Sam back on Monday", -1);
  write_file (folder, ".hidden.limber", "<nothing", -1);
  write_file (folder, "Sam Rivera 2026-01-01.limber.bak", "<old", -1);
}

/**
 * limber_test_library_write:
 *
 * Writes @n_programs programs into @folder, of 20 patients: patient i
 * has programs i, i + 20, i + 40…, week 1, 2, 3…, a week apart; the
 * newest visit is patient 0's.  Every third patient has no id.  Some are
 * in a subfolder, as a clinic sorting by year would.
 */
void
limber_test_library_write (GFile    *folder,
                           guint     n_programs,
                           gboolean  with_broken)
{
  g_autoptr(GFile) sub = g_file_get_child (folder, "2026");
  g_autoptr(GDate) start = g_date_new_dmy (1, G_DATE_SEPTEMBER, 2026);

  g_file_make_directory_with_parents (sub, NULL, NULL);
  for (guint i = 0; i < n_programs; i++)
    {
      guint patient = i % LIMBER_TEST_LIBRARY_PATIENTS;
      guint week = i / LIMBER_TEST_LIBRARY_PATIENTS + 1;
      g_autoptr(GDate) date = g_date_copy (start);
      char created[16];
      g_autofree char *title = NULL, *id = NULL, *text = NULL, *name = NULL;

      /* Later weeks later; within a week, patient 0 last. */
      g_date_add_days (date, week * 7 + (LIMBER_TEST_LIBRARY_PATIENTS - patient) / 4);
      g_date_strftime (created, sizeof created, "%Y-%m-%d", date);
      title = g_strdup_printf ("%s — week %u", topics[patient % G_N_ELEMENTS (topics)], week);
      id = patient % 3 == 2 ? NULL : g_strdup_printf ("MRN-%04u", 1000 + patient * 37);
      text = limber_test_library_program (title, names[patient], id, created);
      name = g_strdup_printf ("%s %s.limber", names[patient], created);
      write_file (i % 7 == 3 ? sub : folder, name, text, -1);
    }
  if (with_broken)
    write_broken (folder);
}

/* A new folder with the 50 programs and, if asked, the broken ones:
 * beside the test's data folder, on the same file system as its trash,
 * so that moving to the trash works as on a user's machine. */
GFile *
limber_test_library_make (gboolean with_broken)
{
  g_autofree char *parent = g_build_filename (g_get_user_data_dir (), "libraries", NULL);
  g_autofree char *path = g_build_filename (parent, "library-XXXXXX", NULL);
  GFile *folder;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_nonnull (g_mkdtemp (path));
  folder = g_file_new_for_path (path);
  limber_test_library_write (folder, LIMBER_TEST_LIBRARY_PROGRAMS, with_broken);
  return folder;
}
