import { describe, expect, it } from "vitest";
import { handMatrix } from "../../test-support.js";
import { binOf, computeEdges } from "./bins.js";
import {
  type BoostParams,
  defaultBoostParams,
  fitPoissonBoost,
  poissonDeviance,
  predictPoissonBoost,
} from "./boost.js";

const exact: BoostParams = {
  ...defaultBoostParams,
  learningRate: 1,
  lambda: 1e-9,
  rowSubsample: 1,
  validationShare: 0,
  minLeafRows: 1,
  minLeafHessian: 0,
  maxStep: 50,
  patience: 1000,
};

describe("arbres de gradient, loi de Poisson : numérique", () => {
  it("déviance de Poisson calculée à la main", () => {
    // 2·[2·ln(2/1) − (2 − 1)] + 2·[0 − (0 − 0.5)] = 2·(1.386294 − 1) + 1 = 1.772589, moyenne 0.886294
    expect(poissonDeviance([2, 0], [1, 0.5])).toBeCloseTo(0.886294, 5);
    expect(poissonDeviance([3, 1], [3, 1])).toBe(0);
  });

  it("une valeur par case pour les comptes, la case 0 pour l'inconnu", () => {
    const m = handMatrix({ x: [0, 1, 1, 2, 5, Number.NaN] });
    const edges = computeEdges(m, null)[0] as Float64Array;
    expect(Array.from(edges)).toEqual([0, 1, 2]);
    expect([Number.NaN, 0, 1, 2, 5].map((v) => binOf(edges, v))).toEqual([0, 1, 2, 3, 4]);
  });

  it("sans variable utile, la prédiction est la moyenne pondérée (MLE de Poisson : log μ = log ȳ)", () => {
    const features = handMatrix({ constante: [1, 1, 1, 1] });
    const model = fitPoissonBoost(features, Float32Array.from([0, 1, 2, 5]), Float32Array.from([1, 1, 1, 3]), {
      ...exact,
      maxRounds: 3,
    });
    expect(model.init).toBeCloseTo(Math.log((0 + 1 + 2 + 15) / 6), 12);
    expect(predictPoissonBoost(model, features)[0]).toBeCloseTo(3, 10);
  });

  it("deux groupes : converge vers les moyennes des groupes (modèle saturé)", () => {
    const x: number[] = [];
    const y: number[] = [];
    for (let k = 0; k < 40; k++) {
      x.push(k % 2);
      // Group 0: 0, 1, 0, 1, … (mean 0.5); group 1: 3, 5, 3, 5, … (mean 4).
      y.push(k % 2 === 0 ? (k % 4 === 0 ? 0 : 1) : k % 4 === 1 ? 3 : 5);
    }
    const features = handMatrix({ groupe: x });
    const model = fitPoissonBoost(features, Float32Array.from(y), new Float32Array(40).fill(1), {
      ...exact,
      maxRounds: 40,
      maxLeaves: 2,
    });
    const pred = predictPoissonBoost(model, features);
    expect(pred[0]).toBeCloseTo(0.5, 6);
    expect(pred[1]).toBeCloseTo(4, 6);
  });

  it("un poids 2 vaut une ligne dupliquée", () => {
    const base = { x: [0, 1, 2, 3, 4, 5], y: [0, 0, 1, 1, 3, 4] };
    const a = fitPoissonBoost(
      handMatrix({ x: base.x }),
      Float32Array.from(base.y),
      Float32Array.from([1, 1, 2, 1, 1, 1]),
      { ...exact, maxRounds: 5 },
    );
    const b = fitPoissonBoost(
      handMatrix({ x: [...base.x, 2] }),
      Float32Array.from([...base.y, 1]),
      new Float32Array(7).fill(1),
      { ...exact, maxRounds: 5 },
    );
    const pa = predictPoissonBoost(a, handMatrix({ x: base.x }));
    const pb = predictPoissonBoost(b, handMatrix({ x: base.x }));
    for (const [k, v] of pa.entries()) expect(v).toBeCloseTo(pb[k] as number, 9);
  });

  it("la déviance d'apprentissage décroît à chaque arbre", () => {
    const n = 400;
    const x = Array.from({ length: n }, (_, k) => (k * 37) % 11);
    const y = x.map((v, k) => Math.floor(v / 3) + (k % 3 === 0 ? 1 : 0));
    const features = handMatrix({ x });
    const target = Float32Array.from(y);
    let previous = Number.POSITIVE_INFINITY;
    for (const rounds of [1, 2, 4, 8]) {
      const m = fitPoissonBoost(features, target, new Float32Array(n).fill(1), {
        ...defaultBoostParams,
        validationShare: 0,
        rowSubsample: 1,
        maxRounds: rounds,
        patience: 1000,
      });
      const dev = poissonDeviance(target, predictPoissonBoost(m, features));
      expect(dev).toBeLessThan(previous);
      previous = dev;
    }
  });
});
