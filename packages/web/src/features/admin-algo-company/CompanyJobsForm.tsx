import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { JobAutocomplete } from "../referential/JobAutocomplete.js";
import {
  type AdminCompany,
  addPickedJob,
  emptyJobsDraft,
  type JobsDraft,
  jobSourceLabels,
  jobsChange,
  jobsSavedMessage,
  toggle,
} from "./company-edit.js";
import { useCompanyUpdate } from "./use-company.js";

const addFieldId = "ajout-metier";

/**
 * The jobs the company is exposed for: tick some to remove, pick others to add, give back to the
 * algorithm those removed earlier; one save sends it all (PATCH addRomes / removeRomes / resetRomes).
 */
export function CompanyJobsForm({ company }: { company: AdminCompany }) {
  const [draft, setDraft] = useState<JobsDraft>(emptyJobsDraft);
  const [problem, setProblem] = useState<string>();
  // A pick refused (already a job of the company, too many) is said on the field itself.
  const [pickProblem, setPickProblem] = useState<string>();
  // Remounting the autocomplete after a pick empties it for the next job.
  const [pickCount, setPickCount] = useState(0);
  const [saved, setSaved] = useState<string>();
  const update = useCompanyUpdate(company.siret);
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved || update.isError || problem) outcomeRef.current?.focus();
  }, [saved, update.isError, problem]);

  const removedByAdmin = company.overrides.filter((o) => o.action === "remove");

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(undefined);
    const change = jobsChange(draft);
    if (!change) {
      setProblem("Rien à enregistrer : cochez un métier à retirer, ou choisissez un métier à ajouter.");
      return;
    }
    setProblem(undefined);
    update.mutate(change, {
      onSuccess: () => {
        setSaved(jobsSavedMessage(draft));
        setDraft(emptyJobsDraft);
      },
    });
  }

  return (
    <section aria-labelledby="titre-metiers" className={fr.cx("fr-mb-6w")}>
      <h2 id="titre-metiers">Métiers exposés</h2>
      <form onSubmit={submit} noValidate>
        <div ref={outcomeRef} tabIndex={-1}>
          {saved && <Alert severity="success" small description={saved} className={fr.cx("fr-mb-3w")} />}
          {problem && <Alert severity="info" small description={problem} className={fr.cx("fr-mb-3w")} />}
          {update.isError && (
            <ApiErrorAlert
              error={update.error}
              title="Les métiers n'ont pas été modifiés"
              className={fr.cx("fr-mb-3w")}
            />
          )}
        </div>
        {company.jobs.length === 0 ? (
          <p>Aucun métier exposé au calcul publié.</p>
        ) : (
          <Checkbox
            legend="Cochez les métiers à retirer"
            hintText="Un métier retiré le reste aux calculs suivants, jusqu'à ce que vous le rendiez à l'algorithme."
            options={company.jobs.map((job) => ({
              label: `${job.romeLabel} (${job.romeCode}) · ${job.score} sur 100`,
              hintText: `${jobSourceLabels[job.source]} · ${job.explanation}`,
              nativeInputProps: {
                value: job.romeCode,
                checked: draft.remove.includes(job.romeCode),
                onChange: (e) => setDraft((d) => ({ ...d, remove: toggle(d.remove, job.romeCode, e.target.checked) })),
              },
            }))}
          />
        )}
        {removedByAdmin.length > 0 && (
          <Checkbox
            legend="Métiers retirés par l'administration"
            hintText="Cochez ceux à rendre à la décision de l'algorithme (ils reviennent si son score le permet)."
            options={removedByAdmin.map((job) => ({
              label: `${job.romeLabel} (${job.romeCode})`,
              nativeInputProps: {
                value: job.romeCode,
                checked: draft.reset.includes(job.romeCode),
                onChange: (e) => setDraft((d) => ({ ...d, reset: toggle(d.reset, job.romeCode, e.target.checked) })),
              },
            }))}
          />
        )}
        <JobAutocomplete
          key={pickCount}
          id={addFieldId}
          label="Ajouter un métier"
          hint="L'entreprise sera exposée pour ce métier, même si l'algorithme ne le prédit pas."
          errorMessage={pickProblem}
          onSelect={(job) => {
            if (!job) return;
            const outcome = addPickedJob(draft, { romeCode: job.romeCode, label: job.label }, company.jobs);
            if (outcome.ok) setDraft(outcome.draft);
            setPickProblem(outcome.ok ? undefined : outcome.message);
            setProblem(undefined);
            setPickCount((n) => n + 1);
            requestAnimationFrame(() => document.getElementById(addFieldId)?.focus());
          }}
        />
        {draft.add.length > 0 && (
          <div className={fr.cx("fr-mb-3w")}>
            <p className={fr.cx("fr-mb-1w")}>À ajouter à l'enregistrement :</p>
            <ul className={fr.cx("fr-tags-group")}>
              {draft.add.map((job) => (
                <li key={job.romeCode}>
                  <button
                    type="button"
                    className={fr.cx("fr-tag", "fr-tag--dismiss")}
                    aria-label={`Ne pas ajouter ${job.label}`}
                    onClick={() => setDraft((d) => ({ ...d, add: d.add.filter((j) => j.romeCode !== job.romeCode) }))}
                  >
                    {job.label}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <Button type="submit" disabled={update.isPending}>
          Enregistrer les métiers
        </Button>
      </form>
    </section>
  );
}
