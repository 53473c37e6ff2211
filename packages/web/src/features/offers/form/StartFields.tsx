import { fr } from "@codegouvfr/react-dsfr";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { startDateRange } from "@tremplin/core";
import { fieldState } from "../../../components/forms/field-errors.js";
import { offerFields } from "./offer-fields.js";
import type { OfferFormValues } from "./offer-form-values.js";

interface StartFieldsProps {
  values: Pick<OfferFormValues, "startDate" | "startAsap">;
  onChange: (changes: Partial<OfferFormValues>) => void;
  error?: string;
}

/** When the contract starts: a date (today to two years ahead), or « dès que possible ». */
export function StartFields({ values, onChange, error }: StartFieldsProps) {
  const range = startDateRange(new Date());
  return (
    <fieldset className={fr.cx("fr-fieldset")} aria-labelledby="offre-debut-legende">
      <legend id="offre-debut-legende" className={fr.cx("fr-fieldset__legend", "fr-text--regular")}>
        Début du contrat
      </legend>
      <div className={fr.cx("fr-fieldset__element")}>
        <Input
          label="Date de début"
          hintText="Au format jj/mm/aaaa, dans les deux ans qui viennent."
          disabled={values.startAsap}
          {...fieldState(error)}
          nativeInputProps={{
            id: offerFields.start.id,
            type: "date",
            min: range.min,
            max: range.max,
            value: values.startDate,
            onChange: (event) => onChange({ startDate: event.target.value }),
          }}
        />
      </div>
      <div className={fr.cx("fr-fieldset__element")}>
        <Checkbox
          id="offre-des-que-possible"
          options={[
            {
              label: "Dès que possible",
              nativeInputProps: {
                checked: values.startAsap,
                onChange: (event) =>
                  onChange({ startAsap: event.target.checked, ...(event.target.checked ? { startDate: "" } : {}) }),
              },
            },
          ]}
        />
      </div>
    </fieldset>
  );
}
