/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-print-operation"

#include "config.h"

#include <cairo.h>
#ifdef CAIRO_HAS_PDF_SURFACE
# include <cairo-pdf.h>
#endif

#include <glib/gi18n.h>

#include "dossier-annotation.h"
#include "dossier-article.h"
#include "dossier-document.h"
#include "dossier-highlighter.h"
#include "dossier-print-operation.h"
#include "dossier-reader-view-private.h"

/*
 * Prints a clipping as it reads in Dossier: the title, the dek, the byline
 * and the citation line, then the body with the highlights in their
 * colours. A highlight that carries a note or tags gets a small number in
 * the text, and the note is printed under its paragraph with the same
 * number; the clipping's own notes and the passages that are no longer in
 * the text come last. "Export as PDF" is the same operation run with
 * GTK_PRINT_OPERATION_ACTION_EXPORT.
 *
 * Everything is laid out once in begin-print: each piece of text is a
 * PangoLayout, and pagination places their lines one by one, so that a
 * paragraph may continue on the next page. draw-page only shows the lines
 * placed on that page.
 */

#define BODY_FONT     "Serif 11"
#define TITLE_FONT    "Serif Bold 20"
#define DEK_FONT      "Serif Italic 13"
#define META_FONT     "Sans 9"
#define HEADING_FONT  "Sans Bold 11"
#define SUBHEAD_FONT  "Serif Bold 12"
#define NOTE_FONT     "Sans 9"
#define FOOTER_FONT   "Sans 8"

#define PARAGRAPH_SPACE 7.0
#define NOTE_INDENT     18.0
#define NOTE_BAR_WIDTH  2.5
#define RULE_HEIGHT     14.0
#define FOOTER_HEIGHT   24.0
/* How much of a highlight colour shows over white paper */
#define HIGHLIGHT_ALPHA 0.45
/* Quotes of notes longer than this are cut, in characters */
#define MAX_QUOTE       90

typedef struct
{
  PangoLayout *layout;          /* NULL: a horizontal rule */
  double       indent;
  double       space_before;
  GdkRGBA      foreground;
  GdkRGBA      bar;             /* beside a note; transparent for none */
  guint        keep_together : 1;
  guint        keep_with_next : 1;
} Block;

typedef struct
{
  guint  block;
  int    line;                  /* -1 for a rule */
  double x;
  double top;
  double height;
  double baseline;
} Placed;

struct _DossierPrintOperation
{
  GtkPrintOperation  parent_instance;

  DossierArticle    *article;
  DossierDocument   *document;

  /* Set up by begin-print */
  GArray            *blocks;    /* of Block */
  GArray            *placed;    /* of Placed, in page order */
  GArray            *pages;     /* of guint: the first Placed of each page */
  double             width;
  guint              n_notes;
};

G_DEFINE_FINAL_TYPE (DossierPrintOperation, dossier_print_operation, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GdkRGBA text_color = { 0.0, 0.0, 0.0, 1.0 };
static const GdkRGBA dim_color = { 0.33, 0.33, 0.33, 1.0 };
static const GdkRGBA no_color = { 0.0, 0.0, 0.0, 0.0 };

static gboolean
is_set (const char *str)
{
  return str != NULL && *str != '\0';
}

static void
clear_block (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
}

static void
clear_layout (DossierPrintOperation *self)
{
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->placed, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  self->n_notes = 0;
}

static PangoLayout *
new_layout (GtkPrintContext *context,
            double           width,
            const char      *font)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (layout, 1.25);

  return layout;
}

static Block *
add_block (DossierPrintOperation *self,
           PangoLayout           *layout,
           double                 indent,
           double                 space_before,
           const GdkRGBA         *foreground)
{
  Block block = { 0, };

  block.layout = layout;
  block.indent = indent;
  block.space_before = space_before;
  block.foreground = *foreground;
  block.bar = no_color;
  g_array_append_val (self->blocks, block);

  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

static Block *
add_text (DossierPrintOperation *self,
          GtkPrintContext       *context,
          const char            *font,
          const char            *text,
          double                 space_before,
          const GdkRGBA         *foreground)
{
  PangoLayout *layout = new_layout (context, self->width, font);

  pango_layout_set_text (layout, text, -1);

  return add_block (self, layout, 0, space_before, foreground);
}

static void
add_rule (DossierPrintOperation *self)
{
  add_block (self, NULL, 0, 0, &dim_color);
}

static guint16
channel (double value)
{
  return (guint16) CLAMP (value * 65535.0 + 0.5, 0, 65535);
}

/* Highlights are the screen's colours thinned over white paper. */
static void
get_paper_color (DossierAnnotationColor  color,
                 GdkRGBA                *rgba)
{
  dossier_annotation_color_get_rgba (color, rgba);
  rgba->red = 1.0 - HIGHLIGHT_ALPHA * (1.0 - rgba->red);
  rgba->green = 1.0 - HIGHLIGHT_ALPHA * (1.0 - rgba->green);
  rgba->blue = 1.0 - HIGHLIGHT_ALPHA * (1.0 - rgba->blue);
  rgba->alpha = 1.0;
}

static char *
format_citation (DossierArticle *article)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GDateTime *published = dossier_article_get_published (article);
  const char *page = dossier_article_get_page (article);

  if (is_set (dossier_article_get_source (article)))
    g_ptr_array_add (parts, g_strdup (dossier_article_get_source (article)));
  if (is_set (dossier_article_get_edition (article)))
    g_ptr_array_add (parts, g_strdup (dossier_article_get_edition (article)));
  if (is_set (page))
    /* Translators: the newspaper page an article was printed on, "A1" */
    g_ptr_array_add (parts, g_strdup_printf (_("Page %s"), page));
  if (is_set (dossier_article_get_dateline (article)))
    g_ptr_array_add (parts, g_strdup (dossier_article_get_dateline (article)));
  if (published != NULL)
    /* Translators: the publication date of an article, as in the reader's
     * header; see g_date_time_format().
     * xgettext:no-c-format */
    g_ptr_array_add (parts, g_date_time_format (published, _("%B %-e, %Y")));
  if (is_set (dossier_article_get_url (article)))
    g_ptr_array_add (parts, g_strdup (dossier_article_get_url (article)));

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
add_header (DossierPrintOperation *self,
            GtkPrintContext       *context)
{
  DossierArticle *article = self->article;
  const char *title = dossier_article_get_title (article);
  g_autofree char *byline = dossier_article_dup_byline (article);
  g_autofree char *citation = format_citation (article);
  Block *block;

  if (!is_set (title))
    title = _("Untitled Clipping");

  block = add_text (self, context, TITLE_FONT, title, 0, &text_color);
  block->keep_together = TRUE;
  block->keep_with_next = TRUE;

  if (is_set (dossier_article_get_subtitle (article)))
    {
      block = add_text (self, context, DEK_FONT, dossier_article_get_subtitle (article),
                        4, &dim_color);
      block->keep_with_next = TRUE;
    }

  if (is_set (byline))
    {
      /* Translators: the authors of an article, "By Jane Doe & John Roe" */
      g_autofree char *by = g_strdup_printf (_("By %s"), byline);

      block = add_text (self, context, META_FONT, by, 8, &text_color);
      block->keep_with_next = TRUE;
    }

  if (is_set (citation))
    {
      block = add_text (self, context, META_FONT, citation, is_set (byline) ? 2 : 8, &dim_color);
      block->keep_with_next = TRUE;
    }

  add_rule (self);
}

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  return dossier_annotation_compare (*(DossierAnnotation **) a, *(DossierAnnotation **) b);
}

static gboolean
has_note (DossierAnnotation *annotation)
{
  const char * const *tags = dossier_annotation_get_tags (annotation);

  return is_set (dossier_annotation_get_note (annotation)) || (tags != NULL && tags[0] != NULL);
}

/* "[3] (Claims) “the passage…”", the note and the tags under it */
static void
add_note (DossierPrintOperation *self,
          GtkPrintContext       *context,
          DossierAnnotation     *annotation,
          guint                  number)
{
  DossierAnnotationColor color = dossier_annotation_get_color (annotation);
  const char * const *tags = dossier_annotation_get_tags (annotation);
  const char *note = dossier_annotation_get_note (annotation);
  const char *exact = dossier_annotation_get_exact (annotation);
  const char *meaning = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *quote = NULL;
  PangoLayout *layout;
  Block *block;

  if (self->document != NULL)
    meaning = dossier_document_get_color_name (self->document, color);

  if (exact != NULL && g_utf8_strlen (exact, -1) > MAX_QUOTE)
    {
      g_autofree char *cut = g_utf8_substring (exact, 0, MAX_QUOTE);

      quote = g_strconcat (g_strchomp (cut), "…", NULL);
    }
  else
    quote = g_strdup (exact ? exact : "");
  g_strdelimit (quote, "\n\r\t", ' ');

  if (number > 0)
    g_string_append_printf (markup, "<b>[%u]</b> ", number);
  if (is_set (meaning))
    {
      g_autofree char *escaped = g_markup_escape_text (meaning, -1);

      g_string_append_printf (markup, "<b>%s:</b> ", escaped);
    }
  {
    g_autofree char *escaped = g_markup_escape_text (quote, -1);

    /* Translators: a quoted passage of the article, in the printout */
    g_string_append_printf (markup, _("<i>“%s”</i>"), escaped);
  }
  if (is_set (note))
    {
      g_autofree char *escaped = g_markup_escape_text (note, -1);

      g_string_append_printf (markup, "\n%s", escaped);
    }
  if (tags != NULL && tags[0] != NULL)
    {
      g_string_append (markup, "\n<span foreground=\"#555555\">");
      for (guint i = 0; tags[i]; i++)
        {
          g_autofree char *escaped = g_markup_escape_text (tags[i], -1);

          g_string_append_printf (markup, "%s#%s", i ? " " : "", escaped);
        }
      g_string_append (markup, "</span>");
    }

  layout = new_layout (context, self->width - NOTE_INDENT, NOTE_FONT);
  pango_layout_set_markup (layout, markup->str, -1);
  block = add_block (self, layout, NOTE_INDENT, 4, &text_color);
  dossier_annotation_color_get_rgba (color, &block->bar);
}

typedef struct
{
  guint              position;  /* byte in the paragraph */
  guint              order;     /* of the annotation, to sort */
  guint              number;
  guint              length;    /* of "[number]" */
  DossierAnnotation *annotation;
} Marker;

static int
compare_markers (gconstpointer a,
                 gconstpointer b)
{
  const Marker *ma = a;
  const Marker *mb = b;

  if (ma->position != mb->position)
    return ma->position < mb->position ? -1 : 1;

  return ma->order < mb->order ? -1 : ma->order > mb->order;
}

/* Where @byte of the paragraph text ends up once the markers are in:
 * a start goes after the markers at its position, an end before them. */
static guint
shift (GArray  *markers,
       guint    byte,
       gboolean is_start)
{
  guint shifted = byte;

  for (guint i = 0; i < markers->len; i++)
    {
      Marker *marker = &g_array_index (markers, Marker, i);

      if (marker->position < byte || (is_start && marker->position == byte))
        shifted += marker->length;
    }

  return shifted;
}

static void
add_paragraph (DossierPrintOperation *self,
               GtkPrintContext       *context,
               const char            *text,
               guint                  start,
               guint                  end,
               guint                  next_start,
               gboolean               subhead,
               GPtrArray             *annotations,
               guint                 *first)
{
  const char *language = dossier_article_get_language (self->article);
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  g_autoptr(GString) str = g_string_new (NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoLayout *layout;
  Block *block;
  guint length, copied = 0;

  length = g_utf8_offset_to_pointer (text, end - start) - text;

  /* Annotations are sorted by start: skip those wholly before. */
  while (*first < annotations->len &&
         dossier_annotation_get_end (g_ptr_array_index (annotations, *first)) <= start)
    (*first)++;

  /* The markers first: the highlights shift past them. */
  for (guint i = *first; i < annotations->len; i++)
    {
      DossierAnnotation *annotation = g_ptr_array_index (annotations, i);
      guint a_end = dossier_annotation_get_end (annotation);
      Marker marker;

      if (dossier_annotation_get_start (annotation) >= end)
        break;
      /* A note follows the last paragraph its passage touches. */
      if (a_end <= start || a_end > next_start || !has_note (annotation))
        continue;

      marker.position = g_utf8_offset_to_pointer (text, MIN (a_end, end) - start) - text;
      marker.order = i;
      marker.annotation = annotation;
      g_array_append_val (markers, marker);
    }

  /* Numbered in the order the reader meets them */
  g_array_sort (markers, compare_markers);
  for (guint i = 0; i < markers->len; i++)
    {
      Marker *marker = &g_array_index (markers, Marker, i);
      PangoAttribute *attr;
      guint marker_start;

      marker->number = ++self->n_notes;
      g_string_append_len (str, text + copied, marker->position - copied);
      copied = marker->position;
      marker_start = str->len;
      g_string_append_printf (str, "[%u]", marker->number);
      marker->length = str->len - marker_start;

      attr = pango_attr_rise_new (pango_units_from_double (3.5));
      attr->start_index = marker_start;
      attr->end_index = str->len;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_scale_new (PANGO_SCALE_X_SMALL);
      attr->start_index = marker_start;
      attr->end_index = str->len;
      pango_attr_list_insert (attrs, attr);
    }
  g_string_append_len (str, text + copied, length - copied);

  for (guint i = *first; i < annotations->len; i++)
    {
      DossierAnnotation *annotation = g_ptr_array_index (annotations, i);
      guint a_start = MAX (dossier_annotation_get_start (annotation), start);
      guint a_end = MIN (dossier_annotation_get_end (annotation), end);
      DossierAnnotationColor color = dossier_annotation_get_color (annotation);
      PangoAttribute *attr;
      GdkRGBA rgba;
      guint byte_start, byte_end;

      if (dossier_annotation_get_start (annotation) >= end)
        break;
      if (a_end <= a_start)
        continue;

      byte_start = shift (markers, g_utf8_offset_to_pointer (text, a_start - start) - text, TRUE);
      byte_end = shift (markers, g_utf8_offset_to_pointer (text, a_end - start) - text, FALSE);

      if (dossier_annotation_get_style (annotation) == DOSSIER_ANNOTATION_STYLE_UNDERLINE)
        {
          dossier_annotation_color_get_rgba (color, &rgba);
          attr = pango_attr_underline_new (PANGO_UNDERLINE_DOUBLE);
          attr->start_index = byte_start;
          attr->end_index = byte_end;
          pango_attr_list_insert (attrs, attr);
          attr = pango_attr_underline_color_new (channel (rgba.red), channel (rgba.green),
                                                 channel (rgba.blue));
        }
      else
        {
          get_paper_color (color, &rgba);
          attr = pango_attr_background_new (channel (rgba.red), channel (rgba.green),
                                            channel (rgba.blue));
        }
      attr->start_index = byte_start;
      attr->end_index = byte_end;
      pango_attr_list_insert (attrs, attr);
    }

  if (is_set (language))
    pango_attr_list_insert_before (attrs, pango_attr_language_new (pango_language_from_string (language)));

  layout = new_layout (context, self->width, subhead ? SUBHEAD_FONT : BODY_FONT);
  pango_layout_set_text (layout, str->str, str->len);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  block = add_block (self, layout, 0, subhead ? 2 * PARAGRAPH_SPACE : PARAGRAPH_SPACE, &text_color);
  block->keep_with_next = subhead && markers->len == 0;

  for (guint i = 0; i < markers->len; i++)
    {
      Marker *marker = &g_array_index (markers, Marker, i);

      add_note (self, context, marker->annotation, marker->number);
    }
}

static void
add_body (DossierPrintOperation *self,
          GtkPrintContext       *context,
          GPtrArray             *annotations)
{
  const char *text = dossier_article_get_text (self->article);
  guint n = dossier_article_get_n_paragraphs (self->article);
  const char *p = text;
  guint offset = 0;
  guint first = 0;

  for (guint i = 0; i < n; i++)
    {
      guint start, end, next_start = G_MAXUINT;

      dossier_article_get_paragraph (self->article, i, &start, &end);
      if (i + 1 < n)
        dossier_article_get_paragraph (self->article, i + 1, &next_start, NULL);

      /* Paragraphs come in order: walk the text once. */
      p = g_utf8_offset_to_pointer (p, start - offset);
      offset = start;

      /* Subheadings as the reader shows them */
      if (end > start)
        add_paragraph (self, context, p, start, end, next_start,
                       i > 0 && i + 1 < n && _dossier_reader_view_looks_like_subhead (p, start, end),
                       annotations, &first);
    }
}

static Block *
add_heading (DossierPrintOperation *self,
             GtkPrintContext       *context,
             const char            *heading)
{
  Block *block = add_text (self, context, HEADING_FONT, heading, 18, &text_color);

  block->keep_with_next = TRUE;

  return block;
}

static void
add_back_matter (DossierPrintOperation *self,
                 GtkPrintContext       *context,
                 GPtrArray             *orphans)
{
  const char *notes = NULL;

  if (self->document != NULL)
    notes = dossier_document_get_notes (self->document);

  if (is_set (notes))
    {
      g_autofree char *stripped = g_strstrip (g_strdup (notes));

      add_heading (self, context, _("Notes"));
      add_text (self, context, BODY_FONT, stripped, 6, &text_color);
    }

  if (orphans->len > 0)
    {
      add_heading (self, context, _("Passages No Longer in the Text"));
      for (guint i = 0; i < orphans->len; i++)
        add_note (self, context, g_ptr_array_index (orphans, i), 0);
    }
}

/* Pagination */

typedef struct
{
  double x;
  double top;
  double height;
  double baseline;
} Line;

static GArray *
measure_lines (Block *block)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  PangoLayoutIter *iter;

  if (block->layout == NULL)
    {
      Line line = { 0, 0, RULE_HEIGHT, 0 };

      g_array_append_val (lines, line);
      return lines;
    }

  iter = pango_layout_get_iter (block->layout);
  do
    {
      PangoRectangle logical;
      Line line;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.x = block->indent + pango_units_to_double (logical.x);
      line.top = pango_units_to_double (logical.y);
      line.height = pango_units_to_double (logical.height);
      line.baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      g_array_append_val (lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  /* With line spacing a line takes the room down to the next one. */
  for (guint i = 0; i + 1 < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      line->height = MAX (line->height, g_array_index (lines, Line, i + 1).top - line->top);
    }

  return lines;
}

static void
paginate (DossierPrintOperation *self,
          double                 page_height)
{
  g_autoptr(GPtrArray) measured = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  double y = 0;
  guint zero = 0;

  g_array_append_val (self->pages, zero);

  for (guint b = 0; b < self->blocks->len; b++)
    g_ptr_array_add (measured, measure_lines (&g_array_index (self->blocks, Block, b)));

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = &g_array_index (self->blocks, Block, b);
      GArray *lines = g_ptr_array_index (measured, b);
      double need = 0;

      if (y > 0)
        y += block->space_before;

      /* What has to fit on this page for the block to start here: all
       * of a title, else two lines (no orphan line), and the first line
       * of the next block after a heading. */
      if (block->keep_together)
        for (guint i = 0; i < lines->len; i++)
          need += g_array_index (lines, Line, i).height;
      else
        for (guint i = 0; i < MIN (lines->len, 2); i++)
          need += g_array_index (lines, Line, i).height;
      if (block->keep_with_next && b + 1 < self->blocks->len)
        need += g_array_index ((GArray *) g_ptr_array_index (measured, b + 1), Line, 0).height;

      if (y > 0 && y + need > page_height)
        {
          g_array_append_val (self->pages, self->placed->len);
          y = 0;
        }

      for (guint i = 0; i < lines->len; i++)
        {
          Line *line = &g_array_index (lines, Line, i);
          Placed placed;

          /* A line taller than the page goes on a page of its own. */
          if (y > 0 && y + line->height > page_height)
            {
              g_array_append_val (self->pages, self->placed->len);
              y = 0;
            }

          placed.block = b;
          placed.line = block->layout ? (int) i : -1;
          placed.x = line->x;
          placed.top = y;
          placed.height = line->height;
          placed.baseline = y + line->baseline - line->top;
          g_array_append_val (self->placed, placed);
          y += line->height;
        }
    }
}

static void
set_pdf_metadata (DossierPrintOperation *self,
                  GtkPrintContext       *context)
{
#ifdef CAIRO_HAS_PDF_SURFACE
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  cairo_surface_t *surface = cr ? cairo_get_target (cr) : NULL;
  g_autofree char *byline = NULL;
  const char *title;

  if (surface == NULL || cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_PDF)
    return;

  title = dossier_article_get_title (self->article);
  if (is_set (title))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  byline = dossier_article_dup_byline (self->article);
  if (is_set (byline))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, byline);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Dossier");
#endif
}

static void
dossier_print_operation_begin_print (GtkPrintOperation *operation,
                                     GtkPrintContext   *context)
{
  DossierPrintOperation *self = DOSSIER_PRINT_OPERATION (operation);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) orphans = g_ptr_array_new_with_free_func (g_object_unref);

  clear_layout (self);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, clear_block);
  self->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  self->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  self->width = gtk_print_context_get_width (context);

  if (self->document != NULL)
    {
      GListModel *model = dossier_document_get_annotations (self->document);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          DossierAnnotation *annotation = g_list_model_get_item (model, i);

          if (dossier_annotation_get_orphan (annotation))
            g_ptr_array_add (orphans, annotation);
          else
            g_ptr_array_add (annotations, annotation);
        }
      g_ptr_array_sort (annotations, compare_annotations);
    }

  add_header (self, context);
  add_body (self, context, annotations);
  add_back_matter (self, context, orphans);

  paginate (self, gtk_print_context_get_height (context) - FOOTER_HEIGHT);
  gtk_print_operation_set_n_pages (operation, self->pages->len);

  set_pdf_metadata (self, context);
}

static void
draw_footer (DossierPrintOperation *self,
             GtkPrintContext       *context,
             int                    page_nr)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double height = gtk_print_context_get_height (context);
  const char *title = dossier_article_get_title (self->article);
  g_autoptr(PangoLayout) left = new_layout (context, self->width * 0.7, FOOTER_FONT);
  g_autoptr(PangoLayout) right = new_layout (context, self->width, FOOTER_FONT);
  /* Translators: in the footer of each printed page */
  g_autofree char *page = g_strdup_printf (_("Page %d of %d"), page_nr + 1, (int) self->pages->len);

  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (left, is_set (title) ? title : "", -1);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (right, page, -1);

  gdk_cairo_set_source_rgba (cr, &dim_color);
  cairo_move_to (cr, 0, height - FOOTER_HEIGHT / 2);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, 0, height - FOOTER_HEIGHT / 2);
  pango_cairo_show_layout (cr, right);
}

static void
dossier_print_operation_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page_nr)
{
  DossierPrintOperation *self = DOSSIER_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  guint first, last;

  g_return_if_fail (self->pages != NULL);

  if (page_nr < 0 || (guint) page_nr >= self->pages->len)
    return;

  first = g_array_index (self->pages, guint, page_nr);
  last = (guint) page_nr + 1 < self->pages->len
         ? g_array_index (self->pages, guint, page_nr + 1)
         : self->placed->len;

  for (guint i = first; i < last; i++)
    {
      Placed *placed = &g_array_index (self->placed, Placed, i);
      Block *block = &g_array_index (self->blocks, Block, placed->block);

      if (placed->line < 0)
        {
          gdk_cairo_set_source_rgba (cr, &dim_color);
          cairo_rectangle (cr, 0, placed->top + placed->height / 2, self->width, 0.5);
          cairo_fill (cr);
          continue;
        }

      if (block->bar.alpha > 0)
        {
          gdk_cairo_set_source_rgba (cr, &block->bar);
          cairo_rectangle (cr, block->indent - 8, placed->top, NOTE_BAR_WIDTH, placed->height);
          cairo_fill (cr);
        }

      gdk_cairo_set_source_rgba (cr, &block->foreground);
      cairo_move_to (cr, placed->x, placed->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->layout, placed->line));
    }

  draw_footer (self, context, page_nr);
}

static void
dossier_print_operation_end_print (GtkPrintOperation *operation,
                                   GtkPrintContext   *context)
{
  clear_layout (DOSSIER_PRINT_OPERATION (operation));
}

static void
dossier_print_operation_constructed (GObject *object)
{
  DossierPrintOperation *self = DOSSIER_PRINT_OPERATION (object);
  const char *title = dossier_article_get_title (self->article);

  G_OBJECT_CLASS (dossier_print_operation_parent_class)->constructed (object);

  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                    is_set (title) ? title : _("Untitled Clipping"));
}

static void
dossier_print_operation_dispose (GObject *object)
{
  DossierPrintOperation *self = DOSSIER_PRINT_OPERATION (object);

  clear_layout (self);
  g_clear_object (&self->article);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (dossier_print_operation_parent_class)->dispose (object);
}

static void
dossier_print_operation_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DossierPrintOperation *self = DOSSIER_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, dossier_print_operation_get_article (self));
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, dossier_print_operation_get_document (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_print_operation_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DossierPrintOperation *self = DOSSIER_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      self->article = g_value_dup_object (value);
      break;

    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_print_operation_class_init (DossierPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = dossier_print_operation_constructed;
  object_class->dispose = dossier_print_operation_dispose;
  object_class->get_property = dossier_print_operation_get_property;
  object_class->set_property = dossier_print_operation_set_property;

  operation_class->begin_print = dossier_print_operation_begin_print;
  operation_class->draw_page = dossier_print_operation_draw_page;
  operation_class->end_print = dossier_print_operation_end_print;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         DOSSIER_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         DOSSIER_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_print_operation_init (DossierPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_track_print_status (operation, TRUE);
}

/**
 * dossier_print_operation_new:
 * @article: the clipping's article
 * @document: (nullable): its notes, for the highlights and the notes
 *
 * Returns: (transfer full): an operation that prints @article
 */
DossierPrintOperation *
dossier_print_operation_new (DossierArticle  *article,
                             DossierDocument *document)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (!document || DOSSIER_IS_DOCUMENT (document), NULL);

  return g_object_new (DOSSIER_TYPE_PRINT_OPERATION,
                       "article", article,
                       "document", document,
                       NULL);
}

DossierArticle *
dossier_print_operation_get_article (DossierPrintOperation *self)
{
  g_return_val_if_fail (DOSSIER_IS_PRINT_OPERATION (self), NULL);

  return self->article;
}

DossierDocument *
dossier_print_operation_get_document (DossierPrintOperation *self)
{
  g_return_val_if_fail (DOSSIER_IS_PRINT_OPERATION (self), NULL);

  return self->document;
}
