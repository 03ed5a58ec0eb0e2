/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fault-fixtures.h — what test-faults saves, and who saves it
 *
 * The writers and the faults test-faults runs them into, the old and
 * the new version of each writer's file, and what is saved: the
 * catalog, two weeks of a program, their handouts and the custom
 * stretches, loaded once by main() before any test.
 */
#pragma once

#include "limber-catalog.h"
#include "limber-handout.h"
#include "limber-program.h"

typedef enum
{
  WRITER_PROGRAM,
  WRITER_TEMPLATE,
  WRITER_DRAFT,
  WRITER_PDF,
  WRITER_CUSTOM,
  WRITER_LOGO,
  N_WRITERS
} Writer;

typedef enum
{
  FAULT_FULL_DISK,
  FAULT_FULL_TMPFS,
  FAULT_FOLDER,
  FAULT_SYMLINK,
  FAULT_READ_ONLY,
  FAULT_NO_LINK,
  FAULT_KILL,
  N_FAULTS
} Fault;

/* What a writer writes: the file as it was, and the one a save makes. */
typedef enum
{
  OLD,
  NEW,
  N_VERSIONS,
  BAD = -1
} Version;

typedef struct { const char *slug, *name; } Label;

extern const Label writers[N_WRITERS];
extern const Label faults[N_FAULTS];

/* Real draft ids are UUIDs (limber_drafts_new_id()). */
#define DRAFT_ID     "3f0c2a8e-5b7d-4e61-9a43-2d8b6c1e7f05"
/* AddressSanitizer makes fork() and the loaders some ten times slower
 * (a program loads in 0.2–0.4 s).  There, so that the test stays under
 * a minute on 2 cores (CI runs it with and without): 25 kills a writer
 * instead of 100 (LIMBER_FAULT_KILLS overrides both), and a file whose
 * bytes the real loader has already accepted in this test is not
 * loaded again. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LIMBER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(LIMBER_ASAN)
#define KILLS           25
#define REUSE_VERDICTS  TRUE
#else
#define KILLS           100
#define REUSE_VERDICTS  FALSE
#endif

/* What is saved, made by make_fixtures() (the catalog by main()). */
extern LimberCatalog *catalog;
extern LimberProgram *programs[N_VERSIONS];
extern LimberHandout *handouts[N_VERSIONS];
extern LimberExercise *old_stretches[3];
extern LimberExercise *new_stretch;
extern const char *titles[N_VERSIONS];
extern GFile *logos[N_VERSIONS];     /* pictures a therapist chose */

LimberExercise *exercise_at   (guint i);
LimberProgram  *load_sample   (void);
void            make_fixtures (void);
void            free_fixtures (void);
