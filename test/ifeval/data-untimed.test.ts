/**
 * The ifeval checkers' one-time loads (the language model, word lists, compiled patterns) stop the
 * running sample's clock: the first sample of a worker that needs them is not charged for them
 * (1.1-1.6 s for the language profiles under load; with a 1.5 s limit, honest samples behind
 * hostile neighbours, which cost their workers, timed out on it).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setUntimedClock } from '../../src/core/untimed.js';
import { lazy, loadData } from '../../src/verifiers/ifeval/text/data.js';

afterEach(() => setUntimedClock(undefined));

describe('ifeval data loads are untimed', () => {
  it('a lazy build and a data file load run with the sample clock stopped', () => {
    const events: string[] = [];
    setUntimedClock({ begin: () => events.push('begin'), end: () => events.push('end') });
    const build = lazy(() => {
      events.push('build');
      return 42;
    });
    expect(build()).toBe(42);
    expect(build()).toBe(42);
    expect(events).toEqual(['begin', 'build', 'end']);
    events.length = 0;
    const words = loadData<{ words: string[] }>('stopwords-english.json');
    expect(words.words.length).toBeGreaterThan(100);
    expect(events).toEqual(['begin', 'end']);
  });
});
