import type { ReactNode } from "react";
import { StyleSheet, Text } from "@react-pdf/renderer";

import { theme } from "./theme";

const styles = StyleSheet.create({
  paragraph: {
    textIndent: theme.bodySize * 2,
    textAlign: "justify",
    marginBottom: theme.paragraphGap,
  },
});

interface BodyParagraphProps {
  children: ReactNode;
  /**
   * Points of the following content that must fit on the same page, else
   * the paragraph moves to the next page. React-pdf never counts beyond the
   * last following sibling, so a large value keeps the paragraph with
   * everything after it.
   */
  minPresenceAhead?: number;
}

/** Body text with the two-character first-line indent of Chinese prose. */
export function BodyParagraph({ children, minPresenceAhead }: BodyParagraphProps) {
  return (
    <Text style={styles.paragraph} minPresenceAhead={minPresenceAhead}>
      {children}
    </Text>
  );
}
