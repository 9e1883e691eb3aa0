/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Tokens of one chunk of text. Offsets are bytes into the whole text and
 * Unicode code points, so mentions can be reported without rescanning. */
typedef enum
{
  NER_TOK_WORD       = 1 << 0,
  NER_TOK_CAP        = 1 << 1,   /* first letter upper case */
  NER_TOK_ALLCAPS    = 1 << 2,   /* every letter upper case, two or more */
  NER_TOK_LOWER      = 1 << 3,   /* first letter lower case */
  NER_TOK_DIGIT      = 1 << 4,   /* starts with a digit */
  NER_TOK_ABBR       = 1 << 5,   /* has periods: U.S., Sen., J. */
  NER_TOK_POSS       = 1 << 6,   /* the possessive 's, a token of its own */
  NER_TOK_SENT       = 1 << 7,   /* first word of a sentence */
  NER_TOK_LINE       = 1 << 8,   /* first token of a line */
  NER_TOK_PARA       = 1 << 9,   /* first token after a blank line */
  NER_TOK_UNRELIABLE = 1 << 10,  /* capital says nothing: sentence start, after a quote */
  NER_TOK_HEADLINE   = 1 << 11,  /* on a title-case or all-caps line */
  NER_TOK_HYPHEN     = 1 << 12,  /* has an inner hyphen */
  NER_TOK_PUNCT      = 1 << 13,
  NER_TOK_INITIAL    = 1 << 14,  /* "J." */
  NER_TOK_SPACE      = 1 << 15,  /* white space before */
  NER_TOK_NONASCII   = 1 << 16,
  NER_TOK_CAPSLINE   = 1 << 17,  /* on an all-caps line */
} NerTokFlags;

typedef struct
{
  guint64  hash;     /* of the case-folded word, see _dossier_ner_hash_text() */
  guint64  hash_nodot; /* the same without a final period */
  guint32  start;    /* byte offset in the text */
  guint32  cp;       /* code point offset in the text */
  guint32  flags;
  guint32  wflags;   /* NerWordFlags, once looked up */
  guint32  memo_b;   /* run end of the memoized gazetteer and title matches, + 1 */
  guint8   memo_gaz; /* length of the gazetteer match at this token */
  guint8   memo_title;
  const struct _NerGazEntry *memo_entry;
  guint16  len;      /* bytes */
  guint16  cp_len;
  gunichar ch;       /* first character */
} NerToken;

#define NER_WFLAGS_KNOWN (1u << 31)

guint32 _dossier_ner_tokenize (const char *text,
                               gsize       start,
                               gsize       end,
                               guint32     cp_start,
                               GArray     *tokens);

/* Hashes of case-folded words, and of phrases made of them. The tokenizer
 * computes them while it scans, so lookups never build strings. */
#define NER_HASH_OFFSET 1469598103934665603ULL
#define NER_HASH_PRIME  1099511628211ULL

static inline guint64
_dossier_ner_hash_step (guint64 h,
                        guchar  c)
{
  return (h ^ c) * NER_HASH_PRIME;
}

static inline guint64
_dossier_ner_hash_combine (guint64 phrase,
                           guint64 word)
{
  if (phrase == 0)
    return word;
  return ((phrase * 0x9E3779B97F4A7C15ULL) ^ (phrase >> 29) ^ word) | 1;
}

guint64 _dossier_ner_hash_text (const char *s,
                                gsize       len);

/* Gazetteer */
typedef enum
{
  NER_KIND_NONE = 0,
  NER_KIND_PERSON,
  NER_KIND_ORG,
  NER_KIND_PLACE,
} NerKind;

typedef enum
{
  NER_W_FIRST      = 1 << 0,   /* given name */
  NER_W_NONNAME    = 1 << 1,   /* not a name by itself */
  NER_W_TITLE      = 1 << 2,   /* a one-word title */
  NER_W_MODIFIER   = 1 << 3,   /* may precede a title */
  NER_W_ROLE_HEAD  = 1 << 4,
  NER_W_ORG        = 1 << 5,   /* last word of an organization name */
  NER_W_ORG_OF     = 1 << 6,
  NER_W_PLACE      = 1 << 7,   /* last word of a place name */
  NER_W_PLACE_OF   = 1 << 8,
  NER_W_PARTICLE   = 1 << 9,
  NER_W_DEMONYM    = 1 << 10,
  NER_W_TITLE_HEAD = 1 << 11,  /* first word of a multi-word title */
  NER_W_MISC       = 1 << 12,  /* last word of an event, prize or work */
} NerWordFlags;

typedef struct _NerGazEntry
{
  const char *name;     /* canonical */
  NerKind     kind;
  guint       index;
  gboolean    country;  /* a place that is a country */
} NerGazEntry;

typedef struct
{
  const NerGazEntry *entry;
  guint              acronym : 1;   /* matches only when written in capitals */
  guint              n_words : 8;
} NerGazForm;

typedef struct _NerGazetteer NerGazetteer;

const NerGazetteer *_dossier_ner_gazetteer_get   (void);
guint               _dossier_ner_gazetteer_max_words (const NerGazetteer *gaz);
guint               _dossier_ner_gazetteer_max_title (const NerGazetteer *gaz);
const NerGazForm   *_dossier_ner_gazetteer_lookup (const NerGazetteer *gaz,
                                                   guint64             phrase_hash);
guint               _dossier_ner_gazetteer_word   (const NerGazetteer *gaz,
                                                   guint64             word_hash);
gboolean            _dossier_ner_gazetteer_title  (const NerGazetteer *gaz,
                                                   guint64             phrase_hash);
gsize               _dossier_ner_fold             (const char         *s,
                                                   gsize               len,
                                                   char               *out,
                                                   gsize               out_size);

extern const char  _dossier_ner_data[];
extern const gsize _dossier_ner_data_len;

G_END_DECLS
