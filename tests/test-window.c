/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-article.h"
#include "dossier-reader-view-private.h"
#include "dossier-test-utils.h"
#include "dossier-window-private.h"

/* Real DossierWindow widgets on a real display (xvfb-run -a in CI). */

static GFile *
fixture_file (const char *name)
{
  return dossier_test_fixture_file ("app", name);
}

static DossierWindow *
open_fixture (const char *name)
{
  g_autoptr(GFile) file = fixture_file (name);

  return dossier_test_open_window (file, DOSSIER_TEST_LOADED);
}

static char *
selected_text (DossierReaderView *view)
{
  GtkTextBuffer *buffer = _dossier_reader_view_get_buffer (view);
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return g_strdup ("");

  return gtk_text_iter_get_text (&start, &end);
}

static void
test_empty_state (void)
{
  DossierWindow *window;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = dossier_test_new_window ();

  g_assert_true (dossier_window_is_empty (window));
  g_assert_cmpstr (dossier_test_visible_page (window), ==, "empty");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Dossier");
  /* Nothing to find in an empty window: the action is disabled. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  dossier_test_iterate_pending ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (_dossier_reader_view_get_find_entry (window->reader_view))));

  dossier_test_destroy_window (window);
}

/* The header from an article built here: independent of the importer. */
static void
test_header (void)
{
  const char *authors[] = { "Mara Calloway", "Tunde Oyelaran", NULL };
  g_autoptr(GDateTime) published = g_date_time_new_utc (2024, 3, 14, 0, 0, 0);
  g_autoptr(DossierArticle) article = NULL;
  DossierReaderView *view;
  GtkWidget *window;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  article = g_object_new (DOSSIER_TYPE_ARTICLE,
                          "title", "Harbour Council Backs Tidal Turbines",
                          "subtitle", "A narrow vote clears the way",
                          "source", "The Northern Ledger",
                          "edition", "National edition",
                          "page", "B3",
                          "dateline", "PORTHAVEN",
                          "authors", authors,
                          "published", published,
                          "text", "First paragraph.\n\nSecond paragraph.",
                          NULL);

  window = gtk_window_new ();
  view = DOSSIER_READER_VIEW (dossier_reader_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));

  dossier_reader_view_set_article (view, article);
  dossier_test_iterate_pending ();

  g_assert_cmpstr (_dossier_reader_view_get_header_text (view, "title"), ==,
                   "Harbour Council Backs Tidal Turbines");
  g_assert_cmpstr (_dossier_reader_view_get_header_text (view, "dek"), ==,
                   "A narrow vote clears the way");
  g_assert_cmpstr (_dossier_reader_view_get_header_text (view, "kicker"), ==,
                   "The Northern Ledger · National edition · Page B3");
  g_assert_cmpstr (_dossier_reader_view_get_header_text (view, "byline"), ==,
                   "By Mara Calloway & Tunde Oyelaran");
  g_assert_cmpstr (_dossier_reader_view_get_header_text (view, "meta"), ==,
                   "PORTHAVEN · March 14, 2024");

  /* Buffer offsets are the article's offsets: annotations rely on it. */
  {
    GtkTextBuffer *buffer = _dossier_reader_view_get_buffer (view);
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_iter_get_text (&start, &end);
    g_assert_cmpstr (text, ==, dossier_article_get_text (article));
  }

  dossier_reader_view_set_article (view, NULL);
  g_assert_cmpstr (_dossier_reader_view_get_header_text (view, "title"), ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_iterate_pending ();
}

static void
test_open (void)
{
  DossierWindow *window;
  DossierArticle *article;
  DossierReaderView *view;
  GDateTime *published;
  const char *title;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ("tidal-turbines.txt");
  view = window->reader_view;

  g_assert_null (dossier_test_find_error_dialog (window));
  g_assert_cmpstr (dossier_test_visible_page (window), ==, "reader");
  g_assert_nonnull ((article = dossier_window_get_article (window)));
  g_assert_true (dossier_reader_view_get_article (view) == article);
  /* The text has the focus: Page Down reads on without a click. */
  g_assert_true (GTK_IS_TEXT_VIEW (gtk_root_get_focus (GTK_ROOT (window))));

  /* The window is named after the article, or the file when it has no title. */
  title = dossier_article_get_title (article);
  if (title != NULL)
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  else
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "tidal-turbines.txt");

  /* The header shows what the importer found: title, source, date. */
  g_assert_cmpstr (_dossier_reader_view_get_header_text (view, "title"), ==, title ? title : "");
  if (dossier_article_get_source (article) != NULL)
    g_assert_nonnull (strstr (_dossier_reader_view_get_header_text (view, "kicker"),
                              dossier_article_get_source (article)));
  if ((published = dossier_article_get_published (article)) != NULL)
    {
      g_autofree char *year = g_date_time_format (published, "%Y");

      g_assert_nonnull (strstr (_dossier_reader_view_get_header_text (view, "meta"), year));
    }

  /* Once the text importer reads this clipping's structure, these hold. */
  if (title != NULL)
    {
      g_assert_cmpstr (title, ==, "Harbour Council Backs Tidal Turbines Despite Fishermen's Doubts");
      g_assert_nonnull (strstr (_dossier_reader_view_get_header_text (view, "kicker"),
                                "Northern Ledger"));
      g_assert_nonnull (strstr (_dossier_reader_view_get_header_text (view, "meta"),
                                "March 14, 2024"));
    }
  else
    g_test_message ("The text importer found no title in the fixture yet");

  dossier_test_destroy_window (window);
}

/* The label showing @text among @widget's descendants. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found)
        return found;
    }

  return NULL;
}

/* The header above the text, scrolling with it; and the text view is
 * the scrolled window's scrollable, so that it draws only what is on
 * screen (in a viewport it drew all of a 10 MB text at every change). */
static void
test_header_scrolls (void)
{
  DossierWindow *window;
  DossierReaderView *view;
  GtkTextView *text_view;
  GtkAdjustment *vadj;
  GtkWidget *title;
  GtkTextIter start;
  GdkRectangle first_line;
  graphene_rect_t bounds, scrolled;
  int x, y;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ("tidal-turbines.txt");
  view = window->reader_view;
  text_view = _dossier_reader_view_get_text_view (view);
  vadj = _dossier_reader_view_get_vadjustment (view);
  dossier_test_run_for (100);

  g_assert_true (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view)) == vadj);

  /* The title sits above the first line of the text, over the same column */
  title = find_label (GTK_WIDGET (text_view), _dossier_reader_view_get_header_text (view, "title"));
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_compute_bounds (title, GTK_WIDGET (text_view), &bounds));
  gtk_text_buffer_get_start_iter (_dossier_reader_view_get_buffer (view), &start);
  gtk_text_view_get_iter_location (text_view, &start, &first_line);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         first_line.x, first_line.y, &x, &y);
  g_assert_cmpfloat (bounds.origin.y, >, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <, y);
  g_assert_cmpfloat_with_epsilon (bounds.origin.x, x, 1);

  /* Scrolled, they move together */
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj), >, 100);
  gtk_adjustment_set_value (vadj, 100);
  dossier_test_run_for (100);
  g_assert_true (gtk_widget_compute_bounds (title, GTK_WIDGET (text_view), &scrolled));
  g_assert_cmpfloat_with_epsilon (scrolled.origin.y, bounds.origin.y - 100, 1);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         first_line.x, first_line.y, &x, &y);
  g_assert_cmpfloat (scrolled.origin.y + scrolled.size.height, <, y);

  dossier_test_destroy_window (window);
}

/* A web page saved "complete": opening (or dropping) its page_files
 * folder opens the page, named after the page. */
static void
test_saved_page_folder (void)
{
  static const char html[] =
    "<html><head><title>Harbour Wall Repaired</title></head><body><article>"
    "<h1>Harbour Wall Repaired</h1><p>The harbour wall that collapsed in the "
    "January storm has been rebuilt, the council said on Monday, three weeks "
    "ahead of the schedule it set for the work.</p></article></body></html>";
  g_autofree char *dir = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) page = NULL;
  g_autoptr(GFile) files = NULL;
  DossierWindow *window;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  dir = g_dir_make_tmp ("dossier-test-XXXXXX", NULL);
  folder = g_file_new_for_path (dir);
  page = g_file_get_child (folder, "harbour.html");
  files = g_file_get_child (folder, "harbour_files");
  g_assert_true (g_file_replace_contents (page, html, strlen (html), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  g_assert_true (g_file_make_directory (files, NULL, NULL));

  window = dossier_test_new_window ();
  dossier_test_open_file (window, files, DOSSIER_TEST_LOADED);

  g_assert_null (dossier_test_find_error_dialog (window));
  g_assert_cmpstr (dossier_test_visible_page (window), ==, "reader");
  g_assert_true (g_file_equal (dossier_window_get_file (window), page));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Harbour Wall Repaired");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "harbour.html");

  dossier_test_destroy_window (window);
  g_file_delete (files, NULL, NULL);
  g_file_delete (page, NULL, NULL);
  g_file_delete (folder, NULL, NULL);
}

static void
test_untitled (void)
{
  DossierWindow *window;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ("untitled-notes.txt");

  g_assert_cmpstr (dossier_test_visible_page (window), ==, "reader");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "untitled-notes.txt");

  dossier_test_destroy_window (window);
}

static void
set_find_text (DossierWindow *window,
               const char    *text)
{
  GtkEditable *entry = _dossier_reader_view_get_find_entry (window->reader_view);

  gtk_editable_set_text (entry, text);
  /* GtkSearchEntry reports changes after a short delay, which a loaded
   * machine may stretch: report this one now. */
  g_signal_emit_by_name (entry, "search-changed");
  dossier_test_run_for (50);
}

static gboolean
loaded (gpointer window)
{
  return !dossier_window_is_loading (window);
}

static gboolean
match_text_is (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (_dossier_reader_view_get_match_text (DOSSIER_WINDOW (args[0])->reader_view),
                    args[1]) == 0;
}

static void
wait_match_text (DossierWindow *window,
                 const char    *text)
{
  gpointer args[] = { window, (gpointer) text };

  dossier_test_iterate_until (match_text_is, args,
                              g_get_monotonic_time () + dossier_test_get_timeout ());
  g_assert_cmpstr (_dossier_reader_view_get_match_text (window->reader_view), ==, text);
}

static void
test_find (void)
{
  DossierWindow *window;
  DossierReaderView *view;
  char *selected;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ("tidal-turbines.txt");
  view = window->reader_view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  dossier_test_iterate_pending ();

  /* Case-insensitive: the fixture writes "Kestrel" twice. (The search
   * runs in slices when the first 20 ms do not reach the end of the text,
   * as under a sanitizer: the count is final without its "…".) */
  set_find_text (window, "kestrel");
  wait_match_text (window, "1 of 2");
  selected = selected_text (view);
  g_assert_cmpstr (selected, ==, "Kestrel");
  g_free (selected);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL);
  g_assert_cmpstr (_dossier_reader_view_get_match_text (view), ==, "2 of 2");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL);
  g_assert_cmpstr (_dossier_reader_view_get_match_text (view), ==, "1 of 2");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-previous", NULL);
  g_assert_cmpstr (_dossier_reader_view_get_match_text (view), ==, "2 of 2");

  set_find_text (window, "no such words here");
  wait_match_text (window, "No matches");

  set_find_text (window, "");
  g_assert_cmpstr (_dossier_reader_view_get_match_text (view), ==, "");

  dossier_test_destroy_window (window);
}

/* Asserts that every match of @query (ASCII) that the reader shows
 * carries the find highlight; returns how many it shows. */
static guint
assert_visible_matches_tagged (DossierWindow *window,
                               const char    *query)
{
  GtkTextBuffer *buffer = _dossier_reader_view_get_buffer (window->reader_view);
  g_autofree char *text = NULL;
  guint first, last, shown = 0;
  GtkTextIter a, b;
  gsize len = strlen (query);

  _dossier_reader_view_get_visible_range (window->reader_view, &first, &last);
  g_assert_cmpuint (first, <, last);
  gtk_text_buffer_get_iter_at_offset (buffer, &a, first);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, last);
  text = gtk_text_buffer_get_slice (buffer, &a, &b, TRUE);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_strncasecmp (p, query, len) == 0)
      {
        guint offset = first + g_utf8_pointer_to_offset (text, p);

        g_assert_true (dossier_test_has_tag_at (window, offset, "find-match"));
        g_assert_true (dossier_test_has_tag_at (window, offset + len - 1, "find-match"));
        shown++;
        p += len - 1;
      }

  return shown;
}

/* A 2 MB clipping with a word tens of thousands of times: every match is
 * counted, in the background, those on screen are highlighted, not all of
 * them, and stepping reaches the last one at the end of the text. */
static void
test_find_large (void)
{
  g_autofree char *src = dossier_test_fixture_path ("app", "tidal-turbines.txt");
  g_autofree char *dest = g_build_filename (dossier_test_get_home (), "large-find.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *spans = NULL;
  g_autofree char *first_label = NULL;
  g_autofree char *last_label = NULL;
  g_autoptr(GFile) file = NULL;
  GtkTextBuffer *buffer;
  DossierWindow *window;
  GtkTextIter start, end;
  guint n = 0, last = 0;
  GString *big;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  g_assert_true (g_file_get_contents (src, &contents, NULL, NULL));
  big = g_string_new (contents);
  /* Under a sanitizer, where everything is several times slower, a
   * quarter of it: still thousands of matches, past the 1,000 tagged at
   * once */
  while (big->len < (g_getenv ("HOSTILE_TIME_SCALE") ? 500 : 2000) * 1000)
    {
      g_string_append (big, "\n\n");
      g_string_append (big, contents);
    }
  dossier_test_write_file (dest, big->str, big->len);
  g_string_free (big, TRUE);
  file = g_file_new_for_path (dest);

  window = dossier_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  dossier_window_open_file (window, file);
  dossier_test_iterate_until (loaded, window, g_get_monotonic_time () + 4 * dossier_test_get_timeout ());
  g_assert_false (dossier_window_is_loading (window));

  /* How many times the reader's text says "the", and where last. */
  buffer = _dossier_reader_view_get_buffer (window->reader_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  {
    const char *counted = text;
    guint offset = 0;

    for (const char *p = text; *p != '\0'; p++)
      if (g_ascii_strncasecmp (p, "the", 3) == 0)
        {
          offset += g_utf8_pointer_to_offset (counted, p);
          counted = p;
          last = offset;
          n++;
          p += 2;
        }
  }
  g_assert_cmpuint (n, >, 10000);
  first_label = g_strdup_printf ("1 of %u", n);
  last_label = g_strdup_printf ("%u of %u", n, n);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  dossier_test_iterate_pending ();
  set_find_text (window, "the");

  /* Shift+Enter at once, while the rest is still searched: to the last
   * one, once found. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-previous", NULL);
  wait_match_text (window, last_label);
  g_assert_true (dossier_test_has_tag_at (window, last, "find-current"));
  g_assert_true (dossier_test_has_tag_at (window, last, "find-match"));
  g_assert_false (dossier_test_has_tag_at (window, 0, "find-match"));
  /* and it is on screen, with the matches around it */
  dossier_test_run_for (1000);
  {
    GtkTextView *view = _dossier_reader_view_get_text_view (window->reader_view);
    GdkRectangle visible, location;
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_offset (buffer, &iter, last);
    gtk_text_view_get_iter_location (view, &iter, &location);
    gtk_text_view_get_visible_rect (view, &visible);
    g_assert_cmpint (location.y, >=, visible.y);
    g_assert_cmpint (location.y + location.height, <=, visible.y + visible.height);
  }
  g_assert_cmpuint (assert_visible_matches_tagged (window, "the"), >, 0);

  /* Not every match carries the tag: a few screens' worth. */
  spans = dossier_test_tagged_spans (window, "find-match");
  g_assert_cmpuint (strlen (spans), <, n * strlen ("1234567-1234570,") / 10);

  /* Around to the first, at the top, highlighted too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL);
  g_assert_cmpstr (_dossier_reader_view_get_match_text (window->reader_view), ==, first_label);
  dossier_test_run_for (500);
  g_assert_cmpuint (assert_visible_matches_tagged (window, "the"), >, 0);
  g_assert_false (dossier_test_has_tag_at (window, last, "find-match"));

  /* Scrolling on, the matches there get it before they show. */
  {
    GtkAdjustment *vadj = _dossier_reader_view_get_vadjustment (window->reader_view);

    gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj) / 2);
    dossier_test_run_for (300);
    g_assert_cmpuint (assert_visible_matches_tagged (window, "the"), >, 0);
  }

  /* Closed: no highlight left anywhere. */
  dossier_reader_view_end_find (window->reader_view);
  dossier_test_iterate_pending ();
  g_clear_pointer (&spans, g_free);
  spans = dossier_test_tagged_spans (window, "find-match");
  g_assert_cmpstr (spans, ==, "");
  g_clear_pointer (&spans, g_free);
  spans = dossier_test_tagged_spans (window, "find-current");
  g_assert_cmpstr (spans, ==, "");

  dossier_test_destroy_window (window);
  g_unlink (dest);
}

static void
check_bad_file (GFile      *file,
                const char *name)
{
  DossierWindow *window = dossier_test_new_window ();
  AdwMessageDialog *dialog;
  g_autoptr(GFile) good = NULL;

  dossier_test_open_file (window, file, DOSSIER_TEST_LOADED);

  /* A dialog names the file and says why; the window stays empty. */
  dialog = dossier_test_find_error_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), name));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog),
                  adw_message_dialog_get_body (dialog));

  g_assert_null (dossier_window_get_article (window));
  g_assert_true (dossier_window_is_empty (window));
  g_assert_cmpstr (dossier_test_visible_page (window), ==, "empty");

  gtk_window_destroy (GTK_WINDOW (dialog));
  dossier_test_iterate_pending ();

  /* The window still works. */
  good = fixture_file ("tidal-turbines.txt");
  dossier_test_open_file (window, good, DOSSIER_TEST_LOADED);
  g_assert_nonnull (dossier_window_get_article (window));
  g_assert_cmpstr (dossier_test_visible_page (window), ==, "reader");

  /* A bad file over an article keeps the article. */
  dossier_test_open_file (window, file, DOSSIER_TEST_LOADED);
  g_assert_nonnull ((dialog = dossier_test_find_error_dialog (window)));
  g_assert_nonnull (dossier_window_get_article (window));
  g_assert_true (g_file_equal (dossier_window_get_file (window), good));
  g_assert_cmpstr (dossier_test_visible_page (window), ==, "reader");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dossier_test_destroy_window (window);
}

static void
test_bad_files (void)
{
  g_autoptr(GFile) empty = fixture_file ("empty.txt");
  g_autoptr(GFile) png = fixture_file ("photo.png");
  g_autoptr(GFile) missing = fixture_file ("no-such-clipping.txt");
  g_autoptr(GFile) dir = fixture_file ("");
  g_autofree char *tmp_dir = NULL;
  g_autofree char *invalid_path = NULL;
  g_autoptr(GFile) invalid = NULL;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  check_bad_file (empty, "empty.txt");
  check_bad_file (png, "photo.png");
  check_bad_file (missing, "no-such-clipping.txt");
  check_bad_file (dir, "app");

  /* Damaged UTF-8: valid multi-byte sequences, then a broken one. */
  tmp_dir = g_dir_make_tmp ("dossier-test-XXXXXX", NULL);
  invalid_path = g_build_filename (tmp_dir, "damaged.txt", NULL);
  g_assert_true (g_file_set_contents (invalid_path, "Caf\xc3\xa9 \xc3\xa9t\xc3\xa9 \xc3\x28 broken\n", -1, NULL));
  invalid = g_file_new_for_path (invalid_path);
  check_bad_file (invalid, "damaged.txt");
  g_unlink (invalid_path);

  /* Over the size limit: refused before it is read (sparse, so cheap). */
  {
    g_autofree char *large_path = g_build_filename (tmp_dir, "huge.txt", NULL);
    g_autoptr(GFile) large = g_file_new_for_path (large_path);
    FILE *fp = fopen (large_path, "w");

    g_assert_nonnull (fp);
    g_assert_cmpint (fseek (fp, 65 * 1024 * 1024, SEEK_SET), ==, 0);
    fputc ('a', fp);
    fclose (fp);
    check_bad_file (large, "huge.txt");
    g_unlink (large_path);
  }

  /* A file nobody may read (root reads anything: then there is no case). */
  if (geteuid () != 0)
    {
      g_autofree char *locked_path = g_build_filename (tmp_dir, "locked.txt", NULL);
      g_autoptr(GFile) locked = g_file_new_for_path (locked_path);

      g_assert_true (g_file_set_contents (locked_path, "A secret.\n", -1, NULL));
      g_chmod (locked_path, 0);
      check_bad_file (locked, "locked.txt");
      g_unlink (locked_path);
    }

  g_rmdir (tmp_dir);
}

static void
test_zoom (void)
{
  g_autoptr(GSettings) settings = dossier_application_dup_settings ();
  DossierWindow *window;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  g_settings_set_double (settings, "zoom", 1.0);
  window = open_fixture ("tidal-turbines.txt");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 1.1, 0.001);
  g_assert_cmpfloat_with_epsilon (dossier_reader_view_get_zoom (window->reader_view), 1.1, 0.001);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 1.2, 0.001);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 0.9, 0.001);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 1.0, 0.001);

  /* A change of the setting elsewhere (another window) applies here. */
  g_settings_set_double (settings, "zoom", 1.5);
  g_assert_cmpfloat_with_epsilon (dossier_reader_view_get_zoom (window->reader_view), 1.5, 0.001);
  g_settings_set_double (settings, "zoom", 1.0);

  dossier_test_destroy_window (window);
}

static void
test_window_size (void)
{
  g_autoptr(GSettings) settings = dossier_application_dup_settings ();
  DossierWindow *window;
  int width, height;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 700);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = dossier_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 700);

  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  dossier_test_iterate_pending ();

  gtk_window_close (GTK_WINDOW (window));
  dossier_test_iterate_pending ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static gboolean
has_article (gpointer window)
{
  return dossier_window_get_article (window) != NULL;
}

static void
test_paste (void)
{
  DossierWindow *window;
  GdkClipboard *clipboard;
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *contents = NULL;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = dossier_test_new_window ();
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  gdk_clipboard_set_text (clipboard, "The lighthouse keeper retired on Friday.\n\nHe had kept the lamp for forty years.\n");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste", NULL));

  dossier_test_run_until (has_article, window);
  dossier_test_wait_window (window, DOSSIER_TEST_LOADED);

  /* Saved as a new clipping in the user's data folder, then opened. */
  g_assert_nonnull (dossier_window_get_article (window));
  file = g_object_ref (dossier_window_get_file (window));
  dir = g_build_filename (g_get_user_data_dir (), "dossier", "clippings", NULL);
  g_assert_true (g_str_has_prefix (g_file_peek_path (file), dir));
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "The lighthouse keeper"));

  /* A clipboard without text opens nothing and says so. */
  gdk_clipboard_set_text (clipboard, "   \n");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.paste", NULL);
  dossier_test_run_for (200);
  g_assert_true (g_file_equal (dossier_window_get_file (window), file));

  dossier_test_destroy_window (window);
}

static void
test_file_chooser (void)
{
  DossierWindow *window;
  GtkWidget *chooser;
  g_autoptr(GListModel) filters = NULL;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = dossier_test_new_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  dossier_test_run_for (200);

  /* Without a portal GtkFileChooserNative shows GTK's own dialog. */
  chooser = (GtkWidget *) dossier_test_find_transient (window, GTK_TYPE_FILE_CHOOSER);

  if (chooser == NULL)
    {
      g_test_skip ("The file chooser is a portal's, out of reach here");
      dossier_test_destroy_window (window);
      return;
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 5);
  g_assert_true (gtk_file_chooser_get_select_multiple (GTK_FILE_CHOOSER (chooser)));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dossier_test_iterate_pending ();

  g_assert_true (dossier_window_is_empty (window));
  dossier_test_destroy_window (window);
}

static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GObject *overlay;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  /* GtkApplication loads it by its path for every window: it must parse. */
  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_application (void)
{
  g_autoptr(GSettings) settings = dossier_application_dup_settings ();
  g_autoptr(DossierApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  AdwStyleManager *style_manager;
  GList *windows;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  app = g_object_new (DOSSIER_TYPE_APPLICATION,
                      "application-id", APP_ID,
                      "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                      NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  /* The style follows the setting, and the menu's choice sets it. */
  style_manager = adw_style_manager_get_default ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "style", g_variant_new_string ("dark"));
  {
    g_autofree char *variant = g_settings_get_string (settings, "style-variant");
    g_assert_cmpstr (variant, ==, "dark");
  }
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "style-variant", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_action_group_activate_action (G_ACTION_GROUP (app), "style", g_variant_new_string ("default"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  /* Two files, two windows. */
  {
    g_autoptr(GFile) a = fixture_file ("tidal-turbines.txt");
    g_autoptr(GFile) b = fixture_file ("untitled-notes.txt");
    GFile *files[] = { a, b };

    g_application_open (G_APPLICATION (app), files, 2, "");
    windows = gtk_application_get_windows (GTK_APPLICATION (app));
    g_assert_cmpuint (g_list_length (windows), ==, 2);
    for (GList *l = windows; l; l = l->next)
      dossier_test_wait_window (l->data, DOSSIER_TEST_LOADED);
    for (GList *l = windows; l; l = l->next)
      g_assert_nonnull (dossier_window_get_article (l->data));
  }

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 3);

  /* Quit closes every window (each saves its size). */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  dossier_test_iterate_pending ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

int
main (int    argc,
      char **argv)
{
  dossier_test_init (&argc, &argv, "window", DOSSIER_TEST_DEFAULT);

  g_test_add_func ("/dossier/window/empty-state", test_empty_state);
  g_test_add_func ("/dossier/window/header", test_header);
  g_test_add_func ("/dossier/window/open", test_open);
  g_test_add_func ("/dossier/window/header-scrolls", test_header_scrolls);
  g_test_add_func ("/dossier/window/untitled", test_untitled);
  g_test_add_func ("/dossier/window/saved-page-folder", test_saved_page_folder);
  g_test_add_func ("/dossier/window/find", test_find);
  g_test_add_func ("/dossier/window/find-large", test_find_large);
  g_test_add_func ("/dossier/window/bad-files", test_bad_files);
  g_test_add_func ("/dossier/window/zoom", test_zoom);
  g_test_add_func ("/dossier/window/window-size", test_window_size);
  g_test_add_func ("/dossier/window/paste", test_paste);
  g_test_add_func ("/dossier/window/file-chooser", test_file_chooser);
  g_test_add_func ("/dossier/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/dossier/window/application", test_application);

  return dossier_test_run ();
}
