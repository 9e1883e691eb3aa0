/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-entities"

#include "config.h"

#include <string.h>

#include "dossier-entities.h"
#include "dossier-entity-private.h"
#include "dossier-ner-private.h"

/*
 * Entity recognition for news text: rules over a linear token scan,
 * gazetteers compiled into the binary, and document-level evidence.
 *
 * 1. The text is cut into paragraphs; each is tokenized and its tokens marked
 *    (sentence starts, headline lines, quotes: places where a capital letter
 *    says nothing).
 * 2. Runs of capitalised words are segmented into titles ("Army Secretary"),
 *    gazetteer names, names ending in an organization or place word, and
 *    unknown names. Every segment becomes a candidate mention; roles come
 *    from titles, appositions and affiliations around person names.
 * 3. At the end, weak candidates (one unknown word, a sentence-initial
 *    capital) are resolved against the strong ones: "Witkoff" joins "Steve
 *    Witkoff", "NATO" the organization it abbreviates; words seen in lower
 *    case elsewhere are dropped.
 *
 * Everything is linear in the text: hash lookups only, no regular expressions.
 */

#define CHUNK_MAX (256 * 1024)

typedef enum
{
  CAND_WEAK        = 1 << 0,  /* needs document evidence */
  CAND_UNRELIABLE  = 1 << 1,  /* at a sentence start or in a headline */
  CAND_TITLE_ONLY  = 1 << 2,  /* a title word alone ("King"), maybe a surname */
  CAND_ALLCAPS     = 1 << 3,
  CAND_FROM_GAZ    = 1 << 4,
  CAND_DROPPED     = 1 << 5,
  CAND_PLACE_TAIL  = 1 << 6,  /* unknown name ending in a city: "Real Madrid" */
  CAND_GUESS       = 1 << 7,  /* a person only for want of other evidence */
} CandFlags;

typedef struct
{
  guint32            start;      /* bytes */
  guint32            end;
  guint32            cp_start;
  guint32            cp_end;
  const NerGazEntry *gaz;
  char              *role;
  gint32             link;       /* candidate this one abbreviates, or -1 */
  gint32             entity;     /* resolved entity, or -1 */
  guint64            key;        /* phrase hash of the folded words */
  guint8             ntok;
  guint8             kind;       /* NerKind */
  guint8             cue;        /* NerKind suggested by context */
  guint8             flags;
  guint8             role_prio;
} Cand;

typedef struct
{
  char              *name;
  GPtrArray         *cands;      /* indexes into the candidate array, as pointers */
  const NerGazEntry *gaz;
  char              *role;
  guint              role_prio;
  guint              name_ntok;
  guint32            first_cp;
  NerKind            kind;
} Ent;

/* The words seen in lower case, as a one-hash Bloom filter of fixed size
 * (512 KiB): cheap enough to feed every token, rarely wrong. */
#define WORDSET_BITS 22

typedef struct
{
  guint64 *bits;
} WordSet;

typedef struct
{
  const char         *text;
  const NerGazetteer *gaz;
  gboolean            english;
  gboolean            capital_nouns;   /* German: every noun has a capital */
  GArray             *tokens;   /* NerToken of the current chunk */
  GArray             *cands;    /* Cand */
  WordSet             lower;
  char               *pending_role;   /* plural title for a coordinated name */
  guint               pending_tok;
  /* words of a match report: how many, which of them, out of how many */
  guint               sport_hits;
  guint64             sport_seen;
  guint               n_lower;
} Ctx;

enum {
  W_A,
  W_ALSO,
  W_FORMERLY,
  W_NOW,
  W_THEN,
  W_AN,
  W_AND,
  W_FOR,
  W_HAD,
  W_HAS,
  W_IS,
  W_OF,
  W_ON,
  W_SAID,
  W_SAYS,
  W_THAT,
  W_THE,
  W_TOLD,
  W_WAS,
  W_WHICH,
  W_WHO,
  W_WITH,
  W_ITS,
  W_HIS,
  W_HER,
  W_THEIR,
  W_OUR,
  W_AT,
  N_WORDS
};

static const char * const word_list[N_WORDS] = {
  "a",
  "also",
  "formerly",
  "now",
  "then",
  "an",
  "and",
  "for",
  "had",
  "has",
  "is",
  "of",
  "on",
  "said",
  "says",
  "that",
  "the",
  "told",
  "was",
  "which",
  "who",
  "with",
  "its",
  "his",
  "her",
  "their",
  "our",
  "at",
};

static const char * const place_preps[] = {
  "in", "at", "near", "from", "to", "across", "into", "outside",
  "throughout", "via", "visit", "visited", "visiting", NULL };

static const char * const person_verbs[] = {
  "said", "says", "told", "added", "wrote", "explained", "argued",
  "noted", "asked", "replied", "tweeted", "insisted", "recalled",
  "admitted", "believes", "thinks", "thought", "himself", "herself",
  "who", NULL };

/* "said Smith, a spokesman": a reporting verb before a name */
static const char * const speech_verbs[] = {
  "said", "says", "added", "wrote", "explained", "noted", "argued", NULL };

/* The words of a match report, where the countries that play are teams */
static const char * const sport_words[] = {
  "match", "matches", "goal", "goals", "scored", "scoring", "scorer", "penalty",
  "minute", "stadium", "coach", "captain", "striker", "goalkeeper", "midfielder",
  "defender", "referee", "tournament", "league", "halftime", "innings", "wicket",
  "wickets", "touchdown", "quarterback", "playoff", "playoffs", "semifinal",
  "quarterfinal", "squad", "teammates", "kickoff", "equaliser", "equalizer",
  "substituted", "substitute", NULL };

/* "Kennedy Space Center", "Metro Toronto Convention Centre": a centre that
 * is a place people go to, not an institution ("Carter Center") */
static const char * const facility_words[] = {
  "space", "convention", "medical", "trade", "shopping", "community", "art",
  "arts", "science", "visitor", "visitors", "detention", "training", "sports",
  "cultural", "conference", "exhibition", "performing", "civic", "aquatic",
  "transit", "distribution", "data", "call", NULL };

/* "the town of Yeoncheon" */
static const char * const settlement_words[] = {
  "town", "city", "village", "province", "region", "district", "county",
  "state", "capital", "port", "island", "suburb", "municipality", NULL };

/* "the Trump administration", "the Monti government" */
static const char * const leader_nouns[] = {
  "administration", "government", "campaign", "presidency", "era", "cabinet",
  "regime", NULL };

static const char * const compass_words[] = {
  "north", "south", "east", "west", "northern", "southern", "eastern",
  "western", "central", "upper", "lower", "greater", "northeast",
  "northwest", "southeast", "southwest", NULL };

/* articles of other languages: "La Commission", "Die Welt" */
static const char * const articles[] = {
  "la", "le", "les", "el", "los", "las", "il", "lo", "gli", "der", "die",
  "das", "het", "os", "as", NULL };

static const char * const place_prefixes[] = {
  "cape", "lake", "mount", "mt.", "fort", "port", "isle", NULL };

static guint64 word_hash[N_WORDS];
static guint64 place_prefix_hash[G_N_ELEMENTS (place_prefixes)];
static guint64 article_hash[G_N_ELEMENTS (articles)];
static guint64 compass_hash[G_N_ELEMENTS (compass_words)];
static guint64 place_prep_hash[G_N_ELEMENTS (place_preps)];
static guint64 person_verb_hash[G_N_ELEMENTS (person_verbs)];
static guint64 speech_verb_hash[G_N_ELEMENTS (speech_verbs)];
static guint64 settlement_hash[G_N_ELEMENTS (settlement_words)];
static guint64 facility_hash[G_N_ELEMENTS (facility_words)];
static guint64 leader_noun_hash[G_N_ELEMENTS (leader_nouns)];
static guint64 sport_hash[G_N_ELEMENTS (sport_words)];
static guint64 sport_filter;   /* a bit for each sport word's hash modulo 64 */

/* Small closed word lists are compared by hash, computed once. */
static void
init_word_hashes (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < N_WORDS; i++)
        word_hash[i] = _dossier_ner_hash_text (word_list[i], strlen (word_list[i]));
      for (guint i = 0; place_preps[i]; i++)
        place_prep_hash[i] = _dossier_ner_hash_text (place_preps[i], strlen (place_preps[i]));
      for (guint i = 0; place_prefixes[i]; i++)
        place_prefix_hash[i] = _dossier_ner_hash_text (place_prefixes[i], strlen (place_prefixes[i]));
      for (guint i = 0; articles[i]; i++)
        article_hash[i] = _dossier_ner_hash_text (articles[i], strlen (articles[i]));
      for (guint i = 0; compass_words[i]; i++)
        compass_hash[i] = _dossier_ner_hash_text (compass_words[i], strlen (compass_words[i]));
      for (guint i = 0; person_verbs[i]; i++)
        person_verb_hash[i] = _dossier_ner_hash_text (person_verbs[i], strlen (person_verbs[i]));
      for (guint i = 0; speech_verbs[i]; i++)
        speech_verb_hash[i] = _dossier_ner_hash_text (speech_verbs[i], strlen (speech_verbs[i]));
      for (guint i = 0; leader_nouns[i]; i++)
        leader_noun_hash[i] = _dossier_ner_hash_text (leader_nouns[i], strlen (leader_nouns[i]));
      for (guint i = 0; facility_words[i]; i++)
        facility_hash[i] = _dossier_ner_hash_text (facility_words[i], strlen (facility_words[i]));
      for (guint i = 0; settlement_words[i]; i++)
        settlement_hash[i] = _dossier_ner_hash_text (settlement_words[i], strlen (settlement_words[i]));
      for (guint i = 0; sport_words[i]; i++)
        {
          sport_hash[i] = _dossier_ner_hash_text (sport_words[i], strlen (sport_words[i]));
          sport_filter |= G_GUINT64_CONSTANT (1) << (sport_hash[i] & 63);
        }
      g_once_init_leave (&done, 1);
    }
}

static inline gboolean
tok_is (const NerToken *t,
        guint           w)
{
  return (t->flags & NER_TOK_WORD) && t->hash == word_hash[w];
}

static gboolean
tok_in (const NerToken *t,
        const guint64  *hashes)
{
  if (!(t->flags & NER_TOK_WORD))
    return FALSE;
  for (guint i = 0; hashes[i]; i++)
    if (t->hash == hashes[i])
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------ helpers */

static void
wordset_init (WordSet *ws)
{
  ws->bits = g_new0 (guint64, (1u << WORDSET_BITS) / 64);
}

static inline void
wordset_add (WordSet *ws,
             guint64  h)
{
  guint64 i = (h >> 17) & ((1u << WORDSET_BITS) - 1);

  ws->bits[i >> 6] |= G_GUINT64_CONSTANT (1) << (i & 63);
}

static inline gboolean
wordset_contains (const WordSet *ws,
                  guint64        h)
{
  guint64 i = (h >> 17) & ((1u << WORDSET_BITS) - 1);

  return (ws->bits[i >> 6] >> (i & 63)) & 1;
}

static inline NerToken *
tok_at (Ctx  *ctx,
        guint i)
{
  return &g_array_index (ctx->tokens, NerToken, i);
}

static inline guint
n_toks (Ctx *ctx)
{
  return ctx->tokens->len;
}

static inline gboolean
tok_is_punct (const NerToken *t,
              gunichar        c)
{
  return (t->flags & NER_TOK_PUNCT) && t->ch == c;
}

static guint
word_flags (Ctx            *ctx,
            const NerToken *ct)
{
  NerToken *t = (NerToken *)ct;

  if (!(t->flags & NER_TOK_WORD))
    return 0;
  if (!(t->wflags & NER_WFLAGS_KNOWN))
    t->wflags = _dossier_ner_gazetteer_word (ctx->gaz, t->hash_nodot) | NER_WFLAGS_KNOWN;
  return t->wflags & ~NER_WFLAGS_KNOWN;
}


/* A name word: capitalised, an initial, or all capitals. */
static inline gboolean
is_name_tok (const NerToken *t)
{
  return (t->flags & NER_TOK_WORD) && (t->flags & NER_TOK_CAP);
}

static gboolean
is_particle_prefix (Ctx        *ctx,
                    const char *s,
                    gsize       len)
{
  if (len == 0 || len >= 8)
    return FALSE;
  return (_dossier_ner_gazetteer_word (ctx->gaz, _dossier_ner_hash_text (s, len)) & NER_W_PARTICLE) != 0;
}

/* ------------------------------------------------------------ marking */

static gboolean
is_open_quote (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x2018 || c == 0x201E || c == 0xAB ||
         c == '(' || c == '[' || c == '\'' || c == 0x2014 || c == 0x2013 ||
         c == ':' || c == 0x2022 || c == '*' || c == '-' || c == '|' || c == '>';
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

static void
mark_line (Ctx   *ctx,
           guint  a,
           guint  b)
{
  guint words = 0, caps = 0, allcaps = 0, lower = 0;

  /* a long lower-case word rules a headline out, without lookups */
  for (guint i = a; i < b; i++)
    {
      const NerToken *t = tok_at (ctx, i);

      if ((t->flags & NER_TOK_LOWER) && t->len > 4)
        return;
    }

  for (guint i = a; i < b; i++)
    {
      const NerToken *t = tok_at (ctx, i);

      if (!(t->flags & NER_TOK_WORD) || (t->flags & NER_TOK_DIGIT))
        continue;
      words++;
      if (t->flags & NER_TOK_ALLCAPS)
        allcaps++;
      if (t->flags & NER_TOK_CAP)
        caps++;
      else if (t->flags & NER_TOK_LOWER)
        {
          /* short function words stay lower case in headlines */
          if (!(t->len <= 4 && (word_flags (ctx, t) & NER_W_NONNAME)))
            lower++;
        }
    }

  if (words >= 2 && allcaps == words)
    {
      for (guint i = a; i < b; i++)
        tok_at (ctx, i)->flags |= NER_TOK_HEADLINE | NER_TOK_CAPSLINE | NER_TOK_UNRELIABLE;
    }
  else if (words >= 3 && lower == 0 && caps >= 3)
    {
      for (guint i = a; i < b; i++)
        tok_at (ctx, i)->flags |= NER_TOK_HEADLINE | NER_TOK_UNRELIABLE;
    }
}

static void
mark_tokens (Ctx *ctx)
{
  guint n = n_toks (ctx);
  gboolean sent = TRUE;
  gboolean after_quote = FALSE;
  guint seg_start = 0;

  for (guint i = 0; i < n; i++)
    {
      NerToken *t = tok_at (ctx, i);

      if (t->flags & NER_TOK_LINE)
        {
          sent = TRUE;
          after_quote = FALSE;
        }

      if (t->flags & NER_TOK_PUNCT)
        {
          if (is_sentence_end (t->ch))
            sent = TRUE;
          else if (is_open_quote (t->ch))
            after_quote = TRUE;
          continue;
        }

      if (t->flags & NER_TOK_POSS)
        continue;

      /* "al-Amr", "bin-Talal": a name word that starts with a particle */
      if ((t->flags & (NER_TOK_LOWER | NER_TOK_HYPHEN)) == (NER_TOK_LOWER | NER_TOK_HYPHEN))
        {
          const char *s = ctx->text + t->start;
          const char *dash = memchr (s, '-', t->len);

          if (dash != NULL && dash + 1 < s + t->len && g_ascii_isupper (dash[1]) &&
              is_particle_prefix (ctx, s, dash - s))
            {
              t->flags &= ~NER_TOK_LOWER;
              t->flags |= NER_TOK_CAP;
            }
        }

      if (sent)
        t->flags |= NER_TOK_SENT | NER_TOK_UNRELIABLE;
      else if (after_quote)
        t->flags |= NER_TOK_UNRELIABLE;
      sent = FALSE;
      after_quote = FALSE;

      /* "in the U.S. The next day": an abbreviation may end the sentence */
      if ((t->flags & NER_TOK_ABBR) && i + 1 < n && (tok_at (ctx, i + 1)->flags & NER_TOK_CAP))
        {
          NerToken *next = tok_at (ctx, i + 1);

          guint nf = word_flags (ctx, next);

          if ((nf & NER_W_NONNAME) && !(next->flags & NER_TOK_ABBR) &&
              !(nf & (NER_W_TITLE | NER_W_TITLE_HEAD | NER_W_MODIFIER | NER_W_FIRST)))
            sent = TRUE;
        }
    }

  /* headline segments: lines, also cut at dashes ("Title --- Dek") */
  for (guint i = 0; i <= n; i++)
    {
      gboolean cut = i == n;

      if (!cut)
        {
          const NerToken *t = tok_at (ctx, i);

          if ((t->flags & NER_TOK_LINE) && i > seg_start)
            cut = TRUE;
          else if ((t->flags & NER_TOK_PUNCT) &&
                   (t->ch == 0x2014 || t->ch == 0x2013 || t->ch == '|' ||
                    (t->ch == '-' && i + 1 < n && tok_is_punct (tok_at (ctx, i + 1), '-'))))
            cut = TRUE;
        }

      if (cut)
        {
          if (i > seg_start)
            mark_line (ctx, seg_start, i);
          seg_start = i;
        }
    }
}

/* ------------------------------------------------------------ candidates */

static Cand *
add_cand (Ctx     *ctx,
          guint    a,
          guint    b,
          NerKind  kind,
          guint    flags)
{
  Cand c = { 0 };
  const NerToken *ta = tok_at (ctx, a);
  const NerToken *tb = tok_at (ctx, b - 1);

  c.start = ta->start;
  c.end = tb->start + tb->len;
  c.cp_start = ta->cp;
  c.cp_end = tb->cp + tb->cp_len;
  c.kind = kind;
  c.flags = flags;
  c.link = -1;
  c.entity = -1;
  c.ntok = MIN (b - a, 255);
  /* the key ignores a final period: "Corp." and "Corp" are one name */
  for (guint i = a; i < b; i++)
    c.key = _dossier_ner_hash_combine (c.key, i + 1 < b ? tok_at (ctx, i)->hash : tok_at (ctx, i)->hash_nodot);
  /* "Hun Sen." at the end of a sentence: the period is not the name's */
  if (b - a > 1 && (tb->flags & NER_TOK_ABBR) && !(tb->flags & NER_TOK_INITIAL) &&
      ctx->text[c.end - 1] == '.' && (word_flags (ctx, tb) & NER_W_TITLE) &&
      memchr (ctx->text + tb->start, '.', tb->len - 1) == NULL)
    {
      c.end--;
      c.cp_end--;
    }
  if (ta->flags & (NER_TOK_UNRELIABLE | NER_TOK_HEADLINE))
    c.flags |= CAND_UNRELIABLE;
  g_array_append_val (ctx->cands, c);

  return &g_array_index (ctx->cands, Cand, ctx->cands->len - 1);
}

static Cand *
add_cand_bytes (Ctx      *ctx,
                const NerToken *t,
                gsize     off,
                gsize     len,
                NerKind   kind)
{
  Cand c = { 0 };

  c.start = t->start + off;
  c.end = c.start + len;
  c.cp_start = t->cp + g_utf8_strlen (ctx->text + t->start, off);
  c.cp_end = c.cp_start + g_utf8_strlen (ctx->text + c.start, len);
  c.kind = kind;
  c.link = -1;
  c.entity = -1;
  c.ntok = 1;
  c.key = _dossier_ner_hash_text (ctx->text + c.start, len);
  g_array_append_val (ctx->cands, c);

  return &g_array_index (ctx->cands, Cand, ctx->cands->len - 1);
}

/* Longest gazetteer name starting at token @a, ending by @b. */
static guint
match_gaz_uncached (Ctx                *ctx,
           guint               a,
           guint               b,
           const NerGazEntry **entry)
{
  guint max = MIN (_dossier_ner_gazetteer_max_words (ctx->gaz), b - a);
  guint64 hashes[16];

  if (!is_name_tok (tok_at (ctx, a)))
    return 0;
  hashes[0] = 0;
  for (guint n = 1; n <= max; n++)
    hashes[n] = _dossier_ner_hash_combine (hashes[n - 1], tok_at (ctx, a + n - 1)->hash);

  for (guint n = max; n >= 1; n--)
    {
      const NerGazForm *form;
      const NerToken *last = tok_at (ctx, a + n - 1);

      /* names end on a name word */
      if (!is_name_tok (last))
        continue;
      form = _dossier_ner_gazetteer_lookup (ctx->gaz, hashes[n]);
      if (form == NULL)
        continue;
      if (form->acronym)
        {
          gboolean caps = TRUE;

          for (guint i = a; i < a + n; i++)
            if ((tok_at (ctx, i)->flags & NER_TOK_LOWER) ||
                !(tok_at (ctx, i)->flags & (NER_TOK_ALLCAPS | NER_TOK_ABBR)) ||
                (tok_at (ctx, i)->flags & NER_TOK_CAPSLINE))
              caps = FALSE;
          /* "US" on an all-caps line is still the US, "WHO" is not */
          if (!caps && !(n == 1 && (tok_at (ctx, a)->flags & NER_TOK_ABBR)))
            continue;
        }
      if (!is_name_tok (tok_at (ctx, a)))
        continue;
      *entry = form->entry;
      return n;
    }

  return 0;
}

static void
memoize (Ctx   *ctx,
         guint  a,
         guint  b);

/* The run scanner asks the same questions many times: remember the answers. */
static guint
match_gaz (Ctx                *ctx,
           guint               a,
           guint               b,
           const NerGazEntry **entry)
{
  NerToken *t = tok_at (ctx, a);

  if (t->memo_b != b + 1)
    memoize (ctx, a, b);
  *entry = t->memo_entry;
  return t->memo_gaz;
}

static guint match_title_uncached (Ctx *ctx, guint a, guint b);

static guint
match_title_phrase (Ctx   *ctx,
                    guint  a,
                    guint  b)
{
  NerToken *t = tok_at (ctx, a);

  if (t->memo_b != b + 1)
    memoize (ctx, a, b);
  return t->memo_title;
}

static void
memoize (Ctx   *ctx,
         guint  a,
         guint  b)
{
  NerToken *t = tok_at (ctx, a);
  const NerGazEntry *e = NULL;

  t->memo_gaz = match_gaz_uncached (ctx, a, b, &e);
  t->memo_entry = e;
  t->memo_title = match_title_uncached (ctx, a, b);
  t->memo_b = b + 1;
}

/* Longest title phrase at @a: "Secretary of State", "Sen.", "Crown Prince". */
static guint
match_title_uncached (Ctx   *ctx,
                    guint  a,
                    guint  b)
{
  guint max = MIN (_dossier_ner_gazetteer_max_title (ctx->gaz), b - a);
  guint64 hashes[16];

  if (!(tok_at (ctx, a)->flags & NER_TOK_WORD))
    return 0;
  hashes[0] = 0;
  for (guint n = 1; n <= max; n++)
    hashes[n] = _dossier_ner_hash_combine (hashes[n - 1], tok_at (ctx, a + n - 1)->hash);

  for (guint n = max; n >= 1; n--)
    {
      if (!(tok_at (ctx, a + n - 1)->flags & NER_TOK_WORD))
        continue;
      if (_dossier_ner_gazetteer_title (ctx->gaz, hashes[n]))
        return n;
    }
  return 0;
}

static char *
span_text (Ctx   *ctx,
           guint  a,
           guint  b)
{
  const NerToken *ta = tok_at (ctx, a);
  const NerToken *tb = tok_at (ctx, b - 1);

  return g_strndup (ctx->text + ta->start, tb->start + tb->len - ta->start);
}

/* "envoys" -> "envoy", "Sens." -> "Sen." */
static char *
singular_role (const char *role)
{
  gsize len = strlen (role);

  if (len > 3 && g_str_has_suffix (role, "s.") && !g_str_has_suffix (role, "ss."))
    {
      char *s = g_strdup (role);

      s[len - 2] = '.';
      s[len - 1] = 0;
      return s;
    }
  if (len > 3 && role[len - 1] == 's' && role[len - 2] != 's')
    return g_strndup (role, len - 1);
  return g_strdup (role);
}

static void
set_role (Cand       *c,
          char       *role,
          guint       prio)
{
  if (role == NULL)
    return;
  if (c->role != NULL && c->role_prio >= prio)
    {
      g_free (role);
      return;
    }
  g_free (c->role);
  c->role = role;
  c->role_prio = prio;
}

/* Person name tokens from @a: capitalised words, initials, particles
 * ("bin Salman"), suffixes. Returns the end. */
static guint
person_extent (Ctx   *ctx,
               guint  a,
               guint  b)
{
  guint i = a;

  while (i < b)
    {
      const NerToken *t = tok_at (ctx, i);
      guint wf = word_flags (ctx, t);

      if (is_name_tok (t))
        {
          if ((wf & NER_W_DEMONYM) && i > a)
            break;
          if ((wf & NER_W_NONNAME) && !(wf & NER_W_FIRST) &&
              ((t->flags & NER_TOK_HEADLINE) ||
               (i > a && !(i == a + 1 && (word_flags (ctx, tok_at (ctx, a)) & NER_W_FIRST)))))
            break;
          i++;
          continue;
        }
      if ((wf & NER_W_PARTICLE) && i > a && i + 1 < b && is_name_tok (tok_at (ctx, i + 1)))
        {
          i++;
          continue;
        }
      /* "Nikolaus van der Pas", "Maria de los Santos" */
      if ((wf & NER_W_PARTICLE) && i > a && i + 2 < b &&
          (word_flags (ctx, tok_at (ctx, i + 1)) & NER_W_PARTICLE) &&
          (tok_at (ctx, i + 1)->flags & NER_TOK_LOWER) && is_name_tok (tok_at (ctx, i + 2)))
        {
          i += 2;
          continue;
        }
      break;
    }
  return i;
}

static gboolean
name_is_plausible (Ctx   *ctx,
                   guint  a,
                   guint  b)
{
  for (guint i = a; i < b; i++)
    {
      guint wf = word_flags (ctx, tok_at (ctx, i));

      if (wf & (NER_W_ORG | NER_W_PLACE))
        return FALSE;
    }
  /* at least one word that is not a common word */
  for (guint i = a; i < b; i++)
    {
      guint wf = word_flags (ctx, tok_at (ctx, i));

      if (!(wf & (NER_W_NONNAME | NER_W_TITLE | NER_W_DEMONYM)) || (wf & NER_W_FIRST))
        return TRUE;
    }
  return FALSE;
}

/* A role written before the run in lower case: "envoys Steve Witkoff",
 * "national security adviser John Bolton", "actor Dennis Hopper". */
static char *
preceding_role (Ctx   *ctx,
                guint  a)
{
  guint s;
  guint wf;
  const NerToken *t;

  if (a == 0)
    return NULL;
  t = tok_at (ctx, a - 1);
  if (!(t->flags & NER_TOK_WORD) || !(t->flags & NER_TOK_LOWER))
    return NULL;
  wf = word_flags (ctx, t);
  if (!(wf & (NER_W_TITLE | NER_W_ROLE_HEAD)))
    {
      /* plural: "envoys" */
      const char *w = ctx->text + t->start;

      if (t->len < 4 || w[t->len - 1] != 's')
        return NULL;
      if (!(_dossier_ner_gazetteer_word (ctx->gaz, _dossier_ner_hash_text (w, t->len - 1)) &
            (NER_W_TITLE | NER_W_ROLE_HEAD)))
        return NULL;
    }

  s = a - 1;
  while (s > 0 && a - s < 4)
    {
      const NerToken *p = tok_at (ctx, s - 1);
      guint pf;

      if (!(p->flags & NER_TOK_WORD) || (p->flags & NER_TOK_DIGIT))
        break;
      pf = word_flags (ctx, p);
      if ((pf & NER_W_NONNAME) && !(pf & (NER_W_MODIFIER | NER_W_ROLE_HEAD | NER_W_TITLE)))
        break;
      if ((p->flags & NER_TOK_CAP) && !(pf & NER_W_MODIFIER))
        break;
      s--;
    }

  return span_text (ctx, s, a);
}

/* ", a Kremlin envoy with close ties", ", Ukraine's national-security
 * adviser", ", an independent who": the words up to the last role noun. */
static char *
apposition_role (Ctx   *ctx,
                 guint  i)
{
  guint n = n_toks (ctx);
  guint start, last_head = 0;
  gboolean det = FALSE;

  if (i + 1 >= n || !tok_is_punct (tok_at (ctx, i), ','))
    return NULL;
  i++;
  /* ", then the group's leader" */
  if (i + 1 < n && (tok_is (tok_at (ctx, i), W_THEN) || tok_is (tok_at (ctx, i), W_NOW) ||
                    tok_is (tok_at (ctx, i), W_ALSO) || tok_is (tok_at (ctx, i), W_FORMERLY)))
    i++;
  if (tok_is (tok_at (ctx, i), W_A) || tok_is (tok_at (ctx, i), W_AN) ||
      tok_is (tok_at (ctx, i), W_THE))
    {
      det = TRUE;
      i++;
    }
  start = i;

  for (guint k = 0; i < n && k < 8; i++, k++)
    {
      const NerToken *t = tok_at (ctx, i);
      guint wf;

      if (t->flags & NER_TOK_POSS)
        {
          det = TRUE;
          continue;
        }
      if (!(t->flags & NER_TOK_WORD))
        break;
      if (i + 1 < n && (tok_at (ctx, i + 1)->flags & NER_TOK_POSS))
        {
          /* "Ukraine's national-security adviser" */
          det = TRUE;
          continue;
        }
      wf = word_flags (ctx, t);
      if (t->flags & NER_TOK_HYPHEN)
        {
          /* "national-security": the last part decides */
          const char *dash = NULL;

          for (const char *p = ctx->text + t->start + t->len - 1; p > ctx->text + t->start; p--)
            if (*p == '-')
              {
                dash = p;
                break;
              }
          if (dash != NULL)
            wf |= _dossier_ner_gazetteer_word (ctx->gaz,
                                               _dossier_ner_hash_text (dash + 1, ctx->text + t->start + t->len - dash - 1));
        }
      if (wf & NER_W_ROLE_HEAD)
        last_head = i + 1;
      else if (tok_is (t, W_WHO) || tok_is (t, W_WHICH) ||
               tok_is (t, W_THAT) || tok_is (t, W_WITH) ||
               tok_is (t, W_SAID) || tok_is (t, W_SAYS) ||
               tok_is (t, W_AND) || tok_is (t, W_WAS) ||
               tok_is (t, W_IS) || tok_is (t, W_HAS) ||
               tok_is (t, W_HAD) || tok_is (t, W_TOLD))
        break;
      else if ((t->flags & NER_TOK_CAP) && last_head == 0 && i == start && !det)
        {
          /* ", Moscow" is an enumeration, not a role */
          if (!(wf & (NER_W_MODIFIER | NER_W_TITLE)))
            return NULL;
        }
    }

  if (last_head == 0 || (!det && last_head - start > 1 && !(word_flags (ctx, tok_at (ctx, start)) & (NER_W_MODIFIER | NER_W_TITLE | NER_W_ROLE_HEAD))))
    return NULL;

  return span_text (ctx, start, last_head);
}

/* A role set before the name between commas, after an article or a
 * possessive: "its chief executive, Anna Wilk, says", "Ukraine's deputy
 * economy minister, Olena Marchenko, said". */
static char *
fronted_apposition_role (Ctx   *ctx,
                         guint  a,
                         guint  b)
{
  guint n = n_toks (ctx);
  guint head, s;
  const NerToken *t;

  if (a < 3 || b >= n || !tok_is_punct (tok_at (ctx, a - 1), ',') ||
      !tok_is_punct (tok_at (ctx, b), ','))
    return NULL;
  head = a - 2;
  t = tok_at (ctx, head);
  if (!(t->flags & NER_TOK_WORD) || !(t->flags & NER_TOK_LOWER) ||
      !(word_flags (ctx, t) & (NER_W_ROLE_HEAD | NER_W_TITLE)))
    return NULL;

  for (s = head; s > 0 && head - s < 5; s--)
    {
      const NerToken *p = tok_at (ctx, s - 1);

      if (p->flags & NER_TOK_POSS)
        {
          /* "Ukraine's" belongs to the role, "the company's" does not */
          if (s >= 2 && (tok_at (ctx, s - 2)->flags & NER_TOK_CAP) &&
              !(word_flags (ctx, tok_at (ctx, s - 2)) & NER_W_NONNAME))
            return span_text (ctx, s - 2, head + 1);
          return span_text (ctx, s, head + 1);
        }
      if (tok_is (p, W_THE) || tok_is (p, W_A) || tok_is (p, W_AN) || tok_is (p, W_ITS) ||
          tok_is (p, W_HIS) || tok_is (p, W_HER) || tok_is (p, W_THEIR) || tok_is (p, W_OUR))
        return span_text (ctx, s, head + 1);
      /* "new chief", "deputy transport": lower-case words only */
      if (!(p->flags & NER_TOK_WORD) || !(p->flags & NER_TOK_LOWER) || (p->flags & NER_TOK_DIGIT))
        return NULL;
    }

  return NULL;
}

static NerKind
context_cue (Ctx   *ctx,
             guint  a,
             guint  b)
{
  guint n = n_toks (ctx);

  /* "the Lombardy region", "the Monti government" */
  if (b < n && (tok_at (ctx, b)->flags & NER_TOK_LOWER) && tok_in (tok_at (ctx, b), settlement_hash))
    return NER_KIND_PLACE;
  if (b == a + 1 && b < n && (tok_at (ctx, b)->flags & NER_TOK_LOWER) &&
      tok_in (tok_at (ctx, b), leader_noun_hash))
    return NER_KIND_PERSON;

  if (a > 0)
    {
      const NerToken *p = tok_at (ctx, a - 1);

      if ((p->flags & NER_TOK_WORD) && (p->flags & NER_TOK_LOWER))
        {
          /* "an analyst at Rabobank": where someone works */
          if (tok_is (p, W_AT) && a > 1 && (tok_at (ctx, a - 2)->flags & NER_TOK_LOWER) &&
              (word_flags (ctx, tok_at (ctx, a - 2)) & NER_W_ROLE_HEAD))
            return NER_KIND_ORG;
          if (tok_in (p, place_prep_hash))
            return NER_KIND_PLACE;
          if (tok_is (p, W_THE))
            return NER_KIND_ORG;
          /* "the town of Yeoncheon" */
          if (tok_is (p, W_OF) && a > 1 && (tok_at (ctx, a - 2)->flags & NER_TOK_LOWER) &&
              tok_in (tok_at (ctx, a - 2), settlement_hash))
            return NER_KIND_PLACE;
          /* "said Mauer, who" */
          if (tok_in (p, speech_verb_hash) && b < n && tok_at (ctx, b)->flags & NER_TOK_PUNCT)
            return NER_KIND_PERSON;
        }
    }
  if (b < n)
    {
      const NerToken *t = tok_at (ctx, b);

      if ((t->flags & NER_TOK_WORD) && (t->flags & NER_TOK_LOWER))
        {
          if (tok_in (t, person_verb_hash))
            return NER_KIND_PERSON;
        }
      /* "Irving, Texas" */
      if (tok_is_punct (t, ',') && b + 1 < n && is_name_tok (tok_at (ctx, b + 1)))
        {
          const NerGazEntry *e = NULL;

          if (match_gaz (ctx, b + 1, MIN (n, b + 4), &e) && e->kind == NER_KIND_PLACE)
            return NER_KIND_PLACE;
        }
    }
  return NER_KIND_NONE;
}


static gboolean
hyphen_tail_lower (Ctx            *ctx,
                   const NerToken *t)
{
  static const char * const tails[] = {
    "based", "led", "backed", "like", "born", "owned", "run", "made", "style",
    "linked", "affiliated", "funded", "controlled", "sponsored", "speaking",
    "bound", "wide", "era", "allied", "aligned", "friendly", "centric",
    "inspired", "themed", "registered", "flagged", "listed", "American", NULL };
  const char *s = ctx->text + t->start;

  /* "Britain-based" but not "Chung-tai" */
  for (const char *p = s + t->len - 1; p > s; p--)
    if (*p == '-')
      {
        gsize n = s + t->len - p - 1;

        for (guint i = 0; tails[i]; i++)
          if (strlen (tails[i]) == n && strncmp (p + 1, tails[i], n) == 0)
            return TRUE;
        return FALSE;
      }
  return FALSE;
}

/* "Lebanese-Israeli", "Sino-Russian": adjectives of nationality */
static gboolean
all_demonyms (Ctx            *ctx,
              const NerToken *t)
{
  static const char * const combining[] = {
    "anglo", "franco", "sino", "indo", "russo", "greco", "italo", "austro",
    "afro", "euro", "judeo", "hispano", "luso", "turco", "german", NULL };
  const char *s = ctx->text + t->start;
  gsize off = 0;

  for (gsize i = 0; i <= t->len; i++)
    if (i == t->len || s[i] == '-')
      {
        gboolean ok = i > off &&
                      (_dossier_ner_gazetteer_word (ctx->gaz, _dossier_ner_hash_text (s + off, i - off)) &
                       NER_W_DEMONYM);

        for (guint k = 0; !ok && i < t->len && combining[k]; k++)
          ok = strlen (combining[k]) == i - off && g_ascii_strncasecmp (s + off, combining[k], i - off) == 0;
        if (!ok)
          return FALSE;
        off = i + 1;
      }
  return TRUE;
}

/* "pro-Beijing", "Anti-NATO": a prefix, not a name */
static gboolean
is_word_prefix (const char *s,
                gsize       len)
{
  static const char * const prefixes[] = {
    "pro", "anti", "non", "ex", "pan", "neo", "post", "pre", "mid", "trans",
    "co", "semi", "multi", "sub", "self", "counter", "inter", "intra", "extra",
    "ultra", "super", "mini", "quasi", "pseudo", "all", "un", NULL };

  for (guint i = 0; prefixes[i]; i++)
    if (strlen (prefixes[i]) == len && g_ascii_strncasecmp (s, prefixes[i], len) == 0)
      return TRUE;
  return FALSE;
}

/* Hyphenated words: "Kremlin-backed", "U.S.-Russia", "pro-Beijing". */
static void
scan_hyphenated (Ctx            *ctx,
                 const NerToken *t)
{
  const char *s = ctx->text + t->start;
  gsize off = 0;
  gboolean first_is_name = FALSE;

  for (gsize i = 0; i <= t->len; i++)
    {
      if (i == t->len || s[i] == '-')
        {
          gsize len = i - off;
          const NerGazForm *form;

          /* "Sen. Chuck Grassley, R-Iowa": a party's initial */
          if (off == 0 && len == 1 && i < t->len && (s[0] == 'R' || s[0] == 'D' || s[0] == 'I'))
            first_is_name = TRUE;
          if (len > 0 && g_ascii_isupper (s[off]) &&
              (form = _dossier_ner_gazetteer_lookup (ctx->gaz, _dossier_ner_hash_text (s + off, len))) != NULL &&
              (off == 0 || first_is_name) &&
              /* "R-La." is Louisiana, not LA */
              (!form->acronym || (len > 1 && g_ascii_isupper (s[off + 1]))))
            {
              Cand *c = add_cand_bytes (ctx, t, off, len, form->entry->kind);

              c->gaz = form->entry;
              c->flags |= CAND_FROM_GAZ;
              if (off == 0)
                first_is_name = TRUE;
            }
          off = i + 1;
        }
    }
}

/* A dateline: "WASHINGTON --", "KYIV, Ukraine (AP) —". */
static guint
scan_dateline (Ctx   *ctx,
               guint  a,
               guint  b)
{
  guint n = n_toks (ctx);
  const NerGazEntry *e = NULL;
  guint m;
  const NerToken *next;

  if (!(tok_at (ctx, a)->flags & NER_TOK_LINE) || b >= n)
    return 0;
  for (guint i = a; i < b; i++)
    if (!(tok_at (ctx, i)->flags & NER_TOK_ALLCAPS) && !(tok_at (ctx, i)->flags & NER_TOK_ABBR))
      return 0;
  next = tok_at (ctx, b);
  /* "LONDON 1996-08-30" */
  if ((next->flags & NER_TOK_DIGIT) && b - a <= 3)
    {
      const NerGazEntry *d = NULL;

      if (match_gaz (ctx, a, b, &d) == b - a && d->kind == NER_KIND_PLACE)
        {
          Cand *c = add_cand (ctx, a, b, d->kind, CAND_FROM_GAZ);

          c->gaz = d;
          c->flags &= ~CAND_UNRELIABLE;
          return b;
        }
      return 0;
    }
  if (!(next->flags & NER_TOK_PUNCT) ||
      !(next->ch == '-' || next->ch == 0x2014 || next->ch == 0x2013 || next->ch == ',' ||
        next->ch == '('))
    return 0;
  /* the dateline is followed by the story in ordinary case */
  if (b + 1 < n && (tok_at (ctx, b + 1)->flags & NER_TOK_CAPSLINE) && next->ch != ',')
    return 0;

  m = match_gaz (ctx, a, b, &e);
  if (m == b - a)
    {
      Cand *c = add_cand (ctx, a, b, e->kind, CAND_FROM_GAZ);

      c->gaz = e;
      c->flags &= ~CAND_UNRELIABLE;
      return b;
    }
  if (m == 0 && b - a <= 3)
    {
      Cand *c = add_cand (ctx, a, b, NER_KIND_PLACE, 0);

      c->flags &= ~CAND_UNRELIABLE;
      return b;
    }
  return 0;
}

static void
emit_gaz_in (Ctx   *ctx,
                guint  a,
                guint  b)
{
  for (guint i = a; i < b;)
    {
      const NerGazEntry *e = NULL;
      guint m = is_name_tok (tok_at (ctx, i)) ? match_gaz (ctx, i, b, &e) : 0;

      if (m > 0 && !(word_flags (ctx, tok_at (ctx, i)) & NER_W_MODIFIER && m == 1 &&
                     !(tok_at (ctx, i)->flags & NER_TOK_ALLCAPS)))
        {
          Cand *c = add_cand (ctx, i, i + m, e->kind, CAND_FROM_GAZ);

          c->gaz = e;
          c->flags &= ~CAND_UNRELIABLE;
          i += m;
        }
      else
        i++;
    }
}

/* "IE6", "STS-135", "F-16": model and mission codes, not names */
static gboolean
tok_has_digit (Ctx            *ctx,
               const NerToken *t)
{
  const char *s = ctx->text + t->start;

  for (guint i = 0; i < t->len; i++)
    if (g_ascii_isdigit (s[i]))
      return TRUE;
  return FALSE;
}

/* "Kennedy Space Center on April 12", "Center on STS-1": "on" joins names
 * only before a word that may be part of one ("Council on Foreign
 * Relations"); no connector joins a code with digits. */
static gboolean
connector_blocked (Ctx   *ctx,
                   guint  conn,
                   guint  next)
{
  const NerToken *t = tok_at (ctx, next);
  guint wf;

  if (tok_has_digit (ctx, t))
    return TRUE;
  if (!tok_is (tok_at (ctx, conn), W_ON))
    return FALSE;
  wf = word_flags (ctx, t);
  return (wf & NER_W_NONNAME) &&
         !(wf & (NER_W_ORG | NER_W_PLACE | NER_W_ORG_OF | NER_W_PLACE_OF | NER_W_MODIFIER));
}

/* A word used in lower case in the text so far, or a listed common word. */
static gboolean
is_common_word (Ctx            *ctx,
                const NerToken *t)
{
  if (word_flags (ctx, t) & NER_W_NONNAME)
    return TRUE;
  return wordset_contains (&ctx->lower, t->hash);
}

/* "Refusing", "Blown", "Reportedly": verb and adverb forms at a sentence start */
static gboolean
looks_inflected (Ctx            *ctx,
                 const NerToken *t)
{
  const char *s = ctx->text + t->start;
  gsize n = t->len;

  if (n < 5 || (t->flags & NER_TOK_NONASCII))
    return FALSE;
  return (s[n - 3] == 'i' && s[n - 2] == 'n' && s[n - 1] == 'g') ||
         (s[n - 2] == 'e' && s[n - 1] == 'd') ||
         (s[n - 2] == 'l' && s[n - 1] == 'y') ||
         (s[n - 2] == 'w' && s[n - 1] == 'n');
}

static gboolean
is_compass (Ctx            *ctx,
            const NerToken *t)
{
  return tok_in (t, compass_hash);
}

static guint
scan_compass (Ctx   *ctx,
              guint  a,
              guint  b)
{
  const NerGazEntry *e = NULL;
  guint m;

  if (is_compass (ctx, tok_at (ctx, a)) && a + 1 < b &&
      (m = match_gaz (ctx, a + 1, b, &e)) > 0 && e->kind == NER_KIND_PLACE &&
      match_gaz (ctx, a, b, &e) < m + 1)
    return m + 1;
  if ((m = match_gaz (ctx, a, b, &e)) > 0 && e->kind == NER_KIND_PLACE &&
      a + m < b && is_compass (ctx, tok_at (ctx, a + m)) &&
      (a + m + 1 == b || !is_name_tok (tok_at (ctx, a + m + 1))))
    return m + 1;
  return 0;
}

/* One word that is no name by its shape: a Roman numeral ("XVII"), an
 * abstract noun ("Islamophobia", "Scientology", "Darwinism") or an
 * adjective of nationality ("Gabonese"). */
static gboolean
looks_common_noun (Ctx            *ctx,
                   const NerToken *t)
{
  static const char * const endings[] = { "ism", "isms", "phobia", "ology", "ness", "ese", NULL };
  const char *s = ctx->text + t->start;
  gboolean roman = t->len >= 2;

  for (guint i = 0; i < t->len && roman; i++)
    roman = s[i] == 'I' || s[i] == 'V' || s[i] == 'X';
  if (roman)
    return TRUE;
  for (guint i = 0; endings[i]; i++)
    {
      gsize l = strlen (endings[i]);

      if (t->len > l + 2 && memcmp (s + t->len - l, endings[i], l) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A word before a given name that describes the person: a common word
 * ("Psychology major"), or one with the ending of a noun for a person
 * ("Scientologist", "Republican", "Writer"). */
static gboolean
looks_descriptor (Ctx            *ctx,
                  const NerToken *t)
{
  static const char * const endings[] = { "ist", "ists", "er", "ers", "or", "ors", "an", "ans", NULL };
  const char *s = ctx->text + t->start;

  if (is_common_word (ctx, t) ||
      (word_flags (ctx, t) & (NER_W_TITLE | NER_W_ROLE_HEAD | NER_W_MODIFIER | NER_W_DEMONYM)))
    return TRUE;
  for (guint i = 0; endings[i]; i++)
    {
      gsize l = strlen (endings[i]);

      if (t->len > l + 2 && memcmp (s + t->len - l, endings[i], l) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A word after the first of an unknown name that the text also uses in
 * lower case ("Campbell Soup", "Intelligence System"): surnames rarely are. */
static gboolean
has_common_tail (Ctx   *ctx,
                 guint  a,
                 guint  b)
{
  for (guint j = a + 1; j < b; j++)
    {
      const NerToken *t = tok_at (ctx, j);

      if (!(t->flags & (NER_TOK_INITIAL | NER_TOK_ALLCAPS)) &&
          !(word_flags (ctx, t) & (NER_W_FIRST | NER_W_PARTICLE)) &&
          wordset_contains (&ctx->lower, t->hash))
        return TRUE;
    }
  return FALSE;
}

/* "Unionists", "Conservatives", "Democrats": members of a group */
static gboolean
is_plural_group (Ctx            *ctx,
                 const NerToken *t)
{
  static const char * const endings[] = { "ists", "ives", "ians", "ites", "crats", NULL };
  const char *s = ctx->text + t->start;

  for (guint i = 0; endings[i]; i++)
    {
      gsize l = strlen (endings[i]);

      if (t->len > l + 1 && memcmp (s + t->len - l, endings[i], l) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A bare number of one to three digits */
static gboolean
is_small_number (Ctx            *ctx,
                 const NerToken *t)
{
  const char *s = ctx->text + t->start;

  if (!(t->flags & NER_TOK_DIGIT) || t->len > 3)
    return FALSE;
  for (guint i = 0; i < t->len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* A name in a line of results, "Hansa Rostock 1 Werder Bremen 3": it starts
 * the line or follows a score or a comma, and a score follows it, then
 * another name, a comma or the end of the line. */
static gboolean
is_score_entry (Ctx   *ctx,
                guint  a,
                guint  b)
{
  guint n = n_toks (ctx);
  const NerToken *ta = tok_at (ctx, a);
  const NerToken *next;

  /* "Ernie Els 68": a given name and a surname name a player */
  if (b - a >= 2 && (word_flags (ctx, ta) & NER_W_FIRST))
    return FALSE;

  /* "beat Chelsea 2-0" */
  if (b < n && (tok_at (ctx, b)->flags & NER_TOK_DIGIT) && tok_at (ctx, b)->len <= 5)
    {
      const char *s = ctx->text + tok_at (ctx, b)->start;
      const char *dash = memchr (s, '-', tok_at (ctx, b)->len);

      /* not "beat Sergi Bruguera 6-3": set scores name players, and so
       * does a given name and a surname */
      if (dash != NULL && dash > s && g_ascii_isdigit (dash[-1]) &&
          dash + 1 < s + tok_at (ctx, b)->len && g_ascii_isdigit (dash[1]) &&
          dash[-1] < '6' && dash[1] < '6' && (dash - s == 1))
        return TRUE;
    }

  if (b + 1 > n || !is_small_number (ctx, tok_at (ctx, b)))
    return FALSE;
  if (!(ta->flags & NER_TOK_LINE) && a > 0 && !is_small_number (ctx, tok_at (ctx, a - 1)) &&
      !tok_is_punct (tok_at (ctx, a - 1), ','))
    return FALSE;
  if (b + 1 == n)
    return TRUE;
  next = tok_at (ctx, b + 1);
  return (next->flags & NER_TOK_LINE) || tok_is_punct (next, ',') ||
         (is_name_tok (next) && (ta->flags & NER_TOK_LINE || is_small_number (ctx, tok_at (ctx, a - 1))));
}

/* "Mr.", "Mrs.", "Ms.": forms of address, not roles */
static gboolean
is_honorific (Ctx   *ctx,
              guint  a,
              guint  b)
{
  static const char * const words[] = {
    "mr", "mrs", "ms", "mx", "miss", "sir", "dame", "mme", "m", "herr", "frau",
    "messrs", NULL };

  if (b != a + 1)
    return FALSE;
  for (guint i = 0; words[i]; i++)
    if (tok_at (ctx, a)->hash_nodot == _dossier_ner_hash_text (words[i], strlen (words[i])))
      return TRUE;
  return FALSE;
}

/* Title at @a, maybe after modifiers and places ("U.S. Secretary of State",
 * "Army Secretary", "Russian President"); then the person's name. */
static gboolean
scan_title (Ctx    *ctx,
            guint   a,
            guint   b,
            guint  *out_end,
            Cand  **out_person)
{
  guint p = a, q, name_end, m;
  guint skipped = 0;
  guint portfolio_end = 0;
  guint role_end;
  Cand *c;

  *out_person = NULL;

  for (;;)
    {
      const NerToken *t = tok_at (ctx, p);
      guint wf;
      const NerGazEntry *e = NULL;

      if (p >= b || skipped > 4)
        return FALSE;

      m = match_title_phrase (ctx, p, b);
      if (m > 0)
        break;

      wf = word_flags (ctx, t);
      if (wf & (NER_W_MODIFIER | NER_W_DEMONYM))
        {
          p++;
          skipped++;
          continue;
        }
      if (is_name_tok (t) && (m = match_gaz (ctx, p, b, &e)) > 0)
        {
          p += m;
          skipped++;
          continue;
        }
      return FALSE;
    }

  q = p + m;
  role_end = q;
  /* "Prime Minister Sir Keir Starmer", "Sen. Dr. X"; "Undersecretary
   * Mr. Rossi" is no "Mr." by role */
  while (q < b && (m = match_title_phrase (ctx, q, b)) > 0 && q + m < b)
    {
      if (!is_honorific (ctx, q, q + m))
        role_end = q + m;
      q += m;
    }

  /* "Minister of Education Stefania Giannini", "Undersecretary for
   * Education Mr. Rossi": the portfolio belongs to the title, the name
   * starts at a given name, a form of address, or else its last two words */
  if (q + 2 < b && (tok_is (tok_at (ctx, q), W_OF) || tok_is (tok_at (ctx, q), W_FOR)) &&
      is_name_tok (tok_at (ctx, q + 1)))
    {
      guint j, start = 0;

      for (j = q + 2; j < b && j <= q + 5; j++)
        {
          if (!is_name_tok (tok_at (ctx, j)))
            break;
          if ((word_flags (ctx, tok_at (ctx, j)) & NER_W_FIRST) || is_honorific (ctx, j, j + 1))
            {
              start = j;
              break;
            }
        }
      if (start == 0 && j == b && b - q >= 4)
        start = b - 2;
      if (start > 0)
        {
          /* "Governor of Washington Chris Gregoire": places still count */
          emit_gaz_in (ctx, q + 1, start);
          portfolio_end = start;
          q = start;
          while (q < b && (m = match_title_phrase (ctx, q, b)) > 0 && q + m < b)
            q += m;
        }
    }

  name_end = person_extent (ctx, q, b);

  /* "Mr Key": after a form of address any capitalised word is a name */
  if (name_end == q ||
      (!name_is_plausible (ctx, q, name_end) &&
       !(is_honorific (ctx, a, q) && name_end == q + 1 &&
         !(word_flags (ctx, tok_at (ctx, q)) & (NER_W_TITLE | NER_W_TITLE_HEAD)))))
    {
      /* a title alone: "King" may be Angus King again */
      if (p == a && q == a + 1 && is_name_tok (tok_at (ctx, a)) &&
          !(tok_at (ctx, a)->flags & NER_TOK_ABBR) &&
          (q == b || !is_name_tok (tok_at (ctx, q))))
        {
          add_cand (ctx, a, q, NER_KIND_PERSON, CAND_WEAK | CAND_TITLE_ONLY);
          *out_end = q;
          return TRUE;
        }
      if (name_end == q && q > p)
        {
          /* skip the title words; places inside still count */
          emit_gaz_in (ctx, a, p);
          *out_end = q;
          return TRUE;
        }
      return FALSE;
    }

  emit_gaz_in (ctx, a, p);
  c = add_cand (ctx, q, name_end, NER_KIND_PERSON, 0);
  c->flags &= ~CAND_UNRELIABLE;
  {
    char *role = span_text (ctx, a, portfolio_end > 0 ? portfolio_end : role_end);
    char *sing = portfolio_end > 0 ? g_strdup (role) : singular_role (role);

    /* "Sens. A and B": the plural title applies to the next name too */
    if (strcmp (role, sing) != 0)
      {
        g_free (ctx->pending_role);
        ctx->pending_role = g_strdup (sing);
        ctx->pending_tok = name_end;
      }
    g_free (role);
    if (is_honorific (ctx, a, q))
      g_free (sing);
    else
      set_role (c, sing, 3);
  }
  *out_end = name_end;
  *out_person = c;
  return TRUE;
}

/* "envoys A and B", "Sens. A and B": the plural title covers B too */
static void
apply_coordination (Ctx   *ctx,
                    guint  k,
                    guint  end,
                    Cand  *c)
{
  gboolean ok = FALSE;

  if (ctx->pending_role == NULL || k < 2)
    return;
  if ((tok_is (tok_at (ctx, k - 1), W_AND) || tok_is_punct (tok_at (ctx, k - 1), ',')) &&
      ctx->pending_tok == k - 1)
    ok = TRUE;
  else if (k >= 3 && tok_is (tok_at (ctx, k - 1), W_AND) &&
           tok_is_punct (tok_at (ctx, k - 2), ',') && ctx->pending_tok == k - 2)
    ok = TRUE;
  if (!ok)
    return;

  if (c->role_prio < 3)
    set_role (c, g_strdup (ctx->pending_role), 3);
  c->kind = NER_KIND_PERSON;
  c->flags &= ~(CAND_WEAK | CAND_UNRELIABLE);
  ctx->pending_tok = end;
}

/* Does "and" at @i join one name ("Museum of Science and Industry", "National
 * Air and Space Museum") rather than two ("MIT and Colorado State University")? */
static gboolean
and_joins (Ctx      *ctx,
           guint     i,
           guint     b,
           gboolean  in_of)
{
  guint j = i + 1, last_wf = 0;
  gboolean kind_word = FALSE;

  if (j >= b || !is_name_tok (tok_at (ctx, j)))
    return FALSE;
  for (; j < b && is_name_tok (tok_at (ctx, j)); j++)
    {
      last_wf = word_flags (ctx, tok_at (ctx, j));
      /* "... and University of X" starts another name */
      if ((last_wf & (NER_W_ORG_OF | NER_W_PLACE_OF)) && j == i + 1)
        return FALSE;
      if (last_wf & (NER_W_ORG | NER_W_PLACE))
        kind_word = TRUE;
    }
  if (in_of)
    return !kind_word && (j >= b || !tok_is (tok_at (ctx, j), W_OF));
  /* outside an "of" phrase: the part after "and" must end the name */
  if (!(last_wf & (NER_W_ORG | NER_W_PLACE)))
    return FALSE;
  return !(word_flags (ctx, tok_at (ctx, i - 1)) & (NER_W_ORG | NER_W_PLACE));
}

static gboolean
is_center (const NerToken *t)
{
  static guint64 center, centre;

  if (center == 0)
    {
      center = _dossier_ner_hash_text ("center", 6);
      centre = _dossier_ner_hash_text ("centre", 6);
    }
  return t->hash == center || t->hash == centre;
}

/* A name ending in an organization or place word ("Civic Party"), or with
 * an "of" phrase after such a word ("University of Texas", "Andy Warhol
 * Foundation for the Visual Arts"). Returns its length in tokens. */
static guint
scan_suffixed (Ctx      *ctx,
               guint     a,
               guint     b,
               NerKind  *kind)
{
  guint i = a, end = a, of_pos = 0;
  gboolean of_ok = FALSE, in_of = FALSE;
  guint wf0 = word_flags (ctx, tok_at (ctx, a));
  NerKind k = NER_KIND_NONE, of_kind = NER_KIND_NONE;

  while (i < b)
    {
      const NerToken *t = tok_at (ctx, i);
      guint wf = word_flags (ctx, t);

      if (is_name_tok (t) || (t->flags & NER_TOK_DIGIT))
        {
          if ((wf & NER_W_NONNAME) && !(wf & (NER_W_ORG | NER_W_PLACE | NER_W_ORG_OF | NER_W_PLACE_OF)) &&
              ((t->flags & NER_TOK_HEADLINE) || (i == a && (t->flags & NER_TOK_UNRELIABLE))))
            break;
          /* "Bank of America CEO Brian Moynihan" */
          if (in_of && (wf & NER_W_TITLE) && !(wf & (NER_W_ORG | NER_W_PLACE)))
            break;
          /* "Society for Civil Relations Alia Haddad": a person's name
           * ends the run */
          if (in_of && i >= of_pos + 2 && (wf & NER_W_FIRST) && !(wf & (NER_W_ORG | NER_W_PLACE)) &&
              (b - i == 2 || b - i == 3) && is_name_tok (tok_at (ctx, i + 1)) &&
              is_name_tok (tok_at (ctx, b - 1)))
            break;
          i++;
          if (in_of)
            {
              end = i;
              if (wf & NER_W_PLACE && !(wf & NER_W_ORG))
                k = NER_KIND_PLACE;
              else if (wf & NER_W_ORG && !(wf & NER_W_PLACE))
                k = NER_KIND_ORG;
            }
          else if (wf & NER_W_ORG)
            end = i, k = NER_KIND_ORG;
          else if (wf & NER_W_PLACE)
            end = i, k = NER_KIND_PLACE;
          of_ok = (wf & (NER_W_ORG_OF | NER_W_PLACE_OF)) != 0;
          if (of_ok)
            of_kind = (wf & NER_W_ORG_OF) ? NER_KIND_ORG : NER_KIND_PLACE;
          continue;
        }
      if ((tok_is (t, W_AND) || tok_is_punct (t, '&')) && !and_joins (ctx, i, b, in_of))
        break;
      if ((of_ok && (tok_is (t, W_OF) || tok_is (t, W_FOR) ||
                     tok_is (t, W_ON))) ||
          (in_of && (tok_is (t, W_AND) || tok_is (t, W_THE) ||
                     tok_is_punct (t, '&') || tok_is (t, W_OF))) ||
          (!in_of && (tok_is (t, W_AND) || tok_is_punct (t, '&'))))
        {
          if (!in_of && of_ok && (tok_is (t, W_OF) || tok_is (t, W_FOR) ||
                                  tok_is (t, W_ON)))
            {
              if (i + 1 < b && connector_blocked (ctx, i, i + 1))
                break;
              of_pos = i;
              in_of = TRUE;
              k = of_kind;
            }
          i++;
          continue;
        }
      if (tok_is_punct (t, '&') && i + 1 < b)
        {
          i++;
          continue;
        }
      break;
    }

  /* "Cape Canaveral", "Lake Michigan", "Mount Everest", "Fort Worth" */
  if (end - a < 2 && !in_of && tok_in (tok_at (ctx, a), place_prefix_hash) &&
      a + 1 < b && is_name_tok (tok_at (ctx, a + 1)))
    {
      guint j = a + 1;

      while (j < b && is_name_tok (tok_at (ctx, j)) && j - a < 4)
        j++;
      *kind = NER_KIND_PLACE;
      return j - a;
    }

  if (end - a < 2 || k == NER_KIND_NONE)
    return 0;

  /* "Marc Lamont Hill" is a person */
  if (k == NER_KIND_PLACE && !in_of && (wf0 & NER_W_FIRST) && end - a <= 3)
    return 0;

  /* "Kennedy Space Center" is a place */
  if (k == NER_KIND_ORG && !in_of && end - a >= 2 && is_center (tok_at (ctx, end - 1)) &&
      tok_in (tok_at (ctx, end - 2), facility_hash))
    k = NER_KIND_PLACE;

  *kind = k;
  return end - a;
}

static void
attach_apposition (Ctx   *ctx,
                   Cand  *person,
                   guint  after)
{
  char *role = apposition_role (ctx, after);

  if (role != NULL)
    set_role (person, role, 2);
}

static void
scan_run (Ctx   *ctx,
          guint  a,
          guint  b)
{
  guint k = a;
  Cand *last_person = NULL;
  gint last_person_idx = -1;
  char *affiliation = NULL;
  char *pre_role = preceding_role (ctx, a);
  char *descriptor = NULL;

  if (scan_dateline (ctx, a, b) == b)
    {
      g_free (pre_role);
      return;
    }

  while (k < b)
    {
      const NerToken *t = tok_at (ctx, k);
      guint wf, m, g;
      const NerGazEntry *e = NULL;
      NerKind kind = NER_KIND_NONE;
      Cand *person = NULL;
      guint end;

      if (!is_name_tok (t))
        {
          k++;
          continue;
        }

      wf = word_flags (ctx, t);

      /* "The Huffington Post": the article is not part of the name */
      if (k + 1 < b && (tok_is (t, W_THE) || tok_is (t, W_A) || tok_is (t, W_AN) ||
                        (!ctx->english && tok_in (t, article_hash))))
        {
          k++;
          continue;
        }

      /* "East Los Angeles", "Kowloon West" */
      if ((m = scan_compass (ctx, k, b)) > 0)
        {
          Cand *c = add_cand (ctx, k, k + m, NER_KIND_PLACE, 0);

          c->flags &= ~CAND_UNRELIABLE;
          k += m;
          continue;
        }
      /* "South Korean", "North African": an adjective */
      if (k + 1 < b && is_compass (ctx, t) && (word_flags (ctx, tok_at (ctx, k + 1)) & NER_W_DEMONYM))
        {
          k += 2;
          continue;
        }

      /* a capital that says nothing: "Despite", "The", "Echoing" */
      if ((t->flags & NER_TOK_UNRELIABLE) && (wf & NER_W_NONNAME) &&
          !(wf & (NER_W_FIRST | NER_W_TITLE | NER_W_TITLE_HEAD | NER_W_MODIFIER)) &&
          match_gaz (ctx, k, b, &e) == 0 &&
          /* but "Whole Foods" at a sentence start is a name */
          !(k + 2 == b && (word_flags (ctx, tok_at (ctx, k + 1)) & NER_W_ORG) &&
            !(tok_at (ctx, k)->flags & NER_TOK_HEADLINE)))
        {
          k++;
          continue;
        }
      /* "Then England opened the scoring": a sentence's first word that
       * may modify a title ("then-President") but has none after it */
      if ((t->flags & NER_TOK_UNRELIABLE) && (wf & NER_W_NONNAME) && (wf & NER_W_MODIFIER) &&
          match_title_phrase (ctx, k, b) == 0 && match_gaz (ctx, k, b, &e) == 0 &&
          (k + 1 >= b || !is_name_tok (tok_at (ctx, k + 1)) ||
           ((m = match_gaz (ctx, k + 1, b, &e)) > 0 && k + 1 + m == b)))
        {
          k++;
          continue;
        }

      /* "US$ 20,000", "NZ $ 26 million": a currency, not a place */
      if ((t->flags & NER_TOK_ALLCAPS) && k + 1 == b && b < n_toks (ctx) &&
          tok_is_punct (tok_at (ctx, b), '$'))
        {
          k++;
          continue;
        }

      /* "Chanting Helmut Kohl must go": a participle starts the sentence */
      if ((t->flags & NER_TOK_UNRELIABLE) && !(t->flags & NER_TOK_HEADLINE) && k + 1 < b &&
          !(wf & (NER_W_FIRST | NER_W_TITLE | NER_W_MODIFIER)) && t->len >= 6 &&
          memcmp (ctx->text + t->start + t->len - 3, "ing", 3) == 0 &&
          match_gaz (ctx, k, b, &e) == 0 && is_name_tok (tok_at (ctx, k + 1)))
        {
          k++;
          continue;
        }

      /* "Britain-based": the place only, never part of a longer name */
      if ((t->flags & NER_TOK_HYPHEN) && hyphen_tail_lower (ctx, t))
        {
          scan_hyphenated (ctx, t);
          k++;
          continue;
        }

      /* 1. titles */
      if (scan_title (ctx, k, b, &end, &person))
        {
          if (person != NULL)
            {
              last_person = person;
              last_person_idx = ctx->cands->len - 1;
              apply_coordination (ctx, k, end, person);
            }
          k = end;
          continue;
        }

      /* 2. names ending in an organization or place word, or the gazetteer */
      g = match_gaz (ctx, k, b, &e);
      m = scan_suffixed (ctx, k, b, &kind);
      if (m > g && m >= 2)
        {
          Cand *c;

          if (g > 0 && g == m)
            {
              c = add_cand (ctx, k, k + g, e->kind, CAND_FROM_GAZ);
              c->gaz = e;
            }
          else
            c = add_cand (ctx, k, k + m, kind, 0);
          c->flags &= ~CAND_UNRELIABLE;
          k += m;
          continue;
        }

      if (g > 0)
        {
          /* "Jordan Peterson": a first name that is also a country */
          if (!(g == 1 && (wf & NER_W_FIRST) && k + 1 < b && is_name_tok (tok_at (ctx, k + 1)) &&
                !(word_flags (ctx, tok_at (ctx, k + 1)) & (NER_W_NONNAME | NER_W_ORG | NER_W_PLACE))))
            {
              Cand *c = add_cand (ctx, k, k + g, e->kind, CAND_FROM_GAZ);

              c->gaz = e;
              if (g == 1)
                c->cue = context_cue (ctx, k, k + 1);
              if (!(t->flags & NER_TOK_HEADLINE) || g > 1 || !(wf & NER_W_NONNAME))
                c->flags &= ~CAND_UNRELIABLE;
              /* appending may have moved the candidates */
              last_person = last_person_idx >= 0 ? &g_array_index (ctx->cands, Cand, last_person_idx) : NULL;
              if (e->kind == NER_KIND_PLACE && last_person != NULL &&
                  k >= 2 && tok_is (tok_at (ctx, k - 1), W_OF) &&
                  last_person->end == tok_at (ctx, k - 2)->start + tok_at (ctx, k - 2)->len)
                {
                  g_free (affiliation);
                  affiliation = g_strdup (e->name);
                  /* "Sens. A of X and B": the title reaches over "of X" */
                  if (ctx->pending_role != NULL && ctx->pending_tok == k - 1)
                    ctx->pending_tok = k + g;
                  /* "Sen. Angus King of Maine" */
                  if (last_person->role != NULL && last_person->role_prio >= 3 &&
                      strchr (last_person->role, '(') == NULL)
                    {
                      char *r = g_strdup_printf ("%s (%s)", last_person->role, e->name);

                      g_free (last_person->role);
                      last_person->role = r;
                    }
                }
              k += g;
              continue;
            }
        }

      if (wf & NER_W_DEMONYM)
        {
          k++;
          continue;
        }

      if ((t->flags & NER_TOK_HYPHEN) && !(t->flags & NER_TOK_ALLCAPS))
        {
          /* "Kremlin-backed" but not "Al-Maeena" */
          guint before = ctx->cands->len;
          const char *s = ctx->text + t->start;
          const char *dash = memchr (s, '-', t->len);

          const char *last_dash = dash;

          while (last_dash != NULL && memchr (last_dash + 1, '-', s + t->len - last_dash - 1) != NULL)
            last_dash = memchr (last_dash + 1, '-', s + t->len - last_dash - 1);
          scan_hyphenated (ctx, t);
          /* "Kremlin-backed", "Warhol-like", "Lebanese-Israeli": not a
           * name as a whole */
          if (ctx->cands->len > before || (dash != NULL && is_word_prefix (s, dash - s)) ||
              all_demonyms (ctx, t) ||
              (last_dash != NULL && last_dash + 1 < s + t->len && g_ascii_islower (last_dash[1])))
            {
              k++;
              continue;
            }
        }

      /* 4. unknown name */
      end = person_extent (ctx, k, b);
      if (end == k)
        {
          k++;
          continue;
        }
      /* "Scientologist Tom Cruise", "Aerospace Writer Marcia Dunn": a
       * descriptor before a given name */
      g_clear_pointer (&descriptor, g_free);
      if (end - k >= 3 && !(wf & (NER_W_FIRST | NER_W_PARTICLE)) && !(t->flags & NER_TOK_INITIAL))
        {
          for (guint j = k + 1; j + 1 < end && j <= k + 4; j++)
            {
              guint fj = word_flags (ctx, tok_at (ctx, j));
              gboolean after_title = (word_flags (ctx, tok_at (ctx, j - 1)) & (NER_W_TITLE | NER_W_ROLE_HEAD)) &&
                                     !(fj & (NER_W_TITLE | NER_W_ROLE_HEAD));

              if ((fj & NER_W_FIRST) || (after_title && end - j >= 2))
                {
                  /* "Farouk Ben Mustapha": an unknown given name is no
                   * descriptor; "Scientologist", "Aerospace Writer" are */
                  if (j == k + 1 && !after_title && !looks_descriptor (ctx, t))
                    break;
                  if (j == k + 1 || after_title)
                    {
                      /* "VOA West Africa Correspondent Purnell Murdock" */
                      if (after_title)
                        emit_gaz_in (ctx, k, j);
                      descriptor = span_text (ctx, k, j);
                      k = j;
                      t = tok_at (ctx, k);
                      wf = word_flags (ctx, t);
                    }
                  break;
                }
            }
        }
      /* "Cold War", "Iron Curtain": a capitalised common word inside the
       * name makes it a thing, not a person */
      if (end < b && is_name_tok (tok_at (ctx, end)) && !(wf & NER_W_FIRST) &&
          (word_flags (ctx, tok_at (ctx, end)) & NER_W_NONNAME) &&
          !(tok_at (ctx, end)->flags & NER_TOK_HEADLINE) &&
          !(word_flags (ctx, tok_at (ctx, end)) & (NER_W_TITLE | NER_W_TITLE_HEAD | NER_W_MODIFIER)))
        {
          k = end + 1;
          g_clear_pointer (&descriptor, g_free);
          continue;
        }
      {
        guint n = end - k;
        guint flags = 0;
        NerKind guess = NER_KIND_NONE;
        Cand *c;
        gboolean headline = (t->flags & NER_TOK_HEADLINE) != 0;

        if (n == 1 && !(wf & NER_W_FIRST) &&
            ((wf & (NER_W_NONNAME | NER_W_TITLE)) ||
             ((t->flags & NER_TOK_UNRELIABLE) && looks_inflected (ctx, t)) ||
             tok_has_digit (ctx, t) || looks_common_noun (ctx, t)))
          {
            k = end;
            continue;
          }
        /* "Lantern Festival", "Waitangi Day", "Patriot Act": events,
         * holidays, prizes and laws are not entities */
        if (n >= 2 && !(wf & NER_W_FIRST) &&
            (word_flags (ctx, tok_at (ctx, end - 1)) & NER_W_MISC))
          {
            k = end;
            continue;
          }
        /* "Foreign Affairs minister", "Education minister": a portfolio */
        if (end == b && b < n_toks (ctx) && !(wf & NER_W_FIRST) &&
            (tok_at (ctx, b)->flags & NER_TOK_LOWER) &&
            (word_flags (ctx, tok_at (ctx, b)) & NER_W_TITLE))
          {
            gboolean portfolio = TRUE;

            for (guint j = k; j < end && portfolio; j++)
              portfolio = (word_flags (ctx, tok_at (ctx, j)) & NER_W_MODIFIER) ||
                          is_common_word (ctx, tok_at (ctx, j));
            if (portfolio)
              {
                k = end;
                continue;
              }
          }

        if (!ctx->english && !(wf & NER_W_FIRST) && !ctx->capital_nouns &&
            n >= 3 && (t->flags & NER_TOK_UNRELIABLE))
          {
            /* "Prezidentas Gitanas Nausėda": the sentence's first word is
             * not known, the words after it are a name */
            k++;
            n--;
            t = tok_at (ctx, k);
            wf = word_flags (ctx, t);
          }
        if (!ctx->english && !(wf & NER_W_FIRST) &&
            (ctx->capital_nouns || n < 2 || (t->flags & NER_TOK_UNRELIABLE)))
          {
            /* other languages: names of two or more capitalised words inside
             * a sentence; German capitalises every noun, so there only names
             * that start with a given name */
            k = end;
            continue;
          }

        if (n >= 2)
          {
            gboolean orgish = FALSE;
            gboolean common = !(wf & NER_W_FIRST) && is_common_word (ctx, t);

            /* "Environment Canada", "DAB Youth": not a person's name */
            for (guint j = k; j < end; j++)
              {
                const NerToken *tj = tok_at (ctx, j);
                const NerGazEntry *ej = NULL;

                /* but "K.C. Maurer": initials */
                if ((tj->flags & NER_TOK_ALLCAPS) && tj->cp_len >= 3 && !(tj->flags & NER_TOK_CAPSLINE) &&
                    !((tj->flags & NER_TOK_ABBR) && j == k && match_gaz (ctx, j, j + 1, &ej) == 0))
                  orgish = TRUE;
                if (j > k && common && match_gaz (ctx, j, j + 1, &ej) == 1)
                  orgish = TRUE;
              }

            const NerToken *tl = tok_at (ctx, end - 1);

            if (tl->len == 1 && (tl->flags & NER_TOK_CAP))
              {
                /* "Group C", "Plan B" */
                if (wf & NER_W_ORG)
                  guess = NER_KIND_ORG;
                else
                  {
                    k = end;
                    continue;
                  }
              }
            else if (wf & NER_W_FIRST)
              guess = NER_KIND_PERSON;
            else if (is_compass (ctx, tok_at (ctx, end - 1)))
              guess = NER_KIND_PLACE;
            else if (match_gaz (ctx, end - 1, end, &e) == 1 && e->country &&
                     !(word_flags (ctx, tok_at (ctx, end - 1)) & NER_W_FIRST))
              {
                /* "Hitwise UK", "Fan Expo Canada": a name ending in a
                 * country is a company or a body, not a person (cities are
                 * surnames too: "Valeska Paris") */
                guess = NER_KIND_ORG;
              }
            else if (n >= 5 || orgish)
              guess = NER_KIND_ORG;
            else if (common || has_common_tail (ctx, k, end))
              {
                /* "Internet Explorer", "World Cup", "Campbell Soup": things,
                 * not people */
                k = end;
                continue;
              }
            else if (is_plural_group (ctx, tok_at (ctx, end - 1)))
              {
                /* "Ulster Unionists", "Young Conservatives" */
                guess = NER_KIND_ORG;
              }
            else
              {
                guess = NER_KIND_PERSON;
                flags |= CAND_GUESS;
                if (match_gaz (ctx, end - 1, end, &e) == 1 && e->kind == NER_KIND_PLACE)
                  flags |= CAND_PLACE_TAIL;
              }
            if (headline && !(wf & NER_W_FIRST))
              flags |= CAND_WEAK;
          }
        else
          {
            flags |= CAND_WEAK;
            if (t->flags & NER_TOK_ALLCAPS && !(t->flags & NER_TOK_CAPSLINE))
              {
                flags |= CAND_ALLCAPS;
                guess = NER_KIND_ORG;
              }
            else if (wf & NER_W_FIRST)
              guess = NER_KIND_PERSON;
          }

        /* "Hansa Rostock 1 Werder Bremen 3": teams in a table of results */
        if (is_score_entry (ctx, k, end))
          {
            guess = NER_KIND_ORG;
            flags &= ~(CAND_WEAK | CAND_ALLCAPS | CAND_GUESS | CAND_PLACE_TAIL);
          }
        c = add_cand (ctx, k, end, guess, flags);
        if (flags == 0 && guess == NER_KIND_ORG)
          c->flags &= ~CAND_UNRELIABLE;
        if (n >= 2 && !(flags & CAND_WEAK))
          c->flags &= ~CAND_UNRELIABLE;
        if (descriptor != NULL && guess == NER_KIND_PERSON)
          set_role (c, g_steal_pointer (&descriptor), 1);
        c->cue = context_cue (ctx, k, end);

        /* "(NATO)" after the organization it abbreviates */
        if (n == 1 && (flags & CAND_ALLCAPS) && k >= 2 && k + 1 < n_toks (ctx) &&
            tok_is_punct (tok_at (ctx, k - 1), '(') && tok_is_punct (tok_at (ctx, k + 1), ')') &&
            ctx->cands->len >= 2)
          {
            Cand *prev = &g_array_index (ctx->cands, Cand, ctx->cands->len - 2);

            if (prev->end == tok_at (ctx, k - 2)->start + tok_at (ctx, k - 2)->len &&
                prev->kind != NER_KIND_PERSON)
              c->link = ctx->cands->len - 2;
          }

        if (guess == NER_KIND_PERSON || n == 1)
          {
            if (k == a && pre_role != NULL)
              {
                char *sing = singular_role (pre_role);

                if (strcmp (sing, pre_role) != 0)
                  {
                    g_free (ctx->pending_role);
                    ctx->pending_role = g_strdup (sing);
                    ctx->pending_tok = end;
                  }
                set_role (c, sing, 2);
                c->kind = NER_KIND_PERSON;
                c->flags &= ~(CAND_WEAK | CAND_UNRELIABLE);
              }
            else
              {
                char *fronted = k == a && end == b && guess == NER_KIND_PERSON ?
                                fronted_apposition_role (ctx, a, b) : NULL;

                if (fronted != NULL)
                  set_role (c, fronted, 2);
                apply_coordination (ctx, k, end, c);
              }
            last_person = c;
            last_person_idx = ctx->cands->len - 1;
          }
        k = end;
      }
    }

  /* roles after the name: "X, a Kremlin envoy", "X of Maine, an independent" */
  if (last_person_idx >= 0)
    {
      last_person = &g_array_index (ctx->cands, Cand, last_person_idx);
      if (last_person->end == tok_at (ctx, b - 1)->start + tok_at (ctx, b - 1)->len ||
          affiliation != NULL)
        attach_apposition (ctx, last_person, b);
    }

  g_free (affiliation);
  g_free (pre_role);
  g_free (descriptor);
}

/* End of a run of capitalised words starting at @a: connectors may join
 * ("Bank of America", "bin Salman") when a capital follows. */
static guint
run_end (Ctx   *ctx,
         guint  a)
{
  guint n = n_toks (ctx);
  guint i = a + 1;

  while (i < n)
    {
      const NerToken *t = tok_at (ctx, i);

      if ((t->flags & NER_TOK_LINE) || (t->flags & NER_TOK_SENT))
        break;
      if ((t->flags & NER_TOK_HYPHEN) && hyphen_tail_lower (ctx, t))
        break;
      if (is_name_tok (t) || ((t->flags & NER_TOK_DIGIT) && i > a))
        {
          /* "501st Legion" style numbers only inside names, never a
           * date ("BRUSSELS 1996-08-22 The Commission") */
          if ((t->flags & NER_TOK_DIGIT) &&
              (!(i + 1 < n && is_name_tok (tok_at (ctx, i + 1))) ||
               !g_ascii_isalpha (ctx->text[t->start + t->len - 1])))
            break;
          i++;
          continue;
        }
      if (t->flags & NER_TOK_WORD && t->flags & NER_TOK_LOWER)
        {
          guint j = i;

          /* up to two connectors: "of the", "de la" */
          while (j < n && j - i < 2 && (tok_at (ctx, j)->flags & NER_TOK_LOWER) &&
                 (tok_is (tok_at (ctx, j), W_OF) ||
                  tok_is (tok_at (ctx, j), W_THE) ||
                  tok_is (tok_at (ctx, j), W_AND) ||
                  tok_is (tok_at (ctx, j), W_FOR) ||
                  tok_is (tok_at (ctx, j), W_ON) ||
                  (tok_at (ctx, j)->len <= 5 && (word_flags (ctx, tok_at (ctx, j)) & NER_W_PARTICLE))))
            j++;
          if (j > i && j < n && is_name_tok (tok_at (ctx, j)) &&
              !(tok_at (ctx, j)->flags & (NER_TOK_LINE | NER_TOK_SENT)) &&
              !connector_blocked (ctx, i, j))
            {
              i = j;
              continue;
            }
          break;
        }
      if ((t->flags & NER_TOK_PUNCT) && t->ch == '&' && i + 1 < n && is_name_tok (tok_at (ctx, i + 1)))
        {
          i++;
          continue;
        }
      break;
    }
  return i;
}

static void
scan_chunk (Ctx *ctx)
{
  guint n = n_toks (ctx);

  mark_tokens (ctx);

  for (guint i = 0; i < n;)
    {
      const NerToken *t = tok_at (ctx, i);

      if (!(t->flags & NER_TOK_WORD))
        {
          i++;
          continue;
        }

      if (!(t->flags & NER_TOK_CAP))
        {
          if (t->flags & NER_TOK_LOWER)
            {
              wordset_add (&ctx->lower, t->hash);
              ctx->n_lower++;
              if (sport_filter & (G_GUINT64_CONSTANT (1) << (t->hash & 63)))
                for (guint k = 0; sport_hash[k]; k++)
                  if (t->hash == sport_hash[k])
                    {
                      ctx->sport_hits++;
                      ctx->sport_seen |= G_GUINT64_CONSTANT (1) << k;
                      break;
                    }
            }
          i++;
          continue;
        }

      {
        guint e = run_end (ctx, i);

        scan_run (ctx, i, e);
        i = e;
      }
    }
}

/* ------------------------------------------------------------ resolution */

static char *
cand_text (Ctx        *ctx,
           const Cand *c)
{
  char *s = g_strndup (ctx->text + c->start, c->end - c->start);

  for (char *p = s; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return s;
}

static char *
cand_surface (Ctx        *ctx,
              const Cand *c)
{
  char *s = g_strndup (ctx->text + c->start, c->end - c->start);
  gboolean allcaps = TRUE;
  guint letters = 0;

  for (char *p = s; *p; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        *p = ' ';
      if (g_ascii_islower (*p))
        allcaps = FALSE;
      if (g_ascii_isalpha (*p))
        letters++;
    }

  /* "WASHINGTON" -> "Washington"; acronyms stay */
  if (allcaps && letters > 4 && !(c->flags & CAND_ALLCAPS))
    {
      gboolean start = TRUE;

      for (char *p = s; *p; p++)
        {
          if (g_ascii_isalpha (*p))
            {
              *p = start ? g_ascii_toupper (*p) : g_ascii_tolower (*p);
              start = FALSE;
            }
          else
            start = TRUE;
        }
    }
  return s;
}

static void
ent_free (Ent *e)
{
  g_free (e->name);
  g_free (e->role);
  g_ptr_array_unref (e->cands);
  g_free (e);
}

static guint
new_ent (GPtrArray         *ents,
         const char        *name,
         NerKind            kind,
         const NerGazEntry *gaz)
{
  Ent *e = g_new0 (Ent, 1);

  e->name = g_strdup (name);
  e->kind = kind;
  e->gaz = gaz;
  e->cands = g_ptr_array_new ();
  e->first_cp = G_MAXUINT32;
  g_ptr_array_add (ents, e);
  return ents->len - 1;
}

static guint
count_spaces (const char *s)
{
  guint n = 0;

  for (; *s; s++)
    n += *s == ' ';
  return n;
}

static void
assign (Ctx       *ctx,
        GPtrArray *ents,
        guint      ci,
        guint      ei)
{
  Cand *c = &g_array_index (ctx->cands, Cand, ci);
  Ent *e = g_ptr_array_index (ents, ei);

  c->entity = ei;
  g_ptr_array_add (e->cands, GUINT_TO_POINTER (ci));
  e->first_cp = MIN (e->first_cp, c->cp_start);
  if (c->role != NULL && (e->role == NULL || c->role_prio > e->role_prio))
    {
      g_free (e->role);
      e->role = g_strdup (c->role);
      e->role_prio = c->role_prio;
    }
}

/* First and last name words of a person's name. */
static void
name_parts (const char  *name,
            char       **first,
            char       **last)
{
  const char *sp = strchr (name, ' ');
  const char *lsp = strrchr (name, ' ');

  *first = sp ? g_strndup (name, sp - name) : NULL;
  *last = lsp ? g_strdup (lsp + 1) : NULL;
  /* "Martin Luther King Jr." */
  if (*last && (strcmp (*last, "Jr.") == 0 || strcmp (*last, "Sr.") == 0 ||
                strcmp (*last, "Jr") == 0 || strcmp (*last, "II") == 0 ||
                strcmp (*last, "III") == 0))
    {
      const char *p = lsp;

      while (p > name && p[-1] != ' ')
        p--;
      if (p > name && lsp > p)
        {
          g_free (*last);
          *last = g_strndup (p, lsp - p);
          if ((*last)[strlen (*last) - 1] == ',')
            (*last)[strlen (*last) - 1] = 0;
        }
    }
}

static char *
acronym_of (const char *name)
{
  GString *s = g_string_new (NULL);
  gboolean start = TRUE;
  guint words = 0;

  for (const char *p = name; *p; p++)
    {
      if (*p == ' ' || *p == '-')
        {
          start = TRUE;
          continue;
        }
      if (start)
        {
          words++;
          if (g_ascii_isupper (*p))
            g_string_append_c (s, *p);
          start = FALSE;
        }
    }
  if (s->len < 2 || words < 2)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/* Hash of a name as candidates' keys are made: folded, no final period. */
static guint64
key_of (const char *name)
{
  gsize len = strlen (name);

  if (len > 1 && name[len - 1] == '.')
    len--;
  return _dossier_ner_hash_text (name, len);
}

#define KEY(h) ((gpointer)(gsize)(h))

static void
index_add (GHashTable *table,
           guint64     key,
           guint       ei)
{
  if (key != 0 && !g_hash_table_contains (table, KEY (key)))
    g_hash_table_insert (table, KEY (key), GUINT_TO_POINTER (ei));
}

static gboolean
index_get (GHashTable *table,
           guint64     key,
           guint      *ei)
{
  gpointer v;

  if (!g_hash_table_lookup_extended (table, KEY (key), NULL, &v))
    return FALSE;
  *ei = GPOINTER_TO_UINT (v);
  return TRUE;
}

static void
index_last (GHashTable *by_last,
            guint64     h,
            guint       ei)
{
  GArray *list = g_hash_table_lookup (by_last, KEY (h));

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (by_last, KEY (h), list);
    }
  if (list->len == 0 || g_array_index (list, guint, list->len - 1) != ei)
    g_array_append_val (list, ei);
}

typedef struct
{
  guint kinds[4];     /* by NerKind, from guesses and context */
  guint reliable;     /* written with a capital that means something */
  guint lower_seen;   /* at a sentence start, and seen in lower case */
} Votes;

/* "the Warhol Polaroids" where the text also names "Andy Warhol": a
 * person's surname before an unknown word is that person, and the word a
 * thing named after them. */
static void
split_surname_modifiers (Ctx *ctx)
{
  GArray *cands = ctx->cands;
  g_autoptr(GHashTable) lasts = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < cands->len; i++)
    {
      Cand *c = &g_array_index (cands, Cand, i);
      const char *sp;

      if ((c->flags & CAND_WEAK) || c->kind != NER_KIND_PERSON || c->ntok < 2 || c->gaz != NULL)
        continue;
      sp = NULL;
      for (const char *p = ctx->text + c->start; p < ctx->text + c->end; p++)
        if (*p == ' ')
          sp = p;
      if (sp != NULL)
        g_hash_table_add (lasts, KEY (_dossier_ner_hash_text (sp + 1, ctx->text + c->end - sp - 1)));
    }
  if (g_hash_table_size (lasts) == 0)
    return;

  for (guint i = 0; i < cands->len; i++)
    {
      Cand *c = &g_array_index (cands, Cand, i);
      const char *s = ctx->text + c->start;
      const char *sp;
      guint64 h;

      if ((c->flags & CAND_WEAK) || c->kind != NER_KIND_PERSON || c->ntok != 2 ||
          c->gaz != NULL || c->role != NULL)
        continue;
      sp = memchr (s, ' ', c->end - c->start);
      /* "Wong Kwok-kin": a hyphenated given name; "Duran Duran" */
      if (sp == NULL || memchr (sp, '-', ctx->text + c->end - sp) != NULL ||
          ((gsize)(sp - s) == (gsize)(ctx->text + c->end - sp - 1) && memcmp (s, sp + 1, sp - s) == 0))
        continue;
      h = _dossier_ner_hash_text (s, sp - s);
      if (!g_hash_table_contains (lasts, KEY (h)) ||
          (_dossier_ner_gazetteer_word (ctx->gaz, h) & (NER_W_FIRST | NER_W_PARTICLE)))
        continue;
      c->cp_end = c->cp_start + g_utf8_strlen (s, sp - s);
      c->end = sp - ctx->text;
      c->ntok = 1;
      c->key = h;
      c->flags |= CAND_WEAK;
    }
}

/* A company's name: "Dalbar Financial Services Inc.", "Vanguard Group" */
static gboolean
is_company_name (const char *name)
{
  static const char * const suffixes[] = {
    "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Ltd",
    "Ltd.", "LLC", "PLC", "plc", "AG", "SA", "GmbH", "NV", "Group", "Holdings",
    "Associates", "Bancorp", NULL };
  const char *last = strrchr (name, ' ');

  if (last == NULL || !g_ascii_isupper (name[0]))
    return FALSE;
  for (guint i = 0; suffixes[i]; i++)
    if (strcmp (last + 1, suffixes[i]) == 0)
      return TRUE;
  return FALSE;
}

/* "Polaroids" and "Polaroid" both unresolved: a noun for a thing, since
 * names of people and places rarely come in singular and plural. */
static gboolean
has_number_twin (Ctx        *ctx,
                 GHashTable *weak_votes,
                 const Cand *c)
{
  const char *s = ctx->text + c->start;
  gsize len = c->end - c->start;
  char buf[128];

  if (len < 4 || len + 1 >= sizeof buf)
    return FALSE;
  if (s[len - 1] == 's')
    return g_hash_table_contains (weak_votes, KEY (_dossier_ner_hash_text (s, len - 1)));
  memcpy (buf, s, len);
  buf[len] = 's';
  return g_hash_table_contains (weak_votes, KEY (_dossier_ner_hash_text (buf, len + 1)));
}

static GPtrArray *
resolve (Ctx *ctx)
{
  GArray *cands = ctx->cands;
  GPtrArray *ents = g_ptr_array_new_with_free_func ((GDestroyNotify)ent_free);
  /* all keyed by phrase hashes */
  g_autoptr(GHashTable) by_key = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_last = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_array_unref);
  g_autoptr(GHashTable) by_first = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_surface = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_acronym = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_suffix = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_company = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) gaz_ent = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) weak_votes = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  split_surname_modifiers (ctx);

  /* strong candidates make entities */
  for (guint i = 0; i < cands->len; i++)
    {
      Cand *c = &g_array_index (cands, Cand, i);
      gpointer v;
      guint ei;

      if (c->flags & CAND_WEAK)
        continue;

      if (c->gaz != NULL)
        {
          if (g_hash_table_lookup_extended (gaz_ent, c->gaz, NULL, &v))
            ei = GPOINTER_TO_UINT (v);
          else
            {
              ei = new_ent (ents, c->gaz->name, c->gaz->kind, c->gaz);
              g_hash_table_insert (gaz_ent, (gpointer)c->gaz, GUINT_TO_POINTER (ei));
            }
        }
      else if (!index_get (by_key, c->key * 4 + c->kind, &ei))
        {
          g_autofree char *surface = cand_surface (ctx, c);

          ei = new_ent (ents, surface, c->kind, NULL);
          index_add (by_key, c->key * 4 + c->kind, ei);
        }
      assign (ctx, ents, i, ei);
      index_add (by_surface, c->key, ei);
    }

  /* one name, one kind: "Werder Bremen" guessed a person once is the
   * team the table of results showed */
  for (guint i = 0; i < cands->len; i++)
    {
      Cand *c = &g_array_index (cands, Cand, i);
      guint ei;

      if ((c->flags & (CAND_WEAK | CAND_GUESS)) != CAND_GUESS || c->role != NULL || c->entity < 0)
        continue;
      if (index_get (by_key, c->key * 4 + NER_KIND_ORG, &ei))
        {
          Ent *old = g_ptr_array_index (ents, c->entity);

          g_ptr_array_remove (old->cands, GUINT_TO_POINTER (i));
          assign (ctx, ents, i, ei);
        }
    }

  /* indexes: last and first names of people, acronyms and short forms of organizations */
  for (guint ei = 0; ei < ents->len; ei++)
    {
      Ent *e = g_ptr_array_index (ents, ei);
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;

      if (e->cands->len == 0)
        continue;
      if (e->kind == NER_KIND_PERSON)
        {
          name_parts (e->name, &first, &last);
          if (last != NULL)
            {
              const char *dash = strchr (last, '-');
              const char *lsp = strrchr (e->name, ' ');
              const char *psp = NULL;

              index_last (by_last, key_of (last), ei);
              /* "al-Bashir" is "Bashir" too */
              if (dash != NULL && dash - last <= 3 && g_ascii_islower (last[0]))
                index_last (by_last, key_of (dash + 1), ei);
              /* "Osama bin Laden" is "bin Laden" too, "Nikolaus van der
               * Pas" "van der Pas" */
              for (const char *p = e->name; p < lsp; p++)
                if (*p == ' ' && g_ascii_islower (p[1]))
                  {
                    psp = p;
                    index_last (by_last, key_of (psp + 1), ei);
                  }
            }
          if (first != NULL)
            index_add (by_first, key_of (first), ei);
        }
      else if (count_spaces (e->name) > 0)
        {
          g_autofree char *acr = acronym_of (e->name);

          if (acr != NULL)
            index_add (by_acronym, key_of (acr), ei);
          /* "Dalbar" for "Dalbar Financial Services Inc." */
          if (e->kind == NER_KIND_ORG && is_company_name (e->name))
            {
              index_add (by_company, _dossier_ner_hash_text (e->name, strchr (e->name, ' ') - e->name), ei);
              /* "Du Pont" for "Du Pont Co." */
              index_add (by_company, _dossier_ner_hash_text (e->name, strrchr (e->name, ' ') - e->name), ei);
            }

          /* "Foreign Relations Committee" for "Senate Foreign Relations Committee" */
          if (e->kind == NER_KIND_ORG)
            for (const char *p = strchr (e->name, ' '); p != NULL; p = strchr (p + 1, ' '))
              if (strchr (p + 1, ' ') != NULL)
                {
                  guint64 h = key_of (p + 1);

                  index_add (by_surface, h, ei);
                  index_add (by_suffix, h, ei);
                }
        }
    }

  /* "Du Pont" guessed a person where the text names "Du Pont Co." */
  for (guint i = 0; i < cands->len; i++)
    {
      Cand *c = &g_array_index (cands, Cand, i);
      guint ei;

      if ((c->flags & (CAND_WEAK | CAND_GUESS)) != CAND_GUESS || c->role != NULL || c->entity < 0)
        continue;
      if (index_get (by_company, c->key, &ei) && (guint)c->entity != ei)
        {
          Ent *old = g_ptr_array_index (ents, c->entity);

          g_ptr_array_remove (old->cands, GUINT_TO_POINTER (i));
          assign (ctx, ents, i, ei);
        }
    }

  /* "Foreign Relations Committee" after "Senate Foreign Relations Committee" */
  for (guint ei = 0; ei < ents->len; ei++)
    {
      Ent *e = g_ptr_array_index (ents, ei);
      guint target;

      if (e->kind != NER_KIND_ORG || e->gaz != NULL || count_spaces (e->name) == 0)
        continue;
      if (index_get (by_suffix, key_of (e->name), &target) && target != ei)
        {
          for (guint k = 0; k < e->cands->len; k++)
            assign (ctx, ents, GPOINTER_TO_UINT (g_ptr_array_index (e->cands, k)), target);
          g_ptr_array_set_size (e->cands, 0);
        }
    }

  /* "Mr. Smith", "President Trump" after "John Smith", "Donald Trump" */
  for (guint ei = 0; ei < ents->len; ei++)
    {
      Ent *e = g_ptr_array_index (ents, ei);
      GArray *list;

      if (e->kind != NER_KIND_PERSON || e->cands->len == 0)
        continue;
      /* "Smith", "Bin Laden", "Van der Pas" */
      if (count_spaces (e->name) > 1)
        {
          const char *sp = strchr (e->name, ' ');

          if (!(_dossier_ner_gazetteer_word (ctx->gaz, _dossier_ner_hash_text (e->name, sp - e->name)) &
                NER_W_PARTICLE))
            continue;
        }
      list = g_hash_table_lookup (by_last, KEY (key_of (e->name)));
      if (list != NULL)
        {
          guint target = g_array_index (list, guint, 0);

          for (guint k = 0; k < list->len; k++)
            {
              Ent *t = g_ptr_array_index (ents, g_array_index (list, guint, k));

              if (t->first_cp < e->first_cp)
                target = g_array_index (list, guint, k);
            }
          if (target == ei)
            continue;
          for (guint k = 0; k < e->cands->len; k++)
            assign (ctx, ents, GPOINTER_TO_UINT (g_ptr_array_index (e->cands, k)), target);
          g_ptr_array_set_size (e->cands, 0);
        }
    }

  /* a one-word name from the gazetteer that is someone's surname here */
  for (guint i = 0; i < cands->len; i++)
    {
      Cand *c = &g_array_index (cands, Cand, i);
      GArray *list;

      if (c->gaz == NULL || c->ntok != 1 || c->cue == NER_KIND_PLACE ||
          (c->gaz->kind == NER_KIND_PLACE && c->cue != NER_KIND_PERSON && c->cue != NER_KIND_NONE))
        continue;
      list = g_hash_table_lookup (by_last, KEY (c->key));
      if (list != NULL)
        /* the old entity drops it when built: c->entity no longer points there */
        assign (ctx, ents, i, g_array_index (list, guint, 0));
    }

  /* weak candidates: join an entity, or vote for a kind */
  for (guint i = 0; i < cands->len; i++)
    {
      Cand *c = &g_array_index (cands, Cand, i);
      GArray *list;
      guint ei;

      if (!(c->flags & CAND_WEAK))
        continue;

      if (c->link >= 0 && g_array_index (cands, Cand, c->link).entity >= 0)
        {
          assign (ctx, ents, i, g_array_index (cands, Cand, c->link).entity);
          index_add (by_surface, c->key, c->entity);
          continue;
        }
      if ((list = g_hash_table_lookup (by_last, KEY (c->key))) != NULL)
        {
          guint best = g_array_index (list, guint, 0);

          /* the nearest person before, else the first; not one merged
           * into another */
          for (guint k = 0; k < list->len; k++)
            {
              guint ek = g_array_index (list, guint, k);
              Ent *e = g_ptr_array_index (ents, ek);

              if (e->first_cp < c->cp_start && e->cands->len > 0)
                best = ek;
            }
          assign (ctx, ents, i, best);
          continue;
        }
      if (index_get (by_surface, c->key, &ei) ||
          ((c->flags & CAND_ALLCAPS) && index_get (by_acronym, c->key, &ei)) ||
          index_get (by_company, c->key, &ei) ||
          /* "Li said" after "Li Keqiang" */
          (c->ntok == 1 && (!(c->flags & CAND_UNRELIABLE) || c->cue == NER_KIND_PERSON) &&
           index_get (by_first, c->key, &ei)))
        {
          assign (ctx, ents, i, ei);
          continue;
        }
      if (c->flags & CAND_TITLE_ONLY)
        continue;

      /* unresolved: gather evidence for this name */
      {
        Votes *votes = g_hash_table_lookup (weak_votes, KEY (c->key));

        if (votes == NULL)
          {
            votes = g_new0 (Votes, 1);
            g_hash_table_insert (weak_votes, KEY (c->key), votes);
          }
        votes->kinds[c->cue]++;
        if (c->kind != NER_KIND_NONE)
          votes->kinds[c->kind]++;
        if (!(c->flags & CAND_UNRELIABLE))
          votes->reliable++;
        else if (c->ntok == 1 && wordset_contains (&ctx->lower, c->key))
          votes->lower_seen++;
      }
    }

  /* second pass over unresolved weak candidates */
  for (guint i = 0; i < cands->len; i++)
    {
      Cand *c = &g_array_index (cands, Cand, i);
      Votes *votes;
      NerKind kind;
      guint ei;

      if (!(c->flags & CAND_WEAK) || c->entity >= 0 || (c->flags & CAND_TITLE_ONLY))
        continue;

      if (index_get (by_key, c->key, &ei))
        {
          assign (ctx, ents, i, ei);
          continue;
        }
      votes = g_hash_table_lookup (weak_votes, KEY (c->key));
      if (votes == NULL)
        continue;
      if (c->ntok == 1 && has_number_twin (ctx, weak_votes, c))
        continue;
      /* only at sentence starts and in headlines: a name only with evidence */
      if (votes->reliable == 0 &&
          (votes->lower_seen > 0 || c->ntok > 1 ||
           (votes->kinds[NER_KIND_PERSON] == 0 && votes->kinds[NER_KIND_ORG] == 0 &&
            votes->kinds[NER_KIND_PLACE] == 0)))
        continue;

      if (votes->kinds[NER_KIND_PERSON] >= votes->kinds[NER_KIND_PLACE] &&
          votes->kinds[NER_KIND_PERSON] >= votes->kinds[NER_KIND_ORG] &&
          votes->kinds[NER_KIND_PERSON] > 0)
        kind = NER_KIND_PERSON;
      else if (votes->kinds[NER_KIND_PLACE] >= votes->kinds[NER_KIND_ORG] && votes->kinds[NER_KIND_PLACE] > 0)
        kind = NER_KIND_PLACE;
      else if (votes->kinds[NER_KIND_ORG] > 0 || votes->reliable >= 3)
        kind = NER_KIND_ORG;
      else
        continue;

      {
        g_autofree char *surface = cand_surface (ctx, c);

        ei = new_ent (ents, surface, kind, NULL);
        index_add (by_key, c->key, ei);
        assign (ctx, ents, i, ei);
      }
    }

  /* "Real Madrid", "Werder Bremen": a name ending in a city is a club or a
   * company, unless the text calls someone by that last word alone, as
   * "Paris" after "Valeska Paris" */
  for (guint ei = 0; ei < ents->len; ei++)
    {
      Ent *e = g_ptr_array_index (ents, ei);
      gboolean tail = FALSE, other = FALSE;

      if (e->kind != NER_KIND_PERSON || e->gaz != NULL || e->role != NULL)
        continue;
      for (guint k = 0; k < e->cands->len && !other; k++)
        {
          Cand *c = &g_array_index (cands, Cand, GPOINTER_TO_UINT (g_ptr_array_index (e->cands, k)));

          if ((guint)c->entity != ei)
            continue;
          if (c->flags & CAND_PLACE_TAIL)
            tail = TRUE;
          else
            other = TRUE;
        }
      if (tail && !other)
        e->kind = NER_KIND_ORG;
    }

  /* In a match report the countries that play are teams: "Sweden
   * defeated South Korea 1 – 0", "Tunisia's goalkeeper". Those named
   * mostly as where things happen ("in Russia") stay places. */
  if (ctx->sport_hits >= 8 && __builtin_popcountll (ctx->sport_seen) >= 4 &&
      ctx->sport_hits * 100 >= ctx->n_lower)
    for (guint ei = 0; ei < ents->len; ei++)
      {
        Ent *e = g_ptr_array_index (ents, ei);
        guint n = 0, where = 0;

        if (e->kind != NER_KIND_PLACE || e->gaz == NULL || !e->gaz->country)
          continue;
        for (guint k = 0; k < e->cands->len; k++)
          {
            Cand *c = &g_array_index (cands, Cand, GPOINTER_TO_UINT (g_ptr_array_index (e->cands, k)));

            if ((guint) c->entity != ei)
              continue;
            n++;
            where += c->cue == NER_KIND_PLACE;
          }
        if (n > 0 && 2 * where < n)
          e->kind = NER_KIND_ORG;
      }

  return ents;
}

static int
cmp_mention_cands (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  GArray *cands = user_data;
  const Cand *ca = &g_array_index (cands, Cand, GPOINTER_TO_UINT (*(gpointer *)a));
  const Cand *cb = &g_array_index (cands, Cand, GPOINTER_TO_UINT (*(gpointer *)b));

  return (ca->cp_start > cb->cp_start) - (ca->cp_start < cb->cp_start);
}

static int
cmp_entities (gconstpointer a,
              gconstpointer b)
{
  DossierEntity *ea = *(DossierEntity **)a;
  DossierEntity *eb = *(DossierEntity **)b;
  guint na = dossier_entity_get_n_mentions (ea);
  guint nb = dossier_entity_get_n_mentions (eb);
  const DossierEntityMention *ma, *mb;

  if (na != nb)
    return na > nb ? -1 : 1;
  ma = dossier_entity_get_mentions (ea, NULL);
  mb = dossier_entity_get_mentions (eb, NULL);
  if (na == 0)
    return 0;
  return (ma[0].start > mb[0].start) - (ma[0].start < mb[0].start);
}

static GPtrArray *
build_entities (Ctx       *ctx,
                GPtrArray *ents)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint ei = 0; ei < ents->len; ei++)
    {
      Ent *e = g_ptr_array_index (ents, ei);
      DossierEntity *entity;
      DossierEntityKind kind;
      g_autofree char *name = NULL;
      guint best_len = 0;
      guint32 last_end = 0;
      gboolean any = FALSE;

      if (e->cands->len == 0)
        continue;

      g_ptr_array_sort_with_data (e->cands, cmp_mention_cands, ctx->cands);

      /* the fullest form names the entity */
      if (e->gaz != NULL)
        name = g_strdup (e->gaz->name);
      else
        {
          Cand *best = NULL;

          for (guint k = 0; k < e->cands->len; k++)
            {
              Cand *c = &g_array_index (ctx->cands, Cand, GPOINTER_TO_UINT (g_ptr_array_index (e->cands, k)));
              guint score = c->ntok * 1000 + (c->end - c->start);

              if ((guint)c->entity != ei)
                continue;

              if (c->flags & CAND_UNRELIABLE && c->ntok == 1)
                score /= 2;
              if (score > best_len)
                {
                  best_len = score;
                  best = c;
                }
            }
          if (best == NULL)
            continue;
          name = cand_surface (ctx, best);
        }

      switch (e->kind)
        {
        case NER_KIND_ORG:
          kind = DOSSIER_ENTITY_ORGANIZATION;
          break;
        case NER_KIND_PLACE:
          kind = DOSSIER_ENTITY_PLACE;
          break;
        default:
          kind = DOSSIER_ENTITY_PERSON;
          break;
        }

      entity = dossier_entity_new (name, kind);
      for (guint k = 0; k < e->cands->len; k++)
        {
          Cand *c = &g_array_index (ctx->cands, Cand, GPOINTER_TO_UINT (g_ptr_array_index (e->cands, k)));

          if ((guint)c->entity != ei || (any && c->cp_start < last_end))
            continue;
          _dossier_entity_append_mention (entity, c->cp_start, c->cp_end);
          last_end = c->cp_end;
          any = TRUE;

          if (k < 64)
            {
              g_autofree char *s = cand_text (ctx, c);

              dossier_entity_add_alias (entity, s);
            }
        }
      if (!any)
        {
          g_object_unref (entity);
          continue;
        }
      if (e->kind == NER_KIND_PERSON && e->role != NULL)
        dossier_entity_set_role (entity, e->role);
      g_ptr_array_add (out, entity);
    }

  g_ptr_array_sort (out, cmp_entities);
  return out;
}

/* Cuts the text into paragraphs (blank lines), at most CHUNK_MAX bytes. */
static gsize
next_chunk_end (const char *text,
                gsize       start,
                gsize       len)
{
  gsize i = start;
  gsize limit = MIN (len, start + CHUNK_MAX);

  while (i < limit)
    {
      const char *nl = memchr (text + i, '\n', limit - i);
      gsize j;

      if (nl == NULL)
        break;
      j = nl - text + 1;
      while (j < limit && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r'))
        j++;
      if (j < limit && text[j] == '\n')
        return j;
      i = nl - text + 1;
    }

  if (limit < len)
    {
      /* a long paragraph: cut after a sentence */
      for (gsize j = limit; j > start + CHUNK_MAX / 2; j--)
        if (text[j - 1] == '.' && (text[j] == ' ' || text[j] == '\n'))
          return j;
      /* or at least between characters */
      while (limit > start && ((guchar)text[limit] & 0xC0) == 0x80)
        limit--;
    }
  return limit;
}

/**
 * dossier_entities_analyze:
 * @text: the article text
 * @language: (nullable): its language, an ISO 639 code; %NULL for English
 *
 * Finds the people, organizations and places of @text, each with all of
 * its mentions (Unicode code point offsets into @text) and, for people, the
 * role the text gives them.
 *
 * Returns: (transfer full) (element-type DossierEntity): the entities,
 *   most mentioned first
 */
GPtrArray *
dossier_entities_analyze (const char *text,
                          const char *language)
{
  Ctx ctx = { 0 };
  gsize len, pos = 0;
  guint32 cp = 0;
  GPtrArray *ents, *out;

  g_return_val_if_fail (text != NULL, NULL);

  len = strlen (text);
  ctx.text = text;
  ctx.gaz = _dossier_ner_gazetteer_get ();
  init_word_hashes ();
  ctx.english = language == NULL || language[0] == 0 || g_str_has_prefix (language, "en") ||
                g_str_equal (language, "und");
  ctx.capital_nouns = language != NULL && (g_str_has_prefix (language, "de") ||
                                           g_str_has_prefix (language, "lb"));
  ctx.tokens = g_array_sized_new (FALSE, FALSE, sizeof (NerToken), 4096);
  ctx.cands = g_array_new (FALSE, FALSE, sizeof (Cand));
  wordset_init (&ctx.lower);

  while (pos < len)
    {
      gsize end = next_chunk_end (text, pos, len);

      if (end <= pos)
        end = len;
      g_array_set_size (ctx.tokens, 0);
      cp = _dossier_ner_tokenize (text, pos, end, cp, ctx.tokens);
      scan_chunk (&ctx);
      g_clear_pointer (&ctx.pending_role, g_free);
      pos = end;
    }

  ents = resolve (&ctx);
  out = build_entities (&ctx, ents);

  for (guint i = 0; i < ctx.cands->len; i++)
    g_free (g_array_index (ctx.cands, Cand, i).role);
  g_array_unref (ctx.cands);
  g_array_unref (ctx.tokens);
  g_ptr_array_unref (ents);
  g_free (ctx.lower.bits);
  g_free (ctx.pending_role);

  return out;
}

/**
 * dossier_entities_to_json:
 * @entities: (element-type DossierEntity): entities
 *
 * Returns: (transfer full): the entities as the JSON array of DESIGN.md
 */
JsonNode *
dossier_entities_to_json (GPtrArray *entities)
{
  JsonArray *array = json_array_sized_new (entities != NULL ? entities->len : 0);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  /* objects built directly: a long clipping has many thousands of mentions */
  for (guint i = 0; entities != NULL && i < entities->len; i++)
    {
      DossierEntity *e = g_ptr_array_index (entities, i);
      JsonObject *object = json_object_new ();
      JsonArray *aliases = json_array_new ();
      JsonArray *mentions;
      const DossierEntityMention *m;
      const char * const *a;
      guint n;

      json_object_set_string_member (object, "name", dossier_entity_get_name (e));
      json_object_set_string_member (object, "kind",
                                     dossier_entity_kind_to_string (dossier_entity_get_kind (e)));
      if (dossier_entity_get_role (e) != NULL)
        json_object_set_string_member (object, "role", dossier_entity_get_role (e));
      else
        json_object_set_null_member (object, "role");

      a = dossier_entity_get_aliases (e);
      for (guint k = 0; a[k]; k++)
        json_array_add_string_element (aliases, a[k]);
      json_object_set_array_member (object, "aliases", aliases);

      m = dossier_entity_get_mentions (e, &n);
      mentions = json_array_sized_new (n);
      for (guint k = 0; k < n; k++)
        {
          JsonObject *mo = json_object_new ();

          json_object_set_int_member (mo, "start", m[k].start);
          json_object_set_int_member (mo, "end", m[k].end);
          json_array_add_object_element (mentions, mo);
        }
      json_object_set_array_member (object, "mentions", mentions);
      json_array_add_object_element (array, object);
    }

  json_node_take_array (node, array);
  return node;
}
