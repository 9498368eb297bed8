/**
 * One text (a response or one of its loose variants) with the derived features the checkers share,
 * each computed on first use: several instructions on the same response, and identical loose
 * variants, reuse one tokenisation and one language detection.
 */
import { LangDetectError, detectLanguage } from './langdetect/detector.js';
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

  constructor(readonly text: string) {}

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
      try {
        this.lang = detectLanguage(this.text);
      } catch (err) {
        if (!(err instanceof LangDetectError)) throw err;
        this.lang = null;
      }
    }
    return this.lang;
  }
}

/** A per-evaluation cache of {@link TextFeatures} by text. */
export class FeatureCache {
  private readonly map = new Map<string, TextFeatures>();

  /** The features of `text` (shared by every caller within this evaluation). */
  of(text: string): TextFeatures {
    let f = this.map.get(text);
    if (!f) {
      f = new TextFeatures(text);
      this.map.set(text, f);
    }
    return f;
  }
}
