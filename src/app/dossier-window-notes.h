/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-highlighter.h"
#include "dossier-notes-panel.h"
#include "dossier-window.h"

G_BEGIN_DECLS

/* The window's side of annotations and notes: see dossier-window-notes.c. */
typedef struct _DossierWindowNotes DossierWindowNotes;

void                _dossier_window_notes_class_init     (DossierWindowClass *klass);
void                _dossier_window_notes_init           (DossierWindow      *self);
void                _dossier_window_notes_dispose        (DossierWindow      *self);
void                _dossier_window_notes_article_shown  (DossierWindow      *self);
void                _dossier_window_notes_flush          (DossierWindow      *self);

/* For the widget tests */
DossierDocument    *_dossier_window_get_document         (DossierWindow      *self);
gboolean            _dossier_window_get_notes_ready      (DossierWindow      *self);
DossierNotesPanel  *_dossier_window_get_notes_panel      (DossierWindow      *self);
DossierHighlighter *_dossier_window_get_highlighter      (DossierWindow      *self);
GtkPopover         *_dossier_window_get_selection_popover (DossierWindow     *self);
const char         *_dossier_window_get_notes_banner     (DossierWindow      *self);
AdwToast           *_dossier_window_get_reload_toast     (DossierWindow      *self);

G_END_DECLS
