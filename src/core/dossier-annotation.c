/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-annotation"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-annotation-private.h"
#include "dossier-error.h"

/*
 * One highlight or note on a passage. The target is a W3C
 * TextQuoteSelector (exact, prefix, suffix) plus a TextPositionSelector
 * (start, end; code points, end exclusive). An orphan is an annotation
 * whose passage was not found in the current text: it keeps its last
 * known selectors so that nothing is lost.
 *
 * The setters do not record undo steps: DossierDocument's methods do.
 */

struct _DossierAnnotation
{
  GObject                 parent_instance;

  char                   *id;
  GDateTime              *created;
  GDateTime              *modified;
  DossierAnnotationColor  color;
  DossierAnnotationStyle  style;
  char                   *note;
  char                  **tags;
  char                   *exact;
  char                   *prefix;
  char                   *suffix;
  guint                   start;
  guint                   end;
  guint                   orphan : 1;

  /* This annotation as the notes file has it, kept until a property
   * changes: a save then copies text instead of formatting 100,000
   * annotations on the main thread. */
  GString                *json;
};

G_DEFINE_ENUM_TYPE (DossierAnnotationColor, dossier_annotation_color,
  G_DEFINE_ENUM_VALUE (DOSSIER_ANNOTATION_COLOR_YELLOW, "yellow"),
  G_DEFINE_ENUM_VALUE (DOSSIER_ANNOTATION_COLOR_GREEN, "green"),
  G_DEFINE_ENUM_VALUE (DOSSIER_ANNOTATION_COLOR_BLUE, "blue"),
  G_DEFINE_ENUM_VALUE (DOSSIER_ANNOTATION_COLOR_PINK, "pink"),
  G_DEFINE_ENUM_VALUE (DOSSIER_ANNOTATION_COLOR_PURPLE, "purple"),
  G_DEFINE_ENUM_VALUE (DOSSIER_ANNOTATION_COLOR_ORANGE, "orange"))

G_DEFINE_ENUM_TYPE (DossierAnnotationStyle, dossier_annotation_style,
  G_DEFINE_ENUM_VALUE (DOSSIER_ANNOTATION_STYLE_HIGHLIGHT, "highlight"),
  G_DEFINE_ENUM_VALUE (DOSSIER_ANNOTATION_STYLE_UNDERLINE, "underline"))

G_DEFINE_FINAL_TYPE (DossierAnnotation, dossier_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_COLOR,
  PROP_STYLE,
  PROP_NOTE,
  PROP_TAGS,
  PROP_EXACT,
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_START,
  PROP_END,
  PROP_ORPHAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const color_names[] = {
  "yellow", "green", "blue", "pink", "purple", "orange",
};

static const char * const style_names[] = {
  "highlight", "underline",
};

const char *
dossier_annotation_color_to_string (DossierAnnotationColor color)
{
  g_return_val_if_fail (color < G_N_ELEMENTS (color_names), NULL);

  return color_names[color];
}

/**
 * dossier_annotation_color_from_string:
 * @name: a palette name such as "yellow"
 * @color: (out): the colour
 *
 * Returns: whether @name is a palette colour
 */
gboolean
dossier_annotation_color_from_string (const char             *name,
                                      DossierAnnotationColor *color)
{
  for (guint i = 0; name && i < G_N_ELEMENTS (color_names); i++)
    if (g_ascii_strcasecmp (name, color_names[i]) == 0)
      {
        *color = i;
        return TRUE;
      }

  return FALSE;
}

const char *
dossier_annotation_style_to_string (DossierAnnotationStyle style)
{
  g_return_val_if_fail (style < G_N_ELEMENTS (style_names), NULL);

  return style_names[style];
}

gboolean
dossier_annotation_style_from_string (const char             *name,
                                      DossierAnnotationStyle *style)
{
  for (guint i = 0; name && i < G_N_ELEMENTS (style_names); i++)
    if (g_ascii_strcasecmp (name, style_names[i]) == 0)
      {
        *style = i;
        return TRUE;
      }

  return FALSE;
}

/* g_set_str() is GLib 2.76. */
static gboolean
set_str (char       **str,
         const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;

  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

/* ISO 8601 in UTC with microseconds, as g_date_time_format_iso8601()
 * writes it, without its cost (saving formats two per annotation). */
char *
_dossier_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;
  int y, m, d, us;
  char *str = g_malloc (32);

  if (g_date_time_get_utc_offset (time) != 0)
    time = utc = g_date_time_to_utc (time);

  g_date_time_get_ymd (time, &y, &m, &d);
  us = g_date_time_get_microsecond (time);
  /* By hand: the printf family is most of the cost of a save. */
  {
    int fields[] = { g_date_time_get_hour (time), g_date_time_get_minute (time),
                     g_date_time_get_second (time) };
    char *p = str;

    *p++ = '0' + (y / 1000) % 10;
    *p++ = '0' + (y / 100) % 10;
    *p++ = '0' + (y / 10) % 10;
    *p++ = '0' + y % 10;
    *p++ = '-';
    *p++ = '0' + m / 10;
    *p++ = '0' + m % 10;
    *p++ = '-';
    *p++ = '0' + d / 10;
    *p++ = '0' + d % 10;
    *p++ = 'T';
    for (guint i = 0; i < 3; i++)
      {
        *p++ = '0' + fields[i] / 10;
        *p++ = '0' + fields[i] % 10;
        *p++ = i < 2 ? ':' : '.';
      }
    for (int div = 100000; div > 0; div /= 10)
      *p++ = '0' + (us / div) % 10;
    *p++ = 'Z';
    *p = '\0';
  }

  return str;
}

static void
dossier_annotation_finalize (GObject *object)
{
  DossierAnnotation *self = (DossierAnnotation *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->exact, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->suffix, g_free);
  if (self->json)
    g_string_free (self->json, TRUE);

  G_OBJECT_CLASS (dossier_annotation_parent_class)->finalize (object);
}

static void
dossier_annotation_notify (GObject    *object,
                           GParamSpec *pspec)
{
  DossierAnnotation *self = (DossierAnnotation *)object;

  if (self->json)
    {
      g_string_free (self->json, TRUE);
      self->json = NULL;
    }
}

static void
dossier_annotation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierAnnotation *self = DOSSIER_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, dossier_annotation_get_id (self));
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, dossier_annotation_get_created (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boxed (value, dossier_annotation_get_modified (self));
      break;
    case PROP_COLOR:
      g_value_set_enum (value, dossier_annotation_get_color (self));
      break;
    case PROP_STYLE:
      g_value_set_enum (value, dossier_annotation_get_style (self));
      break;
    case PROP_NOTE:
      g_value_set_string (value, dossier_annotation_get_note (self));
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, dossier_annotation_get_tags (self));
      break;
    case PROP_EXACT:
      g_value_set_string (value, dossier_annotation_get_exact (self));
      break;
    case PROP_PREFIX:
      g_value_set_string (value, dossier_annotation_get_prefix (self));
      break;
    case PROP_SUFFIX:
      g_value_set_string (value, dossier_annotation_get_suffix (self));
      break;
    case PROP_START:
      g_value_set_uint (value, dossier_annotation_get_start (self));
      break;
    case PROP_END:
      g_value_set_uint (value, dossier_annotation_get_end (self));
      break;
    case PROP_ORPHAN:
      g_value_set_boolean (value, dossier_annotation_get_orphan (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_annotation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierAnnotation *self = DOSSIER_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      dossier_annotation_set_modified (self, g_value_get_boxed (value));
      break;
    case PROP_COLOR:
      dossier_annotation_set_color (self, g_value_get_enum (value));
      break;
    case PROP_STYLE:
      dossier_annotation_set_style (self, g_value_get_enum (value));
      break;
    case PROP_NOTE:
      dossier_annotation_set_note (self, g_value_get_string (value));
      break;
    case PROP_TAGS:
      dossier_annotation_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_ORPHAN:
      dossier_annotation_set_orphan (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_annotation_class_init (DossierAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_annotation_finalize;
  object_class->notify = dossier_annotation_notify;
  object_class->get_property = dossier_annotation_get_property;
  object_class->set_property = dossier_annotation_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_enum ("color", NULL, NULL,
                       DOSSIER_TYPE_ANNOTATION_COLOR, DOSSIER_ANNOTATION_COLOR_YELLOW,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STYLE] =
    g_param_spec_enum ("style", NULL, NULL,
                       DOSSIER_TYPE_ANNOTATION_STYLE, DOSSIER_ANNOTATION_STYLE_HIGHLIGHT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXACT] =
    g_param_spec_string ("exact", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREFIX] =
    g_param_spec_string ("prefix", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUFFIX] =
    g_param_spec_string ("suffix", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORPHAN] =
    g_param_spec_boolean ("orphan", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_annotation_init (DossierAnnotation *self)
{
  self->note = g_strdup ("");
  self->tags = g_new0 (char *, 1);
  self->exact = g_strdup ("");
  self->prefix = g_strdup ("");
  self->suffix = g_strdup ("");
}

DossierAnnotation *
_dossier_annotation_new_full (const char *id,
                              GDateTime  *created)
{
  DossierAnnotation *self = g_object_new (DOSSIER_TYPE_ANNOTATION, NULL);

  self->id = id ? g_strdup (id) : g_uuid_string_random ();
  self->created = created ? g_date_time_ref (created) : g_date_time_new_now_utc ();
  self->modified = g_date_time_ref (self->created);

  return self;
}

/**
 * dossier_annotation_new:
 * @start: first code point of the passage
 * @end: code point after it
 * @exact: the passage
 * @prefix: (nullable): up to 32 characters before it
 * @suffix: (nullable): up to 32 characters after it
 *
 * Creates an annotation with a new id, created and modified now.
 *
 * Returns: (transfer full): the annotation
 */
DossierAnnotation *
dossier_annotation_new (guint       start,
                        guint       end,
                        const char *exact,
                        const char *prefix,
                        const char *suffix)
{
  DossierAnnotation *self;

  g_return_val_if_fail (start <= end, NULL);
  g_return_val_if_fail (exact != NULL, NULL);

  self = _dossier_annotation_new_full (NULL, NULL);
  self->start = start;
  self->end = end;
  dossier_annotation_set_quote (self, exact, prefix, suffix);

  return self;
}

void
_dossier_annotation_set_id (DossierAnnotation *self,
                            const char        *id)
{
  g_assert (DOSSIER_IS_ANNOTATION (self));

  if (set_str (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* Makes @self equal to @from except for its identity; used by undo and
 * redo so that views bound to the object follow. */
void
_dossier_annotation_assign (DossierAnnotation *self,
                            DossierAnnotation *from)
{
  g_assert (DOSSIER_IS_ANNOTATION (self));
  g_assert (DOSSIER_IS_ANNOTATION (from));

  g_object_freeze_notify (G_OBJECT (self));
  _dossier_annotation_set_id (self, from->id);
  if (!g_date_time_equal (self->created, from->created))
    {
      g_date_time_unref (self->created);
      self->created = g_date_time_ref (from->created);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
    }
  dossier_annotation_set_modified (self, from->modified);
  dossier_annotation_set_color (self, from->color);
  dossier_annotation_set_style (self, from->style);
  dossier_annotation_set_note (self, from->note);
  dossier_annotation_set_tags (self, (const char * const *)from->tags);
  dossier_annotation_set_quote (self, from->exact, from->prefix, from->suffix);
  dossier_annotation_set_range (self, from->start, from->end);
  dossier_annotation_set_orphan (self, from->orphan);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * dossier_annotation_copy:
 *
 * Returns: (transfer full): a copy with the same id
 */
DossierAnnotation *
dossier_annotation_copy (DossierAnnotation *self)
{
  DossierAnnotation *copy;

  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  copy = _dossier_annotation_new_full (self->id, self->created);
  _dossier_annotation_assign (copy, self);

  return copy;
}

const char *
dossier_annotation_get_id (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return self->id;
}

/**
 * dossier_annotation_get_created:
 *
 * Returns: (transfer none): when the annotation was made
 */
GDateTime *
dossier_annotation_get_created (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return self->created;
}

/**
 * dossier_annotation_get_modified:
 *
 * Returns: (transfer none): when it was last changed by the user
 */
GDateTime *
dossier_annotation_get_modified (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return self->modified;
}

void
dossier_annotation_set_modified (DossierAnnotation *self,
                                 GDateTime         *modified)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));
  g_return_if_fail (modified != NULL);

  if (self->modified && g_date_time_equal (self->modified, modified))
    return;

  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = g_date_time_ref (modified);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

DossierAnnotationColor
dossier_annotation_get_color (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), 0);

  return self->color;
}

void
dossier_annotation_set_color (DossierAnnotation      *self,
                              DossierAnnotationColor  color)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));
  g_return_if_fail (color < DOSSIER_N_ANNOTATION_COLORS);

  if (self->color == color)
    return;

  self->color = color;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

DossierAnnotationStyle
dossier_annotation_get_style (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), 0);

  return self->style;
}

void
dossier_annotation_set_style (DossierAnnotation      *self,
                              DossierAnnotationStyle  style)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));
  g_return_if_fail (style <= DOSSIER_ANNOTATION_STYLE_UNDERLINE);

  if (self->style == style)
    return;

  self->style = style;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

/**
 * dossier_annotation_get_note:
 *
 * Returns: the note, Markdown, never %NULL
 */
const char *
dossier_annotation_get_note (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return self->note;
}

void
dossier_annotation_set_note (DossierAnnotation *self,
                             const char        *note)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));

  if (set_str (&self->note, note ? note : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * dossier_annotation_get_tags:
 *
 * Returns: (transfer none): the tags, never %NULL
 */
const char * const *
dossier_annotation_get_tags (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return (const char * const *)self->tags;
}

/* Tags stripped, without empty ones and duplicates. */
static char **
clean_tags (const char * const *tags)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; tags && tags[i]; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (tags[i]));
      gboolean seen = FALSE;

      if (*tag == '\0')
        continue;
      for (guint j = 0; j < i && !seen; j++)
        {
          g_autofree char *other = g_strstrip (g_strdup (tags[j]));

          seen = g_str_equal (other, tag);
        }
      if (!seen)
        g_strv_builder_add (builder, tag);
    }

  return g_strv_builder_end (builder);
}

/**
 * dossier_annotation_set_tags:
 * @tags: (nullable): the tags; duplicates and empty ones are dropped
 */
void
dossier_annotation_set_tags (DossierAnnotation  *self,
                             const char * const *tags)
{
  g_auto(GStrv) clean = NULL;

  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));

  clean = clean_tags (tags);
  if (g_strv_equal ((const char * const *)clean, (const char * const *)self->tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

/* An annotation read from a notes file, fields set without the setters'
 * notifications (nobody listens yet; a load makes 100,000). Takes the
 * strings. */
DossierAnnotation *
_dossier_annotation_new_loaded (const char              *id,
                                GDateTime               *created,
                                GDateTime               *modified,
                                DossierAnnotationColor   color,
                                DossierAnnotationStyle   style,
                                gboolean                 orphan,
                                char                    *note,
                                const char * const      *tags,
                                char                    *exact,
                                char                    *prefix,
                                char                    *suffix,
                                guint                    start,
                                guint                    end)
{
  DossierAnnotation *self = _dossier_annotation_new_full (id, created);

  g_date_time_unref (self->modified);
  self->modified = g_date_time_ref (modified);
  self->color = color;
  self->style = style;
  self->orphan = !!orphan;
  if (note)
    {
      g_free (self->note);
      self->note = note;
    }
  if (tags && tags[0])
    {
      g_strfreev (self->tags);
      self->tags = clean_tags (tags);
    }
  g_free (self->exact);
  self->exact = exact;
  if (prefix)
    {
      g_free (self->prefix);
      self->prefix = prefix;
    }
  if (suffix)
    {
      g_free (self->suffix);
      self->suffix = suffix;
    }
  self->start = start;
  self->end = end;

  return self;
}

gboolean
dossier_annotation_has_tag (DossierAnnotation *self,
                            const char        *tag)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), FALSE);

  return tag && g_strv_contains ((const char * const *)self->tags, tag);
}

const char *
dossier_annotation_get_exact (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return self->exact;
}

const char *
dossier_annotation_get_prefix (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return self->prefix;
}

const char *
dossier_annotation_get_suffix (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return self->suffix;
}

/**
 * dossier_annotation_set_quote:
 * @exact: the passage
 * @prefix: (nullable): context before it
 * @suffix: (nullable): context after it
 *
 * Sets the TextQuoteSelector.
 */
void
dossier_annotation_set_quote (DossierAnnotation *self,
                              const char        *exact,
                              const char        *prefix,
                              const char        *suffix)
{
  GObject *object = (GObject *)self;

  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));
  g_return_if_fail (exact != NULL);

  g_object_freeze_notify (object);
  if (set_str (&self->exact, exact))
    g_object_notify_by_pspec (object, properties[PROP_EXACT]);
  if (set_str (&self->prefix, prefix ? prefix : ""))
    g_object_notify_by_pspec (object, properties[PROP_PREFIX]);
  if (set_str (&self->suffix, suffix ? suffix : ""))
    g_object_notify_by_pspec (object, properties[PROP_SUFFIX]);
  g_object_thaw_notify (object);
}

guint
dossier_annotation_get_start (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), 0);

  return self->start;
}

guint
dossier_annotation_get_end (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), 0);

  return self->end;
}

/**
 * dossier_annotation_set_range:
 *
 * Sets the TextPositionSelector, code points, end exclusive.
 */
void
dossier_annotation_set_range (DossierAnnotation *self,
                              guint              start,
                              guint              end)
{
  GObject *object = (GObject *)self;

  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));
  g_return_if_fail (start <= end);

  g_object_freeze_notify (object);
  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (object, properties[PROP_START]);
    }
  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (object, properties[PROP_END]);
    }
  g_object_thaw_notify (object);
}

gboolean
dossier_annotation_get_orphan (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), FALSE);

  return self->orphan;
}

void
dossier_annotation_set_orphan (DossierAnnotation *self,
                               gboolean           orphan)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));

  orphan = !!orphan;
  if (self->orphan == orphan)
    return;

  self->orphan = orphan;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORPHAN]);
}

/**
 * dossier_annotation_compare:
 *
 * The order of DossierAnnotationList: anchored annotations by position,
 * then orphans; ties by creation time and id so the order is total.
 */
int
dossier_annotation_compare (DossierAnnotation *a,
                            DossierAnnotation *b)
{
  int cmp;

  if (a->orphan != b->orphan)
    return a->orphan ? 1 : -1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  if ((cmp = g_date_time_compare (a->created, b->created)) != 0)
    return cmp;

  return g_strcmp0 (a->id, b->id);
}

/* JSON, the shape of the notes file:
 *
 *   { "id", "created", "modified", "color", "style",
 *     "body": { "note", "tags": [..] },
 *     "target": { "selector": [ { "type": "TextQuoteSelector", "exact", "prefix", "suffix" },
 *                               { "type": "TextPositionSelector", "start", "end" } ] },
 *     "orphan" }
 */

JsonNode *
_dossier_annotation_to_json (DossierAnnotation *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *created = _dossier_format_time (self->created);
  g_autofree char *modified = _dossier_format_time (self->modified);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "modified");
  json_builder_add_string_value (builder, modified);
  json_builder_set_member_name (builder, "color");
  json_builder_add_string_value (builder, color_names[self->color]);
  json_builder_set_member_name (builder, "style");
  json_builder_add_string_value (builder, style_names[self->style]);

  json_builder_set_member_name (builder, "body");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, self->note);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; self->tags[i]; i++)
    json_builder_add_string_value (builder, self->tags[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "target");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "selector");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "TextQuoteSelector");
  json_builder_set_member_name (builder, "exact");
  json_builder_add_string_value (builder, self->exact);
  json_builder_set_member_name (builder, "prefix");
  json_builder_add_string_value (builder, self->prefix);
  json_builder_set_member_name (builder, "suffix");
  json_builder_add_string_value (builder, self->suffix);
  json_builder_end_object (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "TextPositionSelector");
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, self->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, self->end);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "orphan");
  json_builder_add_boolean_value (builder, self->orphan);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* JSON text written directly: json-glib's builder and generator cost
 * 75 µs an annotation, too much for a notes file saved every second. */
void
_dossier_json_append_string (GString    *out,
                             const char *str)
{
  const char *p = str;
  const char *run = str;

  g_string_append_c (out, '"');
  for (; *p; p++)
    {
      guchar c = *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:   g_string_append_printf (out, "\\u%04x", c); break;
        }
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static void
append_uint (GString *out,
             guint    value)
{
  char buffer[16];
  guint i = sizeof buffer;

  do
    {
      buffer[--i] = '0' + value % 10;
      value /= 10;
    }
  while (value);
  g_string_append_len (out, buffer + i, sizeof buffer - i);
}

/* The same as _dossier_annotation_to_json(), as text, indented for an
 * element of the notes file's "annotations" array. */
static void
format_json (DossierAnnotation *self,
             GString           *out)
{
  g_autofree char *created = _dossier_format_time (self->created);
  g_autofree char *modified = _dossier_format_time (self->modified);

  g_string_append (out, "{\n   \"id\" : ");
  _dossier_json_append_string (out, self->id);
  g_string_append (out, ",\n   \"created\" : \"");
  g_string_append (out, created);
  g_string_append (out, "\",\n   \"modified\" : \"");
  g_string_append (out, modified);
  g_string_append (out, "\",\n   \"color\" : \"");
  g_string_append (out, color_names[self->color]);
  g_string_append (out, "\",\n   \"style\" : \"");
  g_string_append (out, style_names[self->style]);
  g_string_append (out, "\",\n   \"body\" : {\n    \"note\" : ");
  _dossier_json_append_string (out, self->note);
  g_string_append (out, ",\n    \"tags\" : [");
  for (guint i = 0; self->tags[i]; i++)
    {
      g_string_append (out, i ? ", " : "");
      _dossier_json_append_string (out, self->tags[i]);
    }
  g_string_append (out, "]\n   },\n   \"target\" : {\n    \"selector\" : [\n"
                        "     {\n      \"type\" : \"TextQuoteSelector\",\n      \"exact\" : ");
  _dossier_json_append_string (out, self->exact);
  g_string_append (out, ",\n      \"prefix\" : ");
  _dossier_json_append_string (out, self->prefix);
  g_string_append (out, ",\n      \"suffix\" : ");
  _dossier_json_append_string (out, self->suffix);
  g_string_append (out, "\n     },\n     {\n      \"type\" : \"TextPositionSelector\",\n"
                        "      \"start\" : ");
  append_uint (out, self->start);
  g_string_append (out, ",\n      \"end\" : ");
  append_uint (out, self->end);
  g_string_append (out, "\n     }\n    ]\n   },\n   \"orphan\" : ");
  g_string_append (out, self->orphan ? "true\n  }" : "false\n  }");
}

void
_dossier_annotation_write_json (DossierAnnotation *self,
                                GString           *out)
{
  if (self->json == NULL)
    {
      self->json = g_string_sized_new (512);
      format_json (self, self->json);
    }

  g_string_append_len (out, self->json->str, self->json->len);
}

static gboolean
corrupt (GError     **error,
         const char  *what)
{
  g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NOTES_CORRUPT,
               _("An annotation has an invalid “%s”"), what);
  return FALSE;
}

/* A member of the given JSON type, or absent when @optional. */
static gboolean
get_member (JsonObject  *object,
            const char  *name,
            GType        value_type,
            gboolean     optional,
            JsonNode   **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL)
    return optional ? TRUE : corrupt (error, name);

  if (value_type == JSON_TYPE_OBJECT || value_type == JSON_TYPE_ARRAY)
    {
      if (!JSON_NODE_HOLDS (node, value_type == JSON_TYPE_OBJECT ? JSON_NODE_OBJECT : JSON_NODE_ARRAY))
        return corrupt (error, name);
    }
  else if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != value_type)
    return corrupt (error, name);

  *out = node;
  return TRUE;
}

static gboolean
get_time (JsonObject  *object,
          const char  *name,
          GDateTime  **out,
          GError     **error)
{
  JsonNode *node;

  if (!get_member (object, name, G_TYPE_STRING, FALSE, &node, error))
    return FALSE;

  *out = g_date_time_new_from_iso8601 (json_node_get_string (node), NULL);
  if (*out == NULL)
    return corrupt (error, name);

  return TRUE;
}

/**
 * _dossier_annotation_from_json:
 *
 * Reads one annotation of the notes file, strictly: a member of the wrong
 * type or value is an error (DOSSIER_ERROR_NOTES_CORRUPT) rather than a
 * default that the next save would write over the user's data.
 */
DossierAnnotation *
_dossier_annotation_from_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(DossierAnnotation) self = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  g_auto(GStrv) tagv = NULL;
  JsonObject *object, *body, *target;
  JsonNode *member;
  JsonArray *selectors;
  gboolean have_quote = FALSE, have_position = FALSE;
  const char *exact = NULL, *prefix = NULL, *suffix = NULL;
  gint64 start = 0, end = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return corrupt (error, "annotation"), NULL;
  object = json_node_get_object (node);

  if (!get_member (object, "id", G_TYPE_STRING, FALSE, &member, error))
    return NULL;
  if (*json_node_get_string (member) == '\0')
    return corrupt (error, "id"), NULL;
  if (!get_time (object, "created", &created, error) ||
      !get_time (object, "modified", &modified, error))
    return NULL;

  self = _dossier_annotation_new_full (json_node_get_string (member), created);
  g_date_time_unref (self->modified);
  self->modified = g_date_time_ref (modified);

  if (!get_member (object, "color", G_TYPE_STRING, TRUE, &member, error))
    return NULL;
  if (member && !dossier_annotation_color_from_string (json_node_get_string (member), &self->color))
    return corrupt (error, "color"), NULL;
  if (!get_member (object, "style", G_TYPE_STRING, TRUE, &member, error))
    return NULL;
  if (member && !dossier_annotation_style_from_string (json_node_get_string (member), &self->style))
    return corrupt (error, "style"), NULL;
  if (!get_member (object, "orphan", G_TYPE_BOOLEAN, TRUE, &member, error))
    return NULL;
  self->orphan = member ? json_node_get_boolean (member) : FALSE;

  if (!get_member (object, "body", JSON_TYPE_OBJECT, TRUE, &member, error))
    return NULL;
  if (member)
    {
      JsonArray *array;

      body = json_node_get_object (member);
      if (!get_member (body, "note", G_TYPE_STRING, TRUE, &member, error))
        return NULL;
      if (member)
        set_str (&self->note, json_node_get_string (member));
      if (!get_member (body, "tags", JSON_TYPE_ARRAY, TRUE, &member, error))
        return NULL;
      array = member ? json_node_get_array (member) : NULL;
      for (guint i = 0; array && i < json_array_get_length (array); i++)
        {
          JsonNode *tag = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (tag) || json_node_get_value_type (tag) != G_TYPE_STRING)
            return corrupt (error, "tags"), NULL;
          g_strv_builder_add (tags, json_node_get_string (tag));
        }
    }
  tagv = g_strv_builder_end (tags);
  g_strfreev (self->tags);
  self->tags = g_steal_pointer (&tagv);

  if (!get_member (object, "target", JSON_TYPE_OBJECT, FALSE, &member, error))
    return NULL;
  target = json_node_get_object (member);
  if (!get_member (target, "selector", JSON_TYPE_ARRAY, FALSE, &member, error))
    return NULL;
  selectors = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (selectors); i++)
    {
      JsonNode *selector_node = json_array_get_element (selectors, i);
      JsonObject *selector;
      const char *type;

      if (!JSON_NODE_HOLDS_OBJECT (selector_node))
        return corrupt (error, "selector"), NULL;
      selector = json_node_get_object (selector_node);
      if (!get_member (selector, "type", G_TYPE_STRING, FALSE, &member, error))
        return NULL;
      type = json_node_get_string (member);

      if (g_str_equal (type, "TextQuoteSelector"))
        {
          if (!get_member (selector, "exact", G_TYPE_STRING, FALSE, &member, error))
            return NULL;
          exact = json_node_get_string (member);
          if (!get_member (selector, "prefix", G_TYPE_STRING, TRUE, &member, error))
            return NULL;
          prefix = member ? json_node_get_string (member) : NULL;
          if (!get_member (selector, "suffix", G_TYPE_STRING, TRUE, &member, error))
            return NULL;
          suffix = member ? json_node_get_string (member) : NULL;
          have_quote = TRUE;
        }
      else if (g_str_equal (type, "TextPositionSelector"))
        {
          if (!get_member (selector, "start", G_TYPE_INT64, FALSE, &member, error))
            return NULL;
          start = json_node_get_int (member);
          if (!get_member (selector, "end", G_TYPE_INT64, FALSE, &member, error))
            return NULL;
          end = json_node_get_int (member);
          if (start < 0 || end < start || end > G_MAXUINT)
            return corrupt (error, "TextPositionSelector"), NULL;
          have_position = TRUE;
        }
    }

  if (!have_quote)
    return corrupt (error, "TextQuoteSelector"), NULL;
  /* Nobody listens yet: no need for the setters' notifications. */
  set_str (&self->exact, exact);
  set_str (&self->prefix, prefix ? prefix : "");
  set_str (&self->suffix, suffix ? suffix : "");
  if (have_position)
    {
      self->start = start;
      self->end = end;
    }

  return g_steal_pointer (&self);
}
