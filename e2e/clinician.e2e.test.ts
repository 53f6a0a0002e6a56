import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, axeViolations, launch, openApp } from "./support/browser.ts";
import { checkIn, completeFirstRun, storedEvents } from "./support/flows.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** The fieldset of one exercise on the clinician's page. */
const exercise = (page: Page, name: string) =>
  page.locator("fieldset.exercise-form", { hasText: name });

/** Sets the floss's seconds range and its starting step, then makes the link and reads it. */
async function floss(page: Page, from: string, to: string, start: string): Promise<string> {
  const form = exercise(page, "Sliding hamstring floss");
  const range = form.locator("fieldset.range");
  await range.getByLabel("From").fill(from);
  await range.getByLabel("To").fill(to);
  await form.getByLabel("Start at").selectOption({ label: start });
  await page.getByRole("button", { name: "Make the link" }).click();
  const link = page.getByLabel(/^The link/);
  await link.waitFor();
  return link.inputValue();
}

/** Today's plan as text, every block's name, dose and reasons. */
const planText = async (page: Page) => (await page.locator("ol.blocks").textContent()) ?? "";

describe("the clinician loop (docs/clinicians.md)", () => {
  it("a clinician prescribes by link, the person follows it within the safety rules, and the summary shows adherence", async () => {
    // The clinician, on a device of their own, with no account and no first run.
    const doctor = await openApp(browser);
    const clinician = doctor.page;
    await clinician.goto(appUrl("clinician"));
    await clinician.getByRole("heading", { name: "For clinicians", level: 1 }).waitFor();
    await clinician.getByLabel("Your name").fill("Sam Lee");
    await clinician.getByLabel("Your practice (optional)").fill("Riverside Physiotherapy");
    await exercise(clinician, "Strap-supported hamstring stretch")
      .getByRole("radio", { name: "Leave out" })
      .check();
    const flossForm = exercise(clinician, "Sliding hamstring floss");
    await flossForm.getByRole("radio", { name: "Prescribe" }).check();
    // Each variant shows its figure and the catalog's limits.
    await flossForm.getByText("Limits: 30–45 s each side").waitFor();
    expect(await flossForm.getByRole("img", { name: /Nerve slider with head nod/ }).count()).toBe(
      1,
    );
    await flossForm.getByRole("checkbox", { name: /Hamstring floss, small range/ }).uncheck();
    await flossForm.getByRole("checkbox", { name: /Hamstring floss, full range/ }).uncheck();
    await clinician.getByLabel("Practice days a week").selectOption("4");
    await clinician
      .getByLabel("A note to the person (optional)")
      .fill("Slow and easy; stop if the leg tingles.");
    // A range past the catalog's limits is refused, in words.
    await flossForm.locator("fieldset.range").getByLabel("From").fill("40");
    await flossForm.locator("fieldset.range").getByLabel("To").fill("90");
    await clinician.getByRole("button", { name: "Make the link" }).click();
    await clinician
      .getByRole("alert")
      .getByText(/Sliding hamstring floss: the high end passes the catalog's ceiling of 45/)
      .waitFor();
    const link = await floss(clinician, "40", "45", "Nerve slider with head nod, 40 s each side");
    expect(link).toMatch(/#\/programme\?p=1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    await clinician.getByRole("img", { name: "QR code of the programme's link" }).waitFor();
    const sheet = clinician.locator(".programme-sheet");
    expect(await sheet.textContent()).toContain("Strap-supported hamstring stretch: left out.");
    expect(await axeViolations(clinician)).toEqual([]);

    // The person, on their own device: a link changed by hand is refused and records nothing.
    const patient = await openApp(browser);
    const person = patient.page;
    await completeFirstRun(person, "GB");
    const [, code = ""] = link.split("?p=");
    const tampered = code.replace(/^(1\.)(.)/, (_, v, c) => `${v}${c === "e" ? "f" : "e"}`);
    await person.goto(appUrl(`programme?p=${tampered}`));
    await person
      .getByRole("alert")
      .getByText(/incomplete or was changed after it was made/)
      .waitFor();
    expect((await storedEvents(person)).some((e) => e.type === "programme")).toBe(false);

    // The real link: who prescribed what, in words, recorded only on "Use this programme".
    await person.goto(link);
    await person.getByRole("heading", { name: "A programme from Sam Lee", level: 1 }).waitFor();
    await person
      .getByText(
        "Sliding hamstring floss: Nerve slider with head nod only; 40–45 s each side; starting at Nerve slider with head nod, 40 s each side.",
      )
      .waitFor();
    await person.getByText("Strap-supported hamstring stretch: left out.").waitFor();
    expect(await axeViolations(person)).toEqual([]);
    expect((await storedEvents(person)).some((e) => e.type === "programme")).toBe(false);
    await person.getByRole("button", { name: "Use this programme" }).click();
    await person.getByText("You now follow this programme.").waitFor();
    expect((await storedEvents(person)).filter((e) => e.type === "programme")).toHaveLength(1);

    // Today's plan follows it: no strap stretch, the floss as the slider at the prescribed 40 s.
    await person.getByRole("link", { name: "Go to Today" }).click();
    await checkIn(person, { back: "Calm" });
    await person.getByRole("heading", { name: /^Today/ }).waitFor();
    let plan = await planText(person);
    expect(plan).not.toContain("Strap stretch");
    expect(plan).toContain("Nerve slider with head nod40 s each side");
    expect(plan).toContain("Your physiotherapist's programme sets this one");
    await person
      .getByRole("link", {
        name: /Your physiotherapist's programme \(revision 1\) shapes today's plan/,
      })
      .waitFor();

    // A grumpy day is still gentler than the programme, and says why.
    await person.getByRole("button", { name: "Check in again" }).click();
    await checkIn(person, { back: "Grumpy" });
    await person.getByRole("heading", { name: /^Today/ }).waitFor();
    plan = await planText(person);
    expect(plan).toContain("Nerve slider with head nod30 s each side");
    expect(plan).toContain(
      "Your physiotherapist's programme allows Nerve slider with head nod, 40 s each side; today is gentler because your back is grumpy today.",
    );

    // The clinician opens the link to change it: the same programme, revision 2.
    await clinician.goto(appUrl("clinician"));
    await clinician.reload();
    await clinician.getByText("Change a programme you made before").click();
    await clinician.getByLabel("Its link").fill(link);
    await clinician.getByRole("button", { name: "Open it" }).click();
    await clinician.getByText(/the link you make now is revision 2/).waitFor();
    expect(await clinician.getByLabel("Your name").inputValue()).toBe("Sam Lee");
    const revised = await floss(
      clinician,
      "30",
      "35",
      "Nerve slider with head nod, 35 s each side",
    );
    expect(revised.split("?p=")[1]).not.toBe(code);

    // The person opens the revised link: an update, which replaces the programme.
    await person.goto(revised);
    await person.getByRole("heading", { name: "An update to your programme", level: 1 }).waitFor();
    await person.getByRole("button", { name: "Use this programme" }).click();
    await person.getByText("Check in again on Today to plan today with it.").waitFor();
    await person.getByRole("link", { name: "Go to Today" }).click();
    await person.getByRole("button", { name: "Check in again" }).click();
    await checkIn(person, { back: "Calm" });
    await person.getByRole("heading", { name: /^Today/ }).waitFor();
    plan = await planText(person);
    expect(plan).toContain("Nerve slider with head nod35 s each side");
    await person.getByRole("link", { name: /\(revision 2\) shapes today's plan/ }).waitFor();
    // The older link, opened again, changes nothing.
    await person.goto(link);
    await person
      .getByText(/an older version of the programme you follow \(revision 1\); you keep revision 2/)
      .waitFor();
    expect(await person.getByRole("button", { name: "Use this programme" }).count()).toBe(0);

    // The day ends grumpy: gentler than revision 2 too.
    await person.goto(appUrl());
    await person.getByRole("button", { name: "Check in again" }).click();
    await checkIn(person, { back: "Grumpy" });
    await person.getByRole("heading", { name: /^Today/ }).waitFor();
    expect(await planText(person)).toContain(
      "Your physiotherapist's programme allows Nerve slider with head nod, 35 s each side; today is gentler because your back is grumpy today.",
    );

    // The summary shows adherence, with the day the safety rules changed the programme.
    await person.goto(appUrl("report"));
    await person.getByRole("heading", { name: "Summary for a clinician", level: 1 }).waitFor();
    const part = person.locator("section", {
      has: person.getByRole("heading", { name: "Prescribed programme" }),
    });
    const words = (await part.textContent()) ?? "";
    expect(words).toContain("From Sam Lee, Physiotherapist, Riverside Physiotherapy");
    expect(words).toContain("(revision 2)");
    expect(words).toContain("Days the safety rules changed the programme, each with its reason:");
    expect(words).toContain("today is gentler because your back is grumpy today (R-GRUMPY).");
    expect(await axeViolations(person)).toEqual([]);
    // The same record for a health record system: a FHIR R4 Bundle, made on the device.
    await person.getByLabel("Your name on the summary (optional)").fill("Alex Doe");
    const [download] = await Promise.all([
      person.waitForEvent("download"),
      person.getByRole("button", { name: "Download for a health record" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^limber-record-.*\.json$/);
    const bundle = JSON.parse(await readFile(await download.path(), "utf8"));
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    const types = bundle.entry.map(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType,
    );
    expect(types).toEqual(
      expect.arrayContaining(["Patient", "Observation", "CarePlan", "Provenance"]),
    );
    expect(bundle.entry[0].resource.name).toEqual([{ text: "Alex Doe" }]);

    await doctor.context.close();
    await patient.context.close();
  });

  it("is axe clean in dark mode, the clinician's page and the person's screen", async () => {
    const { page, context } = await openApp(browser, { colorScheme: "dark" });
    await page.goto(appUrl("clinician"));
    await page.getByRole("heading", { name: "For clinicians", level: 1 }).waitFor();
    await page.getByLabel("Your name").fill("Sam Lee");
    await exercise(page, "Hip hinge practice").getByRole("radio", { name: "Prescribe" }).check();
    await page.getByRole("button", { name: "Make the link" }).click();
    const link = await page.getByLabel(/^The link/).inputValue();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(appUrl());
    await completeFirstRun(page, "GB");
    await page.goto(link);
    await page.getByRole("heading", { name: "A programme from Sam Lee", level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
