/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARTICLE_PICKER (dossier_article_picker_get_type ())

G_DECLARE_FINAL_TYPE (DossierArticlePicker, dossier_article_picker, DOSSIER, ARTICLE_PICKER, GtkWidget)

GtkWidget  *dossier_article_picker_new          (void);
GListModel *dossier_article_picker_get_articles (DossierArticlePicker *self);
void        dossier_article_picker_set_articles (DossierArticlePicker *self,
                                                 GListModel           *articles);
void        dossier_article_picker_select       (DossierArticlePicker *self,
                                                 guint                 position);

G_END_DECLS
