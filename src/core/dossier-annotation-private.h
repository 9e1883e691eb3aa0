/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-annotation.h"

G_BEGIN_DECLS

DossierAnnotation *_dossier_annotation_new_full   (const char         *id,
                                                   GDateTime          *created);
DossierAnnotation *_dossier_annotation_new_loaded (const char              *id,
                                                   GDateTime               *created,
                                                   GDateTime               *modified,
                                                   DossierAnnotationColor   color,
                                                   DossierAnnotationStyle   style,
                                                   gboolean                 orphan,
                                                   char                    *note,
                                                   const char * const      *tags,
                                                   char                    *exact,
                                                   char                    *prefix,
                                                   char                    *suffix,
                                                   guint                    start,
                                                   guint                    end);
JsonNode          *_dossier_annotation_to_json    (DossierAnnotation  *self);
void               _dossier_annotation_write_json (DossierAnnotation  *self,
                                                   GString            *out);
void               _dossier_json_append_string    (GString            *out,
                                                   const char         *str);
DossierAnnotation *_dossier_annotation_from_json  (JsonNode           *node,
                                                   GError            **error);
void               _dossier_annotation_assign     (DossierAnnotation  *self,
                                                   DossierAnnotation  *from);
void               _dossier_annotation_set_id     (DossierAnnotation  *self,
                                                   const char         *id);
char              *_dossier_format_time           (GDateTime          *time);

G_END_DECLS
