/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-ner-tokens"

#include "config.h"

#include <string.h>

#include "dossier-ner-private.h"

/* Words that keep their final period ("Sen.", "Nov.", "Calif."). Sorted. */
static const char * const abbreviations[] = {
  "adm", "ala", "approx", "apr", "ariz", "ark", "assn", "aug", "ave", "blvd",
  "brig", "bros", "calif", "capt", "cmdr", "co", "col", "colo", "conn", "corp",
  "cpl", "dec", "del", "dept", "det", "dr", "esq", "feb", "fla", "fr", "ft",
  "ga", "gen", "gov", "govs", "hon", "ill", "inc", "ind", "insp", "jan", "jr",
  "jul", "jun", "kan", "ky", "la", "lt", "ltd", "maj", "mar", "mass", "md",
  "messrs", "mich", "minn", "miss", "mme", "mo", "mont", "mr", "mrs", "ms",
  "msgr", "mt", "neb", "nev", "no", "nos", "nov", "oct", "okla", "ore", "pa",
  "penn", "ph", "pp", "prof", "pvt", "rd", "rep", "reps", "rev", "sen", "sens",
  "sep", "sept", "sgt", "sr", "st", "ste", "supt", "tenn", "tex", "univ", "va",
  "vs", "vt", "wash", "wis", "wyo",
};

static int
cmp_abbr (const void *a,
          const void *b)
{
  return strcmp (a, *(const char * const *)b);
}

static gboolean
is_abbreviation (const char *s,
                 gsize       len)
{
  char buf[8];

  if (len == 0 || len >= sizeof buf)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if ((guchar)s[i] >= 0x80)
        return FALSE;
      buf[i] = g_ascii_tolower (s[i]);
    }
  buf[len] = 0;

  return bsearch (buf, abbreviations, G_N_ELEMENTS (abbreviations),
                  sizeof abbreviations[0], cmp_abbr) != NULL;
}

enum { C_OTHER, C_UPPER, C_LOWER, C_DIGIT, C_SPACE, C_NEWLINE, C_HIGH };

static guchar char_class[256];
static guchar lower_table[256];

static void
init_tables (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (guint c = 0; c < 256; c++)
        {
          lower_table[c] = c < 0x80 ? (guchar)g_ascii_tolower (c) : (guchar)c;
          if (c >= 0x80)
            char_class[c] = C_HIGH;
          else if (g_ascii_isupper (c))
            char_class[c] = C_UPPER;
          else if (g_ascii_islower (c))
            char_class[c] = C_LOWER;
          else if (g_ascii_isdigit (c))
            char_class[c] = C_DIGIT;
          else if (c == '\n')
            char_class[c] = C_NEWLINE;
          else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
            char_class[c] = C_SPACE;
          else
            char_class[c] = C_OTHER;
        }
      g_once_init_leave (&done, 1);
    }
}

static inline gunichar
get_char (const char *p,
          const char *end,
          int        *n)
{
  guchar c = (guchar)*p;
  gunichar u;

  if (c < 0x80)
    {
      *n = 1;
      return c;
    }

  u = g_utf8_get_char_validated (p, end - p);
  if (u == (gunichar)-1 || u == (gunichar)-2)
    {
      *n = 1;
      return 0xFFFD;
    }

  *n = g_utf8_next_char (p) - p;
  return u;
}

/* Scripts written without spaces between words: each character stands
 * alone, so a Latin name next to them stays a word of its own. */
static inline gboolean
is_unspaced_script (gunichar c)
{
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F) ||
         (c >= 0x1780 && c <= 0x17FF) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

static inline gboolean
is_alnum (gunichar c)
{
  if (c < 0x80)
    return char_class[c] == C_UPPER || char_class[c] == C_LOWER || char_class[c] == C_DIGIT;
  if (is_unspaced_script (c))
    return FALSE;
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static inline gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return char_class[c] == C_SPACE || char_class[c] == C_NEWLINE;
  return c == 0xA0 || c == 0x2028 || c == 0x2029 || g_unichar_isspace (c) ||
         c == 0x200B || c == 0xFEFF;
}

static inline gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static inline gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

/* Folds one character into a word hash, as _dossier_ner_fold() does. */
static inline guint64
hash_char (guint64     h,
           gunichar    c,
           const char *p,
           int         n)
{
  if (c < 0x80)
    return _dossier_ner_hash_step (h, lower_table[c]);
  if (c == 0x2019)
    return _dossier_ner_hash_step (h, '\'');
  {
    char buf[8];
    gunichar l = g_unichar_tolower (c);
    int m;

    if (l == c)
      {
        for (int i = 0; i < n; i++)
          h = _dossier_ner_hash_step (h, p[i]);
        return h;
      }
    m = g_unichar_to_utf8 (l, buf);
    for (int i = 0; i < m; i++)
      h = _dossier_ner_hash_step (h, buf[i]);
    return h;
  }
}

/**
 * _dossier_ner_tokenize:
 * @text: the whole text
 * @start: byte offset where the chunk starts
 * @end: byte offset where it ends
 * @cp_start: code point offset of @start
 * @tokens: (element-type NerToken): array to append to
 *
 * Splits a chunk into words and punctuation. Words keep inner hyphens,
 * apostrophes ("O'Brien") and periods of abbreviations ("U.S.", "Sen.");
 * a possessive "'s" becomes a token of its own. Each word carries the hash
 * of its case-folded form.
 *
 * Returns: the code point offset of @end
 */
guint32
_dossier_ner_tokenize (const char *text,
                       gsize       start,
                       gsize       end,
                       guint32     cp_start,
                       GArray     *tokens)
{
  const char *p = text + start;
  const char *e = text + end;
  guint32 cp = cp_start;
  guint newlines = 0;
  gboolean space = TRUE;
  gboolean first = TRUE;

  guint base = tokens->len;
  guint count = base;
  NerToken *out;

  init_tables ();

  /* every token takes at least one byte: size once, write in place */
  g_array_set_size (tokens, base + (end - start) + 1);
  out = &g_array_index (tokens, NerToken, 0);

  while (p < e)
    {
      NerToken *tok = &out[count];
      int n;
      guchar b = (guchar)*p;
      gunichar c;

      /* the common case first: ASCII white space */
      if (char_class[b] == C_SPACE)
        {
          space = TRUE;
          p++;
          cp++;
          continue;
        }
      if (char_class[b] == C_NEWLINE)
        {
          newlines++;
          space = TRUE;
          p++;
          cp++;
          continue;
        }

      if (G_LIKELY (b < 0x80))
        {
          c = b;
          n = 1;
        }
      else
        c = get_char (p, e, &n);
      if (b >= 0x80 && is_space (c))
        {
          if (c == 0x2029)
            newlines++;
          space = TRUE;
          p += n;
          cp++;
          continue;
        }

      tok->start = p - text;
      tok->cp = cp;
      tok->ch = c;
      tok->flags = 0;
      tok->wflags = 0;
      tok->memo_b = 0;
      tok->hash = tok->hash_nodot = 0;
      if (space)
        tok->flags |= NER_TOK_SPACE;
      if (newlines > 0 || first)
        tok->flags |= NER_TOK_LINE;
      if (newlines > 1 || first)
        tok->flags |= NER_TOK_PARA;
      newlines = 0;
      space = FALSE;
      first = FALSE;

      /* "Germany 's": a possessive split off by a tokenizer */
      if (is_apostrophe (c) && (tok->flags & NER_TOK_SPACE) && count > 0 &&
          (out[count - 1].flags & NER_TOK_WORD) && p + n < e && (p[n] == 's' || p[n] == 'S') &&
          (p + n + 1 == e || !g_ascii_isalnum (p[n + 1])))
        {
          tok->flags = NER_TOK_POSS;
          tok->len = n + 1;
          tok->cp_len = 2;
          count++;
          p += n + 1;
          cp += 2;
          continue;
        }

      if (is_alnum (c))
        {
          const char *q = p;
          guint32 qcp = cp;
          guint n_upper = 0, n_lower = 0, n_letters = 0, seg = 0;
          gboolean has_period = FALSE;
          guint64 h = NER_HASH_OFFSET;

          tok->flags |= NER_TOK_WORD;
          if (c < 0x80 ? char_class[c] == C_DIGIT : g_unichar_isdigit (c))
            tok->flags |= NER_TOK_DIGIT;
          else if (c < 0x80 ? char_class[c] == C_UPPER : (g_unichar_isupper (c) || g_unichar_istitle (c)))
            tok->flags |= NER_TOK_CAP;
          else if (c < 0x80 ? char_class[c] == C_LOWER : g_unichar_islower (c))
            tok->flags |= NER_TOK_LOWER;

          while (q < e)
            {
              int m;
              guchar qb = (guchar)*q;
              gunichar d;

              /* ASCII letters and digits; runs of lower case in one go */
              if (char_class[qb] == C_LOWER)
                {
                  const char *r = q;
                  gsize run;

                  do
                    {
                      h = _dossier_ner_hash_step (h, (guchar)*r);
                      r++;
                    }
                  while (r < e && char_class[(guchar)*r] == C_LOWER);
                  run = r - q;
                  n_lower += run, n_letters += run, seg += run;
                  qcp += run;
                  q = r;
                  continue;
                }
              if (char_class[qb] == C_UPPER)
                {
                  n_upper++, n_letters++, seg++;
                  h = _dossier_ner_hash_step (h, lower_table[qb]);
                  q++;
                  qcp++;
                  continue;
                }
              if (char_class[qb] == C_DIGIT)
                {
                  seg++;
                  h = _dossier_ner_hash_step (h, qb);
                  q++;
                  qcp++;
                  continue;
                }

              if (qb < 0x80)
                {
                  d = qb;
                  m = 1;
                  /* white space and most punctuation end the word */
                  if (qb != '\'' && qb != '-' && qb != '.' && qb != '&')
                    break;
                }
              else
                d = get_char (q, e, &m);

              if (qb >= 0x80 && is_alnum (d))
                {
                  tok->flags |= NER_TOK_NONASCII;
                  if (g_unichar_isupper (d))
                    n_upper++, n_letters++;
                  else if (g_unichar_islower (d))
                    n_lower++, n_letters++;
                  seg++;
                  h = hash_char (h, d, q, m);
                  q += m;
                  qcp++;
                  continue;
                }

              if (q + m < e && (is_apostrophe (d) || is_hyphen (d) || d == '.' || d == '&'))
                {
                  int m2;
                  gunichar d2 = get_char (q + m, e, &m2);

                  if (!is_alnum (d2))
                    break;

                  if (is_apostrophe (d))
                    {
                      /* "Trump's": split the possessive off */
                      if ((d2 == 's' || d2 == 'S'))
                        {
                          const char *r = q + m + m2;
                          int m3 = 0;

                          if (r >= e || !is_alnum (get_char (r, e, &m3)))
                            break;
                        }
                    }
                  else if (is_hyphen (d))
                    tok->flags |= NER_TOK_HYPHEN;
                  else if (d == '.')
                    {
                      /* U.S., N.Y., Ph.D: short segments only */
                      if (seg > 2)
                        break;
                      has_period = TRUE;
                    }
                  else if (d == '&')
                    {
                      /* AT&T, S&P */
                      if (!(n_letters <= 3 && n_lower == 0))
                        break;
                    }

                  h = hash_char (h, d, q, m);
                  seg = 0;
                  q += m;
                  qcp++;
                  continue;
                }

              break;
            }

          tok->hash_nodot = h | 1;

          /* a final period that belongs to the word */
          if (q < e && *q == '.')
            {
              gsize wlen = q - p;

              if (has_period ||
                  (n_letters == 1 && n_upper == 1 && wlen <= 2) ||
                  is_abbreviation (p, wlen))
                {
                  if (n_letters == 1 && n_upper == 1 && !has_period)
                    tok->flags |= NER_TOK_INITIAL;
                  h = _dossier_ner_hash_step (h, '.');
                  q++;
                  qcp++;
                  has_period = TRUE;
                }
            }
          if (!has_period || q[-1] != '.')
            tok->hash_nodot = h | 1;
          tok->hash = h | 1;

          if (has_period)
            tok->flags |= NER_TOK_ABBR;
          if (n_upper >= 2 && n_lower == 0)
            tok->flags |= NER_TOK_ALLCAPS;

          tok->len = MIN (q - p, G_MAXUINT16);
          tok->cp_len = qcp - cp;
          count++;
          p = q;
          cp = qcp;

          /* the possessive */
          if (p < e)
            {
              int m;
              gunichar d = get_char (p, e, &m);

              if (is_apostrophe (d) && p + m < e && (p[m] == 's' || p[m] == 'S'))
                {
                  NerToken poss = { 0 };


                  poss.start = p - text;
                  poss.cp = cp;
                  poss.ch = d;
                  poss.flags = NER_TOK_POSS;
                  poss.len = m + 1;
                  poss.cp_len = 2;
                  out[count++] = poss;
                  p += m + 1;
                  cp += 2;
                }
            }
          continue;
        }

      tok->flags |= NER_TOK_PUNCT;
      tok->len = n;
      tok->cp_len = 1;
      count++;
      p += n;
      cp++;
    }

  g_array_set_size (tokens, count);
  return cp;
}
