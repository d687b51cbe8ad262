import { NativeSelect, NumberInput, SimpleGrid, Stack, Switch, TextInput } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { COMPANY_STATUSES } from "../../../../api/types";
import { TimeZoneSelect } from "../../../../components/TimeZoneSelect";
import { COMPANY_STATUS_LABELS } from "../CompanyStatusBadge";
import type { CompanyPlanField } from "./companyPlan";

interface CompanyPlanFieldsProps {
  /** The form's getInputProps, so the create and edit forms can share these inputs. */
  inputProps: (path: CompanyPlanField, options?: { type: "checkbox" }) => GetInputPropsReturnType;
  timeZone: string;
  onTimeZoneChange: (zone: string) => void;
  /** Shown under Licences, e.g. how many the company uses now. */
  licencesDescription?: string;
  endpointSubscriptionsDescription?: string;
}

const STATUS_OPTIONS = COMPANY_STATUSES.map((status) => ({
  value: status,
  label: COMPANY_STATUS_LABELS[status],
}));

export function CompanyPlanFields({
  inputProps,
  timeZone,
  onTimeZoneChange,
  licencesDescription,
  endpointSubscriptionsDescription,
}: CompanyPlanFieldsProps) {
  const timeZoneProps = inputProps("timeZone");
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <NativeSelect
          label="Status"
          description="Suspended stops the company's service."
          data={STATUS_OPTIONS}
          {...inputProps("status")}
        />
        <NumberInput
          label="Licences (EULs)"
          description={licencesDescription ?? "One per member and per team room."}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          required
          withAsterisk={false}
          {...inputProps("licences")}
        />
        <NumberInput
          label="Endpoint subscriptions"
          description={endpointSubscriptionsDescription ?? "One per video system."}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          required
          withAsterisk={false}
          {...inputProps("endpointSubscriptions")}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="VMR suffix"
          description="Added to a member's name for their personal room: ann.smith.vmr@…"
          autoCapitalize="none"
          spellCheck={false}
          required
          withAsterisk={false}
          {...inputProps("vmrSuffix")}
        />
        <TimeZoneSelect
          value={timeZone}
          onChange={onTimeZoneChange}
          error={timeZoneProps.error}
          description="Used for the company's usage reports."
        />
      </SimpleGrid>
      <Switch
        label="Set host PIN on all personal VMRs"
        description="Gives every personal room without a host PIN a random 4-digit PIN, now and for new members. Members can change or remove theirs."
        {...inputProps("hostPinOnAllPersonalRooms", { type: "checkbox" })}
      />
    </Stack>
  );
}
