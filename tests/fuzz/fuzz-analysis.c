/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-core.h"

/* libFuzzer target: entity and temporal analysis on any valid UTF-8. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) reference = g_date_time_new_utc (2024, 12, 31, 0, 0, 0);
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) timexes = NULL;
  g_autoptr(JsonNode) e = NULL;
  g_autoptr(JsonNode) t = NULL;

  if (!g_utf8_validate_len ((const char *)data, size, NULL))
    return 0;

  text = g_strndup ((const char *)data, size);
  entities = dossier_entities_analyze (text, "en");
  timexes = dossier_timeline_analyze (text, reference);
  e = dossier_entities_to_json (entities);
  t = dossier_timeline_to_json (timexes);

  return 0;
}
