/* limber-drafts.c — autosaved copies of unsaved programs
 *
 * Each window writes its program, a few seconds after the last change,
 * to $XDG_STATE_HOME/limber/drafts/ID.limber with ID.ini beside it (the
 * program's own file and title).  A real save deletes the draft; after a
 * crash or a kill the drafts are still there for the next start to offer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-drafts"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "limber-atomic.h"
#include "limber-drafts.h"
#include "limber-paths.h"
#include "limber-program-private.h"

void
limber_draft_free (LimberDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->id);
  g_free (draft->uri);
  g_free (draft->title);
  g_free (draft);
}

char *
limber_drafts_new_id (void)
{
  return g_uuid_string_random ();
}

static GFile *
draft_file (const char *id,
            const char *suffix)
{
  g_autoptr(GFile) dir = limber_paths_drafts ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_file_get_child (dir, name);
}

/**
 * limber_drafts_save:
 * @id: the window's draft id (limber_drafts_new_id())
 *
 * Writes the program as a draft, atomically, replacing the last one.
 */
gboolean
limber_drafts_save (const char     *id,
                    LimberProgram  *program,
                    GError        **error)
{
  g_autoptr(GFile) dir = limber_paths_drafts ();
  g_autoptr(GFile) data_file = draft_file (id, ".limber");
  g_autoptr(GFile) info_file = draft_file (id, ".ini");
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *info_data = NULL;
  gsize length, info_length;

  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (LIMBER_IS_PROGRAM (program), FALSE);

  if (!g_file_make_directory_with_parents (dir, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  data = limber_program_to_string (program, &length);
  if (limber_program_get_file (program) != NULL)
    {
      g_autofree char *uri = g_file_get_uri (limber_program_get_file (program));
      g_key_file_set_string (info, "draft", "file", uri);
    }
  if (limber_program_get_title (program) != NULL)
    g_key_file_set_string (info, "draft", "title", limber_program_get_title (program));
  g_key_file_set_int64 (info, "draft", "saved", g_get_real_time () / G_USEC_PER_SEC);
  info_data = g_key_file_to_data (info, &info_length, NULL);

  /* The program first: an .ini without its program is ignored. */
  return limber_atomic_write (data_file, data, length, FALSE, error)
         && limber_atomic_write (info_file, info_data, info_length, FALSE, error);
}

void
limber_drafts_delete (const char *id)
{
  g_autoptr(GFile) data_file = NULL;
  g_autoptr(GFile) info_file = NULL;

  if (id == NULL)
    return;
  data_file = draft_file (id, ".limber");
  info_file = draft_file (id, ".ini");
  g_file_delete (info_file, NULL, NULL);
  g_file_delete (data_file, NULL, NULL);
}

/**
 * limber_drafts_set_aside:
 *
 * A draft that does not load is offered no more, but kept: its ".ini"
 * becomes ".ini.unreadable", beside its program, for someone to look at.
 */
void
limber_drafts_set_aside (const char *id)
{
  g_autoptr(GFile) info_file = draft_file (id, ".ini");
  g_autoptr(GFile) aside = draft_file (id, ".ini.unreadable");

  g_file_move (info_file, aside, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
}

/**
 * limber_drafts_list:
 *
 * Returns: (transfer full): the drafts on disk (LimberDraft), newest first
 */
GPtrArray *
limber_drafts_list (void)
{
  g_autoptr(GFile) dir = limber_paths_drafts ();
  g_autoptr(GFileEnumerator) children = NULL;
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_draft_free);
  GFileInfo *child;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && (child = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (child);
      g_autoptr(GKeyFile) info = g_key_file_new ();
      g_autoptr(GFile) info_file = g_file_get_child (dir, name);
      g_autofree char *path = g_file_get_path (info_file);
      g_autofree char *id = NULL;
      g_autoptr(GFile) data_file = NULL;
      LimberDraft *draft;

      if (!g_str_has_suffix (name, ".ini") || !g_key_file_load_from_file (info, path, 0, NULL))
        {
          g_object_unref (child);
          continue;
        }
      id = g_strndup (name, strlen (name) - 4);
      data_file = draft_file (id, ".limber");
      g_object_unref (child);
      if (!g_file_query_exists (data_file, NULL))
        continue;

      draft = g_new0 (LimberDraft, 1);
      draft->id = g_steal_pointer (&id);
      draft->uri = g_key_file_get_string (info, "draft", "file", NULL);
      draft->title = g_key_file_get_string (info, "draft", "title", NULL);
      draft->saved = g_key_file_get_int64 (info, "draft", "saved", NULL);
      g_ptr_array_add (drafts, draft);
    }
  return drafts;
}

/**
 * limber_drafts_load:
 *
 * Returns: (transfer full) (nullable): the draft's program, modified and
 *   pointing at its own file (if it had one), so Save goes there
 */
LimberProgram *
limber_drafts_load (const LimberDraft  *draft,
                    LimberCatalog      *catalog,
                    GError            **error)
{
  g_autoptr(GFile) data_file = draft_file (draft->id, ".limber");
  g_autoptr(GBytes) bytes = g_file_load_bytes (data_file, NULL, NULL, error);
  g_autofree char *display = NULL;
  LimberProgram *program;

  if (bytes == NULL)
    return NULL;
  display = g_file_get_path (data_file);
  program = limber_program_load_bytes (bytes, display, catalog, NULL, error);
  if (program == NULL)
    return NULL;
  if (draft->uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (draft->uri);
      limber_program_set_file (program, file);
    }
  /* Loaded means "as saved"; a restored draft is unsaved work. */
  _limber_program_mark_unsaved (program);
  return program;
}
