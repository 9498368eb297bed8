/** NLTK's English stop word list (`nltk.corpus.stopwords.words('english')`, 179 words). */
import { lazy, loadData } from './data.js';

/** The stop words as a set. */
export const englishStopwords = lazy(() => new Set(loadData<{ words: string[] }>('stopwords-english.json').words));
