import { describe, expect, it } from "vitest";

import { toCapitalAmount } from "../../documents/capital";

/** Fen of a yuan amount written with two decimals, e.g. "1409.50". */
function fen(yuan: string): number {
  const [whole, fraction] = yuan.split(".");
  return Number(whole) * 100 + Number(fraction ?? "0");
}

describe("toCapitalAmount", () => {
  it.each([
    // Examples from the banks' rules.
    ["123456.00", "人民币壹拾贰万叁仟肆佰伍拾陆元整"],
    ["1409.50", "人民币壹仟肆佰零玖元伍角整"],
    ["6007.14", "人民币陆仟零柒元壹角肆分"],
    ["16409.02", "人民币壹万陆仟肆佰零玖元零贰分"],
    ["325.04", "人民币叁佰贰拾伍元零肆分"],
    ["1680.32", "人民币壹仟陆佰捌拾元零叁角贰分"],
    ["107000.53", "人民币壹拾万零柒仟元零伍角叁分"],
    ["10.00", "人民币壹拾元整"],
  ])("converts bank example ¥%s", (yuan, expected) => {
    expect(toCapitalAmount(fen(yuan))).toBe(expected);
  });

  it.each([
    ["0.00", "人民币零元整"],
    ["1.00", "人民币壹元整"],
    ["20.00", "人民币贰拾元整"],
    ["11.11", "人民币壹拾壹元壹角壹分"],
    ["19.00", "人民币壹拾玖元整"],
    ["110.00", "人民币壹佰壹拾元整"],
    ["1010.00", "人民币壹仟零壹拾元整"],
    ["1001.00", "人民币壹仟零壹元整"],
    ["1000.01", "人民币壹仟元零壹分"],
    ["1000.10", "人民币壹仟元零壹角整"],
    ["100.50", "人民币壹佰元零伍角整"],
  ])("writes zeros and tens for ¥%s", (yuan, expected) => {
    expect(toCapitalAmount(fen(yuan))).toBe(expected);
  });

  it.each([
    ["10000.00", "人民币壹万元整"],
    ["10010.00", "人民币壹万零壹拾元整"],
    ["100000.00", "人民币壹拾万元整"],
    ["100500.00", "人民币壹拾万零伍佰元整"],
    ["1000000.00", "人民币壹佰万元整"],
    ["100000000.00", "人民币壹亿元整"],
    ["100001000.00", "人民币壹亿零壹仟元整"],
    ["100010000.00", "人民币壹亿零壹万元整"],
    ["105000000.00", "人民币壹亿零伍佰万元整"],
    ["120000034.00", "人民币壹亿贰仟万零叁拾肆元整"],
    ["1000000000.00", "人民币壹拾亿元整"],
    ["10000000000.00", "人民币壹佰亿元整"],
    ["100000000000.00", "人民币壹仟亿元整"],
    [
      "999999999999.99",
      "人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
    ],
  ])("handles 万 and 亿 for ¥%s", (yuan, expected) => {
    expect(toCapitalAmount(fen(yuan))).toBe(expected);
  });

  it.each([
    ["0.05", "人民币伍分"],
    ["0.01", "人民币壹分"],
    ["0.50", "人民币伍角整"],
    ["0.10", "人民币壹角整"],
    ["0.55", "人民币伍角伍分"],
  ])("omits 零元 below one yuan: ¥%s", (yuan, expected) => {
    expect(toCapitalAmount(fen(yuan))).toBe(expected);
  });

  it("rejects a negative amount", () => {
    expect(() => toCapitalAmount(-1)).toThrow(RangeError);
  });

  it("rejects a fractional fen amount", () => {
    expect(() => toCapitalAmount(100.5)).toThrow(TypeError);
  });

  it("rejects NaN", () => {
    expect(() => toCapitalAmount(Number.NaN)).toThrow(TypeError);
  });

  it("rejects an amount beyond safe integers", () => {
    expect(() => toCapitalAmount(Number.MAX_SAFE_INTEGER + 1)).toThrow(TypeError);
  });

  it("rejects one trillion yuan", () => {
    expect(() => toCapitalAmount(fen("1000000000000.00"))).toThrow(RangeError);
  });
});
