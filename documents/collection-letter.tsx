import { Document } from "@react-pdf/renderer";

import {
  buildCollectionLetterContent,
  type CollectionLetterContent,
} from "./collection-letter-content";
import { AmountTable, type TableColumn } from "./sections/amount-table";
import { BodyParagraph } from "./sections/body-paragraph";
import { ClosingBlock } from "./sections/closing-block";
import { DocumentNumberLine } from "./sections/document-number-line";
import { DocumentTitle } from "./sections/document-title";
import { LetterPage } from "./sections/letter-page";
import { Letterhead } from "./sections/letterhead";
import { PaymentDetails } from "./sections/payment-details";
import type { PageNumbering } from "./sections/page-footer";
import { Salutation } from "./sections/salutation";
import type { SealImage } from "./sections/seal";
import type { CollectionLetterFacts } from "./types";

/**
 * Widths in points for a 160 mm text column at 9 pt: dates take two lines
 * (2026年 / 12月14日), amounts fit up to 9,999,999.99 on one line, and the
 * contract description takes what is left, about eight characters a line.
 */
const CONTRACT_COLUMNS: TableColumn[] = [
  { header: "合同编号", width: 66 },
  { header: "签订日期", width: 46, align: "center" },
  { header: "合同内容" },
  { header: "合同金额", width: 60, align: "right" },
  { header: "已付金额", width: 60, align: "right" },
  { header: "未付金额", width: 60, align: "right" },
  { header: "到期日", width: 46, align: "center" },
  { header: "逾期天数", width: 44, align: "right" },
];

/**
 * Room a paragraph keeps for what follows it on the same page, in points:
 * the table header and first row, or the bank details.
 */
const KEEP_WITH_TABLE = 90;
const KEEP_WITH_PAYMENT_DETAILS = 80;

/**
 * Enough to keep the last paragraph with the whole closing block, because
 * react-pdf counts no further than the last following sibling.
 */
const KEEP_WITH_CLOSING = 190;

interface CollectionLetterProps {
  facts: CollectionLetterFacts;
  /** Company seal printed over the signature, or none. */
  seal?: SealImage | null;
}

/** Lays out a collection letter (付款提醒函, 催款函 or 最后催告函) as a react-pdf document. */
export function CollectionLetter({ facts, seal }: CollectionLetterProps) {
  const content = buildCollectionLetterContent(facts);

  return (
    <Document
      title={`${content.title}_${facts.client.name}`}
      author={content.companyName}
      language="zh-CN"
    >
      <CollectionLetterPage facts={facts} seal={seal} />
    </Document>
  );
}

/**
 * Lays out one letter as a <Page> element, which may run over several
 * printed pages. A batch PDF puts many of these in one <Document> with
 * `numbering` "page", so each letter starts on a new page and counts its
 * own pages.
 *
 * NOTE: react-pdf 4.9 (@react-pdf/layout 5.2) lays out the rest of a <Page>
 * again at every page break, so a letter's time grows with the square of
 * its length: about 3 s for 11 pages, 6 to 8 s for 16 and 175 s for 86
 * (1,773 overdue contracts) on a 2-core machine. The engine's
 * `experimentalPagination` was 12 times faster on the 86 pages, but it
 * misnumbered pages and dropped the closing in this letter's tests.
 */
export function CollectionLetterPage({
  facts,
  seal,
  numbering,
}: CollectionLetterProps & { numbering?: PageNumbering }) {
  const content = buildCollectionLetterContent(facts);

  return (
    <LetterPage numbering={numbering}>
      <Letterhead companyName={content.companyName} details={content.companyDetails} />
      <DocumentTitle text={content.title} />
      <DocumentNumberLine number={content.number} />
      <Salutation text={content.salutation} />
      <BodyParagraph
        minPresenceAhead={content.contractRows.length > 0 ? KEEP_WITH_TABLE : undefined}
      >
        {content.opening}
      </BodyParagraph>
      {content.contractRows.length > 0 && (
        <AmountTable
          columns={CONTRACT_COLUMNS}
          rows={content.contractRows}
          caption="金额单位：人民币元"
        />
      )}
      {content.summary.map((sentence) => (
        <BodyParagraph key={sentence}>{sentence}</BodyParagraph>
      ))}
      <PaymentRequest content={content} />
      {content.contractCitation !== null && (
        <BodyParagraph>{content.contractCitation}</BodyParagraph>
      )}
      <BodyParagraph minPresenceAhead={KEEP_WITH_CLOSING}>{content.disregard}</BodyParagraph>
      <ClosingBlock
        phrase={content.closingPhrase}
        signatureLines={content.signatureLines}
        sealLabel={content.sealLabel}
        date={content.date}
        seal={seal}
      />
    </LetterPage>
  );
}

/** Renders the deadline sentence and the bank account, or nothing when none is due. */
function PaymentRequest({ content }: { content: CollectionLetterContent }) {
  if (content.request === null) return null;

  return (
    <>
      <BodyParagraph minPresenceAhead={KEEP_WITH_PAYMENT_DETAILS}>
        {content.request}
      </BodyParagraph>
      <PaymentDetails fields={content.paymentFields} />
    </>
  );
}
