/**
 * Runs in every test worker before its tests. The AWS SDK warns once per process that its
 * releases after January 2027 need Node 22; this machine and CI run Node 20 and the Lambda
 * functions Node 22. `AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED` is the SDK's own
 * switch for it (aws/aws-sdk-js-v3#7983); processes the tests start inherit it.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
