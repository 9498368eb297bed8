/**
 * How much of a response the `mcq` verifier reads: its last {@link MCQ_TAIL_CHARS} characters
 * (a committed answer is at the end; reading further back only costs time). Kept in a file of its
 * own so that the registry can tell the batch runner without loading the verifier: the runner
 * sends only that tail to a worker, so a 10 MB response costs the copy of 32k characters, and the
 * verdict is the same because the verifier would cut the same tail itself.
 */
export const MCQ_TAIL_CHARS = 32_768;
