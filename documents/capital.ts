import { assertFen } from "../server/domain/money";

/**
 * Capital amounts (大写金额) as Chinese banks require them on cheques,
 * contracts and letters.
 *
 * The banks' rules leave two points open. This module fixes them as follows:
 *
 * - 零 is written for every run of zeros that sits between two non-zero
 *   digits, including a zero at the 万, 亿 or 元 place. So ¥1,680.32 is
 *   壹仟陆佰捌拾元零叁角贰分 and ¥107,000.53 is 壹拾万零柒仟元零伍角叁分.
 *   The rules allow the 零 at those places to be written or left out, so
 *   writing it everywhere keeps one rule for every place.
 * - 整 is written after 元 and after 角, so ¥0.50 is 伍角整. The rules make
 *   整 optional after 角. Writing it stops a 分 digit from being appended.
 *   After 分 no 整 is written.
 *
 * Amounts below one yuan start at 角 or 分 with no leading 零元
 * (人民币伍分), as banks write them. Zero is 人民币零元整.
 */

const DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];

/** Units of the places inside a four-digit group, lowest place first. */
const PLACE_UNITS = ["", "拾", "佰", "仟"];

/** Units that close a four-digit group of yuan, lowest group first. */
const GROUP_UNITS = ["元", "万", "亿"];

const PREFIX = "人民币";

/** Smallest yuan amount that the group units cannot name: 一万亿 (10^12). */
const YUAN_LIMIT = 10 ** (4 * GROUP_UNITS.length);

/**
 * Converts an amount in fen to its capital form with the 人民币 prefix:
 * 12345600 (¥123,456.00) becomes 人民币壹拾贰万叁仟肆佰伍拾陆元整.
 *
 * Throws a TypeError when `fen` is not a safe integer and a RangeError when
 * it is negative or reaches 一万亿元 (¥1,000,000,000,000.00).
 */
export function toCapitalAmount(fen: number): string {
  assertFen(fen);
  if (fen < 0) {
    throw new RangeError(`Capital amount must not be negative: ${fen} fen`);
  }

  const yuan = Math.floor(fen / 100);
  if (yuan >= YUAN_LIMIT) {
    throw new RangeError(
      `Capital amount must be below 1,000,000,000,000 yuan: ${fen} fen`,
    );
  }
  if (fen === 0) return `${PREFIX}零元整`;

  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  return PREFIX + spellPlaces(yuan, jiao, fenDigit) + closingMark(fenDigit);
}

/**
 * Spells every place from the highest non-zero digit down to 分. A run of
 * zeros becomes one 零, written only when a non-zero digit follows it, so
 * trailing zeros vanish. 万 and 亿 are written when their group contains a
 * non-zero digit, and 元 whenever the yuan part is non-zero.
 */
function spellPlaces(yuan: number, jiao: number, fenDigit: number): string {
  const places = yuanPlaces(yuan);
  places.push({ digit: jiao, unit: "角", groupUnit: "" });
  places.push({ digit: fenDigit, unit: "分", groupUnit: "" });

  let text = "";
  let zeroPending = false;
  let groupHasDigit = false;

  for (const place of places) {
    if (place.digit === 0) {
      zeroPending = text !== "";
    } else {
      if (zeroPending) text += "零";
      zeroPending = false;
      groupHasDigit = true;
      text += DIGITS[place.digit]! + place.unit;
    }

    if (place.groupUnit === "") continue;

    // 元 closes any non-zero yuan part; 万 and 亿 only a group with a digit.
    const isYuanUnit = place.groupUnit === "元";
    if (groupHasDigit || (isYuanUnit && text !== "")) {
      text += place.groupUnit;
    }
    groupHasDigit = false;
  }
  return text;
}

interface Place {
  digit: number;
  /** Unit written after a non-zero digit: 拾, 佰, 仟, 角, 分 or none. */
  unit: string;
  /** Unit that closes a group at this place (元, 万, 亿), else empty. */
  groupUnit: string;
}

/** Lists the places of the yuan part, highest first. Empty for zero yuan. */
function yuanPlaces(yuan: number): Place[] {
  const digits = yuan === 0 ? [] : String(yuan).split("").map(Number);
  return digits.map((digit, index) => {
    const power = digits.length - 1 - index;
    const isGroupEnd = power % 4 === 0;
    return {
      digit,
      unit: PLACE_UNITS[power % 4]!,
      groupUnit: isGroupEnd ? GROUP_UNITS[power / 4]! : "",
    };
  });
}

/** Returns the closing 整, or nothing when the amount ends at 分. */
function closingMark(fenDigit: number): string {
  return fenDigit === 0 ? "整" : "";
}
