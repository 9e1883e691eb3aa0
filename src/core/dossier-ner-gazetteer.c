/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-ner-gazetteer"

#include "config.h"

#include <string.h>

#include "dossier-ner-private.h"

/* The gazetteers are generated into one C string at build time
 * (dossier-ner-gen.py) and parsed into hash tables on first use. */
struct _NerGazetteer
{
  GHashTable  *forms;    /* folded name -> NerGazForm* */
  GHashTable  *words;    /* folded word -> NerWordFlags */
  GHashTable  *titles;   /* folded title phrase -> 1 */
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
  char key[128];
  gpointer old;

  if (!_dossier_ner_fold (word, strlen (word), key, sizeof key))
    return;

  old = g_hash_table_lookup (gaz->words, key);
  g_hash_table_replace (gaz->words, g_strdup (key),
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (old) | flag));
}

static NerGazetteer *
gazetteer_new (void)
{
  NerGazetteer *gaz = g_new0 (NerGazetteer, 1);
  g_auto(GStrv) lines = NULL;
  guint n_forms = 0, n_entries = 0, e = 0, f = 0;

  gaz->forms = g_hash_table_new (g_str_hash, g_str_equal);
  gaz->words = g_hash_table_new (g_str_hash, g_str_equal);
  gaz->titles = g_hash_table_new (g_str_hash, g_str_equal);

  lines = g_strsplit (_dossier_ner_data, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      char tag = lines[i][0];

      if (tag == 'L' || tag == 'O')
        {
          n_entries++;
          for (const char *p = lines[i]; *p; p++)
            if (*p == '\t')
              n_forms++;
        }
    }

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
        case 'O':
          {
            NerGazEntry *entry = &gaz->entries[e];

            entry->name = g_intern_string (cols[1]);
            entry->kind = tag == 'L' ? NER_KIND_PLACE : NER_KIND_ORG;
            entry->index = e++;

            for (guint c = 1; cols[c]; c++)
              {
                char key[256];
                NerGazForm *form;

                if (!_dossier_ner_fold (cols[c], strlen (cols[c]), key, sizeof key))
                  continue;
                if (g_hash_table_contains (gaz->forms, key))
                  continue;

                form = &gaz->form_pool[f++];
                form->entry = entry;
                form->acronym = is_acronym (cols[c]);
                form->n_words = MIN (count_words (key), 255);
                gaz->max_words = MAX (gaz->max_words, form->n_words);
                g_hash_table_insert (gaz->forms, (char *)g_intern_string (key), form);
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

                g_hash_table_add (gaz->titles, (char *)g_intern_string (key));
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
                               const char         *folded)
{
  return g_hash_table_lookup (gaz->forms, folded);
}

guint
_dossier_ner_gazetteer_word (const NerGazetteer *gaz,
                             const char         *folded)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (gaz->words, folded));
}

gboolean
_dossier_ner_gazetteer_title (const NerGazetteer *gaz,
                              const char         *folded)
{
  return g_hash_table_contains (gaz->titles, folded);
}
