/* limber-date-row.c — a date of the program, picked on a calendar
 *
 * A row that shows a date in words ("Monday, 7 December 2026") and picks
 * it on a calendar in a popover, as the exam's "Pick the date" button
 * does: no year-month-day to type and get wrong.  Its "date" is the ISO
 * 8601 day the program file keeps (or NULL when it has none, which a
 * clearable row allows, as for the next visit).  Picking a day sets it
 * at once; the popover stays open so the month can be changed, and
 * closes as any popover does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-date-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "limber-date-row.h"

struct _LimberDateRow
{
  AdwActionRow  parent_instance;

  char         *date;       /* YYYY-MM-DD, or NULL */
  gboolean      clearable;
  guint         updating;   /* setting the calendar from the date */

  /* Template widgets */
  GtkMenuButton *calendar_button;
  GtkPopover    *popover;
  GtkCalendar   *calendar;
  GtkWidget     *clear_button;
};

enum { PROP_0, PROP_DATE, PROP_CLEARABLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LimberDateRow, limber_date_row, ADW_TYPE_ACTION_ROW)

/* The day @date names, at local midnight; NULL if it names none. */
static GDateTime *
parse_day (const char *date)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autofree char *iso = NULL;

  if (date == NULL || strlen (date) != 10)
    return NULL;
  iso = g_strdup_printf ("%sT00:00:00", date);
  local = g_time_zone_new_local ();
  return g_date_time_new_from_iso8601 (iso, local);
}

static void
show_date (LimberDateRow *self)
{
  g_autoptr(GDateTime) day = parse_day (self->date);
  g_autofree char *words = NULL;

  if (day != NULL)
    /* TRANSLATORS: a program's date in its row, see g_date_time_format() */
    words = g_date_time_format (day, _("%A, %-d %B %Y"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), words != NULL ? words
                               : self->date != NULL ? self->date : _("No date"));
}

static void
set_date_from (LimberDateRow *self,
               GDateTime     *day)
{
  g_autofree char *text = day != NULL ? g_date_time_format (day, "%Y-%m-%d") : NULL;

  limber_date_row_set_date (self, text);
}

static void
on_popover_shown (LimberDateRow *self)
{
  g_autoptr(GDateTime) day = parse_day (self->date);

  if (day == NULL)
    day = g_date_time_new_now_local ();
  self->updating++;
  gtk_calendar_select_day (self->calendar, day);
  self->updating--;
}

static void
on_day_selected (LimberDateRow *self)
{
  g_autoptr(GDateTime) day = NULL;

  if (self->updating > 0)
    return;
  day = gtk_calendar_get_date (self->calendar);
  set_date_from (self, day);
}

static void
on_today_clicked (LimberDateRow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  set_date_from (self, now);
  gtk_popover_popdown (self->popover);
}

static void
on_clear_clicked (LimberDateRow *self)
{
  limber_date_row_set_date (self, NULL);
  gtk_popover_popdown (self->popover);
}

/* The button is named after its row, so that a listener hears which
 * date it picks. */
static void
name_button (LimberDateRow *self)
{
  g_autofree char *label = g_strdup_printf (_("Pick the date: %s"),
                                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_title_changed (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  name_button (LIMBER_DATE_ROW (object));
}

GtkWidget *
limber_date_row_new (void)
{
  return g_object_new (LIMBER_TYPE_DATE_ROW, NULL);
}

const char *
limber_date_row_get_date (LimberDateRow *self)
{
  g_return_val_if_fail (LIMBER_IS_DATE_ROW (self), NULL);
  return self->date;
}

/**
 * limber_date_row_set_date:
 * @date: (nullable): a day as YYYY-MM-DD, or %NULL for none
 */
void
limber_date_row_set_date (LimberDateRow *self,
                          const char    *date)
{
  g_return_if_fail (LIMBER_IS_DATE_ROW (self));

  if (date != NULL && *date == '\0')
    date = NULL;
  if (g_strcmp0 (self->date, date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  show_date (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

gboolean
limber_date_row_get_clearable (LimberDateRow *self)
{
  g_return_val_if_fail (LIMBER_IS_DATE_ROW (self), FALSE);
  return self->clearable;
}

/**
 * limber_date_row_set_clearable:
 * @clearable: offer "No Date" beside "Today"
 */
void
limber_date_row_set_clearable (LimberDateRow *self,
                               gboolean       clearable)
{
  g_return_if_fail (LIMBER_IS_DATE_ROW (self));

  clearable = !!clearable;
  if (self->clearable == clearable)
    return;
  self->clearable = clearable;
  gtk_widget_set_visible (self->clear_button, clearable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLEARABLE]);
}

static void
limber_date_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LimberDateRow *self = LIMBER_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_CLEARABLE:
      g_value_set_boolean (value, self->clearable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_date_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LimberDateRow *self = LIMBER_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      limber_date_row_set_date (self, g_value_get_string (value));
      break;
    case PROP_CLEARABLE:
      limber_date_row_set_clearable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_date_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIMBER_TYPE_DATE_ROW);
  G_OBJECT_CLASS (limber_date_row_parent_class)->dispose (object);
}

static void
limber_date_row_finalize (GObject *object)
{
  g_free (LIMBER_DATE_ROW (object)->date);
  G_OBJECT_CLASS (limber_date_row_parent_class)->finalize (object);
}

static void
limber_date_row_class_init (LimberDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = limber_date_row_get_property;
  object_class->set_property = limber_date_row_set_property;
  object_class->dispose = limber_date_row_dispose;
  object_class->finalize = limber_date_row_finalize;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CLEARABLE] =
    g_param_spec_boolean ("clearable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/limber/Limber/limber-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberDateRow, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, LimberDateRow, popover);
  gtk_widget_class_bind_template_child (widget_class, LimberDateRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, LimberDateRow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
}

static void
limber_date_row_init (LimberDateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed), NULL);
  show_date (self);
  name_button (self);
}
