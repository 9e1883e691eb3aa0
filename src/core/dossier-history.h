/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_HISTORY (dossier_history_get_type ())

G_DECLARE_FINAL_TYPE (DossierHistory, dossier_history, DOSSIER, HISTORY, GObject)

/**
 * DossierHistoryApply:
 * @edit: an edit pushed with dossier_history_push()
 * @redo: %TRUE to apply it again, %FALSE to revert it
 * @user_data: the owner's data
 */
typedef void     (*DossierHistoryApply) (gpointer edit,
                                         gboolean redo,
                                         gpointer user_data);

/**
 * DossierHistoryMerge:
 * @previous: the last edit of the history
 * @edit: a new edit
 * @user_data: the owner's data
 *
 * Returns: %TRUE if @previous now also covers @edit (typing in a note
 *   makes one undo step, not one per key)
 */
typedef gboolean (*DossierHistoryMerge) (gpointer previous,
                                         gpointer edit,
                                         gpointer user_data);

DossierHistory *dossier_history_new         (DossierHistoryApply  apply,
                                             DossierHistoryMerge  merge,
                                             GDestroyNotify       free_edit,
                                             gpointer             user_data);
void            dossier_history_push        (DossierHistory      *self,
                                             gpointer             edit);
void            dossier_history_begin_group (DossierHistory      *self);
void            dossier_history_end_group   (DossierHistory      *self);
void            dossier_history_seal        (DossierHistory      *self);
gboolean        dossier_history_undo        (DossierHistory      *self);
gboolean        dossier_history_redo        (DossierHistory      *self);
gboolean        dossier_history_get_can_undo (DossierHistory     *self);
gboolean        dossier_history_get_can_redo (DossierHistory     *self);
void            dossier_history_clear       (DossierHistory      *self);

G_END_DECLS
