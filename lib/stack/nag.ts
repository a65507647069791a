import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks, type NagPack } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** The cdk-nag packs the stack must pass: AWS Solutions and Serverless. */
export function nagPacks(app: App): NagPack[] {
  return [new AwsSolutionsChecks(app), new ServerlessChecks(app)];
}

/** Runs the packs at every synthesis: a finding nobody acknowledged stops it. */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(...nagPacks(app));
}

/**
 * Accepts one cdk-nag finding on one construct (and its children), with the reason on
 * record. `appliesTo` narrows it to one flagged item, e.g. `Resource::*` for IAM5.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string, appliesTo?: string): void {
  Validations.of(scope).acknowledge({ id: appliesTo ? `${id}[${appliesTo}]` : id, reason });
}
