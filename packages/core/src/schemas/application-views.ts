import { z } from "zod";
import { recruiterStatuses } from "../rules/application-status.js";
import { applicationDecisions, applicationStatuses, refusalReasons } from "./application.js";

/**
 * What the API answers about applications. Candidates (and partners) never see who receives an
 * application: the recruiter's address appears in no response shape below.
 */
const target = z
  .object({
    kind: z.enum(["offer", "company"]).meta({ description: "offer : candidature à une offre ; company : spontanée" }),
    offerId: z.string().nullable(),
    siret: z.string(),
    title: z.string().nullable().meta({ description: "Intitulé de l'offre (null en spontané)" }),
    companyName: z.string(),
  })
  .meta({ id: "ApplicationTarget" });

export const applicationReceiptSchema = z
  .object({
    id: z.string(),
    status: z.enum(applicationStatuses),
    target,
    cv: z.object({ fileName: z.string(), size: z.number().int() }).nullable(),
    createdAt: z.iso.datetime(),
    message: z.string().meta({ description: "Confirmation à afficher au candidat" }),
  })
  .meta({ id: "ApplicationReceipt" });
export type ApplicationReceipt = z.infer<typeof applicationReceiptSchema>;

/** What the answer page shows before the recruiter confirms (reading it changes nothing). */
export const answerLinkPreviewSchema = z.object({
  applicationId: z.string(),
  decision: z.enum(applicationDecisions).meta({ description: "La réponse que ce lien permet de donner" }),
  candidate: z.object({ firstName: z.string(), lastName: z.string() }),
  target,
  status: z.enum(applicationStatuses),
  answeredAt: z.iso.datetime().nullable(),
  canAnswer: z.boolean().meta({ description: "false quand une réponse définitive a déjà été donnée" }),
});
export type AnswerLinkPreview = z.infer<typeof answerLinkPreviewSchema>;

export const answerResultSchema = z.object({
  applicationId: z.string(),
  decision: z.enum(applicationDecisions),
  applied: z.boolean().meta({ description: "false quand la réponse avait déjà été donnée (second clic)" }),
  status: z.enum(applicationStatuses),
  message: z.string(),
});
export type AnswerResult = z.infer<typeof answerResultSchema>;

/** An application as its recruiter sees it: the candidate's details, to answer them. */
export const recruiterApplicationSchema = z
  .object({
    id: z.string(),
    target,
    candidate: z.object({
      firstName: z.string(),
      lastName: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
    }),
    message: z.string().nullable(),
    cv: z
      .object({ fileName: z.string(), size: z.number().int() })
      .nullable()
      .meta({ description: "Le CV est joint à l'e-mail reçu ; Tremplin ne le conserve pas" }),
    status: z.enum(applicationStatuses),
    statusLabel: z.string(),
    answer: z
      .object({
        decision: z.enum(recruiterStatuses).meta({ description: "Le dernier état donné par le recruteur" }),
        reason: z.enum(refusalReasons).nullable(),
        message: z.string().nullable(),
        answeredAt: z.iso.datetime(),
      })
      .nullable(),
    delivery: z
      .enum(["pending", "delivered", "failed"])
      .meta({ description: "Remise de l'e-mail de candidature (failed : adresse en échec)" }),
    source: z.string().meta({ description: "tremplin, ou le nom de la plateforme partenaire" }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "RecruiterApplication" });
export type RecruiterApplication = z.infer<typeof recruiterApplicationSchema>;

export const applicationCountsSchema = z.object({
  total: z.number().int(),
  new: z.number().int(),
  seen: z.number().int(),
  interview: z.number().int(),
  refused: z.number().int(),
  hired: z.number().int(),
  withdrawn: z.number().int(),
});

export const offerApplicationsSchema = z.object({
  offer: z.object({ id: z.string(), title: z.string(), status: z.string(), companyName: z.string() }),
  counts: applicationCountsSchema,
  items: z.array(recruiterApplicationSchema),
});
