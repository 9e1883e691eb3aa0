/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_DATE_POPOVER (dossier_date_popover_get_type ())

G_DECLARE_FINAL_TYPE (DossierDatePopover, dossier_date_popover, DOSSIER, DATE_POPOVER, GtkPopover)

GtkWidget  *dossier_date_popover_new       (void);
const char *dossier_date_popover_get_value (DossierDatePopover *self);
void        dossier_date_popover_set_value (DossierDatePopover *self,
                                            const char         *value);
void        dossier_date_popover_set_title (DossierDatePopover *self,
                                            const char         *title);
gboolean    dossier_date_popover_choose    (DossierDatePopover *self);

G_END_DECLS
