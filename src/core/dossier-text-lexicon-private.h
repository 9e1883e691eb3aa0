/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Language data for the plain-text importer: page furniture of blog
 * engines, date words and byline words in the languages we read. Phrases
 * are written in lower case; they are normalised with the same function as
 * the lines they are compared with (_dossier_text_lexicon_normalize).
 */

typedef enum
{
  DOSSIER_CHROME_EXACT  = 0,
  /* the line starts with the phrase (counters, names or links follow) */
  DOSSIER_CHROME_PREFIX = 1 << 0,
  /* the phrase opens the page footer: what follows is not the article */
  DOSSIER_CHROME_FOOTER = 1 << 1,
  /* returned by _dossier_text_lexicon_chrome() for any match */
  DOSSIER_CHROME_MATCH  = 1 << 2,
  /* the match was a one-word prefix ("Labels", "Autor"), the weakest kind */
  DOSSIER_CHROME_ONE_WORD = 1 << 3,
  /* the match was a short prefix ("Powered by", "Posted in") */
  DOSSIER_CHROME_SHORT    = 1 << 4,
} DossierChromeFlags;

typedef struct
{
  const char *phrase;
  guint       flags;
} DossierChromeEntry;

typedef enum
{
  DOSSIER_WORD_NONE    = 0,
  DOSSIER_WORD_MONTH   = 1 << 0,
  DOSSIER_WORD_WEEKDAY = 1 << 1,
  /* words that may stand around a date in a date line ("posted on", "г.") */
  DOSSIER_WORD_FILLER  = 1 << 2,
  /* "by", "von", "par": what follows is an author name */
  DOSSIER_WORD_BY      = 1 << 3,
  /* "and", "und", "et": joins two author names */
  DOSSIER_WORD_AND     = 1 << 4,
  /* words allowed between the day, month and year ("de", "of", "m.") */
  DOSSIER_WORD_JOINER  = 1 << 5,
  /* words of a byline that are not a person: "Staff Writer", "The Associated Press" */
  DOSSIER_WORD_NOT_NAME = 1 << 6,
} DossierWordFlags;

typedef struct
{
  guint  flags;
  guint8 month;   /* 1–12 when DOSSIER_WORD_MONTH */
} DossierWordInfo;

typedef struct
{
  const char         *code;
  const char * const *stopwords;
  /* letters that only this language of the set uses, or %NULL */
  const char         *letters;
} DossierLanguageData;

char                      *_dossier_text_lexicon_normalize   (const char *text,
                                                              gssize      length);
guint                      _dossier_text_lexicon_chrome      (const char *normalized);
DossierWordInfo            _dossier_text_lexicon_word        (const char *word,
                                                              gsize       length);
gboolean                   _dossier_text_lexicon_is_source_label  (const char *normalized);
gboolean                   _dossier_text_lexicon_is_edition_word  (const char *normalized);
const DossierLanguageData *_dossier_text_lexicon_languages   (guint      *n_languages);

G_END_DECLS
