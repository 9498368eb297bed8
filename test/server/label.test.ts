/** OpenRLHF/slime label parsing and query clean-up, as properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EOS_TOKENS, labelRecord, responseOfQuery, stripEos } from '../../src/server/contracts/label.js';
import { planSample } from '../../src/server/route.js';
import { loadPreset } from '../../src/presets/preset.js';

const text = fc.string({ maxLength: 40 }).filter((s) => !EOS_TOKENS.some((t) => s.includes(t)) && s.trimEnd() === s);

describe('responseOfQuery', () => {
  it('recovers the response from prompt + response + any run of EOS tokens', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), text, fc.array(fc.constantFrom(...EOS_TOKENS), { maxLength: 4 }), (prompt, response, eos) => {
        expect(responseOfQuery(prompt + response + eos.join(''), prompt)).toBe(response);
      }),
    );
  });

  it('finds the response when the prompt differs in whitespace or only the assistant marker is there; else refuses', () => {
    // A prompt that shows the answer must never be scored as part of the response.
    const query = '<|im_start|>user\nFormat: \\boxed{2}. What is 1+1?<|im_end|>\n<|im_start|>assistant\nI do not know.<|im_end|>';
    expect(responseOfQuery(query, '<|im_start|>user\nFormat:  \\boxed{2}. What is 1+1?<|im_end|>\n<|im_start|>assistant\n')).toBe('I do not know.');
    expect(responseOfQuery(query, 'a different prompt')).toBe('I do not know.');
    expect(responseOfQuery(query, undefined)).toBe('I do not know.');
    expect(responseOfQuery('answer 4', 'question?')).toBeUndefined();
    expect(responseOfQuery('answer 4', undefined)).toBe('answer 4');
    // a prompt that is not a non-empty string is refused (null or [] once scored the whole query)
    for (const p of [null, ['chat'], 123, { role: 'user' }]) expect(responseOfQuery(query, p)).toBeUndefined();
    // a second assistant marker (written by the policy to hide its first part) is refused
    expect(responseOfQuery('<|im_start|>user\nq<|im_end|>\n<|im_start|>assistant\nA, b.<|im_start|>assistant\nA b', undefined)).toBeUndefined();
    expect(stripEos('x </s>\n<|endoftext|>')).toBe('x');
    expect(stripEos('no tokens here')).toBe('no tokens here');
  });
});

describe('labelRecord', () => {
  it('a plain label is the reference; a JSON object (or its JSON text) carries routing fields', () => {
    expect(labelRecord('42', 'r')).toEqual({ response: 'r', reference: '42' });
    expect(labelRecord(7, 'r')).toEqual({ response: 'r', reference: 7 });
    expect(labelRecord('{not json', 'r')).toEqual({ response: 'r', reference: '{not json' });
    expect(labelRecord('{"data_source":"mcq","reference":"B"}', 'r')).toEqual({ response: 'r', reference: 'B', data_source: 'mcq' });
    expect(labelRecord({ verifier: 'math', ground_truth: '3' }, 'r')).toMatchObject({ verifier: 'math', reference: '3' });
  });

  it('routes with precedence: label verifier > preset > server verifier', () => {
    const mixed = loadPreset('mixed');
    const levels = [{ preset: mixed }, { verifier: 'math' }];
    const route = (label: unknown) => {
      const p = planSample(labelRecord(label, 'x'), levels);
      return 'job' in p ? p.job.verifier : p.error;
    };
    expect(route({ verifier: 'mcq', data_source: 'math', reference: 'A' })).toBe('mcq');
    expect(route({ data_source: 'google/IFEval', reference: {} })).toBe('ifeval');
    expect(route('5')).toBe('math');
    expect(planSample(labelRecord('5', 'x'), [{ preset: mixed }])).toMatchObject({ error: expect.stringContaining('no route') });
  });
});
