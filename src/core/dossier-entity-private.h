/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-entity.h"

G_BEGIN_DECLS

void _dossier_entity_append_mention (DossierEntity *self,
                                     guint          start,
                                     guint          end);

G_END_DECLS
