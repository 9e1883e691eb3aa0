/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-export-importer"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-article.h"
#include "dossier-error.h"
#include "dossier-export-importer.h"

/*
 * Text exports of news databases, several articles to a file.
 *
 * ProQuest: documents separated by lines of underscores, each with
 * "Document N of M", the title, "Author:", "Full text:" and the body, then
 * "Label: value" fields ("Title:", "Publication title:", "Pages:",
 * "Publication date:"…). Some exports put the fields first.
 *
 * LexisNexis: "N of M DOCUMENTS" centred, then centred source, date and
 * edition lines, the headline, "BYLINE:", "SECTION:", "LENGTH:" fields, the
 * body, and trailing fields ("LOAD-DATE:", "LANGUAGE:"…) and a copyright.
 */

static const char * const proquest_labels[] = {
  "Abstract", "Accession number", "Author", "Byline", "Column", "Company / organization",
  "Copyright", "Country of publication", "Credit", "Database", "Dateline", "Document feature",
  "Document type", "Document URL", "Edition", "Full text", "Identifier / keyword",
  "Illustration", "ISSN", "Language of publication", "Last updated", "Links", "Location",
  "Names", "People", "Place of publication", "Pages", "ProQuest document ID",
  "Publication date", "Publication info", "Publication subject", "Publication title",
  "Publication year", "Publisher", "Section", "Source type", "Subject", "Title",
  "Word count", "Source", "Classification", "Corporate author", NULL
};

static const char * const lexis_trailers[] = {
  "LOAD-DATE", "LANGUAGE", "GRAPHIC", "PUBLICATION-TYPE", "JOURNAL-CODE", "SUBJECT",
  "ORGANIZATION", "PERSON", "GEOGRAPHIC", "COMPANY", "TICKER", "INDUSTRY", "URL",
  "DOCUMENT-TYPE", "CORRECTION-DATE", "CORRECTION", "NOTES", "DISTRIBUTION", "TYPE",
  "ACC-NO", "SERIES", "CITY", "STATE", "COUNTRY", "TERMS", "PUBLICATION", NULL
};

static const struct {
  const char *name;
  int         month;
} months[] = {
  { "january", 1 }, { "jan", 1 }, { "february", 2 }, { "feb", 2 }, { "march", 3 },
  { "mar", 3 }, { "april", 4 }, { "apr", 4 }, { "may", 5 }, { "june", 6 }, { "jun", 6 },
  { "july", 7 }, { "jul", 7 }, { "august", 8 }, { "aug", 8 }, { "september", 9 },
  { "sept", 9 }, { "sep", 9 }, { "october", 10 }, { "oct", 10 }, { "november", 11 },
  { "nov", 11 }, { "december", 12 }, { "dec", 12 },
};

static int
month_of (const char *word)
{
  g_autofree char *lower = g_ascii_strdown (word, -1);
  gsize n = strlen (lower);

  while (n > 0 && lower[n - 1] == '.')
    lower[--n] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (strcmp (lower, months[i].name) == 0)
      return months[i].month;
  return 0;
}

/**
 * _dossier_export_parse_date:
 * @text: "2025-11-27", "Nov 27, 2025", "27 November 2025",
 *   "January 11, 2010 Monday"
 *
 * Returns: (transfer full) (nullable): the date at UTC midnight
 */
GDateTime *
_dossier_export_parse_date (const char *text)
{
  g_auto(GStrv) words = NULL;
  int y = 0, m = 0, d = 0;

  if (text == NULL)
    return NULL;
  while (g_ascii_isspace (*text))
    text++;

  if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
    return g_date_time_new_utc (y, m, d, 0, 0, 0);
  y = m = d = 0;

  words = g_strsplit_set (text, " ,\t", -1);
  for (guint i = 0; words[i]; i++)
    {
      char *w = words[i];
      int month;

      if (*w == '\0')
        continue;
      if ((month = month_of (w)) && m == 0)
        m = month;
      else if (g_ascii_isdigit (*w))
        {
          int v = atoi (w);

          if (strlen (w) == 4 && v > 1000 && y == 0)
            y = v;
          else if (v >= 1 && v <= 31 && d == 0 && strlen (w) <= 4)
            d = v;
        }
    }

  if (y && m && d && g_date_valid_dmy (d, m, y))
    return g_date_time_new_utc (y, m, d, 0, 0, 0);

  return NULL;
}

static const char *
language_code (const char *name)
{
  static const struct { const char *name; const char *code; } languages[] = {
    { "english", "en" }, { "french", "fr" }, { "german", "de" }, { "spanish", "es" },
    { "italian", "it" }, { "portuguese", "pt" }, { "dutch", "nl" }, { "russian", "ru" },
    { "lithuanian", "lt" }, { "polish", "pl" }, { "swedish", "sv" }, { "chinese", "zh" },
    { "japanese", "ja" }, { "arabic", "ar" }, { "danish", "da" }, { "norwegian", "no" },
    { "finnish", "fi" },
  };

  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_ascii_strncasecmp (name, languages[i].name, strlen (languages[i].name)) == 0)
      return languages[i].code;
  return NULL;
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static guint
indent_of (const char *line)
{
  guint n = 0;

  while (line[n] == ' ' || line[n] == '\t')
    n++;
  return n;
}

/* Hard-wrapped lines → paragraphs separated by one blank line. */
static char *
join_paragraphs (char **lines,
                 guint  start,
                 guint  end)
{
  GString *out = g_string_new (NULL);
  gboolean in_para = FALSE;

  for (guint i = start; i < end; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (*line == '\0')
        {
          in_para = FALSE;
          continue;
        }
      if (in_para)
        g_string_append_c (out, ' ');
      else if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, line);
      in_para = TRUE;
    }

  return g_string_free (out, FALSE);
}

/* "TREVOR Kavanagh" → "Trevor Kavanagh", "O'NEILL" → "O'Neill"; names
 * keep their case otherwise. */
static char *
fix_caps (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);

  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *up = g_utf8_strup (words[i], -1);
      g_autofree char *lower = NULL;
      GString *out;
      gboolean start = TRUE;

      if (g_utf8_strlen (words[i], -1) < 2 || strcmp (up, words[i]) != 0)
        continue;

      lower = g_utf8_strdown (words[i], -1);
      out = g_string_new (NULL);
      for (const char *p = lower; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          g_string_append_unichar (out, start ? g_unichar_totitle (c) : c);
          start = c == '\'' || c == '-' || c == 0x2019;
        }
      g_free (words[i]);
      words[i] = g_string_free (out, FALSE);
    }

  return g_strjoinv (" ", words);
}

static void
add_name (GPtrArray  *names,
          const char *raw,
          gboolean    inverted)
{
  g_autofree char *name = g_strstrip (g_strdup (raw));
  g_autofree char *lower = NULL;
  static const char * const roles[] = {
    "correspondent", "editor", "reporter", "writer", "staff", "columnist", "in ",
    "chief", "political", "contributor", NULL
  };

  if (g_ascii_strncasecmp (name, "by ", 3) == 0)
    memmove (name, name + 3, strlen (name + 3) + 1);
  g_strstrip (name);
  if (*name == '\0')
    return;

  lower = g_utf8_strdown (name, -1);
  for (guint i = 0; roles[i]; i++)
    if (g_str_has_prefix (lower, roles[i]) || (i < 6 && strstr (lower, roles[i])))
      return;

  if (inverted)
    {
      g_auto(GStrv) parts = g_strsplit (name, ",", 2);

      if (parts[1])
        {
          g_free (name);
          name = g_strdup_printf ("%s %s", g_strstrip (parts[1]), g_strstrip (parts[0]));
        }
    }

  g_ptr_array_add (names, fix_caps (name));
}

/* ProQuest: "Gramer, Robbie; Ward, Alexander". LexisNexis: "BY A and B",
 * "Niamh Brennan, Education Correspondent". */
static GStrv
split_authors (const char *text,
               gboolean    inverted)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) and = g_regex_new ("\\s+(?:and|&)\\s+", G_REGEX_CASELESS, 0, NULL);
  g_autofree char *clean = NULL;
  g_auto(GStrv) parts = NULL;

  if (text == NULL || is_blank (text))
    return NULL;

  clean = g_regex_replace_literal (and, text, -1, 0, ";", 0, NULL);
  parts = g_strsplit (clean, ";", -1);
  for (guint i = 0; parts[i]; i++)
    {
      const char *comma = strchr (parts[i], ',');

      if (inverted && comma && strchr (comma + 1, ',') == NULL)
        add_name (names, parts[i], TRUE);
      else
        {
          g_auto(GStrv) pieces = g_strsplit (parts[i], ",", -1);

          for (guint j = 0; pieces[j]; j++)
            add_name (names, pieces[j], FALSE);
        }
    }

  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strdupv ((char **)names->pdata);
}

/* ---------------------------------------------------------------- ProQuest */

static const char *
proquest_label (const char *line,
                gsize      *label_length)
{
  for (guint i = 0; proquest_labels[i]; i++)
    {
      gsize n = strlen (proquest_labels[i]);

      if (strncmp (line, proquest_labels[i], n) == 0 && line[n] == ':')
        {
          *label_length = n;
          return proquest_labels[i];
        }
    }
  return NULL;
}

static gboolean
is_separator (const char *line)
{
  guint underscores = 0;

  for (const char *p = line; *p; p++)
    {
      if (*p == '_')
        underscores++;
      else if (!g_ascii_isspace (*p))
        return FALSE;
    }
  return underscores >= 20;
}

static gboolean
is_document_line (const char *line,
                  gboolean    lexis)
{
  int n, m;
  char word[16] = { 0, };

  if (lexis)
    return sscanf (line, " %d of %d %15s", &n, &m, word) == 3 && strcmp (word, "DOCUMENTS") == 0;
  return sscanf (line, " Document %d of %d", &n, &m) == 2;
}

static DossierArticle *
parse_proquest_document (char **lines,
                         guint  start,
                         guint  end)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *body = NULL;
  g_autofree char *first_line = NULL;
  g_autofree char *source = NULL;
  g_autofree char *edition = NULL;
  g_autofree char *page = NULL;
  g_auto(GStrv) authors = NULL;
  g_autoptr(GDateTime) published = NULL;
  const char *title, *pubtitle, *value;
  guint body_start = 0, body_end = 0;

  for (guint i = start; i < end; i++)
    {
      const char *line = lines[i];
      const char *label;
      gsize n;

      if ((label = proquest_label (line, &n)))
        {
          GString *value_text = g_string_new (line + n + 1);

          if (strcmp (label, "Full text") == 0)
            {
              /* the body runs to the next field */
              guint j = i + 1;

              while (j < end && !proquest_label (lines[j], &n))
                j++;
              body_start = i;
              body_end = j;
              g_string_free (value_text, TRUE);
              i = j - 1;
              continue;
            }

          /* continuation lines of a long field */
          while (i + 1 < end && !is_blank (lines[i + 1]) && !proquest_label (lines[i + 1], &n) &&
                 strcmp (label, "Abstract") != 0)
            {
              g_string_append_c (value_text, ' ');
              g_string_append (value_text, lines[++i]);
            }
          if (!g_hash_table_contains (fields, label))
            g_hash_table_insert (fields, (gpointer)label,
                                 g_strstrip (g_string_free (value_text, FALSE)));
          else
            g_string_free (value_text, TRUE);
        }
      else if (first_line == NULL && !is_blank (line) && !is_document_line (line, FALSE) &&
               !is_separator (line) && body_start == 0)
        first_line = g_strstrip (g_strdup (line));
    }

  if (body_end > body_start)
    {
      g_autofree char *first = g_strdup (lines[body_start] + strlen ("Full text:"));
      char *saved = lines[body_start];

      lines[body_start] = first;
      body = join_paragraphs (lines, body_start, body_end);
      lines[body_start] = saved;
    }

  title = g_hash_table_lookup (fields, "Title");
  if (title == NULL || *title == '\0')
    title = first_line;

  if ((pubtitle = g_hash_table_lookup (fields, "Publication title")) == NULL || *pubtitle == '\0')
    pubtitle = g_hash_table_lookup (fields, "Source");
  /* An empty field splits into no parts at all. */
  if (pubtitle != NULL && *pubtitle != '\0')
    {
      /* "Wall Street Journal, Eastern edition; New York, N.Y." */
      g_auto(GStrv) parts = g_strsplit (pubtitle, ";", 2);
      g_autofree char *name = g_strstrip (g_strdup (parts[0]));
      char *comma = strrchr (name, ',');

      if (comma && strstr (comma, "dition"))
        {
          edition = g_strstrip (g_strdup (comma + 1));
          *comma = '\0';
        }
      source = g_strstrip (g_steal_pointer (&name));
    }
  if (edition == NULL && (value = g_hash_table_lookup (fields, "Edition")))
    edition = g_strdup (value);

  if ((value = g_hash_table_lookup (fields, "Pages")))
    {
      /* "A.1" is how ProQuest writes page A1 */
      GString *p = g_string_new (NULL);

      for (const char *c = value; *c; c++)
        if (!(*c == '.' && c > value && g_ascii_isalpha (c[-1]) && g_ascii_isdigit (c[1])))
          g_string_append_c (p, *c);
      page = g_string_free (p, FALSE);
    }

  if ((value = g_hash_table_lookup (fields, "Publication date")))
    published = _dossier_export_parse_date (value);
  if (published == NULL && (value = g_hash_table_lookup (fields, "Publication info")))
    {
      /* "...; New York, N.Y. 27 Nov 2025: A.1." */
      const char *last = strrchr (value, ';');
      g_autofree char *tail = g_strdup (last ? last + 1 : value);
      char *colon = strrchr (tail, ':');

      if (colon)
        *colon = '\0';
      published = _dossier_export_parse_date (tail);
    }

  if ((value = g_hash_table_lookup (fields, "Author")) ||
      (value = g_hash_table_lookup (fields, "Byline")))
    authors = split_authors (value, TRUE);

  if ((body == NULL || *body == '\0') && (value = g_hash_table_lookup (fields, "Abstract")))
    {
      g_free (body);
      body = g_strdup (value);
    }

  if ((body == NULL || *body == '\0') && title == NULL)
    return NULL;

  return g_object_new (DOSSIER_TYPE_ARTICLE,
                       "title", title,
                       "source", source,
                       "edition", edition,
                       "authors", authors,
                       "published", published,
                       "page", page,
                       "dateline", g_hash_table_lookup (fields, "Dateline"),
                       "language", language_code (g_hash_table_lookup (fields,
                                                                       "Language of publication")),
                       "url", g_hash_table_lookup (fields, "Document URL"),
                       "format", "proquest",
                       "text", body ? body : "",
                       NULL);
}

static GPtrArray *
parse_proquest (char  **lines,
                guint   n_lines)
{
  GPtrArray *articles = g_ptr_array_new_with_free_func (g_object_unref);
  guint start = 0;
  gboolean have_doc_lines = FALSE;

  for (guint i = 0; i < n_lines; i++)
    if (is_document_line (lines[i], FALSE))
      have_doc_lines = TRUE;

  for (guint i = 0; i <= n_lines; i++)
    {
      gboolean boundary = i == n_lines ||
                          (have_doc_lines ? is_document_line (lines[i], FALSE)
                                          : is_separator (lines[i]));

      if (!boundary)
        continue;

      if (i > start)
        {
          gboolean has_text = FALSE;
          gsize n;

          for (guint j = start; j < i && !has_text; j++)
            has_text = proquest_label (lines[j], &n) != NULL &&
                       (g_str_has_prefix (lines[j], "Full text:") ||
                        g_str_has_prefix (lines[j], "Title:"));

          if (has_text)
            {
              DossierArticle *article = parse_proquest_document (lines, start, i);

              if (article)
                g_ptr_array_add (articles, article);
            }
        }
      start = i;
    }

  return articles;
}

/* ------------------------------------------------------------- LexisNexis */

static gboolean
lexis_field (const char  *line,
             char       **label,
             const char **value)
{
  const char *p = line;

  if (!g_ascii_isupper (*p))
    return FALSE;
  while (g_ascii_isupper (*p) || *p == '-')
    p++;
  if (*p != ':' || p - line < 3)
    return FALSE;

  *label = g_strndup (line, p - line);
  *value = p + 1;
  return TRUE;
}

static gboolean
is_lexis_trailer (const char *line)
{
  g_autofree char *label = NULL;
  const char *value;

  if (!lexis_field (line, &label, &value))
    return FALSE;
  return g_strv_contains (lexis_trailers, label);
}

static DossierArticle *
parse_lexis_document (char **lines,
                      guint  start,
                      guint  end)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) centred = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) published = NULL;
  g_autofree char *source = NULL;
  g_autofree char *edition = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *page = NULL;
  g_auto(GStrv) authors = NULL;
  GString *headline = g_string_new (NULL);
  GString *edition_text = g_string_new (NULL);
  guint i = start + 1;
  guint body_start, body_end;
  const char *value;

  /* Centred header: source, date, edition. */
  for (; i < end; i++)
    {
      if (is_blank (lines[i]))
        continue;
      if (indent_of (lines[i]) < 4)
        break;
      g_ptr_array_add (centred, g_strstrip (g_strdup (lines[i])));
    }

  for (guint c = 0; c < centred->len; c++)
    {
      const char *line = g_ptr_array_index (centred, c);

      if (source == NULL && c == 0)
        source = g_strdup (line);
      else if (published == NULL && (published = _dossier_export_parse_date (line)))
        continue;
      else if (published != NULL)
        {
          g_autofree char *part = g_strdup (line);
          gsize n = strlen (part);

          while (n > 0 && (part[n - 1] == ';' || part[n - 1] == ' '))
            part[--n] = '\0';
          if (edition_text->len)
            g_string_append (edition_text, "; ");
          g_string_append (edition_text, part);
        }
    }

  /* Headline: the lines up to the first field. */
  for (; i < end; i++)
    {
      g_autofree char *label = NULL;

      if (lexis_field (lines[i], &label, &value))
        break;
      if (is_blank (lines[i]))
        {
          if (headline->len)
            {
              /* a blank line inside a long headline: keep going only if
               * a field follows soon */
              guint j = i + 1;

              while (j < end && is_blank (lines[j]))
                j++;
              if (j < end && !lexis_field (lines[j], &label, &value) && headline->len > 0)
                {
                  g_clear_pointer (&label, g_free);
                  /* no field next: the headline ended and the body began */
                  break;
                }
              g_clear_pointer (&label, g_free);
            }
          continue;
        }
      if (headline->len)
        g_string_append_c (headline, ' ');
      g_string_append (headline, g_strstrip (lines[i]));
    }

  /* Leading fields, each possibly over several lines. */
  for (; i < end; i++)
    {
      char *label = NULL;
      GString *text;

      if (is_blank (lines[i]))
        continue;
      if (!lexis_field (lines[i], &label, &value) || is_lexis_trailer (lines[i]))
        {
          g_free (label);
          break;
        }

      text = g_string_new (value);
      while (i + 1 < end && !is_blank (lines[i + 1]))
        {
          g_string_append_c (text, ' ');
          g_string_append (text, g_strstrip (lines[++i]));
        }
      g_hash_table_replace (fields, label, g_strstrip (g_string_free (text, FALSE)));
    }

  body_start = i;
  for (body_end = body_start; body_end < end; body_end++)
    {
      const char *line = lines[body_end];

      if (is_lexis_trailer (line))
        break;
      if (indent_of (line) >= 10 && strstr (line, "Copyright"))
        break;
    }

  /* Trailing fields. */
  for (i = body_end; i < end; i++)
    {
      char *label = NULL;

      if (lexis_field (lines[i], &label, &value))
        {
          if (!g_hash_table_contains (fields, label))
            g_hash_table_insert (fields, label, g_strstrip (g_strdup (value)));
          else
            g_free (label);
        }
    }

  body = join_paragraphs (lines, body_start, body_end);
  title = g_strstrip (g_string_free (headline, FALSE));
  edition = g_string_free (edition_text, FALSE);
  if (*edition == '\0')
    g_clear_pointer (&edition, g_free);

  if ((value = g_hash_table_lookup (fields, "SECTION")))
    {
      /* "NEWS; Pg. 6" */
      const char *pg = strstr (value, "Pg.");

      if (pg)
        {
          pg += 3;
          while (*pg == ' ')
            pg++;
          page = g_strndup (pg, strcspn (pg, "; ,"));
        }
    }

  if ((value = g_hash_table_lookup (fields, "BYLINE")))
    authors = split_authors (value, FALSE);

  if (*body == '\0' && *title == '\0')
    return NULL;

  return g_object_new (DOSSIER_TYPE_ARTICLE,
                       "title", title,
                       "source", source,
                       "edition", edition,
                       "authors", authors,
                       "published", published,
                       "page", page,
                       "dateline", g_hash_table_lookup (fields, "DATELINE"),
                       "language", language_code (g_hash_table_lookup (fields, "LANGUAGE")),
                       "url", g_hash_table_lookup (fields, "URL"),
                       "format", "lexisnexis",
                       "text", body,
                       NULL);
}

static GPtrArray *
parse_lexis (char  **lines,
             guint   n_lines)
{
  GPtrArray *articles = g_ptr_array_new_with_free_func (g_object_unref);
  gint start = -1;

  for (guint i = 0; i <= n_lines; i++)
    {
      if (i < n_lines && !is_document_line (lines[i], TRUE))
        continue;

      if (start >= 0)
        {
          DossierArticle *article = parse_lexis_document (lines, start, i);

          if (article)
            g_ptr_array_add (articles, article);
        }
      start = i;
    }

  return articles;
}

/* -------------------------------------------------------------- Nexis Uni */

/* Nexis Uni, the newer LexisNexis service, writes each document as: title,
 * source, date, edition, a copyright line, "Section:", "Length:",
 * "Byline:" fields, a line "Body", the text, trailing fields and "End of
 * Document". */

static const char * const uni_trailers[] = {
  "Load-Date", "Classification", "Language", "Publication-Type", "Subject", "Graphic",
  "Notes", "Document-Type", "Journal Code", "URL", "Industry", "Geographic", "Person",
  "Organization", "Company", "Ticker", "Correction-Date", NULL
};

static gboolean
uni_field (const char  *line,
           char       **label,
           const char **value)
{
  const char *colon = strchr (line, ':');
  const char *p;

  if (colon == NULL || colon == line || colon - line > 24 || !g_ascii_isupper (*line))
    return FALSE;
  for (p = line; p < colon; p++)
    if (!g_ascii_isalpha (*p) && *p != '-' && *p != ' ')
      return FALSE;

  *label = g_strndup (line, colon - line);
  *value = colon + 1;
  return TRUE;
}

static gboolean
is_uni_trailer (const char *line)
{
  g_autofree char *label = NULL;
  const char *value;

  if (strcmp (line, "Classification") == 0 || strcmp (line, "End of Document") == 0)
    return TRUE;
  return uni_field (line, &label, &value) && g_strv_contains (uni_trailers, label);
}

static DossierArticle *
parse_uni_document (char **lines,
                    guint  start,
                    guint  end)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDateTime) published = NULL;
  GString *title = g_string_new (NULL);
  GString *edition = g_string_new (NULL);
  g_autofree char *title_text = NULL;
  g_autofree char *edition_text = NULL;
  g_autofree char *source = NULL;
  g_autofree char *body = NULL;
  g_autofree char *page = NULL;
  g_auto(GStrv) authors = NULL;
  const char *value;
  guint body_line = end, i, body_end;
  gboolean title_done = FALSE;

  for (i = start; i < end; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (strcmp (line, "Body") == 0)
        {
          body_line = i;
          break;
        }
    }
  if (body_line == end)
    {
      g_string_free (title, TRUE);
      g_string_free (edition, TRUE);
      return NULL;
    }

  /* Header: title (up to a blank line), then source, date, edition up to
   * the copyright line, then fields. */
  for (i = start; i < body_line; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      char *label = NULL;

      if (*line == '\0')
        {
          title_done = title->len > 0;
          continue;
        }
      if (uni_field (line, &label, &value))
        {
          g_hash_table_replace (fields, label, g_strstrip (g_strdup (value)));
          continue;
        }
      if (!title_done)
        {
          if (title->len)
            g_string_append_c (title, ' ');
          g_string_append (title, line);
          continue;
        }
      if (g_str_has_prefix (line, "Copyright") || g_str_has_prefix (line, "©"))
        continue;
      if (source == NULL)
        source = g_strdup (line);
      else if (published == NULL && (published = _dossier_export_parse_date (line)))
        continue;
      else if (published != NULL && g_hash_table_size (fields) == 0)
        {
          gsize n = strlen (line);

          while (n > 0 && (line[n - 1] == ';' || line[n - 1] == ' '))
            line[--n] = '\0';
          if (edition->len)
            g_string_append (edition, "; ");
          g_string_append (edition, line);
        }
    }

  for (body_end = body_line + 1; body_end < end; body_end++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[body_end]));

      if (is_uni_trailer (line))
        break;
    }
  for (i = body_end; i < end; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      char *label = NULL;

      if (uni_field (line, &label, &value))
        {
          if (!g_hash_table_contains (fields, label))
            g_hash_table_insert (fields, label, g_strstrip (g_strdup (value)));
          else
            g_free (label);
        }
    }

  body = join_paragraphs (lines, body_line + 1, body_end);
  title_text = g_string_free (title, FALSE);
  edition_text = g_string_free (edition, FALSE);

  if ((value = g_hash_table_lookup (fields, "Section")))
    {
      const char *pg = strstr (value, "Pg.");

      if (pg)
        {
          pg += 3;
          while (*pg == ' ')
            pg++;
          page = g_strndup (pg, strcspn (pg, "; ,"));
        }
    }
  if ((value = g_hash_table_lookup (fields, "Byline")))
    authors = split_authors (value, FALSE);

  return g_object_new (DOSSIER_TYPE_ARTICLE,
                       "title", title_text,
                       "source", source,
                       "edition", *edition_text ? edition_text : NULL,
                       "authors", authors,
                       "published", published,
                       "page", page,
                       "dateline", g_hash_table_lookup (fields, "Dateline"),
                       "language", language_code (g_hash_table_lookup (fields, "Language")),
                       "format", "lexisnexis",
                       "text", body,
                       NULL);
}

static GPtrArray *
parse_uni (char  **lines,
           guint   n_lines)
{
  GPtrArray *articles = g_ptr_array_new_with_free_func (g_object_unref);
  guint start = 0;

  for (guint i = 0; i <= n_lines; i++)
    {
      g_autofree char *line = i < n_lines ? g_strstrip (g_strdup (lines[i])) : NULL;

      if (line && strcmp (line, "End of Document") != 0)
        continue;

      if (i > start)
        {
          DossierArticle *article = parse_uni_document (lines, start, i);

          if (article)
            g_ptr_array_add (articles, article);
        }
      start = i + 1;
    }

  return articles;
}

/* ----------------------------------------------------------------- public */

static int
detect (const char *text,
        gsize       length)
{
  gsize n = MIN (length, 256 * 1024);
  g_autofree char *head = g_strndup (text, n);
  g_auto(GStrv) lines = g_strsplit (head, "\n", -1);
  guint lexis = 0, proquest = 0, uni_end = 0, uni_body = 0, uni_fields = 0;

  for (guint i = 0; lines[i]; i++)
    {
      gsize l;

      g_strchomp (lines[i]);
      if (strcmp (lines[i], "End of Document") == 0)
        uni_end++;
      else if (strcmp (lines[i], "Body") == 0)
        uni_body++;
      else if (g_str_has_prefix (lines[i], "Length:") || g_str_has_prefix (lines[i], "Load-Date:") ||
               g_str_has_prefix (lines[i], "Byline:"))
        uni_fields++;

      if (is_document_line (lines[i], TRUE))
        lexis += 2;
      else if (g_str_has_prefix (lines[i], "BYLINE:") || g_str_has_prefix (lines[i], "LENGTH:") ||
               g_str_has_prefix (lines[i], "LOAD-DATE:"))
        lexis++;
      else if (is_document_line (lines[i], FALSE))
        proquest++;
      else if (g_str_has_prefix (lines[i], "Full text:") ||
               g_str_has_prefix (lines[i], "Publication title:") ||
               g_str_has_prefix (lines[i], "ProQuest document ID:"))
        proquest += 2;
      else if (proquest_label (lines[i], &l))
        proquest += 0;
    }

  if (lexis >= 3 && lexis >= proquest)
    return 2;
  if (uni_end >= 1 && uni_body >= 1 && uni_fields >= 1)
    return 3;
  if (proquest >= 3)
    return 1;
  return 0;
}

/**
 * _dossier_export_importer_sniff:
 *
 * Whether @text is a ProQuest or LexisNexis text export.
 */
gboolean
_dossier_export_importer_sniff (const char *text,
                                gsize       length)
{
  return detect (text, length) != 0;
}

/**
 * _dossier_export_importer_parse:
 * @text: UTF-8 text with LF line ends
 * @length: its length
 * @error: a #GError
 *
 * Returns: (transfer container) (element-type DossierArticle): every article
 *   of the export, at least one, or %NULL with @error set
 */
GPtrArray *
_dossier_export_importer_parse (const char  *text,
                                gsize        length,
                                GError     **error)
{
  g_autofree char *copy = g_strndup (text, length);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  int kind = detect (text, length);

  /* strip a BOM the decoder may have left */
  lines = g_strsplit (g_str_has_prefix (copy, "\xEF\xBB\xBF") ? copy + 3 : copy, "\n", -1);

  if (kind == 2)
    articles = parse_lexis (lines, g_strv_length (lines));
  else if (kind == 3)
    articles = parse_uni (lines, g_strv_length (lines));
  else
    articles = parse_proquest (lines, g_strv_length (lines));

  if (articles->len == 0)
    {
      g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_NO_ARTICLE,
                           kind >= 2 ? _("The LexisNexis export holds no readable article")
                                     : _("The ProQuest export holds no readable article"));
      return NULL;
    }

  return g_steal_pointer (&articles);
}
