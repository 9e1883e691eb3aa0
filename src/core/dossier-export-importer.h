/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dossier-types.h"

G_BEGIN_DECLS

gboolean   _dossier_export_importer_sniff (const char  *text,
                                           gsize        length);
GPtrArray *_dossier_export_importer_parse (const char  *text,
                                           gsize        length,
                                           GError     **error);

GDateTime *_dossier_export_parse_date     (const char  *text);

G_END_DECLS
