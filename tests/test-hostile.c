/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-core.h"
#include "dossier-export-importer.h"
#include "dossier-sentences.h"

/* Regression tests for what the hostile input catalogue (hostile.py) and
 * the fuzz targets found. */

/* A text without a sentence end used to be one sentence, copied into every
 * timeline entry it holds: quadratic time and memory. */
static void
test_sentences_bounded (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(GDateTime) reference = g_date_time_new_utc (2025, 11, 27, 0, 0, 0);
  g_autoptr(GPtrArray) timexes = NULL;
  guint covered = 0;
  glong length;

  for (guint i = 0; text->len < 200000; i++)
    g_string_append (text, i % 7 == 0 ? "Tuesday " : "tide turbine Orkney said the sea ");
  g_string_append (text, "€€€");
  length = g_utf8_strlen (text->str, -1);

  sentences = dossier_sentences_split (text->str);
  g_assert_cmpuint (sentences->len, >, 1);
  for (guint i = 0; i < sentences->len; i++)
    {
      DossierSentence *s = &g_array_index (sentences, DossierSentence, i);

      g_assert_cmpuint (s->end - s->start, <=, 2000);
      g_assert_cmpuint (s->start, >=, covered);
      g_assert_cmpuint (g_utf8_pointer_to_offset (text->str, text->str + s->byte_start), ==,
                        s->start);
      g_assert_cmpuint (g_utf8_pointer_to_offset (text->str, text->str + s->byte_end), ==,
                        s->end);
      g_assert_false (g_unichar_isspace (g_utf8_get_char (text->str + s->byte_start)));
      covered = s->end;
    }
  g_assert_cmpint (covered, ==, length);

  timexes = dossier_timeline_analyze (text->str, reference);
  g_assert_cmpuint (timexes->len, >, 100);
}

/* A run of 5,000 characters without a space is cut where the limit falls. */
static void
test_sentences_no_space (void)
{
  g_autofree char *text = g_strnfill (5000, 'a');
  g_autoptr(GArray) sentences = dossier_sentences_split (text);

  g_assert_cmpuint (sentences->len, ==, 3);
  g_assert_cmpuint (g_array_index (sentences, DossierSentence, 0).end, ==, 2000);
  g_assert_cmpuint (g_array_index (sentences, DossierSentence, 2).end, ==, 5000);
}

/* fuzz-exports: an empty "Publication title:" split into no parts, and
 * the first part (NULL) was stripped. */
static void
test_export_empty_publication (void)
{
  static const char text[] =
    "Document 1 of 1\n"
    "\n"
    "Harbour wall approved\n"
    "\n"
    "Title: Harbour wall approved\n"
    "\n"
    "Publication title: \n"
    "\n"
    "Source: \n"
    "\n"
    "Full text: The council voted seven to two on Tuesday.\n"
    "\n"
    "____________________________________________________________\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = _dossier_export_importer_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (articles);
  g_assert_cmpuint (articles->len, ==, 1);
  g_assert_cmpstr (dossier_article_get_title (g_ptr_array_index (articles, 0)), ==,
                   "Harbour wall approved");
  g_assert_null (dossier_article_get_source (g_ptr_array_index (articles, 0)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/hostile/sentences-bounded", test_sentences_bounded);
  g_test_add_func ("/dossier/hostile/sentences-no-space", test_sentences_no_space);
  g_test_add_func ("/dossier/hostile/export-empty-publication", test_export_empty_publication);

  return g_test_run ();
}
