import { StyleSheet, Text } from "@react-pdf/renderer";

import { theme } from "./theme";

const styles = StyleSheet.create({
  footer: {
    position: "absolute",
    left: theme.pageMargin,
    right: theme.pageMargin,
    bottom: theme.pageMargin - theme.footerHeight,
    fontSize: theme.smallSize,
    textAlign: "center",
    color: theme.mutedColor,
  },
});

/** Formats the footer text: 第 1 页 共 2 页. */
export function formatPageNumber(pageNumber: number, totalPages: number) {
  return `第 ${pageNumber} 页 共 ${totalPages} 页`;
}

/**
 * How pages are counted: across the whole PDF ("document"), or within each
 * <Page> element ("page"), so every letter of a batch PDF starts at 第 1 页
 * with its own total.
 */
export type PageNumbering = "document" | "page";

/** Page number centred in the bottom margin, repeated on every page. */
export function PageNumberFooter({ numbering = "document" }: { numbering?: PageNumbering }) {
  return (
    <Text
      fixed
      style={styles.footer}
      render={({ pageNumber, totalPages, subPageNumber, subPageTotalPages }) =>
        numbering === "page"
          ? formatPageNumber(subPageNumber, subPageTotalPages)
          : formatPageNumber(pageNumber, totalPages)
      }
    />
  );
}
