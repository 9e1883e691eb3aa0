/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_PRINT_OPERATION (dossier_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (DossierPrintOperation, dossier_print_operation, DOSSIER, PRINT_OPERATION, GtkPrintOperation)

DossierPrintOperation *dossier_print_operation_new          (DossierArticle        *article,
                                                             DossierDocument       *document);
DossierArticle        *dossier_print_operation_get_article  (DossierPrintOperation *self);
DossierDocument       *dossier_print_operation_get_document (DossierPrintOperation *self);

G_END_DECLS
