/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-entity-sidebar.h"
#include "dossier-timeline-view.h"
#include "dossier-window.h"

G_BEGIN_DECLS

/* The window's side of the entity sidebar and the timeline: see
 * dossier-window-analysis.c. */
typedef struct _DossierWindowAnalysis DossierWindowAnalysis;

void                  _dossier_window_analysis_class_init    (DossierWindowClass *klass);
void                  _dossier_window_analysis_init          (DossierWindow      *self);
void                  _dossier_window_analysis_dispose       (DossierWindow      *self);
void                  _dossier_window_analysis_article_shown (DossierWindow      *self);

/* For the widget tests */
DossierEntitySidebar *_dossier_window_get_entity_sidebar     (DossierWindow      *self);
DossierTimelineView  *_dossier_window_get_timeline_view      (DossierWindow      *self);
gboolean              _dossier_window_get_analysis_ready     (DossierWindow      *self);

G_END_DECLS
