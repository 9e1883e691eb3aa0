/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_ENTITY_ROW (dossier_entity_row_get_type ())

G_DECLARE_FINAL_TYPE (DossierEntityRow, dossier_entity_row, DOSSIER, ENTITY_ROW, GtkWidget)

GObject *dossier_entity_row_get_item    (DossierEntityRow *self);
void     dossier_entity_row_set_item    (DossierEntityRow *self,
                                         GObject          *item);
void     _dossier_entity_row_set_hidden (DossierEntityRow *self,
                                         gboolean          hidden);

G_END_DECLS
