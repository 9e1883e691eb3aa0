/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DossierSentence:
 * @start: first code point of the sentence
 * @end: code point after the sentence (exclusive)
 * @byte_start: byte offset of @start in the UTF-8 text
 * @byte_end: byte offset of @end in the UTF-8 text
 *
 * One sentence of a text, without surrounding white space.
 */
typedef struct
{
  guint start;
  guint end;
  gsize byte_start;
  gsize byte_end;
} DossierSentence;

GArray *dossier_sentences_split (const char *text);

G_END_DECLS
