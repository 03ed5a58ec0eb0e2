/* limber-item-row-private.h — shared by the item row's source files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-item-row.h"

G_BEGIN_DECLS

/* Edits waiting for the commit: one bit per dosage field, then these. */
#define DIRTY_SIDE   (1u << LIMBER_DOSAGE_N_FIELDS)
#define DIRTY_NOTE   (1u << (LIMBER_DOSAGE_N_FIELDS + 1))
#define DIRTY_DOSAGE (DIRTY_SIDE | ((1u << LIMBER_DOSAGE_N_FIELDS) - 1))

/* The controls that keep the focus when the row is replaced. */
enum
{
  SLOT_ROW = -1,
  SLOT_UPDATE,
  SLOT_UP,
  SLOT_DOWN,
  SLOT_DUPLICATE,
  SLOT_RESET,
  SLOT_REMOVE,
  SLOT_SIDE,
  SLOT_NOTE,
  SLOT_SPIN,
  N_SLOTS = SLOT_SPIN + LIMBER_DOSAGE_N_FIELDS
};

struct _LimberItemRow
{
  GtkListBoxRow      parent_instance;

  LimberProgram     *program;
  LimberProgramItem *item;
  LimberCatalog     *catalog;
  LimberExercise    *newer;     /* the catalog's version, when it differs */
  int                shown[LIMBER_DOSAGE_N_FIELDS];
  guint              unset;     /* fields neither the item nor its exercise give */
  guint              dirty;     /* edits not committed yet */
  guint              commit_id;
  gboolean           updating;  /* setting the widgets from the item */
  graphene_point_t   drag_point;

  GtkSpinButton     *spins[LIMBER_DOSAGE_N_FIELDS];
  GtkWidget         *slots[N_SLOTS];

  /* Template widgets */
  GtkWidget         *handle;
  GtkDrawingArea    *thumbnail;
  GtkLabel          *name_label;
  GtkLabel          *tissues_label;
  GtkLabel          *dosage_label;
  GtkWidget         *update_button;
  GtkWidget         *up_button;
  GtkWidget         *down_button;
  GtkWidget         *duplicate_button;
  GtkWidget         *reset_button;
  GtkWidget         *remove_button;
  GtkSpinButton     *sets_spin;
  GtkSpinButton     *reps_spin;
  GtkSpinButton     *hold_spin;
  GtkSpinButton     *per_day_spin;
  GtkSpinButton     *days_spin;
  GtkDropDown       *side_dropdown;
  GtkEntry          *note_entry;
};

/* Carrying the focus over to the row that replaces this one. */
typedef struct
{
  GtkListBox *box;     /* NULL when the focus was not in the row */
  int         slot;
  int         cursor;
} FocusMemo;

int  _limber_item_row_item_index         (LimberItemRow      *self);
void _limber_item_row_focus_memo_take    (FocusMemo          *memo,
                                          LimberItemRow      *self);
void _limber_item_row_focus_memo_restore (FocusMemo          *memo,
                                          int                 index);

/* The dosage and the note: limber-item-row-dosage.c */
void _limber_item_row_class_add_dosage   (GtkWidgetClass     *widget_class);
void _limber_item_row_init_dosage        (LimberItemRow      *self);
void _limber_item_row_show_spin          (LimberItemRow      *self,
                                          LimberDosageField   field,
                                          const LimberDosage *dosage);
void _limber_item_row_commit_edits       (LimberItemRow      *self);

/* The actions: limber-item-row-actions.c */
void _limber_item_row_class_add_actions  (GtkWidgetClass     *widget_class);
void _limber_item_row_update_actions     (LimberItemRow      *self);

/* Drag and drop: limber-item-row-dnd.c */
void _limber_item_row_init_dnd           (LimberItemRow      *self);

G_END_DECLS
