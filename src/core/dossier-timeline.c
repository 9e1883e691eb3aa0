/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-timeline"

#include "config.h"

#include "dossier-timeline.h"

/* Placeholder until temporal analysis lands. */
GPtrArray *
dossier_timeline_analyze (const char *text,
                          GDateTime  *reference)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

JsonNode *
dossier_timeline_to_json (GPtrArray *timexes)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, json_array_new ());
  return node;
}
