/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-text-date"

#include "config.h"

#include <string.h>

#include "dossier-text-date-private.h"
#include "dossier-text-lexicon-private.h"

/*
 * Calendar dates written out in a line of text, in the languages of the
 * lexicon: "2025 m. lapkričio 27 d.", "27. November 2025", "November 27,
 * 2025", "27 de noviembre de 2025", "27.11.2025", "2025-11-27". Only full
 * dates (day, month, year) count: they are what a page prints as the date
 * of a post or what a citation gives as the date of an issue.
 */

#define MAX_DATE_TEXT 4096

typedef enum
{
  TOK_WORD,
  TOK_NUM,
  TOK_PUNCT,
} TokKind;

typedef struct
{
  TokKind         kind;
  guint           start;
  guint           end;
  guint           value;
  guint           ndigits;
  gunichar        ch;
  DossierWordInfo info;
} Token;

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c) || c == 0xBA || c == 0xAA;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static GArray *
tokenize (const char *text,
          gsize       length)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      Token t = { 0 };

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          p++;
          continue;
        }

      if (g_unichar_isspace (c) || c == 0xA0 || c == 0x202F || c == 0x2009)
        {
          p = g_utf8_next_char (p);
          continue;
        }

      t.start = p - text;
      if (c >= '0' && c <= '9')
        {
          t.kind = TOK_NUM;
          while (p < end && g_ascii_isdigit (*p))
            {
              if (t.ndigits < 9)
                t.value = t.value * 10 + (*p - '0');
              t.ndigits++;
              p++;
            }
        }
      else if (is_word_char (c))
        {
          t.kind = TOK_WORD;
          p = g_utf8_next_char (p);
          while (p < end)
            {
              gunichar d = g_utf8_get_char_validated (p, end - p);
              const char *next;

              if (d == (gunichar)-1 || d == (gunichar)-2)
                break;
              if (is_word_char (d))
                {
                  p = g_utf8_next_char (p);
                  continue;
                }
              /* "quinta-feira", "п’ятниця" */
              next = g_utf8_next_char (p);
              if ((d == '-' || is_apostrophe (d)) && next < end &&
                  is_word_char (g_utf8_get_char_validated (next, end - next)))
                {
                  p = next;
                  continue;
                }
              break;
            }
          t.end = p - text;
          t.info = _dossier_text_lexicon_word (text + t.start, t.end - t.start);
        }
      else
        {
          t.kind = TOK_PUNCT;
          t.ch = c;
          p = g_utf8_next_char (p);
        }
      t.end = p - text;
      g_array_append_val (tokens, t);
    }

  return tokens;
}

static inline Token *
tok (GArray *tokens,
     int     i)
{
  if (i < 0 || i >= (int)tokens->len)
    return NULL;
  return &g_array_index (tokens, Token, i);
}

/* Next token in @dir that is a number or a word other than a joiner. */
static int
walk (GArray *tokens,
      int     i,
      int     dir)
{
  int n = 0;

  for (i += dir; i >= 0 && i < (int)tokens->len && n < 4; i += dir)
    {
      Token *t = tok (tokens, i);

      if (t->kind == TOK_PUNCT)
        {
          if (t->ch != '.' && t->ch != ',')
            return -1;
          continue;
        }
      if (t->kind == TOK_WORD && (t->info.flags & DOSSIER_WORD_JOINER) &&
          !(t->info.flags & DOSSIER_WORD_MONTH))
        {
          n++;
          continue;
        }
      return i;
    }

  return -1;
}

static gboolean
is_day (Token *t)
{
  return t != NULL && t->kind == TOK_NUM && t->ndigits <= 2 && t->value >= 1 && t->value <= 31;
}

static gboolean
is_year (Token *t)
{
  return t != NULL && t->kind == TOK_NUM && t->ndigits == 4 && t->value >= 1800 && t->value <= 2200;
}

static gboolean
valid (int y,
       int m,
       int d)
{
  return m >= 1 && m <= 12 && d >= 1 && g_date_valid_dmy (d, m, y);
}

static gboolean
adjacent (Token *a,
          Token *b)
{
  return a != NULL && b != NULL && a->end == b->start;
}

static gboolean
is_time_separator (Token *t)
{
  return t != NULL && t->kind == TOK_PUNCT && (t->ch == ':' || t->ch == '.');
}

/* Tries a date around token @i; on success fills @date and the token
 * range [@first, @last]. */
static gboolean
date_at (GArray          *tokens,
         int              i,
         gboolean         month_first,
         DossierTextDate *date,
         int             *first,
         int             *last)
{
  Token *t = tok (tokens, i);

  if (t->kind == TOK_NUM)
    {
      Token *s1 = tok (tokens, i + 1), *b = tok (tokens, i + 2);
      Token *s2 = tok (tokens, i + 3), *c = tok (tokens, i + 4);
      int y, m, d;

      if (s1 == NULL || c == NULL || s1->kind != TOK_PUNCT || s2->kind != TOK_PUNCT ||
          s1->ch != s2->ch || (s1->ch != '.' && s1->ch != '-' && s1->ch != '/') ||
          b->kind != TOK_NUM || c->kind != TOK_NUM ||
          !adjacent (t, s1) || !adjacent (s1, b) || !adjacent (b, s2) || !adjacent (s2, c))
        return FALSE;

      if (t->ndigits == 4 && b->ndigits <= 2 && c->ndigits <= 2)
        {
          y = t->value;
          m = b->value;
          d = c->value;
        }
      else if (c->ndigits == 4 && t->ndigits <= 2 && b->ndigits <= 2)
        {
          y = c->value;
          if (t->value > 12 || (!month_first && b->value <= 12) || s1->ch != '/')
            {
              d = t->value;
              m = b->value;
            }
          else
            {
              m = t->value;
              d = b->value;
            }
        }
      else
        return FALSE;

      if (y < 1800 || y > 2200 || !valid (y, m, d))
        return FALSE;

      date->year = y;
      date->month = m;
      date->day = d;
      *first = i;
      *last = i + 4;
      return TRUE;
    }

  if (t->kind == TOK_WORD && (t->info.flags & DOSSIER_WORD_MONTH))
    {
      int m = t->info.month;
      int p1 = walk (tokens, i, -1);
      int n1 = walk (tokens, i, +1);
      int p2 = p1 >= 0 ? walk (tokens, p1, -1) : -1;
      int n2 = n1 >= 0 ? walk (tokens, n1, +1) : -1;

      /* 27 November 2025 */
      if (is_day (tok (tokens, p1)) && is_year (tok (tokens, n1)) &&
          valid (tok (tokens, n1)->value, m, tok (tokens, p1)->value))
        {
          date->year = tok (tokens, n1)->value;
          date->day = tok (tokens, p1)->value;
          *first = p1;
          *last = n1;
        }
      /* November 27, 2025 */
      else if (is_day (tok (tokens, n1)) && is_year (tok (tokens, n2)) &&
               valid (tok (tokens, n2)->value, m, tok (tokens, n1)->value))
        {
          date->year = tok (tokens, n2)->value;
          date->day = tok (tokens, n1)->value;
          *first = i;
          *last = n2;
        }
      /* 2025 m. lapkričio 27 d. */
      else if (is_year (tok (tokens, p1)) && is_day (tok (tokens, n1)) &&
               valid (tok (tokens, p1)->value, m, tok (tokens, n1)->value))
        {
          date->year = tok (tokens, p1)->value;
          date->day = tok (tokens, n1)->value;
          *first = p1;
          *last = n1;
        }
      else
        return FALSE;

      (void)p2;
      date->month = m;
      return TRUE;
    }

  return FALSE;
}

static gboolean
find_in_tokens (GArray          *tokens,
                gboolean         last,
                gboolean         month_first,
                DossierTextDate *date,
                int             *first_tok,
                int             *last_tok)
{
  gboolean found = FALSE;

  for (int i = 0; i < (int)tokens->len; i++)
    {
      DossierTextDate d;
      int f, l;

      if (date_at (tokens, i, month_first, &d, &f, &l))
        {
          *date = d;
          *first_tok = f;
          *last_tok = l;
          found = TRUE;
          if (!last)
            break;
          i = l;
        }
    }

  if (found)
    {
      date->start = tok (tokens, *first_tok)->start;
      date->end = tok (tokens, *last_tok)->end;
    }

  return found;
}

/**
 * _dossier_text_find_date:
 * @text: UTF-8 text
 * @length: its length in bytes (only the first few kilobytes are read)
 * @last: whether to return the last date rather than the first
 * @month_first: read ambiguous "11/12/2025" as month first
 * @date: (out): the date and its byte span in @text
 *
 * Returns: %TRUE when @text holds a full date
 */
gboolean
_dossier_text_find_date (const char      *text,
                         gsize            length,
                         gboolean         last,
                         gboolean         month_first,
                         DossierTextDate *date)
{
  g_autoptr(GArray) tokens = NULL;
  int f, l;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  tokens = tokenize (text, MIN (length, MAX_DATE_TEXT));

  return find_in_tokens (tokens, last, month_first, date, &f, &l);
}

/**
 * _dossier_text_match_date_line:
 * @line: one line of text
 * @length: its length in bytes
 * @month_first: read ambiguous "11/12/2025" as month first
 * @date: (out): the date
 *
 * A date line is a line that holds a date and little else: a weekday,
 * a time, "posted on", "г.", or an author after "by".
 *
 * Returns: %TRUE when @line is a date line
 */
gboolean
_dossier_text_match_date_line (const char      *line,
                               gsize            length,
                               gboolean         month_first,
                               DossierTextDate *date)
{
  g_autoptr(GArray) tokens = NULL;
  int first, last;
  guint words_after_by = 0;
  gboolean after_by = FALSE;

  g_return_val_if_fail (line != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (length > 240)
    return FALSE;

  tokens = tokenize (line, length);
  if (!find_in_tokens (tokens, FALSE, month_first, date, &first, &last))
    return FALSE;

  for (int i = 0; i < (int)tokens->len; i++)
    {
      Token *t = tok (tokens, i);

      if (i >= first && i <= last)
        continue;

      if (t->kind == TOK_PUNCT)
        continue;

      if (after_by)
        {
          if (t->kind == TOK_WORD && ++words_after_by > 5)
            return FALSE;
          continue;
        }

      if (t->kind == TOK_NUM)
        {
          Token *prev = tok (tokens, i - 1);
          Token *next = tok (tokens, i + 1);

          /* a time: 10:15, 10.15 h */
          if (t->ndigits <= 2 && (is_time_separator (next) && adjacent (t, next)))
            continue;
          if (t->ndigits <= 2 && (is_time_separator (prev) && adjacent (prev, t)))
            continue;
          return FALSE;
        }

      if (t->info.flags & DOSSIER_WORD_BY)
        {
          after_by = TRUE;
          continue;
        }

      if (t->info.flags & (DOSSIER_WORD_WEEKDAY | DOSSIER_WORD_FILLER | DOSSIER_WORD_JOINER))
        continue;

      return FALSE;
    }

  return TRUE;
}

GDateTime *
_dossier_text_date_to_datetime (const DossierTextDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_date_time_new_utc (date->year, date->month, date->day, 0, 0, 0);
}

/**
 * _dossier_text_parse_date_line:
 * @line: one line of text
 * @length: its length in bytes, or -1
 *
 * Returns: (transfer full) (nullable): the date of a date line at UTC
 *   midnight, or %NULL when @line is not a date line
 */
GDateTime *
_dossier_text_parse_date_line (const char *line,
                               gssize      length)
{
  DossierTextDate date;

  g_return_val_if_fail (line != NULL, NULL);

  if (length < 0)
    length = strlen (line);

  if (!_dossier_text_match_date_line (line, length, FALSE, &date))
    return NULL;

  return _dossier_text_date_to_datetime (&date);
}
