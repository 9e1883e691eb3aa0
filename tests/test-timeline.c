/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-sentences.h"
#include "dossier-timeline.h"
#include "dossier-timex.h"

/* Every sentence here is written for this test. The reference date is
 * Thursday 27 November 2025 unless a test says otherwise. */

static GPtrArray *
analyze (const char *text,
         const char *reference)
{
  g_autoptr(GDateTime) ref = NULL;

  if (reference != NULL)
    {
      g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", reference);

      ref = g_date_time_new_from_iso8601 (iso, NULL);
      g_assert_nonnull (ref);
    }
  return dossier_timeline_analyze (text, ref);
}

/* The @occurrence-th (from 1) timex whose text is @span. */
static DossierTimex *
find (GPtrArray  *timexes,
      const char *span,
      guint       occurrence)
{
  for (guint i = 0; i < timexes->len; i++)
    {
      DossierTimex *t = g_ptr_array_index (timexes, i);

      if (g_strcmp0 (dossier_timex_get_text (t), span) == 0 && --occurrence == 0)
        return t;
    }
  return NULL;
}

static void
assert_timex (GPtrArray  *timexes,
              const char *span,
              const char *value,
              const char *type)
{
  DossierTimex *t = find (timexes, span, 1);

  if (t == NULL)
    {
      g_autoptr(GString) found = g_string_new (NULL);

      for (guint i = 0; i < timexes->len; i++)
        g_string_append_printf (found, " [%s=%s]",
                                dossier_timex_get_text (g_ptr_array_index (timexes, i)),
                                dossier_timex_get_value (g_ptr_array_index (timexes, i)));
      g_error ("no timex \"%s\"; found:%s", span, found->str);
    }
  g_assert_cmpstr (dossier_timex_get_value (t), ==, value);
  if (type != NULL)
    g_assert_cmpstr (dossier_timex_get_timex_type (t), ==, type);
}

static void
check (const char *text,
       const char *reference,
       const char *span,
       const char *value)
{
  g_autoptr(GPtrArray) timexes = analyze (text, reference);

  assert_timex (timexes, span, value, NULL);
}

#define REF "2025-11-27"

static void
test_absolute (void)
{
  g_autoptr(GPtrArray) t = analyze ("The treaty was signed on March 5, 1946, and renewed in "
                                    "November 2025. The filing, dated 2025-11-27, cites a "
                                    "ruling of 27 Nov 2025 and the reforms of the 1990s. "
                                    "Prices fell in February 2022 and again on 3/14/2021.",
                                    REF);

  assert_timex (t, "March 5, 1946", "1946-03-05", "date");
  assert_timex (t, "November 2025", "2025-11", "date");
  assert_timex (t, "2025-11-27", "2025-11-27", "date");
  assert_timex (t, "27 Nov 2025", "2025-11-27", "date");
  assert_timex (t, "the 1990s", "199", "date");
  assert_timex (t, "February 2022", "2022-02", "date");
  assert_timex (t, "3/14/2021", "2021-03-14", "date");
  check ("The bridge opened in 1932 and closed in the late 1970s.", REF, "1932", "1932");
  check ("The bridge opened in 1932 and closed in the late 1970s.", REF, "the late 1970s", "197");
  /* a comma after the month, before a day and a year; not before a count */
  check ("The hearing is set for Sunday, March, 6th 2016.", REF, "Sunday, March, 6th 2016", "2016-03-06");
  {
    g_autoptr(GPtrArray) n = analyze ("In March, 6 people died.", REF);

    g_assert_cmpuint (n->len, ==, 1);
    assert_timex (n, "March", "2025-03", "date");
  }
}

static void
test_relative_tense (void)
{
  /* Thursday 27 November: a past "Tuesday" is two days before, a future
   * one five days after */
  check ("The minister resigned on Tuesday.", REF, "Tuesday", "2025-11-25");
  check ("The minister will resign on Tuesday.", REF, "Tuesday", "2025-12-02");
  check ("Ministers met yesterday and will meet again tomorrow.", REF, "yesterday", "2025-11-26");
  check ("Ministers met yesterday and will meet again tomorrow.", REF, "tomorrow", "2025-11-28");
  check ("The plan leaked last week.", REF, "last week", "2025-W47");
  check ("The vote is expected next month.", REF, "next month", "2025-12");
  check ("She moved here two years ago.", REF, "two years ago", "2023");
  check ("Sales rose 4% earlier this year.", REF, "earlier this year", "2025");
  check ("Talks resumed today.", REF, "today", "2025-11-27");
  check ("The store closed in October.", REF, "October", "2025-10");
  check ("The store will reopen in February.", REF, "February", "2026-02");
  check ("He said last Friday that he would stay.", REF, "last Friday", "2025-11-21");
  check ("He returned 11 days ago.", REF, "11 days ago", "2025-11-16");
  /* the verb right before the date governs it, not a later auxiliary */
  check ("The report will cover the fiscal year that ended Sept. 30.", REF, "Sept. 30",
         "2025-09-30");
  check ("The strike, which started on Monday, will go on.", REF, "Monday", "2025-11-24");
  /* short news sentences with a subject stay in the past */
  check ("He died Saturday.", REF, "Saturday", "2025-11-22");
  /* a refusal to comment is dated, not planned */
  check ("A spokesman declined to comment Thursday.", "2025-11-26", "Thursday", "2025-11-20");
  check ("The board decided to meet on Friday.", "2025-11-26", "Friday", "2025-11-28");
  check ("Obama strode in Saturday.", REF, "Saturday", "2025-11-22");
}

static void
test_fragments (void)
{
  /* a note without a verb speaks of the nearest date: Thursday 9 August
   * 2012 */
  check ("Sunday", "2012-08-09", "Sunday", "2012-08-12");
  check ("Monday to Friday", "2023-04-09", "Monday", "2023-04-10");
  check ("In January", "2020-11-22", "January", "2021-01");
  check ("in Jan", "2020-11-22", "Jan", "2021-01");
  check ("May", "2020-11-22", "May", "2021-05");
  /* a sentence of news without a recognised verb stays in the past */
  check ("Officials from both parties, the mayor and the governor's staff on Sunday.",
         "2012-08-09", "Sunday", "2012-08-05");
  /* "Jan" before a name is the name */
  check ("He met Jan Kavan in 1998.", REF, "1998", "1998");
  /* "this Wednesday" said on a Sunday lies ahead, in a past clause behind */
  check ("This Wednesday", "2022-08-07", "This Wednesday", "2022-08-10");
  check ("The vote is this Saturday.", "2022-08-02", "this Saturday", "2022-08-06");
  check ("The council voted this Monday.", REF, "this Monday", "2025-11-24");
  /* working days */
  check ("It ships next weekday.", "2024-10-18", "next weekday", "2024-10-21");
  check ("It shipped last weekday.", "2024-10-19", "last weekday", "2024-10-18");
  check ("Results are due next qtr.", "2021-10-22", "next qtr", "2022-Q1");
}

static void
test_numeric_and_ranges (void)
{
  /* a month and day without a year: in a note, or after "on" */
  check ("8/10", "2012-08-10", "8/10", "2012-08-10");
  check ("The hearing was held on 6/14.", REF, "6/14", "2025-06-14");
  check ("2 months before 02/02", "2022-02-02", "2 months before 02/02", "2021-12");
  check ("2014 12 28", NULL, "2014 12 28", "2014-12-28");
  check ("In 2014 12 28 people died.", REF, "2014", "2014");
  /* the middle of "2024/13/1" cannot be a month */
  check ("Filed 2024/13/1.", REF, "2024/13/1", "2024-01-13");
  /* the year of a range's end, also after clock times */
  check ("The fair ran 10 August - 12 September 2013.", REF, "10 August", "2013-08-10");
  check ("Thu Oct 26, 10:00 - 11:00 2023", REF, "Thu Oct 26", "2023-10-26");
  check ("Thu Oct 26 - 28, 11:00 2023", REF, "Thu Oct 26", "2023-10-26");
  /* a far year only where no count can be meant */
  check ("Jan 1 3000, 9:30", NULL, "Jan 1 3000", "3000-01-01");
  check ("On Jan. 1 3000 people marched.", REF, "Jan. 1", "2025-01-01");
  /* a two-digit year at the end of a phrase */
  check ("Filed Aug 9, 96.", REF, "Aug 9, 96", "1996-08-09");
  {
    g_autoptr(GPtrArray) t = analyze ("Scores were 4/5 and 3/4 in the survey after 9/11. "
                                      "Costs were cut by 1/3, based on 1/4 of the sites. "
                                      "On May 5, 96 people left.",
                                      REF);

    g_assert_cmpuint (t->len, ==, 1);
    assert_timex (t, "May 5", "2025-05-05", "date");
  }
}

static void
test_year_boundary (void)
{
  /* Friday 2 January 2026: a past Tuesday lies in December 2025 */
  check ("The council voted on Tuesday.", "2026-01-02", "Tuesday", "2025-12-30");
  check ("The council voted in December.", "2026-01-02", "December", "2025-12");
  check ("The council voted on Dec. 29.", "2026-01-02", "Dec. 29", "2025-12-29");
  check ("The council will vote on Jan. 5.", "2025-12-30", "Jan. 5", "2026-01-05");
  check ("The council met last week.", "2026-01-02", "last week", "2025-W52");
}

static void
test_anaphora (void)
{
  g_autoptr(GPtrArray) t = analyze ("On Nov. 19 the envoy arrived in the capital. He met the "
                                    "president the next day. Two days later he left, and "
                                    "reporters learned of it that evening. On Nov. 16 the two "
                                    "sides had spoken by phone, and they spoke again that "
                                    "weekend.",
                                    REF);

  assert_timex (t, "Nov. 19", "2025-11-19", "date");
  assert_timex (t, "the next day", "2025-11-20", "date");
  assert_timex (t, "Two days later", "2025-11-22", "date");
  assert_timex (t, "that evening", "2025-11-22TEV", "time");
  assert_timex (t, "Nov. 16", "2025-11-16", "date");
  assert_timex (t, "that weekend", "2025-W46-WE", "date");

  /* the chain follows the last date, not the reference */
  check ("The strike began on March 3, 2019. The following week, talks failed.", REF,
         "The following week", "2019-W10");
  check ("The court ruled on June 2, 2020. A week later the law was repealed.", REF,
         "A week later", "2020-06-09");
  /* seasons after the last date, across the turn of the year */
  {
    g_autoptr(GPtrArray) s = analyze ("The plan was approved in March 2023. Work began the "
                                      "following spring and stopped the following autumn. "
                                      "The next summer it was done.",
                                      REF);

    assert_timex (s, "the following spring", "2024-SP", "date");
    assert_timex (s, "the following autumn", "2024-FA", "date");
    assert_timex (s, "The next summer", "2025-SU", "date");
  }
  check ("Talks began in summer 2019. The previous winter they had failed.", REF,
         "The previous winter", "2018-WI");
  /* a clock time counted from an event the text does not date: one time,
   * of an unknown day */
  {
    g_autoptr(GPtrArray) t6 = analyze ("The rifle was found on April 8. A jogger saw the car at "
                                       "6 a.m. ten days before the shooting.",
                                       REF);

    g_assert_cmpuint (t6->len, ==, 2);
    assert_timex (t6, "6 a.m. ten days before", "XXXX-XX-XXT06:00", "time");
  }
  /* a week next to an event: the week after its day, or a week of its
   * year when the text gave no day */
  check ("The vote was on Nov. 4. The week after the vote, prices fell.", REF,
         "The week after", "2025-W46");
  check ("The week following Nov. 4 was calm.", REF, "The week following Nov. 4", "2025-W46");
  check ("Sales fell in 2019. In the week following the crash, funds lost $1 billion.", REF,
         "the week following", "2019-WXX");
}

static void
test_holidays (void)
{
  check ("They brought him to Miami the weekend before Halloween.", REF,
         "the weekend before Halloween", "2025-W43-WE");
  check ("The shop closed on Christmas Day 2024.", REF, "Christmas Day 2024", "2024-12-25");
  check ("Families gathered on Thanksgiving.", REF, "Thanksgiving", "2025-11-27");
  check ("The church was full at Easter 2024.", REF, "Easter 2024", "2024-03-31");
  check ("Fireworks were launched on New Year's Eve.", "2026-01-03", "New Year's Eve", "2025-12-31");
  check ("The results came the day after Labor Day.", REF, "the day after Labor Day", "2025-09-02");
}

static void
test_weeks_and_weekends (void)
{
  check ("The markets calmed this week.", REF, "this week", "2025-W48");
  check ("Crowds gathered last weekend.", REF, "last weekend", "2025-W47-WE");
  check ("The festival opens next weekend.", REF, "next weekend", "2025-W49-WE");
  check ("Sales peaked the week after Christmas 2024.", REF, "the week after Christmas 2024",
         "2025-W01");
}

static void
test_parts_of_day (void)
{
  check ("The senator called on Saturday morning.", REF, "Saturday morning", "2025-11-22TMO");
  check ("Shots were heard last night.", REF, "last night", "2025-11-26TNI");
  check ("The minister will speak this afternoon.", REF, "this afternoon", "2025-11-27TAF");
  check ("The minister will speak tonight.", REF, "tonight", "2025-11-27TNI");
  check ("The fire started at 10 p.m. on Nov. 3.", REF, "10 p.m. on Nov. 3", "2025-11-03T22:00");
}

static void
test_durations (void)
{
  g_autoptr(GPtrArray) t = analyze ("The talks lasted three days and ended a four-year war "
                                    "after a monthlong effort. The speech ran for 90 minutes. "
                                    "Prices have doubled over the past three months, and "
                                    "the repairs will take several years.",
                                    REF);

  assert_timex (t, "three days", "P3D", "duration");
  assert_timex (t, "four-year", "P4Y", "duration");
  assert_timex (t, "monthlong", "P1M", "duration");
  assert_timex (t, "90 minutes", "PT90M", "duration");
  assert_timex (t, "the past three months", "P3M", "duration");
  assert_timex (t, "several years", "PXY", "duration");
  check ("The building will be finished in six weeks.", REF, "six weeks", "P6W");
  check ("The work took nearly two decades.", REF, "nearly two decades", "P20Y");
  check ("The siege lasted two years and three months.", REF, "two years and three months",
         "P2Y3M");
  check ("The meeting took half an hour.", REF, "half an hour", "PT30M");
  check ("Negotiations could take weeks.", REF, "weeks", "PXW");
  {
    g_autoptr(GPtrArray) v = analyze ("The visit comes a year after the election.", REF);

    assert_timex (v, "a year", "P1Y", "duration");
  }
}

static void
test_durations_placed (void)
{
  g_autoptr(GPtrArray) t = analyze ("The embassy will reopen in three days. Prices rose over "
                                    "the past two weeks.",
                                    REF);
  DossierTimex *ahead = find (t, "three days", 1);
  DossierTimex *past = find (t, "the past two weeks", 1);

  g_assert_nonnull (ahead);
  g_assert_cmpstr (dossier_timex_get_value (ahead), ==, "P3D");
  g_assert_cmpstr (dossier_timex_get_interval_start (ahead), ==, "2025-11-30");
  g_assert_nonnull (past);
  g_assert_cmpstr (dossier_timex_get_interval_start (past), ==, "2025-11-13");
  g_assert_cmpstr (dossier_timex_get_interval_end (past), ==, "2025-11-27");
}

static void
assert_interval (GPtrArray  *timexes,
                 const char *span,
                 const char *value,
                 const char *first,
                 const char *last)
{
  DossierTimex *t;

  assert_timex (timexes, span, value, NULL);
  t = find (timexes, span, 1);
  g_assert_cmpstr (dossier_timex_get_interval_start (t), ==, first);
  g_assert_cmpstr (dossier_timex_get_interval_end (t), ==, last);
}

static void
test_durations_from_now (void)
{
  g_autoptr(GPtrArray) t = analyze ("The road will be closed for three weeks. It was closed for "
                                    "two days in May. Traders watch the next two quarters and "
                                    "the next hour. The vote is two weeks out. Ask me in about "
                                    "~5 hours.",
                                    REF);

  /* a period that starts now, in the present or the future */
  assert_interval (t, "three weeks", "P3W", "2025-11-27", "2025-12-18");
  assert_interval (t, "the next two quarters", "P2Q", "2025-11-27", "2026-05-27");
  assert_interval (t, "the next hour", "PT1H", "2025-11-27", "2025-11-27");
  assert_interval (t, "two weeks", "P2W", "2025-12-11", "2025-12-11");
  assert_interval (t, "about ~5 hours", "PT5H", "2025-11-27", "2025-11-27");
  /* not in the past */
  g_assert_null (dossier_timex_get_interval_start (find (t, "two days", 1)));

  /* "the highest in 20 years" is the period up to now */
  g_clear_pointer (&t, g_ptr_array_unref);
  t = analyze ("Unemployment is at its highest level in 20 years.", REF);
  assert_interval (t, "20 years", "P20Y", "2005-11-27", "2025-11-27");

  /* a duration alone in a note */
  g_clear_pointer (&t, g_ptr_array_unref);
  t = analyze ("1 month", "2016-10-01");
  assert_interval (t, "1 month", "P1M", "2016-10-01", "2016-11-01");
  g_clear_pointer (&t, g_ptr_array_unref);
  t = analyze ("wait for 5 minutes and 30 seconds", "2012-08-10");
  assert_interval (t, "5 minutes and 30 seconds", "PT5M30S", "2012-08-10", "2012-08-10");

  /* "15 minutes before" closing a clause counts from the last date, like
   * "15 minutes earlier" */
  check ("The blast came on June 3, 2020. Police arrived two hours after.", REF,
         "two hours after", "2020-06-03");
  check ("The blast came on June 3, 2020. A witness left the day before.", REF,
         "the day before", "2020-06-02");
}

static void
test_sets (void)
{
  g_autoptr(GPtrArray) t = analyze ("The board meets every week and votes twice a year. "
                                    "The paper is printed daily, and the club gathers every "
                                    "Monday.",
                                    REF);

  assert_timex (t, "every week", "P1W", "set");
  assert_timex (t, "a year", "P1Y", "set");
  assert_timex (t, "daily", "P1D", "set");
  assert_timex (t, "every Monday", "XXXX-WXX-1", "set");
  /* rates after amounts and plural acronyms */
  {
    g_autoptr(GPtrArray) r = analyze ("Labels ship 50,000 CDs a year, and the studio pays "
                                      "$2 million a month.",
                                      REF);

    assert_timex (r, "a year", "P1Y", "set");
    assert_timex (r, "a month", "P1M", "set");
  }
  /* how much of each: one set, not a duration and a rate */
  {
    g_autoptr(GPtrArray) r = analyze ("Guards stood there 24 hours a day, seven days a week, "
                                      "and riots broke out for the past three summers.",
                                      REF);

    g_assert_cmpuint (r->len, ==, 3);
    assert_timex (r, "24 hours a day", "P1D", "set");
    assert_timex (r, "seven days a week", "P1W", "set");
    assert_timex (r, "the past three summers", "XXXX-SU", "set");
  }
  /* "a week ago" after an amount stays a date */
  {
    g_autoptr(GPtrArray) r = analyze ("He worked 12 hours a week ago.", REF);

    assert_timex (r, "a week ago", "2025-11-20", "date");
  }
}

static void
test_duration_ranges (void)
{
  /* the first number of a range takes the second's unit */
  g_autoptr(GPtrArray) t = analyze ("Recovery takes two to six days, repairs one or two weeks, "
                                    "and appeals 3-5 years.",
                                    REF);

  assert_timex (t, "two", "P2D", "duration");
  assert_timex (t, "six days", "P6D", "duration");
  assert_timex (t, "one", "P1W", "duration");
  assert_timex (t, "two weeks", "P2W", "duration");
  assert_timex (t, "3", "P3Y", "duration");
  assert_timex (t, "5 years", "P5Y", "duration");
  /* how long an event has lasted is a duration, an age is not */
  {
    g_autoptr(GPtrArray) e = analyze ("The 8-month-old truce held, a years-old slump ended, and "
                                      "a 44-year-old protester left the 50-year-old alliance.",
                                      REF);

    g_assert_cmpuint (e->len, ==, 2);
    assert_timex (e, "8-month-old", "P8M", "duration");
    assert_timex (e, "years-old", "PXY", "duration");
  }
  /* ages and counts are not */
  {
    g_autoptr(GPtrArray) n = analyze ("The 5 to 10-year-old children and 2 or 3 people came.",
                                      REF);

    g_assert_cmpuint (n->len, ==, 0);
  }
}

static void
test_vague (void)
{
  g_autoptr(GPtrArray) t = analyze ("The aid had been cut months earlier. The office is now "
                                    "closed, and nobody knows what the future holds. Prices "
                                    "rose in recent years.",
                                    REF);
  DossierTimex *now;

  assert_timex (t, "months earlier", "PAST_REF", "date");
  assert_timex (t, "now", "PRESENT_REF", "date");
  assert_timex (t, "the future", "FUTURE_REF", "date");
  assert_timex (t, "recent years", "PAST_REF", "date");
  check ("These days the square is empty.", REF, "These days", "PRESENT_REF");
  check ("At that time the mayor lived abroad.", REF, "that time", "PAST_REF");
  check ("Nobody is available at the moment.", REF, "the moment", "PRESENT_REF");
  /* approximate amounts: ahead, behind, or only a length */
  check ("You may, in a year or two, save a few more lives.", REF, "a year or two",
         "FUTURE_REF");
  check ("It closed a year or two ago.", REF, "a year or two ago", "PAST_REF");
  check ("They stayed for a day or so.", REF, "a day or so", "PXD");
  /* opening a sentence before a clause, "at the time" is a conjunction */
  {
    g_autoptr(GPtrArray) c = analyze ("At the time Howes was captured, the rebels were split.",
                                      REF);
    g_autoptr(GPtrArray) d = analyze ("At the time, the rebels were split.", REF);

    g_assert_cmpuint (c->len, ==, 0);
    assert_timex (d, "the time", "PAST_REF", "date");
  }
  /* "Now for …" without a verb turns the talk, it is no time */
  {
    g_autoptr(GPtrArray) d = analyze ("Now for the weather. Now for the first time he spoke.", REF);

    g_assert_cmpuint (d->len, ==, 1);
    g_assert_cmpuint (dossier_timex_get_start (g_ptr_array_index (d, 0)), ==, 21);
  }
  /* "now" is placed on the day of publication */
  now = find (t, "now", 1);
  g_assert_cmpstr (dossier_timex_get_interval_start (now), ==, "2025-11-27");
}

static void
test_seasons_quarters_decades (void)
{
  check ("Crops failed last summer.", REF, "last summer", "2025-SU");
  check ("The dam will open next spring.", REF, "next spring", "2026-SP");
  check ("Floods came in the winter of 1994.", REF, "the winter of 1994", "1994-WI");
  check ("Profit rose in the third quarter.", REF, "the third quarter", "2025-Q3");
  check ("Profit rose in the fourth quarter of 2024.", REF, "the fourth quarter of 2024", "2024-Q4");
  check ("Music changed in the nineties.", REF, "the nineties", "199");
  check ("Net income rose in fiscal 1989.", REF, "fiscal 1989", "FY1989");
  check ("Sales fell in the first half of 2024.", REF, "first half of 2024", "2024-H1");
  check ("The abbey was built in the 11th century.", REF, "the 11th century", "10");
}

static void
test_other_languages (void)
{
  check ("Susitikimas įvyko 2025 m. lapkričio 27 d., ketvirtadienį.", NULL,
         "2025 m. lapkričio 27 d.", "2025-11-27");
  check ("Spotkanie odbyło się 27 listopada 2025 r. w Warszawie.", NULL,
         "27 listopada 2025 r.", "2025-11-27");
  check ("Das Treffen fand am 27. November 2025 statt.", NULL, "27. November 2025", "2025-11-27");
  check ("La réunion a eu lieu le 27 novembre 2025.", NULL, "27 novembre 2025", "2025-11-27");
  check ("La reunión se celebró el 27 de noviembre de 2025.", NULL,
         "27 de noviembre de 2025", "2025-11-27");
  check ("Встреча состоялась 27 ноября 2025 года.", NULL, "27 ноября 2025 года", "2025-11-27");
  check ("Зустріч відбулася 27 листопада 2025 р.", NULL, "27 листопада 2025 р.", "2025-11-27");
  check ("L'incontro si è tenuto il 3 marzo 2024.", NULL, "3 marzo 2024", "2024-03-03");
  check ("A reunião foi em 27 de novembro de 2025.", NULL, "27 de novembro de 2025", "2025-11-27");
  check ("Das Gesetz gilt seit 1. Januar 2024.", NULL, "1. Januar 2024", "2024-01-01");
}

static void
test_no_reference (void)
{
  g_autoptr(GPtrArray) t = analyze ("They met on Tuesday, talked yesterday and sign now. "
                                    "The war began in February 2022.",
                                    NULL);

  assert_timex (t, "Tuesday", "XXXX-WXX-2", "date");
  assert_timex (t, "yesterday", "XXXX-XX-XX", "date");
  assert_timex (t, "now", "PRESENT_REF", "date");
  assert_timex (t, "February 2022", "2022-02", "date");
}

static void
test_not_dates (void)
{
  g_autoptr(GPtrArray) t = analyze ("He may leave. May the best team win. The score was 32 "
                                    "August 2014 style nonsense, 02/30/2022 and version "
                                    "1.1.30. Call 555-1234. The army sent 2000 troops.",
                                    REF);

  g_assert_cmpuint (t->len, ==, 0);
}

static void
test_offsets_and_sentences (void)
{
  /* "Ž" and "ė" are one code point each: offsets count code points */
  const char *text = "Žemė drebėjo. Sen. Angus King met Mr. Smith in the U.S. capital on "
                     "Nov. 16. The next day he left.";
  g_autoptr(GPtrArray) t = analyze (text, REF);
  DossierTimex *nov;
  g_autofree char *span = NULL;
  glong start;

  nov = find (t, "Nov. 16", 1);
  g_assert_nonnull (nov);
  start = g_utf8_pointer_to_offset (text, strstr (text, "Nov. 16"));
  g_assert_cmpuint (dossier_timex_get_start (nov), ==, start);
  g_assert_cmpuint (dossier_timex_get_end (nov), ==, start + 7);
  g_assert_cmpstr (dossier_timex_get_sentence (nov), ==,
                   "Sen. Angus King met Mr. Smith in the U.S. capital on Nov. 16.");
  g_assert_cmpstr (dossier_timex_get_precision (nov), ==, "day");
  g_assert_cmpstr (dossier_timex_get_interval_start (nov), ==, "2025-11-16");
  g_assert_cmpstr (dossier_timex_get_interval_end (nov), ==, "2025-11-16");
  assert_timex (t, "The next day", "2025-11-17", "date");
  span = g_utf8_substring (text, dossier_timex_get_start (nov), dossier_timex_get_end (nov));
  g_assert_cmpstr (span, ==, "Nov. 16");
}

static void
test_sentences (void)
{
  const char *text = "Sen. Angus King met Mr. Smith on Nov. 16 in Washington. "
                     "Officials in the U.S. said so. They left the U.S. The end!\n\n"
                     "Žodis “Labas.” Kitas sakinys";
  g_autoptr(GArray) s = dossier_sentences_split (text);
  const char *want[] = {
    "Sen. Angus King met Mr. Smith on Nov. 16 in Washington.",
    "Officials in the U.S. said so.",
    "They left the U.S.",
    "The end!",
    "Žodis “Labas.”",
    "Kitas sakinys",
  };

  g_assert_cmpuint (s->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < s->len; i++)
    {
      DossierSentence *sent = &g_array_index (s, DossierSentence, i);
      g_autofree char *str = g_utf8_substring (text, sent->start, sent->end);

      g_assert_cmpstr (str, ==, want[i]);
      g_assert_cmpint (strncmp (text + sent->byte_start, want[i], strlen (want[i])), ==, 0);
    }
}

static void
test_json (void)
{
  g_autoptr(GPtrArray) t = analyze ("The talks lasted three days and ended on Tuesday.", REF);
  g_autoptr(JsonNode) node = dossier_timeline_to_json (t);
  JsonArray *array = json_node_get_array (node);
  JsonObject *o;
  const char *keys[] = { "text", "value", "type", "start", "end", "sentence", "precision",
                         "interval_start", "interval_end" };

  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < 2; i++)
    for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
      g_assert_true (json_object_has_member (json_array_get_object_element (array, i), keys[k]));
  o = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (o, "text"), ==, "Tuesday");
  g_assert_cmpstr (json_object_get_string_member (o, "value"), ==, "2025-11-25");
  g_assert_cmpstr (json_object_get_string_member (o, "type"), ==, "date");
  g_assert_cmpint (json_object_get_int_member (o, "start"), ==, 41);
  g_assert_cmpint (json_object_get_int_member (o, "end"), ==, 48);
  g_assert_cmpstr (json_object_get_string_member (o, "sentence"), ==,
                   "The talks lasted three days and ended on Tuesday.");
  o = json_array_get_object_element (array, 0);
  g_assert_true (json_object_get_null_member (o, "interval_start"));
}

static void
test_timex_object (void)
{
  g_autoptr(GPtrArray) t = analyze ("Talks ended on Tuesday.", REF);
  DossierTimex *timex = g_ptr_array_index (t, 0);
  g_autofree char *value = NULL;
  g_autofree char *type = NULL;
  guint start;

  g_object_get (timex, "value", &value, "timex-type", &type, "start", &start, NULL);
  g_assert_cmpstr (value, ==, "2025-11-25");
  g_assert_cmpstr (type, ==, "date");
  g_assert_cmpuint (start, ==, 15);
  g_object_ref (timex);
  g_clear_pointer (&t, g_ptr_array_unref);
  g_assert_finalize_object (timex);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/timeline/absolute", test_absolute);
  g_test_add_func ("/dossier/timeline/relative-tense", test_relative_tense);
  g_test_add_func ("/dossier/timeline/fragments", test_fragments);
  g_test_add_func ("/dossier/timeline/numeric-and-ranges", test_numeric_and_ranges);
  g_test_add_func ("/dossier/timeline/year-boundary", test_year_boundary);
  g_test_add_func ("/dossier/timeline/anaphora", test_anaphora);
  g_test_add_func ("/dossier/timeline/holidays", test_holidays);
  g_test_add_func ("/dossier/timeline/weeks-and-weekends", test_weeks_and_weekends);
  g_test_add_func ("/dossier/timeline/parts-of-day", test_parts_of_day);
  g_test_add_func ("/dossier/timeline/durations", test_durations);
  g_test_add_func ("/dossier/timeline/durations-placed", test_durations_placed);
  g_test_add_func ("/dossier/timeline/durations-from-now", test_durations_from_now);
  g_test_add_func ("/dossier/timeline/sets", test_sets);
  g_test_add_func ("/dossier/timeline/duration-ranges", test_duration_ranges);
  g_test_add_func ("/dossier/timeline/vague", test_vague);
  g_test_add_func ("/dossier/timeline/seasons-quarters-decades", test_seasons_quarters_decades);
  g_test_add_func ("/dossier/timeline/other-languages", test_other_languages);
  g_test_add_func ("/dossier/timeline/no-reference", test_no_reference);
  g_test_add_func ("/dossier/timeline/not-dates", test_not_dates);
  g_test_add_func ("/dossier/timeline/offsets", test_offsets_and_sentences);
  g_test_add_func ("/dossier/timeline/sentences", test_sentences);
  g_test_add_func ("/dossier/timeline/json", test_json);
  g_test_add_func ("/dossier/timeline/timex-object", test_timex_object);

  return g_test_run ();
}
