import { describe, expect, it } from "vitest";

import { spreadsheetText } from "../../server/domain/spreadsheet";

describe("spreadsheetText", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"],
    ["+86 21 1234", "'+86 21 1234"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", "'\t=1+1"],
  ])("neutralises %j", (input, expected) => {
    expect(spreadsheetText(input)).toBe(expected);
  });

  it.each(["上海星河广告", "HT-2026-0001", "a=b", ""])("keeps %j", (input) => {
    expect(spreadsheetText(input)).toBe(input);
  });
});
