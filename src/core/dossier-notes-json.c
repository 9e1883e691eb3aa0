/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-notes-json"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-annotation.h"
#include "dossier-annotation-private.h"
#include "dossier-error.h"
#include "dossier-notes-json-private.h"

/*
 * A strict JSON (RFC 8259) reader building json-glib nodes, for notes
 * files. json-glib 1.6 tokenises with GScanner, which reads a notes file
 * of 100,000 annotations in seconds; this reads it in a fraction of that.
 * The input must be valid UTF-8 (checked by the caller). Nesting is
 * limited so that a hostile file cannot exhaust the stack.
 */

#define MAX_DEPTH 256

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  GString    *scratch;
  char       *error;
} Reader;

static JsonNode *read_value (Reader *r,
                             guint   depth);

static gboolean
fail (Reader     *r,
      const char *what)
{
  if (r->error == NULL)
    r->error = g_strdup_printf (_("%s at byte %" G_GSIZE_FORMAT), what, (gsize)(r->p - r->start));
  return FALSE;
}

static inline void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (guint i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return -1;
      v = v * 16 + d;
    }

  return v;
}

/* Reads a string after its opening quote into r->scratch. */
static gboolean
read_string (Reader *r)
{
  const char *run;

  g_string_truncate (r->scratch, 0);
  run = r->p;
  while (r->p < r->end)
    {
      guchar c = *r->p;

      if (c == '"')
        {
          g_string_append_len (r->scratch, run, r->p - run);
          r->p++;
          return TRUE;
        }
      if (c < 0x20)
        return fail (r, _("control character in a string"));
      if (c != '\\')
        {
          r->p++;
          continue;
        }

      g_string_append_len (r->scratch, run, r->p - run);
      if (r->end - r->p < 2)
        break;
      r->p++;
      switch (*r->p++)
        {
        case '"': g_string_append_c (r->scratch, '"'); break;
        case '\\': g_string_append_c (r->scratch, '\\'); break;
        case '/': g_string_append_c (r->scratch, '/'); break;
        case 'b': g_string_append_c (r->scratch, '\b'); break;
        case 'f': g_string_append_c (r->scratch, '\f'); break;
        case 'n': g_string_append_c (r->scratch, '\n'); break;
        case 'r': g_string_append_c (r->scratch, '\r'); break;
        case 't': g_string_append_c (r->scratch, '\t'); break;
        case 'u':
          {
            int u;

            if (r->end - r->p < 4 || (u = hex4 (r->p)) < 0)
              return fail (r, _("invalid \\u escape"));
            r->p += 4;
            if (u >= 0xd800 && u < 0xdc00)
              {
                int low;

                if (r->end - r->p < 6 || r->p[0] != '\\' || r->p[1] != 'u' ||
                    (low = hex4 (r->p + 2)) < 0xdc00 || low > 0xdfff)
                  return fail (r, _("unpaired surrogate"));
                r->p += 6;
                u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (u >= 0xdc00 && u < 0xe000)
              return fail (r, _("unpaired surrogate"));
            if (u == 0)
              return fail (r, _("NUL character in a string"));
            g_string_append_unichar (r->scratch, u);
          }
          break;
        default:
          r->p--;
          return fail (r, _("invalid escape"));
        }
      run = r->p;
    }

  return fail (r, _("unterminated string"));
}

static JsonNode *
read_number (Reader *r)
{
  const char *begin = r->p;
  gboolean integer = TRUE;
  char buffer[64];
  JsonNode *node;

  if (r->p < r->end && *r->p == '-')
    r->p++;
  if (r->p >= r->end || !g_ascii_isdigit (*r->p))
    return fail (r, _("invalid number")), NULL;
  if (*r->p == '0')
    r->p++;
  else
    while (r->p < r->end && g_ascii_isdigit (*r->p))
      r->p++;
  if (r->p < r->end && *r->p == '.')
    {
      integer = FALSE;
      r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return fail (r, _("invalid number")), NULL;
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      integer = FALSE;
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return fail (r, _("invalid number")), NULL;
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  if ((gsize)(r->p - begin) >= sizeof buffer)
    return fail (r, _("number too long")), NULL;

  memcpy (buffer, begin, r->p - begin);
  buffer[r->p - begin] = '\0';
  node = json_node_alloc ();
  if (integer)
    {
      gint64 value;

      if (g_ascii_string_to_signed (buffer, 10, G_MININT64, G_MAXINT64, &value, NULL))
        return json_node_init_int (node, value);
    }

  return json_node_init_double (node, g_ascii_strtod (buffer, NULL));
}

static gboolean
literal (Reader     *r,
         const char *word)
{
  gsize len = strlen (word);

  if ((gsize)(r->end - r->p) < len || memcmp (r->p, word, len) != 0)
    return fail (r, _("unexpected character"));
  r->p += len;

  return TRUE;
}

static JsonNode *
read_object (Reader *r,
             guint   depth)
{
  g_autoptr(JsonObject) object = json_object_new ();

  skip_space (r);
  if (r->p < r->end && *r->p == '}')
    {
      r->p++;
      return json_node_init_object (json_node_alloc (), object);
    }

  for (;;)
    {
      g_autofree char *key = NULL;
      JsonNode *value;

      skip_space (r);
      if (r->p >= r->end || *r->p != '"')
        return fail (r, _("expected a member name")), NULL;
      r->p++;
      if (!read_string (r))
        return NULL;
      key = g_strndup (r->scratch->str, r->scratch->len);
      skip_space (r);
      if (r->p >= r->end || *r->p != ':')
        return fail (r, _("expected “:”")), NULL;
      r->p++;
      if (!(value = read_value (r, depth + 1)))
        return NULL;
      json_object_set_member (object, key, value);

      skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == '}')
        {
          r->p++;
          return json_node_init_object (json_node_alloc (), object);
        }
      return fail (r, _("expected “,” or “}”")), NULL;
    }
}

static JsonNode *
read_array (Reader *r,
            guint   depth)
{
  g_autoptr(JsonArray) array = json_array_new ();

  skip_space (r);
  if (r->p < r->end && *r->p == ']')
    {
      r->p++;
      return json_node_init_array (json_node_alloc (), array);
    }

  for (;;)
    {
      JsonNode *value;

      if (!(value = read_value (r, depth + 1)))
        return NULL;
      json_array_add_element (array, value);

      skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == ']')
        {
          r->p++;
          return json_node_init_array (json_node_alloc (), array);
        }
      return fail (r, _("expected “,” or “]”")), NULL;
    }
}

static JsonNode *
read_value (Reader *r,
            guint   depth)
{
  if (depth > MAX_DEPTH)
    return fail (r, _("nested too deeply")), NULL;

  skip_space (r);
  if (r->p >= r->end)
    return fail (r, _("unexpected end")), NULL;

  switch (*r->p)
    {
    case '{':
      r->p++;
      return read_object (r, depth);
    case '[':
      r->p++;
      return read_array (r, depth);
    case '"':
      r->p++;
      if (!read_string (r))
        return NULL;
      return json_node_init_string (json_node_alloc (), r->scratch->str);
    case 't':
      return literal (r, "true") ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return literal (r, "false") ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;
    case 'n':
      return literal (r, "null") ? json_node_init_null (json_node_alloc ()) : NULL;
    default:
      if (*r->p == '-' || g_ascii_isdigit (*r->p))
        return read_number (r);
      return fail (r, _("unexpected character")), NULL;
    }
}

/* Streaming: the annotations of a notes file are read straight into
 * objects, without a JsonNode tree, whose building and freeing were four
 * fifths of a load. The checks are those of _dossier_annotation_from_json(). */

static gboolean
expect (Reader *r,
        char    c)
{
  skip_space (r);
  if (r->p < r->end && *r->p == c)
    {
      r->p++;
      return TRUE;
    }

  return FALSE;
}

static char
peek (Reader *r)
{
  skip_space (r);

  return r->p < r->end ? *r->p : '\0';
}

/* After "{": 1 with the member name in @key and its ":" read, 0 at the
 * closing "}", -1 on a syntax error. */
static int
next_member (Reader   *r,
             gboolean *first,
             char     *key,
             gsize     key_size)
{
  if (expect (r, '}'))
    return 0;
  if (!*first && !expect (r, ','))
    return fail (r, _("expected “,” or “}”")), -1;
  *first = FALSE;
  if (!expect (r, '"') || !read_string (r))
    return fail (r, _("expected a member name")), -1;
  g_strlcpy (key, r->scratch->str, key_size);
  if (r->scratch->len >= key_size)
    key[0] = '\0';   /* too long to be one we know */
  if (!expect (r, ':'))
    return fail (r, _("expected “:”")), -1;

  return 1;
}

static gboolean
skip_value (Reader *r)
{
  JsonNode *node = read_value (r, 1);

  if (node == NULL)
    return FALSE;
  json_node_unref (node);

  return TRUE;
}

static gboolean
wrong (Reader     *r,
       const char *what)
{
  if (r->error == NULL)
    r->error = g_strdup_printf (_("An annotation has an invalid “%s”"), what);
  return FALSE;
}

/* A string value into r->scratch; FALSE if not a string. */
static gboolean
string_value (Reader     *r,
              const char *what)
{
  if (!expect (r, '"'))
    return wrong (r, what);

  return read_string (r);
}

static gboolean
uint_value (Reader     *r,
            const char *what,
            guint      *out)
{
  JsonNode *node;
  gint64 value;

  if (peek (r) != '-' && !g_ascii_isdigit (peek (r)))
    return wrong (r, what);
  if (!(node = read_number (r)))
    return FALSE;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    {
      json_node_unref (node);
      return wrong (r, what);
    }
  value = json_node_get_int (node);
  json_node_unref (node);
  if (value < 0 || value > G_MAXUINT)
    return wrong (r, what);
  *out = value;

  return TRUE;
}

typedef struct
{
  char     *id;
  char     *created;
  char     *modified;
  char     *note;
  GPtrArray *tags;
  char     *exact;
  char     *prefix;
  char     *suffix;
  guint     start;
  guint     end;
  gboolean  have_position;
  gboolean  orphan;
  DossierAnnotationColor color;
  DossierAnnotationStyle style;
} Fields;

static void
fields_clear (Fields *f)
{
  g_free (f->id);
  g_free (f->created);
  g_free (f->modified);
  g_free (f->note);
  g_clear_pointer (&f->tags, g_ptr_array_unref);
  g_free (f->exact);
  g_free (f->prefix);
  g_free (f->suffix);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fields, fields_clear)

static gboolean
read_body (Reader *r,
           Fields *f)
{
  char key[16];
  gboolean first = TRUE;
  int more;

  if (!expect (r, '{'))
    return wrong (r, "body");
  while ((more = next_member (r, &first, key, sizeof key)) > 0)
    {
      if (g_str_equal (key, "note"))
        {
          if (!string_value (r, "note"))
            return FALSE;
          g_free (f->note);
          f->note = g_strdup (r->scratch->str);
        }
      else if (g_str_equal (key, "tags"))
        {
          gboolean first_tag = TRUE;

          if (!expect (r, '['))
            return wrong (r, "tags");
          g_clear_pointer (&f->tags, g_ptr_array_unref);
          f->tags = g_ptr_array_new_with_free_func (g_free);
          while (!expect (r, ']'))
            {
              if (!first_tag && !expect (r, ','))
                return fail (r, _("expected “,” or “]”"));
              first_tag = FALSE;
              if (!string_value (r, "tags"))
                return FALSE;
              g_ptr_array_add (f->tags, g_strdup (r->scratch->str));
            }
        }
      else if (!skip_value (r))
        return FALSE;
    }

  return more == 0;
}

static gboolean
read_selector (Reader *r,
               Fields *f)
{
  g_autofree char *type = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  gboolean have_start = FALSE, have_end = FALSE;
  guint start = 0, end = 0;
  char key[16];
  gboolean first = TRUE;
  int more;

  if (!expect (r, '{'))
    return wrong (r, "selector");
  while ((more = next_member (r, &first, key, sizeof key)) > 0)
    {
      char **slot = g_str_equal (key, "type") ? &type
                  : g_str_equal (key, "exact") ? &exact
                  : g_str_equal (key, "prefix") ? &prefix
                  : g_str_equal (key, "suffix") ? &suffix : NULL;

      if (slot)
        {
          if (!string_value (r, key))
            return FALSE;
          g_free (*slot);
          *slot = g_strdup (r->scratch->str);
        }
      else if (g_str_equal (key, "start") || g_str_equal (key, "end"))
        {
          gboolean is_start = key[0] == 's';

          if (!uint_value (r, key, is_start ? &start : &end))
            return FALSE;
          *(is_start ? &have_start : &have_end) = TRUE;
        }
      else if (!skip_value (r))
        return FALSE;
    }
  if (more < 0)
    return FALSE;

  if (type == NULL)
    return wrong (r, "type");
  if (g_str_equal (type, "TextQuoteSelector"))
    {
      if (exact == NULL)
        return wrong (r, "exact");
      g_free (f->exact);
      f->exact = g_steal_pointer (&exact);
      g_free (f->prefix);
      f->prefix = g_steal_pointer (&prefix);
      g_free (f->suffix);
      f->suffix = g_steal_pointer (&suffix);
    }
  else if (g_str_equal (type, "TextPositionSelector"))
    {
      if (!have_start)
        return wrong (r, "start");
      if (!have_end)
        return wrong (r, "end");
      if (end < start)
        return wrong (r, "TextPositionSelector");
      f->start = start;
      f->end = end;
      f->have_position = TRUE;
    }

  return TRUE;
}

static gboolean
read_target (Reader *r,
             Fields *f)
{
  char key[16];
  gboolean first = TRUE;
  gboolean have_selector = FALSE;
  int more;

  if (!expect (r, '{'))
    return wrong (r, "target");
  while ((more = next_member (r, &first, key, sizeof key)) > 0)
    {
      if (g_str_equal (key, "selector"))
        {
          gboolean first_selector = TRUE;

          if (!expect (r, '['))
            return wrong (r, "selector");
          have_selector = TRUE;
          while (!expect (r, ']'))
            {
              if (!first_selector && !expect (r, ','))
                return fail (r, _("expected “,” or “]”"));
              first_selector = FALSE;
              if (!read_selector (r, f))
                return FALSE;
            }
        }
      else if (!skip_value (r))
        return FALSE;
    }
  if (more < 0)
    return FALSE;

  return have_selector ? TRUE : wrong (r, "selector");
}

static DossierAnnotation *
read_annotation (Reader *r)
{
  g_auto(Fields) f = { 0 };
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  DossierAnnotation *annotation;
  gboolean have_target = FALSE;
  char key[16];
  gboolean first = TRUE;
  int more;

  if (!expect (r, '{'))
    return wrong (r, "annotation"), NULL;
  while ((more = next_member (r, &first, key, sizeof key)) > 0)
    {
      char **slot = g_str_equal (key, "id") ? &f.id
                  : g_str_equal (key, "created") ? &f.created
                  : g_str_equal (key, "modified") ? &f.modified : NULL;

      if (slot)
        {
          if (!string_value (r, key))
            return NULL;
          g_free (*slot);
          *slot = g_strdup (r->scratch->str);
        }
      else if (g_str_equal (key, "color") || g_str_equal (key, "style"))
        {
          if (!string_value (r, key))
            return NULL;
          if (key[0] == 'c' ? !dossier_annotation_color_from_string (r->scratch->str, &f.color)
                            : !dossier_annotation_style_from_string (r->scratch->str, &f.style))
            return wrong (r, key), NULL;
        }
      else if (g_str_equal (key, "orphan"))
        {
          if (peek (r) == 't' && literal (r, "true"))
            f.orphan = TRUE;
          else if (peek (r) == 'f' && literal (r, "false"))
            f.orphan = FALSE;
          else
            return wrong (r, "orphan"), NULL;
        }
      else if (g_str_equal (key, "body"))
        {
          if (!read_body (r, &f))
            return NULL;
        }
      else if (g_str_equal (key, "target"))
        {
          if (!read_target (r, &f))
            return NULL;
          have_target = TRUE;
        }
      else if (!skip_value (r))
        return NULL;
    }
  if (more < 0)
    return NULL;

  if (f.id == NULL || *f.id == '\0')
    return wrong (r, "id"), NULL;
  if (f.created == NULL || !(created = g_date_time_new_from_iso8601 (f.created, NULL)))
    return wrong (r, "created"), NULL;
  if (f.modified == NULL || !(modified = g_date_time_new_from_iso8601 (f.modified, NULL)))
    return wrong (r, "modified"), NULL;
  if (!have_target)
    return wrong (r, "target"), NULL;
  if (f.exact == NULL)
    return wrong (r, "TextQuoteSelector"), NULL;

  if (f.tags)
    g_ptr_array_add (f.tags, NULL);
  annotation = _dossier_annotation_new_loaded (f.id, created, modified, f.color, f.style, f.orphan,
                                               g_steal_pointer (&f.note),
                                               f.tags ? (const char * const *)f.tags->pdata : NULL,
                                               g_steal_pointer (&f.exact),
                                               g_steal_pointer (&f.prefix),
                                               g_steal_pointer (&f.suffix),
                                               f.have_position ? f.start : 0,
                                               f.have_position ? f.end : 0);

  return annotation;
}

/**
 * _dossier_notes_json_parse_notes:
 * @annotations: (element-type DossierAnnotation): receives the annotations
 * @annotation_error: (out): set when the JSON is valid but an annotation
 *   is not
 * @error_message: (out) (transfer full): why it is not JSON
 *
 * Reads a notes file: the "annotations" member of the root object is read
 * into @annotations (and replaced by an empty array in the tree returned),
 * everything else into JsonNodes.
 *
 * Returns: (transfer full) (nullable): the root, or %NULL on an error
 */
JsonNode *
_dossier_notes_json_parse_notes (const char  *data,
                                 gsize        length,
                                 GPtrArray   *annotations,
                                 GError     **annotation_error,
                                 char       **error_message)
{
  Reader r = { data, data, data + length, g_string_new (NULL), NULL };
  g_autoptr(JsonObject) root = NULL;
  JsonNode *node = NULL;
  char key[32];
  gboolean first = TRUE;
  gboolean bad_annotation = FALSE;
  int more = -1;

  skip_space (&r);
  if (!expect (&r, '{'))
    {
      /* Not an object: let the generic reader say what it is. */
      g_string_free (r.scratch, TRUE);
      return _dossier_notes_json_parse (data, length, error_message);
    }

  root = json_object_new ();
  while ((more = next_member (&r, &first, key, sizeof key)) > 0)
    {
      if (g_str_equal (key, "annotations") && peek (&r) == '[')
        {
          gboolean first_item = TRUE;

          expect (&r, '[');
          while (!expect (&r, ']'))
            {
              DossierAnnotation *annotation;

              if (!first_item && !expect (&r, ','))
                {
                  fail (&r, _("expected “,” or “]”"));
                  goto out;
                }
              first_item = FALSE;
              if (!(annotation = read_annotation (&r)))
                {
                  bad_annotation = TRUE;
                  goto out;
                }
              g_ptr_array_add (annotations, annotation);
            }
          json_object_set_array_member (root, key, json_array_new ());
        }
      else
        {
          /* r.scratch holds the whole name until the value is read. */
          g_autofree char *name = g_strdup (r.scratch->str);
          JsonNode *value;

          if (!(value = read_value (&r, 1)))
            goto out;
          json_object_set_member (root, name, value);
        }
    }
  if (more == 0)
    {
      skip_space (&r);
      if (r.p != r.end)
        fail (&r, _("text after the end"));
      else
        node = json_node_init_object (json_node_alloc (), root);
    }

out:
  if (node == NULL)
    {
      if (bad_annotation && r.error && g_str_has_prefix (r.error, _("An annotation")))
        g_set_error_literal (annotation_error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_CORRUPT, r.error);
      *error_message = r.error ? g_strdup (r.error) : g_strdup (_("invalid JSON"));
    }
  g_free (r.error);
  g_string_free (r.scratch, TRUE);

  return node;
}

/**
 * _dossier_notes_json_parse:
 * @data: valid UTF-8
 * @error_message: (out) (transfer full): why it is not JSON
 *
 * Returns: (transfer full) (nullable): the document's root
 */
JsonNode *
_dossier_notes_json_parse (const char  *data,
                           gsize        length,
                           char       **error_message)
{
  Reader r = { data, data, data + length, g_string_new (NULL), NULL };
  JsonNode *root;

  root = read_value (&r, 0);
  if (root)
    {
      skip_space (&r);
      if (r.p != r.end)
        {
          fail (&r, _("text after the end"));
          g_clear_pointer (&root, json_node_unref);
        }
    }

  g_string_free (r.scratch, TRUE);
  if (root == NULL)
    *error_message = r.error ? r.error : g_strdup (_("invalid JSON"));
  else
    g_free (r.error);

  return root;
}
