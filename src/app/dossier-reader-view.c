/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-reader-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-article.h"
#include "dossier-reader-text-private.h"
#include "dossier-reader-view-private.h"

/* The body font size at zoom 1, in points. */
#define BASE_FONT_SIZE   12.0
/* The longest line, in average characters: about what a book page holds. */
#define LINE_LENGTH      72
/* The text view's left and right margins (dossier-reader-view.ui). */
#define ARTICLE_PADDING  64
typedef struct
{
  int start;
  int end;
} Match;

/* A step asked for while the search has not reached the match yet. */
typedef enum
{
  PENDING_NONE,
  PENDING_NEXT,
  PENDING_LAST,
} Pending;

struct _DossierReaderView
{
  GtkWidget          parent_instance;

  DossierArticle    *article;
  double             zoom;
  GtkCssProvider    *zoom_css;
  GArray            *matches;
  int                current_match;

  /* The search going on in idle time: for what, from where on, and where
   * the reader was when it started; and what the matches are of. */
  char              *query;
  char              *searched;
  guint              search_source;
  int                search_offset;
  int                search_from;
  Pending            pending;

  /* With many matches, only those in [tag_start, tag_end) are tagged. */
  guint              windowed : 1;
  guint              tag_start;
  guint              tag_end;
  guint              window_source;

  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;
  GtkLabel          *match_label;
  GtkScrolledWindow *scroller;
  AdwClampScrollable *clamp;
  GtkBox            *article_box;
  GtkLabel          *kicker_label;
  GtkLabel          *title_label;
  GtkLabel          *dek_label;
  GtkLabel          *byline_label;
  GtkLabel          *meta_label;
  GtkWidget         *header_rule;
  GtkTextView       *text_view;

  GtkTextTag        *body_tag;
  GtkTextTag        *gap_tag;
  GtkTextTag        *subhead_tag;
  GtkTextTag        *match_tag;
  GtkTextTag        *current_tag;
  GtkTextTag        *language_tag;

  /* Where the reader was last sent (a find match, a mention), kept on
   * screen while the text is being laid out, until the user scrolls. */
  GtkTextMark       *scroll_mark;
  guint              pinned : 1;
};

G_DEFINE_FINAL_TYPE (DossierReaderView, dossier_reader_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkTextBuffer *
get_buffer (DossierReaderView *self)
{
  return gtk_text_view_get_buffer (self->text_view);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
join_part (GString    *str,
           const char *part)
{
  if (part == NULL || *part == '\0')
    return;

  if (str->len > 0)
    g_string_append (str, " · ");
  g_string_append (str, part);
}

static char *
format_kicker (DossierArticle *article)
{
  GString *str = g_string_new (NULL);
  const char *page = dossier_article_get_page (article);

  join_part (str, dossier_article_get_source (article));
  join_part (str, dossier_article_get_edition (article));

  if (page != NULL && *page != '\0')
    {
      /* Translators: the newspaper page an article was printed on, "A1" */
      g_autofree char *page_str = g_strdup_printf (_("Page %s"), page);

      join_part (str, page_str);
    }

  return g_string_free (str, FALSE);
}

static char *
format_meta (DossierArticle *article)
{
  GString *str = g_string_new (NULL);
  GDateTime *published = dossier_article_get_published (article);

  join_part (str, dossier_article_get_dateline (article));

  if (published != NULL)
    {
      /* Translators: how the publication date of an article is written,
       * "November 27, 2025"; see the strftime-like codes of
       * g_date_time_format(). Use the order of your language.
       * xgettext:no-c-format */
      g_autofree char *date = g_date_time_format (published, _("%B %-e, %Y"));

      join_part (str, date);
    }

  return g_string_free (str, FALSE);
}

/* A short line standing alone, with no closing punctuation, between two
 * paragraphs is a subheading in a pasted article ("A long road to the
 * vote"): show it as one. Only the looks change, never the text. */
gboolean
_dossier_reader_view_looks_like_subhead (const char *p,
                                         guint       start,
                                         guint       end)
{
  const char *last;
  gunichar first, c;

  if (end - start < 3 || end - start > 70)
    return FALSE;

  first = g_utf8_get_char (p);
  if (!g_unichar_isupper (first) && !g_unichar_isdigit (first))
    return FALSE;

  last = g_utf8_offset_to_pointer (p, end - start);
  for (const char *q = p; q < last; q = g_utf8_next_char (q))
    if (*q == '\n')
      return FALSE;

  c = g_utf8_get_char (g_utf8_prev_char (last));

  return !g_unichar_ispunct (c);
}

/* GtkTextView lays a whole line out at once: a paragraph of megabytes (a
 * page saved without line breaks) would take minutes before the first
 * frame. Such lines are shown broken at a space every few thousand
 * characters; a space and a line break are one character each, so every
 * offset (highlights, mentions, find) stays the article's. */
#define LONG_LINE_BYTES 8192

static void
set_buffer_text (GtkTextBuffer *buffer,
                 const char    *text)
{
  g_autofree char *copy = NULL;
  gsize line_start = 0, last_space = 0;
  gboolean long_lines = FALSE;

  for (gsize i = 0; text[i] != '\0'; i++)
    {
      if (text[i] == '\n')
        line_start = i + 1;
      else if (i - line_start > LONG_LINE_BYTES)
        {
          long_lines = TRUE;
          break;
        }
    }

  if (!long_lines)
    {
      gtk_text_buffer_set_text (buffer, text, -1);
      return;
    }

  copy = g_strdup (text);
  line_start = 0;
  for (gsize i = 0; copy[i] != '\0'; i++)
    {
      if (copy[i] == '\n')
        line_start = i + 1;
      else if (copy[i] == ' ')
        last_space = i;
      if (i - line_start > LONG_LINE_BYTES && last_space > line_start)
        {
          copy[last_space] = '\n';
          line_start = last_space + 1;
        }
    }
  gtk_text_buffer_set_text (buffer, copy, -1);
}

static void
apply_paragraph_tags (DossierReaderView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  guint n = dossier_article_get_n_paragraphs (self->article);
  const char *text = dossier_article_get_text (self->article);
  guint text_offset = 0;
  GtkTextIter start, end;
  guint prev_end = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag (buffer, self->body_tag, &start, &end);

  /* The text keeps its blank lines between paragraphs, so that buffer
   * offsets are the article's offsets; the blank lines are made shorter
   * than a line of text to read as paragraph spacing. */
  for (guint i = 0; i < n; i++)
    {
      guint p_start, p_end;

      dossier_article_get_paragraph (self->article, i, &p_start, &p_end);

      if (i > 0 && p_start > prev_end + 1)
        {
          gtk_text_buffer_get_iter_at_offset (buffer, &start, prev_end + 1);
          gtk_text_buffer_get_iter_at_offset (buffer, &end, p_start);
          gtk_text_buffer_apply_tag (buffer, self->gap_tag, &start, &end);
        }

      /* Walk the text forward once: offsets to pointers are linear. */
      text = g_utf8_offset_to_pointer (text, p_start - text_offset);
      text_offset = p_start;

      if (i > 0 && i + 1 < n && _dossier_reader_view_looks_like_subhead (text, p_start, p_end))
        {
          gtk_text_buffer_get_iter_at_offset (buffer, &start, p_start);
          gtk_text_buffer_get_iter_at_offset (buffer, &end, p_end);
          gtk_text_buffer_apply_tag (buffer, self->subhead_tag, &start, &end);
        }

      prev_end = p_end;
    }
}

static void
update_language (DossierReaderView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  const char *language = dossier_article_get_language (self->article);
  GtkTextIter start, end;

  if (language == NULL || *language == '\0')
    return;

  /* The language helps Pango pick fonts and shape the text. */
  g_object_set (self->language_tag, "language", language, NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag (buffer, self->language_tag, &start, &end);
}

static void
update_match_label (DossierReaderView *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *text = NULL;

  if (query == NULL || *query == '\0')
    text = g_strdup ("");
  else if (self->search_source != 0 && self->current_match < 0)
    text = g_strdup (_("Searching…"));
  else if (self->search_source != 0)
    /* Translators: the current match and how many have been found so
     * far, while the rest of a long text is still searched: "3 of 1200…" */
    text = g_strdup_printf (_("%d of %u…"), self->current_match + 1, self->matches->len);
  else if (self->matches->len == 0)
    text = g_strdup (_("No matches"));
  else if (self->current_match < 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches",
                                         self->matches->len),
                            self->matches->len);
  else
    /* Translators: the current match and how many there are, "3 of 12" */
    text = g_strdup_printf (_("%d of %u"), self->current_match + 1, self->matches->len);

  gtk_label_set_text (self->match_label, text);

  if (query != NULL && *query != '\0' && self->matches->len == 0 && self->search_source == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.find-next", self->matches->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.find-previous", self->matches->len > 0);
}

static void
scroll_to_iter (DossierReaderView *self,
                const GtkTextIter *iter)
{
  GdkRectangle rect, visible;

  /* Well inside the page: the reader stays where it is. */
  gtk_text_view_get_iter_location (self->text_view, iter, &rect);
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  if (rect.y >= visible.y + rect.height * 2 &&
      rect.y + rect.height * 3 <= visible.y + visible.height)
    {
      self->pinned = FALSE;
      return;
    }

  /* Else a third down the page. The text view does it once the lines
   * there are laid out; and far into a long text that the view has not
   * laid out yet, the lines before are only guessed at: as they get their
   * heights, on_layout_changed () brings it back. */
  gtk_text_buffer_move_mark (get_buffer (self), self->scroll_mark, iter);
  self->pinned = TRUE;
  gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.0, TRUE, 0.0, 1.0 / 3);
}

static void
on_layout_changed (DossierReaderView *self,
                   GtkAdjustment     *vadj)
{
  if (self->pinned)
    gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.0, TRUE, 0.0, 1.0 / 3);
}

/* The user scrolls, clicks or types: the reader is theirs again. */
static gboolean
on_scroller_event (DossierReaderView        *self,
                   GdkEvent                 *event,
                   GtkEventControllerLegacy *controller)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_SCROLL:
    case GDK_KEY_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCHPAD_SWIPE:
      self->pinned = FALSE;
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
tag_match (DossierReaderView *self,
           const Match       *m)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, m->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, m->end);
  gtk_text_buffer_apply_tag (buffer, self->match_tag, &start, &end);
}

/* The first match that ends after @offset (matches are in text order and
 * do not overlap). */
static guint
find_match (DossierReaderView *self,
            guint              offset)
{
  guint lo = 0, hi = self->matches->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((guint) g_array_index (self->matches, Match, mid).end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Tags the matches around what the reader shows, when there are too many
 * to tag them all, and untags those that were and are no longer. With
 * @around, an offset the reader has just been sent to: where the screen
 * is may not be known yet (the text there not laid out), and the matches
 * around @around are tagged in any case. */
static void
update_match_window (DossierReaderView *self,
                     guint              around)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter a, b;
  guint start, end, span, i;

  g_clear_handle_id (&self->window_source, g_source_remove);

  if (!self->windowed)
    return;

  _dossier_reader_view_get_visible_range (self, &start, &end);
  if (around != G_MAXUINT && (around < start || around >= end))
    {
      /* As scroll_to_iter () places it: a third down the screen. */
      span = MAX (end - start, 4096);
      start = around > span / 3 ? around - span / 3 : 0;
      end = start + span;
    }

  /* Every match on screen carries it already. */
  if (self->tag_start < self->tag_end && self->tag_start <= start && end <= self->tag_end)
    return;

  if (self->tag_start < self->tag_end)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &a, self->tag_start);
      gtk_text_buffer_get_iter_at_offset (buffer, &b, self->tag_end);
      gtk_text_buffer_remove_tag (buffer, self->match_tag, &a, &b);
    }

  /* A screen more on either side: scrolling on does not need to wait. */
  span = end - start + 1;
  self->tag_start = start > span ? start - span : 0;
  self->tag_end = end + span;

  for (i = find_match (self, self->tag_start); i < self->matches->len; i++)
    {
      const Match *m = &g_array_index (self->matches, Match, i);

      if (m->start >= (int) self->tag_end)
        break;
      tag_match (self, m);
    }
}

static gboolean
match_window_cb (gpointer user_data)
{
  DossierReaderView *self = user_data;

  self->window_source = 0;
  update_match_window (self, G_MAXUINT);

  return G_SOURCE_REMOVE;
}

static void
on_scrolled (DossierReaderView *self,
             GtkAdjustment     *vadj)
{
  if (!self->windowed || self->window_source != 0)
    return;

  /* Before the next frame is drawn. */
  self->window_source = g_idle_add_full (GDK_PRIORITY_REDRAW - 10, match_window_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->window_source),
                            "[dossier] find highlights");
}

static void
select_match (DossierReaderView *self,
              int                index)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;
  const Match *m;

  self->pending = PENDING_NONE;

  if (self->current_match >= 0)
    {
      m = &g_array_index (self->matches, Match, self->current_match);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, m->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, m->end);
      gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);
    }

  self->current_match = index;

  if (index >= 0)
    {
      m = &g_array_index (self->matches, Match, index);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, m->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, m->end);
      gtk_text_buffer_apply_tag (buffer, self->current_tag, &start, &end);
      gtk_text_buffer_select_range (buffer, &start, &end);
      scroll_to_iter (self, &start);
      update_match_window (self, m->start);
    }

  update_match_label (self);
}

static void
stop_search (DossierReaderView *self)
{
  g_clear_handle_id (&self->search_source, g_source_remove);
  g_clear_pointer (&self->query, g_free);
  self->pending = PENDING_NONE;
}

static void
clear_matches (DossierReaderView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;

  stop_search (self);
  g_clear_handle_id (&self->window_source, g_source_remove);

  /* Only where the tags are: over a whole long text, removing them takes
   * as long as the text is. */
  if (self->windowed)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &start, self->tag_start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, self->tag_end);
      gtk_text_buffer_remove_tag (buffer, self->match_tag, &start, &end);
    }
  else if (self->matches->len > 0)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                          g_array_index (self->matches, Match, 0).start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                          g_array_index (self->matches, Match,
                                                         self->matches->len - 1).end);
      gtk_text_buffer_remove_tag (buffer, self->match_tag, &start, &end);
    }

  if (self->current_match >= 0)
    {
      const Match *m = &g_array_index (self->matches, Match, self->current_match);

      gtk_text_buffer_get_iter_at_offset (buffer, &start, m->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, m->end);
      gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);
    }

  g_array_set_size (self->matches, 0);
  g_clear_pointer (&self->searched, g_free);
  self->current_match = -1;
  self->windowed = FALSE;
  self->tag_start = self->tag_end = 0;
}

/* Past this many matches only those around the screen are tagged. */
#define MAX_TAGGED_MATCHES 1000
/* How long the search may hold the main loop: when the find bar's text
 * changes (a short text is searched whole at once), then for each batch
 * of the rest, in idle time. */
#define SEARCH_FIRST_USEC 20000
#define SEARCH_BATCH_USEC 8000
/* A search goes on a slice of text at a time (ended at a line break, so
 * no match is cut): a rare word in a long text would keep it for long. */
#define SEARCH_SLICE_CHARS 32768

static void
add_match (DossierReaderView *self,
           const Match       *m)
{
  g_array_append_val (self->matches, *m);

  if (!self->windowed && self->matches->len > MAX_TAGGED_MATCHES)
    {
      GtkTextBuffer *buffer = get_buffer (self);
      GtkTextIter start, end;

      /* Too many to tag: from now on only those around the screen. */
      gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                          g_array_index (self->matches, Match, 0).start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, m->start);
      gtk_text_buffer_remove_tag (buffer, self->match_tag, &start, &end);
      self->windowed = TRUE;
      self->tag_start = self->tag_end = 0;
      update_match_window (self, self->current_match >= 0 ?
                           (guint) g_array_index (self->matches, Match,
                                                  self->current_match).start :
                           G_MAXUINT);
    }
  else if (!self->windowed ||
           (m->end > (int) self->tag_start && m->start < (int) self->tag_end))
    tag_match (self, m);

  /* The first match from where the reader is, or the one asked for while
   * the search had not found it yet. */
  if ((self->current_match < 0 && self->pending == PENDING_NONE && m->start >= self->search_from) ||
      self->pending == PENDING_NEXT)
    select_match (self, self->matches->len - 1);
}

/* Searches on from where the last batch stopped, for @usec at most.
 * Returns whether the end of the text was reached. */
static gboolean
search_batch (DossierReaderView *self,
              gint64             usec)
{
  GtkTextBuffer *buffer = get_buffer (self);
  gint64 deadline = g_get_monotonic_time () + usec;
  gboolean multiline = strchr (self->query, '\n') != NULL;
  GtkTextIter iter, limit, match_start, match_end;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, self->search_offset);

  while (g_get_monotonic_time () < deadline)
    {
      if (gtk_text_iter_is_end (&iter))
        return TRUE;

      limit = iter;
      if (multiline || !gtk_text_iter_forward_chars (&limit, SEARCH_SLICE_CHARS) ||
          !gtk_text_iter_forward_line (&limit))
        gtk_text_buffer_get_end_iter (buffer, &limit);

      while (g_get_monotonic_time () < deadline &&
             gtk_text_iter_forward_search (&iter, self->query,
                                           GTK_TEXT_SEARCH_CASE_INSENSITIVE |
                                           GTK_TEXT_SEARCH_TEXT_ONLY,
                                           &match_start, &match_end, &limit))
        {
          Match m = {
            gtk_text_iter_get_offset (&match_start),
            gtk_text_iter_get_offset (&match_end),
          };

          if (m.end == m.start)
            return TRUE;

          iter = match_end;
          self->search_offset = m.end;
          add_match (self, &m);
          /* Selecting the match may have ended the search. */
          if (self->query == NULL)
            return TRUE;
        }

      if (g_get_monotonic_time () >= deadline)
        break;

      /* Nothing more in this slice. */
      iter = limit;
      self->search_offset = gtk_text_iter_get_offset (&limit);
    }

  return FALSE;
}

static void
finish_search (DossierReaderView *self)
{
  Pending pending = self->pending;

  stop_search (self);

  if (pending == PENDING_LAST && self->matches->len > 0)
    select_match (self, self->matches->len - 1);
  else if (self->current_match < 0 && self->matches->len > 0)
    select_match (self, 0);
  else
    update_match_label (self);
}

static gboolean
search_cb (gpointer user_data)
{
  DossierReaderView *self = user_data;

  if (!search_batch (self, SEARCH_BATCH_USEC))
    {
      update_match_label (self);
      return G_SOURCE_CONTINUE;
    }

  self->search_source = 0;
  finish_search (self);

  return G_SOURCE_REMOVE;
}

static void
update_matches (DossierReaderView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextIter cursor;

  clear_matches (self);

  if (query == NULL || *query == '\0' || !gtk_search_bar_get_search_mode (self->search_bar))
    {
      update_match_label (self);
      return;
    }

  /* Start from where the reader is: the selection or the cursor. */
  gtk_text_buffer_get_selection_bounds (buffer, &cursor, NULL);
  self->search_from = gtk_text_iter_get_offset (&cursor);
  self->search_offset = 0;
  self->query = g_strdup (query);
  self->searched = g_strdup (query);

  /* A short text at once; a long one in the background, the matches
   * shown as they are found. */
  if (search_batch (self, SEARCH_FIRST_USEC))
    {
      finish_search (self);
      return;
    }

  self->search_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, search_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->search_source),
                            "[dossier] find");
  /* "1 of 3…": the count goes on */
  update_match_label (self);
}

static void
on_search_changed (DossierReaderView *self,
                   GtkSearchEntry    *entry)
{
  /* Reported twice, by the entry after its delay and by Enter before it
   * is over: a long text is not searched again, nor the step lost. */
  if (self->searched != NULL &&
      g_str_equal (self->searched, gtk_editable_get_text (GTK_EDITABLE (entry))))
    return;

  update_matches (self);
}

static void
on_search_activate (DossierReaderView *self,
                    GtkSearchEntry    *entry)
{
  dossier_reader_view_find_next (self);
}

static void
on_search_next_match (DossierReaderView *self,
                      GtkSearchEntry    *entry)
{
  dossier_reader_view_find_next (self);
}

static void
on_search_previous_match (DossierReaderView *self,
                          GtkSearchEntry    *entry)
{
  dossier_reader_view_find_previous (self);
}

static void
on_search_stop (DossierReaderView *self,
                GtkSearchEntry    *entry)
{
  dossier_reader_view_end_find (self);
}

static gboolean
on_entry_key_pressed (DossierReaderView     *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_SHIFT_MASK) != 0)
    {
      dossier_reader_view_find_previous (self);
      return TRUE;
    }

  return FALSE;
}

static void
on_search_mode_changed (DossierReaderView *self,
                        GParamSpec        *pspec,
                        GtkSearchBar      *search_bar)
{
  update_matches (self);

  if (!gtk_search_bar_get_search_mode (search_bar))
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* The text view sits in a viewport (so the header scrolls with it) and
 * cannot scroll itself: the keys that would scroll it scroll the viewport. */
static gboolean
on_scroller_key_pressed (DossierReaderView     *self,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         GtkEventControllerKey *controller)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  double value = gtk_adjustment_get_value (vadj);
  double page = gtk_adjustment_get_page_size (vadj);
  double step = 48 * self->zoom;

  if ((mods & ~(GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (mods != 0)
        return FALSE;
      value -= step;
      break;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (mods != 0)
        return FALSE;
      value += step;
      break;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      value -= page * 0.9;
      break;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      value += page * 0.9;
      break;

    case GDK_KEY_space:
      if (mods & GDK_CONTROL_MASK)
        return FALSE;
      value += (mods & GDK_SHIFT_MASK) ? -page * 0.9 : page * 0.9;
      break;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      value = 0;
      break;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      value = gtk_adjustment_get_upper (vadj);
      break;

    default:
      return FALSE;
    }

  gtk_adjustment_set_value (vadj, value);

  return TRUE;
}

/* Ctrl+scroll zooms, as in every GNOME document viewer. */
static gboolean
on_scroll (DossierReaderView        *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), dy < 0 ? "win.zoom-in" : "win.zoom-out", NULL);

  return TRUE;
}

static void
update_line_length (DossierReaderView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->text_view));
  g_autoptr(PangoFontDescription) desc = NULL;
  PangoFontMetrics *metrics;
  int char_width;

  desc = pango_font_description_copy (pango_context_get_font_description (context));
  pango_font_description_set_size (desc, BASE_FONT_SIZE * self->zoom * PANGO_SCALE);
  metrics = pango_context_get_metrics (context, desc, NULL);
  char_width = pango_font_metrics_get_approximate_char_width (metrics);
  pango_font_metrics_unref (metrics);

  adw_clamp_scrollable_set_maximum_size (self->clamp,
                                         LINE_LENGTH * char_width / PANGO_SCALE + ARTICLE_PADDING);
  adw_clamp_scrollable_set_tightening_threshold (self->clamp,
                                                 (LINE_LENGTH - 12) * char_width / PANGO_SCALE +
                                                 ARTICLE_PADDING);
}

static void
update_zoom_css (DossierReaderView *self)
{
  char size[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *css = NULL;

  /* Decimal point whatever the locale: this is CSS, not a user string. */
  g_ascii_formatd (size, sizeof size, "%.2f", BASE_FONT_SIZE * self->zoom);
  css = g_strdup_printf ("* { font-size: %spt; }", size);
  gtk_css_provider_load_from_data (self->zoom_css, css, -1);
}

/* The text takes the focus, so that the keys scroll it right away. */
static gboolean
dossier_reader_view_grab_focus (GtkWidget *widget)
{
  DossierReaderView *self = DOSSIER_READER_VIEW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
dossier_reader_view_map (GtkWidget *widget)
{
  DossierReaderView *self = DOSSIER_READER_VIEW (widget);

  GTK_WIDGET_CLASS (dossier_reader_view_parent_class)->map (widget);

  /* Now the text view's font is the one from the style sheet. */
  update_line_length (self);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  dossier_reader_view_find_next (DOSSIER_READER_VIEW (widget));
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  dossier_reader_view_find_previous (DOSSIER_READER_VIEW (widget));
}

static void
dossier_reader_view_dispose (GObject *object)
{
  DossierReaderView *self = DOSSIER_READER_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_READER_VIEW);

  stop_search (self);
  g_clear_handle_id (&self->window_source, g_source_remove);
  g_clear_object (&self->article);
  g_clear_object (&self->zoom_css);

  G_OBJECT_CLASS (dossier_reader_view_parent_class)->dispose (object);
}

static void
dossier_reader_view_finalize (GObject *object)
{
  DossierReaderView *self = DOSSIER_READER_VIEW (object);

  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->searched, g_free);

  G_OBJECT_CLASS (dossier_reader_view_parent_class)->finalize (object);
}

static void
dossier_reader_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierReaderView *self = DOSSIER_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, dossier_reader_view_get_article (self));
      break;

    case PROP_ZOOM:
      g_value_set_double (value, dossier_reader_view_get_zoom (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_reader_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DossierReaderView *self = DOSSIER_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      dossier_reader_view_set_article (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      dossier_reader_view_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_reader_view_class_init (DossierReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_reader_view_dispose;
  object_class->finalize = dossier_reader_view_finalize;
  object_class->get_property = dossier_reader_view_get_property;
  object_class->set_property = dossier_reader_view_set_property;

  widget_class->grab_focus = dossier_reader_view_grab_focus;
  widget_class->map = dossier_reader_view_map;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         DOSSIER_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         DOSSIER_ZOOM_MIN, DOSSIER_ZOOM_MAX, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dossier-reader-view.ui");
  gtk_widget_class_set_css_name (widget_class, "readerview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, article_box);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, byline_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, clamp);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, dek_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, header_rule);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, kicker_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, match_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, text_view);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderView, title_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next_match);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous_match);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);

  gtk_widget_class_install_action (widget_class, "reader.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "reader.find-previous", NULL, find_previous_action);

  g_type_ensure (ADW_TYPE_CLAMP_SCROLLABLE);
  g_type_ensure (DOSSIER_TYPE_READER_TEXT);
}

static void
dossier_reader_view_init (DossierReaderView *self)
{
  GtkTextBuffer *buffer;
  GtkEventController *controller;
  GtkTextIter start;

  self->zoom = 1.0;
  self->current_match = -1;
  self->matches = g_array_new (FALSE, FALSE, sizeof (Match));

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = get_buffer (self);
  self->body_tag = gtk_text_buffer_create_tag (buffer, "body",
                                               "line-height", 1.5f,
                                               NULL);
  self->gap_tag = gtk_text_buffer_create_tag (buffer, "paragraph-gap",
                                              "scale", 0.55,
                                              NULL);
  self->subhead_tag = gtk_text_buffer_create_tag (buffer, "subhead",
                                                  "weight", PANGO_WEIGHT_BOLD,
                                                  "scale", 1.08,
                                                  "pixels-above-lines", 10,
                                                  NULL);
  self->language_tag = gtk_text_buffer_create_tag (buffer, "language", NULL);
  self->match_tag = gtk_text_buffer_create_tag (buffer, "find-match",
                                                "background-rgba",
                                                &(GdkRGBA) { 0.96, 0.83, 0.18, 0.45 },
                                                NULL);
  self->current_tag = gtk_text_buffer_create_tag (buffer, "find-current",
                                                  "background-rgba",
                                                  &(GdkRGBA) { 1.0, 0.47, 0.0, 0.7 },
                                                  NULL);

  self->zoom_css = gtk_css_provider_new ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->clamp)),
                                  GTK_STYLE_PROVIDER (self->zoom_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  G_GNUC_END_IGNORE_DEPRECATIONS
  update_zoom_css (self);

  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  /* Capture: the entry's text field would take Shift+Enter as Enter. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (on_entry_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (on_scroller_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), controller);

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event",
                           G_CALLBACK (on_scroller_event), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), controller);

  gtk_text_buffer_get_start_iter (buffer, &start);
  self->scroll_mark = gtk_text_buffer_create_mark (buffer, "dossier-scroll-target", &start, TRUE);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (on_layout_changed), self,
                           G_CONNECT_SWAPPED);
  /* After on_layout_changed (): where the screen is going to be. */
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (on_scrolled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_scrolled), self,
                           G_CONNECT_SWAPPED);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                                GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "scroll",
                           G_CALLBACK (on_scroll), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), controller);

  update_match_label (self);
}

GtkWidget *
dossier_reader_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_READER_VIEW, NULL);
}

/**
 * dossier_reader_view_get_article:
 * @self: a #DossierReaderView
 *
 * Returns: (transfer none) (nullable): the article shown
 */
DossierArticle *
dossier_reader_view_get_article (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), NULL);

  return self->article;
}

/**
 * dossier_reader_view_set_article:
 * @self: a #DossierReaderView
 * @article: (nullable): the article to show
 *
 * Shows @article: its header and its text, scrolled to the top.
 */
void
dossier_reader_view_set_article (DossierReaderView *self,
                                 DossierArticle    *article)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));
  g_return_if_fail (!article || DOSSIER_IS_ARTICLE (article));

  if (!g_set_object (&self->article, article))
    return;

  buffer = get_buffer (self);
  clear_matches (self);

  if (article != NULL)
    {
      g_autofree char *kicker = format_kicker (article);
      g_autofree char *byline = dossier_article_dup_byline (article);
      g_autofree char *byline_str = NULL;
      g_autofree char *meta = format_meta (article);

      if (byline != NULL)
        /* Translators: the authors of an article, "By Jane Doe & John Roe" */
        byline_str = g_strdup_printf (_("By %s"), byline);

      set_label (self->kicker_label, kicker);
      set_label (self->title_label, dossier_article_get_title (article));
      set_label (self->dek_label, dossier_article_get_subtitle (article));
      set_label (self->byline_label, byline_str);
      set_label (self->meta_label, meta);

      set_buffer_text (buffer, dossier_article_get_text (article));
      apply_paragraph_tags (self);
      update_language (self);
    }
  else
    {
      set_label (self->kicker_label, NULL);
      set_label (self->title_label, NULL);
      set_label (self->dek_label, NULL);
      set_label (self->byline_label, NULL);
      set_label (self->meta_label, NULL);
      gtk_text_buffer_set_text (buffer, "", 0);
    }

  gtk_widget_set_visible (self->header_rule,
                          gtk_widget_get_visible (GTK_WIDGET (self->title_label)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->meta_label)));

  /* The header is drawn inside the text view: a screen reader names the
   * text by the article's title, and describes it by its subtitle */
  {
    GtkAccessible *text = GTK_ACCESSIBLE (self->text_view);
    const char *title = article ? dossier_article_get_title (article) : NULL;
    const char *dek = article ? dossier_article_get_subtitle (article) : NULL;

    if (title != NULL && *title != '\0')
      gtk_accessible_update_property (text, GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    else
      gtk_accessible_update_property (text, GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article"), -1);
    if (dek != NULL && *dek != '\0')
      gtk_accessible_update_property (text, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, dek, -1);
    else
      gtk_accessible_reset_property (text, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  }

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  self->pinned = FALSE;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  update_matches (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

double
dossier_reader_view_get_zoom (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), 1.0);

  return self->zoom;
}

/**
 * dossier_reader_view_set_zoom:
 * @self: a #DossierReaderView
 * @zoom: the scale of the article, 1.0 for the normal size
 *
 * Scales the article's text and its line length with it.
 */
void
dossier_reader_view_set_zoom (DossierReaderView *self,
                              double             zoom)
{
  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  zoom = CLAMP (zoom, DOSSIER_ZOOM_MIN, DOSSIER_ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 0.001))
    return;

  self->zoom = zoom;
  update_zoom_css (self);
  update_line_length (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/**
 * dossier_reader_view_begin_find:
 * @self: a #DossierReaderView
 *
 * Shows the find bar and focuses its entry, filled with the selected text
 * when there is a short selection.
 */
void
dossier_reader_view_begin_find (DossierReaderView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  buffer = get_buffer (self);

  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end) &&
      gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) < 100)
    {
      g_autofree char *selected = gtk_text_iter_get_visible_text (&start, &end);

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
dossier_reader_view_end_find (DossierReaderView *self)
{
  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

void
dossier_reader_view_find_next (DossierReaderView *self)
{
  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      dossier_reader_view_begin_find (self);
      return;
    }

  if (self->current_match >= 0 && self->current_match + 1 < (int) self->matches->len)
    select_match (self, self->current_match + 1);
  else if (self->search_source != 0)
    {
      /* The next one is not found yet: once it is. */
      if (self->current_match >= 0)
        self->pending = PENDING_NEXT;
    }
  else if (self->matches->len > 0)
    select_match (self, (self->current_match + 1) % self->matches->len);
}

void
dossier_reader_view_find_previous (DossierReaderView *self)
{
  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      dossier_reader_view_begin_find (self);
      return;
    }

  if (self->current_match > 0)
    select_match (self, self->current_match - 1);
  else if (self->search_source != 0)
    /* Around to the last one: once the search has reached it. */
    self->pending = PENDING_LAST;
  else if (self->matches->len > 0)
    select_match (self, self->matches->len - 1);
}

const char *
_dossier_reader_view_get_header_text (DossierReaderView *self,
                                      const char        *part)
{
  GtkLabel *label = NULL;

  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), NULL);

  if (g_str_equal (part, "kicker"))
    label = self->kicker_label;
  else if (g_str_equal (part, "title"))
    label = self->title_label;
  else if (g_str_equal (part, "dek"))
    label = self->dek_label;
  else if (g_str_equal (part, "byline"))
    label = self->byline_label;
  else if (g_str_equal (part, "meta"))
    label = self->meta_label;

  g_return_val_if_fail (label != NULL, NULL);

  return gtk_label_get_text (label);
}

const char *
_dossier_reader_view_get_match_text (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), NULL);

  return gtk_label_get_text (self->match_label);
}

GtkEditable *
_dossier_reader_view_get_find_entry (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

GtkTextBuffer *
_dossier_reader_view_get_buffer (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), NULL);

  return get_buffer (self);
}

GtkTextView *
_dossier_reader_view_get_text_view (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), NULL);

  return self->text_view;
}

/* Brings the character at @offset into view, as find does. */
void
_dossier_reader_view_scroll_to_offset (DossierReaderView *self,
                                       guint              offset)
{
  GtkTextIter iter;

  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));

  gtk_text_buffer_get_iter_at_offset (get_buffer (self), &iter, offset);
  scroll_to_iter (self, &iter);
}

/* The offsets of the text on screen: from the first character of its top
 * line to the end of its bottom line. */
void
_dossier_reader_view_get_visible_range (DossierReaderView *self,
                                        guint             *start,
                                        guint             *end)
{
  GdkRectangle rect;
  GtkTextIter iter;

  g_return_if_fail (DOSSIER_IS_READER_VIEW (self));
  g_return_if_fail (start != NULL && end != NULL);

  gtk_text_view_get_visible_rect (self->text_view, &rect);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, 0, rect.y);
  gtk_text_iter_set_line_offset (&iter, 0);
  *start = gtk_text_iter_get_offset (&iter);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, G_MAXINT / 2, rect.y + rect.height);
  if (!gtk_text_iter_ends_line (&iter))
    gtk_text_iter_forward_to_line_end (&iter);
  *end = gtk_text_iter_get_offset (&iter);
}

GtkAdjustment *
_dossier_reader_view_get_vadjustment (DossierReaderView *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_VIEW (self), NULL);

  return gtk_scrolled_window_get_vadjustment (self->scroller);
}
