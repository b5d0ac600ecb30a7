import { StyleSheet, Text, View } from "@react-pdf/renderer";

import { mm, theme } from "./theme";

/**
 * Height of the signature area. A company seal (公章) is about 40 mm across
 * and is stamped over the company name and the date, so the lines sit at
 * the top and bottom of an area that size.
 */
const SIGNATURE_HEIGHT = mm(32);

const styles = StyleSheet.create({
  phrase: {
    textIndent: theme.bodySize * 2,
  },
  signature: {
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
}

/**
 * Closing phrase and signature (落款) kept together on one page: the company
 * lines, room for the seal and the date, right-aligned.
 */
export function ClosingBlock({ phrase, signatureLines, sealLabel, date }: ClosingBlockProps) {
  return (
    <View wrap={false}>
      <Text style={styles.phrase}>{phrase}</Text>
      <View style={styles.signature}>
        {signatureLines.map((line) => (
          <Text key={line}>{line}</Text>
        ))}
        <View style={styles.seal}>
          <Text style={styles.sealLabel}>{sealLabel}</Text>
        </View>
        <Text>{date}</Text>
      </View>
    </View>
  );
}
