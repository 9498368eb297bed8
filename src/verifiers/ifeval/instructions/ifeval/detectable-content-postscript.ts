/**
 * detectable_content:postscript — a line with the postscript marker: "P.S." and "P.P.S" get the
 * reference's tolerant patterns, any other marker is used as raw (lowercased) regex text, all
 * searched in the lowercased response with MULTILINE.
 */
import { defineInstruction, userRegex } from '../../instruction.js';
import { pySearch } from '../../text/pyregex.js';
import { pyStrip } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'detectable_content:postscript',
  suite: 'ifeval',
  properties: { postscript_marker: { type: 'string' } },
  required: ['postscript_marker'],
  build: (kw) => {
    const marker = pyStrip(kw.postscript_marker as string);
    const pattern =
      marker === 'P.P.S'
        ? String.raw`\s*p\.\s?p\.\s?s.*$`
        : marker === 'P.S.'
          ? String.raw`\s*p\.\s?s\..*$`
          : String.raw`\s*` + marker.toLowerCase() + String.raw`.*$`;
    const re = userRegex('postscript_marker', pattern, { multiline: true });
    return (t) => pySearch(re, t.text.toLowerCase()) !== null;
  },
});
