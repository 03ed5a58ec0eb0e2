/* limber-figure-words.c — the words of the pictogram format
 *
 * The names the <figure> element uses for views, segments, joints,
 * points, limbs, surfaces, props, pressures and arrows, each list in
 * the order of its enum, and what can reach or be rested on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <string.h>

#include "limber-figure-pose.h"

/* ------------------------------------------------------------------ */
/* Words                                                              */

static const char * const view_words[] = { "side", "front", "top", NULL };
static const char * const segment_words[] = {
  "trunk", "head", "right-upper-arm", "right-forearm", "left-upper-arm", "left-forearm",
  "right-thigh", "right-shin", "right-foot", "left-thigh", "left-shin", "left-foot", NULL
};
static const char * const joint_words[] = {
  "trunk", "neck", "right-shoulder", "right-elbow", "left-shoulder", "left-elbow",
  "right-hip", "right-knee", "right-ankle", "left-hip", "left-knee", "left-ankle", NULL
};
static const char * const point_words[] = {
  "pelvis", "neck", "head", "right-shoulder", "right-elbow", "right-hand",
  "left-shoulder", "left-elbow", "left-hand", "right-hip", "right-knee", "right-ankle",
  "right-toe", "left-hip", "left-knee", "left-ankle", "left-toe", NULL
};
static const char * const limb_words[] = { "right-arm", "left-arm", "right-leg", "left-leg", NULL };
static const char * const surface_words[] = { "middle", "front", "back", "outer", "inner", "side", NULL };
static const char * const prop_words[] = {
  "floor", "mat", "bench", "bed", "chair", "wall", "ball", "foam-roller", "towel", "strap", "pillow", NULL
};
static const char * const turn_words[] = {
  "trunk-side", "trunk-turn", "neck-side", "right-shoulder-out", "right-shoulder-turn",
  "left-shoulder-out", "left-shoulder-turn", "right-hip-out", "right-hip-turn",
  "right-ankle-turn", "left-hip-out", "left-hip-turn", "left-ankle-turn", NULL
};
/* Joint limits of the turns (degrees): what a flexible adult can do,
 * so a typo cannot twist a figure into a pose nobody can copy. */
static const double turn_limits[LIMBER_N_TURNS][2] = {
  [LIMBER_TURN_TRUNK_SIDE] = { -40, 40 },
  [LIMBER_TURN_TRUNK_TURN] = { -60, 60 },
  [LIMBER_TURN_NECK_SIDE] = { -45, 45 },
  [LIMBER_TURN_RIGHT_SHOULDER_OUT] = { -45, 180 },
  [LIMBER_TURN_RIGHT_SHOULDER_TURN] = { -90, 90 },
  [LIMBER_TURN_LEFT_SHOULDER_OUT] = { -45, 180 },
  [LIMBER_TURN_LEFT_SHOULDER_TURN] = { -90, 90 },
  [LIMBER_TURN_RIGHT_HIP_OUT] = { -30, 60 },
  [LIMBER_TURN_RIGHT_HIP_TURN] = { -45, 60 },
  [LIMBER_TURN_RIGHT_ANKLE_TURN] = { -35, 25 },
  [LIMBER_TURN_LEFT_HIP_OUT] = { -30, 60 },
  [LIMBER_TURN_LEFT_HIP_TURN] = { -45, 60 },
  [LIMBER_TURN_LEFT_ANKLE_TURN] = { -35, 25 },
};
static const char * const pressure_words[] = { "hand", "ball", "foam-roller", NULL };
static const char * const arrow_words[] = { "auto", "none", "straight", "arc", NULL };
static const char * const effector_words[] = {
  "right-hand", "left-hand", "right-foot", "left-foot", "right-knee", "left-knee",
  "right-elbow", "left-elbow", NULL
};
static const char * const support_words[] = { "floor", "bench", "bed", "chair", NULL };

static const LimberPoint effector_points[] = {
  LIMBER_POINT_RIGHT_HAND, LIMBER_POINT_LEFT_HAND, LIMBER_POINT_RIGHT_ANKLE,
  LIMBER_POINT_LEFT_ANKLE, LIMBER_POINT_RIGHT_KNEE, LIMBER_POINT_LEFT_KNEE,
  LIMBER_POINT_RIGHT_ELBOW, LIMBER_POINT_LEFT_ELBOW,
};
static const LimberPropKind support_props[] = {
  LIMBER_PROP_FLOOR, LIMBER_PROP_BENCH, LIMBER_PROP_BED, LIMBER_PROP_CHAIR,
};

static const char * const *word_lists[LIMBER_N_WORDS] = {
  [LIMBER_WORDS_VIEW] = view_words,
  [LIMBER_WORDS_SEGMENT] = segment_words,
  [LIMBER_WORDS_JOINT] = joint_words,
  [LIMBER_WORDS_POINT] = point_words,
  [LIMBER_WORDS_LIMB] = limb_words,
  [LIMBER_WORDS_SURFACE] = surface_words,
  [LIMBER_WORDS_PROP] = prop_words,
  [LIMBER_WORDS_PRESSURE] = pressure_words,
  [LIMBER_WORDS_ARROW] = arrow_words,
  [LIMBER_WORDS_EFFECTOR] = effector_words,
  [LIMBER_WORDS_SUPPORT] = support_words,
  [LIMBER_WORDS_TURN] = turn_words,
};

void
limber_turn_limits (LimberTurn  turn,
                    double     *min,
                    double     *max)
{
  g_return_if_fail (turn < LIMBER_N_TURNS);
  *min = turn_limits[turn][0];
  *max = turn_limits[turn][1];
}

const char *
limber_figure_word (LimberWords words,
                    int         index)
{
  g_return_val_if_fail (words < LIMBER_N_WORDS, NULL);
  g_return_val_if_fail (index >= 0 && index < (int) g_strv_length ((GStrv) word_lists[words]), NULL);
  return word_lists[words][index];
}

/* Returns: the word's index in its list, or -1 */
int
limber_figure_word_lookup (LimberWords  words,
                           const char  *text)
{
  g_return_val_if_fail (words < LIMBER_N_WORDS, -1);
  if (text == NULL)
    return -1;
  for (int i = 0; word_lists[words][i] != NULL; i++)
    if (strcmp (word_lists[words][i], text) == 0)
      return i;
  return -1;
}

/* "a, b, c": for messages that say what would be right. */
char *
limber_figure_word_list (LimberWords words)
{
  g_return_val_if_fail (words < LIMBER_N_WORDS, NULL);
  return g_strjoinv (", ", (GStrv) word_lists[words]);
}

LimberPoint
limber_effector_point (int effector)
{
  g_return_val_if_fail (effector >= 0 && effector < (int) G_N_ELEMENTS (effector_points),
                        LIMBER_POINT_RIGHT_HAND);
  return effector_points[effector];
}

int
limber_effector_for_point (LimberPoint point)
{
  for (guint i = 0; i < G_N_ELEMENTS (effector_points); i++)
    if (effector_points[i] == point)
      return i;
  return -1;
}

LimberPropKind
limber_support_prop (int support)
{
  g_return_val_if_fail (support >= 0 && support < (int) G_N_ELEMENTS (support_props),
                        LIMBER_PROP_FLOOR);
  return support_props[support];
}

int
limber_prop_support (LimberPropKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (support_props); i++)
    if (support_props[i] == kind)
      return i;
  return -1;
}
