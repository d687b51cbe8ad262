import { Button, Group, Radio, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { Company, Member } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { SectionCard } from "../../../components/SectionCard";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { keepSaved } from "../../../lib/savedForm";
import { useUpdateMember } from "../queries";
import { useAddressAvailability } from "../useAddressAvailability";
import { AddressField } from "./AddressField";
import {
  addressParts,
  changedFields,
  type MemberFormValues,
  memberFormProblems,
  memberFormValues,
} from "./memberForm";
import { RoomPinFields } from "./RoomPinFields";

interface MemberFormProps {
  company: Company;
  member: Member;
}

/** The user page's editable sections; Save sends only what changed. */
export function MemberForm({ company, member }: MemberFormProps) {
  const update = useUpdateMember(company.id, member.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<MemberFormValues>({
    initialValues: memberFormValues(member),
    validate: (values) => memberFormProblems(values, member, company),
    validateInputOnChange: true,
  });
  const values = form.getValues();
  const initial = memberFormValues(member);
  const memberDomain = addressParts(member.videoAddress).domain;
  const room = member.personalRoom;
  const roomDomain = room ? addressParts(room.address).domain : "";

  const changedAddress = (local: string, before: string, domain: string, error: unknown) =>
    local !== before && !error && local ? `${local}@${domain}` : null;
  const memberAddress = useAddressAvailability(
    company.id,
    changedAddress(
      values.videoAddressLocalPart,
      initial.videoAddressLocalPart,
      memberDomain,
      form.errors.videoAddressLocalPart,
    ),
  );
  const roomAddress = useAddressAvailability(
    company.id,
    changedAddress(
      values.personalRoom.addressLocalPart,
      initial.personalRoom.addressLocalPart,
      roomDomain,
      form.errors["personalRoom.addressLocalPart"],
    ),
  );

  const submit = form.onSubmit((submitted) => {
    setFormError(null);
    const input = changedFields(submitted, member);
    if (Object.keys(input).length === 0) {
      notifications.show({
        color: "blue",
        title: "Nothing to save",
        message: "You have not changed anything.",
      });
      return;
    }
    update.mutate(input, {
      onSuccess: ({ member: saved, warnings }) => {
        const next = memberFormValues(saved);
        keepSaved(form, next);
        notifications.show({
          color: warnings.length > 0 ? "yellow" : "green",
          title: "Changes saved",
          message: warnings.length > 0 ? warnings.join(" ") : `${saved.fullName} was updated.`,
        });
      },
      onError: (error) => setFormError(applyServerErrors(form, error)),
    });
  }, focusFirstInvalidField);

  const field = (path: string) => form.getInputProps(path);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <ErrorAlert title="The changes were not saved" message={formError} />
        <SectionCard title="Profile">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Full name"
              description="Also their display name in meetings and the directory."
              autoComplete="off"
              required
              withAsterisk={false}
              {...field("fullName")}
            />
            <TextInput
              label="Email address"
              type="email"
              autoComplete="off"
              required
              withAsterisk={false}
              {...field("email")}
            />
          </SimpleGrid>
          <AddressField
            label="Video address"
            value={values.videoAddressLocalPart}
            onChange={(local) => form.setFieldValue("videoAddressLocalPart", local)}
            error={form.errors.videoAddressLocalPart ?? memberAddress.problem}
            domain={memberDomain}
            hint={memberAddress.checking ? "Checking…" : "Also their username for signing in"}
          />
        </SectionCard>
        {room ? (
          <SectionCard
            title="Meeting room"
            description="Their personal VMR. Host and guest PINs are optional."
          >
            <TextInput
              label="Room name"
              autoComplete="off"
              required
              withAsterisk={false}
              {...field("personalRoom.name")}
            />
            <AddressField
              label="Room video address"
              value={values.personalRoom.addressLocalPart}
              onChange={(local) => form.setFieldValue("personalRoom.addressLocalPart", local)}
              error={form.errors["personalRoom.addressLocalPart"] ?? roomAddress.problem}
              domain={roomDomain}
              hint={roomAddress.checking ? "Checking…" : null}
            />
            <RoomPinFields form={form} hostPath="personalRoom.hostPin" guestPath="personalRoom.guestPin" />
          </SectionCard>
        ) : (
          <SectionCard title="Meeting room">
            <Text c="dimmed">This member has no personal meeting room.</Text>
          </SectionCard>
        )}
        <SectionCard title="Access rights">
          <Radio.Group label="Account type" {...field("role")}>
            <Stack gap="xs" mt={6}>
              <Radio
                value="admin"
                label="Administrator"
                description="Manages members, rooms and video systems."
              />
              <Radio
                value="member"
                label="User"
                description="Uses the service; shown as Member in the list."
              />
            </Stack>
          </Radio.Group>
        </SectionCard>
        <Group>
          <Button type="submit" loading={update.isPending}>
            Save changes
          </Button>
          {form.isDirty() && (
            <Button variant="default" onClick={() => form.setValues(memberFormValues(member))}>
              Discard changes
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
