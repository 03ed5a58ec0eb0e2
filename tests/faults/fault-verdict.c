/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fault-verdict.c — is it the old file, the new one, or something else?
 *
 * Programs and templates load with limber_program_load(), drafts as
 * the start-up restore finds them, the custom catalog as the catalog
 * loads it; a PDF is read with poppler when the test is built with it
 * (LIMBER_TEST_POPPLER), else checked by its trailer and its title.
 */
#include "config.h"

#include <string.h>

#ifdef LIMBER_TEST_POPPLER
#include <poppler.h>
#endif

#include "limber-clinic-logo.h"
#include "limber-drafts.h"
#include "limber-image.h"

#include "fault-verdict.h"

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

/* A logo the handout can draw: checked and decoded as it would be. */
static char *
logo_state (GBytes   *bytes,
            Version   version,
            char    **why)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 40, 16);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) copy = limber_clinic_logo_file ();
  gboolean drawn;

  path = g_file_get_path (copy);
  drawn = limber_image_check (bytes, "image/png", &message) && limber_clinic_logo_draw (path, cr, 40, 16);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (!drawn)
    {
      *why = g_strdup_printf ("the logo cannot be drawn: %s", message ? message : "it does not decode");
      return NULL;
    }
  return g_strdup (titles[version]);
}

/* OLD if the target is the old file, NEW if it is the new one, complete
 * (for everything but PDFs, which hold the time they were made: byte
 * for byte), BAD with @why otherwise.  Either way it must load with the
 * reader Limber opens it with (REUSE_VERDICTS: once per content). */
Version
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
    case WRITER_LOGO:
      title = logo_state (bytes, version, why);
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
gboolean
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

/* The checks every fault but kill -9 shares: the save was refused with
 * a clear message, the file is the old one, nothing else changed, no
 * temporary file is left.  Returns the first problem, or NULL. */
char *
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
