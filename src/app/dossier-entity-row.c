/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-entity-row"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-entity-corrections.h"
#include "dossier-entity.h"
#include "dossier-entity-row-private.h"
#include "dossier-entity-sidebar-private.h"

/**
 * DossierEntityRow:
 *
 * A row of the entity sidebar: an entity's name, its role and how often it
 * is mentioned; or, for a #GtkStringObject item, the heading of a section.
 *
 * Its menu (the button, a right click, Shift+F10) corrects the entity:
 * rename, merge into another, change kind, hide or show. Dragging a row
 * onto another merges it into that one. The row only asks: the sidebar
 * turns the request into a correction.
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
  GtkMenuButton *menu_button;

  guint          hidden : 1;
};

G_DEFINE_FINAL_TYPE (DossierEntityRow, dossier_entity_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_KIND,
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

static DossierEntity *
get_entity (DossierEntityRow *self)
{
  return DOSSIER_IS_ENTITY (self->item) ? DOSSIER_ENTITY (self->item) : NULL;
}

static DossierEntitySidebar *
get_sidebar (DossierEntityRow *self)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (GTK_WIDGET (self), DOSSIER_TYPE_ENTITY_SIDEBAR);

  return ancestor ? DOSSIER_ENTITY_SIDEBAR (ancestor) : NULL;
}

static void
update_actions (DossierEntityRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean is_entity = get_entity (self) != NULL;

  gtk_widget_action_set_enabled (widget, "entity.rename", is_entity);
  gtk_widget_action_set_enabled (widget, "entity.merge-into", is_entity);
  gtk_widget_action_set_enabled (widget, "entity.hide", is_entity && !self->hidden);
  gtk_widget_action_set_enabled (widget, "entity.show", is_entity && self->hidden);
  gtk_widget_action_set_enabled (widget, "entity.menu", is_entity);
}

static void
correct (DossierEntityRow *self,
         JsonObject       *correction)
{
  g_autoptr(JsonObject) owned = correction;
  DossierEntitySidebar *sidebar = get_sidebar (self);

  if (sidebar != NULL)
    _dossier_entity_sidebar_correct (sidebar, owned);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DossierEntityRow *self = DOSSIER_ENTITY_ROW (widget);
  DossierEntitySidebar *sidebar = get_sidebar (self);

  if (sidebar != NULL && get_entity (self) != NULL)
    _dossier_entity_sidebar_rename (sidebar, get_entity (self));
}

static void
merge_into_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  DossierEntityRow *self = DOSSIER_ENTITY_ROW (widget);
  DossierEntitySidebar *sidebar = get_sidebar (self);

  if (sidebar != NULL && get_entity (self) != NULL)
    _dossier_entity_sidebar_choose_merge (sidebar, get_entity (self));
}

/* The "kind" property backs the entity.kind action: the menu shows the
 * current kind as chosen, and choosing another corrects it. */
static const char *
get_kind (DossierEntityRow *self)
{
  DossierEntity *entity = get_entity (self);

  return entity ? dossier_entity_kind_to_string (dossier_entity_get_kind (entity)) : "";
}

static void
set_kind (DossierEntityRow *self,
          const char       *str)
{
  DossierEntity *entity = get_entity (self);
  DossierEntityKind kind;

  if (entity == NULL ||
      !dossier_entity_kind_from_string (str, &kind) ||
      kind == dossier_entity_get_kind (entity))
    return;

  correct (self, dossier_entity_correction_new_kind (entity, kind));
}

static void
hide_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DossierEntityRow *self = DOSSIER_ENTITY_ROW (widget);

  if (get_entity (self) != NULL)
    correct (self, dossier_entity_correction_new_hide (get_entity (self)));
}

static void
show_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DossierEntityRow *self = DOSSIER_ENTITY_ROW (widget);

  if (get_entity (self) != NULL)
    correct (self, dossier_entity_correction_new_show (get_entity (self)));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DossierEntityRow *self = DOSSIER_ENTITY_ROW (widget);

  if (get_entity (self) != NULL && gtk_widget_get_mapped (widget))
    gtk_menu_button_popup (self->menu_button);
}

static void
on_secondary_click (DossierEntityRow *self,
                    int               n_press,
                    double            x,
                    double            y,
                    GtkGestureClick  *gesture)
{
  if (get_entity (self) == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_menu_button_popup (self->menu_button);
}

/* Drag a row onto another: merge it into that one */

static GdkContentProvider *
on_drag_prepare (DossierEntityRow *self,
                 double            x,
                 double            y,
                 GtkDragSource    *source)
{
  DossierEntity *entity = get_entity (self);
  g_autoptr(GdkPaintable) icon = NULL;

  if (entity == NULL)
    return NULL;

  icon = gtk_widget_paintable_new (self->entity_box);
  gtk_drag_source_set_icon (source, icon, (int) x, (int) y);

  return gdk_content_provider_new_typed (DOSSIER_TYPE_ENTITY, entity);
}

static gboolean
on_drop (DossierEntityRow *self,
         const GValue     *value,
         double            x,
         double            y,
         GtkDropTarget    *target)
{
  DossierEntity *into = get_entity (self);
  DossierEntity *entity;

  if (into == NULL || !G_VALUE_HOLDS (value, DOSSIER_TYPE_ENTITY))
    return FALSE;

  entity = g_value_get_object (value);
  if (entity == NULL || entity == into)
    return FALSE;

  correct (self, dossier_entity_correction_new_merge (entity, into));

  return TRUE;
}

static GdkDragAction
on_drop_enter (DossierEntityRow *self,
               double            x,
               double            y,
               GtkDropTarget    *target)
{
  return get_entity (self) != NULL ? GDK_ACTION_MOVE : 0;
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
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/*
 * _dossier_entity_row_set_hidden:
 * @hidden: whether the row's entity is one the user hid
 *
 * Hidden entities offer Show instead of Hide.
 */
void
_dossier_entity_row_set_hidden (DossierEntityRow *self,
                                gboolean          hidden)
{
  g_return_if_fail (DOSSIER_IS_ENTITY_ROW (self));

  self->hidden = !!hidden;
  update_actions (self);
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

    case PROP_KIND:
      g_value_set_string (value, get_kind (self));
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

    case PROP_KIND:
      set_kind (self, g_value_get_string (value));
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

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dossier-entity-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierEntityRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityRow, entity_box);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityRow, role_label);

  gtk_widget_class_install_action (widget_class, "entity.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "entity.merge-into", NULL, merge_into_action);
  gtk_widget_class_install_property_action (widget_class, "entity.kind", "kind");
  gtk_widget_class_install_action (widget_class, "entity.hide", NULL, hide_action);
  gtk_widget_class_install_action (widget_class, "entity.show", NULL, show_action);
  gtk_widget_class_install_action (widget_class, "entity.menu", NULL, menu_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entityrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_entity_row_init (DossierEntityRow *self)
{
  GtkLayoutManager *layout;
  GtkDragSource *drag;
  GtkDropTarget *drop;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_secondary_click), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect_object (drag, "prepare", G_CALLBACK (on_drag_prepare), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  drop = gtk_drop_target_new (DOSSIER_TYPE_ENTITY, GDK_ACTION_MOVE);
  g_signal_connect_object (drop, "enter", G_CALLBACK (on_drop_enter), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drop, "motion", G_CALLBACK (on_drop_enter), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

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

  update_actions (self);
}
