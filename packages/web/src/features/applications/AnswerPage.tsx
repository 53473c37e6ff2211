import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation, useQuery } from "@tanstack/react-query";
import {
  type AnswerLinkPreview,
  APPLICATION_LIMITS,
  applicationStatusLabels,
  contracts,
  formatFrenchDate,
  type RefusalReason,
} from "@tremplin/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { callApi } from "../../api/client.js";
import { errorMessage } from "../../components/ApiErrorAlert.js";
import { ErrorSummary } from "../../components/forms/ErrorSummary.js";
import { apiFieldErrors, fieldState } from "../../components/forms/field-errors.js";
import { useFieldErrors } from "../../components/forms/use-field-errors.js";
import { Loading } from "../../components/Loading.js";
import { PageContainer } from "../../components/PageContainer.js";
import { usePageTitle } from "../../layout/use-page-title.js";
import {
  type AnswerDraft,
  applicationSummary,
  checkAnswer,
  decisionButtons,
  decisionLeads,
  decisionTitles,
} from "./answer-link.js";
import { RefusalReasonSelect } from "./RefusalReasonSelect.js";

const tokenSchema = contracts.applications.answerByLink.body.shape.token;
const ids = { reason: "reponse-motif", message: "reponse-message" };
const summaryFields = {
  reason: { id: ids.reason, label: "Motif du refus" },
  message: { id: ids.message, label: "Message au candidat" },
};

function AnswerForm({ token, preview }: { token: string; preview: AnswerLinkPreview }) {
  const [draft, setDraft] = useState<AnswerDraft>({ reason: "", message: "" });
  const { errors, setErrors, clear } = useFieldErrors();
  const [submissions, setSubmissions] = useState(0);
  const outcomeHeading = useRef<HTMLHeadingElement>(null);
  const send = useMutation({
    mutationFn: (body: { reason?: RefusalReason; message?: string }) =>
      callApi(contracts.applications.answerByLink, { body: { token, ...body } }),
    onError: (error) => {
      setErrors(apiFieldErrors(error));
      setSubmissions((n) => n + 1);
    },
  });
  useEffect(() => {
    if (send.data) outcomeHeading.current?.focus();
  }, [send.data]);

  if (send.data) {
    return (
      <>
        <h2 ref={outcomeHeading} tabIndex={-1} className={fr.cx("fr-h4")}>
          {send.data.applied ? "Réponse envoyée" : "Réponse déjà donnée"}
        </h2>
        <Alert severity={send.data.applied ? "success" : "info"} small description={send.data.message} />
      </>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkAnswer(preview.decision, draft);
    setErrors(checked.ok ? {} : checked.errors);
    setSubmissions((n) => n + 1);
    if (checked.ok) send.mutate(checked.data);
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} fields={summaryFields} submissionCount={submissions} />
      {send.isError && Object.keys(apiFieldErrors(send.error)).length === 0 && (
        <Alert severity="error" small description={errorMessage(send.error)} className={fr.cx("fr-mb-3w")} />
      )}
      <p>{decisionLeads[preview.decision]}</p>
      {preview.decision === "refused" && (
        <RefusalReasonSelect
          id={ids.reason}
          value={draft.reason}
          error={errors.reason}
          onChange={(reason) => {
            setDraft((d) => ({ ...d, reason }));
            clear("reason");
          }}
        />
      )}
      <Input
        textArea
        label="Message au candidat (facultatif)"
        hintText={
          preview.decision === "interview"
            ? "Par exemple : « Je vous appelle cette semaine pour fixer un rendez-vous. »"
            : "Quelques mots, si vous le souhaitez."
        }
        {...fieldState(errors.message)}
        nativeTextAreaProps={{
          id: ids.message,
          rows: 4,
          maxLength: APPLICATION_LIMITS.answerMessage,
          value: draft.message,
          onChange: (event) => {
            setDraft((d) => ({ ...d, message: event.target.value }));
            clear("message");
          },
        }}
      />
      <Button type="submit" disabled={send.isPending}>
        {send.isPending ? "Envoi…" : decisionButtons[preview.decision]}
      </Button>
      <p className={fr.cx("fr-text--sm", "fr-mt-3w")}>
        Une autre réponse ? Chaque lien de l'e-mail de candidature en donne une. Vous pouvez aussi répondre au candidat
        directement par e-mail.
      </p>
    </form>
  );
}

function LinkProblem({ message }: { message: string }) {
  return (
    <PageContainer narrow>
      <h1>Ce lien ne fonctionne plus</h1>
      <Alert severity="error" small description={message} />
      <p className={fr.cx("fr-mt-3w")}>
        Besoin d'aide ? <Link to="/contact">Contactez l'équipe Tremplin</Link>.
      </p>
    </PageContainer>
  );
}

/**
 * /candidatures/reponse?jeton=…: the links of the application email. Opening the page only reads
 * the application (preview, which changes nothing, so that mail scanners following links answer
 * nothing); the answer is sent by the recruiter's button, with an optional message.
 */
export function AnswerPage() {
  const [search] = useSearchParams();
  const token = search.get("jeton") ?? "";
  const tokenOk = tokenSchema.safeParse(token).success;
  const preview = useQuery({
    queryKey: ["answer-link", token],
    queryFn: ({ signal }) => callApi(contracts.applications.previewAnswerLink, { body: { token }, signal }),
    enabled: tokenOk,
    retry: false,
  });
  usePageTitle(preview.data ? decisionTitles[preview.data.decision] : "Répondre à une candidature");

  if (!tokenOk) {
    return (
      <LinkProblem message="Ce lien n'est pas complet. Copiez bien toute l'adresse reçue par e-mail, ou répondez au candidat directement par e-mail." />
    );
  }
  if (preview.isPending) return <Loading text="Chargement de la candidature…" />;
  if (preview.isError) return <LinkProblem message={errorMessage(preview.error)} />;

  const { data } = preview;
  return (
    <PageContainer narrow>
      <h1>{decisionTitles[data.decision]}</h1>
      <p className={fr.cx("fr-text--lead")}>{applicationSummary(data)}</p>
      {data.canAnswer ? (
        <AnswerForm token={token} preview={data} />
      ) : (
        <Alert
          severity="info"
          title="Vous avez déjà répondu"
          description={`Réponse donnée${data.answeredAt ? ` le ${formatFrenchDate(data.answeredAt)}` : ""} : « ${applicationStatusLabels[data.status]} ». Le candidat l'a reçue par e-mail.`}
        />
      )}
    </PageContainer>
  );
}
