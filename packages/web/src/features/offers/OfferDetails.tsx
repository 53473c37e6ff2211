import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { type DescriptionBlock, descriptionBlocks, formatFrenchDate, type SkillKind } from "@tremplin/core";
import { intermediaryKindLabels, type OfferView, skillsNotInText } from "./offer-view.js";
import "./offers.css";

const skillTitles: Record<SkillKind, string> = {
  savoirFaire: "Savoir-faire",
  savoirEtre: "Qualités",
  savoirs: "Connaissances",
};

type Heading = "h1" | "h2";
const below: Record<Heading, "h2" | "h3"> = { h1: "h2", h2: "h3" };

const introducesList = (blocks: DescriptionBlock[], index: number) => {
  const block = blocks[index];
  return block?.kind === "paragraph" && block.text.endsWith(":") && blocks[index + 1]?.kind === "list";
};

/** The offer's text: paragraphs and "- " lists, always as plain text. */
export function OfferText({ text }: { text: string }) {
  const blocks = descriptionBlocks(text);
  return (
    <div className="app-prose">
      {blocks.map((block, index) =>
        block.kind === "paragraph" ? (
          // A line that announces the list below it (« Vos missions : ») reads as its title.
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity but their place
          <p key={index} className={introducesList(blocks, index) ? fr.cx("fr-text--bold", "fr-mb-1w") : undefined}>
            {block.text}
          </p>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: same
          <ul key={index}>
            {block.items.map((item, itemIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two items may read the same
              <li key={itemIndex}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}

function KeyFacts({ offer }: { offer: OfferView }) {
  return (
    <dl className="app-facts app-offer__facts">
      <dt>Début</dt>
      <dd>{offer.start}</dd>
      <dt>Contrat</dt>
      <dd>{offer.contracts.join(" ou ") || "Non précisé"}</dd>
      <dt>Diplôme préparé</dt>
      <dd>{offer.diploma}</dd>
      <dt>Durée</dt>
      <dd>{offer.duration}</dd>
      {offer.rhythm && (
        <>
          <dt>Rythme</dt>
          <dd>{offer.rhythm}</dd>
        </>
      )}
      <dt>Postes</dt>
      <dd>{offer.positions === 1 ? "1 poste" : `${offer.positions} postes`}</dd>
      {offer.company.place && (
        <>
          <dt>Lieu</dt>
          <dd>{offer.company.place}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * An offer as candidates see it. The public page shows it with an h1; the form's live preview
 * with an h2, inside its own section, from the very same component.
 */
export function OfferDetails({ offer, headingLevel = "h1" }: { offer: OfferView; headingLevel?: Heading }) {
  const Title = headingLevel;
  const Section = below[headingLevel];
  const skills = skillsNotInText(offer.skills, offer.description);
  const skillKindsShown = (Object.keys(skillTitles) as SkillKind[]).filter((kind) => skills[kind].length > 0);

  return (
    <article className="app-offer">
      <Title className={fr.cx("fr-mb-1w")}>{offer.title}</Title>
      <p className={fr.cx("fr-text--lead", "fr-mb-2w")}>
        {offer.company.name}
        {offer.company.place && ` · ${offer.company.place}`}
      </p>
      <ul className={fr.cx("fr-badges-group", "fr-mb-2w")}>
        {offer.company.certified && (
          <li>
            <Badge severity="success">Certifiée par l'OPCO</Badge>
          </li>
        )}
        {offer.disabilityFriendly && (
          <li>
            <Badge severity="info" noIcon>
              Poste ouvert aux personnes en situation de handicap
            </Badge>
          </li>
        )}
      </ul>
      <KeyFacts offer={offer} />

      <Section className={fr.cx("fr-h4", "fr-mt-5w")}>Le poste</Section>
      {offer.description ? <OfferText text={offer.description} /> : <p>La description apparaîtra ici.</p>}

      {offer.access && (
        <>
          <Section className={fr.cx("fr-h4", "fr-mt-4w")}>Pour y accéder</Section>
          <p className="app-prose">{offer.access}</p>
        </>
      )}

      {skillKindsShown.length > 0 && (
        <>
          <Section className={fr.cx("fr-h4", "fr-mt-4w")}>Compétences</Section>
          {skillKindsShown.map((kind) => (
            <div key={kind} className={fr.cx("fr-mb-2w")}>
              <p className={fr.cx("fr-text--bold", "fr-mb-1w")}>{skillTitles[kind]}</p>
              <ul className={fr.cx("fr-tags-group")}>
                {skills[kind].map((label) => (
                  <li key={label}>
                    <p className={fr.cx("fr-tag", "fr-tag--sm")}>{label}</p>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}

      <Section className={fr.cx("fr-h4", "fr-mt-4w")}>L'entreprise</Section>
      <p className={fr.cx("fr-mb-1w")}>
        <strong>{offer.company.name}</strong>
        {offer.company.activity && ` — ${offer.company.activity}`}
      </p>
      {offer.company.description && <OfferText text={offer.company.description} />}
      {offer.intermediary && (
        <p className={fr.cx("fr-text--sm")}>
          Offre déposée pour l'entreprise par {intermediaryKindLabels[offer.intermediary.kind]}{" "}
          {offer.intermediary.name}.
        </p>
      )}

      {(offer.publishedAt || offer.expiresAt) && (
        <p className={fr.cx("fr-text--sm", "fr-mt-4w", "fr-mb-0")}>
          {offer.publishedAt && `Publiée le ${formatFrenchDate(offer.publishedAt)}`}
          {offer.publishedAt && offer.expiresAt && " · "}
          {offer.expiresAt && `En ligne jusqu'au ${formatFrenchDate(offer.expiresAt)}`}
        </p>
      )}
    </article>
  );
}
