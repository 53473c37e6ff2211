import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { launchBrowser, type ViewportName, viewports } from "./browser.js";
import { testResultsDir } from "./paths.js";

export interface OpenPageOptions {
  /** Base URL of the server; defaults to the shared one started by the global setup. */
  baseUrl?: string;
  viewport?: ViewportName;
  /** Cookies of an earlier context (`await context.storageState()`): a person still signed in. */
  storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>;
}

export interface JourneyPage {
  page: Page;
  context: BrowserContext;
  /**
   * Everything that went wrong in the page: console errors (CSP violations are reported there),
   * uncaught exceptions, failed requests. A journey usually ends with expect(problems).toEqual([]).
   */
  problems: string[];
  close(): Promise<void>;
}

/** Chromium's console line for any HTTP error answer; the answers themselves are judged below. */
const httpErrorLine = /^Failed to load resource: the server responded with a status of \d+/;

/**
 * Watches a page for console errors, uncaught exceptions, requests that failed, server errors
 * (5xx) and missing files (a 404 for an icon, a script, a font). API refusals (401 from /me
 * for a visitor, 404 for an unknown offer, 422 for a closed SIRET) are answers the pages show:
 * journeys check what the page says about them instead.
 */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !httpErrorLine.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    const status = response.status();
    const { pathname } = new URL(response.url());
    // A page's own 404 (the server answers an unknown offer's address with the app and a 404) is
    // what the page then says; a missing script, style, font or icon is a problem.
    const missingFile =
      status === 404 && !pathname.startsWith("/api/") && response.request().resourceType() !== "document";
    if (status >= 500 || missingFile) {
      problems.push(`response: ${status} ${response.request().method()} ${pathname}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`exception: ${error.message}`));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "failed";
    // A request cancelled on purpose (a stale autocomplete search) is not a problem.
    if (reason !== "net::ERR_ABORTED") problems.push(`request: ${request.method()} ${request.url()} ${reason}`);
  });
  return problems;
}

/** Opens `pathname` in a fresh browser context (own cookies, French locale, Paris time). */
export async function openPage(
  browser: Browser,
  pathname: string,
  options: OpenPageOptions = {},
): Promise<JourneyPage> {
  const viewport = viewports[options.viewport ?? "desktop"];
  const context = await browser.newContext({
    baseURL: options.baseUrl ?? inject("baseUrl"),
    viewport,
    isMobile: options.viewport === "phone",
    hasTouch: options.viewport === "phone",
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    colorScheme: "light",
    storageState: options.storageState,
  });
  const page = await context.newPage();
  const problems = collectProblems(page);
  await page.goto(pathname);
  return { page, context, problems, close: () => context.close() };
}

function fileSafe(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
}

/**
 * Saves a full-page PNG as test-results/<name>.png and returns its path, once fonts and lazily
 * loaded images (the DSFR's icons are CSS masks, fetched when first drawn) have arrived.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
  await page.evaluate(() => document.fonts.ready).catch(() => undefined);
  mkdirSync(testResultsDir, { recursive: true });
  const file = path.join(testResultsDir, `${fileSafe(name)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Sets up a journey file: one Chromium for the file, pages opened with `open()` are closed after
 * each test, and a failing test leaves a screenshot of each of its pages in test-results/.
 */
export function useJourneys(): { open(pathname: string, options?: OpenPageOptions): Promise<JourneyPage> } {
  let browser: Browser | undefined;
  let opened: JourneyPage[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async ({ task }) => {
    const pages = opened;
    opened = [];
    if (task.result?.state === "fail") {
      for (const [index, journeyPage] of pages.entries()) {
        await screenshot(journeyPage.page, `failure-${task.name}-${index + 1}`).catch(() => undefined);
      }
    }
    for (const journeyPage of pages) await journeyPage.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    async open(pathname, options) {
      if (!browser) throw new Error("useJourneys().open() is for tests, after the browser has started");
      const journeyPage = await openPage(browser, pathname, options);
      opened.push(journeyPage);
      return journeyPage;
    },
  };
}
