import { useParams } from "react-router";
import type { Crumb } from "../../components/PageHeader";
import type { Me } from "../auth/api";
import { useSignedInMe } from "../auth/queries";
import { usePartner } from "./queries";

/**
 * The partner pages (company list, create, company detail) serve two audiences: a partner
 * admin in the partner portal (/partner/…, their own partner) and an operator looking at any
 * partner (/operator/partners/:partnerId/…). The scope says which, and where links go.
 */
export interface PartnerScope {
  partnerId: string;
  viewer: "operator" | "partner_admin";
  /** The page that lists this partner's companies. */
  homePath: string;
  newCompanyPath: string;
  companyPath: (companyId: string) => string;
}

function scopeFor(viewer: PartnerScope["viewer"], partnerId: string): PartnerScope {
  const homePath = viewer === "operator" ? `/operator/partners/${partnerId}` : "/partner";
  return {
    partnerId,
    viewer,
    homePath,
    newCompanyPath: `${homePath}/companies/new`,
    companyPath: (companyId) => `${homePath}/companies/${companyId}`,
  };
}

/** null only if a partner page is reached without a partner (e.g. by a company member). */
export function usePartnerScope(): PartnerScope | null {
  const { partnerId } = useParams();
  const me = useSignedInMe();
  if (partnerId) return scopeFor("operator", partnerId);
  if (me.partner) return scopeFor("partner_admin", me.partner.id);
  return null;
}

/** Where a partner admin or operator manages a company (its partner-side page). */
export function managedCompanyPath(me: Me, company: { id: string; partner: { id: string } }): string {
  const viewer = me.kind === "operator" ? "operator" : "partner_admin";
  return scopeFor(viewer, company.partner.id).companyPath(company.id);
}

/** Breadcrumbs up to the partner's company list. */
export function usePartnerCrumbs(scope: PartnerScope | null): Crumb[] {
  const asOperator = scope?.viewer === "operator";
  const partner = usePartner(scope?.partnerId ?? "", { enabled: asOperator });
  if (!scope) return [];
  if (!asOperator) return [{ label: "Customer companies", to: scope.homePath }];
  return [
    { label: "Partners", to: "/operator/partners" },
    { label: partner.data?.name ?? "Partner", to: scope.homePath },
  ];
}
