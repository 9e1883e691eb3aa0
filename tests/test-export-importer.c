/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "dossier-article.h"
#include "dossier-error.h"
#include "dossier-export-importer.h"
#include "dossier-importer.h"

/* HOSTILE_TIME_SCALE stretches time limits for sanitizer and valgrind
 * runs (meson test --setup valgrind sets it). */
static gint64
time_limit (void)
{
  const char *scale = g_getenv ("HOSTILE_TIME_SCALE");
  double factor = scale ? g_ascii_strtod (scale, NULL) : 1.0;

  return (gint64)(2 * G_USEC_PER_SEC * (factor >= 1.0 ? factor : 1.0));
}

typedef struct
{
  const char *title;
  const char *source;
  const char *edition;
  const char *published;
  const char *page;
  const char *language;
  const char *dateline;
  const char *authors;   /* joined with "|" */
  const char *text_start;
  const char *text_end;
  guint       n_paragraphs;
} Expected;

static GPtrArray *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "exports", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GPtrArray *articles;

  articles = dossier_importer_load_file (file, DOSSIER_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);
  return articles;
}

static void
check (DossierArticle *a,
       const char     *format,
       const Expected *e)
{
  g_autofree char *published = dossier_article_dup_published_iso (a);
  g_autofree char *authors = NULL;
  const char * const *list = dossier_article_get_authors (a);
  const char *text = dossier_article_get_text (a);

  authors = list && list[0] ? g_strjoinv ("|", (char **)list) : NULL;

  g_assert_cmpstr (dossier_article_get_format (a), ==, format);
  g_assert_cmpstr (dossier_article_get_title (a), ==, e->title);
  g_assert_cmpstr (dossier_article_get_source (a), ==, e->source);
  g_assert_cmpstr (dossier_article_get_edition (a), ==, e->edition);
  g_assert_cmpstr (published, ==, e->published);
  g_assert_cmpstr (dossier_article_get_page (a), ==, e->page);
  g_assert_cmpstr (dossier_article_get_language (a), ==, e->language);
  g_assert_cmpstr (dossier_article_get_dateline (a), ==, e->dateline);
  g_assert_cmpstr (authors, ==, e->authors);
  g_assert_true (g_str_has_prefix (text, e->text_start));
  g_assert_true (g_str_has_suffix (text, e->text_end));
  g_assert_cmpuint (dossier_article_get_n_paragraphs (a), ==, e->n_paragraphs);
}

static void
test_proquest (void)
{
  static const Expected expected[] = {
    { "Port strike enters second week as talks stall", "The Harbour Times", "Late edition",
      "2025-02-14", "B4", "en", NULL, "Karin Lindqvist|Thabo Mbeki",
      "PORTSMOUTH -- Dock workers rejected a revised pay offer on Thursday, extending a strike",
      "at a cost that one logistics firm put at two million pounds a day.", 3 },
    { "Orchard growers count cost of hailstorm", "Valley Gazette", NULL, "2024-06-03", "7", "en",
      NULL, "Ana Ferreira",
      "A hailstorm that lasted less than ten minutes destroyed about a third of the apple crop",
      "across more than two hundred hectares of orchards.", 2 },
    { "Library fines abolished", "City Record", NULL, "2023-01-09", "A2", "en", NULL, NULL,
      "The city library service will no longer charge fines for late returns",
      "more books came back when fines were dropped.", 1 },
  };
  g_autoptr(GPtrArray) articles = load_fixture ("proquest-three.txt");

  g_assert_cmpuint (articles->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < articles->len; i++)
    check (g_ptr_array_index (articles, i), "proquest", &expected[i]);
  g_assert_cmpstr (dossier_article_get_url (g_ptr_array_index (articles, 0)), ==,
                   "https://www.proquest.example/docview/1001");
}

static void
test_proquest_fields_first (void)
{
  static const Expected expected[] = {
    { "Le tramway de la ville fête ses dix ans", "Le Courrier du Sud", NULL, "2024-09-17", "12",
      "fr", NULL, "Claire Dubois",
      "Le tramway de la ville a transporté plus de cent millions de voyageurs",
      "La direction du réseau prévoit deux nouvelles lignes d'ici à 2030.", 2 },
    { "Le marché couvert rouvre ses portes", "Le Courrier du Sud", NULL, "2024-10-05", "3",
      "fr", NULL, "Paul Martin|Inès Leroy",
      "Après deux ans de travaux, le marché couvert a rouvert samedi matin",
      "avec quarante-deux commerçants.", 1 },
  };
  g_autoptr(GPtrArray) articles = load_fixture ("proquest-fields-first.txt");

  g_assert_cmpuint (articles->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < articles->len; i++)
    check (g_ptr_array_index (articles, i), "proquest", &expected[i]);
}

static void
test_lexis (void)
{
  static const Expected expected[] = {
    { "Ferry service to the islands restored after storm", "The Evening Ledger", "Final Edition",
      "2022-03-04", "5", "en", "OBAN", "Margaret O'Neill|Sam Whitaker",
      "The ferry service to the islands resumed on Thursday after four days of cancellations",
      "the only shop on the smaller island ran out of bread and milk on Tuesday.", 2 },
    { "Teachers vote to accept new pay deal; Union says agreement ends two years of dispute",
      "Morning Chronicle (Dublin)", NULL, "2022-02-28", "11", "en", NULL, "Niamh Brennan",
      "Secondary school teachers have voted by a large majority to accept a new pay agreement,",
      "their union said on Sunday.", 1 },
    { "Editorial: A budget that pleases nobody", "Weekly Review", NULL, "2022-01-15", NULL, "en",
      NULL, NULL,
      "A budget that pleases nobody is sometimes a sign of fairness.", "This one is not.", 1 },
  };
  g_autoptr(GPtrArray) articles = load_fixture ("lexis-three.txt");

  g_assert_cmpuint (articles->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < articles->len; i++)
    check (g_ptr_array_index (articles, i), "lexisnexis", &expected[i]);
}

static void
test_lexis_with_request_header (void)
{
  static const Expected expected[] = {
    { "Council to plant a thousand street trees", "The Riverside Post", "Edition 2; Metro",
      "2024-06-08", "3", "en", NULL, "Julia Kovac",
      "The council will plant a thousand new street trees this autumn,",
      "Residents can nominate streets on the council website until the end of July.", 2 },
    { "Swimming pool to reopen after repairs", "The Riverside Post", NULL, "2024-06-09", NULL,
      "en", NULL, "Omar Haddad",
      "The public swimming pool on Mill Road will reopen on Monday",
      "after three months of repairs to its roof.", 1 },
  };
  g_autoptr(GPtrArray) articles = load_fixture ("lexis-two.txt");

  g_assert_cmpuint (articles->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < articles->len; i++)
    check (g_ptr_array_index (articles, i), "lexisnexis", &expected[i]);
}

static void
test_nexis_uni (void)
{
  static const Expected expected[] = {
    { "Wind farm plan approved despite objections", "The Lakeland Herald", "Edition 1; North",
      "2023-04-03", "9", NULL, "KENDAL", "Grace Whitfield",
      "Planning officers approved a twelve-turbine wind farm on the fells above the town on Friday,",
      "The developer said construction would begin next year.", 2 },
    { "Rail fares to rise by five percent", "The Lakeland Herald", NULL, "2023-04-05", NULL, "en",
      NULL, "Tom Ashworth|Lena Park",
      "Regional rail fares will rise by five percent from May, the operator said.",
      "the operator said.", 1 },
  };
  g_autoptr(GPtrArray) articles = load_fixture ("nexis-uni.txt");

  g_assert_cmpuint (articles->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < articles->len; i++)
    check (g_ptr_array_index (articles, i), "lexisnexis", &expected[i]);
}

static void
test_broken_headers (void)
{
  static const char *broken[] = {
    /* a document line and nothing else */
    "                               1 of 2 DOCUMENTS\n\n                               2 of 2 DOCUMENTS\n"
    "BYLINE: Nobody\nLENGTH: 3 words\n",
    /* fields without a body */
    "Document 1 of 1\n\nFull text:\n\nPublication title: Nowhere\n\nProQuest document ID: 1\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (broken[i], strlen (broken[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = NULL;
      gint64 start = g_get_monotonic_time ();

      articles = dossier_importer_load_bytes (bytes, "broken.txt", DOSSIER_IMPORT_NONE, &error);
      g_assert_cmpint (g_get_monotonic_time () - start, <, time_limit ());
      if (articles == NULL)
        g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NO_ARTICLE);
      else
        g_assert_cmpuint (articles->len, >=, 1);
    }
}

static void
test_dates (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "January 11, 2010 Monday", "2010-01-11" },
    { "Nov 27, 2025", "2025-11-27" },
    { "27 Nov 2025", "2025-11-27" },
    { "17 sept. 2024", "2024-09-17" },
    { "2024-10-05", "2024-10-05" },
    { "February 30, 2024", NULL },
    { "sometime", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) dt = _dossier_export_parse_date (cases[i].in);
      g_autofree char *iso = dt ? g_date_time_format (dt, "%Y-%m-%d") : NULL;

      g_assert_cmpstr (iso, ==, cases[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/export-importer/proquest", test_proquest);
  g_test_add_func ("/dossier/export-importer/proquest-fields-first", test_proquest_fields_first);
  g_test_add_func ("/dossier/export-importer/lexis", test_lexis);
  g_test_add_func ("/dossier/export-importer/lexis-request-header", test_lexis_with_request_header);
  g_test_add_func ("/dossier/export-importer/nexis-uni", test_nexis_uni);
  g_test_add_func ("/dossier/export-importer/broken-headers", test_broken_headers);
  g_test_add_func ("/dossier/export-importer/dates", test_dates);

  return g_test_run ();
}
