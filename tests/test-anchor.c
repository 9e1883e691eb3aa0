/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>

#include "dossier-anchor-private.h"

static char *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "notes", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Code point offset of the @nth (from 1) occurrence of @needle. */
static guint
offset_of (const char *text,
           const char *needle,
           guint       nth)
{
  const char *p = text;

  for (guint i = 0; i < nth; i++)
    {
      p = strstr (i == 0 ? p : p + 1, needle);
      g_assert_nonnull (p);
    }

  return g_utf8_pointer_to_offset (text, p);
}

typedef struct
{
  char              *original;
  char              *edited;
  DossierAnchorText *original_text;
  DossierAnchorText *edited_text;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->original = read_fixture ("council.txt");
  f->edited = read_fixture ("council-edited.txt");
  f->original_text = dossier_anchor_text_new (f->original);
  f->edited_text = dossier_anchor_text_new (f->edited);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->original);
  g_free (f->edited);
  dossier_anchor_text_free (f->original_text);
  dossier_anchor_text_free (f->edited_text);
}

/* Anchors the @nth occurrence of @quote of the original text on the
 * edited one; returns the method and the passage found. */
static DossierAnchorMethod
reanchor (Fixture     *f,
          const char  *quote,
          guint        nth,
          guint        hint_shift,
          char       **found,
          guint       *start_out)
{
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  guint start = offset_of (f->original, quote, nth);
  guint end = start + g_utf8_strlen (quote, -1);
  guint new_start = 0, new_end = 0;
  DossierAnchorMethod method;
  double score = 0;

  dossier_anchor_text_describe (f->original_text, start, end, &exact, &prefix, &suffix);
  g_assert_cmpstr (exact, ==, quote);
  g_assert_cmpint (g_utf8_strlen (prefix, -1), <=, DOSSIER_ANCHOR_CONTEXT);
  g_assert_cmpint (g_utf8_strlen (suffix, -1), <=, DOSSIER_ANCHOR_CONTEXT);

  method = dossier_anchor_text_locate (f->edited_text, exact, prefix, suffix,
                                       start + hint_shift, &new_start, &new_end, &score);
  if (found)
    *found = dossier_anchor_text_dup_slice (f->edited_text, new_start, new_end);
  if (start_out)
    *start_out = new_start;
  g_test_message ("“%s” → %s (%.3f)", quote, dossier_anchor_method_to_string (method), score);

  return method;
}

static void
test_position (Fixture       *f,
               gconstpointer  data)
{
  guint start = offset_of (f->original, "approved the new bridge", 1);
  guint new_start, new_end;
  double score;

  g_assert_cmpint (dossier_anchor_text_locate (f->original_text, "approved the new bridge",
                                               "The town council ", " over the Neris",
                                               start, &new_start, &new_end, &score),
                   ==, DOSSIER_ANCHOR_POSITION);
  g_assert_cmpuint (new_start, ==, start);
  g_assert_cmpuint (new_end, ==, start + 23);
  g_assert_cmpfloat (score, ==, 1.0);
}

static void
test_inserted_before (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *found = NULL;
  guint start;

  g_assert_cmpint (reanchor (f, "We have waited long enough", 1, 0, &found, &start),
                   ==, DOSSIER_ANCHOR_EXACT);
  g_assert_cmpstr (found, ==, "We have waited long enough");
  g_assert_cmpuint (start, ==, offset_of (f->edited, "We have waited", 1));
  /* 47 code points inserted: "An update was added to this story on
   * Tuesday.\n\n" is 47, and "two" became "three" (+2). */
  g_assert_cmpuint (start, ==, offset_of (f->original, "We have waited", 1) + 47 + 2);
}

static void
test_repeated (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  guint start;

  /* "bridge will cost" occurs twice in both texts; the context picks the
   * right one even when the recorded position points elsewhere. */
  g_assert_cmpint (reanchor (f, "bridge will cost", 1, 0, &first, &start), ==, DOSSIER_ANCHOR_EXACT);
  g_assert_cmpstr (first, ==, "bridge will cost");
  g_assert_cmpuint (start, ==, offset_of (f->edited, "bridge will cost", 1));

  g_assert_cmpint (reanchor (f, "bridge will cost", 2, 0, &second, &start), ==, DOSSIER_ANCHOR_EXACT);
  g_assert_cmpuint (start, ==, offset_of (f->edited, "bridge will cost", 2));

  g_clear_pointer (&second, g_free);
  g_assert_cmpint (reanchor (f, "bridge will cost", 2, 500, &second, &start), ==, DOSSIER_ANCHOR_EXACT);
  g_assert_cmpuint (start, ==, offset_of (f->edited, "bridge will cost", 2));
}

static void
test_repeated_same_context (void)
{
  const char *text = "Yes. No. Yes. No. Yes. No.";
  g_autoptr(DossierAnchorText) t = dossier_anchor_text_new (text);
  guint start, end;

  /* Identical context everywhere: the position decides. */
  g_assert_cmpint (dossier_anchor_text_locate (t, "No", "Yes. ", ". Yes", 13, &start, &end, NULL),
                   ==, DOSSIER_ANCHOR_EXACT);
  g_assert_cmpuint (start, ==, 14);
  g_assert_cmpuint (end, ==, 16);
}

static void
test_word_changed (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *found = NULL;

  g_assert_cmpint (reanchor (f, "after a two-hour debate", 1, 0, &found, NULL),
                   ==, DOSSIER_ANCHOR_FUZZY);
  g_assert_cmpstr (found, ==, "after a three-hour debate");
}

static void
test_word_inserted (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *found = NULL;

  g_assert_cmpint (reanchor (f, "to applause from the public gallery", 1, 0, &found, NULL),
                   ==, DOSSIER_ANCHOR_FUZZY);
  g_assert_cmpstr (found, ==, "to loud applause from the public gallery");
}

static void
test_whitespace (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *found = NULL;

  g_assert_cmpint (reanchor (f, "Critics said the bridge", 1, 0, &found, NULL),
                   ==, DOSSIER_ANCHOR_FUZZY);
  g_assert_cmpstr (found, ==, "Critics  said the bridge");
}

static void
test_short_changed (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *found = NULL;

  /* Four of fifteen letters changed; the context is intact. */
  g_assert_cmpint (reanchor (f, "starts in March", 1, 0, &found, NULL), ==, DOSSIER_ANCHOR_FUZZY);
  g_assert_cmpstr (found, ==, "starts in April");
}

static void
test_orphan (Fixture       *f,
             gconstpointer  data)
{
  guint start;

  g_assert_cmpint (reanchor (f, "which has carried cars across the river since 1961", 1, 0, NULL, &start),
                   ==, DOSSIER_ANCHOR_ORPHAN);
  /* An orphan keeps its recorded range. */
  g_assert_cmpuint (start, ==, offset_of (f->original, "which has carried", 1));

  g_assert_cmpint (reanchor (f, "The old ferry", 1, 0, NULL, NULL), ==, DOSSIER_ANCHOR_ORPHAN);
}

static void
test_long_passage_edited (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *found = NULL;
  const char *quote = "The town council approved the new bridge over the Neris on Monday after a "
                      "two-hour debate. “We have waited long enough,” said the mayor, Rūta "
                      "Vaitkienė, to applause from the public gallery.";

  /* Two edits inside a 190-character passage, text inserted before it. */
  g_assert_cmpint (reanchor (f, quote, 1, 0, &found, NULL), ==, DOSSIER_ANCHOR_FUZZY);
  g_assert_true (g_str_has_prefix (found, "The town council approved"));
  g_assert_true (g_str_has_suffix (found, "to loud applause from the public gallery."));
}

static void
test_unicode_offsets (void)
{
  const char *text = "Žalgiris 🏀 won “big” in Kaunas; Žalgiris 🏀 won again.";
  g_autoptr(DossierAnchorText) t = dossier_anchor_text_new (text);
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  guint start, end, n_found = 0;

  g_assert_cmpuint (dossier_anchor_text_get_length (t), ==, g_utf8_strlen (text, -1));
  g_assert_true (dossier_anchor_text_find_nth (t, "🏀 won", 2, &start, &end, NULL));
  g_assert_cmpuint (start, ==, 41);
  g_assert_cmpuint (end, ==, 46);
  g_assert_false (dossier_anchor_text_find_nth (t, "🏀 won", 3, &start, &end, &n_found));
  g_assert_cmpuint (n_found, ==, 2);

  dossier_anchor_text_describe (t, 16, 19, &exact, &prefix, &suffix);
  g_assert_cmpstr (exact, ==, "big");
  g_assert_cmpstr (prefix, ==, "Žalgiris 🏀 won “");
  g_assert_cmpstr (suffix, ==, "” in Kaunas; Žalgiris 🏀 won agai");

  /* The first occurrence with the second's context: the second wins. */
  g_clear_pointer (&prefix, g_free);
  g_clear_pointer (&suffix, g_free);
  dossier_anchor_text_describe (t, 41, 46, NULL, &prefix, &suffix);
  g_assert_cmpint (dossier_anchor_text_locate (t, "🏀 won", prefix, suffix, 0, &start, &end, NULL),
                   ==, DOSSIER_ANCHOR_EXACT);
  g_assert_cmpuint (start, ==, 41);
}

static void
test_drift (void)
{
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new ("A new first paragraph.\n\n");
  g_autoptr(DossierAnchorText) t = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (before, "Sentence number %u is here. ", i);
  g_string_append (after, before->str);
  t = dossier_anchor_text_new (after->str);

  /* Every annotation moved by the same amount: found verbatim. */
  for (guint i = 0; i < 200; i += 17)
    {
      g_autofree char *quote = g_strdup_printf ("number %u is", i);
      guint start = offset_of (before->str, quote, 1);
      guint new_start, new_end;

      g_assert_cmpint (dossier_anchor_text_locate (t, quote, "Sentence ", " here. ", start,
                                                   &new_start, &new_end, NULL),
                       ==, DOSSIER_ANCHOR_EXACT);
      g_assert_cmpuint (new_start, ==, start + 24);
    }
}

static void
test_many_orphans (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(DossierAnchorText) t = NULL;
  gint64 begin = g_get_monotonic_time ();
  guint n_orphans = g_getenv ("DOSSIER_BENCH_ORPHANS") ? atoi (g_getenv ("DOSSIER_BENCH_ORPHANS")) : 200;
  guint orphans = 0;

  for (guint i = 0; text->len < 4 << 20; i++)
    g_string_append_printf (text, "Line %u of the minutes of the harbour board. ", i);
  t = dossier_anchor_text_new (text->str);

  /* A deleted section that held 500 highlights: each is searched for
   * everywhere only while the search budget lasts. */
  for (guint i = 0; i < n_orphans; i++)
    {
      g_autofree char *quote = g_strdup_printf ("quayside crane number %u was sold to a museum", i);
      guint start, end;

      orphans += dossier_anchor_text_locate (t, quote, "The council agreed that the ", " in Tallinn.",
                                             i * 997, &start, &end, NULL) == DOSSIER_ANCHOR_ORPHAN;
    }
  g_assert_cmpuint (orphans, ==, n_orphans);
  g_test_message ("%u orphans on 4 MB in %" G_GINT64_FORMAT " ms", n_orphans,
                  (g_get_monotonic_time () - begin) / 1000);
}

static void
test_empty_quote (void)
{
  g_autoptr(DossierAnchorText) t = dossier_anchor_text_new ("Some text.");
  guint start, end;

  g_assert_cmpint (dossier_anchor_text_locate (t, "", NULL, NULL, 3, &start, &end, NULL),
                   ==, DOSSIER_ANCHOR_ORPHAN);
  g_assert_cmpint (dossier_anchor_text_locate (t, "a quote longer than the text", NULL, NULL, 0,
                                               &start, &end, NULL),
                   ==, DOSSIER_ANCHOR_ORPHAN);
}

/* Edit distance of @p to text[s, e). */
static guint
distance (const char *p,
          guint       m,
          const char *t,
          guint       n)
{
  g_autofree guint *d = g_new (guint, (m + 1) * (n + 1));

  for (guint i = 0; i <= m; i++)
    d[i * (n + 1)] = i;
  for (guint j = 0; j <= n; j++)
    d[j] = j;
  for (guint i = 1; i <= m; i++)
    for (guint j = 1; j <= n; j++)
      {
        guint v = d[(i - 1) * (n + 1) + j - 1] + (p[i - 1] != t[j - 1]);

        v = MIN (v, d[(i - 1) * (n + 1) + j] + 1);
        v = MIN (v, d[i * (n + 1) + j - 1] + 1);
        d[i * (n + 1) + j] = v;
      }

  return d[m * (n + 1) + n];
}

static void
test_myers_against_dp (void)
{
  GRand *rand = g_rand_new_with_seed (42);

  /* Patterns up to 150 characters: one, two and three 64-bit blocks. */
  for (guint round = 0; round < 300; round++)
    {
      guint n = g_rand_int_range (rand, 1, 300);
      guint m = g_rand_int_range (rand, 1, 151);
      guint k = g_rand_int_range (rand, 0, m / 2 + 1);
      g_autofree char *text = g_malloc (n + 1);
      g_autofree char *pattern = g_malloc (m + 1);
      g_autofree guint *best = g_new (guint, n + 1);
      g_autoptr(GArray) matches = NULL;
      guint runs = 0;
      gboolean in_run = FALSE;

      for (guint i = 0; i < n; i++)
        text[i] = "abc "[g_rand_int_range (rand, 0, 4)];
      text[n] = '\0';
      /* Half the patterns are a mutated piece of the text. */
      for (guint i = 0; i < m; i++)
        pattern[i] = (round % 2 && i < n && g_rand_int_range (rand, 0, 5))
          ? text[(i + n / 3) % n] : "abc "[g_rand_int_range (rand, 0, 4)];
      pattern[m] = '\0';

      /* Sellers: best[j] = min edits of pattern ending at j. */
      {
        g_autofree guint *prev = g_new (guint, n + 1);
        g_autofree guint *cur = g_new (guint, n + 1);

        for (guint j = 0; j <= n; j++)
          prev[j] = 0;
        for (guint i = 1; i <= m; i++)
          {
            guint *tmp;

            cur[0] = i;
            for (guint j = 1; j <= n; j++)
              {
                guint v = prev[j - 1] + (pattern[i - 1] != text[j - 1]);

                v = MIN (v, prev[j] + 1);
                v = MIN (v, cur[j - 1] + 1);
                cur[j] = v;
              }
            tmp = prev;
            prev = cur;
            cur = tmp;
          }
        memcpy (best, prev, (n + 1) * sizeof (guint));
      }

      for (guint j = 1; j <= n; j++)
        {
          if (best[j] <= MIN (k, m) && !in_run)
            runs++;
          in_run = best[j] <= MIN (k, m);
        }

      matches = _dossier_anchor_search (text, pattern, k);
      g_assert_cmpuint (matches->len, ==, runs);
      for (guint i = 0; i < matches->len; i++)
        {
          DossierAnchorMatch *match = &g_array_index (matches, DossierAnchorMatch, i);

          g_assert_cmpuint (match->errors, ==, best[match->end]);
          g_assert_cmpuint (distance (pattern, m, text + match->start, match->end - match->start),
                            ==, match->errors);
        }
    }

  g_rand_free (rand);
}

/* Hypothesis anchors on document.body.textContent. */
static char *
html_text_content (const char *path)
{
  htmlDocPtr doc = htmlReadFile (path, "utf-8", HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                                HTML_PARSE_NONET);
  xmlNodePtr node;
  char *text = NULL;

  g_assert_nonnull (doc);
  for (node = xmlDocGetRootElement (doc)->children; node; node = node->next)
    if (node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *)node->name, "body") == 0)
      {
        xmlChar *content = xmlNodeGetContent (node);

        text = g_strdup ((const char *)content);
        xmlFree (content);
      }
  xmlFreeDoc (doc);
  g_assert_nonnull (text);

  return text;
}

typedef struct
{
  const char *exact;
  const char *prefix;
  const char *suffix;
  gint64      start;
  gint64      end;
} Baseline;

static void
read_selectors (JsonObject *row,
                Baseline   *b)
{
  JsonArray *targets = json_object_get_array_member (row, "target");
  JsonArray *selectors = json_object_get_array_member (json_array_get_object_element (targets, 0),
                                                       "selector");

  memset (b, 0, sizeof *b);
  for (guint i = 0; i < json_array_get_length (selectors); i++)
    {
      JsonObject *selector = json_array_get_object_element (selectors, i);
      const char *type = json_object_get_string_member (selector, "type");

      if (g_str_equal (type, "TextQuoteSelector"))
        {
          b->exact = json_object_get_string_member (selector, "exact");
          b->prefix = json_object_get_string_member_with_default (selector, "prefix", "");
          b->suffix = json_object_get_string_member_with_default (selector, "suffix", "");
        }
      else if (g_str_equal (type, "TextPositionSelector"))
        {
          b->start = json_object_get_int_member (selector, "start");
          b->end = json_object_get_int_member (selector, "end");
        }
    }
}

/* The six annotations of the Hypothesis client's anchoring baselines must
 * anchor on the text of their pages; then again after edits of the page
 * text (text inserted at the top, a word of each quote changed). */
static void
test_hypothesis_baselines (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("DOSSIER_SHARED") ? g_getenv ("DOSSIER_SHARED")
                                                                       : "../shared",
                                           "corpora", "hypothesis-anchoring-baselines", NULL);
  const char *pages[] = { "minimal", "wikipedia-regression-testing" };
  guint counts[4][4] = { { 0 } };
  guint total = 0;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no hypothesis-anchoring-baselines corpus");
      return;
    }

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autofree char *html = g_strconcat (dir, "/", pages[p], ".html", NULL);
      g_autofree char *json = g_strconcat (dir, "/", pages[p], ".json", NULL);
      g_autofree char *text = html_text_content (html);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) shifted = g_string_new ("A paragraph that was not there before.\n\n");
      g_autoptr(DossierAnchorText) t = dossier_anchor_text_new (text);
      g_autoptr(DossierAnchorText) t_shifted = NULL;
      JsonArray *rows;

      g_string_append (shifted, text);
      t_shifted = dossier_anchor_text_new (shifted->str);

      json_parser_load_from_file (parser, json, &error);
      g_assert_no_error (error);
      rows = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "rows");

      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          Baseline b;
          guint start, end, at_start, at_end;
          DossierAnchorMethod method;
          g_autofree char *found = NULL;
          g_autofree char *mutated = NULL;
          g_autofree char *mutated_text = NULL;
          g_autoptr(DossierAnchorText) t_mutated = NULL;
          char *space;

          read_selectors (json_array_get_object_element (rows, i), &b);
          total++;

          /* 1. The page as it was annotated. */
          method = dossier_anchor_text_locate (t, b.exact, b.prefix, b.suffix, b.start,
                                               &start, &end, NULL);
          counts[0][method]++;
          g_assert_cmpint (method, !=, DOSSIER_ANCHOR_ORPHAN);
          found = dossier_anchor_text_dup_slice (t, start, end);
          g_assert_cmpstr (found, ==, b.exact);
          g_clear_pointer (&found, g_free);
          at_start = start;
          at_end = end;

          /* 2. Text inserted at the top. */
          method = dossier_anchor_text_locate (t_shifted, b.exact, b.prefix, b.suffix, b.start,
                                               &start, &end, NULL);
          counts[1][method]++;
          g_assert_cmpint (method, !=, DOSSIER_ANCHOR_ORPHAN);
          found = dossier_anchor_text_dup_slice (t_shifted, start, end);
          g_assert_cmpstr (found, ==, b.exact);
          g_clear_pointer (&found, g_free);

          /* 3. One character of the quote changed in the page (the
           * first space becomes two), anchored with the old quote. */
          mutated = g_strdup (b.exact);
          space = strchr (mutated, ' ');
          if (space == NULL || g_utf8_strlen (b.exact, -1) < 4)
            continue;
          {
            g_autoptr(GString) page = g_string_new (text);
            const char *at = g_utf8_offset_to_pointer (text, at_start);
            gsize byte = at - text + (space - mutated);

            g_assert_true (strncmp (at, b.exact, strlen (b.exact)) == 0);
            g_string_insert_c (page, byte, ' ');
            mutated_text = g_string_free (g_steal_pointer (&page), FALSE);
          }
          t_mutated = dossier_anchor_text_new (mutated_text);
          method = dossier_anchor_text_locate (t_mutated, b.exact, b.prefix, b.suffix, b.start,
                                               &start, &end, NULL);
          counts[2][method]++;
          g_assert_cmpint (method, ==, DOSSIER_ANCHOR_FUZZY);
          g_assert_cmpuint (start, ==, at_start);
          g_assert_cmpuint (end, ==, at_end + 1);
        }
    }

  g_assert_cmpuint (total, ==, 6);
  for (guint c = 0; c < 3; c++)
    g_test_message ("%s: position %u, exact %u, fuzzy %u, orphan %u",
                    c == 0 ? "as annotated" : c == 1 ? "text inserted" : "quote edited",
                    counts[c][DOSSIER_ANCHOR_POSITION], counts[c][DOSSIER_ANCHOR_EXACT],
                    counts[c][DOSSIER_ANCHOR_FUZZY], counts[c][DOSSIER_ANCHOR_ORPHAN]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/dossier/anchor/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("position", test_position);
  ADD ("inserted-before", test_inserted_before);
  ADD ("repeated", test_repeated);
  ADD ("word-changed", test_word_changed);
  ADD ("word-inserted", test_word_inserted);
  ADD ("whitespace", test_whitespace);
  ADD ("short-changed", test_short_changed);
  ADD ("orphan", test_orphan);
  ADD ("long-passage-edited", test_long_passage_edited);
#undef ADD
  g_test_add_func ("/dossier/anchor/repeated-same-context", test_repeated_same_context);
  g_test_add_func ("/dossier/anchor/unicode-offsets", test_unicode_offsets);
  g_test_add_func ("/dossier/anchor/drift", test_drift);
  g_test_add_func ("/dossier/anchor/empty-quote", test_empty_quote);
  g_test_add_func ("/dossier/anchor/many-orphans", test_many_orphans);
  g_test_add_func ("/dossier/anchor/myers-against-dp", test_myers_against_dp);
  g_test_add_func ("/dossier/anchor/hypothesis-baselines", test_hypothesis_baselines);

  return g_test_run ();
}
