/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-sentences"

#include "config.h"

#include <string.h>

#include "dossier-sentences.h"

/* Abbreviations after which a period never ends a sentence: titles and
 * honorifics always precede a name. */
static const char * const title_abbrevs[] = {
  "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "gen", "col",
  "lt", "sgt", "capt", "cmdr", "adm", "maj", "prof", "rev", "hon", "pres",
  "st", "mt", "ft", "vs", "no", "nos", "art", "fig", "vol", "pp", "cf",
  "approx", "dept", "est", "etc_", "supt", "insp", "atty", "messrs", "mmes",
  "sr", "sra", "mme", "mlle", "hr", "fr", "nr", "ul", "pl", "al", "ave",
};

/* Abbreviations that may end a sentence: they end one only when a typical
 * sentence opener follows. */
static const char * const soft_abbrevs[] = {
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
  "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
  "sun", "inc", "corp", "co", "ltd", "jr", "bros", "llc", "plc", "etc", "mo",
  "calif", "fla", "ill", "mass", "mich", "minn", "penn", "tenn", "tex", "va",
  "wash", "wis", "ariz", "colo", "conn", "ga", "ind", "kan", "ky", "la", "md",
  "miss", "mont", "neb", "nev", "okla", "ore", "pa", "wyo", "del", "d", "m",
};

static const char * const openers[] = {
  "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and",
  "in", "on", "at", "this", "that", "these", "those", "there", "his", "her",
  "their", "its", "our", "after", "when", "while", "if", "as", "for", "some",
  "many", "most", "officials", "mr", "mrs", "ms", "dr", "one", "two", "then",
  "yet", "still", "however", "meanwhile", "also", "last", "since", "during",
};

/* German writes ordinal days with a period: "am 27. November" */
static const char * const german_months[] = {
  "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli",
  "august", "september", "oktober", "november", "dezember",
};

static GHashTable *
build_set (const char * const *words,
           gsize               n)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (gsize i = 0; i < n; i++)
    g_hash_table_add (set, (gpointer) words[i]);
  return set;
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 ||
         c == 0x2009 || c == 0x202F || c == 0x3000 || c == 0x200B ||
         c == 0xFEFF;
}

static gboolean
is_closer (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D ||
         c == 0x2019 || c == 0xBB || c == 0x203A;
}

static gboolean
is_opener (gunichar c)
{
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C ||
         c == 0x2018 || c == 0xAB || c == 0x2039 || c == 0x2014 ||
         c == 0x2013 || c == '-';
}

/* bytes the scanner must look at */
static guint8 stops[256];

typedef struct
{
  GHashTable *titles;
  GHashTable *soft;
  GHashTable *openers;
  GHashTable *months;
} Lexicon;

static const Lexicon *
get_lexicon (void)
{
  static gsize initialized = 0;
  static Lexicon lex;

  if (g_once_init_enter (&initialized))
    {
      lex.titles = build_set (title_abbrevs, G_N_ELEMENTS (title_abbrevs));
      lex.soft = build_set (soft_abbrevs, G_N_ELEMENTS (soft_abbrevs));
      lex.openers = build_set (openers, G_N_ELEMENTS (openers));
      lex.months = build_set (german_months, G_N_ELEMENTS (german_months));
      stops['\0'] = stops['.'] = stops['!'] = stops['?'] = stops['\n'] = 1;
      stops[0xE2] = 1;   /* "…" */
      g_once_init_leave (&initialized, 1);
    }
  return &lex;
}

/* Lower-cases the ASCII word of at most @cap - 1 bytes at @p..@end into @buf;
 * returns FALSE if it does not fit or holds non-ASCII bytes. */
static gboolean
ascii_word (const char *p,
            const char *end,
            char       *buf,
            gsize       cap)
{
  gsize n = end - p;

  if (n == 0 || n >= cap)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      if ((guchar) p[i] >= 0x80)
        return FALSE;
      buf[i] = g_ascii_tolower (p[i]);
    }
  buf[n] = '\0';
  return TRUE;
}

/* Decides whether the period at @dot ends a sentence, given the first
 * character @next after the following white space at @next_p. */
static gboolean
period_ends_sentence (const Lexicon *lex,
                      const char    *text,
                      const char    *dot,
                      gunichar       next,
                      const char    *next_p)
{
  const char *w = dot;
  gboolean has_inner_dot = FALSE;
  char word[32];

  /* the word before the period, possibly with inner periods (U.S, a.m) */
  while (w > text)
    {
      const char *prev = g_utf8_prev_char (w);
      gunichar c = g_utf8_get_char (prev);

      if (g_unichar_isalpha (c))
        w = prev;
      else if (c == '.' && prev > text &&
               g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (prev))))
        {
          has_inner_dot = TRUE;
          w = prev;
        }
      else
        break;
    }
  if (w == dot)
    {
      /* "27. November": an ordinal day, when one or two digits */
      const char *d = dot;
      int digits = 0;

      while (d > text && g_ascii_isdigit (d[-1]) && digits < 3)
        {
          d--;
          digits++;
        }
      if (digits >= 1 && digits <= 2 && (d == text || !g_ascii_isdigit (d[-1])))
        {
          const char *e = next_p;
          g_autofree char *lower = NULL;

          while (*e && g_unichar_isalpha (g_utf8_get_char (e)))
            e = g_utf8_next_char (e);
          lower = g_utf8_strdown (next_p, e - next_p);
          if (g_hash_table_contains (lex->months, lower))
            return FALSE;
        }
      return TRUE;            /* "1998." or ")." */
    }

  if (!has_inner_dot && g_utf8_strlen (w, dot - w) == 1 &&
      g_unichar_isupper (g_utf8_get_char (w)))
    return FALSE;           /* an initial: "Harry S. Truman" */

  if (!ascii_word (w, dot, word, sizeof word))
    return TRUE;

  if (!has_inner_dot && g_hash_table_contains (lex->titles, word))
    return FALSE;

  if (has_inner_dot || g_hash_table_contains (lex->soft, word))
    {
      const char *e = next_p;
      char opener[16];

      if (g_unichar_isdigit (next))
        return FALSE;
      while (*e && g_ascii_isalpha (*e))
        e++;
      return ascii_word (next_p, e, opener, sizeof opener) &&
             g_hash_table_contains (lex->openers, opener);
    }
  return TRUE;
}

/* Text without sentence ends (a minified page, a list of words) would
 * make one sentence of everything, and every date or name in it would
 * carry a copy of that sentence: cut such runs at a space. */
#define MAX_SENTENCE_LENGTH 2000

static void push (GArray     *out,
                  const char *text,
                  const char *start,
                  const char *end,
                  guint       cp_start,
                  guint       cp_end);

static void
push_piece (GArray      *out,
            const char  *text,
            const char **start,
            const char  *end,
            guint       *cp_start)
{
  const char *p = *start;
  const char *cut = NULL;
  guint cp = *cp_start;
  guint cut_cp = 0;

  /* the last space before the limit, or the limit itself in a run
   * without spaces */
  for (guint n = 0; n < MAX_SENTENCE_LENGTH && p < end; n++)
    {
      if (n > 0 && is_space (g_utf8_get_char (p)))
        {
          cut = p;
          cut_cp = cp;
        }
      p = g_utf8_next_char (p);
      cp++;
    }
  if (cut == NULL)
    {
      cut = p;
      cut_cp = cp;
    }
  push (out, text, *start, cut, *cp_start, cut_cp);

  /* the next piece starts at its first non-space character */
  while (cut < end && is_space (g_utf8_get_char (cut)))
    {
      cut = g_utf8_next_char (cut);
      cut_cp++;
    }
  *start = cut;
  *cp_start = cut_cp;
}

static void
push (GArray     *out,
      const char *text,
      const char *start,
      const char *end,
      guint       cp_start,
      guint       cp_end)
{
  DossierSentence s;

  while (cp_end - cp_start > MAX_SENTENCE_LENGTH && start < end)
    push_piece (out, text, &start, end, &cp_start);
  if (start >= end)
    return;

  /* trim trailing white space */
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
      cp_end--;
    }
  if (end <= start)
    return;
  s.start = cp_start;
  s.end = cp_end;
  s.byte_start = start - text;
  s.byte_end = end - text;
  g_array_append_val (out, s);
}

/**
 * dossier_sentences_split:
 * @text: UTF-8 text
 *
 * Splits @text into sentences. A sentence ends at `.`, `!`, `?` or `…`
 * (with any closing quotes or brackets) followed by white space and an
 * upper-case letter, a digit or an opening quote, unless the period belongs
 * to an abbreviation (Mr., Sen., Nov. 16, U.S. officials) or an initial;
 * blank lines always end a sentence.
 *
 * Returns: (transfer full) (element-type DossierSentence): the sentences in
 *   order, as code-point ranges with their byte offsets
 */
GArray *
dossier_sentences_split (const char *text)
{
  const Lexicon *lex;
  GArray *out;
  const char *p, *start;
  guint cp = 0, cp_start = 0;
  gboolean in_sentence = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  lex = get_lexicon ();
  out = g_array_new (FALSE, FALSE, sizeof (DossierSentence));
  p = start = text;

  while (*p)
    {
      guchar b = (guchar) *p;
      gunichar c;
      const char *after;

      /* most bytes neither end nor start anything: skip them, counting
       * the code points (every byte but UTF-8 continuation bytes) */
      if (in_sentence && !stops[b])
        {
          do
            {
              cp += (b & 0xC0) != 0x80;
              b = (guchar) *++p;
            }
          while (!stops[b]);
          continue;
        }
      if (in_sentence && b == 0xE2 && !((guchar) p[1] == 0x80 && (guchar) p[2] == 0xA6))
        {
          p++;
          cp++;
          continue;
        }
      c = g_utf8_get_char (p);
      after = g_utf8_next_char (p);

      if (!in_sentence)
        {
          if (!is_space (c))
            {
              in_sentence = TRUE;
              start = p;
              cp_start = cp;
            }
          p = after;
          cp++;
          continue;
        }

      if (c == '\n')
        {
          const char *q = after;
          guint qcp = cp + 1;
          gboolean blank = FALSE;
          gunichar last = 0;

          while (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')
            {
              if (*q == '\n')
                blank = TRUE;
              q++;
              qcp++;
            }
          if (!blank)
            {
              /* a single line break ends a sentence after final punctuation
               * or a line without any (headlines, bylines) */
              const char *back = p;

              while (back > start)
                {
                  const char *prev = g_utf8_prev_char (back);
                  gunichar pc = g_utf8_get_char (prev);

                  if (!is_space (pc))
                    {
                      last = pc;
                      break;
                    }
                  back = prev;
                }
              if (last == '.' || last == '!' || last == '?' || last == ':' ||
                  last == 0x201D || last == '"' || last == 0x2026)
                blank = TRUE;
            }
          if (blank)
            {
              push (out, text, start, p, cp_start, cp);
              in_sentence = FALSE;
              p = q;
              cp = qcp;
              continue;
            }
          p = after;
          cp++;
          continue;
        }

      if (c == '.' || c == '!' || c == '?' || c == 0x2026)
        {
          const char *q = after;
          guint qcp = cp + 1;
          const char *end_p;
          guint end_cp;
          gunichar next;

          while (*q)
            {
              gunichar d = g_utf8_get_char (q);

              if (d == '.' || d == '!' || d == '?' || is_closer (d))
                {
                  q = g_utf8_next_char (q);
                  qcp++;
                }
              else
                break;
            }
          end_p = q;
          end_cp = qcp;
          if (*q == '\0')
            {
              p = end_p;
              cp = end_cp;
              break;
            }
          if (!is_space (g_utf8_get_char (q)))
            {
              p = after;
              cp++;
              continue;
            }
          while (*q && is_space (g_utf8_get_char (q)) && *q != '\n')
            {
              q = g_utf8_next_char (q);
              qcp++;
            }
          if (*q == '\n' || *q == '\0')
            {
              /* the line break decides */
              p = end_p;
              cp = end_cp;
              continue;
            }
          next = g_utf8_get_char (q);
          if ((g_unichar_isupper (next) || g_unichar_isdigit (next) ||
               is_opener (next) || g_unichar_istitle (next)) &&
              (c != '.' || period_ends_sentence (lex, text, p, next, q)))
            {
              push (out, text, start, end_p, cp_start, end_cp);
              in_sentence = FALSE;
              p = q;
              cp = qcp;
              continue;
            }
          p = end_p;
          cp = end_cp;
          continue;
        }

      p = after;
      cp++;
    }

  if (in_sentence)
    push (out, text, start, p, cp_start, cp);

  return out;
}
