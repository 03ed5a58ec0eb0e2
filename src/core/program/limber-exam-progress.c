/* limber-exam-progress.c — examinations in words: one exam, and the change
 * between the first and the last
 *
 * The words are the user interface's (gettext), not the handout's: these
 * lines are for the therapist, in the program pane.  Measurements are
 * listed in the order a clinician reads them (the order of the schema's
 * words), not the order they happen to have in the file, so two exams
 * read alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-exam-progress"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "limber-exam-progress.h"

/* The context of the joint and motion words below, which are only used
 * inside "Hip extension": a language that says "extensión de cadera" can
 * reorder them in the "%s %s" of limber_exam_rom_label(). */
#define JOINT_CONTEXT "joint, as in 'Hip extension'"
#define MOTION_CONTEXT "motion, as in 'Hip extension'"

typedef struct
{
  const char *word;
  const char *label;
} Word;

/* Keep in the schema's order (data/schemas/program.rng). */
static const Word joints[] = {
  { "hip", NC_("joint, as in 'Hip extension'", "Hip") },
  { "knee", NC_("joint, as in 'Hip extension'", "Knee") },
  { "ankle", NC_("joint, as in 'Hip extension'", "Ankle") },
  { "lumbar", NC_("joint, as in 'Hip extension'", "Lumbar") },
  { "thoracic", NC_("joint, as in 'Hip extension'", "Thoracic") },
  { "neck", NC_("joint, as in 'Hip extension'", "Neck") },
  { "shoulder", NC_("joint, as in 'Hip extension'", "Shoulder") },
};

typedef struct
{
  const char *word;
  const char *label;   /* on its own, as a row title */
  const char *phrase;  /* after a joint */
} Motion;

/* In the order a summary lists them (the form's order is
 * limber-exam-form.c's). */
static const Motion motions[] = {
  { "flexion", N_("Flexion"), NC_("motion, as in 'Hip extension'", "flexion") },
  { "extension", N_("Extension"), NC_("motion, as in 'Hip extension'", "extension") },
  { "internal-rotation", N_("Internal rotation"), NC_("motion, as in 'Hip extension'", "internal rotation") },
  { "external-rotation", N_("External rotation"), NC_("motion, as in 'Hip extension'", "external rotation") },
  { "abduction", N_("Abduction"), NC_("motion, as in 'Hip extension'", "abduction") },
  { "adduction", N_("Adduction"), NC_("motion, as in 'Hip extension'", "adduction") },
  { "rotation", N_("Rotation"), NC_("motion, as in 'Hip extension'", "rotation") },
  { "side-bending", N_("Side bending"), NC_("motion, as in 'Hip extension'", "side bending") },
  { "dorsiflexion", N_("Dorsiflexion"), NC_("motion, as in 'Hip extension'", "dorsiflexion") },
  { "plantarflexion", N_("Plantarflexion"), NC_("motion, as in 'Hip extension'", "plantarflexion") },
};

/* In the order a summary lists them: the form's, region by region. */
static const Word tests[] = {
  /* Translators: the names of special tests; keep the eponyms and
   * acronyms clinicians in your language use. */
  { "thomas", N_("Thomas") },
  { "ober", N_("Ober") },
  { "faber", N_("FABER") },
  { "fadir", N_("FADIR") },
  { "fair", N_("Piriformis (FAIR)") },
  { "ely", N_("Ely") },
  { "90-90-hamstring", N_("90-90 hamstring") },
  { "noble", N_("Noble") },
  { "silfverskiold", N_("Silfverskiöld") },
  { "slr", N_("Straight-leg raise") },
  { "slump", N_("Slump") },
  { "prone-knee-bend", N_("Prone knee bend") },
};

/* The sides in the order they are listed. */
static const LimberSide sides[] = { LIMBER_SIDE_LEFT, LIMBER_SIDE_RIGHT, LIMBER_SIDE_UNSET, LIMBER_SIDE_BOTH };

static int
word_rank (const Word *words,
           guint       n,
           const char *word)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (words[i].word, word) == 0)
      return (int) i;
  return (int) n;
}

static int
motion_rank (const char *motion)
{
  for (guint i = 0; i < G_N_ELEMENTS (motions); i++)
    if (g_strcmp0 (motions[i].word, motion) == 0)
      return (int) i;
  return G_N_ELEMENTS (motions);
}

static int
side_rank (LimberSide side)
{
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    if (sides[i] == side)
      return (int) i;
  return G_N_ELEMENTS (sides);
}

/**
 * limber_exam_motion_label:
 * @motion: a motion word: "internal-rotation"
 *
 * Returns: the motion on its own, as a row title: "Internal rotation";
 *   an unknown word is returned as it is.
 */
const char *
limber_exam_motion_label (const char *motion)
{
  int i = motion_rank (motion);

  return i < (int) G_N_ELEMENTS (motions) ? _(motions[i].label) : motion;
}

/**
 * limber_exam_test_label:
 * @name: a special test's word: "fair"
 *
 * Returns: its name for clinicians: "Piriformis (FAIR)"; an unknown word
 *   is returned as it is.
 */
const char *
limber_exam_test_label (const char *name)
{
  int i = word_rank (tests, G_N_ELEMENTS (tests), name);

  return i < (int) G_N_ELEMENTS (tests) ? _(tests[i].label) : name;
}

/**
 * limber_exam_side_abbreviation:
 *
 * Returns: "L", "R", "L+R", or "" for a midline measurement.
 */
const char *
limber_exam_side_abbreviation (LimberSide side)
{
  switch (side)
    {
    case LIMBER_SIDE_LEFT:
      return C_("side, short", "L");
    case LIMBER_SIDE_RIGHT:
      return C_("side, short", "R");
    case LIMBER_SIDE_BOTH:
      return C_("side, short", "L+R");
    case LIMBER_SIDE_UNSET:
    default:
      return "";
    }
}

/**
 * limber_exam_rom_label:
 * @joint: a joint word: "hip"
 * @motion: a motion word: "extension"
 *
 * Returns: (transfer full): "Hip extension".
 */
char *
limber_exam_rom_label (const char *joint,
                       const char *motion)
{
  int j = word_rank (joints, G_N_ELEMENTS (joints), joint);
  int m = motion_rank (motion);
  const char *joint_label = j < (int) G_N_ELEMENTS (joints) ? g_dpgettext2 (NULL, JOINT_CONTEXT, joints[j].label) : joint;
  const char *motion_label = m < (int) G_N_ELEMENTS (motions) ? g_dpgettext2 (NULL, MOTION_CONTEXT, motions[m].phrase) : motion;

  /* Translators: a joint and a motion: "Hip extension" */
  return g_strdup_printf (C_("joint and motion", "%s %s"), joint_label, motion_label);
}

/**
 * limber_exam_with_side:
 * @label: a measurement: "Hip extension"
 * @side: its side, or %LIMBER_SIDE_UNSET on the midline
 *
 * Returns: (transfer full): "Hip extension, left", or the label alone
 *   for a midline measurement: "Lumbar flexion".
 */
char *
limber_exam_with_side (const char *label,
                       LimberSide  side)
{
  switch (side)
    {
    case LIMBER_SIDE_LEFT:
      /* Translators: a measurement on the left: "Hip extension, left" */
      return g_strdup_printf (_("%s, left"), label);
    case LIMBER_SIDE_RIGHT:
      /* Translators: a measurement on the right: "Hip extension, right" */
      return g_strdup_printf (_("%s, right"), label);
    case LIMBER_SIDE_BOTH:
      /* Translators: a test done on both sides at once */
      return g_strdup_printf (_("%s, both sides"), label);
    case LIMBER_SIDE_UNSET:
    default:
      return g_strdup (label);
    }
}

/* "Hip extension, left", or "Lumbar flexion" for a midline measurement. */
static char *
rom_side_label (const char *joint,
                const char *motion,
                LimberSide  side)
{
  g_autofree char *label = limber_exam_rom_label (joint, motion);

  return limber_exam_with_side (label, side);
}

static char *
test_side_label (const char *name,
                 LimberSide  side)
{
  /* Translators: "Thomas test", "Ober test" */
  g_autofree char *label = g_strdup_printf (_("%s test"), limber_exam_test_label (name));

  return limber_exam_with_side (label, side);
}

static const char *
result_label (gboolean positive)
{
  return positive ? _("positive") : _("negative");
}

/**
 * limber_exam_format_date:
 * @date: (nullable): an ISO 8601 date: "2026-11-24"
 *
 * Returns: (transfer full): the date as people read it, "24 Nov 2026",
 *   the text itself if it is not a date, "Undated" for %NULL.
 */
char *
limber_exam_format_date (const char *date)
{
  g_autoptr(GDateTime) time = NULL;
  unsigned int year, month, day;
  char end = '\0';
  int n;

  if (date == NULL)
    return g_strdup (_("Undated"));
  /* A time zone after the date, which xsd:date allows, does not change
   * the day. */
  n = sscanf (date, "%4u-%2u-%2u%c", &year, &month, &day, &end);
  if (n < 3 || (n == 4 && strchr ("Z+-", end) == NULL)
      || year < 1 || year > 9999 || month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return g_strdup (date);
  time = g_date_time_new_utc (year, month, day, 0, 0, 0);
  /* Translators: an exam's date, in g_date_time_format() notation:
   * "24 Nov 2026" */
  return g_date_time_format (time, _("%-d %b %Y"));
}

/**
 * limber_exam_date_is_valid:
 * @text: what was typed in a date field
 *
 * Returns: whether @text is a date written YYYY-MM-DD, and a day that
 *   exists (not 2026-02-30).
 */
gboolean
limber_exam_date_is_valid (const char *text)
{
  guint64 year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= 31
         && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/**
 * limber_exam_parse_degrees:
 * @text: what was typed in a range-of-motion field
 * @measured: (out): %FALSE for an empty field: not measured
 * @degrees: (out): the value, when measured
 *
 * Reads "12", "-5", "15°" or "−5 °" (a typographic minus); spaces
 * around are fine.
 *
 * Returns: %FALSE if @text is neither empty nor a whole number of
 *   degrees from -180 to 180.
 */
gboolean
limber_exam_parse_degrees (const char *text,
                           gboolean   *measured,
                           int        *degrees)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  const char *number = copy;
  gboolean negative = FALSE;
  guint64 value;

  if (g_str_has_suffix (copy, "°"))
    {
      copy[strlen (copy) - strlen ("°")] = '\0';
      g_strchomp (copy);
    }
  *measured = copy[0] != '\0';
  if (!*measured)
    return TRUE;
  if (g_str_has_prefix (number, "−") || number[0] == '-')
    {
      negative = TRUE;
      number += number[0] == '-' ? 1 : strlen ("−");
    }
  else if (number[0] == '+')
    number++;
  /* Digits only: g_ascii_string_to_unsigned() would take a sign. */
  if (!g_ascii_isdigit (number[0])
      || !g_ascii_string_to_unsigned (number, 10, 0, 180, &value, NULL))
    {
      *measured = FALSE;
      return FALSE;
    }
  *degrees = negative ? -(int) value : (int) value;
  return TRUE;
}

/* The indices of @array sorted by @compare, so that the model's order is
 * left alone. */
static GArray *
sorted_indices (GArray           *array,
                GCompareDataFunc  compare)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), array->len);

  for (guint i = 0; i < array->len; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare, array);
  return order;
}

static int
compare_rom (gconstpointer a,
             gconstpointer b,
             gpointer      data)
{
  GArray *rom = data;
  const LimberRom *ra = &g_array_index (rom, LimberRom, *(const guint *) a);
  const LimberRom *rb = &g_array_index (rom, LimberRom, *(const guint *) b);
  int d;

  if ((d = word_rank (joints, G_N_ELEMENTS (joints), ra->joint)
           - word_rank (joints, G_N_ELEMENTS (joints), rb->joint)) != 0
      || (d = g_strcmp0 (ra->joint, rb->joint)) != 0
      || (d = motion_rank (ra->motion) - motion_rank (rb->motion)) != 0
      || (d = g_strcmp0 (ra->motion, rb->motion)) != 0)
    return d;
  return side_rank (ra->side) - side_rank (rb->side);
}

static int
compare_test (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  GArray *array = data;
  const LimberSpecialTest *ta = &g_array_index (array, LimberSpecialTest, *(const guint *) a);
  const LimberSpecialTest *tb = &g_array_index (array, LimberSpecialTest, *(const guint *) b);
  int d;

  if ((d = word_rank (tests, G_N_ELEMENTS (tests), ta->name)
           - word_rank (tests, G_N_ELEMENTS (tests), tb->name)) != 0
      || (d = g_strcmp0 (ta->name, tb->name)) != 0)
    return d;
  return side_rank (ta->side) - side_rank (tb->side);
}

static void
append_part (GString    *s,
             const char *part)
{
  if (s->len > 0)
    g_string_append (s, " · ");
  g_string_append (s, part);
}

/* "Hip extension L 5°, R 15° · Lumbar flexion 40°" */
static void
describe_rom (GString          *s,
              const LimberExam *exam)
{
  g_autoptr(GArray) order = sorted_indices (exam->rom, compare_rom);
  const LimberRom *group = NULL;

  for (guint i = 0; i < order->len; i++)
    {
      const LimberRom *r = &g_array_index (exam->rom, LimberRom, g_array_index (order, guint, i));
      g_autofree char *value = NULL;

      if (r->side == LIMBER_SIDE_UNSET)
        /* Translators: degrees of a midline measurement: "40°" */
        value = g_strdup_printf (_("%d°"), r->degrees);
      else
        /* Translators: a side and its degrees: "L 5°" */
        value = g_strdup_printf (_("%s %d°"), limber_exam_side_abbreviation (r->side), r->degrees);

      if (group != NULL && g_strcmp0 (group->joint, r->joint) == 0 && g_strcmp0 (group->motion, r->motion) == 0)
        {
          g_string_append (s, ", ");
          g_string_append (s, value);
        }
      else
        {
          g_autofree char *label = limber_exam_rom_label (r->joint, r->motion);
          g_autofree char *part = g_strdup_printf (C_("measurement and values", "%s %s"), label, value);

          append_part (s, part);
          group = r;
        }
    }
}

/* "Thomas positive L, negative R · FAIR negative L" */
static void
describe_tests (GString          *s,
                const LimberExam *exam)
{
  g_autoptr(GArray) order = sorted_indices (exam->tests, compare_test);
  const LimberSpecialTest *group = NULL;

  for (guint i = 0; i < order->len; i++)
    {
      const LimberSpecialTest *t = &g_array_index (exam->tests, LimberSpecialTest, g_array_index (order, guint, i));
      g_autofree char *value = NULL;

      if (t->side == LIMBER_SIDE_UNSET)
        value = g_strdup (result_label (t->positive));
      else
        /* Translators: a test's result and its side: "positive L" */
        value = g_strdup_printf (C_("result and side", "%s %s"), result_label (t->positive),
                                 limber_exam_side_abbreviation (t->side));

      if (group != NULL && g_strcmp0 (group->name, t->name) == 0)
        {
          g_string_append (s, ", ");
          g_string_append (s, value);
        }
      else
        {
          g_autofree char *part = g_strdup_printf (C_("measurement and values", "%s %s"),
                                                   limber_exam_test_label (t->name), value);

          append_part (s, part);
          group = t;
        }
    }
}

/**
 * limber_exam_describe:
 * @exam: an examination
 *
 * One paragraph for the program pane: "24 Nov 2026 · Pain 6/10 · Hip
 * extension L 5°, R 15° · Thomas positive L, negative R".  The note is
 * left out: it is the therapist's own text, shown as it is.
 *
 * Returns: (transfer full): the summary.
 */
char *
limber_exam_describe (const LimberExam *exam)
{
  GString *s = g_string_new (NULL);
  g_autofree char *date = NULL;

  g_return_val_if_fail (exam != NULL, NULL);

  date = limber_exam_format_date (exam->date);
  append_part (s, date);
  if (exam->pain >= 0)
    {
      g_autofree char *pain = g_strdup_printf (_("Pain %d/10"), exam->pain);
      append_part (s, pain);
    }
  describe_rom (s, exam);
  describe_tests (s, exam);
  return g_string_free (s, FALSE);
}

static int
compare_exam_dates (gconstpointer a,
                    gconstpointer b)
{
  const LimberExam *ea = *(const LimberExam * const *) a;
  const LimberExam *eb = *(const LimberExam * const *) b;

  return g_strcmp0 (ea->date, eb->date);
}

static const LimberSpecialTest *
find_test (const LimberExam *exam,
           const char       *name,
           LimberSide        side)
{
  for (guint i = 0; i < exam->tests->len; i++)
    {
      const LimberSpecialTest *t = &g_array_index (exam->tests, LimberSpecialTest, i);

      if (g_strcmp0 (t->name, name) == 0 && t->side == side)
        return t;
    }
  return NULL;
}

static void
append_line (GString    *s,
             const char *line)
{
  if (s->len > 0)
    g_string_append_c (s, '\n');
  g_string_append (s, line);
}

/* The dates of the values on one line: "24 Nov", with the year
 * when the exams span more than one. */
typedef struct
{
  GPtrArray *exams;      /* const LimberExam *, dated, oldest first */
  gboolean   with_year;
} History;

static char *
short_date (const History    *h,
            const LimberExam *exam)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;
  int year, month, day;

  if (sscanf (exam->date, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return g_strdup (exam->date);
  time = g_date_time_new_utc (year, month, day, 0, 0, 0);
  /* Translators: the date after a value in the progress lines, in
   * g_date_time_format() notation: "24 Nov"; then with the year */
  text = g_date_time_format (time, h->with_year ? _("%-d %b %Y") : _("%-d %b"));
  /* A line may break between values, never inside a date. */
  words = g_strsplit (text, " ", -1);
  return g_strjoinv ("\xc2\xa0", words);
}

/* One text per exam, NULL where it was not measured: freed whole
 * (a GStrv would stop at the first hole and leak the rest). */
static GPtrArray *
values_new (const History *h)
{
  GPtrArray *values = g_ptr_array_new_full (h->exams->len, g_free);

  g_ptr_array_set_size (values, h->exams->len);
  return values;
}

/* "Hip extension, left: 5° (24 Nov) → 12° (1 Dec)": @values holds one
 * text per exam, NULL where it was not measured. */
static void
append_progress (GString      *s,
                 const History *h,
                 const char    *label,
                 char         **values)
{
  g_autoptr(GString) line = g_string_new (label);
  guint count = 0;

  for (guint e = 0; e < h->exams->len; e++)
    count += values[e] != NULL;
  if (count < 2)
    return;
  g_string_append (line, C_("progress line", ": "));
  count = 0;
  for (guint e = 0; e < h->exams->len; e++)
    {
      g_autofree char *date = NULL;

      if (values[e] == NULL)
        continue;
      date = short_date (h, g_ptr_array_index (h->exams, e));
      if (count++ > 0)
        g_string_append (line, " → ");
      /* Translators: a value and the date it was measured: "5° (24 Nov)" */
      g_string_append_printf (line, C_("value and date", "%s (%s)"), values[e], date);
    }
  append_line (s, line->str);
}

/* Every joint, motion and side measured in any exam, in the summary's
 * order. */
static GArray *
measured_rom (GPtrArray *exams)
{
  GArray *keys = g_array_new (FALSE, TRUE, sizeof (LimberRom));
  g_autoptr(GArray) order = NULL;
  GArray *sorted;

  for (guint e = 0; e < exams->len; e++)
    {
      const LimberExam *exam = g_ptr_array_index (exams, e);

      for (guint i = 0; i < exam->rom->len; i++)
        {
          const LimberRom *r = &g_array_index (exam->rom, LimberRom, i);
          gboolean seen = FALSE;

          for (guint k = 0; k < keys->len && !seen; k++)
            {
              const LimberRom *key = &g_array_index (keys, LimberRom, k);

              seen = g_strcmp0 (key->joint, r->joint) == 0 && g_strcmp0 (key->motion, r->motion) == 0
                     && key->side == r->side;
            }
          if (!seen)
            g_array_append_val (keys, *r);   /* borrowed strings */
        }
    }
  order = sorted_indices (keys, compare_rom);
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (LimberRom), keys->len);
  for (guint i = 0; i < order->len; i++)
    g_array_append_val (sorted, g_array_index (keys, LimberRom, g_array_index (order, guint, i)));
  g_array_unref (keys);
  return sorted;
}

/**
 * limber_exam_measured_rom:
 * @exams: (element-type LimberExam): examinations
 *
 * Returns: (transfer container): one #LimberRom for each joint, motion
 *   and side measured in any of @exams, in the order a clinician reads
 *   them; the strings are @exams' own, the degrees meaningless.
 */
GArray *
limber_exam_measured_rom (GPtrArray *exams)
{
  g_return_val_if_fail (exams != NULL, NULL);
  return measured_rom (exams);
}

static void
progress_rom (GString       *s,
              const History *h)
{
  g_autoptr(GArray) keys = measured_rom (h->exams);

  for (guint k = 0; k < keys->len; k++)
    {
      const LimberRom *key = &g_array_index (keys, LimberRom, k);
      g_autofree char *label = rom_side_label (key->joint, key->motion, key->side);
      g_autoptr(GPtrArray) values = values_new (h);

      for (guint e = 0; e < h->exams->len; e++)
        {
          const LimberRom *r = limber_exam_find_rom (g_ptr_array_index (h->exams, e), key->joint, key->side,
                                                     key->motion);

          if (r != NULL)
            /* Translators: degrees of a measurement: "40°" */
            g_ptr_array_index (values, e) = g_strdup_printf (_("%d°"), r->degrees);
        }
      append_progress (s, h, label, (char **) values->pdata);
    }
}

static void
progress_tests (GString       *s,
                const History *h)
{
  for (guint n = 0; n < G_N_ELEMENTS (tests); n++)
    for (guint k = 0; k < G_N_ELEMENTS (sides); k++)
      {
        g_autofree char *label = test_side_label (tests[n].word, sides[k]);
        g_autoptr(GPtrArray) values = values_new (h);

        for (guint e = 0; e < h->exams->len; e++)
          {
            const LimberSpecialTest *t = find_test (g_ptr_array_index (h->exams, e), tests[n].word, sides[k]);

            if (t != NULL)
              g_ptr_array_index (values, e) = g_strdup (result_label (t->positive));
          }
        append_progress (s, h, label, (char **) values->pdata);
      }
}

static void
progress_pain (GString       *s,
               const History *h)
{
  g_autoptr(GPtrArray) values = values_new (h);

  for (guint e = 0; e < h->exams->len; e++)
    {
      const LimberExam *exam = g_ptr_array_index (h->exams, e);

      if (exam->pain >= 0)
        g_ptr_array_index (values, e) = g_strdup_printf ("%d", exam->pain);
    }
  append_progress (s, h, _("Pain"), (char **) values->pdata);
}

/**
 * limber_exam_dated_exams:
 * @program: a program
 *
 * Returns: (transfer container) (element-type LimberExam): the
 *   program's dated exams, oldest first; two on one day keep the
 *   program's order.
 */
GPtrArray *
limber_exam_dated_exams (LimberProgram *program)
{
  GPtrArray *exams = g_ptr_array_new ();

  g_return_val_if_fail (LIMBER_IS_PROGRAM (program), exams);

  for (guint i = 0; i < limber_program_get_n_exams (program); i++)
    {
      const LimberExam *exam = limber_program_get_exam (program, i);

      if (exam->date != NULL)
        g_ptr_array_add (exams, (gpointer) exam);
    }
  /* ISO dates sort as text, and the sort is stable. */
  g_ptr_array_sort (exams, compare_exam_dates);
  return exams;
}

/**
 * limber_exam_describe_progress:
 * @program: a program
 *
 * The change across the program's dated examinations, oldest first:
 * for each range of motion, special test and the pain measured in at
 * least two of them, a line with every value and its date:
 *
 *     Hip extension, left: 5° (24 Nov) → 12° (1 Dec)
 *     Thomas test, left: positive (24 Nov) → negative (1 Dec)
 *     Pain: 6 (24 Nov) → 3 (1 Dec)
 *
 * Returns: (transfer full) (nullable): the lines, or %NULL when fewer
 *   than two exams are dated or nothing was measured twice.
 */
char *
limber_exam_describe_progress (LimberProgram *program)
{
  g_autoptr(GPtrArray) exams = NULL;
  History h;
  GString *s;

  g_return_val_if_fail (LIMBER_IS_PROGRAM (program), NULL);

  exams = limber_exam_dated_exams (program);
  if (exams->len < 2)
    return NULL;
  h.exams = exams;
  h.with_year = strncmp (((const LimberExam *) g_ptr_array_index (exams, 0))->date,
                         ((const LimberExam *) g_ptr_array_index (exams, exams->len - 1))->date, 4) != 0;

  s = g_string_new (NULL);
  progress_rom (s, &h);
  progress_tests (s, &h);
  progress_pain (s, &h);
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}
