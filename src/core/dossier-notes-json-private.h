/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode *_dossier_notes_json_parse (const char  *data,
                                     gsize        length,
                                     char       **error_message);

JsonNode *_dossier_notes_json_parse_notes (const char  *data,
                                           gsize        length,
                                           GPtrArray   *annotations,
                                           GError     **annotation_error,
                                           char       **error_message);

G_END_DECLS
