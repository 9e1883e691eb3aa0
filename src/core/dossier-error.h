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
 * @DOSSIER_ERROR_NOTES_CORRUPT: the notes file is not valid JSON or has
 *   members of the wrong type; it is left untouched
 * @DOSSIER_ERROR_NOTES_NEWER: the notes file was written by a newer version
 * @DOSSIER_ERROR_NOTES_READ_ONLY: the notes could not be read, so saving is
 *   refused to keep the file as it is
 * @DOSSIER_ERROR_NOTES_WRITE: the notes could not be written (full disk,
 *   read-only folder…); the previous file is intact
 * @DOSSIER_ERROR_NOT_FOUND: the quoted text does not occur in the article
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
  DOSSIER_ERROR_NOTES_CORRUPT,
  DOSSIER_ERROR_NOTES_NEWER,
  DOSSIER_ERROR_NOTES_READ_ONLY,
  DOSSIER_ERROR_NOTES_WRITE,
  DOSSIER_ERROR_NOT_FOUND,
} DossierError;

GQuark dossier_error_quark (void);

G_END_DECLS
