import { StyleSheet, Text } from "@react-pdf/renderer";

import { theme } from "./theme";

const styles = StyleSheet.create({
  number: {
    fontSize: theme.smallSize + 1,
    textAlign: "right",
    marginTop: -theme.sectionGap,
    marginBottom: theme.sectionGap,
  },
});

/**
 * The register number under the title, right-aligned: 〔2026〕催字第012号.
 * A preview (null) is marked 样稿 so it is not sent by mistake; undefined
 * prints nothing.
 */
export function DocumentNumberLine({ number }: { number: string | null | undefined }) {
  if (number === undefined) return null;
  return <Text style={styles.number}>{number ?? "样稿（未登记，无文号）"}</Text>;
}
