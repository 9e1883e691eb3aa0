/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <time.h>

#include "dossier-core.h"

/*
 * Benchmarks, run by `meson test --benchmark`:
 *   import    plain-text import (decode + structure) of a 50 MB clipping
 *   html      web-page import (parse + find the article) of a 5 MB page,
 *             as pages come (45 % scripts and styles) and all markup
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

/* A saved news page as they come: styles and scripts (45 % of the bytes;
 * on news sites they are often half of the page or more), a
 * navigation bar and a footer full of links, a sidebar of stories, the
 * article (paragraphs with links and emphasis, subheadings, quotes, lists,
 * figures), a long comment thread and related stories, and the state blob
 * a script framework leaves at the end. In proportion, @size bytes.
 * Without @scripts, all of it is markup: the densest a page gets. */
static GString *
make_page (gsize    size,
           gboolean scripts)
{
  GString *str = g_string_sized_new (size + 65536);
  gsize styles_size = scripts ? size * 12 / 100 : 0;
  gsize scripts_size = scripts ? size * 25 / 100 : 0;
  gsize article_size = size * (scripts ? 30 : 50) / 100;
  gsize comments_size = size * (scripts ? 12 : 25) / 100;
  gsize state_size = scripts ? size * 8 / 100 : 1024;
  guint i = 0;

  g_string_append (str,
                   "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                   "<title>Budget Talks Drag On | The Daily Example</title>\n"
                   "<meta property=\"og:title\" content=\"Budget Talks Drag On\">\n"
                   "<meta property=\"og:site_name\" content=\"The Daily Example\">\n"
                   "<meta name=\"author\" content=\"Laura Benedetti\">\n"
                   "<meta property=\"article:published_time\" content=\"2025-11-27T08:00:00Z\">\n"
                   "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                   "\"@type\":\"NewsArticle\",\"headline\":\"Budget Talks Drag On\","
                   "\"datePublished\":\"2025-11-27\"}</script>\n");
  g_string_append (str, "<style>\n");
  for (guint s = 0; str->len < styles_size; s++)
    g_string_append_printf (str, ".c%u,.c%u>a{margin:0 auto;padding:%upx %upx;font:400 1rem/1.5 sans-serif}"
                                 ".c%u a:hover,.c%u a:focus{color:#%06x;text-decoration:underline}\n"
                                 "@media (min-width:%upx){.c%u{display:grid;grid-template-columns:1fr %upx}}\n",
                            s, s, s % 24, s % 16, s, s, (s * 4099) & 0xffffff, 600 + s % 800, s, 200 + s % 200);
  g_string_append (str, "</style>\n");
  for (guint s = 0; str->len < styles_size + scripts_size; s++)
    {
      g_string_append (str, "<script>\n");
      for (guint j = 0; j < 200; j++)
        g_string_append_printf (str, "function m%u_%u(e,t){var n=e&&e.length>%u?e.slice(0,%u):e;"
                                     "if(t<n.length&&n[t]!==void 0){return n[t]}"
                                     "return window.__m%u?window.__m%u(e,t):null}\n",
                                s, j, j, j, s, j);
      g_string_append (str, "</script>\n");
    }
  g_string_append (str, "</head>\n<body class=\"site\">\n"
                        "<header class=\"site-header\"><nav class=\"main-menu\"><ul>\n");
  for (guint n = 0; n < 300; n++)
    g_string_append_printf (str, "<li class=\"menu-item\"><a href=\"/section/%u\">Section %u</a>"
                                 "<ul class=\"sub-menu\"><li><a href=\"/section/%u/a\">World</a></li>"
                                 "<li><a href=\"/section/%u/b\">Politics</a></li></ul></li>\n",
                            n, n, n, n);
  g_string_append (str, "</ul></nav></header>\n<div class=\"layout\">\n"
                        "<aside class=\"sidebar\"><h3>Most read</h3><ul>\n");
  for (guint n = 0; n < 400; n++)
    g_string_append_printf (str, "<li><a href=\"/story/%u\"><img src=\"/t/%u.jpg\" alt=\"\">"
                                 "Story number %u about the economy</a> <span class=\"date\">Nov. %u</span></li>\n",
                            n, n, n, 1 + n % 28);
  g_string_append (str, "</ul></aside>\n<main id=\"content\"><article class=\"post\">\n"
                        "<h1 class=\"headline\">Budget Talks Drag On</h1>\n"
                        "<p class=\"byline\">By <a rel=\"author\" href=\"/by/lb\">Laura Benedetti</a></p>\n"
                        "<div class=\"entry-content\">\n");
  article_size += str->len;
  while (str->len < article_size)
    {
      switch (i % 16)
        {
        case 5:
          g_string_append_printf (str, "<h2>Part %u of the story</h2>\n", i);
          break;
        case 9:
          g_string_append_printf (str, "<blockquote><p>%s %s</p></blockquote>\n",
                                  sentences[i % G_N_ELEMENTS (sentences)],
                                  sentences[(i + 1) % G_N_ELEMENTS (sentences)]);
          break;
        case 12:
          g_string_append_printf (str, "<figure><img src=\"/img/%u.jpg\" alt=\"A photo\">"
                                       "<figcaption>Delegates arrive for round %u. "
                                       "<span class=\"credit\">Photo: Agency</span></figcaption></figure>\n",
                                  i, i);
          break;
        case 14:
          g_string_append (str, "<ul>");
          for (guint j = 0; j < 4; j++)
            g_string_append_printf (str, "<li>%s</li>", sentences[(i + j) % G_N_ELEMENTS (sentences)]);
          g_string_append (str, "</ul>\n");
          break;
        default:
          g_string_append (str, "<p>");
          for (guint j = 0; j < 5; j++)
            {
              const char *s = sentences[(i + j) % G_N_ELEMENTS (sentences)];

              if (j == 1)
                g_string_append_printf (str, "<a href=\"/topic/%u\">%s</a> ", i, s);
              else if (j == 3)
                g_string_append_printf (str, "<em>%s</em> ", s);
              else
                {
                  g_string_append (str, s);
                  g_string_append_c (str, ' ');
                }
            }
          g_string_append (str, "</p>\n");
          break;
        }
      i++;
    }
  g_string_append (str, "</div>\n<div class=\"share-bar\"><a href=\"#\">Share</a> "
                        "<a href=\"#\">Tweet</a></div>\n</article>\n"
                        "<section id=\"comments\" class=\"comments\"><h2>Comments</h2>\n");
  while (str->len < article_size + comments_size)
    {
      g_string_append_printf (str, "<div class=\"comment\" id=\"c%u\"><div class=\"comment-meta\">"
                                   "<a class=\"comment-author\" href=\"/u/%u\">reader%u</a> "
                                   "<time datetime=\"2025-11-27\">Nov. 27</time></div>"
                                   "<div class=\"comment-body\"><p>%s</p><p>%s</p></div>"
                                   "<a class=\"reply\" href=\"#c%u\">Reply</a></div>\n",
                              i, i, i, sentences[i % G_N_ELEMENTS (sentences)],
                              sentences[(i + 3) % G_N_ELEMENTS (sentences)], i);
      i++;
    }
  g_string_append (str, "</section></main>\n<aside class=\"related\"><h3>Related</h3>\n");
  while (str->len < size - state_size)
    {
      g_string_append_printf (str, "<div class=\"card\"><a href=\"/r/%u\"><img src=\"/r/%u.jpg\">"
                                   "<h4>Related story %u</h4></a><p class=\"teaser\">%s</p></div>\n",
                              i, i, i, sentences[i % G_N_ELEMENTS (sentences)]);
      i++;
    }
  g_string_append (str, "</aside></div>\n<script id=\"__STATE__\" type=\"application/json\">{\"stories\":[");
  for (guint n = 0; str->len < size - 1024; n++)
    g_string_append_printf (str, "{\"id\":%u,\"headline\":\"Story number %u\",\"url\":\"/story/%u\","
                                 "\"section\":\"world\",\"teaser\":\"%s\"},",
                            n, n, n, sentences[n % G_N_ELEMENTS (sentences)]);
  g_string_append (str, "{}]}</script>\n"
                        "<footer class=\"site-footer\"><p>&copy; 2025 The Daily Example. "
                        "<a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a></p></footer>\n"
                        "<script>document.querySelectorAll('a').forEach(function(a){a.rel='noopener'});</script>\n"
                        "</body></html>\n");

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
bench_html (gconstpointer data)
{
  gboolean scripts = GPOINTER_TO_INT (data);
  g_autoptr(GString) page = make_page (5 * 1000 * 1000, scripts);
  g_autoptr(GBytes) bytes = g_bytes_new (page->str, page->len);
  double best = G_MAXDOUBLE;

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = NULL;
      DossierArticle *article;
      const char *text;
      double start = cpu_seconds ();
      double elapsed;

      articles = dossier_importer_load_bytes (bytes, "bench.html", DOSSIER_IMPORT_NONE, &error);
      elapsed = cpu_seconds () - start;
      g_assert_no_error (error);
      g_assert_cmpuint (articles->len, ==, 1);

      /* Fast, and still right: the article, without the chrome. */
      article = g_ptr_array_index (articles, 0);
      text = dossier_article_get_text (article);
      g_assert_cmpstr (dossier_article_get_title (article), ==, "Budget Talks Drag On");
      g_assert_cmpuint (strlen (text), >, 1000 * 1000);
      g_assert_null (strstr (text, "Story number"));
      g_assert_null (strstr (text, "reader"));
      g_assert_null (strstr (text, "dataLayer"));
      best = MIN (best, elapsed);
    }

  g_print ("# benchmark import-html-%s5MB: %.1f MB/s (%.3f s of CPU)\n",
           scripts ? "" : "dense-", page->len / 1e6 / best, best);
}

/* A line of /proc/self/status, in bytes ("VmHWM", "VmRSS"), or 0. */
static gsize
status_bytes (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, key)) == NULL)
    return 0;

  return (gsize)g_ascii_strtoull (line + strlen (key) + 1, NULL, 10) * 1024;
}

static void
bench_analysis (void)
{
  g_autoptr(GString) text = make_clipping (20 * 1000 * 1000);
  g_autoptr(GDateTime) reference = g_date_time_new_utc (2025, 11, 27, 0, 0, 0);
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) timexes = NULL;
  double start;
  double elapsed;
  gsize before, peak;

  /* The peak is counted from here: reset the high-water mark (Linux). */
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
  before = status_bytes ("VmRSS:");

  start = cpu_seconds ();
  entities = dossier_entities_analyze (text->str, "en");
  timexes = dossier_timeline_analyze (text->str, reference);
  elapsed = cpu_seconds () - start;
  peak = status_bytes ("VmHWM:");

  g_print ("# benchmark analysis-20MB: %.1f MB/s (%.3f s of CPU; %u entities, %u timexes)\n",
           text->len / 1e6 / elapsed, elapsed, entities->len, timexes->len);
  /* Issue 5: at most 4x the input + 64 MB, the input included. */
  if (peak > before)
    g_print ("# benchmark analysis-20MB peak memory: %.0f MB with the %.0f MB input "
             "(the bound, 4x the input + 64 MB, is %.0f MB)\n",
             (peak - before + text->len) / 1e6, text->len / 1e6, (4 * text->len + 64e6) / 1e6);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dossier/bench/import", bench_import);
  g_test_add_data_func ("/dossier/bench/html", GINT_TO_POINTER (TRUE), bench_html);
  g_test_add_data_func ("/dossier/bench/html-dense", GINT_TO_POINTER (FALSE), bench_html);
  g_test_add_func ("/dossier/bench/analysis", bench_analysis);
  return g_test_run ();
}
