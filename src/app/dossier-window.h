/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_WINDOW (dossier_window_get_type ())

G_DECLARE_FINAL_TYPE (DossierWindow, dossier_window, DOSSIER, WINDOW, AdwApplicationWindow)

DossierWindow  *dossier_window_new         (GtkApplication *application);
void            dossier_window_open_file   (DossierWindow  *self,
                                            GFile          *file);
GFile          *dossier_window_get_file    (DossierWindow  *self);
DossierArticle *dossier_window_get_article (DossierWindow  *self);
gboolean        dossier_window_is_empty    (DossierWindow  *self);
gboolean        dossier_window_is_loading  (DossierWindow  *self);
void            dossier_window_present_when_ready (DossierWindow *self);

G_END_DECLS
