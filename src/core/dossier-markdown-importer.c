/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-markdown-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-article.h"
#include "dossier-error.h"
#include "dossier-export-importer.h"
#include "dossier-markdown-importer.h"

/*
 * Markdown clippings, with optional YAML front matter (title, date,
 * author/authors, source, url, lang). The body keeps its paragraphs,
 * headings, list items and quotes as plain text: markup syntax is removed,
 * link texts stay, images and link definitions go.
 */

typedef struct
{
  char      *title;
  char      *subtitle;
  char      *date;
  char      *source;
  char      *url;
  char      *language;
  GPtrArray *authors;
} FrontMatter;

static void
front_matter_clear (FrontMatter *fm)
{
  g_free (fm->title);
  g_free (fm->subtitle);
  g_free (fm->date);
  g_free (fm->source);
  g_free (fm->url);
  g_free (fm->language);
  g_clear_pointer (&fm->authors, g_ptr_array_unref);
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_fence (const char *line)
{
  return g_str_has_prefix (line, "---") && is_blank (line + 3);
}

/* A YAML scalar: quotes removed, a trailing comment dropped. */
static char *
yaml_scalar (const char *value)
{
  g_autofree char *v = g_strstrip (g_strdup (value));
  gsize n = strlen (v);

  if (n >= 2 && ((v[0] == '"' && v[n - 1] == '"') || (v[0] == '\'' && v[n - 1] == '\'')))
    {
      char *inner = g_strndup (v + 1, n - 2);

      if (v[0] == '"')
        {
          char *unescaped = g_strcompress (inner);

          g_free (inner);
          inner = unescaped;
        }
      return inner;
    }

  {
    char *hash = strstr (v, " #");

    if (hash)
      *hash = '\0';
  }
  return g_strstrip (g_steal_pointer (&v));
}

static void
add_yaml_list (GPtrArray  *list,
               const char *value)
{
  g_autofree char *v = g_strstrip (g_strdup (value));
  gsize n = strlen (v);

  if (n >= 2 && v[0] == '[' && v[n - 1] == ']')
    {
      g_auto(GStrv) items = NULL;

      v[n - 1] = '\0';
      items = g_strsplit (v + 1, ",", -1);
      for (guint i = 0; items[i]; i++)
        {
          char *item = yaml_scalar (items[i]);

          if (*item)
            g_ptr_array_add (list, item);
          else
            g_free (item);
        }
    }
  else if (*v)
    g_ptr_array_add (list, yaml_scalar (v));
}

static char **
key_slot (FrontMatter *fm,
          const char  *key)
{
  static const struct { const char *key; gsize offset; } keys[] = {
    { "title", G_STRUCT_OFFSET (FrontMatter, title) },
    { "headline", G_STRUCT_OFFSET (FrontMatter, title) },
    { "subtitle", G_STRUCT_OFFSET (FrontMatter, subtitle) },
    { "dek", G_STRUCT_OFFSET (FrontMatter, subtitle) },
    { "date", G_STRUCT_OFFSET (FrontMatter, date) },
    { "published", G_STRUCT_OFFSET (FrontMatter, date) },
    { "pubdate", G_STRUCT_OFFSET (FrontMatter, date) },
    { "source", G_STRUCT_OFFSET (FrontMatter, source) },
    { "publication", G_STRUCT_OFFSET (FrontMatter, source) },
    { "publisher", G_STRUCT_OFFSET (FrontMatter, source) },
    { "site", G_STRUCT_OFFSET (FrontMatter, source) },
    { "url", G_STRUCT_OFFSET (FrontMatter, url) },
    { "link", G_STRUCT_OFFSET (FrontMatter, url) },
    { "source_url", G_STRUCT_OFFSET (FrontMatter, url) },
    { "canonical_url", G_STRUCT_OFFSET (FrontMatter, url) },
    { "lang", G_STRUCT_OFFSET (FrontMatter, language) },
    { "language", G_STRUCT_OFFSET (FrontMatter, language) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_ascii_strcasecmp (key, keys[i].key) == 0)
      return G_STRUCT_MEMBER_P (fm, keys[i].offset);
  return NULL;
}

/* Reads "---\nkey: value\n...\n---"; returns the line after it, or 0. */
static guint
read_front_matter (char        **lines,
                   FrontMatter  *fm)
{
  guint i;
  const char *list_key = NULL;

  if (lines[0] == NULL || !is_fence (lines[0]))
    return 0;

  for (i = 1; lines[i]; i++)
    if (is_fence (lines[i]) || (g_str_has_prefix (lines[i], "...") && is_blank (lines[i] + 3)))
      break;
  if (lines[i] == NULL)
    return 0;

  fm->authors = g_ptr_array_new_with_free_func (g_free);

  for (guint j = 1; j < i; j++)
    {
      const char *line = lines[j];
      const char *colon;
      g_autofree char *key = NULL;
      char **slot;

      if (is_blank (line) || line[0] == '#')
        continue;

      if (list_key && (line[0] == ' ' || line[0] == '-'))
        {
          const char *item = line;

          while (*item == ' ')
            item++;
          if (*item == '-')
            {
              item++;
              /* "- name: Jane Doe" */
              while (*item == ' ')
                item++;
              if (g_str_has_prefix (item, "name:"))
                item += 5;
              add_yaml_list (fm->authors, item);
            }
          continue;
        }
      list_key = NULL;

      colon = strchr (line, ':');
      if (colon == NULL || line[0] == ' ')
        continue;

      key = g_strstrip (g_strndup (line, colon - line));

      if (g_ascii_strcasecmp (key, "author") == 0 || g_ascii_strcasecmp (key, "authors") == 0 ||
          g_ascii_strcasecmp (key, "byline") == 0)
        {
          if (is_blank (colon + 1))
            list_key = "authors";
          else
            {
              g_autofree char *value = g_strstrip (g_strdup (colon + 1));

              if (value[0] == '[')
                add_yaml_list (fm->authors, value);
              else
                {
                  /* "Jane Doe and John Roe" */
                  g_autoptr(GRegex) split = NULL;
                  g_autofree char *scalar = yaml_scalar (value);
                  g_auto(GStrv) names = NULL;

                  split = g_regex_new ("\\s*(?:,|;|\\s+and\\s+|\\s+&\\s+)\\s*", 0, 0, NULL);
                  names = g_regex_split (split, scalar, 0);

                  for (guint k = 0; names[k]; k++)
                    if (*g_strstrip (names[k]))
                      g_ptr_array_add (fm->authors, g_strdup (names[k]));
                }
            }
          continue;
        }

      if ((slot = key_slot (fm, key)) && *slot == NULL)
        {
          *slot = yaml_scalar (colon + 1);
          if (**slot == '\0')
            g_clear_pointer (slot, g_free);
        }
    }

  return i + 1;
}

/* ----------------------------------------------------------------- inline */

/* Inline constructs are short: looking for their end only this far keeps
 * a paragraph of a million "[" or "`" linear. */
#define INLINE_WINDOW 512

static const char *
find_char (const char *p,
           char        c)
{
  return memchr (p, c, strnlen (p, INLINE_WINDOW));
}

/* For every "[" and "(", the offset of its closing bracket or -1, found
 * with one stack pass: unclosed brackets by the thousand stay linear. */
static gint *
match_brackets (const char *text,
                gsize       length)
{
  gint *match = g_new (gint, length + 1);
  g_autoptr(GArray) squares = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr(GArray) rounds = g_array_new (FALSE, FALSE, sizeof (gint));

  for (gsize i = 0; i < length; i++)
    {
      match[i] = -1;
      if (text[i] == '\\' && i + 1 < length)
        match[++i] = -1;
      else if (text[i] == '[' || text[i] == '(')
        {
          gint at = (gint)i;

          g_array_append_val (text[i] == '[' ? squares : rounds, at);
        }
      else if (text[i] == ']' && squares->len > 0)
        {
          match[g_array_index (squares, gint, squares->len - 1)] = (gint)i;
          g_array_set_size (squares, squares->len - 1);
        }
      else if (text[i] == ')' && rounds->len > 0)
        {
          match[g_array_index (rounds, gint, rounds->len - 1)] = (gint)i;
          g_array_set_size (rounds, rounds->len - 1);
        }
    }

  return match;
}

static const char *
skip_brackets (const char *text,
               const gint *match,
               const char *p)
{
  gint m = match[p - text];

  return m >= 0 ? text + m : NULL;
}

static void
strip_inline_depth (GString    *out,
                    const char *text,
                    guint       depth)
{
  const char *p = text;
  g_autofree gint *match = match_brackets (text, strlen (text));

  while (*p)
    {
      char c = *p;

      if (c == '\\' && p[1] && strchr ("\\`*_{}[]()#+-.!<>|~\"'", p[1]))
        {
          g_string_append_c (out, p[1]);
          p += 2;
        }
      else if (c == '!' && p[1] == '[')
        {
          /* images carry no article text */
          const char *close = skip_brackets (text, match, p + 1);

          if (close && close[1] == '(' && (close = skip_brackets (text, match, close + 1)))
            p = close + 1;
          else
            g_string_append_c (out, *p++);
        }
      else if (c == '[' && p[1] == '^')
        {
          /* footnote reference [^1] */
          const char *close = find_char (p, ']');

          p = close ? close + 1 : p + 1;
        }
      else if (c == '[')
        {
          const char *close = depth < 8 ? skip_brackets (text, match, p) : NULL;

          if (close)
            {
              g_autofree char *label = g_strndup (p + 1, close - p - 1);
              const char *after = close + 1;

              strip_inline_depth (out, label, depth + 1);
              if (*after == '(')
                {
                  const char *end = skip_brackets (text, match, after);

                  after = end ? end + 1 : after;
                }
              else if (*after == '[')
                {
                  const char *end = find_char (after, ']');

                  after = end ? end + 1 : after;
                }
              p = after;
            }
          else
            g_string_append_c (out, *p++);
        }
      else if (c == '<' && (g_str_has_prefix (p, "<http") || g_str_has_prefix (p, "<mailto:")))
        {
          const char *close = find_char (p, '>');

          if (close)
            {
              g_string_append_len (out, p + 1, close - p - 1);
              p = close + 1;
            }
          else
            g_string_append_c (out, *p++);
        }
      else if (c == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!'))
        {
          /* inline HTML tags go, their text stays */
          const char *close = find_char (p, '>');

          p = close ? close + 1 : p + 1;
        }
      else if (c == '`')
        {
          gsize ticks = 0;
          const char *end;
          g_autofree char *fence = NULL;

          while (p[ticks] == '`')
            ticks++;
          fence = g_strndup (p, ticks);
          end = g_strstr_len (p + ticks, INLINE_WINDOW, fence);
          if (end)
            {
              g_autofree char *code = g_strndup (p + ticks, end - p - ticks);

              g_string_append (out, g_strstrip (code));
              p = end + ticks;
            }
          else
            {
              g_string_append_len (out, p, ticks);
              p += ticks;
            }
        }
      else if (c == '*' || c == '~' ||
               (c == '_' && (p == text || !g_ascii_isalnum (p[-1]) || !g_ascii_isalnum (p[1]))))
        {
          /* emphasis and strike-through markers; a lone "*" between spaces
           * is text */
          gsize run = 0;

          while (p[run] == c)
            run++;
          if ((p == text || g_ascii_isspace (p[-1])) &&
              (p[run] == '\0' || g_ascii_isspace (p[run])))
            g_string_append_len (out, p, run);
          p += run;
        }
      else
        g_string_append_c (out, *p++);
    }
}

static void
strip_inline (GString    *out,
              const char *text)
{
  strip_inline_depth (out, text, 0);
}

/* ------------------------------------------------------------------ blocks */

typedef struct
{
  GString *out;
  GString *para;
} Writer;

static void
flush (Writer *w)
{
  GString *clean = g_string_new (NULL);
  g_autofree char *stripped = NULL;

  strip_inline (clean, w->para->str);
  stripped = g_strstrip (g_string_free (clean, FALSE));

  if (*stripped)
    {
      if (w->out->len)
        g_string_append (w->out, "\n\n");
      g_string_append (w->out, stripped);
    }
  g_string_truncate (w->para, 0);
}

static void
add_line (Writer     *w,
          const char *line)
{
  gsize n = strlen (line);
  gboolean hard_break = (n >= 2 && line[n - 1] == ' ' && line[n - 2] == ' ') ||
                        (n >= 1 && line[n - 1] == '\\');
  g_autofree char *text = g_strstrip (g_strdup (line));

  if (hard_break && text[strlen (text) - 1] == '\\')
    text[strlen (text) - 1] = '\0';

  if (w->para->len && w->para->str[w->para->len - 1] != '\n')
    g_string_append_c (w->para, ' ');
  g_string_append (w->para, text);
  if (hard_break)
    g_string_append_c (w->para, '\n');
}

static gboolean
is_rule (const char *line)
{
  char c = 0;
  guint count = 0;

  for (const char *p = line; *p; p++)
    {
      if (*p == ' ' || *p == '\t')
        continue;
      if (*p != '-' && *p != '*' && *p != '_')
        return FALSE;
      if (c && *p != c)
        return FALSE;
      c = *p;
      count++;
    }
  return count >= 3;
}

static int
heading_level (const char *line)
{
  int level = 0;

  while (line[level] == '#')
    level++;
  if (level >= 1 && level <= 6 && (line[level] == ' ' || line[level] == '\0'))
    return level;
  return 0;
}

static char *
heading_text (const char *line,
              int         level)
{
  char *text = g_strstrip (g_strdup (line + level));
  gsize n = strlen (text);

  /* closing hashes */
  while (n > 0 && text[n - 1] == '#')
    text[--n] = '\0';
  return g_strstrip (text);
}

/* "- item", "* item", "+ item", "1. item", "1) item": the text after it. */
static const char *
list_item (const char *line)
{
  const char *p = line;

  while (*p == ' ')
    p++;
  if ((*p == '-' || *p == '*' || *p == '+') && p[1] == ' ')
    return p + 2;
  if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        p++;
      if ((*p == '.' || *p == ')') && p[1] == ' ')
        return p + 2;
    }
  return NULL;
}

static gboolean
is_setext (const char *line,
           char        c)
{
  const char *p = line;

  if (*p != c)
    return FALSE;
  while (*p == c)
    p++;
  return is_blank (p);
}

static gboolean
is_table_separator (const char *line)
{
  gboolean dash = FALSE;

  for (const char *p = line; *p; p++)
    {
      if (*p == '-')
        dash = TRUE;
      else if (!strchr ("|: \t", *p))
        return FALSE;
    }
  return dash && strchr (line, '|') != NULL;
}

static char *
render_body (char        **lines,
             guint         start,
             char        **first_heading)
{
  Writer w = { g_string_new (NULL), g_string_new (NULL) };
  gboolean fenced = FALSE;
  gboolean in_html_comment = FALSE;
  gboolean seen_content = FALSE;

  for (guint i = start; lines[i]; i++)
    {
      const char *line = lines[i];
      const char *item;
      int level;

      if (in_html_comment)
        {
          if (strstr (line, "-->"))
            in_html_comment = FALSE;
          continue;
        }

      if (g_str_has_prefix (g_strchug ((char *)line), "```") || g_str_has_prefix (line, "~~~"))
        {
          flush (&w);
          fenced = !fenced;
          continue;
        }
      if (fenced)
        {
          /* code keeps its lines, as one paragraph */
          if (!is_blank (line))
            {
              if (w.para->len)
                g_string_append_c (w.para, '\n');
              g_string_append (w.para, line);
            }
          continue;
        }

      if (g_str_has_prefix (line, "<!--"))
        {
          if (!strstr (line, "-->"))
            in_html_comment = TRUE;
          continue;
        }

      if (is_blank (line))
        {
          flush (&w);
          continue;
        }

      /* [id]: http://… and [^1]: footnote text */
      if (line[0] == '[' && line[1] != '^')
        {
          const char *close = strstr (line, "]:");

          if (close && strstr (close, "://"))
            continue;
        }
      if (g_str_has_prefix (line, "[^"))
        {
          const char *close = strstr (line, "]:");

          if (close)
            {
              flush (&w);
              add_line (&w, close + 2);
              continue;
            }
        }

      if ((level = heading_level (line)))
        {
          g_autofree char *text = heading_text (line, level);

          flush (&w);
          if (level == 1 && !seen_content && first_heading && *first_heading == NULL)
            {
              GString *clean = g_string_new (NULL);

              strip_inline (clean, text);
              *first_heading = g_strstrip (g_string_free (clean, FALSE));
              seen_content = TRUE;
              continue;
            }
          g_string_append (w.para, text);
          flush (&w);
          seen_content = TRUE;
          continue;
        }

      /* Setext headings: the paragraph so far was the heading. */
      if (w.para->len && (is_setext (line, '=') || is_setext (line, '-')))
        {
          if (line[0] == '=' && !seen_content && first_heading && *first_heading == NULL &&
              w.out->len == 0)
            {
              GString *clean = g_string_new (NULL);

              strip_inline (clean, w.para->str);
              *first_heading = g_strstrip (g_string_free (clean, FALSE));
              g_string_truncate (w.para, 0);
            }
          else
            flush (&w);
          seen_content = TRUE;
          continue;
        }

      if (is_rule (line))
        {
          flush (&w);
          continue;
        }

      seen_content = TRUE;

      if (line[0] == '>' || (line[0] == ' ' && g_strchug ((char *)line)[0] == '>'))
        {
          const char *q = line;

          while (*q == ' ' || *q == '>')
            q++;
          if (is_blank (q))
            flush (&w);
          else
            add_line (&w, q);
          continue;
        }

      if ((item = list_item (line)))
        {
          flush (&w);
          /* task list boxes */
          if (g_str_has_prefix (item, "[ ] ") || g_str_has_prefix (item, "[x] "))
            item += 4;
          add_line (&w, item);
          continue;
        }

      if (line[0] == '|' || is_table_separator (line))
        {
          g_auto(GStrv) cells = NULL;
          GString *row;

          if (is_table_separator (line))
            continue;
          flush (&w);
          cells = g_strsplit (line, "|", -1);
          row = g_string_new (NULL);
          for (guint c = 0; cells[c]; c++)
            {
              g_strstrip (cells[c]);
              if (*cells[c] == '\0')
                continue;
              if (row->len)
                g_string_append_c (row, '\t');
              g_string_append (row, cells[c]);
            }
          g_string_append (w.para, row->str);
          g_string_free (row, TRUE);
          flush (&w);
          continue;
        }

      add_line (&w, line);
    }

  flush (&w);
  g_string_free (w.para, TRUE);
  return g_string_free (w.out, FALSE);
}

/* ----------------------------------------------------------------- public */

/**
 * _dossier_markdown_importer_sniff:
 *
 * Whether @text is Markdown: YAML front matter, a leading "# Title", or
 * several lines of Markdown syntax.
 */
gboolean
_dossier_markdown_importer_sniff (const char *text,
                                  gsize       length)
{
  g_autofree char *head = g_strndup (text, MIN (length, 64 * 1024));
  g_auto(GStrv) lines = g_strsplit (head, "\n", 400);
  guint first = 0;
  guint signals = 0;

  if (lines[0] && is_fence (lines[0]))
    {
      for (guint i = 1; lines[i] && i < 60; i++)
        {
          if (is_fence (lines[i]))
            return i > 1;
          if (!strchr (lines[i], ':') && lines[i][0] != ' ' && lines[i][0] != '-' &&
              !is_blank (lines[i]))
            break;
        }
    }

  while (lines[first] && is_blank (lines[first]))
    first++;
  if (lines[first] && heading_level (lines[first]) == 1 && lines[first][1] == ' ')
    return TRUE;

  for (guint i = 0; lines[i]; i++)
    {
      const char *l = lines[i];

      if (heading_level (l) > 0 && l[heading_level (l)] == ' ')
        signals += 2;
      else if (g_str_has_prefix (l, "```"))
        signals += 2;
      else if (strstr (l, "](http") || strstr (l, "**"))
        signals++;
      else if (i > 1 && is_blank (lines[i - 2]) && !is_blank (lines[i - 1]) &&
               is_setext (l, '=') && strlen (l) >= 3 &&
               (lines[i + 1] == NULL || is_blank (lines[i + 1])))
        {
          /* a heading stands between blank lines; Kindle's "==========" ends
           * a clipping and the next title follows at once */
          signals += 2;
        }
    }

  return signals >= 4;
}

/**
 * _dossier_markdown_importer_parse:
 * @text: UTF-8 text with LF line ends
 * @length: its length
 * @error: a #GError
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
DossierArticle *
_dossier_markdown_importer_parse (const char  *text,
                                  gsize        length,
                                  GError     **error)
{
  g_autofree char *copy = g_strndup (text, length);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GDateTime) published = NULL;
  g_auto(GStrv) authors = NULL;
  FrontMatter fm = { NULL, };
  DossierArticle *article;
  guint start;

  start = read_front_matter (lines, &fm);
  body = render_body (lines, start, fm.title ? NULL : &heading);

  if (*body == '\0' && fm.title == NULL && heading == NULL)
    {
      front_matter_clear (&fm);
      g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_EMPTY,
                           _("The Markdown file holds no text"));
      return NULL;
    }

  published = _dossier_export_parse_date (fm.date);
  if (fm.authors && fm.authors->len > 0)
    {
      g_ptr_array_add (fm.authors, NULL);
      authors = g_strdupv ((char **)fm.authors->pdata);
    }

  article = g_object_new (DOSSIER_TYPE_ARTICLE,
                          "title", fm.title ? fm.title : heading,
                          "subtitle", fm.subtitle,
                          "source", fm.source,
                          "authors", authors,
                          "published", published,
                          "language", fm.language,
                          "url", fm.url,
                          "format", "markdown",
                          "text", body,
                          NULL);

  front_matter_clear (&fm);
  return article;
}
