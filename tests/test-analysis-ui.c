/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-analysis-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-entity.h"
#include "dossier-entity-sidebar-private.h"
#include "dossier-reader-view-private.h"
#include "dossier-test-utils.h"
#include "dossier-timeline-row-private.h"
#include "dossier-timeline-view-private.h"
#include "dossier-timex.h"
#include "dossier-timex-private.h"
#include "dossier-window-analysis.h"
#include "dossier-window-private.h"

/* The entity sidebar and the timeline in a real window (xvfb-run -a). The
 * fixture is published on 27 Nov 2025; its offsets are those that
 * `dossier-cli analyze` prints for it. */

static DossierWindow *
open_fixture (const char *name)
{
  g_autoptr(GFile) file = dossier_test_fixture_file ("analysis-ui", name);

  return dossier_test_open_window (file, DOSSIER_TEST_LOADED | DOSSIER_TEST_ANALYSIS);
}

static char *
describe_entity (GObject *item)
{
  return g_strdup_printf ("%s|%s|%u",
                          dossier_entity_get_name (DOSSIER_ENTITY (item)),
                          dossier_entity_get_role (DOSSIER_ENTITY (item)) ?: "",
                          dossier_entity_get_n_mentions (DOSSIER_ENTITY (item)));
}

/* The sidebar's rows as "name|role|count", headings as "# Title". */
static char *
describe_sidebar (DossierEntitySidebar *sidebar)
{
  GListModel *model = G_LIST_MODEL (_dossier_entity_sidebar_get_selection (sidebar));

  return dossier_test_describe_list (model, "\n", describe_entity);
}

static void
test_sidebar (void)
{
  DossierWindow *window;
  DossierEntitySidebar *sidebar;
  g_autofree char *rows = NULL;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ("rail-line.txt");
  sidebar = _dossier_window_get_entity_sidebar (window);

  g_assert_false (dossier_entity_sidebar_get_loading (sidebar));
  g_assert_cmpstr (_dossier_entity_sidebar_get_page (sidebar), ==, "list");

  /* Each section by importance: most mentions, then first met */
  rows = describe_sidebar (sidebar);
  g_assert_cmpstr (rows, ==,
                   "# People\n"
                   "Helena Duarte|Minister|3\n"
                   "Paulo Mendes|Deputy Minister|2\n"
                   "Rui Teixeira|Mayor (Porto)|2\n"
                   "# Organizations\n"
                   "European Investment Bank||1\n"
                   "# Places\n"
                   "Porto||2\n"
                   "Spain||1\n"
                   "Madrid||1");

  /* The toggle shows the sidebar, from the header bar or the keyboard */
  g_assert_false (adw_flap_get_reveal_flap (window->entity_flap));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-entities", NULL);
  dossier_test_iterate_pending ();
  g_assert_true (adw_flap_get_reveal_flap (window->entity_flap));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-entities", NULL);
  dossier_test_iterate_pending ();
  g_assert_false (adw_flap_get_reveal_flap (window->entity_flap));

  dossier_test_destroy_window (window);
}

static void
test_mentions (void)
{
  DossierWindow *window;
  DossierEntitySidebar *sidebar;
  GtkSingleSelection *selection;
  GtkTextBuffer *buffer;
  char *str;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ("rail-line.txt");
  sidebar = _dossier_window_get_entity_sidebar (window);
  selection = _dossier_entity_sidebar_get_selection (sidebar);
  buffer = _dossier_reader_view_get_buffer (window->reader_view);

  str = dossier_test_tagged_spans (window, "entity-mention");
  g_assert_cmpstr (str, ==, "");
  g_free (str);

  /* Helena Duarte: "Helena Duarte", then "Duarte" twice */
  gtk_single_selection_set_selected (selection, 1);
  dossier_test_iterate_pending ();
  g_assert_cmpstr (dossier_entity_get_name (dossier_entity_sidebar_get_selected_entity (sidebar)),
                   ==, "Helena Duarte");

  str = dossier_test_tagged_spans (window, "entity-mention");
  g_assert_cmpstr (str, ==, "203-216,314-320,826-832");
  g_free (str);

  {
    GtkTextIter start, end;

    gtk_text_buffer_get_iter_at_offset (buffer, &start, 314);
    gtk_text_buffer_get_iter_at_offset (buffer, &end, 320);
    str = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (str, ==, "Duarte");
    g_free (str);
  }

  /* The first mention is current and selected */
  g_assert_cmpint (dossier_entity_sidebar_get_mention (sidebar), ==, 0);
  str = dossier_test_selected_span (window);
  g_assert_cmpstr (str, ==, "203-216");
  g_free (str);
  str = dossier_test_tagged_spans (window, "entity-mention-current");
  g_assert_cmpstr (str, ==, "203-216");
  g_free (str);

  /* Next and previous step through them, around the ends */
  gtk_widget_activate_action (GTK_WIDGET (sidebar), "sidebar.next-mention", NULL);
  str = dossier_test_selected_span (window);
  g_assert_cmpstr (str, ==, "314-320");
  g_free (str);

  gtk_widget_activate_action (GTK_WIDGET (sidebar), "sidebar.next-mention", NULL);
  str = dossier_test_selected_span (window);
  g_assert_cmpstr (str, ==, "826-832");
  g_free (str);

  gtk_widget_activate_action (GTK_WIDGET (sidebar), "sidebar.next-mention", NULL);
  str = dossier_test_selected_span (window);
  g_assert_cmpstr (str, ==, "203-216");
  g_free (str);

  gtk_widget_activate_action (GTK_WIDGET (sidebar), "sidebar.previous-mention", NULL);
  str = dossier_test_selected_span (window);
  g_assert_cmpstr (str, ==, "826-832");
  g_free (str);
  str = dossier_test_tagged_spans (window, "entity-mention-current");
  g_assert_cmpstr (str, ==, "826-832");
  g_free (str);

  /* Another entity replaces the highlights */
  gtk_single_selection_set_selected (selection, 7);
  dossier_test_iterate_pending ();
  str = dossier_test_tagged_spans (window, "entity-mention");
  g_assert_cmpstr (str, ==, "441-446,855-860");
  g_free (str);

  /* Unselecting clears them */
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  dossier_test_iterate_pending ();
  g_assert_null (dossier_entity_sidebar_get_selected_entity (sidebar));
  str = dossier_test_tagged_spans (window, "entity-mention");
  g_assert_cmpstr (str, ==, "");
  g_free (str);

  dossier_test_destroy_window (window);
}

static void
test_filter (void)
{
  DossierWindow *window;
  DossierEntitySidebar *sidebar;
  GtkEditable *entry;
  char *rows;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ("rail-line.txt");
  sidebar = _dossier_window_get_entity_sidebar (window);
  entry = _dossier_entity_sidebar_get_filter_entry (sidebar);

  /* By name, case-insensitive; empty sections lose their heading */
  gtk_editable_set_text (entry, "MAD");
  g_signal_emit_by_name (entry, "search-changed");
  dossier_test_run_for (50);
  rows = describe_sidebar (sidebar);
  g_assert_cmpstr (rows, ==, "# Places\nMadrid||1");
  g_free (rows);

  /* By role */
  gtk_editable_set_text (entry, "minister");
  g_signal_emit_by_name (entry, "search-changed");
  dossier_test_run_for (50);
  rows = describe_sidebar (sidebar);
  g_assert_cmpstr (rows, ==,
                   "# People\n"
                   "Helena Duarte|Minister|3\n"
                   "Paulo Mendes|Deputy Minister|2");
  g_free (rows);

  gtk_editable_set_text (entry, "nobody by this name");
  g_signal_emit_by_name (entry, "search-changed");
  dossier_test_run_for (50);
  g_assert_cmpstr (_dossier_entity_sidebar_get_page (sidebar), ==, "no-match");

  gtk_editable_set_text (entry, "");
  g_signal_emit_by_name (entry, "search-changed");
  dossier_test_run_for (50);
  g_assert_cmpstr (_dossier_entity_sidebar_get_page (sidebar), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (_dossier_entity_sidebar_get_selection (sidebar))),
                    ==, 10);

  dossier_test_destroy_window (window);
}

static void
test_timeline (void)
{
  DossierWindow *window;
  DossierTimelineView *timeline;
  GListModel *model;
  g_autofree char *dates = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *span = NULL;
  g_autoptr(DossierTimex) tuesday = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter cursor;
  guint tuesday_pos = G_MAXUINT;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ("rail-line.txt");
  timeline = _dossier_window_get_timeline_view (window);
  model = _dossier_timeline_view_get_model (timeline);
  buffer = _dossier_reader_view_get_buffer (window->reader_view);

  g_assert_cmpstr (_dossier_timeline_view_get_page (timeline), ==, "list");

  /* Chronological, at each date's precision; durations apart, in the
   * order of the text */
  dates = dossier_test_describe_timeline (window);
  g_assert_cmpstr (dates, ==,
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
                   "# Durations and Undated\n"
                   "Duration|forty years\n"
                   "Duration|last three years");

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (DOSSIER_IS_TIMEX (item) &&
          g_strcmp0 (dossier_timex_get_text (DOSSIER_TIMEX (item)), "Tuesday") == 0)
        {
          tuesday_pos = i;
          g_set_object (&tuesday, DOSSIER_TIMEX (item));
        }
    }

  /* The sentence, with the expression emphasised and escaped */
  markup = _dossier_timeline_format_sentence (tuesday);
  g_assert_cmpstr (markup, ==,
                   "The regional assembly approved the northern rail line on <b>Tuesday</b> "
                   "after a debate that ran past midnight, clearing the way for the first new "
                   "passenger line in the north in forty years.");

  /* Activating an entry selects its passage in the reader */
  g_signal_emit_by_name (_dossier_timeline_view_get_list_view (timeline), "activate", tuesday_pos);
  dossier_test_iterate_pending ();
  span = dossier_test_selected_span (window);
  g_assert_cmpstr (span, ==, "57-64");
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, 57);

  /* The timeline pane opens from the header bar */
  g_assert_false (gtk_revealer_get_reveal_child (window->timeline_revealer));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-timeline", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (window->timeline_revealer));

  dossier_test_destroy_window (window);
}

static char *
format (const char *value,
        const char *type,
        const char *precision,
        const char *first,
        const char *last)
{
  DossierTimexInit init = {
    .text = "x", .value = value, .timex_type = type, .precision = precision,
    .interval_start = first, .interval_end = last,
  };
  g_autoptr(DossierTimex) timex = _dossier_timex_new (&init);

  return _dossier_timeline_format_date (timex);
}

/* Every precision, in the C locale */
static void
test_date_formats (void)
{
  static const struct {
    const char *value, *type, *precision, *first, *last, *expected;
  } cases[] = {
    { "2025-11-25", "date", "day", "2025-11-25", "2025-11-25", "Tue 25 Nov 2025" },
    { "2025-11-25T14:30", "time", "time", "2025-11-25", "2025-11-25", "Tue 25 Nov 2025, 14:30" },
    { "2025-11-25TEV", "time", "part-of-day", "2025-11-25", "2025-11-25", "Tue 25 Nov 2025, evening" },
    { "2025-W47", "date", "week", "2025-11-17", "2025-11-23", "week of 17 Nov 2025" },
    { "2025-W43-WE", "date", "weekend", "2025-10-25", "2025-10-26", "weekend of 25 Oct 2025" },
    { "2025-10", "date", "month", "2025-10-01", "2025-10-31", "October 2025" },
    { "2022-02", "date", "month", "2022-02-01", "2022-02-28", "February 2022" },
    { "2025-Q3", "date", "quarter", "2025-07-01", "2025-09-30", "Q3 2025" },
    { "2025-H1", "date", "half-year", "2025-01-01", "2025-06-30", "first half of 2025" },
    { "2025-SU", "date", "season", "2025-06-01", "2025-08-31", "summer 2025" },
    { "2022", "date", "year", "2022-01-01", "2022-12-31", "2022" },
    { "199", "date", "decade", "1990-01-01", "1999-12-31", "the 1990s" },
    { "P3D", "duration", NULL, NULL, NULL, "Duration" },
    { "XXXX-WXX", "set", NULL, NULL, NULL, "Repeated" },
    { "PAST_REF", "date", NULL, NULL, NULL, "In the past" },
    /* what is known of a date the text gives only in part */
    { "XXXX-04-08", "date", NULL, NULL, NULL, "8 April, year unknown" },
    { "XXXX-02-30", "date", NULL, NULL, NULL, "Undated" },
    { "XXXX-11", "date", NULL, NULL, NULL, "November, year unknown" },
    { "XXXX-XX-XXT06:00", "time", NULL, NULL, NULL, "06:00, day unknown" },
    { "1989-WXX", "date", NULL, NULL, NULL, "a week in 1989" },
    { "XXXX-SU", "date", NULL, NULL, NULL, "Undated" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = format (cases[i].value, cases[i].type, cases[i].precision,
                                      cases[i].first, cases[i].last);

      g_assert_cmpstr (date, ==, cases[i].expected);
    }
}

/* The expression in bold, the sentence escaped */
static void
test_sentence_markup (void)
{
  DossierTimexInit init = {
    .text = "Tuesday", .value = "2025-11-25", .timex_type = "date",
    .start = 107, .end = 114, .sentence = "“A & B” <met> on Tuesday.",
    .sentence_start = 90, .precision = "day",
    .interval_start = "2025-11-25", .interval_end = "2025-11-25",
  };
  g_autoptr(DossierTimex) timex = _dossier_timex_new (&init);
  g_autofree char *markup = _dossier_timeline_format_sentence (timex);

  g_assert_cmpstr (markup, ==, "“A &amp; B” &lt;met&gt; on <b>Tuesday</b>.");
}

int
main (int    argc,
      char **argv)
{
  dossier_test_init (&argc, &argv, "analysis-ui", DOSSIER_TEST_DEFAULT);
  dossier_test_set_timeout (20 * G_USEC_PER_SEC);

  g_test_add_func ("/dossier/analysis-ui/sidebar", test_sidebar);
  g_test_add_func ("/dossier/analysis-ui/mentions", test_mentions);
  g_test_add_func ("/dossier/analysis-ui/filter", test_filter);
  g_test_add_func ("/dossier/analysis-ui/timeline", test_timeline);
  g_test_add_func ("/dossier/analysis-ui/date-formats", test_date_formats);
  g_test_add_func ("/dossier/analysis-ui/sentence-markup", test_sentence_markup);

  return dossier_test_run ();
}
