/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EXPORT_DIALOG (dossier_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DossierExportDialog, dossier_export_dialog, DOSSIER, EXPORT_DIALOG, AdwWindow)

GtkWidget  *dossier_export_dialog_new                (GtkWindow           *parent);
const char *dossier_export_dialog_get_format         (DossierExportDialog *self);
void        dossier_export_dialog_set_format         (DossierExportDialog *self,
                                                      const char          *format);
gboolean    dossier_export_dialog_get_analysis_ready (DossierExportDialog *self);
void        dossier_export_dialog_set_analysis_ready (DossierExportDialog *self,
                                                      gboolean             analysis_ready);

const char *dossier_export_dialog_get_format_label   (const char          *format);
const char *dossier_export_dialog_get_format_suffix  (const char          *format);
gboolean    dossier_export_dialog_format_needs_analysis (const char       *format);

G_END_DECLS
