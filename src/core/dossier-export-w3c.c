/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-export-w3c"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-annotation.h"
#include "dossier-article.h"
#include "dossier-document.h"
#include "dossier-export-private.h"

/*
 * A W3C Web Annotation AnnotationCollection (JSON-LD) with every
 * annotation embedded in its first page. Each highlight is motivated by
 * "highlighting"; its note is a TextualBody (commenting, text/markdown),
 * each tag one more (tagging); the target is the clipping with a quote and
 * a position selector and the colour as a styleClass defined in the
 * annotation's stylesheet. "color" and "style" are repeated as plain
 * members so that dossier_document_import_w3c() restores them exactly.
 */

char *
_dossier_export_source_iri (DossierDocument *document)
{
  GFile *clipping = dossier_document_get_clipping (document);
  const char *fingerprint = dossier_document_get_fingerprint (document);

  if (clipping)
    return g_file_get_uri (clipping);
  if (fingerprint && *fingerprint)
    return g_strconcat ("urn:sha256:", fingerprint, NULL);

  return g_strdup ("urn:dossier:clipping");
}

static void
member (GString    *out,
        const char *indent,
        const char *name,
        const char *value,
        gboolean    comma)
{
  g_string_append (out, indent);
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\": ");
  _dossier_export_append_json_string (out, value);
  if (comma)
    g_string_append_c (out, ',');
  g_string_append_c (out, '\n');
}

static void
append_annotation (GString           *out,
                   DossierAnnotation *annotation,
                   const char        *source)
{
  DossierAnnotationColor color = dossier_annotation_get_color (annotation);
  DossierAnnotationStyle style = dossier_annotation_get_style (annotation);
  const char *style_class = _dossier_export_style_class (color, style);
  const char *note = dossier_annotation_get_note (annotation);
  const char * const *tags = dossier_annotation_get_tags (annotation);
  gboolean has_note = note && *note;
  gboolean has_tags = tags && tags[0];
  const char *indent = "        ";

  g_string_append (out, "      {\n");
  g_string_append (out, indent);
  g_string_append (out, "\"id\": ");
  {
    g_autofree char *id = g_strconcat ("urn:uuid:", dossier_annotation_get_id (annotation), NULL);
    _dossier_export_append_json_string (out, id);
  }
  g_string_append (out, ",\n");
  member (out, indent, "type", "Annotation", TRUE);
  member (out, indent, "motivation", "highlighting", TRUE);
  g_string_append (out, indent);
  g_string_append (out, "\"created\": \"");
  _dossier_export_append_time (out, dossier_annotation_get_created (annotation));
  g_string_append (out, "\",\n");
  g_string_append (out, indent);
  g_string_append (out, "\"modified\": \"");
  _dossier_export_append_time (out, dossier_annotation_get_modified (annotation));
  g_string_append (out, "\",\n");
  member (out, indent, "color", dossier_annotation_color_to_string (color), TRUE);
  member (out, indent, "style", dossier_annotation_style_to_string (style), TRUE);

  g_string_append (out, indent);
  g_string_append (out, "\"stylesheet\": { \"type\": \"CssStylesheet\", \"value\": \"");
  g_string_append_printf (out, ".%s { %s: %s; }\" },\n", style_class,
                          style == DOSSIER_ANNOTATION_STYLE_UNDERLINE
                            ? "text-decoration: underline; text-decoration-color"
                            : "background-color",
                          _dossier_export_color_hex (color));

  if (has_note || has_tags)
    {
      gboolean first = TRUE;

      g_string_append (out, indent);
      g_string_append (out, "\"body\": [");
      if (has_note)
        {
          g_string_append (out, "\n          { \"type\": \"TextualBody\", \"purpose\": \"commenting\", "
                                "\"format\": \"text/markdown\", \"value\": ");
          _dossier_export_append_json_string (out, note);
          g_string_append (out, " }");
          first = FALSE;
        }
      for (guint i = 0; has_tags && tags[i]; i++)
        {
          if (!first)
            g_string_append_c (out, ',');
          g_string_append (out, "\n          { \"type\": \"TextualBody\", \"purpose\": \"tagging\", "
                                "\"value\": ");
          _dossier_export_append_json_string (out, tags[i]);
          g_string_append (out, " }");
          first = FALSE;
        }
      g_string_append (out, "\n        ],\n");
    }

  g_string_append (out, indent);
  g_string_append (out, "\"target\": {\n");
  member (out, "          ", "source", source, TRUE);
  member (out, "          ", "styleClass", style_class, TRUE);
  g_string_append (out, "          \"selector\": [\n"
                        "            { \"type\": \"TextQuoteSelector\", \"exact\": ");
  _dossier_export_append_json_string (out, dossier_annotation_get_exact (annotation));
  g_string_append (out, ", \"prefix\": ");
  _dossier_export_append_json_string (out, dossier_annotation_get_prefix (annotation));
  g_string_append (out, ", \"suffix\": ");
  _dossier_export_append_json_string (out, dossier_annotation_get_suffix (annotation));
  g_string_append_printf (out, " },\n"
                               "            { \"type\": \"TextPositionSelector\", "
                               "\"start\": %u, \"end\": %u }\n"
                               "          ]\n"
                               "        }\n"
                               "      }",
                          dossier_annotation_get_start (annotation),
                          dossier_annotation_get_end (annotation));
}

void
_dossier_export_w3c (GString         *out,
                     DossierArticle  *article,
                     DossierDocument *document)
{
  g_autoptr(GPtrArray) annotations = _dossier_export_dup_annotations (document);
  g_autofree char *source = _dossier_export_source_iri (document);
  g_autofree char *id = g_strconcat (source, "#annotations", NULL);
  g_autofree char *page = g_strconcat (source, "#annotations-page-1", NULL);
  const char *title = dossier_article_get_title (article);

  g_string_append (out, "{\n  \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n");
  member (out, "  ", "id", id, TRUE);
  member (out, "  ", "type", "AnnotationCollection", TRUE);
  if (title && *title)
    member (out, "  ", "label", title, TRUE);
  g_string_append_printf (out, "  \"total\": %u,\n", annotations->len);
  g_string_append (out, "  \"first\": {\n");
  member (out, "    ", "id", page, TRUE);
  member (out, "    ", "type", "AnnotationPage", TRUE);
  g_string_append (out, "    \"startIndex\": 0,\n    \"items\": [");
  for (guint i = 0; i < annotations->len; i++)
    {
      g_string_append (out, i ? ",\n" : "\n");
      append_annotation (out, g_ptr_array_index (annotations, i), source);
    }
  g_string_append (out, annotations->len ? "\n    ]\n  }\n}\n" : "]\n  }\n}\n");
}
