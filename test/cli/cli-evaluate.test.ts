import { join } from 'node:path';
import { DEV_SET, file, line, run } from './cli-kit';

describe('evaluate and balance', () => {
  it('evaluate prints labeled in-sample metrics and ends with the leave-one-source-out macro-F1', () => {
    const r = run(['evaluate', DEV_SET]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^the shipped model on these rows \(in-sample on the dev set/);
    expect(r.stdout).toMatch(/confusion/);
    expect(r.stdout).toMatch(/worst misses/);
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-2)).toMatch(/^macro-F1 in-sample, strategic vs tactical \d\.\d\d$/);
    expect(Number(lines.at(-2)!.split(' ').pop())).toBeGreaterThanOrEqual(0.85);
    expect(lines.at(-1)).toMatch(/^macro-F1 leave-one-source-out, pooled \d\.\d{3}$/);
    // The figure that predicts new sources: at least what the shipped model reaches today (README).
    expect(Number(lines.at(-1)!.split(' ').pop())).toBeGreaterThanOrEqual(0.85);
  });

  it('evaluate does not call figures in-sample on rows the model was not fitted on', () => {
    const r = run(['evaluate', join(__dirname, '..', 'data', 'titanium-calls-labeled.jsonl')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^the shipped model on these rows \(not the rows it was fitted on\)/);
    expect(r.stdout).not.toMatch(/in-sample/);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(
      /^macro-F1 on these rows, strategic vs tactical \d\.\d\d$/,
    );
  });

  it('evaluate refuses a file without gold labels', () => {
    const r = run(['evaluate', file('nogold.jsonl', line({}))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no row has a "gold" label/);
  });

  it('balance prints per project and per epic', () => {
    const r = run([
      'balance',
      file(
        'bal.jsonl',
        [
          line({ key: 'P-1', project: 'P', type: 'Epic', summary: 'Checkout' }),
          line({ key: 'P-2', project: 'P', parent: 'P-1', storyPoints: 3 }),
        ].join('\n'),
      ),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/by project\n\s+P\s+count S\/T\/M 0\/2\/0\s+points S\/T\/M 0\/3\/0/);
    expect(r.stdout).toMatch(/by epic[^\n]*\n\s+P-1 /);
  });
});

describe('evaluate by source', () => {
  it('scores each source of the dev set on its own, with the pooled figures and a bootstrap interval', () => {
    const r = run(['evaluate', DEV_SET]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^by source \(in-sample/m);
    expect(r.stdout).toMatch(/^by source \(leave-one-source-out/m);
    expect(r.stdout).toMatch(/^gold-mixed rows with a strategic share inside 0\.35–0\.65: \d+%$/m);
    const ratio = String.raw`(\d\.\d\d|n/a)`;
    for (const source of [
      'tidev/jira-archive',
      'PostHog/posthog.com',
      'kubernetes/enhancements',
      'open-telemetry/community',
    ]) {
      expect(r.stdout).toMatch(
        new RegExp(String.raw`^${source.replace('.', '\\.')} +\d+ +\d\.\d\d +${ratio} +${ratio}$`, 'm'),
      );
    }
    // Kubernetes has no strategic item, so no recall; fluid's two strategic items get no strategic call, so
    // no precision. The in-sample table comes first.
    expect(r.stdout).toMatch(/^kubernetes\/enhancements +39 +\d\.\d\d +n\/a +\d\.\d\d$/m);
    expect(r.stdout).toMatch(/^fluid-project\/jira-to-11ty +65 +\d\.\d\d +0\.00 +n\/a$/m);
    expect(r.stdout).toMatch(/^pooled +362 /m);
    expect(r.stdout).toMatch(/^pooled 95% bootstrap interval: macro-F1 \d\.\d\d–\d\.\d\d/m);
  });
});
