/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

/* dossier-cli annotate, notes-path and export --format json, on the real
 * binary, with the user data folder in a temporary directory. */

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

static char *data_home;

static void
run_cli (Run *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *)g_getenv ("DOSSIER_CLI"));
  va_start (args, run);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (proc);
}

/* A private copy of a fixture clipping, so paths are fresh per test. */
static char *
clipping (const char *name)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "notes", "council.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_build_filename (data_home, "..", "clippings", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  return path;
}

static char *
article_text (const char *path)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *article;

  run_cli (&run, "analyze", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  article = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "article");

  return g_strdup (json_object_get_string_member (article, "text"));
}

static JsonObject *
find_annotation (JsonParser *parser,
                 const char *json,
                 const char *id)
{
  JsonArray *annotations;
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  annotations = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                              "annotations");
  for (guint i = 0; i < json_array_get_length (annotations); i++)
    {
      JsonObject *annotation = json_array_get_object_element (annotations, i);

      if (g_str_equal (json_object_get_string_member (annotation, "id"), id))
        return annotation;
    }

  g_assert_not_reached ();
}

static JsonObject *
selector (JsonObject *annotation,
          guint       i)
{
  JsonObject *target = json_object_get_object_member (annotation, "target");

  return json_array_get_object_element (json_object_get_array_member (target, "selector"), i);
}

static void
test_annotate_and_export (void)
{
  g_autofree char *path = clipping ("annotate.txt");
  g_autofree char *text = article_text (path);
  g_autofree char *notes_path = NULL;
  g_autofree char *id1 = NULL;
  g_autofree char *id2 = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *output = g_build_filename (data_home, "..", "export.json", NULL);
  g_autofree char *written = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *annotation;
  JsonArray *tags;
  const char *quote = "bridge will cost";
  const char *second;
  gsize length;

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "notes-path", path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_true (g_str_has_prefix (run.out, data_home));
    g_assert_true (g_str_has_suffix (run.out, ".json\n"));
    g_assert_nonnull (strstr (run.out, "/dossier/notes/"));
    notes_path = g_strndup (run.out, strlen (run.out) - 1);
    g_assert_false (g_file_test (notes_path, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "annotate", path, "--quote", quote, "--note", "Which *cost*?",
             "--tag", "budget", "--tag", "claims", "--color", "pink", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpuint (strlen (run.out), ==, 37);
    id1 = g_strstrip (g_strdup (run.out));
    g_assert_true (g_uuid_string_is_valid (id1));
    g_assert_true (g_file_test (notes_path, G_FILE_TEST_IS_REGULAR));
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "annotate", path, "--quote", quote, "--occurrence", "2", NULL);
    g_assert_cmpint (run.status, ==, 0);
    id2 = g_strstrip (g_strdup (run.out));
    g_assert_cmpstr (id1, !=, id2);
  }

  /* export --format json prints the notes file as stored. */
  {
    g_auto(Run) run = { 0 };

    g_assert_true (g_file_get_contents (notes_path, &stored, &length, NULL));
    run_cli (&run, "export", path, "--format", "json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, stored);

    annotation = find_annotation (parser, run.out, id1);
    g_assert_cmpstr (json_object_get_string_member (annotation, "color"), ==, "pink");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (annotation, "body"), "note"),
                     ==, "Which *cost*?");
    tags = json_object_get_array_member (json_object_get_object_member (annotation, "body"), "tags");
    g_assert_cmpuint (json_array_get_length (tags), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (tags, 0), ==, "budget");
    g_assert_cmpstr (json_array_get_string_element (tags, 1), ==, "claims");
    g_assert_cmpstr (json_object_get_string_member (selector (annotation, 0), "exact"), ==, quote);
    /* Code points into the article text as imported. */
    g_assert_cmpint (json_object_get_int_member (selector (annotation, 1), "start"), ==,
                     g_utf8_pointer_to_offset (text, strstr (text, quote)));
    g_assert_cmpint (json_object_get_int_member (selector (annotation, 1), "end"), ==,
                     g_utf8_pointer_to_offset (text, strstr (text, quote)) + 16);

    second = strstr (strstr (text, quote) + 1, quote);
    annotation = find_annotation (parser, run.out, id2);
    g_assert_cmpstr (json_object_get_string_member (annotation, "color"), ==, "yellow");
    g_assert_cmpint (json_object_get_int_member (selector (annotation, 1), "start"), ==,
                     g_utf8_pointer_to_offset (text, second));
    g_assert_cmpstr (json_object_get_string_member (selector (annotation, 0), "prefix"), ==,
                     "egional grant. Critics said the ");
  }

  /* -o writes the same bytes to a file. */
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "export", path, "--format", "json", "-o", output, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_true (g_file_get_contents (output, &written, NULL, NULL));
    g_assert_cmpstr (written, ==, stored);
  }
}

static void
test_bad_usage_and_input (void)
{
  g_autofree char *path = clipping ("errors.txt");
  g_autofree char *prefix = g_strdup_printf ("dossier-cli: %s: ", path);
  g_autofree char *notes_path = NULL;

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "annotate", path, "--quote", "bridge", "--color", "mauve", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "unknown colour “mauve”"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "annotate", path, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "annotate", path, "--quote", "bridge", "--occurrence", "0", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "export", path, "--format", "csv", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "unknown format"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "annotate", path, "--quote", "a submarine", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, prefix));
    g_assert_nonnull (strstr (run.err, "“a submarine” does not occur in the text"));
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "annotate", path, "--quote", "bridge will cost", "--occurrence", "3", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, prefix));
    g_assert_nonnull (strstr (run.err, "occurs only 2 times, not 3"));
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *missing = g_build_filename (data_home, "..", "missing.txt", NULL);
    g_autofree char *missing_prefix = g_strdup_printf ("dossier-cli: %s: ", missing);

    run_cli (&run, "notes-path", missing, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, missing_prefix));
  }

  /* Nothing was written by the failures. */
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "notes-path", path, NULL);
    notes_path = g_strstrip (g_strdup (run.out));
    g_assert_false (g_file_test (notes_path, G_FILE_TEST_EXISTS));
  }
}

static void
test_notes_override_and_corrupt (void)
{
  g_autofree char *path = clipping ("override.txt");
  g_autofree char *notes = g_build_filename (data_home, "..", "my-notes.json", NULL);
  g_autofree char *corrupt = g_build_filename (data_home, "..", "corrupt.json", NULL);
  g_autofree char *newer = g_build_filename (data_home, "..", "newer.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *default_path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  {
    g_auto(Run) run = { 0 };
    g_autofree char *id = NULL;

    run_cli (&run, "annotate", path, "--quote", "Žvėrynas", "--notes", notes, NULL);
    g_assert_cmpint (run.status, ==, 0);
    id = g_strstrip (g_strdup (run.out));
    g_assert_true (g_file_test (notes, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_get_contents (notes, &before, NULL, NULL));
    g_assert_nonnull (find_annotation (parser, before, id));
  }
  {
    g_auto(Run) run = { 0 };

    /* The default location was not used. */
    run_cli (&run, "notes-path", path, NULL);
    default_path = g_strstrip (g_strdup (run.out));
    g_assert_false (g_file_test (default_path, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "export", path, "--format", "json", "--notes", notes, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, before);
  }

  /* Unreadable notes: exit 1, the file untouched, no output file. */
  g_assert_true (g_file_set_contents (corrupt, "{\"version\": 1, \"annotations\": [", -1, NULL));
  g_assert_true (g_file_set_contents (newer, "{\"version\": 7}", -1, NULL));
  for (guint i = 0; i < 2; i++)
    {
      const char *file = i == 0 ? corrupt : newer;
      g_autofree char *original = NULL;
      g_autofree char *now = NULL;
      g_autofree char *output = g_build_filename (data_home, "..", "never.json", NULL);

      g_assert_true (g_file_get_contents (file, &original, NULL, NULL));
      {
        g_auto(Run) run = { 0 };

        run_cli (&run, "annotate", path, "--quote", "Žvėrynas", "--notes", file, NULL);
        g_assert_cmpint (run.status, ==, 1);
        g_assert_nonnull (strstr (run.err, i == 0 ? "damaged" : "newer version"));
        g_assert_cmpstr (run.out, ==, "");
      }
      {
        g_auto(Run) run = { 0 };

        run_cli (&run, "export", path, "--format", "json", "--notes", file, "-o", output, NULL);
        g_assert_cmpint (run.status, ==, 1);
        g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
      }
      g_assert_true (g_file_get_contents (file, &now, NULL, NULL));
      g_assert_cmpstr (now, ==, original);
    }
}

static void
test_found_after_move (void)
{
  g_autofree char *path = clipping ("before-move.txt");
  g_autofree char *moved = clipping ("after-move.txt");
  g_autofree char *notes_before = NULL;

  g_assert_cmpint (g_unlink (moved), ==, 0);
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "annotate", path, "--quote", "Neris", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "notes-path", path, NULL);
    notes_before = g_strdup (run.out);
  }
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "notes-path", moved, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, notes_before);
  }
}

/* Exports list the entities as corrected in the notes file. */
static void
test_entity_corrections (void)
{
  g_autofree char *path = clipping ("corrected.txt");
  g_autofree char *notes = g_build_filename (data_home, "..", "corrected.json", NULL);
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (notes,
                                      "{ \"version\": 1, \"entity_corrections\": ["
                                      "  { \"action\": \"kind\", \"name\": \"Neris\","
                                      "    \"kind\": \"organization\", \"to\": \"place\" },"
                                      "  { \"action\": \"rename\", \"name\": \"Neris\","
                                      "    \"kind\": \"place\", \"to\": \"Neris River\" },"
                                      "  { \"action\": \"hide\", \"name\": \"jonas  petraitis\","
                                      "    \"kind\": \"person\" } ] }",
                                      -1, NULL));

  run_cli (&run, "export", path, "--format", "csv-entities", "--notes", notes, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "name,kind,role,aliases,mentions,first_start,first_end\r\n"
                   "Neris River,place,,Neris,1,50,55\r\n"
                   "Rūta Vaitkienė,person,mayor,,1,137,151\r\n");
}

/* Exports show the timeline as corrected in the notes file. */
static void
test_timeline_corrections (void)
{
  g_autofree char *path = clipping ("redated.txt");
  g_autofree char *notes = g_build_filename (data_home, "..", "redated.json", NULL);
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (notes,
                                      "{ \"version\": 1, \"timeline_corrections\": ["
                                      "  { \"action\": \"redate\", \"start\": 59, \"end\": 65,"
                                      "    \"text\": \"Monday\", \"value\": \"2025-11-24\" },"
                                      "  { \"action\": \"hide\", \"start\": 501, \"end\": 505,"
                                      "    \"text\": \"1961\" },"
                                      "  { \"action\": \"add\", \"start\": 569, \"end\": 581,"
                                      "    \"text\": \"the decision\", \"value\": \"2025-11\" } ] }",
                                      -1, NULL));

  run_cli (&run, "export", path, "--format", "csv-timeline", "--notes", notes, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, ",1961,"));
  g_assert_nonnull (strstr (run.out, "\r\n2025-11,date,the decision,569,581,Residents of "));
  g_assert_nonnull (strstr (run.out, "\r\n2025-11-24,date,Monday,59,65,"));
  g_assert_nonnull (strstr (run.out, "\r\n2027-WI,date,the winter of 2027,420,438,"));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *tmp = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DOSSIER_CLI") == NULL)
    {
      g_printerr ("DOSSIER_CLI is not set\n");
      return 77;
    }

  tmp = g_dir_make_tmp ("dossier-cli-notes-XXXXXX", NULL);
  data_home = g_build_filename (tmp, "data", NULL);
  g_assert_cmpint (g_mkdir_with_parents (data_home, 0700), ==, 0);

  g_test_add_func ("/dossier/cli-notes/annotate-and-export", test_annotate_and_export);
  g_test_add_func ("/dossier/cli-notes/bad-usage-and-input", test_bad_usage_and_input);
  g_test_add_func ("/dossier/cli-notes/notes-override-and-corrupt", test_notes_override_and_corrupt);
  g_test_add_func ("/dossier/cli-notes/found-after-move", test_found_after_move);
  g_test_add_func ("/dossier/cli-notes/entity-corrections", test_entity_corrections);
  g_test_add_func ("/dossier/cli-notes/timeline-corrections", test_timeline_corrections);

  status = g_test_run ();
  g_free (data_home);

  return status;
}
