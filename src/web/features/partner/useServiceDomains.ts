import { useSignedInMe } from "../auth/queries";

/** The service's domains (first = primary), for showing what a company's addresses will look like. */
export function useServiceDomains(): string[] {
  return useSignedInMe().service.domains;
}
