/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-history"

#include "config.h"

#include "dossier-history.h"

/*
 * An undo/redo stack of opaque edits. The owner applies an edit, pushes
 * it, and gets it back through the apply callback to revert it (undo) or
 * apply it again (redo). Edits pushed between begin_group() and
 * end_group() undo as one step. A new edit after an undo drops the redo
 * side. Consecutive edits may merge (see DossierHistoryMerge) until the
 * history is sealed, which undo, redo and groups do.
 */

#define MAX_STEPS 1000

struct _DossierHistory
{
  GObject              parent_instance;

  DossierHistoryApply  apply;
  DossierHistoryMerge  merge;
  GDestroyNotify       free_edit;
  gpointer             user_data;

  GPtrArray           *steps;      /* of GPtrArray of edits */
  guint                position;   /* steps [0, position) are applied */
  guint                group_depth;
  GPtrArray           *open_group;
  guint                sealed : 1;
  guint                applying : 1;
};

G_DEFINE_FINAL_TYPE (DossierHistory, dossier_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_history_finalize (GObject *object)
{
  DossierHistory *self = (DossierHistory *)object;

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->open_group, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_history_parent_class)->finalize (object);
}

static void
dossier_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DossierHistory *self = DOSSIER_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, dossier_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, dossier_history_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_history_class_init (DossierHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_history_finalize;
  object_class->get_property = dossier_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_history_init (DossierHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  self->sealed = TRUE;
}

/**
 * dossier_history_new:
 * @apply: (scope notified): reverts or re-applies an edit
 * @merge: (nullable) (scope notified): merges consecutive edits
 * @free_edit: frees an edit
 * @user_data: passed to the callbacks; not referenced
 *
 * Returns: (transfer full): an empty history
 */
DossierHistory *
dossier_history_new (DossierHistoryApply apply,
                     DossierHistoryMerge merge,
                     GDestroyNotify      free_edit,
                     gpointer            user_data)
{
  DossierHistory *self;

  g_return_val_if_fail (apply != NULL, NULL);
  g_return_val_if_fail (free_edit != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_HISTORY, NULL);
  self->apply = apply;
  self->merge = merge;
  self->free_edit = free_edit;
  self->user_data = user_data;

  return self;
}

static void
notify_state (DossierHistory *self,
              gboolean        could_undo,
              gboolean        could_redo)
{
  if (could_undo != dossier_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != dossier_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/**
 * dossier_history_push:
 * @edit: (transfer full): an edit the owner has just applied
 */
void
dossier_history_push (DossierHistory *self,
                      gpointer        edit)
{
  gboolean could_undo, could_redo;
  GPtrArray *step;

  g_return_if_fail (DOSSIER_IS_HISTORY (self));
  g_return_if_fail (edit != NULL);

  /* Undoing applies edits through the owner, which must not record them. */
  if (self->applying)
    {
      self->free_edit (edit);
      return;
    }

  could_undo = dossier_history_get_can_undo (self);
  could_redo = dossier_history_get_can_redo (self);

  if (self->group_depth > 0)
    {
      if (self->open_group == NULL)
        self->open_group = g_ptr_array_new_with_free_func (self->free_edit);
      g_ptr_array_add (self->open_group, edit);
      return;
    }

  if (self->position < self->steps->len)
    g_ptr_array_set_size (self->steps, self->position);

  if (!self->sealed && self->merge && self->position > 0)
    {
      GPtrArray *last = g_ptr_array_index (self->steps, self->position - 1);

      if (last->len == 1 && self->merge (g_ptr_array_index (last, 0), edit, self->user_data))
        {
          self->free_edit (edit);
          notify_state (self, could_undo, could_redo);
          return;
        }
    }

  step = g_ptr_array_new_with_free_func (self->free_edit);
  g_ptr_array_add (step, edit);
  g_ptr_array_add (self->steps, step);
  if (self->steps->len > MAX_STEPS)
    g_ptr_array_remove_index (self->steps, 0);
  self->position = self->steps->len;
  self->sealed = FALSE;

  notify_state (self, could_undo, could_redo);
}

/**
 * dossier_history_begin_group:
 *
 * Edits pushed until the matching dossier_history_end_group() undo and
 * redo as one step. Groups nest.
 */
void
dossier_history_begin_group (DossierHistory *self)
{
  g_return_if_fail (DOSSIER_IS_HISTORY (self));

  self->group_depth++;
}

void
dossier_history_end_group (DossierHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (DOSSIER_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0 || self->open_group == NULL)
    return;

  could_undo = dossier_history_get_can_undo (self);
  could_redo = dossier_history_get_can_redo (self);

  if (self->position < self->steps->len)
    g_ptr_array_set_size (self->steps, self->position);
  g_ptr_array_add (self->steps, g_steal_pointer (&self->open_group));
  if (self->steps->len > MAX_STEPS)
    g_ptr_array_remove_index (self->steps, 0);
  self->position = self->steps->len;
  self->sealed = TRUE;

  notify_state (self, could_undo, could_redo);
}

/**
 * dossier_history_seal:
 *
 * The next edit starts a new undo step even if it could merge with the
 * last one (say, when the user leaves a note field).
 */
void
dossier_history_seal (DossierHistory *self)
{
  g_return_if_fail (DOSSIER_IS_HISTORY (self));

  self->sealed = TRUE;
}

gboolean
dossier_history_undo (DossierHistory *self)
{
  gboolean could_undo, could_redo;
  GPtrArray *step;

  g_return_val_if_fail (DOSSIER_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->position == 0)
    return FALSE;

  could_undo = dossier_history_get_can_undo (self);
  could_redo = dossier_history_get_can_redo (self);

  step = g_ptr_array_index (self->steps, --self->position);
  self->applying = TRUE;
  for (guint i = step->len; i > 0; i--)
    self->apply (g_ptr_array_index (step, i - 1), FALSE, self->user_data);
  self->applying = FALSE;
  self->sealed = TRUE;

  notify_state (self, could_undo, could_redo);

  return TRUE;
}

gboolean
dossier_history_redo (DossierHistory *self)
{
  gboolean could_undo, could_redo;
  GPtrArray *step;

  g_return_val_if_fail (DOSSIER_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->position >= self->steps->len)
    return FALSE;

  could_undo = dossier_history_get_can_undo (self);
  could_redo = dossier_history_get_can_redo (self);

  step = g_ptr_array_index (self->steps, self->position++);
  self->applying = TRUE;
  for (guint i = 0; i < step->len; i++)
    self->apply (g_ptr_array_index (step, i), TRUE, self->user_data);
  self->applying = FALSE;
  self->sealed = TRUE;

  notify_state (self, could_undo, could_redo);

  return TRUE;
}

gboolean
dossier_history_get_can_undo (DossierHistory *self)
{
  g_return_val_if_fail (DOSSIER_IS_HISTORY (self), FALSE);

  return self->position > 0;
}

gboolean
dossier_history_get_can_redo (DossierHistory *self)
{
  g_return_val_if_fail (DOSSIER_IS_HISTORY (self), FALSE);

  return self->position < self->steps->len;
}

void
dossier_history_clear (DossierHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (DOSSIER_IS_HISTORY (self));

  could_undo = dossier_history_get_can_undo (self);
  could_redo = dossier_history_get_can_redo (self);
  g_ptr_array_set_size (self->steps, 0);
  self->position = 0;
  self->sealed = TRUE;
  notify_state (self, could_undo, could_redo);
}
