import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { Charset, LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { besideBundleCommands, lambdaBundling } from '../service/bundling';
import { acknowledge } from './nag';
import { fromRoot, projectRoot } from './paths';

export interface ServiceFunctionProps {
  /** The handler file: absolute, or relative to the project root (`lambdas/lint.ts`). */
  readonly entry: string;
  /** What the function does, shown in the Lambda console. */
  readonly description: string;
  /**
   * The most concurrent executions this function may take: a cap on cost and on the
   * load it can put on DynamoDB and SNS, and a floor no other function can starve.
   */
  readonly reservedConcurrency: number;
  /** Extra environment variables (the Powertools ones are always set). */
  readonly environment?: Record<string, string>;
  /** Compile-time constants for esbuild (`bundling.define`), e.g. the playground page. */
  readonly define?: Record<string, string>;
  /** @default 256 */
  readonly memorySize?: number;
  /** @default 10 seconds: API Gateway gives up at 29 s; our handlers answer in milliseconds. */
  readonly timeout?: Duration;
  /** @default one month */
  readonly logRetention?: RetentionDays;
}

/**
 * One Lambda function of the service: bundled locally by esbuild (no Docker), Node.js 22
 * on arm64, with its own log group whose retention is set, and Powertools settings.
 * Every function of the stack is one of these, so they cannot drift apart.
 */
export class ServiceFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    // An explicit log group, not the implicit one Lambda creates on first call: its
    // retention is set and it leaves with the stack.
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Its own role rather than AWSLambdaBasicExecutionRole (logs:* on every log group):
    // it may write to its own log group and nothing else until granted more.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.logGroup.grantWrite(role);
    this.function = new NodejsFunction(this, 'Function', {
      role,
      entry: fromRoot(props.entry),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: fromRoot('package-lock.json'),
      description: props.description,
      // Node.js 22 is the runtime the bundles target and the suite is written for.
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(10),
      reservedConcurrentExecutions: props.reservedConcurrency,
      tracing: Tracing.ACTIVE,
      logGroup: this.logGroup,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'smslint',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
      // The options `npm run bench` measures (lib/service/bundling.ts), so the deployed
      // bundle is the measured one.
      bundling: {
        format: OutputFormat.CJS,
        target: lambdaBundling.target,
        minify: lambdaBundling.minify,
        sourceMap: lambdaBundling.sourcemap,
        charset: Charset.UTF8,
        esbuildArgs: {
          '--legal-comments': lambdaBundling.legalComments,
          ...Object.fromEntries(Object.entries(lambdaBundling.alias).map(([from, to]) => [`--alias:${from}`, to])),
        },
        mainFields: [...lambdaBundling.mainFields],
        externalModules: [...lambdaBundling.external],
        define: props.define,
        logLevel: LogLevel.WARNING,
        // Every bundle leaves the runtime compilers and the locale models out
        // (`lambdaBundling.external`): each asset carries them beside `index.js`, for the
        // first request that needs them.
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir, outputDir) => besideBundleCommands(outputDir).map((command) => command.map(shellQuoted).join(' ')),
        },
      },
    });
    for (const id of ['AwsSolutions-L1', 'Serverless-LambdaLatestVersion']) {
      acknowledge(
        this.function,
        id,
        'Node.js 22 is the runtime the bundles target (esbuild node22) and the service is tested on; moving to 24 is a decision of its own.',
      );
    }
    acknowledge(
      this.function,
      'Serverless-LambdaDLQ',
      'Only API Gateway invokes the function, synchronously: a failure goes back to the caller as a 5xx (and raises the alarm); there is no asynchronous event to keep.',
    );
    acknowledge(
      role,
      'AwsSolutions-IAM5',
      'X-Ray active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
      'Resource::*',
    );
  }
}

/** One argument as a POSIX shell reads it back unchanged (the hooks' commands run in bash). */
function shellQuoted(argument: string): string {
  return `'${argument.replaceAll("'", `'\\''`)}'`;
}
