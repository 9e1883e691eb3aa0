/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-types.h"
#include "dossier-article.h"
#include "dossier-error.h"
#include "dossier-importer.h"
#include "dossier-json.h"
#include "dossier-entities.h"
#include "dossier-timeline.h"
