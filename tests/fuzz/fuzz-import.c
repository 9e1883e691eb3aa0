/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-core.h"

/* libFuzzer target: every importer, through format detection. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  articles = dossier_importer_load_bytes (bytes, "fuzz", DOSSIER_IMPORT_NONE, &error);
  g_assert ((articles != NULL) != (error != NULL));

  if (articles)
    {
      g_assert_cmpuint (articles->len, >, 0);
      for (guint i = 0; i < articles->len; i++)
        {
          DossierArticle *article = g_ptr_array_index (articles, i);
          const char *text = dossier_article_get_text (article);

          g_assert (g_utf8_validate (text, -1, NULL));
          for (guint p = 0; p < dossier_article_get_n_paragraphs (article); p++)
            {
              guint start, end;

              dossier_article_get_paragraph (article, p, &start, &end);
              g_assert (start < end && end <= dossier_article_get_length (article));
            }
        }
    }

  return 0;
}
