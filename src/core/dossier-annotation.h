/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ANNOTATION_COLOR (dossier_annotation_color_get_type ())
#define DOSSIER_TYPE_ANNOTATION_STYLE (dossier_annotation_style_get_type ())
#define DOSSIER_TYPE_ANNOTATION (dossier_annotation_get_type ())

GType dossier_annotation_color_get_type (void);
GType dossier_annotation_style_get_type (void);

G_DECLARE_FINAL_TYPE (DossierAnnotation, dossier_annotation, DOSSIER, ANNOTATION, GObject)

DossierAnnotation      *dossier_annotation_new              (guint                   start,
                                                             guint                   end,
                                                             const char             *exact,
                                                             const char             *prefix,
                                                             const char             *suffix);
DossierAnnotation      *dossier_annotation_copy             (DossierAnnotation      *self);
const char             *dossier_annotation_get_id           (DossierAnnotation      *self);
GDateTime              *dossier_annotation_get_created      (DossierAnnotation      *self);
GDateTime              *dossier_annotation_get_modified     (DossierAnnotation      *self);
void                    dossier_annotation_set_modified     (DossierAnnotation      *self,
                                                             GDateTime              *modified);
DossierAnnotationColor  dossier_annotation_get_color        (DossierAnnotation      *self);
void                    dossier_annotation_set_color        (DossierAnnotation      *self,
                                                             DossierAnnotationColor  color);
DossierAnnotationStyle  dossier_annotation_get_style        (DossierAnnotation      *self);
void                    dossier_annotation_set_style        (DossierAnnotation      *self,
                                                             DossierAnnotationStyle  style);
const char             *dossier_annotation_get_note         (DossierAnnotation      *self);
void                    dossier_annotation_set_note         (DossierAnnotation      *self,
                                                             const char             *note);
const char * const     *dossier_annotation_get_tags         (DossierAnnotation      *self);
void                    dossier_annotation_set_tags         (DossierAnnotation      *self,
                                                             const char * const     *tags);
gboolean                dossier_annotation_has_tag          (DossierAnnotation      *self,
                                                             const char             *tag);
const char             *dossier_annotation_get_exact        (DossierAnnotation      *self);
const char             *dossier_annotation_get_prefix       (DossierAnnotation      *self);
const char             *dossier_annotation_get_suffix       (DossierAnnotation      *self);
void                    dossier_annotation_set_quote        (DossierAnnotation      *self,
                                                             const char             *exact,
                                                             const char             *prefix,
                                                             const char             *suffix);
guint                   dossier_annotation_get_start        (DossierAnnotation      *self);
guint                   dossier_annotation_get_end          (DossierAnnotation      *self);
void                    dossier_annotation_set_range        (DossierAnnotation      *self,
                                                             guint                   start,
                                                             guint                   end);
gboolean                dossier_annotation_get_orphan       (DossierAnnotation      *self);
void                    dossier_annotation_set_orphan       (DossierAnnotation      *self,
                                                             gboolean                orphan);
int                     dossier_annotation_compare          (DossierAnnotation      *a,
                                                             DossierAnnotation      *b);

const char             *dossier_annotation_color_to_string  (DossierAnnotationColor  color);
gboolean                dossier_annotation_color_from_string (const char            *name,
                                                             DossierAnnotationColor *color);
const char             *dossier_annotation_style_to_string  (DossierAnnotationStyle  style);
gboolean                dossier_annotation_style_from_string (const char            *name,
                                                             DossierAnnotationStyle *style);

G_END_DECLS
