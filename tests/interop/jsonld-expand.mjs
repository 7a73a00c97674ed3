// Expands a JSON-LD document read from stdin with jsonld.js, offline, and prints the expanded form.
// The schema.org context is served from schemaorg-context.jsonld; any other remote document is refused.
// Exit code 0 on success, 1 with the error on stderr otherwise.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import jsonld from 'jsonld';

const here = dirname(fileURLToPath(import.meta.url));
const context = JSON.parse(readFileSync(join(here, 'schemaorg-context.jsonld'), 'utf8'));
const schemaOrgUrls = new Set([
  'https://schema.org', 'https://schema.org/', 'http://schema.org', 'http://schema.org/',
  'https://schema.org/docs/jsonldcontext.jsonld', 'http://schema.org/docs/jsonldcontext.jsonld',
]);

const documentLoader = async (url) => {
  if (schemaOrgUrls.has(url)) return { contextUrl: null, documentUrl: url, document: context };
  throw new Error(`Refusing to load ${url}: this script works offline and serves only the schema.org context.`);
};

try {
  const input = JSON.parse(readFileSync(0, 'utf8'));
  const expanded = await jsonld.expand(input, { documentLoader, safe: true });
  process.stdout.write(JSON.stringify(expanded, null, 2) + '\n');
} catch (error) {
  process.stderr.write(`${error.name}: ${error.message}\n${error.details ? JSON.stringify(error.details) : ''}\n`);
  process.exit(1);
}
