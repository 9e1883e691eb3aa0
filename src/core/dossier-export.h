/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-types.h"

G_BEGIN_DECLS

/**
 * DossierExportFormat:
 * @DOSSIER_EXPORT_MARKDOWN: CommonMark: header, highlights, notes, entities, timeline
 * @DOSSIER_EXPORT_HTML: one self-contained, print-ready HTML file
 * @DOSSIER_EXPORT_W3C: a W3C Web Annotation AnnotationCollection (JSON-LD)
 * @DOSSIER_EXPORT_CSV_ENTITIES: the entities as RFC 4180 CSV
 * @DOSSIER_EXPORT_CSV_TIMELINE: the timeline as RFC 4180 CSV
 * @DOSSIER_EXPORT_BIBTEX: the clipping's citation as BibTeX
 * @DOSSIER_EXPORT_RIS: the clipping's citation as RIS
 * @DOSSIER_EXPORT_CSL_JSON: the clipping's citation as CSL-JSON
 * @DOSSIER_EXPORT_TIMELINE_SVG: the dated timeline as a standalone SVG
 */
typedef enum
{
  DOSSIER_EXPORT_MARKDOWN,
  DOSSIER_EXPORT_HTML,
  DOSSIER_EXPORT_W3C,
  DOSSIER_EXPORT_CSV_ENTITIES,
  DOSSIER_EXPORT_CSV_TIMELINE,
  DOSSIER_EXPORT_BIBTEX,
  DOSSIER_EXPORT_RIS,
  DOSSIER_EXPORT_CSL_JSON,
  DOSSIER_EXPORT_TIMELINE_SVG,
} DossierExportFormat;

#define DOSSIER_N_EXPORT_FORMATS (DOSSIER_EXPORT_TIMELINE_SVG + 1)

const char *dossier_export_format_to_string     (DossierExportFormat   format);
gboolean    dossier_export_format_from_string   (const char           *name,
                                                 DossierExportFormat  *format);
const char *dossier_export_format_get_extension (DossierExportFormat   format);
const char *dossier_export_format_get_mime_type (DossierExportFormat   format);
gboolean    dossier_export_format_needs_entities (DossierExportFormat  format);
gboolean    dossier_export_format_needs_timeline (DossierExportFormat  format);

GBytes     *dossier_export                      (DossierExportFormat   format,
                                                 DossierArticle       *article,
                                                 DossierDocument      *document,
                                                 GPtrArray            *entities,
                                                 GPtrArray            *timexes,
                                                 GError              **error);

G_END_DECLS
