/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-annotation.h"
#include "dossier-article.h"
#include "dossier-document.h"
#include "dossier-entity.h"
#include "dossier-error.h"
#include "dossier-export.h"
#include "dossier-export-private.h"
#include "dossier-timex.h"

/*
 * Exporters turn a clipping (article), its notes (document) and the
 * analysis (entities, timeline) into a file. Every byte of text the user
 * or the article supplied goes through the escaper of the target format;
 * only the structure is written verbatim. Output is built in one GString
 * without intermediate trees so that 100,000 annotations export in well
 * under a second.
 */

static const struct
{
  const char *name;
  const char *extension;
  const char *mime_type;
  gboolean    entities;
  gboolean    timeline;
} formats[] = {
  [DOSSIER_EXPORT_MARKDOWN]     = { "markdown", "md", "text/markdown", TRUE, TRUE },
  [DOSSIER_EXPORT_HTML]         = { "html", "html", "text/html", TRUE, TRUE },
  [DOSSIER_EXPORT_W3C]          = { "w3c", "jsonld", "application/ld+json", FALSE, FALSE },
  [DOSSIER_EXPORT_CSV_ENTITIES] = { "csv-entities", "csv", "text/csv", TRUE, FALSE },
  [DOSSIER_EXPORT_CSV_TIMELINE] = { "csv-timeline", "csv", "text/csv", FALSE, TRUE },
  [DOSSIER_EXPORT_BIBTEX]       = { "bibtex", "bib", "application/x-bibtex", FALSE, FALSE },
  [DOSSIER_EXPORT_RIS]          = { "ris", "ris", "application/x-research-info-systems", FALSE, FALSE },
  [DOSSIER_EXPORT_CSL_JSON]     = { "csl-json", "json", "application/vnd.citationstyles.csl+json", FALSE, FALSE },
  [DOSSIER_EXPORT_TIMELINE_SVG] = { "timeline-svg", "svg", "image/svg+xml", FALSE, TRUE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (formats) == DOSSIER_N_EXPORT_FORMATS);

const char *
dossier_export_format_to_string (DossierExportFormat format)
{
  g_return_val_if_fail (format < DOSSIER_N_EXPORT_FORMATS, NULL);

  return formats[format].name;
}

/**
 * dossier_export_format_from_string:
 * @name: a format name as the command line takes it (`markdown`, `w3c`…)
 * @format: (out): the format
 *
 * Returns: %TRUE if @name is a format
 */
gboolean
dossier_export_format_from_string (const char          *name,
                                   DossierExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (name, formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }

  return FALSE;
}

const char *
dossier_export_format_get_extension (DossierExportFormat format)
{
  g_return_val_if_fail (format < DOSSIER_N_EXPORT_FORMATS, NULL);

  return formats[format].extension;
}

const char *
dossier_export_format_get_mime_type (DossierExportFormat format)
{
  g_return_val_if_fail (format < DOSSIER_N_EXPORT_FORMATS, NULL);

  return formats[format].mime_type;
}

/* Whether dossier_export() reads the entities (or the timeline) for
 * @format, so callers run the analysis only when it is used. */
gboolean
dossier_export_format_needs_entities (DossierExportFormat format)
{
  g_return_val_if_fail (format < DOSSIER_N_EXPORT_FORMATS, FALSE);

  return formats[format].entities;
}

gboolean
dossier_export_format_needs_timeline (DossierExportFormat format)
{
  g_return_val_if_fail (format < DOSSIER_N_EXPORT_FORMATS, FALSE);

  return formats[format].timeline;
}

/* Shared helpers */

static const struct
{
  const char *hex;
} palette[DOSSIER_N_ANNOTATION_COLORS] = {
  [DOSSIER_ANNOTATION_COLOR_YELLOW] = { "#f9e866" },
  [DOSSIER_ANNOTATION_COLOR_GREEN]  = { "#a6e9b4" },
  [DOSSIER_ANNOTATION_COLOR_BLUE]   = { "#a9cdf5" },
  [DOSSIER_ANNOTATION_COLOR_PINK]   = { "#f7b6cf" },
  [DOSSIER_ANNOTATION_COLOR_PURPLE] = { "#d9b8ec" },
  [DOSSIER_ANNOTATION_COLOR_ORANGE] = { "#ffc98a" },
};

const char *
_dossier_export_color_hex (DossierAnnotationColor color)
{
  g_assert (color < DOSSIER_N_ANNOTATION_COLORS);

  return palette[color].hex;
}

/* "dossier-highlight-yellow": the CSS class of a colour and style, in the
 * HTML export and as the W3C styleClass. */
const char *
_dossier_export_style_class (DossierAnnotationColor color,
                             DossierAnnotationStyle style)
{
  static char *classes[DOSSIER_N_ANNOTATION_COLORS][2];
  static gsize initialized;

  g_assert (color < DOSSIER_N_ANNOTATION_COLORS && style <= DOSSIER_ANNOTATION_STYLE_UNDERLINE);

  if (g_once_init_enter (&initialized))
    {
      for (guint c = 0; c < DOSSIER_N_ANNOTATION_COLORS; c++)
        for (guint s = 0; s < 2; s++)
          classes[c][s] = g_strdup_printf ("dossier-%s-%s", dossier_annotation_style_to_string (s),
                                           dossier_annotation_color_to_string (c));
      g_once_init_leave (&initialized, 1);
    }

  return classes[color][style];
}

void
_dossier_export_append_time (GString   *out,
                             GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;
  int y, m, d;

  if (time == NULL)
    return;
  if (g_date_time_get_utc_offset (time) != 0)
    time = utc = g_date_time_to_utc (time);
  g_date_time_get_ymd (time, &y, &m, &d);
  g_string_append_printf (out, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
                          g_date_time_get_hour (time), g_date_time_get_minute (time),
                          g_date_time_get_second (time));
}

void
_dossier_export_append_json_string (GString    *out,
                                    const char *str)
{
  const char *run;

  g_string_append_c (out, '"');
  if (str == NULL)
    str = "";
  run = str;
  for (const char *p = str; *p; p++)
    {
      guchar c = *p;
      const char *escape = NULL;
      char buffer[8];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          g_snprintf (buffer, sizeof buffer, "\\u%04x", c);
          escape = buffer;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

/* Text for HTML and XML content and attribute values alike. */
void
_dossier_export_append_xml (GString    *out,
                            const char *str,
                            gssize      length)
{
  const char *end, *run;

  if (str == NULL)
    return;
  end = length < 0 ? str + strlen (str) : str + length;
  run = str;
  for (const char *p = str; p < end; p++)
    {
      const char *escape;
      guchar c = *p;

      switch (c)
        {
        case '&': escape = "&amp;"; break;
        case '<': escape = "&lt;"; break;
        case '>': escape = "&gt;"; break;
        case '"': escape = "&quot;"; break;
        case '\'': escape = "&#39;"; break;
        default:
          /* Control characters are not allowed in XML 1.0. */
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r')
            escape = "\xef\xbf\xbd";
          else
            continue;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
}

static const char * const gaelic_particles[] = {
  "Ó", "O", "Ní", "Nic", "Mac", "Mc", "Ua", "Bin", "Ibn", "Abu", NULL
};

/* Splits "Robbie Gramer", "Gramer, Robbie" or "Pieter de Graaf" into
 * family and given names; a single word is a family name. */
void
_dossier_export_split_name (const char  *name,
                            char       **family,
                            char       **given)
{
  g_autofree char *copy = g_strstrip (g_strdup (name));
  const char *comma = strchr (copy, ',');
  g_auto(GStrv) words = NULL;
  guint n, split;

  if (comma)
    {
      *family = g_strstrip (g_strndup (copy, comma - copy));
      *given = g_strstrip (g_strdup (comma + 1));
      return;
    }

  words = g_strsplit_set (copy, " \t", -1);
  n = g_strv_length (words);
  if (n <= 1)
    {
      *family = g_strdup (copy);
      *given = g_strdup ("");
      return;
    }

  /* The family name starts at the last word, or earlier at a particle
   * (de, van, von, da, al-…) written in lower case. */
  split = n - 1;
  for (guint i = 1; i < n - 1; i++)
    if (g_unichar_islower (g_utf8_get_char (words[i])) ||
        g_strv_contains (gaelic_particles, words[i]))
      {
        split = i;
        break;
      }
  {
    g_autofree char *g = NULL;
    g_autofree char *f = NULL;
    char *saved = words[split];

    words[split] = NULL;
    g = g_strjoinv (" ", words);
    words[split] = saved;
    f = g_strjoinv (" ", words + split);
    *given = g_strdup (g);
    *family = g_strdup (f);
  }
}

/* Annotations in text order, orphans last. */
GPtrArray *
_dossier_export_dup_annotations (DossierDocument *document)
{
  GListModel *model = dossier_document_get_annotations (document);
  guint n = g_list_model_get_n_items (model);
  GPtrArray *annotations = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (annotations, g_list_model_get_item (model, i));

  return annotations;
}

static int
compare_timexes (gconstpointer a,
                 gconstpointer b)
{
  return dossier_timex_compare (*(DossierTimex **)a, *(DossierTimex **)b);
}

/* The days a TIMEX3 date value covers: 2025, 2025-11, 2025-11-25 (with or
 * without a time), 2025-W47, 2025-W43-WE, 2025-Q3. */
gboolean
_dossier_export_date_range (const char *value,
                            guint32    *first,
                            guint32    *last)
{
  int y, m, d, w, q;
  char c;
  GDate date;

  if (value == NULL || strlen (value) < 4 || !g_ascii_isdigit (value[0]) ||
      !g_ascii_isdigit (value[1]) || !g_ascii_isdigit (value[2]) || !g_ascii_isdigit (value[3]))
    return FALSE;
  if (sscanf (value, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
    {
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, d, m, y);
      *first = *last = g_date_get_julian (&date);
      return TRUE;
    }
  if (sscanf (value, "%4d-W%2d", &y, &w) == 2 && w >= 1 && w <= 53)
    {
      /* ISO week: its Monday is the Monday of the week holding 4 January. */
      GDate jan4;
      guint32 monday;

      if (!g_date_valid_dmy (4, 1, y))
        return FALSE;
      g_date_clear (&jan4, 1);
      g_date_set_dmy (&jan4, 4, 1, y);
      monday = g_date_get_julian (&jan4) - (g_date_get_weekday (&jan4) - G_DATE_MONDAY) + (w - 1) * 7;
      if (strstr (value, "-WE"))
        *first = monday + 5, *last = monday + 6;
      else
        *first = monday, *last = monday + 6;
      return TRUE;
    }
  if (sscanf (value, "%4d-Q%1d", &y, &q) == 2 && q >= 1 && q <= 4 && g_date_valid_year (y))
    {
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, (q - 1) * 3 + 1, y);
      *first = g_date_get_julian (&date);
      *last = *first + g_date_get_days_in_month ((q - 1) * 3 + 1, y) +
              g_date_get_days_in_month ((q - 1) * 3 + 2, y) +
              g_date_get_days_in_month ((q - 1) * 3 + 3, y) - 1;
      return TRUE;
    }
  if (strlen (value) == 7 && value[4] == '-' && sscanf (value, "%4d", &y) == 1 &&
      g_date_valid_year (y))
    {
      static const struct { const char *code; int month; int n_months; } seasons[] = {
        { "SP", 3, 3 }, { "SU", 6, 3 }, { "FA", 9, 3 }, { "WI", 12, 3 },
        { "H1", 1, 6 }, { "H2", 7, 6 },
      };

      for (guint i = 0; i < G_N_ELEMENTS (seasons); i++)
        if (g_str_equal (value + 5, seasons[i].code))
          {
            GDate end;

            g_date_clear (&date, 1);
            g_date_set_dmy (&date, 1, seasons[i].month, y);
            end = date;
            g_date_add_months (&end, seasons[i].n_months);
            *first = g_date_get_julian (&date);
            *last = g_date_get_julian (&end) - 1;
            return TRUE;
          }
    }
  if (sscanf (value, "%4d-%2d%c", &y, &m, &c) >= 2 && m >= 1 && m <= 12 && g_date_valid_year (y) &&
      strlen (value) >= 7 && (value[7] == '\0' || value[7] == 'T'))
    {
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, m, y);
      *first = g_date_get_julian (&date);
      *last = *first + g_date_get_days_in_month (m, y) - 1;
      return TRUE;
    }
  if (sscanf (value, "%4d", &y) == 1 && value[4] == '\0' && g_date_valid_year (y))
    {
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, y);
      *first = g_date_get_julian (&date);
      *last = *first + (g_date_is_leap_year (y) ? 365 : 364);
      return TRUE;
    }

  return FALSE;
}

typedef struct
{
  DossierTimex *timex;
  guint32       first;
  guint         index;
} SortKey;

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const SortKey *ka = a, *kb = b;

  if (ka->first != kb->first)
    return ka->first < kb->first ? -1 : 1;

  return ka->index < kb->index ? -1 : ka->index > kb->index;
}

/* The timeline in chronological order: calendar dates by their first
 * day, then what has no calendar date (durations, sets, references), each
 * group in text order. */
GPtrArray *
_dossier_export_sorted_timexes (GPtrArray *timexes)
{
  g_autoptr(GPtrArray) in_text = g_ptr_array_new ();
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (SortKey));
  GPtrArray *sorted = g_ptr_array_new ();

  if (timexes)
    for (guint i = 0; i < timexes->len; i++)
      g_ptr_array_add (in_text, g_ptr_array_index (timexes, i));
  g_ptr_array_sort (in_text, compare_timexes);
  for (guint i = 0; i < in_text->len; i++)
    {
      SortKey key = { g_ptr_array_index (in_text, i), G_MAXUINT32, i };
      guint32 last;

      _dossier_export_date_range (dossier_timex_get_value (key.timex), &key.first, &last);
      g_array_append_val (keys, key);
    }
  g_array_sort (keys, compare_keys);
  for (guint i = 0; i < keys->len; i++)
    g_ptr_array_add (sorted, g_array_index (keys, SortKey, i).timex);

  return sorted;
}

/**
 * dossier_export:
 * @format: the format
 * @article: the clipping
 * @document: its notes
 * @entities: (element-type DossierEntity) (nullable): the people,
 *   organizations and places, when @format uses them
 * @timexes: (element-type DossierTimex) (nullable): the timeline, when
 *   @format uses it
 * @error: return location for a #GError
 *
 * Writes the clipping and its notes in @format, UTF-8.
 *
 * Returns: (transfer full): the file's content, or %NULL with @error set
 */
GBytes *
dossier_export (DossierExportFormat   format,
                DossierArticle       *article,
                DossierDocument      *document,
                GPtrArray            *entities,
                GPtrArray            *timexes,
                GError              **error)
{
  g_autoptr(GPtrArray) no_entities = NULL;
  g_autoptr(GPtrArray) no_timexes = NULL;
  GString *out;

  g_return_val_if_fail (format < DOSSIER_N_EXPORT_FORMATS, NULL);
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (entities == NULL)
    entities = no_entities = g_ptr_array_new ();
  if (timexes == NULL)
    timexes = no_timexes = g_ptr_array_new ();

  /* Sized for the output up front: growing a string of a hundred
   * megabytes by doubling copies it again and again. */
  {
    static const guint per_annotation[DOSSIER_N_EXPORT_FORMATS] = {
      [DOSSIER_EXPORT_MARKDOWN] = 160, [DOSSIER_EXPORT_HTML] = 400, [DOSSIER_EXPORT_W3C] = 1200,
    };
    guint n = g_list_model_get_n_items (dossier_document_get_annotations (document));

    out = g_string_sized_new (4096 + (gsize)n * per_annotation[format] +
                              (format == DOSSIER_EXPORT_HTML ? 2 * strlen (dossier_article_get_text (article)) : 0));
  }
  switch (format)
    {
    case DOSSIER_EXPORT_MARKDOWN:
      _dossier_export_markdown (out, article, document, entities, timexes);
      break;
    case DOSSIER_EXPORT_HTML:
      _dossier_export_html (out, article, document, entities, timexes);
      break;
    case DOSSIER_EXPORT_W3C:
      _dossier_export_w3c (out, article, document);
      break;
    case DOSSIER_EXPORT_CSV_ENTITIES:
      _dossier_export_csv_entities (out, entities);
      break;
    case DOSSIER_EXPORT_CSV_TIMELINE:
      _dossier_export_csv_timeline (out, timexes);
      break;
    case DOSSIER_EXPORT_BIBTEX:
      _dossier_export_bibtex (out, article, document);
      break;
    case DOSSIER_EXPORT_RIS:
      _dossier_export_ris (out, article, document);
      break;
    case DOSSIER_EXPORT_CSL_JSON:
      _dossier_export_csl_json (out, article, document);
      break;
    case DOSSIER_EXPORT_TIMELINE_SVG:
      _dossier_export_timeline_svg (out, article, timexes);
      break;
    default:
      g_assert_not_reached ();
    }

  return g_string_free_to_bytes (out);
}
