/* limber-library-page.c — the start page: the program library by patient
 *
 * What shows when no program is open: the library's patients, the one
 * seen last first, each a card with their programs (newest first) to
 * open, duplicate or move to the trash (with Undo).  Typing anywhere on
 * the page searches.  The list is a GtkListView of patients, so a
 * library of hundreds of programs builds only the cards on screen.
 *
 * The page opens nothing itself: it emits "open" and the window opens
 * the file as Open does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-library-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "limber-library-page.h"
#include "limber-problem.h"
#include "limber-toast-guard.h"
#include "limber-trash.h"

struct _LimberLibraryPage
{
  GtkWidget       parent_instance;

  LimberLibrary  *library;

  /* Template widgets */
  GtkWidget      *box;
  GtkSpinner     *spinner;
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkListView    *list_view;
  AdwStatusPage  *empty_page;
  GtkWidget      *problems_box;
  GtkExpander    *problems_expander;
  GtkLabel       *problems_label;
};

enum { SIGNAL_OPEN, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LimberLibraryPage, limber_library_page, GTK_TYPE_WIDGET)

static void
toast (LimberLibraryPage *self,
       AdwToast          *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    limber_toast_add (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* libadwaita 1.2 reads a toast's title as markup: a message quoting a
 * file name such as "Hip & knee.limber" is escaped. */
static AdwToast *
toast_new (char *message)
{
  g_autofree char *owned = message;
  g_autofree char *escaped = g_markup_escape_text (owned, -1);

  return adw_toast_new (escaped);
}

/* ---- The cards ----------------------------------------------------- */

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             const char *uri)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static GtkWidget *
program_row (LimberLibraryEntry *entry)
{
  g_autofree char *uri = g_file_get_uri (limber_library_entry_get_file (entry));
  g_autofree char *file_name = g_file_get_basename (limber_library_entry_get_file (entry));
  const char *title = limber_library_entry_get_title (entry);
  const char *created = limber_library_entry_get_created (entry);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : _("Untitled Program"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), created ? created : _("No date"));
  gtk_widget_set_tooltip_text (row, file_name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("edit-copy-symbolic", _("Duplicate"), "library.duplicate", uri));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("user-trash-symbolic", _("Move to Trash"), "library.trash", uri));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "library.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);
  return row;
}

/* A patient of many visits shows the last few; the rest are a click
 * (or a search) away, so that one long history does not push everyone
 * else down the page. */
#define RECENT_ROWS 4

static guint
visible_rows (LimberLibraryPatient *patient)
{
  return g_object_get_data (G_OBJECT (patient), "limber-show-all") ? G_MAXUINT : RECENT_ROWS;
}

static void
on_more_clicked (GtkButton *button)
{
  LimberLibraryPatient *patient = g_object_get_data (G_OBJECT (button), "patient");
  GListModel *shown = limber_library_patient_get_shown (patient);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkListBox *programs = GTK_LIST_BOX (gtk_widget_get_parent (row));

  g_object_set_data (G_OBJECT (patient), "limber-show-all", GINT_TO_POINTER (TRUE));
  gtk_list_box_remove (programs, row);
  for (guint i = RECENT_ROWS; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(LimberLibraryEntry) entry = g_list_model_get_item (shown, i);
      gtk_list_box_append (programs, program_row (entry));
    }
}

static GtkWidget *
more_row (LimberLibraryPatient *patient,
          guint                 n_more)
{
  g_autofree char *label = g_strdup_printf (ngettext ("Show %u Older Program", "Show %u Older Programs", n_more),
                                            n_more);
  GtkWidget *button = gtk_button_new_with_label (label);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_margin_top (button, 3);
  gtk_widget_set_margin_bottom (button, 3);
  g_object_set_data_full (G_OBJECT (button), "patient", g_object_ref (patient), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_more_clicked), NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* A card: the patient's name and id over a boxed list of programs. */
static void
setup_card (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *id = gtk_label_new (NULL);
  GtkWidget *programs = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (id), 1);
  gtk_label_set_selectable (GTK_LABEL (id), FALSE);
  gtk_widget_add_css_class (id, "dim-label");
  gtk_widget_set_margin_start (header, 6);
  gtk_widget_set_margin_end (header, 6);
  gtk_box_append (GTK_BOX (header), name);
  gtk_box_append (GTK_BOX (header), id);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (programs), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (programs, "boxed-list");
  gtk_box_append (GTK_BOX (card), header);
  gtk_box_append (GTK_BOX (card), programs);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, card);
}

static void
bind_card (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  LimberLibraryPatient *patient = gtk_list_item_get_item (item);
  GtkWidget *card = gtk_list_item_get_child (item);
  GtkWidget *header = gtk_widget_get_first_child (card);
  GtkWidget *name = gtk_widget_get_first_child (header);
  GtkWidget *id = gtk_widget_get_next_sibling (name);
  GtkListBox *programs = GTK_LIST_BOX (gtk_widget_get_next_sibling (header));
  GListModel *shown = limber_library_patient_get_shown (patient);
  const char *patient_name = limber_library_patient_get_name (patient);
  const char *patient_id = limber_library_patient_get_id (patient);
  GtkWidget *child;

  gtk_label_set_label (GTK_LABEL (name), patient_name ? patient_name : _("No patient named"));
  gtk_label_set_label (GTK_LABEL (id), patient_id ? patient_id : "");
  gtk_widget_set_visible (id, patient_id != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (programs), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  patient_name ? patient_name : _("No patient named"), -1);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (programs))) != NULL)
    gtk_list_box_remove (programs, child);
  for (guint i = 0; i < g_list_model_get_n_items (shown) && i < visible_rows (patient); i++)
    {
      g_autoptr(LimberLibraryEntry) entry = g_list_model_get_item (shown, i);
      gtk_list_box_append (programs, program_row (entry));
    }
  if (g_list_model_get_n_items (shown) > visible_rows (patient))
    gtk_list_box_append (programs, more_row (patient, g_list_model_get_n_items (shown) - visible_rows (patient)));
}

/* ---- What the page shows ------------------------------------------- */

/* How much of a problem's FILE:LINE: to leave out: the library's own
 * folder, which the page is about, so the file names show. */
static gsize
strip_folder (LimberLibraryPage *self,
              const char        *line)
{
  GFile *folder = limber_library_get_folder (self->library);
  g_autofree char *where = NULL, *prefix = NULL;

  if (folder == NULL)
    return 0;
  where = g_file_peek_path (folder) ? g_strdup (g_file_peek_path (folder)) : g_file_get_uri (folder);
  prefix = g_strconcat (where, "/", NULL);
  return g_str_has_prefix (line, prefix) ? strlen (prefix) : 0;
}

static void
update_state (LimberLibraryPage *self)
{
  GPtrArray *problems = limber_library_get_problems (self->library);
  gboolean loading = limber_library_get_loading (self->library);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->library));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *heading = NULL;

  /* Nothing to search in an empty library. */
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), limber_library_get_n_programs (self->library) > 0
                          || *limber_library_get_query (self->library) != '\0');
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (limber_library_get_n_programs (self->library) > 0)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = limber_problem_to_string (g_ptr_array_index (problems, i));
      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", line + strip_folder (self, line));
    }
  heading = g_strdup_printf (ngettext ("%u file in the library cannot be read",
                                       "%u files in the library cannot be read", problems->len),
                             problems->len);
  gtk_expander_set_label (self->problems_expander, heading);
  /* GTK 4.8 does not name an expander's button after its label. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problems_expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  heading, -1);
  gtk_label_set_label (self->problems_label, text->str);
  gtk_widget_set_visible (self->problems_box, problems->len > 0);
}

static void
update_empty_text (LimberLibraryPage *self)
{
  GFile *folder = limber_library_get_folder (self->library);
  g_autofree char *where = folder ? g_file_get_parse_name (folder) : g_strdup ("");
  g_autofree char *text =
    g_strdup_printf (_("Double-click a stretch to start a program. Programs you save go to %s "
                       "and are listed here by patient."), where);

  adw_status_page_set_description (self->empty_page, text);
}

static void
on_search_changed (LimberLibraryPage *self)
{
  limber_library_set_query (self->library, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* ---- Actions -------------------------------------------------------- */

static GFile *
file_of (GVariant *parameter)
{
  return g_file_new_for_uri (g_variant_get_string (parameter, NULL));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr(GFile) file = file_of (parameter);

  g_signal_emit (widget, signals[SIGNAL_OPEN], 0, file);
}

/* A copy beside the original, "NAME (2).limber": the therapist then
 * opens it to change what differs. */
static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LimberLibraryPage *self = LIMBER_LIBRARY_PAGE (widget);
  g_autoptr(GFile) file = file_of (parameter);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) copy = limber_library_unique_file (parent, name);
  g_autofree char *copy_name = g_file_get_basename (copy);
  g_autoptr(GError) error = NULL;

  if (!g_file_copy (file, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    {
      toast (self, toast_new (g_strdup_printf (_("Not duplicated: %s"), error->message)));
      return;
    }
  toast (self, toast_new (g_strdup_printf (_("Duplicated as “%s”"), copy_name)));
  limber_library_reload (self->library);
}

static void
on_undo_trash (AdwToast          *toast_,
               LimberLibraryPage *self)
{
  GFile *file = g_object_get_data (G_OBJECT (toast_), "file");
  g_autoptr(GFile) restored = NULL;
  g_autoptr(GError) error = NULL;

  restored = limber_trash_restore (file, &error);
  if (restored == NULL)
    toast (self, toast_new (g_strdup_printf (_("Not restored: %s"), error->message)));
  limber_library_reload (self->library);
}

static void
trash_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LimberLibraryPage *self = LIMBER_LIBRARY_PAGE (widget);
  g_autoptr(GFile) file = file_of (parameter);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  AdwToast *done;

  if (!limber_trash_file (file, &error))
    {
      toast (self, toast_new (g_strdup_printf (_("Not moved to the trash: %s"), error->message)));
      return;
    }
  done = toast_new (g_strdup_printf (_("“%s” moved to the trash"), name));
  adw_toast_set_button_label (done, _("_Undo"));
  adw_toast_set_priority (done, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (done), "file", g_steal_pointer (&file), g_object_unref);
  g_signal_connect_object (done, "button-clicked", G_CALLBACK (on_undo_trash), self, 0);
  toast (self, done);
  limber_library_reload (self->library);
}

/* ---- The class ------------------------------------------------------ */

/**
 * limber_library_page_get_library:
 *
 * Returns: (transfer none): the library the page lists; set its folder
 */
LimberLibrary *
limber_library_page_get_library (LimberLibraryPage *self)
{
  g_return_val_if_fail (LIMBER_IS_LIBRARY_PAGE (self), NULL);
  return self->library;
}

void
limber_library_page_focus_search (LimberLibraryPage *self)
{
  g_return_if_fail (LIMBER_IS_LIBRARY_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
limber_library_page_dispose (GObject *object)
{
  LimberLibraryPage *self = LIMBER_LIBRARY_PAGE (object);

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_LIBRARY_PAGE);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (limber_library_page_parent_class)->dispose (object);
}

static void
limber_library_page_class_init (LimberLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_library_page_dispose;

  /**
   * LimberLibraryPage::open:
   * @file: the program chosen
   */
  signals[SIGNAL_OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/limber/Limber/limber-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberLibraryPage, box);
  gtk_widget_class_bind_template_child (widget_class, LimberLibraryPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LimberLibraryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LimberLibraryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberLibraryPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, LimberLibraryPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LimberLibraryPage, problems_box);
  gtk_widget_class_bind_template_child (widget_class, LimberLibraryPage, problems_expander);
  gtk_widget_class_bind_template_child (widget_class, LimberLibraryPage, problems_label);

  gtk_widget_class_install_action (widget_class, "library.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "library.duplicate", "s", duplicate_action);
  gtk_widget_class_install_action (widget_class, "library.trash", "s", trash_action);
}

static void
limber_library_page_init (LimberLibraryPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->library = limber_library_new ();
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->library)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_card), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (factory);
  g_object_unref (selection);

  g_signal_connect_swapped (self->library, "items-changed", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->library, "notify::loading", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->library, "notify::loading", G_CALLBACK (update_empty_text), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  /* Typing a name anywhere on the page searches for it. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  update_state (self);
}
