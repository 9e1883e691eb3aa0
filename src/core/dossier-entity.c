/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-entity"

#include "config.h"

#include <string.h>

#include "dossier-entity-private.h"

struct _DossierEntity
{
  GObject            parent_instance;

  char              *name;
  char              *role;
  GPtrArray         *aliases;   /* NULL-terminated array of char* */
  GArray            *mentions;  /* DossierEntityMention */
  DossierEntityKind  kind;
};

G_DEFINE_FINAL_TYPE (DossierEntity, dossier_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_ROLE,
  PROP_N_MENTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_str (char       **dest,
         const char  *value)
{
  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;

  g_free (*dest);
  *dest = g_strdup (value);
  return TRUE;
}

static const GEnumValue kind_values[] = {
  { DOSSIER_ENTITY_PERSON, "DOSSIER_ENTITY_PERSON", "person" },
  { DOSSIER_ENTITY_ORGANIZATION, "DOSSIER_ENTITY_ORGANIZATION", "organization" },
  { DOSSIER_ENTITY_PLACE, "DOSSIER_ENTITY_PLACE", "place" },
  { 0, NULL, NULL }
};

GType
dossier_entity_kind_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      GType t = g_enum_register_static (g_intern_static_string ("DossierEntityKind"),
                                        kind_values);
      g_once_init_leave (&type_id, t);
    }

  return type_id;
}

/**
 * dossier_entity_kind_to_string:
 * @kind: a #DossierEntityKind
 *
 * Returns: (transfer none): "person", "organization" or "place"
 */
const char *
dossier_entity_kind_to_string (DossierEntityKind kind)
{
  switch (kind)
    {
    case DOSSIER_ENTITY_PERSON:
      return "person";
    case DOSSIER_ENTITY_ORGANIZATION:
      return "organization";
    case DOSSIER_ENTITY_PLACE:
      return "place";
    default:
      return "person";
    }
}

static void
dossier_entity_finalize (GObject *object)
{
  DossierEntity *self = (DossierEntity *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->aliases, g_ptr_array_unref);
  g_clear_pointer (&self->mentions, g_array_unref);

  G_OBJECT_CLASS (dossier_entity_parent_class)->finalize (object);
}

static void
dossier_entity_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DossierEntity *self = DOSSIER_ENTITY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, dossier_entity_get_name (self));
      break;

    case PROP_KIND:
      g_value_set_enum (value, dossier_entity_get_kind (self));
      break;

    case PROP_ROLE:
      g_value_set_string (value, dossier_entity_get_role (self));
      break;

    case PROP_N_MENTIONS:
      g_value_set_uint (value, dossier_entity_get_n_mentions (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_entity_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DossierEntity *self = DOSSIER_ENTITY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      dossier_entity_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      dossier_entity_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_ROLE:
      dossier_entity_set_role (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_entity_class_init (DossierEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_entity_finalize;
  object_class->get_property = dossier_entity_get_property;
  object_class->set_property = dossier_entity_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       DOSSIER_TYPE_ENTITY_KIND,
                       DOSSIER_ENTITY_PERSON,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_MENTIONS] =
    g_param_spec_uint ("n-mentions", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_entity_init (DossierEntity *self)
{
  self->aliases = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->aliases, NULL);
  self->mentions = g_array_new (FALSE, FALSE, sizeof (DossierEntityMention));
}

/**
 * dossier_entity_new:
 * @name: the entity's name, its fullest form
 * @kind: a #DossierEntityKind
 *
 * Returns: (transfer full): a new #DossierEntity without mentions
 */
DossierEntity *
dossier_entity_new (const char        *name,
                    DossierEntityKind  kind)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (DOSSIER_TYPE_ENTITY,
                       "name", name,
                       "kind", kind,
                       NULL);
}

const char *
dossier_entity_get_name (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), NULL);

  return self->name;
}

void
dossier_entity_set_name (DossierEntity *self,
                         const char    *name)
{
  g_return_if_fail (DOSSIER_IS_ENTITY (self));

  if (set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

DossierEntityKind
dossier_entity_get_kind (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), DOSSIER_ENTITY_PERSON);

  return self->kind;
}

void
dossier_entity_set_kind (DossierEntity     *self,
                         DossierEntityKind  kind)
{
  g_return_if_fail (DOSSIER_IS_ENTITY (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * dossier_entity_get_role:
 * @self: a #DossierEntity
 *
 * Returns: (nullable): the role found in the text ("Army Secretary",
 *   "Kremlin envoy"), or %NULL
 */
const char *
dossier_entity_get_role (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), NULL);

  return self->role;
}

void
dossier_entity_set_role (DossierEntity *self,
                         const char    *role)
{
  g_return_if_fail (DOSSIER_IS_ENTITY (self));

  if (set_str (&self->role, role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

/**
 * dossier_entity_get_aliases:
 * @self: a #DossierEntity
 *
 * Returns: (transfer none) (array zero-terminated=1): the other forms the
 *   text uses for the entity
 */
const char * const *
dossier_entity_get_aliases (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), NULL);

  return (const char * const *)self->aliases->pdata;
}

void
dossier_entity_add_alias (DossierEntity *self,
                          const char    *alias)
{
  g_return_if_fail (DOSSIER_IS_ENTITY (self));
  g_return_if_fail (alias != NULL);

  if (g_strcmp0 (alias, self->name) == 0)
    return;

  for (guint i = 0; i + 1 < self->aliases->len; i++)
    if (strcmp (g_ptr_array_index (self->aliases, i), alias) == 0)
      return;

  g_ptr_array_insert (self->aliases, self->aliases->len - 1, g_strdup (alias));
}

guint
dossier_entity_get_n_mentions (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), 0);

  return self->mentions->len;
}

/**
 * dossier_entity_get_mentions:
 * @self: a #DossierEntity
 * @n_mentions: (out) (optional): the number of mentions
 *
 * Returns: (transfer none) (array length=n_mentions): the mentions, in text
 *   order
 */
const DossierEntityMention *
dossier_entity_get_mentions (DossierEntity *self,
                             guint         *n_mentions)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), NULL);

  if (n_mentions != NULL)
    *n_mentions = self->mentions->len;

  return (const DossierEntityMention *)(gpointer)self->mentions->data;
}

/**
 * dossier_entity_add_mention:
 * @self: a #DossierEntity
 * @start: first code point
 * @end: code point after the mention
 *
 * Adds a mention, keeping the mentions in text order.
 */
void
dossier_entity_add_mention (DossierEntity *self,
                            guint          start,
                            guint          end)
{
  DossierEntityMention m = { start, end };
  guint i;

  g_return_if_fail (DOSSIER_IS_ENTITY (self));
  g_return_if_fail (start <= end);

  i = self->mentions->len;
  while (i > 0 && g_array_index (self->mentions, DossierEntityMention, i - 1).start > start)
    i--;

  if (i > 0 && g_array_index (self->mentions, DossierEntityMention, i - 1).start == start)
    return;

  g_array_insert_val (self->mentions, i, m);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MENTIONS]);
}

/* Analysis builds mentions in text order, without notifications. */
void
_dossier_entity_append_mention (DossierEntity *self,
                                guint          start,
                                guint          end)
{
  DossierEntityMention m = { start, end };

  g_assert (DOSSIER_IS_ENTITY (self));

  g_array_append_val (self->mentions, m);
}
