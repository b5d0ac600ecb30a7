import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { Pager } from "../../app/components/pager";

/** Returns the decoded hrefs of the links a Pager renders. */
function links(markup: string): string[] {
  return [...markup.matchAll(/href="([^"]+)"/g)].map((match) => decodeURIComponent(match[1]!.replaceAll("&amp;", "&")));
}

describe("Pager", () => {
  it("keeps the other parameters", () => {
    const markup = renderToStaticMarkup(
      <Pager path="/reminders" params={{ accountManagerId: "3", upcomingPage: "2", page: "2" }} total={250} page={2} />,
    );

    expect(links(markup)).toEqual([
      "/reminders?accountManagerId=3&upcomingPage=2&page=1",
      "/reminders?accountManagerId=3&upcomingPage=2&page=3",
    ]);
    expect(markup).toContain("第 2 / 3 页（共 250 条，本页第 101–200 条）");
  });

  it("keeps the first value of a repeated parameter", () => {
    const markup = renderToStaticMarkup(
      <Pager path="/reminders" params={{ accountManagerId: ["1", "3"] }} name="upcomingPage" total={150} page={1} />,
    );

    expect(links(markup)).toEqual(["/reminders?accountManagerId=1&upcomingPage=2"]);
  });

  it("renders nothing for one page", () => {
    expect(renderToStaticMarkup(<Pager path="/reminders" params={{}} total={100} page={1} />)).toBe("");
  });
});
