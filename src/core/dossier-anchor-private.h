/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-anchor.h"

G_BEGIN_DECLS

typedef struct
{
  guint start;
  guint end;
  guint errors;
} DossierAnchorMatch;

/* Approximate search of @pattern in @text with at most @max_errors edits
 * (Levenshtein): one match (the best start) per run of match ends.
 * Returns an array of DossierAnchorMatch, code point offsets. */
GArray *_dossier_anchor_search (const char *text,
                                const char *pattern,
                                guint       max_errors);

G_END_DECLS
