// Joins time.mjs's and PeerTimer's tab-separated lines into a Markdown table of records/s and ratios.
// Usage: node table.mjs <theirs.tsv> <ours.tsv>
import { readFileSync } from 'node:fs';

const labels = {
  'bibtex-read': 'BibTeX read',
  'ris-read': 'RIS read',
  'csl-read': 'CSL-JSON read',
  'bibtex-write': 'BibTeX write',
  'ris-write': 'RIS write',
  'citation': 'Formatted citation (ours: SpringerLink line; theirs: APA via plugin-csl)',
};

const parse = (path) => Object.fromEntries(readFileSync(path, 'utf8').trim().split('\n').map((line) => {
  const [op, records, median] = line.split('\t');
  return [op, { records: Number(records), perSecond: Number(records) / Number(median) }];
}));

const theirs = parse(process.argv[2]);
const ours = parse(process.argv[3]);
// CSL rows (ours: our CSL processor; theirs: citeproc-js 2.4.63), one per count that run.sh timed.
for (const op of Object.keys(theirs)) {
  if (op.startsWith('csl-apa-')) labels[op] = `APA bibliography, CSL processor vs citeproc-js (${Number(op.slice(8)).toLocaleString('en-US')} chapters)`;
}
const fmt = (n) => Math.round(n).toLocaleString('en-US');
console.log('| Operation | Records | citation-js (records/s) | ScholarlyRecord (records/s) | Ratio |');
console.log('|---|---:|---:|---:|---:|');
for (const [op, label] of Object.entries(labels)) {
  const t = theirs[op];
  const o = ours[op];
  if (!t || !o) continue;
  console.log(`| ${label} | ${fmt(o.records)} | ${fmt(t.perSecond)} | ${fmt(o.perSecond)} | ${(o.perSecond / t.perSecond).toFixed(1)}x |`);
}
