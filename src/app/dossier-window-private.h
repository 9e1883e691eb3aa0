/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-article-picker.h"
#include "dossier-reader-view.h"
#include "dossier-window.h"

G_BEGIN_DECLS

struct _DossierWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GCancellable         *cancellable;
  GFile                *file;
  GFile                *loading_file;
  DossierArticle       *article;
  /* A file that holds several articles (a database export): all of them,
   * the position of the one shown, and the name its notes go by. */
  GListStore           *articles;
  guint                 article_index;
  GFile                *clipping;
  guint                 loading_timeout;
  guint                 present_when_ready : 1;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *main_stack;
  DossierReaderView    *reader_view;
  GMenu                *recent_submenu;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;
  DossierArticlePicker *article_picker;
  GtkWidget            *articles_button;
  /* Places for what comes next, empty and hidden for now: the entity
   * sidebar (left), the notes panel (right), the timeline (bottom). Fill
   * the bins and reveal the flaps. */
  AdwFlap              *entity_flap;
  AdwBin               *entity_sidebar;
  AdwFlap              *notes_flap;
  AdwBin               *notes_panel;
  GtkRevealer          *timeline_revealer;
  AdwBin               *timeline_area;

  /* Annotations, highlights and the notes panel: dossier-window-notes.c */
  struct _DossierWindowNotes *notes;

  /* The entity sidebar and the timeline: dossier-window-analysis.c */
  struct _DossierWindowAnalysis *analysis;

  /* Timeline corrections: dossier-window-timeline.c */
  struct _DossierWindowTimeline *timeline;

  /* Export, print and export as PDF: dossier-window-export.c */
  struct _DossierWindowExport *export;
};

void       _dossier_window_class_actions_init (DossierWindowClass *klass);
void       _dossier_window_actions_init       (DossierWindow      *self);
void       _dossier_window_actions_update     (DossierWindow      *self);
void       _dossier_window_show_error         (DossierWindow      *self,
                                               const char         *heading,
                                               const GError       *error);
char      *_dossier_window_dup_display_name   (GFile              *file);
GFile     *_dossier_window_get_clipping       (DossierWindow      *self);
void       _dossier_window_show_picker        (DossierWindow      *self);
void       _dossier_window_save_clipping      (DossierWindow      *self,
                                               const char         *text);
void       _dossier_window_open_files         (DossierWindow      *self,
                                               GFile             **files,
                                               guint               n_files);

G_END_DECLS
