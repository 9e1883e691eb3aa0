/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SELECTION_POPOVER (dossier_selection_popover_get_type ())

G_DECLARE_FINAL_TYPE (DossierSelectionPopover, dossier_selection_popover, DOSSIER, SELECTION_POPOVER, GtkPopover)

GtkWidget *dossier_selection_popover_new        (void);
void       dossier_selection_popover_set_color  (DossierSelectionPopover *self,
                                                 DossierAnnotationColor   color);

G_END_DECLS
