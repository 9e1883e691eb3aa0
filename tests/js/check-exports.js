// SPDX-License-Identifier: GPL-3.0-or-later
// Test tooling only. Runs `dossier-cli export` on the export fixture in every
// format and checks the files with real parsers: markdown-it (CommonMark),
// citation-js's BibTeX and RIS parsers, citeproc-js (through
// @citation-js/plugin-csl, APA style) and fast-xml-parser.
// Exits 77 (skipped) when `npm ci` has not been run in tests/js.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const here = __dirname;
if (!fs.existsSync(path.join(here, 'node_modules', 'markdown-it'))) {
  console.log('# skipped: run `npm ci --prefix tests/js` first');
  process.exit(77);
}
const cli = process.env.DOSSIER_CLI;
if (!cli || !fs.existsSync(cli)) {
  console.log('# skipped: DOSSIER_CLI is not set');
  process.exit(77);
}

const MarkdownIt = require('markdown-it');
const { Cite } = require('@citation-js/core');
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-ris');
require('@citation-js/plugin-csl');
const { XMLParser, XMLValidator } = require('fast-xml-parser');

const fixtures = path.join(here, '..', 'fixtures', 'export');
const clipping = path.join(fixtures, 'clipping.txt');
const notes = path.join(fixtures, 'notes.json');
const exportAs = format =>
  execFileSync(cli, ['export', clipping, '--format', format, '--notes', notes], { encoding: 'utf8' });

let n = 0, failed = 0;
function check(name, fn) {
  n++;
  try { fn(); console.log(`ok ${n} ${name}`); }
  catch (e) { failed++; console.log(`not ok ${n} ${name}\n# ${String(e.stack || e).split('\n').join('\n# ')}`); }
}
function assert(cond, message) { if (!cond) throw new Error(message); }

const w3c = JSON.parse(exportAs('w3c'));
const annotations = w3c.first.items;
const title = 'Tidal Turbines Return to the Pentland Firth';
const families = ['Ó Briain', 'de la Cruz'];

check('markdown parses as CommonMark, user text stays text', () => {
  const md = exportAs('markdown');
  const tokens = new MarkdownIt('commonmark').parse(md, {});
  const all = tokens.flatMap(t => [t, ...(t.children || [])]);
  const bad = all.filter(t => /^html_/.test(t.type) || /^(link|image)/.test(t.type));
  assert(bad.length === 0, `raw HTML or links: ${bad.map(t => t.type + ' ' + t.content).join(', ')}`);
  const headings = tokens.filter(t => t.type === 'heading_open');
  assert(headings.filter(t => t.tag === 'h1').length === 1, 'one title');
  const h2 = tokens.map((t, i) => t.type === 'heading_open' && t.tag === 'h2' ? tokens[i + 1].content : null)
    .filter(Boolean);
  for (const h of h2)
    assert(['Highlights', 'Notes', 'People', 'Organizations', 'Places', 'Timeline'].includes(h), `unexpected heading ${h}`);
  assert(tokens.filter(t => t.type === 'heading_open').length === 1 + h2.length, 'no heading from user text');
  assert(tokens.filter(t => t.type === 'blockquote_open').length === annotations.length,
         'one block quote per highlight');
  const html = new MarkdownIt('commonmark').render(md);
  assert(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;'),
         'the hostile note is shown as text');
  assert(!/<script|<img|<em>entity/.test(html), 'no markup from user text');
  assert(html.includes(`<h1>${title}</h1>`), 'title');
});

check('bibtex parses, with title, authors and newspaper', () => {
  const bib = exportAs('bibtex');
  const [item] = new Cite(bib).data;
  // biblatex: the subtitle is part of the title
  assert(item.title.startsWith(title), `title: ${item.title}`);
  assert(JSON.stringify(item.author.map(a => a.family)) === JSON.stringify(families),
         `authors: ${JSON.stringify(item.author)}`);
  assert(item['container-title'] === 'North Sea Energy Review', `container: ${item['container-title']}`);
  assert(item.issued['date-parts'][0].join('-') === '2025-3-6', `issued: ${JSON.stringify(item.issued)}`);
  assert(item.page === 'C4', `page: ${item.page}`);
});

check('ris parses, with title, authors and newspaper', () => {
  const ris = exportAs('ris');
  const [item] = new Cite(ris, { forceType: '@ris/file' }).data;
  assert(item.type === 'article-newspaper', `type: ${item.type}`);
  assert(item.title === title, `title: ${item.title}`);
  // RIS: the authors of a NEWS record are its reporters
  assert(JSON.stringify(item.reporter) === JSON.stringify(['Ó Briain, Siobhán', 'de la Cruz, Tomás']),
         `reporters: ${JSON.stringify(item.reporter)}`);
  assert(item['container-title'] === 'North Sea Energy Review', `container: ${item['container-title']}`);
  assert(item.page === 'C4', `page: ${item.page}`);
});

check('csl-json renders through citeproc (APA) with title and authors', () => {
  const csl = JSON.parse(exportAs('csl-json'));
  const text = new Cite(csl).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' });
  console.log(`# ${text.trim()}`);
  assert(text.includes(title), 'title in the citation');
  for (const f of families) assert(text.includes(f), `${f} in the citation`);
  assert(text.includes('North Sea Energy Review'), 'newspaper in the citation');
  assert(text.includes('2025'), 'year in the citation');
});

check('timeline svg is XML and shows every dated entry', () => {
  const svg = exportAs('timeline-svg');
  assert(XMLValidator.validate(svg) === true, JSON.stringify(XMLValidator.validate(svg)));
  const doc = new XMLParser({ ignoreAttributes: false }).parse(svg);
  assert(doc.svg && doc.svg['@_xmlns'] === 'http://www.w3.org/2000/svg', 'an svg root');
  const csv = exportAs('csv-timeline').split('\r\n').slice(1).filter(Boolean);
  const dated = csv.map(l => l.split(',')[0]).filter(v => /^\d{4}/.test(v));
  assert(dated.length > 0, 'the fixture has dated entries');
  for (const v of dated) assert(svg.includes(`>${v}</tspan>`), `${v} drawn`);
});

check('html has no active content', () => {
  const html = exportAs('html');
  const tags = html.match(/<[^>]*>/g);
  const bad = tags.filter(t => /^<\/?(script|img|iframe|link|object|embed|a)\b|\son\w+=|javascript:|\s(src|href)=/i.test(t));
  assert(bad.length === 0, `active tags: ${bad.join(' ')}`);
  assert(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;'), 'hostile note as text');
});

console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
