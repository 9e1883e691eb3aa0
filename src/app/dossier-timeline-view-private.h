/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-date-popover.h"
#include "dossier-timeline-chart.h"
#include "dossier-timeline-view.h"

G_BEGIN_DECLS

/* For the widget tests */
GListModel  *_dossier_timeline_view_get_model     (DossierTimelineView *self);
GtkListView *_dossier_timeline_view_get_list_view (DossierTimelineView *self);
const char  *_dossier_timeline_view_get_page      (DossierTimelineView *self);
DossierTimelineChart *_dossier_timeline_view_get_chart (DossierTimelineView *self);
DossierDatePopover   *_dossier_timeline_view_get_date_popover (DossierTimelineView *self);

/* For the rows */
void         _dossier_timeline_view_prompt_date    (DossierTimelineView *self,
                                                    GtkWidget           *anchor,
                                                    DossierTimex        *timex);
void         _dossier_timeline_view_request_hidden (DossierTimelineView *self,
                                                    DossierTimex        *timex,
                                                    gboolean             hidden);

G_END_DECLS
