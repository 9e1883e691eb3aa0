/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-date-popover"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-date-popover.h"
#include "dossier-timeline-corrections.h"

/**
 * DossierDatePopover:
 *
 * Asks for the date of a timeline entry: a calendar for a day, an entry
 * for any calendar value (2025-11-25, 2025-11, 2025, 2025-W47). Emits
 * #DossierDatePopover::date-chosen with a valid value and closes.
 */
struct _DossierDatePopover
{
  GtkPopover   parent_instance;

  GtkLabel    *title_label;
  GtkCalendar *calendar;
  GtkEntry    *entry;
  GtkButton   *set_button;

  guint        setting : 1;
};

G_DEFINE_FINAL_TYPE (DossierDatePopover, dossier_date_popover, GTK_TYPE_POPOVER)

enum {
  DATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_day_selected (DossierDatePopover *self,
                 GtkCalendar        *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *value = NULL;

  if (self->setting)
    return;

  value = g_date_time_format (date, "%Y-%m-%d");
  self->setting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), value);
  self->setting = FALSE;
}

static void
on_entry_changed (DossierDatePopover *self,
                  GtkEntry           *entry)
{
  const char *value = gtk_editable_get_text (GTK_EDITABLE (entry));
  gboolean valid = dossier_timeline_value_is_valid (value);
  int y, m, d;

  gtk_widget_set_sensitive (GTK_WIDGET (self->set_button), valid);
  if (valid || *value == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");

  /* A day typed in shows in the calendar */
  if (!self->setting && valid && strlen (value) >= 10 &&
      sscanf (value, "%d-%d-%d", &y, &m, &d) == 3)
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (y, m, d, 12, 0, 0);

      if (date != NULL)
        {
          self->setting = TRUE;
          gtk_calendar_select_day (self->calendar, date);
          self->setting = FALSE;
        }
    }
}

/**
 * dossier_date_popover_choose:
 *
 * Takes the value in the entry, as the Set button does.
 *
 * Returns: whether it was a valid date (and date-chosen was emitted)
 */
gboolean
dossier_date_popover_choose (DossierDatePopover *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATE_POPOVER (self), FALSE);

  value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  if (!dossier_timeline_value_is_valid (value))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_error_bell (GTK_WIDGET (self->entry));
      return FALSE;
    }

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[DATE_CHOSEN], 0, value);

  return TRUE;
}

static void
on_entry_activate (DossierDatePopover *self,
                   GtkEntry           *entry)
{
  dossier_date_popover_choose (self);
}

static void
on_set_clicked (DossierDatePopover *self,
                GtkButton          *button)
{
  dossier_date_popover_choose (self);
}

static void
dossier_date_popover_show (GtkWidget *widget)
{
  DossierDatePopover *self = DOSSIER_DATE_POPOVER (widget);

  GTK_WIDGET_CLASS (dossier_date_popover_parent_class)->show (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
dossier_date_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOSSIER_TYPE_DATE_POPOVER);

  G_OBJECT_CLASS (dossier_date_popover_parent_class)->dispose (object);
}

static void
dossier_date_popover_class_init (DossierDatePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_date_popover_dispose;
  widget_class->show = dossier_date_popover_show;

  /**
   * DossierDatePopover::date-chosen:
   * @self: a #DossierDatePopover
   * @value: a calendar value valid for dossier_timeline_value_is_valid()
   */
  signals[DATE_CHOSEN] =
    g_signal_new ("date-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dossier-date-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierDatePopover, calendar);
  gtk_widget_class_bind_template_child (widget_class, DossierDatePopover, entry);
  gtk_widget_class_bind_template_child (widget_class, DossierDatePopover, set_button);
  gtk_widget_class_bind_template_child (widget_class, DossierDatePopover, title_label);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_set_clicked);
}

static void
dossier_date_popover_init (DossierDatePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_date_popover_new (void)
{
  return g_object_new (DOSSIER_TYPE_DATE_POPOVER, NULL);
}

const char *
dossier_date_popover_get_value (DossierDatePopover *self)
{
  g_return_val_if_fail (DOSSIER_IS_DATE_POPOVER (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

/**
 * dossier_date_popover_set_value:
 * @value: (nullable): the date to start from
 */
void
dossier_date_popover_set_value (DossierDatePopover *self,
                                const char         *value)
{
  g_return_if_fail (DOSSIER_IS_DATE_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), value ? value : "");
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

void
dossier_date_popover_set_title (DossierDatePopover *self,
                                const char         *title)
{
  g_return_if_fail (DOSSIER_IS_DATE_POPOVER (self));

  gtk_label_set_text (self->title_label, title);
}
