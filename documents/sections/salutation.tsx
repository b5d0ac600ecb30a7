import { StyleSheet, Text } from "@react-pdf/renderer";

import { theme } from "./theme";

const styles = StyleSheet.create({
  salutation: {
    marginBottom: theme.paragraphGap,
  },
});

/** The line naming the addressee, flush left: 某某传媒有限公司：. */
export function Salutation({ text }: { text: string }) {
  return <Text style={styles.salutation}>{text}</Text>;
}
