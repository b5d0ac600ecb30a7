import type { ReactNode } from "react";
import { Page, StyleSheet, View } from "@react-pdf/renderer";

import { type PageNumbering, PageNumberFooter } from "./page-footer";
import { theme } from "./theme";

const styles = StyleSheet.create({
  page: {
    paddingTop: theme.pageMargin,
    paddingBottom: theme.pageMargin,
    paddingHorizontal: theme.pageMargin,
    fontFamily: theme.fontFamily,
    color: theme.textColor,
  },
  content: {
    fontSize: theme.bodySize,
    lineHeight: theme.bodyLineHeight,
  },
});

/**
 * Lays out an A4 page with the document margins and a page number on every
 * page. `numbering` "page" counts within this element only, for PDFs that
 * hold several documents.
 */
export function LetterPage({ children, numbering }: { children: ReactNode; numbering?: PageNumbering }) {
  return (
    <Page size="A4" style={styles.page}>
      <BodyText>{children}</BodyText>
      <PageNumberFooter numbering={numbering} />
    </Page>
  );
}

/**
 * Applies the body font size and line height to the content only.
 *
 * NOTE: react-pdf 4.9 (@react-pdf/layout 5.2, stylesheet 6.3) resolves the
 * styles of a page again when it draws a `render` element such as the page
 * number. A line height, already converted to points, is then multiplied by
 * the font size once more, which moved the page number off the page. So no
 * line height may reach the footer, neither set on it nor inherited.
 */
function BodyText({ children }: { children: ReactNode }) {
  return <View style={styles.content}>{children}</View>;
}
