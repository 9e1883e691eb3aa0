/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-entities"

#include "config.h"

#include <string.h>

#include "dossier-entities.h"
#include "dossier-entity.h"

/* Code point offset of the @occurrence-th (from 0) @needle in @text. */
static guint
cp_offset (const char *text,
           const char *needle,
           guint       occurrence)
{
  const char *p = text;

  for (;;)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (occurrence-- == 0)
        break;
      p++;
    }
  return g_utf8_pointer_to_offset (text, p);
}

static DossierEntity *
find (GPtrArray  *entities,
      const char *name)
{
  for (guint i = 0; i < entities->len; i++)
    {
      DossierEntity *e = g_ptr_array_index (entities, i);

      if (g_strcmp0 (dossier_entity_get_name (e), name) == 0)
        return e;
    }
  return NULL;
}

/* Any entity whose name or alias is @form. */
static DossierEntity *
find_form (GPtrArray  *entities,
           const char *form)
{
  for (guint i = 0; i < entities->len; i++)
    {
      DossierEntity *e = g_ptr_array_index (entities, i);
      const char * const *aliases = dossier_entity_get_aliases (e);

      if (g_strcmp0 (dossier_entity_get_name (e), form) == 0)
        return e;
      for (guint k = 0; aliases[k]; k++)
        if (g_strcmp0 (aliases[k], form) == 0)
          return e;
    }
  return NULL;
}

static DossierEntity *
expect (GPtrArray         *entities,
        const char        *name,
        DossierEntityKind  kind,
        const char        *role,
        guint              n_mentions)
{
  DossierEntity *e = find (entities, name);

  if (e == NULL)
    g_error ("no entity named “%s”", name);
  g_assert_cmpint (dossier_entity_get_kind (e), ==, kind);
  g_assert_cmpstr (dossier_entity_get_role (e), ==, role);
  g_assert_cmpuint (dossier_entity_get_n_mentions (e), ==, n_mentions);
  return e;
}

static void
expect_mention (DossierEntity *e,
                guint          i,
                const char    *text,
                const char    *surface,
                guint          occurrence)
{
  const DossierEntityMention *m;
  guint n;
  guint start = cp_offset (text, surface, occurrence);

  m = dossier_entity_get_mentions (e, &n);
  g_assert_cmpuint (i, <, n);
  g_assert_cmpuint (m[i].start, ==, start);
  g_assert_cmpuint (m[i].end, ==, start + g_utf8_strlen (surface, -1));
}

static void
test_titles (void)
{
  const char *text = "Representatives for both sides met with Army Secretary Dan Driscoll "
                     "in Abu Dhabi on Tuesday. U.S. Secretary of State Marco Rubio and "
                     "Vice President JD Vance joined later, and Driscoll spoke first.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  e = expect (entities, "Dan Driscoll", DOSSIER_ENTITY_PERSON, "Army Secretary", 2);
  expect_mention (e, 0, text, "Dan Driscoll", 0);
  expect_mention (e, 1, text, "Driscoll", 1);
  expect (entities, "Marco Rubio", DOSSIER_ENTITY_PERSON, "U.S. Secretary of State", 1);
  expect (entities, "JD Vance", DOSSIER_ENTITY_PERSON, "Vice President", 1);
  e = expect (entities, "Abu Dhabi", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect_mention (e, 0, text, "Abu Dhabi", 0);
  expect (entities, "United States", DOSSIER_ENTITY_PLACE, NULL, 1);
  g_assert_null (find_form (entities, "Representatives"));
  g_assert_null (find_form (entities, "Tuesday"));
  g_assert_cmpuint (entities->len, ==, 5);
}

static void
test_appositions (void)
{
  const char *text = "The Russian input came from Kirill Dmitriev, a Kremlin envoy with close "
                     "ties to the president. They invited Rustem Umerov, Ukraine's "
                     "national-security adviser, to Miami. Sen. Angus King of Maine, an "
                     "independent, objected; Rubio then called King.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  expect (entities, "Kirill Dmitriev", DOSSIER_ENTITY_PERSON, "Kremlin envoy", 1);
  expect (entities, "Rustem Umerov", DOSSIER_ENTITY_PERSON, "Ukraine's national-security adviser", 1);
  e = expect (entities, "Angus King", DOSSIER_ENTITY_PERSON, "Sen. (Maine)", 2);
  expect_mention (e, 1, text, "King", 1);
  expect (entities, "Kremlin", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  e = expect (entities, "Ukraine", DOSSIER_ENTITY_PLACE, NULL, 1);
  /* the possessive is not part of the mention */
  expect_mention (e, 0, text, "Ukraine", 0);
  expect (entities, "Maine", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "Miami", DOSSIER_ENTITY_PLACE, NULL, 1);
  g_assert_null (find_form (entities, "Russian"));
}

static void
test_coreference (void)
{
  const char *text = "It started with an order from President Trump. Envoys Steve Witkoff and "
                     "Jared Kushner wrote a draft.\n\nWitkoff and Kushner’s effort relied on "
                     "Russian input, and Trump’s aides agreed. Ukraine could never join the "
                     "North Atlantic Treaty Organization, Moscow said; NATO disagreed. The "
                     "U.S. and the United States are one place, as are US and America.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  e = expect (entities, "Trump", DOSSIER_ENTITY_PERSON, "President", 2);
  expect_mention (e, 1, text, "Trump", 1);
  e = expect (entities, "Steve Witkoff", DOSSIER_ENTITY_PERSON, "Envoy", 2);
  g_assert_cmpstr (dossier_entity_get_aliases (e)[0], ==, "Witkoff");
  e = expect (entities, "Jared Kushner", DOSSIER_ENTITY_PERSON, "Envoy", 2);
  expect_mention (e, 1, text, "Kushner", 1);
  e = expect (entities, "North Atlantic Treaty Organization", DOSSIER_ENTITY_ORGANIZATION, NULL, 2);
  expect_mention (e, 1, text, "NATO", 0);
  e = expect (entities, "United States", DOSSIER_ENTITY_PLACE, NULL, 4);
  expect_mention (e, 0, text, "U.S.", 0);
  expect_mention (e, 2, text, "US", 0);
  g_assert_true (find_form (entities, "America") == e);
  /* the most mentioned first */
  g_assert_true (g_ptr_array_index (entities, 0) == e);
}

static void
test_honorifics (void)
{
  const char *text = "\"We are cautious,\" said John Smith, a spokesman for the bank. "
                     "Mr. Smith later told Bloomberg News that Dr. Jane Doe agreed.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  e = expect (entities, "John Smith", DOSSIER_ENTITY_PERSON, "spokesman", 2);
  expect_mention (e, 1, text, "Smith", 1);
  expect (entities, "Jane Doe", DOSSIER_ENTITY_PERSON, "Dr.", 1);
  expect (entities, "Bloomberg", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  g_assert_null (find (entities, "Smith"));
}

static void
test_place_prefixes (void)
{
  const char *text = "The rocket left Cape Canaveral; Osama bin Laden and Omar al-Bashir were "
                     "named. Later, Bin Laden was blamed, and Bashir denied it near Lake Michigan.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  expect (entities, "Cape Canaveral", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "Lake Michigan", DOSSIER_ENTITY_PLACE, NULL, 1);
  e = expect (entities, "Osama bin Laden", DOSSIER_ENTITY_PERSON, NULL, 2);
  expect_mention (e, 1, text, "Bin Laden", 0);
  e = expect (entities, "Omar al-Bashir", DOSSIER_ENTITY_PERSON, NULL, 2);
  expect_mention (e, 1, text, "Bashir", 1);
}

static void
test_possessives (void)
{
  const char *text = "President Trump called Vladimir Putin and Volodymyr Zelensky. "
                     "Appealing to Trump's eagerness, Dmitriev wrote to the Kremlin. "
                     "Putin’s aides and the U.S.'s allies read Zelensky's reply.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  e = expect (entities, "Trump", DOSSIER_ENTITY_PERSON, "President", 2);
  expect_mention (e, 1, text, "Trump", 1);
  e = expect (entities, "Vladimir Putin", DOSSIER_ENTITY_PERSON, NULL, 2);
  expect_mention (e, 1, text, "Putin", 1);
  e = expect (entities, "Volodymyr Zelensky", DOSSIER_ENTITY_PERSON, NULL, 2);
  expect_mention (e, 1, text, "Zelensky", 1);
  e = expect (entities, "United States", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect_mention (e, 0, text, "U.S.", 0);
  expect (entities, "Kremlin", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  g_assert_null (find_form (entities, "Appealing"));
  g_assert_null (find_form (entities, "Trump's"));
}

static void
test_datelines (void)
{
  const char *text = "WASHINGTON -- The White House said on Monday that Washington would "
                     "wait.\n\nKYIV, Ukraine — Officials in Kyiv agreed.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  e = expect (entities, "Washington", DOSSIER_ENTITY_PLACE, NULL, 2);
  expect_mention (e, 0, text, "WASHINGTON", 0);
  g_assert_true (find_form (entities, "WASHINGTON") == e);
  e = expect (entities, "Kyiv", DOSSIER_ENTITY_PLACE, NULL, 2);
  expect_mention (e, 0, text, "KYIV", 0);
  expect (entities, "White House", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  expect (entities, "Ukraine", DOSSIER_ENTITY_PLACE, NULL, 1);
  g_assert_null (find_form (entities, "Officials"));
  g_assert_null (find_form (entities, "Monday"));
}

static void
test_sentence_starts (void)
{
  const char *text = "Despite absorbing the invasion, the country held. Echoing longstanding "
                     "demands, the envoy insisted. President said nothing. Sent by the "
                     "ministry, he arrived. With the details out, nobody spoke. Refusing "
                     "to wait, they left. However, Geneva was chosen.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");

  g_assert_cmpuint (entities->len, ==, 1);
  expect (entities, "Geneva", DOSSIER_ENTITY_PLACE, NULL, 1);
}

static void
test_headlines (void)
{
  const char *text = "U.S.'s Ukraine Plan Had Kremlin Input\n\n"
                     "CRUCIAL TALKS BEGIN IN GENEVA\n\n"
                     "The plan was drafted in Miami.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");

  g_assert_nonnull (find (entities, "United States"));
  g_assert_nonnull (find (entities, "Ukraine"));
  g_assert_nonnull (find (entities, "Kremlin"));
  g_assert_nonnull (find (entities, "Geneva"));
  g_assert_nonnull (find (entities, "Miami"));
  g_assert_null (find_form (entities, "Plan"));
  g_assert_null (find_form (entities, "Plan Had"));
  g_assert_null (find_form (entities, "Input"));
  g_assert_null (find_form (entities, "CRUCIAL"));
  g_assert_null (find_form (entities, "TALKS"));
  g_assert_cmpuint (entities->len, ==, 5);
}

static void
test_multiword (void)
{
  const char *text = "Saudi Crown Prince Mohammed bin Salman visited the White House. "
                     "Sens. Jeanne Shaheen of New Hampshire and Mike Rounds of South Dakota "
                     "sit on the Senate Foreign Relations Committee; the Foreign Relations "
                     "Committee met on Tuesday. Suleiman al-Amr of the Civil Defense "
                     "Authority spoke at the University of Texas.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  expect (entities, "Mohammed bin Salman", DOSSIER_ENTITY_PERSON, "Saudi Crown Prince", 1);
  expect (entities, "Jeanne Shaheen", DOSSIER_ENTITY_PERSON, "Sen. (New Hampshire)", 1);
  expect (entities, "Mike Rounds", DOSSIER_ENTITY_PERSON, "Sen. (South Dakota)", 1);
  expect (entities, "New Hampshire", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "South Dakota", DOSSIER_ENTITY_PLACE, NULL, 1);
  e = expect (entities, "Senate Foreign Relations Committee", DOSSIER_ENTITY_ORGANIZATION, NULL, 2);
  expect_mention (e, 1, text, "Foreign Relations Committee", 1);
  expect (entities, "Suleiman al-Amr", DOSSIER_ENTITY_PERSON, NULL, 1);
  expect (entities, "Civil Defense Authority", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  expect (entities, "University of Texas", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  g_assert_null (find_form (entities, "Saudi"));
  g_assert_null (find_form (entities, "Texas"));
}

static void
test_acronyms (void)
{
  const char *text = "The Civil Defense Authority (CDA) said the CDA would report to the "
                     "U.N. and to the E.U. in Brussels. N.Y. officials and the FBI agreed.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  e = expect (entities, "Civil Defense Authority", DOSSIER_ENTITY_ORGANIZATION, NULL, 3);
  expect_mention (e, 2, text, "CDA", 1);
  expect (entities, "United Nations", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  expect (entities, "European Union", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  expect (entities, "Brussels", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "New York", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "Federal Bureau of Investigation", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
}

static void
test_other_languages (void)
{
  const char *de = "Die Bundesregierung in Berlin teilte mit, dass Angela Merkel nach "
                   "Frankreich reist. Der Deutsche Bundestag stimmte zu.";
  const char *lt = "Prezidentas Gitanas Nausėda susitiko su delegacija. Lietuva ir "
                   "Vokietija pasirašė sutartį Vilnius mieste.";
  g_autoptr(GPtrArray) de_entities = dossier_entities_analyze (de, "de");
  g_autoptr(GPtrArray) lt_entities = dossier_entities_analyze (lt, "lt");

  expect (de_entities, "Berlin", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (de_entities, "France", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (de_entities, "Angela Merkel", DOSSIER_ENTITY_PERSON, NULL, 1);
  /* German capitalises nouns: no guesses */
  g_assert_cmpuint (de_entities->len, ==, 3);

  expect (lt_entities, "Lithuania", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (lt_entities, "Germany", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (lt_entities, "Vilnius", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (lt_entities, "Gitanas Nausėda", DOSSIER_ENTITY_PERSON, NULL, 1);
  g_assert_null (find_form (lt_entities, "Prezidentas"));
  g_assert_cmpuint (lt_entities->len, ==, 4);
}

static void
test_offsets_are_code_points (void)
{
  const char *text = "Café owners in São Paulo met Zoë Šťastná and Rustem Umerov in Kyiv.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  e = expect (entities, "Kyiv", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect_mention (e, 0, text, "Kyiv", 0);
  e = expect (entities, "São Paulo", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect_mention (e, 0, text, "São Paulo", 0);
  e = expect (entities, "Rustem Umerov", DOSSIER_ENTITY_PERSON, NULL, 1);
  expect_mention (e, 0, text, "Rustem Umerov", 0);
}

static void
test_json (void)
{
  const char *text = "President Trump met Vladimir Putin in Geneva. Trump left.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, NULL);
  g_autoptr(JsonNode) node = dossier_entities_to_json (entities);
  g_autofree char *json = json_to_string (node, FALSE);

  g_assert_cmpstr (json, ==,
                   "[{\"name\":\"Trump\",\"kind\":\"person\",\"role\":\"President\","
                   "\"aliases\":[],\"mentions\":[{\"start\":10,\"end\":15},{\"start\":46,\"end\":51}]},"
                   "{\"name\":\"Vladimir Putin\",\"kind\":\"person\",\"role\":null,"
                   "\"aliases\":[],\"mentions\":[{\"start\":20,\"end\":34}]},"
                   "{\"name\":\"Geneva\",\"kind\":\"place\",\"role\":null,"
                   "\"aliases\":[],\"mentions\":[{\"start\":38,\"end\":44}]}]");
}

static void
test_robustness (void)
{
  const char *inputs[] = {
    "", " ", "\n\n\n", "A", "U.S.", "'s", "Mr.", "—", "A-", "-A", "X.Y.Z.",
    "Sen. Sen. Sen.", "of of of The The", "\xC3\xA9", "ÉCOLE", "AAAA-BBBB-CCCC",
    "Trump's's", "...'s'", "\"“‘", "O'Brien O’Brien", "bin", "al-", "-al-Amr",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GPtrArray) entities = dossier_entities_analyze (inputs[i], "en");

      for (guint k = 0; k < entities->len; k++)
        {
          DossierEntity *e = g_ptr_array_index (entities, k);
          const DossierEntityMention *m;
          guint n;

          m = dossier_entity_get_mentions (e, &n);
          g_assert_cmpuint (n, >, 0);
          for (guint j = 0; j < n; j++)
            {
              g_assert_cmpuint (m[j].start, <, m[j].end);
              g_assert_cmpuint (m[j].end, <=, g_utf8_strlen (inputs[i], -1));
            }
        }
    }
}

static void
test_entity_object (void)
{
  g_autoptr(DossierEntity) e = dossier_entity_new ("Steve Witkoff", DOSSIER_ENTITY_PERSON);
  const DossierEntityMention *m;
  guint n;

  dossier_entity_add_alias (e, "Witkoff");
  dossier_entity_add_alias (e, "Witkoff");
  dossier_entity_add_alias (e, "Steve Witkoff");
  g_assert_cmpuint (g_strv_length ((char **)dossier_entity_get_aliases (e)), ==, 1);
  dossier_entity_add_mention (e, 40, 47);
  dossier_entity_add_mention (e, 3, 16);
  m = dossier_entity_get_mentions (e, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (m[0].start, ==, 3);
  dossier_entity_set_role (e, "envoy");
  g_assert_cmpstr (dossier_entity_get_role (e), ==, "envoy");
  dossier_entity_set_kind (e, DOSSIER_ENTITY_ORGANIZATION);
  g_assert_cmpstr (dossier_entity_kind_to_string (dossier_entity_get_kind (e)), ==, "organization");
}

static void
test_events (void)
{
  const char *text = "Crowds filled Oslo for the Midnight Sun Festival and Liberation Day. "
                     "The Gorman Prize went to a poet; lawmakers cited the Clean Rivers Act.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");

  expect (entities, "Oslo", DOSSIER_ENTITY_PLACE, NULL, 1);
  g_assert_null (find_form (entities, "Midnight Sun Festival"));
  g_assert_null (find_form (entities, "Liberation Day"));
  g_assert_null (find_form (entities, "Gorman Prize"));
  g_assert_null (find_form (entities, "Clean Rivers Act"));
  g_assert_cmpuint (entities->len, ==, 1);
}

static void
test_portfolios (void)
{
  const char *text = "Helen Ward resigned as Foreign Affairs minister, and Paul Irwin "
                     "became Environment minister.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");

  expect (entities, "Helen Ward", DOSSIER_ENTITY_PERSON, NULL, 1);
  expect (entities, "Paul Irwin", DOSSIER_ENTITY_PERSON, NULL, 1);
  g_assert_null (find_form (entities, "Foreign Affairs"));
  g_assert_null (find_form (entities, "Environment"));
  g_assert_cmpuint (entities->len, ==, 2);
}

static void
test_address_forms (void)
{
  const char *text = "Mr Bird thanked the crowd. Later Mrs Rose left, and Dr. Stone stayed. "
                     "\"Thank you, Mr. President,\" she said.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  e = expect (entities, "Bird", DOSSIER_ENTITY_PERSON, NULL, 1);
  expect_mention (e, 0, text, "Bird", 0);
  expect (entities, "Rose", DOSSIER_ENTITY_PERSON, NULL, 1);
  expect (entities, "Stone", DOSSIER_ENTITY_PERSON, "Dr.", 1);
  g_assert_cmpuint (entities->len, ==, 3);
}

static void
test_codes (void)
{
  const char *text = "The XR7 shipped late. Users of the ZT-400 complained to Valtek Systems. "
                     "The shuttle flew STS-9 from the Marshall Space Center on June 3, 1983.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  expect (entities, "Valtek Systems", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  e = expect (entities, "Marshall Space Center", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect_mention (e, 0, text, "Marshall Space Center", 0);
  g_assert_null (find_form (entities, "XR7"));
  g_assert_null (find_form (entities, "ZT-400"));
  g_assert_null (find_form (entities, "STS-9"));
  g_assert_cmpuint (entities->len, ==, 2);
}

static void
test_surname_modifiers (void)
{
  const char *text = "Marta Kessler painted for decades. Collectors sought the Kessler "
                     "Lithographs, and dealers sold Lithographs by the dozen; one Lithograph "
                     "fetched more. Then Portugal opened the scoring. The striker was replaced "
                     "by Karim Ben Salah.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  e = expect (entities, "Marta Kessler", DOSSIER_ENTITY_PERSON, NULL, 2);
  expect_mention (e, 1, text, "Kessler", 1);
  expect (entities, "Portugal", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "Karim Ben Salah", DOSSIER_ENTITY_PERSON, NULL, 1);
  g_assert_null (find_form (entities, "Lithographs"));
  g_assert_null (find_form (entities, "Lithograph"));
  g_assert_null (find_form (entities, "Then Portugal"));
  g_assert_cmpuint (entities->len, ==, 3);
}

static void
test_country_suffixes (void)
{
  const char *text = "Analysts at Datacorp Norway said sales fell, and Nils Berg agreed.\n"
                     "Kenya won at the Commonwealth Games; 1996-08-22 The European Commission "
                     "said so.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  expect (entities, "Datacorp Norway", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  expect (entities, "Nils Berg", DOSSIER_ENTITY_PERSON, NULL, 1);
  expect (entities, "Kenya", DOSSIER_ENTITY_PLACE, NULL, 1);
  e = expect (entities, "European Commission", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  expect_mention (e, 0, text, "European Commission", 0);
  g_assert_null (find_form (entities, "Norway"));
  g_assert_null (find_form (entities, "Commonwealth Games"));
  g_assert_cmpuint (entities->len, ==, 4);
}

static void
test_word_shapes (void)
{
  const char *text = "Critics warned of Islamophobia and Darwinism in the part XVII report. "
                     "The Gabonese and Estonian teams met at the stadium, where the South "
                     "Korean coach spoke to Halvorsen about the Lebanese-Israeli border "
                     "and a Franco-German plan.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");

  g_assert_null (find_form (entities, "Islamophobia"));
  g_assert_null (find_form (entities, "Darwinism"));
  g_assert_null (find_form (entities, "XVII"));
  g_assert_null (find_form (entities, "Gabonese"));
  g_assert_null (find_form (entities, "South"));
  g_assert_null (find_form (entities, "Lebanese-Israeli"));
  g_assert_null (find_form (entities, "Franco-German"));
  g_assert_nonnull (find_form (entities, "Halvorsen"));
  g_assert_cmpuint (entities->len, ==, 1);
}

static void
test_of_phrases (void)
{
  const char *text = "In a letter to the editor, Bank of Avalon CEO Brian Moynihan said that "
                     "he had read the study in the Medical Journal of Norway with interest.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");

  expect (entities, "Bank of Avalon", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  expect (entities, "Brian Moynihan", DOSSIER_ENTITY_PERSON, "CEO", 1);
  expect (entities, "Medical Journal of Norway", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  g_assert_null (find_form (entities, "Norway"));
  g_assert_cmpuint (entities->len, ==, 3);
}

static void
test_city_tails (void)
{
  const char *text = "Real Madrid beat the visitors 2-1 at home on Sunday, while Valeska "
                     "Paris watched from the stands in Zurich. Paris said she was pleased.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  expect (entities, "Real Madrid", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  e = expect (entities, "Valeska Paris", DOSSIER_ENTITY_PERSON, NULL, 2);
  expect_mention (e, 1, text, "Paris", 1);
  expect (entities, "Zurich", DOSSIER_ENTITY_PLACE, NULL, 1);
  g_assert_cmpuint (entities->len, ==, 3);
}

static void
test_given_names (void)
{
  const char *text = "The book was drawn by illustrator Johnnie Christmas, and the gray "
                     "cover was kind. Later that week Alasdair Gray praised it.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");

  expect (entities, "Johnnie Christmas", DOSSIER_ENTITY_PERSON, "illustrator", 1);
  expect (entities, "Alasdair Gray", DOSSIER_ENTITY_PERSON, NULL, 1);
  g_assert_cmpuint (entities->len, ==, 2);
}

static void
test_portfolio_titles (void)
{
  const char *text = "The plan was approved on Monday by the Minister of Education Stefania "
                     "Giannini, who called it fair. The Undersecretary for Health Mr. Rossi "
                     "disagreed, and the Governor of Oregon Kate Brown said nothing.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");

  expect (entities, "Stefania Giannini", DOSSIER_ENTITY_PERSON, "Minister of Education", 1);
  expect (entities, "Rossi", DOSSIER_ENTITY_PERSON, "Undersecretary for Health", 1);
  expect (entities, "Kate Brown", DOSSIER_ENTITY_PERSON, "Governor of Oregon", 1);
  expect (entities, "Oregon", DOSSIER_ENTITY_PLACE, NULL, 1);
  g_assert_null (find_form (entities, "Education"));
  g_assert_cmpuint (entities->len, ==, 4);
}

static void
test_tokenized_text (void)
{
  const char *text = "\" We do n't support it , \" the Commission 's chief spokesman Nikolaus "
                     "van der Pas told a news briefing . Germany 's envoy agreed , and "
                     "Van der Pas left .";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  e = expect (entities, "Nikolaus van der Pas", DOSSIER_ENTITY_PERSON, "chief spokesman", 2);
  expect_mention (e, 1, text, "Van der Pas", 0);
  e = expect (entities, "Germany", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect_mention (e, 0, text, "Germany", 0);
  expect (entities, "Commission", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  g_assert_cmpuint (entities->len, ==, 3);
}

/* A role set before the name between commas; where someone works is an
 * organization; "the Baltic" is a place */
static void
test_fronted_appositions (void)
{
  const char *text = "The port's new chief executive, Marek Zielinski, said the vote was "
                     "close. Latvia's deputy transport minister, Ilze Berzina, disagreed. "
                     "Their spokesman, Tom Reyes, declined to comment. Jonas Petras, an "
                     "economist at Swedbank, was cautious as tankers crossed the Baltic. In "
                     "his first interview, Jan Bury said nothing.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");

  expect (entities, "Marek Zielinski", DOSSIER_ENTITY_PERSON, "new chief executive", 1);
  expect (entities, "Ilze Berzina", DOSSIER_ENTITY_PERSON, "Latvia's deputy transport minister", 1);
  expect (entities, "Tom Reyes", DOSSIER_ENTITY_PERSON, "spokesman", 1);
  expect (entities, "Jonas Petras", DOSSIER_ENTITY_PERSON, "economist", 1);
  expect (entities, "Jan Bury", DOSSIER_ENTITY_PERSON, NULL, 1);
  expect (entities, "Swedbank", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  expect (entities, "Baltics", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "Latvia", DOSSIER_ENTITY_PLACE, NULL, 1);
  g_assert_cmpuint (entities->len, ==, 8);
}

/* In a match report the countries that play are teams; where it is
 * played stays a place, and so do countries outside sport */
static void
test_match_reports (void)
{
  const char *report = "Norway beat Chile 2 – 1 in the group match in Brazil on Sunday. Chile "
                       "had more possession, but Norway's goalkeeper saved a penalty in the "
                       "40th minute. The Norway captain scored the first goal from a corner, "
                       "and Chile's striker equalised before halftime. The referee sent off a "
                       "Chile defender, and the Norway coach praised his squad after the "
                       "match. Norway lead the group; the tournament continues in Brazil.";
  const char *news = "Norway and Chile signed a fishing agreement in Brazil on Sunday. The "
                     "Norway delegation said the goal was to protect stocks.";
  g_autoptr(GPtrArray) teams = dossier_entities_analyze (report, "en");
  g_autoptr(GPtrArray) places = dossier_entities_analyze (news, "en");

  g_assert_cmpint (dossier_entity_get_kind (find (teams, "Norway")), ==, DOSSIER_ENTITY_ORGANIZATION);
  g_assert_cmpint (dossier_entity_get_kind (find (teams, "Chile")), ==, DOSSIER_ENTITY_ORGANIZATION);
  g_assert_cmpint (dossier_entity_get_kind (find (teams, "Brazil")), ==, DOSSIER_ENTITY_PLACE);
  g_assert_cmpint (dossier_entity_get_kind (find (places, "Norway")), ==, DOSSIER_ENTITY_PLACE);
  g_assert_cmpint (dossier_entity_get_kind (find (places, "Chile")), ==, DOSSIER_ENTITY_PLACE);
}

static void
test_context_cues (void)
{
  const char *text = "About 80 people left the town of Ardvane after the attack. The "
                     "recipients, said Kettering, must show the works, which include a "
                     "portrait of fashion designer Halbrook.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");

  expect (entities, "Ardvane", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "Kettering", DOSSIER_ENTITY_PERSON, NULL, 1);
  expect (entities, "Halbrook", DOSSIER_ENTITY_PERSON, "fashion designer", 1);
  g_assert_cmpuint (entities->len, ==, 3);
}

static void
test_affiliations (void)
{
  const char *text = "In a statement on Monday, UN Secretary-General Antonio Guterres called "
                     "for calm, and Sen. Chuck Grassley, R-Iowa, said he agreed with it.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  e = expect (entities, "United Nations", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  expect_mention (e, 0, text, "UN", 0);
  expect (entities, "Antonio Guterres", DOSSIER_ENTITY_PERSON, "UN Secretary-General", 1);
  expect (entities, "Chuck Grassley", DOSSIER_ENTITY_PERSON, "Sen.", 1);
  e = expect (entities, "Iowa", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect_mention (e, 0, text, "Iowa", 0);
  g_assert_cmpuint (entities->len, ==, 4);
}

static void
test_result_tables (void)
{
  const char *text = "Results of first division matches played on Saturday :\n\n"
                     "Hansa Rostock 1 Bayer Leverkusen 3\n\n"
                     "Standings : Bayer Leverkusen 3 points .\n\n"
                     "Striker Ulf Kirsten scored twice in front of 22,000 fans .\n\n"
                     "Golf leaders :\n\nErnie Els 68";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  expect (entities, "Hansa Rostock", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  e = expect (entities, "Bayer Leverkusen", DOSSIER_ENTITY_ORGANIZATION, NULL, 2);
  expect_mention (e, 1, text, "Bayer Leverkusen", 1);
  expect (entities, "Ulf Kirsten", DOSSIER_ENTITY_PERSON, "Striker", 1);
  expect (entities, "Ernie Els", DOSSIER_ENTITY_PERSON, NULL, 1);
  g_assert_cmpuint (entities->len, ==, 4);
}

static void
test_match_scores (void)
{
  const char *text = "On Sunday, the hosts beat Chelsea 2-0 at home, with Bukayo Saka "
                     "scoring, and then lost to Brentford 1-3. In the final, Martina Hingis "
                     "beat Nathalie Tauziat 6-1 6-2.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");

  expect (entities, "Chelsea", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  expect (entities, "Brentford", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  expect (entities, "Bukayo Saka", DOSSIER_ENTITY_PERSON, NULL, 1);
  expect (entities, "Martina Hingis", DOSSIER_ENTITY_PERSON, NULL, 1);
  expect (entities, "Nathalie Tauziat", DOSSIER_ENTITY_PERSON, NULL, 1);
  g_assert_cmpuint (entities->len, ==, 5);
}

static void
test_company_short_names (void)
{
  const char *text = "Shares of Dalbar Financial Services Inc. rose on Monday in Boston. "
                     "Dalbar said the fund was strong, and analysts agreed with Dalbar.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  e = expect (entities, "Dalbar Financial Services Inc.", DOSSIER_ENTITY_ORGANIZATION, NULL, 3);
  expect_mention (e, 2, text, "Dalbar", 2);
  expect (entities, "Boston", DOSSIER_ENTITY_PLACE, NULL, 1);
  g_assert_cmpuint (entities->len, ==, 2);
}

static void
test_groups_and_companies (void)
{
  const char *text = "Van Horne Co. reported that profit rose. Van Horne also raised its "
                     "dividend, Chief Superintendent Al McHugh said, and the biggest party, "
                     "the Ulster Unionists, objected.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  e = expect (entities, "Van Horne Co.", DOSSIER_ENTITY_ORGANIZATION, NULL, 2);
  expect_mention (e, 1, text, "Van Horne", 1);
  expect (entities, "Al McHugh", DOSSIER_ENTITY_PERSON, "Chief Superintendent", 1);
  expect (entities, "Ulster Unionists", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  g_assert_cmpuint (entities->len, ==, 3);
}

static void
test_gazetteer_names (void)
{
  const char *text = "The embassy bombings in Nairobi and Dar es Salaam, Tanzania, left many "
                     "dead, said Jalal Ebrahim, president of Safaricentre International. "
                     "Meanwhile, as VOA West Africa Correspondent Purnell Murdock reports, the "
                     "rally in Kirkuk went on.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");

  expect (entities, "Nairobi", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "Dar es Salaam", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "Tanzania", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "Kirkuk", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "West Africa", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "Jalal Ebrahim", DOSSIER_ENTITY_PERSON, "president", 1);
  expect (entities, "Safaricentre International", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  expect (entities, "Purnell Murdock", DOSSIER_ENTITY_PERSON, "VOA West Africa Correspondent", 1);
  g_assert_cmpuint (entities->len, ==, 8);
}

static void
test_participles (void)
{
  const char *text = "Thousands marched in Bremen. Chanting Helmut Kohl must go, the crowd "
                     "moved on, and the Ku Klux Klan and the Khmer Rouge were named.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  e = expect (entities, "Helmut Kohl", DOSSIER_ENTITY_PERSON, NULL, 1);
  expect_mention (e, 0, text, "Helmut Kohl", 0);
  expect (entities, "Ku Klux Klan", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  expect (entities, "Khmer Rouge", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  g_assert_null (find_form (entities, "Chanting Helmut Kohl"));
}

static void
test_facilities (void)
{
  const char *text = "The orbiter will go to the Marshall Space Center (MSC) in Alabama, "
                     "while the Southern Poverty Law Center objected. The expo was held at "
                     "the Halifax Convention Centre on Sunday.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  e = expect (entities, "Marshall Space Center", DOSSIER_ENTITY_PLACE, NULL, 2);
  expect_mention (e, 1, text, "MSC", 0);
  expect (entities, "Southern Poverty Law Center", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  expect (entities, "Halifax Convention Centre", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "Alabama", DOSSIER_ENTITY_PLACE, NULL, 1);
  g_assert_cmpuint (entities->len, ==, 4);
}

static void
test_public_places (void)
{
  const char *text = "They stayed at the Grand Hyatt Hotel near the Lincoln Memorial and later "
                     "visited the Bronx Zoo and the Globe Theatre.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");

  expect (entities, "Grand Hyatt Hotel", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "Lincoln Memorial", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "Bronx Zoo", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "Globe Theatre", DOSSIER_ENTITY_PLACE, NULL, 1);
  g_assert_cmpuint (entities->len, ==, 4);
}

static void
test_initials_and_regions (void)
{
  const char *text = "The donation was made in March. K.C. Maurer, the chief financial "
                     "officer, said so, and the president of the Varmland region agreed.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");

  expect (entities, "K.C. Maurer", DOSSIER_ENTITY_PERSON, "chief financial officer", 1);
  expect (entities, "Varmland", DOSSIER_ENTITY_PLACE, NULL, 1);
  g_assert_cmpuint (entities->len, ==, 2);
}

static void
test_currencies_and_post_nominals (void)
{
  const char *text = "The prosecutor, Mark Tedeschi, QC, said the bail was US$ 20,000 and "
                     "the fine NZ $ 26 million; Labour MP Jane Doe agreed in the US.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  expect (entities, "Mark Tedeschi", DOSSIER_ENTITY_PERSON, "prosecutor", 1);
  expect (entities, "Jane Doe", DOSSIER_ENTITY_PERSON, "Labour MP", 1);
  e = expect (entities, "United States", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect_mention (e, 0, text, "US", 1);
  g_assert_null (find_form (entities, "QC"));
  g_assert_null (find_form (entities, "NZ"));
  g_assert_cmpuint (entities->len, ==, 3);
}

static void
test_names_after_organizations (void)
{
  const char *text = "The executive director of the Arab Society for Civil Relations Alia "
                     "Haddad said the boy was welcome, and Wu Chi-wai agreed.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");

  expect (entities, "Arab Society for Civil Relations", DOSSIER_ENTITY_ORGANIZATION, NULL, 1);
  expect (entities, "Alia Haddad", DOSSIER_ENTITY_PERSON, NULL, 1);
  expect (entities, "Wu Chi-wai", DOSSIER_ENTITY_PERSON, NULL, 1);
  g_assert_cmpuint (entities->len, ==, 3);
}

static void
test_family_names_first (void)
{
  const char *text = "Chinese Premier Li Keqiang met the visitors in the Great Hall of the "
                     "People on Tuesday.\n\nLi said China and Pakistan were partners.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");
  DossierEntity *e;

  e = expect (entities, "Li Keqiang", DOSSIER_ENTITY_PERSON, "Chinese Premier", 2);
  expect_mention (e, 1, text, "Li", 1);
  expect (entities, "Great Hall of the People", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "China", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "Pakistan", DOSSIER_ENTITY_PLACE, NULL, 1);
  g_assert_cmpuint (entities->len, ==, 4);
}

static void
test_courts_and_leaders (void)
{
  const char *text = "A federal judge on Friday blocked the Halvard administration from ending "
                     "the program. U.S. District Judge Maame Frimpong wrote that it was "
                     "unlawful, and Speaker Mike Johnson, R-La., agreed.";
  g_autoptr(GPtrArray) entities = dossier_entities_analyze (text, "en");

  expect (entities, "Halvard", DOSSIER_ENTITY_PERSON, NULL, 1);
  expect (entities, "Maame Frimpong", DOSSIER_ENTITY_PERSON, "U.S. District Judge", 1);
  expect (entities, "United States", DOSSIER_ENTITY_PLACE, NULL, 1);
  expect (entities, "Mike Johnson", DOSSIER_ENTITY_PERSON, "Speaker", 1);
  g_assert_null (find_form (entities, "La"));
  g_assert_null (find_form (entities, "U.S. District"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/entities/titles", test_titles);
  g_test_add_func ("/dossier/entities/appositions", test_appositions);
  g_test_add_func ("/dossier/entities/fronted-appositions", test_fronted_appositions);
  g_test_add_func ("/dossier/entities/match-reports", test_match_reports);
  g_test_add_func ("/dossier/entities/coreference", test_coreference);
  g_test_add_func ("/dossier/entities/honorifics", test_honorifics);
  g_test_add_func ("/dossier/entities/place-prefixes", test_place_prefixes);
  g_test_add_func ("/dossier/entities/possessives", test_possessives);
  g_test_add_func ("/dossier/entities/datelines", test_datelines);
  g_test_add_func ("/dossier/entities/sentence-starts", test_sentence_starts);
  g_test_add_func ("/dossier/entities/headlines", test_headlines);
  g_test_add_func ("/dossier/entities/multiword", test_multiword);
  g_test_add_func ("/dossier/entities/acronyms", test_acronyms);
  g_test_add_func ("/dossier/entities/other-languages", test_other_languages);
  g_test_add_func ("/dossier/entities/code-points", test_offsets_are_code_points);
  g_test_add_func ("/dossier/entities/json", test_json);
  g_test_add_func ("/dossier/entities/robustness", test_robustness);
  g_test_add_func ("/dossier/entities/entity", test_entity_object);
  g_test_add_func ("/dossier/entities/events", test_events);
  g_test_add_func ("/dossier/entities/portfolios", test_portfolios);
  g_test_add_func ("/dossier/entities/address-forms", test_address_forms);
  g_test_add_func ("/dossier/entities/codes", test_codes);
  g_test_add_func ("/dossier/entities/surname-modifiers", test_surname_modifiers);
  g_test_add_func ("/dossier/entities/country-suffixes", test_country_suffixes);
  g_test_add_func ("/dossier/entities/word-shapes", test_word_shapes);
  g_test_add_func ("/dossier/entities/of-phrases", test_of_phrases);
  g_test_add_func ("/dossier/entities/city-tails", test_city_tails);
  g_test_add_func ("/dossier/entities/given-names", test_given_names);
  g_test_add_func ("/dossier/entities/portfolio-titles", test_portfolio_titles);
  g_test_add_func ("/dossier/entities/tokenized-text", test_tokenized_text);
  g_test_add_func ("/dossier/entities/context-cues", test_context_cues);
  g_test_add_func ("/dossier/entities/affiliations", test_affiliations);
  g_test_add_func ("/dossier/entities/result-tables", test_result_tables);
  g_test_add_func ("/dossier/entities/match-scores", test_match_scores);
  g_test_add_func ("/dossier/entities/company-short-names", test_company_short_names);
  g_test_add_func ("/dossier/entities/groups-and-companies", test_groups_and_companies);
  g_test_add_func ("/dossier/entities/gazetteer-names", test_gazetteer_names);
  g_test_add_func ("/dossier/entities/participles", test_participles);
  g_test_add_func ("/dossier/entities/facilities", test_facilities);
  g_test_add_func ("/dossier/entities/public-places", test_public_places);
  g_test_add_func ("/dossier/entities/initials-and-regions", test_initials_and_regions);
  g_test_add_func ("/dossier/entities/currencies", test_currencies_and_post_nominals);
  g_test_add_func ("/dossier/entities/names-after-organizations", test_names_after_organizations);
  g_test_add_func ("/dossier/entities/family-names-first", test_family_names_first);
  g_test_add_func ("/dossier/entities/courts-and-leaders", test_courts_and_leaders);

  return g_test_run ();
}
