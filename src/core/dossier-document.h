/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "dossier-types.h"

G_BEGIN_DECLS

/* The version of the notes file this code writes and reads. */
#define DOSSIER_NOTES_VERSION 1

#define DOSSIER_TYPE_DOCUMENT (dossier_document_get_type ())

G_DECLARE_FINAL_TYPE (DossierDocument, dossier_document, DOSSIER, DOCUMENT, GObject)

DossierDocument   *dossier_document_new                    (void);

/* The clipping and its text */
GFile             *dossier_document_get_clipping           (DossierDocument        *self);
void               dossier_document_set_clipping           (DossierDocument        *self,
                                                            GFile                  *clipping);
const char        *dossier_document_get_text               (DossierDocument        *self);
void               dossier_document_set_text               (DossierDocument        *self,
                                                            const char             *text);
const char        *dossier_document_get_fingerprint        (DossierDocument        *self);
char              *dossier_document_compute_fingerprint    (const char             *text);

/* The notes file */
GFile             *dossier_document_get_notes_file         (DossierDocument        *self);
void               dossier_document_set_notes_file         (DossierDocument        *self,
                                                            GFile                  *notes_file);
GFile             *dossier_document_resolve_notes_file     (DossierDocument        *self,
                                                            GError                **error);
gboolean           dossier_document_load                   (DossierDocument        *self,
                                                            GFile                  *notes_file,
                                                            GCancellable           *cancellable,
                                                            GError                **error);
void               dossier_document_load_async             (DossierDocument        *self,
                                                            GFile                  *notes_file,
                                                            GCancellable           *cancellable,
                                                            GAsyncReadyCallback     callback,
                                                            gpointer                user_data);
gboolean           dossier_document_load_finish            (DossierDocument        *self,
                                                            GAsyncResult           *result,
                                                            GError                **error);
GBytes            *dossier_document_serialize              (DossierDocument        *self);
gboolean           dossier_document_save                   (DossierDocument        *self,
                                                            GCancellable           *cancellable,
                                                            GError                **error);
void               dossier_document_save_async             (DossierDocument        *self,
                                                            GCancellable           *cancellable,
                                                            GAsyncReadyCallback     callback,
                                                            gpointer                user_data);
gboolean           dossier_document_save_finish            (DossierDocument        *self,
                                                            GAsyncResult           *result,
                                                            GError                **error);
void               dossier_document_schedule_save          (DossierDocument        *self);
gboolean           dossier_document_get_autosave           (DossierDocument        *self);
void               dossier_document_set_autosave           (DossierDocument        *self,
                                                            gboolean                autosave);
gboolean           dossier_document_get_unsaved            (DossierDocument        *self);
gboolean           dossier_document_get_saving             (DossierDocument        *self);
gboolean           dossier_document_get_read_only          (DossierDocument        *self);
const GError      *dossier_document_get_load_error         (DossierDocument        *self);
gboolean           dossier_document_start_fresh            (DossierDocument        *self,
                                                            GFile                 **moved_to,
                                                            GError                **error);

/* Annotations */
GListModel        *dossier_document_get_annotations        (DossierDocument        *self);
DossierAnnotation *dossier_document_lookup_annotation      (DossierDocument        *self,
                                                            const char             *id);
DossierAnnotation *dossier_document_annotate               (DossierDocument        *self,
                                                            guint                   start,
                                                            guint                   end,
                                                            DossierAnnotationColor  color,
                                                            DossierAnnotationStyle  style,
                                                            GError                **error);
gboolean           dossier_document_add_annotation         (DossierDocument        *self,
                                                            DossierAnnotation      *annotation);
void               dossier_document_remove_annotation      (DossierDocument        *self,
                                                            DossierAnnotation      *annotation);
void               dossier_document_set_annotation_note    (DossierDocument        *self,
                                                            DossierAnnotation      *annotation,
                                                            const char             *note);
void               dossier_document_set_annotation_tags    (DossierDocument        *self,
                                                            DossierAnnotation      *annotation,
                                                            const char * const     *tags);
void               dossier_document_set_annotation_color   (DossierDocument        *self,
                                                            DossierAnnotation      *annotation,
                                                            DossierAnnotationColor  color);
void               dossier_document_set_annotation_style   (DossierDocument        *self,
                                                            DossierAnnotation      *annotation,
                                                            DossierAnnotationStyle  style);
gboolean           dossier_document_reattach               (DossierDocument        *self,
                                                            DossierAnnotation      *annotation,
                                                            guint                   start,
                                                            guint                   end,
                                                            GError                **error);
guint              dossier_document_reanchor               (DossierDocument        *self);
gboolean           dossier_document_import_w3c             (DossierDocument        *self,
                                                            JsonNode               *root,
                                                            guint                  *n_imported,
                                                            GError                **error);

/* The clipping's own notes, palette and corrections */
const char        *dossier_document_get_notes              (DossierDocument        *self);
void               dossier_document_set_notes              (DossierDocument        *self,
                                                            const char             *notes);
const char        *dossier_document_get_color_name         (DossierDocument        *self,
                                                            DossierAnnotationColor  color);
void               dossier_document_set_color_name         (DossierDocument        *self,
                                                            DossierAnnotationColor  color,
                                                            const char             *name);
JsonArray         *dossier_document_dup_entity_corrections (DossierDocument        *self);
void               dossier_document_set_entity_corrections (DossierDocument        *self,
                                                            JsonArray              *corrections);
JsonArray         *dossier_document_dup_timeline_corrections (DossierDocument      *self);
void               dossier_document_set_timeline_corrections (DossierDocument      *self,
                                                            JsonArray              *corrections);

/* Undo and redo */
DossierHistory    *dossier_document_get_history            (DossierDocument        *self);
gboolean           dossier_document_undo                   (DossierDocument        *self);
gboolean           dossier_document_redo                   (DossierDocument        *self);

G_END_DECLS
