/**
 * Bearer-token auth. The presented token and the configured one are both hashed (SHA-256) and the
 * digests compared with `timingSafeEqual`, so the comparison takes the same time whatever the
 * token's length or content.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** A checker for `Authorization` headers; `undefined` token means auth is off. */
export function createAuth(token: string | undefined): ((header: string | undefined) => boolean) | undefined {
  if (token === undefined) return undefined;
  if (token === '') throw new Error('the server token (--token or REWARDS_TOKEN) is empty');
  const want = createHash('sha256').update(token).digest();
  return (header) => {
    const m = typeof header === 'string' ? /^Bearer[ \t]+(.*)$/i.exec(header) : null;
    const got = createHash('sha256').update(m ? m[1]!.trim() : '').digest();
    return timingSafeEqual(want, got) && m !== null;
  };
}
