/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "dossier-annotation.h"
#include "dossier-annotation-list.h"
#include "dossier-document.h"
#include "dossier-error.h"
#include "dossier-history.h"
#include "dossier-notes-json-private.h"
#include "dossier-notes-store.h"


static char *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "notes", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static guint
offset_of (const char *text,
           const char *needle,
           guint       nth)
{
  const char *p = text;

  for (guint i = 0; i < nth; i++)
    {
      p = strstr (i == 0 ? p : p + 1, needle);
      g_assert_nonnull (p);
    }

  return g_utf8_pointer_to_offset (text, p);
}

static DossierAnnotation *
annotate_quote (DossierDocument *document,
                const char      *quote,
                guint            nth)
{
  const char *text = dossier_document_get_text (document);
  guint start = offset_of (text, quote, nth);
  g_autoptr(GError) error = NULL;
  DossierAnnotation *annotation;

  annotation = dossier_document_annotate (document, start, start + g_utf8_strlen (quote, -1),
                                          DOSSIER_ANNOTATION_COLOR_YELLOW,
                                          DOSSIER_ANNOTATION_STYLE_HIGHLIGHT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_annotation_get_exact (annotation), ==, quote);

  return annotation;
}

static DossierAnnotation *
item (DossierDocument *document,
      guint            i)
{
  GListModel *model = dossier_document_get_annotations (document);
  DossierAnnotation *annotation = g_list_model_get_item (model, i);

  /* The list keeps a reference. */
  g_object_unref (annotation);

  return annotation;
}

static guint
n_annotations (DossierDocument *document)
{
  return g_list_model_get_n_items (dossier_document_get_annotations (document));
}

static char *
temp_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);

  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return g_file_load_bytes (file, NULL, NULL, NULL);
}

static DossierDocument *
council_document (void)
{
  g_autofree char *text = read_fixture ("council.txt");
  DossierDocument *document = dossier_document_new ();

  dossier_document_set_text (document, text);

  return document;
}

static void
test_round_trip (void)
{
  g_autoptr(DossierDocument) document = council_document ();
  g_autoptr(DossierDocument) loaded = council_document ();
  g_autofree char *path = temp_path ("round-trip.json");
  g_autoptr(GFile) notes = g_file_new_for_path (path);
  g_autoptr(GFile) clipping = g_file_new_for_path ("/tmp/somewhere/council.txt");
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) resaved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) entities = json_array_new ();
  g_autoptr(JsonArray) timeline = json_array_new ();
  g_autoptr(JsonArray) entities_back = NULL;
  g_autoptr(JsonObject) correction = json_object_new ();
  const char *tags[] = { "budget", "quote", NULL };
  DossierAnnotation *a, *b;

  dossier_document_set_clipping (document, clipping);
  dossier_document_set_notes_file (document, notes);
  a = annotate_quote (document, "approved the new bridge", 1);
  b = annotate_quote (document, "bridge will cost", 2);
  dossier_document_set_annotation_note (document, a, "Why *now*?\n\n- vote was 9–4");
  dossier_document_set_annotation_tags (document, a, tags);
  dossier_document_set_annotation_color (document, b, DOSSIER_ANNOTATION_COLOR_ORANGE);
  dossier_document_set_annotation_style (document, b, DOSSIER_ANNOTATION_STYLE_UNDERLINE);
  dossier_document_set_notes (document, "# Council\n\nFollow up with the mayor’s office.");
  dossier_document_set_color_name (document, DOSSIER_ANNOTATION_COLOR_ORANGE, "Numbers");
  json_object_set_string_member (correction, "rename", "Rūta Vaitkienė");
  json_object_set_int_member (correction, "mention", 3);
  json_array_add_object_element (entities, json_object_ref (correction));
  json_array_add_string_element (timeline, "opaque");
  dossier_document_set_entity_corrections (document, entities);
  dossier_document_set_timeline_corrections (document, timeline);
  g_object_unref (a);
  g_object_unref (b);

  g_assert_true (dossier_document_get_unsaved (document));
  dossier_document_save (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (dossier_document_get_unsaved (document));
  saved = file_bytes (path);

  dossier_document_load (loaded, notes, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (dossier_document_get_read_only (loaded));
  g_assert_false (dossier_document_get_unsaved (loaded));
  g_assert_cmpuint (n_annotations (loaded), ==, 2);
  a = item (loaded, 0);
  b = item (loaded, 1);
  g_assert_cmpstr (dossier_annotation_get_exact (a), ==, "approved the new bridge");
  g_assert_cmpstr (dossier_annotation_get_note (a), ==, "Why *now*?\n\n- vote was 9–4");
  g_assert_true (g_strv_equal (dossier_annotation_get_tags (a), tags));
  g_assert_cmpuint (dossier_annotation_get_start (a), ==,
                    offset_of (dossier_document_get_text (loaded), "approved the new bridge", 1));
  g_assert_cmpuint (dossier_annotation_get_end (a), ==, dossier_annotation_get_start (a) + 23);
  g_assert_cmpint (dossier_annotation_get_color (b), ==, DOSSIER_ANNOTATION_COLOR_ORANGE);
  g_assert_cmpint (dossier_annotation_get_style (b), ==, DOSSIER_ANNOTATION_STYLE_UNDERLINE);
  g_assert_cmpstr (dossier_annotation_get_prefix (b), ==, "egional grant. Critics said the ");
  g_assert_cmpstr (dossier_document_get_notes (loaded), ==, "# Council\n\nFollow up with the mayor’s office.");
  g_assert_cmpstr (dossier_document_get_color_name (loaded, DOSSIER_ANNOTATION_COLOR_ORANGE), ==, "Numbers");
  g_assert_null (dossier_document_get_color_name (loaded, DOSSIER_ANNOTATION_COLOR_YELLOW));
  entities_back = dossier_document_dup_entity_corrections (loaded);
  g_assert_cmpuint (json_array_get_length (entities_back), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entities_back, 0), "rename"),
                   ==, "Rūta Vaitkienė");

  /* Every byte survives a load and a save (clipping path included). */
  dossier_document_set_clipping (loaded, clipping);
  dossier_document_save (loaded, NULL, &error);
  g_assert_no_error (error);
  resaved = file_bytes (path);
  g_assert_true (g_bytes_equal (saved, resaved));
}

/* The notes file reader agrees with json-glib, and refuses what it does. */
static void
test_json_reader (void)
{
  const char *valid[] = {
    "{}", "[]", " {\"a\" : [1, -2, 3.5, -0.25e2, 1E3, 0, true, false, null]} ",
    "\"\\u017d\\u0117\\ud83c\\udfc0 \\\" \\\\ \\/ \\b\\f\\n\\r\\t\"",
    "{\"dup\": 1, \"dup\": 2, \"nested\": {\"deep\": [[[{}]]]}}",
    "9223372036854775807", "\"Žalgiris “quoted” 🏀\"",
  };
  const char *invalid[] = {
    "", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "1.", "-", ".5", "tru", "nul",
    "\"unterminated", "\"bad \\x escape\"", "\"\\ud800\"", "\"\\udc00 low\"", "{} {}",
    "\"tab\there\"", "[1 2]", "{1: 2}", "\"\\u00zz\"",
  };
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(JsonNode) expected = json_from_string (valid[i], NULL);
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *message = NULL;

      g_assert_nonnull (expected);
      node = _dossier_notes_json_parse (valid[i], strlen (valid[i]), &message);
      g_assert_null (message);
      g_assert_nonnull (node);
      if (!json_node_equal (node, expected))
        g_error ("%u: %s ≠ %s", i, json_to_string (node, FALSE), json_to_string (expected, FALSE));
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *message = NULL;

      node = _dossier_notes_json_parse (invalid[i], strlen (invalid[i]), &message);
      g_assert_null (node);
      g_assert_nonnull (message);
    }

  /* A hostile nesting depth is an error, not a crash. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  {
    g_autofree char *message = NULL;

    g_assert_null (_dossier_notes_json_parse (deep->str, deep->len, &message));
    g_assert_nonnull (strstr (message, "nested too deeply"));
  }
}

static void
test_unknown_members_kept (void)
{
  g_autoptr(DossierDocument) document = council_document ();
  g_autofree char *path = temp_path ("future.json");
  g_autoptr(GFile) notes = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *json = "{\"version\":1,\"notes\":\"n\",\"annotations\":[],"
                     "\"reading_position\":{\"offset\":120}}";

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  dossier_document_load (document, notes, NULL, &error);
  g_assert_no_error (error);
  dossier_document_set_notes (document, "n2");
  dossier_document_save (document, NULL, &error);
  g_assert_no_error (error);
  bytes = file_bytes (path);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "\"reading_position\" : {"));
}

typedef struct
{
  gboolean  done;
  GError   *error;
} Wait;

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *wait = user_data;

  dossier_document_save_finish (DOSSIER_DOCUMENT (object), result, &wait->error);
  wait->done = TRUE;
  g_main_context_wakeup (NULL);
}

static gboolean
save_and_wait (DossierDocument  *document,
               GError          **error)
{
  Wait wait = { FALSE, NULL };

  dossier_document_save_async (document, NULL, on_saved, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  if (wait.error)
    {
      g_propagate_error (error, wait.error);
      return FALSE;
    }

  return TRUE;
}

static void
test_save_async_backup (void)
{
  g_autoptr(DossierDocument) document = council_document ();
  g_autofree char *path = temp_path ("backup.json");
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autoptr(GFile) notes = g_file_new_for_path (path);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *dirname = g_path_get_dirname (path);
  const char *name;

  dossier_document_load (document, notes, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (annotate_quote (document, "the new bridge", 1));
  g_assert_true (save_and_wait (document, &error));
  g_assert_no_error (error);
  first = file_bytes (path);
  g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));

  dossier_document_set_notes (document, "Second version");
  g_assert_true (save_and_wait (document, &error));
  second = file_bytes (path);
  backup = file_bytes (bak);
  g_assert_true (g_bytes_equal (backup, first));
  g_assert_false (g_bytes_equal (second, first));
  g_assert_false (dossier_document_get_saving (document));

  /* No temporary file is left behind. */
  dir = g_dir_open (dirname, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_prefix (name, "backup"))
      g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, ==, 2);
}

static void
test_save_failure (void)
{
  g_autoptr(DossierDocument) document = council_document ();
  g_autofree char *blocker = temp_path ("not-a-folder");
  g_autofree char *path = g_build_filename (blocker, "notes.json", NULL);
  g_autoptr(GFile) notes = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  /* The folder is a file: mkdir fails like a read-only or full disk. */
  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
  dossier_document_set_notes_file (document, notes);
  dossier_document_set_notes (document, "text");
  g_assert_false (save_and_wait (document, &error));
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_WRITE);
  g_assert_nonnull (strstr (error->message, "notes.json"));
  g_assert_true (dossier_document_get_unsaved (document));
}

static void
test_refused (void)
{
  struct {
    const char *json;
    int         code;
  } cases[] = {
    { "{\"version\":1,\"annotations\":[", DOSSIER_ERROR_NOTES_CORRUPT },
    { "not json at all", DOSSIER_ERROR_NOTES_CORRUPT },
    { "[1,2,3]", DOSSIER_ERROR_NOTES_CORRUPT },
    { "{\"notes\":\"no version\"}", DOSSIER_ERROR_NOTES_CORRUPT },
    { "{\"version\":\"1\"}", DOSSIER_ERROR_NOTES_CORRUPT },
    { "{\"version\":1,\"annotations\":{}}", DOSSIER_ERROR_NOTES_CORRUPT },
    { "{\"version\":1,\"notes\":42}", DOSSIER_ERROR_NOTES_CORRUPT },
    { "{\"version\":1,\"palette\":{\"mauve\":\"x\"}}", DOSSIER_ERROR_NOTES_CORRUPT },
    { "{\"version\":1,\"entity_corrections\":{}}", DOSSIER_ERROR_NOTES_CORRUPT },
    { "{\"version\":1,\"annotations\":[{\"id\":\"a\",\"created\":\"2025-01-01T00:00:00Z\","
      "\"modified\":\"2025-01-01T00:00:00Z\",\"target\":{\"selector\":[{\"type\":"
      "\"TextQuoteSelector\",\"exact\":\"x\"},{\"type\":\"TextPositionSelector\","
      "\"start\":\"0\",\"end\":1}]}}]}", DOSSIER_ERROR_NOTES_CORRUPT },
    { "{\"version\":2,\"annotations\":[],\"new_feature\":true}", DOSSIER_ERROR_NOTES_NEWER },
    { "{\"version\":1,\"notes\":\"\xff\xfe\"}", DOSSIER_ERROR_NOTES_CORRUPT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DossierDocument) document = council_document ();
      g_autofree char *name = g_strdup_printf ("refused-%u.json", i);
      g_autofree char *path = temp_path (name);
      g_autoptr(GFile) notes = g_file_new_for_path (path);
      g_autoptr(GFile) aside = NULL;
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GBytes) moved = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) save_error = NULL;
      g_autofree char *bak = g_strconcat (path, ".bak", NULL);
      g_autofree char *aside_path = NULL;

      g_assert_true (g_file_set_contents (path, cases[i].json, -1, NULL));
      before = file_bytes (path);

      g_assert_false (dossier_document_load (document, notes, NULL, &error));
      g_assert_error (error, DOSSIER_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, name));
      g_assert_true (dossier_document_get_read_only (document));
      g_assert_nonnull (dossier_document_get_load_error (document));
      g_clear_error (&error);

      /* Edits are possible, saves are refused, autosave does nothing. */
      dossier_document_set_autosave (document, TRUE);
      g_object_unref (annotate_quote (document, "the new bridge", 1));
      g_assert_false (dossier_document_save (document, NULL, &save_error));
      g_assert_error (save_error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_READ_ONLY);
      g_clear_error (&save_error);
      g_assert_false (save_and_wait (document, &save_error));
      g_assert_error (save_error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_READ_ONLY);
      after = file_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));

      /* Starting fresh keeps the old file aside, byte for byte. */
      g_assert_true (dossier_document_start_fresh (document, &aside, &error));
      g_assert_no_error (error);
      aside_path = g_file_get_path (aside);
      g_assert_true (g_str_has_prefix (aside_path, path));
      g_assert_nonnull (strstr (aside_path, ".corrupt-"));
      moved = file_bytes (aside_path);
      g_assert_true (g_bytes_equal (before, moved));
      g_assert_false (dossier_document_get_read_only (document));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      /* The highlight made while read-only is kept and saved. */
      g_assert_cmpuint (n_annotations (document), ==, 1);
      g_assert_true (dossier_document_get_unsaved (document));
      dossier_document_set_autosave (document, FALSE);
      g_assert_true (dossier_document_save (document, NULL, &error));
      g_assert_no_error (error);
      {
        g_autoptr(DossierDocument) reread = council_document ();

        g_assert_true (dossier_document_load (reread, notes, NULL, &error));
        g_assert_cmpuint (n_annotations (reread), ==, 1);
      }
      dossier_document_set_autosave (document, FALSE);
    }
}

/* Damaged copies of a real notes file load or are refused; never a crash,
 * never a read-write document holding less than the file. */
static void
test_mutations (void)
{
  g_autoptr(DossierDocument) document = council_document ();
  g_autofree char *path = temp_path ("mutations.json");
  g_autoptr(GFile) notes = g_file_new_for_path (path);
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (3);
  const char *tags[] = { "t\"1", "ž", NULL };
  DossierAnnotation *annotation;
  guint loaded = 0, refused = 0;

  dossier_document_set_notes_file (document, notes);
  annotation = annotate_quote (document, "the new bridge", 1);
  dossier_document_set_annotation_note (document, annotation, "A \"note\"\n\twith escapes \\ ok");
  dossier_document_set_annotation_tags (document, annotation, tags);
  g_object_unref (annotation);
  g_object_unref (annotate_quote (document, "Žvėrynas", 1));
  dossier_document_set_notes (document, "Free\u2028notes");
  dossier_document_save (document, NULL, &error);
  g_assert_no_error (error);
  original = file_bytes (path);

  static const char json_chars[] = "{}[]\",:\\ 0a-e.ntf";

  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(DossierDocument) other = council_document ();
      g_autoptr(GError) load_error = NULL;
      gsize length = g_bytes_get_size (original);
      g_autofree char *data = g_memdup2 (g_bytes_get_data (original, NULL), length);
      gsize cut = length;

      for (guint j = 0, n = g_rand_int_range (rand, 1, 4); j < n; j++)
        {
          guint at = g_rand_int_range (rand, 0, length);

          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0: data[at] = json_chars[g_rand_int_range (rand, 0, sizeof json_chars - 1)]; break;
            case 1: data[at] = g_rand_int_range (rand, 1, 256); break;
            default: cut = MIN (cut, at); break;
            }
        }
      g_assert_true (g_file_set_contents (path, data, cut, NULL));

      if (dossier_document_load (other, notes, NULL, &load_error))
        {
          loaded++;
          g_assert_false (dossier_document_get_read_only (other));
        }
      else
        {
          refused++;
          g_assert_true (load_error->domain == DOSSIER_ERROR);
          g_assert_true (dossier_document_get_read_only (other));
        }
    }
  g_test_message ("%u damaged files loaded, %u refused", loaded, refused);
  g_assert_cmpuint (refused, >, 0);
  g_rand_free (rand);
}

static void
test_missing_is_empty (void)
{
  g_autoptr(DossierDocument) document = council_document ();
  g_autofree char *path = temp_path ("missing.json");
  g_autoptr(GFile) notes = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_document_load (document, notes, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_annotations (document), ==, 0);
  g_assert_false (dossier_document_get_read_only (document));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_duplicate_ids (void)
{
  g_autoptr(DossierDocument) document = council_document ();
  g_autofree char *path = temp_path ("duplicates.json");
  g_autoptr(GFile) notes = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
#define ONE(note) "{\"id\":\"same\",\"created\":\"2025-01-01T00:00:00Z\",\"modified\":\"2025-01-01T00:00:00Z\"," \
                  "\"body\":{\"note\":\"" note "\"},\"target\":{\"selector\":[{\"type\":\"TextQuoteSelector\"," \
                  "\"exact\":\"the new bridge\"}]}}"
  g_autofree char *a = g_strdup (ONE ("first"));
  g_autofree char *b = g_strdup (ONE ("second"));
  g_autofree char *json = g_strdup_printf ("{\"version\":1,\"annotations\":[%s,%s]}", a, b);

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  g_assert_true (dossier_document_load (document, notes, NULL, &error));
  g_assert_no_error (error);

  /* Both kept, under distinct ids. */
  g_assert_cmpuint (n_annotations (document), ==, 2);
  g_assert_cmpstr (dossier_annotation_get_id (item (document, 0)), !=,
                   dossier_annotation_get_id (item (document, 1)));
  g_assert_nonnull (dossier_document_lookup_annotation (document, "same"));
}

/* Saves the council document under the default notes location for
 * @clipping_path, with one annotation. */
static void
save_default (const char *clipping_path,
              const char *text,
              const char *quote,
              char      **notes_path)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(GFile) clipping = g_file_new_for_path (clipping_path);
  g_autoptr(GFile) notes = NULL;
  g_autoptr(GError) error = NULL;

  dossier_document_set_clipping (document, clipping);
  dossier_document_set_text (document, text);
  notes = dossier_document_resolve_notes_file (document, &error);
  g_assert_no_error (error);
  dossier_document_load (document, notes, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (annotate_quote (document, quote, 1));
  dossier_document_save (document, NULL, &error);
  g_assert_no_error (error);
  *notes_path = g_file_get_path (notes);
}

static DossierDocument *
open_default (const char  *clipping_path,
              char       **notes_path)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(GFile) clipping = g_file_new_for_path (clipping_path);
  g_autoptr(GFile) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_file_get_contents (clipping_path, &text, NULL, &error);
  g_assert_no_error (error);
  dossier_document_set_clipping (document, clipping);
  dossier_document_set_text (document, text);
  notes = dossier_document_resolve_notes_file (document, &error);
  g_assert_no_error (error);
  dossier_document_load (document, notes, NULL, &error);
  g_assert_no_error (error);
  *notes_path = g_file_get_path (notes);

  return g_steal_pointer (&document);
}

static void
test_find_after_move (void)
{
  g_autofree char *text = read_fixture ("council.txt");
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "clippings", NULL);
  g_autofree char *path = g_build_filename (dir, "council.txt", NULL);
  g_autofree char *moved = g_build_filename (dir, "renamed.txt", NULL);
  g_autofree char *notes_path = NULL;
  g_autofree char *found_path = NULL;
  g_autofree char *expected_name = NULL;
  g_autofree char *fingerprint = dossier_document_compute_fingerprint (text);
  g_autoptr(GFile) notes_dir = dossier_notes_store_get_dir ();
  g_autofree char *notes_dir_path = g_file_get_path (notes_dir);
  g_autofree char *index_path = g_build_filename (notes_dir_path, "index.json", NULL);
  g_autoptr(DossierDocument) document = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  save_default (path, text, "the new bridge", &notes_path);

  /* <user data>/dossier/notes/<16 hex digits of the fingerprint>.json */
  expected_name = g_strdup_printf ("%.16s.json", fingerprint);
  g_assert_true (g_str_has_prefix (notes_path, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (notes_path, expected_name));
  g_assert_true (g_file_test (index_path, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (g_rename (path, moved), ==, 0);
  document = open_default (moved, &found_path);
  g_assert_cmpstr (found_path, ==, notes_path);
  g_assert_cmpuint (n_annotations (document), ==, 1);

  /* Even with the index lost, the file name finds it. */
  g_clear_object (&document);
  g_clear_pointer (&found_path, g_free);
  g_assert_cmpint (g_unlink (index_path), ==, 0);
  document = open_default (moved, &found_path);
  g_assert_cmpstr (found_path, ==, notes_path);
  g_assert_cmpuint (n_annotations (document), ==, 1);
}

static void
test_find_after_edit (void)
{
  g_autofree char *text = read_fixture ("council.txt");
  g_autofree char *edited = read_fixture ("council-edited.txt");
  g_autofree char *path = temp_path ("edited.txt");
  g_autofree char *notes_path = NULL;
  g_autofree char *found_path = NULL;
  g_autoptr(DossierDocument) document = NULL;
  DossierAnnotation *annotation;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  save_default (path, text, "We have waited long enough", &notes_path);

  /* The text changed: the fingerprint does not match, the path does. */
  g_assert_true (g_file_set_contents (path, edited, -1, NULL));
  document = open_default (path, &found_path);
  g_assert_cmpstr (found_path, ==, notes_path);
  g_assert_cmpuint (n_annotations (document), ==, 1);
  annotation = item (document, 0);
  g_assert_false (dossier_annotation_get_orphan (annotation));
  g_assert_cmpuint (dossier_annotation_get_start (annotation), ==, offset_of (edited, "We have waited", 1));
}

static void
test_copy_has_own_notes (void)
{
  g_autofree char *text = read_fixture ("council.txt");
  g_autofree char *path = temp_path ("original.txt");
  g_autofree char *copy = temp_path ("copy.txt");
  g_autofree char *notes_path = NULL;
  g_autofree char *copy_notes = NULL;
  g_autoptr(DossierDocument) document = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (g_file_set_contents (copy, text, -1, NULL));
  save_default (path, text, "the new bridge", &notes_path);

  document = open_default (copy, &copy_notes);
  g_assert_cmpstr (copy_notes, !=, notes_path);
  g_assert_cmpuint (n_annotations (document), ==, 0);
}

static void
test_reanchor_orphan_reattach (void)
{
  g_autoptr(DossierDocument) document = council_document ();
  g_autofree char *edited = read_fixture ("council-edited.txt");
  GListModel *model = dossier_document_get_annotations (document);
  g_autoptr(GError) error = NULL;
  DossierAnnotation *ferry, *debate, *gallery;
  guint start;

  ferry = annotate_quote (document, "which has carried cars across the river since 1961", 1);
  debate = annotate_quote (document, "after a two-hour debate", 1);
  gallery = annotate_quote (document, "to applause from the public gallery", 1);
  g_assert_true (item (document, 2) == ferry);

  g_assert_cmpuint (dossier_document_reanchor (document), ==, 0);
  dossier_document_set_text (document, edited);

  /* Nothing is dropped: the lost passage is an orphan, listed last. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (dossier_annotation_get_orphan (ferry));
  g_assert_false (dossier_annotation_get_orphan (debate));
  g_assert_false (dossier_annotation_get_orphan (gallery));
  g_assert_true (item (document, 2) == ferry);
  g_assert_cmpuint (dossier_annotation_get_start (debate), ==, offset_of (edited, "after a three-hour", 1));
  g_assert_cmpuint (dossier_annotation_get_end (debate), ==,
                    offset_of (edited, "after a three-hour", 1) + g_utf8_strlen ("after a three-hour debate", -1));
  g_assert_cmpuint (dossier_annotation_get_start (gallery), ==, offset_of (edited, "to loud applause", 1));
  /* The user's quote is kept as it was made. */
  g_assert_cmpstr (dossier_annotation_get_exact (debate), ==, "after a two-hour debate");

  /* Re-attach the orphan to a passage the user selects. */
  start = offset_of (edited, "Construction starts in April", 1);
  g_assert_false (dossier_document_reattach (document, ferry, start, start, &error));
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (dossier_document_reattach (document, ferry, start, start + 12, &error));
  g_assert_no_error (error);
  g_assert_false (dossier_annotation_get_orphan (ferry));
  g_assert_cmpstr (dossier_annotation_get_exact (ferry), ==, "Construction");
  g_assert_cmpuint (dossier_annotation_get_start (ferry), ==, start);
  g_assert_cmpuint (dossier_annotation_list_get_n_orphans (DOSSIER_ANNOTATION_LIST (model)), ==, 0);

  /* Undone, it is the orphan it was. */
  g_assert_true (dossier_document_undo (document));
  g_assert_true (dossier_annotation_get_orphan (ferry));
  g_assert_cmpstr (dossier_annotation_get_exact (ferry), ==, "which has carried cars across the river since 1961");
  g_assert_true (item (document, 2) == ferry);

  g_object_unref (ferry);
  g_object_unref (debate);
  g_object_unref (gallery);
}

static void
test_undo_redo (void)
{
  g_autoptr(DossierDocument) document = council_document ();
  DossierHistory *history = dossier_document_get_history (document);
  g_autoptr(JsonArray) corrections = json_array_new ();
  g_autoptr(JsonArray) back = NULL;
  const char *tags[] = { "a", "b", NULL };
  DossierAnnotation *annotation;
  guint steps = 0;

  g_assert_false (dossier_history_get_can_undo (history));
  g_assert_false (dossier_document_undo (document));

  annotation = annotate_quote (document, "the new bridge", 1);                     steps++;
  /* Typing: three changes of the note, one undo step. */
  dossier_document_set_annotation_note (document, annotation, "W");
  dossier_document_set_annotation_note (document, annotation, "Wh");
  dossier_document_set_annotation_note (document, annotation, "Why?");             steps++;
  dossier_history_seal (history);
  dossier_document_set_annotation_tags (document, annotation, tags);               steps++;
  dossier_document_set_annotation_color (document, annotation, DOSSIER_ANNOTATION_COLOR_BLUE); steps++;
  dossier_document_set_annotation_color (document, annotation, DOSSIER_ANNOTATION_COLOR_BLUE);
  dossier_document_set_annotation_style (document, annotation, DOSSIER_ANNOTATION_STYLE_UNDERLINE); steps++;
  dossier_document_set_notes (document, "Free notes");                             steps++;
  dossier_document_set_color_name (document, DOSSIER_ANNOTATION_COLOR_BLUE, "Claims"); steps++;
  json_array_add_string_element (corrections, "merge A B");
  dossier_document_set_entity_corrections (document, corrections);                 steps++;
  dossier_document_set_timeline_corrections (document, corrections);               steps++;
  dossier_document_remove_annotation (document, annotation);                       steps++;
  g_assert_cmpuint (n_annotations (document), ==, 0);
  g_assert_true (dossier_history_get_can_undo (history));
  g_assert_false (dossier_history_get_can_redo (history));

  /* Undo everything, checking on the way. */
  g_assert_true (dossier_document_undo (document));
  g_assert_cmpuint (n_annotations (document), ==, 1);
  g_assert_true (item (document, 0) == annotation);
  g_assert_cmpstr (dossier_annotation_get_note (annotation), ==, "Why?");
  g_assert_true (dossier_document_undo (document));
  back = dossier_document_dup_timeline_corrections (document);
  g_assert_cmpuint (json_array_get_length (back), ==, 0);
  g_clear_pointer (&back, json_array_unref);
  g_assert_true (dossier_document_undo (document));
  back = dossier_document_dup_entity_corrections (document);
  g_assert_cmpuint (json_array_get_length (back), ==, 0);
  g_assert_true (dossier_document_undo (document));
  g_assert_null (dossier_document_get_color_name (document, DOSSIER_ANNOTATION_COLOR_BLUE));
  g_assert_true (dossier_document_undo (document));
  g_assert_cmpstr (dossier_document_get_notes (document), ==, "");
  g_assert_true (dossier_document_undo (document));
  g_assert_cmpint (dossier_annotation_get_style (annotation), ==, DOSSIER_ANNOTATION_STYLE_HIGHLIGHT);
  g_assert_true (dossier_document_undo (document));
  g_assert_cmpint (dossier_annotation_get_color (annotation), ==, DOSSIER_ANNOTATION_COLOR_YELLOW);
  g_assert_true (dossier_document_undo (document));
  g_assert_cmpuint (g_strv_length ((char **)dossier_annotation_get_tags (annotation)), ==, 0);
  g_assert_true (dossier_document_undo (document));
  g_assert_cmpstr (dossier_annotation_get_note (annotation), ==, "");
  g_assert_true (dossier_document_undo (document));
  g_assert_cmpuint (n_annotations (document), ==, 0);
  g_assert_false (dossier_document_undo (document));
  g_assert_false (dossier_history_get_can_undo (history));

  /* Redo everything. */
  for (guint i = 0; i < steps; i++)
    g_assert_true (dossier_document_redo (document));
  g_assert_false (dossier_document_redo (document));
  g_assert_cmpuint (n_annotations (document), ==, 0);
  g_assert_cmpstr (dossier_document_get_notes (document), ==, "Free notes");
  g_assert_cmpstr (dossier_document_get_color_name (document, DOSSIER_ANNOTATION_COLOR_BLUE), ==, "Claims");
  g_assert_cmpstr (dossier_annotation_get_note (annotation), ==, "Why?");
  g_assert_cmpint (dossier_annotation_get_style (annotation), ==, DOSSIER_ANNOTATION_STYLE_UNDERLINE);

  /* A new edit after an undo drops what could be redone. */
  g_assert_true (dossier_document_undo (document));
  g_assert_true (dossier_document_undo (document));
  g_assert_true (dossier_history_get_can_redo (history));
  dossier_document_set_notes (document, "Other notes");
  g_assert_false (dossier_history_get_can_redo (history));
  g_assert_true (dossier_document_undo (document));
  g_assert_cmpstr (dossier_document_get_notes (document), ==, "Free notes");

  g_object_unref (annotation);
}

static void
test_import_w3c (void)
{
  g_autoptr(DossierDocument) document = council_document ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = dossier_document_get_text (document);
  guint n = 99;
  DossierAnnotation *a, *b, *c;
  g_autofree char *json = g_strdup_printf (
    "{ \"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"AnnotationCollection\","
    "  \"total\": 3, \"first\": { \"type\": \"AnnotationPage\", \"items\": ["
    "  { \"id\": \"urn:uuid:0b9c1e4a-0000-4000-8000-000000000001\", \"type\": \"Annotation\","
    "    \"created\": \"2025-11-27T10:00:00Z\", \"modified\": \"2025-11-28T10:00:00Z\","
    "    \"body\": [ { \"type\": \"TextualBody\", \"value\": \"Check the budget\", \"purpose\": \"commenting\" },"
    "              { \"type\": \"TextualBody\", \"value\": \"money\", \"purpose\": \"tagging\" } ],"
    "    \"target\": { \"source\": \"file:///council.txt\", \"selector\": ["
    "      { \"type\": \"TextQuoteSelector\", \"exact\": \"4.2 million euros\", \"prefix\": \"The bridge will cost \", \"suffix\": \", paid\" },"
    "      { \"type\": \"TextPositionSelector\", \"start\": %u, \"end\": %u } ] } },"
    "  { \"id\": \"http://example.org/anno/2\", \"type\": \"Annotation\", \"bodyValue\": \"A quote without position\","
    "    \"target\": { \"selector\": { \"type\": \"TextQuoteSelector\", \"exact\": \"My children will finally walk to school\" } } },"
    "  { \"type\": \"Annotation\", \"body\": { \"type\": \"TextualBody\", \"value\": \"Gone\" },"
    "    \"target\": [ { \"selector\": { \"type\": \"TextQuoteSelector\", \"exact\": \"a passage that is not in this clipping at all\" } } ] }"
    "] } }",
    offset_of (text, "4.2 million", 1), offset_of (text, "4.2 million", 1) + 17);

  root = json_from_string (json, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_document_import_w3c (document, root, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (n_annotations (document), ==, 3);

  a = dossier_document_lookup_annotation (document, "0b9c1e4a-0000-4000-8000-000000000001");
  g_assert_nonnull (a);
  g_assert_cmpstr (dossier_annotation_get_note (a), ==, "Check the budget");
  g_assert_cmpstr (dossier_annotation_get_tags (a)[0], ==, "money");
  g_assert_cmpuint (dossier_annotation_get_start (a), ==, offset_of (text, "4.2 million", 1));
  g_assert_false (dossier_annotation_get_orphan (a));
  g_assert_cmpint (g_date_time_get_day_of_month (dossier_annotation_get_modified (a)), ==, 28);

  b = dossier_document_lookup_annotation (document, "http://example.org/anno/2");
  g_assert_nonnull (b);
  g_assert_false (dossier_annotation_get_orphan (b));
  g_assert_cmpuint (dossier_annotation_get_start (b), ==, offset_of (text, "My children", 1));
  /* Context filled in from the text. */
  g_assert_cmpstr (dossier_annotation_get_suffix (b), ==, ",” said Jonas Petraitis, a baker");

  c = item (document, 2);
  g_assert_true (dossier_annotation_get_orphan (c));
  g_assert_cmpstr (dossier_annotation_get_note (c), ==, "Gone");

  /* Importing again adds only what has no id (the third). */
  g_assert_true (dossier_document_import_w3c (document, root, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (n_annotations (document), ==, 4);

  /* Each import is one undo step. */
  g_assert_true (dossier_document_undo (document));
  g_assert_cmpuint (n_annotations (document), ==, 3);
  g_assert_true (dossier_document_undo (document));
  g_assert_cmpuint (n_annotations (document), ==, 0);

  /* Not annotations at all. */
  g_clear_pointer (&root, json_node_unref);
  root = json_from_string ("{\"hello\": 1}", NULL);
  g_assert_false (dossier_document_import_w3c (document, root, &n, &error));
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID);
}

static void
test_import_hypothesis_api (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("DOSSIER_SHARED") ? g_getenv ("DOSSIER_SHARED") : "../shared",
                                           "corpora", "hypothesis-anchoring-baselines", NULL);
  g_autofree char *json_path = g_build_filename (dir, "minimal.json", NULL);
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  DossierAnnotation *annotation;
  guint n = 0;

  if (!g_file_test (json_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no hypothesis-anchoring-baselines corpus");
      return;
    }

  /* The body text of minimal.html, as a browser gives it. */
  dossier_document_set_text (document, "One Two Three\n");
  json_parser_load_from_file (parser, json_path, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_document_import_w3c (document, json_parser_get_root (parser), &n, &error));
  g_assert_cmpuint (n, ==, 1);
  annotation = dossier_document_lookup_annotation (document, "test");
  g_assert_cmpuint (dossier_annotation_get_start (annotation), ==, 4);
  g_assert_cmpuint (dossier_annotation_get_end (annotation), ==, 7);
  g_assert_false (dossier_annotation_get_orphan (annotation));
}

static void
on_unsaved (DossierDocument *document,
            GParamSpec      *pspec,
            gint64          *saved_at)
{
  if (!dossier_document_get_unsaved (document))
    *saved_at = g_get_monotonic_time ();
}

static gboolean
time_out (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_autosave (void)
{
  g_autoptr(DossierDocument) document = council_document ();
  g_autofree char *path = temp_path ("autosave.json");
  g_autoptr(GFile) notes = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 changed_at, saved_at = 0;
  gboolean timed_out = FALSE;
  guint timeout;

  dossier_document_load (document, notes, NULL, &error);
  g_assert_no_error (error);
  dossier_document_set_autosave (document, TRUE);
  g_signal_connect (document, "notify::unsaved", G_CALLBACK (on_unsaved), &saved_at);

  changed_at = g_get_monotonic_time ();
  dossier_document_set_notes (document, "typed");
  g_assert_true (dossier_document_get_unsaved (document));
  timeout = g_timeout_add (3000, time_out, &timed_out);
  while (saved_at == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);

  /* Within a second and a bit of the change, and on disk. */
  g_test_message ("autosaved after %" G_GINT64_FORMAT " ms", (saved_at - changed_at) / 1000);
  g_assert_cmpint (saved_at - changed_at, <, 1500 * 1000);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_large (void)
{
  guint n = g_getenv ("DOSSIER_BENCH_ANNOTATIONS") ? atoi (g_getenv ("DOSSIER_BENCH_ANNOTATIONS")) : 5000;
  gsize size = g_getenv ("DOSSIER_BENCH_TEXT_MB") ? atoi (g_getenv ("DOSSIER_BENCH_TEXT_MB")) << 20 : 2 << 20;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) edited = NULL;
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(DossierDocument) loaded = dossier_document_new ();
  g_autofree char *path = temp_path ("large.json");
  g_autoptr(GFile) notes = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (7);
  guint length;
  gint64 t0, t1, t2, t3, t4;
  clock_t c0, c1, c2, c3, c4;

  for (guint i = 0; text->len < size; i++)
    g_string_append_printf (text, "Paragraph %u says that the council met on day %u and voted %u to %u. ",
                            i, i % 31, i % 13, i % 7);
  dossier_document_set_text (document, text->str);
  length = g_utf8_strlen (text->str, -1);
  dossier_document_set_notes_file (document, notes);
  for (guint i = 0; i < n; i++)
    {
      guint start = g_rand_int_range (rand, 0, length - 40);
      DossierAnnotation *annotation;

      annotation = dossier_document_annotate (document, start, start + g_rand_int_range (rand, 5, 40),
                                              i % DOSSIER_N_ANNOTATION_COLORS,
                                              DOSSIER_ANNOTATION_STYLE_HIGHLIGHT, &error);
      g_assert_no_error (error);
      g_object_unref (annotation);
    }

  t0 = g_get_monotonic_time ();
  c0 = clock ();
  g_bytes_unref (dossier_document_serialize (document));
  c1 = clock ();
  t1 = g_get_monotonic_time ();
  g_test_message ("serialise %" G_GINT64_FORMAT " ms (CPU %ld ms)", (t1 - t0) / 1000,
                  (long)((c1 - c0) * 1000 / CLOCKS_PER_SEC));

  t0 = g_get_monotonic_time ();
  c0 = clock ();
  g_assert_true (save_and_wait (document, &error));
  c1 = clock ();
  t1 = g_get_monotonic_time ();

  /* Loading on the same text, then on a text with a paragraph inserted at
   * the top (every annotation moves). */
  dossier_document_set_text (loaded, text->str);
  t2 = g_get_monotonic_time ();
  c2 = clock ();
  dossier_document_load (loaded, notes, NULL, &error);
  g_assert_no_error (error);
  c3 = clock ();
  t3 = g_get_monotonic_time ();
  g_assert_cmpuint (n_annotations (loaded), ==, n);

  edited = g_string_new ("A new paragraph at the top.\n\n");
  g_string_append (edited, text->str);
  dossier_document_set_text (loaded, edited->str);
  c4 = clock ();
  t4 = g_get_monotonic_time ();
  g_assert_cmpuint (dossier_annotation_list_get_n_orphans (DOSSIER_ANNOTATION_LIST (dossier_document_get_annotations (loaded))),
                    ==, 0);

  g_test_message ("%u annotations on %zu MB: save %" G_GINT64_FORMAT " ms, load + anchor %" G_GINT64_FORMAT
                  " ms, re-anchor after an insertion %" G_GINT64_FORMAT " ms",
                  n, text->len >> 20, (t1 - t0) / 1000, (t3 - t2) / 1000, (t4 - t3) / 1000);
  g_test_message ("CPU time: save %ld ms (the calling thread), load + anchor %ld ms, re-anchor %ld ms",
                  (long)((c1 - c0) * 1000 / CLOCKS_PER_SEC), (long)((c3 - c2) * 1000 / CLOCKS_PER_SEC),
                  (long)((c4 - c3) * 1000 / CLOCKS_PER_SEC));
  g_rand_free (rand);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/dossier/document/round-trip", test_round_trip);
  g_test_add_func ("/dossier/document/json-reader", test_json_reader);
  g_test_add_func ("/dossier/document/unknown-members-kept", test_unknown_members_kept);
  g_test_add_func ("/dossier/document/save-async-backup", test_save_async_backup);
  g_test_add_func ("/dossier/document/save-failure", test_save_failure);
  g_test_add_func ("/dossier/document/refused", test_refused);
  g_test_add_func ("/dossier/document/missing-is-empty", test_missing_is_empty);
  g_test_add_func ("/dossier/document/mutations", test_mutations);
  g_test_add_func ("/dossier/document/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/dossier/document/find-after-move", test_find_after_move);
  g_test_add_func ("/dossier/document/find-after-edit", test_find_after_edit);
  g_test_add_func ("/dossier/document/copy-has-own-notes", test_copy_has_own_notes);
  g_test_add_func ("/dossier/document/reanchor-orphan-reattach", test_reanchor_orphan_reattach);
  g_test_add_func ("/dossier/document/undo-redo", test_undo_redo);
  g_test_add_func ("/dossier/document/import-w3c", test_import_w3c);
  g_test_add_func ("/dossier/document/import-hypothesis-api", test_import_hypothesis_api);
  g_test_add_func ("/dossier/document/autosave", test_autosave);
  g_test_add_func ("/dossier/document/large", test_large);

  return g_test_run ();
}
