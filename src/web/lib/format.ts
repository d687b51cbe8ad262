import type { Usage } from "../api/types";

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "3 / 10" in tables; the accessible form is usageLabel. */
export function formatUsage(usage: Usage): string {
  return `${usage.used} / ${usage.total}`;
}

/** "3 of 10 used", for screen readers and summaries. */
export function usageLabel(usage: Usage): string {
  return `${usage.used} of ${usage.total} used`;
}
