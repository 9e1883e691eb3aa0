/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-test-utils"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <time.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "dossier-article.h"
#include "dossier-document.h"
#include "dossier-entity-sidebar-private.h"
#include "dossier-reader-view-private.h"
#include "dossier-test-utils.h"
#include "dossier-timeline-row-private.h"
#include "dossier-timeline-view-private.h"
#include "dossier-timex.h"
#include "dossier-window-analysis.h"
#include "dossier-window-notes.h"
#include "dossier-window-private.h"

/* The widget tests open real windows on a real display (xvfb-run -a in
 * CI) and wait on the main loop for what the app does in the background:
 * loading, the notes, the analysis, saving. */

static gboolean have_display;
static char *home;
static gint64 timeout_usec = 10 * G_USEC_PER_SEC;

/* Warnings are fatal in tests, but for one of GTK 4.8's own: "Trying to
 * snapshot GtkGizmo … without a current allocation", a part of one of
 * GTK's widgets (most likely a scroll bar's slider or trough; Dossier's
 * code draws no GtkGizmo) drawn while it waits for a new allocation. It
 * showed up in 3 of about 15 runs of the widget tests on a loaded machine
 * and could not be reproduced alone. It is still printed, not fatal; every
 * other message goes to GLib's writer, as fatal as before. */
static GLogWriterOutput
write_log (GLogLevelFlags   log_level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0 && fields[i].length < 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gtk") == 0 && message != NULL &&
      g_str_has_prefix (message, "Trying to snapshot GtkGizmo ") &&
      g_str_has_suffix (message, " without a current allocation"))
    {
      g_printerr ("Gtk-WARNING (tolerated): %s\n", message);
      return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/**
 * dossier_test_init:
 * @argc: the address of main()'s argc
 * @argv: the address of main()'s argv
 * @name: the test program's unit, for the name of its temporary folder
 * @flags: how to set up GTK
 *
 * Sets up a widget test program: the user's folders (notes, recent files,
 * pasted clippings, settings) in a temporary folder of its own, the C
 * locale, GTK without an accessibility bus, without animations and with
 * the cairo renderer, then g_test_init() and GTK. Without a display the
 * test cases skip themselves (DOSSIER_TEST_REQUIRE_DISPLAY()).
 */
void
dossier_test_init (int              *argc,
                   char           ***argv,
                   const char       *name,
                   DossierTestFlags  flags)
{
  static const char *user_dirs[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };
  g_autofree char *template = NULL;

  g_return_if_fail (argc != NULL);
  g_return_if_fail (argv != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (home == NULL);

  /* The system folders stay, for MIME types and icon loaders. */
  template = g_strdup_printf ("dossier-test-%s-XXXXXX", name);
  home = g_dir_make_tmp (template, NULL);
  g_assert_nonnull (home);
  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, user_dirs[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (user_dirs[i], dir, TRUE);
    }

  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  /* No accessibility bus under xvfb-run: GTK would warn, and warnings are
   * fatal in tests. The test backend keeps the accessible tree in the
   * process, where the test can read it. */
  g_setenv ("GTK_A11Y", (flags & DOSSIER_TEST_ACCESSIBLE) ? "test" : "none", TRUE);
  /* Software GL under Xvfb is slow to start; the tests check widgets, not
   * rendering. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_log_set_writer_func (write_log, NULL, NULL);
  g_test_init (argc, argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
    }
}

/**
 * dossier_test_run:
 *
 * Runs the test cases, then removes the temporary folder that
 * dossier_test_init() made.
 *
 * Returns: what g_test_run() returns, for main() to return
 */
int
dossier_test_run (void)
{
  g_autoptr(GFile) home_file = NULL;
  int ret;

  g_return_val_if_fail (home != NULL, 1);

  ret = g_test_run ();

  home_file = g_file_new_for_path (home);
  dossier_test_remove_tree (home_file);
  g_clear_pointer (&home, g_free);

  return ret;
}

/**
 * dossier_test_has_display:
 *
 * Returns: whether GTK found a display
 */
gboolean
dossier_test_has_display (void)
{
  return have_display;
}

/**
 * dossier_test_get_home:
 *
 * The temporary folder that holds the user's folders, removed by
 * dossier_test_run(): a place for the program's own files too.
 *
 * Returns: (transfer none): its path
 */
const char *
dossier_test_get_home (void)
{
  g_return_val_if_fail (home != NULL, NULL);

  return home;
}

/**
 * dossier_test_set_timeout:
 * @usec: microseconds
 *
 * How long dossier_test_run_until() and dossier_test_wait_window() wait
 * before they fail (10 s unless set).
 */
void
dossier_test_set_timeout (gint64 usec)
{
  g_return_if_fail (usec > 0);

  timeout_usec = usec;
}

/**
 * dossier_test_get_timeout:
 *
 * Returns: the time limit of dossier_test_run_until(), in microseconds
 */
gint64
dossier_test_get_timeout (void)
{
  /* Stretched under the sanitizers and valgrind, as the hostile cases are */
  const char *scale = g_getenv ("HOSTILE_TIME_SCALE");

  return timeout_usec * (scale != NULL ? MAX (g_ascii_strtoll (scale, NULL, 10), 1) : 1);
}

/**
 * dossier_test_iterate_pending:
 *
 * Dispatches what the main loop has ready, without waiting.
 */
void
dossier_test_iterate_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A source that fires every 10 ms, so that a blocking iteration comes
 * back to look at the clock and the condition. */
static gboolean
wake_up (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * dossier_test_iterate_until:
 * @check: the condition
 * @data: its argument
 * @deadline: a time of g_get_monotonic_time() when to give up
 *
 * Runs the main loop until @check holds or @deadline passes. It asserts
 * nothing and dispatches nothing after: for a test that looks at the
 * state the moment the condition holds.
 *
 * Returns: whether @check holds
 */
gboolean
dossier_test_iterate_until (DossierTestCheck check,
                            gpointer         data,
                            gint64           deadline)
{
  guint id;

  g_return_val_if_fail (check != NULL, FALSE);

  id = g_timeout_add (10, wake_up, NULL);
  while (!check (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);

  return check (data);
}

/**
 * dossier_test_run_until:
 * @check: the condition
 * @data: its argument
 *
 * Runs the main loop until @check holds, and fails the test if it does
 * not within the time limit (dossier_test_set_timeout()). Then
 * dispatches what is pending.
 */
void
dossier_test_run_until (DossierTestCheck check,
                        gpointer         data)
{
  gboolean done;

  g_return_if_fail (check != NULL);

  done = dossier_test_iterate_until (check, data, g_get_monotonic_time () + timeout_usec);
  g_assert_true (done);
  dossier_test_iterate_pending ();
}

/**
 * dossier_test_run_for:
 * @msec: milliseconds
 *
 * Runs the main loop for @msec, letting timeouts (a search entry's delay,
 * idles) fire.
 */
void
dossier_test_run_for (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;
  guint id = g_timeout_add (10, wake_up, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (id);
}

/**
 * dossier_test_fixture_path:
 * @folder: a folder of tests/fixtures
 * @name: a file in it, or ""
 *
 * Returns: (transfer full): the path of the fixture
 */
char *
dossier_test_fixture_path (const char *folder,
                           const char *name)
{
  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_test_build_filename (G_TEST_DIST, "fixtures", folder, name, NULL);
}

/**
 * dossier_test_fixture_file:
 * @folder: a folder of tests/fixtures
 * @name: a file in it, or ""
 *
 * Returns: (transfer full): the fixture
 */
GFile *
dossier_test_fixture_file (const char *folder,
                           const char *name)
{
  g_autofree char *path = dossier_test_fixture_path (folder, name);

  return g_file_new_for_path (path);
}

/**
 * dossier_test_write_file:
 * @path: where
 * @contents: what
 * @length: the length of @contents, or -1 if it ends with a NUL
 *
 * Writes @contents to @path, and fails the test if it cannot.
 */
void
dossier_test_write_file (const char *path,
                         const char *contents,
                         gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (contents != NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/**
 * dossier_test_copy_fixture:
 * @folder: a folder of tests/fixtures
 * @name: a file in it
 * @dest_path: where to copy it
 *
 * Copies a fixture out of the source tree, for a test that writes next
 * to it or wants notes of its own.
 *
 * Returns: (transfer full): the copy
 */
GFile *
dossier_test_copy_fixture (const char *folder,
                           const char *name,
                           const char *dest_path)
{
  g_autofree char *source = dossier_test_fixture_path (folder, name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_return_val_if_fail (dest_path != NULL, NULL);

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  dossier_test_write_file (dest_path, contents, length);

  return g_file_new_for_path (dest_path);
}

/**
 * dossier_test_remove_tree:
 * @file: a file or a folder
 *
 * Deletes @file and, for a folder, all it holds (links are not followed).
 * What cannot be deleted stays.
 */
void
dossier_test_remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  g_return_if_fail (G_IS_FILE (file));

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
        dossier_test_remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

/**
 * dossier_test_new_window:
 *
 * Returns: (transfer none): a new, empty window, presented; destroy it
 *   with dossier_test_destroy_window()
 */
DossierWindow *
dossier_test_new_window (void)
{
  DossierWindow *window = dossier_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  dossier_test_iterate_pending ();

  return window;
}

typedef struct
{
  DossierWindow    *window;
  DossierTestReady  ready;
} Waiting;

static gboolean
window_ready (gpointer data)
{
  Waiting *waiting = data;
  DossierWindow *window = waiting->window;

  if ((waiting->ready & DOSSIER_TEST_LOADED) && dossier_window_is_loading (window))
    return FALSE;
  if ((waiting->ready & DOSSIER_TEST_NOTES) && !_dossier_window_get_notes_ready (window))
    return FALSE;
  if ((waiting->ready & DOSSIER_TEST_ANALYSIS) && !_dossier_window_get_analysis_ready (window))
    return FALSE;

  return TRUE;
}

/**
 * dossier_test_wait_window:
 * @window: a window
 * @ready: what to wait for
 *
 * Runs the main loop until @window is as @ready says, and fails the test
 * if it is not within the time limit (dossier_test_set_timeout()). Then
 * dispatches what is pending.
 */
void
dossier_test_wait_window (DossierWindow    *window,
                          DossierTestReady  ready)
{
  Waiting waiting = { window, ready };

  g_return_if_fail (DOSSIER_IS_WINDOW (window));

  dossier_test_iterate_until (window_ready, &waiting, g_get_monotonic_time () + timeout_usec);

  /* One by one, so that a failure says which */
  if (ready & DOSSIER_TEST_LOADED)
    g_assert_false (dossier_window_is_loading (window));
  if (ready & DOSSIER_TEST_NOTES)
    g_assert_true (_dossier_window_get_notes_ready (window));
  if (ready & DOSSIER_TEST_ANALYSIS)
    g_assert_true (_dossier_window_get_analysis_ready (window));

  dossier_test_iterate_pending ();
}

/**
 * dossier_test_open_file:
 * @window: a window
 * @file: what to open in it
 * @ready: what to wait for
 *
 * Opens @file in @window and waits as dossier_test_wait_window() does.
 */
void
dossier_test_open_file (DossierWindow    *window,
                        GFile            *file,
                        DossierTestReady  ready)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  dossier_window_open_file (window, file);
  dossier_test_wait_window (window, ready);
}

/**
 * dossier_test_open_window:
 * @file: what to open
 * @ready: what to wait for
 *
 * A new window (dossier_test_new_window()) with @file open in it, as
 * @ready says.
 *
 * Returns: (transfer none): the window; destroy it with
 *   dossier_test_destroy_window()
 */
DossierWindow *
dossier_test_open_window (GFile            *file,
                          DossierTestReady  ready)
{
  DossierWindow *window;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  window = dossier_test_new_window ();
  dossier_test_open_file (window, file, ready);

  return window;
}

/**
 * dossier_test_destroy_window:
 * @window: (transfer full): a window
 *
 * Destroys @window, and dispatches what that leaves pending.
 */
void
dossier_test_destroy_window (DossierWindow *window)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (window));

  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_iterate_pending ();
}

/**
 * dossier_test_document_saved:
 * @document: (type DossierDocument): a document
 *
 * A #DossierTestCheck: the notes are on disk and no save is running.
 *
 * Returns: whether @document is saved
 */
gboolean
dossier_test_document_saved (gpointer document)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), FALSE);

  return !dossier_document_get_unsaved (document) && !dossier_document_get_saving (document);
}

/**
 * dossier_test_visible_page:
 * @window: a window
 *
 * Returns: (transfer none): the name of the page @window shows: "empty",
 *   "picker" or "reader"
 */
const char *
dossier_test_visible_page (DossierWindow *window)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (window), NULL);

  return gtk_stack_get_visible_child_name (window->main_stack);
}

static GtkTextBuffer *
get_buffer (DossierWindow *window)
{
  return _dossier_reader_view_get_buffer (window->reader_view);
}

/**
 * dossier_test_select_text:
 * @window: a window
 * @quote: words of its text
 *
 * Selects the first place of @quote in the reader, as a drag would, and
 * fails the test if there is none.
 */
void
dossier_test_select_text (DossierWindow *window,
                          const char    *quote)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, match_start, match_end;

  g_return_if_fail (DOSSIER_IS_WINDOW (window));
  g_return_if_fail (quote != NULL);

  buffer = get_buffer (window);
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, quote, GTK_TEXT_SEARCH_TEXT_ONLY,
                                               &match_start, &match_end, NULL));
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
  dossier_test_iterate_pending ();
}

/**
 * dossier_test_select_range:
 * @window: a window
 * @start: a character offset in its text
 * @end: another, after @start
 *
 * Selects from @start to @end in the reader, as a drag would.
 */
void
dossier_test_select_range (DossierWindow *window,
                           guint          start,
                           guint          end)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;

  g_return_if_fail (DOSSIER_IS_WINDOW (window));

  buffer = get_buffer (window);
  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_select_range (buffer, &a, &b);
  dossier_test_iterate_pending ();
}

/**
 * dossier_test_offset_of:
 * @window: a window
 * @quote: words of its article
 *
 * Fails the test if the article does not hold @quote.
 *
 * Returns: the character offset of the first place of @quote
 */
guint
dossier_test_offset_of (DossierWindow *window,
                        const char    *quote)
{
  const char *text;
  const char *found;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (window), 0);
  g_return_val_if_fail (quote != NULL, 0);

  text = dossier_article_get_text (dossier_window_get_article (window));
  found = strstr (text, quote);
  g_assert_nonnull (found);

  return g_utf8_pointer_to_offset (text, found);
}

static GtkTextTag *
lookup_tag (DossierWindow *window,
            const char    *tag_name)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (get_buffer (window));
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, tag_name);

  g_assert_nonnull (tag);

  return tag;
}

/**
 * dossier_test_has_tag_at:
 * @window: a window
 * @offset: a character offset in its text
 * @tag_name: the name of a tag of the reader's buffer
 *
 * Fails the test if the buffer has no such tag.
 *
 * Returns: whether the character at @offset has the tag
 */
gboolean
dossier_test_has_tag_at (DossierWindow *window,
                         guint          offset,
                         const char    *tag_name)
{
  GtkTextTag *tag;
  GtkTextIter iter;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (tag_name != NULL, FALSE);

  tag = lookup_tag (window, tag_name);
  gtk_text_buffer_get_iter_at_offset (get_buffer (window), &iter, offset);

  return gtk_text_iter_has_tag (&iter, tag);
}

/**
 * dossier_test_tagged_spans:
 * @window: a window
 * @tag_name: the name of a tag of the reader's buffer
 *
 * Fails the test if the buffer has no such tag.
 *
 * Returns: (transfer full): the spans of the reader's text that carry the
 *   tag, as "start-end,…" in character offsets ("" for none)
 */
char *
dossier_test_tagged_spans (DossierWindow *window,
                           const char    *tag_name)
{
  GtkTextTag *tag;
  GString *str;
  GtkTextIter iter;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (window), NULL);
  g_return_val_if_fail (tag_name != NULL, NULL);

  tag = lookup_tag (window, tag_name);
  str = g_string_new (NULL);
  gtk_text_buffer_get_start_iter (get_buffer (window), &iter);

  if (!gtk_text_iter_starts_tag (&iter, tag))
    gtk_text_iter_forward_to_tag_toggle (&iter, tag);

  while (!gtk_text_iter_is_end (&iter))
    {
      int start = gtk_text_iter_get_offset (&iter);

      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
      g_string_append_printf (str, "%s%d-%d", str->len ? "," : "", start,
                              gtk_text_iter_get_offset (&iter));
      if (!gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        break;
    }

  return g_string_free (str, FALSE);
}

/**
 * dossier_test_selected_span:
 * @window: a window
 *
 * Returns: (transfer full): the selection of the reader as "start-end" in
 *   character offsets, or "none"
 */
char *
dossier_test_selected_span (DossierWindow *window)
{
  GtkTextIter start, end;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (window), NULL);

  if (!gtk_text_buffer_get_selection_bounds (get_buffer (window), &start, &end))
    return g_strdup ("none");

  return g_strdup_printf ("%d-%d", gtk_text_iter_get_offset (&start),
                          gtk_text_iter_get_offset (&end));
}

/**
 * dossier_test_describe_list:
 * @model: a list whose section headings are #GtkStringObject items, as
 *   the entity sidebar's and the timeline's
 * @separator: what goes between rows
 * @describe: how to write an item that is not a heading
 *
 * Returns: (transfer full): the rows, headings as "# Title", for one
 *   g_assert_cmpstr() over the whole list
 */
char *
dossier_test_describe_list (GListModel          *model,
                            const char          *separator,
                            DossierTestDescribe  describe)
{
  GString *str;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (separator != NULL, NULL);
  g_return_val_if_fail (describe != NULL, NULL);

  str = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (str->len > 0)
        g_string_append (str, separator);

      if (GTK_IS_STRING_OBJECT (item))
        {
          const char *title = gtk_string_object_get_string (GTK_STRING_OBJECT (item));

          g_string_append_printf (str, "# %s", title);
        }
      else
        {
          g_autofree char *row = describe (item);

          g_string_append (str, row);
        }
    }

  return g_string_free (str, FALSE);
}

static char *
describe_timex (GObject *item)
{
  g_autofree char *date = _dossier_timeline_format_date (DOSSIER_TIMEX (item));

  return g_strdup_printf ("%s|%s", date, dossier_timex_get_text (DOSSIER_TIMEX (item)));
}

/**
 * dossier_test_describe_timeline:
 * @window: a window
 *
 * Returns: (transfer full): the timeline's list, a row a line as
 *   "date|words" (the date as the list shows it), headings as "# Title"
 */
char *
dossier_test_describe_timeline (DossierWindow *window)
{
  DossierTimelineView *view;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (window), NULL);

  view = _dossier_window_get_timeline_view (window);

  return dossier_test_describe_list (_dossier_timeline_view_get_model (view), "\n", describe_timex);
}

/**
 * dossier_test_find_transient:
 * @window: a window
 * @type: a #GtkWindow type
 *
 * Returns: (transfer none) (nullable): the first toplevel of @type that is
 *   transient for @window (a dialog, a file chooser), or %NULL
 */
GtkWindow *
dossier_test_find_transient (DossierWindow *window,
                             GType          type)
{
  GListModel *toplevels;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (window), NULL);

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return toplevel;
    }

  return NULL;
}

/**
 * dossier_test_find_error_dialog:
 * @window: a window
 *
 * Returns: (transfer none) (nullable): the error dialog over @window, if
 *   one is shown
 */
AdwMessageDialog *
dossier_test_find_error_dialog (DossierWindow *window)
{
  return (AdwMessageDialog *) dossier_test_find_transient (window, ADW_TYPE_MESSAGE_DIALOG);
}

/**
 * dossier_test_find_widget:
 * @root: a widget
 * @type: the type of the widget to find
 * @match: (nullable): what else it must be
 * @user_data: for @match
 *
 * Looks through @root and its descendants, depth first, for a widget of
 * @type for which @match (if any) returns %TRUE.
 *
 * Returns: (transfer none) (nullable): the first one, or %NULL
 */
GtkWidget *
dossier_test_find_widget (GtkWidget              *root,
                          GType                   type,
                          DossierTestWidgetMatch  match,
                          gpointer                user_data)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, user_data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = dossier_test_find_widget (child, type, match, user_data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * dossier_test_find_entity:
 * @window: a window whose analysis is done
 * @name: an entity's name as the sidebar shows it
 *
 * Returns: (transfer none): the entity of the sidebar named @name; fails
 *   the test if there is none
 */
DossierEntity *
dossier_test_find_entity (DossierWindow *window,
                          const char    *name)
{
  GListModel *model = G_LIST_MODEL (_dossier_entity_sidebar_get_selection (_dossier_window_get_entity_sidebar (window)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (DOSSIER_IS_ENTITY (item) &&
          g_strcmp0 (dossier_entity_get_name (DOSSIER_ENTITY (item)), name) == 0)
        return DOSSIER_ENTITY (item);
    }

  g_error ("no entity named “%s” in the sidebar", name);
  return NULL;
}

/* The meter: a heartbeat every 2 ms tells the longest the main loop went
 * without turning; the frame clock tells the frames drawn. */
#define HEARTBEAT_MS 2

static gint64 last_beat;
static gint64 longest_gap;
static guint frames;
static guint beat_source;
static GdkFrameClock *metered_clock;

static gboolean
heartbeat (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  longest_gap = MAX (longest_gap, now - last_beat);
  last_beat = now;

  return G_SOURCE_CONTINUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  frames++;
}

/**
 * dossier_test_meter_start:
 * @widget: a realized widget, whose frame clock counts the frames
 *
 * Starts counting frames and measuring main-loop stalls.
 */
void
dossier_test_meter_start (GtkWidget *widget)
{
  g_return_if_fail (metered_clock == NULL);

  metered_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  g_signal_connect (metered_clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  beat_source = g_timeout_add (HEARTBEAT_MS, heartbeat, NULL);
  dossier_test_meter_reset ();
}

void
dossier_test_meter_stop (void)
{
  g_clear_handle_id (&beat_source, g_source_remove);
  if (metered_clock != NULL)
    g_signal_handlers_disconnect_by_func (metered_clock, on_after_paint, NULL);
  g_clear_object (&metered_clock);
}

/* The longest stall starts again from now. */
void
dossier_test_meter_reset (void)
{
  last_beat = g_get_monotonic_time ();
  longest_gap = 0;
}

guint
dossier_test_meter_frames (void)
{
  return frames;
}

/* Microseconds */
gint64
dossier_test_meter_longest_stall (void)
{
  return longest_gap;
}

double
dossier_test_process_cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}
