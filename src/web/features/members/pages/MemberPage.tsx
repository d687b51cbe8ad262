import { Button, Stack } from "@mantine/core";
import { Link, useParams } from "react-router";
import { isApiError } from "../../../api/client";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { PageLoader } from "../../../components/PageLoader";
import { formatDateTime } from "../../../lib/formatDate";
import { usePageTitle } from "../../../lib/usePageTitle";
import { useScopedCompany } from "../../company/components/CompanyScope";
import { MemberVideoSystems } from "../../video-systems/components/MemberVideoSystems";
import { MemberStatusBadge } from "../components/MemberBadges";
import { MemberForm } from "../components/MemberForm";
import { PasswordResetCard } from "../components/PasswordResetCard";
import { useMember } from "../queries";

/** /companies/:companyId/admin/members/:memberId — one member's details, room and rights. */
export function MemberPage() {
  const company = useScopedCompany();
  const { memberId = "" } = useParams();
  const member = useMember(company.id, memberId);
  const membersPath = `/companies/${company.id}/admin/members`;
  const crumbs = [
    { label: "Company administration", to: `/companies/${company.id}/admin` },
    { label: "Members", to: membersPath },
  ];

  if (member.isPending) return <PageLoader label="Loading the member" />;
  if (member.error) return <MemberUnavailable error={member.error} membersPath={membersPath} />;

  const data = member.data;
  const invitation = data.status === "invited" && data.invitation;
  return (
    <Stack gap="lg">
      <PageHeader
        title={data.fullName}
        crumbs={crumbs}
        badge={data.status === "active" ? undefined : <MemberStatusBadge status={data.status} />}
        description={
          invitation
            ? `Invited ${formatDateTime(invitation.invitedAt)}; the invitation link expires ${formatDateTime(invitation.expiresAt)}.`
            : data.email
        }
      />
      {/* Remounted when the member changes, so the form never shows another member's values. */}
      <MemberForm key={data.id} company={company} member={data} />
      <MemberVideoSystems companyId={company.id} memberId={data.id} />
      <PasswordResetCard companyId={company.id} member={data} pendingPath={`${membersPath}/pending`} />
    </Stack>
  );
}

function MemberUnavailable({ error, membersPath }: { error: Error; membersPath: string }) {
  usePageTitle("Member");
  const notFound = isApiError(error, 404);
  return (
    <Stack gap="md" align="flex-start">
      <ErrorAlert
        title={notFound ? "Member not found" : "Could not load the member"}
        message={notFound ? "This member does not exist, or was deleted." : error.message}
      />
      <Button component={Link} to={membersPath} variant="light">
        Back to members
      </Button>
    </Stack>
  );
}
