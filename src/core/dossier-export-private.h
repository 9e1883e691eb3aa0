/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-export.h"

G_BEGIN_DECLS

/* Helpers shared by the exporters (dossier-export.c) */
const char *_dossier_export_color_hex          (DossierAnnotationColor   color);
const char *_dossier_export_style_class        (DossierAnnotationColor   color,
                                                DossierAnnotationStyle   style);
void        _dossier_export_append_time        (GString                 *out,
                                                GDateTime               *time);
void        _dossier_export_append_json_string (GString                 *out,
                                                const char              *str);
void        _dossier_export_append_xml         (GString                 *out,
                                                const char              *str,
                                                gssize                   length);
void        _dossier_export_split_name         (const char              *name,
                                                char                   **family,
                                                char                   **given);
GPtrArray  *_dossier_export_dup_annotations    (DossierDocument         *document);
GPtrArray  *_dossier_export_sorted_timexes     (GPtrArray               *timexes);
gboolean    _dossier_export_date_range         (const char              *value,
                                                guint32                 *first,
                                                guint32                 *last);
char       *_dossier_export_source_iri         (DossierDocument         *document);
char       *_dossier_export_citation_line     (DossierArticle          *article);

/* One per format */
void        _dossier_export_markdown           (GString                 *out,
                                                DossierArticle          *article,
                                                DossierDocument         *document,
                                                GPtrArray               *entities,
                                                GPtrArray               *timexes);
void        _dossier_export_html               (GString                 *out,
                                                DossierArticle          *article,
                                                DossierDocument         *document,
                                                GPtrArray               *entities,
                                                GPtrArray               *timexes);
void        _dossier_export_w3c                (GString                 *out,
                                                DossierArticle          *article,
                                                DossierDocument         *document);
void        _dossier_export_csv_entities       (GString                 *out,
                                                GPtrArray               *entities);
void        _dossier_export_csv_timeline       (GString                 *out,
                                                GPtrArray               *timexes);
void        _dossier_export_bibtex             (GString                 *out,
                                                DossierArticle          *article,
                                                DossierDocument         *document);
void        _dossier_export_ris                (GString                 *out,
                                                DossierArticle          *article,
                                                DossierDocument         *document);
void        _dossier_export_csl_json           (GString                 *out,
                                                DossierArticle          *article,
                                                DossierDocument         *document);
void        _dossier_export_timeline_svg       (GString                 *out,
                                                DossierArticle          *article,
                                                GPtrArray               *timexes);

G_END_DECLS
