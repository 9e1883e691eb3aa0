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

GArray *
_dossier_temporal_tokenize (const char *text,
                            GArray     *sentences)
{
  GArray *toks = g_array_sized_new (FALSE, FALSE, sizeof (TemporalToken),
                                    strlen (text) / 5 + 16);
  const guchar *p = (const guchar *) text;
  guint32 cp = 0;
  guint8 pending = TOK_F_SPACE | TOK_F_NEWLINE;
  guint sent = 0;
  gsize sent_end = sentences->len > 0 ?
    g_array_index (sentences, DossierSentence, 0).byte_end : G_MAXSIZE;

  while (*p)
    {
      TemporalToken t = { 0 };
      guchar ch = *p;

      if (ch < 0x80)
        {
          if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v')
            {
              pending |= TOK_F_SPACE;
              p++;
              cp++;
              continue;
            }
          if (ch == '\n')
            {
              pending |= TOK_F_SPACE | TOK_F_NEWLINE;
              p++;
              cp++;
              continue;
            }
        }
      else
        {
          gunichar c = g_utf8_get_char ((const char *) p);

          if (is_space_char (c))
            {
              pending |= TOK_F_SPACE;
              p = (const guchar *) g_utf8_next_char (p);
              cp++;
              continue;
            }
        }

      t.b0 = (const char *) p - text;
      t.c0 = cp;
      t.flags = pending;
      pending = 0;

      if (g_ascii_isdigit (ch))
        {
          gint64 v = 0;
          guint n = 0;

          while (g_ascii_isdigit (*p))
            {
              if (n < 9)
                v = v * 10 + (*p - '0');
              n++;
              p++;
              cp++;
            }
          t.kind = TOK_NUM;
          t.num = (gint32) v;
          t.ndigits = MIN (n, 255);
        }
      else if (g_ascii_isalpha (ch) ||
               (ch >= 0x80 && g_unichar_isalpha (g_utf8_get_char ((const char *) p))))
        {
          char lower[32];
          gsize len = 0;
          gboolean fits = TRUE, upper = TRUE;
          const guchar *s = p;

          if (g_ascii_isupper (ch) ||
              (ch >= 0x80 && g_unichar_isupper (g_utf8_get_char ((const char *) p))))
            t.flags |= TOK_F_CAP;
          while (*p)
            {
              if (*p < 0x80)
                {
                  if (!g_ascii_isalpha (*p))
                    break;
                  if (g_ascii_islower (*p))
                    upper = FALSE;
                  if (len < sizeof lower - 1)
                    lower[len++] = g_ascii_tolower (*p);
                  else
                    fits = FALSE;
                  p++;
                }
              else
                {
                  gunichar c = g_utf8_get_char ((const char *) p);
                  char buf[6];
                  int n;

                  if (!g_unichar_isalpha (c) && !g_unichar_ismark (c))
                    break;
                  if (g_unichar_islower (c))
                    upper = FALSE;
                  n = g_unichar_to_utf8 (g_unichar_tolower (c), buf);
                  if (len + n < sizeof lower)
                    {
                      memcpy (lower + len, buf, n);
                      len += n;
                    }
                  else
                    fits = FALSE;
                  p = (const guchar *) g_utf8_next_char (p);
                }
              cp++;
            }
          lower[len] = '\0';
          t.kind = TOK_WORD;
          if (upper && (const guchar *) p - s > 1)
            t.flags |= TOK_F_UPPER;
          if (fits)
            {
              t.w = _dossier_temporal_lookup (lower, len);
              t.tense = t.w != NULL ? t.w->tense : guess_tense (lower, len);
            }
        }
      else
        {
          gunichar c = g_utf8_get_char ((const char *) p);

          t.kind = TOK_PUNCT;
          t.num = (gint32) c;
          p = (const guchar *) g_utf8_next_char (p);
          cp++;
        }

      t.b1 = (const char *) p - text;
      t.c1 = cp;
      while (t.b0 >= sent_end && sent + 1 < sentences->len)
        {
          sent++;
          sent_end = g_array_index (sentences, DossierSentence, sent).byte_end;
        }
      t.sent = sent;
      g_array_append_val (toks, t);
    }

  return toks;
}
