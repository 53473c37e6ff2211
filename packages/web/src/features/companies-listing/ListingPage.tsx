import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { contracts, type ListingRequestInput } from "@tremplin/core";
import { type FormEvent, type InputHTMLAttributes, useEffect, useRef, useState } from "react";
import { callApi } from "../../api/client.js";
import { errorMessage } from "../../components/ApiErrorAlert.js";
import { ErrorSummary } from "../../components/forms/ErrorSummary.js";
import { apiFieldErrors, fieldState } from "../../components/forms/field-errors.js";
import { useFieldErrors } from "../../components/forms/use-field-errors.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { JobAutocomplete } from "../referential/JobAutocomplete.js";
import { addJob, checkListing, flattenContactErrors, type ListingDraft } from "./listing-forms.js";

type TextField = "siret" | "firstName" | "lastName" | "email" | "phone";
const textFields: Record<
  TextField,
  { id: string; label: string; hint?: string; input: InputHTMLAttributes<HTMLInputElement> }
> = {
  siret: {
    id: "referencement-siret",
    label: "Numéro SIRET de l'établissement",
    hint: "14 chiffres, sur vos factures ou sur annuaire-entreprises.data.gouv.fr.",
    input: { inputMode: "numeric", autoComplete: "off" },
  },
  firstName: { id: "referencement-prenom", label: "Prénom du contact", input: { autoComplete: "given-name" } },
  lastName: { id: "referencement-nom", label: "Nom du contact", input: { autoComplete: "family-name" } },
  email: {
    id: "referencement-email",
    label: "Adresse e-mail du contact",
    hint: "Les candidatures spontanées arriveront à cette adresse.",
    input: { type: "email", autoComplete: "email", inputMode: "email" },
  },
  phone: {
    id: "referencement-telephone",
    label: "Téléphone du contact",
    hint: "Format : 04 78 12 34 56",
    input: { type: "tel", autoComplete: "tel", inputMode: "tel" },
  },
};
const ids = { romes: "referencement-metier", message: "referencement-message" };
const summaryFields = {
  ...Object.fromEntries(Object.entries(textFields).map(([key, f]) => [key, { id: f.id, label: f.label }])),
  romes: { id: ids.romes, label: "Métiers" },
  message: { id: ids.message, label: "Message" },
};

const emptyDraft: ListingDraft = {
  siret: "",
  firstName: "",
  lastName: "",
  email: "",
  phone: "",
  jobs: [],
  message: "",
};

/**
 * /entreprises/referencement: a company asks to be shown to candidates for the jobs it hires
 * apprentices for. The team or the company's OPCO reviews the request.
 */
export function ListingPage() {
  usePageTitle("Référencer mon entreprise");
  const [draft, setDraft] = useState<ListingDraft>(emptyDraft);
  // The job field empties after each choice: a new key remounts it.
  const [jobFieldKey, setJobFieldKey] = useState(0);
  const { errors, setErrors, clear } = useFieldErrors();
  const [submissions, setSubmissions] = useState(0);
  const done = useRef<HTMLHeadingElement>(null);
  const send = useMutation({
    mutationFn: ({ siret, body }: { siret: string; body: ListingRequestInput }) =>
      callApi(contracts.algoCompanies.createListingRequest, { params: { siret }, body }),
    onError: (error: unknown) => {
      const fields = flattenContactErrors(apiFieldErrors(error));
      const code = (error as { code?: string }).code ?? "";
      if (code.startsWith("SIRET_") || code === "ALGO_TRAINING_ORGANISATION") fields.siret ??= errorMessage(error);
      setErrors(fields);
      setSubmissions((n) => n + 1);
    },
  });
  useEffect(() => {
    if (send.data) done.current?.focus();
  }, [send.data]);
  // The remounted job field is a new element: give it the focus back, to add another job at once.
  useEffect(() => {
    if (jobFieldKey > 0) document.getElementById(ids.romes)?.focus();
  }, [jobFieldKey]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkListing(draft);
    setErrors(checked.ok ? {} : checked.errors);
    setSubmissions((n) => n + 1);
    if (checked.ok) send.mutate({ siret: checked.siret, body: checked.body });
  }

  if (send.data) {
    return (
      <PageContainer narrow>
        <h1 ref={done} tabIndex={-1}>
          Demande reçue
        </h1>
        <Alert severity="success" small description={send.data.message} />
      </PageContainer>
    );
  }

  const generalError = send.isError && Object.keys(errors).length === 0;
  return (
    <PageContainer narrow>
      <h1>Référencer mon entreprise</h1>
      <p className={fr.cx("fr-text--lead")}>
        Vous accueillez des alternants ? Apparaissez parmi les entreprises susceptibles de recruter : les candidats de
        votre secteur pourront vous envoyer leur candidature spontanée.
      </p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} fields={summaryFields} submissionCount={submissions} />
        {generalError && <Alert severity="error" small description={errorMessage(send.error)} className="fr-mb-3w" />}
        {(Object.keys(textFields) as TextField[]).map((key) => (
          <Input
            key={key}
            label={textFields[key].label}
            hintText={textFields[key].hint}
            {...fieldState(errors[key])}
            nativeInputProps={{
              ...textFields[key].input,
              id: textFields[key].id,
              value: draft[key],
              onChange: (event) => {
                setDraft((d) => ({ ...d, [key]: event.target.value }));
                clear(key);
              },
            }}
          />
        ))}
        <JobAutocomplete
          key={jobFieldKey}
          id={ids.romes}
          label="Métiers pour lesquels vous accueillez des alternants (10 au plus)"
          hint="Choisissez un métier dans la liste ; recommencez pour en ajouter un autre."
          errorMessage={errors.romes}
          onSelect={(job) => {
            if (!job) return;
            setDraft((d) => ({ ...d, jobs: addJob(d.jobs, { romeCode: job.romeCode, label: job.romeLabel }) }));
            setJobFieldKey((k) => k + 1);
            clear("romes");
          }}
        />
        {draft.jobs.length > 0 && (
          <ul className={fr.cx("fr-tags-group")} aria-label="Métiers choisis">
            {draft.jobs.map((job) => (
              <li key={job.romeCode}>
                <button
                  type="button"
                  className={fr.cx("fr-tag", "fr-tag--dismiss")}
                  aria-label={`Retirer ${job.label}`}
                  onClick={() => setDraft((d) => ({ ...d, jobs: d.jobs.filter((j) => j.romeCode !== job.romeCode) }))}
                >
                  {job.label}
                </button>
              </li>
            ))}
          </ul>
        )}
        <Input
          textArea
          label="Message (facultatif)"
          hintText="Ce qui peut aider l'équipe à examiner votre demande."
          {...fieldState(errors.message)}
          nativeTextAreaProps={{
            id: ids.message,
            rows: 3,
            maxLength: 1000,
            value: draft.message,
            onChange: (event) => {
              setDraft((d) => ({ ...d, message: event.target.value }));
              clear("message");
            },
          }}
        />
        <Button type="submit" disabled={send.isPending}>
          {send.isPending ? "Envoi…" : "Envoyer ma demande"}
        </Button>
      </form>
    </PageContainer>
  );
}
