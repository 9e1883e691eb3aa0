/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-timeline-corrections"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dossier-anchor.h"
#include "dossier-document.h"
#include "dossier-timeline-corrections.h"
#include "dossier-timex.h"
#include "dossier-timex-private.h"

/* Offsets are code points: "é" in "Café" is one. */
static const char text[] =
  "The Café vote was on Tuesday. The next day it rained. "
  "Nobody met on vote day again.";
/* "Tuesday" 21-28, "The next day" 30-42, "vote day" 68-76 */

static DossierTimex *
timex (const char *words,
       const char *value,
       const char *precision,
       const char *first,
       const char *last,
       guint       start,
       guint       end)
{
  DossierTimexInit init = {
    .text = words, .value = value, .timex_type = "date", .start = start, .end = end,
    .sentence = "sentence", .sentence_start = 0, .precision = precision,
    .interval_start = first, .interval_end = last,
  };

  return _dossier_timex_new (&init);
}

static GPtrArray *
analysis (void)
{
  GPtrArray *timexes = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (timexes, timex ("Tuesday", "2025-11-25", "day", "2025-11-25", "2025-11-25", 21, 28));
  g_ptr_array_add (timexes, timex ("The next day", "2025-11-26", "day", "2025-11-26", "2025-11-26", 30, 42));

  return timexes;
}

static JsonArray *
parse_array (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return json_array_ref (json_node_get_array (node));
}

/* "text=value[precision first..last]" for each entry */
static char *
describe (GPtrArray *timexes)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < timexes->len; i++)
    {
      DossierTimex *t = g_ptr_array_index (timexes, i);

      g_string_append_printf (str, "%s%s@%u-%u=%s[%s %s..%s]", i ? "; " : "",
                              dossier_timex_get_text (t),
                              dossier_timex_get_start (t), dossier_timex_get_end (t),
                              dossier_timex_get_value (t), dossier_timex_get_precision (t),
                              dossier_timex_get_interval_start (t),
                              dossier_timex_get_interval_end (t));
    }

  return g_string_free (str, FALSE);
}

static char *
apply (const char  *json,
       char       **hidden_out)
{
  g_autoptr(GPtrArray) timexes = analysis ();
  g_autoptr(JsonArray) corrections = parse_array (json);
  g_autoptr(GPtrArray) hidden = NULL;
  g_autoptr(GPtrArray) shown = dossier_timeline_corrections_apply (timexes, corrections, text, &hidden);

  if (hidden_out)
    *hidden_out = describe (hidden);

  return describe (shown);
}

static void
test_values (void)
{
  static const char *valid[] = {
    "2025", "2025-11", "2025-11-25", "2024-02-29", "2025-11-25T14:30", "2025-W47",
    "2025-W43-WE", "2020-W53", "0999",
  };
  static const char *invalid[] = {
    NULL, "", "25", "2025-13", "2025-00", "2025-02-29", "2025-11-31", "2025-11-25T24:00",
    "2025-11-25T1430", "2025-W54", "2025-W00", "2025-W53", "2025-W43-XX", "P3D", "PAST_REF",
    "2025-11-25 ", "2025/11/25", "abcd", "0000",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (dossier_timeline_value_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (dossier_timeline_value_is_valid (invalid[i]));
}

static void
test_none (void)
{
  g_autoptr(GPtrArray) timexes = analysis ();
  g_autoptr(GPtrArray) hidden = NULL;
  g_autoptr(GPtrArray) shown = dossier_timeline_corrections_apply (timexes, NULL, text, &hidden);

  /* The same entries, not copies */
  g_assert_cmpuint (shown->len, ==, 2);
  g_assert_true (g_ptr_array_index (shown, 0) == g_ptr_array_index (timexes, 0));
  g_assert_true (g_ptr_array_index (shown, 1) == g_ptr_array_index (timexes, 1));
  g_assert_cmpuint (hidden->len, ==, 0);
}

static void
test_redate (void)
{
  g_autofree char *shown = NULL;
  g_autofree char *month = NULL;
  g_autofree char *week = NULL;

  shown = apply ("[{\"action\": \"redate\", \"start\": 21, \"end\": 28, \"text\": \"Tuesday\","
                 "  \"value\": \"2025-11-18\"}]", NULL);
  g_assert_cmpstr (shown, ==,
                   "Tuesday@21-28=2025-11-18[day 2025-11-18..2025-11-18]; "
                   "The next day@30-42=2025-11-26[day 2025-11-26..2025-11-26]");

  /* At any precision the user gives; the last redate wins */
  month = apply ("[{\"action\": \"redate\", \"start\": 30, \"end\": 42, \"value\": \"2025-11-18\"},"
                 " {\"action\": \"redate\", \"start\": 30, \"end\": 42, \"value\": \"2024-02\"}]", NULL);
  g_assert_cmpstr (month, ==,
                   "Tuesday@21-28=2025-11-25[day 2025-11-25..2025-11-25]; "
                   "The next day@30-42=2024-02[month 2024-02-01..2024-02-29]");

  week = apply ("[{\"action\": \"redate\", \"start\": 21, \"end\": 28, \"value\": \"2026-W01\"},"
                " {\"action\": \"redate\", \"start\": 30, \"end\": 42, \"value\": \"2025-W43-WE\"}]", NULL);
  g_assert_cmpstr (week, ==,
                   "Tuesday@21-28=2026-W01[week 2025-12-29..2026-01-04]; "
                   "The next day@30-42=2025-W43-WE[weekend 2025-10-25..2025-10-26]");
}

static void
test_hide (void)
{
  g_autofree char *hidden = NULL;
  g_autofree char *shown = apply ("[{\"action\": \"hide\", \"start\": 21, \"end\": 28, \"text\": \"Tuesday\"},"
                                  " {\"action\": \"redate\", \"start\": 21, \"end\": 28, \"value\": \"2025\"}]",
                                  &hidden);

  g_assert_cmpstr (shown, ==, "The next day@30-42=2025-11-26[day 2025-11-26..2025-11-26]");
  /* Hidden entries keep their corrected date, to be shown again */
  g_assert_cmpstr (hidden, ==, "Tuesday@21-28=2025[year 2025-01-01..2025-12-31]");
}

static void
test_add (void)
{
  g_autoptr(GPtrArray) timexes = analysis ();
  g_autoptr(JsonArray) corrections = parse_array ("[{\"action\": \"add\", \"start\": 68, \"end\": 76,"
                                                  "  \"text\": \"vote day\", \"value\": \"2025-11-25\"}]");
  g_autoptr(GPtrArray) shown = dossier_timeline_corrections_apply (timexes, corrections, text, NULL);
  g_autoptr(GPtrArray) no_text = dossier_timeline_corrections_apply (timexes, corrections, NULL, NULL);
  g_autofree char *str = describe (shown);
  DossierTimex *added;

  g_assert_cmpstr (str, ==,
                   "Tuesday@21-28=2025-11-25[day 2025-11-25..2025-11-25]; "
                   "The next day@30-42=2025-11-26[day 2025-11-26..2025-11-26]; "
                   "vote day@68-76=2025-11-25[day 2025-11-25..2025-11-25]");

  /* Its words and its sentence come from the text */
  added = g_ptr_array_index (shown, 2);
  g_assert_cmpstr (dossier_timex_get_timex_type (added), ==, "date");
  g_assert_cmpstr (dossier_timex_get_sentence (added), ==, "Nobody met on vote day again.");
  g_assert_cmpuint (dossier_timex_get_sentence_start (added), ==, 54);

  /* Without the text, nothing can be added */
  g_assert_cmpuint (no_text->len, ==, 2);
}

static void
test_add_on_found (void)
{
  g_autofree char *hidden = NULL;
  g_autofree char *shown = NULL;

  /* An added date on words the analysis found corrects their entry */
  shown = apply ("[{\"action\": \"add\", \"start\": 21, \"end\": 28, \"value\": \"2025-11-11T09:15\"}]",
                 &hidden);
  g_assert_cmpstr (shown, ==,
                   "Tuesday@21-28=2025-11-11T09:15[time 2025-11-11..2025-11-11]; "
                   "The next day@30-42=2025-11-26[day 2025-11-26..2025-11-26]");
  g_assert_cmpstr (hidden, ==, "");
}

static void
test_stale (void)
{
  g_autofree char *shown = NULL;
  g_autofree char *hidden = NULL;

  /* Words that moved, spans past the end, bad values and unknown
   * actions are all left out */
  shown = apply ("[{\"action\": \"redate\", \"start\": 21, \"end\": 28, \"text\": \"Monday\", \"value\": \"2025\"},"
                 " {\"action\": \"hide\", \"start\": 30, \"end\": 42, \"text\": \"the next day\"},"
                 " {\"action\": \"add\", \"start\": 80, \"end\": 900, \"value\": \"2025\"},"
                 " {\"action\": \"add\", \"start\": 68, \"end\": 76, \"value\": \"P3D\"},"
                 " {\"action\": \"redate\", \"start\": 28, \"end\": 21, \"value\": \"2025\"},"
                 " {\"action\": \"merge\", \"start\": 21, \"end\": 28},"
                 " {\"action\": \"hide\", \"start\": \"21\", \"end\": 28},"
                 " \"hide\", 42, null]",
                 &hidden);
  g_assert_cmpstr (shown, ==,
                   "Tuesday@21-28=2025-11-25[day 2025-11-25..2025-11-25]; "
                   "The next day@30-42=2025-11-26[day 2025-11-26..2025-11-26]");
  g_assert_cmpstr (hidden, ==, "");
}

static char *
to_string (JsonArray *array)
{
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), array);

  return json_to_string (node, FALSE);
}

static void
test_edit (void)
{
  g_autoptr(GPtrArray) timexes = analysis ();
  g_autoptr(JsonArray) corrections = json_array_new ();
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) hidden = NULL;
  DossierTimex *tuesday = g_ptr_array_index (timexes, 0);
  g_autofree char *str = NULL;

  /* A second redate replaces the first */
  dossier_timeline_corrections_redate (corrections, tuesday, "2025-11-18");
  dossier_timeline_corrections_redate (corrections, tuesday, "2025-11-19");
  str = to_string (corrections);
  g_assert_cmpstr (str, ==,
                   "[{\"action\":\"redate\",\"start\":21,\"end\":28,\"text\":\"Tuesday\","
                   "\"value\":\"2025-11-19\"}]");
  g_clear_pointer (&str, g_free);

  /* Hide, hide again (one correction), show again (none) */
  dossier_timeline_corrections_set_hidden (corrections, tuesday, TRUE);
  dossier_timeline_corrections_set_hidden (corrections, tuesday, TRUE);
  g_assert_cmpuint (json_array_get_length (corrections), ==, 2);
  dossier_timeline_corrections_set_hidden (corrections, tuesday, FALSE);
  g_assert_cmpuint (json_array_get_length (corrections), ==, 1);

  /* Adding checks the span and the value */
  g_assert_false (dossier_timeline_corrections_add (corrections, text, 68, 76, "someday"));
  g_assert_false (dossier_timeline_corrections_add (corrections, text, 76, 68, "2025"));
  g_assert_false (dossier_timeline_corrections_add (corrections, text, 80, 500, "2025"));
  g_assert_false (dossier_timeline_corrections_add (corrections, text, 29, 30, "2025"));
  g_assert_true (dossier_timeline_corrections_add (corrections, text, 68, 76, "2025-11-25"));
  g_assert_cmpuint (json_array_get_length (corrections), ==, 2);

  /* Redating an added date changes it, hiding it hides it */
  shown = dossier_timeline_corrections_apply (timexes, corrections, text, NULL);
  g_assert_cmpuint (shown->len, ==, 3);
  dossier_timeline_corrections_redate (corrections, g_ptr_array_index (shown, 2), "2025-12");
  dossier_timeline_corrections_set_hidden (corrections, g_ptr_array_index (shown, 2), TRUE);
  str = to_string (corrections);
  g_assert_cmpstr (str, ==,
                   "[{\"action\":\"redate\",\"start\":21,\"end\":28,\"text\":\"Tuesday\","
                   "\"value\":\"2025-11-19\"},"
                   "{\"action\":\"add\",\"start\":68,\"end\":76,\"text\":\"vote day\","
                   "\"prefix\":\"xt day it rained. Nobody met on \",\"suffix\":\" again.\","
                   "\"value\":\"2025-12\"},"
                   "{\"action\":\"hide\",\"start\":68,\"end\":76,\"text\":\"vote day\","
                   "\"prefix\":\"Nobody met on \",\"suffix\":\" again.\"}]");
  g_clear_pointer (&shown, g_ptr_array_unref);
  shown = dossier_timeline_corrections_apply (timexes, corrections, text, &hidden);
  g_clear_pointer (&str, g_free);
  str = describe (hidden);
  g_assert_cmpstr (str, ==, "vote day@68-76=2025-12[month 2025-12-01..2025-12-31]");
}

static void
on_changed (DossierDocument *document,
            guint           *count)
{
  (*count)++;
}

/* Corrections follow their words when the clipping is edited, and only
 * to the same words in the same place */
static void
test_relocate (void)
{
  /* "Tuesday" moves 9 code points on, "vote day" 18 */
  static const char edited[] =
    "Updated: The Café vote was on Tuesday. The next day it rained. "
    "Nobody (really) met on vote day again.";
  g_autoptr(JsonArray) corrections = json_array_new ();
  g_autoptr(GPtrArray) timexes = analysis ();
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(DossierAnchorText) anchor = dossier_anchor_text_new (edited);
  g_autofree char *str = NULL;
  DossierTimex *tuesday = g_ptr_array_index (timexes, 0);
  DossierTimexInit init = {
    .text = "Tuesday", .value = "2025-11-25", .timex_type = "date", .start = 21, .end = 28,
    .sentence = "The Café vote was on Tuesday.", .sentence_start = 0, .precision = "day",
    .interval_start = "2025-11-25", .interval_end = "2025-11-25",
  };

  /* Saved with the words around them */
  g_clear_object (&g_ptr_array_index (timexes, 0));
  g_ptr_array_index (timexes, 0) = tuesday = _dossier_timex_new (&init);
  dossier_timeline_corrections_redate (corrections, tuesday, "2025-11-18");
  g_assert_true (dossier_timeline_corrections_add (corrections, text, 68, 76, "2025-11-25"));
  str = to_string (corrections);
  g_assert_cmpstr (str, ==,
                   "[{\"action\":\"redate\",\"start\":21,\"end\":28,\"text\":\"Tuesday\","
                   "\"prefix\":\"The Café vote was on \",\"suffix\":\".\","
                   "\"value\":\"2025-11-18\"},"
                   "{\"action\":\"add\",\"start\":68,\"end\":76,\"text\":\"vote day\","
                   "\"prefix\":\"xt day it rained. Nobody met on \",\"suffix\":\" again.\","
                   "\"value\":\"2025-11-25\"}]");

  /* Applied on the edited text where the words went */
  init.start = 30, init.end = 37;
  g_ptr_array_add (moved, _dossier_timex_new (&init));
  shown = dossier_timeline_corrections_apply (moved, corrections, edited, NULL);
  g_clear_pointer (&str, g_free);
  str = describe (shown);
  g_assert_cmpstr (str, ==,
                   "Tuesday@30-37=2025-11-18[day 2025-11-18..2025-11-18]; "
                   "vote day@86-94=2025-11-25[day 2025-11-25..2025-11-25]");

  /* Moved for good, so that showing or redating again finds them */
  g_assert_cmpuint (dossier_timeline_corrections_relocate (corrections, anchor), ==, 2);
  g_assert_cmpuint (dossier_timeline_corrections_relocate (corrections, anchor), ==, 0);
  g_clear_pointer (&str, g_free);
  str = to_string (corrections);
  g_assert_nonnull (strstr (str, "\"start\":30,\"end\":37"));
  g_assert_nonnull (strstr (str, "\"start\":86,\"end\":94"));
  dossier_timeline_corrections_redate (corrections, g_ptr_array_index (moved, 0), "2025-11-11");
  g_assert_cmpuint (json_array_get_length (corrections), ==, 2);

  /* The same word elsewhere, in other words, is not it */
  {
    static const char other[] = "On Tuesday the vote was delayed. Tuesday again.";
    g_autoptr(DossierAnchorText) other_anchor = dossier_anchor_text_new (other);
    g_autoptr(JsonArray) old = parse_array (
      "[{\"action\": \"hide\", \"start\": 21, \"end\": 28, \"text\": \"Tuesday\","
      "  \"prefix\": \"The Café vote was on \", \"suffix\": \".\"},"
      " {\"action\": \"hide\", \"start\": 21, \"end\": 28, \"text\": \"Tuesday\"}]");
    g_autoptr(JsonArray) unique = parse_array (
      "[{\"action\": \"hide\", \"start\": 21, \"end\": 28, \"text\": \"delayed\"}]");

    g_assert_cmpuint (dossier_timeline_corrections_relocate (old, other_anchor), ==, 0);
    /* saved without context: followed only when the words stand once */
    g_assert_cmpuint (dossier_timeline_corrections_relocate (unique, other_anchor), ==, 1);
    g_clear_pointer (&str, g_free);
    str = to_string (unique);
    g_assert_nonnull (strstr (str, "\"start\":24,\"end\":31"));
  }

  /* A document moves them when its text changes */
  {
    g_autoptr(DossierDocument) document = dossier_document_new ();
    g_autoptr(JsonArray) read = NULL;
    g_autoptr(JsonArray) start_corrections = parse_array (
      "[{\"action\": \"hide\", \"start\": 21, \"end\": 28, \"text\": \"Tuesday\","
      "  \"prefix\": \"The Café vote was on \", \"suffix\": \".\"}]");
    guint changes = 0;

    dossier_document_set_text (document, text);
    dossier_document_set_timeline_corrections (document, start_corrections);
    g_signal_connect (document, "corrections-changed::timeline", G_CALLBACK (on_changed), &changes);
    dossier_document_set_text (document, edited);
    g_assert_cmpuint (changes, ==, 1);
    read = dossier_document_dup_timeline_corrections (document);
    g_clear_pointer (&str, g_free);
    str = to_string (read);
    g_assert_nonnull (strstr (str, "\"start\":30,\"end\":37"));
    /* the undo history keeps what it had */
    g_assert_true (dossier_document_undo (document));
    g_clear_pointer (&read, json_array_unref);
    read = dossier_document_dup_timeline_corrections (document);
    g_assert_cmpuint (json_array_get_length (read), ==, 0);
  }
}

/* The same corrections, whatever the order of their members */
static gboolean
same (JsonArray  *array,
      const char *json)
{
  g_autoptr(JsonNode) a = json_node_init_array (json_node_alloc (), array);
  g_autoptr(JsonNode) b = json_from_string (json, NULL);

  return json_node_equal (a, b);
}


/* In the notes file, and undoable */
static void
test_document (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-test-timeline-corrections-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(DossierDocument) reloaded = dossier_document_new ();
  g_autoptr(GPtrArray) timexes = analysis ();
  g_autoptr(JsonArray) corrections = NULL;
  g_autoptr(JsonArray) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint changes = 0, entity_changes = 0;

  dossier_document_set_text (document, text);
  g_assert_true (dossier_document_load (document, file, NULL, &error));
  g_assert_no_error (error);
  g_signal_connect (document, "corrections-changed::timeline", G_CALLBACK (on_changed), &changes);
  g_signal_connect (document, "corrections-changed::entity", G_CALLBACK (on_changed), &entity_changes);

  corrections = dossier_document_dup_timeline_corrections (document);
  before = to_string (corrections);
  dossier_timeline_corrections_set_hidden (corrections, g_ptr_array_index (timexes, 1), TRUE);
  g_assert_true (dossier_timeline_corrections_add (corrections, text, 68, 76, "2025-11-25"));
  dossier_document_set_timeline_corrections (document, corrections);
  after = to_string (corrections);
  g_assert_cmpuint (changes, ==, 1);

  g_assert_true (dossier_document_save (document, NULL, &error));
  g_assert_no_error (error);

  /* Saved and read back as they were */
  dossier_document_set_text (reloaded, text);
  g_signal_connect (reloaded, "corrections-changed::timeline", G_CALLBACK (on_changed), &changes);
  g_assert_true (dossier_document_load (reloaded, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 2);
  read = dossier_document_dup_timeline_corrections (reloaded);
  g_assert_true (same (read, after));

  /* Undo and redo, each saying so */
  g_assert_true (dossier_document_undo (document));
  g_assert_cmpuint (changes, ==, 3);
  g_clear_pointer (&read, json_array_unref);
  read = dossier_document_dup_timeline_corrections (document);
  g_assert_true (same (read, before));

  g_assert_true (dossier_document_redo (document));
  g_assert_cmpuint (changes, ==, 4);
  g_clear_pointer (&read, json_array_unref);
  read = dossier_document_dup_timeline_corrections (document);
  g_assert_true (same (read, after));

  /* Setting the same corrections is no change */
  dossier_document_set_timeline_corrections (document, read);
  g_assert_cmpuint (changes, ==, 4);
  g_assert_cmpuint (entity_changes, ==, 0);

  g_object_unref (g_steal_pointer (&document));
  g_object_unref (g_steal_pointer (&reloaded));
  g_remove (path);
  {
    g_autofree char *bak = g_strconcat (path, ".bak", NULL);

    g_remove (bak);
  }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/timeline-corrections/values", test_values);
  g_test_add_func ("/dossier/timeline-corrections/none", test_none);
  g_test_add_func ("/dossier/timeline-corrections/redate", test_redate);
  g_test_add_func ("/dossier/timeline-corrections/hide", test_hide);
  g_test_add_func ("/dossier/timeline-corrections/add", test_add);
  g_test_add_func ("/dossier/timeline-corrections/add-on-found", test_add_on_found);
  g_test_add_func ("/dossier/timeline-corrections/stale", test_stale);
  g_test_add_func ("/dossier/timeline-corrections/edit", test_edit);
  g_test_add_func ("/dossier/timeline-corrections/relocate", test_relocate);
  g_test_add_func ("/dossier/timeline-corrections/document", test_document);

  return g_test_run ();
}
