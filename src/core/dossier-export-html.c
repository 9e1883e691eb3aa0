/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-export-html"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <glib/gi18n.h>

#include "dossier-annotation.h"
#include "dossier-article.h"
#include "dossier-document.h"
#include "dossier-entity.h"
#include "dossier-export-private.h"
#include "dossier-timex.h"

/*
 * One self-contained HTML file: inline CSS, no script, no external
 * resource (a Content-Security-Policy forbids them even if some slipped
 * in), and every piece of text escaped. The article is shown with its
 * highlights in their colours, then the highlights with their notes and
 * tags, the free-form notes, the entities and the timeline. Notes are
 * Markdown, rendered by cmark; HTML written in a note is shown as the text
 * it is, never interpreted, and links and images as their text and address.
 */

static gboolean
is_set (const char *str)
{
  return str != NULL && *str != '\0';
}

#define esc(out, str) _dossier_export_append_xml (out, str, -1)

/* Raw HTML in the note becomes text with the same characters; links and
 * images become their text followed by their address, so the page stays
 * self-contained, loads nothing and still shows where a link went. */
static void
neutralize_node (cmark_node *node)
{
  cmark_node_type type = cmark_node_get_type (node);

  if (type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK)
    {
      cmark_node *text = cmark_node_new (CMARK_NODE_TEXT);

      cmark_node_set_literal (text, cmark_node_get_literal (node));
      if (type == CMARK_NODE_HTML_BLOCK)
        {
          cmark_node *para = cmark_node_new (CMARK_NODE_PARAGRAPH);

          cmark_node_append_child (para, text);
          text = para;
        }
      cmark_node_replace (node, text);
      cmark_node_free (node);
    }
  else if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE)
    {
      const char *url = cmark_node_get_url (node);
      cmark_node *child;

      while ((child = cmark_node_first_child (node)))
        cmark_node_insert_before (node, child);
      if (url != NULL && *url != '\0')
        {
          cmark_node *text = cmark_node_new (CMARK_NODE_TEXT);
          g_autofree char *shown = g_strdup_printf (" (%s)", url);

          cmark_node_set_literal (text, shown);
          cmark_node_insert_before (node, text);
        }
      cmark_node_unlink (node);
      cmark_node_free (node);
    }
}

static void
neutralize_html (cmark_node *root)
{
  cmark_iter *iter = cmark_iter_new (root);
  GPtrArray *found = g_ptr_array_new ();
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (ev == CMARK_EVENT_ENTER &&
          (type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK ||
           type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE))
        g_ptr_array_add (found, node);
    }
  cmark_iter_free (iter);

  /* Innermost first (a link inside an image's text): found in document
   * order, handled in reverse. */
  for (guint i = found->len; i > 0; i--)
    neutralize_node (g_ptr_array_index (found, i - 1));
  g_ptr_array_unref (found);
}

static void
append_markdown (GString    *out,
                 const char *markdown)
{
  cmark_node *root = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  char *html;

  neutralize_html (root);
  html = cmark_render_html (root, CMARK_OPT_SAFE | CMARK_OPT_HARDBREAKS);
  g_string_append (out, html);
  free (html);
  cmark_node_free (root);
}

typedef struct
{
  guint pos;
  int   delta;
  guint key;
} Event;

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *ea = a, *eb = b;

  if (ea->pos != eb->pos)
    return ea->pos < eb->pos ? -1 : 1;

  return ea->delta - eb->delta;
}

#define N_KEYS (DOSSIER_N_ANNOTATION_COLORS * 2)

static int
current_key (const guint *active)
{
  for (guint k = 0; k < N_KEYS; k++)
    if (active[k] > 0)
      return k;

  return -1;
}

static void
open_key (GString *out,
          int      key)
{
  if (key < 0)
    return;
  g_string_append_printf (out, "<mark class=\"%s\">", _dossier_export_style_class (key / 2, key % 2));
}

/* The article's paragraphs with the highlights marked: a sweep over the
 * annotation boundaries, the first colour of the palette winning where
 * highlights overlap. */
static void
append_text (GString        *out,
             DossierArticle *article,
             GPtrArray      *annotations)
{
  const char *text = dossier_article_get_text (article);
  gsize n_chars = dossier_article_get_length (article);
  g_autofree guint *offsets = g_new (guint, n_chars + 1);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  guint active[N_KEYS] = { 0 };
  guint n_paragraphs = dossier_article_get_n_paragraphs (article);
  guint e = 0;
  const char *p = text;

  for (gsize i = 0; i <= n_chars; i++)
    {
      offsets[i] = p - text;
      if (i < n_chars)
        p = g_utf8_next_char (p);
    }

  for (guint i = 0; i < annotations->len; i++)
    {
      DossierAnnotation *annotation = g_ptr_array_index (annotations, i);
      guint start = dossier_annotation_get_start (annotation);
      guint end = MIN (dossier_annotation_get_end (annotation), n_chars);
      guint key = dossier_annotation_get_color (annotation) * 2 +
                  dossier_annotation_get_style (annotation);
      Event open = { start, 1, key }, close = { end, -1, key };

      if (dossier_annotation_get_orphan (annotation) || start >= end)
        continue;
      g_array_append_val (events, open);
      g_array_append_val (events, close);
    }
  g_array_sort (events, compare_events);

  g_string_append (out, "<section class=\"text\">\n");
  for (guint i = 0; i < n_paragraphs; i++)
    {
      guint start, end, pos;
      int key;

      dossier_article_get_paragraph (article, i, &start, &end);
      end = MIN (end, n_chars);
      while (e < events->len && g_array_index (events, Event, e).pos <= start)
        {
          active[g_array_index (events, Event, e).key] += g_array_index (events, Event, e).delta;
          e++;
        }

      g_string_append (out, "<p>");
      key = current_key (active);
      open_key (out, key);
      pos = start;
      while (pos < end)
        {
          guint next = end;
          int new_key;

          if (e < events->len && g_array_index (events, Event, e).pos < end)
            next = g_array_index (events, Event, e).pos;
          _dossier_export_append_xml (out, text + offsets[pos], offsets[next] - offsets[pos]);
          pos = next;
          while (e < events->len && g_array_index (events, Event, e).pos <= pos && pos < end)
            {
              active[g_array_index (events, Event, e).key] += g_array_index (events, Event, e).delta;
              e++;
            }
          new_key = current_key (active);
          if (new_key != key && pos < end)
            {
              if (key >= 0)
                g_string_append (out, "</mark>");
              open_key (out, new_key);
              key = new_key;
            }
        }
      if (key >= 0)
        g_string_append (out, "</mark>");
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</section>\n");
}

static const char css[] =
  "body { font: 12pt/1.5 Cantarell, \"Noto Serif\", Georgia, serif; color: #1e1e1e;"
  " background: #fff; max-width: 42em; margin: 2em auto; padding: 0 1em; }\n"
  "h1 { font-size: 1.8em; line-height: 1.2; margin-bottom: .2em; }\n"
  "h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }\n"
  ".dek { font-size: 1.15em; color: #444; margin-top: 0; }\n"
  ".meta { color: #555; font-size: .9em; }\n"
  ".text p { margin: 0 0 .8em; }\n"
  "mark { color: inherit; padding: 0 .05em; }\n"
  ".highlight { margin: 1em 0; padding: .2em .8em; border-left: .4em solid #999;"
  " break-inside: avoid; }\n"
  ".highlight blockquote { margin: .3em 0; font-style: italic; white-space: pre-wrap; }\n"
  ".label { font-size: .85em; font-weight: bold; }\n"
  ".orphan { color: #a51d2d; font-weight: normal; }\n"
  ".note, .notes { margin: .3em 0; }\n"
  ".note p, .notes p { margin: .3em 0; }\n"
  ".note :is(h1, h2, h3, h4, h5, h6), .notes :is(h1, h2, h3, h4, h5, h6) { font-size: 1em; margin: .5em 0 .2em; }\n"
  ".tags { margin: .3em 0; padding: 0; }\n"
  ".tags li { display: inline-block; margin-right: .4em; padding: 0 .5em;"
  " border: 1px solid #aaa; border-radius: .8em; font-size: .85em; }\n"
  ".role { color: #555; }\n"
  "table { border-collapse: collapse; width: 100%; font-size: .9em; }\n"
  "th, td { text-align: left; vertical-align: top; padding: .2em .5em;"
  " border-bottom: 1px solid #ddd; }\n"
  "td.value { white-space: nowrap; font-variant-numeric: tabular-nums; }\n"
  "@media print { body { margin: 0; max-width: none; font-size: 11pt; }"
  " h2 { break-after: avoid; }"
  " mark, .highlight { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }\n";

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
_dossier_export_html (GString         *out,
                      DossierArticle  *article,
                      DossierDocument *document,
                      GPtrArray       *entities,
                      GPtrArray       *timexes)
{
  g_autoptr(GPtrArray) annotations = _dossier_export_dup_annotations (document);
  g_autoptr(GPtrArray) sorted = _dossier_export_sorted_timexes (timexes);
  g_autofree char *citation = _dossier_export_citation_line (article);
  const char *title = dossier_article_get_title (article);
  const char *language = dossier_article_get_language (article);
  const char *notes = dossier_document_get_notes (document);

  if (!is_set (title))
    title = _("Untitled clipping");

  g_string_append (out, "<!DOCTYPE html>\n<html");
  if (is_set (language))
    {
      g_string_append (out, " lang=\"");
      esc (out, language);
      g_string_append_c (out, '"');
    }
  g_string_append (out, ">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta http-equiv=\"Content-Security-Policy\" "
                        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"generator\" content=\"Dossier\">\n<title>");
  esc (out, title);
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, css);
  for (DossierAnnotationColor c = 0; c < DOSSIER_N_ANNOTATION_COLORS; c++)
    {
      const char *hl = _dossier_export_style_class (c, DOSSIER_ANNOTATION_STYLE_HIGHLIGHT);
      const char *ul = _dossier_export_style_class (c, DOSSIER_ANNOTATION_STYLE_UNDERLINE);
      const char *hex = _dossier_export_color_hex (c);

      g_string_append_printf (out, "mark.%s { background-color: %s; }\n"
                                   "mark.%s { background: none; text-decoration: underline %s .15em; }\n"
                                   ".highlight.%s, .highlight.%s { border-left-color: %s; }\n",
                              hl, hex, ul, hex, hl, ul, hex);
    }
  g_string_append (out, "</style>\n</head>\n<body>\n<article>\n<header>\n<h1>");
  esc (out, title);
  g_string_append (out, "</h1>\n");
  if (is_set (dossier_article_get_subtitle (article)))
    {
      g_string_append (out, "<p class=\"dek\">");
      esc (out, dossier_article_get_subtitle (article));
      g_string_append (out, "</p>\n");
    }
  if (citation)
    {
      g_string_append (out, "<p class=\"meta\">");
      esc (out, citation);
      g_string_append (out, "</p>\n");
    }
  if (is_set (dossier_article_get_url (article)))
    {
      /* Shown, not linked: the export stays inert. */
      g_string_append (out, "<p class=\"meta url\">");
      esc (out, dossier_article_get_url (article));
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</header>\n");

  append_text (out, article, annotations);

  if (annotations->len > 0)
    {
      g_string_append_printf (out, "<section class=\"highlights\">\n<h2>%s</h2>\n", _("Highlights"));
      for (guint i = 0; i < annotations->len; i++)
        {
          DossierAnnotation *annotation = g_ptr_array_index (annotations, i);
          DossierAnnotationColor color = dossier_annotation_get_color (annotation);
          const char *style_class =
            _dossier_export_style_class (color, dossier_annotation_get_style (annotation));
          const char *name = dossier_document_get_color_name (document, color);
          const char * const *tags = dossier_annotation_get_tags (annotation);

          g_string_append_printf (out, "<div class=\"highlight %s\">\n<div class=\"label\">", style_class);
          esc (out, is_set (name) ? name : dossier_annotation_color_to_string (color));
          if (is_set (name))
            g_string_append_printf (out, " (%s)", dossier_annotation_color_to_string (color));
          if (dossier_annotation_get_orphan (annotation))
            g_string_append_printf (out, " <span class=\"orphan\">%s</span>",
                                    _("passage no longer found in the text"));
          g_string_append (out, "</div>\n<blockquote>");
          esc (out, dossier_annotation_get_exact (annotation));
          g_string_append (out, "</blockquote>\n");
          if (is_set (dossier_annotation_get_note (annotation)))
            {
              g_string_append (out, "<div class=\"note\">");
              append_markdown (out, dossier_annotation_get_note (annotation));
              g_string_append (out, "</div>\n");
            }
          if (tags && tags[0])
            {
              g_string_append (out, "<ul class=\"tags\">");
              for (guint j = 0; tags[j]; j++)
                {
                  g_string_append (out, "<li>");
                  esc (out, tags[j]);
                  g_string_append (out, "</li>");
                }
              g_string_append (out, "</ul>\n");
            }
          g_string_append (out, "</div>\n");
        }
      g_string_append (out, "</section>\n");
    }

  if (is_set (notes))
    {
      g_string_append_printf (out, "<section>\n<h2>%s</h2>\n<div class=\"notes\">", _("Notes"));
      append_markdown (out, notes);
      g_string_append (out, "</div>\n</section>\n");
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
            g_string_append_printf (out, "<section>\n<h2>%s</h2>\n<ul>\n", kind_heading (kind));
          any = TRUE;
          g_string_append (out, "<li>");
          esc (out, dossier_entity_get_name (entity));
          if (is_set (role))
            {
              g_string_append (out, " <span class=\"role\">— ");
              esc (out, role);
              g_string_append (out, "</span>");
            }
          g_string_append (out, "</li>\n");
        }
      if (any)
        g_string_append (out, "</ul>\n</section>\n");
    }

  if (sorted->len > 0)
    {
      g_string_append_printf (out, "<section>\n<h2>%s</h2>\n<table>\n"
                                   "<tr><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                              _("Timeline"), _("Date"), _("Text"), _("Sentence"));
      for (guint i = 0; i < sorted->len; i++)
        {
          DossierTimex *timex = g_ptr_array_index (sorted, i);

          g_string_append (out, "<tr><td class=\"value\">");
          esc (out, dossier_timex_get_value (timex));
          g_string_append (out, "</td><td>");
          esc (out, dossier_timex_get_text (timex));
          g_string_append (out, "</td><td>");
          esc (out, dossier_timex_get_sentence (timex));
          g_string_append (out, "</td></tr>\n");
        }
      g_string_append (out, "</table>\n</section>\n");
    }

  g_string_append (out, "</article>\n</body>\n</html>\n");
}
