/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-annotation-list-private.h"
#include "dossier-annotation-private.h"
#include "dossier-error.h"

static void
test_new (void)
{
  g_autoptr(DossierAnnotation) a = dossier_annotation_new (4, 7, "Two", "One ", " Three");
  const char *id = dossier_annotation_get_id (a);

  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_cmpuint (strlen (id), ==, 36);
  g_assert_cmpuint (dossier_annotation_get_start (a), ==, 4);
  g_assert_cmpuint (dossier_annotation_get_end (a), ==, 7);
  g_assert_cmpstr (dossier_annotation_get_exact (a), ==, "Two");
  g_assert_cmpstr (dossier_annotation_get_prefix (a), ==, "One ");
  g_assert_cmpstr (dossier_annotation_get_suffix (a), ==, " Three");
  g_assert_cmpstr (dossier_annotation_get_note (a), ==, "");
  g_assert_cmpuint (g_strv_length ((char **)dossier_annotation_get_tags (a)), ==, 0);
  g_assert_cmpint (dossier_annotation_get_color (a), ==, DOSSIER_ANNOTATION_COLOR_YELLOW);
  g_assert_cmpint (dossier_annotation_get_style (a), ==, DOSSIER_ANNOTATION_STYLE_HIGHLIGHT);
  g_assert_false (dossier_annotation_get_orphan (a));
  g_assert_true (g_date_time_equal (dossier_annotation_get_created (a),
                                    dossier_annotation_get_modified (a)));

  g_assert_finalize_object (g_steal_pointer (&a));
}

static void
test_colors (void)
{
  const char *names[] = { "yellow", "green", "blue", "pink", "purple", "orange" };
  DossierAnnotationColor color;
  DossierAnnotationStyle style;

  g_assert_cmpint (DOSSIER_N_ANNOTATION_COLORS, ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (dossier_annotation_color_to_string (i), ==, names[i]);
      g_assert_true (dossier_annotation_color_from_string (names[i], &color));
      g_assert_cmpint (color, ==, i);
    }
  g_assert_true (dossier_annotation_color_from_string ("Purple", &color));
  g_assert_cmpint (color, ==, DOSSIER_ANNOTATION_COLOR_PURPLE);
  g_assert_false (dossier_annotation_color_from_string ("mauve", &color));
  g_assert_true (dossier_annotation_style_from_string ("underline", &style));
  g_assert_cmpint (style, ==, DOSSIER_ANNOTATION_STYLE_UNDERLINE);
  g_assert_false (dossier_annotation_style_from_string ("strike", &style));

  /* The enums are GTypes for property bindings. */
  g_assert_true (G_TYPE_IS_ENUM (DOSSIER_TYPE_ANNOTATION_COLOR));
  g_assert_true (G_TYPE_IS_ENUM (DOSSIER_TYPE_ANNOTATION_STYLE));
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_tags (void)
{
  g_autoptr(DossierAnnotation) a = dossier_annotation_new (0, 1, "x", NULL, NULL);
  const char *tags[] = { "budget", " budget ", "", "Vilnius", NULL };
  guint notified = 0;

  g_signal_connect_swapped (a, "notify::tags", G_CALLBACK (count_notify), &notified);

  dossier_annotation_set_tags (a, tags);
  g_assert_cmpuint (g_strv_length ((char **)dossier_annotation_get_tags (a)), ==, 2);
  g_assert_cmpstr (dossier_annotation_get_tags (a)[0], ==, "budget");
  g_assert_cmpstr (dossier_annotation_get_tags (a)[1], ==, "Vilnius");
  g_assert_true (dossier_annotation_has_tag (a, "Vilnius"));
  g_assert_cmpuint (notified, ==, 1);

  /* The same again: no notification. */
  dossier_annotation_set_tags (a, tags);
  g_assert_cmpuint (notified, ==, 1);
  dossier_annotation_set_tags (a, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (g_strv_length ((char **)dossier_annotation_get_tags (a)), ==, 0);
}

static void
test_json_round_trip (void)
{
  g_autoptr(DossierAnnotation) a = dossier_annotation_new (10, 25, "passage “quoted”", "before ", " after");
  g_autoptr(DossierAnnotation) b = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GDateTime) modified = g_date_time_new_utc (2025, 11, 27, 9, 30, 15.25);
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "claim", "Kremlin", NULL };
  JsonObject *object;
  JsonArray *selectors;

  dossier_annotation_set_note (a, "A **note** with\nlines and ąčę");
  dossier_annotation_set_tags (a, tags);
  dossier_annotation_set_color (a, DOSSIER_ANNOTATION_COLOR_PURPLE);
  dossier_annotation_set_style (a, DOSSIER_ANNOTATION_STYLE_UNDERLINE);
  dossier_annotation_set_modified (a, modified);
  dossier_annotation_set_orphan (a, TRUE);

  node = _dossier_annotation_to_json (a);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, dossier_annotation_get_id (a));
  g_assert_cmpstr (json_object_get_string_member (object, "modified"), ==, "2025-11-27T09:30:15.250000Z");
  g_assert_cmpstr (json_object_get_string_member (object, "color"), ==, "purple");
  g_assert_cmpstr (json_object_get_string_member (object, "style"), ==, "underline");
  g_assert_true (json_object_get_boolean_member (object, "orphan"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "body"), "note"),
                   ==, "A **note** with\nlines and ąčę");
  selectors = json_object_get_array_member (json_object_get_object_member (object, "target"), "selector");
  g_assert_cmpuint (json_array_get_length (selectors), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (selectors, 0), "type"),
                   ==, "TextQuoteSelector");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (selectors, 0), "exact"),
                   ==, "passage “quoted”");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (selectors, 1), "start"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (selectors, 1), "end"), ==, 25);

  b = _dossier_annotation_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_annotation_get_id (b), ==, dossier_annotation_get_id (a));
  g_assert_true (g_date_time_equal (dossier_annotation_get_created (b), dossier_annotation_get_created (a)));
  g_assert_true (g_date_time_equal (dossier_annotation_get_modified (b), modified));
  g_assert_cmpstr (dossier_annotation_get_note (b), ==, dossier_annotation_get_note (a));
  g_assert_true (g_strv_equal (dossier_annotation_get_tags (b), tags));
  g_assert_cmpint (dossier_annotation_get_color (b), ==, DOSSIER_ANNOTATION_COLOR_PURPLE);
  g_assert_cmpint (dossier_annotation_get_style (b), ==, DOSSIER_ANNOTATION_STYLE_UNDERLINE);
  g_assert_cmpstr (dossier_annotation_get_exact (b), ==, "passage “quoted”");
  g_assert_cmpstr (dossier_annotation_get_prefix (b), ==, "before ");
  g_assert_cmpstr (dossier_annotation_get_suffix (b), ==, " after");
  g_assert_cmpuint (dossier_annotation_get_start (b), ==, 10);
  g_assert_cmpuint (dossier_annotation_get_end (b), ==, 25);
  g_assert_true (dossier_annotation_get_orphan (b));

  again = _dossier_annotation_to_json (b);
  g_assert_true (json_node_equal (node, again));
}

static void
test_json_invalid (void)
{
#define BASE "{\"id\":\"a\",\"created\":\"2025-01-01T00:00:00Z\",\"modified\":\"2025-01-01T00:00:00Z\"," \
             "\"target\":{\"selector\":[{\"type\":\"TextQuoteSelector\",\"exact\":\"x\"}]}"
  const char *extras[] = {
    ",\"color\":\"mauve\"",
    ",\"color\":3",
    ",\"style\":\"strike\"",
    ",\"orphan\":\"no\"",
    ",\"body\":\"note\"",
    ",\"body\":{\"tags\":[1]}",
    ",\"body\":{\"note\":null}",
  };
  const char *whole[] = {
    "[]",
    "{\"id\":\"\",\"created\":\"2025-01-01T00:00:00Z\",\"modified\":\"2025-01-01T00:00:00Z\","
      "\"target\":{\"selector\":[{\"type\":\"TextQuoteSelector\",\"exact\":\"x\"}]}}",
    "{\"id\":\"a\",\"created\":\"yesterday\",\"modified\":\"2025-01-01T00:00:00Z\","
      "\"target\":{\"selector\":[{\"type\":\"TextQuoteSelector\",\"exact\":\"x\"}]}}",
    "{\"id\":\"a\",\"created\":\"2025-01-01T00:00:00Z\",\"modified\":\"2025-01-01T00:00:00Z\","
      "\"target\":{\"selector\":[]}}",
    "{\"id\":\"a\",\"created\":\"2025-01-01T00:00:00Z\",\"modified\":\"2025-01-01T00:00:00Z\","
      "\"target\":{\"selector\":[{\"type\":\"TextQuoteSelector\",\"exact\":\"x\"},"
      "{\"type\":\"TextPositionSelector\",\"start\":5,\"end\":2}]}}",
    "{\"id\":\"a\",\"created\":\"2025-01-01T00:00:00Z\",\"modified\":\"2025-01-01T00:00:00Z\","
      "\"target\":{\"selector\":[{\"type\":\"TextQuoteSelector\",\"exact\":\"x\"},"
      "{\"type\":\"TextPositionSelector\",\"start\":\"5\",\"end\":7}]}}",
  };
  g_autofree char *valid = g_strconcat (BASE, "}", NULL);
  g_autoptr(JsonNode) node = json_from_string (valid, NULL);
  g_autoptr(DossierAnnotation) ok = NULL;
  g_autoptr(GError) error = NULL;

  ok = _dossier_annotation_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_annotation_get_exact (ok), ==, "x");

  for (guint i = 0; i < G_N_ELEMENTS (extras) + G_N_ELEMENTS (whole); i++)
    {
      g_autofree char *json = i < G_N_ELEMENTS (extras)
        ? g_strconcat (BASE, extras[i], "}", NULL) : g_strdup (whole[i - G_N_ELEMENTS (extras)]);
      g_autoptr(JsonNode) bad = json_from_string (json, NULL);
      g_autoptr(DossierAnnotation) none = NULL;
      g_autoptr(GError) bad_error = NULL;

      g_assert_nonnull (bad);
      none = _dossier_annotation_from_json (bad, &bad_error);
      g_assert_null (none);
      g_assert_error (bad_error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_CORRUPT);
    }
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->count++;
}

static guint
start_at (GListModel *model,
          guint       i)
{
  g_autoptr(DossierAnnotation) a = g_list_model_get_item (model, i);

  return dossier_annotation_get_orphan (a) ? G_MAXUINT : dossier_annotation_get_start (a);
}

static void
test_list_sorted (void)
{
  g_autoptr(DossierAnnotationList) list = dossier_annotation_list_new ();
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(DossierAnnotation) a = dossier_annotation_new (50, 60, "a", NULL, NULL);
  g_autoptr(DossierAnnotation) b = dossier_annotation_new (10, 20, "b", NULL, NULL);
  g_autoptr(DossierAnnotation) c = dossier_annotation_new (30, 35, "c", NULL, NULL);
  g_autoptr(DossierAnnotation) d = dossier_annotation_new (5, 8, "d", NULL, NULL);
  Changes changes = { 0 };
  guint position;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_assert_true (g_list_model_get_item_type (model) == DOSSIER_TYPE_ANNOTATION);

  _dossier_annotation_list_add (list, a);
  _dossier_annotation_list_add (list, b);
  g_assert_cmpuint (changes.position, ==, 0);
  _dossier_annotation_list_add (list, c);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);

  dossier_annotation_set_orphan (d, TRUE);
  _dossier_annotation_list_add (list, d);
  g_assert_cmpuint (changes.position, ==, 3);
  g_assert_cmpuint (dossier_annotation_list_get_n_orphans (list), ==, 1);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpuint (start_at (model, 0), ==, 10);
  g_assert_cmpuint (start_at (model, 1), ==, 30);
  g_assert_cmpuint (start_at (model, 2), ==, 50);
  g_assert_cmpuint (start_at (model, 3), ==, G_MAXUINT);
  g_assert_null (g_list_model_get_item (model, 4));

  /* Moving an annotation moves it in the list. */
  changes.count = 0;
  dossier_annotation_set_range (a, 1, 3);
  g_assert_cmpuint (changes.count, ==, 2);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (start_at (model, 0), ==, 1);
  g_assert_true (dossier_annotation_list_find (list, a, &position));
  g_assert_cmpuint (position, ==, 0);

  /* An orphan re-attached leaves the end of the list. */
  dossier_annotation_set_orphan (d, FALSE);
  g_assert_cmpuint (dossier_annotation_list_get_n_orphans (list), ==, 0);
  g_assert_true (dossier_annotation_list_find (list, d, &position));
  g_assert_cmpuint (position, ==, 1);

  g_assert_true (dossier_annotation_list_lookup (list, dossier_annotation_get_id (c)) == c);
  _dossier_annotation_list_remove (list, c);
  g_assert_null (dossier_annotation_list_lookup (list, dossier_annotation_get_id (c)));
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* Frozen: one change for many. */
  changes.count = 0;
  _dossier_annotation_list_freeze (list);
  dossier_annotation_set_range (b, 100, 110);
  _dossier_annotation_list_add (list, c);
  _dossier_annotation_list_thaw (list);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 3);
  g_assert_cmpuint (changes.added, ==, 4);
  g_assert_cmpuint (start_at (model, 3), ==, 100);

  _dossier_annotation_list_clear (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&list));
  g_assert_finalize_object (g_steal_pointer (&c));
}

static void
count_color_changes (DossierAnnotationList *list,
                     DossierAnnotation     *annotation,
                     GParamSpec            *pspec,
                     guint                 *count)
{
  g_assert_cmpstr (pspec->name, ==, "color");
  (*count)++;
}

/* One handler on the list hears every annotation's changes (the reader's
 * highlights use it instead of one per annotation); removed ones go quiet. */
static void
test_list_annotation_changed (void)
{
  g_autoptr(DossierAnnotationList) list = dossier_annotation_list_new ();
  g_autoptr(DossierAnnotation) a = dossier_annotation_new (50, 60, "a", NULL, NULL);
  g_autoptr(DossierAnnotation) b = dossier_annotation_new (10, 20, "b", NULL, NULL);
  guint count = 0;

  _dossier_annotation_list_add (list, a);
  _dossier_annotation_list_add (list, b);
  g_signal_connect (list, "annotation-changed::color", G_CALLBACK (count_color_changes), &count);

  dossier_annotation_set_color (a, DOSSIER_ANNOTATION_COLOR_PINK);
  dossier_annotation_set_color (b, DOSSIER_ANNOTATION_COLOR_GREEN);
  dossier_annotation_set_tags (b, (const char * const[]) { "x", NULL });
  g_assert_cmpuint (count, ==, 2);

  _dossier_annotation_list_remove (list, a);
  dossier_annotation_set_color (a, DOSSIER_ANNOTATION_COLOR_BLUE);
  g_assert_cmpuint (count, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/annotation/new", test_new);
  g_test_add_func ("/dossier/annotation/colors", test_colors);
  g_test_add_func ("/dossier/annotation/tags", test_tags);
  g_test_add_func ("/dossier/annotation/json-round-trip", test_json_round_trip);
  g_test_add_func ("/dossier/annotation/json-invalid", test_json_invalid);
  g_test_add_func ("/dossier/annotation/list-sorted", test_list_sorted);
  g_test_add_func ("/dossier/annotation/list-annotation-changed", test_list_annotation_changed);

  return g_test_run ();
}
