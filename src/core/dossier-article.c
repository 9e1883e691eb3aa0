/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-article"

#include "config.h"

#include <string.h>

#include "dossier-article.h"

/*
 * DossierArticle is immutable: every property is construct-only, and the
 * paragraph ranges are derived from the text once, at construction.
 * Offsets are Unicode code points into the text, end exclusive.
 */

typedef struct
{
  guint start;
  guint end;
} Range;

struct _DossierArticle
{
  GObject    parent_instance;

  char      *title;
  char      *subtitle;
  char      *source;
  char      *edition;
  char     **authors;
  GDateTime *published;
  char      *page;
  char      *dateline;
  char      *language;
  char      *url;
  char      *format;
  const char *text;
  char      *text_owned;
  GBytes    *text_bytes;

  gsize      length;
  GArray    *paragraphs;
};

G_DEFINE_FINAL_TYPE (DossierArticle, dossier_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_SOURCE,
  PROP_EDITION,
  PROP_AUTHORS,
  PROP_PUBLISHED,
  PROP_PAGE,
  PROP_DATELINE,
  PROP_LANGUAGE,
  PROP_URL,
  PROP_FORMAT,
  PROP_TEXT,
  PROP_TEXT_BYTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Code points in @len bytes of UTF-8: every byte that is not a
 * continuation byte starts one. Counts a machine word at a time. */
static gsize
count_code_points (const char *str,
                   gsize       len)
{
  const guchar *p = (const guchar *)str;
  const guchar *end = p + len;
  gsize continuation = 0;

  while (p + sizeof (guint64) <= end)
    {
      guint64 w;

      memcpy (&w, p, sizeof w);
      if (w & G_GUINT64_CONSTANT (0x8080808080808080))
        {
          /* continuation bytes are 10xxxxxx: bit 7 set and bit 6 clear */
          guint64 c = w & ~(w << 1) & G_GUINT64_CONSTANT (0x8080808080808080);

          continuation += __builtin_popcountll (c);
        }
      p += sizeof (guint64);
    }

  for (; p < end; p++)
    continuation += (*p & 0xC0) == 0x80;

  return len - continuation;
}

static void
compute_paragraphs (DossierArticle *self,
                    gsize           byte_length)
{
  const char *p = self->text;
  const char *text_end = p + byte_length;
  gsize pos = 0;
  Range current = { 0, 0 };
  gboolean in_para = FALSE;

  self->paragraphs = g_array_new (FALSE, FALSE, sizeof (Range));

  /* A paragraph is a run of lines separated from the next by a blank line. */
  while (p < text_end)
    {
      const char *nl = memchr (p, '\n', text_end - p);
      const char *line_end = nl ? nl : text_end;
      const char *first = p;
      const char *last = line_end;

      while (first < line_end && (*first == ' ' || *first == '\t' || *first == '\r'))
        first++;

      if (first == line_end)
        {
          if (in_para)
            g_array_append_val (self->paragraphs, current);
          in_para = FALSE;
          /* a blank line is ASCII blanks only */
          pos += line_end - p;
        }
      else
        {
          while (last > first && (last[-1] == ' ' || last[-1] == '\t' || last[-1] == '\r'))
            last--;
          if (!in_para)
            current.start = pos + (first - p);
          current.end = pos + count_code_points (p, last - p);
          in_para = TRUE;
          /* what follows the last visible character is ASCII blanks */
          pos = current.end + (line_end - last);
        }

      if (nl == NULL)
        break;
      p = nl + 1;
      pos++;
    }

  if (in_para)
    g_array_append_val (self->paragraphs, current);

  self->length = pos;
}

static void
dossier_article_constructed (GObject *object)
{
  DossierArticle *self = DOSSIER_ARTICLE (object);
  gsize byte_length;

  G_OBJECT_CLASS (dossier_article_parent_class)->constructed (object);

  if (self->text_bytes != NULL)
    {
      gsize size;
      const char *data = g_bytes_get_data (self->text_bytes, &size);

      /* the text is used in place: it must end with its NUL */
      if (data != NULL && size > 0 && data[size - 1] == '\0')
        {
          self->text = data;
          byte_length = size - 1;
        }
      else
        {
          g_clear_pointer (&self->text_owned, g_free);
          self->text = self->text_owned = g_strndup (data, size);
          byte_length = strlen (self->text);
        }
    }
  else
    {
      if (self->text_owned == NULL)
        self->text_owned = g_strdup ("");
      self->text = self->text_owned;
      byte_length = strlen (self->text);
    }

  if (self->authors == NULL)
    self->authors = g_new0 (char *, 1);

  compute_paragraphs (self, byte_length);
}

static void
dossier_article_finalize (GObject *object)
{
  DossierArticle *self = DOSSIER_ARTICLE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->edition, g_free);
  g_clear_pointer (&self->authors, g_strfreev);
  g_clear_pointer (&self->published, g_date_time_unref);
  g_clear_pointer (&self->page, g_free);
  g_clear_pointer (&self->dateline, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->text_owned, g_free);
  g_clear_pointer (&self->text_bytes, g_bytes_unref);
  g_clear_pointer (&self->paragraphs, g_array_unref);

  G_OBJECT_CLASS (dossier_article_parent_class)->finalize (object);
}

static char **
string_field (DossierArticle *self,
              guint           prop_id)
{
  switch (prop_id)
    {
    case PROP_TITLE:    return &self->title;
    case PROP_SUBTITLE: return &self->subtitle;
    case PROP_SOURCE:   return &self->source;
    case PROP_EDITION:  return &self->edition;
    case PROP_PAGE:     return &self->page;
    case PROP_DATELINE: return &self->dateline;
    case PROP_LANGUAGE: return &self->language;
    case PROP_URL:      return &self->url;
    case PROP_FORMAT:   return &self->format;
    case PROP_TEXT:     return &self->text_owned;
    default:            return NULL;
    }
}

static void
dossier_article_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DossierArticle *self = DOSSIER_ARTICLE (object);
  char **field;

  switch (prop_id)
    {
    case PROP_AUTHORS:
      g_value_set_boxed (value, self->authors);
      break;

    case PROP_PUBLISHED:
      g_value_set_boxed (value, self->published);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_TEXT_BYTES:
      g_value_set_boxed (value, self->text_bytes);
      break;

    default:
      if ((field = string_field (self, prop_id)))
        g_value_set_string (value, *field);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_article_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DossierArticle *self = DOSSIER_ARTICLE (object);
  char **field;

  switch (prop_id)
    {
    case PROP_AUTHORS:
      self->authors = g_value_dup_boxed (value);
      break;

    case PROP_PUBLISHED:
      self->published = g_value_dup_boxed (value);
      break;

    case PROP_TEXT_BYTES:
      self->text_bytes = g_value_dup_boxed (value);
      break;

    default:
      if ((field = string_field (self, prop_id)))
        {
          const char *str = g_value_get_string (value);

          /* Empty metadata is no metadata. */
          *field = (str && (*str || prop_id == PROP_TEXT)) ? g_strdup (str) : NULL;
        }
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_article_class_init (DossierArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const struct { guint id; const char *name; } strings[] = {
    { PROP_TITLE, "title" },
    { PROP_SUBTITLE, "subtitle" },
    { PROP_SOURCE, "source" },
    { PROP_EDITION, "edition" },
    { PROP_PAGE, "page" },
    { PROP_DATELINE, "dateline" },
    { PROP_LANGUAGE, "language" },
    { PROP_URL, "url" },
    { PROP_FORMAT, "format" },
    { PROP_TEXT, "text" },
  };

  object_class->constructed = dossier_article_constructed;
  object_class->finalize = dossier_article_finalize;
  object_class->get_property = dossier_article_get_property;
  object_class->set_property = dossier_article_set_property;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    properties[strings[i].id] =
      g_param_spec_string (strings[i].name, NULL, NULL, NULL,
                           (G_PARAM_READWRITE |
                            G_PARAM_CONSTRUCT_ONLY |
                            G_PARAM_STATIC_STRINGS));

  properties[PROP_AUTHORS] =
    g_param_spec_boxed ("authors", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_PUBLISHED] =
    g_param_spec_boxed ("published", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS));

  /* The body as NUL-terminated UTF-8 in a GBytes, used without a copy:
   * importers of large clippings hand their buffer over this way. */
  properties[PROP_TEXT_BYTES] =
    g_param_spec_boxed ("text-bytes", NULL, NULL,
                        G_TYPE_BYTES,
                        (G_PARAM_READWRITE |
                         G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_article_init (DossierArticle *self)
{
}

const char *
dossier_article_get_title (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  return self->title;
}

const char *
dossier_article_get_subtitle (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  return self->subtitle;
}

const char *
dossier_article_get_source (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  return self->source;
}

const char *
dossier_article_get_edition (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  return self->edition;
}

/**
 * dossier_article_get_authors:
 *
 * Returns: (transfer none): the authors in byline order, never %NULL
 */
const char * const *
dossier_article_get_authors (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  return (const char * const *)self->authors;
}

/**
 * dossier_article_get_published:
 *
 * Returns: (transfer none) (nullable): the publication date, when known
 */
GDateTime *
dossier_article_get_published (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  return self->published;
}

/**
 * dossier_article_dup_published_iso:
 *
 * Returns: (transfer full) (nullable): the publication date as `YYYY-MM-DD`
 */
char *
dossier_article_dup_published_iso (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  if (self->published == NULL)
    return NULL;

  return g_date_time_format (self->published, "%Y-%m-%d");
}

const char *
dossier_article_get_page (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  return self->page;
}

const char *
dossier_article_get_dateline (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  return self->dateline;
}

const char *
dossier_article_get_language (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  return self->language;
}

const char *
dossier_article_get_url (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  return self->url;
}

/**
 * dossier_article_get_format:
 *
 * Returns: (nullable): the importer that made the article: "text", "html"…
 */
const char *
dossier_article_get_format (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  return self->format;
}

/**
 * dossier_article_get_text:
 *
 * Returns: (transfer none): the body text, paragraphs separated by blank lines
 */
const char *
dossier_article_get_text (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  return self->text;
}

/**
 * dossier_article_get_length:
 *
 * Returns: the length of the text in code points
 */
gsize
dossier_article_get_length (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), 0);
  return self->length;
}

guint
dossier_article_get_n_paragraphs (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), 0);
  return self->paragraphs->len;
}

/**
 * dossier_article_get_paragraph:
 * @start: (out): first code point of the paragraph
 * @end: (out): code point after its last visible character
 */
void
dossier_article_get_paragraph (DossierArticle *self,
                               guint           index,
                               guint          *start,
                               guint          *end)
{
  const Range *r;

  g_return_if_fail (DOSSIER_IS_ARTICLE (self));
  g_return_if_fail (index < self->paragraphs->len);

  r = &g_array_index (self->paragraphs, Range, index);
  if (start)
    *start = r->start;
  if (end)
    *end = r->end;
}

/**
 * dossier_article_dup_byline:
 *
 * Returns: (transfer full) (nullable): the authors joined for display
 */
char *
dossier_article_dup_byline (DossierArticle *self)
{
  guint n;
  GString *str;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  n = g_strv_length (self->authors);
  if (n == 0)
    return NULL;

  str = g_string_new (self->authors[0]);
  for (guint i = 1; i < n; i++)
    {
      g_string_append (str, i + 1 == n ? " & " : ", ");
      g_string_append (str, self->authors[i]);
    }

  return g_string_free (str, FALSE);
}
