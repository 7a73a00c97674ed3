// Times citation-js 0.8.2 on the generated corpus, the same operations PeerTimer.cs times for ScholarlyRecord.
// Usage: node time.mjs <corpus-dir> <repetitions> <count>...   (counts in ascending order, e.g. 1000 10000 100000)
// Prints one tab-separated line per operation, path and count:
//   operation, path, records, median seconds, fastest seconds, bytes (input for a read, output for a write)
// Paths:
//   fast       citation-js's documented fast path: plugins.input.chain(text, { generateGraph: false }) for a read,
//              plugins.output.format(name, items) for a write (from items parsed once, outside the clock)
//   cite       the Cite object: new Cite(text) for a read, cite.format(name) for a write
//   json-parse JSON.parse alone (CSL-JSON is citation-js's internal model, so this is the floor of any CSL-JSON read)
// Every file is read into memory before the clock starts. Each operation runs once as a warm-up (which also checks
// that every record came through), then <repetitions> timed runs, and the median is reported. Counts above 10,000
// get one timed run and no separate warm-up (the smaller counts, timed first in the same process, warmed the JIT;
// the timed run checks the count), and `new Cite` is not timed there (about 10 minutes a pass at 100,000 records).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';

const [dir, repsText, ...countTexts] = process.argv.slice(2);
const defaultReps = Number(repsText);
const read = (name) => readFileSync(join(dir, name), 'utf8');
const utf8 = (text) => Buffer.byteLength(text, 'utf8');

function time(name, path, count, records, bytes, reps, warmUp, run) {
  const seconds = [];
  let check;
  if (warmUp) check = run(); // its result also checks that every record came through
  for (let i = 0; i < reps; i++) {
    const start = process.hrtime.bigint();
    check = run();
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  const got = typeof check === 'object' ? check.records : check;
  if (got !== records) throw new Error(`${name} (${path}): expected ${records} records, got ${got}`);
  const size = typeof check === 'object' ? check.bytes : bytes;
  seconds.sort((a, b) => a - b);
  const median = seconds.length % 2 ? seconds[(seconds.length - 1) / 2]
    : (seconds[seconds.length / 2 - 1] + seconds[seconds.length / 2]) / 2;
  process.stdout.write(`${name}\t${path}\t${count}\t${median}\t${seconds[0]}\t${size}\n`);
}

const countEntries = (text, pattern) => (text.match(pattern) || []).length;
// A write's result: the records it wrote (counted, as a check) and the UTF-8 bytes of its output.
const written = (text, pattern) => ({ records: countEntries(text, pattern), bytes: utf8(text) });

for (const countText of countTexts) {
  const count = Number(countText);
  const big = count > 10000;
  const reps = big ? 1 : defaultReps;
  const bibtex = read(`chapters-${count}.bib`);
  const ris = read(`chapters-${count}.ris`);
  const csl = read(`chapters-${count}.csl.json`);
  const t = (name, path, bytes, run) => time(name, path, count, count, bytes, reps, !big, run);

  t('bibtex-read', 'fast', utf8(bibtex), () => plugins.input.chain(bibtex, { generateGraph: false, forceType: '@bibtex/text' }).length);
  t('ris-read', 'fast', utf8(ris), () => plugins.input.chain(ris, { generateGraph: false, forceType: '@ris/file' }).length);
  t('csl-read', 'json-parse', utf8(csl), () => JSON.parse(csl).length);
  t('csl-read', 'fast', utf8(csl), () => plugins.input.chain(csl, { generateGraph: false }).length);

  // Writers start from citation-js's own parsed records, built once outside the clock (as ours start from chapters).
  const items = plugins.input.chain(csl, { generateGraph: false });
  t('bibtex-write', 'fast', 0, () => written(plugins.output.format('bibtex', items, { format: 'text' }), /^@/gm));
  t('ris-write', 'fast', 0, () => written(plugins.output.format('ris', items, { format: 'text' }), /^TY  - /gm));

  if (!big) {
    t('bibtex-read', 'cite', utf8(bibtex), () => new Cite(bibtex, { forceType: '@bibtex/text' }).data.length);
    t('ris-read', 'cite', utf8(ris), () => new Cite(ris, { forceType: '@ris/file' }).data.length);
    t('csl-read', 'cite', utf8(csl), () => new Cite(JSON.parse(csl), { forceType: '@csl/list+object' }).data.length);
    const parsed = new Cite(JSON.parse(csl), { forceType: '@csl/list+object' });
    t('bibtex-write', 'cite', 0, () => written(parsed.format('bibtex', { format: 'text' }), /^@/gm));
    t('ris-write', 'cite', 0, () => written(parsed.format('ris', { format: 'text' }), /^TY  - /gm));
  }
}
