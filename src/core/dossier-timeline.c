/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-timeline"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dossier-sentences.h"
#include "dossier-temporal-private.h"
#include "dossier-temporal-tokens.h"
#include "dossier-timeline.h"
#include "dossier-timex-private.h"

/* Temporal expressions are recognised by hand-written matchers over the
 * tokens (one pass, each matcher looking at a few tokens), normalised to
 * TIMEX3 values against the reference (publication) date, and, for
 * anaphoric expressions ("the next day", "that evening"), against the last
 * date the text established. */

/* ------------------------------------------------------------------ dates */

static int
days_from_civil (int y,
                 int m,
                 int d)
{
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (int  z,
                 int *y,
                 int *m,
                 int *d)
{
  int era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp + (mp < 10 ? 3 : -9);
  *y = yoe + era * 400 + (*m <= 2);
}

/* ISO weekday, 1 = Monday */
static int
weekday_of (int z)
{
  int w = (z + 3) % 7;

  if (w < 0)
    w += 7;
  return w + 1;
}

static int
days_in_month (int y,
               int m)
{
  static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 29;
  return n[m - 1];
}

static void
iso_week (int  z,
          int *wy,
          int *wn)
{
  int thursday = z - weekday_of (z) + 4;
  int y, m, d;

  civil_from_days (thursday, &y, &m, &d);
  *wy = y;
  *wn = (thursday - days_from_civil (y, 1, 1)) / 7 + 1;
}

static int
iso_week_monday (int wy,
                 int wn)
{
  int jan4 = days_from_civil (wy, 1, 4);

  return jan4 - weekday_of (jan4) + 1 + (wn - 1) * 7;
}

static int
easter_sunday (int y)
{
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = ((h + l - 7 * m + 114) % 31) + 1;

  return days_from_civil (y, month, day);
}

static int
holiday_day (const TemporalHoliday *h,
             int                    y)
{
  switch (h->kind)
    {
    case HOLIDAY_FIXED:
      return days_from_civil (y, h->month, h->day);

    case HOLIDAY_NTH_WEEKDAY:
      if (h->nth > 0)
        {
          int first = days_from_civil (y, h->month, 1);
          int off = (h->day - weekday_of (first) + 7) % 7;

          return first + off + (h->nth - 1) * 7;
        }
      else
        {
          int last = days_from_civil (y, h->month, days_in_month (y, h->month));

          return last - (weekday_of (last) - h->day + 7) % 7;
        }

    case HOLIDAY_EASTER:
    default:
      return easter_sunday (y) + h->day;
    }
}

/* ---------------------------------------------------------------- context */

typedef enum
{
  PREC_NONE = 0,
  PREC_DAY,
  PREC_WEEK,
  PREC_MONTH,
  PREC_QUARTER,
  PREC_YEAR,
} AnchorPrec;

typedef struct
{
  const char    *text;
  TemporalToken *t;
  guint          n;
  GArray        *sentences;

  gboolean       has_ref;
  int            ref;           /* days */
  int            ry, rm, rd;

  /* the last date the text established, at each precision */
  int            a_prec;        /* the precision of the last of them */
  gboolean       has_day;
  int            a_day;
  gboolean       has_month;
  int            a_y, a_m;
  gboolean       has_year;
  int            a_year;
  gboolean       has_quarter;
  int            q_y, q_n;
  guint          q_sent;

  /* tokens up to here form something that is not a valid date ("32
   * August", "02/29/2022"): nothing is recognised inside */
  guint          skip_to;
} Ctx;

typedef struct
{
  char        value[48];
  const char *type;
  const char *mod;
  AnchorPrec  establishes;
  int         day;      /* first day, for anchoring */
  int         qy, qn;   /* a quarter, for anchoring */
  gboolean    anaphoric;
  gboolean    has_point; /* a duration counted from the reference: "in
                          * three days" is placed on its last day */
  int         point;
  gboolean    has_span;  /* "the past two weeks": the period it covers */
  int         span_first, span_last;
  gboolean    year_given; /* the text names the year */
} Res;

static const char type_date[] = "date";
static const char type_time[] = "time";
static const char type_duration[] = "duration";
static const char type_set[] = "set";

#define TYPE_DATE type_date
#define TYPE_TIME type_time
#define TYPE_DURATION type_duration
#define TYPE_SET type_set

static inline void
res_reset (Res *r)
{
  r->value[0] = '\0';
  r->type = NULL;
  r->mod = NULL;
  r->establishes = PREC_NONE;
  r->day = 0;
  r->anaphoric = FALSE;
  r->has_point = FALSE;
  r->has_span = FALSE;
  r->year_given = FALSE;
}

static inline const TemporalWord *
W (Ctx  *c,
   guint i)
{
  return i < c->n && c->t[i].kind == TOK_WORD ? c->t[i].w : NULL;
}

static inline WordRole
R (Ctx  *c,
   guint i)
{
  const TemporalWord *w = W (c, i);

  return w ? w->role : W_NONE;
}

static inline gboolean
is_punct (Ctx      *c,
          guint     i,
          gunichar  ch)
{
  return i < c->n && c->t[i].kind == TOK_PUNCT && (gunichar) c->t[i].num == ch;
}

static inline gboolean
is_apostrophe (Ctx  *c,
               guint i)
{
  return is_punct (c, i, '\'') || is_punct (c, i, 0x2019);
}

static inline gboolean
is_num (Ctx  *c,
        guint i)
{
  return i < c->n && c->t[i].kind == TOK_NUM;
}

static inline gboolean
adjacent (Ctx  *c,
          guint i)
{
  return i < c->n && !(c->t[i].flags & TOK_F_SPACE);
}

static inline gboolean
same_sentence (Ctx  *c,
               guint i,
               guint j)
{
  return i < c->n && j < c->n && c->t[i].sent == c->t[j].sent;
}

static gboolean
word_is (Ctx        *c,
         guint       i,
         const char *lower)
{
  gsize len = strlen (lower);
  const char *s;

  if (i >= c->n || c->t[i].kind != TOK_WORD || c->t[i].b1 - c->t[i].b0 != len)
    return FALSE;
  s = c->text + c->t[i].b0;
  return g_ascii_strncasecmp (s, lower, len) == 0;
}

/* "MAY" in a headline or an acronym */
static gboolean
is_all_upper (Ctx  *c,
              guint i)
{
  const char *p = c->text + c->t[i].b0;
  const char *end = c->text + c->t[i].b1;

  if (end - p < 2)
    return FALSE;
  for (; p < end; p++)
    if (g_ascii_islower (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_sentence_start (Ctx  *c,
                   guint i)
{
  guint j = i;

  while (j > 0 && same_sentence (c, j - 1, i) && c->t[j - 1].kind == TOK_PUNCT)
    j--;
  return j == 0 || !same_sentence (c, j - 1, i);
}

/* Whether token @j may be the subject of a clause: a name or a personal
 * pronoun ("Obama died Saturday", "He left Monday"). */
static gboolean
may_be_subject (Ctx  *c,
                guint j)
{
  static const char *pronouns[] = { "he", "she", "they", "we", "i", "you" };

  if (c->t[j].kind != TOK_WORD)
    return FALSE;
  if (c->t[j].w == NULL && (c->t[j].flags & TOK_F_CAP))
    return TRUE;
  for (guint n = 0; n < G_N_ELEMENTS (pronouns); n++)
    if (word_is (c, j, pronouns[n]))
      return TRUE;
  return FALSE;
}

/* A short fragment without a subject or any verb form, "Sunday", "In
 * January", "Monday to Friday", "wait for 5 minutes" (a note, a caption, a
 * calendar entry), speaks of the nearest such date, as the present does; a
 * sentence of news whose verbs were not recognised ("Obama died Saturday")
 * stays in the past. */
static TemporalTense
fragment_tense (Ctx  *c,
                guint i)
{
  guint sent = c->t[i].sent, words = 0;

  for (guint j = i; j > 0 && c->t[j - 1].sent == sent; j--)
    if (c->t[j - 1].tense != 0 || (c->t[j - 1].kind == TOK_WORD && ++words > 5) ||
        may_be_subject (c, j - 1))
      return TENSE_NONE;
  for (guint j = i; j < c->n && c->t[j].sent == sent; j++)
    if (c->t[j].tense != 0 || (c->t[j].kind == TOK_WORD && ++words > 5) ||
        may_be_subject (c, j))
      return TENSE_NONE;
  return TENSE_PRESENT;
}

/* "declined to comment Thursday": the date is the refusal's, not a plan */
static gboolean
is_reporting_verb (Ctx  *c,
                   guint j)
{
  static const char *verbs[] = {
    "comment", "say", "discuss", "elaborate", "speak", "respond", "confirm",
    "identify", "name", "reveal", "disclose",
  };

  for (guint n = 0; n < G_N_ELEMENTS (verbs); n++)
    if (word_is (c, j, verbs[n]))
      return TRUE;
  return FALSE;
}

/* Tense of the clause around token @i: an auxiliary ("will", "was",
 * "has") close before the expression, then one shortly after, then the
 * nearest other cue (a past form, "expected", "would") before, then after.
 * News reports the past: no cue at all is TENSE_NONE, which callers take as
 * the past. */
static TemporalTense
tense_at (Ctx  *c,
          guint i)
{
  guint sent = c->t[i].sent;
  guint8 left_weak = 0, right_weak = 0;

  for (guint d = 1; d <= 20 && i >= d && c->t[i - d].sent == sent; d++)
    {
      guint8 t = c->t[i - d].tense;

      /* an infinitive governs the expression: "decided to admit them in
       * March" */
      if (!left_weak && R (c, i - d) == W_TO && d > 1 && c->t[i - d + 1].kind == TOK_WORD &&
          c->t[i - d + 1].w == NULL && !(c->t[i - d + 1].flags & TOK_F_CAP) &&
          c->t[i - d + 1].tense == 0 && !is_reporting_verb (c, i - d + 1))
        return TENSE_FUTURE;
      if (t == 0)
        continue;
      if (t & TENSE_STRONG)
        return t & TENSE_MASK;
      /* "won't" */
      if (word_is (c, i - d, "won") && is_apostrophe (c, i - d + 1))
        return TENSE_FUTURE;
      /* "was expected to", "would be held": the future of the clause */
      if ((t & TENSE_MASK) == TENSE_FUTURE && !left_weak)
        return TENSE_FUTURE;
      /* a passive participle is no tense: "will be paid" */
      if (i - d > 0 && (word_is (c, i - d - 1, "be") || word_is (c, i - d - 1, "been") ||
                        word_is (c, i - d - 1, "being")))
        continue;
      /* the verb right before the date governs it: "the year that ended
       * Sept. 30", "the strike, which started on Monday, will go on" */
      if ((t & TENSE_MASK) == TENSE_PAST && !left_weak &&
          (d == 1 || (d == 2 && (R (c, i - 1) == W_ON || R (c, i - 1) == W_IN))))
        return TENSE_PAST;
      if (!left_weak)
        left_weak = t & TENSE_MASK;
    }
  for (guint d = 1; d <= 8 && i + d < c->n && c->t[i + d].sent == sent; d++)
    {
      guint8 t = c->t[i + d].tense;

      if (t == 0)
        continue;
      if (t & TENSE_STRONG)
        return t & TENSE_MASK;
      if (!right_weak)
        right_weak = t & TENSE_MASK;
    }
  if (left_weak)
    return left_weak;
  if (right_weak)
    return right_weak;
  return fragment_tense (c, i);
}

/* ------------------------------------------------------------- formatting */

static void format_iso_day (char buf[16], int z);

static void
fmt_day (Res *r,
         int  z)
{
  format_iso_day (r->value, z);
  r->type = TYPE_DATE;
  r->establishes = PREC_DAY;
  r->day = z;
}

static void
fmt_month (Res *r,
           int  y,
           int  m)
{
  while (m < 1)
    {
      m += 12;
      y--;
    }
  while (m > 12)
    {
      m -= 12;
      y++;
    }
  g_snprintf (r->value, sizeof r->value, "%04d-%02d", y, m);
  r->type = TYPE_DATE;
  r->establishes = PREC_MONTH;
  r->day = days_from_civil (y, m, 1);
}

static void
fmt_year (Res *r,
          int  y)
{
  g_snprintf (r->value, sizeof r->value, "%04d", y);
  r->type = TYPE_DATE;
  r->establishes = PREC_YEAR;
  r->day = days_from_civil (y, 1, 1);
}

static void
fmt_week (Res        *r,
          int         z,
          const char *suffix)
{
  int wy, wn;

  iso_week (z, &wy, &wn);
  g_snprintf (r->value, sizeof r->value, "%04d-W%02d%s", wy, wn, suffix);
  r->type = TYPE_DATE;
  r->establishes = PREC_WEEK;
  r->day = iso_week_monday (wy, wn);
}

static void
fmt_quarter (Res *r,
             int  y,
             int  q)
{
  while (q < 1)
    {
      q += 4;
      y--;
    }
  while (q > 4)
    {
      q -= 4;
      y++;
    }
  g_snprintf (r->value, sizeof r->value, "%04d-Q%d", y, q);
  r->type = TYPE_DATE;
  r->establishes = PREC_QUARTER;
  r->day = days_from_civil (y, (q - 1) * 3 + 1, 1);
  r->qy = y;
  r->qn = q;
}

static void
fmt_str (Res        *r,
         const char *type,
         const char *value)
{
  g_strlcpy (r->value, value, sizeof r->value);
  r->type = type;
  r->establishes = PREC_NONE;
}

static const char *pod_codes[] = { "", "MO", "MI", "AF", "EV", "NI", "DT" };
static const char *season_codes[] = { "", "SP", "SU", "FA", "WI" };

static void
add_pod (Res *r,
         int  pod)
{
  gsize len = strlen (r->value);

  g_snprintf (r->value + len, sizeof r->value - len, "T%s", pod_codes[pod]);
  r->type = TYPE_TIME;
}

static char
unit_letter (TemporalUnit u)
{
  switch (u)
    {
    case UNIT_SECOND: return 'S';
    case UNIT_MINUTE: return 'M';
    case UNIT_HOUR: return 'H';
    case UNIT_DAY: return 'D';
    case UNIT_WEEK: case UNIT_FORTNIGHT: return 'W';
    case UNIT_MONTH: return 'M';
    case UNIT_QUARTER: return 'Q';
    case UNIT_SEASON: return 'S';
    case UNIT_YEAR: case UNIT_DECADE: case UNIT_CENTURY: case UNIT_MILLENNIUM:
    case UNIT_WEEKEND: case UNIT_NONE: default:
      return 'Y';
    }
}

/* @q < 0: an unspecified quantity */
static void
fmt_duration (Res          *r,
              double        q,
              TemporalUnit  u)
{
  const char *t = u <= UNIT_HOUR ? "T" : "";
  char num[24];

  r->type = TYPE_DURATION;
  r->establishes = PREC_NONE;
  if (q < 0)
    {
      if (u == UNIT_DECADE)
        g_strlcpy (r->value, "PXDE", sizeof r->value);
      else if (u == UNIT_CENTURY)
        g_strlcpy (r->value, "PXC", sizeof r->value);
      else if (u == UNIT_WEEKEND)
        g_strlcpy (r->value, "PXWE", sizeof r->value);
      else
        g_snprintf (r->value, sizeof r->value, "P%sX%c", t, unit_letter (u));
      return;
    }
  switch ((int) u)
    {
    case UNIT_DECADE: q *= 10; break;
    case UNIT_CENTURY: q *= 100; break;
    case UNIT_MILLENNIUM: q *= 1000; break;
    case UNIT_FORTNIGHT: q *= 2; break;
    default: break;
    }
  /* "half an hour" is PT30M */
  if (q != (int) q)
    {
      if (u == UNIT_HOUR && q * 60 == (int) (q * 60))
        {
          q *= 60;
          u = UNIT_MINUTE;
        }
      else if (u == UNIT_DAY && q * 24 == (int) (q * 24))
        {
          q *= 24;
          u = UNIT_HOUR;
          t = "T";
        }
      else if (u == UNIT_YEAR && q * 12 == (int) (q * 12))
        {
          q *= 12;
          u = UNIT_MONTH;
        }
    }
  g_ascii_formatd (num, sizeof num, "%g", q);
  if (u == UNIT_WEEKEND)
    g_snprintf (r->value, sizeof r->value, "P%sWE", num);
  else
    g_snprintf (r->value, sizeof r->value, "P%s%s%c", t, num, unit_letter (u));
}

static void
fmt_set (Res          *r,
         double        q,
         TemporalUnit  u)
{
  fmt_duration (r, q, u);
  r->type = TYPE_SET;
}

/* ------------------------------------------------------- relative values */

/* Shifts the reference (or @base) by @n units and writes it at the unit's
 * precision. */
static void
shift_unit (Ctx          *c,
            Res          *r,
            int           base,
            int           n,
            TemporalUnit  u)
{
  int y, m, d;

  civil_from_days (base, &y, &m, &d);
  switch ((int) u)
    {
    case UNIT_SECOND:
    case UNIT_MINUTE:
    case UNIT_HOUR:
      fmt_day (r, base + (u == UNIT_HOUR ? n / 24 : 0));
      break;
    case UNIT_DAY:
      fmt_day (r, base + n);
      break;
    case UNIT_WEEK:
    case UNIT_FORTNIGHT:
      fmt_week (r, base + 7 * n * (u == UNIT_FORTNIGHT ? 2 : 1), "");
      break;
    case UNIT_WEEKEND:
      fmt_week (r, base + 7 * n, "-WE");
      break;
    case UNIT_MONTH:
      fmt_month (r, y, m + n);
      break;
    case UNIT_QUARTER:
      fmt_quarter (r, y, (m - 1) / 3 + 1 + n);
      break;
    case UNIT_YEAR:
    case UNIT_SEASON:
      fmt_year (r, y + n);
      break;
    case UNIT_DECADE:
      g_snprintf (r->value, sizeof r->value, "%03d", (y + 10 * n) / 10);
      r->type = TYPE_DATE;
      r->establishes = PREC_NONE;
      break;
    case UNIT_CENTURY:
    case UNIT_MILLENNIUM:
    default:
      g_snprintf (r->value, sizeof r->value, "%02d", (y + 100 * n) / 100);
      r->type = TYPE_DATE;
      r->establishes = PREC_NONE;
      break;
    }
}

static void
unknown_for_unit (Res          *r,
                  TemporalUnit  u)
{
  switch ((int) u)
    {
    case UNIT_DAY: case UNIT_HOUR: case UNIT_MINUTE: case UNIT_SECOND:
      fmt_str (r, TYPE_DATE, "XXXX-XX-XX");
      break;
    case UNIT_WEEK: case UNIT_FORTNIGHT:
      fmt_str (r, TYPE_DATE, "XXXX-WXX");
      break;
    case UNIT_WEEKEND:
      fmt_str (r, TYPE_DATE, "XXXX-WXX-WE");
      break;
    case UNIT_MONTH:
      fmt_str (r, TYPE_DATE, "XXXX-XX");
      break;
    case UNIT_QUARTER:
      fmt_str (r, TYPE_DATE, "XXXX-QX");
      break;
    default:
      fmt_str (r, TYPE_DATE, "XXXX");
      break;
    }
}

/* Relative to the reference date: "last week" is rel(UNIT_WEEK, -1). */
static void
rel (Ctx          *c,
     Res          *r,
     TemporalUnit  u,
     int           n)
{
  if (!c->has_ref)
    {
      if (n == 0)
        fmt_str (r, TYPE_DATE, "PRESENT_REF");
      else
        unknown_for_unit (r, u);
      return;
    }
  shift_unit (c, r, c->ref, n, u);
}

/* Relative to the last date the text established at the unit's precision. */
static void
anaphoric (Ctx          *c,
           Res          *r,
           TemporalUnit  u,
           int           n)
{
  r->anaphoric = TRUE;
  if (u <= UNIT_WEEK || u == UNIT_FORTNIGHT)
    {
      if (c->has_day)
        {
          shift_unit (c, r, c->a_day, n, u);
          return;
        }
    }
  else if (u == UNIT_MONTH)
    {
      if (c->has_month)
        {
          fmt_month (r, c->a_y, c->a_m + n);
          return;
        }
    }
  else if (u == UNIT_QUARTER)
    {
      if (c->has_quarter)
        {
          fmt_quarter (r, c->q_y, c->q_n + n);
          return;
        }
    }
  else if (u == UNIT_YEAR || u == UNIT_SEASON)
    {
      if (c->has_year)
        {
          fmt_year (r, c->a_year + n);
          return;
        }
    }
  rel (c, r, u, n);
}

/* A month without a year: the tense decides between last and next year. */
static void
resolve_month_day (Ctx           *c,
                   Res           *r,
                   int            m,
                   int            d,
                   TemporalTense  tense)
{
  int y;

  if (!c->has_ref)
    {
      if (d > 0)
        g_snprintf (r->value, sizeof r->value, "XXXX-%02d-%02d", m, d);
      else
        g_snprintf (r->value, sizeof r->value, "XXXX-%02d", m);
      r->type = TYPE_DATE;
      r->establishes = PREC_NONE;
      return;
    }
  y = c->ry;
  if (d > 0)
    {
      int z = days_from_civil (y, m, MIN (d, days_in_month (y, m)));

      if (tense == TENSE_PAST && z > c->ref + 1)
        y--;
      else if (tense == TENSE_FUTURE && z < c->ref - 1)
        y++;
      else if (tense == TENSE_PRESENT && z - c->ref > 183)
        y--;
      else if (tense == TENSE_PRESENT && c->ref - z > 183)
        y++;
      d = MIN (d, days_in_month (y, m));
      fmt_day (r, days_from_civil (y, m, d));
    }
  else
    {
      if (tense == TENSE_PAST && m > c->rm)
        y--;
      else if (tense == TENSE_FUTURE && m < c->rm)
        y++;
      else if (tense == TENSE_PRESENT)
        {
          /* the nearest, measured from the middle of the month */
          int mid = days_from_civil (y, m, 15);

          if (mid - c->ref > 183)
            y--;
          else if (c->ref - mid > 183)
            y++;
        }
      fmt_month (r, y, m);
    }
}

static void
resolve_weekday (Ctx           *c,
                 Res           *r,
                 int            wd,
                 int            dir,
                 TemporalTense  tense)
{
  int cur, diff;

  if (!c->has_ref)
    {
      g_snprintf (r->value, sizeof r->value, "XXXX-WXX-%d", wd);
      r->type = TYPE_DATE;
      r->establishes = PREC_NONE;
      return;
    }
  cur = weekday_of (c->ref);
  if (dir == 0 && tense == TENSE_PRESENT)
    {
      int back = (cur - wd + 7) % 7, fwd = (wd - cur + 7) % 7;

      fmt_day (r, fwd < back ? c->ref + fwd : c->ref - back);
      return;
    }
  if (dir == 0)
    dir = (tense == TENSE_FUTURE || tense == TENSE_PRESENT) ? 1 : -1;
  if (dir < 0)
    {
      diff = (cur - wd + 7) % 7;
      if (dir == -2 && diff == 0)
        diff = 7;
      fmt_day (r, c->ref - diff);
    }
  else
    {
      diff = (wd - cur + 7) % 7;
      if (dir == 2 && diff == 0)
        diff = 7;
      fmt_day (r, c->ref + diff);
    }
}

/* ------------------------------------------------------------- matchers */

static guint match_date_core (Ctx *c, guint i, Res *r);

static gboolean
is_possessive (Ctx  *c,
               guint i)
{
  return word_is (c, i, "its") || word_is (c, i, "their") || word_is (c, i, "our") ||
         word_is (c, i, "his") || word_is (c, i, "her");
}

static gboolean
valid_year_token (Ctx  *c,
                  guint i)
{
  int v;

  if (!is_num (c, i) || c->t[i].ndigits != 4)
    return FALSE;
  v = c->t[i].num;
  if (v < 1000 || v > 2099)
    return FALSE;
  /* not part of a longer number: "1,998", "3.1999", "$1999" */
  if (i > 0 && adjacent (c, i) &&
      (is_punct (c, i - 1, '$') || is_punct (c, i - 1, '#') ||
       ((is_punct (c, i - 1, ',') || is_punct (c, i - 1, '.')) && is_num (c, i - 2))))
    return FALSE;
  if (adjacent (c, i + 1) &&
      (is_punct (c, i + 1, '%') ||
       ((is_punct (c, i + 1, ',') || is_punct (c, i + 1, '.')) &&
        is_num (c, i + 2) && adjacent (c, i + 2))))
    return FALSE;
  return TRUE;
}

/* A year: "1998", "'98" is not accepted alone. */
static guint
parse_year (Ctx  *c,
            guint i,
            int  *y)
{
  if (valid_year_token (c, i))
    {
      *y = c->t[i].num;
      return i + 1;
    }
  return 0;
}

/* Number words: "three", "twenty-four", "twenty four", "two hundred". */
static guint
parse_numword (Ctx  *c,
               guint i,
               int  *val)
{
  const TemporalWord *w = W (c, i);
  int v;

  if (w == NULL || w->number == 0 || w->role == W_DECADE_WORD)
    return 0;
  v = w->number;
  i++;
  if (v >= 20 && v < 100 && v % 10 == 0)
    {
      guint j = is_punct (c, i, '-') && adjacent (c, i) ? i + 1 : i;
      const TemporalWord *u = W (c, j);

      if (u && u->number > 0 && u->number < 10 && u->role != W_DECADE_WORD)
        {
          v += u->number;
          i = j + 1;
        }
    }
  if (v < 100 && (w = W (c, i)) != NULL && (w->number == 100 || w->number == 1000))
    {
      v *= w->number;
      i++;
    }
  *val = v;
  return i;
}

/* Spoken years: "nineteen ninety-six", "two thousand", "the year two
 * thousand" is handled by the caller. */
static guint
parse_spoken_year (Ctx  *c,
                   guint i,
                   int  *year)
{
  const TemporalWord *w = W (c, i);
  int hi, lo;
  guint j;

  if (w == NULL || w->number < 11 || w->number > 20)
    {
      int v;

      if (w && w->number == 2 && (j = parse_numword (c, i, &v)) && v == 2000)
        {
          *year = 2000;
          return j;
        }
      return 0;
    }
  hi = w->number;
  w = W (c, i + 1);
  if (w == NULL || w->number < 20 || w->number % 10 != 0 || w->number >= 100)
    return 0;
  if (!(j = parse_numword (c, i + 1, &lo)) || lo >= 100)
    return 0;
  *year = hi * 100 + lo;
  return j;
}

/* A quantity before a unit: "3", "three", "a", "a couple of", "several". */
static guint
parse_qty (Ctx    *c,
           guint   i,
           double *q)
{
  const TemporalWord *w;
  guint j;
  int v;

  if (is_num (c, i))
    {
      if (c->t[i].ndigits > 6)
        return 0;
      /* not the tail of a larger or decimal number */
      if (i > 0 && adjacent (c, i) && (is_punct (c, i - 1, ',') || is_punct (c, i - 1, '.')) &&
          is_num (c, i - 2))
        return 0;
      if (is_punct (c, i + 1, '.') && adjacent (c, i + 1) && is_num (c, i + 2) &&
          adjacent (c, i + 2))
        {
          char buf[32];

          g_snprintf (buf, sizeof buf, "%d.%.*s", c->t[i].num,
                      (int) (c->t[i + 2].b1 - c->t[i + 2].b0),
                      c->text + c->t[i + 2].b0);
          *q = g_ascii_strtod (buf, NULL);
          return i + 3;
        }
      if (is_punct (c, i + 1, ',') && adjacent (c, i + 1) && is_num (c, i + 2) &&
          c->t[i + 2].ndigits == 3)
        return 0;
      *q = c->t[i].num;
      return i + 1;
    }
  w = W (c, i);
  if (w == NULL)
    return 0;
  if ((j = parse_numword (c, i, &v)))
    {
      /* "one and a half" */
      *q = v;
      return j;
    }
  switch (w->role)
    {
    case W_A:
      if (R (c, i + 1) == W_COUPLE && R (c, i + 2) == W_OF)
        {
          *q = 2;
          return i + 3;
        }
      if (R (c, i + 1) == W_SEVERAL)
        {
          *q = -1;
          return i + 2;
        }
      if (R (c, i + 1) == W_HALF)
        {
          *q = 0.5;
          return i + 2;
        }
      *q = 1;
      return i + 1;
    case W_SEVERAL:
      *q = -1;
      return i + 1;
    case W_COUPLE:
      if (R (c, i + 1) == W_OF)
        {
          *q = 2;
          return i + 2;
        }
      return 0;
    case W_HALF:
      /* "half an hour", "half a century" */
      if (R (c, i + 1) == W_A)
        {
          *q = 0.5;
          return i + 2;
        }
      return 0;
    default:
      return 0;
    }
}

/* A unit word after a quantity, with "-" allowed: "three-day", "8-month". */
static guint
parse_unit (Ctx          *c,
            guint         i,
            TemporalUnit *u,
            gboolean     *plural)
{
  const TemporalWord *w;

  if (is_punct (c, i, '-') && adjacent (c, i) && adjacent (c, i + 1))
    i++;
  w = W (c, i);
  if (w == NULL || w->unit == UNIT_NONE || w->role == W_LONG_DURATION ||
      w->role == W_FREQ)
    return 0;
  *u = w->unit;
  *plural = w->plural;
  return i + 1;
}

/* "a.m.", "am", "p.m.", "pm" */
static guint
parse_meridiem (Ctx      *c,
                guint     i,
                gboolean *pm)
{
  const TemporalWord *w = W (c, i);

  if (w && (w->role == W_AM || w->role == W_PM) &&
      !(c->t[i].flags & TOK_F_CAP && w->role == W_AM && !adjacent (c, i)))
    {
      *pm = w->role == W_PM;
      return i + 1;
    }
  if ((word_is (c, i, "a") || word_is (c, i, "p")) && is_punct (c, i + 1, '.') &&
      adjacent (c, i + 1) && word_is (c, i + 2, "m") && adjacent (c, i + 2))
    {
      *pm = word_is (c, i, "p");
      return is_punct (c, i + 3, '.') && adjacent (c, i + 3) ? i + 4 : i + 3;
    }
  return 0;
}

/* A clock time: "10 p.m.", "6:30 a.m.", "14:00", "noon". */
static guint
parse_clock (Ctx  *c,
             guint i,
             int  *hh,
             int  *mm)
{
  guint j;
  gboolean pm;
  int h, m = 0;

  if (R (c, i) == W_NOON)
    {
      *hh = 12;
      *mm = 0;
      return i + 1;
    }
  if (R (c, i) == W_MIDNIGHT)
    {
      *hh = 24;
      *mm = 0;
      return i + 1;
    }
  if (!is_num (c, i) || c->t[i].ndigits > 2)
    return 0;
  h = c->t[i].num;
  j = i + 1;
  if ((is_punct (c, j, ':') || is_punct (c, j, '.')) && adjacent (c, j) &&
      is_num (c, j + 1) && adjacent (c, j + 1) && c->t[j + 1].ndigits == 2)
    {
      m = c->t[j + 1].num;
      j += 2;
      if (is_punct (c, j, ':') && adjacent (c, j) && is_num (c, j + 1) &&
          c->t[j + 1].ndigits == 2)
        j += 2;
      if (m > 59)
        return 0;
      if (parse_meridiem (c, j, &pm))
        {
          if (h < 1 || h > 12)
            return 0;
          j = parse_meridiem (c, j, &pm);
          h = (h % 12) + (pm ? 12 : 0);
        }
      else if (h > 23 || is_punct (c, i + 1, '.'))
        return 0;
    }
  else if (parse_meridiem (c, j, &pm))
    {
      if (h < 1 || h > 12)
        return 0;
      j = parse_meridiem (c, j, &pm);
      h = (h % 12) + (pm ? 12 : 0);
    }
  else if (h >= 1 && h <= 12 && !is_punct (c, i + 1, ':') &&
           ((R (c, j) == W_IN && R (c, j + 1) == W_THE && W (c, j + 2) && W (c, j + 2)->pod &&
             !W (c, j + 2)->plural) ||
            (R (c, j) == W_AT && W (c, j + 1) && W (c, j + 1)->pod == POD_NI &&
             !W (c, j + 1)->plural)))
    {
      int pod = R (c, j) == W_AT ? POD_NI : W (c, j + 2)->pod;

      if (pod == POD_AF || pod == POD_EV || (pod == POD_NI && h >= 6 && h < 12))
        h = (h % 12) + 12;
      else
        h = h % 12;
      j += R (c, j) == W_AT ? 2 : 3;
    }
  else if (R (c, j) == W_OCLOCK ||
           (word_is (c, j, "o") && is_apostrophe (c, j + 1) && word_is (c, j + 2, "clock")))
    {
      if (h < 1 || h > 12)
        return 0;
      j = R (c, j) == W_OCLOCK ? j + 1 : j + 3;
    }
  else
    return 0;
  if (R (c, j) == W_TIMEZONE)
    j++;
  *hh = h;
  *mm = m;
  return j;
}

/* An ordinal day: "16", "16th", "1st", "1er" */
static guint
parse_day_number (Ctx  *c,
                  guint i,
                  int  *d)
{
  const TemporalWord *w = W (c, i);

  /* "eighth", "twenty-fourth" */
  if (w && w->ordinal >= 1 && w->ordinal <= 31)
    {
      *d = w->ordinal;
      return i + 1;
    }
  if (w && (w->number == 20 || w->number == 30) && is_punct (c, i + 1, '-') &&
      W (c, i + 2) && W (c, i + 2)->ordinal >= 1 && W (c, i + 2)->ordinal <= 9 &&
      w->number + W (c, i + 2)->ordinal <= 31)
    {
      *d = w->number + W (c, i + 2)->ordinal;
      return i + 3;
    }
  if (!is_num (c, i) || c->t[i].ndigits > 2 || c->t[i].num < 1 || c->t[i].num > 31)
    return 0;
  *d = c->t[i].num;
  if ((R (c, i + 1) == W_ORD_SUFFIX || R (c, i + 1) == W_ER) && adjacent (c, i + 1))
    return i + 2;
  return i + 1;
}

static gboolean
is_month_word (Ctx      *c,
               guint     i,
               gboolean  foreign_ok)
{
  const TemporalWord *w = W (c, i);

  if (w == NULL || w->month == 0)
    return FALSE;
  if (w->month_flags & MONTH_FOREIGN)
    return foreign_ok;
  return TRUE;
}

/* A month name, with the period of an abbreviation: "Nov.", "November". */
static guint
parse_month (Ctx      *c,
             guint     i,
             gboolean  foreign_ok,
             int      *m)
{
  const TemporalWord *w = W (c, i);

  if (!is_month_word (c, i, foreign_ok))
    return 0;
  *m = w->month;
  /* the period of an abbreviation, not the end of the sentence */
  if (is_punct (c, i + 1, '.') && adjacent (c, i + 1) &&
      ((w->month_flags & MONTH_EN_ABBR) ||
       ((w->month_flags & MONTH_FOREIGN) && c->t[i].c1 - c->t[i].c0 <= 5)))
    return i + 2;
  return i + 1;
}

/* "..., 1998", " 1998", "of 1998": an explicit year after a date. */
static guint
parse_year_after (Ctx  *c,
                  guint i,
                  int  *y)
{
  guint j = i;

  if ((is_punct (c, j, '-') || is_punct (c, j, '/')) && adjacent (c, j) && adjacent (c, j + 1) &&
      is_num (c, j + 1))
    {
      /* "09-JAN-2017", "21-APR-16", "06/Nov/2023" */
      if (c->t[j + 1].ndigits == 2 && !(is_punct (c, j + 2, '-') || is_punct (c, j + 2, '/')))
        {
          int yy = c->t[j + 1].num;

          *y = yy < 50 ? 2000 + yy : 1900 + yy;
          return j + 2;
        }
      j++;
    }
  else if (is_punct (c, j, ','))
    j++;
  else if (R (c, j) == W_OF || R (c, j) == W_DE)
    j++;
  /* "88 AD", "1066 CE" */
  if (is_num (c, j) && c->t[j].ndigits <= 4 && c->t[j].num > 0 &&
      (word_is (c, j + 1, "ad") || word_is (c, j + 1, "ce")) &&
      (c->t[j + 1].flags & TOK_F_CAP))
    {
      *y = c->t[j].num;
      return j + 2;
    }
  if (parse_year (c, j, y))
    {
      j++;
      /* year marks: "2025 m.", "2025 г.", "2025 року", "r." */
      if (R (c, j) == W_YEAR_MARK || R (c, j) == W_YEAR_WORD_M)
        {
          j++;
          /* the period of "г.", "r.", "m.", not the end of "2025 года." */
          if (is_punct (c, j, '.') && adjacent (c, j) && c->t[j - 1].c1 - c->t[j - 1].c0 == 1)
            j++;
        }
      return j;
    }
  if (parse_spoken_year (c, j, y))
    return parse_spoken_year (c, j, y);
  return 0;
}

/* "this year", "last year", "next year" after a month */
static guint
parse_rel_year (Ctx  *c,
                guint i,
                int  *dy)
{
  WordRole rr = R (c, i);
  const TemporalWord *w = W (c, i + 1);

  if (w == NULL || w->unit != UNIT_YEAR || w->plural)
    return 0;
  if (rr == W_THIS)
    *dy = 0;
  else if (rr == W_LAST || rr == W_PAST)
    *dy = -1;
  else if (rr == W_NEXT || rr == W_COMING)
    *dy = 1;
  else
    return 0;
  return i + 2;
}

static gboolean
valid_date (int y,
            int m,
            int d)
{
  return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month (y, m);
}

static guint
poison (Ctx  *c,
        guint k)
{
  c->skip_to = MAX (c->skip_to, k);
  return 0;
}

/* Moves a resolved day to the year (of three around it) where it falls on
 * @wd: "Tuesday, 10 January". */
static void
match_weekday_year (Ctx *c,
                    Res *r,
                    int  wd)
{
  int y, m, d;

  if (r->establishes != PREC_DAY || weekday_of (r->day) == wd || r->year_given)
    return;
  civil_from_days (r->day, &y, &m, &d);
  for (int dy = 1; dy <= 6; dy++)
    for (int sign = 1; sign >= -1; sign -= 2)
      if (valid_date (y + sign * dy, m, d) &&
          weekday_of (days_from_civil (y + sign * dy, m, d)) == wd)
        {
          fmt_day (r, days_from_civil (y + sign * dy, m, d));
          return;
        }
}

/* Month first: "Nov. 16", "March 5, 1946", "November 2025", "January this
 * year", "October". */
static guint
match_month_first (Ctx  *c,
                   guint i,
                   Res  *r)
{
  const TemporalWord *w = W (c, i);
  int m, d, y, dy;
  guint j, k;
  gboolean abbr;

  if (!(j = parse_month (c, i, TRUE, &m)))
    return 0;
  abbr = (w->month_flags & MONTH_EN_ABBR) != 0;
  if (!(w->month_flags & MONTH_FOREIGN) && !(c->t[i].flags & TOK_F_CAP) &&
      !((is_num (c, j) || is_punct (c, j, '-') || is_punct (c, j, '/')) && abbr == FALSE &&
        w->month != 5 && w->month != 3))
    return 0;
  /* "August-10, 2012", "August/10/2012", "Sep-2012" */
  if ((is_punct (c, j, '-') || is_punct (c, j, '/')) && adjacent (c, j) && adjacent (c, j + 1) &&
      is_num (c, j + 1))
    j++;
  /* "March, 6th 2016": a comma after the month only before a day and a
   * year ("In March, 6 people" is no date) */
  else if (is_punct (c, j, ',') && (c->t[i].flags & TOK_F_CAP))
    {
      int dd, yy;
      guint e = parse_day_number (c, j + 1, &dd);

      if (e && (parse_year_after (c, e, &yy) ||
                (is_punct (c, e, ',') && parse_year_after (c, e + 1, &yy))))
        j++;
    }

  /* a number that is neither a day nor a year: "August 32", "February
   * 151998" */
  if (is_num (c, j) && !(c->t[j].flags & TOK_F_NEWLINE) &&
      ((c->t[j].ndigits <= 2 && c->t[j].num > 31) || c->t[j].ndigits > 4) &&
      !is_punct (c, j + 1, '%'))
    {
      guint e = parse_year_after (c, j + 1, &y);

      return poison (c, e ? e : j + 1);
    }

  if ((k = parse_day_number (c, j, &d)) && !(is_punct (c, k, ':') && is_num (c, k + 1)))
    {
      guint e;
      int d2 = 0;

      /* not "May 5,000" */
      if (is_punct (c, k, ',') && is_num (c, k + 1) && adjacent (c, k + 1))
        return 0;
      /* a range "Feb 20 - 29, 2022": the year is the range's */
      e = k;
      if ((is_punct (c, k, '-') || R (c, k) == W_TO) && parse_day_number (c, k + 1, &d2))
        e = parse_day_number (c, k + 1, &d2);
      if ((j = parse_year_after (c, e, &y)))
        {
          if (!valid_date (y, m, d) || (d2 && !valid_date (y, m, d2)))
            return poison (c, j);
          fmt_day (r, days_from_civil (y, m, d));
          r->year_given = TRUE;
          return e == k ? j : k;
        }
      if (R (c, k) == W_DAY_MARK && is_punct (c, k + 1, '.'))
        k += 2;
      /* the year after a range to another month, "Aug 10 - Nov 12, 2013",
       * or after a clock time, "Thu Oct 26 11:00:09 EDT 2023" */
      {
        guint x = k;
        int m2, d2b, hh, mm;

        if ((is_punct (c, x, '-') || R (c, x) == W_TO) &&
            (x = parse_month (c, x + 1, FALSE, &m2)) &&
            (x = parse_day_number (c, x, &d2b)) && parse_year_after (c, x, &y))
          {
            if (!valid_date (y, m, d))
              return poison (c, k);
            fmt_day (r, days_from_civil (y, m, d));
            r->year_given = TRUE;
            return k;
          }
        /* "Oct 26, 10:00 - 11:00 2023", "Oct 26 - 28, 11:00 2023" */
        x = is_punct (c, e, ',') ? e + 1 : e;
        if ((x = parse_clock (c, x, &hh, &mm)))
          {
            guint x2;

            if ((is_punct (c, x, '-') || R (c, x) == W_TO) &&
                (x2 = parse_clock (c, x + 1, &hh, &mm)))
              x = x2;
            if (valid_year_token (c, x) && same_sentence (c, k, x))
              {
                y = c->t[x].num;
                if (!valid_date (y, m, d))
                  return poison (c, x + 1);
                fmt_day (r, days_from_civil (y, m, d));
                r->year_given = TRUE;
                return k;
              }
          }
        /* a far year, "Jan 1 3000, 9:30", only where no count can be meant */
        x = e;
        if (is_num (c, x) && c->t[x].ndigits == 4 && c->t[x].num > 2099 &&
            same_sentence (c, k, x) && !adjacent (c, x) &&
            (x + 1 >= c->n || !same_sentence (c, x, x + 1) ||
             (is_punct (c, x + 1, ',') && parse_clock (c, x + 2, &hh, &mm))))
          {
            y = c->t[x].num;
            if (!valid_date (y, m, d))
              return poison (c, x + 1);
            fmt_day (r, days_from_civil (y, m, d));
            r->year_given = TRUE;
            return x + 1;
          }
        /* "Aug 9, 96" at the end of a phrase */
        x = is_punct (c, e, ',') ? e + 1 : e;
        if (is_num (c, x) && c->t[x].ndigits == 2 && same_sentence (c, k, x) &&
            !is_punct (c, x + 1, ':') &&
            !(is_punct (c, x + 1, '.') && is_num (c, x + 2) && adjacent (c, x + 2)) &&
            (x + 1 >= c->n || c->t[x + 1].kind == TOK_PUNCT || !same_sentence (c, x, x + 1)))
          {
            y = c->t[x].num < 50 ? 2000 + c->t[x].num : 1900 + c->t[x].num;
            if (!valid_date (y, m, d))
              return poison (c, x + 1);
            fmt_day (r, days_from_civil (y, m, d));
            r->year_given = TRUE;
            return e == k ? x + 1 : k;
          }
      }
      resolve_month_day (c, r, m, d,
                         i > 0 && R (c, i - 1) == W_LAST ? TENSE_PAST :
                         i > 0 && R (c, i - 1) == W_NEXT ? TENSE_FUTURE : tense_at (c, i));
      if (r->establishes == PREC_DAY)
        {
          int ry, rm, rd;

          civil_from_days (r->day, &ry, &rm, &rd);
          if (rd != d)
            return poison (c, k);   /* "February 29" of a common year */
        }
      return k;
    }
  if ((k = parse_year_after (c, j, &y)))
    {
      fmt_month (r, y, m);
      return k;
    }
  if ((k = parse_rel_year (c, j, &dy)))
    {
      if (c->has_ref)
        fmt_month (r, c->ry + dy, m);
      else
        resolve_month_day (c, r, m, 0, TENSE_NONE);
      return k;
    }
  if (!(c->t[i].flags & TOK_F_CAP))
    return 0;
  /* an abbreviation alone only after a preposition of time, and not as a
   * first name: "in Jan", not "Jan Kavan" */
  if ((w->month_flags & MONTH_EN_ABBR) && !(w->month_flags & MONTH_FOREIGN) &&
      i > 0 && same_sentence (c, i - 1, i) &&
      (R (c, i - 1) == W_IN || R (c, i - 1) == W_SINCE || R (c, i - 1) == W_UNTIL ||
       R (c, i - 1) == W_BY || R (c, i - 1) == W_DURING) &&
      !(j < c->n && same_sentence (c, i, j) && c->t[j].kind == TOK_WORD &&
        (c->t[j].flags & TOK_F_CAP)) &&
      !is_all_upper (c, i))
    {
      resolve_month_day (c, r, m, 0, tense_at (c, i));
      return j;
    }
  if (w->month_flags & (MONTH_FOREIGN | MONTH_EN_ABBR) || abbr)
    return 0;
  /* a bare month: "May" and "March" only away from the sentence start */
  if ((w->month == 5 || w->month == 3 || w->month == 8) && is_sentence_start (c, i) &&
      !(j >= c->n || !same_sentence (c, i, j)))
    return 0;
  if (is_all_upper (c, i))
    return 0;
  resolve_month_day (c, r, m, 0, tense_at (c, i));
  return j;
}

/* Day first: "27 Nov 2025", "the 5th of May", "27. November 2025",
 * "27 de noviembre de 2025", "27 listopada 2025 r.", "1er mai". */
static guint
match_day_first (Ctx  *c,
                 guint i,
                 Res  *r)
{
  int d, m, y, d2;
  guint j, k, e;

  if (!(j = parse_day_number (c, i, &d)))
    {
      /* "32 August" */
      if (is_num (c, i) && c->t[i].ndigits <= 2 && c->t[i].num > 31 &&
          is_month_word (c, i + 1, FALSE) && !(W (c, i + 1)->month_flags & MONTH_EN_ABBR))
        {
          int yy;
          guint end = parse_year_after (c, i + 2, &yy);

          return poison (c, end ? end : i + 2);
        }
      return 0;
    }
  /* a range "10 - 22 August 2012", "Eighth to eleventh May": the first day
   * takes the month and year of the second */
  if ((is_punct (c, j, '-') || R (c, j) == W_TO) && (e = parse_day_number (c, j + 1, &d2)) &&
      d2 > d)
    {
      Res second = { { 0 } };

      if (match_day_first (c, j + 1, &second) && second.establishes == PREC_DAY)
        {
          int sy, sm, sd;

          civil_from_days (second.day, &sy, &sm, &sd);
          if (!valid_date (sy, sm, d))
            return 0;
          fmt_day (r, days_from_civil (sy, sm, d));
          return j;
        }
      return 0;
    }
  if ((is_punct (c, j, '.') || is_punct (c, j, '-') || is_punct (c, j, '/')) && adjacent (c, j))
    j++;
  if (R (c, j) == W_OF || R (c, j) == W_DE)
    j++;
  if (!(k = parse_month (c, j, TRUE, &m)))
    return 0;
  if ((j = parse_year_after (c, k, &y)))
    {
      if (!valid_date (y, m, d))
        return poison (c, j);
      fmt_day (r, days_from_civil (y, m, d));
      r->year_given = TRUE;
      return j;
    }
  /* "10 August - 12 September 2013": the year of the range's end */
  if ((is_punct (c, k, '-') || R (c, k) == W_TO) && same_sentence (c, k, k + 1))
    {
      Res second = { { 0 } };

      if (match_day_first (c, k + 1, &second) && second.establishes == PREC_DAY &&
          second.year_given)
        {
          int sy, sm, sd;

          civil_from_days (second.day, &sy, &sm, &sd);
          if (m > sm)
            sy--;
          if (!valid_date (sy, m, d))
            return poison (c, k);
          fmt_day (r, days_from_civil (sy, m, d));
          r->year_given = TRUE;
          return k;
        }
    }
  /* "3 Aug 96" at the end of a phrase */
  if (is_num (c, k) && c->t[k].ndigits == 2 && !is_punct (c, k + 1, ':') &&
      !is_punct (c, k + 1, '.') &&
      (k + 1 >= c->n || c->t[k + 1].kind == TOK_PUNCT || !same_sentence (c, k, k + 1)))
    {
      y = c->t[k].num < 50 ? 2000 + c->t[k].num : 1900 + c->t[k].num;
      if (!valid_date (y, m, d))
        return poison (c, k + 1);
      fmt_day (r, days_from_civil (y, m, d));
      r->year_given = TRUE;
      return k + 1;
    }
  resolve_month_day (c, r, m, d, tense_at (c, i));
  if (r->establishes == PREC_DAY)
    {
      int ry, rm, rd;

      civil_from_days (r->day, &ry, &rm, &rd);
      if (rd != d)
        return poison (c, k);
    }
  return k;
}

/* "2025-11-27", "2025/11/27", "11/27/2025", "27.11.2025", and Lithuanian
 * "2025 m. lapkričio 27 d." */
static guint
match_numeric (Ctx  *c,
               guint i,
               Res  *r)
{
  int a, b, e, y, m, d;
  gunichar sep;
  guint j;

  if (!is_num (c, i))
    return 0;

  /* Lithuanian: 2025 m. lapkričio 27 d. */
  if (valid_year_token (c, i) && R (c, i + 1) == W_YEAR_WORD_M &&
      is_punct (c, i + 2, '.') && (j = parse_month (c, i + 3, TRUE, &m)))
    {
      y = c->t[i].num;
      if (parse_day_number (c, j, &d) && valid_date (y, m, d))
        {
          j = parse_day_number (c, j, &d);
          if (R (c, j) == W_DAY_MARK)
            j += is_punct (c, j + 1, '.') ? 2 : 1;
          fmt_day (r, days_from_civil (y, m, d));
          return j;
        }
      fmt_month (r, y, m);
      return j;
    }

  /* "2014 12 28" alone in a note */
  if (valid_year_token (c, i) && is_num (c, i + 1) && c->t[i + 1].ndigits == 2 &&
      is_num (c, i + 2) && c->t[i + 2].ndigits == 2 && !adjacent (c, i + 1) &&
      !adjacent (c, i + 2) && same_sentence (c, i, i + 2) &&
      (i + 3 >= c->n || !same_sentence (c, i, i + 3) || c->t[i + 3].kind == TOK_PUNCT) &&
      valid_date (c->t[i].num, c->t[i + 1].num, c->t[i + 2].num) &&
      fragment_tense (c, i) == TENSE_PRESENT)
    {
      fmt_day (r, days_from_civil (c->t[i].num, c->t[i + 1].num, c->t[i + 2].num));
      r->year_given = TRUE;
      return i + 3;
    }

  /* "9/2012", "04/2016": a month */
  if (c->t[i].ndigits <= 2 && is_punct (c, i + 1, '/') && adjacent (c, i + 1) &&
      adjacent (c, i + 2) && valid_year_token (c, i + 2) &&
      !(is_punct (c, i + 3, '/') && adjacent (c, i + 3)))
    {
      if (c->t[i].num < 1 || c->t[i].num > 12)
        return poison (c, i + 3);
      fmt_month (r, c->t[i + 2].num, c->t[i].num);
      return i + 3;
    }
  /* "8/10", "on 02/02": a month and a day without a year, in a note or
   * after "on", "until" or a weekday; "4/5" in a sentence is a fraction or
   * a score, and "9/11" names the attacks */
  if (c->t[i].ndigits <= 2 && is_punct (c, i + 1, '/') && adjacent (c, i + 1) &&
      adjacent (c, i + 2) && is_num (c, i + 2) && c->t[i + 2].ndigits <= 2 &&
      !(is_punct (c, i + 3, '/') && adjacent (c, i + 3)) &&
      !(adjacent (c, i + 3) && (is_num (c, i + 3) || is_punct (c, i + 3, '-') ||
                                is_punct (c, i + 3, '%') ||
                                (is_punct (c, i + 3, '.') && is_num (c, i + 4) &&
                                 adjacent (c, i + 4)))) &&
      !(i > 0 && adjacent (c, i) && c->t[i - 1].kind != TOK_WORD &&
        !is_punct (c, i - 1, '(')))
    {
      WordRole prev = i > 0 && same_sentence (c, i - 1, i) ? R (c, i - 1) : W_NONE;

      m = c->t[i].num;
      d = c->t[i + 2].num;
      if (m < 1 || m > 12 || d < 1 || d > 31 || (m == 9 && d == 11))
        return 0;
      /* "cut by 1/3", "based on 1/3 of the votes" are fractions */
      if (R (c, i + 3) == W_OF ||
          (prev != W_ON && prev != W_UNTIL &&
           !(i > 0 && same_sentence (c, i - 1, i) && W (c, i - 1) && W (c, i - 1)->weekday) &&
           fragment_tense (c, i) != TENSE_PRESENT))
        return 0;
      resolve_month_day (c, r, m, d, tense_at (c, i));
      if (r->establishes == PREC_DAY)
        {
          int ry, rm, rd;

          civil_from_days (r->day, &ry, &rm, &rd);
          if (rd != d)
            return poison (c, i + 3);
        }
      return i + 3;
    }
  if (!(c->t[i].kind == TOK_NUM && i + 4 < c->n))
    return 0;
  if (c->t[i + 1].kind != TOK_PUNCT || !adjacent (c, i + 1) || !adjacent (c, i + 2) ||
      !is_num (c, i + 2) || c->t[i + 3].kind != TOK_PUNCT || !adjacent (c, i + 3) ||
      !adjacent (c, i + 4) || !is_num (c, i + 4))
    {
      return 0;
    }
  sep = c->t[i + 1].num;
  if (sep != (gunichar) c->t[i + 3].num || (sep != '-' && sep != '/' && sep != '.'))
    return 0;
  /* not part of a longer sequence like an IP address or phone number */
  if (is_punct (c, i + 5, sep) && adjacent (c, i + 5) && is_num (c, i + 6))
    return 0;
  a = c->t[i].num;
  b = c->t[i + 2].num;
  e = c->t[i + 4].num;
  if (c->t[i].ndigits == 4)
    {
      y = a;
      m = b;
      d = e;
      if (c->t[i + 2].ndigits > 2 || c->t[i + 4].ndigits > 2)
        return 0;
      /* "2024/13/1": year, day, month when the middle cannot be a month */
      if (m > 12 && d <= 12)
        {
          m = e;
          d = b;
        }
    }
  else if ((c->t[i + 4].ndigits == 4 || c->t[i + 4].ndigits == 2) &&
           c->t[i].ndigits <= 2 && c->t[i + 2].ndigits <= 2)
    {
      y = c->t[i + 4].ndigits == 2 ? (e < 50 ? 2000 + e : 1900 + e) : e;
      /* two-digit years only when day and month cannot be confused */
      if (c->t[i + 4].ndigits == 2 && (sep == '.' || (a <= 12 && b <= 12)))
        return 0;
      /* month first with slashes (US), day first otherwise; the other
       * order when the first is impossible */
      if (sep == '/' ? (a <= 12) : (b > 12 && a <= 12))
        {
          m = a;
          d = b;
        }
      else
        {
          d = a;
          m = b;
        }
    }
  else
    return 0;
  if (!valid_date (y, m, d) || y < 1000)
    return sep == '.' ? 0 : poison (c, i + 5);
  fmt_day (r, days_from_civil (y, m, d));
  return i + 5;
}

/* A part of the day after a day expression: "Saturday morning" */
static guint
add_pod_after (Ctx  *c,
               guint j,
               Res  *r)
{
  const TemporalWord *w = W (c, j);

  if (w && w->pod && !w->plural && r->establishes == PREC_DAY)
    {
      add_pod (r, w->pod);
      return j + 1;
    }
  return j;
}

/* Weekdays: "Tuesday", "Monday, Oct. 26", "Saturday morning", "last
 * Friday", "Tuesday of last week". */
static guint
match_weekday (Ctx  *c,
               guint i,
               Res  *r,
               int   dir)
{
  const TemporalWord *w = W (c, i);
  guint j, k;
  int wd;

  if (w == NULL || w->weekday == 0)
    return 0;
  wd = w->weekday;
  j = i + 1;
  if (w->month_flags & MONTH_EN_ABBR)
    {
      /* "Wed., Nov. 26" only */
      if (is_punct (c, j, '.') && adjacent (c, j))
        j++;
      if (is_punct (c, j, ','))
        j++;
      if ((k = match_month_first (c, j, r)) || (k = match_day_first (c, j, r)))
        {
          match_weekday_year (c, r, wd);
          return k;
        }
      return 0;
    }
  if (!(c->t[i].flags & TOK_F_CAP) && c->t[i].b1 - c->t[i].b0 < 6)
    return 0;
  if (w->plural)
    {
      if (dir != 0)
        return 0;
      g_snprintf (r->value, sizeof r->value, "XXXX-WXX-%d", wd);
      r->type = TYPE_SET;
      r->establishes = PREC_NONE;
      return add_pod_after (c, j, r);
    }
  if (dir == 0)
    {
      k = is_punct (c, j, ',') ? j + 1 : j;
      if ((k = match_month_first (c, k, r)) && r->establishes == PREC_DAY)
        {
          match_weekday_year (c, r, wd);
          return k;
        }
      k = is_punct (c, j, ',') ? j + 1 : j;
      if (R (c, k) == W_THE)
        k++;
      if ((k = match_day_first (c, k, r)) && r->establishes == PREC_DAY)
        {
          match_weekday_year (c, r, wd);
          return k;
        }
      k = is_punct (c, j, ',') ? j + 1 : j;
      if (match_numeric (c, k, r) && r->establishes == PREC_DAY)
        return match_numeric (c, k, r);
      res_reset (r);
    }
  /* "Tuesday of last week", "Friday next week" */
  k = R (c, j) == W_OF ? j + 1 : j;
  if ((R (c, k) == W_LAST || R (c, k) == W_NEXT || R (c, k) == W_THIS) &&
      W (c, k + 1) && W (c, k + 1)->unit == UNIT_WEEK && !W (c, k + 1)->plural &&
      c->has_ref)
    {
      int shift = R (c, k) == W_LAST ? -7 : R (c, k) == W_NEXT ? 7 : 0;
      int monday = c->ref - weekday_of (c->ref) + 1 + shift;

      fmt_day (r, monday + wd - 1);
      return add_pod_after (c, k + 2, r);
    }
  resolve_weekday (c, r, wd, dir, tense_at (c, i));
  j = add_pod_after (c, j, r);
  return j;
}

/* "fiscal 1989", "FY1989", "the first half of 2024", "year-end" */
static guint
match_fiscal_half (Ctx  *c,
                   guint i,
                   Res  *r)
{
  const TemporalWord *w = W (c, i);
  int y, dy;
  guint k;

  if (R (c, i) == W_FISCAL && (k = parse_year (c, i + 1, &y)))
    {
      g_snprintf (r->value, sizeof r->value, "FY%04d", y);
      r->type = TYPE_DATE;
      r->establishes = PREC_NONE;
      return k;
    }
  if (w && (w->ordinal == 1 || w->ordinal == 2) && R (c, i + 1) == W_HALF)
    {
      int half = w->ordinal;

      k = i + 2;
      if (R (c, k) == W_OF)
        {
          if ((k = parse_year_after (c, k, &y)))
            ;
          else if (R (c, i + 3) == W_THE && W (c, i + 4) && W (c, i + 4)->unit == UNIT_YEAR &&
                   !W (c, i + 4)->plural && c->has_ref)
            {
              y = c->ry;
              k = i + 5;
            }
          else if ((k = parse_rel_year (c, i + 3, &dy)) && c->has_ref)
            y = c->ry + dy;
          else
            return 0;
        }
      else if (c->has_ref && R (c, k) != W_OF)
        y = c->ry;
      else
        return 0;
      g_snprintf (r->value, sizeof r->value, "%04d-H%d", y, half);
      r->type = TYPE_DATE;
      r->establishes = PREC_YEAR;
      r->day = days_from_civil (y, half == 1 ? 1 : 7, 1);
      return k;
    }
  if (w && w->unit == UNIT_YEAR && !w->plural && is_punct (c, i + 1, '-') &&
      adjacent (c, i + 1) && R (c, i + 2) == W_END && c->has_ref)
    {
      rel (c, r, UNIT_YEAR, 0);
      r->mod = "END";
      return i + 3;
    }
  return 0;
}

static guint
match_weekday_plain (Ctx  *c,
                     guint i,
                     Res  *r)
{
  return match_weekday (c, i, r, 0);
}

static guint
match_holiday (Ctx  *c,
               guint i,
               Res  *r,
               int   dir)
{
  const TemporalWord *w = W (c, i);
  guint best_end = 0;
  const TemporalHoliday *best = NULL;
  int y, z;
  guint j;

  if (w == NULL || !w->holiday || !(c->t[i].flags & TOK_F_CAP))
    return 0;
  for (guint h = 0; h < _dossier_temporal_n_holidays (); h++)
    {
      const TemporalHoliday *hol = _dossier_temporal_holiday (h);
      guint k = i, n;

      for (n = 0; n < G_N_ELEMENTS (hol->words) && hol->words[n]; n++)
        {
          while (k < c->n && c->t[k].kind == TOK_PUNCT &&
                 (is_apostrophe (c, k) || is_punct (c, k, '.')) && n > 0)
            k++;
          if (!word_is (c, k, hol->words[n]))
            break;
          k++;
        }
      if ((n == G_N_ELEMENTS (hol->words) || hol->words[n] == NULL) && k > best_end)
        {
          best_end = k;
          best = hol;
        }
    }
  if (best == NULL)
    return 0;
  j = best_end;
  if ((j = parse_year_after (c, best_end, &y)))
    {
      fmt_day (r, holiday_day (best, y));
      return j;
    }
  j = best_end;
  if (!c->has_ref)
    {
      fmt_str (r, TYPE_DATE, "XXXX-XX-XX");
      return j;
    }
  y = c->ry;
  z = holiday_day (best, y);
  if (dir == 0)
    {
      TemporalTense tense = tense_at (c, i);

      if (tense == TENSE_PAST && z > c->ref)
        z = holiday_day (best, y - 1);
      else if ((tense == TENSE_FUTURE || tense == TENSE_PRESENT) && z < c->ref)
        z = holiday_day (best, y + 1);
    }
  else if (dir < 0 && z >= c->ref)
    z = holiday_day (best, y - 1);
  else if (dir > 0 && z <= c->ref)
    z = holiday_day (best, y + 1);
  fmt_day (r, z);
  return j;
}

/* "1998", "1990s", "mid-1996", "2025 m." */
static guint
match_year (Ctx  *c,
            guint i,
            Res  *r)
{
  int y;
  guint j;
  const TemporalWord *w;

  if (!valid_year_token (c, i))
    return 0;
  y = c->t[i].num;
  j = i + 1;
  /* "2012/Aug/10", "2024 August", "2018 March 18" */
  {
    guint k = j;
    int m, d;

    if ((is_punct (c, k, '/') || is_punct (c, k, '-')) && adjacent (c, k) && adjacent (c, k + 1))
      k++;
    if (is_month_word (c, k, FALSE) &&
        (k > j || (c->t[k].flags & TOK_F_CAP)) && (k = parse_month (c, k, FALSE, &m)))
      {
        guint e = k;

        if ((is_punct (c, e, '/') || is_punct (c, e, '-')) && adjacent (c, e) &&
            adjacent (c, e + 1))
          e++;
        if ((e = parse_day_number (c, e, &d)) && !(is_num (c, e) || (W (c, e) && W (c, e)->unit)))
          {
            if (!valid_date (y, m, d))
              return poison (c, e);
            fmt_day (r, days_from_civil (y, m, d));
            return e;
          }
        fmt_month (r, y, m);
        return k;
      }
  }
  /* "the 1998-99 season": the first year; "2012-1400" is a code */
  if (is_punct (c, j, '-') && adjacent (c, j) && adjacent (c, j + 1) && is_num (c, j + 1))
    {
      if ((c->t[j + 1].ndigits == 2 && c->t[j + 1].num == (y + 1) % 100) ||
          (c->t[j + 1].ndigits == 4 && c->t[j + 1].num == y + 1))
        {
          fmt_year (r, y);
          return j + 2;
        }
      return poison (c, j + 2);
    }
  /* 1990s, 1990's */
  if (adjacent (c, j) && R (c, j) == W_S_SUFFIX && y % 10 == 0)
    {
      g_snprintf (r->value, sizeof r->value, "%03d", y / 10);
      r->type = TYPE_DATE;
      r->establishes = PREC_NONE;
      return j + 1;
    }
  if (is_apostrophe (c, j) && adjacent (c, j) && R (c, j + 1) == W_S_SUFFIX &&
      adjacent (c, j + 1) && y % 10 == 0)
    {
      g_snprintf (r->value, sizeof r->value, "%03d", y / 10);
      r->type = TYPE_DATE;
      r->establishes = PREC_NONE;
      return j + 2;
    }
  /* a year range "1998-99" is two years to TimeML; keep the first */
  if (y < 1900)
    {
      /* older years only in a clear temporal context */
      WordRole prev = i > 0 ? R (c, i - 1) : W_NONE;

      if (prev != W_IN && prev != W_SINCE && prev != W_OF && prev != W_BY &&
          prev != W_UNTIL && prev != W_FROM && prev != W_BEFORE && prev != W_AFTER &&
          !(i > 0 && W (c, i - 1) && W (c, i - 1)->unit == UNIT_YEAR))
        return 0;
    }
  /* "1999 people": a number followed by a plural noun is rarely a year,
   * but the names of things are unknown here; reject measure words only */
  w = W (c, j);
  if (w && (w->unit != UNIT_NONE && w->plural))
    return 0;
  if (word_is (c, j, "percent") || word_is (c, j, "people") ||
      word_is (c, j, "feet") || word_is (c, j, "meters") || word_is (c, j, "miles"))
    return 0;
  /* a count before a plural noun: "sent 2000 troops", "about 1500 homes";
   * but "the 1990 elections", "in 1998 prices" keep their year */
  if (j < c->n && c->t[j].kind == TOK_WORD && W (c, j) == NULL &&
      !(c->t[j].flags & TOK_F_CAP) && c->t[j].b1 - c->t[j].b0 > 3 &&
      c->text[c->t[j].b1 - 1] == 's' && i > 0 && same_sentence (c, i - 1, i) &&
      c->t[i - 1].kind == TOK_WORD && !is_possessive (c, i - 1))
    {
      WordRole prev = R (c, i - 1);

      if (prev != W_THE && prev != W_IN && prev != W_SINCE && prev != W_OF &&
          prev != W_BY && prev != W_UNTIL && prev != W_FROM && prev != W_BEFORE &&
          prev != W_AFTER && prev != W_DURING && prev != W_FISCAL && prev != W_A)
        return 0;
    }
  fmt_year (r, y);
  if ((R (c, j) == W_YEAR_MARK || R (c, j) == W_YEAR_WORD_M))
    {
      j++;
      if (is_punct (c, j, '.') && adjacent (c, j) && c->t[j - 1].c1 - c->t[j - 1].c0 == 1)
        j++;
    }
  return j;
}

/* Decades: "the 1990s", "the '90s", "the nineties", "the early 1990s". */
static guint
match_decade (Ctx  *c,
              guint i,
              Res  *r)
{
  guint j = i;
  const TemporalWord *w;

  if (is_apostrophe (c, j) && is_num (c, j + 1) && adjacent (c, j + 1) &&
      c->t[j + 1].ndigits == 2 && c->t[j + 1].num % 10 == 0 &&
      R (c, j + 2) == W_S_SUFFIX && adjacent (c, j + 2))
    {
      int dd = c->t[j + 1].num;
      int century = dd >= 30 || !c->has_ref ? 19 : 20;

      g_snprintf (r->value, sizeof r->value, "%02d%d", century, dd / 10);
      r->type = TYPE_DATE;
      r->establishes = PREC_NONE;
      return j + 3;
    }
  w = W (c, j);
  if (w && w->role == W_DECADE_WORD)
    {
      g_snprintf (r->value, sizeof r->value, "19%d", w->number);
      r->type = TYPE_DATE;
      r->establishes = PREC_NONE;
      return j + 1;
    }
  return 0;
}

/* Centuries: "the 11th century", "the twentieth century" */
static guint
match_century (Ctx  *c,
               guint i,
               Res  *r)
{
  const TemporalWord *w = W (c, i);
  int n = 0;
  guint j = i;

  if (w && w->ordinal > 0)
    {
      n = w->ordinal;
      j++;
    }
  else if (is_num (c, i) && c->t[i].ndigits <= 2 && R (c, i + 1) == W_ORD_SUFFIX &&
           adjacent (c, i + 1))
    {
      n = c->t[i].num;
      j += 2;
    }
  else
    return 0;
  if (is_punct (c, j, '-') && adjacent (c, j))
    j++;
  w = W (c, j);
  if (w == NULL || w->unit != UNIT_CENTURY || w->plural || n < 1 || n > 30)
    return 0;
  g_snprintf (r->value, sizeof r->value, "%02d", n - 1);
  r->type = TYPE_DATE;
  r->establishes = PREC_NONE;
  return j + 1;
}

/* Quarters: "the third quarter", "third-quarter", "the fiscal first quarter
 * of 1989", "Q3 2025". */
static guint
match_quarter (Ctx  *c,
               guint i,
               Res  *r)
{
  const TemporalWord *w;
  guint j = i;
  int q = 0, y;
  gboolean fiscal = FALSE;

  if (R (c, j) == W_FISCAL)
    {
      fiscal = TRUE;
      j++;
    }
  w = W (c, j);
  if (w && w->ordinal >= 1 && w->ordinal <= 4)
    {
      q = w->ordinal;
      j++;
    }
  else if (is_num (c, j) && c->t[j].num >= 1 && c->t[j].num <= 4 &&
           R (c, j + 1) == W_ORD_SUFFIX && adjacent (c, j + 1))
    {
      q = c->t[j].num;
      j += 2;
    }
  else if ((word_is (c, j, "q") && is_num (c, j + 1) && adjacent (c, j + 1) &&
            c->t[j + 1].num >= 1 && c->t[j + 1].num <= 4 && c->t[j + 1].ndigits == 1))
    {
      q = c->t[j + 1].num;
      if ((j = parse_year_after (c, j + 2, &y)))
        {
          fmt_quarter (r, y, q);
          return j;
        }
      j = i + 2 + (fiscal ? 1 : 0);
      if (!c->has_ref)
        return 0;
      fmt_quarter (r, c->ry, q);
      return j;
    }
  else
    return 0;
  if (R (c, j) == W_FISCAL)
    {
      fiscal = TRUE;
      j++;
    }
  if (is_punct (c, j, '-') && adjacent (c, j))
    j++;
  w = W (c, j);
  if (w == NULL || w->unit != UNIT_QUARTER || w->plural)
    return 0;
  j++;
  {
    guint k = j;

    if (R (c, k) == W_OF && R (c, k + 1) == W_FISCAL)
      k++;
    if (R (c, k) == W_FISCAL)
      k++;
    if ((k = parse_year_after (c, k, &y)))
      {
        fmt_quarter (r, y, q);
        return k;
      }
  }
  if (!c->has_ref)
    {
      g_snprintf (r->value, sizeof r->value, "XXXX-Q%d", q);
      r->type = TYPE_DATE;
      r->establishes = PREC_NONE;
      return j;
    }
  y = c->ry;
  if (!fiscal && tense_at (c, i) == TENSE_PAST && q > (c->rm - 1) / 3 + 1)
    y--;
  fmt_quarter (r, y, q);
  return j;
}

/* Seasons: "summer 1998", "the winter of nineteen ninety-four" (the
 * determiners are handled by the caller). */
static int
season_start_month (int season)
{
  return season == 1 ? 3 : season == 2 ? 6 : season == 3 ? 9 : 12;
}

/* The season of year @y (a winter is the one that begins in December of
 * @y); it gives later words its first month. */
static void
season_fmt (Res *r,
            int  y,
            int  season)
{
  g_snprintf (r->value, sizeof r->value, "%04d-%s", y, season_codes[season]);
  r->type = TYPE_DATE;
  r->establishes = PREC_MONTH;
  r->day = days_from_civil (y, season_start_month (season), 1);
}

static guint
match_season_year (Ctx  *c,
                   guint i,
                   Res  *r)
{
  const TemporalWord *w = W (c, i);
  int y;
  guint j;

  if (w == NULL || w->season == 0 || w->plural)
    return 0;
  if (!(j = parse_year_after (c, i + 1, &y)))
    return 0;
  season_fmt (r, y, w->season);
  return j;
}

static void
season_rel (Ctx *c,
            Res *r,
            int  season,
            int  n,
            int  dir)
{
  int y;

  if (!c->has_ref)
    {
      g_snprintf (r->value, sizeof r->value, "XXXX-%s", season_codes[season]);
      r->type = TYPE_DATE;
      r->establishes = PREC_NONE;
      return;
    }
  y = c->ry + n;
  if (n != 0)
    {
      /* "last summer" is the latest one over, "next winter" the first one
       * to come */
      int start_m = season == 1 ? 3 : season == 2 ? 6 : season == 3 ? 9 : 12;
      int first = days_from_civil (c->ry, start_m, 1);
      int last = season == 4 ? days_from_civil (c->ry + 1, 2, days_in_month (c->ry + 1, 2)) :
                 days_from_civil (c->ry, start_m + 2, days_in_month (c->ry, start_m + 2));

      if (n < 0)
        y = last < c->ref ? c->ry : c->ry - 1;
      else
        y = first > c->ref ? c->ry : c->ry + 1;
      if (season == 4 && n < 0 && c->rm <= 2)
        y = c->ry - 2 + (days_from_civil (c->ry - 1, 12, 1) + 90 < c->ref);
    }
  else if (n == 0 && dir != 0)
    {
      /* the season now or last: its start month against the reference */
      int start = season == 1 ? 3 : season == 2 ? 6 : season == 3 ? 9 : 12;

      if (dir < 0 && start > c->rm && season != 4)
        y--;
      if (dir < 0 && season == 4 && c->rm >= 3 && c->rm < 12)
        y--;
    }
  season_fmt (r, y, season);
}

/* "today", "yesterday morning", "tomorrow", "tonight", "the day after
 * tomorrow" is handled by the relation matcher. */
static guint
match_day_ref (Ctx  *c,
               guint i,
               Res  *r)
{
  WordRole rr = R (c, i);
  guint j = i + 1;

  switch ((int) rr)
    {
    case W_TODAY:
      /* "USA Today", "VOA Today" are names */
      if ((c->t[i].flags & TOK_F_CAP) && i > 0 && same_sentence (c, i - 1, i) &&
          c->t[i - 1].kind == TOK_WORD && (c->t[i - 1].flags & TOK_F_CAP) &&
          !(c->t[i].flags & TOK_F_NEWLINE) && !is_sentence_start (c, i - 1))
        return 0;
      if (c->has_ref)
        fmt_day (r, c->ref);
      else
        fmt_str (r, TYPE_DATE, "PRESENT_REF");
      break;
    case W_YESTERDAY:
      if (c->has_ref)
        fmt_day (r, c->ref - 1);
      else
        fmt_str (r, TYPE_DATE, "XXXX-XX-XX");
      break;
    case W_TOMORROW:
      if (c->has_ref)
        fmt_day (r, c->ref + 1);
      else
        fmt_str (r, TYPE_DATE, "XXXX-XX-XX");
      break;
    case W_TONIGHT:
      if (c->has_ref)
        fmt_day (r, c->ref);
      else
        fmt_str (r, TYPE_DATE, "XXXX-XX-XX");
      add_pod (r, POD_NI);
      return j;
    default:
      return 0;
    }
  j = add_pod_after (c, j, r);
  return j;
}

/* Whether the "in" at @in closes a superlative: "the highest level in",
 * "for the first time in". */
static gboolean
after_superlative (Ctx  *c,
                   guint in)
{
  static const char *words[] = {
    "first", "only", "most", "least", "best", "worst", "highest", "lowest", "biggest",
    "largest", "smallest", "longest", "shortest", "strongest", "weakest", "fastest",
    "slowest", "deepest", "sharpest", "steepest", "warmest", "coldest", "hottest",
  };

  for (guint d = 1; d <= 6 && in >= d && same_sentence (c, in - d, in); d++)
    for (guint n = 0; n < G_N_ELEMENTS (words); n++)
      if (word_is (c, in - d, words[n]))
        return TRUE;
  return FALSE;
}

/* Durations counted from the reference get an interval: "in three days",
 * "within a month", "+2 months" end at a point ahead; "the past two weeks"
 * and "the next two weeks" cover the period between it and the reference.
 * @before is the first token of the whole expression. */
static void
place_duration (Ctx          *c,
                Res          *r,
                guint         before,
                guint         i,
                double        q,
                TemporalUnit  u)
{
  WordRole prev = before > 0 ? R (c, before - 1) : W_NONE;
  gboolean plus = before > 0 && (is_punct (c, before - 1, '+') || is_punct (c, before - 1, '-')) &&
                  adjacent (c, before);
  int sign = plus && is_punct (c, before - 1, '-') ? -1 : 1;
  int n = q < 0 ? 0 : (int) q, target, mm, yy;

  gboolean from_now = FALSE, until_now = FALSE;

  if (!c->has_ref || r->type != TYPE_DURATION)
    return;
  if (!(plus || prev == W_IN || prev == W_WITHIN || prev == W_AFTER))
    {
      guint x;
      gboolean pl;
      double qq;

      if (q < 0)
        return;
      /* a period that starts now: "closed for three weeks" in the present
       * or the future, or a duration alone in a note, "wait for 5
       * minutes", "1 hour", "give it 2 months" */
      if (prev == W_FOR)
        {
          TemporalTense tense = tense_at (c, i);

          from_now = tense == TENSE_PRESENT || tense == TENSE_FUTURE;
        }
      else if (!(before > 0 && same_sentence (c, before - 1, before) &&
                 c->t[before - 1].kind == TOK_WORD && !word_is (c, before - 1, "it")))
        from_now = fragment_tense (c, i) == TENSE_PRESENT;
      /* "two weeks out": that far ahead */
      if (!from_now && (x = parse_qty (c, i, &qq)) && (x = parse_unit (c, x, &u, &pl)) &&
          word_is (c, x, "out") &&
          (x + 1 >= c->n || c->t[x + 1].kind == TOK_PUNCT || !same_sentence (c, x, x + 1)))
        plus = TRUE;
      else if (!from_now)
        return;
    }
  else if (!plus && tense_at (c, i) == TENSE_PAST)
    return;
  else if (prev == W_IN && after_superlative (c, before - 1))
    {
      /* "the highest level in 20 years", "the first time in a decade":
       * the period up to now */
      sign = -1;
      until_now = TRUE;
    }
  if (q < 0 && u > UNIT_DAY)
    return;
  switch ((int) u)
    {
    case UNIT_SECOND:
    case UNIT_MINUTE:
      target = c->ref;
      break;
    case UNIT_HOUR:
      target = c->ref + sign * (n / 24);
      break;
    case UNIT_DAY:
      target = c->ref + sign * n;
      break;
    case UNIT_WEEK:
    case UNIT_FORTNIGHT:
      target = c->ref + sign * n * (u == UNIT_WEEK ? 7 : 14);
      break;
    case UNIT_MONTH:
    case UNIT_QUARTER:
    case UNIT_YEAR:
    case UNIT_DECADE:
      mm = c->rm - 1 + sign * n * (u == UNIT_MONTH ? 1 : u == UNIT_QUARTER ? 3 :
                                   u == UNIT_YEAR ? 12 : 120);
      yy = c->ry + (mm >= 0 ? mm / 12 : -((11 - mm) / 12));
      mm = ((mm % 12) + 12) % 12 + 1;
      target = days_from_civil (yy, mm, MIN (c->rd, days_in_month (yy, mm)));
      break;
    default:
      return;
    }
  if (from_now || until_now)
    {
      r->has_span = TRUE;
      r->span_first = MIN (c->ref, target);
      r->span_last = MAX (c->ref, target);
      return;
    }
  r->has_point = TRUE;
  r->point = target;
}

static gboolean
compound_unit (TemporalUnit u)
{
  return u == UNIT_SECOND || u == UNIT_MINUTE || u == UNIT_HOUR || u == UNIT_DAY ||
         u == UNIT_WEEK || u == UNIT_MONTH || u == UNIT_YEAR;
}

static int
add_units (int          z,
           int          n,
           TemporalUnit u)
{
  int y, m, d, months;

  switch ((int) u)
    {
    case UNIT_DAY:
      return z + n;
    case UNIT_WEEK:
      return z + 7 * n;
    case UNIT_HOUR:
      return z + n / 24;
    case UNIT_MONTH:
    case UNIT_YEAR:
      civil_from_days (z, &y, &m, &d);
      months = (m - 1) + n * (u == UNIT_MONTH ? 1 : 12);
      y += months >= 0 ? months / 12 : -((11 - months) / 12);
      m = ((months % 12) + 12) % 12 + 1;
      return days_from_civil (y, m, MIN (d, days_in_month (y, m)));
    default:
      return z;
    }
}

/* A duration of several units: "two years and three months" (P2Y3M),
 * "5 minutes 30 seconds", "+2 months, 5 days". @k follows the first part. */
static guint
match_compound (Ctx          *c,
                Res          *r,
                guint         i,
                guint         k,
                double        q,
                TemporalUnit  u)
{
  int amount[UNIT_MILLENNIUM + 1] = { 0 };
  TemporalUnit last = u;
  guint end = k, parts = 1;
  GString *v;

  if (r->type != TYPE_DURATION || q <= 0 || q != (int) q || !compound_unit (u))
    return k;
  amount[u] = (int) q;
  for (;;)
    {
      guint x = end, e;
      double q2;
      TemporalUnit u2;
      gboolean plural;

      if (is_punct (c, x, ','))
        x++;
      if (R (c, x) == W_AND)
        x++;
      if (!same_sentence (c, i, x) || R (c, x) == W_A ||
          !(e = parse_qty (c, x, &q2)) || q2 <= 0 || q2 != (int) q2 ||
          !(e = parse_unit (c, e, &u2, &plural)) || !compound_unit (u2) || u2 >= last)
        break;
      amount[u2] = (int) q2;
      last = u2;
      end = e;
      parts++;
    }
  if (parts == 1)
    return k;

  /* weeks do not mix with other units in ISO 8601 */
  if (amount[UNIT_WEEK])
    {
      amount[UNIT_DAY] += 7 * amount[UNIT_WEEK];
      amount[UNIT_WEEK] = 0;
    }
  v = g_string_new ("P");
  if (amount[UNIT_YEAR])
    g_string_append_printf (v, "%dY", amount[UNIT_YEAR]);
  if (amount[UNIT_MONTH])
    g_string_append_printf (v, "%dM", amount[UNIT_MONTH]);
  if (amount[UNIT_DAY])
    g_string_append_printf (v, "%dD", amount[UNIT_DAY]);
  if (amount[UNIT_HOUR] || amount[UNIT_MINUTE] || amount[UNIT_SECOND])
    {
      g_string_append_c (v, 'T');
      if (amount[UNIT_HOUR])
        g_string_append_printf (v, "%dH", amount[UNIT_HOUR]);
      if (amount[UNIT_MINUTE])
        g_string_append_printf (v, "%dM", amount[UNIT_MINUTE]);
      if (amount[UNIT_SECOND])
        g_string_append_printf (v, "%dS", amount[UNIT_SECOND]);
    }
  g_strlcpy (r->value, v->str, sizeof r->value);
  g_string_free (v, TRUE);

  /* placed ahead like its first part, by all of its parts */
  if (r->has_point)
    {
      int z = c->ref, sign = r->point < c->ref ? -1 : 1;
      int hours = amount[UNIT_HOUR] + amount[UNIT_MINUTE] / 60;

      z = add_units (z, sign * amount[UNIT_YEAR], UNIT_YEAR);
      z = add_units (z, sign * amount[UNIT_MONTH], UNIT_MONTH);
      z = add_units (z, sign * amount[UNIT_DAY], UNIT_DAY);
      z = add_units (z, sign * hours, UNIT_HOUR);
      r->point = z;
    }
  if (r->has_span)
    {
      int z = add_units (c->ref, amount[UNIT_YEAR], UNIT_YEAR);

      z = add_units (z, amount[UNIT_MONTH], UNIT_MONTH);
      z = add_units (z, amount[UNIT_DAY], UNIT_DAY);
      if (r->span_first < c->ref)
        r->span_first = c->ref - (z - c->ref);
      else
        r->span_last = z;
    }
  return end;
}

/* Durations and the dates they lead to: "three days", "four-year", "the
 * past three months", "two years ago", "a week later", "11 days ago". */
/* Nouns of events that last: "the 8-month-old truce", "a decade-old
 * dispute". */
static gboolean
is_event_noun (Ctx  *c,
               guint j)
{
  static const char *nouns[] = {
    "truce", "ceasefire", "cease-fire", "war", "conflict", "strike", "dispute", "standoff",
    "stand-off", "crisis", "recession", "slump", "boom", "rally", "campaign", "investigation",
    "probe", "moratorium", "embargo", "ban", "blockade", "siege", "occupation", "insurgency",
    "rebellion", "uprising", "drought", "shutdown", "lockout", "boycott", "protest",
    "protests", "feud", "battle", "search", "negotiations", "talks", "trial", "lawsuit",
    "freeze", "peace", "struggle", "fight", "effort", "reign", "presidency", "tenure",
    "marriage", "career", "stalemate", "deadlock", "impasse", "downturn", "decline",
  };

  if (j >= c->n || c->t[j].kind != TOK_WORD)
    return FALSE;
  for (guint n = 0; n < G_N_ELEMENTS (nouns); n++)
    if (word_is (c, j, nouns[n]))
      return TRUE;
  return FALSE;
}

static guint
match_quantity (Ctx  *c,
                guint i,
                Res  *r)
{
  double q;
  TemporalUnit u;
  gboolean plural;
  guint j, k;
  WordRole after;

  if (!(j = parse_qty (c, i, &q)))
    return 0;
  /* "two to six days", "one or two weeks", "3-5 years": the first number
   * is a duration of the second's unit */
  if (!(k = parse_unit (c, j, &u, &plural)) && q > 0 && R (c, i) != W_A &&
      (R (c, j) == W_TO || R (c, j) == W_OR ||
       (R (c, j) == W_AND && i > 0 && word_is (c, i - 1, "between")) ||
       (is_punct (c, j, '-') && adjacent (c, j) && adjacent (c, j + 1) && is_num (c, i))))
    {
      double q2;
      guint e;

      if ((e = parse_qty (c, j + 1, &q2)) && q2 > q && R (c, j + 1) != W_A &&
          parse_unit (c, e, &u, &plural) &&
          !(is_punct (c, parse_unit (c, e, &u, &plural), '-') &&
            word_is (c, parse_unit (c, e, &u, &plural) + 1, "old")))
        {
          fmt_duration (r, q, u);
          return j;
        }
      return 0;
    }
  if (!k)
    {
      /* compact units of informal text, "-3y", "3w later", "in 2d": only
       * with a sign, a direction or "in", as "5m" may be millions */
      static const struct { const char *abbr; TemporalUnit unit; } compact[] = {
        { "d", UNIT_DAY }, { "h", UNIT_HOUR }, { "w", UNIT_WEEK }, { "y", UNIT_YEAR },
        { "mo", UNIT_MONTH },
      };
      WordRole next, prev;
      gboolean signed_ = i > 0 && (is_punct (c, i - 1, '+') || is_punct (c, i - 1, '-')) &&
                         adjacent (c, i);

      if (!is_num (c, i) || j != i + 1 || !adjacent (c, j) || c->t[j].kind != TOK_WORD)
        return 0;
      next = R (c, j + 1);
      prev = i > 0 ? R (c, i - 1) : W_NONE;
      if (!signed_ && next != W_AGO && next != W_LATER && next != W_EARLIER &&
          prev != W_IN && prev != W_WITHIN)
        return 0;
      for (guint n = 0; n < G_N_ELEMENTS (compact); n++)
        if (word_is (c, j, compact[n].abbr))
          {
            u = compact[n].unit;
            plural = FALSE;
            k = j + 1;
            break;
          }
      if (!k)
        return 0;
      if (signed_ && is_punct (c, i - 1, '-') && next != W_AGO && next != W_LATER)
        {
          /* "-3y": that long ago */
          rel (c, r, u, -(int) q);
          return k;
        }
    }
  /* "24 hours a day", "seven days a week": how much of each, a set */
  if (k && R (c, k) == W_A && q > 0 && W (c, k + 1) && W (c, k + 1)->unit &&
      !W (c, k + 1)->plural && W (c, k + 1)->unit > u && R (c, k + 2) != W_AGO &&
      R (c, k + 2) != W_EARLIER && R (c, k + 2) != W_LATER && R (c, k + 2) != W_OF)
    {
      fmt_set (r, 1, W (c, k + 1)->unit);
      return k + 2;
    }
  /* "a year or two", "a day or so": an approximate amount */
  if (k && R (c, k) == W_OR && q > 0)
    {
      double q2;
      guint e, e2;
      gboolean pl2;
      TemporalUnit u2;

      if ((e = parse_qty (c, k + 1, &q2)) && q2 > q && R (c, k + 1) != W_A &&
          (!(e2 = parse_unit (c, e, &u2, &pl2)) || u2 == u))
        {
          k = e2 ? e2 : e;
          q = -1;
        }
      else if (word_is (c, k + 1, "so"))
        {
          k += 2;
          q = -1;
        }
      /* "in a year or two": some time ahead */
      if (q < 0 && i > 0 && R (c, i - 1) == W_IN && tense_at (c, i) != TENSE_PAST &&
          R (c, k) != W_AGO && R (c, k) != W_LATER && R (c, k) != W_EARLIER)
        {
          fmt_str (r, TYPE_DATE, "FUTURE_REF");
          return k;
        }
    }
  /* ages are not durations of events here, "a 44-year-old protester",
   * "the 50-year-old alliance"; how long an event has lasted is, "the
   * 8-month-old truce" */
  if (is_punct (c, k, '-') && adjacent (c, k) && word_is (c, k + 1, "old") && q > 0 &&
      !(plural && R (c, i) == W_A) && k + 2 < c->n && same_sentence (c, k + 1, k + 2) && is_event_noun (c, k + 2))
    {
      fmt_duration (r, q, u);
      return k + 2;
    }
  if ((is_punct (c, k, '-') && adjacent (c, k) && word_is (c, k + 1, "old")) ||
      word_is (c, k, "old"))
    return 0;
  /* fractions: "more than a quarter of" */
  if ((u == UNIT_QUARTER || u == UNIT_SECOND) && R (c, k) == W_OF)
    return 0;
  /* "a second call" */
  if (u == UNIT_SECOND && !plural && k < c->n && c->t[k].kind == TOK_WORD &&
      W (c, k) == NULL)
    return 0;
  after = R (c, k);
  /* "Islam will one day be" */
  if (u == UNIT_DAY && q == 1 && word_is (c, i, "one") && i > 0 &&
      (c->t[i - 1].tense & TENSE_MASK) == TENSE_FUTURE &&
      after != W_AGO && after != W_LATER && after != W_EARLIER && after != W_OF)
    {
      fmt_str (r, TYPE_DATE, "FUTURE_REF");
      return k;
    }
  /* "-old", "-long" */
  if (is_punct (c, k, '-') && adjacent (c, k) && (R (c, k + 1) == W_LONG))
    {
      fmt_duration (r, q, u);
      return k + 2;
    }
  if (after == W_AGO || after == W_EARLIER || after == W_LATER ||
      (after == W_FROM && R (c, k + 1) == W_NOW) || after == W_HENCE)
    {
      int n = q < 0 ? 0 : (int) q;
      int sign = (after == W_AGO || after == W_EARLIER) ? -1 : 1;
      guint end = after == W_FROM ? k + 2 : k + 1;

      if (q < 0)
        {
          fmt_str (r, TYPE_DATE, sign < 0 ? "PAST_REF" : "FUTURE_REF");
          return end;
        }
      /* "half a year ago" is six months ago */
      if (q != (int) q && u == UNIT_YEAR)
        {
          q *= 12;
          u = UNIT_MONTH;
        }
      else if (q != (int) q && u == UNIT_DAY)
        {
          q *= 24;
          u = UNIT_HOUR;
        }
      n = (int) (q + 0.5);
      if (u == UNIT_DECADE)
        {
          n *= 10;
          u = UNIT_YEAR;
        }
      /* "two weeks ago" is a day */
      if (u == UNIT_WEEK || u == UNIT_FORTNIGHT)
        {
          n *= u == UNIT_FORTNIGHT ? 14 : 7;
          u = UNIT_DAY;
        }
      if (after == W_AGO || after == W_FROM || after == W_HENCE)
        {
          /* financial news compares with the period just named: "the
           * quarter … from a year ago" */
          if (u == UNIT_YEAR && n == 1 && c->has_quarter &&
              c->t[i].sent - c->q_sent <= 6)
            {
              fmt_quarter (r, c->q_y - 1, c->q_n);
              r->establishes = PREC_NONE;
            }
          else
            rel (c, r, u, sign * n);
        }
      else
        {
          if (u == UNIT_YEAR && n == 1 && c->has_quarter &&
              c->t[i].sent - c->q_sent <= 6)
            {
              fmt_quarter (r, c->q_y - 1, c->q_n);
              r->establishes = PREC_NONE;
            }
          else
            anaphoric (c, r, u, sign * n);
        }
      return end;
    }
  /* a rate: "$5 a day", "interviews a day", "twice a year" */
  if ((R (c, i) == W_A || word_is (c, i, "per")) && q == 1 && i > 0 &&
      after != W_OF && after != W_AFTER && after != W_BEFORE && !is_punct (c, k, '-'))
    {
      guint p = i - 1;
      gboolean rate = is_num (c, p) || is_punct (c, p, '%') ||
                      R (c, p) == W_TIMES || R (c, p) == W_TWICE || R (c, p) == W_ONCE;

      if (!rate && c->t[p].kind == TOK_WORD && W (c, p) == NULL &&
          c->t[p].b1 - c->t[p].b0 > 3 && c->text[c->t[p].b1 - 1] == 's' &&
          !(c->t[p].flags & TOK_F_CAP))
        rate = TRUE;
      /* "$33 million a year", "50,000 CDs a year" */
      if (!rate && c->t[p].kind == TOK_WORD &&
          ((W (c, p) && W (c, p)->number >= 100) || word_is (c, p, "million") ||
           word_is (c, p, "billion") || word_is (c, p, "trillion") ||
           word_is (c, p, "dozen")))
        rate = TRUE;
      if (!rate && c->t[p].kind == TOK_WORD && c->t[p].b1 - c->t[p].b0 >= 3 &&
          c->text[c->t[p].b1 - 1] == 's')
        {
          gboolean acronym = TRUE;

          for (guint32 b = c->t[p].b0; b + 1 < c->t[p].b1; b++)
            if (!g_ascii_isupper (c->text[b]))
              acronym = FALSE;
          rate = acronym;
        }
      if (rate)
        {
          fmt_set (r, 1, u);
          return k;
        }
    }
  fmt_duration (r, q, u);
  place_duration (c, r, i, i, q, u);
  /* TimeML writes thousands of years as millennia */
  if (u == UNIT_YEAR && q >= 1000 && (int) q % 1000 == 0)
    g_snprintf (r->value, sizeof r->value, "P%dL", (int) q / 1000);
  return match_compound (c, r, i, k, q, u);
}

/* Modifiers of a duration: "about", "nearly", "more than", "no more than",
 * "at least", "less than", "up to". */
static guint
parse_approx (Ctx         *c,
              guint        i,
              const char **mod)
{
  WordRole rr = R (c, i);

  if (rr == W_APPROX)
    {
      *mod = word_is (c, i, "nearly") || word_is (c, i, "almost") ? "LESS_THAN" : "APPROX";
      /* "about ~5 hours" */
      if (is_punct (c, i + 1, '~') && is_num (c, i + 2) && adjacent (c, i + 2))
        return i + 2;
      return i + 1;
    }
  if ((rr == W_MORE || rr == W_LESS) && R (c, i + 1) == W_THAN)
    {
      *mod = rr == W_MORE ? "MORE_THAN" : "LESS_THAN";
      return i + 2;
    }
  if (rr == W_NO && (R (c, i + 1) == W_MORE || R (c, i + 1) == W_LESS) &&
      R (c, i + 2) == W_THAN)
    {
      *mod = R (c, i + 1) == W_MORE ? "EQUAL_OR_LESS" : "EQUAL_OR_MORE";
      return i + 3;
    }
  if (rr == W_AT && R (c, i + 1) == W_LEAST)
    {
      *mod = "EQUAL_OR_MORE";
      return i + 2;
    }
  if (rr == W_UP && R (c, i + 1) == W_TO)
    {
      *mod = "EQUAL_OR_LESS";
      return i + 2;
    }
  return 0;
}

/* Bare plural units: "for years", "recent days", "weeks or months", "the
 * weeks ahead", "months earlier". */
static guint
match_bare_plural (Ctx  *c,
                   guint i,
                   Res  *r)
{
  const TemporalWord *w = W (c, i);
  WordRole prev = i > 0 ? R (c, i - 1) : W_NONE;
  guint j = i + 1;

  if (w == NULL || !w->unit || !w->plural || w->role == W_FREQ ||
      w->role == W_LONG_DURATION || w->unit == UNIT_QUARTER)
    return 0;
  if (R (c, j) == W_EARLIER || R (c, j) == W_AGO)
    {
      fmt_str (r, TYPE_DATE, "PAST_REF");
      return j + 1;
    }
  if (R (c, j) == W_LATER)
    {
      fmt_str (r, TYPE_DATE, "FUTURE_REF");
      return j + 1;
    }
  /* "a years-old slump": an event some years long */
  if (is_punct (c, j, '-') && adjacent (c, j) && word_is (c, j + 1, "old") &&
      is_event_noun (c, j + 2) && same_sentence (c, j + 1, j + 2))
    {
      fmt_duration (r, -1, w->unit);
      return j + 2;
    }
  if (prev == W_FOR || prev == W_OVER || prev == W_WITHIN || prev == W_IN ||
      prev == W_AFTER || prev == W_DURING ||
      /* "could take weeks", "spent years", "lasted months" */
      (i > 0 && same_sentence (c, i - 1, i) &&
       (word_is (c, i - 1, "take") || word_is (c, i - 1, "takes") ||
        word_is (c, i - 1, "took") || word_is (c, i - 1, "taken") ||
        word_is (c, i - 1, "taking") || word_is (c, i - 1, "last") ||
        word_is (c, i - 1, "lasts") || word_is (c, i - 1, "lasted") ||
        word_is (c, i - 1, "spend") || word_is (c, i - 1, "spends") ||
        word_is (c, i - 1, "spent") || word_is (c, i - 1, "spending"))))
    {
      if (i + 1 < c->n && (R (c, j) == W_OF || is_num (c, j)))
        return 0;
      fmt_duration (r, -1, w->unit);
      if ((R (c, j) == W_OR || R (c, j) == W_AND) && W (c, j + 1) &&
          W (c, j + 1)->unit && W (c, j + 1)->plural)
        j += 2;
      return j;
    }
  return 0;
}


/* Periods after a determiner: "last week", "this morning", "that
 * evening", "the next day", "the past three months", "last February", "the
 * 1990s", "the third quarter", "the summer", "the past", "the future". */
static guint
match_determined (Ctx  *c,
                  guint i,
                  Res  *r)
{
  WordRole det;
  gboolean the = FALSE, this_past = FALSE;
  guint j = i, k;
  const TemporalWord *w;
  double q;
  TemporalUnit u;
  gboolean plural;

  if (R (c, j) == W_THE)
    {
      the = TRUE;
      j++;
    }
  else if (is_possessive (c, j))
    {
      if ((k = match_quarter (c, j + 1, r)))
        return k;
      if (R (c, j + 1) == W_FISCAL && W (c, j + 2) && W (c, j + 2)->unit == UNIT_YEAR &&
          !W (c, j + 2)->plural)
        {
          fmt_duration (r, 1, UNIT_YEAR);
          return j + 3;
        }
      return 0;
    }
  det = R (c, j);

  if (the && (det == W_NONE || det == W_FISCAL || det == W_A || det == W_DECADE_WORD ||
              det == W_TIME))
    {
      int y;

      /* "the 1990s", "the nineties", "the '90s" */
      if ((k = match_decade (c, j, r)) ||
          ((k = match_year (c, j, r)) && strlen (r->value) == 3))
        return k;
      if ((k = match_century (c, j, r)) || (k = match_quarter (c, j, r)))
        return k;
      /* "the 1988 period": the named quarter of another year */
      if (is_num (c, j) && valid_year_token (c, j) &&
          (R (c, j + 1) == W_PERIOD || (W (c, j + 1) && W (c, j + 1)->unit == UNIT_QUARTER)))
        {
          if (c->has_quarter)
            fmt_quarter (r, c->t[j].num, c->q_n);
          else
            fmt_year (r, c->t[j].num);
          r->establishes = PREC_NONE;
          return j + 2;
        }
      w = W (c, j);
      if (w == NULL)
        return 0;
      /* "the year 2000", "the year two thousand" */
      if (w->unit == UNIT_YEAR && !w->plural &&
          ((k = parse_year (c, j + 1, &y)) || (k = parse_spoken_year (c, j + 1, &y))))
        {
          fmt_year (r, y);
          return k;
        }
      /* "the year-earlier period", "the year-ago quarter" */
      if (w->unit == UNIT_YEAR && !w->plural && is_punct (c, j + 1, '-') &&
          (R (c, j + 2) == W_EARLIER || R (c, j + 2) == W_AGO) &&
          (R (c, j + 3) == W_PERIOD || (W (c, j + 3) && W (c, j + 3)->unit == UNIT_QUARTER)))
        {
          if (c->has_quarter)
            fmt_quarter (r, c->q_y - 1, c->q_n);
          else
            rel (c, r, UNIT_YEAR, -1);
          return j + 4;
        }
      if (det == W_FISCAL && W (c, j + 1) && W (c, j + 1)->unit == UNIT_YEAR &&
          !W (c, j + 1)->plural)
        {
          if ((k = parse_year (c, j + 2, &y)))
            {
              fmt_year (r, y);
              return k;
            }
          fmt_duration (r, 1, UNIT_YEAR);
          return j + 2;
        }
      /* "the weeks ahead" */
      if (w->unit && w->plural && R (c, j + 1) == W_AHEAD)
        {
          fmt_duration (r, -1, w->unit);
          return j + 2;
        }
      /* "the quarter": the one just named; "for the quarter" a duration */
      if (w->unit == UNIT_QUARTER && !w->plural &&
          (word_is (c, j + 1, "ended") || word_is (c, j + 1, "ending")))
        {
          fmt_duration (r, 1, UNIT_QUARTER);
          return j + 1;
        }
      if (w->unit == UNIT_QUARTER && !w->plural && R (c, j + 1) != W_OF)
        {
          if (c->has_quarter)
            fmt_quarter (r, c->q_y, c->q_n);
          else
            rel (c, r, UNIT_QUARTER, -1);
          return j + 1;
        }
      /* seasons */
      if (w->season && !w->plural)
        {
          if ((k = match_season_year (c, j, r)))
            return k;
          if (w->season == 3 && !(i > 0 && R (c, i - 1) == W_IN))
            return 0;
          season_rel (c, r, w->season, 0,
                      tense_at (c, j) == TENSE_PAST ? -1 : 1);
          return j + 1;
        }
      /* "the weekend" */
      if (w->unit == UNIT_WEEKEND && !w->plural)
        {
          TemporalTense tense = tense_at (c, j);

          if (!c->has_ref)
            fmt_str (r, TYPE_DATE, "XXXX-WXX-WE");
          else if (tense == TENSE_FUTURE || tense == TENSE_PRESENT)
            fmt_week (r, c->ref, "-WE");
          else
            fmt_week (r, weekday_of (c->ref) >= 6 ? c->ref : c->ref - 7, "-WE");
          return j + 1;
        }
      /* "at the time": the time just told of; "at the moment": now.
       * Opening a sentence before a clause, "At the time Howes was
       * captured, …", it is a conjunction, as "when" is. */
      if ((w->role == W_TIME || word_is (c, j, "moment")) && i > 0 && R (c, i - 1) == W_AT &&
          R (c, j + 1) != W_OF && !is_num (c, j + 1) &&
          !(is_sentence_start (c, i - 1) && j + 1 < c->n && same_sentence (c, j, j + 1) &&
            (may_be_subject (c, j + 1) || R (c, j + 1) == W_THE)))
        {
          fmt_str (r, TYPE_DATE, w->role == W_TIME ? "PAST_REF" : "PRESENT_REF");
          return j + 1;
        }
      /* "over the years" */
      if (w->unit && w->plural && i > 0 &&
          (R (c, i - 1) == W_OVER || R (c, i - 1) == W_DURING || R (c, i - 1) == W_FOR) &&
          R (c, j + 1) != W_OF)
        {
          fmt_duration (r, -1, w->unit);
          return j + 1;
        }
      return 0;
    }

  if (the && (det == W_PAST || det == W_FUTURE) && R (c, j + 1) != W_OF &&
      !(W (c, j + 1) && (W (c, j + 1)->unit || W (c, j + 1)->number ||
                         W (c, j + 1)->season || W (c, j + 1)->weekday ||
                         W (c, j + 1)->month || R (c, j + 1) == W_SEVERAL ||
                         R (c, j + 1) == W_COUPLE || R (c, j + 1) == W_A ||
                         R (c, j + 1) == W_DECADE_WORD)) &&
      !is_num (c, j + 1))
    {
      fmt_str (r, TYPE_DATE, det == W_PAST ? "PAST_REF" : "FUTURE_REF");
      return j + 1;
    }
  if (the && word_is (c, j, "near") && R (c, j + 1) == W_FUTURE)
    {
      fmt_str (r, TYPE_DATE, "FUTURE_REF");
      return j + 2;
    }

  if (det != W_LAST && det != W_NEXT && det != W_THIS && det != W_THAT &&
      det != W_PAST && det != W_COMING && det != W_PREVIOUS &&
      det != W_FOLLOWING && det != W_LATEST && det != W_SAME && det != W_CURRENT)
    return 0;
  if (the && det == W_THIS)
    return 0;
  if (det == W_CURRENT && !the)
    return 0;
  j++;
  if (det == W_THIS && R (c, j) == W_PAST)
    {
      this_past = TRUE;
      det = W_PAST;
      j++;
    }
  if (det == W_THAT && R (c, j) == W_SAME)
    j++;
  /* "at that time" */
  if (det == W_THAT && !the && R (c, j) == W_TIME && i > 0 && R (c, i - 1) == W_AT)
    {
      fmt_str (r, TYPE_DATE, "PAST_REF");
      return j + 1;
    }

  /* "the past three months", "the next two weeks", "the coming weeks" */
  if (det != W_THAT && det != W_SAME && det != W_THIS && det != W_LATEST &&
      (k = parse_qty (c, j, &q)) && R (c, j) != W_A &&
      (k = parse_unit (c, k, &u, &plural)))
    {
      fmt_duration (r, q, u);
      if (c->has_ref && q > 0 && q == (int) q &&
          (det == W_PAST || det == W_LAST || det == W_NEXT || det == W_COMING))
        {
          Res end = { { 0 } };
          int n = (int) q * (det == W_NEXT || det == W_COMING ? 1 : -1);

          if (u == UNIT_WEEK || u == UNIT_DAY)
            fmt_day (&end, c->ref + n * (u == UNIT_WEEK ? 7 : 1));
          else if (u == UNIT_SECOND || u == UNIT_MINUTE || u == UNIT_HOUR)
            fmt_day (&end, c->ref + (u == UNIT_HOUR ? n / 24 : 0));
          else if (u == UNIT_MONTH || u == UNIT_QUARTER || u == UNIT_YEAR)
            {
              int mm = c->rm - 1 + n * (u == UNIT_MONTH ? 1 : u == UNIT_QUARTER ? 3 : 12);
              int yy = c->ry + (mm >= 0 ? mm / 12 : -((11 - mm) / 12));

              mm = ((mm % 12) + 12) % 12 + 1;
              fmt_day (&end, days_from_civil (yy, mm, MIN (c->rd, days_in_month (yy, mm))));
            }
          if (end.establishes == PREC_DAY)
            {
              r->has_span = TRUE;
              r->span_first = MIN (end.day, c->ref);
              r->span_last = MAX (end.day, c->ref);
            }
        }
      return match_compound (c, r, j, k, q, u);
    }
  /* "the past three summers": each of them, a set */
  if ((det == W_PAST || det == W_LAST || det == W_NEXT || det == W_COMING) &&
      (k = parse_qty (c, j, &q)) && R (c, j) != W_A && W (c, k) && W (c, k)->season &&
      W (c, k)->plural)
    {
      g_snprintf (r->value, sizeof r->value, "XXXX-%s", season_codes[W (c, k)->season]);
      r->type = TYPE_SET;
      r->establishes = PREC_NONE;
      return k + 1;
    }
  w = W (c, j);
  if (w == NULL)
    return 0;
  /* "next weekday", "the previous weekday": the working day after or
   * before */
  if (w->role == W_WEEKDAY_WORD)
    {
      int step = det == W_LAST || det == W_PAST || det == W_PREVIOUS ? -1 :
                 det == W_NEXT || det == W_COMING || det == W_FOLLOWING ? 1 : 0;
      int z;

      if (step == 0 || !c->has_ref)
        return 0;
      z = (the && c->has_day ? c->a_day : c->ref) + step;
      while (weekday_of (z) >= 6)
        z += step;
      fmt_day (r, z);
      r->anaphoric = the;
      return j + 1;
    }
  if (w->unit && w->plural && det != W_THAT && det != W_SAME && det != W_THIS &&
      det != W_LATEST && w->role != W_FREQ)
    {
      fmt_duration (r, -1, w->unit);
      return j + 1;
    }
  /* "these days" */
  if (w->unit == UNIT_DAY && w->plural && word_is (c, j - 1, "these"))
    {
      fmt_str (r, TYPE_DATE, "PRESENT_REF");
      return j + 1;
    }
  if (w->plural)
    return 0;

  /* weekdays, months, seasons, holidays after last/next/this */
  if (!the && w->weekday && !(w->month_flags & MONTH_EN_ABBR) &&
      ((c->t[j].flags & TOK_F_CAP) || c->t[j].b1 - c->t[j].b0 >= 6))
    {
      int dir = det == W_LAST || det == W_PAST || det == W_PREVIOUS ? -2 :
                det == W_COMING ? 2 : 0;

      /* "this Friday" is the coming one, or in a past clause the last one
       * (said on a Sunday, "this Wednesday" is three days ahead, not four
       * behind); "next Friday" is the one of next week */
      if (det == W_THIS && c->has_ref)
        {
          int cur = weekday_of (c->ref);

          if (tense_at (c, j) == TENSE_PAST)
            fmt_day (r, c->ref - (cur - w->weekday + 7) % 7);
          else
            fmt_day (r, c->ref + (w->weekday - cur + 7) % 7);
          return add_pod_after (c, j + 1, r);
        }
      if (det == W_NEXT && c->has_ref)
        {
          int monday = c->ref - weekday_of (c->ref) + 1 + 7;

          fmt_day (r, monday + w->weekday - 1);
          return add_pod_after (c, j + 1, r);
        }

      if (det == W_THAT)
        {
          /* "that Tuesday": the one near the last date */
          if (c->has_day)
            {
              int diff = (w->weekday - weekday_of (c->a_day) + 7) % 7;

              fmt_day (r, c->a_day + diff);
              r->anaphoric = TRUE;
              return add_pod_after (c, j + 1, r);
            }
          dir = 0;
        }
      resolve_weekday (c, r, w->weekday, dir, tense_at (c, j));
      return add_pod_after (c, j + 1, r);
    }
  if (!the && w->month && (w->month_flags & MONTH_EN) && (c->t[j].flags & TOK_F_CAP))
    {
      int dy = det == W_LAST || det == W_PAST ? -1 : det == W_NEXT || det == W_COMING ? 1 : 0;

      if (det == W_THAT)
        return 0;
      if (!c->has_ref)
        resolve_month_day (c, r, w->month, 0, TENSE_NONE);
      else
        fmt_month (r, c->ry + dy, w->month);
      return j + 1;
    }
  if (w->season)
    {
      int n = det == W_LAST || det == W_PAST ? -1 : det == W_NEXT || det == W_COMING ? 1 : 0;

      /* "the following spring", "the previous winter": after or before
       * the last date the text gave */
      if ((det == W_FOLLOWING || det == W_PREVIOUS || (the && det == W_NEXT)) &&
          (c->has_month || c->has_year))
        {
          int s = season_start_month (w->season);
          int y = c->has_month ? c->a_y : c->a_year;
          int m = c->has_month ? c->a_m : (det == W_PREVIOUS ? 1 : 12);

          if (det == W_PREVIOUS)
            y = s + 2 < m ? y : y - 1;
          else
            y = s > m ? y : y + 1;
          season_fmt (r, y, w->season);
          r->anaphoric = TRUE;
          return j + 1;
        }

      if (det == W_THAT || det == W_SAME)
        {
          if (c->has_year)
            {
              g_snprintf (r->value, sizeof r->value, "%04d-%s", c->a_year,
                          season_codes[w->season]);
              r->type = TYPE_DATE;
              r->establishes = PREC_NONE;
              return j + 1;
            }
          n = 0;
        }
      season_rel (c, r, w->season, n,
                  n == 0 && det != W_THIS ? (tense_at (c, j) == TENSE_PAST ? -1 : 1) : 0);
      return j + 1;
    }
  if (!the && w->holiday)
    {
      int dir = det == W_LAST || det == W_PAST ? -1 : det == W_NEXT || det == W_COMING ? 1 : 0;

      if ((k = match_holiday (c, j, r, dir)))
        return k;
    }

  /* parts of the day: "this morning", "last night", "that evening", "the
   * next morning" */
  if (w->pod && !w->unit)
    {
      switch ((int) det)
        {
        case W_THIS:
          if (the)
            return 0;
          rel (c, r, UNIT_DAY, 0);
          break;
        case W_LAST:
        case W_PAST:
          if (the || w->pod != POD_NI)
            return 0;
          rel (c, r, UNIT_DAY, -1);
          break;
        case W_NEXT:
        case W_FOLLOWING:
          anaphoric (c, r, UNIT_DAY, 1);
          break;
        case W_PREVIOUS:
          anaphoric (c, r, UNIT_DAY, -1);
          break;
        case W_THAT:
        case W_SAME:
          anaphoric (c, r, UNIT_DAY, 0);
          break;
        default:
          return 0;
        }
      if (r->establishes == PREC_DAY)
        add_pod (r, w->pod);
      return j + 1;
    }

  if (!w->unit || w->role == W_FREQ || w->role == W_LONG_DURATION)
    return 0;
  u = w->unit;
  k = j + 1;
  /* "the last week of October" is not last week */
  if (R (c, k) == W_OF && (det == W_LAST || det == W_NEXT))
    return 0;
  if (u == UNIT_SECOND || u == UNIT_MINUTE || u == UNIT_HOUR)
    {
      if (det == W_PAST || det == W_LAST || det == W_NEXT || det == W_COMING)
        {
          fmt_duration (r, 1, u);
          /* "the next hour" runs from the reference */
          if (c->has_ref)
            {
              r->has_span = TRUE;
              r->span_first = r->span_last = c->ref;
            }
          return k;
        }
      return 0;
    }

  switch ((int) det)
    {
    case W_THIS:
    case W_CURRENT:
      if (u == UNIT_DECADE || u == UNIT_CENTURY)
        rel (c, r, u, 0);
      else if (u == UNIT_WEEKEND)
        {
          if (c->has_ref)
            fmt_week (r, c->ref, "-WE");
          else
            fmt_str (r, TYPE_DATE, "XXXX-WXX-WE");
        }
      else
        rel (c, r, u, 0);
      break;

    case W_LAST:
    case W_PAST:
    case W_PREVIOUS:
      if (det == W_PREVIOUS && the)
        {
          anaphoric (c, r, u, -1);
          break;
        }
      if (u == UNIT_DECADE || u == UNIT_CENTURY || (u == UNIT_DAY && det != W_PREVIOUS))
        {
          if (det == W_LAST && u == UNIT_CENTURY && !the)
            rel (c, r, u, -1);
          else
            fmt_duration (r, 1, u);
          break;
        }
      if (u == UNIT_WEEKEND && c->has_ref && (this_past || !the))
        {
          fmt_week (r, weekday_of (c->ref) >= 6 && det != W_LAST ? c->ref : c->ref - 7, "-WE");
          break;
        }
      rel (c, r, u, -1);
      break;

    case W_NEXT:
    case W_COMING:
      if (the)
        anaphoric (c, r, u, 1);
      else if (u == UNIT_DECADE || u == UNIT_CENTURY)
        rel (c, r, u, 1);
      else
        rel (c, r, u, 1);
      break;

    case W_FOLLOWING:
      anaphoric (c, r, u, 1);
      break;

    case W_LATEST:
      if (u != UNIT_QUARTER)
        return 0;
      rel (c, r, u, -1);
      break;

    case W_THAT:
    case W_SAME:
      if (u == UNIT_DECADE || u == UNIT_CENTURY)
        return 0;
      if (u == UNIT_WEEKEND)
        {
          if (c->has_day)
            {
              fmt_week (r, c->a_day, "-WE");
              r->anaphoric = TRUE;
            }
          else
            rel (c, r, UNIT_WEEKEND, 0);
          break;
        }
      anaphoric (c, r, u, 0);
      break;

    default:
      return 0;
    }
  return k;
}

/* "the day before Halloween", "the weekend before Halloween", "two days
 * after Christmas", "the day before" */
/* The week before or after an event the text does not date: the one next
 * to the last date when that was a day, else an unknown week of its year,
 * "1989-WXX". */
static void
week_after_event (Ctx *c,
                  Res *r,
                  int  dir)
{
  r->anaphoric = TRUE;
  if (c->has_day && c->a_prec == PREC_DAY)
    {
      fmt_week (r, c->a_day + dir * 7, "");
      return;
    }
  if (c->has_year || c->has_ref)
    {
      g_snprintf (r->value, sizeof r->value, "%04d-WXX", c->has_year ? c->a_year : c->ry);
      r->type = TYPE_DATE;
      r->establishes = PREC_NONE;
      return;
    }
  fmt_str (r, TYPE_DATE, "XXXX-WXX");
}

static guint
match_relation (Ctx  *c,
                guint i,
                Res  *r)
{
  guint j = i, k;
  double q = 1;
  TemporalUnit u;
  const TemporalWord *w;
  int pod = 0, dir;
  Res x = { { 0 } };

  if (R (c, j) == W_THE)
    {
      j++;
      w = W (c, j);
      if (w == NULL || w->plural || (!w->unit && !w->pod))
        return 0;
      u = w->unit ? w->unit : UNIT_DAY;
      pod = w->unit ? 0 : w->pod;
      j++;
    }
  else
    {
      gboolean plural;

      if (!(k = parse_qty (c, j, &q)) || q < 0 || q != (int) q)
        return 0;
      if (!(j = parse_unit (c, k, &u, &plural)))
        return 0;
    }
  /* "the week following the crash" */
  if (R (c, j) == W_FOLLOWING && R (c, i) == W_THE && u == UNIT_WEEK && j + 1 < c->n &&
      same_sentence (c, j, j + 1) && c->t[j + 1].kind == TOK_WORD)
    {
      Res when = { { 0 } };

      if ((k = match_date_core (c, j + 1, &when)) && when.establishes == PREC_DAY)
        {
          fmt_week (r, when.day + 7, "");
          return k;
        }
      week_after_event (c, r, 1);
      return j + 1;
    }
  if (R (c, j) != W_BEFORE && R (c, j) != W_AFTER)
    return 0;
  dir = R (c, j) == W_BEFORE ? -1 : 1;
  j++;
  /* "15 minutes before", "the hour after" closing a clause: like "15
   * minutes earlier", from the last date */
  if ((u == UNIT_SECOND || u == UNIT_MINUTE || u == UNIT_HOUR || u == UNIT_DAY) &&
      (j >= c->n || !same_sentence (c, j - 1, j) ||
       (c->t[j].kind == TOK_PUNCT && !is_num (c, j + 1))))
    {
      anaphoric (c, r, u, dir * (int) q);
      if (pod && r->establishes == PREC_DAY)
        add_pod (r, pod);
      return j;
    }
  if (u != UNIT_DAY && u != UNIT_WEEK && u != UNIT_WEEKEND && u != UNIT_MONTH &&
      u != UNIT_YEAR)
    return 0;
  if (R (c, j) == W_YESTERDAY || R (c, j) == W_TOMORROW || R (c, j) == W_TODAY ||
      W (c, j) != NULL || is_num (c, j))
    {
      if ((k = match_date_core (c, j, &x)) && x.establishes == PREC_DAY)
        {
          int n = (int) q;

          switch ((int) u)
            {
            case UNIT_DAY:
              fmt_day (r, x.day + dir * n);
              if (pod)
                add_pod (r, pod);
              break;
            case UNIT_WEEKEND:
              {
                int sat;

                if (dir < 0)
                  {
                    /* the last Saturday whose Sunday is before the day */
                    sat = x.day - 1 - ((weekday_of (x.day - 1) - 7 + 7) % 7) - 1;
                    sat -= 7 * (n - 1);
                  }
                else
                  {
                    sat = x.day + 1 + ((6 - weekday_of (x.day + 1) + 7) % 7);
                    sat += 7 * (n - 1);
                  }
                fmt_week (r, sat, "-WE");
                r->day = sat;
                r->establishes = PREC_DAY;
              }
              break;
            case UNIT_WEEK:
              if (R (c, i) == W_THE)
                fmt_week (r, x.day + dir * 7 * n, "");
              else
                fmt_day (r, x.day + dir * 7 * n);
              break;
            case UNIT_MONTH:
              {
                int y, m, d;

                civil_from_days (x.day, &y, &m, &d);
                fmt_month (r, y, m + dir * n);
              }
              break;
            default:
              {
                int y, m, d;

                civil_from_days (x.day, &y, &m, &d);
                fmt_year (r, y + dir * n);
              }
              break;
            }
          return k;
        }
    }
  /* "the week after the vote": next to the last date when it was a day,
   * a week of its year otherwise */
  if (R (c, i) == W_THE && u == UNIT_WEEK)
    {
      week_after_event (c, r, dir);
      return j;
    }
  /* "the day before", "the night after": anaphoric when nothing follows */
  if (R (c, i) == W_THE && u == UNIT_DAY)
    {
      anaphoric (c, r, u, dir);
      if (pod && r->establishes == PREC_DAY)
        add_pod (r, pod);
      return j;
    }
  return 0;
}

/* Vague references: "now", "currently", "recently", "recent years", "the
 * past", "the future". */
static guint
match_vague (Ctx  *c,
             guint i,
             Res  *r)
{
  WordRole rr = R (c, i);
  const TemporalWord *w;

  switch ((int) rr)
    {
    case W_NOW:
      /* "15m from now" is not the present */
      if (i > 0 && R (c, i - 1) == W_FROM && !word_is (c, i + 1, "on"))
        return 0;
      /* "Now for the weather.", "Now then, …": a turn in the talk, not a
       * time ("Now for the first time he spoke" is one) */
      if (is_sentence_start (c, i) && i + 1 < c->n && same_sentence (c, i, i + 1) &&
          (R (c, i + 1) == W_FOR || word_is (c, i + 1, "then")))
        {
          gboolean verb = FALSE;

          for (guint j = i + 1; j < c->n && same_sentence (c, i, j) && !verb; j++)
            verb = c->t[j].tense != 0;
          if (!verb)
            return 0;
        }
      fmt_str (r, TYPE_DATE, "PRESENT_REF");
      return i + 1;
    case W_NOWADAYS:
      fmt_str (r, TYPE_DATE, "PRESENT_REF");
      return i + 1;
    case W_RECENT:
      /* "recent years", "recent weeks and months"; "the recent attacks"
       * is not a temporal expression */
      w = W (c, i + 1);
      if (w && w->unit && w->plural && w->role != W_FREQ)
        {
          guint j = i + 2;

          if ((R (c, j) == W_AND || R (c, j) == W_OR) && W (c, j + 1) &&
              W (c, j + 1)->unit && W (c, j + 1)->plural)
            j += 2;
          if (w->unit <= UNIT_DAY && j == i + 2)
            fmt_duration (r, -1, w->unit);
          else
            fmt_str (r, TYPE_DATE, "PAST_REF");
          return j;
        }
      /* "concern about recent declines", but not "the recent attacks" */
      if (i > 0 && (R (c, i - 1) == W_THE || R (c, i - 1) == W_A || is_possessive (c, i - 1) ||
                    R (c, i - 1) == W_THIS || R (c, i - 1) == W_THAT || R (c, i - 1) == W_MORE))
        return 0;
      if (W (c, i + 1) != NULL || c->t[i + 1 < c->n ? i + 1 : i].kind != TOK_WORD)
        return 0;
      fmt_str (r, TYPE_DATE, "PAST_REF");
      return i + 1;
    case W_RECENTLY:
    case W_LATELY:
      /* as a sentence adverbial: "Recently, analysts have said" */
      if (!is_sentence_start (c, i) && !is_punct (c, i + 1, ','))
        return 0;
      fmt_str (r, TYPE_DATE, "PAST_REF");
      return i + 1;
    case W_NONE:
      /* "at present" */
      if (word_is (c, i, "present") && i > 0 && R (c, i - 1) == W_AT &&
          !(W (c, i + 1) && W (c, i + 1)->unit))
        {
          fmt_str (r, TYPE_DATE, "PRESENT_REF");
          return i + 1;
        }
      return 0;
    case W_MORE:
      if (R (c, i + 1) == W_RECENTLY)
        {
          fmt_str (r, TYPE_DATE, "PAST_REF");
          return i + 2;
        }
      return 0;
    case W_A:
      /* "for a while" */
      if (R (c, i + 1) == W_WHILE && i > 0 &&
          (R (c, i - 1) == W_FOR || R (c, i - 1) == W_IN || R (c, i - 1) == W_AFTER))
        {
          fmt_str (r, TYPE_DURATION, "PXX");
          return i + 2;
        }
      return 0;
    default:
      return 0;
    }
}

/* Sets: "every week", "each July", "every other day", "daily". */
static guint
match_set (Ctx  *c,
           guint i,
           Res  *r)
{
  WordRole rr = R (c, i);
  const TemporalWord *w;
  guint j = i + 1;
  double q = 1;
  guint k;

  if (rr == W_FREQ)
    {
      w = W (c, i);
      fmt_set (r, 1, w->unit);
      return i + 1;
    }
  if (rr != W_EVERY)
    return 0;
  if (word_is (c, j, "other"))
    {
      q = 2;
      j++;
    }
  else if ((k = parse_qty (c, j, &q)) && R (c, j) != W_A && q > 0)
    j = k;
  w = W (c, j);
  if (w == NULL)
    return 0;
  if (w->unit && !w->plural == (q == 1 || word_is (c, i + 1, "other")))
    {
      if (w->unit == UNIT_WEEKEND)
        fmt_str (r, TYPE_SET, "XXXX-WXX-WE");
      else
        fmt_set (r, q, w->unit);
      r->type = TYPE_SET;
      return j + 1;
    }
  if (word_is (c, i, "per"))
    return 0;
  if (w->weekday && !(w->month_flags & MONTH_EN_ABBR))
    {
      g_snprintf (r->value, sizeof r->value, "XXXX-WXX-%d", w->weekday);
      r->type = TYPE_SET;
      r->establishes = PREC_NONE;
      return add_pod_after (c, j + 1, r);
    }
  if (w->month && (w->month_flags & MONTH_EN))
    {
      g_snprintf (r->value, sizeof r->value, "XXXX-%02d", w->month);
      r->type = TYPE_SET;
      r->establishes = PREC_NONE;
      return j + 1;
    }
  if (w->season)
    {
      g_snprintf (r->value, sizeof r->value, "XXXX-%s", season_codes[w->season]);
      r->type = TYPE_SET;
      r->establishes = PREC_NONE;
      return j + 1;
    }
  if (w->pod)
    {
      g_snprintf (r->value, sizeof r->value, "XXXX-XX-XXT%s", pod_codes[w->pod]);
      r->type = TYPE_SET;
      r->establishes = PREC_NONE;
      return j + 1;
    }
  return 0;
}

/* A clock time, dated by a following day or the last date: "10 p.m.", "6
 * a.m. Tuesday". */
static guint
match_time (Ctx  *c,
            guint i,
            Res  *r)
{
  int hh, mm;
  guint j, k;
  Res x = { { 0 } };
  gsize len;

  if (!(j = parse_clock (c, i, &hh, &mm)))
    return 0;
  k = R (c, j) == W_ON ? j + 1 : j;
  /* "6 a.m. ten days before the shooting": one time, on a day the text
   * counts from an event it does not date */
  {
    double q;
    guint e, f;
    TemporalUnit u;
    gboolean plural;

    if ((e = parse_qty (c, k, &q)) && q > 0 && (f = parse_unit (c, e, &u, &plural)) &&
        (u == UNIT_DAY || u == UNIT_WEEK) && (R (c, f) == W_BEFORE || R (c, f) == W_AFTER) &&
        f + 1 < c->n && same_sentence (c, f, f + 1) && R (c, f + 1) == W_THE &&
        !match_date_core (c, f + 1, &x))
      {
        g_snprintf (r->value, sizeof r->value, "XXXX-XX-XXT%02d:%02d", hh, mm);
        r->type = TYPE_TIME;
        r->establishes = PREC_NONE;
        return f + 1;
      }
    memset (&x, 0, sizeof x);
  }
  if (R (c, k) != W_THE && (k = match_date_core (c, k, &x)) && x.establishes == PREC_DAY &&
      !strchr (x.value, 'T'))
    {
      *r = x;
      j = k;
    }
  else if (c->has_day && c->t[i].sent - (c->t[i].sent > 0 ? 1 : 0) <= c->t[i].sent)
    fmt_day (r, c->a_day);
  else if (c->has_ref)
    fmt_day (r, c->ref);
  else
    fmt_str (r, TYPE_DATE, "XXXX-XX-XX");
  len = strlen (r->value);
  g_snprintf (r->value + len, sizeof r->value - len, "T%02d:%02d", hh, mm);
  r->type = TYPE_TIME;
  return j;
}

/* The core of a date expression, without an early/late modifier. */
static guint
match_date_core (Ctx  *c,
                 guint i,
                 Res  *r)
{
  guint k;

  typedef guint (*Matcher) (Ctx *, guint, Res *);
  static const Matcher matchers[] = {
    match_fiscal_half, match_numeric, match_weekday_plain, match_month_first, match_day_first,
    match_day_ref, match_determined, match_quarter, match_century, match_decade,
    match_season_year, match_year,
  };

  res_reset (r);
  if ((k = match_holiday (c, i, r, 0)))
    return k;
  for (guint n = 0; n < G_N_ELEMENTS (matchers); n++)
    {
      res_reset (r);
      if ((k = matchers[n] (c, i, r)))
        return k;
      /* the tokens were a broken date: nothing else may take them */
      if (c->skip_to > i)
        break;
    }
  res_reset (r);
  return 0;
}

static guint
match_core (Ctx  *c,
            guint i,
            Res  *r)
{
  guint k, j;
  const char *mod = NULL;
  int y;

  res_reset (r);
  if ((k = match_relation (c, i, r)))
    return k;
  if ((k = match_time (c, i, r)))
    return k;
  if ((k = match_date_core (c, i, r)))
    return k;
  if (c->skip_to > i)
    return 0;
  if ((j = parse_approx (c, i, &mod)) && (k = match_quantity (c, j, r)))
    {
      double q;
      TemporalUnit u;
      gboolean plural;
      guint e;

      if (!r->has_point && (e = parse_qty (c, j, &q)) && parse_unit (c, e, &u, &plural))
        place_duration (c, r, i, j, q, u);
      r->mod = mod;
      return k;
    }
  if ((k = match_quantity (c, i, r)) ||
      (k = match_bare_plural (c, i, r)) ||
      (k = match_vague (c, i, r)) ||
      (k = match_set (c, i, r)))
    return k;
  if (R (c, i) == W_LONG_DURATION)
    {
      fmt_duration (r, 1, W (c, i)->unit);
      return i + 1;
    }
  /* "month-long", "year-long" */
  if (W (c, i) && W (c, i)->unit && !W (c, i)->plural && is_punct (c, i + 1, '-') &&
      adjacent (c, i + 1) && R (c, i + 2) == W_LONG && word_is (c, i + 2, "long"))
    {
      fmt_duration (r, 1, W (c, i)->unit);
      return i + 3;
    }
  if ((k = parse_spoken_year (c, i, &y)) &&
      (y < 2000 || i == 0 || R (c, i - 1) == W_IN || R (c, i - 1) == W_OF ||
       R (c, i - 1) == W_SINCE))
    {
      fmt_year (r, y);
      return k;
    }
  res_reset (r);
  return 0;
}

/* Modified dates: "early Tuesday", "late last year", "mid-1996", "the
 * late 1970s", "earlier this year", "the end of the year", "the middle of
 * October", "earlier in the year". */
static guint
match_edge (Ctx  *c,
            guint i,
            Res  *r)
{
  guint j = i, k;
  gboolean the = FALSE;
  WordRole e;
  const char *mod;

  if (R (c, j) == W_THE)
    {
      the = TRUE;
      j++;
    }
  e = R (c, j);
  if (e == W_EARLY || e == W_LATE || e == W_MID)
    {
      mod = e == W_EARLY ? "START" : e == W_LATE ? "END" : "MID";
      j++;
      if (is_punct (c, j, '-') && adjacent (c, j))
        j++;
      if ((k = match_date_core (c, j, r)) && r->type != TYPE_DURATION &&
          !g_str_has_suffix (r->value, "_REF") && !r->anaphoric)
        {
          /* "the early 1990s" but not "the early Tuesday" */
          if (the && !(strlen (r->value) <= 4))
            return 0;
          r->mod = mod;
          return k;
        }
      return 0;
    }
  if (the)
    {
      if ((e == W_BEGINNING || e == W_END || e == W_MIDDLE) && R (c, j + 1) == W_OF)
        {
          const TemporalWord *w;

          mod = e == W_BEGINNING ? "START" : e == W_END ? "END" : "MID";
          j += 2;
          w = W (c, j + 1);
          if (R (c, j) == W_THE && w && w->unit >= UNIT_DAY && !w->plural &&
              w->unit != UNIT_WEEKEND && R (c, j + 2) != W_OF)
            {
              rel (c, r, w->unit, 0);
              r->mod = mod;
              return j + 2;
            }
          if ((k = match_date_core (c, j, r)) && r->type != TYPE_DURATION &&
              !g_str_has_suffix (r->value, "_REF"))
            {
              r->mod = mod;
              return k;
            }
        }
      return 0;
    }
  if (e == W_EARLIER || e == W_LATER)
    {
      const TemporalWord *w;

      mod = e == W_EARLIER ? "START" : "END";
      j++;
      if (R (c, j) == W_IN && R (c, j + 1) == W_THE && (w = W (c, j + 2)) &&
          w->unit >= UNIT_DAY && w->unit <= UNIT_YEAR && !w->plural &&
          w->unit != UNIT_WEEKEND && R (c, j + 3) != W_OF)
        {
          if (w->unit == UNIT_DAY)
            anaphoric (c, r, UNIT_DAY, 0);
          else
            rel (c, r, w->unit, 0);
          r->mod = mod;
          return j + 3;
        }
      if (R (c, j) == W_THIS || R (c, j) == W_THAT || R (c, j) == W_TODAY ||
          R (c, j) == W_TONIGHT || R (c, j) == W_YESTERDAY || R (c, j) == W_TOMORROW ||
          (W (c, j) && W (c, j)->weekday && (c->t[j].flags & TOK_F_CAP)))
        {
          if ((k = match_date_core (c, j, r)) && r->type != TYPE_DURATION)
            {
              r->mod = mod;
              return k;
            }
        }
      return 0;
    }
  return 0;
}

static guint
match_at (Ctx  *c,
          guint i,
          Res  *r)
{
  guint k;

  if ((k = match_edge (c, i, r)))
    return k;
  return match_core (c, i, r);
}

/* ------------------------------------------------------------ intervals */

static gboolean
parse_digits (const char *s,
              int         n,
              int        *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

/* The days a calendar value covers (inclusive) and its precision. */
static const char *
value_interval (const char *v,
                int        *first,
                int        *last)
{
  int y, m, d, n;
  gsize len = strlen (v);

  if (len >= 4 && parse_digits (v, 4, &y))
    {
      if (len == 4)
        {
          *first = days_from_civil (y, 1, 1);
          *last = days_from_civil (y, 12, 31);
          return "year";
        }
      if (v[4] != '-')
        return NULL;
      if (len >= 7 && parse_digits (v + 5, 2, &m) && m >= 1 && m <= 12)
        {
          if (len >= 10 && v[7] == '-' && parse_digits (v + 8, 2, &d) &&
              d >= 1 && d <= days_in_month (y, m))
            {
              *first = *last = days_from_civil (y, m, d);
              if (len > 10 && v[10] == 'T')
                return g_ascii_isdigit (v[11]) ? "time" : "part-of-day";
              return "day";
            }
          if (len == 7)
            {
              *first = days_from_civil (y, m, 1);
              *last = days_from_civil (y, m, days_in_month (y, m));
              return "month";
            }
          return NULL;
        }
      if (v[5] == 'W' && len >= 8 && parse_digits (v + 6, 2, &n) && n >= 1 && n <= 53)
        {
          int monday = iso_week_monday (y, n);

          if (len == 11 && strcmp (v + 8, "-WE") == 0)
            {
              *first = monday + 5;
              *last = monday + 6;
              return "weekend";
            }
          if (len == 10 && v[8] == '-' && v[9] >= '1' && v[9] <= '7')
            {
              *first = *last = monday + (v[9] - '1');
              return "day";
            }
          *first = monday;
          *last = monday + 6;
          return "week";
        }
      if (v[5] == 'Q' && len == 7 && v[6] >= '1' && v[6] <= '4')
        {
          int q = v[6] - '0';

          *first = days_from_civil (y, (q - 1) * 3 + 1, 1);
          *last = days_from_civil (y, q * 3, days_in_month (y, q * 3));
          return "quarter";
        }
      if (v[5] == 'H' && len == 7 && (v[6] == '1' || v[6] == '2'))
        {
          *first = days_from_civil (y, v[6] == '1' ? 1 : 7, 1);
          *last = days_from_civil (y, v[6] == '1' ? 6 : 12, v[6] == '1' ? 30 : 31);
          return "half-year";
        }
      if (len == 7)
        {
          static const struct { const char *code; int m0, m1; } seasons[] = {
            { "SP", 3, 5 }, { "SU", 6, 8 }, { "FA", 9, 11 }, { "WI", 12, 14 },
          };

          for (guint s = 0; s < G_N_ELEMENTS (seasons); s++)
            if (strcmp (v + 5, seasons[s].code) == 0)
              {
                int m1 = seasons[s].m1, y1 = y;

                if (m1 > 12)
                  {
                    m1 -= 12;
                    y1++;
                  }
                *first = days_from_civil (y, seasons[s].m0, 1);
                *last = days_from_civil (y1, m1, days_in_month (y1, m1));
                return "season";
              }
        }
      return NULL;
    }
  if (len == 3 && parse_digits (v, 3, &y))
    {
      *first = days_from_civil (y * 10, 1, 1);
      *last = days_from_civil (y * 10 + 9, 12, 31);
      return "decade";
    }
  if (len == 2 && parse_digits (v, 2, &y))
    {
      *first = days_from_civil (y * 100, 1, 1);
      *last = days_from_civil (y * 100 + 99, 12, 31);
      return "century";
    }
  return NULL;
}

/* ------------------------------------------------------------- analysis */

static void
establish (Ctx       *c,
           const Res *r,
           guint      sent)
{
  int y, m, d;

  if (r->type == TYPE_DURATION || r->type == TYPE_SET)
    return;
  if (r->establishes != PREC_NONE)
    c->a_prec = r->establishes;
  switch (r->establishes)
    {
    case PREC_DAY:
      c->has_day = TRUE;
      c->a_day = r->day;
      G_GNUC_FALLTHROUGH;
    case PREC_WEEK:
    case PREC_MONTH:
      civil_from_days (r->day, &y, &m, &d);
      c->has_month = TRUE;
      c->a_y = y;
      c->a_m = m;
      c->has_year = TRUE;
      c->a_year = y;
      break;
    case PREC_QUARTER:
      c->has_quarter = TRUE;
      c->q_y = r->qy;
      c->q_n = r->qn;
      c->q_sent = sent;
      c->has_year = TRUE;
      c->a_year = r->qy;
      break;
    case PREC_YEAR:
      civil_from_days (r->day, &y, &m, &d);
      c->has_year = TRUE;
      c->a_year = y;
      break;
    case PREC_NONE:
    default:
      break;
    }
}

static void
format_iso_day (char buf[16],
                int  z)
{
  int y, m, d;

  civil_from_days (z, &y, &m, &d);
  if (y < 0 || y > 9999)
    {
      g_snprintf (buf, 16, "%04d-%02d-%02d", y, m, d);
      return;
    }
  buf[0] = '0' + y / 1000;
  buf[1] = '0' + y / 100 % 10;
  buf[2] = '0' + y / 10 % 10;
  buf[3] = '0' + y % 10;
  buf[4] = '-';
  buf[5] = '0' + m / 10;
  buf[6] = '0' + m % 10;
  buf[7] = '-';
  buf[8] = '0' + d / 10;
  buf[9] = '0' + d % 10;
  buf[10] = '\0';
}

static void
emit (Ctx       *c,
      GPtrArray *out,
      guint      i,
      guint      k,
      const Res *r)
{
  DossierTimexInit init = { 0 };
  const DossierSentence *s = NULL;
  g_autofree char *span = NULL;
  g_autofree char *sentence = NULL;
  char istart[16], iend[16];
  int first, last;
  const char *precision;

  span = g_strndup (c->text + c->t[i].b0, c->t[k - 1].b1 - c->t[i].b0);
  if (c->t[i].sent < c->sentences->len)
    {
      s = &g_array_index (c->sentences, DossierSentence, c->t[i].sent);
      sentence = g_strndup (c->text + s->byte_start, s->byte_end - s->byte_start);
    }
  init.text = span;
  init.value = r->value;
  init.timex_type = r->type;
  init.mod = r->mod;
  init.start = c->t[i].c0;
  init.end = c->t[k - 1].c1;
  init.sentence = sentence;
  init.sentence_start = s ? s->start : 0;
  precision = NULL;
  if (r->type != TYPE_DURATION && r->type != TYPE_SET)
    precision = value_interval (r->value, &first, &last);
  if (precision == NULL && r->has_point)
    {
      first = last = r->point;
      precision = "day";
    }
  else if (precision == NULL && r->has_span)
    {
      first = r->span_first;
      last = r->span_last;
      precision = "day";
    }
  else if (precision == NULL && strcmp (r->value, "PRESENT_REF") == 0 && c->has_ref)
    {
      /* "now" is the day of publication */
      first = last = c->ref;
      precision = "day";
    }
  if (precision != NULL)
    {
      /* midnight, T24:00, is the start of the next day */
      if (strlen (r->value) >= 13 && strcmp (r->value + 10, "T24:00") == 0)
        first = last = first + 1;
      format_iso_day (istart, first);
      format_iso_day (iend, last);
      init.precision = precision;
      init.interval_start = istart;
      init.interval_end = iend;
    }
  g_ptr_array_add (out, _dossier_timex_new (&init));
}

/* Whether an expression may start at token @i: most tokens are rejected
 * here, so that the matchers only run where a temporal word is. */
static gboolean
may_start (Ctx  *c,
           guint i)
{
  const TemporalToken *t = &c->t[i];
  const TemporalWord *w = t->w;
  const TemporalToken *next = i + 1 < c->n ? &c->t[i + 1] : NULL;

  if (t->kind == TOK_NUM)
    return TRUE;
  if (t->kind == TOK_PUNCT)
    return is_apostrophe (c, i) && next && next->kind == TOK_NUM;
  if (w == NULL)
    {
      if (t->b1 - t->b0 == 1 && (c->text[t->b0] | 0x20) == 'q')
        return next && next->kind == TOK_NUM;
      return next && next->w && (next->w->ordinal || next->w->role == W_FISCAL) &&
             is_possessive (c, i);
    }
  if (w->month || w->weekday || w->holiday || w->number || w->ordinal || w->unit ||
      w->season)
    return TRUE;
  switch ((int) w->role)
    {
    case W_THE: case W_A: case W_THIS: case W_THAT: case W_LAST: case W_NEXT:
    case W_PAST: case W_COMING: case W_PREVIOUS: case W_FOLLOWING: case W_LATEST:
    case W_SAME: case W_CURRENT: case W_EARLY: case W_LATE: case W_MID:
    case W_EARLIER: case W_LATER: case W_EVERY: case W_APPROX: case W_MORE:
    case W_LESS: case W_NO: case W_AT: case W_UP: case W_SEVERAL: case W_COUPLE:
    case W_HALF: case W_FISCAL:
      /* only before another temporal word or a number */
      return next != NULL && (next->kind == TOK_NUM || next->w != NULL ||
                              (next->kind == TOK_PUNCT && (next->num == '-' || next->num == '\'' ||
                                                           next->num == 0x2019 ||
                                                           next->num == '~')));
    case W_NOW: case W_TODAY: case W_YESTERDAY: case W_TOMORROW: case W_TONIGHT:
    case W_RECENT: case W_RECENTLY: case W_LATELY: case W_NOWADAYS: case W_FREQ:
    case W_LONG_DURATION: case W_DECADE_WORD: case W_NOON: case W_MIDNIGHT:
      return TRUE;
    case W_NONE:
      /* "at present" */
      return i > 0 && R (c, i - 1) == W_AT && word_is (c, i, "present");
    default:
      return FALSE;
    }
}

static void
analyze_tokens (Ctx       *c,
                GPtrArray *out)
{
  for (guint i = 0; i < c->n;)
    {
      Res r;
      guint k;

      if (i < c->skip_to)
        {
          i = c->skip_to;
          continue;
        }
      if (!may_start (c, i) || !(k = match_at (c, i, &r)) || k <= i)
        {
          i = MAX (i + 1, c->skip_to);
          continue;
        }
      /* an expression never crosses a sentence */
      while (k - 1 > i && c->t[k - 1].sent != c->t[i].sent)
        k--;
      emit (c, out, i, k, &r);
      establish (c, &r, c->t[i].sent);

      /* the second day of "April 24 and 25", "Nov. 15-16" */
      if (r.establishes == PREC_DAY && strlen (r.value) == 10 && k + 1 < c->n &&
          (R (c, k) == W_AND || R (c, k) == W_OR || R (c, k) == W_TO ||
           (is_punct (c, k, '-') && adjacent (c, k + 1))) &&
          is_num (c, k + 1) && c->t[k + 1].ndigits <= 2 && same_sentence (c, i, k + 1))
        {
          int y, m, d, d2 = c->t[k + 1].num;
          const TemporalWord *nw = W (c, k + 2);

          civil_from_days (r.day, &y, &m, &d);
          if (d2 > d && d2 <= days_in_month (y, m) &&
              !(nw && (nw->month || nw->unit || nw->number)) &&
              !is_punct (c, k + 2, '%') && !is_punct (c, k + 2, ':') &&
              !(is_punct (c, k + 2, '.') && is_num (c, k + 3)))
            {
              Res r2 = { { 0 } };

              fmt_day (&r2, days_from_civil (y, m, d2));
              emit (c, out, k + 1, k + 2, &r2);
              establish (c, &r2, c->t[i].sent);
              k += 2;
            }
        }
      i = k;
    }
}

/**
 * dossier_timeline_analyze:
 * @text: the article text
 * @reference: (nullable): the reference (publication) date
 *
 * Finds the temporal expressions of @text and normalises them to TIMEX3
 * values: dates relative to @reference, anaphoric ones ("the next day")
 * relative to the last date the text established. Without a reference,
 * relative expressions are still found, with underspecified values
 * (`XXXX-WXX-2`, `PRESENT_REF`).
 *
 * Returns: (transfer full) (element-type DossierTimex): the timexes in text
 *   order
 */
GPtrArray *
dossier_timeline_analyze (const char *text,
                          GDateTime  *reference)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) sentences = NULL;
  g_autofree TemporalToken *toks = NULL;
  gsize cap = 0;
  Ctx c = { 0 };

  g_return_val_if_fail (text != NULL, NULL);

  sentences = dossier_sentences_split (text);
  c.text = text;
  c.sentences = sentences;
  if (reference != NULL)
    {
      g_date_time_get_ymd (reference, &c.ry, &c.rm, &c.rd);
      c.has_ref = TRUE;
      c.ref = days_from_civil (c.ry, c.rm, c.rd);
    }

  /* a few kilobytes of whole sentences at a time: the tokens stay in the
   * cache; expressions never cross a sentence */
  for (guint s0 = 0; s0 < sentences->len;)
    {
      const DossierSentence *first = &g_array_index (sentences, DossierSentence, s0);
      guint s1 = s0 + 1;

      while (s1 < sentences->len &&
             g_array_index (sentences, DossierSentence, s1).byte_end - first->byte_start < 16384)
        s1++;
      c.n = _dossier_temporal_tokenize (text, first->byte_start,
                                        g_array_index (sentences, DossierSentence, s1 - 1).byte_end,
                                        first->start, sentences, s0, &toks, &cap);
      c.t = toks;
      c.skip_to = 0;
      analyze_tokens (&c, out);
      s0 = s1;
    }

  return g_steal_pointer (&out);
}

/**
 * dossier_timeline_to_json:
 * @timexes: (element-type DossierTimex): timexes
 *
 * Returns: (transfer full): a JSON array of `{ text, value, type, start,
 *   end, sentence, precision, interval_start, interval_end }` objects, with
 *   `mod` when the expression carries one (interval ends are inclusive)
 */
JsonNode *
dossier_timeline_to_json (GPtrArray *timexes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (timexes != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < timexes->len; i++)
    {
      DossierTimex *t = g_ptr_array_index (timexes, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, dossier_timex_get_text (t));
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, dossier_timex_get_value (t));
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, dossier_timex_get_timex_type (t));
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, dossier_timex_get_start (t));
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, dossier_timex_get_end (t));
      json_builder_set_member_name (builder, "sentence");
      json_builder_add_string_value (builder, dossier_timex_get_sentence (t));
      json_builder_set_member_name (builder, "precision");
      if (dossier_timex_get_precision (t))
        json_builder_add_string_value (builder, dossier_timex_get_precision (t));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "interval_start");
      if (dossier_timex_get_interval_start (t))
        json_builder_add_string_value (builder, dossier_timex_get_interval_start (t));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "interval_end");
      if (dossier_timex_get_interval_end (t))
        json_builder_add_string_value (builder, dossier_timex_get_interval_end (t));
      else
        json_builder_add_null_value (builder);
      if (dossier_timex_get_mod (t))
        {
          json_builder_set_member_name (builder, "mod");
          json_builder_add_string_value (builder, dossier_timex_get_mod (t));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}
