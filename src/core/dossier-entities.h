/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-types.h"

G_BEGIN_DECLS

GPtrArray *dossier_entities_analyze (const char *text,
                                     const char *language);
JsonNode  *dossier_entities_to_json (GPtrArray  *entities);

G_END_DECLS
