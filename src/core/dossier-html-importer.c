/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-html-importer"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <uchardet.h>

#include "dossier-article.h"
#include "dossier-error.h"
#include "dossier-html-importer.h"

/*
 * Saved web pages. The main content is found the way Mozilla's Readability
 * finds it (score paragraphs, propagate the score to their ancestors, pick
 * the best ancestor and the siblings that belong with it, then clean the
 * result conditionally), on a libxml2 HTML tree.
 *
 * Safety: the parser never touches the network (HTML_PARSE_NONET), never
 * loads a DTD and never substitutes entities; scripts are text we drop.
 * libxml2 caps the tree depth (256 in 2.9), but every walk here is iterative
 * anyway. libxml2 checks attributes for duplicates with a linear scan per
 * attribute, so a tag with a million attributes would take minutes: tags are
 * cut down to MAX_ATTRIBUTES before parsing.
 */

#define MAX_ATTRIBUTES      64
#define MAX_JSON_DEPTH      64
#define MAX_JSON_LENGTH     (1024 * 1024)
#define CHAR_THRESHOLD      500
#define N_TOP_CANDIDATES    5

enum {
  FLAG_STRIP_UNLIKELYS     = 1 << 0,
  FLAG_WEIGHT_CLASSES      = 1 << 1,
  FLAG_CLEAN_CONDITIONALLY = 1 << 2,
};

typedef struct
{
  double  score;
  double  link_density;  /* of candidates, set by measure_candidates() */
  guint   scored : 1;
  guint   data_table : 1;
} NodeData;

/* The lists the walks over a whole page gather: for the metadata (when
 * metas is set) and for prep_document () (when removed is set). */
typedef struct
{
  GPtrArray *metas;
  GPtrArray *scripts;
  GPtrArray *times;
  GPtrArray *removed;   /* scripts, styles, templates, <noscript>: outermost */
  GPtrArray *brs;
  GPtrArray *fonts;
} Survey;

typedef struct
{
  xmlDoc     *doc;
  Survey     *prep;        /* prep_document ()'s lists, when already made */
  GPtrArray  *graveyard;   /* unlinked nodes, freed with the pass */
  GPtrArray  *data;        /* NodeData, pointed to by node->_private */
  guint       flags;
  const char *title;
  char       *byline;
  char       *lang;
  char       *dir;
} Grabber;

typedef struct
{
  GRegex *unlikely;
  GRegex *maybe;
  GRegex *positive;
  GRegex *negative;
  GRegex *byline;
  GRegex *share;
  GRegex *separators;
  GRegex *hierarchical;
  GRegex *title_last;
  GRegex *title_first;
  GRegex *property;
  GRegex *name;
  GRegex *article_types;
  GRegex *schema_org;
  GRegex *author_split;
  GRegex *author_and;
  GRegex *author_prefix;
  GRegex *ad_words;
} Patterns;

static const char * const phrasing_tags[] = {
  "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data",
  "datalist", "dfn", "em", "embed", "i", "img", "input", "kbd", "label",
  "mark", "math", "meter", "noscript", "object", "output", "progress", "q",
  "ruby", "samp", "script", "select", "small", "span", "strong", "sub",
  "sup", "textarea", "time", "var", "wbr", NULL
};

static const char * const div_to_p_tags[] = {
  "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", NULL
};

static const char * const tags_to_score[] = {
  "section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre", NULL
};

static const char * const alter_to_div_exceptions[] = {
  "div", "article", "section", "p", "ol", "ul", NULL
};

static const char * const unlikely_roles[] = {
  "menu", "menubar", "complementary", "navigation", "alert", "alertdialog",
  "dialog", NULL
};

static const char * const heading_tags[] = {
  "h1", "h2", "h3", "h4", "h5", "h6", NULL
};

static const char * const block_tags[] = {
  "address", "article", "aside", "blockquote", "caption", "center", "dd",
  "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
  "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
  "tbody", "tfoot", "thead", "tr", "ul", NULL
};

static const char * const skipped_tags[] = {
  "script", "style", "template", "noscript", "head", "title", "select",
  "option", "button", "textarea", "input", "iframe", "object", "embed",
  NULL
};

static const Patterns *
patterns (void)
{
  static gsize once = 0;
  static Patterns p;

  if (g_once_init_enter (&once))
    {
      GRegexCompileFlags f = G_REGEX_CASELESS | G_REGEX_OPTIMIZE;

#define RX(field, pattern, flags) \
      p.field = g_regex_new (pattern, flags, 0, NULL); \
      g_assert (p.field != NULL)

      RX (unlikely, "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|"
                    "disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|"
                    "shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|"
                    "pagination|pager|popup|yom-remote", f);
      RX (maybe, "and|article|body|column|content|main|mathjax|shadow", f);
      RX (positive, "article|body|content|entry|hentry|h-entry|main|page|pagination|post|"
                    "text|blog|story", f);
      RX (negative, "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|"
                    "footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|"
                    "shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget", f);
      RX (byline, "byline|author|dateline|writtenby|p-author", f);
      RX (share, "(\\b|_)(share|sharedaddy)(\\b|_)", f);
      RX (separators, " [|\\-\\\\/>»–—] ", f);
      RX (hierarchical, " [\\\\/>»] ", f);
      RX (title_last, "^(.*)[|\\-\\\\/>»–—] .*$", f);
      RX (title_first, "^[^|\\-\\\\/>»–—]*[|\\-\\\\/>»–—](.*)$", f);
      RX (property, "\\s*(article|dc|dcterm|og|twitter)\\s*:\\s*"
                    "(author|creator|description|published_time|title|site_name)\\s*", f);
      RX (name, "^\\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\\s*[-\\.:]\\s*)?"
                "(author|creator|pub-date|description|title|site_name)\\s*$", f);
      RX (article_types, "^Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|"
                         "AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|"
                         "ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|"
                         "ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|"
                         "LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference$", 0);
      RX (schema_org, "^https?://schema\\.org/?$", 0);
      RX (author_split, "\\s*(?:[,;|\\n()\\[\\]/·•]|"
                        "\\s(?:edited|photos?|illustrations?|additional reporting)\\s+by\\s)\\s*", f);
      RX (author_and, "\\s+(?:and|und|et|y|ir|och|og|en|&)\\s+", f);
      RX (author_prefix, "^(?:(?:(?:written|posted|edited|reported|text|words|story|photos?|"
                         "von)\\s+)?"
                         "(?:by|von|par|por|door)\\b[:\\s]*|(?:with|avec|mit|con)\\s+)", f);
      RX (ad_words, "^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|"
                    "Anuncio)$", f);
#undef RX

      g_once_init_leave (&once, 1);
    }

  return &p;
}

/* ------------------------------------------------------------------ nodes */

static inline gboolean
is_element (xmlNode *n)
{
  return n != NULL && n->type == XML_ELEMENT_NODE;
}

static inline gboolean
is_text (xmlNode *n)
{
  return n != NULL && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE);
}

static inline gboolean
tag_is (xmlNode    *n,
        const char *tag)
{
  return is_element (n) && strcmp ((const char *)n->name, tag) == 0;
}

static gboolean
tag_in (xmlNode           *n,
        const char * const *tags)
{
  if (!is_element (n))
    return FALSE;
  for (guint i = 0; tags[i]; i++)
    if (n->name[0] == (xmlChar)tags[i][0] && strcmp ((const char *)n->name, tags[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char *
get_attr (xmlNode    *n,
          const char *name)
{
  if (!is_element (n))
    return NULL;

  /* The HTML parser lowercases attribute names. */
  for (xmlAttr *a = n->properties; a != NULL; a = a->next)
    if (a->name && a->name[0] == (xmlChar)name[0] && strcmp ((const char *)a->name, name) == 0)
      {
        if (a->children && a->children->content)
          return (const char *)a->children->content;
        return "";
      }

  return NULL;
}

static xmlNode *
first_element_child (xmlNode *n)
{
  for (xmlNode *c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

static xmlNode *
next_element_sibling (xmlNode *n)
{
  for (xmlNode *c = n->next; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

static guint
n_element_children (xmlNode *n)
{
  guint count = 0;

  for (xmlNode *c = n->children; c; c = c->next)
    count += c->type == XML_ELEMENT_NODE;
  return count;
}

/* Pre-order successor of @node inside @root (all node types). */
static xmlNode *
next_in (xmlNode  *node,
         xmlNode  *root,
         gboolean  skip_children)
{
  if (!skip_children && (node->type == XML_ELEMENT_NODE || node == root) && node->children)
    return node->children;

  while (node != NULL && node != root)
    {
      if (node->next)
        return node->next;
      node = node->parent;
    }

  return NULL;
}

/* Readability's getNextNode: depth-first over elements only. */
static xmlNode *
get_next_node (xmlNode  *node,
               gboolean  ignore_self_and_kids)
{
  xmlNode *next;

  if (!ignore_self_and_kids && (next = first_element_child (node)))
    return next;
  if ((next = next_element_sibling (node)))
    return next;

  do
    node = node->parent;
  while (is_element (node) && !next_element_sibling (node));

  return is_element (node) ? next_element_sibling (node) : NULL;
}

static xmlNode *
find_tag (xmlNode    *root,
          const char *tag)
{
  for (xmlNode *n = root; n; n = next_in (n, root, FALSE))
    if (tag_is (n, tag))
      return n;
  return NULL;
}

/* Descendants of @root (not @root) with one of @tags, in document order. */
static GPtrArray *
collect (xmlNode           *root,
         const char * const *tags)
{
  GPtrArray *found = g_ptr_array_new ();

  for (xmlNode *n = next_in (root, root, FALSE); n; n = next_in (n, root, FALSE))
    if (tag_in (n, tags))
      g_ptr_array_add (found, n);

  return found;
}

static guint
count_tag (xmlNode    *root,
           const char *tag)
{
  guint count = 0;

  for (xmlNode *n = next_in (root, root, FALSE); n; n = next_in (n, root, FALSE))
    count += tag_is (n, tag);

  return count;
}

static gboolean
has_descendant (xmlNode           *root,
                const char * const *tags)
{
  for (xmlNode *n = next_in (root, root, FALSE); n; n = next_in (n, root, FALSE))
    if (tag_in (n, tags))
      return TRUE;
  return FALSE;
}

static void
append_text_content (GString *out,
                     xmlNode *root)
{
  if (is_text (root))
    {
      g_string_append (out, (const char *)root->content);
      return;
    }

  for (xmlNode *n = next_in (root, root, FALSE); n; n = next_in (n, root, FALSE))
    if (is_text (n) && n->content)
      g_string_append (out, (const char *)n->content);
}

static char *
text_content (xmlNode *root)
{
  GString *out = g_string_new (NULL);

  append_text_content (out, root);
  return g_string_free (out, FALSE);
}

static inline gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  return g_unichar_isspace (c) || c == 0xFEFF || c == 0x200B;
}

/* Trims and turns runs of two or more spaces into one, like Readability's
 * getInnerText (normalizeSpaces). */
static char *
normalize_space (const char *s)
{
  GString *out = g_string_sized_new (strlen (s));
  const char *p = s;
  gunichar pending = 0;
  guint run = 0;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c))
        {
          if (run++ == 0)
            pending = c;
        }
      else
        {
          if (run > 0 && out->len > 0)
            {
              if (run == 1)
                g_string_append_unichar (out, pending);
              else
                g_string_append_c (out, ' ');
            }
          run = 0;
          g_string_append_unichar (out, c);
        }
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

static char *
inner_text (xmlNode *n)
{
  g_autofree char *raw = text_content (n);

  return normalize_space (raw);
}

/* The length of inner_text (n), without building it: the non-space
 * characters plus one for each run of spaces between them. */
static glong
inner_text_stats (xmlNode *n,
                  guint   *commas,
                  glong    enough)
{
  glong length = 0;
  gboolean started = FALSE;
  gboolean pending = FALSE;

  for (xmlNode *t = n; t && length < enough; t = next_in (t, n, FALSE))
    {
      if (!is_text (t) || t->content == NULL)
        continue;

      for (const char *p = (const char *)t->content; *p; )
        {
          guchar b = (guchar)*p;
          gboolean space;

          if (b < 0x80)
            {
              space = b == ' ' || (b >= '\t' && b <= '\r');
              p++;
            }
          else
            {
              gunichar c = g_utf8_get_char (p);

              space = is_space (c);
              p = g_utf8_next_char (p);
              if (commas && (c == 0x060C || c == 0xFE50 || c == 0xFE10 || c == 0xFE11 ||
                             c == 0x2E41 || c == 0x2E34 || c == 0x2E32 || c == 0xFF0C))
                (*commas)++;
            }
          if (commas && b == ',')
            (*commas)++;

          if (space)
            pending = started;
          else
            {
              length += 1 + (pending ? 1 : 0);
              pending = FALSE;
              started = TRUE;
            }
        }
    }

  return length;
}

static inline glong
inner_text_length (xmlNode *n)
{
  return inner_text_stats (n, NULL, G_MAXLONG);
}

/* inner_text_length () of a run of text, in a form that adds up: the
 * length of two runs together depends on whether spaces meet between them. */
typedef struct
{
  glong length;
  guint empty : 1;       /* no visible character */
  guint has_space : 1;   /* of an empty span */
  guint lead : 1;        /* spaces before the first visible character */
  guint trail : 1;       /* spaces after the last one */
} TextSpan;

#define TEXT_SPAN_INIT { 0, TRUE, FALSE, FALSE, FALSE }

static void
text_span_append (TextSpan       *span,
                  const TextSpan *next)
{
  if (next->empty)
    {
      if (span->empty)
        span->has_space |= next->has_space;
      else
        span->trail |= next->has_space;
    }
  else if (span->empty)
    {
      gboolean lead = span->has_space || next->lead;

      *span = *next;
      span->lead = lead;
    }
  else
    {
      span->length += next->length + ((span->trail || next->lead) ? 1 : 0);
      span->trail = next->trail;
    }
}

static void
text_span_append_string (TextSpan   *span,
                         const char *s)
{
  TextSpan next = TEXT_SPAN_INIT;
  gboolean pending = FALSE;

  for (const char *p = s; *p; )
    {
      guchar b = (guchar)*p;
      gboolean space;

      if (b < 0x80)
        {
          space = b == ' ' || (b >= '\t' && b <= '\r');
          p++;
        }
      else
        {
          space = is_space (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }

      if (space)
        {
          if (next.empty)
            next.has_space = next.lead = TRUE;
          else
            pending = TRUE;
        }
      else
        {
          next.length += 1 + (pending ? 1 : 0);
          next.empty = FALSE;
          pending = FALSE;
        }
    }
  next.trail = !next.empty && pending;

  text_span_append (span, &next);
}

static gboolean
is_blank (const char *s)
{
  for (const char *p = s; p && *p; p = g_utf8_next_char (p))
    if (!is_space (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
is_whitespace_node (xmlNode *n)
{
  if (is_text (n))
    return is_blank ((const char *)n->content);
  return tag_is (n, "br");
}

static gboolean
is_phrasing (xmlNode *n,
             guint    depth)
{
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
    return TRUE;
  if (!is_element (n))
    return FALSE;
  if (tag_in (n, phrasing_tags))
    return TRUE;
  if ((tag_is (n, "a") || tag_is (n, "del") || tag_is (n, "ins")) && depth < 32)
    {
      for (xmlNode *c = n->children; c; c = c->next)
        if (!is_phrasing (c, depth + 1))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------- the pass */

static NodeData *
node_data (Grabber *g,
           xmlNode *n)
{
  if (n->_private == NULL)
    {
      NodeData *d = g_new0 (NodeData, 1);

      g_ptr_array_add (g->data, d);
      n->_private = d;
    }
  return n->_private;
}

static gboolean
has_score (xmlNode *n)
{
  return n->_private != NULL && ((NodeData *)n->_private)->scored;
}

static void
remove_node (Grabber *g,
             xmlNode *n)
{
  if (n->parent == NULL)
    return;
  xmlUnlinkNode (n);
  g_ptr_array_add (g->graveyard, n);
}

static xmlNode *
remove_and_get_next (Grabber *g,
                     xmlNode *n)
{
  xmlNode *next = get_next_node (n, TRUE);

  remove_node (g, n);
  return next;
}

static void
set_tag (xmlNode    *n,
         const char *tag)
{
  xmlNodeSetName (n, (const xmlChar *)tag);
}

static gboolean
regex_match (GRegex     *regex,
             const char *s)
{
  return s != NULL && *s && g_regex_match (regex, s, 0, NULL);
}

static int
class_weight (Grabber *g,
              xmlNode *n)
{
  const Patterns *p = patterns ();
  const char *klass, *id;
  int weight = 0;

  if (!(g->flags & FLAG_WEIGHT_CLASSES))
    return 0;

  if ((klass = get_attr (n, "class")) && *klass)
    {
      if (regex_match (p->negative, klass))
        weight -= 25;
      if (regex_match (p->positive, klass))
        weight += 25;
    }
  if ((id = get_attr (n, "id")) && *id)
    {
      if (regex_match (p->negative, id))
        weight -= 25;
      if (regex_match (p->positive, id))
        weight += 25;
    }

  return weight;
}

static void
initialize_node (Grabber *g,
                 xmlNode *n)
{
  NodeData *d = node_data (g, n);
  const char *tag = (const char *)n->name;

  d->scored = TRUE;
  d->score = 0;

  if (strcmp (tag, "div") == 0)
    d->score += 5;
  else if (strcmp (tag, "pre") == 0 || strcmp (tag, "td") == 0 || strcmp (tag, "blockquote") == 0)
    d->score += 3;
  else if (strcmp (tag, "address") == 0 || strcmp (tag, "ol") == 0 || strcmp (tag, "ul") == 0 ||
           strcmp (tag, "dl") == 0 || strcmp (tag, "dd") == 0 || strcmp (tag, "dt") == 0 ||
           strcmp (tag, "li") == 0 || strcmp (tag, "form") == 0)
    d->score -= 3;
  else if (tag_in (n, heading_tags) || strcmp (tag, "th") == 0)
    d->score -= 5;

  d->score += class_weight (g, n);
}

static double
link_density (xmlNode *n)
{
  g_autoptr(GPtrArray) links = NULL;
  static const char * const a[] = { "a", NULL };
  glong length = inner_text_length (n);
  double link_length = 0;

  if (length == 0)
    return 0;

  links = collect (n, a);
  for (guint i = 0; i < links->len; i++)
    {
      xmlNode *link = g_ptr_array_index (links, i);
      const char *href = get_attr (link, "href");
      double coefficient = (href && href[0] == '#' && href[1]) ? 0.3 : 1;

      link_length += inner_text_length (link) * coefficient;
    }

  return link_length / length;
}

static gboolean
has_ancestor_tag (xmlNode    *n,
                  const char *tag,
                  int         max_depth,
                  gboolean    data_table_only)
{
  int depth = 0;

  while (is_element (n->parent))
    {
      if (max_depth > 0 && depth > max_depth)
        return FALSE;
      if (tag_is (n->parent, tag) &&
          (!data_table_only ||
           (n->parent->_private && ((NodeData *)n->parent->_private)->data_table)))
        return TRUE;
      n = n->parent;
      depth++;
    }

  return FALSE;
}

static gboolean
is_probably_visible (xmlNode *n)
{
  const char *style = get_attr (n, "style");
  const char *aria_hidden;

  if (style != NULL)
    {
      g_autofree char *compact = g_ascii_strdown (style, -1);
      char *w = compact;

      for (const char *r = compact; *r; r++)
        if (!g_ascii_isspace (*r))
          *w++ = *r;
      *w = '\0';

      if (strstr (compact, "display:none") || strstr (compact, "visibility:hidden"))
        return FALSE;
    }

  if (get_attr (n, "hidden") != NULL)
    return FALSE;

  aria_hidden = get_attr (n, "aria-hidden");
  if (aria_hidden && strcmp (aria_hidden, "true") == 0)
    {
      const char *klass = get_attr (n, "class");

      return klass != NULL && strstr (klass, "fallback-image") != NULL;
    }

  return TRUE;
}

/* Whether some text under @n is not blank; stops at the first that is
 * not, instead of gathering the whole text of a large container. */
static gboolean
has_visible_text (xmlNode *n)
{
  for (xmlNode *t = n; t; t = next_in (t, n, FALSE))
    if (is_text (t) && !is_blank ((const char *)t->content))
      return TRUE;
  return FALSE;
}

static gboolean
is_element_without_content (xmlNode *n)
{
  guint children;

  if (has_visible_text (n))
    return FALSE;

  children = n_element_children (n);
  return children == 0 || children == count_tag (n, "br") + count_tag (n, "hr");
}

static gboolean
has_single_tag_inside (xmlNode    *n,
                       const char *tag)
{
  if (n_element_children (n) != 1 || !tag_is (first_element_child (n), tag))
    return FALSE;

  for (xmlNode *c = n->children; c; c = c->next)
    if (is_text (c) && !is_blank ((const char *)c->content))
      return FALSE;

  return TRUE;
}

static gboolean
has_child_block_element (xmlNode *n)
{
  return has_descendant (n, div_to_p_tags);
}

/* Readability's textSimilarity: share of @b's words that are also in @a. */
static GPtrArray *
words_of (const char *s)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lower = g_utf8_strdown (s, -1);
  GString *word = g_string_new (NULL);

  for (const char *p = lower; ; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c != 0 && (g_unichar_isalnum (c) || c == '_'))
        g_string_append_unichar (word, c);
      else if (word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);
  return words;
}

static double
text_similarity (const char *a,
                 const char *b)
{
  g_autoptr(GPtrArray) wa = words_of (a);
  g_autoptr(GPtrArray) wb = words_of (b);
  gsize total = 0, unique = 0;
  guint n_unique = 0;

  if (wa->len == 0 || wb->len == 0)
    return 0;

  for (guint i = 0; i < wb->len; i++)
    {
      const char *w = g_ptr_array_index (wb, i);
      gboolean found = FALSE;

      total += strlen (w);
      for (guint j = 0; j < wa->len && !found; j++)
        found = strcmp (w, g_ptr_array_index (wa, j)) == 0;
      if (!found)
        {
          unique += strlen (w);
          n_unique++;
        }
    }

  total += wb->len - 1;
  if (n_unique > 0)
    unique += n_unique - 1;

  return 1.0 - (double)unique / total;
}

static gboolean
is_valid_byline (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  glong length = g_utf8_strlen (trimmed, -1);

  return length > 0 && length < 100;
}

static gboolean
check_byline (Grabber    *g,
              xmlNode    *n,
              const char *match)
{
  const char *rel = get_attr (n, "rel");
  const char *itemprop = get_attr (n, "itemprop");

  if (g->byline != NULL)
    return FALSE;

  if ((g_strcmp0 (rel, "author") == 0 ||
       (itemprop && strstr (itemprop, "author")) ||
       regex_match (patterns ()->byline, match)))
    {
      g_autofree char *text = text_content (n);

      if (is_valid_byline (text))
        {
          /* A child marked itemprop="name" is the name without the date
           * and the "By". */
          xmlNode *end = get_next_node (n, TRUE);

          for (xmlNode *c = get_next_node (n, FALSE); c && c != end; c = get_next_node (c, FALSE))
            {
              const char *prop = get_attr (c, "itemprop");

              if (prop && strstr (prop, "name"))
                {
                  g_free (text);
                  text = text_content (c);
                  break;
                }
            }

          g->byline = g_strstrip (g_steal_pointer (&text));
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
header_duplicates_title (Grabber *g,
                         xmlNode *n)
{
  g_autofree char *heading = NULL;

  if (!tag_is (n, "h1") && !tag_is (n, "h2"))
    return FALSE;
  if (g->title == NULL)
    return FALSE;

  heading = inner_text (n);
  return text_similarity (g->title, heading) > 0.75;
}

static xmlNode *
next_significant (xmlNode *n)
{
  while (n && !is_element (n) && is_text (n) && is_blank ((const char *)n->content))
    n = n->next;
  return n;
}

/* Whether @n is still inside @root: the lists of prep_article() are made
 * in one pass, before earlier steps removed some of their nodes. */
static gboolean
is_attached (xmlNode *n,
             xmlNode *root)
{
  while (n != NULL && n != root)
    n = n->parent;
  return n == root;
}

/* <br><br> separates paragraphs on many old pages: turn the runs into <p>. */
static void
replace_brs (Grabber   *g,
             GPtrArray *brs)
{
  for (guint i = 0; i < brs->len; i++)
    {
      xmlNode *node = g_ptr_array_index (brs, i);
      xmlNode *next = node->next;
      xmlNode *p;
      gboolean replaced = FALSE;

      if (node->parent == NULL)
        continue;

      while ((next = next_significant (next)) && tag_is (next, "br"))
        {
          xmlNode *after = next->next;

          replaced = TRUE;
          remove_node (g, next);
          next = after;
        }

      if (!replaced)
        continue;

      p = xmlNewDocNode (g->doc, NULL, (const xmlChar *)"p", NULL);
      xmlReplaceNode (node, p);
      g_ptr_array_add (g->graveyard, node);

      next = p->next;
      while (next)
        {
          xmlNode *sibling;

          if (tag_is (next, "br"))
            {
              xmlNode *after = next_significant (next->next);

              if (tag_is (after, "br"))
                break;
            }
          if (!is_phrasing (next, 0))
            break;

          sibling = next->next;
          xmlUnlinkNode (next);
          xmlAddChild (p, next);
          next = sibling;
        }

      while (p->last && is_whitespace_node (p->last))
        remove_node (g, p->last);

      if (tag_is (p->parent, "p"))
        set_tag (p->parent, "div");
    }
}

static void
survey_clear (Survey *survey)
{
  g_clear_pointer (&survey->metas, g_ptr_array_unref);
  g_clear_pointer (&survey->scripts, g_ptr_array_unref);
  g_clear_pointer (&survey->times, g_ptr_array_unref);
  g_clear_pointer (&survey->removed, g_ptr_array_unref);
  g_clear_pointer (&survey->brs, g_ptr_array_unref);
  g_clear_pointer (&survey->fonts, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Survey, survey_clear)

/* One walk of the page for the lists that @survey asks for: on a large
 * page each walk of the whole tree costs more than what is done with its
 * findings. What is inside a script or a <noscript> goes with it, so
 * prep_document () needs nothing from there; the metadata may. */
static void
survey_page (xmlNode *root,
             Survey  *survey)
{
  static const char * const scripts[] = { "script", "noscript", "style", "template", NULL };
  xmlNode *body = survey->removed ? find_tag (root, "body") : NULL;
  xmlNode *removed = NULL;
  xmlNode *n = next_in (root, root, FALSE);

  while (n != NULL)
    {
      if (is_element (n))
        {
          if (survey->metas)
            {
              if (tag_is (n, "meta") || tag_is (n, "link"))
                g_ptr_array_add (survey->metas, n);
              else if (tag_is (n, "script"))
                g_ptr_array_add (survey->scripts, n);
              else if (tag_is (n, "time"))
                g_ptr_array_add (survey->times, n);
            }

          if (survey->removed && removed == NULL)
            {
              if (tag_in (n, scripts))
                {
                  g_ptr_array_add (survey->removed, n);
                  removed = n;
                }
              else if (tag_is (n, "br"))
                {
                  if (body && is_attached (n, body))
                    g_ptr_array_add (survey->brs, n);
                }
              else if (tag_is (n, "font"))
                g_ptr_array_add (survey->fonts, n);
            }
        }

      if (removed != NULL && survey->metas == NULL)
        {
          n = next_in (n, root, TRUE);
          removed = NULL;
          continue;
        }

      n = next_in (n, root, FALSE);
      if (removed != NULL && !is_attached (n, removed))
        removed = NULL;
    }
}

static void
prep_document (Grabber *g,
               xmlNode *root)
{
  g_auto(Survey) own = { NULL, };
  Survey *lists = g->prep;

  if (lists == NULL)
    {
      own.removed = g_ptr_array_new ();
      own.brs = g_ptr_array_new ();
      own.fonts = g_ptr_array_new ();
      survey_page (root, &own);
      lists = &own;
    }

  for (guint i = lists->removed->len; i > 0; i--)
    remove_node (g, g_ptr_array_index (lists->removed, i - 1));

  replace_brs (g, lists->brs);

  for (guint i = 0; i < lists->fonts->len; i++)
    set_tag (g_ptr_array_index (lists->fonts, i), "span");

  g->prep = NULL;
}

static void
mark_data_tables (Grabber   *g,
                  GPtrArray *tables)
{
  static const char * const table[] = { "table", NULL };
  static const char * const data_descendants[] = {
    "col", "colgroup", "tfoot", "thead", "th", NULL
  };
  static const char * const tr[] = { "tr", NULL };

  for (guint i = 0; i < tables->len; i++)
    {
      xmlNode *t = g_ptr_array_index (tables, i);
      NodeData *d = node_data (g, t);
      g_autoptr(GPtrArray) rows = NULL;
      const char *attr;
      xmlNode *caption = NULL;
      guint n_rows = 0, n_columns = 0;

      d->data_table = FALSE;

      if ((attr = get_attr (t, "role")) && strcmp (attr, "presentation") == 0)
        continue;
      if ((attr = get_attr (t, "datatable")) && strcmp (attr, "0") == 0)
        continue;
      if ((attr = get_attr (t, "summary")) && *attr)
        {
          d->data_table = TRUE;
          continue;
        }

      for (xmlNode *n = next_in (t, t, FALSE); n && !caption; n = next_in (n, t, FALSE))
        if (tag_is (n, "caption"))
          caption = n;
      if (caption && caption->children)
        {
          d->data_table = TRUE;
          continue;
        }
      if (has_descendant (t, data_descendants))
        {
          d->data_table = TRUE;
          continue;
        }
      if (has_descendant (t, table))
        continue;

      rows = collect (t, tr);
      for (guint r = 0; r < rows->len; r++)
        {
          xmlNode *row = g_ptr_array_index (rows, r);
          const char *span = get_attr (row, "rowspan");
          guint columns = 0;
          int rowspan = span ? atoi (span) : 0;

          n_rows += rowspan > 0 ? rowspan : 1;
          for (xmlNode *c = row->children; c; c = c->next)
            if (tag_is (c, "td"))
              {
                const char *colspan = get_attr (c, "colspan");
                int cs = colspan ? atoi (colspan) : 0;

                columns += cs > 0 ? cs : 1;
              }
          n_columns = MAX (n_columns, columns);
        }

      if (n_rows >= 10 || n_columns > 4)
        d->data_table = TRUE;
      else
        d->data_table = n_rows * n_columns > 10;
    }
}

/* The commas in the text of @n, counted up to @enough: Readability's
 * getCharCount (node, ","), which spacing does not change. */
static guint
count_commas (xmlNode *n,
              guint    enough)
{
  guint count = 0;

  for (xmlNode *t = n; t && count < enough; t = next_in (t, n, FALSE))
    if (is_text (t) && t->content)
      for (const char *p = strchr ((const char *)t->content, ','); p && count < enough;
           p = strchr (p + 1, ','))
        count++;
  return count;
}

typedef struct
{
  glong  length;          /* inner_text_length () of the node */
  glong  list_length;     /* of each <ul> and <ol> inside */
  glong  heading_length;  /* of each heading inside */
  double link_length;     /* of each link inside, in-page links weighing less */
  guint  p, img, li, input, embeds;
} Contents;

/* Everything should_clean_conditionally() weighs, in one walk of the
 * subtree instead of one walk per figure: on a page of nested containers
 * each is weighed in turn, so these walks are most of the cleaning time. */
static void
measure_contents (xmlNode  *node,
                  Contents *c)
{
  memset (c, 0, sizeof *c);
  c->length = inner_text_length (node);

  for (xmlNode *n = next_in (node, node, FALSE); n; n = next_in (n, node, FALSE))
    {
      const char *name;

      if (!is_element (n))
        continue;

      name = (const char *)n->name;
      switch (name[0])
        {
        case 'a':
          if (name[1] == '\0')
            {
              const char *href = get_attr (n, "href");
              double coefficient = (href && href[0] == '#' && href[1]) ? 0.3 : 1;

              c->link_length += inner_text_length (n) * coefficient;
            }
          break;
        case 'e':
          c->embeds += strcmp (name, "embed") == 0;
          break;
        case 'h':
          if (name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
            c->heading_length += inner_text_length (n);
          break;
        case 'i':
          if (strcmp (name, "img") == 0)
            c->img++;
          else if (strcmp (name, "input") == 0)
            c->input++;
          else if (strcmp (name, "iframe") == 0)
            c->embeds++;
          break;
        case 'l':
          c->li += strcmp (name, "li") == 0;
          break;
        case 'o':
          if (strcmp (name, "ol") == 0)
            c->list_length += inner_text_length (n);
          else if (strcmp (name, "object") == 0)
            c->embeds++;
          break;
        case 'p':
          c->p += name[1] == '\0';
          break;
        case 'u':
          if (strcmp (name, "ul") == 0)
            c->list_length += inner_text_length (n);
          break;
        default:
          break;
        }
    }
}

static gboolean
should_clean_conditionally (Grabber    *g,
                            xmlNode    *node,
                            const char *tag)
{
  gboolean is_list = strcmp (tag, "ul") == 0 || strcmp (tag, "ol") == 0;
  gboolean have_to_remove;
  double link_dens, heading_density;
  glong content_length;
  int li, weight;
  Contents c;

  if (strcmp (tag, "table") == 0 && node->_private && ((NodeData *)node->_private)->data_table)
    return FALSE;
  if (has_ancestor_tag (node, "table", -1, TRUE))
    return FALSE;
  if (has_ancestor_tag (node, "code", 3, FALSE))
    return FALSE;

  weight = class_weight (g, node);
  if (weight < 0)
    return TRUE;

  if (count_commas (node, 10) >= 10)
    return FALSE;

  measure_contents (node, &c);
  content_length = c.length;

  if (!is_list)
    is_list = c.length > 0 && (double)c.list_length / c.length > 0.9;

  /* The advertisement labels are single short words: no need to build the
   * text of anything longer. */
  if (content_length <= 16)
    {
      g_autofree char *text = inner_text (node);

      if (regex_match (patterns ()->ad_words, text))
        return TRUE;
    }

  li = (int)c.li - 100;
  heading_density = c.length > 0 ? (double)c.heading_length / c.length : 0;
  link_dens = c.length > 0 ? c.link_length / c.length : 0;

  have_to_remove =
    (c.img > 1 && (double)c.p / c.img < 0.5 && !has_ancestor_tag (node, "figure", 3, FALSE)) ||
    (!is_list && li > (int)c.p) ||
    (c.input > c.p / 3) ||
    (!is_list && heading_density < 0.9 && content_length < 25 && (c.img == 0 || c.img > 2) &&
     !has_ancestor_tag (node, "figure", 3, FALSE)) ||
    (!is_list && weight < 25 && link_dens > 0.2) ||
    (weight >= 25 && link_dens > 0.5) ||
    ((c.embeds == 1 && content_length < 75) || c.embeds > 1);

  if (is_list && have_to_remove)
    {
      for (xmlNode *child = node->children; child; child = child->next)
        if (is_element (child) && n_element_children (child) > 1)
          return have_to_remove;
      if (c.img == c.li)
        return FALSE;
    }

  return have_to_remove;
}

static void
clean_conditionally (Grabber    *g,
                     xmlNode    *root,
                     GPtrArray  *found,
                     const char *tag)
{
  if (!(g->flags & FLAG_CLEAN_CONDITIONALLY))
    return;

  for (guint i = found->len; i > 0; i--)
    {
      xmlNode *n = g_ptr_array_index (found, i - 1);

      if (is_attached (n, root) && should_clean_conditionally (g, n, tag))
        remove_node (g, n);
    }
}

/* Whether the text of @n is shorter than @limit bytes, counted only as
 * far as needed. */
static gboolean
text_bytes_below (xmlNode *n,
                  gsize    limit)
{
  gsize length = 0;

  for (xmlNode *t = n; t; t = next_in (t, n, FALSE))
    if (is_text (t) && t->content && (length += strlen ((const char *)t->content)) >= limit)
      return FALSE;
  return TRUE;
}

static void
clean_share_nodes (Grabber *g,
                   xmlNode *top)
{
  xmlNode *end = get_next_node (top, TRUE);
  xmlNode *next = get_next_node (top, FALSE);

  while (next && next != end)
    {
      const char *klass = get_attr (next, "class");
      const char *id = get_attr (next, "id");
      gboolean matched = FALSE;

      if (klass || id)
        {
          g_autofree char *match = g_strconcat (klass ? klass : "", " ", id ? id : "", NULL);

          matched = regex_match (patterns ()->share, match) &&
                    text_bytes_below (next, CHAR_THRESHOLD);
        }

      next = matched ? remove_and_get_next (g, next) : get_next_node (next, FALSE);
    }
}

enum {
  LIST_TABLE,
  LIST_FORM,
  LIST_FIELDSET,
  LIST_ALWAYS,
  LIST_H1H2,
  LIST_UL,
  LIST_DIV,
  LIST_P,
  LIST_BR,
  N_LISTS
};

static void
prep_article (Grabber *g,
              xmlNode *article)
{
  static const char * const always[] = {
    "object", "embed", "footer", "link", "aside", "iframe", "input", "textarea",
    "select", "button", NULL
  };
  static const char * const media[] = { "img", "embed", "object", "iframe", NULL };
  GPtrArray *lists[N_LISTS];

  /* One walk for every list the steps below need (large pages have
   * hundreds of thousands of nodes). */
  for (guint i = 0; i < N_LISTS; i++)
    lists[i] = g_ptr_array_new ();
  for (xmlNode *n = next_in (article, article, FALSE); n; n = next_in (n, article, FALSE))
    {
      const char *name;
      int list = -1;

      if (!is_element (n))
        continue;
      name = (const char *)n->name;
      if (strcmp (name, "p") == 0)
        list = LIST_P;
      else if (strcmp (name, "br") == 0)
        list = LIST_BR;
      else if (strcmp (name, "div") == 0)
        list = LIST_DIV;
      else if (strcmp (name, "ul") == 0)
        list = LIST_UL;
      else if (strcmp (name, "h1") == 0 || strcmp (name, "h2") == 0)
        list = LIST_H1H2;
      else if (strcmp (name, "table") == 0)
        list = LIST_TABLE;
      else if (strcmp (name, "form") == 0)
        list = LIST_FORM;
      else if (strcmp (name, "fieldset") == 0)
        list = LIST_FIELDSET;
      else if (tag_in (n, always))
        list = LIST_ALWAYS;
      if (list >= 0)
        g_ptr_array_add (lists[list], n);
    }

  mark_data_tables (g, lists[LIST_TABLE]);
  clean_conditionally (g, article, lists[LIST_FORM], "form");
  clean_conditionally (g, article, lists[LIST_FIELDSET], "fieldset");

  for (guint i = lists[LIST_ALWAYS]->len; i > 0; i--)
    {
      xmlNode *n = g_ptr_array_index (lists[LIST_ALWAYS], i - 1);

      if (is_attached (n, article))
        remove_node (g, n);
    }

  for (xmlNode *c = first_element_child (article), *next; c; c = next)
    {
      next = next_element_sibling (c);
      clean_share_nodes (g, c);
    }

  for (guint i = lists[LIST_H1H2]->len; i > 0; i--)
    {
      xmlNode *h = g_ptr_array_index (lists[LIST_H1H2], i - 1);

      if (is_attached (h, article) && class_weight (g, h) < 0)
        remove_node (g, h);
    }

  clean_conditionally (g, article, lists[LIST_TABLE], "table");
  clean_conditionally (g, article, lists[LIST_UL], "ul");
  clean_conditionally (g, article, lists[LIST_DIV], "div");

  for (guint i = lists[LIST_P]->len; i > 0; i--)
    {
      xmlNode *p = g_ptr_array_index (lists[LIST_P], i - 1);

      if (is_attached (p, article) && !has_descendant (p, media) && !has_visible_text (p))
        remove_node (g, p);
    }

  for (guint i = 0; i < lists[LIST_BR]->len; i++)
    {
      xmlNode *br = g_ptr_array_index (lists[LIST_BR], i);

      if (is_attached (br, article) && tag_is (next_significant (br->next), "p"))
        remove_node (g, br);
    }

  for (guint i = 0; i < N_LISTS; i++)
    g_ptr_array_unref (lists[i]);
}

static gboolean
list_contains (GPtrArray *list,
               xmlNode   *node)
{
  for (guint i = 0; i < list->len; i++)
    if (g_ptr_array_index (list, i) == node)
      return TRUE;
  return FALSE;
}

static GPtrArray *
ancestors_of (xmlNode *n,
              guint    max_depth)
{
  GPtrArray *list = g_ptr_array_new ();

  while (is_element (n->parent))
    {
      g_ptr_array_add (list, n->parent);
      if (max_depth && list->len == max_depth)
        break;
      n = n->parent;
    }

  return list;
}

static double
score_of (xmlNode *n)
{
  return n->_private ? ((NodeData *)n->_private)->score : 0;
}

typedef struct
{
  xmlNode  *node;
  TextSpan  span;
  double    link_length;
} Frame;

/* The link density of every scored node under @root, in one walk that adds
 * up the text of each subtree from its children's: one link_density () per
 * candidate walked the same text again for every ancestor. */
static void
measure_candidates (xmlNode *root)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  Frame first = { root, TEXT_SPAN_INIT, 0 };
  xmlNode *n = root->children;

  g_array_append_val (stack, first);
  while (stack->len > 0)
    {
      Frame *top = &g_array_index (stack, Frame, stack->len - 1);
      Frame done;

      if (n != NULL)
        {
          if (is_text (n) && n->content)
            text_span_append_string (&top->span, (const char *)n->content);
          else if (is_element (n))
            {
              Frame frame = { n, TEXT_SPAN_INIT, 0 };

              g_array_append_val (stack, frame);
              n = n->children;
              continue;
            }
          n = n->next;
          continue;
        }

      done = *top;
      g_array_set_size (stack, stack->len - 1);

      if (done.node->_private && ((NodeData *)done.node->_private)->scored)
        ((NodeData *)done.node->_private)->link_density =
          done.span.length > 0 ? done.link_length / done.span.length : 0;

      if (stack->len > 0)
        {
          Frame *parent = &g_array_index (stack, Frame, stack->len - 1);

          text_span_append (&parent->span, &done.span);
          parent->link_length += done.link_length;
          if (tag_is (done.node, "a"))
            {
              const char *href = get_attr (done.node, "href");
              double coefficient = (href && href[0] == '#' && href[1]) ? 0.3 : 1;

              parent->link_length += done.span.length * coefficient;
            }
          n = done.node->next;
        }
    }
}

/* Readability's grabArticle, one attempt. Returns a new unlinked <div>. */
static xmlNode *
grab_article (Grabber *g)
{
  const Patterns *pat = patterns ();
  xmlNode *root = xmlDocGetRootElement (g->doc);
  xmlNode *body;
  xmlNode *node;
  xmlNode *top;
  xmlNode *parent;
  xmlNode *article;
  g_autoptr(GPtrArray) to_score = g_ptr_array_new ();
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  xmlNode *top_candidates[N_TOP_CANDIDATES] = { NULL, };
  gboolean remove_title_header = TRUE;
  gboolean created_top = FALSE;
  double threshold;

  if (root == NULL)
    return NULL;

  body = find_tag (root, "body");
  prep_document (g, root);

  node = root;
  while (node)
    {
      const char *klass = get_attr (node, "class");
      const char *id = get_attr (node, "id");
      const char *role = get_attr (node, "role");
      g_autofree char *match = NULL;

      /* Nodes without a class or an id match none of the patterns. */
      if (klass || id)
        match = g_strconcat (klass ? klass : "", " ", id ? id : "", NULL);

      if (tag_is (node, "html"))
        {
          const char *lang = get_attr (node, "lang");

          if (lang && *lang && g->lang == NULL)
            g->lang = g_strdup (lang);
        }

      if (!is_probably_visible (node))
        {
          node = remove_and_get_next (g, node);
          continue;
        }

      if (g_strcmp0 (get_attr (node, "aria-modal"), "true") == 0 && g_strcmp0 (role, "dialog") == 0)
        {
          node = remove_and_get_next (g, node);
          continue;
        }

      if ((klass || id || get_attr (node, "rel") || get_attr (node, "itemprop")) &&
          check_byline (g, node, match))
        {
          node = remove_and_get_next (g, node);
          continue;
        }

      if (remove_title_header && header_duplicates_title (g, node))
        {
          remove_title_header = FALSE;
          node = remove_and_get_next (g, node);
          continue;
        }

      if (g->flags & FLAG_STRIP_UNLIKELYS)
        {
          if ((klass || id) &&
              regex_match (pat->unlikely, match) && !regex_match (pat->maybe, match) &&
              !has_ancestor_tag (node, "table", 3, FALSE) &&
              !has_ancestor_tag (node, "code", 3, FALSE) &&
              !tag_is (node, "body") && !tag_is (node, "a"))
            {
              node = remove_and_get_next (g, node);
              continue;
            }

          if (role && g_strv_contains (unlikely_roles, role))
            {
              node = remove_and_get_next (g, node);
              continue;
            }
        }

      if ((tag_is (node, "div") || tag_is (node, "section") || tag_is (node, "header") ||
           tag_in (node, heading_tags)) &&
          is_element_without_content (node))
        {
          node = remove_and_get_next (g, node);
          continue;
        }

      if (tag_in (node, tags_to_score))
        g_ptr_array_add (to_score, node);

      if (tag_is (node, "div"))
        {
          xmlNode *p = NULL;
          xmlNode *child = node->children;

          /* Loose phrasing content becomes paragraphs. */
          while (child)
            {
              xmlNode *next = child->next;

              if (is_phrasing (child, 0))
                {
                  if (p != NULL)
                    {
                      xmlUnlinkNode (child);
                      xmlAddChild (p, child);
                    }
                  else if (!is_whitespace_node (child))
                    {
                      p = xmlNewDocNode (g->doc, NULL, (const xmlChar *)"p", NULL);
                      xmlReplaceNode (child, p);
                      xmlAddChild (p, child);
                    }
                }
              else if (p != NULL)
                {
                  while (p->last && is_whitespace_node (p->last))
                    remove_node (g, p->last);
                  p = NULL;
                }
              child = next;
            }

          if (has_single_tag_inside (node, "p") && link_density (node) < 0.25)
            {
              xmlNode *only = first_element_child (node);

              xmlUnlinkNode (only);
              xmlReplaceNode (node, only);
              g_ptr_array_add (g->graveyard, node);
              node = only;
              g_ptr_array_add (to_score, node);
            }
          else if (!has_child_block_element (node))
            {
              set_tag (node, "p");
              g_ptr_array_add (to_score, node);
            }
        }

      node = get_next_node (node, FALSE);
    }

  /* Score paragraphs and hand the score to their ancestors. */
  for (guint i = 0; i < to_score->len; i++)
    {
      xmlNode *el = g_ptr_array_index (to_score, i);
      g_autoptr(GPtrArray) ancestors = NULL;
      double content_score;
      glong length;
      guint commas = 0;

      if (!is_element (el->parent))
        continue;

      length = inner_text_stats (el, &commas, G_MAXLONG);
      if (length < 25)
        continue;

      ancestors = ancestors_of (el, 5);
      if (ancestors->len == 0)
        continue;

      content_score = 1 + (commas + 1) + MIN (length / 100, 3);

      for (guint level = 0; level < ancestors->len; level++)
        {
          xmlNode *ancestor = g_ptr_array_index (ancestors, level);
          double divider;

          if (!is_element (ancestor->parent))
            continue;

          if (!has_score (ancestor))
            {
              initialize_node (g, ancestor);
              g_ptr_array_add (candidates, ancestor);
            }

          divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
          node_data (g, ancestor)->score += content_score / divider;
        }
    }

  if (candidates->len > 0)
    measure_candidates (root);

  for (guint i = 0; i < candidates->len; i++)
    {
      xmlNode *c = g_ptr_array_index (candidates, i);
      NodeData *d = node_data (g, c);

      d->score = d->score * (1 - d->link_density);

      for (guint t = 0; t < N_TOP_CANDIDATES; t++)
        {
          if (top_candidates[t] == NULL || d->score > score_of (top_candidates[t]))
            {
              memmove (&top_candidates[t + 1], &top_candidates[t],
                       (N_TOP_CANDIDATES - t - 1) * sizeof (xmlNode *));
              top_candidates[t] = c;
              break;
            }
        }
    }

  top = top_candidates[0];

  if (body == NULL)
    body = root;

  if (top == NULL || tag_is (top, "body"))
    {
      top = xmlNewDocNode (g->doc, NULL, (const xmlChar *)"div", NULL);
      while (body->children)
        {
          xmlNode *child = body->children;

          xmlUnlinkNode (child);
          xmlAddChild (top, child);
        }
      xmlAddChild (body, top);
      initialize_node (g, top);
      created_top = TRUE;
    }
  else
    {
      g_autoptr(GPtrArray) alternatives = NULL;
      double last_score;

      alternatives = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);

      for (guint i = 1; i < N_TOP_CANDIDATES && top_candidates[i]; i++)
        if (score_of (top_candidates[i]) / score_of (top) >= 0.75)
          g_ptr_array_add (alternatives, ancestors_of (top_candidates[i], 0));

      if (alternatives->len >= 3)
        {
          parent = top->parent;
          while (is_element (parent) && !tag_is (parent, "body"))
            {
              guint lists = 0;

              for (guint i = 0; i < alternatives->len && lists < 3; i++)
                lists += list_contains (g_ptr_array_index (alternatives, i), parent);
              if (lists >= 3)
                {
                  top = parent;
                  break;
                }
              parent = parent->parent;
            }
        }

      if (!has_score (top))
        initialize_node (g, top);

      parent = top->parent;
      last_score = score_of (top);
      threshold = last_score / 3;
      while (is_element (parent) && !tag_is (parent, "body"))
        {
          double parent_score;

          if (!has_score (parent))
            {
              parent = parent->parent;
              continue;
            }
          parent_score = score_of (parent);
          if (parent_score < threshold)
            break;
          if (parent_score > last_score)
            {
              top = parent;
              break;
            }
          last_score = parent_score;
          parent = parent->parent;
        }

      parent = top->parent;
      while (is_element (parent) && !tag_is (parent, "body") && n_element_children (parent) == 1)
        {
          top = parent;
          parent = top->parent;
        }

      if (!has_score (top))
        initialize_node (g, top);
    }

  /* The top candidate and the siblings that look like they belong. */
  article = xmlNewDocNode (g->doc, NULL, (const xmlChar *)"div", NULL);
  threshold = MAX (10, score_of (top) * 0.2);
  parent = top->parent;

  if (!is_element (parent))
    {
      xmlUnlinkNode (top);
      xmlAddChild (article, top);
    }
  else
    {
      const char *top_class = get_attr (top, "class");
      xmlNode *sibling, *next;

      for (sibling = first_element_child (parent); sibling; sibling = next)
        {
          gboolean append = FALSE;

          next = next_element_sibling (sibling);

          if (sibling == top)
            append = TRUE;
          else
            {
              const char *klass = get_attr (sibling, "class");
              double bonus = 0;

              if (top_class && *top_class && g_strcmp0 (klass, top_class) == 0)
                bonus += score_of (top) * 0.2;

              if (has_score (sibling) && score_of (sibling) + bonus >= threshold)
                append = TRUE;
              else if (tag_is (sibling, "p"))
                {
                  g_autofree char *text = inner_text (sibling);
                  double density = link_density (sibling);
                  glong length = g_utf8_strlen (text, -1);

                  if (length > 80 && density < 0.25)
                    append = TRUE;
                  else if (length < 80 && length > 0 && density == 0 &&
                           (strstr (text, ". ") || g_str_has_suffix (text, ".")))
                    append = TRUE;
                }
            }

          if (append)
            {
              if (!tag_in (sibling, alter_to_div_exceptions))
                set_tag (sibling, "div");
              xmlUnlinkNode (sibling);
              xmlAddChild (article, sibling);
            }
        }
    }

  prep_article (g, article);

  if (!created_top)
    {
      /* Direction: the nearest ancestor of the content that declares it. */
      for (xmlNode *n = top; n && is_element (n); n = n->parent)
        {
          const char *dir = get_attr (n, "dir");

          if (dir && *dir)
            {
              g->dir = g_strdup (dir);
              break;
            }
        }
      if (g->dir == NULL && parent)
        for (xmlNode *n = parent; n && is_element (n); n = n->parent)
          {
            const char *dir = get_attr (n, "dir");

            if (dir && *dir)
              {
                g->dir = g_strdup (dir);
                break;
              }
          }
    }

  return article;
}

/* ------------------------------------------------------------ text output */

typedef struct
{
  GString *out;
  GString *para;
  guint    pre;
  gboolean space;
} Writer;

static void
writer_flush (Writer *w)
{
  char *s;
  gsize len;

  /* Inside <pre>, keep lines but never an empty one: paragraphs are
   * separated by exactly one blank line. */
  if (strstr (w->para->str, "\n\n"))
    {
      g_auto(GStrv) lines = g_strsplit (w->para->str, "\n", -1);
      GString *joined = g_string_new (NULL);

      for (guint i = 0; lines[i]; i++)
        {
          g_strchomp (lines[i]);
          if (*lines[i] == '\0')
            continue;
          if (joined->len)
            g_string_append_c (joined, '\n');
          g_string_append (joined, lines[i]);
        }
      g_string_assign (w->para, joined->str);
      g_string_free (joined, TRUE);
    }

  s = w->para->str;
  len = w->para->len;
  while (len > 0 && g_ascii_isspace (s[len - 1]))
    len--;
  while (len > 0 && (*s == '\n' || *s == ' '))
    {
      s++;
      len--;
    }

  if (len > 0)
    {
      if (w->out->len > 0)
        g_string_append (w->out, "\n\n");
      g_string_append_len (w->out, s, len);
    }

  g_string_truncate (w->para, 0);
  w->space = FALSE;
}

static void
writer_text (Writer     *w,
             const char *text)
{
  if (w->pre > 0)
    {
      for (const char *p = text; *p; p++)
        if (*p != '\r')
          g_string_append_c (w->para, *p);
      return;
    }

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c;

      /* a run of plain ASCII in one go */
      if ((guchar)*p > ' ' && (guchar)*p < 0x80)
        {
          const char *q = p;

          while ((guchar)*q > ' ' && (guchar)*q < 0x80)
            q++;
          if (w->space)
            g_string_append_c (w->para, ' ');
          w->space = FALSE;
          g_string_append_len (w->para, p, q - p);
          p = q - 1;
          continue;
        }

      c = g_utf8_get_char (p);

      if (is_space (c) && c != 0x00A0)
        {
          if (w->para->len > 0 && w->para->str[w->para->len - 1] != '\n')
            w->space = TRUE;
          continue;
        }

      if (c == 0x00A0)
        c = ' ';
      if (w->space)
        g_string_append_c (w->para, ' ');
      w->space = FALSE;
      g_string_append_unichar (w->para, c);
    }
}

static void
writer_break (Writer *w)
{
  while (w->para->len > 0 && w->para->str[w->para->len - 1] == ' ')
    g_string_truncate (w->para, w->para->len - 1);
  if (w->para->len > 0 && w->para->str[w->para->len - 1] != '\n')
    g_string_append_c (w->para, '\n');
  w->space = FALSE;
}

static gboolean
writer_enter (Writer  *w,
              xmlNode *n)
{
  if (is_text (n))
    {
      if (n->content)
        writer_text (w, (const char *)n->content);
      return FALSE;
    }
  if (!is_element (n))
    return FALSE;
  if (tag_in (n, skipped_tags))
    return FALSE;
  if (!is_probably_visible (n))
    return FALSE;

  if (tag_is (n, "br"))
    writer_break (w);
  else if (tag_in (n, block_tags))
    {
      writer_flush (w);
      if (tag_is (n, "pre"))
        w->pre++;
    }
  else if ((tag_is (n, "td") || tag_is (n, "th")) && w->para->len > 0)
    w->space = TRUE;

  return TRUE;
}

static void
writer_leave (Writer  *w,
              xmlNode *n)
{
  if (!is_element (n) || tag_in (n, skipped_tags))
    return;

  if (tag_in (n, block_tags))
    {
      if (tag_is (n, "pre") && w->pre > 0)
        w->pre--;
      writer_flush (w);
    }
  else if (tag_is (n, "td") || tag_is (n, "th"))
    w->space = w->para->len > 0;
}

static char *
serialize (xmlNode *root)
{
  Writer w = { g_string_new (NULL), g_string_new (NULL), 0, FALSE };
  xmlNode *node = root->children;

  while (node != NULL)
    {
      gboolean descend = writer_enter (&w, node);

      if (descend && node->children)
        {
          node = node->children;
          continue;
        }
      if (descend)
        writer_leave (&w, node);

      while (node != NULL && node->next == NULL)
        {
          node = node->parent;
          if (node == root || node == NULL)
            {
              node = NULL;
              break;
            }
          writer_leave (&w, node);
        }
      if (node)
        node = node->next;
    }

  writer_flush (&w);
  g_string_free (w.para, TRUE);
  return g_string_free (w.out, FALSE);
}

/* ------------------------------------------------------------- metadata */

typedef struct
{
  char *title;
  char *byline;
  char *excerpt;
  char *site_name;
  char *published;
  char *url;
  char *language;
  char *subtitle;
  GPtrArray *authors;   /* from JSON-LD, when it lists them */
  gboolean is_article;  /* JSON-LD or Open Graph says so */
} Metadata;

static void
metadata_clear (Metadata *m)
{
  g_free (m->title);
  g_free (m->byline);
  g_free (m->excerpt);
  g_free (m->site_name);
  g_free (m->published);
  g_free (m->url);
  g_free (m->language);
  g_free (m->subtitle);
  g_clear_pointer (&m->authors, g_ptr_array_unref);
}

/* Metadata is sometimes escaped twice ("&amp;quot;"); libxml2 undid one
 * level already. */
static char *
unescape_entities (const char *s)
{
  static const struct { const char *name; const char *value; } named[] = {
    { "quot", "\"" }, { "amp", "&" }, { "apos", "'" }, { "lt", "<" }, { "gt", ">" },
    { "nbsp", " " },
  };
  GString *out;

  if (s == NULL)
    return NULL;
  if (strchr (s, '&') == NULL)
    return g_strdup (s);

  out = g_string_new (NULL);
  for (const char *p = s; *p; )
    {
      gboolean done = FALSE;

      if (*p == '&')
        {
          if (p[1] == '#')
            {
              const char *q = p + 2;
              gboolean hex = (*q == 'x' || *q == 'X');
              char *end = NULL;
              guint64 v;

              if (hex)
                q++;
              v = g_ascii_strtoull (q, &end, hex ? 16 : 10);
              if (end && end != q && *end == ';' && v > 0 && v <= 0x10FFFF &&
                  g_unichar_validate ((gunichar)v))
                {
                  g_string_append_unichar (out, (gunichar)v);
                  p = end + 1;
                  done = TRUE;
                }
            }
          else
            for (guint i = 0; i < G_N_ELEMENTS (named) && !done; i++)
              {
                gsize n = strlen (named[i].name);

                if (strncmp (p + 1, named[i].name, n) == 0 && p[1 + n] == ';')
                  {
                    g_string_append (out, named[i].value);
                    p += n + 2;
                    done = TRUE;
                  }
              }
        }
      if (!done)
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

static char *
clean_string (const char *s)
{
  g_autofree char *unescaped = NULL;
  char *normalized;

  if (s == NULL)
    return NULL;
  unescaped = unescape_entities (s);
  normalized = normalize_space (unescaped);
  if (*normalized == '\0')
    g_clear_pointer (&normalized, g_free);
  return normalized;
}

static char *
document_title (xmlNode *root)
{
  xmlNode *title = find_tag (root, "title");
  g_autofree char *text = NULL;

  if (title == NULL)
    return g_strdup ("");
  text = text_content (title);
  return normalize_space (text);
}

static guint
word_count (const char *s)
{
  guint count = 1;
  gboolean in_space = FALSE;

  /* JavaScript's s.split(/\s+/).length */
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gboolean space = is_space (g_utf8_get_char (p));

      if (space && !in_space)
        count++;
      in_space = space;
    }
  return count;
}

static char *
regex_replace_1 (GRegex     *regex,
                 const char *s)
{
  return g_regex_replace (regex, s, -1, 0, "\\1", 0, NULL);
}

/* Readability's _getArticleTitle: the <title> without the site name. */
static char *
article_title_from_document (xmlNode *root)
{
  const Patterns *p = patterns ();
  g_autofree char *orig = document_title (root);
  g_autofree char *cur = g_strdup (orig);
  g_autofree char *normalized = NULL;
  gboolean hierarchical = FALSE;
  guint words;

  if (g_regex_match (p->separators, cur, 0, NULL))
    {
      hierarchical = g_regex_match (p->hierarchical, cur, 0, NULL);
      g_free (cur);
      cur = regex_replace_1 (p->title_last, orig);
      if (cur == NULL || word_count (cur) < 3)
        {
          g_free (cur);
          cur = regex_replace_1 (p->title_first, orig);
        }
    }
  else if (strstr (cur, ": "))
    {
      static const char * const h[] = { "h1", "h2", NULL };
      g_autoptr(GPtrArray) headings = collect (root, h);
      g_autofree char *trimmed = g_strstrip (g_strdup (cur));
      gboolean match = FALSE;

      for (guint i = 0; i < headings->len && !match; i++)
        {
          g_autofree char *text = text_content (g_ptr_array_index (headings, i));

          match = strcmp (g_strstrip (text), trimmed) == 0;
        }

      if (!match)
        {
          const char *last = strrchr (orig, ':');
          const char *first = strchr (orig, ':');

          g_free (cur);
          cur = g_strdup (last + 1);
          if (word_count (cur) < 3)
            {
              g_free (cur);
              cur = g_strdup (first + 1);
            }
          else
            {
              g_autofree char *before = g_strndup (orig, first - orig);

              if (word_count (before) > 5)
                {
                  g_free (cur);
                  cur = g_strdup (orig);
                }
            }
        }
    }
  else if (g_utf8_strlen (cur, -1) > 150 || g_utf8_strlen (cur, -1) < 15)
    {
      static const char * const h1[] = { "h1", NULL };
      g_autoptr(GPtrArray) ones = collect (root, h1);

      if (ones->len == 1)
        {
          g_free (cur);
          cur = inner_text (g_ptr_array_index (ones, 0));
        }
    }

  if (cur == NULL)
    cur = g_strdup (orig);

  normalized = normalize_space (cur);
  words = word_count (normalized);
  if (words <= 4)
    {
      g_autoptr(GRegex) seps = g_regex_new ("[|\\-\\\\/>»–—]+", 0, 0, NULL);
      g_autofree char *stripped = g_regex_replace_literal (seps, orig, -1, 0, "", 0, NULL);

      if (!hierarchical || words != word_count (stripped) - 1)
        {
          g_free (normalized);
          normalized = g_strdup (orig);
        }
    }

  return g_steal_pointer (&normalized);
}

/* json-glib's parser recurses: refuse absurdly nested JSON before it does. */
static gboolean
json_depth_ok (const char *s,
               gsize       length)
{
  int depth = 0;
  gboolean in_string = FALSE;

  if (length > MAX_JSON_LENGTH)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = s[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if (c == '}' || c == ']')
        depth--;
    }

  return TRUE;
}

static const char *
json_string_member (JsonObject *o,
                    const char *name)
{
  JsonNode *node;

  if (o == NULL || !json_object_has_member (o, name))
    return NULL;
  node = json_object_get_member (o, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
is_article_type (JsonObject *o)
{
  const Patterns *p = patterns ();
  JsonNode *type;

  if (o == NULL || !json_object_has_member (o, "@type"))
    return FALSE;

  type = json_object_get_member (o, "@type");
  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    return regex_match (p->article_types, json_node_get_string (type));

  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *types = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (types); i++)
        {
          JsonNode *t = json_array_get_element (types, i);

          if (JSON_NODE_HOLDS_VALUE (t) && json_node_get_value_type (t) == G_TYPE_STRING &&
              regex_match (p->article_types, json_node_get_string (t)))
            return TRUE;
        }
    }

  return FALSE;
}

static JsonObject *
find_in_graph (JsonArray  *graph,
               const char *id)
{
  for (guint i = 0; graph && id && i < json_array_get_length (graph); i++)
    {
      JsonNode *item = json_array_get_element (graph, i);

      if (JSON_NODE_HOLDS_OBJECT (item) &&
          g_strcmp0 (json_string_member (json_node_get_object (item), "@id"), id) == 0)
        return json_node_get_object (item);
    }
  return NULL;
}

static const char *
person_name (JsonNode  *node,
             JsonArray *graph)
{
  JsonObject *o;
  const char *name;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  o = json_node_get_object (node);
  if ((name = json_string_member (o, "name")))
    return name;

  o = find_in_graph (graph, json_string_member (o, "@id"));
  return json_string_member (o, "name");
}

static void
read_json_ld (xmlNode   *root,
              GPtrArray *scripts,
              Metadata  *m)
{
  for (guint i = 0; i < scripts->len; i++)
    {
      xmlNode *s = g_ptr_array_index (scripts, i);
      const char *type = get_attr (s, "type");
      g_autoptr(JsonParser) parser = NULL;
      g_autofree char *content = NULL;
      g_autofree char *doc_title = NULL;
      JsonArray *graph = NULL;
      JsonObject *article = NULL;
      JsonNode *node;
      char *json;
      const char *name, *headline, *ctx = NULL, *value;
      JsonObject *o;

      if (type == NULL || g_ascii_strcasecmp (type, "application/ld+json") != 0)
        continue;

      content = text_content (s);
      json = g_strstrip (content);
      if (g_str_has_prefix (json, "<![CDATA["))
        json += 9;
      if (g_str_has_suffix (json, "]]>"))
        json[strlen (json) - 3] = '\0';

      if (!json_depth_ok (json, strlen (json)))
        continue;

      parser = json_parser_new_immutable ();
      if (!json_parser_load_from_data (parser, json, -1, NULL))
        continue;

      node = json_parser_get_root (parser);
      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *items = json_node_get_array (node);

          node = NULL;
          for (guint j = 0; j < json_array_get_length (items); j++)
            {
              JsonNode *item = json_array_get_element (items, j);

              if (JSON_NODE_HOLDS_OBJECT (item) && is_article_type (json_node_get_object (item)))
                {
                  node = item;
                  break;
                }
            }
        }
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        continue;

      o = json_node_get_object (node);
      if (json_object_has_member (o, "@context"))
        {
          JsonNode *c = json_object_get_member (o, "@context");

          if (JSON_NODE_HOLDS_VALUE (c) && json_node_get_value_type (c) == G_TYPE_STRING)
            ctx = json_node_get_string (c);
          else if (JSON_NODE_HOLDS_OBJECT (c))
            ctx = json_string_member (json_node_get_object (c), "@vocab");
        }
      if (!regex_match (patterns ()->schema_org, ctx))
        continue;

      if (json_object_has_member (o, "@graph") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "@graph")))
        graph = json_object_get_array_member (o, "@graph");

      if (!json_object_has_member (o, "@type") && graph)
        {
          for (guint j = 0; j < json_array_get_length (graph) && !article; j++)
            {
              JsonNode *item = json_array_get_element (graph, j);

              if (JSON_NODE_HOLDS_OBJECT (item) && is_article_type (json_node_get_object (item)))
                article = json_node_get_object (item);
            }
        }
      else if (is_article_type (o))
        article = o;

      if (article == NULL)
        continue;

      m->is_article = TRUE;
      name = json_string_member (article, "name");
      headline = json_string_member (article, "headline");
      if (name && headline && strcmp (name, headline) != 0)
        {
          doc_title = article_title_from_document (root);
          if (text_similarity (headline, doc_title) > 0.75 &&
              !(text_similarity (name, doc_title) > 0.75))
            m->title = clean_string (headline);
          else
            m->title = clean_string (name);
        }
      else if (name)
        m->title = clean_string (name);
      else if (headline)
        m->title = clean_string (headline);

      if (json_object_has_member (article, "author"))
        {
          JsonNode *author = json_object_get_member (article, "author");
          const char *an;

          if (JSON_NODE_HOLDS_ARRAY (author))
            {
              JsonArray *list = json_node_get_array (author);
              GString *joined = g_string_new (NULL);

              m->authors = g_ptr_array_new_with_free_func (g_free);
              for (guint j = 0; j < json_array_get_length (list); j++)
                if ((an = person_name (json_array_get_element (list, j), graph)) && *an)
                  {
                    if (joined->len)
                      g_string_append (joined, ", ");
                    g_string_append (joined, an);
                    g_ptr_array_add (m->authors, clean_string (an));
                  }
              if (joined->len)
                m->byline = clean_string (joined->str);
              g_string_free (joined, TRUE);
            }
          else if ((an = person_name (author, graph)))
            m->byline = clean_string (an);
        }

      if ((value = json_string_member (article, "description")))
        m->excerpt = clean_string (value);
      if ((value = json_string_member (article, "alternativeHeadline")))
        m->subtitle = clean_string (value);
      if (json_object_has_member (article, "publisher") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (article, "publisher")))
        {
          JsonObject *publisher = json_object_get_object_member (article, "publisher");

          if ((value = json_string_member (publisher, "name")))
            m->site_name = clean_string (value);
        }
      if ((value = json_string_member (article, "datePublished")))
        m->published = clean_string (value);
      if ((value = json_string_member (article, "url")))
        m->url = clean_string (value);
      if ((value = json_string_member (article, "inLanguage")))
        m->language = clean_string (value);

      break;
    }
}

static const char *
lookup (GHashTable *values,
        const char *key)
{
  const char *v = g_hash_table_lookup (values, key);

  return v && *v ? v : NULL;
}

static gboolean
looks_like_url (const char *s)
{
  return s && (g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://") ||
               g_str_has_prefix (s, "//"));
}

/* @prep: (nullable): a #Survey to fill for prep_document () on the way */
static void
read_metadata (xmlNode  *root,
               Metadata *m,
               Survey   *prep)
{
  const Patterns *p = patterns ();
  g_auto(Survey) own = { NULL, };
  Survey *survey = prep ? prep : &own;
  GPtrArray *metas, *scripts, *times;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *date_fallback = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *content_language = NULL;
  const char *v;

  /* One walk of the page for every list below, and those of
   * prep_document () when asked. */
  metas = survey->metas = g_ptr_array_new ();
  scripts = survey->scripts = g_ptr_array_new ();
  times = survey->times = g_ptr_array_new ();
  if (prep)
    {
      prep->removed = g_ptr_array_new ();
      prep->brs = g_ptr_array_new ();
      prep->fonts = g_ptr_array_new ();
    }
  survey_page (root, survey);

  read_json_ld (root, scripts, m);

  for (guint i = 0; i < metas->len; i++)
    {
      xmlNode *meta = g_ptr_array_index (metas, i);
      const char *name = get_attr (meta, "name");
      const char *property = get_attr (meta, "property");
      const char *content = get_attr (meta, "content");
      const char *itemprop = get_attr (meta, "itemprop");
      const char *http_equiv = get_attr (meta, "http-equiv");
      g_autoptr(GMatchInfo) info = NULL;
      gboolean matched = FALSE;

      if (tag_is (meta, "link"))
        {
          const char *rel = get_attr (meta, "rel");

          if (rel && g_ascii_strcasecmp (rel, "canonical") == 0 && canonical == NULL)
            canonical = g_strdup (get_attr (meta, "href"));
          continue;
        }

      if (content == NULL || *content == '\0')
        continue;

      if (property && g_regex_match (p->property, property, 0, &info))
        {
          g_autofree char *key = g_match_info_fetch (info, 0);
          g_autofree char *lower = g_ascii_strdown (key, -1);
          char *w = lower;

          for (const char *r = lower; *r; r++)
            if (!g_ascii_isspace (*r))
              *w++ = *r;
          *w = '\0';
          g_hash_table_replace (values, g_steal_pointer (&lower), g_strstrip (g_strdup (content)));
          matched = TRUE;
        }

      if (!matched && name && g_regex_match (p->name, name, 0, NULL))
        {
          g_autofree char *lower = g_ascii_strdown (name, -1);
          char *w = lower;

          for (const char *r = lower; *r; r++)
            if (!g_ascii_isspace (*r))
              *w++ = *r == '.' ? ':' : *r;
          *w = '\0';
          g_hash_table_replace (values, g_steal_pointer (&lower), g_strstrip (g_strdup (content)));
        }

      /* Beyond Readability: more places a page keeps its date, URL and
       * language. */
      if (property && g_ascii_strcasecmp (property, "og:url") == 0)
        g_hash_table_replace (values, g_strdup ("og:url"), g_strdup (content));
      if (property && g_ascii_strcasecmp (property, "og:type") == 0 &&
          g_ascii_strcasecmp (content, "article") == 0)
        m->is_article = TRUE;
      if (property && g_ascii_strcasecmp (property, "og:locale") == 0)
        g_hash_table_replace (values, g_strdup ("og:locale"), g_strdup (content));
      if (http_equiv && g_ascii_strcasecmp (http_equiv, "content-language") == 0 &&
          content_language == NULL)
        content_language = g_strdup (content);
      if (date_fallback == NULL &&
          ((itemprop && g_ascii_strcasecmp (itemprop, "datePublished") == 0) ||
           (name && (g_ascii_strcasecmp (name, "date") == 0 ||
                     g_ascii_strcasecmp (name, "dc.date") == 0 ||
                     g_ascii_strcasecmp (name, "dc.date.issued") == 0 ||
                     g_ascii_strcasecmp (name, "dcterms.date") == 0 ||
                     g_ascii_strcasecmp (name, "pubdate") == 0 ||
                     g_ascii_strcasecmp (name, "publishdate") == 0 ||
                     g_ascii_strcasecmp (name, "publish-date") == 0 ||
                     g_ascii_strcasecmp (name, "sailthru.date") == 0 ||
                     g_ascii_strcasecmp (name, "article.published") == 0 ||
                     g_ascii_strcasecmp (name, "article:published_time") == 0))))
        date_fallback = g_strdup (content);
    }

  if (m->title == NULL)
    {
      const char *keys[] = { "dc:title", "dcterm:title", "og:title", "weibo:article:title",
                             "weibo:webpage:title", "title", "twitter:title", "parsely-title" };

      for (guint i = 0; i < G_N_ELEMENTS (keys) && m->title == NULL; i++)
        if ((v = lookup (values, keys[i])))
          m->title = clean_string (v);
    }
  if (m->title == NULL)
    {
      g_autofree char *title = article_title_from_document (root);

      m->title = clean_string (title);
    }

  if (m->byline == NULL)
    {
      const char *keys[] = { "dc:creator", "dcterm:creator", "author", "parsely-author" };

      for (guint i = 0; i < G_N_ELEMENTS (keys) && m->byline == NULL; i++)
        if ((v = lookup (values, keys[i])))
          m->byline = clean_string (v);
      if (m->byline == NULL && (v = lookup (values, "article:author")) && !looks_like_url (v))
        m->byline = clean_string (v);
    }

  if (m->excerpt == NULL)
    {
      const char *keys[] = { "dc:description", "dcterm:description", "og:description",
                             "weibo:article:description", "weibo:webpage:description",
                             "description", "twitter:description" };

      for (guint i = 0; i < G_N_ELEMENTS (keys) && m->excerpt == NULL; i++)
        if ((v = lookup (values, keys[i])))
          m->excerpt = clean_string (v);
    }

  if (m->site_name == NULL && (v = lookup (values, "og:site_name")))
    m->site_name = clean_string (v);

  if (m->published == NULL)
    {
      if ((v = lookup (values, "article:published_time")) ||
          (v = lookup (values, "parsely-pub-date")))
        m->published = clean_string (v);
      else if (date_fallback)
        m->published = clean_string (date_fallback);
    }
  if (m->published == NULL)
    {
      const char *first = NULL;

      for (guint i = 0; i < times->len; i++)
        {
          xmlNode *t = g_ptr_array_index (times, i);
          const char *dt = get_attr (t, "datetime");
          const char *itemprop = get_attr (t, "itemprop");

          if (dt == NULL || *dt == '\0')
            continue;
          if (get_attr (t, "pubdate") || (itemprop && strstr (itemprop, "datePublished")))
            {
              first = dt;
              break;
            }
          if (first == NULL)
            first = dt;
        }
      if (first)
        m->published = clean_string (first);
    }

  if (m->url == NULL)
    {
      if ((v = lookup (values, "og:url")))
        m->url = clean_string (v);
      else if (canonical && looks_like_url (canonical))
        m->url = clean_string (canonical);
    }

  if (m->language == NULL)
    {
      const char *lang = get_attr (root, "lang");

      if (lang == NULL || *lang == '\0')
        lang = get_attr (root, "xml:lang");
      if (lang && *lang)
        m->language = clean_string (lang);
      else if (content_language)
        m->language = clean_string (content_language);
      else if ((v = lookup (values, "og:locale")))
        {
          m->language = clean_string (v);
          if (m->language)
            g_strdelimit (m->language, "_", '-');
        }
    }
}

/* "2025-11-27T05:00:00-05:00", "2019-04-28 06:01:07", "2024/06/25": the
 * calendar date as written, at UTC midnight. */
static GDateTime *
parse_published (const char *s)
{
  int y, mo, d;

  if (s == NULL)
    return NULL;
  while (g_ascii_isspace (*s))
    s++;

  if (sscanf (s, "%4d-%2d-%2d", &y, &mo, &d) == 3 ||
      sscanf (s, "%4d/%2d/%2d", &y, &mo, &d) == 3)
    {
      if (g_date_valid_dmy (d, mo, y))
        return g_date_time_new_utc (y, mo, d, 0, 0, 0);
      return NULL;
    }

  if (strlen (s) >= 8 && sscanf (s, "%4d%2d%2d", &y, &mo, &d) == 3 && g_date_valid_dmy (d, mo, y) &&
      y > 1800)
    return g_date_time_new_utc (y, mo, d, 0, 0, 0);

  return NULL;
}

static gboolean
has_letters (const char *s)
{
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static const char * const month_names[] = {
  "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
  "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
  "november", "dec", "december", "updated", "published", NULL
};

static void
add_author (GStrvBuilder *builder,
            GPtrArray    *seen,
            const char   *raw)
{
  const Patterns *p = patterns ();
  g_autofree char *part = normalize_space (raw);
  g_autofree char *stripped = NULL;
  g_autofree char *lower = NULL;
  char *digit;

  stripped = g_regex_replace_literal (p->author_prefix, part, -1, 0, "", 0, NULL);
  g_strstrip (stripped);
  while (*stripped && strchr (":-", *stripped))
    memmove (stripped, stripped + 1, strlen (stripped));

  /* "Lucas Nolan22 Dec 2016": a date glued to the name */
  for (digit = stripped; *digit && !g_ascii_isdigit (*digit); digit++)
    ;
  *digit = '\0';
  g_strstrip (stripped);
  while (*stripped && strchr ("-–—:", stripped[strlen (stripped) - 1]))
    {
      stripped[strlen (stripped) - 1] = '\0';
      g_strstrip (stripped);
    }

  if (*stripped == '\0' || !has_letters (stripped) || strchr (stripped, '@') ||
      looks_like_url (stripped) || g_utf8_strlen (stripped, -1) > 60)
    return;

  lower = g_utf8_strdown (stripped, -1);
  if (g_strv_contains (month_names, lower))
    return;
  for (guint j = 0; j < seen->len; j++)
    if (strcmp (g_ptr_array_index (seen, j), lower) == 0)
      return;

  g_ptr_array_add (seen, g_steal_pointer (&lower));
  g_strv_builder_add (builder, stripped);
}

/* "By Jane Doe and John Roe", "Written by A\nEdited by B", "A, B & C";
 * but "Mac & i" is one name. */
static GStrv
split_byline (const char *byline)
{
  const Patterns *p = patterns ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;

  if (byline == NULL || looks_like_url (byline))
    return NULL;

  parts = g_regex_split (p->author_split, byline, 0);
  for (guint i = 0; parts[i]; i++)
    {
      g_auto(GStrv) pieces = g_regex_split (p->author_and, parts[i], 0);
      gboolean all_names = g_strv_length (pieces) > 1;

      for (guint j = 0; pieces[j] && all_names; j++)
        {
          g_autofree char *piece = normalize_space (pieces[j]);

          all_names = strchr (piece, ' ') != NULL;
        }

      if (all_names)
        for (guint j = 0; pieces[j]; j++)
          add_author (builder, seen, pieces[j]);
      else
        add_author (builder, seen, parts[i]);
    }

  return g_strv_builder_end (builder);
}

/* ---------------------------------------------------------------- input */

static const char *
skip_bom (const char *data,
          gsize      *length)
{
  if (*length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      *length -= 3;
      return data + 3;
    }
  return data;
}

/* A <meta charset> or http-equiv declaration in the first bytes. */
static char *
sniff_charset (const char *data,
               gsize       length)
{
  gsize n = MIN (length, 8192);

  for (gsize i = 0; i + 8 < n; i++)
    {
      gsize j;
      char quote = 0;
      GString *name;
      gsize k;
      gboolean in_meta = FALSE;

      if (g_ascii_strncasecmp (data + i, "charset", 7) != 0 &&
          g_ascii_strncasecmp (data + i, "encoding", 8) != 0)
        continue;

      for (k = i; k > 0 && i - k < 1024; k--)
        if (data[k - 1] == '<' || data[k - 1] == '>')
          {
            in_meta = data[k - 1] == '<' &&
                      (g_ascii_strncasecmp (data + k, "meta", 4) == 0 ||
                       g_ascii_strncasecmp (data + k, "?xml", 4) == 0);
            break;
          }
      if (!in_meta)
        continue;

      j = i + (data[i] == 'c' || data[i] == 'C' ? 7 : 8);
      while (j < n && g_ascii_isspace (data[j]))
        j++;
      if (j >= n || data[j] != '=')
        continue;
      j++;
      while (j < n && g_ascii_isspace (data[j]))
        j++;
      if (j < n && (data[j] == '"' || data[j] == '\''))
        quote = data[j++];

      name = g_string_new (NULL);
      while (j < n && (g_ascii_isalnum (data[j]) || strchr ("-_.:", data[j])) && name->len < 40)
        g_string_append_c (name, data[j++]);
      (void)quote;

      if (name->len > 0)
        return g_string_free (name, FALSE);
      g_string_free (name, TRUE);
    }

  return NULL;
}

static gboolean
is_utf8_name (const char *charset)
{
  return g_ascii_strcasecmp (charset, "utf-8") == 0 || g_ascii_strcasecmp (charset, "utf8") == 0 ||
         g_ascii_strncasecmp (charset, "utf-16", 6) == 0 ||  /* a lie in an 8-bit file */
         g_ascii_strcasecmp (charset, "unicode") == 0;
}

/* iconv that replaces what it cannot read with U+FFFD instead of giving
 * up on the whole page. */
static char *
convert_lenient (const char *data,
                 gsize       length,
                 const char *charset)
{
  GIConv cd = g_iconv_open ("UTF-8", charset);
  GString *out;
  gchar *in = (gchar *)data;
  gsize in_left = length;

  if (cd == (GIConv)-1)
    return NULL;

  out = g_string_sized_new (length + length / 2 + 16);
  while (in_left > 0)
    {
      char buf[8192];
      gchar *outp = buf;
      gsize out_left = sizeof buf;
      gsize r = g_iconv (cd, &in, &in_left, &outp, &out_left);

      g_string_append_len (out, buf, outp - buf);
      if (r == (gsize)-1)
        {
          if (errno == E2BIG)
            continue;
          if (errno != EILSEQ && errno != EINVAL)
            break;
          g_string_append (out, "\xEF\xBF\xBD");
          in++;
          in_left--;
        }
    }
  g_iconv_close (cd);

  /* a NUL from the input would cut the text short */
  for (gsize i = 0; i < out->len; i++)
    if (out->str[i] == '\0')
      out->str[i] = ' ';

  return g_string_free (out, FALSE);
}

/* The encodings browsers actually use for these labels (WHATWG Encoding):
 * the supersets, so that pages written with the vendor extensions read. */
static const char *
encoding_for_label (const char *label)
{
  static const struct { const char *label; const char *encoding; } labels[] = {
    { "iso-8859-1", "WINDOWS-1252" }, { "iso8859-1", "WINDOWS-1252" }, { "latin1", "WINDOWS-1252" },
    { "us-ascii", "WINDOWS-1252" }, { "ascii", "WINDOWS-1252" }, { "iso-8859-9", "WINDOWS-1254" },
    { "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "x-gbk", "GB18030" },
    { "gb_2312-80", "GB18030" },
    { "shift_jis", "CP932" }, { "shift-jis", "CP932" }, { "sjis", "CP932" }, { "x-sjis", "CP932" },
    { "ms_kanji", "CP932" }, { "windows-31j", "CP932" }, { "euc-kr", "CP949" },
    { "ks_c_5601-1987", "CP949" }, { "big5", "BIG5-HKSCS" }, { "tis-620", "CP874" },
    { "iso-8859-11", "CP874" }, { "windows-874", "CP874" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_ascii_strcasecmp (label, labels[i].label) == 0)
      return labels[i].encoding;
  return label;
}

static char *
guess_charset (const char *data,
               gsize       length)
{
  uchardet_t ud = uchardet_new ();
  char *charset;

  uchardet_handle_data (ud, data, MIN (length, 1024 * 1024));
  uchardet_data_end (ud);
  charset = g_strdup (uchardet_get_charset (ud));
  uchardet_delete (ud);

  if (charset == NULL || *charset == '\0' || is_utf8_name (charset) ||
      g_ascii_strcasecmp (charset, "ASCII") == 0)
    {
      g_free (charset);
      return NULL;
    }
  return charset;
}

/* Returns the page as UTF-8. */
static char *
to_utf8 (const char *data,
         gsize       length,
         const char *charset_hint)
{
  g_autofree char *declared = NULL;
  g_autofree char *guessed = NULL;
  const char *charset;
  char *converted;

  data = skip_bom (data, &length);

  if (length >= 2 && ((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE))
    return convert_lenient (data + 2, length - 2, "UTF-16LE");
  if (length >= 2 && ((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF))
    return convert_lenient (data + 2, length - 2, "UTF-16BE");

  /* Valid UTF-8 is UTF-8 whatever the page declares: pages are often
   * re-encoded on saving and keep their old <meta charset>, and text in a
   * legacy encoding is practically never valid UTF-8 by chance. */
  if (g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);

  charset = charset_hint;
  if (charset == NULL)
    charset = declared = sniff_charset (data, length);

  if (charset != NULL && is_utf8_name (charset))
    return g_utf8_make_valid (data, length);

  if (charset == NULL)
    charset = guessed = guess_charset (data, length);
  if (charset == NULL)
    charset = "WINDOWS-1252";

  if ((converted = convert_lenient (data, length, encoding_for_label (charset))))
    return converted;
  return convert_lenient (data, length, "WINDOWS-1252");
}

/* Drops attributes past MAX_ATTRIBUTES in every tag; NULL when no tag has
 * that many (the usual case). */
static char *
defuse_attributes (const char *s,
                   gsize       length,
                   gsize      *out_length)
{
  GString *out = NULL;
  gsize copied = 0;
  gsize i = 0;

  while (i < length)
    {
      const char *lt = memchr (s + i, '<', length - i);
      guint count = 0;
      gsize j;

      if (lt == NULL)
        break;
      j = lt - s + 1;
      if (j >= length || !g_ascii_isalpha (s[j]))
        {
          i = j;
          continue;
        }

      while (j < length && !g_ascii_isspace (s[j]) && s[j] != '>' && s[j] != '/')
        j++;

      for (;;)
        {
          gsize start;

          while (j < length && (g_ascii_isspace (s[j]) || s[j] == '/'))
            j++;
          if (j >= length || s[j] == '>' || s[j] == '<')
            break;

          start = j;
          while (j < length && !g_ascii_isspace (s[j]) && s[j] != '=' && s[j] != '>')
            j++;
          while (j < length && g_ascii_isspace (s[j]))
            j++;
          if (j < length && s[j] == '=')
            {
              j++;
              while (j < length && g_ascii_isspace (s[j]))
                j++;
              if (j < length && (s[j] == '"' || s[j] == '\''))
                {
                  const char *close = memchr (s + j + 1, s[j], length - j - 1);

                  j = close ? (gsize)(close - s) + 1 : length;
                }
              else
                while (j < length && !g_ascii_isspace (s[j]) && s[j] != '>')
                  j++;
            }

          if (++count > MAX_ATTRIBUTES)
            {
              if (out == NULL)
                out = g_string_sized_new (length);
              g_string_append_len (out, s + copied, start - copied);
              copied = j;
            }
        }

      i = j;
    }

  if (out == NULL)
    return NULL;

  g_string_append_len (out, s + copied, length - copied);
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

/* The text of a page the tree could not hold (libxml2 stops at its depth
 * limit): tags dropped, scripts and styles skipped, entities decoded. */
static char *
strip_tags (const char *s)
{
  GString *raw = g_string_new (NULL);
  g_autofree char *decoded = NULL;
  const char *p = s;

  while (*p)
    {
      if (*p != '<')
        {
          const char *lt = strchr (p, '<');
          gsize n = lt ? (gsize)(lt - p) : strlen (p);

          g_string_append_len (raw, p, n);
          p += n;
          continue;
        }

      if (strncmp (p, "<!--", 4) == 0)
        {
          const char *end = strstr (p + 4, "-->");

          p = end ? end + 3 : p + strlen (p);
          continue;
        }
      if (g_ascii_strncasecmp (p, "<script", 7) == 0 || g_ascii_strncasecmp (p, "<style", 6) == 0)
        {
          gboolean script = g_ascii_toupper (p[2]) == 'C';
          const char *end = script ? strstr (p, "</script") : strstr (p, "</style");

          if (end == NULL)
            end = script ? strstr (p, "</SCRIPT") : strstr (p, "</STYLE");
          p = end ? end + 2 : p + strlen (p);
        }

      {
        const char *gt = strchr (p, '>');

        g_string_append_c (raw, ' ');
        p = gt ? gt + 1 : p + strlen (p);
      }
    }

  decoded = unescape_entities (raw->str);
  g_string_free (raw, TRUE);
  return normalize_space (decoded);
}

/* An internal DTD subset is XML, not HTML: libxml2's HTML parser would show
 * its entity declarations as text (it never expands them). */
static void
drop_internal_subset (char  *s,
                      gsize *length)
{
  char *doctype = NULL;
  char *open, *close, *gt;
  gsize n = MIN (*length, 4096);

  for (gsize i = 0; i + 9 < n && doctype == NULL; i++)
    if (s[i] == '<' && g_ascii_strncasecmp (s + i, "<!doctype", 9) == 0)
      doctype = s + i;
  if (doctype == NULL)
    return;

  open = memchr (doctype, '[', *length - (doctype - s));
  gt = memchr (doctype, '>', *length - (doctype - s));
  if (open == NULL || (gt && gt < open))
    return;

  close = g_strstr_len (open, *length - (open - s), "]>");
  close = close ? close + 1 : s + *length;
  memmove (open, close, *length - (close - s) + 1);
  *length -= close - open;
}

static xmlDoc *
parse_document (const char *utf8,
                gsize       length)
{
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;

  if (length > G_MAXINT)
    return NULL;

  /* The text is valid UTF-8 already (to_utf8), and HTML_PARSE_IGNORE_ENC
   * keeps a <meta charset> from re-decoding it: no encoding handler, no
   * extra copy. */
  return htmlReadMemory (utf8, (int)length, NULL, NULL, options);
}

/* ----------------------------------------------------------------- public */

/**
 * _dossier_html_importer_sniff:
 *
 * Whether @data looks like an HTML document, by content.
 */
gboolean
_dossier_html_importer_sniff (const char *data,
                              gsize       length)
{
  const char *p, *end;
  gsize n;

  data = skip_bom (data, &length);
  n = MIN (length, 65536);
  p = data;
  end = data + n;

  for (;;)
    {
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p, end - p, "-->");

          if (close == NULL)
            return FALSE;
          p = close + 3;
          continue;
        }
      if (end - p >= 5 && memcmp (p, "<?xml", 5) == 0)
        {
          const char *close = g_strstr_len (p, end - p, "?>");

          if (close == NULL)
            return FALSE;
          p = close + 2;
          continue;
        }
      break;
    }

  if (end - p < 2 || *p != '<')
    return FALSE;

  if ((end - p >= 14 && g_ascii_strncasecmp (p, "<!doctype html", 14) == 0) ||
      (end - p >= 5 && (g_ascii_strncasecmp (p, "<html", 5) == 0 ||
                        g_ascii_strncasecmp (p, "<head", 5) == 0 ||
                        g_ascii_strncasecmp (p, "<body", 5) == 0)))
    return TRUE;

  /* A fragment: starts with a tag and closes one soon. */
  if (g_ascii_isalpha (p[1]) && g_strstr_len (p, end - p, "</") != NULL)
    {
      static const char * const tags[] = {
        "<meta", "<title", "<p", "<div", "<article", "<section", "<h1", "<h2", "<span",
        "<main", "<table", "<ul", "<link", "<style", "<script", "<a ", "<br", "<header",
        "<nav", "<figure", "<blockquote", NULL
      };

      for (guint i = 0; tags[i]; i++)
        {
          gsize l = strlen (tags[i]);

          if ((gsize)(end - p) > l && g_ascii_strncasecmp (p, tags[i], l) == 0 &&
              (tags[i][l - 1] == ' ' || !g_ascii_isalnum (p[l])))
            return TRUE;
        }
    }

  return FALSE;
}

static void
set_note (DossierArticle *article,
          const char     *note)
{
  g_object_set_data_full (G_OBJECT (article), DOSSIER_IMPORT_NOTE_KEY, g_strdup (note), g_free);
}

static void
grabber_clear (Grabber *g)
{
  g_clear_pointer (&g->graveyard, g_ptr_array_unref);
  if (g->doc)
    xmlFreeDoc (g->doc);
  g->doc = NULL;
  g_clear_pointer (&g->data, g_ptr_array_unref);
  g_clear_pointer (&g->byline, g_free);
  g_clear_pointer (&g->lang, g_free);
  g_clear_pointer (&g->dir, g_free);
}

static void
grabber_init (Grabber    *g,
              xmlDoc     *doc,
              guint       flags,
              const char *title)
{
  memset (g, 0, sizeof *g);
  g->doc = doc;
  g->graveyard = g_ptr_array_new_with_free_func ((GDestroyNotify)xmlFreeNode);
  g->data = g_ptr_array_new_with_free_func (g_free);
  g->flags = flags;
  g->title = title;
}

/* The visible text of the whole page, for pages without an article. */
static char *
page_text (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *body;

  if (root == NULL)
    return g_strdup ("");
  body = find_tag (root, "body");
  return serialize (body ? body : root);
}

static gboolean
has_prose (const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);

  for (guint i = 0; paragraphs[i]; i++)
    if (g_utf8_strlen (paragraphs[i], -1) >= 100)
      return TRUE;
  return FALSE;
}

/* @fallback_url: where the page came from, when the page does not say
 * (an MHTML archive's Content-Location). */
static DossierArticle *
parse_page (const char  *data,
            gsize        length,
            const char  *charset,
            const char  *fallback_url,
            GError     **error)
{
  static const guint attempts[] = {
    FLAG_STRIP_UNLIKELYS | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY,
    FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY,
    FLAG_CLEAN_CONDITIONALLY,
    0,
  };
  g_autofree char *utf8 = NULL;
  g_autofree char *defused = NULL;
  g_autofree char *best_text = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *lang = NULL;
  g_auto(GStrv) authors = NULL;
  g_autoptr(GDateTime) published = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GBytes) text_bytes = NULL;
  g_auto(Survey) first_prep = { NULL, };
  Metadata meta = { NULL, };
  const char *note = NULL;
  glong best_length = -1;
  gsize utf8_length;
  xmlDoc *doc;
  DossierArticle *article;

  utf8 = to_utf8 (data, length, charset);
  if (utf8 == NULL)
    {
      g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_ENCODING,
                           _("The web page's text encoding could not be read"));
      return NULL;
    }
  utf8_length = strlen (utf8);

  if ((defused = defuse_attributes (utf8, utf8_length, &utf8_length)))
    {
      g_free (utf8);
      utf8 = g_steal_pointer (&defused);
    }

  drop_internal_subset (utf8, &utf8_length);

  doc = parse_document (utf8, utf8_length);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      if (doc)
        xmlFreeDoc (doc);
      g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID,
                           _("The web page could not be read"));
      return NULL;
    }

  read_metadata (xmlDocGetRootElement (doc), &meta, &first_prep);

  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      Grabber g;
      xmlNode *content;
      g_autofree char *text = NULL;
      glong text_length;

      if (doc == NULL)
        doc = parse_document (utf8, utf8_length);
      if (doc == NULL)
        break;

      grabber_init (&g, doc, attempts[i], meta.title);
      /* The first attempt works on the tree read_metadata () walked. */
      if (i == 0)
        g.prep = &first_prep;
      doc = NULL;

      content = grab_article (&g);
      if (content == NULL)
        {
          grabber_clear (&g);
          break;
        }

      /* Past CHAR_THRESHOLD the length only ends the attempts: no need to
       * count the rest of a long article. */
      text_length = inner_text_stats (content, NULL, CHAR_THRESHOLD);
      text = serialize (content);
      xmlFreeNode (content);

      if (byline == NULL && g.byline)
        byline = g_strdup (g.byline);
      if (lang == NULL && g.lang)
        lang = g_strdup (g.lang);

      if (text_length > best_length)
        {
          best_length = text_length;
          g_free (best_text);
          best_text = g_steal_pointer (&text);
          g_free (dir);
          dir = g_strdup (g.dir);
        }

      grabber_clear (&g);

      if (text_length >= CHAR_THRESHOLD)
        break;
    }

  if (doc)
    xmlFreeDoc (doc);

  if (best_text == NULL || *best_text == '\0')
    {
      xmlDoc *whole = parse_document (utf8, utf8_length);

      g_free (best_text);
      best_text = whole ? page_text (whole) : g_strdup ("");
      if (whole)
        xmlFreeDoc (whole);

      if (*best_text == '\0')
        {
          g_free (best_text);
          best_text = strip_tags (utf8);
        }
      if (*best_text == '\0' && meta.excerpt)
        {
          g_free (best_text);
          best_text = g_strdup (meta.excerpt);
        }
      if (*best_text == '\0' && meta.title)
        {
          g_free (best_text);
          best_text = g_strdup (meta.title);
        }
      if (*best_text == '\0')
        {
          metadata_clear (&meta);
          g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_NO_ARTICLE,
                               _("The web page holds no text"));
          return NULL;
        }
      note = _("No article was found on this page; this is all the text it holds.");
    }

  /* Short text without a single paragraph of prose: a front page, a
   * menu, a stub. Say so rather than pretend it is an article. */
  if (note == NULL && best_length < CHAR_THRESHOLD && !has_prose (best_text))
    note = _("No article was found on this page; this is all the text it holds.");

  if (meta.authors && meta.authors->len > 0 && meta.byline && byline == NULL)
    {
      g_ptr_array_add (meta.authors, NULL);
      authors = g_strdupv ((char **)meta.authors->pdata);
    }
  else
    authors = split_byline (meta.byline ? meta.byline : byline);

  published = parse_published (meta.published);

  subtitle = g_strdup (meta.subtitle);
  /* A description is a dek only on a page that says it is an article: on
   * other pages it describes the site. */
  if (subtitle == NULL && meta.excerpt && (meta.is_article || meta.published))
    {
      /* A description that only repeats the first lines is no dek. */
      glong n = MIN (g_utf8_strlen (meta.excerpt, -1), 200);
      g_autofree char *head = g_utf8_substring (best_text, 0, MIN (n, g_utf8_strlen (best_text, -1)));
      g_autofree char *ex = g_utf8_substring (meta.excerpt, 0, n);

      if (text_similarity (head, ex) < 0.8 && g_utf8_strlen (meta.excerpt, -1) < 400 &&
          g_strcmp0 (meta.excerpt, meta.title) != 0)
        subtitle = g_strdup (meta.excerpt);
    }

  /* The article keeps the text without copying it (with its NUL). */
  text_bytes = g_bytes_new_take (best_text, strlen (best_text) + 1);
  best_text = NULL;

  article = g_object_new (DOSSIER_TYPE_ARTICLE,
                          "title", meta.title,
                          "subtitle", subtitle,
                          "source", meta.site_name,
                          "authors", authors,
                          "published", published,
                          "language", meta.language ? meta.language : lang,
                          "url", meta.url ? meta.url : fallback_url,
                          "format", "html",
                          "text-bytes", text_bytes,
                          NULL);

  if (note)
    set_note (article, note);
  if (dir)
    g_object_set_data_full (G_OBJECT (article), DOSSIER_IMPORT_DIRECTION_KEY,
                            g_strdup (dir), g_free);

  metadata_clear (&meta);
  return article;
}

/**
 * _dossier_html_importer_parse:
 * @data: the page's bytes, in any encoding
 * @length: their length
 * @charset: (nullable): the encoding, when known from outside the page
 * @error: a #GError
 *
 * Imports a saved web page: its main article and its metadata.
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
DossierArticle *
_dossier_html_importer_parse (const char  *data,
                              gsize        length,
                              const char  *charset,
                              GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  return parse_page (data, length, charset, NULL, error);
}

/* ------------------------------------------------------------------ MHTML */

/**
 * _dossier_html_importer_sniff_mhtml:
 *
 * Whether @data is a single-file web archive (MHTML): MIME headers with a
 * multipart/related body.
 */
gboolean
_dossier_html_importer_sniff_mhtml (const char *data,
                                    gsize       length)
{
  gsize n = MIN (length, 16384);
  const char *end_of_headers;
  g_autofree char *headers = NULL;
  g_autofree char *lower = NULL;

  if (n == 0 || !g_ascii_isalpha (data[0]))
    return FALSE;

  end_of_headers = g_strstr_len (data, n, "\n\n");
  if (end_of_headers == NULL)
    end_of_headers = g_strstr_len (data, n, "\r\n\r\n");
  if (end_of_headers == NULL)
    return FALSE;

  headers = g_strndup (data, end_of_headers - data);
  lower = g_ascii_strdown (headers, -1);
  return strstr (lower, "mime-version:") != NULL && strstr (lower, "multipart/related") != NULL;
}

static void
normalize_newlines (char *text)
{
  char *w = text;

  for (const char *r = text; *r; r++)
    {
      if (*r == '\r')
        {
          *w++ = '\n';
          if (r[1] == '\n')
            r++;
        }
      else
        *w++ = *r;
    }
  *w = '\0';
}

static char *
header_param (const char *headers,
              const char *param)
{
  g_autofree char *lower = g_ascii_strdown (headers, -1);
  g_autofree char *needle = g_strconcat (param, "=", NULL);
  const char *p = strstr (lower, needle);
  const char *v;
  GString *out;

  if (p == NULL)
    return NULL;
  v = headers + (p - lower) + strlen (needle);
  out = g_string_new (NULL);
  if (*v == '"')
    {
      for (v++; *v && *v != '"'; v++)
        g_string_append_c (out, *v);
    }
  else
    for (; *v && !g_ascii_isspace (*v) && *v != ';'; v++)
      g_string_append_c (out, *v);

  return g_string_free (out, FALSE);
}

static char *
header_value (const char *headers,
              const char *name)
{
  g_auto(GStrv) lines = g_strsplit (headers, "\n", -1);
  gsize n = strlen (name);

  for (guint i = 0; lines[i]; i++)
    if (g_ascii_strncasecmp (lines[i], name, n) == 0 && lines[i][n] == ':')
      {
        GString *value = g_string_new (lines[i] + n + 1);

        /* folded continuation lines */
        while (lines[i + 1] && (lines[i + 1][0] == ' ' || lines[i + 1][0] == '\t'))
          g_string_append (value, lines[++i]);
        g_strdelimit (value->str, "\r", ' ');
        return g_strstrip (g_string_free (value, FALSE));
      }

  return NULL;
}

static GBytes *
decode_quoted_printable (const char *s,
                         gsize       length)
{
  GByteArray *out = g_byte_array_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (s[i] == '=' && i + 1 < length && (s[i + 1] == '\n' || s[i + 1] == '\r'))
        {
          i++;
          if (s[i] == '\r' && i + 1 < length && s[i + 1] == '\n')
            i++;
        }
      else if (s[i] == '=' && i + 2 < length &&
               g_ascii_isxdigit (s[i + 1]) && g_ascii_isxdigit (s[i + 2]))
        {
          guint8 b = g_ascii_xdigit_value (s[i + 1]) * 16 + g_ascii_xdigit_value (s[i + 2]);

          g_byte_array_append (out, &b, 1);
          i += 2;
        }
      else
        g_byte_array_append (out, (const guint8 *)&s[i], 1);
    }

  return g_byte_array_free_to_bytes (out);
}

/**
 * _dossier_html_importer_parse_mhtml:
 *
 * Imports the first HTML part of an MHTML web archive.
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
DossierArticle *
_dossier_html_importer_parse_mhtml (const char  *data,
                                    gsize        length,
                                    GError     **error)
{
  g_autofree char *text = g_strndup (data, length);
  g_autofree char *headers = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *boundary = NULL;
  g_autofree char *delimiter = NULL;
  char *body, *part;

  normalize_newlines (text);
  body = strstr (text, "\n\n");
  if (body == NULL)
    goto invalid;

  headers = g_strndup (text, body - text);
  content_type = header_value (headers, "Content-Type");
  if (content_type == NULL || !(boundary = header_param (content_type, "boundary")))
    goto invalid;

  delimiter = g_strconcat ("--", boundary, NULL);
  part = strstr (body, delimiter);
  while (part != NULL)
    {
      char *part_body, *next;
      g_autofree char *part_headers = NULL;
      g_autofree char *type = NULL;
      g_autofree char *encoding = NULL;
      g_autofree char *charset = NULL;
      g_autoptr(GBytes) decoded = NULL;
      gsize part_length;

      part += strlen (delimiter);
      if (g_str_has_prefix (part, "--"))
        break;

      part_body = strstr (part, "\n\n");
      if (part_body == NULL)
        break;
      next = strstr (part_body, delimiter);
      part_length = next ? (gsize)(next - part_body) : strlen (part_body);

      part_headers = g_strndup (part, part_body - part);
      type = header_value (part_headers, "Content-Type");
      if (type == NULL || g_ascii_strncasecmp (type, "text/html", 9) != 0)
        {
          part = next;
          continue;
        }

      encoding = header_value (part_headers, "Content-Transfer-Encoding");
      charset = header_param (type, "charset");
      part_body += 2;
      part_length -= 2;

      if (encoding && g_ascii_strcasecmp (encoding, "quoted-printable") == 0)
        decoded = decode_quoted_printable (part_body, part_length);
      else if (encoding && g_ascii_strcasecmp (encoding, "base64") == 0)
        {
          g_autofree char *b64 = g_strndup (part_body, part_length);
          gsize n = 0;
          guchar *raw;

          /* the line breaks were CRLF turned into two LFs: both are skipped */
          raw = g_base64_decode (b64, &n);
          decoded = g_bytes_new_take (raw, n);
        }
      else
        decoded = g_bytes_new (part_body, part_length);

      {
        gsize n = 0;
        const char *bytes = g_bytes_get_data (decoded, &n);

        g_autofree char *location = header_value (part_headers, "Content-Location");

        if (location == NULL)
          location = header_value (headers, "Snapshot-Content-Location");
        if (location && !g_str_has_prefix (location, "http"))
          g_clear_pointer (&location, g_free);

        return parse_page (bytes ? bytes : "", n, charset, location, error);
      }
    }

invalid:
  g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID,
                       _("The web archive holds no web page"));
  return NULL;
}
