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
            k = C_UPPER;
          else if (b >= 'a' && b <= 'z')
            k = C_LOWER;
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
 * @sentences: (element-type DossierSentence): its sentences
 * @n_tokens: (out): the number of tokens
 *
 * Returns: (transfer full): the tokens, to free with g_free()
 */
TemporalToken *
_dossier_temporal_tokenize (const char *text,
                            GArray     *sentences,
                            guint      *n_tokens)
{
  gsize cap = 1024, n = 0;
  TemporalToken *toks = g_new (TemporalToken, cap);
  const guchar *p = (const guchar *) text;
  guint32 cp = 0;
  guint8 pending = TOK_F_SPACE | TOK_F_NEWLINE;
  guint sent = 0;
  gsize sent_end = sentences->len > 0 ?
    g_array_index (sentences, DossierSentence, 0).byte_end : G_MAXSIZE;
  ensure_classes ();

  while (*p)
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

      if (G_UNLIKELY (n == cap))
        {
          cap *= 2;
          toks = g_renew (TemporalToken, toks, cap);
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

          while (classes[*p] == C_DIGIT)
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
          gboolean fits = TRUE, upper = TRUE;
          guint32 h = TEMPORAL_HASH_INIT;
          const guchar *s = p;

          if (k == C_UPPER || (k == C_HIGH && g_unichar_isupper (g_utf8_get_char ((const char *) p))))
            t->flags |= TOK_F_CAP;
          for (;;)
            {
              guint8 kk = classes[*p];

              if (kk == C_LOWER || kk == C_UPPER)
                {
                  guchar lc = *p | 0x20;

                  if (kk == C_LOWER)
                    upper = FALSE;
                  if (len < sizeof lower - 1)
                    lower[len++] = lc;
                  else
                    fits = FALSE;
                  h = TEMPORAL_HASH_STEP (h, lc);
                  p++;
                  cp++;
                }
              else if (kk == C_HIGH)
                {
                  gunichar c = g_utf8_get_char ((const char *) p);
                  char buf[6];
                  int nb;

                  if (!g_unichar_isalpha (c) && !g_unichar_ismark (c))
                    break;
                  if (g_unichar_islower (c))
                    upper = FALSE;
                  nb = g_unichar_to_utf8 (g_unichar_tolower (c), buf);
                  if (len + nb < sizeof lower)
                    {
                      memcpy (lower + len, buf, nb);
                      len += nb;
                    }
                  else
                    fits = FALSE;
                  for (int b = 0; b < nb; b++)
                    h = TEMPORAL_HASH_STEP (h, (guchar) buf[b]);
                  p = (const guchar *) g_utf8_next_char (p);
                  cp++;
                }
              else
                break;
            }
          t->kind = TOK_WORD;
          if (upper && p - s > 1)
            t->flags |= TOK_F_UPPER;
          if (fits)
            {
              t->w = _dossier_temporal_lookup_hashed (lower, len, h);
              t->tense = t->w != NULL ? t->w->tense : guess_tense (lower, len);
            }
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

  *n_tokens = n;
  return toks;
}
