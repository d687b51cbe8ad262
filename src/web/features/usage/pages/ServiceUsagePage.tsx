import { CompaniesUsage } from "../components/CompaniesUsage";

/** Service operations › Usage: every company's calls and minutes. */
export function ServiceUsagePage() {
  return (
    <CompaniesUsage
      title="Usage"
      description="Calls and minutes of every company, with their partners."
      partnerId={null}
    />
  );
}
