import { Anchor, Table } from "@mantine/core";
import { Link } from "react-router";
import type { CompanySummary } from "../../../api/types";
import { UsageText } from "../../../components/UsageText";
import { CompanyStatusBadge } from "./CompanyStatusBadge";

interface CompaniesTableProps {
  companies: CompanySummary[];
  /** Where a row leads: the partner portal's or the operator's page for that company. */
  companyPath: (company: CompanySummary) => string;
  /** The operator's list of all companies names each company's partner. */
  showPartner?: boolean;
  caption: string;
}

export function CompaniesTable({
  companies,
  companyPath,
  showPartner = false,
  caption,
}: CompaniesTableProps) {
  return (
    <Table.ScrollContainer minWidth={showPartner ? 920 : 780}>
      <Table highlightOnHover verticalSpacing="sm">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            {showPartner && <Table.Th>Partner</Table.Th>}
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Licences</Table.Th>
            <Table.Th ta="right">Endpoint subscriptions</Table.Th>
            <Table.Th ta="right">Members</Table.Th>
            <Table.Th ta="right">Team rooms</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {companies.map((company) => (
            <Table.Tr key={company.id} className="linked-row">
              <Table.Td>
                <Anchor component={Link} to={companyPath(company)} className="row-link" fw={500}>
                  {company.name}
                </Anchor>
              </Table.Td>
              {showPartner && <Table.Td>{company.partner.name}</Table.Td>}
              <Table.Td>
                <CompanyStatusBadge status={company.status} />
              </Table.Td>
              <Table.Td ta="right">
                <UsageText usage={company.licences} />
              </Table.Td>
              <Table.Td ta="right">
                <UsageText usage={company.endpointSubscriptions} />
              </Table.Td>
              <Table.Td ta="right">{company.memberCount}</Table.Td>
              <Table.Td ta="right">{company.teamRoomCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
