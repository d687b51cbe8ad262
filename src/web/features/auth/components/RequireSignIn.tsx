import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { useMe } from "../queries";

/** Lets signed-in visitors through; everyone else goes to sign-in and comes back afterwards. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();

  if (isPending) return <PageLoader />;
  if (error) {
    return (
      <div style={{ padding: "var(--mantine-spacing-md)" }}>
        <ErrorAlert title="Confero could not load your session" message={error.message} />
      </div>
    );
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    const query = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/sign-in${query}`} replace />;
  }
  return children;
}
