/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARTICLE (dossier_article_get_type ())

G_DECLARE_FINAL_TYPE (DossierArticle, dossier_article, DOSSIER, ARTICLE, GObject)

const char         *dossier_article_get_title          (DossierArticle *self);
const char         *dossier_article_get_subtitle       (DossierArticle *self);
const char         *dossier_article_get_source         (DossierArticle *self);
const char         *dossier_article_get_edition        (DossierArticle *self);
const char * const *dossier_article_get_authors        (DossierArticle *self);
GDateTime          *dossier_article_get_published      (DossierArticle *self);
char               *dossier_article_dup_published_iso  (DossierArticle *self);
const char         *dossier_article_get_page           (DossierArticle *self);
const char         *dossier_article_get_dateline       (DossierArticle *self);
const char         *dossier_article_get_language       (DossierArticle *self);
const char         *dossier_article_get_url            (DossierArticle *self);
const char         *dossier_article_get_format         (DossierArticle *self);
const char         *dossier_article_get_text           (DossierArticle *self);
gsize               dossier_article_get_length         (DossierArticle *self);
guint               dossier_article_get_n_paragraphs   (DossierArticle *self);
void                dossier_article_get_paragraph      (DossierArticle *self,
                                                        guint           index,
                                                        guint          *start,
                                                        guint          *end);
char               *dossier_article_dup_byline         (DossierArticle *self);

G_END_DECLS
