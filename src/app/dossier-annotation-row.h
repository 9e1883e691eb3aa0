/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ANNOTATION_ROW (dossier_annotation_row_get_type ())

G_DECLARE_FINAL_TYPE (DossierAnnotationRow, dossier_annotation_row, DOSSIER, ANNOTATION_ROW, GtkWidget)

GtkWidget         *dossier_annotation_row_new             (void);
DossierDocument   *dossier_annotation_row_get_document    (DossierAnnotationRow *self);
void               dossier_annotation_row_set_document    (DossierAnnotationRow *self,
                                                           DossierDocument      *document);
DossierAnnotation *dossier_annotation_row_get_annotation  (DossierAnnotationRow *self);
void               dossier_annotation_row_set_annotation  (DossierAnnotationRow *self,
                                                           DossierAnnotation    *annotation);
void               dossier_annotation_row_set_tag_model   (DossierAnnotationRow *self,
                                                           GtkTreeModel         *tags);
void               dossier_annotation_row_focus_note      (DossierAnnotationRow *self);
void               dossier_annotation_row_focus_tags      (DossierAnnotationRow *self);

/* For the widget tests */
GtkTextBuffer     *_dossier_annotation_row_get_note_buffer (DossierAnnotationRow *self);
GtkEditable       *_dossier_annotation_row_get_tag_entry   (DossierAnnotationRow *self);
GtkEditable       *_dossier_annotation_row_get_meaning_entry (DossierAnnotationRow *self);

G_END_DECLS
