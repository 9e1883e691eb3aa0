/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-types.h"

G_BEGIN_DECLS

/* Notes files over this size are refused: no one writes this much. */
#define DOSSIER_NOTES_MAX_SIZE (512 * 1024 * 1024)

GFile    *dossier_notes_store_get_dir  (void);
GFile    *dossier_notes_store_resolve  (GFile         *clipping,
                                        const char    *fingerprint,
                                        GError       **error);
gboolean  dossier_notes_store_remember (GFile         *clipping,
                                        const char    *fingerprint,
                                        GFile         *notes,
                                        GError       **error);
gboolean  dossier_notes_write_atomic   (GFile         *file,
                                        GBytes        *bytes,
                                        gboolean       backup,
                                        GError       **error);

G_END_DECLS
