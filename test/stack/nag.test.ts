import { App, Stack, Validations } from 'aws-cdk-lib';
import type { PolicyViolation } from 'aws-cdk-lib';
import { nagPacks } from '../../lib/stack/nag';
import { SmslintStack } from '../../lib/stack/smslint-stack';

let violations: PolicyViolation[];
let acknowledged: { path: string; id: string; reason: string }[];

beforeAll(() => {
  const app = new App();
  const stack = new SmslintStack(app, 'Smslint');
  violations = nagPacks(app).flatMap((pack) => pack.validateScope(app).violations);
  acknowledged = stack.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ path: construct.node.path, id, reason })),
      ),
  );
  Stack.of(stack);
});

test('the AwsSolutions and Serverless packs find nothing left unacknowledged', () => {
  const unacknowledged = violations.map(
    (violation) => `${violation.ruleName}: ${violation.violatingResources.map((resource) => resource.constructPath).join(', ')}`,
  );
  expect(unacknowledged).toEqual([]);
});

test('every acknowledged finding carries a reason', () => {
  console.log(`cdk-nag: ${acknowledged.length} acknowledged findings:\n${acknowledged.map((a) => `  ${a.path} ${a.id}: ${a.reason}`).join('\n')}`);
  expect(acknowledged.length).toBeGreaterThan(0);
  for (const { reason } of acknowledged) expect(reason.length).toBeGreaterThan(20);
});
