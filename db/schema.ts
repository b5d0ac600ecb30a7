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
}

/** Time of creation, filled by the insert and never updated. */
type CreatedAt = ColumnType<string, string, never>;

/** Account managers (业务员) that clients are assigned to. */
export interface StaffTable {
  id: Generated<number>;
  name: string;
  phone: string;
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
