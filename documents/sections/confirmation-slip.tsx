import { StyleSheet, Text, View } from "@react-pdf/renderer";

import type { ConfirmationSlipContent } from "../statement-of-account-content";
import { theme } from "./theme";

const styles = StyleSheet.create({
  cutLine: {
    marginTop: theme.sectionGap,
    marginBottom: theme.sectionGap,
    borderTopWidth: 1,
    borderTopColor: theme.mutedColor,
    borderStyle: "dashed",
  },
  cutLabel: {
    fontSize: theme.smallSize,
    color: theme.mutedColor,
    textAlign: "center",
    marginTop: 2,
    lineHeight: 1.4,
  },
  title: {
    fontSize: theme.letterheadSize,
    fontWeight: 700,
    textAlign: "center",
    letterSpacing: theme.letterheadSize / 2,
    textIndent: theme.letterheadSize / 2,
    marginBottom: theme.paragraphGap * 2,
  },
  statement: {
    textIndent: theme.bodySize * 2,
    textAlign: "justify",
  },
  option: {
    marginLeft: theme.bodySize * 2,
  },
  reason: {
    marginLeft: theme.bodySize * 3.5,
  },
  signature: {
    marginTop: theme.sectionGap,
    marginLeft: theme.bodySize * 12,
  },
});

/**
 * Draws the detachable confirmation slip (回执) below a dashed cut line: the
 * client ticks whether the balance agrees, writes any difference, signs,
 * seals and dates it. The slip never splits across pages.
 */
export function ConfirmationSlip({ content }: { content: ConfirmationSlipContent }) {
  return (
    <View wrap={false}>
      <View style={styles.cutLine}>
        <Text style={styles.cutLabel}>（请沿虚线剪下，签章后寄回）</Text>
      </View>
      <Text style={styles.title}>{content.title}</Text>
      <Text>{content.salutation}</Text>
      <Text style={styles.statement}>{content.statement}</Text>
      <Text style={styles.option}>{content.agreeOption}</Text>
      <Text style={styles.option}>{content.disagreeOption}</Text>
      <Text style={styles.reason}>{content.differenceReason}</Text>
      <View style={styles.signature}>
        {content.signatureLines.map((line) => (
          <Text key={line}>{line}</Text>
        ))}
      </View>
    </View>
  );
}
