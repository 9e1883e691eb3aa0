/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-json"

#include "config.h"

#include "dossier-article.h"
#include "dossier-json.h"

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * dossier_article_to_json:
 * @article: a #DossierArticle
 * @article_count: how many articles the file held
 *
 * Serialises @article as the `article` object of `dossier-cli analyze`.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
dossier_article_to_json (DossierArticle *article,
                         guint           article_count)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *published = NULL;
  const char * const *authors;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), NULL);

  published = dossier_article_dup_published_iso (article);
  authors = dossier_article_get_authors (article);

  json_builder_begin_object (builder);
  add_nullable_string (builder, "title", dossier_article_get_title (article));
  add_nullable_string (builder, "subtitle", dossier_article_get_subtitle (article));
  add_nullable_string (builder, "source", dossier_article_get_source (article));
  add_nullable_string (builder, "edition", dossier_article_get_edition (article));
  json_builder_set_member_name (builder, "authors");
  json_builder_begin_array (builder);
  for (guint i = 0; authors[i]; i++)
    json_builder_add_string_value (builder, authors[i]);
  json_builder_end_array (builder);
  add_nullable_string (builder, "published", published);
  add_nullable_string (builder, "page", dossier_article_get_page (article));
  add_nullable_string (builder, "dateline", dossier_article_get_dateline (article));
  add_nullable_string (builder, "language", dossier_article_get_language (article));
  add_nullable_string (builder, "url", dossier_article_get_url (article));
  add_nullable_string (builder, "format", dossier_article_get_format (article));
  json_builder_set_member_name (builder, "article_count");
  json_builder_add_int_value (builder, article_count);
  json_builder_set_member_name (builder, "paragraphs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dossier_article_get_n_paragraphs (article); i++)
    {
      guint start, end;

      dossier_article_get_paragraph (article, i, &start, &end);
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, start);
      json_builder_add_int_value (builder, end);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  add_nullable_string (builder, "text", dossier_article_get_text (article));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
