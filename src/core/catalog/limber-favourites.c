/* limber-favourites.c — the stretches a therapist starred
 *
 * Kept with the user's own data, beside their custom stretches:
 * $XDG_DATA_HOME/limber/favourites.txt, one stretch id a line, in the
 * order they were starred.  A plain file rather than a GSettings key:
 * it travels with custom.xml when a therapist copies or backs up their
 * data folder, a clinic's IT can read it, and it can hold ids of
 * stretches that are not loaded today (a clinic folder that is offline)
 * without a schema limit.
 *
 * The file is an input like any other: one too big, not text, or with
 * lines that are not ids loads what it can and says which lines it
 * skipped (FILE:LINE: message).  Before such a file is first written
 * over, it is moved aside as favourites.txt.broken, so nothing in it is
 * lost; a file that cannot be read at all is never written over.  Every
 * write is atomic (limber_atomic_write()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-favourites"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "limber-atomic.h"
#include "limber-exercise.h"
#include "limber-favourites.h"
#include "limber-problem.h"
#include "limber-xml.h"

#define FAVOURITES_FILE  "favourites.txt"
#define FAVOURITES_MAX   (1024 * 1024)  /* ~40,000 ids: far more than anyone stars */
#define SHOWN_MAX        40             /* bytes of a bad line quoted back */

struct _LimberFavourites
{
  GObject     parent_instance;

  GFile      *file;
  char       *display;
  GPtrArray  *ids;        /* char *, in the order starred */
  GHashTable *set;        /* the same strings */
  GPtrArray  *problems;   /* LimberProblem */
  gboolean    set_aside;  /* the file had problems: move it away before writing */
  gboolean    unreadable; /* never write over what could not be read */
};

G_DEFINE_FINAL_TYPE (LimberFavourites, limber_favourites, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/**
 * limber_favourites_default_file:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/limber/favourites.txt
 */
GFile *
limber_favourites_default_file (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "limber", FAVOURITES_FILE, NULL);
}

static void
add_id (LimberFavourites *self,
        const char       *id)
{
  char *copy;

  if (g_hash_table_contains (self->set, id))
    return;
  copy = g_strdup (id);
  g_ptr_array_add (self->ids, copy);
  g_hash_table_add (self->set, copy);
}

/* A bad line, quoted short and as valid UTF-8 whatever it held. */
static char *
quote_line (const char *line,
            gsize       length)
{
  g_autofree char *valid = g_utf8_make_valid (line, MIN (length, SHOWN_MAX));

  for (char *p = valid; *p; p++)
    if ((guchar) *p < 0x20)
      *p = ' ';
  return length > SHOWN_MAX ? g_strconcat (valid, "…", NULL) : g_steal_pointer (&valid);
}

static void
parse (LimberFavourites *self,
       const char       *data,
       gsize             length)
{
  const char *end = data + length;
  guint line = 1;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)   /* a byte-order mark */
    data += 3;
  for (const char *start = data; start < end; line++)
    {
      const char *eol = memchr (start, '\n', end - start);
      gsize n = (eol ? eol : end) - start;
      gboolean nul = memchr (start, '\0', n) != NULL;
      g_autofree char *text = g_strstrip (g_strndup (start, n));

      if (!nul && (*text == '\0' || *text == '#'))
        ;   /* a blank line or a comment */
      else if (!nul && limber_is_valid_id (text))
        add_id (self, text);
      else
        {
          g_autofree char *shown = quote_line (start, n);

          limber_problem_list_add (self->problems, self->display, line,
                                   _("‘%s’ is not a stretch id; this line is skipped"), shown);
          self->set_aside = TRUE;
        }
      start = eol ? eol + 1 : end;
    }
}

static void
load (LimberFavourites *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return;
  if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      limber_problem_list_add (self->problems, self->display, 0, _("not a file; favourites are not saved"));
      self->unreadable = TRUE;
      return;
    }
  if (info != NULL && g_file_info_get_size (info) > FAVOURITES_MAX)
    {
      limber_problem_list_add (self->problems, self->display, 0,
                               _("larger than %d KB, which no list of favourites is; it was not read"),
                               FAVOURITES_MAX / 1024);
      self->set_aside = TRUE;
      return;
    }
  if (info == NULL || !g_file_load_contents (self->file, NULL, &data, &length, NULL, &error))
    {
      limber_problem_list_add (self->problems, self->display, 0, "%s", error->message);
      self->unreadable = TRUE;
      return;
    }
  parse (self, data, MIN (length, FAVOURITES_MAX));
}

/**
 * limber_favourites_new:
 * @file: (nullable): where they are kept; %NULL for the default file
 *
 * Reads the favourites at once (the file is small); what could not be
 * read is in limber_favourites_get_problems().
 */
LimberFavourites *
limber_favourites_new (GFile *file)
{
  LimberFavourites *self = g_object_new (LIMBER_TYPE_FAVOURITES, NULL);

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), self);

  self->file = file ? g_object_ref (file) : limber_favourites_default_file ();
  self->display = limber_xml_display_name (self->file);
  load (self);
  return self;
}

gboolean
limber_favourites_contains (LimberFavourites *self,
                            const char       *id)
{
  g_return_val_if_fail (LIMBER_IS_FAVOURITES (self), FALSE);

  return id != NULL && g_hash_table_contains (self->set, id);
}

guint
limber_favourites_get_n (LimberFavourites *self)
{
  g_return_val_if_fail (LIMBER_IS_FAVOURITES (self), 0);

  return self->ids->len;
}

/**
 * limber_favourites_get_problems:
 *
 * Returns: (transfer none): what was wrong with the file when it was
 *   read (LimberProblem), empty when nothing was
 */
GPtrArray *
limber_favourites_get_problems (LimberFavourites *self)
{
  g_return_val_if_fail (LIMBER_IS_FAVOURITES (self), NULL);

  return self->problems;
}

/* The broken file moved beside, as NAME.broken: kept, not written over. */
static gboolean
set_aside (LimberFavourites  *self,
           GError           **error)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *aside_name = g_strconcat (name, ".broken", NULL);
  g_autoptr(GFile) parent = g_file_get_parent (self->file);
  g_autoptr(GFile) aside = g_file_get_child (parent, aside_name);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_move (self->file, aside, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL,
                    NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->set_aside = FALSE;
  return TRUE;
}

static gboolean
save (LimberFavourites  *self,
      GError           **error)
{
  g_autoptr(GString) text = g_string_new ("# Limber: favourite stretches, one id a line\n");
  g_autoptr(GFile) folder = g_file_get_parent (self->file);
  g_autoptr(GError) local_error = NULL;

  if (self->unreadable)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Favourites are not saved: %s could not be read, and is left as it is"), self->display);
      return FALSE;
    }
  for (guint i = 0; i < self->ids->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (self->ids, i));
  if (!g_file_make_directory_with_parents (folder, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (self->set_aside && !set_aside (self, error))
    return FALSE;
  return limber_atomic_write (self->file, text->str, text->len, FALSE, error);
}

/**
 * limber_favourites_set:
 * @favourite: %TRUE to star @id, %FALSE to take the star away
 *
 * Changes the list and writes it.  The change stays in memory even if
 * writing fails (the therapist keeps working), and @error says why.
 *
 * Returns: %TRUE if the file now holds the list
 */
gboolean
limber_favourites_set (LimberFavourites  *self,
                       const char        *id,
                       gboolean           favourite,
                       GError           **error)
{
  g_return_val_if_fail (LIMBER_IS_FAVOURITES (self), FALSE);
  g_return_val_if_fail (id != NULL && limber_is_valid_id (id), FALSE);

  if (favourite == limber_favourites_contains (self, id))
    return TRUE;
  if (favourite)
    add_id (self, id);
  else
    {
      g_hash_table_remove (self->set, id);
      for (guint i = 0; i < self->ids->len; i++)
        if (g_str_equal (g_ptr_array_index (self->ids, i), id))
          {
            g_ptr_array_remove_index (self->ids, i);
            break;
          }
    }
  g_signal_emit (self, signals[CHANGED], 0, id);
  return save (self, error);
}

static void
limber_favourites_finalize (GObject *object)
{
  LimberFavourites *self = LIMBER_FAVOURITES (object);

  g_clear_object (&self->file);
  g_free (self->display);
  g_hash_table_unref (self->set);
  g_ptr_array_unref (self->ids);
  g_ptr_array_unref (self->problems);

  G_OBJECT_CLASS (limber_favourites_parent_class)->finalize (object);
}

static void
limber_favourites_class_init (LimberFavouritesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_favourites_finalize;

  /**
   * LimberFavourites::changed:
   * @id: the stretch starred or unstarred
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
limber_favourites_init (LimberFavourites *self)
{
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->set = g_hash_table_new (g_str_hash, g_str_equal);
  self->problems = limber_problem_list_new ();
}
