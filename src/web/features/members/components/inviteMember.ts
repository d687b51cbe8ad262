import { emailProblem, normaliseEmail } from "../../../../domain/email";
import { localPartProblems, normaliseVideoAddress } from "../../../../domain/video-address";
import type { Company, InviteMemberInput, MemberRole } from "../../../api/types";

/** Field names mirror the POST body, so the server's field paths land on the right inputs. */
export interface InviteMemberValues {
  fullName: string;
  email: string;
  /** Only the name part; the domain is chosen (or fixed) beside it. */
  videoAddress: string;
  domain: string;
  role: MemberRole;
}

export function initialInviteValues(company: Pick<Company, "videoDomains">): InviteMemberValues {
  return { fullName: "", email: "", videoAddress: "", domain: company.videoDomains[0] ?? "", role: "member" };
}

export function addressLocalPartProblem(local: string, hostedDomain: boolean): string | null {
  const problems = localPartProblems(normaliseVideoAddress(local), { hostedDomain });
  return problems.length > 0 ? problems.map((problem) => problem.message).join(" ") : null;
}

export function inviteProblems(
  values: InviteMemberValues,
  company: Pick<Company, "hostedDomains">,
): Record<string, string | null> {
  return {
    fullName: values.fullName.trim() ? null : "Enter the person's full name.",
    email: emailProblem(normaliseEmail(values.email)),
    videoAddress: addressLocalPartProblem(values.videoAddress, company.hostedDomains.includes(values.domain)),
  };
}

export function toInviteInput(values: InviteMemberValues): InviteMemberInput {
  return {
    fullName: values.fullName.trim(),
    email: normaliseEmail(values.email),
    videoAddress: `${normaliseVideoAddress(values.videoAddress)}@${values.domain}`,
    role: values.role,
  };
}
