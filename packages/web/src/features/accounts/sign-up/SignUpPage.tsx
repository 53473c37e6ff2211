import { fr } from "@codegouvfr/react-dsfr";
import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import { useMutation } from "@tanstack/react-query";
import { type AccountType, contracts } from "@tremplin/core";
import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ApiError, callApi } from "../../../api/client.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { apiFieldErrors, type FieldErrors } from "../../../components/forms/field-errors.js";
import { PageContainer } from "../../../components/PageContainer.js";
import { usePageTitle } from "../../../layout/use-page-title.js";
import { CheckInbox } from "./CheckInbox.js";
import { CompanyStep } from "./CompanyStep.js";
import { ContactStep } from "./ContactStep.js";
import { SiretStep } from "./SiretStep.js";
import {
  type CompanyCheck,
  emptyDraft,
  type SignUpDraft,
  type SignUpStep,
  signUpBody,
  signUpErrorField,
  signUpSteps,
  stepForSignUpError,
  stepTitles,
} from "./sign-up-flow.js";

type GoOnCheck = Extract<CompanyCheck, { kind: "found" | "notDiffusible" }>;

/** After a step change, the new step's title takes the focus (a screen reader reads where one is). */
function useFocusStepTitle(step: SignUpStep) {
  const ref = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the step changing is what moves the focus
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const title = ref.current?.querySelector<HTMLElement>("h2");
    if (!title) return;
    title.tabIndex = -1;
    title.focus();
  }, [step]);
  return ref;
}

/**
 * « Je recrute »: /inscription (a company) and /inscription/cfa (a training organisation). Three
 * short screens — SIRET, establishment, contact — then « check your inbox ». Everything typed is
 * kept when going back or when the API refuses something; a refusal opens the screen that fixes it.
 */
export function SignUpPage({ type }: { type: AccountType }) {
  const title = type === "cfa" ? "Créer un compte centre de formation (CFA)" : "Créer un compte entreprise";
  usePageTitle(title);
  const [search] = useSearchParams();
  const [draft, setDraft] = useState<SignUpDraft>(() => ({ ...emptyDraft, siret: search.get("siret") ?? "" }));
  const [step, setStep] = useState<SignUpStep>("siret");
  const [check, setCheck] = useState<GoOnCheck>();
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [sentTo, setSentTo] = useState<string>();
  const stepRef = useFocusStepTitle(step);
  const change = (changes: Partial<SignUpDraft>) => setDraft((current) => ({ ...current, ...changes }));

  const signUp = useMutation({
    mutationFn: (currentCheck: GoOnCheck) =>
      callApi(contracts.accounts.signUp, { body: signUpBody(type, draft, currentCheck) }),
    onSuccess: () => setSentTo(draft.email.trim().toLowerCase()),
    onError: (error) => {
      const fields = apiFieldErrors(error);
      const code = error instanceof ApiError ? error.code : "";
      const field = signUpErrorField(code);
      if (field) fields[field] ??= error.message;
      setServerErrors(fields);
      setStep(stepForSignUpError(code, Object.keys(fields)));
    },
  });

  if (sentTo) return <CheckInbox email={sentTo} />;

  const stepNumber = signUpSteps.indexOf(step) + 1;
  const nextStep = signUpSteps[stepNumber];
  // A refusal that is not about one field (an account already exists…) is said above the last step.
  const generalError = signUp.isError && Object.keys(serverErrors).length === 0 ? signUp.error : undefined;

  return (
    <PageContainer narrow>
      <h1>{title}</h1>
      <p className={fr.cx("fr-text--sm")}>
        Gratuit, en trois étapes.{" "}
        {type === "company" ? "Vous formez des apprentis ? " : "Vous recrutez pour votre entreprise ? "}
        <Link to={type === "company" ? "/inscription/cfa" : "/inscription"}>
          {type === "company" ? "Créez plutôt un compte CFA" : "Créez plutôt un compte entreprise"}
        </Link>
        . Déjà inscrit ? <Link to="/connexion">Connectez-vous</Link>.
      </p>
      <div ref={stepRef}>
        <Stepper
          currentStep={stepNumber}
          stepCount={signUpSteps.length}
          title={stepTitles[step]}
          nextTitle={nextStep ? stepTitles[nextStep] : undefined}
        />
      </div>
      {step === "siret" && (
        <SiretStep
          key={serverErrors.siret ?? "siret"}
          type={type}
          siret={draft.siret}
          onSiretChange={(siret) => change({ siret })}
          serverError={serverErrors.siret}
          onChecked={(found) => {
            if (found.kind !== "found" && found.kind !== "notDiffusible") return;
            setCheck(found);
            setServerErrors({});
            setStep("company");
          }}
        />
      )}
      {step === "company" && check && (
        <CompanyStep
          check={check}
          draft={draft}
          onDraftChange={change}
          serverErrors={serverErrors}
          onBack={() => setStep("siret")}
          onConfirm={() => setStep("contact")}
        />
      )}
      {step === "contact" && check && (
        <>
          {generalError !== undefined && <ApiErrorAlert error={generalError} className={fr.cx("fr-mb-3w")} />}
          <ContactStep
            draft={draft}
            onDraftChange={change}
            serverErrors={serverErrors}
            submitting={signUp.isPending}
            onBack={() => setStep("company")}
            onSubmit={() => {
              setServerErrors({});
              signUp.mutate(check);
            }}
          />
        </>
      )}
    </PageContainer>
  );
}
