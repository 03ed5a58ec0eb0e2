/* limber-vocabulary.c — the controlled words of the catalog format
 *
 * Keep in sync with data/schemas/ (the .rng files): the schema may gain words, never
 * lose them.  Each kind has at most 64 words, so a set of them fits in a
 * guint64 and search filters are one AND.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-vocabulary"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-vocabulary.h"

typedef struct
{
  const char *word;
  const char *label;
} Word;

static const Word regions[] = {
  { "hip", N_("Hip") },
  { "pelvis", N_("Pelvis") },
  { "lumbar", N_("Low back") },
  { "thoracic", N_("Upper back") },
  { "chest", N_("Chest") },
  { "abdomen", N_("Abdomen") },
  { "neck", N_("Neck") },
  { "shoulder", N_("Shoulder") },
  { "upper-arm", N_("Upper arm") },
  { "elbow-forearm", N_("Elbow and forearm") },
  { "wrist-hand", N_("Wrist and hand") },
  { "thigh", N_("Thigh") },
  { "knee", N_("Knee") },
  { "lower-leg", N_("Lower leg") },
  { "ankle-foot", N_("Ankle and foot") },
};

static const Word positions[] = {
  { "supine", N_("Lying on the back") },
  { "prone", N_("Lying face down") },
  { "side-lying", N_("Lying on the side") },
  { "seated", N_("Seated") },
  { "long-sitting", N_("Long sitting") },
  { "standing", N_("Standing") },
  { "kneeling", N_("Kneeling") },
  { "half-kneeling", N_("Half kneeling") },
  { "quadruped", N_("On hands and knees") },
};

static const Word equipment[] = {
  { "mat", N_("Mat") },
  { "ball", N_("Ball") },
  { "foam-roller", N_("Foam roller") },
  { "strap", N_("Strap") },
  { "towel", N_("Towel") },
  { "band", N_("Band") },
  { "chair", N_("Chair") },
  { "bench", N_("Bench") },
  { "wall", N_("Wall") },
  { "step", N_("Step") },
  { "dumbbell", N_("Dumbbell") },
  { "barbell", N_("Barbell") },
  { "kettlebell", N_("Kettlebell") },
  { "cable", N_("Cable") },
  { "machine", N_("Machine") },
};

static const struct
{
  const Word *words;
  guint       n;
  const char *name;
} kinds[LIMBER_VOCABULARY_N_KINDS] = {
  { regions, G_N_ELEMENTS (regions), "region" },
  { positions, G_N_ELEMENTS (positions), "position" },
  { equipment, G_N_ELEMENTS (equipment), "equipment" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (regions) <= 64);
G_STATIC_ASSERT (G_N_ELEMENTS (positions) <= 64);
G_STATIC_ASSERT (G_N_ELEMENTS (equipment) <= 64);

guint
limber_vocabulary_count (LimberVocabulary kind)
{
  g_return_val_if_fail (kind < LIMBER_VOCABULARY_N_KINDS, 0);
  return kinds[kind].n;
}

/* Returns the word's index, or -1 if it is not a controlled word. */
int
limber_vocabulary_lookup (LimberVocabulary  kind,
                          const char       *word)
{
  g_return_val_if_fail (kind < LIMBER_VOCABULARY_N_KINDS, -1);
  for (guint i = 0; i < kinds[kind].n; i++)
    if (g_strcmp0 (kinds[kind].words[i].word, word) == 0)
      return (int) i;
  return -1;
}

const char *
limber_vocabulary_word (LimberVocabulary kind,
                        guint            index)
{
  g_return_val_if_fail (index < limber_vocabulary_count (kind), NULL);
  return kinds[kind].words[index].word;
}

const char *
limber_vocabulary_label (LimberVocabulary kind,
                         guint            index)
{
  g_return_val_if_fail (index < limber_vocabulary_count (kind), NULL);
  return _(kinds[kind].words[index].label);
}

const char *
limber_vocabulary_name (LimberVocabulary kind)
{
  g_return_val_if_fail (kind < LIMBER_VOCABULARY_N_KINDS, NULL);
  return kinds[kind].name;
}

/* "hip, pelvis, lumbar…", for messages that say what is allowed. */
char *
limber_vocabulary_list (LimberVocabulary kind)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < limber_vocabulary_count (kind); i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", kinds[kind].words[i].word);
  return g_string_free (s, FALSE);
}

/* "tensor-fasciae-latae" → "Tensor fasciae latae" */
char *
limber_tissue_label (const char *tissue)
{
  char *label = g_strdup (tissue);

  g_strdelimit (label, "-", ' ');
  if (label[0] != '\0')
    label[0] = g_ascii_toupper (label[0]);
  return label;
}
