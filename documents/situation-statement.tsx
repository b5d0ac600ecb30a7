import { Document } from "@react-pdf/renderer";

import { BodyParagraph } from "./sections/body-paragraph";
import { ClosingBlock } from "./sections/closing-block";
import { DocumentNumberLine } from "./sections/document-number-line";
import { DocumentTitle } from "./sections/document-title";
import { LetterPage } from "./sections/letter-page";
import { Letterhead } from "./sections/letterhead";
import { Salutation } from "./sections/salutation";
import type { SealImage } from "./sections/seal";
import { formatChineseDate } from "../server/domain/dates";
import type { SituationStatementPayload } from "./statement-types";

/** The closing phrase DOMAIN rules put before the signature of a 情况说明. */
export const SITUATION_CLOSING_PHRASE = "特此说明。";

/**
 * Enough to keep the last summary paragraph with the whole closing block,
 * because react-pdf counts no further than the last following sibling.
 */
const KEEP_WITH_CLOSING = 190;

/**
 * Lays out a situation statement (情况说明) in its five parts: salutation,
 * facts, summary, 特此说明 and the signature with the date.
 */
export function SituationStatement({
  payload,
  seal,
}: {
  payload: SituationStatementPayload;
  seal: SealImage | null;
}) {
  const lastSummary = payload.summary.length - 1;

  return (
    <Document title={`情况说明_${payload.addressee}`} author={payload.companyName} language="zh-CN">
      <LetterPage>
        <Letterhead companyName={payload.companyName} details={payload.companyDetails} />
        <DocumentTitle text="情况说明" />
        <DocumentNumberLine number={payload.number} />
        <Salutation text={payload.addressee} />
        {payload.facts.map((paragraph, index) => (
          <BodyParagraph key={`f${index}`}>{paragraph}</BodyParagraph>
        ))}
        {payload.summary.map((paragraph, index) => (
          <BodyParagraph
            key={`s${index}`}
            minPresenceAhead={index === lastSummary ? KEEP_WITH_CLOSING : undefined}
          >
            {paragraph}
          </BodyParagraph>
        ))}
        <ClosingBlock
          phrase={SITUATION_CLOSING_PHRASE}
          signatureLines={payload.signatureLines}
          sealLabel="（盖章）"
          seal={seal}
          date={formatChineseDate(payload.date)}
        />
      </LetterPage>
    </Document>
  );
}
