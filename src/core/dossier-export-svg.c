/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-export-svg"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-article.h"
#include "dossier-export-private.h"
#include "dossier-timex.h"

/*
 * The timeline as a standalone SVG: a horizontal axis scaled to the span
 * of the dated entries, one row per entry with a marker (a bar for a week,
 * a month or a year) and its label. Durations, sets and references
 * without a calendar date are listed below the chart.
 */

#define WIDTH 960
#define LEFT 40
#define RIGHT 40
#define AXIS_Y 64
#define ROW_Y 100
#define ROW_HEIGHT 26

typedef struct
{
  DossierTimex *timex;
  guint32       first;   /* Julian days, inclusive */
  guint32       last;
} Dated;

static double
scale (guint32 day,
       guint32 min,
       guint32 max)
{
  return LEFT + (double)(day - min) * (WIDTH - LEFT - RIGHT) / (double)(max - min);
}

static void
axis_label (GString *out,
            double   x,
            guint32  day,
            gboolean by_year,
            gboolean by_month)
{
  GDate date;
  char buffer[32];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  if (by_year)
    g_snprintf (buffer, sizeof buffer, "%d", g_date_get_year (&date));
  else if (by_month)
    g_snprintf (buffer, sizeof buffer, "%d-%02d", g_date_get_year (&date), g_date_get_month (&date));
  else
    g_snprintf (buffer, sizeof buffer, "%d-%02d-%02d", g_date_get_year (&date),
                g_date_get_month (&date), g_date_get_day (&date));
  g_string_append_printf (out, "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                               "<text class=\"axis\" x=\"%.1f\" y=\"%d\">%s</text>\n",
                          x, AXIS_Y - 5, x, AXIS_Y + 5, x, AXIS_Y - 10, buffer);
}

void
_dossier_export_timeline_svg (GString        *out,
                              DossierArticle *article,
                              GPtrArray      *timexes)
{
  g_autoptr(GPtrArray) sorted = _dossier_export_sorted_timexes (timexes);
  g_autoptr(GArray) dated = g_array_new (FALSE, FALSE, sizeof (Dated));
  g_autoptr(GPtrArray) undated = g_ptr_array_new ();
  const char *title = dossier_article_get_title (article);
  guint32 min = G_MAXUINT32, max = 0;
  guint height;

  for (guint i = 0; i < sorted->len; i++)
    {
      Dated entry = { g_ptr_array_index (sorted, i), 0, 0 };

      if (_dossier_export_date_range (dossier_timex_get_value (entry.timex), &entry.first, &entry.last))
        {
          g_array_append_val (dated, entry);
          min = MIN (min, entry.first);
          max = MAX (max, entry.last + 1);
        }
      else
        g_ptr_array_add (undated, entry.timex);
    }
  if (dated->len == 0)
    min = 0, max = 1;
  else
    {
      /* A margin of 3 % on both sides; at least one day. */
      guint32 pad = MAX (1, (max - min) * 3 / 100);

      min = min > pad ? min - pad : 0;
      max += pad;
    }

  height = ROW_Y + MAX (dated->len, 1) * ROW_HEIGHT + 20 + undated->len * 20 + (undated->len ? 30 : 0);
  g_string_append_printf (out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                          "width=\"%d\" height=\"%u\" viewBox=\"0 0 %d %u\">\n"
                          "<title>", WIDTH, height, WIDTH, height);
  _dossier_export_append_xml (out, title && *title ? title : _("Timeline"), -1);
  g_string_append (out,
                   "</title>\n<style>\n"
                   "text { font-family: Cantarell, sans-serif; font-size: 12px; fill: #1e1e1e; }\n"
                   ".axis { font-size: 11px; fill: #555; text-anchor: middle; }\n"
                   ".value { font-weight: bold; }\n"
                   "line { stroke: #777; stroke-width: 1; }\n"
                   ".guide { stroke: #ddd; stroke-dasharray: 2 3; }\n"
                   ".marker { fill: #3584e4; }\n"
                   ".span { fill: #3584e4; fill-opacity: .35; stroke: #3584e4; }\n"
                   "</style>\n"
                   "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n<text x=\"");
  g_string_append_printf (out, "%d\" y=\"24\" font-size=\"16\">", LEFT);
  _dossier_export_append_xml (out, title && *title ? title : _("Timeline"), -1);
  g_string_append (out, "</text>\n");
  g_string_append_printf (out, "<line class=\"axis-line\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
                          LEFT, AXIS_Y, WIDTH - RIGHT, AXIS_Y);

  if (dated->len > 0)
    {
      guint32 span = max - min;
      gboolean by_year = span > 3 * 365;
      gboolean by_month = !by_year && span > 62;
      guint32 step_days = by_year ? 0 : by_month ? 0 : MAX (1, span / 8);
      GDate tick;

      /* Ticks on year or month boundaries, or every few days. */
      g_date_clear (&tick, 1);
      g_date_set_julian (&tick, min);
      if (by_year || by_month)
        {
          guint n_ticks = 0;
          guint every;

          g_date_set_day (&tick, 1);
          if (by_year)
            g_date_set_month (&tick, G_DATE_JANUARY);
          every = by_year ? MAX (1, span / 365 / 10) : MAX (1, span / 30 / 10);
          while (g_date_get_julian (&tick) <= max)
            {
              if (g_date_get_julian (&tick) >= min && n_ticks++ % every == 0)
                axis_label (out, scale (g_date_get_julian (&tick), min, max),
                            g_date_get_julian (&tick), by_year, by_month);
              if (by_year)
                g_date_add_years (&tick, 1);
              else
                g_date_add_months (&tick, 1);
            }
        }
      else
        for (guint32 day = min; day <= max; day += step_days)
          axis_label (out, scale (day, min, max), day, FALSE, FALSE);
    }

  for (guint i = 0; i < dated->len; i++)
    {
      Dated *entry = &g_array_index (dated, Dated, i);
      double x = scale (entry->first, min, max);
      double x2 = scale (entry->last + 1, min, max);
      int y = ROW_Y + i * ROW_HEIGHT;
      gboolean right = x < WIDTH / 2;

      g_string_append_printf (out, "<g class=\"entry\">\n<line class=\"guide\" x1=\"%.1f\" y1=\"%d\" "
                                   "x2=\"%.1f\" y2=\"%d\"/>\n",
                              x, AXIS_Y, x, y);
      if (entry->last > entry->first)
        g_string_append_printf (out, "<rect class=\"span\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                                     "height=\"10\" rx=\"3\"/>\n",
                                x, y - 5, MAX (x2 - x, 2.0));
      else
        g_string_append_printf (out, "<circle class=\"marker\" cx=\"%.1f\" cy=\"%d\" r=\"5\"/>\n", x, y);
      g_string_append_printf (out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">"
                                   "<tspan class=\"value\">",
                              right ? MAX (x, x2) + 10 : x - 10, y + 4, right ? "start" : "end");
      _dossier_export_append_xml (out, dossier_timex_get_value (entry->timex), -1);
      g_string_append (out, "</tspan> ");
      _dossier_export_append_xml (out, dossier_timex_get_text (entry->timex), -1);
      g_string_append (out, "</text>\n</g>\n");
    }
  if (dated->len == 0)
    g_string_append_printf (out, "<text x=\"%d\" y=\"%d\">%s</text>\n", LEFT, ROW_Y,
                            _("No dated entries"));

  if (undated->len > 0)
    {
      int y = ROW_Y + MAX (dated->len, 1) * ROW_HEIGHT + 30;

      g_string_append_printf (out, "<text x=\"%d\" y=\"%d\" class=\"value\">%s</text>\n",
                              LEFT, y, _("Durations and other times"));
      for (guint i = 0; i < undated->len; i++)
        {
          DossierTimex *timex = g_ptr_array_index (undated, i);

          g_string_append_printf (out, "<text x=\"%d\" y=\"%u\"><tspan class=\"value\">",
                                  LEFT, y + 20 * (i + 1));
          _dossier_export_append_xml (out, dossier_timex_get_value (timex), -1);
          g_string_append (out, "</tspan> ");
          _dossier_export_append_xml (out, dossier_timex_get_text (timex), -1);
          g_string_append (out, "</text>\n");
        }
    }
  g_string_append (out, "</svg>\n");
}
