import type { ReactNode } from "react";

const INPUT =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 aria-[invalid=true]:border-red-500";

export function Field({
  label,
  name,
  error,
  hint,
  required,
  children,
}: {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
        {required ? <span className="ml-0.5 text-red-600">*</span> : null}
      </label>
      {children}
      {error ? (
        <p id={`${name}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p className="mt-1 text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
}

export function TextInput({
  name,
  defaultValue,
  error,
  type = "text",
  ...rest
}: {
  name: string;
  defaultValue?: string;
  error?: string;
  type?: "text" | "date" | "tel" | "number" | "search" | "email" | "password";
  placeholder?: string;
  autoComplete?: string;
  required?: boolean;
  inputMode?: "decimal" | "numeric" | "text" | "tel";
  maxLength?: number;
}) {
  return (
    <input
      id={name}
      name={name}
      type={type}
      defaultValue={defaultValue}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${name}-error` : undefined}
      className={INPUT}
      {...rest}
    />
  );
}

export function TextArea({ name, defaultValue, error }: { name: string; defaultValue?: string; error?: string }) {
  return (
    <textarea
      id={name}
      name={name}
      rows={3}
      defaultValue={defaultValue}
      aria-invalid={error ? true : undefined}
      className={INPUT}
    />
  );
}

export function Select({
  name,
  defaultValue,
  error,
  options,
  placeholder,
}: {
  name: string;
  defaultValue?: string;
  error?: string;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
}) {
  return (
    <select
      id={name}
      name={name}
      defaultValue={defaultValue}
      aria-invalid={error ? true : undefined}
      className={INPUT}
    >
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

export function SubmitButton({ children, pending }: { children: ReactNode; pending?: boolean }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
    >
      {pending ? "提交中…" : children}
    </button>
  );
}
