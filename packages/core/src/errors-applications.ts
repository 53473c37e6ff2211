/**
 * The errors of applying and of the hire loop (CV checks, limits, answers, candidates' own space):
 * part of core's one catalogue (errors.ts spreads them in at their place), kept apart for its size.
 */
export const applicationErrors = {
  CV_REQUIRED: {
    status: 422,
    message: "Joignez votre CV (PDF ou Word .docx) : il est obligatoire pour une candidature spontanée.",
  },
  CV_TOO_LARGE: {
    status: 413,
    message:
      "Votre CV dépasse 3 Mo. Enregistrez-le en PDF (souvent bien plus léger) ou réduisez la taille des images, puis réessayez.",
  },
  CV_TYPE_NOT_ALLOWED: {
    status: 422,
    message:
      "Votre CV doit être un fichier PDF (.pdf) ou Word (.docx). Les autres formats (images, .doc, .odt…) ne sont pas acceptés : enregistrez-le en PDF depuis votre logiciel.",
  },
  CV_CONTENT_MISMATCH: {
    status: 422,
    message:
      "Le contenu de ce fichier ne correspond pas à un document PDF ou Word, comme l'indique son nom : il a peut-être été renommé ou est endommagé. Ouvrez-le et enregistrez-le à nouveau en PDF, puis réessayez.",
  },
  CV_ARCHIVE_SUSPICIOUS: {
    status: 422,
    message:
      "Ce document Word est anormalement compressé (il occuperait bien plus de place une fois ouvert) : il est refusé pour la sécurité des recruteurs. Enregistrez à nouveau votre CV depuis votre traitement de texte, ou en PDF.",
  },
  CV_MACROS_NOT_ALLOWED: {
    status: 422,
    message:
      "Ce document Word contient des macros, refusées pour la sécurité des recruteurs. Enregistrez votre CV en PDF ou en .docx sans macros.",
  },
  EMAIL_DISPOSABLE: {
    status: 422,
    message:
      "Les adresses e-mail jetables ne sont pas acceptées : le recruteur doit pouvoir vous répondre. Indiquez votre adresse habituelle.",
  },
  APPLICATION_OFFER_CLOSED: {
    status: 410,
    message:
      "Cette offre ne reçoit plus de candidatures : elle a été pourvue, retirée ou a expiré. D'autres offres du même métier vous attendent sur Tremplin.",
  },
  APPLICATION_COMPANY_NOT_TARGETABLE: {
    status: 422,
    message:
      "Cette entreprise ne peut pas recevoir de candidature spontanée par Tremplin : elle n'est pas (ou plus) en activité, ou n'a pas de contact pour recevoir les candidatures.",
  },
  APPLICATION_RECIPIENT_UNREACHABLE: {
    status: 422,
    message:
      "Ce recruteur ne peut pas recevoir de candidature pour le moment : son adresse e-mail ne fonctionne plus. Votre candidature n'a pas été envoyée ; essayez une autre offre ou entreprise.",
  },
  APPLICATION_TARGET_LIMIT: {
    status: 409,
    message:
      "Vous avez déjà envoyé le nombre maximum de candidatures à cette offre ou entreprise avec cette adresse e-mail. Le recruteur les a reçues : attendez sa réponse.",
  },
  ALREADY_APPLIED: {
    status: 409,
    message:
      "Vous avez déjà postulé à cette offre avec cette adresse e-mail : le recruteur a reçu votre candidature, attendez sa réponse.",
  },
  APPLICATION_DAILY_LIMIT: {
    status: 429,
    message:
      "Vous avez atteint le nombre maximum de candidatures sur 24 heures. Vous pourrez en envoyer d'autres demain.",
  },
  APPLICATION_NOT_FOUND: { status: 404, message: "Cette candidature est introuvable." },
  APPLICATION_ANSWER_LINK_INVALID: {
    status: 400,
    message:
      "Ce lien de réponse n'est pas valable ou a expiré (il sert 90 jours). Vous pouvez répondre au candidat directement à l'adresse indiquée dans l'e-mail de candidature.",
  },
  APPLICATION_ALREADY_ANSWERED: {
    status: 409,
    message: "Vous avez déjà donné une réponse définitive à cette candidature ; le candidat l'a reçue.",
  },
  APPLICATION_STATUS_CHANGE_INVALID: {
    status: 409,
    message:
      "Ce changement d'état n'est pas possible : une candidature avance (en cours d'examen, entretien, puis recrutée ou refusée) et ne revient pas en arrière.",
  },
  APPLICATION_WITHDRAWN: {
    status: 409,
    message: "Le candidat a retiré cette candidature : elle ne peut plus changer d'état.",
  },
  APPLICATION_WITHDRAW_INVALID: {
    status: 409,
    message:
      "Cette candidature a déjà reçu une réponse définitive (ou a déjà été retirée) : elle ne peut plus être retirée.",
  },
  APPLICATION_CV_GONE: {
    status: 410,
    message:
      "Ce CV n'est plus conservé par Tremplin (il est effacé après le délai de conservation, ou le candidat n'en avait pas joint). Il reste joint à l'e-mail de candidature.",
  },
  OFFER_CLOSE_APPLICATION_INVALID: {
    status: 422,
    message: "Choisissez une candidature reçue pour cette offre : c'est la personne recrutée par Tremplin.",
  },
  CANDIDATE_ERASE_CONFIRMATION: {
    status: 422,
    message: "Pour effacer vos données, confirmez en recopiant le mot EFFACER.",
  },
} as const satisfies Record<string, { status: number; message: string }>;
