/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-timex.h"

G_BEGIN_DECLS

/* timex_type, mod and precision must be static strings; the others are
 * copied */
typedef struct
{
  const char *text;
  const char *value;
  const char *timex_type;
  const char *mod;
  guint       start;
  guint       end;
  const char *sentence;
  guint       sentence_start;
  const char *precision;
  const char *interval_start;
  const char *interval_end;
} DossierTimexInit;

DossierTimex *_dossier_timex_new (const DossierTimexInit *init);

G_END_DECLS
