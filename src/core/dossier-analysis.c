/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-analysis"

#include "config.h"

#include "dossier-analysis.h"
#include "dossier-article.h"
#include "dossier-entities.h"
#include "dossier-entity.h"
#include "dossier-timeline.h"
#include "dossier-timex.h"

/* What the worker thread needs, copied so that it shares nothing with the
 * main thread but the immutable article. */
typedef struct
{
  DossierArticle *article;
  GListStore     *entities;
  GListStore     *timexes;
} AnalysisData;

static void
analysis_data_free (gpointer data)
{
  AnalysisData *d = data;

  g_clear_object (&d->article);
  g_clear_object (&d->entities);
  g_clear_object (&d->timexes);
  g_free (d);
}

static GListStore *
store_from_array (GType      type,
                  GPtrArray *array)
{
  GListStore *store = g_list_store_new (type);

  if (array != NULL && array->len > 0)
    g_list_store_splice (store, 0, 0, array->pdata, array->len);

  return store;
}

static void
analysis_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AnalysisData *d = task_data;
  const char *text = dossier_article_get_text (d->article);
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) timexes = NULL;

  if (text == NULL)
    text = "";

  entities = dossier_entities_analyze (text, dossier_article_get_language (d->article));
  if (g_task_return_error_if_cancelled (task))
    return;

  timexes = dossier_timeline_analyze (text, dossier_article_get_published (d->article));
  if (g_task_return_error_if_cancelled (task))
    return;

  /* The stores are built here and only handed over once complete: until
   * then no other thread can see them. */
  d->entities = store_from_array (DOSSIER_TYPE_ENTITY, entities);
  d->timexes = store_from_array (DOSSIER_TYPE_TIMEX, timexes);

  g_task_return_boolean (task, TRUE);
}

/**
 * dossier_analysis_run_async:
 * @article: the article to analyse
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context when done
 * @user_data: data for @callback
 *
 * Finds the entities and the temporal expressions of @article in a worker
 * thread, so that a long clipping does not block the caller.
 */
void
dossier_analysis_run_async (DossierArticle      *article,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AnalysisData *d;

  g_return_if_fail (DOSSIER_IS_ARTICLE (article));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  d = g_new0 (AnalysisData, 1);
  d->article = g_object_ref (article);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_analysis_run_async);
  g_task_set_name (task, "[dossier] analysis");
  g_task_set_task_data (task, d, analysis_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, analysis_thread);
}

/**
 * dossier_analysis_run_finish:
 * @result: the result given to the callback
 * @entities: (out) (optional) (transfer full): the #DossierEntity list
 * @timexes: (out) (optional) (transfer full): the #DossierTimex list, in
 *   the order of the text
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success, %FALSE if the analysis was cancelled
 */
gboolean
dossier_analysis_run_finish (GAsyncResult  *result,
                             GListStore   **entities,
                             GListStore   **timexes,
                             GError       **error)
{
  AnalysisData *d;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_analysis_run_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  d = g_task_get_task_data (G_TASK (result));

  if (entities != NULL)
    *entities = g_steal_pointer (&d->entities);
  if (timexes != NULL)
    *timexes = g_steal_pointer (&d->timexes);

  return TRUE;
}
