/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-anchor"

#include "config.h"

#include <string.h>
#include <wchar.h>

#include "dossier-anchor-private.h"

/*
 * Re-anchoring: finding again the passage an annotation was made on after
 * the text changed. The order follows the Hypothesis client:
 *
 *  1. the quote verbatim at its recorded position (or at the position
 *     shifted by the drift of the previous annotation, which catches text
 *     inserted before a whole run of annotations cheaply);
 *  2. the quote verbatim anywhere; between repeats the prefix and suffix
 *     decide, then the distance to the recorded position;
 *  3. an approximate match of the quote, found with Myers' bit-parallel
 *     edit-distance search (the same family as Bitap, any pattern length)
 *     with at most half the quote's length in edits (as Hypothesis), first near the
 *     recorded position and then in the whole text. Every candidate is
 *     scored like Hypothesis does: quote 50, prefix 20, suffix 20,
 *     position 2, normalised to 0…1;
 *  4. else the annotation is an orphan. The caller keeps it.
 *
 * Scores of the context use the approximate search too: 1 − (edits of the
 * best alignment of the prefix within the text just before) / length.
 */

#define W_QUOTE  50.0
#define W_PREFIX 20.0
#define W_SUFFIX 20.0
#define W_POS    2.0
#define W_TOTAL  (W_QUOTE + W_PREFIX + W_SUFFIX + W_POS)

/* A fuzzy match is accepted from this normalised score on; below it, a
 * short quote with a quarter of its letters wrong and unrelated context
 * (about 0.58) would anchor on any passage. */
#define FUZZY_THRESHOLD 0.65

/* Quotes longer than this are searched approximately only near their
 * recorded position: the search costs text length × quote length / 64. */
#define FUZZY_GLOBAL_MAX_QUOTE 2048

/* Over this many verbatim occurrences, the context is compared exactly
 * (common affix) instead of approximately, to bound the cost. */
#define MANY_OCCURRENCES 2000

#define MAX_CANDIDATES 4096

/* Code points the searches of the whole text may read, over all the
 * annotations anchored on one text: a section with a thousand highlights
 * deleted from a long clipping must not take minutes. Past it, a lost
 * passage is searched for near its old position only. */
#define GLOBAL_SEARCH_BUDGET (G_GUINT64_CONSTANT (1) << 27)

struct _DossierAnchorText
{
  gunichar *chars;
  guint     length;
  gint64    drift;
  guint64   global_budget;
};

typedef struct
{
  gunichar *chars;
  guint     length;
} Ustr;

static void
ustr_init (Ustr       *u,
           const char *str,
           gboolean    tail,
           guint       max)
{
  glong len = 0;

  u->chars = g_utf8_to_ucs4_fast (str ? str : "", -1, &len);
  u->length = len;
  if (max > 0 && u->length > max)
    {
      if (tail)
        memmove (u->chars, u->chars + (u->length - max), max * sizeof (gunichar));
      u->length = max;
    }
}

static void
ustr_clear (Ustr *u)
{
  g_clear_pointer (&u->chars, g_free);
  u->length = 0;
}

/**
 * dossier_anchor_text_new:
 * @text: valid UTF-8
 *
 * Returns: (transfer full): the prepared text
 */
DossierAnchorText *
dossier_anchor_text_new (const char *text)
{
  DossierAnchorText *self;
  glong len = 0;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_new0 (DossierAnchorText, 1);
  self->chars = g_utf8_to_ucs4_fast (text, -1, &len);
  self->length = len;
  self->global_budget = GLOBAL_SEARCH_BUDGET;

  return self;
}

void
dossier_anchor_text_free (DossierAnchorText *self)
{
  if (self == NULL)
    return;
  g_free (self->chars);
  g_free (self);
}

guint
dossier_anchor_text_get_length (DossierAnchorText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->length;
}

/**
 * dossier_anchor_text_dup_slice:
 *
 * Returns: (transfer full): the code points [@start, @end) as UTF-8,
 *   clamped to the text
 */
char *
dossier_anchor_text_dup_slice (DossierAnchorText *self,
                               guint              start,
                               guint              end)
{
  g_return_val_if_fail (self != NULL, NULL);

  end = MIN (end, self->length);
  start = MIN (start, end);

  return g_ucs4_to_utf8 (self->chars + start, end - start, NULL, NULL, NULL);
}

/**
 * dossier_anchor_text_describe:
 * @exact: (out) (transfer full) (optional): the quoted text
 * @prefix: (out) (transfer full) (optional): up to %DOSSIER_ANCHOR_CONTEXT
 *   characters before it
 * @suffix: (out) (transfer full) (optional): up to %DOSSIER_ANCHOR_CONTEXT
 *   characters after it
 *
 * Builds the TextQuoteSelector of the range [@start, @end).
 */
void
dossier_anchor_text_describe (DossierAnchorText  *self,
                              guint               start,
                              guint               end,
                              char              **exact,
                              char              **prefix,
                              char              **suffix)
{
  g_return_if_fail (self != NULL);

  end = MIN (end, self->length);
  start = MIN (start, end);

  if (exact)
    *exact = dossier_anchor_text_dup_slice (self, start, end);
  if (prefix)
    *prefix = dossier_anchor_text_dup_slice (self,
                                             start > DOSSIER_ANCHOR_CONTEXT ? start - DOSSIER_ANCHOR_CONTEXT : 0,
                                             start);
  if (suffix)
    *suffix = dossier_anchor_text_dup_slice (self, end, MIN ((guint64)end + DOSSIER_ANCHOR_CONTEXT,
                                                             self->length));
}

static inline gboolean
equal_at (const DossierAnchorText *self,
          guint                    pos,
          const Ustr              *quote)
{
  if ((guint64)pos + quote->length > self->length)
    return FALSE;

  return memcmp (self->chars + pos, quote->chars, quote->length * sizeof (gunichar)) == 0;
}

/* Next verbatim occurrence of @quote at or after @from, or G_MAXUINT. */
static guint
find_from (const DossierAnchorText *self,
           const Ustr              *quote,
           guint                    from)
{
  gunichar first;

  if (quote->length == 0 || quote->length > self->length)
    return G_MAXUINT;

  first = quote->chars[0];
  if (sizeof (wchar_t) == sizeof (gunichar))
    {
      /* wmemchr() is vectorised in the C library: ten times a plain loop. */
      const gunichar *end = self->chars + self->length - quote->length + 1;
      const gunichar *p = self->chars + from;

      while (p < end && (p = (const gunichar *)wmemchr ((const wchar_t *)p, first, end - p)))
        {
          if (equal_at (self, p - self->chars, quote))
            return p - self->chars;
          p++;
        }
      return G_MAXUINT;
    }

  for (guint i = from; i + quote->length <= self->length; i++)
    {
      if (self->chars[i] == first && equal_at (self, i, quote))
        return i;
    }

  return G_MAXUINT;
}

/**
 * dossier_anchor_text_find_nth:
 * @n: which occurrence, from 1
 * @n_found: (out) (optional): how many occurrences there are (counted
 *   without overlaps), set when the Nth does not exist
 *
 * Finds the @n-th verbatim occurrence of @quote.
 *
 * Returns: whether it exists
 */
gboolean
dossier_anchor_text_find_nth (DossierAnchorText *self,
                              const char        *quote,
                              guint              n,
                              guint             *start,
                              guint             *end,
                              guint             *n_found)
{
  Ustr q;
  guint count = 0;
  guint pos = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (quote != NULL, FALSE);

  ustr_init (&q, quote, FALSE, 0);

  while (q.length > 0 && (pos = find_from (self, &q, pos)) != G_MAXUINT)
    {
      count++;
      if (count == n)
        {
          found = TRUE;
          if (start)
            *start = pos;
          if (end)
            *end = pos + q.length;
          break;
        }
      pos += q.length;
    }

  if (!found && n_found)
    *n_found = count;

  ustr_clear (&q);

  return found;
}

/* Pattern bit masks for Myers' search, one row of blocks per distinct
 * character of the pattern, in a small open-addressing table. */
typedef struct
{
  guint     n_blocks;
  guint64  *rows;      /* row 0 is all zero: characters not in the pattern */
  gunichar *keys;
  guint    *vals;
  guint     mask;
} Peq;

static void
peq_init (Peq            *peq,
          const gunichar *pattern,
          guint           m)
{
  guint size = 16;
  guint n_rows = 1;

  while (size < 2 * m)
    size <<= 1;

  peq->n_blocks = (m + 63) / 64;
  peq->mask = size - 1;
  peq->keys = g_new (gunichar, size);
  peq->vals = g_new0 (guint, size);
  memset (peq->keys, 0xff, size * sizeof (gunichar));
  peq->rows = g_new0 (guint64, (gsize)(m + 1) * peq->n_blocks);

  for (guint i = 0; i < m; i++)
    {
      gunichar c = pattern[i];
      guint h = (c * 2654435761u) & peq->mask;

      while (peq->keys[h] != G_MAXUINT32 && peq->keys[h] != c)
        h = (h + 1) & peq->mask;
      if (peq->keys[h] == G_MAXUINT32)
        {
          peq->keys[h] = c;
          peq->vals[h] = n_rows++;
        }
      peq->rows[(gsize)peq->vals[h] * peq->n_blocks + i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
    }
}

static inline const guint64 *
peq_lookup (const Peq *peq,
            gunichar   c)
{
  guint h = (c * 2654435761u) & peq->mask;

  while (peq->keys[h] != G_MAXUINT32)
    {
      if (peq->keys[h] == c)
        return peq->rows + (gsize)peq->vals[h] * peq->n_blocks;
      h = (h + 1) & peq->mask;
    }

  return peq->rows;
}

static void
peq_clear (Peq *peq)
{
  g_free (peq->rows);
  g_free (peq->keys);
  g_free (peq->vals);
}

/* Where the best alignment of @pattern ending at @end starts: edit
 * distance of the reversed pattern against the text read backwards from
 * @end, with a free start. */
static guint
match_start (const gunichar *pattern,
             guint           m,
             const gunichar *text,
             guint           lo,
             guint           end,
             guint           errors)
{
  guint w = MIN (m + errors, end - lo);
  g_autofree guint *prev = g_new (guint, w + 1);
  g_autofree guint *cur = g_new (guint, w + 1);
  guint best_j = 0;
  guint best = G_MAXUINT;

  for (guint j = 0; j <= w; j++)
    prev[j] = j;

  for (guint i = 1; i <= m; i++)
    {
      gunichar pc = pattern[m - i];
      guint *tmp;

      cur[0] = i;
      for (guint j = 1; j <= w; j++)
        {
          guint v = prev[j - 1] + (text[end - j] != pc);

          v = MIN (v, prev[j] + 1);
          v = MIN (v, cur[j - 1] + 1);
          cur[j] = v;
        }
      tmp = prev;
      prev = cur;
      cur = tmp;
    }

  /* Ties go to the length closest to the quote's. */
  for (guint j = 0; j <= w; j++)
    {
      guint dist = j > m ? j - m : m - j;
      guint best_dist = best_j > m ? best_j - m : m - best_j;

      if (prev[j] < best || (prev[j] == best && dist < best_dist))
        {
          best = prev[j];
          best_j = j;
        }
    }

  return end - best_j;
}

/* Myers (1999) bit-vector search for @pattern in text[@from, @to) with at
 * most @k edits. Appends one DossierAnchorMatch per run of match ends (its
 * best end), with its start. */
static void
myers_search (const gunichar *pattern,
              guint           m,
              const gunichar *text,
              guint           from,
              guint           to,
              guint           k,
              GArray         *matches)
{
  Peq peq;
  const guint64 *ascii[128];
  g_autofree guint64 *pv = NULL;
  g_autofree guint64 *mv = NULL;
  guint64 last_bit;
  guint nb;
  guint base = matches->len;
  gint64 score = m;
  gboolean in_run = FALSE;

  if (m == 0 || from >= to)
    return;

  k = MIN (k, m);
  peq_init (&peq, pattern, m);
  nb = peq.n_blocks;
  pv = g_new (guint64, nb);
  mv = g_new0 (guint64, nb);
  for (guint b = 0; b < nb; b++)
    pv[b] = ~G_GUINT64_CONSTANT (0);
  last_bit = G_GUINT64_CONSTANT (1) << ((m - 1) % 64);

  for (gunichar c = 0; c < 128; c++)
    ascii[c] = peq_lookup (&peq, c);

  for (guint j = from; j < to; j++)
    {
      const guint64 *eq = text[j] < 128 ? ascii[text[j]] : peq_lookup (&peq, text[j]);
      int hin = 0;

      if (nb == 1)
        {
          /* Quotes up to 64 characters: one word, no carries. */
          guint64 Pv = pv[0], Mv = mv[0], Eq = eq[0];
          guint64 Xv = Eq | Mv;
          guint64 Xh = (((Eq & Pv) + Pv) ^ Pv) | Eq;
          guint64 Ph = Mv | ~(Xh | Pv);
          guint64 Mh = Pv & Xh;

          hin = (Ph & last_bit) ? 1 : (Mh & last_bit) ? -1 : 0;
          Ph <<= 1;
          Mh <<= 1;
          pv[0] = Mh | ~(Xv | Ph);
          mv[0] = Ph & Xv;
          goto scored;
        }

      for (guint b = 0; b < nb; b++)
        {
          guint64 high = b == nb - 1 ? last_bit : G_GUINT64_CONSTANT (1) << 63;
          guint64 Pv = pv[b];
          guint64 Mv = mv[b];
          guint64 Eq = eq[b];
          guint64 Xv, Xh, Ph, Mh;
          int hout = 0;

          Xv = Eq | Mv;
          if (hin < 0)
            Eq |= 1;
          Xh = (((Eq & Pv) + Pv) ^ Pv) | Eq;
          Ph = Mv | ~(Xh | Pv);
          Mh = Pv & Xh;
          if (Ph & high)
            hout = 1;
          else if (Mh & high)
            hout = -1;
          Ph <<= 1;
          Mh <<= 1;
          if (hin < 0)
            Mh |= 1;
          else if (hin > 0)
            Ph |= 1;
          pv[b] = Mh | ~(Xv | Ph);
          mv[b] = Ph & Xv;
          hin = hout;
        }
    scored:
      score += hin;

      if (score <= (gint64)k)
        {
          DossierAnchorMatch *last = matches->len > base
            ? &g_array_index (matches, DossierAnchorMatch, matches->len - 1) : NULL;

          if (in_run && last != NULL && (guint)score < last->errors)
            {
              last->end = j + 1;
              last->errors = score;
            }
          else if (!in_run)
            {
              DossierAnchorMatch match = { 0, j + 1, score };

              if (matches->len - base >= MAX_CANDIDATES)
                {
                  /* Too many: keep only the best ones from here on. */
                  guint keep = base;

                  k = score;
                  for (guint i = base; i < matches->len; i++)
                    if (g_array_index (matches, DossierAnchorMatch, i).errors <= k)
                      g_array_index (matches, DossierAnchorMatch, keep++) =
                        g_array_index (matches, DossierAnchorMatch, i);
                  g_array_set_size (matches, keep);
                  if (matches->len - base >= MAX_CANDIDATES)
                    k = k > 0 ? k - 1 : 0;
                }
              if (matches->len - base < MAX_CANDIDATES)
                g_array_append_val (matches, match);
            }
          in_run = TRUE;
        }
      else
        in_run = FALSE;
    }

  for (guint i = base; i < matches->len; i++)
    {
      DossierAnchorMatch *match = &g_array_index (matches, DossierAnchorMatch, i);

      match->start = match_start (pattern, m, text, 0, match->end, match->errors);
    }

  peq_clear (&peq);
}

GArray *
_dossier_anchor_search (const char *text,
                        const char *pattern,
                        guint       max_errors)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (DossierAnchorMatch));
  Ustr t, p;

  ustr_init (&t, text, FALSE, 0);
  ustr_init (&p, pattern, FALSE, 0);
  myers_search (p.chars, p.length, t.chars, 0, t.length, max_errors, matches);
  ustr_clear (&t);
  ustr_clear (&p);

  return matches;
}

typedef struct
{
  const DossierAnchorText *text;
  Ustr                     quote;
  Ustr                     prefix;
  Ustr                     suffix;
  guint                    hint;
  gboolean                 cheap;
} Query;

/* Sellers' dynamic programme: cost[j] = fewest edits of all of @p ending
 * exactly after w[j - 1], starting anywhere (cost[0] = |p|). */
static void
sellers (const gunichar *p,
         guint           m,
         const gunichar *w,
         guint           n,
         guint          *cost)
{
  g_autofree guint *cur = g_new (guint, n + 1);
  guint *prev = cost;

  for (guint j = 0; j <= n; j++)
    prev[j] = 0;
  for (guint i = 1; i <= m; i++)
    {
      cur[0] = i;
      for (guint j = 1; j <= n; j++)
        {
          guint v = prev[j - 1] + (p[i - 1] != w[j - 1]);

          v = MIN (v, prev[j] + 1);
          v = MIN (v, cur[j - 1] + 1);
          cur[j] = v;
        }
      memcpy (prev, cur, (n + 1) * sizeof (guint));
    }
}

static gunichar *
reversed (const gunichar *s,
          guint           n)
{
  gunichar *r = g_new (gunichar, n + 1);

  for (guint i = 0; i < n; i++)
    r[i] = s[n - 1 - i];

  return r;
}

/* Edits to make the prefix end exactly at @start (and the suffix begin
 * exactly at @end): the context must touch the passage, so a match that
 * cut a word in two pays for the piece it left out. */
static guint
prefix_cost (const Query *q,
             guint        start)
{
  guint len = q->prefix.length;
  guint lo = start > len + len / 2 ? start - len - len / 2 : 0;
  g_autofree guint *cost = g_new (guint, start - lo + 1);

  sellers (q->prefix.chars, len, q->text->chars + lo, start - lo, cost);

  return MIN (cost[start - lo], len);
}

static guint
suffix_cost (const Query *q,
             guint        end)
{
  guint len = q->suffix.length;
  guint hi = MIN ((guint64)end + len + len / 2, q->text->length);
  g_autofree gunichar *p = reversed (q->suffix.chars, len);
  g_autofree gunichar *w = reversed (q->text->chars + end, hi - end);
  g_autofree guint *cost = g_new (guint, hi - end + 1);

  sellers (p, len, w, hi - end, cost);

  return MIN (cost[hi - end], len);
}

static double
prefix_score (const Query *q,
              guint        start)
{
  guint len = q->prefix.length;

  if (len == 0)
    return 1.0;

  if (q->cheap)
    {
      guint same = 0;

      while (same < len && same < start &&
             q->text->chars[start - 1 - same] == q->prefix.chars[len - 1 - same])
        same++;
      return (double)same / len;
    }

  return 1.0 - (double)prefix_cost (q, start) / len;
}

static double
suffix_score (const Query *q,
              guint        end)
{
  guint len = q->suffix.length;

  if (len == 0)
    return 1.0;

  if (q->cheap)
    {
      guint same = 0;

      while (same < len && end + same < q->text->length &&
             q->text->chars[end + same] == q->suffix.chars[same])
        same++;
      return (double)same / len;
    }

  return 1.0 - (double)suffix_cost (q, end) / len;
}

static double
score_match (const Query *q,
             guint        start,
             guint        end,
             guint        errors,
             double      *context)
{
  double quote_score = 1.0 - (double)MIN (errors, q->quote.length) / q->quote.length;
  double pre = prefix_score (q, start);
  double suf = suffix_score (q, end);
  double offset = start > q->hint ? start - q->hint : q->hint - start;
  double pos = q->text->length ? 1.0 - offset / q->text->length : 1.0;

  if (context)
    *context = MIN (pre, suf);

  return (W_QUOTE * quote_score + W_PREFIX * pre + W_SUFFIX * suf + W_POS * pos) / W_TOTAL;
}

/* The fewest-edits alignment of a quote can cut a word: "to applause"
 * matches "ud applause" in "to loud applause" with 2 edits. Moving each
 * boundary to where quote edits plus context edits are fewest gives "to
 * loud applause" (5 + 0 instead of 2 + 5). */
static void
refine (const Query *q,
        guint       *start,
        guint       *end,
        guint       *errors)
{
  const gunichar *t = q->text->chars;
  guint m = q->quote.length;
  guint reach = m + MAX (*errors, m / 4) + 1;
  guint best, best_errors, best_len_diff;

  /* The start, for this end. */
  {
    guint e = *end;
    guint w = MIN (reach, e);
    guint lo = e - w;
    guint plen = q->prefix.length;
    guint ctx_lo = lo > plen + plen / 2 ? lo - plen - plen / 2 : 0;
    g_autofree gunichar *rq = reversed (q->quote.chars, m);
    g_autofree gunichar *rt = reversed (t + lo, w);
    g_autofree guint *qcost = g_new (guint, w + 1);
    g_autofree guint *pcost = g_new (guint, e - ctx_lo + 1);
    g_autofree guint *row = g_new (guint, w + 1);

    /* qcost[j]: edits of the quote against text[e - j, e). */
    for (guint j = 0; j <= w; j++)
      qcost[j] = j;
    for (guint i = 1; i <= m; i++)
      {
        row[0] = i;
        for (guint j = 1; j <= w; j++)
          {
            guint v = qcost[j - 1] + (rq[i - 1] != rt[j - 1]);

            v = MIN (v, qcost[j] + 1);
            v = MIN (v, row[j - 1] + 1);
            row[j] = v;
          }
        memcpy (qcost, row, (w + 1) * sizeof (guint));
      }
    if (plen > 0)
      sellers (q->prefix.chars, plen, t + ctx_lo, e - ctx_lo, pcost);
    else
      memset (pcost, 0, (e - ctx_lo + 1) * sizeof (guint));

    best = G_MAXUINT;
    best_errors = G_MAXUINT;
    best_len_diff = G_MAXUINT;
    for (guint j = 0; j <= w; j++)
      {
        guint s = e - j;
        guint total = qcost[j] + MIN (pcost[s - ctx_lo], plen);
        guint len_diff = j > m ? j - m : m - j;

        if (total < best || (total == best && (qcost[j] < best_errors ||
                                               (qcost[j] == best_errors && len_diff < best_len_diff))))
          {
            best = total;
            best_errors = qcost[j];
            best_len_diff = len_diff;
            *start = s;
          }
      }
  }

  /* The end, for this start. */
  {
    guint s = *start;
    guint w = MIN (reach, q->text->length - s);
    guint slen = q->suffix.length;
    guint ctx_hi = MIN ((guint64)s + w + slen + slen / 2, q->text->length);
    g_autofree gunichar *rs = reversed (q->suffix.chars, slen);
    g_autofree gunichar *rt = reversed (t + s, ctx_hi - s);
    g_autofree guint *qcost = g_new (guint, w + 1);
    g_autofree guint *scost = g_new (guint, ctx_hi - s + 1);
    g_autofree guint *row = g_new (guint, w + 1);

    for (guint j = 0; j <= w; j++)
      qcost[j] = j;
    for (guint i = 1; i <= m; i++)
      {
        row[0] = i;
        for (guint j = 1; j <= w; j++)
          {
            guint v = qcost[j - 1] + (q->quote.chars[i - 1] != t[s + j - 1]);

            v = MIN (v, qcost[j] + 1);
            v = MIN (v, row[j - 1] + 1);
            row[j] = v;
          }
        memcpy (qcost, row, (w + 1) * sizeof (guint));
      }
    /* scost over the reversed text: the suffix starting at s + j is the
     * reversed suffix ending at (ctx_hi - s) - j. */
    if (slen > 0)
      sellers (rs, slen, rt, ctx_hi - s, scost);
    else
      memset (scost, 0, (ctx_hi - s + 1) * sizeof (guint));

    best = G_MAXUINT;
    best_errors = G_MAXUINT;
    best_len_diff = G_MAXUINT;
    for (guint j = 0; j <= w; j++)
      {
        guint total = qcost[j] + MIN (scost[(ctx_hi - s) - j], slen);
        guint len_diff = j > m ? j - m : m - j;

        if (total < best || (total == best && (qcost[j] < best_errors ||
                                               (qcost[j] == best_errors && len_diff < best_len_diff))))
          {
            best = total;
            best_errors = qcost[j];
            best_len_diff = len_diff;
            *end = s + j;
          }
      }
    *errors = best_errors;
  }
}

typedef struct
{
  guint  start;
  guint  end;
  guint  errors;
  double score;
} Scored;

static int
compare_scored (gconstpointer a,
                gconstpointer b)
{
  const Scored *x = a, *y = b;

  return x->score < y->score ? 1 : x->score > y->score ? -1 : 0;
}

#define N_REFINED 8

static void
best_fuzzy (Query  *q,
            guint   from,
            guint   to,
            guint   k,
            guint  *start,
            guint  *end,
            double *score)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (DossierAnchorMatch));
  g_autoptr(GArray) scored = g_array_new (FALSE, FALSE, sizeof (Scored));

  myers_search (q->quote.chars, q->quote.length, q->text->chars, from, to, k, matches);
  q->cheap = matches->len > MANY_OCCURRENCES;

  for (guint i = 0; i < matches->len; i++)
    {
      const DossierAnchorMatch *match = &g_array_index (matches, DossierAnchorMatch, i);
      Scored s = { match->start, match->end, match->errors, 0 };

      s.score = score_match (q, match->start, match->end, match->errors, NULL);
      g_array_append_val (scored, s);
    }
  g_array_sort (scored, compare_scored);

  /* Boundaries of the best few, then the best of those. */
  q->cheap = FALSE;
  for (guint i = 0; i < MIN (scored->len, N_REFINED); i++)
    {
      Scored *s = &g_array_index (scored, Scored, i);

      refine (q, &s->start, &s->end, &s->errors);
      s->score = score_match (q, s->start, s->end, s->errors, NULL);
      if (s->score > *score)
        {
          *score = s->score;
          *start = s->start;
          *end = s->end;
        }
    }
}

/**
 * dossier_anchor_text_locate:
 * @exact: the quote (TextQuoteSelector exact)
 * @prefix: (nullable): the context before it
 * @suffix: (nullable): the context after it
 * @hint: the recorded start (TextPositionSelector start)
 * @start: (out): where the passage starts now
 * @end: (out): where it ends
 * @score: (out) (optional): the match score, 0…1
 *
 * Finds the passage an annotation was made on in this text.
 *
 * Returns: how it was found, or %DOSSIER_ANCHOR_ORPHAN
 */
DossierAnchorMethod
dossier_anchor_text_locate (DossierAnchorText *self,
                            const char        *exact,
                            const char        *prefix,
                            const char        *suffix,
                            guint              hint,
                            guint             *start,
                            guint             *end,
                            double            *score)
{
  Query q = { self };
  DossierAnchorMethod method = DOSSIER_ANCHOR_ORPHAN;
  guint best_start = 0, best_end = 0;
  double best = -1.0;
  gboolean have_exact = FALSE;
  g_autoptr(GArray) occurrences = NULL;
  guint n_occurrences = 0;
  guint k;

  g_return_val_if_fail (self != NULL, DOSSIER_ANCHOR_ORPHAN);
  g_return_val_if_fail (start != NULL && end != NULL, DOSSIER_ANCHOR_ORPHAN);

  ustr_init (&q.quote, exact, FALSE, 0);
  q.hint = MIN (hint, self->length);

  if (q.quote.length == 0 || q.quote.length > self->length)
    goto out;

  /* 1. Where it was: the common case, so before anything else. */
  if (equal_at (self, q.hint, &q.quote))
    {
      best_start = q.hint;
      best = 1.0;
      method = DOSSIER_ANCHOR_POSITION;
      goto out;
    }

  /* Longer context than ours (imported annotations) adds little. */
  ustr_init (&q.prefix, prefix, TRUE, 2 * DOSSIER_ANCHOR_CONTEXT);
  ustr_init (&q.suffix, suffix, FALSE, 2 * DOSSIER_ANCHOR_CONTEXT);
  if (self->drift != 0)
    {
      gint64 moved = (gint64)q.hint + self->drift;
      double context;

      if (moved >= 0 && moved <= self->length && equal_at (self, moved, &q.quote))
        {
          double s;

          /* Context intact too: nothing to weigh. */
          if (moved >= q.prefix.length &&
              moved + q.quote.length + q.suffix.length <= self->length &&
              memcmp (self->chars + moved - q.prefix.length, q.prefix.chars,
                      q.prefix.length * sizeof (gunichar)) == 0 &&
              memcmp (self->chars + moved + q.quote.length, q.suffix.chars,
                      q.suffix.length * sizeof (gunichar)) == 0)
            {
              best_start = moved;
              best = (W_QUOTE + W_PREFIX + W_SUFFIX +
                      W_POS * (1.0 - (double)ABS (self->drift) / self->length)) / W_TOTAL;
              method = DOSSIER_ANCHOR_EXACT;
              goto out;
            }

          s = score_match (&q, moved, moved + q.quote.length, 0, &context);

          if (context >= 0.5)
            {
              best_start = moved;
              best = s;
              method = DOSSIER_ANCHOR_EXACT;
              goto out;
            }
        }
    }

  /* 2. Verbatim elsewhere: context, then position, decide. */
  occurrences = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint pos = 0; (pos = find_from (self, &q.quote, pos)) != G_MAXUINT; pos++)
    g_array_append_val (occurrences, pos);
  n_occurrences = occurrences->len;
  q.cheap = n_occurrences > MANY_OCCURRENCES;
  for (guint i = 0; i < n_occurrences; i++)
    {
      guint pos = g_array_index (occurrences, guint, i);
      double context;
      double s = score_match (&q, pos, pos + q.quote.length, 0, &context);

      if (s > best)
        {
          best = s;
          best_start = pos;
          have_exact = context >= 0.5;
        }
    }
  if (have_exact || (n_occurrences > 0 && q.prefix.length == 0 && q.suffix.length == 0))
    {
      method = DOSSIER_ANCHOR_EXACT;
      goto out;
    }

  /* 3. Approximately: near the recorded position, then anywhere. A
   * verbatim occurrence with unrelated context competes on score. */
  k = MIN (256, q.quote.length / 2);
  if (k > 0)
    {
      guint fz_start = 0, fz_end = 0;
      double fz = -1.0;
      guint64 margin = 2 * (guint64)q.quote.length + 4096;
      guint64 centre = q.hint;
      guint from, to;

      if (self->drift != 0 && (gint64)centre + self->drift >= 0)
        centre = MIN ((guint64)((gint64)centre + self->drift), self->length);
      from = centre > margin ? centre - margin : 0;
      to = MIN (centre + q.quote.length + margin, self->length);

      best_fuzzy (&q, from, to, k, &fz_start, &fz_end, &fz);
      if (fz < FUZZY_THRESHOLD && (from > 0 || to < self->length) &&
          q.quote.length <= FUZZY_GLOBAL_MAX_QUOTE)
        {
          guint64 cost = (guint64)self->length * ((q.quote.length + 63) / 64);

          if (cost <= self->global_budget)
            {
              self->global_budget -= cost;
              fz = -1.0;
              best_fuzzy (&q, 0, self->length, k, &fz_start, &fz_end, &fz);
            }
        }

      if (fz >= FUZZY_THRESHOLD && fz > best)
        {
          best = fz;
          best_start = fz_start;
          best_end = fz_end;
          method = DOSSIER_ANCHOR_FUZZY;
          goto out;
        }
    }

  if (n_occurrences > 0)
    method = DOSSIER_ANCHOR_EXACT;

out:
  if (method == DOSSIER_ANCHOR_POSITION || method == DOSSIER_ANCHOR_EXACT)
    best_end = best_start + q.quote.length;

  if (method != DOSSIER_ANCHOR_ORPHAN)
    {
      *start = best_start;
      *end = best_end;
      self->drift = (gint64)best_start - (gint64)hint;
    }
  else
    {
      *start = hint;
      *end = hint + q.quote.length;
    }
  if (score)
    *score = method == DOSSIER_ANCHOR_ORPHAN ? 0.0 : best;

  ustr_clear (&q.quote);
  ustr_clear (&q.prefix);
  ustr_clear (&q.suffix);

  return method;
}

const char *
dossier_anchor_method_to_string (DossierAnchorMethod method)
{
  switch (method)
    {
    case DOSSIER_ANCHOR_POSITION:
      return "position";
    case DOSSIER_ANCHOR_EXACT:
      return "exact";
    case DOSSIER_ANCHOR_FUZZY:
      return "fuzzy";
    case DOSSIER_ANCHOR_ORPHAN:
    default:
      return "orphan";
    }
}
