import { describe, expect, it } from "vitest";

import { formatDocumentNumber, KIND_CHARACTERS } from "../../server/domain/document-number";
import { suggestLetterLevel } from "../../server/domain/letter-level";

describe("formatDocumentNumber", () => {
  it("pads the sequence to three digits", () => {
    expect(formatDocumentNumber("collection_demand", 2026, 12)).toBe("〔2026〕催字第012号");
  });

  it("writes sequence 1 as 001", () => {
    expect(formatDocumentNumber("payment_reminder", 2026, 1)).toBe("〔2026〕提字第001号");
  });

  it("keeps every digit above 999", () => {
    expect(formatDocumentNumber("final_notice", 2027, 1234)).toBe("〔2027〕告字第1234号");
  });

  it("uses one character per kind", () => {
    expect(KIND_CHARACTERS).toEqual({
      payment_reminder: "提",
      collection_demand: "催",
      final_notice: "告",
      statement: "账",
      situation_client: "说",
      situation_summary: "说",
    });
  });

  it("numbers statements with 账", () => {
    expect(formatDocumentNumber("statement", 2026, 999)).toBe("〔2026〕账字第999号");
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects sequence %s", (seq) => {
    expect(() => formatDocumentNumber("statement", 2026, seq)).toThrow(RangeError);
  });

  it.each([999, 10000, 2026.5])("rejects year %s", (year) => {
    expect(() => formatDocumentNumber("statement", year, 1)).toThrow(RangeError);
  });
});

describe("suggestLetterLevel", () => {
  const asOf = "2026-12-04";

  it("suggests a reminder for a first letter within 30 days", () => {
    expect(suggestLetterLevel({ daysOverdue: 30, asOf, earlierLetters: [] }).level).toBe("payment_reminder");
  });

  it("suggests a reminder for a first letter 1 day late", () => {
    expect(suggestLetterLevel({ daysOverdue: 1, asOf, earlierLetters: [] }).level).toBe("payment_reminder");
  });

  it("suggests a demand after 30 days", () => {
    expect(suggestLetterLevel({ daysOverdue: 31, asOf, earlierLetters: [] }).level).toBe("collection_demand");
  });

  it("suggests a demand after a reminder", () => {
    const earlierLetters = [{ kind: "payment_reminder" as const, asOf: "2026-12-01" }];

    expect(suggestLetterLevel({ daysOverdue: 5, asOf, earlierLetters }).level).toBe("collection_demand");
  });

  it("keeps a demand under 15 days old", () => {
    const earlierLetters = [{ kind: "collection_demand" as const, asOf: "2026-11-20" }];

    expect(suggestLetterLevel({ daysOverdue: 40, asOf, earlierLetters }).level).toBe("collection_demand");
  });

  it("escalates a demand 15 days old", () => {
    const earlierLetters = [{ kind: "collection_demand" as const, asOf: "2026-11-19" }];

    const suggestion = suggestLetterLevel({ daysOverdue: 40, asOf, earlierLetters });

    expect(suggestion.level).toBe("final_notice");
    expect(suggestion.reason).toContain("2026-11-19");
  });

  it("suggests a final notice after 90 days", () => {
    expect(suggestLetterLevel({ daysOverdue: 91, asOf, earlierLetters: [] }).level).toBe("final_notice");
  });

  it("keeps 90 days at a demand", () => {
    expect(suggestLetterLevel({ daysOverdue: 90, asOf, earlierLetters: [] }).level).toBe("collection_demand");
  });

  it("repeats a final notice", () => {
    const earlierLetters = [{ kind: "final_notice" as const, asOf: "2026-12-01" }];

    expect(suggestLetterLevel({ daysOverdue: 10, asOf, earlierLetters }).level).toBe("final_notice");
  });

  it("ignores letters dated after the as-of date", () => {
    const earlierLetters = [{ kind: "collection_demand" as const, asOf: "2026-12-10" }];

    expect(suggestLetterLevel({ daysOverdue: 10, asOf, earlierLetters }).level).toBe("payment_reminder");
  });
});
