/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-text-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-article.h"
#include "dossier-text-date-private.h"
#include "dossier-text-importer.h"
#include "dossier-text-lexicon-private.h"

/*
 * Plain-text clippings: an article as it comes out of "select all, copy"
 * on a blog or a newspaper database. The page furniture (navigation,
 * counters, share buttons, comment forms) and the metadata (date line,
 * headline, byline, dateline, citation footer) sit in the first and the
 * last few kilobytes; the middle is the article. So only a head and a tail
 * window are indexed and classified line by line, and the body between
 * them is copied once, in a single linear pass that joins wrapped lines
 * and drops footnote markers.
 */

#define HEAD_BYTES     (128 * 1024)
#define TAIL_BYTES     (64 * 1024)
#define MAX_HEAD_LINES 4000
#define MAX_TAIL_LINES 4000
#define HEAD_SCAN      80     /* non-blank lines read for head metadata */
#define TAIL_SCAN      1500   /* non-blank lines read for the page footer */
#define MAX_META_LINE  600    /* longer lines are always article text */

typedef enum
{
  LINE_UNKNOWN = 0,
  LINE_BLANK,
  LINE_TEXT,
  LINE_CHROME,
  LINE_DATE,
  LINE_BYLINE,
  LINE_SOURCE,
  LINE_URL,
} LineKind;

typedef struct
{
  const char *start;     /* trimmed */
  const char *end;
  guint       kind : 4;
  guint       footer : 1;
  guint       classified : 1;
} Line;

typedef enum
{
  RANK_NONE,
  RANK_CHROME,
  RANK_DATE_LINE,
  RANK_SOURCE,
  RANK_CITATION,
} DateRank;

typedef struct
{
  const char      *text;
  gsize            length;

  GArray          *lines;
  guint            gap;          /* first tail line when the middle is not indexed */
  const char      *body_start_at;
  gboolean         body_quoted;
  const char      *body_end_at;
  gboolean         month_first;
  gboolean         para_per_line;

  char            *title;
  char            *subtitle;
  char            *source;
  char            *edition;
  char            *page;
  char            *dateline;
  char            *url;
  GPtrArray       *authors;
  GPtrArray       *post_authors;
  GPtrArray       *citation_authors;
  char            *citation_title;
  char            *citation_subtitle;
  DossierTextDate  date;
  DateRank         date_rank;
} Parser;

/* ------------------------------------------------------------------ */
/* characters                                                          */

/* Byte length of the white space character at @p, or 0. */
static inline gsize
space_at (const char *p,
          const char *end)
{
  const guchar *u = (const guchar *)p;
  gsize n = end - p;

  if (n == 0)
    return 0;
  if (u[0] == ' ' || u[0] == '\t' || u[0] == '\f' || u[0] == '\v' || u[0] == '\r')
    return 1;
  if (u[0] < 0xC2)
    return 0;
  if (u[0] == 0xC2 && n >= 2 && u[1] == 0xA0)
    return 2;
  if (u[0] == 0xE2 && n >= 3 && u[1] == 0x80 &&
      ((u[2] >= 0x80 && u[2] <= 0x8B) || u[2] == 0xA8 || u[2] == 0xA9 || u[2] == 0xAF))
    return 3;
  if (u[0] == 0xE2 && n >= 3 && u[1] == 0x81 && u[2] == 0x9F)
    return 3;
  if (u[0] == 0xE3 && n >= 3 && u[1] == 0x80 && u[2] == 0x80)
    return 3;
  if (u[0] == 0xEF && n >= 3 && u[1] == 0xBB && u[2] == 0xBF)
    return 3;
  return 0;
}

/* Byte length of the white space character that ends just before @p. */
static inline gsize
space_before (const char *p,
              const char *start)
{
  gsize n = p - start;

  if (n == 0)
    return 0;
  if (space_at (p - 1, p) == 1)
    return 1;
  if (n >= 2 && space_at (p - 2, p) == 2)
    return 2;
  if (n >= 3 && space_at (p - 3, p) == 3)
    return 3;
  return 0;
}

static void
trim (const char **start,
      const char **end)
{
  gsize n;

  while ((n = space_at (*start, *end)) > 0)
    *start += n;
  while (*end > *start && (n = space_before (*end, *start)) > 0)
    *end -= n;
}

static gunichar
first_char (const char *p,
            const char *end)
{
  gunichar c;

  if (p >= end)
    return 0;
  c = g_utf8_get_char_validated (p, end - p);
  return (c == (gunichar)-1 || c == (gunichar)-2) ? 0 : c;
}

static gunichar
last_char (const char  *start,
           const char  *end,
           const char **where)
{
  const char *p;

  if (end <= start)
    return 0;
  p = g_utf8_find_prev_char (start, end);
  if (p == NULL)
    p = start;
  if (where)
    *where = p;
  return first_char (p, end);
}

static gboolean
is_open_quote (gunichar c)
{
  return c == 0x201C || c == '"' || c == 0xAB || c == 0x201E;
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';' ||
         c == 0x201D || c == '"' || c == 0xBB || c == 0x201C || c == ')';
}

static guint
count_words (const char *start,
             const char *end)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = start; p < end; p++)
    {
      gboolean sp = *p == ' ' || *p == '\t';

      if (!sp && !in_word)
        n++;
      in_word = !sp;
    }

  return n;
}

static char *
dup_trimmed (const char *start,
             const char *end)
{
  trim (&start, &end);
  return g_strndup (start, end - start);
}

/* Strips trailing characters in @chars (ASCII) and white space. */
static void
strip_trailing (const char  *start,
                const char **end,
                const char  *chars)
{
  for (;;)
    {
      gsize n;

      if (*end > start && strchr (chars, (*end)[-1]) != NULL && (*end)[-1] != '\0')
        (*end)--;
      else if ((n = space_before (*end, start)) > 0)
        *end -= n;
      else
        break;
    }
}

/* ------------------------------------------------------------------ */
/* indexing                                                            */

static void
add_line (GArray     *lines,
          const char *start,
          const char *end)
{
  Line line = { 0 };

  trim (&start, &end);
  line.start = start;
  line.end = end;
  if (start == end)
    {
      line.kind = LINE_BLANK;
      line.classified = TRUE;
    }
  g_array_append_val (lines, line);
}

static void
index_lines (Parser *self)
{
  const char *text = self->text;
  const char *end = text + self->length;
  const char *p = text;
  const char *head_end;
  g_autoptr(GArray) tail = NULL;

  self->lines = g_array_new (FALSE, TRUE, sizeof (Line));

  while (p < end && p - text < HEAD_BYTES && self->lines->len < MAX_HEAD_LINES)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *le = nl ? nl : end;

      add_line (self->lines, p, le);
      p = nl ? nl + 1 : end;
    }
  head_end = p;
  self->gap = self->lines->len;

  if (head_end >= end)
    return;

  tail = g_array_new (FALSE, TRUE, sizeof (Line));
  p = end;
  while (p > head_end && end - p < TAIL_BYTES && tail->len < MAX_TAIL_LINES)
    {
      const char *le = p;
      const char *ls = le;

      while (ls > head_end && ls[-1] != '\n')
        ls--;
      if (ls == head_end && ls > text && ls[-1] != '\n')
        break;
      add_line (tail, ls, le);
      p = ls > head_end ? ls - 1 : ls;
      if (ls == head_end)
        break;
    }

  for (guint i = tail->len; i > 0; i--)
    g_array_append_val (self->lines, g_array_index (tail, Line, i - 1));

  /* the tail window reached the head: nothing is left out */
  if (tail->len > 0 && g_array_index (tail, Line, tail->len - 1).start >= head_end &&
      p <= head_end)
    self->gap = self->lines->len;
}

/* Pages copied from a browser keep each paragraph on one long line with
 * no blank line in between; hard-wrapped text has short lines. */
static void
detect_line_paragraphs (Parser *self)
{
  guint long_joined = 0;
  guint medium_joined = 0;
  guint blanks = 0;
  guint n = MIN (self->gap, 2000);

  for (guint i = 0; i + 1 < n; i++)
    {
      Line *a = &g_array_index (self->lines, Line, i);
      Line *b = &g_array_index (self->lines, Line, i + 1);

      if (a->kind == LINE_BLANK)
        blanks++;
      else if (b->kind != LINE_BLANK && a->end - a->start > 120 &&
               g_utf8_strlen (a->start, a->end - a->start) > 120)
        long_joined++;
      else if (b->kind != LINE_BLANK && a->end - a->start > 40)
        medium_joined++;
    }

  /* a few long lines (a table, a link) in wrapped text do not count */
  self->para_per_line = (long_joined >= 2 || (long_joined >= 1 && blanks == 0)) &&
                        long_joined * 4 >= medium_joined;
}

/* ------------------------------------------------------------------ */
/* line classes                                                        */

static gboolean
is_name_word (const char *w,
              gsize       len)
{
  static const char * const particles[] = {
    "van", "von", "der", "den", "de", "da", "di", "du", "dos", "del", "la",
    "le", "bin", "al", "ben", "ter", "ten",
  };
  gunichar c = first_char (w, w + len);

  if (g_unichar_isupper (c))
    {
      /* no digits in names */
      for (gsize i = 0; i < len; i++)
        if (g_ascii_isdigit (w[i]))
          return FALSE;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (particles); i++)
    if (strlen (particles[i]) == len && memcmp (particles[i], w, len) == 0)
      return TRUE;

  return FALSE;
}

/* "Jane Doe", "Jean-Luc de la Tour", "Č. Šimkus": two to five name words. */
static gboolean
looks_like_name (const char *start,
                 const char *end)
{
  guint words = 0;
  const char *p = start;

  trim (&start, &end);
  p = start;
  if (end - start > 60 || start == end)
    return FALSE;

  while (p < end)
    {
      const char *w = p;

      while (p < end && *p != ' ')
        p++;
      if (!is_name_word (w, p - w))
        return FALSE;
      words++;
      while (p < end && *p == ' ')
        p++;
    }

  return words >= 2 && words <= 5 && g_unichar_isupper (first_char (start, end));
}

static const char *
find_word_end (const char *p,
               const char *end)
{
  while (p < end && !g_ascii_isspace (*p) && *p != ',' && *p != ':' && *p != ';')
    p++;
  return p;
}

static gboolean
has_not_name_word (const char *start,
                   const char *end)
{
  const char *p = start;

  while (p < end)
    {
      const char *we = find_word_end (p, end);

      if (we > p && (_dossier_text_lexicon_word (p, we - p).flags & DOSSIER_WORD_NOT_NAME))
        return TRUE;
      p = we;
      while (p < end && (g_ascii_isspace (*p) || *p == ',' || *p == ':' || *p == ';'))
        p++;
    }

  return FALSE;
}

/* Splits "Jane Doe, John Roe and Ann Poe" into names; returns %FALSE when
 * any part is not a name (a single trailing word such as an agency name is
 * dropped). */
static gboolean
split_names (const char *start,
             const char *end,
             GPtrArray  *names)
{
  const char *p = start;
  const char *part = start;
  guint before = names->len;

  while (p <= end)
    {
      gboolean cut = FALSE;
      const char *next = p;

      if (p == end)
        cut = TRUE;
      else if (*p == ',' || *p == ';' || *p == '&' || *p == '|' || *p == '/')
        {
          cut = TRUE;
          next = p + 1;
        }
      else if (*p == ' ')
        {
          const char *w = p + 1;
          const char *we = find_word_end (w, end);
          DossierWordInfo info = _dossier_text_lexicon_word (w, we - w);

          if ((info.flags & DOSSIER_WORD_AND) && we < end && *we == ' ')
            {
              cut = TRUE;
              next = we;
            }
        }

      if (cut)
        {
          const char *ps = part, *pe = p;

          trim (&ps, &pe);
          if (pe > ps)
            {
              if (has_not_name_word (ps, pe))
                ;   /* "Staff Writer", "The Associated Press" */
              else if (looks_like_name (ps, pe))
                g_ptr_array_add (names, g_strndup (ps, pe - ps));
              else if (count_words (ps, pe) <= 2 && names->len > before)
                break;   /* "…, Reuters", "…, Staff Writer" */
              else
                {
                  g_ptr_array_set_size (names, before);
                  return FALSE;
                }
            }
          part = next;
          p = next;
          if (p == end)
            break;
          continue;
        }
      p++;
    }

  return names->len > before;
}

/* "By Jane Doe and John Roe", "Von Hans Müller", "Autor: Jan Kowalski". */
static gboolean
parse_byline (const char *start,
              const char *end,
              GPtrArray  *names)
{
  const char *we;
  DossierWordInfo info;

  if (end - start > 200)
    return FALSE;

  we = find_word_end (start, end);
  info = _dossier_text_lexicon_word (start, we - start);
  if (!(info.flags & DOSSIER_WORD_BY))
    return FALSE;

  while (we < end && (*we == ':' || g_ascii_isspace (*we)))
    we++;

  return split_names (we, end, names);
}

static gboolean
is_url (const char *start,
        const char *end)
{
  gsize n = end - start;

  if (n < 8 || n > 2000)
    return FALSE;
  if (g_ascii_strncasecmp (start, "http://", 7) != 0 &&
      g_ascii_strncasecmp (start, "https://", 8) != 0 &&
      g_ascii_strncasecmp (start, "www.", 4) != 0)
    return FALSE;
  for (const char *p = start; p < end; p++)
    if (*p == ' ')
      return FALSE;
  return TRUE;
}

/* "Source: …", "Šaltinis: …"; returns where the value starts. */
static const char *
source_value (const char *start,
              const char *end)
{
  const char *colon;
  g_autofree char *label = NULL;

  if (end - start > 400)
    return NULL;

  colon = memchr (start, ':', MIN ((gsize)(end - start), 40));
  if (colon == NULL)
    return NULL;

  label = _dossier_text_lexicon_normalize (start, colon - start);
  if (!_dossier_text_lexicon_is_source_label (label))
    return NULL;

  colon++;
  while (colon < end && g_ascii_isspace (*colon))
    colon++;

  return colon < end ? colon : NULL;
}

static Line *
line_at (Parser *self,
         guint   i)
{
  return &g_array_index (self->lines, Line, i);
}

static void
classify (Parser *self,
          Line   *line)
{
  gsize len = line->end - line->start;
  g_autofree char *norm = NULL;
  g_autoptr(GPtrArray) names = NULL;
  DossierTextDate date;
  guint chrome;

  if (line->classified)
    return;
  line->classified = TRUE;
  line->kind = LINE_TEXT;

  if (len > MAX_META_LINE)
    return;

  if (_dossier_text_match_date_line (line->start, len, self->month_first, &date))
    {
      line->kind = LINE_DATE;
      return;
    }

  names = g_ptr_array_new_with_free_func (g_free);
  if (parse_byline (line->start, line->end, names))
    {
      line->kind = LINE_BYLINE;
      return;
    }

  if (source_value (line->start, line->end) != NULL)
    {
      line->kind = LINE_SOURCE;
      return;
    }

  if (is_url (line->start, line->end))
    {
      line->kind = LINE_URL;
      return;
    }

  if (len > 300)
    return;

  norm = _dossier_text_lexicon_normalize (line->start, len);
  chrome = _dossier_text_lexicon_chrome (norm);

  /* a one-word label is furniture as "Tags: x, y" or in a short line;
   * "Tag 3: Wir fahren nach Rom" and "Assinar o acordo foi difícil, disse
   * o ministro." are text */
  if (chrome & DOSSIER_CHROME_ONE_WORD)
    {
      const char *w = find_word_end (line->start, line->end);

      while (w < line->end && *w == ' ')
        w++;
      if (!(w < line->end && *w == ':') && count_words (line->start, line->end) > 4)
        chrome = 0;
    }
  /* "Powered by wind, the new turbines light the whole town." */
  if ((chrome & DOSSIER_CHROME_SHORT) && count_words (line->start, line->end) > 10 &&
      is_sentence_end (last_char (line->start, line->end, NULL)))
    chrome = 0;

  if (chrome & DOSSIER_CHROME_MATCH)
    {
      line->kind = LINE_CHROME;
      line->footer = (chrome & DOSSIER_CHROME_FOOTER) != 0;
      return;
    }

  /* "Copyright 2025 Dow Jones & Company, Inc. All Rights Reserved." */
  if (g_str_has_prefix (norm, "copyright ") || g_str_has_prefix (line->start, "\xc2\xa9") ||
      strstr (norm, "all rights reserved") != NULL)
    {
      line->kind = LINE_CHROME;
      return;
    }

  /* short lines that name the blog engine ("Powered by Blogger.") */
  if (len < 80 && (strstr (norm, "blogger") != NULL || strstr (norm, "wordpress") != NULL))
    {
      line->kind = LINE_CHROME;
      line->footer = TRUE;
    }
}

/* ------------------------------------------------------------------ */
/* metadata                                                            */

static void
set_date (Parser                *self,
          const DossierTextDate *date,
          DateRank               rank)
{
  /* of several references, the first one (read last) speaks for the article */
  if (rank > self->date_rank || (rank == RANK_CITATION && self->date_rank == RANK_CITATION))
    {
      self->date = *date;
      self->date_rank = rank;
    }
}

/* " --- ", " — ", " -- ", " – " between headline and dek. */
static const char *
find_dek_separator (const char  *start,
                    const char  *end,
                    gboolean     strong_only,
                    const char **after)
{
  static const char * const seps[] = {
    " --- ", " \xe2\x80\x94 ", " -- ", " \xe2\x80\x93 ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (seps); i++)
    {
      const char *hit = g_strstr_len (start, end - start, seps[i]);

      if (hit != NULL)
        {
          *after = hit + strlen (seps[i]);
          return hit;
        }
      if (strong_only)
        break;
    }

  return NULL;
}

static gboolean
all_caps (const char *start,
          const char *end)
{
  guint upper = 0;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = first_char (p, end);

      if (g_unichar_islower (c))
        return FALSE;
      if (g_unichar_isupper (c))
        upper++;
    }

  return upper >= 2;
}

static gboolean
headline_like (const char *start,
               const char *end)
{
  gsize len = end - start;
  gunichar c = first_char (start, end);
  gunichar last;
  const char *sep, *after = NULL;

  if (len == 0 || len > MAX_META_LINE)
    return FALSE;
  if (!(g_unichar_isupper (c) || g_unichar_isdigit (c) || g_unichar_istitle (c)))
    return FALSE;

  sep = find_dek_separator (start, end, FALSE, &after);
  if (sep != NULL)
    {
      gboolean strong = sep[1] == '-' && sep[2] == '-' && sep[3] == '-';
      gunichar left_last = last_char (start, sep, NULL);

      if (!all_caps (start, sep) && count_words (start, sep) <= 25 &&
          g_utf8_strlen (start, sep - start) <= 250 &&
          left_last != '.' && left_last != ',' && left_last != ';' && left_last != ':' &&
          count_words (after, end) >= 2)
        {
          last = last_char (start, end, NULL);
          if (strong || (last != '.' && last != ',' && last != ';'))
            return TRUE;
        }
    }

  last = last_char (start, end, NULL);
  if (g_utf8_strlen (start, len) > 250 || count_words (start, end) > 30)
    return FALSE;

  return last != '.' && last != ',' && last != ';' && last != ':';
}

static void
set_title (Parser     *self,
           const char *start,
           const char *end)
{
  const char *after = NULL;
  const char *sep = find_dek_separator (start, end, FALSE, &after);

  if (sep != NULL && !all_caps (start, sep) && count_words (after, end) >= 2)
    {
      const char *dek_end = end;

      g_clear_pointer (&self->title, g_free);
      self->title = dup_trimmed (start, sep);
      strip_trailing (after, &dek_end, ".");
      self->subtitle = dup_trimmed (after, dek_end);
    }
  else
    self->title = dup_trimmed (start, end);
}

static void
parse_source_line (Parser *self,
                   Line   *line)
{
  const char *v = source_value (line->start, line->end);
  const char *end = line->end;
  const char *name_end;
  DossierTextDate date;

  if (v == NULL)
    return;

  if (_dossier_text_find_date (v, end - v, FALSE, self->month_first, &date))
    set_date (self, &date, RANK_SOURCE);

  /* a URL anywhere in the value */
  for (const char *p = v; p < end; p++)
    if ((p == v || p[-1] == ' ' || p[-1] == '(') &&
        (g_ascii_strncasecmp (p, "http://", 7) == 0 || g_ascii_strncasecmp (p, "https://", 8) == 0))
      {
        const char *ue = p;

        while (ue < end && !g_ascii_isspace (*ue) && *ue != ')')
          ue++;
        if (self->url == NULL)
          self->url = g_strndup (p, ue - p);
        break;
      }

  name_end = v;
  while (name_end < end && *name_end != ',' && *name_end != '(' && *name_end != '|' &&
         !(name_end[0] == ' ' && (name_end[1] == '-' || (guchar)name_end[1] == 0xE2)) &&
         g_ascii_strncasecmp (name_end, "http", 4) != 0)
    name_end++;
  strip_trailing (v, &name_end, ".:");
  if (name_end > v && self->source == NULL)
    self->source = dup_trimmed (v, name_end);
  else if (self->source == NULL && self->url != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (self->url, G_URI_FLAGS_NONE, NULL);

      if (uri != NULL && g_uri_get_host (uri) != NULL)
        {
          const char *host = g_uri_get_host (uri);

          if (g_str_has_prefix (host, "www."))
            host += 4;
          self->source = g_strdup (host);
        }
    }
}

static gboolean
is_footnote_marker (const char *p,
                    const char *end,
                    gsize      *len)
{
  const char *q = p + 1;

  if (p >= end || *p != '[')
    return FALSE;
  while (q < end && q - p <= 4 && g_ascii_isdigit (*q))
    q++;
  if (q == p + 1 || q >= end || *q != ']' || q - p > 4)
    return FALSE;
  *len = q + 1 - p;
  return TRUE;
}

/* "1. ", "[1] ", "1) ", "¹ " at the start of a footnote line. */
static const char *
skip_footnote_number (const char *start,
                      const char *end)
{
  const char *p = start;
  gsize n;

  if (is_footnote_marker (p, end, &n))
    p += n;
  else
    {
      while (p < end && g_ascii_isdigit (*p) && p - start < 3)
        p++;
      if (p == start || p >= end || (*p != '.' && *p != ')'))
        return start;
      p++;
    }

  if (p >= end || !g_ascii_isspace (*p))
    return start;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

/* "Gramer, Robbie; Ward, Alexander" → "Robbie Gramer", "Alexander Ward". */
static gboolean
parse_citation_authors (const char *start,
                        const char *end,
                        GPtrArray  *authors)
{
  const char *p = start;
  guint before = authors->len;

  while (p < end)
    {
      const char *semi = memchr (p, ';', end - p);
      const char *pe = semi ? semi : end;
      const char *comma = memchr (p, ',', pe - p);
      const char *ls = p, *le, *fs, *fe = pe;

      if (comma == NULL)
        goto fail;
      le = comma;
      fs = comma + 1;
      trim (&ls, &le);
      trim (&fs, &fe);
      strip_trailing (fs, &fe, ".");
      if (le == ls || fe == fs || count_words (ls, le) > 3 || count_words (fs, fe) > 3)
        goto fail;
      {
        g_autofree char *name = g_strdup_printf ("%.*s %.*s",
                                                 (int)(fe - fs), fs,
                                                 (int)(le - ls), ls);

        if (!looks_like_name (name, name + strlen (name)))
          goto fail;
        g_ptr_array_add (authors, g_steal_pointer (&name));
      }
      p = semi ? semi + 1 : end;
    }

  return authors->len > before;

fail:
  g_ptr_array_set_size (authors, before);
  return FALSE;
}

/* The last ". " (or "." and any space) before @end. */
static const char *
find_last_period_space (const char *start,
                        const char *end)
{
  for (const char *p = end - 1; p > start; p--)
    if (*p == '.' && space_at (p + 1, end) > 0)
      return p;
  return NULL;
}

/* ProQuest-style reference:
 * "1. Title --- dek. Last, First; Last, First. Publication, Edition; Place. 27 Nov 2025: A1." */
static gboolean
parse_citation (Parser *self,
                Line   *line)
{
  const char *start = line->start;
  const char *end = line->end;
  const char *body, *left_end, *semi, *pub_start, *pub_end, *title_end, *dot;
  const char *page_start, *page_end;
  DossierTextDate date;
  gboolean numbered;
  gboolean has_date;
  g_autoptr(GPtrArray) authors = NULL;

  if (end - start > 3000 || end - start < 20)
    return FALSE;

  body = skip_footnote_number (start, end);
  numbered = body != start;

  if (_dossier_text_find_date (body, end - body, TRUE, self->month_first, &date))
    {
      /* the date closes the reference: only a page may follow */
      page_start = body + date.end;
      page_end = end;
      strip_trailing (page_start, &page_end, ".");
      while (page_start < page_end &&
             (*page_start == ':' || *page_start == ',' || *page_start == '.' ||
              *page_start == ')' || g_ascii_isspace (*page_start)))
        page_start++;
      if (page_end - page_start > 12 || count_words (page_start, page_end) > 2)
        return FALSE;
      left_end = body + date.start;
      has_date = TRUE;
    }
  else if (numbered && memchr (body, ';', end - body) != NULL)
    {
      /* "Foreign Affairs; New York Vol. 104, Iss. 6, (Nov/Dec 2025): 10-25." */
      page_start = page_end = end;
      left_end = end;
      has_date = FALSE;
    }
  else
    return FALSE;

  strip_trailing (body, &left_end, ".,(");
  /* "New York, N.Y. [New York, N.Y]" */
  if (left_end > body && left_end[-1] == ']')
    {
      const char *br = left_end - 1;

      while (br > body && *br != '[')
        br--;
      if (*br == '[')
        {
          left_end = br;
          strip_trailing (body, &left_end, ".,");
        }
    }

  semi = NULL;
  for (const char *p = left_end - 1; p > body; p--)
    if (*p == ';')
      {
        semi = p;
        break;
      }

  if (semi == NULL && !numbered)
    return FALSE;

  pub_end = semi ? semi : left_end;
  dot = find_last_period_space (body, pub_end);
  if (dot == NULL)
    return FALSE;
  pub_start = dot + 1;
  title_end = dot;

  authors = g_ptr_array_new_with_free_func (g_free);
  {
    const char *adot = find_last_period_space (body, title_end);
    const char *as = adot ? adot + 1 : body;

    if (adot != NULL && parse_citation_authors (as, title_end, authors))
      title_end = adot;
  }

  /* the publication: "Wall Street Journal, Eastern edition" */
  {
    const char *ps = pub_start, *pe = pub_end;
    const char *comma;

    trim (&ps, &pe);
    if (pe <= ps)
      return FALSE;
    comma = memchr (ps, ',', pe - ps);
    g_clear_pointer (&self->source, g_free);
    g_clear_pointer (&self->edition, g_free);
    if (comma != NULL)
      {
        const char *es = comma + 1, *ee = pe;
        g_autofree char *norm = NULL;
        g_auto(GStrv) words = NULL;
        gboolean edition = FALSE;

        trim (&es, &ee);
        norm = _dossier_text_lexicon_normalize (es, ee - es);
        words = g_strsplit (norm, " ", -1);
        for (guint i = 0; words[i] != NULL; i++)
          edition |= _dossier_text_lexicon_is_edition_word (words[i]);
        if (edition)
          {
            self->source = dup_trimmed (ps, comma);
            self->edition = dup_trimmed (es, ee);
          }
        else
          self->source = dup_trimmed (ps, pe);
      }
    else
      self->source = dup_trimmed (ps, pe);
  }

  if (page_end > page_start)
    {
      g_clear_pointer (&self->page, g_free);
      self->page = dup_trimmed (page_start, page_end);
    }

  if (has_date)
    set_date (self, &date, RANK_CITATION);

  if (authors->len > 0)
    {
      g_clear_pointer (&self->citation_authors, g_ptr_array_unref);
      self->citation_authors = g_steal_pointer (&authors);
    }

  /* the title, with its dek */
  {
    const char *ts = body, *te = title_end, *after = NULL, *sep;

    strip_trailing (ts, &te, ".");
    trim (&ts, &te);
    if (te > ts)
      {
        sep = find_dek_separator (ts, te, TRUE, &after);
        g_clear_pointer (&self->citation_title, g_free);
        g_clear_pointer (&self->citation_subtitle, g_free);
        if (sep != NULL)
          {
            self->citation_title = dup_trimmed (ts, sep);
            self->citation_subtitle = dup_trimmed (after, te);
          }
        else
          self->citation_title = dup_trimmed (ts, te);
      }
  }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* head and tail                                                       */

static gboolean
is_prose (Parser *self,
          Line   *line)
{
  gsize len = line->end - line->start;
  gunichar last;

  if (line->kind != LINE_TEXT)
    return FALSE;
  if (len > MAX_META_LINE)
    return TRUE;
  if (headline_like (line->start, line->end))
    return FALSE;
  last = last_char (line->start, line->end, NULL);
  return g_utf8_strlen (line->start, len) > 160 ||
         (is_sentence_end (last) && count_words (line->start, line->end) >= 6);
}

/* The next non-blank line after @i in the head window, or -1. */
static int
next_nonblank (Parser *self,
               int     i,
               int     limit)
{
  for (i++; i < limit; i++)
    if (line_at (self, i)->kind != LINE_BLANK)
      return i;
  return -1;
}

static gboolean
standalone (Parser *self,
            int     i,
            int     limit)
{
  Line *next;

  if (i + 1 >= limit)
    return FALSE;
  next = line_at (self, i + 1);
  if (next->kind == LINE_BLANK)
    return next_nonblank (self, i, limit) >= 0;

  /* a headline straight above its byline or its first paragraph */
  classify (self, next);
  if (next->kind == LINE_BYLINE || next->kind == LINE_DATE || next->kind == LINE_SOURCE)
    return next_nonblank (self, i + 1, limit) >= 0;
  if (!is_prose (self, next))
    {
      /* headline, dek, byline */
      int k = next_nonblank (self, i + 1, limit);

      if (next->kind != LINE_TEXT || k < 0 || next->end - next->start > 400)
        return FALSE;
      classify (self, line_at (self, k));
      return line_at (self, k)->kind == LINE_BYLINE || line_at (self, k)->kind == LINE_DATE;
    }
  {
    const Line *line = line_at (self, i);
    const char *after = NULL;

    return (line->end - line->start) * 2 <= next->end - next->start ||
           find_dek_separator (line->start, line->end, TRUE, &after) != NULL;
  }
}

static const char *match_dateline (const char  *start,
                                   const char  *end,
                                   gboolean     line_only,
                                   char       **dateline);

static gboolean
title_candidate (Parser *self,
                 int     i,
                 int     limit)
{
  Line *line = line_at (self, i);

  return line->kind == LINE_TEXT && headline_like (line->start, line->end) &&
         !is_open_quote (first_char (line->start, line->end)) &&
         match_dateline (line->start, line->end, TRUE, NULL) == line->start &&
         standalone (self, i, limit);
}

static void
take_head_meta (Parser *self,
                Line   *line)
{
  DossierTextDate date;

  switch (line->kind)
    {
    case LINE_DATE:
      if (_dossier_text_match_date_line (line->start, line->end - line->start,
                                         self->month_first, &date))
        {
          set_date (self, &date, RANK_DATE_LINE);
          /* "November 27, 2025 by Jane Doe" */
          if (self->post_authors->len == 0)
            {
              const char *p = line->start + date.end;

              while (p < line->end)
                {
                  const char *we;
                  DossierWordInfo info;

                  while (p < line->end && !g_ascii_isalpha (*p) && (guchar)*p < 0x80)
                    p++;
                  we = find_word_end (p, line->end);
                  if (we == p)
                    break;
                  info = _dossier_text_lexicon_word (p, we - p);
                  if ((info.flags & DOSSIER_WORD_BY) && !(info.flags & DOSSIER_WORD_JOINER))
                    {
                      split_names (we, line->end, self->post_authors);
                      break;
                    }
                  p = we;
                }
            }
        }
      break;

    case LINE_BYLINE:
      if (self->authors->len == 0)
        parse_byline (line->start, line->end, self->authors);
      break;

    case LINE_SOURCE:
      parse_source_line (self, line);
      break;

    case LINE_URL:
      if (self->url == NULL)
        self->url = g_strndup (line->start, line->end - line->start);
      break;

    case LINE_CHROME:
      if (line->end - line->start < 200 &&
          _dossier_text_find_date (line->start, line->end - line->start, FALSE,
                                   self->month_first, &date))
        set_date (self, &date, RANK_CHROME);
      break;

    default:
      break;
    }
}

static gboolean
is_meta (guint kind)
{
  return kind == LINE_CHROME || kind == LINE_DATE || kind == LINE_BYLINE ||
         kind == LINE_SOURCE || kind == LINE_URL;
}

/* Returns the index of the first body line. */
static int
analyze_head (Parser *self)
{
  int limit = self->gap;
  g_autoptr(GArray) nb = g_array_new (FALSE, FALSE, sizeof (int));
  int first_prose, last_meta = -1, title_pos = -1, body_pos;

  for (int i = 0; i < limit && nb->len < HEAD_SCAN; i++)
    {
      Line *line = line_at (self, i);

      if (line->kind == LINE_BLANK)
        continue;
      classify (self, line);
      g_array_append_val (nb, i);
    }

  if (nb->len == 0)
    return limit;

  /* the furniture above the post ends with its last chrome or date line;
   * a blog's tagline or a short "about" may stand among it, the article's
   * paragraphs may not */
  {
    guint prose = 0;
    gboolean seen_chrome = FALSE;

    for (guint k = 0; k < nb->len; k++)
      {
        Line *line = line_at (self, g_array_index (nb, int, k));

        if (line->kind == LINE_CHROME && line->footer && prose > 0)
          break;
        seen_chrome |= line->kind == LINE_CHROME;
        /* past a paragraph, only the post's date line on a page with
         * furniture proves that the page header went on; in a plain
         * article a date line is part of the text */
        if ((line->kind == LINE_DATE && (prose == 0 || seen_chrome)) ||
            (line->kind == LINE_CHROME && prose == 0))
          last_meta = k;
        else if (is_prose (self, line) &&
                 (++prose > 2 || line->end - line->start > 300))
          break;
      }
  }

  first_prose = nb->len;
  for (guint k = last_meta + 1; k < nb->len; k++)
    if (is_prose (self, line_at (self, g_array_index (nb, int, k))))
      {
        first_prose = k;
        break;
      }

  /* a page with furniture above the post: the headline follows it (Blogger)
   * or stands just above the post's date and byline (WordPress) */
  if (last_meta >= 0)
    {
      gboolean any_chrome = FALSE;

      for (int k = 0; k <= last_meta; k++)
        any_chrome |= line_at (self, g_array_index (nb, int, k))->kind == LINE_CHROME;

      /* no page furniture at all: a plain article with its date (or
       * byline) under the headline, "Title / Friday, August 15, 2008" */
      if (!any_chrome && nb->len > 2 &&
          line_at (self, g_array_index (nb, int, 0))->kind == LINE_TEXT &&
          (line_at (self, g_array_index (nb, int, 1))->kind == LINE_DATE ||
           line_at (self, g_array_index (nb, int, 1))->kind == LINE_BYLINE) &&
          headline_like (line_at (self, g_array_index (nb, int, 0))->start,
                         line_at (self, g_array_index (nb, int, 0))->end))
        title_pos = 0;

      for (int k = last_meta + 1; title_pos < 0 && k < first_prose && k < (int)nb->len; k++)
        {
          Line *line = line_at (self, g_array_index (nb, int, k));

          if (is_meta (line->kind))
            continue;
          if (title_candidate (self, g_array_index (nb, int, k), limit))
            title_pos = k;
          break;
        }

      /* the headline between the post's date and its share buttons */
      if (title_pos < 0)
        {
          int date_k = -1;

          for (int k = last_meta; k >= 0 && date_k < 0; k--)
            if (line_at (self, g_array_index (nb, int, k))->kind == LINE_DATE)
              date_k = k;
          for (int k = date_k + 1; date_k >= 0 && k < last_meta; k++)
            {
              if (is_meta (line_at (self, g_array_index (nb, int, k))->kind))
                continue;
              if (title_candidate (self, g_array_index (nb, int, k), limit))
                title_pos = k;
              break;
            }
        }

      if (title_pos < 0)
        {
          int k = last_meta;
          guint under;

          /* the headline stands right above the post's date or byline */
          while (k >= 0 && is_meta (line_at (self, g_array_index (nb, int, k))->kind))
            k--;
          under = k + 1 <= last_meta ? line_at (self, g_array_index (nb, int, k + 1))->kind
                                     : LINE_UNKNOWN;
          if (k >= 0 && (under == LINE_DATE || under == LINE_BYLINE) &&
              line_at (self, g_array_index (nb, int, k))->kind == LINE_TEXT &&
              headline_like (line_at (self, g_array_index (nb, int, k))->start,
                             line_at (self, g_array_index (nb, int, k))->end))
            title_pos = k;
        }
    }
  else
    {
      int k = 0;

      /* a byline or a source line above the headline */
      while (k < (int)nb->len && k < 3 &&
             is_meta (line_at (self, g_array_index (nb, int, k))->kind))
        k++;
      /* a one-word section label ("World", "Opinion") above the headline */
      if (k + 1 < (int)nb->len &&
          count_words (line_at (self, g_array_index (nb, int, k))->start,
                       line_at (self, g_array_index (nb, int, k))->end) == 1 &&
          line_at (self, g_array_index (nb, int, k))->kind == LINE_TEXT &&
          title_candidate (self, g_array_index (nb, int, k + 1), limit))
        k++;
      if (k < (int)nb->len && title_candidate (self, g_array_index (nb, int, k), limit))
        title_pos = k;
    }

  /* metadata of the cluster around the headline */
  for (int k = 0; k <= MAX (last_meta, title_pos) && k < (int)nb->len; k++)
    take_head_meta (self, line_at (self, g_array_index (nb, int, k)));

  body_pos = MAX (last_meta, title_pos) + 1;

  if (title_pos >= 0)
    {
      Line *line = line_at (self, g_array_index (nb, int, title_pos));

      set_title (self, line->start, line->end);

      /* a dek on its own line, between the headline and the byline */
      if (self->subtitle == NULL && title_pos + 2 < (int)nb->len && body_pos == title_pos + 1)
        {
          Line *dek = line_at (self, g_array_index (nb, int, title_pos + 1));
          Line *after = line_at (self, g_array_index (nb, int, title_pos + 2));

          if (dek->kind == LINE_TEXT && dek->end - dek->start <= 400 &&
              !is_open_quote (first_char (dek->start, dek->end)) &&
              (after->kind == LINE_BYLINE || after->kind == LINE_DATE))
            {
              const char *e = dek->end;

              strip_trailing (dek->start, &e, ".");
              self->subtitle = dup_trimmed (dek->start, e);
              body_pos++;
            }
        }
    }

  /* the post's own date line, byline or source right after the headline */
  while (body_pos < (int)nb->len &&
         is_meta (line_at (self, g_array_index (nb, int, body_pos))->kind))
    {
      Line *line = line_at (self, g_array_index (nb, int, body_pos));

      if (line->kind == LINE_CHROME && line->footer &&
          line->kind != LINE_DATE && body_pos > first_prose)
        break;
      take_head_meta (self, line);
      body_pos++;
    }

  if (body_pos >= (int)nb->len)
    {
      int next = g_array_index (nb, int, nb->len - 1) + 1;

      /* the head window ran out among blank lines: the body starts in the
       * part that is not indexed */
      if (nb->len < (guint)HEAD_SCAN && self->gap < self->lines->len)
        {
          self->body_start_at = line_at (self, g_array_index (nb, int, nb->len - 1))->end;
          return self->gap;
        }
      return next;
    }

  return g_array_index (nb, int, body_pos);
}

/* Returns the index of the last body line, or -1. */
static int
analyze_tail (Parser *self,
              int     body_first)
{
  int n = self->lines->len;
  int footer = -1;
  int scanned = 0;
  int last;

  for (int i = n - 1; i > body_first && scanned < TAIL_SCAN; i--)
    {
      Line *line = line_at (self, i);

      if (line->kind == LINE_BLANK)
        continue;
      scanned++;
      classify (self, line);
      if (line->kind == LINE_CHROME && line->footer)
        footer = i;
      if ((guint)i == self->gap)
        break;
    }

  last = footer >= 0 ? footer - 1 : n - 1;

  /* the reference, the source and the leftovers between body and footer */
  while (last > body_first)
    {
      Line *line = line_at (self, last);

      /* the tail window is all furniture: the body ends where it starts */
      if ((guint)last == self->gap && self->gap < self->lines->len)
        {
          self->body_end_at = line_at (self, last)->start;
          last--;
          break;
        }
      if (line->kind == LINE_BLANK)
        {
          last--;
          continue;
        }
      classify (self, line);

      if (line->kind == LINE_TEXT)
        {
          gsize fn;
          int block;

          /* a reference wrapped over a few lines */
          for (block = last; block > body_first + 1 && last - block < 4; block--)
            if (line_at (self, block - 1)->kind == LINE_BLANK)
              break;
          /* only a numbered one: a paragraph may stand right above */
          if (block < last && line_at (self, block - 1)->kind == LINE_BLANK &&
              skip_footnote_number (line_at (self, block)->start,
                                    line_at (self, block)->end) != line_at (self, block)->start)
            {
              g_autoptr(GString) joined = g_string_new (NULL);
              Line whole = { 0 };

              for (int k = block; k <= last; k++)
                {
                  if (joined->len > 0)
                    g_string_append_c (joined, ' ');
                  g_string_append_len (joined, line_at (self, k)->start,
                                       line_at (self, k)->end - line_at (self, k)->start);
                }
              whole.start = joined->str;
              whole.end = joined->str + joined->len;
              if (parse_citation (self, &whole))
                {
                  last = block - 1;
                  continue;
                }
            }

          if (parse_citation (self, line))
            {
              last--;
              continue;
            }
          /* "1. https://…" */
          {
            const char *u = skip_footnote_number (line->start, line->end);

            if (u != line->start && is_url (u, line->end))
              {
                if (self->url == NULL)
                  self->url = g_strndup (u, line->end - u);
                last--;
                continue;
              }
          }
          /* "[1] https://…": a reference the body points to */
          if (is_footnote_marker (line->start, line->end, &fn) &&
              line->start + fn < line->end && line->start[fn] == ' ')
            {
              const char *u = line->start + fn;

              while (u < line->end && *u == ' ')
                u++;
              if (self->url == NULL && is_url (u, line->end))
                self->url = g_strndup (u, line->end - u);
              last--;
              continue;
            }
          /* a line that is only a footnote marker or a rule */
          if ((is_footnote_marker (line->start, line->end, &fn) &&
               line->start + fn == line->end))
            {
              last--;
              continue;
            }
          {
            g_autofree char *norm = NULL;

            norm = _dossier_text_lexicon_normalize (line->start, line->end - line->start);

            if (*norm == '\0' && line->end - line->start < 40)
              {
                last--;
                continue;
              }
          }
          break;
        }

      if (line->kind == LINE_SOURCE)
        parse_source_line (self, line);
      else if (line->kind == LINE_URL && self->url == NULL)
        self->url = g_strndup (line->start, line->end - line->start);
      else if (line->kind == LINE_DATE)
        {
          DossierTextDate date;

          if (_dossier_text_match_date_line (line->start, line->end - line->start,
                                             self->month_first, &date))
            set_date (self, &date, RANK_DATE_LINE);
        }
      else if (line->kind == LINE_BYLINE && self->authors->len == 0)
        parse_byline (line->start, line->end, self->authors);
      last--;
    }

  return last;
}

/* ------------------------------------------------------------------ */
/* body                                                                */

/* "WASHINGTON --", "KYIV, Ukraine —", "LONDON (Reuters) -", "WASHINGTON _"
 * at the start of the body, or on a line of its own; returns where the
 * article proper starts, or @start. With @line_only, the dateline must be
 * all of [@start, @end). */
static const char *
match_dateline (const char  *start,
                const char  *end,
                gboolean     line_only,
                char       **dateline)
{
  const char *p = start;
  const char *place_end, *region_start = NULL, *region_end = NULL;
  gboolean agency = FALSE;
  gunichar c;

  end = MIN (end, start + 160);

  /* the place, in capitals (or capitalised when an agency follows) */
  while (p < end)
    {
      c = first_char (p, end);
      if (g_unichar_isalpha (c) || c == ' ' || c == '.' || c == '-' || c == '\'' || c == 0x2019)
        {
          if (c == '-' && p + 1 < end && p[1] == '-')
            break;
          if (c == ' ' && p + 1 < end && (p[1] == '-' || (guchar)p[1] == 0xE2 || p[1] == '('))
            break;
          p = g_utf8_next_char (p);
        }
      else
        break;
    }
  place_end = p;
  while (place_end > start && (place_end[-1] == ' '))
    place_end--;
  if (place_end - start < 2 || place_end - start > 40)
    return start;

  if (p < end && *p == ',')
    {
      region_start = p + 1;
      while (region_start < end && *region_start == ' ')
        region_start++;
      p = region_start;
      while (p < end && *p != '(' && *p != '\n' && p - region_start < 40 &&
             !(*p == ' ' && p + 1 < end && (p[1] == '-' || (guchar)p[1] == 0xE2)))
        p++;
      region_end = p;
      while (region_end > region_start && region_end[-1] == ' ')
        region_end--;
      /* "KYIV, Ukraine", "NEW YORK, Nov 27", "LONDON, 27 November" */
      c = first_char (region_start, region_end);
      if (region_end == region_start || !(g_unichar_isupper (c) || g_unichar_isdigit (c)))
        return start;
    }

  while (p < end && *p == ' ')
    p++;
  if (p < end && *p == '(')
    {
      const char *close = memchr (p, ')', end - p);

      if (close == NULL || close - p > 40)
        return start;
      agency = TRUE;
      p = close + 1;
      while (p < end && *p == ' ')
        p++;
    }

  if (g_utf8_strlen (start, place_end - start) < 3)
    return start;
  if (!all_caps (start, place_end) &&
      !(agency && g_unichar_isupper (first_char (start, place_end)) &&
        count_words (start, place_end) <= 3))
    return start;
  /* "U.S. -- ": an abbreviation, not a place line */
  if (memchr (start, '.', place_end - start) != NULL && place_end - start <= 5)
    return start;

  /* the dash */
  if (p + 1 < end && p[0] == '-' && p[1] == '-')
    p += (p + 2 < end && p[2] == '-') ? 3 : 2;
  else if (p < end && (*p == '-' || *p == '_'))
    p++;
  else if (p + 2 < end && (guchar)p[0] == 0xE2 && (guchar)p[1] == 0x80 &&
           ((guchar)p[2] == 0x94 || (guchar)p[2] == 0x93))
    p += 3;
  else
    return start;

  if (line_only)
    {
      while (p < end && space_at (p, end) > 0)
        p += space_at (p, end);
      if (p != end)
        return start;
    }
  else
    {
      gsize n;

      /* "WASHINGTON—The": a dash of its own needs no space */
      if (p >= end || (*p != ' ' && *p != '\n' && (p[-1] == '-' || p[-1] == '_') &&
                       (p - 1 == start || p[-2] != '-')))
        return start;
      /* a dateline on a line of its own */
      while (p < end && (*p == '\n' || (n = space_at (p, end)) > 0))
        p += *p == '\n' ? 1 : n;
      c = first_char (p, end);
      if (!(g_unichar_isupper (c) || g_unichar_isdigit (c) || is_open_quote (c) || c == 0x2018))
        return start;
    }

  if (dateline == NULL)
    return p;

  if (region_start != NULL)
    {
      gboolean digits = FALSE;

      for (const char *q = region_start; q < region_end; q++)
        digits |= g_ascii_isdigit (*q);
      if (digits)
        *dateline = g_strndup (start, place_end - start);
      else
        *dateline = g_strdup_printf ("%.*s, %.*s", (int)(place_end - start), start,
                                     (int)(region_end - region_start), region_start);
    }
  else
    *dateline = g_strndup (start, place_end - start);

  return p;
}

static const char *
parse_dateline (Parser     *self,
                const char *start,
                const char *end)
{
  g_clear_pointer (&self->dateline, g_free);
  return match_dateline (start, end, FALSE, &self->dateline);
}

static gunichar
closing_quote_for (gunichar open)
{
  switch (open)
    {
    case 0x201C: return 0x201D;
    case 0x201E: return 0x201C;
    case 0xAB: return 0xBB;
    case '"': return '"';
    default: return 0;
    }
}

/* Whether the quote opened at @start is closed only at @end. */
static gboolean
quote_wraps (const char *start,
             const char *end,
             gunichar    open,
             gunichar    close)
{
  const char *open_end = g_utf8_next_char (start);
  const char *close_start;
  int depth = 1;

  if (last_char (start, end, &close_start) != close &&
      !(open == 0x201E && last_char (start, end, &close_start) == 0x201D))
    return FALSE;
  if (close_start <= open_end)
    return FALSE;

  if (open == '"')
    {
      /* straight quotes do not nest: none may stand in between except in
       * pairs inside one paragraph, and the first paragraph must leave
       * the opening one unmatched */
      guint in_first = 1;
      const char *para_end = g_strstr_len (open_end, close_start - open_end, "\n\n");
      const char *p = open_end;

      if (para_end == NULL)
        para_end = close_start;
      while (p < para_end && (p = memchr (p, '"', para_end - p)) != NULL)
        {
          in_first++;
          p++;
        }
      return in_first % 2 == 1;
    }

  {
    char open_utf8[8] = { 0 }, close_utf8[8] = { 0 }, alt_utf8[8] = { 0 };
    gsize open_n = g_unichar_to_utf8 (open, open_utf8);
    gsize close_n = g_unichar_to_utf8 (close, close_utf8);
    gsize alt_n = g_unichar_to_utf8 (open == 0x201E ? 0x201D : close, alt_utf8);
    const char *p = open_end;

    /* all these quotes share their first byte with their partner */
    while (p < close_start && (p = memchr (p, open_utf8[0], close_start - p)) != NULL)
      {
        gsize left = close_start - p;

        if (left >= open_n && memcmp (p, open_utf8, open_n) == 0)
          depth++;
        else if ((left >= close_n && memcmp (p, close_utf8, close_n) == 0) ||
                 (left >= alt_n && memcmp (p, alt_utf8, alt_n) == 0))
          {
            if (--depth == 0)
              return FALSE;
          }
        p++;
      }
  }

  return depth == 1;
}

static inline gboolean
starts_with_bullet (const char *p,
                    const char *end)
{
  const guchar *u = (const guchar *)p;
  gsize n = end - p;

  if ((u[0] == '-' || u[0] == '*') && n >= 2 && u[1] == ' ')
    return TRUE;
  /* • – — ● ▪ */
  return u[0] == 0xE2 && n >= 3 &&
         ((u[1] == 0x80 && (u[2] == 0xA2 || u[2] == 0x93 || u[2] == 0x94)) ||
          (u[1] == 0x97 && u[2] == 0x8F) || (u[1] == 0x96 && u[2] == 0xAA));
}

/* Copies [@start, @end) into @out: one blank line between paragraphs,
 * lines of a paragraph joined, footnote markers dropped. Linear, and
 * written straight into one buffer: this is the loop that runs over the
 * whole clipping. */
static char *
normalize_body (Parser     *self,
                const char *start,
                const char *end)
{
  gsize in_len = end - start;
  /* joining never grows the text; a paragraph per line at most by half */
  char *buf = g_malloc (in_len + (self->para_per_line ? in_len / 2 : 0) + 16);
  char *o = buf;
  const char *p = start;
  const char *next_bracket = memchr (start, '[', in_len);
  gboolean pending_break = FALSE;
  gboolean prev_hyphen = FALSE;
  gsize prev_indent = 0;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *ls = p, *le = nl ? nl : end;
      const char *raw = p;
      const char *q;
      gsize indent;

      p = nl ? nl + 1 : end;
      trim (&ls, &le);

      if (ls == le)
        {
          pending_break = TRUE;
          continue;
        }

      /* a first-line indent opens a paragraph in text without blank lines */
      indent = ls - raw;
      if (indent > prev_indent && (indent >= 2 || *raw == '\t'))
        pending_break = TRUE;
      prev_indent = indent;

      if (o > buf)
        {
          if (pending_break || self->para_per_line)
            {
              *o++ = '\n';
              *o++ = '\n';
            }
          else if (starts_with_bullet (ls, le))
            *o++ = '\n';
          else if (!(prev_hyphen && g_unichar_islower (first_char (ls, le))))
            *o++ = ' ';
        }
      pending_break = FALSE;

      /* copy, dropping "[12]" markers and the space before them; one
       * search for the next bracket serves many lines */
      if (next_bracket != NULL && next_bracket < ls)
        next_bracket = memchr (ls, '[', end - ls);
      if (next_bracket == NULL || next_bracket >= le)
        {
          memcpy (o, ls, le - ls);
          o += le - ls;
          prev_hyphen = le - ls >= 2 && le[-1] == '-' && g_ascii_isalpha (le[-2]);
          continue;
        }
      q = ls;
      while (q < le)
        {
          const char *br = memchr (q, '[', le - q);
          gsize n;

          if (br == NULL)
            {
              memcpy (o, q, le - q);
              o += le - q;
              break;
            }
          memcpy (o, q, br - q);
          o += br - q;
          if (is_footnote_marker (br, le, &n))
            {
              while (o > buf && o[-1] == ' ')
                o--;
              q = br + n;
              /* "word [1] next" keeps one space, "word[1]." none */
              if (q < le && *q == ' ' && o > buf && o[-1] != '\n')
                {
                  *o++ = ' ';
                  while (q < le && *q == ' ')
                    q++;
                }
            }
          else
            {
              *o++ = '[';
              q = br + 1;
            }
        }

      prev_hyphen = le - ls >= 2 && le[-1] == '-' && g_ascii_isalpha (le[-2]);
    }

  while (o > buf && (o[-1] == ' ' || o[-1] == '\n'))
    o--;
  *o = '\0';

  return buf;
}

static char *
build_body (Parser *self,
            int     first,
            int     last)
{
  const char *start, *end;
  gunichar open;
  gsize n;

  if (self->body_start_at != NULL && self->body_end_at != NULL)
    {
      /* head and tail are furniture with the body in between */
      if ((guint)first == self->gap && (guint)last + 1 == self->gap)
        return normalize_body (self, self->body_start_at, self->body_end_at);
    }
  if (first > last || first >= (int)self->lines->len || last < 0)
    return g_strdup ("");

  start = line_at (self, first)->start;
  end = line_at (self, last)->end;
  if (self->body_start_at != NULL && (guint)first == self->gap)
    start = self->body_start_at;
  if (self->body_end_at != NULL && (guint)last + 1 == self->gap)
    end = self->body_end_at;

  /* a trailing footnote marker: "objectives.” [1]" */
  for (;;)
    {
      const char *e = end;
      const char *b;

      trim (&start, &e);
      end = e;
      if (end > start && end[-1] == ']')
        {
          b = end - 1;
          while (b > start && b > end - 6 && *b != '[')
            b--;
          if (is_footnote_marker (b, end, &n) && b + n == end)
            {
              end = b;
              continue;
            }
        }
      break;
    }

  open = first_char (start, end);
  if (is_open_quote (open) && quote_wraps (start, end, open, closing_quote_for (open)))
    {
      const char *close_start;

      last_char (start, end, &close_start);
      start = g_utf8_next_char (start);
      end = close_start;
      trim (&start, &end);
      self->body_quoted = TRUE;
    }

  start = parse_dateline (self, start, end);

  return normalize_body (self, start, end);
}

/* ------------------------------------------------------------------ */
/* language                                                            */

static const char *
detect_language (const char *text,
                 gsize       length)
{
  guint n_langs;
  const DossierLanguageData *langs = _dossier_text_lexicon_languages (&n_langs);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double best = 0;
  const char *best_code = NULL;
  const char *p = text;
  const char *end = text + MIN (length, 32 * 1024);
  guint cyrillic = 0, latin = 0, words = 0;
  double scores[16] = { 0 };

  /* count word frequencies over a sample */
  while (p < end && words < 4000)
    {
      const char *w;
      gunichar c = first_char (p, end);

      if (c == 0)
        {
          p++;
          continue;
        }
      if (!g_unichar_isalpha (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      w = p;
      while (p < end)
        {
          c = first_char (p, end);
          if (c == 0 || !(g_unichar_isalpha (c) || g_unichar_ismark (c)))
            break;
          if (c >= 0x400 && c <= 0x4FF)
            cyrillic++;
          else if (c < 0x250)
            latin++;
          p = g_utf8_next_char (p);
        }
      words++;
      if (p - w <= 16)
        {
          char *key = g_utf8_strdown (w, p - w);
          guint old = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

          g_hash_table_replace (counts, key, GUINT_TO_POINTER (old + 1));
        }
    }

  if (words < 3)
    return NULL;

  for (guint l = 0; l < n_langs && l < G_N_ELEMENTS (scores); l++)
    {
      gboolean lang_cyrillic = g_str_equal (langs[l].code, "ru") ||
                               g_str_equal (langs[l].code, "uk");

      if (lang_cyrillic != (cyrillic > latin))
        continue;
      for (guint s = 0; langs[l].stopwords[s] != NULL; s++)
        scores[l] += GPOINTER_TO_UINT (g_hash_table_lookup (counts, langs[l].stopwords[s]));
      /* letters of one language only */
      if (langs[l].letters != NULL)
        {
          const char *q = langs[l].letters;

          for (; *q; q = g_utf8_next_char (q))
            {
              char buf[8] = { 0 };

              g_unichar_to_utf8 (g_utf8_get_char (q), buf);
              if (g_strstr_len (text, end - text, buf) != NULL)
                scores[l] += 2;
            }
        }
      if (scores[l] > best)
        {
          best = scores[l];
          best_code = langs[l].code;
        }
    }

  if (best < 2)
    return NULL;

  return best_code;
}

/* ------------------------------------------------------------------ */

static void
parser_clear (Parser *self)
{
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->edition, g_free);
  g_clear_pointer (&self->page, g_free);
  g_clear_pointer (&self->dateline, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->authors, g_ptr_array_unref);
  g_clear_pointer (&self->post_authors, g_ptr_array_unref);
  g_clear_pointer (&self->citation_authors, g_ptr_array_unref);
  g_clear_pointer (&self->citation_title, g_free);
  g_clear_pointer (&self->citation_subtitle, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parser, parser_clear)

static gboolean
prefix_casefold_equal (const char *a,
                       const char *b,
                       gsize       b_len)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, MIN (b_len, strlen (a) + 16));

  return g_str_has_prefix (fb, fa);
}

/* "…” [1]  /  1. Title. Last, First.  Paper; Place. 27 Nov 2025: A1.  /  My
 * note." A numbered reference may stand above a few lines the blogger added;
 * it is parsed and cut out. Returns the first line of the note, or -1, and
 * moves @last above the reference. */
static int
find_reference_above_note (Parser *self,
                           int     first,
                           int    *last)
{
  int seen = 0;

  if (self->date_rank == RANK_CITATION || self->source != NULL)
    return -1;

  for (int i = *last; i > first && seen < 6; i--)
    {
      Line *line = line_at (self, i);

      if (line->kind == LINE_BLANK)
        continue;
      seen++;
      if (i == *last || skip_footnote_number (line->start, line->end) == line->start)
        continue;
      if (parse_citation (self, line))
        {
          int note = next_nonblank (self, i, *last + 1);
          int above = i - 1;

          while (above > first && line_at (self, above)->kind == LINE_BLANK)
            above--;
          *last = above;
          return note;
        }
    }

  return -1;
}

/**
 * _dossier_text_importer_parse:
 * @text: a clipping as valid UTF-8 with LF line ends (see
 *   dossier_importer_decode())
 * @length: its length in bytes
 * @error: a #GError
 *
 * Reads the structure of a plain-text clipping: page furniture around the
 * article is dropped, the date line, headline and dek, byline, dateline,
 * source line and reference footer become metadata, and the body is
 * normalised to paragraphs separated by one blank line. The text is never
 * lost: a clipping that is all furniture keeps it as its body. Runs in
 * time linear in @length.
 *
 * Returns: (transfer full): the article
 */
DossierArticle *
_dossier_text_importer_parse (const char  *text,
                              gsize        length,
                              GError     **error)
{
  g_auto(Parser) self = { 0 };
  g_autoptr(GDateTime) published = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GBytes) body_bytes = NULL;
  gsize body_size;
  const char *language;
  const char *hint;
  GPtrArray *authors;
  int first, last, note_first, note_last;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (text == NULL)
    text = "";

  self.text = text;
  self.length = length;
  self.authors = g_ptr_array_new_with_free_func (g_free);
  self.post_authors = g_ptr_array_new_with_free_func (g_free);

  hint = detect_language (text, MIN (length, 16 * 1024));
  self.month_first = g_strcmp0 (hint, "en") == 0;

  index_lines (&self);
  detect_line_paragraphs (&self);

  first = analyze_head (&self);
  last = analyze_tail (&self, first);
  note_last = last;
  note_first = find_reference_above_note (&self, first, &last);

  /* a headline known from the reference and repeated above the body */
  if (self.title == NULL && self.citation_title != NULL && first <= last)
    {
      Line *line = line_at (&self, first);

      if (prefix_casefold_equal (self.citation_title, line->start, line->end - line->start))
        {
          first = next_nonblank (&self, first, last + 1);
          if (first < 0)
            first = last + 1;
        }
    }

  body = build_body (&self, first, last);

  /* the blogger's note after the reference */
  if (note_first >= 0)
    {
      g_autofree char *note = normalize_body (&self, line_at (&self, note_first)->start,
                                              line_at (&self, note_last)->end);

      if (*note != '\0')
        {
          char *joined = *body ? g_strconcat (body, "\n\n", note, NULL) : g_strdup (note);

          g_free (body);
          body = joined;
        }
    }

  /* a post that quotes the referenced article whole: the article's own
   * headline is the one in the reference */
  if (self.citation_title != NULL &&
      (self.title == NULL ||
       (self.body_quoted && self.source != NULL && strstr (self.citation_title, ". ") == NULL)))
    {
      g_clear_pointer (&self.title, g_free);
      g_clear_pointer (&self.subtitle, g_free);
      self.title = g_steal_pointer (&self.citation_title);
      self.subtitle = g_steal_pointer (&self.citation_subtitle);
    }
  else if (self.subtitle == NULL && self.citation_subtitle != NULL && self.title != NULL &&
           self.citation_title != NULL &&
           g_utf8_collate (self.title, self.citation_title) == 0)
    self.subtitle = g_steal_pointer (&self.citation_subtitle);

  /* never lose the text: a page that is all furniture keeps it */
  if (*body == '\0')
    {
      g_clear_pointer (&self.dateline, g_free);
      g_free (body);
      body = normalize_body (&self, text, text + length);
      if (*body == '\0')
        {
          const char *s = text, *e = text + length;

          trim (&s, &e);
          g_free (body);
          body = g_strndup (s, e - s);
        }
    }

  /* the language of the body, from its first pages */
  language = detect_language (body, strnlen (body, 64 * 1024));

  if (self.date_rank != RANK_NONE)
    published = _dossier_text_date_to_datetime (&self.date);

  /* a reference names the article's authors; a byline comes next; the
   * name a blog engine prints by the post's date last */
  if (self.citation_authors != NULL && self.citation_authors->len > 0)
    authors = self.citation_authors;
  else if (self.authors->len > 0 || self.citation_title != NULL || self.source != NULL)
    authors = self.authors;
  else
    authors = self.post_authors;
  g_ptr_array_add (authors, NULL);

  /* the article keeps the body without copying it */
  body_size = strlen (body) + 1;
  body_bytes = g_bytes_new_take (g_steal_pointer (&body), body_size);

  return g_object_new (DOSSIER_TYPE_ARTICLE,
                       "title", self.title,
                       "subtitle", self.subtitle,
                       "source", self.source,
                       "edition", self.edition,
                       "authors", (char **)authors->pdata,
                       "published", published,
                       "page", self.page,
                       "dateline", self.dateline,
                       "language", language,
                       "url", self.url,
                       "format", "text",
                       "text-bytes", body_bytes,
                       NULL);
}
