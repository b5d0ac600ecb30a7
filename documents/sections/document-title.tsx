import { StyleSheet, Text } from "@react-pdf/renderer";

import { theme } from "./theme";

const styles = StyleSheet.create({
  title: {
    fontSize: theme.titleSize,
    fontWeight: 700,
    textAlign: "center",
    // Spaced title as Chinese letters set it (催 款 函). The spacing also
    // follows the last character, so a matching indent keeps it centred.
    letterSpacing: theme.titleSize / 2,
    textIndent: theme.titleSize / 2,
    lineHeight: 1.4,
    marginBottom: theme.sectionGap * 1.5,
  },
});

/** Bold centred title such as 催款函. */
export function DocumentTitle({ text }: { text: string }) {
  return <Text style={styles.title}>{text}</Text>;
}
