// Converts bibliographic data between formats with citation-js, for the ScholarlyRecord interop tests.
// Usage: node cite.mjs <from> <to>   (from, to: csl | bibtex | biblatex | ris); input on stdin, output on stdout.
// Exit codes: 0 success, 2 bad arguments, 1 conversion failure (message on stderr).
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';

const inputTypes = { csl: '@csl/list+object', bibtex: '@bibtex/text', biblatex: '@biblatex/text', ris: '@ris/file' };
const outputFormats = { csl: 'data', bibtex: 'bibtex', biblatex: 'biblatex', ris: 'ris' };

const [from, to] = process.argv.slice(2);
if (!(from in inputTypes) || !(to in outputFormats)) {
  process.stderr.write('usage: node cite.mjs <csl|bibtex|biblatex|ris> <csl|bibtex|biblatex|ris>\n');
  process.exit(2);
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const text = Buffer.concat(chunks).toString('utf8');

try {
  let input = text;
  if (from === 'csl') {
    input = JSON.parse(text);
    if (!Array.isArray(input)) input = [input];
  }
  const cite = new Cite(input, { forceType: inputTypes[from] });
  const out = to === 'csl'
    ? JSON.stringify(cite.format('data', { format: 'object' }), null, 2)
    : cite.format(outputFormats[to], { format: 'text' });
  process.stdout.write(out);
  process.stdout.write('\n');
} catch (error) {
  process.stderr.write(`citation-js failed: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
}
