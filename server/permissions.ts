/**
 * Who may call what: the one table of roles and the procedures each may
 * call. The base procedure in server/trpc.ts enforces it on every call, and
 * pages read it only to hide links and buttons. A procedure missing from
 * PROCEDURE_ROLES is denied to everyone.
 */

export const ROLES = ["admin", "finance", "account_manager", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "管理员",
  finance: "财务",
  account_manager: "业务员",
  viewer: "只读",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

const EVERYONE: readonly Role[] = ROLES;
const ADMIN: readonly Role[] = ["admin"];
const MONEY: readonly Role[] = ["admin", "finance"];
/** Roles that read the agency's own finances (operating costs, cash flow), not account managers. */
const FINANCE_READERS: readonly Role[] = ["admin", "finance", "viewer"];
/** Roles that maintain client and contract records, account managers for their own clients only. */
const RECORDS: readonly Role[] = ["admin", "finance", "account_manager"];

/**
 * Roles allowed to call each procedure, by its path in appRouter.
 *
 * Account managers see and change only the clients they manage: the
 * procedures scope their queries with `ctx.scope`, and a record of another
 * manager's client is "not found" to them. Viewers read the reports and may
 * open client, contract and payment pages read-only; they change nothing.
 */
export const PROCEDURE_ROLES: Readonly<Record<string, readonly Role[]>> = {
  "clients.list": EVERYONE,
  "clients.listWithBalances": EVERYONE,
  "clients.get": EVERYONE,
  "clients.ledger": EVERYONE,
  "clients.create": RECORDS,
  "clients.update": RECORDS,

  "contracts.get": EVERYONE,
  "contracts.editableIds": EVERYONE,
  "contracts.create": RECORDS,
  "contracts.update": RECORDS,

  "payments.record": MONEY,
  "payments.reverse": MONEY,
  "payments.get": EVERYONE,
  "payments.list": EVERYONE,
  "payments.openContracts": RECORDS,

  "reports.dashboard": EVERYONE,
  "reports.summary": EVERYONE,
  "reports.summaryByManager": EVERYONE,
  "reports.summaryByBusinessType": EVERYONE,
  "reports.reminders": EVERYONE,
  "reports.collectionLetter": RECORDS,

  "aging.report": EVERYONE,
  "aging.bounds": EVERYONE,
  "aging.saveBounds": ADMIN,
  "speed.ranking": EVERYONE,

  "settings.clock": EVERYONE,
  "settings.company": ADMIN,
  "settings.missingCompanyFields": ADMIN,
  "settings.saveCompany": ADMIN,
  "settings.staff": EVERYONE,
  "settings.addStaff": ADMIN,
  "settings.businessTypes": EVERYONE,
  "settings.addBusinessType": ADMIN,

  "credit.status": EVERYONE,
  "credit.setLimit": MONEY,
  "credit.blacklist": ADMIN,
  "credit.lift": ADMIN,
  "credit.blacklisted": EVERYONE,
  "rewards.rule": EVERYONE,
  "rewards.saveRule": ADMIN,
  "rewards.summary": EVERYONE,
  "rewards.redeem": MONEY,
  "rewards.voidRedemption": MONEY,

  "users.list": ADMIN,
  "users.create": ADMIN,
  "users.update": ADMIN,
  "users.setDisabled": ADMIN,
  "users.setPassword": ADMIN,

  "value.ranking": EVERYONE,
  "trend.report": EVERYONE,
  "trend.drillDown": EVERYONE,
  "trend.saveAnnotation": MONEY,
  "trend.clearAnnotation": MONEY,

  "costs.list": FINANCE_READERS,
  "costs.record": MONEY,
  "costs.void": MONEY,
  "costs.categories": FINANCE_READERS,
  "costs.addCategory": MONEY,
  "costs.cashFlow": FINANCE_READERS,

  "audit.list": MONEY,
  "audit.forClient": RECORDS,
  "audit.forContract": RECORDS,

  // Issued documents: issued by records roles within their scope, seen by everyone in scope, voided by finance.
  "documents.list": EVERYONE,
  "documents.get": EVERYONE,
  "documents.download": EVERYONE,
  "documents.void": MONEY,
  "documents.suggestLevel": RECORDS,
  "documents.previewLetter": RECORDS,
  "documents.issueLetter": RECORDS,
  "documents.issueBatch": RECORDS,
  "documents.startBatch": RECORDS,
  "documents.batchStatus": RECORDS,
  "documents.wording": EVERYONE,
  "documents.saveWording": ADMIN,
  "documents.seal": ADMIN,
  "documents.saveSeal": ADMIN,
  "documents.clearSeal": ADMIN,

  // Collection work: records roles log contacts, promises and disputes (account managers on their own clients).
  "collections.reasons": EVERYONE,
  "collections.addReason": ADMIN,
  "collections.updateReason": ADMIN,
  "collections.logContact": RECORDS,
  "collections.updateContact": RECORDS,
  "collections.voidContact": RECORDS,
  "collections.recordPromise": RECORDS,
  "collections.voidPromise": RECORDS,
  "collections.openDispute": RECORDS,
  "collections.resolveDispute": RECORDS,
  "collections.forClient": EVERYONE,
  "collections.listContacts": EVERYONE,
  "collections.disputes": EVERYONE,
  "collections.worklist": EVERYONE,

  // Reminder notifications: settings and test sends for admins; finance reads the send log.
  "notifications.overview": ADMIN,
  "notifications.saveRules": ADMIN,
  "notifications.saveEmailChannel": ADMIN,
  "notifications.saveWecomChannel": ADMIN,
  "notifications.saveDingtalkChannel": ADMIN,
  "notifications.sendTest": ADMIN,
  "notifications.staffEmails": ADMIN,
  "notifications.setStaffEmail": ADMIN,
  "notifications.holidays": ADMIN,
  "notifications.saveHoliday": ADMIN,
  "notifications.removeHoliday": ADMIN,
  "notifications.sendLog": MONEY,

  // Spreadsheet import: admin and finance only, since an import writes contracts and payments in bulk.
  "imports.upload": MONEY,
  "imports.inspect": MONEY,
  "imports.preview": MONEY,
  "imports.confirm": MONEY,
  "imports.presets": MONEY,
  "imports.savePreset": MONEY,
  "imports.history": MONEY,
  "imports.get": MONEY,
  "imports.startConfirm": MONEY,
  "imports.confirmStatus": MONEY,

  // Statements of account and situation statements: anyone in scope drafts and previews, records roles issue.
  "statements.accountStatement": EVERYONE,
  "statements.draftClientSituation": EVERYONE,
  "statements.draftSummarySituation": EVERYONE,
  "statements.previewSituation": EVERYONE,
  "statements.issueStatement": RECORDS,
  "statements.issueSituation": RECORDS,
};

/** Whether `role` may call the procedure at `path`; false for unknown paths. */
export function canCall(role: Role | null | undefined, path: string): boolean {
  if (!role) return false;
  const allowed = Object.hasOwn(PROCEDURE_ROLES, path) ? PROCEDURE_ROLES[path] : undefined;
  return allowed?.includes(role) ?? false;
}

/**
 * Whether `role` sees contract costs (媒体采购成本, 制作成本), which give away
 * the agency's margin. Other roles get null in their place and cannot set them.
 */
export function canSeeCosts(role: Role | null | undefined): boolean {
  return role === "admin" || role === "finance";
}

/**
 * The clients a user works with: every client (accountManagerId null), or
 * only those whose account_manager_id is the given staff member.
 */
export interface ClientScope {
  accountManagerId: number | null;
}

export const ALL_CLIENTS: ClientScope = { accountManagerId: null };

/**
 * The client scope of a user: account managers see the clients of the staff
 * member their account is linked to, every other role sees all clients.
 */
export function clientScope(user: { role: Role; staffId: number | null }): ClientScope {
  if (user.role !== "account_manager") return ALL_CLIENTS;
  if (user.staffId === null) {
    // The base procedure rejects such users first; this keeps the rule safe alone.
    throw new Error("An account manager without a linked staff member has no client scope");
  }
  return { accountManagerId: user.staffId };
}

/**
 * Narrows a filter to a scope: inside a manager's scope the filter's
 * accountManagerId becomes that manager's, whatever was asked.
 */
export function withinScope<T extends { accountManagerId?: number | null }>(filter: T, scope: ClientScope): T {
  if (scope.accountManagerId === null) return filter;
  return { ...filter, accountManagerId: scope.accountManagerId };
}
