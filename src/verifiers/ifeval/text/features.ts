/**
 * One text (a response or one of its loose variants) with the derived features the checkers share,
 * each computed on first use: several instructions on the same response, and identical loose
 * variants, reuse one tokenisation and one language detection.
 */
import { LangDetectError, detectFromNgrams, langdetectNgrams } from './langdetect/detector.js';
import { sentTokenize } from './punkt.js';
import { isWordCp } from './pyunicode.js';
import { wordTokenize } from './word-tokenize.js';

/**
 * The runs of Python `\w` characters in `s`, as `re.findall(r"\w+", s)` finds them (a direct scan
 * over code points with CPython's table; `onRun` gets each run's code-unit bounds).
 */
const ASCII_WORD = new Uint8Array(128).map((_, c) => (/[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0));

function scanWords(s: string, onRun: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    const cp = c < 0xd800 || c > 0xdbff ? c : s.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    if (cp < 128 ? ASCII_WORD[cp] === 1 : isWordCp(cp)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      onRun(start, i);
      start = -1;
    }
    i += w;
  }
  if (start >= 0) onRun(start, s.length);
}

/** A text and its lazily computed features. */
export class TextFeatures {
  private words?: string[];
  private nWords?: number;
  private sents?: string[];
  private tokens?: string[];
  private lang?: string | null;

  constructor(
    readonly text: string,
    private readonly owner?: FeatureCache,
  ) {}

  /** `nltk.tokenize.RegexpTokenizer(r"\w+").tokenize(text)` (Python's Unicode `\w`). */
  wordMatches(): string[] {
    if (!this.words) {
      const words: string[] = [];
      scanWords(this.text, (a, b) => words.push(this.text.slice(a, b)));
      this.words = words;
    }
    return this.words;
  }

  /** The reference's `count_words`: the number of `\w+` runs. */
  wordCount(): number {
    if (this.nWords === undefined) {
      let n = 0;
      scanWords(this.text, () => n++);
      this.nWords = n;
    }
    return this.nWords;
  }

  /** `nltk.sent_tokenize(text)` (Punkt English); `count_sentences` is its length. */
  sentences(): string[] {
    this.sents ??= sentTokenize(this.text);
    return this.sents;
  }

  /** `nltk.word_tokenize(text)`. */
  wordTokens(): string[] {
    this.tokens ??= wordTokenize(this.text);
    return this.tokens;
  }

  /** `langdetect.detect(text)` with seed 0, or null where langdetect raises (no features). */
  language(): string | null {
    if (this.lang === undefined) {
      const ngrams = langdetectNgrams(this.text);
      const known = this.owner?.detected(ngrams);
      if (known !== undefined) return (this.lang = known);
      try {
        this.lang = detectFromNgrams(ngrams)[0]?.lang ?? 'unknown';
      } catch (err) {
        if (!(err instanceof LangDetectError)) throw err;
        this.lang = null;
      }
      this.owner?.remember(ngrams, this.lang);
    }
    return this.lang;
  }
}

/**
 * A per-evaluation cache of {@link TextFeatures} by text. It also remembers language detections
 * by their n-gram sequence: loose variants often differ from the response only in characters
 * langdetect ignores (`*`), and equal sequences give equal detections.
 */
export class FeatureCache {
  // A handful of texts per evaluation (the response and its loose variants): a scan comparing
  // lengths first is cheaper than hashing long strings.
  private readonly texts: TextFeatures[] = [];
  private readonly detections: { ngrams: Int32Array; lang: string | null }[] = [];

  /** The features of `text` (shared by every caller within this evaluation). */
  of(text: string): TextFeatures {
    for (const f of this.texts) if (f.text.length === text.length && f.text === text) return f;
    const f = new TextFeatures(text, this);
    this.texts.push(f);
    return f;
  }

  /** A detection already made in this evaluation for the same n-gram sequence, if any. */
  detected(ngrams: Int32Array): string | null | undefined {
    outer: for (const d of this.detections) {
      if (d.ngrams.length !== ngrams.length) continue;
      for (let i = 0; i < ngrams.length; i++) if (d.ngrams[i] !== ngrams[i]) continue outer;
      return d.lang;
    }
    return undefined;
  }

  /** Record a detection (see {@link detected}). */
  remember(ngrams: Int32Array, lang: string | null): void {
    this.detections.push({ ngrams, lang });
  }
}
