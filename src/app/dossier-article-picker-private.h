/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-article-picker.h"

G_BEGIN_DECLS

/* For tests: the widgets the user works with. */
GtkListView    *_dossier_article_picker_get_list_view    (DossierArticlePicker *self);
GtkSearchEntry *_dossier_article_picker_get_search_entry (DossierArticlePicker *self);
char           *_dossier_article_picker_dup_details      (DossierArticle       *article);

G_END_DECLS
