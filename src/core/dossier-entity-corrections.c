/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-entity-corrections"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-entity-corrections.h"
#include "dossier-entity-private.h"

/*
 * The user's corrections of the entity analysis, kept in the notes file
 * (dossier_document_set_entity_corrections()) as a list applied in order
 * on top of every fresh analysis:
 *
 *   { "action": "rename", "name": "Witkof", "kind": "person", "to": "Steve Witkoff" }
 *   { "action": "kind",   "name": "Porto", "kind": "place", "to": "organization" }
 *   { "action": "merge",  "name": "U.S.", "kind": "place",
 *                         "into": { "name": "United States", "kind": "place" } }
 *   { "action": "hide",   "name": "Despite", "kind": "person" }
 *   { "action": "show",   "name": "Despite", "kind": "person" }
 *   { "action": "add",    "text": "Rail Authority", "kind": "organization" }
 *
 * An entity is named by what the user saw: its name and kind at the time
 * of the correction, that is after the corrections before it. Names match
 * normalized (NFKC, case-folded, runs of white space as one space), on
 * the entity's name first and then on its other forms, so a correction
 * still finds its entity when a better analysis names it more fully. A
 * renamed entity keeps its old name as another form; renamed to the name
 * of another entity of its kind, it is merged into that one.
 *
 * An added entity is its text: every whole-word occurrence in the article
 * is a mention, found again after each analysis and after the text
 * changed. It takes those spans from the analysis's entities, unless one
 * of them is a longer name around it.
 *
 * Corrections that name no entity of this analysis, or that this version
 * does not know, are skipped and kept.
 *
 * The analysis's entities are never changed: those the corrections touch
 * are copied.
 */

typedef struct
{
  DossierEntity *entity;
  char          *norm_name;
  guint          owned : 1;   /* a copy, ours to change */
  guint          merged : 1;  /* gone into another */
  guint          hidden : 1;
} Slot;

typedef struct
{
  GArray     *slots;
  GHashTable *names;    /* "kind:normalized" → GArray of slot indices */
  GHashTable *aliases;
  const char *text;
} Apply;

/* Building corrections */

static gboolean
append_key (JsonObject    *object,
            DossierEntity *entity)
{
  json_object_set_string_member (object, "name", dossier_entity_get_name (entity));
  json_object_set_string_member (object, "kind",
                                 dossier_entity_kind_to_string (dossier_entity_get_kind (entity)));
  return TRUE;
}

static JsonObject *
correction_new (const char    *action,
                DossierEntity *entity)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "action", action);
  if (entity != NULL)
    append_key (object, entity);

  return object;
}

/**
 * dossier_entity_correction_new_rename:
 * @entity: the entity as shown
 * @name: its new name
 *
 * Returns: (transfer full): the correction
 */
JsonObject *
dossier_entity_correction_new_rename (DossierEntity *entity,
                                      const char    *name)
{
  JsonObject *object;

  g_return_val_if_fail (DOSSIER_IS_ENTITY (entity), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  object = correction_new ("rename", entity);
  json_object_set_string_member (object, "to", name);

  return object;
}

/**
 * dossier_entity_correction_new_merge:
 * @entity: the entity that goes
 * @into: the entity that takes its mentions and names
 *
 * Returns: (transfer full): the correction
 */
JsonObject *
dossier_entity_correction_new_merge (DossierEntity *entity,
                                     DossierEntity *into)
{
  JsonObject *object;
  JsonObject *target;

  g_return_val_if_fail (DOSSIER_IS_ENTITY (entity), NULL);
  g_return_val_if_fail (DOSSIER_IS_ENTITY (into), NULL);

  object = correction_new ("merge", entity);
  target = json_object_new ();
  append_key (target, into);
  json_object_set_object_member (object, "into", target);

  return object;
}

/**
 * dossier_entity_correction_new_kind:
 * @entity: the entity as shown
 * @kind: what it really is
 *
 * Returns: (transfer full): the correction
 */
JsonObject *
dossier_entity_correction_new_kind (DossierEntity     *entity,
                                    DossierEntityKind  kind)
{
  JsonObject *object;

  g_return_val_if_fail (DOSSIER_IS_ENTITY (entity), NULL);

  object = correction_new ("kind", entity);
  json_object_set_string_member (object, "to", dossier_entity_kind_to_string (kind));

  return object;
}

/**
 * dossier_entity_correction_new_hide:
 * @entity: the entity as shown
 *
 * Returns: (transfer full): the correction
 */
JsonObject *
dossier_entity_correction_new_hide (DossierEntity *entity)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (entity), NULL);

  return correction_new ("hide", entity);
}

/**
 * dossier_entity_correction_new_show:
 * @entity: a hidden entity
 *
 * Returns: (transfer full): the correction that shows it again
 */
JsonObject *
dossier_entity_correction_new_show (DossierEntity *entity)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (entity), NULL);

  return correction_new ("show", entity);
}

/**
 * dossier_entity_correction_new_add:
 * @text: a name as the article writes it
 * @kind: what it is
 *
 * Returns: (transfer full): the correction that makes every occurrence of
 *   @text a mention of an entity of that name
 */
JsonObject *
dossier_entity_correction_new_add (const char        *text,
                                   DossierEntityKind  kind)
{
  g_autofree char *stripped = NULL;
  JsonObject *object;

  g_return_val_if_fail (text != NULL, NULL);

  stripped = g_strstrip (g_strdup (text));
  object = correction_new ("add", NULL);
  json_object_set_string_member (object, "text", stripped);
  json_object_set_string_member (object, "kind", dossier_entity_kind_to_string (kind));

  return object;
}

/* Names */

/**
 * dossier_entity_corrections_normalize:
 * @name: a name
 *
 * Returns: (transfer full): @name as corrections compare it: NFKC,
 *   case-folded, white space collapsed
 */
char *
dossier_entity_corrections_normalize (const char *name)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  nfkc = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (nfkc, -1);

  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * dossier_entity_kind_from_string:
 * @str: "person", "organization" or "place"
 * @kind: (out): the kind
 *
 * Returns: %TRUE if @str names a kind
 */
gboolean
dossier_entity_kind_from_string (const char        *str,
                                 DossierEntityKind *kind)
{
  static const DossierEntityKind kinds[] = {
    DOSSIER_ENTITY_PERSON, DOSSIER_ENTITY_ORGANIZATION, DOSSIER_ENTITY_PLACE,
  };

  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (str, dossier_entity_kind_to_string (kinds[i])))
      {
        *kind = kinds[i];
        return TRUE;
      }

  return FALSE;
}

static char *
index_key (DossierEntityKind  kind,
           const char        *norm)
{
  return g_strdup_printf ("%d:%s", kind, norm);
}

static void
index_add (GHashTable        *table,
           DossierEntityKind  kind,
           const char        *norm,
           guint              slot)
{
  char *key = index_key (kind, norm);
  GArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (table, key, list);
    }
  else
    g_free (key);

  for (guint i = 0; i < list->len; i++)
    if (g_array_index (list, guint, i) == slot)
      return;

  g_array_append_val (list, slot);
}

static void
index_entity (Apply *apply,
              guint  i)
{
  Slot *slot = &g_array_index (apply->slots, Slot, i);
  DossierEntityKind kind = dossier_entity_get_kind (slot->entity);
  const char * const *aliases = dossier_entity_get_aliases (slot->entity);

  index_add (apply->names, kind, slot->norm_name, i);
  for (guint a = 0; aliases != NULL && aliases[a]; a++)
    {
      g_autofree char *norm = dossier_entity_corrections_normalize (aliases[a]);

      index_add (apply->aliases, kind, norm, i);
    }
}

/* The entity a correction names: by name, then by another form. */
static Slot *
lookup (Apply      *apply,
        JsonObject *key)
{
  const char *name = json_object_get_string_member_with_default (key, "name", NULL);
  const char *kind_str = json_object_get_string_member_with_default (key, "kind", NULL);
  g_autofree char *norm = NULL;
  g_autofree char *k = NULL;
  DossierEntityKind kind;

  if (name == NULL || !dossier_entity_kind_from_string (kind_str, &kind))
    return NULL;

  norm = dossier_entity_corrections_normalize (name);
  k = index_key (kind, norm);

  for (guint pass = 0; pass < 2; pass++)
    {
      GArray *list = g_hash_table_lookup (pass == 0 ? apply->names : apply->aliases, k);

      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          Slot *slot = &g_array_index (apply->slots, Slot, g_array_index (list, guint, i));

          if (slot->merged || dossier_entity_get_kind (slot->entity) != kind)
            continue;
          if (pass == 0 && !g_str_equal (slot->norm_name, norm))
            continue;

          return slot;
        }
    }

  return NULL;
}

/* Copy on write */

static DossierEntity *
copy_entity (DossierEntity *entity)
{
  DossierEntity *copy = dossier_entity_new (dossier_entity_get_name (entity),
                                            dossier_entity_get_kind (entity));
  const char * const *aliases = dossier_entity_get_aliases (entity);
  const DossierEntityMention *mentions;
  guint n = 0;

  dossier_entity_set_role (copy, dossier_entity_get_role (entity));
  for (guint i = 0; aliases != NULL && aliases[i]; i++)
    dossier_entity_add_alias (copy, aliases[i]);

  mentions = dossier_entity_get_mentions (entity, &n);
  for (guint i = 0; i < n; i++)
    _dossier_entity_append_mention (copy, mentions[i].start, mentions[i].end);

  return copy;
}

static DossierEntity *
own (Slot *slot)
{
  if (!slot->owned)
    {
      DossierEntity *copy = copy_entity (slot->entity);

      g_object_unref (slot->entity);
      slot->entity = copy;
      slot->owned = TRUE;
    }

  return slot->entity;
}

/* A copy of @entity's mentions without those @drop says to drop. */
static DossierEntity *
filter_mentions (DossierEntity *entity,
                 gboolean     (*drop) (const DossierEntityMention *m,
                                      gpointer                    data),
                 gpointer        data)
{
  DossierEntity *copy = dossier_entity_new (dossier_entity_get_name (entity),
                                            dossier_entity_get_kind (entity));
  const char * const *aliases = dossier_entity_get_aliases (entity);
  const DossierEntityMention *mentions;
  guint n = 0;

  dossier_entity_set_role (copy, dossier_entity_get_role (entity));
  for (guint i = 0; aliases != NULL && aliases[i]; i++)
    dossier_entity_add_alias (copy, aliases[i]);

  mentions = dossier_entity_get_mentions (entity, &n);
  for (guint i = 0; i < n; i++)
    if (!drop (&mentions[i], data))
      _dossier_entity_append_mention (copy, mentions[i].start, mentions[i].end);

  return copy;
}

static void
replace_entity (Slot          *slot,
                DossierEntity *entity)
{
  g_object_unref (slot->entity);
  slot->entity = entity;
  slot->owned = TRUE;
}

/* Actions */

static void apply_merge (Apply      *apply,
                         Slot       *slot,
                         JsonObject *correction);

static void
apply_rename (Apply      *apply,
              Slot       *slot,
              JsonObject *correction)
{
  const char *to = json_object_get_string_member_with_default (correction, "to", NULL);
  g_autofree char *stripped = NULL;
  g_autofree char *old_name = NULL;
  DossierEntity *entity;

  if (to == NULL)
    return;
  stripped = g_strstrip (g_strdup (to));
  if (*stripped == '\0')
    return;

  /* The name of another entity of the kind: they are one, merge. */
  {
    g_autoptr(JsonObject) merge = json_object_new ();
    g_autofree char *norm = dossier_entity_corrections_normalize (stripped);
    JsonObject *into = json_object_new ();
    Slot *other;

    json_object_set_string_member (into, "name", stripped);
    json_object_set_string_member (into, "kind",
                                   dossier_entity_kind_to_string (dossier_entity_get_kind (slot->entity)));
    json_object_set_object_member (merge, "into", into);
    other = lookup (apply, into);
    if (other != NULL && other != slot && g_str_equal (other->norm_name, norm))
      {
        apply_merge (apply, slot, merge);
        return;
      }
  }

  entity = own (slot);
  old_name = g_strdup (dossier_entity_get_name (entity));
  dossier_entity_set_name (entity, stripped);
  dossier_entity_add_alias (entity, old_name);

  g_free (slot->norm_name);
  slot->norm_name = dossier_entity_corrections_normalize (stripped);
  index_entity (apply, slot - (Slot *) (gpointer) apply->slots->data);
}

static void
apply_kind (Apply      *apply,
            Slot       *slot,
            JsonObject *correction)
{
  const char *to = json_object_get_string_member_with_default (correction, "to", NULL);
  DossierEntityKind kind;

  if (!dossier_entity_kind_from_string (to, &kind) ||
      kind == dossier_entity_get_kind (slot->entity))
    return;

  dossier_entity_set_kind (own (slot), kind);
  index_entity (apply, slot - (Slot *) (gpointer) apply->slots->data);
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const DossierEntityMention *ma = a;
  const DossierEntityMention *mb = b;

  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  return (ma->end > mb->end) - (ma->end < mb->end);
}

static void
apply_merge (Apply      *apply,
             Slot       *slot,
             JsonObject *correction)
{
  JsonObject *into = json_object_get_object_member (correction, "into");
  g_autoptr(GArray) all = NULL;
  g_autoptr(DossierEntity) merged = NULL;
  const DossierEntityMention *mentions;
  const char * const *aliases;
  DossierEntity *source, *target;
  Slot *target_slot;
  guint n = 0;
  guint last_end = 0;
  gboolean have_last = FALSE;

  if (into == NULL || (target_slot = lookup (apply, into)) == NULL || target_slot == slot)
    return;

  source = slot->entity;
  target = target_slot->entity;

  /* Both lists are in text order; the union is sorted once. */
  all = g_array_new (FALSE, FALSE, sizeof (DossierEntityMention));
  mentions = dossier_entity_get_mentions (target, &n);
  g_array_append_vals (all, mentions, n);
  mentions = dossier_entity_get_mentions (source, &n);
  g_array_append_vals (all, mentions, n);
  g_array_sort (all, compare_mentions);

  merged = dossier_entity_new (dossier_entity_get_name (target), dossier_entity_get_kind (target));
  dossier_entity_set_role (merged, dossier_entity_get_role (target) ?: dossier_entity_get_role (source));

  aliases = dossier_entity_get_aliases (target);
  for (guint i = 0; aliases != NULL && aliases[i]; i++)
    dossier_entity_add_alias (merged, aliases[i]);
  dossier_entity_add_alias (merged, dossier_entity_get_name (source));
  aliases = dossier_entity_get_aliases (source);
  for (guint i = 0; aliases != NULL && aliases[i]; i++)
    dossier_entity_add_alias (merged, aliases[i]);

  for (guint i = 0; i < all->len; i++)
    {
      const DossierEntityMention *m = &g_array_index (all, DossierEntityMention, i);

      /* The same span twice (both found it), or one inside the other. */
      if (have_last && m->start < last_end)
        continue;
      _dossier_entity_append_mention (merged, m->start, m->end);
      last_end = m->end;
      have_last = TRUE;
    }

  replace_entity (target_slot, g_steal_pointer (&merged));
  target_slot->hidden = target_slot->hidden && slot->hidden;
  slot->merged = TRUE;
  index_entity (apply, target_slot - (Slot *) (gpointer) apply->slots->data);
}

/* Adding: the occurrences of a text */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Code points in valid UTF-8 from @p to @end: the bytes that are not
 * continuation bytes (10xxxxxx), counted eight at a time; a 10 MB
 * clipping takes a few milliseconds, g_utf8_strlen() ten times more. */
static guint
count_chars (const char *p,
             const char *end)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  guint n = 0;

  for (; end - p >= 8; p += 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      /* Bit 7 set and bit 6 clear: a continuation byte. */
      n += 8 - __builtin_popcountll (word & ~(word << 1) & high);
    }

  for (; p < end; p++)
    n += ((guchar) *p & 0xC0) != 0x80;

  return n;
}

/* Every whole-word occurrence of @needle in @text, as code point spans. */
static GArray *
find_occurrences (const char *text,
                  const char *needle)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (DossierEntityMention));
  size_t needle_len = strlen (needle);
  guint needle_chars = g_utf8_strlen (needle, -1);
  gboolean needle_word_start = is_word_char (g_utf8_get_char (needle));
  gboolean needle_word_end = is_word_char (g_utf8_get_char (g_utf8_find_prev_char (needle, needle + needle_len)));
  const char *counted = text;
  guint offset = 0;
  const char *p = text;
  const char *hit;

  while ((hit = strstr (p, needle)) != NULL)
    {
      const char *after = hit + needle_len;
      gboolean ok = TRUE;

      if (needle_word_start && hit > text &&
          is_word_char (g_utf8_get_char (g_utf8_find_prev_char (text, hit))))
        ok = FALSE;
      if (needle_word_end && *after != '\0' && is_word_char (g_utf8_get_char (after)))
        ok = FALSE;

      if (ok)
        {
          DossierEntityMention m;

          offset += count_chars (counted, hit);
          counted = hit;
          m.start = offset;
          m.end = offset + needle_chars;
          g_array_append_val (spans, m);
          p = after;
        }
      else
        p = g_utf8_next_char (hit);
    }

  return spans;
}

static gboolean
overlaps (const DossierEntityMention *a,
          const DossierEntityMention *b)
{
  return a->start < b->end && b->start < a->end;
}

/* Whether @m is a longer name around @span: then it stays. */
static gboolean
surrounds (const DossierEntityMention *m,
           const DossierEntityMention *span)
{
  return m->start <= span->start && m->end >= span->end &&
         m->end - m->start > span->end - span->start;
}

static gboolean
span_overlapped_by (GArray                     *spans,
                    const DossierEntityMention *m)
{
  /* Few added spans per correction against all mentions: a binary
   * search would only pay on very long clippings with a common name. */
  guint lo = 0, hi = spans->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (spans, DossierEntityMention, mid).end <= m->start)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo < spans->len && overlaps (&g_array_index (spans, DossierEntityMention, lo), m);
}

static gboolean
drop_taken (const DossierEntityMention *m,
            gpointer                    data)
{
  return span_overlapped_by (data, m);
}

/* No name is longer than this; mentions that start further back cannot
 * reach a span. */
#define MAX_NAME_CHARS 1024

typedef struct
{
  DossierEntityMention m;
  guint                slot;
} Owned;

static int
compare_owned (gconstpointer a,
               gconstpointer b)
{
  return compare_mentions (&((const Owned *) a)->m, &((const Owned *) b)->m);
}

/* Every mention of every entity, in text order. */
static GArray *
all_mentions (Apply *apply)
{
  GArray *all = g_array_new (FALSE, FALSE, sizeof (Owned));

  for (guint i = 0; i < apply->slots->len; i++)
    {
      Slot *slot = &g_array_index (apply->slots, Slot, i);
      const DossierEntityMention *mentions;
      guint n = 0;

      if (slot->merged)
        continue;

      mentions = dossier_entity_get_mentions (slot->entity, &n);
      for (guint j = 0; j < n; j++)
        {
          Owned o = { mentions[j], i };

          g_array_append_val (all, o);
        }
    }

  g_array_sort (all, compare_owned);

  return all;
}

/* The index of the first mention in @all that starts at or after @start. */
static guint
first_at (GArray *all,
          guint   start)
{
  guint lo = 0, hi = all->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (all, Owned, mid).m.start < start)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
apply_add (Apply      *apply,
           JsonObject *correction)
{
  const char *text = json_object_get_string_member_with_default (correction, "text", NULL);
  const char *kind_str = json_object_get_string_member_with_default (correction, "kind", NULL);
  g_autofree char *stripped = NULL;
  g_autofree char *norm = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) taken = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(JsonObject) key = NULL;
  DossierEntityKind kind;
  Slot *target;

  if (text == NULL || apply->text == NULL || !dossier_entity_kind_from_string (kind_str, &kind))
    return;
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return;

  found = find_occurrences (apply->text, stripped);
  if (found->len == 0)
    return;

  /* An entity of that kind already called so takes the new mentions. */
  key = json_object_new ();
  json_object_set_string_member (key, "name", stripped);
  json_object_set_string_member (key, "kind", kind_str);
  target = lookup (apply, key);

  all = all_mentions (apply);

  /* Or one that has the text as a mention already, by another name. */
  for (guint f = 0; target == NULL && f < found->len; f++)
    {
      const DossierEntityMention *span = &g_array_index (found, DossierEntityMention, f);

      for (guint j = first_at (all, span->start); j < all->len; j++)
        {
          const Owned *o = &g_array_index (all, Owned, j);
          Slot *slot = &g_array_index (apply->slots, Slot, o->slot);

          if (o->m.start != span->start)
            break;
          if (o->m.end == span->end && dossier_entity_get_kind (slot->entity) == kind)
            {
              target = slot;
              break;
            }
        }
    }

  /* Spans inside a longer name the analysis found stay with it. */
  taken = g_array_new (FALSE, FALSE, sizeof (DossierEntityMention));
  for (guint f = 0; f < found->len; f++)
    {
      const DossierEntityMention *span = &g_array_index (found, DossierEntityMention, f);
      gboolean keep = TRUE;

      /* From the first mention that starts at or after the span's end,
       * back over those that may reach into it. */
      for (guint j = first_at (all, span->end); keep && j > 0; j--)
        {
          const Owned *o = &g_array_index (all, Owned, j - 1);

          if (o->m.start + MAX_NAME_CHARS < span->start)
            break;
          if (overlaps (&o->m, span) &&
              (&g_array_index (apply->slots, Slot, o->slot) == target || surrounds (&o->m, span)))
            keep = FALSE;
        }

      if (keep)
        g_array_append_val (taken, *span);
    }

  if (taken->len == 0)
    return;

  /* Everything else the new spans overlap gives them up. */
  for (guint i = 0; i < apply->slots->len; i++)
    {
      Slot *slot = &g_array_index (apply->slots, Slot, i);
      const DossierEntityMention *mentions;
      gboolean touched = FALSE;
      guint n = 0;

      if (slot->merged || slot == target)
        continue;

      mentions = dossier_entity_get_mentions (slot->entity, &n);
      for (guint j = 0; !touched && j < n; j++)
        touched = span_overlapped_by (taken, &mentions[j]);

      if (touched)
        {
          replace_entity (slot, filter_mentions (slot->entity, drop_taken, taken));
          if (dossier_entity_get_n_mentions (slot->entity) == 0)
            slot->merged = TRUE;
        }
    }

  if (target == NULL)
    {
      Slot slot = { 0 };

      slot.entity = dossier_entity_new (stripped, kind);
      slot.norm_name = dossier_entity_corrections_normalize (stripped);
      slot.owned = TRUE;
      g_array_append_val (apply->slots, slot);
      target = &g_array_index (apply->slots, Slot, apply->slots->len - 1);
      index_entity (apply, apply->slots->len - 1);
    }
  else
    own (target);

  for (guint i = 0; i < taken->len; i++)
    {
      const DossierEntityMention *span = &g_array_index (taken, DossierEntityMention, i);

      dossier_entity_add_mention (target->entity, span->start, span->end);
    }
}

static void
slot_clear (gpointer data)
{
  Slot *slot = data;

  g_clear_object (&slot->entity);
  g_clear_pointer (&slot->norm_name, g_free);
}

/**
 * dossier_entity_corrections_apply:
 * @entities: a #GListModel of #DossierEntity, as the analysis found them
 * @text: (nullable): the article text, for added entities
 * @corrections: (nullable): the corrections, in the order they were made
 * @hidden: (out) (optional) (transfer full): the entities the user hid
 *
 * Applies @corrections on top of @entities, which it does not change:
 * entities no correction touches are shared, the others are new.
 *
 * Returns: (transfer full): the entities to show, in the order of
 *   @entities, added ones last
 */
GListStore *
dossier_entity_corrections_apply (GListModel  *entities,
                                  const char  *text,
                                  JsonArray   *corrections,
                                  GListStore **hidden)
{
  GListStore *shown;
  Apply apply = { 0 };
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (entities), NULL);

  shown = g_list_store_new (DOSSIER_TYPE_ENTITY);
  if (hidden != NULL)
    *hidden = g_list_store_new (DOSSIER_TYPE_ENTITY);

  n = g_list_model_get_n_items (entities);

  if (corrections == NULL || json_array_get_length (corrections) == 0)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (entities, i));
      g_list_store_splice (shown, 0, 0, items->pdata, items->len);

      return shown;
    }

  apply.text = text;
  apply.slots = g_array_sized_new (FALSE, TRUE, sizeof (Slot), n);
  g_array_set_clear_func (apply.slots, slot_clear);
  apply.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_array_unref);
  apply.aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < n; i++)
    {
      Slot slot = { 0 };

      slot.entity = g_list_model_get_item (entities, i);
      slot.norm_name = dossier_entity_corrections_normalize (dossier_entity_get_name (slot.entity));
      g_array_append_val (apply.slots, slot);
      index_entity (&apply, i);
    }

  for (guint c = 0; c < json_array_get_length (corrections); c++)
    {
      JsonNode *node = json_array_get_element (corrections, c);
      JsonObject *correction;
      const char *action;
      Slot *slot;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      correction = json_node_get_object (node);
      action = json_object_get_string_member_with_default (correction, "action", "");

      if (g_str_equal (action, "add"))
        {
          apply_add (&apply, correction);
          continue;
        }

      if ((slot = lookup (&apply, correction)) == NULL)
        continue;

      if (g_str_equal (action, "rename"))
        apply_rename (&apply, slot, correction);
      else if (g_str_equal (action, "kind"))
        apply_kind (&apply, slot, correction);
      else if (g_str_equal (action, "merge"))
        apply_merge (&apply, slot, correction);
      else if (g_str_equal (action, "hide"))
        slot->hidden = TRUE;
      else if (g_str_equal (action, "show"))
        slot->hidden = FALSE;
    }

  for (guint i = 0; i < apply.slots->len; i++)
    {
      Slot *slot = &g_array_index (apply.slots, Slot, i);

      if (slot->merged || dossier_entity_get_n_mentions (slot->entity) == 0)
        continue;
      if (!slot->hidden)
        g_list_store_append (shown, slot->entity);
      else if (hidden != NULL)
        g_list_store_append (*hidden, slot->entity);
    }

  g_hash_table_unref (apply.names);
  g_hash_table_unref (apply.aliases);
  g_array_unref (apply.slots);

  return shown;
}

/**
 * dossier_entity_corrections_lookup:
 * @entities: a #GListModel of #DossierEntity
 * @name: a name
 * @kind: a kind
 *
 * Finds an entity the way corrections do: of @kind, called @name, or
 * else with @name as another form.
 *
 * Returns: (transfer none) (nullable): the entity
 */
DossierEntity *
dossier_entity_corrections_lookup (GListModel        *entities,
                                   const char        *name,
                                   DossierEntityKind  kind)
{
  g_autofree char *norm = NULL;
  DossierEntity *by_alias = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (entities), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  norm = dossier_entity_corrections_normalize (name);
  n = g_list_model_get_n_items (entities);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierEntity) entity = g_list_model_get_item (entities, i);
      g_autofree char *entity_norm = NULL;
      const char * const *aliases;

      if (dossier_entity_get_kind (entity) != kind)
        continue;

      entity_norm = dossier_entity_corrections_normalize (dossier_entity_get_name (entity));
      if (g_str_equal (entity_norm, norm))
        return entity;

      aliases = dossier_entity_get_aliases (entity);
      for (guint a = 0; by_alias == NULL && aliases != NULL && aliases[a]; a++)
        {
          g_autofree char *alias_norm = dossier_entity_corrections_normalize (aliases[a]);

          if (g_str_equal (alias_norm, norm))
            by_alias = entity;
        }
    }

  return by_alias;
}
