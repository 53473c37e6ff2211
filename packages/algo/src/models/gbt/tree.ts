/**
 * One regression tree grown leaf-wise on gradient histograms (the LightGBM way): the leaf whose
 * best split gains most is split next, the smaller child's histogram is built from its rows and
 * the larger one's is the parent's minus it. Gains and leaf values are Newton steps:
 * gain = ½[G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)], value = −G/(H+λ).
 */
export interface TreeParams {
  maxLeaves: number;
  maxDepth: number;
  minLeafRows: number;
  minLeafHessian: number;
  lambda: number;
  /** Largest absolute leaf value before shrinkage (Poisson steps on rare events can explode). */
  maxStep: number;
}

/** A tree as flat arrays; node 0 is the root; feature −1 marks a leaf. */
export interface Tree {
  feature: Int16Array;
  threshold: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  /** Loss reduction of each split node (0 on leaves): summed per feature for importances. */
  gain: Float64Array;
}

interface Leaf {
  node: number;
  begin: number;
  end: number;
  depth: number;
  hist: Float64Array;
  g: number;
  h: number;
  gain: number;
  feature: number;
  bin: number;
}

const CH = 3; // gradient, hessian, count

export function growTree(
  bins: Uint8Array,
  p: number,
  nBins: number,
  grad: Float64Array,
  hess: Float64Array,
  rows: Int32Array,
  params: TreeParams,
): Tree {
  const feature: number[] = [-1];
  const threshold: number[] = [0];
  const left: number[] = [-1];
  const right: number[] = [-1];
  const value: number[] = [0];
  const gain: number[] = [0];
  const index = rows;
  const hist = (begin: number, end: number) => buildHistogram(bins, p, nBins, grad, hess, index, begin, end);
  const root = makeLeaf(0, 0, index.length, 0, hist(0, index.length), p, nBins, params);
  const open: Leaf[] = [root];
  const done: Leaf[] = [];
  let leaves = 1;
  while (leaves < params.maxLeaves) {
    let best = -1;
    for (let k = 0; k < open.length; k++)
      if ((open[k] as Leaf).gain > 0 && (best < 0 || (open[k] as Leaf).gain > (open[best] as Leaf).gain)) best = k;
    if (best < 0) break;
    const leaf = open.splice(best, 1)[0] as Leaf;
    const mid = partition(bins, p, index, leaf.begin, leaf.end, leaf.feature, leaf.bin);
    const smallIsLeft = mid - leaf.begin <= leaf.end - mid;
    const small = smallIsLeft ? hist(leaf.begin, mid) : hist(mid, leaf.end);
    const large = leaf.hist;
    for (let k = 0; k < large.length; k++) large[k] = (large[k] as number) - (small[k] as number);
    const leftNode = feature.length;
    for (let k = 0; k < 2; k++) {
      feature.push(-1);
      threshold.push(0);
      left.push(-1);
      right.push(-1);
      value.push(0);
      gain.push(0);
    }
    gain[leaf.node] = leaf.gain;
    feature[leaf.node] = leaf.feature;
    threshold[leaf.node] = leaf.bin;
    left[leaf.node] = leftNode;
    right[leaf.node] = leftNode + 1;
    const lHist = smallIsLeft ? small : large;
    const rHist = smallIsLeft ? large : small;
    for (const child of [
      makeLeaf(leftNode, leaf.begin, mid, leaf.depth + 1, lHist, p, nBins, params),
      makeLeaf(leftNode + 1, mid, leaf.end, leaf.depth + 1, rHist, p, nBins, params),
    ])
      (child.depth < params.maxDepth ? open : done).push(child);
    leaves++;
  }
  for (const leaf of [...open, ...done]) {
    const v = -leaf.g / (leaf.h + params.lambda);
    value[leaf.node] = Math.max(-params.maxStep, Math.min(params.maxStep, v));
  }
  return {
    feature: Int16Array.from(feature),
    threshold: Uint8Array.from(threshold),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
    gain: Float64Array.from(gain),
  };
}

function buildHistogram(
  bins: Uint8Array,
  p: number,
  nBins: number,
  grad: Float64Array,
  hess: Float64Array,
  index: Int32Array,
  begin: number,
  end: number,
): Float64Array {
  const hist = new Float64Array(p * nBins * CH);
  for (let k = begin; k < end; k++) {
    const r = index[k] as number;
    const g = grad[r] as number;
    const h = hess[r] as number;
    const base = r * p;
    for (let f = 0; f < p; f++) {
      const at = (f * nBins + (bins[base + f] as number)) * CH;
      hist[at] = (hist[at] as number) + g;
      hist[at + 1] = (hist[at + 1] as number) + h;
      hist[at + 2] = (hist[at + 2] as number) + 1;
    }
  }
  return hist;
}

function makeLeaf(
  node: number,
  begin: number,
  end: number,
  depth: number,
  hist: Float64Array,
  p: number,
  nBins: number,
  params: TreeParams,
): Leaf {
  let g = 0;
  let h = 0;
  for (let b = 0; b < nBins; b++) {
    g += hist[b * CH] as number;
    h += hist[b * CH + 1] as number;
  }
  const leaf: Leaf = { node, begin, end, depth, hist, g, h, gain: 0, feature: -1, bin: 0 };
  if (end - begin < 2 * params.minLeafRows) return leaf;
  const parentScore = (g * g) / (h + params.lambda);
  const count = end - begin;
  for (let f = 0; f < p; f++) {
    let gl = 0;
    let hl = 0;
    let cl = 0;
    for (let b = 0; b < nBins - 1; b++) {
      const at = (f * nBins + b) * CH;
      gl += hist[at] as number;
      hl += hist[at + 1] as number;
      cl += hist[at + 2] as number;
      if (cl < params.minLeafRows || hl < params.minLeafHessian) continue;
      const cr = count - cl;
      const hr = h - hl;
      if (cr < params.minLeafRows) break;
      if (hr < params.minLeafHessian) continue;
      const gr = g - gl;
      const gain = 0.5 * ((gl * gl) / (hl + params.lambda) + (gr * gr) / (hr + params.lambda) - parentScore);
      if (gain > leaf.gain) {
        leaf.gain = gain;
        leaf.feature = f;
        leaf.bin = b;
      }
    }
  }
  return leaf;
}

/** Reorders index[begin, end) so that rows going left come first; returns the boundary. */
function partition(
  bins: Uint8Array,
  p: number,
  index: Int32Array,
  begin: number,
  end: number,
  f: number,
  bin: number,
): number {
  let i = begin;
  let j = end - 1;
  while (i <= j) {
    if ((bins[(index[i] as number) * p + f] as number) <= bin) i++;
    else {
      const t = index[i] as number;
      index[i] = index[j] as number;
      index[j] = t;
      j--;
    }
  }
  return i;
}

/** The leaf value a binned row falls in. */
export function treeValue(tree: Tree, bins: Uint8Array, base: number): number {
  let node = 0;
  let f = tree.feature[0] as number;
  while (f >= 0) {
    node =
      (bins[base + f] as number) <= (tree.threshold[node] as number)
        ? (tree.left[node] as number)
        : (tree.right[node] as number);
    f = tree.feature[node] as number;
  }
  return tree.value[node] as number;
}
