// Times citation-js 0.8.2 on the generated corpus, the same operations PeerTimer.cs times for ScholarlyRecord.
// Usage: node time.mjs <corpus-dir> <count> <cite-count> <repetitions>
// Prints one tab-separated line per operation: operation, records, median seconds, fastest seconds.
// Every file is read into memory before the clock starts; each operation runs once as a warm-up, then <repetitions>
// timed runs, and the median is reported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';

const [dir, countText, citeCountText, repsText] = process.argv.slice(2);
const count = Number(countText);
const citeCount = Number(citeCountText);
const reps = Number(repsText);
const read = (name) => readFileSync(join(dir, name), 'utf8');

const bibtex = read(`chapters-${count}.bib`);
const ris = read(`chapters-${count}.ris`);
const csl = read(`chapters-${count}.csl.json`);
const citeCsl = read(`chapters-${citeCount}.csl.json`);

function time(name, records, run) {
  let check = run(); // warm-up; its result also checks that every record came through
  if (check !== records) throw new Error(`${name}: expected ${records} records, got ${check}`);
  const seconds = [];
  for (let i = 0; i < reps; i++) {
    const start = process.hrtime.bigint();
    check = run();
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  seconds.sort((a, b) => a - b);
  const median = seconds.length % 2 ? seconds[(seconds.length - 1) / 2]
    : (seconds[seconds.length / 2 - 1] + seconds[seconds.length / 2]) / 2;
  process.stdout.write(`${name}\t${records}\t${median}\t${seconds[0]}\n`);
}

// Writers start from citation-js's own parsed records, built once outside the clock (as ours start from chapters).
const parsed = new Cite(JSON.parse(csl), { forceType: '@csl/list+object' });
const parsedForCitations = new Cite(JSON.parse(citeCsl), { forceType: '@csl/list+object' });
const countEntries = (text, pattern) => (text.match(pattern) || []).length;

time('bibtex-read', count, () => new Cite(bibtex, { forceType: '@bibtex/text' }).data.length);
time('ris-read', count, () => new Cite(ris, { forceType: '@ris/file' }).data.length);
time('csl-read', count, () => new Cite(JSON.parse(csl), { forceType: '@csl/list+object' }).data.length);
time('bibtex-write', count, () => countEntries(parsed.format('bibtex', { format: 'text' }), /^@/gm));
time('ris-write', count, () => countEntries(parsed.format('ris', { format: 'text' }), /^TY  - /gm));
time('citation', citeCount, () => {
  // One formatted APA reference per record, as ours formats one SpringerLink line per chapter.
  const text = parsedForCitations.format('bibliography', { template: 'apa', format: 'text', lang: 'en-US' });
  return text.split('\n').filter((line) => line.trim().length > 0).length;
});
