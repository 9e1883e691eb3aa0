/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-timex.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TIMELINE_ROW (dossier_timeline_row_get_type ())

G_DECLARE_FINAL_TYPE (DossierTimelineRow, dossier_timeline_row, DOSSIER, TIMELINE_ROW, GtkWidget)

GObject *dossier_timeline_row_get_item       (DossierTimelineRow *self);
gboolean dossier_timeline_row_get_hidden     (DossierTimelineRow *self);
void     dossier_timeline_row_set_hidden     (DossierTimelineRow *self,
                                              gboolean            hidden);
void     dossier_timeline_row_set_item       (DossierTimelineRow *self,
                                              GObject            *item);
char    *_dossier_timeline_format_date       (DossierTimex       *timex);
char    *_dossier_timeline_format_sentence   (DossierTimex       *timex);
gboolean _dossier_timeline_timex_is_dated    (DossierTimex       *timex);
const char *_dossier_timeline_row_get_date_text (DossierTimelineRow *self);

G_END_DECLS
