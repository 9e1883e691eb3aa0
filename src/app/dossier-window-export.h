/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-window.h"

G_BEGIN_DECLS

/* The window's side of export, print and export as PDF: see
 * dossier-window-export.c. */
typedef struct _DossierWindowExport DossierWindowExport;

void      _dossier_window_export_class_init    (DossierWindowClass  *klass);
void      _dossier_window_export_init          (DossierWindow       *self);
void      _dossier_window_export_dispose       (DossierWindow       *self);
void      _dossier_window_export_update        (DossierWindow       *self);

GBytes   *_dossier_window_export_bytes         (DossierWindow       *self,
                                                const char          *format,
                                                GError             **error);
void      _dossier_window_export_async         (DossierWindow       *self,
                                                const char          *format,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean  _dossier_window_export_finish        (DossierWindow       *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void      _dossier_window_export_to_file       (DossierWindow       *self,
                                                const char          *format,
                                                GFile               *file);
void      _dossier_window_export_pdf_to_file   (DossierWindow       *self,
                                                GFile               *file);
char     *_dossier_window_export_suggest_name  (DossierWindow       *self,
                                                const char          *suffix);

/* For the widget tests */
guint     _dossier_window_export_get_pending   (DossierWindow       *self);

G_END_DECLS
