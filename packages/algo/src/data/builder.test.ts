import { beforeAll, describe, expect, it } from "vitest";
import { parseContractLine } from "../parse/contracts.js";
import { parseEstablishmentLine } from "../parse/establishments.js";
import { parseFinanceLine } from "../parse/finances.js";
import { parseHireLine } from "../parse/hires.js";
import type { AlgoReference } from "../reference/types.js";
import { testReference } from "../test-support.js";
import { dayFromYmd } from "../time/day.js";
import { DatasetBuilder } from "./builder.js";
import { FLAG_TRAINING_ORGANISATION, SiretIndex } from "./establishments.js";
import { countInWindow } from "./events.js";

let reference: AlgoReference;
beforeAll(async () => {
  reference = await testReference();
});

const value = <T>(o: { status: string; value?: T }): T => {
  if (o.status !== "record") throw new Error("ligne attendue valide");
  return o.value as T;
};

describe("assemblage d'un jeu de données importé", () => {
  it("rattache contrats, embauches et finances, et compte ce qui ne se rattache pas", () => {
    const b = new DatasetBuilder(reference, { start: dayFromYmd(2019, 1, 1), end: dayFromYmd(2025, 1, 1) });
    expect(b.addEstablishment(value(parseEstablishmentLine("51146379600017;1071C;11;2010-01-01;14118;14000;;")))).toBe(
      true,
    );
    expect(b.addEstablishment(value(parseEstablishmentLine("00565014800033;8559A;03;;;04000;2024-06-01;oui")))).toBe(
      true,
    );
    expect(b.addEstablishment(value(parseEstablishmentLine("51146379600017;1071C;11;;14118;;;")))).toBe(false);
    for (const line of [
      "51146379600017;01/10/2020;APP;14000",
      "51146379600017;15/09/2019;PRO;14000",
      "00685016800011;01/10/2020;APP;04000",
      "51146379600017;01/10/2018;APP;14000",
    ]) {
      b.addContract(value(parseContractLine(line)));
    }
    b.addHire(value(parseHireLine("00565014800033;2021-03-01;CDI")));
    b.addFinance(value(parseFinanceLine("511463796;2022;1000000;50000;12")));
    b.addFinance(value(parseFinanceLine("511463796;2021;900000;40000;11")));
    const d = b.build();
    expect(b.warnings).toMatchObject({ duplicateEstablishments: 1, eventsOfUnknownSiret: 1, eventsOutsideCoverage: 1 });
    const index = new SiretIndex(d.establishments);
    const bakery = index.find("51146379600017");
    const school = index.find(565014800033);
    expect(Array.from(d.contracts.days.subarray(d.contracts.offsets[bakery], d.contracts.offsets[bakery + 1]))).toEqual(
      [dayFromYmd(2019, 9, 15), dayFromYmd(2020, 10, 1)],
    );
    expect(countInWindow(d.hires, school, dayFromYmd(2021, 1, 1), dayFromYmd(2022, 1, 1))).toBe(1);
    expect(d.establishments.flags[school]).toBe(FLAG_TRAINING_ORGANISATION);
    expect(d.establishments.closed[school]).toBe(dayFromYmd(2024, 6, 1));
    // Placed by postal code when the commune is missing.
    expect(reference.departements.codes[d.establishments.departement[school] as number]).toBe("04");
    const f = d.finances;
    expect(f?.companyOf[bakery]).toBe(0);
    expect(Array.from(f?.years ?? [])).toEqual([2021, 2022]);
    expect(f?.companyOf[school]).toBe(-1);
  });
});
