"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { serverCaller } from "../../server/context";
import { failedForm, type FormState, formValues, readId, readYuan } from "../lib/form-state";

/** Records an operating cost (登记成本) and returns to the list. */
export async function recordCostAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const errors: Record<string, string> = {};
  const categoryId = readId(values, "categoryId");
  if (categoryId === null) errors.categoryId = "请选择成本类别";
  const amount = readYuan(values, "amount", "金额", errors);
  if (Object.keys(errors).length > 0) {
    return { values, fieldErrors: errors, message: Object.values(errors).join("；") };
  }

  let costId: number;
  try {
    const caller = await serverCaller();
    ({ costId } = await caller.costs.record({
      paidOn: values.paidOn ?? "",
      categoryId: categoryId ?? NaN,
      amount,
      note: values.note ?? "",
    }));
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect(`/costs?notice=recorded&cost=${costId}`);
}

/** Voids an operating cost (作废) with a reason; the cost stays in the list marked voided. */
export async function voidCostAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const costId = readId(values, "costId");
  try {
    const caller = await serverCaller();
    await caller.costs.void({ costId: costId ?? NaN, reason: values.reason ?? "" });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect(`/costs?notice=voided&cost=${costId}`);
}

/** Adds a cost category (成本类别). */
export async function addCategoryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const caller = await serverCaller();
    await caller.costs.addCategory({ name: values.name ?? "" });
  } catch (error) {
    return failedForm(error, values);
  }

  revalidatePath("/", "layout");
  redirect("/costs?notice=category-added");
}
