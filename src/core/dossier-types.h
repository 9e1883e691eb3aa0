/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _DossierArticle DossierArticle;
typedef struct _DossierAnnotation DossierAnnotation;
typedef struct _DossierAnnotationList DossierAnnotationList;
typedef struct _DossierDocument DossierDocument;
typedef struct _DossierHistory DossierHistory;

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

/**
 * DossierAnnotationColor:
 * @DOSSIER_ANNOTATION_COLOR_YELLOW: yellow
 * @DOSSIER_ANNOTATION_COLOR_GREEN: green
 * @DOSSIER_ANNOTATION_COLOR_BLUE: blue
 * @DOSSIER_ANNOTATION_COLOR_PINK: pink
 * @DOSSIER_ANNOTATION_COLOR_PURPLE: purple
 * @DOSSIER_ANNOTATION_COLOR_ORANGE: orange
 *
 * The highlight palette. The user names what each colour means; the
 * names are kept in the notes file (see dossier_document_set_color_name()).
 */
typedef enum
{
  DOSSIER_ANNOTATION_COLOR_YELLOW,
  DOSSIER_ANNOTATION_COLOR_GREEN,
  DOSSIER_ANNOTATION_COLOR_BLUE,
  DOSSIER_ANNOTATION_COLOR_PINK,
  DOSSIER_ANNOTATION_COLOR_PURPLE,
  DOSSIER_ANNOTATION_COLOR_ORANGE,
} DossierAnnotationColor;

#define DOSSIER_N_ANNOTATION_COLORS (DOSSIER_ANNOTATION_COLOR_ORANGE + 1)

/**
 * DossierAnnotationStyle:
 * @DOSSIER_ANNOTATION_STYLE_HIGHLIGHT: a coloured background
 * @DOSSIER_ANNOTATION_STYLE_UNDERLINE: a coloured underline
 */
typedef enum
{
  DOSSIER_ANNOTATION_STYLE_HIGHLIGHT,
  DOSSIER_ANNOTATION_STYLE_UNDERLINE,
} DossierAnnotationStyle;

G_END_DECLS
