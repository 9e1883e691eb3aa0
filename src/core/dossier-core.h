/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-types.h"
#include "dossier-anchor.h"
#include "dossier-annotation.h"
#include "dossier-annotation-list.h"
#include "dossier-article.h"
#include "dossier-document.h"
#include "dossier-error.h"
#include "dossier-history.h"
#include "dossier-importer.h"
#include "dossier-json.h"
#include "dossier-notes-store.h"
#include "dossier-entities.h"
#include "dossier-timeline.h"
