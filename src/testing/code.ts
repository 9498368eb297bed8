/**
 * fast-check arbitraries for the code verifier. `codeResponse(code, language)` wraps a program the
 * way models answer (prose, a draft block, a closed `<think>` section, the final fenced block with
 * any tag that fits); the code verifier must extract exactly `code` from every one of them.
 * `equivalentOutput(output)` respells an expected output in ways LiveCodeBench's rule ignores.
 */
import fc from 'fast-check';

type Language = 'javascript' | 'typescript' | 'python';

const TAGS: Record<Language, string[]> = {
  javascript: ['js', 'javascript', 'JavaScript', ''],
  typescript: ['ts', 'typescript', ''],
  python: ['python', 'py', 'python3', 'Python', ''],
};

const PROSE = ['Here is my solution.', 'We iterate once over the input.', 'The complexity is O(n log n).', 'Let me think step by step.', 'This handles the edge cases.', ''];

/** Prose a model writes around its code: never a fence, never `</think>`. */
export const codeProse: fc.Arbitrary<string> = fc.array(fc.constantFrom(...PROSE), { maxLength: 3 }).map((ps) => ps.join('\n'));

/**
 * Responses whose program is exactly `code`: the final fenced block (tag fitting `language`),
 * optionally after prose, a draft block of other code, or a closed `<think>` section.
 */
export function codeResponse(code: string, language: Language): fc.Arbitrary<string> {
  const draft = language === 'python' ? 'print("draft")' : 'console.log("draft")';
  return fc
    .record({
      tag: fc.constantFrom(...TAGS[language]),
      before: codeProse,
      after: codeProse,
      withDraft: fc.boolean(),
      withThink: fc.boolean(),
      fence: fc.constantFrom('```', '````', '~~~'),
    })
    .map(({ tag, before, after, withDraft, withThink, fence }) => {
      const parts: string[] = [];
      if (withThink) parts.push(`<think>\n${before}\n\`\`\`\n${draft}\n\`\`\`\n</think>`);
      else if (before) parts.push(before);
      if (withDraft) parts.push(`A first attempt:\n\`\`\`${TAGS[language][0]}\n${draft}\n\`\`\`\nFinal version:`);
      parts.push(`${fence}${tag}\n${code}\n${fence}`);
      if (after) parts.push(after);
      return parts.join('\n');
    });
}

/**
 * Outputs equal to `output` under the default (LiveCodeBench) comparison: spaces at line edges,
 * CRLF line ends, extra trailing newlines, and integers respelled as decimals (`3` as `3.0`).
 */
export function equivalentOutput(output: string): fc.Arbitrary<string> {
  return fc
    .record({ pad: fc.constantFrom('', ' ', '\t'), eol: fc.constantFrom('\n', '\r\n'), tail: fc.constantFrom('', '\n', '\n\n'), decimals: fc.boolean() })
    .map(({ pad, eol, tail, decimals }) =>
      output
        .trim()
        .split('\n')
        .map((line) => {
          const l = line.trim();
          const respelled = decimals && l !== '' && l.split(/\s+/).every((t) => /^-?\d+$/.test(t)) ? l.split(/\s+/).map((t) => `${t}.0`).join(' ') : l;
          return `${pad}${respelled}${pad}`;
        })
        .join(eol) + tail,
    );
}
