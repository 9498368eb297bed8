/**
 * The phrases that introduce an answer in a multiple-choice response, one pattern per kind of
 * statement. Matching is case-insensitive; at one position the kinds are tried in order and the
 * leftmost match wins, so `final answer:` is read as a final statement, not as a plain `answer:`.
 * `find-cues.ts` finds them without running the patterns over every character.
 */

/** What a cue says about the statement it starts. */
export type CueKind =
  /** `Final answer:`, `the full answer is`: overrides per-part answers before it */
  | 'final'
  /** `the answer is`, `Answer:`, `I choose`, answer phrases of other languages */
  | 'answer'
  /** `the answers (to ...) are`: a list of answers follows */
  | 'list'
  /** `the closest option is`, `the correct choice is`, `closest to option` */
  | 'option'
  /** `\boxed{` */
  | 'boxed'
  /** a bare mention `option (D)`, `choice D`: weak, used only when nothing stronger exists */
  | 'mention'
  /** `cannot be determined`, `none of the options`, `not listed in the options`: no letter given */
  | 'refusal';

const ANSWER_VERB = String.raw`(?:is\b|:|=|would\s+be\b|should\s+be\b|must\s+be\b|will\s+be\b|seems\s+to\s+be\b|appears\s+to\s+be\b|might\s+be(?:\s+intended\s+to\s+be)?\b)`;

/** Latin-script answer words of other languages followed by a colon (simple-evals' multilingual MMLU set). */
const LATIN_COLON = ['Antwort', 'Respuesta', 'Risposta', 'R[ée]ponse', 'Resposta', 'Jawaban', 'Jibu', '[IÌ]d[aá]h[uù]n', '[ÀA]d[aá]h[uù]n'].join('|');

/** Answer words of other scripts followed by a colon (same set). */
const INTL_COLON = [
  '答案', '答复', '答曰', '回答', '解答', '答え', '答', '답변', '정답', '답',
  'উত্তরঃ', 'উত্তর', 'उत्तर', 'الإجابة النهائية', 'الإجابة الصحيحة هي', 'الإجابة الصحيحة', 'الإجابة هي', 'الإجابة', 'الجواب', 'إجابة',
].join('|');

/** "The answer is" in other Latin-script languages. */
const LATIN_IS = [
  String.raw`\bla\s+respuesta(?:\s+correcta)?\s+es(?:\s+la)?\b`,
  String.raw`\bla\s+r[ée]ponse(?:\s+correcte)?\s+est\b`,
  String.raw`\bdie\s+(?:richtige\s+)?antwort\s+ist\b`,
  String.raw`\ba\s+resposta(?:\s+correta)?\s+[ée]\b`,
  String.raw`\bla\s+risposta(?:\s+corretta)?\s+[èe]\b`,
].join('|');

/**
 * "The answer is" in Chinese (答案是, 正确选项为), "choose" (故选B, 因此选：B, 應選 C: 选 right
 * before the letter, so 选项 "option" is not one; not after 不 or 不能, "do not choose"), 【答案】,
 * and Korean "the answer is" (정답은 B).
 */
const INTL_IS = String.raw`(?:正确答案|正確答案|答案|正确选项|正確選項|正确的选项|正確的選項|选项|選項)(?:是|为|為)|(?<!不能|不应|不該|不该|不|非|别|別|勿|没|沒|未)(?:选|選)(?:择|擇)?(?=\s*[:：]?\s*[(（]?[A-Z](?![A-Za-z]))|【(?:答案|正确答案)】|(?:정답은|답은)`;

/** One kind of cue: its pattern, and the (lower-case ASCII) characters it can begin with. */
export interface CueGroup {
  kind: CueKind;
  /** Every ASCII character a match can start with, lower case (any non-ASCII one may start it too). */
  first: string;
  source: string;
}

/** The Latin-script cues, in the order they are tried at one position (the first that matches wins). */
export const CUE_GROUPS: readonly CueGroup[] = [
  {
    kind: 'final',
    first: 'fot',
    source: String.raw`\b(?:final|overall)\s+(?:answer|choice|option)\b\s*${ANSWER_VERB}?|\bthe\s+(?:full|complete)\s+answer\s+is\b`,
  },
  {
    kind: 'list',
    first: 't',
    source: String.raw`\bthe\s+answers\s+(?:to\s+[^.:\n]{0,60}?\s+)?are\b\s*:?`,
  },
  {
    kind: 'answer',
    first: 'airjld',
    source: String.raw`\banswer\b\s*${ANSWER_VERB}|\bI(?:\s+would|\s+will|'ll|'d|\s+'ll)?\s+(?:choose|pick|select|go\s+with)\b|(?:${LATIN_COLON})\s*:|${LATIN_IS}`,
  },
  {
    kind: 'option',
    first: 'crbm',
    source: String.raw`\b(?:closest|correct|right|best|most\s+(?:appropriate|likely|accurate|suitable|plausible))\s+(?:option|choice|answer\s+choice|match|alternative|statement)\s*(?:is\b|would\s+be\b|:|=)?|\bclosest\s+to\s+(?:option|choice)\b`,
  },
  {
    kind: 'boxed',
    first: '\\',
    source: String.raw`\\(?:boxed|fbox)\s*\{`,
  },
  {
    kind: 'refusal',
    first: 'cuwn',
    source: String.raw`\b(?:cannot|can't|can\s+not|unable\s+to|will\s+not|won't)\s+(?:be\s+)?(?:determined|answered|provide\s+an?\s+answer|give\s+an?\s+answer|select\s+an?\s+(?:option|answer)|choose\s+an?\s+(?:option|answer)|determine\s+(?:the|an?)\s+answer)\b|\bnone\s+of\s+the\s+(?:given\s+|provided\s+|above\s+|listed\s+|answer\s+)?(?:options|choices|answers)\b|\bnot\s+(?:listed|provided|available|given|present|included)\s+(?:in|among)\s+the\s+(?:given\s+|provided\s+|answer\s+)?(?:options|choices)\b`,
  },
  {
    kind: 'mention',
    first: 'oc',
    source: String.raw`\b(?:option|choice)\b`,
  },
];

const CUE_SOURCE = CUE_GROUPS.map((g) => `(${g.source})`).join('|');

/**
 * All the Latin-script cues as one expression for a plain left-to-right global search (the
 * fallback scanner, and the reference the fast finder is tested against); capture group k
 * (1..7) is the kind (see {@link cueKind}).
 */
export const CUE_GLOBAL_RE = new RegExp(CUE_SOURCE, 'gi');

/** Answer cues in other scripts (CJK, Korean, Arabic, Bengali, Devanagari): all read as `answer`. */
export const CUE_OTHER_SCRIPTS_RE = new RegExp(String.raw`(?:${INTL_COLON})\s*[:：]|${INTL_IS}`, 'g');

const KINDS: readonly CueKind[] = ['final', 'list', 'answer', 'option', 'boxed', 'refusal', 'mention'];

/** Which capture group of {@link CUE_GLOBAL_RE} matched. */
export function cueKind(m: RegExpExecArray): CueKind {
  for (let k = 1; k <= 7; k++) if (m[k] !== undefined) return KINDS[k - 1]!;
  return 'mention';
}

/**
 * Markers of a multi-part question's parts between two answers: `(b) `, `b) `, `2) ` at a line
 * start, `For (b)`, `the second part/situation/case`. Case-sensitive on purpose: `B) ` is an
 * option label, `b) ` a part label.
 */
export const PART_MARKER_RE =
  /(?:^|[\s.;:])\(?[a-h]\)\s|(?:^|\n)[ \t]*\(?[1-9]\)\s|\b[Ff]or\s+(?:part\s+)?\(?[a-h1-9]\)|\b(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|1st|2nd|3rd)\s+(?:part|situation|case|scenario|question|statement|scheme|condition|sub-?question)\b|\b[Pp]art\s+\(?[a-h1-9]\)?[\s:,)]/g;

/** A part marker that names the first part: `(a)`, `a)`, `1)`, `first part`, `part 1`. */
export const FIRST_PART_RE = /\(?a\)|\b1\)|[Ff]irst|1st|[Pp]art\s+\(?[a1]\b/;

/**
 * Where a new conversation turn starts inside a response (a model that kept generating a
 * few-shot continuation): two blank lines, then `Answer:`, `== response ==`, `# response`,
 * `Question:`, `Human:`, ...; or an end-of-sequence token written out as text.
 */
export const TURN_BREAK_RE =
  /\n[ \t]*\n[ \t]*\n\s*(?:answer\s*:|==+\s*\w|#+\s*(?:response|question|answer)\b|question\s*:|q\s*:|human\s*:|user\s*:|assistant\s*:)|<(?:EOS_TOKEN>|\|endoftext\|>|\|im_end\|>|\|eot_id\|>|\/s>)/i;
