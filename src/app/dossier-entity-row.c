/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-entity-row"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-entity.h"
#include "dossier-entity-row-private.h"

/**
 * DossierEntityRow:
 *
 * A row of the entity sidebar: an entity's name, its role and how often it
 * is mentioned; or, for a #GtkStringObject item, the heading of a section.
 */
struct _DossierEntityRow
{
  GtkWidget      parent_instance;

  GObject       *item;
  GBindingGroup *bindings;

  GtkLabel      *heading_label;
  GtkWidget     *entity_box;
  GtkLabel      *name_label;
  GtkLabel      *role_label;
  GtkLabel      *count_label;
};

G_DEFINE_FINAL_TYPE (DossierEntityRow, dossier_entity_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
role_to_visible (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const char *role = g_value_get_string (from);

  g_value_set_boolean (to, role != NULL && *role != '\0');
  return TRUE;
}

static gboolean
count_to_label (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_take_string (to, g_strdup_printf ("%u", g_value_get_uint (from)));
  return TRUE;
}

static void
update_accessible (DossierEntityRow *self)
{
  g_autofree char *label = NULL;
  DossierEntity *entity;
  const char *role;
  guint n;

  if (!DOSSIER_IS_ENTITY (self->item))
    return;

  entity = DOSSIER_ENTITY (self->item);
  role = dossier_entity_get_role (entity);
  n = dossier_entity_get_n_mentions (entity);

  if (role != NULL && *role != '\0')
    /* Translators: read by screen readers for an entity: name, role, count */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s, %u mention",
                                          "%s, %s, %u mentions", n),
                             dossier_entity_get_name (entity), role, n);
  else
    /* Translators: read by screen readers for an entity: name, count */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u mention",
                                          "%s, %u mentions", n),
                             dossier_entity_get_name (entity), n);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

GObject *
dossier_entity_row_get_item (DossierEntityRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY_ROW (self), NULL);

  return self->item;
}

void
dossier_entity_row_set_item (DossierEntityRow *self,
                             GObject          *item)
{
  gboolean is_heading;

  g_return_if_fail (DOSSIER_IS_ENTITY_ROW (self));
  g_return_if_fail (!item || G_IS_OBJECT (item));

  if (!g_set_object (&self->item, item))
    return;

  is_heading = GTK_IS_STRING_OBJECT (item);

  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), is_heading);
  gtk_widget_set_visible (self->entity_box, !is_heading);

  if (is_heading)
    gtk_label_set_text (self->heading_label,
                        gtk_string_object_get_string (GTK_STRING_OBJECT (item)));

  g_binding_group_set_source (self->bindings, DOSSIER_IS_ENTITY (item) ? item : NULL);
  update_accessible (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

static void
dossier_entity_row_dispose (GObject *object)
{
  DossierEntityRow *self = DOSSIER_ENTITY_ROW (object);

  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ENTITY_ROW);

  g_clear_object (&self->bindings);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (dossier_entity_row_parent_class)->dispose (object);
}

static void
dossier_entity_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierEntityRow *self = DOSSIER_ENTITY_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, dossier_entity_row_get_item (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_entity_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierEntityRow *self = DOSSIER_ENTITY_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      dossier_entity_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_entity_row_class_init (DossierEntityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_entity_row_dispose;
  object_class->get_property = dossier_entity_row_get_property;
  object_class->set_property = dossier_entity_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         G_TYPE_OBJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dossier-entity-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierEntityRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityRow, entity_box);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityRow, role_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entityrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_entity_row_init (DossierEntityRow *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "name", self->name_label, "label",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "role", self->role_label, "label",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "role", self->role_label, "visible",
                             G_BINDING_SYNC_CREATE, role_to_visible, NULL, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "n-mentions", self->count_label, "label",
                             G_BINDING_SYNC_CREATE, count_to_label, NULL, NULL, NULL);
}
