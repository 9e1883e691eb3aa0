/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <time.h>

#include "dossier-core.h"

/*
 * Benchmarks, run by `meson test --benchmark`:
 *   import    plain-text import (decode + structure) of a 50 MB clipping
 *   analysis  entities + timeline over 20 MB of English news-like text
 * Each prints its throughput; the figures go in the README.
 */

static const char *sentences[] = {
  "The committee met on Tuesday in Brussels to discuss the budget for next year.",
  "Minister Laura Benedetti said the talks would continue until a deal was reached.",
  "Officials from the European Commission and NATO attended the meeting, according to a statement.",
  "Prices rose 3.2 percent in October, the fastest pace in two years, the agency said.",
  "Farmers in northern France protested for three days against the new trade rules.",
  "A spokesman for the White House declined to comment on Monday.",
  "The company, based in Oslo, plans to hire 400 workers by the end of 2026.",
  "Rain is expected over the weekend, and the festival may move indoors.",
};

static GString *
make_clipping (gsize size)
{
  GString *str = g_string_sized_new (size + 4096);
  guint i = 0;

  g_string_append (str, "Followers\n\nSearch this blog\n\nThursday, November 27, 2025\n\n"
                        "Budget Talks Drag On --- Ministers meet again as deadline nears\n\n");
  while (str->len < size)
    {
      for (guint j = 0; j < 4; j++, i++)
        {
          g_string_append (str, sentences[i % G_N_ELEMENTS (sentences)]);
          g_string_append_c (str, ' ');
        }
      g_string_append (str, "\n\n");
    }
  g_string_append (str, "\nNo comments:\n\nPost a Comment\n");

  return str;
}

/* CPU time of this thread: the figure that matters ("on one core"), and
 * steady when other processes load the machine, unlike wall time. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
bench_import (void)
{
  g_autoptr(GString) text = make_clipping (50 * 1000 * 1000);
  g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);
  double best = G_MAXDOUBLE;

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = NULL;
      double start = cpu_seconds ();
      double elapsed;

      articles = dossier_importer_load_bytes (bytes, "bench.txt", DOSSIER_IMPORT_NONE, &error);
      elapsed = cpu_seconds () - start;
      g_assert_no_error (error);
      g_assert_cmpuint (articles->len, ==, 1);
      g_assert_cmpuint (strlen (dossier_article_get_text (g_ptr_array_index (articles, 0))), >, 40 * 1000 * 1000);
      best = MIN (best, elapsed);
    }

  g_test_message ("import: %.1f MB in %.3f s = %.0f MB/s", text->len / 1e6, best, text->len / 1e6 / best);
  g_print ("# benchmark import-50MB: %.0f MB/s (%.3f s of CPU)\n", text->len / 1e6 / best, best);
}

static void
bench_analysis (void)
{
  g_autoptr(GString) text = make_clipping (20 * 1000 * 1000);
  g_autoptr(GDateTime) reference = g_date_time_new_utc (2025, 11, 27, 0, 0, 0);
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) timexes = NULL;
  double start = cpu_seconds ();
  double elapsed;

  entities = dossier_entities_analyze (text->str, "en");
  timexes = dossier_timeline_analyze (text->str, reference);
  elapsed = cpu_seconds () - start;

  g_print ("# benchmark analysis-20MB: %.1f MB/s (%.3f s of CPU; %u entities, %u timexes)\n",
           text->len / 1e6 / elapsed, elapsed, entities->len, timexes->len);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dossier/bench/import", bench_import);
  g_test_add_func ("/dossier/bench/analysis", bench_analysis);
  return g_test_run ();
}
