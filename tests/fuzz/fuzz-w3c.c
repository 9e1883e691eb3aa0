/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-core.h"

/* libFuzzer target: importing W3C Web Annotations (and the Hypothesis
 * shape) into a document. json-glib's parser recurses, so, as every
 * caller must, input nested deeper than a real collection is refused
 * before parsing. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static const char article[] =
  "Tidal turbines reach the open sea\n\n"
  "Engineers lowered the first turbine into the water on Tuesday, three days "
  "after the storm. Dr. Maria Lopez said the array would power homes.\n";

static gboolean
nesting_ok (const guint8 *s,
            size_t        length)
{
  int depth = 0;
  gboolean in_string = FALSE;

  for (size_t i = 0; i < length; i++)
    {
      if (in_string)
        {
          if (s[i] == '\\')
            i++;
          else if (s[i] == '"')
            in_string = FALSE;
        }
      else if (s[i] == '"')
        in_string = TRUE;
      else if ((s[i] == '{' || s[i] == '[') && ++depth > 64)
        return FALSE;
      else if (s[i] == '}' || s[i] == ']')
        depth--;
    }

  return TRUE;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;
  guint n_imported = 0;
  guint n_before;

  if (!nesting_ok (data, size))
    return 0;
  parser = json_parser_new_immutable ();
  /* An empty text parses to no root at all: nothing to import. */
  if (!json_parser_load_from_data (parser, (const char *)data, size, NULL) ||
      json_parser_get_root (parser) == NULL)
    return 0;

  document = dossier_document_new ();
  dossier_document_set_autosave (document, FALSE);
  dossier_document_set_text (document, article);
  if (!dossier_document_import_w3c (document, json_parser_get_root (parser), &n_imported, &error))
    {
      g_assert (error != NULL);
      return 0;
    }
  g_assert_cmpuint (n_imported, ==,
                    g_list_model_get_n_items (dossier_document_get_annotations (document)));

  /* Importing the same collection twice adds nothing. */
  n_before = n_imported;
  if (dossier_document_import_w3c (document, json_parser_get_root (parser), &n_imported, NULL))
    g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (document)), >=,
                      n_before);

  saved = dossier_document_serialize (document);
  g_assert (saved != NULL);

  return 0;
}
