/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-entities"

#include "config.h"

#include "dossier-entities.h"

/* Placeholder until entity analysis lands. */
GPtrArray *
dossier_entities_analyze (const char *text,
                          const char *language)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

JsonNode *
dossier_entities_to_json (GPtrArray *entities)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, json_array_new ());
  return node;
}
