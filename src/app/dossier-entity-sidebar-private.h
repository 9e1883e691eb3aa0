/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-entity-sidebar.h"

G_BEGIN_DECLS

/* For the widget tests */
GtkSingleSelection *_dossier_entity_sidebar_get_selection    (DossierEntitySidebar *self);
GtkEditable        *_dossier_entity_sidebar_get_filter_entry (DossierEntitySidebar *self);
const char         *_dossier_entity_sidebar_get_page         (DossierEntitySidebar *self);

G_END_DECLS
