/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-timeline-chart.h"

G_BEGIN_DECLS

/* For the widget tests */
guint        _dossier_timeline_chart_get_n_markers      (DossierTimelineChart *self);
GtkWidget   *_dossier_timeline_chart_get_marker         (DossierTimelineChart *self,
                                                         guint                 index);
guint        _dossier_timeline_chart_marker_get_n_timexes (GtkWidget          *marker);
DossierTimex *_dossier_timeline_chart_marker_get_timex  (GtkWidget            *marker,
                                                         guint                 index);
const char  *_dossier_timeline_chart_marker_get_label   (GtkWidget            *marker);
void         _dossier_timeline_chart_get_visible_days   (DossierTimelineChart *self,
                                                         double               *first,
                                                         double               *last);
GtkPopover  *_dossier_timeline_chart_get_cluster_popover (DossierTimelineChart *self);

G_END_DECLS
