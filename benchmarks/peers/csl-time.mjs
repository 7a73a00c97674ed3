// Times citeproc-js 2.4.63 (Zotero's CSL processor, the one citation-js uses) rendering an APA bibliography of the
// generated chapters, the same operation CslPeerTimer.cs times for ScholarlyRecord's CSL processor.
// Usage: node csl-time.mjs <corpus-dir> <style.csl> <locale-en-US.xml> <repetitions> <count>...
// Prints one tab-separated line per count: csl-apa-<count>, records, median seconds, fastest seconds.
// The CSL-JSON file is read and parsed before the clock starts. A pass is what a caller does for a new document: a new
// CSL.Engine over the style text (citeproc-js has no separate parsed-style object, so its style parse is inside the
// pass; it takes a few milliseconds, under 1% of a pass), updateItems with every id (registration, sorting,
// disambiguation) and makeBibliography. One pass runs as a warm-up (and checks the entry count), then <repetitions>.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const CSL = require('citeproc');

const [dir, stylePath, localePath, repsText, ...counts] = process.argv.slice(2);
const style = readFileSync(stylePath, 'utf8');
const locale = readFileSync(localePath, 'utf8');
const reps = Number(repsText);

for (const countText of counts) {
  const count = Number(countText);
  const items = JSON.parse(readFileSync(join(dir, `chapters-${count}.csl.json`), 'utf8'));
  const byId = new Map(items.map((item) => [String(item.id), item]));
  const ids = [...byId.keys()];
  const sys = { retrieveLocale: () => locale, retrieveItem: (id) => byId.get(String(id)) };
  const pass = () => {
    const engine = new CSL.Engine(sys, style, 'en-US');
    engine.setOutputFormat('text');
    engine.updateItems(ids);
    const [, entries] = engine.makeBibliography();
    return entries.length;
  };
  const check = pass();
  if (check !== count) throw new Error(`csl-apa-${count}: expected ${count} entries, got ${check}`);
  const seconds = [];
  for (let i = 0; i < reps; i++) {
    const start = process.hrtime.bigint();
    pass();
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  seconds.sort((a, b) => a - b);
  const median = seconds.length % 2 ? seconds[(seconds.length - 1) / 2]
    : (seconds[seconds.length / 2 - 1] + seconds[seconds.length / 2]) / 2;
  process.stdout.write(`csl-apa-${count}\t${count}\t${median}\t${seconds[0]}\n`);
}
