/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-entities"

#include "config.h"

#include <time.h>

#include "dossier-entities.h"
#include "dossier-entity.h"

/* Entity analysis over about 20 MB of made-up English news: prints the
 * throughput in CPU time. Names vary per paragraph so that the document
 * holds many entities, as a real archive would. */

static void
append_paragraph (GString    *text,
                  guint       i,
                  const char *first,
                  const char *last)
{
  switch (i % 4)
    {
    case 0:
      g_string_append_printf (text,
        "WASHINGTON -- Sen. %s %s of Maine, an independent who serves on the intelligence "
        "committee, told reporters on Tuesday that the White House had not consulted Congress "
        "before the talks in Geneva. %s said the plan reflected input from Moscow.\n\n",
        first, last, last);
      break;
    case 1:
      g_string_append_printf (text,
        "Army Secretary %s %s arrived in Kyiv on Nov. 19 to discuss defense issues with "
        "Ukrainian officials, U.S. officials said. %s's visit followed a meeting in Abu Dhabi "
        "with representatives of Russia and Ukraine, according to people familiar with it.\n\n",
        first, last, last);
      break;
    case 2:
      g_string_append_printf (text,
        "%s %s, a spokeswoman for the European Commission in Brussels, said the North Atlantic "
        "Treaty Organization would meet next week. Despite the delay, NATO members agreed. "
        "Echoing earlier demands, %s insisted that the United Nations play a role.\n\n",
        first, last, last);
      break;
    default:
      g_string_append_printf (text,
        "Shares of Northwind Holdings Inc. rose 3 percent on Wall Street after chief executive "
        "%s %s said the company would expand in Texas and California. The Federal Reserve "
        "Bank of New York reported that growth slowed; %s declined to comment.\n\n",
        first, last, last);
      break;
    }
}

static const char *first[] = {
  "Angus", "Maria", "Dan", "Elena", "Kirill", "Rustem", "Jeanne", "Mike", "Olga", "Tomas",
  "Aisha", "Li", "Pedro", "Ingrid", "Samuel", "Fatima", "Hiroshi", "Nadia", "Viktor", "Grace",
};

static char *
make_surname (guint i)
{
  static const char *syllables[] = { "Ka", "ro", "vin", "del", "Mar", "sko", "ten", "ber",
                                     "Lu", "wan", "ich", "son", "Fe", "ra", "ley", "ov" };
  GString *s = g_string_new (NULL);

  g_string_append (s, syllables[(i * 7) % 4 * 4]);
  g_string_append (s, syllables[1 + (i / 3) % 3]);
  g_string_append (s, syllables[5 + (i / 11) % 11]);
  s->str[0] = g_ascii_toupper (s->str[0]);
  return g_string_free (s, FALSE);
}

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (int   argc,
      char *argv[])
{
  gsize target = argc > 1 ? g_ascii_strtoull (argv[1], NULL, 10) : 20 * 1000 * 1000;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) entities = NULL;
  guint mentions = 0;
  double t0, t1;

  for (guint i = 0; text->len < target; i++)
    {
      g_autofree char *last = make_surname (i);

      append_paragraph (text, i, first[i % G_N_ELEMENTS (first)], last);
    }

  t0 = cpu_seconds ();
  entities = dossier_entities_analyze (text->str, "en");
  t1 = cpu_seconds ();

  for (guint i = 0; i < entities->len; i++)
    mentions += dossier_entity_get_n_mentions (g_ptr_array_index (entities, i));

  g_print ("entities: %.1f MB in %.3f s of CPU = %.1f MB/s; %u entities, %u mentions\n",
           text->len / 1e6, t1 - t0, text->len / 1e6 / (t1 - t0), entities->len, mentions);

  return 0;
}
