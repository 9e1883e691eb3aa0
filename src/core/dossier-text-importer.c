/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-text-importer"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-article.h"
#include "dossier-text-importer.h"

/* Placeholder: the structural importer replaces this. */
DossierArticle *
_dossier_text_importer_parse (const char  *text,
                              gsize        length,
                              GError     **error)
{
  return g_object_new (DOSSIER_TYPE_ARTICLE,
                       "format", "text",
                       "text", text,
                       NULL);
}
