/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dossier-temporal-private.h"

G_BEGIN_DECLS

typedef enum
{
  TOK_WORD,
  TOK_NUM,
  TOK_PUNCT,
} TokKind;

enum
{
  TOK_F_SPACE   = 1 << 0,  /* white space before the token */
  TOK_F_NEWLINE = 1 << 1,  /* a line break before the token */
  TOK_F_CAP     = 1 << 2,  /* starts with an upper-case letter */
};

typedef struct
{
  guint32             b0, b1;   /* byte range */
  guint32             c0, c1;   /* code-point range */
  guint8              kind;     /* TokKind */
  guint8              flags;
  guint8              ndigits;  /* digits of a number */
  guint8              tense;    /* TemporalTense cue */
  gint32              num;      /* value of a number, code point of punctuation */
  const TemporalWord *w;        /* lexicon entry of a word */
  guint32             sent;     /* sentence index */
} TemporalToken;

guint _dossier_temporal_tokenize (const char     *text,
                                  gsize           start,
                                  gsize           end,
                                  guint           start_cp,
                                  GArray         *sentences,
                                  guint           first_sentence,
                                  TemporalToken **buf,
                                  gsize          *cap);

G_END_DECLS
