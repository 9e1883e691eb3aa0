/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dossier-types.h"

G_BEGIN_DECLS

/* Set with g_object_set_data() on an article the importer could only
 * approximate (a page without a recognisable article): a translated sentence
 * the app may show above the text. */
#define DOSSIER_IMPORT_NOTE_KEY "dossier-import-note"

/* Set on articles from pages that declare a text direction ("rtl", "ltr"),
 * for the reader view. */
#define DOSSIER_IMPORT_DIRECTION_KEY "dossier-text-direction"

gboolean        _dossier_html_importer_sniff       (const char  *data,
                                                    gsize        length);
gboolean        _dossier_html_importer_sniff_mhtml (const char  *data,
                                                    gsize        length);
DossierArticle *_dossier_html_importer_parse       (const char  *data,
                                                    gsize        length,
                                                    const char  *charset,
                                                    GError     **error);
DossierArticle *_dossier_html_importer_parse_mhtml (const char  *data,
                                                    gsize        length,
                                                    GError     **error);

G_END_DECLS
