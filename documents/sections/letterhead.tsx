import { StyleSheet, Text, View } from "@react-pdf/renderer";

import { theme } from "./theme";

const styles = StyleSheet.create({
  letterhead: {
    marginBottom: theme.sectionGap * 1.5,
    paddingBottom: 6,
    borderBottomWidth: 1.5,
    borderBottomColor: theme.ruleColor,
  },
  name: {
    fontSize: theme.letterheadSize,
    fontWeight: 700,
    textAlign: "center",
    lineHeight: 1.4,
  },
  details: {
    fontSize: theme.smallSize,
    textAlign: "center",
    color: theme.mutedColor,
    lineHeight: 1.5,
  },
});

interface LetterheadProps {
  companyName: string;
  /** Contact line under the name, e.g. 地址：…　电话：…. */
  details: string;
}

/** Shows the issuing company's name and contact line above a rule. */
export function Letterhead({ companyName, details }: LetterheadProps) {
  return (
    <View style={styles.letterhead}>
      <Text style={styles.name}>{companyName}</Text>
      {details !== "" && <Text style={styles.details}>{details}</Text>}
    </View>
  );
}
