/**
 * detectable_format:json_format — after stripping and removing a leading ```json / ```Json /
 * ```JSON / ``` fence and a trailing ```, Python's `json.loads` accepts the text (NaN and Infinity
 * included, see pyjson.ts).
 */
import { defineInstruction } from '../../instruction.js';
import { pyJsonValid } from '../../text/pyjson.js';
import { pyStrip } from '../../text/pystr.js';

const removePrefix = (s: string, p: string): string => (s.startsWith(p) ? s.slice(p.length) : s);
const removeSuffix = (s: string, p: string): string => (p && s.endsWith(p) ? s.slice(0, -p.length) : s);

export const instruction = defineInstruction({
  id: 'detectable_format:json_format',
  suite: 'ifeval',
  properties: {},
  required: [],
  build: () => (t) => {
    let v = pyStrip(t.text);
    for (const p of ['```json', '```Json', '```JSON', '```']) v = removePrefix(v, p);
    return pyJsonValid(pyStrip(removeSuffix(v, '```')));
  },
});
