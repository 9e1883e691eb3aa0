/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-export-importer"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-article.h"
#include "dossier-error.h"
#include "dossier-export-importer.h"

gboolean
_dossier_export_importer_sniff (const char *text,
                                gsize       length)
{
  return FALSE;
}

GPtrArray *
_dossier_export_importer_parse (const char  *text,
                                gsize        length,
                                GError     **error)
{
  return NULL;
}
