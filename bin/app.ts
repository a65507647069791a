import { App } from 'aws-cdk-lib';
import { addNagChecks } from '../lib/stack/nag';
import { SmslintStack } from '../lib/stack/smslint-stack';

// Environment-agnostic on purpose: no account or region lookups, so `cdk synth` runs offline.
const app = new App();
addNagChecks(app);
new SmslintStack(app, 'Smslint', { description: 'smslint: lint, store and dispatch SMS templates' });
app.synth();
