/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-timeline-corrections"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-anchor.h"
#include "dossier-sentences.h"
#include "dossier-timeline-corrections.h"
#include "dossier-timex-private.h"

/*
 * The user's corrections of a timeline, kept in the notes file
 * (dossier_document_get_timeline_corrections()) and applied on top of
 * every fresh analysis. Each is a JSON object that names the expression
 * by its span in the article, in code points, end exclusive:
 *
 *   { "action": "redate", "start": 57, "end": 64, "text": "Tuesday",
 *     "value": "2025-11-26" }     the expression means another date
 *   { "action": "hide", "start": 57, "end": 64, "text": "Tuesday" }
 *                                 the expression is not a date at all
 *   { "action": "add", "start": 10, "end": 22, "text": "the vote day",
 *     "value": "2025-11-25" }     the analysis missed a date
 *
 * "text" is what the span held when the correction was made, "prefix"
 * and "suffix" (optional) up to DOSSIER_ANCHOR_CONTEXT characters around
 * it. When the clipping is edited, dossier_timeline_corrections_relocate()
 * moves a correction to where its words went, if they are still there
 * verbatim with their context (or only once in the article); a correction
 * whose span does not hold its words is not applied rather than landing
 * on other words, and kept in case they come back. Members this code does
 * not know are kept. The values a user may give are calendar values:
 * YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm, YYYY-Www, YYYY-Www-WE.
 */

typedef enum
{
  ACTION_NONE,
  ACTION_REDATE,
  ACTION_HIDE,
  ACTION_ADD,
} Action;

typedef struct
{
  Action      action;
  guint       start;
  guint       end;
  const char *value;
  gboolean    used;
} Correction;

static gboolean
parse_number (const char *s,
              guint       n,
              int        *out)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }

  *out = v;
  return TRUE;
}

static GDate *
iso_week_monday (int year,
                 int week)
{
  /* 4 January is always in week 1. */
  GDate *date = g_date_new_dmy (4, G_DATE_JANUARY, year);

  g_date_subtract_days (date, g_date_get_weekday (date) - G_DATE_MONDAY);
  g_date_add_days (date, (week - 1) * 7);

  return date;
}

/* The interval of a calendar value (inclusive days), its precision and
 * its TIMEX3 type; FALSE for anything else. */
static gboolean
value_interval (const char  *value,
                GDate      **first,
                GDate      **last,
                const char **precision,
                const char **type)
{
  g_autoptr(GDate) a = NULL;
  g_autoptr(GDate) b = NULL;
  const char *prec = NULL;
  const char *kind = "date";
  gsize len;
  int y, m, d, w, hh, mm;

  if (value == NULL)
    return FALSE;

  len = strlen (value);
  if (len < 4 || !parse_number (value, 4, &y) || y < 1)
    return FALSE;

  if (len == 4)
    {
      a = g_date_new_dmy (1, G_DATE_JANUARY, y);
      b = g_date_new_dmy (31, G_DATE_DECEMBER, y);
      prec = "year";
    }
  else if (value[4] != '-')
    {
      return FALSE;
    }
  else if (value[5] == 'W')
    {
      if ((len != 8 && len != 11) || !parse_number (value + 6, 2, &w) || w < 1 || w > 53 ||
          y < 2 || y > 9998)
        return FALSE;
      if (len == 11 && strcmp (value + 8, "-WE") != 0)
        return FALSE;
      a = iso_week_monday (y, w);
      /* Week 53 exists only in long years: it must still be that year's. */
      if (w == 53)
        {
          g_autoptr(GDate) thursday = g_date_copy (a);

          g_date_add_days (thursday, 3);
          if (g_date_get_year (thursday) != y)
            return FALSE;
        }
      b = g_date_copy (a);
      if (len == 11)
        {
          g_date_add_days (a, 5);
          g_date_add_days (b, 6);
          prec = "weekend";
        }
      else
        {
          g_date_add_days (b, 6);
          prec = "week";
        }
    }
  else
    {
      if (len < 7 || !parse_number (value + 5, 2, &m) || m < 1 || m > 12)
        return FALSE;
      if (len == 7)
        {
          a = g_date_new_dmy (1, m, y);
          b = g_date_new_dmy (g_date_get_days_in_month (m, y), m, y);
          prec = "month";
        }
      else
        {
          if (len < 10 || value[7] != '-' || !parse_number (value + 8, 2, &d) ||
              !g_date_valid_dmy (d, m, y))
            return FALSE;
          if (len == 16)
            {
              if (value[10] != 'T' || value[13] != ':' ||
                  !parse_number (value + 11, 2, &hh) || !parse_number (value + 14, 2, &mm) ||
                  hh > 23 || mm > 59)
                return FALSE;
              prec = "time";
              kind = "time";
            }
          else if (len == 10)
            prec = "day";
          else
            return FALSE;
          a = g_date_new_dmy (d, m, y);
          b = g_date_copy (a);
        }
    }

  if (first)
    *first = g_steal_pointer (&a);
  if (last)
    *last = g_steal_pointer (&b);
  if (precision)
    *precision = prec;
  if (type)
    *type = kind;

  return TRUE;
}

/**
 * dossier_timeline_value_is_valid:
 * @value: (nullable): a TIMEX3 value
 *
 * Returns: whether @value is a date a user may give an entry:
 *   `2025`, `2025-11`, `2025-11-25`, `2025-11-25T14:30`, `2025-W47`,
 *   `2025-W43-WE`
 */
gboolean
dossier_timeline_value_is_valid (const char *value)
{
  return value_interval (value, NULL, NULL, NULL, NULL);
}

static Action
parse_action (const char *name)
{
  if (g_strcmp0 (name, "redate") == 0)
    return ACTION_REDATE;
  if (g_strcmp0 (name, "hide") == 0)
    return ACTION_HIDE;
  if (g_strcmp0 (name, "add") == 0)
    return ACTION_ADD;
  return ACTION_NONE;
}

static gboolean
get_uint (JsonObject *object,
          const char *member,
          guint      *out)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 v;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  v = json_node_get_int (node);
  if (v < 0 || v > G_MAXINT)
    return FALSE;

  *out = v;
  return TRUE;
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* The code points [start, end) of @text, or NULL past its end. */
static char *
substring (const char *text,
           glong       n_chars,
           guint       start,
           guint       end)
{
  if (text == NULL || end <= start || end > (gulong) n_chars)
    return NULL;

  return g_utf8_substring (text, start, end);
}

static gboolean locate_correction (JsonObject        *object,
                                   DossierAnchorText *text,
                                   guint             *new_start,
                                   guint             *new_end);

/* Reads @corrections; those that cannot apply to @text are left out,
 * those whose words moved (the clipping was edited since) follow them. */
static GArray *
parse_corrections (JsonArray  *corrections,
                   const char *text,
                   glong       n_chars)
{
  g_autoptr(DossierAnchorText) anchor_text = NULL;
  GArray *parsed = g_array_new (FALSE, TRUE, sizeof (Correction));
  guint n = corrections ? json_array_get_length (corrections) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (corrections, i);
      JsonObject *object;
      Correction c = { 0 };
      const char *expected;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      object = json_node_get_object (node);
      c.action = parse_action (get_string (object, "action"));
      if (c.action == ACTION_NONE ||
          !get_uint (object, "start", &c.start) || !get_uint (object, "end", &c.end) ||
          c.end <= c.start)
        continue;

      if (c.action != ACTION_HIDE)
        {
          c.value = get_string (object, "value");
          if (!dossier_timeline_value_is_valid (c.value))
            continue;
        }

      if (text != NULL)
        {
          g_autofree char *found = substring (text, n_chars, c.start, c.end);

          expected = get_string (object, "text");
          if (found == NULL || (expected != NULL && strcmp (expected, found) != 0))
            {
              if (expected == NULL)
                continue;
              if (anchor_text == NULL)
                anchor_text = dossier_anchor_text_new (text);
              if (!locate_correction (object, anchor_text, &c.start, &c.end))
                continue;
            }
        }

      g_array_append_val (parsed, c);
    }

  return parsed;
}

static DossierTimex *
make_timex (const char *expression,
            const char *value,
            guint       start,
            guint       end,
            const char *sentence,
            guint       sentence_start)
{
  g_autoptr(GDate) first = NULL;
  g_autoptr(GDate) last = NULL;
  DossierTimexInit init = { 0 };
  char istart[16], iend[16];
  const char *precision = NULL;
  const char *type = NULL;

  if (!value_interval (value, &first, &last, &precision, &type))
    g_assert_not_reached ();

  g_snprintf (istart, sizeof istart, "%04u-%02u-%02u", g_date_get_year (first),
              g_date_get_month (first), g_date_get_day (first));
  g_snprintf (iend, sizeof iend, "%04u-%02u-%02u", g_date_get_year (last),
              g_date_get_month (last), g_date_get_day (last));

  init.text = expression;
  init.value = value;
  init.timex_type = type;
  init.start = start;
  init.end = end;
  init.sentence = sentence;
  init.sentence_start = sentence_start;
  init.precision = precision;
  init.interval_start = istart;
  init.interval_end = iend;

  return _dossier_timex_new (&init);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  DossierTimex *ta = *(DossierTimex **) a;
  DossierTimex *tb = *(DossierTimex **) b;
  guint sa = dossier_timex_get_start (ta), sb = dossier_timex_get_start (tb);
  guint ea = dossier_timex_get_end (ta), eb = dossier_timex_get_end (tb);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (ea != eb)
    return ea < eb ? -1 : 1;
  return 0;
}

/**
 * dossier_timeline_corrections_apply:
 * @timexes: (element-type DossierTimex): the analysis's timeline, in text order
 * @corrections: (nullable): the user's corrections
 * @text: (nullable): the article text, to check the corrections' spans
 *   and to find the words and sentence of added dates; without it, added
 *   dates are left out
 * @hidden: (out) (optional) (element-type DossierTimex) (transfer container):
 *   the entries the user hid, in text order
 *
 * Applies @corrections to @timexes: redated entries are replaced by
 * entries with the new value (same words, same sentence), hidden entries
 * move to @hidden, added dates join in. @timexes is not changed.
 *
 * Returns: (transfer container) (element-type DossierTimex): the
 *   corrected timeline, in text order
 */
GPtrArray *
dossier_timeline_corrections_apply (GPtrArray   *timexes,
                                    JsonArray   *corrections,
                                    const char  *text,
                                    GPtrArray  **hidden)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) hid = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) parsed = NULL;
  g_autoptr(GArray) sentences = NULL;
  glong n_chars = text ? g_utf8_strlen (text, -1) : 0;

  g_return_val_if_fail (timexes != NULL, NULL);

  parsed = parse_corrections (corrections, text, n_chars);

  for (guint i = 0; i < timexes->len; i++)
    {
      DossierTimex *timex = g_ptr_array_index (timexes, i);
      guint start = dossier_timex_get_start (timex);
      guint end = dossier_timex_get_end (timex);
      const char *value = NULL;
      gboolean is_hidden = FALSE;
      DossierTimex *result;

      for (guint k = 0; k < parsed->len; k++)
        {
          Correction *c = &g_array_index (parsed, Correction, k);

          if (c->start != start || c->end != end)
            continue;

          /* An added date on an expression the analysis found since
           * corrects it. */
          if (c->action == ACTION_REDATE || c->action == ACTION_ADD)
            value = c->value;
          else if (c->action == ACTION_HIDE)
            is_hidden = TRUE;
          c->used = TRUE;
        }

      if (value != NULL && g_strcmp0 (value, dossier_timex_get_value (timex)) != 0)
        result = make_timex (dossier_timex_get_text (timex), value, start, end,
                             dossier_timex_get_sentence (timex),
                             dossier_timex_get_sentence_start (timex));
      else
        result = g_object_ref (timex);

      g_ptr_array_add (is_hidden ? hid : shown, result);
    }

  /* Added dates, the last one for a span winning */
  for (guint k = parsed->len; k > 0 && text != NULL; k--)
    {
      Correction *c = &g_array_index (parsed, Correction, k - 1);
      g_autofree char *expression = NULL;
      g_autofree char *sentence = NULL;
      guint sentence_start = c->start;
      gboolean is_hidden = FALSE;

      if (c->action != ACTION_ADD || c->used)
        continue;

      for (guint j = 0; j < parsed->len; j++)
        {
          Correction *other = &g_array_index (parsed, Correction, j);

          if (other->start != c->start || other->end != c->end)
            continue;
          if (other->action == ACTION_HIDE)
            is_hidden = TRUE;
          other->used = TRUE;
        }

      if (sentences == NULL)
        sentences = dossier_sentences_split (text);

      for (guint j = 0; j < sentences->len; j++)
        {
          const DossierSentence *s = &g_array_index (sentences, DossierSentence, j);

          if (s->start <= c->start && c->start < s->end)
            {
              sentence = g_strndup (text + s->byte_start, s->byte_end - s->byte_start);
              sentence_start = s->start;
              break;
            }
        }

      expression = substring (text, n_chars, c->start, c->end);
      g_ptr_array_add (is_hidden ? hid : shown,
                       make_timex (expression, c->value, c->start, c->end,
                                   sentence ? sentence : expression, sentence_start));
    }

  g_ptr_array_sort (shown, compare_spans);
  g_ptr_array_sort (hid, compare_spans);

  if (hidden)
    *hidden = g_steal_pointer (&hid);

  return g_steal_pointer (&shown);
}

/* Removes the corrections of @action on [start, end); returns how many. */
static guint
remove_corrections (JsonArray *corrections,
                    Action     action,
                    guint      start,
                    guint      end)
{
  guint removed = 0;

  for (guint i = json_array_get_length (corrections); i > 0; i--)
    {
      JsonNode *node = json_array_get_element (corrections, i - 1);
      JsonObject *object;
      guint s, e;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      object = json_node_get_object (node);
      if (parse_action (get_string (object, "action")) == action &&
          get_uint (object, "start", &s) && get_uint (object, "end", &e) &&
          s == start && e == end)
        {
          json_array_remove_element (corrections, i - 1);
          removed++;
        }
    }

  return removed;
}

static JsonObject *
find_correction (JsonArray *corrections,
                 Action     action,
                 guint      start,
                 guint      end)
{
  for (guint i = json_array_get_length (corrections); i > 0; i--)
    {
      JsonNode *node = json_array_get_element (corrections, i - 1);
      JsonObject *object;
      guint s, e;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      object = json_node_get_object (node);
      if (parse_action (get_string (object, "action")) == action &&
          get_uint (object, "start", &s) && get_uint (object, "end", &e) &&
          s == start && e == end)
        return object;
    }

  return NULL;
}

static void
append_correction (JsonArray  *corrections,
                   const char *action,
                   guint       start,
                   guint       end,
                   const char *text,
                   const char *prefix,
                   const char *suffix,
                   const char *value)
{
  g_autoptr(JsonObject) object = json_object_new ();

  json_object_set_string_member (object, "action", action);
  json_object_set_int_member (object, "start", start);
  json_object_set_int_member (object, "end", end);
  if (text != NULL)
    json_object_set_string_member (object, "text", text);
  if (prefix != NULL && *prefix != '\0')
    json_object_set_string_member (object, "prefix", prefix);
  if (suffix != NULL && *suffix != '\0')
    json_object_set_string_member (object, "suffix", suffix);
  if (value != NULL)
    json_object_set_string_member (object, "value", value);

  json_array_add_object_element (corrections, g_steal_pointer (&object));
}

/* The context of @timex inside its sentence, as the anchor keeps it. */
static void
describe_timex (DossierTimex  *timex,
                char         **prefix,
                char         **suffix)
{
  const char *sentence = dossier_timex_get_sentence (timex);
  guint sentence_start = dossier_timex_get_sentence_start (timex);
  guint start = dossier_timex_get_start (timex);
  guint end = dossier_timex_get_end (timex);
  glong n = sentence ? g_utf8_strlen (sentence, -1) : 0;
  guint a, b;

  *prefix = *suffix = NULL;
  if (sentence == NULL || start < sentence_start || end - sentence_start > (gulong) n)
    return;

  a = start - sentence_start;
  b = end - sentence_start;
  *prefix = g_utf8_substring (sentence, a > DOSSIER_ANCHOR_CONTEXT ? a - DOSSIER_ANCHOR_CONTEXT : 0, a);
  *suffix = g_utf8_substring (sentence, b, MIN ((glong) b + DOSSIER_ANCHOR_CONTEXT, n));
}

/* Whether @a ends as @b does over @n characters, or begins so when
 * @at_start. */
static gboolean
context_agrees (const char *a,
                const char *b,
                gboolean    at_start,
                guint       n)
{
  glong la, lb;
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  la = g_utf8_strlen (a, -1);
  lb = g_utf8_strlen (b, -1);
  n = MIN (n, (guint) MIN (la, lb));
  if (n == 0)
    return FALSE;
  ca = at_start ? g_utf8_substring (a, 0, n) : g_utf8_substring (a, la - n, la);
  cb = at_start ? g_utf8_substring (b, 0, n) : g_utf8_substring (b, lb - n, lb);

  return strcmp (ca, cb) == 0;
}

/* Where the words of the correction @object stand in @text now:
 * verbatim, with the words just before or after them as they were (or,
 * for a correction saved without context, the only place they stand). */
static gboolean
locate_correction (JsonObject        *object,
                   DossierAnchorText *text,
                   guint             *new_start,
                   guint             *new_end)
{
  const char *exact = get_string (object, "text");
  const char *prefix = get_string (object, "prefix");
  const char *suffix = get_string (object, "suffix");
  g_autofree char *here = NULL;
  g_autofree char *new_prefix = NULL;
  g_autofree char *new_suffix = NULL;
  DossierAnchorMethod method;
  guint start, end, found = 0;

  if (exact == NULL || *exact == '\0' ||
      !get_uint (object, "start", &start) || !get_uint (object, "end", &end))
    return FALSE;

  here = dossier_anchor_text_dup_slice (text, start, end);
  if (here != NULL && strcmp (here, exact) == 0)
    {
      *new_start = start;
      *new_end = end;
      return TRUE;
    }

  method = dossier_anchor_text_locate (text, exact, prefix, suffix, start, new_start, new_end, NULL);
  if (method != DOSSIER_ANCHOR_POSITION && method != DOSSIER_ANCHOR_EXACT)
    return FALSE;

  /* Verbatim is not enough for a word such as "Tuesday": the words around
   * it must agree too, or it must be the only one. */
  if (prefix != NULL || suffix != NULL)
    {
      dossier_anchor_text_describe (text, *new_start, *new_end, NULL, &new_prefix, &new_suffix);
      return context_agrees (prefix, new_prefix, FALSE, 12) ||
             context_agrees (suffix, new_suffix, TRUE, 12);
    }

  return !dossier_anchor_text_find_nth (text, exact, 2, NULL, NULL, &found) && found == 1;
}

/**
 * dossier_timeline_corrections_relocate:
 * @corrections: the corrections to change
 * @text: the article text, as it is now
 *
 * Moves each correction whose span no longer holds its words to where
 * they went (see locate_correction()). Corrections whose words are gone
 * are left as they are.
 *
 * Returns: how many corrections moved
 */
guint
dossier_timeline_corrections_relocate (JsonArray         *corrections,
                                       DossierAnchorText *text)
{
  guint n, moved = 0;

  g_return_val_if_fail (corrections != NULL, 0);
  g_return_val_if_fail (text != NULL, 0);

  n = json_array_get_length (corrections);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (corrections, i);
      JsonObject *object;
      guint start, end, new_start, new_end;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      if (!get_uint (object, "start", &start) || !get_uint (object, "end", &end) ||
          !locate_correction (object, text, &new_start, &new_end) ||
          (new_start == start && new_end == end))
        continue;

      json_object_set_int_member (object, "start", new_start);
      json_object_set_int_member (object, "end", new_end);
      moved++;
    }

  return moved;
}

/**
 * dossier_timeline_corrections_redate:
 * @corrections: the corrections to change
 * @timex: an entry of the corrected timeline
 * @value: the date @timex means, valid for dossier_timeline_value_is_valid()
 *
 * Records that @timex means @value: replaces an earlier redate of the
 * same words, or changes the date the user added there.
 */
void
dossier_timeline_corrections_redate (JsonArray    *corrections,
                                     DossierTimex *timex,
                                     const char   *value)
{
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  guint start, end;
  JsonObject *added;

  g_return_if_fail (corrections != NULL);
  g_return_if_fail (DOSSIER_IS_TIMEX (timex));
  g_return_if_fail (dossier_timeline_value_is_valid (value));

  start = dossier_timex_get_start (timex);
  end = dossier_timex_get_end (timex);

  if ((added = find_correction (corrections, ACTION_ADD, start, end)))
    {
      json_object_set_string_member (added, "value", value);
      return;
    }

  remove_corrections (corrections, ACTION_REDATE, start, end);
  describe_timex (timex, &prefix, &suffix);
  append_correction (corrections, "redate", start, end, dossier_timex_get_text (timex),
                     prefix, suffix, value);
}

/**
 * dossier_timeline_corrections_set_hidden:
 * @corrections: the corrections to change
 * @timex: an entry of the timeline
 * @hidden: whether the user hides it
 *
 * Hides @timex, or shows it again.
 */
void
dossier_timeline_corrections_set_hidden (JsonArray    *corrections,
                                         DossierTimex *timex,
                                         gboolean      hidden)
{
  guint start, end;

  g_return_if_fail (corrections != NULL);
  g_return_if_fail (DOSSIER_IS_TIMEX (timex));

  start = dossier_timex_get_start (timex);
  end = dossier_timex_get_end (timex);

  remove_corrections (corrections, ACTION_HIDE, start, end);
  if (hidden)
    {
      g_autofree char *prefix = NULL;
      g_autofree char *suffix = NULL;

      describe_timex (timex, &prefix, &suffix);
      append_correction (corrections, "hide", start, end, dossier_timex_get_text (timex),
                         prefix, suffix, NULL);
    }
}

static gboolean
is_blank (const char *s)
{
  for (; *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;

  return TRUE;
}

/**
 * dossier_timeline_corrections_add:
 * @corrections: the corrections to change
 * @text: the article text
 * @start: the first code point of the words that give a date
 * @end: the code point after them
 * @value: their date, valid for dossier_timeline_value_is_valid()
 *
 * Adds a date the analysis missed (or corrects the one it found on the
 * same words), shown even if those words were hidden.
 *
 * Returns: %FALSE if the span or the value cannot be a timeline entry
 */
gboolean
dossier_timeline_corrections_add (JsonArray  *corrections,
                                  const char *text,
                                  guint       start,
                                  guint       end,
                                  const char *value)
{
  g_autofree char *expression = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  glong n_chars;

  g_return_val_if_fail (corrections != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!dossier_timeline_value_is_valid (value))
    return FALSE;

  n_chars = g_utf8_strlen (text, -1);
  expression = substring (text, n_chars, start, end);
  if (expression == NULL || is_blank (expression))
    return FALSE;
  prefix = substring (text, n_chars, start > DOSSIER_ANCHOR_CONTEXT ? start - DOSSIER_ANCHOR_CONTEXT : 0,
                      start);
  suffix = substring (text, n_chars, end, MIN ((glong) end + DOSSIER_ANCHOR_CONTEXT, n_chars));

  remove_corrections (corrections, ACTION_ADD, start, end);
  remove_corrections (corrections, ACTION_REDATE, start, end);
  remove_corrections (corrections, ACTION_HIDE, start, end);
  append_correction (corrections, "add", start, end, expression, prefix, suffix, value);

  return TRUE;
}
