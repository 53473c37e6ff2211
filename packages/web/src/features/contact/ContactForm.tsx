import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/SelectNext";
import { useMutation } from "@tanstack/react-query";
import {
  type ContactTopic,
  type CreateContactMessage,
  contactTopicLabels,
  contactTopics,
  contracts,
  createContactMessageSchema,
} from "@tremplin/core";
import { type FormEvent, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { apiFieldErrors, type FieldErrors, fieldState, validateWith } from "../../components/forms/field-errors.js";

/**
 * The /contact form: validated with the API's own schema, sent to POST /api/v1/contact-messages.
 * `?sujet=api_key` (the « Intégrer l'API » page links so) opens it on a key request, which asks for
 * the organisation.
 */
export function ContactForm() {
  const [params] = useSearchParams();
  const initialTopic = contactTopics.find((t) => t === params.get("sujet")) ?? "";
  const [values, setValues] = useState({
    topic: initialTopic as ContactTopic | "",
    name: "",
    email: "",
    organisation: "",
    message: "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const doneRef = useRef<HTMLDivElement>(null);
  const send = useMutation({
    mutationFn: (body: CreateContactMessage) => callApi(contracts.contact.createContactMessage, { body }),
    onSuccess: () => requestAnimationFrame(() => doneRef.current?.focus()),
    onError: (error) => setErrors(apiFieldErrors(error)),
  });
  const set = (field: keyof typeof values) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _gone, ...rest }) => rest);
  };

  if (send.isSuccess) {
    return (
      <div ref={doneRef} tabIndex={-1}>
        <Alert severity="success" title="Message envoyé" description={send.data.message} />
      </div>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateWith(createContactMessageSchema, values);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = Object.keys(checked.errors)[0];
      if (first) document.getElementById(`contact-${first}`)?.focus();
      return;
    }
    send.mutate(checked.data);
  }

  const keyRequest = values.topic === "api_key";
  return (
    <form onSubmit={submit} noValidate aria-labelledby="contact-form-title">
      <h2 id="contact-form-title" className={fr.cx("fr-h5")}>
        Nous écrire
      </h2>
      <p className={fr.cx("fr-text--sm")}>Tous les champs sont obligatoires, sauf mention contraire.</p>
      {send.isError && <ApiErrorAlert error={send.error} className={fr.cx("fr-mb-3w")} />}
      <Select
        label="Sujet"
        {...fieldState(errors.topic)}
        nativeSelectProps={{
          id: "contact-topic",
          value: values.topic || undefined,
          onChange: (event) => set("topic")(event.target.value),
        }}
        placeholder="Choisissez un sujet"
        options={contactTopics.map((t) => ({ value: t, label: contactTopicLabels[t] }))}
      />
      <Input
        label="Votre nom"
        {...fieldState(errors.name)}
        nativeInputProps={{
          id: "contact-name",
          autoComplete: "name",
          value: values.name,
          onChange: (event) => set("name")(event.target.value),
        }}
      />
      <Input
        label="Votre adresse e-mail"
        hintText="Nous vous répondons à cette adresse. Format attendu : nom@domaine.fr"
        {...fieldState(errors.email)}
        nativeInputProps={{
          id: "contact-email",
          type: "email",
          autoComplete: "email",
          value: values.email,
          onChange: (event) => set("email")(event.target.value),
        }}
      />
      <Input
        label={keyRequest ? "Plateforme ou organisation" : "Organisation (facultatif)"}
        hintText={keyRequest ? "Le nom sous lequel la clé d'API sera enregistrée" : undefined}
        {...fieldState(errors.organisation)}
        nativeInputProps={{
          id: "contact-organisation",
          autoComplete: "organization",
          value: values.organisation,
          onChange: (event) => set("organisation")(event.target.value),
        }}
      />
      <Input
        label="Votre message"
        hintText={
          keyRequest
            ? "Dites-nous ce que vous ferez de l'API (diffuser les offres, publier des offres, transmettre des candidatures)."
            : "5 000 caractères au plus."
        }
        textArea
        {...fieldState(errors.message)}
        nativeTextAreaProps={{
          id: "contact-message",
          rows: 6,
          maxLength: 5000,
          value: values.message,
          onChange: (event) => set("message")(event.target.value),
        }}
      />
      <Button type="submit" disabled={send.isPending}>
        {send.isPending ? "Envoi…" : "Envoyer le message"}
      </Button>
    </form>
  );
}
