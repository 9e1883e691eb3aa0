/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-export-ui"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "dossier-annotation.h"
#include "dossier-article.h"
#include "dossier-document.h"
#include "dossier-entity-sidebar.h"
#include "dossier-export.h"
#include "dossier-export-dialog.h"
#include "dossier-print-operation.h"
#include "dossier-test-utils.h"
#include "dossier-timeline-view.h"
#include "dossier-window-analysis.h"
#include "dossier-window-export.h"
#include "dossier-window-notes.h"
#include "dossier-window-private.h"

/* Export, print and export as PDF from a real DossierWindow on a real
 * display (xvfb-run -a). The native file chooser cannot be driven, so
 * the cases call what its response calls with a chosen file, and drive
 * GTK's own chooser where there is no portal. */

static char *tmp_dir;

#define FIXTURE "tidal-turbines.txt"
#define TITLE "Harbour Council Backs Tidal Turbines Despite Fishermen's Doubts"

static const char * const formats[] = {
  "markdown", "html", "w3c", "json", "csv-entities", "csv-timeline",
  "timeline-svg", "bibtex", "ris", "csl-json",
};

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
exports_done (gpointer data)
{
  return _dossier_window_export_get_pending (data) == 0;
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* A copy of the fixture: the save chooser opens in the clipping's folder,
 * and a test must never write into the source tree. */
static GFile *
clipping_file (void)
{
  g_autofree char *dir = tmp_path ("clippings");
  g_autofree char *path = g_build_filename (dir, FIXTURE, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_file_new_for_path (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  return dossier_test_copy_fixture ("app", FIXTURE, path);
}

static DossierWindow *
open_fixture (void)
{
  g_autoptr(GFile) file = clipping_file ();

  return dossier_test_open_window (file, DOSSIER_TEST_LOADED | DOSSIER_TEST_NOTES |
                                         DOSSIER_TEST_ANALYSIS);
}

static GBytes *
load_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  if (!g_bytes_equal (a, b))
    {
      g_test_message ("expected %" G_GSIZE_FORMAT " bytes, got %" G_GSIZE_FORMAT,
                      g_bytes_get_size (a), g_bytes_get_size (b));
      g_assert_cmpstr (g_bytes_get_data (a, NULL), ==, g_bytes_get_data (b, NULL));
    }
}

static GPtrArray *
dup_items (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

/* What the core makes of the window's state, as dossier-cli export would */
static GBytes *
expected_export (DossierWindow *window,
                 const char    *format)
{
  DossierDocument *document = _dossier_window_get_document (window);
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) timexes = NULL;
  g_autoptr(GError) error = NULL;
  DossierExportFormat core_format;
  GBytes *bytes;

  if (g_str_equal (format, "json"))
    return dossier_document_serialize (document);

  g_assert_true (dossier_export_format_from_string (format, &core_format));
  entities = dup_items (dossier_entity_sidebar_get_entities (_dossier_window_get_entity_sidebar (window)));
  timexes = dup_items (dossier_timeline_view_get_timexes (_dossier_window_get_timeline_view (window)));
  bytes = dossier_export (core_format, dossier_window_get_article (window), document,
                          entities, timexes, &error);
  g_assert_no_error (error);

  return bytes;
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Result;

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Result *res = user_data;

  res->ok = _dossier_window_export_finish (DOSSIER_WINDOW (object), result, &res->error);
  res->done = TRUE;
}

static gboolean
result_done (gpointer data)
{
  return ((Result *) data)->done;
}

/* A label in the toast overlay that starts with @prefix */
static gboolean
label_starts_with (GtkWidget *widget,
                   gpointer   prefix)
{
  return g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static gboolean
find_label (GtkWidget  *widget,
            const char *prefix)
{
  return dossier_test_find_widget (widget, GTK_TYPE_LABEL,
                                   label_starts_with, (gpointer) prefix) != NULL;
}

static void
annotate (DossierWindow *window,
          const char    *quote,
          const char    *note,
          const char    *tag)
{
  DossierDocument *document = _dossier_window_get_document (window);
  guint start = dossier_test_offset_of (window, quote);
  g_autoptr(GError) error = NULL;
  DossierAnnotation *annotation;

  annotation = dossier_document_annotate (document, start, start + g_utf8_strlen (quote, -1),
                                          DOSSIER_ANNOTATION_COLOR_GREEN,
                                          DOSSIER_ANNOTATION_STYLE_HIGHLIGHT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (annotation);
  if (note)
    dossier_document_set_annotation_note (document, annotation, note);
  if (tag)
    dossier_document_set_annotation_tags (document, annotation, (const char *[]) { tag, NULL });
}

/* Without an article there is nothing to export or print. */
static void
test_disabled (void)
{
  static const char * const actions[] = { "win.export", "win.export-pdf", "win.print" };
  DossierWindow *window;
  GtkWidget *header_bar;
  GtkWidget *buttons[G_N_ELEMENTS (actions)];

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = dossier_test_new_window ();

  /* A button follows its action's enabled state. */
  header_bar = dossier_test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, NULL, NULL);
  g_assert_nonnull (header_bar);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      buttons[i] = gtk_button_new ();
      gtk_actionable_set_action_name (GTK_ACTIONABLE (buttons[i]), actions[i]);
      adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), buttons[i]);
    }
  dossier_test_iterate_pending ();

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_assert_false (gtk_widget_get_sensitive (buttons[i]));
      gtk_widget_activate_action (GTK_WIDGET (window), actions[i], NULL);
    }
  dossier_test_run_for (100);
  g_assert_null (dossier_test_find_transient (window, DOSSIER_TYPE_EXPORT_DIALOG));
  g_assert_null (dossier_test_find_transient (window, GTK_TYPE_FILE_CHOOSER));

  /* With one they are enabled. */
  {
    g_autoptr(GFile) file = clipping_file ();

    dossier_test_open_file (window, file, DOSSIER_TEST_LOADED | DOSSIER_TEST_NOTES |
                                          DOSSIER_TEST_ANALYSIS);
  }
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (gtk_widget_get_sensitive (buttons[i]));

  dossier_test_destroy_window (window);
}

/* Every format writes what the core exporter makes of the window's
 * article, annotations, notes, entities and timeline. */
static void
test_formats (void)
{
  DossierWindow *window;
  DossierDocument *document;
  GListModel *entities;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();
  document = _dossier_window_get_document (window);
  annotate (window, "The harbour council voted 7 to 5", "Close vote: check the minutes", "vote");
  annotate (window, "a community fund worth roughly £300,000 a year", NULL, "money");
  dossier_document_set_notes (document, "Follow up with the fishermen's association.");

  entities = dossier_entity_sidebar_get_entities (_dossier_window_get_entity_sidebar (window));
  g_assert_cmpuint (g_list_model_get_n_items (entities), >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *suffix = dossier_export_dialog_get_format_suffix (formats[i]);
      g_autofree char *name = g_strdup_printf ("out-%s%s", formats[i], suffix);
      g_autofree char *path = tmp_path (name);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) expected = expected_export (window, formats[i]);
      g_autoptr(GBytes) written = NULL;
      DossierExportFormat core_format;
      Result res = { 0, };

      g_test_message ("%s", formats[i]);
      g_assert_nonnull (dossier_export_dialog_get_format_label (formats[i]));
      if (dossier_export_format_from_string (formats[i], &core_format))
        g_assert_true (g_str_has_suffix (suffix, dossier_export_format_get_extension (core_format)));

      _dossier_window_export_async (window, formats[i], file, NULL, export_cb, &res);
      dossier_test_run_until (result_done, &res);
      g_assert_no_error (res.error);
      g_assert_true (res.ok);

      written = load_bytes (path);
      g_assert_cmpuint (g_bytes_get_size (written), >, 0);
      assert_bytes_equal (expected, written);

      /* What the window holds is in it. */
      if (g_str_equal (formats[i], "markdown") || g_str_equal (formats[i], "html"))
        {
          g_autoptr(DossierEntity) first = g_list_model_get_item (entities, 0);
          const char *data = g_bytes_get_data (written, NULL);

          g_assert_nonnull (strstr (data, "Close vote: check the minutes"));
          g_assert_nonnull (strstr (data, "fishermen"));
          g_assert_nonnull (strstr (data, "Eilidh Banerjee"));
        }
    }

  dossier_test_destroy_window (window);
}

/* An existing file is replaced by a new one renamed over it: no backup,
 * no temporary file left, and the user is told in a toast. */
static void
test_replace (void)
{
  g_autofree char *dir = tmp_path ("replace");
  g_autofree char *path = g_build_filename (dir, "notes.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GDir) listing = NULL;
  DossierWindow *window;
  GStatBuf before, after;
  const char *entry;
  guint n = 0;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "an older export\n", -1, NULL));
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  window = open_fixture ();

  /* A write that stops half-way leaves the old file as it was. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GBytes) old = NULL;
    Result res = { 0, };

    g_cancellable_cancel (cancellable);
    _dossier_window_export_async (window, "markdown", file, cancellable, export_cb, &res);
    dossier_test_run_until (result_done, &res);
    g_assert_error (res.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&res.error);
    old = load_bytes (path);
    g_assert_cmpstr (g_bytes_get_data (old, NULL), ==, "an older export\n");
  }

  _dossier_window_export_to_file (window, "markdown", file);
  dossier_test_run_until (exports_done, window);

  expected = expected_export (window, "markdown");
  written = load_bytes (path);
  assert_bytes_equal (expected, written);

  /* Renamed over, not written into: another inode. */
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);

  listing = g_dir_open (dir, 0, NULL);
  while ((entry = g_dir_read_name (listing)))
    {
      g_test_message ("in the folder: %s", entry);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);

  g_assert_null (dossier_test_find_error_dialog (window));
  g_assert_true (find_label (GTK_WIDGET (window->toast_overlay), "Exported to “notes.md”"));

  dossier_test_destroy_window (window);
}

/* A destination that cannot be written is reported with its name and
 * the reason, and nothing is left behind. */
static void
test_unwritable (void)
{
  g_autofree char *blocker = tmp_path ("not-a-folder");
  g_autofree char *path = g_build_filename (blocker, "out.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DossierWindow *window;
  AdwMessageDialog *dialog;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  /* A file where the folder should be: unwritable even for root. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));

  window = open_fixture ();
  _dossier_window_export_to_file (window, "markdown", file);
  dossier_test_run_until (exports_done, window);

  dialog = dossier_test_find_error_dialog (window);
  g_assert_nonnull (dialog);
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog),
                  adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "out.md"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  g_assert_false (find_label (GTK_WIDGET (window->toast_overlay), "Exported to"));
  adw_message_dialog_response (dialog, "close");
  dossier_test_iterate_pending ();

  /* A read-only folder, where permissions apply (not to root) */
  if (geteuid () != 0)
    {
      g_autofree char *ro = tmp_path ("read-only");
      g_autofree char *ro_path = g_build_filename (ro, "out.md", NULL);
      g_autoptr(GFile) ro_file = g_file_new_for_path (ro_path);

      g_assert_cmpint (g_mkdir_with_parents (ro, 0500), ==, 0);
      _dossier_window_export_to_file (window, "markdown", ro_file);
      dossier_test_run_until (exports_done, window);
      dialog = dossier_test_find_error_dialog (window);
      g_assert_nonnull (dialog);
      g_assert_false (g_file_test (ro_path, G_FILE_TEST_EXISTS));
      adw_message_dialog_response (dialog, "close");
      dossier_test_iterate_pending ();
      g_chmod (ro, 0700);
    }

  dossier_test_destroy_window (window);
}

static gboolean
have_pdftotext (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  return pdftotext != NULL;
}

static gboolean
contains_title (const char *pdf_path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;
  char *flat;

  if (pdftotext == NULL)
    return TRUE;

  g_spawn_sync (NULL, (char *[]) { pdftotext, (char *) pdf_path, (char *) "-", NULL }, NULL,
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Lines wrap where they wrap */
  for (flat = out; *flat; flat++)
    if (*flat == '\n')
      *flat = ' ';
  g_test_message ("pdftotext: %.200s…", out);

  return strstr (out, "Harbour Council Backs Tidal Turbines") != NULL &&
         strstr (out, "Close vote") != NULL;
}

/* Like strstr() over bytes that may hold NULs */
static gboolean
has_bytes (const char *data,
           gsize       length,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static void
assert_pdf (const char *path)
{
  g_autoptr(GBytes) bytes = load_bytes (path);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_cmpuint (length, >, 4000);
  g_assert_true (memcmp (data, "%PDF-", 5) == 0);
  /* Complete: the trailer ends it */
  g_assert_true (has_bytes (data + length - MIN (length, 64), MIN (length, 64), "%%EOF"));

  /* cairo up to 1.17.4 writes the document information and the page
   * tree as plain objects: the title is in the metadata, and the article
   * takes more than one page. Later versions may compress them. */
  if (cairo_version () < CAIRO_VERSION_ENCODE (1, 17, 6))
    {
      g_assert_true (has_bytes (data, length, "/Title (" TITLE ")"));
      g_assert_true (has_bytes (data, length, "/Creator (Dossier)"));
      g_assert_false (has_bytes (data, length, "/Count 1\n"));
    }

  if (!have_pdftotext ())
    g_test_message ("No pdftotext (poppler-utils): the text of the PDF is not checked");
  g_assert_true (contains_title (path));
}

/* The print operation, run to a PDF file as "Export as PDF" does */
static void
test_print_to_pdf (void)
{
  g_autofree char *path = tmp_path ("printed.pdf");
  g_autofree char *saved = tmp_path ("saved.pdf");
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved);
  g_autoptr(DossierPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  DossierWindow *window;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();
  if (g_list_model_get_n_items (dossier_document_get_annotations (_dossier_window_get_document (window))) == 0)
    annotate (window, "The harbour council voted 7 to 5", "Close vote: check the minutes", "vote");

  operation = dossier_print_operation_new (dossier_window_get_article (window),
                                           _dossier_window_get_document (window));
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  /* The file is complete once the operation lets its surface go. */
  g_assert_finalize_object (g_steal_pointer (&operation));
  assert_pdf (path);

  /* Through the window: written over the chosen file, told in a toast */
  _dossier_window_export_pdf_to_file (window, saved_file);
  dossier_test_run_until (exports_done, window);
  g_assert_null (dossier_test_find_error_dialog (window));
  assert_pdf (saved);
  g_assert_true (find_label (GTK_WIDGET (window->toast_overlay), "Exported to “saved.pdf”"));

  dossier_test_destroy_window (window);
}

/* win.export: the dialog lists the formats; Export… leads to a save
 * chooser with a name made of the title, and what it accepts is written. */
static void
test_dialog (void)
{
  g_autofree char *folder_path = tmp_path ("clippings");
  g_autofree char *expected_name = g_strconcat (TITLE, "-timeline.csv", NULL);
  g_autofree char *written_path = g_build_filename (folder_path, expected_name, NULL);
  g_autofree char *current_name = NULL;
  g_autoptr(GFile) chosen = NULL;
  DossierExportDialog *dialog;
  DossierWindow *window;
  GtkWindow *chooser;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dossier_test_run_for (100);

  dialog = (DossierExportDialog *) dossier_test_find_transient (window, DOSSIER_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (dossier_export_dialog_get_analysis_ready (dialog));
  g_assert_cmpstr (dossier_export_dialog_get_format (dialog), ==, "markdown");

  /* Before the analysis, its formats cannot be chosen. */
  dossier_export_dialog_set_analysis_ready (dialog, FALSE);
  dossier_export_dialog_set_format (dialog, "csv-timeline");
  g_assert_cmpstr (dossier_export_dialog_get_format (dialog), ==, "markdown");
  /* …and can be once it ends, while the dialog is open. */
  {
    DossierTimelineView *timeline = _dossier_window_get_timeline_view (window);

    dossier_timeline_view_set_loading (timeline, TRUE);
    g_assert_false (dossier_export_dialog_get_analysis_ready (dialog));
    dossier_timeline_view_set_loading (timeline, FALSE);
    g_assert_true (dossier_export_dialog_get_analysis_ready (dialog));
  }
  dossier_export_dialog_set_format (dialog, "csv-timeline");
  g_assert_cmpstr (dossier_export_dialog_get_format (dialog), ==, "csv-timeline");

  g_assert_true (gtk_widget_activate (gtk_window_get_default_widget (GTK_WINDOW (dialog))));
  dossier_test_run_for (300);
  g_assert_null (dossier_test_find_transient (window, DOSSIER_TYPE_EXPORT_DIALOG));

  /* Without a portal GtkFileChooserNative shows GTK's own dialog. */
  chooser = dossier_test_find_transient (window, GTK_TYPE_FILE_CHOOSER);
  if (chooser == NULL)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

          g_test_message ("toplevel %s transient for %p (window %p)", G_OBJECT_TYPE_NAME (toplevel),
                          gtk_window_get_transient_for (toplevel), window);
        }
      g_test_skip ("The file chooser is a portal's, out of reach here");
      dossier_test_destroy_window (window);
      return;
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);
  current_name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (current_name, ==, expected_name);
  /* In the clipping's folder, once it is loaded */
  dossier_test_run_for (300);
  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (chosen);
  g_assert_cmpstr (g_file_peek_path (chosen), ==, written_path);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* The chooser checks the name, then answers: the export starts. */
  dossier_test_run_until (file_exists, written_path);
  dossier_test_run_until (exports_done, window);
  g_assert_null (dossier_test_find_error_dialog (window));
  {
    g_autoptr(GBytes) expected = expected_export (window, "csv-timeline");
    g_autoptr(GBytes) written = load_bytes (written_path);

    assert_bytes_equal (expected, written);
  }

  /* The next time, the same format is chosen */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  dossier_test_run_for (100);
  dialog = (DossierExportDialog *) dossier_test_find_transient (window, DOSSIER_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (dossier_export_dialog_get_format (dialog), ==, "csv-timeline");
  gtk_window_close (GTK_WINDOW (dialog));
  dossier_test_iterate_pending ();

  dossier_test_destroy_window (window);
}

/* Names from titles that file systems would refuse */
static void
test_suggested_name (void)
{
  g_autoptr(DossierArticle) article = NULL;
  g_autofree char *name = NULL;
  DossierWindow *window;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();
  name = _dossier_window_export_suggest_name (window, ".md");
  g_assert_cmpstr (name, ==, TITLE ".md");

  article = g_object_new (DOSSIER_TYPE_ARTICLE,
                          "title", " ../Who: “we”  said\tno/yes? ",
                          "text", "Body.",
                          NULL);
  g_set_object (&window->article, article);
  g_clear_pointer (&name, g_free);
  name = _dossier_window_export_suggest_name (window, ".bib");
  g_assert_cmpstr (name, ==, "Who “we” said no yes.bib");

  dossier_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  /* GTK's own file chooser, which a test can drive */
  g_setenv ("GTK_USE_PORTAL", "0", TRUE);

  dossier_test_init (&argc, &argv, "export-ui", DOSSIER_TEST_DEFAULT);
  dossier_test_set_timeout (20 * G_USEC_PER_SEC);
  tmp_dir = g_build_filename (dossier_test_get_home (), "out", NULL);
  g_mkdir_with_parents (tmp_dir, 0700);

  g_test_add_func ("/dossier/export-ui/disabled", test_disabled);
  g_test_add_func ("/dossier/export-ui/formats", test_formats);
  g_test_add_func ("/dossier/export-ui/replace", test_replace);
  g_test_add_func ("/dossier/export-ui/unwritable", test_unwritable);
  g_test_add_func ("/dossier/export-ui/print-to-pdf", test_print_to_pdf);
  g_test_add_func ("/dossier/export-ui/dialog", test_dialog);
  g_test_add_func ("/dossier/export-ui/suggested-name", test_suggested_name);

  ret = dossier_test_run ();
  g_free (tmp_dir);

  return ret;
}
