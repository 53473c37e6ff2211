import { contracts } from "@tremplin/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { requireSession } from "../../http/auth.js";
import { registerRoute } from "../../http/register-route.js";
import { eraseCandidate } from "../accounts/candidate-service.js";
import type { LifecycleDeps } from "../accounts/lifecycle-service.js";
import { clearSessionCookie } from "../accounts/session-cookie.js";
import * as candidates from "./candidate-space-service.js";
import type { ApplicationsDeps } from "./context.js";
import * as inbox from "./inbox-service.js";

const c = contracts.applicationLifecycle;

const userIdOf = (request: FastifyRequest) => requireSession(request).userId;

/** A file name safe in a Content-Disposition header (the original, in UTF-8, beside an ASCII fallback). */
function attachment(fileName: string): string {
  const ascii = fileName.normalize("NFD").replace(/[^\w.-]+/g, "_") || "cv";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The hire loop (ADR 011): the candidate's space and the recruiter's inbox. */
export function applicationLifecycleRoutes(
  app: FastifyInstance,
  deps: ApplicationsDeps,
  accounts: Pick<LifecycleDeps, "db" | "reactions">,
): void {
  registerRoute(app, c.listSentApplications, (_input, { request }) => candidates.listSent(deps, userIdOf(request)));
  registerRoute(app, c.withdrawSentApplication, ({ params }, { request }) =>
    candidates.withdraw(deps, userIdOf(request), params.id),
  );
  registerRoute(app, c.declareContractSigned, ({ params }, { request }) =>
    candidates.declareContractSigned(deps, userIdOf(request), params.id),
  );
  registerRoute(app, c.eraseCandidateData, async (_input, { request, reply }) => {
    // Accounts erase the person; the other modules erase what they hold (accounts' reactions).
    await eraseCandidate(accounts, userIdOf(request));
    clearSessionCookie(reply, deps.config);
  });

  registerRoute(app, c.listReceivedApplications, ({ query }, { request }) =>
    inbox.listReceived(deps, userIdOf(request), query),
  );
  registerRoute(app, c.updateReceivedApplication, ({ params, body }, { request }) =>
    inbox.updateReceived(deps, userIdOf(request), params.id, body),
  );
  registerRoute(app, c.downloadReceivedApplicationCv, async ({ params }, { request, reply }) => {
    const cv = await inbox.readCv(deps, userIdOf(request), params.id);
    return reply
      .header("content-type", cv.contentType)
      .header("content-disposition", attachment(cv.fileName))
      .header("cache-control", "no-store")
      .header("x-content-type-options", "nosniff")
      .send(cv.bytes);
  });
  registerRoute(app, c.closeOfferWithReason, ({ params, body }, { request }) =>
    inbox.closeOffer(deps, userIdOf(request), params.id, body),
  );
}
