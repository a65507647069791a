import { App } from 'aws-cdk-lib';
import { DeployGateError } from '../lib/stack/deploy-gate';
import { addNagChecks } from '../lib/stack/nag';
import { SmslintStack } from '../lib/stack/smslint-stack';

// Environment-agnostic on purpose: no account or region lookups, so `cdk synth` runs offline.
const app = new App();
addNagChecks(app);
try {
  new SmslintStack(app, 'Smslint', { description: 'smslint: lint, store and dispatch SMS templates' });
  app.synth();
} catch (error) {
  // A refused template is a verdict, not a crash: its list, without a stack trace.
  if (!(error instanceof DeployGateError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
