import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { contracts } from "@tremplin/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { callApi } from "../../api/client.js";
import { errorMessage } from "../../components/ApiErrorAlert.js";
import { ErrorSummary } from "../../components/forms/ErrorSummary.js";
import { apiFieldErrors, fieldState } from "../../components/forms/field-errors.js";
import { useFieldErrors } from "../../components/forms/use-field-errors.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import { checkDelisting, type DelistingDraft } from "./listing-forms.js";

const ids = { siret: "retrait-siret", email: "retrait-email", reason: "retrait-motif" };
const summaryFields = {
  siret: { id: ids.siret, label: "Numéro SIRET" },
  email: { id: ids.email, label: "Adresse e-mail" },
  reason: { id: ids.reason, label: "Raison de la demande" },
};

// Refusals about the SIRET itself (unknown, already removed) belong on its field.
const siretCodes = new Set(["SIRET_INVALID", "SIRET_UNKNOWN", "ALGO_ALREADY_DELISTED"]);

/**
 * /entreprises/dereferencement: a company asks to leave the list of companies likely to hire. The
 * answer is the same whoever asks (it never reveals which contact is known): a confirmation link
 * by email when the address is the known contact's, a review by the team otherwise.
 */
export function DelistingPage() {
  usePageTitle("Retirer mon entreprise de la liste");
  const [search] = useSearchParams();
  const [draft, setDraft] = useState<DelistingDraft>({ siret: search.get("siret") ?? "", email: "", reason: "" });
  const { errors, setErrors, clear } = useFieldErrors();
  const [submissions, setSubmissions] = useState(0);
  const done = useRef<HTMLHeadingElement>(null);
  const send = useMutation({
    mutationFn: ({ siret, body }: { siret: string; body: { email: string; reason: string } }) =>
      callApi(contracts.algoCompanies.createDelistingRequest, { params: { siret }, body }),
    onError: (error: unknown) => {
      const fields = apiFieldErrors(error);
      const code = (error as { code?: string }).code;
      if (code && siretCodes.has(code)) fields.siret ??= errorMessage(error);
      setErrors(fields);
      setSubmissions((n) => n + 1);
    },
  });
  useEffect(() => {
    if (send.data) done.current?.focus();
  }, [send.data]);

  function edit(field: keyof DelistingDraft, value: string) {
    setDraft((d) => ({ ...d, [field]: value }));
    clear(field);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkDelisting(draft);
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
        <p className={fr.cx("fr-mt-3w")}>
          Si un lien de confirmation vous a été envoyé, le retrait prend effet dès que vous cliquez dessus.
        </p>
      </PageContainer>
    );
  }

  const generalError = send.isError && Object.keys(errors).length === 0;
  return (
    <PageContainer narrow>
      <h1>Retirer mon entreprise de la liste</h1>
      <p className={fr.cx("fr-text--lead")}>
        Tremplin montre aux candidats des entreprises qui ont de bonnes chances de recruter des alternants, pour qu'ils
        leur envoient des candidatures spontanées. Votre entreprise peut en être retirée à tout moment.
      </p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} fields={summaryFields} submissionCount={submissions} />
        {generalError && <Alert severity="error" small description={errorMessage(send.error)} className="fr-mb-3w" />}
        <Input
          label="Numéro SIRET de l'établissement"
          hintText="14 chiffres, sur vos factures ou sur annuaire-entreprises.data.gouv.fr."
          {...fieldState(errors.siret)}
          nativeInputProps={{
            id: ids.siret,
            inputMode: "numeric",
            autoComplete: "off",
            value: draft.siret,
            onChange: (event) => edit("siret", event.target.value),
          }}
        />
        <Input
          label="Votre adresse e-mail professionnelle"
          hintText="Si c'est l'adresse de contact que nous connaissons pour l'entreprise, vous recevrez un lien pour confirmer. Sinon, l'équipe Tremplin examine la demande."
          {...fieldState(errors.email)}
          nativeInputProps={{
            id: ids.email,
            type: "email",
            autoComplete: "email",
            inputMode: "email",
            value: draft.email,
            onChange: (event) => edit("email", event.target.value),
          }}
        />
        <Input
          textArea
          label="Raison de la demande"
          hintText="Par exemple : nous ne recrutons pas d'alternants, nous recevons trop de candidatures."
          {...fieldState(errors.reason)}
          nativeTextAreaProps={{
            id: ids.reason,
            rows: 4,
            maxLength: 1000,
            value: draft.reason,
            onChange: (event) => edit("reason", event.target.value),
          }}
        />
        <Button type="submit" disabled={send.isPending}>
          {send.isPending ? "Envoi…" : "Demander le retrait"}
        </Button>
      </form>
      <p className={fr.cx("fr-mt-4w")}>
        Vous souhaitez au contraire apparaître dans la liste ?{" "}
        <Link to="/entreprises/referencement">Demandez le référencement de votre entreprise</Link>.
      </p>
    </PageContainer>
  );
}
