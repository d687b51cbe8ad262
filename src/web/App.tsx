import { Navigate, Route, Routes } from "react-router";
import { AuditLogPage } from "./features/audit/pages/AuditLogPage";
import { RequireSignIn } from "./features/auth/components/RequireSignIn";
import { AccountPage } from "./features/auth/pages/AccountPage";
import { ForgotPasswordPage } from "./features/auth/pages/ForgotPasswordPage";
import { ResetPasswordPage } from "./features/auth/pages/ResetPasswordPage";
import { SignInPage } from "./features/auth/pages/SignInPage";
import { CompanyAdminLayout } from "./features/company/components/CompanyAdminLayout";
import { CompanyScope } from "./features/company/components/CompanyScope";
import { OwnCompanyRedirect } from "./features/company/components/OwnCompanyRedirect";
import { CompanyAdminPage } from "./features/company/pages/CompanyAdminPage";
import { CompanySettingsPage } from "./features/company/pages/CompanySettingsPage";
import { DirectoryPage } from "./features/directory/pages/DirectoryPage";
import { ActivationPage } from "./features/endpoint-activation/pages/ActivationPage";
import { QrCodePage } from "./features/endpoint-activation/pages/QrCodePage";
import { EventSinkPage } from "./features/infinity/pages/EventSinkPage";
import { InfinityLayout } from "./features/infinity/pages/InfinityLayout";
import { InfinitySettingsPage } from "./features/infinity/pages/InfinitySettingsPage";
import { PolicyRequestsPage } from "./features/infinity/pages/PolicyRequestsPage";
import { InvitationPage } from "./features/invitations/pages/InvitationPage";
import { MeetingConnectPage } from "./features/meeting-connect/pages/MeetingConnectPage";
import { BulkInvitePage } from "./features/members/pages/BulkInvitePage";
import { MemberPage } from "./features/members/pages/MemberPage";
import { MembersPage } from "./features/members/pages/MembersPage";
import { PendingInvitesPage } from "./features/members/pages/PendingInvitesPage";
import { AllCompaniesPage } from "./features/operator/pages/AllCompaniesPage";
import { OperatorLayout } from "./features/operator/pages/OperatorLayout";
import { OutboxPage } from "./features/operator/pages/OutboxPage";
import { PartnerPage } from "./features/operator/pages/PartnerPage";
import { PartnersPage } from "./features/operator/pages/PartnersPage";
import { ServiceSettingsPage } from "./features/operator/pages/ServiceSettingsPage";
import { ManagedCompanyPage } from "./features/partner/pages/ManagedCompanyPage";
import { NewCompanyPage } from "./features/partner/pages/NewCompanyPage";
import { PartnerAdminsPage } from "./features/partner/pages/PartnerAdminsPage";
import { PartnerCompaniesPage } from "./features/partner/pages/PartnerCompaniesPage";
import { PartnerLayout } from "./features/partner/pages/PartnerLayout";
import { SetupPage } from "./features/setup/pages/SetupPage";
import { RequireRole } from "./features/shell/components/RequireRole";
import { SignedInLayout } from "./features/shell/components/SignedInLayout";
import {
  canAdministerCompanies,
  isCompanyAdmin,
  isCompanyMember,
  isOperator,
  isPartnerAdmin,
} from "./features/shell/destinations";
import { HomePage } from "./features/shell/pages/HomePage";
import { NotFoundPage } from "./features/shell/pages/NotFoundPage";
import { MyRoomsPage } from "./features/team-rooms/pages/MyRoomsPage";
import { TeamRoomPage } from "./features/team-rooms/pages/TeamRoomPage";
import { TeamRoomsPage } from "./features/team-rooms/pages/TeamRoomsPage";
import { CompanyUsagePage } from "./features/usage/pages/CompanyUsagePage";
import { PartnerUsagePage } from "./features/usage/pages/PartnerUsagePage";
import { ServiceUsagePage } from "./features/usage/pages/ServiceUsagePage";
import { VideoSystemPage } from "./features/video-systems/pages/VideoSystemPage";
import { VideoSystemsPage } from "./features/video-systems/pages/VideoSystemsPage";

export function App() {
  return (
    <Routes>
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/invitations/:token" element={<InvitationPage />} />
      {/* MeetingConnect: opened from a video system's QR code, signed in or not. */}
      <Route path="/connect/:token" element={<MeetingConnectPage />} />

      <Route
        element={
          <RequireSignIn>
            <SignedInLayout />
          </RequireSignIn>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route
          path="/my-rooms"
          element={
            <RequireRole allowed={isCompanyMember}>
              <MyRoomsPage />
            </RequireRole>
          }
        />
        <Route
          path="/directory"
          element={
            <RequireRole allowed={isCompanyMember}>
              <DirectoryPage />
            </RequireRole>
          }
        />

        {/* A company's own admins, and partner admins and operators acting for it. */}
        <Route
          path="/companies/:companyId"
          element={
            <RequireRole allowed={canAdministerCompanies}>
              <CompanyScope />
            </RequireRole>
          }
        >
          <Route index element={<Navigate to="admin" replace />} />
          <Route path="admin" element={<CompanyAdminLayout />}>
            <Route index element={<CompanyAdminPage />} />
            <Route path="members" element={<MembersPage />} />
            <Route path="members/pending" element={<PendingInvitesPage />} />
            <Route path="members/bulk-invite" element={<BulkInvitePage />} />
            <Route path="members/:memberId" element={<MemberPage />} />
            <Route path="team-rooms" element={<TeamRoomsPage />} />
            <Route path="team-rooms/:roomId" element={<TeamRoomPage />} />
            <Route path="video-systems" element={<VideoSystemsPage />} />
            <Route path="video-systems/:videoSystemId" element={<VideoSystemPage />} />
            <Route path="video-systems/:videoSystemId/activation" element={<ActivationPage />} />
            <Route path="video-systems/:videoSystemId/qr" element={<QrCodePage />} />
            <Route path="audit" element={<AuditLogPage />} />
          </Route>
          <Route path="settings" element={<CompanySettingsPage />} />
          <Route path="usage" element={<CompanyUsagePage />} />
        </Route>
        <Route path="/company" element={<RequireRole allowed={isCompanyAdmin} />}>
          <Route path="admin" element={<OwnCompanyRedirect page="admin" />} />
          <Route path="settings" element={<OwnCompanyRedirect page="settings" />} />
          <Route path="usage" element={<OwnCompanyRedirect page="usage" />} />
        </Route>

        <Route
          path="/partner"
          element={
            <RequireRole allowed={isPartnerAdmin}>
              <PartnerLayout />
            </RequireRole>
          }
        >
          <Route index element={<PartnerCompaniesPage />} />
          <Route path="admins" element={<PartnerAdminsPage />} />
          <Route path="usage" element={<PartnerUsagePage />} />
          <Route path="companies/new" element={<NewCompanyPage />} />
          <Route path="companies/:companyId" element={<ManagedCompanyPage />} />
        </Route>

        <Route
          path="/operator"
          element={
            <RequireRole allowed={isOperator}>
              <OperatorLayout />
            </RequireRole>
          }
        >
          <Route index element={<Navigate to="partners" replace />} />
          <Route path="partners" element={<PartnersPage />} />
          <Route path="partners/:partnerId" element={<PartnerPage />} />
          <Route path="partners/:partnerId/companies/new" element={<NewCompanyPage />} />
          <Route path="partners/:partnerId/companies/:companyId" element={<ManagedCompanyPage />} />
          <Route path="companies" element={<AllCompaniesPage />} />
          <Route path="settings" element={<ServiceSettingsPage />} />
          <Route path="usage" element={<ServiceUsagePage />} />
          <Route path="infinity" element={<InfinityLayout />}>
            <Route index element={<InfinitySettingsPage />} />
            <Route path="policy-requests" element={<PolicyRequestsPage />} />
            <Route path="event-sink" element={<EventSinkPage />} />
          </Route>
          <Route path="outbox" element={<OutboxPage />} />
        </Route>
      </Route>

      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
