/**
 * The API's data shapes as the web app receives them (docs/api/partners-companies.md). Kept in
 * one place because operator, partner and company pages all show the same companies.
 */

/** Every list endpoint answers one page of items and the total across all pages. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ServiceSettings {
  name: string;
  /** The first one is the primary service domain. */
  domains: string[];
  defaultVmrSuffix: string;
}

export interface Partner {
  id: string;
  name: string;
  companyCount: number;
  adminCount: number;
  createdAt: string;
}

export interface PartnerAdmin {
  id: string;
  fullName: string;
  email: string;
  status: "active" | "invited";
  createdAt: string;
}

export const COMPANY_STATUSES = ["trial", "paid", "suspended"] as const;
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];

export type DomainSetup = "service_subdomain" | "service_root" | "hosted";

export interface Usage {
  used: number;
  total: number;
}

export interface CompanySummary {
  id: string;
  name: string;
  slug: string;
  partner: { id: string; name: string };
  status: CompanyStatus;
  licences: Usage;
  endpointSubscriptions: Usage;
  memberCount: number;
  /** Team rooms (each uses a licence, like a member). */
  teamRoomCount: number;
  createdAt: string;
}

export interface Company extends CompanySummary {
  domainSetup: DomainSetup;
  /** Every domain the company's addresses may use; the first is where new addresses go. */
  videoDomains: string[];
  /** The custom (hosted) ones; empty unless domainSetup is "hosted". */
  hostedDomains: string[];
  vmrSuffix: string;
  hostPinOnAllPersonalRooms: boolean;
  timeZone: string;
  addressCountsByDomain: Record<string, number>;
}

export interface CreateCompanyInput {
  name: string;
  slug: string;
  status: CompanyStatus;
  domainSetup: DomainSetup;
  hostedDomains?: string[];
  licences: number;
  endpointSubscriptions: number;
  vmrSuffix: string;
  hostPinOnAllPersonalRooms: boolean;
  timeZone: string;
  firstAdmin: { fullName: string; email: string; videoAddress: string };
}

export type UpdateCompanyInput = Partial<
  Pick<
    Company,
    "name" | "status" | "vmrSuffix" | "hostPinOnAllPersonalRooms" | "timeZone" | "hostedDomains"
  > & { licences: number; endpointSubscriptions: number }
>;

export interface Invitation {
  fullName: string;
  email: string;
  kind: "partner_admin" | "member";
  companyName: string | null;
  partnerName: string | null;
  videoAddress: string | null;
  expiresAt: string;
  /** "required": the invitee signs in through the company's identity provider, with no password. */
  singleSignOn: "none" | "available" | "required";
}

/** Query parameters every list endpoint understands, plus the company status filter. */
export interface ListParams {
  q?: string;
  status?: CompanyStatus | "";
  page: number;
  pageSize: number;
}

export function listQueryString(params: ListParams): string {
  const query = new URLSearchParams({ page: String(params.page), pageSize: String(params.pageSize) });
  if (params.q?.trim()) query.set("q", params.q.trim());
  if (params.status) query.set("status", params.status);
  return query.toString();
}

// Members, personal VMRs and invitations (docs/api/members.md).

export const MEMBER_STATUSES = ["active", "invited", "suspended"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export type MemberRole = "admin" | "member";

export interface Licences {
  used: number;
  total: number;
  remaining: number;
}

export interface MemberSummary {
  id: string;
  fullName: string;
  email: string;
  videoAddress: string;
  role: MemberRole;
  status: MemberStatus;
  personalRoomAddress: string | null;
  createdAt: string;
}

export interface PersonalRoom {
  id: string;
  name: string;
  address: string;
  hostPin: string | null;
  guestPin: string | null;
}

export interface Member extends MemberSummary {
  personalRoom: PersonalRoom | null;
  invitation: { invitedAt: string; invitedBy: string | null; expiresAt: string } | null;
}

export interface PendingInvitation {
  memberId: string;
  fullName: string;
  email: string;
  videoAddress: string;
  invitedAt: string;
  invitedBy: string | null;
  expiresAt: string;
  expired: boolean;
}

export interface MemberPage extends Page<MemberSummary> {
  /** A search matching more than 10,000 members: `total` is 10,000 and means "10,000 or more". */
  totalCapped: boolean;
  licences: Licences;
}

export interface InviteMemberInput {
  fullName: string;
  email: string;
  videoAddress: string;
  role: MemberRole;
}

export interface UpdateMemberInput {
  fullName?: string;
  email?: string;
  videoAddressLocalPart?: string;
  role?: MemberRole;
  personalRoom?: {
    name?: string;
    addressLocalPart?: string;
    hostPin?: string | null;
    guestPin?: string | null;
  };
}

export interface AddressAvailability {
  address: string;
  available: boolean;
  problems: { rule: string; message: string }[];
}

/** GET /me/profile: the signed-in account's own profile (docs/api/profile-directory.md). */
export interface OwnPersonalRoom {
  name: string;
  address: string;
  hostPin: string | null;
  guestPin: string | null;
}

export interface Profile {
  fullName: string;
  email: string;
  videoAddress: string | null;
  company: { id: string; name: string } | null;
  personalRoom: OwnPersonalRoom | null;
}

/** PATCH /me/personal-room: only what changed; null removes a PIN. */
export interface UpdateOwnRoomInput {
  name?: string;
  hostPin?: string | null;
  guestPin?: string | null;
}

export interface UpdateOwnRoomResult {
  personalRoom: OwnPersonalRoom;
  warnings: string[];
}

/** One line of a company's directory: a person (with their personal VMR) or, later, a team room. */
export interface DirectoryEntry {
  type: "person" | "room";
  id: string;
  name: string;
  address: string;
  personalRoom: { name: string; address: string } | null;
}

/** GET /companies/{id}/audit-events (docs/api/audit-events.md): one entry of the audit log. */
export interface AuditEvent {
  id: string;
  occurredAt: string;
  actor: { id: string | null; name: string; kind: "operator" | "partner_admin" | "member" | "system" };
  action: string;
  actionLabel: string;
  target: { type: string; id: string | null; label: string | null };
  summary: string;
  changes?: { field: string; before: string | null; after: string | null }[];
  ip: string | null;
}

/** GET /companies/{id}/audit-events/people: who appears as an actor in the log. */
export interface AuditPerson {
  id: string;
  name: string;
  kind: "operator" | "partner_admin" | "member";
}

// Team rooms (docs/api/team-rooms.md).

export type TeamRoomOwnerMode = "admins" | "all_members" | "chosen";

export interface TeamRoomOwner {
  id: string;
  fullName: string;
}

export interface TeamRoomSummary {
  id: string;
  name: string;
  videoAddress: string;
  hostPinSet: boolean;
  guestPinSet: boolean;
  ownerMode: TeamRoomOwnerMode;
  /** The chosen members (mode "chosen"); empty otherwise. */
  owners: TeamRoomOwner[];
}

export interface TeamRoom extends TeamRoomSummary {
  hostPin: string | null;
  guestPin: string | null;
  createdAt: string;
}

export interface TeamRoomPage extends Page<TeamRoomSummary> {
  licences: Licences;
}

export interface CreateTeamRoomInput {
  name: string;
  videoAddress: string;
  hostPin?: string | null;
  guestPin?: string | null;
}

export interface UpdateTeamRoomInput {
  name?: string;
  addressLocalPart?: string;
  hostPin?: string | null;
  guestPin?: string | null;
}

export interface SetTeamRoomOwnersInput {
  mode: TeamRoomOwnerMode;
  memberIds: string[];
}

/** A team room as its owner sees it under "My rooms". */
export interface OwnTeamRoom {
  id: string;
  name: string;
  videoAddress: string;
  hostPin: string | null;
  guestPin: string | null;
  companyId: string;
}

/** One video system (endpoint subscription), shared or twinned to a member (video-system-dto.ts). */
export interface VideoSystem {
  id: string;
  name: string;
  videoAddress: string;
  serialNumber: string | null;
  twinnedMember: { id: string; fullName: string } | null;
  usesMemberAddress: boolean;
  status: "not_activated" | "activated" | "registered";
  activatedAt: string | null;
  registeredAt: string | null;
  createdAt: string;
}

export interface EndpointSubscriptions {
  used: number;
  total: number;
  remaining: number;
}

export interface VideoSystemPage extends Page<VideoSystem> {
  endpointSubscriptions: EndpointSubscriptions;
}

export interface CreateVideoSystemInput {
  name: string;
  videoAddress?: string;
  serialNumber?: string | null;
  twinnedMemberId?: string | null;
  useMemberAddress?: boolean;
}

export interface UpdateVideoSystemInput {
  name?: string;
  addressLocalPart?: string;
}

export interface VideoSystemBulkRow {
  line: number;
  username: string;
  videoDomain: string;
  displayName: string;
  serialNumber: string | null;
  videoAddress: string;
  problems: { field: string; rule: string; message: string }[];
}

export interface VideoSystemBulkPreview {
  rows: VideoSystemBulkRow[];
  validCount: number;
  invalidCount: number;
  fileProblems: string[];
  subscriptionsRemaining: number;
  subscriptionsMissing: number;
}

/** A video system's activation (endpoint-activation.schemas.ts). The code itself is shown once. */
export interface EndpointActivationStatus {
  videoSystem: { id: string; name: string; videoAddress: string };
  status: VideoSystem["status"];
  activatedAt: string | null;
  registeredAt: string | null;
  code: { expiresAt: string } | null;
  registrar: string;
}

export interface EndpointActivationCode {
  code: string;
  expiresAt: string;
}

/** What a video system's MeetingConnect QR code encodes (meeting-connect.schemas.ts). */
export interface MeetingConnectLink {
  videoSystem: { id: string; name: string; videoAddress: string };
  connectUrl: string;
}

/** The public MeetingConnect page's video system; `dialsFromConfero` false: dial from the system. */
export interface MeetingConnectInfo {
  videoSystem: { name: string; videoAddress: string };
  company: { name: string };
  dialsFromConfero: boolean;
}

export interface MeetingConnectRoom {
  kind: "personal" | "team";
  name: string;
  address: string;
  role: "chair" | "guest";
}

export interface MeetingConnectDialled {
  conferenceAlias: string;
  role: "chair" | "guest";
  participantId: string | null;
}
