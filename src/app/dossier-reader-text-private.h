/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_READER_TEXT (dossier_reader_text_get_type ())

G_DECLARE_FINAL_TYPE (DossierReaderText, dossier_reader_text, DOSSIER, READER_TEXT, GtkTextView)

GtkWidget *dossier_reader_text_get_header (DossierReaderText *self);
void       dossier_reader_text_set_header (DossierReaderText *self,
                                           GtkWidget         *header);

G_END_DECLS
