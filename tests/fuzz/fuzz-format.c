/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-core.h"
#include "dossier-export-importer.h"
#include "dossier-html-importer.h"
#include "dossier-text-importer.h"

/* libFuzzer target for one importer, past format detection, so that every
 * input reaches it: FUZZ_FORMAT is 1 for plain text, 2 for HTML (and MHTML),
 * 3 for the news-database exports. Text importers take what the decoder
 * gives them, valid UTF-8; the HTML parser takes raw bytes. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_article (DossierArticle *article)
{
  const char *text = dossier_article_get_text (article);

  g_assert (g_utf8_validate (text, -1, NULL));
  for (guint p = 0; p < dossier_article_get_n_paragraphs (article); p++)
    {
      guint start, end;

      dossier_article_get_paragraph (article, p, &start, &end);
      g_assert (start < end && end <= dossier_article_get_length (article));
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;

#if FUZZ_FORMAT == 2
  g_autoptr(DossierArticle) article = NULL;

  if (size > 0 && data[0] & 1)
    article = _dossier_html_importer_parse_mhtml ((const char *)data, size, &error);
  else
    article = _dossier_html_importer_parse ((const char *)data, size, NULL, &error);
  g_assert ((article != NULL) != (error != NULL));
  if (article)
    check_article (article);
#else
  g_autofree char *text = g_utf8_make_valid ((const char *)data, size);
  gsize length = strlen (text);
# if FUZZ_FORMAT == 1
  g_autoptr(DossierArticle) article = _dossier_text_importer_parse (text, length, &error);

  g_assert ((article != NULL) != (error != NULL));
  if (article)
    check_article (article);
# else
  g_autoptr(GPtrArray) articles = _dossier_export_importer_parse (text, length, &error);

  g_assert ((articles != NULL) != (error != NULL));
  for (guint i = 0; articles && i < articles->len; i++)
    check_article (g_ptr_array_index (articles, i));
# endif
#endif

  return 0;
}
