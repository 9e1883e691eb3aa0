/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-export-text"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-annotation.h"
#include "dossier-article.h"
#include "dossier-document.h"
#include "dossier-entity.h"
#include "dossier-export-private.h"
#include "dossier-timex.h"

/*
 * Markdown (CommonMark) and CSV (RFC 4180). In Markdown, all text —
 * the article's and the user's, notes included — is written as literal
 * text: every character CommonMark could read as markup is
 * backslash-escaped, so a note cannot inject HTML or break the structure.
 */

/* Markdown */

static gboolean
is_set (const char *str)
{
  return str != NULL && *str != '\0';
}

/* One line of literal text. Inline markup characters are escaped
 * everywhere; block markers (lists, headings, thematic breaks) only
 * matter at the start of the line. Leading and trailing blanks are
 * dropped: four spaces would start a code block, two at the end a hard
 * line break. */
static void
md_line (GString    *out,
         const char *line,
         gssize      length)
{
  const char *end = line + (length < 0 ? (gssize)strlen (line) : length);
  const char *p;

  while (line < end && (*line == ' ' || *line == '\t'))
    line++;
  while (end > line && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
    end--;

  /* "1." or "1)" starts an ordered list. */
  for (p = line; p < end && g_ascii_isdigit (*p); p++)
    ;
  if (p > line && p < end && p - line <= 9 && (*p == '.' || *p == ')'))
    {
      g_string_append_len (out, line, p - line);
      g_string_append_c (out, '\\');
      line = p;
    }
  else if (line < end && (*line == '-' || *line == '+' || *line == '='))
    g_string_append_c (out, '\\');

  for (p = line; p < end; p++)
    {
      switch (*p)
        {
        case '\\': case '`': case '*': case '_': case '[': case ']':
        case '<': case '>': case '&': case '!': case '|': case '~':
        case '#': case '{': case '}':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '\t':
          g_string_append_c (out, ' ');
          break;
        default:
          if ((guchar)*p < 0x20)
            g_string_append_c (out, ' ');
          else
            g_string_append_c (out, *p);
        }
    }
}

/* Literal text on one line: line breaks become spaces. */
static void
md_inline (GString    *out,
           const char *text)
{
  g_autofree char *flat = g_strdup (text ? text : "");

  for (char *p = flat; *p; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
  md_line (out, flat, -1);
}

/* Literal text that may hold several lines and paragraphs, each line
 * preceded by @prefix ("> " inside a block quote). Single line breaks are
 * kept as hard breaks, blank lines separate paragraphs. */
static void
md_block (GString    *out,
          const char *prefix,
          const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  g_autofree char *blank = g_strchomp (g_strdup (prefix));
  gboolean in_paragraph = FALSE;
  gboolean started = FALSE;

  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (*line == '\0')
        {
          in_paragraph = FALSE;
          continue;
        }
      if (in_paragraph)
        g_string_append (out, "\\\n");
      else if (started)
        g_string_append_printf (out, "\n%s\n", blank);
      g_string_append (out, prefix);
      md_line (out, line, -1);
      in_paragraph = started = TRUE;
    }
  if (!started)
    g_string_append (out, blank);
  g_string_append_c (out, '\n');
}

static char *
color_label (DossierDocument        *document,
             DossierAnnotationColor  color)
{
  const char *name = dossier_document_get_color_name (document, color);
  const char *color_str = dossier_annotation_color_to_string (color);

  if (is_set (name))
    return g_strdup_printf ("%s (%s)", name, color_str);

  return g_strdup (color_str);
}

/* "Gramer, Ward. Wall Street Journal, Eastern edition, p. A1, 2025-11-27." */
char *
_dossier_export_citation_line (DossierArticle *article)
{
  const char * const *authors = dossier_article_get_authors (article);
  g_autofree char *published = dossier_article_dup_published_iso (article);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  g_autofree char *names = NULL;

  if (authors && authors[0])
    names = g_strjoinv (", ", (char **)authors);
  if (is_set (dossier_article_get_source (article)))
    g_ptr_array_add (parts, g_strdup (dossier_article_get_source (article)));
  if (is_set (dossier_article_get_edition (article)))
    g_ptr_array_add (parts, g_strdup (dossier_article_get_edition (article)));
  if (is_set (dossier_article_get_page (article)))
    g_ptr_array_add (parts, g_strdup_printf (_("p. %s"), dossier_article_get_page (article)));
  if (is_set (published))
    g_ptr_array_add (parts, g_strdup (published));
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (", ", (char **)parts->pdata);

  if (names && *joined)
    return g_strdup_printf ("%s. %s.", names, joined);
  if (names)
    return g_strdup_printf ("%s.", names);
  if (*joined)
    return g_strdup_printf ("%s.", joined);

  return NULL;
}

static const char *
kind_heading (DossierEntityKind kind)
{
  switch (kind)
    {
    case DOSSIER_ENTITY_PERSON: return _("People");
    case DOSSIER_ENTITY_ORGANIZATION: return _("Organizations");
    case DOSSIER_ENTITY_PLACE: return _("Places");
    default: g_assert_not_reached ();
    }
}

void
_dossier_export_markdown (GString         *out,
                          DossierArticle  *article,
                          DossierDocument *document,
                          GPtrArray       *entities,
                          GPtrArray       *timexes)
{
  g_autoptr(GPtrArray) annotations = _dossier_export_dup_annotations (document);
  g_autoptr(GPtrArray) sorted = _dossier_export_sorted_timexes (timexes);
  g_autofree char *citation = _dossier_export_citation_line (article);
  g_autofree char *published = dossier_article_dup_published_iso (article);
  const char *title = dossier_article_get_title (article);
  const char *notes = dossier_document_get_notes (document);

  g_string_append (out, "# ");
  md_inline (out, is_set (title) ? title : _("Untitled clipping"));
  g_string_append (out, "\n\n");
  if (is_set (dossier_article_get_subtitle (article)))
    {
      g_string_append_c (out, '*');
      md_inline (out, dossier_article_get_subtitle (article));
      g_string_append (out, "*\n\n");
    }
  if (citation)
    {
      md_inline (out, citation);
      g_string_append (out, "\n\n");
    }
  if (is_set (published))
    {
      g_string_append_printf (out, "%s ", _("Published:"));
      md_inline (out, published);
      g_string_append (out, "\n\n");
    }
  if (is_set (dossier_article_get_url (article)))
    {
      md_inline (out, dossier_article_get_url (article));
      g_string_append (out, "\n\n");
    }

  if (annotations->len > 0)
    {
      g_string_append_printf (out, "## %s\n\n", _("Highlights"));
      for (guint i = 0; i < annotations->len; i++)
        {
          DossierAnnotation *annotation = g_ptr_array_index (annotations, i);
          g_autofree char *label = color_label (document, dossier_annotation_get_color (annotation));
          const char * const *tags = dossier_annotation_get_tags (annotation);

          md_block (out, "> ", dossier_annotation_get_exact (annotation));
          g_string_append_c (out, '\n');
          g_string_append (out, "**");
          md_inline (out, label);
          g_string_append (out, "**");
          if (dossier_annotation_get_orphan (annotation))
            g_string_append_printf (out, " · *%s*", _("passage no longer found in the text"));
          if (tags && tags[0])
            {
              g_string_append_printf (out, " · %s ", _("Tags:"));
              for (guint j = 0; tags[j]; j++)
                {
                  if (j > 0)
                    g_string_append (out, ", ");
                  md_inline (out, tags[j]);
                }
            }
          g_string_append (out, "\n\n");
          if (is_set (dossier_annotation_get_note (annotation)))
            {
              md_block (out, "", dossier_annotation_get_note (annotation));
              g_string_append_c (out, '\n');
            }
        }
    }

  if (is_set (notes))
    {
      g_string_append_printf (out, "## %s\n\n", _("Notes"));
      md_block (out, "", notes);
      g_string_append_c (out, '\n');
    }

  for (DossierEntityKind kind = DOSSIER_ENTITY_PERSON; kind <= DOSSIER_ENTITY_PLACE; kind++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < entities->len; i++)
        {
          DossierEntity *entity = g_ptr_array_index (entities, i);
          const char *role = dossier_entity_get_role (entity);

          if (dossier_entity_get_kind (entity) != kind)
            continue;
          if (!any)
            g_string_append_printf (out, "## %s\n\n", kind_heading (kind));
          any = TRUE;
          g_string_append (out, "- ");
          md_inline (out, dossier_entity_get_name (entity));
          if (is_set (role))
            {
              g_string_append (out, " — ");
              md_inline (out, role);
            }
          g_string_append_c (out, '\n');
        }
      if (any)
        g_string_append_c (out, '\n');
    }

  if (sorted->len > 0)
    {
      g_string_append_printf (out, "## %s\n\n", _("Timeline"));
      for (guint i = 0; i < sorted->len; i++)
        {
          DossierTimex *timex = g_ptr_array_index (sorted, i);

          g_string_append (out, "- **");
          md_inline (out, dossier_timex_get_value (timex));
          g_string_append (out, "** — ");
          md_inline (out, dossier_timex_get_text (timex));
          if (is_set (dossier_timex_get_sentence (timex)))
            {
              g_string_append (out, ": ");
              md_inline (out, dossier_timex_get_sentence (timex));
            }
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }

  /* One final newline. */
  while (out->len > 1 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);
}

/* CSV */

static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
  if (value == NULL)
    value = "";
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
csv_uint (GString *out,
          guint    value,
          gboolean last)
{
  g_string_append_printf (out, "%u%s", value, last ? "\r\n" : ",");
}

void
_dossier_export_csv_entities (GString   *out,
                              GPtrArray *entities)
{
  g_string_append (out, "name,kind,role,aliases,mentions,first_start,first_end\r\n");
  for (guint i = 0; i < entities->len; i++)
    {
      DossierEntity *entity = g_ptr_array_index (entities, i);
      const char * const *aliases = dossier_entity_get_aliases (entity);
      g_autofree char *joined = aliases ? g_strjoinv ("; ", (char **)aliases) : NULL;
      guint n_mentions = 0;
      const DossierEntityMention *mentions = dossier_entity_get_mentions (entity, &n_mentions);

      csv_field (out, dossier_entity_get_name (entity), FALSE);
      csv_field (out, dossier_entity_kind_to_string (dossier_entity_get_kind (entity)), FALSE);
      csv_field (out, dossier_entity_get_role (entity), FALSE);
      csv_field (out, joined, FALSE);
      csv_uint (out, n_mentions, FALSE);
      if (n_mentions > 0)
        {
          csv_uint (out, mentions[0].start, FALSE);
          csv_uint (out, mentions[0].end, TRUE);
        }
      else
        g_string_append (out, ",\r\n");
    }
}

void
_dossier_export_csv_timeline (GString   *out,
                              GPtrArray *timexes)
{
  g_autoptr(GPtrArray) sorted = _dossier_export_sorted_timexes (timexes);

  g_string_append (out, "value,type,text,start,end,sentence\r\n");
  for (guint i = 0; i < sorted->len; i++)
    {
      DossierTimex *timex = g_ptr_array_index (sorted, i);

      csv_field (out, dossier_timex_get_value (timex), FALSE);
      csv_field (out, dossier_timex_get_timex_type (timex), FALSE);
      csv_field (out, dossier_timex_get_text (timex), FALSE);
      csv_uint (out, dossier_timex_get_start (timex), FALSE);
      csv_uint (out, dossier_timex_get_end (timex), FALSE);
      csv_field (out, dossier_timex_get_sentence (timex), TRUE);
    }
}
