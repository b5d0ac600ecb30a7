import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { Styles } from "@react-pdf/renderer";

import { theme } from "./theme";

export interface TableColumn {
  header: string;
  /** Width in points. Columns without one share the remaining width. */
  width?: number;
  align?: "left" | "center" | "right";
}

const BORDER = { width: 0.75, color: theme.tableBorderColor };

const styles = StyleSheet.create({
  caption: {
    fontSize: theme.tableSize,
    lineHeight: theme.tableLineHeight,
    textAlign: "right",
    color: theme.mutedColor,
    marginBottom: 2,
  },
  table: {
    fontSize: theme.tableSize,
    lineHeight: theme.tableLineHeight,
    marginBottom: theme.sectionGap,
  },
  row: {
    flexDirection: "row",
    borderBottomWidth: BORDER.width,
    borderBottomColor: BORDER.color,
    borderRightWidth: BORDER.width,
    borderRightColor: BORDER.color,
  },
  headerRow: {
    borderTopWidth: BORDER.width,
    borderTopColor: BORDER.color,
    backgroundColor: theme.tableHeaderBackground,
    fontWeight: 700,
  },
  cell: {
    justifyContent: "center",
    paddingVertical: 3,
    paddingHorizontal: 3,
    borderLeftWidth: BORDER.width,
    borderLeftColor: BORDER.color,
  },
});

interface AmountTableProps {
  columns: TableColumn[];
  /** One array of cell texts per row, in column order. "\n" breaks a line. */
  rows: string[][];
  /** Note above the table's right edge, e.g. the currency unit. */
  caption?: string;
}

/**
 * Ruled table of contracts or entries. A row never splits across pages,
 * and the header row repeats at the top of every page the table reaches.
 */
export function AmountTable({ columns, rows, caption }: AmountTableProps) {
  const headers = columns.map((column) => column.header);
  const headerAlignment = columns.map(() => "center" as const);

  return (
    <View>
      {caption !== undefined && <Text style={styles.caption}>{caption}</Text>}
      <View style={styles.table}>
        <View style={[styles.row, styles.headerRow]} fixed>
          <TableCells columns={columns} texts={headers} alignment={headerAlignment} />
        </View>
        {rows.map((cells, index) => (
          <View key={index} style={styles.row} wrap={false}>
            <TableCells
              columns={columns}
              texts={cells}
              alignment={columns.map((column) => column.align ?? "left")}
            />
          </View>
        ))}
      </View>
    </View>
  );
}

interface TableCellsProps {
  columns: TableColumn[];
  texts: string[];
  alignment: Array<"left" | "center" | "right">;
}

function TableCells({ columns, texts, alignment }: TableCellsProps) {
  return (
    <>
      {columns.map((column, index) => (
        <View key={index} style={[styles.cell, columnSize(column)]}>
          <Text style={{ textAlign: alignment[index] }}>{texts[index] ?? ""}</Text>
        </View>
      ))}
    </>
  );
}

function columnSize(column: TableColumn): Styles[string] {
  return column.width === undefined
    ? { flexGrow: 1, flexBasis: 0 }
    : { width: column.width, flexShrink: 0 };
}
