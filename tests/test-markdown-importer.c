/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "dossier-article.h"
#include "dossier-error.h"
#include "dossier-importer.h"
#include "dossier-markdown-importer.h"

/* HOSTILE_TIME_SCALE stretches time limits for sanitizer and valgrind
 * runs (meson test --setup valgrind sets it). */
static gint64
time_limit (void)
{
  const char *scale = g_getenv ("HOSTILE_TIME_SCALE");
  double factor = scale ? g_ascii_strtod (scale, NULL) : 1.0;

  return (gint64)(2 * G_USEC_PER_SEC * (factor >= 1.0 ? factor : 1.0));
}

static DossierArticle *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "markdown", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  articles = dossier_importer_load_file (file, DOSSIER_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  g_assert_cmpstr (dossier_article_get_format (g_ptr_array_index (articles, 0)), ==, "markdown");

  return g_object_ref (g_ptr_array_index (articles, 0));
}

static void
assert_published (DossierArticle *article,
                  const char     *iso)
{
  g_autofree char *got = dossier_article_dup_published_iso (article);

  g_assert_cmpstr (got, ==, iso);
}

static void
test_front_matter (void)
{
  g_autoptr(DossierArticle) a = load_fixture ("with-front-matter.md");
  const char * const *authors = dossier_article_get_authors (a);

  g_assert_cmpstr (dossier_article_get_title (a), ==, "Harbour bridge reopens after two-year refit");
  g_assert_cmpstr (dossier_article_get_source (a), ==, "The Coastal Ledger");
  g_assert_cmpstr (dossier_article_get_url (a), ==, "https://ledger.example/harbour-bridge");
  g_assert_cmpstr (dossier_article_get_language (a), ==, "en");
  assert_published (a, "2024-03-14");
  g_assert_cmpuint (g_strv_length ((char **)authors), ==, 2);
  g_assert_cmpstr (authors[0], ==, "Mira Kowalczyk");
  g_assert_cmpstr (authors[1], ==, "Tomas Reyes");
  g_assert_cmpstr (dossier_article_get_text (a), ==,
    "The old harbour bridge reopened on Thursday after a two-year refit that cost the city "
    "40 million euros.\n\n"
    "\"It is better than new,\" said the city engineer, Ana Duarte.\n\n"
    "Traffic\n\n"
    "Cars return on Monday.\n\n"
    "Trucks wait until April.\n\n"
    "The bridge carries 30,000 vehicles a day.\n\n"
    "Figures from the city budget office.");
}

static void
test_no_front_matter (void)
{
  g_autoptr(DossierArticle) a = load_fixture ("no-front-matter.md");

  /* the leading "# heading" is the title, not a body paragraph */
  g_assert_cmpstr (dossier_article_get_title (a), ==, "Notes on the river survey");
  g_assert_null (dossier_article_get_source (a));
  assert_published (a, NULL);
  g_assert_cmpstr (dossier_article_get_text (a), ==,
    "Survey team\n\n"
    "We walked the river from the weir to the old mill on Saturday, counting kingfishers and "
    "checking the bank for erosion.\n\n"
    "Three kingfishers near the weir.\n\n"
    "A collapsed section of bank below the footbridge.\n\n"
    "count  place\n3      weir\n0      mill\n\n"
    "Next survey: the second weekend of April. See https://river.example/survey.");
}

static void
test_inline_authors (void)
{
  g_autoptr(DossierArticle) a = load_fixture ("inline-author.md");
  const char * const *authors = dossier_article_get_authors (a);

  g_assert_cmpstr (dossier_article_get_title (a), ==, "Quiet streets");
  g_assert_cmpstr (dossier_article_get_source (a), ==, "Town Weekly");
  assert_published (a, "2025-11-27");
  g_assert_cmpuint (g_strv_length ((char **)authors), ==, 2);
  g_assert_cmpstr (authors[0], ==, "Jane Doe");
  g_assert_cmpstr (authors[1], ==, "John Roe");
  g_assert_cmpstr (dossier_article_get_text (a), ==,
    "The high street was closed to cars for the whole of Sunday, for the first time.");
}

static void
test_sniff (void)
{
  const char plain[] = "Council meets on Tuesday\n\nThe council will meet on Tuesday - as usual - "
                       "to discuss the budget.\n";
  const char unclosed[] = "---\ntitle: never closed\n\nJust text.\n";

  const char kindle[] = "A Book (An Author)\n- Your Highlight on page 3 | Added on Monday\n\nFirst.\n==========\n"
                        "A Book (An Author)\n- Your Highlight on page 4 | Added on Monday\n\nSecond.\n==========\n"
                        "A Book (An Author)\n- Your Note on page 5 | Added on Monday\n\nThird.\n==========\n";

  g_assert_false (_dossier_markdown_importer_sniff (plain, sizeof plain - 1));
  g_assert_false (_dossier_markdown_importer_sniff (kindle, sizeof kindle - 1));
  g_assert_false (_dossier_markdown_importer_sniff (unclosed, sizeof unclosed - 1));
  g_assert_true (_dossier_markdown_importer_sniff ("# Title\n\nBody.\n", 15));
  g_assert_true (_dossier_markdown_importer_sniff ("---\ntitle: A\n---\nBody.\n", 23));
}

static void
test_inline_markup (void)
{
  const char md[] = "# T\n\nA [link](http://x.example/a_(b)) and ![img](i.png) and **bold _nested_** "
                    "and snake_case_word and 2 * 3 and \\*escaped\\* and <span>tags</span>.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierArticle) a = _dossier_markdown_importer_parse (md, sizeof md - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (dossier_article_get_text (a), ==,
    "A link and  and bold nested and snake_case_word and 2 * 3 and *escaped* and tags.");
}

static void
test_hostile (void)
{
  static const char * const runs[] = { "[", "`", "<a", "![", "[^", "**", "_", "\\" };

  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      GString *md = g_string_new ("# Hostile\n\n");
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierArticle) a = NULL;
      gint64 start;

      /* one paragraph of 300,000 openers that never close */
      for (guint i = 0; i < 300000; i++)
        g_string_append (md, runs[r]);
      g_string_append (md, " end\n");

      start = g_get_monotonic_time ();
      a = _dossier_markdown_importer_parse (md->str, md->len, &error);
      g_assert_cmpint (g_get_monotonic_time () - start, <, time_limit ());
      g_assert_no_error (error);
      g_assert_cmpstr (dossier_article_get_title (a), ==, "Hostile");
      g_string_free (md, TRUE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/markdown-importer/front-matter", test_front_matter);
  g_test_add_func ("/dossier/markdown-importer/no-front-matter", test_no_front_matter);
  g_test_add_func ("/dossier/markdown-importer/inline-authors", test_inline_authors);
  g_test_add_func ("/dossier/markdown-importer/sniff", test_sniff);
  g_test_add_func ("/dossier/markdown-importer/inline-markup", test_inline_markup);
  g_test_add_func ("/dossier/markdown-importer/hostile", test_hostile);

  return g_test_run ();
}
