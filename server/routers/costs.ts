import { canSeeCosts, type Role } from "../permissions";

/**
 * Contract costs (媒体采购成本, 制作成本) only for roles that may see them
 * (canSeeCosts); other roles get null in their place.
 */
export function hideCosts<T extends { mediaCost: number; productionCost: number }>(
  contract: T,
  role: Role,
): Omit<T, "mediaCost" | "productionCost"> & { mediaCost: number | null; productionCost: number | null } {
  if (canSeeCosts(role)) return contract;
  return { ...contract, mediaCost: null, productionCost: null };
}

/**
 * Contract input with the costs a role may set: null, which keeps the stored
 * costs (0 on a new contract), for roles that may not see them.
 */
export function acceptCosts<T extends { mediaCost: number; productionCost: number }>(
  input: T,
  role: Role,
): Omit<T, "mediaCost" | "productionCost"> & { mediaCost: number | null; productionCost: number | null } {
  if (canSeeCosts(role)) return input;
  return { ...input, mediaCost: null, productionCost: null };
}
