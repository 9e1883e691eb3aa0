/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-core.h"
#include "dossier-text-date-private.h"
#include "dossier-text-importer.h"

/*
 * The plain-text importer on clippings written for these tests: blog pages
 * in ten languages, references, datelines, quoted bodies, legacy encodings.
 * Every case goes through dossier_importer_load_file() so decoding runs
 * too.
 */

typedef struct
{
  const char *file;
  const char *title;
  const char *subtitle;
  const char *source;
  const char *edition;
  const char *authors;     /* names joined with "|", NULL for none */
  const char *published;   /* YYYY-MM-DD, NULL for none */
  const char *page;
  const char *dateline;
  const char *language;
  guint       n_paragraphs;
  const char *body_start;
  const char *body_end;
  const char *absent[8];
  const char *url;
} ClippingCase;

static const ClippingCase cases[] = {
  {
    "blogger-lt.txt",
    "Uoste bus statomas naujas keleivių terminalas", NULL, NULL, NULL, NULL,
    "2024-03-05", NULL, NULL, "lt", 3,
    "Klaipėdos uosto direkcija antradienį paskelbė",
    "automobilių stovėjimo vietų ir dviračių takų.",
    { "Sekėjai", "Ieškoti", "Pajūrio užrašai", "Paskelbė", "Komentarų nėra",
      "Etiketės", "Prenumeruoti", "2024 m. kovo" },
  },
  {
    "blogger-pl.txt",
    "Nowy most w Giżycku otwarty dla ruchu", NULL, NULL, NULL, NULL,
    "2024-03-14", NULL, NULL, "pl", 3,
    "Po dwóch latach budowy nowy most",
    "połowę pokryły fundusze unijne.",
    { "Obserwatorzy", "Szukaj na tym blogu", "Opublikowany przez",
      "Brak komentarzy", "Etykiety", "Subskrybuj", "Notatki z Mazur" },
  },
  {
    "wordpress-de.txt",
    "Bibliothek verlängert Öffnungszeiten am Wochenende", NULL, NULL, NULL, NULL,
    "2023-02-03", NULL, NULL, "de", 3,
    "Die Stadtbibliothek öffnet ab März auch sonntags.",
    "einen Teil der Personalkosten.",
    { "Zum Inhalt springen", "Stadtgeflüster", "Veröffentlicht am", "Teilen mit",
      "Gefällt mir", "Ähnliche Beiträge", "Schreibe einen Kommentar", "Menu" },
  },
  {
    "blogger-fr.txt",
    "Les vélos en libre-service battent un record", NULL, NULL, NULL, NULL,
    "2025-01-09", NULL, NULL, "fr", 3,
    "Le réseau de vélos en libre-service",
    "par des vélos à assistance électrique.",
    { "Rechercher dans ce blog", "Abonnés", "Publié par", "Aucun commentaire",
      "Libellés", "S'abonner", "jeudi 9 janvier" },
  },
  {
    "wordpress-es.txt",
    "Inauguran un huerto urbano en el barrio de Triana", NULL, NULL, NULL, NULL,
    "2023-08-21", NULL, NULL, "es", 3,
    "Vecinos y voluntarios inauguraron el sábado",
    "para los colegios de la zona.",
    { "Saltar al contenido", "Crónicas del Sur", "Publicado el", "Compartir",
      "Me gusta", "Relacionado", "Deja una respuesta", "Buscar" },
  },
  {
    "blogger-ru.txt",
    "В Самаре открылся новый речной вокзал", NULL, NULL, NULL, NULL,
    "2024-03-07", NULL, NULL, "ru", 3,
    "В четверг в Самаре после реконструкции",
    "соединила вокзал с центральным парком.",
    { "Поиск по этому блогу", "Подписчики", "Автор:", "Комментариев нет",
      "Ярлыки", "Подписаться", "Заметки с Волги" },
  },
  {
    "wordpress-uk.txt",
    "Міська рада схвалила програму ремонту шкіл", NULL, NULL, NULL, NULL,
    "2023-11-12", NULL, NULL, "uk", 3,
    "Міська рада на сесії у вівторок",
    "не оновлювали з дев'яностих років.",
    { "Перейти до вмісту", "Вісті з Полтави", "Опубліковано", "Поділитися",
      "Подобається", "Пов’язане", "Залишити відповідь", "Меню" },
  },
  {
    "blogger-it.txt",
    "Riapre il mercato coperto dopo i lavori", NULL, NULL, NULL, NULL,
    "2024-06-06", NULL, NULL, "it", 3,
    "Il mercato coperto di via Ugo Bassi riapre",
    "verso i supermercati di periferia.",
    { "Cerca nel blog", "Lettori fissi", "Pubblicato da", "Nessun commento",
      "Etichette", "Iscriviti", "Diario da Bologna" },
  },
  {
    "blogger-pt.txt",
    "Biblioteca municipal recebe acervo de jornais antigos", NULL, NULL, NULL, NULL,
    "2024-07-04", NULL, NULL, "pt", 3,
    "A biblioteca municipal recebeu esta quinta-feira",
    "nas últimas décadas.",
    { "Pesquisar neste blog", "Seguidores", "Postado por", "Nenhum comentário",
      "Marcadores", "Assinar", "Crónicas de Coimbra" },
  },
  {
    /* the reference's date wins over the blog's date line */
    "blogger-en-citation.txt",
    "Harbor Town Votes to Rebuild Its Seawall",
    "A decade of storms left the old barrier cracked, and residents agreed to pay for a new one",
    "Daily Chronicle", "Late edition", "Jane Doe|Richard Roe",
    "2025-03-03", "B2", "SPRINGFIELD", "en", 3,
    "Voters in this coastal town approved a bond measure",
    "to last about three years.",
    { "Followers", "Search This Blog", "[1]", "Doe, Jane", "No comments",
      "“", "”", "Subscribe" },
  },
  {
    "byline-dateline.txt",
    "Grain Ships Leave Port as Corridor Reopens",
    "Insurers cut premiums after a month without attacks",
    NULL, NULL, "Maria Lopez|Tom Becker",
    NULL, NULL, "KYIV, Ukraine", "en", 3,
    "Three cargo ships loaded with wheat",
    "if the corridor stays open.",
    { "By Maria", "KYIV", "Insurers cut premiums after" },
  },
  {
    "source-line.txt",
    "Central Bank Holds Rates Steady", NULL, "Northern Ledger", NULL, NULL,
    "2024-05-12", NULL, "LONDON", "en", 3,
    "The central bank kept its main interest rate unchanged",
    "after the announcement.",
    { "Reuters", "Source:", "LONDON" },
  },
  {
    "quoted-fr.txt",
    "La ville plante mille arbres", NULL, NULL, NULL, NULL,
    NULL, NULL, "NANTES", "fr", 3,
    "La municipalité a lancé lundi",
    "dureront trois hivers.",
    { "NANTES", "hivers. »" },
  },
  {
    "quoted-de.txt",
    "Neue Radwege für die Innenstadt", NULL, NULL, NULL, NULL,
    "2025-11-27", NULL, NULL, "de", 3,
    "Die Stadt baut bis zum Sommer",
    "rund zwei Millionen Euro.",
    { "„", "“", "Donnerstag" },
  },
  {
    "crlf-wordpress-en.txt",
    "Library Opens a Tool Lending Shelf", NULL, NULL, NULL, NULL,
    "2024-06-02", NULL, NULL, "en", 3,
    "The public library now lends drills",
    "keep an item for one week.",
    { "\r", "Skip to content", "Riverside Notes", "Posted on", "Share this",
      "Like this", "Leave a Reply", "Your email address" },
  },
  {
    "plain-no-metadata.txt",
    NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, "en", 2,
    "The committee met on a rainy morning and heard from farmers who had lost most",
    "to the worst affected villages.",
    { "\n\n\n", "lost\nmost" },
  },
  {
    "plain-title.txt",
    "Night Trains Return to the Northern Line", NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, "en", 2,
    "After a pause of eleven years, overnight trains will again run between the capital",
    "refurbished in a local workshop.",
    { "Night Trains Return" },
  },
  {
    "footnotes-es.txt",
    "El río vuelve a su cauce", NULL, "Diario del Valle", NULL, NULL,
    "2024-05-03", NULL, NULL, "es", 2,
    "Las obras de restauración del río terminaron en abril y permitieron recuperar tres kilómetros de ribera para uso público.",
    "tardará dos años en recuperarse por completo.",
    { "[1]", "[2]", "[3]", "Fuente" },
  },
  {
    "blogger-lt-windows-1257.txt",
    "Šiaulių gatvėse įrengti nauji šviesoforai", NULL, NULL, NULL, NULL,
    "2023-12-01", NULL, NULL, "lt", 2,
    "Šiaulių savivaldybė penktadienį baigė įrengti",
    "vairuotojai skundžiasi rečiau.",
    { "Ieškoti", "Komentarų nėra", "penktadienis" },
  },
  {
    "blogger-ru-windows-1251.txt",
    "В Казани запустили новый трамвайный маршрут", NULL, NULL, NULL, NULL,
    "2023-12-01", NULL, NULL, "ru", 2,
    "В пятницу в Казани запустили",
    "трамваи местной сборки.",
    { "Поиск по этому блогу", "Комментариев нет", "пятница" },
  },
  {
    "blogger-pl-utf16.txt",
    "Schronisko w Beskidach znów przyjmuje turystów", NULL, NULL, NULL, NULL,
    "2023-12-02", NULL, NULL, "pl", 2,
    "Po rocznym remoncie schronisko",
    "będzie otwarte codziennie.",
    { "Szukaj na tym blogu", "Brak komentarzy", "sobota" },
  },
  {
    /* one paragraph per line, a dek on its own line, a numbered link */
    "dek-byline-reference.txt",
    "Ports Brace for a Busy Winter",
    "Shipping lines expect record traffic as the canal reopens",
    NULL, NULL, "Anna Berg",
    NULL, NULL, "HAMBURG", "en", 2,
    "Container lines are adding ships to their northern routes",
    "a fifth higher than a year earlier.",
    { "By Anna", "HAMBURG", "[1]", "https://" },
    "https://example.org/ports-winter",
  },
  {
    /* a Lithuanian blog quoting a German paper, „…“ around the body */
    "blogger-lt-quoting-de.txt",
    "Berlin plant neue Schuldenregel",
    "Die Koalition will Investitionen erleichtern, ohne die Haushaltsdisziplin aufzugeben",
    "Frankfurter Allgemeine Zeitung", NULL, "Hans Müller|Eva Schmidt",
    "2025-12-01", "3", "BERLIN", "de", 3,
    "Die Bundesregierung will die Schuldenregel lockern",
    "wenn sie in Klimaschutz investieren.",
    { "Sekėjai", "„Die", "[1]", "Müller, Hans", "Komentarų", "Rašyti", "BERLIN" },
  },
  {
    /* a Polish blog quoting an American paper, straight quotes, "[1]" */
    "blogger-pl-quoting-en.txt",
    "Factories Slow as Orders Fall", "Manufacturers cut shifts across the Midwest",
    "New York Times", "Late Edition (East Coast)", "John A Smith|Mary O'Neil",
    "2025-12-02", "B.1", "DETROIT", "en", 2,
    "Factory output fell for a third month in November",
    "reduced night shifts, managers said.",
    { "Obserwatorzy", "\"", "[1]", "Smith, John", "Brak komentarzy", "wtorek" },
  },
  {
    /* a news site: section label, byline, time stamp, agency footer */
    "news-site-en.txt",
    "Ukraine's Grain Exports Recover", NULL, NULL, NULL, "Jane Doe",
    "2025-11-27", NULL, "KYIV", "en", 2,
    "Ukraine's grain exports rose in November",
    "followed by corn and barley, the data showed.",
    { "World", "By Jane", "Updated", "Reuters", "Reporting by", "Our Standards" },
  },
  {
    /* a magazine reference with volume and issue, a numbered link */
    "magazine-references.txt",
    "Why Alliances Endure", NULL, "Quarterly Review of Affairs", NULL, "Jane Doe",
    "2025-11-29", "10-25", NULL, "en", 2,
    "Alliances survive because their members fear the alternative",
    "a voice they would never have alone.",
    { "[1]", "[2]", "Doe, Jane", "https://", "Vol." },
    "https://example.org/essay",
  },
  {
    /* the blog's own (Lithuanian) headline gives way to the quoted
     * article's headline from the reference */
    "blogger-lt-quoting-en.txt",
    "Harbor Town Votes to Rebuild Its Seawall",
    "A decade of storms left the old barrier cracked, and residents agreed to pay for a new one",
    "Daily Chronicle", "Late edition", "Jane Doe|Richard Roe",
    "2025-03-03", "B2", "SPRINGFIELD", "en", 3,
    "Voters in this coastal town approved a bond measure",
    "to last about three years.",
    { "Sekėjai", "Pajūrio miestelis", "[1]", "Doe, Jane", "Komentarų", "Prenumeruoti" },
  },
  {
    /* a wire dateline on a line of its own is no headline */
    "wire-dateline-line.txt",
    NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, "NAIROBI", "en", 2,
    "The city council approved a plan on Tuesday",
    "to begin in June, officials said.",
    { "NAIROBI", "(Wire)", "--" },
  },
  {
    /* no furniture: the date line stands under the headline */
    "title-above-date.txt",
    "Hospital Wing Opens in Kisumu", NULL, NULL, NULL, NULL,
    "2026-03-02", NULL, NULL, "en", 2,
    "A new maternity wing opened on Monday",
    "a regional development bank.",
    { "Monday, March 2", "Hospital Wing Opens" },
  },
  {
    /* the reference wrapped over two lines */
    "blogger-en-wrapped-reference.txt",
    "Harbor Town Votes to Rebuild Its Seawall",
    "A decade of storms left the old barrier cracked, and residents agreed to pay for a new one",
    "Daily Chronicle", "Late edition", "Jane Doe|Richard Roe",
    "2025-03-03", "B2", "SPRINGFIELD", "en", 3,
    "Voters in this coastal town approved a bond measure",
    "to last about three years.",
    { "Doe, Jane", "Richard.", "Daily Chronicle", "[1]" },
  },
  {
    /* hard-wrapped, paragraphs marked by a first-line indent */
    "indented-paragraphs.txt",
    "Old Mill Restored", NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, "en", 2,
    "The old mill on the river has been restored by volunteers after ten years",
    "a small museum opens next month.",
    { "  ", "volunteers\nafter" },
  },
  {
    /* Blogger's newer theme: share buttons on both sides, other posts below */
    "blogger-contempo-en.txt",
    "Orchard Growers Count the Cost of a Wet Autumn", NULL, NULL, NULL, NULL,
    "2025-11-12", NULL, NULL, "en", 3,
    "Apple growers in the valley lost about a third",
    "for low-interest loans.",
    { "Get link", "Pinterest", "Labels", "farming", "Popular posts", "Bridge",
      "thirty years", "Valley Notebook" },
  },
  {
    /* the blogger's own note under the reference stays, the reference goes */
    "blogger-lt-note-after-reference.txt",
    "Ports Brace for a Busy Winter", NULL, "Northern Shipping Gazette", NULL, "Anna Berg",
    "2025-12-02", "4", "HAMBURG", "en", 3,
    "Container lines are adding ships to their northern routes",
    "Mano pastaba: verta sekti, kaip tai paveiks Klaipėdos uostą.",
    { "Sekėjai", "[1]", "Berg, Anna", "Gazette", "“", "”", "Komentarų" },
  },
  {
    /* a blog's tagline (a sentence) above the furniture and the date */
    "blogger-en-tagline.txt",
    "Council Approves New Budget", NULL, NULL, NULL, NULL,
    "2025-10-03", NULL, NULL, "en", 2,
    "The city council approved a new budget on Thursday",
    "raise parking fees in the centre.",
    { "Harbour Ledger", "A blog about", "Search This Blog", "Posted by", "Labels" },
  },
};

static DossierArticle *
load_fixture (const char *name)
{
  const char *path = g_test_get_filename (G_TEST_DIST, "fixtures", "text", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  articles = dossier_importer_load_file (file, DOSSIER_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (articles);
  g_assert_cmpuint (articles->len, ==, 1);

  return g_object_ref (g_ptr_array_index (articles, 0));
}

static void
test_clipping (gconstpointer data)
{
  const ClippingCase *c = data;
  g_autoptr(DossierArticle) article = load_fixture (c->file);
  g_autofree char *authors = NULL;
  g_autofree char *published = NULL;
  const char *text;

  g_assert_cmpstr (dossier_article_get_title (article), ==, c->title);
  g_assert_cmpstr (dossier_article_get_subtitle (article), ==, c->subtitle);
  g_assert_cmpstr (dossier_article_get_source (article), ==, c->source);
  g_assert_cmpstr (dossier_article_get_edition (article), ==, c->edition);
  g_assert_cmpstr (dossier_article_get_page (article), ==, c->page);
  g_assert_cmpstr (dossier_article_get_dateline (article), ==, c->dateline);
  g_assert_cmpstr (dossier_article_get_language (article), ==, c->language);
  g_assert_cmpstr (dossier_article_get_format (article), ==, "text");
  g_assert_cmpstr (dossier_article_get_url (article), ==, c->url);

  authors = g_strjoinv ("|", (char **)dossier_article_get_authors (article));
  g_assert_cmpstr (*authors ? authors : NULL, ==, c->authors);

  published = dossier_article_dup_published_iso (article);
  if (published != NULL && strlen (published) > 10)
    published[10] = '\0';
  g_assert_cmpstr (published, ==, c->published);

  text = dossier_article_get_text (article);
  g_assert_true (g_str_has_prefix (text, c->body_start));
  g_assert_true (g_str_has_suffix (text, c->body_end));
  for (guint i = 0; i < G_N_ELEMENTS (c->absent) && c->absent[i] != NULL; i++)
    {
      if (strstr (text, c->absent[i]) != NULL)
        g_error ("%s: body holds “%s”", c->file, c->absent[i]);
    }
  g_assert_cmpuint (dossier_article_get_n_paragraphs (article), ==, c->n_paragraphs);

  /* no leading or trailing white space, one blank line between paragraphs */
  g_assert_false (g_ascii_isspace (text[0]));
  g_assert_false (g_ascii_isspace (text[strlen (text) - 1]));
  g_assert_null (strstr (text, "\n\n\n"));
}

static const struct {
  const char *line;
  const char *date;
} date_lines[] = {
  /* Lithuanian */
  { "2025 m. lapkričio 27 d., ketvirtadienis", "2025-11-27" },
  { "2024 m. sausio 3 d.", "2024-01-03" },
  { "Paskelbta 2023-06-15", "2023-06-15" },
  /* Polish */
  { "czwartek, 27 listopada 2025", "2025-11-27" },
  { "27 listopada 2025", "2025-11-27" },
  { "środa, 1 października 2025 r.", "2025-10-01" },
  /* German */
  { "Donnerstag, 27. November 2025", "2025-11-27" },
  { "Veröffentlicht am 3. März 2024 von Redaktion", "2024-03-03" },
  { "27.11.2025", "2025-11-27" },
  /* French */
  { "jeudi 27 novembre 2025", "2025-11-27" },
  { "Publié le 1 août 2024 à 10:15", "2024-08-01" },
  /* Spanish */
  { "jueves, 27 de noviembre de 2025", "2025-11-27" },
  { "Publicado el 5 de mayo de 2024 por admin", "2024-05-05" },
  /* Russian */
  { "четверг, 27 ноября 2025 г.", "2025-11-27" },
  { "Опубликовано 3 марта 2024", "2024-03-03" },
  /* Ukrainian */
  { "четвер, 27 листопада 2025 р.", "2025-11-27" },
  { "п’ятниця, 5 вересня 2025 р.", "2025-09-05" },
  /* Italian */
  { "giovedì 27 novembre 2025", "2025-11-27" },
  { "Pubblicato il 2 febbraio 2024", "2024-02-02" },
  /* Portuguese */
  { "quinta-feira, 27 de novembro de 2025", "2025-11-27" },
  { "Publicado em 9 de março de 2024", "2024-03-09" },
  /* English */
  { "Thursday, November 27, 2025", "2025-11-27" },
  { "Posted on Nov. 3, 2024 by Jane Doe", "2024-11-03" },
  { "2025-11-27", "2025-11-27" },
  { "27 Nov 2025", "2025-11-27" },
  { "2025-11-27T10:15:00Z", "2025-11-27" },
  { "Thursday 27th November 2025", "2025-11-27" },
  { "Nov 27, 2025 at 10:15 AM", "2025-11-27" },
  { "27 ноября 2025, 14:35", "2025-11-27" },
  { "lapkričio 27, 2025", "2025-11-27" },
  { "Updated: 27/11/2025", "2025-11-27" },
  { "2025 m. lapkričio mėn. 27 d.", "2025-11-27" },
  { "27 XI 2025", "2025-11-27" },
  { "1er décembre 2025", "2025-12-01" },
  { "27 ноября 2025 года", "2025-11-27" },
  { "27th of November, 2025", "2025-11-27" },
  /* not date lines */
  { "Thursday was a good day for the market", NULL },
  { "In 2025 the town grew by 3 percent", NULL },
  { "On Nov. 16 the plan was presented", NULL },
  { "27 November 2025 was the day the town voted for the wall", NULL },
  { "31 February 2025", NULL },
  { "Posted by Jane at 10:15", NULL },
  { "", NULL },
};

static void
test_date_lines (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_lines); i++)
    {
      g_autoptr(GDateTime) dt = _dossier_text_parse_date_line (date_lines[i].line, -1);
      g_autofree char *iso = dt ? g_date_time_format (dt, "%Y-%m-%d") : NULL;

      if (g_strcmp0 (iso, date_lines[i].date) != 0)
        g_error ("“%s”: got %s, want %s", date_lines[i].line, iso, date_lines[i].date);
      if (dt != NULL)
        {
          g_assert_cmpint (g_date_time_get_hour (dt), ==, 0);
          g_assert_cmpint (g_date_time_get_utc_offset (dt), ==, 0);
        }
    }
}

static DossierArticle *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  DossierArticle *article = _dossier_text_importer_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

static void
test_weird_input (void)
{
  const char *inputs[] = {
    "",
    "\n\n\n   \n\t\n",
    "\xc2\xa0\n\xc2\xa0\n",
    "x",
    "[1]",
    "“",
    "\"",
    "WASHINGTON --",
    "WASHINGTON -- ",
    "1. 27 Nov 2025: A1.",
    "Share\nFacebook\nTwitter\nNo comments:",
    "Title --- \n\nBody.",
    " --- ",
    "Sekėjai\n\n2025 m. lapkričio 27 d., ketvirtadienis\n\nKomentarų nėra:",
    "“Unclosed quote that goes on.\n\nAnd on.",
    "By\n\nBy Jane\n\nSource:\n\nSource: ,",
    "a-\nb-\n-\n-c",
    "[12345678901234567890]\n[\n]\n[[1]]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(DossierArticle) article = parse (inputs[i]);
      const char *text = dossier_article_get_text (article);
      gboolean visible = FALSE;

      for (const char *p = inputs[i]; *p; p++)
        visible |= !g_ascii_isspace (*p) && (guchar)*p != 0xC2 && (guchar)*p != 0xA0;

      /* text is never lost */
      if (visible)
        g_assert_cmpstr (text, !=, "");
    }
}

static void
test_large_input (void)
{
  g_autoptr(GString) s = g_string_new ("Followers\n\nSearch This Blog\n\n"
                                       "Thursday, November 27, 2025\n\n"
                                       "A Very Long Report\n\n");
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GDateTime) dt = NULL;
  const char *text;
  guint n;

  for (guint i = 0; i < 40000; i++)
    g_string_append (s, "The council met again on a cold morning and argued about the budget [2].\n"
                        "It adjourned without a vote.\n\n");
  g_string_append (s, "Posted by Jane at 10:15\n\nNo comments:\n");

  article = parse (s->str);
  text = dossier_article_get_text (article);
  g_assert_cmpstr (dossier_article_get_title (article), ==, "A Very Long Report");
  g_assert_true (g_str_has_prefix (text, "The council met again on a cold morning and argued about the budget. It adjourned"));
  g_assert_true (g_str_has_suffix (text, "It adjourned without a vote."));
  g_assert_null (strstr (text, "[2]"));
  n = dossier_article_get_n_paragraphs (article);
  g_assert_cmpuint (n, ==, 40000);
  dt = dossier_article_get_published (article) ? g_date_time_ref (dossier_article_get_published (article)) : NULL;
  g_assert_nonnull (dt);
}

static void
test_one_huge_line (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(DossierArticle) article = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append (s, "word ");
  article = parse (s->str);
  g_assert_null (dossier_article_get_title (article));
  g_assert_cmpuint (strlen (dossier_article_get_text (article)), ==, s->len - 1);
}

static void
test_many_short_lines (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(DossierArticle) article = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (s, "line %u\n", i);
  article = parse (s->str);
  g_assert_true (g_str_has_prefix (dossier_article_get_text (article), "line 0 line 1"));
  g_assert_true (g_str_has_suffix (dossier_article_get_text (article), "line 99999"));
}

/* The head and tail windows see only furniture and blank lines; the body
 * lies in the part between them that is not indexed, and must survive. */
static void
test_body_between_windows (void)
{
  g_autoptr(GString) s = g_string_new ("Share\n");
  g_autoptr(DossierArticle) article = NULL;
  const char *text;

  for (guint i = 0; i < 5000; i++)
    g_string_append_c (s, '\n');
  g_string_append (s, "First sentence of the body.");
  for (guint i = 0; i < 5000; i++)
    g_string_append (s, " More words of the same long paragraph follow here.");
  g_string_append (s, "\n\nLast sentence of the body.\n");
  for (guint i = 0; i < 2000; i++)
    g_string_append (s, "Share\n");

  article = parse (s->str);
  text = dossier_article_get_text (article);
  g_assert_true (g_str_has_prefix (text, "First sentence of the body."));
  g_assert_true (g_str_has_suffix (text, "Last sentence of the body."));
}

/* A reference straight under the last paragraph takes nothing with it. */
static void
test_reference_without_blank_line (void)
{
  g_autoptr(DossierArticle) article = NULL;
  const char *text =
    "Dockers Strike in Three Ports\n\n"
    "Dock workers walked out on Monday in a dispute over pay, halting container traffic.\n\n"
    "Talks are to resume on Friday, the union said.\n"
    "1. Dockers Strike in Three Ports. Berg, Anna.  Coastal Courier; Riga. 1 Dec 2025: 2.\n";

  article = parse (text);
  g_assert_cmpstr (dossier_article_get_source (article), ==, "Coastal Courier");
  g_assert_cmpstr (dossier_article_get_page (article), ==, "2");
  g_assert_true (g_str_has_suffix (dossier_article_get_text (article),
                                   "Talks are to resume on Friday, the union said."));
}

/* "Tag" is the Italian label for tags and the German word for day. */
static void
test_label_word_in_text (void)
{
  g_autoptr(DossierArticle) article = NULL;
  const char *text =
    "Reise nach Italien\n\n"
    "Wir sind am Montag in Verona angekommen und haben die Arena besucht.\n\n"
    "Tag 3 begann mit Regen in Verona\n\n"
    "Am Nachmittag fuhren wir weiter nach Bologna.\n\n"
    "Tag: viaggi\n";

  article = parse (text);
  g_assert_cmpstr (dossier_article_get_text (article), ==,
                   "Wir sind am Montag in Verona angekommen und haben die Arena besucht.\n\n"
                   "Tag 3 begann mit Regen in Verona\n\n"
                   "Am Nachmittag fuhren wir weiter nach Bologna.");

  /* a sentence that starts like a footer ("Powered by …") stays */
  g_clear_object (&article);
  article = parse ("Wind Farm Opens\n\nThe new wind farm opened on Monday near the coast.\n\n"
                   "Powered by wind alone, the turbines will light the whole town for most of the year.\n\n"
                   "Posted by Jane at 10:15\n\nNo comments:\n");
  g_assert_true (g_str_has_suffix (dossier_article_get_text (article),
                                   "light the whole town for most of the year."));
}

static void
test_paragraph_per_line (void)
{
  g_autoptr(DossierArticle) article = NULL;
  const char *text =
    "Ferry Service Expands\n"
    "The ferry company will add two crossings a day from April, it said on Monday, after a year in which the number of passengers grew by a quarter and the morning boats were often full.\n"
    "The new crossings will leave at seven and at nine in the evening, and the company is hiring twelve more crew members to run them through the summer season.\n";

  article = parse (text);
  g_assert_cmpstr (dossier_article_get_title (article), ==, "Ferry Service Expands");
  g_assert_cmpuint (dossier_article_get_n_paragraphs (article), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strndup (cases[i].file, strlen (cases[i].file) - 4);
      g_autofree char *path = g_strdup_printf ("/dossier/text-importer/%s", name);

      g_test_add_data_func (path, &cases[i], test_clipping);
    }
  g_test_add_func ("/dossier/text-importer/date-lines", test_date_lines);
  g_test_add_func ("/dossier/text-importer/weird-input", test_weird_input);
  g_test_add_func ("/dossier/text-importer/large-input", test_large_input);
  g_test_add_func ("/dossier/text-importer/one-huge-line", test_one_huge_line);
  g_test_add_func ("/dossier/text-importer/many-short-lines", test_many_short_lines);
  g_test_add_func ("/dossier/text-importer/paragraph-per-line", test_paragraph_per_line);
  g_test_add_func ("/dossier/text-importer/body-between-windows", test_body_between_windows);
  g_test_add_func ("/dossier/text-importer/reference-without-blank-line",
                   test_reference_without_blank_line);
  g_test_add_func ("/dossier/text-importer/label-word-in-text", test_label_word_in_text);

  return g_test_run ();
}
