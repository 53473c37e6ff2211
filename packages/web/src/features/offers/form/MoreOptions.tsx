import { fr } from "@codegouvfr/react-dsfr";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  type ContractType,
  contractTypeLabels,
  contractTypes,
  diplomaLevelLabels,
  OFFER_LIMITS,
  type RomeFiche,
} from "@tremplin/core";
import type { FieldErrors } from "../../../components/forms/field-errors.js";
import { fieldState } from "../../../components/forms/field-errors.js";
import { contactDetailWarning, offerFields } from "./offer-fields.js";
import type { OfferFormValues } from "./offer-form-values.js";
import { SkillsPicker } from "./SkillsPicker.js";

interface MoreOptionsProps {
  values: OfferFormValues;
  onChange: (changes: Partial<OfferFormValues>) => void;
  errors: FieldErrors;
  fiche: RomeFiche | undefined;
  ficheMessage: string | null;
}

const ids = Object.fromEntries(Object.entries(offerFields).map(([field, { id }]) => [field, id])) as Record<
  keyof typeof offerFields,
  string
>;

/** The state of a free text: the form's error first, else the contact-detail warning. */
const freeTextState = (error: string | undefined, text: string) => fieldState(error ?? contactDetailWarning(text));

/** Everything optional, each with the value the offer gets when left as is. */
export function MoreOptions({ values, onChange, errors, fiche, ficheMessage }: MoreOptionsProps) {
  const toggleContract = (type: ContractType, checked: boolean) =>
    onChange({ contractTypes: contractTypes.filter((t) => (t === type ? checked : values.contractTypes.includes(t))) });

  return (
    <div className={fr.cx("fr-mt-2w")}>
      <Checkbox
        id="offre-contrats"
        legend="Type de contrat"
        orientation="horizontal"
        state={errors.contractTypes ? "error" : "default"}
        stateRelatedMessage={errors.contractTypes}
        options={contractTypes.map((type) => ({
          label: contractTypeLabels[type],
          nativeInputProps: {
            checked: values.contractTypes.includes(type),
            onChange: (event) => toggleContract(type, event.target.checked),
          },
        }))}
      />
      <Select
        label="Niveau du diplôme préparé"
        {...fieldState(errors.diplomaLevel)}
        nativeSelectProps={{
          id: ids.diplomaLevel,
          value: values.diplomaLevel,
          onChange: (event) => onChange({ diplomaLevel: event.target.value }),
        }}
      >
        <option value="">Indifférent</option>
        {Object.entries(diplomaLevelLabels).map(([level, label]) => (
          <option key={level} value={level}>
            {label} (niveau {level})
          </option>
        ))}
      </Select>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-mb-3w")}>
        <div className={fr.cx("fr-col-12", "fr-col-sm-6")}>
          <Input
            label="Durée du contrat (en mois)"
            hintText={`De ${OFFER_LIMITS.durationMonths.min} à ${OFFER_LIMITS.durationMonths.max} mois`}
            {...fieldState(errors.durationMonths)}
            nativeInputProps={{
              id: ids.durationMonths,
              type: "number",
              inputMode: "numeric",
              min: OFFER_LIMITS.durationMonths.min,
              max: OFFER_LIMITS.durationMonths.max,
              value: values.durationMonths,
              onChange: (event) => onChange({ durationMonths: event.target.value }),
            }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-sm-6")}>
          <Input
            label="Nombre de postes"
            hintText={`De ${OFFER_LIMITS.positions.min} à ${OFFER_LIMITS.positions.max}`}
            {...fieldState(errors.positions)}
            nativeInputProps={{
              id: ids.positions,
              type: "number",
              inputMode: "numeric",
              min: OFFER_LIMITS.positions.min,
              max: OFFER_LIMITS.positions.max,
              value: values.positions,
              onChange: (event) => onChange({ positions: event.target.value }),
            }}
          />
        </div>
      </div>
      <Input
        label="Rythme de l'alternance (facultatif)"
        hintText="Par exemple : 2 jours en formation, 3 jours en entreprise"
        {...freeTextState(errors.rhythm, values.rhythm)}
        nativeInputProps={{
          id: ids.rhythm,
          maxLength: OFFER_LIMITS.rhythm,
          value: values.rhythm,
          onChange: (event) => onChange({ rhythm: event.target.value }),
        }}
      />
      <Input
        label="Intitulé de l'offre (facultatif)"
        hintText={`Par défaut, le nom du métier${values.job ? ` : « ${values.job.label} »` : ""}.`}
        {...freeTextState(errors.title, values.title)}
        nativeInputProps={{
          id: ids.title,
          maxLength: OFFER_LIMITS.title.max,
          value: values.title,
          onChange: (event) => onChange({ title: event.target.value }),
        }}
      />
      {fiche && values.skills ? (
        <SkillsPicker
          fiche={fiche}
          selected={values.skills}
          onChange={(skills) => onChange({ skills })}
          error={errors.skills}
        />
      ) : (
        ficheMessage && <p className={fr.cx("fr-text--sm")}>{ficheMessage}</p>
      )}
      <Input
        textArea
        label="Description personnalisée (facultatif)"
        hintText="Laissez vide pour publier le texte rédigé à partir de la fiche métier et des compétences cochées (voir l'aperçu). Ni e-mail, ni site web, ni téléphone."
        {...freeTextState(errors.description, values.description)}
        nativeTextAreaProps={{
          id: ids.description,
          rows: 8,
          maxLength: OFFER_LIMITS.description,
          value: values.description,
          onChange: (event) => onChange({ description: event.target.value }),
        }}
      />
      <Checkbox
        // A lone box: DSFR names its input `<id>-0`.
        id="offre-handicap"
        className={fr.cx("fr-mb-3w")}
        options={[
          {
            label: "Poste ouvert et aménageable pour les personnes en situation de handicap",
            nativeInputProps: {
              checked: values.disabilityFriendly,
              onChange: (event) => onChange({ disabilityFriendly: event.target.checked }),
            },
          },
        ]}
      />
      <Input
        textArea
        label="Présentation de l'entreprise (facultatif)"
        hintText="Votre activité, votre équipe, ce qui fait envie de vous rejoindre."
        {...freeTextState(errors.companyDescription, values.companyDescription)}
        nativeTextAreaProps={{
          id: ids.companyDescription,
          rows: 4,
          maxLength: OFFER_LIMITS.companyDescription,
          value: values.companyDescription,
          onChange: (event) => onChange({ companyDescription: event.target.value }),
        }}
      />
    </div>
  );
}
