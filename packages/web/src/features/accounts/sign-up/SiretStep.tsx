import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { type AccountType, contracts, errorCatalog, signUpSchema, siretHelp } from "@tremplin/core";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { callApi } from "../../../api/client.js";
import { fieldState, validateWith } from "../../../components/forms/field-errors.js";
import { DemoSirets } from "./DemoSirets.js";
import { type CompanyCheck, checkCompany, companyDisplayName } from "./sign-up-flow.js";

const siretOnly = signUpSchema.pick({ siret: true });
export const siretFieldId = "inscription-siret";

interface SiretStepProps {
  type: AccountType;
  siret: string;
  onSiretChange: (siret: string) => void;
  /** A SIRET that can go on (found, or not diffusible). */
  onChecked: (check: CompanyCheck) => void;
  /** A refusal that came back from the final submission (closed meanwhile…). */
  serverError?: string;
}

function WrongTypeAlert({ check, siret }: { check: Extract<CompanyCheck, { kind: "wrongType" }>; siret: string }) {
  const toCfa = check.expected === "cfa";
  const target = `${toCfa ? "/inscription/cfa" : "/inscription"}?siret=${encodeURIComponent(siret)}`;
  return (
    <Alert
      severity="warning"
      className={fr.cx("fr-mb-3w")}
      title={`${companyDisplayName(check.company)} : ${toCfa ? "un organisme de formation" : "pas un organisme de formation"}`}
      description={
        <>
          {toCfa
            ? errorCatalog.SIRET_IS_TRAINING_ORGANISATION.message
            : errorCatalog.SIRET_NOT_TRAINING_ORGANISATION.message}
          <br />
          <Link to={target}>
            {toCfa ? "Créer un compte CFA avec ce SIRET" : "Créer un compte entreprise avec ce SIRET"}
          </Link>
        </>
      }
    />
  );
}

/** Step 1: the SIRET, checked with core's rule, then looked up in the directory. */
export function SiretStep({ type, siret, onSiretChange, onChecked, serverError }: SiretStepProps) {
  const [error, setError] = useState<string | undefined>(serverError);
  const [wrongType, setWrongType] = useState<Extract<CompanyCheck, { kind: "wrongType" }>>();
  const lookUp = useMutation({
    mutationFn: (compact: string) => callApi(contracts.companies.getCompany, { params: { siret: compact } }),
  });

  function check(value: string) {
    setWrongType(undefined);
    const result = validateWith(siretOnly, { siret: value });
    if (!result.ok) {
      setError(result.errors.siret);
      document.getElementById(siretFieldId)?.focus();
      return;
    }
    setError(undefined);
    lookUp.mutate(result.data.siret, {
      onSettled: (company, failure) => {
        const outcome = checkCompany(type, company ? { company } : { error: failure });
        if (outcome.kind === "refused") {
          setError(outcome.message);
          document.getElementById(siretFieldId)?.focus();
        } else if (outcome.kind === "wrongType") setWrongType(outcome);
        else onChecked(outcome);
      },
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    check(siret);
  }

  return (
    <form onSubmit={submit} noValidate>
      {wrongType && <WrongTypeAlert check={wrongType} siret={siret} />}
      <Input
        label={type === "cfa" ? "Numéro SIRET de votre organisme de formation" : "Numéro SIRET de votre établissement"}
        hintText={`${siretHelp} Les espaces sont acceptés.`}
        {...fieldState(error)}
        nativeInputProps={{
          id: siretFieldId,
          value: siret,
          inputMode: "numeric",
          autoComplete: "off",
          spellCheck: false,
          onChange: (event) => {
            onSiretChange(event.target.value);
            setWrongType(undefined);
            setError(undefined);
          },
          "aria-invalid": error ? true : undefined,
        }}
      />
      <Button type="submit" disabled={lookUp.isPending} iconId="fr-icon-search-line">
        {lookUp.isPending ? "Recherche de l'établissement…" : "Rechercher mon établissement"}
      </Button>
      <DemoSirets
        onPick={(demo) => {
          onSiretChange(demo.siret);
          check(demo.siret);
        }}
      />
    </form>
  );
}
