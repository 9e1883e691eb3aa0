/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ANNOTATION_LIST (dossier_annotation_list_get_type ())

G_DECLARE_FINAL_TYPE (DossierAnnotationList, dossier_annotation_list, DOSSIER, ANNOTATION_LIST, GObject)

DossierAnnotationList *dossier_annotation_list_new           (void);
DossierAnnotation     *dossier_annotation_list_lookup        (DossierAnnotationList *self,
                                                              const char            *id);
gboolean               dossier_annotation_list_find          (DossierAnnotationList *self,
                                                              DossierAnnotation     *annotation,
                                                              guint                 *position);
guint                  dossier_annotation_list_get_n_orphans (DossierAnnotationList *self);

G_END_DECLS
