/* limber-trash.c — move a file to the trash, and back
 *
 * Moving a program to the trash offers Undo, which puts it back where it
 * was.  g_file_trash() does not say where the file went, so Undo looks
 * for it as a file manager does: through the desktop's trash:/// where
 * gvfs runs, else in the freedesktop.org trash folders themselves (the
 * home trash, or .Trash-UID at the top of the file's mount), whose
 * .trashinfo files name the original path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-trash"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "limber-trash.h"

/**
 * limber_trash_file:
 *
 * Moves @file to the trash (never deletes it).
 */
gboolean
limber_trash_file (GFile   *file,
                   GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  return g_file_trash (file, NULL, error);
}

typedef struct
{
  GFile *trashed;   /* the newest match so far */
  GFile *info;      /* its .trashinfo, in a trash folder of our own */
  char  *date;      /* its deletion date, to pick the newest */
} Found;

static void
found_take (Found *found,
            GFile *trashed,
            GFile *info,
            char  *date)
{
  if (found->trashed != NULL && g_strcmp0 (date, found->date) < 0)
    {
      g_object_unref (trashed);
      g_clear_object (&info);
      g_free (date);
      return;
    }
  g_set_object (&found->trashed, trashed);
  g_set_object (&found->info, info);
  g_free (found->date);
  found->date = date;
  g_object_unref (trashed);
  g_clear_object (&info);
}

/* One freedesktop.org trash folder (with files/ and info/): @top is the
 * folder relative paths in it start from, or NULL for absolute ones. */
static void
search_trash_dir (GFile      *trash,
                  const char *top,
                  const char *path,
                  Found      *found)
{
  g_autoptr(GFile) infos = g_file_get_child (trash, "info");
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (infos, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE,
                                        NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    {
      const char *name = g_file_info_get_name (info);
      g_autoptr(GKeyFile) key_file = g_key_file_new ();
      g_autofree char *escaped = NULL, *unescaped = NULL, *absolute = NULL, *stem = NULL;
      g_autoptr(GFile) files = NULL;

      if (!g_str_has_suffix (name, ".trashinfo")
          || !g_key_file_load_from_file (key_file, g_file_peek_path (child), G_KEY_FILE_NONE, NULL))
        continue;
      escaped = g_key_file_get_string (key_file, "Trash Info", "Path", NULL);
      unescaped = escaped ? g_uri_unescape_string (escaped, NULL) : NULL;
      if (unescaped == NULL)
        continue;
      absolute = unescaped[0] == '/' || top == NULL ? g_strdup (unescaped)
                                                    : g_build_filename (top, unescaped, NULL);
      if (strcmp (absolute, path) != 0)
        continue;
      stem = g_strndup (name, strlen (name) - strlen (".trashinfo"));
      files = g_file_get_child (trash, "files");
      found_take (found, g_file_get_child (files, stem), g_object_ref (child),
                  g_key_file_get_string (key_file, "Trash Info", "DeletionDate", NULL));
    }
}

/* Through gvfs's trash:///, where it runs. */
static void
search_trash_uri (const char *path,
                  Found      *found)
{
  g_autoptr(GFile) trash = g_file_new_for_uri ("trash:///");
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (trash, "standard::name,trash::orig-path,trash::deletion-date",
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    {
      const char *orig = g_file_info_get_attribute_byte_string (info, G_FILE_ATTRIBUTE_TRASH_ORIG_PATH);

      if (g_strcmp0 (orig, path) == 0)
        found_take (found, g_object_ref (child), NULL,
                    g_strdup (g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_TRASH_DELETION_DATE)));
    }
}

static void
search_local (const char *path,
              Found      *found)
{
  g_autofree char *home_trash = g_build_filename (g_get_user_data_dir (), "Trash", NULL);
  g_autoptr(GFile) trash = g_file_new_for_path (home_trash);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *own = g_strdup_printf (".Trash-%u", (guint) getuid ());
  g_autofree char *shared = g_strdup_printf ("%u", (guint) getuid ());

  search_trash_dir (trash, NULL, path, found);
  /* The top of the file's mount is one of its folders: each may hold a
   * trash of its own (.Trash-UID, or .Trash/UID). */
  while (TRUE)
    {
      g_autofree char *candidate = g_build_filename (dir, own, NULL);
      g_autofree char *other = g_build_filename (dir, ".Trash", shared, NULL);
      g_autoptr(GFile) top_trash = g_file_new_for_path (candidate);
      g_autoptr(GFile) other_trash = g_file_new_for_path (other);
      char *up;

      search_trash_dir (top_trash, dir, path, found);
      search_trash_dir (other_trash, dir, path, found);
      up = g_path_get_dirname (dir);
      if (strcmp (up, dir) == 0)
        {
          g_free (up);
          break;
        }
      g_free (dir);
      dir = up;
    }
}

/**
 * limber_trash_restore:
 * @original: where the file was before it went to the trash
 *
 * Puts the file last trashed from @original back there.  If a file has
 * taken its place since, nothing is overwritten: @error says so.
 *
 * Returns: (transfer full) (nullable): @original, restored
 */
GFile *
limber_trash_restore (GFile   *original,
                      GError **error)
{
  g_autofree char *path = g_file_get_path (original);
  g_autofree char *display = NULL;
  Found found = { NULL, NULL, NULL };

  g_return_val_if_fail (G_IS_FILE (original), NULL);

  if (path != NULL)
    {
      search_trash_uri (path, &found);
      if (found.trashed == NULL)
        search_local (path, &found);
    }
  if (found.trashed == NULL)
    {
      display = g_file_get_parse_name (original);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” is no longer in the trash"), display);
      return NULL;
    }
  if (!g_file_move (found.trashed, original, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, error))
    original = NULL;
  else if (found.info != NULL)
    g_file_delete (found.info, NULL, NULL);
  g_clear_object (&found.trashed);
  g_clear_object (&found.info);
  g_free (found.date);
  return original ? g_object_ref (original) : NULL;
}
