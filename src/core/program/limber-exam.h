/* limber-exam.h — one dated examination (active release's first step)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "limber-dosage.h"

G_BEGIN_DECLS

typedef struct
{
  char       *joint;    /* hip, knee… */
  LimberSide  side;     /* UNSET for a joint without sides */
  char       *motion;   /* flexion, extension… */
  int         degrees;
} LimberRom;

typedef struct
{
  char       *name;     /* thomas, ober, faber… */
  LimberSide  side;
  gboolean    positive;
} LimberSpecialTest;

/* Not a GObject: a program holds a few, edited as a whole. */
typedef struct
{
  char   *date;         /* ISO 8601, or NULL */
  GArray *rom;          /* LimberRom */
  GArray *tests;        /* LimberSpecialTest */
  int     pain;         /* 0–10, or -1 when not recorded */
  char   *note;
} LimberExam;

LimberExam *limber_exam_new        (void);
void        limber_exam_free       (LimberExam       *self);
LimberExam *limber_exam_copy       (const LimberExam *self);
gboolean    limber_exam_equal      (const LimberExam *a,
                                    const LimberExam *b);
void        limber_exam_set_rom    (LimberExam       *self,
                                    const char       *joint,
                                    LimberSide        side,
                                    const char       *motion,
                                    int               degrees);
const LimberRom *limber_exam_find_rom (const LimberExam *self,
                                    const char       *joint,
                                    LimberSide        side,
                                    const char       *motion);
void        limber_exam_set_test   (LimberExam       *self,
                                    const char       *name,
                                    LimberSide        side,
                                    gboolean          positive);
LimberExam *limber_exam_read_xml   (xmlNode          *node,
                                    const char       *display_name,
                                    GPtrArray        *problems);
void        limber_exam_write_xml  (const LimberExam *self,
                                    xmlNode          *parent);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberExam, limber_exam_free)

G_END_DECLS
