/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-analysis"

#include "config.h"

#include <string.h>

#include "dossier-analysis.h"
#include "dossier-article.h"
#include "dossier-entity.h"
#include "dossier-importer.h"
#include "dossier-timex.h"

static DossierArticle *
load_article (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  articles = dossier_importer_load_bytes (bytes, "test.txt", DOSSIER_IMPORT_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (articles);
  g_assert_cmpuint (articles->len, ==, 1);

  return g_object_ref (g_ptr_array_index (articles, 0));
}

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
run (DossierArticle *article,
     GCancellable   *cancellable)
{
  GAsyncResult *result = NULL;

  dossier_analysis_run_async (article, cancellable, store_result, &result);
  /* The callback never runs before the call returns. */
  g_assert_null (result);

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return result;
}

static const char article_text[] =
  "Rail Line Wins a Late Vote --- The minister still has to sign\n"
  "\n"
  "November 27, 2025\n"
  "\n"
  "Transport Minister Helena Duarte said on Tuesday that the order would be "
  "signed next month. Duarte will visit Porto on Friday.\n";

static void
test_results (void)
{
  g_autoptr(DossierArticle) article = load_article (article_text);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListStore) entities = NULL;
  g_autoptr(GListStore) timexes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierEntity) person = NULL;
  g_autoptr(DossierTimex) tuesday = NULL;
  const char *text = dossier_article_get_text (article);
  const DossierEntityMention *mentions;
  guint n_mentions = 0;
  gboolean found_porto = FALSE;

  result = run (article, NULL);
  g_assert_true (dossier_analysis_run_finish (result, &entities, &timexes, &error));
  g_assert_no_error (error);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (entities)) == DOSSIER_TYPE_ENTITY);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (timexes)) == DOSSIER_TYPE_TIMEX);

  person = g_list_model_get_item (G_LIST_MODEL (entities), 0);
  g_assert_cmpstr (dossier_entity_get_name (person), ==, "Helena Duarte");
  g_assert_cmpint (dossier_entity_get_kind (person), ==, DOSSIER_ENTITY_PERSON);
  mentions = dossier_entity_get_mentions (person, &n_mentions);
  g_assert_cmpuint (n_mentions, ==, 2);
  /* Code points into the article text */
  g_assert_cmpuint (mentions[0].start, ==,
                    g_utf8_pointer_to_offset (text, strstr (text, "Helena Duarte")));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (entities)); i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (G_LIST_MODEL (entities), i);

      if (g_strcmp0 (dossier_entity_get_name (entity), "Porto") == 0)
        {
          g_assert_cmpint (dossier_entity_get_kind (entity), ==, DOSSIER_ENTITY_PLACE);
          found_porto = TRUE;
        }
    }
  g_assert_true (found_porto);

  /* In the order of the text, resolved against the publication date */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timexes)), ==, 3);
  tuesday = g_list_model_get_item (G_LIST_MODEL (timexes), 0);
  g_assert_cmpstr (dossier_timex_get_text (tuesday), ==, "Tuesday");
  g_assert_cmpstr (dossier_timex_get_value (tuesday), ==, "2025-11-25");
}

static void
test_cancel (void)
{
  g_autoptr(DossierArticle) article = load_article (article_text);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListStore) entities = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  result = run (article, cancellable);

  g_assert_false (dossier_analysis_run_finish (result, &entities, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (entities);
}

/* A long clipping is analysed in a worker thread: the main loop keeps
 * turning while it runs. */
static gboolean
count_tick (gpointer user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

static void
test_main_loop_free (void)
{
  g_autoptr(GString) text = g_string_new (article_text);
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListStore) entities = NULL;
  g_autoptr(GListStore) timexes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierEntity) person = NULL;
  guint ticks = 0;
  guint id;

  for (guint i = 0; i < 4000; i++)
    g_string_append (text, "\nTransport Minister Helena Duarte said on Tuesday that "
                           "the rail line to Porto would open next month.\n");

  article = load_article (text->str);
  id = g_idle_add (count_tick, &ticks);
  result = run (article, NULL);
  g_source_remove (id);

  g_assert_true (dossier_analysis_run_finish (result, &entities, &timexes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ticks, >, 0);

  person = g_list_model_get_item (G_LIST_MODEL (entities), 0);
  g_assert_cmpstr (dossier_entity_get_name (person), ==, "Helena Duarte");
  g_assert_cmpuint (dossier_entity_get_n_mentions (person), ==, 4002);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timexes)), >=, 8003);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/analysis/results", test_results);
  g_test_add_func ("/dossier/analysis/cancel", test_cancel);
  g_test_add_func ("/dossier/analysis/main-loop-free", test_main_loop_free);

  return g_test_run ();
}
