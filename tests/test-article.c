/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-core.h"

static void
test_paragraphs (void)
{
  /* "Ž" is two bytes but one code point: ranges count code points. */
  g_autoptr(DossierArticle) article =
    g_object_new (DOSSIER_TYPE_ARTICLE,
                  "title", "T",
                  "text", "Žalias one\nline two\n\n  \nSecond para.\n\n\nThird",
                  NULL);
  guint start, end;

  g_assert_cmpuint (dossier_article_get_n_paragraphs (article), ==, 3);
  dossier_article_get_paragraph (article, 0, &start, &end);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 19);
  dossier_article_get_paragraph (article, 1, &start, &end);
  g_assert_cmpuint (start, ==, 24);
  g_assert_cmpuint (end, ==, 36);
  dossier_article_get_paragraph (article, 2, &start, &end);
  g_assert_cmpuint (start, ==, 39);
  g_assert_cmpuint (end, ==, 44);
  g_assert_cmpuint (dossier_article_get_length (article), ==, 44);
}

static void
test_metadata (void)
{
  const char *authors[] = { "Ann Lee", "Bo Ek", "Cy Do", NULL };
  g_autoptr(GDateTime) date = g_date_time_new_utc (2024, 2, 29, 0, 0, 0);
  DossierArticle *article =
    g_object_new (DOSSIER_TYPE_ARTICLE,
                  "title", "Title",
                  "subtitle", "",
                  "authors", authors,
                  "published", date,
                  "text", "Body",
                  NULL);
  g_autofree char *iso = dossier_article_dup_published_iso (article);
  g_autofree char *byline = dossier_article_dup_byline (article);

  g_assert_cmpstr (dossier_article_get_title (article), ==, "Title");
  /* Empty metadata is no metadata */
  g_assert_null (dossier_article_get_subtitle (article));
  g_assert_null (dossier_article_get_source (article));
  g_assert_cmpstr (iso, ==, "2024-02-29");
  g_assert_cmpstr (byline, ==, "Ann Lee, Bo Ek & Cy Do");
  g_assert_cmpuint (g_strv_length ((char **)dossier_article_get_authors (article)), ==, 3);
  g_assert_finalize_object (article);
}

static void
test_text_bytes (void)
{
  /* The body handed over in a GBytes is used in place, not copied. */
  static const char body[] = "Ąžuolas stovi.\n\nAntra pastraipa.";
  g_autoptr(GBytes) bytes = g_bytes_new_static (body, sizeof body);
  g_autoptr(DossierArticle) article =
    g_object_new (DOSSIER_TYPE_ARTICLE, "text-bytes", bytes, NULL);
  g_autoptr(GBytes) unterminated = g_bytes_new_static (body, 7);
  g_autoptr(DossierArticle) copy =
    g_object_new (DOSSIER_TYPE_ARTICLE, "text-bytes", unterminated, NULL);
  guint start, end;

  g_assert_true (dossier_article_get_text (article) == body);
  g_assert_cmpuint (dossier_article_get_length (article), ==, 32);
  g_assert_cmpuint (dossier_article_get_n_paragraphs (article), ==, 2);
  dossier_article_get_paragraph (article, 1, &start, &end);
  g_assert_cmpuint (start, ==, 16);
  g_assert_cmpuint (end, ==, 32);

  /* without its NUL the text is copied and cut there */
  g_assert_cmpstr (dossier_article_get_text (copy), ==, "Ąžuol");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dossier/article/paragraphs", test_paragraphs);
  g_test_add_func ("/dossier/article/metadata", test_metadata);
  g_test_add_func ("/dossier/article/text-bytes", test_text_bytes);
  return g_test_run ();
}
