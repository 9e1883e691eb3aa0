/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Time units, in the order of their TIMEX3 duration letters. */
typedef enum
{
  UNIT_NONE = 0,
  UNIT_SECOND,
  UNIT_MINUTE,
  UNIT_HOUR,
  UNIT_DAY,
  UNIT_WEEKEND,
  UNIT_WEEK,
  UNIT_FORTNIGHT,
  UNIT_MONTH,
  UNIT_QUARTER,
  UNIT_SEASON,
  UNIT_YEAR,
  UNIT_DECADE,
  UNIT_CENTURY,
  UNIT_MILLENNIUM,
} TemporalUnit;

typedef enum
{
  POD_NONE = 0,
  POD_MO,
  POD_MI,
  POD_AF,
  POD_EV,
  POD_NI,
  POD_DT,
} TemporalPod;

typedef enum
{
  TENSE_NONE = 0,
  TENSE_PAST,
  TENSE_FUTURE,
  TENSE_PRESENT,
  TENSE_MASK = 3,
  TENSE_STRONG = 4,   /* an auxiliary: "will", "was", "has" */
} TemporalTense;

/* What a word may do in a temporal expression, beyond the numeric fields. */
typedef enum
{
  W_NONE = 0,
  W_THE,
  W_A,              /* a, an */
  W_THIS,
  W_THAT,
  W_LAST,
  W_NEXT,
  W_PAST,
  W_COMING,
  W_PREVIOUS,       /* previous, preceding, prior */
  W_FOLLOWING,
  W_LATEST,
  W_SAME,
  W_EARLY,
  W_LATE,
  W_MID,
  W_MIDDLE,
  W_BEGINNING,      /* beginning, start */
  W_END,
  W_EARLIER,
  W_LATER,
  W_AGO,
  W_BEFORE,
  W_AFTER,
  W_OF,
  W_IN,
  W_ON,
  W_FROM,
  W_NOW,
  W_HENCE,
  W_TODAY,
  W_YESTERDAY,
  W_TOMORROW,
  W_TONIGHT,
  W_CURRENT,
  W_CURRENTLY,
  W_RECENT,
  W_RECENTLY,
  W_LATELY,
  W_NOWADAYS,
  W_FUTURE,
  W_EVERY,          /* every, each, per */
  W_FREQ,           /* daily, weekly… (unit in the entry) */
  W_APPROX,         /* about, nearly, almost, around, approximately, roughly, some */
  W_MORE,
  W_LESS,           /* less, fewer */
  W_THAN,
  W_AT,
  W_LEAST,
  W_NO,
  W_UP,
  W_TO,
  W_FOR,
  W_OVER,
  W_WITHIN,
  W_DURING,
  W_SEVERAL,        /* several, few, many, some */
  W_COUPLE,
  W_HALF,
  W_AND,
  W_OR,
  W_FISCAL,
  W_YEAR_EARLIER,   /* year-earlier (as "year" "-" "earlier") handled in code */
  W_PERIOD,
  W_AHEAD,
  W_LONG,           /* long, old (duration adjectives) */
  W_AM,
  W_PM,
  W_NOON,
  W_MIDNIGHT,
  W_OCLOCK,
  W_TIMEZONE,
  W_ONCE,
  W_TIMES,
  W_TWICE,
  W_YEAR_WORD_M,    /* Lithuanian "m." after a year */
  W_YEAR_MARK,      /* г., года, р., року, r., roku after a year */
  W_DAY_MARK,       /* Lithuanian "d." after a day */
  W_DE,             /* de, del, do, da (Romance "of") */
  W_LE,             /* le, el, il, am, den, der, im */
  W_ER,             /* French 1er */
  W_CENTURY_WORD,
  W_ORD_SUFFIX,     /* st, nd, rd, th */
  W_S_SUFFIX,       /* the s of 1990s */
  W_HOLIDAY_START,
  W_LONG_DURATION,  /* monthlong, yearlong… (unit in the entry) */
  W_DECADE_WORD,    /* twenties … nineties (value 2..9) */
  W_SINCE,
  W_UNTIL,
  W_BY,
  W_TIME,
  W_DATE,
  W_FORMER,
  W_WHILE,
  W_WEEKDAY_WORD,   /* "weekday": a working day */
} WordRole;

typedef struct
{
  guint8  role;        /* WordRole */
  gint8   month;       /* 1..12 */
  guint8  month_flags; /* MONTH_EN, MONTH_EN_ABBR, MONTH_FOREIGN */
  gint8   weekday;     /* 1 (Monday) .. 7 */
  gint16  number;      /* cardinal number word, 0 if none */
  gint8   ordinal;     /* ordinal number word, 0 if none */
  guint8  unit;        /* TemporalUnit */
  guint8  plural;
  guint8  pod;         /* TemporalPod */
  gint8   season;      /* 1 SP, 2 SU, 3 FA, 4 WI */
  guint8  tense;       /* TemporalTense cue */
  guint8  holiday;     /* index + 1 into the holiday table */
} TemporalWord;

enum
{
  MONTH_EN      = 1 << 0,
  MONTH_EN_ABBR = 1 << 1,
  MONTH_FOREIGN = 1 << 2,
};

typedef enum
{
  HOLIDAY_FIXED,        /* month, day */
  HOLIDAY_NTH_WEEKDAY,  /* month, weekday, n (-1 = last) */
  HOLIDAY_EASTER,       /* offset in days from Easter Sunday */
} HolidayKind;

typedef struct
{
  const char *words[5];  /* lower-case tokens, without punctuation */
  HolidayKind kind;
  gint8       month;
  gint8       day;       /* day of month, or weekday, or Easter offset */
  gint8       nth;
} TemporalHoliday;

#define TEMPORAL_TABLE_SIZE 4096u
#define TEMPORAL_MAX_WORD 24   /* bytes of the longest lexicon word, and more */

/* 8 bytes, so that the whole table stays in the first-level cache */
typedef struct
{
  guint32 hash;
  guint16 len;
  guint16 row;   /* index + 1 of the word; 0 for an empty slot */
} TemporalSlot;

const TemporalSlot    *_dossier_temporal_table        (const char * const         **row_words,
                                                       const TemporalWord * const **row_entries);

#define TEMPORAL_HASH_INIT 2166136261u
#define TEMPORAL_HASH_STEP(h, byte) (((h) ^ (byte)) * 16777619u)

guint32                _dossier_temporal_hash_bytes   (const char *s,
                                                       gsize       len);
const TemporalWord    *_dossier_temporal_lookup       (const char *lower,
                                                       gsize       len);
const TemporalWord    *_dossier_temporal_lookup_hashed (const char *lower,
                                                        gsize       len,
                                                        guint32     hash);
const TemporalHoliday *_dossier_temporal_holiday      (guint       index);
guint                  _dossier_temporal_n_holidays   (void);

G_END_DECLS
