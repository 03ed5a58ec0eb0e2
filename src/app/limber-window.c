/* limber-window.c — the main window: catalog on the left, program on the right
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-window"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-catalog-pane.h"
#include "limber-program-view.h"
#include "limber-program.h"
#include "limber-window.h"

struct _LimberWindow
{
  AdwApplicationWindow  parent_instance;

  LimberCatalog        *catalog;
  LimberProgram        *program;
  GSettings            *settings;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  AdwToastOverlay      *toasts;
  AdwWindowTitle       *title;
  GtkRevealer          *banner;
  GtkLabel             *banner_label;
  LimberCatalogPane    *catalog_pane;
  GtkStack             *program_stack;
  LimberProgramView    *program_view;
};

enum { PROP_0, PROP_CATALOG, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LimberWindow, limber_window, ADW_TYPE_APPLICATION_WINDOW)

LimberWindow *
limber_window_new (LimberApplication *app,
                   LimberCatalog     *catalog)
{
  return g_object_new (LIMBER_TYPE_WINDOW,
                       "application", app,
                       "catalog", catalog,
                       NULL);
}

/* Say which catalog files were skipped or replaced exercises: a log line
 * nobody reads is not enough for a therapist who edited a file. */
static void
update_banner (LimberWindow *self)
{
  GPtrArray *problems = limber_catalog_get_problems (self->catalog);
  GPtrArray *notices = limber_catalog_get_notices (self->catalog);
  g_autofree char *text = NULL;

  if (problems->len > 0)
    text = g_strdup_printf (ngettext ("A catalog file has a problem and was skipped",
                                      "Catalog files have %u problems; those files were skipped",
                                      problems->len), problems->len);
  else if (notices->len > 0)
    text = g_strdup_printf (ngettext ("%u exercise was replaced by a later catalog",
                                      "%u exercises were replaced by later catalogs",
                                      notices->len), notices->len);
  gtk_label_set_label (self->banner_label, text ? text : "");
  gtk_revealer_set_reveal_child (self->banner, text != NULL);
}

static void
show_catalog_report (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  GPtrArray *problems = limber_catalog_get_problems (self->catalog);
  GPtrArray *notices = limber_catalog_get_notices (self->catalog);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (body, "%s\n", (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0 && notices->len > 0)
    g_string_append (body, "\n");
  for (guint i = 0; i < notices->len; i++)
    g_string_append_printf (body, "%s\n", (const char *) g_ptr_array_index (notices, i));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Catalog Files"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_program (LimberWindow  *self,
             LimberProgram *program)
{
  g_set_object (&self->program, program);
  limber_program_view_set_program (self->program_view, program);
  gtk_stack_set_visible_child_name (self->program_stack, program ? "program" : "empty");
  adw_window_title_set_subtitle (self->title, program && limber_program_get_title (program)
                                              ? limber_program_get_title (program) : "");
}

gboolean
limber_window_is_empty (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), FALSE);
  return self->program == NULL;
}

/**
 * limber_window_open_file:
 *
 * Opens a program.  A file that cannot open leaves the window as it was
 * and says why, with the file and line.
 */
gboolean
limber_window_open_file (LimberWindow *self,
                         GFile        *file)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LimberProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LIMBER_IS_WINDOW (self), FALSE);

  program = limber_program_load (file, self->catalog, warnings, &error);
  if (program == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Open the Program"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }
  set_program (self, program);
  for (guint i = 0; i < warnings->len; i++)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (g_ptr_array_index (warnings, i)));
  return TRUE;
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  LimberWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      limber_window_open_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_autoptr(GtkFileFilter) programs = gtk_file_filter_new ();

  gtk_file_filter_set_name (programs, _("Limber programs"));
  gtk_file_filter_add_mime_type (programs, "application/x-limber-program");
  gtk_file_filter_add_pattern (programs, "*.limber");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Open Program"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), programs);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  limber_catalog_pane_focus_search (LIMBER_WINDOW (widget)->catalog_pane);
}

/* Saving, printing and exporting come with the program builder and the
 * handouts; their buttons show now, insensitive, so the layout holds. */
static void
unavailable_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
}

void
limber_window_set_accels (GtkApplication *app)
{
  static const struct { const char *action; const char *accels[2]; } accels[] = {
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.search", { "<Control>f", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
save_window_state (LimberWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
limber_window_close_request (GtkWindow *window)
{
  save_window_state (LIMBER_WINDOW (window));
  return GTK_WINDOW_CLASS (limber_window_parent_class)->close_request (window);
}

static void
limber_window_constructed (GObject *object)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  G_OBJECT_CLASS (limber_window_parent_class)->constructed (object);

  limber_catalog_pane_set_catalog (self->catalog_pane, self->catalog);
  update_banner (self);
}

static void
limber_window_dispose (GObject *object)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_WINDOW);
  g_clear_object (&self->catalog);
  g_clear_object (&self->program);
  g_clear_object (&self->settings);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (limber_window_parent_class)->dispose (object);
}

static void
limber_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_set_object (&self->catalog, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_window_class_init (LimberWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = limber_window_constructed;
  object_class->dispose = limber_window_dispose;
  object_class->set_property = limber_window_set_property;
  object_class->get_property = limber_window_get_property;
  window_class->close_request = limber_window_close_request;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, LIMBER_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIMBER_TYPE_CATALOG_PANE);
  g_type_ensure (LIMBER_TYPE_PROGRAM_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/limber/Limber/limber-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, title);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, catalog_pane);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, program_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, program_view);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, unavailable_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, unavailable_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, unavailable_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.catalog-report", NULL, show_catalog_report);
}

static void
limber_window_init (LimberWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
}
