/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-date-popover.h"
#include "dossier-window.h"

G_BEGIN_DECLS

/* The window's side of timeline corrections: see dossier-window-timeline.c. */
typedef struct _DossierWindowTimeline DossierWindowTimeline;

void                _dossier_window_timeline_class_init   (DossierWindowClass *klass);
void                _dossier_window_timeline_init         (DossierWindow      *self);
void                _dossier_window_timeline_dispose      (DossierWindow      *self);
void                _dossier_window_timeline_set_analysis (DossierWindow      *self,
                                                           GListModel         *timexes);

/* For the widget tests */
DossierDatePopover *_dossier_window_get_add_date_popover  (DossierWindow      *self);

G_END_DECLS
