/**
 * Loose mode, exactly as the reference builds it: the response as is, without `*`, without its
 * first line, its last line, or both (each stripped), and those three without `*`. An instruction
 * passes loose if any non-blank variant passes.
 */
import { pyStrip } from './text/pystr.js';

/** The reference's 8 loose variants, in its order. */
export function looseVariants(response: string): string[] {
  const lines = response.split('\n');
  const removeFirst = pyStrip(lines.slice(1).join('\n'));
  const removeLast = pyStrip(lines.slice(0, -1).join('\n'));
  const removeBoth = pyStrip(lines.slice(1, -1).join('\n'));
  const noStar = (s: string): string => s.replaceAll('*', '');
  return [response, noStar(response), removeFirst, removeLast, removeBoth, noStar(removeFirst), noStar(removeLast), noStar(removeBoth)];
}
