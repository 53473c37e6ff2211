import { fr } from "@codegouvfr/react-dsfr";
import {
  type AccountCard,
  type AccountStatus,
  accountStatuses,
  accountStatusLabels,
  formatFrenchDate,
  formatSiret,
} from "@tremplin/core";
import { formatFrenchPhone } from "../../lib/french-phone.js";
import { AccountStatusBadge } from "../accounts/AccountStatusBadge.js";

const opcoSources: Record<NonNullable<AccountCard["opcoSource"]>, string> = {
  idcc: "déduit de la convention collective",
  declared: "choisi par l'entreprise à l'inscription",
  admin: "attribué par l'administration",
};

/** The audit trail's action codes, in words. */
const actionLabels: Record<string, string> = {
  sign_up: "Inscription",
  confirm: "Adresse e-mail confirmée",
  certify: "Compte certifié",
  uncertify: "Certification annulée",
  reject: "Compte refusé",
  disable: "Compte désactivé",
  enable: "Compte réactivé",
  not_our_opco: "Signalé « pas notre OPCO », renvoyé à l'administration",
  assign_opco: "OPCO attribué",
};

const isAccountStatus = (value: string): value is AccountStatus =>
  (accountStatuses as readonly string[]).includes(value);

const dateTime = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" });

/** Everything an adviser needs to decide: the company, its contact, its OPCO, and what happened so far. */
export function AccountCardView({ card }: { card: AccountCard }) {
  const { company, contact } = card;
  return (
    <>
      <div className="app-section-head">
        <p className={fr.cx("fr-text--lead", "fr-mb-1w")}>
          {card.type === "cfa" ? "Centre de formation" : "Entreprise"} · SIRET {formatSiret(card.siret)}
        </p>
        <AccountStatusBadge status={card.status} label={card.statusLabel} />
      </div>
      {card.rejectionReason && (
        <p>
          <strong>Motif du refus :</strong> {card.rejectionReason}
        </p>
      )}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <section className={fr.cx("fr-col-12", "fr-col-md-6")} aria-labelledby="fiche-entreprise">
          <h2 id="fiche-entreprise" className={fr.cx("fr-h5")}>
            Entreprise
          </h2>
          <dl className="app-facts">
            <dt>Nom</dt>
            <dd>
              {company.name}
              {company.brand && company.brand !== company.name && ` (enseigne : ${company.brand})`}
            </dd>
            <dt>Adresse</dt>
            <dd>{company.address ?? (company.diffusible ? "Non renseignée" : "Non diffusible")}</dd>
            <dt>Activité</dt>
            <dd>{company.nafCode ? `${card.nafLabel ?? "—"} (${company.nafCode})` : "Non renseignée"}</dd>
            <dt>Convention collective</dt>
            <dd>{company.idcc ? `IDCC ${company.idcc}` : "Inconnue"}</dd>
            <dt>OPCO</dt>
            <dd>
              {card.opco
                ? `${card.opco.name}${card.opcoSource ? `, ${opcoSources[card.opcoSource]}` : ""}`
                : "Non attribué"}
            </dd>
          </dl>
        </section>
        <section className={fr.cx("fr-col-12", "fr-col-md-6")} aria-labelledby="fiche-contact">
          <h2 id="fiche-contact" className={fr.cx("fr-h5")}>
            Contact
          </h2>
          <dl className="app-facts">
            <dt>Nom</dt>
            <dd>
              {contact.firstName} {contact.lastName}
            </dd>
            <dt>E-mail</dt>
            <dd>
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </dd>
            <dt>Téléphone</dt>
            <dd>
              {contact.phone ? (
                <a href={`tel:${contact.phone}`}>{formatFrenchPhone(contact.phone)}</a>
              ) : (
                "Non renseigné"
              )}
            </dd>
            <dt>Inscription</dt>
            <dd>{formatFrenchDate(card.createdAt)}</dd>
          </dl>
        </section>
      </div>
      <section aria-labelledby="fiche-historique" className={fr.cx("fr-mt-4w")}>
        <h2 id="fiche-historique" className={fr.cx("fr-h5")}>
          Historique
        </h2>
        {card.history.length === 0 && <p>Aucun événement enregistré pour ce compte.</p>}
        <ol className="app-history">
          {[...card.history].reverse().map((event) => (
            <li key={`${event.at}-${event.action}`}>
              <p className={fr.cx("fr-text--sm", "fr-mb-0")}>
                <strong>{dateTime.format(new Date(event.at))}</strong> · {event.actor}
              </p>
              <p className={fr.cx("fr-mb-0")}>
                {actionLabels[event.action] ?? event.action}
                {event.toStatus && event.toStatus !== event.fromStatus && isAccountStatus(event.toStatus)
                  ? ` (${accountStatusLabels[event.toStatus]})`
                  : ""}
                {event.reason && ` : « ${event.reason} »`}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
