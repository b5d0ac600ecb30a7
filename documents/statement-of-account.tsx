import { Document, StyleSheet, Text, View } from "@react-pdf/renderer";

import { AmountTable, type TableColumn } from "./sections/amount-table";
import { BodyParagraph } from "./sections/body-paragraph";
import { ClosingBlock } from "./sections/closing-block";
import { ConfirmationSlip } from "./sections/confirmation-slip";
import { DocumentNumberLine } from "./sections/document-number-line";
import { DocumentTitle } from "./sections/document-title";
import { LetterPage } from "./sections/letter-page";
import { Letterhead } from "./sections/letterhead";
import { Salutation } from "./sections/salutation";
import type { SealImage } from "./sections/seal";
import { theme } from "./sections/theme";
import { buildStatementContent, ENTRY_HEADERS } from "./statement-of-account-content";
import type { StatementOfAccountPayload } from "./statement-types";

/**
 * Widths in points for the 160 mm text column at 9 pt: dates take two lines
 * (2026年 / 12月4日), amounts fit up to 99,999,999.99 on one line, and the
 * description takes what is left, about fifteen characters a line.
 */
const ENTRY_WIDTHS: Array<Omit<TableColumn, "header">> = [
  { width: 46, align: "center" },
  {},
  { width: 78 },
  { width: 64, align: "right" },
  { width: 64, align: "right" },
  { width: 66, align: "right" },
];

const ENTRY_COLUMNS: TableColumn[] = ENTRY_HEADERS.map((header, index) => ({
  header,
  ...ENTRY_WIDTHS[index],
}));

const AGING_COLUMNS: TableColumn[] = [
  { header: "账龄（逾期天数）" },
  { header: "未收金额", width: 120, align: "right" },
];

/** Room the opening paragraph keeps for the table header and first rows, in points. */
const KEEP_WITH_TABLE = 90;

const styles = StyleSheet.create({
  caption: {
    fontSize: theme.smallSize,
    color: theme.mutedColor,
    marginBottom: 2,
  },
});

/** Lays out the statement of account (对账单) with its confirmation slip (回执). */
export function StatementOfAccount({
  payload,
  seal,
}: {
  payload: StatementOfAccountPayload;
  seal: SealImage | null;
}) {
  const content = buildStatementContent(payload);

  return (
    <Document
      title={`${content.title}_${payload.client.name}`}
      author={content.companyName}
      language="zh-CN"
    >
      <LetterPage>
        <Letterhead companyName={content.companyName} details={content.companyDetails} />
        <DocumentTitle text={content.title} />
        <DocumentNumberLine number={payload.number} />
        <Salutation text={content.salutation} />
        <BodyParagraph minPresenceAhead={KEEP_WITH_TABLE}>{content.opening}</BodyParagraph>
        <AmountTable
          columns={ENTRY_COLUMNS}
          rows={content.entryRows}
          caption="金额单位：人民币元；余额为正表示贵司欠款，为负表示我司预收"
        />
        <View wrap={false}>
          <Text style={styles.caption}>{content.agingCaption}</Text>
          <AmountTable columns={AGING_COLUMNS} rows={content.agingRows} />
        </View>
        {/* The closing paragraphs, the signature and the slip stay on one page. */}
        <View wrap={false}>
          {content.closingParagraphs.map((paragraph) => (
            <BodyParagraph key={paragraph}>{paragraph}</BodyParagraph>
          ))}
          <ClosingBlock
            phrase={"此致\n敬礼！"}
            signatureLines={content.signatureLines}
            sealLabel="（盖章）"
            seal={seal}
            date={content.date}
          />
          <ConfirmationSlip content={content.slip} />
        </View>
      </LetterPage>
    </Document>
  );
}
