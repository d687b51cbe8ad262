import { Badge } from "@mantine/core";
import type { CompanyStatus } from "../../../api/types";

export const COMPANY_STATUS_LABELS: Record<CompanyStatus, string> = {
  trial: "Trial",
  paid: "Paid",
  suspended: "Suspended",
};

const COLORS: Record<CompanyStatus, string> = { trial: "blue", paid: "green", suspended: "red" };

export function CompanyStatusBadge({ status }: { status: CompanyStatus }) {
  return (
    <Badge color={COLORS[status] ?? "gray"} variant="light">
      {COMPANY_STATUS_LABELS[status] ?? status}
    </Badge>
  );
}
