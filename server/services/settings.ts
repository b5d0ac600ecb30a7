import type { CompanyProfile } from "../../documents/types";
import type { Db } from "../../db";
import type { Clock } from "../clock";

export const COMPANY_PROFILE_KEY = "company_profile";

/** Placeholder profile until the company fills in its own on the settings page. */
export const EMPTY_COMPANY_PROFILE: CompanyProfile = {
  name: "",
  address: "",
  phone: "",
  bankName: "",
  bankAccountName: "",
  bankAccountNumber: "",
  signatory: "",
};

export async function getCompanyProfile(db: Db): Promise<CompanyProfile> {
  const row = await db
    .selectFrom("setting")
    .select("value")
    .where("key", "=", COMPANY_PROFILE_KEY)
    .executeTakeFirst();
  if (!row) return EMPTY_COMPANY_PROFILE;
  return { ...EMPTY_COMPANY_PROFILE, ...(JSON.parse(row.value) as Partial<CompanyProfile>) };
}

export async function saveCompanyProfile(db: Db, clock: Clock, profile: CompanyProfile) {
  const value = JSON.stringify(profile);
  const updatedAt = clock.nowIso();
  await db
    .insertInto("setting")
    .values({ key: COMPANY_PROFILE_KEY, value, updated_at: updatedAt })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: updatedAt }))
    .execute();
  return profile;
}

/** Whether the profile has what a letter cannot go out without. */
export function missingProfileFields(profile: CompanyProfile): string[] {
  const labels: [keyof CompanyProfile, string][] = [
    ["name", "公司名称"],
    ["bankName", "开户银行"],
    ["bankAccountNumber", "银行账号"],
  ];
  return labels.filter(([key]) => !profile[key].trim()).map(([, label]) => label);
}

/**
 * The business clock as the settings page shows it. `fixed` tells whether
 * HUIKUAN_TODAY pins today's date, as it does for demos.
 */
export function clockSettings(clock: Clock, env: NodeJS.ProcessEnv = process.env) {
  // NOTE: Clock does not expose whether its date is fixed, so this reads the
  // same variable clockFromEnv reads; a test clock with a fixed date shows
  // fixed: false unless HUIKUAN_TODAY is set too.
  return { timeZone: clock.timeZone, today: clock.today(), fixed: Boolean(env.HUIKUAN_TODAY) };
}
