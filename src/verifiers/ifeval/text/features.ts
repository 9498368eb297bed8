/**
 * One text (a response or one of its loose variants) with the derived features the checkers share,
 * each computed on first use: several instructions on the same response, and identical loose
 * variants, reuse one tokenisation and one language detection.
 */
import { LangDetectError, detectLanguage } from './langdetect/detector.js';
import { sentTokenize } from './punkt.js';
import { pyCompile, pyFindallCount, pyFinditer } from './pyregex.js';
import { wordTokenize } from './word-tokenize.js';
import { lazy } from './data.js';

const WORD_RE = lazy(() => pyCompile(String.raw`\w+`));

/** A text and its lazily computed features. */
export class TextFeatures {
  private words?: string[];
  private sents?: string[];
  private tokens?: string[];
  private lang?: string | null;

  constructor(readonly text: string) {}

  /** `nltk.tokenize.RegexpTokenizer(r"\w+").tokenize(text)` (Python's Unicode `\w`). */
  wordMatches(): string[] {
    this.words ??= pyFinditer(WORD_RE(), this.text).map((m) => m[0]);
    return this.words;
  }

  /** The reference's `count_words`: the number of `\w+` runs. */
  wordCount(): number {
    return this.words ? this.words.length : pyFindallCount(WORD_RE(), this.text);
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
