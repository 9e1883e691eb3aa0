/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-types.h"

G_BEGIN_DECLS

void     dossier_analysis_run_async  (DossierArticle       *article,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean dossier_analysis_run_finish (GAsyncResult         *result,
                                      GListStore          **entities,
                                      GListStore          **timexes,
                                      GError              **error);

G_END_DECLS
