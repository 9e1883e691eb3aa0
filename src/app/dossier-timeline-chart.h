/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-timex.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TIMELINE_CHART (dossier_timeline_chart_get_type ())

G_DECLARE_FINAL_TYPE (DossierTimelineChart, dossier_timeline_chart, DOSSIER, TIMELINE_CHART, GtkWidget)

GtkWidget  *dossier_timeline_chart_new         (void);
GListModel *dossier_timeline_chart_get_timexes (DossierTimelineChart *self);
void        dossier_timeline_chart_set_timexes (DossierTimelineChart *self,
                                                GListModel           *timexes);
void        dossier_timeline_chart_zoom        (DossierTimelineChart *self,
                                                double                factor);
void        dossier_timeline_chart_reset_zoom  (DossierTimelineChart *self);
const char *dossier_timeline_chart_get_published (DossierTimelineChart *self);
void        dossier_timeline_chart_set_published (DossierTimelineChart *self,
                                                  const char           *published);
gboolean    dossier_timeline_chart_save_png    (DossierTimelineChart *self,
                                                GFile                *file,
                                                GError              **error);

G_END_DECLS
