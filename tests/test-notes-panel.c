/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-notes-panel"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "dossier-annotation.h"
#include "dossier-article.h"
#include "dossier-document.h"
#include "dossier-notes-panel-private.h"
#include "dossier-reader-view-private.h"
#include "dossier-test-utils.h"
#include "dossier-window-notes.h"
#include "dossier-window-private.h"

/* Annotating in a real DossierWindow on a real display (xvfb-run -a):
 * highlight a selection, see its card, find it in the notes file, undo
 * and redo it, edit its note and tags, filter the cards, and never write
 * over a notes file that cannot be read. */

static DossierWindow *
open_fixture (const char *name)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) file = dossier_test_fixture_file ("notes-ui", name);

  /* Each case starts from the default highlight colour. */
  g_settings_reset (settings, "highlight-color");

  return dossier_test_open_window (file, DOSSIER_TEST_LOADED | DOSSIER_TEST_NOTES);
}

static DossierWindow *
open_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return dossier_test_open_window (file, DOSSIER_TEST_LOADED | DOSSIER_TEST_NOTES);
}

static JsonNode *
read_notes_file (DossierDocument *document)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (dossier_document_get_notes_file (document));

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

static JsonArray *
saved_annotations (JsonNode *root)
{
  return json_object_get_array_member (json_node_get_object (root), "annotations");
}

static JsonObject *
selector (JsonObject *annotation,
          const char *type)
{
  JsonObject *target = json_object_get_object_member (annotation, "target");
  JsonArray *selectors = json_object_get_array_member (target, "selector");

  for (guint i = 0; i < json_array_get_length (selectors); i++)
    {
      JsonObject *object = json_array_get_object_element (selectors, i);

      if (g_str_equal (json_object_get_string_member (object, "type"), type))
        return object;
    }

  g_assert_not_reached ();
}

static DossierAnnotation *
annotation_at (DossierDocument *document,
               guint            position)
{
  g_autoptr(DossierAnnotation) annotation = NULL;

  annotation = g_list_model_get_item (dossier_document_get_annotations (document), position);
  g_assert_nonnull (annotation);

  return annotation;  /* the document holds it */
}

static void
test_highlight (void)
{
  DossierWindow *window;
  DossierDocument *document;
  DossierNotesPanel *panel;
  GListModel *annotations;
  DossierAnnotation *annotation;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *saved, *position, *quote;
  guint start;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ("harbour.txt");
  document = _dossier_window_get_document (window);
  panel = _dossier_window_get_notes_panel (window);
  annotations = dossier_document_get_annotations (document);

  g_assert_nonnull (document);
  g_assert_false (dossier_document_get_read_only (document));
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (window)) &&
                  gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight", NULL) &&
                  g_list_model_get_n_items (annotations) > 0);

  /* Select a passage: the popover's actions come alive. */
  dossier_test_select_text (window, "18 million euros");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight-color", "s", "green"));
  dossier_test_iterate_pending ();

  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 1);
  annotation = annotation_at (document, 0);
  start = dossier_test_offset_of (window, "18 million euros");
  g_assert_cmpstr (dossier_annotation_get_exact (annotation), ==, "18 million euros");
  g_assert_cmpuint (dossier_annotation_get_start (annotation), ==, start);
  g_assert_cmpuint (dossier_annotation_get_end (annotation), ==, start + 16);
  g_assert_cmpint (dossier_annotation_get_color (annotation), ==, DOSSIER_ANNOTATION_COLOR_GREEN);

  /* Drawn in the text, and a card in the panel (which opened). */
  g_assert_true (dossier_test_has_tag_at (window, start, "annotation-green-highlight"));
  g_assert_false (dossier_test_has_tag_at (window, start - 1, "annotation-green-highlight"));
  g_assert_true (adw_flap_get_reveal_flap (window->notes_flap));
  g_assert_cmpuint (g_list_model_get_n_items (_dossier_notes_panel_get_visible (panel)), ==, 1);
  g_assert_true (dossier_notes_panel_get_selected (panel) == annotation);
  dossier_test_run_for (50);
  g_assert_nonnull (_dossier_notes_panel_find_row (panel, annotation));

  /* Saved within a second or so, with the exact quote and positions. */
  dossier_test_run_until (dossier_test_document_saved, document);
  root = read_notes_file (document);
  g_assert_cmpuint (json_array_get_length (saved_annotations (root)), ==, 1);
  saved = json_array_get_object_element (saved_annotations (root), 0);
  g_assert_cmpstr (json_object_get_string_member (saved, "id"), ==,
                   dossier_annotation_get_id (annotation));
  g_assert_cmpstr (json_object_get_string_member (saved, "color"), ==, "green");
  quote = selector (saved, "TextQuoteSelector");
  position = selector (saved, "TextPositionSelector");
  g_assert_cmpstr (json_object_get_string_member (quote, "exact"), ==, "18 million euros");
  g_assert_cmpstr (json_object_get_string_member (quote, "prefix"), ==,
                   " than the old one and will cost ");
  g_assert_cmpint (json_object_get_int_member (position, "start"), ==, start);
  g_assert_cmpint (json_object_get_int_member (position, "end"), ==, start + 16);
  g_clear_pointer (&root, json_node_unref);

  /* Undo removes it, from the text, the panel and the file; redo brings
   * it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  dossier_test_iterate_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 0);
  g_assert_false (dossier_test_has_tag_at (window, start, "annotation-green-highlight"));
  g_assert_cmpuint (g_list_model_get_n_items (_dossier_notes_panel_get_visible (panel)), ==, 0);
  dossier_test_run_until (dossier_test_document_saved, document);
  root = read_notes_file (document);
  g_assert_cmpuint (json_array_get_length (saved_annotations (root)), ==, 0);
  g_clear_pointer (&root, json_node_unref);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  dossier_test_iterate_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 1);
  g_assert_true (annotation_at (document, 0) == annotation);
  g_assert_true (dossier_test_has_tag_at (window, start, "annotation-green-highlight"));
  dossier_test_run_until (dossier_test_document_saved, document);
  root = read_notes_file (document);
  g_assert_cmpuint (json_array_get_length (saved_annotations (root)), ==, 1);
  g_clear_pointer (&root, json_node_unref);

  dossier_test_destroy_window (window);
}

/* One annotation at a time looks selected, the others keep their own look
 * while the selection moves; each drawn without drawing all of them again.
 * Leaves the notes as it found them. */
static void
test_selected_look (void)
{
  DossierWindow *window;
  DossierDocument *document;
  DossierNotesPanel *panel;
  DossierAnnotation *vote, *name;
  guint vote_at, name_at, n;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ("harbour.txt");
  document = _dossier_window_get_document (window);
  panel = _dossier_window_get_notes_panel (window);
  n = g_list_model_get_n_items (dossier_document_get_annotations (document));
  vote_at = dossier_test_offset_of (window, "seven to two");
  name_at = dossier_test_offset_of (window, "Ilse Varga");

  dossier_test_select_text (window, "seven to two");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight-color", "s", "green"));
  dossier_test_iterate_pending ();
  vote = dossier_notes_panel_get_selected (panel);
  g_assert_cmpstr (dossier_annotation_get_exact (vote), ==, "seven to two");
  g_assert_true (dossier_test_has_tag_at (window, vote_at, "annotation-green-highlight"));
  g_assert_true (dossier_test_has_tag_at (window, vote_at, "annotation-green-selected"));

  /* A second one: it is the selected one now, the first keeps its colour. */
  dossier_test_select_text (window, "Ilse Varga");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight-color", "s", "blue"));
  dossier_test_iterate_pending ();
  name = dossier_notes_panel_get_selected (panel);
  g_assert_cmpstr (dossier_annotation_get_exact (name), ==, "Ilse Varga");
  g_assert_true (dossier_test_has_tag_at (window, name_at, "annotation-blue-highlight"));
  g_assert_true (dossier_test_has_tag_at (window, name_at + 9, "annotation-blue-selected"));
  g_assert_false (dossier_test_has_tag_at (window, vote_at, "annotation-green-selected"));
  g_assert_true (dossier_test_has_tag_at (window, vote_at, "annotation-green-highlight"));

  /* Its card activated: the selection goes back to the first. */
  g_signal_emit_by_name (panel, "annotation-activated", vote);
  dossier_test_iterate_pending ();
  g_assert_true (dossier_test_has_tag_at (window, vote_at + 11, "annotation-green-selected"));
  g_assert_false (dossier_test_has_tag_at (window, vote_at + 12, "annotation-green-selected"));
  g_assert_false (dossier_test_has_tag_at (window, name_at, "annotation-blue-selected"));
  g_assert_true (dossier_test_has_tag_at (window, name_at, "annotation-blue-highlight"));

  /* Recoloured while selected: drawn in its new colour, selected still. */
  dossier_annotation_set_color (vote, DOSSIER_ANNOTATION_COLOR_PINK);
  dossier_test_iterate_pending ();
  g_assert_false (dossier_test_has_tag_at (window, vote_at, "annotation-green-highlight"));
  g_assert_false (dossier_test_has_tag_at (window, vote_at, "annotation-green-selected"));
  g_assert_true (dossier_test_has_tag_at (window, vote_at, "annotation-pink-highlight"));
  g_assert_true (dossier_test_has_tag_at (window, vote_at, "annotation-pink-selected"));

  dossier_document_remove_annotation (document, name);
  dossier_document_remove_annotation (document, vote);
  dossier_test_iterate_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (document)), ==, n);
  g_assert_false (dossier_test_has_tag_at (window, vote_at, "annotation-pink-highlight"));
  g_assert_false (dossier_test_has_tag_at (window, vote_at, "annotation-pink-selected"));
  g_assert_false (dossier_test_has_tag_at (window, name_at, "annotation-blue-highlight"));
  dossier_test_run_until (dossier_test_document_saved, document);

  dossier_test_destroy_window (window);
}

/* More than a thousand annotations: those on screen are drawn, not all of
 * them, and scrolling to the others draws them before they show. */
static void
test_many_annotations (void)
{
  g_autofree char *src = dossier_test_fixture_path ("notes-ui", "harbour.txt");
  g_autofree char *dest = g_build_filename (dossier_test_get_home (), "many-notes.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  DossierDocument *document;
  DossierWindow *window;
  GtkTextBuffer *buffer;
  guint length, first, last, n = 1500;
  GString *big;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  g_assert_true (g_file_get_contents (src, &contents, NULL, NULL));
  big = g_string_new (contents);
  while (big->len < 400 * 1000)
    {
      g_string_append (big, "\n\n");
      g_string_append (big, contents);
    }
  dossier_test_write_file (dest, big->str, big->len);
  g_string_free (big, TRUE);
  file = g_file_new_for_path (dest);

  window = dossier_test_open_window (file, DOSSIER_TEST_LOADED | DOSSIER_TEST_NOTES);
  document = _dossier_window_get_document (window);
  buffer = _dossier_reader_view_get_buffer (window->reader_view);
  length = gtk_text_buffer_get_char_count (buffer);

  for (guint i = 0; i < n; i++)
    {
      guint at = (guint) ((guint64) i * (length - 20) / n);

      g_object_unref (dossier_document_annotate (document, at, at + 10,
                                                 DOSSIER_ANNOTATION_COLOR_GREEN,
                                                 DOSSIER_ANNOTATION_STYLE_HIGHLIGHT, &error));
      g_assert_no_error (error);
    }
  dossier_test_run_for (200);

  /* The first ones, at the top, are drawn; the last ones are not. */
  _dossier_reader_view_get_visible_range (window->reader_view, &first, &last);
  g_assert_cmpuint (first, <, 10);
  g_assert_true (dossier_test_has_tag_at (window, 0, "annotation-green-highlight"));
  g_assert_true (dossier_test_has_tag_at (window, 9, "annotation-green-highlight"));
  g_assert_false (dossier_test_has_tag_at (window, 10, "annotation-green-highlight"));
  g_assert_false (dossier_test_has_tag_at (window, (guint) ((guint64) (n - 1) * (length - 20) / n),
                                           "annotation-green-highlight"));

  /* The last ones, once the reader is at the end. */
  {
    GtkAdjustment *vadj = _dossier_reader_view_get_vadjustment (window->reader_view);
    guint at = (guint) ((guint64) (n - 1) * (length - 20) / n);

    for (guint i = 0; i < 10 && first < at / 2; i++)
      {
        gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj));
        dossier_test_run_for (200);
        _dossier_reader_view_get_visible_range (window->reader_view, &first, &last);
      }
    g_assert_cmpuint (first, <=, at);
    g_assert_cmpuint (at, <, last);
    /* drawn in an idle before the next frame: on a slow machine, let it */
    {
      gint64 deadline = g_get_monotonic_time () + dossier_test_get_timeout ();

      while (!dossier_test_has_tag_at (window, at, "annotation-green-highlight") &&
             g_get_monotonic_time () < deadline)
        dossier_test_run_for (50);
    }
    g_assert_true (dossier_test_has_tag_at (window, at, "annotation-green-highlight"));
    g_assert_true (dossier_test_has_tag_at (window, at + 9, "annotation-green-highlight"));
    g_assert_false (dossier_test_has_tag_at (window, at + 10, "annotation-green-highlight"));
    g_assert_false (dossier_test_has_tag_at (window, 0, "annotation-green-highlight"));
  }

  dossier_test_run_until (dossier_test_document_saved, document);
  dossier_test_destroy_window (window);
  g_unlink (dest);
}

static gboolean
notes_revealed (gpointer window)
{
  return adw_flap_get_reveal_flap (DOSSIER_WINDOW (window)->notes_flap) &&
         gtk_widget_get_width (GTK_WIDGET (_dossier_window_get_notes_panel (window))) > 0;
}

static void
test_note_and_tags (void)
{
  DossierWindow *window;
  DossierDocument *document;
  DossierNotesPanel *panel;
  DossierAnnotation *annotation;
  DossierAnnotationRow *row;
  GtkTextBuffer *note;
  GtkEditable *entry;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *body;
  const char * const *tags;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ("harbour.txt");
  document = _dossier_window_get_document (window);
  panel = _dossier_window_get_notes_panel (window);

  /* Left over from the previous case: the notes came back, and the panel
   * shows them once the clipping is drawn */
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (document)), ==, 1);
  dossier_test_run_until (notes_revealed, window);
  g_assert_true (adw_flap_get_reveal_flap (window->notes_flap));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (panel)), >=, 300);

  /* "Note" on a new selection: a highlight in the window's last colour
   * (yellow in a new window), its card selected and its note focused. */
  dossier_test_select_text (window, "the old wall had been patched so often");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.note", NULL));
  dossier_test_run_for (100);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (document)), ==, 2);
  annotation = dossier_notes_panel_get_selected (panel);
  g_assert_nonnull (annotation);
  g_assert_cmpstr (dossier_annotation_get_exact (annotation), ==,
                   "the old wall had been patched so often");
  row = _dossier_notes_panel_find_row (panel, annotation);
  g_assert_nonnull (row);
  note = _dossier_annotation_row_get_note_buffer (row);

  /* Typing in the card is the note, saved without a Save button. */
  gtk_text_buffer_set_text (note, "Compare with the 2019 inspection.", -1);
  g_assert_cmpstr (dossier_annotation_get_note (annotation), ==, "Compare with the 2019 inspection.");
  dossier_test_run_until (dossier_test_document_saved, document);
  root = read_notes_file (document);
  body = json_object_get_object_member (json_array_get_object_element (saved_annotations (root), 1),
                                        "body");
  g_assert_cmpstr (json_object_get_string_member (body, "note"), ==,
                   "Compare with the 2019 inspection.");
  g_clear_pointer (&root, json_node_unref);

  /* Undo takes the note back, in the card too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  dossier_test_iterate_pending ();
  g_assert_cmpstr (dossier_annotation_get_note (annotation), ==, "");
  g_assert_cmpint (gtk_text_buffer_get_char_count (note), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (dossier_annotation_get_note (annotation), ==, "Compare with the 2019 inspection.");

  /* Tags: several at once, without duplicates. */
  entry = _dossier_annotation_row_get_tag_entry (row);
  gtk_editable_set_text (entry, "budget, harbour, Budget");
  g_signal_emit_by_name (entry, "activate");
  tags = dossier_annotation_get_tags (annotation);
  g_assert_cmpuint (g_strv_length ((char **)tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "budget");
  g_assert_cmpstr (tags[1], ==, "harbour");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  /* …which complete in any clipping from now on. */
  {
    GtkTreeModel *known = _dossier_notes_panel_get_known_tags (panel);
    GtkTreeIter iter;
    gboolean found = FALSE;

    for (gboolean ok = gtk_tree_model_get_iter_first (known, &iter); ok && !found;
         ok = gtk_tree_model_iter_next (known, &iter))
      {
        g_autofree char *tag = NULL;

        gtk_tree_model_get (known, &iter, 0, &tag, -1);
        found = g_strcmp0 (tag, "harbour") == 0;
      }
    g_assert_true (found);
  }

  /* The colour's meaning, named from the card, kept with the notes. */
  gtk_editable_set_text (_dossier_annotation_row_get_meaning_entry (row), " Claims to check ");
  g_signal_emit_by_name (_dossier_annotation_row_get_meaning_entry (row), "activate");
  g_assert_cmpstr (dossier_document_get_color_name (document, dossier_annotation_get_color (annotation)),
                   ==, "Claims to check");

  dossier_test_run_until (dossier_test_document_saved, document);
  root = read_notes_file (document);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (root),
                                                                                 "palette"),
                                                  dossier_annotation_color_to_string (dossier_annotation_get_color (annotation))),
                   ==, "Claims to check");
  dossier_test_destroy_window (window);
}

static void
test_filters (void)
{
  DossierWindow *window;
  DossierDocument *document;
  DossierNotesPanel *panel;
  GListModel *visible;
  g_autoptr(DossierAnnotation) first = NULL;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ("harbour.txt");
  document = _dossier_window_get_document (window);
  panel = _dossier_window_get_notes_panel (window);
  visible = _dossier_notes_panel_get_visible (panel);

  /* A pink one, from the popover's colour. */
  dossier_test_select_text (window, "We are building for the last storm");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight-color", "s", "pink"));
  /* …and "h" highlights in the colour used last. */
  dossier_test_select_text (window, "temporary barriers");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight", NULL));
  dossier_test_iterate_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (document)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 4);
  g_assert_true (dossier_test_has_tag_at (window,
                                          dossier_test_offset_of (window, "temporary barriers"),
                                          "annotation-pink-highlight"));

  _dossier_notes_panel_set_color_filter (panel, DOSSIER_ANNOTATION_COLOR_PINK, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);
  first = g_list_model_get_item (visible, 0);
  g_assert_cmpint (dossier_annotation_get_color (first), ==, DOSSIER_ANNOTATION_COLOR_PINK);
  _dossier_notes_panel_set_color_filter (panel, DOSSIER_ANNOTATION_COLOR_GREEN, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 3);
  _dossier_notes_panel_set_color_filter (panel, DOSSIER_ANNOTATION_COLOR_PINK, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  _dossier_notes_panel_set_color_filter (panel, DOSSIER_ANNOTATION_COLOR_GREEN, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 4);

  /* By tag, and by text in the quote, the note or the tags. */
  _dossier_notes_panel_set_tag_filter (panel, "harbour");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  _dossier_notes_panel_set_tag_filter (panel, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 4);
  _dossier_notes_panel_set_search (panel, "INSPECTION");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  _dossier_notes_panel_set_search (panel, "storm");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  _dossier_notes_panel_set_search (panel, "");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 4);

  /* Clicking a highlight finds its card. */
  {
    DossierAnnotation *hit;

    hit = dossier_highlighter_lookup (_dossier_window_get_highlighter (window),
                                      dossier_test_offset_of (window, "last storm"));
    g_assert_nonnull (hit);
    g_assert_cmpint (dossier_annotation_get_color (hit), ==, DOSSIER_ANNOTATION_COLOR_PINK);
    g_assert_null (dossier_highlighter_lookup (_dossier_window_get_highlighter (window), 0));
  }

  /* Removing a card is an undo step too. */
  dossier_document_remove_annotation (document, annotation_at (document, 0));
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 4);

  dossier_test_run_until (dossier_test_document_saved, document);
  dossier_test_destroy_window (window);
}

static gboolean
knows_tag (gpointer data)
{
  GtkTreeModel *known = _dossier_notes_panel_get_known_tags (data);
  GtkTreeIter iter;

  for (gboolean ok = gtk_tree_model_get_iter_first (known, &iter); ok;
       ok = gtk_tree_model_iter_next (known, &iter))
    {
      g_autofree char *tag = NULL;

      gtk_tree_model_get (known, &iter, 0, &tag, -1);
      if (g_strcmp0 (tag, "harbour") == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_clipping_notes (void)
{
  DossierWindow *window;
  DossierDocument *document;
  GtkTextBuffer *buffer;
  g_autoptr(JsonNode) root = NULL;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ("ferry.txt");
  document = g_object_ref (_dossier_window_get_document (window));
  buffer = _dossier_notes_panel_get_notes_buffer (_dossier_window_get_notes_panel (window));

  /* Tags complete from the other clippings' notes files too. */
  dossier_test_run_until (knows_tag, _dossier_window_get_notes_panel (window));

  gtk_text_buffer_set_text (buffer, "Ask the operator about the winter timetable.", -1);
  g_assert_cmpstr (dossier_document_get_notes (document), ==,
                   "Ask the operator about the winter timetable.");
  g_assert_true (dossier_document_get_unsaved (document));

  /* Closing the window right away still saves. */
  gtk_window_close (GTK_WINDOW (window));
  dossier_test_run_until (dossier_test_document_saved, document);
  root = read_notes_file (document);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "notes"), ==,
                   "Ask the operator about the winter timetable.");

  g_object_unref (document);
}

static void
test_unreadable (void)
{
  DossierWindow *window;
  DossierDocument *document;
  g_autofree char *path = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  const char *garbage = "{ \"version\": 1, \"annotations\": [ oops";
  gsize length;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  /* Where the notes of this clipping live (written by the previous case). */
  window = open_fixture ("ferry.txt");
  document = _dossier_window_get_document (window);
  path = g_file_get_path (dossier_document_get_notes_file (document));
  g_assert_cmpstr (dossier_document_get_notes (document), ==,
                   "Ask the operator about the winter timetable.");
  dossier_test_destroy_window (window);

  dossier_test_write_file (path, garbage, -1);

  window = open_fixture ("ferry.txt");
  document = _dossier_window_get_document (window);
  g_assert_true (dossier_document_get_read_only (document));
  g_assert_nonnull (_dossier_window_get_notes_banner (window));
  g_assert_true (strstr (_dossier_window_get_notes_banner (window), "read-only") != NULL);

  /* Nothing can be annotated; nothing is written. */
  dossier_test_select_text (window, "night service");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight", NULL) &&
                  g_list_model_get_n_items (dossier_document_get_annotations (document)) > 0);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (document)), ==, 0);
  gtk_text_buffer_set_text (_dossier_notes_panel_get_notes_buffer (_dossier_window_get_notes_panel (window)),
                            "typed anyway", -1);
  gtk_window_close (GTK_WINDOW (window));
  dossier_test_run_for (1500);

  g_file_get_contents (path, &after, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, garbage);

  /* Start Fresh keeps the old file aside and makes the notes writable. */
  window = open_fixture ("ferry.txt");
  document = _dossier_window_get_document (window);
  g_assert_true (dossier_document_get_read_only (document));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-fresh", NULL));
  g_assert_false (dossier_document_get_read_only (document));
  g_assert_null (_dossier_window_get_notes_banner (window));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *base = g_path_get_basename (path);
    g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
    const char *name;
    gboolean kept = FALSE;

    while ((name = g_dir_read_name (folder)))
      if (g_str_has_prefix (name, base) && strstr (name, ".corrupt-"))
        {
          g_autofree char *aside = g_build_filename (dir, name, NULL);
          g_autofree char *contents = NULL;

          g_file_get_contents (aside, &contents, NULL, NULL);
          kept = g_strcmp0 (contents, garbage) == 0;
        }
    g_assert_true (kept);
  }

  dossier_test_select_text (window, "night service");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (document)), ==, 1);
  dossier_test_run_until (dossier_test_document_saved, document);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  dossier_test_destroy_window (window);
}

static void
test_orphans (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-orphans-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "clipping.txt", NULL);
  DossierWindow *window;
  DossierDocument *document;
  DossierNotesPanel *panel;
  DossierAnnotation *annotation;
  g_autofree char *id = NULL;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  dossier_test_write_file (path,
                           "The bakery on Mill Street closed after forty years.\n\n"
                           "The owner said rents had tripled since the new station opened.\n\n"
                           "Customers left flowers at the door on the last day.\n",
                           -1);

  window = open_path (path);
  document = _dossier_window_get_document (window);
  dossier_test_select_text (window, "rents had tripled");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight", NULL));
  id = g_strdup (dossier_annotation_get_id (annotation_at (document, 0)));
  dossier_test_run_until (dossier_test_document_saved, document);
  dossier_test_destroy_window (window);

  /* The clipping is edited: the passage is gone. The notes are found by
   * path, the annotation kept as an orphan in a section of its own. */
  dossier_test_write_file (path,
                           "The bakery on Mill Street closed after forty years.\n\n"
                           "The owner blamed the cost of flour and the long hours.\n\n"
                           "Customers left flowers at the door on the last day.\n",
                           -1);

  window = open_path (path);
  document = _dossier_window_get_document (window);
  panel = _dossier_window_get_notes_panel (window);
  annotation = dossier_document_lookup_annotation (document, id);
  g_assert_nonnull (annotation);
  g_assert_true (dossier_annotation_get_orphan (annotation));
  g_assert_cmpuint (g_list_model_get_n_items (_dossier_notes_panel_get_visible (panel)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (_dossier_notes_panel_get_orphans (panel)), ==, 1);

  /* Re-attached to a new selection, it is a card again. */
  dossier_test_select_text (window, "the cost of flour");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reattach", "s", id));
  g_assert_false (dossier_annotation_get_orphan (annotation));
  g_assert_cmpstr (dossier_annotation_get_exact (annotation), ==, "the cost of flour");
  g_assert_cmpuint (g_list_model_get_n_items (_dossier_notes_panel_get_visible (panel)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (_dossier_notes_panel_get_orphans (panel)), ==, 0);
  dossier_test_iterate_pending ();
  g_assert_true (dossier_test_has_tag_at (window,
                                          dossier_test_offset_of (window, "the cost of flour"),
                                          "annotation-yellow-highlight"));

  /* …and undo makes it an orphan again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (dossier_annotation_get_orphan (annotation));
  g_assert_cmpuint (g_list_model_get_n_items (_dossier_notes_panel_get_orphans (panel)), ==, 1);

  dossier_test_run_until (dossier_test_document_saved, document);
  dossier_test_destroy_window (window);

  {
    g_autoptr(GFile) folder = g_file_new_for_path (dir);

    dossier_test_remove_tree (folder);
  }
}

/* Sends a key press through the reader's capture-phase key controllers, as
 * GTK does with a real key event. */
static gboolean
press_key (DossierWindow   *window,
           guint            keyval,
           GdkModifierType  state)
{
  GtkWidget *text_view = GTK_WIDGET (_dossier_reader_view_get_text_view (window->reader_view));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (text_view);
  gboolean handled = FALSE;

  for (guint i = 0; !handled && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  dossier_test_iterate_pending ();

  return handled;
}

/* h, u, n and t act on the selection and only on it; the colour chosen
 * last is remembered, for the next window too. */
static void
test_keys (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-keys-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "clipping.txt", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  DossierWindow *window;
  DossierDocument *document;
  DossierAnnotation *annotation;

  DOSSIER_TEST_REQUIRE_DISPLAY ();

  dossier_test_write_file (path,
                           "The ferry to the outer islands will run twice a day from June.\n\n"
                           "Fares stay the same, the operator said, but the winter timetable "
                           "drops the evening crossing.\n\n"
                           "Islanders asked for a late boat on Fridays.\n",
                           -1);
  g_settings_set_string (settings, "highlight-color", "yellow");

  window = open_path (path);
  document = _dossier_window_get_document (window);

  /* Without a selection the keys are the text view's. */
  g_assert_false (press_key (window, GDK_KEY_h, 0));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (document)), ==, 0);

  /* With one: h highlights in the last colour. */
  dossier_test_select_text (window, "twice a day");
  g_assert_false (press_key (window, GDK_KEY_h, GDK_CONTROL_MASK));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (document)), ==, 0);
  g_assert_true (press_key (window, GDK_KEY_h, 0));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (document)), ==, 1);
  annotation = annotation_at (document, 0);
  g_assert_cmpstr (dossier_annotation_get_exact (annotation), ==, "twice a day");
  g_assert_cmpint (dossier_annotation_get_color (annotation), ==, DOSSIER_ANNOTATION_COLOR_YELLOW);
  g_assert_cmpint (dossier_annotation_get_style (annotation), ==, DOSSIER_ANNOTATION_STYLE_HIGHLIGHT);

  /* A colour picked from the popover becomes the default, and is kept. */
  dossier_test_select_text (window, "Fares stay the same");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.highlight-color", "s", "purple"));
  dossier_test_iterate_pending ();
  {
    g_autofree char *kept = g_settings_get_string (settings, "highlight-color");
    g_assert_cmpstr (kept, ==, "purple");
  }

  /* u underlines, in that colour. */
  dossier_test_select_text (window, "evening crossing");
  g_assert_true (press_key (window, GDK_KEY_u, 0));
  annotation = annotation_at (document, 2);
  g_assert_cmpstr (dossier_annotation_get_exact (annotation), ==, "evening crossing");
  g_assert_cmpint (dossier_annotation_get_color (annotation), ==, DOSSIER_ANNOTATION_COLOR_PURPLE);
  g_assert_cmpint (dossier_annotation_get_style (annotation), ==, DOSSIER_ANNOTATION_STYLE_UNDERLINE);

  /* n opens the card's note editor on a new highlight. */
  dossier_test_select_text (window, "late boat");
  g_assert_true (press_key (window, GDK_KEY_n, 0));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (document)), ==, 4);
  g_assert_true (adw_flap_get_reveal_flap (window->notes_flap));

  /* Ctrl+Z, through the window's shortcut, takes the last one back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  dossier_test_iterate_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (document)), ==, 3);

  dossier_test_run_until (dossier_test_document_saved, document);
  dossier_test_destroy_window (window);

  /* The next window starts with the remembered colour. */
  window = open_path (path);
  document = _dossier_window_get_document (window);
  dossier_test_select_text (window, "Islanders asked");
  g_assert_true (press_key (window, GDK_KEY_h, 0));
  annotation = annotation_at (document, 3);
  g_assert_cmpstr (dossier_annotation_get_exact (annotation), ==, "Islanders asked");
  g_assert_cmpint (dossier_annotation_get_color (annotation), ==, DOSSIER_ANNOTATION_COLOR_PURPLE);
  dossier_test_run_until (dossier_test_document_saved, document);
  dossier_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  dossier_test_init (&argc, &argv, "notes-panel", DOSSIER_TEST_DEFAULT);

  /* In order: each case finds the notes the one before left. */
  g_test_add_func ("/dossier/notes-panel/highlight", test_highlight);
  g_test_add_func ("/dossier/notes-panel/selected-look", test_selected_look);
  g_test_add_func ("/dossier/notes-panel/many-annotations", test_many_annotations);
  g_test_add_func ("/dossier/notes-panel/note-and-tags", test_note_and_tags);
  g_test_add_func ("/dossier/notes-panel/filters", test_filters);
  g_test_add_func ("/dossier/notes-panel/clipping-notes", test_clipping_notes);
  g_test_add_func ("/dossier/notes-panel/unreadable", test_unreadable);
  g_test_add_func ("/dossier/notes-panel/orphans", test_orphans);
  g_test_add_func ("/dossier/notes-panel/keys", test_keys);

  return dossier_test_run ();
}
