import type { Me } from "../auth/api";

export interface Destination {
  label: string;
  to: string;
  description: string;
}

export const isCompanyAdmin = (me: Me): boolean => me.kind === "member" && me.role === "admin";
export const isPartnerAdmin = (me: Me): boolean => me.kind === "partner_admin";
/** A company's own people (admins and members); partner admins and operators are not. */
export const isCompanyMember = (me: Me): boolean => me.kind === "member" && me.company !== null;
export const isOperator = (me: Me): boolean => me.kind === "operator";
/** Who may open a company's administration: its own admins, and partner admins and operators acting for it. */
export const canAdministerCompanies = (me: Me): boolean =>
  isCompanyAdmin(me) || isPartnerAdmin(me) || isOperator(me);

/**
 * The role-specific places a user can go. The account menu and the home page cards both list
 * these, so they can never disagree.
 */
export function roleDestinations(me: Me): Destination[] {
  const destinations: Destination[] = [];
  if (isCompanyAdmin(me)) {
    // Straight to the company's own pages; /company/admin still redirects there for old links.
    const companyPath = me.company ? `/companies/${me.company.id}` : "/company";
    destinations.push(
      {
        label: "Company administration",
        to: `${companyPath}/admin`,
        description: "Members, team rooms and video systems of your company.",
      },
      {
        label: "Company settings",
        to: `${companyPath}/settings`,
        description: "Your company's name, time zone, domains and licences.",
      },
      {
        label: "Company usage",
        to: `${companyPath}/usage`,
        description: "Calls and minutes, by day, user and room.",
      },
    );
  }
  if (isCompanyMember(me)) {
    destinations.push({
      label: "My rooms",
      to: "/my-rooms",
      description: "Team rooms you control: their names and PINs.",
    });
    destinations.push({
      label: "Directory",
      to: "/directory",
      description: "Find colleagues and meeting rooms by name or video address.",
    });
  }
  if (isPartnerAdmin(me)) {
    destinations.push({
      label: "Partner portal",
      to: "/partner",
      description: "Your customer companies, their licences and subscriptions.",
    });
  }
  if (isOperator(me)) {
    destinations.push(
      {
        label: "Service operations",
        to: "/operator",
        description: "Partners, all companies and the service settings.",
      },
      { label: "Outbox", to: "/operator/outbox", description: "Every email Confero has sent or queued." },
    );
  }
  return destinations;
}

export const myAccountDestination: Destination = {
  label: "My account",
  to: "/account",
  description: "Your profile, your meeting room and its PINs, and your password.",
};

export function roleSummary(me: Me): string {
  if (isOperator(me)) {
    return `You operate ${me.service.name}: partners, service settings and the emails the service sends.`;
  }
  if (isPartnerAdmin(me)) {
    return `You look after the customer companies of ${me.partner?.name ?? "your partner organisation"}.`;
  }
  const company = me.company?.name ?? "your company";
  if (isCompanyAdmin(me)) {
    return `You administer ${company}: its members, meeting rooms, video systems and usage.`;
  }
  return `You are a member of ${company}. Your account page has your profile and password.`;
}
