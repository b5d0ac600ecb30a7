/**
 * Facts a document is rendered from. Documents never query: the server
 * computes these and passes them in. Money is integer fen, dates are
 * `YYYY-MM-DD` calendar dates.
 */

/** The issuing company's profile, edited on the settings page. */
export interface CompanyProfile {
  name: string;
  address: string;
  phone: string;
  bankName: string;
  bankAccountName: string;
  bankAccountNumber: string;
  signatory: string;
}

/** One overdue contract as the collection letter states it. */
export interface OverdueContractFact {
  contractNo: string;
  signedOn: string;
  /** What the contract covered, e.g. the placement or project. */
  title: string;
  businessType: string;
  totalAmount: number;
  paidAmount: number;
  outstandingAmount: number;
  /** Earliest due date among the contract's overdue installments. */
  earliestDueDate: string;
  /** Days past that due date as of the letter date. */
  daysOverdue: number;
  /** Overdue part of the outstanding amount (due before the letter date). */
  overdueAmount: number;
}

/**
 * Editable text of one level of collection letter, stored in settings.
 * Placeholders: {函件日期}, {付款期限}, {金额} (the overdue total in figures), {合同条款} (clauseReference) and {联系电话} (（电话：…） or
 * nothing when the company has no phone).
 */
export interface LetterWording {
  title: string;
  /** Paragraph before the contract table. */
  opening: string;
  /** Payment request before the bank details; must contain {付款期限} and {金额}. */
  request: string;
  /** Paragraph after the bank details: advice, or the consequences and legal steps. */
  consequence: string;
  /** Contract clauses the final notice cites, e.g. 合同第五条（付款方式）及第八条（违约责任）. */
  clauseReference: string;
  closingPhrase: string;
}

export interface CollectionLetterFacts {
  /** Level of the letter; 催款函 (collection_demand) when absent. */
  level?: "payment_reminder" | "collection_demand" | "final_notice";
  /** Text of the level as it was when the letter was made; the shipped default when absent. */
  wording?: LetterWording;
  /** Register number such as 〔2026〕催字第012号, or null for a preview not yet issued. */
  number?: string | null;
  company: CompanyProfile;
  client: {
    name: string;
    contactPerson: string;
    address: string;
  };
  /** The letter's date, also the as-of date of every figure in it. */
  letterDate: string;
  /** Date by which the client is asked to pay. */
  payBy: string;
  contracts: OverdueContractFact[];
  /** Sum of overdueAmount over contracts: what the letter demands. */
  totalOverdue: number;
  /** Everything the client still owes, due or not, as of the letter date. */
  totalOutstanding: number;
  /** Client credit (预收款) not yet applied, shown when above zero. */
  creditAmount: number;
}
