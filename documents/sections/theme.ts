import { SERIF_FAMILY } from "../fonts";

/** Points per millimetre (1 pt = 1/72 inch). */
const PT_PER_MM = 72 / 25.4;

export function mm(millimetres: number): number {
  return millimetres * PT_PER_MM;
}

/** Typography and spacing shared by every formal document, in points. */
export const theme = {
  fontFamily: SERIF_FAMILY,
  pageMargin: mm(25),
  /** Room kept below the text for the page-number footer. */
  footerHeight: mm(12),
  bodySize: 12,
  bodyLineHeight: 1.8,
  smallSize: 9,
  tableSize: 9,
  tableLineHeight: 1.4,
  titleSize: 22,
  letterheadSize: 16,
  paragraphGap: 4,
  sectionGap: 12,
  textColor: "#111111",
  mutedColor: "#555555",
  ruleColor: "#222222",
  tableBorderColor: "#444444",
  tableHeaderBackground: "#eeeeee",
} as const;
