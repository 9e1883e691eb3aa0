/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-ner-gazetteer"

#include "config.h"

#include <string.h>

#include "dossier-ner-private.h"

/* The gazetteers are generated into one C string at build time
 * (dossier-ner-gen.py) and parsed into hash tables on first use. */
/* Open addressing on 64-bit hashes of folded text: no strings at lookup. */
typedef struct
{
  guint64  *keys;
  gpointer *values;
  gsize     mask;
  gsize     used;
} HashMap;

struct _NerGazetteer
{
  HashMap      forms;    /* phrase hash -> NerGazForm* */
  HashMap      words;    /* word hash -> NerWordFlags */
  HashMap      titles;   /* phrase hash -> 1 */
  NerGazEntry *entries;
  NerGazForm  *form_pool;
  guint        n_entries;
  guint        max_words;
  guint        max_title;
};

/**
 * _dossier_ner_fold:
 * @s: text
 * @len: its length in bytes
 * @out: buffer
 * @out_size: its size
 *
 * Folds case (ASCII fast path), maps the typographic apostrophe to "'" and
 * collapses white space, for gazetteer keys.
 *
 * Returns: the folded length, or 0 when it does not fit
 */
gsize
_dossier_ner_fold (const char *s,
                   gsize       len,
                   char       *out,
                   gsize       out_size)
{
  gsize o = 0;
  gboolean space = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = s[i];

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          space = o > 0;
          continue;
        }
      if (space)
        {
          if (o + 1 >= out_size)
            return 0;
          out[o++] = ' ';
          space = FALSE;
        }

      if (c < 0x80)
        {
          if (o + 1 >= out_size)
            return 0;
          out[o++] = g_ascii_tolower (c);
        }
      else if (c == 0xE2 && i + 2 < len && (guchar)s[i + 1] == 0x80 && (guchar)s[i + 2] == 0x99)
        {
          if (o + 1 >= out_size)
            return 0;
          out[o++] = '\'';
          i += 2;
        }
      else
        {
          /* one non-ASCII character, lower-cased */
          const char *p = s + i;
          gunichar u = g_utf8_get_char_validated (p, len - i);
          char buf[8];
          int n;

          if (u == (gunichar)-1 || u == (gunichar)-2)
            return 0;
          n = g_unichar_to_utf8 (g_unichar_tolower (u), buf);
          if (o + n >= out_size)
            return 0;
          memcpy (out + o, buf, n);
          o += n;
          i += g_utf8_next_char (p) - p - 1;
        }
    }

  out[o] = 0;
  return o;
}

static void
map_init (HashMap *map,
          gsize    size)
{
  gsize n = 64;

  while (n < size * 2)
    n *= 2;
  map->keys = g_new0 (guint64, n);
  map->values = g_new0 (gpointer, n);
  map->mask = n - 1;
  map->used = 0;
}

static gpointer *
map_slot (const HashMap *map,
          guint64        key,
          gboolean      *found)
{
  gsize i = (key ^ (key >> 32)) & map->mask;

  while (map->keys[i] != 0)
    {
      if (map->keys[i] == key)
        {
          *found = TRUE;
          return &map->values[i];
        }
      i = (i + 1) & map->mask;
    }
  *found = FALSE;
  return &map->values[i];
}

static gpointer
map_lookup (const HashMap *map,
            guint64        key)
{
  gsize i = (key ^ (key >> 32)) & map->mask;

  while (map->keys[i] != 0)
    {
      if (map->keys[i] == key)
        return map->values[i];
      i = (i + 1) & map->mask;
    }
  return NULL;
}

/* Inserts unless present; returns the slot. The maps are sized up front. */
static gpointer *
map_insert (HashMap  *map,
            guint64   key,
            gboolean *found)
{
  gpointer *slot = map_slot (map, key, found);

  if (!*found)
    {
      g_assert (map->used * 2 < map->mask);
      map->keys[slot - map->values] = key;
      map->used++;
    }
  return slot;
}

/**
 * _dossier_ner_hash_text:
 * @s: text
 * @len: its length in bytes
 *
 * Returns: the phrase hash of the case-folded words of @s, as the tokenizer
 *   computes it for tokens; 0 when @s is too long
 */
guint64
_dossier_ner_hash_text (const char *s,
                        gsize       len)
{
  char buf[512];
  gsize n = _dossier_ner_fold (s, len, buf, sizeof buf);
  guint64 phrase = 0, h = NER_HASH_OFFSET;

  if (n == 0)
    return 0;
  for (gsize i = 0; i <= n; i++)
    {
      if (i == n || buf[i] == ' ')
        {
          phrase = _dossier_ner_hash_combine (phrase, h | 1);
          h = NER_HASH_OFFSET;
          continue;
        }
      h = _dossier_ner_hash_step (h, buf[i]);
    }
  return phrase;
}

static guint
count_words (const char *s)
{
  guint n = 1;

  for (; *s; s++)
    if (*s == ' ')
      n++;
  return n;
}

static gboolean
is_acronym (const char *s)
{
  guint upper = 0;

  for (; *s; s++)
    {
      if (g_ascii_islower (*s))
        return FALSE;
      if (g_ascii_isupper (*s))
        upper++;
    }
  return upper >= 2;
}

static void
add_word (NerGazetteer *gaz,
          const char   *word,
          guint         flag)
{
  guint64 h = _dossier_ner_hash_text (word, strlen (word));
  gboolean found;
  gpointer *slot;

  if (h == 0)
    return;
  slot = map_insert (&gaz->words, h, &found);
  *slot = GUINT_TO_POINTER (GPOINTER_TO_UINT (*slot) | flag);
}

static NerGazetteer *
gazetteer_new (void)
{
  NerGazetteer *gaz = g_new0 (NerGazetteer, 1);
  g_auto(GStrv) lines = NULL;
  guint n_forms = 0, n_entries = 0, e = 0, f = 0;

  lines = g_strsplit (_dossier_ner_data, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      char tag = lines[i][0];

      if (tag == 'L' || tag == 'C' || tag == 'O')
        {
          n_entries++;
          for (const char *p = lines[i]; *p; p++)
            if (*p == '\t')
              n_forms++;
        }
    }

  map_init (&gaz->forms, n_forms);
  map_init (&gaz->words, g_strv_length (lines) * 2);
  map_init (&gaz->titles, g_strv_length (lines));
  gaz->entries = g_new0 (NerGazEntry, n_entries);
  gaz->form_pool = g_new0 (NerGazForm, n_forms);
  gaz->max_words = 1;
  gaz->max_title = 1;

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) cols = NULL;
      char tag = lines[i][0];

      if (tag == 0)
        continue;

      cols = g_strsplit (lines[i], "\t", -1);
      if (cols[1] == NULL)
        continue;

      switch (tag)
        {
        case 'L':
        case 'C':
        case 'O':
          {
            NerGazEntry *entry = &gaz->entries[e];

            entry->name = g_intern_string (cols[1]);
            entry->kind = tag == 'O' ? NER_KIND_ORG : NER_KIND_PLACE;
            entry->country = tag == 'C';
            entry->index = e++;

            for (guint c = 1; cols[c]; c++)
              {
                char key[256];
                NerGazForm *form;
                guint64 h;
                gboolean found;
                gpointer *slot;

                if (!_dossier_ner_fold (cols[c], strlen (cols[c]), key, sizeof key))
                  continue;
                h = _dossier_ner_hash_text (key, strlen (key));
                slot = map_insert (&gaz->forms, h, &found);
                if (found)
                  continue;

                form = &gaz->form_pool[f++];
                form->entry = entry;
                form->acronym = is_acronym (cols[c]);
                form->n_words = MIN (count_words (key), 255);
                gaz->max_words = MAX (gaz->max_words, form->n_words);
                *slot = form;
              }
          }
          break;

        case 'D':
          for (guint c = 2; cols[c]; c++)
            add_word (gaz, cols[c], NER_W_DEMONYM);
          break;

        case 'T':
          {
            char key[128];

            if (_dossier_ner_fold (cols[1], strlen (cols[1]), key, sizeof key))
              {
                guint n = count_words (key);
                char *sp;
                gboolean found;

                *map_insert (&gaz->titles, _dossier_ner_hash_text (key, strlen (key)), &found) = GUINT_TO_POINTER (1);
                gaz->max_title = MAX (gaz->max_title, n);
                if (n == 1)
                  add_word (gaz, key, NER_W_TITLE);
                else if ((sp = strchr (key, ' ')) != NULL)
                  {
                    *sp = 0;
                    add_word (gaz, key, NER_W_TITLE_HEAD);
                  }
              }
          }
          break;

        case 'M':
          {
            char key[128];

            /* multi-word modifiers ("White House") are matched as titles' prefixes word by word */
            if (_dossier_ner_fold (cols[1], strlen (cols[1]), key, sizeof key))
              {
                g_auto(GStrv) words = g_strsplit (key, " ", -1);

                for (guint w = 0; words[w]; w++)
                  add_word (gaz, words[w], NER_W_MODIFIER);
              }
          }
          break;

        case 'F':
          add_word (gaz, cols[1], NER_W_FIRST);
          break;
        case 'W':
          add_word (gaz, cols[1], NER_W_NONNAME);
          break;
        case 'R':
          add_word (gaz, cols[1], NER_W_ROLE_HEAD);
          break;
        case 'S':
          add_word (gaz, cols[1], NER_W_ORG);
          break;
        case 's':
          add_word (gaz, cols[1], NER_W_ORG_OF);
          break;
        case 'Q':
          add_word (gaz, cols[1], NER_W_PLACE);
          break;
        case 'q':
          add_word (gaz, cols[1], NER_W_PLACE_OF);
          break;
        case 'K':
          add_word (gaz, cols[1], NER_W_PARTICLE);
          break;
        case 'X':
          add_word (gaz, cols[1], NER_W_MISC);
          break;
        default:
          break;
        }
    }

  gaz->n_entries = e;
  gaz->max_words = MIN (gaz->max_words, 8);
  gaz->max_title = MIN (gaz->max_title, 6);

  return gaz;
}

/**
 * _dossier_ner_gazetteer_get:
 *
 * Returns: (transfer none): the shared gazetteer, built on first use
 */
const NerGazetteer *
_dossier_ner_gazetteer_get (void)
{
  static NerGazetteer *gaz;

  if (g_once_init_enter (&gaz))
    g_once_init_leave (&gaz, gazetteer_new ());

  return gaz;
}

guint
_dossier_ner_gazetteer_max_words (const NerGazetteer *gaz)
{
  return gaz->max_words;
}

guint
_dossier_ner_gazetteer_max_title (const NerGazetteer *gaz)
{
  return gaz->max_title;
}

const NerGazForm *
_dossier_ner_gazetteer_lookup (const NerGazetteer *gaz,
                               guint64             phrase_hash)
{
  return map_lookup (&gaz->forms, phrase_hash);
}

guint
_dossier_ner_gazetteer_word (const NerGazetteer *gaz,
                             guint64             word_hash)
{
  return GPOINTER_TO_UINT (map_lookup (&gaz->words, word_hash));
}

gboolean
_dossier_ner_gazetteer_title (const NerGazetteer *gaz,
                              guint64             phrase_hash)
{
  return map_lookup (&gaz->titles, phrase_hash) != NULL;
}
