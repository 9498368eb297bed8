/**
 * Input caps of the ifeval verifier, so no response costs more than about a second of verifier
 * time however it is built: the checkers and the loose variants are linear scans, and a response
 * longer than the cap is not evaluated at all but fails with a clear reason. IFEval and IFBench
 * responses are a few thousand characters (at most 8.5k in the test corpora); the default leaves
 * six times that. Some IFBench checkers cost tens of microseconds per character, so the cap is what
 * keeps them near a second.
 */

/** Default longest response evaluated, in UTF-16 code units (`maxResponseChars` raises or lowers it). */
export const DEFAULT_MAX_RESPONSE_CHARS = 50_000;

/** Reason code of a response longer than the cap (a judged failure: the response's own doing). */
export const RESPONSE_TOO_LONG = 'response-too-long';

/** The cap in effect for these options; throws a message for a bad value. */
export function responseCap(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_RESPONSE_CHARS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new TypeError(`options.maxResponseChars must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}
