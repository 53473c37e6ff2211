import { opcoDigestJob } from "../modules/accounts/opco-digest-job.js";
import { purgeAlertsJob, sendAlertsJob } from "../modules/alerts/jobs.js";
import { anonymiseApplicationsJob, cvRetentionJob } from "../modules/applications/jobs.js";
import {
  applicationsDigestJob,
  candidateFollowUpJob,
  nudgeApplicationsJob,
} from "../modules/applications/lifecycle-jobs.js";
import { inviteCfaMatchingJob, sendHeldCfaRequestsJob } from "../modules/cfa-matching/jobs.js";
import { expireOffersJob, remindOffersJob } from "../modules/offers/lifecycle-jobs.js";
import type { JobDefinition } from "./job.js";

/** Every scheduled job; feature modules add theirs here. */
export const jobs: JobDefinition[] = [
  opcoDigestJob,
  remindOffersJob,
  expireOffersJob,
  inviteCfaMatchingJob,
  sendHeldCfaRequestsJob,
  anonymiseApplicationsJob,
  cvRetentionJob,
  nudgeApplicationsJob,
  applicationsDigestJob,
  candidateFollowUpJob,
  sendAlertsJob,
  purgeAlertsJob,
];
