/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "dossier-annotation.h"
#include "dossier-article.h"
#include "dossier-document.h"
#include "dossier-entity.h"
#include "dossier-export.h"
#include "dossier-importer.h"
#include "dossier-timex-private.h"

#define HOSTILE "<script>alert(1)</script><img src=x onerror=alert(2)>"

/*
 * Golden files: tests/fixtures/export/golden/. After a deliberate change
 * of an exporter, regenerate them with
 *   DOSSIER_UPDATE_GOLDEN=1 meson test -C BUILD export
 * and read the diff.
 */

typedef struct
{
  DossierArticle  *article;
  DossierDocument *document;
  GPtrArray       *entities;
  GPtrArray       *timexes;
} Fixture;

static DossierArticle *
load_article (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "export", "clipping.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  articles = dossier_importer_load_file (file, DOSSIER_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);

  return g_object_ref (g_ptr_array_index (articles, 0));
}

static DossierDocument *
load_document (DossierArticle *article)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "export", "notes.json", NULL);
  g_autoptr(GFile) notes = g_file_new_for_path (path);
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(GError) error = NULL;

  dossier_document_set_autosave (document, FALSE);
  dossier_document_set_text (document, dossier_article_get_text (article));
  dossier_document_load (document, notes, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&document);
}

static DossierEntity *
entity (const char        *name,
        DossierEntityKind  kind,
        const char        *role,
        guint              start,
        guint              end)
{
  DossierEntity *self = dossier_entity_new (name, kind);

  dossier_entity_set_role (self, role);
  dossier_entity_add_mention (self, start, end);

  return self;
}

static DossierTimex *
timex (const char *text,
       const char *value,
       const char *type,
       guint       start,
       const char *sentence)
{
  DossierTimexInit init = {
    .text = text, .value = value, .timex_type = type,
    .start = start, .end = start + g_utf8_strlen (text, -1),
    .sentence = sentence,
  };

  return _dossier_timex_new (&init);
}

/* Analysis results written by hand, so that the golden files test the
 * exporters and not the analysis of the day. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->article = load_article ();
  fixture->document = load_document (fixture->article);

  fixture->entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (fixture->entities,
                   entity ("Mairi MacLeod", DOSSIER_ENTITY_PERSON, "chief engineer", 356, 369));
  g_ptr_array_add (fixture->entities,
                   entity ("Gillian Martin", DOSSIER_ENTITY_PERSON, "Energy Secretary", 487, 501));
  g_ptr_array_add (fixture->entities,
                   entity ("Orkney Tidal Power", DOSSIER_ENTITY_ORGANIZATION, NULL, 150, 168));
  g_ptr_array_add (fixture->entities,
                   entity ("\"Evil, Inc.\"\n" HOSTILE, DOSSIER_ENTITY_ORGANIZATION,
                           "*role* with, comma", 1, 2));
  g_ptr_array_add (fixture->entities,
                   entity ("Pentland Firth", DOSSIER_ENTITY_PLACE, NULL, 52, 66));
  g_ptr_array_add (fixture->entities,
                   entity ("Thurso & Caithness", DOSSIER_ENTITY_PLACE, NULL, 585, 603));
  dossier_entity_add_alias (g_ptr_array_index (fixture->entities, 1), "Martin");
  dossier_entity_add_alias (g_ptr_array_index (fixture->entities, 1), "Ms. Martin");

  fixture->timexes = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (fixture->timexes,
                   timex ("Tuesday", "2025-03-04", "date", 74, "The first of twelve tidal turbines was lowered into the Pentland Firth on Tuesday, a decade after the prototype that proved the idea."));
  g_ptr_array_add (fixture->timexes,
                   timex ("a decade", "P10Y", "duration", 83, "The first of twelve tidal turbines was lowered into the Pentland Firth on Tuesday, a decade after the prototype that proved the idea."));
  g_ptr_array_add (fixture->timexes,
                   timex ("September 2026", "2026-09", "date", 205, "The operator, Orkney Tidal Power, says the array will feed the grid by September 2026."));
  g_ptr_array_add (fixture->timexes,
                   timex ("February 2023", "2023-02", "date", 250, "The project was approved in February 2023 by the Scottish Government after three years of consultation."));
  g_ptr_array_add (fixture->timexes,
                   timex ("last week", "2025-W09", "date", 520, "Energy Secretary Gillian Martin, who visited Wick last week, said the turbines would power 7,000 homes."));
  g_ptr_array_add (fixture->timexes,
                   timex ("next spring", "2026-SP", "date", 704, "The second phase is scheduled to start next spring, the company said on Friday."));
  g_ptr_array_add (fixture->timexes,
                   timex ("<Friday> & \"then\"", "2025-03-07", "date", 737, "Line one,\nline \"two\" " HOSTILE));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->entities, g_ptr_array_unref);
  g_clear_pointer (&fixture->timexes, g_ptr_array_unref);
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->article);
}

static GBytes *
export (Fixture             *fixture,
        DossierExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = dossier_export (format, fixture->article, fixture->document,
                          fixture->entities, fixture->timexes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_true (g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  return bytes;
}

static const char *
golden_name (DossierExportFormat format)
{
  switch (format)
    {
    case DOSSIER_EXPORT_MARKDOWN: return "clipping.md";
    case DOSSIER_EXPORT_HTML: return "clipping.html";
    case DOSSIER_EXPORT_W3C: return "clipping.jsonld";
    case DOSSIER_EXPORT_CSV_ENTITIES: return "entities.csv";
    case DOSSIER_EXPORT_CSV_TIMELINE: return "timeline.csv";
    case DOSSIER_EXPORT_BIBTEX: return "clipping.bib";
    case DOSSIER_EXPORT_RIS: return "clipping.ris";
    case DOSSIER_EXPORT_CSL_JSON: return "clipping.csl.json";
    case DOSSIER_EXPORT_TIMELINE_SVG: return "timeline.svg";
    default: g_assert_not_reached ();
    }
}

static void
test_golden (Fixture       *fixture,
             gconstpointer  data)
{
  DossierExportFormat format = GPOINTER_TO_UINT (data);
  g_autoptr(GBytes) bytes = export (fixture, format);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "export", "golden",
                                                 golden_name (format), NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (g_getenv ("DOSSIER_UPDATE_GOLDEN"))
    {
      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
    }

  g_file_get_contents (path, &expected, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_bytes_get_data (bytes, NULL) ? (const char *)g_bytes_get_data (bytes, NULL) : "",
                   ==, expected);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, length);
}

static char *
bytes_to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Notes are Markdown, so emphasis, lists and links are fine; what is not
 * is anything that runs, loads or points at script. */
static gboolean
tree_has_active_content (xmlNode *node)
{
  static const char * const active[] = {
    "script", "img", "link", "iframe", "object", "embed", "frame", "base", "form", "svg",
  };

  for (; node; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE)
        {
          const char *name = (const char *)node->name;

          for (guint i = 0; i < G_N_ELEMENTS (active); i++)
            if (g_ascii_strcasecmp (name, active[i]) == 0)
              return TRUE;
          for (xmlAttr *attr = node->properties; attr; attr = attr->next)
            {
              g_autofree char *value = (char *)xmlNodeGetContent ((xmlNode *)attr);

              if (g_ascii_strncasecmp ((const char *)attr->name, "on", 2) == 0 ||
                  g_ascii_strcasecmp ((const char *)attr->name, "src") == 0)
                return TRUE;
              if (g_ascii_strcasecmp ((const char *)attr->name, "href") == 0 &&
                  value != NULL && g_ascii_strncasecmp (g_strstrip (value), "javascript:", 11) == 0)
                return TRUE;
            }
          if (tree_has_active_content (node->children))
            return TRUE;
        }
    }

  return FALSE;
}

/* The hostile note shows as text and nothing in the page is active. */
static void
test_html_escaping (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export (fixture, DOSSIER_EXPORT_HTML);
  g_autofree char *html = bytes_to_string (bytes);
  htmlDocPtr doc;
  xmlChar *text;

  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "http://"));
  g_assert_null (strstr (html, "https://"));
  g_assert_nonnull (strstr (html, "Content-Security-Policy"));

  doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  g_assert_false (tree_has_active_content (xmlDocGetRootElement (doc)));
  text = xmlNodeGetContent (xmlDocGetRootElement (doc));
  g_assert_nonnull (strstr ((const char *)text, HOSTILE));
  g_assert_nonnull (strstr ((const char *)text, "Claims <to check>"));
  /* Markdown in notes is rendered; HTML written in a note stays text. */
  g_assert_nonnull (strstr (html, "<em>twelve</em>"));
  g_assert_nonnull (strstr (html, "&lt;em&gt;entity&lt;/em&gt;"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert('notes')&lt;/script&gt;"));
  g_assert_null (strstr (html, "<a "));
  g_assert_nonnull (strstr (html, "a link (javascript:alert(1))"));
  g_assert_nonnull (strstr ((const char *)text, "日本語"));
  xmlFree (text);
  xmlFreeDoc (doc);

  /* Highlight colours are kept, on the text and in the list. */
  g_assert_nonnull (strstr (html, "<mark class=\"dossier-highlight-pink\">slowly enough"));
  g_assert_nonnull (strstr (html, "mark.dossier-highlight-pink { background-color: #"));
  g_assert_nonnull (strstr (html, "<mark class=\"dossier-underline-blue\">Energy Secretary"));
}

static void
test_svg_parses (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export (fixture, DOSSIER_EXPORT_TIMELINE_SVG);
  g_autofree char *svg = bytes_to_string (bytes);
  xmlDocPtr doc = xmlReadMemory (svg, strlen (svg), NULL, "UTF-8", XML_PARSE_NONET);
  xmlChar *text;

  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *)xmlDocGetRootElement (doc)->name, ==, "svg");
  text = xmlNodeGetContent (xmlDocGetRootElement (doc));
  /* Every dated entry is drawn, with its value and text. */
  for (guint i = 0; i < fixture->timexes->len; i++)
    {
      DossierTimex *t = g_ptr_array_index (fixture->timexes, i);

      g_assert_nonnull (strstr ((const char *)text, dossier_timex_get_value (t)));
      g_assert_nonnull (strstr ((const char *)text, dossier_timex_get_text (t)));
    }
  g_assert_null (strstr (svg, "<script"));
  xmlFree (text);
  xmlFreeDoc (doc);
}

static void
test_markdown_escaping (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export (fixture, DOSSIER_EXPORT_MARKDOWN);
  g_autofree char *md = bytes_to_string (bytes);

  /* No raw HTML, no emphasis, link, list or heading from user text. */
  g_assert_nonnull (strstr (md, "\\<script\\>alert(1)\\</script\\>\\<img src=x onerror=alert(2)\\>"));
  g_assert_nonnull (strstr (md, "Key fact: \\*twelve\\* turbines."));
  g_assert_nonnull (strstr (md, "\\[a link\\](javascript:alert(1))"));
  g_assert_nonnull (strstr (md, "\n1\\. Not a list"));
  g_assert_nonnull (strstr (md, "\n\\# not a heading"));
  g_assert_nonnull (strstr (md, "a\\_b \\#hash \\~tilde ^caret \\\\backslash"));
  for (const char *p = md; (p = strchr (p, '<')); p++)
    g_assert_cmpint (p[-1], ==, '\\');
}

static void
test_csv_quoting (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) entities = export (fixture, DOSSIER_EXPORT_CSV_ENTITIES);
  g_autoptr(GBytes) timeline = export (fixture, DOSSIER_EXPORT_CSV_TIMELINE);
  g_autofree char *e = bytes_to_string (entities);
  g_autofree char *t = bytes_to_string (timeline);

  g_assert_true (g_str_has_prefix (e, "name,kind,role,aliases,mentions,first_start,first_end\r\n"));
  g_assert_nonnull (strstr (e, "\r\n\"\"\"Evil, Inc.\"\"\n" HOSTILE "\",organization,"
                               "\"*role* with, comma\",,1,1,2\r\n"));
  g_assert_nonnull (strstr (e, "Gillian Martin,person,Energy Secretary,Martin; Ms. Martin,1,487,501\r\n"));
  g_assert_true (g_str_has_prefix (t, "value,type,text,start,end,sentence\r\n"));
  g_assert_nonnull (strstr (t, "2025-03-07,date,\"<Friday> & \"\"then\"\"\",737,754,"
                               "\"Line one,\nline \"\"two\"\" " HOSTILE "\"\r\n"));
}

static void
test_citation_escaping (void)
{
  const char *authors[] = { "Conan O'Brien", "Ada {Lovelace}", "Prince", NULL };
  g_autoptr(GDateTime) published = g_date_time_new_utc (2024, 2, 29, 0, 0, 0);
  g_autoptr(DossierArticle) article =
    g_object_new (DOSSIER_TYPE_ARTICLE,
                  "title", "50% of $ & _ # ~ ^ \\ {} \"quotes\"\nnext",
                  "source", "The Daily {Brace}",
                  "authors", authors,
                  "published", published,
                  "page", "A1-A2",
                  "url", "https://example.org/a b{c}?q=1&r=%20",
                  "text", "Body.",
                  NULL);
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bib = NULL;
  g_autoptr(GBytes) ris = NULL;
  g_autoptr(GBytes) csl = NULL;
  g_autofree char *b = NULL;
  g_autofree char *r = NULL;
  g_autofree char *c = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *item;

  bib = dossier_export (DOSSIER_EXPORT_BIBTEX, article, document, NULL, NULL, &error);
  g_assert_no_error (error);
  b = bytes_to_string (bib);
  g_assert_nonnull (strstr (b, "title        = {50\\% of \\$ \\& \\_ \\# \\textasciitilde{} "
                               "\\textasciicircum{} \\textbackslash{} \\{\\} \"quotes\" next}"));
  g_assert_nonnull (strstr (b, "author       = {{O'Brien}, Conan and {\\{Lovelace\\}}, Ada and {Prince}}"));
  g_assert_nonnull (strstr (b, "url          = {https://example.org/a%20b%7Bc%7D?q=1&r=%20}"));
  g_assert_true (g_str_has_prefix (b, "@article{obrien2024quotes,") ||
                 g_str_has_prefix (b, "@article{obrien2024"));

  ris = dossier_export (DOSSIER_EXPORT_RIS, article, document, NULL, NULL, &error);
  g_assert_no_error (error);
  r = bytes_to_string (ris);
  g_assert_true (g_str_has_prefix (r, "TY  - NEWS\r\n"));
  g_assert_nonnull (strstr (r, "\r\nTI  - 50% of $ & _ # ~ ^ \\ {} \"quotes\" next\r\n"));
  g_assert_nonnull (strstr (r, "\r\nAU  - O'Brien, Conan\r\nAU  - {Lovelace}, Ada\r\nAU  - Prince\r\n"));
  g_assert_nonnull (strstr (r, "\r\nDA  - 2024/02/29\r\n"));
  g_assert_true (g_str_has_suffix (r, "\r\nER  - \r\n"));

  csl = dossier_export (DOSSIER_EXPORT_CSL_JSON, article, document, NULL, NULL, &error);
  g_assert_no_error (error);
  c = bytes_to_string (csl);
  json_parser_load_from_data (parser, c, -1, &error);
  g_assert_no_error (error);
  item = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "article-newspaper");
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==,
                   "50% of $ & _ # ~ ^ \\ {} \"quotes\"\nnext");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (item, "author"), 0),
                     "family"), ==, "O'Brien");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (item, "author"), 2),
                     "literal"), ==, "Prince");
}

static void
test_split_names (void)
{
  const char *authors[] = { "Tomás de la Cruz", "Ó Briain, Siobhán", "Siobhán Ó Briain",
                            "Ludwig van Beethoven", NULL };
  g_autoptr(DossierArticle) article =
    g_object_new (DOSSIER_TYPE_ARTICLE, "title", "T", "authors", authors, "text", "x", NULL);
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(GBytes) ris = dossier_export (DOSSIER_EXPORT_RIS, article, document, NULL, NULL, NULL);
  g_autofree char *r = bytes_to_string (ris);

  g_assert_nonnull (strstr (r, "AU  - de la Cruz, Tomás\r\n"
                               "AU  - Ó Briain, Siobhán\r\n"
                               "AU  - Ó Briain, Siobhán\r\n"
                               "AU  - van Beethoven, Ludwig\r\n"));
}

static void
assert_same_annotations (DossierDocument *a,
                         DossierDocument *b)
{
  GListModel *ma = dossier_document_get_annotations (a);
  GListModel *mb = dossier_document_get_annotations (b);

  g_assert_cmpuint (g_list_model_get_n_items (ma), ==, g_list_model_get_n_items (mb));
  for (guint i = 0; i < g_list_model_get_n_items (ma); i++)
    {
      g_autoptr(DossierAnnotation) x = g_list_model_get_item (ma, i);
      g_autoptr(DossierAnnotation) y = g_list_model_get_item (mb, i);

      g_assert_cmpstr (dossier_annotation_get_id (x), ==, dossier_annotation_get_id (y));
      g_assert_cmpint (dossier_annotation_get_color (x), ==, dossier_annotation_get_color (y));
      g_assert_cmpint (dossier_annotation_get_style (x), ==, dossier_annotation_get_style (y));
      g_assert_cmpstr (dossier_annotation_get_note (x), ==, dossier_annotation_get_note (y));
      g_assert_true (g_strv_equal ((const char * const *)dossier_annotation_get_tags (x),
                                   (const char * const *)dossier_annotation_get_tags (y)));
      g_assert_cmpstr (dossier_annotation_get_exact (x), ==, dossier_annotation_get_exact (y));
      g_assert_cmpstr (dossier_annotation_get_prefix (x), ==, dossier_annotation_get_prefix (y));
      g_assert_cmpstr (dossier_annotation_get_suffix (x), ==, dossier_annotation_get_suffix (y));
      g_assert_cmpuint (dossier_annotation_get_start (x), ==, dossier_annotation_get_start (y));
      g_assert_cmpuint (dossier_annotation_get_end (x), ==, dossier_annotation_get_end (y));
      g_assert_cmpint (dossier_annotation_get_orphan (x), ==, dossier_annotation_get_orphan (y));
      g_assert_true (g_date_time_equal (dossier_annotation_get_created (x),
                                        dossier_annotation_get_created (y)));
      g_assert_true (g_date_time_equal (dossier_annotation_get_modified (x),
                                        dossier_annotation_get_modified (y)));
    }
}

/* w3c → import into a fresh document → the same annotations, and the
 * same w3c again. */
static void
test_w3c_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) first = export (fixture, DOSSIER_EXPORT_W3C);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(DossierDocument) copy = dossier_document_new ();
  g_autoptr(GError) error = NULL;
  guint n_imported = 0;

  json_parser_load_from_data (parser, g_bytes_get_data (first, NULL), g_bytes_get_size (first), &error);
  g_assert_no_error (error);

  dossier_document_set_autosave (copy, FALSE);
  dossier_document_set_text (copy, dossier_article_get_text (fixture->article));
  g_assert_true (dossier_document_import_w3c (copy, json_parser_get_root (parser), &n_imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 6);
  assert_same_annotations (fixture->document, copy);

  second = dossier_export (DOSSIER_EXPORT_W3C, fixture->article, copy, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));
}

static void
test_empty (void)
{
  g_autoptr(DossierArticle) article = g_object_new (DOSSIER_TYPE_ARTICLE, "text", "", NULL);
  g_autoptr(DossierDocument) document = dossier_document_new ();

  /* No title, no authors, no annotation, no analysis: still valid files. */
  for (DossierExportFormat f = 0; f < DOSSIER_N_EXPORT_FORMATS; f++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = dossier_export (f, article, document, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
      if (f == DOSSIER_EXPORT_W3C || f == DOSSIER_EXPORT_CSL_JSON)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();

          json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
          g_assert_no_error (error);
        }
    }
}

static void
test_formats (void)
{
  DossierExportFormat format;

  for (DossierExportFormat f = 0; f < DOSSIER_N_EXPORT_FORMATS; f++)
    {
      g_assert_true (dossier_export_format_from_string (dossier_export_format_to_string (f), &format));
      g_assert_cmpint (format, ==, f);
      g_assert_nonnull (dossier_export_format_get_extension (f));
      g_assert_nonnull (dossier_export_format_get_mime_type (f));
    }
  g_assert_false (dossier_export_format_from_string ("json", &format));
  g_assert_false (dossier_export_format_from_string ("pdf", &format));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (DossierExportFormat f = 0; f < DOSSIER_N_EXPORT_FORMATS; f++)
    {
      g_autofree char *path = g_strdup_printf ("/dossier/export/golden/%s",
                                               dossier_export_format_to_string (f));

      g_test_add (path, Fixture, GUINT_TO_POINTER (f), fixture_set_up, test_golden, fixture_tear_down);
    }
  g_test_add ("/dossier/export/html-escaping", Fixture, NULL,
              fixture_set_up, test_html_escaping, fixture_tear_down);
  g_test_add ("/dossier/export/markdown-escaping", Fixture, NULL,
              fixture_set_up, test_markdown_escaping, fixture_tear_down);
  g_test_add ("/dossier/export/svg-parses", Fixture, NULL,
              fixture_set_up, test_svg_parses, fixture_tear_down);
  g_test_add ("/dossier/export/csv-quoting", Fixture, NULL,
              fixture_set_up, test_csv_quoting, fixture_tear_down);
  g_test_add ("/dossier/export/w3c-round-trip", Fixture, NULL,
              fixture_set_up, test_w3c_round_trip, fixture_tear_down);
  g_test_add_func ("/dossier/export/citation-escaping", test_citation_escaping);
  g_test_add_func ("/dossier/export/split-names", test_split_names);
  g_test_add_func ("/dossier/export/empty", test_empty);
  g_test_add_func ("/dossier/export/formats", test_formats);

  return g_test_run ();
}
