import { Select } from "@codegouvfr/react-dsfr/Select";
import { type RefusalReason, refusalReasonLabels, refusalReasons } from "@tremplin/core";
import { fieldState } from "../../components/forms/field-errors.js";

interface RefusalReasonSelectProps {
  id: string;
  value: RefusalReason | "";
  error: string | undefined;
  onChange: (reason: RefusalReason) => void;
}

/**
 * The reason of a refusal, from core's list: the same field in the recruiter's space and on the
 * page the application email links to. The candidate reads it in the answer.
 */
export function RefusalReasonSelect({ id, value, error, onChange }: RefusalReasonSelectProps) {
  return (
    <Select
      label="Motif du refus"
      hint="Le candidat le lit dans votre réponse : il l'aide pour ses prochaines candidatures."
      {...fieldState(error)}
      nativeSelectProps={{ id, value, onChange: (event) => onChange(event.target.value as RefusalReason) }}
    >
      <option value="" disabled>
        Choisissez un motif
      </option>
      {refusalReasons.map((reason) => (
        <option key={reason} value={reason}>
          {refusalReasonLabels[reason]}
        </option>
      ))}
    </Select>
  );
}
