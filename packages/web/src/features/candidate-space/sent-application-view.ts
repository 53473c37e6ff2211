import type { ApplicationStatus, SentApplication } from "@tremplin/core";

/** The badge colour of each status, as the candidate reads it. */
export const sentStatusSeverity: Record<ApplicationStatus, "new" | "info" | "success" | "error" | "warning"> = {
  new: "new",
  seen: "info",
  interview: "success",
  refused: "error",
  hired: "success",
  withdrawn: "warning",
};

/** « Boulanger / Boulangère · Boulangerie Démo » for an offer, « Candidature spontanée · … » otherwise. */
export function sentTitle(application: Pick<SentApplication, "target">): string {
  const { title, companyName, kind } = application.target;
  return kind === "offer" && title ? `${title} · ${companyName}` : `Candidature spontanée · ${companyName}`;
}

/** « J'ai signé un contrat » makes sense while the application is neither refused nor withdrawn, once. */
export function canDeclareContract(application: Pick<SentApplication, "status" | "contractSignedAt">): boolean {
  return (
    application.contractSignedAt === null && application.status !== "refused" && application.status !== "withdrawn"
  );
}

/** The page's lead: how many were sent and how many have an answer. */
export function sentSummary(items: readonly Pick<SentApplication, "status">[]): string {
  if (items.length === 0) return "Vous n'avez encore envoyé aucune candidature avec cette adresse.";
  const answered = items.filter((a) => a.status === "interview" || a.status === "refused" || a.status === "hired");
  const sent = items.length === 1 ? "1 candidature envoyée" : `${items.length} candidatures envoyées`;
  if (answered.length === 0) return `${sent}, pas encore de réponse.`;
  return `${sent}, dont ${answered.length === 1 ? "1 avec une réponse" : `${answered.length} avec une réponse`}.`;
}
