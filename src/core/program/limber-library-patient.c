/* limber-library-patient.c — one patient of the program library and
 * their programs
 *
 * A patient holds all their programs, newest first, and the ones the
 * current search shows (a GListStore the start page lists).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-library"

#include "config.h"

#include "limber-library-patient.h"

struct _LimberLibraryPatient
{
  GObject     parent_instance;

  GPtrArray  *all;     /* LimberLibraryEntry, newest first */
  GListStore *shown;   /* those the search matches */
};

G_DEFINE_FINAL_TYPE (LimberLibraryPatient, limber_library_patient, G_TYPE_OBJECT)

static void
limber_library_patient_finalize (GObject *object)
{
  LimberLibraryPatient *self = LIMBER_LIBRARY_PATIENT (object);

  g_clear_pointer (&self->all, g_ptr_array_unref);
  g_clear_object (&self->shown);
  G_OBJECT_CLASS (limber_library_patient_parent_class)->finalize (object);
}

static void
limber_library_patient_class_init (LimberLibraryPatientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_library_patient_finalize;
}

static void
limber_library_patient_init (LimberLibraryPatient *self)
{
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_list_store_new (LIMBER_TYPE_LIBRARY_ENTRY);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return limber_library_entry_compare (*(LimberLibraryEntry **) a, *(LimberLibraryEntry **) b);
}

/**
 * limber_library_patient_new:
 * @entries: (element-type LimberLibraryEntry): one patient's programs,
 *   in any order; they are all shown until a search says otherwise
 */
LimberLibraryPatient *
limber_library_patient_new (GPtrArray *entries)
{
  LimberLibraryPatient *self = g_object_new (LIMBER_TYPE_LIBRARY_PATIENT, NULL);

  g_return_val_if_fail (entries != NULL && entries->len > 0, self);

  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (self->all, g_object_ref (g_ptr_array_index (entries, i)));
  g_ptr_array_sort (self->all, compare_entries);
  g_list_store_splice (self->shown, 0, 0, self->all->pdata, self->all->len);
  return self;
}

/* The name and id as the newest program writes them: a name corrected
 * later wins over an old spelling. */
static LimberLibraryEntry *
first_with (LimberLibraryPatient *self,
            const char *(*get) (LimberLibraryEntry *))
{
  for (guint i = 0; i < self->all->len; i++)
    if (get (g_ptr_array_index (self->all, i)) != NULL)
      return g_ptr_array_index (self->all, i);
  return NULL;
}

/* Returns: (nullable): the patient's name; %NULL for programs with none */
const char *
limber_library_patient_get_name (LimberLibraryPatient *self)
{
  LimberLibraryEntry *entry;

  g_return_val_if_fail (LIMBER_IS_LIBRARY_PATIENT (self), NULL);
  entry = first_with (self, limber_library_entry_get_patient_name);
  return entry ? limber_library_entry_get_patient_name (entry) : NULL;
}

/* Returns: (nullable): the patient's id */
const char *
limber_library_patient_get_id (LimberLibraryPatient *self)
{
  LimberLibraryEntry *entry;

  g_return_val_if_fail (LIMBER_IS_LIBRARY_PATIENT (self), NULL);
  entry = first_with (self, limber_library_entry_get_patient_id);
  return entry ? limber_library_entry_get_patient_id (entry) : NULL;
}

/* Returns: (nullable): the date of the newest program, YYYY-MM-DD */
const char *
limber_library_patient_get_latest (LimberLibraryPatient *self)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY_PATIENT (self), NULL);
  return self->all->len > 0 ? limber_library_entry_get_created (g_ptr_array_index (self->all, 0)) : NULL;
}

guint
limber_library_patient_get_n_all (LimberLibraryPatient *self)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY_PATIENT (self), 0);
  return self->all->len;
}

/**
 * limber_library_patient_get_shown:
 *
 * Returns: (transfer none): the programs the search shows, newest first
 */
GListModel *
limber_library_patient_get_shown (LimberLibraryPatient *self)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY_PATIENT (self), NULL);
  return G_LIST_MODEL (self->shown);
}

/**
 * limber_library_patient_filter:
 * @words: (nullable): the query's folded words; %NULL or none for all
 *
 * Shows the programs that match every word (in the patient's name, id
 * or the program's title).
 *
 * Returns: %TRUE if any program is shown
 */
gboolean
limber_library_patient_filter (LimberLibraryPatient *self,
                               const char *const    *words)
{
  g_autoptr(GPtrArray) matching = g_ptr_array_new ();

  g_return_val_if_fail (LIMBER_IS_LIBRARY_PATIENT (self), FALSE);

  for (guint i = 0; i < self->all->len; i++)
    if (limber_library_entry_matches (g_ptr_array_index (self->all, i), words))
      g_ptr_array_add (matching, g_ptr_array_index (self->all, i));
  g_list_store_splice (self->shown, 0, g_list_model_get_n_items (G_LIST_MODEL (self->shown)),
                       matching->pdata, matching->len);
  return matching->len > 0;
}

/**
 * limber_library_patient_compare:
 *
 * The patient seen last first (their newest program's date and title),
 * so today's patients are at the top of the start page.
 */
int
limber_library_patient_compare (gconstpointer a,
                                gconstpointer b)
{
  const LimberLibraryPatient *x = a, *y = b;

  return limber_library_entry_compare (g_ptr_array_index (x->all, 0), g_ptr_array_index (y->all, 0));
}
