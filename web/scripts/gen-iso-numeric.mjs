// Writes src/generated/iso-numeric.json: ISO 3166-1 numeric code -> alpha-3, from Debian's
// iso-codes. world-atlas identifies its shapes by the numeric code, the Ordo API by alpha-3.
// Run by `npm run build`, `npm run dev` and `npm test` (their pre-scripts); the output is not committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const isoDir = process.env.ORDO_ISO_CODES_DIR || '/usr/share/iso-codes/json';
const source = join(isoDir, 'iso_3166-1.json');
const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'generated', 'iso-numeric.json');

let catalog;
try {
  catalog = JSON.parse(readFileSync(source, 'utf8'));
} catch (error) {
  console.error(`gen-iso-numeric: cannot read ${source} (Debian package iso-codes): ${error.message}`);
  process.exit(1);
}
const entries = catalog['3166-1'];
if (!Array.isArray(entries) || entries.length < 200) {
  console.error(`gen-iso-numeric: ${source} has no "3166-1" list of countries`);
  process.exit(1);
}
const byNumeric = {};
for (const country of entries) {
  if (/^\d{3}$/.test(country.numeric ?? '') && /^[A-Z]{3}$/.test(country.alpha_3 ?? '')) {
    byNumeric[country.numeric] = country.alpha_3;
  }
}
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(byNumeric, null, 0)}\n`);
console.log(`gen-iso-numeric: ${Object.keys(byNumeric).length} codes -> ${target}`);
