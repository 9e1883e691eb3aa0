/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "dossier-article.h"
#include "dossier-error.h"
#include "dossier-html-importer.h"
#include "dossier-importer.h"

/* Every hostile case must finish well within this; HOSTILE_TIME_SCALE
 * stretches it for sanitizer and valgrind builds. */
#define TIME_LIMIT (time_limit ())

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
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "html", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  articles = dossier_importer_load_file (file, DOSSIER_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (articles);
  g_assert_cmpuint (articles->len, ==, 1);

  return g_object_ref (g_ptr_array_index (articles, 0));
}

static GPtrArray *
load_string (const char  *data,
             gsize        length,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);

  return dossier_importer_load_bytes (bytes, "test.html", DOSSIER_IMPORT_NONE, error);
}

static void
assert_authors (DossierArticle *article,
                const char     *first,
                ...)
{
  const char * const *authors = dossier_article_get_authors (article);
  const char *want = first;
  va_list args;
  guint i = 0;

  va_start (args, first);
  for (; want != NULL; want = va_arg (args, const char *), i++)
    {
      g_assert_nonnull (authors);
      g_assert_cmpstr (authors[i], ==, want);
    }
  va_end (args);

  g_assert_true (authors == NULL || authors[i] == NULL);
}

static void
assert_published (DossierArticle *article,
                  const char     *iso)
{
  g_autofree char *got = dossier_article_dup_published_iso (article);

  g_assert_cmpstr (got, ==, iso);
}

static void
assert_absent (DossierArticle *article,
               const char     *chrome)
{
  const char *text = dossier_article_get_text (article);

  if (strstr (text, chrome))
    g_error ("“%s” should not be in the text:\n%s", chrome, text);
}

static void
test_blog (void)
{
  g_autoptr(DossierArticle) a = load_fixture ("blog.html");

  g_assert_cmpstr (dossier_article_get_format (a), ==, "html");
  g_assert_cmpstr (dossier_article_get_title (a), ==,
                   "Notes from the allotment: the year the beans failed");
  g_assert_cmpstr (dossier_article_get_subtitle (a), ==,
                   "A wet spring, a late frost and what I learned from a poor harvest.");
  g_assert_cmpstr (dossier_article_get_language (a), ==, "en");
  assert_authors (a, "Hannah Okafor", NULL);
  assert_published (a, NULL);
  g_assert_cmpstr (dossier_article_get_text (a), ==,
    "The runner beans went in on the second weekend of May, as they always do, and for three "
    "weeks nothing happened at all. The soil stayed cold, the slugs came out every evening, and "
    "the seedlings that did appear were pale and thin.\n\n"
    "Then, on the first of June, a late frost settled over the valley. By the morning, half of "
    "the plot was black. The neighbours lost their courgettes, their squash and most of their "
    "tomatoes, and the allotment society cancelled its summer show for the first time in twenty "
    "years.\n\n"
    "What went wrong\n\n"
    "Looking back, the problem was not the frost alone. The beds had been dug too early, the "
    "compost was still raw, and I had sown everything in a single week instead of spreading it "
    "out over a month, which left nothing in reserve.\n\n"
    "Sow in three batches, two weeks apart.\n\n"
    "Keep fleece on the plot until the middle of June.\n\n"
    "Leave the compost another winter before using it.\n\n"
    "A garden teaches patience, whether you want the lesson or not.\n\n"
    "Next year the beans will go in later, the fleece will stay on longer, and I will keep a "
    "notebook, which is how this blog began in the first place.");
  g_assert_null (g_object_get_data (G_OBJECT (a), DOSSIER_IMPORT_NOTE_KEY));
}

static void
test_newspaper_json_ld (void)
{
  g_autoptr(DossierArticle) a = load_fixture ("newspaper-jsonld.html");
  const char *text;

  g_assert_cmpstr (dossier_article_get_title (a), ==, "Council approves tram extension to the airport");
  g_assert_cmpstr (dossier_article_get_subtitle (a), ==,
                   "A 6.4-kilometre line will link the city centre with the terminal by 2029");
  g_assert_cmpstr (dossier_article_get_source (a), ==, "The Northern Courier");
  g_assert_cmpstr (dossier_article_get_language (a), ==, "en-GB");
  g_assert_cmpstr (dossier_article_get_url (a), ==,
                   "https://courier.example/news/2024/05/07/tram-extension");
  assert_authors (a, "Priya Raman", "Daniel Eriksen", NULL);
  /* JSON-LD wins over article:published_time, and the date is the one
   * written, not converted to UTC (23:30 UTC on the 6th). */
  assert_published (a, "2024-05-07");

  text = dossier_article_get_text (a);
  g_assert_true (g_str_has_suffix (text,
    "Construction is due to start next spring, once the government confirms its share of the "
    "funding."));
  g_assert_nonnull (strstr (text,
    "\n\nThe city council voted on Monday evening to extend the tram network to the airport, "
    "ending a decade of argument over how passengers should reach the terminal.\n\n"));
  /* figure captions stay */
  g_assert_nonnull (strstr (text, "\n\nA tram at the Market Street terminus. The new line will start here.\n\n"));
  assert_absent (a, "Related stories");
  assert_absent (a, "Bus fares");
  assert_absent (a, "Privacy policy");
  assert_absent (a, "Sport");
  assert_absent (a, "By Priya Raman");
  g_assert_cmpuint (dossier_article_get_n_paragraphs (a), ==, 6);
}

static void
test_comments_and_share_bars (void)
{
  g_autoptr(DossierArticle) a = load_fixture ("comments-share.html");

  g_assert_cmpstr (dossier_article_get_title (a), ==, "Why the village bakery still opens at five");
  assert_authors (a, "Lukas Brenner", NULL);
  assert_published (a, "2023-11-02");
  g_assert_cmpuint (dossier_article_get_n_paragraphs (a), ==, 4);
  g_assert_true (g_str_has_prefix (dossier_article_get_text (a),
    "Every morning at five, long before the first bus, the lights come on at the bakery on Mill "
    "Lane. Elsa Marr has kept these hours for thirty-one years, and she sees no reason to change "
    "them now.\n\n"));
  g_assert_true (g_str_has_suffix (dossier_article_get_text (a),
    "\"People think a bakery is about bread,\" Marr said. \"It is really about being open when "
    "nobody else is.\""));
  assert_absent (a, "Share");
  assert_absent (a, "Facebook");
  assert_absent (a, "Advertisement");
  assert_absent (a, "Comments");
  assert_absent (a, "Best buns");
  assert_absent (a, "Post comment");
}

static void
test_chrome_and_hidden_nodes (void)
{
  g_autoptr(DossierArticle) a = load_fixture ("chrome-heavy.html");

  /* the site name is cut from <title> */
  g_assert_cmpstr (dossier_article_get_title (a), ==, "Stadtwerke senken den Strompreis zum Jahreswechsel");
  g_assert_cmpstr (dossier_article_get_language (a), ==, "de");
  assert_authors (a, "Jonas Albrecht", NULL);
  assert_published (a, "2025-12-15");
  g_assert_cmpstr (dossier_article_get_text (a), ==,
    "Die Stadtwerke senken zum ersten Januar den Strompreis für Haushaltskunden um "
    "durchschnittlich acht Prozent. Das teilte der Versorger am Montag mit, nachdem die "
    "Einkaufspreise an der Börse seit dem Sommer deutlich gefallen sind.\n\n"
    "Für einen Haushalt mit einem Verbrauch von 2500 Kilowattstunden im Jahr bedeutet das eine "
    "Ersparnis von rund 70 Euro. Der Grundpreis bleibt unverändert, der Arbeitspreis sinkt von "
    "34 auf 31 Cent je Kilowattstunde.\n\n"
    "Kunden müssen nichts unternehmen, die neuen Preise gelten automatisch. Wer einen "
    "Sondervertrag hat, erhält in den nächsten Wochen ein eigenes Schreiben mit den neuen "
    "Konditionen.");
}

static void
test_rtl (void)
{
  g_autoptr(DossierArticle) a = load_fixture ("rtl-arabic.html");

  g_assert_cmpstr (dossier_article_get_title (a), ==, "افتتاح مكتبة عامة جديدة في وسط المدينة");
  g_assert_cmpstr (dossier_article_get_language (a), ==, "ar");
  g_assert_cmpstr (g_object_get_data (G_OBJECT (a), DOSSIER_IMPORT_DIRECTION_KEY), ==, "rtl");
  assert_authors (a, "ليلى حداد", NULL);
  assert_published (a, "2024-09-21");
  g_assert_cmpuint (dossier_article_get_n_paragraphs (a), ==, 3);
  g_assert_true (g_str_has_prefix (dossier_article_get_text (a), "افتتحت البلدية يوم السبت"));
  assert_absent (a, "الرئيسية");
  assert_absent (a, "جميع الحقوق محفوظة");
}

static void
test_legacy_charset (void)
{
  g_autoptr(DossierArticle) a = load_fixture ("legacy-1252.html");

  g_assert_cmpstr (dossier_article_get_title (a), ==, "Les vendanges commencent tôt cette année");
  g_assert_true (g_str_has_suffix (dossier_article_get_text (a),
    "« Nous n’avons jamais commencé aussi tôt », explique une viticultrice installée depuis "
    "vingt ans près du village. Les rendements devraient toutefois rester proches de ceux de "
    "l’an dernier, selon la coopérative."));
}

static DossierArticle *
load_encoded (const char *utf8_page,
              const char *charset)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  gsize length = 0;

  if (charset)
    bytes = g_convert (utf8_page, -1, charset, "UTF-8", NULL, &length, &error);
  else
    bytes = g_strdup (utf8_page), length = strlen (utf8_page);
  g_assert_no_error (error);

  articles = load_string (bytes, length, &error);
  g_assert_no_error (error);
  return g_object_ref (g_ptr_array_index (articles, 0));
}

static void
test_charsets (void)
{
  const char *japanese =
    "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
    "<title>港の新しい橋が開通</title></head><body><div class=\"article\">"
    "<p>市は土曜日、港にかかる新しい橋の開通式を行った。橋の長さは三百メートルで、工事には二年かかった。</p>"
    "</div></body></html>";
  const char *russian =
    "<html><head><title>Новый мост через реку открыт</title></head><body><div>"
    "<p>В субботу в городе открыли новый мост через реку. Его строили два года, и теперь жители "
    "северных районов смогут добраться до центра за десять минут вместо сорока.</p>"
    "<p>Мэр города сказал, что это самый важный проект последних лет для всего региона.</p>"
    "</div></body></html>";
  const char *mislabelled =
    "<html><head><meta charset=\"gb2312\"><title>Ąžuolų alėja atnaujinta</title></head>"
    "<body><p>Miesto parke atnaujinta ąžuolų alėja: pasodinta dvidešimt naujų medžių.</p></body></html>";
  g_autoptr(DossierArticle) ja = load_encoded (japanese, "SHIFT_JIS");
  g_autoptr(DossierArticle) ru = load_encoded (russian, "WINDOWS-1251");
  g_autoptr(DossierArticle) lt = load_encoded (mislabelled, NULL);

  /* declared */
  g_assert_cmpstr (dossier_article_get_title (ja), ==, "港の新しい橋が開通");
  g_assert_true (g_str_has_prefix (dossier_article_get_text (ja), "市は土曜日、港にかかる新しい橋"));
  /* undeclared: guessed */
  g_assert_cmpstr (dossier_article_get_title (ru), ==, "Новый мост через реку открыт");
  /* valid UTF-8 under a legacy label: UTF-8 wins */
  g_assert_cmpstr (dossier_article_get_title (lt), ==, "Ąžuolų alėja atnaujinta");
}

static void
test_damaged_legacy (void)
{
  const char page[] = "<html><head><meta charset=\"shift_jis\"><title>T</title></head><body><p>"
                      "abc \x82\xa0 \xff\xfe def \x82</p></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = load_string (page, sizeof page - 1, &error);
  const char *text;

  g_assert_no_error (error);
  text = dossier_article_get_text (g_ptr_array_index (articles, 0));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "abc あ"));
  g_assert_nonnull (strstr (text, "def"));
}

static void
test_mhtml (void)
{
  g_autoptr(DossierArticle) a = load_fixture ("saved-page.mhtml");

  g_assert_cmpstr (dossier_article_get_format (a), ==, "html");
  g_assert_cmpstr (dossier_article_get_title (a), ==, "Nieuwe fietsbrug over het kanaal geopend");
  g_assert_cmpstr (dossier_article_get_language (a), ==, "nl");
  g_assert_cmpstr (dossier_article_get_url (a), ==, "https://krant.example/regio/fietsbrug");
  assert_authors (a, "Sanne de Vries", NULL);
  g_assert_cmpstr (dossier_article_get_text (a), ==,
    "De nieuwe fietsbrug over het kanaal is zaterdagochtend officieel geopend door de wethouder. "
    "Fietsers uit de nieuwbouwwijk hoeven nu niet meer drie kilometer om te rijden naar het "
    "centrum.\n\n"
    "De brug is honderdtwintig meter lang en kan open draaien voor de scheepvaart. De bouw "
    "duurde achttien maanden en kostte ruim elf miljoen euro, iets meer dan begroot.");
}

static void
test_no_article (void)
{
  g_autoptr(DossierArticle) a = load_fixture ("no-article.html");

  g_assert_cmpstr (dossier_article_get_title (a), ==, "Welcome");
  g_assert_nonnull (strstr (dossier_article_get_text (a), "Site under construction."));
  g_assert_nonnull (g_object_get_data (G_OBJECT (a), DOSSIER_IMPORT_NOTE_KEY));
}

static void
test_empty_page (void)
{
  const char page[] = "<!DOCTYPE html><html><head><script>var x = 1;</script></head><body>"
                      "<div>   </div></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = load_string (page, sizeof page - 1, &error);

  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NO_ARTICLE);
  g_assert_null (articles);
}

static void
test_detection (void)
{
  const char fragment[] = "<p>A fragment of a page, saved without its head.</p>\n"
                          "<p>It has a second paragraph, too.</p>\n";
  const char doctype_late[] = "\n\n<!-- saved from url=(0014)about:internet -->\n"
                              "<!DOCTYPE html><html><body><p>Comment first.</p></body></html>";
  /* "<html><body><p>UTF-16 page</p></body></html>" in UTF-16LE */
  const char utf16[] = "\xff\xfe<\0h\0t\0m\0l\0>\0<\0b\0o\0d\0y\0>\0<\0p\0>\0U\0T\0F\0-\0"
                       "1\0" "6\0 \0p\0a\0g\0e\0<\0/\0p\0>\0<\0/\0b\0o\0d\0y\0>\0<\0/\0h\0t\0m\0l\0>\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;

  g_assert_true (_dossier_html_importer_sniff (fragment, sizeof fragment - 1));
  g_assert_false (_dossier_html_importer_sniff ("Plain text about <b>bold</b> claims.", 36));
  g_assert_false (_dossier_html_importer_sniff ("# Markdown\n\nText.", 17));

  a = load_string (fragment, sizeof fragment - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_article_get_format (g_ptr_array_index (a, 0)), ==, "html");
  g_assert_cmpstr (dossier_article_get_text (g_ptr_array_index (a, 0)), ==,
                   "A fragment of a page, saved without its head.\n\nIt has a second paragraph, too.");

  b = load_string (doctype_late, sizeof doctype_late - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_article_get_text (g_ptr_array_index (b, 0)), ==, "Comment first.");

  c = load_string (utf16, sizeof utf16 - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_article_get_format (g_ptr_array_index (c, 0)), ==, "html");
  g_assert_cmpstr (dossier_article_get_text (g_ptr_array_index (c, 0)), ==, "UTF-16 page");
}

/* ------------------------------------------------------------- hostile */

static void
test_deep_nesting (void)
{
  GString *page = g_string_new ("<html><body>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  gint64 start;

  for (guint i = 0; i < 100000; i++)
    g_string_append (page, "<div>");
  g_string_append (page, "The text at the bottom of a very deep page.");
  for (guint i = 0; i < 100000; i++)
    g_string_append (page, "</div>");
  g_string_append (page, "</body></html>");

  start = g_get_monotonic_time ();
  articles = load_string (page->str, page->len, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, TIME_LIMIT);
  g_test_message ("100,000-deep nesting: %.3f s", (g_get_monotonic_time () - start) / 1e6);

  g_assert_no_error (error);
  g_assert_cmpstr (dossier_article_get_text (g_ptr_array_index (articles, 0)), ==,
                   "The text at the bottom of a very deep page.");
  g_string_free (page, TRUE);
}

static void
test_deep_inline_nesting (void)
{
  GString *page = g_string_new ("<html><body><p>Start of the text.</p>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  gint64 start;

  /* never closed, every kind of element the parser auto-closes or not */
  for (guint i = 0; i < 20000; i++)
    g_string_append (page, "<b><i><span><table><tr><td><ul><li><a href=#>");
  g_string_append (page, "end");

  start = g_get_monotonic_time ();
  articles = load_string (page->str, page->len, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, TIME_LIMIT);
  g_assert_true (articles != NULL || g_error_matches (error, DOSSIER_ERROR, DOSSIER_ERROR_NO_ARTICLE));
  g_string_free (page, TRUE);
}

static void
test_million_attributes (void)
{
  GString *page = g_string_new ("<html><body><p ");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  gint64 start;

  for (guint i = 0; i < 1000000; i++)
    g_string_append_printf (page, "a%u=\"%u\" ", i, i);
  g_string_append (page, ">Hello from a paragraph with a million attributes.</p></body></html>");

  start = g_get_monotonic_time ();
  articles = load_string (page->str, page->len, &error);
  g_test_message ("a million attributes: %.3f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpint (g_get_monotonic_time () - start, <, TIME_LIMIT);

  g_assert_no_error (error);
  g_assert_cmpstr (dossier_article_get_text (g_ptr_array_index (articles, 0)), ==,
                   "Hello from a paragraph with a million attributes.");
  g_string_free (page, TRUE);
}

static void
test_truncated (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "html", "newspaper-jsonld.html", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  gint64 start;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  start = g_get_monotonic_time ();
  for (gsize cut = 1; cut < length; cut += 37)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = load_string (contents, cut, &error);

      if (articles == NULL)
        g_assert_true (error != NULL && error->domain == DOSSIER_ERROR);
      else
        g_assert_nonnull (dossier_article_get_text (g_ptr_array_index (articles, 0)));
    }
  g_assert_cmpint (g_get_monotonic_time () - start, <, TIME_LIMIT);

  /* cut in the middle of the body: the text so far is there */
  {
    g_autoptr(GError) error = NULL;
    const char *mid = strstr (contents, "Forty-one councillors");
    g_autoptr(GPtrArray) articles = load_string (contents, mid - contents, &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (dossier_article_get_text (g_ptr_array_index (articles, 0)),
                              "ending a decade of argument"));
  }
}

static void
test_xxe_and_billion_laughs (void)
{
  const char page[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE html [\n"
    "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
    "  <!ENTITY remote SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
    "  <!ENTITY lol \"lol\">\n"
    "  <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    "  <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    "  <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    "  <!ENTITY lol9 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    "]>\n"
    "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Entities</title></head>\n"
    "<body><p>Secret: &xxe; Remote: &remote; Laughs: &lol9; End of the paragraph.</p></body></html>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  const char *text;
  gint64 start = g_get_monotonic_time ();

  articles = load_string (page, sizeof page - 1, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, TIME_LIMIT);
  g_assert_no_error (error);

  text = dossier_article_get_text (g_ptr_array_index (articles, 0));
  g_assert_null (strstr (text, "root:"));
  g_assert_null (strstr (text, "lollol"));
  g_assert_null (strstr (text, "ENTITY"));
  g_assert_nonnull (strstr (text, "End of the paragraph."));
  g_assert_cmpuint (strlen (text), <, 200);
}

static void
test_hostile_json_ld (void)
{
  GString *page = g_string_new ("<html><head><script type=\"application/ld+json\">"
                                "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"author\":");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  gint64 start;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (page, '[');
  g_string_append (page, "</script></head><body><p>Text after hostile JSON-LD, long enough to count.</p></body></html>");

  start = g_get_monotonic_time ();
  articles = load_string (page->str, page->len, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, TIME_LIMIT);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_article_get_text (g_ptr_array_index (articles, 0)), ==,
                   "Text after hostile JSON-LD, long enough to count.");
  g_string_free (page, TRUE);
}

static void
test_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 30; round++)
    {
      static const char * const pieces[] = {
        "<", ">", "</", "<p>", "<div class=\"", "\"", "'", "&", "&#", "&#x110000;", "<script>",
        "</script>", "<!--", "-->", "<![CDATA[", "]]>", "<br>", "<table>", "<td>", "text ",
        "=", " ", "\n", "\xc3\xa9", "\xff", "<meta charset=\"", "shift_jis", "<?xml", "?>",
      };
      GString *page = g_string_new ("<html>");
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = NULL;
      gint64 start;

      for (guint i = 0; i < 2000; i++)
        g_string_append (page, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      start = g_get_monotonic_time ();
      articles = load_string (page->str, page->len, &error);
      g_assert_cmpint (g_get_monotonic_time () - start, <, TIME_LIMIT);
      g_assert_true (articles != NULL || (error && error->domain == DOSSIER_ERROR));
      g_string_free (page, TRUE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/html-importer/blog", test_blog);
  g_test_add_func ("/dossier/html-importer/newspaper-json-ld", test_newspaper_json_ld);
  g_test_add_func ("/dossier/html-importer/comments-and-share-bars", test_comments_and_share_bars);
  g_test_add_func ("/dossier/html-importer/chrome-and-hidden-nodes", test_chrome_and_hidden_nodes);
  g_test_add_func ("/dossier/html-importer/rtl", test_rtl);
  g_test_add_func ("/dossier/html-importer/legacy-charset", test_legacy_charset);
  g_test_add_func ("/dossier/html-importer/charsets", test_charsets);
  g_test_add_func ("/dossier/html-importer/damaged-legacy", test_damaged_legacy);
  g_test_add_func ("/dossier/html-importer/mhtml", test_mhtml);
  g_test_add_func ("/dossier/html-importer/no-article", test_no_article);
  g_test_add_func ("/dossier/html-importer/empty-page", test_empty_page);
  g_test_add_func ("/dossier/html-importer/detection", test_detection);
  g_test_add_func ("/dossier/html-importer/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/dossier/html-importer/hostile/deep-inline-nesting", test_deep_inline_nesting);
  g_test_add_func ("/dossier/html-importer/hostile/million-attributes", test_million_attributes);
  g_test_add_func ("/dossier/html-importer/hostile/truncated", test_truncated);
  g_test_add_func ("/dossier/html-importer/hostile/xxe-billion-laughs", test_xxe_and_billion_laughs);
  g_test_add_func ("/dossier/html-importer/hostile/json-ld", test_hostile_json_ld);
  g_test_add_func ("/dossier/html-importer/hostile/garbage", test_garbage);

  return g_test_run ();
}
