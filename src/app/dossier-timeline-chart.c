/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-timeline-chart"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "dossier-timeline-chart-private.h"
#include "dossier-timeline-row-private.h"

/**
 * DossierTimelineChart:
 *
 * The timeline drawn: the dated entries on an axis scaled to their span,
 * ticks at a unit that fits (days, months, years). Entries closer than a
 * few pixels share one marker that shows their count. Ctrl+scroll, pinch
 * or +/- zoom; scroll, drag or Shift+arrows pan.
 *
 * Every marker is a focusable child widget labelled for screen readers
 * ("Tue 25 Nov 2025: the sentence…"); Tab or the arrow keys move between
 * them, Enter or a click activates one: an entry emits
 * #DossierTimelineChart::timex-activated, a cluster lists its entries in a
 * popover.
 */

#define MARGIN         28.0
#define AXIS_BOTTOM    40.0
#define MIN_GAP        14.0
#define MIN_SPAN_DAYS  4.0
#define TICK_SPACING   96.0
#define EXCERPT_CHARS  90

typedef struct
{
  DossierTimex *timex;
  double        first;  /* julian day of the first day */
  double        last;   /* julian day after the last day */
  double        pos;    /* the middle */
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->timex);
  g_free (entry);
}

/* Markers: one entry, or a cluster of them */

#define DOSSIER_TYPE_TIMELINE_MARKER (dossier_timeline_marker_get_type ())

G_DECLARE_FINAL_TYPE (DossierTimelineMarker, dossier_timeline_marker, DOSSIER, TIMELINE_MARKER, GtkWidget)

struct _DossierTimelineMarker
{
  GtkWidget  parent_instance;

  guint      first_entry;
  guint      n_entries;
  GPtrArray *timexes;
  double     pos;
  double     first;
  double     last;
  char      *label;
  char      *short_label;
};

G_DEFINE_FINAL_TYPE (DossierTimelineMarker, dossier_timeline_marker, GTK_TYPE_WIDGET)

static void
dossier_timeline_marker_dispose (GObject *object)
{
  DossierTimelineMarker *self = DOSSIER_TIMELINE_MARKER (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_pointer (&self->timexes, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_timeline_marker_parent_class)->dispose (object);
}

static void
dossier_timeline_marker_finalize (GObject *object)
{
  DossierTimelineMarker *self = DOSSIER_TIMELINE_MARKER (object);

  g_free (self->label);
  g_free (self->short_label);

  G_OBJECT_CLASS (dossier_timeline_marker_parent_class)->finalize (object);
}

static void
dossier_timeline_marker_class_init (DossierTimelineMarkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_timeline_marker_dispose;
  object_class->finalize = dossier_timeline_marker_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelinemarker");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
dossier_timeline_marker_init (DossierTimelineMarker *self)
{
  self->timexes = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
}

/* The chart */

struct _DossierTimelineChart
{
  GtkWidget   parent_instance;

  GListModel *timexes;
  char       *published; /* ISO day, or NULL */
  double      published_day;
  GPtrArray  *entries;   /* Entry, by position */
  GPtrArray  *markers;   /* DossierTimelineMarker, by position */

  double      full_first;
  double      full_last;
  double      view_first;
  double      view_last;

  double      pointer_x;
  double      drag_view_first;
  double      pinch_span;
  int         grouped_width;
  guint       regroup_source;

  GtkWidget  *caption;
  GtkWidget  *hint;
  GtkPopover *cluster_popover;
  GtkWidget  *cluster_box;
  DossierTimelineMarker *popover_marker;
};

G_DEFINE_FINAL_TYPE (DossierTimelineChart, dossier_timeline_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMEXES,
  PROP_PUBLISHED,
  N_PROPS
};

enum {
  TIMEX_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static double
parse_julian (const char *iso)
{
  GDate date;
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return -1;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);

  return g_date_get_julian (&date);
}

static double
axis_width (DossierTimelineChart *self)
{
  return MAX (1.0, gtk_widget_get_width (GTK_WIDGET (self)) - 2 * MARGIN);
}

static double
x_of (DossierTimelineChart *self,
      double                day)
{
  return MARGIN + (day - self->view_first) * axis_width (self) /
                  (self->view_last - self->view_first);
}

static double
day_of (DossierTimelineChart *self,
        double                x)
{
  return self->view_first + (x - MARGIN) * (self->view_last - self->view_first) /
                            axis_width (self);
}

/* "Tue 25 Nov 2025: The regional assembly approved…" */
static char *
describe_timex (DossierTimex *timex)
{
  g_autofree char *date = _dossier_timeline_format_date (timex);
  const char *sentence = dossier_timex_get_sentence (timex);
  g_autofree char *excerpt = NULL;

  if (sentence == NULL || *sentence == '\0')
    sentence = dossier_timex_get_text (timex);

  if (g_utf8_strlen (sentence, -1) > EXCERPT_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (sentence, 0, EXCERPT_CHARS - 1);

      excerpt = g_strconcat (g_strchomp (cut), "…", NULL);
    }
  else
    excerpt = g_strdup (sentence);

  g_strdelimit (excerpt, "\n\t\r", ' ');

  /* Translators: read by screen readers for a timeline marker: date, sentence */
  return g_strdup_printf (_("%s: %s"), date, excerpt);
}

static char *
describe_marker (DossierTimelineMarker *marker)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (marker->timexes->len == 1)
    return describe_timex (g_ptr_array_index (marker->timexes, 0));

  first = _dossier_timeline_format_date (g_ptr_array_index (marker->timexes, 0));
  last = _dossier_timeline_format_date (g_ptr_array_index (marker->timexes,
                                                           marker->timexes->len - 1));
  if (g_strcmp0 (first, last) == 0)
    /* Translators: a marker for several timeline entries on one date,
     * "3 dates: Tue 25 Nov 2025" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u date: %s", "%u dates: %s",
                                         marker->timexes->len),
                            marker->timexes->len, first);

  /* Translators: a marker for several timeline entries close together,
   * "3 dates: Mon 24 Nov 2025 to Wed 26 Nov 2025" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u date: %s to %s", "%u dates: %s to %s",
                                       marker->timexes->len),
                          marker->timexes->len, first, last);
}

static void
update_caption (DossierTimelineChart  *self,
                DossierTimelineMarker *marker)
{
  gboolean has_marker = marker != NULL;

  gtk_widget_set_visible (self->caption, has_marker);
  gtk_widget_set_visible (self->hint, !has_marker);
  if (has_marker)
    gtk_label_set_text (GTK_LABEL (self->caption), marker->label);
}

static DossierTimelineMarker *
get_focused_marker (DossierTimelineChart *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (DOSSIER_IS_TIMELINE_MARKER (w) && gtk_widget_get_parent (w) == GTK_WIDGET (self))
        return DOSSIER_TIMELINE_MARKER (w);
      if (w == GTK_WIDGET (self))
        break;
    }

  return NULL;
}

/* Showing what a marker stands for */

static void
on_cluster_entry_clicked (DossierTimelineChart *self,
                          GtkButton            *button)
{
  DossierTimex *timex = g_object_get_data (G_OBJECT (button), "dossier-timex");

  gtk_popover_popdown (self->cluster_popover);
  if (timex != NULL)
    g_signal_emit (self, signals[TIMEX_ACTIVATED], 0, timex);
}

static void zoom_to (DossierTimelineChart *self,
                     double                first,
                     double                last);

static void
on_cluster_zoom_clicked (DossierTimelineChart *self,
                         GtkButton            *button)
{
  DossierTimelineMarker *marker = self->popover_marker;
  double pad;

  gtk_popover_popdown (self->cluster_popover);
  if (marker == NULL)
    return;

  pad = MAX (1.0, (marker->last - marker->first) * 0.25);
  zoom_to (self, marker->first - pad, marker->last + pad);
}

static void
show_cluster (DossierTimelineChart  *self,
              DossierTimelineMarker *marker)
{
  GtkWidget *child;
  GtkWidget *first_button = NULL;
  graphene_rect_t bounds;

  while ((child = gtk_widget_get_first_child (self->cluster_box)))
    gtk_box_remove (GTK_BOX (self->cluster_box), child);

  for (guint i = 0; i < marker->timexes->len; i++)
    {
      DossierTimex *timex = g_ptr_array_index (marker->timexes, i);
      g_autofree char *text = describe_timex (timex);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "dossier-timex", g_object_ref (timex), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_cluster_entry_clicked), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (self->cluster_box), button);
      if (first_button == NULL)
        first_button = button;
    }

  if (marker->last - marker->first > 1.0)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Zoom In Here"));

      g_signal_connect_object (button, "clicked", G_CALLBACK (on_cluster_zoom_clicked), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (self->cluster_box), button);
    }

  self->popover_marker = marker;
  if (gtk_widget_compute_bounds (GTK_WIDGET (marker), GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (self->cluster_popover,
                                 &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                   bounds.size.width, bounds.size.height });
  gtk_popover_popup (self->cluster_popover);
  if (first_button)
    gtk_widget_grab_focus (first_button);
}

static void
activate_marker (DossierTimelineChart  *self,
                 DossierTimelineMarker *marker)
{
  if (marker->timexes->len == 1)
    g_signal_emit (self, signals[TIMEX_ACTIVATED], 0, g_ptr_array_index (marker->timexes, 0));
  else
    show_cluster (self, marker);
}

static void
on_marker_released (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    gpointer         user_data)
{
  DossierTimelineChart *self = user_data;
  GtkWidget *marker = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_grab_focus (marker);
  activate_marker (self, DOSSIER_TIMELINE_MARKER (marker));
}

static gboolean
on_marker_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               gpointer               user_data)
{
  DossierTimelineChart *self = user_data;
  GtkWidget *marker = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      activate_marker (self, DOSSIER_TIMELINE_MARKER (marker));
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_marker_focus (DossierTimelineChart *self,
                 GParamSpec           *pspec,
                 GtkWidget            *marker)
{
  DossierTimelineMarker *focused = get_focused_marker (self);

  update_caption (self, focused);
}

static void
on_marker_enter (GtkEventControllerMotion *motion,
                 double                    x,
                 double                    y,
                 gpointer                  user_data)
{
  DossierTimelineChart *self = user_data;
  GtkWidget *marker = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (motion));

  update_caption (self, DOSSIER_TIMELINE_MARKER (marker));
}

static void
on_marker_leave (GtkEventControllerMotion *motion,
                 gpointer                  user_data)
{
  DossierTimelineChart *self = user_data;

  update_caption (self, get_focused_marker (self));
}

static GtkWidget *
marker_new (DossierTimelineChart *self,
            guint                 first_entry,
            guint                 n_entries)
{
  DossierTimelineMarker *marker = g_object_new (DOSSIER_TYPE_TIMELINE_MARKER, NULL);
  GtkEventController *controller;
  double sum = 0;

  marker->first_entry = first_entry;
  marker->n_entries = n_entries;
  marker->first = G_MAXDOUBLE;
  marker->last = -G_MAXDOUBLE;

  for (guint i = first_entry; i < first_entry + n_entries; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      g_ptr_array_add (marker->timexes, g_object_ref (entry->timex));
      sum += entry->pos;
      marker->first = MIN (marker->first, entry->first);
      marker->last = MAX (marker->last, entry->last);
    }
  marker->pos = sum / n_entries;
  marker->label = describe_marker (marker);
  marker->short_label = _dossier_timeline_format_date (g_ptr_array_index (marker->timexes, 0));
  if (n_entries > 1)
    {
      g_autofree char *last = _dossier_timeline_format_date (g_ptr_array_index (marker->timexes,
                                                                                n_entries - 1));

      if (g_strcmp0 (marker->short_label, last) != 0)
        {
          g_free (marker->short_label);
          /* Translators: the label over a marker for several close dates */
          marker->short_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u date", "%u dates",
                                                              n_entries), n_entries);
        }
    }

  if (n_entries > 1)
    {
      g_autofree char *count = g_strdup_printf ("%u", n_entries);
      GtkWidget *label = gtk_label_new (count);

      gtk_widget_set_can_target (label, FALSE);
      gtk_widget_set_parent (label, GTK_WIDGET (marker));
      gtk_widget_add_css_class (GTK_WIDGET (marker), "cluster");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (marker), marker->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (marker),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, marker->label,
                                  -1);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect_object (controller, "released", G_CALLBACK (on_marker_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (marker), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_marker_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (marker), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (on_marker_enter), self, 0);
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_marker_leave), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (marker), controller);

  g_signal_connect_object (marker, "notify::has-focus", G_CALLBACK (on_marker_focus), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (marker);
}

/* Grouping: entries closer than MIN_GAP pixels at the current scale
 * share a marker. Only a change of scale regroups; panning moves them. */

static void
clear_markers (DossierTimelineChart *self)
{
  if (self->cluster_popover)
    gtk_popover_popdown (self->cluster_popover);
  self->popover_marker = NULL;

  for (guint i = 0; i < self->markers->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->markers, i));
  g_ptr_array_set_size (self->markers, 0);
}

static void
regroup (DossierTimelineChart *self)
{
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (guint));
  DossierTimelineMarker *focused = get_focused_marker (self);
  DossierTimex *focused_timex = NULL;
  double px_per_day;
  gboolean same;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  g_clear_handle_id (&self->regroup_source, g_source_remove);

  if (width <= 0)
    return;

  self->grouped_width = width;
  px_per_day = axis_width (self) / (self->view_last - self->view_first);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (i > 0)
        {
          Entry *prev = g_ptr_array_index (self->entries, i - 1);

          if ((entry->pos - prev->pos) * px_per_day < MIN_GAP)
            {
              g_array_index (groups, guint, groups->len - 1)++;
              continue;
            }
        }

      {
        guint one = 1;

        g_array_append_val (groups, one);
      }
    }

  same = groups->len == self->markers->len;
  for (guint i = 0, first = 0; same && i < groups->len; i++)
    {
      DossierTimelineMarker *marker = g_ptr_array_index (self->markers, i);
      guint n = g_array_index (groups, guint, i);

      same = marker->first_entry == first && marker->n_entries == n;
      first += n;
    }

  if (same)
    return;

  if (focused)
    focused_timex = g_object_ref (g_ptr_array_index (focused->timexes, 0));

  clear_markers (self);

  for (guint i = 0, first = 0; i < groups->len; i++)
    {
      guint n = g_array_index (groups, guint, i);
      GtkWidget *marker = marker_new (self, first, n);

      /* In order, so that Tab goes from the earliest to the latest */
      gtk_widget_insert_before (marker, GTK_WIDGET (self), NULL);
      g_ptr_array_add (self->markers, marker);
      first += n;
    }

  if (focused_timex)
    {
      for (guint i = 0; i < self->markers->len; i++)
        {
          DossierTimelineMarker *marker = g_ptr_array_index (self->markers, i);

          if (g_ptr_array_find (marker->timexes, focused_timex, NULL))
            {
              gtk_widget_grab_focus (GTK_WIDGET (marker));
              break;
            }
        }
      g_object_unref (focused_timex);
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
regroup_cb (gpointer user_data)
{
  DossierTimelineChart *self = user_data;

  self->regroup_source = 0;
  regroup (self);

  return G_SOURCE_REMOVE;
}

/* The visible span */

static void
set_view (DossierTimelineChart *self,
          double                first,
          double                last)
{
  double full = self->full_last - self->full_first;
  double span = CLAMP (last - first, MIN (MIN_SPAN_DAYS, full), full);
  double old_span = self->view_last - self->view_first;

  first = CLAMP (first + ((last - first) - span) / 2, self->full_first, self->full_last - span);

  if (first == self->view_first && first + span == self->view_last)
    return;

  self->view_first = first;
  self->view_last = first + span;

  if (fabs (span - old_span) > 1e-9)
    regroup (self);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
zoom_to (DossierTimelineChart *self,
         double                first,
         double                last)
{
  set_view (self, first, last);
}

static void
zoom_at (DossierTimelineChart *self,
         double                factor,
         double                x)
{
  double span = self->view_last - self->view_first;
  double new_span = span / factor;
  double anchor = day_of (self, x);
  double fraction = (anchor - self->view_first) / span;

  set_view (self, anchor - fraction * new_span, anchor - fraction * new_span + new_span);
}

/**
 * dossier_timeline_chart_zoom:
 * @factor: more than 1 to zoom in, less to zoom out
 *
 * Zooms around the focused marker, or the middle of what the chart shows.
 */
void
dossier_timeline_chart_zoom (DossierTimelineChart *self,
                             double                factor)
{
  DossierTimelineMarker *focused;

  g_return_if_fail (DOSSIER_IS_TIMELINE_CHART (self));
  g_return_if_fail (factor > 0);

  /* Around the marker the keyboard is on, so that it stays in view */
  if ((focused = get_focused_marker (self)))
    {
      double pos = focused->pos;
      double span, margin;

      zoom_at (self, factor, x_of (self, pos));
      span = self->view_last - self->view_first;
      margin = span * 0.1;
      if (pos < self->view_first + margin || pos > self->view_last - margin)
        set_view (self, pos - span / 2, pos + span / 2);
    }
  else
    zoom_at (self, factor, MARGIN + axis_width (self) / 2);
}

void
dossier_timeline_chart_reset_zoom (DossierTimelineChart *self)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_CHART (self));

  set_view (self, self->full_first, self->full_last);
}

static void
pan (DossierTimelineChart *self,
     double                days)
{
  set_view (self, self->view_first + days, self->view_last + days);
}

static void
show_marker (DossierTimelineChart  *self,
             DossierTimelineMarker *marker)
{
  double span = self->view_last - self->view_first;
  double margin = span * 0.05;

  if (marker->pos < self->view_first + margin || marker->pos > self->view_last - margin)
    set_view (self, marker->pos - span / 2, marker->pos + span / 2);

  /* Child visibility is decided by the allocation */
  gtk_widget_set_child_visible (GTK_WIDGET (marker), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (marker));
}

static void
focus_marker (DossierTimelineChart *self,
              int                   direction)
{
  DossierTimelineMarker *focused = get_focused_marker (self);
  guint index = 0;
  int next;

  if (self->markers->len == 0)
    return;

  if (focused == NULL || !g_ptr_array_find (self->markers, focused, &index))
    next = direction > 0 ? 0 : (int) self->markers->len - 1;
  else
    next = CLAMP ((int) index + direction, 0, (int) self->markers->len - 1);

  show_marker (self, g_ptr_array_index (self->markers, next));
}

/* Input */

static gboolean
on_key_pressed (DossierTimelineChart  *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  gboolean modified = (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0;
  double span = self->view_last - self->view_first;

  /* The cluster popover is a child: its keys come here too */
  if ((state & GDK_ALT_MASK) != 0 ||
      gtk_widget_get_visible (GTK_WIDGET (self->cluster_popover)))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      dossier_timeline_chart_zoom (self, 1.5);
      return GDK_EVENT_STOP;

    case GDK_KEY_minus:
    case GDK_KEY_underscore:
    case GDK_KEY_KP_Subtract:
      dossier_timeline_chart_zoom (self, 1 / 1.5);
      return GDK_EVENT_STOP;

    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      dossier_timeline_chart_reset_zoom (self);
      return GDK_EVENT_STOP;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (modified)
        pan (self, -span / 5);
      else
        focus_marker (self, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (modified)
        pan (self, span / 5);
      else
        focus_marker (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      focus_marker (self, -(int) self->markers->len);
      return GDK_EVENT_STOP;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      focus_marker (self, (int) self->markers->len);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static gboolean
on_scroll (DossierTimelineChart     *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double span = self->view_last - self->view_first;

  if (self->entries->len == 0)
    return FALSE;

  if (state & GDK_CONTROL_MASK)
    zoom_at (self, pow (1.2, -dy), self->pointer_x);
  else
    pan (self, (dx + dy) * span / 20);

  return TRUE;
}

static void
on_motion (DossierTimelineChart     *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->pointer_x = x;
}

static void
on_drag_begin (DossierTimelineChart *self,
               double                x,
               double                y,
               GtkGestureDrag       *gesture)
{
  self->drag_view_first = self->view_first;
}

static void
on_drag_update (DossierTimelineChart *self,
                double                dx,
                double                dy,
                GtkGestureDrag       *gesture)
{
  double span = self->view_last - self->view_first;
  double days = -dx * span / axis_width (self);

  if (ABS (dx) < 3)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  set_view (self, self->drag_view_first + days, self->drag_view_first + days + span);
}

static void
on_pinch_begin (DossierTimelineChart *self,
                GdkEventSequence     *sequence,
                GtkGesture           *gesture)
{
  self->pinch_span = self->view_last - self->view_first;
}

static void
on_pinch_scale (DossierTimelineChart *self,
                double                scale,
                GtkGestureZoom       *gesture)
{
  double cx, cy, center, span;

  if (scale <= 0)
    return;

  span = self->pinch_span / scale;
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    cx = MARGIN + axis_width (self) / 2;
  center = day_of (self, cx);
  set_view (self, center - span / 2, center + span / 2);
}

/* Ticks: the finest unit that leaves room for its labels */

typedef enum { UNIT_DAY, UNIT_MONTH, UNIT_YEAR } Unit;

static const struct {
  Unit  unit;
  guint n;
} steps[] = {
  { UNIT_DAY, 1 }, { UNIT_DAY, 2 }, { UNIT_DAY, 7 }, { UNIT_DAY, 14 },
  { UNIT_MONTH, 1 }, { UNIT_MONTH, 2 }, { UNIT_MONTH, 3 }, { UNIT_MONTH, 6 },
  { UNIT_YEAR, 1 }, { UNIT_YEAR, 2 }, { UNIT_YEAR, 5 }, { UNIT_YEAR, 10 },
  { UNIT_YEAR, 20 }, { UNIT_YEAR, 50 }, { UNIT_YEAR, 100 }, { UNIT_YEAR, 200 },
  { UNIT_YEAR, 500 }, { UNIT_YEAR, 1000 },
};

static guint
pick_step (double px_per_day)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double days = steps[i].n * (steps[i].unit == UNIT_DAY ? 1 :
                                  steps[i].unit == UNIT_MONTH ? 30.44 : 365.25);

      if (days * px_per_day >= TICK_SPACING)
        return i;
    }

  return G_N_ELEMENTS (steps) - 1;
}

static char *
tick_label (GDate *date,
            Unit   unit)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                 g_date_get_day (date), 0, 0, 0);

  switch (unit)
    {
    case UNIT_DAY:
      /* Translators: a tick on the timeline axis, "25 Nov 2025";
       * see g_date_time_format(). xgettext:no-c-format */
      return g_date_time_format (dt, _("%-d %b %Y"));
    case UNIT_MONTH:
      /* Translators: a tick on the timeline axis, "Nov 2025";
       * see g_date_time_format(). xgettext:no-c-format */
      return g_date_time_format (dt, _("%b %Y"));
    case UNIT_YEAR:
    default:
      return g_strdup_printf ("%d", g_date_get_year (date));
    }
}

static void
snapshot_ticks (DossierTimelineChart *self,
                GtkSnapshot          *snapshot,
                const GdkRGBA        *color,
                double                axis_y)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double px_per_day = axis_width (self) / (self->view_last - self->view_first);
  guint step = pick_step (px_per_day);
  Unit unit = steps[step].unit;
  guint n = steps[step].n;
  GDate date;
  GdkRGBA tick_color = *color;
  double width = gtk_widget_get_width (widget);

  tick_color.alpha *= 0.5;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) MAX (1.0, floor (self->view_first)));

  /* Back to the first boundary of the unit */
  switch (unit)
    {
    case UNIT_DAY:
      if (n == 7 || n == 14)
        g_date_subtract_days (&date, g_date_get_weekday (&date) - G_DATE_MONDAY);
      break;
    case UNIT_MONTH:
      g_date_set_day (&date, 1);
      while ((g_date_get_month (&date) - 1) % n != 0)
        g_date_subtract_months (&date, 1);
      break;
    case UNIT_YEAR:
    default:
      g_date_set_dmy (&date, 1, G_DATE_JANUARY,
                      MAX (1, g_date_get_year (&date) - g_date_get_year (&date) % n));
      break;
    }

  for (guint guard = 0; guard < 1000; guard++)
    {
      double day = g_date_get_julian (&date);
      double x = x_of (self, day);

      if (day > self->view_last)
        break;

      if (day >= self->view_first)
        {
          g_autofree char *text = tick_label (&date, unit);
          PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
          int lw, lh;

          gtk_snapshot_append_color (snapshot, &tick_color,
                                     &GRAPHENE_RECT_INIT (x, axis_y, 1, 6));

          pango_layout_get_pixel_size (layout, &lw, &lh);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (CLAMP (x - lw / 2.0, 2, width - lw - 2),
                                                        axis_y + 9));
          gtk_snapshot_append_layout (snapshot, layout, color);
          gtk_snapshot_restore (snapshot);
          g_object_unref (layout);
        }

      switch (unit)
        {
        case UNIT_DAY:
          g_date_add_days (&date, n);
          break;
        case UNIT_MONTH:
          g_date_add_months (&date, n);
          break;
        case UNIT_YEAR:
        default:
          if (g_date_get_year (&date) + n > 9999)
            return;
          g_date_add_years (&date, n);
          break;
        }
    }
}

/* The date over each marker, on the lowest of a few rows where it fits,
 * with a stem down to its marker; a label that fits nowhere is left to
 * the caption and the tooltip. */
static void
snapshot_labels (DossierTimelineChart *self,
                 GtkSnapshot          *snapshot,
                 const GdkRGBA        *color,
                 double                axis_y,
                 double                top)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double width = gtk_widget_get_width (widget);
  double row_height = 20;
  int n_rows = CLAMP ((int) ((axis_y - 18 - top) / row_height), 0, 6);
  double *ends = g_newa (double, MAX (n_rows, 1));
  GdkRGBA stem = *color;

  stem.alpha *= 0.3;
  for (int r = 0; r < n_rows; r++)
    ends[r] = -G_MAXDOUBLE;

  for (guint i = 0; i < self->markers->len && n_rows > 0; i++)
    {
      DossierTimelineMarker *marker = g_ptr_array_index (self->markers, i);
      double x = x_of (self, marker->pos);
      PangoLayout *layout;
      int lw, lh;
      double lx, ly;

      if (!gtk_widget_get_child_visible (GTK_WIDGET (marker)))
        continue;

      layout = gtk_widget_create_pango_layout (widget, marker->short_label);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      lx = CLAMP (x - lw / 2.0, 2, width - lw - 2);

      for (int r = 0; r < n_rows; r++)
        {
          if (lx < ends[r] + 10)
            continue;

          ends[r] = lx + lw;
          ly = axis_y - 18 - (r + 1) * row_height;
          gtk_snapshot_append_color (snapshot, &stem,
                                     &GRAPHENE_RECT_INIT (round (x), ly + lh, 1,
                                                          axis_y - 8 - (ly + lh)));
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (lx, ly));
          gtk_snapshot_append_layout (snapshot, layout, color);
          gtk_snapshot_restore (snapshot);
          break;
        }

      g_object_unref (layout);
    }
}

/* The day the dates were resolved against: a dashed line across the
 * chart, named at its top. */
static void
snapshot_published (DossierTimelineChart *self,
                    GtkSnapshot          *snapshot,
                    const GdkRGBA        *color,
                    double                axis_y,
                    double                top)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double width = gtk_widget_get_width (widget);
  double x, lx;
  GdkRGBA dash = *color;
  PangoLayout *layout;
  int lw, lh;

  if (self->published_day < 0 ||
      self->published_day < self->view_first || self->published_day > self->view_last)
    return;

  x = round (x_of (self, self->published_day + 0.5));
  dash.alpha *= 0.45;
  for (double y = top; y < axis_y; y += 6)
    gtk_snapshot_append_color (snapshot, &dash,
                               &GRAPHENE_RECT_INIT (x, y, 1, MIN (3, axis_y - y)));

  /* Translators: marks the publication date on the drawn timeline */
  layout = gtk_widget_create_pango_layout (widget, _("Published"));
  pango_layout_get_pixel_size (layout, &lw, &lh);
  lx = x + lw + 6 < width ? x + 4 : x - lw - 4;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (lx, top - lh / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &dash);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

static void
dossier_timeline_chart_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double axis_y = height - AXIS_BOTTOM;
  double px_per_day;
  GdkRGBA fg, line, accent, range;

  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1 };

  if (self->entries->len > 0 && self->view_last > self->view_first)
    {
      px_per_day = axis_width (self) / (self->view_last - self->view_first);

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      /* What an entry covers when it is wider than its marker: a week, a
       * month, a year */
      range = accent;
      range.alpha = 0.25;
      for (guint i = 0; i < self->entries->len; i++)
        {
          Entry *entry = g_ptr_array_index (self->entries, i);
          double x0, x1;

          if ((entry->last - entry->first) * px_per_day < MIN_GAP ||
              entry->last < self->view_first || entry->first > self->view_last)
            continue;

          x0 = MAX (x_of (self, entry->first), 0);
          x1 = MIN (x_of (self, entry->last), width);
          gtk_snapshot_append_color (snapshot, &range,
                                     &GRAPHENE_RECT_INIT (x0, axis_y - 3 - (i % 3) * 2, x1 - x0, 2));
        }

      line = fg;
      line.alpha *= 0.35;
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (MARGIN / 2, axis_y, width - MARGIN, 1));

      snapshot_ticks (self, snapshot, &fg, axis_y);
      snapshot_published (self, snapshot, &fg, axis_y, 30);
      snapshot_labels (self, snapshot, &fg, axis_y, 30);
      gtk_snapshot_pop (snapshot);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_POPOVER (child))
      gtk_widget_snapshot_child (widget, child, snapshot);
}

static void
dossier_timeline_chart_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (widget);
  int caption_min = 0, caption_nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 600;
    }
  else
    {
      gtk_widget_measure (self->caption, orientation, -1, &caption_min, &caption_nat, NULL, NULL);
      *minimum = caption_nat + 12 + 40 + AXIS_BOTTOM;
      *natural = MAX (*minimum, 160);
    }
}

static void
dossier_timeline_chart_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (widget);
  double axis_y = height - AXIS_BOTTOM;
  int caption_h = 0;

  gtk_widget_measure (self->caption, GTK_ORIENTATION_VERTICAL, width - 24,
                      NULL, &caption_h, NULL, NULL);
  gtk_widget_allocate (self->caption, MAX (0, width - 24), caption_h, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (12, 6)));
  gtk_widget_measure (self->hint, GTK_ORIENTATION_VERTICAL, width - 24,
                      NULL, &caption_h, NULL, NULL);
  gtk_widget_allocate (self->hint, MAX (0, width - 24), caption_h, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (12, 6)));

  for (guint i = 0; i < self->markers->len; i++)
    {
      GtkWidget *marker = g_ptr_array_index (self->markers, i);
      double x = x_of (self, DOSSIER_TIMELINE_MARKER (marker)->pos);
      int w, h;

      gtk_widget_measure (marker, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      gtk_widget_measure (marker, GTK_ORIENTATION_VERTICAL, -1, NULL, &h, NULL, NULL);

      gtk_widget_set_child_visible (marker, x >= MARGIN / 2 && x <= width - MARGIN / 2);
      gtk_widget_allocate (marker, w, h, -1,
                           gsk_transform_translate (NULL,
                                                    &GRAPHENE_POINT_INIT (round (x - w / 2.0),
                                                                          round (axis_y - h / 2.0))));
    }

  if (self->cluster_popover)
    gtk_popover_present (self->cluster_popover);

  /* A new width is a new scale: regroup once the allocation is done. */
  if (width != self->grouped_width && self->regroup_source == 0)
    self->regroup_source = g_idle_add (regroup_cb, self);
}

static void
dossier_timeline_chart_dispose (GObject *object)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (object);

  g_clear_handle_id (&self->regroup_source, g_source_remove);

  if (self->markers)
    clear_markers (self);
  g_clear_pointer (&self->markers, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->caption, gtk_widget_unparent);
  g_clear_pointer (&self->hint, gtk_widget_unparent);
  if (self->cluster_popover)
    {
      gtk_widget_unparent (GTK_WIDGET (self->cluster_popover));
      self->cluster_popover = NULL;
    }
  g_clear_object (&self->timexes);
  g_clear_pointer (&self->published, g_free);

  G_OBJECT_CLASS (dossier_timeline_chart_parent_class)->dispose (object);
}

static void
dossier_timeline_chart_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (object);

  switch (prop_id)
    {
    case PROP_TIMEXES:
      g_value_set_object (value, dossier_timeline_chart_get_timexes (self));
      break;

    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_chart_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (object);

  switch (prop_id)
    {
    case PROP_TIMEXES:
      dossier_timeline_chart_set_timexes (self, g_value_get_object (value));
      break;

    case PROP_PUBLISHED:
      dossier_timeline_chart_set_published (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_chart_class_init (DossierTimelineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_timeline_chart_dispose;
  object_class->get_property = dossier_timeline_chart_get_property;
  object_class->set_property = dossier_timeline_chart_set_property;

  widget_class->snapshot = dossier_timeline_chart_snapshot;
  widget_class->measure = dossier_timeline_chart_measure;
  widget_class->size_allocate = dossier_timeline_chart_size_allocate;

  properties[PROP_TIMEXES] =
    g_param_spec_object ("timexes", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DossierTimelineChart:published:
   *
   * The publication date (ISO, "2025-11-27"), which the dates were
   * resolved against: marked across the chart.
   */
  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierTimelineChart::timex-activated:
   * @self: a #DossierTimelineChart
   * @timex: the entry of the marker the user activated
   */
  signals[TIMEX_ACTIVATED] =
    g_signal_new ("timex-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, DOSSIER_TYPE_TIMEX);

  gtk_widget_class_set_css_name (widget_class, "timelinechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_timeline_chart_init (DossierTimelineChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;
  GtkWidget *box;

  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->markers = g_ptr_array_new ();
  self->published_day = -1;
  self->view_first = self->full_first = 0;
  self->view_last = self->full_last = 1;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys move between dates, plus and minus zoom"),
                                  -1);

  self->caption = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->caption, "caption");
  gtk_widget_set_visible (self->caption, FALSE);
  gtk_widget_set_parent (self->caption, widget);

  self->hint = gtk_label_new (_("Ctrl+scroll or +/− to zoom, drag or scroll to move"));
  gtk_label_set_xalign (GTK_LABEL (self->hint), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->hint), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->hint, "caption");
  gtk_widget_add_css_class (self->hint, "dim-label");
  gtk_widget_set_parent (self->hint, widget);

  self->cluster_popover = GTK_POPOVER (gtk_popover_new ());
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->cluster_box = box;
  gtk_popover_set_child (self->cluster_popover, box);
  gtk_popover_set_position (self->cluster_popover, GTK_POS_TOP);
  gtk_widget_set_parent (GTK_WIDGET (self->cluster_popover), widget);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (on_scroll), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (on_motion), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_object (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-update", G_CALLBACK (on_drag_update), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_object (gesture, "begin", G_CALLBACK (on_pinch_begin), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "scale-changed", G_CALLBACK (on_pinch_scale), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));
}

GtkWidget *
dossier_timeline_chart_new (void)
{
  return g_object_new (DOSSIER_TYPE_TIMELINE_CHART, NULL);
}

GListModel *
dossier_timeline_chart_get_timexes (DossierTimelineChart *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_CHART (self), NULL);

  return self->timexes;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(const Entry **) a;
  const Entry *eb = *(const Entry **) b;

  if (ea->pos != eb->pos)
    return ea->pos < eb->pos ? -1 : 1;
  return dossier_timex_compare (ea->timex, eb->timex);
}

/* @keep_view: the same timeline, corrected: stay where the user was */
static void
reload (DossierTimelineChart *self,
        gboolean              keep_view)
{
  guint n = self->timexes ? g_list_model_get_n_items (self->timexes) : 0;
  double old_first = self->view_first, old_last = self->view_last;
  gboolean zoomed = self->entries->len > 0 &&
                    (old_first > self->full_first || old_last < self->full_last);

  clear_markers (self);
  g_ptr_array_set_size (self->entries, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierTimex) timex = g_list_model_get_item (self->timexes, i);
      double first, last;
      Entry *entry;

      if (!_dossier_timeline_timex_is_dated (timex))
        continue;

      first = parse_julian (dossier_timex_get_interval_start (timex));
      last = parse_julian (dossier_timex_get_interval_end (timex));
      if (first < 0)
        continue;
      if (last < first)
        last = first;

      entry = g_new0 (Entry, 1);
      entry->timex = g_steal_pointer (&timex);
      entry->first = first;
      entry->last = last + 1;
      entry->pos = (entry->first + entry->last) / 2;
      g_ptr_array_add (self->entries, entry);
    }

  g_ptr_array_sort (self->entries, compare_entries);

  if (self->entries->len > 0)
    {
      double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, pad;

      for (guint i = 0; i < self->entries->len; i++)
        {
          Entry *entry = g_ptr_array_index (self->entries, i);

          lo = MIN (lo, entry->pos);
          hi = MAX (hi, entry->pos);
        }
      if (self->published_day >= 0)
        {
          lo = MIN (lo, self->published_day + 0.5);
          hi = MAX (hi, self->published_day + 0.5);
        }

      /* Room on both sides, and a month around a lone date */
      pad = MAX ((hi - lo) * 0.06, 15.0);
      self->full_first = MAX (1.0, lo - pad);
      self->full_last = hi + pad;
    }
  else
    {
      self->full_first = 0;
      self->full_last = 1;
    }

  self->view_first = self->full_first;
  self->view_last = self->full_last;
  self->grouped_width = 0;

  update_caption (self, NULL);
  regroup (self);
  if (keep_view && zoomed)
    set_view (self, old_first, old_last);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_items_changed (DossierTimelineChart *self)
{
  reload (self, TRUE);
}

/**
 * dossier_timeline_chart_set_timexes:
 * @timexes: (nullable): a #GListModel of #DossierTimex; the undated ones
 *   are left out
 */
void
dossier_timeline_chart_set_timexes (DossierTimelineChart *self,
                                    GListModel           *timexes)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_CHART (self));
  g_return_if_fail (!timexes || G_IS_LIST_MODEL (timexes));

  if (self->timexes)
    g_signal_handlers_disconnect_by_func (self->timexes, on_items_changed, self);

  if (!g_set_object (&self->timexes, timexes))
    return;

  if (timexes)
    g_signal_connect_object (timexes, "items-changed", G_CALLBACK (on_items_changed), self,
                             G_CONNECT_SWAPPED);

  reload (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEXES]);
}

const char *
dossier_timeline_chart_get_published (DossierTimelineChart *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_CHART (self), NULL);

  return self->published;
}

/**
 * dossier_timeline_chart_set_published:
 * @published: (nullable): the publication date, ISO ("2025-11-27")
 *
 * Marks the day the dates were resolved against.
 */
void
dossier_timeline_chart_set_published (DossierTimelineChart *self,
                                      const char           *published)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_CHART (self));

  if (g_strcmp0 (self->published, published) == 0)
    return;

  g_free (self->published);
  self->published = g_strdup (published);

  self->published_day = parse_julian (published);
  reload (self, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
}

/**
 * dossier_timeline_chart_save_png:
 * @file: where to write the picture
 *
 * Renders the chart as it is shown (zoom and all) on the background of
 * the window, with the renderer of its window, and saves it as PNG.
 *
 * Returns: %FALSE if the chart is not shown or the file cannot be written
 */
gboolean
dossier_timeline_chart_save_png (DossierTimelineChart  *self,
                                 GFile                 *file,
                                 GError               **error)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkNative *native;
  GskRenderer *renderer;
  GdkRGBA background;
  int width, height;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  native = gtk_widget_get_native (widget);
  if (native == NULL || width <= 0 || height <= 0 ||
      (renderer = gtk_native_get_renderer (native)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The timeline chart is not shown"));
      return FALSE;
    }

  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget),
                                       "view_bg_color", &background))
    background = (GdkRGBA) { 1, 1, 1, 1 };

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  path = g_file_get_path (file);
  if (path == NULL || !gdk_texture_save_to_png (texture, path))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("Could not write “%s”"), name);
      return FALSE;
    }

  return TRUE;
}

/* For the widget tests */

guint
_dossier_timeline_chart_get_n_markers (DossierTimelineChart *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_CHART (self), 0);

  return self->markers->len;
}

GtkWidget *
_dossier_timeline_chart_get_marker (DossierTimelineChart *self,
                                    guint                 index)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_CHART (self), NULL);
  g_return_val_if_fail (index < self->markers->len, NULL);

  return g_ptr_array_index (self->markers, index);
}

guint
_dossier_timeline_chart_marker_get_n_timexes (GtkWidget *marker)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MARKER (marker), 0);

  return DOSSIER_TIMELINE_MARKER (marker)->timexes->len;
}

DossierTimex *
_dossier_timeline_chart_marker_get_timex (GtkWidget *marker,
                                          guint      index)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MARKER (marker), NULL);

  return g_ptr_array_index (DOSSIER_TIMELINE_MARKER (marker)->timexes, index);
}

const char *
_dossier_timeline_chart_marker_get_label (GtkWidget *marker)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MARKER (marker), NULL);

  return DOSSIER_TIMELINE_MARKER (marker)->label;
}

void
_dossier_timeline_chart_get_visible_days (DossierTimelineChart *self,
                                          double               *first,
                                          double               *last)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_CHART (self));

  *first = self->view_first;
  *last = self->view_last;
}

GtkPopover *
_dossier_timeline_chart_get_cluster_popover (DossierTimelineChart *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_CHART (self), NULL);

  return self->cluster_popover;
}
