/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int   year;
  int   month;
  int   day;
  gsize start;   /* byte span of the date in the text */
  gsize end;
} DossierTextDate;

gboolean   _dossier_text_find_date        (const char      *text,
                                           gsize            length,
                                           gboolean         last,
                                           gboolean         month_first,
                                           DossierTextDate *date);
gboolean   _dossier_text_match_date_line  (const char      *line,
                                           gsize            length,
                                           gboolean         month_first,
                                           DossierTextDate *date);
GDateTime *_dossier_text_parse_date_line  (const char      *line,
                                           gssize           length);
GDateTime *_dossier_text_date_to_datetime (const DossierTextDate *date);

G_END_DECLS
