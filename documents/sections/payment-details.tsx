import { StyleSheet, Text, View } from "@react-pdf/renderer";

import { theme } from "./theme";

export interface LabelledValue {
  label: string;
  value: string;
}

const styles = StyleSheet.create({
  details: {
    marginLeft: theme.bodySize * 2,
    marginBottom: theme.paragraphGap * 2,
  },
  row: {
    flexDirection: "row",
  },
  label: {
    width: theme.bodySize * 5.5,
    flexShrink: 0,
  },
  value: {
    flexGrow: 1,
    flexBasis: 0,
  },
});

/**
 * Bank details the client pays into, one labelled line each (户名, 开户银行,
 * 账号), indented like body text and never split across pages.
 */
export function PaymentDetails({ fields }: { fields: LabelledValue[] }) {
  return (
    <View style={styles.details} wrap={false}>
      {fields.map((field) => (
        <View key={field.label} style={styles.row}>
          <Text style={styles.label}>{field.label}</Text>
          <Text style={styles.value}>{field.value}</Text>
        </View>
      ))}
    </View>
  );
}
