/**
 * `npm run bench [-- NAME ...]`: runs every `bench/*.bench.ts` (or the named ones) one after the
 * other, each in a fresh Node process so that one bench's warm caches and pools do not help
 * another. Each bench prints its own table.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const chosen = wanted.length ? all.filter((f) => wanted.some((w) => f.startsWith(w))) : all;
if (chosen.length === 0) {
  console.error(`no bench matches ${wanted.join(' ')} (have: ${all.join(', ')})`);
  process.exit(1);
}
let failed = 0;
for (const file of chosen) {
  console.log(`\n=== ${file} ===`);
  // --no-node-snapshot: isolated-vm (code verifier) needs it on Node 20.
  const r = spawnSync(process.execPath, ['--no-node-snapshot', '--import', 'tsx', `${dir}${file}`], { stdio: 'inherit' });
  if (r.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
