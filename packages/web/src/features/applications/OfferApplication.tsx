import { fr } from "@codegouvfr/react-dsfr";
import { contracts, displayName, type PublicOffer, withPreposition } from "@tremplin/core";
import { type RefObject, useEffect, useRef, useState } from "react";
import { callApi } from "../../api/client.js";
import { ApplicationForm } from "./ApplicationForm.js";
import "./applications.css";

const firstFieldId = "candidature-prenom";

/**
 * On a phone the form sits under a long offer: a button stays at the bottom of the screen until the
 * form comes into view, and takes the candidate to its first field.
 */
function ApplyShortcut({ target }: { target: RefObject<HTMLElement | null> }) {
  const [formInView, setFormInView] = useState(false);
  useEffect(() => {
    const element = target.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(([entry]) => setFormInView(entry?.isIntersecting ?? false));
    observer.observe(element);
    return () => observer.disconnect();
  }, [target]);
  if (formInView) return null;
  return (
    <div className="app-apply-shortcut">
      <a
        href={`#${firstFieldId}`}
        className={fr.cx("fr-btn")}
        onClick={(event) => {
          const field = document.getElementById(firstFieldId);
          if (!field) return;
          event.preventDefault();
          field.focus({ preventScroll: true });
          field.scrollIntoView({ block: "center", behavior: "smooth" });
        }}
      >
        Postuler à cette offre
      </a>
    </div>
  );
}

// Offers whose form a candidate started during this page load: one « apply click » each (offer statistics).
const startedDuringThisLoad = new Set<string>();

/** Counts a candidate starting to apply (first focus in the form); a failed count bothers nobody. */
function recordApplyClick(offerId: string) {
  if (startedDuringThisLoad.has(offerId)) return;
  startedDuringThisLoad.add(offerId);
  callApi(contracts.stats.recordApplyClick, { params: { id: offerId } }).catch(() => undefined);
}

/**
 * « Postuler » under an offer (on /offres/:id). An offer that no longer takes applications has no
 * form: the page above already says it is over.
 */
export function OfferApplication({ offer }: { offer: PublicOffer }) {
  const section = useRef<HTMLElement>(null);
  if (offer.status !== "active") return null;
  return (
    <>
      <section
        ref={section}
        className="app-apply fr-mt-6w"
        aria-labelledby="titre-postuler"
        onFocusCapture={() => recordApplyClick(offer.id)}
      >
        <h2 id="titre-postuler" className={fr.cx("fr-h3")}>
          Postuler
        </h2>
        <ApplicationForm
          target={{ offerId: offer.id }}
          recipientName={displayName(offer.company.name)}
          intro={
            <p>
              Votre candidature est transmise par e-mail {withPreposition("à", displayName(offer.company.name))}. Votre
              adresse e-mail et votre téléphone ne sont donnés qu'à ce recruteur.
            </p>
          }
        />
      </section>
      <ApplyShortcut target={section} />
    </>
  );
}
