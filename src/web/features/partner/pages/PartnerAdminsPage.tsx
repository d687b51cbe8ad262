import { useSignedInMe } from "../../auth/queries";
import { PartnerAdminsSection } from "../components/PartnerAdminsSection";
import { NoPartnerMessage } from "./NoPartnerMessage";

export function PartnerAdminsPage() {
  const me = useSignedInMe();
  if (!me.partner) return <NoPartnerMessage />;
  return <PartnerAdminsSection partnerId={me.partner.id} partnerName={me.partner.name} asPage />;
}
