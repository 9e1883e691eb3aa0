/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-timex.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TIMELINE_VIEW (dossier_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (DossierTimelineView, dossier_timeline_view, DOSSIER, TIMELINE_VIEW, GtkWidget)

GtkWidget  *dossier_timeline_view_new         (void);
GListModel *dossier_timeline_view_get_timexes (DossierTimelineView *self);
void        dossier_timeline_view_set_timexes (DossierTimelineView *self,
                                               GListModel          *timexes);
gboolean    dossier_timeline_view_get_loading (DossierTimelineView *self);
void        dossier_timeline_view_set_loading (DossierTimelineView *self,
                                               gboolean             loading);
GListModel *dossier_timeline_view_get_hidden  (DossierTimelineView *self);
void        dossier_timeline_view_set_hidden  (DossierTimelineView *self,
                                               GListModel          *hidden);
const char *dossier_timeline_view_get_mode    (DossierTimelineView *self);
void        dossier_timeline_view_set_mode    (DossierTimelineView *self,
                                               const char          *mode);

G_END_DECLS
