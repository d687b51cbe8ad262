import { Select } from "@mantine/core";
import { type ReactNode, useMemo } from "react";
import { knownTimeZones } from "../lib/timeZones";

interface TimeZoneSelectProps {
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  label?: string;
  description?: string;
}

/**
 * A searchable list of every time zone the browser knows. The current value is always
 * included, even if this browser does not list it (e.g. an older alias).
 */
export function TimeZoneSelect({
  value,
  onChange,
  error,
  label = "Time zone",
  description,
}: TimeZoneSelectProps) {
  const zones = useMemo(() => {
    const known = knownTimeZones();
    return value && !known.includes(value) ? [value, ...known] : known;
  }, [value]);

  return (
    <Select
      label={label}
      description={description}
      data={zones}
      value={value}
      onChange={(zone) => {
        if (zone) onChange(zone);
      }}
      searchable
      allowDeselect={false}
      limit={100}
      nothingFoundMessage="No time zone matches"
      error={error}
      required
      withAsterisk={false}
    />
  );
}
