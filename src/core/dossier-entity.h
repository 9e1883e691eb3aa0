/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-types.h"

G_BEGIN_DECLS

/**
 * DossierEntityKind:
 * @DOSSIER_ENTITY_PERSON: a person
 * @DOSSIER_ENTITY_ORGANIZATION: an organization
 * @DOSSIER_ENTITY_PLACE: a place
 */
typedef enum
{
  DOSSIER_ENTITY_PERSON,
  DOSSIER_ENTITY_ORGANIZATION,
  DOSSIER_ENTITY_PLACE,
} DossierEntityKind;

/**
 * DossierEntityMention:
 * @start: first Unicode code point of the mention in the article text
 * @end: code point after the mention (exclusive)
 */
typedef struct
{
  guint start;
  guint end;
} DossierEntityMention;

#define DOSSIER_TYPE_ENTITY_KIND (dossier_entity_kind_get_type ())
GType dossier_entity_kind_get_type (void) G_GNUC_CONST;

const char *dossier_entity_kind_to_string (DossierEntityKind kind);

#define DOSSIER_TYPE_ENTITY (dossier_entity_get_type ())

G_DECLARE_FINAL_TYPE (DossierEntity, dossier_entity, DOSSIER, ENTITY, GObject)

DossierEntity              *dossier_entity_new           (const char        *name,
                                                          DossierEntityKind  kind);
const char                 *dossier_entity_get_name      (DossierEntity     *self);
void                        dossier_entity_set_name      (DossierEntity     *self,
                                                          const char        *name);
DossierEntityKind           dossier_entity_get_kind      (DossierEntity     *self);
void                        dossier_entity_set_kind      (DossierEntity     *self,
                                                          DossierEntityKind  kind);
const char                 *dossier_entity_get_role      (DossierEntity     *self);
void                        dossier_entity_set_role      (DossierEntity     *self,
                                                          const char        *role);
const char * const         *dossier_entity_get_aliases   (DossierEntity     *self);
void                        dossier_entity_add_alias     (DossierEntity     *self,
                                                          const char        *alias);
guint                       dossier_entity_get_n_mentions (DossierEntity    *self);
const DossierEntityMention *dossier_entity_get_mentions  (DossierEntity     *self,
                                                          guint             *n_mentions);
void                        dossier_entity_add_mention   (DossierEntity     *self,
                                                          guint              start,
                                                          guint              end);

G_END_DECLS
