import { z } from "zod";
import { applicationErrors } from "./errors-applications.js";

/**
 * Every error the API can return, with its HTTP status and the French message a person reads.
 * Codes are stable: partners and the web app branch on them, never on messages.
 * Feature issues add their codes here so that the catalogue stays the single list.
 */
export const errorCatalog = {
  VALIDATION_ERROR: { status: 400, message: "Certaines informations envoyées sont invalides." },
  QUERY_TOO_SHORT: { status: 400, message: "Saisissez au moins 2 caractères." },
  MALFORMED_REQUEST: { status: 400, message: "La requête est mal formée." },
  UNAUTHENTICATED: { status: 401, message: "Vous devez être connecté pour accéder à cette page." },
  FORBIDDEN: { status: 403, message: "Vous n'avez pas les droits pour effectuer cette action." },
  NOT_FOUND: { status: 404, message: "La ressource demandée est introuvable." },
  ROUTE_NOT_FOUND: { status: 404, message: "Cette adresse de l'API n'existe pas." },
  ROME_UNKNOWN: { status: 404, message: "Ce code ROME n'existe pas dans le référentiel." },
  NAF_UNKNOWN: { status: 404, message: "Ce code NAF n'existe pas dans la nomenclature." },
  COMMUNE_NOT_FOUND: { status: 404, message: "Aucune commune à moins de 30 km de cette position." },
  METHOD_NOT_ALLOWED: { status: 405, message: "Cette méthode n'est pas acceptée pour cette adresse." },
  PAYLOAD_TOO_LARGE: { status: 413, message: "Le contenu envoyé est trop volumineux." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Ce type de contenu n'est pas accepté." },
  RATE_LIMITED: {
    status: 429,
    message: "Trop de demandes en peu de temps. Merci de patienter un instant avant de réessayer.",
  },
  SIRET_IS_TRAINING_ORGANISATION: {
    status: 422,
    message:
      "Ce SIRET est celui d'un organisme de formation. Pour publier des offres pour vos entreprises partenaires, créez plutôt un compte CFA.",
  },
  SIRET_NOT_TRAINING_ORGANISATION: {
    status: 422,
    message:
      "Ce SIRET n'est pas celui d'un organisme de formation (code NAF 85.xx). Si vous recrutez pour votre entreprise, créez un compte entreprise.",
  },
  COMPANY_NAME_REQUIRED: {
    status: 400,
    message:
      "Cet établissement n'est pas diffusible : indiquez le nom de l'entreprise, il ne peut pas être affiché automatiquement.",
  },
  OPCO_UNKNOWN: { status: 400, message: "Cet OPCO n'existe pas. Choisissez l'un des 11 OPCO, ou « je ne sais pas »." },
  ACCOUNT_ALREADY_EXISTS: {
    status: 409,
    message:
      "Un compte existe déjà pour cette adresse e-mail et cet établissement. Connectez-vous avec votre adresse : un lien de connexion vous sera envoyé.",
  },
  EMAIL_ROLE_CONFLICT: {
    status: 409,
    message: "Cette adresse e-mail est déjà utilisée pour un autre type de compte. Utilisez une autre adresse.",
  },
  MAGIC_LINK_INVALID: {
    status: 400,
    message:
      "Ce lien de connexion n'est plus valable : il a déjà servi ou a expiré (15 minutes). Demandez-en un nouveau.",
  },
  ACCOUNT_NOT_FOUND: { status: 404, message: "Ce compte est introuvable." },
  ACCOUNT_TRANSITION_INVALID: { status: 409, message: "Cette action n'est pas possible dans l'état actuel du compte." },
  ORGANISATION_NOT_VERIFIED: {
    status: 403,
    message:
      "Votre lien avec cet établissement n'est pas encore vérifié : cette action est réservée à ses membres vérifiés. Pour être vérifié, inscrivez-vous avec l'adresse e-mail professionnelle connue de votre OPCO ou du catalogue des formations, demandez à un membre déjà vérifié de l'établissement d'accepter votre demande, ou attendez la certification de votre compte par votre OPCO (espace « Mon organisation »).",
  },
  MEMBERSHIP_NOT_FOUND: { status: 404, message: "Cette demande d'accès est introuvable." },
  MEMBERSHIP_ALREADY_DECIDED: {
    status: 409,
    message: "Cette demande d'accès a déjà été traitée par un autre membre ou par votre OPCO.",
  },
  MEMBERSHIP_LINK_INVALID: {
    status: 400,
    message: "Ce lien n'est pas valide ou a expiré. Connectez-vous à votre espace pour traiter la demande d'accès.",
  },
  MEMBERSHIP_INVITATION_NOT_FOUND: {
    status: 404,
    message: "Cette invitation est introuvable : elle a peut-être déjà été utilisée, annulée ou a expiré.",
  },
  MEMBERSHIP_ALREADY_MEMBER: {
    status: 409,
    message: "Cette personne est déjà membre vérifié de l'établissement : elle n'a pas besoin d'invitation.",
  },
  MEMBERSHIP_LAST_ADMINISTRATOR: {
    status: 409,
    message: "Vous êtes le seul membre vérifié de l'établissement : il ne peut pas rester sans administrateur.",
  },
  INTERMEDIARY_LINK_INVALID: {
    status: 400,
    message: "Ce lien n'est pas valide ou a expiré. Écrivez-nous depuis la page « Contact » pour signaler l'offre.",
  },
  INTERMEDIARY_REPORT_NOT_FOUND: { status: 404, message: "Ce signalement est introuvable." },
  INTERMEDIARY_REPORT_ALREADY_DECIDED: {
    status: 409,
    message: "Ce signalement a déjà été traité par un autre membre de l'équipe : rechargez la file pour voir son état.",
  },
  CSRF_REJECTED: { status: 403, message: "Requête refusée : elle ne provient pas du site Tremplin." },
  CSRF_ORIGIN_REQUIRED: {
    status: 403,
    message:
      "Requête refusée : votre navigateur n'a pas indiqué qu'elle venait du site Tremplin. Rechargez la page et réessayez, ou utilisez un navigateur à jour.",
  },
  APPELLATION_UNKNOWN: {
    status: 422,
    message: "Ce métier n'existe pas dans le référentiel ROME : choisissez-le dans la liste proposée.",
  },
  SKILL_NOT_IN_ROME: {
    status: 422,
    message:
      "Certaines compétences choisies n'appartiennent pas à la fiche ROME de ce métier. Choisissez-les dans la liste proposée.",
  },
  START_DATE_OUT_OF_RANGE: {
    status: 422,
    message: "La date de début doit être comprise entre aujourd'hui et dans deux ans.",
  },
  FREE_TEXT_CONTACT_FORBIDDEN: {
    status: 422,
    message:
      "Les textes de l'offre ne doivent contenir ni adresse e-mail, ni site web, ni numéro de téléphone : les candidatures passent par Tremplin, qui vous les transmet.",
  },
  SIRET_REQUIRED: {
    status: 422,
    message: "Indiquez le SIRET de l'établissement où se déroulera le contrat.",
  },
  COMPANY_CONTACT_REQUIRED: {
    status: 422,
    message:
      "Indiquez le contact de l'entreprise (prénom, nom, e-mail, téléphone) : il sera prévenu de la publication.",
  },
  NOT_YOUR_COMPANY: {
    status: 403,
    message:
      "Vous ne gérez pas cet établissement sur Tremplin. Ajoutez-le à votre compte depuis la page d'inscription.",
  },
  OFFER_NOT_FOUND: { status: 404, message: "Cette offre est introuvable." },
  OFFER_NO_LONGER_AVAILABLE: {
    status: 410,
    message: "Cette offre n'est plus disponible : elle a été pourvue, annulée ou a expiré.",
  },
  OFFER_ACTION_INVALID: { status: 409, message: "Cette action n'est pas possible sur l'offre dans son état actuel." },
  CFA_NOT_SUGGESTED: {
    status: 422,
    message:
      "Certains organismes choisis ne font pas partie des CFA proposés pour cette offre (trop loin, non certifiés ou qui ne reçoivent plus de demandes). Choisissez-les dans la liste proposée.",
  },
  CFA_REQUESTS_OFFER_CLOSED: {
    status: 409,
    message:
      "Cette offre est pourvue, annulée ou expirée : remettez-la en ligne pour faire connaître votre besoin aux CFA.",
  },
  CFA_LINK_INVALID: {
    status: 400,
    message:
      "Ce lien n'est pas valable ou a expiré. Si votre CFA a un compte Tremplin, retrouvez les demandes des entreprises dans votre espace.",
  },
  CFA_REQUEST_NOT_FOUND: { status: 404, message: "Cette demande d'entreprise est introuvable." },
  CFA_REQUEST_CLOSED: {
    status: 410,
    message: "Cette offre n'est plus d'actualité (pourvue ou annulée) : l'entreprise ne cherche plus de candidat.",
  },
  CFA_ORGANISATION_NOT_YOURS: {
    status: 404,
    message:
      "Cet organisme n'est rattaché à aucun de vos comptes CFA confirmés. Ajoutez-le depuis la page d'inscription, ou confirmez votre adresse e-mail.",
  },
  CFA_NOT_IN_CATALOGUE: {
    status: 404,
    message:
      "Cet organisme ne figure pas dans le catalogue des formations en apprentissage : les entreprises ne peuvent pas encore le solliciter. Ses formations y apparaîtront après leur déclaration au Carif-Oref de sa région.",
  },
  ACTION_LINK_INVALID: {
    status: 400,
    message: "Ce lien n'est pas valable ou a expiré. Connectez-vous à votre espace pour gérer vos offres.",
  },
  API_KEY_INVALID: {
    status: 401,
    message: "Clé d'API invalide ou révoquée. Envoyez-la dans l'en-tête « Authorization: Bearer <clé> ».",
  },
  COORDINATES_OUTSIDE_FRANCE: {
    status: 400,
    message: "Ces coordonnées ne sont pas en France (métropole ou outre-mer). Vérifiez latitude et longitude.",
  },
  CURSOR_INVALID: {
    status: 400,
    message: "Ce curseur de pagination n'est pas valable : reprenez depuis la première page.",
  },
  WEBHOOK_URL_INVALID: { status: 400, message: "L'adresse du webhook doit être une URL https publique." },
  WEBHOOK_NOT_FOUND: { status: 404, message: "Ce webhook est introuvable." },
  WEBHOOK_LIMIT_REACHED: {
    status: 409,
    message: "Cette clé d'API a déjà 10 webhooks actifs : supprimez-en un avant d'en créer un autre.",
  },
  INTERNAL_ERROR: {
    status: 500,
    message: "Une erreur inattendue est survenue. L'équipe a été prévenue ; merci de réessayer plus tard.",
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    message: "Le service est momentanément indisponible. Merci de réessayer dans quelques instants.",
  },
  SIRET_INVALID: {
    status: 400,
    message:
      "Ce numéro SIRET n'est pas valide. Il compte 14 chiffres (les 9 du SIREN puis 5 pour l'établissement) : vous le trouverez sur l'avis de situation Sirene, un bulletin de paie, une facture ou sur annuaire-entreprises.data.gouv.fr.",
  },
  SIRET_UNKNOWN: {
    status: 404,
    message:
      "Aucun établissement ne porte ce numéro SIRET dans le répertoire Sirene. Vérifiez le numéro, ou s'il s'agit d'un établissement créé très récemment, réessayez dans quelques jours.",
  },
  SIRET_CLOSED: {
    status: 422,
    message:
      "Cet établissement est fermé selon le répertoire Sirene. Indiquez le SIRET de l'établissement en activité où se déroulera le contrat.",
  },
  SIRET_NOT_DIFFUSIBLE: {
    status: 422,
    message:
      "Les informations de cet établissement ne sont pas diffusables (son responsable s'y est opposé auprès de l'INSEE) : nous ne pouvons pas les afficher. Vous pouvez tout de même créer votre compte en saisissant le nom de l'entreprise.",
  },
  ALGO_COMPANY_NOT_EXPOSED: {
    status: 404,
    message:
      "Cette entreprise ne figure pas actuellement parmi les entreprises susceptibles de recruter en alternance. Si elle recrute, elle peut demander à y figurer depuis la page « Référencer mon entreprise ».",
  },
  ALGO_ALREADY_DELISTED: {
    status: 409,
    message:
      "Cette entreprise est déjà retirée de la liste des entreprises susceptibles de recruter : elle n'y apparaîtra plus, y compris après les prochains calculs.",
  },
  ALGO_DELISTING_LINK_INVALID: {
    status: 400,
    message:
      "Ce lien de confirmation n'est pas valable ou a expiré (il sert 7 jours). Refaites la demande depuis la page « Déréférencer mon entreprise » : un nouveau lien vous sera envoyé.",
  },
  ALGO_JOB_UNKNOWN: {
    status: 422,
    message: "Un des métiers choisis n'existe pas dans le référentiel ROME : choisissez-les dans la liste proposée.",
  },
  ALGO_TRAINING_ORGANISATION: {
    status: 422,
    message:
      "Les organismes de formation ne figurent pas parmi les entreprises qui recrutent en alternance : les candidats les trouvent dans la recherche de formations.",
  },
  ALGO_REQUEST_NOT_FOUND: { status: 404, message: "Cette demande est introuvable." },
  ALGO_REQUEST_ALREADY_DECIDED: {
    status: 409,
    message: "Cette demande a déjà été traitée : rechargez la file pour voir son état.",
  },
  ALGO_RUN_NOT_FOUND: { status: 404, message: "Ce calcul de l'algorithme est introuvable." },
  ALGO_RUN_NOT_PUBLISHABLE: {
    status: 409,
    message:
      "Ce calcul ne peut pas être publié : seul un calcul de scores terminé avec succès, dont les résultats sont encore conservés, peut l'être.",
  },
  ALGO_RUN_ALREADY_ACTIVE: { status: 409, message: "Ce calcul est déjà celui que voient les candidats." },
  ALGO_NOTHING_TO_ROLLBACK: {
    status: 409,
    message: "Aucune publication précédente n'est conservée : il n'y a rien à rétablir.",
  },
  ALGO_REPORT_UNAVAILABLE: {
    status: 404,
    message: "Ce calcul n'a pas de rapport d'évaluation : seuls les calculs lancés par algo:evaluate en produisent.",
  },
  // Applying and the hire loop: errors-applications.ts.
  ...applicationErrors,
  API_KEY_REQUEST_NOT_FOUND: { status: 404, message: "Cette demande de clé d'API est introuvable." },
  API_KEY_REQUEST_ALREADY_DECIDED: {
    status: 409,
    message: "Cette demande de clé d'API a déjà été traitée : rechargez la liste pour voir son état.",
  },
  REPORT_NOT_FOUND: { status: 404, message: "Ce signalement est introuvable." },
  REPORT_ALREADY_DECIDED: {
    status: 409,
    message: "Ce signalement a déjà été traité : rechargez la file pour voir son état.",
  },
  ALERT_NOT_FOUND: { status: 404, message: "Cette alerte est introuvable : elle a peut-être déjà été supprimée." },
  ALERT_LINK_INVALID: {
    status: 400,
    message:
      "Ce lien n'est pas valable ou a expiré (un lien de confirmation sert 7 jours). Créez l'alerte à nouveau depuis la recherche.",
  },
  ALERT_PENDING_LIMIT: {
    status: 429,
    message:
      "Plusieurs alertes attendent déjà d'être confirmées pour cette adresse : ouvrez les e-mails de confirmation reçus, ou réessayez demain.",
  },
  ALERT_LIMIT_REACHED: {
    status: 409,
    message: "Cette adresse a déjà 20 alertes : supprimez-en une depuis votre espace avant d'en créer une autre.",
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export const errorCodeSchema = z.enum(Object.keys(errorCatalog) as [ErrorCode, ...ErrorCode[]]);

/** The one error shape of the API. */
export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Code stable, à utiliser dans les intégrations" }),
      message: z.string().meta({ description: "Message en français, lisible par une personne" }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** A field-level problem, as returned in `details` of a VALIDATION_ERROR. */
export interface FieldIssue {
  path: string;
  message: string;
}
