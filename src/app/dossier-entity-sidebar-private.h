/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-entity-sidebar.h"

G_BEGIN_DECLS

/* For the rows */
void                _dossier_entity_sidebar_correct          (DossierEntitySidebar *self,
                                                              JsonObject           *correction);
void                _dossier_entity_sidebar_rename           (DossierEntitySidebar *self,
                                                              DossierEntity        *entity);
void                _dossier_entity_sidebar_choose_merge     (DossierEntitySidebar *self,
                                                              DossierEntity        *entity);

/* For the widget tests */
GtkSingleSelection *_dossier_entity_sidebar_get_selection    (DossierEntitySidebar *self);
GtkEditable        *_dossier_entity_sidebar_get_filter_entry (DossierEntitySidebar *self);
const char         *_dossier_entity_sidebar_get_page         (DossierEntitySidebar *self);
GtkWindow          *_dossier_entity_sidebar_get_dialog       (DossierEntitySidebar *self);

G_END_DECLS
