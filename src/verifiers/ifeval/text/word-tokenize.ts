/**
 * `nltk.word_tokenize` (NLTK 3.8): Punkt sentence splitting, then the improved Treebank tokenizer
 * (`NLTKWordTokenizer`) on each sentence. The reference counts capital words over these tokens
 * (`change_case:capital_word_frequency`) and IFBench uses them in several checks.
 *
 * The tokenizer is a fixed list of Python regex substitutions; we keep them in Python syntax and
 * compile them with {@link pyCompile}, so `\w`, `\b`, `\s`, `\d` and `$` keep Python's meaning,
 * and the final `str.split()` splits on Python whitespace.
 */
import { lazy } from './data.js';
import { pyCompile, pySub, pyTemplate, type PyRegex, type Replacement } from './pyregex.js';
import { sentTokenize } from './punkt.js';
import { splitWhitespace } from './pystr.js';

/**
 * A substitution and a cheap necessary condition for it to match (any of `need` occurs in the
 * text), so that most of the ~25 rules are skipped without running a regex. Skipping a rule that
 * cannot match changes nothing.
 */
type Rule = { re: PyRegex; repl: Replacement; need: string[]; lower: boolean };

const rule = (pattern: string, template: string, need: string[], lower = false): Rule => ({
  re: pyCompile(pattern),
  repl: pyTemplate(template),
  need,
  lower,
});

const rules = lazy(() => {
  const startingQuotes: Rule[] = [
    rule('([«“‘„]|[`]+)', String.raw` \1 `, ['«', '“', '‘', '„', '`']),
    rule(String.raw`^\"`, '``', ['"']),
    rule('(``)', String.raw` \1 `, ['``']),
    rule(String.raw`([ \(\[{<])(\"|\'{2})`, String.raw`\1 ` + '`` ', ['"', "''"]),
    rule(String.raw`(?i)(\')(?!re|ve|ll|m|t|s|d|n)(\w)\b`, String.raw`\1 \2`, ["'"]),
  ];
  const endingQuotes: Rule[] = [
    rule('([»”’])', String.raw` \1 `, ['»', '”', '’']),
    rule("''", " '' ", ["''"]),
    rule('"', " '' ", ['"']),
    rule(String.raw`([^' ])('[sS]|'[mM]|'[dD]|') `, String.raw`\1 \2 `, ["'"]),
    rule(String.raw`([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) `, String.raw`\1 \2 `, ["'"]),
  ];
  const punctuation: Rule[] = [
    rule(String.raw`([^\.])(\.)([\]\)}>"\'` + '»”’ ' + String.raw`]*)\s*$`, String.raw`\1 \2 \3 `, ['.']),
    rule(String.raw`([:,])([^\d])`, String.raw` \1 \2`, [':', ',']),
    rule(String.raw`([:,])$`, String.raw` \1 `, [':', ',']),
    rule(String.raw`\.{2,}`, String.raw` \g<0> `, ['..']),
    rule(String.raw`[;@#$%&]`, String.raw` \g<0> `, [';', '@', '#', '$', '%', '&']),
    rule(String.raw`([^\.])(\.)([\]\)}>"\']*)\s*$`, String.raw`\1 \2\3 `, ['.']),
    rule(String.raw`[?!]`, String.raw` \g<0> `, ['?', '!']),
    rule(String.raw`([^'])' `, String.raw`\1 ' `, ["' "]),
    rule(String.raw`[*]`, String.raw` \g<0> `, ['*']),
  ];
  const parensBrackets = rule(String.raw`[\]\[\(\)\{\}\<\>]`, String.raw` \g<0> `, [...'][(){}<>']);
  const doubleDashes = rule('--', ' -- ', ['--']);
  // Case-insensitive rules: the need is tested on the lowercased text (JS `i` matching uses
  // simple case folding, under which these ASCII words only match their ASCII case variants).
  const contractions2 = (
    [
      [String.raw`(?i)\b(can)(?#X)(not)\b`, 'cannot'],
      [String.raw`(?i)\b(d)(?#X)('ye)\b`, "d'ye"],
      [String.raw`(?i)\b(gim)(?#X)(me)\b`, 'gimme'],
      [String.raw`(?i)\b(gon)(?#X)(na)\b`, 'gonna'],
      [String.raw`(?i)\b(got)(?#X)(ta)\b`, 'gotta'],
      [String.raw`(?i)\b(lem)(?#X)(me)\b`, 'lemme'],
      [String.raw`(?i)\b(more)(?#X)('n)\b`, "more'n"],
      [String.raw`(?i)\b(wan)(?#X)(na)(?=\s)`, 'wanna'],
    ] as const
  ).map(([p, w]) => rule(p, String.raw` \1 \2 `, [w], true));
  const contractions3 = (
    [
      [String.raw`(?i) ('t)(?#X)(is)\b`, " 'tis"],
      [String.raw`(?i) ('t)(?#X)(was)\b`, " 'twas"],
    ] as const
  ).map(([p, w]) => rule(p, String.raw` \1 \2 `, [w], true));
  return { startingQuotes, endingQuotes, punctuation, parensBrackets, doubleDashes, contractions2, contractions3 };
});

function apply(text: string, r: Rule, lower?: string): string {
  const hay = r.lower ? lower! : text;
  if (!r.need.some((n) => hay.includes(n))) return text;
  return pySub(r.re, r.repl, text);
}

/** `NLTKWordTokenizer().tokenize(sentence)`. */
export function treebankTokenize(sentence: string): string[] {
  const r = rules();
  let text = sentence;
  for (const x of r.startingQuotes) text = apply(text, x);
  for (const x of r.punctuation) text = apply(text, x);
  text = apply(text, r.parensBrackets);
  text = apply(text, r.doubleDashes);
  text = ` ${text} `;
  for (const x of r.endingQuotes) text = apply(text, x);
  let lower = text.toLowerCase();
  for (const x of r.contractions2) {
    const next = apply(text, x, lower);
    if (next !== text) lower = (text = next).toLowerCase();
  }
  for (const x of r.contractions3) {
    const next = apply(text, x, lower);
    if (next !== text) lower = (text = next).toLowerCase();
  }
  return splitWhitespace(text);
}

/**
 * `nltk.word_tokenize(text)`: sentences by Punkt, then words by the Treebank rules. A sentence
 * seen before in the same text is not tokenized again (50,000 characters of '.\n' are 25,000
 * one-character sentences: 0.7 s, each through every rule).
 */
export function wordTokenize(text: string): string[] {
  const out: string[] = [];
  const seen = new Map<string, string[]>();
  for (const s of sentTokenize(text)) {
    let words = seen.get(s);
    if (!words) seen.set(s, (words = treebankTokenize(s)));
    for (const t of words) out.push(t);
  }
  return out;
}
