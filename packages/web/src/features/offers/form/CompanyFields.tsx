import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQuery } from "@tanstack/react-query";
import { contracts, formatSiret, type Me, siretHelp } from "@tremplin/core";
import type { InputHTMLAttributes } from "react";
import { callApi } from "../../../api/client.js";
import { type FieldErrors, fieldState } from "../../../components/forms/field-errors.js";
import { offerFields } from "./offer-fields.js";
import type { CompanyContactValues, OfferFormValues } from "./offer-form-values.js";

type ContactKey = keyof CompanyContactValues;
const contactInputs: Record<ContactKey, { label: string; input: InputHTMLAttributes<HTMLInputElement> }> = {
  firstName: { label: "Prénom", input: {} },
  lastName: { label: "Nom", input: {} },
  email: { label: "Adresse e-mail", input: { type: "email", inputMode: "email" } },
  phone: { label: "Téléphone", input: { type: "tel", inputMode: "tel" } },
};

interface FieldsProps {
  values: OfferFormValues;
  onChange: (changes: Partial<OfferFormValues>) => void;
  errors: FieldErrors;
}

/** A recruiter who manages several establishments says which one recruits. */
export function EstablishmentSelect({
  values,
  onChange,
  errors,
  organisations,
}: FieldsProps & { organisations: Me["organisations"] }) {
  return (
    <Select
      label="Établissement qui recrute"
      {...fieldState(errors.siret)}
      nativeSelectProps={{
        id: offerFields.siret.id,
        value: values.siret,
        onChange: (event) => onChange({ siret: event.target.value }),
      }}
    >
      <option value="" disabled>
        Choisissez l'établissement
      </option>
      {organisations.map((organisation) => (
        <option key={organisation.accountId} value={organisation.siret}>
          {organisation.name} — SIRET {formatSiret(organisation.siret)}
        </option>
      ))}
    </Select>
  );
}

/** Companies this intermediary already posted for: one choice fills the SIRET and the contact. */
function PartnerCompanyPicker({ onChange }: Pick<FieldsProps, "onChange">) {
  const partners = useQuery({
    queryKey: ["partner-companies"],
    queryFn: ({ signal }) => callApi(contracts.offers.listPartnerCompanies, { signal }),
  });
  const items = partners.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Select
      label="Une entreprise pour laquelle vous avez déjà déposé une offre (facultatif)"
      hint="Remplit le SIRET et le contact ; complétez le téléphone."
      nativeSelectProps={{
        defaultValue: "",
        onChange: (event) => {
          const partner = items.find((item) => item.siret === event.target.value);
          if (partner) onChange({ siret: partner.siret, contact: { ...partner.contact, phone: "" } });
        },
      }}
    >
      <option value="">Choisir une entreprise</option>
      {items.map((item) => (
        <option key={item.siret} value={item.siret}>
          {item.name}
          {item.city ? ` (${item.city})` : ""}
        </option>
      ))}
    </Select>
  );
}

/** A CFA, an OPCO or a chamber posts for a company: its SIRET, and the contact who will be told. */
export function IntermediaryCompanyFields({ values, onChange, errors }: FieldsProps) {
  return (
    <fieldset className={fr.cx("fr-fieldset", "fr-mb-2w")} aria-labelledby="offre-entreprise-legende">
      <legend id="offre-entreprise-legende" className={fr.cx("fr-fieldset__legend", "fr-h5")}>
        L'entreprise qui recrute
      </legend>
      <div className={fr.cx("fr-fieldset__element")}>
        <PartnerCompanyPicker onChange={onChange} />
        <Input
          label="SIRET de l'établissement où travaillera l'alternant"
          hintText={siretHelp}
          {...fieldState(errors.siret)}
          nativeInputProps={{
            id: offerFields.siret.id,
            inputMode: "numeric",
            value: values.siret,
            onChange: (event) => onChange({ siret: event.target.value }),
          }}
        />
        <p className={fr.cx("fr-text--sm", "fr-mb-2w")}>
          Le contact de l'entreprise est prévenu de la publication et peut reprendre l'offre ou la retirer.
        </p>
        <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-mb-2w")}>
          {(Object.keys(contactInputs) as ContactKey[]).map((key) => {
            const field = offerFields[`contact.${key}`];
            return (
              <div key={key} className={fr.cx("fr-col-12", "fr-col-sm-6")}>
                <Input
                  label={`${contactInputs[key].label} du contact`}
                  {...fieldState(errors[`contact.${key}`])}
                  nativeInputProps={{
                    ...contactInputs[key].input,
                    id: field.id,
                    value: values.contact[key],
                    onChange: (event) => onChange({ contact: { ...values.contact, [key]: event.target.value } }),
                  }}
                />
              </div>
            );
          })}
        </div>
      </div>
    </fieldset>
  );
}
