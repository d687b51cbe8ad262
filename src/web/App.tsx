import { Route, Routes } from "react-router";
import { RequireSignIn } from "./features/auth/components/RequireSignIn";
import { AccountPage } from "./features/auth/pages/AccountPage";
import { ForgotPasswordPage } from "./features/auth/pages/ForgotPasswordPage";
import { ResetPasswordPage } from "./features/auth/pages/ResetPasswordPage";
import { SignInPage } from "./features/auth/pages/SignInPage";
import { CompanyAdminPage } from "./features/company/pages/CompanyAdminPage";
import { CompanyUsagePage } from "./features/company/pages/CompanyUsagePage";
import { OutboxPage } from "./features/operator/pages/OutboxPage";
import { ServiceOperationsPage } from "./features/operator/pages/ServiceOperationsPage";
import { PartnerPortalPage } from "./features/partner/pages/PartnerPortalPage";
import { SetupPage } from "./features/setup/pages/SetupPage";
import { RequireRole } from "./features/shell/components/RequireRole";
import { SignedInLayout } from "./features/shell/components/SignedInLayout";
import { isCompanyAdmin, isOperator, isPartnerAdmin } from "./features/shell/destinations";
import { HomePage } from "./features/shell/pages/HomePage";
import { NotFoundPage } from "./features/shell/pages/NotFoundPage";

export function App() {
  return (
    <Routes>
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />

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
          path="/company/admin"
          element={
            <RequireRole allowed={isCompanyAdmin}>
              <CompanyAdminPage />
            </RequireRole>
          }
        />
        <Route
          path="/company/usage"
          element={
            <RequireRole allowed={isCompanyAdmin}>
              <CompanyUsagePage />
            </RequireRole>
          }
        />
        <Route
          path="/partner"
          element={
            <RequireRole allowed={isPartnerAdmin}>
              <PartnerPortalPage />
            </RequireRole>
          }
        />
        <Route
          path="/operator"
          element={
            <RequireRole allowed={isOperator}>
              <ServiceOperationsPage />
            </RequireRole>
          }
        />
        <Route
          path="/operator/outbox"
          element={
            <RequireRole allowed={isOperator}>
              <OutboxPage />
            </RequireRole>
          }
        />
      </Route>

      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
