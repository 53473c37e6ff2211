import type { AlertProps } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { type AccountStatus, accountStatusLabels } from "@tremplin/core";

const statusSeverity: Record<AccountStatus, AlertProps.Severity | undefined> = {
  pending_confirmation: "warning",
  active: "info",
  certified: "success",
  rejected: "error",
  disabled: undefined,
};

/** An account's status as a DSFR badge, with core's label (or the API's own, when given). */
export function AccountStatusBadge({ status, label }: { status: AccountStatus; label?: string }) {
  return (
    <Badge severity={statusSeverity[status]} small>
      {label ?? accountStatusLabels[status]}
    </Badge>
  );
}
