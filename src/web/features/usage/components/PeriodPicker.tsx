import { Group, Select, Text, TextInput } from "@mantine/core";
import { earliestFrom, recentMonths, USAGE_RETENTION_MONTHS } from "../../../../domain/usage-period";
import type { PeriodChoice, UsageView, UsageViewChanges } from "../useUsagePeriod";

const monthLabel = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" });

const RECENT = "recent";
const CUSTOM = "custom";

interface PeriodPickerProps {
  view: UsageView;
  today: string;
  onChange: (changes: UsageViewChanges) => void;
  /** Where the days are counted, e.g. "Days are in the company's time zone (Europe/Oslo)." */
  note?: string;
}

/**
 * The period of a usage page: the last three months (default), one of the 13 months kept, or a
 * custom range of at most 13 months. Plain date fields, so keyboards and screen readers get the
 * browser's own date input.
 */
export function PeriodPicker({ view, today, onChange, note }: PeriodPickerProps) {
  const options = [
    { value: RECENT, label: "Last 3 months" },
    ...recentMonths(today).map((month) => ({
      value: month,
      label: monthLabel.format(new Date(`${month}-01T00:00:00Z`)),
    })),
    { value: CUSTOM, label: "Custom range" },
  ];
  const selected =
    view.choice.kind === "month" ? view.choice.month : view.choice.kind === "custom" ? CUSTOM : RECENT;

  const choose = (value: string | null) => {
    if (!value || value === selected) return;
    const choice: PeriodChoice =
      value === RECENT
        ? { kind: "recent" }
        : value === CUSTOM
          ? { kind: "custom" }
          : { kind: "month", month: value };
    // A custom range starts from the period on screen.
    onChange(choice.kind === "custom" ? { choice, from: view.from, to: view.to } : { choice });
  };

  const custom = view.choice.kind === "custom";
  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <Select
        label="Period"
        data={options}
        value={selected}
        onChange={choose}
        allowDeselect={false}
        w={{ base: "100%", xs: 220 }}
        comboboxProps={{ withinPortal: true }}
      />
      {custom && (
        <>
          <TextInput
            type="date"
            label="From"
            value={view.from}
            min={view.to ? earliestFrom(view.to) : undefined}
            max={view.to || today}
            error={view.problem?.field === "from" ? view.problem.message : undefined}
            onChange={(event) => onChange({ from: event.currentTarget.value })}
          />
          <TextInput
            type="date"
            label="To"
            value={view.to}
            min={view.from || undefined}
            max={today}
            error={view.problem?.field === "to" ? view.problem.message : undefined}
            onChange={(event) => onChange({ to: event.currentTarget.value })}
          />
        </>
      )}
      <Text size="sm" c="dimmed" w="100%">
        {note ? `${note} ` : ""}Usage is kept for {USAGE_RETENTION_MONTHS} months.
      </Text>
    </Group>
  );
}
