/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

/* The command-line contract of DESIGN.md, exercised on the real binary. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run         *run,
         const char  *stdin_text,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *)g_getenv ("DOSSIER_CLI"));
  va_start (args, stdin_text);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, stdin_text, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (proc);
}

static JsonObject *
parse_output (JsonParser *parser,
              const Run  *run)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "cli", name, NULL);
}

static void
test_analyze_shape (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = fixture ("plain.txt");
  JsonObject *root, *article;

  run_cli (&run, NULL, "analyze", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_output (parser, &run);

  g_assert_true (json_object_has_member (root, "entities"));
  g_assert_true (json_object_has_member (root, "timeline"));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "entities")));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "timeline")));

  article = json_object_get_object_member (root, "article");
  for (guint i = 0; i < 11; i++)
    {
      const char *members[] = { "title", "subtitle", "source", "authors", "published", "page",
                                "dateline", "language", "format", "article_count", "text" };
      g_assert_true (json_object_has_member (article, members[i]));
    }
  g_assert_cmpint (json_object_get_int_member (article, "article_count"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (article, "format"), ==, "text");
  g_assert_nonnull (strstr (json_object_get_string_member (article, "text"), "symbolic euro."));
}

static void
test_as_body_and_published (void)
{
  const char *input = "On Tuesday “Žalgiris” won.\n\nSekėjai\n";
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *article;

  /* "-" reads standard input; --as-body keeps the text verbatim */
  run_cli (&run, input, "analyze", "--as-body", "--published", "2025-11-27", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  article = json_object_get_object_member (parse_output (parser, &run), "article");
  g_assert_cmpstr (json_object_get_string_member (article, "text"), ==, input);
  g_assert_cmpstr (json_object_get_string_member (article, "published"), ==, "2025-11-27");
  g_assert_true (json_object_get_null_member (article, "title"));
}

static void
test_bad_input (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-cli-XXXXXX", NULL);
  g_autofree char *empty = fixture ("empty.txt");
  g_autofree char *binary = g_build_filename (dir, "image.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.txt", NULL);
  struct {
    const char *path;
    const char *reason;
  } cases[] = {
    { empty, "empty" },
    { binary, "PNG" },
    { dir, "folder" },
    { missing, "No such file" },
    { damaged, "UTF-8" },
  };

  g_assert_true (g_file_set_contents (binary, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, NULL));
  g_assert_true (g_file_set_contents (damaged, "Nausėda \x80\x80 said", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *prefix = g_strdup_printf ("dossier-cli: %s: ", cases[i].path);

      run_cli (&run, NULL, "analyze", cases[i].path, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, prefix));
      g_assert_nonnull (strstr (run.err, cases[i].reason));
    }

  g_unlink (binary);
  g_unlink (damaged);
  g_rmdir (dir);
}

static void
test_usage (void)
{
  g_autofree char *path = fixture ("plain.txt");
  const char *cases[][4] = {
    { "analyze", NULL },
    { "analyze", "--no-such-option", path, NULL },
    { "analyze", "--published", "27/11/2025", path },
    { "frobnicate", path, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, NULL, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, "dossier-cli: "));
    }
}

static void
test_index (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = fixture ("plain.txt");

  run_cli (&run, NULL, "analyze", "--index", "3", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "holds 1"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DOSSIER_CLI") == NULL)
    {
      g_printerr ("DOSSIER_CLI is not set\n");
      return 1;
    }

  g_test_add_func ("/dossier/cli/analyze-shape", test_analyze_shape);
  g_test_add_func ("/dossier/cli/as-body-published", test_as_body_and_published);
  g_test_add_func ("/dossier/cli/bad-input", test_bad_input);
  g_test_add_func ("/dossier/cli/usage", test_usage);
  g_test_add_func ("/dossier/cli/index", test_index);
  return g_test_run ();
}
