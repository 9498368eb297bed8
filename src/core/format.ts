/**
 * The format gate: does a response follow the answer format its template asked for?
 * CrossThink rewards `R = R_acc & R_format`; this is the `R_format` half, shared by all verifiers.
 */

/** The answer forms a template can ask for. */
export type AnswerFormat =
  /** exactly one `\boxed{...}` (or `\fbox{...}`) */
  | 'boxed'
  /** exactly one line `Answer: X` */
  | 'answer-line'
  /** exactly one fenced code block (three backticks) */
  | 'code-block'
  /** no constraint on the answer's form (only the think gate applies) */
  | 'free';

/** What a response must look like to pass the format gate. */
export interface FormatSpec {
  /** The declared form of the final answer. */
  answer: AnswerFormat;
  /**
   * When true the response must close its reasoning with `</think>` (exactly once) and the
   * final answer must come after it.
   */
  think?: boolean;
}

/** The result of the format gate: `ok`, or the reason it failed. */
export type FormatCheck = { ok: true; answerPart: string } | { ok: false; reason: string };

const BOX_RE = /\\(?:boxed|fbox)\s*\{/g;
const ANSWER_LINE_RE = /^[ \t>*_#]*(?:final\s+)?answer[ \t*_]*:/gim;
const FENCE_RE = /^[ \t]*```/gm;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n += 1;
  return n;
}

/**
 * Check a response against a format spec. On success returns the part of the response that holds
 * the answer (after `</think>` when the spec asks for reasoning).
 */
export function checkFormat(response: string, spec: FormatSpec): FormatCheck {
  let answerPart = response;
  if (spec.think) {
    const closes = response.split('</think>').length - 1;
    if (closes === 0) return { ok: false, reason: 'reasoning not closed by </think>' };
    if (closes > 1) return { ok: false, reason: `</think> appears ${closes} times` };
    answerPart = response.slice(response.indexOf('</think>') + '</think>'.length);
  }
  switch (spec.answer) {
    case 'boxed': {
      const n = count(BOX_RE, answerPart);
      if (n !== 1) return { ok: false, reason: `expected exactly one \\boxed{} answer, found ${n}` };
      break;
    }
    case 'answer-line': {
      const n = count(ANSWER_LINE_RE, answerPart);
      if (n !== 1) return { ok: false, reason: `expected exactly one "Answer:" line, found ${n}` };
      break;
    }
    case 'code-block': {
      const fences = count(FENCE_RE, answerPart);
      if (fences !== 2) return { ok: false, reason: `expected exactly one fenced code block, found ${fences} fence lines` };
      break;
    }
    case 'free':
      break;
    default:
      return { ok: false, reason: `unknown answer format ${JSON.stringify(spec.answer)}` };
  }
  return { ok: true, answerPart };
}
