/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-entity.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ENTITY_SIDEBAR (dossier_entity_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (DossierEntitySidebar, dossier_entity_sidebar, DOSSIER, ENTITY_SIDEBAR, GtkWidget)

GtkWidget     *dossier_entity_sidebar_new                 (void);
GListModel    *dossier_entity_sidebar_get_entities        (DossierEntitySidebar *self);
void           dossier_entity_sidebar_set_entities        (DossierEntitySidebar *self,
                                                           GListModel           *entities);
GListModel    *dossier_entity_sidebar_get_hidden_entities (DossierEntitySidebar *self);
void           dossier_entity_sidebar_set_hidden_entities (DossierEntitySidebar *self,
                                                           GListModel           *hidden);
gboolean       dossier_entity_sidebar_select_entity       (DossierEntitySidebar *self,
                                                           DossierEntity        *entity);
gboolean       dossier_entity_sidebar_get_loading         (DossierEntitySidebar *self);
void           dossier_entity_sidebar_set_loading         (DossierEntitySidebar *self,
                                                           gboolean              loading);
DossierEntity *dossier_entity_sidebar_get_selected_entity (DossierEntitySidebar *self);
int            dossier_entity_sidebar_get_mention         (DossierEntitySidebar *self);
void           dossier_entity_sidebar_set_mention         (DossierEntitySidebar *self,
                                                           int                   mention);
void           dossier_entity_sidebar_next_mention        (DossierEntitySidebar *self);
void           dossier_entity_sidebar_previous_mention    (DossierEntitySidebar *self);

G_END_DECLS
