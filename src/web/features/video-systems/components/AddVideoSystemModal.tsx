import { Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { videoAddressProblems } from "../../../../domain/video-address";
import type { Company, CreateVideoSystemInput, EndpointSubscriptions } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { applyServerErrors, focusFirstInvalidField } from "../../../lib/formErrors";
import { fetchMembers } from "../../members/api";
import { AddressField } from "../../members/components/AddressField";
import { useCreateVideoSystem } from "../queries";

interface Values {
  name: string;
  videoAddress: string;
  domain: string;
  serialNumber: string;
  twinnedMemberId: string | null;
  useMemberAddress: boolean;
}

interface AddVideoSystemModalProps {
  company: Company;
  subscriptions: EndpointSubscriptions | null;
  opened: boolean;
  onClose: () => void;
}

/** The company's members to twin a system to (first 200 by name, filtered as typed). */
function useMemberChoices(companyId: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ["company", companyId, "members", "choices", q],
    queryFn: ({ signal }) =>
      fetchMembers(companyId, { q, status: "", sort: "", page: 1, pageSize: 200 }, signal),
    enabled,
  });
}

/** "Add video system": name, address, optional serial number, optionally twinned to a member. */
export function AddVideoSystemModal({ company, subscriptions, opened, onClose }: AddVideoSystemModalProps) {
  const create = useCreateVideoSystem(company.id);
  const [formError, setFormError] = useState<string | null>(null);
  const [memberSearch, setMemberSearch] = useState("");
  const members = useMemberChoices(company.id, memberSearch, opened);
  const initial: Values = {
    name: "",
    videoAddress: "",
    domain: company.videoDomains[0] ?? "",
    serialNumber: "",
    twinnedMemberId: null,
    useMemberAddress: false,
  };
  const form = useForm<Values>({
    initialValues: initial,
    validate: {
      name: (value) => (value.trim() ? null : "Enter a name."),
      videoAddress: (value, values) =>
        values.useMemberAddress
          ? null
          : (videoAddressProblems(`${value}@${values.domain}`, {
              domains: company.videoDomains,
              hostedDomains: company.hostedDomains,
            })[0]?.message ?? null),
    },
  });
  const values = form.getValues();
  const full = subscriptions !== null && subscriptions.remaining <= 0;
  const memberOptions = (members.data?.items ?? []).map((m) => ({
    value: m.id,
    label: `${m.fullName} (${m.videoAddress})`,
  }));
  const chosen = members.data?.items.find((m) => m.id === values.twinnedMemberId);

  const close = () => {
    form.setValues(initial);
    form.clearErrors();
    setFormError(null);
    create.reset();
    onClose();
  };

  const submit = form.onSubmit((submitted) => {
    setFormError(null);
    const input: CreateVideoSystemInput = {
      name: submitted.name.trim(),
      serialNumber: submitted.serialNumber.trim() || null,
      twinnedMemberId: submitted.twinnedMemberId,
      useMemberAddress: submitted.twinnedMemberId !== null && submitted.useMemberAddress,
    };
    if (!input.useMemberAddress) input.videoAddress = `${submitted.videoAddress}@${submitted.domain}`;
    create.mutate(input, {
      onSuccess: (system) => {
        notifications.show({
          color: "green",
          title: "Video system added",
          message: `${system.name} (${system.videoAddress})`,
        });
        close();
      },
      onError: (error) => setFormError(applyServerErrors(form, error)),
    });
  }, focusFirstInvalidField);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Add video system"
      closeButtonProps={{ "aria-label": "Close" }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {subscriptions && (
            <Text size="sm" c={full ? "red.7" : "dimmed"}>
              Endpoint subscriptions: {subscriptions.used} of {subscriptions.total} used (
              {subscriptions.remaining} left)
              {full && ". Raise the company's endpoint subscriptions first."}
            </Text>
          )}
          <ErrorAlert title="The video system was not added" message={formError} />
          <TextInput
            label="Name"
            description="Shown in conferences and in the directory."
            required
            withAsterisk={false}
            {...form.getInputProps("name")}
          />
          <Select
            label="Twinned to member (optional)"
            placeholder="Shared (no member)"
            data={memberOptions}
            searchable
            clearable
            onSearchChange={setMemberSearch}
            nothingFoundMessage="No member matches"
            value={values.twinnedMemberId}
            onChange={(id) => {
              form.setFieldValue("twinnedMemberId", id);
              if (!id) form.setFieldValue("useMemberAddress", false);
            }}
          />
          {values.twinnedMemberId && (
            <Checkbox
              label={`Use the member's address${chosen?.videoAddress ? ` (${chosen.videoAddress})` : ""}`}
              checked={values.useMemberAddress}
              onChange={(event) => {
                form.setFieldValue("useMemberAddress", event.currentTarget.checked);
                form.clearFieldError("videoAddress");
              }}
            />
          )}
          {!values.useMemberAddress && (
            <AddressField
              label="Video address"
              name="videoAddress"
              value={values.videoAddress}
              onChange={(local) => form.setFieldValue("videoAddress", local)}
              error={form.errors.videoAddress}
              domain={values.domain}
              domains={company.videoDomains}
              onDomainChange={(domain) => form.setFieldValue("domain", domain)}
            />
          )}
          <TextInput
            label="Serial number (optional)"
            autoComplete="off"
            {...form.getInputProps("serialNumber")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={full}>
              Add video system
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
