import { Anchor, Table } from "@mantine/core";
import { Link } from "react-router";
import type { Partner } from "../../../api/types";
import { formatDateTime } from "../../../lib/formatDate";

export function PartnersTable({ partners }: { partners: Partner[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table highlightOnHover verticalSpacing="sm">
        <caption className="visually-hidden">Partners</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th ta="right">Companies</Table.Th>
            <Table.Th ta="right">Admins</Table.Th>
            <Table.Th>Added</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partners.map((partner) => (
            <Table.Tr key={partner.id} className="linked-row">
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/operator/partners/${partner.id}`}
                  className="row-link"
                  fw={500}
                >
                  {partner.name}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{partner.companyCount}</Table.Td>
              <Table.Td ta="right">{partner.adminCount}</Table.Td>
              <Table.Td>{formatDateTime(partner.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
