import { createLambdaHandler } from '../lib/service/lambda';

/** Stub entry: routes land with the service core. */
export const handler = createLambdaHandler(() => []);
