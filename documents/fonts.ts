import path from "node:path";

import { Font } from "@react-pdf/renderer";

import { splitAtBreakOpportunities } from "./line-breaking";

/**
 * Song-style serif (宋体 family) used by every document. Its cmap covers
 * Chinese ideographs, full-width punctuation and ¥.
 */
export const SERIF_FAMILY = "Noto Serif SC";

/**
 * Static TrueType files (glyf outlines, 14 MB each) that react-pdf embeds
 * as a subset of the glyphs a document uses. Paths are built from the
 * working directory, which is the project root both under Vitest and in the
 * Next.js server, because Next bundles server code and `__dirname` would
 * then point into `.next/`.
 */
const FONT_DIRECTORY = path.join(
  process.cwd(),
  "node_modules/@expo-google-fonts/noto-serif-sc",
);

const FONT_FILES = [
  { weight: 400, file: "400Regular/NotoSerifSC_400Regular.ttf" },
  { weight: 700, file: "700Bold/NotoSerifSC_700Bold.ttf" },
];

/**
 * Registers the serif family and the line-breaking rules with react-pdf.
 * Calling it before every render is safe. React-pdf keeps its font store in
 * its own module, so the check reads that store and stays correct after a
 * hot reload of this module.
 */
export function registerDocumentFonts(): void {
  if (Font.getRegisteredFontFamilies().includes(SERIF_FAMILY)) return;

  Font.register({
    family: SERIF_FAMILY,
    fonts: FONT_FILES.map(({ weight, file }) => ({
      src: path.join(FONT_DIRECTORY, file),
      fontWeight: weight,
    })),
  });
  Font.registerHyphenationCallback(splitForTextkit);
}

/**
 * Returns a word's line-break parts in the form that react-pdf 4.9
 * (textkit 7.0) expects from a hyphenation callback. Textkit draws a "-"
 * when it breaks between two parts, but an empty part becomes a zero-width
 * glue where it breaks with no mark. So every part is followed by "", which
 * also keeps a break at the end of a styled run from drawing a hyphen.
 */
function splitForTextkit(word: string): string[] {
  if (word.trim() === "") return [word];

  return splitAtBreakOpportunities(word).flatMap((part) => [part, ""]);
}
