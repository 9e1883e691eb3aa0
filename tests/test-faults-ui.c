/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-faults-ui"

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "dossier-annotation.h"
#include "dossier-annotation-list.h"
#include "dossier-article.h"
#include "dossier-document.h"
#include "dossier-notes-panel-private.h"
#include "dossier-reader-view-private.h"
#include "dossier-window-notes.h"
#include "dossier-window-private.h"

/* Faults the app must survive with nothing lost (issue 8), in a real
 * window (xvfb-run -a): the clipping changes on disk while it is open,
 * dossier-cli annotates the same clipping, the disk is full. */

static gboolean have_display;

#define TIMEOUT_USEC (10 * G_USEC_PER_SEC)

#define SKIP_WITHOUT_DISPLAY()                        \
  G_STMT_START {                                      \
    if (!have_display)                                \
      {                                               \
        g_test_skip ("No display");                   \
        return;                                       \
      }                                               \
  } G_STMT_END

static const char *first_version =
  "Harbour Board Delays the Crane Contract\n\n"
  "The harbour board postponed its vote on the new container cranes on Thursday.\n\n"
  "Board members asked for a second opinion on the foundations of the north quay.\n\n"
  "The vote is now expected in the spring.\n";

/* The same article with a sentence inserted before the highlighted one. */
static const char *second_version =
  "Harbour Board Delays the Crane Contract\n\n"
  "The harbour board postponed its vote on the new container cranes on Thursday.\n\n"
  "A late report from the port engineers, delivered on Wednesday evening, "
  "raised doubts about the soil.\n\n"
  "Board members asked for a second opinion on the foundations of the north quay.\n\n"
  "The vote is now expected in the spring.\n";

static const char *third_version =
  "Harbour Board Delays the Crane Contract\n\n"
  "The harbour board postponed its vote on the new container cranes on Thursday.\n\n"
  "The vote is now expected in the spring.\n";

static gboolean
wake_up (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
iterate_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
run_until (gboolean (*check) (gpointer data),
           gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_USEC;
  guint id = g_timeout_add (10, wake_up, NULL);

  while (!check (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (id);
  g_assert_true (check (data));
  iterate_pending ();
}

static void
run_for (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;
  guint id = g_timeout_add (10, wake_up, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (id);
}

static gboolean
window_ready (gpointer data)
{
  DossierWindow *window = data;

  return !dossier_window_is_loading (window) && _dossier_window_get_notes_ready (window);
}

static gboolean
document_saved (gpointer data)
{
  DossierDocument *document = data;

  return !dossier_document_get_unsaved (document) && !dossier_document_get_saving (document);
}

static gboolean
reload_offered (gpointer data)
{
  return _dossier_window_get_reload_toast (data) != NULL;
}

static DossierWindow *
open_path (const char *path)
{
  DossierWindow *window = dossier_window_new (NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_present (GTK_WINDOW (window));
  dossier_window_open_file (window, file);
  run_until (window_ready, window);

  return window;
}

static void
destroy_window (DossierWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_pending ();
}

static void
select_text (DossierWindow *window,
             const char    *quote)
{
  GtkTextBuffer *buffer = _dossier_reader_view_get_buffer (window->reader_view);
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, quote, GTK_TEXT_SEARCH_TEXT_ONLY,
                                               &match_start, &match_end, NULL));
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
  iterate_pending ();
}

static guint
offset_of (DossierWindow *window,
           const char    *quote)
{
  const char *text = dossier_article_get_text (dossier_window_get_article (window));
  const char *found = strstr (text, quote);

  g_assert_nonnull (found);

  return g_utf8_pointer_to_offset (text, found);
}

static gboolean
has_tag_at (DossierWindow *window,
            guint          offset,
            const char    *tag_name)
{
  GtkTextBuffer *buffer = _dossier_reader_view_get_buffer (window->reader_view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);

  return gtk_text_iter_has_tag (&iter, tag);
}

/* Whether a label with @needle in its text is on screen under @widget
 * (a toast's title, for one). */
static gboolean
shows_label (GtkWidget  *widget,
             const char *needle)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), needle))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, needle))
      return TRUE;

  return FALSE;
}

typedef struct
{
  DossierWindow *window;
  const char    *needle;
} Shown;

static gboolean
label_shown (gpointer data)
{
  Shown *shown = data;

  return shows_label (GTK_WIDGET (shown->window), shown->needle);
}

static char *
write_clipping (const char *dir,
                const char *text)
{
  char *path = g_build_filename (dir, "crane contract.txt", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  return path;
}

static gboolean
text_has (gpointer data)
{
  DossierWindow *window = data;
  DossierArticle *article = dossier_window_get_article (window);

  return !dossier_window_is_loading (window) && article &&
         strstr (dossier_article_get_text (article), "late report") != NULL;
}

static gboolean
text_lacks (gpointer data)
{
  DossierWindow *window = data;
  DossierArticle *article = dossier_window_get_article (window);

  return !dossier_window_is_loading (window) && article &&
         strstr (dossier_article_get_text (article), "second opinion") == NULL;
}

/* The clipping is rewritten with a sentence before the highlighted one:
 * the window offers to reload; after reloading the highlight sits on the
 * same words at their new place. Then the passage is cut: the annotation
 * is kept, listed as an orphan. */
static void
test_reload (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-reload-XXXXXX", NULL);
  g_autofree char *path = write_clipping (dir, first_version);
  const char *quote = "a second opinion on the foundations";
  DossierWindow *window;
  DossierDocument *document;
  DossierAnnotation *annotation;
  DossierNotesPanel *panel;
  g_autoptr(GError) error = NULL;
  guint before, after;
  Shown shown;

  SKIP_WITHOUT_DISPLAY ();

  window = open_path (path);
  document = _dossier_window_get_document (window);
  panel = _dossier_window_get_notes_panel (window);
  select_text (window, quote);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (document)), ==, 1);
  annotation = g_list_model_get_item (dossier_document_get_annotations (document), 0);
  g_object_unref (annotation);
  before = offset_of (window, quote);
  g_assert_cmpuint (dossier_annotation_get_start (annotation), ==, before);
  run_until (document_saved, document);
  g_assert_null (_dossier_window_get_reload_toast (window));

  /* Another program rewrites the file. */
  run_for (50);
  g_file_set_contents (path, second_version, -1, &error);
  g_assert_no_error (error);
  run_until (reload_offered, window);
  shown.window = window;
  shown.needle = "changed by another program";
  run_until (label_shown, &shown);
  /* Still the old text until the user says so. */
  g_assert_cmpuint (offset_of (window, quote), ==, before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  run_until (text_has, window);
  iterate_pending ();

  after = offset_of (window, quote);
  g_assert_cmpuint (after, >, before);
  g_assert_true (_dossier_window_get_document (window) == document);
  g_assert_false (dossier_annotation_get_orphan (annotation));
  g_assert_cmpuint (dossier_annotation_get_start (annotation), ==, after);
  g_assert_cmpuint (dossier_annotation_get_end (annotation), ==, after + strlen (quote));
  g_assert_true (has_tag_at (window, after, "annotation-yellow-highlight"));
  g_assert_true (has_tag_at (window, after + strlen (quote) - 1, "annotation-yellow-highlight"));
  g_assert_false (has_tag_at (window, before, "annotation-yellow-highlight"));
  g_assert_null (_dossier_window_get_reload_toast (window));

  /* The passage is cut: kept, as an orphan, listed as one. */
  run_for (50);
  g_file_set_contents (path, third_version, -1, &error);
  g_assert_no_error (error);
  run_until (reload_offered, window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  run_until (text_lacks, window);
  iterate_pending ();
  g_assert_true (dossier_annotation_get_orphan (annotation));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (document)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (_dossier_notes_panel_get_orphans (panel)), ==, 1);
  shown.needle = "not found in the new text";
  run_until (label_shown, &shown);

  run_until (document_saved, document);
  destroy_window (window);
}

static gboolean
has_two (gpointer data)
{
  return g_list_model_get_n_items (dossier_document_get_annotations (data)) == 2;
}

/* dossier-cli annotates the clipping the window shows: the window takes
 * the new highlight in, and the app's next save keeps both. */
static void
test_cli_meanwhile (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-cli-meanwhile-XXXXXX", NULL);
  g_autofree char *path = write_clipping (dir, first_version);
  g_autofree char *notes_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(DossierDocument) check = dossier_document_new ();
  g_autoptr(GFile) notes_file = NULL;
  const char *cli_path = g_getenv ("DOSSIER_CLI");
  DossierWindow *window;
  DossierDocument *document;
  Shown shown;

  SKIP_WITHOUT_DISPLAY ();
  if (cli_path == NULL)
    {
      g_test_skip ("DOSSIER_CLI is not set");
      return;
    }

  window = open_path (path);
  document = _dossier_window_get_document (window);
  select_text (window, "container cranes");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight", NULL));
  run_until (document_saved, document);
  notes_path = g_file_get_path (dossier_document_get_notes_file (document));

  /* The same user data folder: the command line finds the same notes. */
  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                          cli_path, "annotate", path, "--quote", "north quay", "--note", "from the CLI",
                          NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (cli, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 0);

  run_until (has_two, document);
  g_assert_true (has_tag_at (window, offset_of (window, "north quay"), "annotation-yellow-highlight"));
  shown.window = window;
  shown.needle = "merged";
  run_until (label_shown, &shown);

  /* Another highlight in the app; its save keeps the command line's. */
  select_text (window, "in the spring");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight", NULL));
  run_until (document_saved, document);
  destroy_window (window);

  notes_file = g_file_new_for_path (notes_path);
  dossier_document_set_text (check, first_version);
  g_assert_true (dossier_document_load (check, notes_file, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (check)), ==, 3);
}

/* The disk fills up under the app: a toast says the notes were not saved
 * and names the file; the notes file keeps its last version. */
static void
test_disk_full (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-disk-full-XXXXXX", NULL);
  g_autofree char *path = write_clipping (dir, first_version);
  g_autofree char *notes_path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gsize before_length, after_length;
  struct rlimit saved_limit, limit;
  DossierWindow *window;
  DossierDocument *document;
  DossierAnnotation *annotation;
  Shown shown;

  SKIP_WITHOUT_DISPLAY ();

  window = open_path (path);
  document = _dossier_window_get_document (window);
  select_text (window, "container cranes");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight", NULL));
  run_until (document_saved, document);
  notes_path = g_file_get_path (dossier_document_get_notes_file (document));
  g_file_get_contents (notes_path, &before, &before_length, &error);
  g_assert_no_error (error);

  getrlimit (RLIMIT_FSIZE, &saved_limit);
  signal (SIGXFSZ, SIG_IGN);
  limit = saved_limit;
  limit.rlim_cur = before_length + 256;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  for (guint i = 0; i < 200; i++)
    g_string_append (note, "A long note that no longer fits. ");
  annotation = g_list_model_get_item (dossier_document_get_annotations (document), 0);
  dossier_document_set_annotation_note (document, annotation, note->str);
  g_object_unref (annotation);

  shown.window = window;
  shown.needle = "Notes not saved";
  run_until (label_shown, &shown);
  name = g_path_get_basename (notes_path);
  shown.needle = name;
  run_until (label_shown, &shown);
  g_assert_true (dossier_document_get_unsaved (document));

  setrlimit (RLIMIT_FSIZE, &saved_limit);
  signal (SIGXFSZ, SIG_DFL);

  g_file_get_contents (notes_path, &after, &after_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (after, after_length, before, before_length);

  /* Room again: the next change saves everything. */
  dossier_document_set_notes (document, "room again");
  run_until (document_saved, document);
  destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("dossier-test-faults-ui-XXXXXX", NULL);
  static const char *user_dirs[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };

  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, user_dirs[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (user_dirs[i], dir, TRUE);
    }

  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
    }

  g_test_add_func ("/dossier/faults-ui/reload", test_reload);
  g_test_add_func ("/dossier/faults-ui/cli-meanwhile", test_cli_meanwhile);
  g_test_add_func ("/dossier/faults-ui/disk-full", test_disk_full);

  return g_test_run ();
}
