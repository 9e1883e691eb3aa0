/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dossier-types.h"

G_BEGIN_DECLS

/* Characters of context kept on each side of a quote (TextQuoteSelector
 * prefix and suffix). */
#define DOSSIER_ANCHOR_CONTEXT 32

/**
 * DossierAnchorMethod:
 * @DOSSIER_ANCHOR_ORPHAN: the passage was not found
 * @DOSSIER_ANCHOR_POSITION: the quote is still at its recorded position
 * @DOSSIER_ANCHOR_EXACT: the quote was found verbatim elsewhere
 * @DOSSIER_ANCHOR_FUZZY: an approximate match of the quote was found
 *
 * How an annotation was anchored on a text, best first.
 */
typedef enum
{
  DOSSIER_ANCHOR_ORPHAN,
  DOSSIER_ANCHOR_POSITION,
  DOSSIER_ANCHOR_EXACT,
  DOSSIER_ANCHOR_FUZZY,
} DossierAnchorMethod;

/**
 * DossierAnchorText:
 *
 * A text prepared for anchoring: decoded to code points once so that
 * offsets, slices and searches are cheap for many annotations.
 */
typedef struct _DossierAnchorText DossierAnchorText;

DossierAnchorText   *dossier_anchor_text_new         (const char         *text);
void                 dossier_anchor_text_free        (DossierAnchorText  *self);
guint                dossier_anchor_text_get_length  (DossierAnchorText  *self);
char                *dossier_anchor_text_dup_slice   (DossierAnchorText  *self,
                                                      guint               start,
                                                      guint               end);
void                 dossier_anchor_text_describe    (DossierAnchorText  *self,
                                                      guint               start,
                                                      guint               end,
                                                      char              **exact,
                                                      char              **prefix,
                                                      char              **suffix);
gboolean             dossier_anchor_text_find_nth    (DossierAnchorText  *self,
                                                      const char         *quote,
                                                      guint               n,
                                                      guint              *start,
                                                      guint              *end,
                                                      guint              *n_found);
DossierAnchorMethod  dossier_anchor_text_locate      (DossierAnchorText  *self,
                                                      const char         *exact,
                                                      const char         *prefix,
                                                      const char         *suffix,
                                                      guint               hint,
                                                      guint              *start,
                                                      guint              *end,
                                                      double             *score);

const char          *dossier_anchor_method_to_string (DossierAnchorMethod method);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierAnchorText, dossier_anchor_text_free)

G_END_DECLS
