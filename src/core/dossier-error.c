/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-error"

#include "config.h"

#include "dossier-error.h"

G_DEFINE_QUARK (dossier-error-quark, dossier_error)
