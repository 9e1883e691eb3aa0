/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "dossier-entity.h"

G_BEGIN_DECLS

/* Building one correction, to append to the document's list */
JsonObject    *dossier_entity_correction_new_rename   (DossierEntity     *entity,
                                                       const char        *name);
JsonObject    *dossier_entity_correction_new_merge    (DossierEntity     *entity,
                                                       DossierEntity     *into);
JsonObject    *dossier_entity_correction_new_kind     (DossierEntity     *entity,
                                                       DossierEntityKind  kind);
JsonObject    *dossier_entity_correction_new_hide     (DossierEntity     *entity);
JsonObject    *dossier_entity_correction_new_show     (DossierEntity     *entity);
JsonObject    *dossier_entity_correction_new_add      (const char        *text,
                                                       DossierEntityKind  kind);

/* Applying the list on top of an analysis */
GListStore    *dossier_entity_corrections_apply       (GListModel        *entities,
                                                       const char        *text,
                                                       JsonArray         *corrections,
                                                       GListStore       **hidden);
DossierEntity *dossier_entity_corrections_lookup      (GListModel        *entities,
                                                       const char        *name,
                                                       DossierEntityKind  kind);
char          *dossier_entity_corrections_normalize   (const char        *name);
gboolean       dossier_entity_kind_from_string        (const char        *str,
                                                       DossierEntityKind *kind);

G_END_DECLS
