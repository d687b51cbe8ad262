import { normaliseVmrSuffix, vmrSuffixProblem } from "../../../../../domain/service-settings";
import type { CompanyStatus, Usage } from "../../../../api/types";

/**
 * The commercial and room settings a company is created with and later edited: the same fields,
 * labels and rules in both forms.
 */
export interface CompanyPlanValues {
  status: CompanyStatus;
  /** NumberInput gives "" while the input is empty. */
  licences: number | string;
  endpointSubscriptions: number | string;
  vmrSuffix: string;
  hostPinOnAllPersonalRooms: boolean;
  timeZone: string;
}

export type CompanyPlanField = keyof CompanyPlanValues;

function wholeNumberProblem(value: number | string, minimum: number, tooFew: string): string | null {
  if (value === "" || !Number.isFinite(Number(value))) return "Enter a number.";
  if (!Number.isInteger(Number(value))) return "Enter a whole number.";
  return Number(value) < minimum ? tooFew : null;
}

/**
 * Validators for the plan fields. With `usage` (editing an existing company) the numbers cannot
 * drop below what the company already uses, in the server's spirit (it answers 409 otherwise).
 */
export function companyPlanValidators(usage?: { licences: Usage; endpointSubscriptions: Usage }) {
  const minLicences = Math.max(1, usage?.licences.used ?? 1);
  const minSubscriptions = usage?.endpointSubscriptions.used ?? 0;
  return {
    licences: (value: number | string) =>
      wholeNumberProblem(
        value,
        minLicences,
        usage && minLicences > 1
          ? `The company uses ${minLicences} licences: you cannot set fewer.`
          : "A company needs at least 1 licence: its first administrator uses one.",
      ),
    endpointSubscriptions: (value: number | string) =>
      wholeNumberProblem(
        value,
        minSubscriptions,
        minSubscriptions > 0
          ? `The company uses ${minSubscriptions} endpoint subscriptions: you cannot set fewer.`
          : "Enter 0 or more.",
      ),
    vmrSuffix: (value: string) => vmrSuffixProblem(normaliseVmrSuffix(value)),
    timeZone: (value: string) => (value ? null : "Choose a time zone."),
  };
}
