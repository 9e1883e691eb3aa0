/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "dossier-core.h"
#include "dossier-timeline-corrections.h"

/* libFuzzer target: the notes-file loader. The input is written to a notes
 * file and loaded against a short article; what loads must save to a file
 * that loads again. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static const char article[] =
  "Tidal turbines reach the open sea\n\n"
  "Engineers lowered the first turbine into the water on Tuesday, three days "
  "after the storm. Dr. Maria Lopez said the array would power homes.\n";

static char *notes_path;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(DossierDocument) document = dossier_document_new ();
  g_autoptr(DossierDocument) again = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;

  if (notes_path == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("dossier-fuzz-notes-XXXXXX", NULL);

      g_assert (dir != NULL);
      notes_path = g_build_filename (dir, "notes.json", NULL);
    }
  g_assert (g_file_set_contents (notes_path, (const char *)data, size, NULL));
  file = g_file_new_for_path (notes_path);

  dossier_document_set_autosave (document, FALSE);
  dossier_document_set_text (document, article);
  if (!dossier_document_load (document, file, NULL, &error))
    {
      g_assert (error != NULL);
      g_assert (dossier_document_get_read_only (document));
      return 0;
    }

  /* The timeline corrections it holds apply to the article, or not */
  {
    g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(JsonArray) corrections = dossier_document_dup_timeline_corrections (document);
    g_autoptr(GPtrArray) hidden = NULL;
    g_autoptr(GPtrArray) shown = dossier_timeline_corrections_apply (none, corrections, article,
                                                                     &hidden);

    g_assert (shown != NULL && hidden != NULL);
  }

  saved = dossier_document_serialize (document);
  g_assert (saved != NULL);
  g_assert (g_file_set_contents (notes_path, g_bytes_get_data (saved, NULL),
                                 g_bytes_get_size (saved), NULL));
  again = dossier_document_new ();
  dossier_document_set_autosave (again, FALSE);
  dossier_document_set_text (again, article);
  if (!dossier_document_load (again, file, NULL, &error))
    g_error ("A saved notes file does not load again: %s", error->message);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_document_get_annotations (again)), ==,
                    g_list_model_get_n_items (dossier_document_get_annotations (document)));

  return 0;
}
