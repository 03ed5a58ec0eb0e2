/* limber-handout-pdf.c — a handout written to a PDF file, safely
 *
 * A local PDF is written as limber-atomic.c writes every file, and a
 * remote one under a temporary name (".limber-export-XXXXXX") renamed
 * over it only when complete, so a full disk, a read-only folder or a
 * crash leaves the old file as it was and no half-written or empty one
 * (tests/test-faults.c checks it).  Pages are
 * drawn by limber_handout_draw_page(), as on screen and on paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-handout"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "limber-atomic.h"
#include "limber-handout-private.h"

/* Where the PDF goes while it is written: a local file replaced
 * atomically, or a stream for any other GIO location. */
typedef struct
{
  LimberAtomicFile *atomic;
  GOutputStream    *stream;
  gboolean       failed;
  GError        *error;
} Sink;

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->failed)
    return CAIRO_STATUS_WRITE_ERROR;
  if (sink->stream != NULL)
    {
      if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
        sink->failed = TRUE;
      return sink->failed ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
    }
  if (!limber_atomic_file_write (sink->atomic, data, length, &sink->error))
    {
      sink->failed = TRUE;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
render_pdf (LimberHandout  *self,
            Sink           *sink,
            GError        **error)
{
  double page_width, page_height;
  cairo_surface_t *surface;
  const char *title = _limber_handout_get_title (self);
  const char *author = _limber_handout_get_author (self);
  int n_pages = limber_handout_get_n_pages (self);
  cairo_t *cr;
  cairo_status_t status;

  limber_handout_get_page_size (self, &page_width, &page_height);
  surface = cairo_pdf_surface_create_for_stream (write_to_sink, sink, page_width, page_height);
  cr = cairo_create (surface);
  if (title != NULL && *title != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL && *author != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Limber");

  for (int page = 0; page < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; page++)
    {
      limber_handout_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink->failed)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* A local file, replaced atomically.  The errors name the file. */
static gboolean
write_local (LimberHandout  *self,
             const char     *path,
             GError        **error)
{
  Sink sink = { NULL, NULL, FALSE, NULL };
  g_autoptr(GError) local = NULL;
  gboolean ok;

  sink.atomic = limber_atomic_file_new (path, error);
  if (sink.atomic == NULL)
    return FALSE;
  ok = render_pdf (self, &sink, &local);
  if (ok)
    ok = limber_atomic_file_commit (sink.atomic, error);
  else if (sink.failed)
    g_propagate_error (error, g_steal_pointer (&local));   /* a write error: it names the file */
  else
    g_set_error (error, local->domain, local->code, _("Could not save the handout as %s: %s"),
                 path, local->message);
  limber_atomic_file_free (sink.atomic);
  g_clear_error (&sink.error);
  return ok;
}

/* Any other GIO location (a network share): a new file beside it, then
 * a move over it. */
static gboolean
write_remote (LimberHandout  *self,
              GFile          *file,
              GError        **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) tmp = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  Sink sink = { NULL, NULL, FALSE, NULL };
  gboolean ok;

  if (parent == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, _("%s is not a file name"),
                   g_file_peek_path (file) ? g_file_peek_path (file) : "/");
      return FALSE;
    }
  for (int tries = 0; out == NULL && tries < 20; tries++)
    {
      g_autofree char *name = g_strdup_printf (".limber-export-%06x", g_random_int () & 0xffffff);
      g_autoptr(GError) local = NULL;

      g_clear_object (&tmp);
      tmp = g_file_get_child (parent, name);
      out = g_file_create (tmp, G_FILE_CREATE_NONE, NULL, &local);
      if (out == NULL && !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  if (out == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("Could not find a free temporary name"));
      return FALSE;
    }
  sink.stream = G_OUTPUT_STREAM (out);
  ok = render_pdf (self, &sink, error);
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, ok ? error : NULL))
    ok = FALSE;
  if (ok)
    ok = g_file_move (tmp, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
  if (!ok)
    g_file_delete (tmp, NULL, NULL);
  g_clear_error (&sink.error);
  return ok;
}

/**
 * limber_handout_write_pdf:
 * @file: the PDF to write; replaced only when the new one is complete
 *
 * Writes every page to a PDF (vector, fonts embedded) with the program's
 * title and therapist in its metadata.  The file is written beside
 * @file and takes its place at the end: on any error @file is left as
 * it was (no half-written or empty file).
 *
 * Returns: %TRUE on success
 */
gboolean
limber_handout_write_pdf (LimberHandout  *self,
                          GFile          *file,
                          GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local = NULL;
  gboolean ok;

  g_return_val_if_fail (LIMBER_IS_HANDOUT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    return write_local (self, path, error);
  ok = write_remote (self, file, &local);
  if (!ok)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local->domain, local->code, _("Could not save the handout as %s: %s"),
                   name, local->message);
    }
  return ok;
}

/* ------------------------------------------------------------------ */
/* In the background                                                  */

typedef struct
{
  GBytes               *program;   /* the program as saved: the worker's own copy */
  LimberHandoutOptions  options;
  GFile                *file;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_bytes_unref (export->program);
  limber_handout_options_clear (&export->options);
  g_object_unref (export->file);
  g_free (export);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportData *export = task_data;
  g_autoptr(LimberProgram) program = NULL;
  g_autoptr(LimberHandout) handout = NULL;
  GError *error = NULL;

  /* Every item carries its stretch, so no catalog is needed. */
  program = limber_program_load_bytes (export->program, _("the program"), NULL, NULL, &error);
  if (program == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  handout = limber_handout_new (program, &export->options);
  if (!limber_handout_write_pdf (handout, export->file, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * limber_handout_export_pdf_async:
 * @program: the program, as it is now
 * @options: the handout's options
 * @file: the PDF to write, as limber_handout_write_pdf() writes it
 *
 * Lays out and writes the handout in a worker thread, so that a long
 * program or a slow disk never holds the window.  The worker has a copy
 * of @program made now: later edits do not change this PDF.
 */
void
limber_handout_export_pdf_async (LimberProgram              *program,
                                 const LimberHandoutOptions *options,
                                 GFile                      *file,
                                 GCancellable               *cancellable,
                                 GAsyncReadyCallback         callback,
                                 gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;
  char *text;
  gsize length;

  g_return_if_fail (LIMBER_IS_PROGRAM (program));
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_FILE (file));

  export = g_new0 (ExportData, 1);
  text = limber_program_to_string (program, &length);
  export->program = g_bytes_new_take (text, length);
  limber_handout_options_copy (&export->options, options);
  export->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, limber_handout_export_pdf_async);
  g_task_set_task_data (task, export, export_data_free);
  g_task_run_in_thread (task, export_in_thread);
}

gboolean
limber_handout_export_pdf_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
