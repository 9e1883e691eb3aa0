/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-faults-ui"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-annotation.h"
#include "dossier-annotation-list.h"
#include "dossier-article.h"
#include "dossier-document.h"
#include "dossier-notes-panel-private.h"
#include "dossier-reader-view-private.h"
#include "dossier-test-utils.h"
#include "dossier-window-notes.h"
#include "dossier-window-private.h"

/* Faults the app must survive with nothing lost (issue 8), in a real
 * window (xvfb-run -a): the clipping changes on disk while it is open,
 * dossier-cli annotates the same clipping, the disk is full. */

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
reload_offered (gpointer data)
{
  return _dossier_window_get_reload_toast (data) != NULL;
}

static DossierWindow *
open_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return dossier_test_open_window (file, DOSSIER_TEST_LOADED | DOSSIER_TEST_NOTES);
}

/* A label on screen with @needle in its text (a toast's title, for one). */
static gboolean
label_shows (GtkWidget *widget,
             gpointer   needle)
{
  return gtk_widget_get_mapped (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle);
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

  return dossier_test_find_widget (GTK_WIDGET (shown->window), GTK_TYPE_LABEL,
                                   label_shows, (gpointer) shown->needle) != NULL;
}

static char *
write_clipping (const char *dir,
                const char *text)
{
  char *path = g_build_filename (dir, "crane contract.txt", NULL);

  dossier_test_write_file (path, text, -1);

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

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_path (path);
  document = _dossier_window_get_document (window);
  panel = _dossier_window_get_notes_panel (window);
  dossier_test_select_text (window, quote);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (document)), ==, 1);
  annotation = g_list_model_get_item (dossier_document_get_annotations (document), 0);
  g_object_unref (annotation);
  before = dossier_test_offset_of (window, quote);
  g_assert_cmpuint (dossier_annotation_get_start (annotation), ==, before);
  dossier_test_run_until (dossier_test_document_saved, document);
  g_assert_null (_dossier_window_get_reload_toast (window));

  /* Another program rewrites the file. */
  dossier_test_run_for (50);
  g_file_set_contents (path, second_version, -1, &error);
  g_assert_no_error (error);
  dossier_test_run_until (reload_offered, window);
  shown.window = window;
  shown.needle = "changed by another program";
  dossier_test_run_until (label_shown, &shown);
  /* Still the old text until the user says so. */
  g_assert_cmpuint (dossier_test_offset_of (window, quote), ==, before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  dossier_test_run_until (text_has, window);
  dossier_test_iterate_pending ();

  after = dossier_test_offset_of (window, quote);
  g_assert_cmpuint (after, >, before);
  g_assert_true (_dossier_window_get_document (window) == document);
  g_assert_false (dossier_annotation_get_orphan (annotation));
  g_assert_cmpuint (dossier_annotation_get_start (annotation), ==, after);
  g_assert_cmpuint (dossier_annotation_get_end (annotation), ==, after + strlen (quote));
  g_assert_true (dossier_test_has_tag_at (window, after, "annotation-yellow-highlight"));
  g_assert_true (dossier_test_has_tag_at (window, after + strlen (quote) - 1,
                                          "annotation-yellow-highlight"));
  g_assert_false (dossier_test_has_tag_at (window, before, "annotation-yellow-highlight"));
  g_assert_null (_dossier_window_get_reload_toast (window));

  /* The passage is cut: kept, as an orphan, listed as one. */
  dossier_test_run_for (50);
  g_file_set_contents (path, third_version, -1, &error);
  g_assert_no_error (error);
  dossier_test_run_until (reload_offered, window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  dossier_test_run_until (text_lacks, window);
  dossier_test_iterate_pending ();
  g_assert_true (dossier_annotation_get_orphan (annotation));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (document)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (_dossier_notes_panel_get_orphans (panel)), ==, 1);
  shown.needle = "not found in the new text";
  dossier_test_run_until (label_shown, &shown);

  dossier_test_run_until (dossier_test_document_saved, document);
  dossier_test_destroy_window (window);
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

  DOSSIER_TEST_REQUIRE_DISPLAY ();
  if (cli_path == NULL)
    {
      g_test_skip ("DOSSIER_CLI is not set");
      return;
    }

  window = open_path (path);
  document = _dossier_window_get_document (window);
  dossier_test_select_text (window, "container cranes");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight", NULL));
  dossier_test_run_until (dossier_test_document_saved, document);
  notes_path = g_file_get_path (dossier_document_get_notes_file (document));

  /* The same user data folder: the command line finds the same notes. */
  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                          cli_path, "annotate", path, "--quote", "north quay", "--note", "from the CLI",
                          NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (cli, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 0);

  dossier_test_run_until (has_two, document);
  g_assert_true (dossier_test_has_tag_at (window, dossier_test_offset_of (window, "north quay"),
                                          "annotation-yellow-highlight"));
  shown.window = window;
  shown.needle = "merged";
  dossier_test_run_until (label_shown, &shown);

  /* Another highlight in the app; its save keeps the command line's. */
  dossier_test_select_text (window, "in the spring");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight", NULL));
  dossier_test_run_until (dossier_test_document_saved, document);
  dossier_test_destroy_window (window);

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

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_path (path);
  document = _dossier_window_get_document (window);
  dossier_test_select_text (window, "container cranes");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight", NULL));
  dossier_test_run_until (dossier_test_document_saved, document);
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
  dossier_test_run_until (label_shown, &shown);
  name = g_path_get_basename (notes_path);
  shown.needle = name;
  dossier_test_run_until (label_shown, &shown);
  g_assert_true (dossier_document_get_unsaved (document));

  setrlimit (RLIMIT_FSIZE, &saved_limit);
  signal (SIGXFSZ, SIG_DFL);

  g_file_get_contents (notes_path, &after, &after_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (after, after_length, before, before_length);

  /* Room again: the next change saves everything. */
  dossier_document_set_notes (document, "room again");
  dossier_test_run_until (dossier_test_document_saved, document);
  dossier_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  dossier_test_init (&argc, &argv, "faults-ui", DOSSIER_TEST_DEFAULT);

  g_test_add_func ("/dossier/faults-ui/reload", test_reload);
  g_test_add_func ("/dossier/faults-ui/cli-meanwhile", test_cli_meanwhile);
  g_test_add_func ("/dossier/faults-ui/disk-full", test_disk_full);

  return dossier_test_run ();
}
