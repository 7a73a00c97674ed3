// Joins the tab-separated lines of time.mjs, py-time.py and PeerTimer (ours) into Markdown tables.
// Usage: node table.mjs <theirs.tsv> <ours.tsv>
// Input lines: operation, path, records, median seconds, fastest seconds, bytes (input for a read, output for a write);
// csl-time.mjs / csl-peers lines (csl-apa-<count>) have only the first four columns of the old layout and get their
// own table.
import { readFileSync } from 'node:fs';

const operations = {
  'bibtex-read': { label: 'BibTeX read', goal: 20 },
  'ris-read': { label: 'RIS read', goal: 10 },
  'csl-read': { label: 'CSL-JSON read', goal: 2 },
  'bibtex-write': { label: 'BibTeX write', goal: 10 },
  'ris-write': { label: 'RIS write', goal: 10 },
};
const paths = {
  fast: 'citation-js fast path',
  'json-parse': '`JSON.parse` alone',
  pybtex: 'pybtex 0.24 (Python)',
  bibtexparser: 'bibtexparser 1.1 (Python)',
};

const rows = [];
const csl = [];
for (const file of process.argv.slice(2)) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const cells = line.split('\t');
    if (cells[0].startsWith('csl-apa-')) {
      csl.push({ file, op: cells[0], records: Number(cells[1]), median: Number(cells[2]) });
      continue;
    }
    const [op, path, records, median, , bytes] = cells;
    rows.push({ op, path, records: Number(records), median: Number(median), bytes: Number(bytes) });
  }
}

const find = (op, path, records) => rows.find((r) => r.op === op && r.path === path && r.records === records);
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const rate = (r) => `${fmt(r.records / r.median)} (${(r.bytes / r.median / 1e6).toFixed(1)})`;
const mb = (r) => (r.bytes / 1e6).toFixed(1);
const counts = [...new Set(rows.filter((r) => r.path === 'ours').map((r) => r.records))].sort((a, b) => a - b);

console.log('Records/s (MB/s in brackets: input bytes for a read, output bytes for a write); ratio = ours / peer, per record.');
console.log();
console.log('| Operation | Records | Output MB (ours / peer) | ScholarlyRecord | Peer (fast path) | Peer | Ratio | Goal | citation-js `new Cite` | Ratio |');
console.log('|---|---:|---:|---:|---|---:|---:|---:|---:|---:|');
for (const [op, { label, goal }] of Object.entries(operations)) {
  for (const count of counts) {
    const ours = find(op, 'ours', count);
    if (!ours) continue;
    const cite = find(op, 'cite', count);
    const citeCells = cite ? `${fmt(cite.records / cite.median)} | ${(cite.median / ours.median).toFixed(1)}x` : 'not timed | ';
    const writes = op.endsWith('-write');
    for (const path of Object.keys(paths)) {
      const peer = find(op, path, count);
      if (!peer) continue;
      const ratio = peer.median / ours.median;
      const output = writes ? `${mb(ours)} / ${mb(peer)}` : '';
      const goalCell = path === 'fast' || path === 'json-parse' ? `${goal}x: ${ratio >= goal ? 'met' : '**missed**'}` : '';
      console.log(`| ${label} | ${fmt(count)} | ${output} | ${rate(ours)} | ${paths[path]} | ${rate(peer)} | ${ratio.toFixed(1)}x | ${goalCell} | ${path === 'fast' ? citeCells : ' | '} |`);
    }
  }
}

if (csl.length) {
  console.log();
  console.log('| APA bibliography, CSL processor vs citeproc-js | citeproc-js (items/s) | ScholarlyRecord (items/s) | Ratio |');
  console.log('|---|---:|---:|---:|');
  const [theirsFile] = process.argv.slice(2);
  for (const t of csl.filter((c) => c.file === theirsFile)) {
    const o = csl.find((c) => c.file !== theirsFile && c.op === t.op);
    if (!o) continue;
    console.log(`| ${fmt(t.records)} chapters | ${fmt(t.records / t.median)} | ${fmt(o.records / o.median)} | ${(t.median / o.median).toFixed(1)}x |`);
  }
}
