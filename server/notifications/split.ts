/**
 * Splitting of a long message into parts a chat robot accepts. Limits are
 * in bytes of UTF-8, as WeCom and DingTalk count them.
 */

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** Room kept in each part for its number, e.g. "（12/15）" and a line break. */
const NUMBER_RESERVE_BYTES = 32;

/**
 * Splits `text` into parts of at most `maxBytes` UTF-8 bytes each. Parts
 * break at line ends; a single line longer than a part breaks between
 * characters, never inside one. When there is more than one part, each
 * starts with its number, e.g. "（1/3）".
 */
export function splitMessage(text: string, maxBytes: number): string[] {
  if (utf8Bytes(text) <= maxBytes) return [text];
  if (maxBytes <= NUMBER_RESERVE_BYTES * 2) {
    throw new RangeError(`Message parts need more than ${NUMBER_RESERVE_BYTES * 2} bytes, got ${maxBytes}`);
  }

  const limit = maxBytes - NUMBER_RESERVE_BYTES;
  const lines = text.split("\n").flatMap((line) => splitLine(line, limit));
  const parts: string[] = [];
  let current: string[] = [];
  let currentBytes = 0;

  for (const line of lines) {
    const lineBytes = utf8Bytes(line);
    const added = current.length === 0 ? lineBytes : lineBytes + 1;
    if (current.length > 0 && currentBytes + added > limit) {
      parts.push(current.join("\n"));
      current = [];
      currentBytes = 0;
    }
    currentBytes += current.length === 0 ? lineBytes : lineBytes + 1;
    current.push(line);
  }
  if (current.length > 0) parts.push(current.join("\n"));

  return parts.map((part, index) => `（${index + 1}/${parts.length}）\n${part}`);
}

/** Cuts one line into pieces of at most `limit` bytes, between code points. */
function splitLine(line: string, limit: number): string[] {
  if (utf8Bytes(line) <= limit) return [line];

  const pieces: string[] = [];
  let piece = "";
  let pieceBytes = 0;
  // Iterating a string yields whole code points, so a surrogate pair stays together.
  for (const character of line) {
    const bytes = utf8Bytes(character);
    if (pieceBytes + bytes > limit) {
      pieces.push(piece);
      piece = "";
      pieceBytes = 0;
    }
    piece += character;
    pieceBytes += bytes;
  }
  if (piece) pieces.push(piece);
  return pieces;
}
