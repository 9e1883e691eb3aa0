/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-annotation-list.h"

G_BEGIN_DECLS

void _dossier_annotation_list_add    (DossierAnnotationList *self,
                                      DossierAnnotation     *annotation);
void _dossier_annotation_list_remove (DossierAnnotationList *self,
                                      DossierAnnotation     *annotation);
void _dossier_annotation_list_clear  (DossierAnnotationList *self);
void _dossier_annotation_list_freeze (DossierAnnotationList *self);
void _dossier_annotation_list_thaw   (DossierAnnotationList *self);

G_END_DECLS
