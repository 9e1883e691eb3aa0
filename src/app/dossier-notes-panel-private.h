/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-annotation-row.h"
#include "dossier-notes-panel.h"

G_BEGIN_DECLS

/* For the widget tests: the filters, and what they let through. */
GListModel           *_dossier_notes_panel_get_visible      (DossierNotesPanel      *self);
GListModel           *_dossier_notes_panel_get_orphans      (DossierNotesPanel      *self);
void                  _dossier_notes_panel_set_color_filter (DossierNotesPanel      *self,
                                                             DossierAnnotationColor  color,
                                                             gboolean                active);
void                  _dossier_notes_panel_set_search       (DossierNotesPanel      *self,
                                                             const char             *text);
void                  _dossier_notes_panel_set_tag_filter   (DossierNotesPanel      *self,
                                                             const char             *tag);
DossierAnnotationRow *_dossier_notes_panel_find_row         (DossierNotesPanel      *self,
                                                             DossierAnnotation      *annotation);
GtkTextBuffer        *_dossier_notes_panel_get_notes_buffer (DossierNotesPanel      *self);
GtkTreeModel         *_dossier_notes_panel_get_known_tags   (DossierNotesPanel      *self);

G_END_DECLS
