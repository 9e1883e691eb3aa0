/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-timeline-row"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-timeline-row-private.h"
#include "dossier-timeline-view-private.h"

/**
 * DossierTimelineRow:
 *
 * A row of the timeline: the date of a temporal expression written at its
 * precision, beside its sentence with the expression in bold; or, for a
 * #GtkStringObject item, the heading of a group.
 */
struct _DossierTimelineRow
{
  GtkWidget  parent_instance;

  GObject   *item;

  GtkLabel  *heading_label;
  GtkWidget *entry_box;
  GtkLabel  *date_label;
  GtkLabel  *sentence_label;
  GtkWidget *menu_button;

  guint      hidden : 1;
};

G_DEFINE_FINAL_TYPE (DossierTimelineRow, dossier_timeline_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HIDDEN,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GDateTime *
parse_day (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;

  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

static const char *
part_of_day_name (const char *code)
{
  if (g_str_has_prefix (code, "MO"))
    return _("morning");
  if (g_str_has_prefix (code, "AF"))
    return _("afternoon");
  if (g_str_has_prefix (code, "EV"))
    return _("evening");
  if (g_str_has_prefix (code, "NI"))
    return _("night");
  if (g_str_has_prefix (code, "DT"))
    return _("daytime");
  return NULL;
}

/**
 * _dossier_timeline_timex_is_dated:
 * @timex: a #DossierTimex
 *
 * Returns: whether @timex has a place on the timeline: a date or a time
 *   whose interval is known
 */
gboolean
_dossier_timeline_timex_is_dated (DossierTimex *timex)
{
  const char *type = dossier_timex_get_timex_type (timex);

  return dossier_timex_get_interval_start (timex) != NULL &&
         g_strcmp0 (type, "duration") != 0 &&
         g_strcmp0 (type, "set") != 0;
}

static char *
format_undated (DossierTimex *timex)
{
  const char *type = dossier_timex_get_timex_type (timex);
  const char *value = dossier_timex_get_value (timex);

  if (g_strcmp0 (type, "duration") == 0)
    return g_strdup (C_("timeline", "Duration"));
  if (g_strcmp0 (type, "set") == 0)
    return g_strdup (C_("timeline", "Repeated"));
  if (g_strcmp0 (value, "PAST_REF") == 0)
    return g_strdup (C_("timeline", "In the past"));
  if (g_strcmp0 (value, "PRESENT_REF") == 0)
    return g_strdup (C_("timeline", "Now"));
  if (g_strcmp0 (value, "FUTURE_REF") == 0)
    return g_strdup (C_("timeline", "In the future"));

  /* What is known of a date without its year or its day */
  if (value != NULL && g_str_has_prefix (value, "XXXX-"))
    {
      int month = 0, day = 0, hour = 0, minute = 0;
      char tail;

      if (sscanf (value, "XXXX-%2d-%2d%c", &month, &day, &tail) == 2 &&
          g_date_valid_dmy (day, month, 2000))
        {
          g_autoptr(GDateTime) date = g_date_time_new_utc (2000, month, day, 0, 0, 0);
          /* Translators: a day and month whose year the text does not
           * give, "8 April"; see g_date_time_format(). xgettext:no-c-format */
          g_autofree char *day_month = g_date_time_format (date, C_("timeline", "%-d %B"));

          /* Translators: "8 April, year unknown" */
          return g_strdup_printf (C_("timeline", "%s, year unknown"), day_month);
        }
      if (sscanf (value, "XXXX-%2d%c", &month, &tail) == 1 && month >= 1 && month <= 12)
        {
          g_autoptr(GDateTime) date = g_date_time_new_utc (2000, month, 1, 0, 0, 0);
          /* Translators: a month whose year the text does not give,
           * "April"; see g_date_time_format(). xgettext:no-c-format */
          g_autofree char *name = g_date_time_format (date, C_("timeline", "%B"));

          return g_strdup_printf (C_("timeline", "%s, year unknown"), name);
        }
      if (sscanf (value, "XXXX-XX-XXT%2d:%2d%c", &hour, &minute, &tail) == 2 &&
          hour >= 0 && hour < 24 && minute >= 0 && minute < 60)
        /* Translators: a time of day whose day the text does not give,
         * "06:00, day unknown" */
        return g_strdup_printf (C_("timeline", "%02d:%02d, day unknown"), hour, minute);
    }
  {
    int year = 0;
    char tail;

    if (value != NULL && sscanf (value, "%4d-WXX%c", &year, &tail) == 1 && year > 0)
      /* Translators: a week of a year, which one the text does not say,
       * "a week in 1989" */
      return g_strdup_printf (C_("timeline", "a week in %d"), year);
  }

  return g_strdup (C_("timeline", "Undated"));
}

/**
 * _dossier_timeline_format_date:
 * @timex: a #DossierTimex
 *
 * Writes the date of @timex at its precision, in the user's language:
 * "Tue 25 Nov 2025", "week of 17 Nov 2025", "October 2025"…
 *
 * Returns: (transfer full): the date as the timeline shows it
 */
char *
_dossier_timeline_format_date (DossierTimex *timex)
{
  g_autoptr(GDateTime) start = NULL;
  const char *precision = dossier_timex_get_precision (timex);
  const char *value = dossier_timex_get_value (timex);
  gsize value_len = value ? strlen (value) : 0;

  if (!_dossier_timeline_timex_is_dated (timex) ||
      !(start = parse_day (dossier_timex_get_interval_start (timex))))
    return format_undated (timex);

  if (g_strcmp0 (precision, "time") == 0 && value_len >= 16)
    {
      int hour = 0, minute = 0;
      g_autoptr(GDateTime) at = NULL;

      /* T24:00 is midnight at the end of the day: the interval already
       * starts on the next day, at 00:00. */
      if (sscanf (value + 11, "%d:%d", &hour, &minute) == 2 &&
          hour >= 0 && hour <= 24 && minute >= 0 && minute < 60)
        at = g_date_time_add_full (start, 0, 0, 0, hour % 24, minute, 0);
      if (at != NULL)
        /* Translators: a date and time on the timeline, "Tue 25 Nov 2025, 14:30";
         * see g_date_time_format(). xgettext:no-c-format */
        return g_date_time_format (at, _("%a %-d %b %Y, %H:%M"));
    }

  if (g_strcmp0 (precision, "part-of-day") == 0 && value_len > 11)
    {
      const char *part = part_of_day_name (value + 11);

      if (part != NULL)
        {
          /* Translators: a day on the timeline, "Tue 25 Nov 2025";
           * see g_date_time_format(). xgettext:no-c-format */
          g_autofree char *day = g_date_time_format (start, _("%a %-d %b %Y"));

          /* Translators: a day and a part of it, "Tue 25 Nov 2025, evening" */
          return g_strdup_printf (_("%s, %s"), day, part);
        }
    }

  if (g_strcmp0 (precision, "week") == 0)
    /* Translators: a week on the timeline by its Monday, "week of 17 Nov 2025";
     * see g_date_time_format(). xgettext:no-c-format */
    return g_date_time_format (start, _("week of %-d %b %Y"));

  if (g_strcmp0 (precision, "weekend") == 0)
    /* Translators: a weekend on the timeline by its Saturday,
     * "weekend of 25 Oct 2025"; see g_date_time_format(). xgettext:no-c-format */
    return g_date_time_format (start, _("weekend of %-d %b %Y"));

  if (g_strcmp0 (precision, "month") == 0)
    /* Translators: a month on the timeline, "October 2025";
     * see g_date_time_format(). xgettext:no-c-format */
    return g_date_time_format (start, _("%B %Y"));

  if (g_strcmp0 (precision, "quarter") == 0 && value_len == 7)
    /* Translators: a quarter of a year on the timeline, "Q3 2025" */
    return g_strdup_printf (_("Q%c %d"), value[6], g_date_time_get_year (start));

  if (g_strcmp0 (precision, "half-year") == 0 && value_len == 7)
    return g_strdup_printf (value[6] == '1'
                            /* Translators: on the timeline, "first half of 2025" */
                            ? _("first half of %d")
                            /* Translators: on the timeline, "second half of 2025" */
                            : _("second half of %d"),
                            g_date_time_get_year (start));

  if (g_strcmp0 (precision, "season") == 0 && value_len == 7)
    {
      int year = atoi (value);

      if (strcmp (value + 5, "SP") == 0)
        /* Translators: a season on the timeline, "spring 2025" */
        return g_strdup_printf (_("spring %d"), year);
      if (strcmp (value + 5, "SU") == 0)
        /* Translators: a season on the timeline, "summer 2025" */
        return g_strdup_printf (_("summer %d"), year);
      if (strcmp (value + 5, "FA") == 0)
        /* Translators: a season on the timeline, "autumn 2025" */
        return g_strdup_printf (_("autumn %d"), year);
      /* Translators: a season on the timeline, "winter 2025" */
      return g_strdup_printf (_("winter %d"), year);
    }

  if (g_strcmp0 (precision, "year") == 0)
    /* Translators: a year on the timeline, "2022";
     * see g_date_time_format(). xgettext:no-c-format */
    return g_date_time_format (start, _("%Y"));

  if (g_strcmp0 (precision, "decade") == 0)
    /* Translators: a decade on the timeline, "the 1990s" */
    return g_strdup_printf (_("the %ds"), g_date_time_get_year (start));

  if (g_strcmp0 (precision, "century") == 0)
    /* Translators: a century on the timeline by its first year, "the 1900s" */
    return g_strdup_printf (_("the %ds"), g_date_time_get_year (start));

  /* A day, or anything finer that could not be read: its day. */
  /* Translators: a day on the timeline, "Tue 25 Nov 2025";
   * see g_date_time_format(). xgettext:no-c-format */
  return g_date_time_format (start, _("%a %-d %b %Y"));
}

static void
append_escaped (GString    *str,
                const char *text,
                gssize      len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  /* A sentence may run over a line break of the clipping. */
  for (char *p = escaped; *p; p++)
    if (*p == '\n' || *p == '\t')
      *p = ' ';

  g_string_append (str, escaped);
}

/**
 * _dossier_timeline_format_sentence:
 * @timex: a #DossierTimex
 *
 * Returns: (transfer full): Pango markup of the sentence of @timex with
 *   the expression in bold
 */
char *
_dossier_timeline_format_sentence (DossierTimex *timex)
{
  const char *sentence = dossier_timex_get_sentence (timex);
  guint sentence_start = dossier_timex_get_sentence_start (timex);
  guint start = dossier_timex_get_start (timex);
  guint end = dossier_timex_get_end (timex);
  GString *str;
  glong n_chars;
  const char *a, *b;

  if (sentence == NULL || *sentence == '\0')
    sentence = dossier_timex_get_text (timex);
  if (sentence == NULL)
    return g_strdup ("");

  str = g_string_new (NULL);
  n_chars = g_utf8_strlen (sentence, -1);

  /* Offsets are code points into the article; the sentence starts at
   * sentence_start. Anything that does not fit is shown unemphasised. */
  if (start < sentence_start || end < start || end - sentence_start > (guint) n_chars)
    {
      append_escaped (str, sentence, -1);
      return g_string_free (str, FALSE);
    }

  a = g_utf8_offset_to_pointer (sentence, start - sentence_start);
  b = g_utf8_offset_to_pointer (a, end - start);

  append_escaped (str, sentence, a - sentence);
  g_string_append (str, "<b>");
  append_escaped (str, a, b - a);
  g_string_append (str, "</b>");
  append_escaped (str, b, -1);

  return g_string_free (str, FALSE);
}

GObject *
dossier_timeline_row_get_item (DossierTimelineRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_ROW (self), NULL);

  return self->item;
}

const char *
_dossier_timeline_row_get_date_text (DossierTimelineRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_ROW (self), NULL);

  return gtk_label_get_text (self->date_label);
}

void
dossier_timeline_row_set_item (DossierTimelineRow *self,
                               GObject            *item)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_ROW (self));
  g_return_if_fail (!item || G_IS_OBJECT (item));

  if (!g_set_object (&self->item, item))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), GTK_IS_STRING_OBJECT (item));
  gtk_widget_set_visible (self->entry_box, DOSSIER_IS_TIMEX (item));

  if (GTK_IS_STRING_OBJECT (item))
    {
      gtk_label_set_text (self->heading_label,
                          gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
    }
  else if (DOSSIER_IS_TIMEX (item))
    {
      g_autofree char *date = _dossier_timeline_format_date (DOSSIER_TIMEX (item));
      g_autofree char *markup = _dossier_timeline_format_sentence (DOSSIER_TIMEX (item));
      g_autofree char *sentence = NULL;
      g_autofree char *label = NULL;

      gtk_label_set_text (self->date_label, date);
      gtk_label_set_markup (self->sentence_label, markup);

      pango_parse_markup (markup, -1, 0, NULL, &sentence, NULL, NULL);
      /* Translators: read by screen readers for a timeline entry: date, sentence */
      label = g_strdup_printf (_("%s: %s"), date, sentence ? sentence : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

gboolean
dossier_timeline_row_get_hidden (DossierTimelineRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_ROW (self), FALSE);

  return self->hidden;
}

/**
 * dossier_timeline_row_set_hidden:
 * @hidden: whether the entry is one the user hid (shown dimmed, with a
 *   menu item to show it again)
 */
void
dossier_timeline_row_set_hidden (DossierTimelineRow *self,
                                 gboolean            hidden)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_ROW (self));

  hidden = !!hidden;
  if (self->hidden == hidden)
    return;

  self->hidden = hidden;
  if (hidden)
    gtk_widget_add_css_class (GTK_WIDGET (self), "hidden-entry");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "hidden-entry");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.hide", !hidden);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.unhide", hidden);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN]);
}

static void
change_date_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  DossierTimelineRow *self = DOSSIER_TIMELINE_ROW (widget);
  GtkWidget *view = gtk_widget_get_ancestor (widget, DOSSIER_TYPE_TIMELINE_VIEW);

  if (view != NULL && DOSSIER_IS_TIMEX (self->item))
    _dossier_timeline_view_prompt_date (DOSSIER_TIMELINE_VIEW (view), self->menu_button,
                                        DOSSIER_TIMEX (self->item));
}

static void
hide_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DossierTimelineRow *self = DOSSIER_TIMELINE_ROW (widget);
  GtkWidget *view = gtk_widget_get_ancestor (widget, DOSSIER_TYPE_TIMELINE_VIEW);

  if (view != NULL && DOSSIER_IS_TIMEX (self->item))
    _dossier_timeline_view_request_hidden (DOSSIER_TIMELINE_VIEW (view),
                                           DOSSIER_TIMEX (self->item),
                                           g_str_equal (action_name, "row.hide"));
}

static void
dossier_timeline_row_dispose (GObject *object)
{
  DossierTimelineRow *self = DOSSIER_TIMELINE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_TIMELINE_ROW);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (dossier_timeline_row_parent_class)->dispose (object);
}

static void
dossier_timeline_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierTimelineRow *self = DOSSIER_TIMELINE_ROW (object);

  switch (prop_id)
    {
    case PROP_HIDDEN:
      g_value_set_boolean (value, dossier_timeline_row_get_hidden (self));
      break;

    case PROP_ITEM:
      g_value_set_object (value, dossier_timeline_row_get_item (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierTimelineRow *self = DOSSIER_TIMELINE_ROW (object);

  switch (prop_id)
    {
    case PROP_HIDDEN:
      dossier_timeline_row_set_hidden (self, g_value_get_boolean (value));
      break;

    case PROP_ITEM:
      dossier_timeline_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_row_class_init (DossierTimelineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_timeline_row_dispose;
  object_class->get_property = dossier_timeline_row_get_property;
  object_class->set_property = dossier_timeline_row_set_property;

  properties[PROP_HIDDEN] =
    g_param_spec_boolean ("hidden", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         G_TYPE_OBJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dossier-timeline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineRow, entry_box);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineRow, sentence_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelinerow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "row.change-date", NULL, change_date_action);
  gtk_widget_class_install_action (widget_class, "row.hide", NULL, hide_action);
  gtk_widget_class_install_action (widget_class, "row.unhide", NULL, hide_action);
}

static void
dossier_timeline_row_init (DossierTimelineRow *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.unhide", FALSE);
}
