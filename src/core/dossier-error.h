/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOSSIER_ERROR (dossier_error_quark ())

/**
 * DossierError:
 * @DOSSIER_ERROR_EMPTY: the file holds no text
 * @DOSSIER_ERROR_BINARY: the file is not text (an image, a program…)
 * @DOSSIER_ERROR_ENCODING: the text encoding could not be recognised
 * @DOSSIER_ERROR_TOO_LARGE: the file is over the size limit
 * @DOSSIER_ERROR_NOT_REGULAR: a directory, a device or a pipe
 * @DOSSIER_ERROR_NO_ARTICLE: no article was found in the file
 * @DOSSIER_ERROR_INDEX: the requested article does not exist in the file
 * @DOSSIER_ERROR_INVALID: malformed input
 */
typedef enum
{
  DOSSIER_ERROR_EMPTY,
  DOSSIER_ERROR_BINARY,
  DOSSIER_ERROR_ENCODING,
  DOSSIER_ERROR_TOO_LARGE,
  DOSSIER_ERROR_NOT_REGULAR,
  DOSSIER_ERROR_NO_ARTICLE,
  DOSSIER_ERROR_INDEX,
  DOSSIER_ERROR_INVALID,
} DossierError;

GQuark dossier_error_quark (void);

G_END_DECLS
