import { fr } from "@codegouvfr/react-dsfr";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { contracts, type OfferCloseReason, offerCloseReasonLabels, offerCloseReasons } from "@tremplin/core";
import { useEffect, useState } from "react";
import { callApi } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { fieldState } from "../../components/forms/field-errors.js";

const lifecycle = contracts.applicationLifecycle;
/** One dialog per page (the DSFR drives it by id): the inbox and the offers space each mount it once. */
export const closeOfferModal = createModal({ id: "cloturer-offre", isOpenedByDefault: false });

export interface OfferToClose {
  id: string;
  title: string;
  /** The application just marked hired, chosen in advance. */
  hiredApplicationId?: string | undefined;
}

/**
 * « Clôturer l'offre »: asks why (hired through Tremplin — and whom —, hired elsewhere, no longer
 * needed), as the barometer counts hires through Tremplin (ADR 011). The candidates offered are
 * the offer's applications still in the running.
 */
export function CloseOfferDialog({
  offer,
  onClosed,
}: {
  offer: OfferToClose | undefined;
  onClosed: (m: string) => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<OfferCloseReason>();
  const [applicationId, setApplicationId] = useState("");
  const [error, setError] = useState<{ field: "reason" | "applicationId"; message: string }>();
  useEffect(() => {
    setReason(offer?.hiredApplicationId ? "hired_tremplin" : undefined);
    setApplicationId(offer?.hiredApplicationId ?? "");
    setError(undefined);
  }, [offer]);
  const candidates = useQuery({
    queryKey: ["inbox-offer-candidates", offer?.id],
    queryFn: ({ signal }) =>
      callApi(lifecycle.listReceivedApplications, { query: { offerId: offer?.id, limit: 100 }, signal }),
    enabled: offer !== undefined && reason === "hired_tremplin",
  });
  const close = useMutation({
    mutationFn: () =>
      callApi(lifecycle.closeOfferWithReason, {
        params: { id: offer?.id ?? "" },
        body: { reason: reason as OfferCloseReason, ...(reason === "hired_tremplin" ? { applicationId } : {}) },
      }),
    onSuccess: () => {
      closeOfferModal.close();
      onClosed(`L'offre « ${offer?.title} » est clôturée : elle n'est plus visible des candidats.`);
      void queryClient.invalidateQueries({ queryKey: ["my-offers"] });
      void queryClient.invalidateQueries({ queryKey: ["inbox"] });
    },
  });

  function submit() {
    if (!reason) return setError({ field: "reason", message: "Dites pourquoi vous clôturez l'offre." });
    if (reason === "hired_tremplin" && !applicationId)
      return setError({ field: "applicationId", message: "Choisissez la personne recrutée." });
    setError(undefined);
    close.mutate();
  }

  const running = candidates.data?.items.filter((a) => a.status !== "refused" && a.status !== "withdrawn") ?? [];
  return (
    <closeOfferModal.Component
      title="Clôturer l'offre"
      buttons={[
        { children: "Ne rien changer", priority: "secondary" },
        { children: "Clôturer l'offre", doClosesModal: false, disabled: close.isPending, onClick: submit },
      ]}
    >
      {offer && <p>« {offer.title} » ne sera plus visible des candidats. Pourquoi la clôturez-vous ?</p>}
      {close.error && <ApiErrorAlert error={close.error} className={fr.cx("fr-mb-2w")} />}
      <RadioButtons
        legend="Raison de la clôture"
        {...fieldState(error?.field === "reason" ? error.message : undefined)}
        options={offerCloseReasons.map((r) => ({
          label: offerCloseReasonLabels[r],
          nativeInputProps: {
            name: "raison-cloture",
            value: r,
            checked: reason === r,
            onChange: () => {
              setReason(r);
              setError(undefined);
            },
          },
        }))}
      />
      {reason === "hired_tremplin" && (
        <Select
          label="Personne recrutée"
          {...fieldState(error?.field === "applicationId" ? error.message : undefined)}
          nativeSelectProps={{ value: applicationId, onChange: (e) => setApplicationId(e.target.value) }}
        >
          <option value="" disabled>
            {candidates.isPending ? "Chargement des candidatures…" : "Choisissez parmi les candidatures"}
          </option>
          {running.map((a) => (
            <option key={a.id} value={a.id}>
              {`${a.candidate.firstName} ${a.candidate.lastName}`.trim()} ({a.statusLabel.toLowerCase()})
            </option>
          ))}
        </Select>
      )}
    </closeOfferModal.Component>
  );
}
