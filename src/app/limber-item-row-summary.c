/* limber-item-row-summary.c — the words of the item row's compact line
 *
 * The dosage in short ("2 × 5 · hold 3 s · twice a day") and the side,
 * for the row a 30-stretch program shows at first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-item-row-private.h"

/* One part of the compact line, kept on one line: it wraps only between
 * the parts ("hold 3 s" never breaks into "hold 3" and "s"). */
static void
append_part (GString    *line,
             const char *part)
{
  if (line->len > 0)
    g_string_append (line, "\u00a0· ");
  for (const char *c = part; *c != '\0'; c++)
    if (*c == ' ')
      g_string_append (line, "\u00a0");
    else
      g_string_append_c (line, *c);
}

/* The dosage in one short line, for the compact row: "2 × 5 · hold 3 s
 * · twice a day" (the side has a label of its own). */
char *
_limber_item_row_describe_dosage (const LimberDosage *dosage)
{
  GString *s = g_string_new (NULL);
  int sets = limber_dosage_get (dosage, LIMBER_DOSAGE_SETS);
  int reps = limber_dosage_get (dosage, LIMBER_DOSAGE_REPS);
  int hold = limber_dosage_get (dosage, LIMBER_DOSAGE_HOLD_SECONDS);
  int per_day = limber_dosage_get (dosage, LIMBER_DOSAGE_PER_DAY);
  int days = limber_dosage_get (dosage, LIMBER_DOSAGE_DAYS_PER_WEEK);
  g_autofree char *part = NULL;

  if (sets && reps)
    /* TRANSLATORS: sets × reps, in a stretch's compact row */
    part = g_strdup_printf (_("%d × %d"), sets, reps);
  else if (reps)
    part = g_strdup_printf (ngettext ("%d rep", "%d reps", reps), reps);
  else if (sets)
    part = g_strdup_printf (ngettext ("%d set", "%d sets", sets), sets);
  if (part != NULL)
    append_part (s, part);
  if (limber_dosage_is_set (dosage, LIMBER_DOSAGE_HOLD_SECONDS) && hold > 0)
    {
      g_free (part);
      part = g_strdup_printf (_("hold %d s"), hold);
      append_part (s, part);
    }
  if (per_day == 1)
    append_part (s, _("once a day"));
  else if (per_day == 2)
    append_part (s, _("twice a day"));
  else if (per_day > 2)
    {
      g_free (part);
      part = g_strdup_printf (_("%d times a day"), per_day);
      append_part (s, part);
    }
  if (limber_dosage_is_set (dosage, LIMBER_DOSAGE_DAYS_PER_WEEK) && days < 7)
    {
      g_free (part);
      part = g_strdup_printf (_("%d days a week"), days);
      append_part (s, part);
    }
  return g_string_free (s, FALSE);
}

const char *
_limber_item_row_side_word (LimberSide side)
{
  switch (side)
    {
    case LIMBER_SIDE_LEFT: return C_("side", "Left");
    case LIMBER_SIDE_RIGHT: return C_("side", "Right");
    case LIMBER_SIDE_BOTH: return C_("side", "Both");
    case LIMBER_SIDE_UNSET:
    default: return NULL;
    }
}
