import { Image, StyleSheet, Text, View } from "@react-pdf/renderer";

import type { SealImage } from "./seal";
import { mm, theme } from "./theme";

/**
 * Height of the signature area. A company seal (公章) is about 40 mm across
 * and is stamped over the company name and the date, so the lines sit at
 * the top and bottom of an area that size.
 */
const SIGNATURE_HEIGHT = mm(32);

/** Printed width of the seal image, the size of a real company seal. */
const SEAL_WIDTH = mm(40);

const styles = StyleSheet.create({
  phrase: {
    textIndent: theme.bodySize * 2,
  },
  signature: {
    position: "relative",
    alignSelf: "flex-end",
    width: mm(75),
    minHeight: SIGNATURE_HEIGHT,
    marginTop: theme.sectionGap,
    textAlign: "center",
  },
  seal: {
    flexGrow: 1,
    justifyContent: "center",
  },
  sealLabel: {
    fontSize: theme.smallSize,
    color: "#999999",
  },
  sealImage: {
    position: "absolute",
    left: (mm(75) - SEAL_WIDTH) / 2,
    width: SEAL_WIDTH,
  },
});

interface ClosingBlockProps {
  /** Closing phrase such as 特此函告。 or 特此说明。 */
  phrase: string;
  /** Lines above the seal area: the company name, then e.g. 经办人：李四. */
  signatureLines: string[];
  /** Faint mark in the seal area, e.g. （盖章）. */
  sealLabel: string;
  /** The document date as written, e.g. 2026年12月4日. */
  date: string;
  /** Seal image printed over the company name and date; the faint label shows when absent. */
  seal?: SealImage | null;
}

/**
 * Closing phrase and signature (落款) kept together on one page: the company
 * lines, room for the seal and the date, right-aligned.
 */
export function ClosingBlock({ phrase, signatureLines, sealLabel, date, seal }: ClosingBlockProps) {
  return (
    <View wrap={false}>
      <Text style={styles.phrase}>{phrase}</Text>
      <View style={styles.signature}>
        {signatureLines.map((line) => (
          <Text key={line}>{line}</Text>
        ))}
        <View style={styles.seal}>
          {seal ? null : <Text style={styles.sealLabel}>{sealLabel}</Text>}
        </View>
        <Text>{date}</Text>
        {seal ? <SealOverlay seal={seal} /> : null}
      </View>
    </View>
  );
}

/**
 * Draws the seal last so it lies over the lines, centred in the signature
 * area the way a stamp covers the company name and the date. The PNG's
 * alpha channel lets the text show through.
 */
function SealOverlay({ seal }: { seal: SealImage }) {
  const height = (SEAL_WIDTH * seal.height) / seal.width;
  const top = (SIGNATURE_HEIGHT - height) / 2;
  // jsx-a11y mistakes react-pdf's Image for <img>; a PDF image takes no alt text.
  // eslint-disable-next-line jsx-a11y/alt-text
  return <Image src={seal.dataUri} style={[styles.sealImage, { height, top }]} />;
}
