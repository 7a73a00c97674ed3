// Renders CSL items with citeproc-js, the reference CSL processor, for the ScholarlyRecord oracle tests.
// citeproc-js is used as a black box through its documented API (CSL.Engine, updateItems, makeBibliography,
// makeCitationCluster); it is a test tool only and is never shipped with the package.
//
// Usage: node csl-render.mjs < request.json > response.json
// The request is one JSON object:
//   { "locales": { "en-US": "<locale xml>", ... },
//     "jobs": [ { "style": "<style xml>", "lang": "en-US", "format": "text" | "html",
//                 "mode": "bibliography" | "citation", "items": [ <CSL-JSON item>, ... ] }, ... ] }
// The response is a JSON array with one object per job:
//   bibliography: { "entries": [ "...", ... ], "ids": [ "...", ... ] }   (entries in the style's order)
//   citation:     { "citations": [ "...", ... ] }  (every item registered, then each cited alone, in input order)
//   or { "error": "message" } when citeproc-js throws for that job.
// Exit codes: 0 success (even when a job failed: see "error"), 1 unreadable request.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const CSL = require('citeproc');

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
let request;
try {
  request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
} catch (error) {
  process.stderr.write(`csl-render: the request is not JSON: ${error}\n`);
  process.exit(1);
}

const locales = request.locales ?? {};
function retrieveLocale(lang) {
  if (locales[lang]) return locales[lang];
  // citeproc-js asks for bare languages too ("de"); answer with the first locale of that language.
  const match = Object.keys(locales).find((tag) => tag.split('-')[0] === lang);
  return match ? locales[match] : false;
}

const results = [];
for (const job of request.jobs ?? []) {
  try {
    const items = new Map(job.items.map((item) => [String(item.id), item]));
    const sys = { retrieveLocale, retrieveItem: (id) => items.get(String(id)) };
    const engine = new CSL.Engine(sys, job.style, job.lang ?? 'en-US', job.forceLang ?? false);
    engine.setOutputFormat(job.format === 'html' ? 'html' : 'text');
    const ids = [...items.keys()];
    engine.updateItems(ids);
    if ((job.mode ?? 'bibliography') === 'bibliography') {
      const bibliography = engine.makeBibliography();
      if (!bibliography) {
        results.push({ entries: [], ids: [] });
      } else {
        const [params, entries] = bibliography;
        results.push({ entries, ids: params.entry_ids.map((group) => String(group[0])) });
      }
    } else {
      const citations = ids.map((id) => engine.makeCitationCluster([{ id }]));
      results.push({ citations });
    }
  } catch (error) {
    results.push({ error: String(error && error.message ? error.message : error) });
  }
}
process.stdout.write(JSON.stringify(results));
