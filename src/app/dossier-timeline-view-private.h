/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-timeline-view.h"

G_BEGIN_DECLS

/* For the widget tests */
GListModel  *_dossier_timeline_view_get_model     (DossierTimelineView *self);
GtkListView *_dossier_timeline_view_get_list_view (DossierTimelineView *self);
const char  *_dossier_timeline_view_get_page      (DossierTimelineView *self);

G_END_DECLS
