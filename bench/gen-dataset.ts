/**
 * Write a synthetic CrossThink-style dataset for the filter bench: MCQ and open-ended records
 * across domains, with a realistic share of records the filters reject (duplicates, gold letters
 * outside the options, repeated options, long answers, empty questions, malformed lines).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const DOMAINS = ['stem', 'humanities', 'social_science', 'math', 'law', 'economics'];
const WORDS = 'the of energy market court cell price rate law growth atom force value river empire theory model data'.split(' ');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

/** Write `n` lines to `path`; resolves when the file is closed. */
export async function writeDataset(path: string, n: number, seed = 1): Promise<void> {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const words = (k: number): string => Array.from({ length: k }, () => pick(WORDS)).join(' ');
  const out = createWriteStream(path);
  let buf = '';
  const recent: string[] = [];
  for (let i = 0; i < n; i++) {
    // Each record is good, or broken in one way, with the shares below.
    const fault = rand();
    let line: string;
    const q = fault < 0.03 && recent.length ? pick(recent) : `Question ${i}: what is the ${words(8)}?`;
    recent[i % 100] = q;
    if (fault >= 0.03 && fault < 0.032) line = '{not json';
    else if (rand() < 0.55) {
      const opts = Array.from({ length: 4 + Math.floor(rand() * 6) }, (_, k) => `${words(3)} ${k}`);
      if (fault >= 0.032 && fault < 0.042) opts[1] = opts[0]!;
      const answer = fault >= 0.042 && fault < 0.052 ? 'J' : 'ABCDEFGHIJ'[Math.floor(rand() * Math.min(opts.length, 9))];
      line = JSON.stringify({ id: i, domain: pick(DOMAINS), question: q, options: opts, answer });
    } else {
      const answer = fault >= 0.052 && fault < 0.072 ? words(14) : String(Math.floor(rand() * 1000));
      line = JSON.stringify({ id: i, domain: pick(DOMAINS), question: fault >= 0.072 && fault < 0.082 ? '' : q, answer });
    }
    buf += line + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}
