import type { SearchParams } from "../lib/params";

/**
 * The import settings carried in the page's query string and hidden form
 * fields: upload id, entity, preset, date order and one `map.<field>` entry
 * per mapped field. The procedures validate them.
 */

export interface ImportSettings {
  uploadId: string;
  entity: "contracts" | "payments" | "clients" | "costs";
  mapping: Record<string, string>;
  dateOrder: "ymd" | "mdy";
  defaultBusinessType: string;
  preset: string | null;
}

const MAP_PREFIX = "map.";

/** Reads the settings from flat values (query parameters or form fields). */
export function importSettings(values: Record<string, string | undefined>): ImportSettings {
  const mapping: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith(MAP_PREFIX) && value) mapping[key.slice(MAP_PREFIX.length)] = value;
  }
  return {
    uploadId: values.upload ?? "",
    entity: (values.entity ?? "") as ImportSettings["entity"],
    mapping,
    dateOrder: (values.dateOrder || "ymd") as ImportSettings["dateOrder"],
    defaultBusinessType: values.defaultBusinessType ?? "",
    preset: values.preset || null,
  };
}

/** First value of every query parameter. */
export function flatParams(params: SearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, raw] of Object.entries(params)) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined) values[key] = value;
  }
  return values;
}

/** Hidden form fields that carry the settings to an action. */
export function settingsFields(settings: ImportSettings): [string, string][] {
  const fields: [string, string][] = [
    ["upload", settings.uploadId],
    ["entity", settings.entity],
    ["dateOrder", settings.dateOrder],
    ["defaultBusinessType", settings.defaultBusinessType],
    ["preset", settings.preset ?? ""],
  ];
  for (const [field, header] of Object.entries(settings.mapping)) fields.push([`${MAP_PREFIX}${field}`, header]);
  return fields;
}
