import { App, Validations } from 'aws-cdk-lib';
import type { PolicyViolation } from 'aws-cdk-lib';
import { nagPacks } from '../../lib/stack/nag';
import { SmslintStack } from '../../lib/stack/smslint-stack';
import { emptyTemplatesDir } from './no-templates';

let violations: PolicyViolation[];
let acknowledged: { path: string; id: string; reason: string }[];

const noTemplates = emptyTemplatesDir();
afterAll(() => noTemplates.remove());

beforeAll(() => {
  // cdk-nag reads the construct tree, not the assets: no bundling needed.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new SmslintStack(app, 'Smslint', { templatesDir: noTemplates.dir });
  violations = nagPacks(app).flatMap((pack) => pack.validateScope(app).violations);
  acknowledged = stack.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ path: construct.node.path, id, reason })),
      ),
  );
});

test('the AwsSolutions and Serverless packs find nothing left unacknowledged', () => {
  const unacknowledged = violations.map(
    (violation) => `${violation.ruleName}: ${violation.violatingResources.map((resource) => resource.constructPath).join(', ')}`,
  );
  expect(unacknowledged).toEqual([]);
});

test('every acknowledgement names one rule (narrowed to one item where the rule has items) and gives its reason', () => {
  console.log(`cdk-nag: ${acknowledged.length} acknowledged findings:\n${acknowledged.map((a) => `  ${a.path} ${a.id}: ${a.reason}`).join('\n')}`);
  expect(new Set(acknowledged.map(({ id }) => id.replace(/^Annotation::/, '')))).toEqual(
    new Set([
      'AwsSolutions-APIG3',
      'AwsSolutions-APIG4',
      'AwsSolutions-COG4',
      'AwsSolutions-COG8',
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      'AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions-L1',
      'Serverless-LambdaDLQ',
      'Serverless-LambdaLatestVersion',
    ]),
  );
  for (const { reason } of acknowledged) expect(reason.length).toBeGreaterThan(40);
});

test('acknowledgements sit on the resources they concern, never on the stack or the app', () => {
  for (const { path } of acknowledged) expect(path.split('/').length).toBeGreaterThan(1);
});
