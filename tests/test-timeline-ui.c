/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-timeline-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "dossier-date-popover.h"
#include "dossier-document.h"
#include "dossier-reader-view-private.h"
#include "dossier-test-utils.h"
#include "dossier-timeline-chart-private.h"
#include "dossier-timeline-row-private.h"
#include "dossier-timeline-view-private.h"
#include "dossier-timex.h"
#include "dossier-window-analysis.h"
#include "dossier-window-notes.h"
#include "dossier-window-private.h"
#include "dossier-window-timeline.h"

/* The drawn timeline and timeline corrections in a real window
 * (xvfb-run -a). The fixture is tests/fixtures/analysis-ui/rail-line.txt,
 * published on 27 Nov 2025, with nine dated entries. */

#define N_DATED 9

static DossierWindow *
open_fixture (void)
{
  g_autoptr(GFile) file = dossier_test_fixture_file ("analysis-ui", "rail-line.txt");
  DossierWindow *window = dossier_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_open_file (window, file,
                          DOSSIER_TEST_LOADED | DOSSIER_TEST_ANALYSIS | DOSSIER_TEST_NOTES);

  return window;
}

static DossierTimelineChart *
show_chart (DossierWindow *window)
{
  DossierTimelineView *view = _dossier_window_get_timeline_view (window);
  DossierTimelineChart *chart = _dossier_timeline_view_get_chart (view);

  if (!gtk_revealer_get_reveal_child (window->timeline_revealer))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-timeline", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.mode", "s", "chart");
  g_assert_cmpstr (dossier_timeline_view_get_mode (view), ==, "chart");
  g_assert_cmpstr (_dossier_timeline_view_get_page (view), ==, "chart");
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *remembered = g_settings_get_string (settings, "timeline-view");

    g_assert_cmpstr (remembered, ==, "chart");
  }

  /* Allocated, then grouped at its width, then the markers allocated */
  dossier_test_run_for (300);
  for (guint i = 0; i < 100; i++)
    {
      guint n = _dossier_timeline_chart_get_n_markers (chart);

      if (n > 0 && gtk_widget_get_width (_dossier_timeline_chart_get_marker (chart, n - 1)) > 0)
        break;
      dossier_test_run_for (20);
    }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), >, 300);
  g_assert_cmpuint (_dossier_timeline_chart_get_n_markers (chart), >, 0);

  return chart;
}

static gboolean
send_key (GtkWidget *widget,
          guint      keyval,
          GdkModifierType state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;

      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      if (handled)
        return TRUE;
    }

  return FALSE;
}

static GtkWidget *
get_focus (GtkWidget *widget)
{
  return gtk_root_get_focus (gtk_widget_get_root (widget));
}

static guint
marker_index (DossierTimelineChart *chart,
              GtkWidget            *widget)
{
  for (guint i = 0; i < _dossier_timeline_chart_get_n_markers (chart); i++)
    if (_dossier_timeline_chart_get_marker (chart, i) == widget)
      return i;

  return G_MAXUINT;
}

/* One marker or cluster per dated entry, labelled with its date */
static void
test_markers (void)
{
  DossierWindow *window;
  DossierTimelineChart *chart;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint n_markers, n_entries = 0;
  double last_pos = -1;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();
  chart = show_chart (window);
  n_markers = _dossier_timeline_chart_get_n_markers (chart);

  for (guint i = 0; i < n_markers; i++)
    {
      GtkWidget *marker = _dossier_timeline_chart_get_marker (chart, i);
      guint n = _dossier_timeline_chart_marker_get_n_timexes (marker);
      const char *label = _dossier_timeline_chart_marker_get_label (marker);
      g_autofree char *first_date = NULL;
      char *problem;

      g_assert_true (gtk_widget_get_focusable (marker));
      g_assert_cmpuint (n, >, 0);
      g_assert_nonnull (label);

      /* Screen readers hear the label */
      problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (marker),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      g_assert_null (problem);
      g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (marker),
                                                   GTK_ACCESSIBLE_ROLE_BUTTON));

      first_date = _dossier_timeline_format_date (_dossier_timeline_chart_marker_get_timex (marker, 0));
      g_assert_nonnull (strstr (label, first_date));

      if (n == 1)
        {
          DossierTimex *timex = _dossier_timeline_chart_marker_get_timex (marker, 0);
          g_autofree char *prefix = g_strdup_printf ("%s: ", first_date);
          g_autofree char *opening = g_utf8_substring (dossier_timex_get_sentence (timex), 0, 20);

          /* "Tue 25 Nov 2025: The regional assembly approved…" */
          g_assert_true (g_str_has_prefix (label, prefix));
          g_assert_nonnull (strstr (label, opening));
        }
      else
        {
          g_autofree char *prefix = g_strdup_printf ("%u dates: ", n);

          g_assert_true (g_str_has_prefix (label, prefix));
        }

      for (guint k = 0; k < n; k++)
        {
          DossierTimex *timex = _dossier_timeline_chart_marker_get_timex (marker, k);

          g_assert_true (_dossier_timeline_timex_is_dated (timex));
          g_assert_false (g_hash_table_contains (seen, timex));
          g_hash_table_add (seen, timex);
          n_entries++;
        }

      /* Left to right in time, the order Tab follows */
      g_assert_true (gtk_widget_get_next_sibling (marker) == NULL ||
                     i + 1 == n_markers ||
                     gtk_widget_get_next_sibling (marker) == _dossier_timeline_chart_get_marker (chart, i + 1));
      {
        graphene_rect_t bounds;

        if (gtk_widget_get_child_visible (marker) &&
            gtk_widget_compute_bounds (marker, GTK_WIDGET (chart), &bounds))
          {
            g_assert_cmpfloat (bounds.origin.x, >, last_pos);
            last_pos = bounds.origin.x;
          }
      }
    }

  g_assert_cmpuint (n_entries, ==, N_DATED);

  /* The reader's text, with the header drawn inside it, is named by the
   * article's title and described by its subtitle for screen readers */
  {
    GtkAccessible *text = GTK_ACCESSIBLE (_dossier_reader_view_get_text_view (window->reader_view));
    g_autofree char *label_problem = NULL;
    g_autofree char *description_problem = NULL;

    label_problem = gtk_test_accessible_check_property (text, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                        "Assembly Backs Northern Rail Line After Late-Night Vote");
    g_assert_null (label_problem);
    description_problem = gtk_test_accessible_check_property (text, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                              "The regional assembly approved the line, but the transport minister still has to sign the funding order");
    g_assert_null (description_problem);
  }

  /* The publication date every date was resolved against is marked, in
   * view with all the dates */
  {
    double first, last;
    GDate published;

    g_assert_cmpstr (dossier_timeline_chart_get_published (chart), ==, "2025-11-27");
    g_date_clear (&published, 1);
    g_date_set_dmy (&published, 27, G_DATE_NOVEMBER, 2025);
    _dossier_timeline_chart_get_visible_days (chart, &first, &last);
    g_assert_cmpfloat (first, <, g_date_get_julian (&published));
    g_assert_cmpfloat (last, >, g_date_get_julian (&published) + 1);
  }

  /* Zoomed far in, the week of 24 Nov 2025 is no longer one cluster */
  {
    double first, last, full_first, full_last;
    guint before = n_markers;

    _dossier_timeline_chart_get_visible_days (chart, &full_first, &full_last);
    dossier_timeline_chart_zoom (chart, 40);
    dossier_test_run_for (100);
    _dossier_timeline_chart_get_visible_days (chart, &first, &last);
    g_assert_cmpfloat_with_epsilon (last - first, (full_last - full_first) / 40, 0.01);
    g_assert_cmpuint (_dossier_timeline_chart_get_n_markers (chart), >, before);

    /* + and - from the keyboard, and back to all of it */
    g_assert_true (send_key (GTK_WIDGET (chart), GDK_KEY_minus, 0));
    _dossier_timeline_chart_get_visible_days (chart, &first, &last);
    g_assert_cmpfloat_with_epsilon (last - first, (full_last - full_first) / 40 * 1.5, 0.01);
    g_assert_true (send_key (GTK_WIDGET (chart), GDK_KEY_plus, 0));
    _dossier_timeline_chart_get_visible_days (chart, &first, &last);
    g_assert_cmpfloat_with_epsilon (last - first, (full_last - full_first) / 40, 0.01);

    /* Panning keeps the span */
    g_assert_true (send_key (GTK_WIDGET (chart), GDK_KEY_Right, GDK_SHIFT_MASK));
    {
      double first2, last2;

      _dossier_timeline_chart_get_visible_days (chart, &first2, &last2);
      g_assert_cmpfloat (first2, >, first);
      g_assert_cmpfloat_with_epsilon (last2 - first2, last - first, 0.01);
    }

    gtk_widget_activate_action (GTK_WIDGET (_dossier_window_get_timeline_view (window)),
                                "timeline.zoom-reset", NULL);
    dossier_test_run_for (100);
    _dossier_timeline_chart_get_visible_days (chart, &first, &last);
    g_assert_cmpfloat (first, ==, full_first);
    g_assert_cmpfloat (last, ==, full_last);
    g_assert_cmpuint (_dossier_timeline_chart_get_n_markers (chart), ==, before);
  }

  dossier_test_destroy_window (window);
}

/* Arrows move between markers, Enter jumps to the passage */
static void
test_keyboard (void)
{
  DossierWindow *window;
  DossierTimelineChart *chart;
  GtkWidget *marker;
  GtkWidget *single = NULL;
  GtkWidget *cluster = NULL;
  guint n_markers;
  g_autofree char *span = NULL;
  g_autofree char *expected = NULL;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();
  chart = show_chart (window);
  n_markers = _dossier_timeline_chart_get_n_markers (chart);
  g_assert_cmpuint (n_markers, >=, 2);

  marker = _dossier_timeline_chart_get_marker (chart, 0);
  gtk_widget_grab_focus (marker);
  g_assert_true (get_focus (marker) == marker);

  /* Right and Left step through them, End and Home go to the ends */
  g_assert_true (send_key (marker, GDK_KEY_Right, 0) || send_key (GTK_WIDGET (chart), GDK_KEY_Right, 0));
  g_assert_cmpuint (marker_index (chart, get_focus (marker)), ==, 1);
  g_assert_true (send_key (GTK_WIDGET (chart), GDK_KEY_End, 0));
  g_assert_cmpuint (marker_index (chart, get_focus (marker)), ==, n_markers - 1);
  g_assert_true (send_key (GTK_WIDGET (chart), GDK_KEY_Left, 0));
  g_assert_cmpuint (marker_index (chart, get_focus (marker)), ==, n_markers - 2);
  g_assert_true (send_key (GTK_WIDGET (chart), GDK_KEY_Home, 0));
  g_assert_cmpuint (marker_index (chart, get_focus (marker)), ==, 0);

  /* Tab follows the same order */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (chart), GTK_DIR_TAB_FORWARD));
  g_assert_cmpuint (marker_index (chart, get_focus (marker)), ==, 1);

  /* Zooming keeps the focused marker in view */
  {
    double first, last;

    marker = _dossier_timeline_chart_get_marker (chart, n_markers - 1);
    gtk_widget_grab_focus (marker);
    g_assert_true (send_key (GTK_WIDGET (chart), GDK_KEY_plus, 0));
    g_assert_true (send_key (GTK_WIDGET (chart), GDK_KEY_plus, 0));
    g_assert_true (send_key (GTK_WIDGET (chart), GDK_KEY_plus, 0));
    dossier_test_run_for (100);
    _dossier_timeline_chart_get_visible_days (chart, &first, &last);
    /* Regrouped at the new scale: the focus moved to the new marker */
    marker = get_focus (GTK_WIDGET (chart));
    g_assert_nonnull (marker);
    g_assert_true (gtk_widget_get_child_visible (marker));
    g_assert_true (gtk_widget_get_parent (marker) == GTK_WIDGET (chart));
    g_assert_true (last - first > 0);
    g_assert_true (send_key (GTK_WIDGET (chart), GDK_KEY_0, 0));
    dossier_test_run_for (100);
    n_markers = _dossier_timeline_chart_get_n_markers (chart);
  }

  for (guint i = 0; i < n_markers; i++)
    {
      GtkWidget *m = _dossier_timeline_chart_get_marker (chart, i);

      if (_dossier_timeline_chart_marker_get_n_timexes (m) == 1 && single == NULL)
        single = m;
      else if (_dossier_timeline_chart_marker_get_n_timexes (m) > 1 && cluster == NULL)
        cluster = m;
    }
  g_assert_nonnull (single);
  g_assert_nonnull (cluster);

  /* Enter on an entry selects its passage in the reader */
  {
    DossierTimex *timex = _dossier_timeline_chart_marker_get_timex (single, 0);

    gtk_widget_grab_focus (single);
    g_assert_true (send_key (single, GDK_KEY_Return, 0));
    dossier_test_iterate_pending ();
    span = dossier_test_selected_span (window);
    expected = g_strdup_printf ("%u-%u", dossier_timex_get_start (timex), dossier_timex_get_end (timex));
    g_assert_cmpstr (span, ==, expected);
    g_clear_pointer (&span, g_free);
    g_clear_pointer (&expected, g_free);
  }

  /* On a cluster it lists the entries; one of them is the passage */
  {
    GtkPopover *popover = _dossier_timeline_chart_get_cluster_popover (chart);
    DossierTimex *timex = _dossier_timeline_chart_marker_get_timex (cluster, 1);
    GtkWidget *box = gtk_popover_get_child (popover);
    GtkWidget *button;

    gtk_widget_grab_focus (cluster);
    g_assert_true (send_key (cluster, GDK_KEY_Return, 0));
    dossier_test_iterate_pending ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));

    button = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
    g_assert_true (GTK_IS_BUTTON (button));
    g_signal_emit_by_name (button, "clicked");
    dossier_test_iterate_pending ();
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

    span = dossier_test_selected_span (window);
    expected = g_strdup_printf ("%u-%u", dossier_timex_get_start (timex), dossier_timex_get_end (timex));
    g_assert_cmpstr (span, ==, expected);
  }

  dossier_test_destroy_window (window);
}

/* The chart as a PNG, from the renderer of its window */
static void
test_save_png (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-test-timeline-png-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "timeline.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  DossierTimelineChart *chart;
  DossierWindow *window;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();
  chart = show_chart (window);

  g_assert_true (dossier_timeline_chart_save_png (chart, file, &error));
  g_assert_no_error (error);

  texture = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (chart)));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, gtk_widget_get_height (GTK_WIDGET (chart)));

  dossier_test_destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

static DossierTimex *
find_entry (DossierWindow *window,
            const char    *words)
{
  GListModel *model = _dossier_timeline_view_get_model (_dossier_window_get_timeline_view (window));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (DOSSIER_IS_TIMEX (item) && g_strcmp0 (dossier_timex_get_text (DOSSIER_TIMEX (item)), words) == 0)
        return DOSSIER_TIMEX (item);
    }

  return NULL;
}

static guint
count_chart_entries (DossierTimelineChart *chart)
{
  guint n = 0;

  dossier_test_run_for (100);
  for (guint i = 0; i < _dossier_timeline_chart_get_n_markers (chart); i++)
    n += _dossier_timeline_chart_marker_get_n_timexes (_dossier_timeline_chart_get_marker (chart, i));

  return n;
}

static const char original[] =
  "# Dates\n"
  "October 2024|October 2024\n"
  "week of 17 Nov 2025|last week\n"
  "Mon 24 Nov 2025|Monday\n"
  "Tue 25 Nov 2025|Tuesday\n"
  "Wed 26 Nov 2025, 00:00|midnight\n"
  "Wed 26 Nov 2025|the next day\n"
  "Fri 28 Nov 2025|Friday\n"
  "December 2025|next month\n"
  "2026|early 2026\n"
  "# Durations and Undated";

static const char corrected[] =
  "# Dates\n"
  "October 2024|October 2024\n"
  "week of 17 Nov 2025|last week\n"
  "Tue 18 Nov 2025|Tuesday\n"
  "Mon 24 Nov 2025|Monday\n"
  "Wed 26 Nov 2025, 00:00|midnight\n"
  "Fri 28 Nov 2025|Friday\n"
  "December 2025|next month\n"
  "2026|early 2026\n"
  "2030|the works\n"
  "# Durations and Undated";

static gboolean
row_has_words (GtkWidget *widget,
               gpointer   words)
{
  GObject *item = dossier_timeline_row_get_item (DOSSIER_TIMELINE_ROW (widget));

  return DOSSIER_IS_TIMEX (item) &&
         g_strcmp0 (dossier_timex_get_text (DOSSIER_TIMEX (item)), words) == 0;
}

static DossierTimelineRow *
find_row (GtkWidget  *widget,
          const char *words)
{
  return DOSSIER_TIMELINE_ROW (dossier_test_find_widget (widget, DOSSIER_TYPE_TIMELINE_ROW,
                                                         row_has_words, (gpointer) words));
}

/* The list's rows: Change Date…, Hide, Show Again from their menu */
static void
test_row_menu (void)
{
  DossierWindow *window;
  DossierTimelineView *view;
  DossierDatePopover *popover;
  DossierTimelineRow *row;
  g_autofree char *list = NULL;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();
  view = _dossier_window_get_timeline_view (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-timeline", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.mode", "s", "list");
  g_assert_cmpstr (_dossier_timeline_view_get_page (view), ==, "list");
  dossier_test_run_for (300);

  row = find_row (GTK_WIDGET (view), "Friday");
  g_assert_nonnull (row);
  g_assert_false (dossier_timeline_row_get_hidden (row));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.change-date", NULL));
  popover = _dossier_timeline_view_get_date_popover (view);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (dossier_date_popover_get_value (popover), ==, "2025-11-28");
  dossier_date_popover_set_value (popover, "2025-11-29");
  g_assert_true (dossier_date_popover_choose (popover));
  dossier_test_run_for (100);
  {
    g_autofree char *date = _dossier_timeline_format_date (find_entry (window, "Friday"));
    g_assert_cmpstr (date, ==, "Sat 29 Nov 2025");
  }

  row = find_row (GTK_WIDGET (view), "Friday");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.hide", NULL));
  dossier_test_run_for (100);
  list = dossier_test_describe_timeline (window);
  g_assert_true (g_str_has_suffix (list, "\n# Hidden\nSat 29 Nov 2025|Friday"));
  g_clear_pointer (&list, g_free);

  /* Hidden rows offer Show Again instead of Hide */
  row = find_row (GTK_WIDGET (view), "Friday");
  g_assert_nonnull (row);
  g_assert_true (dossier_timeline_row_get_hidden (row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "hidden-entry"));
  /* (disabled: nothing happens) */
  gtk_widget_activate_action (GTK_WIDGET (row), "row.hide", NULL);
  dossier_test_run_for (50);
  list = dossier_test_describe_timeline (window);
  g_assert_true (g_str_has_suffix (list, "\n# Hidden\nSat 29 Nov 2025|Friday"));
  g_clear_pointer (&list, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.unhide", NULL));
  dossier_test_run_for (100);
  list = dossier_test_describe_timeline (window);
  g_assert_null (strstr (list, "# Hidden"));
  g_assert_nonnull (strstr (list, "Sat 29 Nov 2025|Friday"));

  /* Leave the notes as they were for the next cases */
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (dossier_document_save (_dossier_window_get_document (window), NULL, NULL));

  dossier_test_destroy_window (window);
}

/* Redate, hide, add; undo and redo; saved with the notes */
static void
test_corrections (void)
{
  DossierWindow *window;
  DossierTimelineView *view;
  DossierTimelineChart *chart;
  DossierDocument *document;
  DossierDatePopover *popover;
  g_autoptr(GError) error = NULL;
  g_autofree char *list = NULL;
  g_autofree char *durations = NULL;
  g_autofree char *expected = NULL;
  const char *text;
  const char *found;
  guint start;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();
  view = _dossier_window_get_timeline_view (window);
  chart = show_chart (window);
  document = _dossier_window_get_document (window);

  /* What the analysis found (durations vary with the analysis: kept as
   * they are) */
  list = dossier_test_describe_timeline (window);
  g_assert_true (g_str_has_prefix (list, original));
  durations = g_strdup (list + strlen (original));
  g_clear_pointer (&list, g_free);
  g_assert_cmpuint (count_chart_entries (chart), ==, N_DATED);

  /* A new date, from the row's prompt */
  _dossier_timeline_view_prompt_date (view, NULL, find_entry (window, "Tuesday"));
  popover = _dossier_timeline_view_get_date_popover (view);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (dossier_date_popover_get_value (popover), ==, "2025-11-25");
  dossier_date_popover_set_value (popover, "18 November");
  g_assert_false (dossier_date_popover_choose (popover));
  dossier_date_popover_set_value (popover, "2025-11-18");
  g_assert_true (dossier_date_popover_choose (popover));
  dossier_test_iterate_pending ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* Hidden, listed apart, off the chart; the chart stays zoomed */
  {
    double first, last, first2, last2;

    dossier_timeline_chart_zoom (chart, 3);
    _dossier_timeline_chart_get_visible_days (chart, &first, &last);
    _dossier_timeline_view_request_hidden (view, find_entry (window, "the next day"), TRUE);
    dossier_test_iterate_pending ();
    g_assert_cmpuint (count_chart_entries (chart), ==, N_DATED - 1);
    _dossier_timeline_chart_get_visible_days (chart, &first2, &last2);
    g_assert_cmpfloat_with_epsilon (last2 - first2, last - first, 0.01);
    dossier_timeline_chart_reset_zoom (chart);
  }

  /* Adding is in the reader's context menu */
  {
    GMenuModel *extra = gtk_text_view_get_extra_menu (_dossier_reader_view_get_text_view (window->reader_view));
    gboolean in_menu = FALSE;

    for (int i = 0; extra != NULL && i < g_menu_model_get_n_items (extra); i++)
      {
        g_autofree char *action = NULL;

        if (g_menu_model_get_item_attribute (extra, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
            g_str_equal (action, "win.timeline-add"))
          in_menu = TRUE;
      }
    g_assert_true (in_menu);
  }

  /* Added from a selection */
  text = dossier_document_get_text (document);
  found = strstr (text, "the works");
  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (text, found);
  dossier_test_select_range (window, start, start + strlen ("the works"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.timeline-add", NULL));
  popover = _dossier_window_get_add_date_popover (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (dossier_date_popover_get_value (popover), ==, "2025-11-27");
  dossier_date_popover_set_value (popover, "2030");
  g_assert_true (dossier_date_popover_choose (popover));
  dossier_test_iterate_pending ();

  list = dossier_test_describe_timeline (window);
  expected = g_strconcat (corrected, durations, "\n# Hidden\nWed 26 Nov 2025|the next day", NULL);
  g_assert_cmpstr (list, ==, expected);
  g_clear_pointer (&list, g_free);
  g_assert_cmpuint (count_chart_entries (chart), ==, N_DATED);

  /* Shown again, then back to hidden with undo, and again with redo */
  _dossier_timeline_view_request_hidden (view, find_entry (window, "the next day"), FALSE);
  dossier_test_iterate_pending ();
  g_assert_cmpuint (count_chart_entries (chart), ==, N_DATED + 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  dossier_test_iterate_pending ();
  list = dossier_test_describe_timeline (window);
  g_assert_cmpstr (list, ==, expected);
  g_clear_pointer (&list, g_free);

  /* Undo everything, redo everything */
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  dossier_test_iterate_pending ();
  list = dossier_test_describe_timeline (window);
  {
    g_autofree char *restored = g_strconcat (original, durations, NULL);
    g_assert_cmpstr (list, ==, restored);
  }
  g_clear_pointer (&list, g_free);
  g_assert_cmpuint (count_chart_entries (chart), ==, N_DATED);

  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  dossier_test_iterate_pending ();
  list = dossier_test_describe_timeline (window);
  g_assert_cmpstr (list, ==, expected);
  g_clear_pointer (&list, g_free);

  /* Kept in the notes file: a new window shows them again */
  g_assert_true (dossier_document_save (document, NULL, &error));
  g_assert_no_error (error);
  dossier_test_destroy_window (window);

  window = open_fixture ();
  /* The notes may load after the analysis: both are in */
  dossier_test_run_for (200);
  list = dossier_test_describe_timeline (window);
  g_assert_cmpstr (list, ==, expected);
  g_clear_pointer (&list, g_free);

  /* The row menu offers to show a hidden entry again, not to hide it */
  {
    DossierTimelineRow *row = g_object_new (DOSSIER_TYPE_TIMELINE_ROW, NULL);

    g_object_ref_sink (row);
    dossier_timeline_row_set_item (row, G_OBJECT (find_entry (window, "the next day")));
    dossier_timeline_row_set_hidden (row, TRUE);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "hidden-entry"));
    g_object_unref (row);
  }

  dossier_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  dossier_test_init (&argc, &argv, "timeline-ui", DOSSIER_TEST_ACCESSIBLE);
  dossier_test_set_timeout (20 * G_USEC_PER_SEC);

  g_test_add_func ("/dossier/timeline-ui/markers", test_markers);
  g_test_add_func ("/dossier/timeline-ui/keyboard", test_keyboard);
  g_test_add_func ("/dossier/timeline-ui/save-png", test_save_png);
  g_test_add_func ("/dossier/timeline-ui/row-menu", test_row_menu);
  g_test_add_func ("/dossier/timeline-ui/corrections", test_corrections);

  return dossier_test_run ();
}
