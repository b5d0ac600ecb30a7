import type { Metadata } from "next";

import { formatChineseDate } from "../../../../server/domain/dates";
import { CALENDAR_DAY_KIND_LABELS, isCalendarDayKind, weekday } from "../../../../server/notifications/calendar";
import { Alert, ButtonLink, Card, EmptyState, PageHeader, Table, Td, Th } from "../../../components/ui";
import { FILTER_INPUT, FilterField, FilterForm } from "../../../components/filter-form";
import { requireAccess } from "../../../lib/auth";
import { load } from "../../../lib/errors";
import { lookup, param, type SearchParams } from "../../../lib/params";
import { serverCaller } from "../../../../server/context";
import { HolidayForm, RemoveHolidayButton } from "../forms";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "节假日与调休" };

const NOTICES: Record<string, string> = {
  saved: "日期已保存，每日提醒按新的日历判断是否发送。",
  removed: "日期已删除，这一天按普通的周一至周五上班、周末休息处理。",
};

const WEEKDAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

export default async function HolidaysPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const notice = lookup(NOTICES, param(params, "notice"));
  await requireAccess("notifications.holidays", "notifications.saveHoliday");
  const caller = await serverCaller();
  const clock = await caller.settings.clock();
  const yearText = param(params, "year");
  const year = requestedYear(yearText, clock.today);
  // A year that is not a number goes to the procedure as typed, so its message shows it.
  const calendar = await load(() => caller.notifications.holidays({ year: year as number }));

  return (
    <>
      <PageHeader
        title="节假日与调休"
        subtitle="勾选“周末和法定节假日不发送”时，每日提醒在放假日停发，在调休上班的周末照常发送"
        actions={<ButtonLink href="/settings#reminders">提醒规则</ButtonLink>}
      />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <FilterForm>
        <FilterField label="年份">
          <input name="year" defaultValue={yearText ?? String(year)} inputMode="numeric" className={`${FILTER_INPUT} w-24`} />
        </FilterField>
      </FilterForm>
      {!calendar.ok ? (
        <Alert>{calendar.message}</Alert>
      ) : (
        <>
          {calendar.data.years.length > 0 ? (
            <p className="no-print mb-3 text-sm text-slate-600">
              已有日历的年份：
              {calendar.data.years.map((item) => (
                <a key={item} href={`?year=${item}`} className="ml-2 text-brand-700 hover:underline">
                  {item}
                </a>
              ))}
            </p>
          ) : null}
          <Card title="添加或修改日期" className="no-print">
            <HolidayForm values={{ date: "", kind: "holiday", name: "" }} />
          </Card>
          <Card title={`${calendar.data.year} 年的放假与调休上班日`}>
            {calendar.data.days.length === 0 ? (
              <EmptyState title={`${calendar.data.year} 年还没有节假日安排`}>
                国务院办公厅每年年底公布下一年的放假安排，公布后请在上方逐日添加放假日和调休上班日。
              </EmptyState>
            ) : (
              <Table>
                <thead>
                  <tr>
                    <Th>日期</Th>
                    <Th>星期</Th>
                    <Th>类型</Th>
                    <Th>名称</Th>
                    <Th />
                  </tr>
                </thead>
                <tbody>
                  {calendar.data.days.map((day) => (
                    <tr key={day.date}>
                      <Td className="tabular-nums">
                        {formatChineseDate(day.date)}
                        <span className="ml-2 text-xs text-slate-400">{day.date}</span>
                      </Td>
                      <Td>{WEEKDAYS[weekday(day.date)]}</Td>
                      <Td>
                        {day.kind === "workday" ? (
                          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">调休上班</span>
                        ) : (
                          <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-800">
                            {isCalendarDayKind(day.kind) ? CALENDAR_DAY_KIND_LABELS[day.kind] : day.kind}
                          </span>
                        )}
                      </Td>
                      <Td>{day.name}</Td>
                      <Td className="no-print text-right">
                        <RemoveHolidayButton date={day.date} />
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
        </>
      )}
    </>
  );
}

/** Reads the year from the URL: this year when absent, or the text as typed when it is not a year. */
function requestedYear(text: string | undefined, today: string): number | string {
  if (text === undefined || text === "") return Number(today.slice(0, 4));
  return /^\d{1,4}$/.test(text) ? Number(text) : text;
}
