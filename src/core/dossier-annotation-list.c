/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-annotation-list"

#include "config.h"

#include "dossier-annotation.h"
#include "dossier-annotation-list-private.h"

/*
 * The annotations of a document as a GListModel, in the order of
 * dossier_annotation_compare(): by position, orphans last. The list keeps
 * itself sorted when an annotation moves (it watches start, end and
 * orphan). Bulk changes (loading, re-anchoring) freeze it and emit one
 * items-changed when thawed.
 */

struct _DossierAnnotationList
{
  GObject     parent_instance;

  GPtrArray  *items;
  GHashTable *by_id;
  guint       n_orphans;
  guint       frozen;
  guint       frozen_n_items;
  guint       ids_dirty : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierAnnotationList, dossier_annotation_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_N_ORPHANS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ANNOTATION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
get_item_type (GListModel *model)
{
  return DOSSIER_TYPE_ANNOTATION;
}

static guint
get_n_items (GListModel *model)
{
  return DOSSIER_ANNOTATION_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  DossierAnnotationList *self = DOSSIER_ANNOTATION_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
items_changed (DossierAnnotationList *self,
               guint                  position,
               guint                  removed,
               guint                  added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
count_orphans (DossierAnnotationList *self)
{
  guint n = 0;

  for (guint i = 0; i < self->items->len; i++)
    n += dossier_annotation_get_orphan (g_ptr_array_index (self->items, i));

  if (n != self->n_orphans)
    {
      self->n_orphans = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ORPHANS]);
    }
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  return dossier_annotation_compare (*(DossierAnnotation **)a, *(DossierAnnotation **)b);
}

/* Where @annotation goes, by binary search, ignoring index @skip. */
static guint
insertion_point (DossierAnnotationList *self,
                 DossierAnnotation     *annotation)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (dossier_annotation_compare (g_ptr_array_index (self->items, mid), annotation) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
on_annotation_notify (DossierAnnotation     *annotation,
                      GParamSpec            *pspec,
                      DossierAnnotationList *self)
{
  const char *name = pspec->name;
  guint old_pos, new_pos;

  g_signal_emit (self, signals[ANNOTATION_CHANGED], g_param_spec_get_name_quark (pspec),
                 annotation, pspec);

  if (g_str_equal (name, "id"))
    {
      self->ids_dirty = TRUE;
      return;
    }
  if (!g_str_equal (name, "start") && !g_str_equal (name, "end") &&
      !g_str_equal (name, "orphan") && !g_str_equal (name, "created"))
    return;
  if (self->frozen)
    return;

  if (g_str_equal (name, "orphan"))
    count_orphans (self);

  if (!g_ptr_array_find (self->items, annotation, &old_pos))
    return;

  g_ptr_array_steal_index (self->items, old_pos);
  new_pos = insertion_point (self, annotation);
  g_ptr_array_insert (self->items, new_pos, annotation);

  if (new_pos != old_pos)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), new_pos, 0, 1);
    }
}

static void
release (DossierAnnotationList *self,
         DossierAnnotation     *annotation)
{
  g_signal_handlers_disconnect_by_func (annotation, on_annotation_notify, self);
  g_object_unref (annotation);
}

static void
dossier_annotation_list_dispose (GObject *object)
{
  DossierAnnotationList *self = (DossierAnnotationList *)object;

  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < self->items->len; i++)
    release (self, g_ptr_array_index (self->items, i));
  g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (dossier_annotation_list_parent_class)->dispose (object);
}

static void
dossier_annotation_list_finalize (GObject *object)
{
  DossierAnnotationList *self = (DossierAnnotationList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);

  G_OBJECT_CLASS (dossier_annotation_list_parent_class)->finalize (object);
}

static void
dossier_annotation_list_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DossierAnnotationList *self = DOSSIER_ANNOTATION_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    case PROP_N_ORPHANS:
      g_value_set_uint (value, dossier_annotation_list_get_n_orphans (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_annotation_list_class_init (DossierAnnotationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_annotation_list_dispose;
  object_class->finalize = dossier_annotation_list_finalize;
  object_class->get_property = dossier_annotation_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ORPHANS] =
    g_param_spec_uint ("n-orphans", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierAnnotationList::annotation-changed:
   * @self: a #DossierAnnotationList
   * @annotation: the annotation of the list that changed
   * @pspec: the property that changed
   *
   * A property of one of the annotations changed: one handler for the
   * whole list, where watching 100,000 annotations one by one would cost
   * a closure each. Detailed by the property's name.
   */
  signals[ANNOTATION_CHANGED] =
    g_signal_new ("annotation-changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, DOSSIER_TYPE_ANNOTATION, G_TYPE_PARAM);
}

static void
dossier_annotation_list_init (DossierAnnotationList *self)
{
  self->items = g_ptr_array_new ();
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * dossier_annotation_list_new:
 *
 * Returns: (transfer full): an empty list
 */
DossierAnnotationList *
dossier_annotation_list_new (void)
{
  return g_object_new (DOSSIER_TYPE_ANNOTATION_LIST, NULL);
}

static void
rebuild_ids (DossierAnnotationList *self)
{
  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < self->items->len; i++)
    {
      DossierAnnotation *annotation = g_ptr_array_index (self->items, i);

      g_hash_table_insert (self->by_id, (char *)dossier_annotation_get_id (annotation), annotation);
    }
  self->ids_dirty = FALSE;
}

/**
 * dossier_annotation_list_lookup:
 *
 * Returns: (transfer none) (nullable): the annotation with that id
 */
DossierAnnotation *
dossier_annotation_list_lookup (DossierAnnotationList *self,
                                const char            *id)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION_LIST (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (self->ids_dirty)
    rebuild_ids (self);

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * dossier_annotation_list_find:
 * @position: (out) (optional): its index
 *
 * Returns: whether @annotation is in the list
 */
gboolean
dossier_annotation_list_find (DossierAnnotationList *self,
                              DossierAnnotation     *annotation,
                              guint                 *position)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION_LIST (self), FALSE);

  return g_ptr_array_find (self->items, annotation, position);
}

guint
dossier_annotation_list_get_n_orphans (DossierAnnotationList *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION_LIST (self), 0);

  return self->n_orphans;
}

void
_dossier_annotation_list_add (DossierAnnotationList *self,
                              DossierAnnotation     *annotation)
{
  guint position;

  g_assert (DOSSIER_IS_ANNOTATION_LIST (self));
  g_assert (DOSSIER_IS_ANNOTATION (annotation));

  /* Not g_signal_connect_object(): its closure costs more than the rest of
   * an annotation; the list disconnects whatever it releases. */
  g_signal_connect (annotation, "notify", G_CALLBACK (on_annotation_notify), self);
  g_object_ref (annotation);
  if (!self->ids_dirty)
    g_hash_table_insert (self->by_id, (char *)dossier_annotation_get_id (annotation), annotation);

  if (self->frozen)
    {
      g_ptr_array_add (self->items, annotation);
      return;
    }

  position = insertion_point (self, annotation);
  g_ptr_array_insert (self->items, position, annotation);
  if (dossier_annotation_get_orphan (annotation))
    count_orphans (self);
  items_changed (self, position, 0, 1);
}

void
_dossier_annotation_list_remove (DossierAnnotationList *self,
                                 DossierAnnotation     *annotation)
{
  guint position;

  g_assert (DOSSIER_IS_ANNOTATION_LIST (self));

  if (!g_ptr_array_find (self->items, annotation, &position))
    return;

  if (!self->ids_dirty)
    g_hash_table_remove (self->by_id, dossier_annotation_get_id (annotation));
  g_ptr_array_remove_index (self->items, position);

  if (self->frozen)
    {
      release (self, annotation);
      return;
    }

  if (dossier_annotation_get_orphan (annotation))
    {
      release (self, annotation);
      count_orphans (self);
    }
  else
    release (self, annotation);
  items_changed (self, position, 1, 0);
}

void
_dossier_annotation_list_clear (DossierAnnotationList *self)
{
  guint n;

  g_assert (DOSSIER_IS_ANNOTATION_LIST (self));

  n = self->items->len;
  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < n; i++)
    release (self, g_ptr_array_index (self->items, i));
  g_ptr_array_set_size (self->items, 0);
  self->ids_dirty = FALSE;

  if (!self->frozen && n > 0)
    {
      count_orphans (self);
      items_changed (self, 0, n, 0);
    }
}

void
_dossier_annotation_list_freeze (DossierAnnotationList *self)
{
  g_assert (DOSSIER_IS_ANNOTATION_LIST (self));

  if (self->frozen++ == 0)
    self->frozen_n_items = self->items->len;
}

void
_dossier_annotation_list_thaw (DossierAnnotationList *self)
{
  g_assert (DOSSIER_IS_ANNOTATION_LIST (self));
  g_assert (self->frozen > 0);

  if (--self->frozen > 0)
    return;

  g_ptr_array_sort (self->items, compare_items);
  count_orphans (self);
  if (self->frozen_n_items > 0 || self->items->len > 0)
    items_changed (self, 0, self->frozen_n_items, self->items->len);
}
