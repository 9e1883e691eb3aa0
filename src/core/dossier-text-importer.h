/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-types.h"

G_BEGIN_DECLS

DossierArticle *_dossier_text_importer_parse (const char  *text,
                                              gsize        length,
                                              GError     **error);

G_END_DECLS
