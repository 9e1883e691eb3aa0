/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_READER_VIEW (dossier_reader_view_get_type ())

G_DECLARE_FINAL_TYPE (DossierReaderView, dossier_reader_view, DOSSIER, READER_VIEW, GtkWidget)

GtkWidget      *dossier_reader_view_new           (void);
DossierArticle *dossier_reader_view_get_article   (DossierReaderView *self);
void            dossier_reader_view_set_article   (DossierReaderView *self,
                                                   DossierArticle    *article);
double          dossier_reader_view_get_zoom      (DossierReaderView *self);
void            dossier_reader_view_set_zoom      (DossierReaderView *self,
                                                   double             zoom);
void            dossier_reader_view_begin_find    (DossierReaderView *self);
void            dossier_reader_view_end_find      (DossierReaderView *self);
void            dossier_reader_view_find_next     (DossierReaderView *self);
void            dossier_reader_view_find_previous (DossierReaderView *self);

G_END_DECLS
