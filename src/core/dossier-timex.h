/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TIMEX (dossier_timex_get_type ())

G_DECLARE_FINAL_TYPE (DossierTimex, dossier_timex, DOSSIER, TIMEX, GObject)

const char *dossier_timex_get_text           (DossierTimex *self);
const char *dossier_timex_get_value          (DossierTimex *self);
const char *dossier_timex_get_timex_type     (DossierTimex *self);
const char *dossier_timex_get_mod            (DossierTimex *self);
guint       dossier_timex_get_start          (DossierTimex *self);
guint       dossier_timex_get_end            (DossierTimex *self);
const char *dossier_timex_get_sentence       (DossierTimex *self);
guint       dossier_timex_get_sentence_start (DossierTimex *self);
const char *dossier_timex_get_precision      (DossierTimex *self);
const char *dossier_timex_get_interval_start (DossierTimex *self);
const char *dossier_timex_get_interval_end   (DossierTimex *self);
int         dossier_timex_compare            (DossierTimex *a,
                                              DossierTimex *b);

G_END_DECLS
