import { Anchor } from "@mantine/core";
import { Link } from "react-router";
import { PlannedPage } from "../../../components/PlannedPage";
import { useSignedInMe } from "../../auth/queries";

export function ServiceOperationsPage() {
  const me = useSignedInMe();
  return (
    <PlannedPage title="Service operations" subject={me.service.name}>
      Nothing to operate here yet. This is where you will create partners and their administrators, change the
      service settings and see the state of the service. Emails the service sends are already in the{" "}
      <Anchor component={Link} to="/operator/outbox">
        Outbox
      </Anchor>
      .
    </PlannedPage>
  );
}
