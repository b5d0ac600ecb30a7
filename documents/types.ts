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

export interface CollectionLetterFacts {
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
