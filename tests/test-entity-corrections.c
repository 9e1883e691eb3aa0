/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-entity-corrections"

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "dossier-document.h"
#include "dossier-entities.h"
#include "dossier-entity-corrections.h"
#include "dossier-entity.h"

/* HOSTILE_TIME_SCALE stretches time limits for sanitizer and valgrind
 * runs (meson test --setup valgrind sets it). */
static gint64
time_limit (void)
{
  const char *scale = g_getenv ("HOSTILE_TIME_SCALE");
  double factor = scale ? g_ascii_strtod (scale, NULL) : 1.0;

  return (gint64)(2 * G_USEC_PER_SEC * (factor >= 1.0 ? factor : 1.0));
}

/* Corrections applied on top of an analysis the tests build by hand, so
 * that they do not depend on what the recognizer finds; and once on top
 * of the real recognizer, through a notes file. */

static const char text[] =
  "Minister Helena Duarte met Duarte's staff in Porto. The Rail Authority "
  "of Porto said the Rail Authority would pay. Despite this, Lisboa Rail "
  "Authority disagreed. Über Ölé.";

static GListStore *
make_analysis (void)
{
  GListStore *store = g_list_store_new (DOSSIER_TYPE_ENTITY);
  g_autoptr(DossierEntity) duarte = dossier_entity_new ("Helena Duarte", DOSSIER_ENTITY_PERSON);
  g_autoptr(DossierEntity) porto = dossier_entity_new ("Porto", DOSSIER_ENTITY_PLACE);
  g_autoptr(DossierEntity) authority = dossier_entity_new ("Authority", DOSSIER_ENTITY_ORGANIZATION);
  g_autoptr(DossierEntity) despite = dossier_entity_new ("Despite", DOSSIER_ENTITY_PERSON);
  g_autoptr(DossierEntity) lisboa = dossier_entity_new ("Lisboa Rail Authority", DOSSIER_ENTITY_ORGANIZATION);

  dossier_entity_set_role (duarte, "Minister");
  dossier_entity_add_alias (duarte, "Duarte");
  dossier_entity_add_mention (duarte, 9, 22);
  dossier_entity_add_mention (duarte, 27, 33);
  dossier_entity_add_mention (porto, 45, 50);
  dossier_entity_add_mention (porto, 74, 79);
  dossier_entity_add_mention (authority, 61, 70);
  dossier_entity_add_mention (despite, 115, 122);
  dossier_entity_add_mention (lisboa, 129, 150);

  g_list_store_append (store, duarte);
  g_list_store_append (store, porto);
  g_list_store_append (store, authority);
  g_list_store_append (store, despite);
  g_list_store_append (store, lisboa);

  return store;
}

/* "name|kind|role|aliases|mentions", one per line */
static char *
describe (GListModel *model)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (model, i);
      const char * const *aliases = dossier_entity_get_aliases (entity);
      g_autofree char *joined = g_strjoinv (",", (char **) aliases);
      const DossierEntityMention *mentions;
      guint n = 0;

      mentions = dossier_entity_get_mentions (entity, &n);
      g_string_append_printf (str, "%s%s|%s|%s|%s|", i ? "\n" : "",
                              dossier_entity_get_name (entity),
                              dossier_entity_kind_to_string (dossier_entity_get_kind (entity)),
                              dossier_entity_get_role (entity) ?: "",
                              joined);
      for (guint m = 0; m < n; m++)
        g_string_append_printf (str, "%s%u-%u", m ? "," : "", mentions[m].start, mentions[m].end);
    }

  return g_string_free (str, FALSE);
}

static char *
apply (GListModel *analysis,
       JsonArray  *corrections,
       char      **hidden_out)
{
  g_autoptr(GListStore) hidden = NULL;
  g_autoptr(GListStore) shown = dossier_entity_corrections_apply (analysis, text, corrections, &hidden);

  if (hidden_out)
    *hidden_out = describe (G_LIST_MODEL (hidden));

  return describe (G_LIST_MODEL (shown));
}

static DossierEntity *
item (GListModel *model,
      guint       i)
{
  DossierEntity *entity = g_list_model_get_item (model, i);

  /* The store holds it */
  g_object_unref (entity);
  return entity;
}

static void
test_none (void)
{
  g_autoptr(GListStore) analysis = make_analysis ();
  g_autoptr(JsonArray) corrections = json_array_new ();
  g_autoptr(GListStore) shown = NULL;

  shown = dossier_entity_corrections_apply (G_LIST_MODEL (analysis), text, corrections, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 5);
  /* Shared, not copied */
  g_assert_true (item (G_LIST_MODEL (shown), 0) == item (G_LIST_MODEL (analysis), 0));
}

static void
test_rename (void)
{
  g_autoptr(GListStore) analysis = make_analysis ();
  g_autoptr(JsonArray) corrections = json_array_new ();
  g_autoptr(GListStore) shown = NULL;
  g_autofree char *rows = NULL;
  DossierEntity *porto = item (G_LIST_MODEL (analysis), 1);

  json_array_add_object_element (corrections,
                                 dossier_entity_correction_new_rename (item (G_LIST_MODEL (analysis), 0),
                                                                       "  Helena Maria Duarte "));
  rows = apply (G_LIST_MODEL (analysis), corrections, NULL);
  g_assert_cmpstr (rows, ==,
                   "Helena Maria Duarte|person|Minister|Duarte,Helena Duarte|9-22,27-33\n"
                   "Porto|place|||45-50,74-79\n"
                   "Authority|organization|||61-70\n"
                   "Despite|person|||115-122\n"
                   "Lisboa Rail Authority|organization|||129-150");
  /* The analysis is untouched; what was not corrected is shared */
  g_assert_cmpstr (dossier_entity_get_name (item (G_LIST_MODEL (analysis), 0)), ==, "Helena Duarte");
  shown = dossier_entity_corrections_apply (G_LIST_MODEL (analysis), text, corrections, NULL);
  g_assert_true (item (G_LIST_MODEL (shown), 1) == porto);
  g_assert_false (item (G_LIST_MODEL (shown), 0) == item (G_LIST_MODEL (analysis), 0));
}

static JsonObject *
correction (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

/* Names match case-folded, NFKC, white space collapsed; by a name or
 * another form; of the same kind only */
static void
test_keys (void)
{
  g_autoptr(GListStore) analysis = make_analysis ();
  g_autoptr(JsonArray) corrections = json_array_new ();
  g_autofree char *rows = NULL;
  g_autofree char *norm = dossier_entity_corrections_normalize ("  ＨＥＬＥＮＡ \t  Duarte ");

  g_assert_cmpstr (norm, ==, "helena duarte");

  json_array_add_object_element (corrections,
                                 correction ("{\"action\":\"rename\",\"name\":\"HELENA  DUARTE\","
                                             "\"kind\":\"person\",\"to\":\"H. Duarte\"}"));
  /* By another form: "Duarte" */
  json_array_add_object_element (corrections,
                                 correction ("{\"action\":\"kind\",\"name\":\"duarte\","
                                             "\"kind\":\"person\",\"to\":\"organization\"}"));
  /* The wrong kind names nothing */
  json_array_add_object_element (corrections,
                                 correction ("{\"action\":\"hide\",\"name\":\"Porto\",\"kind\":\"person\"}"));
  /* Nor do unknown actions, strings and missing members */
  json_array_add_object_element (corrections,
                                 correction ("{\"action\":\"explode\",\"name\":\"Porto\",\"kind\":\"place\"}"));
  json_array_add_object_element (corrections, correction ("{\"action\":\"hide\"}"));
  json_array_add_object_element (corrections, correction ("{\"action\":\"rename\",\"name\":\"Porto\","
                                                          "\"kind\":\"place\",\"to\":\"   \"}"));
  json_array_add_string_element (corrections, "merge A B");

  rows = apply (G_LIST_MODEL (analysis), corrections, NULL);
  g_assert_cmpstr (rows, ==,
                   "H. Duarte|organization|Minister|Duarte,Helena Duarte|9-22,27-33\n"
                   "Porto|place|||45-50,74-79\n"
                   "Authority|organization|||61-70\n"
                   "Despite|person|||115-122\n"
                   "Lisboa Rail Authority|organization|||129-150");
}

/* Each correction names the entity as it was after those before it */
static void
test_chain (void)
{
  g_autoptr(GListStore) analysis = make_analysis ();
  g_autoptr(JsonArray) corrections = json_array_new ();
  g_autoptr(GListStore) step = NULL;
  g_autofree char *rows = NULL;

  json_array_add_object_element (corrections,
                                 dossier_entity_correction_new_kind (item (G_LIST_MODEL (analysis), 1),
                                                                     DOSSIER_ENTITY_ORGANIZATION));
  step = dossier_entity_corrections_apply (G_LIST_MODEL (analysis), text, corrections, NULL);
  json_array_add_object_element (corrections,
                                 dossier_entity_correction_new_rename (item (G_LIST_MODEL (step), 1),
                                                                       "Porto City"));
  g_clear_object (&step);
  step = dossier_entity_corrections_apply (G_LIST_MODEL (analysis), text, corrections, NULL);
  json_array_add_object_element (corrections,
                                 dossier_entity_correction_new_merge (item (G_LIST_MODEL (step), 2),
                                                                      item (G_LIST_MODEL (step), 1)));

  rows = apply (G_LIST_MODEL (analysis), corrections, NULL);
  g_assert_cmpstr (rows, ==,
                   "Helena Duarte|person|Minister|Duarte|9-22,27-33\n"
                   "Porto City|organization||Porto,Authority|45-50,61-70,74-79\n"
                   "Despite|person|||115-122\n"
                   "Lisboa Rail Authority|organization|||129-150");
}

static void
test_merge (void)
{
  g_autoptr(GListStore) analysis = make_analysis ();
  g_autoptr(JsonArray) corrections = json_array_new ();
  g_autoptr(DossierEntity) again = dossier_entity_new ("Duarte", DOSSIER_ENTITY_PERSON);
  g_autofree char *rows = NULL;

  /* A second "Duarte" with a span the first has too, and a new one */
  dossier_entity_add_mention (again, 27, 33);
  dossier_entity_add_mention (again, 200, 206);
  g_list_store_append (analysis, again);

  json_array_add_object_element (corrections,
                                 dossier_entity_correction_new_merge (again, item (G_LIST_MODEL (analysis), 0)));
  /* Into itself: nothing */
  json_array_add_object_element (corrections,
                                 dossier_entity_correction_new_merge (item (G_LIST_MODEL (analysis), 1),
                                                                      item (G_LIST_MODEL (analysis), 1)));
  /* Renamed to the name of another of its kind: the same as a merge */
  {
    g_autoptr(DossierEntity) ms = dossier_entity_new ("Ms Duarte", DOSSIER_ENTITY_PERSON);
    g_autoptr(DossierEntity) place = dossier_entity_new ("Lisboa", DOSSIER_ENTITY_PLACE);

    dossier_entity_add_mention (ms, 300, 309);
    dossier_entity_add_mention (place, 129, 135);
    g_list_store_append (analysis, ms);
    g_list_store_append (analysis, place);
    json_array_add_object_element (corrections, dossier_entity_correction_new_rename (ms, "helena  DUARTE"));
    /* Not another kind, not another's other form */
    json_array_add_object_element (corrections, dossier_entity_correction_new_rename (place, "Helena Duarte"));
  }
  rows = apply (G_LIST_MODEL (analysis), corrections, NULL);
  g_assert_cmpstr (rows, ==,
                   "Helena Duarte|person|Minister|Duarte,Ms Duarte|9-22,27-33,200-206,300-309\n"
                   "Porto|place|||45-50,74-79\n"
                   "Authority|organization|||61-70\n"
                   "Despite|person|||115-122\n"
                   "Lisboa Rail Authority|organization|||129-150\n"
                   "Helena Duarte|place||Lisboa|129-135");
}

static void
test_hide (void)
{
  g_autoptr(GListStore) analysis = make_analysis ();
  g_autoptr(JsonArray) corrections = json_array_new ();
  g_autofree char *rows = NULL;
  g_autofree char *hidden = NULL;

  json_array_add_object_element (corrections,
                                 dossier_entity_correction_new_hide (item (G_LIST_MODEL (analysis), 3)));
  json_array_add_object_element (corrections,
                                 dossier_entity_correction_new_hide (item (G_LIST_MODEL (analysis), 1)));
  rows = apply (G_LIST_MODEL (analysis), corrections, &hidden);
  g_assert_cmpstr (rows, ==,
                   "Helena Duarte|person|Minister|Duarte|9-22,27-33\n"
                   "Authority|organization|||61-70\n"
                   "Lisboa Rail Authority|organization|||129-150");
  g_assert_cmpstr (hidden, ==, "Porto|place|||45-50,74-79\nDespite|person|||115-122");
  g_clear_pointer (&rows, g_free);
  g_clear_pointer (&hidden, g_free);

  /* Shown again */
  json_array_add_object_element (corrections,
                                 dossier_entity_correction_new_show (item (G_LIST_MODEL (analysis), 1)));
  rows = apply (G_LIST_MODEL (analysis), corrections, &hidden);
  g_assert_cmpstr (hidden, ==, "Despite|person|||115-122");
}

/* Added entities are their text: every whole-word occurrence, taken from
 * shorter or overlapping names, never from a longer name around them */
static void
test_add (void)
{
  g_autoptr(GListStore) analysis = make_analysis ();
  g_autoptr(JsonArray) corrections = json_array_new ();
  g_autofree char *rows = NULL;

  json_array_add_object_element (corrections,
                                 dossier_entity_correction_new_add (" Rail Authority\n",
                                                                    DOSSIER_ENTITY_ORGANIZATION));
  /* Not inside a word: "Über" is, "Üb" is not */
  json_array_add_object_element (corrections,
                                 dossier_entity_correction_new_add ("Üb", DOSSIER_ENTITY_PLACE));
  json_array_add_object_element (corrections,
                                 dossier_entity_correction_new_add ("Ölé", DOSSIER_ENTITY_PLACE));
  /* Nowhere in the text */
  json_array_add_object_element (corrections,
                                 dossier_entity_correction_new_add ("Atlantis", DOSSIER_ENTITY_PLACE));
  /* An entity already called so takes the new mentions, keeps its own */
  json_array_add_object_element (corrections,
                                 dossier_entity_correction_new_add ("Duarte", DOSSIER_ENTITY_PERSON));

  rows = apply (G_LIST_MODEL (analysis), corrections, NULL);
  g_assert_cmpstr (rows, ==,
                   "Helena Duarte|person|Minister|Duarte|9-22,27-33\n"
                   "Porto|place|||45-50,74-79\n"
                   "Despite|person|||115-122\n"
                   "Lisboa Rail Authority|organization|||129-150\n"
                   "Rail Authority|organization|||56-70,89-103\n"
                   "Ölé|place|||167-170");
  g_clear_pointer (&rows, g_free);

  /* An entity that has the text as a mention already, by another name,
   * takes the others */
  {
    g_autoptr(DossierEntity) ole = dossier_entity_new ("Ole Bay", DOSSIER_ENTITY_PLACE);

    dossier_entity_add_mention (ole, 167, 170);
    g_list_store_append (analysis, ole);
  }
  json_array_add_object_element (corrections,
                                 dossier_entity_correction_new_add ("Porto", DOSSIER_ENTITY_PLACE));
  rows = apply (G_LIST_MODEL (analysis), corrections, NULL);
  g_assert_cmpstr (rows, ==,
                   "Helena Duarte|person|Minister|Duarte|9-22,27-33\n"
                   "Porto|place|||45-50,74-79\n"
                   "Despite|person|||115-122\n"
                   "Lisboa Rail Authority|organization|||129-150\n"
                   "Ole Bay|place|||167-170\n"
                   "Rail Authority|organization|||56-70,89-103");
}

static void
count (guint *counter)
{
  (*counter)++;
}

/* On the real recognizer, through a notes file, with undo */
static void
test_round_trip (void)
{
  static const char article[] =
    "Foreign Minister Helena Duarte visited Porto on Monday. Duarte said the "
    "Northern Rail Board would meet in Porto.";
  g_autofree char *dir = g_dir_make_tmp ("dossier-test-entity-corrections-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(DossierDocument) loaded = dossier_document_new ();
  g_autoptr(GPtrArray) found = dossier_entities_analyze (article, "en");
  g_autoptr(GListStore) analysis = g_list_store_new (DOSSIER_TYPE_ENTITY);
  g_autoptr(GListStore) shown = NULL;
  g_autoptr(JsonArray) corrections = json_array_new ();
  g_autoptr(JsonArray) back = NULL;
  g_autoptr(GError) error = NULL;
  DossierEntity *duarte, *porto;
  guint signals = 0;

  g_list_store_splice (analysis, 0, 0, found->pdata, found->len);
  duarte = dossier_entity_corrections_lookup (G_LIST_MODEL (analysis), "Duarte", DOSSIER_ENTITY_PERSON);
  porto = dossier_entity_corrections_lookup (G_LIST_MODEL (analysis), "porto", DOSSIER_ENTITY_PLACE);
  g_assert_nonnull (duarte);
  g_assert_nonnull (porto);
  g_assert_cmpuint (dossier_entity_get_n_mentions (duarte), ==, 2);

  dossier_document_set_text (document, article);
  dossier_document_set_notes_file (document, file);
  g_signal_connect_swapped (document, "corrections-changed::entity",
                            G_CALLBACK (count), &signals);

  json_array_add_object_element (corrections, dossier_entity_correction_new_rename (duarte, "Helena Duarte Silva"));
  dossier_document_set_entity_corrections (document, corrections);
  json_array_add_object_element (corrections, dossier_entity_correction_new_hide (porto));
  json_array_add_object_element (corrections,
                                 dossier_entity_correction_new_add ("Northern Rail Board",
                                                                    DOSSIER_ENTITY_ORGANIZATION));
  dossier_document_set_entity_corrections (document, corrections);
  g_assert_cmpuint (signals, ==, 2);

  g_assert_true (dossier_document_save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_document_load (loaded, file, NULL, &error));
  g_assert_no_error (error);

  back = dossier_document_dup_entity_corrections (loaded);
  g_assert_cmpuint (json_array_get_length (back), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (back, 0), "to"),
                   ==, "Helena Duarte Silva");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (back, 2), "text"),
                   ==, "Northern Rail Board");

  shown = dossier_entity_corrections_apply (G_LIST_MODEL (analysis), article, back, NULL);
  g_assert_nonnull (dossier_entity_corrections_lookup (G_LIST_MODEL (shown), "Helena Duarte Silva",
                                                       DOSSIER_ENTITY_PERSON));
  g_assert_null (dossier_entity_corrections_lookup (G_LIST_MODEL (shown), "Porto", DOSSIER_ENTITY_PLACE));
  {
    DossierEntity *board = dossier_entity_corrections_lookup (G_LIST_MODEL (shown), "Northern Rail Board",
                                                              DOSSIER_ENTITY_ORGANIZATION);
    const DossierEntityMention *m;

    g_assert_nonnull (board);
    m = dossier_entity_get_mentions (board, NULL);
    g_assert_cmpuint (dossier_entity_get_n_mentions (board), ==, 1);
    g_assert_cmpuint (m[0].start, ==, 72);
    g_assert_cmpuint (m[0].end, ==, 91);
  }

  /* Undo goes back one list, with a signal */
  g_assert_true (dossier_document_undo (document));
  g_assert_cmpuint (signals, ==, 3);
  g_clear_pointer (&back, json_array_unref);
  back = dossier_document_dup_entity_corrections (document);
  g_assert_cmpuint (json_array_get_length (back), ==, 1);
  g_assert_true (dossier_document_redo (document));
  g_clear_pointer (&back, json_array_unref);
  back = dossier_document_dup_entity_corrections (document);
  g_assert_cmpuint (json_array_get_length (back), ==, 3);

  g_unlink (path);
  {
    g_autofree char *bak = g_strconcat (path, ".bak", NULL);

    g_unlink (bak);
  }
  g_rmdir (dir);
}

/* Many entities and a name that occurs often stay fast */
static void
test_large (void)
{
  GString *big = g_string_new (NULL);
  g_autoptr(GListStore) analysis = g_list_store_new (DOSSIER_TYPE_ENTITY);
  g_autoptr(JsonArray) corrections = json_array_new ();
  g_autoptr(GListStore) shown = NULL;
  g_autofree char *big_text = NULL;
  gint64 start;
  guint offset = 0;

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person%u Smith", i);
      g_autoptr(DossierEntity) entity = dossier_entity_new (name, DOSSIER_ENTITY_PERSON);
      guint len = g_utf8_strlen (name, -1);

      dossier_entity_add_mention (entity, offset, offset + len);
      g_string_append_printf (big, "%s met the Board. ", name);
      offset += len + strlen (" met the Board. ");
      g_list_store_append (analysis, entity);
      if (i % 1000 == 0)
        json_array_add_object_element (corrections, dossier_entity_correction_new_hide (entity));
    }
  json_array_add_object_element (corrections,
                                 dossier_entity_correction_new_add ("Board", DOSSIER_ENTITY_ORGANIZATION));
  big_text = g_string_free (big, FALSE);

  start = g_get_monotonic_time ();
  shown = dossier_entity_corrections_apply (G_LIST_MODEL (analysis), big_text, corrections, NULL);
  g_assert_cmpint (g_get_monotonic_time () - start, <, time_limit ());
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 20000 - 20 + 1);
  g_assert_cmpuint (dossier_entity_get_n_mentions (item (G_LIST_MODEL (shown), 19980)), ==, 20000);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/entity-corrections/none", test_none);
  g_test_add_func ("/dossier/entity-corrections/rename", test_rename);
  g_test_add_func ("/dossier/entity-corrections/keys", test_keys);
  g_test_add_func ("/dossier/entity-corrections/chain", test_chain);
  g_test_add_func ("/dossier/entity-corrections/merge", test_merge);
  g_test_add_func ("/dossier/entity-corrections/hide", test_hide);
  g_test_add_func ("/dossier/entity-corrections/add", test_add);
  g_test_add_func ("/dossier/entity-corrections/round-trip", test_round_trip);
  g_test_add_func ("/dossier/entity-corrections/large", test_large);

  return g_test_run ();
}
