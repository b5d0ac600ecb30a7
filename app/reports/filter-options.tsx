import { FILTER_INPUT } from "../components/filter-form";

interface Option {
  id: number;
  name: string;
  active: number;
}

/**
 * Renders a select of staff or business types for a report filter, with an "all"
 * entry first. Inactive entries stay listed, marked, because old records
 * still refer to them.
 */
export function OptionSelect({
  name,
  options,
  value,
  allLabel,
}: {
  name: string;
  options: readonly Option[];
  value: string | undefined;
  allLabel: string;
}) {
  return (
    <select name={name} defaultValue={value ?? ""} className={FILTER_INPUT}>
      <option value="">{allLabel}</option>
      {options.map((option) => (
        <option key={option.id} value={option.id}>
          {option.active ? option.name : `${option.name}（已停用）`}
        </option>
      ))}
    </select>
  );
}

/** Looks up the name of the option whose id is `value`, for the printed header. */
export function optionName(options: readonly Option[], value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return options.find((option) => String(option.id) === value)?.name;
}
