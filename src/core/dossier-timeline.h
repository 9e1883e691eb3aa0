/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-types.h"

G_BEGIN_DECLS

GPtrArray *dossier_timeline_analyze (const char *text,
                                     GDateTime  *reference);
JsonNode  *dossier_timeline_to_json (GPtrArray  *timexes);

G_END_DECLS
