/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-export-citation"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-article.h"
#include "dossier-document.h"
#include "dossier-export-private.h"

/*
 * The clipping's citation as a newspaper article, in the three formats
 * reference managers (Zotero, JabRef, Mendeley…) import: BibTeX, RIS and
 * CSL-JSON.
 */

static gboolean
is_set (const char *str)
{
  return str != NULL && *str != '\0';
}

/* A citation key from the first author's family name, the year and the
 * first word of the title, in ASCII letters and digits. */
static char *
citation_key (DossierArticle *article)
{
  const char * const *authors = dossier_article_get_authors (article);
  GDateTime *published = dossier_article_get_published (article);
  GString *key = g_string_new (NULL);
  g_autofree char *family = NULL;
  g_autofree char *given = NULL;
  const char *parts[3] = { NULL, NULL, NULL };
  g_autofree char *year = NULL;
  g_autofree char *title_word = NULL;
  const char *title = dossier_article_get_title (article);

  if (authors && authors[0])
    {
      _dossier_export_split_name (authors[0], &family, &given);
      parts[0] = family;
    }
  if (published)
    parts[1] = year = g_date_time_format (published, "%Y");
  if (is_set (title))
    {
      g_auto(GStrv) words = g_strsplit_set (title, " \t\n", -1);

      for (guint i = 0; words[i]; i++)
        if (g_utf8_strlen (words[i], -1) > 3)
          {
            title_word = g_strdup (words[i]);
            break;
          }
      parts[2] = title_word;
    }

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *ascii = NULL;

      if (parts[i] == NULL)
        continue;
      ascii = g_str_to_ascii (parts[i], "C");
      for (const char *p = ascii; *p; p++)
        if (g_ascii_isalnum (*p))
          g_string_append_c (key, i == 0 ? g_ascii_tolower (*p) : *p);
    }
  if (key->len == 0 || !g_ascii_isalpha (key->str[0]))
    g_string_prepend (key, "clipping");

  return g_string_free (key, FALSE);
}

/* BibTeX */

static void
append_bibtex (GString    *out,
               const char *str)
{
  for (const char *p = str; *p; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\textbackslash{}"); break;
      case '{': g_string_append (out, "\\{"); break;
      case '}': g_string_append (out, "\\}"); break;
      case '#': g_string_append (out, "\\#"); break;
      case '$': g_string_append (out, "\\$"); break;
      case '%': g_string_append (out, "\\%"); break;
      case '&': g_string_append (out, "\\&"); break;
      case '_': g_string_append (out, "\\_"); break;
      case '~': g_string_append (out, "\\textasciitilde{}"); break;
      case '^': g_string_append (out, "\\textasciicircum{}"); break;
      case '\n': case '\r': case '\t': g_string_append_c (out, ' '); break;
      default: g_string_append_c (out, *p);
      }
}

static void
bibtex_field (GString    *out,
              const char *name,
              const char *value)
{
  if (!is_set (value))
    return;
  g_string_append_printf (out, ",\n  %-12s = {", name);
  append_bibtex (out, value);
  g_string_append_c (out, '}');
}

/* A field that must stay verbatim (a URL) goes in \url-safe braces with
 * only the brace and percent signs escaped. */
static void
bibtex_verbatim (GString    *out,
                 const char *name,
                 const char *value)
{
  if (!is_set (value))
    return;
  g_string_append_printf (out, ",\n  %-12s = {", name);
  for (const char *p = value; *p; p++)
    {
      if (*p == '{' || *p == '}' || *p == '\\')
        g_string_append_printf (out, "%%%02X", (guchar)*p);
      else if (*p == '\n' || *p == '\r' || *p == ' ')
        g_string_append (out, "%20");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '}');
}

void
_dossier_export_bibtex (GString         *out,
                        DossierArticle  *article,
                        DossierDocument *document)
{
  g_autofree char *key = citation_key (article);
  const char * const *authors = dossier_article_get_authors (article);
  GDateTime *published = dossier_article_get_published (article);

  g_string_append_printf (out, "@article{%s", key);
  bibtex_field (out, "title", dossier_article_get_title (article));
  bibtex_field (out, "subtitle", dossier_article_get_subtitle (article));
  if (authors && authors[0])
    {
      g_string_append_printf (out, ",\n  %-12s = {", "author");
      /* "{Family}, Given and {Family}, Given": unambiguous for every
       * parser, the braces keep particles and compound names whole. */
      for (guint i = 0; authors[i]; i++)
        {
          g_autofree char *family = NULL;
          g_autofree char *given = NULL;

          _dossier_export_split_name (authors[i], &family, &given);
          if (i > 0)
            g_string_append (out, " and ");
          g_string_append_c (out, '{');
          append_bibtex (out, family);
          g_string_append_c (out, '}');
          if (*given)
            {
              g_string_append (out, ", ");
              append_bibtex (out, given);
            }
        }
      g_string_append_c (out, '}');
    }
  bibtex_field (out, "journal", dossier_article_get_source (article));
  bibtex_field (out, "journaltitle", dossier_article_get_source (article));
  if (is_set (dossier_article_get_source (article)))
    bibtex_field (out, "entrysubtype", "newspaper");
  bibtex_field (out, "edition", dossier_article_get_edition (article));
  if (published)
    {
      g_autofree char *date = g_date_time_format (published, "%Y-%m-%d");
      g_autofree char *year = g_date_time_format (published, "%Y");
      g_autofree char *month = g_strdup_printf ("%d", g_date_time_get_month (published));
      g_autofree char *day = g_strdup_printf ("%d", g_date_time_get_day_of_month (published));

      bibtex_field (out, "date", date);
      bibtex_field (out, "year", year);
      bibtex_field (out, "month", month);
      bibtex_field (out, "day", day);
    }
  bibtex_field (out, "pages", dossier_article_get_page (article));
  bibtex_verbatim (out, "url", dossier_article_get_url (article));
  bibtex_field (out, "langid", dossier_article_get_language (article));
  g_string_append (out, "\n}\n");
}

/* RIS */

static void
ris_tag (GString    *out,
         const char *tag,
         const char *value)
{
  if (!is_set (value))
    return;
  g_string_append (out, tag);
  g_string_append (out, "  - ");
  /* One line per tag: line breaks would start a new, bogus tag. */
  for (const char *p = value; *p; p++)
    g_string_append_c (out, (*p == '\n' || *p == '\r') ? ' ' : *p);
  g_string_append (out, "\r\n");
}

void
_dossier_export_ris (GString         *out,
                     DossierArticle  *article,
                     DossierDocument *document)
{
  const char * const *authors = dossier_article_get_authors (article);
  GDateTime *published = dossier_article_get_published (article);

  ris_tag (out, "TY", "NEWS");
  ris_tag (out, "TI", dossier_article_get_title (article));
  for (guint i = 0; authors && authors[i]; i++)
    {
      g_autofree char *family = NULL;
      g_autofree char *given = NULL;
      g_autofree char *name = NULL;

      _dossier_export_split_name (authors[i], &family, &given);
      name = *given ? g_strconcat (family, ", ", given, NULL) : g_strdup (family);
      ris_tag (out, "AU", name);
    }
  ris_tag (out, "T2", dossier_article_get_source (article));
  ris_tag (out, "ET", dossier_article_get_edition (article));
  if (published)
    {
      g_autofree char *da = g_date_time_format (published, "%Y/%m/%d");
      g_autofree char *py = g_date_time_format (published, "%Y");

      ris_tag (out, "PY", py);
      ris_tag (out, "DA", da);
    }
  ris_tag (out, "SP", dossier_article_get_page (article));
  ris_tag (out, "UR", dossier_article_get_url (article));
  ris_tag (out, "LA", dossier_article_get_language (article));
  g_string_append (out, "ER  - \r\n");
}

/* CSL-JSON */

static void
csl_member (GString    *out,
            const char *name,
            const char *value)
{
  if (!is_set (value))
    return;
  g_string_append_printf (out, ",\n    \"%s\": ", name);
  _dossier_export_append_json_string (out, value);
}

void
_dossier_export_csl_json (GString         *out,
                          DossierArticle  *article,
                          DossierDocument *document)
{
  g_autofree char *key = citation_key (article);
  const char * const *authors = dossier_article_get_authors (article);
  GDateTime *published = dossier_article_get_published (article);

  g_string_append (out, "[\n  {\n    \"id\": ");
  _dossier_export_append_json_string (out, key);
  g_string_append (out, ",\n    \"type\": \"article-newspaper\"");
  csl_member (out, "title", dossier_article_get_title (article));
  csl_member (out, "container-title", dossier_article_get_source (article));
  csl_member (out, "edition", dossier_article_get_edition (article));
  if (authors && authors[0])
    {
      g_string_append (out, ",\n    \"author\": [");
      for (guint i = 0; authors[i]; i++)
        {
          g_autofree char *family = NULL;
          g_autofree char *given = NULL;

          _dossier_export_split_name (authors[i], &family, &given);
          g_string_append (out, i ? ",\n      { " : "\n      { ");
          if (*given)
            {
              g_string_append (out, "\"family\": ");
              _dossier_export_append_json_string (out, family);
              g_string_append (out, ", \"given\": ");
              _dossier_export_append_json_string (out, given);
            }
          else
            {
              g_string_append (out, "\"literal\": ");
              _dossier_export_append_json_string (out, family);
            }
          g_string_append (out, " }");
        }
      g_string_append (out, "\n    ]");
    }
  if (published)
    g_string_append_printf (out, ",\n    \"issued\": { \"date-parts\": [ [ %d, %d, %d ] ] }",
                            g_date_time_get_year (published),
                            g_date_time_get_month (published),
                            g_date_time_get_day_of_month (published));
  csl_member (out, "page", dossier_article_get_page (article));
  csl_member (out, "URL", dossier_article_get_url (article));
  csl_member (out, "language", dossier_article_get_language (article));
  g_string_append (out, "\n  }\n]\n");
}
