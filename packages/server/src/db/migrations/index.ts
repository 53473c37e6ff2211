import type { Migration } from "kysely/migration";
import * as m0001 from "./0001-foundation.js";
import * as m0002 from "./0002-companies.js";
import * as m0003 from "./0003-accounts-mail-jobs.js";
import * as m0004 from "./0004-offers.js";
import * as m0005 from "./0005-cfa.js";
import * as m0006 from "./0006-diffusion.js";
import * as m0007 from "./0007-applications.js";
import * as m0008 from "./0008-algo.js";
import * as m0009 from "./0009-establishments-geo-training.js";
import * as m0010 from "./0010-outbox-reply-to.js";
import * as m0011 from "./0011-algo-exposed-cards.js";
import * as m0012 from "./0012-memberships.js";
import * as m0015 from "./0015-application-lifecycle.js";
import * as m0016 from "./0016-alerts-and-stats.js";
import * as m0017 from "./0017-contact-messages.js";
import * as m0018 from "./0018-algo-run-outcomes.js";
import * as m0019 from "./0019-hardening.js";
import * as m0020 from "./0020-membership-invitations.js";

/**
 * Every migration, in order. Names are sorted by Kysely: keep the 4-digit prefix.
 * A migration, once landed, is never edited: add a new one.
 */
export const migrations: Record<string, Migration> = {
  "0001-foundation": m0001,
  "0002-companies": m0002,
  "0003-accounts-mail-jobs": m0003,
  "0004-offers": m0004,
  "0005-cfa": m0005,
  "0006-diffusion": m0006,
  "0007-applications": m0007,
  "0008-algo": m0008,
  "0009-establishments-geo-training": m0009,
  "0010-outbox-reply-to": m0010,
  "0011-algo-exposed-cards": m0011,
  "0012-memberships": m0012,
  "0015-application-lifecycle": m0015,
  "0016-alerts-and-stats": m0016,
  "0017-contact-messages": m0017,
  "0018-algo-run-outcomes": m0018,
  "0019-hardening": m0019,
  "0020-membership-invitations": m0020,
};
