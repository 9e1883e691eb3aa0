/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <gio/gunixinputstream.h>

#include "dossier-core.h"

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
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
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

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "article");
  json_builder_add_value (builder, article_node);
  json_builder_set_member_name (builder, "entities");
  entities = dossier_entities_analyze (dossier_article_get_text (article),
                                       dossier_article_get_language (article));
  json_builder_add_value (builder, dossier_entities_to_json (entities));
  json_builder_set_member_name (builder, "timeline");
  timexes = dossier_timeline_analyze (dossier_article_get_text (article),
                                      reference ? reference : dossier_article_get_published (article));
  json_builder_add_value (builder, dossier_timeline_to_json (timexes));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  g_print ("%s\n", json);

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

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage ();
      return 0;
    }

  g_printerr (_("dossier-cli: unknown command “%s”\n"), argv[1]);
  print_usage ();
  return EXIT_BAD_USAGE;
}
