/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_NOTES_PANEL (dossier_notes_panel_get_type ())

G_DECLARE_FINAL_TYPE (DossierNotesPanel, dossier_notes_panel, DOSSIER, NOTES_PANEL, GtkWidget)

GtkWidget         *dossier_notes_panel_new                 (void);
DossierDocument   *dossier_notes_panel_get_document        (DossierNotesPanel *self);
void               dossier_notes_panel_set_document        (DossierNotesPanel *self,
                                                            DossierDocument   *document);
DossierAnnotation *dossier_notes_panel_get_selected        (DossierNotesPanel *self);
void               dossier_notes_panel_select_annotation   (DossierNotesPanel *self,
                                                            DossierAnnotation *annotation);
void               dossier_notes_panel_edit_annotation     (DossierNotesPanel *self,
                                                            DossierAnnotation *annotation,
                                                            gboolean           tags);

G_END_DECLS
