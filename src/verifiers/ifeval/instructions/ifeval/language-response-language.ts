/**
 * language:response_language — langdetect's answer (seed 0) equals the requested ISO 639-1 code.
 * When langdetect finds no features it raises, and the reference counts the instruction as
 * followed. Only the 30 codes of the reference's LANGUAGE_CODES are accepted (any other code makes
 * the reference raise KeyError while building the instruction).
 */
import { defineInstruction } from '../../instruction.js';

/** The reference's LANGUAGE_CODES (ISO 639-1 code -> name). */
export const LANGUAGE_CODES: Readonly<Record<string, string>> = {
  en: 'English', es: 'Spanish', pt: 'Portuguese', ar: 'Arabic', hi: 'Hindi', fr: 'French', ru: 'Russian',
  de: 'German', ja: 'Japanese', it: 'Italian', bn: 'Bengali', uk: 'Ukrainian', th: 'Thai', ur: 'Urdu',
  ta: 'Tamil', te: 'Telugu', bg: 'Bulgarian', ko: 'Korean', pl: 'Polish', he: 'Hebrew', fa: 'Persian',
  vi: 'Vietnamese', ne: 'Nepali', sw: 'Swahili', kn: 'Kannada', mr: 'Marathi', gu: 'Gujarati',
  pa: 'Punjabi', ml: 'Malayalam', fi: 'Finnish',
};

export const instruction = defineInstruction({
  id: 'language:response_language',
  suite: 'ifeval',
  properties: { language: { enum: Object.keys(LANGUAGE_CODES) } },
  required: ['language'],
  build: (kw) => (t) => {
    const lang = t.language();
    return lang === null || lang === kw.language;
  },
});
