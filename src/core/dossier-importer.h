/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-types.h"

G_BEGIN_DECLS

/* Files over this size are refused: no clipping is this large. */
#define DOSSIER_IMPORT_MAX_SIZE (64 * 1024 * 1024)

/* Set with g_object_set_data() on the articles of a file other than the one
 * asked for: the page of a "Web page, complete" folder. A #GFile. */
#define DOSSIER_IMPORT_FILE_KEY "dossier-import-file"

char      *dossier_importer_decode           (const char          *data,
                                              gsize                length,
                                              const char          *display_name,
                                              GError             **error);
GPtrArray *dossier_importer_load_bytes       (GBytes              *bytes,
                                              const char          *display_name,
                                              DossierImportFlags   flags,
                                              GError             **error);
GPtrArray *dossier_importer_load_file        (GFile               *file,
                                              DossierImportFlags   flags,
                                              GCancellable        *cancellable,
                                              GError             **error);
void       dossier_importer_load_file_async  (GFile               *file,
                                              DossierImportFlags   flags,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray *dossier_importer_load_file_finish (GAsyncResult        *result,
                                              GError             **error);
GFile     *dossier_importer_dup_folder_page  (GFile               *folder,
                                              GCancellable        *cancellable);

G_END_DECLS
