import {
  type ContractType,
  type CreateOfferInput,
  type contracts,
  generateOfferDescription,
  OFFER_DEFAULTS,
  type OwnerOffer,
  type RomeFiche,
  type RouteInput,
  resolveSkills,
  type SelectedSkills,
  type SkillKind,
  skillKinds,
} from "@tremplin/core";

export type UpdateOfferBody = RouteInput<typeof contracts.offers.updateOffer>["body"];

/** The job chosen in the autocomplete (an appellation of the ROME). */
export interface JobChoice {
  codeOgr: string;
  label: string;
  romeCode: string;
}

export interface CompanyContactValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}

/** What the offer form holds: text as typed, so that nothing is lost or reformatted while typing. */
export interface OfferFormValues {
  siret: string;
  job: JobChoice | null;
  startDate: string;
  startAsap: boolean;
  contractTypes: ContractType[];
  /** "" : indifférent; otherwise "3" … "7". */
  diplomaLevel: string;
  durationMonths: string;
  positions: string;
  rhythm: string;
  /** "" : the job's name. */
  title: string;
  /** null until the ROME fiche is loaded (the API then picks the same default skills). */
  skills: SelectedSkills | null;
  /** "" : the text generated from the fiche and the skills. */
  description: string;
  disabilityFriendly: boolean;
  companyDescription: string;
  contact: CompanyContactValues;
}

/**
 * The values « Plus d'options » starts from. They are sent as shown, so the preview never depends
 * on a default the server would choose on its own (the same as the API's today: 24 months,
 * apprenticeship, one position).
 */
export const initialOfferValues: OfferFormValues = {
  siret: "",
  job: null,
  startDate: "",
  startAsap: false,
  // The defaults the server applies to an empty field, shown in the form as they will be published.
  contractTypes: [...OFFER_DEFAULTS.contractTypes],
  diplomaLevel: OFFER_DEFAULTS.diplomaLevel ?? "",
  durationMonths: String(OFFER_DEFAULTS.durationMonths),
  positions: String(OFFER_DEFAULTS.positions),
  rhythm: "",
  title: "",
  skills: null,
  description: "",
  disabilityFriendly: OFFER_DEFAULTS.disabilityFriendly,
  companyDescription: "",
  contact: { firstName: "", lastName: "", email: "", phone: "" },
};

/** A number typed in a field: "" is « not given », anything else is left to the schema to judge. */
function typedInteger(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === "" ? undefined : Number(trimmed);
}

/** Who posts decides what the form asks: the establishment (several of them), the company and its contact (intermediaries). */
export interface PosterNeeds {
  siret: boolean;
  companyContact: boolean;
}

/** The body of POST /offers, to be checked with core's createOfferSchema before it is sent. */
export function toCreateOfferInput(values: OfferFormValues, needs: PosterNeeds): CreateOfferInput {
  return {
    appellationCode: values.job?.codeOgr ?? "",
    ...(values.startAsap ? { startAsap: true } : values.startDate ? { startDate: values.startDate } : {}),
    contractTypes: values.contractTypes,
    diplomaLevel: values.diplomaLevel === "" ? null : Number(values.diplomaLevel),
    durationMonths: typedInteger(values.durationMonths),
    positions: typedInteger(values.positions),
    rhythm: values.rhythm.trim() || null,
    ...(values.title.trim() ? { title: values.title } : {}),
    ...(values.skills ? { skills: values.skills } : {}),
    ...(values.description.trim() ? { description: values.description } : {}),
    disabilityFriendly: values.disabilityFriendly,
    companyDescription: values.companyDescription.trim() || null,
    ...(needs.siret ? { siret: values.siret } : {}),
    ...(needs.companyContact ? { companyContact: values.contact } : {}),
  };
}

/** The text candidates will read: the recruiter's own, or the one generated from the fiche. */
export function effectiveDescription(
  values: Pick<OfferFormValues, "description" | "skills">,
  fiche: RomeFiche | undefined,
): string {
  if (values.description.trim()) return values.description.trim();
  if (!fiche || !values.skills) return "";
  return generateOfferDescription(fiche, values.skills);
}

/** The skills of an offer as codes by kind (what the form ticks). */
export function selectedSkillsOf(offer: Pick<OwnerOffer, "skills">): SelectedSkills {
  const selected: SelectedSkills = { savoirFaire: [], savoirEtre: [], savoirs: [] };
  for (const skill of offer.skills) selected[skill.kind].push(skill.code);
  return selected;
}

/** Skills of the fiche that are ticked, by kind, as labels (for the preview). */
export function selectedSkillLabels(fiche: RomeFiche, selected: SelectedSkills): Record<SkillKind, string[]> {
  const { resolved } = resolveSkills(fiche, selected);
  return Object.fromEntries(skillKinds.map((kind) => [kind, resolved[kind].map((s) => s.label)])) as Record<
    SkillKind,
    string[]
  >;
}

/**
 * The form filled with an existing offer. The title and the text count as « not customised » when
 * they are what the job and the fiche give, so that they keep following the job and the skills.
 */
export function valuesFromOffer(offer: OwnerOffer, fiche: RomeFiche): OfferFormValues {
  const skills = selectedSkillsOf(offer);
  return {
    ...initialOfferValues,
    siret: offer.company.siret,
    job: { codeOgr: offer.appellation.codeOgr, label: offer.appellation.label, romeCode: offer.romeCode },
    startDate: offer.startDate ?? "",
    startAsap: offer.startAsap,
    contractTypes: offer.contractTypes,
    diplomaLevel: offer.diplomaLevel === null ? "" : String(offer.diplomaLevel),
    durationMonths: String(offer.durationMonths),
    positions: String(offer.positions),
    rhythm: offer.rhythm ?? "",
    title: offer.title === offer.appellation.label ? "" : offer.title,
    skills,
    description: offer.description === generateOfferDescription(fiche, skills) ? "" : offer.description,
    disabilityFriendly: offer.disabilityFriendly,
    companyDescription: offer.company.description ?? "",
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const sameSkills = (a: SelectedSkills, b: SelectedSkills) => skillKinds.every((kind) => sameSet(a[kind], b[kind]));

/** The PATCH body: only what changed, so that an edit never rewrites what it did not touch. */
export function toUpdateOfferInput(
  values: OfferFormValues,
  offer: OwnerOffer,
  fiche: RomeFiche | undefined,
): UpdateOfferBody {
  const body: UpdateOfferBody = {};
  const jobCode = values.job?.codeOgr ?? "";
  if (jobCode !== offer.appellation.codeOgr) body.appellationCode = jobCode;
  if (values.startAsap !== offer.startAsap || (!values.startAsap && values.startDate !== (offer.startDate ?? ""))) {
    if (values.startAsap) body.startAsap = true;
    else body.startDate = values.startDate;
  }
  if (!sameSet(values.contractTypes, offer.contractTypes)) body.contractTypes = values.contractTypes;
  const level = values.diplomaLevel === "" ? null : Number(values.diplomaLevel);
  if (level !== offer.diplomaLevel) body.diplomaLevel = level;
  const duration = typedInteger(values.durationMonths);
  if (duration !== offer.durationMonths) body.durationMonths = duration;
  const positions = typedInteger(values.positions);
  if (positions !== offer.positions) body.positions = positions;
  const rhythm = values.rhythm.trim() || null;
  if (rhythm !== offer.rhythm) body.rhythm = rhythm;
  const title = values.title.trim() || values.job?.label || "";
  if (title !== offer.title) body.title = title;
  if (values.skills && !sameSkills(values.skills, selectedSkillsOf(offer))) body.skills = values.skills;
  const description = effectiveDescription(values, fiche);
  if (description && description !== offer.description) body.description = description;
  if (values.disabilityFriendly !== offer.disabilityFriendly) body.disabilityFriendly = values.disabilityFriendly;
  const companyDescription = values.companyDescription.trim() || null;
  if (companyDescription !== offer.company.description) body.companyDescription = companyDescription;
  return body;
}
