/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _DossierArticle DossierArticle;

/**
 * DossierImportFlags:
 * @DOSSIER_IMPORT_NONE: detect the format and the metadata
 * @DOSSIER_IMPORT_AS_BODY: take the decoded text verbatim as the article body
 */
typedef enum
{
  DOSSIER_IMPORT_NONE    = 0,
  DOSSIER_IMPORT_AS_BODY = 1 << 0,
} DossierImportFlags;

G_END_DECLS
