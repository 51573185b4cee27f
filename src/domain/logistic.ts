/**
 * Logistic regression on soft labels (a label's strategic share, not only 0 or 1), fitted by
 * Newton's method with an L2 penalty on every weight but the bias. Deterministic: the same rows in the
 * same order give the same weights, so a fitted model can be reproduced byte for byte.
 */

export interface LogisticFit { bias: number; weights: number[] }

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Solves A·x = b by Gaussian elimination with partial pivoting (A is small and symmetric positive definite).
 */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const d = m[c]![c]!;
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / d;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

/** Fits bias and weights to rows `x` with targets `y` in [0, 1]; `lambda` is the L2 penalty. */
export function fitLogistic(x: number[][], y: number[], lambda: number, iterations = 30): LogisticFit {
  const d = (x[0]?.length ?? 0) + 1;
  let beta = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    x.forEach((row, i) => {
      const v = [1, ...row];
      const p = sigmoid(v.reduce((s, xi, k) => s + xi * beta[k]!, 0));
      const w = Math.max(p * (1 - p), 1e-9);
      for (let a = 0; a < d; a++) {
        grad[a] += (p - y[i]!) * v[a]!;
        for (let b = a; b < d; b++) hess[a]![b] += w * v[a]! * v[b]!;
      }
    });
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < a; b++) hess[a]![b] = hess[b]![a]!;
      if (a > 0) { grad[a] += lambda * beta[a]!; hess[a]![a] += lambda; }
    }
    const step = solve(hess, grad);
    beta = beta.map((b, k) => b - step[k]!);
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { bias: beta[0]!, weights: beta.slice(1) };
}

export function logit(fit: LogisticFit, row: number[]): number {
  return row.reduce((s, xi, k) => s + xi * fit.weights[k]!, fit.bias);
}
