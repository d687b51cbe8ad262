import { Alert, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { SectionCard } from "../../../components/SectionCard";
import { formatDateTime } from "../../../lib/formatDate";
import type { TotpEnrolment } from "../api";
import { useConfirmEnrolment, useStartEnrolment, useTwoFactorStatus } from "../queries";
import { RecoveryCodesPanel } from "./RecoveryCodesPanel";
import { TotpEnrolmentForm } from "./TotpEnrolmentForm";
import { DisableTwoFactorModal, RegenerateCodesModal } from "./TwoFactorModals";

/**
 * The Account page's "Two-factor sign-in" section: turn it on (QR code, setup key, first code,
 * then the recovery codes once), make new recovery codes, or turn it off.
 */
export function TwoFactorSection() {
  const status = useTwoFactorStatus();
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [modal, setModal] = useState<"disable" | "regenerate" | null>(null);

  const begin = () =>
    start.mutate(undefined, {
      onSuccess: setEnrolment,
    });
  const finishEnrolment = (code: string, onError: (error: unknown) => void) =>
    confirm.mutate(
      { code },
      {
        onSuccess: (result) => {
          setEnrolment(null);
          setCodes(result.recoveryCodes);
        },
        onError,
      },
    );

  return (
    <SectionCard
      title="Two-factor sign-in"
      description="Ask for a code from an authenticator app on your phone as well as your password."
    >
      {status.isPending && <PageLoader label="Loading your two-factor sign-in" />}
      {status.error && (
        <ErrorAlert title="Could not load your two-factor sign-in" message={status.error.message} />
      )}
      {codes ? (
        <RecoveryCodesPanel codes={codes} doneLabel="Done" onDone={() => setCodes(null)} />
      ) : enrolment ? (
        <TotpEnrolmentForm
          enrolment={enrolment}
          onConfirm={finishEnrolment}
          pending={confirm.isPending}
          onCancel={() => setEnrolment(null)}
        />
      ) : (
        status.data && (
          <Stack gap="md">
            <Group gap="sm">
              <Text fw={500}>Status</Text>
              <Badge color={status.data.enabled ? "green" : "gray"} variant="light">
                {status.data.enabled ? "On" : "Off"}
              </Badge>
            </Group>
            {status.data.enabled ? (
              <Text size="sm">
                On since {formatDateTime(status.data.enabledAt)}. {status.data.recoveryCodesLeft} of 10
                recovery codes left.
              </Text>
            ) : (
              <Text size="sm">Two-factor sign-in is off: your password alone signs you in.</Text>
            )}
            {status.data.required && (
              <Alert color="blue" variant="light">
                This service requires two-factor sign-in for operators and partner admins
                {status.data.enabled ? ", so it cannot be turned off." : ". Turn it on now."}
              </Alert>
            )}
            <ErrorAlert message={start.error?.message ?? null} />
            <Group gap="sm">
              {status.data.enabled ? (
                <>
                  <Button variant="default" onClick={() => setModal("regenerate")}>
                    Regenerate recovery codes
                  </Button>
                  {!status.data.required && (
                    <Button color="red" variant="light" onClick={() => setModal("disable")}>
                      Turn off two-factor sign-in
                    </Button>
                  )}
                </>
              ) : (
                <Button onClick={begin} loading={start.isPending}>
                  Set up two-factor sign-in
                </Button>
              )}
            </Group>
          </Stack>
        )
      )}
      <DisableTwoFactorModal
        opened={modal === "disable"}
        onClose={() => setModal(null)}
        onDisabled={() =>
          notifications.show({
            color: "green",
            title: "Two-factor sign-in is off",
            message: "Your password alone signs you in now.",
          })
        }
      />
      <RegenerateCodesModal
        opened={modal === "regenerate"}
        onClose={() => setModal(null)}
        onCodes={setCodes}
      />
    </SectionCard>
  );
}
