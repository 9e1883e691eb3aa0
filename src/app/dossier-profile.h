/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void _dossier_profile_init               (void);
void _dossier_profile_article_shown      (GtkWidget *widget);
void _dossier_profile_mark               (const char *what);
void _dossier_profile_load_failed        (const char *message);

G_END_DECLS
