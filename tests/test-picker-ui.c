/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-picker-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-article.h"
#include "dossier-article-picker-private.h"
#include "dossier-document.h"
#include "dossier-test-utils.h"
#include "dossier-window-notes.h"
#include "dossier-window-private.h"

/* The list of the articles of a file that holds several (a database
 * export), in a real window (xvfb-run -a in CI). */

static const char *titles[] = {
  "Ferry service to the islands restored after storm",
  "Teachers vote to accept new pay deal; Union says agreement ends two years of dispute",
  "Editorial: A budget that pleases nobody",
};

static const char *details[] = {
  "The Evening Ledger · March 4, 2022 · Margaret O'Neill, Sam Whitaker",
  "Morning Chronicle (Dublin) · February 28, 2022 · Niamh Brennan",
  "Weekly Review · January 15, 2022",
};

static DossierWindow *
open_file (GFile *file)
{
  DossierWindow *window = dossier_test_open_window (file, DOSSIER_TEST_LOADED);

  dossier_test_run_for (50);

  return window;
}

static guint
n_annotations (DossierWindow *window)
{
  return g_list_model_get_n_items (dossier_document_get_annotations (_dossier_window_get_document (window)));
}

static void
pick (DossierWindow *window,
      guint          position)
{
  GtkListView *list_view = _dossier_article_picker_get_list_view (window->article_picker);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.pick-article", NULL));
  dossier_test_run_for (50);
  gtk_widget_activate_action (GTK_WIDGET (list_view), "list.activate-item", "u", position);
  dossier_test_run_for (50);
  g_assert_cmpstr (dossier_article_get_title (dossier_window_get_article (window)), ==, titles[position]);
  dossier_test_wait_window (window, DOSSIER_TEST_NOTES);
  dossier_test_run_for (50);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (labels, (gpointer)gtk_label_get_label (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* The rows the list shows, as "title\ndetails". */
static GPtrArray *
shown_rows (GtkListView *list_view)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      if (!gtk_widget_get_visible (row))
        continue;
      collect_labels (row, labels);
      if (labels->len == 0)
        continue;
      g_ptr_array_add (labels, NULL);
      g_ptr_array_add (rows, g_strjoinv ("\n", (char **)labels->pdata));
    }

  return rows;
}

static void
assert_rows (GtkListView *list_view,
             const guint *expected,
             guint        n_expected)
{
  g_autoptr(GPtrArray) rows = shown_rows (list_view);

  g_assert_cmpuint (rows->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autofree char *want = g_strconcat (titles[expected[i]], "\n", details[expected[i]], NULL);

      g_assert_cmpstr (g_ptr_array_index (rows, i), ==, want);
    }
}

static void
test_pick (void)
{
  g_autoptr(GFile) file = NULL;
  DossierWindow *window;
  GtkListView *list_view;
  GFile *clipping;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  file = dossier_test_fixture_file ("exports", "lexis-three.txt");
  window = open_file (file);
  list_view = _dossier_article_picker_get_list_view (window->article_picker);

  /* The list, not the first article. */
  g_assert_cmpstr (dossier_test_visible_page (window), ==, "picker");
  g_assert_null (dossier_window_get_article (window));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "lexis-three.txt");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "3 Articles in This File");
  g_assert_true (gtk_widget_get_visible (window->articles_button));
  assert_rows (list_view, (const guint[]) { 0, 1, 2 }, 3);
  /* The keyboard starts in the list: arrows move, Enter opens. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (list_view)));

  /* The second row, as a click or Enter would. */
  gtk_widget_activate_action (GTK_WIDGET (list_view), "list.activate-item", "u", 1);
  dossier_test_run_for (50);
  g_assert_cmpstr (dossier_test_visible_page (window), ==, "reader");
  g_assert_nonnull (dossier_window_get_article (window));
  g_assert_cmpstr (dossier_article_get_title (dossier_window_get_article (window)), ==, titles[1]);
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, titles[1]);
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "lexis-three.txt (2 of 3)");

  /* Its notes go by a name of their own. */
  clipping = _dossier_window_get_clipping (window);
  g_assert_true (g_str_has_suffix (g_file_peek_path (clipping), "lexis-three.txt#2"));

  /* Back to the list, the article read selected; Escape returns to it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.pick-article", NULL));
  dossier_test_run_for (50);
  g_assert_cmpstr (dossier_test_visible_page (window), ==, "picker");
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "lexis-three.txt");
  assert_rows (list_view, (const guint[]) { 0, 1, 2 }, 3);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_view))),
                    ==, 1);
  g_signal_emit_by_name (window->article_picker, "cancelled");
  g_assert_cmpstr (dossier_test_visible_page (window), ==, "reader");
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, titles[1]);

  /* The first article keeps the file's name for its notes. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.pick-article", NULL);
  gtk_widget_activate_action (GTK_WIDGET (list_view), "list.activate-item", "u", 0);
  dossier_test_run_for (50);
  g_assert_cmpstr (dossier_article_get_title (dossier_window_get_article (window)), ==, titles[0]);
  g_assert_true (g_file_equal (_dossier_window_get_clipping (window), file));

  dossier_test_destroy_window (window);
}

/* A highlight in one article of the file is not in the others, and is
 * there again when the article is read again. */
static void
test_notes_per_article (void)
{
  g_autoptr(GFile) file = NULL;
  DossierWindow *window;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  file = dossier_test_fixture_file ("exports", "lexis-three.txt");
  window = open_file (file);

  pick (window, 1);
  g_assert_cmpuint (n_annotations (window), ==, 0);
  dossier_test_select_text (window, "new pay agreement");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight", NULL));
  dossier_test_iterate_pending ();
  g_assert_cmpuint (n_annotations (window), ==, 1);

  pick (window, 0);
  g_assert_cmpuint (n_annotations (window), ==, 0);
  pick (window, 2);
  g_assert_cmpuint (n_annotations (window), ==, 0);
  pick (window, 1);
  g_assert_cmpuint (n_annotations (window), ==, 1);

  dossier_test_destroy_window (window);
}

static void
test_filter (void)
{
  g_autoptr(GFile) file = NULL;
  DossierWindow *window;
  GtkListView *list_view;
  GtkSearchEntry *entry;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  file = dossier_test_fixture_file ("exports", "lexis-three.txt");
  window = open_file (file);
  list_view = _dossier_article_picker_get_list_view (window->article_picker);
  entry = _dossier_article_picker_get_search_entry (window->article_picker);

  /* By source, by date, by title; case does not matter. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "chronicle");
  g_signal_emit_by_name (entry, "search-changed");
  dossier_test_run_for (50);
  assert_rows (list_view, (const guint[]) { 1 }, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "2022");
  g_signal_emit_by_name (entry, "search-changed");
  dossier_test_run_for (50);
  assert_rows (list_view, (const guint[]) { 0, 1, 2 }, 3);

  gtk_editable_set_text (GTK_EDITABLE (entry), "BUDGET");
  g_signal_emit_by_name (entry, "search-changed");
  dossier_test_run_for (50);
  assert_rows (list_view, (const guint[]) { 2 }, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "no such article");
  g_signal_emit_by_name (entry, "search-changed");
  dossier_test_run_for (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view))), ==, 0);

  /* Enter in the filter opens the first match, the right one of the file. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "editorial");
  g_signal_emit_by_name (entry, "search-changed");
  dossier_test_run_for (50);
  g_signal_emit_by_name (entry, "activate");
  dossier_test_run_for (50);
  g_assert_cmpstr (dossier_test_visible_page (window), ==, "reader");
  g_assert_cmpstr (dossier_article_get_title (dossier_window_get_article (window)), ==, titles[2]);
  g_assert_true (g_str_has_suffix (g_file_peek_path (_dossier_window_get_clipping (window)),
                                   "lexis-three.txt#3"));

  /* Back in the list, the filter is gone. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.pick-article", NULL);
  dossier_test_run_for (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  assert_rows (list_view, (const guint[]) { 0, 1, 2 }, 3);

  dossier_test_destroy_window (window);
}

static void
test_single_article (void)
{
  g_autoptr(GFile) file = NULL;
  DossierWindow *window;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  /* One article: straight to it, no list, no button. */
  file = dossier_test_fixture_file ("app", "tidal-turbines.txt");
  window = open_file (file);
  g_assert_cmpstr (dossier_test_visible_page (window), ==, "reader");
  g_assert_false (gtk_widget_get_visible (window->articles_button));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.pick-article", NULL) &&
                  g_strcmp0 (dossier_test_visible_page (window), "picker") == 0);
  g_assert_true (g_file_equal (_dossier_window_get_clipping (window), file));

  /* Then a file with several: the list replaces the article. */
  {
    g_autoptr(GFile) three = dossier_test_fixture_file ("exports", "proquest-three.txt");

    dossier_test_open_file (window, three, DOSSIER_TEST_LOADED);
    dossier_test_run_for (50);
    g_assert_cmpstr (dossier_test_visible_page (window), ==, "picker");
    g_assert_null (dossier_window_get_article (window));
    g_assert_true (gtk_widget_get_visible (window->articles_button));
  }

  dossier_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  dossier_test_init (&argc, &argv, "picker-ui", DOSSIER_TEST_DEFAULT);

  g_test_add_func ("/dossier/picker-ui/pick", test_pick);
  g_test_add_func ("/dossier/picker-ui/notes-per-article", test_notes_per_article);
  g_test_add_func ("/dossier/picker-ui/filter", test_filter);
  g_test_add_func ("/dossier/picker-ui/single-article", test_single_article);

  return dossier_test_run ();
}
