/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_HIGHLIGHTER (dossier_highlighter_get_type ())

G_DECLARE_FINAL_TYPE (DossierHighlighter, dossier_highlighter, DOSSIER, HIGHLIGHTER, GObject)

DossierHighlighter *dossier_highlighter_new             (GtkTextBuffer          *buffer);
DossierDocument    *dossier_highlighter_get_document    (DossierHighlighter     *self);
void                dossier_highlighter_set_document    (DossierHighlighter     *self,
                                                         DossierDocument        *document);
DossierAnnotation  *dossier_highlighter_get_selected    (DossierHighlighter     *self);
void                dossier_highlighter_set_selected    (DossierHighlighter     *self,
                                                         DossierAnnotation      *annotation);
DossierAnnotation  *dossier_highlighter_lookup          (DossierHighlighter     *self,
                                                         guint                   offset);
void                dossier_highlighter_update          (DossierHighlighter     *self);
void                dossier_highlighter_set_visible_range (DossierHighlighter   *self,
                                                         guint                 start,
                                                         guint                 end);

const char         *dossier_annotation_color_get_label  (DossierAnnotationColor  color);
void                dossier_annotation_color_get_rgba   (DossierAnnotationColor  color,
                                                         GdkRGBA                *rgba);

G_END_DECLS
