/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-temporal-tokens"

#include "config.h"

#include <string.h>

#include "dossier-sentences.h"
#include "dossier-temporal-tokens.h"

/* A single pass over the text: words (letters), numbers (digits) and single
 * punctuation characters, each with byte and code-point offsets, its
 * lexicon entry and its sentence. Words are looked up only when their first
 * byte and length occur among the lexicon keys. */

static inline gboolean
is_space_char (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v' || c == 0xA0 || c == 0x2009 || c == 0x202F ||
         c == 0x200B || c == 0xFEFF || c == 0x3000 || g_unichar_isspace (c);
}

static guint8
guess_tense (const char *lower,
             gsize       len)
{
  /* regular past tense: "announced", "signed"; not "need", "speed",
   * "hundred" */
  if (len >= 5 && lower[len - 2] == 'e' && lower[len - 1] == 'd' &&
      lower[len - 3] != 'e' && !(len == 7 && memcmp (lower, "hundred", 7) == 0))
    return TENSE_PAST;
  return TENSE_NONE;
}

/* byte classes of ASCII */
enum
{
  C_OTHER = 0,
  C_SPACE,
  C_NEWLINE,
  C_DIGIT,
  C_UPPER,
  C_LOWER,
  C_HIGH,   /* a byte of a multi-byte character */
};

static guint8 classes[256];
static guchar lower_ascii[256];
static gsize classes_initialized = 0;

static void
ensure_classes (void)
{
  if (g_once_init_enter (&classes_initialized))
    {
      for (int b = 0; b < 256; b++)
        {
          guint8 k = C_OTHER;

          if (b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v')
            k = C_SPACE;
          else if (b == '\n')
            k = C_NEWLINE;
          else if (b >= '0' && b <= '9')
            k = C_DIGIT;
          else if (b >= 'A' && b <= 'Z')
            {
              k = C_UPPER;
              lower_ascii[b] = b | 0x20;
            }
          else if (b >= 'a' && b <= 'z')
            {
              k = C_LOWER;
              lower_ascii[b] = b;
            }
          else if (b >= 0x80)
            k = C_HIGH;
          classes[b] = k;
        }
      g_once_init_leave (&classes_initialized, 1);
    }
}

/*
 * _dossier_temporal_tokenize:
 * @text: UTF-8 text
 * @start: first byte to read
 * @end: byte after the last one to read
 * @start_cp: the code-point offset of @start
 * @sentences: (element-type DossierSentence): the sentences of @text
 * @first_sentence: the sentence @start is in
 * @buf: (inout): a token buffer, grown as needed
 * @cap: (inout): its capacity
 *
 * Tokenizes a part of @text (whole sentences), so that a long text is
 * analysed in pieces that stay in the cache.
 *
 * Returns: the number of tokens in @buf
 */
guint
_dossier_temporal_tokenize (const char     *text,
                            gsize           start,
                            gsize           end,
                            guint           start_cp,
                            GArray         *sentences,
                            guint           first_sentence,
                            TemporalToken **buf,
                            gsize          *cap)
{
  gsize n = 0;
  TemporalToken *toks = *buf;
  const guchar *p = (const guchar *) text + start;
  const guchar *stop = (const guchar *) text + end;
  guint32 cp = start_cp;
  guint8 pending = TOK_F_SPACE | TOK_F_NEWLINE;
  guint sent = first_sentence;
  gsize sent_end = sent < sentences->len ?
    g_array_index (sentences, DossierSentence, sent).byte_end : G_MAXSIZE;

  const char * const *row_words;
  const TemporalWord * const *row_entries;
  const TemporalSlot *table = _dossier_temporal_table (&row_words, &row_entries);

  ensure_classes ();

  while (p < stop)
    {
      TemporalToken *t;
      guchar ch = *p;
      guint8 k = classes[ch];

      if (k == C_SPACE)
        {
          pending |= TOK_F_SPACE;
          p++;
          cp++;
          continue;
        }
      if (k == C_NEWLINE)
        {
          pending |= TOK_F_SPACE | TOK_F_NEWLINE;
          p++;
          cp++;
          continue;
        }
      if (k == C_HIGH && is_space_char (g_utf8_get_char ((const char *) p)))
        {
          pending |= TOK_F_SPACE;
          p = (const guchar *) g_utf8_next_char (p);
          cp++;
          continue;
        }

      if (G_UNLIKELY (n == *cap))
        {
          *cap = MAX (*cap * 2, 256);
          toks = *buf = g_renew (TemporalToken, toks, *cap);
        }
      t = &toks[n++];
      t->b0 = (const char *) p - text;
      t->c0 = cp;
      t->flags = pending;
      t->ndigits = 0;
      t->tense = 0;
      t->num = 0;
      t->w = NULL;
      pending = 0;

      if (k == C_DIGIT)
        {
          gint32 v = 0;
          guint nd = 0;

          while (p < stop && classes[*p] == C_DIGIT)
            {
              if (nd < 9)
                v = v * 10 + (*p - '0');
              nd++;
              p++;
            }
          cp += nd;
          t->kind = TOK_NUM;
          t->num = v;
          t->ndigits = MIN (nd, 255);
        }
      else if (k == C_UPPER || k == C_LOWER ||
               (k == C_HIGH && g_unichar_isalpha (g_utf8_get_char ((const char *) p))))
        {
          char lower[32];
          gsize len = 0;
          gboolean fits = TRUE;
          guint32 h = TEMPORAL_HASH_INIT;

          if (k == C_UPPER || (k == C_HIGH && g_unichar_isupper (g_utf8_get_char ((const char *) p))))
            t->flags |= TOK_F_CAP;
          for (;;)
            {
              /* ASCII letters, the common case, a table lookup each */
              const guchar *a = p;
              guchar lc;

              /* Bounded by the range: a word running past it (a 10 MB
               * "word" cut into sentences) would be read again for each. */
              while (p < stop && (lc = lower_ascii[*p]) != 0)
                {
                  if (len < sizeof lower - 1)
                    lower[len++] = lc;
                  h = TEMPORAL_HASH_STEP (h, lc);
                  p++;
                }
              cp += p - a;
              if (p < stop && classes[*p] == C_HIGH)
                {
                  gunichar c = g_utf8_get_char ((const char *) p);
                  char ubuf[6];
                  int nb;

                  if (!g_unichar_isalpha (c) && !g_unichar_ismark (c))
                    break;
                  nb = g_unichar_to_utf8 (g_unichar_tolower (c), ubuf);
                  if (len + nb < sizeof lower)
                    {
                      memcpy (lower + len, ubuf, nb);
                      len += nb;
                    }
                  else
                    fits = FALSE;
                  for (int b = 0; b < nb; b++)
                    h = TEMPORAL_HASH_STEP (h, (guchar) ubuf[b]);
                  p = (const guchar *) g_utf8_next_char (p);
                  cp++;
                }
              else
                break;
            }
          if (len >= sizeof lower - 1)
            fits = FALSE;
          t->kind = TOK_WORD;
          if (fits && len <= TEMPORAL_MAX_WORD)
            {
              guint32 slot = h & (TEMPORAL_TABLE_SIZE - 1);

              while (table[slot].row != 0)
                {
                  if (table[slot].hash == h && table[slot].len == len &&
                      memcmp (row_words[table[slot].row - 1], lower, len) == 0)
                    {
                      t->w = row_entries[table[slot].row - 1];
                      break;
                    }
                  slot = (slot + 1) & (TEMPORAL_TABLE_SIZE - 1);
                }
              t->tense = t->w != NULL ? t->w->tense : guess_tense (lower, len);
            }
          else if (fits)
            t->tense = guess_tense (lower, len);
        }
      else
        {
          t->kind = TOK_PUNCT;
          if (k == C_HIGH)
            {
              t->num = (gint32) g_utf8_get_char ((const char *) p);
              p = (const guchar *) g_utf8_next_char (p);
            }
          else
            t->num = *p++;
          cp++;
        }

      t->b1 = (const char *) p - text;
      t->c1 = cp;
      while (t->b0 >= sent_end && sent + 1 < sentences->len)
        {
          sent++;
          sent_end = g_array_index (sentences, DossierSentence, sent).byte_end;
        }
      t->sent = sent;
    }

  return n;
}
