/* limber-exam-form.c — what the examination form asks, region by region,
 * and the normal range of each measurement
 *
 * The regions are those the bundled catalog treats: the hip (and the
 * thigh's muscles that cross it), the knee, the ankle (and the calf), and
 * the low back.  Each asks its range of motion, left and right where the
 * joint has sides, and the special tests that go with its tissues.
 *
 * Normal values, the reference end of each range of motion:
 *   - hip, knee, ankle: American Academy of Orthopaedic Surgeons (AAOS),
 *     Greene WB, Heckman JD, eds. The Clinical Measurement of Joint
 *     Motion. Rosemont, IL: AAOS; 1994.
 *   - lumbar spine (dual inclinometer): American Medical Association
 *     (AMA), Cocchiarella L, Andersson GBJ, eds. Guides to the Evaluation
 *     of Permanent Impairment, 5th ed. Chicago: AMA Press; 2001, ch. 15.
 *     The Guides give no normal value for lumbar rotation (an
 *     inclinometer cannot measure it), so it has no normal band.
 * The chart shades the reference ± LIMBER_EXAM_NORMAL_TOLERANCE degrees,
 * about the error of one goniometric measurement (Gajdosik RL, Bohannon
 * RW. Clinical measurement of range of motion. Phys Ther.
 * 1987;67(12):1867-72): a value in the band is as good as the reference.
 * The same table is in data/schemas/program.rng, beside the words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-exam-form"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-exam-form.h"

#define AAOS "AAOS"
#define AMA "AMA"

static const LimberExamMeasure hip_measures[] = {
  { "hip", "flexion", TRUE, TRUE, 120, AAOS },
  { "hip", "extension", TRUE, TRUE, 30, AAOS },
  { "hip", "internal-rotation", TRUE, TRUE, 45, AAOS },
  { "hip", "external-rotation", TRUE, TRUE, 45, AAOS },
  { "hip", "abduction", TRUE, TRUE, 45, AAOS },
  { "hip", "adduction", TRUE, TRUE, 30, AAOS },
};

static const LimberExamMeasure knee_measures[] = {
  { "knee", "flexion", TRUE, TRUE, 135, AAOS },
  { "knee", "extension", TRUE, TRUE, 0, AAOS },
};

static const LimberExamMeasure ankle_measures[] = {
  { "ankle", "dorsiflexion", TRUE, TRUE, 20, AAOS },
  { "ankle", "plantarflexion", TRUE, TRUE, 50, AAOS },
};

static const LimberExamMeasure lumbar_measures[] = {
  { "lumbar", "flexion", FALSE, TRUE, 60, AMA },
  { "lumbar", "extension", FALSE, TRUE, 25, AMA },
  { "lumbar", "side-bending", TRUE, TRUE, 25, AMA },
  { "lumbar", "rotation", TRUE, FALSE, 0, NULL },
};

/* The special tests for the tissues the catalog treats:
 *   hip: Thomas (iliopsoas, rectus femoris), Ober (TFL, iliotibial
 *     band), FABER and FADIR (hip joint, deep rotators), FAIR
 *     (piriformis);
 *   knee: Ely (rectus femoris), 90-90 hamstring (the popliteal angle),
 *     Noble (iliotibial band at the lateral knee);
 *   ankle: Silfverskiöld (gastrocnemius or soleus: dorsiflexion with the
 *     knee straight and bent);
 *   low back: straight-leg raise and slump (sciatic nerve, hamstrings),
 *     prone knee bend (femoral nerve, upper lumbar roots). */
static const char * const hip_tests[] = { "thomas", "ober", "faber", "fadir", "fair" };
static const char * const knee_tests[] = { "ely", "90-90-hamstring", "noble" };
static const char * const ankle_tests[] = { "silfverskiold" };
static const char * const lumbar_tests[] = { "slr", "slump", "prone-knee-bend" };

typedef struct
{
  const char              *word;
  const char              *label;
  const LimberExamMeasure *measures;
  guint                    n_measures;
  const char * const      *tests;
  guint                    n_tests;
} Region;

#define REGION(word, label, m, t) { word, label, m, G_N_ELEMENTS (m), t, G_N_ELEMENTS (t) }

static const Region regions[] = {
  /* Translators: the regions of the examination form */
  REGION ("hip", NC_("exam region", "Hip"), hip_measures, hip_tests),
  REGION ("knee", NC_("exam region", "Knee"), knee_measures, knee_tests),
  REGION ("ankle", NC_("exam region", "Ankle"), ankle_measures, ankle_tests),
  REGION ("lumbar", NC_("exam region", "Low Back"), lumbar_measures, lumbar_tests),
};

guint
limber_exam_form_n_regions (void)
{
  return G_N_ELEMENTS (regions);
}

/**
 * limber_exam_form_region:
 * @region: below limber_exam_form_n_regions()
 *
 * Returns: the region's word, which is also its joint's: "lumbar"
 */
const char *
limber_exam_form_region (guint region)
{
  g_return_val_if_fail (region < G_N_ELEMENTS (regions), NULL);
  return regions[region].word;
}

/**
 * limber_exam_form_region_label:
 *
 * Returns: the region as a page title: "Low Back"
 */
const char *
limber_exam_form_region_label (guint region)
{
  g_return_val_if_fail (region < G_N_ELEMENTS (regions), NULL);
  return g_dpgettext2 (NULL, "exam region", regions[region].label);
}

guint
limber_exam_form_n_measures (guint region)
{
  g_return_val_if_fail (region < G_N_ELEMENTS (regions), 0);
  return regions[region].n_measures;
}

const LimberExamMeasure *
limber_exam_form_measure (guint region,
                          guint index)
{
  g_return_val_if_fail (region < G_N_ELEMENTS (regions), NULL);
  g_return_val_if_fail (index < regions[region].n_measures, NULL);
  return &regions[region].measures[index];
}

guint
limber_exam_form_n_tests (guint region)
{
  g_return_val_if_fail (region < G_N_ELEMENTS (regions), 0);
  return regions[region].n_tests;
}

/**
 * limber_exam_form_test:
 *
 * Returns: the word of the region's @index-th special test: "slump"
 */
const char *
limber_exam_form_test (guint region,
                       guint index)
{
  g_return_val_if_fail (region < G_N_ELEMENTS (regions), NULL);
  g_return_val_if_fail (index < regions[region].n_tests, NULL);
  return regions[region].tests[index];
}

/**
 * limber_exam_form_find_measure:
 *
 * Returns: (nullable): the form's measurement of @joint and @motion, or
 *   %NULL for one the form does not ask (shoulder flexion, kept as it is)
 */
const LimberExamMeasure *
limber_exam_form_find_measure (const char *joint,
                               const char *motion)
{
  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    for (guint m = 0; m < regions[r].n_measures; m++)
      if (g_strcmp0 (regions[r].measures[m].joint, joint) == 0
          && g_strcmp0 (regions[r].measures[m].motion, motion) == 0)
        return &regions[r].measures[m];
  return NULL;
}

/**
 * limber_exam_measure_normal_band:
 * @measure: (nullable): a measurement of the form
 * @low: (out): the lowest normal value, in degrees
 * @high: (out): the highest
 *
 * Returns: %FALSE when there is no reference value to compare with.
 */
gboolean
limber_exam_measure_normal_band (const LimberExamMeasure *measure,
                                 int                     *low,
                                 int                     *high)
{
  if (measure == NULL || !measure->has_normal)
    return FALSE;
  *low = measure->normal - LIMBER_EXAM_NORMAL_TOLERANCE;
  *high = measure->normal + LIMBER_EXAM_NORMAL_TOLERANCE;
  return TRUE;
}
