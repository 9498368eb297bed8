/**
 * Each Python-compatible tokenizer alone against the reference's own outputs for every IFEval
 * response variant (ref_features.jsonl): `\w+` word count, Punkt sentence count, nltk.word_tokenize
 * token count and capital-word count, str.isupper/islower, and langdetect (seed 0) with its
 * probabilities (rounded to 6 places in the corpus).
 */
import { describe, expect, it } from 'vitest';
import { detectFromNgrams, detectLangs, LangDetectError, langdetectNgrams } from '../../src/verifiers/ifeval/text/langdetect/detector.js';
import { buildKernel } from '../../src/verifiers/ifeval/text/langdetect/kernel.js';
import { model } from '../../src/verifiers/ifeval/text/langdetect/model.js';
import { FeatureCache } from '../../src/verifiers/ifeval/text/features.js';
import { pyIsLower, pyIsUpper } from '../../src/verifiers/ifeval/text/pystr.js';
import { ifevalLooseVariants } from '../../src/index.js';
import { ifevalSamples, jsonl } from './corpus.js';

const VARIANTS = [
  'response',
  'revised_response',
  'response_remove_first',
  'response_remove_last',
  'response_remove_both',
  'revised_response_remove_first',
  'revised_response_remove_last',
  'revised_response_remove_both',
];

describe('tokenizers against ref_features.jsonl', () => {
  const byKey = new Map(ifevalSamples().map((s) => [s.input.key as number, s.response]));
  const features = jsonl('ref_features.jsonl');
  const texts = features.map((f) => ifevalLooseVariants(byKey.get(f.key)!)[VARIANTS.indexOf(f.variant)]!);

  it('covers every response variant', () => {
    expect(features.length).toBe(2416);
    expect(texts.every((t) => typeof t === 'string')).toBe(true);
  });

  const field = (name: string, compute: (text: string) => unknown): void => {
    it(name, () => {
      const wrong = features.flatMap((f, i) => {
        const got = compute(texts[i]!);
        return JSON.stringify(got) === JSON.stringify(f[name]) ? [] : [{ key: f.key, variant: f.variant, expected: f[name], got }];
      });
      expect(wrong).toEqual([]);
    });
  };

  field('count_words', (t) => new FeatureCache().of(t).wordCount());
  field('count_sentences', (t) => new FeatureCache().of(t).sentences().length);
  field('n_word_tokenize', (t) => new FeatureCache().of(t).wordTokens().length);
  field('n_capital_words', (t) => new FeatureCache().of(t).wordTokens().filter(pyIsUpper).length);
  field('isupper', pyIsUpper);
  field('islower', pyIsLower);
  field('langdetect', (t) => new FeatureCache().of(t).language());
  field('langdetect_probs', (t) => {
    try {
      return detectLangs(t).map((p) => [p.lang, Math.round(p.prob * 1e6) / 1e6]);
    } catch (err) {
      if (err instanceof LangDetectError) return err.message;
      throw err;
    }
  });

  it('the WebAssembly kernel is available here and agrees with the JavaScript loop on every variant', () => {
    expect(buildKernel(model())).toBeDefined();
    const differ = texts.filter((t) => {
      const ng = langdetectNgrams(t);
      if (ng.length === 0) return false;
      return JSON.stringify(detectFromNgrams(ng, true)) !== JSON.stringify(detectFromNgrams(ng, false));
    });
    expect(differ).toEqual([]);
  });
});
