/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-reader-view.h"

G_BEGIN_DECLS

/* Zoom limits, as in the GSettings schema's range for "zoom". */
#define DOSSIER_ZOOM_MIN 0.5
#define DOSSIER_ZOOM_MAX 3.0

/* For the widget tests: what the header and the find bar show. */
const char    *_dossier_reader_view_get_header_text (DossierReaderView *self,
                                                     const char        *part);
const char    *_dossier_reader_view_get_match_text  (DossierReaderView *self);
GtkEditable   *_dossier_reader_view_get_find_entry  (DossierReaderView *self);
GtkTextBuffer *_dossier_reader_view_get_buffer      (DossierReaderView *self);

/* For the annotations (dossier-window-notes.c) */
GtkTextView   *_dossier_reader_view_get_text_view   (DossierReaderView *self);
void           _dossier_reader_view_scroll_to_offset (DossierReaderView *self,
                                                      guint              offset);

/* For the entity mentions (dossier-window-analysis.c): what the reader
 * shows, and the adjustment that tells when that changes. */
void           _dossier_reader_view_get_visible_range (DossierReaderView *self,
                                                       guint             *start,
                                                       guint             *end);
GtkAdjustment *_dossier_reader_view_get_vadjustment   (DossierReaderView *self);

/* For printing (dossier-print-operation.c): the body as the reader shows it */
gboolean       _dossier_reader_view_looks_like_subhead (const char     *p,
                                                        guint           start,
                                                        guint           end);

G_END_DECLS
