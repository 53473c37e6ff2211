import { contracts } from "@tremplin/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppDeps } from "../../app-deps.js";
import { requireSession } from "../../http/auth.js";
import { registerRoute } from "../../http/register-route.js";
import type { Services } from "../../services.js";
import { actorOf as accountsActorOf } from "../accounts/actor-service.js";
import * as company from "./company-service.js";
import type { AlgoActor } from "./context.js";
import * as delisting from "./delisting-service.js";
import * as listing from "./listing-service.js";
import * as present from "./presenter.js";
import * as publication from "./publication-service.js";
import * as runs from "./runs-service.js";
import { algoReference } from "./scoring-service.js";

const c = contracts.algoCompanies;

/** The signed-in person acting (as the accounts' audit trail names them), with their OPCO when they are an adviser (their perimeter). */
async function actorOf(deps: AppDeps, request: FastifyRequest): Promise<AlgoActor> {
  const principal = requireSession(request);
  const { label } = await accountsActorOf(deps.db.db, principal);
  return { label, opcoId: principal.role === "opco" ? (principal.opcoId ?? "none") : null };
}

async function romeLabels(): Promise<Map<string, string>> {
  const reference = await algoReference();
  return new Map(reference.romes.codes.map((code, k) => [code, reference.romes.labels[k] ?? code]));
}

export function algoCompaniesRoutes(app: FastifyInstance, deps: AppDeps, appServices: Services): void {
  const db = deps.db.db;
  const services = appServices.algoCompanies;

  // Public.
  registerRoute(app, c.getRecruitingCompany, async ({ params }) =>
    present.presentRecruitingCompany(await company.getRecruitingCompany(deps, params.siret)),
  );
  registerRoute(app, c.createDelistingRequest, ({ params, body }) =>
    delisting.requestDelisting(services, params.siret, body),
  );
  registerRoute(app, c.confirmDelisting, ({ body }) => delisting.confirmDelisting(services, body.token));
  registerRoute(app, c.createListingRequest, ({ params, body }) =>
    listing.requestListing(services, params.siret, body),
  );

  // Queues.
  registerRoute(app, c.listDelistingRequests, async ({ query }) => ({
    items: (await delisting.listDelistingRequests(services, query)).map(present.presentDelistingRequest),
  }));
  registerRoute(app, c.acceptDelistingRequest, async ({ params }, { request }) =>
    present.presentDelistingRequest(
      await delisting.decideDelistingRequest(services, params.id, { accept: true }, await actorOf(deps, request)),
    ),
  );
  registerRoute(app, c.refuseDelistingRequest, async ({ params, body }, { request }) =>
    present.presentDelistingRequest(
      await delisting.decideDelistingRequest(
        services,
        params.id,
        { accept: false, reason: body.reason },
        await actorOf(deps, request),
      ),
    ),
  );
  registerRoute(app, c.listListingRequests, async ({ query }, { request }) => {
    const rows = await listing.listListingRequests(services, query, await actorOf(deps, request));
    const labels = await romeLabels();
    return { items: rows.map((r) => present.presentListingRequest(r, labels)) };
  });
  registerRoute(app, c.acceptListingRequest, async ({ params }, { request }) =>
    present.presentListingRequest(
      await listing.decideListingRequest(services, params.id, { accept: true }, await actorOf(deps, request)),
      await romeLabels(),
    ),
  );
  registerRoute(app, c.refuseListingRequest, async ({ params, body }, { request }) =>
    present.presentListingRequest(
      await listing.decideListingRequest(
        services,
        params.id,
        { accept: false, reason: body.reason },
        await actorOf(deps, request),
      ),
      await romeLabels(),
    ),
  );

  // Companies.
  registerRoute(app, c.getAdminCompany, async ({ params }) =>
    present.presentAdminCompany(await company.getAdminCompany(db, params.siret)),
  );
  registerRoute(app, c.updateAdminCompany, async ({ params, body }, { request }) =>
    present.presentAdminCompany(
      await company.updateCompany(services, params.siret, body, await actorOf(deps, request)),
    ),
  );

  // Runs and publication.
  registerRoute(app, c.listRuns, async () => {
    const { rows, active, previous } = await runs.listRuns(db);
    return { items: rows.map((r) => present.presentRun(r, active, previous)) };
  });
  registerRoute(app, c.getRun, async ({ params }) => {
    const { run, outcome, active, previous } = await runs.getRun(db, Number(params.id));
    return present.presentRunDetail(run, active, previous, outcome);
  });
  registerRoute(app, c.getRunReportMarkdown, async ({ params }, { reply }) =>
    reply.type("text/markdown; charset=utf-8").send(await runs.getRunReport(db, Number(params.id), "markdown")),
  );
  registerRoute(app, c.getRunReportSvg, async ({ params }, { reply }) =>
    reply.type("image/svg+xml").send(await runs.getRunReport(db, Number(params.id), "svg")),
  );
  registerRoute(app, c.publishRun, async ({ params }, { request }) =>
    present.presentPublication(
      await publication.publishRun(db, {
        runId: Number(params.id),
        actor: (await actorOf(deps, request)).label,
        now: deps.clock.now(),
      }),
    ),
  );
  registerRoute(app, c.rollbackPublication, async (_input, { request }) =>
    present.presentPublication(
      await publication.rollbackPublication(db, { actor: (await actorOf(deps, request)).label, now: deps.clock.now() }),
    ),
  );
}
