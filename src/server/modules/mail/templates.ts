import type { OutgoingEmail } from "./outbox.repository.js";

/** Every email has a plain-text and an HTML body built from the same paragraphs. */
interface EmailContent {
  to: string;
  subject: string;
  greeting: string;
  paragraphs: string[];
  action: { label: string; url: string };
  footer: string;
}

export function composeEmail(content: EmailContent): OutgoingEmail {
  const text = [
    content.greeting,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    `${content.action.label}: ${content.action.url}`,
    "",
    content.footer,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;color:#1a1b1e">
<p>${escapeHtml(content.greeting)}</p>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:10px 16px;background:#1c7ed6;color:#fff;border-radius:4px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>
<p style="font-size:13px;color:#555">If the button does not work, copy this link into your browser:<br>${escapeHtml(content.action.url)}</p>
<p style="font-size:13px;color:#555">${escapeHtml(content.footer)}</p>
</body></html>`;
  return { to: content.to, subject: content.subject, text, html };
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function passwordResetEmail(input: {
  to: string;
  fullName: string;
  serviceName: string;
  url: string;
}) {
  return composeEmail({
    to: input.to,
    subject: `Reset your ${input.serviceName} password`,
    greeting: `Hello ${input.fullName},`,
    paragraphs: [
      `Someone asked to reset the password of your ${input.serviceName} account.`,
      "The link below works once and for 1 hour. If you did not ask for this, ignore this email: your password stays as it is.",
    ],
    action: { label: "Choose a new password", url: input.url },
    footer: `${input.serviceName} — video meetings administration`,
  });
}

/** Activation link for an invited account: a company member (or admin) or a partner admin. */
export function invitationEmail(input: {
  to: string;
  fullName: string;
  invitedBy: string;
  /** "Acme" for company members, "Northwind Partners" for partner admins. */
  organisation: { kind: "company" | "partner"; name: string };
  role: "admin" | "member" | "partner_admin";
  serviceName: string;
  videoAddress: string | null;
  url: string;
  validDays: number;
}) {
  const what =
    input.role === "partner_admin"
      ? `an administrator of the partner ${input.organisation.name}`
      : input.role === "admin"
        ? `an administrator of ${input.organisation.name}`
        : `a member of ${input.organisation.name}`;
  return composeEmail({
    to: input.to,
    subject: `You are invited to ${input.organisation.name} on ${input.serviceName}`,
    greeting: `Hello ${input.fullName},`,
    paragraphs: [
      `${input.invitedBy} has invited you to ${input.serviceName} as ${what}.`,
      ...(input.videoAddress ? [`Your video address is ${input.videoAddress}.`] : []),
      `Choose a password to activate your account. The link below works once and is valid for ${input.validDays} days.`,
    ],
    action: { label: "Activate your account", url: input.url },
    footer: `${input.serviceName} — video meetings administration`,
  });
}
