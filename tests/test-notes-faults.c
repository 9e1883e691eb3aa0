/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <utime.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dossier-annotation.h"
#include "dossier-document.h"
#include "dossier-error.h"

/* Faults around the notes file (issue 8): kill -9 in the middle of saves,
 * the disk fills up while saving, and dossier-cli annotate writes the same
 * notes file as a document that the app holds open. Nothing may be lost. */

static char *council_path;
static const char *self_path;

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("dossier-faults-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static DossierDocument *
council_document (const char *notes_path)
{
  g_autofree char *text = NULL;
  g_autoptr(GFile) clipping = g_file_new_for_path (council_path);
  g_autoptr(GFile) notes = g_file_new_for_path (notes_path);
  g_autoptr(GError) error = NULL;
  DossierDocument *document = dossier_document_new ();

  g_file_get_contents (council_path, &text, NULL, &error);
  g_assert_no_error (error);
  dossier_document_set_clipping (document, clipping);
  dossier_document_set_text (document, text);
  dossier_document_load (document, notes, NULL, &error);
  g_assert_no_error (error);

  return document;
}

static DossierAnnotation *
annotate_quote (DossierDocument *document,
                const char      *quote)
{
  const char *text = dossier_document_get_text (document);
  const char *found = strstr (text, quote);
  g_autoptr(GError) error = NULL;
  DossierAnnotation *annotation;
  guint start;

  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (text, found);
  annotation = dossier_document_annotate (document, start, start + g_utf8_strlen (quote, -1),
                                          DOSSIER_ANNOTATION_COLOR_YELLOW,
                                          DOSSIER_ANNOTATION_STYLE_HIGHLIGHT, &error);
  g_assert_no_error (error);
  g_object_unref (annotation);  /* the document holds it */

  return annotation;
}

static guint
n_annotations (DossierDocument *document)
{
  return g_list_model_get_n_items (dossier_document_get_annotations (document));
}

static DossierAnnotation *
find_quote (DossierDocument *document,
            const char      *quote)
{
  GListModel *model = dossier_document_get_annotations (document);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (model, i);

      if (g_strcmp0 (dossier_annotation_get_exact (annotation), quote) == 0)
        return annotation;
    }

  return NULL;
}

/* What a fresh reader finds in the notes file. */
static DossierDocument *
reread (const char *notes_path)
{
  return council_document (notes_path);
}

static char *
cli_annotate (const char *notes_path,
              const char *quote,
              const char *note)
{
  const char *cli = g_getenv ("DOSSIER_CLI");
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                            cli, "annotate", council_path, "--quote", quote, "--note", note,
                            "--notes", notes_path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (child) || g_subprocess_get_exit_status (child) != 0)
    g_error ("dossier-cli annotate failed: %s", err);

  return g_strchomp (g_steal_pointer (&out));
}

static void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
save_async_and_wait (DossierDocument  *document,
                     GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  dossier_document_save_async (document, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return dossier_document_save_finish (document, result, error);
}

static void
on_save_failed (DossierDocument *document,
                const GError    *error,
                gpointer         user_data)
{
  GError **out = user_data;

  g_clear_error (out);
  *out = g_error_copy (error);
}

static gboolean
no_leftovers (const char *dir,
              const char *notes_name)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  /* The notes, their backup; no temporary file left half written. */
  while ((name = g_dir_read_name (folder)))
    if (!g_str_equal (name, notes_name) && !g_str_has_suffix (name, ".bak"))
      {
        g_test_message ("left behind: %s", name);
        return FALSE;
      }

  return TRUE;
}

/* The disk fills up: RLIMIT_FSIZE makes every write past the limit fail
 * with EFBIG, as ENOSPC would (SIGXFSZ ignored, as a full disk sends no
 * signal). The save fails naming the file; the file before is intact. */
static void
test_disk_full (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  g_autoptr(DossierDocument) document = council_document (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) failed = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  struct rlimit saved_limit, limit;
  DossierAnnotation *annotation;

  annotation = annotate_quote (document, "the new bridge");
  dossier_document_set_annotation_note (document, annotation, "The first note.");
  g_assert_true (dossier_document_save (document, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &before, &before_length, &error);
  g_assert_no_error (error);

  /* A long note makes the next version larger than the limit. */
  {
    g_autoptr(GString) note = g_string_new (NULL);

    for (guint i = 0; i < 400; i++)
      g_string_append (note, "More to say about the budget. ");
    dossier_document_set_annotation_note (document, annotation, note->str);
  }

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  signal (SIGXFSZ, SIG_IGN);
  limit = saved_limit;
  limit.rlim_cur = before_length + 512;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  /* The command line's way: synchronous. */
  g_assert_false (dossier_document_save (document, NULL, &error));
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_WRITE);
  g_test_message ("sync: %s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (dossier_document_get_unsaved (document));
  g_clear_error (&error);

  /* The app's way: autosave in a worker thread, reported by a signal. */
  g_signal_connect (document, "save-failed", G_CALLBACK (on_save_failed), &failed);
  dossier_document_set_autosave (document, TRUE);
  dossier_document_set_annotation_note (document, annotation, dossier_annotation_get_note (annotation));
  dossier_document_schedule_save (document);
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (failed == NULL && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_error (failed, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_WRITE);
  g_test_message ("async: %s", failed->message);
  g_assert_nonnull (strstr (failed->message, path));
  g_assert_true (dossier_document_get_unsaved (document));
  dossier_document_set_autosave (document, FALSE);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  signal (SIGXFSZ, SIG_DFL);

  /* Byte for byte what was there, and nothing half written beside it. */
  g_file_get_contents (path, &after, &after_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (after, after_length, before, before_length);
  g_assert_true (no_leftovers (dir, "notes.json"));

  /* Space again: the same document saves. */
  g_assert_true (dossier_document_save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (dossier_document_get_unsaved (document));

  g_signal_handlers_disconnect_by_data (document, &failed);
}

/* The app has an unsaved highlight; meanwhile dossier-cli annotate adds
 * one to the same file. The app's save merges: both are in the file. */
static void
test_cli_while_unsaved (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  g_autoptr(DossierDocument) app = council_document (path);
  g_autoptr(DossierDocument) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cli_id = NULL;
  DossierAnnotation *mine, *kept;

  /* Saved once, so the app knows the file as it was. */
  kept = annotate_quote (app, "independent review");
  g_assert_true (save_async_and_wait (app, &error));

  mine = annotate_quote (app, "the new bridge");
  dossier_document_set_annotation_note (app, mine, "From the app");
  g_assert_true (dossier_document_get_unsaved (app));

  cli_id = cli_annotate (path, "4.2 million euros", "From the command line");

  g_assert_true (save_async_and_wait (app, &error));
  g_assert_no_error (error);
  g_assert_false (dossier_document_get_unsaved (app));

  /* The app shows it too… */
  g_assert_nonnull (dossier_document_lookup_annotation (app, cli_id));
  g_assert_cmpuint (n_annotations (app), ==, 3);

  /* …and the file holds all three. */
  check = reread (path);
  g_assert_cmpuint (n_annotations (check), ==, 3);
  g_assert_nonnull (dossier_document_lookup_annotation (check, cli_id));
  g_assert_nonnull (dossier_document_lookup_annotation (check, dossier_annotation_get_id (mine)));
  g_assert_nonnull (dossier_document_lookup_annotation (check, dossier_annotation_get_id (kept)));
  g_assert_cmpstr (dossier_annotation_get_note (find_quote (check, "4.2 million euros")), ==,
                   "From the command line");
  g_assert_cmpstr (dossier_annotation_get_note (find_quote (check, "the new bridge")), ==,
                   "From the app");
}

/* Deletions made here stay deleted; the same annotation edited in two
 * places keeps the later edit; the free-form notes changed on one side
 * only are taken from that side. */
static void
test_merge_rules (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  g_autoptr(DossierDocument) app = council_document (path);
  g_autoptr(DossierDocument) other = NULL;
  g_autoptr(DossierDocument) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *doomed_id = NULL;
  g_autofree char *shared_id = NULL;
  g_autofree char *gone_there_id = NULL;
  DossierAnnotation *doomed, *shared, *gone_there;

  doomed = annotate_quote (app, "the new bridge");
  shared = annotate_quote (app, "independent review");
  gone_there = annotate_quote (app, "old ferry");
  doomed_id = g_strdup (dossier_annotation_get_id (doomed));
  shared_id = g_strdup (dossier_annotation_get_id (shared));
  gone_there_id = g_strdup (dossier_annotation_get_id (gone_there));
  g_assert_true (dossier_document_save (app, NULL, &error));

  /* Another program: edits the shared one, deletes one, writes notes. */
  other = council_document (path);
  g_usleep (2000);
  dossier_document_set_annotation_note (other, dossier_document_lookup_annotation (other, shared_id),
                                        "edited there first");
  dossier_document_remove_annotation (other, dossier_document_lookup_annotation (other, gone_there_id));
  dossier_document_set_notes (other, "Notes written there");
  annotate_quote (other, "public gallery");
  g_assert_true (dossier_document_save (other, NULL, &error));

  /* Here, later: the shared one edited again, one deleted. */
  g_usleep (2000);
  dossier_document_set_annotation_note (app, shared, "edited here later");
  dossier_document_remove_annotation (app, doomed);
  g_assert_true (dossier_document_save (app, NULL, &error));
  g_assert_no_error (error);

  check = reread (path);
  g_assert_null (dossier_document_lookup_annotation (check, doomed_id));
  g_assert_null (dossier_document_lookup_annotation (check, gone_there_id));
  g_assert_cmpstr (dossier_annotation_get_note (dossier_document_lookup_annotation (check, shared_id)),
                   ==, "edited here later");
  g_assert_nonnull (find_quote (check, "public gallery"));
  g_assert_cmpstr (dossier_document_get_notes (check), ==, "Notes written there");
  g_assert_cmpuint (n_annotations (check), ==, 2);

  /* The other program, saving again with its older edit of the shared
   * one, does not bring the deleted one back nor undo the later edit. */
  dossier_document_set_notes (other, "Notes written there, then more");
  g_assert_true (dossier_document_save (other, NULL, &error));
  g_clear_object (&check);
  check = reread (path);
  g_assert_null (dossier_document_lookup_annotation (check, doomed_id));
  g_assert_cmpstr (dossier_annotation_get_note (dossier_document_lookup_annotation (check, shared_id)),
                   ==, "edited here later");
  g_assert_cmpuint (n_annotations (check), ==, 2);
}

static void
on_merged (DossierDocument *document,
           gpointer         user_data)
{
  guint *n = user_data;

  (*n)++;
}

/* An open, idle document (autosave on, as in the app) notices that
 * dossier-cli changed its notes file and takes the new annotation in,
 * without anything left to save. */
static void
test_idle_merge (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  g_autoptr(DossierDocument) app = council_document (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *cli_id = NULL;
  gint64 deadline;
  guint merged = 0;

  annotate_quote (app, "the new bridge");
  g_assert_true (save_async_and_wait (app, &error));
  dossier_document_set_autosave (app, TRUE);
  g_signal_connect (app, "merged", G_CALLBACK (on_merged), &merged);

  /* Our own saves are not changes from elsewhere. */
  annotate_quote (app, "public gallery");
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while ((dossier_document_get_unsaved (app) || g_get_monotonic_time () < deadline - 2 * G_USEC_PER_SEC) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (dossier_document_get_unsaved (app));
  g_assert_cmpuint (merged, ==, 0);

  cli_id = cli_annotate (path, "4.2 million euros", "Added while the app was idle");
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (dossier_document_lookup_annotation (app, cli_id) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (dossier_document_lookup_annotation (app, cli_id));
  g_assert_cmpuint (merged, ==, 1);
  g_assert_cmpuint (n_annotations (app), ==, 3);
  g_assert_false (dossier_document_get_unsaved (app));
  g_assert_false (dossier_annotation_get_orphan (dossier_document_lookup_annotation (app, cli_id)));

  dossier_document_set_autosave (app, FALSE);
  g_signal_handlers_disconnect_by_data (app, &merged);
}

/* Many writers at once: 16 dossier-cli processes annotate while the
 * document adds and saves 16 of its own. All 32 are in the file. */
static void
test_many_writers (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  g_autoptr(DossierDocument) app = council_document (path);
  g_autoptr(DossierDocument) check = NULL;
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("DOSSIER_CLI");
  const char *quotes[] = { "the new bridge", "Neris", "two-hour debate", "public gallery" };
  const guint n = 16;

  g_assert_true (dossier_document_save (app, NULL, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *note = g_strdup_printf ("cli %u", i);
      GSubprocess *child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                                             cli, "annotate", council_path,
                                             "--quote", quotes[i % G_N_ELEMENTS (quotes)],
                                             "--note", note, "--notes", path, NULL);

      g_assert_no_error (error);
      g_ptr_array_add (children, child);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *note = g_strdup_printf ("app %u", i);
      DossierAnnotation *annotation = annotate_quote (app, quotes[i % G_N_ELEMENTS (quotes)]);

      dossier_document_set_annotation_note (app, annotation, note);
      g_assert_true (save_async_and_wait (app, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < n; i++)
    {
      GSubprocess *child = g_ptr_array_index (children, i);

      g_subprocess_wait_check (child, NULL, &error);
      g_assert_no_error (error);
    }
  /* The last command-line writers may have come after the app's last save. */
  dossier_document_set_notes (app, "done");
  g_assert_true (save_async_and_wait (app, &error));

  check = reread (path);
  g_assert_cmpuint (n_annotations (check), ==, 2 * n);
  g_assert_cmpuint (n_annotations (app), ==, 2 * n);
}

static DossierAnnotation *
item (DossierDocument *document,
      guint            i)
{
  DossierAnnotation *annotation = g_list_model_get_item (dossier_document_get_annotations (document), i);

  g_object_unref (annotation);  /* the document holds it */
  return annotation;
}

/* A document on the council text, with no notes file yet. */
static DossierDocument *
text_document (void)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  DossierDocument *document = dossier_document_new ();

  g_file_get_contents (council_path, &text, NULL, &error);
  g_assert_no_error (error);
  dossier_document_set_text (document, text);

  return document;
}

#define CRASH_ANNOTATIONS 20

/* Child of the crash test: saves, forever, the way the app autosaves
 * (serialised here, written in a worker thread). Save k writes "save k"
 * into the clipping notes and into the note of each of 20 annotations;
 * after each save it reports "@saved k" on stdout (one write(), atomic on
 * a pipe; GLib may log there too). */
static int
save_loop (const char *path)
{
  g_autoptr(DossierDocument) document = text_document ();
  g_autoptr(GFile) notes = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *current;
  guint k;

  if (!dossier_document_load (document, notes, NULL, &error))
    return 3;
  current = dossier_document_get_notes (document);
  k = g_str_has_prefix (current, "save ") ? (guint)g_ascii_strtoull (current + 5, NULL, 10) : 0;
  while (n_annotations (document) < CRASH_ANNOTATIONS)
    annotate_quote (document, "the new bridge");
  if (write (STDOUT_FILENO, "@ready\n", 7) < 0)
    return 5;

  for (k++; ; k++)
    {
      g_autofree char *state = g_strdup_printf ("save %u", k);
      g_autofree char *line = g_strdup_printf ("@saved %u\n", k);

      for (guint i = 0; i < CRASH_ANNOTATIONS; i++)
        dossier_document_set_annotation_note (document, item (document, i), state);
      dossier_document_set_notes (document, state);
      if (!save_async_and_wait (document, &error))
        return 4;
      if (write (STDOUT_FILENO, line, strlen (line)) < 0)
        return 5;
    }

  return 0;
}

/* The state a notes file holds: k if it is whole "save k" everywhere. */
static guint
check_state (DossierDocument *document)
{
  const char *notes = dossier_document_get_notes (document);
  guint k;

  g_assert_true (g_str_has_prefix (notes, "save "));
  k = (guint)g_ascii_strtoull (notes + 5, NULL, 10);
  g_assert_cmpuint (n_annotations (document), ==, CRASH_ANNOTATIONS);
  for (guint i = 0; i < CRASH_ANNOTATIONS; i++)
    g_assert_cmpstr (dossier_annotation_get_note (item (document, i)), ==, notes);

  return k;
}

/* kill -9 at random moments of at least 1,000 saves: after each kill the
 * notes file parses and holds the last state the child reported saved, or
 * the one it was writing; never a mix, never less. The backup too is a
 * whole earlier state. */
static void
test_crash_safety (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "crash.json", NULL);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autoptr(GFile) notes = g_file_new_for_path (path);
  GRand *rand = g_rand_new_with_seed (1);
  guint saved = 0;     /* the last state reported saved */
  guint kills = 0;
  guint new_states = 0;
  guint total_saves = 0;
  guint target = g_test_slow () ? 5000 : 1000;
  guint min_kills = 50;

  guint scale = 1;

  /* Under valgrind (meson test --setup valgrind) saves take a hundred
   * times longer: the same checks, fewer and longer rounds. */
  if (g_getenv ("DOSSIER_VALGRIND"))
    {
      target = 20;
      min_kills = 5;
      scale = 20;
    }

  g_unlink (path);
  g_unlink (bak);

  while (total_saves < target || kills < min_kills)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(DossierDocument) document = text_document ();
      g_autoptr(DossierDocument) backup = text_document ();
      g_autoptr(GFile) bak_file = g_file_new_for_path (bak);
      g_autoptr(GDataInputStream) out = NULL;
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      guint reported = saved;
      guint found;
      char *line;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                self_path, "--save-loop", path, NULL);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

      /* One kill in four during start-up and load; the others once the
       * child saves, at a random moment of its writes (however slow a
       * sanitizer or valgrind makes the start). */
      if (kills % 4 != 0)
        while ((line = g_data_input_stream_read_line (out, NULL, NULL, NULL)))
          {
            gboolean ready = g_str_equal (line, "@ready");

            g_ptr_array_add (lines, line);
            if (ready)
              break;
          }
      g_usleep (g_rand_int_range (rand, 0, 60000) * scale);
      g_subprocess_send_signal (child, SIGKILL);
      while ((line = g_data_input_stream_read_line (out, NULL, NULL, NULL)))
        g_ptr_array_add (lines, line);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (g_subprocess_get_if_exited (child));
      kills++;
      g_assert_cmpuint (kills, <, 50 * target);

      for (guint i = 0; i < lines->len; i++)
        if (g_str_has_prefix (g_ptr_array_index (lines, i), "@saved "))
          {
            guint k = (guint)g_ascii_strtoull ((char *)g_ptr_array_index (lines, i) + 7, NULL, 10);

            g_assert_cmpuint (k, ==, reported + 1);
            reported = k;
            total_saves++;
          }

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          /* Killed before its first save ever finished. */
          g_assert_cmpuint (reported, ==, 0);
          continue;
        }

      g_assert_true (dossier_document_load (document, notes, NULL, &error));
      g_assert_no_error (error);
      found = check_state (document);
      /* Old (reported) or new (the save under way when killed). */
      g_assert_true (found == reported || found == reported + 1);
      if (found == reported + 1)
        new_states++;
      saved = found;

      if (g_file_test (bak, G_FILE_TEST_EXISTS))
        {
          g_assert_true (dossier_document_load (backup, bak_file, NULL, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (check_state (backup), <=, found);
        }
    }

  /* What killed writers left half written is cleared by the next save,
   * once it is a minute old; nothing else is touched. */
  {
    g_autoptr(DossierDocument) document = text_document ();
    g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
    g_autoptr(GError) error = NULL;
    const char *name;
    guint litter = 0;

    while ((name = g_dir_read_name (folder)))
      if (!g_str_equal (name, "crash.json") && !g_str_equal (name, "crash.json.bak"))
        {
          g_autofree char *stale = g_build_filename (dir, name, NULL);
          struct utimbuf old = { time (NULL) - 120, time (NULL) - 120 };

          g_assert_cmpint (utime (stale, &old), ==, 0);
          litter++;
        }
    g_test_message ("%u temporary files left by the kills", litter);
    g_dir_close (g_steal_pointer (&folder));

    g_assert_true (dossier_document_load (document, notes, NULL, &error));
    dossier_document_set_notes (document, "after the crashes");
    g_assert_true (dossier_document_save (document, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (no_leftovers (dir, "crash.json"));
  }

  g_test_message ("%u kills during %u saves; %u kills left the state being written, "
                  "the others the last one reported; state %u at the end",
                  kills, total_saves, new_states, saved);
  g_assert_cmpuint (total_saves, >=, target);
  g_rand_free (rand);
}

int
main (int    argc,
      char **argv)
{
  self_path = argv[0];
  if (argc == 3 && g_str_equal (argv[1], "--save-loop"))
    {
      council_path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures", "notes",
                                       "council.txt", NULL);
      return save_loop (argv[2]);
    }

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  council_path = g_test_build_filename (G_TEST_DIST, "fixtures", "notes", "council.txt", NULL);

  g_test_add_func ("/dossier/notes-faults/disk-full", test_disk_full);
  if (g_getenv ("DOSSIER_CLI"))
    {
      g_test_add_func ("/dossier/notes-faults/cli-while-unsaved", test_cli_while_unsaved);
      g_test_add_func ("/dossier/notes-faults/idle-merge", test_idle_merge);
      g_test_add_func ("/dossier/notes-faults/many-writers", test_many_writers);
    }
  g_test_add_func ("/dossier/notes-faults/merge-rules", test_merge_rules);
  g_test_add_func ("/dossier/notes-faults/crash-safety", test_crash_safety);

  return g_test_run ();
}
