import type {
  ColumnType,
  Generated,
  Insertable,
  Selectable,
  Updateable,
} from "kysely";

/**
 * Kysely table types. They describe what the driver returns at run time:
 * money is integer fen, business dates are `YYYY-MM-DD` text and timestamps
 * are ISO-8601 UTC text.
 */
export interface Database {
  staff: StaffTable;
  business_type: BusinessTypeTable;
  client: ClientTable;
  contract: ContractTable;
  installment: InstallmentTable;
  payment: PaymentTable;
  allocation: AllocationTable;
  setting: SettingTable;
  user: UserTable;
  audit_log: AuditLogTable;
  month_annotation: MonthAnnotationTable;
  cost_category: CostCategoryTable;
  operating_cost: OperatingCostTable;
  holiday: HolidayTable;
  notification_channel: NotificationChannelTable;
  notification_send: NotificationSendTable;
  job_lease: JobLeaseTable;
  issued_document: IssuedDocumentTable;
  document_counter: DocumentCounterTable;
  document_asset: DocumentAssetTable;
  client_blacklist: ClientBlacklistTable;
  credit_override: CreditOverrideTable;
  reward_redemption: RewardRedemptionTable;
  collection_reason: CollectionReasonTable;
  collection_contact: CollectionContactTable;
  payment_promise: PaymentPromiseTable;
  installment_dispute: InstallmentDisputeTable;
  import_preset: ImportPresetTable;
  import_record: ImportRecordTable;
  import_key: ImportKeyTable;
}

/** Time of creation, filled by the insert and never updated. */
type CreatedAt = ColumnType<string, string, never>;

/** Account managers (业务员) that clients are assigned to. */
export interface StaffTable {
  id: Generated<number>;
  name: string;
  phone: string;
  /** Address the daily reminder digest is e-mailed to; empty for none. */
  email: ColumnType<string, string | undefined, string>;
  active: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
}

export interface BusinessTypeTable {
  id: Generated<number>;
  name: string;
  sort_order: number;
  active: ColumnType<number, number | undefined, number>;
}

export interface ClientTable {
  id: Generated<number>;
  name: string;
  contact_person: string;
  phone: string;
  address: string;
  account_manager_id: number | null;
  notes: string;
  created_at: CreatedAt;
  updated_at: string;
  version: ColumnType<number, number | undefined, number>;
  /** Credit limit (信用额度) in fen on the outstanding balance, or null for none. */
  credit_limit: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ContractTable {
  id: Generated<number>;
  client_id: number;
  contract_no: string;
  business_type_id: number;
  /** What the contract covers, e.g. the placement or the project. */
  title: string;
  signed_on: string;
  service_start: string | null;
  service_end: string | null;
  total_amount: number;
  media_cost: number;
  production_cost: number;
  notes: string;
  created_at: CreatedAt;
  updated_at: string;
  version: ColumnType<number, number | undefined, number>;
}

export interface InstallmentTable {
  id: Generated<number>;
  contract_id: number;
  /** The contract's client, copied so open amounts sum per client from one index. */
  client_id: number;
  /** Position in the plan, 1-based. */
  seq: number;
  label: string;
  due_date: string;
  amount: number;
  /**
   * Sum of the live allocations to this installment. Kept current by the
   * payment path so open installments are found without reading history.
   */
  paid_amount: ColumnType<number, number | undefined, number>;
}

export interface PaymentTable {
  id: Generated<number>;
  client_id: number;
  received_on: string;
  amount: number;
  method: string;
  bank_reference: string;
  note: string;
  /** Contract the payer named; its installments are served first. */
  contract_id: number | null;
  created_at: CreatedAt;
  reversed_at: string | null;
  reversal_reason: string | null;
  /** Key of the form submission that recorded it; unique when set. */
  request_key: ColumnType<string | null, string | null | undefined, never>;
}

/** One piece of a payment applied (核销) to one installment. */
export interface AllocationTable {
  id: Generated<number>;
  payment_id: number;
  installment_id: number;
  amount: number;
  created_at: CreatedAt;
  /** Set when the payment is reversed; the row stays as history. */
  reversed_at: string | null;
}

export interface SettingTable {
  key: string;
  /** JSON text. */
  value: string;
  updated_at: string;
}

/**
 * Staff accounts. better-auth (server/auth.ts) owns this table and its
 * session, account and verification tables, in its own camelCase names;
 * the app writes users only through better-auth and reads them here.
 */
export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: number;
  image: string | null;
  createdAt: string;
  updatedAt: string;
  /** Lower-case sign-in name; displayUsername keeps the case as typed. */
  username: string | null;
  displayUsername: string | null;
  /** admin, finance, account_manager or viewer (server/permissions.ts). */
  role: string;
  /** 1 when the user is disabled (停用). */
  banned: number | null;
  banReason: string | null;
  banExpires: string | null;
  /** The staff member an account manager is. */
  staffId: number | null;
}

/** One change: who made it, when, and the subject's values before and after. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_name: string;
  /** The procedure that made the change, e.g. payments.reverse. */
  action: string;
  entity: string;
  entity_id: string | null;
  /** Client the change concerns, for the client's history. */
  client_id: number | null;
  /** JSON text of the subject before the change; null for a creation. */
  before: string | null;
  /** JSON text of the subject after the change (or the input when unnamed). */
  after: string | null;
  request_id: string | null;
}

export type Staff = Selectable<StaffTable>;
export type Client = Selectable<ClientTable>;
export type NewClient = Insertable<ClientTable>;
export type ClientUpdate = Updateable<ClientTable>;
export type Contract = Selectable<ContractTable>;
export type NewContract = Insertable<ContractTable>;
export type Installment = Selectable<InstallmentTable>;
export type NewInstallment = Insertable<InstallmentTable>;
export type Payment = Selectable<PaymentTable>;
export type NewPayment = Insertable<PaymentTable>;
export type Allocation = Selectable<AllocationTable>;
export type BusinessType = Selectable<BusinessTypeTable>;

/** A staff note explaining one month's revenue, shown on the trend chart. */
export interface MonthAnnotationTable {
  /** The calendar month, 'YYYY-MM'. */
  month: string;
  note: string;
  /** ISO UTC timestamp of the last save. */
  updated_at: string;
  /** Name of the user who saved the note last. */
  updated_by: string;
}

/** A category of operating costs (房租, 人工, ...). */
export interface CostCategoryTable {
  id: Generated<number>;
  name: string;
  sort_order: number;
  /** 1 when offered for new costs. */
  active: number;
}

/** An operating cost paid by the agency; never deleted, voided with a reason. */
export interface OperatingCostTable {
  id: Generated<number>;
  /** 'YYYY-MM-DD' the cost was paid. */
  paid_on: string;
  category_id: number;
  /** Integer fen, > 0. */
  amount: number;
  note: string;
  created_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

/** A client on the blacklist (拒绝合作) while lifted_at is null. */
export interface ClientBlacklistTable {
  id: Generated<number>;
  client_id: number;
  reason: string;
  decided_on: string;
  decided_by_id: string | null;
  decided_by_name: string;
  created_at: CreatedAt;
  lifted_at: string | null;
  lifted_by_name: string | null;
  lift_reason: string | null;
}

/** A manager's recorded decision to accept a contract despite the blacklist. */
export interface CreditOverrideTable {
  id: Generated<number>;
  contract_id: number;
  reason: string;
  /** JSON array of the credit warnings shown when the override was made. */
  warnings: string;
  decided_by_id: string | null;
  decided_by_name: string;
  created_at: CreatedAt;
}

/** On-time reward used by a client, e.g. as a rebate on a later contract; voided, never deleted. */
export interface RewardRedemptionTable {
  id: Generated<number>;
  client_id: number;
  contract_id: number | null;
  amount: number;
  used_on: string;
  note: string;
  created_at: CreatedAt;
  created_by_name: string;
  voided_at: string | null;
  void_reason: string | null;
}

/**
 * A document sent out (文书登记): its number, and the facts and text it was
 * rendered from, frozen. Never deleted; voided with a reason instead.
 */
export interface IssuedDocumentTable {
  id: Generated<number>;
  /** payment_reminder, collection_demand, final_notice, statement, situation_client or situation_summary. */
  kind: string;
  /** Year of the issue date, the year in the number. */
  year: number;
  /** Sequence within kind and year, from 1. */
  seq: number;
  /** The printed number, e.g. 〔2026〕催字第012号. */
  number: string;
  client_id: number | null;
  /** 'YYYY-MM-DD' date of the figures, printed as the document date. */
  as_of: string;
  issued_at: string;
  issued_by_id: string | null;
  issued_by_name: string;
  /** JSON text of the frozen facts and text as rendered, including the number. */
  payload: string;
  file_name: string;
  voided_at: string | null;
  void_reason: string | null;
  voided_by_name: string | null;
}

/** The last sequence number handed out per document kind and year. */
export interface DocumentCounterTable {
  /** The number's character (提, 催, 告, 账, 说): kinds that print the same one share a sequence. */
  series: string;
  year: number;
  last_seq: number;
}

/** An image printed on documents (the company seal), stored by SHA-256 of its bytes. */
export interface DocumentAssetTable {
  sha256: string;
  media_type: string;
  data_base64: string;
  width: number;
  height: number;
  created_at: string;
}

/** A reason clients give for not paying (对服务不满意, 资金紧张, ...); deactivated, never deleted. */
export interface CollectionReasonTable {
  id: Generated<number>;
  name: string;
  sort_order: number;
  /** 1 when offered for new contacts. */
  active: ColumnType<number, number | undefined, number>;
}

/** One collection contact (催收记录): a call, visit, message or letter; voided, never deleted. */
export interface CollectionContactTable {
  id: Generated<number>;
  client_id: number;
  contract_id: number | null;
  /** Local time in the business time zone as the user entered it, 'YYYY-MM-DDTHH:mm'. */
  contacted_at: string;
  /** 电话, 上门拜访, 微信, 短信, 函件 or 律师函. */
  channel: string;
  /** The client's person who was contacted. */
  person: string;
  /** Staff member who made the contact. */
  staff_id: number | null;
  outcome: string;
  reason_id: number | null;
  next_follow_up_on: string | null;
  /** User who recorded it; only they may edit it, on the day it was recorded. */
  created_by_id: string | null;
  created_by_name: string;
  /** Business date it was recorded on, the only day its author may edit it. */
  recorded_on: string;
  created_at: CreatedAt;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

/**
 * A promise to pay (承诺付款). Its status is computed as of a date from the
 * client's payments, never stored.
 */
export interface PaymentPromiseTable {
  id: Generated<number>;
  client_id: number;
  contract_id: number | null;
  contact_id: number | null;
  /** Integer fen, > 0. */
  amount: number;
  promised_on: string;
  /** Business date the promise was made: payments from this date on count towards it. */
  made_on: string;
  note: string;
  created_by_id: string | null;
  created_by_name: string;
  created_at: CreatedAt;
  voided_at: string | null;
  void_reason: string | null;
}

/** A dispute (有争议) on one installment, open until resolved with a note. */
export interface InstallmentDisputeTable {
  id: Generated<number>;
  installment_id: number;
  reason: string;
  opened_on: string;
  opened_by_name: string;
  created_at: CreatedAt;
  resolved_on: string | null;
  resolution_note: string | null;
  resolved_by_name: string | null;
  resolved_at: string | null;
}

/** A saved column mapping for spreadsheet import. */
export interface ImportPresetTable {
  id: Generated<number>;
  name: string;
  /** clients, contracts, payments or costs. */
  entity: string;
  /** JSON text: { field key: header text of the file }. */
  mapping: string;
  /** How slash dates such as 1/5/2026 read: 'ymd' rejects them, 'mdy' reads month/day/year. */
  date_order: string;
  created_by: string;
  updated_at: string;
}

/** One uploaded spreadsheet and, once confirmed, what its import wrote. */
export interface ImportRecordTable {
  id: Generated<number>;
  /** Random id of the uploaded file in the temporary upload folder. */
  upload_id: string;
  file_name: string;
  /** SHA-256 of the file bytes, hex. */
  file_hash: string;
  file_size: number;
  /** uploaded (file kept under data/imports/ for at most a day) or imported. */
  status: string;
  entity: string | null;
  preset: string | null;
  row_count: number | null;
  /** JSON text: { entity: { created, updated, unchanged } } of the confirmed import. */
  counts: string | null;
  uploaded_by: string;
  uploaded_at: string;
  imported_by: string | null;
  imported_at: string | null;
}

/** Key of an imported row (declared key column or natural key) and the record it wrote. */
export interface ImportKeyTable {
  entity: string;
  key: string;
  record_id: number;
  import_id: number;
}

/** A day of the public holiday calendar: a day off, or a weekend day worked (调休上班). */
export interface HolidayTable {
  /** 'YYYY-MM-DD'. */
  date: string;
  /** holiday or workday. */
  kind: string;
  name: string;
  updated_at: string;
}

/** Settings of one notification channel: email, wecom or dingtalk. */
export interface NotificationChannelTable {
  channel: string;
  enabled: number;
  /** JSON text of the settings that may be shown. */
  config: string;
  /** JSON text of the SMTP password, webhook URL and signing secret; never shown, logged or audited. */
  secrets: string;
  updated_at: string;
}

/** One reminder message to one recipient over one channel on one day, and its outcome. */
export interface NotificationSendTable {
  id: Generated<number>;
  /** Business date the reminder is for, 'YYYY-MM-DD'. */
  run_date: string;
  /** An e-mail address, or the group robot. */
  recipient: string;
  channel: string;
  /** manager:<staff id>, finance or test:<timestamp>. */
  digest: string;
  title: string;
  body: string;
  /** pending, sent or failed (retried by the next run). */
  status: string;
  attempts: ColumnType<number, number | undefined, number>;
  /** Parts of a split robot message already delivered; a retry starts after them. */
  parts_sent: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

/** A lease that lets one process at a time run a scheduled job, and the job's progress. */
export interface JobLeaseTable {
  name: string;
  holder: string | null;
  /** ISO UTC time the lease lapses unless renewed. */
  expires_at: string | null;
  /** Last business date the job ran for, skipped days included. */
  last_run_date: string | null;
  /** Last business date digests were built for. */
  last_digest_date: string | null;
  updated_at: string;
}
