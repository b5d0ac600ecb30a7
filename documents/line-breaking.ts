/**
 * Line break opportunities for Chinese text mixed with figures. Chinese may
 * break between any two characters, except that a line must not start with
 * closing punctuation (，。）》 …) or end with opening punctuation (（《“ …),
 * the basic kinsoku rules of Chinese typesetting. Runs of Latin letters,
 * digits and the symbols written with them (¥123,456.00, HT-2026-0012,
 * 2026) never break inside, unless a run is longer than MAX_UNBROKEN_RUN
 * characters: such a run cannot be a number or a contract number a reader
 * needs whole, and would run off the page.
 */

/** Longest run of non-CJK characters kept on one line. */
const MAX_UNBROKEN_RUN = 24;

/** Punctuation that must not start a line. */
const CLOSING_PUNCTUATION = new Set([
  ..."，。、；：？！”’）》】」』〕〉〗｝］％…—·",
  ...",.;:?!)]}%",
]);

/** Punctuation and currency signs that must not end a line. */
const OPENING_PUNCTUATION = new Set([..."“‘（《【「『〔〈〖｛［￥", ..."([{"]);

/**
 * Ideographs, kana, hangul, CJK punctuation (U+3000–U+303F), full-width
 * forms (U+FF00–U+FFEF) and the curly quotes used in Chinese text: the
 * characters that allow a break on either side.
 */
const CJK_CHARACTER = new RegExp(
  "[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}" +
    "\\u3000-\\u303f\\uff00-\\uffef“”‘’…—·]",
  "u",
);

/** Marks that come in pairs (…… and ——) and stay on one line. */
const PAIRED_MARKS = new Set(["…", "—"]);

/**
 * Splits a space-free word into the parts between which a line may break.
 * Joining the parts gives the word back. "贵司，截至2026年" becomes
 * ["贵", "司，", "截", "至", "2026", "年"].
 */
export function splitAtBreakOpportunities(word: string): string[] {
  const characters = Array.from(word);
  const parts: string[] = [];
  let current = "";

  characters.forEach((character, index) => {
    const previous = characters[index - 1];
    if (previous !== undefined && canBreakBetween(previous, character)) {
      parts.push(current);
      current = "";
    }
    current += character;
  });

  if (current !== "") parts.push(current);
  return parts.flatMap(splitLongRun);
}

/** Cuts a run longer than MAX_UNBROKEN_RUN characters into pieces of that length. */
function splitLongRun(part: string): string[] {
  const characters = Array.from(part);
  if (characters.length <= MAX_UNBROKEN_RUN) return [part];

  const pieces: string[] = [];
  for (let start = 0; start < characters.length; start += MAX_UNBROKEN_RUN) {
    pieces.push(characters.slice(start, start + MAX_UNBROKEN_RUN).join(""));
  }
  return pieces;
}

function canBreakBetween(before: string, after: string): boolean {
  if (CLOSING_PUNCTUATION.has(after)) return false;
  if (OPENING_PUNCTUATION.has(before)) return false;
  if (before === after && PAIRED_MARKS.has(before)) return false;

  return CJK_CHARACTER.test(before) || CJK_CHARACTER.test(after);
}
