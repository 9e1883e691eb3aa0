/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-anchor.h"
#include "dossier-timex.h"

G_BEGIN_DECLS

gboolean   dossier_timeline_value_is_valid         (const char   *value);
GPtrArray *dossier_timeline_corrections_apply      (GPtrArray    *timexes,
                                                    JsonArray    *corrections,
                                                    const char   *text,
                                                    GPtrArray   **hidden);
void       dossier_timeline_corrections_redate     (JsonArray    *corrections,
                                                    DossierTimex *timex,
                                                    const char   *value);
void       dossier_timeline_corrections_set_hidden (JsonArray    *corrections,
                                                    DossierTimex *timex,
                                                    gboolean      hidden);
gboolean   dossier_timeline_corrections_add        (JsonArray    *corrections,
                                                    const char   *text,
                                                    guint         start,
                                                    guint         end,
                                                    const char   *value);

guint      dossier_timeline_corrections_relocate   (JsonArray         *corrections,
                                                    DossierAnchorText *text);

G_END_DECLS
