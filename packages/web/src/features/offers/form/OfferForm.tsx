import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation, useQuery } from "@tanstack/react-query";
import { contracts, defaultSkills, type Me, type RomeFiche } from "@tremplin/core";
import { type FormEvent, useEffect, useState } from "react";
import { callApi } from "../../../api/client.js";
import { isIntermediary } from "../../../auth/roles.js";
import { ApiErrorAlert, errorMessage } from "../../../components/ApiErrorAlert.js";
import { ErrorSummary } from "../../../components/forms/ErrorSummary.js";
import type { FieldErrors } from "../../../components/forms/field-errors.js";
import { useFieldErrors } from "../../../components/forms/use-field-errors.js";
import { JobAutocomplete } from "../../referential/JobAutocomplete.js";
import { EstablishmentSelect, IntermediaryCompanyFields } from "./CompanyFields.js";
import { MoreOptions } from "./MoreOptions.js";
import { OfferPreview } from "./OfferPreview.js";
import { offerFields, optionalFields } from "./offer-fields.js";
import { formFieldsOf, offerApiErrors } from "./offer-form-validation.js";
import type { OfferFormValues, PosterNeeds } from "./offer-form-values.js";
import { StartFields } from "./StartFields.js";
import { companyOrganisations, usePreviewCompany } from "./use-preview-company.js";

export type Prepared<B> = { ok: true; body: B } | { ok: false; errors: FieldErrors };

export interface OfferFormProps<B> {
  me: Me;
  initialValues: OfferFormValues;
  /** Checks the values with core's schema and builds the request body (create or edit). */
  prepare: (values: OfferFormValues, fiche: RomeFiche | undefined, needs: PosterNeeds) => Prepared<B>;
  /** Sends it; the page goes on (navigates) when it resolves. */
  send: (body: B) => Promise<unknown>;
  submitLabel: string;
  /** An edit starts with the options open (everything is there to change). */
  optionsOpen?: boolean;
  /** An edit keeps the offer's company: the fields that choose it are not shown. */
  companyLocked?: boolean;
}

/** What this person must say besides the job and the start: which establishment, or which company. */
export function posterNeeds(me: Me): PosterNeeds {
  if (isIntermediary(me.role)) return { siret: true, companyContact: true };
  return { siret: companyOrganisations(me).length > 1, companyContact: false };
}

/**
 * The offer form: the job and the start first (all a recruiter must give), the rest behind « Plus
 * d'options » with its defaults, and a live preview built from the same rules as the published page.
 */
export function OfferForm<B>(props: OfferFormProps<B>) {
  const { me, initialValues, prepare, send, submitLabel, optionsOpen = false, companyLocked = false } = props;
  const [values, setValues] = useState(initialValues);
  const { errors, setErrors, clear } = useFieldErrors();
  const [submissions, setSubmissions] = useState(0);
  const [showOptions, setShowOptions] = useState(optionsOpen);
  // The ROME fiche the ticked skills come from: a new job family resets them to its defaults.
  const [skillsRome, setSkillsRome] = useState(initialValues.skills ? initialValues.job?.romeCode : undefined);
  const needs = companyLocked ? { siret: false, companyContact: false } : posterNeeds(me);
  const { company, intermediary } = usePreviewCompany(me, values.siret);
  const change = (changes: Partial<OfferFormValues>) => {
    setValues((current) => ({ ...current, ...changes }));
    clear(...Object.keys(changes).flatMap(formFieldsOf));
  };

  const romeCode = values.job?.romeCode;
  const fiche = useQuery({
    queryKey: ["rome", romeCode],
    queryFn: ({ signal }) => callApi(contracts.referential.getRome, { params: { romeCode: romeCode ?? "" }, signal }),
    enabled: romeCode !== undefined,
  });
  const ficheData = fiche.data && romeCode !== undefined ? fiche.data : undefined;
  useEffect(() => {
    if (!fiche.data || romeCode === undefined || skillsRome === romeCode) return;
    setValues((current) => ({ ...current, skills: defaultSkills(fiche.data) }));
    setSkillsRome(romeCode);
  }, [fiche.data, romeCode, skillsRome]);

  const submitting = useMutation({ mutationFn: send });

  function submit(event: FormEvent) {
    event.preventDefault();
    const prepared = prepare(values, ficheData, needs);
    setSubmissions((n) => n + 1);
    if (!prepared.ok) {
      setErrors(prepared.errors);
      if (Object.keys(prepared.errors).some((field) => optionalFields.includes(field))) setShowOptions(true);
      return;
    }
    setErrors({});
    submitting.mutate(prepared.body, {
      onError: (error) => {
        const fieldErrors = offerApiErrors(error, values, needs);
        setErrors(fieldErrors);
        if (Object.keys(fieldErrors).some((field) => optionalFields.includes(field))) setShowOptions(true);
      },
    });
  }

  const ficheMessage = fiche.isError
    ? `La fiche métier n'a pas pu être chargée : ${errorMessage(fiche.error)}`
    : romeCode
      ? "Chargement des compétences de la fiche métier…"
      : "Choisissez un métier pour voir ses compétences.";
  const generalError = submitting.isError && Object.keys(errors).length === 0 ? submitting.error : undefined;
  const preview = (id: string) => (
    <OfferPreview id={id} values={values} fiche={ficheData} company={company} intermediary={intermediary} />
  );

  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
      <div className={fr.cx("fr-col-12", "fr-col-lg-7")}>
        <form onSubmit={submit} noValidate id="offre-formulaire">
          <ErrorSummary errors={errors} fields={offerFields} submissionCount={submissions} />
          {generalError !== undefined && <ApiErrorAlert error={generalError} className={fr.cx("fr-mb-3w")} />}
          {needs.companyContact ? (
            <IntermediaryCompanyFields values={values} onChange={change} errors={errors} />
          ) : (
            needs.siret && (
              <EstablishmentSelect
                values={values}
                onChange={change}
                errors={errors}
                organisations={companyOrganisations(me)}
              />
            )
          )}
          <JobAutocomplete
            id={offerFields.job.id}
            label="Métier"
            hint="Le métier de l'alternant. Tapez le début du nom, par exemple : boulang, vendeur, développeur."
            initialText={initialValues.job?.label}
            errorMessage={errors.job}
            onSelect={(job) =>
              change({
                job: job ? { codeOgr: job.codeOgr, label: job.label, romeCode: job.romeCode } : null,
                ...(job && job.romeCode !== skillsRome ? { skills: null } : {}),
              })
            }
          />
          <StartFields values={values} onChange={change} error={errors.start} />
          <p>
            <button
              type="button"
              className={fr.cx(
                "fr-btn",
                "fr-btn--tertiary",
                "fr-btn--icon-right",
                showOptions ? "fr-icon-arrow-up-s-line" : "fr-icon-arrow-down-s-line",
              )}
              aria-expanded={showOptions}
              aria-controls="offre-options"
              onClick={() => setShowOptions((open) => !open)}
            >
              {showOptions ? "Moins d'options" : "Plus d'options"}
            </button>
          </p>
          <div id="offre-options" hidden={!showOptions}>
            {showOptions && (
              <MoreOptions
                values={values}
                onChange={change}
                errors={errors}
                fiche={ficheData}
                ficheMessage={ficheMessage}
              />
            )}
          </div>
          {/* On a phone the preview comes before the button: people see what they publish. */}
          <div className={fr.cx("fr-hidden-lg", "fr-my-4w")}>{preview("apercu-mobile")}</div>
          <p className={fr.cx("fr-mt-3w")}>
            <Button type="submit" size="large" disabled={submitting.isPending}>
              {submitting.isPending ? "Publication…" : submitLabel}
            </Button>
          </p>
        </form>
      </div>
      <div className={fr.cx("fr-col-12", "fr-col-lg-5", "fr-hidden", "fr-unhidden-lg")}>{preview("apercu")}</div>
    </div>
  );
}
