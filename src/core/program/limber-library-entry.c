/* limber-library-entry.c — one program file in the program library
 *
 * Only what the start page lists and searches: the patient, the date,
 * the title and where the file is.  The program itself is read when it
 * is opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-library"

#include "config.h"

#include <string.h>

#include "limber-fold.h"
#include "limber-library-entry.h"

struct _LimberLibraryEntry
{
  GObject  parent_instance;

  GFile   *file;
  char    *patient_name;
  char    *patient_id;
  char    *created;
  char    *title;
  char    *title_key;   /* the title folded to sort by, numbers as numbers */
  char    *search_key;  /* patient, id and title, folded (limber-fold.h) */
  gint64   modified;
};

G_DEFINE_FINAL_TYPE (LimberLibraryEntry, limber_library_entry, G_TYPE_OBJECT)

static void
limber_library_entry_finalize (GObject *object)
{
  LimberLibraryEntry *self = LIMBER_LIBRARY_ENTRY (object);

  g_clear_object (&self->file);
  g_free (self->patient_name);
  g_free (self->patient_id);
  g_free (self->created);
  g_free (self->title);
  g_free (self->title_key);
  g_free (self->search_key);
  G_OBJECT_CLASS (limber_library_entry_parent_class)->finalize (object);
}

static void
limber_library_entry_class_init (LimberLibraryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_library_entry_finalize;
}

static void
limber_library_entry_init (LimberLibraryEntry *self)
{
}

static char *
strip_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/**
 * limber_library_entry_new:
 * @modified: the file's modification time (seconds), to order programs
 *   of the same day
 */
LimberLibraryEntry *
limber_library_entry_new (GFile      *file,
                          const char *patient_name,
                          const char *patient_id,
                          const char *created,
                          const char *title,
                          gint64      modified)
{
  LimberLibraryEntry *self = g_object_new (LIMBER_TYPE_LIBRARY_ENTRY, NULL);
  GString *key = g_string_new (NULL);

  self->file = g_object_ref (file);
  self->patient_name = strip_or_null (patient_name);
  self->patient_id = strip_or_null (patient_id);
  self->created = strip_or_null (created);
  self->title = strip_or_null (title);
  self->modified = modified;
  self->title_key = g_utf8_collate_key_for_filename (self->title ? self->title : "", -1);
  limber_fold_append (key, self->patient_name ? self->patient_name : "");
  limber_fold_append (key, self->patient_id ? self->patient_id : "");
  limber_fold_append (key, self->title ? self->title : "");
  self->search_key = g_string_free (key, FALSE);
  return self;
}

GFile *
limber_library_entry_get_file (LimberLibraryEntry *self)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY_ENTRY (self), NULL);
  return self->file;
}

const char *
limber_library_entry_get_patient_name (LimberLibraryEntry *self)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY_ENTRY (self), NULL);
  return self->patient_name;
}

const char *
limber_library_entry_get_patient_id (LimberLibraryEntry *self)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY_ENTRY (self), NULL);
  return self->patient_id;
}

const char *
limber_library_entry_get_created (LimberLibraryEntry *self)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY_ENTRY (self), NULL);
  return self->created;
}

const char *
limber_library_entry_get_title (LimberLibraryEntry *self)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY_ENTRY (self), NULL);
  return self->title;
}

const char *
limber_library_entry_get_search_key (LimberLibraryEntry *self)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY_ENTRY (self), NULL);
  return self->search_key;
}

/**
 * limber_library_entry_dup_patient_key:
 *
 * Which patient the program belongs to: the patient's id where it has
 * one (clinics number patients so that two Sam Riveras stay apart), else
 * the name folded (so "sam rivera" and "Sam Rivera" are one patient).
 *
 * Returns: (transfer full): the key; programs with the same key are the
 *   same patient's
 */
char *
limber_library_entry_dup_patient_key (LimberLibraryEntry *self)
{
  g_autoptr(GString) key = g_string_new (NULL);

  g_return_val_if_fail (LIMBER_IS_LIBRARY_ENTRY (self), NULL);

  if (self->patient_id != NULL)
    {
      g_string_append (key, "id:");
      limber_fold_append (key, self->patient_id);
    }
  else
    {
      g_string_append (key, "name:");
      limber_fold_append (key, self->patient_name ? self->patient_name : "");
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/**
 * limber_library_entry_compare:
 *
 * Newest first: by date, then by title with numbers compared as numbers
 * ("week 10" after "week 9"), then the file changed last.  Programs with
 * no date go last.
 */
int
limber_library_entry_compare (gconstpointer a,
                              gconstpointer b)
{
  const LimberLibraryEntry *x = a, *y = b;
  int order;

  if ((x->created == NULL) != (y->created == NULL))
    return x->created == NULL ? 1 : -1;
  order = g_strcmp0 (y->created, x->created);
  if (order == 0)
    order = strcmp (y->title_key, x->title_key);
  if (order == 0)
    order = (y->modified > x->modified) - (y->modified < x->modified);
  if (order == 0)
    {
      g_autofree char *ux = g_file_get_uri (x->file);
      g_autofree char *uy = g_file_get_uri (y->file);
      order = strcmp (ux, uy);
    }
  return order;
}

/* Whether @word starts a word of @key: "3" finds "week 3", not the 3
 * inside "MRN-1037". */
static gboolean
has_word_prefix (const char *key,
                 const char *word)
{
  for (const char *at = strstr (key, word); at != NULL; at = strstr (at + 1, word))
    if (at == key || at[-1] == ' ' || at[-1] == '\n')
      return TRUE;
  return FALSE;
}

/**
 * limber_library_entry_matches:
 * @words: the query's words, folded (limber-fold.h)
 *
 * Returns: %TRUE if every word starts a word of the patient's name, id
 *   or the title (as typed, letter by letter)
 */
gboolean
limber_library_entry_matches (LimberLibraryEntry *self,
                              const char *const  *words)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY_ENTRY (self), FALSE);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (!has_word_prefix (self->search_key, words[i]))
      return FALSE;
  return TRUE;
}
