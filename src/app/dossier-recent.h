/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GMenuModel *_dossier_recent_get_menu (void);
void        _dossier_recent_add      (GFile *file);

G_END_DECLS
