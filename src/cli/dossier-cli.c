/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <gio/gunixinputstream.h>

#include "dossier-core.h"
#include "dossier-entity-corrections.h"
#include "dossier-timeline-corrections.h"
#include "dossier-export.h"
#include "dossier-export-private.h"

#define EXIT_BAD_INPUT 1
#define EXIT_BAD_USAGE 2

static int
fail (const char   *name,
      const GError *error)
{
  g_printerr ("dossier-cli: %s: %s\n", name, error->message);
  return EXIT_BAD_INPUT;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_printerr ("dossier-cli: %s\n", message);
  if (context)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
    }
  return EXIT_BAD_USAGE;
}

/* GOptionContext keeps "--" when a name after it starts with a dash
 * ("dossier-cli analyze -- -notes.txt"): it only ends the options. */
static void
drop_separator (int   *argc,
                char **argv)
{
  for (int i = 1; i < *argc; i++)
    if (g_str_equal (argv[i], "--"))
      {
        memmove (argv + i, argv + i + 1, (*argc - i) * sizeof (char *));
        (*argc)--;
        return;
      }
}

static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  /* Read one byte past the limit so the importer can refuse it. */
  gssize n;
  char buffer[65536];
  gsize total = 0;

  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, error)) > 0)
    {
      if (!g_output_stream_write_all (out, buffer, n, NULL, NULL, error))
        return NULL;
      total += n;
      if (total > DOSSIER_IMPORT_MAX_SIZE)
        break;
    }
  if (n < 0)
    return NULL;

  g_output_stream_close (out, NULL, NULL);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static GPtrArray *
load_articles (const char          *path,
               DossierImportFlags   flags,
               GError             **error)
{
  if (g_strcmp0 (path, "-") == 0)
    {
      g_autoptr(GBytes) bytes = read_stdin (error);

      if (bytes == NULL)
        return NULL;

      return dossier_importer_load_bytes (bytes, "-", flags, error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      return dossier_importer_load_file (file, flags, NULL, error);
    }
}

static gboolean
parse_date (const char  *str,
            GDateTime  **out)
{
  int y, m, d;
  char tail;

  if (sscanf (str, "%4d-%2d-%2d%c", &y, &m, &d, &tail) < 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;

  *out = g_date_time_new_utc (y, m, d, 0, 0, 0);
  return *out != NULL;
}

/* The analysis is written out as it is formatted, a megabyte at a time:
 * a JSON tree of a long clipping's mentions and dates would take many
 * times the input (issue 8: under 10x the input + 100 MB). */
static void
flush_output (GString  *out,
              gboolean  all)
{
  if (!all && out->len < (1 << 20))
    return;
  fwrite (out->str, 1, out->len, stdout);
  g_string_truncate (out, 0);
}

static void
append_member (GString    *out,
               const char *name,
               const char *value)
{
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\": ");
  if (value != NULL)
    _dossier_export_append_json_string (out, value);
  else
    g_string_append (out, "null");
}

static void
write_entities (GString   *out,
                GPtrArray *entities)
{
  g_string_append (out, "  \"entities\": [");
  for (guint i = 0; i < entities->len; i++)
    {
      DossierEntity *e = g_ptr_array_index (entities, i);
      const char * const *aliases = dossier_entity_get_aliases (e);
      const DossierEntityMention *m;
      guint n;

      g_string_append (out, i ? ",\n    {" : "\n    {");
      append_member (out, "name", dossier_entity_get_name (e));
      g_string_append (out, ", ");
      append_member (out, "kind", dossier_entity_kind_to_string (dossier_entity_get_kind (e)));
      g_string_append (out, ", ");
      append_member (out, "role", dossier_entity_get_role (e));
      g_string_append (out, ", \"aliases\": [");
      for (guint k = 0; aliases[k]; k++)
        {
          if (k)
            g_string_append (out, ", ");
          _dossier_export_append_json_string (out, aliases[k]);
        }
      g_string_append (out, "], \"mentions\": [");
      m = dossier_entity_get_mentions (e, &n);
      for (guint k = 0; k < n; k++)
        {
          g_string_append_printf (out, "%s{\"start\": %u, \"end\": %u}", k ? ", " : "",
                                  m[k].start, m[k].end);
          flush_output (out, FALSE);
        }
      g_string_append (out, "]}");
      flush_output (out, FALSE);
    }
  g_string_append (out, entities->len ? "\n  ],\n" : "],\n");
}

static void
write_timeline (GString   *out,
                GPtrArray *timexes)
{
  g_string_append (out, "  \"timeline\": [");
  for (guint i = 0; i < timexes->len; i++)
    {
      DossierTimex *t = g_ptr_array_index (timexes, i);

      g_string_append (out, i ? ",\n    {" : "\n    {");
      append_member (out, "text", dossier_timex_get_text (t));
      g_string_append (out, ", ");
      append_member (out, "value", dossier_timex_get_value (t));
      g_string_append (out, ", ");
      append_member (out, "type", dossier_timex_get_timex_type (t));
      g_string_append_printf (out, ", \"start\": %u, \"end\": %u, ",
                              dossier_timex_get_start (t), dossier_timex_get_end (t));
      append_member (out, "sentence", dossier_timex_get_sentence (t));
      g_string_append (out, ", ");
      append_member (out, "precision", dossier_timex_get_precision (t));
      g_string_append (out, ", ");
      append_member (out, "interval_start", dossier_timex_get_interval_start (t));
      g_string_append (out, ", ");
      append_member (out, "interval_end", dossier_timex_get_interval_end (t));
      if (dossier_timex_get_mod (t))
        {
          g_string_append (out, ", ");
          append_member (out, "mod", dossier_timex_get_mod (t));
        }
      g_string_append_c (out, '}');
      flush_output (out, FALSE);
    }
  g_string_append (out, timexes->len ? "\n  ]\n" : "]\n");
}

static int
cmd_analyze (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GDateTime) reference = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) timexes = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *published = NULL;
  g_autofree char *json = NULL;
  gboolean as_body = FALSE;
  int index = 0;
  DossierArticle *article;
  JsonNode *article_node;
  const GOptionEntry entries[] = {
    { "as-body", 0, 0, G_OPTION_ARG_NONE, &as_body,
      N_("Take the input verbatim as the article body"), NULL },
    { "published", 0, 0, G_OPTION_ARG_STRING, &published,
      N_("Reference date for the analysis"), N_("YYYY-MM-DD") },
    { "index", 0, 0, G_OPTION_ARG_INT, &index,
      N_("Which article of a file with several (from 0)"), N_("N") },
    { NULL }
  };

  context = g_option_context_new (_("FILE|- — print the article, entities and timeline as JSON"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  drop_separator (&argc, argv);
  if (argc != 2)
    return usage_error (context, _("analyze takes exactly one FILE (or - for standard input)"));
  if (published && !parse_date (published, &reference))
    return usage_error (context, _("--published wants a date as YYYY-MM-DD"));
  if (index < 0)
    return usage_error (context, _("--index must be 0 or more"));

  articles = load_articles (argv[1], as_body ? DOSSIER_IMPORT_AS_BODY : DOSSIER_IMPORT_NONE, &error);
  if (articles == NULL)
    return fail (argv[1], error);

  if ((guint)index >= articles->len)
    {
      g_set_error (&error, DOSSIER_ERROR, DOSSIER_ERROR_INDEX,
                   _("There is no article %d: the file holds %u"), index, articles->len);
      return fail (argv[1], error);
    }

  article = g_ptr_array_index (articles, index);
  article_node = dossier_article_to_json (article, articles->len);

  /* The reference date given on the command line is the publication date
   * the analysis resolves against. */
  if (published)
    json_object_set_string_member (json_node_get_object (article_node), "published", published);

  /* The article is small but for its text: one tree, then the rest
   * streamed. */
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, article_node);
  json = json_generator_to_data (generator, NULL);
  g_clear_pointer (&article_node, json_node_unref);

  out = g_string_sized_new (2 << 20);
  g_string_append (out, "{\n  \"article\": ");
  /* Nested one level: JSON strings hold no raw line breaks. */
  for (const char *p = json, *nl; *p; p = nl + 1)
    {
      if ((nl = strchr (p, '\n')) == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, nl - p + 1);
      g_string_append (out, "  ");
    }
  g_string_append (out, ",\n");
  g_clear_pointer (&json, g_free);
  flush_output (out, TRUE);

  entities = dossier_entities_analyze (dossier_article_get_text (article),
                                       dossier_article_get_language (article));
  write_entities (out, entities);
  g_clear_pointer (&entities, g_ptr_array_unref);

  timexes = dossier_timeline_analyze (dossier_article_get_text (article),
                                      reference ? reference : dossier_article_get_published (article));
  write_timeline (out, timexes);
  g_string_append (out, "}\n");
  flush_output (out, TRUE);

  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr ("dossier-cli: %s\n", g_strerror (errno));
      return 1;
    }

  return 0;
}

/* Notes: annotate, notes-path, export */

/* The clipping's first article, its document and where its notes live
 * (--notes, or the user data folder). Errors are about bad input. */
static DossierDocument *
open_document (const char      *path,
               const char      *notes_path,
               DossierArticle **article_out,
               GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(GFile) notes = NULL;
  DossierArticle *article;

  articles = dossier_importer_load_file (file, DOSSIER_IMPORT_NONE, NULL, error);
  if (articles == NULL)
    return NULL;
  if (articles->len == 0)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NO_ARTICLE, _("No article was found"));
      return NULL;
    }
  article = g_ptr_array_index (articles, 0);

  document = dossier_document_new ();
  dossier_document_set_clipping (document, file);
  dossier_document_set_text (document, dossier_article_get_text (article));

  if (notes_path)
    notes = g_file_new_for_commandline_arg (notes_path);
  else if (!(notes = dossier_document_resolve_notes_file (document, error)))
    return NULL;

  dossier_document_set_notes_file (document, notes);
  if (article_out)
    *article_out = g_object_ref (article);

  return g_steal_pointer (&document);
}

static int
cmd_annotate (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(DossierAnnotation) annotation = NULL;
  g_autoptr(DossierAnchorText) text = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *note = NULL;
  g_autofree char *color_name = NULL;
  g_autofree char *notes_path = NULL;
  g_auto(GStrv) tags = NULL;
  DossierAnnotationColor color = DOSSIER_ANNOTATION_COLOR_YELLOW;
  int occurrence = 1;
  guint start, end, n_found = 0;
  const GOptionEntry entries[] = {
    { "quote", 0, 0, G_OPTION_ARG_STRING, &quote,
      N_("The passage to annotate, verbatim"), N_("TEXT") },
    { "occurrence", 0, 0, G_OPTION_ARG_INT, &occurrence,
      N_("Which occurrence of the passage (from 1)"), N_("N") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note,
      N_("A note (Markdown)"), N_("TEXT") },
    { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tags,
      N_("A tag; repeat for more"), N_("TAG") },
    { "color", 0, 0, G_OPTION_ARG_STRING, &color_name,
      N_("yellow, green, blue, pink, purple or orange"), N_("NAME") },
    { "notes", 0, 0, G_OPTION_ARG_FILENAME, &notes_path,
      N_("The notes file to use instead of the default"), N_("NOTESFILE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — highlight a passage and save it in the notes"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  drop_separator (&argc, argv);
  if (argc != 2)
    return usage_error (context, _("annotate takes exactly one FILE"));
  if (quote == NULL || *quote == '\0')
    return usage_error (context, _("annotate needs --quote TEXT"));
  if (occurrence < 1)
    return usage_error (context, _("--occurrence must be 1 or more"));
  if (color_name && !dossier_annotation_color_from_string (color_name, &color))
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown colour “%s” (yellow, green, blue, pink, purple, orange)"),
                         color_name);
      return usage_error (NULL, message);
    }

  document = open_document (argv[1], notes_path, NULL, &error);
  if (document == NULL)
    return fail (argv[1], error);

  text = dossier_anchor_text_new (dossier_document_get_text (document));
  if (!dossier_anchor_text_find_nth (text, quote, occurrence, &start, &end, &n_found))
    {
      if (n_found == 0)
        g_set_error (&error, DOSSIER_ERROR, DOSSIER_ERROR_NOT_FOUND,
                     _("“%s” does not occur in the text"), quote);
      else
        g_set_error (&error, DOSSIER_ERROR, DOSSIER_ERROR_NOT_FOUND,
                     ngettext ("“%s” occurs only %u time, not %d",
                               "“%s” occurs only %u times, not %d", n_found),
                     quote, n_found, occurrence);
      return fail (argv[1], error);
    }

  if (!dossier_document_load (document, dossier_document_get_notes_file (document), NULL, &error))
    return fail (argv[1], error);

  annotation = dossier_document_annotate (document, start, end, color,
                                          DOSSIER_ANNOTATION_STYLE_HIGHLIGHT, &error);
  if (annotation == NULL)
    return fail (argv[1], error);
  if (note)
    dossier_document_set_annotation_note (document, annotation, note);
  if (tags)
    dossier_document_set_annotation_tags (document, annotation, (const char * const *)tags);

  if (!dossier_document_save (document, NULL, &error))
    return fail (argv[1], error);

  g_print ("%s\n", dossier_annotation_get_id (annotation));

  return 0;
}

static int
cmd_notes_path (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  g_autofree char *path = NULL;

  context = g_option_context_new (_("FILE — print where the notes of FILE are kept"));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  drop_separator (&argc, argv);
  if (argc != 2)
    return usage_error (context, _("notes-path takes exactly one FILE"));

  document = open_document (argv[1], NULL, NULL, &error);
  if (document == NULL)
    return fail (argv[1], error);

  path = g_file_get_path (dossier_document_get_notes_file (document));
  g_print ("%s\n", path);

  return 0;
}

/* An exporter turns a clipping's article and notes into a file. More
 * formats plug in here. */
typedef GBytes *(*ExportFunc) (DossierDocument  *document,
                               DossierArticle   *article,
                               GError          **error);

/* The notes file as stored: its bytes when it exists, else what an empty
 * notes file for this clipping would hold. */
static GBytes *
export_json (DossierDocument  *document,
             DossierArticle   *article,
             GError          **error)
{
  GFile *notes = dossier_document_get_notes_file (document);

  if (!dossier_document_load (document, notes, NULL, error))
    return NULL;
  if (g_file_query_exists (notes, NULL))
    return g_file_load_bytes (notes, NULL, NULL, error);

  return dossier_document_serialize (document);
}

/* The entities as the app shows them: the user's corrections on top,
 * without those hidden. */
static GPtrArray *
correct_entities (DossierDocument *document,
                  const char      *text,
                  GPtrArray       *found)
{
  g_autoptr(GListStore) store = g_list_store_new (DOSSIER_TYPE_ENTITY);
  g_autoptr(GListStore) shown = NULL;
  g_autoptr(JsonArray) corrections = dossier_document_dup_entity_corrections (document);
  GPtrArray *entities;
  guint n;

  g_list_store_splice (store, 0, 0, found->pdata, found->len);
  shown = dossier_entity_corrections_apply (G_LIST_MODEL (store), text, corrections, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (shown));
  entities = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (entities, g_list_model_get_item (G_LIST_MODEL (shown), i));

  return entities;
}

/* The formats of dossier_export(): the notes, and the entities and the
 * timeline when the format shows them, analysed as `analyze` does. */
static GBytes *
export_core (DossierExportFormat   format,
             DossierDocument      *document,
             DossierArticle       *article,
             GError              **error)
{
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) timexes = NULL;
  const char *text = dossier_article_get_text (article);

  if (!dossier_document_load (document, dossier_document_get_notes_file (document), NULL, error))
    return NULL;
  if (dossier_export_format_needs_entities (format))
    {
      g_autoptr(GPtrArray) found = dossier_entities_analyze (text, dossier_article_get_language (article));

      entities = correct_entities (document, text, found);
    }
  if (dossier_export_format_needs_timeline (format))
    {
      g_autoptr(GPtrArray) found = dossier_timeline_analyze (text, dossier_article_get_published (article));
      g_autoptr(JsonArray) corrections = dossier_document_dup_timeline_corrections (document);

      /* As the app shows it: corrected, without the hidden entries */
      timexes = dossier_timeline_corrections_apply (found, corrections, text, NULL);
    }

  return dossier_export (format, article, document, entities, timexes, error);
}

static const struct
{
  const char          *name;
  ExportFunc           func;
  DossierExportFormat  format;
} exporters[] = {
  { "json", export_json },
  { "markdown", NULL, DOSSIER_EXPORT_MARKDOWN },
  { "html", NULL, DOSSIER_EXPORT_HTML },
  { "w3c", NULL, DOSSIER_EXPORT_W3C },
  { "csv-entities", NULL, DOSSIER_EXPORT_CSV_ENTITIES },
  { "csv-timeline", NULL, DOSSIER_EXPORT_CSV_TIMELINE },
  { "bibtex", NULL, DOSSIER_EXPORT_BIBTEX },
  { "ris", NULL, DOSSIER_EXPORT_RIS },
  { "csl-json", NULL, DOSSIER_EXPORT_CSL_JSON },
  { "timeline-svg", NULL, DOSSIER_EXPORT_TIMELINE_SVG },
};

static int
cmd_export (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *format = NULL;
  g_autofree char *notes_path = NULL;
  g_autofree char *output = NULL;
  ExportFunc func = NULL;
  int exporter = -1;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("The format: markdown, html, w3c, json (the notes file as stored), csv-entities, "
         "csv-timeline, bibtex, ris, csl-json or timeline-svg"), N_("FORMAT") },
    { "notes", 0, 0, G_OPTION_ARG_FILENAME, &notes_path,
      N_("The notes file to use instead of the default"), N_("NOTESFILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUTPUT instead of standard output"), N_("OUTPUT") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — export the notes of FILE"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  drop_separator (&argc, argv);
  if (argc != 2)
    return usage_error (context, _("export takes exactly one FILE"));
  if (format == NULL)
    return usage_error (context, _("export needs --format FORMAT"));
  for (guint i = 0; i < G_N_ELEMENTS (exporters); i++)
    if (g_str_equal (format, exporters[i].name))
      exporter = i;
  if (exporter < 0)
    {
      g_autofree char *message = g_strdup_printf (_("unknown format “%s”"), format);
      return usage_error (NULL, message);
    }

  document = open_document (argv[1], notes_path, &article, &error);
  if (document == NULL)
    return fail (argv[1], error);

  func = exporters[exporter].func;
  if (func)
    bytes = func (document, article, &error);
  else
    bytes = export_core (exporters[exporter].format, document, article, &error);
  if (bytes == NULL)
    return fail (argv[1], error);

  if (output && !g_str_equal (output, "-"))
    {
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      /* Atomic: the output is complete or untouched. */
      if (!g_file_set_contents_full (output, data ? data : "", length,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0666, &error))
        return fail (output, error);
    }
  else
    {
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_printerr ("dossier-cli: %s: %s\n", argv[1], g_strerror (errno));
          return EXIT_BAD_INPUT;
        }
    }

  return 0;
}

static void
print_usage (void)
{
  g_printerr ("%s",
              _("Usage:\n"
                "  dossier-cli analyze [--as-body] [--published DATE] [--index N] FILE|-\n"
                "  dossier-cli annotate FILE --quote TEXT [--occurrence N] [--note TEXT] [--tag TAG]... [--color NAME] [--notes NOTESFILE]\n"
                "  dossier-cli export FILE --format FORMAT [--notes NOTESFILE] [-o OUTPUT]\n"
                "  dossier-cli notes-path FILE\n"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage ();
      return EXIT_BAD_USAGE;
    }

  if (g_str_equal (argv[1], "analyze"))
    return cmd_analyze (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "annotate"))
    return cmd_annotate (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "notes-path"))
    return cmd_notes_path (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "export"))
    return cmd_export (argc - 1, argv + 1);

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage ();
      return 0;
    }

  g_printerr (_("dossier-cli: unknown command “%s”\n"), argv[1]);
  print_usage ();
  return EXIT_BAD_USAGE;
}
