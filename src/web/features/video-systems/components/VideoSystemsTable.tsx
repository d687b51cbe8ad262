import { Anchor, Badge, Checkbox, Table } from "@mantine/core";
import { Link } from "react-router";
import type { VideoSystem } from "../../../api/types";
import { STATUS_COLOURS, statusText } from "../status";

interface VideoSystemsTableProps {
  systems: VideoSystem[];
  /** Each row's page; without it the name is plain text. */
  systemPath?: (system: VideoSystem) => string;
  /** Shows the "Twinned to" column (the partner's list shows shared and twinned systems). */
  showTwin?: boolean;
  /** Tick boxes (the partner's delete); omitted on the admins' tab. */
  selected?: ReadonlySet<string>;
  onSelectedChange?: (ids: Set<string>) => void;
}

const wrap = { overflowWrap: "anywhere" } as const;

export function VideoSystemStatusBadge({ system }: { system: VideoSystem }) {
  return (
    <Badge variant="light" color={STATUS_COLOURS[system.status]} tt="none">
      {statusText(system)}
    </Badge>
  );
}

/** Video systems with their address, serial number and status; one link per row when it has a page. */
export function VideoSystemsTable({
  systems,
  systemPath,
  showTwin = false,
  selected,
  onSelectedChange,
}: VideoSystemsTableProps) {
  const selectable = selected !== undefined && onSelectedChange !== undefined;
  const allTicked = selectable && systems.length > 0 && systems.every((s) => selected.has(s.id));
  const toggle = (id: string) => {
    if (!selectable) return;
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  };
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="sm">
        <caption className="visually-hidden">Video systems</caption>
        <Table.Thead>
          <Table.Tr>
            {selectable && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Select all video systems on this page"
                  checked={allTicked}
                  indeterminate={!allTicked && systems.some((s) => selected.has(s.id))}
                  onChange={() => onSelectedChange(allTicked ? new Set() : new Set(systems.map((s) => s.id)))}
                />
              </Table.Th>
            )}
            <Table.Th>Name</Table.Th>
            <Table.Th>Video address</Table.Th>
            <Table.Th>Serial number</Table.Th>
            {showTwin && <Table.Th>Twinned to</Table.Th>}
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {systems.map((system) => (
            <Table.Tr key={system.id} className={systemPath ? "linked-row" : undefined}>
              {selectable && (
                <Table.Td>
                  <Checkbox
                    aria-label={`Select ${system.name}`}
                    checked={selected.has(system.id)}
                    onChange={() => toggle(system.id)}
                    style={{ position: "relative", zIndex: 1 }}
                  />
                </Table.Td>
              )}
              <Table.Td fw={500}>
                {systemPath ? (
                  <Anchor component={Link} to={systemPath(system)} className="row-link" fw={500}>
                    {system.name}
                  </Anchor>
                ) : (
                  system.name
                )}
              </Table.Td>
              <Table.Td style={wrap}>{system.videoAddress}</Table.Td>
              <Table.Td style={wrap}>{system.serialNumber ?? "—"}</Table.Td>
              {showTwin && <Table.Td>{system.twinnedMember?.fullName ?? "Shared"}</Table.Td>}
              <Table.Td>
                <VideoSystemStatusBadge system={system} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
