/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-types.h"

G_BEGIN_DECLS

JsonNode *dossier_article_to_json (DossierArticle *article,
                                   guint           article_count);

G_END_DECLS
