import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { UsagePeriod } from "../../../../domain/usage-period";
import { SortableHeader } from "../../members/components/SortableHeader";
import type { CompanyUsageItem } from "../api";
import { formatCount, formatMinutes } from "../format";

interface CompaniesUsageTableProps {
  items: CompanyUsageItem[];
  caption: string;
  period: UsagePeriod;
  /** Operators see every partner's companies: show whose they are. */
  withPartner: boolean;
  sort: string;
  onSort: (sort: string) => void;
}

/** Usage per customer company; each name opens that company's own usage page for the same days. */
export function CompaniesUsageTable({
  items,
  caption,
  period,
  withPartner,
  sort,
  onSort,
}: CompaniesUsageTableProps) {
  const header = { sort, onSort };
  const days = new URLSearchParams(period as unknown as Record<string, string>).toString();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" highlightOnHover>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <SortableHeader label="Company" field="name" {...header} />
            {withPartner && <Table.Th>Partner</Table.Th>}
            <SortableHeader label="Calls" field="calls" {...header} />
            <SortableHeader label="Call minutes" field="minutes" {...header} />
            <SortableHeader label="Room minutes" field="roomMinutes" {...header} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.companyId}>
              <Table.Td style={{ overflowWrap: "anywhere" }}>
                <Anchor component={Link} to={`/companies/${item.companyId}/usage?${days}`} fw={500} size="sm">
                  {item.companyName}
                </Anchor>
              </Table.Td>
              {withPartner && (
                <Table.Td>
                  <Text size="sm">{item.partnerName}</Text>
                </Table.Td>
              )}
              <Table.Td>{formatCount(item.calls)}</Table.Td>
              <Table.Td>{formatMinutes(item.callMinutes)}</Table.Td>
              <Table.Td>{formatMinutes(item.roomMinutes)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
